#include <iostream>

#include "cli/commands.hpp"
#include "io/metric_reference.hpp"

namespace placesim::cli {

int metrics_command(const Args& args, const std::string& /*command_line*/) {
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    std::cout << "Usage: placesim metrics\n\n"
                 "Prints every metric a results file holds (under /metrics), as a markdown table: its\n"
                 "dimensions, units, range, whether it is a key outcome (the outcomes a comparison of\n"
                 "strategies leads with), and its meaning. docs/results.md shows the same table.\n";
    return kOk;
  }
  if (!args.empty()) throw UsageError("metrics takes no arguments (placesim metrics --help)");
  write_metric_reference(std::cout);
  return kOk;
}

}  // namespace placesim::cli
