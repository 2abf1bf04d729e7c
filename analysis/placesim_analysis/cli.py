"""The package's command line: python3 -m placesim_analysis report RESULTS.h5 [-o DIR]."""
import argparse
import os
import sys
import warnings

from .interruption import exit_status, stop_on_signals
from .loader import ResultsError
from .output_files import OutputError
from .report import ReportError, build_report, default_directory
from .style import FORMATS


def _months(text):
    try:
        return [int(m) for m in text.split(",") if m.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected month numbers separated by commas, got {text!r}")


def _formats(text):
    chosen = [f.strip() for f in text.split(",") if f.strip()]
    for f in chosen:
        if f not in FORMATS:
            raise argparse.ArgumentTypeError(f"unknown format {f!r}: expected some of {', '.join(FORMATS)}")
    if "png" not in chosen:
        raise argparse.ArgumentTypeError("png is needed: index.html shows the PNG files")
    return chosen


def parser():
    p = argparse.ArgumentParser(prog="placesim report",
                                description="Writes report-ready charts (PNG, SVG, PDF), their data as "
                                            "CSV, and an offline index.html from a PlaceSim results file.",
                                epilog="example: placesim report results/default.h5 -o results/default-report")
    p.add_argument("results", help="a results file written by placesim run or merge")
    p.add_argument("-o", "--output", help="directory to write (default: RESULTS without .h5, plus -report)")
    p.add_argument("--months", type=_months, default=None,
                   help="months of the sector trust heatmaps, e.g. 0,60,120 (default: first, middle, last)")
    p.add_argument("--formats", type=_formats, default=list(FORMATS),
                   help="chart formats, comma-separated (default: png,svg,pdf)")
    p.add_argument("--force", action="store_true", help="replace an existing, non-empty output directory")
    p.add_argument("--quiet", action="store_true", help="print nothing but errors")
    return p


def main(argv=None):
    stop_on_signals()
    try:
        return _dispatch(sys.argv[1:] if argv is None else argv)
    except BrokenPipeError:
        # A reader that stopped early (placesim export ... | head) is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt as interruption:
        return exit_status(interruption)


def _dispatch(arguments):
    if arguments and arguments[0] == "discover":
        from .discover_cli import main as discover
        return discover(arguments[1:])
    if arguments and arguments[0] == "export":
        from .export import main as export
        return export(arguments[1:])
    if arguments and arguments[0] == "until":
        from .adaptive import main as until
        return until(arguments[1:])
    if arguments and arguments[0] == "compare":
        from .compare_cli import main as compare
        return compare(arguments[1:])
    if arguments and arguments[0] == "calibrate":
        from .calibration.cli import main as calibrate
        return calibrate(arguments[1:])
    if arguments and arguments[0] == "report":
        arguments = arguments[1:]
    args = parser().parse_args(arguments)
    progress = None if args.quiet else (lambda message: print(message, file=sys.stderr, flush=True))
    if args.quiet:
        # Statistics of too few replicates (an interval of one run) warn; --quiet means quiet.
        warnings.simplefilter("ignore", RuntimeWarning)
    try:
        index = build_report(args.results, args.output or default_directory(args.results),
                             heatmap_months=args.months, formats=args.formats, force=args.force,
                             progress=progress)
    except (ResultsError, ReportError) as error:
        print(f"placesim report: {error}", file=sys.stderr)
        return 2
    except OutputError as error:
        print(f"placesim report: {error}", file=sys.stderr)
        return error.status
    except OSError as error:
        # h5py reports damaged data (a chunk failing its checksum) as an OSError.
        print(f"placesim report: cannot read {args.results}: {error}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(index)
    return 0
