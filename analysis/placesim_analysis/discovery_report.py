"""The report's section for sweeps: each strategy's robustness across the sweep, and scenario
discovery (PRIM's peeling trajectory and box, feature scores) for where the strategy ranked first
wins; and, for sampled designs (Latin hypercube, random), the outcome against each parameter."""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from scipy import stats

from .discovery import discover, point_table, robustness
from .style import Chart, pretty, strategy_colours
from .tables import number

MIN_POINTS = 8  # fewer design points than this say nothing about regions of parameter space
MIN_CASES = 2   # a region needs points on both sides: won and not won


def robustness_table(d):
    return robustness_table_of(d.robustness, frame=True)


def robustness_table_of(source, frame=False):
    """The robustness of every strategy, from a discovery's table (frame) or a [point,
    strategy] table of means."""
    r = source if frame else robustness(source)
    return pd.DataFrame({"Strategy": [pretty(s) for s in r["strategy"]],
                         "Mean over the sweep": [number(v, 4) for v in r["mean"]],
                         "Mean regret": [number(v, 4) for v in r["mean_regret"]],
                         "Largest regret": [number(v, 4) for v in r["largest_regret"]],
                         "Share of points best": [f"{v:.2f}" for v in r["share_best"]]})


def box_table(d):
    rows = [{"Parameter": name, "From": number(lo, 4), "To": number(hi, 4)} for name, (lo, hi) in d.box.limits.items()]
    return pd.DataFrame(rows or [{"Parameter": "(no restriction)", "From": "", "To": ""}])


def discovery_chart(results, d, window):
    """PRIM's peeling trajectory (coverage against density, the chosen box marked) and the
    parameters' feature scores."""
    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    t = d.trajectory
    left.plot(t["coverage"], t["density"], "o-", color="#332288", markersize=3)
    chosen = t[(np.isclose(t["coverage"], d.box.coverage)) & (np.isclose(t["density"], d.box.density))]
    if len(chosen):
        left.plot(chosen["coverage"].iloc[0], chosen["density"].iloc[0], "o", color="#CC6677", markersize=10,
                  label="the box reported")
        left.legend(frameon=False)
    left.set_xlabel("coverage: share of the cases inside the box")
    left.set_ylabel("density: share of the box that are cases")
    left.set_title("PRIM peeling trajectory")
    scores = d.scores.sort_values()
    right.barh(range(len(scores)), scores.to_numpy(), color="#117733")
    right.set_yticks(range(len(scores)), list(scores.index))
    right.set_xlabel("feature score (extra trees; sum to 1)")
    right.set_title(f"What drives {pretty(d.strategy)}'s outcome")
    question = f"Where in the sweep does {pretty(d.strategy)} win, and what decides it?"
    figure.suptitle(question)
    figure.tight_layout()
    data = t.copy()
    data.insert(0, "strategy", d.strategy)
    return Chart(f"discovery_{d.strategy}", question, figure, data,
                 f"Scenario discovery, {d.question} at {window.describe()} ({d.cases} of {d.points} design points): "
                 "PRIM (Friedman & Fisher 1999) peels the box of all points towards the cases; the box reported "
                 "has the highest F-score of coverage and density. Feature scores: which swept parameters "
                 "explain the strategy's outcome across the sweep. The CSV is the peeling trajectory.")


def parameter_scatter(results, metric, window):
    """A sampled design: the outcome (mean over each point's replicates) against each numeric
    parameter, per strategy, with Spearman's rank correlation."""
    table, design = point_table(results, metric, window)
    colours = strategy_colours(results)
    names = list(design.columns)
    columns = min(3, len(names))
    lines = (len(names) + columns - 1) // columns
    figure, axes = plt.subplots(lines, columns, figsize=(3.8 * columns + 0.6, 3.0 * lines + 0.8), sharey=True,
                                squeeze=False, layout="constrained")
    rows = []
    for ax, name in zip(axes.flat, names):
        for strategy in table.columns:
            ax.scatter(design[name], table[strategy], s=8, alpha=0.6, color=colours[strategy],
                       label=pretty(strategy))
            rho, p = stats.spearmanr(design[name], table[strategy])
            rows.append({"outcome": metric, "parameter": name, "strategy": strategy, "spearman_rho": float(rho),
                         "p": float(p), "points": len(table)})
        ax.set_xlabel(name)
    for ax in axes.flat[len(names):]:
        ax.set_visible(False)
    axes.flat[0].legend(frameon=False, fontsize=8)
    figure.supylabel(f"{pretty(metric)} at {window.describe()}")
    question = f"How does {pretty(metric)} depend on each swept parameter?"
    figure.suptitle(question)
    return Chart(f"parameters_{metric}", question, figure, pd.DataFrame(rows),
                 f"Each design point's mean {pretty(metric)} over its replicates at {window.describe()} against each "
                 "swept parameter; the CSV gives Spearman's rank correlation per parameter and strategy.")


def spearman_table(chart):
    data = chart.data
    wide = data.pivot_table(index="parameter", columns="strategy", values="spearman_rho", sort=False)
    out = pd.DataFrame({"Parameter": wide.index})
    for s in wide.columns:
        out[pretty(s)] = [f"{v:+.2f}" for v in wide[s]]
    return out


def sweep_sections(results, comparison, window):
    """[(heading, charts)], [(heading, caption, table)] for a sweep; empty without one."""
    sections, tables = [], []
    if results.sweep_design == "none" or int(results.design_attrs.get("points", 0)) < MIN_POINTS:
        return sections, tables
    metric = comparison.primary if comparison else "place_index"
    if results.sweep_design in ("latin_hypercube", "random"):
        chart = parameter_scatter(results, metric, window)
        sections.append(("Outcome against the swept parameters", [chart]))
        tables.append(("Rank correlation with each swept parameter",
                       f"Spearman's rho between each parameter and {pretty(metric)} over the design points.",
                       spearman_table(chart)))
    if len(results.strategies) > 1 and comparison is not None:
        table, _ = point_table(results, metric, window)
        share = robustness(table).set_index("strategy")["share_best"] * len(table)
        # A region to find needs a strategy that wins at some points and not at others: the one
        # ranked first if it does, else the one whose wins are most evenly split.
        mixed = [s for s in comparison.ranking if MIN_CASES <= share[s] <= len(table) - MIN_CASES]
        robust = ("Robustness across the sweep", "Regret at a design point: the best strategy's mean there minus "
                  "this strategy's. placesim discover gives more (a threshold, CART rules).")
        if not mixed:
            winner = share.idxmax()
            tables.append((*robust[:1], robust[1] + f" {pretty(winner)} is best at {int(share[winner])} of the "
                           f"{len(table)} design points: no region of the sweep to find where it wins or loses.",
                           robustness_table_of(table)))
            return sections, tables
        strategy = mixed[0] if mixed[0] == comparison.ranking[0] else min(mixed, key=lambda s: abs(share[s] - len(table) / 2))
        d = discover(results, strategy, metric, window)
        chart = discovery_chart(results, d, window)
        sections.append(("Scenario discovery", [chart]))
        tables.append((*robust, robustness_table(d)))
        tables.append((f"Where {pretty(d.strategy)} wins: the PRIM box",
                       f"Coverage {d.box.coverage:.2f}, density {d.box.density:.2f}, "
                       f"{100 * d.box.support:.0f}% of the points.", box_table(d)))
    return sections, tables
