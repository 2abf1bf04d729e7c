#include <boost/program_options.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>

#include "cli/adaptive_run.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "experiment/experiment.hpp"
#include "io/results_check.hpp"
#include "io/results_reader.hpp"
#include "io/rounds_file.hpp"
#include "scenario/user_file.hpp"

namespace po = boost::program_options;

namespace placesim::cli {

namespace {

constexpr std::size_t kFailuresShown = 10;

// An unfinished run: what its journal holds.
void describe_journal(const std::string& path) {
  const JournalContents journal = read_journal(path);
  const auto& h = journal.header;
  const auto& layout = h.layout;
  const int first = h.shard.first_block(layout.blocks());
  const int end = h.shard.end_block(layout.blocks());
  int shard_runs = 0, done = 0, failed = 0;
  for (int b = first; b < end; ++b) shard_runs += layout.runs_in(b);
  std::vector<bool> seen(static_cast<std::size_t>(layout.blocks()), false);
  for (const JournalEntry& e : journal.entries) {
    if (e.block < 0 || e.block >= layout.blocks() || seen[static_cast<std::size_t>(e.block)]) continue;
    seen[static_cast<std::size_t>(e.block)] = true;
    done += layout.runs_in(e.block);
    const EncodedBlock block = read_journal_block(path, e);
    for (std::uint8_t f : block.failed) failed += f;
  }
  std::cout << path << "\n"
            << "  an unfinished run (a journal): finish it with the same command and --resume\n"
            << "  program     placesim " << h.provenance.program_version << " (commit " << h.provenance.git_commit << ")\n"
            << "  started     " << h.provenance.created_utc << "\n"
            << "  command     " << h.provenance.command_line << "\n"
            << "  runs        " << done << " of " << shard_runs << " done";
  if (failed) std::cout << " (" << failed << " failed)";
  if (h.shard.count > 1) std::cout << ", shard " << h.shard.index << " of " << h.shard.count;
  std::cout << "\n";
  if (journal.file_length > journal.intact_length) {
    std::cout << "  the last " << journal.file_length - journal.intact_length
              << " bytes are an incomplete block (the process stopped while writing it); --resume reruns it\n";
  }
}

// A journal, whatever its name: by its first bytes. (What cannot be read is no journal; the
// results-file check then says why.)
bool is_journal(const std::string& path) {
  try {
    return read_at_most(path, 16).rfind("PLACESIM-JOURNAL", 0) == 0;
  } catch (const UnreadableFile&) {
    return false;
  }
}

}  // namespace

int info_command(const Args& args, const std::string& command_line) {
  std::string path;
  po::options_description options(
      "Usage: placesim info RESULTS.h5\n\n"
      "Describes a results file: provenance, runs (completed, failed, missing), months, the\n"
      "design and every metric with its dimensions and units. Given an unfinished run (its\n"
      "FILE.journal, or FILE when only the journal exists), says how far it got. Every chunk\n"
      "of the metrics is checked against its checksum first: a damaged file is named as such.\n\n"
      "Options");
  options.add_options()
      ("no-verify", "skip checking every metric chunk against its checksum (faster on very large files)")
      ("help,h", "this help");
  po::variables_map vm = parse_options(args, options, path);
  if (vm.count("help")) {
    std::cout << options << "\nExample:\n  placesim info results/default.h5\n";
    return kOk;
  }
  po::notify(vm);
  if (path.empty()) throw UsageError("info needs a results file (placesim info RESULTS.h5)");

  const bool journal = is_journal(path);
  if (journal || (!std::filesystem::exists(path) && std::filesystem::exists(journal_path(path)))) {
    try {
      describe_journal(journal ? path : journal_path(path));
    } catch (const JournalError& e) {
      throw UsageError(std::string("cannot read ") + path + ": " + e.what());
    }
    return kOk;
  }

  // Read back whole first, in a child process: a damaged file is reported, and cannot crash
  // this one (io/results_check.hpp).
  const ResultsCheck check = check_results_file(path, !vm.count("no-verify"));
  if (names_a_rounds_file(check)) {
    // Exactly the rounds the file lists, each checked (io/rounds_file.hpp).
    const RoundsCheck rounds = check_rounds_file(path, !vm.count("no-verify"));
    if (!rounds.readable) throw UsageError(rounds.problem);
    std::cout << path << ": the " << rounds.rounds.size() << " rounds of placesim run --until (docs/adaptive.md), which "
              << "compare, report, export and discover read as one results file. Each round:\n";
    for (const std::string& round : rounds.rounds) {
      std::cout << "\n";
      Args one = {round};
      if (vm.count("no-verify")) one.push_back("--no-verify");
      info_command(one, command_line);
    }
    return kOk;
  }
  if (!check.readable) throw UsageError(check.problem);
  std::unique_ptr<ResultsReader> opened;
  try {
    opened = std::make_unique<ResultsReader>(path);
  } catch (const std::exception& e) {
    throw UsageError(std::string("cannot read ") + path + ": " + e.what());
  }
  const ResultsReader& results = *opened;
  int done = 0, failed = 0;
  for (auto c : results.completed()) done += c;
  for (auto f : results.failed()) failed += f;
  const int missing = results.runs() - done - failed;
  const auto design = results.design();
  std::vector<std::string> variants;
  std::map<std::string, int> runs_of;
  for (const auto& label : design.labels) {
    if (!runs_of.count(label)) variants.push_back(label);
    ++runs_of[label];
  }
  const results::Shard shard = results.shard();

  std::cout << path << "\n"
            << "  format      " << results.text("format") << " version " << results.number("format_version") << "\n"
            << "  program     placesim " << results.text("program_version") << " (commit "
            << results.text("git_commit") << ")\n"
            << "  created     " << results.text("created_utc") << "\n"
            << "  command     " << results.text("command_line") << "\n"
            << "  base seed   " << results.base_seed() << "\n"
            << "  runs        " << results.runs() << " (" << done << " completed";
  if (failed) std::cout << ", " << failed << " failed";
  if (missing) std::cout << ", " << missing << " missing";
  std::cout << ")";
  if (shard.count > 1) {
    const results::Layout layout = results.layout();
    const int first = layout.first_run(shard.first_block(layout.blocks()));
    const int end = std::min(layout.runs, layout.first_run(shard.end_block(layout.blocks())));
    std::cout << "; shard " << shard.index << " of " << shard.count << ", holding runs " << first << " to " << end - 1
              << " (join the shards with placesim merge)";
  }
  std::cout << "\n  months      " << results.months() << " (month 0 is the initial state)\n"
            << "  issues      ";
  const auto issues = results.issues();
  for (std::size_t i = 0; i < issues.size(); ++i) std::cout << (i ? ", " : "") << issues[i];
  std::cout << "\n  strategies  " << variants.size() << ":";
  for (const auto& v : variants) std::cout << " " << v << " (" << runs_of[v] << " runs)";
  const auto parameters = results.design_parameters();
  if (!parameters.empty()) {
    std::cout << "\n  sweep       " << results.design_attribute("sweep_design") << " design, "
              << results.number_in_design("points") << " points over " << parameters.size() << " parameter"
              << (parameters.size() == 1 ? "" : "s") << " (values per run in /design):";
    for (const auto& p : parameters) std::cout << "\n                " << p << ": " << results.design_column_attribute(p, "distribution");
  }
  if (failed) {
    const auto failures = results.failures();
    std::cout << "\n  failures    " << failures.size() << " (all in /status/message):";
    for (std::size_t i = 0; i < failures.size() && i < kFailuresShown; ++i) {
      std::cout << "\n                run " << failures[i].run << ": " << failures[i].message;
    }
    if (failures.size() > kFailuresShown) std::cout << "\n                ...";
  }
  const auto names = results.metric_names();
  std::cout << "\n  metrics     " << names.size() << ", in /metrics:\n";
  for (const std::string& name : names) {
    const MetricInfo m = results.metric(name);
    std::string dims;
    for (const auto& d : m.dimensions) dims += (dims.empty() ? "" : ", ") + d;
    char line[512];
    std::snprintf(line, sizeof line, "    %-26s [%s] %s: %s\n", name.c_str(), dims.c_str(), m.units.c_str(),
                  m.description.c_str());
    std::cout << line;
  }
  std::cout << "  scenario    the resolved scenario is the root attribute 'scenario' (TOML)\n";
  if (!results.checksums()) {
    std::cout << "  checksums   none (format version " << results.format_version() << " files carry none)\n";
  } else if (vm.count("no-verify")) {
    std::cout << "  checksums   not checked (--no-verify)\n";
  } else {
    std::cout << "  checksums   all " << check.chunks_checked << " metric chunks intact\n";
  }
  return kOk;
}

}  // namespace placesim::cli
