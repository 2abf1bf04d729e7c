// P12: political instability costs a partnership that works. A council elected by thirds in a
// marginal place (an election every year, control changing hands at a small swing) against
// the same place with safe all-out elections every four years: under the marginal regime
// cross-sector trust and the place index are lower over years 6-10. Like P1 and P2 the
// pattern is stated for partnerships with relational capital to lose (docs/ODD.md 7.7):
// every structural kind of place started on good terms. Over 60 replicates, paired by seed.
#include <gtest/gtest.h>

#include "support/places.hpp"
#include "support/strategy_runs.hpp"

namespace placesim {
namespace {

constexpr int kReplicates = 60;
constexpr int kFrom = 60, kTo = 120;

// The marginal council's elections are those of the family's marginal_by_thirds kind
// (tests/support/places.hpp), which only changes the elections.
Params marginal_by_thirds(Params p) {
  for (const testing::PlaceKind& kind : testing::place_family()) {
    if (kind.name == "marginal_by_thirds") p.events.elections = kind.params.events.elections;
  }
  return p;
}

Params safe_all_out(Params p) {
  p.events.elections.cycle_months = 48;
  p.events.elections.first_month = 24;
  p.events.elections.groups = 1;
  p.events.elections.control_change_threshold = 0.6;
  return p;
}

// Per replicate: the mean over years 6-10 of a metric, marginal minus safe.
std::vector<double> instability_effect(const Params& p, Metric metric) {
  const auto marginal = testing::run_strategy(marginal_by_thirds(p), "baseline", kReplicates);
  const auto safe = testing::run_strategy(safe_all_out(p), "baseline", kReplicates);
  return testing::mean_gain(marginal, safe, kFrom, kTo, metric);
}

TEST(PatternP12, MarginalElectionsByThirdsLowerTrustAndThePlaceIndex) {
  for (const testing::PlaceKind& kind : testing::on_good_terms(testing::place_family())) {
    for (const Metric metric : {Metric::TrustCrossSector, Metric::PlaceIndex}) {
      const auto effect = testing::mean_ci95(instability_effect(kind.params, metric));
      EXPECT_LT(effect.upper, 0.0) << kind.name << ": " << spec(metric).name
                                   << ", marginal by thirds minus safe all-out, years 6-10 " << effect.str();
    }
  }
}

}  // namespace
}  // namespace placesim
