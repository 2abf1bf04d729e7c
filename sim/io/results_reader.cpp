#include "io/results_reader.hpp"

#include <algorithm>
#include <limits>
#include <utility>

#include "io/content_digest.hpp"
#include "io/fletcher32.hpp"

namespace placesim {

using namespace results;

namespace {

[[noreturn]] void damaged(const std::string& path, const std::string& what) {
  throw hdf5::Hdf5Error(path + " is damaged or not written by PlaceSim: " + what);
}

std::uint64_t length_of(hid_t file, const char* group_name, const char* dataset_name) {
  hdf5::Handle group = hdf5::open_group(file, group_name);
  hdf5::Handle dataset = hdf5::open_dataset(group.id(), dataset_name);
  const auto dims = hdf5::dimensions(dataset.id());
  return dims.empty() ? 0 : dims[0];
}

}  // namespace

ResultsReader::ResultsReader(const std::string& path) : path_(path), file_(hdf5::open_file(path, false)) {
  if (!hdf5::has_attribute(file_.id(), "format")) {
    throw hdf5::Hdf5Error(path + " is an HDF5 file but not a PlaceSim results file");
  }
  if (const std::string format = text("format"); format != kFormat) {
    throw hdf5::Hdf5Error(path + " is an HDF5 file but not a PlaceSim results file (its format is \"" + format + "\")");
  }
  version_ = number("format_version");
  if (version_ < kOldestReadableVersion || version_ > kFormatVersion) {
    throw hdf5::Hdf5Error(path + " has results-file format version " + std::to_string(version_) + "; this placesim reads " +
                          std::to_string(kOldestReadableVersion) + " to " + std::to_string(kFormatVersion));
  }
  // Every size a reader relies on, checked against the datasets before anything is sized
  // from it, so that a damaged attribute is reported rather than trusted.
  const std::int64_t runs = number("runs"), months = number("months");
  if (runs < 0 || runs > std::numeric_limits<int>::max()) damaged(path, "runs = " + std::to_string(runs));
  // Each run takes bytes in the file (its label, its status), however it is compressed.
  hsize_t file_bytes = 0;
  if (H5Fget_filesize(file_.id(), &file_bytes) < 0 || static_cast<std::uint64_t>(runs) > file_bytes) {
    damaged(path, "runs = " + std::to_string(runs) + " in a file of " + std::to_string(file_bytes) + " bytes");
  }
  if (months < 0 || months > 1000000) damaged(path, "months = " + std::to_string(months));
  runs_ = static_cast<int>(runs);
  months_ = static_cast<int>(months);
  const std::int64_t block = number("block_runs"), compression = number("compression");
  const std::int64_t shard_index = number("shard_index"), shard_count = number("shard_count");
  if (block < 1 || block > std::numeric_limits<int>::max()) damaged(path, "block_runs = " + std::to_string(block));
  if (compression < 0 || compression > 9) damaged(path, "compression = " + std::to_string(compression));
  if (shard_count < 1 || shard_index < 1 || shard_index > shard_count || shard_count > std::numeric_limits<int>::max()) {
    damaged(path, "shard " + std::to_string(shard_index) + " of " + std::to_string(shard_count));
  }
  for (const auto& [group, dataset] : {std::pair{kStatusGroup, "completed"}, std::pair{kStatusGroup, "failed"},
                                       std::pair{kDesignGroup, "label"}}) {
    if (length_of(file_.id(), group, dataset) != static_cast<std::uint64_t>(runs_)) {
      damaged(path, std::string("/") + group + "/" + dataset + " does not hold one entry per run");
    }
  }
  hdf5::Handle metrics = hdf5::open_group(file_.id(), kMetricsGroup);
  for (int m = 0; m < static_cast<int>(Metric::Count); ++m) {
    const std::string name(spec(static_cast<Metric>(m)).name);
    if (!hdf5::exists(metrics.id(), name)) continue;  // a metric added after the file was written
    hdf5::Handle dataset = hdf5::open_dataset(metrics.id(), name);
    const auto dims = hdf5::dimensions(dataset.id());
    if (dims.size() < 2 || dims[0] != static_cast<std::uint64_t>(runs_) || dims[1] != static_cast<std::uint64_t>(months_) + 1) {
      damaged(path, "/metrics/" + name + " does not have the file's runs and months");
    }
  }
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

std::vector<std::string> ResultsReader::sectors() const {
  hdf5::Handle group = hdf5::open_group(file_.id(), kMetricsGroup);
  hdf5::Handle sector = hdf5::open_dataset(group.id(), kSectorFromDim);
  return hdf5::read_strings(sector.id());
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
  // Files before format 4 have neither: a label from the name, and no key outcomes.
  info.label = hdf5::has_attribute(dataset.id(), "long_name") ? hdf5::string_attribute(dataset.id(), "long_name") : name;
  info.key_outcome = hdf5::has_attribute(dataset.id(), kKeyOutcomeAttribute) &&
                     hdf5::integer_attribute(dataset.id(), kKeyOutcomeAttribute) != 0;
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

namespace {

std::vector<std::uint8_t> read_flags(hid_t file, const char* name, int runs) {
  hdf5::Handle group = hdf5::open_group(file, kStatusGroup);
  hdf5::Handle dataset = hdf5::open_dataset(group.id(), name);
  std::vector<std::uint8_t> flags(static_cast<std::size_t>(runs));
  if (!flags.empty()) {
    hdf5::check(H5Dread(dataset.id(), H5T_NATIVE_UINT8, H5S_ALL, H5S_ALL, H5P_DEFAULT, flags.data()),
                std::string("read ") + name);
  }
  return flags;
}

template <class T>
std::vector<T> read_column(hid_t file, const std::string& name, hid_t type, std::size_t size) {
  hdf5::Handle group = hdf5::open_group(file, kDesignGroup);
  hdf5::Handle dataset = hdf5::open_dataset(group.id(), name);
  std::vector<T> values(size);
  if (size) hdf5::check(H5Dread(dataset.id(), type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), "read " + name);
  return values;
}

}  // namespace

std::vector<std::uint8_t> ResultsReader::completed() const { return read_flags(file_.id(), "completed", runs_); }
std::vector<std::uint8_t> ResultsReader::failed() const { return read_flags(file_.id(), "failed", runs_); }

std::vector<RunFailure> ResultsReader::failures() const {
  hdf5::Handle group = hdf5::open_group(file_.id(), kStatusGroup);
  hdf5::Handle runs = hdf5::open_dataset(group.id(), kFailureDim);
  hdf5::Handle messages = hdf5::open_dataset(group.id(), "message");
  const std::vector<std::string> text = hdf5::read_strings(messages.id());
  std::vector<std::int32_t> index(text.size());
  if (!index.empty()) {
    hdf5::check(H5Dread(runs.id(), H5T_NATIVE_INT32, H5S_ALL, H5S_ALL, H5P_DEFAULT, index.data()), "read failures");
  }
  std::vector<RunFailure> failures;
  for (std::size_t i = 0; i < text.size(); ++i) failures.push_back({index[i], text[i]});
  return failures;
}

RunLabels ResultsReader::design() const {
  RunLabels design;
  hdf5::Handle group = hdf5::open_group(file_.id(), kDesignGroup);
  hdf5::Handle label = hdf5::open_dataset(group.id(), "label");
  design.labels = hdf5::read_strings(label.id());
  design.replicates = read_column<std::int32_t>(file_.id(), "replicate", H5T_NATIVE_INT32, design.labels.size());
  design.points = read_column<std::int32_t>(file_.id(), "point", H5T_NATIVE_INT32, design.labels.size());
  return design;
}

std::vector<std::string> ResultsReader::design_parameters() const {
  hdf5::Handle group = hdf5::open_group(file_.id(), kDesignGroup);
  if (!hdf5::exists(group.id(), kParameterDim)) return {};
  hdf5::Handle parameter = hdf5::open_dataset(group.id(), kParameterDim);
  return hdf5::read_strings(parameter.id());
}

std::vector<double> ResultsReader::design_numbers(const std::string& column) const {
  return read_column<double>(file_.id(), column, H5T_NATIVE_DOUBLE, static_cast<std::size_t>(runs_));
}

std::string ResultsReader::design_attribute(const std::string& name) const {
  hdf5::Handle group = hdf5::open_group(file_.id(), kDesignGroup);
  return hdf5::string_attribute(group.id(), name);
}

std::int64_t ResultsReader::number_in_design(const std::string& name) const {
  hdf5::Handle group = hdf5::open_group(file_.id(), kDesignGroup);
  return hdf5::integer_attribute(group.id(), name);
}

std::string ResultsReader::design_column_attribute(const std::string& column, const std::string& name) const {
  hdf5::Handle group = hdf5::open_group(file_.id(), kDesignGroup);
  hdf5::Handle dataset = hdf5::open_dataset(group.id(), column);
  return hdf5::has_attribute(dataset.id(), name) ? hdf5::string_attribute(dataset.id(), name) : "";
}

Layout ResultsReader::layout() const {
  Layout layout;
  layout.runs = runs_;
  layout.months = months_;
  layout.issues = issues();
  layout.sectors = sectors();
  layout.block_runs = static_cast<int>(number("block_runs"));
  layout.compression = static_cast<int>(number("compression"));
  return layout;
}

Shard ResultsReader::shard() const {
  return {static_cast<int>(number("shard_index")), static_cast<int>(number("shard_count"))};
}

Provenance ResultsReader::provenance() const {
  return {text("program_version"), text("git_commit"), text("created_utc"), text("command_line"), text("scenario"),
          base_seed()};
}

std::uint32_t ResultsReader::content_digest() const { return placesim::content_digest(file_.id()); }

std::vector<std::uint8_t> ResultsReader::raw_chunk(Metric metric, int block) const {
  hdf5::Handle group = hdf5::open_group(file_.id(), kMetricsGroup);
  hdf5::Handle dataset = hdf5::open_dataset(group.id(), std::string(spec(metric).name));
  std::vector<hsize_t> offset(hdf5::dimensions(dataset.id()).size(), 0);
  offset[0] = static_cast<hsize_t>(block) * static_cast<hsize_t>(number("block_runs"));
  unsigned filter_mask = 0;
  haddr_t address = HADDR_UNDEF;
  hsize_t size = 0;
  hdf5::check(H5Dget_chunk_info_by_coord(dataset.id(), offset.data(), &filter_mask, &address, &size),
              "find a chunk");
  if (address == HADDR_UNDEF || size == 0) return {};
  if (size > (std::uint64_t{1} << 32)) damaged(path_, "a chunk of /metrics/" + std::string(spec(metric).name) + " claims " + std::to_string(size) + " bytes");
  std::vector<std::uint8_t> bytes(size);
  std::uint32_t filters = 0;
  hdf5::check(H5Dread_chunk(dataset.id(), H5P_DEFAULT, offset.data(), &filters, bytes.data()),
              "read a chunk of /metrics/" + std::string(spec(metric).name) + " in " + path_);
  if (checksums() && !fletcher32_intact(bytes)) {
    throw hdf5::Hdf5Error(path_ + " is damaged: the chunk of /metrics/" + std::string(spec(metric).name) + " for runs " +
                          std::to_string(offset[0]) + " on does not match its checksum");
  }
  return bytes;
}

}  // namespace placesim
