"""Reading one table file (CSV or Parquet) as text cells, remembering where every row came from.

The dataset readers (our folder format, Network Canvas, egor) all start here. A table is read
without interpreting any value: every cell stays text (or the Parquet value), empty cells are
missing, and two bookkeeping columns, :data:`FILE_COL` and :data:`ROW_COL`, hold the file name and
the 1-based data row, so that validation can name the file and the row of each problem.

Problems that stop a file from being read (0 bytes, bytes that are not UTF-8, a row with more or
fewer values than the header) are collected as :class:`netles.Problem` records instead of raised,
so that one bad row or one bad file does not hide every other problem.
"""
from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import Problem

__all__ = ["FILE_COL", "ROW_COL", "RawTable", "read_table", "sniff_separator", "stack"]

FILE_COL = "__netles_file"
"""Bookkeeping column: the file a row was read from."""
ROW_COL = "__netles_row"
"""Bookkeeping column: the 1-based data row (the header is not counted)."""

SEPARATORS = (",", ";", "\t")


@dataclass
class RawTable:
    """One table as read: text cells plus where each row came from.

    ``frame`` is None when the file could not be read at all (then ``problems`` says why).
    ``bad_rows`` maps the :data:`ROW_COL` numbers of rows that are broken (wrong number of values,
    bytes that are not UTF-8) to their cells; they are left out of ``frame``.
    """

    file: str
    frame: pd.DataFrame | None
    problems: list[Problem] = field(default_factory=list)
    bad_rows: dict = field(default_factory=dict)
    separator: str | None = None
    header: list | None = None

    def ego_of_bad_rows(self, column: str = "ego_id") -> tuple[set, bool]:
        """The egos of the broken rows: (ids, whether every broken row's ego could be told).

        A row with too few values because it uses another separator is split again with that
        separator only to learn its ego, so that this ego (and not every ego) can be excluded.
        """
        if not self.bad_rows:
            return set(), True
        if not self.header or column not in self.header:
            return set(), False
        at = self.header.index(column)
        egos, complete = set(), True
        for cells in self.bad_rows.values():
            if len(cells) == 1:
                for other in SEPARATORS:
                    if other != self.separator and len(cells[0].split(other)) == len(self.header):
                        cells = cells[0].split(other)
                        break
            if len(cells) > at and cells[at].strip() and not _has_surrogate(cells[at]):
                egos.add(cells[at].strip().strip('"'))
            else:
                complete = False
        return egos, complete


def sniff_separator(header: str) -> str:
    """The separator of a CSV file, judged from its header line.

    Counts ``,``, ``;`` and tab outside double quotes and takes the most frequent; a header with
    none of them (a single column) is taken as comma-separated.

    Examples
    --------
    >>> sniff_separator('"egoID";"alterID";"alter.sex"')
    ';'
    >>> sniff_separator("ego_id,gender,age")
    ','
    """
    counts = {sep: 0 for sep in SEPARATORS}
    quoted = False
    for char in header:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(SEPARATORS, key=lambda s: counts[s])
    return best if counts[best] else ","


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def read_table(path: str | os.PathLike, name: str | None = None, separator: str | None = None) -> RawTable:
    """Read one CSV or Parquet file as text cells with row bookkeeping.

    Parameters
    ----------
    path : path-like
        A ``.csv`` (any of ``,``, ``;`` or tab as separator, any line ends, UTF-8 with or without a
        byte-order mark) or a ``.parquet`` file.
    name : str, optional
        The file name to put in problems (default: the file's name).
    separator : str, optional
        Force a separator instead of judging it from the header.

    Returns
    -------
    RawTable
        Never raises for bad content: a 0-byte file, a file that is not UTF-8 or rows with the
        wrong number of values are reported in ``problems``; readable rows are kept.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "egos.csv").write_bytes(b"ego_id;age\\r\\ne1;54\\r\\ne2;61;x\\r\\n")
    >>> table = read_table(folder / "egos.csv")
    >>> table.frame[["ego_id", "age", ROW_COL]].to_dict("records")
    [{'ego_id': 'e1', 'age': '54', '__netles_row': 1}]
    >>> print(table.problems[0])
    egos.csv, row 2: has 3 values but the header has 2 columns (allowed: one value per column, separated by ';')
    """
    path = Path(path)
    name = name or path.name
    if path.suffix.lower() == ".parquet":
        return _read_parquet(path, name)
    data = path.read_bytes()
    if not data:
        return RawTable(name, None, [Problem("is empty (0 bytes): nothing could be read", file=name, allowed="a CSV file with a header row")])
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    problems: list[Problem] = []
    # surrogateescape keeps the rows that are fine; rows holding undecodable bytes are reported below
    text = data.decode("utf-8", errors="surrogateescape")
    lines = text.splitlines()
    header_line = next((line for line in lines if line.strip()), "")
    if not header_line.strip():
        return RawTable(name, None, [Problem("holds no header row", file=name, allowed="a CSV file with a header row")])
    sep = separator or sniff_separator(header_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    try:
        records = list(reader)
    except csv.Error as exc:
        return RawTable(name, None, [Problem(f"is not a readable CSV file ({exc})", file=name, allowed="a CSV file")], separator=sep)
    while records and not any(cell.strip() for cell in records[0]):
        records.pop(0)
    header = [_clean_name(c) for c in records[0]]
    body = records[1:]
    bad_rows: dict[int, str] = {}
    if any(_has_surrogate(c) for c in header):
        return RawTable(
            name, None,
            [Problem("is not UTF-8 text (in the header); save it as UTF-8", file=name, row=None, allowed="a UTF-8 encoded CSV file")],
            separator=sep,
        )
    if len(header) == 1 and len(body) and any(other in header[0] for other in (",", ";", "\t", "|")):
        problems.append(
            Problem(
                f"the header {header[0]!r} is one column: the separator could not be recognised",
                file=name, allowed="values separated by ',', ';' or a tab",
            )
        )
    duplicated = sorted({c for c in header if header.count(c) > 1 and c})
    for column in duplicated:
        problems.append(Problem("appears twice in the header", file=name, field=column, allowed="each column name once"))
    rows: list[list[str]] = []
    numbers: list[int] = []
    width = len(header)
    for i, record in enumerate(body, start=1):
        if not record or (len(record) == 1 and not record[0].strip()):
            continue  # blank line
        if len(record) != width:
            hint = ""
            if len(record) == 1:
                other = [s for s in SEPARATORS if s != sep and s in record[0]]
                if other:
                    hint = f"; this row seems separated by {other[0]!r}, the header by {sep!r}"
            problems.append(
                Problem(
                    f"has {len(record)} values but the header has {width} columns{hint}",
                    file=name, row=i, allowed=f"one value per column, separated by {sep!r}",
                )
            )
            bad_rows[i] = record
            continue
        if any(_has_surrogate(c) for c in record):
            column = next(h for h, c in zip(header, record) if _has_surrogate(c))
            problems.append(
                Problem("holds bytes that are not UTF-8 text; save the file as UTF-8", file=name, row=i, field=column, allowed="UTF-8 text")
            )
            bad_rows[i] = record
            continue
        rows.append(record)
        numbers.append(i)
    usable_header = [h if header.count(h) == 1 else f"{h}__{j}" for j, h in enumerate(header)]
    frame = pd.DataFrame(rows, columns=usable_header, dtype=object) if rows else pd.DataFrame(columns=usable_header, dtype=object)
    frame = frame.apply(_blank_to_none) if len(frame) else frame
    frame[FILE_COL] = name
    frame[ROW_COL] = pd.Series(numbers, dtype="int64", index=frame.index)
    return RawTable(name, frame, problems, bad_rows, sep, header)


def _clean_name(name: str) -> str:
    return name.strip()


def _has_surrogate(cell: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in cell)


def _blank_to_none(column: pd.Series) -> pd.Series:
    stripped = column.str.strip()
    return stripped.where(stripped != "", None).astype(object)


def _read_parquet(path: Path, name: str) -> RawTable:
    if path.stat().st_size == 0:
        return RawTable(name, None, [Problem("is empty (0 bytes): nothing could be read", file=name, allowed="a Parquet file")])
    try:
        frame = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several types for a damaged file
        return RawTable(name, None, [Problem(f"is not a readable Parquet file ({type(exc).__name__})", file=name, allowed="a Parquet file")])
    frame = frame.reset_index(drop=True)
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column].dtype):
            frame[column] = _blank_to_none(frame[column].astype(object).where(frame[column].notna(), None).map(lambda v: v if v is None else str(v)).astype(object))
    frame[FILE_COL] = name
    frame[ROW_COL] = pd.Series(range(1, len(frame) + 1), dtype="int64", index=frame.index)
    return RawTable(name, frame)


def stack(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Stack tables whose columns differ (a union of columns, missing cells None)."""
    frames = [f for f in frames if f is not None]
    if not frames:
        return pd.DataFrame(columns=[FILE_COL, ROW_COL])
    columns: list[str] = []
    for frame in frames:
        columns.extend(c for c in frame.columns if c not in columns)
    aligned = [f.reindex(columns=columns).astype({c: object for c in columns if c != ROW_COL}) for f in frames]
    out = pd.concat(aligned, ignore_index=True)
    for column in columns:
        if column != ROW_COL:
            out[column] = out[column].astype(object).where(out[column].notna(), None)
    return out
