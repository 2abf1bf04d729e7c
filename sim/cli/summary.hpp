#pragma once
// A short summary of a results file: the mean of key outcomes with 95% confidence
// intervals, for each variant, at a few months.
#include <ostream>

#include "io/results_reader.hpp"

namespace placesim::cli {

void print_summary(std::ostream& out, const ResultsReader& results);

}  // namespace placesim::cli
