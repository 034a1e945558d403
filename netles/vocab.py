"""Controlled vocabularies of the netles data model.

Each vocabulary is an ordered list of codes (the values stored in files and tables) with a Dutch
and an English label. Labels are for people; codes are for files. Order matters where the scale is
ordinal (circle, contact frequency).

The circles and sectors follow the netwerkcirkel van Lensink: four rings by closeness crossed with
four quadrants (family, fellow clients, professionals, society). The five support functions are the
classic functional dimensions of social support (practical, emotional, companionship, appraisal,
information).

References
----------
.. [1] Lensink, M. Netwerkcirkel (a conversation tool for mapping a personal network).
.. [2] House, J. S. (1981). *Work stress and social support*. Addison-Wesley.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

__all__ = [
    "Vocabulary",
    "VOCABULARIES",
    "RELATION",
    "CIRCLE",
    "SECTOR",
    "SUPPORT",
    "CONTACT",
    "SUPPORT_DIRECTION",
    "VALENCE",
    "STATUS",
    "GENDER",
    "RELATION_KIND",
    "RELATION_SECTOR",
    "RELATION_KIND_OF",
    "RELATION_CIRCLE",
    "LANGUAGES",
    "language_index",
    "join_words",
    "label",
    "FIELD_LABELS",
    "readable_table",
    "readable",
]

LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class Vocabulary:
    """An ordered set of codes with Dutch and English labels.

    Parameters
    ----------
    name : str
        The field the vocabulary belongs to (e.g. ``"relation"``).
    labels : dict
        Code -> ``(dutch_label, english_label)``, in the vocabulary's order.
    title : tuple of str
        The field's own label, Dutch and English.

    Examples
    --------
    >>> CIRCLE.codes
    (1, 2, 3, 4)
    >>> CIRCLE.label(1), CIRCLE.label(1, lang="en")
    ('intimi', 'intimates')
    >>> "friend" in RELATION
    True
    """

    name: str
    labels: dict
    title: tuple

    @property
    def codes(self) -> tuple:
        """All codes, in order."""
        return tuple(self.labels)

    def __contains__(self, code: Any) -> bool:
        if isinstance(code, bool):  # True == 1, but True is not circle 1
            return False
        try:
            return code in self.labels
        except TypeError:  # unhashable values are never codes
            return False

    def __iter__(self) -> Iterator:
        return iter(self.labels)

    def __len__(self) -> int:
        return len(self.labels)

    def label(self, code: Any, lang: str = "nl") -> str:
        """The label of ``code`` in ``lang`` (``"nl"`` or ``"en"``)."""
        _check_lang(lang)
        return self.labels[code][LANGUAGES.index(lang)]

    def field_label(self, lang: str = "nl") -> str:
        """The label of the field itself."""
        _check_lang(lang)
        return self.title[LANGUAGES.index(lang)]

    def allowed(self) -> str:
        """The codes as a readable list, for error messages."""
        codes = [repr(c) if isinstance(c, str) else str(c) for c in self.codes]
        return ", ".join(codes[:-1]) + " or " + codes[-1] if len(codes) > 1 else codes[0]

    def index(self, code: Any) -> int:
        """Position of ``code`` in the vocabulary's order."""
        return self.codes.index(code)


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, not {lang!r}")


def language_index(lang: str) -> int:
    """Position of ``lang`` in :data:`LANGUAGES` (the index into an ``(nl, en)`` text pair).

    Examples
    --------
    >>> language_index("en")
    1
    """
    _check_lang(lang)
    return LANGUAGES.index(lang)


_JOINERS = {"and": (" en ", " and "), "or": (" of ", " or ")}


def join_words(items, lang: str = "nl", word: str = "and") -> str:
    """``"A, B en C"`` (``word="or"``: ``"A, B of C"``); one item as it is, none as ``""``.

    Examples
    --------
    >>> join_words(["Anja", "Bram", "Carla"])
    'Anja, Bram en Carla'
    >>> join_words(["Anja", "Bram"], "en", word="or")
    'Anja or Bram'
    """
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + _JOINERS[word][language_index(lang)] + items[-1]


RELATION = Vocabulary(
    "relation",
    {
        "partner": ("partner", "partner"),
        "parent": ("ouder", "parent"),
        "child": ("kind", "child"),
        "sibling": ("broer of zus", "sibling"),
        "other_family": ("overige familie", "other family"),
        "friend": ("vriend(in)", "friend"),
        "neighbour": ("buurman/buurvrouw", "neighbour"),
        "colleague": ("collega", "colleague"),
        "fellow_student": ("medestudent", "fellow student"),
        "acquaintance": ("kennis", "acquaintance"),
        "club_member": ("clublid", "club member"),
        "fellow_client": ("medecliënt", "fellow client"),
        "volunteer": ("vrijwilliger", "volunteer"),
        "professional": ("professional", "professional"),
    },
    ("relatie", "relation"),
)

CIRCLE = Vocabulary(
    "circle",
    {
        1: ("intimi", "intimates"),
        2: ("vrienden", "friends"),
        3: ("bekenden", "acquaintances"),
        4: ("diensten", "services"),
    },
    ("cirkel", "circle"),
)

SECTOR = Vocabulary(
    "sector",
    {
        "family": ("familie", "family"),
        "fellow_clients": ("medecliënten", "fellow clients"),
        "professionals": ("professionals", "professionals"),
        "society": ("samenleving", "society"),
    },
    ("sector", "sector"),
)

SUPPORT = Vocabulary(
    "support",
    {
        "practical": ("praktische hulp", "practical help"),
        "emotional": ("emotionele steun", "emotional support"),
        "companionship": ("gezelschap", "companionship"),
        "appraisal": ("waardering", "appraisal"),
        "information": ("informatie en advies", "information and advice"),
    },
    ("steunfunctie", "support function"),
)

CONTACT = Vocabulary(
    "contact",
    {
        "daily": ("dagelijks", "daily"),
        "weekly": ("wekelijks", "weekly"),
        "monthly": ("maandelijks", "monthly"),
        "yearly": ("jaarlijks", "yearly"),
        "rarely": ("zelden", "rarely"),
    },
    ("contactfrequentie", "contact frequency"),
)

SUPPORT_DIRECTION = Vocabulary(
    "support_direction",
    {
        "receives": ("ontvangt steun", "receives support"),
        "gives": ("geeft steun", "gives support"),
        "mutual": ("wederzijds", "mutual"),
    },
    ("richting van de steun", "direction of support"),
)

VALENCE = Vocabulary(
    "valence",
    {
        "supportive": ("steunend", "supportive"),
        "ambivalent": ("wisselend", "ambivalent"),
        "burdening": ("belastend", "burdening"),
    },
    ("lading", "valence"),
)

STATUS = Vocabulary(
    "status",
    {
        "active": ("actief", "active"),
        "faded": ("verwaterd", "faded"),
        "disrupted": ("verstoord", "disrupted"),
    },
    ("status", "status"),
)

GENDER = Vocabulary(
    "gender",
    {
        "F": ("vrouw", "woman"),
        "M": ("man", "man"),
        "X": ("anders", "other"),
    },
    ("gender", "gender"),
)

RELATION_KIND = Vocabulary(
    "relation_kind",
    {
        "family": ("familie", "family"),
        "informal": ("overig informeel", "other informal"),
        "professional": ("professioneel", "professional"),
    },
    ("soort relatie", "kind of relation"),
)

VOCABULARIES = {
    v.name: v
    for v in (RELATION, CIRCLE, SECTOR, SUPPORT, CONTACT, SUPPORT_DIRECTION, VALENCE, STATUS, GENDER)
}
"""Field name -> vocabulary, for every alter field with a controlled vocabulary."""

_FAMILY = ("partner", "parent", "child", "sibling", "other_family")

RELATION_SECTOR = {
    rel: (
        "family"
        if rel in _FAMILY
        else "fellow_clients"
        if rel == "fellow_client"
        else "professionals"
        if rel == "professional"
        else "society"
    )
    for rel in RELATION
}
"""Default Lensink sector of each relation (used when an alter has no ``sector``)."""

RELATION_KIND_OF = {
    rel: "family" if rel in _FAMILY else "professional" if rel == "professional" else "informal"
    for rel in RELATION
}
"""Each relation as family, professional or other informal (for ``share_family`` and
``share_professional``)."""

RELATION_CIRCLE = {
    "partner": 1,
    "parent": 1,
    "child": 1,
    "sibling": 2,
    "other_family": 3,
    "friend": 2,
    "neighbour": 3,
    "colleague": 3,
    "fellow_student": 3,
    "acquaintance": 3,
    "club_member": 3,
    "fellow_client": 3,
    "volunteer": 3,
    "professional": 4,
}
"""Default circle of each relation (used when an alter has no ``circle``): a first guess that the
student is expected to correct."""


def label(field: str, code: Any, lang: str = "nl") -> str:
    """Label of ``code`` in the vocabulary of ``field``.

    Parameters
    ----------
    field : str
        A key of :data:`VOCABULARIES` or ``"relation_kind"``.
    code : object
        The stored code.
    lang : {"nl", "en"}
        Label language.

    Returns
    -------
    str

    Raises
    ------
    KeyError
        If the field has no vocabulary or the code is not in it.

    Examples
    --------
    >>> label("relation", "neighbour")
    'buurman/buurvrouw'
    >>> label("support", "appraisal", lang="en")
    'appraisal'
    """
    vocab = RELATION_KIND if field == "relation_kind" else VOCABULARIES[field]
    return vocab.label(code, lang)


# -- tables a student reads ---------------------------------------------------------------------

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "alter_id": ("nr.", "no."),
    "ego_id": ("cliënt", "client"),
    "name": ("naam", "name"),
    "age": ("leeftijd", "age"),
    "travel_minutes": ("reistijd (min.)", "travel time (min.)"),
    "since": ("bekend sinds", "known since"),
    "maintained": ("onderhouden", "maintained"),
    "cut": ("band doorgesneden", "tie cut"),
    "role": ("rol", "role"),
    "moment": ("moment", "moment"),
}
"""Column headers for alter fields without a vocabulary (Dutch, English)."""

_WHOLE_NUMBER_FIELDS = ("age", "since", "travel_minutes", "circle")
_YES_NO = {True: ("ja", "yes"), False: ("nee", "no")}


def _readable_class():
    import pandas as pd

    class ReadableTable(pd.DataFrame):
        """A table for people: shown without its index (which holds internal keys such as metric
        or alter ids). It is an ordinary DataFrame otherwise (``.loc[key]`` still works)."""

        @property
        def _constructor(self):
            return ReadableTable

        def _repr_html_(self) -> str:
            return self.to_html(index=False, na_rep="")

        def __repr__(self) -> str:
            return self.to_string(index=False, na_rep="")

    return ReadableTable


_READABLE = None


def readable(frame) -> "pandas.DataFrame":  # noqa: F821
    """``frame`` as a table shown without its index (see :func:`readable_table`)."""
    global _READABLE
    if _READABLE is None:
        _READABLE = _readable_class()
    return _READABLE(frame)


def _cell(field: str, value: Any, lang: str) -> Any:
    i = LANGUAGES.index(lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_cell(field, v, lang)) for v in value)
    try:
        import pandas as pd

        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return ""
    except (TypeError, ValueError):
        pass
    if isinstance(value, bool):
        return _YES_NO[value][i]
    if field in VOCABULARIES and value in VOCABULARIES[field]:
        return VOCABULARIES[field].label(value, lang)
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 2005.0 is a year, not a measurement
    if isinstance(value, float):
        text = f"{value:.2f}".rstrip("0").rstrip(".")
        return text.replace(".", ",") if lang == "nl" else text
    return value


def readable_table(frame, lang: str = "nl", columns=None):
    """A table of alters (or egos) as a student should read it: labels, not codes.

    Every column with a vocabulary shows its Dutch (or English) labels (``sibling`` -> "broer of
    zus", ``weekly`` -> "wekelijks", ``burdening`` -> "belastend"); a list of support functions
    becomes "praktische hulp, gezelschap"; years, ages and minutes are whole numbers (never
    "2005.0"); True/False is "ja"/"nee"; missing values are empty. The headers are the fields'
    labels. The result is shown without its index.

    Parameters
    ----------
    frame : pandas.DataFrame
        E.g. ``net.alters`` or a selection of its columns.
    lang : {"nl", "en"}
    columns : list of str, optional
        Which columns to keep, in order (default: all but the internal ids ``alter_id`` and
        ``ego_id``).

    Returns
    -------
    pandas.DataFrame
        A new table; ``frame`` is not changed.

    Examples
    --------
    >>> from netles import datasets
    >>> net = datasets.load_case("voorbeeld")
    >>> table = readable_table(net.alters, columns=["name", "relation", "contact", "support"])
    >>> list(table.columns)
    ['naam', 'relatie', 'contactfrequentie', 'steunfunctie']
    >>> table.iloc[1].tolist()
    ['Bram (broer)', 'broer of zus', 'maandelijks', '']
    """
    _check_lang(lang)
    i = LANGUAGES.index(lang)
    if columns is None:
        columns = [c for c in frame.columns if c not in ("alter_id", "ego_id")]
    data = frame[list(columns)]
    out = {}
    for column in data.columns:
        values = [_cell(column, v, lang) for v in data[column].tolist()]
        if column in VOCABULARIES:
            header = VOCABULARIES[column].field_label(lang)
        elif column in FIELD_LABELS:
            header = FIELD_LABELS[column][i]
        else:
            header = str(column)
        out[header] = values
    import pandas as pd

    return readable(pd.DataFrame(out, index=data.index))
