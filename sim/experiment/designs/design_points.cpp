#include "experiment/designs/design_points.hpp"

#include <boost/random/sobol.hpp>

#include <numeric>
#include <stdexcept>

#include "experiment/designs/keyed_permutation.hpp"
#include "experiment/designs/parameter_values.hpp"
#include "model/random_stream.hpp"

namespace placesim {

DesignPoints::DesignPoints(Sweep sweep, std::uint64_t default_seed)
    : sweep_(std::move(sweep)), seed_(sweep_.seed_set ? sweep_.seed : default_seed), size_(sweep_points(sweep_)) {}

double DesignPoints::morris_delta() const {
  const double p = sweep_.levels;
  return p / (2 * (p - 1));
}

std::vector<double> DesignPoints::sobol_unit(std::int64_t point, PointInfo& info) const {
  // Saltelli's scheme, in SALib's order: for base sample j, the rows A, AB_1 .. AB_k, B,
  // where A and B are the two halves of point j of a 2k-dimensional Sobol sequence. Point 0
  // is the all-zero point, which Boost skips but which keeps the first 2^m points a net
  // (each parameter's values then fill 2^m equal strata once each; Owen 2020, "On dropping
  // the first Sobol' point").
  const std::size_t k = sweep_.parameters.size();
  const auto rows = static_cast<std::int64_t>(k) + 2;
  const std::int64_t j = point / rows;
  const auto row = static_cast<int>(point % rows);
  std::vector<double> a(k, 0.0), b(k, 0.0);
  if (j > 0) {
    boost::random::sobol sequence(2 * k);
    sequence.seed(static_cast<std::uint64_t>(j - 1));
    for (double& x : a) x = static_cast<double>(sequence()) * 0x1p-64;
    for (double& x : b) x = static_cast<double>(sequence()) * 0x1p-64;
  }
  info.group = j;
  if (row == 0) {
    info.moved = -1;
    return a;
  }
  if (row == static_cast<int>(k) + 1) {
    info.moved = static_cast<int>(k);
    return b;
  }
  info.moved = row - 1;
  a[static_cast<std::size_t>(row - 1)] = b[static_cast<std::size_t>(row - 1)];
  return a;
}

std::vector<double> DesignPoints::morris_unit(std::int64_t point, PointInfo& info) const {
  // Morris (1991): a trajectory starts at a random grid point and moves each parameter once,
  // in random order, by delta up or down; k + 1 points per trajectory.
  const std::size_t k = sweep_.parameters.size();
  const auto per_trajectory = static_cast<std::int64_t>(k) + 1;
  const std::int64_t trajectory = point / per_trajectory;
  const auto step = static_cast<std::size_t>(point % per_trajectory);
  const int levels = sweep_.levels;
  const double delta = morris_delta();
  RandomStream draws(seed_, static_cast<std::uint32_t>(trajectory), Purpose::DesignMorris,
                     static_cast<std::uint32_t>(trajectory >> 32), 0);
  std::vector<double> x(k);
  std::vector<int> direction(k);
  for (std::size_t i = 0; i < k; ++i) {
    // Base levels 0 .. levels/2 - 1, so that base + delta stays on the grid.
    const double base = static_cast<double>(draws.below(static_cast<std::uint32_t>(levels / 2))) / (levels - 1);
    direction[i] = draws.below(2) ? 1 : -1;
    x[i] = direction[i] > 0 ? base : base + delta;
  }
  std::vector<std::size_t> order(k);
  std::iota(order.begin(), order.end(), 0);
  for (std::size_t i = k; i > 1; --i) std::swap(order[i - 1], order[draws.below(static_cast<std::uint32_t>(i))]);
  for (std::size_t s = 0; s < step; ++s) x[order[s]] += direction[order[s]] * delta;
  info.group = trajectory;
  info.moved = step == 0 ? -1 : static_cast<int>(order[step - 1]);
  info.direction = step == 0 ? 0 : direction[order[step - 1]];
  return x;
}

std::vector<std::optional<Value>> DesignPoints::values(std::int64_t point, PointInfo* info) const {
  if (point < 0 || point >= size_) throw std::out_of_range("no design point " + std::to_string(point));
  PointInfo local;
  PointInfo& where = info ? *info : local;
  where = PointInfo{};
  where.group = point;
  const auto& parameters = sweep_.parameters;
  const std::size_t k = parameters.size();
  std::vector<std::optional<Value>> out(k);
  switch (sweep_.design) {
    case SweepDesign::None: return out;
    case SweepDesign::List: return sweep_.points[static_cast<std::size_t>(point)];
    case SweepDesign::Grid: {
      // The first parameter varies slowest, as in nested loops written in file order.
      std::int64_t rest = point;
      for (std::size_t i = k; i-- > 0;) {
        const std::int64_t n = grid_levels(parameters[i]);
        out[i] = grid_value(parameters[i], rest % n);
        rest /= n;
      }
      return out;
    }
    case SweepDesign::Random:
      for (std::size_t i = 0; i < k; ++i) {
        RandomStream draw(seed_, static_cast<std::uint32_t>(i), Purpose::Design, 0, static_cast<std::uint32_t>(point));
        where.unit.push_back(draw.uniform());
      }
      break;
    case SweepDesign::LatinHypercube:
      // Parameter i takes stratum perm_i(point) of n equal-probability strata, at a uniform
      // position inside it.
      for (std::size_t i = 0; i < k; ++i) {
        const KeyedPermutation stratum(static_cast<std::uint64_t>(size_), seed_, static_cast<std::uint32_t>(i));
        RandomStream draw(seed_, static_cast<std::uint32_t>(i), Purpose::Design, 1, static_cast<std::uint32_t>(point));
        where.unit.push_back((static_cast<double>(stratum(static_cast<std::uint64_t>(point))) + draw.uniform()) /
                             static_cast<double>(size_));
      }
      break;
    case SweepDesign::Sobol: where.unit = sobol_unit(point, where); break;
    case SweepDesign::Morris: where.unit = morris_unit(point, where); break;
  }
  for (std::size_t i = 0; i < k; ++i) out[i] = value_at(parameters[i], where.unit[i]);
  return out;
}

}  // namespace placesim
