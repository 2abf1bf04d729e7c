#include "cli/scenario_options.hpp"

namespace po = boost::program_options;

namespace placesim::cli {

void ScenarioOptions::add_to(po::options_description& options) {
  options.add_options()
      ("seed,s", po::value<std::uint64_t>(), "base seed (overrides simulation.seed)")
      ("replicates,r", po::value<int>(), "replicates (overrides simulation.replicates)")
      ("set", po::value(&sets_)->composing(),
       "KEY=VALUE: set any parameter, e.g. --set trust.decay=0.03 or --set sweep.samples=256 (repeatable)");
}

Scenario ScenarioOptions::load(const std::string& scenario_file, const po::variables_map& vm) const {
  Scenario scenario = scenario_file.empty() ? default_scenario() : load_scenario_file(scenario_file);
  for (const std::string& assignment : sets_) apply_override(scenario, assignment);
  if (vm.count("seed")) apply_override(scenario, "simulation.seed=" + std::to_string(vm["seed"].as<std::uint64_t>()));
  if (vm.count("replicates")) {
    apply_override(scenario, "simulation.replicates=" + std::to_string(vm["replicates"].as<int>()));
  }
  check_scenario(scenario);
  return scenario;
}

}  // namespace placesim::cli
