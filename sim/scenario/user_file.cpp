#include "scenario/user_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "scenario/scenario_error.hpp"

namespace placesim {

namespace {

// What a file that is not a regular one is, for the message.
std::string kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a file";
}

void require_regular(const std::string& path, mode_t mode) {
  if (S_ISDIR(mode)) throw UnreadableFile(path, "is a folder");
  if (!S_ISREG(mode)) throw UnreadableFile(path, "is not a regular file (" + kind_of(mode) + ")");
}

}  // namespace

int open_regular_file(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) throw UnreadableFile(path, std::string("cannot be opened: ") + std::strerror(errno));
  require_regular(path, info.st_mode);
  // Replaced by a FIFO between the two calls, it must not block us either.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) throw UnreadableFile(path, std::string("cannot be opened: ") + std::strerror(errno));
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    require_regular(path, info.st_mode);
    throw UnreadableFile(path, "cannot be read");
  }
  return fd;
}

std::string read_at_most(const std::string& path, std::size_t limit) {
  const int fd = open_regular_file(path);
  std::string bytes;
  char buffer[65536];
  while (bytes.size() <= limit) {
    const std::size_t wanted = std::min(sizeof buffer, limit + 1 - bytes.size());
    const ssize_t got = ::read(fd, buffer, wanted);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      const int error = errno;
      ::close(fd);
      throw UnreadableFile(path, std::string("cannot be read: ") + std::strerror(error));
    }
    if (got == 0) break;
    bytes.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(fd);
  return bytes;
}

std::string read_user_file(const std::string& path, const std::string& what, std::size_t limit) {
  std::string text;
  try {
    text = read_at_most(path, limit);
  } catch (const UnreadableFile& e) {
    // "/dev/zero: cannot read the scenario file: it is not a regular file (a character device)"
    throw ScenarioError({path, 0, 0}, "", "cannot read the " + what + ": it " + e.reason());
  }
  if (text.size() > limit) {
    throw ScenarioError({path, 0, 0}, "", "cannot read the " + what + ": it is larger than the " + std::to_string(limit) +
                                              " bytes that are read");
  }
  return text;
}

}  // namespace placesim
