#pragma once
// What every run's recorded outcomes must satisfy whatever the parameters: finite values
// (NaN only for a mean over nothing), shares and 0-1 scales within [0, 1], counts and costs
// not negative, residents' salience summing to 1, cumulative cost never falling. A run that
// breaks one is recorded as failed, with the first violation, instead of its numbers.
#include <stdexcept>

#include "model/metrics.hpp"

namespace placesim {

class InvariantError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws InvariantError naming the month, metric and value of the first violation.
void check_invariants(const MetricSeries& series);

}  // namespace placesim
