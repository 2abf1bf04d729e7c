#pragma once
// One run of the model: a place, its leaders and their months (docs/ODD.md "Order of processes").
#include <memory>

#include "model/interventions/interventions.hpp"
#include "model/configuration.hpp"
#include "model/metrics.hpp"
#include "model/model_state.hpp"

namespace placesim {

class Model {
 public:
  // A run is a pure function of its configuration (parameters, place and the strategy's
  // interventions) and identity (seed and replicate).
  Model(std::shared_ptr<const Configuration> configuration, RunIdentity id);
  // Builds its own configuration, without interventions (throws PlaceError when the
  // parameters make no place).
  Model(const Params& params, RunIdentity id);
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  // One month: events, meetings, joint action, interventions, recovery, record.
  void step();
  // Steps to the horizon (simulation.months).
  void run();

  int month() const { return state_.month; }
  bool finished() const { return state_.month >= params().simulation.months; }
  const ModelState& state() const { return state_; }
  ModelState& state() { return state_; }
  const MetricSeries& metrics() const { return metrics_; }
  // The metrics, moved out of a finished run (no copy of every month's row).
  MetricSeries take_metrics() && { return std::move(metrics_); }
  // The strategy's interventions, or nullptr for none.
  const Interventions* interventions() const { return interventions_.get(); }
  const Params& params() const { return configuration_->params; }

 private:
  std::shared_ptr<const Configuration> configuration_;
  ModelState state_;
  MetricSeries metrics_;
  std::unique_ptr<Interventions> interventions_;
};

}  // namespace placesim
