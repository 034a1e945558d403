"""The shortcuts that make reading fast (issue 17.4) give exactly what the long way gives.

Each shortcut is taken only when the data allow it: numbers and true/false cells parsed by pyarrow
instead of as text, Arrow dictionaries turned into Categoricals without checking them again, the
cleaning of ids skipped when the file's distinct values are clean already, codes kept in the
integer type they were found in, and numbers checked against their rule from the smallest and
largest value. Every test here compares a shortcut with the long way on data made to tempt it.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import netles
from netles._columns import coded
from netles.io import tables
from netles.io.tables import arrow_to_frame, read_table


def _folder(tmp_path, alters_rows: list[str], header="ego_id,alter_id,relation,age,circle,support_practical,since",
            sep=","):
    folder = tmp_path / "ds"
    folder.mkdir()
    (folder / "egos.csv").write_text(f"ego_id{sep}age\ne1{sep}40\ne2{sep}50\ne3{sep}60\n")
    (folder / "alters.csv").write_text(header.replace(",", sep) + "\n" + "\n".join(r.replace(",", sep) for r in alters_rows) + "\n")
    (folder / "ties.csv").write_text(f"ego_id{sep}source{sep}target{sep}weight\ne1{sep}A{sep}B{sep}2\ne2{sep}A{sep}B{sep}\n")
    return folder


def _read_both_ways(folder, monkeypatch):
    """read_dataset with the typed CSV columns, and with every column read as text (the long way)."""
    fast = netles.read_dataset(folder)
    with monkeypatch.context() as m:
        m.setattr(tables, "TYPED_COLUMNS", {})
        slow = netles.read_dataset(folder)
    return fast, slow


def _same(fast, slow):
    assert [str(p) for p in fast.meta["problems"].problems] == [str(p) for p in slow.meta["problems"].problems]
    assert fast.meta["problems"].kept == slow.meta["problems"].kept
    for table in ("egos", "alters", "ties"):
        pd.testing.assert_frame_equal(getattr(fast, table), getattr(slow, table), check_categorical=False)


def test_number_and_true_false_columns_of_a_csv_are_parsed_as_numbers_and_booleans(tmp_path):
    folder = _folder(tmp_path, ["e1,A,friend,54,1,true,1990", "e1,B,sibling,,2,0,2001", "e2,A,friend,33.5,3,TRUE,"])
    raw = read_table(folder / "alters.csv", typed=True).frame
    assert raw["age"].dtype == "float64" and raw["circle"].dtype == "float64" and raw["since"].dtype == "float64"
    assert raw["support_practical"].dtype == bool
    assert read_table(folder / "alters.csv").frame["age"].dtype == "category"  # not asked: text, as the other readers want


@pytest.mark.parametrize("cell", [
    "nan", "NaN", "inf", "-inf", "56 - 65", "7.0", " 7 ", "+7", "1e1", "'=7", "-3", "130", "2.5", "x",
])
def test_an_odd_number_cell_reads_and_is_reported_as_the_long_way_does(tmp_path, monkeypatch, cell):
    rows = ["e1,A,friend,54,1,true,1990", f"e1,B,sibling,{cell},2,false,2001", "e2,A,friend,33,3,true,1980",
            "e3,A,friend,20,4,false,1970"]
    fast, slow = _read_both_ways(_folder(tmp_path, rows), monkeypatch)
    _same(fast, slow)


@pytest.mark.parametrize("cell", ["2.5", "0", "5", "x", "1.0"])
def test_an_odd_circle_or_year_is_reported_as_the_long_way_does(tmp_path, monkeypatch, cell):
    rows = ["e1,A,friend,54,1,true,1990", f"e1,B,sibling,40,{cell},false,{cell}", "e2,A,friend,33,3,true,1980"]
    fast, slow = _read_both_ways(_folder(tmp_path, rows), monkeypatch)
    _same(fast, slow)
    if cell in ("2.5", "0", "5", "x"):
        assert not fast.meta["problems"].ok and "e1" in fast.meta["problems"].excluded


@pytest.mark.parametrize("cell", ["ja", "yes", "1.0", "T", "maybe", "", "True", "1"])
def test_an_odd_true_false_cell_reads_as_the_long_way_does(tmp_path, monkeypatch, cell):
    rows = ["e1,A,friend,54,1,true,1990", f"e1,B,sibling,40,2,{cell},2001", "e2,A,friend,33,3,false,1980"]
    fast, slow = _read_both_ways(_folder(tmp_path, rows), monkeypatch)
    _same(fast, slow)


def test_a_decimal_comma_in_a_semicolon_file_reads_as_the_long_way_does(tmp_path, monkeypatch):
    rows = ["e1,A,friend,54,1,true,1990", "e1,B,sibling,33\u00a0,2,false,2001", "e2,A,friend,AGE,3,true,1980",
            "e2,B,friend,20,3,true,1980"]
    folder = _folder(tmp_path, rows, sep=";")
    alters = folder / "alters.csv"
    alters.write_text(alters.read_text().replace("AGE", "33,5"))  # a decimal comma, as Dutch spreadsheets write it
    fast, slow = _read_both_ways(folder, monkeypatch)
    _same(fast, slow)
    assert fast.meta["problems"].ok and 33.5 in fast.alters["age"].tolist()


def test_numbers_from_parquet_out_of_their_rule_are_reported(tmp_path):
    ds = netles.Dataset.from_networks([netles.datasets.load_case("voorbeeld")])
    alters = ds.alters.drop(columns=["name"]).copy()
    alters["circle"] = alters["circle"].astype("float64")
    alters.loc[0, "circle"] = 2.5  # a number, but not a whole one
    alters.loc[1, "age"] = 130.0   # a number above the rule's 120
    folder = netles.write_dataset(netles.Dataset(ds.egos, alters, ds.ties), tmp_path / "pq", format="parquet")
    report = netles.read_dataset(folder).meta["problems"]
    fields = sorted(p.field for p in report.problems)
    assert fields == ["age", "circle"], [str(p) for p in report.problems]


def test_dictionary_columns_become_the_same_categoricals_as_pandas_makes():
    chunks = [pa.array(["e1", "e2", None, "e1"]).dictionary_encode(), pa.array(["e3", "e1"]).dictionary_encode()]
    table = pa.table({"ego_id": pa.chunked_array(chunks), "age": pa.chunked_array([pa.array([1, 2, None, 4]), pa.array([5, 6])])})
    frame = arrow_to_frame(table)
    pd.testing.assert_frame_equal(frame, table.to_pandas())
    assert frame["ego_id"].tolist() == ["e1", "e2", np.nan, "e1", "e3", "e1"]
    assert frame["ego_id"].cat.categories.is_unique


def test_a_dictionary_with_a_value_twice_or_a_null_in_it_is_not_trusted():
    twice = pa.DictionaryArray.from_arrays(pa.array([0, 1, 2, 1], pa.int32()), pa.array(["a", "a", "b"]))
    holed = pa.DictionaryArray.from_arrays(pa.array([0, 1, 0, 0], pa.int32()), pa.array(["a", None]))
    frame = arrow_to_frame(pa.table({"twice": twice, "holed": holed}))
    assert frame["twice"].tolist() == ["a", "a", "b", "a"]
    holed_values = frame["holed"].tolist()
    assert holed_values[0] == "a" and pd.isna(holed_values[1]) and holed_values[2:] == ["a", "a"]


def test_an_unnamed_index_pandas_stored_in_a_parquet_file_is_no_column(tmp_path):
    frame = pd.DataFrame({"ego_id": ["e1", "e2"], "age": [40, 50]}, index=pd.Index([7, 9]))
    frame.to_parquet(tmp_path / "egos.parquet")  # pandas stores the index as __index_level_0__
    read = read_table(tmp_path / "egos.parquet").frame
    assert [c for c in read.columns if not c.startswith("__netles")] == ["ego_id", "age"]
    assert read["ego_id"].tolist() == ["e1", "e2"]


def test_ego_ids_saved_as_the_index_of_a_parquet_file_are_kept(tmp_path):
    # a researcher's egos.set_index("ego_id").to_parquet(...): the ids were read as the index and
    # thrown away, so that no ego of the dataset was kept ("column is missing")
    ds = netles.Dataset.from_networks([netles.datasets.load_case("voorbeeld")])
    folder = netles.write_dataset(ds, tmp_path / "pq", format="parquet", allow_names=True)
    egos = pd.read_parquet(folder / "egos.parquet")
    egos.set_index("ego_id").to_parquet(folder / "egos.parquet")
    read = netles.read_dataset(folder)
    assert read.meta["problems"].ok and read.ego_ids == ["voorbeeld"]


@pytest.mark.parametrize("values", [
    ["a", "b", "a", None],           # clean: the shortcut
    ["a ", "a", "b"],                # white space around
    ["", "x"],                       # blank
    ["1.0", "1", "x"],               # 1.0 is the id 1
    ["Zoe\u0308", "Zo\u00eb"],       # the same name in two Unicode forms
    ["\u00a0x", "x"],                # a no-break space
])
def test_coded_categoricals_equal_coded_text(values):
    from_categorical = coded(pd.Series(pd.Categorical(values)), ids=True)
    from_text = coded(pd.Series(values, dtype=object), ids=True)
    as_text = lambda c: [c.value(i) for i in range(len(c))]  # noqa: E731
    assert as_text(from_categorical) == as_text(from_text)
    assert sorted(from_categorical.values) == sorted(from_text.values)


def test_codes_of_a_categorical_are_not_copied_and_widen_on_request():
    series = pd.Series(pd.Categorical(["e1", "e2", "e1", None]))
    c = coded(series, ids=True)
    assert c.source is not None  # clean already: the shortcut was taken
    assert np.shares_memory(c.small_codes, series.array.codes)
    assert c.codes.dtype == np.int64 and c.codes.tolist() == [0, 1, 0, -1]
    assert c.categorical().cat.codes.tolist() == [0, 1, 0, -1]


def test_the_same_categorical_comes_back_when_nothing_was_cleaned():
    series = pd.Series(pd.Categorical(["e1", "e2", "e1"]))
    out = coded(series, ids=True).categorical(series.index)
    assert out.array is series.array or np.shares_memory(out.cat.codes.to_numpy(), series.cat.codes.to_numpy())
    dropped = coded(series, ids=True).categorical(series.index, drop=np.array([False, True, False]))
    assert dropped.tolist()[0] == "e1" and pd.isna(dropped.tolist()[1])
    assert series.tolist() == ["e1", "e2", "e1"]  # dropping made a new column, the old one is untouched


def test_duplicate_ties_and_alters_are_found_whatever_their_order(tmp_path):
    folder = tmp_path / "ds"
    folder.mkdir()
    (folder / "egos.csv").write_text("ego_id\ne1\ne2\n")
    (folder / "alters.csv").write_text("ego_id,alter_id,relation\ne1,A,friend\ne1,B,friend\ne1,C,friend\ne2,A,friend\ne2,B,friend\ne1,A,parent\n")
    (folder / "ties.csv").write_text("ego_id,source,target\ne1,A,B\ne2,A,B\ne1,B,C\ne1,B,A\n")
    report = netles.read_dataset(folder).meta["problems"]
    messages = [str(p) for p in report.problems]
    assert any("alter_id" in m and "used twice" in m and "row 1" in m for m in messages), messages
    assert any("already tied (row 1)" in m for m in messages), messages
    assert report.excluded == ["e1"] and report.kept == ["e2"]


def test_a_netles_folder_as_rs_write_csv_writes_it(tmp_path):
    # write.csv(egos, "egos.csv") in R: quoted text, a first column of row names headed "", NA for
    # missing and TRUE/FALSE; the row names were kept as an attribute called ""
    folder = tmp_path / "ds"
    folder.mkdir()
    (folder / "egos.csv").write_text('"","ego_id","age","group"\n"1","e1",54,"lvb"\n"2","e2",NA,"ggz"\n')
    (folder / "alters.csv").write_text(
        '"","ego_id","alter_id","relation","circle","age","support_practical","support_emotional"\n'
        '"1","e1","A","friend",1,33.5,TRUE,FALSE\n"2","e1","B","sibling",2,NA,FALSE,NA\n'
        '"3","e2","A","parent",1,70,TRUE,TRUE\n')
    (folder / "ties.csv").write_text('"","ego_id","source","target","weight"\n"1","e1","A","B",NA\n')
    ds = netles.read_dataset(folder)
    assert ds.meta["problems"].ok and ds.ego_ids == ["e1", "e2"]
    for table in (ds.egos, ds.alters, ds.ties):
        assert "" not in table.columns
    ages = ds.alters["age"].tolist()
    assert ages[0] == 33.5 and np.isnan(ages[1]) and ages[2] == 70.0
    assert ds.alters["support_practical"].tolist() == [True, False, True]
    assert ds.alters["support_emotional"].tolist() == [False, False, True]
    assert ds.egos["age"].tolist()[0] == 54.0 and np.isnan(ds.egos["age"].tolist()[1])
