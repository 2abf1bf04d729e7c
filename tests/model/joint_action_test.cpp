// Step 3 of the month on a two-post place worked out by hand: contributions u = alpha c a p,
// sector efforts as sums over authority, cohesion as the contribution-weighted trust of the
// cross-sector pair, effectiveness by MODEL.md's formula written out here, the outcome update,
// salience, and the feedback of success on the ties of those who worked together.
#include "model/joint_action.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "model/regard.hpp"
#include "scenario/presets.hpp"
#include "support/model_fixtures.hpp"

namespace placesim {
namespace {

using testing::Bare;

// Post 0: a leader (member, authority 1); post 1: a director (officer, authority 0.5).
struct Pair : Bare {
  Pair()
      : Bare(testing::small_place(default_params(), {{"leader", "member", 1.0, Level::Place},
                                                     {"director", "officer", 0.5, Level::Place}})) {
    const int k = st.issues;
    for (int n = 0; n < 2; ++n) {
      for (int i = 0; i < k; ++i) st.agents.priorities_of(n)[i] = 1.0 / k;
      st.agents.focus_issue[static_cast<std::size_t>(n)] = -1;
    }
    st.agents.attention = {0.5, 0.8};
    st.agents.capacity = {0.6, 0.4};
    st.agents.knowledge = {0.2, 0.7};
    st.agents.commitment = {0.9, 0.6};
    st.agents.tenure = {100, 100};  // both settled in post
    for (int n = 0; n < 2; ++n) {
      std::fill(st.agents.regard_of(n), st.agents.regard_of(n) + kMaxSectors, 0.4);
      refresh_cross_regard(st, n);
    }
    economy = testing::issue_index(place, "local_economy");
  }
  int economy = 0;
};

TEST(JointAction, EffortsAndEffectivenessFollowTheFormulas) {
  Pair w;
  w.st.trust.link(0, 1, 0.7, 0.7, 0);
  measure_joint_action(w.st);
  const int k = w.st.issues;
  const double u0 = 0.5 * 0.6 * 1.0 * 0.9 / k, u1 = 0.8 * 0.4 * 0.5 * 0.6 / k;  // alpha c a chi p
  const auto i = static_cast<std::size_t>(w.economy);
  // Sector efforts: the sector's contributions over its authority.
  const double e_member = u0 / 1.0, e_officer = u1 / 0.5;
  EXPECT_NEAR(w.st.place_state.sector_effort[i * kMaxSectors + 0], e_member, 1e-15);
  EXPECT_NEAR(w.st.place_state.sector_effort[i * kMaxSectors + 1], e_officer, 1e-15);
  // The local economy is the council's own: members and officers weigh 0.5 each.
  EXPECT_NEAR(w.st.place_state.joint_effort[i], 0.5 * e_member + 0.5 * e_officer, 1e-15);
  // Cohesion: one cross-sector pair, trusting each other 0.7 both ways.
  EXPECT_NEAR(w.st.place_state.cohesion[i], 0.7, 1e-6);
  // Knowledge: contribution-weighted.
  const double knowledge = (u0 * 0.2 + u1 * 0.7) / (u0 + u1);
  EXPECT_NEAR(w.st.place_state.issue_knowledge[i], knowledge, 1e-12);
  // J = ((1 - omega) sum w E + omega prod E^w C) (1/2 + K/2).
  const double omega = w.place.issues[i].wickedness;
  const double together = std::pow(e_member, 0.5) * std::pow(e_officer, 0.5) * 0.7;
  const double expected = ((1 - omega) * (0.5 * e_member + 0.5 * e_officer) + omega * together) * (0.5 + 0.5 * knowledge);
  EXPECT_NEAR(w.st.place_state.effectiveness[i], expected, 1e-6);
}

TEST(JointAction, StrangersWorkTogetherAtTheTrustOfAFirstMeeting) {
  Pair w;
  measure_joint_action(w.st);
  // The climate: both regard the other's sector at 0.4, so strangers extend a first meeting's
  // trust coloured by it.
  const double g = w.p.trust.generalisation;
  EXPECT_NEAR(w.st.place_state.climate, 0.4, 1e-12);
  EXPECT_NEAR(w.st.place_state.cohesion[static_cast<std::size_t>(w.economy)], (1 - g) * w.p.trust.new_tie_cross + g * 0.4,
              1e-12);
}

TEST(JointAction, ANewcomerContributesAsItSettlesIn) {
  Pair w;
  w.st.agents.tenure = {0, 100};  // the leader has just arrived
  measure_joint_action(w.st);
  const auto i = static_cast<std::size_t>(w.economy);
  const int induction = w.p.population.induction_months;
  ASSERT_GT(induction, 1);
  const double u0 = 0.5 * 0.6 * 1.0 * 0.9 / w.st.issues / induction;  // a first of its induction
  EXPECT_NEAR(w.st.place_state.sector_effort[i * kMaxSectors + 0], u0, 1e-15);
}

TEST(JointAction, AnIssueWithoutItsStakeholdersGetsNothingDone) {
  Pair w;
  // Community safety needs the police and health too: with neither present its wicked
  // part gets nowhere, and only the additive part of the members and officers is left.
  const auto safety = static_cast<std::size_t>(testing::issue_index(w.place, "community_safety"));
  measure_joint_action(w.st);
  const double omega = w.place.issues[safety].wickedness;
  const double additive = w.st.place_state.joint_effort[safety];
  const double knowledge = w.st.place_state.issue_knowledge[safety];
  EXPECT_NEAR(w.st.place_state.effectiveness[safety], (1 - omega) * additive * (0.5 + 0.5 * knowledge), 1e-12);
}

TEST(JointAction, OutcomesMoveByRateEffectivenessAndDrift) {
  Pair w;
  for (auto& y : w.st.place_state.outcome) y = 0.5;
  w.st.place_state.previous_outcome = w.st.place_state.outcome;
  run_joint_action(w.st);
  const auto i = static_cast<std::size_t>(w.economy);
  const double r = w.p.joint_action.outcome_rate, drift = w.place.issues[i].drift;
  const double j = w.st.place_state.effectiveness[i];
  EXPECT_NEAR(w.st.place_state.outcome[i], 0.5 + r * j * 0.5 - drift * 0.5, 1e-12);
  // Salience: baseline concern times (1 - y + floor), normalised.
  double total = 0;
  for (std::size_t n = 0; n < w.place.issues.size(); ++n) {
    total += w.place.issues[n].salience * (1 - w.st.place_state.outcome[n] + w.p.joint_action.salience_floor);
  }
  EXPECT_NEAR(w.st.place_state.salience[i],
              w.place.issues[i].salience * (1 - w.st.place_state.outcome[i] + w.p.joint_action.salience_floor) / total,
              1e-12);
}

TEST(JointAction, SuccessRaisesTheTrustOfPartnersWhoWorkedTogetherAndFailureLowersIt) {
  for (const double change : {+1.0, -1.0}) {
    Pair w;
    w.st.month = 5;
    w.st.trust.link(0, 1, 0.5, 0.5, 5);  // used this month
    // Everyone on the economy; it rose (fell) by a full success scale since last month.
    const int k = w.st.issues;
    for (int n = 0; n < 2; ++n) {
      std::fill(w.st.agents.priorities_of(n), w.st.agents.priorities_of(n) + k, 0.0);
      w.st.agents.priorities_of(n)[w.economy] = 1;
    }
    for (std::size_t i = 0; i < static_cast<std::size_t>(k); ++i) {
      w.st.place_state.outcome[i] = w.st.place_state.previous_outcome[i] = 0.5;
    }
    w.st.place_state.previous_outcome[static_cast<std::size_t>(w.economy)] -= 2 * change * w.p.joint_action.success_scale;
    w.p.joint_action.outcome_rate = 0;  // outcomes stay where they are put
    for (auto& issue : w.place.issues) issue.drift = 0;
    run_joint_action(w.st);
    const double trust = w.st.trust.trust_in(0, 1);
    if (change > 0) {
      EXPECT_NEAR(trust, 0.5 + w.p.joint_action.success_trust_gain * 1.0 * 0.5, 1e-6);  // shared = 1, clamped
    } else {
      EXPECT_NEAR(trust, 0.5 - w.p.joint_action.failure_trust_loss * 1.0 * 0.5, 1e-6);
    }
  }
}

}  // namespace
}  // namespace placesim
