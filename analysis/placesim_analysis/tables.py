"""Tables a person can paste into a report: plain column names, each estimate with its interval
in one cell, and numbers rounded to what their column needs (no 1.29e-06)."""
import numpy as np
import pandas as pd


def decimals_for(values, significant=3, most=4):
    """Decimals that give a column's typical (median absolute, non-zero) value `significant`
    significant figures, at most `most`."""
    values = np.abs(np.asarray(values, dtype=float))
    values = values[np.isfinite(values) & (values > 0)]
    if values.size == 0:
        return 2
    return int(np.clip(significant - 1 - np.floor(np.log10(np.median(values))), 0, most))


def number(value, decimals):
    if value is None or not np.isfinite(value):
        return ""
    text = f"{value:,.{decimals}f}"
    return text[1:] if text.startswith("-") and float(text[1:].replace(",", "")) == 0 else text


def interval(mean, low, high, decimals):
    """'0.0457 (0.0394 to 0.0519)'; the mean alone when there is no interval (one run)."""
    if mean is None or not np.isfinite(mean):
        return ""
    if low is None or high is None or not (np.isfinite(low) and np.isfinite(high)):
        return number(mean, decimals)
    return f"{number(mean, decimals)} ({number(low, decimals)} to {number(high, decimals)})"


def interval_column(frame, mean, low, high):
    """One text column of `mean (low to high)` for every row, rounded alike."""
    d = decimals_for(frame[mean])
    return [interval(m, lo, hi, d) for m, lo, hi in zip(frame[mean], frame[low], frame[high])]


def number_column(frame, column):
    d = decimals_for(frame[column])
    return [number(v, d) for v in frame[column]]


def readable(frame, names):
    """The columns of `names` ({column: heading}) in that order, renamed; floats rounded per column."""
    out = pd.DataFrame(index=frame.index)
    for column, heading in names.items():
        values = frame[column]
        out[heading] = number_column(frame, column) if pd.api.types.is_float_dtype(values) else values
    return out
