#include <boost/program_options.hpp>

#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output_file.hpp"
#include "io/output_lock.hpp"
#include "io/results_check.hpp"
#include "io/shard_merge.hpp"

namespace po = boost::program_options;

namespace placesim::cli {

int merge_command(const Args& args, const std::string& command_line) {
  std::vector<std::string> files;
  po::options_description options(
      "Usage: placesim merge OUT SHARD...\n\n"
      "Joins the files of `placesim run --shard I/N` (every I from 1 to N, in any order) into\n"
      "OUT, equal to the file one process would have written. Shards of another scenario,\n"
      "program or shard count are refused.\n\n"
      "Options");
  options.add_options()
      ("force", "replace OUT if it exists")
      ("quiet,q", "print nothing but errors")
      ("help,h", "this help");
  po::variables_map vm = parse_options(args, options, files);
  if (vm.count("help")) {
    std::cout << options
              << "\nExample:\n  placesim merge results/sweep.h5 results/sweep-shard-*-of-8.h5\n";
    return kOk;
  }
  po::notify(vm);
  if (files.size() < 2) throw UsageError("merge needs an output file and at least one shard (placesim merge OUT SHARD...)");
  const std::string output = files.front();
  const std::vector<std::string> shards(files.begin() + 1, files.end());
  std::vector<InputFile> inputs;
  for (const std::string& shard : shards) {
    if (shard == output) throw UsageError(output + " is both the output and a shard");
    if (!std::filesystem::exists(shard)) throw UsageError("no such shard file: " + shard);
    inputs.push_back({shard, "the shard"});
  }
  require_regular_or_absent(output, "the merged file");
  require_regular_or_absent(output + ".partial", "the partial merged file");
  for (const std::string& file : {output, output + ".partial", lock_path(output)}) require_not_an_input(file, inputs);
  std::optional<OutputLock> lock;
  try {
    lock.emplace(output, command_line);
  } catch (const std::runtime_error& e) {
    throw UsageError(e.what());
  }
  if (std::filesystem::exists(output) && !vm.count("force")) {
    throw UsageError(output + " exists and was left as it is; use --force to replace it");
  }
  // Every shard read back whole, checksums included, before one byte is merged: a damaged
  // shard is named, never copied into the merged file.
  for (const std::string& shard : shards) {
    const ResultsCheck check = check_results_file(shard, true);
    if (!check.readable) throw UsageError("cannot merge: " + check.problem);
  }
  MergeReport report;
  try {
    report = merge_shards(output, shards, command_line);
  } catch (const MergeError& e) {
    throw UsageError(e.what());
  }
  if (!vm.count("quiet")) {
    std::cout << "Merged " << report.shards << " shards: " << report.runs << " runs";
    if (report.failed) std::cout << " (" << report.failed << " failed)";
    std::cout << " -> " << output << "\n";
  }
  return kOk;
}

}  // namespace placesim::cli
