#include "scenario/sweep_reader.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <sstream>

#include "scenario/suggestion.hpp"

namespace placesim {

namespace {

const std::vector<std::string> kSweepKeys = {"design", "samples", "levels", "seed", "streams", "parameters", "points"};
const std::vector<std::string> kSpecKeys = {"distribution", "min", "max", "mode", "mean", "sd", "values", "levels"};
const std::vector<std::string> kDistributions = {"uniform", "log_uniform", "normal", "triangular", "choice"};

std::string number_text(double x) { return to_toml(Value(x)); }

// Whole values a sweep can set. A list (an intervention's sectors, roles or neighbourhoods) is
// varied as a choice among whole lists; tables of reals are varied entry by entry
// ("interventions.x.effects.trust").
bool sweepable(ValueType type) {
  return type == ValueType::Boolean || type == ValueType::Integer || type == ValueType::Real ||
         type == ValueType::Text || type == ValueType::Choice || type == ValueType::NameList ||
         type == ValueType::IntegerList;
}

class SweepReader {
 public:
  // context: how the parameters' table is named in messages ("sweep.parameters").
  SweepReader(Scenario& scenario, std::string source, std::string context = "sweep.parameters")
      : scenario_(scenario), source_(std::move(source)), context_(std::move(context)) {}

  void read(const TomlValue& table) {
    Sweep& sweep = scenario_.sweep;
    sweep.where = position(source_, table);
    if (!table.is_table()) throw ScenarioError(sweep.where, "sweep", "expected a table of settings, found " + toml_type(table));
    for (const auto& [key, value] : in_file_order(table)) {
      const std::string path = "sweep." + key;
      const SourcePosition where = position(source_, *value);
      if (key == "parameters") {
        if (!value->is_table()) throw ScenarioError(where, path, "expected a table of parameters, found " + toml_type(*value));
        read_parameters(*value);
      } else if (key == "points") {
        read_points(*value, where);
      } else if (std::find(kSweepKeys.begin(), kSweepKeys.end(), key) != kSweepKeys.end()) {
        set_setting(key, *value, where);
      } else {
        throw ScenarioError(where, path, "unknown key" + did_you_mean(key, kSweepKeys) +
                                             "; a sweep has design, samples, levels, seed, streams, parameters and points");
      }
      scenario_.positions[path] = where;
    }
    scenario_.positions["sweep"] = sweep.where;
  }

  void set_setting(const std::string& key, const TomlValue& value, const SourcePosition& where) {
    Sweep& sweep = scenario_.sweep;
    const std::string path = "sweep." + key;
    auto integer = [&](std::int64_t lo, std::int64_t hi) {
      if (!value.is_integer()) throw ScenarioError(where, path, "expected an integer, found " + toml_type(value));
      const std::int64_t x = value.as_integer();
      if (x < lo || x > hi) {
        std::ostringstream s;
        s << "value " << x << " is out of range: expected from " << lo << " to " << hi;
        throw ScenarioError(where, path, s.str());
      }
      return x;
    };
    if (key == "design") {
      if (!value.is_string()) throw ScenarioError(where, path, "expected a string, found " + toml_type(value));
      const std::string name = value.as_string().str;
      const auto& names = design_names();
      const auto it = std::find(names.begin(), names.end(), name);
      if (it == names.end()) {
        std::string list;
        for (const auto& n : names) list += (list.empty() ? "\"" : ", \"") + n + "\"";
        throw ScenarioError(where, path, "\"" + name + "\" is not one of " + list + did_you_mean(name, names));
      }
      sweep.design = static_cast<SweepDesign>(it - names.begin());
    } else if (key == "samples") {
      sweep.samples = integer(1, std::numeric_limits<std::int32_t>::max());
    } else if (key == "levels") {
      sweep.levels = static_cast<int>(integer(2, 1000));
    } else if (key == "streams") {
      if (!value.is_string()) throw ScenarioError(where, path, "expected \"common\" or \"independent\", found " + toml_type(value));
      const std::string name = value.as_string().str;
      if (name != "common" && name != "independent") {
        throw ScenarioError(where, path, "\"" + name + "\" is not one of \"common\", \"independent\"");
      }
      sweep.independent_streams = name == "independent";
    } else if (key == "seed") {
      sweep.seed = static_cast<std::uint64_t>(integer(0, std::numeric_limits<std::int64_t>::max()));
      sweep.seed_set = true;
    } else {
      throw ScenarioError(where, path, "cannot be set here; edit the scenario's [sweep] section");
    }
    scenario_.positions[path] = where;
  }

 private:
  // Keys may be quoted ("trust.decay" = ...) or dotted (trust.decay = ...), which TOML reads
  // as nested tables: descend until the path is a registry key.
  void flatten(const TomlValue& table, const std::string& prefix, const std::string& context,
               std::vector<std::pair<std::string, const TomlValue*>>& out) const {
    for (const auto& [key, value] : in_file_order(table)) {
      const std::string path = prefix.empty() ? key : prefix + "." + key;
      if (resolve_key(path).field) {
        out.emplace_back(path, value);
      } else if (value->is_table() && leads_to_keys(path)) {
        flatten(*value, path, context, out);
      } else {
        throw ScenarioError(position(source_, *value), context + "." + path, "unknown parameter" + suggestion(path));
      }
    }
  }

  // Whether some registry key starts with path + "." (a section, a table, or a table row).
  static bool leads_to_keys(const std::string& path) {
    const std::string prefix = path + ".";
    for (const auto& f : Registry::instance().scalars()) {
      if (f.key.rfind(prefix, 0) == 0) return true;
    }
    for (const auto& t : Registry::instance().tables()) {
      const std::string table = t->name() + ".";
      if (table.rfind(prefix, 0) == 0) return true;  // a section holding the table
      if (path.rfind(table, 0) == 0 && path.find('.', table.size()) == std::string::npos) return true;  // a row
    }
    return false;
  }

  std::string suggestion(const std::string& path) const {
    std::vector<std::string> keys;
    for (const auto& f : Registry::instance().scalars()) keys.push_back(f.key);
    return did_you_mean(path, keys);
  }

  KeyPath checked_key(const std::string& path, const SourcePosition& where, const std::string& context) const {
    KeyPath key = resolve_key(path);
    const std::string shown = context + "." + path;
    if (!sweepable(key.field->type)) {
      throw ScenarioError(where, shown, "cannot be varied: it is a " + std::string(type_name(key.field->type)) +
                                            "; sweeps vary numbers, booleans, names and lists (each of its entries can be varied: " +
                                            path + ".<name>)");
    }
    if (path.rfind("simulation.", 0) == 0) {
      throw ScenarioError(where, shown, "cannot be varied: every run of one results file shares it (strategies and "
                                        "replicates are crossed with the design already)");
    }
    return key;
  }

  double plain_number(const TomlValue& value, const std::string& shown) const {
    if (!value.is_floating() && !value.is_integer()) {
      throw ScenarioError(position(source_, value), shown, "expected a number, found " + toml_type(value));
    }
    return value.is_integer() ? static_cast<double>(value.as_integer()) : value.as_floating();
  }

  Value value_for(const KeyPath& key, const TomlValue& value, const std::string& shown) const {
    return convert_value(*key.field, shown, value, position(source_, value));
  }

  double real_for(const KeyPath& key, const TomlValue& value, const std::string& shown) const {
    const Value v = value_for(key, value, shown);
    if (const auto* x = std::get_if<double>(&v)) return *x;
    return static_cast<double>(std::get<std::int64_t>(v));
  }

 public:
  void read_parameters(const TomlValue& table) {
    std::vector<std::pair<std::string, const TomlValue*>> entries;
    flatten(table, "", context_, entries);
    for (const auto& [path, spec] : entries) {
      const SourcePosition where = position(source_, *spec);
      const KeyPath key = checked_key(path, where, context_);
      add_parameter(read_spec(key, *spec, where));
    }
  }

 private:
  void add_parameter(SweptParameter parameter) {
    for (const auto& p : scenario_.sweep.parameters) {
      if (p.key == parameter.key) {
        throw ScenarioError(parameter.where, context_ + "." + parameter.key, "is varied twice");
      }
    }
    scenario_.sweep.parameters.push_back(std::move(parameter));
  }

  SweptParameter read_spec(const KeyPath& key, const TomlValue& spec, const SourcePosition& where) {
    const std::string base = context_ + "." + key.path;
    SweptParameter p;
    p.key = key.path;
    p.type = key.field->type;
    p.where = where;
    if (!spec.is_table()) {
      throw ScenarioError(where, base, "expected a table such as { min = 0.1, max = 0.5 } or { values = [1, 2, 4] }, found " +
                                           toml_type(spec));
    }
    const auto& fields = spec.as_table();
    for (const auto& [name, value] : in_file_order(spec)) {
      if (std::find(kSpecKeys.begin(), kSpecKeys.end(), name) == kSpecKeys.end()) {
        throw ScenarioError(position(source_, *value), base + "." + name,
                            "unknown field" + did_you_mean(name, kSpecKeys) +
                                "; a parameter takes distribution, min, max, mode, mean, sd, values or levels");
      }
    }
    auto has = [&](const char* name) { return fields.count(name) > 0; };
    auto at = [&](const char* name) -> const TomlValue& { return fields.at(name); };
    auto forbid = [&](const char* name, const std::string& why) {
      if (has(name)) throw ScenarioError(position(source_, at(name)), base + "." + name, why);
    };

    std::string distribution;
    if (has("distribution")) {
      const TomlValue& d = at("distribution");
      if (!d.is_string()) throw ScenarioError(position(source_, d), base + ".distribution", "expected a string, found " + toml_type(d));
      distribution = d.as_string().str;
      if (std::find(kDistributions.begin(), kDistributions.end(), distribution) == kDistributions.end()) {
        throw ScenarioError(position(source_, d), base + ".distribution",
                            "\"" + distribution + "\" is not one of \"uniform\", \"log_uniform\", \"normal\", \"triangular\", \"choice\"" +
                                did_you_mean(distribution, kDistributions));
      }
    }
    if (has("values")) {
      if (!distribution.empty() && distribution != "choice") {
        throw ScenarioError(position(source_, at("values")), base + ".values",
                            "values go with distribution \"choice\" (or no distribution), not \"" + distribution + "\"");
      }
      for (const char* name : {"min", "max", "mode", "mean", "sd", "levels"}) {
        forbid(name, std::string(name) + " does not go with values: give either values or a range");
      }
      const TomlValue& list = at("values");
      if (!list.is_array() || list.as_array().empty()) {
        throw ScenarioError(position(source_, list), base + ".values", "expected a non-empty array of values, found " +
                                                                           (list.is_array() ? std::string("an empty array") : toml_type(list)));
      }
      for (const auto& item : list.as_array()) p.values.push_back(value_for(key, item, base + ".values"));
      p.distribution = Distribution::Choice;
      return p;
    }
    if (distribution == "choice") throw ScenarioError(where, base, "distribution \"choice\" needs values = [...]");
    if (!p.numeric()) {
      throw ScenarioError(where, base, "is a " + std::string(type_name(p.type)) + ": give its values, e.g. { values = [" +
                                           (p.type == ValueType::Boolean ? "true, false" : "\"a\", \"b\"") + "] }");
    }
    p.distribution = distribution == "log_uniform" ? Distribution::LogUniform
                     : distribution == "normal"    ? Distribution::Normal
                     : distribution == "triangular" ? Distribution::Triangular
                                                     : Distribution::Uniform;
    if (p.distribution == Distribution::Normal) {
      for (const char* name : {"mean", "sd"}) {
        if (!has(name)) throw ScenarioError(where, base, std::string("a normal distribution needs ") + name);
      }
      forbid("mode", "mode goes with distribution \"triangular\"");
      p.mean = plain_number(at("mean"), base + ".mean");
      p.sd = plain_number(at("sd"), base + ".sd");
      if (!(p.sd > 0)) throw ScenarioError(position(source_, at("sd")), base + ".sd", "expected a positive standard deviation, found " + number_text(p.sd));
      // Truncated to the key's range and to five standard deviations about the mean (whole
      // numbers for an integer key), unless bounds are given.
      const bool whole = p.type == ValueType::Integer;
      const double low = whole ? std::floor(p.mean - 5 * p.sd) : p.mean - 5 * p.sd;
      const double high = whole ? std::ceil(p.mean + 5 * p.sd) : p.mean + 5 * p.sd;
      p.min = has("min") ? real_for(key, at("min"), base + ".min") : std::max(key.field->min, low);
      p.max = has("max") ? real_for(key, at("max"), base + ".max") : std::min(key.field->max, high);
      if (!(p.min <= p.mean && p.mean <= p.max)) {
        throw ScenarioError(where, base, "the mean " + number_text(p.mean) + " must lie between min " + number_text(p.min) +
                                             " and max " + number_text(p.max));
      }
    } else {
      forbid("mean", "mean and sd go with distribution \"normal\"");
      forbid("sd", "mean and sd go with distribution \"normal\"");
      for (const char* name : {"min", "max"}) {
        if (!has(name)) {
          throw ScenarioError(where, base, std::string("needs ") + name + ": give min and max, or values = [...]");
        }
      }
      p.min = real_for(key, at("min"), base + ".min");
      p.max = real_for(key, at("max"), base + ".max");
    }
    if (!(p.min < p.max)) {
      throw ScenarioError(where, base, "min " + number_text(p.min) + " must be less than max " + number_text(p.max));
    }
    if (p.distribution == Distribution::LogUniform && !(p.min > 0)) {
      throw ScenarioError(position(source_, at("min")), base + ".min", "a log-uniform range needs min > 0");
    }
    if (p.distribution == Distribution::Triangular) {
      if (!has("mode")) throw ScenarioError(where, base, "a triangular distribution needs mode");
      p.mode = real_for(key, at("mode"), base + ".mode");
      if (!(p.min <= p.mode && p.mode <= p.max)) {
        throw ScenarioError(position(source_, at("mode")), base + ".mode", "mode must lie between min and max");
      }
    } else {
      forbid("mode", "mode goes with distribution \"triangular\"");
    }
    if (has("levels")) {
      const TomlValue& levels = at("levels");
      const std::string shown = base + ".levels";
      if (!levels.is_integer()) throw ScenarioError(position(source_, levels), shown, "expected an integer, found " + toml_type(levels));
      if (p.distribution != Distribution::Uniform && p.distribution != Distribution::LogUniform) {
        throw ScenarioError(position(source_, levels), shown, "grid levels go with uniform or log_uniform ranges");
      }
      const auto n = levels.as_integer();
      if (n < 2 || n > 1000000) throw ScenarioError(position(source_, levels), shown, "expected from 2 to 1000000 levels, found " + std::to_string(n));
      if (p.type == ValueType::Integer && n > static_cast<std::int64_t>(p.max - p.min) + 1) {
        throw ScenarioError(position(source_, levels), shown,
                            std::to_string(n) + " levels between " + number_text(p.min) + " and " + number_text(p.max) +
                                " would repeat integers; at most " + std::to_string(static_cast<std::int64_t>(p.max - p.min) + 1));
      }
      p.levels = static_cast<int>(n);
    }
    return p;
  }

  void read_points(const TomlValue& list, const SourcePosition& where) {
    if (!list.is_array()) throw ScenarioError(where, "sweep.points", "expected an array of tables such as [{ \"trust.decay\" = 0.02 }], found " + toml_type(list));
    Sweep& sweep = scenario_.sweep;
    int index = 0;
    for (const auto& item : list.as_array()) {
      const SourcePosition at = position(source_, item);
      const std::string context = "sweep.points[" + std::to_string(index++) + "]";
      if (!item.is_table()) throw ScenarioError(at, context, "expected a table of parameter values, found " + toml_type(item));
      std::vector<std::pair<std::string, const TomlValue*>> entries;
      flatten(item, "", context, entries);
      std::vector<std::optional<Value>> point(sweep.parameters.size());
      for (const auto& [path, value] : entries) {
        const SourcePosition value_at = position(source_, *value);
        std::size_t i = 0;
        while (i < sweep.parameters.size() && sweep.parameters[i].key != path) ++i;
        if (i == sweep.parameters.size()) {
          const KeyPath key = checked_key(path, value_at, context);
          SweptParameter p;
          p.key = path;
          p.type = key.field->type;
          p.distribution = Distribution::Choice;
          p.where = value_at;
          sweep.parameters.push_back(p);
          for (auto& earlier : sweep.points) earlier.emplace_back();
          point.emplace_back();
        }
        const KeyPath key = resolve_key(path);
        point[i] = value_for(key, *value, context + "." + path);
        sweep.parameters[i].values.push_back(*point[i]);
      }
      sweep.points.push_back(std::move(point));
    }
  }

  Scenario& scenario_;
  std::string source_;
  std::string context_;
};

}  // namespace

void read_sweep(Scenario& scenario, const TomlValue& table, const std::string& source) {
  scenario.sweep = Sweep{};
  SweepReader(scenario, source).read(table);
}

std::vector<SweptParameter> read_swept_parameters(const TomlValue& table, const std::string& source,
                                                 const std::string& context) {
  if (!table.is_table()) {
    throw ScenarioError(position(source, table), context, "expected a table of parameters, found " + toml_type(table));
  }
  Scenario scratch;
  SweepReader reader(scratch, source, context);
  reader.read_parameters(table);
  return scratch.sweep.parameters;
}

void override_sweep(Scenario& scenario, const std::string& key, const TomlValue& value, const SourcePosition& where) {
  const std::string name = key.substr(std::string("sweep.").size());
  if (name == "parameters" || name == "points" || name.rfind("parameters.", 0) == 0 || name.rfind("points", 0) == 0) {
    throw ScenarioError(where, key, "sweep parameters and points are set in the scenario file's [sweep] section");
  }
  if (std::find(kSweepKeys.begin(), kSweepKeys.end(), name) == kSweepKeys.end()) {
    throw ScenarioError(where, key, "unknown key" + did_you_mean(name, kSweepKeys));
  }
  SweepReader(scenario, where.source).set_setting(name, value, where);
}

void check_sweep(const Scenario& scenario) {
  const Sweep& sweep = scenario.sweep;
  if (sweep.design == SweepDesign::None) return;
  const std::string design(design_name(sweep.design));
  const SourcePosition where = scenario.position_of("sweep.design");
  if (sweep.independent_streams && scenario.params.simulation.first_replicate > 0) {
    // stream = point x replicates + replicate would give a later round's replicates streams
    // that earlier rounds' other points already used.
    throw ScenarioError(scenario.position_of("simulation.first_replicate"), "simulation.first_replicate",
                        "first_replicate goes with common random numbers, not sweep.streams = \"independent\"");
  }
  const bool sampled = sweep.design == SweepDesign::Random || sweep.design == SweepDesign::LatinHypercube ||
                       sweep.design == SweepDesign::Sobol || sweep.design == SweepDesign::Morris;
  if (sweep.design == SweepDesign::List) {
    if (sweep.points.empty()) throw ScenarioError(where, "sweep.points", "a list design needs points = [{ ... }, ...]");
  } else {
    if (!sweep.points.empty()) {
      throw ScenarioError(scenario.position_of("sweep.points"), "sweep.points", "points go with design \"list\", not \"" + design + "\"");
    }
    if (sweep.parameters.empty()) {
      throw ScenarioError(where, "sweep.parameters", "a " + design + " design needs [sweep.parameters]");
    }
  }
  if (sampled && sweep.samples < 1) {
    throw ScenarioError(where, "sweep.samples",
                        "a " + design + " design needs samples (" +
                            (sweep.design == SweepDesign::Sobol    ? "base samples: the design has samples x (parameters + 2) points"
                             : sweep.design == SweepDesign::Morris ? "trajectories: the design has samples x (parameters + 1) points"
                                                                   : "the number of points") +
                            ")");
  }
  if (!sampled && sweep.samples > 0) {
    throw ScenarioError(scenario.position_of("sweep.samples"), "sweep.samples",
                        "samples go with random, latin_hypercube, sobol and morris designs, not " + design);
  }
  if (sweep.design == SweepDesign::Morris && sweep.levels % 2 != 0) {
    throw ScenarioError(scenario.position_of("sweep.levels"), "sweep.levels",
                        "Morris designs need an even number of levels (4 is usual), found " + std::to_string(sweep.levels));
  }
  if (sweep.design == SweepDesign::Sobol && sweep.parameters.size() > 1500) {
    throw ScenarioError(where, "sweep.parameters", "a Sobol design varies at most 1500 parameters");
  }
  for (const SweptParameter& p : sweep.parameters) {
    const std::string key = "sweep.parameters." + p.key;
    if (sweep.design == SweepDesign::Grid && p.distribution != Distribution::Choice && p.levels == 0) {
      throw ScenarioError(p.where, key, "a grid needs each parameter's values = [...], or min, max and levels");
    }
    if (sweep.design != SweepDesign::Grid && p.levels > 0) {
      throw ScenarioError(p.where, key + ".levels", "levels go with grid designs, not " + design);
    }
  }
  const std::int64_t points = sweep_points(sweep);
  const std::int64_t runs = saturating_product(saturating_product(points, static_cast<std::int64_t>(scenario.params.simulation.strategies.size())),
                                  scenario.params.simulation.replicates);
  if (runs > std::numeric_limits<std::int32_t>::max()) {
    std::ostringstream s;
    s << "the sweep makes " << points << " points x " << scenario.params.simulation.strategies.size() << " strategies x "
      << scenario.params.simulation.replicates << " replicates = more than " << std::numeric_limits<std::int32_t>::max()
      << " runs, the most one results file holds; split it into several scenarios";
    throw ScenarioError(sampled ? scenario.position_of("sweep.samples") : where, sampled ? "sweep.samples" : "sweep", s.str());
  }
}

}  // namespace placesim
