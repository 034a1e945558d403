"""Benchmark: 1,000,000 synthetic egos through the Dask engine, written to partitioned Parquet.

Run from the repository root:  .venv/bin/python benchmarks/dask_million.py
(options: --egos N, --chunk N, --workers N, --dir FOLDER, --keep)

Steps, each timed:

1. generate the egos chunk by chunk with ``netles.models.synthetic_dataset`` and write each chunk
   as one partition (``netles.scaleout.write_partitioned``), so the whole dataset is never in memory;
2. profile every partition on a local Dask cluster (worker processes, one thread each, a memory
   limit per worker) with ``netles.scaleout.profile_many_dask(..., out=...)``: each task reads its
   partition and passes it through the same validation as ``netles.read_dataset`` (issue 17.4)
   before profiling it; results go straight to partitioned Parquet, nothing is gathered in this
   process. Target: under 60 s for 1,000,000 egos on 2 workers;
3. read the result back and check its size.

Memory is sampled every 0.2 s over this process and all its children (the workers): the peak of
their sum is printed, together with the peak of the largest single process. This is a benchmark,
not a test: it takes minutes and writes about 1 GB to a temporary folder (removed afterwards
unless --keep).
"""
from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

import pandas as pd
import psutil

from netles import Dataset
from netles.models import synthetic_dataset
from netles.scaleout import _close, open_client, profile_many_dask, write_partitioned

GIB = 1024**3


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f}"
GROUPS = {"lvb": 0.4, "ggz": 0.2, "ouderen": 0.2, "algemeen": 0.2}


class MemorySampler(threading.Thread):
    """Peak RSS of this process plus its children, and of the largest single one."""

    def __init__(self, interval: float = 0.2):
        super().__init__(daemon=True)
        self.interval, self.total, self.single = interval, 0, 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        me = psutil.Process()
        while not self._stop_event.is_set():
            rss = []
            for p in [me, *me.children(recursive=True)]:
                try:
                    rss.append(p.memory_info().rss)
                except psutil.Error:
                    pass
            self.total, self.single = max(self.total, sum(rss)), max(self.single, max(rss))
            time.sleep(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def generate(folder: Path, n_egos: int, chunk: int) -> tuple[int, int]:
    n_alters = n_ties = 0
    for part, start in enumerate(range(0, n_egos, chunk)):
        n = min(chunk, n_egos - start)
        ds = synthetic_dataset(n, groups=GROUPS, seed=1000 + part)
        prefix = f"p{part:04d}-"  # ids of one chunk repeat in the next: make them unique
        egos = ds.egos.assign(ego_id=prefix + ds.egos["ego_id"])
        alters = ds.alters.drop(columns=["name"]).assign(ego_id=prefix + ds.alters["ego_id"])
        ties = ds.ties.assign(ego_id=prefix + ds.ties["ego_id"])
        write_partitioned(Dataset(egos, alters, ties), folder, egos_per_partition=chunk, first_part=part)
        n_alters, n_ties = n_alters + len(alters), n_ties + len(ties)
    return n_alters, n_ties


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--egos", type=int, default=1_000_000)
    parser.add_argument("--chunk", type=int, default=50_000, help="egos per partition")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--memory-limit", default="2GiB", help="per worker")
    parser.add_argument("--dir", help="working folder (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the data and results")
    args = parser.parse_args()

    work = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="netles_million_"))
    data, out = work / "dataset", work / "profiel.parquet"
    sampler = MemorySampler()
    sampler.start()
    try:
        start = time.perf_counter()
        n_alters, n_ties = generate(data, args.egos, args.chunk)
        made = time.perf_counter() - start
        size = sum(p.stat().st_size for p in data.rglob("*.parquet"))
        print(f"generated {args.egos:,} egos ({n_alters:,} alters, {n_ties:,} ties) in {made:.1f} s: "
              f"{len(list((data / 'egos').glob('*.parquet')))} partitions, {size / GIB:.2f} GiB of Parquet")
        gen_total, gen_single = sampler.total, sampler.single

        from distributed import LocalCluster, Client

        start = time.perf_counter()
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               memory_limit=args.memory_limit, dashboard_address=None)
        client = Client(cluster)
        started = time.perf_counter() - start
        start = time.perf_counter()
        _, report = profile_many_dask(data, out=out, client=client, with_report=True)
        seconds = time.perf_counter() - start
        client.close()
        cluster.close()
        result = pd.read_parquet(out, columns=["size", "constraint"])
        print(f"dask profile of {len(result):,} egos on {args.workers} worker processes (1 thread each, memory limit "
              f"{args.memory_limit}): {seconds:.1f} s ({len(result) / seconds:,.0f} egos/s; cluster start {started:.1f} s)")
        print(f"result: {len(list(out.glob('*.parquet')))} Parquet files, mean size {result['size'].mean():.2f}, "
              f"mean constraint {result['constraint'].mean():.3f}")
        print(f"validation of every partition: {report.n_egos:,} egos checked, {len(report.problems)} problems, "
              f"{len(report.kept):,} kept")
        print(f"target: {args.egos:,} egos on the Dask engine, every partition validated, in under 60 s: "
              f"{'met' if seconds < 60 else 'NOT met'} ({seconds:.1f} s; {_load()})")
    finally:
        sampler.stop()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"peak memory while generating: {gen_total / GIB:.2f} GiB (this process)")
    print(f"peak memory overall: {sampler.total / GIB:.2f} GiB summed over this process and the workers; "
          f"largest single process {sampler.single / GIB:.2f} GiB")


if __name__ == "__main__":
    main()
