#pragma once
// Where results go, and the rules that protect what is already there: an existing results
// file is never overwritten unless asked (--force), an unfinished run's journal is never
// discarded unless asked, and the results file appears only when every run is in.
#include <string>

namespace placesim::cli {

struct OutputFile {
  std::string path;        // the results file
  bool resume = false;     // continue the journal that is there
  bool complete = false;   // --resume, and the results file is already complete: nothing to do
};

// Resolves -o (or results/<name>.h5, or results/<name>-shard-I-of-N.h5 for a shard) and
// checks, before any work, that it can be written without losing anything. Throws
// UsageError.
OutputFile prepare_output(const std::string& requested, const std::string& default_name, bool force, bool resume);

}  // namespace placesim::cli
