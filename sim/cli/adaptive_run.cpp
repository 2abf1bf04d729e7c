#include "cli/adaptive_run.hpp"

#include <filesystem>
#include <iomanip>
#include <sstream>

#include "cli/analysis_handover.hpp"
#include "cli/output_file.hpp"
#include "io/rounds_file.hpp"
#include "model/metrics.hpp"
#include "scenario/suggestion.hpp"

namespace po = boost::program_options;

namespace placesim::cli {

namespace {

// The deciding outcome must be a place-level metric ([run, month]).
void check_outcome(const std::string& name) {
  std::vector<std::string> names;
  for (const MetricSpec& m : metric_specs()) {
    if (m.shape == MetricShape::Scalar) names.emplace_back(m.name);
    if (m.name == name) {
      if (m.shape != MetricShape::Scalar) {
        throw UsageError("--outcome " + name + " has a value per issue or per sector; --until takes a place-level "
                         "outcome such as place_index");
      }
      return;
    }
  }
  throw UsageError("--outcome " + name + " is not a metric" + did_you_mean(name, names) + " (placesim metrics lists them)");
}

void check_window(int first, int last, int months, const std::string& option) {
  if (first < 0 || last > months || first > last) {
    throw UsageError(option + ": months " + std::to_string(first) + " to " + std::to_string(last) +
                     " are not within the run's 0.." + std::to_string(months));
  }
}

// Every digit: std::to_string keeps six decimals, and a half-width of 1e-7 would arrive as 0.
std::string exact(double value) {
  std::ostringstream out;
  out << std::setprecision(17) << value;
  return out.str();
}

}  // namespace

std::string rounds_folder(const std::string& output) { return output + ".rounds"; }

void add_until_options(po::options_description& options) {
  options.add_options()
      ("until", po::value<double>(), "HALFWIDTH: add replicates in rounds until every difference between the "
                                     "strategies still in contention has a (Holm-adjusted 95%) interval of at most "
                                     "+-HALFWIDTH, or one strategy is left (docs/adaptive.md)")
      ("outcome", po::value<std::string>(), "with --until: the outcome that decides (default place_index)")
      ("at", po::value<int>(), "with --until: evaluate at this month (default: the last month without an election)")
      ("over", po::value<std::string>(), "with --until: evaluate the mean over months M1:M2")
      ("round", po::value<int>(), "with --until: the fewest replicates a later round adds (default: the first round's, "
                                  "simulation.replicates)")
      ("max-replicates", po::value<int>()->default_value(1000), "with --until: stop at this many replicates even if "
                                                                "not settled");
}

int run_until(const Scenario& scenario, const po::variables_map& vm, const std::string& requested, int threads,
              const std::string& command_line, const std::vector<InputFile>& inputs) {
  const double halfwidth = vm["until"].as<double>();
  if (!(halfwidth > 0)) throw UsageError("--until expects a half-width above 0, e.g. --until 0.005");
  if (vm.count("shard")) throw UsageError("--until runs every round itself; it does not go with --shard");
  if (scenario.sweep.independent_streams) {
    throw UsageError("--until keeps replicates paired across rounds with common random numbers; it does not go with "
                     "sweep.streams = \"independent\"");
  }
  if (scenario.params.simulation.strategies.size() < 2) {
    throw UsageError("--until settles a ranking of strategies; the scenario has one (simulation.strategies)");
  }
  if (vm.count("outcome")) check_outcome(vm["outcome"].as<std::string>());
  const int months = scenario.params.simulation.months;
  if (vm.count("at") && vm.count("over")) throw UsageError("--at and --over contradict each other: give one");
  if (vm.count("at")) check_window(vm["at"].as<int>(), vm["at"].as<int>(), months, "--at");
  if (vm.count("over")) {
    const std::string text = vm["over"].as<std::string>();
    const std::size_t colon = text.find(':');
    try {
      if (colon == std::string::npos) throw std::invalid_argument(text);
      std::size_t used_first = 0, used_last = 0;
      const int first = std::stoi(text.substr(0, colon), &used_first);
      const int last = std::stoi(text.substr(colon + 1), &used_last);
      if (used_first != colon || used_last != text.size() - colon - 1) throw std::invalid_argument(text);
      check_window(first, last, months, "--over");
    } catch (const std::logic_error&) {
      throw UsageError("--over expects FIRST:LAST months, e.g. 96:119; found '" + text + "'");
    }
  }
  const int first_round = scenario.params.simulation.replicates;
  const int round = vm.count("round") ? vm["round"].as<int>() : first_round;
  const int max_replicates = vm["max-replicates"].as<int>();
  if (first_round < 3) {
    throw UsageError("--until: the first round has simulation.replicates = " + std::to_string(first_round) +
                     " replicates; give at least 3 (--replicates), so that intervals can be estimated");
  }
  if (round < 1) throw UsageError("--round must be at least 1");
  if (max_replicates < first_round) {
    throw UsageError("--max-replicates " + std::to_string(max_replicates) + " is below the first round's " +
                     std::to_string(first_round) + " replicates");
  }
  const std::string output =
      requested.empty() ? (std::filesystem::path("results") / (scenario.params.simulation.name + ".h5")).string()
                        : requested;
  if (std::filesystem::path(output).has_parent_path()) std::filesystem::create_directories(std::filesystem::path(output).parent_path());
  WorkFolderRequest work;
  work.command = "run --until";
  work.command_line = command_line;
  work.output = output;
  work.folder = rounds_folder(output);
  work.spec_name = "scenario.toml";
  work.spec = resolved_toml(scenario);
  work.provenance_keys = {"source"};  // descriptions: the strategies' evidence, the --posterior file's name
  work.inputs = inputs;
  work.unfinished = "unfinished rounds";
  work.other = "the rounds of another scenario";
  work.kept = "the finished rounds and runs";
  work.force = vm.count("force") > 0;
  work.resume = vm.count("resume") > 0;
  const WorkFolder folder = prepare_work_folder(work);
  const std::string& scenario_file = folder.spec_file;
  // Each path joined to its option: a path such as -x.h5 is a value, not another option.
  std::vector<std::string> words = {"until", "--scenario=" + scenario_file, "--work=" + work.folder,
                                    "--output=" + output, "--placesim=" + this_program(), "--halfwidth", exact(halfwidth),
                                    "--first-round", std::to_string(first_round), "--round", std::to_string(round),
                                    "--max-replicates", std::to_string(max_replicates), "--command-line", command_line};
  if (vm.count("outcome")) words.insert(words.end(), {"--outcome", vm["outcome"].as<std::string>()});
  if (vm.count("at")) words.insert(words.end(), {"--at", std::to_string(vm["at"].as<int>())});
  if (vm.count("over")) words.insert(words.end(), {"--over", vm["over"].as<std::string>()});
  if (threads > 0) words.insert(words.end(), {"--threads", std::to_string(threads)});
  if (vm.count("quiet")) words.push_back("--quiet");
  return run_analysis("run --until", words, folder.continuation);
}

bool names_a_rounds_file(const ResultsCheck& check) {
  return !check.readable && check.problem.find("format is \"" + std::string(kRoundsFormat) + "\"") != std::string::npos;
}

ResultsCheck check_results_or_rounds(const std::string& path, bool verify_chunks) {
  ResultsCheck check = check_results_file(path, verify_chunks);
  if (!names_a_rounds_file(check)) return check;
  const RoundsCheck rounds = check_rounds_file(path, verify_chunks);
  check.readable = rounds.readable;
  check.problem = rounds.problem;
  return check;
}

}  // namespace placesim::cli
