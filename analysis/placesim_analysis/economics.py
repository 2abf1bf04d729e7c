"""Cost against gain: what each strategy costs by the evaluation month and what it buys."""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt

from .loader import BASELINE
from .statistics import mean_interval, paired_difference
from .style import Chart, pretty, strategy_colours, wrap

GAIN_METRIC = "place_index"
GAIN_STEP = 0.01  # cost is quoted per this much gain in the place index
# What every table calls the cost per GAIN_STEP of gain and the ICER (both per GAIN_STEP, in
# MONEY_UNITS): compare's CSV and the report's CSVs say it alike.
PER_STEP = f"cost_per_{GAIN_STEP:g}"
ICER_PER_STEP = f"icer_per_{GAIN_STEP:g}"
MONEY_UNITS = "GBP thousand"


def cost_effectiveness(results, at_month):
    cost = results.metric("cost_cumulative").sel(month=at_month)
    gain = results.metric(GAIN_METRIC).sel(month=at_month)
    trust = results.metric("trust_cross_sector").sel(month=at_month)
    colours = strategy_colours(results)
    rows = []
    figure, ax = plt.subplots()
    ax.axhline(0, color="#555555", linewidth=0.8)
    for strategy in results.strategies:
        if strategy == BASELINE:
            continue
        values = cost.values[cost["strategy"].values == strategy]
        c, c_low, c_high, runs = mean_interval(values)
        g, g_low, g_high, pairs = paired_difference(gain, strategy, BASELINE)
        t, t_low, t_high, _ = paired_difference(trust, strategy, BASELINE)
        per_step = c / (g / GAIN_STEP) if g > 0 else np.nan
        rows.append({"strategy": strategy, "cost_gbp_thousand": float(c),
                     "cost_ci_low": float(c_low), "cost_ci_high": float(c_high),
                     "place_index_gain": float(g), "gain_ci_low": float(g_low),
                     "gain_ci_high": float(g_high),
                     "trust_cross_sector_gain": float(t), "trust_ci_low": float(t_low),
                     "trust_ci_high": float(t_high),
                     PER_STEP: float(per_step), "runs": int(runs),
                     "pairs": int(pairs)})
        ax.errorbar(float(c), float(g), xerr=[[float(c - c_low)], [float(c_high - c)]],
                    yerr=[[float(g - g_low)], [float(g_high - g)]], fmt="o", color=colours[strategy],
                    capsize=3, markersize=7, label=pretty(strategy))
    question = "What does each strategy cost, and what gain in the place's outcomes does it buy?"
    ax.set_xlabel(f"cost by month {at_month} (GBP thousand)")
    ax.set_ylabel(f"gain in place outcome index at month {at_month}")
    ax.set_title(wrap(question))
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
    return Chart("cost_effectiveness", question, figure, pd.DataFrame(rows),
                 "Mean cumulative cost per run against the paired gain over baseline in the place "
                 f"outcome index at month {at_month} (the evaluation month), both with 95% confidence intervals. "
                 f"The table's {PER_STEP} is the cost in {MONEY_UNITS} per {GAIN_STEP:g} of place index, "
                 f"cost / (gain / {GAIN_STEP:g}), only where the gain is positive.")
