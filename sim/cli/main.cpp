// placesim: a thin command line over the engine library.
#include <boost/program_options/errors.hpp>

#include <iostream>

#include "cli/commands.hpp"
#include "io/hdf5.hpp"
#include "scenario/scenario_error.hpp"

namespace {

using namespace placesim::cli;

void usage(std::ostream& out) {
  out << "PlaceSim " << PLACESIM_VERSION
      << ": an agent-based simulation of the leaders of a place and how they work together.\n\n"
         "Usage: placesim <command> [options]\n\n"
         "Commands:\n"
         "  run [SCENARIO]      run a scenario (the embedded default without one) into an HDF5 file\n"
         "  validate [SCENARIO] check a scenario and print it fully resolved, as TOML\n"
         "  plan [SCENARIO]     how many runs a scenario makes, how long they would take here, how big the file\n"
         "  info RESULTS.h5     describe a results file: provenance, runs, months, metrics\n"
         "  merge OUT SHARD...  join the files of run --shard I/N into one\n"
         "  parameters          print every parameter with its default, range, unit and source\n"
         "  presets [show NAME] list the built-in interventions, or print one as scenario text\n\n"
         "Options:\n"
         "  --version           print the version and git commit\n"
         "  -h, --help          this help; `placesim <command> --help` for a command's options\n\n"
         "Example:\n"
         "  placesim run scenarios/default.toml --replicates 50 -o results/trial.h5\n";
}

std::string joined(int argc, char** argv) {
  std::string line;
  for (int i = 0; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.find_first_of(" \t\"'") != std::string::npos) arg = "'" + arg + "'";
    line += (i ? " " : "") + arg;
  }
  return line;
}

}  // namespace

int main(int argc, char** argv) {
  const Args args(argv + 1, argv + argc);
  try {
    if (args.empty()) {
      usage(std::cerr);
      return kBadInput;
    }
    const std::string& command = args[0];
    const Args rest(args.begin() + 1, args.end());
    if (command == "--help" || command == "-h" || command == "help") {
      usage(std::cout);
      return kOk;
    }
    if (command == "--version") {
      std::cout << "placesim " << PLACESIM_VERSION << " (commit " << PLACESIM_GIT_COMMIT << ")\n";
      return kOk;
    }
    if (command == "run") return run_command(rest, joined(argc, argv));
    if (command == "validate") return validate_command(rest);
    if (command == "info") return info_command(rest);
    if (command == "merge") return merge_command(rest, joined(argc, argv));
    if (command == "plan") return plan_command(rest);
    if (command == "parameters") return parameters_command(rest);
    if (command == "presets") return presets_command(rest);
    std::cerr << "placesim: unknown command '" << command << "' (try placesim --help)\n";
    return kBadInput;
  } catch (const placesim::ScenarioError& e) {
    std::cerr << "placesim: " << e.what() << "\n";
    return kBadInput;
  } catch (const UsageError& e) {
    std::cerr << "placesim: " << e.what() << "\n";
    return kBadInput;
  } catch (const boost::program_options::error& e) {
    std::cerr << "placesim: " << e.what() << " (try placesim " << args[0] << " --help)\n";
    return kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "placesim: " << e.what() << "\n";
    return kFailed;
  }
}
