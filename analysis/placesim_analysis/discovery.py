"""Scenario discovery and robustness over a sweep (placesim discover): under which conditions
does a strategy win, or meet a threshold, and how robust is each strategy across the sweep?

- Robustness (Lempert et al. 2003; McPhail et al. 2018): at each design point, a strategy's
  regret is the best strategy's mean there minus its own; over the sweep, the mean and largest
  regret, and the share of points where it meets a threshold the user sets (satisficing).
- PRIM, the patient rule induction method (Friedman & Fisher 1999), as scenario discovery uses
  it (Bryant & Lempert 2010): from the box holding every point, repeatedly peel off the
  `alpha` share of points at the low or high end of one parameter, the peel that leaves the
  box with the highest density of cases of interest, until the box holds fewer than
  `min_support` of the points. Each box on this peeling trajectory has a coverage (the share
  of all cases of interest inside it) and a density (the share of its points that are cases
  of interest). The box reported is the one with the highest F-score 2 c d / (c + d), which
  weighs coverage and density equally; the whole trajectory is given too. Parameters the box
  does not restrict are left out of its description.
- CART (Breiman et al. 1984; scikit-learn's DecisionTreeClassifier, depth 3) as a second view:
  its rules for the cases of interest.
- Feature scoring as the EMA Workbench gives it (Kwakkel 2017): the impurity-based importance of
  each parameter in scikit-learn's ExtraTreesRegressor of the outcome (seeded), summing to 1.
"""
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.ensemble import ExtraTreesRegressor
from sklearn.tree import DecisionTreeClassifier, export_text

SEED = 20261202


class DiscoveryError(Exception):
    pass


def point_table(results, outcome, window):
    """[point, strategy] means over replicates of the outcome over the window, and the design
    values [point, parameter] of the numeric swept parameters."""
    if results.sweep_design in ("none",):
        raise DiscoveryError(f"{results.path.name} has no sweep: scenario discovery needs a sweep of design points")
    data = results.metric(outcome)
    if len(data.dims) != 2:
        raise DiscoveryError(f"{outcome} is not a [run, month] metric")
    values = data.isel(month=slice(window.first, window.last + 1)).mean("month").values
    frame = pd.DataFrame({"strategy": data["strategy"].values, "point": data["point"].values, "value": values})
    table = frame.pivot_table(index="point", columns="strategy", values="value", aggfunc="mean")
    table = table[[s for s in results.strategies if s in table.columns]]
    design = results.design.groupby("point").first()
    numeric = [p for p in results.parameters if pd.api.types.is_numeric_dtype(design[p])]
    if not numeric:
        raise DiscoveryError("the sweep varies no numeric parameter")
    return table, design.loc[table.index, numeric]


def robustness(table, threshold=None):
    best = table.max(axis=1)
    rows = []
    for s in table.columns:
        regret = best - table[s]
        row = {"strategy": s, "mean": table[s].mean(), "mean_regret": regret.mean(),
               "largest_regret": regret.max(), "share_best": float(np.mean(regret <= 0))}
        if threshold is not None:
            row["share_meeting_threshold"] = float(np.mean(table[s] >= threshold))
        rows.append(row)
    return pd.DataFrame(rows)


@dataclass
class Box:
    limits: dict        # parameter -> (low, high), only the restricted ones
    coverage: float
    density: float
    support: float      # share of all points inside


def _inside(x, lows, highs):
    return np.all((x >= lows) & (x <= highs), axis=1)


def prim(x, y, alpha=0.05, min_support=0.05):
    """The peeling trajectory: a list of (lows, highs, coverage, density, support)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=bool)
    n, k = x.shape
    total = max(int(y.sum()), 1)
    lows, highs = x.min(axis=0).copy(), x.max(axis=0).copy()
    inside = np.ones(n, dtype=bool)
    trajectory = [(lows.copy(), highs.copy(), y.sum() / total, y.mean(), 1.0)]
    while inside.sum() / n > min_support:
        best = None
        for j in range(k):
            column = x[inside, j]
            for side in ("low", "high"):
                if side == "low":
                    cut = np.quantile(column, alpha)
                    keep = inside & (x[:, j] > cut) if cut > lows[j] else None
                else:
                    cut = np.quantile(column, 1 - alpha)
                    keep = inside & (x[:, j] < cut) if cut < highs[j] else None
                if keep is None or keep.sum() == 0 or keep.sum() == inside.sum():
                    continue
                density = y[keep].mean()
                if best is None or density > best[0]:
                    best = (density, j, side, cut, keep)
        if best is None:
            break
        density, j, side, cut, keep = best
        if side == "low":
            lows[j] = x[keep, j].min()
        else:
            highs[j] = x[keep, j].max()
        inside = keep
        trajectory.append((lows.copy(), highs.copy(), y[inside].sum() / total, density, inside.mean()))
    return trajectory


def chosen_box(x, names, trajectory):
    def f_score(entry):
        c, d = entry[2], entry[3]
        return 0.0 if c + d == 0 else 2 * c * d / (c + d)
    lows, highs, coverage, density, support = max(trajectory, key=f_score)
    full_low, full_high = np.min(x, axis=0), np.max(x, axis=0)
    limits = {name: (float(lo), float(hi)) for name, lo, hi, flo, fhi in zip(names, lows, highs, full_low, full_high)
              if lo > flo or hi < fhi}
    return Box(limits, float(coverage), float(density), float(support))


def cart_rules(x, names, y):
    tree = DecisionTreeClassifier(max_depth=3, min_samples_leaf=max(2, len(y) // 20), random_state=SEED)
    tree.fit(x, y)
    return export_text(tree, feature_names=list(names), show_weights=True)


def feature_scores(x, names, outcome):
    forest = ExtraTreesRegressor(n_estimators=200, random_state=SEED).fit(x, outcome)
    return pd.Series(forest.feature_importances_, index=list(names)).sort_values(ascending=False)


@dataclass
class Discovery:
    strategy: str
    question: str
    robustness: pd.DataFrame
    cases: int
    points: int
    box: Box
    trajectory: pd.DataFrame
    cart: str
    scores: pd.Series


def discover(results, strategy, outcome, window, threshold=None):
    table, design = point_table(results, outcome, window)
    if len(table) < 2:
        raise DiscoveryError(f"{results.path.name} has one design point with completed runs: scenario discovery "
                             "finds where in a sweep something happens, and needs several points")
    if strategy not in table.columns:
        raise DiscoveryError(f"{strategy} is not a strategy of {results.path.name}: {', '.join(table.columns)}")
    x = design.to_numpy(dtype=float)
    names = list(design.columns)
    if threshold is None:
        y = (table[strategy] >= table.max(axis=1)).to_numpy()
        question = f"where {strategy} has the highest {outcome}"
    else:
        y = (table[strategy] >= threshold).to_numpy()
        question = f"where {strategy} reaches {outcome} >= {threshold:g}"
    trajectory = prim(x, y)
    box = chosen_box(x, names, trajectory)
    frame = pd.DataFrame([{"step": i, "coverage": c, "density": d, "support": s,
                           **{f"{n} low": lo[j] for j, n in enumerate(names)},
                           **{f"{n} high": hi[j] for j, n in enumerate(names)}}
                          for i, (lo, hi, c, d, s) in enumerate(trajectory)])
    return Discovery(strategy, question, robustness(table, threshold), int(y.sum()), len(y), box, frame,
                     cart_rules(x, names, y), feature_scores(x, names, table[strategy].to_numpy()))
