#pragma once
// Work on a file that libhdf5 may not survive, done in a child process bounded in time. The
// HDF5 library is not safe against damaged files: a few flipped bits can make it read out of
// bounds and crash, or loop for ever (found by fuzzing). In a child, a crash becomes a message
// here, and a child that has not answered by the deadline is stopped and the file called
// damaged. The child sends its answer as bytes through a pipe (ChildMessage encodes them).
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace placesim {

struct ChildAnswer {
  bool answered = false;            // the child finished and sent `bytes`
  std::vector<std::uint8_t> bytes;  // its answer
  std::string problem;              // otherwise why not: a sentence naming the file
};

// Runs `work` on `path` in a child process (in this one when no child can be started). The
// child may take ten seconds, and one more for every 10 MB of the file.
ChildAnswer run_in_child(const std::string& path, const std::function<std::vector<std::uint8_t>()>& work);

class ChildMessage;

// Reads `path` in a child process: `read` fills a message with what it read there, which comes
// back here. Throws std::runtime_error naming the file with what `read` threw (its refusal), or
// saying that the child did not answer (it crashed, was too slow, or stopped early).
ChildMessage read_in_child(const std::string& path, const std::function<void(ChildMessage&)>& read);

// What crosses the pipe: numbers, texts and byte strings, length-prefixed.
class ChildMessage {
 public:
  ChildMessage() = default;
  explicit ChildMessage(std::vector<std::uint8_t> bytes) : bytes_(std::move(bytes)) {}

  void put_u64(std::uint64_t x);
  void put_double(double x);
  void put_bytes(const std::vector<std::uint8_t>& bytes);
  void put_text(const std::string& text);
  const std::vector<std::uint8_t>& bytes() const { return bytes_; }

  // Each throws std::runtime_error when the message ends first.
  std::uint64_t u64();
  double real();
  std::vector<std::uint8_t> byte_string();
  std::string text();

 private:
  std::vector<std::uint8_t> bytes_;
  std::size_t at_ = 0;
};

}  // namespace placesim
