#pragma once
// The results file's layout (docs/results.md describes it for users): names and version in
// one place, for the writer, the reader and the tests.
#include <cstdint>
#include <string>
#include <vector>

namespace placesim::results {

inline constexpr const char* kFormat = "placesim-results";
inline constexpr std::int64_t kFormatVersion = 1;

inline constexpr const char* kMetricsGroup = "metrics";
inline constexpr const char* kDesignGroup = "design";
inline constexpr const char* kStatusGroup = "status";

// Dimension names (each is also a coordinate dataset in the groups that use it).
inline constexpr const char* kRunDim = "run";
inline constexpr const char* kMonthDim = "month";
inline constexpr const char* kIssueDim = "issue";
inline constexpr const char* kSectorFromDim = "sector_from";
inline constexpr const char* kSectorToDim = "sector_to";

// Provenance: root attributes of every results file.
struct Provenance {
  std::string program_version;
  std::string git_commit;
  std::string created_utc;  // ISO 8601
  std::string command_line;
  std::string scenario_toml;  // the fully resolved scenario
  std::uint64_t base_seed = 0;
};

// One row per run: what it is and how its random streams are keyed.
struct RunDesign {
  std::vector<std::string> labels;
  std::vector<std::int32_t> replicates;
  std::vector<std::uint64_t> seeds;
  std::size_t size() const { return labels.size(); }
};

struct Layout {
  int runs = 0;
  int months = 0;  // simulated months; the month dimension has months + 1 entries (0..months)
  std::vector<std::string> issues;
  int block_runs = 1;  // runs per chunk and per write
};

// Runs per block: chunks of about 1 MiB for the widest metric, between 1 and 256 runs.
int block_runs_for(int runs, int months, int issues);

std::string utc_now_iso8601();

}  // namespace placesim::results
