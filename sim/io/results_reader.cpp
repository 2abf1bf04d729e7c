#include "io/results_reader.hpp"

#include <algorithm>

namespace placesim {

using namespace results;

ResultsReader::ResultsReader(const std::string& path) : path_(path), file_(hdf5::open_file(path, false)) {
  if (!hdf5::has_attribute(file_.id(), "format") || text("format") != kFormat) {
    throw hdf5::Hdf5Error(path + " is an HDF5 file but not a PlaceSim results file");
  }
  runs_ = static_cast<int>(number("runs"));
  months_ = static_cast<int>(number("months"));
}

std::string ResultsReader::text(const std::string& attribute) const {
  return hdf5::string_attribute(file_.id(), attribute);
}

std::int64_t ResultsReader::number(const std::string& attribute) const {
  return hdf5::integer_attribute(file_.id(), attribute);
}

std::uint64_t ResultsReader::base_seed() const {
  hdf5::Handle attribute(H5Aopen(file_.id(), "base_seed", H5P_DEFAULT), H5Aclose, "open attribute base_seed");
  std::uint64_t seed = 0;
  hdf5::check(H5Aread(attribute.id(), H5T_NATIVE_UINT64, &seed), "read attribute base_seed");
  return seed;
}

std::vector<std::string> ResultsReader::issues() const {
  hdf5::Handle group = hdf5::open_group(file_.id(), kMetricsGroup);
  hdf5::Handle issue = hdf5::open_dataset(group.id(), kIssueDim);
  return hdf5::read_strings(issue.id());
}

std::vector<std::string> ResultsReader::metric_names() const {
  hdf5::Handle group = hdf5::open_group(file_.id(), kMetricsGroup);
  std::vector<std::string> names;
  for (const std::string& name : hdf5::members(group.id())) {
    const bool coordinate = name == kRunDim || name == kMonthDim || name == kIssueDim ||
                            name == kSectorFromDim || name == kSectorToDim;
    if (!coordinate) names.push_back(name);
  }
  return names;
}

MetricInfo ResultsReader::metric(const std::string& name) const {
  hdf5::Handle group = hdf5::open_group(file_.id(), kMetricsGroup);
  hdf5::Handle dataset = hdf5::open_dataset(group.id(), name);
  MetricInfo info;
  info.name = name;
  info.units = hdf5::string_attribute(dataset.id(), "units");
  info.description = hdf5::string_attribute(dataset.id(), "description");
  for (hsize_t d : hdf5::dimensions(dataset.id())) info.shape.push_back(d);
  info.dimensions = {kRunDim, kMonthDim};
  if (info.shape.size() == 3) info.dimensions.push_back(kIssueDim);
  if (info.shape.size() == 4) info.dimensions.insert(info.dimensions.end(), {kSectorFromDim, kSectorToDim});
  return info;
}

std::vector<float> ResultsReader::read(const std::string& name, int first, int count) const {
  hdf5::Handle group = hdf5::open_group(file_.id(), kMetricsGroup);
  hdf5::Handle dataset = hdf5::open_dataset(group.id(), name);
  std::vector<hsize_t> extent = hdf5::dimensions(dataset.id());
  std::vector<hsize_t> offset(extent.size(), 0);
  offset[0] = static_cast<hsize_t>(first);
  extent[0] = static_cast<hsize_t>(count);
  std::size_t size = 1;
  for (hsize_t e : extent) size *= e;
  std::vector<float> values(size);
  if (size) hdf5::read_block(dataset.id(), H5T_NATIVE_FLOAT, offset, extent, values.data());
  return values;
}

std::vector<float> ResultsReader::read_month(const std::string& name, int month) const {
  hdf5::Handle group = hdf5::open_group(file_.id(), kMetricsGroup);
  hdf5::Handle dataset = hdf5::open_dataset(group.id(), name);
  std::vector<float> values(static_cast<std::size_t>(runs_));
  if (!values.empty()) {
    hdf5::read_block(dataset.id(), H5T_NATIVE_FLOAT, {0, static_cast<hsize_t>(month)},
                     {static_cast<hsize_t>(runs_), 1}, values.data());
  }
  return values;
}

std::vector<std::uint8_t> ResultsReader::completed() const {
  hdf5::Handle group = hdf5::open_group(file_.id(), kStatusGroup);
  hdf5::Handle dataset = hdf5::open_dataset(group.id(), "completed");
  std::vector<std::uint8_t> flags(static_cast<std::size_t>(runs_));
  if (!flags.empty()) hdf5::check(H5Dread(dataset.id(), H5T_NATIVE_UINT8, H5S_ALL, H5S_ALL, H5P_DEFAULT, flags.data()), "read completed");
  return flags;
}

RunDesign ResultsReader::design() const {
  hdf5::Handle group = hdf5::open_group(file_.id(), kDesignGroup);
  RunDesign design;
  hdf5::Handle label = hdf5::open_dataset(group.id(), "label");
  design.labels = hdf5::read_strings(label.id());
  design.replicates.resize(design.labels.size());
  design.seeds.resize(design.labels.size());
  if (!design.labels.empty()) {
    hdf5::Handle replicate = hdf5::open_dataset(group.id(), "replicate");
    hdf5::check(H5Dread(replicate.id(), H5T_NATIVE_INT32, H5S_ALL, H5S_ALL, H5P_DEFAULT, design.replicates.data()), "read replicates");
    hdf5::Handle seed = hdf5::open_dataset(group.id(), "seed");
    hdf5::check(H5Dread(seed.id(), H5T_NATIVE_UINT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, design.seeds.data()), "read seeds");
  }
  return design;
}

}  // namespace placesim
