#include "scenario/calibration_targets.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <set>
#include <sstream>

#include "model/metrics.hpp"
#include "model/place.hpp"
#include "scenario/suggestion.hpp"
#include "scenario/sweep_reader.hpp"
#include "scenario/toml_limits.hpp"
#include "scenario/user_file.hpp"
#include "scenario/value_reader.hpp"

namespace placesim {

namespace {

const std::vector<std::string> kTopKeys = {"scenario", "parameters", "targets", "calibration"};
const std::vector<std::string> kTargetKeys = {"name",   "metric",   "issue",     "sector_from", "sector_to", "month",
                                              "months", "over",     "statistic", "quantile",    "threshold", "strategy",
                                              "minus",  "value",    "sd",        "source"};
const std::vector<std::string> kSettingKeys = {"waves",          "points",          "replicates",  "cutoff",
                                               "candidates",     "posterior_draws", "check_points", "seed",
                                               "emulator_points"};
const std::vector<std::string> kStatistics = {"mean", "per_year", "per_decade", "quantile", "share_above"};

std::string quoted_list(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& n : names) text += (text.empty() ? "\"" : ", \"") + n + "\"";
  return text;
}

class TargetsReader {
 public:
  explicit TargetsReader(std::string path) : path_(std::move(path)) {}

  CalibrationTargets read() {
    CalibrationTargets result;
    result.path = path_;
    const TomlValue root = parse_toml(read_user_file(path_, "targets file", kMaxTomlBytes), path_);
    for (const auto& [key, value] : in_file_order(root)) {
      if (std::find(kTopKeys.begin(), kTopKeys.end(), key) == kTopKeys.end()) {
        throw ScenarioError(at(*value), key, "unknown key" + did_you_mean(key, kTopKeys) +
                                                 "; a targets file has scenario, [parameters], [[targets]] and [calibration]");
      }
    }
    read_scenario(root, result);
    if (!root.contains("parameters")) {
      throw ScenarioError({path_, 1, 1}, "parameters", "missing: name the parameters to calibrate, e.g. "
                                                       "[parameters] \"trust.decay\" = { min = 0.005, max = 0.05 }");
    }
    result.parameters = read_swept_parameters(root.at("parameters"), path_, "parameters");
    if (result.parameters.empty()) throw ScenarioError(at(root.at("parameters")), "parameters", "names no parameter");
    for (const SweptParameter& p : result.parameters) {
      if (!p.numeric() || p.distribution == Distribution::Choice) {
        throw ScenarioError(p.where, "parameters." + p.key,
                            "calibration needs a number with a range or distribution (min and max, or a normal, "
                            "log_uniform or triangular distribution); names, lists and lists of values cannot be emulated");
      }
    }
    if (root.contains("calibration")) read_settings(root.at("calibration"), result);
    if (result.settings.seed == 0 && !seed_set_) result.settings.seed = result.scenario.params.simulation.seed;
    if (result.settings.points == 0) {
      result.settings.points = std::max(20, 10 * static_cast<int>(result.parameters.size()));
    }
    if (result.settings.emulator_points == 0) result.settings.emulator_points = 2 * result.settings.points;
    read_targets(root, result);
    restrict_scenario(result);
    return result;
  }

 private:
  SourcePosition at(const TomlValue& value) const { return position(path_, value); }

  void read_scenario(const TomlValue& root, CalibrationTargets& result) const {
    if (!root.contains("scenario")) {
      throw ScenarioError({path_, 1, 1}, "scenario",
                          "missing: name the scenario file the targets apply to (relative to this file), or \"default\"");
    }
    const TomlValue& value = root.at("scenario");
    if (!value.is_string()) throw ScenarioError(at(value), "scenario", "expected a file name, found " + toml_type(value));
    const std::string name = value.as_string().str;
    if (name == "default") {
      result.scenario = default_scenario();
    } else {
      std::filesystem::path file(name);
      if (file.is_relative()) file = std::filesystem::path(path_).parent_path() / file;
      result.scenario_path = file.lexically_normal().string();
      std::error_code error;
      if (!std::filesystem::exists(result.scenario_path, error)) {
        throw ScenarioError(at(value), "scenario", "no such file: " + result.scenario_path +
                                                       " (a scenario file, relative to the targets file, or \"default\")");
      }
      result.scenario = load_scenario_file(result.scenario_path);
    }
    check_scenario(result.scenario);
    // A calibration runs the scenario's place at design points of its own, over [parameters]: a
    // sweep of the scenario would be dropped without a word, so it is refused.
    const Sweep& sweep = result.scenario.sweep;
    if (sweep.design != SweepDesign::None) {
      throw ScenarioError(at(value), "scenario",
                          sweep.where.source + ":" + std::to_string(sweep.where.line) + " holds a [sweep] (design \"" +
                              std::string(design_name(sweep.design)) +
                              "\"), which a calibration would ignore: it varies only its [parameters], at design "
                              "points of its own. Name a scenario without a [sweep] (a copy of this one without it)");
    }
  }

  std::int64_t integer(const TomlValue& value, const std::string& key, std::int64_t lo, std::int64_t hi) const {
    if (!value.is_integer()) throw ScenarioError(at(value), key, "expected an integer, found " + toml_type(value));
    const std::int64_t x = value.as_integer();
    if (x < lo || x > hi) {
      throw ScenarioError(at(value), key, "value " + std::to_string(x) + " is out of range: expected from " +
                                              std::to_string(lo) + " to " + std::to_string(hi));
    }
    return x;
  }

  double number(const TomlValue& value, const std::string& key) const {
    if (!value.is_integer() && !value.is_floating()) throw ScenarioError(at(value), key, "expected a number, found " + toml_type(value));
    const double x = value.is_integer() ? static_cast<double>(value.as_integer()) : value.as_floating();
    if (!std::isfinite(x)) throw ScenarioError(at(value), key, "expected a finite number");
    return x;
  }

  std::string text(const TomlValue& value, const std::string& key) const {
    if (!value.is_string()) throw ScenarioError(at(value), key, "expected a string, found " + toml_type(value));
    return value.as_string().str;
  }

  void read_settings(const TomlValue& table, CalibrationTargets& result) {
    if (!table.is_table()) throw ScenarioError(at(table), "calibration", "expected a table of settings, found " + toml_type(table));
    CalibrationSettings& s = result.settings;
    for (const auto& [key, value] : in_file_order(table)) {
      const std::string path = "calibration." + key;
      if (key == "waves") s.waves = static_cast<int>(integer(*value, path, 1, 20));
      else if (key == "points") s.points = static_cast<int>(integer(*value, path, 5, 100000));
      else if (key == "replicates") s.replicates = static_cast<int>(integer(*value, path, 1, 10000));
      else if (key == "candidates") s.candidates = static_cast<int>(integer(*value, path, 1000, 10000000));
      else if (key == "posterior_draws") s.posterior_draws = static_cast<int>(integer(*value, path, 10, 1000000));
      else if (key == "check_points") s.check_points = static_cast<int>(integer(*value, path, 0, 100000));
      else if (key == "emulator_points") s.emulator_points = static_cast<int>(integer(*value, path, 10, 100000));
      else if (key == "seed") {
        s.seed = static_cast<std::uint64_t>(integer(*value, path, 0, std::numeric_limits<std::int64_t>::max()));
        seed_set_ = true;
      } else if (key == "cutoff") {
        s.cutoff = number(*value, path);
        if (!(s.cutoff > 0)) throw ScenarioError(at(*value), path, "expected a positive cut-off (the usual is 3)");
      } else {
        throw ScenarioError(at(*value), path, "unknown key" + did_you_mean(key, kSettingKeys) + "; [calibration] takes " +
                                                  quoted_list(kSettingKeys));
      }
    }
  }

  void read_targets(const TomlValue& root, CalibrationTargets& result) const {
    if (!root.contains("targets")) {
      throw ScenarioError({path_, 1, 1}, "targets", "missing: give at least one [[targets]] with metric, month, value and sd");
    }
    const TomlValue& list = root.at("targets");
    if (!list.is_array() || list.as_array().empty()) {
      throw ScenarioError(at(list), "targets", "expected [[targets]] tables, found " + toml_type(list));
    }
    std::set<std::string> names;
    int index = 0;
    for (const TomlValue& item : list.as_array()) {
      const std::string context = "targets[" + std::to_string(index++) + "]";
      if (!item.is_table()) throw ScenarioError(at(item), context, "expected a table, found " + toml_type(item));
      CalibrationTarget target = read_target(item, context, result.scenario);
      if (!names.insert(target.name).second) {
        throw ScenarioError(target.where, context + ".name", "\"" + target.name + "\" names two targets; give each its own name");
      }
      result.targets.push_back(std::move(target));
    }
  }

  CalibrationTarget read_target(const TomlValue& item, const std::string& context, const Scenario& scenario) const {
    CalibrationTarget t;
    t.where = at(item);
    for (const auto& [key, value] : in_file_order(item)) {
      if (std::find(kTargetKeys.begin(), kTargetKeys.end(), key) == kTargetKeys.end()) {
        throw ScenarioError(at(*value), context + "." + key, "unknown key" + did_you_mean(key, kTargetKeys));
      }
    }
    const auto& fields = item.as_table();
    auto has = [&](const char* key) { return fields.count(key) > 0; };
    auto field = [&](const char* key) -> const TomlValue& { return fields.at(key); };
    auto key_of = [&](const char* key) { return context + "." + key; };

    // The metric, and the cell of a per-issue or sector metric.
    if (!has("metric")) throw ScenarioError(t.where, key_of("metric"), "missing: a metric of the results (placesim metrics)");
    t.metric = text(field("metric"), key_of("metric"));
    const MetricSpec* spec = nullptr;
    std::vector<std::string> metric_names;
    for (const MetricSpec& m : metric_specs()) {
      metric_names.emplace_back(m.name);
      if (m.name == t.metric) spec = &m;
    }
    if (!spec) {
      throw ScenarioError(at(field("metric")), key_of("metric"),
                          "\"" + t.metric + "\" is not a metric" + did_you_mean(t.metric, metric_names) + " (placesim metrics lists them)");
    }
    const Params& params = scenario.params;
    std::vector<std::string> issues, sectors;
    for (const IssueSpec& issue : build_place(params).issues) issues.push_back(issue.name);
    for (const SectorSpec& sector : params.sectors) sectors.push_back(sector.name);
    auto name_in = [&](const char* key, const std::vector<std::string>& allowed, const std::string& what) {
      if (!has(key)) throw ScenarioError(t.where, key_of(key), "missing: " + t.metric + " is per " + what + "; name one of " + quoted_list(allowed));
      const std::string name = text(field(key), key_of(key));
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
        throw ScenarioError(at(field(key)), key_of(key), "\"" + name + "\" is not one of the scenario's " + what + "s: " +
                                                             quoted_list(allowed) + did_you_mean(name, allowed));
      }
      return name;
    };
    auto forbid = [&](const char* key, const std::string& why) {
      if (has(key)) throw ScenarioError(at(field(key)), key_of(key), why);
    };
    if (spec->shape == MetricShape::PerIssue) {
      t.issue = name_in("issue", issues, "issue");
    } else {
      forbid("issue", t.metric + " is not per issue");
    }
    if (spec->shape == MetricShape::SectorBySector) {
      t.sector_from = name_in("sector_from", sectors, "sector");
      t.sector_to = name_in("sector_to", sectors, "sector");
    } else {
      forbid("sector_from", t.metric + " is not per sector");
      forbid("sector_to", t.metric + " is not per sector");
    }

    // The months the run value averages.
    const int months = params.simulation.months;
    const int given = static_cast<int>(has("month")) + static_cast<int>(has("months")) + static_cast<int>(has("over"));
    if (given != 1) {
      throw ScenarioError(t.where, context, "give one of month = M, months = [M1, M2, ...] (a mean over those months) or "
                                            "over = [FIRST, LAST] (a mean over every month from FIRST to LAST)");
    }
    auto month_value = [&](const TomlValue& v, const std::string& key) {
      return static_cast<int>(integer(v, key, 0, months));
    };
    if (has("month")) {
      t.months.push_back(month_value(field("month"), key_of("month")));
    } else {
      const char* key = has("months") ? "months" : "over";
      const TomlValue& list = field(key);
      if (!list.is_array() || list.as_array().empty()) {
        throw ScenarioError(at(list), key_of(key), "expected a non-empty array of months, found " + toml_type(list));
      }
      std::vector<int> values;
      for (const TomlValue& v : list.as_array()) values.push_back(month_value(v, key_of(key)));
      if (has("over")) {
        if (values.size() != 2 || values[0] > values[1]) {
          throw ScenarioError(at(list), key_of(key), "expected [FIRST, LAST] with FIRST <= LAST");
        }
        for (int m = values[0]; m <= values[1]; ++m) t.months.push_back(m);
      } else {
        std::set<int> seen;
        for (int m : values) {
          if (!seen.insert(m).second) throw ScenarioError(at(list), key_of(key), "month " + std::to_string(m) + " is listed twice");
        }
        t.months = values;
      }
    }

    // The statistic over replicates.
    if (has("statistic")) {
      const std::string name = text(field("statistic"), key_of("statistic"));
      const auto it = std::find(kStatistics.begin(), kStatistics.end(), name);
      if (it == kStatistics.end()) {
        throw ScenarioError(at(field("statistic")), key_of("statistic"),
                            "\"" + name + "\" is not one of " + quoted_list(kStatistics) + did_you_mean(name, kStatistics));
      }
      t.statistic = static_cast<TargetStatistic>(it - kStatistics.begin());
    }
    if (t.statistic == TargetStatistic::Quantile) {
      if (!has("quantile")) throw ScenarioError(t.where, key_of("quantile"), "missing: statistic \"quantile\" needs quantile = q, 0 < q < 1");
      t.quantile = number(field("quantile"), key_of("quantile"));
      if (!(t.quantile > 0 && t.quantile < 1)) throw ScenarioError(at(field("quantile")), key_of("quantile"), "expected 0 < q < 1");
    } else {
      forbid("quantile", "quantile goes with statistic = \"quantile\"");
    }
    if (t.statistic == TargetStatistic::ShareAbove) {
      if (!has("threshold")) throw ScenarioError(t.where, key_of("threshold"), "missing: statistic \"share_above\" needs threshold");
      t.threshold = number(field("threshold"), key_of("threshold"));
    } else {
      forbid("threshold", "threshold goes with statistic = \"share_above\"");
    }
    if ((t.statistic == TargetStatistic::PerYear || t.statistic == TargetStatistic::PerDecade) &&
        std::find(t.months.begin(), t.months.end(), 0) != t.months.end()) {
      throw ScenarioError(t.where, context, "a rate counts events in months 1 onwards: month 0 is the initial state");
    }

    // Whose runs.
    const std::vector<std::string>& strategies = params.simulation.strategies;
    auto strategy_in = [&](const char* key) {
      const std::string name = text(field(key), key_of(key));
      if (std::find(strategies.begin(), strategies.end(), name) == strategies.end()) {
        throw ScenarioError(at(field(key)), key_of(key), "\"" + name + "\" is not one of the scenario's strategies: " +
                                                             quoted_list(strategies) + did_you_mean(name, strategies));
      }
      return name;
    };
    if (has("strategy")) {
      t.strategy = strategy_in("strategy");
    } else {
      const bool has_baseline = std::find(strategies.begin(), strategies.end(), "baseline") != strategies.end();
      t.strategy = has_baseline ? "baseline" : strategies.front();
    }
    if (has("minus")) {
      t.minus = strategy_in("minus");
      if (t.minus == t.strategy) throw ScenarioError(at(field("minus")), key_of("minus"), "a difference needs two strategies");
    }

    // The observation.
    for (const char* key : {"value", "sd"}) {
      if (!has(key)) throw ScenarioError(t.where, key_of(key), std::string("missing: every target needs value and sd"));
    }
    t.value = number(field("value"), key_of("value"));
    t.sd = number(field("sd"), key_of("sd"));
    if (!(t.sd > 0)) throw ScenarioError(at(field("sd")), key_of("sd"), "expected a positive standard deviation (observation and model discrepancy together)");
    if (t.statistic == TargetStatistic::ShareAbove && !(t.value >= 0 && t.value <= 1)) {
      throw ScenarioError(at(field("value")), key_of("value"), "a share lies from 0 to 1");
    }
    if (has("source")) t.source = text(field("source"), key_of("source"));
    if (has("name")) {
      t.name = text(field("name"), key_of("name"));
      if (t.name.empty()) throw ScenarioError(at(field("name")), key_of("name"), "expected a non-empty name");
    } else {
      t.name = t.metric;
      if (!t.issue.empty()) t.name += "_" + t.issue;
      if (!t.sector_from.empty()) t.name += "_" + t.sector_from + "_" + t.sector_to;
      if (!t.minus.empty()) t.name += "_" + t.strategy + "_minus_" + t.minus;
      else if (t.strategy != "baseline") t.name += "_" + t.strategy;
      if (t.statistic != TargetStatistic::Mean) t.name += "_" + std::string(statistic_name(t.statistic));
      t.name += t.months.size() == 1 ? "_m" + std::to_string(t.months.front())
                                     : "_m" + std::to_string(t.months.front()) + "-" + std::to_string(t.months.back());
    }
    return t;
  }

  // The calibration's runs need only the strategies the targets name, each point run
  // settings.replicates times.
  static void restrict_scenario(CalibrationTargets& result) {
    std::vector<std::string> needed;
    for (const std::string& s : result.scenario.params.simulation.strategies) {
      for (const CalibrationTarget& t : result.targets) {
        if ((t.strategy == s || t.minus == s) && std::find(needed.begin(), needed.end(), s) == needed.end()) needed.push_back(s);
      }
    }
    result.scenario.params.simulation.strategies = needed;
    result.scenario.params.simulation.replicates = result.settings.replicates;
    result.scenario.params.simulation.seed = result.settings.seed;
  }

  std::string path_;
  bool seed_set_ = false;
};

std::string real(double x) { return to_toml(Value(x)); }

}  // namespace

std::string_view statistic_name(TargetStatistic statistic) { return kStatistics.at(static_cast<std::size_t>(statistic)); }

CalibrationTargets load_calibration_targets(const std::string& path) { return TargetsReader(path).read(); }

bool is_targets_file(const std::string& path) {
  try {
    const TomlValue root = parse_toml(read_user_file(path, "file", kMaxTomlBytes), path);
    return root.is_table() && root.contains("targets") && !root.contains("simulation");
  } catch (const std::exception&) {
    return false;
  }
}

std::int64_t calibration_runs(const CalibrationTargets& c) {
  const std::int64_t per_point = static_cast<std::int64_t>(c.scenario.params.simulation.strategies.size()) * c.settings.replicates;
  return per_point * (static_cast<std::int64_t>(c.settings.waves) * c.settings.points + c.settings.check_points);
}

std::string calibration_spec(const CalibrationTargets& c) {
  std::ostringstream out;
  out << "# Checked calibration targets (placesim calibrate): the analysis package's input.\n";
  out << "targets_file = " << toml_string(c.path) << "\n";
  out << "scenario_file = " << toml_string(c.scenario_path.empty() ? std::string(kEmbeddedDefaultName) : c.scenario_path) << "\n";
  out << "scenario = " << toml_string(resolved_toml(c.scenario.params)) << "\n";
  out << "strategies = [";
  for (std::size_t i = 0; i < c.scenario.params.simulation.strategies.size(); ++i) {
    out << (i ? ", " : "") << toml_string(c.scenario.params.simulation.strategies[i]);
  }
  out << "]\nmonths = " << c.scenario.params.simulation.months << "\n\n";
  const CalibrationSettings& s = c.settings;
  out << "[settings]\nwaves = " << s.waves << "\npoints = " << s.points << "\nreplicates = " << s.replicates
      << "\ncutoff = " << real(s.cutoff) << "\ncandidates = " << s.candidates << "\nposterior_draws = " << s.posterior_draws
      << "\ncheck_points = " << s.check_points << "\nseed = " << s.seed << "\nemulator_points = " << s.emulator_points
      << "\n";
  for (const SweptParameter& p : c.parameters) {
    out << "\n[[parameters]]\nkey = " << toml_string(p.key) << "\ninteger = " << (p.type == ValueType::Integer ? "true" : "false")
        << "\ndistribution = " << toml_string(std::string(distribution_name(p.distribution))) << "\nmin = " << real(p.min)
        << "\nmax = " << real(p.max) << "\nmode = " << real(p.mode) << "\nmean = " << real(p.mean) << "\nsd = " << real(p.sd)
        << "\ndescribe = " << toml_string(p.describe()) << "\n";
  }
  for (const CalibrationTarget& t : c.targets) {
    out << "\n[[targets]]\nname = " << toml_string(t.name) << "\nmetric = " << toml_string(t.metric)
        << "\nissue = " << toml_string(t.issue) << "\nsector_from = " << toml_string(t.sector_from)
        << "\nsector_to = " << toml_string(t.sector_to) << "\nmonths = [";
    for (std::size_t i = 0; i < t.months.size(); ++i) out << (i ? ", " : "") << t.months[i];
    out << "]\nstatistic = " << toml_string(std::string(statistic_name(t.statistic))) << "\nquantile = " << real(t.quantile)
        << "\nthreshold = " << real(t.threshold) << "\nstrategy = " << toml_string(t.strategy) << "\nminus = " << toml_string(t.minus)
        << "\nvalue = " << real(t.value) << "\nsd = " << real(t.sd) << "\nsource = " << toml_string(t.source)
        << "\nwhere = " << toml_string(t.where.source + ":" + std::to_string(t.where.line)) << "\n";
  }
  return out.str();
}

}  // namespace placesim
