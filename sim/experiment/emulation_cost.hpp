#pragma once
// The time a calibration's emulators take (placesim plan), from the settings alone: what the
// history matching of placesim_analysis.calibration does with them, costed by the two
// operations that dominate it, each measured on a 2-core machine with Debian's reference BLAS
// (docs/calibration.md, "Performance"). An upper bound: it counts every run as not ruled out
// and every screened candidate as surviving, so every emulator has its largest training set
// and every wave's emulators see every candidate.
#include "scenario/calibration_targets.hpp"

namespace placesim {

// Seconds to fit one target's emulator (a Gaussian process with an anisotropic kernel, three
// optimiser starts) to `points` runs over `dimension` parameters: cubic in the points.
double emulator_fit_seconds(double points, int dimension);

// Seconds for one target's emulator fitted to `points` runs to predict, with its variance, at
// `at` new points: quadratic in the training points.
double emulator_predict_seconds(double points, double at);

// Seconds of emulation in a whole calibration at most: each wave's fits and screens, the next
// wave's design, and the posterior's emulators and candidates.
double emulation_seconds(const CalibrationTargets& targets);

}  // namespace placesim
