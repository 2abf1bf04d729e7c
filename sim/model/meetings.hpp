#pragma once
// Step 2 of the month: forums due this month meet, agents make informal contacts, and each
// encounter moves trust, priorities, knowledge and literacy. Priorities and knowledge move
// synchronously: pulls are gathered during the month and applied at its end, so the order
// of encounters within a month does not bias who influences whom.
#include "model/model_state.hpp"

namespace placesim {

void run_meetings(ModelState& state);

// The parts.
void apply_pulls(ModelState& state);
// Unused ties regress towards the floor; relationships unused for longer than
// trust.lapse_months lapse.
void decay_unused_ties(ModelState& state);

}  // namespace placesim
