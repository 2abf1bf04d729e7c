"""Election resilience: how far a trust measure dips after each election, and how many months
it takes to get back to where it was the month before."""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt

from .statistics import mean_interval
from .style import Chart, pretty, strategy_colours

RESILIENCE_METRIC = "trust_member_officer"
# An election is counted only when the run goes on at least this long after it: the last
# election of a run cannot show a recovery it has no months for. Runs not back to the level
# within it (or before the next election) count as taking the whole horizon.
RECOVERY_HORIZON = 12
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
    last = level.sizes["month"] - 1
    for run in range(level.sizes["run"]):
        for month, dip, recovery in election_dips(level.values[run], elections[run]):
            rows.append({"run": int(level["run"].values[run]), "strategy": strategies[run],
                         "election_month": month, "dip": dip, "months_to_recover": recovery,
                         "counted": int(last - month >= RECOVERY_HORIZON)})
    per_election = pd.DataFrame(rows, columns=["run", "strategy", "election_month", "dip",
                                               "months_to_recover", "counted"])
    colours = strategy_colours(results)
    summary = []
    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 1.8 + 0.4 * len(results.strategies)),
                                         sharey=True)
    for y, strategy in enumerate(results.strategies):
        mine = per_election[(per_election.strategy == strategy) & (per_election.counted == 1)]
        if mine.empty:
            continue
        dip, dip_low, dip_high, n = mean_interval(mine["dip"].to_numpy())
        months = mine["months_to_recover"].to_numpy()
        within = np.isfinite(months) & (months <= RECOVERY_HORIZON)
        capped = np.where(within, months, RECOVERY_HORIZON)
        rec, rec_low, rec_high, _ = mean_interval(capped)
        share, share_low, share_high, _ = mean_interval(within.astype(float))
        summary.append({"strategy": strategy, "metric": metric, "elections": int(n),
                        "mean_dip": float(dip), "dip_ci_low": float(dip_low),
                        "dip_ci_high": float(dip_high), "share_recovered": float(share),
                        "share_recovered_ci_low": float(share_low), "share_recovered_ci_high": float(share_high),
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
    right.set_xlabel(f"months to recover the pre-election level (at most {RECOVERY_HORIZON})")
    question = "How far does trust between councillors and officers fall after an election, and how fast does it recover?"
    figure.suptitle(question)
    figure.tight_layout()
    columns = ["strategy", "metric", "elections", "mean_dip", "dip_ci_low", "dip_ci_high", "share_recovered",
               "share_recovered_ci_low", "share_recovered_ci_high", "mean_months_to_recover", "recover_ci_low",
               "recover_ci_high"]
    return Chart("election_resilience", question, figure, pd.DataFrame(summary, columns=columns),
                 f"For each election after month 0 in each run that goes on at least {RECOVERY_HORIZON} months "
                 f"after it: the {pretty(metric)} the month before minus its lowest level before the next "
                 "election, and the months until it is back to the month before's level, counting an "
                 f"election not recovered within {RECOVERY_HORIZON} months (or before the next election) as "
                 f"{RECOVERY_HORIZON} (a restricted mean: every counted election is in it); the share "
                 f"recovered within {RECOVERY_HORIZON} months is in the table. Means with 95% confidence "
                 "intervals. Elections less than "
                 f"{RECOVERY_HORIZON} months before the end are in election_dips.csv (counted = 0) but not "
                 "in the means."), per_election
