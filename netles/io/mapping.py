"""Mapping files: a study's own variable names and values onto netles fields and vocabularies.

Every study names its variables its own way (``relatie``, ``geslacht``, ``freq_contact``) and
codes its answers its own way (``vriend``, ``buurvrouw``, ``wekelijks``). A mapping file, in YAML,
says once how they translate into the netles data model, so that the same profile can be computed
for every study. A value that the mapping does not list is *reported*, never guessed: only a value
that already is an exact netles code passes unlisted.

The file has a section per table, and two optional top-level keys; every key is optional::

    na_values: ["-99", "."]   # cell values that mean "missing" (besides empty cells and NA)
    moments:                  # the dataset measures egos more than once
      column: meting          # the column (in every table) that says which measurement
      order: [voor, na]       # the order of the moments (default: dates in order, numbers in order,
                              # else the order of first appearance)
    egos:
      columns:              # netles field: the study's column
        ego_id: networkCanvasCaseID
        gender: geslacht
      values:               # netles field: {study value: netles code}
        gender: {vrouw: F, man: M, anders: X}
    alters:
      columns: {relation: relatie, name: naam}
      categorical:          # netles field: study variable exported as <variable>_<option> true/false columns
        relation: rel
        support: steun
      values:
        relation: {vriend: friend, buurman: neighbour}
        support: {praktisch: practical, luisteren: emotional}
      node_types:           # Network Canvas: fields set for every alter of a node type (where empty)
        Hulpverlener: {relation: professional}
      ignore: [notities]    # columns to leave out
    ties:
      columns: {weight: sterkte, edge_type: soort}
      edge_types: [kent]    # the tie types that mean "these two know each other" (default: all)

A column may be assigned to one field only, and every column a mapping names must exist: both
are errors that name the column and the fields. Without a mapping, columns that already carry a netles name are taken as they are, a categorical
variable with a netles name (``relation_friend``, ``relation_parent``... as true/false columns) is
folded into its field, and every other column is kept as an extra column.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import numpy as np
import pandas as pd
import yaml

from .. import vocab
from .._columns import _plain_text, coded
from ..errors import Problem, ValidationError
from ..longtables import MOMENT, SUPPORT_COLUMNS
from ..network import ALTER_FIELDS, EGO_FIELDS, TIE_FIELDS
from ..validation import FILE_COL, ROW_COL

__all__ = ["Mapping", "read_mapping", "apply_mapping", "fold_categorical"]

_TABLE_FIELDS = {
    "egos": (*EGO_FIELDS, "region", MOMENT),
    "alters": ("ego_id", *ALTER_FIELDS, *SUPPORT_COLUMNS, MOMENT),
    "ties": ("ego_id", *TIE_FIELDS, MOMENT, "edge_type"),
}
_SECTION_KEYS = {
    "egos": ("columns", "values", "ignore"),
    "alters": ("columns", "values", "categorical", "node_types", "ignore"),
    "ties": ("columns", "edge_types", "values", "ignore"),
}
_TOP_KEYS = ("na_values", "moments")
# fields with a vocabulary of codes a categorical variable or a value mapping can land on
_CODED = {**{name: v for name, v in vocab.VOCABULARIES.items()}}
_SINGLE_VALUED = tuple(name for name in _CODED if name != "support")
_TRUE = {"true", "1", "yes", "ja", "t", "1.0"}
_FALSE = {"false", "0", "no", "nee", "f", "0.0"}


@dataclass
class Mapping:
    """A study's mapping onto netles (see the module documentation for the file layout).

    Parameters
    ----------
    sections : dict
        ``{"egos": {...}, "alters": {...}, "ties": {...}}`` as in the YAML file.
    source : str, optional
        The mapping file, named in problems.

    Examples
    --------
    >>> m = Mapping.from_dict({"alters": {"columns": {"relation": "relatie"},
    ...                                   "values": {"relation": {"vriend": "friend"}}}})
    >>> m.columns("alters")
    {'relation': 'relatie'}
    """

    sections: dict = field(default_factory=dict)
    source: str | None = None

    @classmethod
    def from_dict(cls, data: Any, source: str | None = None) -> "Mapping":
        """Check and build a mapping.

        Raises
        ------
        ValidationError
            Listing every unknown section, key, field or code in the mapping.
        """
        problems: list[Problem] = []
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise ValidationError(Problem(f"is {type(data).__name__}, not a YAML mapping", file=source, allowed="sections egos, alters, ties"))
        for section, content in data.items():
            if section == "na_values":
                if not isinstance(content, list) or not all(isinstance(v, (str, int, float)) for v in content):
                    problems.append(Problem("is not a list of values", file=source, field=section, allowed='a list such as ["-99", "."]'))
                continue
            if section == "moments":
                if not isinstance(content, dict) or set(content) - {"column", "order"}:
                    problems.append(Problem("is not a mapping with column and/or order", file=source, field=section,
                                            allowed="moments: {column: meting, order: [voor, na]}"))
                elif "column" in content and not isinstance(content["column"], str):
                    problems.append(Problem(f"{content['column']!r} is not a column name", file=source, field="moments.column", allowed="the study's column name"))
                elif "order" in content and not isinstance(content["order"], list):
                    problems.append(Problem("is not a list", file=source, field="moments.order", allowed="a list such as [voor, na]"))
                continue
            if section not in _SECTION_KEYS:
                problems.append(Problem(f"unknown section {section!r}", file=source, field=section, allowed="egos, alters, ties, na_values or moments"))
                continue
            if content is None:
                continue
            if not isinstance(content, dict):
                problems.append(Problem("is not a mapping", file=source, field=section, allowed="keys " + ", ".join(_SECTION_KEYS[section])))
                continue
            fields = _TABLE_FIELDS[section]
            for key, value in content.items():
                where = f"{section}.{key}"
                if key not in _SECTION_KEYS[section]:
                    problems.append(Problem(f"unknown key {key!r}", file=source, field=where, allowed=", ".join(_SECTION_KEYS[section])))
                    continue
                if key == "edge_types":
                    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                        problems.append(Problem("is not a list of edge type names", file=source, field=where, allowed="a list such as [kent]"))
                    continue
                if key == "ignore":
                    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                        problems.append(Problem("is not a list of column names", file=source, field=where, allowed="a list such as [notities]"))
                    continue
                if not isinstance(value, dict):
                    problems.append(Problem("is not a mapping", file=source, field=where, allowed="netles field: ..."))
                    continue
                if key == "node_types":
                    for node_type, defaults in value.items():
                        if not isinstance(defaults, dict):
                            problems.append(Problem("is not a mapping of field: value", file=source, field=f"{where}.{node_type}", allowed="e.g. {relation: professional}"))
                            continue
                        for fname, code in defaults.items():
                            _check_target(fname, fields, f"{where}.{node_type}", source, problems)
                            _check_code(fname, code, f"{where}.{node_type}.{fname}", source, problems)
                    continue
                if key == "columns":
                    by_column: dict = {}
                    for fname, target in value.items():
                        if isinstance(target, str):
                            by_column.setdefault(target, []).append(fname)
                    for column, fnames in by_column.items():
                        if len(fnames) > 1:
                            problems.append(Problem(
                                f"column {column!r} is assigned to {len(fnames)} fields ({', '.join(map(repr, fnames))}); a column can be one field only",
                                file=source, field=f"{where}.{fnames[1]}", value=column, allowed="each column once"))
                    moment_column = (data.get("moments") or {}).get("column") if isinstance(data.get("moments"), dict) else None
                    if moment_column is not None and moment_column in by_column:
                        problems.append(Problem(
                            f"column {moment_column!r} is the moments column and also assigned to {by_column[moment_column][0]!r}",
                            file=source, field=f"{where}.{by_column[moment_column][0]}", value=moment_column, allowed="each column once"))
                for fname, target in value.items():
                    _check_target(fname, fields, where, source, problems)
                    if key == "columns" and not isinstance(target, str):
                        problems.append(Problem(f"{target!r} is not a column name", file=source, field=f"{where}.{fname}", allowed="the study's column name"))
                    if key == "categorical":
                        if fname not in _CODED:
                            problems.append(Problem(f"{fname!r} has no vocabulary", file=source, field=f"{where}.{fname}", allowed=", ".join(_CODED)))
                        if not isinstance(target, str):
                            problems.append(Problem(f"{target!r} is not a variable name", file=source, field=f"{where}.{fname}", allowed="the study's variable name"))
                    if key == "values":
                        if not isinstance(target, dict):
                            problems.append(Problem("is not a mapping of study value: netles code", file=source, field=f"{where}.{fname}", allowed="e.g. {vriend: friend}"))
                            continue
                        for study_value, code in target.items():
                            _check_code(fname, code, f"{where}.{fname}.{study_value}", source, problems)
        if problems:
            raise ValidationError(problems)
        return cls({k: (v if k in _TOP_KEYS else (v or {})) for k, v in data.items()}, source)

    def section(self, table: str) -> dict:
        """The section of one table (empty when absent)."""
        return self.sections.get(table) or {}

    def columns(self, table: str) -> dict:
        """netles field -> study column for one table."""
        return dict(self.section(table).get("columns") or {})

    def values(self, table: str) -> dict:
        """netles field -> {study value: code} for one table."""
        return dict(self.section(table).get("values") or {})

    def categorical(self) -> dict:
        """netles field -> study variable of the alters' categorical variables."""
        return dict(self.section("alters").get("categorical") or {})

    def node_types(self) -> dict:
        """Node type -> {field: value} defaults for alters (Network Canvas)."""
        return dict(self.section("alters").get("node_types") or {})

    def edge_types(self) -> list | None:
        """The tie types that count as ties (None: all)."""
        types = self.section("ties").get("edge_types")
        return None if types is None else list(types)

    def ignore(self, table: str) -> list:
        """Columns of one table to leave out."""
        return list(self.section(table).get("ignore") or [])

    def na_values(self) -> list[str]:
        """Cell values that mean "missing" (besides empty cells and ``NA``)."""
        return [str(v) for v in self.sections.get("na_values") or []]

    def moment_column(self) -> str | None:
        """The study's column that says which measurement a row belongs to."""
        return (self.sections.get("moments") or {}).get("column")

    def moment_order(self) -> list | None:
        """The order of the moments, when the mapping gives one."""
        order = (self.sections.get("moments") or {}).get("order")
        return None if order is None else [str(m) for m in order]

    def declared(self, table: str) -> set:
        """The fields this mapping gives a column or values for in one table: those columns are
        taken as their field whatever they hold (see :mod:`netles.validation`)."""
        out = set(self.columns(table)) | set(self.values(table))
        if table == "alters":
            out |= set(self.categorical())
            for defaults in self.node_types().values():
                out |= set(defaults)
        if self.moment_column():
            out.add(MOMENT)
        return out


def _check_target(fname, fields, where, source, problems):
    if fname not in fields:
        problems.append(Problem(f"{fname!r} is not a netles field of this table", file=source, field=where, allowed=", ".join(fields)))


def _check_code(fname, code, where, source, problems):
    if fname == "circle":
        if code not in vocab.CIRCLE:
            problems.append(Problem(f"{code!r} is not a circle", file=source, field=where, allowed=vocab.CIRCLE.allowed()))
    elif fname in _CODED and code not in _CODED[fname]:
        problems.append(Problem(f"{code!r} is not a netles code", file=source, field=where, allowed=_CODED[fname].allowed()))


def read_mapping(path: str | os.PathLike | Mapping | dict | None) -> Mapping | None:
    """Read a YAML mapping file (a :class:`Mapping` or a dict passes through, checked).

    Raises
    ------
    ValidationError
        For a file that is not YAML or holds unknown fields or codes.

    Examples
    --------
    >>> read_mapping({"egos": {"columns": {"gender": "geslacht"}}}).columns("egos")
    {'gender': 'geslacht'}
    """
    if path is None or isinstance(path, Mapping):
        return path
    if isinstance(path, dict):
        return Mapping.from_dict(path)
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ValidationError(Problem("is not UTF-8 text", file=str(path), allowed="a UTF-8 YAML file")) from None
    except yaml.YAMLError as exc:
        raise ValidationError(Problem(f"is not valid YAML ({exc.__class__.__name__})", file=str(path), allowed="a YAML mapping file")) from None
    return Mapping.from_dict(data, source=str(path))


def _where(frame: pd.DataFrame, index) -> dict:
    out = {}
    if FILE_COL in frame:
        out["file"] = frame.at[index, FILE_COL]
    if ROW_COL in frame:
        out["row"] = int(frame.at[index, ROW_COL])
    for column, key in (("ego_id", "ego"), ("alter_id", "alter")):
        if column in frame:
            text = _plain_text(frame.at[index, column])
            if text is not None:
                out[key] = text
    return out


def _boolean(series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(ticked, not true/false) per row, worked out once per distinct value."""
    c = coded(series)
    lowered = np.array([str(v).lower() for v in c.values], dtype=object)
    true = np.isin(lowered, list(_TRUE))
    bad = ~true & ~np.isin(lowered, list(_FALSE))
    return c.take(true, False), c.take(bad, False)


def _code_of(fname: str, option: str, values: dict) -> Any:
    if option in values:
        return values[option]
    if fname == "circle":
        return int(option) if option in {"1", "2", "3", "4"} else None
    vocabulary = _CODED.get(fname)
    return option if vocabulary is not None and option in vocabulary else None


def fold_categorical(frame: pd.DataFrame, fname: str, variable: str, values: dict | None = None, *, auto: bool = False) -> tuple[pd.DataFrame, list[Problem]]:
    """Fold a categorical variable exported as one true/false column per option into one field.

    Parameters
    ----------
    frame : pandas.DataFrame
        The alters (or egos) table as read.
    fname : str
        The netles field (``relation``, ``contact``, ``support``...).
    variable : str
        The study's variable: its option columns are ``<variable>_<option>``.
    values : dict, optional
        Study option -> netles code; an option that is neither listed nor a netles code is
        reported when ticked.
    auto : bool
        Folding without a mapping: only when every option column holds true/false values.

    Returns
    -------
    (frame, problems)
        The table with the option columns replaced by the field (for ``support``: the boolean
        columns ``support_<function>``), and what could not be folded.

    Examples
    --------
    >>> alters = pd.DataFrame({"alter_id": ["1", "2"], "rel_vriend": ["true", "false"], "rel_zus": ["false", "true"]})
    >>> out, problems = fold_categorical(alters, "relation", "rel", {"vriend": "friend", "zus": "sibling"})
    >>> out["relation"].tolist(), problems
    (['friend', 'sibling'], [])
    """
    values = dict(values or {})
    prefix = f"{variable}_"
    reserved = set(_TABLE_FIELDS["alters"]) | set(_TABLE_FIELDS["egos"])
    option_columns = [c for c in frame.columns if isinstance(c, str) and c.startswith(prefix) and c not in reserved and c != variable]
    if not option_columns:
        return frame, []
    problems: list[Problem] = []
    ticks, bads = {}, {}
    for column in option_columns:
        ticks[column], bads[column] = _boolean(frame[column])
    if auto and any(b.any() for b in bads.values()):
        return frame, []  # not a true/false family after all: keep the columns as they are
    out = frame.drop(columns=option_columns).copy()
    for column in option_columns:
        for index in np.flatnonzero(bads[column]):
            label = frame.index[index]
            problems.append(Problem(f"is {frame.at[label, column]!r}, not true or false", field=column, value=frame.at[label, column], allowed="true or false", **_where(frame, label)))
    codes = {c: _code_of(fname, c[len(prefix):], values) for c in option_columns}
    for column, code in codes.items():
        if code is None and ticks[column].any():
            option = column[len(prefix):]
            listed = sorted(values) or list(_CODED[fname].codes if fname in _CODED else ())
            for index in np.flatnonzero(ticks[column]):
                label = frame.index[index]
                problems.append(Problem(
                    f"option {option!r} of {variable!r} is not in the mapping for {fname!r}",
                    field=fname, value=option, allowed=", ".join(map(str, listed)), **_where(frame, label)))
    if fname == "support":
        for code, target in zip(vocab.SUPPORT, SUPPORT_COLUMNS):
            chosen = np.zeros(len(frame), dtype=bool)
            for column, c in codes.items():
                if c == code:
                    chosen |= ticks[column]
            if target in out.columns:
                prior, _ = _boolean(out[target])
                chosen |= prior
            out[target] = chosen
        return out, problems
    result = [None] * len(frame)
    count = np.zeros(len(frame), dtype=int)
    for column, code in codes.items():
        for index in np.flatnonzero(ticks[column]):
            count[index] += 1
            result[index] = code
    for index in np.flatnonzero(count > 1):
        label = frame.index[index]
        ticked = [c[len(prefix):] for c in option_columns if ticks[c][index]]
        problems.append(Problem(f"{len(ticked)} options of {variable!r} are ticked ({', '.join(ticked)})", field=fname, value=", ".join(ticked), allowed="one option", **_where(frame, label)))
        result[index] = None
    existing = out[fname] if fname in out.columns else None
    folded = pd.Series(result, index=frame.index, dtype=object)
    if existing is not None:
        folded = existing.where(existing.notna(), folded)
    out[fname] = folded
    return out, problems


def _map_values(frame: pd.DataFrame, fname: str, table_values: dict, source: str | None) -> tuple[pd.DataFrame, list[Problem]]:
    if fname not in frame.columns:
        return frame, []
    values = {str(k).strip(): v for k, v in table_values.items()}
    c = coded(frame[fname])  # each distinct value is looked up once
    texts = c.values
    listed = np.array([t in values for t in texts], dtype=bool)
    known = _CODED.get(fname)
    if fname == "circle":
        is_code = np.isin(texts, [str(code) for code in vocab.CIRCLE.codes])
    elif fname == "support" or known is None:
        is_code = np.ones(len(texts), dtype=bool)  # lists, and free numbers (age...), are checked by validation
    else:
        is_code = np.isin(texts, list(known.codes))
    unmapped_value = ~listed & ~is_code
    mapped_value = np.array([None if bad else values.get(t, t) for t, bad in zip(texts, unmapped_value)], dtype=object)
    problems = []
    for i in np.flatnonzero(c.take(unmapped_value, False)):
        label = frame.index[i]
        value = c.value(i)
        problems.append(Problem(
            f"{value!r} is not in the mapping for {fname!r}" + (f" ({source})" if source else ""),
            field=fname, value=value, allowed=", ".join(map(str, values)), **_where(frame, label)))
    out = frame.copy()
    out[fname] = pd.Series(c.take(mapped_value, None), index=frame.index, dtype=object)
    return out, problems


def apply_mapping(frame: pd.DataFrame | None, table: str, mapping: Mapping | None, *, auto_categorical: bool = True) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Apply a mapping to one table as read (columns, categorical variables, node types, values).

    Without a mapping, only the categorical variables that carry a netles name are folded
    (``relation_friend``... -> ``relation``). Unmapped values are reported and left empty; the
    validation then excludes their egos.

    Parameters
    ----------
    frame : pandas.DataFrame or None
        The table with its bookkeeping columns.
    table : {"egos", "alters", "ties"}
    mapping : Mapping or None
    auto_categorical : bool
        Fold netles-named true/false families without a mapping.

    Returns
    -------
    (frame, problems)

    Examples
    --------
    >>> alters = pd.DataFrame({"ego_id": ["e1"], "alter_id": ["1"], "relatie": ["oom"]})
    >>> m = Mapping.from_dict({"alters": {"columns": {"relation": "relatie"},
    ...                                   "values": {"relation": {"tante": "other_family"}}}})
    >>> out, problems = apply_mapping(alters, "alters", m)
    >>> print(problems[0])
    ego 'e1', alter '1', field 'relation': 'oom' is not in the mapping for 'relation' (allowed: tante)
    """
    if frame is None:
        return None, []
    problems: list[Problem] = []
    source = mapping.source if mapping is not None else None
    out = frame
    if mapping is not None:
        ignore = [c for c in mapping.ignore(table) if c in out.columns]
        if ignore:
            out = out.drop(columns=ignore)
        moment_column = mapping.moment_column()
        if moment_column is not None and moment_column in out.columns and moment_column != MOMENT:
            out = out.drop(columns=[MOMENT], errors="ignore").rename(columns={moment_column: MOMENT})
        renames = {}
        for fname, column in mapping.columns(table).items():
            if column not in out.columns:
                problems.append(Problem(f"the mapping names column {column!r} for {fname!r}, but the table has no such column", file=_first(out), field=column, allowed=", ".join(c for c in out.columns if c not in (FILE_COL, ROW_COL))))
                continue
            renames[column] = fname
        if renames:
            # a column already called like the target gives way to the mapped one
            clashing = [target for source_col, target in renames.items() if target in out.columns and target not in renames]
            out = out.drop(columns=clashing).rename(columns=renames)
    if table == "alters":
        categorical = mapping.categorical() if mapping is not None else {}
        values = mapping.values("alters") if mapping is not None else {}
        for fname, variable in categorical.items():
            out, found = fold_categorical(out, fname, variable, values.get(fname))
            problems.extend(found)
        if auto_categorical:
            for fname in (*_SINGLE_VALUED, "circle"):
                if categorical.get(fname) != fname:
                    # also where the mapping folds another variable into this field: sessions
                    # that used the netles name fill the rows the mapped variable left empty
                    out, found = fold_categorical(out, fname, fname, values.get(fname), auto=True)
                    problems.extend(found)
        if mapping is not None and mapping.node_types() and "node_type" in out.columns:
            out = out.copy()
            for node_type, defaults in mapping.node_types().items():
                rows = (out["node_type"].astype(object) == node_type).to_numpy(dtype=bool)
                for fname, value in defaults.items():
                    current = out[fname].astype(object) if fname in out.columns else pd.Series([None] * len(out), dtype=object, index=out.index)
                    fill = rows & current.isna().to_numpy()
                    out[fname] = current.where(~fill, value)
    if mapping is not None:
        for fname, table_values in mapping.values(table).items():
            if table == "alters" and fname in mapping.categorical():
                continue  # already translated while folding
            out, found = _map_values(out, fname, table_values, None)
            problems.extend(found)
    return out, problems


def _first(frame: pd.DataFrame) -> str | None:
    if FILE_COL in frame and len(frame):
        return str(frame[FILE_COL].iloc[0])
    return None
