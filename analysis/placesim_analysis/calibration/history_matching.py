"""History matching in waves (Vernon, Goldstein & Bower 2010; Andrianakis et al. 2015).

Wave 1 runs a Latin hypercube over the prior (in the unit cube, where a uniform draw is a prior
draw). After each wave an emulator per target is fitted to the runs not ruled out by earlier
waves, and a point x is implausible when, for some target t,

    I_t(x) = |z_t - E[f_t(x)]| / sqrt(sd_t^2 + Var[f_t(x)]) > cutoff   (3 by default)

with z_t the observed value, sd_t its uncertainty (observation and model discrepancy) and
E, Var the emulator's mean and variance. The next wave's points are drawn from the prior and
kept only when no wave's emulators rule them out. The waves stop at settings.waves, when no
point is left (every target or combination of targets out of reach), or when the space not
ruled out stops shrinking and the emulators are already more precise than the targets.

An emulator's fit costs the cube of its points: each is fitted to at most settings.emulator_points
runs (training_runs), so that a wave costs about the same as the one before it."""
from dataclasses import dataclass, field

import numpy as np
from scipy.stats import qmc

from ..output_files import written_whole
from .emulator import Emulator
from .summaries import wave_outputs


@dataclass
class Wave:
    number: int
    unit: np.ndarray             # [point, parameter] in the unit cube
    outputs: np.ndarray          # [point, target] statistics
    output_se: np.ndarray        # [point, target] their standard errors over replicates
    runs: int
    emulators: list = field(default_factory=list)   # one per target, fitted after this wave
    nonimplausible_fraction: float = float("nan")   # of the prior, after this wave's emulators
    validation_within_3: np.ndarray = None          # [target] previous wave's emulators on these runs
    train_points: int = 0


@dataclass
class Matching:
    waves: list
    stop_reason: str
    all_implausible: bool
    min_implausibility: np.ndarray   # [target] smallest I_t over the last screen's candidates


def implausibility(emulators, targets, unit):
    """[point, target] implausibility of unit-cube points under one wave's emulators."""
    columns = []
    for emulator, target in zip(emulators, targets):
        mean, var = emulator.predict(unit)
        columns.append(np.abs(target.value - mean) / np.sqrt(target.sd ** 2 + var))
    return np.column_stack(columns)


def nonimplausible(waves, targets, unit, cutoff):
    """Whether each point survives every wave's emulators (the largest I_t at most cutoff). The
    newest wave's go first: they rule out the most, and the older ones see only what is left."""
    keep = np.ones(len(unit), dtype=bool)
    for wave in reversed(waves):
        if not wave.emulators or not keep.any():
            continue
        keep[keep] = implausibility(wave.emulators, targets, unit[keep]).max(axis=1) <= cutoff
    return keep


def _draw_nonimplausible(waves, spec, rng, wanted):
    """Up to `wanted` prior points not ruled out, from batches of settings.candidates draws;
    the share kept of the first batch estimates the fraction of the prior not ruled out."""
    s = spec.settings
    kept, fraction = [], None
    for _ in range(20):
        batch = rng.random((s.candidates, spec.dimension))
        keep = nonimplausible(waves, spec.targets, batch, s.cutoff)
        if fraction is None:
            fraction = keep.mean()
        kept.append(batch[keep])
        if sum(len(k) for k in kept) >= wanted or fraction == 0:
            break
    points = np.concatenate(kept) if kept else np.empty((0, spec.dimension))
    if 0 < len(points) < wanted:
        # A space too small to hit by prior draws: fill it by small moves from the points found.
        tries = 0
        while len(points) < wanted and tries < 50:
            moved = np.clip(points[rng.integers(0, len(points), wanted)] + rng.normal(0, 0.02, (wanted, spec.dimension)), 0, 1)
            points = np.concatenate([points, moved[nonimplausible(waves, spec.targets, moved, s.cutoff)]])
            tries += 1
    return points[:wanted], float(fraction)


def training_runs(waves, eligible, limit, rng):
    """Indices into the waves' runs (concatenated) of at most `limit` of the eligible ones to fit
    emulators on: the newest wave's first, then the wave before it, and so on; of the last wave
    taken only in part, a random subset. The newest waves' points lie in the smallest space not
    ruled out, the only one the emulators are asked about."""
    ends = np.cumsum([len(w.unit) for w in waves])
    newest_first = [rng.permutation(np.flatnonzero(eligible[end - len(w.unit):end]) + end - len(w.unit))
                    for w, end in zip(reversed(waves), reversed(ends))]
    return np.sort(np.concatenate(newest_first)[:limit])


def run_wave(number, unit, spec, engine):
    path = engine.run(f"wave-{number}", spec, spec.values(unit), seed=spec.settings.seed + number)
    outputs, se = wave_outputs(path, spec.targets)
    return Wave(number=number, unit=unit, outputs=outputs, output_se=se,
                runs=len(unit) * len(spec.strategies) * spec.settings.replicates)


def _design(path, make, dimension):
    """The wave's unit-cube design, saved (whole, or not at all) before its runs so that a
    resumed calibration runs exactly the same points. A saved design that cannot be read (cut
    short by an earlier version) is made again: its random numbers are the wave's own, so it is
    the same design."""
    saved = _read_design(path, dimension)
    if saved is not None:
        return saved
    unit = make()
    with written_whole(path) as partial, open(partial, "wb") as out:
        np.save(out, unit)
    return unit


def _read_design(path, dimension):
    try:
        unit = np.load(path, allow_pickle=False)
    except (OSError, ValueError, EOFError):
        return None
    ok = unit.ndim == 2 and unit.shape[1] == dimension and np.all((unit >= 0) & (unit <= 1))
    return unit if ok else None


def history_match(spec, engine, progress=lambda message: None):
    s = spec.settings
    waves = []
    stop_reason = f"reached the last wave ({s.waves})"
    all_implausible = False
    min_implausibility = np.full(len(spec.targets), np.nan)
    for number in range(1, s.waves + 1):
        # Each wave's random numbers are its own, whatever happened before, and so are its
        # design's and its screen's: a resumed calibration, which reads designs back instead of
        # drawing them, draws exactly what an uninterrupted one does.
        rng = np.random.default_rng([s.seed, 1, number])
        if number == 1:
            unit = _design(engine.work / "wave-1.design.npy",
                           lambda: qmc.LatinHypercube(d=spec.dimension, seed=int(s.seed)).random(s.points), spec.dimension)
        else:
            unit = _design(engine.work / f"wave-{number}.design.npy",
                           lambda: _draw_nonimplausible(waves, spec, rng, s.points)[0], spec.dimension)
            if len(unit) == 0:
                break
        wave = run_wave(number, unit, spec, engine)
        if waves:
            previous = waves[-1]
            wave.validation_within_3 = np.array([
                float(np.nanmean(np.abs(e.standardised_errors(unit, wave.outputs[:, t], wave.output_se[:, t])) <= 3))
                for t, e in enumerate(previous.emulators)])
        waves.append(wave)

        # Train on the runs so far that earlier waves did not rule out, newest first.
        unit_all = np.concatenate([w.unit for w in waves])
        out_all = np.concatenate([w.outputs for w in waves])
        se_all = np.concatenate([w.output_se for w in waves])
        keep = nonimplausible(waves[:-1], spec.targets, unit_all, s.cutoff) & ~np.isnan(out_all).any(axis=1)
        train = training_runs(waves, keep, s.emulator_points, np.random.default_rng([s.seed, 3, number]))
        wave.train_points = len(train)
        if wave.train_points < spec.dimension + 3:
            stop_reason = f"wave {number}: too few runs not ruled out to fit emulators ({wave.train_points})"
            break
        wave.emulators = [Emulator(s.seed + 1000 * number + t).fit(unit_all[train], out_all[train, t], se_all[train, t])
                          for t in range(len(spec.targets))]

        screen = np.random.default_rng([s.seed, 4, number]).random((s.candidates, spec.dimension))
        survivors = nonimplausible(waves[:-1], spec.targets, screen, s.cutoff)
        last = implausibility(wave.emulators, spec.targets, screen[survivors])
        survivors[survivors] = last.max(axis=1) <= s.cutoff
        wave.nonimplausible_fraction = float(survivors.mean())
        if len(last):
            min_implausibility = last.min(axis=0)
        progress(f"wave {number}: {wave.runs} runs, emulators fitted on {wave.train_points} points, "
                 f"{100 * wave.nonimplausible_fraction:.3g}% of the prior not ruled out")
        if wave.nonimplausible_fraction == 0:
            stop_reason = f"wave {number}: every point is implausible"
            all_implausible = True
            break
        if len(waves) >= 2 and waves[-2].nonimplausible_fraction > 0:
            shrink = wave.nonimplausible_fraction / waves[-2].nonimplausible_fraction
            precise = all(np.sqrt(np.median(e.predict(screen[survivors][:2000])[1])) < 0.2 * t.sd
                          for e, t in zip(wave.emulators, spec.targets))
            if shrink > 0.8 and precise:
                stop_reason = (f"wave {number}: the space not ruled out stopped shrinking ({shrink:.2f} of the last) "
                               "and the emulators are more precise than the targets")
                break
    return Matching(waves=waves, stop_reason=stop_reason, all_implausible=all_implausible,
                    min_implausibility=min_implausibility)
