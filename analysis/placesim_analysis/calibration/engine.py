"""Runs the model: each wave is the engine's own `placesim run` on a list design (every thread,
the journal, --resume), written into the calibration's work folder.

The design's streams are independent: each (point, replicate) has random streams of its own,
and each wave its own seed, so that the noise in a point's statistic is independent across
points, as the emulators' white-noise term assumes. (With the common random numbers a sweep
uses by default, every point's mean would share one error, which no emulator can see and
which would bias the posterior.)"""
from pathlib import Path

from ..engine_run import run_placesim
from ..files import check_results_file, read_text
from ..toml_text import toml_string


class EngineError(Exception):
    """A wave's runs could not be made."""


def design_text(spec, values):
    """The spec's scenario with a [sweep] listing the points' parameter values [point, parameter]."""
    scenario = spec.scenario.rstrip("\n")
    lines = [scenario, "", "# The wave's design points (placesim calibrate).", "[sweep]",
             'design = "list"', 'streams = "independent"', "points = ["]
    for row in values:
        entries = ", ".join(f"{toml_string(p.key)} = {p.toml(x)}" for p, x in zip(spec.priors, row))
        lines.append(f"  {{ {entries} }},")
    lines.append("]")
    return "\n".join(lines) + "\n"


class Engine:
    def __init__(self, placesim, work, threads=None, quiet=False, arguments=()):
        self.placesim = placesim
        self.work = Path(work)
        self.threads = threads
        self.quiet = quiet
        self.arguments = list(arguments)  # for every wave's placesim run

    def run(self, name, spec, values, seed):
        """The results file of the points' runs: made once; a file already complete is reused
        and an interrupted one resumed (a killed calibration continues where it stopped)."""
        scenario = self.work / f"{name}.toml"
        output = self.work / f"{name}.h5"
        if output.exists():
            check_results_file(self.placesim, output)  # a finished wave, kept: checked before h5py opens it
            return output
        text = design_text(spec, values)
        if scenario.exists() and read_text(scenario) != text:
            raise EngineError(f"{scenario} holds another design; start again with --force")
        scenario.write_text(text, encoding="utf-8")
        finished = run_placesim(self.placesim, scenario, output, ["--seed", str(seed), *self.arguments], self.threads)
        if finished.returncode != 0:
            raise EngineError(f"placesim run {scenario} failed: {finished.stderr.strip()}")
        return output
