#include "experiment/runner.hpp"

#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace placesim {

namespace {

// Every run allocates its model and metrics and every block its chunks, and frees them when
// done. By default glibc hands freed memory at the top of a heap back to the system and the
// next run faults it in again, page by page: about 25 page faults a run, some 6% of a
// 2-thread sweep's time on a VM. Keeping freed memory (up to 64 MiB) for reuse removes them;
// peak memory grows by a few MB at most, since the same memory is reused
// (docs/performance.md).
void keep_freed_memory() {
#if defined(__GLIBC__)
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
}

}  // namespace

int runner_threads(int requested) { return requested > 0 ? requested : tbb::info::default_concurrency(); }

BlockWriter::BlockWriter(Store store, Progress start, Report on_stored)
    : store_(std::move(store)), on_stored_(std::move(on_stored)), progress_(start) {
  queue_.set_capacity(4);
  thread_ = std::thread([this] { loop(); });
}

BlockWriter::~BlockWriter() {
  if (!thread_.joinable()) return;
  queue_.push(nullptr);
  thread_.join();
}

void BlockWriter::loop() {
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  for (;;) {
    EncodedBlock* block = nullptr;
    queue_.pop(block);
    if (!block) break;
    std::unique_ptr<EncodedBlock> owned(block);
    if (failed_) continue;  // keep draining so that producers never wait for ever
    try {
      const double write_start = elapsed();
      store_(*owned);
      progress_.writing_seconds += elapsed() - write_start;
      progress_.encoding_seconds += owned->encoding_seconds;
      progress_.runs_done += owned->runs;
      for (std::uint8_t f : owned->failed) progress_.runs_failed += f;
      progress_.seconds = elapsed();
      if (on_stored_) on_stored_(progress_);
    } catch (...) {
      failure_ = std::current_exception();
      failed_ = true;
    }
  }
  progress_.seconds = elapsed();
}

void BlockWriter::push(std::unique_ptr<EncodedBlock> block) {
  if (!block || failed_) return;
  queue_.push(block.release());
}

Progress BlockWriter::finish() {
  if (thread_.joinable()) {
    queue_.push(nullptr);
    thread_.join();
  }
  if (failure_) std::rethrow_exception(failure_);
  return progress_;
}

std::optional<int> BlockQueue::next() {
  std::lock_guard lock(mutex_);
  if (closed_ || next_ >= blocks_.size()) return std::nullopt;
  return blocks_[next_++];
}

void BlockQueue::close() {
  std::lock_guard lock(mutex_);
  closed_ = true;
}

void compute_blocks(BlockQueue& blocks, const std::function<EncodedBlock(int)>& compute, BlockWriter& writer,
                    int threads) {
  threads = runner_threads(threads);
  keep_freed_memory();
  // Blocks in flight: each block runs in parallel too, so a few keep every thread busy while
  // blocks start and finish, and bound the memory.
  const auto tokens = static_cast<std::size_t>(4 + threads / 16);
  // A computation that throws must not cancel the pipeline: oneTBB 2021.8 loses the tokens
  // that are between two filters when it cancels, and the blocks they own leak (LeakSanitizer
  // caught it, now and then). So the failure is kept here, no new block is taken, the blocks
  // in flight drain to the writer as usual, and the failure is thrown once the pipeline ends.
  std::mutex failure_mutex;
  std::exception_ptr failure;
  std::atomic<bool> failed{false};
  tbb::task_arena arena(threads);
  arena.execute([&] {
    tbb::parallel_pipeline(
        tokens,
        tbb::make_filter<void, int>(tbb::filter_mode::serial_in_order,
                                    [&](tbb::flow_control& control) {
                                      const bool stop = writer.failed() || failed.load();
                                      const std::optional<int> b = stop ? std::nullopt : blocks.next();
                                      if (!b) {
                                        control.stop();
                                        return 0;
                                      }
                                      return *b;
                                    }) &
            tbb::make_filter<int, std::unique_ptr<EncodedBlock>>(
                tbb::filter_mode::parallel,
                [&](int b) -> std::unique_ptr<EncodedBlock> {
                  if (failed.load()) return nullptr;
                  try {
                    return std::make_unique<EncodedBlock>(compute(b));
                  } catch (...) {
                    std::lock_guard lock(failure_mutex);
                    if (!failure) failure = std::current_exception();
                    failed.store(true);
                    return nullptr;
                  }
                }) &
            tbb::make_filter<std::unique_ptr<EncodedBlock>, void>(
                tbb::filter_mode::serial_out_of_order,
                [&](std::unique_ptr<EncodedBlock> block) { writer.push(std::move(block)); }));
  });
  if (failure) std::rethrow_exception(failure);
}

Progress run_blocks(const std::vector<int>& blocks, const std::function<EncodedBlock(int)>& compute,
                    const std::function<void(const EncodedBlock&)>& store, Progress progress,
                    const RunnerOptions& options) {
  BlockWriter writer(store, progress, options.on_block_stored);
  BlockQueue queue(blocks);
  try {
    compute_blocks(queue, compute, writer, options.threads);
  } catch (...) {
    try {
      writer.finish();
    } catch (...) {
    }
    throw;
  }
  return writer.finish();
}

}  // namespace placesim
