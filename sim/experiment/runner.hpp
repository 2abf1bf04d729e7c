#pragma once
// Runs blocks of runs in parallel and hands each finished block to one writer thread: TBB
// computes several blocks at once (each block's runs in parallel too), a bounded queue holds
// finished blocks, and the writer stores them as they come. Memory stays bounded whatever
// the number of runs, and what a block holds does not depend on the number of threads.
//
// The pieces are separate so that an MPI root can feed one writer from its own threads and
// from other ranks (experiment/mpi_runner.hpp).
#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <oneapi/tbb/concurrent_queue.h>

#include "io/chunk_encoder.hpp"

namespace placesim {

struct Progress {
  int runs_done = 0;    // including runs finished before (a resumed journal)
  int runs_before = 0;  // those finished before
  int runs_total = 0;   // of this process's share (a shard)
  int runs_failed = 0;
  double seconds = 0;          // since the runner started
  double writing_seconds = 0;  // time the writer thread has spent storing blocks
  double encoding_seconds = 0; // time worker threads spent encoding (compressing) the blocks stored
};

// One thread storing finished blocks in the order they are pushed, through a bounded queue.
class BlockWriter {
 public:
  using Store = std::function<void(const EncodedBlock&)>;
  using Report = std::function<void(const Progress&)>;
  BlockWriter(Store store, Progress start, Report on_stored);
  BlockWriter(const BlockWriter&) = delete;
  BlockWriter& operator=(const BlockWriter&) = delete;
  ~BlockWriter();

  // Hands a block over; waits while the queue is full. Safe from any thread. Blocks pushed
  // after a failure are dropped.
  void push(std::unique_ptr<EncodedBlock> block);
  // Whether storing has failed (producers should stop).
  bool failed() const { return failed_; }
  // Waits until every block pushed is stored, and rethrows the first failure to store.
  Progress finish();

 private:
  void loop();
  Store store_;
  Report on_stored_;
  Progress progress_;
  tbb::concurrent_bounded_queue<EncodedBlock*> queue_;
  std::atomic<bool> failed_{false};
  std::exception_ptr failure_;
  std::thread thread_;
};

// The blocks still to run, handed out one at a time to any thread.
class BlockQueue {
 public:
  explicit BlockQueue(std::vector<int> blocks) : blocks_(std::move(blocks)) {}
  std::optional<int> next();
  void close();  // hand out nothing more

 private:
  std::mutex mutex_;
  std::vector<int> blocks_;
  std::size_t next_ = 0;
  bool closed_ = false;
};

// Computes blocks taken from `blocks` on `threads` TBB threads, several at once, and pushes
// each to `writer` as it finishes. Stops taking blocks when the writer fails or a computation
// throws; the blocks already computed are still handed to the writer. Then throws the first
// exception of compute.
void compute_blocks(BlockQueue& blocks, const std::function<EncodedBlock(int)>& compute, BlockWriter& writer,
                    int threads);

struct RunnerOptions {
  int threads = 0;  // 0: every core available to this process
  std::function<void(const Progress&)> on_block_stored;  // called from the writer thread
};

// Computes compute(b) for every b in blocks and passes each result to store (on one thread,
// in the order they finish). Throws the first exception of compute or store after stopping
// the others. `progress` starts the count (runs done before, runs in total).
Progress run_blocks(const std::vector<int>& blocks, const std::function<EncodedBlock(int)>& compute,
                    const std::function<void(const EncodedBlock&)>& store, Progress progress,
                    const RunnerOptions& options);

// Threads the runner uses for `requested` (0: every core available to this process).
int runner_threads(int requested);

}  // namespace placesim
