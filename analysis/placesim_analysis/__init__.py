"""Analysis of PlaceSim results files: a labelled loader, statistics, sensitivity indices and
the report (docs/analysis.md)."""
from . import style  # noqa: F401  first: matplotlib imported away from the working folder (style.py)
from .loader import Results, ResultsError, load
from .report import build_report

__all__ = ["Results", "ResultsError", "load", "build_report"]
