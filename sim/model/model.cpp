#include "model/model.hpp"

#include "model/events.hpp"
#include "model/joint_action.hpp"
#include "model/meetings.hpp"
#include "model/population.hpp"
#include "model/recovery.hpp"

namespace placesim {

Model::Model(const Params& params, RunIdentity id, std::unique_ptr<InterventionProcess> interventions)
    : params_(params),
      place_(build_place(params_)),
      state_(params_, place_, id),
      metrics_(params_.simulation.months + 1, place_.issue_count()),
      interventions_(std::move(interventions)) {
  initialise(state_);
  record_metrics(state_, metrics_);
}

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
