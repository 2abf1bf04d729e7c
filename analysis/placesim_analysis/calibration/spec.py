"""The checked calibration targets, as `placesim calibrate` writes them (targets.spec.toml),
and the priors of the parameters as maps from the unit cube."""
import tomllib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import stats

from ..files import read_text


@dataclass(frozen=True)
class Prior:
    """A parameter's prior, read from the spec: the engine's distributions (docs/scenarios.md,
    "Sweeps"). Emulators work in the unit cube u = F(x), F the prior's distribution function,
    so a uniform draw of u is a draw from the prior."""
    key: str
    integer: bool
    distribution: str
    min: float
    max: float
    mode: float
    mean: float
    sd: float
    describe: str

    def value(self, u):
        """The prior's quantile at u (an array in [0, 1])."""
        u = np.clip(np.asarray(u, dtype=float), 0.0, 1.0)
        lo, hi = self.min, self.max
        if self.integer and self.distribution == "uniform":
            # Each integer from min to max equally likely, as the engine's designs draw them.
            return np.minimum(np.floor(lo + u * (hi - lo + 1)), hi)
        if self.distribution == "uniform":
            x = lo + u * (hi - lo)
        elif self.distribution == "log_uniform":
            x = np.exp(np.log(lo) + u * (np.log(hi) - np.log(lo)))
        elif self.distribution == "normal":
            a, b = (lo - self.mean) / self.sd, (hi - self.mean) / self.sd
            x = stats.truncnorm.ppf(u, a, b, loc=self.mean, scale=self.sd)
        elif self.distribution == "triangular":
            x = stats.triang.ppf(u, (self.mode - lo) / (hi - lo), loc=lo, scale=hi - lo)
        else:
            raise ValueError(f"{self.key}: distribution {self.distribution!r} cannot be calibrated")
        x = np.clip(x, lo, hi)
        return np.round(x) if self.integer else x

    def toml(self, x):
        """A value as the scenario file takes it."""
        return str(int(x)) if self.integer else repr(float(x))


@dataclass(frozen=True)
class Target:
    name: str
    metric: str
    issue: str
    sector_from: str
    sector_to: str
    months: tuple
    statistic: str      # mean, per_year, per_decade, quantile, share_above
    quantile: float
    threshold: float
    strategy: str
    minus: str          # empty, or the reference of a paired difference
    value: float
    sd: float
    source: str
    where: str          # file:line of the target in the targets file

    def describe(self):
        what = self.metric + (f"[{self.issue}]" if self.issue else "") + \
            (f"[{self.sector_from}->{self.sector_to}]" if self.sector_from else "")
        months = f"month {self.months[0]}" if len(self.months) == 1 else f"months {self.months[0]}-{self.months[-1]}"
        who = f"{self.strategy} - {self.minus}" if self.minus else self.strategy
        return f"{self.statistic} of {what} at {months}, {who}"


@dataclass(frozen=True)
class Settings:
    waves: int
    points: int
    replicates: int
    cutoff: float
    candidates: int
    posterior_draws: int
    check_points: int
    seed: int
    emulator_points: int


@dataclass(frozen=True)
class Spec:
    path: Path
    text: str
    targets_file: str
    scenario_file: str
    scenario: str       # the resolved scenario text, strategies and replicates set for calibration
    strategies: tuple
    months: int
    settings: Settings
    priors: tuple
    targets: tuple

    @property
    def dimension(self):
        return len(self.priors)

    def values(self, unit):
        """Parameter values [point, parameter] from unit-cube points [point, parameter]."""
        unit = np.atleast_2d(unit)
        return np.column_stack([p.value(unit[:, i]) for i, p in enumerate(self.priors)])


def load_spec(path):
    path = Path(path)
    text = read_text(path)
    raw = tomllib.loads(text)
    return Spec(path=path, text=text, targets_file=raw["targets_file"], scenario_file=raw["scenario_file"],
                scenario=raw["scenario"], strategies=tuple(raw["strategies"]), months=int(raw["months"]),
                settings=Settings(**raw["settings"]),
                priors=tuple(Prior(**p) for p in raw["parameters"]),
                targets=tuple(Target(**{**t, "months": tuple(t["months"])}) for t in raw["targets"]))
