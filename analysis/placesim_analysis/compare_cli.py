"""python3 -m placesim_analysis compare RESULTS.h5: the decision layer's command line (run by
placesim compare)."""
import argparse
import json
import sys
import warnings

import numpy as np
import pandas as pd

from .csv_output import write_csv
from .decision import CompareError, Window, compare
from .economics import GAIN_STEP, ICER_PER_STEP, MONEY_UNITS, PER_STEP
from .loader import ResultsError, load


def month_window(text):
    try:
        first, last = (int(x) for x in text.split(":"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected FIRST:LAST months, e.g. 48:60, got {text!r}")
    if first > last:
        raise argparse.ArgumentTypeError(f"{text}: FIRST must not be after LAST")
    return Window(first, last)


def parser():
    p = argparse.ArgumentParser(
        prog="placesim compare",
        description="Which strategy, how much better, how sure, at what cost: strategies ranked, every pairwise "
                    "paired difference with Holm-adjusted intervals, the probability that each is best, cost per "
                    "unit of gain with intervals, dominance and ICERs along the frontier.",
        epilog="example: placesim compare results/default.h5 --over 108:119 --format csv > comparison.csv")
    p.add_argument("results", help="a results file of placesim run (or merge)")
    p.add_argument("--outcomes", help="comma-separated metrics (default: the file's key outcomes); the place index, "
                                      "when among them, ranks the strategies, else the first")
    when = p.add_mutually_exclusive_group()
    when.add_argument("--at", type=int, metavar="MONTH", help="evaluate at this month (default: the last month "
                                                              "without an election)")
    when.add_argument("--over", type=month_window, metavar="M1:M2", help="evaluate the mean over months M1 to M2")
    p.add_argument("--format", choices=["text", "csv", "json"], default="text")
    return p


def _interval(mean, low, high, digits=3):
    if np.isnan(low):
        return f"{mean:.{digits}g}"
    return f"{mean:.{digits}g} ({low:.{digits}g} to {high:.{digits}g})"


def text_report(results, c):
    out = []
    label = results.labels.get(c.primary, c.primary)
    out.append(f"Comparison of {len(c.ranking)} strategies in {results.path.name} at {c.window.describe()}"
               + (" (not an election month)" if c.window.last not in c.elections else " (an election month)"))
    if c.posterior:
        out.append("Parameters come from a calibration's posterior (one draw per replicate): every interval and "
                   "probability carries their uncertainty.")
    pairs = c.means[c.means.outcome == c.primary]["pairs"]
    counts = f"{pairs.min()}" if pairs.min() == pairs.max() else f"{pairs.min()} to {pairs.max()}"
    out.append(f"{counts} paired replicate{'s' if pairs.max() > 1 else ''} per strategy; ranked by {label}.")
    if c.best.isna().all():
        out.append("With one paired replicate there is no interval, no test and no probability of being best: run "
                   "more replicates (--replicates 10, or placesim run --until).")
    out.append("")
    out.append("In words:")
    out += [f"  {line}" for line in c.sentences]
    out.append("")
    out.append(f"Ranking by {label} (mean and 95% CI; probability of being best, bootstrap over pairs):")
    for rank, s in enumerate(c.ranking, 1):
        row = c.means[(c.means.outcome == c.primary) & (c.means.strategy == s)].iloc[0]
        best = f"P(best) {c.best[s]:.2f}" if np.isfinite(c.best[s]) else ""
        out.append(f"  {rank:2d}. {s:28s} {_interval(row['mean'], row['low'], row['high']):32s} {best}".rstrip())
    out.append("")
    d = c.differences[c.differences.outcome == c.primary]
    out.append(f"Pairwise paired differences in {label} (Holm-adjusted; intervals at Holm's level for each):")
    for _, row in d.iterrows():
        flag = "  *" if (row["low"] > 0 or row["high"] < 0) else ""  # NaN (one pair) declares nothing
        test = f" p(Holm) {row['p_holm']:.3g}{flag}" if np.isfinite(row["p_holm"]) else " no test (one pair)"
        out.append(f"  {row['strategy']:>22s} - {row['versus']:22s} {_interval(row['difference'], row['low'], row['high']):34s}"
                   f"{test}")
    out.append("  * the interval excludes 0: Holm's procedure declares the difference at the 5% level")
    if not c.economics.empty:
        out.append("")
        out.append(f"Cost (GBP thousand, by month {c.window.last}), gain in {label} over baseline, cost per "
                   f"{GAIN_STEP:g} of gain, and the frontier:")
        for _, row in c.economics.iterrows():
            per = ("" if np.isnan(row.get("cost_per_step", np.nan))
                   else f"  per {GAIN_STEP:g}: {_interval(row['cost_per_step'], row['cost_per_step_low'], row['cost_per_step_high'], 4)}")
            icer = "" if np.isnan(row["icer"]) else f"  ICER vs {row['icer_versus']}: {row['icer'] * GAIN_STEP:.4g} per {GAIN_STEP:g}"
            out.append(f"  {row['strategy']:28s} cost {_interval(row['cost'], row['cost_low'], row['cost_high'], 4):26s}"
                       f" gain {_interval(row['gain'], row['gain_low'], row['gain_high']):28s} {row['status']}{icer}{per}")
    others = [o for o in c.means.outcome.unique() if o != c.primary]
    if others:
        out.append("")
        out.append("Other outcomes (mean and 95% CI):")
        for o in others:
            cells = ", ".join(f"{r['strategy']} {_interval(r['mean'], r['low'], r['high'])}"
                              for _, r in c.means[c.means.outcome == o].iterrows())
            out.append(f"  {results.labels.get(o, o)}: {cells}")
    return "\n".join(out)


def tidy(results, c):
    """One long table: every estimate with its interval and units."""
    rows = []
    units = lambda outcome: results.units.get(outcome, "")
    per_step_units = f"{MONEY_UNITS} per {GAIN_STEP:g} of {c.primary}"
    for _, r in c.means.iterrows():
        rows.append({"quantity": "mean", "outcome": r["outcome"], "strategy": r["strategy"], "versus": "",
                     "estimate": r["mean"], "low": r["low"], "high": r["high"], "p_holm": np.nan,
                     "units": units(r["outcome"]), "note": ""})
    for _, r in c.differences.iterrows():
        rows.append({"quantity": "difference", "outcome": r["outcome"], "strategy": r["strategy"], "versus": r["versus"],
                     "estimate": r["difference"], "low": r["low"], "high": r["high"], "p_holm": r["p_holm"],
                     "units": units(r["outcome"]),
                     "note": f"interval at level {r['level']:.4f} (Holm)" if np.isfinite(r["level"]) else "one pair: no test"})
    for s, p in c.best.items():
        rows.append({"quantity": "probability_best", "outcome": c.primary, "strategy": s, "versus": "",
                     "estimate": p, "low": np.nan, "high": np.nan, "p_holm": np.nan, "units": "probability", "note": ""})
    for _, r in c.economics.iterrows():
        rows.append({"quantity": "cost", "outcome": "cost_cumulative", "strategy": r["strategy"], "versus": "",
                     "estimate": r["cost"], "low": r["cost_low"], "high": r["cost_high"], "p_holm": np.nan,
                     "units": MONEY_UNITS, "note": r["status"]})
        rows.append({"quantity": "gain", "outcome": c.primary, "strategy": r["strategy"], "versus": "baseline",
                     "estimate": r["gain"], "low": r["gain_low"], "high": r["gain_high"], "p_holm": np.nan,
                     "units": units(c.primary), "note": ""})
        if not np.isnan(r.get("cost_per_step", np.nan)):
            rows.append({"quantity": PER_STEP, "outcome": c.primary, "strategy": r["strategy"],
                         "versus": "baseline", "estimate": r["cost_per_step"], "low": r["cost_per_step_low"],
                         "high": r["cost_per_step_high"], "p_holm": np.nan, "units": per_step_units, "note": ""})
        if not np.isnan(r["icer"]):
            rows.append({"quantity": ICER_PER_STEP, "outcome": c.primary, "strategy": r["strategy"],
                         "versus": r["icer_versus"], "estimate": r["icer"] * GAIN_STEP, "low": np.nan, "high": np.nan,
                         "p_holm": np.nan, "units": per_step_units, "note": ""})
    frame = pd.DataFrame(rows)
    frame.insert(0, "months", c.window.describe())
    return frame


def main(argv):
    args = parser().parse_args(argv)
    warnings.simplefilter("ignore", RuntimeWarning)
    try:
        results = load(args.results)
        results.require_runs()
        outcomes = [o.strip() for o in args.outcomes.split(",") if o.strip()] if args.outcomes else None
        window = args.over or (Window(args.at, args.at) if args.at is not None else None)
        c = compare(results, outcomes, window)
    except (ResultsError, CompareError) as error:
        print(f"placesim compare: {error}", file=sys.stderr)
        return 2
    if args.format == "text":
        print(text_report(results, c))
    elif args.format == "csv":
        write_csv(tidy(results, c), sys.stdout)
    else:
        frame = tidy(results, c).replace({np.nan: None})
        print(json.dumps({"months": c.window.describe(), "ranked_by": c.primary, "ranking": c.ranking,
                          "sentences": c.sentences, "estimates": frame.to_dict(orient="records")}, indent=1))
    return 0
