"""Reads a PlaceSim results file into labelled data (docs/results.md).

Everything comes from the file alone: the design (strategy, replicate, design point, the
sampled parameters), the monthly metrics, the provenance and the scenario text.
"""
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import h5py
import numpy as np
import pandas as pd
import xarray as xr

from . import rounds
from .files import UnreadableFile, require_regular

FORMAT = "placesim-results"
SUPPORTED_VERSIONS = (2, 3, 4)
BASELINE = "baseline"
# The file placesim run --until writes: its rounds' results files, listed (analysis/adaptive.py).
ROUNDS_FORMAT = rounds.FORMAT
# Files before format 4 did not mark their key outcomes; these were the key outcomes then.
LEGACY_KEY_OUTCOMES = ("place_index", "trust_cross_sector", "trust_member_officer", "strong_cross_sector_ties",
                       "shared_ambition", "alignment_with_residents")


class ResultsError(Exception):
    """A file that is not a readable PlaceSim results file."""


def _text(value):
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, np.ndarray) and value.shape == ():
        return _text(value[()])
    return value


def _strings(dataset):
    return [_text(v) for v in dataset[...]]


@dataclass
class Results:
    path: Path
    attrs: dict             # root attributes: provenance, runs, months, ...
    design: pd.DataFrame    # one row per run (index: run): strategy, replicate, point, parameters
    design_attrs: dict      # attributes of /design: sweep_design, points, ...
    parameters: list        # the swept parameters, in [sweep] order
    metrics: xr.Dataset     # completed runs only; coordinates on run: strategy, replicate, point
                            # and every swept parameter
    units: dict             # metric name -> units
    descriptions: dict      # metric name -> description
    labels: dict            # metric name -> short label (long_name)
    key_outcomes: list      # the metrics marked key_outcome, in file order
    failed_runs: pd.DataFrame  # run, message

    @property
    def scenario(self):
        return self.attrs.get("scenario", "")

    @property
    def months(self):
        return int(self.attrs["months"])

    @cached_property  # asked for by every chart; a pass over every run
    def strategies(self):
        """Strategies in scenario order (simulation.strategies), as runs are ordered."""
        return list(dict.fromkeys(self.design["strategy"]))

    @property
    def sweep_design(self):
        return self.design_attrs.get("sweep_design", "none")

    def metric(self, name):
        """One metric as a DataArray [run, month, ...] labelled by strategy, replicate and point."""
        return self.metrics[name]

    def require_runs(self):
        """Raises ResultsError, saying why, when no run completed: every statistic needs one."""
        if self.metrics.sizes["run"] > 0:
            return
        why = f"none of its {len(self.design)} runs is in the file (another shard's?)"
        if len(self.failed_runs):
            why = (f"{len(self.failed_runs)} of its {len(self.design)} runs failed, the others are not in the file"
                   if len(self.failed_runs) < len(self.design) else f"all {len(self.design)} runs failed")
            why += f"; the first: run {self.failed_runs['run'].iloc[0]}: {self.failed_runs['message'].iloc[0]}"
        raise ResultsError(f"{self.path}: no completed runs: {why}")

    @cached_property
    def resolved_scenario(self):
        """The scenario attribute, parsed: every parameter the runs used."""
        try:
            return tomllib.loads(self.scenario)
        except tomllib.TOMLDecodeError:
            return {}

    @cached_property
    def strategy_colours(self):
        """{strategy: colour} as the scenario gives them (strategies.<name>.colour; "" when unset)."""
        rows = self.resolved_scenario.get("strategies", {})
        return {s: rows.get(s, {}).get("colour", "") for s in self.strategies}


def load(path):
    """Opens a results file, or the rounds file of placesim run --until (the runs of every round,
    as one). Runs that did not complete (failed, or another shard's) are left out of `metrics`;
    `design` keeps every run, with a `completed` column."""
    path = Path(path)
    if not path.exists():
        raise ResultsError(f"{path}: no such file")
    try:
        require_regular(path)  # h5py would wait for ever on a FIFO
    except UnreadableFile as error:
        raise ResultsError(str(error)) from None
    try:
        handle = h5py.File(path, "r")
    except OSError as error:
        raise ResultsError(f"{path}: not an HDF5 file ({error})") from None
    with handle as f:
        if _text(f.attrs.get("format", "")) == ROUNDS_FORMAT:
            index = {k: _text(v) for k, v in f.attrs.items()}
            return _join_rounds(path, index, _load_rounds(path, f))
    return _load_one(path)


def _load_rounds(path, f):
    """Exactly the rounds the open rounds file `f` lists, by the engine's rules (rounds.py)."""
    try:
        listed = rounds.listing(path, f)
        files = rounds.round_files(path, listed)
    except rounds.RoundsError as error:
        raise ResultsError(str(error)) from None
    except (OSError, KeyError) as error:  # h5py's words for what it cannot read
        raise ResultsError(f"{path} is damaged: its list of rounds cannot be read ({error})") from None
    parts = []
    for k, file in enumerate(files):
        try:
            parts.append(_load_one(file))
            rounds.check_round(path, listed, k, file, parts[-1].scenario)
        except rounds.RoundsError as error:
            raise ResultsError(str(error)) from None
        except (OSError, KeyError) as error:
            raise ResultsError(f"{file} is not a readable results file ({error})") from None
    return parts


def _join_rounds(path, index, parts):
    """The rounds' runs as one Results: run numbers continue from round to round, and design
    gets a `round` column. Replicate r of every strategy is the same pair in every round."""
    designs, metrics, failed, offset = [], [], [], 0
    for number, part in enumerate(parts, 1):
        design = part.design.copy()
        design.index = design.index + offset
        design["round"] = number
        designs.append(design)
        kept = design.index[design["completed"].to_numpy()].to_numpy()
        metrics.append(part.metrics.assign_coords(run=("run", kept), round=("run", np.full(len(kept), number))))
        failed.append(part.failed_runs.assign(run=part.failed_runs["run"] + offset))
        offset += len(design)
    first = parts[0]
    design = pd.concat(designs)
    design.index.name = "run"
    attrs = dict(first.attrs)
    # The whole set of runs, and the user's own command (each round's is the internal placesim run).
    attrs.update({"rounds_file": str(path), "rounds": len(parts), "runs": len(design),
                  "command_line": index.get("command_line", "")})
    attrs.update({f"rounds_{k}": v for k, v in index.items() if k != "format"})
    joined = xr.concat(metrics, dim="run", data_vars="minimal", coords="minimal", compat="override")
    return Results(path=path, attrs=attrs, design=design, design_attrs=first.design_attrs, parameters=first.parameters,
                   metrics=joined, units=first.units, descriptions=first.descriptions, labels=first.labels,
                   key_outcomes=first.key_outcomes, failed_runs=pd.concat(failed, ignore_index=True))


def _check_declared_sizes(path, f, attrs):
    """What is read whole below must fit in the file, as the engine's reader checks it: a file
    of a few kilobytes declaring billions of runs is damaged, and must not take gigabytes to
    find out."""
    size = Path(path).stat().st_size
    if not 0 <= int(attrs.get("runs", 0)) <= size:
        raise ResultsError(f"{path} is damaged or not written by PlaceSim: runs = {attrs.get('runs')} in a file of "
                           f"{size} bytes")
    for group in ("design", "status"):
        for name, dataset in f[group].items():
            if isinstance(dataset, h5py.Dataset) and dataset.size > size:
                raise ResultsError(f"/{group}/{name} in {path} declares {dataset.size} values, more than the file's "
                                   f"{size} bytes can hold: the file is damaged")


def _load_one(path):
    with h5py.File(path, "r") as f:
        attrs = {k: _text(v) for k, v in f.attrs.items()}
        if attrs.get("format") != FORMAT:
            raise ResultsError(f"{path}: not a PlaceSim results file (format is {attrs.get('format')!r}, "
                               f"expected {FORMAT!r})")
        if int(attrs.get("format_version", -1)) not in SUPPORTED_VERSIONS:
            raise ResultsError(f"{path}: format version {attrs.get('format_version')} is not one this "
                               f"package reads ({', '.join(map(str, SUPPORTED_VERSIONS))})")
        _check_declared_sizes(path, f, attrs)
        group = f["design"]
        design_attrs = {k: _text(v) for k, v in group.attrs.items()}
        parameters = _strings(group["parameter"]) if "parameter" in group else []
        columns = {"strategy": _strings(group["label"]),
                   "replicate": group["replicate"][...],
                   "seed": group["seed"][...],
                   "point": group["point"][...]}
        for key in parameters:
            values = group[key][...]
            columns[key] = [_text(v) for v in values] if values.dtype.kind in "OS" else values
        # With --posterior, each run's draw and the draw's values (posterior:<key>).
        posterior = ["posterior_draw"] * ("posterior_draw" in group) + [k for k in group if k.startswith("posterior:")]
        for extra in ("sobol_sample", "sobol_matrix", "morris_trajectory", "morris_moved",
                      "morris_direction", *posterior):
            if extra in group:
                values = group[extra][...]
                columns[extra] = [_text(v) for v in values] if values.dtype.kind in "OS" else values
        design = pd.DataFrame(columns, index=pd.RangeIndex(len(columns["strategy"]), name="run"))
        design["completed"] = f["status/completed"][...].astype(bool)
        status = f["status"]
        failed = pd.DataFrame({
            "run": status["failure"][...] if "failure" in status else [],
            "message": _strings(status["message"]) if "message" in status else []})
        units = {k: _text(d.attrs.get("units", "")) for k, d in f["metrics"].items()
                 if isinstance(d, h5py.Dataset) and "units" in d.attrs}
        descriptions = {k: _text(d.attrs.get("description", "")) for k, d in f["metrics"].items()
                        if isinstance(d, h5py.Dataset) and "units" in d.attrs}
        labels = {k: _text(d.attrs.get("long_name", k)) for k in units for d in [f["metrics"][k]]}
        if int(attrs["format_version"]) >= 4:
            key_outcomes = [k for k in units if int(f["metrics"][k].attrs.get("key_outcome", 0)) == 1]
        else:
            key_outcomes = [k for k in LEGACY_KEY_OUTCOMES if k in units]

    metrics = xr.open_dataset(path, engine="h5netcdf", group="metrics")
    keep = np.flatnonzero(design["completed"].to_numpy())
    metrics = metrics.isel(run=keep)
    chosen = design.iloc[keep]
    coordinates = {"strategy": ("run", chosen["strategy"].to_numpy()),
                   "replicate": ("run", chosen["replicate"].to_numpy()),
                   "point": ("run", chosen["point"].to_numpy())}
    for key in parameters:  # the sampled values, e.g. metrics["trust.decay"]
        coordinates[key] = ("run", chosen[key].to_numpy())
    metrics = metrics.assign_coords(coordinates)
    return Results(path=path, attrs=attrs, design=design, design_attrs=design_attrs,
                   parameters=parameters, metrics=metrics, units=units,
                   descriptions=descriptions, labels=labels, key_outcomes=key_outcomes,
                   failed_runs=failed)
