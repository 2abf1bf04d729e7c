#include "model/regard.hpp"

namespace placesim {

void refresh_cross_regard(ModelState& st, int n) {
  const std::vector<int>& staffed = st.place.staffed_sectors;
  double& mean = st.agents.cross_regard[static_cast<std::size_t>(n)];
  if (staffed.size() < 2) {
    mean = st.params.trust.new_tie_cross;  // no other sector to regard: as a stranger would
    return;
  }
  const double* regard = st.agents.regard_of(n);
  double sum = -regard[index(st.sector(n))];  // one's own sector is staffed: it holds n
  for (const int s : staffed) sum += regard[s];
  mean = sum * st.place.other_sector_weight;
}

double partnership_climate(const ModelState& st) {
  double sum = 0;
  for (int n = 0; n < st.agents.count; ++n) sum += cross_sector_regard(st, n);
  return st.agents.count > 0 ? sum / st.agents.count : st.params.trust.new_tie_cross;
}

const PerSector& sector_regard(ModelState& st, Sector s) {
  const std::size_t r = index(s);
  PerSector& mean = st.place_state.sector_regard[r];
  int& taken = st.place_state.sector_regard_month[r];
  if (taken == st.month) return mean;
  // The events of a month (elections, turnover) change no regard but their newcomers' own, so
  // until the month's first newcomer arrives the rows are as they stood at the month's start.
  mean.fill(0.0);
  const auto sectors = static_cast<std::size_t>(st.place.sectors);
  for (int n = 0; n < st.agents.count; ++n) {
    if (st.sector(n) != s) continue;
    const double* regard = st.agents.regard_of(n);
    for (std::size_t q = 0; q < sectors; ++q) mean[q] += regard[q];
  }
  const int size = st.place.sector_size[r];
  if (size > 0) {
    for (std::size_t q = 0; q < sectors; ++q) mean[q] /= size;
  }
  taken = st.month;
  return mean;
}

void set_newcomer_regard(ModelState& st, int n) {
  const TrustParams& tp = st.params.trust;
  const std::size_t own = index(st.sector(n));
  const PerSector& colleagues = sector_regard(st, st.sector(n));
  double* regard = st.agents.regard_of(n);
  for (std::size_t s = 0; s < static_cast<std::size_t>(st.place.sectors); ++s) {
    const double stranger = s == own ? tp.new_tie_within : tp.new_tie_cross;
    regard[s] = (1.0 - tp.institutional_memory) * stranger + tp.institutional_memory * colleagues[s];
  }
  refresh_cross_regard(st, n);
}

}  // namespace placesim
