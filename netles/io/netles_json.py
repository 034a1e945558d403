"""The netles JSON file: one network per file.

The file holds one JSON object, ``{"format_version": 1, "ego": {...}, "alters": [...],
"ties": [...]}`` plus any extra top-level keys (a case's ``vignette``, a genogram's ``family``).
Written as UTF-8, atomically.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from ..errors import Problem, ValidationError
from ..network import EgoNetwork
from .atomic import atomic_write_text

__all__ = ["read_network", "write_network", "network_from_json"]


class _NotJSONNumber(ValueError):
    pass


def _refuse_constant(name: str):
    # Python's json accepts NaN and Infinity, standard JSON does not: a file with them is broken.
    raise _NotJSONNumber(name)


def network_from_json(data: bytes | str, source: str | None = None) -> EgoNetwork:
    """Parse the text of a netles JSON file.

    Parameters
    ----------
    data : bytes or str
        The file's contents (bytes must be UTF-8).
    source : str, optional
        File name for error messages.

    Returns
    -------
    EgoNetwork

    Raises
    ------
    ValidationError
        For text that is not UTF-8, not JSON (for example a truncated file), or not a valid network.

    Examples
    --------
    >>> network_from_json('{"format_version": 1, "alters": [{"alter_id": "A", "relation": "friend"}]}').size
    1
    >>> network_from_json('{"alters": [', source="kaart.json")
    Traceback (most recent call last):
    ...
    netles.errors.ValidationError: kaart.json: not valid JSON: the file ends too early, maybe it was cut off (line 1, column 13) (allowed: a netles JSON network file)
    """
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValidationError(
                Problem(f"is not UTF-8 text (byte {exc.start}); save it as UTF-8", file=source, allowed="a UTF-8 encoded JSON file")
            ) from None
    else:
        text = data
    if text.startswith("\ufeff"):  # a byte-order mark from some Windows editors is harmless
        text = text[1:]
    if not text.strip():
        raise ValidationError(Problem("is empty", file=source, allowed="a netles JSON network file"))
    try:
        parsed = json.loads(text, parse_constant=_refuse_constant)
    except _NotJSONNumber as exc:
        raise ValidationError(
            Problem(f"holds {exc.args[0]}, which is not a JSON number; leave the field out instead", file=source, allowed="numbers, texts, lists, objects, true, false, null")
        ) from None
    except json.JSONDecodeError as exc:
        why = "the file ends too early, maybe it was cut off" if exc.pos >= len(text.rstrip()) else exc.msg
        raise ValidationError(
            Problem(f"not valid JSON: {why} (line {exc.lineno}, column {exc.colno})", file=source, allowed="a netles JSON network file")
        ) from None
    return EgoNetwork.from_dict(parsed, source=source)


def read_network(path: str | os.PathLike) -> EgoNetwork:
    """Read a netles JSON network file.

    Parameters
    ----------
    path : path-like
        The file.

    Returns
    -------
    EgoNetwork
        With ``source`` set to the path.

    Raises
    ------
    ValidationError
        For any problem with the file's contents; the message names the file, the alter or row,
        the field and what is allowed.
    OSError
        If the file cannot be opened (for example it does not exist).

    Examples
    --------
    >>> from netles import datasets
    >>> read_network(datasets.case_path("voorbeeld")).size
    6
    """
    path = Path(path)
    return network_from_json(path.read_bytes(), source=str(path))


def write_network(net: EgoNetwork, path: str | os.PathLike) -> Path:
    """Write a network as a netles JSON file, atomically.

    Parameters
    ----------
    net : EgoNetwork
        The network.
    path : path-like
        Destination; its folder must exist. An existing file is replaced only once the new one
        is completely written.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from netles import datasets
    >>> net = datasets.load_case("voorbeeld")
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "kopie.json"
    >>> read_network(write_network(net, out)) == net
    True
    """
    if not isinstance(net, EgoNetwork):
        raise TypeError(f"write_network needs an EgoNetwork, not {type(net).__name__}")
    text = json.dumps(net.to_dict(), ensure_ascii=False, indent=2) + "\n"
    return atomic_write_text(path, text)
