#pragma once
// Commands whose work is statistics (report, calibrate) hand over to the analysis package
// (analysis/placesim_analysis), run by Debian's Python: this finds the package and the
// interpreter, runs `python3 -m placesim_analysis ARGS...` as a child, and says what happened
// if it dies.
#include <string>
#include <vector>

#include "cli/output_file.hpp"
#include "io/output_lock.hpp"

namespace placesim::cli {

// The folder that holds placesim_analysis: $PLACESIM_ANALYSIS_DIR, else the copy installed
// beside the program, else the source tree's. Throws UsageError when it is not there.
std::string analysis_package_dir(const std::string& command);

// Runs the analysis package with `args` (its subcommand first) and returns its exit status. When
// it is interrupted, or fails (status 1), `continuation` (if any) says what was kept and how to
// continue.
int run_analysis(const std::string& command, const std::vector<std::string>& args, const std::string& continuation = "");

// This program's own path, for an analysis that runs it again (each wave, each round).
std::string this_program();

// A command whose analysis runs this program again keeps its work in a folder beside its output
// (OUTPUT.waves/, OUTPUT.rounds/), so that --resume continues it after a kill.
struct WorkFolderRequest {
  std::string command;       // names the messages: "calibrate", "run --until"
  std::string command_line;  // recorded in the lock; with --resume, the command that continues it
  std::string output;        // the command's output file
  std::string folder;        // its work folder
  std::string spec_name;     // the file in the folder that says what the work is of
  std::string spec;          // its text
  std::vector<std::string> provenance_keys;  // the spec's `KEY = ...` lines that say where its files were
                                             // named from, not what the work is: --resume ignores them
  std::vector<InputFile> inputs;  // the files the command reads, which it must never replace or remove
  std::string unfinished;    // what the folder holds, e.g. "an unfinished calibration"
  std::string other;         // what it holds when the spec differs, e.g. "the rounds of another scenario"
  std::string kept;          // what an interrupted command keeps there, e.g. "the finished waves and runs"
  bool force = false;        // start again: remove the output and the folder
  bool resume = false;       // continue the folder's work (only of the same spec)
};

struct WorkFolder {
  std::string spec_file;     // the spec's path in the folder
  OutputLock lock;           // on the output, held while the work runs: one command per output
  std::string continuation;  // what is kept, and the command that continues it (for run_analysis)
};

// Checks that the output and its folder are regular files and a folder of this command's, none
// of them an input; takes the output's lock; refuses to replace an existing output without
// force, to touch unfinished work without resume or force, or to resume other work; then makes
// the folder and writes the spec into it (whole, or not at all).
WorkFolder prepare_work_folder(const WorkFolderRequest& request);

}  // namespace placesim::cli
