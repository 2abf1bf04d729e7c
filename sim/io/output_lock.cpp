#include "io/output_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

namespace placesim {

namespace {

// What the lock file says about the process holding it (empty when unreadable).
std::string holder_of(int fd) {
  char text[1024];
  const ssize_t n = ::pread(fd, text, sizeof text - 1, 0);
  if (n <= 0) return "";
  std::string holder(text, static_cast<std::size_t>(n));
  while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
  return holder;
}

}  // namespace

std::string lock_path(const std::string& output) { return output + ".lock"; }

OutputLock::OutputLock(const std::string& output, const std::string& holder) : path_(lock_path(output)) {
  // Open, lock, then check that the file locked is still the one at the path: a process that
  // finished between our open and our lock may have removed it, and a third may have made a
  // new one.
  for (int attempt = 0; attempt < 100; ++attempt) {
    const int fd = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) throw std::runtime_error("cannot create the lock file " + path_ + ": " + std::strerror(errno));
    struct stat opened {};
    if (::fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode)) {
      ::close(fd);
      throw std::runtime_error(path_ + " is not a regular file; it cannot serve as the output's lock");
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int error = errno;
      const std::string who = holder_of(fd);
      ::close(fd);
      if (error == EWOULDBLOCK) {
        throw OutputBusy(output + " is being written by another placesim process" +
                         (who.empty() ? std::string() : " (" + who + ")") +
                         "; wait for it to finish, or stop it, before starting another run on the same file");
      }
      throw std::runtime_error("cannot lock " + path_ + ": " + std::strerror(error));
    }
    struct stat current {};
    if (::stat(path_.c_str(), &current) != 0 || current.st_ino != opened.st_ino || current.st_dev != opened.st_dev) {
      ::close(fd);  // removed or replaced meanwhile: lock the one there now
      continue;
    }
    std::string record = "pid " + std::to_string(::getpid());
    char started[32];
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    if (gmtime_r(&now, &utc) && std::strftime(started, sizeof started, "%Y-%m-%dT%H:%M:%SZ", &utc) > 0) {
      record += ", since " + std::string(started);
    }
    record += ": " + holder + "\n";
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, record.data(), record.size(), 0) < 0) {
      // The lock holds without the note; only the next process's message is less helpful.
    }
    fd_ = fd;
    return;
  }
  throw std::runtime_error("cannot lock " + path_ + ": it keeps being replaced");
}

OutputLock::OutputLock(OutputLock&& other) noexcept : path_(std::move(other.path_)), fd_(other.fd_) {
  other.fd_ = -1;
}

OutputLock::~OutputLock() { release(); }

void OutputLock::release() {
  if (fd_ < 0) return;
  ::unlink(path_.c_str());  // while still locked: no other process can hold this file
  ::close(fd_);
  fd_ = -1;
}

}  // namespace placesim
