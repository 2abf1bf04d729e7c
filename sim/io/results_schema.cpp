#include "io/results_schema.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>

namespace placesim::results {

int Layout::runs_in(int block) const { return std::max(0, std::min(block_runs, runs - first_run(block))); }

int Shard::first_block(int blocks) const {
  return static_cast<int>(static_cast<std::int64_t>(index - 1) * blocks / count);
}

int Shard::end_block(int blocks) const { return static_cast<int>(static_cast<std::int64_t>(index) * blocks / count); }

int block_runs_for(int runs, int months, MetricDims dims) {
  int widest = 1;
  for (int m = 0; m < static_cast<int>(Metric::Count); ++m) {
    widest = std::max(widest, metric_width(static_cast<Metric>(m), dims));
  }
  const double run_bytes = (months + 1.0) * widest * 4.0;
  const int by_size = static_cast<int>(std::clamp((1 << 20) / run_bytes, 1.0, 256.0));
  // At least 64 blocks when there are runs enough: blocks are also the unit of shards, of
  // MPI work and of what a kill can lose.
  const int by_count = (runs + 63) / 64;
  return std::max(1, std::min({by_size, by_count, runs}));
}

std::string utc_now_iso8601() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace placesim::results
