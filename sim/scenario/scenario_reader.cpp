// Reading scenario files: every key is checked against the registry, every value for its
// type and range, and errors name the file, line, column and key path.
#include <toml.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <sstream>

#include "scenario/presets.hpp"
#include "scenario/registry.hpp"
#include "scenario/scenario.hpp"
#include "scenario/suggestion.hpp"
#include "scenario/sweep_reader.hpp"
#include "scenario/toml_limits.hpp"
#include "scenario/user_file.hpp"
#include "scenario/value_reader.hpp"

namespace placesim {

namespace {

// Why a row name cannot be used, or empty when it can: keys such as
// place.issues.<name>.wickedness are split at their dots, and names appear in messages,
// charts and the results file.
std::string row_name_problem(const std::string& row) {
  if (row.empty()) return "is empty";
  if (row.find('.') != std::string::npos) {
    return "holds a '.', which would split keys such as <table>.<name>.<field>; use '_' or '-' instead";
  }
  for (const unsigned char c : row) {
    if (c < 0x20 || c == 0x7f) return "holds a control character (such as a newline or NUL)";
  }
  return "";
}

class Reader {
 public:
  Reader(Scenario& scenario, std::string source)
      : scenario_(scenario), registry_(Registry::instance()), source_(std::move(source)) {
    for (const auto& f : registry_.scalars()) add_sections(f.key);
    for (const auto& t : registry_.tables()) add_sections(t->name() + ".x");
    sections_.insert("sweep");
    sections_.insert("posterior");
  }

  void read_document(const TomlValue& root) { read_section(root, ""); }

  // One key path with its value (an override, or a key found in the file).
  void read_key(const std::string& path, const TomlValue& value, const SourcePosition& where) {
    if (const Field<Params>* f = registry_.find_scalar(path)) {
      f->set(scenario_.params, convert_value(*f, path, value, where));
      scenario_.positions[path] = where;
      return;
    }
    for (const auto& table : registry_.tables()) {
      const std::string prefix = table->name() + ".";
      if (path.rfind(prefix, 0) != 0) continue;
      const std::string rest = path.substr(prefix.size());
      const auto dot = rest.find('.');
      if (dot == std::string::npos) break;
      read_field(*table, rest.substr(0, dot), rest.substr(dot + 1), value, where);
      return;
    }
    throw ScenarioError(where, path, "unknown key" + did_you_mean(path, all_keys(path)));
  }

 private:
  void add_sections(const std::string& key) {
    for (auto dot = key.find('.'); dot != std::string::npos; dot = key.find('.', dot + 1)) {
      sections_.insert(key.substr(0, dot));
    }
  }

  void read_section(const TomlValue& table, const std::string& prefix) {
    for (const auto& [key, value] : in_file_order(table)) {
      const std::string path = prefix.empty() ? key : prefix + "." + key;
      const SourcePosition where = position(source_, *value);
      if (path == "sweep") {
        read_sweep(scenario_, *value, source_);
      } else if (path == "posterior") {
        read_posterior(scenario_, *value, source_);
      } else if (const Table* t = registry_.find_table(path)) {
        read_rows(*t, *value, where);
      } else if (registry_.find_scalar(path)) {
        read_key(path, *value, where);
      } else if (sections_.count(path)) {
        if (!value->is_table()) {
          throw ScenarioError(where, path, "expected a table of settings, found " + toml_type(*value));
        }
        read_section(*value, path);
      } else {
        throw ScenarioError(where, path, "unknown key" + did_you_mean(path, all_keys(path)));
      }
    }
  }

  void read_rows(const Table& table, const TomlValue& rows, const SourcePosition& where) {
    if (!rows.is_table()) {
      throw ScenarioError(where, table.name(), "expected a table of named rows, found " + toml_type(rows));
    }
    for (const auto& [row, fields] : in_file_order(rows)) {
      const SourcePosition row_where = position(source_, *fields);
      const std::string row_path = table.name() + "." + row;
      scenario_.positions.emplace(row_path, row_where);
      if (!fields->is_table()) {
        throw ScenarioError(row_where, row_path, "expected a table of fields, found " + toml_type(*fields));
      }
      if (const std::string problem = row_name_problem(row); !problem.empty()) {
        throw ScenarioError(row_where, row_path, "the row name " + problem);
      }
      // based_on first, wherever it is written: it copies another row's fields.
      const auto& entries = fields->as_table();
      if (const auto base = entries.find("based_on"); base != entries.end() && table.find_field("based_on")) {
        read_field(table, row, "based_on", base->second, position(source_, base->second));
      }
      for (const auto& [field, value] : in_file_order(*fields)) {
        if (field == "based_on") continue;
        read_field(table, row, field, *value, position(source_, *value));
      }
      if (fields->as_table().empty() && !table.has_row(scenario_.params, row)) {
        // An empty new row: create it with the field defaults. (fields() returns a copy: keep
        // it alive while its first entry is used.)
        const std::vector<FieldInfo> table_fields = table.fields();
        table.set(scenario_.params, row, table_fields.front().key, table_fields.front().default_value);
      }
    }
  }

  void read_field(const Table& table, const std::string& row, const std::string& field,
                  const TomlValue& value, const SourcePosition& where) {
    const std::string path = table.name() + "." + row + "." + field;
    // Here, not only where a file's rows are read: a --set can name a new row too.
    if (const std::string problem = row_name_problem(row); !problem.empty()) {
      throw ScenarioError(where, table.name() + "." + row, "the row name " + problem);
    }
    const FieldInfo* f = table.find_field(field);
    if (!f) {
      std::vector<std::string> names;
      for (const auto& info : table.fields()) names.push_back(info.key);
      throw ScenarioError(where, path, "unknown field" + did_you_mean(field, names));
    }
    const Value converted = convert_value(*f, path, value, where);
    if (field == "based_on") copy_row(table, std::get<std::string>(converted), row, path, where);
    table.set(scenario_.params, row, field, converted);
    scenario_.positions[path] = where;
    // Each name of an inline table of named values (a sector's weight), for the checks that
    // run once every row is read.
    if ((f->type == ValueType::BySector || f->type == ValueType::NamedReals) && value.is_table()) {
      for (const auto& [name, entry] : value.as_table()) scenario_.positions[path + "." + name] = position(source_, entry);
    }
  }

  // based_on: every field of an existing row copied into this one.
  void copy_row(const Table& table, const std::string& base, const std::string& row, const std::string& path,
                const SourcePosition& where) {
    if (base.empty()) return;
    if (!table.has_row(scenario_.params, base)) {
      throw ScenarioError(where, path, "no " + table.name() + " row named '" + base + "' to start from" +
                                           did_you_mean(base, table.row_names(scenario_.params)));
    }
    if (base == row) return;
    for (const FieldInfo& f : table.fields()) {
      table.set(scenario_.params, row, f.key, table.get(scenario_.params, base, f.key));
    }
  }

  // Every key a scenario may set, for suggestions (table fields under the row given).
  std::vector<std::string> all_keys(const std::string& given) const {
    std::vector<std::string> keys(sections_.begin(), sections_.end());
    for (const auto& f : registry_.scalars()) keys.push_back(f.key);
    for (const auto& t : registry_.tables()) {
      keys.push_back(t->name());
      std::string row = "<name>";
      const std::string prefix = t->name() + ".";
      if (given.rfind(prefix, 0) == 0) row = given.substr(prefix.size(), given.find('.', prefix.size()) - prefix.size());
      for (const auto& f : t->fields()) keys.push_back(prefix + row + "." + f.key);
    }
    return keys;
  }

  Scenario& scenario_;
  const Registry& registry_;
  std::string source_;
  std::set<std::string> sections_;
};

std::string syntax_message(const std::string& what) {
  // toml11: "[error] toml::parse_xxx: message\n --> file\n ...| ^--- detail"
  std::string first = what.substr(0, what.find('\n'));
  if (first.rfind("[error] ", 0) == 0) first = first.substr(8);
  if (first.rfind("toml::", 0) == 0 && first.find(": ") != std::string::npos) first = first.substr(first.find(": ") + 2);
  while (!first.empty() && (first.back() == ' ' || first.back() == ':')) first.pop_back();
  if (first.rfind("toml::", 0) == 0 && first.find(' ') == std::string::npos) first.clear();  // a function name only
  std::string detail;
  const auto caret = what.rfind("^---");
  if (caret != std::string::npos) {
    detail = what.substr(caret + 4);
    detail = detail.substr(0, detail.find('\n'));
    while (!detail.empty() && detail.front() == ' ') detail.erase(0, 1);
  }
  if (first.empty()) first = detail.empty() ? "the text cannot be read as TOML here" : detail;
  else if (!detail.empty()) first += " (" + detail + ")";
  return first;
}

// "all_presets" in simulation.strategies stands for every preset's strategy.
void expand_strategies(Scenario& scenario) {
  std::vector<std::string>& strategies = scenario.params.simulation.strategies;
  if (std::find(strategies.begin(), strategies.end(), kAllPresets) != strategies.end()) {
    strategies = expand_all_presets(strategies);
  }
}

}  // namespace

TomlValue parse_toml(const std::string& text, const std::string& source) {
  check_toml_limits(text, source);
  std::istringstream in(text);
  try {
    return toml::parse(in, source);
  } catch (const toml::syntax_error& e) {
    const auto loc = e.location();
    throw ScenarioError({source, static_cast<int>(loc.line()), static_cast<int>(loc.column())}, "",
                        "TOML syntax error: " + syntax_message(e.what()));
  }
}

SourcePosition Scenario::position_of(const std::string& key) const {
  for (std::string k = key; !k.empty();) {
    if (const auto it = positions.find(k); it != positions.end()) return it->second;
    const auto dot = k.rfind('.');
    if (dot == std::string::npos) break;
    k = k.substr(0, dot);
  }
  // The most specific key set beneath this one (a field of a row of the table at fault),
  // the first in the file of those.
  const SourcePosition* best = nullptr;
  long best_depth = -1;
  for (const auto& [k, where] : positions) {
    if (k.rfind(key + ".", 0) != 0) continue;
    const long depth = std::count(k.begin(), k.end(), '.');
    if (depth > best_depth || (depth == best_depth && where.line < best->line)) {
      best = &where;
      best_depth = depth;
    }
  }
  if (best) return *best;
  // A key nobody set, at fault because of a sibling that was set (forum targeting without a
  // forum): the key set last in the same row or section, the longest shared prefix first.
  for (std::string prefix = key; prefix.find('.') != prefix.rfind('.');) {
    prefix = prefix.substr(0, prefix.rfind('.'));
    const SourcePosition* sibling = nullptr;
    for (const auto& [k, where] : positions) {
      if (k.rfind(prefix + ".", 0) == 0 && (!sibling || where.line >= sibling->line)) sibling = &where;
    }
    for (const std::string& assignment : overrides) {
      // --set options come after the file: the last one in the row wins.
      if (assignment.rfind(prefix + ".", 0) == 0) {
        if (const auto it = positions.find(assignment.substr(0, assignment.find('='))); it != positions.end()) {
          sibling = &it->second;
        }
      }
    }
    if (sibling) return *sibling;
  }
  return SourcePosition{source, 0, 0};
}

Scenario load_scenario_text(const std::string& text, const std::string& source, Params base) {
  Scenario scenario;
  scenario.params = std::move(base);
  scenario.source = source;
  scenario.text = text;
  const TomlValue root = parse_toml(text, source);
  Reader(scenario, source).read_document(root);
  expand_strategies(scenario);
  return scenario;
}

Scenario load_scenario_text(const std::string& text, const std::string& source) {
  return load_scenario_text(text, source, default_params());
}

Scenario load_scenario_file(const std::string& path) {
  return load_scenario_text(read_user_file(path, "scenario file", kMaxTomlBytes), path);
}

Scenario default_scenario() { return load_scenario_text(embedded_default_text(), kEmbeddedDefaultName); }

void apply_override(Scenario& scenario, const std::string& assignment) {
  apply_override(scenario, assignment, "--set " + assignment);
}

void apply_override(Scenario& scenario, const std::string& assignment, const std::string& source) {
  const SourcePosition where{source, 0, 0};
  const auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0) {
    throw ScenarioError(where, "", "expected key.path=value");
  }
  std::string key = assignment.substr(0, eq);
  const std::string value_text = assignment.substr(eq + 1);
  while (!key.empty() && key.back() == ' ') key.pop_back();
  check_toml_limits(assignment, where.source);  // the key too: it can name a new row
  TomlValue value;
  try {
    std::istringstream in("value = " + value_text);
    value = toml::parse(in, "--set").at("value");
  } catch (const std::exception&) {
    // A bare word for a text key: take it as a string ("--set simulation.name=trial").
    value = TomlValue(value_text);
  }
  if (key.rfind("sweep.", 0) == 0) {
    override_sweep(scenario, key, value, where);
  } else {
    Reader(scenario, where.source).read_key(key, value, where);
  }
  expand_strategies(scenario);
  scenario.overrides.push_back(assignment);
}

}  // namespace placesim
