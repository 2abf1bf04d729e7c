// Step 5 of the month, against its closed forms: fatigue decays geometrically, attention moves
// a share of the way to the level fatigue leaves, knowledge ages towards the sector's level,
// focus fades, and tenure counts months.
#include "model/recovery.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "scenario/presets.hpp"
#include "support/model_fixtures.hpp"

namespace placesim {
namespace {

TEST(Recovery, EachStateMovesByItsRate) {
  testing::Bare w(testing::small_place(default_params(), {{"leader", "member", 1.0, Level::Place}}));
  auto& a = w.st.agents;
  a.fatigue = {0.8};
  a.attention = {0.1};
  a.knowledge = {0.9};
  a.focus_strength = {0.5};
  a.tenure = {7};
  const RecoveryParams& r = w.p.recovery;
  const SectorSpec& member = w.p.sectors[0];
  run_recovery(w.st);
  const double fatigue = 0.8 * (1 - r.fatigue_decay);
  EXPECT_DOUBLE_EQ(a.fatigue[0], fatigue);
  const double level = member.attention * (1 - r.fatigue_attention_cost * fatigue);
  EXPECT_DOUBLE_EQ(a.attention[0], 0.1 + r.attention_recovery * (level - 0.1));
  EXPECT_DOUBLE_EQ(a.knowledge[0], 0.9 + w.p.learning.knowledge_obsolescence * (member.knowledge - 0.9));
  EXPECT_DOUBLE_EQ(a.focus_strength[0], 0.5 * (1 - r.focus_decay));
  EXPECT_EQ(a.tenure[0], 8);
}

TEST(Recovery, FatigueHalvesInItsHalfLife) {
  testing::Bare w(testing::small_place(default_params(), {{"leader", "member", 1.0, Level::Place}}));
  w.st.agents.fatigue = {1.0};
  const double half_life = std::log(0.5) / std::log(1 - w.p.recovery.fatigue_decay);
  const int months = static_cast<int>(std::ceil(half_life));
  for (int m = 0; m < months; ++m) run_recovery(w.st);
  EXPECT_LE(w.st.agents.fatigue[0], 0.5);
  EXPECT_GT(w.st.agents.fatigue[0], 0.5 * (1 - w.p.recovery.fatigue_decay));
}

}  // namespace
}  // namespace placesim
