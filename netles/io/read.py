"""``read_dataset``: many ego networks from the files researchers have, as the tools write them.

:func:`read_dataset` judges the format from the files alone, reads them with the reader module of
that format into the same raw tables (:class:`~netles.io.raw.RawTables`), and passes those through
the one validation step (:func:`netles.validation.validate_tables`):

========================  ==================================================  ==========================
format                    what it looks like                                  reader
========================  ==================================================  ==========================
``folder``                ``egos``, ``alters``, ``ties`` as CSV or Parquet    :mod:`netles.io.folder`
``egor``                  three CSV tables with egor/ideanet/EgoWeb ids       :mod:`netles.io.egor`
``network_canvas``        ``*_ego.csv``, ``*_attributeList_*``,               :mod:`netles.io.network_canvas`
                          ``*_edgeList_*`` per session
``graphml``               a GraphML file, or a folder of them (netles,        :mod:`netles.io.graphml`
                          Network Canvas, networkx, igraph)
========================  ==================================================  ==========================

A ``.zip`` (such as a Network Canvas export as downloaded) is read as the folder it holds, and a
folder whose only content is another folder as that folder (:mod:`netles.io.archive`). Reading
never changes the input. Every problem is collected (file, row, ego, field, what is allowed); by
default the egos with a problem are left out, every valid ego is kept, and the report is attached
as ``ds.meta["problems"]``. With ``strict=True`` any problem raises one
:class:`netles.ValidationError` listing them all.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import Problem, ValidationError
from ..longtables import Dataset
from ..validation import validate_tables
from .archive import is_zip, opened
from .mapping import Mapping, read_mapping
from .raw import RawTables

__all__ = ["detect_format", "read_dataset", "read_raw", "FORMATS"]

FORMATS = ("folder", "network_canvas", "egor", "graphml")
"""The formats :func:`read_dataset` can read."""

_ALLOWED = "egos/alters/ties files, a Network Canvas export (folder or zip), egor's three tables or GraphML"


def detect_format(path: str | os.PathLike) -> str:
    """Which format a path holds: one of :data:`FORMATS` (from the files, never from a mapping).

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
    netles.errors.ValidationError: ...: the folder is empty (allowed: egos/alters/ties files, a Network Canvas export (folder or zip), egor's three tables or GraphML)
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path} does not exist")
    if is_zip(path):
        with opened(path) as folder:
            return detect_format(folder)
    if path.is_file():
        suffix = path.suffix.lower()
        if suffix in (".graphml", ".xml"):
            return "graphml"
        if suffix == ".csv":
            from .egor import _kind
            from .tables import read_header

            if _kind(read_header(path)[0]):
                return "egor"
        raise ValidationError(Problem("is a single file netles cannot read as a dataset", file=str(path), allowed=_ALLOWED))
    from .archive import data_folder

    path = data_folder(path)
    names = [p.name for p in path.iterdir() if p.is_file() and not p.name.startswith(".")]
    if not names and not any(p.is_dir() for p in path.iterdir()):
        raise ValidationError(Problem("the folder is empty", file=str(path), allowed=_ALLOWED))
    from .egor import is_egor_folder
    from .folder import is_dataset_folder
    from .network_canvas import is_network_canvas_folder

    if is_dataset_folder(path) and _has_netles_ids(path):
        return "folder"
    if is_network_canvas_folder(path):
        return "network_canvas"
    if any(n.lower().endswith(".graphml") for n in names):
        return "graphml"
    if is_egor_folder(path):
        return "egor"
    if is_dataset_folder(path):
        return "folder"  # our file names without our id columns: say what is missing
    if not names:
        raise ValidationError(Problem("the folder is empty", file=str(path), allowed=_ALLOWED))
    raise ValidationError(Problem(f"holds no dataset files netles recognises ({', '.join(sorted(names)[:5])})", file=str(path), allowed=_ALLOWED))


def _has_netles_ids(folder: Path) -> bool:
    from .tables import read_header

    for suffix in ("csv", "parquet"):
        egos = folder / f"egos.{suffix}"
        if egos.is_file():
            if suffix == "parquet":
                import pyarrow.parquet as pq

                try:
                    return "ego_id" in pq.read_schema(egos).names
                except Exception:  # a damaged file: let the folder reader say so
                    return True
            return "ego_id" in read_header(egos)[0] or egos.stat().st_size == 0
    return False


def read_raw(path: Path, fmt: str, mapping: Mapping | None, na_values=None, edge_types=None) -> RawTables:
    """The raw tables of ``path`` read as ``fmt`` (one of :data:`FORMATS`)."""
    na = [*(mapping.na_values() if mapping is not None else []), *(str(v) for v in (na_values or ()))]
    if fmt == "folder":
        from .folder import read_folder

        return read_folder(path, mapping, na, edge_types)
    if fmt == "network_canvas":
        from .network_canvas import read_network_canvas_tables

        return read_network_canvas_tables(path, mapping, na, edge_types)
    if fmt == "egor":
        from .egor import read_egor_tables

        return read_egor_tables(path, mapping, na, edge_types)
    if fmt == "graphml":
        from .graphml import read_graphml_tables

        return read_graphml_tables(path, mapping, na, edge_types)
    raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")


def read_dataset(path: str | os.PathLike, mapping=None, edge_types=None, na_values=None, *, strict: bool = False,
                 format: str | None = None) -> Dataset:
    """Read a dataset of ego networks, collecting every problem.

    Parameters
    ----------
    path : path-like
        A netles dataset folder, a Network Canvas export (folder or ``.zip``), a folder with
        three tables as egor or ideanet users write them (or one file of such a set, to choose
        among several sets in one folder), or a GraphML file or folder.
    mapping : path-like, dict or Mapping, optional
        A YAML mapping from the study's variables onto netles fields (see
        :mod:`netles.io.mapping`); only needed to add meaning, never to read the files.
    edge_types : list of str, optional
        Keep only ties of these types (Network Canvas edge types, a ``type`` column); default:
        all types, merged into one tie per pair with a flag per type.
    na_values : list of str, optional
        Cell values that mean "missing" besides empty cells and ``NA`` (e.g. ``["-99", "."]``).
    strict : bool
        Raise on any problem instead of leaving out the egos that have one.
    format : str, optional
        One of :data:`FORMATS`; judged from the files when not given.

    Returns
    -------
    Dataset
        The valid egos. ``ds.meta["problems"]`` is the
        :class:`~netles.validation.ValidationReport` (every problem, egos kept and excluded,
        notes such as metrics that will be NaN); ``ds.meta["format"]`` the format read.

    Raises
    ------
    FileNotFoundError
        If ``path`` does not exist.
    UsageError
        If a folder holds several datasets and none is chosen, or no tie has one of ``edge_types``.
    ValidationError
        If the path holds nothing readable as a dataset, if the mapping is invalid, or (with
        ``strict=True``) if anything is wrong, listing every problem.

    Examples
    --------
    >>> import tempfile
    >>> from netles import datasets
    >>> from netles.io import write_dataset
    >>> folder = write_dataset(Dataset.from_networks([datasets.load_case("voorbeeld")]), tempfile.mkdtemp(), allow_names=True)
    >>> ds = read_dataset(folder)
    >>> len(ds), len(ds.alters), ds.meta["problems"].ok
    (1, 6, True)
    >>> ds.network("voorbeeld").alter("A")["support"]
    ['practical', 'emotional', 'companionship']
    """
    path = Path(path)
    mapping = read_mapping(mapping)
    if not path.exists():
        raise FileNotFoundError(f"{path} does not exist")
    with opened(path) as actual:
        fmt = format or detect_format(actual)
        raw = read_raw(actual, fmt, mapping, na_values, edge_types)
    ds, report = validate_tables(
        raw.egos, raw.alters, raw.ties, problems=raw.problems, broken_egos=raw.broken, files=raw.files, source=str(path),
        declared=raw.declared, moment_order=raw.moment_order, warnings=raw.warnings,
    )
    if strict:
        report.raise_if_any()
    ds.meta.update(raw.meta)
    ds.meta["format"] = raw.format if raw.format != fmt else fmt
    ds.meta["problems"] = report
    return ds
