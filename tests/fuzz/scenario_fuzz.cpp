// Fuzz target: the scenario path, from bytes to a checked scenario and back. Any input is read
// as a scenario file; one that is accepted must print (resolved_toml) to text that reads
// back to the same resolved scenario, and pass the same checks. The only exception allowed
// out of the reader and the checks is ScenarioError, the one with a file, line and key: any
// other (a crash, std::bad_alloc, std::out_of_range) is a bug.
//
// Built with libFuzzer under AddressSanitizer and UndefinedBehaviorSanitizer by the `fuzz`
// preset (docs/testing.md); replayed over its corpus as an ordinary test by every build.
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>

#include "scenario/scenario.hpp"

namespace {

[[noreturn]] void fail(const std::string& what, const std::string& first, const std::string& second) {
  std::cerr << "scenario round trip broken: " << what << "\n--- resolved ---\n" << first << "\n--- read back ---\n"
            << second << "\n";
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  placesim::Scenario scenario;
  try {
    scenario = placesim::load_scenario_text(text, "fuzz.toml");
    placesim::check_scenario(scenario);
  } catch (const placesim::ScenarioError&) {
    return 0;  // refused with a message: what bad input should get
  }
  const std::string resolved = placesim::resolved_toml(scenario);
  placesim::Scenario again;
  try {
    again = placesim::load_scenario_text(resolved, "resolved.toml");
    placesim::check_scenario(again);
  } catch (const placesim::ScenarioError& e) {
    fail(std::string("the resolved text is refused: ") + e.what(), resolved, "");
  }
  const std::string twice = placesim::resolved_toml(again);
  if (twice != resolved) fail("the resolved text reads back differently", resolved, twice);
  return 0;
}
