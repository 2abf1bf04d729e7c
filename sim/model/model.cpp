#include "model/model.hpp"

#include "model/events.hpp"
#include "model/joint_action.hpp"
#include "model/meetings.hpp"
#include "model/population.hpp"
#include "model/recovery.hpp"

namespace placesim {

Model::Model(std::shared_ptr<const Configuration> configuration, RunIdentity id)
    : configuration_(std::move(configuration)),
      state_(configuration_->params, configuration_->place, id),
      metrics_(configuration_->params.simulation.months + 1,
               {configuration_->place.issue_count(), configuration_->place.sectors}) {
  initialise(state_);
  if (!configuration_->interventions.empty()) {
    interventions_ = std::make_unique<Interventions>(configuration_->interventions, state_);
  }
  record_metrics(state_, metrics_);
}

Model::Model(const Params& params, RunIdentity id) : Model(configure(params), id) {}

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
