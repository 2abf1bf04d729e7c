"""Names written into TOML that the engine reads (a round's --set simulation.strategies, a
calibration wave's design keys). A name is data: written as a TOML string, escaped, it reads back
as that name and never as more TOML (a strategy named 'mentoring", "co_design' once made the
engine run two other strategies)."""
import re

# Inside a TOML basic string: the quote, the backslash and control characters must be escaped.
_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')


def toml_string(text):
    """`text` as a TOML basic string, quotes included."""
    return '"' + _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + '"'


def toml_array(texts):
    """A TOML array of strings."""
    return "[" + ", ".join(toml_string(t) for t in texts) + "]"
