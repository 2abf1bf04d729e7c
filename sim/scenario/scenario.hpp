#pragma once
// A scenario: the parameters a scenario file (or the embedded default) sets over the
// defaults (the registry's, with the presets read over them: scenario/presets.hpp), with where
// each key was set, for error messages.
#include <map>
#include <string>
#include <vector>

#include "model/params.hpp"
#include "scenario/posterior.hpp"
#include "scenario/scenario_error.hpp"
#include "scenario/sweep.hpp"

namespace placesim {

struct Scenario {
  Params params;
  std::string source;  // the file read, or "<embedded default>"
  std::string text;    // the scenario text as read
  std::vector<std::string> overrides;               // --set assignments, in order
  std::map<std::string, SourcePosition> positions;  // key path -> where it was set
  Sweep sweep;                                      // the [sweep] section; design None without one
  PosteriorDraws posterior;                         // the [posterior] section; empty without one

  // Where a key (or the nearest enclosing key that was set) came from; the scenario's own
  // source when it was never set (a default).
  SourcePosition position_of(const std::string& key) const;
};

inline constexpr const char* kEmbeddedDefaultName = "<embedded default>";

// The text of scenarios/default.toml, compiled into the program.
const std::string& embedded_default_text();

// Reads and validates a scenario; throws ScenarioError naming the file, line and key.
Scenario load_scenario_file(const std::string& path);
Scenario load_scenario_text(const std::string& text, const std::string& source);
// The same, read over `base` rather than the defaults (the presets are read this way).
Scenario load_scenario_text(const std::string& text, const std::string& source, Params base);
Scenario default_scenario();

// Applies "key.path=value" (the value in TOML syntax; a bare word is taken as a string for
// text keys), validated like a scenario file.
void apply_override(Scenario& scenario, const std::string& assignment);
// The same, naming `source` (an option such as "--seed 7") in its errors.
void apply_override(Scenario& scenario, const std::string& assignment, const std::string& source);

// Checks what single keys cannot show: that the parameters make a place, that a run fits in
// this machine's memory, and that the sweep is complete. Throws ScenarioError at the key at
// fault.
void check_scenario(const Scenario& scenario);

// Every parameter, as a scenario file that reads back to the same parameters.
std::string resolved_toml(const Params& params);
// The same with the scenario's [sweep] section: a file that reads back to the same scenario.
std::string resolved_toml(const Scenario& scenario);

}  // namespace placesim
