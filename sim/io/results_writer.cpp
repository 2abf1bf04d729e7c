#include "io/results_writer.hpp"

#include "io/content_digest.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace placesim {

using namespace results;

namespace {

std::vector<hsize_t> metric_shape(MetricShape shape, hsize_t runs, hsize_t months, const Layout& layout) {
  const auto issues = static_cast<hsize_t>(layout.issues.size());
  const auto sectors = static_cast<hsize_t>(layout.sectors.size());
  switch (shape) {
    case MetricShape::Scalar: return {runs, months};
    case MetricShape::PerIssue: return {runs, months, issues};
    case MetricShape::SectorBySector: return {runs, months, sectors, sectors};
  }
  return {runs, months};
}

// Rows of /design written at a time (and its chunk length).
constexpr int kDesignWindow = 16384;
// Runs per chunk of the /status flags.
constexpr hsize_t kStatusChunk = 65536;

hid_t file_type(ColumnType type) {
  switch (type) {
    case ColumnType::Int32: return H5T_STD_I32LE;
    case ColumnType::UInt64: return H5T_STD_U64LE;
    case ColumnType::Float64: return H5T_IEEE_F64LE;
    case ColumnType::Text: return H5T_STD_I32LE;  // not used: text columns are strings
  }
  return H5T_STD_I32LE;
}

void set(hid_t object, const std::string& name, const AttributeValue& value) {
  std::visit([&](const auto& v) { hdf5::set_attribute(object, name, v); }, value);
}

hdf5::Handle index_coordinate(hid_t group, const char* name, hsize_t size, const std::string& long_name) {
  std::vector<std::int32_t> values(size);
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<std::int32_t>(i);
  hdf5::Handle dataset = hdf5::create_dataset(group, name, H5T_STD_I32LE, {size}, {});
  if (size) hdf5::write_all(dataset.id(), H5T_NATIVE_INT32, values.data());
  hdf5::set_attribute(dataset.id(), "long_name", long_name);
  hdf5::make_scale(dataset.id(), name);
  return dataset;
}

}  // namespace

void ResultsWriter::create_coordinates(hid_t group, bool metric_dimensions) {
  index_coordinate(group, kRunDim, static_cast<hsize_t>(layout_.runs), "run index (a row of /design)");
  if (!metric_dimensions) return;
  hdf5::Handle month = index_coordinate(group, kMonthDim, static_cast<hsize_t>(layout_.months + 1),
                                        "months since the start of the run (0: the initial state)");
  hdf5::set_attribute(month.id(), "units", std::string("months"));
  for (const char* name : {kIssueDim, kSectorFromDim, kSectorToDim}) {
    hdf5::write_strings(group, name, name == kIssueDim ? layout_.issues : layout_.sectors);
    hdf5::Handle scale = hdf5::open_dataset(group, name);
    hdf5::make_scale(scale.id(), name);
  }
}

ResultsWriter::ResultsWriter(const std::string& path, const Layout& layout, const Shard& shard,
                             const DesignTable& design, const Provenance& provenance)
    : layout_(layout), file_(hdf5::create_file(path)) {
  const hid_t root = file_.id();
  hdf5::set_attribute(root, "format", std::string(kFormat));
  hdf5::set_attribute(root, "format_version", kFormatVersion);
  hdf5::set_attribute(root, "program_version", provenance.program_version);
  hdf5::set_attribute(root, "git_commit", provenance.git_commit);
  hdf5::set_attribute(root, "created_utc", provenance.created_utc);
  hdf5::set_attribute(root, "command_line", provenance.command_line);
  hdf5::set_attribute(root, "scenario", provenance.scenario_toml);
  hdf5::set_attribute(root, "base_seed", provenance.base_seed);
  hdf5::set_attribute(root, "runs", static_cast<std::int64_t>(layout.runs));
  hdf5::set_attribute(root, "months", static_cast<std::int64_t>(layout.months));
  hdf5::set_attribute(root, "block_runs", static_cast<std::int64_t>(layout.block_runs));
  hdf5::set_attribute(root, "compression", static_cast<std::int64_t>(layout.compression));
  hdf5::set_attribute(root, "shard_index", static_cast<std::int64_t>(shard.index));
  hdf5::set_attribute(root, "shard_count", static_cast<std::int64_t>(shard.count));

  write_design(design);

  // /status: each run's completed and failed flags; the failures' messages come at close().
  {
    status_ = hdf5::create_group(root, kStatusGroup);
    create_coordinates(status_.id(), false);
    hdf5::Handle run = hdf5::open_dataset(status_.id(), kRunDim);
    const std::uint8_t zero = 0;
    const hsize_t n = static_cast<hsize_t>(layout.runs);
    // Chunked, so that the flags carry a checksum like every other chunk.
    const std::vector<hsize_t> chunk = n > 0 ? std::vector<hsize_t>{std::min<hsize_t>(n, kStatusChunk)} : std::vector<hsize_t>{};
    completed_ = hdf5::create_dataset(status_.id(), "completed", H5T_STD_U8LE, {n}, chunk, &zero);
    hdf5::set_attribute(completed_.id(), "description",
                        std::string("1 when the run's metrics are written in full, 0 when it failed or is missing"));
    hdf5::attach_scales(completed_.id(), {run.id()});
    failed_ = hdf5::create_dataset(status_.id(), "failed", H5T_STD_U8LE, {n}, chunk, &zero);
    hdf5::set_attribute(failed_.id(), "description",
                        std::string("1 when the run failed: its metrics are NaN and /status/message says why"));
    hdf5::attach_scales(failed_.id(), {run.id()});
  }

  // /metrics: every metric, with its coordinates.
  metrics_ = hdf5::create_group(root, kMetricsGroup);
  create_coordinates(metrics_.id(), true);
  hdf5::Handle run = hdf5::open_dataset(metrics_.id(), kRunDim);
  hdf5::Handle month = hdf5::open_dataset(metrics_.id(), kMonthDim);
  hdf5::Handle issue = hdf5::open_dataset(metrics_.id(), kIssueDim);
  hdf5::Handle from = hdf5::open_dataset(metrics_.id(), kSectorFromDim);
  hdf5::Handle to = hdf5::open_dataset(metrics_.id(), kSectorToDim);
  const auto runs = static_cast<hsize_t>(layout.runs);
  const auto months = static_cast<hsize_t>(layout.months + 1);
  const float nan = std::numeric_limits<float>::quiet_NaN();
  for (int m = 0; m < static_cast<int>(Metric::Count); ++m) {
    const MetricSpec& s = spec(static_cast<Metric>(m));
    std::vector<hsize_t> dims = metric_shape(s.shape, runs, months, layout);
    std::vector<hsize_t> chunk = dims;
    chunk[0] = static_cast<hsize_t>(std::max(1, layout.block_runs));
    if (runs == 0) chunk.clear();
    hdf5::Handle dataset = hdf5::create_dataset(metrics_.id(), std::string(s.name), H5T_IEEE_F32LE, dims, chunk,
                                                layout.compression, &nan);
    hdf5::set_attribute(dataset.id(), "units", std::string(s.units));
    hdf5::set_attribute(dataset.id(), "long_name", std::string(s.label));
    hdf5::set_attribute(dataset.id(), "description", std::string(s.description));
    hdf5::set_attribute(dataset.id(), kKeyOutcomeAttribute, std::int64_t{s.key_outcome ? 1 : 0});
    // The bounds every value lies within (not netCDF's valid_min and valid_max, which some
    // readers would use to mask float rounding just past a bound).
    if (std::isfinite(s.lower)) hdf5::set_attribute(dataset.id(), "lower_bound", s.lower);
    if (std::isfinite(s.upper)) hdf5::set_attribute(dataset.id(), "upper_bound", s.upper);
    std::vector<hid_t> scales = {run.id(), month.id()};
    if (s.shape == MetricShape::PerIssue) scales.push_back(issue.id());
    if (s.shape == MetricShape::SectorBySector) {
      scales.push_back(from.id());
      scales.push_back(to.id());
    }
    hdf5::attach_scales(dataset.id(), scales);
    datasets_.push_back(std::move(dataset));
  }
}

void ResultsWriter::write_design(const DesignTable& design) {
  hdf5::Handle group = hdf5::create_group(file_.id(), kDesignGroup);
  for (const auto& [name, value] : design.design_attributes()) set(group.id(), name, value);
  create_coordinates(group.id(), false);
  hdf5::Handle run = hdf5::open_dataset(group.id(), kRunDim);
  const std::vector<std::string> parameters = design.design_parameters();
  const std::vector<DesignColumn> columns = design.design_columns();
  hdf5::Handle parameter;
  const bool wide = std::any_of(columns.begin(), columns.end(), [](const DesignColumn& c) { return c.width > 1; });
  if (wide || !parameters.empty()) {
    hdf5::write_strings(group.id(), kParameterDim, parameters);
    parameter = hdf5::open_dataset(group.id(), kParameterDim);
    hdf5::set_attribute(parameter.id(), "long_name", std::string("the swept parameters, in [sweep] order"));
    hdf5::make_scale(parameter.id(), kParameterDim);
  }

  const auto runs = static_cast<hsize_t>(layout_.runs);
  const hsize_t window = std::min<hsize_t>(runs, kDesignWindow);
  std::vector<hdf5::Handle> datasets;
  for (const DesignColumn& c : columns) {
    hdf5::Handle dataset;
    if (c.type == ColumnType::Text) {
      dataset = hdf5::create_strings(group.id(), c.name, runs, window);
    } else {
      std::vector<hsize_t> dims = {runs};
      std::vector<hsize_t> chunk = {window};
      if (c.width > 1) {
        dims.push_back(static_cast<hsize_t>(c.width));
        chunk.push_back(static_cast<hsize_t>(c.width));
      }
      if (runs == 0) chunk.clear();
      dataset = hdf5::create_dataset(group.id(), c.name, file_type(c.type), dims, chunk);
    }
    hdf5::set_attribute(dataset.id(), "description", c.description);
    if (!c.attribute_name.empty()) hdf5::set_attribute(dataset.id(), c.attribute_name, c.attribute_value);
    std::vector<hid_t> scales = {run.id()};
    if (c.width > 1) scales.push_back(parameter.id());
    hdf5::attach_scales(dataset.id(), scales);
    datasets.push_back(std::move(dataset));
  }

  for (int first = 0; first < layout_.runs; first += kDesignWindow) {
    const int count = std::min(kDesignWindow, layout_.runs - first);
    const std::vector<ColumnData> rows = design.design_rows(first, count);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const hid_t dataset = datasets[c].id();
      std::vector<hsize_t> offset = {static_cast<hsize_t>(first)};
      std::vector<hsize_t> extent = {static_cast<hsize_t>(count)};
      if (columns[c].width > 1) {
        offset.push_back(0);
        extent.push_back(static_cast<hsize_t>(columns[c].width));
      }
      std::visit(
          [&](const auto& values) {
            using T = typename std::decay_t<decltype(values)>::value_type;
            if constexpr (std::is_same_v<T, std::string>) {
              hdf5::write_strings_block(dataset, offset[0], values);
            } else if constexpr (std::is_same_v<T, std::int32_t>) {
              hdf5::write_block(dataset, H5T_NATIVE_INT32, offset, extent, values.data());
            } else if constexpr (std::is_same_v<T, std::uint64_t>) {
              hdf5::write_block(dataset, H5T_NATIVE_UINT64, offset, extent, values.data());
            } else {
              hdf5::write_block(dataset, H5T_NATIVE_DOUBLE, offset, extent, values.data());
            }
          },
          rows[c]);
    }
  }
}

void ResultsWriter::write_block(const EncodedBlock& block) {
  hdf5::silence_errors();  // called from the writer thread
  if (block.runs == 0) return;
  if (block.first != layout_.first_run(block.block) || block.runs != layout_.runs_in(block.block) ||
      block.chunks.size() != datasets_.size()) {
    throw std::logic_error("a block does not fit the results file's layout");
  }
  for (std::size_t m = 0; m < datasets_.size(); ++m) {
    std::vector<hsize_t> offset(hdf5::dimensions(datasets_[m].id()).size(), 0);
    offset[0] = static_cast<hsize_t>(block.first);
    const auto& chunk = block.chunks[m];
    errno = 0;
    if (H5Dwrite_chunk(datasets_[m].id(), H5P_DEFAULT, 0, offset.data(), chunk.size(), chunk.data()) < 0) {
      const int error = errno;
      throw hdf5::Hdf5Error("HDF5: cannot write a chunk of /metrics/" + std::string(spec(static_cast<Metric>(m)).name) +
                            " to " + hdf5::file_of(file_.id()) + (error ? std::string(": ") + std::strerror(error) : ""));
    }
  }
  std::vector<std::uint8_t> completed(block.failed.size());
  for (std::size_t i = 0; i < completed.size(); ++i) {
    completed[i] = block.failed[i] ? 0 : 1;
    if (block.failed[i]) {
      failure_runs_.push_back(block.first + static_cast<int>(i));
      failure_messages_.push_back(block.messages[i]);
    }
  }
  const std::vector<hsize_t> offset = {static_cast<hsize_t>(block.first)};
  const std::vector<hsize_t> count = {static_cast<hsize_t>(block.runs)};
  hdf5::write_block(completed_.id(), H5T_NATIVE_UINT8, offset, count, completed.data());
  hdf5::write_block(failed_.id(), H5T_NATIVE_UINT8, offset, count, block.failed.data());
}

void ResultsWriter::close() {
  if (!file_) return;
  hdf5::silence_errors();
  // /status/failure: the failed runs (a coordinate: their run indices), with their messages, in
  // run order: blocks arrive in whatever order the threads finish them, the file does not depend
  // on it.
  {
    std::vector<std::size_t> order(failure_runs_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return failure_runs_[a] < failure_runs_[b]; });
    std::vector<int> runs;
    std::vector<std::string> messages;
    for (const std::size_t i : order) {
      runs.push_back(failure_runs_[i]);
      messages.push_back(failure_messages_[i]);
    }
    failure_runs_ = std::move(runs);
    failure_messages_ = std::move(messages);
    const auto n = static_cast<hsize_t>(failure_runs_.size());
    hdf5::Handle failure = hdf5::create_dataset(status_.id(), kFailureDim, H5T_STD_I32LE, {n}, {});
    if (n) hdf5::write_all(failure.id(), H5T_NATIVE_INT32, failure_runs_.data());
    hdf5::set_attribute(failure.id(), "long_name", std::string("run index of each failed run"));
    hdf5::make_scale(failure.id(), kFailureDim);
    hdf5::write_strings(status_.id(), "message", failure_messages_);
    hdf5::Handle message = hdf5::open_dataset(status_.id(), "message");
    hdf5::set_attribute(message.id(), "description", std::string("why the run failed"));
    hdf5::attach_scales(message.id(), {failure.id()});
  }
  datasets_.clear();
  completed_.reset();
  failed_.reset();
  status_.reset();
  metrics_.reset();
  // Last: the checksum of everything HDF5's own checksums leave out (io/content_digest.hpp).
  hdf5::set_attribute(file_.id(), kContentDigestAttribute, static_cast<std::int64_t>(content_digest(file_.id())));
  hdf5::check(H5Fflush(file_.id(), H5F_SCOPE_GLOBAL), "flush the results file");
  file_.reset();
}

}  // namespace placesim

namespace placesim {

void ResultsWriter::abandon() {
  hdf5::silence_errors();
  datasets_.clear();
  completed_.reset();
  failed_.reset();
  status_.reset();
  metrics_.reset();
  file_.reset();
}

}  // namespace placesim
