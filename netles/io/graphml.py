"""GraphML: one graph per ego, ego attributes on the graph element.

A GraphML file (or a folder of them) holds one ``<graph>`` per ego network: the graph's ``id`` is
the ``ego_id``, the ego's fields are ``<data>`` of the graph element (keys ``for="graph"``), the
nodes are the alters (node ``id`` = ``alter_id``, node data = alter fields, support as the boolean
keys ``support_<function>`` or one ``support`` text such as ``"practical;emotional"``) and the
edges are the alter-alter ties (undirected, optional ``weight``).

A node with id ``"ego"`` (as :meth:`netles.EgoNetwork.to_networkx` writes it, and as networkx
then writes a GraphML file) is taken as the ego, not as an alter: its fields fill the ego's, its
edges are the implicit ego-alter ties and are skipped.

In problems, the *row* of a GraphML value is the position (1-based) of its ``<graph>``,
``<node>`` or ``<edge>`` element among the elements of that kind in the file.
"""
from __future__ import annotations

import math
import os
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import numpy as np
import pandas as pd

from ..dataset import Dataset
from ..errors import Problem
from ..network import EGO_NODE
from .atomic import atomic_write_text
from .mapping import Mapping, apply_mapping
from .tables import FILE_COL, ROW_COL, stack

__all__ = ["read_graphml_tables", "write_graphml"]

_NS = "{http://graphml.graphdrawing.org/xmlns}"


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


def _read_file(path: Path, name: str, problems: list[Problem]):
    try:
        tree = ET.parse(path)
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        problems.append(Problem(f"is not valid GraphML/XML (line {line})" if line else "is not valid GraphML/XML", file=name, allowed="a GraphML file"))
        return [], [], []
    except OSError as exc:
        problems.append(Problem(f"cannot be read ({exc.strerror})", file=name, allowed="a GraphML file"))
        return [], [], []
    root = tree.getroot()
    keys = {}
    for key in root.iter():
        if _local(key.tag) == "key":
            keys[key.get("id")] = (key.get("for", "all"), key.get("attr.name") or key.get("id"), key.get("attr.type", "string"))

    def data_of(element) -> dict:
        out = {}
        for child in element:
            if _local(child.tag) == "data":
                _, attr, kind = keys.get(child.get("key"), (None, child.get("key"), "string"))
                out[attr] = _convert(child.text, kind)
        return out

    egos, alters, ties = [], [], []
    node_no = edge_no = 0
    graphs = [g for g in root if _local(g.tag) == "graph"]
    if not graphs:
        problems.append(Problem("holds no <graph> element", file=name, allowed="one graph per ego"))
    for g_no, graph in enumerate(graphs, start=1):
        ego = data_of(graph)
        ego_node = {}
        ego_nodes = set()
        graph_alters = []
        for node in graph:
            if _local(node.tag) != "node":
                continue
            node_no += 1
            node_id = node.get("id")
            record = data_of(node)
            if node_id == EGO_NODE or record.get("ego") is True:
                ego_nodes.add(node_id)
                ego_node = {k: v for k, v in record.items() if k != "ego"}
                continue
            graph_alters.append({**record, "alter_id": node_id, FILE_COL: name, ROW_COL: node_no})
        for key, value in ego_node.items():
            ego.setdefault(key, value)
        ego_id = graph.get("id") or ego.get("ego_id")
        if ego_id is None:
            problems.append(Problem(f"graph {g_no} has no id, so its ego is unknown", file=name, row=g_no, field="ego_id", allowed="<graph id=\"...\"> or an ego_id on the graph"))
            for _ in graph.iter(f"{_NS}edge"):
                edge_no += 1
            continue
        ego["ego_id"] = ego_id
        egos.append({**ego, FILE_COL: name, ROW_COL: g_no})
        for record in graph_alters:
            record["ego_id"] = ego_id
            alters.append(record)
        for edge in graph:
            if _local(edge.tag) != "edge":
                continue
            edge_no += 1
            source, target = edge.get("source"), edge.get("target")
            if source in ego_nodes or target in ego_nodes:
                continue  # ego-alter ties are implicit
            record = {k: v for k, v in data_of(edge).items() if k not in ("source", "target", "ego_id")}
            ties.append({**record, "ego_id": ego_id, "source": source, "target": target, FILE_COL: name, ROW_COL: edge_no})
    return egos, alters, ties


def _frame(records: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records) if records else pd.DataFrame(columns=[FILE_COL, ROW_COL])
    for column in frame.columns:
        if column != ROW_COL:
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame


def read_graphml_tables(path: str | os.PathLike, mapping: Mapping | None = None):
    """Read a GraphML file, or every ``.graphml`` file in a folder, into three tables.

    Used by :func:`netles.read_dataset`; see the module documentation for the conventions.

    Returns
    -------
    netles.io.dataset.RawDataset
    """
    from .dataset import RawDataset

    path = Path(path)
    files = [path] if path.is_file() else sorted(p for p in path.glob("*.graphml") if p.is_file())
    problems: list[Problem] = []
    egos, alters, ties = [], [], []
    for file in files:
        name = file.name
        if file.stat().st_size == 0:
            problems.append(Problem("is empty (0 bytes): nothing could be read", file=name, allowed="a GraphML file"))
            continue
        e, a, t = _read_file(file, name, problems)
        egos.append(_frame(e))
        alters.append(_frame(a))
        ties.append(_frame(t))
    frames = {}
    for table, parts in (("egos", egos), ("alters", alters), ("ties", ties)):
        frame, found = apply_mapping(stack(parts), table, mapping)
        problems.extend(found)
        frames[table] = frame
    return RawDataset(frames["egos"], frames["alters"], frames["ties"], problems, set(), ("graphml",) * 3, "graphml")


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
    from .dataset_folder import check_no_names

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
