#include "model/trust_graph.hpp"

#include <gtest/gtest.h>

#include "model/random_stream.hpp"

namespace placesim {
namespace {

// Agents 0-2 in group 0, 3-5 in group 1.
TrustGraph small_graph(int within = 3, int cross = 2) {
  return TrustGraph({0, 0, 0, 1, 1, 1}, within, cross);
}

void add_pair(TrustGraph& g, int a, int b, double trust, int month) { g.link(a, b, trust, trust, month); }

TEST(TrustGraph, KeepsTiesWithinAndAcrossGroupsInTheirOwnLayers) {
  TrustGraph g = small_graph();
  add_pair(g, 0, 1, 0.6, 1);
  add_pair(g, 0, 3, 0.4, 1);
  EXPECT_EQ(g.degree(0, Layer::Within), 1);
  EXPECT_EQ(g.degree(0, Layer::Cross), 1);
  EXPECT_FLOAT_EQ(g.trust_in(0, 1), 0.6f);
  EXPECT_FLOAT_EQ(g.trust_in(0, 3), 0.4f);
  EXPECT_EQ(g.trust_in(0, 2, -1.0), -1.0);
}

TEST(TrustGraph, AFullRowReplacesTheLeastRecentlyUsedRelationshipOnBothSides) {
  TrustGraph g = small_graph(3, 2);
  add_pair(g, 0, 3, 0.5, 5);
  add_pair(g, 0, 4, 0.5, 2);  // least recently used
  add_pair(g, 0, 5, 0.5, 7);  // row of 0 is full: the tie to 4 lapses
  EXPECT_EQ(g.degree(0, Layer::Cross), 2);
  EXPECT_LT(g.find(0, 4), 0);
  EXPECT_LT(g.find(4, 0), 0);
  EXPECT_GE(g.find(0, 3), 0);
  EXPECT_GE(g.find(0, 5), 0);
  EXPECT_TRUE(g.symmetric());
}

TEST(TrustGraph, ADepartureRemovesEveryTieToAndFromTheLeaver) {
  TrustGraph g = small_graph();
  add_pair(g, 0, 1, 0.5, 1);
  add_pair(g, 2, 1, 0.5, 1);
  add_pair(g, 4, 1, 0.5, 1);
  g.remove_agent(1);
  EXPECT_EQ(g.degree(1), 0);
  for (int n : {0, 2, 4}) EXPECT_LT(g.find(n, 1), 0);
  EXPECT_TRUE(g.symmetric());
}

TEST(TrustGraph, TiesUnusedSinceAMonthLapse) {
  TrustGraph g = small_graph();
  add_pair(g, 0, 1, 0.5, 1);
  add_pair(g, 0, 2, 0.5, 9);
  add_pair(g, 0, 3, 0.5, 3);
  EXPECT_EQ(g.lapse(0, 5), 2);
  EXPECT_EQ(g.degree(0), 1);
  EXPECT_GE(g.find(0, 2), 0);
  EXPECT_TRUE(g.symmetric());
}

TEST(TrustGraph, StaysSymmetricUnderRandomAdditionsAndRemovals) {
  TrustGraph g({0, 0, 0, 0, 1, 1, 1, 2, 2, 2}, 3, 3);
  RandomStream rng(5, 0, Purpose::Test, 0, 0);
  for (int step = 0; step < 5000; ++step) {
    const int a = static_cast<int>(rng.below(10));
    const int b = static_cast<int>(rng.below(10));
    if (rng.uniform() < 0.05) {
      g.remove_agent(a);
    } else if (a != b) {
      add_pair(g, a, b, rng.uniform(), step);
    }
    ASSERT_TRUE(g.symmetric()) << "after step " << step;
    for (int n = 0; n < 10; ++n) {
      ASSERT_LE(g.degree(n, Layer::Within), 3);
      ASSERT_LE(g.degree(n, Layer::Cross), 3);
    }
  }
}

}  // namespace
}  // namespace placesim
