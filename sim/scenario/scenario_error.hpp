#pragma once
// A scenario that cannot be used, with where the problem is: file, line and column when
// known, and the key path. what() reads "file:line:column: key: message".
#include <stdexcept>
#include <string>
#include <utility>

namespace placesim {

struct SourcePosition {
  std::string source;  // a file path, "<embedded default>", or "--set key=value"
  int line = 0;        // 0 when unknown
  int column = 0;
};

class ScenarioError : public std::runtime_error {
 public:
  ScenarioError(SourcePosition where, std::string key, std::string message);
  const SourcePosition& where() const { return where_; }
  const std::string& key() const { return key_; }
  const std::string& message() const { return message_; }

 private:
  SourcePosition where_;
  std::string key_;
  std::string message_;
};

// Parameters that do not fit together, before it is known where they were set: the key at
// fault and what is wrong (check_scenario turns it into a ScenarioError with the position).
class ParameterError : public std::invalid_argument {
 public:
  ParameterError(std::string key, const std::string& message)
      : std::invalid_argument(key + ": " + message), key_(std::move(key)), message_(message) {}
  const std::string& key() const { return key_; }
  const std::string& message() const { return message_; }

 private:
  std::string key_;
  std::string message_;
};

}  // namespace placesim
