"""The netles dataset folder: ``egos``, ``alters`` and ``ties`` as CSV or Parquet.

A folder holds three tables with the columns of the data model plus ``ego_id`` (see
:mod:`netles.longtables`): ``egos.csv`` (``ego_id``, ``gender``, ``age``, ``group``, free columns),
``alters.csv`` (``ego_id``, ``alter_id``, ``relation``... and the boolean support columns
``support_<function>``) and ``ties.csv`` (``ego_id``, ``source``, ``target``, ``weight``), or the
same names with ``.parquet``; a dataset with moments has a ``moment`` column in all three. CSV
files are UTF-8 with a header row; ``,``, ``;`` and tab are all recognised, and a decimal comma is
read as a decimal point.

:func:`write_dataset_folder` writes the three files all or nothing and refuses a dataset that
still holds names unless told otherwise.
"""
from __future__ import annotations

import io
import os
from pathlib import Path

import pandas as pd

from ..errors import Problem, ValidationError
from ..longtables import Dataset
from ..spreadsheet import spreadsheet_safe
from .atomic import atomic_write_bytes, atomic_write_text
from .mapping import Mapping, apply_mapping
from .raw import RawTables
from .tables import RawTable, located_problems, read_table

__all__ = ["TABLES", "is_dataset_folder", "read_folder", "read_dataset_folder_tables", "write_dataset_folder", "check_no_names"]

TABLES = ("egos", "alters", "ties")
FORMATS = ("csv", "parquet")
NAME_COLUMNS = ("name",)
"""Columns that hold (pseudonymised) names; the writer refuses them unless ``allow_names``."""


def _files(folder: Path) -> dict[str, dict[str, Path]]:
    found: dict[str, dict[str, Path]] = {}
    for table in TABLES:
        for fmt in FORMATS:
            path = folder / f"{table}.{fmt}"
            if path.is_file():
                found.setdefault(table, {})[fmt] = path
    return found


def is_dataset_folder(folder: str | os.PathLike) -> bool:
    """Whether ``folder`` holds an ``egos.csv`` or ``egos.parquet`` file."""
    return bool(_files(Path(folder)).get("egos"))


def read_dataset_folder_tables(folder: str | os.PathLike, na_values=None) -> tuple[dict[str, RawTable | None], list[Problem], set]:
    """Read the three tables of a dataset folder without interpreting values.

    Returns
    -------
    (tables, problems, broken_egos)
        ``tables`` maps ``egos``/``alters``/``ties`` to a :class:`~netles.io.tables.RawTable` (or
        None when the file is missing); ``problems`` holds what stopped a file from being read;
        ``broken_egos`` is ``{"*"}`` when the alters or ties are unreadable, because then no ego's
        network is known for sure.
    """
    folder = Path(folder)
    found = _files(folder)
    problems: list[Problem] = []
    tables: dict[str, RawTable | None] = {}
    broken: set = set()
    for table in TABLES:
        options = found.get(table, {})
        if len(options) > 1:
            problems.append(
                Problem(f"both {table}.csv and {table}.parquet exist; it is unclear which one to read", file=table + ".csv", allowed="one of the two")
            )
            broken.add("*")
        if not options:
            problems.append(Problem("is missing", file=f"{table}.csv", allowed=f"a file {table}.csv or {table}.parquet in {folder.name}"))
            tables[table] = None
            broken.add("*")
            continue
        path = options.get("csv") or options["parquet"]
        raw = read_table(path, na_values=na_values, typed=True)
        problems.extend(located_problems(raw, "ego_id", broken))
        tables[table] = raw
        if raw.frame is None and table != "egos":
            broken.add("*")
    return tables, problems, broken


def read_folder(path: str | os.PathLike, mapping: Mapping | None = None, na_values=None, edge_types=None) -> RawTables:
    """The raw tables of a netles dataset folder (see the module documentation)."""
    from .raw import drop_row_names, merge_tie_types

    tables, problems, broken = read_dataset_folder_tables(path, na_values=na_values)
    frames = {}
    warnings = []
    for table in TABLES:
        raw = tables.get(table)
        # the three tables as R's write.csv writes them start with a column of row names
        frame, found = apply_mapping(drop_row_names(raw.frame) if raw is not None else None, table, mapping)
        problems.extend(found)
        frames[table] = frame
    if frames["ties"] is not None:
        types = edge_types if edge_types is not None else (mapping.edge_types() if mapping is not None else None)
        frames["ties"], notes = merge_tie_types(frames["ties"], types, file=tables["ties"].file if tables.get("ties") else "ties.csv")
        warnings.extend(notes)
    files = tuple((tables[t].file if tables.get(t) is not None else f"{t}.csv") for t in TABLES)
    return RawTables(frames["egos"], frames["alters"], frames["ties"], problems, broken, files, "folder", warnings=warnings,
                     declared={t: mapping.declared(t) for t in TABLES} if mapping is not None else {},
                     moment_order=mapping.moment_order() if mapping is not None else None)


def check_no_names(ds: Dataset, allow_names: bool = False) -> None:
    """Refuse a dataset that still holds a name column with values.

    Raises
    ------
    ValidationError
        Naming the table and column, unless ``allow_names`` is true.
    """
    if allow_names:
        return
    for table in TABLES:
        frame = getattr(ds, table)
        for column in NAME_COLUMNS:
            if column in frame.columns and frame[column].notna().any():
                raise ValidationError(
                    Problem(
                        f"the {table} table still holds names in column {column!r}; anonymise the dataset first "
                        "(netles.anonymise) or pass allow_names=True if these are agreed pseudonyms",
                        file=f"{table}", field=column, allowed="no name column",
                    )
                )


def write_dataset_folder(ds: Dataset, folder: str | os.PathLike, format: str = "csv", allow_names: bool = False) -> Path:
    """Write a dataset as a folder of three tables.

    Parameters
    ----------
    ds : Dataset
        The dataset.
    folder : path-like
        Created if needed; ``egos``, ``alters`` and ``ties`` files are replaced atomically.
    format : {"csv", "parquet"}
        File format.
    allow_names : bool
        Write a ``name`` column that holds values; refused by default.

    Returns
    -------
    pathlib.Path
        The folder.

    Raises
    ------
    ValidationError
        If the dataset holds names and ``allow_names`` is false.
    ValueError
        For an unknown format, or when the folder already holds the other format's tables
        (a reader would not know which to read).

    Examples
    --------
    >>> import tempfile
    >>> from netles import datasets
    >>> ds = Dataset.from_networks([datasets.load_case("voorbeeld")])
    >>> write_dataset_folder(ds, tempfile.mkdtemp())
    Traceback (most recent call last):
    ...
    netles.errors.ValidationError: alters, field 'name': the alters table still holds names in column 'name'; ... (allowed: no name column)
    >>> folder = write_dataset_folder(ds, tempfile.mkdtemp(), allow_names=True)
    >>> sorted(p.name for p in folder.iterdir())
    ['alters.csv', 'egos.csv', 'ties.csv']
    """
    if format not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {format!r}")
    check_no_names(ds, allow_names)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    other = [f for f in FORMATS if f != format][0]
    clash = [folder / f"{t}.{other}" for t in TABLES if (folder / f"{t}.{other}").exists()]
    if clash:
        raise ValueError(f"{folder} already holds {clash[0].name}; write to an empty folder or remove the {other} files first")
    for table in TABLES:
        frame = getattr(ds, table)
        path = folder / f"{table}.{format}"
        if format == "csv":
            atomic_write_text(path, spreadsheet_safe(frame).to_csv(index=False, lineterminator="\n"))
        else:
            buffer = io.BytesIO()
            _parquet_ready(frame).to_parquet(buffer, index=False)
            atomic_write_bytes(path, buffer.getvalue())
    return folder


def _parquet_ready(frame: pd.DataFrame) -> pd.DataFrame:
    """Object columns mixing types cannot go to Parquet; store those as text."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object:
            kinds = {type(v) for v in out[column].dropna()}
            if len(kinds) > 1 or (kinds and not kinds <= {str}):
                if kinds <= {bool}:
                    continue
                out[column] = out[column].map(lambda v: v if v is None else str(v))
    return out
