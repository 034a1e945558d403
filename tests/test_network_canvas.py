"""Network Canvas CSV export folders: several sessions, node and edge types, an empty session."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import netles
from netles import ValidationError, quality_profile

DATA = Path(__file__).parent / "data" / "network_canvas"
MAPPING = {
    "egos": {"columns": {"ego_id": "networkCanvasCaseID"}},
    "alters": {"node_types": {"Hulpverlener": {"relation": "professional", "circle": 4}}},
}


def test_files_use_crlf_and_differ_in_columns():
    ego1 = (DATA / "deelnemer01_a1f3_ego.csv").read_bytes()
    assert b"\r\n" in ego1
    headers = {p.name: p.read_text().splitlines()[0] for p in DATA.glob("*_attributeList_Persoon.csv")}
    assert len(set(headers.values())) == 2


def test_reads_every_session_with_a_mapping():
    ds = netles.read_dataset(DATA, mapping=MAPPING, strict=True)
    assert ds.meta["format"] == "network_canvas"
    assert ds.ego_ids == ["deelnemer01", "deelnemer02", "deelnemer03"]
    one = ds.network("deelnemer01")
    assert sorted(one.alter_ids) == ["1", "2", "3", "4"]
    # categorical relation_<option> columns folded; node type defaults applied
    assert {a: one.alter(a)["relation"] for a in one.alter_ids} == {"1": "sibling", "2": "friend", "3": "neighbour", "4": "professional"}
    assert one.alter("4")["circle"] == 4
    assert one.alter("1")["support"] == ["practical", "emotional"]
    # edge types "kent" and "conflict": the pair 1-2 is in both and becomes one tie
    assert sorted(tuple(sorted(p)) for p in one.tie_pairs()) == [("1", "2"), ("1", "4"), ("2", "3")]
    ties = ds.ties[ds.ties["ego_id"] == "deelnemer01"].set_index(["source", "target"])
    assert bool(ties.loc[("2", "1"), "edge_kent"]) and bool(ties.loc[("2", "1"), "edge_conflict"])
    # the empty session: an ego without alters or ties
    empty = ds.network("deelnemer03")
    assert empty.size == 0 and empty.ego["gender"] == "X"
    for ego in ds.ego_ids:
        assert quality_profile(ds.network(ego))["size"] == ds.network(ego).size
    # study variables and session data kept as extra columns
    assert set(ds.alters["node_type"]) == {"Persoon", "Hulpverlener"}
    assert "layout_x" in ds.alters and "woonplaats" in ds.egos


def test_edge_types_selected_by_the_mapping():
    mapping = {**MAPPING, "ties": {"edge_types": ["kent"]}}
    ds = netles.read_dataset(DATA, mapping=mapping, strict=True)
    one = ds.network("deelnemer01")
    assert sorted(tuple(sorted(p)) for p in one.tie_pairs()) == [("1", "2"), ("2", "3")]


def test_without_mapping_every_session_is_kept():
    # issue 17.1: the Hulpverlener node type has no relation; its session is kept, relation metrics NaN
    ds = netles.read_dataset(DATA)
    report = ds.meta["problems"]
    assert report.ok and report.excluded == []
    assert ds.ego_ids == ["deelnemer01", "deelnemer02", "deelnemer03"]  # case ids: one session each
    relation = [w for w in report.warnings if w.field == "relation"]
    assert len(relation) == 1 and "relation is missing in 1 of 6 alters (1 ego)" in relation[0].message
    merged = [w for w in report.warnings if w.field == "edge_type"]
    assert len(merged) == 1 and "edge_conflict, edge_kent" in merged[0].message
    profiles = netles.profile_many(ds)
    assert np.isnan(profiles.loc["deelnemer01", "share_family"]) and profiles.loc["deelnemer01", "size"] == 4
    assert profiles.loc["deelnemer02", "share_family"] == 0.5 and profiles.loc["deelnemer01", "density"] == 0.5
    assert netles.read_dataset(DATA, strict=True).ego_ids == ds.ego_ids  # notes are no problems


def test_study_values_through_a_yaml_mapping(tmp_path):
    folder = tmp_path / "export"
    shutil.copytree(DATA, folder)
    path = folder / "deelnemer02_b7c2_attributeList_Persoon.csv"
    text = path.read_text().replace("relation_parent", "rel_moeder").replace("relation_sibling", "rel_broer")
    text = text.replace("relation_friend", "rel_vriend").replace("relation_neighbour", "rel_oom")
    path.write_bytes(text.replace("\n", "\r\n").encode())
    text = path.read_text()
    mapping_file = tmp_path / "mapping.yaml"
    mapping_file.write_text(
        "egos:\n  columns: {ego_id: networkCanvasCaseID}\n"
        "alters:\n  categorical: {relation: rel}\n"
        "  values:\n    relation: {moeder: parent, broer: sibling, vriend: friend}\n"
        "  node_types:\n    Hulpverlener: {relation: professional}\n"
    )
    ds = netles.read_dataset(folder, mapping=mapping_file)
    assert ds.meta["problems"].ok
    assert ds.network("deelnemer02").alter("1")["relation"] == "parent"
    # a ticked option the mapping does not list is reported, not guessed
    lines = text.splitlines()
    lines[1] = lines[1].replace("true,false,false,false", "false,false,false,true")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode())
    ds = netles.read_dataset(folder, mapping=mapping_file)
    (problem,) = ds.meta["problems"].problems
    assert "'oom'" in problem.message and problem.ego == "deelnemer02" and problem.row == 1
    assert "deelnemer02" not in ds.ego_ids and len(ds) == 2


def test_broken_session_file_excludes_only_that_session(tmp_path):
    folder = tmp_path / "export"
    shutil.copytree(DATA, folder)
    (folder / "deelnemer02_b7c2_edgeList_kent.csv").write_bytes(b"")
    ds = netles.read_dataset(folder, mapping=MAPPING)
    report = ds.meta["problems"]
    assert ds.ego_ids == ["deelnemer01", "deelnemer03"]
    assert report.excluded == ["deelnemer02"]
    assert report.problems[0].file == "deelnemer02_b7c2_edgeList_kent.csv"


def test_reading_does_not_modify_the_export():
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in DATA.iterdir()}
    netles.read_dataset(DATA, mapping=MAPPING)
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in DATA.iterdir()} == before


# -- the export as downloaded, and its GraphML (issue 17.2) ------------------------------------------

import csv
import io
import zipfile

from netcheck import assert_equal_to_networkx, networkx_metrics

EXPORT = Path(__file__).parent / "data" / "network_canvas_export.zip"
GRAPHML = Path(__file__).parent / "data" / "network_canvas.graphml"
# egor's ego_density of the Close ties of the nine sessions, as printed in Network Canvas's tutorial
# "Working with Network Canvas data in R" (complexdatacollective/working-with-data), and its mean
PUBLISHED = [0.619, 0.214, 0.0256, 0.105, 1, 0.00526, 0.218, 1, 0.286]
PUBLISHED_MEAN = 0.385856531573766


def _export_tables(edge_type=None):
    """Alters and ties per session straight from the zip, with Python's csv module."""
    alters, ties, case_of = {}, {}, {}
    with zipfile.ZipFile(EXPORT) as archive:
        for name in archive.namelist():
            if name.startswith("__MACOSX") or not name.endswith(".csv"):
                continue
            rows = list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8"), newline="")))
            if name.endswith("_ego.csv"):
                case_of.update({r["networkCanvasEgoUUID"]: r["networkCanvasCaseID"] for r in rows})
            elif "_attributeList_" in name:
                for r in rows:
                    alters.setdefault(r["networkCanvasEgoUUID"], []).append(r["nodeID"])
            elif "_edgeList_" in name and (edge_type is None or name.endswith(f"_edgeList_{edge_type}.csv")):
                for r in rows:
                    pair = (min(r["from"], r["to"]), max(r["from"], r["to"]))
                    ties.setdefault(r["networkCanvasEgoUUID"], set()).add(pair)
    return ({case_of[u]: a for u, a in alters.items()}, {case_of[u]: sorted(t) for u, t in ties.items()})


def test_export_zip_as_downloaded_reproduces_the_published_densities():
    ds = netles.read_dataset(EXPORT, edge_types=["Close"])
    report = ds.meta["problems"]
    assert ds.meta["format"] == "network_canvas" and report.ok and len(ds) == 9  # every session kept
    assert ds.ego_ids == [f"case_{i}" for i in range(1, 10)]
    profiles = netles.profile_many(ds)
    assert profiles["density"].round(3).tolist() == [round(d, 3) for d in PUBLISHED]
    assert abs(profiles["density"].mean() - PUBLISHED_MEAN) < 1e-12
    assert profiles["size"].sum() == 91 and profiles["size"].min() == 3 and profiles["size"].max() == 20
    assert_equal_to_networkx(profiles, networkx_metrics(*_export_tables("Close")))
    # the apostrophe Network Canvas puts before a cell that starts like a formula is removed
    assert "-nvt" in set(ds.alters["Notitie"].dropna())


def test_export_with_every_edge_type_merged():
    ds = netles.read_dataset(EXPORT)
    assert ds.meta["problems"].ok and len(ds) == 9
    assert {"edge_Close", "edge_SexTie", "edge_DrugTie"} <= set(ds.ties.columns)
    close_only = netles.read_dataset(EXPORT, edge_types=["Close"])
    assert len(ds.ties) > len(close_only.ties) == int(ds.ties["edge_Close"].sum())
    assert_equal_to_networkx(netles.profile_many(ds), networkx_metrics(*_export_tables()))


def test_unzipped_folder_whose_root_holds_only_a_subfolder(tmp_path):
    with zipfile.ZipFile(EXPORT) as archive:
        archive.extractall(tmp_path / "download")  # networkCanvasExport/ and __MACOSX/
    assert sorted(p.name for p in (tmp_path / "download").iterdir()) == ["__MACOSX", "networkCanvasExport"]
    ds = netles.read_dataset(tmp_path / "download", edge_types=["Close"])
    assert len(ds) == 9 and ds.meta["problems"].ok
    assert netles.profile_many(ds)["density"].round(3).tolist() == [round(d, 3) for d in PUBLISHED]


def test_network_canvas_graphml_one_graph_per_session():
    ds = netles.read_dataset(GRAPHML, edge_types=["Close"])
    assert ds.meta["format"] == "network_canvas_graphml" and ds.meta["problems"].ok
    assert ds.ego_ids == [f"case_{i}" for i in range(1, 10)]  # from nc:caseId
    assert set(ds.alters["node_type"]) == {"Person"} and "Cords_X" in ds.alters and "AgeEgo" in ds.egos
    profiles = netles.profile_many(ds)
    assert abs(profiles["density"].mean() - PUBLISHED_MEAN) < 1e-12
    from_csv = netles.profile_many(netles.read_dataset(EXPORT, edge_types=["Close"]))
    pd.testing.assert_frame_equal(profiles, from_csv, check_exact=False, atol=1e-15, rtol=0)


def test_repeated_case_ids_fall_back_to_session_ids(tmp_path):
    text = GRAPHML.read_text(encoding="utf-8").replace('nc:caseId="case_2"', 'nc:caseId="case_1"')
    (tmp_path / "twice.graphml").write_text(text, encoding="utf-8")
    ds = netles.read_dataset(tmp_path / "twice.graphml")
    assert len(ds) == 9 and "case_1" not in ds.ego_ids  # every session kept, under its session id
    assert any("more than one session" in w.message for w in ds.meta["problems"].warnings)
