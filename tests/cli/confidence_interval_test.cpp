// The run summary's interval: a Student t interval, checked against published quantiles of the
// t distribution (t(0.975, 4) = 2.776445105, t(0.975, 1) = 12.70620474) on values whose mean and
// standard deviation are worked out by hand.
#include "cli/confidence_interval.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace placesim::cli {
namespace {

TEST(ConfidenceInterval, IsTheStudentTIntervalOfTheMean) {
  // 1..5: mean 3, sd sqrt(2.5), so sd / sqrt(5) = sqrt(0.5).
  const auto [mean, half] = mean_interval({1, 2, 3, 4, 5});
  EXPECT_DOUBLE_EQ(mean, 3.0);
  EXPECT_NEAR(half, 2.776445105 * std::sqrt(0.5), 1e-8);
  // Two values: one degree of freedom.
  const auto [mean2, half2] = mean_interval({0.0, 1.0});
  EXPECT_DOUBLE_EQ(mean2, 0.5);
  EXPECT_NEAR(half2, 12.70620474 * std::sqrt(0.5) / std::sqrt(2.0), 1e-7);
}

TEST(ConfidenceInterval, LeavesNaNOutAndSaysWhenThereIsNoInterval) {
  const double nan = std::nan("");
  const auto [mean, half] = mean_interval({1, nan, 2, 3, 4, 5, nan});
  EXPECT_DOUBLE_EQ(mean, 3.0);
  EXPECT_NEAR(half, 2.776445105 * std::sqrt(0.5), 1e-8);
  const auto [one, no_half] = mean_interval({0.25});
  EXPECT_DOUBLE_EQ(one, 0.25);
  EXPECT_TRUE(std::isnan(no_half));
  EXPECT_TRUE(std::isnan(mean_interval({}).first));
}

TEST(ConfidenceInterval, ConstantValuesHaveNoWidth) {
  EXPECT_EQ(mean_interval({0.5, 0.5, 0.5}).second, 0.0);  // exact in binary: a mean with no rounding
}

}  // namespace
}  // namespace placesim::cli
