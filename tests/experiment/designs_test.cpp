// Sweep designs against their defining properties: a grid holds every combination once, a
// Latin hypercube fills every stratum of every parameter once, Saltelli's matrices differ
// where they must and nowhere else, Sobol points of a power of two fill every stratum, Morris
// trajectories move each parameter once by delta, and quantiles invert the distributions.
#include "experiment/designs/design_points.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <numeric>
#include <set>

#include "experiment/designs/keyed_permutation.hpp"
#include "experiment/designs/parameter_values.hpp"
#include "experiment/plan.hpp"
#include "scenario/scenario.hpp"
#include "support/statistics.hpp"

namespace placesim {
namespace {

Scenario with_sweep(const std::string& sweep, int replicates = 1, const std::string& strategies = "[\"baseline\"]") {
  Scenario s = load_scenario_text("[simulation]\nmonths = 6\nreplicates = " + std::to_string(replicates) +
                                      "\nstrategies = " + strategies + "\n\n" + sweep,
                                  "sweep.toml");
  check_scenario(s);
  return s;
}

DesignPoints design_of(const std::string& sweep) {
  const Scenario s = with_sweep(sweep);
  return DesignPoints(s.sweep, s.params.simulation.seed);
}

double number(const std::optional<Value>& v) { return as_number(*v); }

TEST(KeyedPermutation, IsABijectionForAnySize) {
  for (std::uint64_t n : {1u, 2u, 3u, 17u, 1000u, 65537u}) {
    const KeyedPermutation permutation(n, 7, 3);
    std::vector<bool> seen(n, false);
    for (std::uint64_t i = 0; i < n; ++i) {
      const std::uint64_t j = permutation(i);
      ASSERT_LT(j, n);
      ASSERT_FALSE(seen[j]) << "n " << n << " maps two indices to " << j;
      seen[j] = true;
    }
  }
  // Different streams give different permutations.
  const KeyedPermutation a(1000, 7, 0), b(1000, 7, 1);
  int same = 0;
  for (std::uint64_t i = 0; i < 1000; ++i) same += a(i) == b(i);
  EXPECT_LT(same, 20);  // about 1 expected
}

TEST(Designs, AGridHoldsEveryCombinationOnceFirstParameterSlowest) {
  const DesignPoints grid = design_of(R"(
[sweep]
design = "grid"
[sweep.parameters]
trust.decay = { values = [0.01, 0.02, 0.03] }
meetings.encounters_per_meeting = { min = 1, max = 9, levels = 5 }
"trust.strong_tie" = { distribution = "log_uniform", min = 0.5, max = 0.8, levels = 2 }
)");
  ASSERT_EQ(grid.size(), 3 * 5 * 2);
  std::set<std::vector<double>> seen;
  for (std::int64_t p = 0; p < grid.size(); ++p) {
    const auto v = grid.values(p);
    seen.insert({number(v[0]), number(v[1]), number(v[2])});
  }
  EXPECT_EQ(seen.size(), 30u);
  EXPECT_EQ(number(grid.values(0)[0]), 0.01);
  EXPECT_EQ(number(grid.values(9)[0]), 0.01);   // the first parameter changes every 10 points
  EXPECT_EQ(number(grid.values(10)[0]), 0.02);
  EXPECT_EQ(number(grid.values(2)[1]), 3.0);    // 1, 3, 5, 7, 9
  EXPECT_EQ(number(grid.values(8)[1]), 9.0);
  EXPECT_DOUBLE_EQ(number(grid.values(1)[2]), 0.8);
}

TEST(Designs, AListHasItsPointsAndLeavesTheRestToTheScenario) {
  const DesignPoints list = design_of(R"(
[sweep]
design = "list"
points = [{ trust.decay = 0.01 }, { trust.strong_tie = 0.7 }, { trust.decay = 0.03, trust.strong_tie = 0.6 }]
)");
  ASSERT_EQ(list.size(), 3);
  EXPECT_EQ(number(list.values(0)[0]), 0.01);
  EXPECT_FALSE(list.values(0)[1].has_value());
  EXPECT_FALSE(list.values(1)[0].has_value());
  EXPECT_EQ(number(list.values(2)[1]), 0.6);
}

TEST(Designs, ALatinHypercubeFillsEveryStratumOfEveryParameterOnce) {
  for (int n : {37, 1000}) {
    const DesignPoints lhs = design_of("[sweep]\ndesign = \"latin_hypercube\"\nsamples = " + std::to_string(n) + R"(
[sweep.parameters]
trust.decay = { min = 0.0, max = 0.1 }
trust.strong_tie = { min = 0.5, max = 0.9 }
trust.new_tie_cross = { min = 0.1, max = 0.5 }
)");
    for (std::size_t i = 0; i < 3; ++i) {
      std::vector<int> count(static_cast<std::size_t>(n), 0);
      for (std::int64_t p = 0; p < n; ++p) {
        PointInfo info;
        lhs.values(p, &info);
        ++count[static_cast<std::size_t>(std::floor(info.unit[i] * n))];
      }
      EXPECT_EQ(*std::min_element(count.begin(), count.end()), 1) << "n " << n << " parameter " << i;
      EXPECT_EQ(*std::max_element(count.begin(), count.end()), 1) << "n " << n << " parameter " << i;
    }
  }
}

TEST(Designs, RandomPointsAreUniformAndIndependent) {
  const int n = 4000;
  const DesignPoints random = design_of("[sweep]\ndesign = \"random\"\nsamples = 4000\n[sweep.parameters]\n"
                                        "trust.decay = { min = 0.0, max = 1.0 }\ntrust.strong_tie = { min = 0.0, max = 1.0 }\n");
  double sum0 = 0, sum1 = 0, cross = 0;
  for (std::int64_t p = 0; p < n; ++p) {
    PointInfo info;
    random.values(p, &info);
    sum0 += info.unit[0];
    sum1 += info.unit[1];
    cross += (info.unit[0] - 0.5) * (info.unit[1] - 0.5);
  }
  const double sd_mean = std::sqrt(1.0 / 12 / n);  // of a mean of n uniforms
  EXPECT_NEAR(sum0 / n, 0.5, 4 * sd_mean);
  EXPECT_NEAR(sum1 / n, 0.5, 4 * sd_mean);
  EXPECT_NEAR(cross / n, 0.0, 4 * (1.0 / 12) / std::sqrt(n));  // covariance of independent uniforms
}

TEST(Designs, SaltelliMatricesDifferWhereTheyMustAndSobolPointsFillTheirStrata) {
  const int n = 64, k = 3;
  const DesignPoints sobol = design_of(R"(
[sweep]
design = "sobol"
samples = 64
[sweep.parameters]
trust.decay = { min = 0.0, max = 1.0 }
trust.strong_tie = { min = 0.0, max = 1.0 }
trust.new_tie_cross = { min = 0.0, max = 1.0 }
)");
  ASSERT_EQ(sobol.size(), n * (k + 2));
  std::vector<std::vector<int>> strata(2 * k, std::vector<int>(n, 0));
  for (int j = 0; j < n; ++j) {
    PointInfo a, b;
    sobol.values(j * (k + 2), &a);
    sobol.values(j * (k + 2) + k + 1, &b);
    EXPECT_EQ(a.moved, -1);
    EXPECT_EQ(b.moved, k);
    EXPECT_EQ(a.group, j);
    for (int i = 0; i < k; ++i) {
      ++strata[static_cast<std::size_t>(i)][static_cast<std::size_t>(std::floor(a.unit[static_cast<std::size_t>(i)] * n))];
      ++strata[static_cast<std::size_t>(k + i)][static_cast<std::size_t>(std::floor(b.unit[static_cast<std::size_t>(i)] * n))];
      PointInfo ab;
      sobol.values(j * (k + 2) + 1 + i, &ab);
      EXPECT_EQ(ab.moved, i);
      for (int c = 0; c < k; ++c) {
        const auto column = static_cast<std::size_t>(c);
        EXPECT_EQ(ab.unit[column], c == i ? b.unit[column] : a.unit[column]) << "AB_" << i << " column " << c;
      }
    }
  }
  for (const auto& column : strata) {
    for (int count : column) ASSERT_EQ(count, 1);  // a (0, m, 1)-net in every coordinate
  }
}

TEST(Designs, MorrisTrajectoriesMoveEachParameterOnceByDelta) {
  const int r = 20, k = 4, levels = 4;
  const DesignPoints morris = design_of(R"(
[sweep]
design = "morris"
samples = 20
levels = 4
[sweep.parameters]
trust.decay = { min = 0.0, max = 0.1 }
trust.strong_tie = { min = 0.5, max = 0.9 }
trust.new_tie_cross = { min = 0.1, max = 0.5 }
meetings.encounters_per_meeting = { min = 1, max = 7 }
)");
  const double delta = morris.morris_delta();
  EXPECT_DOUBLE_EQ(delta, 4.0 / 6.0);
  ASSERT_EQ(morris.size(), r * (k + 1));
  std::map<int, int> directions;
  for (int t = 0; t < r; ++t) {
    std::set<int> moved;
    PointInfo previous;
    for (int s = 0; s <= k; ++s) {
      PointInfo info;
      morris.values(t * (k + 1) + s, &info);
      EXPECT_EQ(info.group, t);
      for (double u : info.unit) {
        EXPECT_GE(u, 0.0);
        EXPECT_LE(u, 1.0 + 1e-12);
        const double level = u * (levels - 1);
        EXPECT_NEAR(level, std::round(level), 1e-9) << "off the grid";
      }
      if (s == 0) {
        EXPECT_EQ(info.moved, -1);
      } else {
        moved.insert(info.moved);
        ++directions[info.direction];
        for (int i = 0; i < k; ++i) {
          const double step = info.unit[static_cast<std::size_t>(i)] - previous.unit[static_cast<std::size_t>(i)];
          EXPECT_NEAR(step, i == info.moved ? info.direction * delta : 0.0, 1e-12);
        }
      }
      previous = info;
    }
    EXPECT_EQ(moved.size(), static_cast<std::size_t>(k));
  }
  EXPECT_GT(directions[1], 10);  // both directions occur (80 moves, about half each)
  EXPECT_GT(directions[-1], 10);
}

SweptParameter parameter(Distribution d, ValueType type, double min, double max) {
  SweptParameter p;
  p.distribution = d;
  p.type = type;
  p.min = min;
  p.max = max;
  return p;
}

TEST(Designs, QuantilesInvertTheirDistributions) {
  auto uniform = parameter(Distribution::Uniform, ValueType::Real, 2, 6);
  EXPECT_EQ(as_number(value_at(uniform, 0.25)), 3.0);
  auto integers = parameter(Distribution::Uniform, ValueType::Integer, 1, 4);
  for (int i = 0; i < 4; ++i) {
    // u in [i/4, (i+1)/4) gives 1 + i: each integer equally likely.
    EXPECT_EQ(std::get<std::int64_t>(value_at(integers, i / 4.0)), 1 + i);
    EXPECT_EQ(std::get<std::int64_t>(value_at(integers, (i + 0.999) / 4.0)), 1 + i);
  }
  EXPECT_EQ(std::get<std::int64_t>(value_at(integers, 1.0)), 4);
  auto log = parameter(Distribution::LogUniform, ValueType::Real, 1, 100);
  EXPECT_NEAR(as_number(value_at(log, 0.5)), 10.0, 1e-12);
  auto normal = parameter(Distribution::Normal, ValueType::Real, -1, 3);
  normal.mean = 1;
  normal.sd = 2;
  EXPECT_NEAR(as_number(value_at(normal, 0.5)), 1.0, 1e-12);  // symmetric truncation: the median is the mean
  EXPECT_NEAR(as_number(value_at(normal, 0.0)), -1.0, 1e-9);
  EXPECT_NEAR(as_number(value_at(normal, 1.0)), 3.0, 1e-6);
  // Triangular(0, 1, 4): F(x) = x^2 / 4 below the mode, 1 - (4 - x)^2 / 12 above it.
  auto triangle = parameter(Distribution::Triangular, ValueType::Real, 0, 4);
  triangle.mode = 1;
  for (double u : {0.1, 0.25, 0.5, 0.9}) {
    const double x = as_number(value_at(triangle, u));
    const double f = x < 1 ? x * x / 4 : 1 - (4 - x) * (4 - x) / 12;
    EXPECT_NEAR(f, u, 1e-12) << u;
  }
  SweptParameter choice;
  choice.distribution = Distribution::Choice;
  choice.type = ValueType::Text;
  choice.values = {std::string("a"), std::string("b"), std::string("c")};
  EXPECT_EQ(std::get<std::string>(value_at(choice, 0.34)), "b");
}

TEST(Plan, CrossesPointsStrategiesAndReplicatesInTheDocumentedOrder) {
  const Scenario s = with_sweep(R"(
[sweep]
design = "grid"
[sweep.parameters]
trust.decay = { values = [0.01, 0.02, 0.03] }
)",
                                4, "[\"baseline\", \"peer_review\"]");
  const Plan plan(s);
  ASSERT_EQ(plan.runs(), 3 * 2 * 4);
  for (int run = 0; run < plan.runs(); ++run) {
    const RunAddress a = plan.address(run);
    EXPECT_EQ(run, (a.point * 2 + a.strategy) * 4 + a.replicate);
  }
  const auto rows = plan.design_rows(0, plan.runs());
  const auto& labels = std::get<std::vector<std::string>>(rows[0]);
  const auto& decay = std::get<std::vector<double>>(rows[4]);
  for (int run = 0; run < plan.runs(); ++run) {
    const RunAddress a = plan.address(run);
    const auto configuration = plan.configuration(a.point, a.strategy);
    EXPECT_EQ(configuration->params.trust.decay, decay[static_cast<std::size_t>(run)]);
    EXPECT_EQ(configuration->strategy, labels[static_cast<std::size_t>(run)]);
  }
  EXPECT_EQ(decay[8], 0.02);  // run 8: point 1
}

}  // namespace
}  // namespace placesim
