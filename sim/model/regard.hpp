#pragma once
// Regard: how a leader has come to find each sector, from experiences of its people
// (docs/ODD.md 7.2.4). It colours every first meeting, sets willingness to commit, and lives on
// in an organisation: a newcomer takes much of its colleagues' regard. It is the model's memory
// of a partnership's history, which outlasts any one relationship.
#include "model/model_state.hpp"

namespace placesim {

// n's mean regard for the other sectors of the place (those with posts), as kept in step by
// learn_regard (a stranger's trust when no other sector has posts).
inline double cross_sector_regard(const ModelState& st, int n) {
  return st.agents.cross_regard[static_cast<std::size_t>(n)];
}

// Recomputes n's mean regard for the other sectors with posts from its regard row: after its
// row was set as a whole (a newcomer, the start of a run).
void refresh_cross_regard(ModelState& state, int n);

// One lesson from a tie: n's regard for the tie's sector moves `rate` of the way to the tie's
// trust, and n's mean cross-sector regard moves with it by that sector's share, `weight`
// (place.other_sector_weight for another sector, 0 for n's own). Every change of regard
// after a row is set goes through here, so the mean stays in step.
inline void learn_regard(double& regard, double& cross_regard, double trust, double rate, double weight) {
  const double change = rate * (trust - regard);
  regard += change;
  cross_regard += weight * change;
}

// Its mean over the place's agents: the partnership's climate.
double partnership_climate(const ModelState& state);

// Sector s's mean regard for every sector, over its posts, as at the start of this month.
const PerSector& sector_regard(ModelState& state, Sector s);

// A newcomer's regard for each sector: (1 - memory) of a stranger's (the trust of a first
// meeting) and memory = trust.institutional_memory of its colleagues' mean regard, as it stood
// at the start of the month. The means are taken when the month's first newcomer arrives: the
// events of a month (elections, turnover) change no regard but the newcomers' own, so that is
// the month's start, and a month without newcomers does not pay for them.
void set_newcomer_regard(ModelState& state, int n);

}  // namespace placesim
