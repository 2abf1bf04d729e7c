#include "model/invariants.hpp"

#include <cmath>
#include <sstream>
#include <string>

namespace placesim {

namespace {

// Tolerance for float32 rounding of quantities computed in double.
constexpr double kSlack = 1e-4;

[[noreturn]] void violation(int month, const MetricSpec& spec, int column, double value, const std::string& expected) {
  std::ostringstream s;
  s << "invariant broken in month " << month << ": " << spec.name;
  if (spec.shape != MetricShape::Scalar) s << "[" << column << "]";
  s << " = " << value << ", expected " << expected;
  throw InvariantError(s.str());
}

}  // namespace

void check_invariants(const MetricSeries& series) {
  for (int m = 0; m < static_cast<int>(Metric::Count); ++m) {
    const auto metric = static_cast<Metric>(m);
    const MetricSpec& s = spec(metric);
    const int width = series.width(metric);
    for (int t = 0; t < series.months(); ++t) {
      for (int c = 0; c < width; ++c) {
        const double x = series.at(t, metric, c);
        if (std::isinf(x)) violation(t, s, c, x, "a finite number");
        if (std::isnan(x)) continue;  // a mean over no ties
        if (x < s.lower - kSlack || x > s.upper + kSlack) {
          std::ostringstream expected;
          expected << "a value from " << s.lower << " to " << s.upper << " (the metric's bounds)";
          violation(t, s, c, x, expected.str());
        }
      }
    }
  }
  for (int t = 0; t < series.months(); ++t) {
    double total = 0;
    for (int i = 0; i < series.issues(); ++i) total += series.at(t, Metric::Salience, i);
    if (series.issues() > 0 && !(std::fabs(total - 1) <= 1e-3)) {
      std::ostringstream s;
      s << "invariant broken in month " << t << ": salience sums to " << total << " over the issues, expected 1";
      throw InvariantError(s.str());
    }
    if (t > 0 && series.at(t, Metric::CostCumulative) < series.at(t - 1, Metric::CostCumulative) - kSlack) {
      violation(t, spec(Metric::CostCumulative), 0, series.at(t, Metric::CostCumulative),
                "no less than the month before");
    }
  }
}

}  // namespace placesim
