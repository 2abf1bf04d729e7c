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

// This program's own path, for an analysis that runs it again (each wave, each round).
std::string this_program();

// A command whose analysis runs this program again keeps its work in a folder beside its output
// (OUTPUT.waves/, OUTPUT.rounds/), so that --resume continues it after a kill.
struct WorkFolderRequest {
  std::string command;     // names the messages: "calibrate", "run --until"
  std::string output;      // the command's output file
  std::string folder;      // its work folder
  std::string spec_name;   // the file in the folder that says what the work is of
  std::string spec;        // its text
  std::string unfinished;  // what the folder holds, e.g. "an unfinished calibration"
  std::string other;       // what it holds when the spec differs, e.g. "the rounds of another scenario"
  bool force = false;      // start again: remove the output and the folder
  bool resume = false;     // continue the folder's work (only of the same spec)
};

// Refuses (UsageError) to replace an existing output without force, or to touch unfinished
// work without resume or force, or to resume other work; then makes the folder and writes
// the spec into it. Returns the spec file's path.
std::string prepare_work_folder(const WorkFolderRequest& request);

}  // namespace placesim::cli
