#pragma once
// What a calibration's emulators cost, for the estimates placesim plan prints (beside a pilot's
// measurement of the runs) and placesim calibrate prints before it starts, refusing days of work
// unless asked, as placesim run refuses an hours-long run.
#include "scenario/calibration_targets.hpp"

namespace placesim::cli {

// A calibration estimated to take longer than this is refused unless asked (--allow-long-runs).
inline constexpr double kLongCalibrationSeconds = 86400;

// Seconds the emulators take at most: every wave fits one per target and screens
// settings.candidates prior draws.
double calibration_emulation_seconds(const CalibrationTargets& targets);

}  // namespace placesim::cli
