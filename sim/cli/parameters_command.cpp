#include <iostream>

#include "cli/commands.hpp"
#include "scenario/reference.hpp"

namespace placesim::cli {

int parameters_command(const Args& args, const std::string& /*command_line*/) {
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    std::cout << "Usage: placesim parameters\n\n"
                 "Prints every parameter with its type, default, range, unit, meaning and source,\n"
                 "as markdown (docs/scenarios.md is made from it).\n\n"
                 "Example:\n  placesim parameters > parameters.md\n";
    return kOk;
  }
  if (!args.empty()) throw UsageError("parameters takes no arguments (try placesim parameters --help)");
  write_parameter_reference(std::cout);
  return kOk;
}

}  // namespace placesim::cli
