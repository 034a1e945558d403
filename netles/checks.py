"""Argument checks, run before any work starts: by the ``netles`` subcommands, the lesson runner
and the widgets that save files.

The checks sit at the bottom of the package (they need only :mod:`netles.errors`), so that every
layer may use them; they used to be ``netles.commands.checks``.

Each check raises :class:`netles.errors.UsageError` with one plain sentence (Dutch by default,
English with ``lang="en"``); the ``netles`` command prints it as one line and exits with status 2.

>>> existing_path("/geen/map/hier", lang="en")
Traceback (most recent call last):
...
netles.errors.UsageError: /geen/map/hier does not exist
"""
from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from .errors import UsageError

__all__ = ["existing_path", "output_file", "output_folder", "at_least", "describe_os_error"]

_OS_REASONS = {
    errno.ENOENT: ("bestaat niet", "does not exist"),
    errno.EACCES: ("geen toegang: je mag hier niet lezen of schrijven", "permission denied"),
    errno.EPERM: ("geen toegang: je mag hier niet lezen of schrijven", "permission denied"),
    errno.EISDIR: ("is een map, geen bestand", "is a folder, not a file"),
    errno.ENOTDIR: ("is geen map", "is not a folder"),
    errno.ENOSPC: ("de schijf is vol; maak ruimte vrij en probeer het opnieuw",
                   "the disk is full; free some space and try again"),
    errno.EDQUOT: ("je schijfruimte (quotum) is op", "the disk quota is used up"),
    errno.EROFS: ("staat op een schijf waarop niet geschreven mag worden", "is on a read-only disk"),
    errno.EEXIST: ("bestaat al", "already exists"),
    errno.ENAMETOOLONG: ("de naam is te lang", "the name is too long"),
    errno.ENOTEMPTY: ("de map is niet leeg", "the folder is not empty"),
}


def _pick(lang: str, nl: str, en: str) -> str:
    return en if lang == "en" else nl


def describe_os_error(exc: OSError, lang: str = "nl") -> str:
    """One plain sentence for an operating-system error (missing file, full disk, no permission).

    Examples
    --------
    >>> describe_os_error(FileNotFoundError(2, "No such file or directory", "kaart.json"))
    'kaart.json bestaat niet'
    >>> describe_os_error(OSError(28, "No space left on device", "/out/egos.csv"), lang="en")
    '/out/egos.csv: the disk is full; free some space and try again'
    """
    reason = _OS_REASONS.get(exc.errno)
    where = exc.filename if exc.filename is not None else None
    if reason is None:
        text = exc.strerror or str(exc)
    else:
        text = reason[1] if lang == "en" else reason[0]
    if where is None:
        return text
    if exc.errno in (errno.ENOENT, errno.EISDIR, errno.ENOTDIR, errno.EEXIST):
        return f"{where} {text}"
    return f"{where}: {text}"


def existing_path(path: str | os.PathLike, kind: str = "any", *, lang: str = "nl", what: str | None = None) -> Path:
    """``path`` as a Path if it exists and is of the right kind (``"file"``, ``"folder"`` or ``"any"``).

    Examples
    --------
    >>> existing_path(tempfile.gettempdir(), "file")
    Traceback (most recent call last):
    ...
    netles.errors.UsageError: ... is een map; geef een bestand
    """
    p = Path(path)
    label = f"{what} {p}" if what else str(p)
    if not p.exists():
        raise UsageError(_pick(lang, f"{label} bestaat niet", f"{label} does not exist"))
    if kind == "file" and p.is_dir():
        raise UsageError(_pick(lang, f"{label} is een map; geef een bestand", f"{label} is a folder; give a file"))
    if kind == "folder" and not p.is_dir():
        raise UsageError(_pick(lang, f"{label} is een bestand; geef een map", f"{label} is a file; give a folder"))
    if not os.access(p, os.R_OK):
        raise UsageError(_pick(lang, f"{label}: geen toegang om te lezen", f"{label}: permission denied"))
    return p


def _writable_folder(folder: Path, lang: str, label: str) -> None:
    probe_from = folder
    while not probe_from.exists():
        probe_from = probe_from.parent
    if not probe_from.is_dir():
        raise UsageError(_pick(lang, f"{label}: {probe_from} is een bestand, geen map",
                               f"{label}: {probe_from} is a file, not a folder"))
    try:
        with tempfile.TemporaryFile(dir=probe_from):
            pass
    except OSError as exc:
        raise UsageError(_pick(lang, f"kan niet schrijven in {probe_from}: ", f"cannot write in {probe_from}: ")
                         + describe_os_error(OSError(exc.errno, exc.strerror), lang)) from None


def output_file(path: str | os.PathLike, *, lang: str = "nl", suffixes: tuple[str, ...] = ()) -> Path:
    """``path`` as a Path if a file can be written there (not a folder, its folder writable).

    Examples
    --------
    >>> output_file(tempfile.gettempdir())
    Traceback (most recent call last):
    ...
    netles.errors.UsageError: ... is een map; geef een bestandsnaam, bijvoorbeeld .../uitvoer.html
    """
    p = Path(path)
    if p.is_dir():
        example = p / ("uitvoer" + (suffixes[0] if suffixes else ".html"))
        raise UsageError(_pick(lang, f"{p} is een map; geef een bestandsnaam, bijvoorbeeld {example}",
                               f"{p} is a folder; give a file name, e.g. {example}"))
    if suffixes and p.suffix.lower() not in suffixes:
        raise UsageError(_pick(lang, f"{p}: de naam moet eindigen op {' of '.join(suffixes)}",
                               f"{p}: the name must end in {' or '.join(suffixes)}"))
    _writable_folder(p.parent if str(p.parent) else Path("."), lang, str(p))
    return p


def output_folder(path: str | os.PathLike, *, lang: str = "nl") -> Path:
    """``path`` as a Path if an output folder can be made or replaced there (not a file, writable)."""
    p = Path(path)
    if p.exists() and not p.is_dir():
        raise UsageError(_pick(lang, f"{p} is een bestand; geef een map", f"{p} is a file; give a folder"))
    _writable_folder(p.parent if p.exists() or not str(p.parent) else p, lang, str(p))
    if p.exists():
        _writable_folder(p.parent, lang, str(p))
    return p


def at_least(value: int | float, minimum: int | float, option: str, *, lang: str = "nl"):
    """``value`` if it is at least ``minimum``.

    Examples
    --------
    >>> at_least(0, 1, "--k")
    Traceback (most recent call last):
    ...
    netles.errors.UsageError: --k moet minstens 1 zijn, niet 0
    """
    if value < minimum:
        raise UsageError(_pick(lang, f"{option} moet minstens {minimum} zijn, niet {value}",
                               f"{option} must be at least {minimum}, not {value}"))
    return value
