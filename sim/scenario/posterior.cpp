#include "scenario/posterior.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "scenario/scenario.hpp"
#include "scenario/suggestion.hpp"

namespace placesim {

namespace {

const std::vector<std::string> kPosteriorKeys = {"source", "keys", "draws"};

std::string number_text(double x) { return to_toml(Value(x)); }

}  // namespace

void read_posterior(Scenario& scenario, const TomlValue& table, const std::string& source) {
  PosteriorDraws& p = scenario.posterior;
  p = PosteriorDraws{};
  p.where = position(source, table);
  if (!table.is_table()) throw ScenarioError(p.where, "posterior", "expected a table, found " + toml_type(table));
  for (const auto& [key, value] : in_file_order(table)) {
    const SourcePosition where = position(source, *value);
    const std::string path = "posterior." + key;
    if (key == "source") {
      if (!value->is_string()) throw ScenarioError(where, path, "expected a string, found " + toml_type(*value));
      p.source = value->as_string().str;
    } else if (key == "keys") {
      if (!value->is_array()) throw ScenarioError(where, path, "expected an array of parameter keys, found " + toml_type(*value));
      for (const TomlValue& k : value->as_array()) {
        if (!k.is_string()) throw ScenarioError(position(source, k), path, "expected a parameter key, found " + toml_type(k));
        p.keys.push_back(k.as_string().str);
      }
    } else if (key == "draws") {
      if (!value->is_array()) throw ScenarioError(where, path, "expected an array of draws [[...], ...], found " + toml_type(*value));
      for (const TomlValue& row : value->as_array()) {
        if (!row.is_array()) throw ScenarioError(position(source, row), path, "expected a draw [x1, x2, ...], found " + toml_type(row));
        std::vector<double> draw;
        for (const TomlValue& x : row.as_array()) {
          if (!x.is_floating() && !x.is_integer()) throw ScenarioError(position(source, x), path, "expected a number, found " + toml_type(x));
          draw.push_back(x.is_integer() ? static_cast<double>(x.as_integer()) : x.as_floating());
        }
        p.draws.push_back(std::move(draw));
      }
    } else {
      throw ScenarioError(where, path, "unknown key" + did_you_mean(key, kPosteriorKeys) + "; [posterior] has source, keys and draws");
    }
    scenario.positions[path] = where;
  }
  scenario.positions["posterior"] = p.where;
}

void check_posterior(const Scenario& scenario) {
  const PosteriorDraws& p = scenario.posterior;
  if (p.empty() && p.keys.empty()) return;
  const SourcePosition& where = p.where;
  if (p.keys.empty()) throw ScenarioError(where, "posterior.keys", "names no parameter");
  if (p.draws.empty()) throw ScenarioError(where, "posterior.draws", "holds no draw");
  for (const std::string& key : p.keys) {
    const KeyPath path = resolve_key(key);
    if (!path.field) throw ScenarioError(where, "posterior.keys", "\"" + key + "\" is not a parameter");
    const ValueType type = path.entry_field ? path.entry_field->type : path.field->type;
    if (type != ValueType::Real && type != ValueType::Integer) {
      throw ScenarioError(where, "posterior.keys", "\"" + key + "\" is not a number: a posterior holds numbers");
    }
    if (std::count(p.keys.begin(), p.keys.end(), key) > 1) throw ScenarioError(where, "posterior.keys", "\"" + key + "\" is named twice");
    for (const SweptParameter& s : scenario.sweep.parameters) {
      if (s.key == key) throw ScenarioError(where, "posterior.keys", "\"" + key + "\" is also varied by the [sweep]");
    }
    if (key.rfind("simulation.", 0) == 0) throw ScenarioError(where, "posterior.keys", "simulation.* cannot vary between runs");
  }
  for (std::size_t d = 0; d < p.draws.size(); ++d) {
    const auto& draw = p.draws[d];
    const std::string at = "posterior.draws[" + std::to_string(d) + "]";
    if (draw.size() != p.keys.size()) {
      throw ScenarioError(where, at, "has " + std::to_string(draw.size()) + " values for " + std::to_string(p.keys.size()) + " keys");
    }
    for (std::size_t k = 0; k < draw.size(); ++k) {
      const KeyPath path = resolve_key(p.keys[k]);
      const FieldInfo& field = path.entry_field ? *path.entry_field : *path.field;
      const double x = draw[k];
      if (!std::isfinite(x) || x < field.min || x > field.max ||
          (field.type == ValueType::Integer && x != std::floor(x))) {
        throw ScenarioError(where, at, p.keys[k] + " = " + number_text(x) + " is not a value of the parameter (" +
                                           expected(field) + ", " + range_text(field) + ")");
      }
    }
  }
}

std::string posterior_toml(const PosteriorDraws& p) {
  if (p.empty()) return "";
  std::ostringstream out;
  out << "\n# Each replicate r runs with draw r mod " << p.draws.size() << " (placesim run --posterior).\n[posterior]\n";
  out << "source = " << toml_string(p.source) << "\nkeys = [";
  for (std::size_t k = 0; k < p.keys.size(); ++k) out << (k ? ", " : "") << toml_string(p.keys[k]);
  out << "]\ndraws = [\n";
  for (const auto& draw : p.draws) {
    out << "  [";
    for (std::size_t k = 0; k < draw.size(); ++k) out << (k ? ", " : "") << number_text(draw[k]);
    out << "],\n";
  }
  out << "]\n";
  return out.str();
}

}  // namespace placesim
