"""egor's three tables: ';' (write.csv2, row names, decimal comma) and ',' (new id names)."""
from __future__ import annotations

import shutil

import pandas as pd
from pathlib import Path

import netles
from netles import quality_profile

DATA = Path(__file__).parent / "data"
GENDER = {"egos": {"columns": {"gender": "sex"}, "values": {"gender": {"w": "F", "m": "M"}}}}


def test_semicolon_files_with_row_names_and_decimal_commas():
    ds = netles.read_dataset(DATA / "egor_semicolon", mapping=GENDER, strict=True)
    assert ds.meta["format"] == "egor"
    assert ds.ego_ids == ["1", "2", "3", "4"]
    assert ds.egos["gender"].tolist() == ["F", "M", "F", "M"]
    assert "" not in ds.alters.columns  # the row-name column is dropped
    assert ds.alters.loc[0, "travel_minutes"] == 12.5
    assert ds.ties["weight"].tolist() == [0.5, 1.0, 1.0, 2.5]
    net = ds.network("1")
    assert net.size == 3 and net.n_ties == 2
    assert quality_profile(net)["density"] == 2 / 3
    assert ds.network("3").n_ties == 0
    # an extra alter variable is kept as it is
    assert ds.alters["alter.sex"].tolist()[:2] == ["w", "m"]


def test_comma_files_with_new_id_names():
    ds = netles.read_dataset(DATA / "egor_comma", strict=True)
    assert ds.meta["format"] == "egor"
    assert ds.ego_ids == ["a", "b"]
    assert ds.network("a").tie_pairs() == [("1", "2"), ("2", "3")]
    # without a mapping a study column keeps its own name and values
    assert ds.egos["sex"].tolist() == ["w", "m"] and ds.egos["gender"].isna().all()


def test_unmapped_values_are_reported_not_guessed():
    ds = netles.read_dataset(DATA / "egor_semicolon", mapping={"egos": {"columns": {"gender": "sex"}, "values": {"gender": {"w": "F"}}}})
    report = ds.meta["problems"]
    assert report.excluded == ["2", "4"]
    assert [(p.file, p.row, p.ego, p.field, p.value) for p in report.problems] == [
        ("egos_4.csv", 2, "2", "gender", "m"),
        ("egos_4.csv", 4, "4", "gender", "m"),
    ]


def test_tie_to_an_alter_of_another_ego(tmp_path):
    folder = tmp_path / "egor"
    shutil.copytree(DATA / "egor_semicolon", folder)
    with open(folder / "edges_4.csv", "a") as handle:
        handle.write('"5";"3";1;3;1\n')
    ds = netles.read_dataset(folder, mapping=GENDER)
    (problem,) = ds.meta["problems"].problems
    assert (problem.file, problem.row, problem.ego, problem.field) == ("edges_4.csv", 5, "3", "target")
    assert "is an alter of ego '1', not of ego '3'" in problem.message
    assert ds.ego_ids == ["1", "2", "4"]


def test_wrong_separator_in_one_row(tmp_path):
    folder = tmp_path / "egor"
    shutil.copytree(DATA / "egor_semicolon", folder)
    with open(folder / "alters_4.csv", "a") as handle:
        handle.write('"9","2",3,"friend","m",2,10\n')
    ds = netles.read_dataset(folder, mapping=GENDER)
    (problem,) = ds.meta["problems"].problems
    assert problem.file == "alters_4.csv" and problem.row == 9
    assert "separated by ','" in problem.message
    assert ds.ego_ids == ["1", "3", "4"] and ds.meta["problems"].excluded == ["2"]


# -- files as egor, ideanet and R write them, read with no mapping (issue 17.2) --------------------

import csv

import pytest

from netcheck import assert_equal_to_networkx, networkx_metrics
from netles.errors import UsageError


def _r_csv(path: Path, sep: str) -> list[dict]:
    """A CSV file as R wrote it, read with Python's csv module (row names dropped)."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter=sep))
    for row in rows:
        row.pop("", None)
    return rows


def _expected(alters, ties, ego, alter, source, target):
    by_ego: dict = {}
    for row in alters:
        by_ego.setdefault(str(int(row[ego])), []).append(str(int(row[alter])))
    pairs: dict = {}
    for row in ties:
        a, b = str(int(row[source])), str(int(row[target]))
        pairs.setdefault(str(int(row[ego])), set()).add((min(a, b), max(a, b)))
    return networkx_metrics(by_ego, {e: sorted(p) for e, p in pairs.items()})


def test_a_folder_with_two_egor_sets_asks_which(capsys):
    with pytest.raises(UsageError) as info:
        netles.read_dataset(DATA / "egor_sets")
    message = str(info.value)
    assert "holds 2 datasets" in message
    assert "alters_32.csv + edges_32.csv + egos_32.csv" in message and "alteri_8.csv + edges_8.csv + egos_8.csv" in message
    assert "egos_32.csv" in message.split("for example")[1]


@pytest.mark.parametrize("chosen, suffix, sep", [("egos_32.csv", "32", ";"), ("alteri_8.csv", "8", ";")])
def test_egor_example_sets_with_no_mapping(chosen, suffix, sep):
    ds = netles.read_dataset(DATA / "egor_sets" / chosen)
    report = ds.meta["problems"]
    egos = _r_csv(DATA / "egor_sets" / f"egos_{suffix}.csv", sep)
    assert ds.meta["format"] == "egor" and report.ok and len(ds) == len(egos)  # every ego kept
    # egor's ego ages are classes ("56 - 65"): kept as a plain attribute, with a warning
    assert ds.egos["age"].isna().all() and ds.egos["age_raw"].tolist() == [e["age"] for e in egos]
    assert any(w.field == "age" and "age_raw" in w.message for w in report.warnings)
    # ego ids written as 1 in one table and "1" in another are one id; decimal commas are read
    assert set(ds.alters["ego_id"]) == {e["egoID"] for e in egos}
    assert ds.ties["weight"].between(0.3, 1.0).all()
    alters_file = "alters_32.csv" if suffix == "32" else "alteri_8.csv"
    expected = _expected(_r_csv(DATA / "egor_sets" / alters_file, sep), _r_csv(DATA / "egor_sets" / f"edges_{suffix}.csv", sep),
                         "egoID", "alterID", "Source", "Target")
    assert_equal_to_networkx(netles.profile_many(ds), expected)


def test_egor_objects_written_with_write_csv():
    ds = netles.read_dataset(DATA / "egor_objects")
    report = ds.meta["problems"]
    assert report.ok and ds.ego_ids == ["1", "2", "3", "4", "5", "6"]
    assert "" not in ds.alters.columns and ".ALTID" not in ds.alters.columns
    # NA is missing, TRUE/FALSE stay the study's values, numbers of a study column stay as written
    egos = ds.egos.set_index("ego_id")
    assert pd.isna(egos.loc["3", "income"]) and egos["income"].notna().sum() == 5
    assert set(ds.alters["close"].dropna()) <= {"TRUE", "FALSE"}
    expected = _expected(_r_csv(DATA / "egor_objects" / "alters.csv", ","), _r_csv(DATA / "egor_objects" / "aaties.csv", ","),
                         ".EGOID", ".ALTID", ".SRCID", ".TGTID")
    assert_equal_to_networkx(netles.profile_many(ds), expected)


def test_ideanet_tie_types_become_one_tie_with_a_flag_per_type():
    ds = netles.read_dataset(DATA / "ideanet_ngq")
    report = ds.meta["problems"]
    assert report.ok and len(ds) == 10
    raw = _r_csv(DATA / "ideanet_ngq" / "ngq_aa.csv", ",")
    types = {(r["ego_id"], min(r["alter1"], r["alter2"]), max(r["alter1"], r["alter2"])): set() for r in raw}
    for r in raw:
        types[(r["ego_id"], min(r["alter1"], r["alter2"]), max(r["alter1"], r["alter2"]))].add(r["type"])
    assert len(ds.ties) == len(types) < len(raw)
    for row in ds.ties.to_dict("records"):
        key = (row["ego_id"], min(row["source"], row["target"]), max(row["source"], row["target"]))
        assert {t for t in ("family", "friends", "coworkers") if row[f"edge_{t}"]} == types[key]
    assert any("became one tie each" in w.message for w in report.warnings)
    expected = _expected(_r_csv(DATA / "ideanet_ngq" / "ngq_alters.csv", ","), raw, "ego_id", "alter_id", "alter1", "alter2")
    assert_equal_to_networkx(netles.profile_many(ds), expected)
    # only the family ties
    family = netles.read_dataset(DATA / "ideanet_ngq", edge_types=["family"])
    assert len(family.ties) == sum(1 for t in types.values() if "family" in t) and "edge_family" in family.ties
    with pytest.raises(UsageError, match="'friend'.*the types there are: 'coworkers', 'family', 'friends'"):
        netles.read_dataset(DATA / "ideanet_ngq", edge_types=["friend"])
