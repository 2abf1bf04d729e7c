#include "io/calibration_reader.hpp"

#include <hdf5.h>

#include <stdexcept>

#include "io/child_process.hpp"
#include "io/content_digest.hpp"
#include "io/hdf5.hpp"

namespace placesim {

namespace {

std::string versions_read() {
  std::string text;
  for (int v = kOldestCalibrationVersion; v <= kCalibrationVersion; ++v) {
    text += (text.empty() ? "" : v == kCalibrationVersion ? " and " : ", ") + std::to_string(v);
  }
  return text;
}

CalibrationFile read_open_file(const std::string& path, hid_t file) {
  if (!hdf5::has_attribute(file, "format") || hdf5::string_attribute(file, "format") != kCalibrationFormat) {
    throw std::runtime_error(path + " is not a calibration file (placesim calibrate writes them)");
  }
  CalibrationFile c;
  if (!hdf5::has_attribute(file, "format_version")) throw std::runtime_error(path + " is damaged: it has no format_version");
  const std::int64_t version = hdf5::integer_attribute(file, "format_version");
  if (version < kOldestCalibrationVersion || version > kCalibrationVersion) {
    throw std::runtime_error(path + " has calibration-file format version " + std::to_string(version) +
                             "; this placesim reads versions " + versions_read());
  }
  c.format_version = static_cast<int>(version);
  if (c.format_version >= 2) {
    if (!hdf5::has_attribute(file, kContentDigestAttribute)) {
      throw std::runtime_error(path + " is damaged: it has no checksum (" + kContentDigestAttribute + ")");
    }
    const std::int64_t stored = hdf5::integer_attribute(file, kContentDigestAttribute);
    if (stored < 0 || stored > 0xFFFFFFFFll || static_cast<std::uint32_t>(stored) != content_digest(file)) {
      throw std::runtime_error(path + " is damaged: its contents do not match their checksum");
    }
  }
  if (hdf5::has_attribute(file, "status")) c.status = hdf5::string_attribute(file, "status");
  if (hdf5::has_attribute(file, "scenario")) c.scenario = hdf5::string_attribute(file, "scenario");
  if (!hdf5::exists(file, "calibration/posterior")) return c;
  c.posterior.source = path;
  const hdf5::Handle names = hdf5::open_dataset(file, "calibration/parameter");
  c.posterior.keys = hdf5::read_strings(names.id());
  const hdf5::Handle draws = hdf5::open_dataset(file, "calibration/posterior");
  const auto dims = hdf5::dimensions(draws.id());
  if (dims.size() != 2 || dims[1] != c.posterior.keys.size()) {
    throw std::runtime_error(path + ": /calibration/posterior is not [draw, parameter]");
  }
  std::vector<double> values(hdf5::stored_values(draws.id(), sizeof(double)));
  if (!values.empty()) {
    hdf5::check(H5Dread(draws.id(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                "read the posterior of " + path);
  }
  for (hsize_t d = 0; d < dims[0]; ++d) {
    c.posterior.draws.emplace_back(values.begin() + static_cast<std::ptrdiff_t>(d * dims[1]),
                                   values.begin() + static_cast<std::ptrdiff_t>((d + 1) * dims[1]));
  }
  return c;
}

void encode(const CalibrationFile& c, ChildMessage& out) {
  out.put_u64(static_cast<std::uint64_t>(c.format_version));
  out.put_text(c.status);
  out.put_text(c.scenario);
  out.put_u64(c.posterior.keys.size());
  for (const std::string& key : c.posterior.keys) out.put_text(key);
  out.put_u64(c.posterior.draws.size());
  for (const auto& draw : c.posterior.draws) {
    for (const double x : draw) out.put_double(x);
  }
}

CalibrationFile decode(ChildMessage& in, const std::string& path) {
  CalibrationFile c;
  c.format_version = static_cast<int>(in.u64());
  c.status = in.text();
  c.scenario = in.text();
  const std::uint64_t keys = in.u64();
  for (std::uint64_t k = 0; k < keys; ++k) c.posterior.keys.push_back(in.text());
  const std::uint64_t draws = in.u64();
  for (std::uint64_t d = 0; d < draws; ++d) {
    std::vector<double> draw;
    for (std::uint64_t k = 0; k < keys; ++k) draw.push_back(in.real());
    c.posterior.draws.push_back(std::move(draw));
  }
  if (!c.posterior.empty()) c.posterior.source = path;
  return c;
}

}  // namespace

CalibrationFile read_calibration_in_process(const std::string& path) {
  hdf5::silence_errors();
  try {
    const hdf5::Handle file = hdf5::open_file(path, false);
    return read_open_file(path, file.id());
  } catch (const hdf5::Hdf5Error& e) {
    const std::string what = e.what();
    throw std::runtime_error(what.find(path) != std::string::npos ? what
                                                                   : path + ": cannot read the calibration file (" + what + ")");
  }
}

CalibrationFile read_calibration_file(const std::string& path) {
  ChildMessage in = read_in_child(path, [&](ChildMessage& out) { encode(read_calibration_in_process(path), out); });
  try {
    return decode(in, path);
  } catch (const std::exception&) {
    throw std::runtime_error("cannot check " + path + ": the checking process stopped early");
  }
}

}  // namespace placesim
