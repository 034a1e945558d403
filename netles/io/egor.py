"""egor's three tables (R): egos, alters and alter-alter ties as CSV files.

The R package egor keeps an ego-network study as three tables: egos (``egoID``), alters
(``egoID``, ``alterID``) and alter ties (``egoID``, ``Source``, ``Target``, optionally a weight).
Its example files are written with ``write.csv2``: ``;`` as separator, a decimal comma, quoted
texts and a first, unnamed column of row names. Newer egor versions name the ids ``.egoID``,
``.altID``, ``.srcID`` and ``.tgtID``. Both spellings, ``;`` and ``,``, and the row-name column
are recognised. Rules (checked by :mod:`netles.validation`): ego ids unique, every alter and tie
belongs to an existing ego, tie ends are alters of the same ego.

Which file is which is told from the columns, not the file names: the file with ``Source`` and
``Target`` holds the ties, the one with an alter id the alters, the remaining one with an ego id the
egos.

References
----------
.. [1] Krenz, T., Krivitsky, P. N., Vacca, R., Bojanowski, M., & Herz, A. egor: Import and
   Analyse Ego-Centered Network Data (R package), ``threefiles_to_egor``.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import Problem
from .mapping import Mapping, apply_mapping
from .tables import RawTable, read_table, sniff_separator

__all__ = ["is_egor_folder", "read_egor_tables", "EGOR_ID_COLUMNS"]

EGOR_ID_COLUMNS = {
    "egoID": "ego_id",
    ".egoID": "ego_id",
    "alterID": "alter_id",
    ".altID": "alter_id",
    "Source": "source",
    ".srcID": "source",
    "Target": "target",
    ".tgtID": "target",
}
"""egor's id columns (old and new spellings) and the netles field each becomes."""

_ROW_NAME_COLUMNS = ("", "X", "Unnamed: 0")


def _header(path: Path) -> list[str]:
    try:
        with open(path, encoding="utf-8", errors="replace", newline="") as handle:
            line = handle.readline().lstrip("\ufeff")
    except OSError:
        return []
    sep = sniff_separator(line)
    return [c.strip().strip('"') for c in line.rstrip("\r\n").split(sep)]


def _kind(columns: list[str]) -> str | None:
    names = set(columns)
    if names & {"Source", ".srcID"} and names & {"Target", ".tgtID"}:
        return "ties"
    if names & {"alterID", ".altID"}:
        return "alters"
    if names & {"egoID", ".egoID"}:
        return "egos"
    return None


def is_egor_folder(folder: str | os.PathLike) -> bool:
    """Whether a folder holds CSV files with egor's id columns (``egoID`` or ``.egoID``)."""
    return any(_kind(_header(p)) for p in Path(folder).glob("*.csv"))


def read_egor_tables(folder: str | os.PathLike, mapping: Mapping | None = None):
    """Read egor's three tables from a folder (not yet validated).

    Used by :func:`netles.read_dataset`; see the module documentation for the conventions.

    Returns
    -------
    netles.io.dataset.RawDataset
    """
    from .dataset import RawDataset

    folder = Path(folder)
    problems: list[Problem] = []
    broken: set = set()
    chosen: dict[str, Path] = {}
    for path in sorted(folder.glob("*.csv")):
        if path.stat().st_size == 0:
            problems.append(Problem("is empty (0 bytes): nothing could be read", file=path.name, allowed="one of egor's three tables"))
            broken.add("*")  # a table of unknown kind is lost: no network is known for sure
            continue
        kind = _kind(_header(path))
        if kind is None:
            continue
        if kind in chosen:
            problems.append(Problem(f"is a second {kind} table (next to {chosen[kind].name})", file=path.name, allowed=f"one {kind} table"))
            broken.add("*")
            continue
        chosen[kind] = path
    frames = {}
    files = []
    for kind in ("egos", "alters", "ties"):
        path = chosen.get(kind)
        if path is None:
            problems.append(Problem(f"no {kind} table found", file=folder.name, allowed=f"a CSV file with the columns {_needed(kind)}"))
            broken.add("*")
            frames[kind] = None
            files.append(f"{kind}.csv")
            continue
        raw: RawTable = read_table(path)
        files.append(raw.file)
        id_column = next((c for c in (raw.header or []) if EGOR_ID_COLUMNS.get(c) == "ego_id"), None)
        egos_of_bad, complete = raw.ego_of_bad_rows(id_column) if id_column else (set(), not raw.bad_rows)
        broken |= egos_of_bad
        if not complete or (raw.frame is None and kind != "egos"):
            broken.add("*")
        problems.extend(raw.problems)
        frame = raw.frame
        if frame is not None:
            frame = frame.drop(columns=[c for c in _ROW_NAME_COLUMNS if c in frame.columns])
            frame = frame.rename(columns={c: EGOR_ID_COLUMNS[c] for c in frame.columns if c in EGOR_ID_COLUMNS})
        frame, found = apply_mapping(frame, kind, mapping)
        problems.extend(found)
        frames[kind] = frame
    return RawDataset(frames["egos"], frames["alters"], frames["ties"], problems, broken, tuple(files), "egor")


def _needed(kind: str) -> str:
    return {"egos": "egoID", "alters": "egoID, alterID", "ties": "egoID, Source, Target"}[kind]
