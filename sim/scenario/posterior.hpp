#pragma once
// A posterior sample that a run draws its parameters from (placesim run --posterior
// CALIBRATION.h5, docs/calibration.md): replicate r of every design point and strategy runs
// with draw r mod draws, so comparisons of strategies stay paired (common random numbers and
// the same parameters) and carry the parameters' uncertainty. Kept in the scenario as its
// [posterior] section, so that the results file's scenario text runs the same again.
#include <string>
#include <vector>

#include "scenario/scenario_error.hpp"
#include "scenario/value_reader.hpp"

namespace placesim {

struct Scenario;

struct PosteriorDraws {
  std::string source;                      // the calibration file the draws came from
  std::vector<std::string> keys;           // registry keys of real or integer parameters
  std::vector<std::vector<double>> draws;  // draws[d][k]: draw d's value of keys[k]
  SourcePosition where;

  bool empty() const { return draws.empty(); }
};

// Reads a [posterior] section: source, keys = [...], draws = [[...], ...]; checks every key
// and value like any other, with file, line and key.
void read_posterior(Scenario& scenario, const TomlValue& table, const std::string& source);

// Checks draws given from outside a scenario file (a calibration file) the same way; errors
// name `where`.
void check_posterior(const Scenario& scenario);

// The [posterior] section as scenario text (empty without draws).
std::string posterior_toml(const PosteriorDraws& posterior);

}  // namespace placesim
