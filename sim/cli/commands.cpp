#include "cli/commands.hpp"

namespace placesim::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> list = {
      {"run", "[SCENARIO]", "run a scenario (the embedded default without one) into an HDF5 file", run_command},
      {"validate", "[SCENARIO]", "check a scenario and print it fully resolved, as TOML", validate_command},
      {"plan", "[SCENARIO|TARGETS]", "how many runs a scenario (or a calibration) makes, how long here, how big",
       plan_command},
      {"calibrate", "TARGETS.toml", "fit parameters to observed targets: history matching, then a posterior sample",
       calibrate_command},
      {"info", "RESULTS.h5", "describe a results file: provenance, runs, months, metrics", info_command},
      {"merge", "OUT SHARD...", "join the files of run --shard I/N into one", merge_command},
      {"compare", "RESULTS.h5", "which strategy, how much better, how sure, at what cost (paired, Holm, P(best))",
       compare_command},
      {"discover", "RESULTS.h5", "where in a sweep a strategy wins or meets a threshold (PRIM, CART), robustness",
       discover_command},
      {"export", "RESULTS.h5", "the runs as a CSV table: one row per run, or --long (tidy)", export_command},
      {"report", "RESULTS.h5", "charts (PNG, SVG, PDF), their data as CSV and an index.html (also of a calibration)",
       report_command},
      {"parameters", "", "print every parameter with its default, range, unit and source", parameters_command},
      {"presets", "[show NAME]", "list the built-in interventions, or print one as scenario text", presets_command},
      {"metrics", "", "print every metric of a results file with its units, range and meaning", metrics_command},
  };
  return list;
}

}  // namespace placesim::cli
