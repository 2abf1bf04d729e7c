#include "experiment/preflight.hpp"

#include <sys/statvfs.h>

#include <cstdio>
#include <filesystem>

#include "model/metrics.hpp"

namespace placesim {

namespace {

// Whether a swept key can change what one run costs (its posts, ties, meetings or months).
bool changes_size(const std::string& key) {
  for (const char* prefix : {"population.roles.", "trust.max_ties", "trust.tie_probability", "place.neighbourhoods",
                             "place.forums.", "meetings.", "simulation.months"}) {
    if (key.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

std::string at_point(const Plan& plan, std::int64_t point) {
  const std::string values = plan.describe_point(point);
  return values.empty() ? "" : "at design point " + std::to_string(point) + " (" + values + "), ";
}

}  // namespace

std::string bytes_text(double bytes) {
  const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
  int u = 0;
  while (bytes >= 1024 && u < 5) {
    bytes /= 1024;
    ++u;
  }
  char text[64];
  std::snprintf(text, sizeof text, u == 0 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
  return text;
}

std::string duration_text(double seconds) {
  char text[64];
  if (seconds < 90) std::snprintf(text, sizeof text, "%.0f s", seconds);
  else if (seconds < 5400) std::snprintf(text, sizeof text, "%.0f min", seconds / 60);
  else if (seconds < 2 * 86400) std::snprintf(text, sizeof text, "%.1f hours", seconds / 3600);
  else std::snprintf(text, sizeof text, "%.1f days", seconds / 86400);
  return text;
}

Preflight preflight(const Plan& plan, const results::Layout& layout) {
  Preflight p;
  bool any_size_key = false;
  for (const KeyPath& key : plan.swept_keys()) any_size_key = any_size_key || changes_size(key.path);
  const std::int64_t points = any_size_key ? plan.points() : 1;
  for (std::int64_t point = 0; point < points; ++point) {
    const Params params = plan.parameters(point);
    const MemoryEstimate memory = estimate_run_memory(params);
    const RunCost cost = estimate_run_cost(params);
    if (point == 0 || memory.bytes_per_run > p.largest_memory.bytes_per_run) {
      p.largest_memory = memory;
      p.largest_memory_point = point;
    }
    if (point == 0 || cost.seconds > p.slowest_run.seconds) {
      p.slowest_run = cost;
      p.slowest_point = point;
    }
  }
  p.points_checked = points;
  const double columns = metric_columns(layout.dims());
  p.raw_bytes_per_run = (layout.months + 1.0) * columns * 4.0 + 4.0 * static_cast<int>(Metric::Count) / layout.block_runs;
  return p;
}

void check_preflight(const Preflight& p, const Plan& plan, bool allow_long_runs) {
  const double memory = physical_memory_bytes();
  if (memory > 0 && p.largest_memory.bytes_per_run > 0.8 * memory) {
    throw PreflightError(at_point(plan, p.largest_memory_point) + "one run would need about " +
                         bytes_text(p.largest_memory.bytes_per_run) + ", mostly " + p.largest_memory.largest_part +
                         "; this machine has " + bytes_text(memory));
  }
  if (!allow_long_runs && p.slowest_run.seconds > kLongRunSeconds) {
    const RunCost& c = p.slowest_run;
    char figures[256];
    std::snprintf(figures, sizeof figures, "%.0f posts, %.3g relationships drawn at the start, %.3g encounters a month",
                  c.agents, c.initial_ties, c.encounters_per_month);
    throw PreflightError(at_point(plan, p.slowest_point) + "one run would take about " + duration_text(c.seconds) +
                         " on one core here (" + figures +
                         "). Lower the role counts or trust.tie_probability_* (each pair of a sector may know each "
                         "other, so the starting network grows with the square of its size), or add "
                         "--allow-long-runs to run it anyway");
  }
}

double free_disk_bytes(const std::string& path) {
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (folder.empty()) folder = ".";
  struct statvfs info {};
  if (::statvfs(folder.c_str(), &info) != 0) return -1;
  return static_cast<double>(info.f_bavail) * static_cast<double>(info.f_frsize);
}

void check_disk_space(const std::string& path, double needed) {
  const double free = free_disk_bytes(path);
  if (free < 0 || needed <= free) return;
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  std::error_code ignored;
  folder = std::filesystem::absolute(folder.empty() ? "." : folder, ignored).lexically_normal();
  if (!folder.has_filename() && folder.has_parent_path() && folder != folder.root_path()) folder = folder.parent_path();
  throw PreflightError("the results need about " + bytes_text(needed) + " on disk (the file and, while it runs, its "
                       "journal), and " + bytes_text(free) + " is free in " + folder.string() +
                       ". Make room, write elsewhere with -o, split the runs with --shard I/N, or add --no-disk-check "
                       "to start anyway");
}

}  // namespace placesim
