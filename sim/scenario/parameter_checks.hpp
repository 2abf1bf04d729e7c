#pragma once
// Checks that the parameters fit together, which single keys cannot show: every name a row uses
// (sectors, roles, forums, issues, strategies, interventions) exists, the place has posts and
// issues with stakeholders, and neighbourhoods and colours are valid. Run on the scenario and on
// every design point of a sweep, before the model builds the place, so that every fault is
// named by its key.
#include "model/params.hpp"

namespace placesim {

// Throws ParameterError (scenario/scenario_error.hpp) at the key at fault, with the nearest
// valid name.
void check_parameters(const Params& params);

}  // namespace placesim
