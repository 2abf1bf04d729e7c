#pragma once
// Checks that strategies and interventions fit the rest of the scenario: every name they use
// (strategies, interventions, forums, roles, sectors, issues, neighbourhoods) exists.
#include "model/params.hpp"

namespace placesim {

// Throws ParameterError at the key at fault, with the nearest valid name.
void validate_interventions(const Params& params);

}  // namespace placesim
