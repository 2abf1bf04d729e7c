#pragma once
// How much memory one run needs, worked out from the parameters before anything is
// allocated, so that an impossible size is refused with a message instead of a crash.
#include <cstdint>
#include <string>

#include "model/params.hpp"

namespace placesim {

struct MemoryEstimate {
  double agents = 0;
  double bytes_per_run = 0;   // agent state, trust rows, scratch, place and metric series
  std::string largest_part;   // what dominates, for the message
};

MemoryEstimate estimate_run_memory(const Params& params);

// Physical memory of this machine in bytes (0 when unknown).
double physical_memory_bytes();

}  // namespace placesim
