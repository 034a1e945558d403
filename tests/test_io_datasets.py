"""Our dataset folder (CSV and Parquet): round trips, format detection, atomic writes, names."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netles
from netles import Dataset, ValidationError, datasets, quality_profile
from netles.io.dataset import detect_format

from strategies import networks


def _voorbeeld() -> Dataset:
    return Dataset.from_networks([datasets.load_case("voorbeeld")])


def _hashes(folder: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_round_trip_keeps_every_network(tmp_path, fmt):
    original = datasets.load_case("voorbeeld")
    original = original.with_extra(**dict.fromkeys(original.extra))  # a dataset keeps no case text
    folder = netles.write_dataset(_voorbeeld(), tmp_path / "ds", format=fmt, allow_names=True)
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{t}.{fmt}" for t in ("egos", "alters", "ties"))
    ds = netles.read_dataset(folder)
    assert ds.meta["format"] == "folder" and ds.meta["problems"].ok
    assert ds.network("voorbeeld") == original
    assert quality_profile(ds.network("voorbeeld")).equals(quality_profile(original))
    # support is stored as booleans, numbers as floats
    assert ds.alters["support_practical"].dtype == bool
    assert ds.alters["travel_minutes"].dtype == "float64"


@settings(max_examples=25)
@given(st.lists(networks(max_alters=6), min_size=1, max_size=4))
def test_round_trip_random_networks(tmp_path_factory, nets):
    nets = [n.with_ego(ego_id=f"ego-{i}") for i, n in enumerate(nets)]
    folder = tmp_path_factory.mktemp("rt")
    netles.write_dataset(Dataset.from_networks(nets), folder)
    ds = netles.read_dataset(folder)
    assert ds.meta["problems"].ok
    for net in nets:
        assert _without_empty_support(ds.network(net.ego_id)) == _without_empty_support(net)


def _without_empty_support(net) -> dict:
    # boolean support columns cannot tell "support: []" from no support field; both mean none
    d = net.to_dict()
    for alter in d["alters"]:
        if alter.get("support") == []:
            del alter["support"]
    return d


def test_writer_refuses_names_unless_allowed(tmp_path):
    with pytest.raises(ValidationError, match="name"):
        netles.write_dataset(_voorbeeld(), tmp_path / "x")
    assert not any((tmp_path / "x").glob("*.csv")) if (tmp_path / "x").exists() else True
    netles.write_dataset(_voorbeeld(), tmp_path / "y", allow_names=True)


def test_writer_refuses_mixed_formats(tmp_path):
    netles.write_dataset(_voorbeeld(), tmp_path, allow_names=True)
    with pytest.raises(ValueError, match="already holds"):
        netles.write_dataset(_voorbeeld(), tmp_path, format="parquet", allow_names=True)


def test_writes_leave_no_temporary_files(tmp_path):
    netles.write_dataset(_voorbeeld(), tmp_path, allow_names=True)
    netles.write_dataset(_voorbeeld(), tmp_path, allow_names=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alters.csv", "egos.csv", "ties.csv"]


def test_reads_semicolons_decimal_commas_and_crlf(tmp_path):
    (tmp_path / "egos.csv").write_bytes(b"\xef\xbb\xbfego_id;age\r\ne1;54,5\r\n")
    (tmp_path / "alters.csv").write_bytes(b"ego_id;alter_id;relation;travel_minutes\r\ne1;A;friend;7,5\r\ne1;B;parent;\r\n")
    (tmp_path / "ties.csv").write_bytes(b"ego_id;source;target\r\ne1;A;B\r\n")
    ds = netles.read_dataset(tmp_path, strict=True)
    assert ds.egos["age"].tolist() == [54.5]
    assert ds.alters["travel_minutes"].tolist()[0] == 7.5
    assert ds.network("e1").n_ties == 1


def test_detect_format(tmp_path):
    with pytest.raises(FileNotFoundError):
        detect_format(tmp_path / "nope")
    with pytest.raises(ValidationError, match="empty"):
        netles.read_dataset(tmp_path)
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(ValidationError, match="recognises"):
        netles.read_dataset(tmp_path)


def test_reading_does_not_modify_input(tmp_path):
    netles.write_dataset(_voorbeeld(), tmp_path, allow_names=True)
    before = _hashes(tmp_path)
    netles.read_dataset(tmp_path)
    assert _hashes(tmp_path) == before


def test_extra_columns_are_kept(tmp_path):
    (tmp_path / "egos.csv").write_text("ego_id,region,wave\ne1,noord,1\n")
    (tmp_path / "alters.csv").write_text("ego_id,alter_id,relation,notes\ne1,A,friend,kent haar van school\n")
    (tmp_path / "ties.csv").write_text("ego_id,source,target\n")
    ds = netles.read_dataset(tmp_path, strict=True)
    assert ds.egos.loc[0, "region"] == "noord"
    assert ds.alters.loc[0, "notes"] == "kent haar van school"
    assert len(ds.ties) == 0


def test_mapping_file_is_checked(tmp_path):
    from netles.io.mapping import read_mapping

    bad = tmp_path / "m.yaml"
    bad.write_text("alters:\n  columns: {relatie: relation}\n  values:\n    relation: {vriend: pal}\nvarkens: {}\n")
    with pytest.raises(ValidationError) as err:
        read_mapping(bad)
    fields = [p.field for p in err.value.problems]
    assert set(fields) == {"varkens", "alters.columns", "alters.values.relation.vriend"}
    assert all(p.file == str(bad) for p in err.value.problems)
    bad.write_text("alters: [unclosed\n")
    with pytest.raises(ValidationError, match="not valid YAML"):
        read_mapping(bad)


def test_mapping_names_a_column_the_table_lacks(tmp_path):
    netles.write_dataset(_voorbeeld(), tmp_path, allow_names=True)
    ds = netles.read_dataset(tmp_path, mapping={"alters": {"columns": {"contact": "frequentie"}}})
    (problem,) = ds.meta["problems"].problems
    assert problem.field == "frequentie" and problem.file == "alters.csv"
    # an error naming both the column and the field it was meant for (issue 17.2)
    assert "column 'frequentie' for 'contact'" in problem.message and "no such column" in problem.message


def test_zero_byte_parquet(tmp_path):
    netles.write_dataset(_voorbeeld(), tmp_path, format="parquet", allow_names=True)
    (tmp_path / "ties.parquet").write_bytes(b"")
    ds = netles.read_dataset(tmp_path)
    assert len(ds) == 0 and "0 bytes" in ds.meta["problems"].problems[0].message


def test_graphml_writer_refuses_names(tmp_path):
    with pytest.raises(ValidationError, match="names"):
        netles.write_dataset(_voorbeeld(), tmp_path / "x.graphml")
    assert not (tmp_path / "x.graphml").exists()


# -- reading what tools write: missing-value codes, ids, mappings, long cells (issues 17.2, 14) -----

import json
import unicodedata

from netles.io.mapping import read_mapping


def _write_folder(folder: Path, egos: str, alters: str, ties: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (("egos.csv", egos), ("alters.csv", alters), ("ties.csv", ties)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_missing_value_codes(tmp_path):
    folder = _write_folder(tmp_path / "d", "ego_id,age,gender\ne1,-99,F\ne2,.,M\ne3,40,NA\n",
                           "ego_id,alter_id,relation,travel_minutes\ne1,A,friend,-99\ne2,A,parent,.\ne3,A,child,15\n",
                           "ego_id,source,target\n")
    without = netles.read_dataset(folder)
    assert without.meta["problems"].excluded == ["e1", "e2"]  # -99 is out of range, '.' is not a number
    ds = netles.read_dataset(folder, na_values=["-99", "."])
    assert ds.meta["problems"].ok and ds.egos["age"].isna().tolist() == [True, True, False]
    assert ds.egos["gender"].isna().tolist() == [False, False, True]  # NA is always missing
    mapping = tmp_path / "m.yaml"
    mapping.write_text('na_values: ["-99", "."]\n')
    assert netles.read_dataset(folder, mapping=mapping).meta["problems"].ok


def test_ids_written_as_numbers_text_and_floats_match(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    pd.DataFrame({"ego_id": [1, 2], "gender": ["F", "M"]}).to_parquet(folder / "egos.parquet")
    (folder / "alters.csv").write_text("ego_id,alter_id,relation\n1,1,friend\n1,2,parent\n2.0,1,child\n", encoding="utf-8")
    (folder / "ties.csv").write_text("ego_id,source,target\n1.0,1.0,2\n", encoding="utf-8")
    ds = netles.read_dataset(folder, strict=True)
    assert ds.ego_ids == ["1", "2"] and ds.network("1").n_ties == 1 and ds.ties["source"].tolist() == ["1"]


def test_ids_that_only_look_alike_are_reported_with_both_spellings(tmp_path):
    folder = _write_folder(tmp_path / "d", "ego_id\ne1\ne2\n", "ego_id,alter_id,relation\ne1,A1,friend\nE2,B,friend\n",
                           "ego_id,source,target\ne1,A1,a-1\n")
    report = netles.read_dataset(folder).meta["problems"]
    messages = [p.message for p in report.problems]
    assert "'E2' is not an ego of the egos table (the egos table has 'e2', which looks alike but is spelled differently)" in messages
    assert "'a-1' is not an alter of ego 'e1' (ego 'e1' has 'A1', which looks alike but is spelled differently)" in messages


def test_unicode_ids_are_compared_in_nfc(tmp_path):
    composed, decomposed = unicodedata.normalize("NFC", "Zoë"), unicodedata.normalize("NFD", "Zoë")
    assert composed != decomposed
    folder = _write_folder(tmp_path / "d", f"ego_id\n{decomposed}\n", f"ego_id,alter_id,relation\n{composed},Jeroen,friend\n{composed},{decomposed}-B,parent\n",
                           f"ego_id,source,target\n{decomposed},Jeroen,{composed}-B\n")
    ds = netles.read_dataset(folder, strict=True)
    assert ds.ego_ids == [composed] and ds.network(composed).n_ties == 1


def test_mapping_one_column_for_two_fields_is_an_error_naming_both(tmp_path):
    with pytest.raises(ValidationError) as info:
        read_mapping({"egos": {"columns": {"gender": "sekse", "group": "sekse"}}})
    assert "column 'sekse' is assigned to 2 fields ('gender', 'group')" in str(info.value)


def test_mapping_can_ignore_a_column_and_name_the_moment(tmp_path):
    folder = _write_folder(tmp_path / "d", "ego_id,notitie\ne1,belde op dinsdag\n", "ego_id,alter_id,relation,notitie\ne1,A,friend,x\n",
                           "ego_id,source,target\n")
    ds = netles.read_dataset(folder, mapping={"egos": {"ignore": ["notitie"]}, "alters": {"ignore": ["notitie"]}})
    assert "notitie" not in ds.egos.columns and "notitie" not in ds.alters.columns
    with pytest.raises(ValidationError, match="moments"):
        read_mapping({"moments": {"kolom": "meting"}})


def test_a_cell_longer_than_pythons_csv_limit_is_read(tmp_path):
    # issue 14.8: Python's csv module stops at 131,072 characters in one field
    note = "lang verhaal " * 20_000  # 260,000 characters
    assert len(note) > 131_072
    folder = _write_folder(tmp_path / "d", "ego_id,notitie\ne1,ok\ne2,\"" + note + "\"\n", "ego_id,alter_id,relation\ne2,A,friend\n",
                           "ego_id,source,target\n")
    ds = netles.read_dataset(folder, strict=True)
    assert ds.egos.set_index("ego_id").loc["e2", "notitie"] == note and len(ds.alters) == 1


def test_ten_thousand_egos_same_problems_as_the_row_by_row_reader(tmp_path):
    # issue 17.4: the pyarrow path reports exactly what the old reader reported (captured before
    # the rewrite, see tests/faultdata.py)
    from faultdata import EXPECTED, capture, write_fault_folder

    got = capture(write_fault_folder(tmp_path / "faults"))
    assert got == json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert len(got["problems"]) == 49 and got["kept"] == 9966
