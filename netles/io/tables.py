"""Reading one table file (CSV or Parquet) with pyarrow, remembering where every row came from.

Every dataset reader (the netles folder, egor, Network Canvas) starts here. A table is read
without interpreting values: cells stay text (Arrow strings; columns whose values repeat, such as
ids and codes, as dictionary-encoded pandas Categoricals), empty cells and ``NA`` are missing, and
two bookkeeping columns, :data:`~netles.validation.FILE_COL` and
:data:`~netles.validation.ROW_COL`, hold the file name and the 1-based data row, so that
validation can name the file and the row of each problem. The netles dataset folder, whose
columns are named after the fields, may ask for its number and true/false columns to be parsed as
numbers and booleans (:data:`TYPED_COLUMNS`), which pyarrow does in parallel; a column with any
other cell is read as text after all, so validation sees and words it as before.

The work is done by pyarrow's multi-threaded CSV parser; Python looks at a row only when it is
broken. Problems that stop a row or a file from being read (0 bytes, bytes that are not UTF-8, a
row with more or fewer values than the header) are collected as :class:`netles.Problem` records
instead of raised, so that one bad row or one bad file does not hide every other problem. A cell
may be as long as the file (the 131,072-character limit of Python's ``csv`` module does not
apply).
"""
from __future__ import annotations

import csv
import io
import mmap
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv
import pyarrow.parquet as pq
from pandas.api.types import CategoricalDtype

from ..errors import Problem
from ..spreadsheet import unescape_arrow
from ..validation import FILE_COL, ROW_COL

__all__ = ["FILE_COL", "ROW_COL", "RawTable", "read_table", "located_problems", "read_header", "sniff_separator", "stack", "DEFAULT_NA",
           "DICTIONARY_COLUMNS", "TYPED_COLUMNS", "arrow_to_frame"]

SEPARATORS = (",", ";", "\t")
DEFAULT_NA = ("", "NA")
"""Cells read as missing in every CSV file: empty cells and R's ``NA``."""
DICTIONARY_COLUMNS = frozenset({
    "ego_id", "alter_id", "source", "target", "moment", "relation", "circle", "sector", "gender", "age", "contact",
    "travel_minutes", "support_direction", "valence", "status", "since", "weight", "group", "region", "edge_type",
    "support_practical", "support_emotional", "support_companionship", "support_appraisal", "support_information",
})
"""Columns read dictionary-encoded (values repeat: the text of each distinct value is handled once)."""
TYPED_COLUMNS = {
    **{name: pa.float64() for name in ("age", "circle", "travel_minutes", "since", "weight")},
    **{f"support_{f}": pa.bool_() for f in ("practical", "emotional", "companionship", "appraisal", "information")},
}
"""The number and true/false fields of the data model, read as numbers and booleans by pyarrow's
parser when every cell of the column is one (``read_table(..., typed=True)``); a column with any
other cell (a decimal comma, ``56 - 65``, ``ja``, ``nan``) is read as text like every other column,
and validation words its problems as always."""
_TRUE_CELLS = ["1", "true", "True", "TRUE"]
_FALSE_CELLS = ["0", "false", "False", "FALSE"]
_COLUMN_NUMBER = re.compile(r"column #(\d+)")


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


def located_problems(raw: RawTable, ego_column: str | None, broken: set) -> list[Problem]:
    """The reading problems of one table, each with its ego where the broken row tells it; the
    egos of broken rows are added to ``broken`` (``"*"`` when a row's ego cannot be told)."""
    egos_of_bad, complete = raw.ego_of_bad_rows(ego_column) if ego_column else (set(), not raw.bad_rows)
    if not complete:
        broken.add("*")
    broken |= egos_of_bad
    out = []
    for problem in raw.problems:
        cells = raw.bad_rows.get(problem.row) if isinstance(problem.row, int) else None
        one = RawTable(raw.file, None, [], {problem.row: cells}, raw.separator, raw.header).ego_of_bad_rows(ego_column)[0] if cells and ego_column else set()
        out.append(problem.located(ego=next(iter(one))) if len(one) == 1 else problem)
    return out



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


def _has_surrogate(cell: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in cell)


def _split(line: str, sep: str) -> list[str]:
    return next(csv.reader([line], delimiter=sep), [])


def read_header(path: str | os.PathLike, max_bytes: int = 1 << 16) -> tuple[list[str], str]:
    """The column names and separator of a CSV file, from its first line (cheap: for detection).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "alters_32.csv"
    >>> _ = f.write_bytes(b'\\xef\\xbb\\xbf"";"egoID";"alterID"\\r\\n"1";1;1\\r\\n')
    >>> read_header(f)
    (['', 'egoID', 'alterID'], ';')
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(max_bytes)
    except OSError:
        return [], ","
    text = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    line = next((l for l in text.splitlines() if l.strip()), "")
    sep = sniff_separator(line)
    return [c.strip() for c in _split(line, sep)], sep


def _arrow_types(names: list[str], dictionary: frozenset | set) -> dict:
    dict_type = pa.dictionary(pa.int32(), pa.string())
    return {n: (dict_type if n in dictionary else pa.string()) for n in names}


def read_table(path: str | os.PathLike, name: str | None = None, separator: str | None = None,
               na_values=None, dictionary_columns=None, typed: bool = False) -> RawTable:
    """Read one CSV or Parquet file as text cells with row bookkeeping.

    Parameters
    ----------
    path : path-like
        A ``.csv`` (``,``, ``;`` or tab as separator, any line ends, UTF-8 with or without a
        byte-order mark, quoted cells may hold line breaks) or a ``.parquet`` file.
    name : str, optional
        The file name to put in problems (default: the file's name).
    separator : str, optional
        Force a separator instead of judging it from the header.
    na_values : iterable of str, optional
        Cell values that mean "missing", besides empty cells and ``NA`` (for example ``-99``,
        ``.``).
    dictionary_columns : set of str, optional
        Columns to read dictionary-encoded (default: :data:`DICTIONARY_COLUMNS`).
    typed : bool
        Read the columns of :data:`TYPED_COLUMNS` of a CSV file as numbers and booleans where
        every cell is one (the netles dataset folder; its columns are named after the fields).

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
    >>> table.frame[["ego_id", "age", ROW_COL]].astype({"ego_id": str, "age": str}).to_dict("records")
    [{'ego_id': 'e1', 'age': '54', '__netles_row': 1}]
    >>> print(table.problems[0])
    egos.csv, row 2: has 3 values but the header has 2 columns (allowed: one value per column, separated by ';')
    """
    path = Path(path)
    name = name or path.name
    dictionary = DICTIONARY_COLUMNS if dictionary_columns is None else frozenset(dictionary_columns)
    na = [*DEFAULT_NA, *(str(v) for v in (na_values or ()))]
    if path.suffix.lower() == ".parquet":
        return _read_parquet(path, name, na, dictionary)
    with open(path, "rb") as handle:
        if os.fstat(handle.fileno()).st_size == 0:
            return read_csv_bytes(b"", name)
        # the file is mapped, not copied: pyarrow parses it in place (the mapping is released
        # with the last view of it; the file itself is never written)
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    return read_csv_bytes(mapped, name, separator=separator, na=na, dictionary=dictionary, typed=typed)


def _blank(body) -> bool:
    """Whether a body holds nothing but white space (judged without copying a large body)."""
    return len(body) == 0 or (len(body) < 1 << 16 and not bytes(body).strip())


def read_csv_bytes(data, name: str, *, separator: str | None = None, na=DEFAULT_NA, dictionary=DICTIONARY_COLUMNS,
                   typed: bool = False) -> RawTable:
    """:func:`read_table` on the bytes of a CSV file (``bytes`` or a memory map)."""
    if not len(data):
        return RawTable(name, None, [Problem("is empty (0 bytes): nothing could be read", file=name, allowed="a CSV file with a header row")])
    offset = 3 if data[:3] == b"\xef\xbb\xbf" else 0
    # the header: the first line that is not blank
    header_lines = 0
    while True:
        end = data.find(b"\n", offset)
        line = data[offset:] if end < 0 else data[offset:end]
        header_lines += 1
        if line.strip() or end < 0:
            break
        offset = end + 1
    header_line = line.decode("utf-8", errors="surrogateescape").rstrip("\r")
    if not header_line.strip():
        return RawTable(name, None, [Problem("holds no header row", file=name, allowed="a CSV file with a header row")])
    if _has_surrogate(header_line):
        return RawTable(name, None, [Problem("is not UTF-8 text (in the header); save it as UTF-8", file=name, row=None, allowed="a UTF-8 encoded CSV file")])
    sep = separator or sniff_separator(header_line)
    header = [c.strip() for c in _split(header_line, sep)]
    body = memoryview(data)[end + 1:] if end >= 0 else memoryview(b"")
    quoted = data.find(b'"', end + 1) >= 0 if end >= 0 else False
    problems: list[Problem] = []
    if len(header) == 1 and not _blank(body) and any(other in header[0] for other in (",", ";", "\t", "|")):
        problems.append(Problem(f"the header {header[0]!r} is one column: the separator could not be recognised",
                                file=name, allowed="values separated by ',', ';' or a tab"))
    for column in sorted({c for c in header if header.count(c) > 1 and c}):
        problems.append(Problem("appears twice in the header", file=name, field=column, allowed="each column name once"))
    usable = [h if header.count(h) == 1 else f"{h}__{j}" for j, h in enumerate(header)]
    typed_types = {n: TYPED_COLUMNS[n] for n in usable if n in TYPED_COLUMNS and n in dictionary} if typed else {}
    table, bad, numbers = _parse(body, usable, sep, na, dictionary, name, quoted, typed_types)
    table = unescape_arrow(table)  # cells netles wrote spreadsheet-safe ("'=...") read back as they were
    bad_rows: dict[int, list] = {}
    width = len(header)
    for number, text, cells, column in bad:
        if column is None:
            hint = ""
            if len(cells) == 1:
                other = [s for s in SEPARATORS if s != sep and s in cells[0]]
                if other:
                    hint = f"; this row seems separated by {other[0]!r}, the header by {sep!r}"
            problems.append(Problem(f"has {len(cells)} values but the header has {width} columns{hint}",
                                    file=name, row=number, allowed=f"one value per column, separated by {sep!r}"))
        else:
            problems.append(Problem("holds bytes that are not UTF-8 text; save the file as UTF-8", file=name, row=number,
                                    field=column, allowed="UTF-8 text"))
        bad_rows[number] = cells
    frame = arrow_to_frame(table)
    frame[ROW_COL] = numbers
    # a blank line (or a row of empty cells) is skipped, but counted, as a person counts lines;
    # there is none when a column has a value in every row (the usual case: the id columns)
    if len(frame) and table.num_columns and all(column.null_count for column in table.columns):
        blank = frame[[c for c in frame.columns if c != ROW_COL]].isna().all(axis=1).to_numpy()
        if blank.any():
            frame = frame[~blank].reset_index(drop=True)
    frame[FILE_COL] = pd.Categorical.from_codes(np.zeros(len(frame), dtype=np.int8), [name])
    return RawTable(name, frame, problems, bad_rows, sep, header)


def arrow_to_frame(table: pa.Table) -> pd.DataFrame:
    """An Arrow table as a pandas DataFrame; dictionary columns become Categoricals without a copy.

    ``Table.to_pandas`` checks every dictionary again for unique values while building each
    Categorical (hashing each distinct text, a fifth of the whole read of a large dataset).
    Arrow's dictionaries are already unique when they hold no null and no value twice, which
    is checked here in Arrow; only a dictionary that fails the check goes the slow way. An
    unnamed index that pandas stored in the file (``__index_level_0__``) is left out: a row's
    place is its row number. A named one (``egos.set_index("ego_id").to_parquet(...)``) is a
    column like any other.

    Examples
    --------
    >>> table = pa.table({"id": pa.array(["e1", "e2", None, "e1"]).dictionary_encode(), "age": [54, 61, None, 54]})
    >>> frame = arrow_to_frame(table)
    >>> frame["id"].tolist(), str(frame["id"].dtype), frame["age"].tolist()
    (['e1', 'e2', nan, 'e1'], 'category', [54.0, 61.0, nan, 54.0])
    """
    stored_index = set()
    pandas_meta = (table.schema.metadata or {}).get(b"pandas")
    if pandas_meta:
        import json

        try:
            stored_index = {c for c in json.loads(pandas_meta).get("index_columns", [])
                            if isinstance(c, str) and re.fullmatch(r"__index_level_\d+__", c)}
        except ValueError:  # metadata another writer garbled: the columns are still readable
            stored_index = set()
    columns = {}
    for name, column in zip(table.column_names, table.columns):
        if name in stored_index:
            continue
        columns[name] = _dictionary_categorical(column) if pa.types.is_dictionary(column.type) else None
        if columns[name] is None:
            if pa.types.is_dictionary(column.type):  # a dictionary with a value twice or a null: encode it anew
                column = column.cast(column.type.value_type).dictionary_encode()
            columns[name] = column.to_pandas()
    frame = pd.DataFrame(columns, copy=False)
    if not len(frame.columns):
        frame = pd.DataFrame(index=pd.RangeIndex(table.num_rows))
    return frame


def _dictionary_categorical(column: pa.ChunkedArray) -> pd.Categorical | None:
    """A dictionary column as a Categorical built from its indices and dictionary (None: not safe)."""
    if not pa.types.is_string(column.type.value_type) and not pa.types.is_large_string(column.type.value_type):
        return None
    chunks = column.chunks
    if not chunks:
        whole = pa.array([], type=column.type)
    elif len(chunks) == 1:
        whole = chunks[0]
    else:
        whole = pa.concat_arrays(chunks)  # unifies the chunks' dictionaries
    dictionary = whole.dictionary
    # a dictionary is as the file stored it (or as concatenating the chunks left it): check it
    if dictionary.null_count or pc.count_distinct(dictionary).as_py() != len(dictionary):
        return None
    indices = whole.indices
    if indices.null_count:
        indices = pc.fill_null(indices, -1)
    codes = indices.to_numpy(zero_copy_only=False)
    categories = pd.Index(dictionary.to_pandas())
    # the categories are known to be unique: a dtype built without checking them again
    return pd.Categorical.from_codes(codes, dtype=CategoricalDtype._from_fastpath(categories, False), validate=False)


def _block_size(n_bytes: int) -> int:
    """Blocks of about an eighth of the file (1 to 64 MiB): enough blocks for every core, few
    enough that joining their dictionaries afterwards is cheap."""
    return int(min(64 << 20, max(1 << 20, n_bytes // 8)))


class _Bad:
    def __init__(self):
        self.rows = []

    def __call__(self, row):
        self.rows.append((row.number, row.text))
        return "skip"


def _parse(body, names: list[str], sep: str, na, dictionary, name: str, quoted: bool, typed: dict | None = None):
    """The body of a CSV file as an Arrow table; broken rows named; the data-row number of each row.

    ``typed`` maps columns to try as numbers or booleans (see :data:`TYPED_COLUMNS`): a column
    pyarrow cannot convert, or one holding NaN or infinity, is read again as text.
    """
    types = _arrow_types(names, dictionary)
    typed = dict(typed or {})
    if _blank(body):  # a header-only file (an empty session): no rows
        empty = pa.table({n: pa.array([], type=types[n]) for n in names})
        return empty, [], np.zeros(0, dtype="int64")

    def attempt(threads: bool, block_size: int | None):
        bad = _Bad()
        read = pcsv.ReadOptions(column_names=names, use_threads=threads, block_size=block_size or _block_size(len(body)))
        parse = pcsv.ParseOptions(delimiter=sep, newlines_in_values=quoted, ignore_empty_lines=False, invalid_row_handler=bad)
        convert = pcsv.ConvertOptions(column_types={**types, **typed}, strings_can_be_null=True, quoted_strings_can_be_null=True,
                                      null_values=list(na), check_utf8=True, true_values=_TRUE_CELLS, false_values=_FALSE_CELLS)
        table = pcsv.read_csv(pa.py_buffer(body), read_options=read, parse_options=parse, convert_options=convert)
        return table, bad.rows

    block = None
    while True:
        try:
            table, bad = attempt(True, block)
        except pa.ArrowInvalid as exc:
            text = str(exc)
            column = _COLUMN_NUMBER.search(text)
            if "conversion error" in text and column and int(column.group(1)) < len(names) and names[int(column.group(1))] in typed:
                del typed[names[int(column.group(1))]]  # a cell that is not a number: read the column as text
                continue
            if ("straddling" in text or "block size" in text) and block is None:
                block = min(len(body) + 1, 2**31 - 1)  # a row longer than the block: read it whole
                continue
            if "UTF8" in text or "utf8" in text.lower():
                return _parse_not_utf8(bytes(body), names, sep, na, dictionary, name, block)
            raise
        odd = [n for n, kind in typed.items() if pa.types.is_floating(kind) and _has_nan_or_infinity(table.column(n))]
        if not odd:
            break
        for n in odd:  # 'nan' or 'inf' typed in a number column: validation says so, as text
            del typed[n]
    if bad:
        # read again in one thread: only then does pyarrow say on which line each broken row was
        table, bad = attempt(False, block)
    numbers, broken = _row_numbers(body, table, bad, sep, quoted)
    return table, [(n, text, _split(text, sep), None) for n, text in broken], numbers


def _has_nan_or_infinity(column: pa.ChunkedArray) -> bool:
    if not len(column) or column.null_count == len(column):
        return False
    return bool(pc.any(pc.is_nan(column)).as_py() or pc.any(pc.is_inf(column)).as_py())


def _row_numbers(body: bytes, table: pa.Table, bad: list, sep: str, quoted: bool):
    """(data-row number of each row of ``table``, [(number, text) of each broken row])."""
    n_ok = table.num_rows
    if not bad:
        return np.arange(1, n_ok + 1, dtype=np.int32 if n_ok < 2**31 - 1 else np.int64), []
    multiline = False
    if quoted:
        for column in table.columns:
            if pa.types.is_dictionary(column.type):
                column = column.cast(pa.string())
            if pa.types.is_string(column.type) and pc.sum(pc.count_substring(column, "\n")).as_py():
                multiline = True
                break
        multiline = multiline or any("\n" in text for _, text in bad)
    if multiline:
        # a quoted cell spans lines: count records as Python's csv module does (rare: a file
        # with both broken rows and line breaks inside cells)
        csv.field_size_limit(max(csv.field_size_limit(), len(body) + 1))
        records = csv.reader(io.StringIO(bytes(body).decode("utf-8", errors="surrogateescape"), newline=""), delimiter=sep)
        line, reader_lines = 1, []  # the physical line each record starts on
        for _ in records:
            reader_lines.append(line)
            line = records.line_num + 1
        line_to_record = {l: i + 1 for i, l in enumerate(reader_lines)}
        broken = [(line_to_record.get(number, number), row_text) for number, row_text in bad]
    else:
        # pyarrow numbers lines from the start of the parsed text (the body); data row = line
        broken = [(number, row_text) for number, row_text in bad]
    total = n_ok + len(broken)
    bad_numbers = np.array(sorted(n for n, _ in broken), dtype="int64")
    numbers = np.setdiff1d(np.arange(1, total + 1, dtype="int64"), bad_numbers, assume_unique=True)
    return numbers[:n_ok], broken


def _parse_not_utf8(body: bytes, names, sep, na, dictionary, name, block):
    """The slow path for a file with bytes that are not UTF-8: read as bytes, name the bad rows."""
    binary = {n: pa.binary() for n in names}
    bad_handler = _Bad()
    read = pcsv.ReadOptions(column_names=names, use_threads=False, block_size=block or _block_size(len(body)))
    parse = pcsv.ParseOptions(delimiter=sep, newlines_in_values=b'"' in body, ignore_empty_lines=False, invalid_row_handler=bad_handler)
    convert = pcsv.ConvertOptions(column_types=binary, strings_can_be_null=True, quoted_strings_can_be_null=True, null_values=list(na))
    table = pcsv.read_csv(pa.py_buffer(body), read_options=read, parse_options=parse, convert_options=convert)
    numbers, broken = _row_numbers(body, table, bad_handler.rows, sep, b'"' in body)
    undecodable = np.zeros(table.num_rows, dtype=bool)
    first_column = np.full(table.num_rows, None, dtype=object)
    for column_name in names:
        for i in _undecodable_rows(table.column(column_name)):
            if not undecodable[i]:
                undecodable[i] = True
                first_column[i] = column_name
    out = [(n, text, _split(text, sep), None) for n, text in broken]
    for i in np.flatnonzero(undecodable):
        cells = [(v.decode("utf-8", errors="surrogateescape") if v is not None else "") for v in
                 (table.column(c)[int(i)].as_py() for c in names)]
        out.append((int(numbers[i]), sep.join(cells), cells, first_column[i]))
    good = table.filter(pa.array(~undecodable))
    good = pa.table({n: pc.cast(good.column(n), pa.string()) for n in names})
    types = _arrow_types(names, dictionary)
    good = pa.table({n: (good.column(n).dictionary_encode() if pa.types.is_dictionary(types[n]) else good.column(n)) for n in names})
    return good, sorted(out, key=lambda r: r[0]), numbers[~undecodable]


def _undecodable_rows(column: pa.ChunkedArray) -> list[int]:
    """Rows of a binary column whose bytes are not UTF-8: the column's bytes are decoded as one
    block; only where that fails is the failing cell looked up (by its offset)."""
    rows, base = [], 0
    for chunk in column.chunks:
        if len(chunk):
            offsets = np.frombuffer(chunk.buffers()[1], dtype=np.int32)[chunk.offset:chunk.offset + len(chunk) + 1]
            data = chunk.buffers()[2]
            blob = memoryview(data).tobytes()[offsets[0]:offsets[-1]] if data is not None else b""
            start = 0
            while start < len(blob):
                try:
                    blob[start:].decode("utf-8")
                    break
                except UnicodeDecodeError as exc:
                    at = start + exc.start
                    row = int(np.searchsorted(offsets - offsets[0], at, side="right")) - 1
                    rows.append(base + row)
                    start = int(offsets[row + 1] - offsets[0])  # go on after the failing cell
        base += len(chunk)
    return rows


def _read_parquet(path: Path, name: str, na, dictionary) -> RawTable:
    if path.stat().st_size == 0:
        return RawTable(name, None, [Problem("is empty (0 bytes): nothing could be read", file=name, allowed="a Parquet file")])
    try:
        schema = pq.read_schema(path)
        columns = [c for c in schema.names if c in dictionary and pa.types.is_string(schema.field(c).type) or
                   (c in dictionary and pa.types.is_large_string(schema.field(c).type))]
        table = pq.read_table(path, read_dictionary=columns or None)
        frame = arrow_to_frame(table)
    except Exception as exc:  # pyarrow raises several types for a damaged file
        return RawTable(name, None, [Problem(f"is not a readable Parquet file ({type(exc).__name__})", file=name, allowed="a Parquet file")])
    frame = frame.reset_index(drop=True)
    missing_codes = [v for v in na if v]
    if missing_codes:
        for column in frame.columns:
            series = frame[column]
            if isinstance(series.dtype, pd.CategoricalDtype):
                categories = series.cat.categories
                hit = categories.isin(missing_codes)
                if hit.any():
                    frame[column] = series.cat.remove_categories(list(categories[hit]))
            elif pd.api.types.is_string_dtype(series.dtype) or series.dtype == object:
                hit = series.isin(missing_codes).to_numpy(dtype=bool)
                if hit.any():
                    frame[column] = series.where(~hit)
    frame[ROW_COL] = np.arange(1, len(frame) + 1, dtype=np.int32 if len(frame) < 2**31 - 1 else np.int64)
    frame[FILE_COL] = pd.Categorical.from_codes(np.zeros(len(frame), dtype=np.int8), [name])
    return RawTable(name, frame, header=list(schema.names))



def stack(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Stack tables whose columns differ (a union of columns, missing cells NaN).

    Text columns stay text; categorical columns with different categories become text.
    """
    frames = [f for f in frames if f is not None]
    if not frames:
        return pd.DataFrame(columns=[FILE_COL, ROW_COL])
    if len(frames) == 1:
        return frames[0].reset_index(drop=True)
    columns: list[str] = []
    for frame in frames:
        columns.extend(c for c in frame.columns if c not in columns)
    aligned = []
    for frame in frames:
        missing = [c for c in columns if c not in frame.columns]
        if missing:
            frame = frame.assign(**{c: pd.Series(np.nan, index=frame.index, dtype="str") for c in missing})
        aligned.append(frame[columns])
    out = pd.concat(aligned, ignore_index=True)
    if isinstance(out[FILE_COL].dtype, pd.CategoricalDtype):
        pass
    else:
        out[FILE_COL] = out[FILE_COL].astype("category")
    for column in columns:
        if column == FILE_COL:
            continue
        if out[column].dtype == object:
            kinds = {type(v) for v in out[column].dropna()[:1000]}
            if kinds <= {str}:
                out[column] = out[column].astype("str")
    return out
