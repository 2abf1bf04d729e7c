#include "scenario/value.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace placesim {

std::string_view type_name(ValueType type) {
  switch (type) {
    case ValueType::Boolean: return "boolean";
    case ValueType::Integer: return "integer";
    case ValueType::Real: return "real";
    case ValueType::Text: return "string";
    case ValueType::Choice: return "choice";
    case ValueType::BySector: return "sector weights";
    case ValueType::NameList: return "list of names";
    case ValueType::IntegerList: return "list of integers";
    case ValueType::NamedReals: return "named numbers";
  }
  return "?";
}

namespace {

std::string real_to_toml(double v) {
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  if (std::isnan(v)) return "nan";
  // Shortest text that reads back as the same double.
  char buffer[40];
  for (int precision = 6; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, v);
    if (std::strtod(buffer, nullptr) == v) break;
  }
  std::string text = buffer;
  if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
  return text;
}

}  // namespace

std::string toml_string(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string toml_key(const std::string& key) {
  const bool bare = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
  return bare ? key : toml_string(key);
}

std::string to_toml(const Value& value) {
  struct Visitor {
    std::string operator()(bool v) const { return v ? "true" : "false"; }
    std::string operator()(std::int64_t v) const { return std::to_string(v); }
    std::string operator()(double v) const { return real_to_toml(v); }
    std::string operator()(const std::string& v) const { return toml_string(v); }
    std::string operator()(const std::vector<std::string>& v) const {
      std::string out = "[";
      for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + toml_string(v[i]);
      return out + "]";
    }
    std::string operator()(const std::vector<std::int64_t>& v) const {
      std::string out = "[";
      for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + std::to_string(v[i]);
      return out + "]";
    }
    std::string operator()(const NamedReals& v) const {
      std::string out = "{";
      bool first = true;
      for (const auto& [name, x] : v) {
        out += (first ? " " : ", ") + toml_key(name) + " = " + real_to_toml(x);
        first = false;
      }
      return out + (first ? "}" : " }");
    }
  };
  return std::visit(Visitor{}, value);
}

namespace {
template <class T>
const T& expect(const Value& v) {
  if (const T* p = std::get_if<T>(&v)) return *p;
  throw std::logic_error("parameter value of the wrong type reached the model");
}
}  // namespace

void from_value(const Value& v, bool& out) { out = expect<bool>(v); }
void from_value(const Value& v, int& out) { out = static_cast<int>(expect<std::int64_t>(v)); }
void from_value(const Value& v, std::uint64_t& out) {
  out = static_cast<std::uint64_t>(expect<std::int64_t>(v));
}
void from_value(const Value& v, double& out) { out = expect<double>(v); }
void from_value(const Value& v, std::string& out) { out = expect<std::string>(v); }
void from_value(const Value& v, std::vector<std::string>& out) {
  out = expect<std::vector<std::string>>(v);
}
void from_value(const Value& v, std::vector<std::int64_t>& out) {
  out = expect<std::vector<std::int64_t>>(v);
}
void from_value(const Value& v, NamedReals& out) { out = expect<NamedReals>(v); }
}  // namespace placesim
