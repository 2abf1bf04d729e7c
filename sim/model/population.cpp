#include "model/population.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "model/bernoulli_skipper.hpp"
#include "model/commitment.hpp"
#include "model/regard.hpp"
#include "model/pair_order.hpp"
#include "model/joint_action.hpp"
#include "model/simplex.hpp"

namespace placesim {

namespace {

double clamp01(double x) { return std::clamp(x, 0.0, 1.0); }

void set_sector_mandates(ModelState& st) {
  const int k = st.issues;
  for (std::size_t s = 0; s < static_cast<std::size_t>(st.place.sectors); ++s) {
    double* m = st.sector_mandate(sector_at(s));
    for (int i = 0; i < k; ++i) {
      m[i] = st.place.issue_weights[static_cast<std::size_t>(i)][s] +
             st.params.population.mandate_floor;
    }
    normalise(m, k);
  }
}

// A relationship at the start: both directions at once, each with its own trust.
void add_initial_pair(ModelState& st, RandomStream& rng, int a, int b) {
  const TrustParams& tp = st.params.trust;
  const double mean = st.sector(a) == st.sector(b) ? tp.initial_within : tp.initial_cross;
  const double ab = clamp01(mean + rng.uniform(-tp.initial_spread, tp.initial_spread));
  const double ba = clamp01(mean + rng.uniform(-tp.initial_spread, tp.initial_spread));
  st.trust.link(a, b, ab, ba, 0);
}

void initial_ties(ModelState& st) {
  RandomStream rng = st.stream(Purpose::InitialTies, 0);
  // People who sit on a forum together know each other.
  for (const ForumMeeting& forum : st.place.forums) {
    const auto& members = forum.members;
    for (std::size_t i = 0; i < members.size(); ++i) {
      for (std::size_t j = i + 1; j < members.size(); ++j) {
        if (st.trust.find(members[i], members[j]) < 0) {
          add_initial_pair(st, rng, members[i], members[j]);
        }
      }
    }
  }
  // And some know each other from elsewhere: each pair with the within- or cross-sector
  // probability. The pairs of each kind are a sequence of Bernoulli trials, drawn by jumping
  // over the failures (geometric gaps) and visited in the double loop's order (a, b > a), so
  // the work is in proportion to the ties drawn, not to the n^2 / 2 pairs.
  const int n_agents = st.place.agent_count();
  std::vector<int> sector_of(static_cast<std::size_t>(n_agents));
  for (int a = 0; a < n_agents; ++a) sector_of[static_cast<std::size_t>(a)] = static_cast<int>(st.sector(a));
  const PairOrder order(sector_of);
  struct Sequence {
    bool within;
    double probability;
    std::uint64_t next;  // index of the next success in the sequence; total when none is left
    PairOrder::Pair pair{};
  };
  auto advance = [&](Sequence& s, std::uint64_t from) {
    const std::uint64_t total = order.total(s.within);
    const std::uint64_t gap = geometric_gap(s.probability, rng);
    s.next = from >= total || gap >= total - from ? total : from + gap;
    if (s.next < total) s.pair = order.pair(s.within, s.next);
  };
  Sequence within{true, st.params.trust.tie_probability_within, 0};
  Sequence cross{false, st.params.trust.tie_probability_cross, 0};
  advance(within, 0);
  advance(cross, 0);
  for (;;) {
    const bool within_left = within.next < order.total(true);
    const bool cross_left = cross.next < order.total(false);
    if (!within_left && !cross_left) break;
    Sequence& s = !cross_left || (within_left && order.position(within.pair) < order.position(cross.pair)) ? within : cross;
    const PairOrder::Pair pair = s.pair;
    advance(s, s.next + 1);  // the next gap is drawn before this pair's trust, as a double loop would
    if (st.trust.find(pair.a, pair.b) < 0) add_initial_pair(st, rng, pair.a, pair.b);
  }
}

}  // namespace

void update_salience(ModelState& st) {
  PlaceState& ps = st.place_state;
  for (int i = 0; i < st.issues; ++i) {
    const auto ii = static_cast<std::size_t>(i);
    ps.salience[ii] = st.place.issues[ii].salience *
                      (1.0 - ps.outcome[ii] + st.params.joint_action.salience_floor);
  }
  normalise(ps.salience.data(), st.issues);
}

void renew_manifesto(ModelState& st) {
  PlaceState& ps = st.place_state;
  const double* ideology =
      &ps.party_ideology[static_cast<std::size_t>(ps.controlling_party * st.issues)];
  const double psi = st.params.events.elections.manifesto_responsiveness;
  for (int i = 0; i < st.issues; ++i) {
    const auto ii = static_cast<std::size_t>(i);
    ps.manifesto[ii] = (1.0 - psi) * ideology[i] + psi * ps.salience[ii];
  }
  normalise(ps.manifesto.data(), st.issues);
}

const double* current_mandate(ModelState& st, int n) {
  const Sector s = st.sector(n);
  if (!st.place.is_member(s)) return st.sector_mandate(s);
  return st.place.executive[static_cast<std::size_t>(n)] ? st.place_state.manifesto.data()
                                                          : st.place_state.salience.data();
}

void arrive(ModelState& st, int n) {
  RandomStream rng = st.stream(Purpose::Newcomer, n);
  const SectorSpec& spec = st.sector_spec(n);
  const PopulationParams& pp = st.params.population;
  const double spread = pp.individual_spread;
  const auto i = static_cast<std::size_t>(n);
  Agents& a = st.agents;
  a.capacity[i] = clamp01(spec.capacity + rng.uniform(-spread, spread));
  a.capacity_before_sessions[i] = std::numeric_limits<double>::quiet_NaN();
  a.knowledge[i] = clamp01(spec.knowledge + rng.uniform(-spread, spread));
  a.literacy[i] = clamp01(spec.culture.literacy + rng.uniform(-spread, spread));
  a.openness[i] = clamp01(spec.openness + rng.uniform(-spread, spread));
  a.fatigue[i] = 0.0;
  a.attention[i] = spec.attention;
  a.tenure[i] = 0;
  a.stubbornness[i] = clamp01(pp.stubbornness_base +
                              pp.stubbornness_target * spec.culture.target_focus +
                              pp.stubbornness_authority * st.authority(n));
  set_newcomer_regard(st, n);
  a.commitment[i] = st.params.commitment.base;  // no ties yet, no progress seen yet
  a.focus_issue[i] = -1;
  a.focus_strength[i] = 0.0;
  a.confidential_until[i] = -1;
  const double* mandate = current_mandate(st, n);
  std::copy(mandate, mandate + st.issues, a.mandate_of(n));
  std::copy(mandate, mandate + st.issues, a.priorities_of(n));
}

void initialise(ModelState& st) {
  st.month = 0;
  PlaceState& ps = st.place_state;
  for (int i = 0; i < st.issues; ++i) {
    const auto ii = static_cast<std::size_t>(i);
    ps.outcome[ii] = st.place.issues[ii].initial_outcome;
    ps.previous_outcome[ii] = ps.outcome[ii];
  }
  update_salience(st);
  set_sector_mandates(st);

  RandomStream rng = st.stream(Purpose::Initialisation, 0);
  for (int party = 0; party < st.params.events.elections.parties; ++party) {
    random_simplex_point(rng, &ps.party_ideology[static_cast<std::size_t>(party * st.issues)],
                         st.issues);
  }
  ps.controlling_party = 0;
  renew_manifesto(st);

  // Everyone in post at the start has been there a while: their priorities have moved away
  // from their mandate by a random amount.
  const double noise = st.params.population.initial_priority_noise;
  double* point = st.scratch.simplex_point.data();
  for (int n = 0; n < st.place.agent_count(); ++n) {
    arrive(st, n);
    random_simplex_point(rng, point, st.issues);
    move_towards(st.agents.priorities_of(n), point, noise, st.issues);
    st.agents.tenure[static_cast<std::size_t>(n)] = static_cast<int>(
        rng.below(static_cast<std::uint32_t>(st.params.population.initial_tenure_months)));
  }
  // Those in post at the start regard their own sector and the others as the partnership's
  // history has left them: the starting trust within and across sectors.
  for (int n = 0; n < st.place.agent_count(); ++n) {
    double* regard = st.agents.regard_of(n);
    for (std::size_t s = 0; s < static_cast<std::size_t>(st.place.sectors); ++s) {
      regard[s] = sector_at(s) == st.sector(n) ? st.params.trust.initial_within : st.params.trust.initial_cross;
    }
    refresh_cross_regard(st, n);
  }
  // The rows the arrivals above took were of regard not yet set: forget them.
  st.place_state.sector_regard_month.fill(-1);
  initial_ties(st);
  // Commitment starts where the starting relationships put it.
  for (int n = 0; n < st.place.agent_count(); ++n) {
    st.agents.commitment[static_cast<std::size_t>(n)] = commitment_target(st, n);
  }
  measure_joint_action(st);
}

}  // namespace placesim
