#pragma once
// The confidence interval of a mean over replicates, as everything PlaceSim prints it: a
// Student t interval, mean +- t(0.975, n - 1) s / sqrt(n), NaN values left out. The analysis
// package computes the same (placesim_analysis.statistics.mean_interval), and a test checks
// that the run summary and the package agree on the same file.
#include <utility>
#include <vector>

namespace placesim::cli {

inline constexpr double kConfidence = 0.95;

// Mean and half-width of the 95% interval (NaN half-width with fewer than two values; NaN mean
// with none).
std::pair<double, double> mean_interval(const std::vector<double>& values);

}  // namespace placesim::cli
