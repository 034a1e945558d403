"""The network of one person: ego, alters and the ties between alters.

An :class:`EgoNetwork` is immutable: every change (``with_alter``, ``without_tie``...) returns a new
network, so an intervention or an editor can keep the before and the after side by side.
Construction validates everything and reports all problems at once as a
:class:`netles.ValidationError`.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import math
import numbers
import re
import sys
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping

import networkx as nx
import numpy as np
import pandas as pd

from . import vocab
from .errors import Problem, ValidationError

__all__ = [
    "EgoNetwork",
    "Moment",
    "CASE_KEYS",
    "MAX_NESTING",
    "ALTER_FIELDS",
    "EGO_FIELDS",
    "TIE_FIELDS",
    "FORMAT_VERSION",
    "EGO_NODE",
    "FieldRule",
    "ALTER_RULES",
    "EGO_RULES",
    "check_value",
]

FORMAT_VERSION = 1
"""Version of the netles JSON format written by this library."""

EGO_NODE = "ego"
"""Node id of the ego in :meth:`EgoNetwork.to_networkx`; no alter may use it."""

ALTER_FIELDS = (
    "alter_id",
    "name",
    "relation",
    "circle",
    "sector",
    "gender",
    "age",
    "contact",
    "travel_minutes",
    "support",
    "support_direction",
    "valence",
    "status",
    "since",
)
EGO_FIELDS = ("ego_id", "gender", "age", "group")
TIE_FIELDS = ("source", "target", "weight")


@dataclass(frozen=True)
class FieldRule:
    """What one field may hold.

    ``kind`` is one of ``"id"`` (non-empty text), ``"text"``, ``"vocab"`` (a code of ``vocabulary``),
    ``"vocab_list"`` (a list of distinct codes), ``"int"`` or ``"number"`` (within ``low``-``high``).
    """

    kind: str
    vocabulary: vocab.Vocabulary | None = None
    low: float | None = None
    high: float | None = None
    required: bool = False

    def allowed(self) -> str:
        """What is allowed, in words."""
        if self.kind == "id":
            return "a non-empty text"
        if self.kind == "text":
            return "a text"
        if self.kind == "vocab":
            return self.vocabulary.allowed()
        if self.kind == "vocab_list":
            return "a list of distinct values out of " + self.vocabulary.allowed()
        what = "a whole number" if self.kind == "int" else "a number"
        if self.high is None or math.isinf(self.high):
            return f"a finite {what[2:]} of at least {_fmt(self.low)}"
        return f"{what} from {_fmt(self.low)} to {_fmt(self.high)}"


def nfc(text: str) -> str:
    """``text`` in Unicode normal form C, so that ids typed in different ways compare equal.

    Examples
    --------
    >>> nfc("Zoe\u0308") == "Zo\u00eb"
    True
    """
    return unicodedata.normalize("NFC", text)


def _nid(value: Any) -> Any:
    return nfc(value) if isinstance(value, str) else value


def _short_repr(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _fmt(x: float | None) -> str:
    return str(int(x)) if x is not None and float(x).is_integer() else str(x)


ALTER_RULES: dict[str, FieldRule] = {
    "alter_id": FieldRule("id", required=True),
    "name": FieldRule("text"),
    "relation": FieldRule("vocab", vocab.RELATION, required=True),
    "circle": FieldRule("int", low=1, high=4),
    "sector": FieldRule("vocab", vocab.SECTOR),
    "gender": FieldRule("vocab", vocab.GENDER),
    "age": FieldRule("number", low=0, high=120),
    "contact": FieldRule("vocab", vocab.CONTACT),
    "travel_minutes": FieldRule("number", low=0, high=24 * 60),
    "support": FieldRule("vocab_list", vocab.SUPPORT),
    "support_direction": FieldRule("vocab", vocab.SUPPORT_DIRECTION),
    "valence": FieldRule("vocab", vocab.VALENCE),
    "status": FieldRule("vocab", vocab.STATUS),
    "since": FieldRule("int", low=1900, high=2100),
}
"""Rules for the alter fields of the data model (extra fields are kept as they are)."""

EGO_RULES: dict[str, FieldRule] = {
    "ego_id": FieldRule("id"),
    "gender": FieldRule("vocab", vocab.GENDER),
    "age": FieldRule("number", low=0, high=120),
    "group": FieldRule("text"),
}
"""Rules for the ego fields of the data model (extra fields are kept as they are)."""

TIE_RULES: dict[str, FieldRule] = {
    "source": FieldRule("id", required=True),
    "target": FieldRule("id", required=True),
    "weight": FieldRule("number", low=0, high=math.inf),
}


def _is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def check_value(rule: FieldRule, value: Any) -> tuple[Any, str | None]:
    """Check one value against a rule.

    Parameters
    ----------
    rule : FieldRule
        The rule of the field.
    value : object
        The value, not missing.

    Returns
    -------
    (normalised value, problem)
        The value as plain Python (numpy scalars become int/float, lists of codes are put in
        vocabulary order) and ``None``; or the value unchanged and what is wrong with it.

    Examples
    --------
    >>> check_value(ALTER_RULES["circle"], 7)
    (7, 'is 7, out of range')
    >>> check_value(ALTER_RULES["support"], ["emotional", "practical"])
    (['practical', 'emotional'], None)
    """
    kind = rule.kind
    if kind in ("id", "text"):
        if not isinstance(value, str):
            return value, f"is {value!r} ({type(value).__name__}), not a text"
        if kind == "id":
            if not value.strip():
                return value, "is empty"
            # "Zoë" typed with a combined or a separate diaeresis is one id (Unicode NFC)
            return nfc(value), None
        return value, None
    if kind == "vocab":
        if value not in rule.vocabulary:
            return value, f"{value!r} is not a known value"
        return value, None
    if kind == "vocab_list":
        if not isinstance(value, (list, tuple)):
            return value, f"is {value!r} ({type(value).__name__}), not a list"
        unknown = [v for v in value if v not in rule.vocabulary]
        if unknown:
            return value, f"{unknown[0]!r} is not a known value"
        if len(set(value)) != len(value):
            return value, "lists a value twice"
        return [c for c in rule.vocabulary.codes if c in value], None
    # numbers
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return value, f"is {_short_repr(value)} ({type(value).__name__}), not a number"
    if isinstance(value, numbers.Integral):
        if abs(int(value)) > sys.float_info.max:
            return value, f"is a whole number of {len(str(abs(int(value))))} digits, too large for a number"
    elif math.isnan(float(value)):
        return value, "is NaN, not a number"
    elif math.isinf(float(value)):
        # JSON has no infinity: a file holding it could not be read back
        return value, f"is {float(value)!r}, not a finite number"
    if kind == "int":
        if not float(value).is_integer():
            return value, f"is {value!r}, not a whole number"
        value = int(value)
    else:
        value = int(value) if isinstance(value, numbers.Integral) else float(value)
    if (rule.low is not None and value < rule.low) or (rule.high is not None and value > rule.high):
        return value, f"is {_short_repr(value)}, out of range"
    return value, None


MAX_NESTING = 50
"""How deeply lists and objects may nest inside one field of a network file. A netles file needs a
handful of levels; a value nested hundreds deep cannot be read or written safely (Python's
``json`` recurses), so it is refused with the place where it is."""

_JSON_SCALARS = (str, bool, type(None))


def _path_text(path: tuple, limit: int = 6) -> str:
    out = ""
    for step in path[:limit]:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out + (f"… ({len(path)} levels)" if len(path) > limit else "")


def json_value_problem(value: Any, max_depth: int = MAX_NESTING) -> tuple[tuple, str] | None:
    """The first reason why ``value`` cannot be stored in a netles JSON file, or None.

    Walks the value without recursion (a deeply nested value must not crash the check itself).
    JSON holds texts, finite numbers, true/false/null, lists and objects with text keys; netles
    also refuses numbers too large for a float and nesting deeper than ``max_depth``.

    Returns
    -------
    (path, reason) or None
        ``path`` is the tuple of keys and list positions inside ``value``.

    Examples
    --------
    >>> json_value_problem({"a": [1, float("inf")]})
    (('a', 1), 'holds inf, not a finite number (JSON has no infinity)')
    >>> json_value_problem({"a": {"b": 1}}) is None
    True
    """
    stack: list[tuple[Any, tuple, int]] = [(value, (), 0)]
    while stack:
        item, path, depth = stack.pop()
        if isinstance(item, _JSON_SCALARS):
            continue
        if isinstance(item, numbers.Integral):
            if abs(int(item)) > sys.float_info.max:
                return path, f"holds a whole number of {len(str(abs(int(item))))} digits, too large for a number"
            continue
        if isinstance(item, float):
            if not math.isfinite(item):
                return path, f"holds {item!r}, not a finite number (JSON has no infinity)"
            continue
        if isinstance(item, numbers.Real):  # numpy floats and the like
            if not math.isfinite(float(item)):
                return path, f"holds {float(item)!r}, not a finite number (JSON has no infinity)"
            continue
        if isinstance(item, (list, tuple, Mapping)):
            if depth >= max_depth:
                return path, f"is nested more than {max_depth} levels deep (lists or objects inside each other)"
            if isinstance(item, Mapping):
                for key, sub in item.items():
                    if not isinstance(key, str):
                        return path, f"has the key {_short_repr(key)}, which is not a text"
                    stack.append((sub, (*path, key), depth + 1))
            else:
                for k, sub in enumerate(item):
                    stack.append((sub, (*path, k), depth + 1))
            continue
        return path, f"holds {_short_repr(item)} ({type(item).__name__}), which a JSON file cannot hold"
    return None


def _check_free_value(key: str, value: Any, where: dict, problems: list[Problem]) -> None:
    found = json_value_problem(value)
    if found is not None:
        path, reason = found
        inner = f" (at {_path_text((key, *path))})" if path else ""
        problems.append(Problem(reason + inner, field=key, allowed="texts, finite numbers, lists and objects", **where))


def _check_record(
    record: Any, rules: Mapping[str, FieldRule], where: dict, problems: list[Problem]
) -> dict | None:
    """Validate one record; append problems; return the normalised record or None."""
    if not isinstance(record, Mapping):
        problems.append(
            Problem(f"is {type(record).__name__}, not an object with fields", allowed="an object {...}", **where)
        )
        return None
    out = {}
    for key, value in record.items():
        if not isinstance(key, str):
            problems.append(Problem(f"field name {key!r} is not a text", **where))
            continue
        rule = rules.get(key)
        if rule is None or _is_missing(value):
            if rule is None and not _is_missing(value):
                _check_free_value(key, value, where, problems)
            out[key] = None if _is_missing(value) else value
            continue
        normal, problem = check_value(rule, value)
        if problem:
            problems.append(Problem(problem, field=key, value=value, allowed=rule.allowed(), **where))
        out[key] = normal
    for key, rule in rules.items():
        if rule.required and _is_missing(out.get(key)):
            problems.append(Problem("is missing", field=key, allowed=rule.allowed(), **where))
    return out


_RESERVED_KEYS = ("format_version", "ego", "alters", "ties", "moments")

CASE_KEYS = ("title", "title_en", "vignette", "vignette_en", "year")
"""Top-level keys that describe a case as a whole (its texts and the year its working network
describes, see ``data/cases/README.md``); :meth:`EgoNetwork.with_moment` does not copy them into
each moment (every other extra key, e.g. a ``carer`` block, is frozen with the moment)."""

_MOMENT_KEYS = ("label", "date", "note", "ego", "alters", "ties")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value: Any) -> tuple[str | None, str | None]:
    """``(ISO date text, None)`` or ``(None, what is wrong)`` for a moment's date."""
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.isoformat(), None
    if not isinstance(value, str):
        return None, f"is {_short_repr(value)} ({type(value).__name__}), not a date"
    text = value.strip()
    if not _ISO_DATE.match(text):
        return None, f"is {_short_repr(value)}, not a date written as YYYY-MM-DD"
    try:
        return _dt.date.fromisoformat(text).isoformat(), None
    except ValueError:
        return None, f"is {_short_repr(value)}, which is not a day of the calendar"


def _moment_header(label: Any, date: Any, note: Any, where: dict, problems: list[Problem]) -> tuple:
    """Check a moment's label, date and note; append problems; return the normalised values."""
    if not isinstance(label, str) or not label.strip():
        what = "is missing" if label is None else ("is empty" if isinstance(label, str) else f"is {_short_repr(label)} ({type(label).__name__}), not a text")
        problems.append(Problem(what, field="label", allowed="a non-empty text, e.g. 'intake'", **where))
        label = None
    else:
        label = nfc(label.strip())
    iso, why = (None, "is missing") if date is None else _iso_date(date)
    if why:
        problems.append(Problem(why, field="date", value=date, allowed="a date written as YYYY-MM-DD, e.g. '2025-02-03'", **where))
    if note is not None and not isinstance(note, str):
        problems.append(Problem(f"is {_short_repr(note)} ({type(note).__name__}), not a text", field="note", allowed="a text", **where))
        note = None
    return label, iso, note


def _label_key(label: str) -> str:
    return " ".join(nfc(label).casefold().split())


def _name_key(name: Any) -> str | None:
    return " ".join(nfc(name).casefold().split()) if isinstance(name, str) and name.strip() else None


@dataclass(frozen=True)
class Moment:
    """One dated, frozen snapshot of a network (intake, evaluatie, afsluiting).

    Parameters
    ----------
    label : str
        A short non-empty name, unique within the network ("intake").
    date : str or datetime.date
        The day of the snapshot; kept as ISO text ``YYYY-MM-DD``.
    network : EgoNetwork
        The full network at that moment (without moments of its own). Its ``extra`` holds the
        moment's own extra keys (e.g. a ``carer`` block with that moment's answers).
    note : str, optional
        A free note ("na de verhuizing").

    Raises
    ------
    ValidationError
        For an empty label, a date that is not ``YYYY-MM-DD`` or not a real day, a note that is not
        a text, or a network that has moments itself.

    Examples
    --------
    >>> from netles import datasets
    >>> m = Moment("intake", "2025-02-03", datasets.load_case("voorbeeld"))
    >>> m.label, m.date, m.day.month, m.network.size
    ('intake', '2025-02-03', 2, 6)
    >>> Moment("intake", "3-2-2025", m.network)
    Traceback (most recent call last):
    ...
    netles.errors.ValidationError: moment 'intake', field 'date': is '3-2-2025', not a date written as YYYY-MM-DD (allowed: a date written as YYYY-MM-DD, e.g. '2025-02-03')
    """

    label: str
    date: str
    network: "EgoNetwork"
    note: str | None = None

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        where = {"row": f"moment {self.label!r}"} if isinstance(self.label, str) and self.label.strip() else {"row": "moment"}
        label, iso, note = _moment_header(self.label, self.date, self.note, where, problems)
        if not isinstance(self.network, EgoNetwork):
            problems.append(Problem(f"is {type(self.network).__name__}, not an EgoNetwork", field="network", **where))
        elif self.network.moments:
            problems.append(Problem("has moments of its own; a moment is one network", field="moments", **where))
        if problems:
            raise ValidationError(problems)
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "date", iso)
        object.__setattr__(self, "note", note)

    @property
    def day(self) -> _dt.date:
        """The date as a :class:`datetime.date`."""
        return _dt.date.fromisoformat(self.date)

    def to_dict(self, top_ego: Mapping | None = None) -> dict:
        """The moment as it is stored in the ``moments`` list of a netles JSON file.

        Parameters
        ----------
        top_ego : mapping, optional
            The network's top-level ego: the moment's ``ego`` is left out when it is the same
            (readers then take the top-level ego, so nothing changes).
        """
        net = self.network.to_dict()
        out: dict[str, Any] = {"label": self.label, "date": self.date}
        if top_ego is None or net["ego"] != dict(top_ego):
            out["ego"] = net["ego"]
        out["alters"] = net["alters"]
        out["ties"] = net["ties"]
        if self.note is not None:
            out["note"] = self.note
        out.update({k: v for k, v in net.items() if k not in ("format_version", "ego", "alters", "ties")})
        return out

    def __repr__(self) -> str:
        return f"<Moment {self.label!r} {self.date}: {self.network.size} alters, {self.network.n_ties} ties>"


def _relocate(problem: Problem, row: str) -> Problem:
    return dataclasses.replace(problem, row=f"{row}, {problem.row}" if problem.row is not None else row)


def _check_moments(moments: Any, top_ego: dict, top_alters: tuple, source: str | None, problems: list[Problem]) -> tuple:
    """Validate the moments of a network (and the identity of its people); return Moment objects."""
    if moments is None:
        return ()
    if isinstance(moments, (str, bytes, Mapping)) or not isinstance(moments, Iterable):
        problems.append(Problem(f"is {_short_repr(moments)} ({type(moments).__name__}), not a list", field="moments",
                                allowed="a list of moments, each {\"label\", \"date\", \"alters\", \"ties\"}"))
        return ()
    out: list[tuple[int, str, Moment]] = []
    for j, item in enumerate(moments):
        if isinstance(item, Moment):
            out.append((j, f"moments[{j}] {item.label!r}", item))
            continue
        if not isinstance(item, Mapping):
            problems.append(Problem(f"is {type(item).__name__}, not an object with fields", row=f"moments[{j}]",
                                    allowed='an object {"label", "date", "alters", "ties"}'))
            continue
        raw_label = item.get("label")
        row = f"moments[{j}]" + (f" {raw_label.strip()!r}" if isinstance(raw_label, str) and raw_label.strip() else "")
        before = len(problems)
        label, iso, note = _moment_header(raw_label, item.get("date"), item.get("note"), {"row": row}, problems)
        own = {k: v for k, v in item.items() if k not in _MOMENT_KEYS}
        ego = item.get("ego") if item.get("ego") is not None else top_ego
        alters = item.get("alters") if item.get("alters") is not None else ()
        ties = item.get("ties") if item.get("ties") is not None else ()
        try:
            net = EgoNetwork(ego, alters, ties, own, source=source)
        except ValidationError as exc:
            problems.extend(_relocate(_without_file(p), row) for p in exc.problems)
            continue
        if len(problems) == before:
            out.append((j, row, Moment(label, iso, net, note)))
    # order, unique labels
    seen_labels: dict[str, str] = {}
    previous: tuple[str, str] | None = None
    for j, row, m in out:
        key = _label_key(m.label)
        if key in seen_labels:
            problems.append(Problem(f"is used twice (also {seen_labels[key]})", row=row, field="label",
                                    allowed="a different label for each moment"))
        else:
            seen_labels[key] = row
        if previous is not None and m.date < previous[1]:
            problems.append(Problem(f"is {m.date}, earlier than moment {previous[0]!r} ({previous[1]}) before it", row=row,
                                    field="date", allowed="moments in date order, the earliest first"))
        previous = (m.label, m.date)
    # one id is one person: the same name and gender in every moment and in the working network
    first: dict[str, list] = {}  # alter_id -> [where, name, where, gender] as first given
    places = [(f"moment {m.label!r}", row, m.network._alters) for _, row, m in out]
    places.append(("the working network", None, top_alters))
    for place, row, records in places:
        for i, record in enumerate(records):
            alter_id = record.get("alter_id")
            if not isinstance(alter_id, str):
                continue
            at = f"{row}, alters[{i}]" if row else f"alters[{i}]"
            known = first.setdefault(alter_id, [None, None, None, None])
            for k, field in ((0, "name"), (2, "gender")):
                value = record.get(field)
                if value is None or (field == "name" and _name_key(value) is None):
                    continue
                if known[k + 1] is None:
                    known[k], known[k + 1] = place, value
                    continue
                same = _name_key(value) == _name_key(known[k + 1]) if field == "name" else value == known[k + 1]
                if not same:
                    problems.append(Problem(
                        f"is {value!r}, but alter {alter_id!r} has {field} {known[k + 1]!r} in {known[k]}; one id is one person",
                        row=at, alter=alter_id, field=field,
                        allowed=f"the same {field} as in {known[k]}, or a new alter_id for a new person"))
    return tuple(m for _, _, m in out)


def _without_file(problem: Problem) -> Problem:
    """The problem without its file (the outer network names the file once)."""
    return dataclasses.replace(problem, file=None)


class EgoNetwork:
    """One person's network: the ego, the alters and the ties between alters.

    Parameters
    ----------
    ego : mapping, optional
        ``ego_id``, ``gender``, ``age``, ``group`` and any free fields.
    alters : iterable of mapping
        One record per alter; ``alter_id`` and ``relation`` are required, every other field of
        :data:`ALTER_FIELDS` is optional and extra keys are kept.
    ties : iterable of mapping
        Undirected alter-alter ties ``{"source", "target", "weight"?}``; ties with the ego are
        implicit (every alter is tied to the ego).
    extra : mapping, optional
        Other top-level keys of a network file (a case's ``vignette``, a genogram's ``family``).
    source : str, optional
        Where the data came from; named in error messages.

    Raises
    ------
    ValidationError
        Listing every problem: unknown vocabulary values, duplicate alter ids, ties to unknown
        alters, self-ties, duplicate ties, impossible numbers, wrong types, missing required fields.

    Examples
    --------
    >>> net = EgoNetwork(
    ...     ego={"ego_id": "e1", "gender": "F"},
    ...     alters=[{"alter_id": "A", "relation": "sibling"}, {"alter_id": "B", "relation": "friend"}],
    ...     ties=[{"source": "A", "target": "B"}],
    ... )
    >>> net.size
    2
    >>> net.alters[["alter_id", "relation", "circle", "sector"]]
      alter_id relation  circle  sector
    0        A  sibling       2  family
    1        B   friend       2  society
    >>> EgoNetwork(alters=[{"alter_id": "A", "relation": "cousin"}])
    Traceback (most recent call last):
    ...
    netles.errors.ValidationError: alters[0], alter 'A', field 'relation': 'cousin' is not a known value (allowed: 'partner', ...)
    """

    def __init__(
        self,
        ego: Mapping | None = None,
        alters: Iterable[Mapping] = (),
        ties: Iterable[Mapping] = (),
        extra: Mapping | None = None,
        *,
        source: str | None = None,
        moments: Iterable["Moment | Mapping"] = (),
    ):
        self.source = source
        self._frame_cache: pd.DataFrame | None = None
        problems: list[Problem] = []
        if ego is not None and not isinstance(ego, Mapping):
            problems.append(Problem(f"is {type(ego).__name__}, not an object with fields", field="ego", allowed="an object {...}"))
            ego = None
        ego_record = _check_record({} if ego is None else ego, EGO_RULES, {"row": "ego"}, problems)
        self._ego = ego_record or {}

        alter_records: list[dict] = []
        seen_ids: dict[str, int] = {}
        if isinstance(alters, (str, bytes, Mapping)) or not isinstance(alters, Iterable):
            problems.append(Problem(f"is {_short_repr(alters)} ({type(alters).__name__}), not a list", field="alters", allowed="a list of alters"))
            alters = ()
        for i, record in enumerate(alters):
            raw_id = record.get("alter_id") if isinstance(record, Mapping) else None
            where = {"row": f"alters[{i}]", "alter": raw_id if isinstance(raw_id, str) else None}
            normal = _check_record(record, ALTER_RULES, where, problems)
            if normal is None:
                continue
            alter_id = normal.get("alter_id")
            if isinstance(alter_id, str):
                if alter_id == EGO_NODE:
                    problems.append(Problem(f"{EGO_NODE!r} is reserved for the ego", field="alter_id", allowed="any other id", **where))
                elif alter_id in seen_ids:
                    same = "" if alter_id == raw_id else " (the same letters, typed differently)"
                    problems.append(
                        Problem(f"is used twice (also alters[{seen_ids[alter_id]}]){same}", field="alter_id", allowed="a unique id per alter", **where)
                    )
                else:
                    seen_ids[alter_id] = i
            alter_records.append(normal)
        self._alters = tuple(alter_records)

        tie_records: list[dict] = []
        seen_pairs: dict[frozenset, int] = {}
        if isinstance(ties, (str, bytes, Mapping)) or not isinstance(ties, Iterable):
            problems.append(Problem(f"is {_short_repr(ties)} ({type(ties).__name__}), not a list", field="ties", allowed="a list of ties"))
            ties = ()
        for i, record in enumerate(ties):
            where = {"row": f"ties[{i}]"}
            normal = _check_record(record, TIE_RULES, where, problems)
            if normal is None:
                continue
            src, tgt = normal.get("source"), normal.get("target")
            if not (isinstance(src, str) and isinstance(tgt, str)):
                continue
            for end, key in ((src, "source"), (tgt, "target")):
                if end not in seen_ids:
                    problems.append(Problem(f"{end!r} is not an alter of this network", field=key, allowed="the alter_id of an alter", **where))
            if src == tgt:
                problems.append(Problem(f"ties {src!r} to itself", field="target", allowed="another alter", **where))
            pair = frozenset((src, tgt))
            if pair in seen_pairs and src != tgt:
                problems.append(
                    Problem(f"{src!r}-{tgt!r} is already tied (ties[{seen_pairs[pair]}])", field="target", allowed="each pair once (ties are undirected)", **where)
                )
            seen_pairs.setdefault(pair, i)
            tie_records.append(normal)
        self._ties = tuple(tie_records)
        if extra is not None and not isinstance(extra, Mapping):
            problems.append(Problem(f"extra is {type(extra).__name__}, not a mapping"))
            extra = None
        extra = dict(extra or {})
        for key, value in extra.items():
            if not isinstance(key, str):
                problems.append(Problem(f"field name {_short_repr(key)} is not a text"))
            elif key == "moments":
                problems.append(Problem("a moment cannot hold moments of its own", field=key,
                                        allowed="label, date, note, ego, alters, ties and free keys"))
            elif key in _RESERVED_KEYS:
                problems.append(Problem(f"{key!r} is part of the network itself, not an extra key", field=key,
                                        allowed="another key name"))
            else:
                _check_free_value(key, value, {}, problems)
        self._extra = extra
        self._moments = _check_moments(moments, self._ego, self._alters, source, problems)
        if problems:
            raise ValidationError(problems).located(file=source)

    # -- construction and serialisation ------------------------------------------------------
    @classmethod
    def from_dict(cls, data: Mapping, *, source: str | None = None) -> "EgoNetwork":
        """Build a network from the netles JSON structure.

        Parameters
        ----------
        data : mapping
            ``{"format_version": 1, "ego": {...}, "alters": [...], "ties": [...], ...}``; keys other
            than these are kept in :attr:`extra`.
        source : str, optional
            File name to report in errors.

        Returns
        -------
        EgoNetwork

        Raises
        ------
        ValidationError
            If ``data`` is not a mapping, has an unknown ``format_version`` or holds invalid records.

        Examples
        --------
        >>> net = EgoNetwork.from_dict({"alters": [{"alter_id": "A", "relation": "friend", "circle": 1}]})
        >>> EgoNetwork.from_dict(net.to_dict()) == net
        True
        """
        if not isinstance(data, Mapping):
            raise ValidationError(Problem(f"is {type(data).__name__}, not a JSON object", file=source, allowed='an object {"ego": ..., "alters": [...], "ties": [...]}'))
        version = data.get("format_version", FORMAT_VERSION)
        if version != FORMAT_VERSION or isinstance(version, bool):
            raise ValidationError(
                Problem(f"format_version {version!r} is not supported by this netles", file=source, field="format_version", allowed=str(FORMAT_VERSION))
            )
        extra = {k: v for k, v in data.items() if k not in _RESERVED_KEYS}
        # A missing (or null) list is an empty one; anything else that is not a list ({}, "", false,
        # 0) is refused by the constructor rather than read as empty: it would not round-trip.
        alters, ties = data.get("alters"), data.get("ties")
        return cls(
            data.get("ego"),
            () if alters is None else alters,
            () if ties is None else ties,
            extra,
            source=source,
            moments=data.get("moments"),
        )

    def to_dict(self) -> dict:
        """The network as the netles JSON structure (a deep copy).

        Examples
        --------
        >>> EgoNetwork(alters=[{"alter_id": "A", "relation": "friend"}]).to_dict()
        {'format_version': 1, 'ego': {}, 'alters': [{'alter_id': 'A', 'relation': 'friend'}], 'ties': []}
        """
        import copy

        out = {"format_version": FORMAT_VERSION, "ego": copy.deepcopy(self._ego)}
        out["alters"] = [copy.deepcopy(a) for a in self._alters]
        out["ties"] = [copy.deepcopy(t) for t in self._ties]
        out.update(copy.deepcopy(self._extra))
        if self._moments:  # files without moments keep exactly today's shape
            out["moments"] = [m.to_dict(self._ego) for m in self._moments]
        return out

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EgoNetwork) and self.to_dict() == other.to_dict()

    __hash__ = None  # mutable-looking contents; compare by value

    def __repr__(self) -> str:
        ego_id = self._ego.get("ego_id")
        moments = f", {len(self._moments)} moments" if self._moments else ""
        return f"<EgoNetwork ego={ego_id!r}: {len(self._alters)} alters, {len(self._ties)} ties{moments}>"

    # -- views -------------------------------------------------------------------------------
    @property
    def ego(self) -> dict:
        """The ego's fields (a copy)."""
        return dict(self._ego)

    @property
    def ego_id(self) -> str | None:
        """The ego's id, or None."""
        return self._ego.get("ego_id")

    @property
    def extra(self) -> dict:
        """Other top-level keys of the network file (a copy)."""
        return dict(self._extra)

    # -- moments -----------------------------------------------------------------------------
    @property
    def moments(self) -> tuple[Moment, ...]:
        """The dated snapshots of this network, in date order (empty when there are none).

        The top-level ``ego``, ``alters`` and ``ties`` are the *working network*: what every
        metric and figure of this object shows. Each :class:`Moment` holds a full network.

        Examples
        --------
        >>> from netles import datasets
        >>> net = datasets.load_case("voorbeeld").with_moment("intake", "2025-02-03")
        >>> [(m.label, m.date, m.network.size) for m in net.moments]
        [('intake', '2025-02-03', 6)]
        """
        return self._moments

    def moment(self, label: str) -> "EgoNetwork":
        """The network of the moment called ``label``.

        Raises
        ------
        KeyError
            If there is no moment with that label (the message lists the labels there are).

        Examples
        --------
        >>> from netles import datasets
        >>> net = datasets.load_case("voorbeeld").with_moment("intake", "2025-02-03").without_alter("F")
        >>> net.size, net.moment("intake").size
        (5, 6)
        """
        return self._find_moment(label).network

    def _find_moment(self, label: str) -> Moment:
        if isinstance(label, str):
            for m in self._moments:
                if m.label == nfc(label.strip()):
                    return m
            for m in self._moments:
                if _label_key(m.label) == _label_key(label):
                    return m
        known = ", ".join(repr(m.label) for m in self._moments) or "none"
        raise KeyError(f"no moment {label!r} (moments: {known})")

    def with_moment(self, label: str, date: Any, note: str | None = None) -> "EgoNetwork":
        """A copy with the working network frozen as a new moment.

        The snapshot holds the ego, the alters, the ties and the extra keys of the working
        network (except the case-level :data:`CASE_KEYS`). It is placed in date order (after any
        moment of the same day), so an earlier date is inserted before later moments.

        Parameters
        ----------
        label : str
            Non-empty and not yet used ("evaluatie").
        date : str or datetime.date
            ``YYYY-MM-DD``.
        note : str, optional

        Raises
        ------
        ValidationError
            For an empty or used label or a bad date.

        Examples
        --------
        >>> from netles import datasets
        >>> net = datasets.load_case("voorbeeld").with_moment("intake", "2025-02-03")
        >>> net = net.without_alter("E").with_moment("evaluatie", "2025-08-20", note="Erik verhuisd")
        >>> [m.label for m in net.moments], net.moment("evaluatie").size
        (['intake', 'evaluatie'], 5)
        >>> net.with_moment("Intake", "2025-09-01")
        Traceback (most recent call last):
        ...
        netles.errors.ValidationError: ...moments[2] 'Intake', field 'label': is used twice (also moments[0] 'intake') (allowed: a different label for each moment)
        """
        extra = {k: v for k, v in self._extra.items() if k not in CASE_KEYS}
        snapshot = EgoNetwork(self._ego, self._alters, self._ties, extra, source=self.source)
        problems: list[Problem] = []
        label_n, iso, note = _moment_header(label, date, note, {"row": f"moment {label!r}"}, problems)
        if problems:
            raise ValidationError(problems)
        moment = Moment(label_n, iso, snapshot, note)
        position = sum(1 for m in self._moments if m.date <= iso)
        moments = [*self._moments[:position], moment, *self._moments[position:]]
        if any(_label_key(m.label) == _label_key(label_n) for m in self._moments):
            moments = [*self._moments, moment]  # report the duplicate where the new one would go
        return self._replace(moments=moments)

    def without_moment(self, label: str) -> "EgoNetwork":
        """A copy without the moment called ``label`` (KeyError if there is none)."""
        gone = self._find_moment(label)
        return self._replace(moments=[m for m in self._moments if m is not gone])

    def working_from_moment(self, label: str) -> "EgoNetwork":
        """A copy whose working network starts again from the moment ``label`` (moments kept).

        The ego, alters, ties and the moment's own extra keys become the working network; the
        case-level keys (:data:`CASE_KEYS`) stay. Used to "start a new moment from the last".

        Examples
        --------
        >>> from netles import datasets
        >>> net = datasets.load_case("voorbeeld").with_moment("intake", "2025-02-03").without_alter("F")
        >>> net.working_from_moment("intake").size
        6
        """
        m = self._find_moment(label).network
        extra = {**{k: v for k, v in self._extra.items() if k in CASE_KEYS}, **m.extra}
        return EgoNetwork(m._ego, m._alters, m._ties, extra, source=self.source, moments=self._moments)

    def with_identity(self, alter_id: str, **changes: Any) -> "EgoNetwork":
        """A copy where a person's ``name`` and/or ``gender`` change in the working network and in
        every moment: correcting a pseudonym must not break "one id is one person".

        Raises
        ------
        KeyError
            If no moment and not the working network has that alter.
        ValueError
            For fields other than ``name`` and ``gender``.
        """
        alter_id = nfc(alter_id) if isinstance(alter_id, str) else alter_id
        wrong = set(changes) - {"name", "gender"}
        if wrong:
            raise ValueError(f"with_identity changes name and gender only, not {sorted(wrong)}")
        if alter_id not in self.all_alter_ids:
            raise KeyError(alter_id)

        def change(records):
            return [{k: v for k, v in {**r, **changes}.items() if v is not None} if r["alter_id"] == alter_id else r for r in records]

        moments = [Moment(m.label, m.date, m.network._replace(alters=change(m.network._alters)), m.note) for m in self._moments]
        return EgoNetwork(self._ego, change(self._alters), self._ties, self._extra, source=self.source, moments=moments)

    @property
    def all_alter_ids(self) -> list[str]:
        """Ids of everyone in the working network or in any moment (working network first).

        A new person needs an id that is not in this list: an id names one person over time.
        """
        ids = dict.fromkeys(self.alter_ids)
        for m in self._moments:
            ids.update(dict.fromkeys(m.network.alter_ids))
        return list(ids)

    @property
    def size(self) -> int:
        """Number of alters."""
        return len(self._alters)

    @property
    def alter_ids(self) -> list[str]:
        """Alter ids in order."""
        return [a["alter_id"] for a in self._alters]

    def alter(self, alter_id: str) -> dict:
        """The record of one alter (a copy), with defaults for ``circle`` and ``sector`` filled in.

        Raises
        ------
        KeyError
            If no alter has that id.
        """
        alter_id = _nid(alter_id)
        for record in self._alters:
            if record["alter_id"] == alter_id:
                out = dict(record)
                if out.get("circle") is None:
                    out["circle"] = vocab.RELATION_CIRCLE[out["relation"]]
                if out.get("sector") is None:
                    out["sector"] = vocab.RELATION_SECTOR[out["relation"]]
                return out
        raise KeyError(alter_id)

    @property
    def alters(self) -> pd.DataFrame:
        """One row per alter, columns :data:`ALTER_FIELDS` then any extra fields.

        ``circle`` and ``sector`` are filled from the relation where absent; ``support`` holds a
        tuple of codes (empty when none); other missing values are None (text) or NaN (numbers).
        Returned as a fresh copy so callers cannot change the network through it.
        """
        return self._alter_frame().copy()

    def _alter_frame(self) -> pd.DataFrame:
        if self._frame_cache is None:
            extras = []
            for record in self._alters:
                extras.extend(k for k in record if k not in ALTER_FIELDS and k not in extras)
            columns: dict[str, list] = {f: [] for f in (*ALTER_FIELDS, *extras)}
            for record in self._alters:
                for f in columns:
                    columns[f].append(record.get(f))
            columns["circle"] = [
                c if c is not None else vocab.RELATION_CIRCLE[r] for c, r in zip(columns["circle"], columns["relation"])
            ]
            columns["sector"] = [
                s if s is not None else vocab.RELATION_SECTOR[r] for s, r in zip(columns["sector"], columns["relation"])
            ]
            columns["support"] = [tuple(s) if s else () for s in columns["support"]]
            frame = pd.DataFrame({f: pd.Series(v, dtype=object) for f, v in columns.items()}, columns=list(columns))
            frame["circle"] = frame["circle"].astype("int64")
            for f in ("age", "travel_minutes", "since"):
                frame[f] = pd.to_numeric(frame[f], errors="raise").astype("float64")
            self._frame_cache = frame
        return self._frame_cache

    @property
    def ties(self) -> pd.DataFrame:
        """One row per alter-alter tie: ``source``, ``target``, ``weight`` (NaN when unset)."""
        return pd.DataFrame(
            {
                "source": pd.Series([t["source"] for t in self._ties], dtype=object),
                "target": pd.Series([t["target"] for t in self._ties], dtype=object),
                "weight": pd.Series([t.get("weight") for t in self._ties], dtype="float64"),
            }
        )

    @property
    def n_ties(self) -> int:
        """Number of alter-alter ties."""
        return len(self._ties)

    def tie_pairs(self) -> list[tuple[str, str]]:
        """The alter-alter ties as (source, target) pairs."""
        return [(t["source"], t["target"]) for t in self._ties]

    def to_networkx(self, include_ego: bool = True) -> nx.Graph:
        """The network as an undirected :class:`networkx.Graph`.

        Parameters
        ----------
        include_ego : bool
            Add the ego as node ``"ego"`` tied to every alter.

        Returns
        -------
        networkx.Graph
            Alter nodes carry their fields as attributes (with defaults filled in); tie weights
            are kept as the ``weight`` edge attribute where set.

        Examples
        --------
        >>> net = EgoNetwork(alters=[{"alter_id": "A", "relation": "friend"}, {"alter_id": "B", "relation": "parent"}])
        >>> sorted(net.to_networkx().edges())
        [('ego', 'A'), ('ego', 'B')]
        >>> net.to_networkx(include_ego=False).number_of_edges()
        0
        """
        graph = nx.Graph()
        if include_ego:
            graph.add_node(EGO_NODE, **{k: v for k, v in self._ego.items() if v is not None}, ego=True)
        for alter_id in self.alter_ids:
            record = self.alter(alter_id)
            attrs = {k: (list(v) if k == "support" else v) for k, v in record.items() if v is not None and k != "alter_id"}
            graph.add_node(alter_id, **attrs)
            if include_ego:
                graph.add_edge(EGO_NODE, alter_id)
        for t in self._ties:
            attrs = {"weight": t["weight"]} if t.get("weight") is not None else {}
            graph.add_edge(t["source"], t["target"], **attrs)
        return graph

    # -- changes (each returns a new network) ------------------------------------------------
    def _replace(self, *, ego=None, alters=None, ties=None, extra=None, moments=None) -> "EgoNetwork":
        # every change of the working network keeps the moments
        return EgoNetwork(
            self._ego if ego is None else ego,
            self._alters if alters is None else alters,
            self._ties if ties is None else ties,
            self._extra if extra is None else extra,
            source=self.source,
            moments=self._moments if moments is None else moments,
        )

    def with_ego(self, **changes: Any) -> "EgoNetwork":
        """A copy with ego fields changed (a value of None removes the field)."""
        ego = {**self._ego, **changes}
        return self._replace(ego={k: v for k, v in ego.items() if v is not None})

    def with_extra(self, **changes: Any) -> "EgoNetwork":
        """A copy with top-level extra keys changed (a value of None removes the key)."""
        extra = {**self._extra, **changes}
        return self._replace(extra={k: v for k, v in extra.items() if v is not None})

    def with_alter(self, record: Mapping) -> "EgoNetwork":
        """A copy with one alter added.

        Raises
        ------
        ValidationError
            If the record is invalid or its id is taken.
        """
        return self._replace(alters=[*self._alters, dict(record)])

    def with_alter_changes(self, alter_id: str, **changes: Any) -> "EgoNetwork":
        """A copy where one alter's fields are changed (a value of None removes the field).

        Raises
        ------
        KeyError
            If no alter has that id.
        ValidationError
            If a new value is invalid.
        """
        alter_id = _nid(alter_id)
        if alter_id not in self.alter_ids:
            raise KeyError(alter_id)
        if "alter_id" in changes and changes["alter_id"] != alter_id:
            raise ValueError("an alter's id cannot be changed; remove it and add a new one")
        alters = []
        for record in self._alters:
            if record["alter_id"] == alter_id:
                record = {k: v for k, v in {**record, **changes}.items() if v is not None}
            alters.append(record)
        return self._replace(alters=alters)

    def without_alter(self, alter_id: str) -> "EgoNetwork":
        """A copy without one alter and without its ties.

        Raises
        ------
        KeyError
            If no alter has that id.
        """
        alter_id = _nid(alter_id)
        if alter_id not in self.alter_ids:
            raise KeyError(alter_id)
        return self._replace(
            alters=[a for a in self._alters if a["alter_id"] != alter_id],
            ties=[t for t in self._ties if alter_id not in (t["source"], t["target"])],
        )

    def has_tie(self, a: str, b: str) -> bool:
        """Whether alters ``a`` and ``b`` know each other."""
        a, b = _nid(a), _nid(b)
        return any({t["source"], t["target"]} == {a, b} for t in self._ties)

    def with_tie(self, a: str, b: str, weight: float | None = None) -> "EgoNetwork":
        """A copy where alters ``a`` and ``b`` know each other (unchanged if they already do)."""
        a, b = _nid(a), _nid(b)
        if self.has_tie(a, b):
            return self
        tie = {"source": a, "target": b}
        if weight is not None:
            tie["weight"] = weight
        return self._replace(ties=[*self._ties, tie])

    def without_tie(self, a: str, b: str) -> "EgoNetwork":
        """A copy where alters ``a`` and ``b`` no longer have a tie (unchanged if they had none)."""
        a, b = _nid(a), _nid(b)
        return self._replace(ties=[t for t in self._ties if {t["source"], t["target"]} != {a, b}])
