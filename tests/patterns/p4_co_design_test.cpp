// P4: co_design starts slower but leaves the largest and most durable gains in
// cross-sector trust and shared ambition. Legacy is the gain left 24 months after an
// intervention ends (for one triggered by elections: after its first run). 40 replicates.
#include <gtest/gtest.h>

#include "support/strategy_runs.hpp"

namespace placesim {
namespace {

constexpr int kReplicates = 60;

int legacy_month(const Params& p, const std::string& name) {
  const auto& s = *std::find_if(p.interventions.begin(), p.interventions.end(),
                                [&](const InterventionSpec& i) { return i.name == name; });
  const int start = s.trigger == Trigger::Election ? p.events.elections.first_month + s.start_month : s.start_month;
  return start + s.duration_months - 1 + 24;
}

TEST(PatternP4, CoDesignStartsSlowerThanACrossSectorCohort) {
  const Params p = testing::default_scenario_params();
  const auto base = testing::run_strategy(p, "baseline", kReplicates);
  // Both start in month 6; six months in, the cohort has moved cross-sector trust further.
  const auto co = testing::gain(testing::run_strategy(p, "co_design", kReplicates), base, 12, Metric::TrustCrossSector);
  const auto cohort = testing::gain(testing::run_strategy(p, "cross_sector_programme", kReplicates), base, 12,
                                    Metric::TrustCrossSector);
  const auto ci = testing::mean_ci95(testing::differences(co, cohort));
  EXPECT_LT(ci.upper, 0.0) << "co_design minus cross_sector_programme at month 12: " << ci.str();
}

TEST(PatternP4, CoDesignLeavesTheLargestLegacyInTrustAndSharedAmbition) {
  const Params p = testing::default_scenario_params();
  const auto base = testing::run_strategy(p, "baseline", kReplicates);
  const auto co = testing::run_strategy(p, "co_design", kReplicates);
  const int co_legacy = legacy_month(p, "co_design");
  for (const Metric metric : {Metric::TrustCrossSector, Metric::SharedAmbition}) {
    const auto own = testing::gain(co, base, co_legacy, metric);
    EXPECT_GT(testing::mean_ci95(own).lower, 0.0) << spec(metric).name << " legacy of co_design "
                                                  << testing::mean_ci95(own).str();
    for (const std::string& other : testing::presets_except({"co_design"})) {
      const auto theirs = testing::gain(testing::run_strategy(p, other, kReplicates), base, legacy_month(p, other), metric);
      const auto ci = testing::mean_ci95(testing::differences(own, theirs));
      EXPECT_GT(ci.lower, 0.0) << spec(metric).name << " legacy, co_design minus " << other << ": " << ci.str();
    }
  }
}

}  // namespace
}  // namespace placesim
