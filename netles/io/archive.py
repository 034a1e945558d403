"""Datasets as they arrive: a ``.zip`` download, a folder whose only content is another folder.

Network Canvas hands its export over as a ``.zip``; a zip made on a Mac adds ``__MACOSX/`` entries
with ``._`` resource files, and unzipping often gives a folder that only holds the real folder.
:func:`opened` turns any of these into the folder that holds the data files, without changing
the input: a zip is unpacked into a temporary folder (entries outside the archive's own tree,
Mac resource files and hidden files are skipped) that is removed afterwards.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from ..errors import Problem, ValidationError

__all__ = ["opened", "data_folder", "is_zip"]

_SKIP_NAMES = (".DS_Store", "Thumbs.db", "desktop.ini")


def _ignored(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return (not parts or parts[0] == "__MACOSX" or any(p.startswith("._") for p in parts)
            or parts[-1] in _SKIP_NAMES or any(p.startswith(".") for p in parts))


def is_zip(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a zip archive (judged by its content, not only its name)."""
    path = Path(path)
    return path.is_file() and (path.suffix.lower() == ".zip" or zipfile.is_zipfile(path)) and zipfile.is_zipfile(path)


def data_folder(folder: Path) -> Path:
    """Descend while a folder holds nothing but one subfolder (hidden and Mac files aside)."""
    folder = Path(folder)
    while folder.is_dir():
        entries = [p for p in folder.iterdir() if not _ignored(p.name)]
        if len(entries) == 1 and entries[0].is_dir():
            folder = entries[0]
            continue
        break
    return folder


@contextlib.contextmanager
def opened(path: str | os.PathLike):
    """The folder (or file) that holds the data of ``path``; a zip is unpacked for the duration.

    Raises
    ------
    ValidationError
        For a damaged zip file, or one whose entries would land outside its folder.
    """
    path = Path(path)
    if not is_zip(path):
        yield data_folder(path) if path.is_dir() else path
        return
    with tempfile.TemporaryDirectory(prefix="netles-zip-") as tmp:
        root = Path(tmp).resolve()
        try:
            with zipfile.ZipFile(path) as archive:
                for info in archive.infolist():
                    if info.is_dir() or _ignored(info.filename):
                        continue
                    target = (root / info.filename).resolve()
                    if root not in target.parents:
                        raise ValidationError(Problem(f"holds an entry outside its own folder ({info.filename!r})", file=str(path),
                                                      allowed="a zip file as an export tool writes it"))
                    target.parent.mkdir(parents=True, exist_ok=True)
                    with archive.open(info) as source, open(target, "wb") as out:
                        while chunk := source.read(1 << 20):
                            out.write(chunk)
        except zipfile.BadZipFile as exc:
            raise ValidationError(Problem(f"is not a readable zip file ({exc})", file=str(path), allowed="a zip file")) from None
        yield data_folder(root)
