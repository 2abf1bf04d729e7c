// Where two scenarios' parameters differ (what run --posterior names when a calibration was
// made on another place): each difference set here by hand, and nothing else.
#include <gtest/gtest.h>

#include "scenario/registry.hpp"
#include "scenario/scenario.hpp"
#include "scenario/scenario_difference.hpp"

namespace placesim {
namespace {

std::vector<ParameterDifference> differences_after(const std::vector<std::string>& assignments) {
  const Scenario base = default_scenario();
  Scenario changed = default_scenario();
  for (const std::string& a : assignments) apply_override(changed, a);
  return parameter_differences(changed.params, base.params);
}

TEST(ScenarioDifference, TheSameScenarioHasNone) { EXPECT_TRUE(differences_after({}).empty()); }

// co_design's effects with one entry changed, the others as the presets give them.
std::string co_design_effects_with_capacity(double capacity) {
  const Table* interventions = Registry::instance().find_table("interventions");
  auto effects = std::get<NamedReals>(interventions->get(default_scenario().params, "co_design", "effects"));
  effects["capacity"] = capacity;
  return "interventions.co_design.effects=" + to_toml(Value(effects));
}

TEST(ScenarioDifference, AScalarATableFieldAndAnEntryOfRealsEachNamedOnce) {
  const auto found = differences_after({"trust.decay=0.031", "place.issues.community_safety.wickedness=0.61",
                                        co_design_effects_with_capacity(0.0123)});
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].key, "trust.decay");
  EXPECT_EQ(found[0].table, "");
  EXPECT_EQ(found[0].here, "0.031");
  EXPECT_EQ(found[1].key, "place.issues.community_safety.wickedness");
  EXPECT_EQ(found[1].table, "place.issues");
  EXPECT_EQ(found[1].here, "0.61");
  EXPECT_EQ(found[2].key, "interventions.co_design.effects.capacity");
  EXPECT_EQ(found[2].table, "interventions");
  EXPECT_EQ(found[2].here, "0.0123");
  for (const auto& d : found) EXPECT_NE(d.here, d.there) << d.key;
}

TEST(ScenarioDifference, ARowOnOneSideOnlyIsOneDifference) {
  const auto found = differences_after({"place.issues.housing.initial_outcome=0.4"});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].key, "place.issues.housing");
  EXPECT_EQ(found[0].table, "place.issues");
  EXPECT_FALSE(found[0].here.empty());
  EXPECT_TRUE(found[0].there.empty());
}

}  // namespace
}  // namespace placesim
