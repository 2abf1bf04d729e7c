// Step 2 of the month, piece by piece on places worked out by hand: unused ties regress to the
// floor at the decay rate and lapse; a forum meets on its cadence and makes ties between its
// attendees; knowledge flows down the gradient only from those free to share it; the pulls
// gathered in a month are applied at its end.
#include "model/meetings.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "model/population.hpp"
#include "scenario/presets.hpp"
#include "support/model_fixtures.hpp"

namespace placesim {
namespace {

using testing::Bare;

// Post 0: a leader (member), post 1: a chief executive (officer); both at place level.
Params two_posts() {
  return testing::small_place(default_params(), {{"leader", "member", 1.0, Level::Place},
                                                 {"chief_executive", "officer", 1.0, Level::Place}});
}

// The two posts meet in a forum of their own, every `cadence` months, and always attend.
Params two_posts_meeting(int cadence) {
  Params p = two_posts();
  p.place.forums = {{"pair", cadence, Level::Place, {"leader", "chief_executive"}}};
  p.meetings.attendance_floor = 1.0;
  p.meetings.encounters_per_meeting = 1;
  p.meetings.informal_contact_rate = 0;
  return p;
}

TEST(DecayUnusedTies, UnusedTrustMovesTowardsTheFloorAtTheDecayRate) {
  Bare w(two_posts());
  w.st.trust.link(0, 1, 0.9, 0.1, 0);
  w.st.month = 1;
  decay_unused_ties(w.st);
  const double d = w.p.trust.decay, floor = w.p.trust.floor;
  EXPECT_NEAR(w.st.trust.trust_in(0, 1), 0.9 + d * (floor - 0.9), 1e-6);
  EXPECT_NEAR(w.st.trust.trust_in(1, 0), 0.1 + d * (floor - 0.1), 1e-6);
  // After m months unused: floor + (start - floor)(1 - d)^m, a closed form.
  for (int month = 2; month <= 10; ++month) {
    w.st.month = month;
    decay_unused_ties(w.st);
  }
  EXPECT_NEAR(w.st.trust.trust_in(0, 1), floor + (0.9 - floor) * std::pow(1 - d, 10), 1e-5);
}

TEST(DecayUnusedTies, ATieUsedThisMonthKeepsItsTrust) {
  Bare w(two_posts());
  w.st.trust.link(0, 1, 0.9, 0.9, 3);  // last contact: month 3
  w.st.month = 3;
  decay_unused_ties(w.st);
  EXPECT_FLOAT_EQ(static_cast<float>(w.st.trust.trust_in(0, 1)), 0.9f);
}

TEST(FirstMeetings, StrangersMeetAsTheirOrganisationIsRegarded) {
  Bare w(testing::small_place(default_params(), {{"leader", "member", 1.0, Level::Place},
                                                 {"commander", "police", 1.0, Level::Place},
                                                 {"director", "member", 0.5, Level::Place}}));
  w.st.agents.regard_of(0)[2] = 0.8;  // the leader's regard for the police (sector 2)
  w.st.agents.regard_of(0)[0] = 0.6;  // and for its own sector
  const double g = w.p.trust.generalisation;
  ASSERT_GT(g, 0.0);
  EXPECT_NEAR(first_meeting_trust(w.st, 0, 1), (1 - g) * w.p.trust.new_tie_cross + g * 0.8, 1e-12);
  EXPECT_NEAR(first_meeting_trust(w.st, 0, 2), (1 - g) * w.p.trust.new_tie_within + g * 0.6, 1e-12);
}

TEST(Meetings, RegardFollowsTheTieAsItStandsAfterEachEncounter) {
  // With regard_learning = 1 regard is the last updated tie to that sector, exactly; with the
  // default it moves that share of the way from where it was.
  Params p = two_posts_meeting(1);
  p.trust.regard_learning = 1.0;
  testing::Bare w(p);
  initialise(w.st);
  w.st.agents.commitment = {1.0, 1.0};
  w.st.month = 1;
  run_meetings(w.st);
  // Each of the two met the other (one conversation each, certainly engaged), and nobody else.
  ASSERT_GE(w.st.trust.find(0, 1), 0);
  const std::size_t officer = index(w.st.sector(1)), member = index(w.st.sector(0));
  EXPECT_NEAR(w.st.agents.regard_of(0)[officer], w.st.trust.trust_in(0, 1), 1e-7);
  EXPECT_NEAR(w.st.agents.regard_of(1)[member], w.st.trust.trust_in(1, 0), 1e-7);
  EXPECT_EQ(w.st.agents.regard_of(0)[member], w.p.trust.initial_within);  // met no colleague
}

TEST(DecayUnusedTies, ARelationshipUnusedLongerThanTheLapseEnds) {
  Bare w(two_posts());
  w.st.trust.link(0, 1, 0.9, 0.9, 0);
  w.st.month = w.p.trust.lapse_months;  // unused for exactly the lapse: kept
  decay_unused_ties(w.st);
  EXPECT_GE(w.st.trust.find(0, 1), 0);
  w.st.month = w.p.trust.lapse_months + 1;
  decay_unused_ties(w.st);
  EXPECT_LT(w.st.trust.find(0, 1), 0);
  EXPECT_LT(w.st.trust.find(1, 0), 0);
}

TEST(Meetings, AForumMeetsOnItsCadenceAndItsAttendeesComeToKnowEachOther) {
  testing::Bare w(two_posts_meeting(3));
  initialise(w.st);
  w.st.trust.remove_agent(0);  // strangers before the first meeting
  w.st.agents.commitment = {1.0, 1.0};  // who certainly engage when they meet
  for (int month = 1; month <= 2; ++month) {
    w.st.month = month;
    run_meetings(w.st);
    EXPECT_LT(w.st.trust.find(0, 1), 0) << "met in month " << month;
  }
  w.st.month = 3;
  run_meetings(w.st);
  const int k = w.st.trust.find(0, 1);
  ASSERT_GE(k, 0);
  EXPECT_EQ(w.st.trust.last_contact(0, Layer::Cross, k), 3);
  EXPECT_GE(w.st.trust.find(1, 0), 0);  // ties are held both ways
  EXPECT_TRUE(w.st.trust.symmetric());
}

TEST(Meetings, KnowledgeFlowsDownTheGradientOnlyFromThoseFreeToShare) {
  for (const bool confidential : {false, true}) {
    testing::Bare w(two_posts_meeting(1));
    initialise(w.st);
    w.st.agents.knowledge = {0.9, 0.1};
    w.st.agents.commitment = {1.0, 1.0};
    w.st.agents.confidential_until[0] = confidential ? 10 : -1;
    w.st.month = 1;
    run_meetings(w.st);
    EXPECT_DOUBLE_EQ(w.st.agents.knowledge[0], 0.9);  // nothing flows up the gradient
    if (confidential) {
      EXPECT_DOUBLE_EQ(w.st.agents.knowledge[1], 0.1);
    } else {
      EXPECT_GT(w.st.agents.knowledge[1], 0.1);
      EXPECT_LE(w.st.agents.knowledge[1], 0.9);
    }
  }
}

TEST(ApplyPulls, MovesPrioritiesHalfWayToThePullThenTowardsTheMandate) {
  Bare w(two_posts());
  const int k = w.st.issues;
  for (int n = 0; n < 2; ++n) {
    std::fill(w.st.agents.priorities_of(n), w.st.agents.priorities_of(n) + k, 0.0);
    std::fill(w.st.agents.mandate_of(n), w.st.agents.mandate_of(n) + k, 0.0);
    w.st.agents.priorities_of(n)[0] = 1;
    w.st.agents.mandate_of(n)[0] = 1;
  }
  // Post 0 pulled with weight 0.5 towards issue 1's corner: pull = 0.5 (q - p).
  w.st.scratch.pull[0] = -0.5;
  w.st.scratch.pull[1] = 0.5;
  w.st.scratch.pull_weight[0] = 0.5;
  w.st.agents.stubbornness[0] = 0.2;
  apply_pulls(w.st);
  // Friedkin-Johnsen: p' = lambda m + (1 - lambda)(p + pull) = 0.2 (1, 0) + 0.8 (0.5, 0.5).
  EXPECT_NEAR(w.st.agents.priorities_of(0)[0], 0.6, 1e-12);
  EXPECT_NEAR(w.st.agents.priorities_of(0)[1], 0.4, 1e-12);
  EXPECT_EQ(w.st.agents.priorities_of(1)[0], 1.0);  // no pull: unmoved
}

}  // namespace
}  // namespace placesim
