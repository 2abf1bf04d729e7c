#pragma once
// Reading a scenario's [sweep] section (docs/scenarios.md, "Sweeps"), and checking a sweep
// against the rest of its scenario.
#include "scenario/scenario.hpp"
#include "scenario/value_reader.hpp"

namespace placesim {

// Reads the [sweep] table into scenario.sweep; every error names the file, line and key.
void read_sweep(Scenario& scenario, const TomlValue& table, const std::string& source);

// A table of parameters to vary, written as [sweep.parameters] is (calibration targets'
// [parameters] use it); errors name the file, line and `context`.key.
std::vector<SweptParameter> read_swept_parameters(const TomlValue& table, const std::string& source,
                                                 const std::string& context);

// --set sweep.design=..., sweep.samples=..., sweep.levels=..., sweep.seed=...
void override_sweep(Scenario& scenario, const std::string& key, const TomlValue& value, const SourcePosition& where);

// What single keys cannot show: that the design has what it needs (samples, parameters,
// points) and that no point can change what every run of a results file shares.
void check_sweep(const Scenario& scenario);

}  // namespace placesim
