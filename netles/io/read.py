"""``read_dataset`` and ``write_dataset``: many ego networks from the files researchers have.

:func:`read_dataset` recognises the format of what it is given and returns one
:class:`netles.Dataset`:

* a netles dataset folder (``egos``, ``alters``, ``ties`` as CSV or Parquet), see
  :mod:`netles.io.dataset_folder`;
* a Network Canvas CSV export folder (``*_ego.csv``, ``*_attributeList_*.csv``,
  ``*_edgeList_*.csv``), see :mod:`netles.io.network_canvas`;
* egor's three tables (``egoID``, ``alterID``, ``Source``/``Target``), see :mod:`netles.io.egor`;
* a GraphML file (or a folder of them) with one graph per ego, see :mod:`netles.io.graphml`.

Reading never changes the input. Every problem is collected (file, row, ego, field, what is
allowed); by default the egos with a problem are left out, every valid ego is kept, and the
report is attached as ``ds.meta["problems"]``. With ``strict=True`` any problem raises one
:class:`netles.ValidationError` listing them all.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..dataset import Dataset
from ..errors import Problem, ValidationError
from .dataset_folder import (
    TABLES,
    check_no_names,
    is_dataset_folder,
    read_dataset_folder_tables,
    write_dataset_folder,
)
from .mapping import Mapping, apply_mapping, read_mapping

__all__ = ["RawDataset", "detect_format", "read_dataset", "write_dataset", "FORMATS"]

FORMATS = ("folder", "network_canvas", "egor", "graphml")
"""The formats :func:`read_dataset` can read."""


@dataclass
class RawDataset:
    """Three tables as read, before validation, with the problems found while reading."""

    egos: pd.DataFrame | None
    alters: pd.DataFrame | None
    ties: pd.DataFrame | None
    problems: list[Problem] = field(default_factory=list)
    broken: set = field(default_factory=set)
    files: tuple[str, str, str] = ("egos.csv", "alters.csv", "ties.csv")
    format: str = "folder"
    meta: dict = field(default_factory=dict)


def detect_format(path: str | os.PathLike) -> str:
    """Which format a path holds: one of :data:`FORMATS`.

    Raises
    ------
    FileNotFoundError
        If the path does not exist.
    ValidationError
        If the folder is empty or holds nothing netles recognises.

    Examples
    --------
    >>> import tempfile
    >>> detect_format(tempfile.mkdtemp())
    Traceback (most recent call last):
    ...
    netles.errors.ValidationError: ...: the folder is empty (allowed: egos/alters/ties files, a Network Canvas export, egor's three tables or GraphML)
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path} does not exist")
    if path.is_file():
        if path.suffix.lower() in (".graphml", ".xml"):
            return "graphml"
        raise ValidationError(Problem("is a single file netles cannot read as a dataset", file=str(path), allowed=_ALLOWED))
    names = [p.name for p in path.iterdir() if p.is_file() and not p.name.startswith(".")]
    if not names:
        raise ValidationError(Problem("the folder is empty", file=str(path), allowed=_ALLOWED))
    from .egor import is_egor_folder

    if is_dataset_folder(path):
        # egor's tables may be called egos.csv/alters.csv too: their ids tell them apart
        if not (is_egor_folder(path) and not _has_netles_ids(path)):
            return "folder"
    from .network_canvas import is_network_canvas_folder

    if is_network_canvas_folder(path):
        return "network_canvas"
    if any(n.lower().endswith(".graphml") for n in names):
        return "graphml"
    if is_egor_folder(path):
        return "egor"
    raise ValidationError(Problem(f"holds no dataset files netles recognises ({', '.join(sorted(names)[:5])})", file=str(path), allowed=_ALLOWED))


def _has_netles_ids(folder: Path) -> bool:
    from .egor import _header

    egos = folder / "egos.csv"
    return not egos.is_file() or "ego_id" in _header(egos)


_ALLOWED = "egos/alters/ties files, a Network Canvas export, egor's three tables or GraphML"


def _read_raw(path: Path, fmt: str, mapping: Mapping | None) -> RawDataset:
    if fmt == "folder":
        tables, problems, broken = read_dataset_folder_tables(path)
        frames = {}
        for table in TABLES:
            raw = tables.get(table)
            frame, found = apply_mapping(raw.frame if raw is not None else None, table, mapping)
            problems.extend(found)
            frames[table] = frame
        files = tuple((tables[t].file if tables.get(t) is not None else f"{t}.csv") for t in TABLES)
        return RawDataset(frames["egos"], frames["alters"], frames["ties"], problems, broken, files, "folder")
    if fmt == "network_canvas":
        from .network_canvas import read_network_canvas_tables

        return read_network_canvas_tables(path, mapping)
    if fmt == "egor":
        from .egor import read_egor_tables

        return read_egor_tables(path, mapping)
    if fmt == "graphml":
        from .graphml import read_graphml_tables

        return read_graphml_tables(path, mapping)
    raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")


def read_dataset(path: str | os.PathLike, mapping=None, strict: bool = False, format: str | None = None) -> Dataset:
    """Read a dataset of ego networks, collecting every problem.

    Parameters
    ----------
    path : path-like
        A netles dataset folder, a Network Canvas export folder, a folder with egor's three
        tables, or a GraphML file or folder.
    mapping : path-like, dict or Mapping, optional
        A YAML mapping file from the study's variables onto netles fields (see
        :mod:`netles.io.mapping`).
    strict : bool
        Raise on any problem instead of leaving out the egos that have one.
    format : str, optional
        One of :data:`FORMATS`; judged from the files when not given.

    Returns
    -------
    Dataset
        The valid egos. ``ds.meta["problems"]`` is the
        :class:`~netles.validation.ValidationReport` (every problem, egos kept and excluded);
        ``ds.meta["format"]`` the format read.

    Raises
    ------
    FileNotFoundError
        If ``path`` does not exist.
    ValidationError
        If the path holds nothing readable as a dataset, if the mapping is invalid, or (with
        ``strict=True``) if anything is wrong, listing every problem.

    Examples
    --------
    >>> import tempfile
    >>> from netles import datasets
    >>> folder = write_dataset(Dataset.from_networks([datasets.load_case("voorbeeld")]), tempfile.mkdtemp(), allow_names=True)
    >>> ds = read_dataset(folder)
    >>> len(ds), len(ds.alters), ds.meta["problems"].ok
    (1, 6, True)
    >>> ds.network("voorbeeld").alter("A")["support"]
    ['practical', 'emotional', 'companionship']
    """
    from ..validation import validate_tables

    path = Path(path)
    mapping = read_mapping(mapping)
    fmt = format or detect_format(path)
    raw = _read_raw(path, fmt, mapping)
    ds, report = validate_tables(
        raw.egos, raw.alters, raw.ties, problems=raw.problems, broken_egos=raw.broken, files=raw.files, source=str(path)
    )
    if strict:
        report.raise_if_any()
    ds.meta.update(raw.meta)
    ds.meta["format"] = fmt
    ds.meta["problems"] = report
    return ds


def write_dataset(ds: Dataset, path: str | os.PathLike, format: str | None = None, allow_names: bool = False) -> Path:
    """Write a dataset as a netles folder (CSV or Parquet) or as GraphML.

    Parameters
    ----------
    ds : Dataset
        The dataset.
    path : path-like
        A folder (created if needed), or a ``.graphml`` file.
    format : {"csv", "parquet", "graphml"}, optional
        Default: ``graphml`` for a path ending in ``.graphml``, else ``csv``.
    allow_names : bool
        Write a ``name`` column that holds values. Refused by default: anonymise first.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    ValidationError
        If the dataset still holds names and ``allow_names`` is false.
    """
    path = Path(path)
    if format is None:
        format = "graphml" if path.suffix.lower() == ".graphml" else "csv"
    if format == "graphml":
        from .graphml import write_graphml

        check_no_names(ds, allow_names)
        return write_graphml(ds, path, allow_names=allow_names)
    return write_dataset_folder(ds, path, format=format, allow_names=allow_names)
