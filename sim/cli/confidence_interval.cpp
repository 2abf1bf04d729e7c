#include "cli/confidence_interval.hpp"

#include <boost/math/distributions/students_t.hpp>

#include <cmath>
#include <limits>

namespace placesim::cli {

std::pair<double, double> mean_interval(const std::vector<double>& values) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  double sum = 0, n = 0;
  for (const double v : values) {
    if (std::isnan(v)) continue;
    sum += v;
    n += 1;
  }
  if (n == 0) return {kNaN, kNaN};
  const double mean = sum / n;
  if (n < 2) return {mean, kNaN};
  double squares = 0;  // about the mean, not the raw sum of squares: no cancellation
  for (const double v : values) {
    if (!std::isnan(v)) squares += (v - mean) * (v - mean);
  }
  const double sd = std::sqrt(squares / (n - 1));
  const boost::math::students_t t(n - 1);
  return {mean, boost::math::quantile(t, 0.5 + kConfidence / 2) * sd / std::sqrt(n)};
}

}  // namespace placesim::cli
