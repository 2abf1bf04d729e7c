"""The calibration file (docs/calibration.md, "The calibration file"): HDF5, self-describing,
written whole to OUTPUT.partial and renamed into place (output_files.written_whole), so an
interrupted calibration never leaves a file that looks complete. Version 2 carries the checksum
results files carry (content_crc32, computed last): the engine refuses a file whose contents do
not match it."""
from datetime import datetime, timezone

import h5py
import numpy as np

from ..content_digest import intact, stamp
from ..files import UnreadableFile, require_regular
from ..loader import ResultsError
from ..output_files import written_whole

FORMAT = "placesim-calibration"
FORMAT_VERSION = 2
SUPPORTED_VERSIONS = (1, 2)  # as the engine reads them (sim/io/calibration_reader.hpp)

_TEXT = h5py.string_dtype()


class CalibrationFileError(ResultsError):
    """A calibration file that cannot be read: not one, of another version, or damaged."""


def open_calibration(path):
    """The calibration file, opened (an h5py.File) once its format, version and checksum are
    checked, as the engine checks them."""
    try:
        require_regular(path)
        f = h5py.File(path, "r")
    except (OSError, UnreadableFile) as error:
        raise CalibrationFileError(f"{path}: cannot read the calibration file ({error})") from None
    try:
        found = f.attrs.get("format", b"")
        if (found.decode() if isinstance(found, bytes) else str(found)) != FORMAT:
            raise CalibrationFileError(f"{path} is not a calibration file (placesim calibrate writes them)")
        version = f.attrs.get("format_version")
        if version is None or int(version) not in SUPPORTED_VERSIONS:
            raise CalibrationFileError(f"{path} has calibration-file format version {version}; this package reads "
                                       f"versions {' and '.join(map(str, SUPPORTED_VERSIONS))}")
        if int(version) >= 2 and not intact(f):
            raise CalibrationFileError(f"{path} is damaged: its contents do not match their checksum")
    except BaseException:
        f.close()
        raise
    return f


def _strings(group, name, values, description):
    group.create_dataset(name, data=np.array(list(values), dtype=object), dtype=_TEXT)
    group[name].attrs["description"] = description


def _numbers(group, name, data, description):
    ds = group.create_dataset(name, data=np.asarray(data, dtype=float))
    ds.attrs["description"] = description
    return ds


def write_calibration(path, spec, matching, posterior, check, provenance):
    with written_whole(path) as partial, h5py.File(partial, "w") as f:
        f.attrs["format"] = FORMAT
        f.attrs["format_version"] = FORMAT_VERSION
        for key, value in provenance.items():
            f.attrs[key] = value
        f.attrs["created_utc"] = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        f.attrs["targets_file"] = spec.targets_file
        f.attrs["scenario_file"] = spec.scenario_file
        f.attrs["scenario"] = spec.scenario
        f.attrs["spec"] = spec.text
        f.attrs["runs"] = int(sum(w.runs for w in matching.waves) + (check.runs if check else 0))
        f.attrs["status"] = "all_implausible" if matching.all_implausible else "posterior"
        f.attrs["stop_reason"] = matching.stop_reason
        c = f.create_group("calibration")
        c.attrs["cutoff"] = spec.settings.cutoff
        c.attrs["replicates"] = spec.settings.replicates
        c.attrs["seed"] = spec.settings.seed

        _strings(c, "parameter", [p.key for p in spec.priors], "the calibrated parameters, in the targets file's order")
        _strings(c, "prior", [p.describe for p in spec.priors], "each parameter's prior")
        c.create_dataset("prior_bounds", data=np.array([[p.min, p.max] for p in spec.priors]))
        c["prior_bounds"].attrs["description"] = "each parameter's [min, max]"
        _strings(c, "target", [t.name for t in spec.targets], "the targets, in the targets file's order")
        _strings(c, "target_description", [t.describe() for t in spec.targets], "what each target summarises")
        _strings(c, "target_source", [t.source for t in spec.targets], "where each target's value comes from")
        _numbers(c, "target_value", [t.value for t in spec.targets], "observed value z_t")
        _numbers(c, "target_sd", [t.sd for t in spec.targets], "its uncertainty sd_t (observation and model discrepancy)")
        _numbers(c, "min_implausibility", matching.min_implausibility,
                 "per target: the smallest implausibility among the last screen's candidates (above the cut-off: "
                 "no parameter values reach it)")

        waves = c.create_group("waves")
        _numbers(waves, "runs", [w.runs for w in matching.waves], "model runs per wave")
        _numbers(waves, "points", [len(w.unit) for w in matching.waves], "design points per wave")
        _numbers(waves, "train_points", [w.train_points for w in matching.waves],
                 "points the wave's emulators were fitted to (runs not ruled out by earlier waves, newest first, "
                 "at most emulator_points)")
        _numbers(waves, "nonimplausible_fraction", [w.nonimplausible_fraction for w in matching.waves],
                 "share of the prior not ruled out after the wave's emulators")
        targets = len(spec.targets)
        fitted = [w for w in matching.waves if w.emulators]
        def per_target(attribute):
            rows = [[getattr(e.diagnostics, attribute) for e in w.emulators] if w.emulators else [np.nan] * targets
                    for w in matching.waves]
            return np.array(rows, dtype=float)
        _numbers(waves, "loo_r2", per_target("loo_r2"), "[wave, target] leave-one-out R^2 of the emulator")
        _numbers(waves, "loo_within_3", per_target("loo_within_3"),
                 "[wave, target] share of leave-one-out standardised errors within +-3 (about 0.99 if well calibrated)")
        _numbers(waves, "noise_sd", per_target("noise_sd"), "[wave, target] fitted sd of a point's statistic over replicates")
        _numbers(waves, "validation_within_3",
                 [w.validation_within_3 if w.validation_within_3 is not None else [np.nan] * targets for w in matching.waves],
                 "[wave, target] share of this wave's runs within +-3 standardised errors of the previous wave's emulators")
        scales = np.full((len(matching.waves), targets, spec.dimension), np.nan)
        for i, w in enumerate(matching.waves):
            for t, e in enumerate(w.emulators):
                scales[i, t] = e.diagnostics.length_scales
        _numbers(waves, "length_scales", scales, "[wave, target, parameter] fitted correlation lengths in the unit cube")

        points = c.create_group("runs")
        _numbers(points, "wave", np.concatenate([[w.number] * len(w.unit) for w in matching.waves]), "the point's wave")
        unit = np.concatenate([w.unit for w in matching.waves])
        _numbers(points, "unit", unit, "[point, parameter] the design point in the unit cube (the prior's quantiles)")
        _numbers(points, "values", spec.values(unit), "[point, parameter] the parameter values run")
        _numbers(points, "outputs", np.concatenate([w.outputs for w in matching.waves]), "[point, target] the statistic")
        _numbers(points, "output_se", np.concatenate([w.output_se for w in matching.waves]),
                 "[point, target] its standard error over the point's replicates")
        if fitted:
            from .history_matching import implausibility
            final = implausibility(fitted[-1].emulators, spec.targets, unit).max(axis=1)
            _numbers(points, "implausibility", final, "[point] the largest implausibility under the last wave's emulators")

        if posterior is not None:
            ds = c.create_dataset("posterior", data=posterior.values)
            ds.attrs["description"] = "[draw, parameter] the posterior sample; columns named by /calibration/parameter"
            ds.attrs["effective_sample_size"] = posterior.effective_size
            ds.attrs["weighted_candidates"] = posterior.candidates
            _numbers(c, "posterior_unit", posterior.unit, "[draw, parameter] the posterior sample in the unit cube")
        if check is not None:
            g = c.create_group("check")
            _numbers(g, "values", check.values, "[draw, parameter] posterior draws run again")
            _numbers(g, "outputs", check.outputs, "[draw, target] their statistics: the posterior's predictions")
            _numbers(g, "output_se", check.output_se, "[draw, target] standard errors over replicates")
        stamp(f)
