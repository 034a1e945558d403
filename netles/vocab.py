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
    "label",
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
