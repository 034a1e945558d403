"""Dataset-scale validation: every problem with file and row, broken egos out, valid egos kept."""
from __future__ import annotations

import hashlib
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import netles
from netles import Dataset, EgoNetwork, ValidationError, quality_profile
from netles.cli import main
from netles.validation import ValidationReport, validate_dataset, validate_tables

EGOS = "ego_id,gender,age,group\ne1,F,54,pilot\ne2,M,61,pilot\ne3,F,38,controle\ne4,X,70,controle\n"
ALTERS = (
    "ego_id,alter_id,relation,circle,support_practical,travel_minutes\n"
    "e1,A,sibling,1,true,10\ne1,B,friend,2,false,30\ne1,C,professional,4,true,\n"
    "e2,A,partner,1,true,0\ne2,B,neighbour,3,,5\n"
    "e3,A,parent,1,true,45\n"
    "e4,A,child,1,false,20\ne4,B,volunteer,3,true,15\n"
)
TIES = "ego_id,source,target\ne1,A,B\ne1,B,C\ne2,A,B\ne4,A,B\n"


def _folder(tmp_path: Path, egos=EGOS, alters=ALTERS, ties=TIES) -> Path:
    folder = tmp_path / "ds"
    folder.mkdir(parents=True)
    for name, text in (("egos.csv", egos), ("alters.csv", alters), ("ties.csv", ties)):
        if text is not None:
            (folder / name).write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return folder


def _hashes(folder: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def _read(folder: Path):
    before = _hashes(folder)
    ds = netles.read_dataset(folder)
    assert _hashes(folder) == before, "reading changed the input"
    for ego in ds.ego_ids:  # every kept ego is a valid, profile-able network
        assert quality_profile(ds.network(ego))["size"] == ds.network(ego).size
    return ds, ds.meta["problems"]


def _where(report: ValidationReport) -> list[tuple]:
    return [(p.file, p.row, p.ego, p.field) for p in report.problems]


def test_valid_folder_has_no_problems(tmp_path):
    ds, report = _read(_folder(tmp_path))
    assert report.ok and ds.ego_ids == ["e1", "e2", "e3", "e4"]
    assert report.summary().empty and report.to_frame().empty
    assert str(report).startswith("0 problems; 4 of 4 egos kept")


def test_missing_column(tmp_path):
    alters = ALTERS.replace("alter_id,", "alter,", 1)
    ds, report = _read(_folder(tmp_path, alters=alters))
    assert _where(report) == [("alters.csv", None, None, "alter_id")]
    assert "column is missing" in report.problems[0].message
    assert ds.ego_ids == []  # every ego has alters, none of them can be told apart


def test_missing_relation_keeps_every_ego_and_says_which_metrics_are_nan(tmp_path):
    # issue 17.1: real exports never carry netles relation codes
    alters = ALTERS.replace("relation,", "rel,", 1)
    ds = netles.read_dataset(_folder(tmp_path, alters=alters))
    report = ds.meta["problems"]
    assert report.ok and ds.ego_ids == ["e1", "e2", "e3", "e4"]
    (note,) = report.warnings
    assert "relation is missing in every alter (4 egos)" in note.message
    assert "share_family" in note.message and "alters: {columns: {relation: <your column>}" in note.message
    assert "docs/research.md" in note.message and "1 note" in str(report)
    profiles = netles.profile_many(ds)
    assert profiles[["share_family", "blau_relation", "n_categories_relation"]].isna().all().all()
    assert profiles["size"].tolist() == [3, 2, 1, 2] and profiles["density"].notna().sum() == 3
    # circle is given here, so share_strong is still computed; sector is not, so its metrics are NaN
    assert profiles["share_strong"].notna().all() and profiles["blau_sector"].isna().all()
    assert "rel" in ds.alters.columns  # the study's own column is kept as it is


def test_missing_column_in_ties_keeps_egos_without_ties(tmp_path):
    ds, report = _read(_folder(tmp_path, ties=TIES.replace("target", "doel")))
    assert _where(report) == [("ties.csv", None, None, "target")]
    assert ds.ego_ids == ["e3"]


def test_tie_to_an_alter_of_another_ego(tmp_path):
    ds, report = _read(_folder(tmp_path, ties=TIES + "e3,A,C\n"))
    assert _where(report) == [("ties.csv", 5, "e3", "target")]
    assert "'C' is an alter of ego 'e1', not of ego 'e3'" in report.problems[0].message
    assert ds.ego_ids == ["e1", "e2", "e4"] and report.excluded == ["e3"]


def test_duplicate_ids(tmp_path):
    egos = EGOS + "e2,M,62,pilot\n"
    alters = ALTERS + "e3,A,friend,2,,\n"
    ties = TIES + "e1,B,A\n"
    ds, report = _read(_folder(tmp_path, egos, alters, ties))
    assert _where(report) == [
        ("egos.csv", 5, "e2", "ego_id"),
        ("alters.csv", 9, "e3", "alter_id"),
        ("ties.csv", 5, "e1", "target"),
    ]
    assert "also row 2" in report.problems[0].message and "also row 6" in report.problems[1].message
    assert ds.ego_ids == ["e4"]


def test_unknown_values_and_impossible_numbers(tmp_path):
    alters = ALTERS.replace("e1,B,friend,2", "e1,B,cousin,2").replace("e4,B,volunteer,3,true,15", "e4,B,volunteer,7,maybe,-5")
    egos = EGOS.replace("e2,M,61", "e2,M,300").replace("e3,F,38", "e3,F,oud")
    ds, report = _read(_folder(tmp_path, egos, alters))
    assert _where(report) == [
        ("egos.csv", 2, "e2", "age"),
        ("egos.csv", 3, "e3", "age"),
        ("alters.csv", 2, "e1", "relation"),
        ("alters.csv", 8, "e4", "circle"),
        ("alters.csv", 8, "e4", "travel_minutes"),
        ("alters.csv", 8, "e4", "support_practical"),
    ]
    assert all(p.allowed for p in report.problems)
    assert ds.ego_ids == [] and len(report.excluded) == 4
    summary = report.summary()
    assert summary["problems"].sum() == 6 and set(summary["file"]) == {"egos.csv", "alters.csv"}


def test_same_wording_as_a_single_network(tmp_path):
    alters = ALTERS.replace("e1,B,friend,2", "e1,B,cousin,2")
    _, report = _read(_folder(tmp_path, alters=alters))
    with pytest.raises(ValidationError) as single:
        EgoNetwork(alters=[{"alter_id": "B", "relation": "cousin"}])
    assert report.problems[0].message == single.value.problems[0].message
    assert report.problems[0].allowed == single.value.problems[0].allowed


def test_wrong_separators(tmp_path):
    # one row with ';' in a ',' file, and a whole ties file with '|'
    alters = ALTERS + "e3;B;friend;2;;\n"
    ds, report = _read(_folder(tmp_path, alters=alters, ties="ego_id|source|target\ne1|A|B\n"))
    files = [(p.file, p.row) for p in report.problems]
    assert ("alters.csv", 9) in files
    assert any(p.file == "ties.csv" and "separator could not be recognised" in p.message for p in report.problems)
    assert ds.ego_ids == []  # the ties of every ego are unknown


def test_wrong_separator_row_excludes_only_its_ego(tmp_path):
    ds, report = _read(_folder(tmp_path, alters=ALTERS + "e3;B;friend;2;;\n"))
    (problem,) = report.problems
    assert (problem.file, problem.row, problem.ego) == ("alters.csv", 9, "e3")
    assert "separated by ';'" in problem.message
    assert ds.ego_ids == ["e1", "e2", "e4"]


def test_empty_folder(tmp_path):
    (tmp_path / "leeg").mkdir()
    with pytest.raises(ValidationError, match="empty"):
        netles.read_dataset(tmp_path / "leeg")


def test_zero_byte_file(tmp_path):
    ds, report = _read(_folder(tmp_path, ties=b""))
    assert _where(report) == [("ties.csv", None, None, None)]
    assert "0 bytes" in report.problems[0].message
    assert ds.ego_ids == [] and report.excluded == ["e1", "e2", "e3", "e4"]
    ds, report = _read(_folder(tmp_path / "b", egos=b""))
    assert "0 bytes" in report.problems[0].message and len(ds) == 0


def test_non_utf8_file(tmp_path):
    alters = ALTERS.replace("e2,B,neighbour,3,,5", "e2,B,neighbour,3,,5").encode() + "e2,C,friend,2,,\n".encode()
    alters = alters.replace(b"e2,C,friend", b"e2,C,fri\xe9nd")  # latin-1 byte
    ds, report = _read(_folder(tmp_path, alters=alters))
    assert _where(report) == [("alters.csv", 9, "e2", "relation")]
    assert "not UTF-8" in report.problems[0].message
    assert ds.ego_ids == ["e1", "e3", "e4"]


def test_strict_raises_with_every_problem(tmp_path):
    egos = EGOS.replace("e2,M,61", "e2,M,300")
    folder = _folder(tmp_path, egos=egos, ties=TIES + "e3,A,C\n")
    with pytest.raises(ValidationError) as err:
        netles.read_dataset(folder, strict=True)
    assert len(err.value.problems) == 2
    assert "egos.csv" in str(err.value) and "ties.csv" in str(err.value)


def test_validate_dataset_in_memory():
    ds = Dataset.from_networks([netles.datasets.load_case("voorbeeld")])
    ds.alters.loc[0, "relation"] = "cousin"
    clean, report = validate_dataset(ds)
    assert len(clean) == 0 and report.problems[0].row == 1 and report.problems[0].field == "relation"
    with pytest.raises(ValidationError):
        validate_dataset(ds, strict=True)


def test_cli_validate(tmp_path, capsys):
    good = _folder(tmp_path)
    assert main(["validate", str(good)]) == 0
    assert "0 problems" in capsys.readouterr().out
    bad = _folder(tmp_path / "b", ties=TIES + "e3,A,C\n")
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "ties.csv, ego 'e3', row 5" in out
    assert main(["validate", str(bad), "--strict"]) == 2
    mapping = tmp_path / "m.yaml"
    mapping.write_text("alters:\n  values:\n    relation: {zus: sibling}\n")
    assert main(["validate", str(_folder(tmp_path / "c", alters=ALTERS.replace("sibling", "zus"))), "--mapping", str(mapping)]) == 0


def test_cli_help_is_plain(capsys):
    for command in ("validate", "anonymise"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = capsys.readouterr().out
        assert "usage: netles " + command in out and len(out) > 300


def test_cli_anonymise(tmp_path, capsys):
    source = _folder(tmp_path)
    before = _hashes(source)
    key_file = tmp_path / "geheim" / "sleutel.txt"
    out = tmp_path / "anoniem"
    assert main(["anonymise", str(source), "--out", str(out), "--key-file", str(key_file), "--k", "1"]) == 0
    assert key_file.exists() and (key_file.stat().st_mode & 0o777) == 0o600
    key = key_file.read_text().strip()
    text = "".join(p.read_text() for p in out.iterdir())
    assert key not in text and "e1" not in set(pd.read_csv(out / "egos.csv")["ego_id"])
    first = (out / "egos.csv").read_text()
    # the same key gives the same pseudonyms on a second run
    assert main(["anonymise", str(source), "--out", str(tmp_path / "again"), "--key-file", str(key_file), "--k", "1"]) == 0
    assert (tmp_path / "again" / "egos.csv").read_text() == first
    assert _hashes(source) == before
    # refusals: key inside the output, output inside the input
    assert main(["anonymise", str(source), "--out", str(out), "--key-file", str(out / "k.txt")]) == 2
    assert main(["anonymise", str(source), "--out", str(source / "x"), "--key-file", str(key_file)]) == 2
    capsys.readouterr()
    assert main(["anonymise", str(source), "--out", str(tmp_path / "k5"), "--key-file", str(key_file)]) == 0
    assert "0 of 4 egos kept" in capsys.readouterr().out


def _synthetic(n_egos: int, per_ego: int = 14, bad_every: int = 0):
    rng = np.random.default_rng(1)
    ego_ids = np.array([f"e{i}" for i in range(n_egos)], dtype=object)
    egos = pd.DataFrame({"ego_id": ego_ids, "gender": rng.choice(["F", "M"], n_egos), "age": rng.integers(18, 90, n_egos).astype(str)})
    e = np.repeat(ego_ids, per_ego)
    a = np.tile(np.array([f"a{j}" for j in range(per_ego)], dtype=object), n_egos)
    relation = rng.choice(["friend", "sibling", "neighbour", "professional"], len(e)).astype(object)
    if bad_every:
        relation[::bad_every] = "cousin"
    alters = pd.DataFrame({"ego_id": e, "alter_id": a, "relation": relation, "circle": rng.integers(1, 5, len(e)).astype(str),
                           "support_practical": rng.choice(["true", "false"], len(e))})
    t_e = np.repeat(ego_ids, 10)
    src = rng.integers(0, per_ego // 2, len(t_e))
    tgt = src + per_ego // 2
    ties = pd.DataFrame({"ego_id": t_e, "source": [f"a{s}" for s in src], "target": [f"a{t}" for t in tgt]})
    ties = ties.drop_duplicates(["ego_id", "source", "target"])
    return egos, alters, ties


def test_validation_is_vectorised():
    egos, alters, ties = _synthetic(20_000, bad_every=1000)
    start = time.perf_counter()
    ds, report = validate_tables(egos, alters, ties)
    seconds = time.perf_counter() - start
    assert len(report) == len(alters) // 1000 and len(ds) == 20_000 - len(report)
    assert seconds < 20, f"validating 20,000 egos took {seconds:.1f} s"
