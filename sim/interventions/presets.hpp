#pragma once
// The registry tables of interventions (the presets are its default rows) and strategies.
#include <memory>

#include "scenario/registry.hpp"

namespace placesim {

std::unique_ptr<Table> interventions_table();
std::unique_ptr<Table> strategies_table();

}  // namespace placesim
