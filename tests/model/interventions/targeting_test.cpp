// Targeting rules select exactly whom they should, on a small hand-built place.
#include "model/interventions/targeting.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "model/model.hpp"
#include "model/population.hpp"
#include "support/model_fixtures.hpp"
#include "scenario/presets.hpp"
#include "scenario/scenario.hpp"
#include "scenario/strategies.hpp"

namespace placesim {
namespace {

// Posts, in index order:
//  0 leader (member, 1.0)   1-2 cabinet (member, 0.7)   3-6 ward councillors (member, 0.3, nbhd)
//  7 chief executive (officer, 1.0)   8 director (officer, 0.7)   9-10 neighbourhood managers (0.4, nbhd)
// 11 commander (police, 1.0)   12-13 inspectors (police, 0.4, nbhd)
// 14 health chief executive (health, 1.0)   15 commissioner (health, 0.4, nbhd: covers both)
Params small_place() {
  Params p = default_params();
  p.place.neighbourhoods = 2;
  p.population.roles = {
      {"leader", "member", 1, 1.0, Level::Place, 0},
      {"cabinet", "member", 2, 0.7, Level::Place, 0},
      {"ward_councillor", "member", 4, 0.3, Level::Neighbourhood, 0},
      {"chief_executive", "officer", 1, 1.0, Level::Place, 0},
      {"director", "officer", 1, 0.7, Level::Place, 0},
      {"neighbourhood_manager", "officer", 2, 0.4, Level::Neighbourhood, 0},
      {"borough_commander", "police", 1, 1.0, Level::Place, 0},
      {"neighbourhood_inspector", "police", 2, 0.4, Level::Neighbourhood, 0},
      {"health_chief_executive", "health", 1, 1.0, Level::Place, 0},
      {"commissioner", "health", 1, 0.4, Level::Neighbourhood, 0},
  };
  p.place.forums = {{"top_team", 1, Level::Place, {"leader", "cabinet", "chief_executive", "director"}},
              {"panel", 1, Level::Neighbourhood,
               {"ward_councillor", "neighbourhood_manager", "neighbourhood_inspector", "commissioner"}}};
  return p;
}

struct World {
  World() : p(small_place()), place(build_place(p)), st(p, place, {1, 0}) { initialise(st); }
  std::vector<int> targets(const InterventionSpec& spec) const {
    std::vector<int> out;
    out.reserve(16);
    select_targets(spec, st, eligible_posts(spec, place), out);
    return out;
  }
  Params p;
  Place place;
  ModelState st;
};

InterventionSpec spec(Targeting targeting) {
  InterventionSpec s;
  s.name = "test";
  s.targeting = targeting;
  return s;
}

TEST(Targeting, RolesSelectsByRoleAndSector) {
  World w;
  auto s = spec(Targeting::Roles);
  s.roles = {"cabinet", "director"};
  EXPECT_EQ(w.targets(s), (std::vector<int>{1, 2, 8}));
  s.roles = {};
  s.sectors = {"police", "health"};
  EXPECT_EQ(w.targets(s), (std::vector<int>{11, 12, 13, 14, 15}));
  s.roles = {"commissioner"};
  EXPECT_EQ(w.targets(s), (std::vector<int>{15}));
}

TEST(Targeting, ForumSelectsItsMembersInEveryNeighbourhood) {
  World w;
  auto s = spec(Targeting::Forum);
  s.forum = "top_team";
  EXPECT_EQ(w.targets(s), (std::vector<int>{0, 1, 2, 7, 8}));
  s.forum = "panel";
  EXPECT_EQ(w.targets(s), (std::vector<int>{3, 4, 5, 6, 9, 10, 12, 13, 15}));
}

TEST(Targeting, TopTakesEachSectorsHeadOrTheHighestAuthorities) {
  World w;
  auto s = spec(Targeting::Top);
  EXPECT_EQ(w.targets(s), (std::vector<int>{0, 7, 11, 14}));
  s.sectors = {"member", "officer"};
  EXPECT_EQ(w.targets(s), (std::vector<int>{0, 7}));
  s.cap = 3;  // the three highest: leader, chief executive, then the first 0.7 (cabinet 1)
  EXPECT_EQ(w.targets(s), (std::vector<int>{0, 1, 7}));
}

TEST(Targeting, CohortTakesSeniorLeadersAcrossSectorsInTurn) {
  World w;
  auto s = spec(Targeting::Cohort);
  s.cap = 6;  // round one: each sector's head; round two: member 0.7, officer 0.7
  EXPECT_EQ(w.targets(s), (std::vector<int>{0, 1, 7, 8, 11, 14}));
  s.cap = 2;
  EXPECT_EQ(w.targets(s), (std::vector<int>{0, 7}));
}

TEST(Targeting, NeighbourhoodTakesThePostsServingTheChosenNeighbourhoods) {
  World w;
  auto s = spec(Targeting::Neighbourhood);
  s.neighbourhoods = {2};  // wards 4 and 6, manager 10, inspector 13, and the commissioner
  EXPECT_EQ(w.targets(s), (std::vector<int>{4, 6, 10, 13, 15}));
  s.neighbourhoods = {1, 2};
  EXPECT_EQ(w.targets(s), (std::vector<int>{3, 4, 5, 6, 9, 10, 12, 13, 15}));
}

// Clears every tie, then adds the pairs given (each direction with the trust given).
void set_ties(ModelState& st, const std::vector<std::tuple<int, int, double>>& ties) {
  for (int n = 0; n < st.agents.count; ++n) st.trust.remove_agent(n);
  for (const auto& [a, b, trust] : ties) st.trust.link(a, b, trust, trust, 0);
}

TEST(Targeting, ASnowballStartsAtTheTopAndFollowsTrust) {
  World w;
  auto s = spec(Targeting::Snowball);
  s.seeds = 2;
  s.sectors = {"member", "officer"};
  s.growth = 2;
  s.cap = 6;
  auto participants = w.targets(s);
  EXPECT_EQ(participants, (std::vector<int>{0, 7}));  // the leader and chief executive
  set_ties(w.st, {{0, 1, 0.9}, {0, 2, 0.3}, {7, 8, 0.6}, {7, 9, 0.8}, {8, 3, 0.95}, {1, 4, 0.2}, {0, 11, 0.99}});
  participants.reserve(16);
  std::vector<char> member(16, 0);
  for (int n : participants) member[static_cast<std::size_t>(n)] = 1;
  std::vector<double> best(16, -1.0);
  const auto eligible = eligible_posts(s, w.place);
  // Most trusted first: cabinet 1 (0.9), manager 9 (0.8); the commander is not eligible.
  grow_snowball(s, w.st, eligible, participants, member, best);
  EXPECT_EQ(participants, (std::vector<int>{0, 7, 1, 9}));
  // Then director 8 (0.6) and cabinet 2 (0.3) before ward 4 (0.2 through cabinet 1).
  grow_snowball(s, w.st, eligible, participants, member, best);
  EXPECT_EQ(participants, (std::vector<int>{0, 7, 1, 9, 8, 2}));
  // The cap is six: no more, whoever is trusted.
  grow_snowball(s, w.st, eligible, participants, member, best);
  EXPECT_EQ(participants.size(), 6u);
}

TEST(Targeting, ASnowballCanGoAcrossSectorsFirst) {
  World w;
  auto s = spec(Targeting::Snowball);
  s.seeds = 1;
  s.growth = 1;
  s.cross_sector_first = true;
  auto participants = w.targets(s);
  ASSERT_EQ(participants, (std::vector<int>{0}));
  set_ties(w.st, {{0, 1, 0.9}, {0, 11, 0.4}});
  participants.reserve(16);
  std::vector<char> member(16, 0);
  member[0] = 1;
  std::vector<double> best(16, -1.0);
  grow_snowball(s, w.st, eligible_posts(s, w.place), participants, member, best);
  EXPECT_EQ(participants, (std::vector<int>{0, 11}));  // the commander, though less trusted
}

TEST(Targeting, ASnowballNeverExceedsItsCapOverARun) {
  Params p = default_params();
  p.simulation.strategies = {"co_design"};
  for (int cap : {3, 10, 24}) {
    for (auto& i : p.interventions) {
      if (i.name == "co_design") i.cap = cap;
    }
    const auto configuration = configure_strategy(p, "co_design");
    for (std::uint32_t r = 0; r < 3; ++r) {
      Model model(configuration, {7, r});
      std::size_t largest = 0;
      while (!model.finished()) {
        model.step();
        largest = std::max(largest, model.interventions()->invited(0).size());
      }
      EXPECT_EQ(largest, static_cast<std::size_t>(cap)) << "cap " << cap;
    }
  }
}

TEST(Targeting, ThePresetsThatBringEverySectorTogetherInviteASectorAScenarioAdds) {
  // A fire and rescue service with posts, added by a scenario: co-design and the cross-sector
  // cohort are for every sector of the partnership, so its posts may be invited (they were left
  // out, without a word, while the presets listed the four default sectors).
  const Scenario scenario = load_scenario_text(
      "[sectors.fire]\ncouncil = \"none\"\n"
      "[population.roles.chief_fire_officer]\nsector = \"fire\"\ncount = 1\nauthority = 1.0\n"
      "[population.roles.station_manager]\nsector = \"fire\"\ncount = 4\nauthority = 0.5\n",
      "fire.toml");
  const Place place = build_place(scenario.params);
  std::vector<int> fire;
  for (int n = 0; n < place.agent_count(); ++n) {
    if (place.roles[static_cast<std::size_t>(place.role_of[static_cast<std::size_t>(n)])].sector == "fire") fire.push_back(n);
  }
  ASSERT_EQ(fire.size(), 5u);
  for (const char* preset : {"co_design", "cross_sector_programme"}) {
    const auto& rows = scenario.params.interventions;
    const auto spec = std::find_if(rows.begin(), rows.end(), [&](const auto& x) { return x.name == preset; });
    ASSERT_NE(spec, rows.end()) << preset;
    const std::vector<char> eligible = eligible_posts(*spec, place);
    for (int n : fire) EXPECT_TRUE(eligible[static_cast<std::size_t>(n)]) << preset << " leaves out fire post " << n;
  }
}

}  // namespace
}  // namespace placesim
