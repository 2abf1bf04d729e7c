#pragma once
// What the fuzz targets that read files share: a scratch folder of their own, and quiet
// checking children. A file libhdf5 reads is read in a forked child bounded in time
// (io/child_process.hpp); a sanitizer in that child may report libhdf5's own faults on damaged
// input (seen: an overlapping memcpy), which are the child's to die of ("reading it crashed"),
// so the child is told not to record them as the target's crashes.
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

// Present in sanitizer builds only (weak: absent in the plain replay build).
extern "C" void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));
extern "C" void __sanitizer_set_report_fd(void* fd) __attribute__((weak));

namespace placesim::fuzz {

inline void quiet_child() {
  if (__sanitizer_set_death_callback) __sanitizer_set_death_callback(nullptr);
  if (__sanitizer_set_report_fd) {
    const long null_fd = ::open("/dev/null", O_WRONLY);
    if (null_fd >= 0) __sanitizer_set_report_fd(reinterpret_cast<void*>(null_fd));
  }
}
inline const int kQuietChildren = pthread_atfork(nullptr, nullptr, quiet_child);

// A folder of this process's own, made once and removed at exit (kept alive until then: the
// exit handler runs after static objects are destroyed).
inline const std::filesystem::path& scratch_folder() {
  static const std::filesystem::path* folder = [] {
    const char* dir = std::getenv("TMPDIR");
    auto* f = new std::filesystem::path(std::filesystem::path(dir && *dir ? dir : "/tmp") /
                                        ("placesim-fuzz-" + std::to_string(::getpid())));
    std::filesystem::create_directories(*f);
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(scratch_folder(), ignored);
    });
    return f;
  }();
  return *folder;
}

// Writes the input to `name` in the scratch folder; returns its path (empty when it cannot).
inline std::string write_input(const std::string& name, const std::uint8_t* data, std::size_t size) {
  const std::string path = (scratch_folder() / name).string();
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return "";
  if (size) std::fwrite(data, 1, size, f);
  std::fclose(f);
  return path;
}

// HDF5 files begin with their signature: only those are worth a child process.
inline bool hdf5_signature(const std::uint8_t* data, std::size_t size) {
  static const std::uint8_t kSignature[8] = {0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
  return size >= 8 && std::equal(data, data + 8, kSignature);
}

}  // namespace placesim::fuzz
