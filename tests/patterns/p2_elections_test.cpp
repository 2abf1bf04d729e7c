// P2: elections dip member-officer trust and shared ambition; top_team_workshops shortens
// the recovery. Over 40 replicates, paired.
#include <gtest/gtest.h>

#include "support/strategy_runs.hpp"

namespace placesim {
namespace {

constexpr int kReplicates = 40;
constexpr int kElection = 24;  // the first election of the default place

TEST(PatternP2, AnElectionDipsMemberOfficerTrustAndSharedAmbition) {
  const Params p = testing::default_scenario_params();
  ASSERT_EQ(p.events.elections.first_month, kElection);
  const auto with = testing::run_strategy(p, "baseline", kReplicates);
  // The same replicates without that election: identical until month 24 (common random
  // numbers), so the difference after it is the election's effect.
  Params no_election = p;
  no_election.events.elections.first_month = 1000;
  const auto without = testing::run_strategy(no_election, "baseline", kReplicates);
  ASSERT_EQ(with.metrics[0].at(kElection - 1, Metric::TrustMemberOfficer),
            without.metrics[0].at(kElection - 1, Metric::TrustMemberOfficer));
  for (const Metric metric : {Metric::TrustMemberOfficer, Metric::SharedAmbition}) {
    const auto dip = testing::mean_ci95(testing::mean_gain(with, without, kElection, kElection + 6, metric));
    EXPECT_LT(dip.upper, 0.0) << spec(metric).name << ": with minus without the election, six months after "
                              << dip.str();
  }
}

// Months after the election until a metric is back at its level of the month before (at
// most 24: the next two years).
std::vector<double> recovery_months(const testing::StrategyRuns& runs, Metric metric) {
  std::vector<double> months;
  for (const MetricSeries& m : runs.metrics) {
    const double before = m.at(kElection - 1, metric);
    int t = 1;
    while (t < 24 && m.at(kElection + t, metric) < before) ++t;
    months.push_back(t);
  }
  return months;
}

TEST(PatternP2, TopTeamWorkshopsShortenTheRecovery) {
  const Params p = testing::default_scenario_params();
  const auto base = testing::run_strategy(p, "baseline", kReplicates);
  const auto workshops = testing::run_strategy(p, "top_team_workshops", kReplicates);
  for (const Metric metric : {Metric::TrustMemberOfficer, Metric::SharedAmbition}) {
    const auto shorter = testing::mean_ci95(
        testing::differences(recovery_months(workshops, metric), recovery_months(base, metric)));
    EXPECT_LT(shorter.upper, 0.0) << spec(metric).name << ": recovery months, workshops minus baseline "
                                  << shorter.str();
  }
}

}  // namespace
}  // namespace placesim
