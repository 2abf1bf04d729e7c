#pragma once
// Runs a plan in parallel and writes every run: TBB computes blocks of runs (a block is a
// chunk of the results file), a bounded queue holds finished blocks, and one writer thread
// writes them in order. Memory stays bounded whatever the number of runs, and the results
// do not depend on the number of threads.
#include <functional>

#include "experiment/plan.hpp"
#include "io/results_writer.hpp"

namespace placesim {

struct Progress {
  int runs_done = 0;
  int runs_total = 0;
  double seconds = 0;
};

struct RunnerOptions {
  int threads = 0;  // 0: every core
  std::function<void(const Progress&)> on_block_written;  // called from the writer thread
};

// Runs plan.runs and writes each block with writer.write_runs. Throws the first failure
// (of a run or of writing) after stopping the others.
void run_plan(const Plan& plan, ResultsWriter& writer, const RunnerOptions& options);

// Threads the runner uses for options.threads (0: every core available to this process).
int runner_threads(int requested);

}  // namespace placesim
