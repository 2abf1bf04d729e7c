#pragma once
// The options that choose and adjust a scenario, shared by the commands that run one
// (run, plan): SCENARIO, --set, --seed, --replicates, --posterior.
#include <boost/program_options.hpp>

#include <string>
#include <vector>

#include "scenario/scenario.hpp"

namespace placesim::cli {

// Prints the scenario's warnings (scenario/scenario_warnings.hpp) to stderr, once in an MPI job.
void print_warnings(const Scenario& scenario);

class ScenarioOptions {
 public:
  void add_to(boost::program_options::options_description& options);
  // Reads the scenario file (the embedded default when empty), applies the options, checks the
  // result, and prints its warnings unless the command's --quiet is set.
  Scenario load(const std::string& scenario_file, const boost::program_options::variables_map& vm) const;

 private:
  std::vector<std::string> sets_;
  std::string posterior_;
};

}  // namespace placesim::cli
