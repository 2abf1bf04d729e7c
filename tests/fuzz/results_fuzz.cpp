// Fuzz target: reading what a run leaves on disk. The input is written to a file and read
// as a journal (every block, every chunk decoded against the journal's own layout), then
// checked as a results file. The journal is PlaceSim's own format and is read in this
// process: any crash, and any exception but JournalError or the chunk decoder's
// runtime_error, is a bug. The results file is read by libhdf5, which is not safe against
// damaged files, so it is checked in a child process (io/results_check.hpp): the oracle is
// that this process survives and gets an answer. A sanitizer in that child may report
// libhdf5's own faults on damaged input (seen: an overlapping memcpy); those are the child's
// to die of, so the child is told not to record them as this target's crashes.
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "io/chunk_encoder.hpp"
#include "io/journal.hpp"
#include "io/results_check.hpp"

// Present in sanitizer builds only (weak: absent in the plain replay build).
extern "C" void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));
extern "C" void __sanitizer_set_report_fd(void* fd) __attribute__((weak));

namespace {

// In a forked checking child: a sanitizer's death there is the check's answer ("reading it
// crashed"), not a crash of the fuzz target, so libFuzzer must not save it as one.
void quiet_child() {
  if (__sanitizer_set_death_callback) __sanitizer_set_death_callback(nullptr);
  if (__sanitizer_set_report_fd) {
    const long null_fd = ::open("/dev/null", O_WRONLY);
    if (null_fd >= 0) __sanitizer_set_report_fd(reinterpret_cast<void*>(null_fd));
  }
}
const int kQuietChildren = pthread_atfork(nullptr, nullptr, quiet_child);

std::string scratch_file() {
  static const std::string path = [] {
    const char* dir = std::getenv("TMPDIR");
    return std::string(dir && *dir ? dir : "/tmp") + "/placesim-fuzz-" + std::to_string(::getpid()) + ".bin";
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = scratch_file();
  if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
    if (size) std::fwrite(data, 1, size, f);
    std::fclose(f);
  } else {
    return 0;
  }
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
  // HDF5 files begin with their signature: only those are worth a child process.
  static const std::uint8_t kSignature[8] = {0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
  if (size >= 8 && std::equal(data, data + 8, kSignature)) {
    const placesim::ResultsCheck check = placesim::check_results_file(path, true);
    if (!check.readable && check.problem.empty()) std::abort();  // every refusal says why
  }
  std::remove(path.c_str());
  return 0;
}
