"""Global sensitivity indices from Sobol/Saltelli and Morris designs, with bootstrap intervals.

Formulas (numpy only; docs/analysis.md gives them with their sources):

Sobol, from matrices A and B of N base samples and AB_i (A with column i from B), every
output first centred on the pooled mean of f(A) and f(B) (without it the first-order estimator
is not invariant to a shift of the output: on the place index, mean 0.56 and sd 0.003, its
noise grew with the mean squared and the indices came out as 1.25, 0.52 and 1.71):
    V      = variance of f(A) and f(B) pooled
    S_i    = mean( f(B) (f(AB_i) - f(A)) ) / V            first order (Saltelli et al. 2010)
    S_Ti   = mean( (f(A) - f(AB_i))^2 ) / (2 V)            total order (Jansen 1999)
Morris, from r trajectories of elementary effects EE_i = direction (f(x') - f(x)) / delta:
    mu_i = mean EE_i,  mu*_i = mean |EE_i| (Campolongo et al. 2007),  sigma_i = sd EE_i
Intervals: 95% percentile bootstrap over base samples (Sobol) or trajectories (Morris).
"""
import numpy as np

BOOTSTRAP = 1000
BOOTSTRAP_SEED = 20261122


def _sobol_point(fA, fB, fAB):
    centre = np.mean(np.concatenate([fA, fB]))
    fA, fB, fAB = fA - centre, fB - centre, fAB - centre
    variance = np.var(np.concatenate([fA, fB]))
    first = np.mean(fB * (fAB - fA), axis=1) / variance
    total = 0.5 * np.mean((fA - fAB) ** 2, axis=1) / variance
    return first, total


def sobol_indices(fA, fB, fAB, bootstrap=BOOTSTRAP, seed=BOOTSTRAP_SEED):
    """fA, fB: [N]; fAB: [k, N]. Returns a dict of arrays [k]: first, first_low, first_high,
    total, total_low, total_high."""
    fA, fB, fAB = (np.asarray(x, dtype=float) for x in (fA, fB, fAB))
    first, total = _sobol_point(fA, fB, fAB)
    rng = np.random.default_rng(seed)
    n = fA.shape[0]
    firsts, totals = [], []
    for _ in range(bootstrap):
        j = rng.integers(0, n, n)
        f, t = _sobol_point(fA[j], fB[j], fAB[:, j])
        firsts.append(f)
        totals.append(t)
    firsts, totals = np.array(firsts), np.array(totals)
    return {"first": first, "first_low": np.nanpercentile(firsts, 2.5, axis=0),
            "first_high": np.nanpercentile(firsts, 97.5, axis=0),
            "total": total, "total_low": np.nanpercentile(totals, 2.5, axis=0),
            "total_high": np.nanpercentile(totals, 97.5, axis=0)}


def is_power_of_two(n):
    return n > 0 and (n & (n - 1)) == 0


def _morris_point(effects):
    return (np.nanmean(effects, axis=0), np.nanmean(np.abs(effects), axis=0),
            np.nanstd(effects, axis=0, ddof=1))


def morris_indices(effects, bootstrap=BOOTSTRAP, seed=BOOTSTRAP_SEED):
    """effects: [trajectory, k] elementary effects. Returns a dict of arrays [k]: mu, mu_star,
    mu_star_low, mu_star_high, sigma."""
    effects = np.asarray(effects, dtype=float)
    mu, mu_star, sigma = _morris_point(effects)
    rng = np.random.default_rng(seed)
    r = effects.shape[0]
    stars = np.array([_morris_point(effects[rng.integers(0, r, r)])[1] for _ in range(bootstrap)])
    return {"mu": mu, "mu_star": mu_star, "mu_star_low": np.nanpercentile(stars, 2.5, axis=0),
            "mu_star_high": np.nanpercentile(stars, 97.5, axis=0), "sigma": sigma}


def sobol_matrices(sample, matrix, values, parameters):
    """Arranges one value per design point into fA [N], fB [N], fAB [k, N] from the /design
    columns sobol_sample and sobol_matrix ("A", "B", "AB:<key>")."""
    sample = np.asarray(sample)
    matrix = np.asarray(matrix)
    values = np.asarray(values, dtype=float)
    n = int(sample.max()) + 1
    fA, fB = np.full(n, np.nan), np.full(n, np.nan)
    fAB = np.full((len(parameters), n), np.nan)
    fA[sample[matrix == "A"]] = values[matrix == "A"]
    fB[sample[matrix == "B"]] = values[matrix == "B"]
    for i, key in enumerate(parameters):
        chosen = matrix == f"AB:{key}"
        fAB[i, sample[chosen]] = values[chosen]
    return fA, fB, fAB


def morris_effects(trajectory, moved, direction, values, delta, parameters):
    """Elementary effects [trajectory, k] from design points in trajectory order: a point whose
    `moved` names parameter i gives EE_i = direction (value - previous value) / delta."""
    trajectory = np.asarray(trajectory)
    values = np.asarray(values, dtype=float)
    count = int(trajectory.max()) + 1
    effects = np.full((count, len(parameters)), np.nan)
    index = {key: i for i, key in enumerate(parameters)}
    for p in range(1, len(values)):
        key = moved[p]
        if key and trajectory[p] == trajectory[p - 1]:
            effects[trajectory[p], index[key]] = direction[p] * (values[p] - values[p - 1]) / delta
    return effects
