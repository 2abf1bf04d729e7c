#include "cli/output_file.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <system_error>

#include "cli/commands.hpp"
#include "experiment/experiment.hpp"
#include "io/results_check.hpp"

namespace placesim::cli {

namespace fs = std::filesystem;

namespace {

// "a FIFO", "a folder", ... for what lstat finds at a path; empty for a regular file or none.
std::string irregular_kind(const std::string& path) {
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0) return "";
  if (S_ISREG(info.st_mode)) return "";
  if (S_ISDIR(info.st_mode)) return "a folder";
  if (S_ISLNK(info.st_mode)) return "a symbolic link";
  if (S_ISFIFO(info.st_mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode)) return "a device";
  if (S_ISSOCK(info.st_mode)) return "a socket";
  return "not a regular file";
}

bool present(const std::string& path) {
  struct stat info {};
  return ::lstat(path.c_str(), &info) == 0;
}

// Whether a and b are one file (stat follows symbolic links); false when either is absent.
bool same_file(const std::string& a, const std::string& b) {
  struct stat first {}, second {};
  return ::stat(a.c_str(), &first) == 0 && ::stat(b.c_str(), &second) == 0 && first.st_dev == second.st_dev &&
         first.st_ino == second.st_ino;
}

bool has_control_character(const std::string& path) {
  for (const unsigned char c : path) {
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

// Whether the results file at `path` is the finished result of the journal's run: a kill
// between the final rename and the journal's removal leaves both, and the file then keeps the
// journal's provenance exactly.
bool finished_from(const ResultsCheck& file, const std::string& journal) {
  if (!file.readable) return false;
  try {
    const JournalContents contents = read_journal(journal);
    const auto& a = contents.header.provenance;
    const auto& b = file.identity.provenance;
    return resume_mismatch(contents.header, file.identity).empty() && a.created_utc == b.created_utc &&
           a.command_line == b.command_line && file.completed + file.failed == file.identity.layout.runs;
  } catch (const JournalError&) {
    return false;
  }
}

}  // namespace

void require_regular_or_absent(const std::string& path, const std::string& role) {
  if (const std::string kind = irregular_kind(path); !kind.empty()) {
    throw UsageError("cannot use " + path + " as " + role + ": it is " + kind +
                     ", and placesim writes and replaces only regular files; choose another file with -o");
  }
}

void require_not_an_input(const std::string& path, const std::vector<InputFile>& inputs) {
  for (const InputFile& input : inputs) {
    if (same_file(path, input.path)) {
      throw UsageError("cannot write " + path + ": it is " + input.role + " " + input.path +
                       ", which this command reads; choose another file with -o");
    }
  }
}

void require_no_input_inside(const std::string& folder, const std::vector<InputFile>& inputs) {
  std::error_code error;
  for (const InputFile& input : inputs) {
    const fs::path resolved = fs::canonical(input.path, error);
    if (error) continue;
    for (fs::path p = resolved.parent_path(); !p.empty(); p = p.parent_path()) {
      if (same_file(p.string(), folder)) {
        throw UsageError("cannot replace " + folder + ": it holds " + input.role + " " + input.path +
                         ", which this command reads; move it out first, or choose another output with -o");
      }
      if (p == p.root_path()) break;
    }
  }
}

OutputFile prepare_output(const OutputRequest& request) {
  OutputFile out;
  if (request.requested.empty()) {
    // The scenario's checks keep separators and control characters out of the name.
    out.path = "results/" + request.default_name + ".h5";
    std::error_code ignored;
    fs::create_directories("results", ignored);
  } else {
    out.path = request.requested;
  }
  if (has_control_character(out.path)) throw UsageError("the output path holds a control character; choose another");
  const std::string journal = journal_path(out.path);
  const std::string partial = partial_path(out.path);

  const fs::path parent = fs::path(out.path).parent_path();
  if (!parent.empty() && !fs::is_directory(parent)) {
    throw UsageError("cannot write " + out.path + ": the folder " + parent.string() + " does not exist");
  }
  require_regular_or_absent(out.path, "the results file");
  require_regular_or_absent(journal, "the journal");
  require_regular_or_absent(partial, "the partial results file");
  require_regular_or_absent(lock_path(out.path), "the lock file");
  for (const std::string& file : {out.path, journal, partial, lock_path(out.path)}) require_not_an_input(file, request.inputs);

  // Before anything of the output is read or changed: no other process may be writing it.
  try {
    out.lock.emplace(out.path, request.command_line);
  } catch (const OutputBusy& e) {
    throw UsageError(e.what());
  } catch (const std::runtime_error& e) {
    throw UsageError(e.what());
  }

  bool has_journal = present(journal);
  const bool has_output = present(out.path);
  std::optional<ResultsCheck> existing;
  if (has_output && (has_journal || request.resume)) existing = check_results_file(out.path, false);
  if (has_journal && has_output && finished_from(*existing, journal)) {
    // The run had finished; only its journal's removal was cut short.
    std::error_code ignored;
    fs::remove(journal, ignored);
    has_journal = false;
  }

  if (request.force) return out;  // start again: the journal is replaced, the file replaced at the end
  if (request.resume) {
    if (has_journal) {
      out.resume = true;  // run_experiment checks that the journal is this command's
      return out;
    }
    if (!has_output) return out;  // nothing to resume: a fresh run
    if (!existing->readable) {
      throw UsageError("cannot resume: " + existing->problem +
                       "; it was left as it is (choose another file with -o, or replace it with --force)");
    }
    if (const std::string why = resume_mismatch(existing->identity, request.identity); !why.empty()) {
      throw UsageError("cannot resume onto " + out.path + ": it holds the results of another run (" + why +
                       "); it was left as it is (choose another file with -o, or replace it with --force)");
    }
    out.complete = true;
    return out;
  }
  if (has_journal) {
    throw UsageError(journal + " holds an unfinished run of an earlier command: finish it with --resume (same "
                     "scenario and options), or start again with --force");
  }
  if (has_output) {
    throw UsageError(out.path + " exists and was left as it is; use --force to replace it, or -o to choose another file");
  }
  return out;
}

}  // namespace placesim::cli
