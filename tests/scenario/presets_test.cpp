// The presets as data: scenarios/presets/presets.toml read like a scenario, every preset a
// strategy of its own, and "all_presets" in a scenario standing for them.
#include "scenario/presets.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "scenario/scenario.hpp"

namespace placesim {
namespace {

TEST(Presets, EveryPresetIsAStrategyOfItsOwnNameAndTheBaselineIsOne) {
  const Params& p = default_params();
  ASSERT_FALSE(preset_names().empty());
  for (const std::string& preset : preset_names()) {
    const auto s = std::find_if(p.strategies.begin(), p.strategies.end(), [&](const auto& x) { return x.name == preset; });
    ASSERT_NE(s, p.strategies.end()) << preset;
    EXPECT_EQ(s->interventions, std::vector<std::string>{preset});
  }
  const auto baseline = std::find_if(p.strategies.begin(), p.strategies.end(), [](const auto& x) { return x.name == "baseline"; });
  ASSERT_NE(baseline, p.strategies.end());
  EXPECT_TRUE(baseline->interventions.empty());
}

TEST(Presets, AllPresetsExpandsInOrderWithoutRepeats) {
  std::vector<std::string> presets;
  for (const std::string& s : built_in_strategy_names()) {
    if (s != "baseline") presets.push_back(s);
  }
  EXPECT_EQ(expand_all_presets({"baseline", kAllPresets}).size(), presets.size() + 1);
  // A preset already listed keeps its place; the others follow in order.
  const auto expanded = expand_all_presets({presets.back(), kAllPresets, "mine"});
  ASSERT_EQ(expanded.size(), presets.size() + 1);
  EXPECT_EQ(expanded.front(), presets.back());
  EXPECT_EQ(expanded[1], presets.front());
  EXPECT_EQ(expanded.back(), "mine");
}

TEST(Presets, AScenarioCanTuneAPresetOrCopyIt) {
  const Scenario s = load_scenario_text(
      "[interventions.co_design]\ntake_up = 0.5\n[interventions.mine]\nbased_on = \"co_design\"\ncap = 5\n", "t.toml");
  const auto& rows = s.params.interventions;
  const auto co = std::find_if(rows.begin(), rows.end(), [](const auto& x) { return x.name == "co_design"; });
  const auto mine = std::find_if(rows.begin(), rows.end(), [](const auto& x) { return x.name == "mine"; });
  ASSERT_NE(mine, rows.end());
  EXPECT_EQ(co->take_up, 0.5);
  EXPECT_EQ(mine->take_up, 0.5);  // copied after the change above it
  EXPECT_EQ(mine->cap, 5);
  EXPECT_EQ(mine->theory, co->theory);
}

}  // namespace
}  // namespace placesim
