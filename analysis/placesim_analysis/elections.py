"""Election resilience: how far a trust measure dips after each election, and how many months
it takes to get back to where it was the month before."""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt

from .statistics import mean_interval
from .style import Chart, pretty, strategy_colours

RESILIENCE_METRIC = "trust_member_officer"
LABELS = {"trust_member_officer": "member-officer trust", "trust_cross_sector": "cross-sector trust"}


def election_dips(level, elections):
    """For one run: [(election month, dip, months to recover)] for each election after month 0.
    The dip is the level the month before minus the lowest level from the election until the
    next election (or the end); recovery is the first month, counted from the election, at
    which the level is back to the month before's (NaN if it never is before the next one)."""
    months = np.flatnonzero(elections > 0)
    months = months[months > 0]
    found = []
    for k, e in enumerate(months):
        stop = months[k + 1] if k + 1 < len(months) else len(level)
        before = level[e - 1]
        window = level[e:stop]
        dip = before - np.min(window)
        back = np.flatnonzero(window >= before)
        found.append((int(e), float(dip), float(back[0]) if back.size else np.nan))
    return found


def election_resilience(results, metric=RESILIENCE_METRIC):
    level = results.metric(metric)
    elections = results.metric("elections").values
    strategies = level["strategy"].values
    rows = []
    for run in range(level.sizes["run"]):
        for month, dip, recovery in election_dips(level.values[run], elections[run]):
            rows.append({"run": int(level["run"].values[run]), "strategy": strategies[run],
                         "election_month": month, "dip": dip, "months_to_recover": recovery})
    per_election = pd.DataFrame(rows, columns=["run", "strategy", "election_month", "dip",
                                               "months_to_recover"])
    colours = strategy_colours(results)
    summary = []
    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 1.8 + 0.4 * len(results.strategies)),
                                         sharey=True)
    for y, strategy in enumerate(results.strategies):
        mine = per_election[per_election.strategy == strategy]
        if mine.empty:
            continue
        dip, dip_low, dip_high, n = mean_interval(mine["dip"].to_numpy())
        recovered = mine["months_to_recover"].dropna().to_numpy()
        rec, rec_low, rec_high, n_rec = mean_interval(recovered)
        summary.append({"strategy": strategy, "metric": metric, "elections": int(n),
                        "mean_dip": float(dip), "dip_ci_low": float(dip_low),
                        "dip_ci_high": float(dip_high), "share_recovered": n_rec / n,
                        "mean_months_to_recover": float(rec), "recover_ci_low": float(rec_low),
                        "recover_ci_high": float(rec_high)})
        for ax, m, lo, hi in ((left, dip, dip_low, dip_high), (right, rec, rec_low, rec_high)):
            if np.isfinite(m):
                ax.errorbar(float(m), y, xerr=[[float(m - lo)] if np.isfinite(lo) else [0],
                                               [float(hi - m)] if np.isfinite(hi) else [0]],
                            fmt="o", color=colours[strategy], capsize=3)
    left.set_yticks(range(len(results.strategies)), [pretty(s) for s in results.strategies])
    left.invert_yaxis()
    units = results.units.get(metric, "")
    left.set_xlabel(f"fall in {LABELS.get(metric, pretty(metric))} after an election ({units})")
    right.set_xlabel("months to recover the pre-election level")
    question = "How far does trust between councillors and officers fall after an election, and how fast does it recover?"
    figure.suptitle(question)
    figure.tight_layout()
    return Chart("election_resilience", question, figure, pd.DataFrame(summary),
                 f"For each election after month 0 in each run: the {pretty(metric)} the month before "
                 "minus its lowest level before the next election, and the months until it is back "
                 "to the month before's level (runs that never recover are left out of the mean and "
                 "counted in share_recovered). Means with 95% confidence intervals."), per_election
