#include "scenario/presets.hpp"

#include <algorithm>

#include "scenario/registry.hpp"
#include "scenario/scenario.hpp"

namespace placesim {

namespace {

// presets.toml read over the registry's defaults: the one reading every other function here
// draws on.
const Scenario& presets_scenario() {
  static const Scenario presets = load_scenario_text(presets_text(), kPresetsSource, Registry::instance().defaults());
  return presets;
}

template <class Rows>
std::vector<std::string> names_of(const Rows& rows) {
  std::vector<std::string> names;
  for (const auto& row : rows) names.push_back(row.name);
  return names;
}

}  // namespace

const Params& default_params() { return presets_scenario().params; }

const std::vector<std::string>& preset_names() {
  static const std::vector<std::string> names = names_of(default_params().interventions);
  return names;
}

const std::vector<std::string>& built_in_strategy_names() {
  static const std::vector<std::string> names = names_of(default_params().strategies);
  return names;
}

std::vector<std::string> expand_all_presets(const std::vector<std::string>& strategies) {
  std::vector<std::string> expanded;
  for (const std::string& name : strategies) {
    if (name != kAllPresets) {
      expanded.push_back(name);
      continue;
    }
    for (const std::string& built_in : built_in_strategy_names()) {
      // The strategies that run a preset: all but those with no intervention (the baseline).
      const auto& rows = default_params().strategies;
      const auto row = std::find_if(rows.begin(), rows.end(), [&](const StrategySpec& s) { return s.name == built_in; });
      if (row->interventions.empty()) continue;
      if (std::find(strategies.begin(), strategies.end(), built_in) != strategies.end()) continue;
      expanded.push_back(built_in);
    }
  }
  return expanded;
}

}  // namespace placesim
