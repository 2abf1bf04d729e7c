#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "scenario/intervention_tables.hpp"
#include "scenario/presets.hpp"
#include "scenario/registry.hpp"
#include "scenario/suggestion.hpp"

namespace placesim::cli {

namespace {

const char* kHelp =
    "Usage: placesim presets [show NAME | --table]\n\n"
    "Lists the built-in interventions (the presets), one line each; `show NAME` prints one as\n"
    "scenario text to copy into your own file and edit (see docs/interventions.md); --table\n"
    "prints them side by side as a markdown table.\n\n"
    "Examples:\n"
    "  placesim presets\n"
    "  placesim presets show co_design > my_strategy.toml\n";

}  // namespace

int presets_command(const Args& args, const std::string& /*command_line*/) {
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    std::cout << kHelp;
    return kOk;
  }
  if (!args.empty() && args[0] == "--table") {
    write_preset_comparison(std::cout);
    return kOk;
  }
  const Registry& registry = Registry::instance();
  const Params& defaults = default_params();  // the presets are default rows too
  const Table& table = *registry.find_table("interventions");
  if (args.empty()) {
    for (const InterventionSpec& i : defaults.interventions) {
      std::printf("%-24s %-32s %s\n", i.name.c_str(), i.provider.c_str(), i.theory.c_str());
    }
    std::cout << "\nEach is also a strategy of its own name; `placesim presets show NAME` prints one.\n";
    return kOk;
  }
  if (args[0] != "show" || args.size() != 2) throw UsageError("expected `placesim presets` or `placesim presets show NAME`");
  const std::string& name = args[1];
  if (!table.has_row(defaults, name)) {
    throw UsageError("no preset named '" + name + "'" + did_you_mean(name, table.row_names(defaults)));
  }
  std::cout << "# The " << name << " preset, as scenario text. Copy it, rename the table to declare\n"
            << "# your own intervention (or keep the name to change the preset itself), and edit.\n"
            << "# Every field is explained in docs/interventions.md.\n"
            << "[interventions." << name << "]\n";
  for (const FieldInfo& f : table.fields()) {
    if (f.key == "based_on") continue;
    std::cout << f.key << " = " << to_toml(table.get(defaults, name, f.key)) << "\n";
  }
  std::cout << "\n# A strategy that runs it, and the comparison with the baseline:\n"
            << "[strategies.my_" << name << "]\ninterventions = [\"" << name << "\"]\n\n"
            << "[simulation]\nstrategies = [\"baseline\", \"my_" << name << "\"]\n";
  return kOk;
}

}  // namespace placesim::cli
