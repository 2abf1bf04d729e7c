"""How the package writes a file: never onto something that is not a regular file, never onto the
command's own input, and whole or not at all (to a temporary beside it, renamed into place), so
that a kill or a full disk leaves either the old file or none, never a cut one that a resume
would read. The same rules as the engine's (sim/cli/output_file.hpp)."""
import errno
import os
import shutil
import stat
from contextlib import contextmanager
from pathlib import Path


class OutputError(Exception):
    """An output that cannot be written; the message names it and why."""
    status = 1  # the command failed (a full or read-only disk)


class OutputRefused(OutputError):
    """An output refused before anything was written (it exists, it is a device, it is an input)."""
    status = 2


def _kind(path):
    """'a FIFO (named pipe)', 'a folder', ... for what is at `path`; None for a regular file or nothing."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _same_file(a, b):
    try:
        return os.path.samefile(a, b)  # device and inode, symbolic links followed
    except OSError:
        return False


def require_regular_or_absent(path, role):
    kind = _kind(path)
    if kind:
        raise OutputRefused(f"cannot use {path} as {role}: it is {kind}, and placesim writes and replaces only "
                            "regular files; choose another file with -o")


def require_not_an_input(path, inputs):
    """inputs: (path, role) of every file the command reads."""
    for source, role in inputs:
        if _same_file(path, source):
            raise OutputRefused(f"cannot write {path}: it is {role} {source}, which this command reads; "
                                "choose another file with -o")


def check_output_file(path, role, inputs=(), force=False):
    """Before any work: `path` may be written (absent, or a regular file that --force replaces, and
    not an input)."""
    require_regular_or_absent(path, role)
    require_regular_or_absent(_partial(path), "its partial file")
    require_not_an_input(path, inputs)
    if os.path.lexists(path) and not force:
        raise OutputRefused(f"{path} exists and was left as it is; use --force to replace it, or -o to choose "
                            "another file")


def reason(error):
    """The operating system's words for an OSError ('No space left on device')."""
    return error.strerror or str(error)


def _partial(path):
    path = Path(path)
    return path.with_name(path.name + ".partial")


@contextmanager
def written_whole(path):
    """Yields a temporary path beside `path` to write; when the block ends, the temporary is
    flushed to disk and renamed to `path`. On any error it is removed and `path` left as it was;
    an OSError becomes an OutputError naming `path`."""
    path = Path(path)
    temporary = _partial(path)
    require_regular_or_absent(temporary, "a partial file")  # a leftover of a kill is ours to replace
    try:
        yield temporary
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, path)
    except OSError as error:
        _remove(temporary)
        raise OutputError(f"cannot write {path}: {reason(error)}") from None
    except BaseException:
        _remove(temporary)
        raise


def _remove(path):
    try:
        os.unlink(path)
    except OSError:
        pass  # never made, or on a disk that has become read-only


# A folder written by written_folder holds this file: --force replaces only such folders.
FOLDER_MARK = ".placesim-output"
_WRITE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EFBIG}


def _is_ours(folder, legacy):
    return (folder / FOLDER_MARK).exists() or legacy(folder)


def _names_a_file_in(error, folder):
    """Whether an OSError is about `folder` or a file in it (by the paths it names)."""
    root = os.path.abspath(folder)
    names = [os.path.abspath(os.fsdecode(name)) for name in (error.filename, error.filename2)
             if isinstance(name, (str, bytes, os.PathLike))]
    return any(name == root or name.startswith(root + os.sep) for name in names)


def _inside(path, folder):
    try:
        resolved = Path(path).resolve(strict=True)
    except OSError:
        return False
    return any(_same_file(parent, folder) for parent in resolved.parents)


@contextmanager
def written_folder(folder, what, force=False, inputs=(), legacy=lambda folder: False):
    """Yields a temporary folder beside `folder` (FOLDER.partial, marked as this package's) to
    write a `what` ("report") into; at the end it replaces `folder`. An existing folder is
    replaced only with `force` and only when it is this package's (marked, or `legacy(folder)`)
    and holds no input. An error while writing (a full or read-only disk, or any OSError about a
    file inside the temporary) becomes an OutputError naming `folder`; the temporary is removed
    and `folder` left as it was. Other errors (reading the input) pass through."""
    folder = Path(folder)
    kind = _kind(folder) or ("a file" if os.path.lexists(folder) else None)
    if kind and kind != "a folder":
        raise OutputRefused(f"cannot write the {what} to {folder}: it is {kind}, not a folder; choose another folder "
                            "with -o")
    if kind and any(folder.iterdir()):
        if not _is_ours(folder, legacy):
            raise OutputRefused(f"{folder}: is not empty and holds no {what} of placesim's; choose a new or empty "
                                "folder with -o")
        if not force:
            raise OutputRefused(f"{folder}: holds a {what} written earlier; use --force to replace it")
        for source, role in inputs:
            if _inside(source, folder):
                raise OutputRefused(f"cannot replace {folder}: it holds {role} {source}; choose another folder with -o")
    temporary = _partial(folder)
    if os.path.lexists(temporary):
        if _kind(temporary) != "a folder" or (any(temporary.iterdir()) and not _is_ours(temporary, legacy)):
            raise OutputRefused(f"cannot write the {what} to {folder}: {temporary} is in the way and is not "
                                "placesim's; move it away")
        shutil.rmtree(temporary)  # cut short by a kill or a full disk
    try:
        temporary.mkdir(parents=True)
        (temporary / FOLDER_MARK).write_text(f"A {what} written by placesim: --force may replace this folder.\n")
        yield temporary
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(temporary, folder)
    except OSError as error:
        shutil.rmtree(temporary, ignore_errors=True)
        if error.errno in _WRITE_ERRORS or _names_a_file_in(error, temporary):
            raise OutputError(f"cannot write the {what} to {folder}: {reason(error)}; nothing was replaced") from None
        raise
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
