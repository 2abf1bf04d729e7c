#include <boost/program_options.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/scenario_options.hpp"
#include "experiment/experiment.hpp"
#include "experiment/pilot.hpp"
#include "experiment/runner.hpp"
#include "scenario/memory_estimate.hpp"

namespace po = boost::program_options;

namespace placesim::cli {

namespace {

std::string duration_text(double seconds) {
  char text[64];
  if (seconds < 90) std::snprintf(text, sizeof text, "%.0f s", seconds);
  else if (seconds < 5400) std::snprintf(text, sizeof text, "%.0f min", seconds / 60);
  else if (seconds < 2 * 86400) std::snprintf(text, sizeof text, "%.1f hours", seconds / 3600);
  else std::snprintf(text, sizeof text, "%.1f days", seconds / 86400);
  return text;
}

std::string bytes_text(double bytes) {
  const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  int u = 0;
  while (bytes >= 1024 && u < 4) {
    bytes /= 1024;
    ++u;
  }
  char text[64];
  std::snprintf(text, sizeof text, u == 0 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
  return text;
}

}  // namespace

int plan_command(const Args& args) {
  std::string scenario_file;
  int threads = 0;
  int compression = kDefaultCompression;
  double pilot_seconds = 2;
  std::string shard_text;
  po::options_description options(
      "Usage: placesim plan [SCENARIO] [options]\n\n"
      "Before anything long: the runs a scenario makes (design points x strategies x\n"
      "replicates), the time they would take on this machine, estimated from a short pilot of\n"
      "runs spread over the design, and the size of the results file.\n\n"
      "Options");
  ScenarioOptions scenario_options;
  options.add_options()("threads,t", po::value(&threads), "threads the run would use (default: every core)");
  scenario_options.add_to(options);
  options.add_options()
      ("compression", po::value(&compression), "deflate level the run would use (default: the run's)")
      ("pilot", po::value(&pilot_seconds), "seconds of pilot runs (default 2; 0: no pilot, no time estimate)")
      ("help,h", "this help");
  po::variables_map vm = parse_options(args, options, scenario_file);
  if (vm.count("help")) {
    std::cout << options << "\nExample:\n  placesim plan scenarios/default.toml --set sweep.samples=1000\n";
    return kOk;
  }
  po::notify(vm);
  if (vm.count("threads") && threads < 1) throw UsageError("--threads must be at least 1");
  if (compression < 0 || compression > 9) throw UsageError("--compression must be from 0 to 9");
  if (pilot_seconds < 0) throw UsageError("--pilot must be at least 0 seconds");

  const Scenario scenario = scenario_options.load(scenario_file, vm);
  const Plan plan(scenario);
  const results::Layout layout = layout_for(plan, compression);
  const int thread_count = runner_threads(threads);
  const Sweep& sweep = scenario.sweep;

  std::cout << "Plan for " << scenario.source << "\n";
  std::cout << "  design      " << plan.points() << " point" << (plan.points() == 1 ? "" : "s");
  if (sweep.design != SweepDesign::None) {
    std::cout << " (" << design_name(sweep.design) << " over " << sweep.parameters.size() << " parameter"
              << (sweep.parameters.size() == 1 ? "" : "s") << ")";
  }
  std::cout << " x " << plan.strategies().size() << " strateg" << (plan.strategies().size() == 1 ? "y" : "ies")
            << " x " << plan.replicates() << " replicate" << (plan.replicates() == 1 ? "" : "s") << "\n";
  std::cout << "  runs        " << plan.runs() << " of " << plan.months() << " months, in " << layout.blocks()
            << " blocks of up to " << layout.block_runs << " runs (the unit of work, of writing and of --shard)\n";

  const MemoryEstimate memory = estimate_run_memory(scenario.params);
  const double block_bytes = static_cast<double>(layout.block_runs) * (layout.months + 1) *
                             metric_columns(static_cast<int>(layout.issues.size())) * 4.0;
  std::cout << "  memory      about " << bytes_text(thread_count * memory.bytes_per_run + 8 * 2 * block_bytes)
            << " whatever the number of runs (" << thread_count << " runs and a few blocks in flight)\n";

  if (pilot_seconds > 0) {
    const PilotResult pilot = run_pilot(plan, layout, thread_count, pilot_seconds);
    char line[256];
    std::snprintf(line, sizeof line, "  pilot       %d runs in %.1f s on %d thread%s: %.0f runs/s", pilot.runs, pilot.seconds,
                  thread_count, thread_count == 1 ? "" : "s", pilot.runs_per_second);
    std::cout << line;
    if (pilot.failed) std::cout << " (" << pilot.failed << " failed: see placesim run's failures)";
    std::cout << "\n  time        about " << duration_text(plan.runs() / pilot.runs_per_second) << " on "
              << thread_count << " thread" << (thread_count == 1 ? "" : "s") << " here";
    if (thread_count == 1 || plan.runs() / pilot.runs_per_second > 3600) {
      std::cout << " (split it with --shard I/N or MPI: docs/cluster.md)";
    }
    const double parameters = static_cast<double>(sweep.parameters.size());
    const double design_bytes = plan.runs() * (40.0 + 8.0 * parameters * (sweep.design >= SweepDesign::Random ? 2 : 1));
    std::cout << "\n  output      about " << bytes_text(plan.runs() * pilot.bytes_per_run + design_bytes) << " ("
              << bytes_text(pilot.bytes_per_run) << " a run at --compression " << compression << ")\n";
  } else {
    const double raw = static_cast<double>(layout.months + 1) * metric_columns(static_cast<int>(layout.issues.size())) * 4.0;
    std::cout << "  output      at most " << bytes_text(plan.runs() * raw) << " uncompressed (no pilot: no time estimate)\n";
  }
  return kOk;
}

}  // namespace placesim::cli
