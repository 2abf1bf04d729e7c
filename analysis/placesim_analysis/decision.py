"""The decision layer: which strategy, how much better, how sure, at what cost (placesim compare).

Every comparison is paired: replicate r of every strategy at a design point shares its random
streams (and, with --posterior, its parameters), so a strategy is compared with another on the
same (point, replicate) pairs.

- Ranking: by each strategy's mean paired difference from baseline (or, without one, from the
  strategy with the most pairs), over the pairs both have. Where every strategy has every pair
  this is the ranking by mean; after placesim run --until, whose dropped strategies have fewer
  replicates, it keeps the comparison paired (a mean over 40 replicates is not comparable with
  one over 1,000).
- Means: per strategy, with a t interval over its runs.
- Pairwise differences: every pair of strategies, the mean paired difference with a paired t
  test; p-values adjusted by Holm's step-down procedure (Holm 1979), and each interval at the
  level Holm tests that difference at (1 - 0.05 / (m - k + 1) for the k-th smallest p of m), so
  an interval that excludes 0 is a difference Holm's procedure declares.
- Probability of being best: the share of bootstrap resamples of the pairs (2,000, resampled
  jointly across strategies, so the pairing is kept, and within each set of pairs that have the
  same strategies, so a strategy dropped by --until keeps its number of pairs in every resample)
  in which the strategy ranks first (as the ranking does: the highest mean paired difference).
  Strategies tied for first share the resample equally. With --posterior runs the pairs are
  posterior draws, so it carries the parameters' uncertainty. With fewer than two pairs there is
  nothing to resample: no probability, no interval and no test.
- Cost, gain over baseline and cost per GAIN_STEP of gain: cost is the mean cumulative cost at
  the evaluation month; the cost per unit of gain is mean cost / (mean gain / GAIN_STEP), with a
  bootstrap percentile interval, reported only where the gain's interval is above zero.
- Dominance (Drummond et al. 2015): a strategy is dominated when another costs no more and gains
  at least as much (one of them strictly); extendedly dominated when a mix of two others on the
  frontier would buy its gain for less (its incremental cost-effectiveness ratio is higher than
  the next one's). ICERs are given along the frontier from baseline.
"""
import warnings
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
    """Holm-adjusted p-values and each hypothesis's step (0 for the smallest p). A NaN p (a
    difference of one pair: no test) is not one of the m hypotheses: NaN, step -1."""
    p = np.asarray(p_values, dtype=float)
    tested = np.flatnonzero(~np.isnan(p))
    m = len(tested)
    order = tested[np.argsort(p[tested])]
    adjusted = np.full(len(p), np.nan)
    running = 0.0
    step = np.full(len(p), -1, dtype=int)
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
            if n < 2:
                p = np.nan  # one pair: no spread, no test
            elif sd > 0:
                p = 2 * stats.t.sf(abs(mean) / (sd / np.sqrt(n)), n - 1)
            else:
                p = 0.0 if mean != 0 else 1.0
            rows.append({"strategy": a, "versus": b, "difference": mean, "sd": sd, "pairs": n, "p": p})
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    frame["p_holm"], steps = holm(frame["p"])
    m = int(np.sum(steps >= 0))
    levels = np.where(steps >= 0, 1 - (1 - CONFIDENCE) / (m - steps), np.nan)
    half = np.array([stats.t.ppf(0.5 + level / 2, max(n - 1, 1)) for level, n in zip(levels, frame["pairs"])]) \
        * frame["sd"] / np.sqrt(frame["pairs"])
    frame["level"] = levels
    frame["low"] = frame["difference"] - half
    frame["high"] = frame["difference"] + half
    return frame.drop(columns=["sd"])


def reference(table):
    """The strategy the ranking pairs every other with: baseline, else the one with the most
    pairs (the first in scenario order among equals)."""
    return BASELINE if BASELINE in table.columns else table.notna().sum().idxmax()


def paired_scores(values, reference_column):
    """[pair, strategy] values -> each strategy's mean paired difference from the reference
    column, over the pairs both have (NaN for a strategy with none)."""
    differences = values - values[:, [reference_column]]
    with np.errstate(invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a strategy without pairs in a resample
        return np.nanmean(differences, axis=0)


def rank(table):
    """Strategies from best to worst by their mean paired difference from the reference; equal
    scores keep scenario order."""
    scores = pd.Series(paired_scores(table.to_numpy(), table.columns.get_loc(reference(table))), index=table.columns)
    return list(scores.sort_values(ascending=False, kind="stable").index)


def pairs_with_reference(table):
    """{strategy: number of pairs it shares with the reference}."""
    return (table.notna() & table[[reference(table)]].notna().to_numpy()).sum()


def probability_best(table, rng):
    """The share of bootstrap resamples of the pairs in which each strategy ranks first (ties
    shared); NaN when a strategy has fewer than two pairs with the reference."""
    if pairs_with_reference(table).min() < 2:
        return pd.Series(np.nan, index=table.columns)
    values = table.to_numpy()
    column = table.columns.get_loc(reference(table))
    # Pairs are resampled within each set of pairs that have the same strategies (after
    # placesim run --until: the replicates before a strategy was dropped, and those after), so
    # that every resample has as many pairs of each strategy as the file.
    _, stratum = np.unique(np.isnan(values), axis=0, return_inverse=True)
    strata = [np.flatnonzero(stratum.ravel() == k) for k in range(stratum.max() + 1)]
    wins = np.zeros(values.shape[1])
    for _ in range(BOOTSTRAP):
        rows = np.concatenate([rows[rng.integers(0, len(rows), len(rows))] for rows in strata])
        scores = paired_scores(values[rows], column)
        first = scores == np.max(scores, initial=-np.inf, where=~np.isnan(scores))
        if first.any():
            wins[first] += 1 / first.sum()
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
    ranking = rank(main)

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


def _gain_words(row, d, label, when):
    """'raises the index by 0.040 (95% CI 0.010 to 0.070) over baseline at month 119'; a strategy
    that lowers it is said to, with the interval of the reduction."""
    gain, low, high = row["gain"], row["gain_low"], row["gain_high"]
    if gain >= 0:
        text, interval, against = f"raises the {label} by {number(gain, d)}", (low, high), "over"
    else:
        text, interval, against = f"lowers the {label} by {number(-gain, d)}", (-high, -low), "compared with"
    if np.isfinite(low) and np.isfinite(high):
        text += f" (95% CI {number(interval[0], d)} to {number(interval[1], d)})"
    else:
        text += " (one replicate: no interval)"
    return f"{text} {against} baseline at {when}"


def _cost_words(row):
    """What the gain costs: per GAIN_STEP where the gain is clearly above zero; else the cost and
    what it bought."""
    if not np.isnan(row.get("cost_per_step", np.nan)):
        return (f", for {_money(row['cost_per_step'])} per {GAIN_STEP:g} (95% CI "
                f"{_money(row['cost_per_step_low'])} to {_money(row['cost_per_step_high'])})")
    if row["cost"] <= 0:
        return ""
    cost = f", at a cost of {_money(row['cost'])}"
    if not np.isfinite(row["gain_high"]):
        return cost
    if row["gain_high"] < 0:
        return cost + ", for no gain: it does worse than baseline"
    if row["gain"] < 0:
        return cost + ", for no gain clearly above zero"
    return cost + ", for a gain not clearly above zero"


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
            text = f"{s} {_gain_words(row, d, label, c.window.describe())}{_cost_words(row)}"
        else:
            mean = c.means[(c.means.outcome == c.primary) & (c.means.strategy == s)]["mean"].iloc[0]
            text = f"{s}: {label} {number(mean, decimals_for([mean]))} at {c.window.describe()}"
        if np.isfinite(p_best):
            text += f"; the probability that it is the best of the {count} is {p_best:.2f}"
        lines.append(text + ".")
    return lines
