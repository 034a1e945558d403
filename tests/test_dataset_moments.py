"""Datasets with moments (contract section 3): ids unique per (ego_id, moment), one profile row each."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import netles
from netles import Dataset, quality_profile
from netles.profile import metric_keys
from netles.scaleout import profile_many_dask, read_partitioned, write_partitioned

EGOS = "ego_id,meting,gender,age\nc1,intake,F,54\nc2,intake,M,61\nc1,afsluiting,F,54\nc2,afsluiting,M,62\nc3,intake,X,40\n"
ALTERS = (
    "ego_id,meting,alter_id,relation,circle\n"
    "c1,intake,A,sibling,1\nc1,intake,B,friend,2\nc1,intake,C,professional,4\n"
    "c1,afsluiting,A,sibling,1\nc1,afsluiting,B,friend,2\nc1,afsluiting,C,professional,4\nc1,afsluiting,D,volunteer,3\n"
    "c2,intake,A,partner,1\nc2,intake,B,neighbour,3\n"
    "c2,afsluiting,A,partner,1\nc2,afsluiting,B,neighbour,2\n"
    "c3,intake,A,child,1\n"
)
TIES = "ego_id,meting,source,target\nc1,intake,A,B\nc1,afsluiting,A,B\nc1,afsluiting,B,D\nc2,afsluiting,A,B\n"
MAPPING = {"moments": {"column": "meting", "order": ["intake", "afsluiting"]}}


def _panel(tmp_path: Path, egos=EGOS, alters=ALTERS, ties=TIES) -> Path:
    folder = tmp_path / "panel"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (("egos.csv", egos), ("alters.csv", alters), ("ties.csv", ties)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_moments_from_a_mapping(tmp_path):
    ds = netles.read_dataset(_panel(tmp_path), mapping=MAPPING)
    report = ds.meta["problems"]
    assert report.ok and report.n_egos == 5
    assert ds.moments == ["intake", "afsluiting"]
    assert ds.keys == [("c1", "intake"), ("c2", "intake"), ("c1", "afsluiting"), ("c2", "afsluiting"), ("c3", "intake")]
    assert list(ds.egos.columns[:2]) == ["ego_id", "moment"] and "meting" not in ds.egos.columns
    assert ds.network("c1", "afsluiting").size == 4 and ds.network("c1", "intake").size == 3
    with pytest.raises(KeyError, match="give the moment"):
        ds.network("c1")


def test_profile_many_has_one_row_per_ego_and_moment(tmp_path):
    ds = netles.read_dataset(_panel(tmp_path), mapping=MAPPING)
    profiles = netles.profile_many(ds)
    assert list(profiles.index.names) == ["ego_id", "moment"]
    assert list(profiles.index) == ds.keys
    expected = pd.DataFrame([quality_profile(ds.network(e, m)) for e, m in ds.keys], index=profiles.index, columns=metric_keys())
    pd.testing.assert_frame_equal(profiles, expected, check_exact=False, atol=1e-12, rtol=0)
    assert profiles.loc[("c1", "afsluiting"), "density"] == pytest.approx(2 / 6)
    assert profiles.loc[("c2", "intake"), "density"] == 0.0
    # the comparison research-share builds: before and after per ego
    change = profiles.xs("afsluiting", level="moment")["size"] - profiles.xs("intake", level="moment")["size"]
    assert change.dropna().to_dict() == {"c1": 1.0, "c2": 0.0}


def test_dask_engine_gives_the_same_rows(tmp_path):
    ds = netles.read_dataset(_panel(tmp_path), mapping=MAPPING)
    expected = netles.profile_many(ds)
    pd.testing.assert_frame_equal(profile_many_dask(ds, egos_per_partition=2), expected, check_exact=False, atol=1e-12, rtol=0)
    write_partitioned(ds, tmp_path / "parts", egos_per_partition=2)
    # every moment of an ego lands in the same partition
    parts = [pd.read_parquet(p) for p in sorted((tmp_path / "parts" / "egos").glob("*.parquet"))]
    assert [sorted(set(p["ego_id"])) for p in parts] == [["c1", "c2"], ["c3"]]
    from_parts = profile_many_dask(tmp_path / "parts")
    pd.testing.assert_frame_equal(from_parts, expected.loc[from_parts.index], check_exact=False, atol=1e-12, rtol=0, check_index_type=False)
    assert sorted(from_parts.index) == sorted(expected.index)
    assert len(read_partitioned(tmp_path / "parts")) == 5


def test_moments_in_order_of_their_dates_without_a_mapping(tmp_path):
    egos = "ego_id,moment,gender,age\nc1,2025-08-20,F,54\nc2,2025-08-20,M,62\nc1,2025-02-03,F,54\nc2,2025-02-03,M,61\nc3,2025-02-03,X,40\n"
    alters = ALTERS.replace("meting", "moment").replace("afsluiting", "2025-08-20").replace("intake", "2025-02-03")
    ties = TIES.replace("meting", "moment").replace("afsluiting", "2025-08-20").replace("intake", "2025-02-03")
    ds = netles.read_dataset(_panel(tmp_path, egos, alters, ties))
    assert ds.egos["moment"].iloc[0] == "2025-08-20"  # first appearance is the later date
    assert ds.moments == ["2025-02-03", "2025-08-20"] and ds.meta["problems"].ok


def test_ids_are_unique_per_ego_and_moment(tmp_path):
    egos = EGOS + "c1,intake,F,55\n"                       # c1 measured twice at intake
    alters = ALTERS + "c2,intake,B,friend,2\n"              # B twice in c2 at intake (once more at afsluiting: fine)
    alters += "c3,evaluatie,A,child,1\n"                    # c3 has no such moment
    ties = TIES + "c2,intake,A,Q\n"                         # Q is no alter of c2
    ties += "c1,intake,B,D\n"                               # D joined c1 only at afsluiting
    ds = netles.read_dataset(_panel(tmp_path, egos, alters, ties), mapping=MAPPING)
    report = ds.meta["problems"]
    found = {(p.file, p.row): (p.ego, p.moment, p.field, p.message) for p in report.problems}
    assert found[("egos.csv", 6)] == ("c1", "intake", "ego_id", "is used twice (also row 1)")
    assert found[("alters.csv", 13)][:3] == ("c2", "intake", "alter_id")
    assert found[("alters.csv", 14)] == (None, None, "moment", "ego 'c3' has no moment 'evaluatie' in the egos table")
    assert found[("ties.csv", 5)][3] == "'Q' is not an alter of ego 'c2'"
    assert found[("ties.csv", 6)][3] == "'D' is an alter of ego 'c1' at moment 'afsluiting', not at moment 'intake'"
    assert "moment 'intake'" in str(report.problems[0])
    # a problem excludes that measurement only
    assert sorted(report.excluded) == [("c1", "intake"), ("c2", "intake")]
    assert ds.keys == [("c1", "afsluiting"), ("c2", "afsluiting"), ("c3", "intake")]


def test_a_table_without_the_moment_column_is_a_problem(tmp_path):
    ties = TIES.replace("meting,", "").replace(",intake,", ",").replace(",afsluiting,", ",")
    ds = netles.read_dataset(_panel(tmp_path, ties=ties), mapping=MAPPING)
    (problem,) = ds.meta["problems"].problems
    assert (problem.file, problem.field, problem.message) == ("ties.csv", "moment", "column is missing")
    assert len(ds) == 0


def test_in_memory_panel_and_order_of_first_appearance():
    net = netles.datasets.load_case("voorbeeld")
    ds = Dataset.from_networks([net, net.without_alter("F"), net.without_tie("A", "B")], moments=["intake", "evaluatie", "afsluiting"])
    assert ds.moments == ["intake", "evaluatie", "afsluiting"]
    profiles = netles.profile_many(ds)
    assert profiles["size"].tolist() == [6, 5, 6]
    assert profiles.loc[("voorbeeld", "afsluiting"), "density"] == pytest.approx(3 / 15)
    assert np.isnan(netles.profile_many(Dataset(ds.egos.iloc[:0], ds.alters.iloc[:0], ds.ties.iloc[:0]))["size"]).all()
