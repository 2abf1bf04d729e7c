#include "experiment/experiment.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>
#include <stdexcept>

#include "experiment/run_block.hpp"
#include "io/results_writer.hpp"

namespace placesim {

namespace fs = std::filesystem;

std::string journal_path(const std::string& output) { return output + ".journal"; }
std::string partial_path(const std::string& output) { return output + ".partial"; }

results::Layout layout_for(const Plan& plan, int compression) {
  results::Layout layout;
  layout.runs = plan.runs();
  layout.months = plan.months();
  layout.issues = plan.issues();
  layout.block_runs = results::block_runs_for(layout.runs, layout.months, static_cast<int>(layout.issues.size()));
  layout.compression = compression;
  return layout;
}

ExperimentResult run_experiment(const Plan& plan, const results::Provenance& provenance,
                                const ExperimentOptions& options) {
  JournalHeader header;
  header.layout = layout_for(plan, options.compression);
  header.shard = options.shard;
  header.provenance = provenance;
  const results::Layout& layout = header.layout;
  const std::string journal = journal_path(options.output);

  // The blocks already in a journal being resumed.
  std::vector<bool> done(static_cast<std::size_t>(layout.blocks()), false);
  std::unique_ptr<JournalWriter> writer;
  ExperimentResult result;
  std::optional<JournalContents> earlier;
  if (options.resume && fs::exists(journal)) {
    try {
      earlier = read_journal(journal);
    } catch (const JournalIncomplete&) {
      // Stopped while starting: nothing was run, so start again.
    } catch (const JournalError& e) {
      throw ResumeError(std::string("cannot resume: ") + e.what());
    }
  }
  if (earlier) {
    const JournalContents& contents = *earlier;
    if (const std::string why = resume_mismatch(contents.header, header); !why.empty()) {
      throw ResumeError("cannot resume " + journal + ": " + why + ". Use --force to start again.");
    }
    header.provenance = contents.header.provenance;  // the results keep the first command's provenance
    for (const JournalEntry& e : contents.entries) {
      if (e.block >= 0 && e.block < layout.blocks() && !done[static_cast<std::size_t>(e.block)]) {
        done[static_cast<std::size_t>(e.block)] = true;
        result.runs_resumed += layout.runs_in(e.block);
      }
    }
    writer = std::make_unique<JournalWriter>(journal, contents);
  } else {
    writer = std::make_unique<JournalWriter>(journal, header);
  }

  const int first = options.shard.first_block(layout.blocks());
  const int end = options.shard.end_block(layout.blocks());
  std::vector<int> pending;
  int shard_runs = 0;
  for (int b = first; b < end; ++b) {
    shard_runs += layout.runs_in(b);
    if (!done[static_cast<std::size_t>(b)]) pending.push_back(b);
  }

  Progress start;
  start.runs_total = shard_runs;
  start.runs_done = result.runs_resumed;
  start.runs_before = result.runs_resumed;
  const auto compute = [&](int block) { return run_block(plan, layout, block); };
  const auto store = [&](const EncodedBlock& block) { writer->append(block); };
  if (options.executor) {
    result.progress = options.executor(pending, compute, store, start);
  } else {
    RunnerOptions runner;
    runner.threads = options.threads;
    runner.on_block_stored = options.on_progress;
    result.progress = run_blocks(pending, compute, store, start, runner);
  }
  writer->close();

  const auto write_start = std::chrono::steady_clock::now();
  write_results_from_journal(journal, read_journal(journal), plan, options.output);
  result.writing_file_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - write_start).count();
  return result;
}

void write_results_from_journal(const std::string& journal, const JournalContents& contents, const Plan& plan,
                                const std::string& output) {
  const JournalHeader& header = contents.header;
  const results::Layout& layout = header.layout;
  // Every block of the shard once, in block order: the file does not depend on the order in
  // which blocks finished.
  std::vector<const JournalEntry*> by_block(static_cast<std::size_t>(layout.blocks()), nullptr);
  for (const JournalEntry& e : contents.entries) {
    if (e.block >= 0 && e.block < layout.blocks() && !by_block[static_cast<std::size_t>(e.block)]) {
      by_block[static_cast<std::size_t>(e.block)] = &e;
    }
  }
  const int first = header.shard.first_block(layout.blocks());
  const int end = header.shard.end_block(layout.blocks());
  for (int b = first; b < end; ++b) {
    if (!by_block[static_cast<std::size_t>(b)]) {
      throw JournalError(journal + " lacks block " + std::to_string(b) + "; finish it with --resume");
    }
  }
  const std::string partial = partial_path(output);
  {
    ResultsWriter file(partial, layout, header.shard, plan, header.provenance);
    for (int b = first; b < end; ++b) file.write_block(read_journal_block(journal, *by_block[static_cast<std::size_t>(b)]));
    file.close();
  }
  std::error_code error;
  fs::rename(partial, output, error);
  if (error) throw std::runtime_error("cannot rename " + partial + " to " + output + ": " + error.message());
  fs::remove(journal, error);
}

}  // namespace placesim
