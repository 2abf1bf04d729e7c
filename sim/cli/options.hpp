#pragma once
// Parsing a command's options and its positional arguments (a scenario, a results file, a
// list of files), the same way for every command.
#include <boost/program_options.hpp>

#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace placesim::cli {

// Stores the options and at most one positional argument in `positional`. The caller
// handles --help, then calls boost::program_options::notify.
boost::program_options::variables_map parse_options(const Args& args,
                                                    const boost::program_options::options_description& options,
                                                    std::string& positional);
// The same with any number of positional arguments.
boost::program_options::variables_map parse_options(const Args& args,
                                                    const boost::program_options::options_description& options,
                                                    std::vector<std::string>& positionals);

}  // namespace placesim::cli
