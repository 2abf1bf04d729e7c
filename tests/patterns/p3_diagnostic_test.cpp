// P3: diagnostic gives the fastest gain on its focal issue, the least cross-sector effect, and
// fades after it ends. On every kind of place in the family, every intervention at its expected
// quality (the pattern is about what each does, not how uncertain its size is), over 40
// replicates paired with the baseline.
#include <gtest/gtest.h>

#include "support/places.hpp"
#include "support/strategy_runs.hpp"

namespace placesim {
namespace {

constexpr int kReplicates = 40;
// The presets that run from the same month (top-team workshops wait for an election).
const std::vector<std::string> kOthers = testing::presets_except({"diagnostic", "top_team_workshops"});

const InterventionSpec& preset(const Params& p, const std::string& name) {
  return *std::find_if(p.interventions.begin(), p.interventions.end(),
                       [&](const InterventionSpec& i) { return i.name == name; });
}

TEST(PatternP3, TheDiagnosticGainsFastestOnItsFocalIssueThenFades) {
  for (const testing::PlaceKind& kind : testing::place_family()) {
    const Params p = testing::at_expected_quality(kind.params);
    const int start = preset(p, "diagnostic").start_month;
    const int end = start + preset(p, "diagnostic").duration_months - 1;
    const auto base = testing::run_strategy(p, "baseline", kReplicates);
    const auto diagnostic = testing::run_strategy(p, "diagnostic", kReplicates);
    // Its focal issue in each replicate (chosen in each run when it starts).
    std::vector<int> focal;
    for (const auto& totals : diagnostic.totals) {
      ASSERT_GE(totals.front().focal_issue, 0);
      focal.push_back(totals.front().focal_issue);
    }

    // Fastest: six months after the start, the largest gain on that issue of all presets.
    const int early = start + 6;
    const auto own = testing::gain_per_replicate(diagnostic, base, early, Metric::Outcome, focal);
    EXPECT_GT(testing::mean_ci95(own).lower, 0.0)
        << kind.name << ": gain on its focal issue " << testing::mean_ci95(own).str();
    for (const std::string& other : kOthers) {
      const auto theirs = testing::gain_per_replicate(testing::run_strategy(p, other, kReplicates), base, early,
                                                      Metric::Outcome, focal);
      const auto ci = testing::mean_ci95(testing::differences(own, theirs));
      EXPECT_GT(ci.lower, 0.0) << kind.name << ": diagnostic minus " << other << " on the focal issue at month "
                               << early << ": " << ci.str();
    }

    // Fades: three years after it ends, less of the gain is left than one year after.
    const auto one_year = testing::gain_per_replicate(diagnostic, base, end + 12, Metric::Outcome, focal);
    const auto three_years = testing::gain_per_replicate(diagnostic, base, end + 36, Metric::Outcome, focal);
    const auto fade = testing::mean_ci95(testing::differences(three_years, one_year));
    EXPECT_LT(fade.upper, 0.0) << kind.name << ": gain three years after minus one year after " << fade.str();
  }
}

TEST(PatternP3, TheDiagnosticHasTheLeastCrossSectorEffect) {
  for (const testing::PlaceKind& kind : testing::place_family()) {
    const Params p = testing::at_expected_quality(kind.params);
    const auto base = testing::run_strategy(p, "baseline", kReplicates);
    // Mean cross-sector trust gain over the two years from the start.
    const auto own = testing::mean_gain(testing::run_strategy(p, "diagnostic", kReplicates), base, 6, 30,
                                        Metric::TrustCrossSector);
    const auto none = testing::mean_ci95(own);
    EXPECT_GT(none.lower, -0.01) << kind.name << ": diagnostic's cross-sector trust effect " << none.str();
    EXPECT_LT(none.upper, 0.01) << kind.name << ": diagnostic's cross-sector trust effect " << none.str();
    for (const std::string& other : testing::presets_except({"diagnostic"})) {
      const auto theirs = testing::mean_gain(testing::run_strategy(p, other, kReplicates), base, 6, 30,
                                             Metric::TrustCrossSector);
      // No preset has clearly less; those that bring sectors together have clearly more.
      const auto ci = testing::mean_ci95(testing::differences(theirs, own));
      const bool relational = other == "co_design" || other == "cross_sector_programme" || other == "total_place";
      EXPECT_GT(relational ? ci.lower : ci.upper, 0.0)
          << kind.name << ": " << other << " minus diagnostic, cross-sector trust gain: " << ci.str();
    }
  }
}

}  // namespace
}  // namespace placesim
