#pragma once
// Step 5 of the month: fatigue decays, attention recovers towards a level fatigue lowers,
// knowledge ages towards the sector level, extra effort on a focal issue fades, and
// everyone is a month longer in post.
#include "model/model_state.hpp"

namespace placesim {

void run_recovery(ModelState& state);

}  // namespace placesim
