#pragma once
// Reading a file a user named (a scenario, a targets file, a journal's first bytes): only a
// regular file, and never more than a bound. A FIFO blocks whoever opens it for reading until
// a writer comes, and a device such as /dev/zero never ends: reading either "whole" hangs or
// fills memory before any size limit can be checked. So the file's type is checked before it is
// opened (stat), and again on what was opened (fstat, the file opened without blocking), and at
// most limit + 1 bytes are read, so that a larger file is known to be larger without reading it.
#include <cstddef>
#include <stdexcept>
#include <string>

namespace placesim {

// A file that cannot be read: what() is "X <reason>", the reason one of "is not a regular file
// (a FIFO)", "is a folder", "cannot be opened: Permission denied", ...
class UnreadableFile : public std::runtime_error {
 public:
  UnreadableFile(const std::string& path, const std::string& reason) : std::runtime_error(path + " " + reason), reason_(reason) {}
  const std::string& reason() const { return reason_; }

 private:
  std::string reason_;
};

// Opens a regular file for reading (close-on-exec, without blocking on what is not one);
// returns its descriptor, which the caller closes. Throws UnreadableFile.
int open_regular_file(const std::string& path);

// The first min(size, limit + 1) bytes of a regular file: more than `limit` bytes back means
// the file is larger than `limit`. Throws UnreadableFile.
std::string read_at_most(const std::string& path, std::size_t limit);

// A whole text file of at most `limit` bytes (scenario and targets files: kMaxTomlBytes).
// Throws ScenarioError naming the file: "cannot read the <what>: ..." for a file that is not
// a regular one, cannot be opened, or is larger than `limit`.
std::string read_user_file(const std::string& path, const std::string& what, std::size_t limit);

}  // namespace placesim
