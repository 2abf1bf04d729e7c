#include <boost/program_options.hpp>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/scenario_options.hpp"
#include "cli/options.hpp"
#include "scenario/scenario.hpp"

namespace po = boost::program_options;

namespace placesim::cli {

int validate_command(const Args& args, const std::string& /*command_line*/) {
  std::string scenario_file;
  std::vector<std::string> sets;
  po::options_description options(
      "Usage: placesim validate [SCENARIO] [options]\n\n"
      "Checks a scenario (the embedded default without one) and prints it fully resolved, as\n"
      "TOML: every parameter, defaults included, and the [sweep] if any. Exits 2 with a message naming the file, line\n"
      "and key when the scenario is not valid.\n\n"
      "Options");
  options.add_options()
      ("set", po::value(&sets)->composing(), "KEY=VALUE: set any parameter (repeatable)")
      ("help,h", "this help");
  po::variables_map vm = parse_options(args, options, scenario_file);
  if (vm.count("help")) {
    std::cout << options
              << "\nExample:\n  placesim validate scenarios/default.toml --set trust.decay=0.03 > resolved.toml\n";
    return kOk;
  }
  po::notify(vm);
  Scenario scenario = scenario_file.empty() ? default_scenario() : load_scenario_file(scenario_file);
  for (const std::string& assignment : sets) apply_override(scenario, assignment);
  check_scenario(scenario);
  print_warnings(scenario);
  std::cout << "# Resolved from " << scenario.source;
  for (const std::string& s : scenario.overrides) std::cout << " --set " << s;
  std::cout << "\n" << resolved_toml(scenario);
  return kOk;
}

}  // namespace placesim::cli
