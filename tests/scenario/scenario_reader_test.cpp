#include <gtest/gtest.h>

#include "model/place.hpp"
#include "scenario/registry.hpp"
#include "scenario/scenario.hpp"
#include "scenario/suggestion.hpp"
#include "scenario/presets.hpp"

namespace placesim {
namespace {

ScenarioError error_of(const std::string& text) {
  try {
    Scenario s = load_scenario_text(text, "test.toml");
    check_scenario(s);
  } catch (const ScenarioError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for:\n" << text;
  return ScenarioError({}, "", "");
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(ScenarioReader, TheEmbeddedDefaultLoadsOverTheRegistryDefaults) {
  const Scenario s = default_scenario();
  EXPECT_EQ(s.source, kEmbeddedDefaultName);
  EXPECT_EQ(s.params.simulation.name, "default");
  EXPECT_EQ(s.params.simulation.replicates, 50);
  EXPECT_EQ(s.params.simulation.strategies.size(), 9u);  // the baseline and every preset
  Params expected = default_params();
  expected.simulation.replicates = 50;
  expected.simulation.strategies = s.params.simulation.strategies;
  EXPECT_EQ(resolved_toml(s.params), resolved_toml(expected));
  EXPECT_NO_THROW(check_scenario(s));
}

TEST(ScenarioReader, SetsScalarsTablesAndNewRows) {
  const Scenario s = load_scenario_text(R"(
[trust]
decay = 0.05
[sectors.police]
hierarchy = 0.1
[place.issues.housing]
weights = { officer = 1, member = 1 }
wickedness = 0.2
[population.roles.director]
count = 3
)", "t.toml");
  EXPECT_EQ(s.params.trust.decay, 0.05);
  EXPECT_EQ(s.params.sectors[2].culture.hierarchy, 0.1);
  ASSERT_EQ(s.params.place.issues.back().name, "housing");
  EXPECT_EQ(s.params.place.issues.back().wickedness, 0.2);
  EXPECT_EQ(s.params.place.issues.back().weights.at("officer"), 1.0);
  EXPECT_EQ(s.params.place.issues.size(), 7u);
  for (const RoleSpec& r : s.params.population.roles) {
    if (r.name == "director") EXPECT_EQ(r.count, 3);
  }
  EXPECT_EQ(s.position_of("trust.decay").line, 3);
  EXPECT_EQ(s.position_of("place.issues.housing.wickedness").line, 8);
}

TEST(ScenarioReader, NewRowsKeepTheFileOrder) {
  const Scenario s = load_scenario_text(R"(
[place.issues.zebra]
weights = { officer = 1 }
[place.issues.apple]
weights = { officer = 1 }
[place.issues.mango]
weights = { officer = 1 }
)", "t.toml");
  const auto n = s.params.place.issues.size();
  EXPECT_EQ(s.params.place.issues[n - 3].name, "zebra");
  EXPECT_EQ(s.params.place.issues[n - 2].name, "apple");
  EXPECT_EQ(s.params.place.issues[n - 1].name, "mango");
}

TEST(ScenarioReader, TheResolvedScenarioReadsBackToTheSameParameters) {
  Scenario s = load_scenario_text(R"(
[place.issues.housing]
weights = { officer = 1, health = 0.5 }
[place.issues.local_economy]
enabled = false
[population.roles.ward_councillor]
count = 12
[place.forums.extra]
roles = ["leader", "chief_executive"]
cadence_months = 6
[simulation]
name = "round trip"
)", "t.toml");
  const std::string once = resolved_toml(s.params);
  const Scenario again = load_scenario_text(once, "resolved.toml");
  EXPECT_EQ(resolved_toml(again.params), once);
}

TEST(ScenarioReader, SyntaxErrorsGiveLineAndColumn) {
  const auto e = error_of("[trust]\ndecay = 0.1\nfloor = \n");
  EXPECT_EQ(e.where().source, "test.toml");
  EXPECT_EQ(e.where().line, 3);
  EXPECT_TRUE(contains(e.what(), "test.toml:3:")) << e.what();
  EXPECT_TRUE(contains(e.what(), "TOML syntax error")) << e.what();
}

TEST(ScenarioReader, UnknownKeysAreRejectedWithTheNearestValidKey) {
  const auto e = error_of("[trust]\ndecya = 0.1\n");
  EXPECT_EQ(e.key(), "trust.decya");
  EXPECT_EQ(e.where().line, 2);
  EXPECT_TRUE(contains(e.what(), "did you mean 'trust.decay'")) << e.what();

  const auto section = error_of("[trusst]\ndecay = 0.1\n");
  EXPECT_TRUE(contains(section.what(), "did you mean 'trust'")) << section.what();

  const auto field = error_of("[place.issues.community_safety]\nwikedness = 0.3\n");
  EXPECT_TRUE(contains(field.what(), "place.issues.community_safety.wikedness")) << field.what();
  EXPECT_TRUE(contains(field.what(), "did you mean 'wickedness'")) << field.what();

  const auto sector = error_of("[sectors.polce]\nhierarchy = 0.3\n");
  EXPECT_TRUE(contains(sector.what(), "did you mean 'police'")) << sector.what();
}

TEST(ScenarioReader, WrongTypesSayWhatWasExpected) {
  EXPECT_TRUE(contains(error_of("[trust]\ndecay = \"fast\"\n").what(), "expected a number, found a string"));
  EXPECT_TRUE(contains(error_of("[simulation]\nmonths = 12.5\n").what(), "expected an integer, found a real number"));
  EXPECT_TRUE(contains(error_of("[place.issues.x]\nenabled = 1\n").what(), "expected true or false"));
  EXPECT_TRUE(contains(error_of("[place.forums.top_team]\nroles = \"leader\"\n").what(), "expected an array of names"));
  EXPECT_TRUE(contains(error_of("[trust]\ndecay = [0.1]\n").what(), "found an array"));
}

TEST(ScenarioReader, OutOfRangeValuesSayTheRange) {
  const auto e = error_of("[trust]\ndecay = 1.5\n");
  EXPECT_TRUE(contains(e.what(), "test.toml:2:")) << e.what();
  EXPECT_TRUE(contains(e.what(), "trust.decay")) << e.what();
  EXPECT_TRUE(contains(e.what(), "out of range: expected from 0 to 1")) << e.what();
  EXPECT_TRUE(contains(error_of("[simulation]\nmonths = 0\n").what(), "from 1 to 12000"));
}

TEST(ScenarioReader, ChoicesAndSectorWeightsAreChecked) {
  EXPECT_TRUE(contains(error_of("[population.roles.leader]\nsector = \"polic\"\n").what(), "did you mean 'police'"));
  const auto w = error_of("[place.issues.community_safety]\nweights = { polise = 0.5 }\n");
  EXPECT_TRUE(contains(w.what(), "weights.polise")) << w.what();
  EXPECT_TRUE(contains(w.what(), "did you mean 'police'")) << w.what();
  EXPECT_TRUE(contains(error_of("[place.issues.community_safety]\nweights = { police = -1 }\n").what(), "out of range"));
}

TEST(ScenarioReader, CrossKeyProblemsPointAtTheKeyThatSetThem) {
  const auto e = error_of("[simulation]\nmonths = 12\n\n[place.forums.top_team]\nroles = [\"leader\", \"chief_exec\"]\n");
  EXPECT_EQ(e.key(), "place.forums.top_team.roles");
  EXPECT_EQ(e.where().line, 5);
  EXPECT_TRUE(contains(e.what(), "no role named 'chief_exec'")) << e.what();
}

TEST(ScenarioReader, SizesThatCannotFitInMemoryAreRefusedBeforeAllocating) {
  const auto e = error_of("[population.roles.ward_councillor]\ncount = 1000000\n[trust]\nmax_ties_within = 4096\nmax_ties_cross = 4096\n");
  EXPECT_TRUE(contains(e.what(), "GiB")) << e.what();
  EXPECT_TRUE(contains(e.what(), "population.roles")) << e.what();
}

TEST(ScenarioOverrides, SetAnyKeyWithTheSameChecks) {
  Scenario s = default_scenario();
  apply_override(s, "trust.decay=0.04");
  apply_override(s, "place.issues.community_safety.weights={police=1}");
  apply_override(s, "simulation.name=trial run");
  EXPECT_EQ(s.params.trust.decay, 0.04);
  EXPECT_EQ(s.params.simulation.name, "trial run");
  EXPECT_EQ(s.params.place.issues.front().weights.at("police"), 1.0);
  EXPECT_EQ(s.params.place.issues.front().weights.count("member"), 0u);
  try {
    apply_override(s, "trust.decay=2");
    FAIL();
  } catch (const ScenarioError& e) {
    EXPECT_TRUE(contains(e.what(), "--set trust.decay=2")) << e.what();
    EXPECT_TRUE(contains(e.what(), "out of range")) << e.what();
  }
  EXPECT_THROW(apply_override(s, "trust.decay"), ScenarioError);
  EXPECT_THROW(apply_override(s, "trust.decay=fast"), ScenarioError);
  EXPECT_THROW(apply_override(s, "trust.dekay=0.1"), ScenarioError);
}

TEST(Suggestion, EditDistanceIsLevenshtein) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("decay", "decay"), 0u);
  EXPECT_EQ(nearest("trsut.decay", {"trust.decay", "trust.floor"}), "trust.decay");
  EXPECT_FALSE(nearest("xyz", {"trust.decay"}).has_value());
}

}  // namespace
}  // namespace placesim
