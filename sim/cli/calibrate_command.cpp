// placesim calibrate: reads and checks a targets file here (file, line and key of every
// mistake, as for scenarios), then hands the history matching to the analysis package
// (placesim_analysis.calibration), which runs every wave with this program's `run` (list
// designs, all threads, the journal) and keeps the statistics in Python.
#include <boost/program_options.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/analysis_handover.hpp"
#include "cli/calibration_estimate.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "experiment/experiment.hpp"
#include "experiment/preflight.hpp"
#include "experiment/runner.hpp"
#include "scenario/calibration_targets.hpp"

namespace po = boost::program_options;

namespace placesim::cli {

namespace {

std::string default_output(const std::string& targets_file) {
  return (std::filesystem::path("results") / (std::filesystem::path(targets_file).stem().string() + "-calibration.h5")).string();
}

// Says what the calibration will cost at most (its runs by the cost model, as placesim run
// estimates, and its emulators), and refuses, before anything is written, a run that would not
// fit or take hours, or a calibration of days, unless asked (allow_long).
void check_calibration_cost(const CalibrationTargets& targets, int threads, bool allow_long, bool quiet) {
  const Plan plan(targets.scenario);
  const Preflight checks = preflight(plan, layout_for(plan, kDefaultCompression));
  try {
    check_preflight(checks, plan, allow_long);
  } catch (const PreflightError& e) {
    throw UsageError(e.what());
  }
  const CalibrationSettings& s = targets.settings;
  const int thread_count = runner_threads(threads);
  const std::int64_t runs = calibration_runs(targets);
  const double run_seconds = checks.slowest_run.seconds * static_cast<double>(runs) / thread_count;
  const double emulation_seconds = calibration_emulation_seconds(targets);
  const std::string cost = "at most " + std::to_string(runs) + " runs (" + std::to_string(s.waves) + " waves of " +
                           std::to_string(s.points) + " points x " + std::to_string(plan.strategies().size()) +
                           " strategies x " + std::to_string(s.replicates) + " replicates, then " +
                           std::to_string(s.check_points) + " posterior draws run again): about " +
                           duration_text(run_seconds) + " of runs by the cost model on " + std::to_string(thread_count) +
                           " thread" + (thread_count == 1 ? "" : "s") + ", and " + duration_text(emulation_seconds) +
                           " of emulation on one core";
  if (!allow_long && run_seconds + emulation_seconds > kLongCalibrationSeconds) {
    throw UsageError("the calibration would take " + cost + ". Lower [calibration] points, replicates or waves in " +
                     targets.path + ", or add --allow-long-runs to start it anyway (placesim plan " + targets.path +
                     " measures the runs' time)");
  }
  if (!quiet) std::cerr << "placesim: calibration of " << targets.parameters.size() << " parameters to "
                        << targets.targets.size() << " targets, " << cost << " (placesim plan measures it)\n";
}

}  // namespace

std::string calibration_work_folder(const std::string& output) { return output + ".waves"; }

int calibrate_command(const Args& args, const std::string& command_line) {
  std::string targets_file, output;
  int threads = 0;
  po::options_description options(
      "Usage: placesim calibrate TARGETS.toml [-o CALIBRATION.h5] [options]\n\n"
      "History matching with Gaussian-process emulators, in waves, then an importance step that\n"
      "turns the space not ruled out into a posterior sample (docs/calibration.md). Every run is\n"
      "this program's `placesim run` on a list design; the waves' results files and journals are\n"
      "kept in CALIBRATION.h5.waves/, so a killed calibration continues with --resume.\n"
      "`placesim plan TARGETS.toml` says how many runs and how long first.\n\n"
      "Options");
  options.add_options()
      ("output,o", po::value(&output), "the calibration file (default results/<targets>-calibration.h5)")
      ("threads,t", po::value(&threads), "threads for the runs (default: every core)")
      ("resume", "continue an interrupted calibration of the same targets")
      ("force", "replace an existing calibration file and its waves")
      ("allow-long-runs", "start even when the calibration would take more than a day, or one run more than an "
                          "hour, by the cost model (placesim plan measures it)")
      ("quiet,q", "no progress")
      ("help,h", "this help");
  po::variables_map vm = parse_options(args, options, targets_file);
  if (vm.count("help")) {
    std::cout << options
              << "\nExample:\n  placesim plan scenarios/targets/evidence.toml\n"
                 "  placesim calibrate scenarios/targets/evidence.toml -o results/evidence-calibration.h5\n"
                 "  placesim run scenarios/default.toml --posterior results/evidence-calibration.h5\n";
    return kOk;
  }
  po::notify(vm);
  if (targets_file.empty()) throw UsageError("calibrate: name a targets file (docs/calibration.md)");
  if (vm.count("threads") && threads < 1) throw UsageError("--threads must be at least 1");
  const bool resume = vm.count("resume") > 0, force = vm.count("force") > 0;
  if (resume && force) throw UsageError("--resume and --force contradict each other");
  if (output.empty()) output = default_output(targets_file);

  const CalibrationTargets targets = load_calibration_targets(targets_file);
  const bool allow_long = vm.count("allow-long-runs") > 0;
  check_calibration_cost(targets, threads, allow_long, vm.count("quiet") > 0);
  const std::string spec = calibration_spec(targets);

  WorkFolderRequest work;
  work.command = "calibrate";
  work.command_line = command_line;
  work.output = output;
  work.folder = calibration_work_folder(output);
  work.spec_name = "targets.spec.toml";
  work.spec = spec;
  work.provenance_keys = {"targets_file", "scenario_file", "where"};
  work.inputs = {{targets_file, "the targets file"}};
  if (!targets.scenario_path.empty()) work.inputs.push_back({targets.scenario_path, "the targets' scenario file"});
  work.unfinished = "an unfinished calibration";
  work.other = "the calibration of other targets (or another scenario)";
  work.kept = "the finished waves and runs";
  work.force = force;
  work.resume = resume;
  const WorkFolder folder = prepare_work_folder(work);

  // Each value joined to its option: a path such as -c.h5 is a value, not another option.
  std::vector<std::string> words = {"calibrate", "--spec=" + folder.spec_file, "--work=" + work.folder,
                                    "--output=" + output, "--placesim=" + this_program(), "--command-line=" + command_line};
  if (threads > 0) words.insert(words.end(), {"--threads", std::to_string(threads)});
  if (allow_long) words.push_back("--allow-long-runs");
  if (vm.count("quiet")) words.push_back("--quiet");
  return run_analysis("calibrate", words, folder.continuation);
}

}  // namespace placesim::cli
