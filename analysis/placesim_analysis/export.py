"""placesim export RESULTS.h5: the runs as a table, one row per run (its strategy, replicate,
design point and swept values, and the chosen outcomes at the chosen months), as NetLogo's
BehaviorSpace and Mesa's batch_run give them; or one long (tidy) row per run, metric and month."""
import argparse
import sys

import numpy as np
import pandas as pd

from .csv_output import write_csv
from .loader import ResultsError, load
from .output_files import OutputError, check_output_file, reason, written_whole


def _months(text):
    try:
        return [int(m) for m in text.split(",") if m.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected month numbers separated by commas, got {text!r}")


def parser():
    p = argparse.ArgumentParser(prog="placesim export",
                                description="The runs of a results file as a CSV table: one row per run (wide), "
                                            "or one row per run, metric and month (--long).",
                                epilog="example: placesim export results/sweep.h5 --months 60,120 -o sweep.csv")
    p.add_argument("results")
    p.add_argument("--format", choices=["csv"], default="csv", help="the table's format (csv)")
    p.add_argument("--months", type=_months, help="months to export (default: every 12th month and the last)")
    p.add_argument("--outcomes", help="comma-separated metrics (default: the key outcomes and cost_cumulative)")
    p.add_argument("--long", action="store_true", help="one row per run, metric and month (tidy)")
    p.add_argument("-o", "--output", help="file to write (default: standard output); an existing file needs --force")
    p.add_argument("--force", action="store_true")
    return p


def export_table(results, months, outcomes, long=False):
    design = results.design[results.design["completed"]]
    columns = ["strategy", "replicate", "point"] + list(results.parameters)
    columns += [c for c in design.columns if c.startswith("posterior") or c in ("sobol_sample", "sobol_matrix",
                                                                               "morris_trajectory")]
    base = design[[c for c in columns if c in design.columns]].reset_index()
    frames = []
    for metric in outcomes:
        data = results.metric(metric)
        if len(data.dims) != 2:
            raise ResultsError(f"{metric} is not a [run, month] metric; export takes place-level outcomes")
        values = data.isel(month=months).values  # [run, month]
        if long:
            frame = pd.DataFrame({"run": np.repeat(base["run"].to_numpy(), len(months)),
                                  "metric": metric, "month": np.tile(months, len(base)),
                                  "value": values.reshape(-1)})
            frames.append(frame)
        else:
            frames.append(pd.DataFrame(values, columns=[f"{metric}@{m}" for m in months]))
    if long:
        return base.merge(pd.concat(frames, ignore_index=True), on="run")
    return pd.concat([base] + frames, axis=1)


def main(argv):
    args = parser().parse_args(argv)
    try:
        if args.output:
            check_output_file(args.output, "the table", [(args.results, "the results file")], args.force)
        results = load(args.results)
        results.require_runs()
        months = args.months or sorted(set(list(range(0, results.months + 1, 12)) + [results.months]))
        for m in months:
            if not 0 <= m <= results.months:
                raise ResultsError(f"month {m} is outside 0..{results.months}")
        outcomes = ([o.strip() for o in args.outcomes.split(",") if o.strip()] if args.outcomes
                    else list(results.key_outcomes) + ["cost_cumulative"])
        for o in outcomes:
            if o not in results.metrics:
                raise ResultsError(f"{o} is not a metric of {results.path.name} (placesim metrics lists them)")
        table = export_table(results, months, outcomes, args.long)
    except ResultsError as error:
        print(f"placesim export: {error}", file=sys.stderr)
        return 2
    except OutputError as error:
        print(f"placesim export: {error}", file=sys.stderr)
        return error.status
    except OSError as error:  # h5py: damaged data
        print(f"placesim export: cannot read {args.results}: {reason(error)}", file=sys.stderr)
        return 2
    if args.output:
        try:
            with written_whole(args.output) as partial:
                write_csv(table, partial)
        except OutputError as error:
            print(f"placesim export: {error}", file=sys.stderr)
            return error.status
    else:
        write_csv(table, sys.stdout)
    return 0
