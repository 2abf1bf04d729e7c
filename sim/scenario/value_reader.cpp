#include "scenario/value_reader.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "scenario/suggestion.hpp"

namespace placesim {

namespace {

// Where each line of a text starts, found once per text: toml11 3.7 counts the newlines from the
// start of the text every time a value's location is asked for (region::line_num), which made
// reading a file of n values take time in n squared (a list design of 8,000 points: 18 s).
struct LineStarts {
  std::weak_ptr<const std::vector<char>> text;
  std::vector<std::size_t> starts;

  const std::vector<std::size_t>& of(const std::shared_ptr<const std::vector<char>>& source) {
    if (text.lock() != source) {
      starts.assign(1, 0);
      for (std::size_t i = 0; i < source->size(); ++i) {
        if ((*source)[i] == '\n') starts.push_back(i + 1);
      }
      text = source;
    }
    return starts;
  }
};

}  // namespace

SourcePosition position(const std::string& source, const TomlValue& v) {
  const auto* region = dynamic_cast<const toml::detail::region*>(toml::detail::get_region(v));
  if (region == nullptr || !region->is_ok()) {
    const auto loc = v.location();
    return {source, static_cast<int>(loc.line()), static_cast<int>(loc.column())};
  }
  thread_local LineStarts lines;
  const std::vector<std::size_t>& starts = lines.of(region->source());
  // As toml11 counts them: line 1 + the newlines before the value, column 1 + the characters
  // before it on its line.
  const auto offset = static_cast<std::size_t>(region->first() - region->begin());
  const auto line = static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), offset) - starts.begin());
  return {source, static_cast<int>(line), static_cast<int>(offset - starts[line - 1] + 1)};
}

std::string toml_type(const TomlValue& v) {
  switch (v.type()) {
    case toml::value_t::boolean: return "a boolean";
    case toml::value_t::integer: return "an integer";
    case toml::value_t::floating: return "a real number";
    case toml::value_t::string: return "a string";
    case toml::value_t::array: return "an array";
    case toml::value_t::table: return "a table";
    case toml::value_t::offset_datetime:
    case toml::value_t::local_datetime:
    case toml::value_t::local_date:
    case toml::value_t::local_time: return "a date or time";
    default: return "nothing";
  }
}

std::string expected(const FieldInfo& f) {
  switch (f.type) {
    case ValueType::Boolean: return "true or false";
    case ValueType::Integer: return "an integer";
    case ValueType::Real: return "a number";
    case ValueType::Text: return "a string";
    case ValueType::Choice: {
      std::string list;
      for (const auto& c : f.choices) list += (list.empty() ? "" : ", ") + std::string("\"") + c + "\"";
      return "one of " + list;
    }
    case ValueType::BySector: return "a table of sector weights such as { police = 0.5, health = 0.5 }";
    case ValueType::NameList: return "an array of names such as [\"leader\", \"cabinet\"]";
    case ValueType::IntegerList: return "an array of integers such as [1, 2]";
    case ValueType::NamedReals: {
      std::string list;
      for (const auto& c : f.choices) list += (list.empty() ? "" : ", ") + c;
      return "a table of numbers under the names " + list + ", such as { " + f.choices.front() + " = 0.1 }";
    }
  }
  return "?";
}

namespace {

bool integral(const FieldInfo& f) { return f.type == ValueType::Integer || f.type == ValueType::IntegerList; }

// An integer field's bounds as integers (a bound beyond the int64 range is no bound).
std::int64_t integer_min(const FieldInfo& f) {
  return f.min > -9.2e18 ? static_cast<std::int64_t>(std::ceil(f.min)) : std::numeric_limits<std::int64_t>::min();
}
std::int64_t integer_max(const FieldInfo& f) {
  return f.max < 9.2233720368547758e18 ? static_cast<std::int64_t>(std::floor(f.max))
                                        : std::numeric_limits<std::int64_t>::max();
}

std::string number_text(const FieldInfo& f, double x) {
  if (integral(f) && std::isfinite(x) && std::fabs(x) < 9.2233720368547758e18) {
    return std::to_string(static_cast<std::int64_t>(x));
  }
  std::ostringstream s;
  s << x;
  return s.str();
}

bool in_integer_range(const FieldInfo& f, std::int64_t x) { return x >= integer_min(f) && x <= integer_max(f); }

// The TOML reader saturates an integer too large for 64 bits at the int64 limits: name that,
// rather than print a limit the user never wrote.
std::string integer_out_of_range(const FieldInfo& f, std::int64_t x) {
  const bool saturated = x == std::numeric_limits<std::int64_t>::max() || x == std::numeric_limits<std::int64_t>::min();
  std::string message = saturated ? "value is beyond the range of a 64-bit integer: expected " + range_text(f)
                                  : "value " + std::to_string(x) + " is out of range: expected " + range_text(f);
  if (!f.unit.empty()) message += " (" + f.unit + ")";
  return message;
}

}  // namespace

std::string range_text(const FieldInfo& f) {
  const bool lo = std::isfinite(f.min), hi = std::isfinite(f.max);
  if (lo && hi) return "from " + number_text(f, f.min) + " to " + number_text(f, f.max);
  if (lo) return "at least " + number_text(f, f.min);
  return "at most " + number_text(f, f.max);
}

// Sorts a table's keys by where they appear in the file, so that rows keep the file's order.
std::vector<std::pair<std::string, const TomlValue*>> in_file_order(const TomlValue& table) {
  // Positions first, once each, then sorted.
  struct Entry {
    std::size_t line, column;
    std::pair<std::string, const TomlValue*> item;
  };
  std::vector<Entry> entries;
  for (const auto& [key, value] : table.as_table()) {
    const SourcePosition where = position("", value);
    entries.push_back({static_cast<std::size_t>(where.line), static_cast<std::size_t>(where.column), {key, &value}});
  }
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  std::vector<std::pair<std::string, const TomlValue*>> ordered;
  for (Entry& e : entries) ordered.push_back(std::move(e.item));
  return ordered;
}

Value convert_value(const FieldInfo& f, const std::string& path, const TomlValue& v,
                    const SourcePosition& where) {
  auto wrong_type = [&] {
    return ScenarioError(where, path, "expected " + expected(f) + ", found " + toml_type(v));
  };
  auto check_range = [&](double x) {
    if (!(x >= f.min && x <= f.max)) {
      std::ostringstream s;
      s << "value " << x << " is out of range: expected " << range_text(f);
      if (!f.unit.empty()) s << " (" << f.unit << ")";
      throw ScenarioError(where, path, s.str());
    }
  };
  switch (f.type) {
    case ValueType::Boolean:
      if (!v.is_boolean()) throw wrong_type();
      return v.as_boolean();
    case ValueType::Integer: {
      if (!v.is_integer()) throw wrong_type();
      const std::int64_t x = v.as_integer();
      if (!in_integer_range(f, x)) throw ScenarioError(where, path, integer_out_of_range(f, x));
      return x;
    }
    case ValueType::Real: {
      if (!v.is_floating() && !v.is_integer()) throw wrong_type();
      const double x = v.is_integer() ? static_cast<double>(v.as_integer()) : v.as_floating();
      check_range(x);
      return x;
    }
    case ValueType::Text:
      if (!v.is_string()) throw wrong_type();
      return v.as_string().str;
    case ValueType::Choice: {
      if (!v.is_string()) throw wrong_type();
      const std::string s = v.as_string().str;
      if (std::find(f.choices.begin(), f.choices.end(), s) == f.choices.end()) {
        throw ScenarioError(where, path, "\"" + s + "\" is not " + expected(f) + did_you_mean(s, f.choices));
      }
      return s;
    }
    case ValueType::BySector: {
      // Sector names are checked once every row is read (a file may add a sector after an
      // issue that weighs it): scenario/parameter_checks.cpp.
      if (!v.is_table()) throw wrong_type();
      NamedReals weights;
      for (const auto& [sector, weight] : in_file_order(v)) {
        const SourcePosition at = position(where.source, *weight);
        if (!weight->is_floating() && !weight->is_integer()) {
          throw ScenarioError(at, path + "." + sector, "expected a number, found " + toml_type(*weight));
        }
        const double x = weight->is_integer() ? static_cast<double>(weight->as_integer()) : weight->as_floating();
        if (!(x >= f.min && x <= f.max)) {
          throw ScenarioError(at, path + "." + sector, "weight " + number_text(f, x) + " is out of range: expected " + range_text(f));
        }
        weights[sector] = x;
      }
      return weights;
    }
    case ValueType::IntegerList: {
      if (!v.is_array()) throw wrong_type();
      std::vector<std::int64_t> numbers;
      for (const auto& item : v.as_array()) {
        const SourcePosition at = position(where.source, item);
        if (!item.is_integer()) throw ScenarioError(at, path, "expected integers, found " + toml_type(item));
        const std::int64_t x = item.as_integer();
        if (!in_integer_range(f, x)) throw ScenarioError(at, path, integer_out_of_range(f, x));
        numbers.push_back(x);
      }
      return numbers;
    }
    case ValueType::NamedReals: {
      if (!v.is_table()) throw wrong_type();
      NamedReals named;
      for (const auto& [key, number] : in_file_order(v)) {
        const SourcePosition at = position(where.source, *number);
        if (std::find(f.choices.begin(), f.choices.end(), key) == f.choices.end()) {
          throw ScenarioError(at, path + "." + key, "unknown name" + did_you_mean(key, f.choices));
        }
        if (!number->is_floating() && !number->is_integer()) {
          throw ScenarioError(at, path + "." + key, "expected a number, found " + toml_type(*number));
        }
        const double x = number->is_integer() ? static_cast<double>(number->as_integer()) : number->as_floating();
        if (!(x >= f.min && x <= f.max)) {
          std::ostringstream s;
          s << "value " << x << " is out of range: expected " << range_text(f);
          throw ScenarioError(at, path + "." + key, s.str());
        }
        named[key] = x;
      }
      return named;
    }
    case ValueType::NameList: {
      if (!v.is_array()) throw wrong_type();
      std::vector<std::string> names;
      for (const auto& item : v.as_array()) {
        if (!item.is_string()) {
          throw ScenarioError(position(where.source, item), path, "expected names (strings), found " + toml_type(item));
        }
        names.push_back(item.as_string().str);
      }
      return names;
    }
  }
  throw wrong_type();
}

KeyPath resolve_key(const std::string& path) {
  KeyPath key;
  key.path = path;
  const Registry& registry = Registry::instance();
  if (const Field<Params>* f = registry.find_scalar(path)) {
    key.field = f;
    return key;
  }
  for (const auto& table : registry.tables()) {
    const std::string prefix = table->name() + ".";
    if (path.rfind(prefix, 0) != 0) continue;
    const std::string rest = path.substr(prefix.size());
    const auto dot = rest.find('.');
    if (dot == std::string::npos) return key;
    key.table = table.get();
    key.row = rest.substr(0, dot);
    key.field_name = rest.substr(dot + 1);
    key.field = table->find_field(key.field_name);
    const auto inner = key.field_name.find('.');
    if (key.field || inner == std::string::npos) return key;
    // One named value of a field that holds them: a real within the field's range.
    const FieldInfo* holder = table->find_field(key.field_name.substr(0, inner));
    if (!holder || (holder->type != ValueType::NamedReals && holder->type != ValueType::BySector)) return key;
    const std::string entry = key.field_name.substr(inner + 1);
    if (holder->type == ValueType::NamedReals &&
        std::find(holder->choices.begin(), holder->choices.end(), entry) == holder->choices.end()) {
      return key;
    }
    key.field_name = holder->key;
    key.entry = entry;
    auto field = std::make_shared<FieldInfo>(*holder);
    field->key = holder->key + "." + entry;
    field->type = ValueType::Real;
    field->default_value = 0.0;
    field->choices.clear();
    key.entry_field = field;
    key.field = key.entry_field.get();
    return key;
  }
  return key;
}

Value get_key(const Params& params, const KeyPath& key) {
  if (!key.table) return static_cast<const Field<Params>*>(key.field)->get(params);
  if (!key.table->has_row(params, key.row)) return key.field->default_value;
  const Value value = key.table->get(params, key.row, key.field_name);
  if (key.entry.empty()) return value;
  const NamedReals& named = std::get<NamedReals>(value);
  const auto it = named.find(key.entry);
  return it == named.end() ? 0.0 : it->second;
}

void set_key(Params& params, const KeyPath& key, const Value& value) {
  if (!key.table) {
    static_cast<const Field<Params>*>(key.field)->set(params, value);
  } else if (key.entry.empty()) {
    key.table->set(params, key.row, key.field_name, value);
  } else {
    // The other named values stay as they are.
    NamedReals named = key.table->has_row(params, key.row)
                           ? std::get<NamedReals>(key.table->get(params, key.row, key.field_name))
                           : NamedReals{};
    named[key.entry] = std::get<double>(value);
    key.table->set(params, key.row, key.field_name, named);
  }
}

}  // namespace placesim
