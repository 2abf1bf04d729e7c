#include "io/calibration_reader.hpp"

#include <hdf5.h>

#include <stdexcept>

#include "io/hdf5.hpp"

namespace placesim {

PosteriorDraws read_posterior_file(const std::string& path) {
  hdf5::silence_errors();
  try {
    const hdf5::Handle file = hdf5::open_file(path, false);
    if (!hdf5::has_attribute(file.id(), "format") || hdf5::string_attribute(file.id(), "format") != kCalibrationFormat) {
      throw std::runtime_error(path + " is not a calibration file (placesim calibrate writes them)");
    }
    if (!hdf5::exists(file.id(), "calibration/posterior")) {
      const std::string status = hdf5::has_attribute(file.id(), "status") ? hdf5::string_attribute(file.id(), "status") : "";
      throw std::runtime_error(path + " holds no posterior" +
                               (status == "all_implausible" ? std::string(": its calibration found every point implausible") : ""));
    }
    PosteriorDraws posterior;
    posterior.source = path;
    const hdf5::Handle names = hdf5::open_dataset(file.id(), "calibration/parameter");
    posterior.keys = hdf5::read_strings(names.id());
    const hdf5::Handle draws = hdf5::open_dataset(file.id(), "calibration/posterior");
    const auto dims = hdf5::dimensions(draws.id());
    if (dims.size() != 2 || dims[1] != posterior.keys.size()) {
      throw std::runtime_error(path + ": /calibration/posterior is not [draw, parameter]");
    }
    std::vector<double> values(dims[0] * dims[1]);
    if (!values.empty()) {
      hdf5::check(H5Dread(draws.id(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                  "read the posterior of " + path);
    }
    for (hsize_t d = 0; d < dims[0]; ++d) {
      posterior.draws.emplace_back(values.begin() + static_cast<std::ptrdiff_t>(d * dims[1]),
                                   values.begin() + static_cast<std::ptrdiff_t>((d + 1) * dims[1]));
    }
    return posterior;
  } catch (const hdf5::Hdf5Error& e) {
    throw std::runtime_error(path + ": cannot read the calibration file (" + e.what() + ")");
  }
}

}  // namespace placesim
