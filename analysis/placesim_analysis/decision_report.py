"""The report's first screen: the decision (placesim compare's answer) in words, one chart and
two tables: which strategy, how much better, how sure, at what cost."""
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import matplotlib.pyplot as plt

from . import interactive
from .economics import GAIN_STEP, ICER_PER_STEP, MONEY_UNITS, PER_STEP
from .html_safety import plotly_text
from .loader import BASELINE
from .style import Chart, pretty, strategy_colours, wrap
from .tables import decimals_for, interval, number


def _primary_rows(c):
    """One row per strategy in ranked order: mean, gain and economics of the primary outcome,
    the money in MONEY_UNITS, named as compare's CSV names them (PER_STEP, ICER_PER_STEP)."""
    means = c.means[c.means.outcome == c.primary].set_index("strategy")
    rows = []
    for rank, s in enumerate(c.ranking, 1):
        row = {"rank": rank, "strategy": s, "mean": means.loc[s, "mean"], "mean_low": means.loc[s, "low"],
               "mean_high": means.loc[s, "high"], "pairs": int(means.loc[s, "pairs"]),
               "probability_best": float(c.best[s])}
        if not c.economics.empty:
            e = c.economics.set_index("strategy").loc[s]
            row.update({k: e[k] for k in ("gain", "gain_low", "gain_high", "cost", "cost_low", "cost_high", "status")})
            for k, name in (("cost_per_step", PER_STEP), ("cost_per_step_low", f"{PER_STEP}_low"),
                            ("cost_per_step_high", f"{PER_STEP}_high")):
                row[name] = e.get(k, np.nan)
            row.update({ICER_PER_STEP: e["icer"] * GAIN_STEP, "icer_versus": e["icer_versus"],
                        "money_units": MONEY_UNITS})
        rows.append(row)
    return pd.DataFrame(rows)


def decision_chart(results, c):
    """Gain over baseline (or the mean, without a baseline) of the deciding outcome, ranked, with
    95% intervals; the probability of being best and the cost per unit of gain beside each."""
    data = _primary_rows(c)
    label = results.labels.get(c.primary, c.primary)
    with_gain = "gain" in data.columns
    shown = data[data.strategy != BASELINE] if with_gain else data
    value, low, high = ("gain", "gain_low", "gain_high") if with_gain else ("mean", "mean_low", "mean_high")
    colours = strategy_colours(results)
    d = decimals_for(shown[value])

    def note(row):
        parts = [f"P(best) {row['probability_best']:.2f}"] if np.isfinite(row["probability_best"]) else []
        if with_gain and np.isfinite(row.get(PER_STEP, np.nan)):
            parts.append(f"GBP {row[PER_STEP]:,.0f}k per {GAIN_STEP:g}")
        return ", ".join(parts)

    question = (f"Which strategy raises {label} most over baseline at {c.window.describe()}, how sure is that, and "
                f"at what cost?" if with_gain else f"Which strategy gives the highest {label} at {c.window.describe()}?")
    figure, ax = plt.subplots(figsize=(9, 1.4 + 0.45 * len(shown)))
    ax.axvline(0, color="#555555", linewidth=0.8)
    for y, (_, row) in enumerate(shown.iterrows()):
        error = None
        if np.isfinite(row[low]):
            error = [[row[value] - row[low]], [row[high] - row[value]]]
        ax.errorbar(row[value], y, xerr=error, fmt="o", color=colours[row["strategy"]], capsize=3, markersize=7)
        ax.annotate(note(row), (1.01, y), xycoords=("axes fraction", "data"), va="center", fontsize=9)
    ax.set_yticks(range(len(shown)), [pretty(s) for s in shown["strategy"]])
    ax.invert_yaxis()
    ax.set_xlabel(f"{'gain in ' if with_gain else ''}{label} at {c.window.describe()}"
                  + (" (strategy minus baseline, paired)" if with_gain else ""))
    ax.set_title(wrap(question, 80))
    figure.tight_layout()

    live = go.Figure()
    live.add_vline(x=0, line={"color": "#555555", "width": 1})
    for _, row in shown.iterrows():
        name = plotly_text(pretty(row["strategy"]))  # plain text in plotly's markup
        hover = (f"<b>{name}</b><br>{'gain' if with_gain else 'mean'} "
                 f"{interval(row[value], row[low], row[high], d)}<br>{note(row)}")
        if with_gain:
            hover += f"<br>cost GBP {row['cost']:,.0f}k; {row['status']}"
        error = None
        if np.isfinite(row[low]):
            error = {"type": "data", "symmetric": False, "array": [row[high] - row[value]],
                     "arrayminus": [row[value] - row[low]]}
        live.add_trace(go.Scatter(x=[row[value]], y=[name], mode="markers", error_x=error,
                                  marker={"size": 11, "color": colours[row["strategy"]]}, name=name,
                                  hovertext=[hover], hoverinfo="text"))
    interactive.layout(live, question, ax.get_xlabel(), "", height=140 + 38 * len(shown))
    live.update_layout(hovermode="closest", showlegend=False)
    live.update_yaxes(autorange="reversed")
    plt_data = data.copy()
    plt_data.insert(0, "months", c.window.describe())
    plt_data.insert(1, "outcome", c.primary)
    return Chart("decision", question, figure, plt_data,
                 "Paired differences from baseline (replicate r of each strategy against replicate r of "
                 "baseline) with 95% t intervals; the probability of being best is the share of 2,000 bootstrap "
                 "resamples of the replicates in which the strategy ranks first; cost per "
                 f"{GAIN_STEP:g} of gain ({PER_STEP} in the CSV, in {MONEY_UNITS}, as is {ICER_PER_STEP}) is mean "
                 f"cost / (mean gain / {GAIN_STEP:g}), given where the gain's interval is above zero. Hover a "
                 "strategy for its numbers.", interactive=live)


def ranking_table(results, c):
    """The decision as a table to paste: one row per strategy, ranked."""
    data = _primary_rows(c)
    label = results.labels.get(c.primary, c.primary)
    d = decimals_for(data["mean"])
    table = pd.DataFrame({"Rank": data["rank"], "Strategy": [pretty(s) for s in data["strategy"]],
                          f"{label} (95% CI)": [interval(m, lo, hi, d) for m, lo, hi in
                                                zip(data["mean"], data["mean_low"], data["mean_high"])],
                          "P(best)": [f"{p:.2f}" if np.isfinite(p) else "" for p in data["probability_best"]]})
    if "gain" in data.columns:
        dg = decimals_for(data["gain"])
        table["Gain over baseline (95% CI)"] = [interval(g, lo, hi, dg) if s != BASELINE else ""
                                                for s, g, lo, hi in zip(data["strategy"], data["gain"],
                                                                        data["gain_low"], data["gain_high"])]
        table["Cost, GBP k (95% CI)"] = [interval(m, lo, hi, 0) if s != BASELINE else ""
                                         for s, m, lo, hi in zip(data["strategy"], data["cost"], data["cost_low"],
                                                                 data["cost_high"])]
        table[f"GBP k per {GAIN_STEP:g} gain (95% CI)"] = [
            interval(m, lo, hi, 0) for m, lo, hi in zip(data[PER_STEP], data[f"{PER_STEP}_low"],
                                                        data[f"{PER_STEP}_high"])]
        table["Cost-effectiveness"] = [
            "" if s == BASELINE else (f"{status}; ICER GBP {icer:,.0f}k per {GAIN_STEP:g} vs "
                                      f"{pretty(versus)}" if np.isfinite(icer) else status)
            for s, status, icer, versus in zip(data["strategy"], data["status"], data[ICER_PER_STEP],
                                               data["icer_versus"])]
    table["Replicates"] = data["pairs"]
    return table


def differences_table(results, c):
    """Every pairwise paired difference of the deciding outcome, Holm-adjusted."""
    d = c.differences[c.differences.outcome == c.primary]
    dd = decimals_for(d["difference"])
    return pd.DataFrame({"Strategy": [pretty(s) for s in d["strategy"]],
                         "minus": [pretty(s) for s in d["versus"]],
                         "Difference (Holm-adjusted CI)": [interval(m, lo, hi, dd) for m, lo, hi in
                                                           zip(d["difference"], d["low"], d["high"])],
                         "p (Holm)": ["" if np.isnan(p) else number(p, 3) if p >= 0.001 else "< 0.001"
                                      for p in d["p_holm"]],
                         "Declared": ["yes" if (lo > 0 or hi < 0) else "no" for lo, hi in zip(d["low"], d["high"])],
                         "Replicates": d["pairs"].to_numpy()})
