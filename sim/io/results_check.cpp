#include "io/results_check.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "io/content_digest.hpp"
#include "io/results_reader.hpp"
#include "io/stored_design.hpp"

namespace placesim {

namespace {

// What crosses the pipe from the child: the check's fields, length-prefixed.
void put_u64(std::vector<std::uint8_t>& out, std::uint64_t x) {
  for (int b = 0; b < 8; ++b) out.push_back(static_cast<std::uint8_t>(x >> (8 * b)));
}
void put_bytes(std::vector<std::uint8_t>& out, const std::vector<std::uint8_t>& bytes) {
  put_u64(out, bytes.size());
  out.insert(out.end(), bytes.begin(), bytes.end());
}

std::vector<std::uint8_t> encode(const ResultsCheck& c) {
  std::vector<std::uint8_t> out;
  put_u64(out, c.readable ? 1 : 0);
  put_bytes(out, std::vector<std::uint8_t>(c.problem.begin(), c.problem.end()));
  put_bytes(out, c.readable ? encode_header(c.identity) : std::vector<std::uint8_t>{});
  put_u64(out, static_cast<std::uint64_t>(c.completed));
  put_u64(out, static_cast<std::uint64_t>(c.failed));
  put_u64(out, static_cast<std::uint64_t>(c.chunks_checked));
  return out;
}

class Cursor {
 public:
  explicit Cursor(const std::vector<std::uint8_t>& bytes) : bytes_(bytes) {}
  std::uint64_t u64() {
    if (bytes_.size() - at_ < 8) throw std::runtime_error("short");
    std::uint64_t x = 0;
    for (int b = 0; b < 8; ++b) x |= static_cast<std::uint64_t>(bytes_[at_++]) << (8 * b);
    return x;
  }
  std::vector<std::uint8_t> bytes() {
    const std::uint64_t n = u64();
    if (bytes_.size() - at_ < n) throw std::runtime_error("short");
    std::vector<std::uint8_t> out(bytes_.begin() + static_cast<long>(at_), bytes_.begin() + static_cast<long>(at_ + n));
    at_ += n;
    return out;
  }

 private:
  const std::vector<std::uint8_t>& bytes_;
  std::size_t at_ = 0;
};

ResultsCheck decode(const std::vector<std::uint8_t>& bytes) {
  Cursor in(bytes);
  ResultsCheck c;
  c.readable = in.u64() != 0;
  const auto problem = in.bytes();
  c.problem.assign(problem.begin(), problem.end());
  const auto identity = in.bytes();
  if (c.readable) c.identity = decode_header(identity);
  c.completed = static_cast<int>(in.u64());
  c.failed = static_cast<int>(in.u64());
  c.chunks_checked = static_cast<long>(in.u64());
  return c;
}

// How long the child may take: ten seconds, and one more for every 10 MB (the chunk
// checksums read the whole file, at hundreds of MB/s). Some damaged files send libhdf5 into an
// endless loop (found by fuzzing); past this the child is stopped and the file called
// unreadable.
std::chrono::milliseconds check_deadline(const std::string& path) {
  struct stat info {};
  const double bytes = ::stat(path.c_str(), &info) == 0 ? static_cast<double>(info.st_size) : 0.0;
  return std::chrono::milliseconds(10000 + static_cast<long long>(bytes / 1e4));
}

std::string signal_text(int signal) {
  const char* name = strsignal(signal);
  return "signal " + std::to_string(signal) + (name ? std::string(", ") + name : std::string());
}

}  // namespace

ResultsCheck check_results_in_process(const std::string& path, bool verify_chunks) {
  ResultsCheck check;
  try {
    const ResultsReader reader(path);
    check.identity.layout = reader.layout();
    check.identity.shard = reader.shard();
    check.identity.provenance = reader.provenance();
    for (const std::uint8_t c : reader.completed()) check.completed += c != 0;
    for (const std::uint8_t f : reader.failed()) check.failed += f != 0;
    reader.failures();
    for (const std::string& name : reader.metric_names()) reader.metric(name);
    // Every column of /design, through HDF5's filters (which check their checksums).
    const StoredDesign design(path);
    constexpr int kWindow = 65536;
    for (int first = 0; first < reader.runs(); first += kWindow) {
      design.design_rows(first, std::min(kWindow, reader.runs() - first));
    }
    if (reader.checksums()) {
      const std::int64_t stored = reader.number(kContentDigestAttribute);
      if (static_cast<std::uint32_t>(stored) != reader.content_digest() || stored < 0 || stored > 0xFFFFFFFFll) {
        throw std::runtime_error(path + " is damaged: its text or coordinates do not match their checksum");
      }
    }
    if (verify_chunks && reader.checksums()) {
      const results::Layout& layout = check.identity.layout;
      for (int m = 0; m < static_cast<int>(Metric::Count); ++m) {
        for (int b = 0; b < layout.blocks(); ++b) {
          if (!reader.raw_chunk(static_cast<Metric>(m), b).empty()) ++check.chunks_checked;
        }
      }
    }
    check.readable = true;
  } catch (const std::exception& e) {
    check.readable = false;
    check.problem = e.what();
    // Every answer names the file, whichever layer refused it.
    if (check.problem.find(path) == std::string::npos) check.problem = path + ": " + check.problem;
  }
  return check;
}

ResultsCheck check_results_file(const std::string& path, bool verify_chunks) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) return check_results_in_process(path, verify_chunks);
  std::fflush(nullptr);
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    return check_results_in_process(path, verify_chunks);
  }
  if (child == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive the command that asked
    ::close(pipe_fds[0]);
    // The child answers through the pipe only: what the HDF5 library (or a sanitizer) prints
    // while reading a damaged file is noise to the user, who gets one line from the parent.
    const int quiet = ::open("/dev/null", O_WRONLY);
    if (quiet >= 0) ::dup2(quiet, STDERR_FILENO);
    const std::vector<std::uint8_t> bytes = encode(check_results_in_process(path, verify_chunks));
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
  const auto deadline = std::chrono::steady_clock::now() + check_deadline(path);
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
  ResultsCheck check;
  if (timed_out) {
    check.problem = path + " is damaged or too slow to read: the HDF5 library had not read it after " +
                    std::to_string(check_deadline(path).count() / 1000) + " s";
    return check;
  }
  if (WIFSIGNALED(status)) {
    check.problem = path + " is damaged: reading it crashed the HDF5 library (" + signal_text(WTERMSIG(status)) + ")";
    return check;
  }
  try {
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return decode(bytes);
  } catch (const std::exception&) {
  }
  check.problem = "cannot check " + path + ": the checking process stopped early";
  return check;
}

}  // namespace placesim
