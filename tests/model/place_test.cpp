#include "model/place.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include <algorithm>

#include "support/model_fixtures.hpp"
#include "scenario/presets.hpp"

namespace placesim {
namespace {

using testing::set_row;

const ForumMeeting& forum_named(const Place& place, const Params& p, const std::string& name,
                                int neighbourhood = -1) {
  for (const ForumMeeting& f : place.forums) {
    if (p.place.forums[static_cast<std::size_t>(f.forum)].name == name && f.neighbourhood == neighbourhood) return f;
  }
  throw std::out_of_range(name);
}

int count_role(const Place& place, const ForumMeeting& f, const std::string& role) {
  return static_cast<int>(std::count_if(f.members.begin(), f.members.end(), [&](int n) {
    return place.roles[static_cast<std::size_t>(place.role_of[static_cast<std::size_t>(n)])].name == role;
  }));
}

TEST(Place, TheDefaultPlaceHasMODELmdsPosts) {
  const Params p = default_params();
  const Place place = build_place(p);
  EXPECT_EQ(place.agent_count(), 39 + 13 + 9 + 9);
  EXPECT_EQ(place.sector_size[index(testing::sector_named(p, "member"))], 39);
  EXPECT_EQ(place.sector_size[index(testing::sector_named(p, "police"))], 9);
  EXPECT_EQ(place.issue_count(), 6);
  EXPECT_EQ(std::count(place.executive.begin(), place.executive.end(), 1), 9);
}

TEST(Place, SalienceAndStakeholderWeightsAreNormalised) {
  Params p = default_params();
  set_row(p, "place.issues", "local_economy", "weights", NamedReals{{"member", 2.0}, {"officer", 2.0}});
  const Place place = build_place(p);
  double salience = 0;
  for (std::size_t i = 0; i < place.issues.size(); ++i) {
    salience += place.issues[i].salience;
    double w = 0;
    for (double x : place.issue_weights[i]) w += x;
    EXPECT_NEAR(w, 1.0, 1e-12) << place.issues[i].name;
  }
  const int economy = testing::issue_index(place, "local_economy");
  EXPECT_EQ(place.issue_weights[economy][index(testing::sector_named(p, "member"))], 0.5);
  EXPECT_NEAR(salience, 1.0, 1e-12);
}

TEST(Place, EachNeighbourhoodPanelHasThePostsCoveringIt) {
  const Params p = default_params();
  const Place place = build_place(p);
  for (int w = 0; w < 6; ++w) {
    const ForumMeeting& panel = forum_named(place, p, "neighbourhood_panel", w);
    EXPECT_EQ(count_role(place, panel, "ward_councillor"), 5);  // 30 seats over 6
    EXPECT_EQ(count_role(place, panel, "neighbourhood_manager"), 1);
    EXPECT_EQ(count_role(place, panel, "neighbourhood_inspector"), 1);
    EXPECT_EQ(count_role(place, panel, "commissioner"), 1);  // 3 commissioners, 2 panels each
  }
}

TEST(Place, AForumNamingAnUnknownRoleIsRejected) {
  Params p = default_params();
  set_row(p, "place.forums", "top_team", "roles", std::vector<std::string>{"leader", "chief_exec"});
  try {
    build_place(p);
    FAIL() << "expected a PlaceError";
  } catch (const PlaceError& e) {
    EXPECT_NE(std::string(e.what()).find("top_team"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("chief_exec"), std::string::npos) << e.what();
  }
}

TEST(Place, AnIssueWithoutStakeholdersIsRejected) {
  Params p = default_params();
  set_row(p, "place.issues", "local_economy", "weights", NamedReals{});
  EXPECT_THROW(build_place(p), PlaceError);
}

TEST(Place, SectorsAreTheScenariosRows) {
  Params p = default_params();
  set_row(p, "sectors", "fire", "hierarchy", 0.8);
  set_row(p, "population.roles", "fire_officer", "sector", std::string("fire"));
  set_row(p, "population.roles", "fire_officer", "count", std::int64_t{3});
  const Place place = build_place(p);
  ASSERT_EQ(place.sectors, 6);
  EXPECT_EQ(place.sector_size[5], 3);
  EXPECT_EQ(place.council[0], CouncilRole::Member);
  EXPECT_EQ(place.council[1], CouncilRole::Officer);
  EXPECT_EQ(place.council[5], CouncilRole::None);
  // Its culture distance to the police: a closed form over the four culture values.
  const Culture& fire = p.sectors[5].culture;
  const Culture& police = p.sectors[2].culture;
  const double dh = fire.hierarchy - police.hierarchy, dg = fire.target_focus - police.target_focus;
  const double dd = fire.data_openness - police.data_openness, dl = fire.literacy - police.literacy;
  EXPECT_DOUBLE_EQ(place.culture_distance[5][2], std::sqrt(dh * dh + dg * dg + dd * dd + dl * dl) / 2);
}

TEST(Place, RolesWithNoPostsAreDropped) {
  Params p = default_params();
  for (const char* role : {"borough_commander", "superintendent", "neighbourhood_inspector"}) {
    set_row(p, "population.roles", role, "count", std::int64_t{0});
  }
  const Place place = build_place(p);
  EXPECT_EQ(place.sector_size[index(testing::sector_named(p, "police"))], 0);
  EXPECT_EQ(place.agent_count(), 61);
}

}  // namespace
}  // namespace placesim
