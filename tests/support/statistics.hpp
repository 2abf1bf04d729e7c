#pragma once
// Confidence intervals for the statistical (pattern) tests, computed here independently
// of the model's code.
#include <cmath>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

namespace placesim::testing {

struct Interval {
  double mean = 0;
  double lower = 0;
  double upper = 0;
  std::string str() const {
    return std::to_string(mean) + " [" + std::to_string(lower) + ", " + std::to_string(upper) + "]";
  }
};

// Upper 97.5% quantile of Student's t with df degrees of freedom, by the Cornish-Fisher
// expansion around the normal quantile (error below 1e-4 for df >= 10).
inline double t_quantile_975(double df) {
  const double z = 1.959963984540054;
  const double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df) +
         (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df * df * df);
}

// Two-sided 95% confidence interval for the mean of independent replicates.
inline Interval mean_ci95(const std::vector<double>& x) {
  const double n = static_cast<double>(x.size());
  const double mean = std::accumulate(x.begin(), x.end(), 0.0) / n;
  double ss = 0;
  for (double v : x) ss += (v - mean) * (v - mean);
  const double se = std::sqrt(ss / (n - 1)) / std::sqrt(n);
  const double half = t_quantile_975(n - 1) * se;
  return {mean, mean - half, mean + half};
}

// Two-sided 95% confidence interval for mean(a) - mean(b), independent groups of unequal
// variance (Welch, with the Welch-Satterthwaite degrees of freedom).
inline Interval welch_ci95(const std::vector<double>& a, const std::vector<double>& b) {
  auto moments = [](const std::vector<double>& x) {
    const double n = static_cast<double>(x.size());
    const double mean = std::accumulate(x.begin(), x.end(), 0.0) / n;
    double ss = 0;
    for (double v : x) ss += (v - mean) * (v - mean);
    return std::pair<double, double>{mean, ss / (n - 1) / n};  // mean, squared standard error
  };
  const auto [ma, va] = moments(a);
  const auto [mb, vb] = moments(b);
  const double df = (va + vb) * (va + vb) /
                    (va * va / (static_cast<double>(a.size()) - 1) + vb * vb / (static_cast<double>(b.size()) - 1));
  const double half = t_quantile_975(df) * std::sqrt(va + vb);
  return {ma - mb, ma - mb - half, ma - mb + half};
}

inline std::vector<double> differences(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> d(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) d[i] = a[i] - b[i];
  return d;
}

}  // namespace placesim::testing
