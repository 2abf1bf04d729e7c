#include "model/random_stream.hpp"

#include "model/bernoulli_skipper.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace placesim {
namespace {

std::vector<std::uint32_t> draws(RandomStream rng, int n) {
  std::vector<std::uint32_t> out;
  for (int i = 0; i < n; ++i) out.push_back(rng.next_u32());
  return out;
}

TEST(RandomStream, IsAPureFunctionOfItsIdentity) {
  EXPECT_EQ(draws(RandomStream(42, 3, Purpose::Turnover, 17, 5), 50),
            draws(RandomStream(42, 3, Purpose::Turnover, 17, 5), 50));
}

TEST(RandomStream, EveryPartOfTheIdentityGivesAnotherStream) {
  const auto base = draws(RandomStream(42, 3, Purpose::Turnover, 17, 5), 20);
  EXPECT_NE(base, draws(RandomStream(43, 3, Purpose::Turnover, 17, 5), 20));
  EXPECT_NE(base, draws(RandomStream(42, 4, Purpose::Turnover, 17, 5), 20));
  EXPECT_NE(base, draws(RandomStream(42, 3, Purpose::Crises, 17, 5), 20));
  EXPECT_NE(base, draws(RandomStream(42, 3, Purpose::Turnover, 18, 5), 20));
  EXPECT_NE(base, draws(RandomStream(42, 3, Purpose::Turnover, 17, 6), 20));
}

TEST(RandomStream, UniformsHaveTheMomentsOfAUniform) {
  RandomStream rng(1, 0, Purpose::Test, 0, 0);
  constexpr int n = 200000;
  double sum = 0, sum_sq = 0;
  for (int i = 0; i < n; ++i) {
    const double u = rng.uniform();
    ASSERT_GT(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    sum_sq += u * u;
  }
  // Mean 1/2 with standard error sqrt(1/12 / n); five standard errors.
  EXPECT_NEAR(sum / n, 0.5, 5 * std::sqrt(1.0 / 12 / n));
  EXPECT_NEAR(sum_sq / n - (sum / n) * (sum / n), 1.0 / 12, 0.002);
}

TEST(RandomStream, BelowIsUniformOverItsRange) {
  RandomStream rng(2, 0, Purpose::Test, 0, 0);
  constexpr int bins = 7, n = 70000;
  std::vector<int> count(bins, 0);
  for (int i = 0; i < n; ++i) ++count[rng.below(bins)];
  double chi2 = 0;
  for (int c : count) chi2 += (c - n / bins) * (c - n / bins) / double(n / bins);
  EXPECT_LT(chi2, 22.46);  // chi-square, 6 degrees of freedom, p = 0.001
}

}  // namespace
}  // namespace placesim

namespace placesim {
namespace {

TEST(BernoulliSkipper, SucceedsAtRateP) {
  for (const double p : {0.03, 0.3, 0.8}) {
    RandomStream rng(4, 0, Purpose::Test, 0, 0);
    BernoulliSkipper trials(p, rng);
    constexpr int n = 200000;
    int successes = 0;
    for (int i = 0; i < n; ++i) successes += trials.next();
    EXPECT_NEAR(successes, n * p, 4 * std::sqrt(n * p * (1 - p))) << "p = " << p;
  }
}

TEST(BernoulliSkipper, GapsAreGeometric) {
  // P(gap >= g) = (1 - p)^g for the number of failures between successes.
  const double p = 0.2;
  RandomStream rng(6, 0, Purpose::Test, 0, 0);
  BernoulliSkipper trials(p, rng);
  std::vector<int> gaps;
  int gap = 0;
  while (gaps.size() < 20000) {
    if (trials.next()) {
      gaps.push_back(gap);
      gap = 0;
    } else {
      ++gap;
    }
  }
  for (int g : {1, 3, 6, 10}) {
    const double share = std::count_if(gaps.begin(), gaps.end(), [&](int x) { return x >= g; }) / 20000.0;
    const double expected = std::pow(1 - p, g);
    EXPECT_NEAR(share, expected, 4 * std::sqrt(expected * (1 - expected) / 20000)) << "gap >= " << g;
  }
}

TEST(BernoulliSkipper, HandlesCertaintyAndImpossibility) {
  RandomStream rng(1, 0, Purpose::Test, 0, 0);
  BernoulliSkipper always(1.0, rng), never(0.0, rng);
  for (int i = 0; i < 100; ++i) {
    EXPECT_TRUE(always.next());
    EXPECT_FALSE(never.next());
  }
}

}  // namespace
}  // namespace placesim
