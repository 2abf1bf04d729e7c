"""A Gaussian-process emulator of one target's statistic over the unit cube of the parameters:
a linear trend plus scikit-learn's GaussianProcessRegressor on what the trend leaves (an
anisotropic squared-exponential kernel), as in Vernon, Goldstein & Bower (2010) and
Andrianakis et al. (2015).

The runs are stochastic: a point's statistic is its replicates' mean, whose own error (its
standard error, which varies a great deal over the space: trust that has tipped into a
virtuous circle varies more between replicates than trust that has not) enters each point as
known noise (the GP's per-point alpha). A white-noise term takes what that leaves
unexplained. Predictions are of the expected statistic, without the runs' known noise; the
white-noise term stays in their variance, because the GP cannot tell noise it was not told
about from a mean rougher than its kernel (a place near its tipping point), and counting it
as uncertainty errs on the side of not ruling out (with the white noise left out, the synthetic
truths of tests/python/test_calibration.py fell outside their intervals)."""
import warnings
from dataclasses import dataclass

import numpy as np
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import RBF, ConstantKernel, WhiteKernel
from sklearn.linear_model import LinearRegression


@dataclass
class Diagnostics:
    n_train: int
    loo_r2: float             # leave-one-out R^2 of the emulator's predictions
    loo_within_3: float       # share of leave-one-out standardised errors within +-3
    noise_sd: float           # the fitted stochastic noise (sd of a point's statistic)
    length_scales: np.ndarray # per parameter, in unit-cube terms (large: the target ignores it)


class Emulator:
    def __init__(self, seed):
        self.seed = int(seed)

    def fit(self, x, y, se):
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        # Standard errors from a few replicates are themselves noisy; none is taken as less
        # than a tenth of the typical one.
        se2 = np.nan_to_num(np.asarray(se, dtype=float) ** 2)
        se2 = np.maximum(se2, 0.1 * np.median(se2))
        self.trend = LinearRegression().fit(x, y)
        residual = y - self.trend.predict(x)
        k = x.shape[1]
        scale = np.std(residual)
        self.y_scale = scale if scale > 0 else 1.0
        # Correlation lengths below a twentieth of a prior range would chase the runs' noise.
        kernel = ConstantKernel(1.0, (1e-4, 1e4)) * RBF(np.full(k, 0.3), (5e-2, 1e2)) + WhiteKernel(0.01, (1e-8, 1e1))
        alpha = se2 / self.y_scale ** 2 + 1e-10
        with warnings.catch_warnings():
            # A hyperparameter at its bound is expected (a target that ignores a parameter has
            # an infinite length scale; one the trend explains has no residual left).
            warnings.simplefilter("ignore")
            self.gp = GaussianProcessRegressor(kernel=kernel, alpha=alpha, normalize_y=True, n_restarts_optimizer=2,
                                               random_state=self.seed).fit(x, residual)
        self.noise_var = float(self.gp.kernel_.k2.noise_level) * self.y_scale ** 2
        self.diagnostics = self._loo(x, y)
        return self

    def predict(self, x):
        """Mean and variance of the target's expected statistic at x: the GP's variance with
        its white-noise term, without the points' known noise."""
        x = np.atleast_2d(x)
        mean, sd = self.gp.predict(x, return_std=True)
        return self.trend.predict(x) + mean, np.maximum(sd ** 2, 1e-12 * self.y_scale ** 2)

    def _loo(self, x, y):
        """Closed-form leave-one-out predictions for the fitted kernel (Rasmussen & Williams
        2006, 5.4.2): residual_i = [K^-1 r]_i / [K^-1]_ii, variance 1 / [K^-1]_ii."""
        r = (y - self.trend.predict(x) - self.gp._y_train_mean) / self.y_scale
        big_k = self.gp.kernel_(x) + np.diag(np.broadcast_to(self.gp.alpha, len(x)))
        inverse = np.linalg.inv(big_k)
        diag = np.diag(inverse)
        error = (inverse @ r) / diag * self.y_scale
        sd = np.sqrt(1.0 / diag) * self.y_scale
        total = np.sum((y - y.mean()) ** 2)
        r2 = 1.0 - np.sum(error ** 2) / total if total > 0 else float("nan")
        within = float(np.mean(np.abs(error / sd) <= 3.0))
        scales = np.atleast_1d(self.gp.kernel_.k1.k2.length_scale).astype(float)
        return Diagnostics(len(x), float(r2), within, float(np.sqrt(self.noise_var)), scales)

    def standardised_errors(self, x, y, se):
        """(y - mean) / sd at new points, sd including the runs' noise: a validation."""
        mean, var = self.predict(x)
        return (np.asarray(y) - mean) / np.sqrt(var + np.asarray(se) ** 2)
