#pragma once
// The points of a sweep design (docs/scenarios.md, "Sweeps"), each computed on its own from
// its index: no design is held in memory, so a sweep of millions of points costs no more
// memory than one of ten, and any process (a thread, a shard, an MPI rank) computes the
// same point from the same index.
#include <cstdint>
#include <optional>
#include <vector>

#include "scenario/sweep.hpp"

namespace placesim {

// Where a point sits in its design, for analysis.
struct PointInfo {
  std::vector<double> unit;  // sampled designs: the point in [0, 1]^k, before quantiles
  std::int64_t group = 0;    // sobol: the base sample; morris: the trajectory; otherwise the point
  // sobol: -1 for matrix A, k for B, i for AB_i (A with parameter i from B);
  // morris: the parameter moved to reach this point, -1 at a trajectory's start.
  int moved = -1;
  int direction = 0;  // morris: +1 when the move was up, -1 when down
};

class DesignPoints {
 public:
  // default_seed: simulation.seed, used unless the sweep sets its own seed.
  DesignPoints(Sweep sweep, std::uint64_t default_seed);

  std::int64_t size() const { return size_; }
  const Sweep& sweep() const { return sweep_; }
  // Morris: the step between levels in [0, 1], levels / (2 (levels - 1)).
  double morris_delta() const;

  // Every parameter's value at a point, in sweep().parameters order; std::nullopt where a
  // list point keeps the scenario's value.
  std::vector<std::optional<Value>> values(std::int64_t point, PointInfo* info = nullptr) const;

 private:
  std::vector<double> sobol_unit(std::int64_t point, PointInfo& info) const;
  std::vector<double> morris_unit(std::int64_t point, PointInfo& info) const;

  Sweep sweep_;
  std::uint64_t seed_;
  std::int64_t size_;
};

}  // namespace placesim
