"""Enough replicates, and no more: placesim run SCENARIO --until HALFWIDTH (docs/adaptive.md).

Replicates are added in rounds until the differences that decide the ranking are known to the
asked precision; a strategy clearly worse than the best drops out of later rounds (successive
rejection, as in ranking-and-selection procedures: Paulson 1964; Kim & Nelson 2006).

The stopping rule, applied after every round to one outcome (the place index unless --outcome
says otherwise) at compare's evaluation time (--at / --over; by default the last month
without an election):
  1. Every pair of strategies is compared as placesim compare does (decision.pairwise): the
     mean paired difference over the replicates both have, with Holm-adjusted 95% intervals
     over all the pairs. So the final file's compare output is exactly what the rule saw.
  2. The best contender is the one ranked first as compare ranks them (decision.rank: on the
     paired difference from baseline). A contender whose interval against it lies wholly below
     zero is settled as worse and drops out of later rounds.
  3. The run stops when one contender is left ("settled"); or when every difference between two
     contenders has an interval of half-width at most HALFWIDTH ("precise"); or when another
     round would pass --max-replicates ("capped", reported as not settled).
Baseline runs in every round, in contention or not: it anchors every gain over baseline.

Every round numbers its replicates on from the last (simulation.first_replicate), and a run's
random streams are keyed by its replicate: replicate r of every strategy shares its streams
whichever round ran it. The pairing holds across rounds, and each round's runs are bit for bit
the runs a single `placesim run` with more replicates would make.

Each round is a results file of its own in OUTPUT.rounds/ (made by this program's `placesim
run`, with its journal, so a killed round resumes). OUTPUT is a small HDF5 file that lists them,
with each round's replicates, strategies and decision; every analysis command reads it as one
results file (loader.load). The rounds are a function of the runs alone, so --resume after a
kill repeats the same decisions and ends with the same file.
"""
import argparse
import json
import os
import sys
import tomllib
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path

import h5py
import numpy as np
import pandas as pd

from .compare_cli import month_window, text_report
from .decision import CompareError, Window, compare, default_window, pairwise, rank
from .economics import GAIN_METRIC
from .engine_run import run_failure, run_placesim
from .files import UnreadableFile, check_results_file, read_text
from .loader import BASELINE, ROUNDS_FORMAT, ResultsError, load
from .output_files import OutputError, written_whole
from .rounds import VERSION as ROUNDS_VERSION
from .toml_text import toml_array


@dataclass
class Rule:
    halfwidth: float
    outcome: str = GAIN_METRIC
    window: tuple = None          # (first, last) months; None: compare's default
    first_round: int = 10         # replicates of the first round
    round_size: int = 10          # replicates added by each later round
    max_replicates: int = 1000


@dataclass
class Round:
    number: int
    first_replicate: int
    replicates: int
    strategies: list
    contenders: list = field(default_factory=list)  # in contention after the round
    dropped: list = field(default_factory=list)     # dropped after the round
    widest: float = float("nan")                    # widest half-width between contenders after the round
    best: str = ""


@dataclass
class Decision:
    contenders: list
    dropped: list
    widest: float
    best: str
    status: str  # "continue", "settled", "precise"


def round_values(path, outcome, window):
    """One round's runs: strategy, point, replicate and the outcome's mean over the window (read
    directly: the rule needs one number per run, not the whole file)."""
    with h5py.File(path, "r") as f:
        completed = f["status/completed"][...].astype(bool)
        if outcome not in f["metrics"]:
            raise ResultsError(f"{outcome} is not a metric of the results (placesim metrics lists them)")
        data = f["metrics"][outcome]
        if data.ndim != 2:
            raise CompareError(f"{outcome} is not a [run, month] metric; --until takes place-level outcomes")
        values = data[:, window.first:window.last + 1].mean(axis=1)
        frame = pd.DataFrame({"strategy": f["design/label"].asstr()[...],
                              "point": f["design/point"][...], "replicate": f["design/replicate"][...],
                              "value": values})
    return frame[completed]


def paired(frames, strategies):
    """[pair, strategy] table of the rounds so far, in scenario order."""
    table = pd.concat(frames).pivot_table(index=["point", "replicate"], columns="strategy", values="value")
    return table[[s for s in strategies if s in table.columns]]


def decide(table, rule, contenders):
    """The rule's steps 1-3 on the runs so far (module docstring)."""
    ranking = rank(table)
    differences = pairwise(table, ranking)
    ordered = [s for s in ranking if s in contenders]
    best = ordered[0]
    dropped = []
    for s in ordered[1:]:
        row = _row(differences, best, s)
        if row["low"] > 0:  # best - s is declared above zero
            dropped.append(s)
    left = [s for s in contenders if s not in dropped]
    widest = 0.0
    for i, a in enumerate(left):
        for b in left[i + 1:]:
            row = _row(differences, a, b)
            widest = max(widest, (row["high"] - row["low"]) / 2)
    if len(left) == 1:
        status = "settled"
    elif widest <= rule.halfwidth:
        status = "precise"
    else:
        status = "continue"
    return Decision(left, dropped, widest, best, status)


def _row(differences, a, b):
    match = differences[((differences.strategy == a) & (differences.versus == b))
                        | ((differences.strategy == b) & (differences.versus == a))]
    row = match.iloc[0].to_dict()
    if row["strategy"] != a:
        row["difference"], row["low"], row["high"] = -row["difference"], -row["high"], -row["low"]
    return row


class RoundRunner:
    """Each round's runs: the engine's `placesim run` on the scenario, with the round's
    strategies and replicate numbers; a finished round file is reused, an interrupted one resumed."""

    def __init__(self, placesim, work, scenario, threads=None):
        self.placesim = placesim
        self.work = Path(work)
        self.scenario = scenario
        self.threads = threads

    def path(self, number):
        return self.work / f"round_{number:02d}.h5"

    def run(self, r):
        output = self.path(r.number)
        if output.exists():
            check_results_file(self.placesim, output)  # a finished round, kept: checked before h5py opens it
            return output
        finished = run_placesim(self.placesim, self.scenario, output,
                                ["--replicates", str(r.replicates), "--set", f"simulation.first_replicate={r.first_replicate}",
                                 "--set", f"simulation.strategies={toml_array(r.strategies)}"], self.threads)
        if finished.returncode != 0:
            raise RoundError(f"round {r.number} (placesim run) failed: {run_failure(finished)}")
        return output


class RoundError(Exception):
    pass


def write_rounds_file(output, files, rounds, rule, window, status, command_line, scenario_text):
    """OUTPUT: the rounds' files (paths relative to OUTPUT's folder), with each round's
    replicates and decision."""
    text = h5py.string_dtype()
    with written_whole(output) as partial, h5py.File(partial, "w") as f:
        f.attrs["format"] = ROUNDS_FORMAT
        f.attrs["format_version"] = ROUNDS_VERSION
        f.attrs["halfwidth"] = rule.halfwidth
        f.attrs["outcome"] = rule.outcome
        f.attrs["window"] = f"{window.first}:{window.last}"
        f.attrs["window_given"] = int(rule.window is not None)
        f.attrs["first_round"] = rule.first_round
        f.attrs["round_size"] = rule.round_size
        f.attrs["max_replicates"] = rule.max_replicates
        f.attrs["status"] = status
        f.attrs["rule"] = ("after each round: Holm-adjusted paired intervals over every pair; a contender below the "
                           "best contender's interval drops out; stop when one is left (settled), when every "
                           "difference between contenders has half-width <= halfwidth (precise), or at "
                           "max_replicates (capped)")
        f.attrs["command_line"] = command_line
        f.attrs["scenario"] = scenario_text
        g = f.create_group("rounds")
        g.attrs["description"] = "one row per round, in order"
        g.create_dataset("file", data=[str(file) for file in files], dtype=text)
        g.create_dataset("first_replicate", data=np.array([r.first_replicate for r in rounds], dtype=np.int32))
        g.create_dataset("replicates", data=np.array([r.replicates for r in rounds], dtype=np.int32))
        g.create_dataset("strategies", data=[",".join(r.strategies) for r in rounds], dtype=text)
        g.create_dataset("contenders_after", data=[",".join(r.contenders) for r in rounds], dtype=text)
        g.create_dataset("dropped_after", data=[",".join(r.dropped) for r in rounds], dtype=text)
        g.create_dataset("widest_halfwidth", data=np.array([r.widest for r in rounds], dtype=np.float64))
        g.create_dataset("best", data=[r.best for r in rounds], dtype=text)


def next_round_size(rule, done, widest):
    """Replicates the next round adds: what the widest interval predicts is still needed
    (half-widths shrink as 1/sqrt(n), so n (widest / asked)^2 in all), at least --round and at
    most as many as are done (the total at most doubles: the prediction is itself noisy)."""
    needed = int(np.ceil(done * ((widest / rule.halfwidth) ** 2 - 1))) if np.isfinite(widest) else rule.round_size
    return int(min(max(needed, rule.round_size), done))


def run_rounds(runner, strategies, rule, say=print):
    """Rounds until the rule stops; returns (rounds, status, window). The evaluation window is
    fixed after the first round (which runs every strategy): compare's default, when not given."""
    contenders = list(strategies)
    rounds, frames, done, window = [], [], 0, None
    while True:
        size = rule.first_round if not rounds else next_round_size(rule, done, rounds[-1].widest)
        if done + size > rule.max_replicates:
            size = rule.max_replicates - done
            if size < 1:
                return rounds, "capped", window
        running = [s for s in strategies if s in contenders or s == BASELINE]
        r = Round(len(rounds) + 1, done, size, running)
        say(f"round {r.number}: replicates {done}-{done + size - 1} of {len(running)} strategies ({', '.join(running)})")
        path = runner.run(r)
        if window is None:
            window = Window(*rule.window) if rule.window else default_window(load(path))
        frames.append(round_values(path, rule.outcome, window))
        done += size
        rounds.append(r)
        d = decide(paired(frames, strategies), rule, contenders)
        r.contenders, r.dropped, r.widest, r.best = d.contenders, d.dropped, d.widest, d.best
        contenders = d.contenders
        say(f"  best {d.best}; widest interval between contenders +-{d.widest:.4g} (asked +-{rule.halfwidth:g})"
            + (f"; settled as worse: {', '.join(d.dropped)}" if d.dropped else ""))
        if d.status != "continue":
            return rounds, d.status, window


def parser():
    p = argparse.ArgumentParser(prog="placesim run --until", description="adaptive replication (run by placesim run)")
    p.add_argument("--scenario", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--placesim", required=True)
    p.add_argument("--halfwidth", type=float, required=True)
    p.add_argument("--outcome", default=None)
    when = p.add_mutually_exclusive_group()
    when.add_argument("--at", type=int)
    when.add_argument("--over", type=month_window)
    p.add_argument("--first-round", type=int, required=True)
    p.add_argument("--round", type=int, required=True)
    p.add_argument("--max-replicates", type=int, required=True)
    p.add_argument("--threads", type=int)
    p.add_argument("--command-line", default="")
    p.add_argument("--quiet", action="store_true")
    return p


def main(argv):
    args = parser().parse_args(argv)
    warnings.simplefilter("ignore", RuntimeWarning)
    try:
        scenario_text = read_text(args.scenario)
    except UnreadableFile as error:
        print(f"placesim run: {error}", file=sys.stderr)
        return 2
    scenario = tomllib.loads(scenario_text)
    strategies = scenario.get("simulation", {}).get("strategies", [BASELINE])
    window = (args.at, args.at) if args.at is not None else ((args.over.first, args.over.last) if args.over else None)
    rule = Rule(args.halfwidth, args.outcome or GAIN_METRIC, window, args.first_round, args.round, args.max_replicates)
    work = Path(args.work)
    settings = work / "rule.json"
    try:
        saved = json.loads(settings.read_text()) if settings.exists() else None
    except (OSError, ValueError):
        saved = None  # cut short by a version that wrote it in place: written again
    if saved is not None and saved != asdict(rule):
        print(f"placesim run: {work} holds rounds made with another rule ({settings.read_text().strip()}); "
              "--force starts again", file=sys.stderr)
        return 2
    try:
        with written_whole(settings) as partial:
            partial.write_text(json.dumps(asdict(rule)))
    except OutputError as error:
        print(f"placesim run: {error}", file=sys.stderr)
        return 1
    say = (lambda _: None) if args.quiet else (lambda line: print(f"placesim: {line}", file=sys.stderr, flush=True))
    runner = RoundRunner(args.placesim, work, args.scenario, args.threads)
    try:
        rounds, status, window = run_rounds(runner, strategies, rule, say)
        if not rounds:
            raise RoundError(f"the first round's {rule.first_round} replicates pass --max-replicates {rule.max_replicates}")
        folder = os.path.relpath(work, Path(args.output).parent)
        files = [f"{folder}/{runner.path(r.number).name}" for r in rounds]
        write_rounds_file(args.output, files, rounds, rule, window, status, args.command_line, scenario_text)
        results = load(args.output)
        c = compare(results, [rule.outcome], window)
    except (RoundError, ResultsError, CompareError, OutputError) as error:
        print(f"placesim run: {error}", file=sys.stderr)
        return 1
    except UnreadableFile as error:
        print(f"placesim run: {error}", file=sys.stderr)
        return 2
    done = rounds[-1].first_replicate + rounds[-1].replicates
    runs = sum(r.replicates * len(r.strategies) for r in rounds)
    verdict = {"settled": f"settled: {rounds[-1].best} is best, every other strategy clearly worse",
               "precise": f"every difference between the strategies still in contention is within +-{rule.halfwidth:g}",
               "capped": f"stopped at --max-replicates {rule.max_replicates} before the rule was met: NOT settled "
                         f"(widest interval +-{rounds[-1].widest:.4g})"}[status]
    if not args.quiet:
        print(f"Wrote {len(rounds)} rounds, {runs} runs ({done} replicates of the contenders) to {args.output}: {verdict}\n")
        print(text_report(results, c))
        print(f"\nThe rounds' runs are in {args.output}.rounds/; every command reads {args.output} as one results file.")
    return 0
