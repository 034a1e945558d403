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

from .longtables import MOMENT, Dataset
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
    >>> nets = [datasets.load_case(n).with_ego(ego_id=n) for n in ("voorbeeld", "ggz_naar_huis", "senior_55plus")]
    >>> parts = split_dataset(Dataset.from_networks(nets), egos_per_partition=2)
    >>> [p.ego_ids for p in parts]
    [['voorbeeld', 'ggz_naar_huis'], ['senior_55plus']]
    """
    if egos_per_partition < 1:
        raise ValueError("egos_per_partition must be at least 1")
    from ._columns import coded

    # partitions of persons: with moments, every measurement of an ego lands in the same partition
    e_id = coded(ds.egos["ego_id"], ids=True)
    first_seen = pd.unique(e_id.codes[e_id.codes >= 0])
    rank = np.full(len(e_id.values), -1, dtype=np.int64)
    rank[first_seen] = np.arange(len(first_seen))
    ego_index = pd.Index(e_id.values, dtype=object)

    def part_of(frame: pd.DataFrame) -> np.ndarray:
        if not len(frame):
            return np.zeros(0, dtype=np.int64)
        c = coded(frame["ego_id"], ids=True)
        pos = c.take(ego_index.get_indexer(pd.Index(c.values, dtype=object)) if len(c.values) else np.zeros(0, dtype=np.int64), -1)
        return np.where(pos >= 0, rank[np.where(pos >= 0, pos, 0)] // egos_per_partition, -1)

    e_part, a_part, t_part = part_of(ds.egos), part_of(ds.alters), part_of(ds.ties)
    orders = [np.argsort(x, kind="stable") for x in (e_part, a_part, t_part)]
    frames = [f.iloc[o] for f, o in zip((ds.egos, ds.alters, ds.ties), orders)]
    sorted_parts = [x[o] for x, o in zip((e_part, a_part, t_part), orders)]
    parts = []
    n_parts = int(e_part.max(initial=-1)) + 1
    for p in range(n_parts):
        pieces = []
        for frame, keys in zip(frames, sorted_parts):
            lo, hi = np.searchsorted(keys, [p, p + 1])
            pieces.append(frame.iloc[lo:hi].reset_index(drop=True))
        parts.append(Dataset(*pieces, source=ds.source, meta={k: v for k, v in ds.meta.items() if k == "moment_order"}))
    return parts


def _parquet_bytes(frame: pd.DataFrame) -> bytes:
    from .io.folder import _parquet_ready  # same rule as the dataset folder writer

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
    from .io.folder import check_no_names

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


def read_partition(path: str | os.PathLike, name: str, *, validate: bool = True) -> Dataset:
    """One partition as a :class:`Dataset`, passed through the same validation as
    :func:`netles.read_dataset` (a missing ties file means no ties).

    Parameters
    ----------
    path : path-like
        The partitioned dataset folder.
    name : str
        The partition (``part-00000``...).
    validate : bool
        Validate (the default). Without it the tables are returned as stored, for tools that
        only copy them.

    Returns
    -------
    Dataset
        The valid egos of the partition; ``ds.meta["problems"]`` is its
        :class:`~netles.validation.ValidationReport`, whose problems name the partition's files.
    """
    from .io.tables import read_table
    from .validation import validate_tables

    path = Path(path)
    files = tuple(f"{table}/{name}.parquet" for table in _TABLES)
    if not validate:
        egos = pd.read_parquet(path / files[0])
        alters = pd.read_parquet(path / files[1])
        ties = pd.read_parquet(path / files[2]) if (path / files[2]).is_file() else pd.DataFrame({"ego_id": [], "source": [], "target": []}, dtype=object)
        return Dataset(egos, alters, ties, source=f"{path}/{name}")
    frames, problems, broken = {}, [], set()
    for table, file in zip(_TABLES, files):
        if table == "ties" and not (path / file).is_file():
            frames[table] = pd.DataFrame({"ego_id": [], "source": [], "target": []}, dtype=object)
            continue
        raw = read_table(path / file, name=file)
        problems.extend(raw.problems)
        if raw.frame is None:
            broken.add("*")
        frames[table] = raw.frame
    ds, _ = validate_tables(frames["egos"], frames["alters"], frames["ties"], problems=problems, broken_egos=broken,
                            files=files, source=f"{path}/{name}")
    return ds


def read_partitioned(path: str | os.PathLike) -> Dataset:
    """All partitions of a partitioned dataset as one in-memory :class:`Dataset` (validated, as
    :func:`read_partition`; ``ds.meta["problems"]`` gathers every partition's report)."""
    parts = [read_partition(path, n) for n in partition_names(path)]
    ds = Dataset(*(pd.concat([getattr(p, t) for p in parts], ignore_index=True) for t in _TABLES), source=str(path))
    ds.meta["problems"] = _merge_reports([p.meta["problems"] for p in parts], source=str(path))
    return ds


def _merge_reports(reports, source=None):
    from .validation import ValidationReport

    merged = ValidationReport([], source=source)
    for report in reports:
        merged.problems.extend(report.problems)
        merged.warnings.extend(report.warnings)
        merged.kept.extend(report.kept)
        merged.excluded.extend(report.excluded)
        merged.n_egos += report.n_egos
    return merged


def _flat(result: pd.DataFrame) -> pd.DataFrame:
    """A profile frame with a plain ``ego_id`` index: moments become a column (Dask has no
    MultiIndex)."""
    if isinstance(result.index, pd.MultiIndex):
        result = result.reset_index(level=MOMENT)
        cols = [MOMENT, *(c for c in result.columns if c != MOMENT)]
        result = result[cols]
        result[MOMENT] = result[MOMENT].astype(str)
    result.index = pd.Index(result.index.astype(str), name="ego_id", dtype=str)
    return result


def _profile_part(part, options: dict, strict: bool = False, out_file: str | None = None):
    """Profile one partition; with ``out_file`` write the profiles there (and return none)."""
    ds = read_partition(*part) if isinstance(part, tuple) else part
    report = ds.meta.get("problems")
    if strict and report is not None and report.problems:
        raise ValidationError([dataclasses.replace(p, file=f"{ds.source}: {p.file}" if p.file else ds.source) for p in report.problems])
    try:
        result = profile_many(ds, progress=False, **options)
    except ValidationError as exc:
        # name the partition file, so a researcher can find the row among thousands of files
        raise ValidationError([dataclasses.replace(p, file=f"{ds.source}: {p.file}" if p.file else ds.source) for p in exc.problems]) from None
    result = _flat(result)
    if out_file is not None:
        atomic_write_bytes(Path(out_file), _profile_bytes(result))
        return None, report
    return result, report


def _profile_bytes(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=True)
    return buffer.getvalue()


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
    strict: bool = False,
    with_report: bool = False,
    **options,
):
    """:func:`netles.profile_many` on Dask, one task per partition of egos.

    Parameters
    ----------
    source : path-like or Dataset
        A dataset folder partitioned by ego (:func:`write_partitioned`): every partition passes
        the same validation as :func:`netles.read_dataset` in its task (egos with a problem are
        left out and reported). Or an in-memory :class:`Dataset` (split with
        :func:`split_dataset`; useful for tests and mid-sized data), profiled as it is.
    out : path-like, optional
        Write the profiles as partitioned Parquet (one file per partition, index ``ego_id``, with
        a ``moment`` column when there are moments) and return the path, without gathering them
        in this process (bounded memory). The problems found, if any, go to ``_problems.csv``
        in that folder (Parquet readers skip files starting with ``_``). Default: gather and
        return one DataFrame.
    client : distributed.Client, optional
        Run on this client's cluster. Default: the active client if there is one, else Dask's
        default scheduler (threads in this process).
    egos_per_partition : int
        Partition size when ``source`` is a Dataset.
    strict : bool
        Raise on the first partition with a problem instead of leaving its egos out.
    with_report : bool
        Also return the :class:`~netles.validation.ValidationReport` of all partitions.
    **options
        ``strong_max_circle``, ``weekly``, ``max_minutes`` as in :func:`netles.profile_many`.

    Returns
    -------
    pandas.DataFrame or pathlib.Path (and the report, with ``with_report``)
        The profiles in ego order (equal to ``profile_many`` on the whole data, with a
        ``MultiIndex(["ego_id", "moment"])`` when there are moments), or ``out``. A returned
        DataFrame carries the report as ``result.attrs["problems"]``.

    Raises
    ------
    ValidationError
        With ``strict=True``, if a partition holds invalid rows (named by partition file); always
        when ``source`` is neither a partitioned folder nor a Dataset.

    Examples
    --------
    >>> from netles import datasets
    >>> ds = Dataset.from_networks([datasets.load_case("voorbeeld")])
    >>> round(float(profile_many_dask(ds).loc["voorbeeld", "constraint"]), 6)
    0.384259
    """
    import dask

    unknown = set(options) - {"strong_max_circle", "weekly", "max_minutes"}
    if unknown:
        raise TypeError(f"unknown option(s) {sorted(unknown)}")
    order = None
    if isinstance(source, Dataset):
        parts: Iterable = split_dataset(source, egos_per_partition)
        moments = source.has_moments
        if moments:
            order = source.keys
    else:
        names = partition_names(source)
        parts = [(str(source), name) for name in names]
        import pyarrow.parquet as pq

        moments = bool(names) and MOMENT in pq.read_schema(Path(source) / "egos" / f"{names[0]}.parquet").names
    parts = list(parts)
    columns = {k: pd.Series(dtype="float64") for k in metric_keys()}
    if moments:
        columns = {MOMENT: pd.Series(dtype=str), **columns}
    meta = pd.DataFrame(columns, index=pd.Index([], name="ego_id", dtype=str))
    if not parts:
        empty = _unflat(meta, moments)
        return (empty, _merge_reports([])) if with_report else (empty if out is None else None)
    source_name = source.source if isinstance(source, Dataset) else str(source)
    if out is not None:
        # each task writes its own file: nothing is gathered in this process
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        files = [str(out / f"part-{i:05d}.parquet") for i in range(len(parts))]
        tasks = [dask.delayed(_profile_part, pure=False)(part, options, strict, file) for part, file in zip(parts, files)]
        found = client.gather(client.compute(tasks)) if client is not None else dask.compute(*tasks)
        report = _merge_reports([r for _, r in found if r is not None], source=source_name)
        if report.problems:
            from .io.atomic import atomic_write_text

            atomic_write_text(out / "_problems.csv", report.to_frame().to_csv(index=False))
        return (out, report) if with_report else out
    tasks = [dask.delayed(_profile_part, pure=False)(part, options, strict) for part in parts]
    found = client.gather(client.compute(tasks)) if client is not None else dask.compute(*tasks)
    result = pd.concat([frame for frame, _ in found], axis=0) if found else meta
    result = _unflat(result, moments)
    if order is not None:
        result = result.reindex(pd.MultiIndex.from_tuples(order, names=["ego_id", MOMENT]))
    report = _merge_reports([r for _, r in found if r is not None], source=source_name)
    result.attrs["problems"] = report
    return (result, report) if with_report else result


def _unflat(result: pd.DataFrame, moments: bool) -> pd.DataFrame:
    result.index.name = "ego_id"
    if moments:
        result = result.set_index(MOMENT, append=True)
    return result
