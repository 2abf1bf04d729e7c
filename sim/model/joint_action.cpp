#include "model/joint_action.hpp"

#include <algorithm>

#include "model/mechanisms.hpp"
#include "model/regard.hpp"
#include "model/population.hpp"

namespace placesim {

namespace {

// u_ni = alpha_n c_n a_n chi_n iota_n (p_ni + focus), the effort agent n puts into issue i:
// attention, capacity and authority, as far as n is committed to joint work (chi) and settled
// in post (iota = min(1, (tenure + 1) / population.induction_months)).
void compute_contributions(ModelState& st) {
  const Agents& a = st.agents;
  const auto k = static_cast<std::size_t>(st.issues);
  const auto stride = static_cast<std::size_t>(st.scratch.issue_stride);
  const int induction = st.params.population.induction_months;
  for (int n = 0; n < a.count; ++n) {
    const auto ni = static_cast<std::size_t>(n);
    const double settled = induction > 0 ? std::min(1.0, (a.tenure[ni] + 1.0) / induction) : 1.0;
    const double scale = a.attention[ni] * a.capacity[ni] * st.authority(n) * a.commitment[ni] * settled;
    const double* p = a.priorities_of(n);
    double* u = &st.scratch.contribution[ni * stride];
    for (std::size_t i = 0; i < k; ++i) u[i] = scale * p[i];
    if (a.focus_issue[ni] >= 0) u[a.focus_issue[ni]] += scale * a.focus_strength[ni];
  }
}

// Sum over cross-sector ties n -> m of u_ni u_mi (trust_nm - stranger), for every issue:
// for each n, first sum (trust_nm - stranger) u_m over its ties, then multiply by u_n. The
// sums run over blocks of kIssueBlock issues (rows are padded with zeros), so that they stay
// in registers.
void cross_tie_products(ModelState& st, double stranger, double* __restrict out) {
  const auto k = static_cast<std::size_t>(st.issues);
  const auto stride = static_cast<std::size_t>(st.scratch.issue_stride);
  std::fill(out, out + k, 0.0);
  const double* __restrict contribution = st.scratch.contribution.data();
  const TrustGraph& g = st.trust;
  for (int n = 0; n < g.agents(); ++n) {
    const int* targets = g.targets(n, Layer::Cross);
    const float* trusts = g.trusts(n, Layer::Cross);
    const int d = g.degree(n, Layer::Cross);
    const double* un = contribution + static_cast<std::size_t>(n) * stride;
    for (std::size_t block = 0; block < stride; block += kIssueBlock) {
      double heard[kIssueBlock] = {};
      for (int t = 0; t < d; ++t) {
        const double* um = contribution + static_cast<std::size_t>(targets[t]) * stride + block;
        const double w = trusts[t] - stranger;
        for (int j = 0; j < kIssueBlock; ++j) heard[j] += w * um[j];
      }
      const std::size_t width = std::min<std::size_t>(kIssueBlock, k - block);
      for (std::size_t j = 0; j < width; ++j) out[block + j] += un[block + j] * heard[j];
    }
  }
}

// Trust between cross-sector partners who worked together this month (their tie was used)
// moves with the remembered progress of the issues they both put priority on ("amplify what
// works"; visible failure lowers it).
void success_feedback(ModelState& st) {
  const JointActionParams& jp = st.params.joint_action;
  const int k = st.issues;
  const double* success = st.place_state.progress.data();
  bool any = false;
  for (int i = 0; i < k; ++i) any = any || success[i] != 0.0;
  if (!any) return;
  TrustGraph& g = st.trust;
  double* weighted = st.scratch.simplex_point.data();  // success_i p_ni
  for (int n = 0; n < g.agents(); ++n) {
    const double* pn = st.agents.priorities_of(n);
    for (int i = 0; i < k; ++i) weighted[i] = success[i] * pn[i];
    const int* targets = g.targets(n, Layer::Cross);
    const int* last = g.last_contacts(n, Layer::Cross);
    float* trusts = g.trusts(n, Layer::Cross);
    for (int t = 0, d = g.degree(n, Layer::Cross); t < d; ++t) {
      if (last[t] != st.month) continue;
      const double* pm = st.agents.priorities_of(targets[t]);
      double shared = 0;
      for (int i = 0; i < k; ++i) shared += weighted[i] * pm[i];
      shared = std::clamp(shared * k, -1.0, 1.0);  // k: two uniform agents share 1/k
      const double trust = trusts[t];
      trusts[t] = static_cast<float>(trust + (shared > 0 ? jp.success_trust_gain * shared * (1.0 - trust)
                                                          : jp.failure_trust_loss * shared * trust));
    }
  }
}

}  // namespace

void measure_joint_action(ModelState& st) {
  compute_contributions(st);
  const auto k = static_cast<std::size_t>(st.issues);
  const auto stride = static_cast<std::size_t>(st.scratch.issue_stride);
  PlaceState& ps = st.place_state;
  std::fill(ps.sector_effort.begin(), ps.sector_effort.end(), 0.0);
  // Reuse the knowledge and cohesion buffers as accumulators.
  std::fill(ps.issue_knowledge.begin(), ps.issue_knowledge.end(), 0.0);
  for (int n = 0; n < st.agents.count; ++n) {
    const auto ni = static_cast<std::size_t>(n);
    const std::size_t s = index(st.sector(n));
    const double* u = &st.scratch.contribution[ni * stride];
    for (std::size_t i = 0; i < k; ++i) {
      ps.sector_effort[i * kMaxSectors + s] += u[i];
      ps.issue_knowledge[i] += u[i] * st.agents.knowledge[ni];
    }
  }
  // Cohesion: contributors from different sectors who do not know each other extend the
  // trust of a first meeting; their ties raise or lower it from there.
  // Contributors who do not know each other meet as strangers do (first-meeting trust, as far
  // as the place's climate colours it).
  ps.climate = partnership_climate(st);
  const double g = st.params.trust.generalisation;
  const double stranger = (1.0 - g) * st.params.trust.new_tie_cross + g * ps.climate;
  cross_tie_products(st, stranger, ps.cohesion.data());

  const auto sectors = static_cast<std::size_t>(st.place.sectors);
  for (std::size_t i = 0; i < k; ++i) {
    const IssueSpec& issue = st.place.issues[i];
    const PerSector& weights = st.place.issue_weights[i];
    double* sums = &ps.sector_effort[i * kMaxSectors];  // still raw sums of u
    double total = 0;
    double same_sector_pairs = 0;
    for (std::size_t s = 0; s < sectors; ++s) {
      total += sums[s];
      same_sector_pairs += sums[s] * sums[s];
    }
    // All ordered cross-sector pairs' u_n u_m: (sum u)^2 minus the same-sector part.
    const double cross_pairs = total * total - same_sector_pairs;
    ps.cohesion[i] =
        cross_pairs > 0 ? std::clamp(stranger + ps.cohesion[i] / cross_pairs, 0.0, 1.0) : 0.0;
    ps.issue_knowledge[i] = total > 0 ? ps.issue_knowledge[i] / total : 0.0;

    PerSector effort{};
    double joint = 0;
    for (std::size_t s = 0; s < sectors; ++s) {
      const double authority = st.place.sector_authority[s];
      effort[s] = authority > 0 ? sums[s] / authority : 0.0;
      sums[s] = effort[s];
      joint += weights[s] * effort[s];
    }
    ps.joint_effort[i] = joint;
    ps.effectiveness[i] = effectiveness(weights, effort, issue.wickedness, ps.cohesion[i],
                                        ps.issue_knowledge[i]);
  }
}

void run_joint_action(ModelState& st) {
  measure_joint_action(st);
  PlaceState& ps = st.place_state;
  const JointActionParams& jp = st.params.joint_action;
  for (int i = 0; i < st.issues; ++i) {
    const auto ii = static_cast<std::size_t>(i);
    ps.outcome[ii] = update_outcome(ps.outcome[ii], jp.outcome_rate, ps.effectiveness[ii],
                                    st.place.issues[ii].drift);
    // Last month's outcome to this month's, crises included: what people see, remembered
    // over progress_memory months (results are slow to show; one month is mostly noise).
    st.scratch.success[ii] =
        std::clamp((ps.outcome[ii] - ps.previous_outcome[ii]) / jp.success_scale, -1.0, 1.0);
    ps.progress[ii] += (st.scratch.success[ii] - ps.progress[ii]) / std::max(1.0, jp.progress_memory);
    ps.previous_outcome[ii] = ps.outcome[ii];
  }
  update_salience(st);
  success_feedback(st);
}

}  // namespace placesim
