#include "model/interventions/session.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

#include "model/meetings.hpp"
#include "model/regard.hpp"
#include "model/simplex.hpp"

namespace placesim {

namespace {

// x moves `rate` of its gap to 1 (a negative rate: as far towards 0), staying in [0, 1].
double towards_one(double x, double rate) { return std::clamp(x + rate * (1.0 - x), 0.0, 1.0); }

// Where the session moves priorities: the focal issue, residents' salience, or the
// attendees' own authority-weighted mean (a shared ambition). False when there is none.
bool priority_target(const InterventionSpec& spec, int focal, const std::vector<int>& attendees,
                     const ModelState& st, std::vector<double>& target) {
  const int k = st.issues;
  std::fill(target.begin(), target.begin() + k, 0.0);
  switch (spec.priority_target) {
    case PriorityTarget::Focal:
      if (focal < 0) return false;
      target[static_cast<std::size_t>(focal)] = 1.0;
      return true;
    case PriorityTarget::Residents:
      std::copy(st.place_state.salience.begin(), st.place_state.salience.end(), target.begin());
      return true;
    case PriorityTarget::Shared: {
      double authority = 0;
      for (int n : attendees) {
        const double w = st.authority(n);
        for (int i = 0; i < k; ++i) target[static_cast<std::size_t>(i)] += w * st.agents.priorities_of(n)[i];
        authority += w;
      }
      if (authority <= 0) return false;
      for (int i = 0; i < k; ++i) target[static_cast<std::size_t>(i)] /= authority;
      return true;
    }
  }
  return false;
}

}  // namespace

void hold_session(const InterventionSpec& spec, int focal, const std::vector<int>& attendees,
                  const std::vector<double>& multiplier, int ends, ModelState& st, std::vector<double>& target) {
  auto m = [&](int n) { return multiplier[static_cast<std::size_t>(n)]; };
  const InterventionEffects& e = spec.effects;
  Agents& a = st.agents;
  const int month = st.month;

  // Trust among every two attendees, creating ties where none exist (both directions).
  if (e.trust > 0) {
    for (std::size_t i = 0; i < attendees.size(); ++i) {
      for (std::size_t j = i + 1; j < attendees.size(); ++j) {
        const int x = attendees[i], y = attendees[j];
        const Layer layer = st.trust.layer_between(x, y);
        const double first = layer == Layer::Cross ? st.params.trust.new_tie_cross : st.params.trust.new_tie_within;
        const TrustGraph::Link link = st.trust.link(x, y, first, first, month);
        if (link.created) set_first_meeting_trust(st, x, y, link);
        const double effect = e.trust * 0.5 * (m(x) + m(y));
        for (const auto& [n, k, other] : {std::tuple{x, link.forward, y}, std::tuple{y, link.backward, x}}) {
          float& tie = st.trust.trust(n, layer, k);
          tie = static_cast<float>(towards_one(tie, effect));
          st.trust.mark_contact(n, layer, k, month);
          // What the session showed of the other's organisation, as an encounter would.
          learn_regard(st.agents.regard_of(n)[index(st.sector(other))], st.agents.cross_regard[static_cast<std::size_t>(n)],
                       tie, st.params.trust.regard_learning,
                       layer == Layer::Cross ? st.place.other_sector_weight : 0.0);
        }
      }
    }
  }

  const bool moves_priorities = e.priorities > 0 && priority_target(spec, focal, attendees, st, target);
  for (int n : attendees) {
    const auto ni = static_cast<std::size_t>(n);
    const double gain = m(n);
    if (std::isnan(a.capacity_before_sessions[ni])) a.capacity_before_sessions[ni] = a.capacity[ni];
    a.capacity[ni] = towards_one(a.capacity[ni], e.capacity * gain);
    a.knowledge[ni] = towards_one(a.knowledge[ni], e.knowledge * gain);
    a.literacy[ni] = towards_one(a.literacy[ni], e.literacy * gain);
    const double forward = std::clamp(gain, 0.0, 1.0 / std::max(e.priorities, 1e-9));  // a share of the way, at most all of it
    if (moves_priorities) {
      move_towards(a.priorities_of(n), target.data(), e.priorities * forward, st.issues);
      move_towards(a.mandate_of(n), target.data(), e.priorities * forward * spec.commitment, st.issues);
    }
    const double focus = e.focus * std::max(0.0, gain);
    if (focus > 0 && focal >= 0) {
      // One focal issue at a time: a stronger focus replaces a weaker one.
      if (a.focus_issue[ni] != focal && a.focus_strength[ni] < focus) a.focus_issue[ni] = focal;
      if (a.focus_issue[ni] == focal) a.focus_strength[ni] = std::max(a.focus_strength[ni], focus);
    }
    if (spec.confidential) a.confidential_until[ni] = std::max(a.confidential_until[ni], ends);
    a.fatigue[ni] += spec.fatigue * (1.0 - a.fatigue[ni]);
  }
}

}  // namespace placesim
