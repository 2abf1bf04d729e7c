// placesim report: hands over to the analysis package (analysis/placesim_analysis), which owns
// the charts, tables and page; this command finds the package and Debian's Python, checks
// the results file, and says what happened if the analysis dies.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "io/results_check.hpp"

namespace placesim::cli {

namespace {

std::string environment_or(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

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
  // The analysis needs Debian's python3-h5py, numpy, pandas, matplotlib and xarray, which
  // another python3 first on PATH may not have.
  const std::string python = environment_or("PLACESIM_PYTHON", "/usr/bin/python3");
  // The copy installed beside the program (cmake --install puts it in ../share/placesim/analysis
  // of the executable's folder), else the source tree's the program was built from.
  std::error_code ignored;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ignored);
  const std::filesystem::path installed = exe.parent_path().parent_path() / "share" / "placesim" / "analysis";
  const bool is_installed = !exe.empty() && std::filesystem::exists(installed / "placesim_analysis", ignored);
  const std::string package_dir =
      environment_or("PLACESIM_ANALYSIS_DIR", is_installed ? installed.string() : std::string(PLACESIM_ANALYSIS_DIR));
  if (!std::filesystem::exists(std::filesystem::path(package_dir) / "placesim_analysis")) {
    throw UsageError("report: the analysis package is not in " + package_dir +
                     " (set PLACESIM_ANALYSIS_DIR to the folder that holds placesim_analysis)");
  }
  std::string python_path = package_dir;
  if (const char* existing = std::getenv("PYTHONPATH"); existing && *existing) {
    python_path.append(":").append(existing);
  }
  setenv("PYTHONPATH", python_path.c_str(), 1);

  // The results file is checked whole first, in a child process (io/results_check.hpp): a
  // damaged file is named here, before the analysis reads it.
  if (const std::string results = results_argument(args); !results.empty()) {
    const ResultsCheck check = check_results_file(results, true);
    if (!check.readable) throw UsageError("report: " + check.problem);
  }

  std::vector<std::string> words = {python, "-m", "placesim_analysis", "report"};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  std::cout.flush();
  const pid_t child = ::fork();
  if (child == 0) {
    execv(python.c_str(), argv.data());
    std::cerr << "placesim: report: cannot start " << python << ": " << std::strerror(errno)
              << " (install python3 with scripts/deps.sh, or set PLACESIM_PYTHON)\n";
    ::_exit(kFailed);
  }
  if (child < 0) throw std::runtime_error(std::string("report: cannot start a process: ") + std::strerror(errno));
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status)) {
    std::cerr << "placesim: report: the analysis stopped with signal " << WTERMSIG(status)
              << " (is the results file damaged? placesim info checks it)\n";
    return kFailed;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : kFailed;
}

}  // namespace placesim::cli
