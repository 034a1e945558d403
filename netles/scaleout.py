"""Scale-out: the quality profile of millions of egos on Dask, over Parquet partitioned by ego.

Ego networks are independent of each other, so a dataset splits into partitions that each hold
*all* rows of *some* egos; :func:`netles.profile_many` then runs on every partition by itself and
the results are simply stacked. That is what this module does with Dask: one task per partition,
each task reads its three Parquet files, profiles them with the pandas engine and returns (or
writes) its rows. The result equals ``profile_many`` on the whole dataset, in the same ego order.

The partitioned layout (written by :func:`write_partitioned`)::

    DATASET/
      egos/part-00000.parquet     egos of partition 0
      alters/part-00000.parquet   the alters of exactly those egos
      ties/part-00000.parquet     their ties
      egos/part-00001.parquet ...

Memory stays bounded because a worker only ever holds one partition (choose
``egos_per_partition`` so that one partition is a few hundred MB at most: 50,000 egos of about 14
alters are about 150 MB in pandas) and, with ``out=``, results go straight to partitioned Parquet
instead of being gathered in one process.

On one machine
--------------
::

    netles profile data/groot --engine dask --workers 2 --out profiel.parquet

starts a local Dask cluster (``distributed.LocalCluster``) with two worker processes.

On a cluster of machines
------------------------
The same command runs on a multi-machine Dask cluster. Start a scheduler on one machine and workers
on the others (all with netles installed and the dataset on a path every worker can read: a
shared file system, or an ``s3://``/``gs://`` URL that ``pandas.read_parquet`` understands through
fsspec)::

    dask scheduler                                  # on the head node; prints tcp://HEAD:8786
    dask worker tcp://HEAD:8786 --nworkers 4 --nthreads 1 --memory-limit 4GiB   # on each node
    netles profile /shared/groot --engine dask --scheduler tcp://HEAD:8786 --out /shared/profiel.parquet

With ``--scheduler`` netles connects a :class:`distributed.Client` to that address instead of
starting a local cluster; every partition becomes one task that any worker can run. Nothing else
changes: the same code, the same result.

References
----------
.. [1] Dask Development Team (2016). Dask: Library for dynamic task scheduling. https://dask.org
.. [2] van der Laan, J. et al. (2023). A whole population network and its application for the
   social sciences. *European Sociological Review* 39(1), 145-160 (the CBS person network: the
   scale, 17 million egos, that partitioning per ego is meant to reach).
"""
from __future__ import annotations

import dataclasses
import io
import os
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from .dataset import Dataset
from .errors import Problem, ValidationError
from .io.atomic import atomic_write_bytes
from .profile import metric_keys, profile_many

__all__ = [
    "write_partitioned",
    "is_partitioned",
    "partition_names",
    "read_partition",
    "read_partitioned",
    "split_dataset",
    "profile_many_dask",
    "open_client",
]

_TABLES = ("egos", "alters", "ties")


def split_dataset(ds: Dataset, egos_per_partition: int = 50_000) -> list[Dataset]:
    """Split a dataset into datasets of at most ``egos_per_partition`` egos, each with all their rows.

    Examples
    --------
    >>> from netles import datasets
    >>> nets = [datasets.load_case(n).with_ego(ego_id=n) for n in ("voorbeeld", "pilot_voor", "pilot_na")]
    >>> parts = split_dataset(Dataset.from_networks(nets), egos_per_partition=2)
    >>> [p.ego_ids for p in parts]
    [['voorbeeld', 'pilot_voor'], ['pilot_na']]
    """
    if egos_per_partition < 1:
        raise ValueError("egos_per_partition must be at least 1")
    ids = pd.Index(ds.egos["ego_id"])
    part_of_ego = np.arange(len(ids)) // egos_per_partition
    a_part = part_of_ego[ids.get_indexer(ds.alters["ego_id"])] if len(ds.alters) else np.zeros(0, dtype=np.int64)
    t_part = part_of_ego[ids.get_indexer(ds.ties["ego_id"])] if len(ds.ties) else np.zeros(0, dtype=np.int64)
    known_a = ids.get_indexer(ds.alters["ego_id"]) >= 0 if len(ds.alters) else np.zeros(0, dtype=bool)
    known_t = ids.get_indexer(ds.ties["ego_id"]) >= 0 if len(ds.ties) else np.zeros(0, dtype=bool)
    a_order = np.argsort(np.where(known_a, a_part, -1), kind="stable")
    t_order = np.argsort(np.where(known_t, t_part, -1), kind="stable")
    alters, ties = ds.alters.iloc[a_order], ds.ties.iloc[t_order]
    a_sorted, t_sorted = np.where(known_a, a_part, -1)[a_order], np.where(known_t, t_part, -1)[t_order]
    parts = []
    n_parts = int(part_of_ego[-1]) + 1 if len(ids) else 0
    for p in range(n_parts):
        a0, a1 = np.searchsorted(a_sorted, [p, p + 1])
        t0, t1 = np.searchsorted(t_sorted, [p, p + 1])
        parts.append(Dataset(
            ds.egos.iloc[p * egos_per_partition : (p + 1) * egos_per_partition].reset_index(drop=True),
            alters.iloc[a0:a1].reset_index(drop=True),
            ties.iloc[t0:t1].reset_index(drop=True),
            source=ds.source,
        ))
    return parts


def _parquet_bytes(frame: pd.DataFrame) -> bytes:
    from .io.dataset_folder import _parquet_ready  # same rule as the dataset folder writer

    buffer = io.BytesIO()
    _parquet_ready(frame).to_parquet(buffer, index=False)
    return buffer.getvalue()


def write_partitioned(
    ds: Dataset,
    path: str | os.PathLike,
    egos_per_partition: int = 50_000,
    *,
    first_part: int = 0,
    allow_names: bool = False,
) -> list[str]:
    """Write a dataset as Parquet partitioned by ego (the layout in the module docstring).

    Parameters
    ----------
    ds : Dataset
    path : path-like
        The dataset folder (created if needed).
    egos_per_partition : int
        Egos per partition.
    first_part : int
        Number of the first partition written; lets a generator append chunk after chunk
        without holding the whole dataset in memory.
    allow_names : bool
        Write a ``name`` column that holds values (refused by default, as :func:`netles.write_dataset`).

    Returns
    -------
    list of str
        The partition names written (``part-00000``...).

    Raises
    ------
    ValidationError
        If the dataset still holds names and ``allow_names`` is false.
    """
    from .io.dataset_folder import check_no_names

    check_no_names(ds, allow_names)
    path = Path(path)
    names = []
    for i, part in enumerate(split_dataset(ds, egos_per_partition)):
        name = f"part-{first_part + i:05d}"
        for table in _TABLES:
            (path / table).mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path / table / f"{name}.parquet", _parquet_bytes(getattr(part, table)))
        names.append(name)
    return names


def is_partitioned(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a dataset folder partitioned by ego (``egos/part-*.parquet``)."""
    return any((Path(path) / "egos").glob("*.parquet")) if (Path(path) / "egos").is_dir() else False


def partition_names(path: str | os.PathLike) -> list[str]:
    """The partition names of a partitioned dataset, sorted.

    Raises
    ------
    ValidationError
        If the folder is not partitioned or a partition lacks its alters file.
    """
    path = Path(path)
    if not is_partitioned(path):
        raise ValidationError(Problem("is not a dataset partitioned by ego", file=str(path),
                                      allowed="a folder with egos/, alters/ and ties/ holding part-*.parquet files"))
    names = sorted(p.stem for p in (path / "egos").glob("*.parquet"))
    missing = [n for n in names if not (path / "alters" / f"{n}.parquet").is_file()]
    if missing:
        raise ValidationError([Problem("is missing", file=str(path / "alters" / f"{n}.parquet"),
                                       allowed="an alters file for every egos file") for n in missing])
    return names


def read_partition(path: str | os.PathLike, name: str) -> Dataset:
    """One partition as a :class:`Dataset` (a missing ties file means no ties)."""
    path = Path(path)
    egos = pd.read_parquet(path / "egos" / f"{name}.parquet")
    alters = pd.read_parquet(path / "alters" / f"{name}.parquet")
    ties_file = path / "ties" / f"{name}.parquet"
    ties = pd.read_parquet(ties_file) if ties_file.is_file() else pd.DataFrame({"ego_id": [], "source": [], "target": []}, dtype=object)
    return Dataset(egos, alters, ties, source=f"{path}/{name}")


def read_partitioned(path: str | os.PathLike) -> Dataset:
    """All partitions of a partitioned dataset as one in-memory :class:`Dataset`."""
    parts = [read_partition(path, n) for n in partition_names(path)]
    return Dataset(*(pd.concat([getattr(p, t) for p in parts], ignore_index=True) for t in _TABLES), source=str(path))


def _profile_part(part, options: dict) -> pd.DataFrame:
    ds = read_partition(*part) if isinstance(part, tuple) else part
    try:
        result = profile_many(ds, progress=False, **options)
        # one index type for every partition (ids are text), whatever the file gave
        result.index = pd.Index(result.index.astype(str), name="ego_id", dtype=str)
        return result
    except ValidationError as exc:
        # name the partition file, so a researcher can find the row among thousands of files
        raise ValidationError([dataclasses.replace(p, file=f"{ds.source}: {p.file}" if p.file else ds.source) for p in exc.problems]) from None


def open_client(scheduler: str | None = None, workers: int = 2, threads_per_worker: int = 1, processes: bool = True):
    """A :class:`distributed.Client`: to ``scheduler`` (an address such as ``tcp://host:8786``) or
    to a new local cluster of ``workers`` worker processes.

    The caller closes it (``client.close()``; a local cluster closes with it).
    """
    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(n_workers=workers, threads_per_worker=threads_per_worker, processes=processes,
                           dashboard_address=None)
    client = Client(cluster)
    client._netles_cluster = cluster  # closed together with the client, see _close
    return client


def _close(client) -> None:
    cluster = getattr(client, "_netles_cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


def profile_many_dask(
    source,
    *,
    out: str | os.PathLike | None = None,
    client=None,
    egos_per_partition: int = 50_000,
    **options,
):
    """:func:`netles.profile_many` on Dask, one task per partition of egos.

    Parameters
    ----------
    source : path-like or Dataset
        A dataset folder partitioned by ego (:func:`write_partitioned`), or an in-memory
        :class:`Dataset` (split with :func:`split_dataset`; useful for tests and mid-sized data).
    out : path-like, optional
        Write the profiles as partitioned Parquet (one file per partition, index ``ego_id``) and
        return the path, without gathering them in this process (bounded memory). Default: gather
        and return one DataFrame.
    client : distributed.Client, optional
        Run on this client's cluster. Default: the active client if there is one, else Dask's
        default scheduler (threads in this process).
    egos_per_partition : int
        Partition size when ``source`` is a Dataset.
    **options
        ``strong_max_circle``, ``weekly``, ``max_minutes`` as in :func:`netles.profile_many`.

    Returns
    -------
    pandas.DataFrame or pathlib.Path
        The profiles in ego order (equal to ``profile_many`` on the whole data), or ``out``.

    Raises
    ------
    ValidationError
        If a partition holds invalid rows (named by partition file), or ``source`` is neither.

    Examples
    --------
    >>> from netles import datasets
    >>> ds = Dataset.from_networks([datasets.load_case("voorbeeld")])
    >>> round(float(profile_many_dask(ds).loc["voorbeeld", "constraint"]), 6)
    0.384259
    """
    import dask
    import dask.dataframe as dd

    unknown = set(options) - {"strong_max_circle", "weekly", "max_minutes"}
    if unknown:
        raise TypeError(f"unknown option(s) {sorted(unknown)}")
    if isinstance(source, Dataset):
        parts: Iterable = split_dataset(source, egos_per_partition)
    else:
        parts = [(str(source), name) for name in partition_names(source)]
    parts = list(parts)
    meta = pd.DataFrame({k: pd.Series(dtype="float64") for k in metric_keys()}, index=pd.Index([], name="ego_id", dtype=str))
    if not parts:
        return meta if out is None else None
    tasks = [dask.delayed(_profile_part, pure=False)(part, options) for part in parts]
    frame = dd.from_delayed(tasks, meta=meta, verify_meta=False)
    if out is not None:
        out = Path(out)
        job = dd.to_parquet(frame, out, write_index=True, compute=False, name_function=lambda i: f"part-{i:05d}.parquet")
        if client is not None:
            client.compute(job).result()
        else:
            job.compute()
        return out
    result = client.compute(frame).result() if client is not None else frame.compute()
    result.index.name = "ego_id"
    return result
