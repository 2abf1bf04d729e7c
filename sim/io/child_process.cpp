#include "io/child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace placesim {

namespace {

// Ten seconds, and one more for every 10 MB (a results file's chunk checksums read the whole
// file, at hundreds of MB/s).
std::chrono::milliseconds deadline_for(const std::string& path) {
  struct stat info {};
  const double bytes = ::stat(path.c_str(), &info) == 0 ? static_cast<double>(info.st_size) : 0.0;
  return std::chrono::milliseconds(10000 + static_cast<long long>(bytes / 1e4));
}

std::string signal_text(int signal) {
  const char* name = strsignal(signal);
  return "signal " + std::to_string(signal) + (name ? std::string(", ") + name : std::string());
}

ChildAnswer in_this_process(const std::function<std::vector<std::uint8_t>()>& work) {
  ChildAnswer answer;
  answer.bytes = work();
  answer.answered = true;
  return answer;
}

}  // namespace

ChildAnswer run_in_child(const std::string& path, const std::function<std::vector<std::uint8_t>()>& work) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) return in_this_process(work);
  std::fflush(nullptr);
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    return in_this_process(work);
  }
  if (child == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive the command that asked
    ::close(pipe_fds[0]);
    // The child answers through the pipe only: what the HDF5 library (or a sanitizer) prints
    // while reading a damaged file is noise to the user, who gets one line from the parent.
    const int quiet = ::open("/dev/null", O_WRONLY);
    if (quiet >= 0) ::dup2(quiet, STDERR_FILENO);
    const std::vector<std::uint8_t> bytes = work();
    std::size_t written = 0;
    while (written < bytes.size()) {
      const ssize_t n = ::write(pipe_fds[1], bytes.data() + written, bytes.size() - written);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) ::_exit(3);
      written += static_cast<std::size_t>(n);
    }
    ::_exit(0);
  }
  ::close(pipe_fds[1]);
  std::vector<std::uint8_t> bytes;
  std::uint8_t buffer[65536];
  const std::chrono::milliseconds allowed = deadline_for(path);
  const auto deadline = std::chrono::steady_clock::now() + allowed;
  bool timed_out = false;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    pollfd ready{pipe_fds[0], POLLIN, 0};
    const int polled = ::poll(&ready, 1, static_cast<int>(std::max<long long>(0, left.count())));
    if (polled < 0 && errno == EINTR) continue;
    if (polled == 0) {
      timed_out = true;
      ::kill(child, SIGKILL);
      break;
    }
    const ssize_t n = ::read(pipe_fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    bytes.insert(bytes.end(), buffer, buffer + n);
  }
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  ChildAnswer answer;
  if (timed_out) {
    answer.problem = path + " is damaged or too slow to read: the HDF5 library had not read it after " +
                     std::to_string(allowed.count() / 1000) + " s";
  } else if (WIFSIGNALED(status)) {
    answer.problem = path + " is damaged: reading it crashed the HDF5 library (" + signal_text(WTERMSIG(status)) + ")";
  } else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    answer.answered = true;
    answer.bytes = std::move(bytes);
  } else {
    answer.problem = "cannot check " + path + ": the checking process stopped early";
  }
  return answer;
}

ChildMessage read_in_child(const std::string& path, const std::function<void(ChildMessage&)>& read) {
  ChildAnswer answer = run_in_child(path, [&] {
    ChildMessage out;
    try {
      ChildMessage value;
      read(value);
      out.put_text("");
      out.put_bytes(value.bytes());
    } catch (const std::exception& e) {
      const std::string what = e.what();  // every refusal names the file
      out.put_text(what.find(path) != std::string::npos ? what : path + ": " + what);
    }
    return out.bytes();
  });
  if (!answer.answered) throw std::runtime_error(answer.problem);
  std::string problem;
  std::vector<std::uint8_t> value;
  try {
    ChildMessage in(std::move(answer.bytes));
    problem = in.text();
    if (problem.empty()) value = in.byte_string();
  } catch (const std::exception&) {
    problem = "cannot check " + path + ": the checking process stopped early";
  }
  if (!problem.empty()) throw std::runtime_error(problem);
  return ChildMessage(std::move(value));
}

void ChildMessage::put_u64(std::uint64_t x) {
  for (int b = 0; b < 8; ++b) bytes_.push_back(static_cast<std::uint8_t>(x >> (8 * b)));
}

void ChildMessage::put_double(double x) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &x, sizeof bits);
  put_u64(bits);
}

void ChildMessage::put_bytes(const std::vector<std::uint8_t>& bytes) {
  put_u64(bytes.size());
  bytes_.insert(bytes_.end(), bytes.begin(), bytes.end());
}

void ChildMessage::put_text(const std::string& text) { put_bytes(std::vector<std::uint8_t>(text.begin(), text.end())); }

std::uint64_t ChildMessage::u64() {
  if (bytes_.size() - at_ < 8) throw std::runtime_error("the child's answer ends early");
  std::uint64_t x = 0;
  for (int b = 0; b < 8; ++b) x |= static_cast<std::uint64_t>(bytes_[at_++]) << (8 * b);
  return x;
}

double ChildMessage::real() {
  const std::uint64_t bits = u64();
  double x = 0;
  std::memcpy(&x, &bits, sizeof x);
  return x;
}

std::vector<std::uint8_t> ChildMessage::byte_string() {
  const std::uint64_t n = u64();
  if (bytes_.size() - at_ < n) throw std::runtime_error("the child's answer ends early");
  std::vector<std::uint8_t> out(bytes_.begin() + static_cast<long>(at_), bytes_.begin() + static_cast<long>(at_ + n));
  at_ += n;
  return out;
}

std::string ChildMessage::text() {
  const std::vector<std::uint8_t> b = byte_string();
  return std::string(b.begin(), b.end());
}

}  // namespace placesim
