// Fuzz target: a rounds file from someone else (placesim run --until; io/rounds_file.hpp). The
// input is written as a.h5 beside a folder a.h5.rounds/ holding two genuine rounds (those of
// the seed corpus's tests/fuzz/corpus/rounds/a.h5), and checked as every command that reads a
// rounds file checks it. The oracle: the check always answers; a refusal says why; a rounds
// file it accepts names only files inside a.h5.rounds/, each once. A crash, an exception or a
// hang is a bug.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>

#include "fuzz_support.hpp"
#include "io/rounds_file.hpp"

namespace {

// The genuine rounds, copied once into the scratch folder.
const std::filesystem::path& rounds_folder() {
  static const std::filesystem::path folder = [] {
    const std::filesystem::path to = placesim::fuzz::scratch_folder() / "a.h5.rounds";
    std::filesystem::create_directories(to);
    for (const char* round : {"round_01.h5", "round_02.h5"}) {
      std::filesystem::copy_file(std::filesystem::path(PLACESIM_SOURCE_DIR) / "tests/fuzz/corpus/rounds/a.h5.rounds" / round,
                                 to / round, std::filesystem::copy_options::overwrite_existing);
    }
    return to;
  }();
  return folder;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace placesim;
  if (!fuzz::hdf5_signature(data, size)) return 0;  // anything else is refused before libhdf5 sees it
  const std::string folder = rounds_folder().string();
  const std::string path = fuzz::write_input("a.h5", data, size);
  if (path.empty()) return 0;
  const RoundsCheck check = check_rounds_file(path, true);
  if (!check.readable && check.problem.empty()) std::abort();  // every refusal says why
  if (check.readable) {
    std::set<std::string> seen;
    for (const std::string& round : check.rounds) {
      if (std::filesystem::path(round).parent_path().string() != folder || !seen.insert(round).second) std::abort();
    }
    if (check.rounds.empty()) std::abort();
  }
  return 0;
}
