#include <boost/program_options.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/scenario_options.hpp"
#include "experiment/emulation_cost.hpp"
#include "experiment/experiment.hpp"
#include "experiment/pilot.hpp"
#include "experiment/preflight.hpp"
#include "experiment/runner.hpp"
#include "scenario/calibration_targets.hpp"
#include "scenario/memory_estimate.hpp"

namespace po = boost::program_options;

namespace placesim::cli {

namespace {

// A calibration's plan: its runs at most (every wave full), and their time by a pilot of
// the scenario's runs.
int calibration_plan(const std::string& targets_file, int threads, double pilot_seconds) {
  const CalibrationTargets targets = load_calibration_targets(targets_file);
  const Plan plan(targets.scenario);
  const results::Layout layout = layout_for(plan, kDefaultCompression);
  const int thread_count = runner_threads(threads);
  const CalibrationSettings& s = targets.settings;
  const std::int64_t per_point = static_cast<std::int64_t>(plan.strategies().size()) * s.replicates;
  const std::int64_t runs = calibration_runs(targets);
  std::cout << "Calibration plan for " << targets_file << " (scenario "
            << (targets.scenario_path.empty() ? std::string(kEmbeddedDefaultName) : targets.scenario_path) << ")\n";
  std::cout << "  parameters  " << targets.parameters.size() << ":";
  for (const SweptParameter& p : targets.parameters) std::cout << " " << p.key;
  std::cout << "\n  targets     " << targets.targets.size() << "\n";
  std::cout << "  waves       up to " << s.waves << " of " << s.points << " points x " << plan.strategies().size()
            << " strateg" << (plan.strategies().size() == 1 ? "y" : "ies") << " x " << s.replicates << " replicates = "
            << s.points * per_point << " runs each; then " << s.check_points << " posterior draws run again ("
            << s.check_points * per_point << " runs)\n";
  std::cout << "  runs        at most " << runs << " of " << plan.months() << " months (fewer when the waves stop early)\n";
  if (pilot_seconds > 0) {
    const Preflight checks = preflight(plan, layout);
    const PilotResult pilot = run_pilot(plan, layout, thread_count, pilot_seconds, checks.slowest_run.seconds);
    char line[200];
    std::snprintf(line, sizeof line, "  pilot       %d runs in %.1f s on %d thread%s: %.0f runs/s\n", pilot.runs, pilot.seconds,
                  thread_count, thread_count == 1 ? "" : "s", pilot.runs_per_second);
    std::cout << line;
    std::cout << "  time        at most about " << duration_text(static_cast<double>(runs) / pilot.runs_per_second)
              << " of runs on " << thread_count << " thread" << (thread_count == 1 ? "" : "s") << " here\n";
  }
  std::cout << "  emulation   at most about " << duration_text(emulation_seconds(targets)) << " on one core (emulators fitted "
            << "to at most " << s.emulator_points << " runs each; by the cost model of docs/calibration.md)\n";
  return kOk;
}

}  // namespace

int plan_command(const Args& args, const std::string& /*command_line*/) {
  std::string scenario_file;
  int threads = 0;
  int compression = kDefaultCompression;
  double pilot_seconds = 2;
  std::string shard_text;
  po::options_description options(
      "Usage: placesim plan [SCENARIO | TARGETS.toml] [options]\n\n"
      "Before anything long: the runs a scenario makes (design points x strategies x\n"
      "replicates), the time they would take on this machine, estimated from a short pilot of\n"
      "runs spread over the design, and the size of the results file. Given a calibration's\n"
      "targets file: the runs and time placesim calibrate would take at most.\n\n"
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
  if (!scenario_file.empty() && is_targets_file(scenario_file)) return calibration_plan(scenario_file, threads, pilot_seconds);

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

  const Preflight checks = preflight(plan, layout);
  const double block_bytes = static_cast<double>(layout.block_runs) * (layout.months + 1) *
                             metric_columns(layout.dims()) * 4.0;
  std::cout << "  memory      about " << bytes_text(thread_count * checks.largest_memory.bytes_per_run + 8 * 2 * block_bytes)
            << " whatever the number of runs (" << thread_count << " runs and a few blocks in flight)\n";
  const RunCost& slowest = checks.slowest_run;
  std::cout << "  one run     about " << duration_text(slowest.seconds) << " on one core by the cost model ("
            << static_cast<long long>(slowest.agents) << " posts";
  if (checks.points_checked > 1) std::cout << ", the slowest of " << checks.points_checked << " design points";
  std::cout << ")\n";
  try {
    check_preflight(checks, plan, false);
  } catch (const PreflightError& e) {
    std::cout << "  warning     placesim run would refuse this plan: " << e.what() << "\n";
  }

  const double parameters = static_cast<double>(sweep.parameters.size());
  const double design_bytes = plan.runs() * (40.0 + 8.0 * parameters * (sweep.design >= SweepDesign::Random ? 2 : 1));
  double bytes_per_run = checks.raw_bytes_per_run;
  std::string size_note = "uncompressed, at most";
  if (pilot_seconds > 0) {
    const PilotResult pilot = run_pilot(plan, layout, thread_count, pilot_seconds, slowest.seconds);
    char line[256];
    if (pilot.estimated) {
      std::snprintf(line, sizeof line, "  pilot       none: one run would outlast the pilot's %.0f s (--pilot)", pilot_seconds);
    } else {
      std::snprintf(line, sizeof line, "  pilot       %d runs in %.1f s on %d thread%s: %.0f runs/s", pilot.runs,
                    pilot.seconds, thread_count, thread_count == 1 ? "" : "s", pilot.runs_per_second);
    }
    std::cout << line;
    if (pilot.failed) std::cout << " (" << pilot.failed << " failed: see placesim run's failures)";
    std::cout << "\n  time        about " << duration_text(plan.runs() / pilot.runs_per_second) << " on "
              << thread_count << " thread" << (thread_count == 1 ? "" : "s") << " here"
              << (pilot.estimated ? " (by the cost model)" : "");
    if (thread_count == 1 || plan.runs() / pilot.runs_per_second > 3600) {
      std::cout << " (split it with --shard I/N or MPI: docs/cluster.md)";
    }
    std::cout << "\n";
    if (pilot.bytes_per_run > 0) {
      bytes_per_run = pilot.bytes_per_run;
      size_note = "at --compression " + std::to_string(compression);
    }
  } else {
    std::cout << "  time        not estimated (--pilot 0)\n";
  }
  const double output_bytes = plan.runs() * bytes_per_run + design_bytes;
  std::cout << "  output      about " << bytes_text(output_bytes) << " (" << bytes_text(bytes_per_run) << " a run, "
            << size_note << "); while it runs its journal takes as much again\n";
  const double free = free_disk_bytes("results/.");  // where placesim run writes by default
  if (free >= 0 && 2 * output_bytes > free) {
    std::cout << "  warning     only " << bytes_text(free) << " is free in results/: placesim run would refuse to start\n";
  }
  return kOk;
}

}  // namespace placesim::cli
