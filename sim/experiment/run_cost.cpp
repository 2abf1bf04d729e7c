#include "experiment/run_cost.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace placesim {

namespace {

// Seconds per unit of work on one core of this machine (2-core x86-64 VM), fitted to runs of
// the default place and of places with 3,000 to 40,000 posts (docs/performance.md, "What a
// run costs"). Within a factor of two: enough to tell minutes from hours.
constexpr double kSecondsPerInitialTie = 85e-9;   // drawing and linking one relationship
constexpr double kSecondsPerEncounter = 120e-9;   // one encounter, both sides
constexpr double kSecondsPerTieSlotMonth = 3e-9;  // decay, joint action and metrics passes
constexpr double kSecondsPerAgentIssueMonth = 4e-9;

}  // namespace

RunCost estimate_run_cost(const Params& p) {
  RunCost cost;
  std::map<std::string, double> sector_size;
  double issues = 0;
  for (const IssueSpec& issue : p.place.issues) issues += issue.enabled ? 1 : 0;
  for (const RoleSpec& role : p.population.roles) {
    cost.agents += role.count;
    sector_size[role.sector] += role.count;
  }
  const double neighbourhoods = std::max(1, p.place.neighbourhoods);
  double forum_pairs = 0;
  double encounters = 0;
  for (const ForumSpec& forum : p.place.forums) {
    if (forum.cadence_months <= 0) continue;
    // Members of one meeting: place-level posts sit on every instance; neighbourhood posts
    // are spread over the neighbourhoods of a neighbourhood forum.
    double place_posts = 0, neighbourhood_posts = 0;
    for (const RoleSpec& role : p.population.roles) {
      if (std::find(forum.roles.begin(), forum.roles.end(), role.name) == forum.roles.end()) continue;
      (role.level == Level::Place ? place_posts : neighbourhood_posts) += role.count;
    }
    const bool per_neighbourhood = forum.scope == Level::Neighbourhood;
    const double instances = per_neighbourhood ? neighbourhoods : 1;
    const double m = place_posts + (per_neighbourhood ? std::max(1.0, neighbourhood_posts / neighbourhoods) : neighbourhood_posts);
    forum_pairs += instances * m * (m - 1) / 2;
    // Attendance is at least the floor; half of the rest on average.
    const double attending = m * (p.meetings.attendance_floor + (1 - p.meetings.attendance_floor) * 0.5);
    encounters += instances * attending * p.meetings.encounters_per_meeting / forum.cadence_months;
  }
  encounters += p.meetings.informal_contact_rate * cost.agents;
  double within_pairs = 0;
  for (const auto& [sector, size] : sector_size) within_pairs += size * std::max(0.0, size - 1) / 2;
  const double all_pairs = cost.agents * std::max(0.0, cost.agents - 1) / 2;
  cost.initial_ties = forum_pairs + p.trust.tie_probability_within * within_pairs +
                      p.trust.tie_probability_cross * (all_pairs - within_pairs);
  cost.encounters_per_month = encounters;
  cost.tie_slots = cost.agents * (p.trust.max_ties_within + p.trust.max_ties_cross);
  const double months = p.simulation.months;
  cost.seconds = cost.initial_ties * kSecondsPerInitialTie +
                 months * (encounters * kSecondsPerEncounter + cost.tie_slots * kSecondsPerTieSlotMonth +
                           cost.agents * issues * kSecondsPerAgentIssueMonth);
  return cost;
}

}  // namespace placesim
