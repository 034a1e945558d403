"""Three tables as R users write them: egor's egos/alters/alter ties, ideanet's, R's ``write.csv``.

The R package egor keeps an ego-network study as three tables: egos, alters and alter-alter ties.
What its users (and ideanet's) write to CSV varies, and all of it is recognised from the files
alone, with no mapping:

* **id columns**: egor's import names ``egoID``, ``alterID``, ``Source``, ``Target``; the names of
  egor objects (``.egoID``, ``.altID``, ``.srcID``, ``.tgtID``, and ``.EGOID``, ``.ALTID``,
  ``.SRCID``, ``.TGTID`` of its example data ``alters32``...); ideanet's ``ego_id``, ``alter_id``,
  ``alter1``, ``alter2``; EgoWeb's ``EgoID``, ``Alter.Number``, ``Alter.1.Number``,
  ``Alter.2.Number``. Which file is which is told from these columns, not from the file names: the
  file with a source and a target column holds the ties, the one with an alter id the alters,
  the remaining one with an ego id the egos.
* **file names** with a study suffix or prefix (``egos_32.csv``, ``alteri_32.csv``,
  ``edges_32.csv``; ``ngq_egos.csv``). A folder holding several such sets is not guessed at: the
  error lists the sets, and one is chosen by giving the path of one of its files.
* **R's conventions**: ``write.csv`` (``,``) and ``write.csv2`` (``;``, decimal comma), a first,
  unnamed column of row names (left out), ``NA`` for missing, ``TRUE``/``FALSE``, ids that are
  numbers in one table and quoted text in another (``1`` and ``"1"`` are one id).
* **tie types**: a ``type`` column in the tie table (ideanet writes one row per type per pair)
  becomes a true/false column ``edge_<type>`` on one tie per pair; ``edge_types=`` keeps only the
  named types.

Values that do not fit a netles field (egor's ego ``age`` holding classes like ``"56 - 65"``) are
kept under their own name (see :mod:`netles.validation`); study variables keep their names
(``alter.sex``, ``sex``) unless a mapping translates them.

References
----------
.. [1] Krenz, T., Krivitsky, P. N., Vacca, R., Bojanowski, M., & Herz, A. egor: Import and
   Analyse Ego-Centered Network Data (R package), ``threefiles_to_egor`` and the example data
   ``egos32``, ``alters32``, ``aaties32`` and ``inst/extdata``.
.. [2] Wolff, T. et al. ideanet: Integrating Data Exchange and Analysis for Networks (R package),
   ``ego_netwrite`` and the example data ``ngq_egos``, ``ngq_alters``, ``ngq_aa``.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..errors import Problem, UsageError
from .mapping import Mapping, apply_mapping
from .raw import EDGE_TYPE, RawTables, drop_row_names, merge_tie_types
from .tables import DICTIONARY_COLUMNS, located_problems, read_header, read_table

__all__ = ["ID_COLUMNS", "is_egor_folder", "egor_sets", "read_egor_tables", "EGOR_ID_COLUMNS"]

ID_COLUMNS = {
    "ego_id": ("ego_id", "egoID", ".egoID", ".EGOID", "EgoID", "egoId", "ego"),
    "alter_id": ("alter_id", "alterID", ".altID", ".ALTID", "alterId", "Alter.Number"),
    "source": ("source", "Source", ".srcID", ".SRCID", "alter1", "Alter.1.Number", "from"),
    "target": ("target", "Target", ".tgtID", ".TGTID", "alter2", "Alter.2.Number", "to"),
}
"""The spellings of each id column, in the order they are tried."""
EGOR_ID_COLUMNS = {alias: field for field, aliases in ID_COLUMNS.items() for alias in aliases}
"""Every id column spelling and the netles field it becomes."""
TYPE_COLUMNS = ("type", "edge_type", "tie_type", "Type")
"""Tie-table columns that name the tie's type."""
_ROLE_WORD = re.compile(r"(?i)(alter_alter|aaties|alteri|alters|alter|egos|ego|edgelist|edges|edge|ties|tie|nodes|node|aa)")


def _find(columns, field: str) -> str | None:
    for alias in ID_COLUMNS[field]:
        if alias in columns:
            return alias
    return None


def _kind(columns: list[str]) -> str | None:
    names = set(columns)
    if _find(names, "source") and _find(names, "target"):
        return "ties"
    if _find(names, "alter_id"):
        return "alters"
    if _find(names, "ego_id"):
        return "egos"
    return None


def _set_key(path: Path) -> str:
    """What a file's name says about which set it belongs to: the name without its role word."""
    return _ROLE_WORD.sub("", path.stem, count=1)


def _csv_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.csv") if p.is_file() and not p.name.startswith("."))


def egor_sets(folder: str | os.PathLike) -> dict[str, dict[str, Path]]:
    """The sets of three tables in a folder: ``{set key: {"egos": path, "alters": ..., "ties": ...}}``.

    Files are assigned to a set by their name without its role word (``egos_32`` and
    ``alteri_32`` both belong to set ``"_32"``); when every role has a single file, they are one
    set whatever their names.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for name, head in (("egos_32", "egoID"), ("alters_32", "egoID;alterID"), ("edges_32", "egoID;Source;Target"),
    ...                    ("egos_8", "egoID"), ("alteri_8", "egoID;alterID"), ("edges_8", "egoID;Source;Target")):
    ...     _ = (folder / f"{name}.csv").write_text(head + "\\n")
    >>> {k: sorted(p.name for p in v.values()) for k, v in egor_sets(folder).items()}
    {'_32': ['alters_32.csv', 'edges_32.csv', 'egos_32.csv'], '_8': ['alteri_8.csv', 'edges_8.csv', 'egos_8.csv']}
    """
    folder = Path(folder)
    by_kind: dict[str, list[Path]] = {}
    for path in _csv_files(folder):
        kind = _kind(read_header(path)[0])
        if kind:
            by_kind.setdefault(kind, []).append(path)
    if by_kind and all(len(paths) == 1 for paths in by_kind.values()):
        return {"": {kind: paths[0] for kind, paths in by_kind.items()}}
    sets: dict[str, dict[str, Path]] = {}
    for kind, paths in by_kind.items():
        for path in paths:
            sets.setdefault(_set_key(path), {}).setdefault(kind, path)
    return dict(sorted(sets.items()))


def is_egor_folder(folder: str | os.PathLike) -> bool:
    """Whether a folder holds CSV files with an ego id column of one of the known spellings."""
    return any(_kind(read_header(p)[0]) for p in _csv_files(Path(folder)))


def _choose(path: Path) -> tuple[Path, dict[str, Path]]:
    folder = path.parent if path.is_file() else path
    sets = egor_sets(folder)
    if path.is_file():
        for files in sets.values():
            if path in files.values():
                return folder, files
        raise UsageError(f"{path.name} is not an ego, alter or tie table (no ego id column such as egoID or ego_id)")
    complete = {k: v for k, v in sets.items() if "egos" in v and "alters" in v}
    if len(complete) > 1:
        listed = "; ".join(" + ".join(p.name for p in files.values()) for files in complete.values())
        example = next(iter(complete.values()))["egos"]
        raise UsageError(f"{folder} holds {len(complete)} datasets ({listed}); choose one by giving one of its files, "
                         f"for example {example}")
    return folder, next(iter(complete.values())) if complete else (next(iter(sets.values())) if sets else {})


def read_egor_tables(path: str | os.PathLike, mapping: Mapping | None = None, na_values=None, edge_types=None) -> RawTables:
    """Read three tables from a folder, or the set a given file belongs to (not yet validated).

    Used by :func:`netles.read_dataset`; see the module documentation for the conventions.

    Raises
    ------
    UsageError
        If the folder holds several sets and none is chosen.
    """
    path = Path(path)
    folder, chosen = _choose(path)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    broken: set = set()
    for extra in _csv_files(folder):
        if extra.stat().st_size == 0 and extra not in chosen.values():
            problems.append(Problem("is empty (0 bytes): nothing could be read", file=extra.name, allowed="one of the three tables"))
            broken.add("*")  # a table of unknown kind is lost: no network is known for sure
    frames = {}
    files = []
    dictionary = DICTIONARY_COLUMNS | set(EGOR_ID_COLUMNS) | set(TYPE_COLUMNS)
    for kind in ("egos", "alters", "ties"):
        file = chosen.get(kind)
        if file is None:
            problems.append(Problem(f"no {kind} table found", file=folder.name, allowed=f"a CSV file with the columns {_needed(kind)}"))
            broken.add("*")
            frames[kind] = None
            files.append(f"{kind}.csv")
            continue
        raw = read_table(file, na_values=na_values, dictionary_columns=dictionary)
        files.append(raw.file)
        ego_column = _find(raw.header or [], "ego_id")
        problems.extend(located_problems(raw, ego_column, broken))
        if raw.frame is None and kind != "egos":
            broken.add("*")
        frame = drop_row_names(raw.frame)
        if frame is not None:
            renames = {}
            for field in ("ego_id", "alter_id") if kind != "ties" else ("ego_id", "source", "target"):
                alias = _find(frame.columns, field)
                if alias is not None and alias != field:
                    renames[alias] = field
            if kind == "ties":
                type_column = next((c for c in TYPE_COLUMNS if c in frame.columns), None)
                if type_column is not None and type_column != EDGE_TYPE:
                    renames[type_column] = EDGE_TYPE
            frame = frame.rename(columns=renames)
        frame, found = apply_mapping(frame, kind, mapping)
        problems.extend(found)
        if kind == "ties" and frame is not None:
            types = edge_types if edge_types is not None else (mapping.edge_types() if mapping is not None else None)
            frame, notes = merge_tie_types(frame, types, file=raw.file)
            warnings.extend(notes)
        frames[kind] = frame
    return RawTables(frames["egos"], frames["alters"], frames["ties"], problems, broken, tuple(files), "egor",
                     warnings=warnings, declared={t: mapping.declared(t) for t in ("egos", "alters", "ties")} if mapping else {},
                     moment_order=mapping.moment_order() if mapping is not None else None)


def _needed(kind: str) -> str:
    return {"egos": "egoID", "alters": "egoID, alterID", "ties": "egoID, Source, Target"}[kind]
