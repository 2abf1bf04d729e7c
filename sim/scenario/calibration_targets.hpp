#pragma once
// A calibration targets file (docs/calibration.md): the scenario it applies to, the parameters
// to calibrate with their priors, and the observed summaries of the results to fit, each with
// its value and uncertainty. Read and checked like a scenario file: every error names the file,
// line and key. The history matching itself runs in the analysis package
// (placesim_analysis.calibration), which reads the checked targets as calibration_spec() writes
// them.
#include <cstdint>
#include <string>
#include <vector>

#include "scenario/scenario.hpp"
#include "scenario/sweep.hpp"

namespace placesim {

// What a target summarises over a design point's replicates.
enum class TargetStatistic {
  Mean,        // the mean over replicates of the run's value (a mean over the target's months)
  PerYear,     // the same, times 12: a monthly count as a rate per year
  PerDecade,   // times 120: a monthly count as a rate per decade
  Quantile,    // the `quantile` of the run values across replicates
  ShareAbove,  // the share of replicates whose run value is above `threshold`
};

std::string_view statistic_name(TargetStatistic statistic);

struct CalibrationTarget {
  std::string name;         // unique; from the file, or metric[_issue]_statistic_month
  std::string metric;       // a metric of /metrics (placesim metrics)
  std::string issue;        // per-issue metrics: which issue
  std::string sector_from, sector_to;  // the sector matrix: which cell
  std::vector<int> months;  // the run value is the metric's mean over these months
  TargetStatistic statistic = TargetStatistic::Mean;
  double quantile = 0.5;    // Quantile
  double threshold = 0;     // ShareAbove
  std::string strategy;     // the strategy whose runs are summarised
  std::string minus;        // when set: the run value is the paired difference strategy - minus
  double value = 0;         // the observed value
  double sd = 0;            // observation and model-discrepancy uncertainty together
  std::string source;       // where the value comes from
  SourcePosition where;
};

// How the history matching runs ([calibration] in the targets file; docs/calibration.md).
struct CalibrationSettings {
  int waves = 4;              // at most this many waves of runs
  int points = 0;             // design points per wave; 0: 10 per parameter, at least 20
  int replicates = 8;         // replicates per design point (and strategy)
  double cutoff = 3.0;        // implausibility cut-off (Pukelsheim's three-sigma rule)
  int candidates = 20000;     // prior draws per wave that the emulators screen
  int posterior_draws = 1000; // size of the posterior sample
  int check_points = 40;      // posterior draws run again to check the predictions
  int emulator_points = 0;    // runs an emulator is fitted to at most; 0: twice points
  std::uint64_t seed = 0;     // the design's random streams (default: the scenario's seed)
};

struct CalibrationTargets {
  std::string path;          // the targets file
  std::string scenario_path; // as resolved: relative to the targets file; empty: the embedded default
  Scenario scenario;         // with only the strategies the targets need, and settings.replicates
  std::vector<SweptParameter> parameters;
  std::vector<CalibrationTarget> targets;
  CalibrationSettings settings;
};

// Whether a file reads as TOML with [[targets]] (so plan treats it as a calibration).
bool is_targets_file(const std::string& path);

// The most runs a calibration makes: every wave full, and the posterior check.
std::int64_t calibration_runs(const CalibrationTargets& targets);

// Reads and checks a targets file; throws ScenarioError (file, line, key) on any mistake,
// including those of the scenario it names.
CalibrationTargets load_calibration_targets(const std::string& path);

// The checked targets as TOML for the analysis package: every parameter's prior and every
// target written out in full (defaults filled in), and the scenario as resolved text.
std::string calibration_spec(const CalibrationTargets& targets);

}  // namespace placesim
