#include "experiment/plan.hpp"

#include <stdexcept>

#include "experiment/designs/parameter_values.hpp"
#include "scenario/parameter_checks.hpp"
#include "scenario/strategies.hpp"
#include "model/place.hpp"

namespace placesim {

using results::ColumnData;
using results::ColumnType;
using results::DesignColumn;

namespace {

bool sampled(SweepDesign design) {
  return design == SweepDesign::Random || design == SweepDesign::LatinHypercube || design == SweepDesign::Sobol ||
         design == SweepDesign::Morris;
}

// Stored as text in /design: names as themselves, lists as their TOML text (["police", "health"]).
bool textual(ValueType type) {
  return type == ValueType::Text || type == ValueType::Choice || type == ValueType::NameList ||
         type == ValueType::IntegerList;
}

std::string as_text(const Value& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  return to_toml(value);
}

}  // namespace

Plan::Plan(const Scenario& scenario)
    : base_(scenario.params), design_(scenario.sweep, scenario.params.simulation.seed) {
  for (const SweptParameter& p : scenario.sweep.parameters) keys_.push_back(resolve_key(p.key));
  posterior_ = scenario.posterior;
  for (const std::string& key : posterior_.keys) posterior_keys_.push_back(resolve_key(key));
  for (const IssueSpec& issue : build_place(base_).issues) issues_.push_back(issue.name);
  for (const SectorSpec& sector : base_.sectors) sectors_.push_back(sector.name);
  const std::int64_t runs = saturating_product(
      saturating_product(design_.size(), static_cast<std::int64_t>(strategies().size())), replicates());
  if (runs > std::numeric_limits<std::int32_t>::max()) throw std::length_error("too many runs for one results file");
  runs_ = static_cast<int>(runs);
}

RunAddress Plan::address(int run) const {
  const int replicates_per = replicates();
  const auto strategy_count = static_cast<int>(strategies().size());
  RunAddress a;
  a.replicate = base_.simulation.first_replicate + run % replicates_per;
  const int variant = run / replicates_per;
  a.strategy = variant % strategy_count;
  a.point = variant / strategy_count;
  return a;
}

int Plan::draw(const RunAddress& a) const {
  if (posterior_.empty()) return -1;
  return a.replicate % static_cast<int>(posterior_.draws.size());
}

std::uint32_t Plan::stream(const RunAddress& a) const {
  if (!design_.sweep().independent_streams) return static_cast<std::uint32_t>(a.replicate);
  return static_cast<std::uint32_t>(a.point * replicates() + a.replicate);
}

std::string Plan::describe_point(std::int64_t point) const {
  const auto values = design_.values(point);
  std::string text;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!values[i]) continue;
    text += (text.empty() ? "" : ", ") + keys_[i].path + " = " + to_toml(*values[i]);
  }
  return text;
}

Params Plan::parameters(std::int64_t point) const {
  Params params = base_;
  const auto values = design_.values(point);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i]) set_key(params, keys_[i], *values[i]);
  }
  return params;
}

std::shared_ptr<const Configuration> Plan::configuration(std::int64_t point, int strategy, int draw) const {
  Params params = parameters(point);
  if (draw >= 0) {
    const auto& values = posterior_.draws[static_cast<std::size_t>(draw)];
    for (std::size_t k = 0; k < posterior_keys_.size(); ++k) {
      const KeyPath& key = posterior_keys_[k];
      const FieldInfo& field = key.entry_field ? *key.entry_field : *key.field;
      set_key(params, key, field.type == ValueType::Integer ? Value(static_cast<std::int64_t>(values[k])) : Value(values[k]));
    }
  }
  const auto values = design_.values(point);
  const std::string& name = strategies()[static_cast<std::size_t>(strategy)];
  auto at_point = [&](const std::string& what) {
    return std::runtime_error("design point " + std::to_string(point) + " (" + describe_point(point) + "): " + what);
  };
  try {
    check_parameters(params);
    auto configuration = configure_strategy(std::move(params), name);
    std::vector<std::string> issues;
    for (const IssueSpec& issue : configuration->place.issues) issues.push_back(issue.name);
    if (issues != issues_) {
      throw std::runtime_error("place.issues: the point's issues differ from the scenario's, which every run of a "
                               "results file shares");
    }
    if (static_cast<std::size_t>(configuration->place.sectors) != sectors_.size()) {
      throw std::runtime_error("sectors: the point's sectors differ from the scenario's, which every run of a "
                               "results file shares");
    }
    return configuration;
  } catch (const std::exception& e) {
    if (values.empty() && draw < 0) throw;
    if (values.empty()) throw std::runtime_error("posterior draw " + std::to_string(draw) + ": " + e.what());
    throw at_point(e.what());
  }
}

std::vector<DesignColumn> Plan::design_columns() const {
  std::vector<DesignColumn> columns = {
      {"label", ColumnType::Text, "the strategy the run belongs to (simulation.strategies)", "", "", 1},
      {"replicate", ColumnType::Int32, "replicate index: runs with the same replicate share random streams", "", "", 1},
      {"seed", ColumnType::UInt64, "base seed: a run's random streams are keyed by (seed, replicate)", "", "", 1},
      {"point", ColumnType::Int32, "design point of the sweep: runs with the same point share every swept value", "",
       "", 1},
  };
  for (const SweptParameter& p : design_.sweep().parameters) {
    columns.push_back({p.key, textual(p.type) ? ColumnType::Text : ColumnType::Float64,
                       "value of " + p.key + " at the run's design point", "distribution", p.describe(), 1});
  }
  if (!posterior_.empty()) {
    columns.push_back({"posterior_draw", ColumnType::Int32, "the posterior draw the run's parameters came from "
                       "(replicate mod draws)", "", "", 1});
    for (const std::string& key : posterior_.keys) {
      columns.push_back({"posterior:" + key, ColumnType::Float64, "value of " + key + " in the run's posterior draw",
                         "source", posterior_.source, 1});
    }
  }
  const SweepDesign kind = design_.sweep().design;
  const int k = static_cast<int>(keys_.size());
  if (sampled(kind)) {
    columns.push_back({"unit", ColumnType::Float64,
                       "the design point in the unit hypercube, before each parameter's quantile function", "", "", k});
  }
  if (kind == SweepDesign::Sobol) {
    columns.push_back({"sobol_sample", ColumnType::Int32, "Saltelli base sample j", "", "", 1});
    columns.push_back({"sobol_matrix", ColumnType::Text,
                       "row of Saltelli's scheme: A, B, or AB:<parameter> (A with that parameter from B)", "", "", 1});
  }
  if (kind == SweepDesign::Morris) {
    columns.push_back({"morris_trajectory", ColumnType::Int32, "Morris trajectory", "", "", 1});
    columns.push_back({"morris_moved", ColumnType::Text,
                       "the parameter moved from the trajectory's previous point (empty at its start)", "", "", 1});
    columns.push_back({"morris_direction", ColumnType::Int32,
                       "+1 when that parameter moved up by morris_delta, -1 when down, 0 at a start", "", "", 1});
  }
  return columns;
}

std::vector<std::string> Plan::design_parameters() const {
  std::vector<std::string> names;
  for (const KeyPath& key : keys_) names.push_back(key.path);
  return names;
}

std::vector<std::pair<std::string, results::AttributeValue>> Plan::design_attributes() const {
  const Sweep& sweep = design_.sweep();
  std::vector<std::pair<std::string, results::AttributeValue>> attributes = {
      {"sweep_design", std::string(design_name(sweep.design))},
      {"points", static_cast<std::int64_t>(design_.size())},
      {"strategies", static_cast<std::int64_t>(strategies().size())},
      {"replicates", static_cast<std::int64_t>(replicates())},
      {"run_order", std::string("run = (point x strategies + strategy) x replicates + replicate - first_replicate")},
      {"first_replicate", static_cast<std::int64_t>(base_.simulation.first_replicate)},
  };
  if (sampled(sweep.design)) {
    attributes.emplace_back("samples", sweep.samples);
    attributes.emplace_back("sweep_seed", sweep.seed_set ? sweep.seed : base_.simulation.seed);
  }
  if (sweep.independent_streams) attributes.emplace_back("streams", std::string("independent"));
  if (!posterior_.empty()) {
    attributes.emplace_back("posterior_source", posterior_.source);
    attributes.emplace_back("posterior_draws", static_cast<std::int64_t>(posterior_.draws.size()));
  }
  if (sweep.design == SweepDesign::Morris) {
    attributes.emplace_back("levels", static_cast<std::int64_t>(sweep.levels));
    attributes.emplace_back("morris_delta", design_.morris_delta());
  }
  return attributes;
}

std::vector<ColumnData> Plan::design_rows(int first, int count) const {
  const std::vector<DesignColumn> columns = design_columns();
  std::vector<ColumnData> data;
  for (const DesignColumn& c : columns) {
    switch (c.type) {
      case ColumnType::Int32: data.emplace_back(std::vector<std::int32_t>()); break;
      case ColumnType::UInt64: data.emplace_back(std::vector<std::uint64_t>()); break;
      case ColumnType::Float64: data.emplace_back(std::vector<double>()); break;
      case ColumnType::Text: data.emplace_back(std::vector<std::string>()); break;
    }
  }
  const SweepDesign kind = design_.sweep().design;
  const std::size_t k = keys_.size();
  std::int64_t cached_point = -1;
  std::vector<std::optional<Value>> values;
  PointInfo info;
  for (int run = first; run < first + count; ++run) {
    const RunAddress a = address(run);
    if (a.point != cached_point) {
      values = design_.values(a.point, &info);
      cached_point = a.point;
      // A list point that leaves a parameter unset runs with the scenario's value.
      for (std::size_t i = 0; i < k; ++i) {
        if (!values[i]) values[i] = get_key(base_, keys_[i]);
      }
    }
    std::size_t c = 0;
    std::get<std::vector<std::string>>(data[c++]).push_back(strategies()[static_cast<std::size_t>(a.strategy)]);
    std::get<std::vector<std::int32_t>>(data[c++]).push_back(a.replicate);
    std::get<std::vector<std::uint64_t>>(data[c++]).push_back(seed());
    std::get<std::vector<std::int32_t>>(data[c++]).push_back(static_cast<std::int32_t>(a.point));
    for (std::size_t i = 0; i < k; ++i, ++c) {
      if (columns[c].type == ColumnType::Text) {
        std::get<std::vector<std::string>>(data[c]).push_back(as_text(*values[i]));
      } else {
        std::get<std::vector<double>>(data[c]).push_back(as_number(*values[i]));
      }
    }
    if (!posterior_.empty()) {
      const int d = draw(a);
      std::get<std::vector<std::int32_t>>(data[c++]).push_back(d);
      for (const double x : posterior_.draws[static_cast<std::size_t>(d)]) std::get<std::vector<double>>(data[c++]).push_back(x);
    }
    if (sampled(kind)) {
      auto& unit = std::get<std::vector<double>>(data[c++]);
      unit.insert(unit.end(), info.unit.begin(), info.unit.end());
    }
    if (kind == SweepDesign::Sobol) {
      std::get<std::vector<std::int32_t>>(data[c++]).push_back(static_cast<std::int32_t>(info.group));
      const std::string matrix = info.moved < 0 ? "A"
                                 : info.moved == static_cast<int>(k) ? "B"
                                                                     : "AB:" + keys_[static_cast<std::size_t>(info.moved)].path;
      std::get<std::vector<std::string>>(data[c++]).push_back(matrix);
    }
    if (kind == SweepDesign::Morris) {
      std::get<std::vector<std::int32_t>>(data[c++]).push_back(static_cast<std::int32_t>(info.group));
      std::get<std::vector<std::string>>(data[c++]).push_back(
          info.moved < 0 ? "" : keys_[static_cast<std::size_t>(info.moved)].path);
      std::get<std::vector<std::int32_t>>(data[c++]).push_back(info.direction);
    }
  }
  return data;
}

}  // namespace placesim
