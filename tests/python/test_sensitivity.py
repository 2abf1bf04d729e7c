"""Sensitivity indices against functions whose indices are known exactly."""
import numpy as np

from placesim_analysis.sensitivity import (morris_effects, morris_indices, sobol_indices,
                                           sobol_matrices)

A, B = 7.0, 0.1


def ishigami(x):
    return np.sin(x[:, 0]) + A * np.sin(x[:, 1]) ** 2 + B * x[:, 2] ** 4 * np.sin(x[:, 0])


def ishigami_indices():
    """Analytic Sobol indices of the Ishigami function (Ishigami and Homma 1990; Sobol' and
    Levitan 1999), inputs uniform on [-pi, pi]."""
    pi4, pi8 = np.pi ** 4, np.pi ** 8
    v1 = 0.5 * (1 + B * pi4 / 5) ** 2
    v2 = A ** 2 / 8
    v13 = 8 * B ** 2 * pi8 / 225
    variance = v1 + v2 + v13
    first = np.array([v1, v2, 0.0]) / variance
    total = np.array([v1 + v13, v2, v13]) / variance
    return first, total


def test_ishigami_closed_form_is_the_published_one():
    first, total = ishigami_indices()
    # Published values (e.g. Saltelli et al. 2010): S = 0.314, 0.442, 0; ST = 0.558, 0.442, 0.244.
    assert np.allclose(first, [0.3139, 0.4424, 0.0], atol=5e-4)
    assert np.allclose(total, [0.5576, 0.4424, 0.2437], atol=5e-4)


def test_sobol_indices_of_ishigami_within_tolerance():
    rng = np.random.default_rng(1)
    n, k = 20000, 3
    a = rng.uniform(-np.pi, np.pi, (n, k))
    b = rng.uniform(-np.pi, np.pi, (n, k))
    fA, fB = ishigami(a), ishigami(b)
    fAB = np.empty((k, n))
    for i in range(k):
        ab = a.copy()
        ab[:, i] = b[:, i]
        fAB[i] = ishigami(ab)
    found = sobol_indices(fA, fB, fAB, bootstrap=200)
    first, total = ishigami_indices()
    # Tolerance: the estimators' standard errors at N = 20,000 are about 0.01 (their bootstrap
    # intervals below say so too); 0.04 is four of them.
    assert np.all(np.abs(found["first"] - first) < 0.04), found["first"]
    assert np.all(np.abs(found["total"] - total) < 0.04), found["total"]
    # The bootstrap intervals cover the truth and are narrow.
    assert np.all(found["total_low"] - 0.01 <= total) and np.all(total <= found["total_high"] + 0.01)
    assert np.all(found["first_high"] - found["first_low"] < 0.08)


def saltelli_outputs(function, rng, n, k, low=0.0, high=1.0):
    a = rng.uniform(low, high, (n, k))
    b = rng.uniform(low, high, (n, k))
    fAB = np.empty((k, n))
    for i in range(k):
        ab = a.copy()
        ab[:, i] = b[:, i]
        fAB[i] = function(ab)
    return function(a), function(b), fAB


def test_sobol_indices_do_not_move_when_the_output_is_shifted():
    # Ishigami plus 100: the same indices (a shift changes no variance). Before the outputs were
    # centred, the first-order estimates drifted by tens of standard errors at this mean.
    rng = np.random.default_rng(5)
    fA, fB, fAB = saltelli_outputs(lambda x: ishigami(x) + 100.0, rng, 8192, 3, -np.pi, np.pi)
    found = sobol_indices(fA, fB, fAB, bootstrap=200)
    first, total = ishigami_indices()
    assert np.all(np.abs(found["first"] - first) < 0.04), found["first"]
    assert np.all(np.abs(found["total"] - total) < 0.04), found["total"]
    assert np.all(found["first_high"] - found["first_low"] < 0.1)
    # Exactly invariant: the same samples without the shift give the same indices.
    unshifted = sobol_indices(fA - 100.0, fB - 100.0, fAB - 100.0, bootstrap=10)
    np.testing.assert_allclose(unshifted["first"], found["first"], atol=1e-9)


def g_function(a):
    def g(x):
        return np.prod((np.abs(4 * x - 2) + a) / (1 + a), axis=1)
    v = 1 / (3 * (1 + a) ** 2)
    variance = np.prod(1 + v) - 1
    first = v / variance
    total = v * np.prod(1 + v) / (1 + v) / variance
    return g, first, total


def test_sobol_indices_of_the_g_function_with_a_large_mean():
    # Sobol's g-function (Saltelli & Sobol 1995): V_i = 1 / (3 (1 + a_i)^2), closed-form first- and
    # total-order indices; plus 50, so that the mean dwarfs the spread as the place index's does.
    a = np.array([0.0, 1.0, 4.5, 9.0, 99.0, 99.0])
    g, first, total = g_function(a)
    rng = np.random.default_rng(8)
    fA, fB, fAB = saltelli_outputs(lambda x: g(x) + 50.0, rng, 16384, len(a))
    found = sobol_indices(fA, fB, fAB, bootstrap=200)
    assert np.all(np.abs(found["first"] - first) < 0.04), (found["first"], first)
    assert np.all(np.abs(found["total"] - total) < 0.04), (found["total"], total)
    assert abs(found["first"].sum() - first.sum()) < 0.08


def test_sobol_matrices_arranges_rows_by_sample_and_matrix():
    parameters = ["x", "y"]
    sample = [0, 0, 0, 0, 1, 1, 1, 1]
    matrix = ["A", "AB:x", "AB:y", "B"] * 2
    values = [1, 2, 3, 4, 5, 6, 7, 8]
    fA, fB, fAB = sobol_matrices(sample, matrix, values, parameters)
    assert list(fA) == [1, 5] and list(fB) == [4, 8]
    assert fAB.tolist() == [[2, 6], [3, 7]]


def morris_trajectories(rng, r, k, levels):
    """Independent of the engine's design: r trajectories on a grid of `levels` levels, each
    moving every parameter once by delta, up or down, in a random order."""
    delta = levels / (2 * (levels - 1))
    grid = np.arange(levels) / (levels - 1)
    points, trajectory, moved, direction = [], [], [], []
    for t in range(r):
        x = rng.choice(grid[grid + delta <= 1 + 1e-12], k)
        points.append(x.copy())
        trajectory.append(t)
        moved.append("")
        direction.append(0)
        for i in rng.permutation(k):
            step = delta if x[i] + delta <= 1 + 1e-12 else -delta
            if x[i] - delta >= -1e-12 and rng.random() < 0.5:
                step = -delta
            x[i] += step
            points.append(x.copy())
            trajectory.append(t)
            moved.append(f"x{i}")
            direction.append(1 if step > 0 else -1)
    return np.array(points), np.array(trajectory), moved, np.array(direction), delta


def test_morris_recovers_known_effects():
    # f = 2 x0 - 3 x1 + 0 x2 + 4 x0 x3: elementary effects of x1 are -3 exactly and of x2 zero,
    # so mu* = 3 and 0 with sigma 0; x0's are 2 + 4 x3 and x3's 4 x0, so both vary (sigma > 0);
    # with x3 and x0 uniform on the grid {0, 1/3, 2/3, 1}, E[EE_0] = 2 + 4 E[x3] = 4 and
    # E[EE_3] = 4 E[x0] = 2 (their values sampled, so within a statistical bound).
    rng = np.random.default_rng(3)
    k, levels, r = 4, 4, 400
    x, trajectory, moved, direction, delta = morris_trajectories(rng, r, k, levels)
    y = 2 * x[:, 0] - 3 * x[:, 1] + 0 * x[:, 2] + 4 * x[:, 0] * x[:, 3]
    names = [f"x{i}" for i in range(k)]
    effects = morris_effects(trajectory, moved, direction, y, delta, names)
    assert not np.isnan(effects).any()
    found = morris_indices(effects, bootstrap=200)
    assert abs(found["mu"][1] + 3) < 1e-9 and abs(found["mu_star"][1] - 3) < 1e-9
    assert found["sigma"][1] < 1e-9
    assert found["mu_star"][2] < 1e-9 and found["sigma"][2] < 1e-9
    assert found["sigma"][0] > 0.5 and found["sigma"][3] > 0.5
    # The step is delta = 2/3, so the other parameter's mean over the points visited is 1/2
    # whatever the start; bounds of 4 standard errors.
    assert abs(found["mu"][0] - 4) < 4 * found["sigma"][0] / np.sqrt(r)
    assert abs(found["mu"][3] - 2) < 4 * found["sigma"][3] / np.sqrt(r)
    assert found["mu_star_low"][0] <= found["mu_star"][0] <= found["mu_star_high"][0]
