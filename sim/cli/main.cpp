// placesim: a thin command line over the engine library.
#include <boost/program_options/errors.hpp>

#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "experiment/mpi/ranks.hpp"
#include "io/hdf5.hpp"
#include "io/program_version.hpp"
#include "scenario/scenario_error.hpp"

namespace {

using namespace placesim;
using namespace placesim::cli;

void usage(std::ostream& out) {
  out << "PlaceSim " << PLACESIM_VERSION
      << ": an agent-based simulation of the leaders of a place and how they work together.\n\n"
         "Usage: placesim <command> [options]\n\n"
         "Commands:\n";
  for (const Command& c : commands()) {
    std::string call(c.name);
    if (!c.usage.empty()) call.append(" ").append(c.usage);
    char line[160];
    std::snprintf(line, sizeof line, "  %-24s %s\n", call.c_str(), std::string(c.summary).c_str());
    out << line;
  }
  out << "\n"
         "Options:\n"
         "  --version                print the version and git commit\n"
         "  -h, --help               this help; `placesim <command> --help` for a command's options\n\n"
         "Example:\n"
         "  placesim run scenarios/default.toml --replicates 50 -o results/trial.h5\n";
}

// The command line as a POSIX shell would need it typed: messages print it for the user to
// copy (the command that resumes a run), so every argument the shell would change is quoted.
std::string shell_quoted(const std::string& arg) {
  const bool plain = !arg.empty() && arg.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                                           "0123456789_./=:,+@%-") == std::string::npos;
  if (plain) return arg;
  std::string quoted = "'";
  for (const char c : arg) {
    if (c == '\'') {
      quoted.append("'\\''");  // close the quotes, an escaped quote, open them again
    } else {
      quoted.push_back(c);
    }
  }
  quoted.push_back('\'');
  return quoted;
}

std::string joined(int argc, char** argv) {
  std::string line;
  for (int i = 0; i < argc; ++i) {
    if (i > 0) line.push_back(' ');
    line.append(shell_quoted(argv[i]));
  }
  return line;
}

// Runs the command; returns its exit status, printing any error (once, in an MPI job: by rank
// 0 for the bad input every rank sees alike, by the rank at fault otherwise).
int run(int argc, char** argv) {
  const Args args(argv + 1, argv + argc);
  auto report = [&](const std::string& message, bool every_rank_sees_it) {
    if (rank() == 0) {
      std::cerr << "placesim: " << message << "\n";
    } else if (!every_rank_sees_it) {
      std::cerr << "placesim (rank " << rank() << "): " << message << "\n";
    }
  };
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
      std::cout << "placesim " << placesim::program_version() << " (commit " << placesim::git_commit() << ")"
                << (built_with_mpi() ? ", with MPI" : "") << "\n";
      return kOk;
    }
    for (const Command& c : commands()) {
      if (c.name == command) return c.handler(rest, joined(argc, argv));
    }
    report("unknown command '" + command + "' (try placesim --help)", true);
    return kBadInput;
  } catch (const placesim::ScenarioError& e) {
    report(e.what(), true);
    return kBadInput;
  } catch (const UsageError& e) {
    report(e.what(), true);
    return kBadInput;
  } catch (const boost::program_options::error& e) {
    report(std::string(e.what()) + " (try placesim " + args[0] + " --help)", true);
    return kBadInput;
  } catch (const std::exception& e) {
    report(e.what(), false);
    return kFailed;
  }
}

}  // namespace

int main(int argc, char** argv) {
  start_ranks(argc, argv);
  const int status = run(argc, argv);
  // In an MPI job a failure anywhere stops every rank, rather than leave others waiting.
  if (status != kOk) abort_ranks(status);
  finish_ranks();
  return status;
}
