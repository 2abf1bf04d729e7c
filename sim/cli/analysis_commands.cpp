// placesim compare, discover and export: check the results file, then hand over to the analysis
// package (placesim_analysis.decision, .export), which owns the statistics and tables.
#include <algorithm>

#include "cli/adaptive_run.hpp"
#include "cli/analysis_handover.hpp"
#include "cli/commands.hpp"
#include "io/results_check.hpp"

namespace placesim::cli {

namespace {

// Checks the results file among the arguments (the first that is not an option or an
// option's value), then runs the analysis package's `command`.
int results_then_analysis(const std::string& command, const Args& args, const std::vector<std::string>& with_value) {
  analysis_package_dir(command);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") break;
    if (std::find(with_value.begin(), with_value.end(), a) != with_value.end()) {
      ++i;
      continue;
    }
    if (!a.empty() && a[0] != '-') {
      const ResultsCheck check = check_results_or_rounds(a, true);
      if (!check.readable) throw UsageError(command + ": " + check.problem);
      break;
    }
  }
  std::vector<std::string> words = {command};
  words.insert(words.end(), args.begin(), args.end());
  return run_analysis(command, words);
}

}  // namespace

int compare_command(const Args& args, const std::string& /*command_line*/) {
  return results_then_analysis("compare", args, {"--outcomes", "--at", "--over", "--format"});
}

int discover_command(const Args& args, const std::string& /*command_line*/) {
  return results_then_analysis("discover", args, {"--strategy", "--outcome", "--threshold", "--at", "--over", "--format"});
}

int export_command(const Args& args, const std::string& /*command_line*/) {
  return results_then_analysis("export", args, {"--outcomes", "--months", "--format", "-o", "--output"});
}

}  // namespace placesim::cli
