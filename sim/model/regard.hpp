#pragma once
// Regard: how a leader has come to find each sector, from experiences of its people
// (docs/ODD.md 7.2.4). It colours every first meeting, sets willingness to commit, and lives on
// in an organisation: a newcomer takes much of its colleagues' regard. It is the model's memory
// of a partnership's history, which outlasts any one relationship.
#include "model/model_state.hpp"

namespace placesim {

// n's mean regard for the other sectors of the place (those with posts). Inline: commitment
// and the climate read it for every agent every month.
inline double mean_regard_for_others(const double* regard, std::size_t own, const std::vector<int>& staffed,
                                     double none) {
  if (staffed.size() < 2) return none;
  double sum = -regard[own];  // one's own sector is staffed: it holds the agent
  for (const int s : staffed) sum += regard[s];
  return sum / static_cast<double>(staffed.size() - 1);
}

inline double cross_sector_regard(const ModelState& st, int n) {
  return mean_regard_for_others(st.agents.regard_of(n), index(st.sector(n)), st.place.staffed_sectors,
                                st.params.trust.new_tie_cross);
}
// Its mean over the place's agents: the partnership's climate.
double partnership_climate(const ModelState& state);

// Each sector's mean regard for every sector, at the start of the month (place_state).
void update_sector_regard(ModelState& state);

// A newcomer's regard for each sector: (1 - memory) of a stranger's (the trust of a first
// meeting) and memory = trust.institutional_memory of its colleagues' mean regard, as it stood
// at the start of the month.
void set_newcomer_regard(ModelState& state, int n);

}  // namespace placesim
