"""The report of a calibration file (placesim report CALIBRATION.h5): prior and posterior per
parameter, the posterior's pairs, the targets against the posterior's predictions, and
implausibility by wave, each chart as PNG, SVG and PDF with its data as CSV, on one offline
page."""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import NullFormatter

from ..html_safety import text as esc
from ..page import write_generic_page
from ..style import FORMATS, Chart, log_y, wrap
from .calibration_file import open_calibration

COLOUR = "#332288"


def _text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def _read(path):
    with open_calibration(path) as f:
        c = f["calibration"]
        data = {"attrs": {k: _text(v) if not np.isscalar(v) or isinstance(v, (bytes, str)) else v
                          for k, v in f.attrs.items()},
                "parameters": [_text(v) for v in c["parameter"][...]],
                "priors": [_text(v) for v in c["prior"][...]],
                "bounds": c["prior_bounds"][...],
                "targets": [_text(v) for v in c["target"][...]],
                "descriptions": [_text(v) for v in c["target_description"][...]],
                "sources": [_text(v) for v in c["target_source"][...]],
                "values": c["target_value"][...], "sds": c["target_sd"][...],
                "min_implausibility": c["min_implausibility"][...],
                "waves": {k: c["waves"][k][...] for k in c["waves"]},
                "runs": {k: c["runs"][k][...] for k in c["runs"]},
                "cutoff": float(c.attrs["cutoff"])}
        data["posterior"] = c["posterior"][...] if "posterior" in c else None
        data["ess"] = float(c["posterior"].attrs["effective_sample_size"]) if "posterior" in c else float("nan")
        data["check"] = {k: c["check"][k][...] for k in c["check"]} if "check" in c else None
    return data


def prior_posterior(d):
    k = len(d["parameters"])
    columns = min(k, 3)
    rows = int(np.ceil(k / columns))
    figure, axes = plt.subplots(rows, columns, figsize=(4 * columns, 3 * rows), squeeze=False)
    records = []
    for i, key in enumerate(d["parameters"]):
        ax = axes[i // columns][i % columns]
        lo, hi = d["bounds"][i]
        edges = np.linspace(lo, hi, 31)
        if d["posterior"] is not None:
            counts, _ = np.histogram(d["posterior"][:, i], bins=edges, density=True)
            ax.stairs(counts, edges, fill=True, color=COLOUR, alpha=0.6, label="posterior")
            for a, b, c in zip(edges[:-1], edges[1:], counts):
                records.append({"parameter": key, "bin_low": a, "bin_high": b, "posterior_density": c})
        ax.axhline(1 / (hi - lo), color="grey", linestyle="--", label="uniform over the prior's range")
        ax.set_title(wrap(key, 40), fontsize=9)
        ax.set_xlim(lo, hi)
    for j in range(k, rows * columns):
        axes[j // columns][j % columns].axis("off")
    axes[0][0].legend(fontsize=8)
    figure.suptitle("What the targets say about each parameter: posterior against the prior's range")
    figure.tight_layout()
    return Chart("prior_posterior", "Prior and posterior", figure, pd.DataFrame(records),
                 caption="Posterior density of each parameter (histogram) over its prior's range; the dashed "
                         "line is a uniform density over the range. A posterior as flat as the line means the "
                         "targets do not inform that parameter.")


PAIRS = 6  # parameters in the pairs plot: k x k panels stay readable up to about six


def pairs(d):
    names = d["parameters"][:PAIRS]
    k = len(names)
    sample = d["posterior"][:1000, :k]
    figure, axes = plt.subplots(k, k, figsize=(2.2 * k + 1, 2.2 * k + 1), squeeze=False)
    for i in range(k):
        for j in range(k):
            ax = axes[i][j]
            if i == j:
                ax.hist(sample[:, i], bins=25, color=COLOUR, alpha=0.7)
            else:
                ax.scatter(sample[:, j], sample[:, i], s=2, alpha=0.3, color=COLOUR)
            ax.tick_params(labelsize=6)
            if i == k - 1:
                ax.set_xlabel(wrap(names[j], 25), fontsize=7)
            if j == 0:
                ax.set_ylabel(wrap(names[i], 25), fontsize=7)
    figure.suptitle("The posterior's pairs: which parameters trade off against each other")
    figure.tight_layout()
    left_out = len(d["parameters"]) - k
    return Chart("posterior_pairs", "Posterior pairs", figure, pd.DataFrame(sample, columns=names),
                 caption=f"Each pair of parameters over up to 1,000 posterior draws (the first {PAIRS} parameters"
                         + (f"; the other {left_out} are in the prior and posterior chart" if left_out else "")
                         + "). A diagonal band is a trade-off: the targets fix a combination, not each value.")


def targets_check(d):
    check = d["check"]["outputs"]
    z = (check - d["values"]) / d["sds"]
    figure, ax = plt.subplots(figsize=(8, 0.6 * len(d["targets"]) + 1.5))
    positions = np.arange(len(d["targets"]))
    ax.boxplot([z[:, t][~np.isnan(z[:, t])] for t in range(z.shape[1])], positions=positions, vert=False,
               widths=0.5, patch_artist=True, boxprops={"facecolor": COLOUR, "alpha": 0.5})
    ax.axvline(0, color="black")
    for edge in (-2, 2):
        ax.axvline(edge, color="grey", linestyle="--")
    ax.set_yticks(positions)
    ax.set_yticklabels(d["targets"])
    ax.set_xlabel("posterior prediction minus observed value, in the target's sd")
    ax.set_title("Do the posterior's runs reproduce the targets?")
    low, mid, high = np.nanquantile(check, [0.05, 0.5, 0.95], axis=0)
    data = pd.DataFrame({"target": d["targets"], "observed": d["values"], "sd": d["sds"],
                         "predicted_median": mid, "predicted_5%": low, "predicted_95%": high})
    return Chart("targets_check", "Targets against the posterior's predictions", figure, data,
                 caption="For each target, the statistic of the posterior draws run again (the check), minus the "
                         "observed value, in units of its sd. Boxes straddling 0 within +-2 (dashed) agree with "
                         "the observation.")


def implausibility_by_wave(d):
    w, r = d["waves"], d["runs"]
    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    waves = np.arange(1, len(w["nonimplausible_fraction"]) + 1)
    left.plot(waves, w["nonimplausible_fraction"], marker="o", color=COLOUR)
    log_y(left)
    left.yaxis.set_minor_formatter(NullFormatter())
    left.set_xticks(waves)
    left.set_xlabel("wave")
    left.set_ylabel("share of the prior not ruled out")
    left.set_title("The space left after each wave")
    if "implausibility" in r:
        groups = [r["implausibility"][r["wave"] == n] for n in waves]
        right.boxplot(groups, positions=waves, patch_artist=True, boxprops={"facecolor": COLOUR, "alpha": 0.5})
        right.axhline(d["cutoff"], color="black", linestyle="--", label=f"cut-off {d['cutoff']:g}")
        log_y(right)
        right.legend()
    right.set_xlabel("wave")
    right.set_ylabel("largest implausibility (last emulators)")
    right.set_title("Each wave's points, judged by the last emulators")
    figure.tight_layout()
    data = pd.DataFrame({"wave": waves, "nonimplausible_fraction": w["nonimplausible_fraction"],
                         "runs": w["runs"], "points": w["points"]})
    return Chart("implausibility_by_wave", "Implausibility by wave", figure, data,
                 caption="Left: the share of the prior that no wave's emulators rule out. Right: the largest "
                         "implausibility of each wave's design points under the last wave's emulators; later waves "
                         "should sit below the cut-off.")


def build_calibration_report(path, directory, formats=FORMATS, progress=None):
    say = progress or (lambda message: None)
    d = _read(path)
    sections, tables = [], []
    builders = [("Implausibility by wave", implausibility_by_wave)]
    if d["posterior"] is not None:
        builders = [("Prior and posterior", prior_posterior), ("Posterior pairs", pairs)] + builders
    if d["check"] is not None:
        builders.insert(2, ("Targets against the posterior's predictions", targets_check))
    for heading, builder in builders:
        chart = builder(d)
        say(f"report: {chart.name}")
        chart.save(directory, formats)
        sections.append((heading, [chart]))
    if d["posterior"] is not None:
        low, mid, high = np.quantile(d["posterior"], [0.05, 0.5, 0.95], axis=0)
        tables.append(("Parameters", "Prior and posterior: median and 90% interval.",
                       pd.DataFrame({"parameter": d["parameters"], "prior": d["priors"], "posterior median": mid,
                                     "5%": low, "95%": high})))
    targets = pd.DataFrame({"target": d["targets"], "what": d["descriptions"], "observed": d["values"],
                            "sd": d["sds"], "smallest implausibility": d["min_implausibility"],
                            "source": d["sources"]})
    tables.append(("Targets", "Each target, and the smallest implausibility any prior draw reached in the last "
                              "screen (above the cut-off: out of reach).", targets))
    w = d["waves"]
    rows = []
    for i in range(len(w["runs"])):
        for t, name in enumerate(d["targets"]):
            rows.append({"wave": i + 1, "target": name, "LOO R^2": w["loo_r2"][i, t],
                         "LOO within 3": w["loo_within_3"][i, t],
                         "validation within 3": w["validation_within_3"][i, t]})
    tables.append(("Emulator diagnostics", "Leave-one-out R^2 and share of standardised errors within +-3 per wave "
                                           "and target; the validation is the previous wave's emulators on this "
                                           "wave's runs.", pd.DataFrame(rows)))
    a = d["attrs"]
    summary = (f"{int(a['runs'])} runs in {len(w['runs'])} waves; {len(d['parameters'])} parameters, "
               f"{len(d['targets'])} targets; status: {esc(a['status'])} ({esc(a['stop_reason'])})")
    if d["posterior"] is not None:
        summary += f"; posterior of {len(d['posterior'])} draws (effective sample size {d['ess']:.0f})."
    footer = (f"Calibration file {esc(str(path))}; written by {esc(str(a.get('program_version', '?')))} on "
              f"{esc(str(a.get('created_utc', '?')))}; command: <code>{esc(str(a.get('command_line', '')))}</code>.")
    index = directory / "index.html"
    write_generic_page(index, f"PlaceSim calibration: {path.name}", summary, sections, tables,
                       ("Targets file", "The checked targets, as the calibration read them.", a.get("spec", "")), footer)
    return index
