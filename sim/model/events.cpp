#include "model/events.hpp"

#include <algorithm>

#include "model/population.hpp"
#include "model/regard.hpp"
#include "model/simplex.hpp"

namespace placesim {

double dissatisfaction(const ModelState& st) {
  double index = 0;
  for (int i = 0; i < st.issues; ++i) {
    const auto ii = static_cast<std::size_t>(i);
    index += st.place_state.salience[ii] * st.place_state.outcome[ii];
  }
  return 1.0 - index;
}

void replace_holder(ModelState& st, int n) {
  st.trust.remove_agent(n);
  arrive(st, n);
  ++st.events.departures;
}

void hold_election_if_due(ModelState& st) {
  const ElectionParams& e = st.params.events.elections;
  if (st.month < e.first_month || (st.month - e.first_month) % e.cycle_months != 0) return;
  PlaceState& ps = st.place_state;
  ++st.events.elections;
  const int group = ps.elections_held % e.groups;
  ++ps.elections_held;

  RandomStream rng = st.stream(Purpose::Elections, 0);
  const double d = dissatisfaction(st);
  // With a share of the seats up, control is that much less likely to change.
  const double p_change =
      std::clamp(e.control_change_slope * (d - e.control_change_threshold), 0.0, 1.0) / e.groups;
  const bool control_changes = rng.uniform() < p_change;
  // The party taking control, drawn whether or not control changes (common numbers).
  const auto others = static_cast<std::uint32_t>(e.parties - 1);
  const int challenger =
      (ps.controlling_party + 1 + static_cast<int>(rng.below(others))) % e.parties;
  if (control_changes) {
    ps.controlling_party = challenger;
    ++st.events.control_changes;
  }
  renew_manifesto(st);

  const double p_seat = std::clamp(e.turnover_base + e.turnover_dissatisfaction * d, 0.0, 1.0);
  const auto& seats = st.place.member_seats;
  for (std::size_t j = 0; j < seats.size(); ++j) {
    const int n = seats[j];
    const bool up = static_cast<int>(j % static_cast<std::size_t>(e.groups)) == group;
    const bool loses_seat = rng.uniform() < p_seat;  // drawn for every seat: common numbers
    const bool executive = st.place.executive[static_cast<std::size_t>(n)] != 0;
    if ((control_changes && executive) || (up && loses_seat)) {
      replace_holder(st, n);
    } else if (executive || up) {
      // Re-elected or continuing: they now answer to the new manifesto or ward mandate.
      const double* mandate = current_mandate(st, n);
      std::copy(mandate, mandate + st.issues, st.agents.mandate_of(n));
    }
  }
}

void staff_turnover(ModelState& st) {
  RandomStream rng = st.stream(Purpose::Turnover, 0);
  for (int n = 0; n < st.place.agent_count(); ++n) {
    const double tenure =
        st.place.roles[static_cast<std::size_t>(st.place.role_of[static_cast<std::size_t>(n)])]
            .tenure_months;
    if (tenure <= 0) continue;  // which posts draw is fixed by the place: common numbers
    if (rng.uniform() < 1.0 / tenure) replace_holder(st, n);
  }
}

void crises(ModelState& st) {
  RandomStream rng = st.stream(Purpose::Crises, 0);
  const CrisisParams& cp = st.params.events.crises;
  for (int i = 0; i < st.issues; ++i) {
    const IssueSpec& issue = st.place.issues[static_cast<std::size_t>(i)];
    const PerSector& weights = st.place.issue_weights[static_cast<std::size_t>(i)];
    if (rng.uniform() >= issue.crises_per_year / 12.0) continue;
    ++st.events.crises;
    st.place_state.outcome[static_cast<std::size_t>(i)] *= 1.0 - issue.crisis_size;
    const double top_weight = *std::max_element(weights.begin(), weights.end());
    for (int n = 0; n < st.place.agent_count(); ++n) {
      const double involvement = weights[index(st.sector(n))] / top_weight;
      if (involvement <= 0) continue;
      const auto ni = static_cast<std::size_t>(n);
      const double loss =
          cp.attention_loss * involvement * (1.0 - cp.capacity_shield * st.agents.capacity[ni]);
      st.agents.attention[ni] = std::max(0.0, st.agents.attention[ni] - loss);
    }
  }
}

int national_priority(const ModelState& st, std::size_t sector, double u) {
  const double floor = st.params.population.mandate_floor;
  double total = 0;
  for (const PerSector& weights : st.place.issue_weights) total += weights[sector] + floor;
  double cumulative = 0;
  for (int i = 0; i < st.issues; ++i) {
    cumulative += st.place.issue_weights[static_cast<std::size_t>(i)][sector] + floor;
    if (u * total < cumulative) return i;
  }
  return st.issues - 1;
}

void policy_changes(ModelState& st) {
  RandomStream rng = st.stream(Purpose::PolicyChurn, 0);
  const PolicyChurnParams& pc = st.params.events.policy;
  for (std::size_t s = 0; s < static_cast<std::size_t>(st.place.sectors); ++s) {
    const double rate = st.params.sectors[s].policy_changes_per_year / 12.0 *
                        st.place_state.policy_change_multiplier;
    const double u = rng.uniform();  // drawn for every sector: common numbers
    if (u >= rate || st.place.sector_size[s] == 0) continue;
    ++st.events.policy_changes;
    const Sector sector = sector_at(s);
    double* mandate = st.sector_mandate(sector);
    // The new national priority falls on one issue, drawn in proportion to the sector's
    // stakeholder weights (plus the mandate floor): the mandate moves towards it.
    RandomStream direction = st.stream(Purpose::PolicyChurn, 1 + static_cast<int>(s));
    const int priority = national_priority(st, s, direction.uniform());
    for (int i = 0; i < st.issues; ++i) mandate[i] *= 1.0 - pc.size;
    mandate[priority] += pc.size;
    for (int n = 0; n < st.place.agent_count(); ++n) {
      if (st.sector(n) != sector) continue;
      const auto ni = static_cast<std::size_t>(n);
      st.agents.fatigue[ni] += pc.fatigue * (1.0 - st.agents.fatigue[ni]);
      // Members answer to their manifesto and wards, not to national policy.
      if (!st.place.is_member(sector)) std::copy(mandate, mandate + st.issues, st.agents.mandate_of(n));
    }
  }
}

void run_events(ModelState& st) {
  hold_election_if_due(st);
  staff_turnover(st);
  crises(st);
  policy_changes(st);
}

}  // namespace placesim
