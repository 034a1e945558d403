"""Network Canvas CSV exports: many interview sessions folded into the three long tables.

Network Canvas (Interviewer, Fresco) exports per session, with the file prefix
``<caseID>_<sessionID>``:

* ``<prefix>_ego.csv``: ``networkCanvasEgoUUID``, ``networkCanvasCaseID``,
  ``networkCanvasSessionID``, ``networkCanvasProtocolName``, ``sessionStart``, ``sessionFinish``,
  ``sessionExported``, then the ego variables;
* ``<prefix>_attributeList_<NodeType>.csv``: ``nodeID`` (numbered 1..n within the session, over
  all node types), ``networkCanvasEgoUUID``, ``networkCanvasUUID``, then the node variables (a
  session without nodes writes ``<prefix>_attributeList.csv`` with only a header);
* ``<prefix>_edgeList_<EdgeType>.csv``: ``edgeID``, ``from``, ``to`` (nodeIDs),
  ``networkCanvasEgoUUID``, ``networkCanvasUUID``, ``networkCanvasSourceUUID``,
  ``networkCanvasTargetUUID``, then the edge variables; one file per edge type, each edge once.

Categorical variables come as one true/false column per option (``<variable>_<option>``), layout
positions as ``<variable>_x``/``<variable>_y``; columns differ between files; lines end in CRLF;
a cell that begins with ``=``, ``+``, ``-``, ``@`` or a tab is written with a leading apostrophe
(which is removed again here). The export arrives as a ``.zip`` (read as it is, see
:func:`netles.read_dataset`), and the GraphML export is read by :mod:`netles.io.graphml`.

netles reads them, with no mapping, as: one ego per session (``ego_id`` = the case id when every
session has its own, else the session id; a mapping can name another column), one alter per
node (``alter_id`` = ``nodeID``, ``node_type`` = the node type), and one tie per pair of nodes
linked by an edge of any type (or of the types given by ``edge_types=`` or the mapping's
``edge_types``): a pair linked by several types is one tie with a true/false column
``edge_<type>`` per type. A categorical variable with a netles name (``relation_friend``...) is
folded into its field; node types and study variables are mapped onto netles fields by a mapping
file (:mod:`netles.io.mapping`).

References
----------
.. [1] Network Canvas documentation, "Data export" and "Export data dictionary"; the exporter in
   ``complexdatacollective/network-canvas-monorepo`` (``packages/network-exporters``), Complex
   Data Collective.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import Problem
from ..validation import FILE_COL
from .mapping import Mapping, apply_mapping
from .raw import EDGE_TYPE, RawTables, merge_tie_types
from .tables import DICTIONARY_COLUMNS, read_table, stack

__all__ = ["is_network_canvas_folder", "read_network_canvas_tables", "EGO_UUID", "CASE_ID", "SESSION_ID"]

EGO_UUID = "networkCanvasEgoUUID"
CASE_ID = "networkCanvasCaseID"
SESSION_ID = "networkCanvasSessionID"
_NC_EGO = "__netles_nc_ego"
_PREFIX = "__netles_prefix"
_EGO_FILE = re.compile(r"^(?P<prefix>.+)_ego\.csv$", re.IGNORECASE)
_NODE_FILE = re.compile(r"^(?P<prefix>.+)_attributeList(?:_(?P<type>.+))?\.csv$", re.IGNORECASE)
_EDGE_FILE = re.compile(r"^(?P<prefix>.+)_edgeList(?:_(?P<type>.+))?\.csv$", re.IGNORECASE)
_DICTIONARY = DICTIONARY_COLUMNS | {EGO_UUID, CASE_ID, SESSION_ID, "nodeID", "from", "to", "networkCanvasProtocolName"}


def _classify(folder: Path) -> dict[str, list[tuple[Path, str, str | None]]]:
    found = {"ego": [], "node": [], "edge": [], "other": []}
    for path in sorted(p for p in folder.rglob("*.csv") if p.is_file() and not p.name.startswith(".") and "__MACOSX" not in p.parts):
        for kind, pattern in (("ego", _EGO_FILE), ("node", _NODE_FILE), ("edge", _EDGE_FILE)):
            match = pattern.match(path.name)
            if match:
                found[kind].append((path, match.group("prefix"), match.groupdict().get("type")))
                break
        else:
            found["other"].append((path, "", None))
    return found


def is_network_canvas_folder(folder: str | os.PathLike) -> bool:
    """Whether a folder holds Network Canvas CSV export files."""
    found = _classify(Path(folder))
    return bool(found["ego"] or found["node"] or found["edge"])


def _unescape(frame: pd.DataFrame) -> pd.DataFrame:
    """Remove the apostrophe Network Canvas puts before a cell that begins like a formula."""
    pattern = r"^'(?=[=+\-@\t\r])"
    for column in frame.columns:
        series = frame[column]
        if isinstance(series.dtype, pd.CategoricalDtype):
            categories = series.cat.categories
            if pd.api.types.is_string_dtype(categories.dtype) and categories.str.match(pattern).any():
                frame[column] = series.astype("str").str.replace(pattern, "", regex=True)
        elif pd.api.types.is_string_dtype(series.dtype) and series.str.match(pattern).fillna(False).any():
            frame[column] = series.str.replace(pattern, "", regex=True)
    return frame


def read_network_canvas_tables(folder: str | os.PathLike, mapping: Mapping | None = None, na_values=None, edge_types=None) -> RawTables:
    """Read a Network Canvas CSV export folder into three tables (not yet validated).

    Used by :func:`netles.read_dataset`; see the module documentation for the conventions.

    Returns
    -------
    netles.io.raw.RawTables
    """
    folder = Path(folder)
    found = _classify(folder)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    broken_prefixes: set[str] = set()
    tables: dict[str, list] = {"ego": [], "node": [], "edge": []}
    for kind in ("ego", "node", "edge"):
        for path, prefix, type_ in found[kind]:
            name = str(path.relative_to(folder))
            raw = read_table(path, name=name, na_values=na_values, dictionary_columns=_DICTIONARY)
            problems.extend(raw.problems)
            if raw.frame is None or raw.bad_rows:
                broken_prefixes.add(prefix)
            if raw.frame is not None:
                frame = _unescape(raw.frame)
                frame[_PREFIX] = prefix
                if kind == "node":
                    frame["node_type"] = type_
                if kind == "edge":
                    frame[EDGE_TYPE] = type_
                tables[kind].append(frame)
    if not found["ego"]:
        problems.append(Problem("no *_ego.csv file: the sessions' egos are unknown", file=folder.name, allowed="the Network Canvas ego files of every session"))
    egos = stack(tables["ego"])
    alters = stack(tables["node"])
    ties = stack(tables["edge"])
    for frame, label in ((egos, "ego"), (alters, "attributeList"), (ties, "edgeList")):
        if len(frame) and EGO_UUID not in frame.columns:
            problems.append(Problem("column is missing", file=str(frame[FILE_COL].iloc[0]), field=EGO_UUID, allowed=f"the Network Canvas {label} columns"))
    egos, alters, ties = (f.assign(**{_NC_EGO: f[EGO_UUID].astype(object) if EGO_UUID in f.columns else None}) for f in (egos, alters, ties))
    egos["ego_id"] = _default_ego_ids(egos, warnings)

    # a file that could not be read breaks its session: find that session's egos
    broken_uuids: set = set()
    for frame in (egos, alters, ties):
        if len(frame) and _PREFIX in frame.columns:
            hit = frame[_PREFIX].isin(broken_prefixes).to_numpy(dtype=bool)
            broken_uuids |= set(frame.loc[hit, _NC_EGO].dropna())

    egos, found_problems = apply_mapping(egos, "egos", mapping)
    problems.extend(found_problems)
    uuid_to_ego = dict(zip(egos[_NC_EGO], egos["ego_id"].astype(object))) if "ego_id" in egos.columns else {}
    for frame in (alters, ties):
        frame["ego_id"] = frame[_NC_EGO].map(lambda u: uuid_to_ego.get(u, u) if isinstance(u, str) else None).astype(object)
    broken = {uuid_to_ego.get(u, u) for u in broken_uuids}

    if "nodeID" in alters.columns:
        alters = alters.rename(columns={"nodeID": "alter_id"})
    elif len(alters):
        problems.append(Problem("column is missing", file=str(alters[FILE_COL].iloc[0]), field="nodeID", allowed="the Network Canvas attributeList columns"))
    alters, found_problems = apply_mapping(alters, "alters", mapping)
    problems.extend(found_problems)

    ties, found_problems = _edge_ends(ties, alters)
    problems.extend(found_problems)
    ties, found_problems = apply_mapping(ties, "ties", mapping)
    problems.extend(found_problems)
    types = edge_types if edge_types is not None else (mapping.edge_types() if mapping is not None else None)
    ties, notes = merge_tie_types(ties, types, file="edgeList")
    warnings.extend(notes)

    egos, alters, ties = (f.drop(columns=[c for c in (_NC_EGO, _PREFIX) if c in f.columns]) for f in (egos, alters, ties))
    meta = {"ignored_files": [str(p.relative_to(folder)) for p, _, _ in found["other"]]}
    return RawTables(egos, alters, ties, problems, broken, ("ego", "attributeList", "edgeList"), "network_canvas", meta,
                     warnings=warnings, declared={t: mapping.declared(t) for t in ("egos", "alters", "ties")} if mapping else {},
                     moment_order=mapping.moment_order() if mapping is not None else None)


def _default_ego_ids(egos: pd.DataFrame, warnings: list[Problem]) -> pd.Series:
    """The case id of each session when every session has its own, else the session id."""
    if not len(egos):
        return pd.Series([], dtype=object)
    if CASE_ID in egos.columns:
        case = egos[CASE_ID].astype(object)
        if case.notna().all() and not case.duplicated().any():
            return case
        if SESSION_ID in egos.columns:
            repeated = sorted(set(case[case.duplicated(keep=False)].dropna().astype(str)))
            if repeated:
                warnings.append(Problem(
                    f"case id(s) {', '.join(map(repr, repeated[:5]))} have more than one session: each session is its own ego "
                    f"(ego_id = {SESSION_ID}). To compare a person's sessions, map a moment (see docs/research.md)",
                    file="ego", field=CASE_ID))
    for column in (SESSION_ID, EGO_UUID):
        if column in egos.columns:
            return egos[column].astype(object)
    return pd.Series([None] * len(egos), index=egos.index, dtype=object)


def _edge_ends(edges: pd.DataFrame, alters: pd.DataFrame):
    """Edge ends as alter ids (nodeIDs), from ``from``/``to`` or from the node UUIDs."""
    problems: list[Problem] = []
    if not len(edges):
        out = edges.copy()
        for column in ("source", "target"):
            out[column] = pd.Series(dtype=object)
        return out.drop(columns=[c for c in ("from", "to") if c in out.columns]), problems
    if {"from", "to"} <= set(edges.columns):
        edges = edges.rename(columns={"from": "source", "to": "target"})
    elif {"networkCanvasSourceUUID", "networkCanvasTargetUUID"} <= set(edges.columns) and "networkCanvasUUID" in alters.columns:
        node = dict(zip(zip(alters["ego_id"], alters["networkCanvasUUID"].astype(object)), alters["alter_id"].astype(object)))
        edges = edges.copy()
        edges["source"] = [node.get((e, u), u) for e, u in zip(edges["ego_id"], edges["networkCanvasSourceUUID"].astype(object))]
        edges["target"] = [node.get((e, u), u) for e, u in zip(edges["ego_id"], edges["networkCanvasTargetUUID"].astype(object))]
    else:
        problems.append(Problem("columns from/to are missing", file=str(edges[FILE_COL].iloc[0]), field="from", allowed="the Network Canvas edgeList columns"))
        edges = edges.assign(source=None, target=None)
    return edges, problems
