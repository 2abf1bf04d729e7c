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
  double bytes_per_run = 0;  // of metrics as stored, at the layout's compression
};

// Runs batches of sample runs on `threads` threads until about `budget_seconds` have passed
// (at least one batch, at most every run).
PilotResult run_pilot(const Plan& plan, const results::Layout& layout, int threads, double budget_seconds);

}  // namespace placesim
