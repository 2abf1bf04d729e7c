#pragma once
// Where results go, and the rules that protect what is already there: an existing results
// file is never overwritten unless asked (--force), and results are written under a
// temporary name that is renamed only when every run is complete.
#include <string>

namespace placesim::cli {

struct OutputFile {
  std::string path;     // the final name
  std::string partial;  // written to until complete
};

// Resolves -o (or results/<name>.h5) and checks, before any work, that the file can be
// written without losing anything. Throws UsageError.
OutputFile prepare_output(const std::string& requested, const std::string& scenario_name, bool force);

// Renames the finished file to its final name.
void publish(const OutputFile& output);

}  // namespace placesim::cli
