// Commitment (sim/model/commitment.cpp) against its closed form: the target is
// clip(base + trust (Rbar - tau0) + progress sum_i p_i g_i), and each month commitment closes
// `adjustment` of its gap to the target, so after t months the gap is (1 - adjustment)^t of
// what it was.
#include "model/commitment.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "model/regard.hpp"
#include "scenario/presets.hpp"
#include "support/model_fixtures.hpp"

namespace placesim {
namespace {

testing::Bare leader_and_commander() {
  return testing::Bare(testing::small_place(default_params(), {{"leader", "member", 1.0, Level::Place},
                                                               {"commander", "police", 1.0, Level::Place}}));
}

// The leader regards the police at `regard` and puts all its priority on issue 0, whose
// remembered progress is `progress`.
void set_up(testing::Bare& w, double regard, double progress) {
  w.st.agents.regard_of(0)[index(testing::sector_named(w.p, "police"))] = regard;
  refresh_cross_regard(w.st, 0);
  std::vector<double> point(static_cast<std::size_t>(w.st.issues), 0.0);
  point[0] = 1.0;
  testing::adopt(w.st, 0, point.data());
  w.st.place_state.progress.assign(static_cast<std::size_t>(w.st.issues), 0.0);
  w.st.place_state.progress[0] = progress;
}

TEST(Commitment, TheTargetRisesWithRegardAboveAStrangersAndWithProgressOnOnesPriorities) {
  testing::Bare w = leader_and_commander();
  const CommitmentParams& c = w.p.commitment;
  const double tau0 = w.p.trust.new_tie_cross;
  set_up(w, tau0, 0.0);
  EXPECT_NEAR(commitment_target(w.st, 0), c.base, 1e-12);  // a stranger's regard, no progress
  set_up(w, tau0 + 0.1, 0.0);
  EXPECT_NEAR(commitment_target(w.st, 0), c.base + c.trust * 0.1, 1e-12);
  set_up(w, tau0, -0.5);
  EXPECT_NEAR(commitment_target(w.st, 0), c.base - c.progress * 0.5, 1e-12);
}

TEST(Commitment, TheTargetStaysBetweenZeroAndOne) {
  testing::Bare w = leader_and_commander();
  set_up(w, 1.0, 1.0);
  EXPECT_EQ(commitment_target(w.st, 0), 1.0);
  set_up(w, 0.0, -1.0);
  w.p.commitment.base = 0.0;  // the state reads the parameters through a reference
  EXPECT_EQ(commitment_target(w.st, 0), 0.0);
}

TEST(Commitment, EachMonthClosesAShareOfTheGapToTheTarget) {
  testing::Bare w = leader_and_commander();
  set_up(w, w.p.trust.new_tie_cross + 0.1, 0.2);
  const double target = commitment_target(w.st, 0);
  w.st.agents.commitment = {0.1, 0.5};
  const double rate = w.p.commitment.adjustment;
  for (int t = 0; t < 12; ++t) update_commitment(w.st);
  EXPECT_NEAR(target - w.st.agents.commitment[0], (target - 0.1) * std::pow(1 - rate, 12), 1e-12);
}

}  // namespace
}  // namespace placesim
