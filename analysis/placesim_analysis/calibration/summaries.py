"""The targets' statistics at each design point of a wave, from its results file.

A run's value is its metric averaged over the target's months; a point's statistic summarises
its replicates (a mean, a rate, a quantile or a share), for one strategy or for the paired
difference of two (replicate r of both shares its random streams)."""
import h5py
import numpy as np

SCALE = {"mean": 1.0, "per_year": 12.0, "per_decade": 120.0}


def _names(dataset):
    return [v.decode() if isinstance(v, bytes) else str(v) for v in dataset[...]]


def run_values(f, target):
    """[run] values of the target's metric averaged over its months (NaN for failed runs)."""
    data = f["metrics"][target.metric]
    months = list(target.months)
    if target.issue:
        cell = _names(f["metrics/issue"]).index(target.issue)
        values = data[:, :, cell][:, months]
    elif target.sector_from:
        sectors = _names(f["metrics/sector_from"])
        values = data[:, :, sectors.index(target.sector_from), sectors.index(target.sector_to)][:, months]
    else:
        values = data[:, months] if len(months) > 1 else data[:, months[0]][:, None]
    with np.errstate(invalid="ignore"):
        return np.asarray(values, dtype=float).mean(axis=1)


def replicate_values(f, target):
    """[point, replicate] values whose statistic the target is: one strategy's run values, or
    the paired differences strategy - minus."""
    design = f["design"]
    points = int(design.attrs["points"])
    replicates = int(design.attrs["replicates"])
    count = int(design.attrs["strategies"])
    strategies = _names(design["label"][:count * replicates])[::replicates]
    values = run_values(f, target).reshape(points, len(strategies), replicates)
    mine = values[:, strategies.index(target.strategy), :]
    if target.minus:
        mine = mine - values[:, strategies.index(target.minus), :]
    return mine


def statistic(target, values, rng=None):
    """The target's statistic over each row of values [point, replicate], and its standard
    error (for a quantile, by a bootstrap over replicates). NaN where no replicate ran."""
    values = np.asarray(values, dtype=float)
    n = np.sum(~np.isnan(values), axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        if target.statistic in SCALE:
            scale = SCALE[target.statistic]
            mean = np.nanmean(values, axis=1) * scale if values.size else np.array([])
            se = np.nanstd(values, axis=1, ddof=1) / np.sqrt(n) * scale
            return np.where(n > 0, mean, np.nan), se
        if target.statistic == "share_above":
            above = np.where(np.isnan(values), np.nan, values > target.threshold)
            share = np.nanmean(above, axis=1)
            se = np.sqrt(np.maximum(share * (1 - share), 0.25 / np.maximum(n, 1)) / np.maximum(n, 1))
            return np.where(n > 0, share, np.nan), se
        if target.statistic == "quantile":
            q = np.nanquantile(values, target.quantile, axis=1)
            rng = rng or np.random.default_rng(0)
            boot = []
            for _ in range(100):
                pick = rng.integers(0, values.shape[1], size=values.shape)
                boot.append(np.nanquantile(np.take_along_axis(values, pick, axis=1), target.quantile, axis=1))
            return np.where(n > 0, q, np.nan), np.nanstd(np.array(boot), axis=0, ddof=1)
    raise ValueError(f"unknown statistic {target.statistic!r}")


def wave_outputs(path, targets):
    """[point, target] statistics and standard errors of a wave's results file."""
    with h5py.File(path, "r") as f:
        columns = [statistic(t, replicate_values(f, t)) for t in targets]
    return np.column_stack([c[0] for c in columns]), np.column_stack([c[1] for c in columns])
