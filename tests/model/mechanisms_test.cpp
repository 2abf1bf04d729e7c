// The model's equations against their closed forms and limits.
#include <gtest/gtest.h>

#include <cmath>

#include "model/mechanisms.hpp"
#include "model/params.hpp"
#include "scenario/presets.hpp"

namespace placesim {
namespace {

TEST(Experience, IsTheLinearFormClippedToTheUnitInterval) {
  ExperienceParams b{0.4, 0.2, 0.35, 0.2, 0.5, 0.0};
  ExperienceTerms t{0.5, true, 0.8, 0.6, 0.3};
  const double expected = 0.4 + 0.2 * 0.5 + 0.35 * 0.8 + 0.2 * 0.6 - 0.5 * 0.3 + 0.05;
  EXPECT_NEAR(experience(b, t, 0.05), expected, 1e-15);
  EXPECT_EQ(experience(b, t, 5.0), 1.0);
  EXPECT_EQ(experience(b, t, -5.0), 0.0);
}

TEST(Experience, LiteracyCountsOnlyAcrossSectors) {
  ExperienceParams b{0.4, 0.2, 0.35, 0.2, 0.5, 0.0};
  ExperienceTerms within{0.9, false, 0.5, 0.5, 0.0};
  ExperienceTerms low = within;
  low.literacy = 0.1;
  EXPECT_EQ(experience(b, within, 0), experience(b, low, 0));
  within.cross_sector = low.cross_sector = true;
  EXPECT_NEAR(experience(b, within, 0) - experience(b, low, 0), 0.2 * 0.8, 1e-15);
}

TEST(Experience, APartnersOpennessRampsWithTheirTrustAndAddsReciprocity) {
  // Openness: 1/2 at the threshold, 0 and 1 half a width either side, linear between.
  EXPECT_DOUBLE_EQ(openness_to(0.45, 0.45, 0.3), 0.5);
  EXPECT_DOUBLE_EQ(openness_to(0.30, 0.45, 0.3), 0.0);
  EXPECT_DOUBLE_EQ(openness_to(0.60, 0.45, 0.3), 1.0);
  EXPECT_NEAR(openness_to(0.525, 0.45, 0.3), 0.75, 1e-12);
  EXPECT_DOUBLE_EQ(openness_to(0.0, 0.45, 0.3), 0.0);
  ExperienceParams b{0.4, 0.0, 0.0, 0.0, 0.0, 0.0, 0.5, 0.45, 0.3};
  ExperienceTerms open{0, true, 0, 0, 0, 1.0}, closed{0, true, 0, 0, 0, 0.0}, even{0, true, 0, 0, 0, 0.5};
  EXPECT_NEAR(experience(b, open, 0), 0.4 + 0.25, 1e-15);
  EXPECT_NEAR(experience(b, closed, 0), 0.4 - 0.25, 1e-15);
  EXPECT_NEAR(experience(b, even, 0), 0.4, 1e-15);
}

TEST(Experience, ReciprocityMakesARelationshipBistableWhenItsSlopeExceedsOne) {
  // A pair who only meet each other: tau <- tau + eta (e(tau) - tau), e = A + b (rho(tau) - 1/2).
  // With b / width > 1 and A at the threshold, the fixed points are A - b/2, the threshold
  // (unstable) and A + b/2: trust started either side of the threshold goes its own way.
  ExperienceParams b{0.45, 0.0, 0.0, 0.0, 0.0, 0.0, 0.5, 0.45, 0.3};
  auto run = [&](double tau) {
    for (int t = 0; t < 2000; ++t) {
      ExperienceTerms terms{0, true, 0, 0, 0, openness_to(tau, 0.45, 0.3)};
      tau = update_trust(tau, experience(b, terms, 0), 0.15, 0.3);
    }
    return tau;
  };
  EXPECT_NEAR(run(0.44), 0.20, 1e-9);
  EXPECT_NEAR(run(0.46), 0.70, 1e-9);
  // Below a slope of one, a single state whatever the start.
  b.reciprocity = 0.2;
  EXPECT_NEAR(run(0.05), run(0.95), 1e-9);
}

TEST(Trust, FallsFasterOnBadExperiencesThanItRisesOnGoodOnes) {
  const Params p = default_params();
  ASSERT_GT(p.trust.learning_down, p.trust.learning_up);
  for (double trust : {0.2, 0.5, 0.8}) {
    for (double gap : {0.05, 0.1, 0.2}) {
      const double up = update_trust(trust, trust + gap, p.trust.learning_up, p.trust.learning_down) - trust;
      const double down = trust - update_trust(trust, trust - gap, p.trust.learning_up, p.trust.learning_down);
      EXPECT_NEAR(up, p.trust.learning_up * gap, 1e-15);
      EXPECT_NEAR(down, p.trust.learning_down * gap, 1e-15);
      EXPECT_GT(down, up);
    }
  }
}

TEST(Trust, UnusedTiesDecayGeometricallyToTheFloor) {
  double trust = 0.9;
  const double floor = 0.2, rate = 0.03;
  for (int month = 0; month < 40; ++month) trust = decay_trust(trust, floor, rate);
  EXPECT_NEAR(trust, floor + (0.9 - floor) * std::pow(1 - rate, 40), 1e-12);
}

TEST(Effectiveness, AWickedIssueGetsNoJointEffectWhenARequiredSectorGivesNoEffort) {
  const PerSector w{0.3, 0.3, 0.3, 0.1, 0.0};
  PerSector effort{0.2, 0.3, 0.0, 0.4, 0.0};  // police give nothing
  EXPECT_EQ(effectiveness(w, effort, 1.0, 0.9, 1.0), 0.0);
  // Partly wicked: only the additive part is left.
  const double additive = 0.3 * 0.2 + 0.3 * 0.3 + 0.3 * 0.0 + 0.1 * 0.4;
  EXPECT_NEAR(effectiveness(w, effort, 0.6, 0.9, 1.0), 0.4 * additive, 1e-15);
}

TEST(Effectiveness, ABilateralIssueDoesNotNeedTheAbsentSector) {
  const PerSector w{0.1, 0.4, 0.0, 0.5, 0.0};  // adult social care: no police part
  const PerSector effort{0.2, 0.3, 0.0, 0.4, 0.0};
  const double together = std::pow(0.2, 0.1) * std::pow(0.3, 0.4) * std::pow(0.4, 0.5);
  EXPECT_NEAR(effectiveness(w, effort, 1.0, 0.7, 1.0), together * 0.7, 1e-12);
}

TEST(Effectiveness, EqualEffortsGiveTheEffortTimesCohesionAndKnowledge) {
  const PerSector w{0.25, 0.25, 0.25, 0.25, 0.0};
  const PerSector effort{0.3, 0.3, 0.3, 0.3, 0.0};
  const double omega = 0.7, cohesion = 0.5, knowledge = 0.4;
  const double expected = ((1 - omega) * 0.3 + omega * 0.3 * cohesion) * (0.5 + 0.5 * knowledge);
  EXPECT_NEAR(effectiveness(w, effort, omega, cohesion, knowledge), expected, 1e-12);
}

TEST(Outcome, ConvergesToRJOverRJPlusDelta) {
  const double r = 1.0, j = 0.02, delta = 0.01;
  double y = 0.1;
  for (int month = 0; month < 3000; ++month) y = update_outcome(y, r, j, delta);
  EXPECT_NEAR(y, r * j / (r * j + delta), 1e-9);
}

TEST(Outcome, StaysInTheUnitInterval) {
  EXPECT_EQ(update_outcome(0.99, 50.0, 1.0, 0.0), 1.0);
  EXPECT_EQ(update_outcome(0.01, 0.0, 0.0, 1.5), 0.0);
}

}  // namespace
}  // namespace placesim
