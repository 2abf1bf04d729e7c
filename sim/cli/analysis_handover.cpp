#include "cli/analysis_handover.hpp"

#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "cli/commands.hpp"
#include "cli/interruption.hpp"
#include "cli/output_file.hpp"

namespace placesim::cli {

namespace {

std::string environment_or(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

// The interrupting signal that stopped the analysis: one this process received, or one the
// analysis stopped by (killed by it, or exiting with 128 + it after cleaning up), else 0.
int interrupted_by(int status, int received) {
  if (received != 0) return received;
  for (const int signal : {SIGINT, SIGTERM, SIGHUP}) {
    if ((WIFSIGNALED(status) && WTERMSIG(status) == signal) || (WIFEXITED(status) && WEXITSTATUS(status) == 128 + signal)) {
      return signal;
    }
  }
  return 0;
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

int run_analysis(const std::string& command, const std::vector<std::string>& args, const std::string& continuation) {
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
  ChildInterruption interruption;
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
  interruption.watch(child);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  const std::string then = continuation.empty() ? "" : "; " + continuation;
  if (const int signal = interrupted_by(status, ChildInterruption::received()); signal != 0) {
    std::cerr << "placesim: " << command << " interrupted by " << signal_name(signal) << then << "\n";
    return 128 + signal;
  }
  if (WIFSIGNALED(status)) {
    std::cerr << "placesim: " << command << ": the analysis stopped with signal " << WTERMSIG(status)
              << (continuation.empty() ? " (is the input file damaged? placesim info checks it)" : then) << "\n";
    return kFailed;
  }
  const int exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : kFailed;
  if (exit_status == kFailed && !continuation.empty()) std::cerr << "placesim: " << continuation << "\n";
  return exit_status;
}

std::string this_program() {
  std::error_code ignored;
  return std::filesystem::read_symlink("/proc/self/exe", ignored).string();
}

namespace {

// The spec without the lines that say where its files were named from (`KEY = ...` for a
// provenance key): the same work compares equal however its files were named or moved.
std::string without_provenance(const std::string& spec, const std::vector<std::string>& keys) {
  std::istringstream lines(spec);
  std::string line, kept;
  while (std::getline(lines, line)) {
    const bool provenance =
        std::any_of(keys.begin(), keys.end(), [&](const std::string& key) { return line.rfind(key + " = ", 0) == 0; });
    if (!provenance) kept += line + "\n";
  }
  return kept;
}

// Whether `folder` holds nothing but (perhaps) `file`: a work folder whose spec was never
// written whole (a full disk, a kill), which holds no work.
bool holds_at_most(const std::string& folder, const std::string& file) {
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    if (entry.path() != std::filesystem::path(file)) return false;
  }
  return !error;
}

// Writes `text` to `path` whole or not at all: to a temporary beside it, renamed into place.
void write_whole(const std::filesystem::path& path, const std::string& text, const std::string& command) {
  const std::filesystem::path partial = path.string() + ".partial";
  std::ofstream out(partial, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  std::error_code error;
  if (!out) error = std::error_code(errno, std::generic_category());
  if (!error) std::filesystem::rename(partial, path, error);
  if (error) {
    std::filesystem::remove(partial);
    throw std::runtime_error(command + ": cannot write " + path.string() + ": " + error.message());
  }
}

}  // namespace

WorkFolder prepare_work_folder(const WorkFolderRequest& r) {
  namespace fs = std::filesystem;
  std::error_code ignored;
  const fs::path spec_file = fs::path(r.folder) / r.spec_name;
  // What is there is checked, and the output locked, before anything is read or removed.
  require_regular_or_absent(r.output, "the output");
  require_regular_or_absent(r.output + ".partial", "the partial output");
  require_regular_or_absent(lock_path(r.output), "the lock file");
  for (const std::string& file : {r.output, r.output + ".partial", lock_path(r.output)}) require_not_an_input(file, r.inputs);
  struct stat folder_info {};
  const bool has_folder = ::lstat(r.folder.c_str(), &folder_info) == 0;
  if (has_folder && !S_ISDIR(folder_info.st_mode)) {
    throw UsageError(r.command + ": cannot use " + r.folder + " as its work folder: it is not a folder; choose another output "
                     "with -o");
  }
  std::optional<OutputLock> lock;
  try {
    lock.emplace(r.output, r.command_line);
  } catch (const std::runtime_error& e) {  // OutputBusy: another command is writing it
    throw UsageError(e.what());
  }

  if (fs::exists(r.output, ignored) && !r.force) throw UsageError(r.command + ": " + r.output + " exists; --force replaces it");
  const bool has_work = fs::exists(spec_file, ignored);
  if (has_folder && !has_work && !holds_at_most(r.folder, spec_file.string() + ".partial")) {
    throw UsageError(r.command + ": " + r.folder + " is not a work folder of placesim " + r.command + " (it holds no " +
                     r.spec_name + "); move it away, or choose another output with -o");
  }
  if (has_work) {
    if (r.force) {
      require_no_input_inside(r.folder, r.inputs);
      fs::remove_all(r.folder);
    } else if (!r.resume) {
      throw UsageError(r.command + ": " + r.folder + " holds " + r.unfinished + "; --resume continues it, --force starts again");
    } else {
      std::ifstream in(spec_file, std::ios::binary);
      std::stringstream there;
      there << in.rdbuf();
      if (without_provenance(there.str(), r.provenance_keys) != without_provenance(r.spec, r.provenance_keys)) {
        throw UsageError(r.command + ": " + r.folder + " holds " + r.other + "; --force starts again");
      }
    }
  }
  if (r.force) fs::remove(r.output, ignored);
  fs::create_directories(r.folder);
  if (!fs::exists(spec_file, ignored)) write_whole(spec_file, r.spec, r.command);
  return WorkFolder{spec_file.string(), std::move(*lock),
                    r.kept + " are kept in " + r.folder + "; continue with: " + resume_command(r.command_line)};
}

}  // namespace placesim::cli
