#pragma once
// Step 3 of the month: joint action on each issue, outcomes, and success feedback on trust.
#include "model/model_state.hpp"

namespace placesim {

// Computes this month's contributions u_ni, sector efforts E_is, cohesion C_i, knowledge K_i
// and effectiveness J_i, without changing outcomes (also used for month 0's metrics).
void measure_joint_action(ModelState& state);

// measure_joint_action, then outcomes, salience, and trust feedback from success or failure.
void run_joint_action(ModelState& state);

}  // namespace placesim
