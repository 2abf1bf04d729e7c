#pragma once
// A parameter value as the registry, scenario files and documentation see it.
#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>


namespace placesim {

enum class ValueType {
  Boolean,
  Integer,
  Real,
  Text,
  Choice,         // text from a fixed list (a sector, a level)
  BySector,       // reals under sector names, written as an inline table {police = 0.5}
  NameList,       // a list of names (a forum's roles)
  IntegerList,    // a list of integers (neighbourhood numbers)
  NamedReals,     // reals under names from a fixed list, as an inline table {trust = 0.1}
};

// Reals under names: effects by name, stakeholder weights by sector name.
using NamedReals = std::map<std::string, double>;
using Value = std::variant<bool, std::int64_t, double, std::string, std::vector<std::string>,
                           std::vector<std::int64_t>, NamedReals>;

std::string_view type_name(ValueType type);
// A TOML basic string, quoted and escaped (control characters as \uXXXX), and a key: bare
// when it can be, quoted otherwise.
std::string toml_string(const std::string& text);
std::string toml_key(const std::string& key);
// The value as TOML source text (what `placesim validate` prints and docs show).
std::string to_toml(const Value& value);

// Conversions between a typed field and a Value.
inline Value to_value(bool v) { return v; }
inline Value to_value(int v) { return static_cast<std::int64_t>(v); }
inline Value to_value(std::uint64_t v) { return static_cast<std::int64_t>(v); }
inline Value to_value(double v) { return v; }
inline Value to_value(const std::string& v) { return v; }
inline Value to_value(const std::vector<std::string>& v) { return v; }
inline Value to_value(const std::vector<std::int64_t>& v) { return v; }
inline Value to_value(const NamedReals& v) { return v; }

void from_value(const Value& v, bool& out);
void from_value(const Value& v, int& out);
void from_value(const Value& v, std::uint64_t& out);
void from_value(const Value& v, double& out);
void from_value(const Value& v, std::string& out);
void from_value(const Value& v, std::vector<std::string>& out);
void from_value(const Value& v, std::vector<std::int64_t>& out);
void from_value(const Value& v, NamedReals& out);

}  // namespace placesim
