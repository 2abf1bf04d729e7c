#include "cli/options.hpp"

namespace po = boost::program_options;

namespace placesim::cli {

namespace {

template <class Target>
po::variables_map parse(const Args& args, const po::options_description& options, Target& target, int count) {
  po::options_description hidden;
  hidden.add_options()("positional", po::value(&target));
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("positional", count);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  return vm;
}

}  // namespace

po::variables_map parse_options(const Args& args, const po::options_description& options, std::string& positional) {
  return parse(args, options, positional, 1);
}

po::variables_map parse_options(const Args& args, const po::options_description& options,
                                std::vector<std::string>& positionals) {
  return parse(args, options, positionals, -1);
}

}  // namespace placesim::cli
