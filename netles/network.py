"""The network of one person: ego, alters and the ties between alters.

An :class:`EgoNetwork` is immutable: every change (``with_alter``, ``without_tie``...) returns a new
network, so an intervention or an editor can keep the before and the after side by side.
Construction validates everything and reports all problems at once as a
:class:`netles.ValidationError`.
"""
from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping

import networkx as nx
import numpy as np
import pandas as pd

from . import vocab
from .errors import Problem, ValidationError

__all__ = [
    "EgoNetwork",
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
        return f"{what} from {_fmt(self.low)} to {_fmt(self.high)}"


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
        if kind == "id" and not value.strip():
            return value, "is empty"
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
        return value, f"is {value!r} ({type(value).__name__}), not a number"
    if isinstance(value, numbers.Real) and math.isnan(float(value)):
        return value, "is NaN, not a number"
    if kind == "int":
        if not float(value).is_integer():
            return value, f"is {value!r}, not a whole number"
        value = int(value)
    else:
        value = int(value) if isinstance(value, numbers.Integral) else float(value)
    if (rule.low is not None and value < rule.low) or (rule.high is not None and value > rule.high):
        return value, f"is {value!r}, out of range"
    return value, None


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
    ):
        self.source = source
        self._frame_cache: pd.DataFrame | None = None
        problems: list[Problem] = []
        ego_record = _check_record({} if ego is None else ego, EGO_RULES, {"row": "ego"}, problems)
        self._ego = ego_record or {}

        alter_records: list[dict] = []
        seen_ids: dict[str, int] = {}
        if isinstance(alters, (str, bytes, Mapping)) or not isinstance(alters, Iterable):
            problems.append(Problem(f"is {type(alters).__name__}, not a list", field="alters", allowed="a list of alters"))
            alters = ()
        for i, record in enumerate(alters):
            alter_id = record.get("alter_id") if isinstance(record, Mapping) else None
            where = {"row": f"alters[{i}]", "alter": alter_id if isinstance(alter_id, str) else None}
            normal = _check_record(record, ALTER_RULES, where, problems)
            if normal is None:
                continue
            if isinstance(alter_id, str):
                if alter_id == EGO_NODE:
                    problems.append(Problem(f"{EGO_NODE!r} is reserved for the ego", field="alter_id", allowed="any other id", **where))
                elif alter_id in seen_ids:
                    problems.append(
                        Problem(f"is used twice (also alters[{seen_ids[alter_id]}])", field="alter_id", allowed="a unique id per alter", **where)
                    )
                else:
                    seen_ids[alter_id] = i
            alter_records.append(normal)
        self._alters = tuple(alter_records)

        tie_records: list[dict] = []
        seen_pairs: dict[frozenset, int] = {}
        if isinstance(ties, (str, bytes, Mapping)) or not isinstance(ties, Iterable):
            problems.append(Problem(f"is {type(ties).__name__}, not a list", field="ties", allowed="a list of ties"))
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
        self._extra = dict(extra or {})
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
        extra = {k: v for k, v in data.items() if k not in ("format_version", "ego", "alters", "ties")}
        return cls(data.get("ego") or {}, data.get("alters") or [], data.get("ties") or [], extra, source=source)

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
        return out

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EgoNetwork) and self.to_dict() == other.to_dict()

    __hash__ = None  # mutable-looking contents; compare by value

    def __repr__(self) -> str:
        ego_id = self._ego.get("ego_id")
        return f"<EgoNetwork ego={ego_id!r}: {len(self._alters)} alters, {len(self._ties)} ties>"

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
    def _replace(self, *, ego=None, alters=None, ties=None, extra=None) -> "EgoNetwork":
        return EgoNetwork(
            self._ego if ego is None else ego,
            self._alters if alters is None else alters,
            self._ties if ties is None else ties,
            self._extra if extra is None else extra,
            source=self.source,
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
        if alter_id not in self.alter_ids:
            raise KeyError(alter_id)
        return self._replace(
            alters=[a for a in self._alters if a["alter_id"] != alter_id],
            ties=[t for t in self._ties if alter_id not in (t["source"], t["target"])],
        )

    def has_tie(self, a: str, b: str) -> bool:
        """Whether alters ``a`` and ``b`` know each other."""
        return any({t["source"], t["target"]} == {a, b} for t in self._ties)

    def with_tie(self, a: str, b: str, weight: float | None = None) -> "EgoNetwork":
        """A copy where alters ``a`` and ``b`` know each other (unchanged if they already do)."""
        if self.has_tie(a, b):
            return self
        tie = {"source": a, "target": b}
        if weight is not None:
            tie["weight"] = weight
        return self._replace(ties=[*self._ties, tie])

    def without_tie(self, a: str, b: str) -> "EgoNetwork":
        """A copy where alters ``a`` and ``b`` no longer have a tie (unchanged if they had none)."""
        return self._replace(ties=[t for t in self._ties if {t["source"], t["target"]} != {a, b}])
