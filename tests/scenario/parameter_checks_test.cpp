// The checks across keys, each with the key it names and the nearest valid name: rows that
// name sectors, roles, forums, issues, strategies and interventions; sectors as rows; colours.
#include "scenario/parameter_checks.hpp"

#include <gtest/gtest.h>

#include "scenario/scenario.hpp"

namespace placesim {
namespace {

struct Case {
  const char* name;
  const char* text;
  const char* key;       // the key the error names
  const char* fragment;  // and a part of its message
};

class ParameterChecks : public ::testing::TestWithParam<Case> {};

TEST_P(ParameterChecks, NameTheKeyAtFault) {
  const Case& c = GetParam();
  const Scenario s = load_scenario_text(c.text, "t.toml");
  try {
    check_parameters(s.params);
    FAIL() << "no error for:\n" << c.text;
  } catch (const ParameterError& e) {
    EXPECT_EQ(e.key(), c.key) << e.what();
    EXPECT_NE(std::string(e.message()).find(c.fragment), std::string::npos) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ParameterChecks,
    ::testing::Values(
        Case{"RoleInAnUnknownSector", "[population.roles.chief_fire_officer]\nsector = \"fyre\"\ncount = 1\n",
             "population.roles.chief_fire_officer.sector", "no sector named 'fyre'"},
        Case{"MisspeltSectorRow", "[sectors.polise]\nhierarchy = 0.2\n", "sectors.polise", "did you mean 'police'"},
        Case{"WeightOfAnUnknownSector", "[place.issues.community_safety]\nweights = { polise = 1 }\n",
             "place.issues.community_safety.weights.polise", "did you mean 'police'"},
        Case{"TooManySectors",
             "[sectors.a]\n[sectors.b]\n[sectors.c]\n[sectors.d]\n[population.roles.ra]\nsector = \"a\"\n"
             "[population.roles.rb]\nsector = \"b\"\n[population.roles.rc]\nsector = \"c\"\n"
             "[population.roles.rd]\nsector = \"d\"\n",
             "sectors", "from 1 to 8 sectors"},
        Case{"ForumOfAnUnknownRole", "[place.forums.top_team]\nroles = [\"leader\", \"chief_exec\"]\n",
             "place.forums.top_team.roles", "did you mean 'chief_executive'"},
        Case{"NoPosts",
             "[population.roles.leader]\ncount = 0\n[population.roles.cabinet]\ncount = 0\n"
             "[population.roles.ward_councillor]\ncount = 0\n[population.roles.chief_executive]\ncount = 0\n"
             "[population.roles.director]\ncount = 0\n[population.roles.neighbourhood_manager]\ncount = 0\n"
             "[population.roles.borough_commander]\ncount = 0\n[population.roles.superintendent]\ncount = 0\n"
             "[population.roles.neighbourhood_inspector]\ncount = 0\n[population.roles.health_chief_executive]\ncount = 0\n"
             "[population.roles.director_of_public_health]\ncount = 0\n[population.roles.health_board_member]\ncount = 0\n"
             "[population.roles.commissioner]\ncount = 0\n",
             "population.roles", "at least one post"},
        Case{"BadColour", "[strategies.mine]\ninterventions = []\ncolour = \"blue\"\n", "strategies.mine.colour",
             "#RRGGBB"},
        Case{"ReservedStrategyName", "[strategies.all_presets]\ninterventions = []\n", "strategies.all_presets",
             "stands for every preset"},
        Case{"UnknownStrategy", "[simulation]\nstrategies = [\"baseline\", \"co_desing\"]\n", "simulation.strategies",
             "did you mean 'co_design'"},
        Case{"InterventionSectorUnknown", "[interventions.mentoring]\nsectors = [\"memebr\"]\n",
             "interventions.mentoring.sectors", "did you mean 'member'"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(ParameterChecksValid, ANewSectorWithARoleInItIsAccepted) {
  const Scenario s = load_scenario_text(
      "[sectors.fire]\nhierarchy = 0.8\n[population.roles.fire_commander]\nsector = \"fire\"\ncount = 1\n"
      "[place.issues.community_safety]\nweights = { police = 0.5, fire = 0.2, officer = 0.3 }\n",
      "t.toml");
  EXPECT_NO_THROW(check_parameters(s.params));
}

}  // namespace
}  // namespace placesim
