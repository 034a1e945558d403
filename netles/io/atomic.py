"""Atomic writes: a reader sees the old output or the new one, never half of one.

One file: :func:`atomic_write_bytes` / :func:`atomic_write_text` write a temporary file beside the
target and ``os.replace`` it in one step. Several files: :func:`atomic_folder` builds a whole output
folder beside the target and swaps it in at the end; :func:`atomic_files` writes a few files into a
folder that also holds other things (a lesson handout next to the student's own files) and renames
them into place only when all of them are complete. On any failure (a full disk, an interrupt, a bug)
the previous output stays complete and readable, and the temporary files are removed.
"""
from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable, Iterator

__all__ = ["atomic_write_bytes", "atomic_write_text", "atomic_folder", "atomic_files"]


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically.

    The bytes go to a temporary file in the same folder, are flushed to disk, and the temporary
    file then replaces ``path`` in one step (``os.replace``). A crash leaves either the old file or
    the new one, never a truncated file.

    Parameters
    ----------
    path : path-like
        Destination; its folder must exist.
    data : bytes
        The new contents.

    Returns
    -------
    pathlib.Path
        The destination.

    Raises
    ------
    IsADirectoryError
        If ``path`` is a folder (nothing is written).
    """
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def atomic_write_text(path: str | os.PathLike, text: str) -> Path:
    """Write ``text`` as UTF-8 to ``path`` atomically (see :func:`atomic_write_bytes`)."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def _fsync_tree(folder: Path) -> None:
    for root, _dirs, files in os.walk(folder):
        for name in files:
            with open(os.path.join(root, name), "rb") as handle:
                os.fsync(handle.fileno())


@contextlib.contextmanager
def atomic_folder(target: str | os.PathLike) -> Iterator[Path]:
    """Build a whole output folder beside ``target`` and swap it in when the block succeeds.

    Write every file of the output into the folder this yields. When the ``with`` block ends
    without an exception, the files are flushed to disk and the new folder takes the place of
    ``target`` (the old one, if any, is removed only after the new one is in place). When the
    block raises, the temporary folder is removed and ``target`` is left exactly as it was.

    Parameters
    ----------
    target : path-like
        The output folder; its parent is created if needed. It must not be a file.

    Yields
    ------
    pathlib.Path
        The temporary folder to write into (a hidden sibling of ``target``).

    Raises
    ------
    NotADirectoryError
        If ``target`` exists and is not a folder.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "resultaat"
    >>> with atomic_folder(out) as tmp:
    ...     _ = (tmp / "a.csv").write_text("x\\n1\\n")
    >>> sorted(p.name for p in out.iterdir())
    ['a.csv']
    >>> try:
    ...     with atomic_folder(out) as tmp:
    ...         _ = (tmp / "b.csv").write_text("half")
    ...         raise OSError(28, "No space left on device")
    ... except OSError:
    ...     pass
    >>> sorted(p.name for p in out.iterdir())   # the previous output is untouched
    ['a.csv']
    """
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
    try:
        yield tmp
        _fsync_tree(tmp)
        os.chmod(tmp, 0o755)
        if target.exists():
            old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old"))
            old.rmdir()
            os.rename(target, old)
            try:
                os.rename(tmp, target)
            except BaseException:
                os.rename(old, target)
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


@contextlib.contextmanager
def atomic_files(folder: str | os.PathLike) -> Iterator[Callable[[str], Path]]:
    """Write several files into ``folder``, all or none.

    The block receives a function ``path_for(name)`` that returns a temporary path for the file
    ``name``; write each file there. When the block succeeds, every file is flushed and renamed
    to its real name; when it raises, the temporary files are removed and the files already in
    ``folder`` keep their previous contents. Other files in ``folder`` are never touched.

    Parameters
    ----------
    folder : path-like
        The folder that receives the files (created if needed).

    Yields
    ------
    callable
        ``path_for(name) -> pathlib.Path``.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_files(out) as path_for:
    ...     _ = path_for("les.ipynb").write_text("{}")
    ...     _ = path_for("les.html").write_text("<p>hoi</p>")
    >>> sorted(p.name for p in out.iterdir())
    ['les.html', 'les.ipynb']
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    pending: dict[str, Path] = {}

    def path_for(name: str) -> Path:
        final = folder / name
        if final.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(final))
        if name not in pending:
            # keep the real suffix last: tools such as papermill look at it
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{Path(name).stem}.tmp-", suffix=Path(name).suffix)
            os.close(fd)
            pending[name] = Path(tmp)
        return pending[name]

    try:
        yield path_for
        for tmp in pending.values():
            if tmp.exists():
                with open(tmp, "rb") as handle:
                    os.fsync(handle.fileno())
                os.chmod(tmp, 0o644)
        for name, tmp in pending.items():
            if tmp.exists():
                os.replace(tmp, folder / name)
    finally:
        for tmp in pending.values():
            tmp.unlink(missing_ok=True)
