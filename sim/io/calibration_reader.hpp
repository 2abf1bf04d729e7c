#pragma once
// Reads the posterior sample of a calibration file (placesim calibrate; docs/calibration.md,
// "The calibration file") for placesim run --posterior.
#include <string>

#include "scenario/posterior.hpp"

namespace placesim {

// The `format` attribute of a calibration file.
inline constexpr const char* kCalibrationFormat = "placesim-calibration";

// The draws of /calibration/posterior, named by /calibration/parameter. Throws
// std::runtime_error, saying why, for a file that is not a calibration file or holds no
// posterior (a calibration that found every point implausible).
PosteriorDraws read_posterior_file(const std::string& path);

}  // namespace placesim
