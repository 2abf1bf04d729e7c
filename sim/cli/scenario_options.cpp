#include "cli/scenario_options.hpp"

#include <iostream>
#include <utility>

#include "cli/commands.hpp"
#include "experiment/mpi/ranks.hpp"
#include "io/calibration_reader.hpp"
#include "scenario/scenario_warnings.hpp"

namespace po = boost::program_options;

namespace placesim::cli {

void ScenarioOptions::add_to(po::options_description& options) {
  options.add_options()
      ("seed,s", po::value<std::string>(), "base seed (overrides simulation.seed)")
      ("replicates,r", po::value<std::string>(), "replicates (overrides simulation.replicates)")
      ("set", po::value(&sets_)->composing(),
       "KEY=VALUE: set any parameter, e.g. --set trust.decay=0.03 or --set sweep.samples=256 (repeatable)")
      ("posterior", po::value(&posterior_),
       "CALIBRATION.h5: replicate r runs with posterior draw r mod draws of placesim calibrate's sample, paired "
       "across strategies (use as many replicates as draws to use them all)");
}

void print_warnings(const Scenario& scenario) {
  if (rank() != 0) return;
  for (const std::string& warning : scenario_warnings(scenario)) std::cerr << "placesim: warning: " << warning << "\n";
}

Scenario ScenarioOptions::load(const std::string& scenario_file, const po::variables_map& vm) const {
  Scenario scenario = scenario_file.empty() ? default_scenario() : load_scenario_file(scenario_file);
  for (const std::string& assignment : sets_) apply_override(scenario, assignment);
  // Read as text and checked like any value of the key, so that "-1" is out of range rather
  // than wrapped round to a huge unsigned number.
  for (const auto& [option, key] : {std::pair{"seed", "simulation.seed"}, std::pair{"replicates", "simulation.replicates"}}) {
    if (!vm.count(option)) continue;
    const std::string text = vm[option].as<std::string>();
    apply_override(scenario, std::string(key) + "=" + text, "--" + std::string(option) + " " + text);
  }
  if (!posterior_.empty()) {
    try {
      scenario.posterior = read_posterior_file(posterior_);
    } catch (const std::runtime_error& e) {
      throw UsageError(std::string("--posterior: ") + e.what());
    }
    scenario.posterior.where = {"--posterior " + posterior_, 0, 0};
  }
  check_scenario(scenario);
  if (!vm.count("quiet")) print_warnings(scenario);  // --quiet: nothing but errors
  return scenario;
}

}  // namespace placesim::cli
