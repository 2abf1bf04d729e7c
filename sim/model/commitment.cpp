#include "model/commitment.hpp"

#include <algorithm>

#include "model/regard.hpp"

namespace placesim {

namespace {

// The progress n sees: sum_i p_ni g_i over its priorities p and the remembered progress g.
inline double progress_seen(const double* priorities, const double* progress, int issues) {
  double seen = 0;
  for (int i = 0; i < issues; ++i) seen += priorities[i] * progress[i];
  return seen;
}

// clip(base + trust (R - tau0) + progress P): docs/ODD.md 7.3.3.
inline double target_level(const CommitmentParams& cp, double stranger, double regard, double seen) {
  return std::clamp(cp.base + cp.trust * (regard - stranger) + cp.progress * seen, 0.0, 1.0);
}

}  // namespace

double commitment_target(const ModelState& st, int n) {
  const double seen = progress_seen(st.agents.priorities_of(n), st.place_state.progress.data(), st.issues);
  return target_level(st.params.commitment, st.params.trust.new_tie_cross, cross_sector_regard(st, n), seen);
}

void update_commitment(ModelState& st) {
  // Everything the pass reads is hoisted into locals: writing commitment through a double*
  // would otherwise make the compiler reload each of them for every agent.
  const CommitmentParams cp = st.params.commitment;
  const double stranger = st.params.trust.new_tie_cross;
  const int k = st.issues;
  const double* progress = st.place_state.progress.data();
  const double* priorities = st.agents.priorities.data();
  const double* cross_regard = st.agents.cross_regard.data();
  double* chi = st.agents.commitment.data();
  for (int n = 0; n < st.agents.count; ++n) {
    const auto ni = static_cast<std::size_t>(n);
    const double seen = progress_seen(priorities + ni * static_cast<std::size_t>(k), progress, k);
    chi[ni] += cp.adjustment * (target_level(cp, stranger, cross_regard[ni], seen) - chi[ni]);
  }
}

}  // namespace placesim
