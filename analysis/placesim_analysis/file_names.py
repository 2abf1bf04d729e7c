"""File names made from data (a chart named after a strategy, a metric or a parameter): names in
a results file may hold '/', start with '/', be '..', or run past the 255 bytes a file name may
have. Every file name the package builds from data comes from file_stem."""
import hashlib
import re

_SAFE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")
_UNSAFE_RUN = re.compile(r"[^A-Za-z0-9_.-]+")
MAX_STEM = 100  # with a suffix (.png, .csv) well under any file system's 255 bytes


def file_stem(text):
    """`text` itself when it is a plain file name (letters, digits, '_', '.', '-', not starting
    with '.' or '-', at most MAX_STEM characters); else its safe characters, cut short, and a
    digest of the whole text, so that two different names never share a file."""
    if _SAFE.fullmatch(text) and len(text) <= MAX_STEM:
        return text
    readable = _UNSAFE_RUN.sub("_", text).lstrip(".-")[:MAX_STEM - 11]
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{readable}-{digest}" if readable else digest
