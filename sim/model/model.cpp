#include "model/model.hpp"

#include "model/events.hpp"
#include "model/joint_action.hpp"
#include "model/meetings.hpp"
#include "model/population.hpp"
#include "model/recovery.hpp"

namespace placesim {

Model::Model(std::shared_ptr<const Configuration> configuration, RunIdentity id,
             std::unique_ptr<InterventionProcess> interventions)
    : configuration_(std::move(configuration)),
      state_(configuration_->params, configuration_->place, id),
      metrics_(configuration_->params.simulation.months + 1, configuration_->place.issue_count()),
      interventions_(std::move(interventions)) {
  initialise(state_);
  record_metrics(state_, metrics_);
}

Model::Model(const Params& params, RunIdentity id, std::unique_ptr<InterventionProcess> interventions)
    : Model(configure(params), id, std::move(interventions)) {}

void Model::step() {
  ++state_.month;
  state_.events = {};
  run_events(state_);
  run_meetings(state_);
  run_joint_action(state_);
  if (interventions_) interventions_->act(state_);
  run_recovery(state_);
  record_metrics(state_, metrics_);
}

void Model::run() {
  while (!finished()) step();
}

}  // namespace placesim
