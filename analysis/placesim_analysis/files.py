"""Reading a file someone named, as the engine does (sim/scenario/user_file.hpp): only a regular
file, and never more than a bound. A FIFO blocks whoever opens it for reading until a writer
comes, and a device such as /dev/zero never ends; so the type is checked before the file is
opened (stat), and again on what was opened (fstat, opened without blocking), and at most
limit + 1 bytes are read.

And a results file that someone else's folder holds (a round of placesim run --until, a wave of
a calibration being resumed) is checked by the engine before h5py opens it: libhdf5 loops for
ever or crashes on some damaged files, and the engine's check runs in a child process, bounded
in time (placesim info; docs/results.md, "Damage")."""
import os
import stat
import subprocess

MAX_TEXT_BYTES = 16 << 20  # as the engine reads scenario and targets files (toml_limits.hpp)


class UnreadableFile(Exception):
    """A file that is not a regular file, cannot be opened, is too large or is damaged; the
    message names it."""


def _kind(mode):
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a file"


def _require_regular(path, mode):
    if stat.S_ISDIR(mode):
        raise UnreadableFile(f"{path} is a folder")
    if not stat.S_ISREG(mode):
        raise UnreadableFile(f"{path} is not a regular file ({_kind(mode)})")


def open_regular(path):
    """A descriptor of a regular file, opened for reading without blocking on what is not one."""
    try:
        _require_regular(path, os.stat(path).st_mode)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        raise UnreadableFile(f"{path} cannot be opened: {error.strerror}") from None
    try:
        _require_regular(path, os.fstat(fd).st_mode)
    except BaseException:
        os.close(fd)
        raise
    return fd


def require_regular(path):
    """Raises UnreadableFile unless path is a regular file that can be opened."""
    os.close(open_regular(path))


def read_bytes(path, limit):
    """At most limit + 1 bytes of a regular file (more than limit: the file is larger)."""
    fd = open_regular(path)
    try:
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 16, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    except OSError as error:
        raise UnreadableFile(f"{path} cannot be read: {error.strerror}") from None
    finally:
        os.close(fd)


def read_text(path, limit=MAX_TEXT_BYTES):
    """A whole UTF-8 text file of at most `limit` bytes."""
    data = read_bytes(path, limit)
    if len(data) > limit:
        raise UnreadableFile(f"{path} is larger than the {limit} bytes that are read")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"{path} is not UTF-8 text (byte {error.start})") from None


def check_results_file(placesim, path):
    """The engine's check of a results file (placesim info: in a child process, bounded in
    time, every chunk against its checksum); raises UnreadableFile with its message."""
    require_regular(path)
    # An absolute path: a name starting with "-" must not read as an option.
    checked = subprocess.run([placesim, "info", os.path.abspath(path)], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    if checked.returncode != 0:
        lines = checked.stderr.strip().splitlines() or [f"{path}: the check failed (status {checked.returncode})"]
        raise UnreadableFile(lines[-1].removeprefix("placesim: "))
