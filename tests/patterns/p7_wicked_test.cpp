// P7: a wicked issue whose required sectors distrust each other fails despite effort; a
// bilateral issue does not need the absent sector. On every kind of place in the family, each
// over 30 replicates, paired, with every parameter inside the range the tool accepts.
#include <gtest/gtest.h>

#include "support/model_fixtures.hpp"
#include "support/statistics.hpp"
#include "support/places.hpp"

namespace placesim {
namespace {

constexpr int kReplicates = 30;

struct WickedRun {
  std::vector<double> outcome_change, effort;
};

// Health inequalities (wickedness 0.8, needing members, officers and health) in the quiet
// version of a place. Trust across sectors starts high, or near zero with cross-sector
// encounters going badly (the widest cultural distance the tool accepts). Commitment follows
// neither trust nor progress here (commitment.trust = commitment.progress = 0), so that both
// places put the same effort in: the failure is of joint work, not of willingness.
WickedRun wicked_issue(Params p, bool distrust) {
  p = testing::quiet(p);
  p.simulation.months = 60;
  p.commitment.trust = 0;
  p.commitment.progress = 0;
  if (distrust) {
    p.trust.initial_cross = 0.05;
    p.trust.new_tie_cross = 0.05;
    p.experience.distance = 2.0;
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
  for (const testing::PlaceKind& kind : testing::place_family()) {
    const WickedRun trusting = wicked_issue(kind.params, false);
    const WickedRun distrusting = wicked_issue(kind.params, true);
    const auto fails = testing::mean_ci95(distrusting.outcome_change);
    EXPECT_LT(fails.upper, 0.0) << kind.name << ": outcome change with distrust " << fails.str() << " with trust " << testing::mean_ci95(trusting.outcome_change).str();
    const auto gap = testing::mean_ci95(testing::differences(trusting.outcome_change, distrusting.outcome_change));
    EXPECT_GT(gap.lower, 0.0) << kind.name << ": trusting minus distrusting outcome change " << gap.str();
    // Despite effort: the distrusting place works on the issue at least 90% as hard.
    const auto effort_ratio = testing::mean_ci95([&] {
      std::vector<double> ratio;
      for (std::size_t r = 0; r < distrusting.effort.size(); ++r) ratio.push_back(distrusting.effort[r] / trusting.effort[r]);
      return ratio;
    }());
    EXPECT_GT(effort_ratio.lower, 0.9) << kind.name << ": effort, distrusting over trusting " << effort_ratio.str();
  }
}

struct Outcomes {
  std::vector<double> care, safety;
};

Outcomes five_years(Params p, bool with_police) {
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
  for (const testing::PlaceKind& kind : testing::place_family()) {
    const Outcomes with = five_years(kind.params, true);
    const Outcomes without = five_years(kind.params, false);
    // Safety needs the police (weight 1/2 or more): without them it falls well behind.
    const auto safety = testing::mean_ci95(testing::differences(without.safety, with.safety));
    EXPECT_LT(safety.upper, -0.1) << kind.name << ": community safety, without minus with police " << safety.str();
    // Adult social care is for health and local government only: within +/- 0.05.
    const auto care = testing::mean_ci95(testing::differences(without.care, with.care));
    EXPECT_GT(care.lower, -0.05) << kind.name << ": adult social care, without minus with police " << care.str();
    EXPECT_LT(care.upper, 0.05) << kind.name << ": adult social care, without minus with police " << care.str();
  }
}

}  // namespace
}  // namespace placesim
