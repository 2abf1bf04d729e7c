"""The key outcomes: trajectories per strategy, paired differences from baseline over time, and
effects at the end and 24 months after each strategy's last session (legacy)."""
from dataclasses import dataclass

import numpy as np
import pandas as pd
import matplotlib.pyplot as plt

from . import interactive
from .loader import BASELINE
from .statistics import mean_interval, paired_difference, by_strategy
from .style import Chart, axis_title, mark_elections, pretty, strategy_colours, wrap

LEGACY_MONTHS = 24


@dataclass(frozen=True)
class Outcome:
    metric: str
    label: str
    question: str


# The question each chart of a key outcome answers; the key outcomes themselves, and their
# labels, come from the results file (the metrics' key_outcome and long_name attributes).
QUESTIONS = {
    "place_index": "Do the place's outcomes improve, and under which strategy?",
    "trust_cross_sector": "Do leaders of different sectors come to trust each other more?",
    "trust_member_officer": "Do councillors and officers trust each other more?",
    "strong_cross_sector_ties": "Do leaders build strong relationships across sectors?",
    "shared_ambition": "Do the sectors come to share priorities for the place?",
    "alignment_with_residents": "Do leaders' priorities move towards what residents care about?",
}


def key_outcomes(results):
    """The file's key outcomes, the place index first."""
    names = sorted(results.key_outcomes, key=lambda m: m != "place_index")
    return [Outcome(m, results.labels.get(m, m), QUESTIONS.get(m, f"How does {results.labels.get(m, m)} change?"))
            for m in names if m in results.metrics]


def axis_label(results, outcome):
    return axis_title(outcome.label, results.units.get(outcome.metric, ""))


ELECTION_NOTE = " Dotted lines: months in which elections are held."


def _ribbons(results, outcome, months, series, value_name, count_name, ylabel, question,
             zero_line=False, elections=()):
    """Lines with 95% ribbons, one per strategy; series: {strategy: (mean, low, high, n)}.
    Returns the static figure, its data and the interactive figure."""
    colours = strategy_colours(results)
    figure, ax = plt.subplots()
    mark_elections(ax, elections)
    if zero_line:
        ax.axhline(0, color="#555555", linewidth=0.8)
    rows = []
    for strategy, (mean, low, high, n) in series.items():
        ax.plot(months, mean, color=colours[strategy], label=pretty(strategy), linewidth=1.6)
        ax.fill_between(months, low, high, color=colours[strategy], alpha=0.15, linewidth=0)
        rows.append(pd.DataFrame({"strategy": strategy, "month": months, value_name: mean,
                                  "ci_low": low, "ci_high": high, count_name: n}))
    ax.set_xlabel("month")
    ax.set_ylabel(ylabel)
    ax.set_title(wrap(question))
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
    data = pd.concat(rows, ignore_index=True)
    data.insert(0, "outcome", outcome.metric)
    live = interactive.ribbons(months, series, colours, {s: pretty(s) for s in series})
    interactive.mark_months(live, elections)
    interactive.layout(live, question, "month", ylabel)
    if zero_line:
        live.add_hline(y=0, line={"color": "#555555", "width": 1})
    return figure, data, live


def trajectories(results, outcome, elections=()):
    """Mean trajectory of one outcome per strategy with its 95% interval over runs."""
    array = results.metric(outcome.metric)
    series = {s: mean_interval(v, axis=0) for s, v in by_strategy(array, results.strategies).items()}
    figure, data, live = _ribbons(results, outcome, array["month"].values, series, "mean", "runs",
                                  axis_label(results, outcome), outcome.question, elections=elections)
    return Chart(f"trajectory_{outcome.metric}", outcome.question, figure, data,
                 f"Mean {outcome.label} per strategy over all its runs, with 95% confidence ribbons. "
                 "Hover for values; click a strategy in the legend to hide or show it." + ELECTION_NOTE,
                 interactive=live)


def differences(results, outcome, elections=()):
    """Paired difference from baseline over time per strategy, with 95% intervals."""
    array = results.metric(outcome.metric)
    series = {s: paired_difference(array, s, BASELINE) for s in results.strategies if s != BASELINE}
    question = f"How much does each strategy change {outcome.label} compared with doing nothing?"
    figure, data, live = _ribbons(results, outcome, array["month"].values, series, "mean_difference",
                                  "pairs", f"strategy minus baseline: {axis_label(results, outcome)}",
                                  question, zero_line=True, elections=elections)
    return Chart(f"difference_{outcome.metric}", question, figure, data,
                 "Paired differences (same design point and replicate, so common random numbers) "
                 "from baseline, mean and 95% confidence interval." + ELECTION_NOTE, interactive=live)


def small_multiples(results, outcome, elections=()):
    """One panel per strategy: its trajectory against baseline's, with both 95% ribbons, on a
    shared scale, so each strategy is read on its own instead of in a tangle of lines."""
    array = results.metric(outcome.metric)
    groups = by_strategy(array, results.strategies)
    strategies = [s for s in results.strategies if s != BASELINE and s in groups]
    months = array["month"].values
    colours = strategy_colours(results)
    columns = min(3, len(strategies))
    lines = (len(strategies) + columns - 1) // columns
    figure, axes = plt.subplots(lines, columns, figsize=(3.6 * columns + 0.6, 2.6 * lines + 0.8),
                                sharex=True, sharey=True, squeeze=False, layout="constrained")
    base = mean_interval(groups[BASELINE], axis=0)
    rows = []
    for ax, strategy in zip(axes.flat, strategies):
        mark_elections(ax, elections)
        ax.plot(months, base[0], color="#777777", linewidth=1.2, label="baseline")
        ax.fill_between(months, base[1], base[2], color="#777777", alpha=0.15, linewidth=0)
        mean, low, high, n = mean_interval(groups[strategy], axis=0)
        ax.plot(months, mean, color=colours[strategy], linewidth=1.8, label=pretty(strategy))
        ax.fill_between(months, low, high, color=colours[strategy], alpha=0.2, linewidth=0)
        ax.set_title(pretty(strategy), fontsize=10)
        rows.append(pd.DataFrame({"strategy": strategy, "month": months, "mean": mean, "ci_low": low,
                                  "ci_high": high, "runs": n}))
    for ax in axes.flat[len(strategies):]:
        ax.set_visible(False)
    rows.append(pd.DataFrame({"strategy": BASELINE, "month": months, "mean": base[0], "ci_low": base[1],
                              "ci_high": base[2], "runs": base[3]}))
    figure.supxlabel("month")
    figure.supylabel(axis_label(results, outcome))
    question = f"{outcome.label}: each strategy (colour) against baseline (grey)"
    figure.suptitle(question)
    data = pd.concat(rows, ignore_index=True)
    data.insert(0, "outcome", outcome.metric)
    return Chart(f"small_multiples_{outcome.metric}", question, figure, data,
                 f"Mean {outcome.label} of each strategy and of baseline over their runs, with 95% "
                 "confidence ribbons, one panel per strategy on a shared scale." + ELECTION_NOTE)


def last_session_month(results, strategy):
    """The last month in which any run of the strategy held a session (None if it never did)."""
    if "intervention_sessions" not in results.metrics:
        return None
    sessions = results.metric("intervention_sessions")
    values = sessions.values[sessions["strategy"].values == strategy]
    held = np.flatnonzero(np.nansum(values, axis=0) > 0)
    return int(sessions["month"].values[held[-1]]) if held.size else None


def effects_end_and_legacy(results, at_month):
    """Paired effects at `at_month` (the evaluation month: by default the last without an
    election) and LEGACY_MONTHS after each strategy's last session, for every key outcome, as
    dot-and-interval plots (one panel per outcome)."""
    outcomes = key_outcomes(results)
    strategies = [s for s in results.strategies if s != BASELINE]
    colours = strategy_colours(results)
    months = results.metric(outcomes[0].metric)["month"].values
    rows = []
    columns = 2
    lines = (len(outcomes) + columns - 1) // columns
    figure, axes = plt.subplots(lines, columns, figsize=(11, 2.2 + 0.35 * len(strategies) * lines),
                                squeeze=False)
    for ax, outcome in zip(axes.flat, outcomes):
        array = results.metric(outcome.metric)
        ax.axvline(0, color="#555555", linewidth=0.8)
        for y, strategy in enumerate(strategies):
            ended = last_session_month(results, strategy)
            moments = [("end", int(at_month))]
            if ended is not None and ended + LEGACY_MONTHS <= months[-1]:
                moments.append(("legacy", ended + LEGACY_MONTHS))
            for when, month in moments:
                column = int(np.flatnonzero(months == month)[0])
                mean, low, high, n = paired_difference(array.isel(month=column), strategy, BASELINE)
                offset = -0.15 if when == "end" else 0.15
                ax.errorbar(float(mean), y + offset, xerr=[[float(mean - low)], [float(high - mean)]],
                            fmt="o" if when == "end" else "s", color=colours[strategy],
                            markerfacecolor=colours[strategy] if when == "end" else "white",
                            capsize=2, markersize=5)
                rows.append({"outcome": outcome.metric, "strategy": strategy, "when": when,
                             "month": month, "last_session_month": ended,
                             "mean_difference": float(mean), "ci_low": float(low),
                             "ci_high": float(high), "pairs": int(n)})
        ax.set_yticks(range(len(strategies)), [pretty(s) for s in strategies])
        ax.invert_yaxis()
        ax.set_xlabel(f"difference from baseline ({results.units.get(outcome.metric, '')})")
        ax.set_title(outcome.label)
    for ax in axes.flat[len(outcomes):]:
        ax.set_visible(False)
    question = ("What difference does each strategy make by the end, and what lasts "
                f"{LEGACY_MONTHS} months after it stops?")
    figure.suptitle(question + f"\n● at month {at_month}   □ legacy: {LEGACY_MONTHS} months after the last session")
    figure.tight_layout()
    return Chart("effects_end_and_legacy", question, figure, pd.DataFrame(rows),
                 f"Paired differences from baseline with 95% confidence intervals, at month {at_month} (the "
                 "evaluation month: the last in which no election is held, since an election month measures its "
                 f"dip) and {LEGACY_MONTHS} months after the strategy's last session (missing when that falls "
                 "after the last month).")
