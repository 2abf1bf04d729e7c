#include "experiment/designs/parameter_values.hpp"

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace placesim {

namespace {

// A real of the range, as the parameter's type: integers round to the nearest.
Value typed(const SweptParameter& p, double x) {
  x = std::clamp(x, p.min, p.max);
  if (p.type == ValueType::Integer) return static_cast<std::int64_t>(std::llround(x));
  return x;
}

double truncated_normal_quantile(const SweptParameter& p, double u) {
  const boost::math::normal standard;
  const double lo = boost::math::cdf(standard, (p.min - p.mean) / p.sd);
  const double hi = boost::math::cdf(standard, (p.max - p.mean) / p.sd);
  const double q = std::clamp(lo + u * (hi - lo), std::numeric_limits<double>::min(), 1.0 - 1e-16);
  return p.mean + p.sd * boost::math::quantile(standard, q);
}

double triangular_quantile(const SweptParameter& p, double u) {
  const double width = p.max - p.min;
  const double split = (p.mode - p.min) / width;
  if (u < split) return p.min + std::sqrt(u * width * (p.mode - p.min));
  return p.max - std::sqrt((1 - u) * width * (p.max - p.mode));
}

}  // namespace

Value value_at(const SweptParameter& p, double u) {
  u = std::clamp(u, 0.0, 1.0);
  switch (p.distribution) {
    case Distribution::Choice: {
      const auto n = static_cast<double>(p.values.size());
      const auto i = static_cast<std::size_t>(std::min(std::floor(u * n), n - 1));
      return p.values[i];
    }
    case Distribution::Uniform:
      if (p.type == ValueType::Integer) {
        // Each integer of min .. max takes an equal share of [0, 1].
        const double x = std::floor(p.min + u * (p.max - p.min + 1));
        return static_cast<std::int64_t>(std::min(x, p.max));
      }
      return typed(p, p.min + u * (p.max - p.min));
    case Distribution::LogUniform:
      return typed(p, std::exp(std::log(p.min) + u * (std::log(p.max) - std::log(p.min))));
    case Distribution::Normal: return typed(p, truncated_normal_quantile(p, u));
    case Distribution::Triangular: return typed(p, triangular_quantile(p, u));
  }
  return typed(p, p.min);
}

std::int64_t grid_levels(const SweptParameter& p) {
  return p.distribution == Distribution::Choice ? static_cast<std::int64_t>(p.values.size()) : p.levels;
}

Value grid_value(const SweptParameter& p, std::int64_t level) {
  if (p.distribution == Distribution::Choice) return p.values[static_cast<std::size_t>(level)];
  const double u = static_cast<double>(level) / static_cast<double>(p.levels - 1);
  if (p.distribution == Distribution::LogUniform) {
    return typed(p, std::exp(std::log(p.min) + u * (std::log(p.max) - std::log(p.min))));
  }
  return typed(p, p.min + u * (p.max - p.min));
}

double as_number(const Value& value) {
  if (const auto* x = std::get_if<double>(&value)) return *x;
  if (const auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
  if (const auto* b = std::get_if<bool>(&value)) return *b ? 1.0 : 0.0;
  return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace placesim
