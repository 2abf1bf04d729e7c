// P7: a wicked issue whose required sectors distrust each other fails despite effort; a
// bilateral issue does not need the absent sector. Each over 30 replicates, paired.
#include <gtest/gtest.h>

#include "support/model_fixtures.hpp"
#include "support/statistics.hpp"
#include "scenario/presets.hpp"

namespace placesim {
namespace {

constexpr int kReplicates = 30;

struct WickedRun {
  std::vector<double> outcome_change, effort;
};

// Health inequalities (wickedness 0.8, needing members, officers and health) in a quiet
// place with the default effort. Trust across sectors starts high, or near zero with every
// cross-sector encounter going badly.
WickedRun wicked_issue(bool distrust) {
  Params p = testing::quiet(default_params());
  p.simulation.months = 60;
  if (distrust) {
    p.trust.initial_cross = 0.05;
    p.trust.new_tie_cross = 0.05;
    p.experience.distance = 3.0;  // every cross-sector encounter goes badly
  } else {
    p.trust.initial_cross = 0.8;
  }
  WickedRun out;
  for (std::uint32_t r = 0; r < kReplicates; ++r) {
    Model model(p, {77, r});
    const int issue = testing::issue_index(model.state().place, "health_inequalities");
    model.run();
    const MetricSeries& m = model.metrics();
    out.outcome_change.push_back(m.at(60, Metric::Outcome, issue) - m.at(0, Metric::Outcome, issue));
    double effort = 0;
    for (int t = 1; t <= 60; ++t) effort += m.at(t, Metric::JointEffort, issue) / 60.0;
    out.effort.push_back(effort);
  }
  return out;
}

TEST(PatternP7, AWickedIssueFailsDespiteEffortWhenItsSectorsDistrustEachOther) {
  const WickedRun trusting = wicked_issue(false);
  const WickedRun distrusting = wicked_issue(true);
  const auto fails = testing::mean_ci95(distrusting.outcome_change);
  EXPECT_LT(fails.upper, 0.0) << "outcome change with distrust " << fails.str();
  const auto gap = testing::mean_ci95(testing::differences(trusting.outcome_change, distrusting.outcome_change));
  EXPECT_GT(gap.lower, 0.0) << "trusting minus distrusting outcome change " << gap.str();
  // Despite effort: the distrusting place works on the issue at least 90% as hard.
  const auto effort_ratio = testing::mean_ci95([&] {
    std::vector<double> ratio;
    for (std::size_t r = 0; r < distrusting.effort.size(); ++r) ratio.push_back(distrusting.effort[r] / trusting.effort[r]);
    return ratio;
  }());
  EXPECT_GT(effort_ratio.lower, 0.9) << "effort, distrusting over trusting " << effort_ratio.str();
}

struct Outcomes {
  std::vector<double> care, safety;
};

Outcomes five_years(bool with_police) {
  Params p = default_params();
  p.simulation.months = 60;
  if (!with_police) {
    for (auto& role : p.population.roles) {
      if (role.sector == "police") role.count = 0;
    }
  }
  Outcomes out;
  for (std::uint32_t r = 0; r < kReplicates; ++r) {
    Model model(p, {88, r});
    model.run();
    const MetricSeries& m = model.metrics();
    const int care = testing::issue_index(model.state().place, "adult_social_care");
    const int safety = testing::issue_index(model.state().place, "community_safety");
    out.care.push_back(m.at(60, Metric::Outcome, care));
    out.safety.push_back(m.at(60, Metric::Outcome, safety));
  }
  return out;
}

TEST(PatternP7, ABilateralIssueDoesNotNeedTheAbsentSector) {
  const Outcomes with = five_years(true);
  const Outcomes without = five_years(false);
  // Safety needs the police (weight 1/2): without them it falls well behind.
  const auto safety = testing::mean_ci95(testing::differences(without.safety, with.safety));
  EXPECT_LT(safety.upper, -0.1) << "community safety, without minus with police " << safety.str();
  // Adult social care is for health and local government only: within +/- 0.05.
  const auto care = testing::mean_ci95(testing::differences(without.care, with.care));
  EXPECT_GT(care.lower, -0.05) << "adult social care, without minus with police " << care.str();
  EXPECT_LT(care.upper, 0.05) << "adult social care, without minus with police " << care.str();
}

}  // namespace
}  // namespace placesim
