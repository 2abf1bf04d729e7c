"""scripts/deps.sh on machines in the states a fresh one can be in, with apt-get, dpkg and
dpkg-query replaced by stubs on PATH that keep a machine's state in files and record every call.
The stubs answer as apt 2.6 and dpkg 1.21 (Debian 12) do, with their messages and exit statuses:
apt-get refuses every install and -f install while dpkg's journal holds unfinished work
(apt-pkg/deb/debsystem.cc: "E: dpkg was interrupted, you must manually run 'dpkg --configure -a'
to correct the problem. ", status 100, checked on this machine with apt-get -o
Dir::State::status pointing at a copy whose updates/ folder held a journal entry); with unmet
dependencies it asks for apt --fix-broken install (status 100); dpkg --configure -a that cannot
configure a package says why and exits 1; dpkg-query -W on a package not installed says so on
stderr and exits 1. This machine's own dpkg is never touched."""
import os
import subprocess
from pathlib import Path

import pytest

from conftest import REPO

INTERRUPTED = "E: dpkg was interrupted, you must manually run 'dpkg --configure -a' to correct the problem. "
UNMET = [  # apt-get install while a package's dependencies are unmet: stdout, then stderr
    "Reading package lists...\nBuilding dependency tree...\nReading state information...\n"
    "You might want to run 'apt --fix-broken install' to correct these.\n"
    "The following packages have unmet dependencies:\n"
    " libhdf5-dev : Depends: libhdf5-103-1 (= 1.10.8+repack1-1) but it is not going to be installed\n",
    "E: Unmet dependencies. Try 'apt --fix-broken install' with no packages (or specify a solution).\n"]
DEPENDENCY_PROBLEMS = (  # dpkg --configure -a when a half-installed package lacks a dependency
    "dpkg: dependency problems prevent configuration of libhdf5-dev:\n"
    " libhdf5-dev depends on libhdf5-103-1 (= 1.10.8+repack1-1); however:\n"
    "  Package libhdf5-103-1 is not installed.\n\n"
    "dpkg: error processing package libhdf5-dev (--configure):\n"
    " dependency problems - leaving unconfigured\n"
    "Errors were encountered while processing:\n libhdf5-dev\n")
STALE = (  # apt-get install with package lists older than the mirror
    "E: Failed to fetch http://deb.debian.org/debian/pool/main/p/python3.11/python3.11-venv_3.11.2-6_amd64.deb"
    "  404  Not Found [IP: 151.101.2.132 80]\n"
    "E: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?\n")

STUBS = {
    # The machine: files in $STATE. missing: packages not installed, one a line; interrupted:
    # dpkg's journal holds unfinished work; unconfigurable: finishing it leaves dependencies
    # unmet; broken: dependencies are unmet; stale: the package lists are out of date.
    "dpkg-query": """#!/bin/bash
echo "dpkg-query $*" >> "$STATE/calls"
package="${@: -1}"
if grep -qx "$package" "$STATE/missing"; then
  echo "dpkg-query: no packages found matching $package" >&2
  exit 1
fi
printf 'install ok installed'
""",
    "dpkg": """#!/bin/bash
echo "dpkg $*" >> "$STATE/calls"
[[ "$*" == "--configure -a" ]] || { echo "dpkg stub: unexpected $*" >&2; exit 2; }
rm -f "$STATE/interrupted"
if [[ -e "$STATE/unconfigurable" ]]; then
  rm -f "$STATE/unconfigurable"; touch "$STATE/broken"
  printf '%s' "$DEPENDENCY_PROBLEMS" >&2
  exit 1
fi
""",
    "apt-get": """#!/bin/bash
echo "apt-get $*" >> "$STATE/calls"
if [[ "$1" == "update" ]]; then
  rm -f "$STATE/stale"
  echo "Reading package lists..."
  exit 0
fi
if [[ -e "$STATE/interrupted" ]]; then echo "$INTERRUPTED" >&2; exit 100; fi
if [[ "$1" == "-f" ]]; then rm -f "$STATE/broken"; echo "0 upgraded, 1 newly installed"; exit 0; fi
if [[ -e "$STATE/broken" ]]; then printf '%s' "$UNMET_OUT"; printf '%s' "$UNMET_ERR" >&2; exit 100; fi
if [[ -e "$STATE/stale" ]]; then printf '%s' "$STALE" >&2; exit 100; fi
[[ -e "$STATE/refuse" ]] && { echo "E: Package 'chromium' has no installation candidate" >&2; exit 100; }
for package in "${@:4}"; do sed -i "/^$package\\$/d" "$STATE/missing"; done
echo "Setting up ${*:4} ..."
""",
}


def deps(tmp_path, missing, *states):
    """Runs scripts/deps.sh on a stub machine; returns (result, calls, still missing)."""
    state, stubs = tmp_path / "state", tmp_path / "bin"
    state.mkdir()
    stubs.mkdir()
    (state / "missing").write_text("".join(f"{p}\n" for p in missing))
    (state / "calls").write_text("")
    for name in states:
        (state / name).touch()
    for name, text in STUBS.items():
        (stubs / name).write_text(text)
        (stubs / name).chmod(0o755)
    env = {"PATH": f"{stubs}:/usr/bin:/bin", "HOME": str(tmp_path), "STATE": str(state),
           "INTERRUPTED": INTERRUPTED, "UNMET_OUT": UNMET[0], "UNMET_ERR": UNMET[1],
           "DEPENDENCY_PROBLEMS": DEPENDENCY_PROBLEMS, "STALE": STALE}
    result = subprocess.run([str(REPO / "scripts/deps.sh")], env=env, capture_output=True, text=True, timeout=60)
    calls = [c for c in (state / "calls").read_text().splitlines() if not c.startswith("dpkg-query")]
    return result, calls, (state / "missing").read_text().split()


INSTALL = "apt-get install -y --no-install-recommends python3-venv chromium"
MISSING = ["chromium", "python3-venv"]  # in any order; deps.sh asks for them in its own


@pytest.fixture(autouse=True)
def as_root():
    if os.geteuid() != 0:
        pytest.skip("deps.sh calls sudo when not root; the stubs stand for root's tools")


def without_updates(calls):
    """The calls but for apt-get update, made first when this machine has no package lists."""
    return [c for c in calls if c != "apt-get update"]


def test_nothing_missing_installs_nothing(tmp_path):
    result, calls, _ = deps(tmp_path, [])
    assert result.returncode == 0, result.stderr
    assert calls == []
    assert "all" in result.stdout and "packages present" in result.stdout


def test_installs_only_what_is_missing(tmp_path):
    result, calls, missing = deps(tmp_path, MISSING)
    assert result.returncode == 0, result.stderr
    assert without_updates(calls) == [INSTALL]
    assert missing == []


def test_an_interrupted_dpkg_is_finished_then_the_install_goes_on(tmp_path):
    result, calls, missing = deps(tmp_path, MISSING, "interrupted")
    assert result.returncode == 0, result.stdout + result.stderr
    assert without_updates(calls) == [INSTALL, "dpkg --configure -a", INSTALL]
    assert missing == []
    assert INTERRUPTED.strip() in result.stderr  # apt-get's own message is shown, not hidden


def test_dependencies_left_unmet_by_dpkg_are_repaired_with_apt_get_f_install(tmp_path):
    result, calls, missing = deps(tmp_path, MISSING, "interrupted", "unconfigurable")
    assert result.returncode == 0, result.stdout + result.stderr
    assert without_updates(calls) == [INSTALL, "dpkg --configure -a", INSTALL,
                                      "apt-get -f install -y --no-install-recommends", INSTALL]
    assert missing == []


def test_stale_package_lists_are_fetched_again(tmp_path):
    result, calls, missing = deps(tmp_path, MISSING, "stale")
    assert result.returncode == 0, result.stderr
    assert calls[-3:] == [INSTALL, "apt-get update", INSTALL]
    assert missing == []


def test_a_failure_nothing_repairs_stops_with_a_message_after_trying_each_repair_once(tmp_path):
    result, calls, missing = deps(tmp_path, MISSING, "refuse")
    assert result.returncode == 1
    assert "deps: could not install python3-venv chromium" in result.stderr
    assert calls[-3:] == [INSTALL, "apt-get update", INSTALL]
    assert missing == MISSING
