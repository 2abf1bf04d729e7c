#pragma once
// From design coordinates to parameter values: a point u in [0, 1] becomes a value of the
// parameter's distribution (its quantile), and a grid level a value of its range.
#include "scenario/sweep.hpp"

namespace placesim {

// The value at probability u of the parameter's distribution: min + u (max - min) for a
// uniform real; for integers each of min .. max is equally likely; Choice picks values[i]
// for u in [i/n, (i+1)/n).
Value value_at(const SweptParameter& parameter, double u);

// Grids: level i of the parameter's levels (its values, or `levels` evenly spaced points
// of its range, ends included; geometrically spaced for log_uniform).
Value grid_value(const SweptParameter& parameter, std::int64_t level);
std::int64_t grid_levels(const SweptParameter& parameter);

// A number for /design: reals and integers as they are, booleans 0 or 1; NaN for text.
double as_number(const Value& value);

}  // namespace placesim
