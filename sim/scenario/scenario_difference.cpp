#include "scenario/scenario_difference.hpp"

#include <algorithm>

#include "scenario/registry.hpp"
#include "scenario/value.hpp"

namespace placesim {

namespace {

void compare(std::vector<ParameterDifference>& out, const std::string& key, const std::string& table, const Value& a,
             const Value& b) {
  const auto* reals_a = std::get_if<NamedReals>(&a);
  const auto* reals_b = std::get_if<NamedReals>(&b);
  if (reals_a && reals_b) {
    // Entry by entry: each is a parameter of its own (a calibration can vary one).
    std::vector<std::string> names;
    for (const auto& [name, _] : *reals_a) names.push_back(name);
    for (const auto& [name, _] : *reals_b) {
      if (!reals_a->count(name)) names.push_back(name);
    }
    for (const std::string& name : names) {
      const auto x = reals_a->find(name), y = reals_b->find(name);
      const std::string here = x == reals_a->end() ? "" : to_toml(Value(x->second));
      const std::string there = y == reals_b->end() ? "" : to_toml(Value(y->second));
      if (here != there) out.push_back({key + "." + name, table, here, there});
    }
    return;
  }
  const std::string here = to_toml(a), there = to_toml(b);
  if (here != there) out.push_back({key, table, here, there});
}

}  // namespace

std::vector<ParameterDifference> parameter_differences(const Params& here, const Params& there) {
  const Registry& registry = Registry::instance();
  std::vector<ParameterDifference> out;
  for (const auto& f : registry.scalars()) compare(out, f.key, "", f.get(here), f.get(there));
  for (const auto& table : registry.tables()) {
    const std::vector<std::string> rows_here = table->row_names(here), rows_there = table->row_names(there);
    for (const std::string& row : rows_here) {
      const std::string key = table->name() + "." + row;
      if (!table->has_row(there, row)) {
        out.push_back({key, table->name(), "(a row)", ""});
        continue;
      }
      for (const FieldInfo& f : table->fields()) {
        compare(out, key + "." + f.key, table->name(), table->get(here, row, f.key), table->get(there, row, f.key));
      }
    }
    for (const std::string& row : rows_there) {
      if (!table->has_row(here, row)) out.push_back({table->name() + "." + row, table->name(), "", "(a row)"});
    }
  }
  return out;
}

}  // namespace placesim
