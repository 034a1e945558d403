"""The netles JSON file: one network per file, optionally with dated moments.

The file holds one JSON object, ``{"format_version": 1, "ego": {...}, "alters": [...],
"ties": [...]}`` plus any extra top-level keys (a case's ``vignette``, a genogram's ``family``) and
an optional ``moments`` list of dated snapshots (see ``docs/network-file.md``). Written as UTF-8,
atomically.

Reading refuses what would not survive a round trip, each with the file, the alter and the field:
a key given twice in one object (JSON readers silently keep the last), ``NaN`` and ``Infinity``,
numbers too large for a float, values nested deeper than :data:`netles.network.MAX_NESTING`.
"""
from __future__ import annotations

import json
import math
import os
import sys
from pathlib import Path
from typing import Any

from ..errors import Problem, ValidationError
from ..network import MAX_NESTING, EgoNetwork
from .atomic import atomic_write_text

__all__ = ["read_network", "write_network", "network_from_json", "network_to_json"]

# Python refuses to turn longer digit strings into an int (sys.get_int_max_str_digits, 4300 by
# default); far shorter ones are already too large for a float. 400 digits is beyond both.
_MAX_INT_DIGITS = 400


class _Refused:
    """Stands in, while parsing, for a JSON value netles cannot keep; located after parsing."""

    __slots__ = ("why",)

    def __init__(self, why: str):
        self.why = why


class _TwiceKeyed(dict):
    """A JSON object in which some key was given more than once."""

    twice: list


def _object_pairs(pairs: list) -> dict:
    out: dict = {}
    twice = []
    for key, value in pairs:
        if key in out and key not in twice:
            twice.append(key)
        out[key] = value
    if twice:
        out = _TwiceKeyed(out)
        out.twice = twice
    return out


def _parse_int(text: str) -> Any:
    digits = len(text.lstrip("-"))
    if digits > _MAX_INT_DIGITS:
        return _Refused(f"holds a whole number of {digits} digits, too large for a number")
    value = int(text)
    if abs(value) > sys.float_info.max:
        return _Refused(f"holds a whole number of {digits} digits, too large for a number")
    return value


def _parse_float(text: str) -> Any:
    value = float(text)
    if not math.isfinite(value):
        shown = text if len(text) <= 30 else text[:29] + "…"
        return _Refused(f"holds {shown}, too large for a number")
    return value


def _parse_constant(name: str) -> Any:
    # Python's json accepts NaN and Infinity, standard JSON does not: a file with them is broken.
    return _Refused(f"holds {name}, which is not a JSON number; leave the field out instead")


def _where(root: Any, path: tuple) -> dict:
    """Problem location (row, alter, field) for a value at ``path`` inside the file's object."""
    where: dict[str, Any] = {}
    rest = list(path)
    prefix = ""

    def take_record(kind: str, container: Any) -> Any:
        nonlocal prefix
        index = rest.pop(0)
        record = container[index] if isinstance(container, list) and index < len(container) else None
        row = f"{kind}[{index}]"
        where["row"] = f"{prefix}, {row}" if prefix else row
        if kind == "alters" and isinstance(record, dict) and isinstance(record.get("alter_id"), str):
            where["alter"] = record["alter_id"]
        return record

    node = root
    if len(rest) >= 2 and rest[0] == "moments" and isinstance(rest[1], int):
        rest.pop(0)
        j = rest.pop(0)
        moments = node.get("moments") if isinstance(node, dict) else None
        node = moments[j] if isinstance(moments, list) and j < len(moments) else None
        label = node.get("label") if isinstance(node, dict) else None
        prefix = f"moments[{j}]" + (f" {label!r}" if isinstance(label, str) else "")
        where["row"] = prefix
    if len(rest) >= 2 and rest[0] in ("alters", "ties") and isinstance(rest[1], int):
        kind = rest.pop(0)
        node = take_record(kind, node.get(kind) if isinstance(node, dict) else None)
    elif rest and rest[0] == "ego":
        rest.pop(0)
        where["row"] = f"{prefix}, ego" if prefix else "ego"
    if rest:
        where["field"] = str(rest[0])
    where["inner"] = rest[1:]
    return where


def _located(root: Any, path: tuple, message: str, allowed: str) -> Problem:
    where = _where(root, path)
    inner = where.pop("inner")
    if inner:
        steps = "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in inner[:5])
        more = f"… ({len(inner) + 1} levels)" if len(inner) > 5 else ""
        message += f" (at {where.get('field', '')}{steps}{more})"
    return Problem(message, allowed=allowed, **where)


def _unkeepable(root: Any) -> list[Problem]:
    """Every refused value, key given twice and too deep nesting, walked without recursion."""
    problems: list[Problem] = []
    stack: list[tuple[Any, tuple, int]] = [(root, (), 0)]
    while stack:
        node, path, depth = stack.pop()
        if isinstance(node, _Refused):
            problems.append(_located(root, path, node.why, "numbers, texts, lists, objects, true, false, null"))
        elif isinstance(node, (dict, list)):
            # the standard keys sit 3 levels deep (moments[j].alters[i]); a field's own value gets
            # MAX_NESTING levels below that
            if depth > MAX_NESTING + 4:
                problems.append(_located(root, path, f"is nested more than {MAX_NESTING} levels deep (lists or objects inside each other)",
                                         "values nested a few levels at most"))
                continue
            if isinstance(node, _TwiceKeyed):
                for key in node.twice:
                    problems.append(_located(root, (*path, key), f"{key!r} is given twice in one object; the file must say which value it means",
                                             "each key once per object"))
            items = node.items() if isinstance(node, dict) else enumerate(node)
            # reversed, so that problems come out in file order
            for key, value in reversed(list(items)):
                stack.append((value, (*path, key), depth + 1))
    return problems


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
        For text that is not UTF-8, not JSON (for example a truncated file), not a valid network,
        or a value that would not survive being written again (a key given twice, ``NaN``, a number
        too large for a float, values nested too deeply).

    Examples
    --------
    >>> network_from_json('{"format_version": 1, "alters": [{"alter_id": "A", "relation": "friend"}]}').size
    1
    >>> network_from_json('{"alters": [', source="kaart.json")
    Traceback (most recent call last):
    ...
    netles.errors.ValidationError: kaart.json: not valid JSON: the file ends too early, maybe it was cut off (line 1, column 13) (allowed: a netles JSON network file)
    >>> network_from_json('{"alters": [{"alter_id": "A", "relation": "friend", "circle": 1, "circle": 4}]}')
    Traceback (most recent call last):
    ...
    netles.errors.ValidationError: alters[0], alter 'A', field 'circle': 'circle' is given twice in one object; the file must say which value it means (allowed: each key once per object)
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
        parsed = json.loads(
            text, object_pairs_hook=_object_pairs, parse_int=_parse_int, parse_float=_parse_float,
            parse_constant=_parse_constant,
        )
    except json.JSONDecodeError as exc:
        cut = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        why = "the file ends too early, maybe it was cut off" if cut else exc.msg
        if exc.msg.startswith("Unterminated string"):
            why = "the file ends inside a text, so it was cut off (truncated)"
        raise ValidationError(
            Problem(f"not valid JSON: {why} (line {exc.lineno}, column {exc.colno})", file=source, allowed="a netles JSON network file")
        ) from None
    except RecursionError:
        raise ValidationError(
            Problem(f"not valid JSON for netles: values are nested far more than {MAX_NESTING} levels deep", file=source,
                    allowed="values nested a few levels at most")
        ) from None
    problems = _unkeepable(parsed)
    if problems:
        raise ValidationError(problems).located(file=source)
    return EgoNetwork.from_dict(parsed, source=source)


def network_to_json(net: EgoNetwork) -> str:
    """The text of the netles JSON file for ``net`` (UTF-8, indented, ending in a newline).

    Examples
    --------
    >>> from netles import datasets
    >>> network_from_json(network_to_json(datasets.load_case("voorbeeld"))) == datasets.load_case("voorbeeld")
    True
    """
    if not isinstance(net, EgoNetwork):
        raise TypeError(f"write_network needs an EgoNetwork, not {type(net).__name__}")
    # allow_nan=False: never write NaN or Infinity, which no reader (ours included) accepts
    return json.dumps(net.to_dict(), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def read_network(path: str | os.PathLike) -> EgoNetwork:
    """Read a netles JSON network file.

    Parameters
    ----------
    path : path-like
        The file.

    Returns
    -------
    EgoNetwork
        With ``source`` set to the path; its moments (if any) in :attr:`EgoNetwork.moments`.

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
    """Write a network (with its moments) as a netles JSON file, atomically.

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
    >>> net = datasets.load_case("voorbeeld").with_moment("intake", "2025-02-03")
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "kopie.json"
    >>> read_network(write_network(net, out)) == net
    True
    """
    return atomic_write_text(path, network_to_json(net))
