"""Means with confidence intervals, and paired differences under common random numbers.

Replicate r of every strategy (at the same design point) shares its random streams, so the
difference y[strategy, r] - y[baseline, r] removes the noise the two runs have in common:
intervals on paired differences are much narrower than the difference of two intervals.
"""
import numpy as np
import pandas as pd
from scipy import stats

CONFIDENCE = 0.95


def t_quantile(n, confidence=CONFIDENCE):
    """The two-sided Student t quantile for a mean of n values (NaN when n < 2)."""
    n = np.asarray(n, dtype=float)
    with np.errstate(invalid="ignore"):
        return np.where(n >= 2, stats.t.ppf(0.5 + confidence / 2, np.maximum(n - 1, 1)), np.nan)


def mean_interval(values, axis=0):
    """Mean, lower and upper 95% bounds (t interval) and n along `axis`, ignoring NaN."""
    values = np.asarray(values, dtype=float)
    n = np.sum(~np.isnan(values), axis=axis)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.nanmean(values, axis=axis)
        sd = np.nanstd(values, axis=axis, ddof=1)
        half = t_quantile(n) * sd / np.sqrt(n)
    return mean, mean - half, mean + half, n


def by_strategy(array, strategies):
    """{strategy: values [run, ...]} from a DataArray with a strategy coordinate on run."""
    labels = array["strategy"].values
    return {s: array.values[labels == s] for s in strategies if np.any(labels == s)}


def paired(array, strategy, reference):
    """Runs of `strategy` and of `reference` matched by (design point, replicate): two arrays
    [pair, ...] in the same order. Pairs missing on either side are dropped."""
    keys = pd.DataFrame({"strategy": array["strategy"].values, "point": array["point"].values,
                         "replicate": array["replicate"].values})
    keys["row"] = np.arange(len(keys))
    mine = keys[keys.strategy == strategy].set_index(["point", "replicate"])["row"]
    theirs = keys[keys.strategy == reference].set_index(["point", "replicate"])["row"]
    common = mine.index.intersection(theirs.index)
    return array.values[mine.loc[common].to_numpy()], array.values[theirs.loc[common].to_numpy()]


def paired_difference(array, strategy, reference):
    """Mean paired difference strategy - reference with its 95% interval and n, along run."""
    a, b = paired(array, strategy, reference)
    return mean_interval(a - b, axis=0)
