"""Report-quality defaults: one fixed, colour-blind-safe colour per strategy, readable sizes,
and every chart saved as PNG, SVG and PDF. The charts use this style only, and show names as
they are written: no style file of the working folder, no names read as TeX."""
import os
import re
import sys
import textwrap
from dataclasses import dataclass, field

from .csv_output import write_csv
from .file_names import file_stem


def _import_matplotlib():
    """matplotlib, imported from this package's folder: on import it reads a `matplotlibrc` in
    the working folder before any other, and one in a folder someone sent (or a FIFO or
    /dev/zero under that name) would restyle every chart or hang the command."""
    if "matplotlib" in sys.modules:
        return sys.modules["matplotlib"]
    try:
        working = os.getcwd()
    except OSError:  # a working folder since removed: nothing there to read either
        working = None
    os.chdir(os.path.dirname(os.path.abspath(__file__)))
    try:
        import matplotlib
    finally:
        if working is not None:
            os.chdir(working)
    return matplotlib


matplotlib = _import_matplotlib()
matplotlib.use("Agg")  # files only, no display
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.ticker import LogFormatter  # noqa: E402

# A strategy's colour is its own (strategies.<name>.colour in the scenario: the built-in ones
# carry Paul Tol's colour-blind-safe "muted" scheme, scenarios/presets/presets.toml), so a
# preset keeps its colour in every report. Strategies without one take Okabe and Ito's
# colour-blind-safe scheme, black dropped, in order.
EXTRA_COLOURS = ["#AA4499", "#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7",
                 "#F0E442"]

FORMATS = ("png", "svg", "pdf")

# Matplotlib's own defaults, then this style: nothing from a user's or a folder's matplotlibrc.
matplotlib.rcdefaults()
plt.rcParams.update({
    # Names are text: "$5k_to_$10k" is not maths, and "$\undefinedmacro{x}$" does not stop the
    # report. Every Text (titles, legends, tick labels, annotations) reads these when made.
    "text.parse_math": False,
    "text.usetex": False,
    "figure.figsize": (8, 5),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "legend.fontsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "svg.hashsalt": "placesim",  # the same chart gives the same SVG
})


_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


def strategy_colours(results):
    """{strategy: colour}: each strategy's own colour (#RRGGBB, as the scenario reader checks
    them; anything else in a file is ignored), the others the extra colours in order."""
    own = {s: c for s, c in results.strategy_colours.items() if isinstance(c, str) and _COLOUR.fullmatch(c)}
    taken = set(own.values())
    extra = iter([c for c in EXTRA_COLOURS if c not in taken] * (1 + len(own)))
    return {s: own.get(s) or next(extra) for s in results.strategies}


def wrap(title, width=70):
    """Long titles on several lines."""
    return textwrap.fill(title, width)


def pretty(name):
    """'cross_sector_programme' -> 'cross sector programme'."""
    return name.replace("_", " ")


def axis_title(label, units):
    """'place outcome index (outcome, 0-1)' without saying a word twice: units are added only
    when they say something the label does not."""
    if not units:
        return label
    head = units.split("(")[0].strip()
    if head and head.lower() in label.lower():
        rest = units[len(units.split("(")[0]):].strip()
        return f"{label} {rest}" if rest else label
    return f"{label} ({units})"


class PlainLogFormatter(LogFormatter):
    """Log-axis labels as plain numbers (0.01, 10, 1e-05): matplotlib's own are TeX, which the
    style does not parse."""

    def _num_to_string(self, x, vmin, vmax):  # LogFormatter's hook for a tick's text
        return f"{x:g}"


def log_y(ax):
    """A log y axis labelled in plain numbers."""
    ax.set_yscale("log")
    ax.yaxis.set_major_formatter(PlainLogFormatter())
    ax.yaxis.set_minor_formatter(PlainLogFormatter(labelOnlyBase=False))


def mark_elections(ax, months):
    """Dotted vertical lines at election months (the caption says so)."""
    for month in months:
        ax.axvline(month, color="#999999", linewidth=0.7, linestyle=":", zorder=0)


@dataclass
class Chart:
    name: str                 # file stem
    title: str                # the question the chart answers
    figure: object            # matplotlib Figure
    data: pd.DataFrame        # the chart's data, tidy
    caption: str = ""
    files: list = field(default_factory=list)
    interactive: object = None  # a plotly Figure shown in the page instead of the PNG (interactive.py)

    def __post_init__(self):
        self.name = file_stem(self.name)  # names of strategies, metrics or parameters: file_names.py

    def save(self, directory, formats=FORMATS):
        for fmt in formats:
            path = directory / f"{self.name}.{fmt}"
            # No creation date in SVG and PDF: the same data give the same files.
            metadata = {"svg": {"Date": None}, "pdf": {"CreationDate": None}}.get(fmt)
            self.figure.savefig(path, format=fmt, metadata=metadata)
            self.files.append(path.name)
        write_csv(self.data, directory / f"{self.name}.csv")
        self.files.append(f"{self.name}.csv")
        plt.close(self.figure)
