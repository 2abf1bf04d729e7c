// P5: action_learning improves neighbourhood issues and neighbourhood trust, with little
// place-level effect. 40 replicates, paired with the baseline.
#include <gtest/gtest.h>

#include "support/strategy_runs.hpp"

namespace placesim {
namespace {

constexpr int kReplicates = 40;

TEST(PatternP5, ActionLearningWorksInNeighbourhoodsNotAtPlaceLevel) {
  const Params p = testing::default_scenario_params();
  const auto base = testing::run_strategy(p, "baseline", kReplicates);
  const auto al = testing::run_strategy(p, "action_learning", kReplicates);
  const Place place = build_place(p);

  // Neighbourhood trust, in the months after the workshops.
  const auto nb = testing::mean_ci95(testing::mean_gain(al, base, 8, 14, Metric::TrustNeighbourhood));
  EXPECT_GT(nb.lower, 0.0) << "neighbourhood trust gain " << nb.str();
  // Neighbourhood issues: their mean outcome over the two years after.
  std::vector<double> neighbourhood(kReplicates, 0.0), place_issues(kReplicates, 0.0);
  int n_nb = 0, n_place = 0;
  for (int i = 0; i < place.issue_count(); ++i) {
    const auto g = testing::mean_gain(al, base, 8, 30, Metric::Outcome, i);
    const bool nb_issue = place.issues[static_cast<std::size_t>(i)].level == Level::Neighbourhood;
    for (int r = 0; r < kReplicates; ++r) (nb_issue ? neighbourhood : place_issues)[static_cast<std::size_t>(r)] += g[static_cast<std::size_t>(r)];
    (nb_issue ? n_nb : n_place) += 1;
  }
  for (auto& x : neighbourhood) x /= n_nb;
  for (auto& x : place_issues) x /= n_place;
  const auto nb_out = testing::mean_ci95(neighbourhood);
  EXPECT_GT(nb_out.lower, 0.0) << "neighbourhood issues' outcome gain " << nb_out.str();

  // Little place-level effect: place-level trust and place issues within +/- 0.005, and
  // both well below the neighbourhood gains.
  const auto pl = testing::mean_ci95(testing::mean_gain(al, base, 8, 14, Metric::TrustPlaceLevel));
  const auto pl_out = testing::mean_ci95(place_issues);
  EXPECT_GT(pl.lower, -0.005) << "place-level trust gain " << pl.str();
  EXPECT_LT(pl.upper, 0.005) << "place-level trust gain " << pl.str();
  EXPECT_GT(pl_out.lower, -0.005) << "place issues' outcome gain " << pl_out.str();
  EXPECT_LT(pl_out.upper, 0.005) << "place issues' outcome gain " << pl_out.str();
  EXPECT_LT(pl.upper, nb.lower);
  EXPECT_LT(pl_out.upper, nb_out.lower);
}

}  // namespace
}  // namespace placesim
