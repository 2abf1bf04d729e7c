// placesim compare: checks the results file, then hands over to the analysis package
// (placesim_analysis.decision), which owns the statistics.
#include <algorithm>

#include "cli/analysis_handover.hpp"
#include "cli/commands.hpp"
#include "io/results_check.hpp"

namespace placesim::cli {

int compare_command(const Args& args, const std::string& /*command_line*/) {
  analysis_package_dir("compare");
  static const std::vector<std::string> with_value = {"--outcomes", "--at", "--over", "--format"};
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") break;
    if (std::find(with_value.begin(), with_value.end(), a) != with_value.end()) {
      ++i;
      continue;
    }
    if (!a.empty() && a[0] != '-') {
      const ResultsCheck check = check_results_file(a, true);
      if (!check.readable) throw UsageError("compare: " + check.problem);
      break;
    }
  }
  std::vector<std::string> words = {"compare"};
  words.insert(words.end(), args.begin(), args.end());
  return run_analysis("compare", words);
}

}  // namespace placesim::cli
