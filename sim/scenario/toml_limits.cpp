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

}  // namespace

void check_toml_limits(const std::string& text, const std::string& source) {
  if (text.size() > kMaxTomlBytes) {
    throw ScenarioError({source, 0, 0}, "",
                        "the text is " + std::to_string(text.size()) + " bytes; at most " +
                            std::to_string(kMaxTomlBytes) + " are read");
  }
  Scanner(text, source).run();
}

}  // namespace placesim
