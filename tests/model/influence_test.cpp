// The influence rule against published results: the Friedkin-Johnsen equilibrium on the
// example of Parsegov, Proskurnikov, Tempo and Friedkin (2017), DeGroot's consensus value,
// and Deffuant's bounded-confidence cluster counts.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "model/mechanisms.hpp"
#include "model/random_stream.hpp"
#include "model/simplex.hpp"

namespace placesim {
namespace {

// Opinions on a scale [lo, hi] map affinely to a point (x, 1 - x) on the two-issue simplex;
// the rule is linear in the priorities, so it commutes with the map.
constexpr double kLo = -100, kHi = 100;
std::array<double, 2> to_simplex(double opinion) {
  const double x = (opinion - kLo) / (kHi - kLo);
  return {x, 1 - x};
}
double from_simplex(const std::array<double, 2>& p) { return kLo + p[0] * (kHi - kLo); }

// Runs the rule synchronously with fixed weights W (off-diagonal entries are the pulls'
// weights) and stubbornness lambda, anchored to the initial opinions.
std::vector<double> run_influence(const std::vector<std::vector<double>>& W,
                                  const std::vector<double>& lambda,
                                  const std::vector<double>& initial, int steps) {
  const std::size_t n = initial.size();
  std::vector<std::array<double, 2>> p(n), anchor(n);
  for (std::size_t i = 0; i < n; ++i) p[i] = anchor[i] = to_simplex(initial[i]);
  for (int t = 0; t < steps; ++t) {
    std::vector<std::array<double, 2>> pull(n, {0, 0});
    std::vector<double> weight(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) {
        if (i != j && W[i][j] > 0) add_pull(p[i].data(), p[j].data(), W[i][j], pull[i].data(), weight[i], 2);
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      apply_influence(p[i].data(), anchor[i].data(), lambda[i], pull[i].data(), weight[i], 2);
    }
  }
  std::vector<double> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = from_simplex(p[i]);
  return out;
}

// x* = (I - L W)^-1 (I - L) u with susceptibility L = I - diag(lambda), solved by Gaussian
// elimination: the closed form, computed without the model's code.
std::vector<double> fj_closed_form(const std::vector<std::vector<double>>& W,
                                   const std::vector<double>& lambda, const std::vector<double>& u) {
  const std::size_t n = u.size();
  std::vector<std::vector<double>> a(n, std::vector<double>(n + 1));
  for (std::size_t i = 0; i < n; ++i) {
    const double susceptibility = 1 - lambda[i];
    for (std::size_t j = 0; j < n; ++j) a[i][j] = (i == j ? 1.0 : 0.0) - susceptibility * W[i][j];
    a[i][n] = (1 - susceptibility) * u[i];
  }
  for (std::size_t c = 0; c < n; ++c) {
    std::size_t pivot = c;
    for (std::size_t r = c + 1; r < n; ++r) {
      if (std::abs(a[r][c]) > std::abs(a[pivot][c])) pivot = r;
    }
    std::swap(a[c], a[pivot]);
    for (std::size_t r = 0; r < n; ++r) {
      if (r == c) continue;
      const double f = a[r][c] / a[c][c];
      for (std::size_t k = c; k <= n; ++k) a[r][k] -= f * a[c][k];
    }
  }
  std::vector<double> x(n);
  for (std::size_t i = 0; i < n; ++i) x[i] = a[i][n] / a[i][i];
  return x;
}

// Parsegov et al. (2017), IEEE TAC 62(5), equation (2); Lambda = I - diag(W).
const std::vector<std::vector<double>> kParsegovW = {{0.220, 0.120, 0.360, 0.300},
                                                     {0.147, 0.215, 0.344, 0.294},
                                                     {0.000, 0.000, 1.000, 0.000},
                                                     {0.090, 0.178, 0.446, 0.286}};
std::vector<double> parsegov_stubbornness() {
  // The rule's stubbornness is 1 - susceptibility = the self-weight W_ii.
  return {0.220, 0.215, 1.000, 0.286};
}

TEST(FriedkinJohnsen, ReachesThePublishedEquilibriumOnIssueA) {
  const std::vector<double> u = {25, 25, 75, 85};
  const auto x = run_influence(kParsegovW, parsegov_stubbornness(), u, 500);
  const std::vector<double> published = {60, 60, 75, 75};  // rounded, as published
  for (std::size_t i = 0; i < u.size(); ++i) EXPECT_NEAR(std::round(x[i]), published[i], 0.0) << i;
  const auto exact = fj_closed_form(kParsegovW, parsegov_stubbornness(), u);
  for (std::size_t i = 0; i < u.size(); ++i) EXPECT_NEAR(x[i], exact[i], 1e-9) << i;
}

TEST(FriedkinJohnsen, ReachesThePublishedEquilibriumOnIssueB) {
  const std::vector<double> u = {25, 15, -50, 5};
  const auto x = run_influence(kParsegovW, parsegov_stubbornness(), u, 500);
  const std::vector<double> published = {-19.3, -21.5, -50, -23.2};  // one decimal
  for (std::size_t i = 0; i < u.size(); ++i) EXPECT_NEAR(x[i], published[i], 0.05) << i;
  const auto exact = fj_closed_form(kParsegovW, parsegov_stubbornness(), u);
  for (std::size_t i = 0; i < u.size(); ++i) EXPECT_NEAR(x[i], exact[i], 1e-9) << i;
}

TEST(DeGroot, WithoutStubbornnessReachesTheLeftEigenvectorAverage) {
  // A lazy birth-death chain: its stationary distribution is pi = (1/4, 1/2, 1/4).
  const std::vector<std::vector<double>> W = {{0.5, 0.5, 0.0}, {0.25, 0.5, 0.25}, {0.0, 0.5, 0.5}};
  const std::vector<double> x0 = {-80, 20, 90};
  const auto x = run_influence(W, {0, 0, 0}, x0, 400);
  const double consensus = 0.25 * x0[0] + 0.5 * x0[1] + 0.25 * x0[2];
  for (double xi : x) EXPECT_NEAR(xi, consensus, 1e-9);
}

// Deffuant et al. (2000): random pairs meet; when their opinions differ by less than
// epsilon each moves mu = 1/2 of the way to the other. The number of major clusters is
// about floor(1 / (2 epsilon)). Here each step pairs everyone at random and applies the
// rule with no stubbornness, weight mu and confidence epsilon.
int deffuant_clusters(double epsilon, std::uint64_t seed) {
  constexpr int kAgents = 1000;
  constexpr int kSteps = 600;
  RandomStream init(seed, 0, Purpose::Test, 0, 0);
  std::vector<std::array<double, 2>> p(kAgents);
  for (auto& pi : p) pi = to_simplex(kLo + (kHi - kLo) * init.uniform());
  std::vector<int> order(kAgents);
  for (int step = 0; step < kSteps; ++step) {
    RandomStream rng(seed, 0, Purpose::Test, static_cast<std::uint32_t>(step + 1), 0);
    for (int i = 0; i < kAgents; ++i) order[i] = i;
    for (int i = kAgents - 1; i > 0; --i) std::swap(order[i], order[rng.below(static_cast<std::uint32_t>(i + 1))]);
    std::vector<std::array<double, 2>> pull(kAgents, {0, 0});
    std::vector<double> weight(kAgents, 0);
    for (int i = 0; i + 1 < kAgents; i += 2) {
      const int a = order[i], b = order[i + 1];
      if (!within_confidence(simplex_distance(p[a].data(), p[b].data(), 2), epsilon)) continue;
      add_pull(p[a].data(), p[b].data(), 0.5, pull[a].data(), weight[a], 2);
      add_pull(p[b].data(), p[a].data(), 0.5, pull[b].data(), weight[b], 2);
    }
    for (int i = 0; i < kAgents; ++i) {
      apply_influence(p[i].data(), p[i].data(), 0.0, pull[i].data(), weight[i], 2);
    }
  }
  // Major clusters: groups of sorted opinions closer than 0.01 on the unit scale, holding
  // at least 2% of the agents (Deffuant et al. also report a few isolated extremists).
  std::vector<double> x(kAgents);
  for (int i = 0; i < kAgents; ++i) x[i] = p[i][0];
  std::sort(x.begin(), x.end());
  int clusters = 0, size = 1;
  for (int i = 1; i <= kAgents; ++i) {
    if (i < kAgents && x[i] - x[i - 1] < 0.01) {
      ++size;
      continue;
    }
    if (size >= kAgents / 50) ++clusters;
    size = 1;
  }
  return clusters;
}

TEST(Deffuant, ClusterCountIsWithinOneOfTheFloorOfOneOverTwoEpsilon) {
  for (const double epsilon : {0.08, 0.12, 0.17, 0.25, 0.4}) {
    const int expected = static_cast<int>(std::floor(1.0 / (2.0 * epsilon)));
    for (std::uint64_t seed : {1u, 2u, 3u}) {
      const int clusters = deffuant_clusters(epsilon, seed);
      EXPECT_LE(std::abs(clusters - expected), 1)
          << "epsilon " << epsilon << " seed " << seed << ": " << clusters << " clusters";
    }
  }
}

TEST(Deffuant, AboveOneHalfEveryoneAgrees) {
  EXPECT_EQ(deffuant_clusters(0.55, 7), 1);
}

TEST(ApplyInfluence, KeepsPrioritiesOnTheSimplex) {
  RandomStream rng(9, 0, Purpose::Test, 0, 0);
  constexpr int k = 6;
  for (int trial = 0; trial < 2000; ++trial) {
    double p[k], mandate[k], speaker[k], pull[k] = {};
    random_simplex_point(rng, p, k);
    random_simplex_point(rng, mandate, k);
    double weight = 0;
    const int speakers = static_cast<int>(rng.below(12));
    for (int s = 0; s < speakers; ++s) {
      random_simplex_point(rng, speaker, k);
      add_pull(p, speaker, rng.uniform(), pull, weight, k);
    }
    apply_influence(p, mandate, rng.uniform(), pull, weight, k);
    double sum = 0;
    for (double v : p) {
      EXPECT_GE(v, 0.0);
      sum += v;
    }
    EXPECT_NEAR(sum, 1.0, 1e-12);
  }
}

}  // namespace
}  // namespace placesim
