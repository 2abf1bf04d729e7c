"""Benchmark: reading a scenario whose [sweep] lists its points (a calibration's waves are such
lists). Prints the time `placesim validate` takes to read lists of 2,000 to 32,000 points and the
ratio from each size to the next: about 2 when reading is linear, about 4 when it is quadratic,
as it was before toml11's line counting was taken out of every value's position.

    /usr/bin/python3 bench/list_design_bench.py [--placesim build/release/sim/placesim]
"""
import argparse
import subprocess
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SIZES = (2000, 4000, 8000, 16000, 32000)
REPEATS = 3  # the fastest of three: the machine is shared


def list_scenario(points):
    lines = ["[simulation]", "months = 12", "replicates = 1", 'strategies = ["baseline"]', "[sweep]",
             'design = "list"', 'streams = "independent"', "points = ["]
    lines += [f'  {{ "trust.decay" = {0.01 + i * 1e-6!r}, "trust.learning_up" = {0.1 + i * 1e-6!r} }},'
              for i in range(points)]
    return "\n".join(lines + ["]"]) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--placesim", default=str(REPO / "build" / "release" / "sim" / "placesim"))
    args = parser.parse_args()
    previous = None
    with tempfile.TemporaryDirectory() as folder:
        for points in SIZES:
            scenario = Path(folder) / f"list{points}.toml"
            scenario.write_text(list_scenario(points))
            times = []
            for _ in range(REPEATS):
                start = time.perf_counter()
                subprocess.run([args.placesim, "validate", str(scenario)], check=True, stdout=subprocess.DEVNULL)
                times.append(time.perf_counter() - start)
            best = min(times)
            ratio = f"  x{best / previous:.2f} for twice the points" if previous else ""
            print(f"{points:6d} points: {best:6.2f} s{ratio}")
            previous = best


if __name__ == "__main__":
    main()
