#include "cli/output_file.hpp"

#include <filesystem>
#include <system_error>

#include "cli/commands.hpp"
#include "experiment/experiment.hpp"

namespace placesim::cli {

namespace fs = std::filesystem;

OutputFile prepare_output(const std::string& requested, const std::string& default_name, bool force, bool resume) {
  OutputFile out;
  if (requested.empty()) {
    if (default_name.empty() || default_name.find('/') != std::string::npos) {
      throw UsageError("simulation.name \"" + default_name + "\" cannot name a file in results/; use -o FILE");
    }
    out.path = "results/" + default_name + ".h5";
    std::error_code ignored;
    fs::create_directories("results", ignored);
  } else {
    out.path = requested;
  }
  const std::string journal = journal_path(out.path);

  const fs::path parent = fs::path(out.path).parent_path();
  if (!parent.empty() && !fs::is_directory(parent)) {
    throw UsageError("cannot write " + out.path + ": the folder " + parent.string() + " does not exist");
  }
  if (fs::is_directory(out.path)) throw UsageError("cannot write " + out.path + ": it is a folder");
  const bool has_journal = fs::exists(journal);
  if (force) return out;  // start again: the journal is replaced, the file replaced at the end
  if (resume) {
    out.resume = has_journal;
    out.complete = !has_journal && fs::exists(out.path);
    return out;
  }
  if (has_journal) {
    throw UsageError(journal + " holds an unfinished run of an earlier command: finish it with --resume (same "
                     "scenario and options), or start again with --force");
  }
  if (fs::exists(out.path)) {
    throw UsageError(out.path + " exists and was left as it is; use --force to replace it, or -o to choose another file");
  }
  return out;
}

}  // namespace placesim::cli
