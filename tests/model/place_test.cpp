#include "model/place.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "support/model_fixtures.hpp"

namespace placesim {
namespace {

using testing::set_row;

const ForumMeeting& forum_named(const Place& place, const Params& p, const std::string& name,
                                int neighbourhood = -1) {
  for (const ForumMeeting& f : place.forums) {
    if (p.forums[static_cast<std::size_t>(f.forum)].name == name && f.neighbourhood == neighbourhood) return f;
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
  EXPECT_EQ(place.sector_size[index(Sector::Member)], 39);
  EXPECT_EQ(place.sector_size[index(Sector::Police)], 9);
  EXPECT_EQ(place.issue_count(), 6);
  EXPECT_EQ(std::count(place.executive.begin(), place.executive.end(), 1), 9);
}

TEST(Place, SalienceAndStakeholderWeightsAreNormalised) {
  Params p = default_params();
  set_row(p, "place.issues", "local_economy", "weights", PerSector{2.0, 2.0, 0, 0, 0});
  const Place place = build_place(p);
  double salience = 0;
  for (const IssueSpec& issue : place.issues) {
    salience += issue.salience;
    double w = 0;
    for (double x : issue.weights) w += x;
    EXPECT_NEAR(w, 1.0, 1e-12) << issue.name;
  }
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

TEST(Place, AForumNamingAnUnknownRoleIsRejectedWithItsKey) {
  Params p = default_params();
  set_row(p, "place.forums", "top_team", "roles", std::vector<std::string>{"leader", "chief_exec"});
  try {
    build_place(p);
    FAIL() << "expected a PlaceError";
  } catch (const PlaceError& e) {
    EXPECT_NE(std::string(e.what()).find("place.forums.top_team.roles"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("chief_exec"), std::string::npos) << e.what();
  }
}

TEST(Place, AnIssueWithoutStakeholdersIsRejectedWithItsKey) {
  Params p = default_params();
  set_row(p, "place.issues", "local_economy", "weights", PerSector{});
  EXPECT_THROW(build_place(p), PlaceError);
}

TEST(Place, RolesWithNoPostsAreDropped) {
  Params p = default_params();
  for (const char* role : {"borough_commander", "superintendent", "neighbourhood_inspector"}) {
    set_row(p, "population.roles", role, "count", std::int64_t{0});
  }
  const Place place = build_place(p);
  EXPECT_EQ(place.sector_size[index(Sector::Police)], 0);
  EXPECT_EQ(place.agent_count(), 61);
}

}  // namespace
}  // namespace placesim
