"""Network Canvas CSV exports: many interview sessions folded into the three long tables.

Network Canvas (Interviewer, Fresco) exports per session, with the file prefix
``<caseID>_<sessionID>`` (or the protocol name when sessions are unified):

* ``<prefix>_ego.csv``: ``networkCanvasEgoUUID``, ``networkCanvasCaseID``,
  ``networkCanvasSessionID``, ``networkCanvasProtocolName``, ``sessionStart``, ``sessionFinish``,
  ``sessionExported``, then the ego variables;
* ``<prefix>_attributeList_<NodeType>.csv``: ``nodeID`` (numbered within the session),
  ``networkCanvasEgoUUID``, ``networkCanvasUUID``, then the node variables (a session without
  nodes writes ``<prefix>_attributeList.csv`` with only a header);
* ``<prefix>_edgeList_<EdgeType>.csv``: ``edgeID``, ``from``, ``to`` (nodeIDs),
  ``networkCanvasEgoUUID``, ``networkCanvasUUID``, ``networkCanvasSourceUUID``,
  ``networkCanvasTargetUUID``, then the edge variables.

Categorical variables come as one true/false column per option (``<variable>_<option>``), layout
positions as ``<variable>_x``/``<variable>_y``; columns differ between files and lines end in CRLF.

netles reads them as: one ego per session (``ego_id`` = ``networkCanvasEgoUUID`` unless the
mapping names another column, such as ``networkCanvasCaseID``), one alter per node (``alter_id`` =
``nodeID``, ``node_type`` = the node type), and one tie per pair of nodes linked by an edge of any
type (or of the ``edge_types`` the mapping lists): a pair linked by several types is one tie with a
true/false column ``edge_<type>`` per type. Node types and study variables are mapped onto netles
fields by a mapping file (:mod:`netles.io.mapping`).

References
----------
.. [1] Network Canvas documentation, "Exporting data" (CSV export format), Complex Data
   Collective.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import Problem
from .mapping import Mapping, apply_mapping
from .tables import FILE_COL, ROW_COL, read_table, stack

__all__ = ["is_network_canvas_folder", "read_network_canvas_tables", "EGO_UUID"]

EGO_UUID = "networkCanvasEgoUUID"
_NC_EGO = "__netles_nc_ego"
_EGO_FILE = re.compile(r"^(?P<prefix>.+)_ego\.csv$", re.IGNORECASE)
_NODE_FILE = re.compile(r"^(?P<prefix>.+)_attributeList(?:_(?P<type>.+))?\.csv$", re.IGNORECASE)
_EDGE_FILE = re.compile(r"^(?P<prefix>.+)_edgeList(?:_(?P<type>.+))?\.csv$", re.IGNORECASE)


def _classify(folder: Path) -> dict[str, list[tuple[Path, str, str | None]]]:
    found = {"ego": [], "node": [], "edge": [], "other": []}
    for path in sorted(p for p in folder.rglob("*.csv") if p.is_file() and not p.name.startswith(".")):
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


def read_network_canvas_tables(folder: str | os.PathLike, mapping: Mapping | None = None):
    """Read a Network Canvas CSV export folder into three tables (not yet validated).

    Used by :func:`netles.read_dataset`; see the module documentation for the conventions.

    Returns
    -------
    netles.io.dataset.RawDataset
    """
    from .dataset import RawDataset

    folder = Path(folder)
    found = _classify(folder)
    problems: list[Problem] = []
    broken_prefixes: set[str] = set()
    tables: dict[str, list] = {"ego": [], "node": [], "edge": []}
    for kind in ("ego", "node", "edge"):
        for path, prefix, type_ in found[kind]:
            name = str(path.relative_to(folder))
            raw = read_table(path, name=name)
            problems.extend(raw.problems)
            if raw.frame is None or raw.bad_rows:
                broken_prefixes.add(prefix)
            if raw.frame is not None:
                frame = raw.frame
                frame["__netles_prefix"] = prefix
                if kind == "node":
                    frame["node_type"] = type_
                if kind == "edge":
                    frame["edge_type"] = type_
                tables[kind].append(frame)
    if not found["ego"]:
        problems.append(Problem("no *_ego.csv file: the sessions' egos are unknown", file=folder.name, allowed="the Network Canvas ego files of every session"))
    egos = stack(tables["ego"])
    alters = stack(tables["node"])
    ties = stack(tables["edge"])
    for frame, label in ((egos, "ego"), (alters, "attributeList"), (ties, "edgeList")):
        if len(frame) and EGO_UUID not in frame.columns:
            problems.append(Problem("column is missing", file=str(frame[FILE_COL].iloc[0]), field=EGO_UUID, allowed=f"the Network Canvas {label} columns"))
    for frame in (egos, alters, ties):
        frame[_NC_EGO] = frame[EGO_UUID] if EGO_UUID in frame.columns else None
    egos["ego_id"] = egos[_NC_EGO]

    # a file that could not be read breaks its session: find that session's egos
    broken_uuids: set = set()
    for frame in (egos, alters, ties):
        if len(frame):
            hit = frame["__netles_prefix"].isin(broken_prefixes)
            broken_uuids |= set(frame.loc[hit, _NC_EGO].dropna())

    egos, found_problems = apply_mapping(egos, "egos", mapping)
    problems.extend(found_problems)
    uuid_to_ego = dict(zip(egos[_NC_EGO], egos["ego_id"])) if "ego_id" in egos.columns else {}
    for frame in (alters, ties):
        frame["ego_id"] = frame[_NC_EGO].map(lambda u: uuid_to_ego.get(u, u) if u is not None else None).astype(object)
    broken = {uuid_to_ego.get(u, u) for u in broken_uuids}

    if "nodeID" in alters.columns:
        alters["alter_id"] = alters["nodeID"]
        alters = alters.drop(columns=["nodeID"])
    elif len(alters):
        problems.append(Problem("column is missing", file=str(alters[FILE_COL].iloc[0]), field="nodeID", allowed="the Network Canvas attributeList columns"))
    alters, found_problems = apply_mapping(alters, "alters", mapping)
    problems.extend(found_problems)

    ties, found_problems = _edges_to_ties(ties, alters, mapping)
    problems.extend(found_problems)
    ties, found_problems = apply_mapping(ties, "ties", mapping)
    problems.extend(found_problems)

    egos, alters, ties = (f.drop(columns=[c for c in (_NC_EGO, "__netles_prefix") if c in f.columns]) for f in (egos, alters, ties))
    meta = {"ignored_files": [str(p.relative_to(folder)) for p, _, _ in found["other"]]}
    return RawDataset(egos, alters, ties, problems, broken, ("ego", "attributeList", "edgeList"), "network_canvas", meta)


def _edges_to_ties(edges: pd.DataFrame, alters: pd.DataFrame, mapping: Mapping | None):
    """Edges of every (selected) type -> one undirected tie per pair, a flag column per type."""
    problems: list[Problem] = []
    if not len(edges):
        out = edges.copy()
        for column in ("source", "target"):
            out[column] = pd.Series(dtype=object)
        return out.drop(columns=[c for c in ("from", "to") if c in out.columns]), problems
    wanted = mapping.edge_types() if mapping is not None else None
    if wanted is not None:
        edges = edges[edges["edge_type"].isin(wanted)].copy()
    if {"from", "to"} <= set(edges.columns):
        edges["source"], edges["target"] = edges["from"], edges["to"]
    elif {"networkCanvasSourceUUID", "networkCanvasTargetUUID"} <= set(edges.columns) and "networkCanvasUUID" in alters.columns:
        node = dict(zip(zip(alters["ego_id"], alters["networkCanvasUUID"]), alters["alter_id"]))
        edges["source"] = [node.get((e, u), u) for e, u in zip(edges["ego_id"], edges["networkCanvasSourceUUID"])]
        edges["target"] = [node.get((e, u), u) for e, u in zip(edges["ego_id"], edges["networkCanvasTargetUUID"])]
    else:
        problems.append(Problem("columns from/to are missing", file=str(edges[FILE_COL].iloc[0]), field="from", allowed="the Network Canvas edgeList columns"))
        edges["source"], edges["target"] = None, None
    edges = edges.drop(columns=[c for c in ("from", "to") if c in edges.columns])
    types = sorted(t for t in edges["edge_type"].dropna().unique())
    if not types:
        return edges.drop(columns=["edge_type"]), problems
    src = edges["source"].astype(str).to_numpy()
    tgt = edges["target"].astype(str).to_numpy()
    lo, hi = np.minimum(src, tgt), np.maximum(src, tgt)
    key = pd.Series(list(zip(edges["ego_id"], lo, hi)), index=edges.index)
    for t in types:
        edges[f"edge_{t}"] = (edges["edge_type"] == t).to_numpy()
    # a pair linked by several types is one tie; a pair listed twice with the same type stays
    # twice so that validation reports the duplicate
    typed = pd.DataFrame({"key": key, "type": edges["edge_type"]})
    same_type_twice = typed.duplicated(["key", "type"], keep=False)
    merge = key.duplicated(keep=False) & ~same_type_twice & ~key.map(lambda k: None in k)
    keep_rows = ~merge | ~key.duplicated(keep="first")
    flags = [f"edge_{t}" for t in types]
    if merge.any():
        combined = edges.loc[merge, flags].groupby(key[merge]).any()
        first_rows = edges.index[merge & keep_rows]
        edges.loc[first_rows, flags] = combined.loc[key[first_rows]].to_numpy()
    edges = edges[keep_rows].drop(columns=["edge_type"])
    return edges, problems
