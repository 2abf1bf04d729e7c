"""Whether one build's default run is faster than another's, with a confidence interval.

On a shared VM a single benchmark reading moves by 15% or more from one minute to the next
(docs/performance.md), far more than most changes to the code. This runs the two builds'
`bench_model` at the same moment, one pinned to each core, swaps the cores (and which starts
first) every pair, and reports the ratio of their times per run (B over A; below 1 means B
is faster): the median, and the geometric mean with its 95% interval (the project's t
interval, placesim_analysis.statistics.mean_interval, on the log ratios). Whatever slows the
machine slows both sides of a pair, so the ratio is far steadier than either time.

    /usr/bin/python3 bench/ab_compare.py BENCH_MODEL_A BENCH_MODEL_B [--pairs 30] [--seconds 1]

Each argument is a `bench_model` executable (for example build/release/bench/bench_model and
the same target built from another commit). Needs two cores and `taskset`.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "analysis"))
from placesim_analysis.statistics import mean_interval  # noqa: E402


def start(binary, core, seconds):
    return subprocess.Popen(
        ["taskset", "-c", str(core), binary, "--benchmark_filter=BM_DefaultRun",
         f"--benchmark_min_time={seconds}", "--benchmark_format=json"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)


def ms_per_run(process):
    out, _ = process.communicate()
    if process.returncode != 0:
        sys.exit(f"ab_compare: {process.args[3]} failed (exit {process.returncode})")
    (run,) = [b for b in json.loads(out)["benchmarks"] if b["name"].startswith("BM_DefaultRun")]
    scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[run["time_unit"]]
    return run["real_time"] * scale


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("a", help="bench_model of the reference build")
    parser.add_argument("b", help="bench_model of the build to compare with it")
    parser.add_argument("--pairs", type=int, default=30, help="pairs of simultaneous runs (default 30)")
    parser.add_argument("--seconds", type=float, default=1.0, help="minimum time of each benchmark (default 1)")
    args = parser.parse_args()
    if args.pairs < 2:
        parser.error("--pairs must be at least 2")
    for binary in (args.a, args.b):
        if not os.access(binary, os.X_OK):
            parser.error(f"{binary} is not an executable (build it with: cmake --build --preset release)")

    a_ms, b_ms = [], []
    for pair in range(args.pairs):
        # Swap the cores and which side starts first every pair: neither need be neutral.
        core_a = pair % 2
        if core_a == 0:
            pa = start(args.a, 0, args.seconds)
            pb = start(args.b, 1, args.seconds)
        else:
            pb = start(args.b, 0, args.seconds)
            pa = start(args.a, 1, args.seconds)
        a_ms.append(ms_per_run(pa))
        b_ms.append(ms_per_run(pb))
        print(f"pair {pair + 1:3d}: A {a_ms[-1]:.3f} ms  B {b_ms[-1]:.3f} ms  B/A {b_ms[-1] / a_ms[-1]:.3f}",
              flush=True)

    log_ratio = np.log(np.array(b_ms) / np.array(a_ms))
    mean, low, high, _ = mean_interval(log_ratio)
    print(f"\nA: median {statistics.median(a_ms):.3f} ms a run ({min(a_ms):.3f}-{max(a_ms):.3f})")
    print(f"B: median {statistics.median(b_ms):.3f} ms a run ({min(b_ms):.3f}-{max(b_ms):.3f})")
    print(f"B/A over {args.pairs} pairs: median {np.exp(np.median(log_ratio)):.3f}, geometric mean "
          f"{np.exp(mean):.3f}, 95% interval {np.exp(low):.3f}-{np.exp(high):.3f}")


if __name__ == "__main__":
    main()
