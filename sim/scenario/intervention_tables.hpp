#pragma once
// The registry tables of interventions (the presets are its default rows) and strategies.
#include <memory>
#include <ostream>

#include "scenario/registry.hpp"

namespace placesim {

std::unique_ptr<Table> interventions_table();
std::unique_ptr<Table> strategies_table();

// The presets side by side, as a markdown table (docs/interventions.md).
void write_preset_comparison(std::ostream& out);

}  // namespace placesim
