#include "cli/calibration_estimate.hpp"

#include "experiment/emulation_cost.hpp"

namespace placesim::cli {

double calibration_emulation_seconds(const CalibrationTargets& targets) {
  // The same cost model placesim plan prints (experiment/emulation_cost.hpp).
  return emulation_seconds(targets);
}

}  // namespace placesim::cli
