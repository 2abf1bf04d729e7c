#include "experiment/emulation_cost.hpp"

#include <algorithm>
#include <cmath>

namespace placesim {

// Measured with scikit-learn 1.2 on one core (bench/emulation_bench.py and docs/calibration.md
// give the measurements): a fit is a few L-BFGS runs over dimension + 2 hyperparameters, each
// step a Cholesky factorisation of the points' kernel matrix; a prediction with its variance
// solves the same triangle for every new point.
double emulator_fit_seconds(double points, int dimension) {
  return (dimension + 2) * (0.03 + 3e-8 * points * points * points);
}

double emulator_predict_seconds(double points, double at) { return 6e-10 * points * points * at; }

double emulation_seconds(const CalibrationTargets& c) {
  const CalibrationSettings& s = c.settings;
  const double targets = static_cast<double>(c.targets.size());
  const int dimension = static_cast<int>(c.parameters.size());
  double seconds = 0;
  double screen_by_every_wave = 0;  // one candidate batch through every wave's emulators so far
  for (int wave = 1; wave <= s.waves; ++wave) {
    const double trained = std::min<double>(s.emulator_points, static_cast<double>(wave) * s.points);
    seconds += targets * emulator_fit_seconds(trained, dimension);
    screen_by_every_wave += targets * emulator_predict_seconds(trained, s.candidates);
    seconds += screen_by_every_wave;                      // the share of the prior not ruled out
    if (wave < s.waves) seconds += screen_by_every_wave;  // the next wave's design
  }
  // The posterior: emulators fitted to the runs of every wave, and at least one batch of
  // candidates, enough for five per draw, screened by every wave and weighted by them.
  const double trained = std::min<double>(s.emulator_points, static_cast<double>(s.waves) * s.points);
  const double batches = std::max(1.0, std::ceil(5.0 * s.posterior_draws / s.candidates));
  seconds += targets * emulator_fit_seconds(trained, dimension);
  seconds += batches * (screen_by_every_wave + targets * emulator_predict_seconds(trained, s.candidates));
  return seconds;
}

}  // namespace placesim
