"""What every dataset reader produces: the three raw long tables, before validation.

Each reader module (:mod:`~netles.io.folder`, :mod:`~netles.io.egor`,
:mod:`~netles.io.network_canvas`, :mod:`~netles.io.graphml`) turns its files into one
:class:`RawTables`: egos, alters and ties with netles' id column names (``ego_id``,
``alter_id``, ``source``, ``target``), every other column as found, and the bookkeeping columns
that say where each row came from. :func:`netles.read_dataset` then passes them through the one
validation step, :func:`netles.validation.validate_tables`.

The helpers here are shared by the readers: :func:`merge_tie_types` (several tie types between
the same pair become one tie with a flag per type) and :func:`drop_row_names` (R's unnamed
row-name column).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .._columns import coded, combined_key
from ..errors import Problem, UsageError
from ..longtables import MOMENT

__all__ = ["RawTables", "merge_tie_types", "drop_row_names", "EDGE_TYPE", "ROW_NAME_COLUMNS"]

EDGE_TYPE = "edge_type"
"""The column of a raw tie table that names the tie's type (Network Canvas edge list, ideanet ``type``)."""
ROW_NAME_COLUMNS = ("", "X", "Unnamed: 0", "...1")
"""Names R and pandas give an unnamed first column of row names."""


@dataclass
class RawTables:
    """Three tables as read, before validation, with what was found while reading."""

    egos: pd.DataFrame | None
    alters: pd.DataFrame | None
    ties: pd.DataFrame | None
    problems: list[Problem] = field(default_factory=list)
    broken: set = field(default_factory=set)
    files: tuple[str, str, str] = ("egos.csv", "alters.csv", "ties.csv")
    format: str = "folder"
    meta: dict = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    declared: dict = field(default_factory=dict)
    moment_order: list | None = None


def drop_row_names(frame: pd.DataFrame | None) -> pd.DataFrame | None:
    """Leave out an unnamed first column of row names (R's ``write.csv``, pandas' ``to_csv``).

    Examples
    --------
    >>> frame = pd.DataFrame({"": ["1", "2"], "egoID": ["7", "8"]})
    >>> drop_row_names(frame).columns.tolist()
    ['egoID']
    """
    if frame is None or not len(frame.columns):
        return frame
    first = frame.columns[0]
    if first in ROW_NAME_COLUMNS:
        return frame.drop(columns=[first])
    return frame


def merge_tie_types(ties: pd.DataFrame, edge_types=None, *, file: str | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """One undirected tie per pair, with a true/false column ``edge_<type>`` per tie type.

    Network Canvas writes one edge list per edge type, ideanet one row per type per pair. A pair
    tied by several types becomes one tie (the first row's other values are kept) with a flag
    per type; a pair listed twice with the *same* type stays twice, so that validation reports
    the duplicate.

    Parameters
    ----------
    ties : pandas.DataFrame
        Raw ties with ``ego_id``, ``source``, ``target`` and :data:`EDGE_TYPE`.
    edge_types : list of str, optional
        Keep only ties of these types (default: every type).
    file : str, optional
        Named in the notes.

    Returns
    -------
    (ties, notes)

    Raises
    ------
    UsageError
        If none of ``edge_types`` occurs in the data (the message lists the types there are).

    Examples
    --------
    >>> ties = pd.DataFrame({"ego_id": ["1", "1", "1"], "source": ["1", "2", "2"], "target": ["2", "1", "3"],
    ...                      "edge_type": ["friends", "family", "friends"]})
    >>> merged, notes = merge_tie_types(ties)
    >>> merged[["source", "target", "edge_family", "edge_friends"]].values.tolist()
    [['1', '2', True, True], ['2', '3', False, True]]
    >>> merge_tie_types(ties, ["friends"])[0][["source", "target"]].values.tolist()
    [['1', '2'], ['2', '3']]
    """
    notes: list[Problem] = []
    if EDGE_TYPE not in ties.columns:
        return ties, notes
    kind = coded(ties[EDGE_TYPE])
    present = [str(v) for v in kind.values]
    if edge_types is not None:
        wanted = [str(t) for t in edge_types]
        unknown = [t for t in wanted if t not in present]
        if present and len(unknown) == len(wanted):
            raise UsageError(f"none of the tie types {', '.join(map(repr, wanted))} is in the data; the types there are: "
                             f"{', '.join(map(repr, sorted(present)))}")
        if unknown:
            notes.append(Problem(f"tie type(s) {', '.join(map(repr, unknown))} are not in the data (there are: "
                                 f"{', '.join(map(repr, sorted(present)))})", file=file, field=EDGE_TYPE))
        keep_value = np.isin(kind.values, wanted)
        keep = kind.take(keep_value, False)
        ties = ties[keep].reset_index(drop=True)
        kind = coded(ties[EDGE_TYPE])
    types = sorted(str(v) for v in kind.values)
    if not types or not len(ties):
        return ties.drop(columns=[EDGE_TYPE]).assign(**{f"edge_{t}": np.zeros(len(ties), dtype=bool) for t in types}), notes
    flags = {f"edge_{t}": kind.take(kind.values == t, False) for t in types}
    ego = coded(ties["ego_id"], ids=True)
    ego_moment = combined_key(ego, coded(ties[MOMENT], ids=True) if MOMENT in ties.columns else None)
    src, tgt = coded(ties["source"], ids=True), coded(ties["target"], ids=True)
    ids = pd.Index(pd.unique(np.concatenate([src.values, tgt.values])), dtype=object)
    s = src.take(ids.get_indexer(pd.Index(src.values, dtype=object)), -1) if len(src.values) else np.full(len(ties), -1)
    t = tgt.take(ids.get_indexer(pd.Index(tgt.values, dtype=object)), -1) if len(tgt.values) else np.full(len(ties), -1)
    lo, hi = np.minimum(s, t), np.maximum(s, t)
    complete = ~ego.missing & (s >= 0) & (t >= 0)
    n_ids = max(len(ids), 1)
    key = (ego_moment * n_ids + lo) * n_ids + hi
    group = pd.Series(pd.factorize(key)[0])
    same_type_twice = pd.DataFrame({"g": group, "k": kind.codes}).duplicated(keep=False).to_numpy()
    by_group = group.where(complete & ~same_type_twice)
    merge = by_group.notna() & by_group.duplicated(keep=False)
    out = ties.drop(columns=[EDGE_TYPE]).assign(**flags)
    if merge.any():
        flag_frame = pd.DataFrame(flags)[merge.to_numpy()]
        combined = flag_frame.groupby(by_group[merge].to_numpy()).any()
        first = ~by_group.duplicated(keep="first") | ~merge
        rows = np.flatnonzero(merge.to_numpy() & first.to_numpy())
        for column in flags:
            values = out[column].to_numpy().copy()
            values[rows] = combined.loc[by_group.iloc[rows].to_numpy(), column].to_numpy()
            out[column] = values
        n_pairs = int((merge & first).sum())
        out = out[first.to_numpy()].reset_index(drop=True)
        notes.append(Problem(f"{n_pairs:,} pair(s) were tied by more than one tie type and became one tie each, with a "
                             f"true/false column per type ({', '.join('edge_' + t for t in types)})", file=file, field=EDGE_TYPE))
    return out, notes
