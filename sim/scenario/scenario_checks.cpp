#include <cmath>
#include <cstdio>
#include <limits>

#include "model/place.hpp"
#include "scenario/memory_estimate.hpp"
#include "scenario/parameter_checks.hpp"
#include "scenario/scenario.hpp"
#include "scenario/sweep_reader.hpp"

namespace placesim {

namespace {

// A name plus ".h5.journal" and a shard suffix stays under the usual 255-byte limit.
constexpr std::size_t kMaxNameBytes = 200;

std::string gib(double bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f GiB", bytes / (1024.0 * 1024.0 * 1024.0));
  return text;
}
// Why a scenario name cannot name the default results file results/<name>.h5 (and its
// journal, partial and lock files beside it), or empty when it can.
std::string file_name_problem(const std::string& name) {
  if (name.empty()) return "is empty";
  if (name.size() > kMaxNameBytes) {
    return "is " + std::to_string(name.size()) + " bytes long; at most " + std::to_string(kMaxNameBytes) + " make a file name";
  }
  if (name == "." || name == "..") return "is not a file name";
  for (const unsigned char c : name) {
    if (c < 0x20 || c == 0x7f) return "holds a control character (such as a newline or NUL)";
    if (c == '/' || c == '\\') return "holds a path separator ('/' or '\\')";
  }
  return "";
}

}  // namespace

void check_scenario(const Scenario& scenario) {
  const Params& p = scenario.params;
  if (const std::string problem = file_name_problem(p.simulation.name); !problem.empty()) {
    throw ScenarioError(scenario.position_of("simulation.name"), "simulation.name",
                        "the name " + problem + ": it names the results file results/<name>.h5, so it must be a "
                        "file name (letters, digits, spaces, '-', '_', '.')");
  }
  // Sizes first: estimated before building anything.
  const MemoryEstimate need = estimate_run_memory(p);
  if (need.agents > std::numeric_limits<int>::max() / 2) {
    throw ScenarioError(scenario.position_of("population.roles"), "population.roles",
                        "the role counts add up to " + std::to_string(static_cast<long long>(need.agents)) +
                            " agents; at most " + std::to_string(std::numeric_limits<int>::max() / 2) +
                            " are supported");
  }
  const double memory = physical_memory_bytes();
  if (memory > 0 && need.bytes_per_run > 0.8 * memory) {
    const std::string key = need.largest_part.rfind("the monthly", 0) == 0 ? "simulation.months" : "population.roles";
    throw ScenarioError(scenario.position_of(key), key,
                        "one run would need about " + gib(need.bytes_per_run) + ", mostly " +
                            need.largest_part + "; this machine has " + gib(memory));
  }
  try {
    check_parameters(p);
  } catch (const ParameterError& e) {
    // When the fault lies in the file but an option changed what it meant (--set
    // place.neighbourhoods=1 leaves an intervention's neighbourhood 2 behind), say so.
    const SourcePosition where = scenario.position_of(e.key());
    std::string message = e.message();
    if (where.source.rfind("--", 0) != 0 && !scenario.overrides.empty()) {
      message += " (with";
      for (const std::string& assignment : scenario.overrides) message += " --set " + assignment;
      message += ")";
    }
    throw ScenarioError(where, e.key(), message);
  }
  check_sweep(scenario);
  check_posterior(scenario);
}

}  // namespace placesim
