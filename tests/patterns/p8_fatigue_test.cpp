// P8: many simultaneous initiatives raise fatigue and lower take-up: more is not better.
// Co-design alone against co-design with every other preset at the same time. 40 replicates.
#include <gtest/gtest.h>

#include "support/strategy_runs.hpp"

namespace placesim {
namespace {

constexpr int kReplicates = 40;

TEST(PatternP8, ManyInitiativesAtOnceRaiseFatigueLowerTakeUpAndReturnLessPerPound) {
  Params p = testing::default_scenario_params();
  StrategySpec many{"everything", "every preset at once", {}};
  for (const InterventionSpec& i : p.interventions) many.interventions.push_back(i.name);
  p.strategies.push_back(many);
  const auto base = testing::run_strategy(p, "baseline", kReplicates);
  const auto alone = testing::run_strategy(p, "co_design", kReplicates);
  const auto all = testing::run_strategy(p, "everything", kReplicates);

  const auto fatigue = testing::mean_ci95(
      testing::differences(testing::mean_gain(all, base, 6, 36, Metric::Fatigue),
                           testing::mean_gain(alone, base, 6, 36, Metric::Fatigue)));
  EXPECT_GT(fatigue.lower, 0.0) << "mean fatigue, everything minus co_design alone " << fatigue.str();

  // Take-up of co-design itself (the same intervention) falls when it is one of many.
  auto take_up = [](const testing::StrategyRuns& runs, std::size_t intervention) {
    std::vector<double> t;
    for (const auto& totals : runs.totals) {
      const auto& co = totals[intervention];
      t.push_back(static_cast<double>(co.attendances) / static_cast<double>(co.invitations));
    }
    return t;
  };
  const auto position = static_cast<std::size_t>(
      std::find(many.interventions.begin(), many.interventions.end(), "co_design") - many.interventions.begin());
  const auto fall = testing::mean_ci95(testing::differences(take_up(all, position), take_up(alone, 0)));
  EXPECT_LT(fall.upper, 0.0) << "co_design take-up, among many minus alone " << fall.str();

  // More is not better: the gain in cross-sector trust (mean over the years the
  // interventions run and after) per pound spent is lower.
  auto per_pound = [&](const testing::StrategyRuns& runs) {
    const auto g = testing::mean_gain(runs, base, 6, 60, Metric::TrustCrossSector);
    std::vector<double> out;
    for (std::size_t r = 0; r < g.size(); ++r) out.push_back(1000.0 * g[r] / runs.metrics[r].at(120, Metric::CostCumulative));
    return out;
  };
  const auto value = testing::mean_ci95(testing::differences(per_pound(all), per_pound(alone)));
  EXPECT_LT(value.upper, 0.0) << "trust gain per GBP million, everything minus co_design alone " << value.str();
}

}  // namespace
}  // namespace placesim
