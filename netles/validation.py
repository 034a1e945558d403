"""Validation of a whole dataset: every problem collected, broken egos set aside, valid ones kept.

A single :class:`~netles.network.EgoNetwork` stops at construction when anything is wrong. A
research dataset of thousands of interviews needs something else: one list of *all* problems,
each with its file, row, ego and field and what would have been allowed, a count per kind, and
the valid egos to work with. :func:`validate_tables` does that on the three long tables, with the
same field rules and wording as a single network (:data:`netles.network.ALTER_RULES`,
:data:`~netles.network.EGO_RULES` and :func:`~netles.network.check_value`).

This is the one validation step every reader in :mod:`netles.io` passes through. It is
column-wise: every column is turned into integer codes over its distinct values
(:mod:`netles._columns`), so text is cleaned and checked once per distinct value, ids are matched
as integers, and rows are looked at one by one only to word the problems of the rows that fail.

What excludes an ego
    A structural fault in its rows: an empty or duplicate id, a tie to an alter it does not have,
    a tie of an alter to itself or a pair tied twice, a row that could not be read; and a value
    that does not fit its field (``'cousin'`` as a relation, age 300) in a column that otherwise
    does. Rows that belong to no known ego are dropped, and reported.
What does not
    An alter without ``relation``: real exports never carry netles' relation codes. The alter is
    kept and the metrics that need the relation are NaN for its ego; the report says so once,
    with the mapping line that fills them. A column named like a netles field whose values are
    mostly not of that field's kind (egor's ego ``age`` holding classes such as ``"56 - 65"``,
    a ``gender`` coded ``w``/``m``) is not taken as that field unless a mapping says so: it is
    kept as ``<field>_raw`` with a warning. ("Mostly": more than half of the filled cells, and
    at least two, are not of the field's kind; a single odd value is a problem of its row.)

Columns named :data:`FILE_COL` and :data:`ROW_COL` say where each row came from (readers add
them); without them the file is the table's name and the row is the position.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from typing import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa

from . import vocab
from ._columns import FALSE_TEXT, TRUE_TEXT, Coded, coded, combined_key, numbers_of
from ._metric_needs import CIRCLE_METRICS, RELATION_METRICS, SECTOR_METRICS
from .errors import Problem, ValidationError
from .longtables import (
    DATASET_ALTER_COLUMNS,
    DATASET_EGO_COLUMNS,
    DATASET_TIE_COLUMNS,
    MOMENT,
    SUPPORT_COLUMNS,
    Dataset,
)
from .network import ALTER_RULES, EGO_NODE, EGO_RULES, TIE_RULES, FieldRule, check_value

__all__ = ["ValidationReport", "validate_tables", "validate_dataset", "ALL_EGOS", "FILE_COL", "ROW_COL", "RAW_SUFFIX"]

ALL_EGOS = "*"
"""Marker in ``broken_egos`` meaning: every ego is broken (a whole table could not be read)."""
FILE_COL = "__netles_file"
"""Bookkeeping column: the file a row was read from."""
ROW_COL = "__netles_row"
"""Bookkeeping column: the 1-based data row (the header is not counted)."""
RAW_SUFFIX = "_raw"
"""A column named like a netles field but holding other values is kept as ``<field>_raw``."""


@dataclass
class ValidationReport:
    """Every problem found in a dataset, and which egos were kept.

    Parameters
    ----------
    problems : list of Problem
        All problems, in file order. Each excludes its ego.
    n_egos : int
        Egos found in the input (ego and moment pairs, in a dataset with moments).
    kept : list
        Ids (``(ego_id, moment)`` with moments) of the egos that are valid and kept.
    excluded : list
        Ids of the egos left out because one of their rows has a problem.
    source : str, optional
        The dataset's path.
    warnings : list of Problem
        What is worth knowing but excludes no ego: columns kept as plain attributes, metrics
        that will be NaN and why, ties merged while reading.

    Examples
    --------
    >>> report = ValidationReport([Problem("'cousin' is not a known value", file="alters.csv", row=3,
    ...     ego="e1", field="relation")], n_egos=2, kept=["e2"], excluded=["e1"])
    >>> print(report)
    1 problem; 1 of 2 egos kept, 1 excluded
      - alters.csv, ego 'e1', row 3, field 'relation': 'cousin' is not a known value
    >>> report.summary()
              file     field  problems
    0  alters.csv  relation         1
    """

    problems: list[Problem]
    n_egos: int = 0
    kept: list = field(default_factory=list)
    excluded: list = field(default_factory=list)
    source: str | None = None
    warnings: list[Problem] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.problems)

    @property
    def ok(self) -> bool:
        """True when nothing is wrong (warnings do not count)."""
        return not self.problems

    def to_frame(self) -> pd.DataFrame:
        """One row per problem: file, row, ego, moment, alter, field, value, message, allowed."""
        columns = ["file", "row", "ego", "moment", "alter", "field", "value", "message", "allowed"]
        return pd.DataFrame([{c: getattr(p, c) for c in columns} for p in self.problems], columns=columns)

    def summary(self) -> pd.DataFrame:
        """The number of problems per file and field (a missing field shows as empty text)."""
        frame = self.to_frame()[["file", "field"]].fillna("").astype(str)
        if frame.empty:
            return pd.DataFrame(columns=["file", "field", "problems"])
        return frame.groupby(["file", "field"], sort=True).size().rename("problems").reset_index()

    def text(self, max_shown: int | None = 50) -> str:
        """The report in plain words: a count line, one line per problem, then the warnings."""
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''}; {len(self.kept)} of {self.n_egos} egos kept, {len(self.excluded)} excluded"
        shown = self.problems if max_shown is None else self.problems[:max_shown]
        lines = [head, *("  - " + str(p) for p in shown)]
        if len(shown) < n:
            lines.append(f"  ... and {n - len(shown)} more problem(s)")
        if self.warnings:
            lines.append(f"{len(self.warnings)} note{'s' if len(self.warnings) != 1 else ''} (no ego left out for these):")
            lines.extend("  ! " + str(w) for w in self.warnings)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()

    def raise_if_any(self) -> None:
        """Raise :class:`netles.ValidationError` with every problem, if there is any."""
        if self.problems:
            raise ValidationError(self.problems)


# -- checking one column -------------------------------------------------------------------------

def _message(rule: FieldRule, value) -> str:
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        value = int(value)
    elif isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, str) and rule.kind in ("int", "number"):
        return f"is {value!r}, not a number"
    problem = check_value(rule, value)[1]
    return problem or f"{value!r} is not allowed"


def _plain(value):
    return value.item() if isinstance(value, np.generic) else value


def _numbers(series: pd.Series, code=coded) -> tuple[np.ndarray, np.ndarray, Coded | None]:
    """(floats, rows holding something that is not a number, the coded text when it was text)."""
    if pd.api.types.is_bool_dtype(series.dtype):
        return np.full(len(series), np.nan), series.notna().to_numpy(dtype=bool), None
    if pd.api.types.is_numeric_dtype(series.dtype) and not isinstance(series.dtype, pd.CategoricalDtype):
        return series.to_numpy(dtype="float64", na_value=np.nan), np.zeros(0, dtype=bool), None
    c = code(series)
    floats, bad = numbers_of(c.values)
    # an empty mask: no value is other than a number (no array of False for every row)
    return c.take(floats, np.nan), (c.take(bad, False) if bad.any() else np.zeros(0, dtype=bool)), c


def _fits(rule: FieldRule, c: Coded) -> np.ndarray:
    """Per distinct value: whether it is of the field's kind (a code, a number, true/false)."""
    if rule.kind == "vocab":
        return np.isin(c.values, np.array(rule.vocabulary.codes, dtype=object))
    if rule.kind in ("int", "number"):
        return ~numbers_of(c.values)[1]
    if rule.kind == "vocab_list":
        return np.array([all(s.strip() in rule.vocabulary for s in re.split(r"[;,|]", v) if s.strip()) for v in c.values], dtype=bool)
    if rule.kind == "bool":
        lowered = np.array([v.lower() for v in c.values], dtype=object)
        return np.isin(lowered, list(TRUE_TEXT | FALSE_TEXT))
    return np.ones(len(c.values), dtype=bool)


_BOOL_RULE = FieldRule("bool")


def _fit_columns(frame: pd.DataFrame, rules: dict, declared: set, default_file: str, code=coded) -> tuple[pd.DataFrame, list[Problem]]:
    """Columns named like a field whose values are mostly not of its kind become ``<field>_raw``.

    A mapping that names the column for the field (``declared``) says it *is* that field: then
    every value that does not fit is a problem of its row, not a reason to set the column aside.
    """
    notes = []
    renames = {}
    for column, rule in rules.items():
        if column not in frame.columns or column in declared or rule.kind in ("id", "text"):
            continue
        series = frame[column]
        if pd.api.types.is_bool_dtype(series.dtype) and rule.kind == "bool":
            continue  # true/false in a true/false field fit
        if pd.api.types.is_numeric_dtype(series.dtype) and not isinstance(series.dtype, pd.CategoricalDtype):
            if rule.kind != "vocab" and not pd.api.types.is_bool_dtype(series.dtype):
                continue  # numbers in a number field fit
        c = code(series)
        fits = _fits(rule, c)
        if fits.all():
            continue  # every distinct value fits: nothing to count
        counts = np.bincount(c.small_codes[c.small_codes >= 0], minlength=len(c.values))
        filled = int(counts.sum())
        if not filled:
            continue
        fitting = int(counts[fits].sum())
        # a column is set aside only when it is mostly of another kind: more than half of its
        # cells, and at least two, do not fit (one odd cell in a sparse column is that row's fault)
        if fitting * 2 > filled or filled - fitting < 2:
            continue
        target = column + RAW_SUFFIX
        while target in frame.columns or target in renames.values():
            target += "_"
        renames[column] = target
        examples = ", ".join(repr(v) for v in c.values[np.argsort(-counts, kind="stable")][:3])
        what = {"vocab": "netles codes", "int": "whole numbers", "number": "numbers",
                "vocab_list": "lists of netles codes", "bool": "true or false"}[rule.kind]
        allowed = rule.allowed() if rule.kind != "bool" else "true or false"
        file = _first_file(frame, default_file)
        notes.append(Problem(
            f"holds values that are not {what} ({fitting} of {filled} fit; e.g. {examples}): kept as column "
            f"{target!r}, and {column!r} is left empty. To use them, map the values in a mapping file "
            f"(values: {{{column}: {{<value>: <code>}}}}; see docs/research.md)",
            file=file, field=column, allowed=allowed))
    if renames:
        frame = frame.rename(columns=renames)
    return frame, notes


# -- the dataset check ---------------------------------------------------------------------------

class _Collector:
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        self.broken_ids: set = set()     # ego ids: every moment of the ego is broken
        self.broken_keys: set = set()    # (ego id, moment) pairs
        self.drop_rows: dict[str, list] = {"egos": [], "alters": [], "ties": []}

    def add(self, problem: Problem, table: str | None = None, index=None) -> None:
        self.problems.append(problem)
        self.note(problem)
        if table is not None and index is not None:
            self.drop_rows[table].append(index)

    def note(self, problem: Problem) -> None:
        if problem.ego is not None:
            if problem.moment is not None:
                self.broken_keys.add((problem.ego, problem.moment))
            else:
                self.broken_ids.add(problem.ego)


class _Table:
    """A table with its bookkeeping, read by position."""

    def __init__(self, frame: pd.DataFrame | None, name: str):
        if frame is None:
            frame = pd.DataFrame()
        frame = frame.reset_index(drop=True)
        if FILE_COL not in frame:
            frame = frame.assign(**{FILE_COL: pd.Categorical.from_codes(np.zeros(len(frame), dtype=np.int8), [name])})
        if ROW_COL not in frame:
            frame = frame.assign(**{ROW_COL: np.arange(1, len(frame) + 1, dtype="int64")})
        self.frame = frame
        self.name = name
        self._rows = frame[ROW_COL].to_numpy()
        self._files = frame[FILE_COL]

    def __len__(self) -> int:
        return len(self.frame)

    def where(self, i: int) -> tuple[str, int]:
        file = self._files.iloc[i]
        return (file if isinstance(file, str) else self.name), int(self._rows[i])

    @property
    def rows(self) -> np.ndarray:
        return self._rows


def _first_file(frame: pd.DataFrame, default: str) -> str:
    if FILE_COL in frame and len(frame):
        return str(frame[FILE_COL].iloc[0])
    return default


def _looks_alike(text: str) -> str:
    """A loose form of an id: case, spaces, punctuation and leading zeros of numbers ignored."""
    loose = re.sub(r"[\W_]+", "", str(text).casefold())
    return re.sub(r"\d+", lambda m: m.group(0).lstrip("0") or "0", loose)


class _Alike:
    """Ids by their loose form (:func:`_looks_alike`), worked out once, when a message needs it."""

    def __init__(self, candidates: Iterable[str]):
        self.candidates = candidates
        self._by_loose = None

    def hint(self, value: str, what: str) -> str:
        if self._by_loose is None:
            self._by_loose = {}
            for c in self.candidates:
                if c is not None:
                    self._by_loose.setdefault(_looks_alike(c), []).append(c)
        alike = sorted(c for c in self._by_loose.get(_looks_alike(value), []) if c != value)
        if not alike:
            return ""
        return f" ({what} has {alike[0]!r}, which looks alike but is spelled differently)"


def _alike_hint(value: str, candidates: Iterable[str], what: str) -> str:
    return _Alike(candidates).hint(value, what)


def _check_fields(table: _Table, frame: pd.DataFrame, rules: dict, tname: str, collector: _Collector,
                  ego_at, moment_at=None, alter_at=None, skip=(), code=coded) -> dict:
    """Check each column of ``rules`` present in ``frame``; returns the clean columns.

    ``ego_at(i)``, ``moment_at(i)`` and ``alter_at(i)`` say whose row ``i`` is, for the problems
    (asked only for the rows that fail).
    """
    clean = {}
    for column, rule in rules.items():
        if column not in frame.columns or column in skip:
            continue
        series = frame[column]
        if rule.kind in ("id", "text"):
            clean[column] = code(series).categorical(frame.index)
            continue
        if rule.kind == "vocab":
            c = code(series)
            bad_value = ~np.isin(c.values, np.array(rule.vocabulary.codes, dtype=object))
            if not bad_value.any():  # the usual case: every distinct value is a code
                clean[column] = c.categorical(frame.index)
                continue
            bad = c.take(bad_value, False)
            for i in np.flatnonzero(bad):
                value = c.value(i)
                _add_field_problem(table, collector, tname, i, rule, column, value, ego_at, moment_at, alter_at)
            clean[column] = c.categorical(frame.index, drop=bad)
            continue
        numbers, not_number, c = _numbers(series, code)
        if not len(not_number):  # every value a number: often every one is within the rule
            integral = pd.api.types.is_integer_dtype(series.dtype) or (c is not None and _integral_values(c))
            if _all_within(numbers, rule, integral=integral):
                clean[column] = pd.Series(numbers, index=frame.index, dtype="float64", copy=False)
                continue
            not_number = np.zeros(len(numbers), dtype=bool)
        known = ~np.isnan(numbers)
        bad = not_number.copy()
        with np.errstate(invalid="ignore"):
            bad |= known & np.isinf(numbers)  # as in a single network: no infinite numbers
            if rule.kind == "int":
                bad |= known & (numbers != np.floor(numbers))
            if rule.low is not None:
                bad |= known & (numbers < rule.low)
            if rule.high is not None:
                bad |= known & (numbers > rule.high)
        for i in np.flatnonzero(bad):
            value = c.value(i) if not_number[i] and c is not None else (series.iloc[i] if not_number[i] else numbers[i])
            _add_field_problem(table, collector, tname, i, rule, column, value, ego_at, moment_at, alter_at)
        clean[column] = pd.Series(np.where(bad, np.nan, numbers) if bad.any() else numbers, index=frame.index, dtype="float64")
    return clean


def _integral_values(c: Coded) -> bool:
    """Whether every distinct value of a text column of numbers is a whole number."""
    floats = numbers_of(c.values)[0]
    with np.errstate(invalid="ignore"):
        return bool(np.all(np.isnan(floats) | (floats == np.floor(floats))))


def _all_within(numbers: np.ndarray, rule: FieldRule, integral: bool) -> bool:
    """Whether every number (NaN: missing) keeps ``rule``, judged from the smallest and largest
    and without an array per check."""
    if not len(numbers):
        return True
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a column of missing numbers only
        low, high = np.nanmin(numbers), np.nanmax(numbers)
    if np.isnan(low):
        return True
    if not (np.isfinite(low) and np.isfinite(high)):
        return False
    if (rule.low is not None and low < rule.low) or (rule.high is not None and high > rule.high):
        return False
    return rule.kind != "int" or integral


def _add_field_problem(table, collector, tname, i, rule, column, value, ego_at, moment_at, alter_at):
    file, row = table.where(i)
    ego = ego_at(i)
    collector.add(
        Problem(_message(rule, value), file=file, row=row, ego=ego, alter=None if alter_at is None else alter_at(i),
                field=column, value=_plain(value), allowed=rule.allowed(),
                moment=None if moment_at is None or ego is None else moment_at(i)),
        tname, i if ego is None else None,
    )


def _as_bool(series: pd.Series, code=coded) -> tuple[np.ndarray, np.ndarray, Coded | None]:
    """(booleans with missing as False, cells that are not true/false, the coded text)."""
    if pd.api.types.is_bool_dtype(series.dtype):
        return series.fillna(False).to_numpy(dtype=bool), np.zeros(len(series), dtype=bool), None
    c = code(series)
    lowered = np.array([v.lower() for v in c.values], dtype=object)
    truthy = np.isin(lowered, list(TRUE_TEXT))
    bad = ~truthy & ~np.isin(lowered, list(FALSE_TEXT))
    return c.take(truthy, False), (c.take(bad, False) if bad.any() else np.zeros(0, dtype=bool)), c


def _missing_column(collector, frame, default_file, column, required):
    collector.add(Problem("column is missing", file=_first_file(frame, default_file), field=column,
                          allowed=f"the columns {', '.join(required)}"))


_TABLE_LIMIT = 50_000_000
"""Integer keys up to this range are looked up in a plain array instead of a hash table."""


def _member(values: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """``values[i] in keys`` for every i (negative values are never members)."""
    if not len(values):
        return np.zeros(0, dtype=bool)
    if not len(keys):
        return np.zeros(len(values), dtype=bool)
    top = int(max(values.max(), keys.max())) + 1
    if top <= _TABLE_LIMIT:
        table = np.zeros(top, dtype=bool)
        table[keys[keys >= 0] if keys.min() < 0 else keys] = True
        if values.min() >= 0:  # the usual case: no missing value, one lookup and nothing else
            return table[values]
        return (values >= 0) & table[np.where(values >= 0, values, 0)]
    return (values >= 0) & (pd.Index(keys).get_indexer(values) >= 0)


def _group_first(keys: np.ndarray, rows: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For rows where ``mask`` holds: which share their key with another such row, and the
    smallest row number of their group."""
    dup = np.zeros(len(keys), dtype=bool)
    first = np.zeros(len(keys), dtype=np.int64)
    if mask.all():  # the usual case: every row takes part, no copy of the keys
        idx, k = None, keys
    else:
        idx = np.flatnonzero(mask)
        k = keys[idx]
    if len(k) < 2:
        return dup, first
    # the usual case has no duplicate at all: find that out without sorting
    low = int(k.min())
    if int(k.max()) - low < 4 * len(k):  # a small key range: count
        shifted = k - low
        repeated = np.bincount(shifted)[shifted] > 1
    else:
        # rows usually come grouped by ego, so their keys are nearly sorted: a stable sort is
        # about one pass, cheaper than hashing every key
        ordered = np.sort(k, kind="stable")
        if not (ordered[1:] == ordered[:-1]).any():
            return dup, first
        repeated = pd.Series(k).duplicated(keep=False).to_numpy()
    if not repeated.any():
        return dup, first
    idx = np.flatnonzero(repeated) if idx is None else idx[repeated]
    k = k[repeated]
    order = np.argsort(k, kind="stable")
    ks = k[order]
    same_next = np.r_[ks[1:] == ks[:-1], False]
    same_prev = np.r_[False, ks[1:] == ks[:-1]]
    in_group = same_next | same_prev
    if not in_group.any():
        return dup, first
    starts = ~same_prev
    group_id = np.cumsum(starts) - 1
    r = rows[idx][order]
    mins = np.minimum.reduceat(r, np.flatnonzero(starts))
    sel = idx[order][in_group]
    dup[sel] = True
    first[sel] = mins[group_id[in_group]]
    return dup, first


def _ids_into(c: Coded, index: pd.Index) -> np.ndarray:
    """Row positions of ``c``'s values in ``index`` (-1: missing or not there)."""
    if not len(index):
        return np.full(len(c), -1, dtype=np.int64)
    per_value = index.get_indexer(pd.Index(c.values, dtype=object)) if len(c.values) else np.zeros(0, dtype=np.int64)
    return c.take(per_value.astype(np.int64), -1)


def validate_tables(
    egos: pd.DataFrame | None,
    alters: pd.DataFrame | None,
    ties: pd.DataFrame | None,
    *,
    problems: Iterable[Problem] = (),
    broken_egos: Iterable = (),
    files: tuple[str, str, str] = ("egos", "alters", "ties"),
    source: str | None = None,
    declared: dict | None = None,
    moment_order: Iterable | None = None,
    warnings: Iterable[Problem] = (),
) -> tuple[Dataset, ValidationReport]:
    """Check three long tables and build a :class:`Dataset` of the valid egos.

    Parameters
    ----------
    egos, alters, ties : pandas.DataFrame or None
        The tables as read (text, Categorical or typed columns). Columns :data:`FILE_COL` and
        :data:`ROW_COL` say where each row came from; without them the file is taken from
        ``files`` and the row is the position (1-based). None means the table could not be read.
        A :data:`~netles.longtables.MOMENT` column (in every table) makes ids unique per moment.
    problems : iterable of Problem
        Problems already found while reading; their egos are excluded too.
    broken_egos : iterable
        Egos to exclude whatever their rows look like (their files were unreadable); the marker
        :data:`ALL_EGOS` excludes every ego.
    files : (str, str, str)
        Names of the three tables for problems when rows carry no file.
    source : str, optional
        The dataset path, kept on the result.
    declared : dict, optional
        ``{"egos": {...}, "alters": {...}, "ties": {...}}``: the fields a mapping assigned a column
        to; such a column is taken as that field whatever its values (see the module notes).
    moment_order : iterable, optional
        The order of the moments (default: see :func:`netles.longtables.order_moments`).
    warnings : iterable of Problem
        Notes from reading, passed on to the report.

    Returns
    -------
    (Dataset, ValidationReport)
        The dataset of valid egos (ids and codes as Arrow text, numbers as floats, support as
        boolean columns, extra columns kept) and the report of every problem.

    Examples
    --------
    >>> egos = pd.DataFrame({"ego_id": ["e1", "e2"]})
    >>> alters = pd.DataFrame({"ego_id": ["e1", "e2", "e2"], "alter_id": ["A", "A", "B"],
    ...                        "relation": ["friend", "cousin", "parent"]})
    >>> ties = pd.DataFrame({"ego_id": ["e2"], "source": ["A"], "target": ["B"]})
    >>> ds, report = validate_tables(egos, alters, ties, files=("egos.csv", "alters.csv", "ties.csv"))
    >>> ds.ego_ids, report.excluded
    (['e1'], ['e2'])
    >>> print(report.problems[0])
    alters.csv, ego 'e2', row 2, alter 'A', field 'relation': 'cousin' is not a known value (allowed: 'partner', ...)
    """
    declared = {k: set(v) for k, v in (declared or {}).items()}
    collector = _Collector(list(problems))
    notes: list[Problem] = list(warnings)
    broken_in = set(broken_egos)
    all_broken = ALL_EGOS in broken_in
    broken_in.discard(ALL_EGOS)
    broken_in = {str(b) for b in broken_in}
    collector.broken_ids |= broken_in
    for p in collector.problems:
        collector.note(p)
    egos_file, alters_file, ties_file = files
    E, A, T = _Table(egos, egos_file), _Table(alters, alters_file), _Table(ties, ties_file)
    memo: dict = {}

    def coder(table: str):
        """coded() of a column, worked out once per table and column in this validation."""
        def code(series: pd.Series, ids: bool = False) -> Coded:
            key = (table, series.name, ids, len(series))  # a table emptied after a missing column is another table
            if key not in memo:
                memo[key] = coded(series, ids=ids)
            return memo[key]
        return code

    # -- moments: in every table, or in none
    has_moments = any(MOMENT in t.frame.columns for t in (E, A, T))
    if has_moments:
        lacking = [t for t in (E, A, T) if MOMENT not in t.frame.columns and (len(t) or len(t.frame.columns) > 2)]
        for t in lacking:
            collector.add(Problem("column is missing", file=_first_file(t.frame, t.name), field=MOMENT,
                                  allowed="a column moment in every table (the dataset has moments)"))
        if lacking:
            # no row of such a table can be placed at a moment (and without moments in the egos
            # table no alter or tie can): none is checked further, no ego is kept
            all_broken = True
            emptied = (E, A, T) if E in lacking else lacking
            E, A, T = (_Table(t.frame.iloc[0:0].assign(**{MOMENT: pd.Series(dtype=object)}), t.name) if t in emptied else t
                       for t in (E, A, T))

    # -- egos
    ef, ef_notes = _fit_columns(E.frame, EGO_RULES, declared.get("egos", set()), egos_file, coder("egos"))
    notes += ef_notes
    if "ego_id" not in ef.columns:
        if len(ef.columns) > 2 or len(ef):
            collector.add(Problem("column is missing", file=_first_file(ef, egos_file), field="ego_id", allowed="a column ego_id with one id per ego"))
        ef = ef.iloc[0:0].assign(ego_id=pd.Series(dtype=object))
    if has_moments and MOMENT not in ef.columns:
        ef = ef.assign(**{MOMENT: pd.Series([None] * len(ef), dtype=object, index=ef.index)})
    E = _Table(ef, egos_file)
    e_id = coded(ef["ego_id"], ids=True)
    e_text = e_id.values
    for i in np.flatnonzero(e_id.missing):
        file, row = E.where(i)
        collector.add(Problem("is empty", file=file, row=row, field="ego_id", allowed=EGO_RULES["ego_id"].allowed()), "egos", i)
    # the universe of egos: those with a row, then those whose row could not be read
    unread = sorted(broken_in - set(e_text)) if broken_in else []
    ego_index = pd.Index(np.concatenate([e_text, np.array(unread, dtype=object)]) if unread else e_text, dtype=object, copy=False)
    n_real = len(e_text)
    e_pos = e_id.codes
    if has_moments:
        e_mom = coded(ef[MOMENT], ids=True)
        moment_index = pd.Index(e_mom.values, dtype=object)
        e_mpos = e_mom.codes
        for i in np.flatnonzero(e_mom.missing & ~e_id.missing):
            file, row = E.where(i)
            collector.add(Problem("is empty", file=file, row=row, ego=e_id.value(i), field=MOMENT,
                                  allowed="the moment of every row (the dataset has moments)"), "egos", i)
        e_moment_at = e_mom.value
    else:
        moment_index = pd.Index([], dtype=object)
        e_mpos = None
        e_moment_at = None
    n_m = len(moment_index) + 1
    e_key = np.where((e_pos >= 0) & (e_mpos >= 0), e_pos * n_m + (e_mpos + 1), -1) if has_moments else e_pos
    dup, first = _group_first(e_key, E.rows, e_key >= 0)
    for i in np.flatnonzero(dup):
        file, row = E.where(i)
        if first[i] != row:
            collector.add(Problem(f"is used twice (also row {first[i]})", file=file, row=row, ego=e_id.value(i), field="ego_id",
                                  allowed="a unique id per ego" + (" and moment" if has_moments else ""),
                                  moment=None if e_moment_at is None else e_moment_at(i)))
    ego_clean = _check_fields(E, ef, {k: v for k, v in EGO_RULES.items() if k != "ego_id"}, "egos", collector,
                              e_id.value, e_moment_at, code=coder("egos"))
    known_keys = e_key[e_key >= 0]

    def key_of(c_ego: Coded, c_mom: Coded | None, n_rows: int):
        """(ego position, moment position, key, whether the ego is known) of every row."""
        pos = _ids_into(c_ego, ego_index)
        if c_mom is None:  # without moments the key is the ego's position: no arrays to build
            mpos, key = None, pos
        else:
            mpos = _ids_into(c_mom, moment_index)
            key = np.where(pos >= 0, pos * n_m + (mpos + 1), -1)
        known = _member(key, known_keys)
        if n_real < len(ego_index):  # egos whose row could not be read are known too
            known |= pos >= n_real
        return pos, mpos, key, known

    ego_alike = _Alike(e_text)

    def ego_problem(t: _Table, i, value, has_ego_row, moment, field_alter=None):
        file, row = t.where(i)
        if value is None:
            return Problem("is empty", file=file, row=row, alter=field_alter, field="ego_id", value=None, allowed="the ego_id of an ego")
        if has_ego_row and has_moments:
            return Problem(f"ego {value!r} has no moment {moment!r} in the egos table", file=file, row=row, alter=field_alter,
                           field=MOMENT, value=moment, allowed="a moment of that ego in the egos table")
        hint = ego_alike.hint(value, "the egos table")
        return Problem(f"{value!r} is not an ego of the egos table{hint}", file=file, row=row, alter=field_alter, field="ego_id",
                       value=value, allowed="the ego_id of an ego")

    # -- alters
    af, af_notes = _fit_columns(A.frame, {**ALTER_RULES, **{c: _BOOL_RULE for c in SUPPORT_COLUMNS}},
                                declared.get("alters", set()), alters_file, coder("alters"))
    notes += af_notes
    alter_required = ("ego_id", "alter_id")
    missing = [c for c in alter_required if c not in af.columns]
    alters_unusable = False
    if missing and (len(af) or len(af.columns) > 2):
        for column in missing:
            _missing_column(collector, af, alters_file, column, alter_required)
        alters_unusable = True
        if "ego_id" in af.columns:
            collector.broken_ids |= {v for v in coded(af["ego_id"], ids=True).values if v is not None}
        else:
            all_broken = True
    if missing:
        af = af.iloc[0:0].reindex(columns=[*af.columns, *missing])
    if has_moments and MOMENT not in af.columns:
        af = af.assign(**{MOMENT: pd.Series([None] * len(af), dtype=object, index=af.index)})
    A = _Table(af, alters_file)
    a_ego = coded(af["ego_id"], ids=True)
    a_id = coded(af["alter_id"], ids=True)
    a_mom = coded(af[MOMENT], ids=True) if has_moments else None
    a_pos, a_mpos, a_key, a_known = key_of(a_ego, a_mom, len(af))
    a_moment_at = a_mom.value if a_mom is not None else None
    for i in np.flatnonzero(~a_known):
        value = a_ego.value(i)
        has_row = value is not None and a_pos[i] >= 0
        collector.add(ego_problem(A, i, value, has_row, None if a_moment_at is None else a_moment_at(i), a_id.value(i)), "alters", i)

    def a_ego_at(i):
        return a_ego.value(i) if a_known[i] else None

    def a_mom_at(i):
        return a_mom.value(i) if a_known[i] else None

    a_mom_at = a_mom_at if has_moments else None
    for i in np.flatnonzero(a_id.missing):
        file, row = A.where(i)
        collector.add(Problem("is empty", file=file, row=row, ego=a_ego_at(i), field="alter_id", allowed=ALTER_RULES["alter_id"].allowed(),
                              moment=None if a_mom_at is None else a_mom_at(i)), "alters", i)
    reserved = a_id.code_of(EGO_NODE)
    for i in (np.flatnonzero(a_id.small_codes == reserved) if reserved >= 0 else []):
        file, row = A.where(i)
        collector.add(Problem(f"{EGO_NODE!r} is reserved for the ego", file=file, row=row, ego=a_ego_at(i), alter=EGO_NODE, field="alter_id",
                              allowed="any other id", moment=None if a_mom_at is None else a_mom_at(i)), "alters", i)
    # duplicates: the same alter id twice for one ego (and moment), whatever the ego
    n_aid = max(len(a_id.values), 1)
    dup_key = combined_key(a_ego, a_mom)
    dup_key *= n_aid
    dup_key += a_id.small_codes
    dup, first = _group_first(dup_key, A.rows, ~a_id.missing)
    for i in np.flatnonzero(dup):
        file, row = A.where(i)
        if row != first[i]:
            collector.add(Problem(f"is used twice in this ego (also row {first[i]})", file=file, row=row, ego=a_ego_at(i), alter=a_id.value(i),
                                  field="alter_id", allowed="a unique id per alter within an ego",
                                  moment=None if a_mom_at is None else a_mom_at(i)), "alters", None)
    alter_rules = {k: v for k, v in ALTER_RULES.items() if k not in ("support", "alter_id")}
    alter_clean = _check_fields(A, af, alter_rules, "alters", collector, a_ego_at, a_mom_at, a_id.value, code=coder("alters"))
    support: dict[str, np.ndarray] = {}
    if "support" in af.columns:  # a list column ("practical;emotional") folds into the boolean columns
        c = coded(af["support"])
        listed = [[s.strip() for s in re.split(r"[;,|]", v) if s.strip()] for v in c.values]
        unknown = [next((s for s in codes if s not in vocab.SUPPORT), None) for codes in listed]
        bad = c.take(np.array([u is not None for u in unknown], dtype=bool), False)
        for i in np.flatnonzero(bad):
            file, row = A.where(i)
            collector.add(Problem(f"{unknown[c.codes[i]]!r} is not a known value", file=file, row=row, ego=a_ego_at(i), alter=a_id.value(i),
                                  field="support", value=c.value(i), allowed=ALTER_RULES["support"].allowed(),
                                  moment=None if a_mom_at is None else a_mom_at(i)))
        for code, column in zip(vocab.SUPPORT, SUPPORT_COLUMNS):
            support[column] = c.take(np.array([code in codes for codes in listed], dtype=bool), False)
    for column in SUPPORT_COLUMNS:
        if column in af.columns:
            values, bad, c = _as_bool(af[column], coder("alters"))
            for i in np.flatnonzero(bad):
                file, row = A.where(i)
                cell = c.value(i) if c is not None else af[column].iloc[i]
                collector.add(Problem(f"is {cell!r}, not true or false", file=file, row=row, ego=a_ego_at(i), alter=a_id.value(i), field=column,
                                      value=cell, allowed="true or false (empty counts as false)",
                                      moment=None if a_mom_at is None else a_mom_at(i)))
            support[column] = support[column] | values if column in support else values
        elif column not in support:
            support[column] = np.zeros(len(af), dtype=bool)

    # -- ties
    tf = T.frame
    tie_required = ("ego_id", "source", "target")
    missing = [c for c in tie_required if c not in tf.columns]
    if missing and (len(tf) or len(tf.columns) > 2):
        for column in missing:
            _missing_column(collector, tf, ties_file, column, tie_required)
        if "ego_id" in tf.columns:
            collector.broken_ids |= {v for v in coded(tf["ego_id"], ids=True).values if v is not None}
        else:
            all_broken = True
    if missing:
        tf = tf.iloc[0:0].reindex(columns=[*tf.columns, *missing])
    if has_moments and MOMENT not in tf.columns:
        tf = tf.assign(**{MOMENT: pd.Series([None] * len(tf), dtype=object, index=tf.index)})
    T = _Table(tf, ties_file)
    t_ego = coded(tf["ego_id"], ids=True)
    t_mom = coded(tf[MOMENT], ids=True) if has_moments else None
    t_pos, t_mpos, t_key, t_known = key_of(t_ego, t_mom, len(tf))
    for i in np.flatnonzero(~t_known):
        value = t_ego.value(i)
        has_row = value is not None and t_pos[i] >= 0
        collector.add(ego_problem(T, i, value, has_row, None if t_mom is None else t_mom.value(i)), "ties", i)

    def t_ego_at(i):
        return t_ego.value(i) if t_known[i] else None

    def t_mom_at(i):
        return t_mom.value(i) if t_known[i] else None

    t_mom_at = t_mom_at if has_moments else None
    src, tgt = coded(tf["source"], ids=True), coded(tf["target"], ids=True)
    # one id space for alter ids and tie ends
    id_index = pd.Index(pd.unique(np.concatenate([a_id.values, src.values, tgt.values])), dtype=object)
    a_code = _ids_into(a_id, id_index)
    n_ids = max(len(id_index), 1)
    usable = (a_key >= 0) & (a_code >= 0)
    alter_keys = a_key[usable] * n_ids + a_code[usable]
    ends = {}
    for end, c in (("source", src), ("target", tgt)):
        code = _ids_into(c, id_index)
        ends[end] = code
        tie_key = t_key * n_ids
        tie_key += code
        no_key = (t_key < 0) | (code < 0)
        if no_key.any():
            tie_key[no_key] = -1
        unknown = _member(tie_key, alter_keys)
        np.logical_not(unknown, out=unknown)  # also when the end is missing or no alter id at all
        del tie_key, no_key
        if alters_unusable:  # the alters could not be read: their ties cannot be checked against them
            unknown &= code < 0
        if not unknown.any():
            continue
        report_rows = np.flatnonzero(unknown & t_known & ~t_ego.missing)
        if not len(report_rows):
            continue
        # worded row by row, for the failing rows only: who does have this alter?
        values = {c.value(i) for i in report_rows} - {None}
        wanted_codes = [a_id.code_of(v) for v in values]
        wanted = np.isin(a_id.small_codes, [w for w in wanted_codes if w >= 0])
        owner: dict = {}
        moments_of: dict = {}
        for j in np.flatnonzero(wanted & ~a_ego.missing):
            owner.setdefault(a_id.value(j), set()).add(a_ego.value(j))
            if a_mom is not None:
                moments_of.setdefault((a_id.value(j), a_ego.value(j)), set()).add(a_mom.value(j))
        egos_hit = {t_ego.value(i) for i in report_rows}
        hit_codes = [a_ego.code_of(e) for e in egos_hit]
        alters_of: dict = {}
        for j in np.flatnonzero(np.isin(a_ego.small_codes, [h for h in hit_codes if h >= 0])):
            alters_of.setdefault(a_ego.value(j), set()).add(a_id.value(j))
        for i in report_rows:
            file, row = T.where(i)
            value, ego = c.value(i), t_ego_at(i)
            moment = None if t_mom_at is None else t_mom_at(i)
            if value is None:
                message = "is empty"
            else:
                others = sorted(owner.get(value, set()) - {ego})
                elsewhen = sorted(moments_of.get((value, ego), set()) - {moment}) if moment is not None else []
                if others:
                    message = f"{value!r} is an alter of ego {others[0]!r}, not of ego {ego!r}"
                elif elsewhen:
                    message = f"{value!r} is an alter of ego {ego!r} at moment {elsewhen[0]!r}, not at moment {moment!r}"
                else:
                    message = f"{value!r} is not an alter of ego {ego!r}" + _alike_hint(value, alters_of.get(ego, set()) - {None}, f"ego {ego!r}")
            collector.add(Problem(message, file=file, row=row, ego=ego, field=end, value=value,
                                  allowed="the alter_id of an alter of the same ego", moment=moment), "ties", i)
    # the ends compared as texts: two ids that are no alter at all may still be the same text
    s_any, g_any = ends["source"], ends["target"]
    self_tie = (s_any >= 0) & (s_any == g_any)
    for i in np.flatnonzero(self_tie):
        file, row = T.where(i)
        collector.add(Problem(f"ties {src.value(i)!r} to itself", file=file, row=row, ego=t_ego_at(i), field="target", allowed="another alter",
                              moment=None if t_mom_at is None else t_mom_at(i)), "ties", i)
    # (ego, moment, lower end, higher end) as one number, built in place
    pair_key = combined_key(t_ego, t_mom)
    pair_key *= n_ids
    end = np.minimum(s_any, g_any)
    pair_key += end
    pair_key *= n_ids
    pair_key += np.maximum(s_any, g_any, out=end)
    del end
    dup, first = _group_first(pair_key, T.rows, (s_any >= 0) & (g_any >= 0) & ~self_tie)
    for i in np.flatnonzero(dup):
        file, row = T.where(i)
        if row != first[i]:
            collector.add(Problem(f"{src.value(i)!r}-{tgt.value(i)!r} is already tied (row {first[i]})", file=file, row=row, ego=t_ego_at(i),
                                  field="target", allowed="each pair once (ties are undirected)",
                                  moment=None if t_mom_at is None else t_mom_at(i)), "ties", None)
    tie_clean = _check_fields(T, tf, {"weight": TIE_RULES["weight"]}, "ties", collector, t_ego_at, t_mom_at, code=coder("ties"))

    # -- keep the valid egos
    def broken_mask(pos: np.ndarray, mpos: np.ndarray) -> np.ndarray | bool:
        if all_broken:
            return np.ones(len(pos), dtype=bool)
        if not collector.broken_ids and not (collector.broken_keys and has_moments):
            return False
        out = np.zeros(len(pos), dtype=bool)
        if collector.broken_ids:
            ids = np.flatnonzero(ego_index.isin(list(collector.broken_ids)))
            out |= np.isin(pos, ids)
        if collector.broken_keys and has_moments:
            for ego, moment in collector.broken_keys:
                ep, mp = ego_index.get_indexer([ego])[0], moment_index.get_indexer([moment])[0]
                out |= (pos == ep) & (mpos == mp)
        return out

    def keep_mask(base: np.ndarray, pos: np.ndarray, mpos: np.ndarray, table: str) -> np.ndarray:
        keep = base & ~broken_mask(pos, mpos)
        if collector.drop_rows[table]:
            keep[collector.drop_rows[table]] = False
        return keep

    ego_keep = keep_mask(e_key >= 0, e_pos, e_mpos, "egos")
    alter_base = a_known & ~a_id.missing
    if n_real < len(ego_index):
        alter_base &= a_pos < n_real
    alter_keep = keep_mask(alter_base, a_pos, a_mpos, "alters")
    tie_base = t_known if n_real == len(ego_index) else t_known & (t_pos < n_real)
    tie_keep = keep_mask(tie_base, t_pos, t_mpos, "ties")

    # ids and codes leave as Categoricals: codes over the distinct values, no copy of the text
    id_cols = {"ego_id": e_id.categorical(ef.index)}
    if has_moments:
        id_cols[MOMENT] = e_mom.categorical(ef.index)
    ego_out = _assemble(ef, {**id_cols, **ego_clean}, ego_keep, DATASET_EGO_COLUMNS, has_moments)
    a_ids = {"ego_id": a_ego.categorical(af.index), "alter_id": a_id.categorical(af.index)}
    if has_moments:
        a_ids[MOMENT] = a_mom.categorical(af.index)
    alter_out = _assemble(af, {**a_ids, **alter_clean, **{k: pd.Series(v, index=af.index) for k, v in support.items()}},
                          alter_keep, DATASET_ALTER_COLUMNS, has_moments, drop=("support",))
    t_ids = {"ego_id": t_ego.categorical(tf.index), "source": src.categorical(tf.index), "target": tgt.categorical(tf.index)}
    if has_moments:
        t_ids[MOMENT] = t_mom.categorical(tf.index)
    tie_out = _assemble(tf, {**t_ids, **tie_clean}, tie_keep, DATASET_TIE_COLUMNS, has_moments)
    for column in SUPPORT_COLUMNS:
        if alter_out[column].dtype != bool:
            alter_out[column] = alter_out[column].fillna(False).astype(bool)
    for frame, columns in ((alter_out, ("age", "travel_minutes", "since", "circle")), (ego_out, ("age",)), (tie_out, ("weight",))):
        for column in columns:
            if frame[column].dtype != "float64":
                frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")

    # -- which egos were seen, kept and left out
    present = e_pos >= 0
    if has_moments:
        both = present & (e_mpos >= 0)
        seen = list(zip(e_text[e_pos[both]].tolist(), moment_index.to_numpy()[e_mpos[both]].tolist()))
        seen_order = list(dict.fromkeys([*seen, *((b, None) for b in sorted(broken_in - set(e_text), key=str))]))
        kept = list(zip(ego_out["ego_id"].tolist(), ego_out[MOMENT].tolist()))
    else:
        seen_order = list(dict.fromkeys([*e_text[e_pos[present]].tolist(), *sorted(broken_in - set(e_text), key=str)]))
        kept = ego_out["ego_id"].tolist()
    kept_set = set(kept)
    excluded = [e for e in seen_order if e not in kept_set] if len(kept_set) != len(seen_order) else []
    file_rank = {name: i for i, name in enumerate(files)}
    ordered = sorted(collector.problems, key=lambda p: (file_rank.get(p.file, len(files)), str(p.file or ""), p.row if isinstance(p.row, int) else -1))
    notes += _nan_notes(alter_out, alters_file)
    report = ValidationReport(ordered, n_egos=len(seen_order), kept=kept, excluded=excluded, source=source, warnings=notes)
    meta = {"problems": report}
    if has_moments and moment_order is not None:
        meta["moment_order"] = list(moment_order)
    ds = Dataset(ego_out, alter_out, tie_out, source=source, meta=meta)
    return ds, report


def _assemble(frame, clean, keep, first_columns, has_moments, drop=()):
    out = {}
    for column in frame.columns:
        if column in (FILE_COL, ROW_COL) or column in drop:
            continue
        out[column] = clean.get(column, frame[column])
    for column, values in clean.items():
        out.setdefault(column, values)
    keep = np.asarray(keep, dtype=bool)
    result = pd.DataFrame(out, index=frame.index, copy=False)
    if len(frame) and not keep.all():
        result = result[keep]
    first = list(first_columns)
    if has_moments:
        first.insert(1, MOMENT)
    for column in first:
        if column not in result:
            result[column] = pd.Series(pa.nulls(len(result), pa.large_string()).to_pandas().array, index=result.index)
    ordered = [*first, *(c for c in result.columns if c not in first)]
    return result[ordered].reset_index(drop=True)


def _nan_notes(alters: pd.DataFrame, alters_file: str) -> list[Problem]:
    """Say once which metrics will be NaN for which egos, and the mapping line that fills them."""
    if not len(alters):
        return []
    no_relation = alters["relation"].isna().to_numpy()
    if not no_relation.any():
        return []
    n_alters, n_all = int(no_relation.sum()), len(alters)
    egos = alters["ego_id"].to_numpy(dtype=object)
    n_egos = len(pd.unique(egos[no_relation]))
    everyone = n_alters == n_all
    metrics = list(RELATION_METRICS)
    no_circle = no_relation & alters["circle"].isna().to_numpy()
    no_sector = no_relation & alters["sector"].isna().to_numpy()
    also = []
    if no_circle.any():
        also.append(f"{', '.join(CIRCLE_METRICS)} where circle is not given either")
    if no_sector.any():
        also.append(f"{', '.join(SECTOR_METRICS)} where sector is not given either")
    where = "every alter" if everyone else f"{n_alters:,} of {n_all:,} alters"
    message = (
        f"relation is missing in {where} ({n_egos:,} ego{'s' if n_egos != 1 else ''}): {', '.join(metrics)}"
        + (f" (and {'; '.join(also)})" if also else "")
        + " are NaN for those egos; the other metrics are computed. To fill them, give the relation with a mapping "
        "file: alters: {columns: {relation: <your column>}, values: {relation: {<your value>: <netles code>}}} "
        "(see docs/research.md)"
    )
    return [Problem(message, file=alters_file, field="relation", allowed=vocab.RELATION.allowed())]


def validate_dataset(ds: Dataset, strict: bool = False) -> tuple[Dataset, ValidationReport]:
    """Validate a :class:`Dataset` already in memory (for example one built by hand or from Parquet).

    Parameters
    ----------
    ds : Dataset
        The dataset to check.
    strict : bool
        Raise instead of excluding broken egos.

    Returns
    -------
    (Dataset, ValidationReport)

    Raises
    ------
    ValidationError
        With ``strict=True``, listing every problem.

    Examples
    --------
    >>> from netles import datasets
    >>> ds, report = validate_dataset(Dataset.from_networks([datasets.load_case("voorbeeld")]))
    >>> report.ok, len(ds), int(ds.alters["support_practical"].sum())
    (True, 1, 3)
    """
    clean, report = validate_tables(ds.egos, ds.alters, ds.ties, files=("egos", "alters", "ties"), source=ds.source,
                                    declared={t: set(getattr(ds, t).columns) for t in ("egos", "alters", "ties")},
                                    moment_order=ds.meta.get("moment_order"))
    if strict:
        report.raise_if_any()
    clean.meta = {**ds.meta, **clean.meta, "problems": report}
    return clean, report
