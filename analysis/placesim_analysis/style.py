"""Report-quality defaults: one fixed, colour-blind-safe colour per strategy, readable sizes,
and every chart saved as PNG, SVG and PDF."""
import textwrap
from dataclasses import dataclass, field

import matplotlib

matplotlib.use("Agg")  # files only, no display
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

# Paul Tol's "muted" scheme (colour-blind safe), baseline in black. The presets always get the
# same colour, whatever the scenario compares; strategies a user composes take the rest in order.
PRESET_COLOURS = {
    "baseline": "#000000",
    "peer_review": "#332288",
    "co_design": "#88CCEE",
    "action_learning": "#44AA99",
    "diagnostic": "#117733",
    "cross_sector_programme": "#999933",
    "top_team_workshops": "#DDCC77",
    "total_place": "#CC6677",
    "mentoring": "#882255",
}
# Okabe and Ito's colour-blind-safe scheme, black dropped, for user-composed strategies.
EXTRA_COLOURS = ["#AA4499", "#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7",
                 "#F0E442"]

FORMATS = ("png", "svg", "pdf")

plt.rcParams.update({
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


def strategy_colours(strategies):
    """{strategy: colour}: presets their fixed colour, others the extra colours in order."""
    colours = {}
    extra = iter(EXTRA_COLOURS * (1 + len(strategies) // len(EXTRA_COLOURS)))
    for s in strategies:
        colours[s] = PRESET_COLOURS.get(s) or next(extra)
    return colours


def wrap(title, width=70):
    """Long titles on several lines."""
    return textwrap.fill(title, width)


def pretty(name):
    """'cross_sector_programme' -> 'cross sector programme'."""
    return name.replace("_", " ")


@dataclass
class Chart:
    name: str                 # file stem
    title: str                # the question the chart answers
    figure: object            # matplotlib Figure
    data: pd.DataFrame        # the chart's data, tidy
    caption: str = ""
    files: list = field(default_factory=list)

    def save(self, directory, formats=FORMATS):
        for fmt in formats:
            path = directory / f"{self.name}.{fmt}"
            # No creation date in SVG and PDF: the same data give the same files.
            metadata = {"svg": {"Date": None}, "pdf": {"CreationDate": None}}.get(fmt)
            self.figure.savefig(path, format=fmt, metadata=metadata)
            self.files.append(path.name)
        self.data.to_csv(directory / f"{self.name}.csv", index=False)
        self.files.append(f"{self.name}.csv")
        plt.close(self.figure)
