// placesim report: hands over to the analysis package (analysis/placesim_analysis), which owns
// the charts, tables and page; this command only finds the package and Debian's Python.
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace placesim::cli {

namespace {

std::string environment_or(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

}  // namespace

int report_command(const Args& args) {
  // The analysis needs Debian's python3-h5py, numpy, pandas, matplotlib and xarray, which
  // another python3 first on PATH may not have.
  const std::string python = environment_or("PLACESIM_PYTHON", "/usr/bin/python3");
  const std::string package_dir = environment_or("PLACESIM_ANALYSIS_DIR", PLACESIM_ANALYSIS_DIR);
  if (!std::filesystem::exists(std::filesystem::path(package_dir) / "placesim_analysis")) {
    throw UsageError("report: the analysis package is not in " + package_dir +
                     " (set PLACESIM_ANALYSIS_DIR to the folder that holds placesim_analysis)");
  }
  std::string python_path = package_dir;
  if (const char* existing = std::getenv("PYTHONPATH"); existing && *existing) {
    python_path.append(":").append(existing);
  }
  setenv("PYTHONPATH", python_path.c_str(), 1);

  std::vector<std::string> words = {python, "-m", "placesim_analysis", "report"};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  std::cout.flush();
  execv(python.c_str(), argv.data());
  std::cerr << "placesim: report: cannot start " << python << ": " << std::strerror(errno)
            << " (install python3 with scripts/deps.sh, or set PLACESIM_PYTHON)\n";
  return kFailed;
}

}  // namespace placesim::cli
