#include "experiment/runner.hpp"

#include <oneapi/tbb/concurrent_queue.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <thread>

#include "model/model.hpp"

namespace placesim {

namespace {

struct Block {
  int first = 0;
  std::vector<MetricSeries> runs;
};

}  // namespace

int runner_threads(int requested) {
  return requested > 0 ? requested : tbb::info::default_concurrency();
}

void run_plan(const Plan& plan, ResultsWriter& writer, const RunnerOptions& options) {
  const int total = static_cast<int>(plan.runs.size());
  const int block_runs = std::max(1, writer.layout().block_runs);
  const int blocks = (total + block_runs - 1) / block_runs;
  const int threads = runner_threads(options.threads);
  const auto start = std::chrono::steady_clock::now();

  // Finished blocks wait here for the writer; a null block tells it to stop.
  tbb::concurrent_bounded_queue<Block*> queue;
  queue.set_capacity(2);
  std::exception_ptr failure;
  std::mutex failure_mutex;
  std::atomic<bool> failed{false};
  auto fail = [&](std::exception_ptr e) {
    std::lock_guard lock(failure_mutex);
    if (!failure) failure = e;
    failed = true;
  };

  std::thread writer_thread([&] {
    int done = 0;
    for (;;) {
      Block* block = nullptr;
      queue.pop(block);
      if (!block) return;
      std::unique_ptr<Block> owned(block);
      if (failed) continue;  // keep draining so that producers never block
      try {
        std::vector<const MetricSeries*> runs;
        for (const MetricSeries& run : owned->runs) runs.push_back(&run);
        writer.write_runs(owned->first, runs);
        done += static_cast<int>(runs.size());
        if (options.on_block_written) {
          const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
          options.on_block_written({done, total, seconds});
        }
      } catch (...) {
        fail(std::current_exception());
      }
    }
  });

  tbb::task_arena arena(threads);
  try {
    arena.execute([&] {
      int next = 0;
      tbb::parallel_pipeline(
          static_cast<std::size_t>(2 * threads),
          tbb::make_filter<void, int>(tbb::filter_mode::serial_in_order,
                                      [&](tbb::flow_control& control) {
                                        if (next >= blocks || failed) {
                                          control.stop();
                                          return 0;
                                        }
                                        return next++;
                                      }) &
              tbb::make_filter<int, Block*>(
                  tbb::filter_mode::parallel,
                  [&](int b) {
                    auto block = std::make_unique<Block>();
                    block->first = b * block_runs;
                    const int count = std::min(block_runs, total - block->first);
                    std::vector<std::unique_ptr<MetricSeries>> results(static_cast<std::size_t>(count));
                    tbb::parallel_for(0, count, [&](int i) {
                      const PlannedRun& run = plan.runs[static_cast<std::size_t>(block->first + i)];
                      Model model(plan.variants[static_cast<std::size_t>(run.variant)],
                                  {plan.seed, static_cast<std::uint32_t>(run.replicate)});
                      model.run();
                      results[static_cast<std::size_t>(i)] = std::make_unique<MetricSeries>(model.metrics());
                    });
                    for (auto& r : results) block->runs.push_back(std::move(*r));
                    return block.release();
                  }) &
              tbb::make_filter<Block*, void>(tbb::filter_mode::serial_in_order,
                                             [&](Block* block) { queue.push(block); }));
    });
  } catch (...) {
    fail(std::current_exception());
  }
  queue.push(nullptr);
  writer_thread.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace placesim
