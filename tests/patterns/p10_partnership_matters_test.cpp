// P10: the partnership matters. Across a Latin hypercube of 80 points over the relational
// parameters (one run each), tenth-year cross-sector trust and the place index are clearly
// associated: Spearman's rank correlation is at least medium by Cohen's convention (above 0.3)
// and its 95% interval (by Fisher's z, with the 1.06 / sqrt(n - 3) standard error of Fieller,
// Hartley & Pearson 1957) excludes 0, and the least-squares slope of the index on trust is
// positive (95% interval above 0). On every kind of place in the family (the distrustful and
// trusting kinds differ only in the starting trust the hypercube spans, so they repeat the
// unitary figures); the figures are printed for docs/ODD.md section 8.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <numeric>
#include <random>

#include "support/circles.hpp"
#include "support/places.hpp"

namespace placesim {
namespace {

constexpr int kPoints = 80;

struct Range {
  std::string name;
  double low, high;
  void (*set)(Params&, double);
};

// The relational parameters and the ranges the hypercube spans (each inside what the tool accepts).
const std::vector<Range>& relational() {
  static const std::vector<Range> ranges = {
      {"trust.initial_cross", 0.1, 0.6, [](Params& p, double x) { p.trust.initial_cross = x; }},
      {"trust.new_tie_cross", 0.1, 0.5, [](Params& p, double x) { p.trust.new_tie_cross = x; }},
      {"trust.learning_up", 0.05, 0.3, [](Params& p, double x) { p.trust.learning_up = x; }},
      {"trust.learning_down", 0.1, 0.5, [](Params& p, double x) { p.trust.learning_down = x; }},
      {"trust.decay", 0.005, 0.05, [](Params& p, double x) { p.trust.decay = x; }},
      {"trust.generalisation", 0.0, 1.0, [](Params& p, double x) { p.trust.generalisation = x; }},
      {"experience.base", 0.2, 0.6, [](Params& p, double x) { p.experience.base = x; }},
      {"experience.reciprocity", 0.0, 2.0, [](Params& p, double x) { p.experience.reciprocity = x; }},
      {"commitment.trust", 0.0, 4.0, [](Params& p, double x) { p.commitment.trust = x; }},
      {"meetings.informal_contact_rate", 0.25, 2.0,
       [](Params& p, double x) { p.meetings.informal_contact_rate = x; }},
      {"influence.rate", 0.05, 0.4, [](Params& p, double x) { p.influence.rate = x; }},
  };
  return ranges;
}

// A Latin hypercube on [0, 1)^dims: in each dimension every one of the n strata holds one point.
std::vector<std::vector<double>> latin_hypercube(int n, std::size_t dims, std::uint64_t seed) {
  std::mt19937_64 bits(seed);  // its output sequence is fixed by the standard
  auto uniform = [&] { return static_cast<double>(bits() >> 11) * 0x1.0p-53; };
  std::vector<std::vector<double>> points(static_cast<std::size_t>(n), std::vector<double>(dims));
  std::vector<int> strata(static_cast<std::size_t>(n));
  for (std::size_t d = 0; d < dims; ++d) {
    std::iota(strata.begin(), strata.end(), 0);
    for (std::size_t i = strata.size() - 1; i > 0; --i) std::swap(strata[i], strata[bits() % (i + 1)]);
    for (std::size_t i = 0; i < points.size(); ++i) points[i][d] = (strata[i] + uniform()) / n;
  }
  return points;
}

std::vector<double> ranks(const std::vector<double>& x) {
  std::vector<std::size_t> order(x.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  std::vector<double> r(x.size());
  for (std::size_t i = 0; i < order.size();) {  // ties share their mean rank
    std::size_t j = i;
    while (j + 1 < order.size() && x[order[j + 1]] == x[order[i]]) ++j;
    for (std::size_t k = i; k <= j; ++k) r[order[k]] = 0.5 * static_cast<double>(i + j);
    i = j + 1;
  }
  return r;
}

double pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  const double mx = std::accumulate(x.begin(), x.end(), 0.0) / n, my = std::accumulate(y.begin(), y.end(), 0.0) / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

struct Slope {
  double estimate, lower, upper;
};

Slope least_squares_slope(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  const double mx = std::accumulate(x.begin(), x.end(), 0.0) / n, my = std::accumulate(y.begin(), y.end(), 0.0) / n;
  double sxy = 0, sxx = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
  }
  const double b = sxy / sxx, a = my - b * mx;
  double rss = 0;
  for (std::size_t i = 0; i < x.size(); ++i) rss += (y[i] - a - b * x[i]) * (y[i] - a - b * x[i]);
  const double se = std::sqrt(rss / (n - 2) / sxx);
  const double t = testing::t_quantile_975(n - 2);
  return {b, b - t * se, b + t * se};
}

TEST(PatternP10, TenthYearTrustAndThePlaceIndexGoTogetherAcrossRelationalParameters) {
  const auto design = latin_hypercube(kPoints, relational().size(), 2010);
  for (const testing::PlaceKind& kind : testing::place_family()) {
    std::vector<double> trust, index;
    for (std::size_t i = 0; i < design.size(); ++i) {
      Params p = kind.params;
      for (std::size_t d = 0; d < relational().size(); ++d) {
        const Range& r = relational()[d];
        r.set(p, r.low + design[i][d] * (r.high - r.low));
      }
      Model model(p, {2010, static_cast<std::uint32_t>(i)});
      model.run();
      trust.push_back(testing::tenth_year_trust(model.metrics()));
      double mean_index = 0;
      for (int t = 108; t <= 120; ++t) mean_index += model.metrics().at(t, Metric::PlaceIndex) / 13.0;
      index.push_back(mean_index);
    }
    const double rho = pearson(ranks(trust), ranks(index));
    const double z = std::atanh(rho), se = 1.06 / std::sqrt(kPoints - 3.0);
    const double rho_lower = std::tanh(z - 1.959963984540054 * se), rho_upper = std::tanh(z + 1.959963984540054 * se);
    const Slope slope = least_squares_slope(trust, index);
    std::cout << kind.name << ": Spearman rho " << rho << " [" << rho_lower << ", " << rho_upper
              << "], slope of the index on trust " << slope.estimate << " [" << slope.lower << ", " << slope.upper
              << "]\n";
    EXPECT_GT(rho, 0.3) << kind.name;
    EXPECT_GT(rho_lower, 0.0) << kind.name;
    EXPECT_GT(slope.lower, 0.0) << kind.name;
  }
}

}  // namespace
}  // namespace placesim
