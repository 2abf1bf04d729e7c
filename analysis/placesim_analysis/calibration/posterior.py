"""From the space not ruled out to a posterior sample: importance sampling with the prior as
the proposal. Prior draws that no wave rules out are weighted by the Gaussian likelihood of
the targets under the last wave's emulators,

    w(x) = prod_t N(z_t; E[f_t(x)], sd_t^2 + Var[f_t(x)]),

and resampled (systematic resampling) to settings.posterior_draws draws. The posterior is
the prior times this likelihood: prior draws need no density ratio, and the space ruled out
holds (by the cut-off) a negligible share of the likelihood."""
from dataclasses import dataclass

import numpy as np

from .emulator import Emulator
from .history_matching import nonimplausible, training_runs


@dataclass
class Posterior:
    unit: np.ndarray       # [draw, parameter] in the unit cube
    values: np.ndarray     # [draw, parameter]
    effective_size: float  # Kish's effective sample size of the weighted candidates
    candidates: int        # prior draws not ruled out that were weighted


def _systematic(weights, n, rng):
    positions = (rng.random() + np.arange(n)) / n
    return np.minimum(np.searchsorted(np.cumsum(weights), positions), len(weights) - 1)


def sample_posterior(spec, matching, progress=lambda message: None):
    s = spec.settings
    rng = np.random.default_rng([s.seed, 2])
    # The likelihood's emulators are fitted to the runs of every wave, newest first, up to
    # settings.emulator_points: the runs the last waves put in the space not ruled out give
    # them precision where the posterior lies, and older ones, while the bound leaves room, the
    # shape around it (a wave's own emulators see only what earlier waves did not rule out).
    unit = np.concatenate([w.unit for w in matching.waves])
    outputs = np.concatenate([w.outputs for w in matching.waves])
    se = np.concatenate([w.output_se for w in matching.waves])
    train = training_runs(matching.waves, ~np.isnan(outputs).any(axis=1), s.emulator_points,
                          np.random.default_rng([s.seed, 3, 0]))
    emulators = [Emulator(s.seed + 999_000 + t).fit(unit[train], outputs[train, t], se[train, t])
                 for t in range(len(spec.targets))]
    kept = []
    for _ in range(50):
        batch = rng.random((s.candidates, spec.dimension))
        kept.append(batch[nonimplausible(matching.waves, spec.targets, batch, s.cutoff)])
        if sum(len(k) for k in kept) >= 5 * s.posterior_draws:
            break
    candidates = np.concatenate(kept)
    if len(candidates) == 0:
        raise ValueError("no prior draw is left: every point is implausible")
    log_w = np.zeros(len(candidates))
    for emulator, target in zip(emulators, spec.targets):
        mean, var = emulator.predict(candidates)
        total = target.sd ** 2 + var
        log_w += -0.5 * (target.value - mean) ** 2 / total - 0.5 * np.log(total)
    weights = np.exp(log_w - log_w.max())
    weights /= weights.sum()
    effective = 1.0 / np.sum(weights ** 2)
    chosen = _systematic(weights, s.posterior_draws, rng)
    rng.shuffle(chosen)
    unit = candidates[chosen]
    progress(f"posterior: {s.posterior_draws} draws from {len(candidates)} weighted prior draws "
             f"(effective sample size {effective:.0f})")
    return Posterior(unit=unit, values=spec.values(unit), effective_size=float(effective), candidates=len(candidates))
