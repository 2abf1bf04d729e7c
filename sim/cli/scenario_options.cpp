#include "cli/scenario_options.hpp"

#include <algorithm>
#include <iostream>
#include <utility>

#include "cli/commands.hpp"
#include "experiment/mpi/ranks.hpp"
#include "io/calibration_reader.hpp"
#include "scenario/scenario_difference.hpp"
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

namespace {

// A posterior holds for the place it was calibrated on: every parameter of the calibration's
// scenario must be the same here, but what a comparison is free to choose (simulation.*: its
// strategies, replicates, seed, months), the calibrated keys themselves (each run takes them
// from its draw), and interventions and strategies of its own (rows the calibration did not
// have). Anything else is refused, naming what differs.
void require_calibrated_place(const Scenario& scenario, const CalibrationFile& calibration, const std::string& path) {
  if (calibration.scenario.empty()) return;  // nothing to compare with
  Scenario calibrated;
  try {
    calibrated = load_scenario_text(calibration.scenario, path + " (its scenario)");
  } catch (const ScenarioError& e) {
    throw UsageError("--posterior: cannot read the scenario " + path + " was calibrated on: " + e.what());
  }
  const auto& keys = calibration.posterior.keys;
  std::vector<std::string> lines;
  for (const ParameterDifference& d : parameter_differences(scenario.params, calibrated.params)) {
    if (d.key.rfind("simulation.", 0) == 0 || std::find(keys.begin(), keys.end(), d.key) != keys.end()) continue;
    if (d.there.empty() && (d.table == "interventions" || d.table == "strategies")) continue;
    if (d.there.empty()) lines.push_back(d.key + ": a row here only");
    else if (d.here.empty()) lines.push_back(d.key + ": a row of the calibration's only");
    else lines.push_back(d.key + " = " + d.here + " here, " + d.there + " in the calibration");
  }
  if (lines.empty()) return;
  constexpr std::size_t kShown = 5;
  std::string text;
  for (std::size_t i = 0; i < lines.size() && i < kShown; ++i) text += "\n  " + lines[i];
  if (lines.size() > kShown) text += "\n  ... and " + std::to_string(lines.size() - kShown) + " more";
  throw UsageError("--posterior: " + path + " was calibrated on another place; a posterior holds only for the scenario "
                   "it was calibrated on (its root attribute 'scenario'). Run that scenario, or calibrate this one. "
                   "What differs:" + text);
}

}  // namespace

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
    CalibrationFile calibration;
    try {
      calibration = read_calibration_file(posterior_);
    } catch (const std::runtime_error& e) {
      throw UsageError(std::string("--posterior: ") + e.what());
    }
    if (calibration.posterior.empty()) {
      throw UsageError("--posterior: " + posterior_ + " holds no posterior" +
                       (calibration.status == "all_implausible" ? ": its calibration found every point implausible" : ""));
    }
    require_calibrated_place(scenario, calibration, posterior_);
    scenario.posterior = calibration.posterior;
    scenario.posterior.where = {"--posterior " + posterior_, 0, 0};
  }
  check_scenario(scenario);
  if (!vm.count("quiet")) print_warnings(scenario);  // --quiet: nothing but errors
  return scenario;
}

}  // namespace placesim::cli
