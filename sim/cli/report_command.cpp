// placesim report: hands over to the analysis package (analysis/placesim_analysis), which owns
// the charts, tables and page; this command finds the package and Debian's Python, checks
// the results file, and says what happened if the analysis dies.

#include <algorithm>

#include <string>
#include <vector>

#include "cli/adaptive_run.hpp"
#include "cli/analysis_handover.hpp"
#include "cli/commands.hpp"
#include "io/calibration_reader.hpp"
#include "io/results_check.hpp"

namespace placesim::cli {

namespace {

// The results file among report's arguments (its one positional argument), or empty.
std::string results_argument(const Args& args) {
  static const std::vector<std::string> with_value = {"-o", "--output", "--months", "--formats"};
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") return "";
    if (std::find(with_value.begin(), with_value.end(), a) != with_value.end()) {
      ++i;
      continue;
    }
    if (!a.empty() && a[0] != '-') return a;
  }
  return "";
}

}  // namespace

int report_command(const Args& args, const std::string& /*command_line*/) {
  analysis_package_dir("report");  // a missing package is said before any file is checked
  // The results file is checked whole first, in a child process (io/results_check.hpp): a
  // damaged file is named here, before the analysis reads it.
  if (const std::string results = results_argument(args); !results.empty()) {
    const ResultsCheck check = check_results_or_rounds(results, true);
    // A calibration file (placesim calibrate) has a report of its own, in the analysis package,
    // and a check of its own.
    const bool calibration = check.problem.find("format is \"" + std::string(kCalibrationFormat) + "\"") != std::string::npos;
    if (calibration) {
      try {
        read_calibration_file(results);
      } catch (const std::runtime_error& e) {
        throw UsageError(std::string("report: ") + e.what());
      }
    } else if (!check.readable) {
      throw UsageError("report: " + check.problem);
    }
  }
  std::vector<std::string> words = {"report"};
  words.insert(words.end(), args.begin(), args.end());
  return run_analysis("report", words);
}

}  // namespace placesim::cli
