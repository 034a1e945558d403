"""GraphML: one graph per ego, from netles, Network Canvas, networkx or igraph.

A GraphML file (or a folder of them) holds one ``<graph>`` per ego network: the ego's fields are
``<data>`` of the graph element (keys ``for="graph"``), the nodes are the alters (node ``id`` =
``alter_id``, node data = alter fields, support as the boolean keys ``support_<function>`` or one
``support`` text such as ``"practical;emotional"``) and the edges are the alter-alter ties
(undirected, optional ``weight``). ``<key>`` elements with a ``<default>`` fill in every element
that has no ``<data>`` for that key.

Which ego a graph is, without a mapping:

* **Network Canvas** writes one ``<graph>`` per interview session with the attributes
  ``nc:caseId`` and ``nc:sessionUUID`` (older versions put them on the ``<graphml>`` element):
  the case id, when every session has its own, else the session id. Node and edge data
  ``networkCanvasType`` become ``node_type`` and the tie type (several edge types are merged
  into one tie with a flag per type, as in :func:`netles.io.raw.merge_tie_types`).
* a graph with ``<data>`` for ``ego_id``: that value; else the graph's ``id`` (netles writes the
  ego id there);
* **networkx** writes one graph per file with no ``id``, **igraph** one graph per file with the
  same ``id="G"`` in every file: then the ego is the file's name (``p017.graphml`` is ego
  ``p017``).

A node with id ``"ego"`` (as :meth:`netles.EgoNetwork.to_networkx` writes it) or with data
``ego=true`` is taken as the ego, not as an alter: its fields fill the ego's, its edges are the
implicit ego-alter ties and are skipped. GraphML allows an edge from a node to itself and the same
pair twice; an ego network has each pair once, so such edges are collapsed with a warning, never a
reason to leave the ego out.

In problems, the *row* of a GraphML value is the position (1-based) of its ``<graph>``,
``<node>`` or ``<edge>`` element among the elements of that kind in the file.

References
----------
.. [1] Brandes, U. et al. GraphML Primer (graphml.graphdrawing.org); the GraphML writers of
   networkx (``write_graphml``), igraph (``write_graph_graphml``) and Network Canvas
   (``network-exporters``).
"""
from __future__ import annotations

import math
import os
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import numpy as np
import pandas as pd

from ..errors import Problem
from ..longtables import Dataset
from ..network import EGO_NODE
from ..validation import FILE_COL, ROW_COL
from .atomic import atomic_write_text
from .mapping import Mapping, apply_mapping
from .raw import EDGE_TYPE, RawTables, merge_tie_types

__all__ = ["read_graphml_tables", "write_graphml", "graphml_files"]

_NS = "{http://graphml.graphdrawing.org/xmlns}"
_NC = "{http://schema.networkcanvas.com/xmlns}"
_IGRAPH_DEFAULT_ID = "G"
"""igraph writes ``<graph id="G">`` in every file: not an ego id."""


def _convert(text: str | None, kind: str):
    if text is None:
        return None
    text = text.strip()
    if text == "":
        return None
    try:
        if kind == "boolean":
            low = text.lower()
            if low in ("true", "1"):
                return True
            if low in ("false", "0"):
                return False
            return text
        if kind in ("int", "long"):
            return int(text)
        if kind in ("float", "double"):
            value = float(text)
            return None if math.isnan(value) else value
    except ValueError:
        return text  # validation reports it with its field's rule
    return text


def _local(tag: str) -> str:
    return tag.split("}", 1)[-1]


def _nc_attribute(element, name: str):
    for key in (f"{_NC}{name}", f"{_NC}{name[0].lower() + name[1:]}"):
        if element.get(key) is not None:
            return element.get(key)
    # nc:caseId and nc:caseID are both in use
    for key, value in element.attrib.items():
        if key.startswith(_NC) and key[len(_NC):].lower() == name.lower():
            return value
    return None


def _read_file(path: Path, name: str, problems: list[Problem]) -> list[dict]:
    """The graphs of one file: ego data, alters and ties of each, with their element numbers."""
    try:
        tree = ET.parse(path)
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        problems.append(Problem(f"is not valid GraphML/XML (line {line})" if line else "is not valid GraphML/XML", file=name, allowed="a GraphML file"))
        return []
    except OSError as exc:
        problems.append(Problem(f"cannot be read ({exc.strerror})", file=name, allowed="a GraphML file"))
        return []
    root = tree.getroot()
    keys = {}
    defaults: dict[str, dict] = {"graph": {}, "node": {}, "edge": {}}
    for key in root.iter():
        if _local(key.tag) != "key":
            continue
        target, attr, kind = key.get("for", "all"), key.get("attr.name") or key.get("id"), key.get("attr.type", "string")
        keys[key.get("id")] = (target, attr, kind)
        default = next((child for child in key if _local(child.tag) == "default"), None)
        if default is not None:
            value = _convert(default.text, kind)
            for element in (("graph", "node", "edge") if target == "all" else (target,)):
                if element in defaults:
                    defaults[element][attr] = value

    def data_of(element, kind: str) -> dict:
        out = dict(defaults.get(kind, {}))
        for child in element:
            if _local(child.tag) == "data":
                _, attr, value_kind = keys.get(child.get("key"), (None, child.get("key"), "string"))
                out[attr] = _convert(child.text, value_kind)
        return out

    root_nc = {"case": _nc_attribute(root, "caseId"), "session": _nc_attribute(root, "sessionUUID")}
    graphs = [g for g in root if _local(g.tag) == "graph"]
    if not graphs:
        problems.append(Problem("holds no <graph> element", file=name, allowed="one graph per ego"))
    out = []
    node_no = edge_no = 0
    for g_no, graph in enumerate(graphs, start=1):
        ego = data_of(graph, "graph")
        nc = {"case": _nc_attribute(graph, "caseId") or root_nc["case"],
              "session": _nc_attribute(graph, "sessionUUID") or root_nc["session"]}
        ego_node: dict = {}
        ego_nodes = set()
        alters = []
        for node in graph:
            if _local(node.tag) != "node":
                continue
            node_no += 1
            node_id = node.get("id")
            record = data_of(node, "node")
            if node_id == EGO_NODE or record.get("ego") is True:
                ego_nodes.add(node_id)
                ego_node = {k: v for k, v in record.items() if k != "ego"}
                continue
            if "networkCanvasType" in record:
                record["node_type"] = record.pop("networkCanvasType")
            alters.append({**record, "alter_id": node_id, FILE_COL: name, ROW_COL: node_no})
        for key, value in ego_node.items():
            ego.setdefault(key, value)
        ties = []
        for edge in graph:
            if _local(edge.tag) != "edge":
                continue
            edge_no += 1
            source, target = edge.get("source"), edge.get("target")
            if source in ego_nodes or target in ego_nodes:
                continue  # ego-alter ties are implicit
            record = {k: v for k, v in data_of(edge, "edge").items() if k not in ("source", "target", "ego_id")}
            if "networkCanvasType" in record:
                record[EDGE_TYPE] = record.pop("networkCanvasType")
            ties.append({**record, "source": source, "target": target, FILE_COL: name, ROW_COL: edge_no})
        out.append({"file": name, "stem": path.stem, "g_no": g_no, "id": graph.get("id"), "n_in_file": len(graphs),
                    "nc": nc if (nc["case"] or nc["session"]) else None, "ego": ego, "alters": alters, "ties": ties})
    return out


def _ego_ids(graphs: list[dict], problems: list[Problem], warnings: list[Problem]) -> list:
    """The ego id of every graph (see the module documentation); None where it cannot be told."""
    nc_cases = [g["nc"]["case"] for g in graphs if g["nc"]]
    case_unique = all(nc_cases) and len(set(nc_cases)) == len(nc_cases)
    ids = [g["id"] for g in graphs]
    ids_unique = all(ids) and len(set(ids)) == len(ids)
    if nc_cases and not case_unique:
        repeated = sorted({c for c in nc_cases if c and nc_cases.count(c) > 1})
        if repeated:
            warnings.append(Problem(f"case id(s) {', '.join(map(repr, repeated[:5]))} have more than one session: each session is "
                                    "its own ego (ego_id = the session id). To compare a person's sessions, map a moment "
                                    "(see docs/research.md)", file=graphs[0]["file"], field="nc:caseId"))
    out = []
    for g in graphs:
        if g["nc"]:
            out.append(g["nc"]["case"] if case_unique else (g["nc"]["session"] or g["nc"]["case"]))
        elif g["ego"].get("ego_id") is not None:
            out.append(str(g["ego"]["ego_id"]))
        elif g["id"] and ids_unique and not (g["id"] == _IGRAPH_DEFAULT_ID and g["n_in_file"] == 1):
            out.append(g["id"])
        elif g["n_in_file"] == 1:
            out.append(g["stem"])
        else:
            problems.append(Problem(f"graph {g['g_no']} has no id, so its ego is unknown", file=g["file"], row=g["g_no"], field="ego_id",
                                    allowed="<graph id=\"...\"> or an ego_id on the graph"))
            out.append(None)
    return out


def _collapse(ties: list[dict], ego_id: str, file: str) -> tuple[list[dict], int, int]:
    """Drop edges from a node to itself and repeats of a pair (of the same type); count both."""
    kept, seen, loops, repeats = [], set(), 0, 0
    for tie in ties:
        if tie["source"] == tie["target"]:
            loops += 1
            continue
        key = (min(tie["source"], tie["target"]), max(tie["source"], tie["target"]), tie.get(EDGE_TYPE))
        if key in seen:
            repeats += 1
            continue
        seen.add(key)
        kept.append(tie)
    return kept, loops, repeats


def _frame(records: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records) if records else pd.DataFrame(columns=[FILE_COL, ROW_COL])
    for column in frame.columns:
        if column != ROW_COL:
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame


def graphml_files(path: str | os.PathLike) -> list[Path]:
    """The GraphML files of a path: the file itself, or every ``.graphml`` file of a folder."""
    path = Path(path)
    if path.is_file():
        return [path]
    return sorted(p for p in path.glob("*.graphml") if p.is_file() and not p.name.startswith("."))


def read_graphml_tables(path: str | os.PathLike, mapping: Mapping | None = None, na_values=None, edge_types=None) -> RawTables:
    """Read a GraphML file, or every ``.graphml`` file in a folder, into three tables.

    Used by :func:`netles.read_dataset`; see the module documentation for the conventions.

    Returns
    -------
    netles.io.raw.RawTables
    """
    problems: list[Problem] = []
    warnings: list[Problem] = []
    graphs: list[dict] = []
    for file in graphml_files(path):
        if file.stat().st_size == 0:
            problems.append(Problem("is empty (0 bytes): nothing could be read", file=file.name, allowed="a GraphML file"))
            continue
        graphs.extend(_read_file(file, file.name, problems))
    ego_ids = _ego_ids(graphs, problems, warnings)
    egos, alters, ties = [], [], []
    loops = repeats = graphs_hit = 0
    hit_files: list[str] = []
    missing = {str(v) for v in (na_values or ())}
    for g, ego_id in zip(graphs, ego_ids):
        if ego_id is None:
            continue
        egos.append({**g["ego"], "ego_id": ego_id, FILE_COL: g["file"], ROW_COL: g["g_no"]})
        alters.extend({**a, "ego_id": ego_id} for a in g["alters"])
        kept, n_loops, n_repeats = _collapse(g["ties"], ego_id, g["file"])
        if n_loops or n_repeats:
            graphs_hit += 1
            if g["file"] not in hit_files:
                hit_files.append(g["file"])
        loops, repeats = loops + n_loops, repeats + n_repeats
        ties.extend({**t, "ego_id": ego_id} for t in kept)
    if loops or repeats:
        warnings.append(Problem(f"{loops:,} edge(s) from a node to itself and {repeats:,} repeated edge(s) in {graphs_hit:,} graph(s) were "
                                "collapsed: an ego network has each pair of alters once", file=", ".join(hit_files[:3]) + (" ..." if len(hit_files) > 3 else ""),
                                field="target"))
    frames = {}
    for table, records in (("egos", egos), ("alters", alters), ("ties", ties)):
        frame = _frame(records)
        for column in frame.columns:
            if missing and column not in (FILE_COL, ROW_COL):
                hit = frame[column].astype(object).map(lambda v: str(v) in missing if v is not None else False).to_numpy(dtype=bool)
                if hit.any():
                    frame[column] = frame[column].where(~hit, None)
        frame, found = apply_mapping(frame, table, mapping)
        problems.extend(found)
        frames[table] = frame
    types = edge_types if edge_types is not None else (mapping.edge_types() if mapping is not None else None)
    frames["ties"], notes = merge_tie_types(frames["ties"], types, file="graphml")
    warnings.extend(notes)
    fmt = "network_canvas_graphml" if any(g["nc"] for g in graphs) else "graphml"
    return RawTables(frames["egos"], frames["alters"], frames["ties"], problems, set(), ("graphml",) * 3, fmt, warnings=warnings,
                     declared={t: mapping.declared(t) for t in ("egos", "alters", "ties")} if mapping else {},
                     moment_order=mapping.moment_order() if mapping is not None else None)


def _kind(series: pd.Series) -> str:
    values = series.dropna()
    if pd.api.types.is_bool_dtype(series.dtype) or (len(values) and all(isinstance(v, (bool, np.bool_)) for v in values)):
        return "boolean"
    if pd.api.types.is_integer_dtype(series.dtype):
        return "long"
    if pd.api.types.is_float_dtype(series.dtype):
        return "double"
    if len(values) and all(isinstance(v, (int, float, np.number)) and not isinstance(v, bool) for v in values):
        return "double"
    return "string"


def _text(value, kind: str) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    if kind == "boolean":
        return "true" if bool(value) else "false"
    if kind == "double":
        value = float(value)
        return repr(value)
    if isinstance(value, np.generic):
        value = value.item()
    return str(value)


def write_graphml(ds: Dataset, path: str | os.PathLike, allow_names: bool = False) -> Path:
    """Write a dataset as one GraphML file, one ``<graph>`` per ego (atomically).

    Parameters
    ----------
    ds : Dataset
        The dataset.
    path : path-like
        The ``.graphml`` file.
    allow_names : bool
        Write a ``name`` column that holds values (refused by default).

    Returns
    -------
    pathlib.Path

    Raises
    ------
    ValidationError
        If the dataset still holds names and ``allow_names`` is false.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from netles import datasets, read_dataset
    >>> ds = Dataset.from_networks([datasets.load_case("voorbeeld")])
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "studie.graphml"
    >>> _ = write_graphml(ds, target, allow_names=True)
    >>> again = read_dataset(target)
    >>> again.network("voorbeeld") == ds.network("voorbeeld")
    True
    """
    from .folder import check_no_names

    check_no_names(ds, allow_names)
    path = Path(path)
    parts = {
        "graph": (ds.egos, ("ego_id",)),
        "node": (ds.alters, ("ego_id", "alter_id")),
        "edge": (ds.ties, ("ego_id", "source", "target")),
    }
    keys: dict[str, list[tuple[str, str, str]]] = {}
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ]
    prefix = {"graph": "g", "node": "n", "edge": "e"}
    for element, (frame, skip) in parts.items():
        keys[element] = []
        for i, column in enumerate(c for c in frame.columns if c not in skip):
            kind = _kind(frame[column])
            key_id = f"{prefix[element]}{i}"
            keys[element].append((column, key_id, kind))
            lines.append(f'  <key id="{key_id}" for="{element}" attr.name={quoteattr(str(column))} attr.type="{kind}"/>')

    def data_lines(record: dict, element: str, indent: str) -> list[str]:
        out = []
        for column, key_id, kind in keys[element]:
            text = _text(record.get(column), kind)
            if text is not None:
                out.append(f'{indent}<data key="{key_id}">{escape(text)}</data>')
        return out

    alters_by_ego = {e: g for e, g in ds.alters.groupby("ego_id", sort=False)} if len(ds.alters) else {}
    ties_by_ego = {e: g for e, g in ds.ties.groupby("ego_id", sort=False)} if len(ds.ties) else {}
    for ego in ds.egos.to_dict("records"):
        ego_id = ego["ego_id"]
        lines.append(f'  <graph id={quoteattr(str(ego_id))} edgedefault="undirected">')
        lines.extend(data_lines(ego, "graph", "    "))
        if ego_id in alters_by_ego:
            for alter in alters_by_ego[ego_id].to_dict("records"):
                lines.append(f'    <node id={quoteattr(str(alter["alter_id"]))}>')
                lines.extend(data_lines(alter, "node", "      "))
                lines.append("    </node>")
        if ego_id in ties_by_ego:
            for tie in ties_by_ego[ego_id].to_dict("records"):
                lines.append(f'    <edge source={quoteattr(str(tie["source"]))} target={quoteattr(str(tie["target"]))}>')
                lines.extend(data_lines(tie, "edge", "      "))
                lines.append("    </edge>")
        lines.append("  </graph>")
    lines.append("</graphml>")
    atomic_write_text(path, "\n".join(lines) + "\n")
    return path
