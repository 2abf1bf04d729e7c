#include <boost/program_options.hpp>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/output_file.hpp"
#include "cli/progress.hpp"
#include "cli/summary.hpp"
#include "experiment/plan.hpp"
#include "experiment/runner.hpp"
#include "io/results_reader.hpp"
#include "io/results_writer.hpp"
#include "scenario/scenario.hpp"

namespace po = boost::program_options;

namespace placesim::cli {

namespace {

const char* kRunHelp =
    "Usage: placesim run [SCENARIO] [options]\n\n"
    "Runs a scenario file (the embedded default, scenarios/default.toml, without one) and\n"
    "writes every run to an HDF5 results file (see docs/results.md).\n\n"
    "Options";

const char* kRunExamples =
    "\nExamples:\n"
    "  placesim run                                  # the default: results/default.h5\n"
    "  placesim run scenarios/quiet_place.toml --replicates 100 --threads 2\n"
    "  placesim run my.toml -o results/trial.h5 --set trust.decay=0.03 --set simulation.months=240\n";

}  // namespace

int run_command(const Args& args, const std::string& command_line) {
  std::string scenario_file;
  std::string output;
  int threads = 0;
  std::vector<std::string> sets;
  po::options_description options(kRunHelp);
  options.add_options()
      ("output,o", po::value(&output), "results file (default: results/<simulation.name>.h5)")
      ("threads,t", po::value(&threads), "threads to run on (default: every core)")
      ("seed,s", po::value<std::uint64_t>(), "base seed (overrides simulation.seed)")
      ("replicates,r", po::value<int>(), "replicates (overrides simulation.replicates)")
      ("set", po::value(&sets)->composing(), "KEY=VALUE: set any parameter, e.g. --set trust.decay=0.03 (repeatable)")
      ("force", "replace an existing results file")
      ("quiet,q", "print nothing but errors")
      ("help,h", "this help");
  po::options_description hidden;
  hidden.add_options()("scenario", po::value(&scenario_file));
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("scenario", 1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  if (vm.count("help")) {
    std::cout << options << kRunExamples;
    return kOk;
  }
  po::notify(vm);
  const bool quiet = vm.count("quiet") > 0;
  if (vm.count("threads") && threads < 1) throw UsageError("--threads must be at least 1");

  Scenario scenario = scenario_file.empty() ? default_scenario() : load_scenario_file(scenario_file);
  for (const std::string& assignment : sets) apply_override(scenario, assignment);
  if (vm.count("seed")) apply_override(scenario, "simulation.seed=" + std::to_string(vm["seed"].as<std::uint64_t>()));
  if (vm.count("replicates")) {
    apply_override(scenario, "simulation.replicates=" + std::to_string(vm["replicates"].as<int>()));
  }
  check_scenario(scenario);

  const OutputFile out = prepare_output(output, scenario.params.simulation.name, vm.count("force") > 0);
  const Plan plan = plan_strategies(scenario);
  results::Layout layout;
  layout.runs = static_cast<int>(plan.runs.size());
  layout.months = plan.months;
  for (const IssueSpec& issue : plan.variants.front()->place.issues) layout.issues.push_back(issue.name);
  layout.block_runs = results::block_runs_for(layout.runs, layout.months, static_cast<int>(layout.issues.size()));
  results::Provenance provenance{PLACESIM_VERSION, PLACESIM_GIT_COMMIT, results::utc_now_iso8601(),
                                 command_line, resolved_toml(scenario.params), plan.seed};

  const int thread_count = runner_threads(threads);
  if (!quiet) {
    std::cerr << "placesim: " << layout.runs << " runs of " << scenario.params.simulation.name << " ("
              << layout.months << " months) on " << thread_count << " thread" << (thread_count > 1 ? "s" : "")
              << " -> " << out.path << "\n";
  }
  ProgressLine progress(!quiet && stderr_is_terminal());
  {
    ResultsWriter writer = [&] {
      try {
        return ResultsWriter(out.partial, layout, plan.design(), provenance);
      } catch (const std::exception& e) {
        throw UsageError(std::string(e.what()) + " (is the folder writable?)");
      }
    }();
    RunnerOptions runner;
    runner.threads = threads;
    runner.on_block_written = [&](const Progress& p) { progress.update(p); };
    try {
      run_plan(plan, writer, runner);
    } catch (...) {
      progress.finish();
      writer.close();
      std::cerr << "placesim: the completed runs are kept in " << out.partial << "\n";
      throw;
    }
    progress.finish();
    writer.close();
  }
  publish(out);

  if (!quiet) {
    const ResultsReader results(out.path);
    std::cout << "Wrote " << results.runs() << " runs x " << results.months() << " months to " << out.path
              << "\n\n";
    print_summary(std::cout, results);
    std::cout << "\nInspect it with: placesim info " << out.path << "\n";
  }
  return kOk;
}

}  // namespace placesim::cli
