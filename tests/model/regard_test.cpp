// Regard (sim/model/regard.cpp) against sums worked out by hand: each sector's mean regard, an
// agent's mean regard for the other sectors with posts, the climate as the mean of those, and a
// newcomer's regard as a mix of a stranger's and its colleagues'.
#include "model/regard.hpp"

#include <gtest/gtest.h>

#include "scenario/presets.hpp"
#include "scenario/scenario.hpp"
#include "scenario/strategies.hpp"
#include "support/model_fixtures.hpp"

namespace placesim {
namespace {

// Two members, an officer and a police commander; health and the voluntary sector have no posts.
testing::Bare four_posts() {
  return testing::Bare(testing::small_place(default_params(), {{"leader", "member", 1.0, Level::Place},
                                                               {"cabinet", "member", 0.5, Level::Place},
                                                               {"chief_executive", "officer", 1.0, Level::Place},
                                                               {"commander", "police", 1.0, Level::Place}}));
}

std::size_t sector(const testing::Bare& w, const char* name) { return index(testing::sector_named(w.p, name)); }

TEST(Regard, AnAgentsCrossSectorRegardIsItsMeanOverTheOtherSectorsWithPosts) {
  testing::Bare w = four_posts();
  double* r = w.st.agents.regard_of(0);  // the leader, a member
  r[sector(w, "member")] = 0.9;          // its own sector: left out
  r[sector(w, "officer")] = 0.2;
  r[sector(w, "police")] = 0.6;
  r[sector(w, "health")] = 0.7;  // no posts: left out
  refresh_cross_regard(w.st, 0);
  EXPECT_NEAR(cross_sector_regard(w.st, 0), (0.2 + 0.6) / 2, 1e-12);
}

TEST(Regard, TheClimateIsTheMeanOfEveryAgentsCrossSectorRegard) {
  testing::Bare w = four_posts();
  const double values[4][3] = {{0.3, 0.5, 0.7}, {0.1, 0.2, 0.3}, {0.4, 0.4, 0.8}, {0.6, 0.2, 0.0}};
  for (int n = 0; n < 4; ++n) {
    double* r = w.st.agents.regard_of(n);
    r[sector(w, "member")] = values[n][0];
    r[sector(w, "officer")] = values[n][1];
    r[sector(w, "police")] = values[n][2];
    refresh_cross_regard(w.st, n);
  }
  // By hand: members regard officers and police; the officer members and police; police the rest.
  const double leader = (0.5 + 0.7) / 2, cabinet = (0.2 + 0.3) / 2, officer = (0.4 + 0.8) / 2, police = (0.6 + 0.2) / 2;
  EXPECT_NEAR(partnership_climate(w.st), (leader + cabinet + officer + police) / 4, 1e-12);
}

TEST(Regard, EachLessonMovesTheCrossSectorMeanByItsSectorsShare) {
  testing::Bare w = four_posts();
  double* r = w.st.agents.regard_of(0);
  r[sector(w, "officer")] = 0.2;
  r[sector(w, "police")] = 0.6;
  refresh_cross_regard(w.st, 0);
  // Two other sectors with posts: a lesson about the police moves the mean by half its change.
  learn_regard(r[sector(w, "police")], w.st.agents.cross_regard[0], 1.0, 0.25, w.place.other_sector_weight);
  EXPECT_NEAR(r[sector(w, "police")], 0.7, 1e-12);
  EXPECT_NEAR(cross_sector_regard(w.st, 0), (0.2 + 0.7) / 2, 1e-12);
}

TEST(Regard, TheKeptMeanMatchesTheRegardRowsAfterYearsOfEncountersSessionsAndTurnover) {
  // Conservation: every change of regard went through learn_regard or a refresh, so the mean
  // kept for each agent equals the mean recomputed from its row.
  Scenario scenario = default_scenario();
  auto params = configure_strategy(scenario.params, "co_design");
  Model model(params, {5, 0});
  for (int t = 0; t < 60; ++t) model.step();
  const ModelState& st = model.state();
  for (int n = 0; n < st.agents.count; ++n) {
    double sum = 0;
    int others = 0;
    for (int s = 0; s < st.place.sectors; ++s) {
      if (st.place.sector_size[static_cast<std::size_t>(s)] == 0 || s == static_cast<int>(index(st.sector(n)))) continue;
      sum += st.agents.regard_of(n)[s];
      ++others;
    }
    EXPECT_NEAR(cross_sector_regard(st, n), sum / others, 1e-9) << "agent " << n;
  }
}

TEST(Regard, EachSectorsMeanRegardIsTakenOverItsPosts) {
  testing::Bare w = four_posts();
  w.st.agents.regard_of(0)[sector(w, "police")] = 0.2;
  w.st.agents.regard_of(1)[sector(w, "police")] = 0.6;
  w.st.agents.regard_of(2)[sector(w, "police")] = 0.5;
  const auto police = sector(w, "police");
  EXPECT_NEAR(sector_regard(w.st, testing::sector_named(w.p, "member"))[police], 0.4, 1e-12);
  EXPECT_NEAR(sector_regard(w.st, testing::sector_named(w.p, "officer"))[police], 0.5, 1e-12);
  EXPECT_EQ(sector_regard(w.st, testing::sector_named(w.p, "health"))[police], 0.0);  // no posts, no mean
  // Taken once a month: a change later in the month is seen next month.
  w.st.agents.regard_of(0)[police] = 1.0;
  EXPECT_NEAR(sector_regard(w.st, testing::sector_named(w.p, "member"))[police], 0.4, 1e-12);
  w.st.month = 1;
  EXPECT_NEAR(sector_regard(w.st, testing::sector_named(w.p, "member"))[police], 0.8, 1e-12);
}

TEST(Regard, ANewcomerTakesInstitutionalMemoryOfItsColleaguesRegardAndTheRestFromAStranger) {
  testing::Bare w = four_posts();
  w.st.agents.regard_of(0)[sector(w, "police")] = 0.8;
  w.st.agents.regard_of(0)[sector(w, "member")] = 0.9;
  w.st.agents.regard_of(1)[sector(w, "police")] = 0.4;
  w.st.agents.regard_of(1)[sector(w, "member")] = 0.7;
  set_newcomer_regard(w.st, 1);  // a new cabinet member
  const double m = w.p.trust.institutional_memory;
  const double* r = w.st.agents.regard_of(1);
  EXPECT_NEAR(r[sector(w, "police")], (1 - m) * w.p.trust.new_tie_cross + m * 0.6, 1e-12);
  EXPECT_NEAR(r[sector(w, "member")], (1 - m) * w.p.trust.new_tie_within + m * 0.8, 1e-12);
}

TEST(Regard, WithoutInstitutionalMemoryANewcomerIsAStrangerToEverySector) {
  Params p = testing::small_place(default_params(), {{"leader", "member", 1.0, Level::Place},
                                                     {"commander", "police", 1.0, Level::Place}});
  p.trust.institutional_memory = 0;
  testing::Bare w(p);
  w.st.agents.regard_of(0)[index(testing::sector_named(p, "police"))] = 0.95;
  set_newcomer_regard(w.st, 0);
  EXPECT_EQ(w.st.agents.regard_of(0)[index(testing::sector_named(p, "police"))], p.trust.new_tie_cross);
  EXPECT_EQ(w.st.agents.regard_of(0)[index(testing::sector_named(p, "member"))], p.trust.new_tie_within);
}

}  // namespace
}  // namespace placesim
