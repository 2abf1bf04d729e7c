#pragma once
// A short pilot of a plan: a sample of its runs, spread over the whole design, run on this
// machine's threads, to estimate how long the plan takes and how big its file will be before
// anything long starts (`placesim plan`).
#include "experiment/plan.hpp"

namespace placesim {

struct PilotResult {
  int runs = 0;            // pilot runs made
  int failed = 0;          // of which failed
  double seconds = 0;      // wall time of the pilot
  double runs_per_second = 0;
  double bytes_per_run = 0;  // of metrics as stored, at the layout's compression (0: not measured)
  bool estimated = false;    // no run fitted in the budget: runs_per_second is the cost model's
};

// Runs batches of sample runs on `threads` threads until about `budget_seconds` have passed
// (at most every run). When one batch would not fit in the budget by the cost model's
// estimate of a run (`estimated_run_seconds`), nothing is run and the estimate is returned
// instead: a pilot never outlasts its budget by more than the cost model's error.
PilotResult run_pilot(const Plan& plan, const results::Layout& layout, int threads, double budget_seconds,
                      double estimated_run_seconds);

}  // namespace placesim
