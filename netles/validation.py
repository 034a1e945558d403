"""Validation of a whole dataset: every problem collected, broken egos set aside, valid ones kept.

A single :class:`~netles.network.EgoNetwork` stops at construction when anything is wrong. A
research dataset of thousands of interviews needs something else: one list of *all* problems, each
with its file, row, ego and field and what would have been allowed, a count per kind, and the
valid egos to work with. :func:`validate_tables` does that on the three long tables, column by
column (vectorised, so that 100,000 egos take seconds), with the same field rules as a single
network (:data:`netles.network.ALTER_RULES`, :data:`~netles.network.EGO_RULES` and
:func:`~netles.network.check_value` for the wording), so a dataset and a network validate the same
way.

An ego is *excluded* when any of its rows has a problem (its ego row, one of its alters, one of its
ties): its profile would be wrong otherwise. Rows that belong to no known ego are dropped.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Iterable

import numpy as np
import pandas as pd

from . import vocab
from .dataset import DATASET_ALTER_COLUMNS, DATASET_EGO_COLUMNS, DATASET_TIE_COLUMNS, SUPPORT_COLUMNS, Dataset
from .errors import Problem, ValidationError
from .io.tables import FILE_COL, ROW_COL
from .network import ALTER_RULES, EGO_NODE, EGO_RULES, TIE_RULES, FieldRule, check_value

__all__ = ["ValidationReport", "validate_tables", "validate_dataset", "ALL_EGOS"]

ALL_EGOS = "*"
"""Marker in ``broken_egos`` meaning: every ego is broken (a whole table could not be read)."""

_TRUE = {"true", "1", "yes", "ja", "t", "y", "1.0"}
_FALSE = {"false", "0", "no", "nee", "f", "n", "0.0"}
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


@dataclass
class ValidationReport:
    """Every problem found in a dataset, and which egos were kept.

    Parameters
    ----------
    problems : list of Problem
        All problems, in file order.
    n_egos : int
        Egos found in the input.
    kept : list
        Ids of the egos that are valid and kept.
    excluded : list
        Ids of the egos left out because one of their rows has a problem.
    source : str, optional
        The dataset's path.

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

    def __len__(self) -> int:
        return len(self.problems)

    @property
    def ok(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems

    def to_frame(self) -> pd.DataFrame:
        """One row per problem: file, row, ego, alter, field, value, message, allowed."""
        columns = ["file", "row", "ego", "alter", "field", "value", "message", "allowed"]
        return pd.DataFrame([{c: getattr(p, c) for c in columns} for p in self.problems], columns=columns)

    def summary(self) -> pd.DataFrame:
        """The number of problems per file and field (a missing field shows as empty text)."""
        frame = self.to_frame()[["file", "field"]].fillna("").astype(str)
        if frame.empty:
            return pd.DataFrame(columns=["file", "field", "problems"])
        return frame.groupby(["file", "field"], sort=True).size().rename("problems").reset_index()

    def text(self, max_shown: int | None = 50) -> str:
        """The report in plain words: a count line, then one line per problem."""
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''}; {len(self.kept)} of {self.n_egos} egos kept, {len(self.excluded)} excluded"
        shown = self.problems if max_shown is None else self.problems[:max_shown]
        lines = [head, *("  - " + str(p) for p in shown)]
        if len(shown) < n:
            lines.append(f"  ... and {n - len(shown)} more problem(s)")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()

    def raise_if_any(self) -> None:
        """Raise :class:`netles.ValidationError` with every problem, if there is any."""
        if self.problems:
            raise ValidationError(self.problems)


# -- vectorised column checks -------------------------------------------------------------------

def _as_text(series: pd.Series) -> pd.Series:
    """Cells as text (ids read from Parquet or egor may be numbers: 7 and 7.0 become '7')."""
    kind = pd.api.types.infer_dtype(series, skipna=True)
    if kind == "empty":
        return pd.Series([None] * len(series), index=series.index, dtype=object)
    if kind == "string":  # the usual case (CSV): vectorised in Arrow
        stripped = series.astype("string[pyarrow]").str.strip()
        empty = (stripped.isna() | (stripped == "")).to_numpy(dtype=bool, na_value=True)
        return stripped.astype(object).where(~empty, None)
    def text(v):
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return None
        if isinstance(v, (bool, np.bool_)):
            return str(v).lower()
        if isinstance(v, (float, np.floating)) and float(v).is_integer():
            return str(int(v))
        if isinstance(v, (int, np.integer)):
            return str(int(v))
        return str(v).strip() or None
    return series.map(text).astype(object)


def _as_number(series: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(numbers as float, mask of cells that hold something that is not a number)."""
    if pd.api.types.is_bool_dtype(series.dtype):
        return pd.Series(np.nan, index=series.index), series.notna()
    if pd.api.types.is_numeric_dtype(series.dtype):
        return series.astype("float64"), pd.Series(False, index=series.index)
    if pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty"):
        text = series.astype(object)
    else:
        text = series.map(lambda v: v if v is None or isinstance(v, str) else ("bool" if isinstance(v, (bool, np.bool_)) else repr(v) if not isinstance(v, (int, float, np.number)) else str(v)))
    present = text.notna()
    # a decimal comma (Dutch spreadsheets, R's write.csv2) is read as a decimal point
    ok = text.where(present, "").astype(str).str.strip().str.fullmatch(_NUMBER.pattern)
    cleaned = text.where(ok & present, None).map(lambda v: v.strip().replace(",", "."), na_action="ignore")
    numbers = pd.to_numeric(cleaned, errors="coerce").astype("float64")
    return numbers, present & ~ok


def _as_bool(series: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(booleans with missing as False, mask of cells that are not true/false)."""
    if pd.api.types.is_bool_dtype(series.dtype):
        return series.fillna(False).astype(bool), pd.Series(False, index=series.index)
    text = _as_text(series).str.lower()
    truthy = text.isin(_TRUE)
    bad = text.notna() & ~truthy & ~text.isin(_FALSE)
    return truthy.astype(bool), bad


def _check_column(rule: FieldRule, series: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Check one column against a field rule, vectorised.

    Returns (clean values, mask of bad cells, the raw values of the bad cells for messages).
    """
    if rule.kind in ("id", "text"):
        values = _as_text(series)
        return values, pd.Series(False, index=series.index), series
    if rule.kind == "vocab":
        values = _as_text(series)
        codes = [c for c in rule.vocabulary.codes]
        bad = values.notna() & ~values.isin(codes)
        return values.where(~bad, None), bad, values
    numbers, not_number = _as_number(series)
    bad = not_number.copy()
    known = numbers.notna()
    if rule.kind == "int":
        bad |= known & (numbers != np.floor(numbers))
    if rule.low is not None:
        bad |= known & (numbers < rule.low)
    if rule.high is not None:
        bad |= known & (numbers > rule.high)
    raw = series.where(not_number, numbers)
    return numbers.where(~bad), bad, raw


def _message(rule: FieldRule, value) -> str:
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        value = int(value)
    elif isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, str) and rule.kind in ("int", "number"):
        return f"is {value!r}, not a number"
    problem = check_value(rule, value)[1]
    return problem or f"{value!r} is not allowed"


# -- the dataset check ---------------------------------------------------------------------------

class _Collector:
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        self.broken: set = set()
        self.drop_rows: dict[str, set] = {"egos": set(), "alters": set(), "ties": set()}

    def add(self, problem: Problem, table: str | None = None, index=None) -> None:
        self.problems.append(problem)
        if problem.ego is not None:
            self.broken.add(problem.ego)
        if table is not None and index is not None:
            self.drop_rows[table].add(index)


def _where(frame: pd.DataFrame, index, default_file: str) -> tuple[str, int]:
    file = frame.at[index, FILE_COL] if FILE_COL in frame else default_file
    row = frame.at[index, ROW_COL] if ROW_COL in frame else index + 1
    return (file if isinstance(file, str) else default_file), int(row)


def _with_bookkeeping(frame: pd.DataFrame | None, name: str) -> pd.DataFrame:
    if frame is None:
        frame = pd.DataFrame()
    frame = frame.reset_index(drop=True).copy()
    if FILE_COL not in frame:
        frame[FILE_COL] = name
    if ROW_COL not in frame:
        frame[ROW_COL] = np.arange(1, len(frame) + 1, dtype="int64")
    return frame


def _check_fields(frame, rules, table, default_file, collector, ego_ids, alter_ids=None, skip=()):
    clean = {}
    for column, rule in rules.items():
        if column not in frame.columns or column in skip:
            continue
        values, bad, raw = _check_column(rule, frame[column])
        for index in bad[bad].index:
            file, row = _where(frame, index, default_file)
            collector.add(
                Problem(_message(rule, raw.at[index]), file=file, row=row, ego=ego_ids.at[index],
                        alter=None if alter_ids is None else alter_ids.at[index], field=column,
                        value=_plain(raw.at[index]), allowed=rule.allowed()),
                table, index if ego_ids.at[index] is None else None,
            )
        clean[column] = values
    return clean


def _plain(value):
    return value.item() if isinstance(value, np.generic) else value


def _first_file(frame: pd.DataFrame, default: str) -> str:
    if FILE_COL in frame and len(frame):
        return str(frame[FILE_COL].iloc[0])
    return default


def validate_tables(
    egos: pd.DataFrame | None,
    alters: pd.DataFrame | None,
    ties: pd.DataFrame | None,
    *,
    problems: Iterable[Problem] = (),
    broken_egos: Iterable = (),
    files: tuple[str, str, str] = ("egos", "alters", "ties"),
    source: str | None = None,
) -> tuple[Dataset, ValidationReport]:
    """Check three long tables and build a :class:`Dataset` of the valid egos.

    Parameters
    ----------
    egos, alters, ties : pandas.DataFrame or None
        The tables as read (text cells or typed values). Columns :data:`netles.io.tables.FILE_COL`
        and :data:`~netles.io.tables.ROW_COL` say where each row came from; without them the file
        is taken from ``files`` and the row is the position (1-based). None means the table could
        not be read.
    problems : iterable of Problem
        Problems already found while reading; their egos are excluded too.
    broken_egos : iterable
        Egos to exclude whatever their rows look like (their files were unreadable); the marker
        :data:`ALL_EGOS` excludes every ego.
    files : (str, str, str)
        Names of the three tables for problems when rows carry no file.
    source : str, optional
        The dataset path, kept on the result.

    Returns
    -------
    (Dataset, ValidationReport)
        The dataset of valid egos (support as boolean columns, numbers as floats, ids as text,
        extra columns kept) and the report of every problem.

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
    collector = _Collector(list(problems))
    broken_in = set(broken_egos)
    all_broken = ALL_EGOS in broken_in
    collector.broken |= broken_in - {ALL_EGOS}
    collector.broken |= {p.ego for p in collector.problems if p.ego is not None}
    egos_file, alters_file, ties_file = files
    egos = _with_bookkeeping(egos, egos_file)
    alters = _with_bookkeeping(alters, alters_file)
    ties = _with_bookkeeping(ties, ties_file)

    # -- egos
    if "ego_id" not in egos.columns:
        if len(egos.columns) > 2 or len(egos):
            collector.add(Problem("column is missing", file=_first_file(egos, egos_file), field="ego_id", allowed="a column ego_id with one id per ego"))
        egos = egos.iloc[0:0].assign(ego_id=pd.Series(dtype=object))
    ego_ids = _as_text(egos["ego_id"])
    for index in ego_ids[ego_ids.isna()].index:
        file, row = _where(egos, index, egos_file)
        collector.add(Problem("is empty", file=file, row=row, field="ego_id", allowed=EGO_RULES["ego_id"].allowed()), "egos", index)
    dup = ego_ids.notna() & ego_ids.duplicated(keep=False)
    first_row = {}
    for index in dup[dup].index:
        file, row = _where(egos, index, egos_file)
        first = first_row.setdefault(ego_ids.at[index], row)
        if first != row:
            collector.add(Problem(f"is used twice (also row {first})", file=file, row=row, ego=ego_ids.at[index], field="ego_id", allowed="a unique id per ego"))
    ego_clean = _check_fields(egos, EGO_RULES, "egos", egos_file, collector, ego_ids, skip=("ego_id",))
    # egos whose ego row could not be read are still known, so their alters are excluded quietly
    known_egos = set(ego_ids.dropna()) | (broken_in - {ALL_EGOS})
    n_egos = len(known_egos)

    # -- alters
    alter_required = ("ego_id", "alter_id", "relation")
    missing = [c for c in alter_required if c not in alters.columns]
    alters_unusable = False
    if missing and (len(alters) or len(alters.columns) > 2):
        for column in missing:
            collector.add(Problem("column is missing", file=_first_file(alters, alters_file), field=column, allowed=f"the columns {', '.join(alter_required)}"))
        alters_unusable = True
        if "ego_id" in alters.columns:
            collector.broken |= set(_as_text(alters["ego_id"]).dropna())
        else:
            all_broken = True
    if missing:
        alters = alters.iloc[0:0].reindex(columns=[*alters.columns, *missing])
    a_ego = _as_text(alters["ego_id"])
    a_id = _as_text(alters["alter_id"])
    for index in a_ego[a_ego.isna() | ~a_ego.isin(known_egos)].index:
        file, row = _where(alters, index, alters_file)
        value = a_ego.at[index]
        message = "is empty" if value is None else f"{value!r} is not an ego of the egos table"
        collector.add(Problem(message, file=file, row=row, alter=a_id.at[index], field="ego_id", value=value, allowed="the ego_id of an ego"), "alters", index)
    valid_ego_of_alter = a_ego.where(a_ego.isin(known_egos), None)
    for index in a_id[a_id.isna()].index:
        file, row = _where(alters, index, alters_file)
        collector.add(Problem("is empty", file=file, row=row, ego=valid_ego_of_alter.at[index], field="alter_id", allowed=ALTER_RULES["alter_id"].allowed()), "alters", index)
    reserved = a_id == EGO_NODE
    for index in reserved[reserved].index:
        file, row = _where(alters, index, alters_file)
        collector.add(Problem(f"{EGO_NODE!r} is reserved for the ego", file=file, row=row, ego=valid_ego_of_alter.at[index], alter=EGO_NODE, field="alter_id", allowed="any other id"), "alters", index)
    keyed = pd.DataFrame({"e": a_ego, "a": a_id, "row": alters[ROW_COL]})
    dup = keyed["a"].notna() & keyed.duplicated(["e", "a"], keep=False)
    firsts = keyed[dup].groupby(["e", "a"], dropna=False)["row"].transform("min")
    for index in dup[dup].index:
        file, row = _where(alters, index, alters_file)
        if row != firsts.at[index]:
            collector.add(Problem(f"is used twice in this ego (also row {firsts.at[index]})", file=file, row=row, ego=valid_ego_of_alter.at[index], alter=a_id.at[index], field="alter_id", allowed="a unique id per alter within an ego"), "alters", index)
    alter_rules = {k: v for k, v in ALTER_RULES.items() if k not in ("support", "alter_id")}
    alter_clean = _check_fields(alters, alter_rules, "alters", alters_file, collector, valid_ego_of_alter, a_id)
    relation = alter_clean.get("relation")
    if relation is not None and not alters_unusable:
        missing_rel = relation.isna() & _as_text(alters["relation"]).isna()
        # a value the mapping could not translate is already reported; do not report it twice
        told = {(p.file, p.row, p.field) for p in collector.problems}
        for index in missing_rel[missing_rel].index:
            file, row = _where(alters, index, alters_file)
            if (file, row, "relation") in told:
                continue
            collector.add(Problem("is missing", file=file, row=row, ego=valid_ego_of_alter.at[index], alter=a_id.at[index], field="relation", allowed=ALTER_RULES["relation"].allowed()), "alters", index)
    support = {}
    if "support" in alters.columns:  # a list column ("practical;emotional") folds into the boolean columns
        listed = _as_text(alters["support"]).map(lambda v: [s.strip() for s in re.split(r"[;,|]", v) if s.strip()], na_action="ignore")
        for index, codes in listed.dropna().items():
            unknown = [c for c in codes if c not in vocab.SUPPORT]
            if unknown:
                file, row = _where(alters, index, alters_file)
                collector.add(Problem(f"{unknown[0]!r} is not a known value", file=file, row=row, ego=valid_ego_of_alter.at[index], alter=a_id.at[index], field="support", value=alters.at[index, "support"], allowed=ALTER_RULES["support"].allowed()))
        for code, column in zip(vocab.SUPPORT, SUPPORT_COLUMNS):
            support[column] = listed.map(lambda v, c=code: isinstance(v, list) and c in v).astype(bool)
    for column in SUPPORT_COLUMNS:
        if column in alters.columns:
            values, bad = _as_bool(alters[column])
            for index in bad[bad].index:
                file, row = _where(alters, index, alters_file)
                collector.add(Problem(f"is {alters.at[index, column]!r}, not true or false", file=file, row=row, ego=valid_ego_of_alter.at[index], alter=a_id.at[index], field=column, value=alters.at[index, column], allowed="true or false (empty counts as false)"))
            support[column] = support[column] | values if column in support else values
        elif column not in support:
            support[column] = pd.Series(False, index=alters.index)

    # -- ties
    tie_required = ("ego_id", "source", "target")
    missing = [c for c in tie_required if c not in ties.columns]
    if missing and (len(ties) or len(ties.columns) > 2):
        for column in missing:
            collector.add(Problem("column is missing", file=_first_file(ties, ties_file), field=column, allowed=f"the columns {', '.join(tie_required)}"))
        if "ego_id" in ties.columns:
            collector.broken |= set(_as_text(ties["ego_id"]).dropna())
        else:
            all_broken = True
    if missing:
        ties = ties.iloc[0:0].reindex(columns=[*ties.columns, *missing])
    t_ego = _as_text(ties["ego_id"])
    for index in t_ego[t_ego.isna() | ~t_ego.isin(known_egos)].index:
        file, row = _where(ties, index, ties_file)
        value = t_ego.at[index]
        message = "is empty" if value is None else f"{value!r} is not an ego of the egos table"
        collector.add(Problem(message, file=file, row=row, field="ego_id", value=value, allowed="the ego_id of an ego"), "ties", index)
    t_valid_ego = t_ego.where(t_ego.isin(known_egos), None)
    owner: dict = {}
    alter_keys = pd.Index((a_ego.fillna("") + "\x1f" + a_id.fillna("")).astype(object))
    ends = {}
    for end in ("source", "target"):
        values = _as_text(ties[end])
        ends[end] = values
        pairs = (t_ego.fillna("") + "\x1f" + values.fillna("")).astype(object)
        unknown = values.isna() | ~pairs.isin(alter_keys)
        if unknown.any() and not owner:  # only needed to word the few problems
            for e, a in zip(a_ego, a_id):
                if e is not None and a is not None:
                    owner.setdefault(a, set()).add(e)
        if alters_unusable:  # the alters could not be read: their ties cannot be checked against them
            unknown &= values.isna()
        for index in unknown[unknown & t_valid_ego.notna()].index:
            file, row = _where(ties, index, ties_file)
            value, ego = values.at[index], t_ego.at[index]
            if value is None:
                message = "is empty"
            else:
                others = sorted(owner.get(value, set()) - {ego})
                message = (
                    f"{value!r} is an alter of ego {others[0]!r}, not of ego {ego!r}" if others else f"{value!r} is not an alter of ego {ego!r}"
                )
            collector.add(Problem(message, file=file, row=row, ego=ego, field=end, value=value, allowed="the alter_id of an alter of the same ego"), "ties", index)
    self_tie = ends["source"].notna() & (ends["source"] == ends["target"])
    for index in self_tie[self_tie].index:
        file, row = _where(ties, index, ties_file)
        collector.add(Problem(f"ties {ends['source'].at[index]!r} to itself", file=file, row=row, ego=t_valid_ego.at[index], field="target", allowed="another alter"), "ties", index)
    lo = np.where(ends["source"].fillna("").to_numpy(str) <= ends["target"].fillna("").to_numpy(str), ends["source"], ends["target"])
    hi = np.where(ends["source"].fillna("").to_numpy(str) <= ends["target"].fillna("").to_numpy(str), ends["target"], ends["source"])
    pair_frame = pd.DataFrame({"e": t_ego, "lo": lo, "hi": hi, "row": ties[ROW_COL]}, index=ties.index)
    dup = ends["source"].notna() & ends["target"].notna() & ~self_tie & pair_frame.duplicated(["e", "lo", "hi"], keep=False)
    firsts = pair_frame[dup].groupby(["e", "lo", "hi"])["row"].transform("min")
    for index in dup[dup].index:
        file, row = _where(ties, index, ties_file)
        if row != firsts.at[index]:
            collector.add(Problem(f"{ends['source'].at[index]!r}-{ends['target'].at[index]!r} is already tied (row {firsts.at[index]})", file=file, row=row, ego=t_valid_ego.at[index], field="target", allowed="each pair once (ties are undirected)"), "ties", index)
    tie_clean = _check_fields(ties, {"weight": TIE_RULES["weight"]}, "ties", ties_file, collector, t_valid_ego)

    # -- keep the valid egos
    broken = set(known_egos) if all_broken else collector.broken & known_egos
    if all_broken:
        collector.broken |= known_egos
    ego_keep = ego_ids.notna() & ~ego_ids.isin(broken) & ~egos.index.isin(list(collector.drop_rows["egos"]))
    alter_keep = a_ego.isin(known_egos - broken) & a_id.notna() & ~alters.index.isin(list(collector.drop_rows["alters"]))
    tie_keep = t_ego.isin(known_egos - broken) & ~ties.index.isin(list(collector.drop_rows["ties"]))

    ego_out = _assemble(egos, {"ego_id": ego_ids, **ego_clean}, ego_keep, DATASET_EGO_COLUMNS)
    alter_out = _assemble(alters, {"ego_id": a_ego, "alter_id": a_id, **alter_clean, **support}, alter_keep, DATASET_ALTER_COLUMNS, drop=("support",))
    tie_out = _assemble(ties, {"ego_id": t_ego, "source": ends["source"], "target": ends["target"], **tie_clean}, tie_keep, DATASET_TIE_COLUMNS)
    for column in SUPPORT_COLUMNS:
        alter_out[column] = alter_out[column].astype(bool)
    for column in ("age", "travel_minutes", "since", "circle"):
        alter_out[column] = alter_out[column].astype("float64")
    ego_out["age"] = ego_out["age"].astype("float64")
    tie_out["weight"] = tie_out["weight"].astype("float64")

    seen_order = list(dict.fromkeys([*ego_ids.dropna(), *sorted(broken_in - {ALL_EGOS}, key=str)]))
    kept = ego_out["ego_id"].tolist()
    kept_set = set(kept)
    excluded = [e for e in seen_order if e not in kept_set]
    file_rank = {name: i for i, name in enumerate(files)}
    ordered = sorted(collector.problems, key=lambda p: (file_rank.get(p.file, len(files)), str(p.file or ""), p.row if isinstance(p.row, int) else -1))
    report = ValidationReport(ordered, n_egos=n_egos, kept=kept, excluded=excluded, source=source)
    ds = Dataset(ego_out, alter_out, tie_out, source=source)
    ds.meta["problems"] = report
    return ds, report


def _assemble(frame, clean, keep, first_columns, drop=()):
    out = {}
    for column in frame.columns:
        if column in (FILE_COL, ROW_COL) or column in drop:
            continue
        out[column] = clean.get(column, frame[column])
    for column, values in clean.items():
        out.setdefault(column, values)
    result = pd.DataFrame(out, index=frame.index)[keep.to_numpy(dtype=bool)] if len(frame) else pd.DataFrame(out, index=frame.index)
    for column in first_columns:
        if column not in result:
            result[column] = pd.Series([None] * len(result), dtype=object, index=result.index)
    for column in result.columns:
        if result[column].dtype == object:
            result[column] = result[column].where(result[column].notna(), None)
    ordered = [*first_columns, *(c for c in result.columns if c not in first_columns)]
    return result[ordered].reset_index(drop=True)


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
    clean, report = validate_tables(ds.egos, ds.alters, ds.ties, files=("egos", "alters", "ties"), source=ds.source)
    if strict:
        report.raise_if_any()
    clean.meta = {**ds.meta, "problems": report}
    return clean, report
