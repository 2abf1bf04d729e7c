#pragma once
// Reads a calibration file (placesim calibrate; docs/calibration.md, "The calibration file") for
// placesim run --posterior and placesim report. The file is someone else's until checked: it
// is read in a child process bounded in time (io/child_process.hpp), its format and version
// are checked, its checksum (version 2 on) recomputed, and every size it declares checked
// against the file before anything is allocated from it.
#include <string>

#include "scenario/posterior.hpp"

namespace placesim {

// The `format` attribute of a calibration file, and the versions of it this program reads:
// 1 (no checksum) and 2 (the root attribute content_crc32, as results files carry it).
inline constexpr const char* kCalibrationFormat = "placesim-calibration";
inline constexpr int kOldestCalibrationVersion = 1;
inline constexpr int kCalibrationVersion = 2;

struct CalibrationFile {
  int format_version = 0;
  std::string status;        // "posterior" or "all_implausible"
  std::string scenario;      // the resolved scenario the calibration ran (root attribute `scenario`)
  PosteriorDraws posterior;  // /calibration/posterior named by /calibration/parameter; empty when none
};

// Throws std::runtime_error, naming the file and saying why, for a file that is not a
// regular file, not a calibration file, of a version this program does not read, damaged
// (its checksum, a size it declares, or the HDF5 library failing on it), or too slow to read.
CalibrationFile read_calibration_file(const std::string& path);
// The same in this process (for the fuzz target, on inputs that do not crash the library).
CalibrationFile read_calibration_in_process(const std::string& path);

}  // namespace placesim
