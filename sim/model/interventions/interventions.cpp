#include "model/interventions/interventions.hpp"

#include <algorithm>

#include "model/interventions/focal_issue.hpp"
#include "model/interventions/session.hpp"
#include "model/interventions/targeting.hpp"

namespace placesim {

double relevance(int focal, const double* priorities, int issues) {
  return focal < 0 ? 1.0 : std::min(1.0, issues * priorities[focal]);
}

double attendance_probability(const InterventionSpec& spec, double relevance, double fatigue) {
  return spec.take_up * (1.0 - spec.take_up_relevance * (1.0 - relevance)) * (1.0 - spec.take_up_fatigue * fatigue);
}

Interventions::Interventions(std::vector<InterventionSpec> specs, ModelState& st) {
  const auto agents = static_cast<std::size_t>(st.place.agent_count());
  for (InterventionSpec& spec : specs) {
    Running r;
    r.eligible = eligible_posts(spec, st.place);
    r.invited.reserve(agents);
    r.member.assign(agents, 0);
    r.took_part.assign(agents, 0);
    r.multiplier.assign(agents, 1.0);
    if (spec.trigger == Trigger::Schedule) r.start = spec.start_month;
    if (spec.arrangement_cadence_months > 0) {
      r.arrangement = static_cast<int>(st.arrangements.size());
      Arrangement& a = st.arrangements.emplace_back();
      a.cadence_months = spec.arrangement_cadence_months;
      a.members.reserve(agents);
    }
    r.spec = std::move(spec);
    running_.push_back(std::move(r));
  }
  attendees_.reserve(agents);
  best_trust_.assign(agents, -1.0);
  target_.assign(static_cast<std::size_t>(st.issues), 0.0);
}

void Interventions::begin(Running& r, int index, ModelState& st) {
  select_targets(r.spec, st, r.eligible, r.invited);
  std::fill(r.member.begin(), r.member.end(), 0);
  for (int n : r.invited) r.member[static_cast<std::size_t>(n)] = 1;
  r.focal = choose_focal_issue(r.spec, st, r.invited);
  r.totals.focal_issue = r.focal;
  // How well this run goes (mean 1: one run does better than another of the same programme),
  // and how much each post would take from it, drawn once, in post order.
  RandomStream rng = st.stream(Purpose::ProgrammeQuality, index);
  const double quality = 1.0 + r.spec.quality_sd * rng.normal();
  for (double& m : r.multiplier) m = quality * (1.0 + r.spec.participant_sd * rng.normal());
  std::fill(r.took_part.begin(), r.took_part.end(), 0);
  r.totals.quality = quality;
  ++r.totals.runs;
  r.totals.cost += r.spec.cost_fixed;
  st.events.cost += r.spec.cost_fixed;
}

void Interventions::finish(Running& r, ModelState& st) {
  if (r.arrangement < 0) return;
  // The posts that took part keep meeting from next month: a new holder inherits the seat.
  Arrangement& a = st.arrangements[static_cast<std::size_t>(r.arrangement)];
  a.members.clear();
  for (int n = 0; n < st.place.agent_count(); ++n) {
    if (r.took_part[static_cast<std::size_t>(n)]) a.members.push_back(n);
  }
  a.first_month = st.month + 1;
  a.active = a.members.size() >= 2;
}

void Interventions::session(Running& r, int index, ModelState& st) {
  const bool first = st.month == r.start;
  if (r.spec.targeting == Targeting::Snowball && !first) {
    grow_snowball(r.spec, st, r.eligible, r.invited, r.member, best_trust_);
  }
  // Take-up: one draw per invited post, in order, from the intervention's own stream.
  RandomStream rng = st.stream(Purpose::Interventions, index);
  attendees_.clear();
  for (int n : r.invited) {
    const double p = attendance_probability(r.spec, relevance(r.focal, st.agents.priorities_of(n), st.issues),
                                            st.agents.fatigue[static_cast<std::size_t>(n)]);
    if (rng.uniform() < p) attendees_.push_back(n);
  }
  hold_session(r.spec, r.focal, attendees_, r.multiplier, r.start + r.spec.duration_months - 1, st, target_);
  for (int n : attendees_) r.took_part[static_cast<std::size_t>(n)] = 1;

  const double cost = r.spec.cost_per_participant_session * static_cast<double>(attendees_.size());
  ++r.totals.sessions;
  r.totals.invitations += static_cast<long>(r.invited.size());
  r.totals.attendances += static_cast<long>(attendees_.size());
  r.totals.cost += cost;
  ++st.events.sessions;
  st.events.invitations += static_cast<int>(r.invited.size());
  st.events.attendances += static_cast<int>(attendees_.size());
  st.events.cost += cost;
}

void Interventions::act(ModelState& st) {
  const int month = st.month;
  const double cost_before = st.events.cost;
  double multiplier = 1.0;
  for (std::size_t i = 0; i < running_.size(); ++i) {
    Running& r = running_[i];
    if (r.spec.trigger == Trigger::Election && st.events.elections > 0) {
      r.start = month + r.spec.start_month;  // a new election starts a new run of it
    }
    if (!running(r, month)) continue;
    if (month == r.start) begin(r, static_cast<int>(i), st);
    multiplier = std::min(multiplier, r.spec.policy_change_multiplier);
    if ((month - r.start) % r.spec.cadence_months == 0) session(r, static_cast<int>(i), st);
    if (month == r.start + r.spec.duration_months - 1) finish(r, st);
  }
  st.place_state.policy_change_multiplier = multiplier;
  st.place_state.cost_cumulative += st.events.cost - cost_before;
}

}  // namespace placesim
