#pragma once
// An experiment from plan to results file: each block of runs goes to a journal as it
// finishes (safe to kill at any moment, and resumable) and then to the results file, which
// is renamed into place once every run is in (docs/results.md, "How it is written").
#include <functional>
#include <string>

#include "experiment/plan.hpp"
#include "experiment/runner.hpp"
#include "io/journal.hpp"

namespace placesim {

// A journal that --resume cannot continue (another scenario, program or shard; not a
// journal at all). Nothing is changed.
class ResumeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Runs the pending blocks with compute and stores each finished block with store (on one
// thread), counting progress on from `start`. The default runs them on this process's
// threads (run_blocks); an MPI root spreads them over ranks (experiment/mpi_runner.hpp).
using BlockExecutor = std::function<Progress(const std::vector<int>& pending, const std::function<EncodedBlock(int)>& compute,
                                             const std::function<void(const EncodedBlock&)>& store, Progress start)>;

struct ExperimentOptions {
  std::string output;  // the results file
  int threads = 0;     // 0: every core
  int compression = 0; // deflate level 0-9
  results::Shard shard;
  bool resume = false;  // continue output's journal when there is one
  std::function<void(const Progress&)> on_progress;
  BlockExecutor executor;  // empty: this process's threads
};

struct ExperimentResult {
  Progress progress;       // runs_total: the runs of this shard
  int runs_resumed = 0;    // runs already in the journal when it started
  double finishing_seconds = 0;  // closing the journal and the results file after the last run
};

std::string journal_path(const std::string& output);
std::string partial_path(const std::string& output);

results::Layout layout_for(const Plan& plan, int compression);

// Runs the shard's missing blocks into the journal and the results file, then renames the
// file into place and removes the journal. Throws ResumeError when the journal cannot be resumed, and
// anything else (keeping the journal) when a block cannot be stored.
ExperimentResult run_experiment(const Plan& plan, const results::Provenance& provenance,
                                const ExperimentOptions& options);

}  // namespace placesim
