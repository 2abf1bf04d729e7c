// P4: co_design starts slower but leaves the largest and most durable gains in cross-sector
// trust and shared ambition. Legacy is the gain left about two years after an intervention
// ends: its mean over months 18 to 30 after the end (for one triggered by elections: after its
// first run, and only where the next election does not run it again before then). On every kind of place in the family,
// every intervention at its expected quality, over 100 replicates paired with the baseline.
#include <gtest/gtest.h>

#include "support/places.hpp"
#include "support/strategy_runs.hpp"

namespace placesim {
namespace {

constexpr int kReplicates = 100;

const InterventionSpec& preset(const Params& p, const std::string& name) {
  return *std::find_if(p.interventions.begin(), p.interventions.end(),
                       [&](const InterventionSpec& i) { return i.name == name; });
}

int last_month(const Params& p, const std::string& name) {
  const InterventionSpec& s = preset(p, name);
  const int start = s.trigger == Trigger::Election ? p.events.elections.first_month + s.start_month : s.start_month;
  return start + s.duration_months - 1;
}

// Whether an intervention has a legacy to measure: one triggered by elections runs again
// after the next one, and a council elected every year leaves it no two years after.
bool has_legacy(const Params& p, const std::string& name) {
  const InterventionSpec& s = preset(p, name);
  return s.trigger != Trigger::Election || p.events.elections.cycle_months > s.start_month + s.duration_months + 30;
}

std::vector<double> legacy(const testing::StrategyRuns& runs, const testing::StrategyRuns& base, const Params& p,
                           const std::string& name, Metric metric) {
  const int end = last_month(p, name);
  return testing::mean_gain(runs, base, end + 18, end + 30, metric);
}

TEST(PatternP4, CoDesignStartsSlowerThanACrossSectorCohort) {
  for (const testing::PlaceKind& kind : testing::place_family()) {
    const Params p = testing::at_expected_quality(kind.params);
    const auto base = testing::run_strategy(p, "baseline", kReplicates);
    // Both start in month 6; six months in, the cohort has moved cross-sector trust further.
    const auto co = testing::gain(testing::run_strategy(p, "co_design", kReplicates), base, 12, Metric::TrustCrossSector);
    const auto cohort = testing::gain(testing::run_strategy(p, "cross_sector_programme", kReplicates), base, 12,
                                      Metric::TrustCrossSector);
    const auto ci = testing::mean_ci95(testing::differences(co, cohort));
    EXPECT_LT(ci.upper, 0.0) << kind.name << ": co_design minus cross_sector_programme at month 12: " << ci.str();
  }
}

TEST(PatternP4, CoDesignLeavesTheLargestLegacyInTrustAndSharedAmbition) {
  for (const testing::PlaceKind& kind : testing::place_family()) {
    const Params p = testing::at_expected_quality(kind.params);
    const auto base = testing::run_strategy(p, "baseline", kReplicates);
    const auto co = testing::run_strategy(p, "co_design", kReplicates);
    std::vector<std::pair<std::string, testing::StrategyRuns>> others;
    for (const std::string& other : testing::presets_except({"co_design"})) {
      others.emplace_back(other, testing::run_strategy(p, other, kReplicates));
    }
    for (const Metric metric : {Metric::TrustCrossSector, Metric::SharedAmbition}) {
      const auto own = legacy(co, base, p, "co_design", metric);
      EXPECT_GT(testing::mean_ci95(own).lower, 0.0)
          << kind.name << ": " << spec(metric).name << " legacy of co_design " << testing::mean_ci95(own).str();
      for (const auto& [other, runs] : others) {
        if (!has_legacy(p, other)) continue;
        const auto theirs = legacy(runs, base, p, other, metric);
        const auto ci = testing::mean_ci95(testing::differences(own, theirs));
        EXPECT_GT(ci.lower, 0.0) << kind.name << ": " << spec(metric).name << " legacy, co_design minus " << other
                                 << ": " << ci.str();
      }
    }
  }
}

}  // namespace
}  // namespace placesim
