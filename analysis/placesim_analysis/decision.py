"""The decision layer: which strategy, how much better, how sure, at what cost (placesim compare).

Every comparison is paired: replicate r of every strategy at a design point shares its random
streams (and, with --posterior, its parameters), so a strategy is compared with another on the
same (point, replicate) pairs.

- Means: per strategy, with a t interval over its runs.
- Pairwise differences: every pair of strategies, the mean paired difference with a paired t
  test; p-values adjusted by Holm's step-down procedure (Holm 1979), and each interval at the
  level Holm tests that difference at (1 - 0.05 / (m - k + 1) for the k-th smallest p of m), so
  an interval that excludes 0 is a difference Holm's procedure declares.
- Probability of being best: the share of bootstrap resamples of the pairs (2,000, resampled
  jointly across strategies, so the pairing is kept) in which the strategy has the highest mean.
  With --posterior runs the pairs are posterior draws, so it carries the parameters'
  uncertainty.
- Cost, gain over baseline and cost per GAIN_STEP of gain: cost is the mean cumulative cost at
  the evaluation month; the cost per unit of gain is mean cost / (mean gain / GAIN_STEP), with a
  bootstrap percentile interval, reported only where the gain's interval is above zero.
- Dominance (Drummond et al. 2015): a strategy is dominated when another costs no more and gains
  at least as much (one of them strictly); extendedly dominated when a mix of two others on the
  frontier would buy its gain for less (its incremental cost-effectiveness ratio is higher than
  the next one's). ICERs are given along the frontier from baseline.
"""
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from .economics import GAIN_METRIC, GAIN_STEP
from .loader import BASELINE
from .statistics import CONFIDENCE, mean_interval
from .tables import decimals_for, number

BOOTSTRAP = 2000
SEED = 20261202
COST_METRIC = "cost_cumulative"


class CompareError(Exception):
    pass


@dataclass
class Window:
    first: int
    last: int

    def describe(self):
        return f"month {self.first}" if self.first == self.last else f"months {self.first}-{self.last}"


def election_months(results):
    """Months in which any run holds an election."""
    if "elections" not in results.metrics:
        return set()
    held = results.metric("elections").values
    return set(np.flatnonzero(np.nansum(held, axis=0) > 0).tolist())


def default_window(results):
    """The last month in which no run holds an election: an election month measures its dip."""
    elections = election_months(results)
    for month in range(results.months, 0, -1):
        if month not in elections:
            return Window(month, month)
    return Window(results.months, results.months)


def paired_table(results, metric, window):
    """[pair, strategy] values of a metric averaged over the window's months, pairs being the
    (point, replicate) labels. A strategy without a completed run of a pair (a failed run, or
    one dropped from later rounds by placesim run --until) has NaN there: each comparison uses
    the pairs both its strategies have."""
    data = results.metric(metric)
    if len(data.dims) != 2:
        raise CompareError(f"{metric} is not a [run, month] metric; compare takes place-level outcomes")
    values = data.isel(month=slice(window.first, window.last + 1)).mean("month").values
    frame = pd.DataFrame({"strategy": data["strategy"].values, "point": data["point"].values,
                          "replicate": data["replicate"].values, "value": values})
    table = frame.pivot_table(index=["point", "replicate"], columns="strategy", values="value")
    table = table[[s for s in results.strategies if s in table.columns]].dropna(how="all")
    if len(table) == 0 or not table.notna().all(axis=1).any():
        raise CompareError("no (point, replicate) pair has a completed run of every strategy")
    return table


def _t_interval(values):
    """Mean and 95% t interval (statistics.mean_interval, without its count)."""
    mean, low, high, _ = mean_interval(values)
    return float(mean), float(low), float(high)


def holm(p_values):
    """Holm-adjusted p-values and each hypothesis's step (0 for the smallest p)."""
    p = np.asarray(p_values, dtype=float)
    m = len(p)
    order = np.argsort(p)
    adjusted = np.empty(m)
    running = 0.0
    step = np.empty(m, dtype=int)
    for k, i in enumerate(order):
        running = max(running, min(1.0, (m - k) * p[i]))
        adjusted[i] = running
        step[i] = k
    return adjusted, step


def pairwise(table, ranking):
    rows = []
    for a_index, a in enumerate(ranking):
        for b in ranking[a_index + 1:]:
            d = (table[a] - table[b]).dropna().to_numpy()
            n = len(d)
            sd = np.std(d, ddof=1) if n > 1 else np.nan
            mean = float(np.mean(d))
            if n > 1 and sd > 0:
                p = 2 * stats.t.sf(abs(mean) / (sd / np.sqrt(n)), n - 1)
            else:
                p = 0.0 if (n > 1 and mean != 0) else 1.0
            rows.append({"strategy": a, "versus": b, "difference": mean, "sd": sd, "pairs": n, "p": p})
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    frame["p_holm"], steps = holm(frame["p"])
    m = len(frame)
    levels = 1 - (1 - CONFIDENCE) / (m - steps)
    half = np.array([stats.t.ppf(0.5 + level / 2, max(n - 1, 1)) for level, n in zip(levels, frame["pairs"])]) \
        * frame["sd"] / np.sqrt(frame["pairs"])
    frame["level"] = levels
    frame["low"] = frame["difference"] - half
    frame["high"] = frame["difference"] + half
    return frame.drop(columns=["sd"])


def probability_best(table, rng):
    values = table.to_numpy()
    n = len(values)
    wins = np.zeros(values.shape[1])
    for _ in range(BOOTSTRAP):
        # nanmean: a strategy dropped from later rounds is judged on the pairs it has.
        means = np.nanmean(values[rng.integers(0, n, n)], axis=0)
        wins[np.argmax(means)] += 1
    return pd.Series(wins / BOOTSTRAP, index=table.columns)


def frontier(costs, gains):
    """Dominance and incremental cost-effectiveness. costs, gains: {strategy: mean}. Returns
    {strategy: (status, icer, compared_with)}."""
    names = sorted(costs, key=lambda s: (costs[s], -gains[s]))
    status = {}
    for s in names:
        dominated_by = [o for o in names if o != s and costs[o] <= costs[s] and gains[o] >= gains[s]
                        and (costs[o] < costs[s] or gains[o] > gains[s])]
        if dominated_by:
            status[s] = ("dominated", np.nan, dominated_by[0])
    candidates = []
    for s in names:
        if s in status:
            continue
        if candidates and gains[s] == gains[candidates[-1]]:
            # The same gain at the same cost (else the dearer would be dominated): keep one.
            status[s] = ("dominated", np.nan, candidates[-1])
            continue
        candidates.append(s)
    while True:
        icers = []
        for previous, current in zip(candidates, candidates[1:]):
            icers.append((costs[current] - costs[previous]) / (gains[current] - gains[previous]))
        removed = False
        for k in range(len(icers) - 1):
            if icers[k] > icers[k + 1]:
                status[candidates[k + 1]] = ("extendedly dominated", np.nan, "")
                candidates.pop(k + 1)
                removed = True
                break
        if not removed:
            break
    status[candidates[0]] = ("on the frontier", np.nan, "")
    for previous, current in zip(candidates, candidates[1:]):
        icer = (costs[current] - costs[previous]) / (gains[current] - gains[previous])
        status[current] = ("on the frontier", icer, previous)
    return status


@dataclass
class Comparison:
    window: Window
    primary: str
    ranking: list
    means: pd.DataFrame          # outcome, strategy, mean, low, high, pairs
    differences: pd.DataFrame    # outcome, strategy, versus, difference, low, high, level, p, p_holm, pairs
    best: pd.Series              # strategy -> probability of the best primary outcome
    economics: pd.DataFrame      # strategy, cost (low, high), gain (low, high), cost_per_step (low, high), status, icer, versus
    sentences: list
    posterior: bool
    elections: set


def compare(results, outcomes=None, window=None):
    outcomes = outcomes or list(results.key_outcomes)
    for o in outcomes:
        if o not in results.metrics:
            raise CompareError(f"{o} is not a metric of {results.path.name} (placesim metrics lists them)")
    primary = GAIN_METRIC if GAIN_METRIC in outcomes else outcomes[0]
    window = window or default_window(results)
    if not (0 <= window.first <= window.last <= results.months):
        raise CompareError(f"{window.describe()} is outside 0..{results.months}")
    rng = np.random.default_rng(SEED)
    tables = {o: paired_table(results, o, window) for o in outcomes}
    main = tables[primary]
    ranking = list(main.mean().sort_values(ascending=False).index)  # each strategy's mean over its pairs

    means, differences = [], []
    for o, table in tables.items():
        for s in table.columns:
            values = table[s].dropna().to_numpy()
            m, low, high = _t_interval(values)
            means.append({"outcome": o, "strategy": s, "mean": m, "low": low, "high": high, "pairs": len(values)})
        frame = pairwise(table, [s for s in ranking if s in table.columns])
        frame.insert(0, "outcome", o)
        differences.append(frame)
    best = probability_best(main[ranking], rng)

    economics = pd.DataFrame()
    if BASELINE in main.columns and COST_METRIC in results.metrics:
        cost = paired_table(results, COST_METRIC, Window(window.last, window.last))
        common = main.index.intersection(cost.index)
        gain_table = main.loc[common].sub(main.loc[common, BASELINE], axis=0)
        cost = cost.loc[common]
        rows = []
        for s in ranking:
            c, c_low, c_high = _t_interval(cost[s].dropna().to_numpy())
            g, g_low, g_high = _t_interval(gain_table[s].dropna().to_numpy())
            row = {"strategy": s, "cost": c, "cost_low": c_low, "cost_high": c_high, "gain": g,
                   "gain_low": g_low, "gain_high": g_high}
            if s != BASELINE and g_low > 0:
                both = gain_table[s].notna() & cost[s].notna()
                gains, costs = gain_table[s][both].to_numpy(), cost[s][both].to_numpy()
                n = len(gains)
                boot = []
                for _ in range(BOOTSTRAP):
                    j = rng.integers(0, n, n)
                    gj = gains[j].mean()
                    boot.append(costs[j].mean() / (gj / GAIN_STEP) if gj > 0 else np.inf)
                row.update({"cost_per_step": c / (g / GAIN_STEP), "cost_per_step_low": np.percentile(boot, 2.5),
                            "cost_per_step_high": np.percentile(boot, 97.5)})
            rows.append(row)
        economics = pd.DataFrame(rows)
        status = frontier(dict(zip(economics["strategy"], economics["cost"])),
                          dict(zip(economics["strategy"], economics["gain"])))
        economics["status"] = [status[s][0] for s in economics["strategy"]]
        economics["icer"] = [status[s][1] for s in economics["strategy"]]
        economics["icer_versus"] = [status[s][2] for s in economics["strategy"]]

    posterior = "[posterior]" in results.scenario
    comparison = Comparison(window, primary, ranking, pd.DataFrame(means), pd.concat(differences, ignore_index=True),
                            best, economics, [], posterior, election_months(results))
    comparison.sentences = sentences(results, comparison)
    return comparison


def _money(value):
    return f"GBP {value:,.0f}k" if abs(value) >= 1 else f"GBP {value * 1000:,.0f}"


def sentences(results, c):
    label = results.labels.get(c.primary, c.primary)
    count = len(c.ranking)
    lines = []
    gains = c.economics.set_index("strategy") if not c.economics.empty else None
    # Every gain to the same decimals, as a person writes them (0.0001, not 9.77e-05).
    d = decimals_for(gains["gain"]) if gains is not None else 3
    for s in c.ranking:
        p_best = c.best.get(s, np.nan)
        if gains is not None and s != BASELINE:
            row = gains.loc[s]
            verb = "raises" if row["gain"] >= 0 else "lowers"
            text = (f"{s} {verb} the {label} by {number(abs(row['gain']), d)} (95% CI {number(row['gain_low'], d)} "
                    f"to {number(row['gain_high'], d)}) over baseline at {c.window.describe()}")
            if not np.isnan(row.get("cost_per_step", np.nan)):
                text += (f", for {_money(row['cost_per_step'])} per {GAIN_STEP:g} (95% CI "
                         f"{_money(row['cost_per_step_low'])} to {_money(row['cost_per_step_high'])})")
            elif row["cost"] > 0:
                text += f", at a cost of {_money(row['cost'])}, for a gain not clearly above zero"
        else:
            mean = c.means[(c.means.outcome == c.primary) & (c.means.strategy == s)]["mean"].iloc[0]
            text = f"{s}: {label} {number(mean, decimals_for([mean]))} at {c.window.describe()}"
        text += f"; the probability that it is the best of the {count} is {p_best:.2f}."
        lines.append(text)
    return lines
