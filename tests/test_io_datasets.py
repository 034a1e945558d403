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


def test_zero_byte_parquet(tmp_path):
    netles.write_dataset(_voorbeeld(), tmp_path, format="parquet", allow_names=True)
    (tmp_path / "ties.parquet").write_bytes(b"")
    ds = netles.read_dataset(tmp_path)
    assert len(ds) == 0 and "0 bytes" in ds.meta["problems"].problems[0].message


def test_graphml_writer_refuses_names(tmp_path):
    with pytest.raises(ValidationError, match="names"):
        netles.write_dataset(_voorbeeld(), tmp_path / "x.graphml")
    assert not (tmp_path / "x.graphml").exists()
