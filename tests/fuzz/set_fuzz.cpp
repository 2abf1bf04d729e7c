// Fuzz target: --set assignments. The input's lines are applied, in order, as --set options to
// the embedded default scenario; whatever they are, the result is either a checked scenario
// that reads back to itself (as in scenario_fuzz.cpp) or a ScenarioError naming the --set.
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>

#include "scenario/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  placesim::Scenario scenario = placesim::default_scenario();
  try {
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) placesim::apply_override(scenario, line);
    placesim::check_scenario(scenario);
  } catch (const placesim::ScenarioError&) {
    return 0;
  }
  const std::string resolved = placesim::resolved_toml(scenario);
  try {
    const placesim::Scenario again = placesim::load_scenario_text(resolved, "resolved.toml");
    placesim::check_scenario(again);
    if (placesim::resolved_toml(again) != resolved) {
      std::cerr << "--set round trip broken:\n" << resolved << "\n";
      std::abort();
    }
  } catch (const placesim::ScenarioError& e) {
    std::cerr << "the resolved text is refused: " << e.what() << "\n" << resolved << "\n";
    std::abort();
  }
  return 0;
}
