"""The rounds file of placesim run --until (docs/adaptive.md): which files it may name. The
engine checks a rounds file by these rules before any command hands it to this package
(sim/io/rounds_file.hpp), and the loader holds it to the same rules, in the same words, so that
the rounds the engine checked are the rounds read (tests/python/test_hostile_files.py gives both
the same files):
  - its format_version is one this package reads (1);
  - every entry of /rounds/file names a file of OUT.rounds/ as "<OUT's name>.rounds/<name>":
    no absolute path, no "..", no other folder;
  - that file is there, a regular file (not a symbolic link), and no file is named twice;
  - the rounds' replicates run on from 0 without a gap or an overlap;
  - each round is of the rounds file's scenario (but for the strategies and replicates a round
    chooses), holding the replicates the list gives it.
Files in OUT.rounds/ that the list does not name are not read."""
import os
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path

FORMAT = "placesim-rounds"
VERSION = 1
# What each round's scenario sets for itself (analysis/adaptive.py, RoundRunner).
ROUND_KEYS = {"replicates", "first_replicate", "strategies"}


class RoundsError(Exception):
    """A rounds file, or a round it lists, that breaks the rules; the message names it."""


@dataclass
class Listing:
    scenario: str
    files: list            # /rounds/file, as written
    first_replicate: list
    replicates: list


def _text(value):
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def listing(path, f):
    """What the open rounds file `f` lists, its version and sizes checked."""
    version = f.attrs.get("format_version")
    if version is None or int(version) != VERSION:
        raise RoundsError(f"{path} has rounds-file format version {-1 if version is None else int(version)}; "
                          f"this package reads version {VERSION}")
    size = os.path.getsize(path)
    columns = {}
    for name in ("file", "first_replicate", "replicates"):
        dataset = f["rounds"][name]
        if dataset.size > size:  # each value takes bytes in the file: more is damage
            raise RoundsError(f"/rounds/{name} in {path} declares {dataset.size} values, more than the file's {size} "
                              "bytes can hold: the file is damaged")
        columns[name] = list(dataset[...])
    return Listing(scenario=_text(f.attrs.get("scenario", "")), files=[_text(v) for v in columns["file"]],
                   first_replicate=[int(v) for v in columns["first_replicate"]],
                   replicates=[int(v) for v in columns["replicates"]])


def round_files(path, listed):
    """The rounds' files, by the rules of the module docstring."""
    path = Path(path)
    folder = f"{path}.rounds"
    prefix = f"{path.name}.rounds/"
    n = len(listed.files)
    if n == 0:
        raise RoundsError(f"{path} lists no rounds")
    if len(listed.first_replicate) != n or len(listed.replicates) != n:
        raise RoundsError(f"{path} is damaged: its /rounds datasets differ in length")
    files, seen, following = [], set(), 0
    for k, entry in enumerate(listed.files):
        name = entry[len(prefix):] if entry.startswith(prefix) else ""
        if name in ("", ".", "..") or "/" in name or "\0" in name:
            raise RoundsError(f"{path} lists '{entry}' as round {k + 1}, which is not a file of {folder}/ "
                              f"(a round is named {prefix}NAME)")
        if name in seen:
            raise RoundsError(f"{path} lists {entry} twice")
        seen.add(name)
        file = f"{folder}/{name}"
        try:
            mode = os.lstat(file).st_mode
        except OSError:
            raise RoundsError(f"{path} lists {entry} as round {k + 1}, which is missing "
                              f"(keep {folder}/ beside {path})") from None
        if stat.S_ISLNK(mode):
            raise RoundsError(f"{file} is a symbolic link; a round is a file of {folder}/")
        if not stat.S_ISREG(mode):
            raise RoundsError(f"{file} is not a regular file")
        first, count = listed.first_replicate[k], listed.replicates[k]
        if first != following or count < 1:
            raise RoundsError(f"{path} is damaged: round {k + 1} has replicates {first} to {first + count - 1}, "
                              f"where the rounds before it end at {following - 1}")
        following += count
        files.append(Path(file))
    return files


def _flat(table, prefix=""):
    """{dotted key: value} of a parsed TOML table."""
    flat = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat.update(_flat(value, f"{prefix}{key}."))
        else:
            flat[prefix + key] = value
    return flat


def _scenario(text, where):
    try:
        return _flat(tomllib.loads(text))
    except tomllib.TOMLDecodeError as error:
        raise RoundsError(f"{where}: its scenario does not read back ({error})") from None


def check_round(path, listed, k, file, round_scenario):
    """Round k (from 0) is of the rounds file's scenario and holds the replicates listed."""
    mine = _scenario(listed.scenario, path)
    theirs = _scenario(round_scenario, file)
    chosen = {f"simulation.{key}" for key in ROUND_KEYS}
    for key in sorted(set(mine) | set(theirs)):
        if key not in chosen and mine.get(key) != theirs.get(key):
            raise RoundsError(f"{file} is a round of another scenario than {path}'s: {key} = {theirs.get(key, '(none)')} "
                              f"there, {mine.get(key, '(none)')} in the rounds file")
    first, count = theirs.get("simulation.first_replicate", 0), theirs.get("simulation.replicates", 0)
    if first != listed.first_replicate[k] or count != listed.replicates[k]:
        raise RoundsError(f"{file} holds replicates {first} to {first + count - 1}, but {path} lists it as round {k + 1} "
                          f"with replicates {listed.first_replicate[k]} to "
                          f"{listed.first_replicate[k] + listed.replicates[k] - 1}")
