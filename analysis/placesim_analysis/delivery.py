"""How much of each strategy happened: sessions held, invitations, attendance and take-up, cost,
and the standing arrangements programmes leave behind (the dose behind every effect)."""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt

from .loader import BASELINE
from .statistics import mean_interval
from .style import Chart, pretty, strategy_colours
from .tables import interval

COLUMNS = {"intervention_sessions": "sessions", "invitations": "invitations", "participants": "attendances"}


def delivery(results):
    """Per run totals over the whole run, averaged over each strategy's runs (95% intervals)."""
    strategies = [s for s in results.strategies if s != BASELINE]
    labels = results.metric("intervention_sessions")["strategy"].values
    totals = {k: np.nansum(results.metric(k).values, axis=1) for k in COLUMNS}
    arrangements = results.metric("arrangements").values[:, -1] if "arrangements" in results.metrics else None
    cost = results.metric("cost_cumulative").values[:, -1]
    rows = []
    for s in strategies:
        mine = labels == s
        row = {"strategy": s, "runs": int(mine.sum())}
        for k, name in COLUMNS.items():
            m, lo, hi, _ = mean_interval(totals[k][mine])
            row.update({name: float(m), f"{name}_ci_low": float(lo), f"{name}_ci_high": float(hi)})
        with np.errstate(invalid="ignore", divide="ignore"):
            take_up = totals["participants"][mine] / totals["invitations"][mine]
        m, lo, hi, _ = mean_interval(take_up)
        row.update({"take_up": float(m), "take_up_ci_low": float(lo), "take_up_ci_high": float(hi)})
        m, lo, hi, _ = mean_interval(cost[mine])
        row.update({"cost": float(m), "cost_ci_low": float(lo), "cost_ci_high": float(hi)})
        if arrangements is not None:
            row["arrangements_at_end"] = float(np.nanmean(arrangements[mine]))
        rows.append(row)
    data = pd.DataFrame(rows)
    colours = strategy_colours(results)
    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 1.6 + 0.42 * len(strategies)), sharey=True)
    for y, row in data.iterrows():
        for ax, key in ((left, "attendances"), (right, "take_up")):
            if np.isfinite(row[key]):
                error = None
                if np.isfinite(row[f"{key}_ci_low"]):
                    error = [[row[key] - row[f"{key}_ci_low"]], [row[f"{key}_ci_high"] - row[key]]]
                ax.errorbar(row[key], y, xerr=error, fmt="o", color=colours[row["strategy"]], capsize=3)
    left.set_yticks(range(len(strategies)), [pretty(s) for s in strategies])
    left.invert_yaxis()
    left.set_xlabel("attendances per run (a leader at a session)")
    right.set_xlabel("take-up: attendances / invitations")
    question = "How much of each strategy happened: attendance and take-up"
    figure.suptitle(question)
    figure.tight_layout()
    return Chart("delivery", question, figure, data,
                 "Per run, over the whole run: sessions held, invitations sent (one per participant per "
                 "session), attendances, take-up (attendances / invitations), cost, and standing "
                 "arrangements still meeting at the end; means over each strategy's runs with 95% intervals.")


def delivery_table(data):
    table = pd.DataFrame({"Strategy": [pretty(s) for s in data["strategy"]]})
    for key, heading, decimals in (("sessions", "Sessions", 0), ("attendances", "Attendances", 0),
                                   ("take_up", "Take-up", 2), ("cost", "Cost, GBP k", 0)):
        table[heading] = [interval(m, lo, hi, decimals) for m, lo, hi in
                          zip(data[key], data[f"{key}_ci_low"], data[f"{key}_ci_high"])]
    if "arrangements_at_end" in data:
        table["Arrangements at the end"] = [f"{v:.1f}" for v in data["arrangements_at_end"]]
    table["Runs"] = data["runs"]
    return table
