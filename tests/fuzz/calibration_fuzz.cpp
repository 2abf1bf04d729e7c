// Fuzz target: a calibration file from someone else (run --posterior, report). The input is
// written to a file and read as a calibration file: in a child process bounded in time
// (io/calibration_reader.hpp), since libhdf5 is not safe against damaged files. The oracle: the
// read always answers, either with draws that have a value for every key, or with a
// std::runtime_error naming the file; and what run --posterior then does with the answer
// (checking the draws as a scenario's, comparing the calibration's scenario with the default)
// throws nothing but a ScenarioError. Any other exception, a crash or a hang is a bug.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz_support.hpp"
#include "io/calibration_reader.hpp"
#include "scenario/scenario.hpp"
#include "scenario/scenario_difference.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace placesim;
  if (!fuzz::hdf5_signature(data, size)) return 0;  // anything else is refused before libhdf5 sees it
  const std::string path = fuzz::write_input("calibration.h5", data, size);
  if (path.empty()) return 0;
  CalibrationFile calibration;
  try {
    calibration = read_calibration_file(path);
  } catch (const std::runtime_error& e) {
    if (std::string(e.what()).find(path) == std::string::npos) std::abort();  // every refusal names the file
    std::remove(path.c_str());
    return 0;
  }
  for (const auto& draw : calibration.posterior.draws) {
    if (draw.size() != calibration.posterior.keys.size()) std::abort();
  }
  try {
    static const Scenario base = default_scenario();  // read once: the presets are slow to parse under the sanitizers
    Scenario scenario = base;
    scenario.posterior = calibration.posterior;
    check_posterior(scenario);
    if (!calibration.scenario.empty()) {
      const Scenario calibrated = load_scenario_text(calibration.scenario, path);
      parameter_differences(scenario.params, calibrated.params);
    }
  } catch (const ScenarioError&) {
  }
  std::remove(path.c_str());
  return 0;
}
