"""Runs the model: each wave is the engine's own `placesim run` on a list design (every thread,
the journal, --resume), written into the calibration's work folder.

The design's streams are independent: each (point, replicate) has random streams of its own,
and each wave its own seed, so that the noise in a point's statistic is independent across
points, as the emulators' white-noise term assumes. (With the common random numbers a sweep
uses by default, every point's mean would share one error, which no emulator can see and
which would bias the posterior.)"""
import ctypes
import os
import signal
import subprocess
from pathlib import Path

_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent):
    """In the child before exec: killed when this process dies (Linux prctl), so a calibration
    killed with kill -9 leaves no run working on, holding its output's lock."""
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


class EngineError(Exception):
    """A wave's runs could not be made."""


def design_text(spec, values):
    """The spec's scenario with a [sweep] listing the points' parameter values [point, parameter]."""
    scenario = spec.scenario.rstrip("\n")
    lines = [scenario, "", "# The wave's design points (placesim calibrate).", "[sweep]",
             'design = "list"', 'streams = "independent"', "points = ["]
    for row in values:
        entries = ", ".join(f'"{p.key}" = {p.toml(x)}' for p, x in zip(spec.priors, row))
        lines.append(f"  {{ {entries} }},")
    lines.append("]")
    return "\n".join(lines) + "\n"


class Engine:
    def __init__(self, placesim, work, threads=None, quiet=False):
        self.placesim = placesim
        self.work = Path(work)
        self.threads = threads
        self.quiet = quiet

    def run(self, name, spec, values, seed):
        """The results file of the points' runs: made once; a file already complete is reused
        and an interrupted one resumed (a killed calibration continues where it stopped)."""
        scenario = self.work / f"{name}.toml"
        output = self.work / f"{name}.h5"
        if output.exists():
            return output
        text = design_text(spec, values)
        if scenario.exists() and scenario.read_text(encoding="utf-8") != text:
            raise EngineError(f"{scenario} holds another design; start again with --force")
        scenario.write_text(text, encoding="utf-8")
        command = [self.placesim, "run", str(scenario), "-o", str(output), "--quiet", "--seed", str(seed)]
        if self.threads:
            command += ["--threads", str(self.threads)]
        if Path(str(output) + ".journal").exists():
            command.append("--resume")
        parent = os.getpid()
        finished = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                  preexec_fn=lambda: _die_with_parent(parent))
        if finished.returncode != 0:
            raise EngineError(f"placesim run {scenario} failed: {finished.stderr.strip()}")
        return output
