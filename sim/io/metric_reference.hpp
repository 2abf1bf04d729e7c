#pragma once
// The metric table (model/metrics.hpp) as the markdown table docs/results.md shows, and
// `placesim metrics` prints: each metric's dimensions, units, bounds, whether it is a key
// outcome, and its meaning. A test keeps the document current.
#include <ostream>

namespace placesim {

void write_metric_reference(std::ostream& out);

}  // namespace placesim
