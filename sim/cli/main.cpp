// placesim: the command line over the engine library.
#include <boost/program_options.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/summary.hpp"
#include "model/model.hpp"
#include "scenario/reference.hpp"

namespace po = boost::program_options;

namespace {

using namespace placesim;

int run_command(const std::vector<std::string>& args) {
  Params params = default_params();
  std::uint64_t seed = params.simulation.seed;
  int replicates = 20;
  po::options_description options("placesim run [options]\n\n"
                                  "Runs the default place and prints a summary of its outcomes.\n\n"
                                  "Options");
  options.add_options()
      ("replicates,r", po::value(&replicates)->default_value(replicates), "runs with different random streams")
      ("seed,s", po::value(&seed)->default_value(seed), "base seed of every random stream")
      ("help,h", "this help");
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(options).run(), vm);
  if (vm.count("help")) {
    std::cout << options << "\nExample:\n  placesim run --replicates 50 --seed 7\n";
    return 0;
  }
  po::notify(vm);
  if (replicates < 1) throw po::error("--replicates must be at least 1");
  params.simulation.seed = seed;

  const auto configuration = configure(params);
  const auto start = std::chrono::steady_clock::now();
  std::vector<MetricSeries> runs;
  for (int r = 0; r < replicates; ++r) {
    Model model(configuration, {seed, static_cast<std::uint32_t>(r)});
    model.run();
    runs.push_back(model.metrics());
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("PlaceSim %s: the default place, %d replicates x %d months, seed %llu (%.2f s)\n\n",
              PLACESIM_VERSION, replicates, params.simulation.months,
              static_cast<unsigned long long>(seed), seconds);
  print_summary(std::cout, runs);
  return 0;
}

int parameters_command(const std::vector<std::string>& args) {
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    std::cout << "placesim parameters\n\nPrints every parameter with its type, default, range, "
                 "unit, meaning and source, as markdown.\n\nExample:\n  placesim parameters > parameters.md\n";
    return 0;
  }
  write_parameter_reference(std::cout);
  return 0;
}

void usage() {
  std::cout << "PlaceSim " << PLACESIM_VERSION
            << ": an agent-based simulation of place leadership systems.\n\n"
               "Usage: placesim <command> [options]\n\n"
               "Commands:\n"
               "  run        run the default place and print a summary\n"
               "  parameters print every parameter with its default, range and source\n\n"
               "Options:\n"
               "  --version  print the version and git commit\n"
               "  --help     this help; `placesim <command> --help` for a command\n";
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
      usage();
      return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version") {
      std::cout << "placesim " << PLACESIM_VERSION << " (commit " << PLACESIM_GIT_COMMIT << ")\n";
      return 0;
    }
    if (args[0] == "run") return run_command({args.begin() + 1, args.end()});
    if (args[0] == "parameters") return parameters_command({args.begin() + 1, args.end()});
    std::cerr << "placesim: unknown command '" << args[0] << "' (try placesim --help)\n";
    return 2;
  } catch (const po::error& e) {
    std::cerr << "placesim: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "placesim: " << e.what() << "\n";
    return 1;
  }
}
