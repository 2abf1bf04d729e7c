// position(): the line and column of a TOML value, found in an index of the text's line starts
// (toml11 3.7's own location() counts the newlines from the start of the text at every call,
// which made reading a list design of n points take time in n squared). Checked here against
// toml11's own answer for every value of a text with every kind of value and line ending.
#include <gtest/gtest.h>

#include <functional>

#include "scenario/scenario_error.hpp"
#include "scenario/value_reader.hpp"

namespace placesim {
namespace {

// Every value of a parsed document, tables and arrays included, depth first.
void each_value(const TomlValue& value, const std::function<void(const TomlValue&)>& visit) {
  visit(value);
  if (value.is_table()) {
    for (const auto& [key, child] : value.as_table()) each_value(child, visit);
  } else if (value.is_array()) {
    for (const auto& child : value.as_array()) each_value(child, visit);
  }
}

TEST(ValueReader, PositionsAreToml11sOwn) {
  const std::string text =
      "# a comment\n"
      "a = 1\n"
      "b = \"\"\"a string\n"
      "over two lines\"\"\"\n"
      "c = [1, 2,\n"
      "     3]\r\n"
      "\n"
      "[table]\n"
      "  d = { e = 0.5, \"f.g\" = 'x' }\n"
      "  h = [{ i = 1 }, { i = 2, j = [true, false] }]\n"
      "[[rows]]\n"
      "k = 1979-05-27\n"
      "[[rows]]\n"
      "k = 2.5e-3  # a last value without a newline after it";
  const TomlValue document = parse_toml(text, "t.toml");
  int values = 0;
  each_value(document, [&](const TomlValue& value) {
    const auto expected = value.location();
    const SourcePosition got = position("t.toml", value);
    EXPECT_EQ(got.source, "t.toml");
    EXPECT_EQ(got.line, static_cast<int>(expected.line())) << expected.line_str();
    EXPECT_EQ(got.column, static_cast<int>(expected.column())) << expected.line_str();
    ++values;
  });
  EXPECT_GT(values, 20);
}

TEST(ValueReader, PositionsOfTwoTextsDoNotMix) {
  // The index of line starts is kept for the last text asked about: a value of another text
  // must get its own.
  const TomlValue first = parse_toml("\n\n\na = 1\n", "first.toml");
  const TomlValue second = parse_toml("b = 2\n", "second.toml");
  EXPECT_EQ(position("first.toml", first.at("a")).line, 4);
  EXPECT_EQ(position("second.toml", second.at("b")).line, 1);
  EXPECT_EQ(position("first.toml", first.at("a")).line, 4);
}

}  // namespace
}  // namespace placesim
