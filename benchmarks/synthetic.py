"""Time synthetic_dataset for 10,000 and 100,000 egos.

Run from the repository root:  python benchmarks/synthetic.py
"""
from __future__ import annotations

import time

from netles.models import synthetic_dataset


def main() -> None:
    for n in (10_000, 100_000):
        start = time.perf_counter()
        ds = synthetic_dataset(n, groups={"lvb": 1}, seed=1)
        seconds = time.perf_counter() - start
        print(f"{n:>7,} egos (lvb): {seconds:6.2f} s  ({len(ds.alters):,} alters, {len(ds.ties):,} ties)")
    start = time.perf_counter()
    ds = synthetic_dataset(100_000, groups={"lvb": 0.4, "ggz": 0.2, "ouderen": 0.2, "algemeen": 0.2}, seed=1)
    seconds = time.perf_counter() - start
    print(f"{100_000:>7,} egos (mixed): {seconds:6.2f} s  ({len(ds.alters):,} alters, {len(ds.ties):,} ties)")


if __name__ == "__main__":
    main()
