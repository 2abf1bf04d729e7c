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
  layout.sectors = plan.sectors();
  layout.block_runs = results::block_runs_for(layout.runs, layout.months, layout.dims());
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
    if (const std::string why = resume_mismatch(earlier->header, header); !why.empty()) {
      throw ResumeError("cannot resume " + journal + ": " + why + ". Use --force to start again.");
    }
    header.provenance = earlier->header.provenance;  // the results keep the first command's provenance
  }

  // The results file is written as blocks finish (as <output>.partial, renamed at the end),
  // so that nothing is left to write when the last run ends. Only the journal is safe to
  // kill: a resumed run writes the file again, from the journal's blocks first.
  ResultsWriter file(partial_path(options.output), layout, header.shard, plan, header.provenance);
  std::unique_ptr<JournalWriter> writer;
  std::vector<bool> done(static_cast<std::size_t>(layout.blocks()), false);
  ExperimentResult result;
  if (earlier) {
    for (const JournalEntry& e : earlier->entries) {
      if (e.block < 0 || e.block >= layout.blocks() || done[static_cast<std::size_t>(e.block)]) continue;
      done[static_cast<std::size_t>(e.block)] = true;
      result.runs_resumed += layout.runs_in(e.block);
      file.write_block(read_journal_block(journal, e));
    }
    writer = std::make_unique<JournalWriter>(journal, *earlier);
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
  // The journal first: once a block is there, it is kept whatever happens next.
  const auto store = [&](const EncodedBlock& block) {
    writer->append(block);
    file.write_block(block);
  };
  try {
    if (options.executor) {
      result.progress = options.executor(pending, compute, store, start);
    } else {
      RunnerOptions runner;
      runner.threads = options.threads;
      runner.on_block_stored = options.on_progress;
      result.progress = run_blocks(pending, compute, store, start, runner);
    }
    const auto closing = std::chrono::steady_clock::now();
    writer->close();
    file.close();
    result.finishing_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - closing).count();
  } catch (...) {
    // The journal keeps every finished block; the partial file is only their copy, and on a
    // full disk its space is better given back.
    writer.reset();
    file.abandon();
    std::error_code ignored;
    fs::remove(partial_path(options.output), ignored);
    throw;
  }
  std::error_code error;
  fs::rename(partial_path(options.output), options.output, error);
  if (error) {
    throw std::runtime_error("cannot rename " + partial_path(options.output) + " to " + options.output + ": " +
                             error.message());
  }
  fs::remove(journal, error);
  return result;
}

}  // namespace placesim
