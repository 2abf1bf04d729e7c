#include "model/interventions/session.hpp"

#include <algorithm>
#include <utility>

#include "model/simplex.hpp"

namespace placesim {

namespace {

double towards_one(double x, double rate) { return x + rate * (1.0 - x); }

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

void hold_session(const InterventionSpec& spec, int focal, const std::vector<int>& attendees, int ends,
                  ModelState& st, std::vector<double>& target) {
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
        for (const auto& [n, k] : {std::pair{x, link.forward}, std::pair{y, link.backward}}) {
          float& tie = st.trust.trust(n, layer, k);
          tie = static_cast<float>(towards_one(tie, e.trust));
          st.trust.mark_contact(n, layer, k, month);
        }
      }
    }
  }

  const bool moves_priorities = e.priorities > 0 && priority_target(spec, focal, attendees, st, target);
  const double mandate_shift = e.priorities * spec.commitment;
  for (int n : attendees) {
    const auto ni = static_cast<std::size_t>(n);
    a.capacity[ni] = towards_one(a.capacity[ni], e.capacity);
    a.knowledge[ni] = towards_one(a.knowledge[ni], e.knowledge);
    a.literacy[ni] = towards_one(a.literacy[ni], e.literacy);
    if (moves_priorities) {
      move_towards(a.priorities_of(n), target.data(), e.priorities, st.issues);
      move_towards(a.mandate_of(n), target.data(), mandate_shift, st.issues);
    }
    if (e.focus > 0 && focal >= 0) {
      // One focal issue at a time: a stronger focus replaces a weaker one.
      if (a.focus_issue[ni] != focal && a.focus_strength[ni] < e.focus) a.focus_issue[ni] = focal;
      if (a.focus_issue[ni] == focal) a.focus_strength[ni] = std::max(a.focus_strength[ni], e.focus);
    }
    if (spec.durability_months > 0) {
      const bool durable_now = a.durable_until[ni] >= month;
      a.durable_decay_factor[ni] =
          durable_now ? std::min(a.durable_decay_factor[ni], spec.durability_factor) : spec.durability_factor;
      a.durable_until[ni] = std::max(a.durable_until[ni], month + spec.durability_months);
    }
    if (spec.confidential) a.confidential_until[ni] = std::max(a.confidential_until[ni], ends);
    a.fatigue[ni] += spec.fatigue * (1.0 - a.fatigue[ni]);
  }
}

}  // namespace placesim
