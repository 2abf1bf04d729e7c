#pragma once
// A short text summary of replicate runs: the mean of key outcomes, with 95% confidence
// intervals, at a few points in time.
#include <ostream>
#include <vector>

#include "model/metrics.hpp"

namespace placesim {

void print_summary(std::ostream& out, const std::vector<MetricSeries>& runs);

}  // namespace placesim
