#include "scenario/memory_estimate.hpp"

#include <unistd.h>

#include "model/metrics.hpp"

namespace placesim {

MemoryEstimate estimate_run_memory(const Params& p) {
  MemoryEstimate e;
  double issues = 0;
  for (const IssueSpec& issue : p.place.issues) issues += issue.enabled ? 1 : 0;
  for (const RoleSpec& role : p.population.roles) e.agents += role.count;
  const double n = e.agents;
  // Agent arrays: priorities, mandate, pulls, contributions (issues each), ~20 scalars.
  const double agent_bytes = n * (4 * issues * 8 + 20 * 8);
  // Trust rows: target (4), trust (4), last contact (4) per slot.
  const double tie_bytes = n * (p.trust.max_ties_within + p.trust.max_ties_cross) * 12.0;
  // Forums: every member of every forum meeting, at most all agents per neighbourhood.
  const double forum_bytes = n * 4.0 * static_cast<double>(p.place.forums.size()) *
                             std::max(1.0, static_cast<double>(p.place.neighbourhoods) / 4);
  // The metric series: (months + 1) x columns of float.
  const double columns = metric_columns({static_cast<int>(issues), static_cast<int>(p.sectors.size())});
  const double metric_bytes = (p.simulation.months + 1.0) * columns * 4.0;
  e.bytes_per_run = agent_bytes + tie_bytes + forum_bytes + metric_bytes;
  e.largest_part = "agents' trust rows (population.roles counts x trust.max_ties_*)";
  double largest = tie_bytes;
  if (agent_bytes > largest) {
    largest = agent_bytes;
    e.largest_part = "agents' priorities (population.roles counts x place.issues)";
  }
  if (forum_bytes > largest) {
    largest = forum_bytes;
    e.largest_part = "forum memberships (population.roles counts x place.forums x neighbourhoods)";
  }
  if (metric_bytes > largest) e.largest_part = "the monthly metrics (simulation.months x place.issues)";
  return e;
}

double physical_memory_bytes() {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGE_SIZE);
  return pages > 0 && page_size > 0 ? static_cast<double>(pages) * static_cast<double>(page_size) : 0;
}

}  // namespace placesim
