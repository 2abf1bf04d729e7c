#pragma once
// Step 5 of the month: fatigue decays, attention recovers towards a level fatigue lowers,
// knowledge ages towards the sector level, extra effort on a focal issue fades, everyone is a
// month longer in post, and willingness to commit moves with this month's trust and progress.
#include "model/model_state.hpp"

namespace placesim {

void run_recovery(ModelState& state);

}  // namespace placesim
