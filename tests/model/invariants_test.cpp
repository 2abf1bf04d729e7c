// The invariant checks catch each kind of broken state, with the bounds of the metric table.
#include "model/invariants.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace placesim {
namespace {

// A series that keeps every invariant: every value at its lower bound (zero for most), salience
// uniform.
MetricSeries valid_series() {
  MetricSeries series(3, {4, 5});
  for (int t = 0; t < 3; ++t) {
    for (int i = 0; i < 4; ++i) series.at(t, Metric::Salience, i) = 0.25f;
  }
  return series;
}

TEST(Invariants, AValidSeriesPasses) { EXPECT_NO_THROW(check_invariants(valid_series())); }

TEST(Invariants, ValuesOutsideTheMetricsBoundsAreCaught) {
  MetricSeries above = valid_series();
  above.at(1, Metric::TrustCrossSector) = 1.01f;
  EXPECT_THROW(check_invariants(above), InvariantError);
  MetricSeries negative = valid_series();
  negative.at(2, Metric::Cost) = -1.0f;
  EXPECT_THROW(check_invariants(negative), InvariantError);
  MetricSeries large = valid_series();
  large.at(2, Metric::Cost) = 1e6f;  // no upper bound on cost
  EXPECT_NO_THROW(check_invariants(large));
  MetricSeries infinite = valid_series();
  infinite.at(0, Metric::Effectiveness, 1) = std::numeric_limits<float>::infinity();
  EXPECT_THROW(check_invariants(infinite), InvariantError);
  MetricSeries nan = valid_series();
  nan.at(0, Metric::TrustNeighbourhood) = std::numeric_limits<float>::quiet_NaN();  // a mean of no ties
  EXPECT_NO_THROW(check_invariants(nan));
}

TEST(Invariants, SalienceSumsToOneAndCostOnlyGrows) {
  MetricSeries salience = valid_series();
  salience.at(1, Metric::Salience, 0) = 0.5f;
  EXPECT_THROW(check_invariants(salience), InvariantError);
  MetricSeries cost = valid_series();
  cost.at(1, Metric::CostCumulative) = 5.0f;
  cost.at(2, Metric::CostCumulative) = 4.0f;
  EXPECT_THROW(check_invariants(cost), InvariantError);
}

}  // namespace
}  // namespace placesim
