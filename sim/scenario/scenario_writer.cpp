#include <sstream>

#include "scenario/registry.hpp"
#include "scenario/scenario.hpp"

namespace placesim {

std::string resolved_toml(const Params& params) {
  const Registry& registry = Registry::instance();
  std::ostringstream out;
  out << "# Fully resolved scenario: every parameter, defaults included.\n";
  std::string section;
  for (const auto& f : registry.scalars()) {
    const auto dot = f.key.rfind('.');
    const std::string s = f.key.substr(0, dot);
    if (s != section) {
      out << "\n[" << s << "]\n";
      section = s;
    }
    out << f.key.substr(dot + 1) << " = " << to_toml(f.get(params)) << "\n";
  }
  for (const auto& table : registry.tables()) {
    for (const std::string& row : table->row_names(params)) {
      out << "\n[" << table->name() << "." << toml_key(row) << "]\n";
      for (const FieldInfo& f : table->fields()) {
        out << f.key << " = " << to_toml(table->get(params, row, f.key)) << "\n";
      }
    }
  }
  return out.str();
}

std::string resolved_toml(const Scenario& scenario) {
  return resolved_toml(scenario.params) + sweep_toml(scenario.sweep) + posterior_toml(scenario.posterior);
}

}  // namespace placesim
