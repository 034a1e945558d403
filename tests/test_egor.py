"""egor's three tables: ';' (write.csv2, row names, decimal comma) and ',' (new id names)."""
from __future__ import annotations

import shutil
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
