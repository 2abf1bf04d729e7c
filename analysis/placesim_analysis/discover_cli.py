"""python3 -m placesim_analysis discover RESULTS.h5 --strategy NAME: scenario discovery and
robustness over a sweep (run by placesim discover)."""
import argparse
import json
import sys
import warnings

import numpy as np

from .compare_cli import month_window
from .decision import Window, default_window
from .discovery import DiscoveryError, discover
from .loader import ResultsError, load


def finite_number(text):
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}")
    if not np.isfinite(value):
        raise argparse.ArgumentTypeError(f"expected a finite number, got {text!r}: every point would meet it "
                                         "or none would")
    return value


def parser():
    p = argparse.ArgumentParser(
        prog="placesim discover",
        description="For a sweep (Latin hypercube, random, grid, ...): each strategy's robustness (regret against "
                    "the best at each point, the share of points meeting a threshold), and the region of parameter "
                    "space where a strategy wins (or meets the threshold): PRIM's box with its coverage and density "
                    "and peeling trajectory, CART's rules, and which parameters matter (feature scores).",
        epilog="example: placesim discover results/sweep.h5 --strategy co_design --threshold 0.55")
    p.add_argument("results")
    p.add_argument("--strategy", required=True, help="the strategy whose winning (or satisficing) region to find")
    p.add_argument("--outcome", default="place_index", help="the outcome (default place_index)")
    p.add_argument("--threshold", type=finite_number, help="find where the strategy reaches at least this; default: where "
                                                   "it is the best strategy")
    when = p.add_mutually_exclusive_group()
    when.add_argument("--at", type=int, metavar="MONTH", help="evaluate at this month (default: the last month "
                                                              "without an election)")
    when.add_argument("--over", type=month_window, metavar="M1:M2", help="the mean over months M1 to M2")
    p.add_argument("--format", choices=["text", "json"], default="text")
    return p


def text_report(d, window):
    out = [f"Scenario discovery: {d.question}, at {window.describe()}; {d.cases} of {d.points} design points.", ""]
    out.append("Robustness across the sweep (regret: the best strategy's mean at a point minus this one's):")
    out.append(d.robustness.to_string(index=False, float_format=lambda v: f"{v:.4g}"))
    out.append("")
    b = d.box
    out.append(f"PRIM box (coverage {b.coverage:.2f}, density {b.density:.2f}, {100 * b.support:.0f}% of the points):")
    if not b.limits:
        out.append("  no restriction: the cases are spread over the whole sweep")
    for name, (lo, hi) in b.limits.items():
        out.append(f"  {lo:.4g} <= {name} <= {hi:.4g}")
    out.append(f"  (peeling trajectory of {len(d.trajectory)} boxes: --format json gives it)")
    out.append("")
    out.append("CART rules (class 1: the cases of interest; weights: points of each class):")
    out.append(d.cart.rstrip())
    out.append("")
    out.append(f"Feature scores for {d.strategy}'s outcome (extra trees, impurity-based, sum to 1):")
    out += [f"  {name:45s} {score:.3f}" for name, score in d.scores.items()]
    return "\n".join(out)


def main(argv):
    args = parser().parse_args(argv)
    warnings.simplefilter("ignore", RuntimeWarning)
    try:
        results = load(args.results)
        results.require_runs()
        window = args.over or (Window(args.at, args.at) if args.at is not None else default_window(results))
        if not 0 <= window.first <= window.last <= results.months:
            raise DiscoveryError(f"{window.describe()} is outside 0..{results.months}")
        if args.outcome not in results.metrics:
            raise DiscoveryError(f"{args.outcome} is not a metric of {results.path.name}")
        d = discover(results, args.strategy, args.outcome, window, args.threshold)
    except (ResultsError, DiscoveryError) as error:
        print(f"placesim discover: {error}", file=sys.stderr)
        return 2
    if args.format == "text":
        print(text_report(d, window))
    else:
        print(json.dumps({"question": d.question, "months": window.describe(), "cases": d.cases, "points": d.points,
                          "robustness": d.robustness.to_dict(orient="records"),
                          "box": {"limits": d.box.limits, "coverage": d.box.coverage, "density": d.box.density,
                                  "support": d.box.support},
                          "trajectory": d.trajectory.to_dict(orient="records"), "cart": d.cart,
                          "feature_scores": d.scores.to_dict()}, indent=1))
    return 0
