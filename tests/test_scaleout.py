"""Dask scale-out: the same profile over Parquet partitioned by ego, on a local Dask cluster."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import netles.models
from netles import Dataset, ValidationError, datasets, profile_many
from netles.scaleout import (
    is_partitioned,
    partition_names,
    profile_many_dask,
    read_partitioned,
    split_dataset,
    write_partitioned,
)


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.fixture(scope="module")
def dataset():
    ds = netles.models.synthetic_dataset(230, groups={"lvb": 1, "ggz": 1, "ouderen": 1}, seed=11)
    # egos without alters must survive partitioning too
    extra = pd.DataFrame({"ego_id": ["leeg-1", "leeg-2"], "group": ["lvb", "ggz"]})
    return Dataset(pd.concat([ds.egos, extra], ignore_index=True), ds.alters.drop(columns=["name"]), ds.ties)


def test_split_keeps_every_row_once(dataset):
    parts = split_dataset(dataset, egos_per_partition=50)
    assert [len(p) for p in parts] == [50, 50, 50, 50, 32]
    assert sum(len(p.alters) for p in parts) == len(dataset.alters)
    assert sum(len(p.ties) for p in parts) == len(dataset.ties)
    for p in parts:
        assert set(p.alters["ego_id"]) <= set(p.egos["ego_id"]) and set(p.ties["ego_id"]) <= set(p.egos["ego_id"])


def test_dask_equals_pandas_on_partitioned_parquet(dataset, client, tmp_path):
    names = write_partitioned(dataset, tmp_path / "ds", egos_per_partition=60)
    assert names == ["part-00000", "part-00001", "part-00002", "part-00003"]
    assert is_partitioned(tmp_path / "ds") and partition_names(tmp_path / "ds") == names
    expected = profile_many(dataset)
    result = profile_many_dask(tmp_path / "ds", client=client)
    pd.testing.assert_frame_equal(result, expected, check_exact=False, rtol=0, atol=1e-12, check_index_type=False)
    assert (result.loc[["leeg-1", "leeg-2"], "size"] == 0).all()
    again = read_partitioned(tmp_path / "ds")
    pd.testing.assert_frame_equal(profile_many(again), expected, check_exact=False, rtol=0, atol=1e-12, check_index_type=False)


def test_dask_writes_partitioned_results(dataset, client, tmp_path):
    write_partitioned(dataset, tmp_path / "ds", egos_per_partition=100)
    out = profile_many_dask(tmp_path / "ds", client=client, out=tmp_path / "profiel.parquet", max_minutes=60)
    assert sorted(p.name for p in out.glob("*.parquet")) == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    written = pd.read_parquet(out)
    pd.testing.assert_frame_equal(written, profile_many(dataset, max_minutes=60), check_exact=False, rtol=0, atol=1e-12, check_index_type=False)


def test_in_memory_dataset_and_default_scheduler(dataset):
    result = profile_many_dask(dataset, egos_per_partition=70, strong_max_circle=1)
    pd.testing.assert_frame_equal(result, profile_many(dataset, strong_max_circle=1), check_exact=False, rtol=0, atol=1e-12, check_index_type=False)


def test_invalid_partition_is_named(tmp_path):
    ds = Dataset.from_networks([datasets.load_case("voorbeeld")])
    bad = Dataset(ds.egos, ds.alters.assign(relation=ds.alters["relation"].where(ds.alters.index != 2, "cousin")), ds.ties)
    write_partitioned(bad, tmp_path / "bad", allow_names=True)
    with pytest.raises(ValidationError) as info:
        profile_many_dask(tmp_path / "bad", strict=True)
    assert "part-00000" in str(info.value) and "relation" in str(info.value)
    with pytest.raises(ValidationError):
        profile_many_dask(tmp_path / "nothing-here")


def test_every_partition_passes_the_validation_of_read_dataset(dataset, tmp_path):
    # issue 17.4: read_partition used to read Parquet with no validation at all
    alters = dataset.alters.copy()
    first_ego = dataset.egos["ego_id"].iloc[0]
    alters.loc[alters.index[alters["ego_id"] == first_ego][0], "relation"] = "cousin"
    ties = pd.concat([dataset.ties, pd.DataFrame({"ego_id": [dataset.egos["ego_id"].iloc[70]], "source": ["A1"], "target": ["Z9"]})], ignore_index=True)
    write_partitioned(Dataset(dataset.egos, alters, ties), tmp_path / "ds", egos_per_partition=60)
    result, report = profile_many_dask(tmp_path / "ds", with_report=True)
    assert sorted(report.excluded) == sorted([first_ego, dataset.egos["ego_id"].iloc[70]])
    assert [p.file for p in report.problems] == ["alters/part-00000.parquet", "ties/part-00001.parquet"]
    assert report.problems[0].field == "relation" and "'Z9' is not an alter" in report.problems[1].message
    assert len(result) == len(dataset.egos) - 2 and result.attrs["problems"] is not None
    out = profile_many_dask(tmp_path / "ds", out=tmp_path / "p.parquet")
    assert (out / "_problems.csv").is_file() and len(pd.read_parquet(out)) == len(result)
    assert pd.read_csv(out / "_problems.csv")["file"].tolist() == ["alters/part-00000.parquet", "ties/part-00001.parquet"]


def test_names_are_refused_unless_allowed(tmp_path):
    ds = Dataset.from_networks([datasets.load_case("voorbeeld")])
    with pytest.raises(ValidationError):
        write_partitioned(ds, tmp_path / "x")
    assert not (tmp_path / "x" / "alters").exists() or not list((tmp_path / "x" / "alters").glob("*"))
