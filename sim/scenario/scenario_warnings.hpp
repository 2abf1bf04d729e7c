#pragma once
// Mistakes that make a valid scenario but probably not the one meant: warned of, not refused
// (docs/scenarios.md, "Warnings"). run, plan and validate print them.
#include <string>
#include <vector>

#include "scenario/scenario.hpp"

namespace placesim {

// "file:line: key: message" for each: an intervention of a compared strategy that cannot run
// within the horizon, a strategy the file declares but does not compare, a compared strategy
// without interventions, and a targeting rule that cannot reach its cap.
std::vector<std::string> scenario_warnings(const Scenario& scenario);

}  // namespace placesim
