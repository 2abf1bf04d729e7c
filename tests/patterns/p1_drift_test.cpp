// P1: without intervention, cross-sector trust and the place index drift down under churn
// and crises. Over 30 replicates: both fall over ten years, and fall further than in the
// same place without elections, turnover, crises and national policy changes (paired by
// replicate), so the drift comes from those processes and not from the starting values.
#include <gtest/gtest.h>

#include "support/model_fixtures.hpp"
#include "support/statistics.hpp"
#include "scenario/presets.hpp"

namespace placesim {
namespace {

constexpr int kReplicates = 30;

struct Changes {
  std::vector<double> trust, index;
};

Changes ten_year_changes(const Params& p) {
  Changes c;
  for (std::uint32_t r = 0; r < kReplicates; ++r) {
    Model model(p, {2024, r});
    model.run();
    const MetricSeries& m = model.metrics();
    const int end = m.months() - 1;
    c.trust.push_back(m.at(end, Metric::TrustCrossSector) - m.at(0, Metric::TrustCrossSector));
    c.index.push_back(m.at(end, Metric::PlaceIndex) - m.at(0, Metric::PlaceIndex));
  }
  return c;
}

TEST(PatternP1, TrustAndThePlaceIndexDriftDownUnderChurnAndCrises) {
  const Params p = default_params();
  const Changes base = ten_year_changes(p);
  const Changes calm = ten_year_changes(testing::quiet(p));

  const auto trust = testing::mean_ci95(base.trust);
  const auto index = testing::mean_ci95(base.index);
  EXPECT_LT(trust.upper, 0.0) << "cross-sector trust change " << trust.str();
  EXPECT_LT(index.upper, 0.0) << "place index change " << index.str();

  const auto trust_vs_calm = testing::mean_ci95(testing::differences(base.trust, calm.trust));
  const auto index_vs_calm = testing::mean_ci95(testing::differences(base.index, calm.index));
  EXPECT_LT(trust_vs_calm.upper, 0.0) << "trust change, default minus quiet " << trust_vs_calm.str();
  EXPECT_LT(index_vs_calm.upper, 0.0) << "index change, default minus quiet " << index_vs_calm.str();
}

}  // namespace
}  // namespace placesim
