#include <boost/program_options.hpp>

#include <cstdio>
#include <iostream>
#include <map>

#include "cli/commands.hpp"
#include "io/results_reader.hpp"

namespace po = boost::program_options;

namespace placesim::cli {

int info_command(const Args& args) {
  std::string path;
  po::options_description options(
      "Usage: placesim info RESULTS.h5\n\n"
      "Describes a results file: provenance, runs and how many completed, months, the design\n"
      "and every metric with its dimensions and units.\n\n"
      "Options");
  options.add_options()("help,h", "this help");
  po::options_description hidden;
  hidden.add_options()("results", po::value(&path));
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("results", 1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  if (vm.count("help")) {
    std::cout << options << "\nExample:\n  placesim info results/default.h5\n";
    return kOk;
  }
  po::notify(vm);
  if (path.empty()) throw UsageError("info needs a results file (placesim info RESULTS.h5)");

  std::unique_ptr<ResultsReader> opened;
  try {
    opened = std::make_unique<ResultsReader>(path);
  } catch (const std::exception& e) {
    throw UsageError(std::string("cannot read ") + path + ": " + e.what());
  }
  const ResultsReader& results = *opened;
  const auto completed = results.completed();
  int done = 0;
  for (auto c : completed) done += c;
  const auto design = results.design();
  std::vector<std::string> variants;
  std::map<std::string, int> runs_of;
  for (const auto& label : design.labels) {
    if (!runs_of.count(label)) variants.push_back(label);
    ++runs_of[label];
  }

  std::cout << path << "\n"
            << "  format      " << results.text("format") << " version " << results.number("format_version") << "\n"
            << "  program     placesim " << results.text("program_version") << " (commit "
            << results.text("git_commit") << ")\n"
            << "  created     " << results.text("created_utc") << "\n"
            << "  command     " << results.text("command_line") << "\n"
            << "  base seed   " << results.base_seed() << "\n"
            << "  runs        " << results.runs() << " (" << done << " completed"
            << (done < results.runs() ? ", " + std::to_string(results.runs() - done) + " missing" : "") << ")\n"
            << "  months      " << results.months() << " (month 0 is the initial state)\n"
            << "  issues      ";
  const auto issues = results.issues();
  for (std::size_t i = 0; i < issues.size(); ++i) std::cout << (i ? ", " : "") << issues[i];
  std::cout << "\n  design      " << variants.size() << " variant" << (variants.size() == 1 ? "" : "s") << ":";
  for (const auto& v : variants) std::cout << " " << v << " (" << runs_of[v] << " runs)";
  const auto names = results.metric_names();
  std::cout << "\n  metrics     " << names.size() << ", in /metrics:\n";
  for (const std::string& name : names) {
    const MetricInfo m = results.metric(name);
    std::string dims;
    for (const auto& d : m.dimensions) dims += (dims.empty() ? "" : ", ") + d;
    char line[512];
    std::snprintf(line, sizeof line, "    %-26s [%s] %s: %s\n", name.c_str(), dims.c_str(), m.units.c_str(),
                  m.description.c_str());
    std::cout << line;
  }
  std::cout << "  scenario    the resolved scenario is the root attribute 'scenario' (TOML)\n";
  return kOk;
}

}  // namespace placesim::cli
