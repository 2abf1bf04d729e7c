#pragma once
// Commands whose work is statistics (report, calibrate) hand over to the analysis package
// (analysis/placesim_analysis), run by Debian's Python: this finds the package and the
// interpreter, runs `python3 -m placesim_analysis ARGS...` as a child, and says what happened
// if it dies.
#include <string>
#include <vector>

namespace placesim::cli {

// The folder that holds placesim_analysis: $PLACESIM_ANALYSIS_DIR, else the copy installed
// beside the program, else the source tree's. Throws UsageError when it is not there.
std::string analysis_package_dir(const std::string& command);

// Runs the analysis package with `args` (its subcommand first) and returns its exit status.
int run_analysis(const std::string& command, const std::vector<std::string>& args);

}  // namespace placesim::cli
