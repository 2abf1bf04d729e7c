#include "cli/calibration_estimate.hpp"

namespace placesim::cli {

double calibration_emulation_seconds(const CalibrationTargets& targets) {
  // About a second per target and wave on this kind of machine (docs/calibration.md).
  const CalibrationSettings& s = targets.settings;
  return static_cast<double>(s.waves) * static_cast<double>(targets.targets.size()) * (0.5 + 1e-5 * s.candidates);
}

}  // namespace placesim::cli
