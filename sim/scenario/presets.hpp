#pragma once
// The built-in interventions and strategies: scenarios/presets/presets.toml, compiled into the program
// and read, through the same reader as a user's scenario, over the registry's defaults. Every
// list of presets (the default scenario's strategies, `placesim presets`, the docs, the tests)
// derives from that file.
#include <string>
#include <vector>

#include "model/params.hpp"

namespace placesim {

inline constexpr const char* kPresetsSource = "<built-in presets>";
// In simulation.strategies: every preset strategy (all but the baseline), in the file's order.
inline constexpr const char* kAllPresets = "all_presets";

// The text of scenarios/presets/presets.toml.
const std::string& presets_text();

// The registry's defaults with the presets read over them: what every scenario starts from.
const Params& default_params();

// The interventions presets.toml declares, and its strategies, in its order.
const std::vector<std::string>& preset_names();
const std::vector<std::string>& built_in_strategy_names();

// Replaces kAllPresets in a list of strategies by the built-in strategies other than the
// baseline (those not listed already), in order.
std::vector<std::string> expand_all_presets(const std::vector<std::string>& strategies);

}  // namespace placesim
