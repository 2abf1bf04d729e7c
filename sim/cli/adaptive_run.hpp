#pragma once
// placesim run --until HALFWIDTH: replicates in rounds until the differences that decide the
// ranking are known to the asked precision, dropping strategies settled as worse (successive
// rejection). The scenario is checked here; the rounds and the stopping rule, which are
// statistics, are the analysis package's (placesim_analysis.adaptive, docs/adaptive.md), and
// each round is this program's own `placesim run` into OUTPUT.rounds/.
#include <boost/program_options.hpp>

#include <string>
#include <vector>

#include "cli/options.hpp"
#include "cli/output_file.hpp"
#include "io/results_check.hpp"
#include "scenario/scenario.hpp"

namespace placesim::cli {

// The --until options, added to run's.
void add_until_options(boost::program_options::options_description& options);

// Runs the rounds; `output` is -o (or empty), `inputs` the files the command reads.
int run_until(const Scenario& scenario, const boost::program_options::variables_map& vm, const std::string& output,
              int threads, const std::string& command_line, const std::vector<InputFile>& inputs);

// Where the rounds' results files go: OUTPUT.rounds/.
std::string rounds_folder(const std::string& output);

// Whether a failed check_results_file is of a rounds file (its format is "placesim-rounds").
bool names_a_rounds_file(const ResultsCheck& check);

// check_results_file for a results file, or check_rounds_file for a rounds file (placesim run
// --until; io/rounds_file.hpp), which every analysis command reads as one results file.
ResultsCheck check_results_or_rounds(const std::string& path, bool verify_chunks);

}  // namespace placesim::cli
