#pragma once
// What one run of a configuration costs, worked out from the place's structure before any run
// starts: the ties its initial network draws, the encounters of a month, the tie slots the
// monthly passes visit, and from them an estimate of its time on a machine like this one. A
// place far larger than the default (hundreds of thousands of posts, or a sector whose every
// pair may know each other) is refused before it starts rather than left to run for hours;
// `placesim plan` prints the estimate, and bounds its pilot by it.
#include "model/params.hpp"

namespace placesim {

struct RunCost {
  double agents = 0;
  double initial_ties = 0;        // relationships drawn at the start (forum pairs and acquaintances)
  double encounters_per_month = 0;
  double tie_slots = 0;           // agents x (max_ties_within + max_ties_cross)
  double seconds = 0;             // estimated seconds of one run on one core here
};

// From the parameters alone (no place is built, so a sweep's every point can be costed):
// forum memberships are counted from the roles they name.
RunCost estimate_run_cost(const Params& params);

// A run is refused unless asked (--allow-long-runs) when it would take longer than this.
inline constexpr double kLongRunSeconds = 3600;

}  // namespace placesim
