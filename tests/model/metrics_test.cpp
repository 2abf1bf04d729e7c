// The monthly metrics against values worked out by hand on a four-post place: trust means over
// the ties set, shared ambition and alignment from the simplex distances, the place index as
// a salience-weighted sum, and the metric table's own consistency.
#include "model/metrics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "scenario/presets.hpp"
#include "support/model_fixtures.hpp"

namespace placesim {
namespace {

using testing::Bare;
using testing::Post;

// Post 0: the leader (member, place); 1: the chief executive (officer, place); 2: an inspector
// (police, neighbourhood, authority 0.5); 3: the commander (police, place).
Params four_posts() {
  return testing::small_place(default_params(), {{"leader", "member", 1.0, Level::Place},
                                                 {"chief_executive", "officer", 1.0, Level::Place},
                                                 {"inspector", "police", 0.5, Level::Neighbourhood},
                                                 {"commander", "police", 1.0, Level::Place}});
}

MetricSeries record(ModelState& st) {
  MetricSeries series(1, {st.issues, st.place.sectors});
  record_metrics(st, series);
  return series;
}

TEST(Metrics, TrustMeansAreOverTheDirectedTiesOfEachKind) {
  Bare w(four_posts());
  w.st.trust.link(0, 1, 0.8, 0.6, 0);  // member <-> officer
  w.st.trust.link(0, 2, 0.4, 0.7, 0);  // member <-> police (place and neighbourhood)
  w.st.trust.link(2, 3, 0.9, 0.5, 0);  // within the police
  const MetricSeries m = record(w.st);
  constexpr double kFloat = 1e-6;  // ties hold float trust
  EXPECT_NEAR(m.at(0, Metric::TrustCrossSector), (0.8 + 0.6 + 0.4 + 0.7) / 4, kFloat);
  EXPECT_NEAR(m.at(0, Metric::TrustWithinSector), (0.9 + 0.5) / 2, kFloat);
  EXPECT_NEAR(m.at(0, Metric::TrustMemberOfficer), (0.8 + 0.6) / 2, kFloat);
  EXPECT_NEAR(m.at(0, Metric::TrustPlaceLevel), (0.8 + 0.6) / 2, kFloat);  // only 0 <-> 1 join two place posts
  EXPECT_TRUE(std::isnan(m.at(0, Metric::TrustNeighbourhood)));          // no cross tie between two
  EXPECT_NEAR(m.at(0, Metric::CrossSectorTies), 4.0 / 4, kFloat);
  const double strong = w.p.trust.strong_tie;
  ASSERT_TRUE(strong > 0.4 && strong <= 0.6) << "the hand counts below assume this";
  EXPECT_NEAR(m.at(0, Metric::StrongCrossSectorTies), 3.0 / 4, kFloat);  // 0.8, 0.6, 0.7
  EXPECT_NEAR(m.at(0, Metric::Bridging), 3.0 / 4, kFloat);               // posts 0, 1, 2
  // The sector matrix, row = from, column = to; sectors in the scenario's order.
  const int s = w.st.place.sectors;
  auto by_sector = [&](int from, int to) { return m.at(0, Metric::TrustBySector, from * s + to); };
  EXPECT_NEAR(by_sector(0, 1), 0.8, kFloat);
  EXPECT_NEAR(by_sector(1, 0), 0.6, kFloat);
  EXPECT_NEAR(by_sector(0, 2), 0.4, kFloat);
  EXPECT_NEAR(by_sector(2, 0), 0.7, kFloat);
  EXPECT_NEAR(by_sector(2, 2), 0.7, kFloat);
  EXPECT_TRUE(std::isnan(by_sector(0, 0)));  // no ties within the member sector
}

TEST(Metrics, SharedAmbitionWeighsPairsOfSectorsByTheirAuthority) {
  Bare w(four_posts());
  const int k = w.st.issues;
  std::vector<double> first(k, 0.0), second(k, 0.0), uniform(k, 1.0 / k);
  first[0] = 1;
  second[1] = 1;
  // Members and police on issue 0, officers on issue 1: the sector means are corners.
  for (int n : {0, 2, 3}) std::copy(first.begin(), first.end(), w.st.agents.priorities_of(n));
  std::copy(second.begin(), second.end(), w.st.agents.priorities_of(1));
  std::copy(uniform.begin(), uniform.end(), w.st.place_state.salience.begin());
  const MetricSeries m = record(w.st);
  // Authorities: member 1, officer 1, police 1.5. Distances: (member, officer) 1,
  // (member, police) 0, (officer, police) 1.
  const double expected = 1 - (1 * 1 * 1.0 + 1 * 1.5 * 0.0 + 1 * 1.5 * 1.0) / (1 * 1 + 1 * 1.5 + 1 * 1.5);
  EXPECT_NEAR(m.at(0, Metric::SharedAmbition), expected, 1e-6);
  // Every post sits at a corner: |corner - uniform|_1 / 2 = (k - 1) / k.
  EXPECT_NEAR(m.at(0, Metric::AlignmentWithResidents), 1.0 / k, 1e-6);
}

TEST(Metrics, IdenticalPrioritiesShareAmbitionFully) {
  Bare w(four_posts());
  const int k = w.st.issues;
  for (int n = 0; n < 4; ++n) {
    for (int i = 0; i < k; ++i) w.st.agents.priorities_of(n)[i] = (i + 1.0) / (k * (k + 1) / 2.0);
  }
  for (int i = 0; i < k; ++i) w.st.place_state.salience[static_cast<std::size_t>(i)] = w.st.agents.priorities_of(0)[i];
  const MetricSeries m = record(w.st);
  EXPECT_FLOAT_EQ(m.at(0, Metric::SharedAmbition), 1.0f);
  EXPECT_FLOAT_EQ(m.at(0, Metric::AlignmentWithResidents), 1.0f);
}

TEST(Metrics, ThePlaceIndexIsTheSalienceWeightedOutcome) {
  Bare w(four_posts());
  double expected = 0;
  for (int i = 0; i < w.st.issues; ++i) {
    const auto ii = static_cast<std::size_t>(i);
    w.st.place_state.salience[ii] = (i + 1.0) / 21.0;  // 1..6 over 21: sums to 1
    w.st.place_state.outcome[ii] = 0.1 * (i + 1);
    expected += (i + 1.0) / 21.0 * 0.1 * (i + 1);
  }
  const MetricSeries m = record(w.st);
  EXPECT_NEAR(m.at(0, Metric::PlaceIndex), expected, 1e-6);
  EXPECT_NEAR(m.at(0, Metric::Outcome, 2), 0.3, 1e-6);
}

TEST(Metrics, MeansAndEventCountsAreRecordedAsTheyAre) {
  Bare w(four_posts());
  for (int n = 0; n < 4; ++n) w.st.agents.capacity[static_cast<std::size_t>(n)] = 0.25 * n;
  w.st.events.elections = 1;
  w.st.events.departures = 3;
  w.st.events.cost = 12.5;
  const MetricSeries m = record(w.st);
  EXPECT_NEAR(m.at(0, Metric::Capacity), (0 + 0.25 + 0.5 + 0.75) / 4, 1e-7);
  EXPECT_EQ(m.at(0, Metric::Elections), 1.0f);
  EXPECT_EQ(m.at(0, Metric::Departures), 3.0f);
  EXPECT_EQ(m.at(0, Metric::Cost), 12.5f);
}

TEST(Metrics, WidthsFollowTheIssuesAndSectors) {
  const MetricDims dims{3, 6};
  EXPECT_EQ(metric_width(Metric::PlaceIndex, dims), 1);
  EXPECT_EQ(metric_width(Metric::Outcome, dims), 3);
  EXPECT_EQ(metric_width(Metric::TrustBySector, dims), 36);
  int scalars = 0, per_issue = 0, matrices = 0;
  for (const MetricSpec& s : metric_specs()) {
    scalars += s.shape == MetricShape::Scalar;
    per_issue += s.shape == MetricShape::PerIssue;
    matrices += s.shape == MetricShape::SectorBySector;
  }
  EXPECT_EQ(metric_columns(dims), scalars + 3 * per_issue + 36 * matrices);
}

TEST(MetricTable, NamesAreUniqueAndEveryMetricIsDescribedAndBounded) {
  std::set<std::string_view> names;
  int key = 0;
  ASSERT_EQ(metric_specs().size(), static_cast<std::size_t>(Metric::Count));
  for (const MetricSpec& s : metric_specs()) {
    EXPECT_TRUE(names.insert(s.name).second) << s.name;
    EXPECT_FALSE(s.units.empty()) << s.name;
    EXPECT_FALSE(s.label.empty()) << s.name;
    EXPECT_FALSE(s.description.empty()) << s.name;
    EXPECT_LT(s.lower, s.upper) << s.name;
    key += s.key_outcome;
  }
  EXPECT_GE(key, 1);
  EXPECT_TRUE(spec(Metric::PlaceIndex).key_outcome);
}

}  // namespace
}  // namespace placesim
