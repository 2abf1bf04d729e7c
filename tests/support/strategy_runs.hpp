#pragma once
// Runs of one strategy over paired replicates (the same seed and replicate indices as the
// baseline: common random numbers), keeping each run's metrics and intervention totals.
#include <string>
#include <vector>

#include "model/model.hpp"
#include "scenario/presets.hpp"
#include "scenario/scenario.hpp"
#include "support/statistics.hpp"
#include "scenario/strategies.hpp"

namespace placesim::testing {

struct StrategyRuns {
  std::vector<MetricSeries> metrics;
  std::vector<std::vector<Interventions::Totals>> totals;  // per run, per intervention
};

inline StrategyRuns run_strategy(const Params& params, const std::string& strategy, int replicates,
                                 std::uint64_t seed = 4242) {
  const auto configuration = configure_strategy(params, strategy);
  StrategyRuns out;
  for (int r = 0; r < replicates; ++r) {
    Model model(configuration, {seed, static_cast<std::uint32_t>(r)});
    model.run();
    out.metrics.push_back(model.metrics());
    std::vector<Interventions::Totals> totals;
    if (model.interventions()) {
      for (int i = 0; i < model.interventions()->count(); ++i) totals.push_back(model.interventions()->totals(i));
    }
    out.totals.push_back(totals);
  }
  return out;
}

// Per replicate: strategy minus baseline of a metric (column) at a month.
inline std::vector<double> gain(const StrategyRuns& a, const StrategyRuns& base, int month, Metric metric,
                                int column = 0) {
  std::vector<double> d;
  for (std::size_t r = 0; r < a.metrics.size(); ++r) {
    d.push_back(a.metrics[r].at(month, metric, column) - base.metrics[r].at(month, metric, column));
  }
  return d;
}

// Per replicate: strategy minus baseline at a month, on a column that may differ by
// replicate (an intervention's focal issue, chosen in each run).
inline std::vector<double> gain_per_replicate(const StrategyRuns& a, const StrategyRuns& base, int month,
                                              Metric metric, const std::vector<int>& columns) {
  std::vector<double> d;
  for (std::size_t r = 0; r < a.metrics.size(); ++r) {
    d.push_back(a.metrics[r].at(month, metric, columns[r]) - base.metrics[r].at(month, metric, columns[r]));
  }
  return d;
}

// Per replicate: the mean over months [from, to] of strategy minus baseline.
inline std::vector<double> mean_gain(const StrategyRuns& a, const StrategyRuns& base, int from, int to,
                                     Metric metric, int column = 0) {
  std::vector<double> d(a.metrics.size(), 0.0);
  for (int t = from; t <= to; ++t) {
    const auto g = gain(a, base, t, metric, column);
    for (std::size_t r = 0; r < d.size(); ++r) d[r] += g[r] / (to - from + 1);
  }
  return d;
}

inline Params default_scenario_params() { return default_scenario().params; }

// Every preset (scenarios/presets/presets.toml) but those named.
inline std::vector<std::string> presets_except(const std::vector<std::string>& left_out) {
  std::vector<std::string> presets;
  for (const std::string& name : preset_names()) {
    if (std::find(left_out.begin(), left_out.end(), name) == left_out.end()) presets.push_back(name);
  }
  return presets;
}

}  // namespace placesim::testing
