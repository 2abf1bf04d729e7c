"""Sector-by-sector trust at chosen months, and an outcome over two parameters of a grid sweep."""
import warnings

import numpy as np
import pandas as pd
import matplotlib.pyplot as plt

from .loader import BASELINE
from .style import Chart, pretty
from .tables import decimals_for

COLOUR_MAP = "viridis"  # perceptually uniform and colour-blind safe


def _panels(count, width=3.6, height=3.2, share=False):
    columns = min(3, count)
    lines = (count + columns - 1) // columns
    figure, axes = plt.subplots(lines, columns, figsize=(width * columns + 1.2, height * lines),
                                squeeze=False, sharex=share, sharey=share, layout="constrained")
    for ax in axes.flat[count:]:
        ax.set_visible(False)
    return figure, list(axes.flat)[:count]


def default_heatmap_months(months):
    """The start, the middle and the end."""
    return sorted({0, months // 2, months})


def _sector_means(results, month):
    """[strategy] -> mean trust [from, to] at the month, sectors with no ties at all left out."""
    array = results.metric("trust_by_sector")
    column = int(np.flatnonzero(array["month"].values == month)[0])
    values = array.isel(month=column)
    present = ~np.all(np.isnan(values.values), axis=(0, 2)) | ~np.all(np.isnan(values.values), axis=(0, 1))
    values = values.isel(sector_from=np.flatnonzero(present), sector_to=np.flatnonzero(present))
    means = {}
    for strategy in results.strategies:
        mine = values.values[values["strategy"].values == strategy]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # a pair of sectors with no ties
            means[strategy] = (np.nanmean(mine, axis=0), mine.shape[0])
    return [str(s) for s in values["sector_from"].values], [str(s) for s in values["sector_to"].values], means


def sector_trust(results, month):
    """Trust from each sector to each other at a month. Strategies' levels look alike, so after
    month 0 each strategy is shown as its difference from baseline (what it changed); at month 0,
    where every strategy starts alike, the levels. Without a baseline, the levels throughout."""
    senders, receivers, means = _sector_means(results, month)
    against = BASELINE if month > 0 and BASELINE in means and len(means) > 1 else None
    strategies = [s for s in results.strategies if s != against]
    shown = {s: means[s][0] - means[against][0] if against else means[s][0] for s in strategies}
    if against is None and month == 0 and all(np.allclose(shown[s], shown[strategies[0]], equal_nan=True)
                                              for s in strategies):
        strategies = strategies[:1]  # every strategy starts alike: one panel says it
    reach = max(0.02, np.nanmax(np.abs(np.concatenate([shown[s].ravel() for s in strategies])))) if against else 1
    figure, axes = _panels(len(strategies), share=True)
    image = None
    for ax, strategy in zip(axes, strategies):
        values = shown[strategy]
        image = (ax.imshow(values, vmin=-reach, vmax=reach, cmap="PuOr") if against
                 else ax.imshow(values, vmin=0, vmax=1, cmap=COLOUR_MAP))
        for i in range(len(senders)):
            for j in range(len(receivers)):
                if np.isfinite(values[i, j]):
                    dark = abs(values[i, j]) > 0.6 * reach if against else values[i, j] < 0.6
                    text = (f"{values[i, j]:+.2f}" if round(values[i, j], 2) != 0 else "0.00") if against \
                        else f"{values[i, j]:.2f}"
                    ax.text(j, i, text, ha="center",
                            va="center", fontsize=7, color="white" if dark else "black")
        ax.set_xticks(range(len(receivers)), receivers)
        ax.tick_params(axis="x", labelrotation=45)
        ax.set_yticks(range(len(senders)), senders)
        ax.set_title("every strategy" if len(strategies) == 1 and len(means) > 1 and not against else pretty(strategy))
        ax.grid(False)
    rows = []
    for strategy in results.strategies:
        mean, runs = means[strategy]
        for i in range(len(senders)):
            for j in range(len(receivers)):
                row = {"month": month, "strategy": strategy, "sector_from": senders[i], "sector_to": receivers[j],
                       "mean_trust": float(mean[i, j]), "runs": int(runs)}
                if against:
                    row["difference_from_baseline"] = float(mean[i, j] - means[against][0][i, j])
                rows.append(row)
    figure.supxlabel("trusted sector")
    figure.supylabel("trusting sector")
    question = (f"How does each strategy change trust between sectors by month {month}, against baseline?" if against
                else f"Which sectors trust which at month {month}?")
    figure.suptitle(question)
    figure.colorbar(image, ax=list(axes), shrink=0.6,
                    label="mean trust: strategy minus baseline" if against else "mean trust (0-1)")
    caption = ("Mean trust on ties from the row's sector to the column's over all runs (blank: no such ties)")
    caption += (f": each strategy's minus baseline's at month {month} (purple: higher, orange: lower); the CSV "
                "has every strategy's levels, baseline's included." if against else ".")
    return Chart(f"trust_by_sector_month_{month}", question, figure, pd.DataFrame(rows), caption)


def grid_outcome(results, metric, first, second):
    """An outcome at the last month over two parameters of a grid sweep, one panel per
    strategy, averaged over replicates and over any other swept parameter."""
    final = results.metric(metric).isel(month=-1)
    design = results.design.loc[final["run"].values]
    table = pd.DataFrame({"strategy": final["strategy"].values, first: design[first].to_numpy(),
                          second: design[second].to_numpy(), "value": final.values})
    grouped = table.groupby(["strategy", first, second])["value"].agg(["mean", "count"]).reset_index()
    xs = sorted(table[first].unique())
    ys = sorted(table[second].unique())
    strategies = results.strategies
    figure, axes = _panels(len(strategies))
    low, high = np.nanmin(grouped["mean"]), np.nanmax(grouped["mean"])
    image = None
    for ax, strategy in zip(axes, strategies):
        grid = np.full((len(ys), len(xs)), np.nan)
        for _, row in grouped[grouped.strategy == strategy].iterrows():
            grid[ys.index(row[second]), xs.index(row[first])] = row["mean"]
        image = ax.imshow(grid, origin="lower", cmap=COLOUR_MAP, vmin=low, vmax=high, aspect="auto")
        middle = (low + high) / 2
        digits = decimals_for(grouped["mean"])
        for i in range(len(ys)):
            for j in range(len(xs)):
                if np.isfinite(grid[i, j]):
                    ax.text(j, i, f"{grid[i, j]:.{digits}f}", ha="center", va="center", fontsize=7,
                            color="white" if grid[i, j] < middle else "black")
        ax.set_xticks(range(len(xs)), [f"{x:g}" if isinstance(x, float) else str(x) for x in xs],
                      rotation=45, ha="right")
        ax.set_yticks(range(len(ys)), [f"{y:g}" if isinstance(y, float) else str(y) for y in ys])
        ax.set_title(pretty(strategy))
        ax.grid(False)
    figure.supxlabel(first)
    figure.supylabel(second)
    label = pretty(metric)
    question = f"How does {label} at the last month depend on {first} and {second}?"
    figure.suptitle(question)
    figure.colorbar(image, ax=list(axes), shrink=0.8,
                    label=f"{label} ({results.units.get(metric, '')})")
    data = grouped.rename(columns={"count": "runs"})
    data.insert(0, "outcome", metric)
    return Chart(f"grid_{metric}", question, figure, data,
                 f"Mean {label} at the last month at each grid point (the value in each cell), over "
                 "replicates and any other swept parameter.")
