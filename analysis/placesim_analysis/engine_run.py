"""Runs the engine's own `placesim run` for an analysis that needs runs (a calibration's waves,
the rounds of placesim run --until): every thread, the journal, and --resume when a killed run
left one."""
import ctypes
import os
import signal
import subprocess
from pathlib import Path

_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent):
    """In the child before exec: killed when this process dies (Linux prctl), so an analysis
    killed with kill -9 leaves no run working on, holding its output's lock."""
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


def _path_argument(path):
    """A path as an argument the engine reads as a path, not an option: -x.toml as ./-x.toml."""
    text = str(path)
    return os.path.join(".", text) if text.startswith("-") else text


def run_placesim(placesim, scenario, output, arguments=(), threads=None):
    """`placesim run SCENARIO -o OUTPUT --quiet ARGUMENTS...`, resuming OUTPUT's journal when there
    is one. Returns the finished process (its stderr as text). No shell: each argument is passed
    as itself."""
    command = [placesim, "run", _path_argument(scenario), "-o", _path_argument(output), "--quiet", *arguments]
    if threads:
        command += ["--threads", str(threads)]
    if Path(str(output) + ".journal").exists():
        command.append("--resume")
    parent = os.getpid()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: _die_with_parent(parent))
    try:
        _, errors = process.communicate()
    except BaseException:
        # Interrupted: the run stops as after Ctrl-C (its finished runs kept in its journal, its
        # partial file and lock removed), before this process goes.
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
        process.communicate()
        raise
    return subprocess.CompletedProcess(command, process.returncode, None, errors)


def run_failure(finished):
    """What a failed run said, less its advice on resuming itself: the command that started it
    (calibrate, run --until) says how to continue the whole."""
    lines = [line for line in finished.stderr.strip().splitlines()
             if "; finish them with: " not in line and "; finish the others with: " not in line]
    return "\n".join(lines)
