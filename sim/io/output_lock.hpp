#pragma once
// An exclusive lock on an output (a results file with its journal and partial file), held
// by the one process writing it. Two runs started on the same output would otherwise both
// open its partial file, and the first to finish would rename a file the other had
// truncated. The lock is an flock(2) on <output>.lock, taken before any file of the output
// is touched: the operating system releases it when the process ends, however it ends, so a
// killed run never leaves a lock behind that blocks the next one. The lock file holds who
// took it, for the message the next process prints.
#include <stdexcept>
#include <string>

namespace placesim {

// Another process holds the lock; what() names it.
class OutputBusy : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class OutputLock {
 public:
  // Takes the lock on `output`, recording `holder` (a command line) in the lock file; throws
  // OutputBusy when another process holds it, std::runtime_error when it cannot be made.
  OutputLock(const std::string& output, const std::string& holder);
  OutputLock(OutputLock&& other) noexcept;
  OutputLock& operator=(OutputLock&&) = delete;
  OutputLock(const OutputLock&) = delete;
  ~OutputLock();

  const std::string& path() const { return path_; }
  // Removes the lock file and releases the lock (also done by the destructor).
  void release();

 private:
  std::string path_;
  int fd_ = -1;
};

std::string lock_path(const std::string& output);

}  // namespace placesim
