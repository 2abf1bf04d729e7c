// P9: virtuous and vicious circles. Across starting cross-sector trust the tenth-year state
// has a threshold: places started just above and just below it drift apart instead of
// converging (Geddes, Davies & Fuller 2007). On every structural kind of place in the family:
// the threshold is found by a scan of starting trust (the first start from which most runs end
// nearer the virtuous state than the vicious one); then, over 40 replicates started 0.06 below
// and 0.06 above it, the gap in cross-sector trust in the tenth year is wider than the starting
// gap of 0.12, and the place index, started equal, ends apart.
#include <gtest/gtest.h>

#include <iostream>

#include "support/circles.hpp"
#include "support/places.hpp"

namespace placesim {
namespace {

constexpr int kScanReplicates = 20;
constexpr int kReplicates = 40;
constexpr double kHalfGap = 0.06;

double share_virtuous(Params p, double start, const testing::Circles& circles) {
  p.trust.initial_cross = start;
  const auto runs = testing::run_strategy(p, "baseline", kScanReplicates);
  int virtuous = 0;
  for (const MetricSeries& m : runs.metrics) virtuous += testing::tenth_year_trust(m) > circles.cut();
  return static_cast<double>(virtuous) / kScanReplicates;
}

TEST(PatternP9, PlacesStartedEitherSideOfAThresholdDriftApart) {
  for (const testing::PlaceKind& kind : testing::place_family()) {
    if (kind.name == "distrustful" || kind.name == "trusting") continue;  // they differ only in the start
    const testing::Circles circles = testing::circles_of(kind.params);
    EXPECT_GT(circles.virtuous - circles.vicious, 0.15)
        << kind.name << ": tenth-year trust from a trusting start " << circles.virtuous << ", from a distrustful one "
        << circles.vicious;
    double threshold = -1;
    for (double start = 0.2; start <= 0.6 + 1e-9; start += 0.02) {
      if (share_virtuous(kind.params, start, circles) >= 0.5) {
        threshold = start;
        break;
      }
    }
    ASSERT_GT(threshold, 0) << kind.name << ": no start from 0.2 to 0.6 leads most runs to the virtuous circle";

    Params below = kind.params, above = kind.params;
    below.trust.initial_cross = threshold - kHalfGap;
    above.trust.initial_cross = threshold + kHalfGap;
    const auto low = testing::run_strategy(below, "baseline", kReplicates);
    const auto high = testing::run_strategy(above, "baseline", kReplicates);
    std::vector<double> trust_gap, index_gap;
    for (std::size_t r = 0; r < low.metrics.size(); ++r) {
      trust_gap.push_back(testing::tenth_year_trust(high.metrics[r]) - testing::tenth_year_trust(low.metrics[r]));
    }
    index_gap = testing::mean_gain(high, low, 108, 120, Metric::PlaceIndex);
    std::cout << kind.name << ": threshold in starting cross-sector trust " << threshold << " (circles "
              << circles.vicious << " and " << circles.virtuous << ")\n";
    const auto trust = testing::mean_ci95(trust_gap);
    const auto index = testing::mean_ci95(index_gap);
    EXPECT_GT(trust.lower, 2 * kHalfGap) << kind.name << ": threshold " << threshold
                                         << "; tenth-year trust gap (it started at 0.12) " << trust.str();
    EXPECT_GT(index.lower, 0.0) << kind.name << ": tenth-year place index gap (it started at 0) " << index.str();
  }
}

}  // namespace
}  // namespace placesim
