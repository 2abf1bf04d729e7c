// Interventions in whole runs: costs add up, sessions happen when declared, strategies
// compose, and misspelt names are refused with a suggestion.
#include "model/interventions/interventions.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "experiment/plan.hpp"
#include "model/model.hpp"
#include "scenario/scenario.hpp"
#include "scenario/presets.hpp"
#include "scenario/strategies.hpp"

namespace placesim {
namespace {

// Everyone invited attends: take-up 1 and no fatigue penalty.
InterventionSpec certain(const std::string& name) {
  InterventionSpec s;
  s.name = name;
  s.targeting = Targeting::Roles;
  s.roles = {"director", "borough_commander"};  // 6 + 1 posts
  s.take_up = 1;
  s.take_up_fatigue = 0;
  s.start_month = 10;
  s.duration_months = 12;
  s.cadence_months = 4;  // sessions in months 10, 14, 18
  s.cost_fixed = 50;
  s.cost_per_participant_session = 2;
  s.effects.capacity = 0.1;
  return s;
}

Params with_strategy(std::vector<InterventionSpec> specs) {
  Params p = default_params();
  StrategySpec strategy{"test", "", {}};
  for (auto& s : specs) {
    strategy.interventions.push_back(s.name);
    p.interventions.push_back(std::move(s));
  }
  p.strategies.push_back(strategy);
  return p;
}

TEST(Interventions, CostsAddUpToWhatTheDeclarationImplies) {
  const Params p = with_strategy({certain("courses")});
  Model model(configure_strategy(p, "test"), {3, 0});
  model.run();
  const MetricSeries& m = model.metrics();
  // Three sessions of seven posts: 50 + 3 x 7 x 2.
  EXPECT_DOUBLE_EQ(m.at(120, Metric::CostCumulative), 50 + 3 * 7 * 2);
  double sessions = 0, participants = 0, monthly = 0;
  for (int t = 1; t <= 120; ++t) {
    sessions += m.at(t, Metric::InterventionSessions);
    participants += m.at(t, Metric::Participants);
    monthly += m.at(t, Metric::Cost);
    const bool session_month = t == 10 || t == 14 || t == 18;
    EXPECT_EQ(m.at(t, Metric::InterventionSessions), session_month ? 1.0f : 0.0f) << t;
  }
  EXPECT_EQ(sessions, 3);
  EXPECT_EQ(participants, 21);
  EXPECT_DOUBLE_EQ(monthly, m.at(120, Metric::CostCumulative));
  EXPECT_EQ(model.interventions()->totals(0).sessions, 3);
  EXPECT_EQ(model.interventions()->totals(0).attendances, 21);
}

TEST(Interventions, AnElectionTriggeredInterventionRunsAfterEveryElection) {
  auto s = certain("after_elections");
  s.trigger = Trigger::Election;
  s.start_month = 1;
  s.duration_months = 3;
  s.cadence_months = 1;
  const Params p = with_strategy({s});
  Model model(configure_strategy(p, "test"), {3, 0});
  model.run();
  const MetricSeries& m = model.metrics();
  // Elections in months 24, 72 and 120: sessions in 25-27 and 73-75 (121+ is past the end).
  for (int t = 1; t <= 120; ++t) {
    const bool due = (t >= 25 && t <= 27) || (t >= 73 && t <= 75);
    EXPECT_EQ(m.at(t, Metric::InterventionSessions), due ? 1.0f : 0.0f) << t;
  }
  EXPECT_EQ(model.interventions()->totals(0).runs, 2);
  EXPECT_DOUBLE_EQ(m.at(120, Metric::CostCumulative), 2 * 50 + 6 * 7 * 2);
}

TEST(Interventions, AttendanceFallsWithIrrelevanceAndFatigue) {
  InterventionSpec s;
  s.take_up = 0.8;
  s.take_up_relevance = 0.5;
  s.take_up_fatigue = 0.4;
  EXPECT_DOUBLE_EQ(attendance_probability(s, 1.0, 0.0), 0.8);
  EXPECT_DOUBLE_EQ(attendance_probability(s, 0.2, 0.0), 0.8 * (1 - 0.5 * 0.8));
  EXPECT_DOUBLE_EQ(attendance_probability(s, 1.0, 0.5), 0.8 * (1 - 0.4 * 0.5));
  EXPECT_DOUBLE_EQ(attendance_probability(s, 0.2, 0.5), 0.8 * 0.6 * 0.8);
  const double uniform[4] = {0.25, 0.25, 0.25, 0.25};
  EXPECT_DOUBLE_EQ(relevance(2, uniform, 4), 1.0);  // an average priority is fully relevant
  const double low[4] = {0.7, 0.2, 0.05, 0.05};
  EXPECT_DOUBLE_EQ(relevance(2, low, 4), 0.2);
  EXPECT_DOUBLE_EQ(relevance(-1, low, 4), 1.0);  // no focal issue
}

TEST(Interventions, AttendanceMatchesItsProbabilityOverManySessions) {
  // No fatigue (no policy changes, sessions add none) and no focal issue: 0.8 exactly.
  auto s = certain("measured");
  s.take_up = 0.8;
  s.duration_months = 100;
  s.cadence_months = 1;
  s.fatigue = 0;
  Params p = with_strategy({s});
  for (auto& sector : p.sectors) sector.policy_changes_per_year = 0;
  double invited = 0, attended = 0;
  for (std::uint32_t r = 0; r < 10; ++r) {
    Model model(configure_strategy(p, "test"), {9, r});
    model.run();
    invited += static_cast<double>(model.interventions()->totals(0).invitations);
    attended += static_cast<double>(model.interventions()->totals(0).attendances);
  }
  EXPECT_EQ(invited, 10 * 100 * 7);
  EXPECT_NEAR(attended / invited, 0.8, 4 * std::sqrt(0.8 * 0.2 / invited));
}

TEST(Interventions, AStrategyOfTwoPresetsAndACustomInterventionRuns) {
  Scenario s = load_scenario_text(R"(
[interventions.board_away_day]
based_on = "total_place"
start_month = 12
duration_months = 2
effects = { trust = 0.2, knowledge = 0.05 }

[strategies.mixed]
description = "peer review and mentoring, then an away day for the board"
interventions = ["peer_review", "mentoring", "board_away_day"]

[simulation]
strategies = ["baseline", "mixed"]
replicates = 2
months = 36
)", "mixed.toml");
  check_scenario(s);
  const Plan plan(s);
  EXPECT_EQ(plan.runs(), 4);
  const auto mixed = plan.configuration(0, 1);
  ASSERT_EQ(mixed->interventions.size(), 3u);
  const InterventionSpec& custom = mixed->interventions[2];
  EXPECT_EQ(custom.forum, "partnership_board");  // from total_place
  EXPECT_EQ(custom.start_month, 12);
  EXPECT_EQ(custom.effects.trust, 0.2);
  EXPECT_EQ(custom.effects.focus, 0.0);  // the effects table is replaced whole
  Model model(mixed, {plan.seed(), 0});
  model.run();
  for (int i = 0; i < 3; ++i) EXPECT_GT(model.interventions()->totals(i).sessions, 0) << i;
  EXPECT_EQ(model.interventions()->totals(2).sessions, 2);
}

// Common random numbers: a strategy shares every random stream with the baseline, so what it
// does not change stays exactly the same.
bool same_until(const MetricSeries& a, const MetricSeries& b, int last_month, bool skip_intervention_metrics) {
  for (int t = 0; t <= last_month; ++t) {
    for (int m = 0; m < static_cast<int>(Metric::Count); ++m) {
      const auto metric = static_cast<Metric>(m);
      const bool intervention_metric = metric == Metric::InterventionSessions || metric == Metric::Invitations ||
                                       metric == Metric::Participants || metric == Metric::Cost ||
                                       metric == Metric::CostCumulative;
      if (skip_intervention_metrics && intervention_metric) continue;
      for (int c = 0; c < a.width(metric); ++c) {
        const float x = a.at(t, metric, c), y = b.at(t, metric, c);
        if (std::memcmp(&x, &y, sizeof x) != 0) return false;
      }
    }
  }
  return true;
}

TEST(Interventions, AStrategyThatChangesNothingReproducesTheBaselineExactly) {
  auto nobody = certain("nobody_comes");
  nobody.take_up = 0;  // invited, charged for, never attended
  const Params p = with_strategy({nobody});
  for (std::uint32_t r = 0; r < 3; ++r) {
    Model base(configure_strategy(p, "baseline"), {5, r});
    Model empty(configure_strategy(p, "test"), {5, r});
    base.run();
    empty.run();
    EXPECT_TRUE(same_until(base.metrics(), empty.metrics(), 120, true)) << "replicate " << r;
    EXPECT_GT(empty.metrics().at(120, Metric::CostCumulative), 0.0f);
  }
}

TEST(Interventions, BeforeAnInterventionStartsARunIsTheBaselineExactly) {
  Params p = default_params();
  for (auto& i : p.interventions) {
    if (i.name == "co_design") i.start_month = 60;
  }
  for (std::uint32_t r = 0; r < 3; ++r) {
    Model base(configure_strategy(p, "baseline"), {5, r});
    Model co(configure_strategy(p, "co_design"), {5, r});
    base.run();
    co.run();
    EXPECT_TRUE(same_until(base.metrics(), co.metrics(), 59, false)) << "replicate " << r;
    EXPECT_FALSE(same_until(base.metrics(), co.metrics(), 61, true)) << "replicate " << r;
  }
}

std::string error_of(const std::string& text) {
  try {
    Scenario s = load_scenario_text(text, "s.toml");
    check_scenario(s);
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Interventions, MisspeltNamesAreRefusedWithASuggestion) {
  EXPECT_NE(error_of("[interventions.peer_review]\ntargeting = \"snowbal\"\n").find("did you mean 'snowball'"),
            std::string::npos);
  const auto effect = error_of("[interventions.peer_review]\neffects = { trsut = 0.1 }\n");
  EXPECT_NE(effect.find("interventions.peer_review.effects.trsut"), std::string::npos) << effect;
  EXPECT_NE(effect.find("did you mean 'trust'"), std::string::npos) << effect;
  EXPECT_NE(error_of("[interventions.peer_review]\nfocal_rule = \"worse\"\n").find("did you mean 'worst'"),
            std::string::npos);
  const auto strategy = error_of("[strategies.x]\ninterventions = [\"co_desing\"]\n");
  EXPECT_NE(strategy.find("s.toml:2:"), std::string::npos) << strategy;
  EXPECT_NE(strategy.find("did you mean 'co_design'"), std::string::npos) << strategy;
  EXPECT_NE(error_of("[simulation]\nstrategies = [\"basline\"]\n").find("did you mean 'baseline'"), std::string::npos);
  EXPECT_NE(error_of("[interventions.x]\nbased_on = \"peer_reveiw\"\n").find("did you mean 'peer_review'"),
            std::string::npos);
  EXPECT_NE(error_of("[interventions.peer_review]\nforum = \"top_tem\"\n").find("did you mean 'top_team'"),
            std::string::npos);
  EXPECT_NE(error_of("[interventions.action_learning]\nneighbourhoods = [7]\n").find("no neighbourhood 7"),
            std::string::npos);
}

}  // namespace
}  // namespace placesim
