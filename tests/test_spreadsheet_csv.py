"""Spreadsheet-safe CSV (issue 14.7): formula-like text gets a leading apostrophe and reads back without it."""
from __future__ import annotations

import io
import re

import pandas as pd
import pytest
from hypothesis import given, strategies as st

import netles
from netles import Dataset, EgoNetwork, cli, datasets, klas
from netles.spreadsheet import escape_cell, spreadsheet_safe, to_csv, unescape_cell, unescape_frame

NASTY = ["=HYPERLINK(\"http://x\",\"klik\")", "+31 6 1234", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\tverborgen",
         "\rterug", "'=al geescaped", "''@twee", "gewoon", "-3", "+4.5", "'", ""]


@pytest.mark.parametrize("value", NASTY)
def test_every_formula_start_is_escaped_and_reads_back(value):
    written = escape_cell(value)
    if value[:1] in ("=", "+", "-", "@", "\t", "\r") and value not in ("-3", "+4.5"):
        assert written == "'" + value
    assert unescape_cell(written) == value


@given(st.text(alphabet=st.sampled_from(list("=+-@'\t\rab1 .,")), max_size=8))
def test_round_trip_is_exact_for_any_text(value):
    escaped = escape_cell(value)
    assert unescape_cell(escaped) == value
    if escaped[:1] in ("=", "+", "-", "@", "\t", "\r"):  # only a plain number may still start so
        assert re.fullmatch(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)", escaped), escaped


def test_a_table_is_escaped_in_text_columns_and_index_only():
    frame = pd.DataFrame({"tekst": ["=1+1", "ok"], "getal": [-1.5, 2.0]}, index=pd.Index(["@a", "b"], name="ego_id"))
    text = to_csv(frame)
    assert text.splitlines() == ["ego_id,tekst,getal", "'@a,'=1+1,-1.5", "b,ok,2.0"]
    back = unescape_frame(pd.read_csv(io.StringIO(text), index_col="ego_id"))
    pd.testing.assert_frame_equal(back, frame)
    assert spreadsheet_safe(frame)["getal"].tolist() == [-1.5, 2.0]


def _study_with_formulas() -> Dataset:
    nets = []
    for i in range(4):
        alters = [{"alter_id": f"=A{j}+1" if j == 0 else f"A{j}", "relation": "friend", "notitie": "@mention"} for j in range(3)]
        ties = [{"source": "=A0+1", "target": "A1"}]
        nets.append(EgoNetwork({"ego_id": f"-{i}+cmd" if i else "=HYPERLINK(1)", "gender": "F", "age": 30,
                                "group": "+groep"}, alters, ties))
    return Dataset.from_networks(nets)


def test_dataset_csv_files_are_safe_and_read_back_exactly(tmp_path):
    ds = _study_with_formulas()
    folder = netles.write_dataset(ds, tmp_path / "studie")
    for name in ("egos.csv", "alters.csv", "ties.csv"):
        for line in (folder / name).read_text(encoding="utf-8").splitlines()[1:]:
            for cell in line.split(","):
                assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r") or cell.lstrip("-+").replace(".", "").isdigit(), (name, cell)
    again = netles.read_dataset(folder)
    assert again.meta["problems"].ok
    assert sorted(again.ego_ids) == sorted(ds.ego_ids)
    assert set(again.alters["alter_id"]) == {"=A0+1", "A1", "A2"} and set(again.ties["source"]) == {"=A0+1"}
    assert set(again.egos["group"]) == {"+groep"} and set(again.alters["notitie"]) == {"@mention"}


def test_profile_csv_is_safe(tmp_path, capsys):
    folder = netles.write_dataset(_study_with_formulas(), tmp_path / "studie")
    assert cli.main(["profile", str(folder), "--out", str(tmp_path / "p.csv")]) == 0
    lines = (tmp_path / "p.csv").read_text(encoding="utf-8").splitlines()
    assert {line.split(",")[0] for line in lines[1:]} == {"'=HYPERLINK(1)", "'-1+cmd", "'-2+cmd", "'-3+cmd"}
    back = unescape_frame(pd.read_csv(tmp_path / "p.csv", index_col="ego_id"))
    assert sorted(back.index) == sorted(["=HYPERLINK(1)", "-1+cmd", "-2+cmd", "-3+cmd"])


def test_anonymised_tables_are_safe(tmp_path, capsys):
    folder = netles.write_dataset(_study_with_formulas(), tmp_path / "studie")
    out = tmp_path / "anoniem"
    assert cli.main(["anonymise", str(folder), "--out", str(out), "--key-file", str(tmp_path / "k.txt"), "--k", "1",
                     "--keep", "group", "--keep", "notitie"]) == 0
    egos = (out / "egos.csv").read_text(encoding="utf-8")
    assert "'+groep" in egos and "\n+groep" not in egos and ",+groep" not in egos
    assert "'@mention" in (out / "alters.csv").read_text(encoding="utf-8")
    again = netles.read_dataset(out)
    assert set(again.egos["group"]) == {"+groep"} and set(again.alters["notitie"]) == {"@mention"}


def test_skipped_files_list_is_safe(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        netles.write_network(datasets.load_case("voorbeeld").with_ego(ego_id=f"s{i}"), folder / f"s{i}.json")
    (folder / "=HYPERLINK(evil).json").write_text("{ kapot", encoding="utf-8")
    klas.collect(folder, out=tmp_path / "uit", k=1)
    text = (tmp_path / "uit" / klas.TEACHER_ONLY / klas.SKIPPED_FILE).read_text(encoding="utf-8")
    assert text.splitlines()[1].startswith("'=HYPERLINK(evil).json,")
    back = unescape_frame(pd.read_csv(tmp_path / "uit" / klas.TEACHER_ONLY / klas.SKIPPED_FILE))
    assert back.loc[0, "bestand"] == "=HYPERLINK(evil).json"
