#include "experiment/pilot.hpp"

#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <optional>

#include "io/chunk_encoder.hpp"
#include "model/invariants.hpp"
#include "model/model.hpp"

namespace placesim {

PilotResult run_pilot(const Plan& plan, const results::Layout& layout, int threads, double budget_seconds,
                      double estimated_run_seconds) {
  PilotResult result;
  if (2 * estimated_run_seconds > budget_seconds) {
    result.estimated = true;
    result.runs_per_second = threads / std::max(estimated_run_seconds, 1e-9);
    return result;
  }
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  // Sample runs in a stride that visits the whole plan: points, strategies and replicates.
  const int batch = 2 * threads;
  const int most = plan.runs();
  std::size_t stored_bytes = 0;
  int stored_runs = 0;
  tbb::task_arena arena(threads);
  int next = 0;
  while (next < most && (next == 0 || elapsed() < budget_seconds)) {
    const int count = std::min(batch, most - next);
    std::vector<std::optional<MetricSeries>> series(static_cast<std::size_t>(count));
    arena.execute([&] {
      tbb::parallel_for(0, count, [&](int i) {
        // The k-th sample: evenly spaced by a golden-ratio stride, so any prefix spreads out.
        const auto k = static_cast<std::uint64_t>(next + i);
        const int run = static_cast<int>((k * 0x9E3779B97F4A7C15ull >> 11) % static_cast<std::uint64_t>(most));
        try {
          const RunAddress a = plan.address(run);
          Model model(plan.configuration(a.point, a.strategy, plan.draw(a)), {plan.seed(), plan.stream(a)});
          model.run();
          check_invariants(model.metrics());
          series[static_cast<std::size_t>(i)].emplace(std::move(model).take_metrics());
        } catch (const std::exception&) {
        }
      });
    });
    std::vector<const MetricSeries*> runs;
    for (const auto& s : series) {
      if (s) runs.push_back(&*s);
      else ++result.failed;
    }
    // The stored size of these runs as one block of the file would hold them.
    results::Layout sample = layout;
    sample.block_runs = std::max(1, static_cast<int>(runs.size()));
    sample.runs = sample.block_runs;
    if (!runs.empty()) {
      const EncodedBlock block = encode_block(sample, 0, runs, std::vector<std::string>(runs.size()));
      for (const auto& chunk : block.chunks) stored_bytes += chunk.size();
      stored_runs += static_cast<int>(runs.size());
    }
    next += count;
  }
  result.runs = next;
  result.seconds = elapsed();
  result.runs_per_second = result.runs / result.seconds;
  result.bytes_per_run = stored_runs ? static_cast<double>(stored_bytes) / stored_runs : 0;
  return result;
}

}  // namespace placesim
