// P8: many simultaneous initiatives raise fatigue and lower take-up: per pound and per
// participant, more is not better. Every preset at the same time against each alone: fatigue
// is higher and co-design's take-up lower than when it runs alone, and the bundle returns less
// per pound and per participant-session than the same programmes run one at a time. On every
// kind of place in the family, at expected quality, over 40 replicates paired with the baseline.
#include <gtest/gtest.h>

#include "support/places.hpp"
#include "support/strategy_runs.hpp"

namespace placesim {
namespace {

constexpr int kReplicates = 40;

// What some runs gained (the mean gain over months 6 to 60 in a metric), spent (GBP thousand)
// and drew (participant-sessions), per replicate; added up over strategies run separately.
struct Return {
  std::vector<double> gain, cost, sessions;
  void add(const testing::StrategyRuns& runs, const testing::StrategyRuns& base, Metric metric) {
    const auto g = testing::mean_gain(runs, base, 6, 60, metric);
    gain.resize(g.size());
    cost.resize(g.size());
    sessions.resize(g.size());
    for (std::size_t r = 0; r < g.size(); ++r) {
      gain[r] += g[r];
      cost[r] += runs.metrics[r].at(runs.metrics[r].months() - 1, Metric::CostCumulative);
      for (const auto& t : runs.totals[r]) sessions[r] += static_cast<double>(t.attendances);
    }
  }
  std::vector<double> per(const std::vector<double>& spent) const {
    std::vector<double> out;
    for (std::size_t r = 0; r < gain.size(); ++r) out.push_back(1000.0 * gain[r] / spent[r]);
    return out;
  }
};

TEST(PatternP8, ManyInitiativesAtOnceRaiseFatigueLowerTakeUpAndReturnLessPerPoundAndParticipant) {
  for (const testing::PlaceKind& kind : testing::place_family()) {
    Params p = testing::at_expected_quality(kind.params);
    StrategySpec many{"everything", "every preset at once", {}};
    for (const InterventionSpec& i : p.interventions) many.interventions.push_back(i.name);
    p.strategies.push_back(many);
    const auto base = testing::run_strategy(p, "baseline", kReplicates);
    const auto alone = testing::run_strategy(p, "co_design", kReplicates);
    const auto all = testing::run_strategy(p, "everything", kReplicates);

    const auto fatigue = testing::mean_ci95(testing::differences(testing::mean_gain(all, base, 6, 36, Metric::Fatigue),
                                                                 testing::mean_gain(alone, base, 6, 36, Metric::Fatigue)));
    EXPECT_GT(fatigue.lower, 0.0) << kind.name << ": mean fatigue, everything minus co_design alone " << fatigue.str();

    // Take-up of co-design itself (the same intervention) falls when it is one of many.
    auto take_up = [](const testing::StrategyRuns& runs, std::size_t intervention) {
      std::vector<double> t;
      for (const auto& totals : runs.totals) {
        const auto& co = totals[intervention];
        t.push_back(static_cast<double>(co.attendances) / static_cast<double>(co.invitations));
      }
      return t;
    };
    const auto position = static_cast<std::size_t>(
        std::find(many.interventions.begin(), many.interventions.end(), "co_design") - many.interventions.begin());
    const auto fall = testing::mean_ci95(testing::differences(take_up(all, position), take_up(alone, 0)));
    EXPECT_LT(fall.upper, 0.0) << kind.name << ": co_design take-up, among many minus alone " << fall.str();

    // More is not better: the gains in cross-sector trust and in the place index per pound
    // spent and per participant-session are lower than those of the same programmes run one at
    // a time (each paired with the baseline).
    std::vector<testing::StrategyRuns> each;
    for (const std::string& name : many.interventions) {
      each.push_back(name == "co_design" ? alone : testing::run_strategy(p, name, kReplicates));
    }
    for (const Metric metric : {Metric::TrustCrossSector, Metric::PlaceIndex}) {
      Return bundle, separately;
      bundle.add(all, base, metric);
      for (const auto& runs : each) separately.add(runs, base, metric);
      const auto pound = testing::mean_ci95(
          testing::differences(bundle.per(bundle.cost), separately.per(separately.cost)));
      EXPECT_LT(pound.upper, 0.0) << kind.name << ": " << spec(metric).name
                                  << " gain per GBP million, together minus one at a time " << pound.str();
      const auto head = testing::mean_ci95(
          testing::differences(bundle.per(bundle.sessions), separately.per(separately.sessions)));
      EXPECT_LT(head.upper, 0.0) << kind.name << ": " << spec(metric).name
                                 << " gain per thousand participant-sessions, together minus one at a time "
                                 << head.str();
    }
  }
}

}  // namespace
}  // namespace placesim
