#include "model/regard.hpp"

namespace placesim {

double partnership_climate(const ModelState& st) {
  double sum = 0;
  for (int n = 0; n < st.agents.count; ++n) sum += cross_sector_regard(st, n);
  return st.agents.count > 0 ? sum / st.agents.count : st.params.trust.new_tie_cross;
}

void update_sector_regard(ModelState& st) {
  auto& mean = st.place_state.sector_regard;
  for (auto& row : mean) row.fill(0.0);
  const auto sectors = static_cast<std::size_t>(st.place.sectors);
  for (int n = 0; n < st.agents.count; ++n) {
    const double* regard = st.agents.regard_of(n);
    PerSector& row = mean[index(st.sector(n))];
    for (std::size_t s = 0; s < sectors; ++s) row[s] += regard[s];
  }
  for (std::size_t r = 0; r < sectors; ++r) {
    const int size = st.place.sector_size[r];
    if (size == 0) continue;
    for (std::size_t s = 0; s < sectors; ++s) mean[r][s] /= size;
  }
}

void set_newcomer_regard(ModelState& st, int n) {
  const TrustParams& tp = st.params.trust;
  const std::size_t own = index(st.sector(n));
  const PerSector& colleagues = st.place_state.sector_regard[own];
  double* regard = st.agents.regard_of(n);
  for (std::size_t s = 0; s < static_cast<std::size_t>(st.place.sectors); ++s) {
    const double stranger = s == own ? tp.new_tie_within : tp.new_tie_cross;
    regard[s] = (1.0 - tp.institutional_memory) * stranger + tp.institutional_memory * colleagues[s];
  }
}

}  // namespace placesim
