// P1: churn and crises make a place worse than the same place without them. Over 80 replicates
// paired with the same place without elections, staff turnover, crises or national policy
// changes, cross-sector trust and the place index are lower over the last two of ten years, on
// every kind of place in the family that is not stuck in the vicious circle. In one that is
// (the distrustful place: relationships at the floor, no better than strangers'), churn has
// nothing left to take: newcomers are a fresh start, and trust ends no lower with churn than
// without (docs/ODD.md 7.7).
#include <gtest/gtest.h>

#include "support/model_fixtures.hpp"
#include "support/places.hpp"
#include "support/strategy_runs.hpp"

namespace placesim {
namespace {

constexpr int kReplicates = 80;

struct Paired {
  testing::StrategyRuns churn, calm;
  // Per replicate: with minus without churn and crises, mean over months 96 to 120.
  std::vector<double> effect(Metric metric) const { return testing::mean_gain(churn, calm, 96, 120, metric); }
};

Paired with_and_without_churn(const Params& p) {
  return {testing::run_strategy(p, "baseline", kReplicates), testing::run_strategy(testing::quiet(p), "baseline", kReplicates)};
}

TEST(PatternP1, ChurnAndCrisesLeaveAPlaceWorseThanWithoutThem) {
  for (const testing::PlaceKind& kind : testing::place_family()) {
    if (kind.name == "distrustful") continue;
    const Paired runs = with_and_without_churn(kind.params);
    for (const Metric metric : {Metric::TrustCrossSector, Metric::PlaceIndex}) {
      const auto worse = testing::mean_ci95(runs.effect(metric));
      EXPECT_LT(worse.upper, 0.0) << kind.name << ": " << spec(metric).name
                                  << " over years 8-10, with minus without churn and crises " << worse.str();
    }
  }
}

// Where relationships are no better than strangers', churn has nothing to take: with minus
// without churn, cross-sector trust is not lower by more than 0.005, and its mean is not below
// zero. Checked with two base seeds:
// the effect is zero to slightly positive (a fresh start), too small to assert a sign.
TEST(PatternP1, InAPlaceStuckInTheViciousCircleChurnCostsNothing) {
  for (const testing::PlaceKind& kind : testing::place_family()) {
    if (kind.name != "distrustful") continue;
    const auto change = testing::mean_ci95(with_and_without_churn(kind.params).effect(Metric::TrustCrossSector));
    EXPECT_GT(change.lower, -0.005) << "cross-sector trust, with minus without churn and crises " << change.str();
    EXPECT_GE(change.mean, 0.0) << "cross-sector trust, with minus without churn and crises " << change.str();
  }
}

}  // namespace
}  // namespace placesim
