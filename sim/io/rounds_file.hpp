#pragma once
// The rounds file of placesim run --until (docs/adaptive.md, "What is written"): a small HDF5
// file of format "placesim-rounds" listing each round's results file. Every command that reads
// one (info, compare, report, export, discover) checks it here first, and the analysis
// package's loader (placesim_analysis/rounds.py), which joins the rounds, holds it to the same
// rules in the same words (tests/python/test_hostile_files.py gives both the same files):
//   - its format_version is one this program reads (1);
//   - every entry of /rounds/file names a file of OUT.rounds/ as "<OUT's name>.rounds/<name>":
//     no absolute path, no "..", no other folder;
//   - that file is there, a regular file (not a symbolic link), and no file is named twice;
//   - the rounds' replicates run on from 0 without a gap or an overlap;
//   - each round is a results file that passes check_results_file, of the rounds file's
//     scenario (but for the strategies and replicates a round chooses), holding the replicates
//     the list gives it.
// Files in OUT.rounds/ that the list does not name are not read.
#include <cstdint>
#include <string>
#include <vector>

namespace placesim {

inline constexpr const char* kRoundsFormat = "placesim-rounds";
inline constexpr int kRoundsVersion = 1;

// What a rounds file lists (read in a child process: it is an HDF5 file from someone else).
struct RoundsListing {
  int format_version = 0;
  std::string scenario;                      // the resolved scenario every round runs
  std::vector<std::string> files;            // /rounds/file
  std::vector<std::int64_t> first_replicate;  // /rounds/first_replicate
  std::vector<std::int64_t> replicates;       // /rounds/replicates
};

// The listing, read in this process (for the fuzz target); throws std::runtime_error naming
// the file for one that is not a rounds file of a version this program reads, or is damaged.
RoundsListing read_rounds_listing_in_process(const std::string& path);

struct RoundsCheck {
  bool readable = false;
  std::string problem;              // why not: a sentence naming the file at fault
  std::vector<std::string> rounds;  // the rounds' results files, in order
};

// Checks a rounds file and each round it lists by the rules above (each round with
// check_results_file, every chunk when verify_chunks).
RoundsCheck check_rounds_file(const std::string& path, bool verify_chunks);

}  // namespace placesim
