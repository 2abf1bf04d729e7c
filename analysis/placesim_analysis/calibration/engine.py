"""Runs the model: each wave is the engine's own `placesim run` on a list design (every thread,
the journal, --resume), written into the calibration's work folder.

The design's streams are independent: each (point, replicate) has random streams of its own,
and each wave its own seed, so that the noise in a point's statistic is independent across
points, as the emulators' white-noise term assumes. (With the common random numbers a sweep
uses by default, every point's mean would share one error, which no emulator can see and
which would bias the posterior.)"""
from pathlib import Path

from ..engine_run import run_failure, run_placesim
from ..files import UnreadableFile, check_results_file, read_text, require_regular
from ..output_files import written_whole
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
        if _text_or_none(scenario) != text:
            if Path(f"{output}.journal").exists():
                # Its runs have started: they are of the design the file held.
                raise EngineError(f"{scenario} holds another design than this calibration's, and its runs have begun; "
                                  f"remove {scenario} and {output}.journal to run this wave again (the earlier waves "
                                  "are kept), or start the whole calibration again with --force")
            with written_whole(scenario) as partial:  # absent, or cut short by an earlier version
                partial.write_text(text, encoding="utf-8")
        finished = run_placesim(self.placesim, scenario, output, ["--seed", str(seed), *self.arguments], self.threads)
        if finished.returncode != 0:
            raise EngineError(f"placesim run {scenario} failed: {run_failure(finished)}")
        return output


def _text_or_none(path):
    """The design file's text; None when it is absent, or is not whole UTF-8 text (cut short
    mid-character by an earlier version). What is not a regular file is refused
    (files.UnreadableFile), never read or replaced."""
    if not path.exists():
        return None
    require_regular(path)
    try:
        return read_text(path)
    except UnreadableFile:
        return None
