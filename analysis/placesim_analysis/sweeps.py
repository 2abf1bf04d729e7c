"""Sensitivity charts for Sobol and Morris sweeps: indices per parameter with bootstrap
intervals, one panel per strategy, for an outcome at the last month averaged over replicates."""
import warnings

import numpy as np
import pandas as pd
import matplotlib.pyplot as plt

from .sensitivity import is_power_of_two, morris_effects, morris_indices, sobol_indices, sobol_matrices
from .style import Chart, pretty


def point_means(results, metric):
    """The outcome at the last month averaged over replicates: a table with one row per
    (strategy, point) and the design columns of that point."""
    final = results.metric(metric).isel(month=-1)
    table = pd.DataFrame({"strategy": final["strategy"].values, "point": final["point"].values,
                          "value": final.values})
    means = table.groupby(["strategy", "point"], sort=False)["value"].mean().reset_index()
    first_runs = results.design.reset_index().groupby("point").first()
    return means.join(first_runs.drop(columns=["strategy"]), on="point").sort_values(["strategy", "point"])


def _bars(results, metric, question, name, caption, compute, series):
    strategies = results.strategies
    parameters = results.parameters
    figure, axes = plt.subplots(1, len(strategies), figsize=(1.2 + 3.2 * len(strategies), 1.8 + 0.45 * len(parameters)),
                                sharey=True, squeeze=False)
    rows = []
    table = point_means(results, metric)
    for ax, strategy in zip(axes.flat, strategies):
        mine = table[table.strategy == strategy]
        indices = compute(mine)
        y = np.arange(len(parameters))
        height = 0.8 / len(series)
        for k, (key, low, high, label, colour) in enumerate(series):
            value = indices[key]
            error = None
            if low:
                error = [np.maximum(value - indices[low], 0), np.maximum(indices[high] - value, 0)]
            ax.barh(y + (k - (len(series) - 1) / 2) * height, value, height=height, xerr=error,
                    color=colour, label=label, capsize=2)
        for i, parameter in enumerate(parameters):
            row = {"outcome": metric, "strategy": strategy, "parameter": parameter}
            row.update({k: float(v[i]) for k, v in indices.items()})
            rows.append(row)
        ax.set_yticks(y, parameters)
        ax.invert_yaxis()
        ax.set_title(pretty(strategy))
        ax.axvline(0, color="#555555", linewidth=0.8)
    axes.flat[0].legend(loc="lower right", frameon=False)
    figure.suptitle(question)
    figure.tight_layout()
    return Chart(name, question, figure, pd.DataFrame(rows), caption)


def sobol_chart(results, metric):
    parameters = results.parameters
    samples = int(results.design_attrs.get("samples", 0))
    caveat = ""
    if not is_power_of_two(samples):
        # A Sobol sequence is balanced only at powers of two: other sizes estimate less well.
        caveat = (f" The design has {samples} base samples, not a power of two: the Sobol sequence is "
                  "balanced only at powers of two, so these estimates are less precise than they could be.")
        warnings.warn(f"sobol design of {samples} base samples: use a power of two (e.g. "
                      f"{1 << max(samples - 1, 1).bit_length()})", stacklevel=2)

    def compute(mine):
        fA, fB, fAB = sobol_matrices(mine["sobol_sample"], mine["sobol_matrix"], mine["value"], parameters)
        return sobol_indices(fA, fB, fAB)

    label = pretty(metric)
    question = f"Which parameters drive {label} at the last month, alone and with the others?"
    return _bars(results, metric, question, f"sobol_{metric}",
                 "Sobol first-order (Saltelli et al. 2010) and total-order (Jansen 1999) indices of "
                 f"{label} at the last month, averaged over replicates, with 95% bootstrap intervals "
                 "over base samples." + caveat, compute,
                 [("first", "first_low", "first_high", "first order", "#332288"),
                  ("total", "total_low", "total_high", "total order", "#88CCEE")])


def morris_chart(results, metric):
    parameters = results.parameters
    delta = float(results.design_attrs["morris_delta"])

    def compute(mine):
        effects = morris_effects(mine["morris_trajectory"].to_numpy(), list(mine["morris_moved"]),
                                 mine["morris_direction"].to_numpy(), mine["value"].to_numpy(),
                                 delta, parameters)
        return morris_indices(effects)

    label = pretty(metric)
    question = f"Which parameters move {label} at the last month most, and how non-linearly?"
    return _bars(results, metric, question, f"morris_{metric}",
                 f"Morris elementary effects of {label} at the last month (averaged over replicates), "
                 "per unit of the parameter's range: mu* (mean absolute effect, with a 95% bootstrap "
                 "interval over trajectories) and sigma (their spread: interactions or non-linearity).",
                 compute,
                 [("mu_star", "mu_star_low", "mu_star_high", "mu*", "#117733"),
                  ("sigma", None, None, "sigma", "#DDCC77")])
