// Checks made on TOML text before toml11 parses it: size, nesting depth outside strings and
// comments, and UTF-8 well-formedness (RFC 3629; table 3-7 of the Unicode standard).
#include <gtest/gtest.h>

#include <cstring>

#include "scenario/scenario_error.hpp"
#include "scenario/toml_limits.hpp"

namespace placesim {
namespace {

const std::pair<int, int> kPasses{-1, -1};

// The line and column a refusal names ({0, 0}: the whole text), or kPasses.
std::pair<int, int> refused_at(const std::string& text) {
  try {
    check_toml_limits(text, "t.toml");
  } catch (const ScenarioError& e) {
    return {e.where().line, e.where().column};
  }
  return kPasses;
}

TEST(TomlLimits, WellFormedUtf8Passes) {
  for (const char* text : {"a = \"plain\"\n", "a = \"\xC3\xA9\"\n",    // e acute
                           "a = \"\xE2\x82\xAC\"\n",                     // the euro sign
                           "a = '\xF0\x9D\x84\x9E'\n",                   // U+1D11E
                           "a = \"\xEF\xBF\xBF\xF4\x8F\xBF\xBF\"\n"}) {  // U+FFFF, U+10FFFF
    EXPECT_EQ(refused_at(text), kPasses) << text;
  }
}

TEST(TomlLimits, IllFormedUtf8IsRefusedWhereItStarts) {
  // Each sequence starts at line 2, column 6.
  for (const char* bad : {"\x80",              // a continuation byte alone
                          "\xC0\x80",          // overlong NUL
                          "\xC1\xBF",          // overlong
                          "\xE0\x9F\xBF",      // overlong three-byte form
                          "\xED\xA0\x80",      // a surrogate, U+D800
                          "\xF0\x8F\xBF\xBF",  // overlong four-byte form
                          "\xF4\x90\x80\x80",  // above U+10FFFF
                          "\xF5\x80\x80\x80",  // no such lead byte
                          "\xE2\x82",          // cut short by the quote
                          "\xFF"}) {
    const std::string text = std::string("x = 1\na = '") + bad + "'\n";
    EXPECT_EQ(refused_at(text), std::make_pair(2, 6)) << "a sequence of " << std::strlen(bad) << " bytes";
  }
  EXPECT_EQ(refused_at("a = 1\xC3"), std::make_pair(1, 6));  // cut short by the end
}

TEST(TomlLimits, NestingIsCountedOutsideStringsAndComments) {
  const std::string deep(kMaxTomlNesting + 1, '[');
  EXPECT_EQ(refused_at("a = " + deep), std::make_pair(1, 5 + kMaxTomlNesting));
  EXPECT_EQ(refused_at("a = \"" + deep + "\"\n# " + deep + "\nb = '''\n" + deep + "'''\n"), kPasses);
  EXPECT_EQ(refused_at("a = " + std::string(kMaxTomlNesting, '[') + std::string(kMaxTomlNesting, ']')), kPasses);
}

TEST(TomlLimits, TooLargeATextIsRefused) {
  EXPECT_EQ(refused_at(std::string(kMaxTomlBytes + 1, ' ')), std::make_pair(0, 0));
  EXPECT_EQ(refused_at(std::string(kMaxTomlBytes, ' ')), kPasses);
}

}  // namespace
}  // namespace placesim
