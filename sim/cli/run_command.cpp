#include <boost/program_options.hpp>

#include <filesystem>
#include <iostream>
#include <regex>

#include "cli/adaptive_run.hpp"
#include "cli/commands.hpp"
#include "cli/interruption.hpp"
#include "cli/options.hpp"
#include "cli/output_file.hpp"
#include "cli/progress.hpp"
#include "experiment/mpi/ranks.hpp"
#include "cli/scenario_options.hpp"
#include "cli/summary.hpp"
#include "experiment/experiment.hpp"
#include "experiment/pilot.hpp"
#include "experiment/preflight.hpp"
#include "experiment/run_block.hpp"
#include "io/program_version.hpp"
#include "io/results_reader.hpp"

namespace po = boost::program_options;

namespace placesim::cli {

namespace {

const char* kRunHelp =
    "Usage: placesim run [SCENARIO] [options]\n\n"
    "Runs a scenario file (the embedded default, scenarios/default.toml, without one) and\n"
    "writes every run to an HDF5 results file (see docs/results.md). Runs go to\n"
    "FILE.journal as they finish: a run killed at any moment keeps every finished run, and\n"
    "--resume finishes only the missing ones. A run that fails is recorded in the file with\n"
    "its message and the others go on (placesim info lists failures). Progress goes to stderr:\n"
    "on a terminal one line rewritten in place, otherwise a line every 30 s at most (set\n"
    "PLACESIM_PROGRESS_INTERVAL to change it) once a tenth more of the runs is done.\n\n"
    "Options";

const char* kRunExamples =
    "\nExamples:\n"
    "  placesim run                                  # the default: results/default.h5\n"
    "  placesim run scenarios/quiet_place.toml --replicates 100 --threads 2\n"
    "  placesim run my.toml -o results/trial.h5 --set trust.decay=0.03 --set simulation.months=240\n"
    "  placesim run sweep.toml --resume              # after an interruption: only the missing runs\n"
    "  placesim run sweep.toml --shard 3/8           # the third of eight slices (see docs/cluster.md)\n"
    "  placesim run --replicates 10 --until 0.004    # rounds of 10 until the ranking is known to +-0.004\n";

results::Shard parse_shard(const std::string& text) {
  static const std::regex pattern(R"(\s*(\d+)\s*/\s*(\d+)\s*)");
  std::smatch match;
  if (!std::regex_match(text, match, pattern)) {
    throw UsageError("--shard expects I/N, the I-th of N slices (1 <= I <= N), e.g. --shard 2/8; found '" + text + "'");
  }
  results::Shard shard;
  try {
    shard.index = std::stoi(match[1]);
    shard.count = std::stoi(match[2]);
  } catch (const std::exception&) {
    throw UsageError("--shard " + text + ": the numbers are too large");
  }
  if (shard.count < 1 || shard.index < 1 || shard.index > shard.count) {
    throw UsageError("--shard " + text + ": expected 1 <= I <= N");
  }
  return shard;
}

// The log is appended to: never one of the run's own files, nor anything but a regular file.
void check_log_path(const std::string& log, const std::string& output, const std::string& scenario_file) {
  if (log.empty()) return;
  std::error_code ignored;
  const auto status = std::filesystem::symlink_status(log, ignored);
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    throw UsageError("--log " + log + " is not a regular file; the log is appended to a regular file of its own");
  }
  const auto canonical = [&](const std::string& path) { return std::filesystem::weakly_canonical(path, ignored); };
  for (const std::string& own : {output, journal_path(output), partial_path(output), scenario_file}) {
    if (!own.empty() && canonical(own) == canonical(log)) {
      throw UsageError("--log " + log + " is " + own + ", which the run reads or writes; give the log a file of its own");
    }
  }
}

// Bytes the run will write: the results file and the journal (as large again), less what
// the journal already holds when resuming. Compressed sizes are measured by a short pilot,
// and only when the uncompressed size would not fit anyway.
double disk_needed(const Plan& plan, const results::Layout& layout, const Preflight& checks, const OutputFile& out,
                   int threads) {
  std::error_code ignored;
  const double journal = out.resume ? static_cast<double>(std::filesystem::file_size(journal_path(out.path), ignored)) : 0;
  auto needed = [&](double bytes_per_run) { return 1.05 * 2 * plan.runs() * bytes_per_run - journal; };
  const double free = free_disk_bytes(out.path);
  if (free < 0 || needed(checks.raw_bytes_per_run) <= free || layout.compression == 0) return needed(checks.raw_bytes_per_run);
  const PilotResult pilot = run_pilot(plan, layout, threads, 0.5, checks.slowest_run.seconds);
  // Without a measurement, a typical ratio: deflate keeps about a third of the metrics.
  return needed(pilot.bytes_per_run > 0 ? pilot.bytes_per_run : checks.raw_bytes_per_run / 3);
}

}  // namespace

int run_command(const Args& args, const std::string& command_line) {
  std::string scenario_file;
  std::string output;
  std::string shard_text;
  std::string log_path;
  int threads = 0;
  int compression = kDefaultCompression;
  po::options_description options(kRunHelp);
  ScenarioOptions scenario_options;
  options.add_options()
      ("output,o", po::value(&output), "results file (default: results/<simulation.name>.h5)")
      ("threads,t", po::value(&threads), "threads to run on (default: every core)");
  scenario_options.add_to(options);
  options.add_options()
      ("resume", "finish the unfinished run of the same command (only the missing runs); does nothing when the "
                 "results file is complete")
      ("shard", po::value(&shard_text), "I/N: run only the I-th of N slices of the runs into a file of its own; "
                                        "join the N files with placesim merge")
      ("compression", po::value(&compression),
       ("deflate level of the metrics, 0 (none) to 9 (default: " + std::to_string(kDefaultCompression) + ")").c_str())
      ("force", "replace an existing results file, or discard an unfinished run's journal")
      ("allow-long-runs", "run even when one run would take more than an hour by the cost model (placesim plan shows it)")
      ("no-disk-check", "start even when the results would not fit in the free disk space")
      ("log", po::value(&log_path), "FILE: also append the progress, with the time of day, to FILE (written even with "
                                    "--quiet)")
      ("quiet,q", "print nothing but errors")
      ("help,h", "this help");
  add_until_options(options);
  po::variables_map vm = parse_options(args, options, scenario_file);
  if (vm.count("help")) {
    std::cout << options << kRunExamples;
    return kOk;
  }
  po::notify(vm);
  const bool quiet = vm.count("quiet") > 0;
  if (vm.count("threads") && threads < 1) throw UsageError("--threads must be at least 1");
  if (compression < 0 || compression > 9) throw UsageError("--compression must be from 0 to 9");
  const results::Shard shard = shard_text.empty() ? results::Shard{} : parse_shard(shard_text);
  if (vm.count("resume") && vm.count("force")) throw UsageError("--resume and --force contradict each other");

  for (const char* option : {"outcome", "at", "over", "round"}) {
    if (vm.count(option) && !vm.count("until")) throw UsageError(std::string("--") + option + " goes with --until");
  }
  if (vm.count("log") && vm.count("until")) throw UsageError("--log goes with a run without --until");
  const Scenario scenario = scenario_options.load(scenario_file, vm);
  std::vector<InputFile> inputs;
  if (!scenario_file.empty()) inputs.push_back({scenario_file, "the scenario file"});
  if (vm.count("posterior")) inputs.push_back({vm["posterior"].as<std::string>(), "the --posterior calibration file"});
  if (vm.count("until")) return run_until(scenario, vm, output, threads, command_line, inputs);
  const Plan plan(scenario);
  const Preflight checks = preflight(plan, layout_for(plan, compression));
  try {
    check_preflight(checks, plan, vm.count("allow-long-runs") > 0);
  } catch (const PreflightError& e) {
    throw UsageError(e.what());
  }
  if (rank() > 0) {
    // Another rank of an MPI job: compute what rank 0 hands out; rank 0 writes everything.
    const results::Layout layout = layout_for(plan, compression);
    serve_blocks([&](int block) { return run_block(plan, layout, block); }, threads);
    return kOk;
  }
  std::string default_name = scenario.params.simulation.name;
  if (shard.count > 1) {
    default_name += "-shard-" + std::to_string(shard.index) + "-of-" + std::to_string(shard.count);
  }
  const results::Provenance provenance{program_version(), git_commit(), results::utc_now_iso8601(),
                                       command_line, resolved_toml(scenario), plan.seed()};
  OutputRequest request;
  request.requested = output;
  request.default_name = default_name;
  request.force = vm.count("force") > 0;
  request.resume = vm.count("resume") > 0;
  request.command_line = command_line;
  request.identity = {layout_for(plan, compression), shard, provenance};
  request.inputs = inputs;
  OutputFile out = prepare_output(request);
  check_log_path(log_path, out.path, scenario_file);
  ProgressReport progress(progress_display(quiet), log_path);
  if (out.complete) {
    if (!quiet) std::cerr << "placesim: " << out.path << " is complete; nothing to resume\n";
    return kOk;
  }

  const results::Layout layout = layout_for(plan, compression);
  if (shard.count > 1 && shard.first_block(layout.blocks()) == shard.end_block(layout.blocks()) && !quiet) {
    std::cerr << "placesim: warning: shard " << shard.index << " of " << shard.count << " holds no runs: the plan has "
              << layout.blocks() << " blocks of " << layout.block_runs << " runs; use at most " << layout.blocks()
              << " shards\n";
  }
  const int thread_count = runner_threads(threads);
  if (!vm.count("no-disk-check")) {
    try {
      check_disk_space(out.path, disk_needed(plan, layout, checks, out, thread_count));
    } catch (const PreflightError& e) {
      throw UsageError(e.what());
    }
  }
  if (!quiet) {
    std::cerr << "placesim: " << plan.runs() << " runs of " << scenario.params.simulation.name;
    if (plan.points() > 1) {
      std::cerr << " (" << plan.points() << " design points x " << plan.strategies().size() << " strategies x "
                << plan.replicates() << " replicates)";
    }
    if (shard.count > 1) std::cerr << ", shard " << shard.index << " of " << shard.count;
    std::cerr << ", " << plan.months() << " months, on " << thread_count << " thread" << (thread_count > 1 ? "s" : "");
    if (ranks() > 1) std::cerr << " x " << ranks() << " MPI ranks";
    std::cerr << " -> " << out.path << "\n";
    // Long work is announced, with how to keep it safe: runs are cheap to keep and resume.
    const double expected = checks.slowest_run.seconds * plan.runs() / thread_count / std::max(1, ranks());
    if (expected > 600) {
      std::cerr << "placesim: this may take about " << duration_text(expected)
                << " (by the cost model; placesim plan measures it); an interruption keeps every finished run\n";
    }
  }
  int shard_runs = 0;
  for (int b = shard.first_block(layout.blocks()); b < shard.end_block(layout.blocks()); ++b) shard_runs += layout.runs_in(b);
  progress.log("started: " + command_line + " (" + std::to_string(shard_runs) + " runs -> " + out.path + ")");
  const InterruptionNotice interruption(out.path, resume_command(command_line), shard_runs);
  ExperimentOptions experiment;
  experiment.output = out.path;
  experiment.threads = threads;
  experiment.compression = compression;
  experiment.shard = shard;
  experiment.resume = out.resume;
  experiment.on_progress = [&](const Progress& p) {
    InterruptionNotice::set_runs_kept(p.runs_done);
    progress.update(p);
  };
  experiment.executor = root_executor(threads, experiment.on_progress);
  ExperimentResult result;
  try {
    result = run_experiment(plan, provenance, experiment);
  } catch (const ResumeError& e) {
    progress.finish();
    progress.log(std::string("stopped: ") + e.what());
    throw UsageError(e.what());
  } catch (const std::exception& e) {
    progress.finish();
    progress.log(std::string("stopped: ") + e.what() + "; finish with: " + resume_command(command_line));
    std::cerr << "placesim: " << e.what() << "\nplacesim: the finished runs are kept in " << journal_path(out.path)
              << "; finish them with: " << resume_command(command_line) << "\n";
    return kFailed;
  }
  progress.finish();
  progress.log("finished: " + std::to_string(result.progress.runs_total) + " runs (" +
               std::to_string(result.progress.runs_failed) + " failed) in " + duration_text(result.progress.seconds) +
               " -> " + out.path);

  if (!quiet) {
    const ResultsReader results(out.path);
    if (result.runs_resumed > 0) {
      std::cout << "Resumed: " << result.runs_resumed << " runs were already done, " << result.progress.runs_done - result.runs_resumed
                << " run now\n";
    }
    std::cout << "Wrote " << result.progress.runs_total << " runs x " << results.months() << " months to " << out.path
              << "\n";
    if (!scenario.posterior.empty()) {
      const std::size_t draws = scenario.posterior.draws.size();
      const int used = std::min<int>(plan.replicates(), static_cast<int>(draws));
      std::cout << "Parameters (" << scenario.posterior.keys.size() << ") from " << used << " of the " << draws
                << " posterior draws of " << scenario.posterior.source
                << ", one per replicate and the same for every strategy: the intervals below carry their uncertainty\n";
    }
    std::cout << "\n";
    print_summary(std::cout, results);
    const auto failures = results.failures();
    if (!failures.empty()) {
      std::cout << "\n" << failures.size() << " run" << (failures.size() == 1 ? "" : "s")
                << " failed and are recorded as such; the first: run " << failures.front().run << ": "
                << failures.front().message << "\n";
    }
    std::cout << "\nInspect it with: placesim info " << out.path << "\n";
  }
  return kOk;
}

}  // namespace placesim::cli
