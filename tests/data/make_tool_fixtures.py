"""Write the test fixtures that look exactly as other tools write their files.

Run from the repository root:  .venv/bin/python tests/data/make_tool_fixtures.py

Every fixture is made here, with a fixed seed, following the conventions of the tool's public
example data and documentation (see tests/data/README.md for which conventions and where they
were read); no file of another project is copied.

* ``egor_sets/``: two egor example sets in one folder, as egor's ``inst/extdata`` holds them:
  ``egos_32.csv``/``alters_32.csv``/``edges_32.csv`` (``write.csv2(row.names = FALSE)``: ``;``,
  decimal comma, quoted text, ego ids written as numbers in one table and as quoted text in
  another, ego ages as classes "56 - 65") and ``egos_8.csv``/``alteri_8.csv``/``edges_8.csv`` (the
  older layout with an unnamed first column of row names).
* ``egor_objects/``: egor's own tables (``.EGOID``, ``.ALTID``, ``.SRCID``, ``.TGTID``) written
  with R's ``write.csv``: an unnamed row-name column, ``NA``, ``TRUE``/``FALSE``.
* ``ideanet_ngq/``: ideanet's "important matters" example layout written with ``write.csv``
  (``ego_id``, ``alter_id``; ties ``alter1``, ``alter2``, ``type`` with one row per type per pair).
* ``network_canvas_export.zip``: a Network Canvas CSV export as downloaded and re-zipped on a Mac
  (a top folder and ``__MACOSX/`` entries): nine sessions whose ``Close`` ties give the nine
  densities printed in Network Canvas's R tutorial (``ego_density``), plus ``SexTie`` and
  ``DrugTie`` edge lists, categorical ``var_option`` columns, layout ``_x``/``_y``, CRLF lines.
* ``network_canvas.graphml``: the same nine sessions as Network Canvas's unified GraphML export
  (one ``<graph>`` per session with ``nc:caseId``/``nc:sessionUUID``, key ids that are codebook
  UUIDs, ``networkCanvasType`` on nodes and edges).
* ``networkx_graphml/``: one file per ego written by ``networkx.write_graphml`` (no graph id;
  a ``<key>`` with a ``<default>``; one file from a MultiGraph with a repeated edge and a
  self-loop).
* ``igraph_graphml/``: one file per ego in igraph's ``write_graph_graphml`` layout (``id="G"`` in
  every file, nodes ``n0``..., keys ``v_name``/``e_weight``; one file with a self-loop and a
  repeated edge).
"""
from __future__ import annotations

import io
import random
import uuid
import zipfile
from itertools import combinations
from pathlib import Path

import networkx as nx

HERE = Path(__file__).resolve().parent

# (alters, Close ties) of the nine sessions: densities 0.619, 0.214, 0.0256, 0.105, 1, 0.00526,
# 0.218, 1 and 0.286, mean 0.385856531573766, as printed by egor's ego_density in the Network
# Canvas tutorial "Working with Network Canvas data in R" (complexdatacollective/working-with-data).
NC_SESSIONS = [(7, 13), (8, 6), (13, 2), (18, 16), (3, 3), (20, 1), (11, 12), (4, 6), (7, 6)]
AGE_CLASSES = ["0 - 17", "18 - 25", "26 - 35", "36 - 45", "46 - 55", "56 - 65", "66 - 100"]


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _write(path: Path, text: str, crlf: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.replace("\n", "\r\n") if crlf else text
    path.write_bytes(data.encode("utf-8"))


def _q(value) -> str:
    """R's write.csv quoting: text in double quotes, numbers and logicals bare, NA bare."""
    if value is None:
        return "NA"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return str(value)
    return '"' + str(value).replace('"', '""') + '"'


def _q2(value) -> str:
    """write.csv2: as write.csv, with a decimal comma."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
    return _q(value)


def _random_ties(rng: random.Random, n: int, p: float) -> list[tuple[int, int]]:
    return [(i, j) for i, j in combinations(range(1, n + 1), 2) if rng.random() < p]


def egor_sets(folder: Path) -> None:
    rng = random.Random(32)
    for suffix, n_egos, old_layout, alter_file in (("32", 32, False, "alters_32.csv"), ("8", 8, True, "alteri_8.csv")):
        egos, alters, edges = [], [], []
        for ego in range(1, n_egos + 1):
            size = rng.randint(3, 9)
            egos.append([ego, rng.choice("wm"), rng.choice(AGE_CLASSES), size])
            for alter in range(1, size + 1):
                alters.append([str(ego), alter, rng.choice("wm"), rng.choice(AGE_CLASSES)])
            for a, b in _random_ties(rng, size, 0.45):
                edges.append([ego, a, b, round(rng.choice([1, 2, 3]) / 3, 3)])
        rows = lambda header, records, names: [header] + [";".join(_q2(v) for v in r) for r in records]
        eh = ";".join(_q(c) for c in ("egoID", "sex", "age", "netsize"))
        ah = ";".join(_q(c) for c in ("egoID", "alterID", "alter.sex", "alter.age"))
        th = ";".join(_q(c) for c in ("egoID", "Source", "Target", "weight"))
        ego_lines = rows(eh, egos, None)
        alter_lines = rows(ah, alters, None)
        edge_lines = rows(th, edges, None)
        if old_layout:  # write.csv2 with row names: an unnamed first column
            ego_lines = ['"";' + ego_lines[0]] + [f'"{i}";{line}' for i, line in enumerate(ego_lines[1:], start=1)]
            alter_lines = ['"";' + alter_lines[0]] + [f'"{i}";{line}' for i, line in enumerate(alter_lines[1:], start=1)]
            edge_lines = ['"";' + edge_lines[0]] + [f'"{i}";{line}' for i, line in enumerate(edge_lines[1:], start=1)]
        _write(folder / f"egos_{suffix}.csv", "\n".join(ego_lines) + "\n")
        _write(folder / alter_file, "\n".join(alter_lines) + "\n")
        _write(folder / f"edges_{suffix}.csv", "\n".join(edge_lines) + "\n")


def egor_objects(folder: Path) -> None:
    rng = random.Random(5)
    egos = [['""', '".EGOID"', '"sex"', '"age"', '"age.years"', '"country"', '"income"']]
    alters = [['""', '".ALTID"', '".EGOID"', '"sex"', '"age"', '"age.years"', '"country"', '"close"']]
    ties = [['""', '".EGOID"', '".SRCID"', '".TGTID"', '"weight"']]
    a_row = t_row = 0
    for ego in range(1, 7):
        years = rng.randint(19, 80)
        egos.append([_q(str(ego)), _q(ego), _q(rng.choice("wm")), _q(AGE_CLASSES[min(6, years // 10)]), _q(years),
                     _q(rng.choice(["Australia", "Germany", "USA"])), _q(None if ego == 3 else rng.randint(1, 9) * 12000)])
        size = rng.randint(2, 7)
        for alter in range(1, size + 1):
            a_row += 1
            alters.append([_q(str(a_row)), _q(alter), _q(ego), _q(rng.choice("wm")), _q(rng.choice(AGE_CLASSES)),
                           _q(None if alter == 2 else rng.randint(10, 90)), _q(rng.choice(["Australia", "Germany"])), _q(rng.random() < 0.5)])
        for a, b in _random_ties(rng, size, 0.5):
            t_row += 1
            ties.append([_q(str(t_row)), _q(ego), _q(a), _q(b), _q(rng.choice([1, 2, 3]))])
    for name, rows in (("egos.csv", egos), ("alters.csv", alters), ("aaties.csv", ties)):
        _write(folder / name, "\n".join(",".join(r) for r in rows) + "\n")


def ideanet_ngq(folder: Path) -> None:
    rng = random.Random(10)
    egos = [['""', '"ego_id"', '"sex"', '"race"', '"age"', '"edu"', '"pid"']]
    alters = [['""', '"ego_id"', '"alter_id"', '"sex"', '"race"', '"family"', '"friend"', '"other_rel"', '"face"', '"phone"', '"text"']]
    aa = [['""', '"ego_id"', '"alter1"', '"alter2"', '"type"', '"freqtalk"']]
    a_row = t_row = 0
    for ego in range(1, 11):
        egos.append([_q(str(ego)), _q(ego), _q(rng.choice([1, 2])), _q(rng.choice(["White", "Black", "Other"])), _q(rng.randint(20, 70)),
                     _q(rng.choice([1, 2, 3, 4])), _q(None if ego == 7 else rng.randint(1, 7))])
        size = rng.randint(1, 5)
        for alter in range(1, size + 1):
            a_row += 1
            family = rng.random() < 0.4
            alters.append([_q(str(a_row)), _q(ego), _q(alter), _q(rng.choice([1, 2])), _q(rng.choice(["White", "Black", "Other"])),
                           _q(family), _q(not family and rng.random() < 0.7), _q(False), _q(rng.randint(1, 5)), _q(rng.randint(1, 5)),
                           _q(None if alter == 3 else rng.randint(1, 5))])
        for a, b in _random_ties(rng, size, 0.6):
            types = [t for t in ("family", "friends", "coworkers") if rng.random() < 0.5] or ["friends"]
            for kind in types:  # ideanet: one row per type per pair
                t_row += 1
                aa.append([_q(str(t_row)), _q(ego), _q(a), _q(b), _q(kind), _q(rng.randint(1, 5))])
    for name, rows in (("ngq_egos.csv", egos), ("ngq_alters.csv", alters), ("ngq_aa.csv", aa)):
        _write(folder / name, "\n".join(",".join(r) for r in rows) + "\n")


def _nc_sessions():
    """The nine sessions: ego, nodes and edges per type, with Network Canvas's ids."""
    rng = random.Random(2023)
    sessions = []
    for s, (n, close) in enumerate(NC_SESSIONS, start=1):
        ego = {"uuid": _uuid(rng), "case": f"case_{s}", "session": _uuid(rng)}
        start = f"2023-07-{10 + s:02d}T15:{10 + s:02d}:41.844Z"
        ego.update(start=start, finish="" if s == 4 else f"2023-07-{10 + s:02d}T16:02:05.120Z", exported="2023-07-21T19:33:59.470Z",
                   drugs=[rng.random() < 0.3 for _ in range(3)], age=rng.randint(18, 60))
        nodes = []
        for i in range(1, n + 1):
            gender = rng.choice(["Female", "Male", "Non-binary"])
            nodes.append({"id": i, "uuid": _uuid(rng), "Close": rng.random() < 0.6, "Drugs": rng.random() < 0.3, "Age": rng.randint(18, 90),
                          "ContactFreq": rng.choice(["Daily", "Weekly", "Less_than_weekly", "Never"]), "gender": gender,
                          "x": round(rng.random(), 6), "y": round(rng.random(), 6), "name": f"Persoon {s}.{i}",
                          "note": "'-nvt" if (s, i) == (2, 1) else ""})
        pairs = list(combinations(range(1, n + 1), 2))
        rng.shuffle(pairs)
        close_pairs = pairs[:close]
        edges = {"Close": [(a, b) if rng.random() < 0.5 else (b, a) for a, b in close_pairs]}
        # SexTie shares some pairs with Close and adds others; DrugTie only in some sessions
        extra = pairs[close:close + max(1, n // 4)] if close < len(pairs) else []
        edges["SexTie"] = [p for p in close_pairs[: max(1, close // 3)]] + extra
        if s % 3 != 0:
            edges["DrugTie"] = pairs[-1:] if len(pairs) > close else []
        sessions.append((ego, nodes, edges))
    return sessions


def _edge_records(ego, nodes, edges, rng):
    uuids = {node["id"]: node["uuid"] for node in nodes}
    records, edge_id = {}, 0
    for kind, pairs in edges.items():
        records[kind] = []
        for a, b in pairs:
            edge_id += 1
            records[kind].append((edge_id, a, b, _uuid(rng), uuids[a], uuids[b], rng.random() < 0.5))
    return records


def network_canvas_zip(path: Path) -> None:
    rng = random.Random(7)
    files: dict[str, str] = {}
    options = ["Female", "Male", "Non-binary"]
    for ego, nodes, edges in _nc_sessions():
        prefix = f"{ego['case']}_{ego['session']}"
        head = ("networkCanvasEgoUUID,networkCanvasCaseID,networkCanvasSessionID,networkCanvasProtocolName,sessionStart,"
                "sessionFinish,sessionExported,DrugsUsed_Cannabis,DrugsUsed_Cocaine,DrugsUsed_Other,AgeEgo")
        row = ",".join([ego["uuid"], ego["case"], ego["session"], "RADAR_Protocol", ego["start"], ego["finish"], ego["exported"],
                        *("true" if d else "false" for d in ego["drugs"]), str(ego["age"])])
        files[f"{prefix}_ego.csv"] = head + "\n" + row + "\n"
        head = ("nodeID,networkCanvasEgoUUID,networkCanvasUUID,Close,Drugs,Age,ContactFreq,"
                + ",".join(f"Gender_{o}" for o in options) + ",Cords_x,Cords_y,name,Notitie")
        lines = [head]
        for node in nodes:
            lines.append(",".join([str(node["id"]), ego["uuid"], node["uuid"], str(node["Close"]).lower(), str(node["Drugs"]).lower(),
                                   str(node["Age"]), node["ContactFreq"], *("true" if node["gender"] == o else "false" for o in options),
                                   str(node["x"]), str(node["y"]), node["name"], node["note"]]))
        files[f"{prefix}_attributeList_Person.csv"] = "\n".join(lines) + "\n"
        for kind, records in _edge_records(ego, nodes, edges, rng).items():
            head = "edgeID,from,to,networkCanvasEgoUUID,networkCanvasUUID,networkCanvasSourceUUID,networkCanvasTargetUUID,AlterSexTie"
            lines = [head] + [",".join([str(e), str(a), str(b), ego["uuid"], u, su, tu, str(flag).lower()]) for e, a, b, u, su, tu, flag in records]
            files[f"{prefix}_edgeList_{kind}.csv"] = "\n".join(lines) + "\n"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"networkCanvasExport/{name}", date_time=(2023, 7, 21, 19, 34, 0))
            archive.writestr(info, files[name].replace("\n", "\r\n").encode("utf-8"), zipfile.ZIP_DEFLATED)
            mac = zipfile.ZipInfo(f"__MACOSX/networkCanvasExport/._{name}", date_time=(2023, 7, 21, 19, 34, 0))
            archive.writestr(mac, b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        ")
    path.write_bytes(buffer.getvalue())


def network_canvas_graphml(path: Path) -> None:
    rng = random.Random(7)
    key = {name: _uuid(rng) for name in ("Close", "Drugs", "Age", "ContactFreq", "Cords", "name", "AgeEgo", "AlterSexTie")}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
             'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd" '
             'xmlns:nc="http://schema.networkcanvas.com/xmlns">',
             '  <key id="label" for="all" attr.name="label" attr.type="string"/>',
             '  <key id="networkCanvasType" for="all" attr.name="networkCanvasType" attr.type="string"/>',
             '  <key id="networkCanvasUUID" for="all" attr.name="networkCanvasUUID" attr.type="string"/>',
             '  <key id="networkCanvasTargetUUID" for="edge" attr.name="networkCanvasTargetUUID" attr.type="string"/>',
             '  <key id="networkCanvasSourceUUID" for="edge" attr.name="networkCanvasSourceUUID" attr.type="string"/>',
             f'  <key id="{key["AgeEgo"]}" for="graph" attr.name="AgeEgo" attr.type="int"/>',
             f'  <key id="{key["Close"]}" for="node" attr.name="Close" attr.type="boolean"/>',
             f'  <key id="{key["Drugs"]}" for="node" attr.name="Drugs" attr.type="boolean"/>',
             f'  <key id="{key["Age"]}" for="node" attr.name="Age" attr.type="int"/>',
             f'  <key id="{key["ContactFreq"]}" for="node" attr.name="ContactFreq" attr.type="string"/>',
             f'  <key id="{key["Cords"]}_X" for="node" attr.name="Cords_X" attr.type="double"/>',
             f'  <key id="{key["Cords"]}_Y" for="node" attr.name="Cords_Y" attr.type="double"/>',
             f'  <key id="{key["name"]}" for="node" attr.name="name" attr.type="string"/>',
             f'  <key id="{key["AlterSexTie"]}" for="edge" attr.name="AlterSexTie" attr.type="boolean"/>']
    for ego, nodes, edges in _nc_sessions():
        lines.append(f'  <graph edgedefault="undirected" nc:caseId="{ego["case"]}" nc:sessionUUID="{ego["session"]}" '
                     f'nc:protocolName="RADAR_Protocol" nc:sessionExportTime="{ego["exported"]}" nc:sessionStartTime="{ego["start"]}">')
        lines.append(f'    <data key="networkCanvasUUID">{ego["uuid"]}</data>')
        lines.append(f'    <data key="{key["AgeEgo"]}">{ego["age"]}</data>')
        for node in nodes:
            lines.append(f'    <node id="{node["id"]}">'
                         f'<data key="networkCanvasUUID">{node["uuid"]}</data><data key="networkCanvasType">Person</data>'
                         f'<data key="label">{node["name"]}</data><data key="{key["Close"]}">{str(node["Close"]).lower()}</data>'
                         f'<data key="{key["Drugs"]}">{str(node["Drugs"]).lower()}</data><data key="{key["Age"]}">{node["Age"]}</data>'
                         f'<data key="{key["ContactFreq"]}">{node["ContactFreq"]}</data>'
                         f'<data key="{key["Cords"]}_X">{node["x"]}</data><data key="{key["Cords"]}_Y">{node["y"]}</data>'
                         f'<data key="{key["name"]}">{node["name"]}</data></node>')
        for kind, records in _edge_records(ego, nodes, edges, rng).items():
            for e, a, b, u, su, tu, flag in records:
                lines.append(f'    <edge id="{e}" source="{a}" target="{b}"><data key="networkCanvasUUID">{u}</data>'
                             f'<data key="networkCanvasType">{kind}</data><data key="networkCanvasSourceUUID">{su}</data>'
                             f'<data key="networkCanvasTargetUUID">{tu}</data><data key="{key["AlterSexTie"]}">{str(flag).lower()}</data></edge>')
        lines.append("  </graph>")
    lines.append("</graphml>")
    _write(path, "\n".join(lines) + "\n")


def networkx_graphml(folder: Path) -> None:
    rng = random.Random(3)
    folder.mkdir(parents=True, exist_ok=True)
    for k, name in enumerate(("p01", "p02", "p03")):
        graph = nx.MultiGraph() if name == "p03" else nx.Graph()
        graph.graph["node_default"] = {"relation": "friend"}  # written as <key><default>
        graph.graph["group"] = "lvb" if k else "ggz"
        for i in range(1, 6 + k):
            attrs = {"gender": rng.choice("FM"), "circle": rng.randint(1, 4)}
            if i % 2:
                attrs["relation"] = rng.choice(["parent", "sibling", "neighbour", "professional"])
            graph.add_node(f"a{i}", **attrs)
        for a, b in _random_ties(rng, 5 + k, 0.5):
            graph.add_edge(f"a{a}", f"a{b}")
        if name == "p03":
            graph.add_edge("a1", "a2")
            graph.add_edge("a1", "a2")  # a repeated edge
            graph.add_edge("a3", "a3")  # a self-loop
        nx.write_graphml(graph, folder / f"{name}.graphml")


def igraph_graphml(folder: Path) -> None:
    rng = random.Random(4)
    folder.mkdir(parents=True, exist_ok=True)
    for k, name in enumerate(("ego_a", "ego_b")):
        n = 4 + k
        lines = ['<?xml version="1.0" encoding="UTF-8"?>',
                 '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"',
                 '         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
                 '         xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns',
                 '         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
                 '<!-- Created by igraph -->',
                 '  <key id="g_wave" for="graph" attr.name="wave" attr.type="double"/>',
                 '  <key id="v_name" for="node" attr.name="name" attr.type="string"/>',
                 '  <key id="v_gender" for="node" attr.name="gender" attr.type="string"/>',
                 '  <key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>',
                 '  <graph id="G" edgedefault="undirected">',
                 '    <data key="g_wave">1</data>']
        for i in range(n):
            lines += [f'    <node id="n{i}">', f'      <data key="v_name">alter{i + 1}</data>',
                      f'      <data key="v_gender">{rng.choice("FM")}</data>', '    </node>']
        pairs = _random_ties(rng, n, 0.5) or [(1, 2)]
        if k == 1:
            pairs = pairs + [pairs[0], (3, 3)]  # a repeated edge and a self-loop
        for a, b in pairs:
            lines += [f'    <edge source="n{a - 1}" target="n{b - 1}">', f'      <data key="e_weight">{rng.randint(1, 3)}</data>', '    </edge>']
        lines += ['  </graph>', '</graphml>']
        _write(folder / f"{name}.graphml", "\n".join(lines) + "\n")


def main() -> None:
    egor_sets(HERE / "egor_sets")
    egor_objects(HERE / "egor_objects")
    ideanet_ngq(HERE / "ideanet_ngq")
    network_canvas_zip(HERE / "network_canvas_export.zip")
    network_canvas_graphml(HERE / "network_canvas.graphml")
    networkx_graphml(HERE / "networkx_graphml")
    igraph_graphml(HERE / "igraph_graphml")
    print("fixtures written to", HERE)


if __name__ == "__main__":
    main()
