#include "cli/output_file.hpp"

#include <filesystem>
#include <system_error>

#include "cli/commands.hpp"

namespace placesim::cli {

namespace fs = std::filesystem;

OutputFile prepare_output(const std::string& requested, const std::string& scenario_name, bool force) {
  OutputFile out;
  if (requested.empty()) {
    if (scenario_name.empty() || scenario_name.find('/') != std::string::npos) {
      throw UsageError("simulation.name \"" + scenario_name + "\" cannot name a file in results/; use -o FILE");
    }
    out.path = "results/" + scenario_name + ".h5";
    std::error_code ignored;
    fs::create_directories("results", ignored);
  } else {
    out.path = requested;
  }
  out.partial = out.path + ".partial";

  const fs::path parent = fs::path(out.path).parent_path();
  if (!parent.empty() && !fs::is_directory(parent)) {
    throw UsageError("cannot write " + out.path + ": the folder " + parent.string() + " does not exist");
  }
  if (fs::is_directory(out.path)) throw UsageError("cannot write " + out.path + ": it is a folder");
  if (fs::exists(out.path) && !force) {
    throw UsageError(out.path + " exists and was left as it is; use --force to replace it, or -o to choose another file");
  }
  if (fs::exists(out.partial) && !force) {
    throw UsageError(out.partial + " holds an unfinished run of an earlier command and was left as it is; "
                     "use --force to start again");
  }
  return out;
}

void publish(const OutputFile& output) {
  std::error_code error;
  fs::rename(output.partial, output.path, error);
  if (error) throw std::runtime_error("cannot rename " + output.partial + " to " + output.path + ": " + error.message());
}

}  // namespace placesim::cli
