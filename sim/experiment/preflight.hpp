#pragma once
// Checks made before a plan starts, at every design point (a sweep can vary role counts, tie
// caps or the number of neighbourhoods, so its largest point may be far larger than the
// scenario's own values): the memory one run needs, the time one run takes, and the space the
// results need on disk. An impossible or hours-long run is refused with the point at fault
// and its values, before anything is written.
#include <cstdint>
#include <stdexcept>
#include <string>

#include "experiment/plan.hpp"
#include "experiment/run_cost.hpp"
#include "scenario/memory_estimate.hpp"

namespace placesim {

// A plan that should not start: what and where (a design point's values when it is one).
class PreflightError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Preflight {
  MemoryEstimate largest_memory;  // the design point needing the most memory for one run
  std::int64_t largest_memory_point = 0;
  RunCost slowest_run;            // the design point whose run takes longest
  std::int64_t slowest_point = 0;
  std::int64_t points_checked = 0;  // every point when a swept key changes sizes, else one
  double raw_bytes_per_run = 0;     // one run's metrics uncompressed (with their checksums)
};

// Costs the plan's design points.
Preflight preflight(const Plan& plan, const results::Layout& layout);

// Throws PreflightError when a run would not fit in this machine's memory, or (unless
// allow_long_runs) would take longer than kLongRunSeconds.
void check_preflight(const Preflight& preflight, const Plan& plan, bool allow_long_runs);

// Free bytes on the file system holding `path`'s folder (negative when unknown).
double free_disk_bytes(const std::string& path);

// Throws PreflightError when `needed` bytes (the results file and its journal) would not fit
// in the space free where `path` is written.
void check_disk_space(const std::string& path, double needed);

// "1.5 GiB", "12 MiB"; "3 min", "2.5 hours": for messages.
std::string bytes_text(double bytes);
std::string duration_text(double seconds);

}  // namespace placesim
