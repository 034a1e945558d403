"""Spreadsheet-safe CSV: text that a spreadsheet would run as a formula gets a leading apostrophe.

A CSV file meant to be opened in Excel, LibreOffice or Google Sheets can carry a formula in
disguise: a cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return,
which some programs skip before looking) is evaluated, not shown ("CSV injection"). Every CSV that
netles writes for people to open (profile tables, anonymised datasets, the list of skipped files)
therefore writes such a text cell with a leading apostrophe, the marker spreadsheets themselves
use for "this is text", and every netles reader takes it off again:

* :func:`escape_cell` / :func:`unescape_cell` on one value, :func:`spreadsheet_safe` /
  :func:`unescape_frame` on a table, :func:`to_csv` for a whole file, and
  :func:`unescape_arrow` for the dataset reader (``netles.io.tables``).
* Plain numbers (``-3``, ``+31``, ``-0.5``) are left alone: a spreadsheet reads them as numbers,
  nothing runs.
* The round trip is exact for every text: a text that already begins with apostrophes followed by
  one of those characters gets one more, so ``unescape_cell(escape_cell(s)) == s`` always.

References
----------
.. [1] OWASP, "CSV Injection" (owasp.org/www-community/attacks/CSV_Injection): prefix cells that
   begin with ``=``, ``+``, ``-``, ``@``, tab or carriage return with a single quote.
"""
from __future__ import annotations

import re
from typing import Any

import pandas as pd

__all__ = ["TRIGGERS", "escape_cell", "unescape_cell", "spreadsheet_safe", "unescape_frame", "to_csv", "unescape_arrow"]

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet evaluate a cell."""

_CLASS = "[=+\\-@\t\r]"
_NEEDS = re.compile(f"^'*{_CLASS}")
_ESCAPED = re.compile(f"^'+{_CLASS}")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


def escape_cell(value: Any) -> Any:
    """``value`` as a spreadsheet shows it safely: text that would run as a formula gets a ``'``.

    Examples
    --------
    >>> [escape_cell(v) for v in ["=SUM(A1)", "@cmd", "-2+3", "-3", "gewoon", 7, "'=x"]]
    ["'=SUM(A1)", "'@cmd", "'-2+3", '-3', 'gewoon', 7, "''=x"]
    """
    if isinstance(value, str) and _NEEDS.match(value) and not _NUMBER.match(value):
        return "'" + value
    return value


def unescape_cell(value: Any) -> Any:
    """The text :func:`escape_cell` was given.

    Examples
    --------
    >>> [unescape_cell(v) for v in ["'=SUM(A1)", "'-2+3", "'gewoon", "''=x", "-3"]]
    ['=SUM(A1)', '-2+3', "'gewoon", "'=x", '-3']
    """
    if isinstance(value, str) and _ESCAPED.match(value):
        return value[1:]
    return value


def _text_like(series: pd.Series) -> bool:
    return (series.dtype == object or isinstance(series.dtype, pd.StringDtype)
            or pd.api.types.is_string_dtype(series.dtype) or isinstance(series.dtype, pd.CategoricalDtype))


def _map(series: pd.Series, func) -> pd.Series:
    if isinstance(series.dtype, pd.CategoricalDtype):
        categories = series.cat.categories
        if not len(categories) or categories.dtype.kind not in ("O", "U") and not pd.api.types.is_string_dtype(categories.dtype):
            return series
        new = [func(c) for c in categories]
        if new == list(categories):
            return series
        return pd.Series(pd.Categorical([func(v) if isinstance(v, str) else v for v in series.astype(object)]),
                         index=series.index, name=series.name)
    mapped = series.map(func, na_action="ignore")
    return mapped if not mapped.equals(series) else series


def _index(index: pd.Index, func) -> pd.Index:
    if isinstance(index, pd.MultiIndex):
        return index.set_levels([level.map(func) if _text_like(pd.Series(level)) else level for level in index.levels],
                                verify_integrity=False)
    return index.map(func) if _text_like(pd.Series(index)) else index


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells (and text index) are escaped with :func:`escape_cell`.

    Examples
    --------
    >>> spreadsheet_safe(pd.DataFrame({"naam": ["=1+1", "Ans"], "n": [-1, 2]})).to_dict("list")
    {'naam': ["'=1+1", 'Ans'], 'n': [-1, 2]}
    """
    out = frame.copy()
    for column in out.columns:
        if _text_like(out[column]):
            out[column] = _map(out[column], escape_cell)
    out.index = _index(out.index, escape_cell)
    return out


def unescape_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every escaped text cell (and index value) read back."""
    out = frame.copy()
    for column in out.columns:
        if _text_like(out[column]):
            out[column] = _map(out[column], unescape_cell)
    out.index = _index(out.index, unescape_cell)
    return out


def to_csv(frame: pd.DataFrame, **kwargs) -> str:
    """``frame.to_csv(**kwargs)`` with every text cell made spreadsheet-safe (Unix line ends).

    Examples
    --------
    >>> print(to_csv(pd.DataFrame({"bestand": ["=HYPERLINK(1)"]}), index=False), end="")
    bestand
    '=HYPERLINK(1)
    """
    kwargs.setdefault("lineterminator", "\n")
    return spreadsheet_safe(frame).to_csv(**kwargs)


def unescape_arrow(table):
    """A pyarrow table with every escaped text cell read back (what the dataset reader calls).

    Only text columns whose values hold an escaped cell are touched; a dictionary-encoded column
    stays dictionary-encoded.

    Examples
    --------
    >>> import pyarrow as pa
    >>> t = pa.table({"a": ["'=x", "y"], "b": pa.array(["'@z", "'@z"]).dictionary_encode()})
    >>> unescape_arrow(t).to_pydict()
    {'a': ['=x', 'y'], 'b': ['@z', '@z']}
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    pattern = _ESCAPED.pattern

    def fix(array):
        mask = pc.match_substring_regex(array, pattern)
        if not pc.any(mask).as_py():
            return None
        return pc.if_else(mask, pc.utf8_slice_codeunits(array, 1), array)

    columns = []
    changed = False
    for column in table.columns:
        kind = column.type
        new = None
        if pa.types.is_dictionary(kind) and pa.types.is_string(kind.value_type):
            if any(len(chunk.dictionary) and pc.any(pc.match_substring_regex(chunk.dictionary, pattern)).as_py()
                   for chunk in column.chunks):
                decoded = fix(column.cast(pa.string()))
                if decoded is not None:
                    new = pc.dictionary_encode(decoded).cast(kind)
        elif pa.types.is_string(kind) or pa.types.is_large_string(kind):
            new = fix(column)
        columns.append(column if new is None else new)
        changed |= new is not None
    return pa.Table.from_arrays(columns, schema=table.schema) if changed else table
