"""Calibration: history matching with Gaussian-process emulators, in waves, then an importance
step that turns the space not ruled out into a posterior sample (docs/calibration.md).

`placesim calibrate TARGETS.toml` checks the targets file (C++, with file and line of every
mistake) and runs `python3 -m placesim_analysis calibrate` on the checked spec; every model run
is the engine's own `placesim run` on a list design.
"""
