"""Benchmark: calibrating 6 parameters to 8 targets on the default place (issue: under 10
minutes on a 2-core machine). The targets are synthetic: the expected statistics (64
replicates) at a known parameter point, so the run also says whether each true value lies in
its 90% posterior interval. Prints wall time, runs used, waves and recovery.

    /usr/bin/python3 bench/calibration_bench.py [--placesim build/release/sim/placesim]
"""
import argparse
import subprocess
import tempfile
import time
from pathlib import Path

import h5py
import numpy as np

REPO = Path(__file__).resolve().parents[1]
PRIORS = {  # key: (min, max, true value)
    "trust.initial_cross": (0.2, 0.45, 0.33),
    "trust.decay": (0.005, 0.05, 0.02),
    "trust.learning_up": (0.05, 0.3, 0.15),
    "commitment.trust": (0.5, 4.0, 2.0),
    "events.elections.turnover_base": (0.05, 0.3, 0.15),
    "population.roles.director.tenure_months": (24, 72, 48),
}
# name: (metric, months, statistic, sd)
TARGETS = {
    "trust_60": ("trust_cross_sector", [60], "mean", 0.01),
    "trust_120": ("trust_cross_sector", [120], "mean", 0.01),
    "member_officer_120": ("trust_member_officer", [120], "mean", 0.01),
    "ambition_120": ("shared_ambition", [120], "mean", 0.01),
    "index_96_120": ("place_index", list(range(96, 121)), "mean", 0.005),
    "strong_ties_120": ("strong_cross_sector_ties", [120], "mean", 0.1),
    "departures_per_year": ("departures", list(range(1, 121)), "per_year", 1.0),
    "tenure_120": ("tenure", [120], "mean", 2.0),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--placesim", default=str(REPO / "build/release/sim/placesim"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        sets = [a for key, (_, _, truth) in PRIORS.items() for a in ("--set", f"{key}={truth}")]
        subprocess.run([args.placesim, "run", "--replicates", "64", "--set", 'simulation.strategies=["baseline"]',
                        "-o", str(folder / "truth.h5"), "--quiet", *sets], check=True)
        lines = ['scenario = "default"', "[parameters]"]
        lines += [f'"{k}" = {{ min = {lo}, max = {hi} }}' for k, (lo, hi, _) in PRIORS.items()]
        with h5py.File(folder / "truth.h5", "r") as f:
            for name, (metric, months, statistic, sd) in TARGETS.items():
                value = float(np.mean(f["metrics"][metric][:, months].astype(float)))
                value *= 12 if statistic == "per_year" else 1
                lines += ["[[targets]]", f'name = "{name}"', f'metric = "{metric}"',
                          f"over = [{months[0]}, {months[-1]}]" if len(months) > 1 else f"month = {months[0]}",
                          f'statistic = "{statistic}"', f"value = {value!r}", f"sd = {sd}"]
        (folder / "targets.toml").write_text("\n".join(lines) + "\n")
        started = time.monotonic()
        subprocess.run([args.placesim, "calibrate", str(folder / "targets.toml"), "-o", str(folder / "c.h5"), "--quiet"],
                       check=True)
        seconds = time.monotonic() - started
        with h5py.File(folder / "c.h5", "r") as f:
            runs = int(f.attrs["runs"])
            fractions = f["calibration/waves/nonimplausible_fraction"][...]
            posterior = f["calibration/posterior"][...]
            keys = [k.decode() if isinstance(k, bytes) else k for k in f["calibration/parameter"][...]]
            ess = f["calibration/posterior"].attrs["effective_sample_size"]
    print(f"calibration_bench: 6 parameters, 8 targets, default place (120 months)")
    print(f"  wall time            {seconds:.0f} s ({seconds / 60:.1f} min)")
    print(f"  runs                 {runs}")
    print(f"  waves                {len(fractions)}; share of the prior not ruled out after each: "
          + ", ".join(f"{x:.3g}" for x in fractions))
    print(f"  posterior            effective sample size {ess:.0f}")
    for i, key in enumerate(keys):
        lo, hi, truth = PRIORS[key]
        low, high = np.quantile(posterior[:, i], [0.05, 0.95])
        inside = "inside" if low <= truth <= high else "OUTSIDE"
        print(f"  {key:45s} truth {truth:<6g} 90% interval {low:.4g} to {high:.4g} ({inside}; "
              f"{(high - low) / (0.9 * (hi - lo)):.2f} of the prior's)")


if __name__ == "__main__":
    main()
