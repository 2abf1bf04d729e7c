#include "model/commitment.hpp"

#include <algorithm>

#include "model/regard.hpp"

namespace placesim {

namespace {

// Inline for update_commitment's monthly pass over every agent.
inline double target_of(const ModelState& st, int n, const double* progress) {
  const CommitmentParams& cp = st.params.commitment;
  const double* p = st.agents.priorities_of(n);
  double seen = 0;
  for (int i = 0; i < st.issues; ++i) seen += p[i] * progress[i];
  const double trust = cross_sector_regard(st, n) - st.params.trust.new_tie_cross;
  return std::clamp(cp.base + cp.trust * trust + cp.progress * seen, 0.0, 1.0);
}

}  // namespace

double commitment_target(const ModelState& st, int n) { return target_of(st, n, st.place_state.progress.data()); }

void update_commitment(ModelState& st) {
  // Everything the pass reads is hoisted into locals: writing commitment through a double*
  // would otherwise make the compiler reload each of them for every agent.
  const CommitmentParams cp = st.params.commitment;
  const double stranger = st.params.trust.new_tie_cross;
  const std::vector<int>& staffed = st.place.staffed_sectors;
  const int k = st.issues;
  const double* progress = st.place_state.progress.data();
  const double* regard = st.agents.regard.data();
  const double* priorities = st.agents.priorities.data();
  const Sector* sector = st.place.sector_of.data();
  double* chi = st.agents.commitment.data();
  for (int n = 0; n < st.agents.count; ++n) {
    const auto ni = static_cast<std::size_t>(n);
    const double* p = priorities + ni * static_cast<std::size_t>(k);
    double seen = 0;
    for (int i = 0; i < k; ++i) seen += p[i] * progress[i];
    const double trust =
        mean_regard_for_others(regard + ni * kMaxSectors, index(sector[ni]), staffed, stranger);
    const double target = std::clamp(cp.base + cp.trust * (trust - stranger) + cp.progress * seen, 0.0, 1.0);
    chi[ni] += cp.adjustment * (target - chi[ni]);
  }
}

}  // namespace placesim
