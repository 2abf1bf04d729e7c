"""Every CSV the package writes (export, compare --format csv, the reports' chart data) goes
through write_csv. A spreadsheet evaluates a cell that begins with = + - @ (or a tab, carriage return
or line feed) as a formula, and names come from files someone else may have written: a strategy named
"=1+1+cmd|' /C calc'!A0" would run on opening. Such text cells get a leading apostrophe, which
spreadsheets show as text (OWASP, "CSV Injection"). Numbers stay numbers: only text is changed,
and text that is just a number ("-0.5") is left alone.

A carriage return inside a cell becomes a line feed: the CSV writer quotes a cell holding a line
feed, but not one holding a bare carriage return (lines end in a line feed), at which a
spreadsheet would start a new row, and its next cell could be a formula."""
import re


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def neutralise(value):
    """A text cell a spreadsheet would take for a formula, with a leading apostrophe, and its
    carriage returns as line feeds; any other value unchanged."""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        value = "'" + value
    return value.replace("\r\n", "\n").replace("\r", "\n")


def write_csv(frame, destination):
    """frame (no index) as CSV to a path or an open text stream, every text cell and heading
    neutralised."""
    safe = frame.copy()
    for column in frame.select_dtypes(include=["object", "string", "category"]).columns:
        safe[column] = frame[column].astype(object).map(neutralise)
    safe.to_csv(destination, index=False, header=[neutralise(str(c)) for c in frame.columns])
