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
    """The usual Morris screen: mu* against sigma per parameter (Campolongo et al. 2007), one
    panel per strategy. Parameters far right matter; high ones act non-linearly or with others."""
    parameters = results.parameters
    delta = float(results.design_attrs["morris_delta"])
    table = point_means(results, metric)
    strategies = results.strategies
    figure, axes = plt.subplots(1, len(strategies), figsize=(1.0 + 4.2 * len(strategies), 4.2), squeeze=False)
    rows = []
    for ax, strategy in zip(axes.flat, strategies):
        mine = table[table.strategy == strategy]
        effects = morris_effects(mine["morris_trajectory"].to_numpy(), list(mine["morris_moved"]),
                                 mine["morris_direction"].to_numpy(), mine["value"].to_numpy(), delta, parameters)
        indices = morris_indices(effects)
        for i, parameter in enumerate(parameters):
            row = {"outcome": metric, "strategy": strategy, "parameter": parameter}
            row.update({k: float(v[i]) for k, v in indices.items()})
            rows.append(row)
            error = [[max(row["mu_star"] - row["mu_star_low"], 0)], [max(row["mu_star_high"] - row["mu_star"], 0)]]
            ax.errorbar(row["mu_star"], row["sigma"], xerr=error, fmt="o", color="#117733", capsize=2)
            ax.annotate(parameter, (row["mu_star"], row["sigma"]), textcoords="offset points", xytext=(4, 4),
                        fontsize=8)
        top = max(np.nanmax(indices["mu_star_high"]), np.nanmax(indices["sigma"]), 1e-12) * 1.1
        ax.plot([0, top], [0, top], color="#999999", linewidth=0.8, linestyle="--")
        ax.set_xlim(0, top)
        ax.set_ylim(0, top)
        ax.set_xlabel("mu* (mean absolute elementary effect)")
        ax.set_ylabel("sigma (spread of the effects)")
        ax.set_title(pretty(strategy))
    label = pretty(metric)
    question = f"Which parameters move {label} at the last month most, and how non-linearly?"
    figure.suptitle(question)
    figure.tight_layout()
    return Chart(f"morris_{metric}", question, figure, pd.DataFrame(rows),
                 f"Morris screening of {label} at the last month (averaged over replicates): each parameter's "
                 "mu* (mean absolute elementary effect per unit of its range, with a 95% bootstrap interval over "
                 "trajectories) against sigma (their spread). Far right: the parameter matters; above the dashed "
                 "line sigma = mu*: its effect depends on the other parameters or is non-linear.")
