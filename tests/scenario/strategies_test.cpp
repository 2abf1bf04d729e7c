// Strategies resolve, by name, to their interventions in their order.
#include "scenario/strategies.hpp"

#include <gtest/gtest.h>

#include "scenario/scenario.hpp"

namespace placesim {
namespace {

TEST(Strategies, ResolveToTheirInterventionsInOrder) {
  const Scenario s = load_scenario_text(
      "[strategies.mix]\ninterventions = [\"mentoring\", \"peer_review\"]\n", "t.toml");
  const auto interventions = strategy_interventions(s.params, "mix");
  ASSERT_EQ(interventions.size(), 2u);
  EXPECT_EQ(interventions[0].name, "mentoring");
  EXPECT_EQ(interventions[1].name, "peer_review");
  EXPECT_TRUE(strategy_interventions(s.params, "baseline").empty());
  const auto configuration = configure_strategy(s.params, "mix");
  EXPECT_EQ(configuration->strategy, "mix");
  EXPECT_EQ(configuration->interventions.size(), 2u);
}

TEST(Strategies, UnknownNamesAreRefused) {
  const Scenario s = load_scenario_text("", "t.toml");
  EXPECT_THROW(strategy_interventions(s.params, "nothing"), std::out_of_range);
  Params p = s.params;
  p.strategies.push_back({"broken", "", {"no_such_intervention"}, ""});
  EXPECT_THROW(strategy_interventions(p, "broken"), std::out_of_range);
}

}  // namespace
}  // namespace placesim
