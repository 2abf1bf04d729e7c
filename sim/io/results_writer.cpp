#include "io/results_writer.hpp"

#include <cmath>
#include <limits>

namespace placesim {

using namespace results;

namespace {

std::vector<hsize_t> metric_shape(MetricShape shape, hsize_t runs, hsize_t months, hsize_t issues) {
  switch (shape) {
    case MetricShape::Scalar: return {runs, months};
    case MetricShape::PerIssue: return {runs, months, issues};
    case MetricShape::SectorBySector: return {runs, months, kSectorCount, kSectorCount};
  }
  return {runs, months};
}

std::vector<std::string> sector_names() { return {kSectorNames.begin(), kSectorNames.end()}; }

}  // namespace

void ResultsWriter::create_coordinates(hid_t group, bool metric_dimensions) {
  std::vector<std::int32_t> runs(static_cast<std::size_t>(layout_.runs));
  for (std::size_t r = 0; r < runs.size(); ++r) runs[r] = static_cast<std::int32_t>(r);
  hdf5::Handle run = hdf5::create_dataset(group, kRunDim, H5T_STD_I32LE, {runs.size()}, {});
  if (!runs.empty()) hdf5::write_all(run.id(), H5T_NATIVE_INT32, runs.data());
  hdf5::set_attribute(run.id(), "long_name", std::string("run index (a row of /design)"));
  hdf5::make_scale(run.id(), kRunDim);
  if (!metric_dimensions) return;

  std::vector<std::int32_t> months(static_cast<std::size_t>(layout_.months + 1));
  for (std::size_t t = 0; t < months.size(); ++t) months[t] = static_cast<std::int32_t>(t);
  hdf5::Handle month = hdf5::create_dataset(group, kMonthDim, H5T_STD_I32LE, {months.size()}, {});
  hdf5::write_all(month.id(), H5T_NATIVE_INT32, months.data());
  hdf5::set_attribute(month.id(), "units", std::string("months"));
  hdf5::set_attribute(month.id(), "long_name", std::string("months since the start of the run (0: the initial state)"));
  hdf5::make_scale(month.id(), kMonthDim);

  for (const char* name : {kIssueDim, kSectorFromDim, kSectorToDim}) {
    hdf5::write_strings(group, name, name == kIssueDim ? layout_.issues : sector_names());
    hdf5::Handle scale = hdf5::open_dataset(group, name);
    hdf5::make_scale(scale.id(), name);
  }
}

ResultsWriter::ResultsWriter(const std::string& path, const Layout& layout, const RunDesign& design,
                             const Provenance& provenance)
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

  // /design: one row per run.
  {
    hdf5::Handle group = hdf5::create_group(root, kDesignGroup);
    create_coordinates(group.id(), false);
    hdf5::Handle run = hdf5::open_dataset(group.id(), kRunDim);
    hdf5::write_strings(group.id(), "label", design.labels);
    hdf5::Handle label = hdf5::open_dataset(group.id(), "label");
    hdf5::set_attribute(label.id(), "description", std::string("what the run is: scenario variant and replicate"));
    hdf5::attach_scales(label.id(), {run.id()});
    const hsize_t n = design.size();
    hdf5::Handle replicate = hdf5::create_dataset(group.id(), "replicate", H5T_STD_I32LE, {n}, {});
    if (n) hdf5::write_all(replicate.id(), H5T_NATIVE_INT32, design.replicates.data());
    hdf5::set_attribute(replicate.id(), "description",
                        std::string("replicate index: runs with the same replicate share random streams"));
    hdf5::attach_scales(replicate.id(), {run.id()});
    hdf5::Handle seed = hdf5::create_dataset(group.id(), "seed", H5T_STD_U64LE, {n}, {});
    if (n) hdf5::write_all(seed.id(), H5T_NATIVE_UINT64, design.seeds.data());
    hdf5::set_attribute(seed.id(), "description",
                        std::string("base seed: a run's random streams are keyed by (seed, replicate)"));
    hdf5::attach_scales(seed.id(), {run.id()});
  }

  // /status: the completed flag of each run.
  {
    hdf5::Handle group = hdf5::create_group(root, kStatusGroup);
    create_coordinates(group.id(), false);
    hdf5::Handle run = hdf5::open_dataset(group.id(), kRunDim);
    const std::uint8_t zero = 0;
    completed_ = hdf5::create_dataset(group.id(), "completed", H5T_STD_U8LE,
                                      {static_cast<hsize_t>(layout.runs)}, {}, &zero);
    hdf5::set_attribute(completed_.id(), "description",
                        std::string("1 when the run's metrics are written in full, 0 otherwise"));
    hdf5::attach_scales(completed_.id(), {run.id()});
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
  const auto issues = static_cast<hsize_t>(layout.issues.size());
  const float nan = std::numeric_limits<float>::quiet_NaN();
  for (int m = 0; m < static_cast<int>(Metric::Count); ++m) {
    const MetricSpec& s = spec(static_cast<Metric>(m));
    std::vector<hsize_t> dims = metric_shape(s.shape, runs, months, issues);
    std::vector<hsize_t> chunk = dims;
    chunk[0] = static_cast<hsize_t>(std::max(1, layout.block_runs));
    if (runs == 0) chunk.clear();
    hdf5::Handle dataset = hdf5::create_dataset(metrics_.id(), std::string(s.name), H5T_IEEE_F32LE, dims, chunk, &nan);
    hdf5::set_attribute(dataset.id(), "units", std::string(s.units));
    hdf5::set_attribute(dataset.id(), "description", std::string(s.description));
    std::vector<hid_t> scales = {run.id(), month.id()};
    if (s.shape == MetricShape::PerIssue) scales.push_back(issue.id());
    if (s.shape == MetricShape::SectorBySector) {
      scales.push_back(from.id());
      scales.push_back(to.id());
    }
    hdf5::attach_scales(dataset.id(), scales);
    datasets_.push_back(std::move(dataset));
  }
  hdf5::check(H5Fflush(root, H5F_SCOPE_GLOBAL), "flush the results file");
}

void ResultsWriter::write_runs(int first, const std::vector<const MetricSeries*>& runs) {
  if (runs.empty()) return;
  const int months = layout_.months + 1;
  const auto count = static_cast<hsize_t>(runs.size());
  for (int m = 0; m < static_cast<int>(Metric::Count); ++m) {
    const auto metric = static_cast<Metric>(m);
    const int width = runs.front()->width(metric);
    // Gather [run][month][column] from each run's [month][all columns] rows.
    buffer_.resize(runs.size() * static_cast<std::size_t>(months * width));
    std::size_t k = 0;
    for (const MetricSeries* run : runs) {
      for (int t = 0; t < months; ++t) {
        for (int c = 0; c < width; ++c) buffer_[k++] = run->at(t, metric, c);
      }
    }
    std::vector<hsize_t> offset = {static_cast<hsize_t>(first), 0};
    std::vector<hsize_t> extent = {count, static_cast<hsize_t>(months)};
    if (spec(metric).shape == MetricShape::PerIssue) {
      offset.push_back(0);
      extent.push_back(static_cast<hsize_t>(width));
    } else if (spec(metric).shape == MetricShape::SectorBySector) {
      offset.insert(offset.end(), {0, 0});
      extent.insert(extent.end(), {kSectorCount, kSectorCount});
    }
    hdf5::write_block(datasets_[static_cast<std::size_t>(m)].id(), H5T_NATIVE_FLOAT, offset, extent, buffer_.data());
  }
  const std::vector<std::uint8_t> done(runs.size(), 1);
  hdf5::write_block(completed_.id(), H5T_NATIVE_UINT8, {static_cast<hsize_t>(first)}, {count}, done.data());
  hdf5::check(H5Fflush(file_.id(), H5F_SCOPE_GLOBAL), "flush the results file");
}

void ResultsWriter::close() {
  datasets_.clear();
  completed_.reset();
  metrics_.reset();
  if (file_) hdf5::check(H5Fflush(file_.id(), H5F_SCOPE_GLOBAL), "flush the results file");
  file_.reset();
}

}  // namespace placesim
