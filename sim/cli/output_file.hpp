#pragma once
// Where results go, and the rules that protect what is already there: an existing results
// file is never overwritten unless asked (--force), and then only when it is a regular file;
// an unfinished run's journal is never discarded unless asked; --resume continues only a
// run of the same scenario; two processes never write one output (io/output_lock.hpp); and
// the results file appears only when every run is in.
#include <optional>
#include <string>
#include <vector>

#include "io/journal.hpp"
#include "io/output_lock.hpp"

namespace placesim::cli {

struct OutputFile {
  std::string path;        // the results file
  bool resume = false;     // continue the journal that is there
  bool complete = false;   // --resume, and the results file is already complete: nothing to do
  std::optional<OutputLock> lock;  // held until the command ends
};

// A file the command reads (its scenario, targets, results), with what it is, for messages.
struct InputFile {
  std::string path;
  std::string role;  // "the scenario file", ...
};

struct OutputRequest {
  std::string requested;     // -o, or empty
  std::string default_name;  // results/<default_name>.h5 without -o
  bool force = false;
  bool resume = false;
  std::string command_line;  // recorded in the lock, for another process's message
  JournalHeader identity;    // what this command would write (checked against what is there)
  std::vector<InputFile> inputs;  // what the command reads, which none of its outputs may replace
};

// Resolves the output path, takes its lock, and checks, before any work, that it can be
// written without losing anything. Throws UsageError.
OutputFile prepare_output(const OutputRequest& request);

// Refuses (UsageError) a path that is there but is not a regular file (a folder, a FIFO, a
// device, a symbolic link): PlaceSim writes and replaces only its own regular files.
void require_regular_or_absent(const std::string& path, const std::string& role);

// Refuses (UsageError) an output that is one of the command's inputs: the same file (device and
// inode, symbolic links followed), however either path is spelled.
void require_not_an_input(const std::string& path, const std::vector<InputFile>& inputs);

// Refuses (UsageError) to remove `folder` when an input lies inside it (by identity, as above).
void require_no_input_inside(const std::string& folder, const std::vector<InputFile>& inputs);

}  // namespace placesim::cli
