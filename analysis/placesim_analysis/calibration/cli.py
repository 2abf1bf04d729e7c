"""python3 -m placesim_analysis calibrate: run by `placesim calibrate`, which checks the targets
file and writes the spec this reads."""
import argparse
import subprocess
import sys
import time
from dataclasses import dataclass

import numpy as np

from ..files import UnreadableFile
from ..output_files import OutputError
from .calibration_file import write_calibration
from .engine import Engine, EngineError
from .history_matching import history_match
from .posterior import sample_posterior
from .spec import load_spec
from .summaries import wave_outputs


@dataclass
class Check:
    values: np.ndarray
    outputs: np.ndarray
    output_se: np.ndarray
    runs: int


def parser():
    p = argparse.ArgumentParser(prog="placesim calibrate", description="run by placesim calibrate (see its --help)")
    p.add_argument("--spec", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--placesim", required=True)
    p.add_argument("--command-line", default="")
    p.add_argument("--threads", type=int)
    p.add_argument("--allow-long-runs", action="store_true", help="passed on to every wave's placesim run")
    p.add_argument("--quiet", action="store_true")
    return p


def _provenance(placesim, command_line):
    version = subprocess.run([placesim, "--version"], capture_output=True, text=True).stdout.strip()
    return {"program_version": version, "command_line": command_line}


def main(argv):
    args = parser().parse_args(argv)
    started = time.monotonic()
    say = (lambda message: None) if args.quiet else \
        (lambda message: print(f"calibrate: [{time.monotonic() - started:6.1f} s] {message}", file=sys.stderr, flush=True))
    try:
        spec = load_spec(args.spec)
    except UnreadableFile as error:
        print(f"placesim calibrate: {error}", file=sys.stderr)
        return 2
    engine = Engine(args.placesim, args.work, threads=args.threads, quiet=args.quiet,
                    arguments=["--allow-long-runs"] if args.allow_long_runs else [])
    say(f"{spec.dimension} parameters, {len(spec.targets)} targets, up to {spec.settings.waves} waves of "
        f"{spec.settings.points} points x {len(spec.strategies)} strategies x {spec.settings.replicates} replicates")
    try:
        matching = history_match(spec, engine, progress=say)
        posterior = check = None
        if matching.all_implausible or not any(w.emulators for w in matching.waves):
            unreachable = [t.name for t, i in zip(spec.targets, matching.min_implausibility) if i > spec.settings.cutoff]
            print(f"placesim calibrate: every point of the prior is implausible ({matching.stop_reason}); "
                  f"targets out of reach on their own: {', '.join(unreachable) if unreachable else 'none: only together'}. "
                  f"No posterior is written; check the targets' values and sd, and the priors' ranges.", file=sys.stderr)
        else:
            say(matching.stop_reason)
            posterior = sample_posterior(spec, matching, progress=say)
            if spec.settings.check_points > 0:
                unit = posterior.unit[:spec.settings.check_points]
                path = engine.run("posterior-check", spec, spec.values(unit), seed=spec.settings.seed + 1000)
                outputs, se = wave_outputs(path, spec.targets)
                check = Check(values=spec.values(unit), outputs=outputs, output_se=se,
                              runs=len(unit) * len(spec.strategies) * spec.settings.replicates)
                say(f"posterior check: {check.runs} runs at {len(unit)} posterior draws")
        write_calibration(args.output, spec, matching, posterior, check,
                          _provenance(args.placesim, args.command_line))
    except (EngineError, OutputError) as error:
        print(f"placesim calibrate: {error}", file=sys.stderr)
        return 1
    except UnreadableFile as error:
        print(f"placesim calibrate: {error}", file=sys.stderr)
        return 2
    runs = sum(w.runs for w in matching.waves) + (check.runs if check else 0)
    if not args.quiet:
        print(f"Wrote {args.output}: {runs} runs in {len(matching.waves)} waves, {time.monotonic() - started:.0f} s")
        if posterior is not None:
            for i, prior in enumerate(spec.priors):
                low, mid, high = np.quantile(posterior.values[:, i], [0.05, 0.5, 0.95])
                print(f"  {prior.key:40s} median {mid:.4g}  90% interval {low:.4g} to {high:.4g}  (prior {prior.describe})")
    return 2 if posterior is None else 0
