#pragma once
// The two states a place can end in (the vicious and the virtuous circle) and the line between
// them, measured on a kind of place rather than assumed: for the patterns P9 and P11.
#include "model/model.hpp"
#include "support/statistics.hpp"
#include "support/strategy_runs.hpp"

namespace placesim::testing {

// Cross-sector trust over the tenth year of a run (months 108 to 120).
inline double tenth_year_trust(const MetricSeries& m) {
  double sum = 0;
  for (int t = 108; t <= 120; ++t) sum += m.at(t, Metric::TrustCrossSector);
  return sum / 13.0;
}

struct Circles {
  double vicious = 0;   // mean tenth-year trust of places started distrustful (0.1)
  double virtuous = 0;  // and of places started trusting (0.7)
  double cut() const { return 0.5 * (vicious + virtuous); }
};

inline Circles circles_of(Params p, int replicates = 20) {
  Circles c;
  for (const auto& [start, state] : {std::pair{0.1, &c.vicious}, std::pair{0.7, &c.virtuous}}) {
    p.trust.initial_cross = start;
    const auto runs = run_strategy(p, "baseline", replicates);
    for (const MetricSeries& m : runs.metrics) *state += tenth_year_trust(m) / replicates;
  }
  return c;
}

}  // namespace placesim::testing
