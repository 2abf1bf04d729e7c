#pragma once
// An experiment plan: every run of a scenario, in the order of the results file. The design
// points of the scenario's [sweep] (one point without a sweep) are crossed with the
// strategies of simulation.strategies and the replicates:
//   run = (point x strategies + strategy) x replicates + replicate - first_replicate.
// Replicate r of every point and strategy shares its random streams (common random
// numbers). Nothing is stored per run or per point: a run's parameters and its /design row
// are computed from its index, so plans of millions of runs take no more memory than small
// ones, and every thread, shard or MPI rank sees the same plan.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "experiment/designs/design_points.hpp"
#include "io/results_schema.hpp"
#include "model/configuration.hpp"
#include "scenario/scenario.hpp"
#include "scenario/value_reader.hpp"

namespace placesim {

struct RunAddress {
  std::int64_t point = 0;
  int strategy = 0;
  int replicate = 0;
};

class Plan : public results::DesignTable {
 public:
  // The scenario must have passed check_scenario.
  explicit Plan(const Scenario& scenario);

  int runs() const { return runs_; }
  int months() const { return base_.simulation.months; }
  std::uint64_t seed() const { return base_.simulation.seed; }
  int replicates() const { return base_.simulation.replicates; }
  const std::vector<std::string>& strategies() const { return base_.simulation.strategies; }
  std::int64_t points() const { return design_.size(); }
  const DesignPoints& design() const { return design_; }
  // The issues of the scenario, in order: every run must have the same.
  const std::vector<std::string>& issues() const { return issues_; }
  // The sectors of the scenario, in order (the sector dimension of the results).
  const std::vector<std::string>& sectors() const { return sectors_; }

  RunAddress address(int run) const;
  // The run's random streams: its replicate (common random numbers across points), or with
  // sweep.streams = "independent" a number of its own for each (point, replicate).
  std::uint32_t stream(const RunAddress& address) const;
  // A design point's parameters (the scenario's, with the point's swept values).
  Params parameters(std::int64_t point) const;
  // The swept keys (empty without a sweep).
  const std::vector<KeyPath>& swept_keys() const { return keys_; }
  // With a [posterior]: the draw replicate r runs with (r mod draws); -1 without one.
  int draw(const RunAddress& address) const;
  // A point's parameters with one strategy's interventions (and a posterior draw's values,
  // when draw >= 0). Throws std::runtime_error, with the point's values in the message, when
  // they make no place or no valid strategy.
  std::shared_ptr<const Configuration> configuration(std::int64_t point, int strategy, int draw = -1) const;
  // "trust.decay = 0.02, meetings.rate = 3" (empty without a sweep).
  std::string describe_point(std::int64_t point) const;

  // results::DesignTable: the /design rows of runs.
  std::vector<results::DesignColumn> design_columns() const override;
  std::vector<std::string> design_parameters() const override;
  std::vector<std::pair<std::string, results::AttributeValue>> design_attributes() const override;
  std::vector<results::ColumnData> design_rows(int first, int count) const override;

 private:
  Params base_;
  DesignPoints design_;
  std::vector<KeyPath> keys_;  // of the swept parameters
  PosteriorDraws posterior_;
  std::vector<KeyPath> posterior_keys_;
  std::vector<std::string> issues_;
  std::vector<std::string> sectors_;
  int runs_ = 0;
};

}  // namespace placesim
