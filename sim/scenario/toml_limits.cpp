#include "scenario/toml_limits.hpp"

#include <algorithm>

#include "scenario/scenario_error.hpp"

namespace placesim {

namespace {

// Walks TOML text keeping track of strings and comments, so that brackets inside them are
// not counted: basic "..." and multi-line """...""" strings (with backslash escapes),
// literal '...' and '''...''' strings (without), and # comments to the end of the line.
class Scanner {
 public:
  Scanner(const std::string& text, const std::string& source) : text_(text), source_(source) {}

  void run() {
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c == '#') {
        skip_comment();
      } else if (c == '"' || c == '\'') {
        skip_string(c);
      } else {
        if (c == '[' || c == '{') open();
        if ((c == ']' || c == '}') && depth_ > 0) --depth_;
        advance();
      }
    }
  }

 private:
  bool starts(const char* three) const { return text_.compare(at_, 3, three) == 0; }

  void advance() {
    if (text_[at_] == '\n') {
      ++line_;
      column_ = 1;
    } else {
      ++column_;
    }
    ++at_;
  }

  void open() {
    if (++depth_ > kMaxTomlNesting) {
      throw ScenarioError({source_, line_, column_}, "",
                          "arrays or inline tables are nested more than " + std::to_string(kMaxTomlNesting) +
                              " deep here; a scenario needs only a few levels");
    }
  }

  void skip_comment() {
    while (at_ < text_.size() && text_[at_] != '\n') advance();
  }

  void skip_string(char quote) {
    const bool escapes = quote == '"';
    const bool multi_line = starts(quote == '"' ? "\"\"\"" : "'''");
    const int opening = multi_line ? 3 : 1;
    for (int i = 0; i < opening; ++i) advance();
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (escapes && c == '\\') {
        advance();
        if (at_ < text_.size()) advance();
        continue;
      }
      if (!multi_line && c == '\n') return;  // an unclosed string: the parser reports it
      if (c == quote && !multi_line) {
        advance();
        return;
      }
      if (c == quote) {
        // Three quotes close a multi-line string; up to two more before them belong to it.
        std::size_t run = 0;
        while (at_ + run < text_.size() && text_[at_ + run] == quote) ++run;
        if (run >= 3) {
          for (std::size_t i = 0; i < std::min<std::size_t>(run, 5); ++i) advance();
          return;
        }
        for (std::size_t i = 0; i < run; ++i) advance();
        continue;
      }
      advance();
    }
  }

  const std::string& text_;
  const std::string& source_;
  std::size_t at_ = 0;
  int line_ = 1;
  int column_ = 1;
  int depth_ = 0;
};

// The offset of the first byte that does not begin or continue a well-formed UTF-8 sequence
// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or npos.
std::size_t first_invalid_utf8(const std::string& text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char b = byte(i);
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
    if (b < 0x80) {
      length = 1;
    } else if (b >= 0xC2 && b <= 0xDF) {
      length = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      length = 3;
      if (b == 0xE0) low = 0xA0;   // overlong
      if (b == 0xED) high = 0x9F;  // surrogates
    } else if (b >= 0xF0 && b <= 0xF4) {
      length = 4;
      if (b == 0xF0) low = 0x90;   // overlong
      if (b == 0xF4) high = 0x8F;  // above U+10FFFF
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      const unsigned char c = byte(i + k);
      if (k == 1 ? (c < low || c > high) : (c < 0x80 || c > 0xBF)) return i;
    }
    i += length;
  }
  return std::string::npos;
}

// Line and column (1-based, in bytes) of an offset.
SourcePosition position_at(const std::string& text, std::size_t offset, const std::string& source) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {source, line, column};
}

}  // namespace

void check_toml_limits(const std::string& text, const std::string& source) {
  if (text.size() > kMaxTomlBytes) {
    throw ScenarioError({source, 0, 0}, "",
                        "the text is " + std::to_string(text.size()) + " bytes; at most " +
                            std::to_string(kMaxTomlBytes) + " are read");
  }
  // TOML text is UTF-8; toml11 3.7 reads past the end of its buffer on some invalid sequences
  // inside strings (found by fuzzing), so they are refused before it sees them.
  if (const std::size_t bad = first_invalid_utf8(text); bad != std::string::npos) {
    throw ScenarioError(position_at(text, bad, source), "",
                        "the text is not valid UTF-8 here (TOML files must be UTF-8 encoded)");
  }
  Scanner(text, source).run();
}

}  // namespace placesim
