#include "cli/analysis_handover.hpp"

#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "cli/commands.hpp"

namespace placesim::cli {

namespace {

std::string environment_or(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

}  // namespace

std::string analysis_package_dir(const std::string& command) {
  // The copy installed beside the program (cmake --install puts it in ../share/placesim/analysis
  // of the executable's folder), else the source tree's the program was built from.
  std::error_code ignored;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ignored);
  const std::filesystem::path installed = exe.parent_path().parent_path() / "share" / "placesim" / "analysis";
  const bool is_installed = !exe.empty() && std::filesystem::exists(installed / "placesim_analysis", ignored);
  const std::string package_dir =
      environment_or("PLACESIM_ANALYSIS_DIR", is_installed ? installed.string() : std::string(PLACESIM_ANALYSIS_DIR));
  if (!std::filesystem::exists(std::filesystem::path(package_dir) / "placesim_analysis")) {
    throw UsageError(command + ": the analysis package is not in " + package_dir +
                     " (set PLACESIM_ANALYSIS_DIR to the folder that holds placesim_analysis)");
  }
  return package_dir;
}

// Python's isolated mode (-I) never imports from the working folder (`python3 -m` puts it first
// on the import path: a numpy.py or a placesim_analysis/ in a folder someone sent would run) and
// ignores PYTHONPATH (whose empty entries also mean the working folder) and the user's
// site-packages; the package's folder is the one path added, as the first argument.
constexpr const char* kStartAnalysis =
    "import sys; sys.path.insert(0, sys.argv.pop(1)); import runpy; "
    "runpy.run_module('placesim_analysis', run_name='__main__', alter_sys=True)";

int run_analysis(const std::string& command, const std::vector<std::string>& args) {
  // The analysis needs Debian's python3-h5py, numpy, pandas, matplotlib, xarray and sklearn,
  // which another python3 first on PATH may not have.
  const std::string python = environment_or("PLACESIM_PYTHON", "/usr/bin/python3");
  const std::string package_dir = std::filesystem::absolute(analysis_package_dir(command)).string();

  std::vector<std::string> words = {python, "-I", "-c", kStartAnalysis, package_dir};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  std::cout.flush();
  const pid_t parent = ::getpid();
  const pid_t child = ::fork();
  if (child == 0) {
    // The analysis dies with this process: a calibration killed with kill -9 must not leave its
    // analysis (and the runs it started) working on, holding their outputs' locks.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(kFailed);  // the parent died before prctl
    execv(python.c_str(), argv.data());
    std::cerr << "placesim: " << command << ": cannot start " << python << ": " << std::strerror(errno)
              << " (install python3 with scripts/deps.sh, or set PLACESIM_PYTHON)\n";
    ::_exit(kFailed);
  }
  if (child < 0) throw std::runtime_error(command + ": cannot start a process: " + std::strerror(errno));
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status)) {
    std::cerr << "placesim: " << command << ": the analysis stopped with signal " << WTERMSIG(status)
              << " (is the input file damaged? placesim info checks it)\n";
    return kFailed;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : kFailed;
}

std::string this_program() {
  std::error_code ignored;
  return std::filesystem::read_symlink("/proc/self/exe", ignored).string();
}

std::string prepare_work_folder(const WorkFolderRequest& r) {
  namespace fs = std::filesystem;
  std::error_code ignored;
  if (fs::exists(r.output, ignored) && !r.force) throw UsageError(r.command + ": " + r.output + " exists; --force replaces it");
  const fs::path spec_file = fs::path(r.folder) / r.spec_name;
  if (fs::exists(r.folder, ignored)) {
    if (r.force) {
      fs::remove_all(r.folder);
    } else if (!r.resume) {
      throw UsageError(r.command + ": " + r.folder + " holds " + r.unfinished + "; --resume continues it, --force starts again");
    } else {
      std::ifstream in(spec_file, std::ios::binary);
      std::stringstream there;
      there << in.rdbuf();
      if (there.str() != r.spec) throw UsageError(r.command + ": " + r.folder + " holds " + r.other + "; --force starts again");
    }
  }
  if (r.force) fs::remove(r.output, ignored);
  fs::create_directories(r.folder);
  if (!fs::exists(spec_file, ignored)) {
    std::ofstream out(spec_file, std::ios::binary);
    out << r.spec;
    if (!out.flush()) throw std::runtime_error(r.command + ": cannot write " + spec_file.string());
  }
  return spec_file.string();
}

}  // namespace placesim::cli
