#pragma once
// The results file's layout (docs/results.md describes it for users): names and version in
// one place, for the writer, the reader and the tests.
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "model/metrics.hpp"

namespace placesim::results {

inline constexpr const char* kFormat = "placesim-results";
// Version 3 added a Fletcher-32 checksum to every chunk (metrics, design, status); files of
// version 2 are read as before, without the checks. Version 4 gives each metric its long_name,
// bounds and key_outcome attributes, and takes the sector dimension from the scenario.
inline constexpr std::int64_t kFormatVersion = 4;
inline constexpr std::int64_t kOldestReadableVersion = 2;

inline constexpr const char* kMetricsGroup = "metrics";
inline constexpr const char* kDesignGroup = "design";
inline constexpr const char* kStatusGroup = "status";

// Dimension names (each is also a coordinate dataset in the groups that use it).
inline constexpr const char* kRunDim = "run";
inline constexpr const char* kMonthDim = "month";
inline constexpr const char* kIssueDim = "issue";
inline constexpr const char* kSectorFromDim = "sector_from";
inline constexpr const char* kSectorToDim = "sector_to";
inline constexpr const char* kParameterDim = "parameter";
inline constexpr const char* kFailureDim = "failure";

// A metric dataset's attribute: 1 for the key outcomes a comparison of strategies leads with
// (the run summary and the analysis package read it), 0 for the others.
inline constexpr const char* kKeyOutcomeAttribute = "key_outcome";

// Provenance: root attributes of every results file.
struct Provenance {
  std::string program_version;
  std::string git_commit;
  std::string created_utc;  // ISO 8601
  std::string command_line;
  std::string scenario_toml;  // the fully resolved scenario, [sweep] included
  std::uint64_t base_seed = 0;
};

// How the run dimension is cut: into blocks of runs (a chunk of every metric, the unit of
// work, of writing and of resuming), and blocks into shards.
struct Layout {
  int runs = 0;
  int months = 0;  // simulated months; the month dimension has months + 1 entries (0..months)
  std::vector<std::string> issues;
  std::vector<std::string> sectors;
  int block_runs = 1;   // runs per block
  int compression = 0;  // deflate level (with shuffle) 1-9, or 0 for none

  int blocks() const { return (runs + block_runs - 1) / block_runs; }
  int first_run(int block) const { return block * block_runs; }
  int runs_in(int block) const;
  MetricDims dims() const { return {static_cast<int>(issues.size()), static_cast<int>(sectors.size())}; }
};

// Shard `index` of `count` (1-based) holds a contiguous slice of the blocks.
struct Shard {
  int index = 1;
  int count = 1;
  int first_block(int blocks) const;
  int end_block(int blocks) const;  // one past the last
};

// Runs per block: chunks of at most about 1 MiB for the widest metric, at most 256 runs, and
// at least 64 blocks when there are 64 runs or more.
int block_runs_for(int runs, int months, MetricDims dims);

// The /design table: one row per run, computed on demand in windows of rows, so that a
// sweep of millions of runs never holds its design in memory.
enum class ColumnType { Int32, UInt64, Float64, Text };
struct DesignColumn {
  std::string name;
  ColumnType type = ColumnType::Float64;
  std::string description;
  std::string attribute_name, attribute_value;  // one extra text attribute (a distribution), if any
  int width = 1;  // > 1: a [run, parameter] column
};
using ColumnData = std::variant<std::vector<std::int32_t>, std::vector<std::uint64_t>, std::vector<double>,
                                std::vector<std::string>>;
using AttributeValue = std::variant<std::string, std::int64_t, std::uint64_t, double>;

class DesignTable {
 public:
  virtual ~DesignTable() = default;
  virtual std::vector<DesignColumn> design_columns() const = 0;
  // Names along the parameter dimension of the columns with width > 1.
  virtual std::vector<std::string> design_parameters() const = 0;
  virtual std::vector<std::pair<std::string, AttributeValue>> design_attributes() const = 0;
  // Rows first .. first + count - 1 of every column, in column order (width values a row).
  virtual std::vector<ColumnData> design_rows(int first, int count) const = 0;
};

std::string utc_now_iso8601();

}  // namespace placesim::results
