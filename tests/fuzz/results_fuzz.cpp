// Fuzz target: reading what a run leaves on disk. The input is written to a file and read
// as a journal (every block, every chunk decoded against the journal's own layout), then
// checked as a results file. The journal is PlaceSim's own format and is read in this
// process: any crash, and any exception but JournalError or the chunk decoder's
// runtime_error, is a bug. The results file is read by libhdf5, which is not safe against
// damaged files, so it is checked in a child process (io/results_check.hpp): the oracle is
// that this process survives and gets an answer (fuzz_support.hpp).
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz_support.hpp"
#include "io/chunk_encoder.hpp"
#include "io/journal.hpp"
#include "io/results_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = placesim::fuzz::write_input("results.bin", data, size);
  if (path.empty()) return 0;
  try {
    const placesim::JournalContents journal = placesim::read_journal(path);
    for (const placesim::JournalEntry& entry : journal.entries) {
      const placesim::EncodedBlock block = placesim::read_journal_block(path, entry);
      for (std::size_t m = 0; m < block.chunks.size() && m < static_cast<std::size_t>(placesim::Metric::Count); ++m) {
        try {
          placesim::decode_chunk(journal.header.layout, static_cast<placesim::Metric>(m), block.chunks[m]);
        } catch (const std::runtime_error&) {
        }
      }
    }
  } catch (const placesim::JournalError&) {
  }
  if (placesim::fuzz::hdf5_signature(data, size)) {
    const placesim::ResultsCheck check = placesim::check_results_file(path, true);
    if (!check.readable && check.problem.empty()) std::abort();  // every refusal says why
  }
  std::remove(path.c_str());
  return 0;
}
