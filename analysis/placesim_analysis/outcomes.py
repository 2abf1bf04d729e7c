"""The key outcomes: trajectories per strategy, paired differences from baseline over time, and
effects at the end and 24 months after each strategy's last session (legacy)."""
from dataclasses import dataclass

import numpy as np
import pandas as pd
import matplotlib.pyplot as plt

from .loader import BASELINE
from .statistics import mean_interval, paired_difference, by_strategy
from .style import Chart, pretty, strategy_colours, wrap

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
    units = results.units.get(outcome.metric, "")
    return f"{outcome.label} ({units})" if units else outcome.label


def _ribbons(results, outcome, months, series, value_name, count_name, ylabel, question,
             zero_line=False):
    """Lines with 95% ribbons, one per strategy; series: {strategy: (mean, low, high, n)}."""
    colours = strategy_colours(results)
    figure, ax = plt.subplots()
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
    return figure, data


def trajectories(results, outcome):
    """Mean trajectory of one outcome per strategy with its 95% interval over runs."""
    array = results.metric(outcome.metric)
    series = {s: mean_interval(v, axis=0) for s, v in by_strategy(array, results.strategies).items()}
    figure, data = _ribbons(results, outcome, array["month"].values, series, "mean", "runs",
                            axis_label(results, outcome), outcome.question)
    return Chart(f"trajectory_{outcome.metric}", outcome.question, figure, data,
                 f"Mean {outcome.label} per strategy over all its runs, with 95% confidence ribbons.")


def differences(results, outcome):
    """Paired difference from baseline over time per strategy, with 95% intervals."""
    array = results.metric(outcome.metric)
    series = {s: paired_difference(array, s, BASELINE) for s in results.strategies if s != BASELINE}
    question = f"How much does each strategy change {outcome.label} compared with doing nothing?"
    figure, data = _ribbons(results, outcome, array["month"].values, series, "mean_difference",
                            "pairs", f"strategy minus baseline ({results.units.get(outcome.metric, '')})",
                            question, zero_line=True)
    return Chart(f"difference_{outcome.metric}", question, figure, data,
                 "Paired differences (same design point and replicate, so common random numbers) "
                 "from baseline, mean and 95% confidence interval.")


def last_session_month(results, strategy):
    """The last month in which any run of the strategy held a session (None if it never did)."""
    if "intervention_sessions" not in results.metrics:
        return None
    sessions = results.metric("intervention_sessions")
    values = sessions.values[sessions["strategy"].values == strategy]
    held = np.flatnonzero(np.nansum(values, axis=0) > 0)
    return int(sessions["month"].values[held[-1]]) if held.size else None


def effects_end_and_legacy(results):
    """Paired effects at the last month and LEGACY_MONTHS after each strategy's last session,
    for every key outcome, as dot-and-interval plots (one panel per outcome)."""
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
            moments = [("end", int(months[-1]))]
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
    figure.suptitle(question + "\n● at the last month   □ legacy: 24 months after the last session")
    figure.tight_layout()
    return Chart("effects_end_and_legacy", question, figure, pd.DataFrame(rows),
                 "Paired differences from baseline with 95% confidence intervals. Legacy is "
                 f"measured {LEGACY_MONTHS} months after the strategy's last session; it is missing "
                 "when that falls after the last month.")
