#pragma once
// Limits checked on TOML text before it is parsed. toml11 parses nested arrays and inline
// tables by recursion, so text nested thousands deep overflows the stack (and parsing grows
// quadratically with depth long before that); a scenario file never needs more than a few
// levels. Checking the text first turns such input into a clear message instead of a crash.
// It also checks the encoding: toml11 misreads some invalid UTF-8 inside strings.
#include <cstddef>
#include <string>

namespace placesim {

// The most arrays and inline tables open at once, and the largest text, that are read.
inline constexpr int kMaxTomlNesting = 32;
inline constexpr std::size_t kMaxTomlBytes = std::size_t{16} << 20;

// Throws ScenarioError naming `source`, the line and column where the text first goes deeper
// than kMaxTomlNesting (outside strings and comments) or first stops being valid UTF-8, or
// the size when it is larger than kMaxTomlBytes.
void check_toml_limits(const std::string& text, const std::string& source);

}  // namespace placesim
