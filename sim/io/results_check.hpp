#pragma once
// A thorough check of a results file before a command relies on it: it opens as a PlaceSim
// results file of a format this program reads, its sizes agree, every dataset of /design and
// /status reads back, and (when asked) every metric chunk matches its checksum.
//
// The HDF5 library is not safe against damaged files, so the check runs in a child process
// bounded in time (io/child_process.hpp): a file that passes can then be read by the command.
#include <string>

#include "io/journal.hpp"

namespace placesim {

struct ResultsCheck {
  bool readable = false;   // a PlaceSim results file that reads back whole
  std::string problem;     // why not (a sentence naming the file)
  JournalHeader identity;  // its layout, shard and provenance, when readable
  int completed = 0;
  int failed = 0;
  long chunks_checked = 0;  // metric chunks whose checksum was checked
};

// Runs the check in a child process (in this one when no child can be started).
ResultsCheck check_results_file(const std::string& path, bool verify_chunks);
// The same check in this process (for tests and the fuzz target, which run it on inputs that
// do not crash the library).
ResultsCheck check_results_in_process(const std::string& path, bool verify_chunks);

}  // namespace placesim
