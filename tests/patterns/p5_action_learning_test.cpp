// P5: action_learning improves neighbourhood issues and neighbourhood trust, with little
// place-level effect: on every kind of place in the family, at its expected quality, over 40
// replicates paired with the baseline, neighbourhood trust and neighbourhood issues gain, and
// place-level trust and place issues gain less than half as much. (They may gain a little:
// better relationships anywhere lift the partnership's climate.)
#include <gtest/gtest.h>

#include "support/places.hpp"
#include "support/strategy_runs.hpp"

namespace placesim {
namespace {

constexpr int kReplicates = 40;

// Per replicate: the mean outcome gain, over months 8 to 30, of the issues of one level.
std::vector<double> outcome_gain(const testing::StrategyRuns& runs, const testing::StrategyRuns& base,
                                 const Place& place, Level level) {
  std::vector<double> gain(kReplicates, 0.0);
  int issues = 0;
  for (int i = 0; i < place.issue_count(); ++i) {
    if (place.issues[static_cast<std::size_t>(i)].level != level) continue;
    const auto g = testing::mean_gain(runs, base, 8, 30, Metric::Outcome, i);
    for (std::size_t r = 0; r < gain.size(); ++r) gain[r] += g[r];
    ++issues;
  }
  for (double& x : gain) x /= issues;
  return gain;
}

std::vector<double> scaled(std::vector<double> x, double factor) {
  for (double& v : x) v *= factor;
  return x;
}

TEST(PatternP5, ActionLearningWorksInNeighbourhoodsNotAtPlaceLevel) {
  for (const testing::PlaceKind& kind : testing::place_family()) {
    const Params p = testing::at_expected_quality(kind.params);
    const auto base = testing::run_strategy(p, "baseline", kReplicates);
    const auto al = testing::run_strategy(p, "action_learning", kReplicates);
    const Place place = build_place(p);

    // Trust, in the months after the workshops; issues, over the two years after.
    const auto nb_trust = testing::mean_gain(al, base, 8, 14, Metric::TrustNeighbourhood);
    const auto pl_trust = testing::mean_gain(al, base, 8, 14, Metric::TrustPlaceLevel);
    const auto nb_issues = outcome_gain(al, base, place, Level::Neighbourhood);
    const auto pl_issues = outcome_gain(al, base, place, Level::Place);
    EXPECT_GT(testing::mean_ci95(nb_trust).lower, 0.0)
        << kind.name << ": neighbourhood trust gain " << testing::mean_ci95(nb_trust).str();
    EXPECT_GT(testing::mean_ci95(nb_issues).lower, 0.0)
        << kind.name << ": neighbourhood issues' outcome gain " << testing::mean_ci95(nb_issues).str();
    // Place level minus half the neighbourhood level, paired by replicate.
    const auto trust = testing::mean_ci95(testing::differences(pl_trust, scaled(nb_trust, 0.5)));
    const auto issues = testing::mean_ci95(testing::differences(pl_issues, scaled(nb_issues, 0.5)));
    EXPECT_LT(trust.upper, 0.0) << kind.name << ": place-level minus half the neighbourhood trust gain " << trust.str();
    EXPECT_LT(issues.upper, 0.0) << kind.name << ": place minus half the neighbourhood issues' gain " << issues.str();
  }
}

}  // namespace
}  // namespace placesim
