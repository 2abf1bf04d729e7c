"""Benchmark: what bounding the runs each emulator is fitted to ([calibration] emulator_points)
saves, as a ratio measured in one process, and what it changes in the posterior.

It calibrates the shipped targets once with placesim calibrate, then replays the emulation on
the same runs twice: with every run not ruled out (no bound, as before the bound existed) and
with the targets' own bound. Prints the CPU seconds of each wave (with its screening and the
next wave's design) and of the posterior, their totals and ratio, plan's estimate, and every
parameter's 90% posterior interval under both. Then the two operations plan's cost model
counts (sim/experiment/emulation_cost.cpp): one emulator's fit and its prediction at 20,000
points, at a few training sizes.

    /usr/bin/python3 bench/emulation_bench.py [--placesim build/release/sim/placesim]
        [--targets scenarios/targets/evidence.toml] [--work DIR]   # DIR: a calibration's work
                                                                   # folder to replay (OUT.waves)
"""
import argparse
import dataclasses
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "analysis"))
from placesim_analysis.calibration.emulator import Emulator  # noqa: E402
from placesim_analysis.calibration.history_matching import history_match  # noqa: E402
from placesim_analysis.calibration.posterior import sample_posterior  # noqa: E402
from placesim_analysis.calibration.spec import load_spec  # noqa: E402


class Replay:
    """The engine of a finished calibration: every wave's runs are already in its work folder."""

    def __init__(self, work):
        self.work = Path(work)

    def run(self, name, spec, values, seed):
        return self.work / f"{name}.h5"


def replay(spec, work, emulator_points):
    """CPU seconds of each wave and of the posterior, and the posterior's values."""
    settings = dataclasses.replace(spec.settings, emulator_points=emulator_points,
                                   waves=len(list(Path(work).glob("wave-*.h5"))))
    spec = dataclasses.replace(spec, settings=settings)
    started = time.process_time()
    marks = []
    matching = history_match(spec, Replay(work), progress=lambda message: marks.append(time.process_time()))
    posterior = sample_posterior(spec, matching)
    marks.append(time.process_time())
    seconds = np.diff([started] + marks)
    return seconds, [w.train_points for w in matching.waves], posterior.values


def cost_model_measurements():
    rng = np.random.default_rng(1)
    dimension, at = 8, rng.random((20000, 8))
    print(f"one emulator over {dimension} parameters (CPU seconds, mean of 3):")
    for points in (80, 160, 320):
        fits, predictions = [], []
        for repeat in range(3):
            x = rng.random((points, dimension))
            y = np.sin(3 * x @ rng.normal(size=dimension)) + 0.5 * x[:, 0] ** 2 + rng.normal(0, 0.05, points)
            started = time.process_time()
            emulator = Emulator(repeat).fit(x, y, np.full(points, 0.05))
            fitted = time.process_time()
            emulator.predict(at)
            fits.append(fitted - started)
            predictions.append(time.process_time() - fitted)
        print(f"  {points:4d} training runs: fit {np.mean(fits):6.2f} s, predict at 20,000 points {np.mean(predictions):5.2f} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--placesim", default=str(REPO / "build/release/sim/placesim"))
    parser.add_argument("--targets", default=str(REPO / "scenarios/targets/evidence.toml"))
    parser.add_argument("--work", help="a finished calibration's work folder (OUT.waves) to replay instead")
    args = parser.parse_args()
    plan = subprocess.run([args.placesim, "plan", args.targets, "--pilot", "0"], capture_output=True, text=True, check=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(args.work) if args.work else Path(folder) / "c.h5.waves"
        if not args.work:
            started = time.monotonic()
            subprocess.run([args.placesim, "calibrate", args.targets, "-o", str(Path(folder) / "c.h5"), "--quiet"],
                           check=True)
            print(f"placesim calibrate {args.targets}: {time.monotonic() - started:.0f} s wall")
        spec = load_spec(work / "targets.spec.toml")
        bounded, bounded_train, bounded_values = replay(spec, work, spec.settings.emulator_points)
        every, every_train, every_values = replay(spec, work, 10 ** 9)
    print(f"emulation replayed on the same {len(bounded) - 1} waves of runs (CPU seconds):")
    print(f"  {'':24s} {'every run':>24s} {f'at most {spec.settings.emulator_points}':>24s}")
    for wave in range(len(bounded) - 1):
        print(f"  wave {wave + 1:<19d} {every[wave]:8.1f} ({every_train[wave]:4d} runs)    "
              f"{bounded[wave]:8.1f} ({bounded_train[wave]:4d} runs)")
    print(f"  {'posterior':24s} {every[-1]:8.1f} {'':15s} {bounded[-1]:8.1f}")
    print(f"  {'total':24s} {every.sum():8.1f} {'':15s} {bounded.sum():8.1f}   ratio {every.sum() / bounded.sum():.2f}")
    print("  plan's estimate:" + next(line for line in plan.stdout.splitlines() if "emulation" in line).split("emulation")[1])
    print("posterior 90% intervals, every run | bounded:")
    for i, prior in enumerate(spec.priors):
        low, high = np.quantile(every_values[:, i], [0.05, 0.95])
        low_b, high_b = np.quantile(bounded_values[:, i], [0.05, 0.95])
        print(f"  {prior.key:52s} {low:9.4g} to {high:<9.4g} | {low_b:9.4g} to {high_b:<9.4g}")
    cost_model_measurements()


if __name__ == "__main__":
    main()
