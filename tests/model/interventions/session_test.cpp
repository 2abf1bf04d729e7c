// One session of an intervention, on three posts worked out by hand: each effect closes its
// share of the gap to 1, ties are made and strengthened between every two attendees (and
// only them), priorities move towards the target and the mandate by the committed share,
// a stronger focus replaces a weaker one, confidentiality lasts to the end, fatigue adds.
#include "model/interventions/session.hpp"

#include <gtest/gtest.h>

#include "scenario/presets.hpp"
#include "support/model_fixtures.hpp"

namespace placesim {
namespace {

struct Three : testing::Bare {
  Three()
      : Bare(testing::small_place(default_params(), {{"leader", "member", 1.0, Level::Place},
                                                     {"chief_executive", "officer", 1.0, Level::Place},
                                                     {"commander", "police", 0.5, Level::Place}})) {
    const int k = st.issues;
    for (int n = 0; n < 3; ++n) {
      for (int i = 0; i < k; ++i) st.agents.priorities_of(n)[i] = st.agents.mandate_of(n)[i] = 1.0 / k;
      st.agents.focus_issue[static_cast<std::size_t>(n)] = -1;
      st.agents.confidential_until[static_cast<std::size_t>(n)] = -1;
    }
    st.agents.capacity = {0.2, 0.5, 0.9};
    st.agents.fatigue = {0.0, 0.5, 0.0};
    st.month = 7;
    target.assign(static_cast<std::size_t>(k), 0.0);
    ones.assign(3, 1.0);
  }
  std::vector<double> target;
  std::vector<double> ones;  // every post's effect multiplier at 1
};

InterventionSpec spec_with(InterventionEffects effects) {
  InterventionSpec spec;
  spec.name = "test";
  spec.effects = effects;
  return spec;
}

TEST(Session, SkillEffectsCloseTheirShareOfTheGapForAttendeesOnly) {
  Three w;
  InterventionEffects e;
  e.capacity = 0.25;
  hold_session(spec_with(e), -1, {0, 1}, w.ones, 10, w.st, w.target);
  EXPECT_DOUBLE_EQ(w.st.agents.capacity[0], 0.2 + 0.25 * 0.8);
  EXPECT_DOUBLE_EQ(w.st.agents.capacity[1], 0.5 + 0.25 * 0.5);
  EXPECT_DOUBLE_EQ(w.st.agents.capacity[2], 0.9);  // not there
}

TEST(Session, TrustIsBuiltBetweenEveryTwoAttendees) {
  Three w;
  w.st.trust.link(0, 1, 0.4, 0.6, 0);
  InterventionEffects e;
  e.trust = 0.5;
  hold_session(spec_with(e), -1, {0, 1, 2}, w.ones, 10, w.st, w.target);
  EXPECT_NEAR(w.st.trust.trust_in(0, 1), 0.4 + 0.5 * 0.6, 1e-6);
  EXPECT_NEAR(w.st.trust.trust_in(1, 0), 0.6 + 0.5 * 0.4, 1e-6);
  // Strangers meet at the trust of a first cross-sector meeting (coloured by their regard for
  // each other's sector, zero here), then the session's share.
  const double first = (1 - w.p.trust.generalisation) * w.p.trust.new_tie_cross;
  EXPECT_NEAR(w.st.trust.trust_in(0, 2), first + 0.5 * (1 - first), 1e-6);
  EXPECT_NEAR(w.st.trust.trust_in(2, 1), first + 0.5 * (1 - first), 1e-6);
  EXPECT_EQ(w.st.trust.last_contact(0, Layer::Cross, w.st.trust.find(0, 2)), 7);
  EXPECT_TRUE(w.st.trust.symmetric());
}

TEST(Session, PrioritiesMoveTowardsTheFocalIssueAndTheMandateByTheCommitment) {
  Three w;
  InterventionSpec spec = spec_with({.priorities = 0.4});
  spec.priority_target = PriorityTarget::Focal;
  spec.commitment = 0.5;
  const int focal = 2, k = w.st.issues;
  hold_session(spec, focal, {0}, w.ones, 10, w.st, w.target);
  for (int i = 0; i < k; ++i) {
    const double corner = i == focal ? 1.0 : 0.0;
    EXPECT_NEAR(w.st.agents.priorities_of(0)[i], 1.0 / k + 0.4 * (corner - 1.0 / k), 1e-12) << i;
    EXPECT_NEAR(w.st.agents.mandate_of(0)[i], 1.0 / k + 0.2 * (corner - 1.0 / k), 1e-12) << i;
    EXPECT_DOUBLE_EQ(w.st.agents.priorities_of(1)[i], 1.0 / k);
  }
}

TEST(Session, ASharedAmbitionIsTheAttendeesAuthorityWeightedMean) {
  Three w;
  const int k = w.st.issues;
  std::fill(w.st.agents.priorities_of(0), w.st.agents.priorities_of(0) + k, 0.0);
  std::fill(w.st.agents.priorities_of(2), w.st.agents.priorities_of(2) + k, 0.0);
  w.st.agents.priorities_of(0)[0] = 1;  // authority 1
  w.st.agents.priorities_of(2)[1] = 1;  // authority 0.5
  InterventionSpec spec = spec_with({.priorities = 1.0});
  spec.priority_target = PriorityTarget::Shared;
  hold_session(spec, -1, {0, 2}, w.ones, 10, w.st, w.target);
  // Both move all the way to (2/3, 1/3, 0, ...).
  for (int n : {0, 2}) {
    EXPECT_NEAR(w.st.agents.priorities_of(n)[0], 2.0 / 3, 1e-12);
    EXPECT_NEAR(w.st.agents.priorities_of(n)[1], 1.0 / 3, 1e-12);
  }
}

TEST(Session, AStrongerFocusReplacesAWeakerOne) {
  Three w;
  w.st.agents.focus_issue[0] = 1;
  w.st.agents.focus_strength[0] = 0.3;
  w.st.agents.focus_issue[1] = 1;
  w.st.agents.focus_strength[1] = 0.6;
  hold_session(spec_with({.focus = 0.5}), 3, {0, 1}, w.ones, 10, w.st, w.target);
  EXPECT_EQ(w.st.agents.focus_issue[0], 3);
  EXPECT_DOUBLE_EQ(w.st.agents.focus_strength[0], 0.5);
  EXPECT_EQ(w.st.agents.focus_issue[1], 1);  // kept its stronger focus
  EXPECT_DOUBLE_EQ(w.st.agents.focus_strength[1], 0.6);
}

TEST(Session, EffectsScaleWithEachParticipantsMultiplierAndABadSessionTakesAway) {
  Three w;
  InterventionEffects e;
  e.capacity = 0.25;
  e.trust = 0.5;
  w.st.trust.link(0, 1, 0.4, 0.4, 0);
  const std::vector<double> multiplier = {2.0, -1.0, 1.0};
  hold_session(spec_with(e), -1, {0, 1}, multiplier, 10, w.st, w.target);
  EXPECT_DOUBLE_EQ(w.st.agents.capacity[0], 0.2 + 0.5 * 0.8);   // twice the effect
  EXPECT_DOUBLE_EQ(w.st.agents.capacity[1], 0.5 - 0.25 * 0.5);  // a loss of the same share
  // Trust between the two: the mean of their multipliers, 0.5.
  EXPECT_NEAR(w.st.trust.trust_in(0, 1), 0.4 + 0.25 * 0.6, 1e-6);
  // A large loss stops at 0.
  const std::vector<double> disaster = {-10.0, 1.0, 1.0};
  hold_session(spec_with(e), -1, {0}, disaster, 10, w.st, w.target);
  EXPECT_EQ(w.st.agents.capacity[0], 0.0);
}

TEST(Session, ConfidentialityLastsToTheEndAndFatigueAdds) {
  Three w;
  InterventionSpec spec = spec_with({});
  spec.confidential = true;
  spec.fatigue = 0.2;
  hold_session(spec, -1, {1}, w.ones, 12, w.st, w.target);
  EXPECT_EQ(w.st.agents.confidential_until[1], 12);
  EXPECT_EQ(w.st.agents.confidential_until[0], -1);
  EXPECT_DOUBLE_EQ(w.st.agents.fatigue[1], 0.5 + 0.2 * 0.5);
  EXPECT_DOUBLE_EQ(w.st.agents.fatigue[0], 0.0);
}

}  // namespace
}  // namespace placesim
