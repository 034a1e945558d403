"""Questionnaires on carer strain, loneliness, social isolation and carer quality of life.

Seven short instruments that the teacher's guide names for carer burden and social support, scored
as REFERENCES.md (section 3) prescribes:

=============  ==========================================  ===========  =============================
name           instrument                                  score        bands
=============  ==========================================  ===========  =============================
``csi``        Caregiver Strain Index (Robinson 1983)       0-13         7 or more: high strain
``mcsi``       Modified CSI (Thornton & Travis 2003)        0-26         none (score only)
``ediz``       Ervaren Druk door Informele Zorg (Pot,       0-9          none for the 9-item form
               van Dyck & Deeg 1995)
``lsns6``      Lubben Social Network Scale, 6 items         0-30         below 12: at risk of
               (Lubben et al. 2006)                                     isolation (a parameter)
``djg11``      De Jong Gierveld loneliness scale, 11 items  0-11         0-2 / 3-8 / 9-11
``djg6``       De Jong Gierveld loneliness scale, 6 items   0-6          0-1 / 2-4 / 5-6
``carerqol``   CarerQol-7D + VAS (Brouwer et al. 2006)      0-14         none (higher is better)
=============  ==========================================  ===========  =============================

Every scoring function takes the answers either as a list in item order or as a dict
``item key -> answer`` (absent keys count as missing), and returns a frozen :class:`ScaleResult`
(score, subscales, band, Dutch and English interpretation, the items used). Unknown answers,
unknown item keys and a list of the wrong length raise :class:`netles.ValidationError` naming the
item and what is allowed. A missing answer is ``None``, NaN or an empty string.

The registry :data:`SCALES` (name -> :class:`ScaleSpec`) holds the items, answer options and
labels of each scale, so that a form can be built for any scale without knowing it, and
:func:`score` scores by name.

Item labels are short paraphrases **in our own words** (Dutch and English) of what each item asks;
they are meant for teaching. For research or clinical use, take the validated wording from the
publication cited with each scale.

Missing answers (each rule is stated in the scale's ``missing_rule`` as well):

* DJG-6: the total is missing when more than one item is missing; a single missing item counts 0;
  a subscale is missing when any of its items is missing (de Jong Gierveld & van Tilburg, manual of
  the loneliness scale, SPSS syntax for the short scale).
* DJG-11: **netles** applies the same rule (at most one missing item for the total, none for a
  subscale); the sources at hand give no separate rule for the long form.
* CSI, MCSI, EDIZ, CarerQol-7D, LSNS-6: no published rule in the sources at hand, so **netles**
  scores a total only when every item is answered (one unanswered item can move a score across the
  CSI or LSNS-6 boundary). LSNS-6 subscales are scored when their own three items are answered.

References
----------
.. [1] Robinson, B. C. (1983). Validation of a Caregiver Strain Index. *Journal of Gerontology*
   38(3), 344-348.
.. [2] Thornton, M. & Travis, S. S. (2003). Analysis of the reliability of the Modified Caregiver
   Strain Index. *Journal of Gerontology B* 58(2), S127-S132.
.. [3] Pot, A. M., van Dyck, R. & Deeg, D. J. H. (1995). Ervaren druk door informele zorg:
   constructie van een schaal. *Tijdschrift voor Gerontologie en Geriatrie* 26, 214-219.
.. [4] Lubben, J. et al. (2006). Performance of an abbreviated version of the Lubben Social
   Network Scale among three European community-dwelling older adult populations.
   *The Gerontologist* 46(4), 503-513.
.. [5] de Jong Gierveld, J. & Kamphuis, F. (1985). The development of a Rasch-type loneliness
   scale. *Applied Psychological Measurement* 9(3), 289-299.
.. [6] de Jong Gierveld, J. & van Tilburg, T. (2006). A 6-item scale for overall, emotional, and
   social loneliness. *Research on Aging* 28(5), 582-598.
.. [7] de Jong Gierveld, J. & van Tilburg, T. (1999). *Manual of the Loneliness Scale*.
   Vrije Universiteit Amsterdam.
.. [8] Brouwer, W. B. F. et al. (2006). The CarerQol instrument: a new instrument to measure
   care-related quality of life of informal caregivers. *Quality of Life Research* 15, 1005-1021.
"""
from __future__ import annotations

import math
import numbers
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Sequence

import numpy as np

from . import vocab
from .errors import Problem, ValidationError

__all__ = [
    "Band",
    "AnswerOption",
    "Item",
    "ExtraInput",
    "ScaleSpec",
    "ScaleResult",
    "SCALES",
    "scale_names",
    "score",
    "csi",
    "mcsi",
    "ediz",
    "lsns6",
    "lsns6_code",
    "lsns6_from_network",
    "djg11",
    "djg6",
    "carerqol",
    "LSNS6_CUTOFF",
    "LSNS6_SUBSCALE_CUTOFF",
]

LSNS6_CUTOFF = 12
"""Default LSNS-6 boundary: a total below 12 counts as at risk of social isolation."""
LSNS6_SUBSCALE_CUTOFF = 6
"""LSNS-6 subscale boundary: a family or friends subscale below 6 counts as at risk."""


# --------------------------------------------------------------------------------------------
# data types
# --------------------------------------------------------------------------------------------


def _pick(nl: str, en: str, lang: str) -> str:
    if lang not in vocab.LANGUAGES:
        raise ValueError(f"lang must be one of {vocab.LANGUAGES}, not {lang!r}")
    return nl if lang == "nl" else en


@dataclass(frozen=True)
class Band:
    """A named range of scores (e.g. "hoge belasting").

    Parameters
    ----------
    code : str
        Stable code, for files and tests.
    nl, en : str
        Dutch and English label.

    Examples
    --------
    >>> Band("high_strain", "hoge belasting", "high strain").label("en")
    'high strain'
    """

    code: str
    nl: str
    en: str

    def label(self, lang: str = "nl") -> str:
        """The label in ``lang`` (``"nl"`` or ``"en"``)."""
        return _pick(self.nl, self.en, lang)


@dataclass(frozen=True)
class AnswerOption:
    """One answer a respondent can give.

    Parameters
    ----------
    code : object
        The canonical code, as stored in :attr:`ScaleResult.answers` and offered by a form.
    nl, en : str
        Dutch and English label.
    aliases : tuple
        Other inputs accepted for this answer (texts are compared case-insensitively, ignoring
        hyphens and extra spaces).
    """

    code: Any
    nl: str
    en: str
    aliases: tuple = ()

    def label(self, lang: str = "nl") -> str:
        """The label in ``lang``."""
        return _pick(self.nl, self.en, lang)


@dataclass(frozen=True)
class Item:
    """One item of a scale.

    Parameters
    ----------
    key : str
        Stable item key (used in dict answers and results).
    nl, en : str
        What the item asks, paraphrased in our own words.
    subscale : str or None
        Key of the subscale the item belongs to.
    keying : {"negative", "positive"}
        ``"positive"`` items are worded favourably and score the other way round (De Jong
        Gierveld social items, CarerQol fulfilment and support).
    """

    key: str
    nl: str
    en: str
    subscale: str | None = None
    keying: str = "negative"

    def label(self, lang: str = "nl") -> str:
        """The label in ``lang``."""
        return _pick(self.nl, self.en, lang)


@dataclass(frozen=True)
class ExtraInput:
    """A number asked next to the items (the CarerQol VAS).

    Parameters
    ----------
    key : str
        Keyword of the scoring function (and accepted as a key in dict answers).
    nl, en : str
        Label.
    low, high : float
        Allowed range (inclusive).
    """

    key: str
    nl: str
    en: str
    low: float
    high: float

    def label(self, lang: str = "nl") -> str:
        """The label in ``lang``."""
        return _pick(self.nl, self.en, lang)


@dataclass(frozen=True)
class ScaleSpec:
    """Everything a form needs to present a scale, and the function that scores it.

    Attributes
    ----------
    name : str
        Registry key (``"csi"``, ``"djg6"``...).
    title_nl, title_en : str
        Name of the instrument.
    source : str
        Citation of the publication the scoring follows.
    instruction_nl, instruction_en : str
        Question stem shown above the items, in our own words.
    items : tuple of Item
        In questionnaire order.
    options : tuple of AnswerOption
        The answers allowed for every item, in the order a form shows them.
    score_range : tuple of int
        Lowest and highest total.
    subscales : dict
        Subscale key -> ``(dutch, english)`` label.
    bands : tuple
        ``(low, high, Band)`` for fixed bands; empty when the scale has no cut-off (LSNS-6 bands
        depend on the cut-off parameter and are computed by :func:`lsns6`).
    missing_rule_nl, missing_rule_en : str
        How missing answers are handled, and where the rule comes from.
    extra_inputs : tuple of ExtraInput
        Numbers asked next to the items.
    function : callable
        The scoring function, ``function(answers, **options) -> ScaleResult``.
    """

    name: str
    title_nl: str
    title_en: str
    source: str
    instruction_nl: str
    instruction_en: str
    items: tuple
    options: tuple
    score_range: tuple
    subscales: dict
    bands: tuple
    missing_rule_nl: str
    missing_rule_en: str
    extra_inputs: tuple = ()
    function: Callable | None = field(default=None, compare=False, repr=False)

    def title(self, lang: str = "nl") -> str:
        """The instrument's name in ``lang``."""
        return _pick(self.title_nl, self.title_en, lang)

    def instruction(self, lang: str = "nl") -> str:
        """The question stem in ``lang``."""
        return _pick(self.instruction_nl, self.instruction_en, lang)

    def missing_rule(self, lang: str = "nl") -> str:
        """The missing-data rule in ``lang``."""
        return _pick(self.missing_rule_nl, self.missing_rule_en, lang)

    @property
    def item_keys(self) -> tuple:
        """Item keys in questionnaire order."""
        return tuple(item.key for item in self.items)

    @property
    def option_codes(self) -> tuple:
        """Canonical answer codes in form order."""
        return tuple(o.code for o in self.options)

    def item(self, key: str) -> Item:
        """The item with ``key``."""
        for it in self.items:
            if it.key == key:
                return it
        raise KeyError(key)

    def allowed_answers(self) -> str:
        """The allowed answers in words, for error messages."""
        shown = [_show(o.code) if _show(o.code) == repr(o.en) else f"{_show(o.code)} ({o.en})" for o in self.options]
        return ", ".join(shown) + "; or empty for a missing answer"

    def read_answers(self, answers: Any) -> dict:
        """Answers (a list in item order or a dict item key -> answer, any accepted spelling) as
        item key -> answer code (None where missing).

        Raises
        ------
        ValidationError
            For unknown answers or a wrong number of items, naming the item.

        Examples
        --------
        >>> SCALES["csi"].read_answers([1, 0, True, "ja", None, "nee", 0, 0, 0, 0, 0, 0, 0])["physical"]
        'ja'
        """
        return _read_answers(self, answers)

    def score(self, answers: Any, **options: Any) -> "ScaleResult":
        """Score ``answers`` with this scale's function."""
        return self.function(answers, **options)


@dataclass(frozen=True)
class ScaleResult:
    """The outcome of scoring one questionnaire.

    Attributes
    ----------
    scale : str
        Registry name of the scale.
    score : int or None
        Total score; ``None`` when too many answers are missing (see the scale's missing rule).
    subscales : dict
        Subscale key -> score (or ``None`` when missing); empty for scales without subscales.
    band : Band or None
        The band of the total; ``None`` when the scale has no cut-off or the total is missing.
    interpretation : str
        What the score means, in Dutch.
    interpretation_en : str
        The same in English.
    items : tuple of str
        Keys of the items that were answered and used.
    answers : dict
        Item key -> canonical answer code (``None`` when missing), in item order.
    missing : tuple of str
        Keys of the items without an answer.
    subscale_bands : dict
        Subscale key -> Band, where a subscale has its own cut-off (LSNS-6).
    extra : dict
        Anything else worth keeping (the CarerQol VAS, the LSNS-6 cut-off used, counts read from a
        network).
    """

    scale: str
    score: int | None
    subscales: dict
    band: Band | None
    interpretation: str
    interpretation_en: str
    items: tuple
    answers: dict
    missing: tuple = ()
    subscale_bands: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)

    def describe(self, lang: str = "nl") -> str:
        """The interpretation in ``lang``."""
        return _pick(self.interpretation, self.interpretation_en, lang)

    def band_label(self, lang: str = "nl") -> str | None:
        """Label of the band in ``lang``, or ``None`` without a band."""
        return None if self.band is None else self.band.label(lang)

    def to_dict(self) -> dict:
        """Plain dict (band as its code), e.g. for a table row or a JSON file."""
        return {
            "scale": self.scale,
            "score": self.score,
            "subscales": dict(self.subscales),
            "band": None if self.band is None else self.band.code,
            "subscale_bands": {k: b.code for k, b in self.subscale_bands.items()},
            "interpretation": self.interpretation,
            "items": list(self.items),
            "answers": dict(self.answers),
            "missing": list(self.missing),
            "extra": dict(self.extra),
        }


# --------------------------------------------------------------------------------------------
# reading answers
# --------------------------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\-_]+")


def _norm_text(text: str) -> str:
    return _SPACES.sub(" ", text.strip().casefold())


def _key_of(value: Any) -> tuple | None:
    """A type-aware lookup key: True must not match the code 1, nor "1" the code 1."""
    if isinstance(value, (bool, np.bool_)):
        return ("b", bool(value))
    if isinstance(value, numbers.Integral):
        return ("i", int(value))
    if isinstance(value, numbers.Real):
        x = float(value)
        return ("i", int(x)) if x.is_integer() else ("f", x)
    if isinstance(value, str):
        return ("s", _norm_text(value))
    return None


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    if isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_)):
        return math.isnan(float(value))
    return type(value).__name__ in ("NAType", "NaTType")


def _show(value: Any) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def _alias_map(spec: ScaleSpec) -> dict:
    table = {}
    for opt in spec.options:
        for alias in (opt.code, *opt.aliases):
            table[_key_of(alias)] = opt.code
    return table


def _read_answers(spec: ScaleSpec, answers: Any, aliases: dict | None = None) -> dict:
    """Item key -> canonical code or None; every problem reported at once."""
    aliases = _alias_map(spec) if aliases is None else aliases
    keys = spec.item_keys
    extra_keys = {e.key for e in spec.extra_inputs}
    problems: list[Problem] = []
    if isinstance(answers, Mapping):
        raw = {}
        for key, value in answers.items():
            if key in extra_keys:
                continue
            if key not in keys:
                problems.append(
                    Problem(
                        f"{_show(key)} is not an item of the {spec.title_en}",
                        field=str(key),
                        value=key,
                        allowed="item keys " + ", ".join(keys),
                    )
                )
                continue
            raw[key] = value
        raw = {k: raw.get(k) for k in keys}
    elif isinstance(answers, (str, bytes)) or not isinstance(answers, Iterable):
        raise ValidationError(
            Problem(
                f"answers to the {spec.title_en} must be a list in item order or a dict "
                f"item key -> answer, not {type(answers).__name__}",
                value=answers,
                allowed=f"a list of {len(keys)} answers or a dict with keys " + ", ".join(keys),
            )
        )
    else:
        values = list(answers)
        if len(values) != len(keys):
            raise ValidationError(
                Problem(
                    f"the {spec.title_en} has {len(keys)} items, but {len(values)} answers were given",
                    value=len(values),
                    allowed=f"exactly {len(keys)} answers in item order (None for a missing answer)",
                )
            )
        raw = dict(zip(keys, values))
    out = {}
    for number, key in enumerate(keys, start=1):
        value = raw[key]
        if _is_missing(value):
            out[key] = None
            continue
        code = aliases.get(_key_of(value), _NOT_FOUND)
        if code is _NOT_FOUND:
            problems.append(
                Problem(
                    f"answer {_show(value)} is not an answer of the {spec.title_en}",
                    row=f"item {number}",
                    field=key,
                    value=value,
                    allowed=spec.allowed_answers(),
                )
            )
            continue
        out[key] = code
    if problems:
        raise ValidationError(problems)
    return out


_NOT_FOUND = object()


def _check_number(spec: ScaleSpec, extra: ExtraInput, value: Any) -> float | int | None:
    if _is_missing(value):
        return None
    ok = isinstance(value, numbers.Real) and not isinstance(value, bool)
    if ok:
        x = float(value)
        ok = extra.low <= x <= extra.high
    if not ok:
        raise ValidationError(
            Problem(
                f"{_show(value)} is not a valid {extra.key.upper()} for the {spec.title_en}",
                field=extra.key,
                value=value,
                allowed=f"a number from {extra.low:g} to {extra.high:g} (or empty)",
            )
        )
    return int(x) if x.is_integer() else x


def _band_of(spec: ScaleSpec, total: int | None) -> Band | None:
    if total is None:
        return None
    for low, high, band in spec.bands:
        if low <= total <= high:
            return band
    return None


def _and(items: Sequence[str], lang: str) -> str:
    """``"3"``, ``"3 en 9"``, ``"2, 3 en 9"`` (Dutch) or with ``and`` (English)."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + (" en " if lang == "nl" else " and ") + items[-1]


def _missing_text(spec: ScaleSpec, missing: Sequence[str], lang: str) -> str:
    """Which questions are unanswered, by their number on the form (never an internal item key),
    with singular and plural right: "vraag 9 is niet beantwoord", "vragen 3 en 9 zijn ..."."""
    order = list(spec.item_keys)
    numbers = [str(order.index(k) + 1) if k in order else str(k) for k in missing]
    one = len(numbers) == 1
    if lang == "nl":
        return f"{'vraag' if one else 'vragen'} {_and(numbers, 'nl')} {'is' if one else 'zijn'} niet beantwoord"
    return f"{'question' if one else 'questions'} {_and(numbers, 'en')} {'is' if one else 'are'} unanswered"


def _n_missing(n: int, lang: str) -> str:
    """``"er ontbreekt er 1"`` / ``"er ontbreken er 2"``; ``"1 is missing"`` / ``"2 are missing"``."""
    if lang == "nl":
        return f"er ontbreekt er {n}" if n == 1 else f"er ontbreken er {n}"
    return f"{n} is missing" if n == 1 else f"{n} are missing"


def _result(
    spec: ScaleSpec,
    answers: dict,
    total: int | None,
    subscales: dict,
    band: Band | None,
    nl: str,
    en: str,
    subscale_bands: dict | None = None,
    extra: dict | None = None,
) -> ScaleResult:
    missing = tuple(k for k, v in answers.items() if v is None)
    if missing:
        nl += " Let op: " + _missing_text(spec, missing, "nl") + "."
        en += " Note: " + _missing_text(spec, missing, "en") + "."
    return ScaleResult(
        scale=spec.name,
        score=total,
        subscales=subscales,
        band=band,
        interpretation=nl,
        interpretation_en=en,
        items=tuple(k for k, v in answers.items() if v is not None),
        answers=answers,
        missing=missing,
        subscale_bands=subscale_bands or {},
        extra=extra or {},
    )


def _sum_all(points: dict) -> int | None:
    """Total when every item is answered, else None (the netles rule for most scales)."""
    if any(p is None for p in points.values()):
        return None
    return int(sum(points.values()))


def _incomplete(spec: ScaleSpec, answers: dict) -> tuple[str, str]:
    n = sum(v is None for v in answers.values())
    return (
        f"Geen totaalscore: de {spec.title_nl} telt alleen als alle {len(answers)} vragen zijn "
        f"beantwoord, en {_n_missing(n, 'nl')}.",
        f"No total: the {spec.title_en} is scored only when all {len(answers)} questions are answered, "
        f"and {_n_missing(n, 'en')}.",
    )


# --------------------------------------------------------------------------------------------
# CSI and modified CSI
# --------------------------------------------------------------------------------------------

_CSI_ITEMS = (
    Item("sleep", "Mijn nachtrust raakt verstoord door de zorg.", "My sleep gets disturbed by the care."),
    Item("inconvenient", "De zorg komt mij vaak slecht uit.", "Caring is often inconvenient for me."),
    Item("physical", "De zorg vraagt veel van mijn lichaam.", "Caring is a physical strain on me."),
    Item("confining", "De zorg houdt mij aan huis gebonden.", "Caring ties me down."),
    Item("family", "Ons gezin heeft zich moeten aanpassen.", "Our family has had to adjust."),
    Item("plans", "Ik heb eigen plannen moeten veranderen.", "I have had to change my own plans."),
    Item(
        "time",
        "Er wordt ook op andere fronten veel van mijn tijd gevraagd.",
        "Other things also make heavy demands on my time.",
    ),
    Item("emotional", "Ik heb me emotioneel moeten aanpassen.", "I have had to adjust emotionally."),
    Item(
        "behaviour",
        "Gedrag van mijn naaste raakt of verontrust mij.",
        "Some behaviour of the person I care for upsets me.",
    ),
    Item(
        "changed",
        "Het doet me verdriet hoe mijn naaste veranderd is.",
        "It upsets me how much the person has changed.",
    ),
    Item("work", "Ik heb mijn werk moeten aanpassen.", "I have had to adjust my work."),
    Item("financial", "De zorg kost mij (te) veel geld.", "Caring is a financial strain."),
    Item("overwhelmed", "Ik voel me erdoor overspoeld.", "I feel completely overwhelmed."),
)

_YES_NO = (
    AnswerOption("ja", "ja", "yes", (True, 1, "yes", "j", "y", "waar", "true")),
    AnswerOption("nee", "nee", "no", (False, 0, "no", "n", "niet waar", "false")),
)

_CSI_HIGH = Band("high_strain", "hoge belasting", "high strain")
_CSI_LOW = Band("below_cutoff", "onder de grens voor hoge belasting", "below the high-strain cut-off")


def csi(answers: Sequence | Mapping) -> ScaleResult:
    """Caregiver Strain Index (CSI): 13 yes/no items on the strain of caring.

    Each "ja" counts 1; the total runs from 0 to 13 and a total of 7 or more means high strain
    (Robinson 1983).

    Parameters
    ----------
    answers : list or dict
        13 answers in item order (see ``SCALES["csi"].item_keys``) or a dict item key -> answer.
        Allowed: ``"ja"`` / ``"nee"``, ``True`` / ``False``, ``1`` / ``0``, ``"yes"`` / ``"no"``;
        ``None`` for a missing answer.

    Returns
    -------
    ScaleResult
        ``band`` is ``high_strain`` (7-13) or ``below_cutoff`` (0-6). With any missing answer the
        total and band are ``None`` (**netles** rule: one unanswered item can cross the boundary).

    Raises
    ------
    ValidationError
        Unknown answers or item keys, or a list of the wrong length.

    Examples
    --------
    The worked example of REFERENCES.md: "ja" on items 1, 2, 3, 4, 6, 9 and 13.

    >>> yes = {1, 2, 3, 4, 6, 9, 13}
    >>> r = csi([i in yes for i in range(1, 14)])
    >>> r.score, r.band.code
    (7, 'high_strain')
    >>> print(r.interpretation)  # doctest: +ELLIPSIS
    CSI-score 7 van 13: hoge belasting ...

    References
    ----------
    .. [1] Robinson, B. C. (1983). Validation of a Caregiver Strain Index. *Journal of
       Gerontology* 38(3), 344-348.
    """
    spec = SCALES["csi"]
    ans = _read_answers(spec, answers)
    total = _sum_all({k: None if v is None else int(v == "ja") for k, v in ans.items()})
    band = _band_of(spec, total)
    if total is None:
        nl, en = _incomplete(spec, ans)
    elif band is _CSI_HIGH:
        nl = (
            f"CSI-score {total} van 13: hoge belasting (7 of meer). Bespreek met de mantelzorger wat "
            "het zwaarst weegt en wie in het netwerk taken kan overnemen of respijt kan bieden."
        )
        en = (
            f"CSI score {total} of 13: high strain (7 or more). Talk with the carer about what weighs "
            "most and who in the network could take over tasks or offer respite."
        )
    else:
        nl = (
            f"CSI-score {total} van 13: onder de grens van 7 voor hoge belasting. Kijk toch naar de "
            "items met 'ja': daar zit de belasting die er wel is."
        )
        en = (
            f"CSI score {total} of 13: below the cut-off of 7 for high strain. Still look at the "
            "items answered 'yes': that is where the strain that exists lies."
        )
    return _result(spec, ans, total, {}, band, nl, en)


_MCSI_OPTIONS = (
    AnswerOption(
        "regelmatig", "ja, regelmatig", "yes, on a regular basis",
        (2, "ja regelmatig", "yes regularly", "yes, regularly", "regularly", "yes on a regular basis"),
    ),
    AnswerOption("soms", "ja, soms", "yes, sometimes", (1, "ja soms", "yes sometimes", "sometimes")),
    AnswerOption("nee", "nee", "no", (0, "no")),
)
_MCSI_POINTS = {"regelmatig": 2, "soms": 1, "nee": 0}


def mcsi(answers: Sequence | Mapping) -> ScaleResult:
    """Modified Caregiver Strain Index (MCSI): the 13 CSI items with three answers.

    "Ja, regelmatig" counts 2, "ja, soms" 1 and "nee" 0; the total runs from 0 to 26, higher
    means more strain. There is no published cut-off, so only the score is reported
    (Thornton & Travis 2003).

    Parameters
    ----------
    answers : list or dict
        13 answers in item order (the CSI item keys). Allowed: ``"regelmatig"`` (or ``2``),
        ``"soms"`` (or ``1``), ``"nee"`` (or ``0``), also "ja, regelmatig", "ja, soms" and the
        English answers; ``None`` for a missing answer.

    Returns
    -------
    ScaleResult
        ``band`` is always ``None``. With any missing answer the total is ``None`` (**netles**
        rule).

    Raises
    ------
    ValidationError
        Unknown answers or item keys, or a list of the wrong length.

    Examples
    --------
    >>> r = mcsi([2, 1, 0, 2, 1, 1, 0, 2, 0, 1, 0, 1, 2])
    >>> r.score, r.band
    (13, None)

    References
    ----------
    .. [1] Thornton, M. & Travis, S. S. (2003). Analysis of the reliability of the Modified
       Caregiver Strain Index. *Journal of Gerontology B* 58(2), S127-S132.
    """
    spec = SCALES["mcsi"]
    ans = _read_answers(spec, answers)
    total = _sum_all({k: None if v is None else _MCSI_POINTS[v] for k, v in ans.items()})
    if total is None:
        nl, en = _incomplete(spec, ans)
    else:
        often = [k for k, v in ans.items() if v == "regelmatig"]
        nl = (
            f"MCSI-score {total} van 26 (hoger is zwaarder belast). De MCSI heeft geen vaste "
            f"grenswaarde: vergelijk met een eerdere meting en bespreek de {len(often)} items die "
            "regelmatig spelen."
        )
        en = (
            f"MCSI score {total} of 26 (higher means more strain). The MCSI has no fixed cut-off: "
            f"compare with an earlier measurement and discuss the {len(often)} items that occur "
            "regularly."
        )
    return _result(spec, ans, total, {}, None, nl, en)


# --------------------------------------------------------------------------------------------
# EDIZ
# --------------------------------------------------------------------------------------------

_EDIZ_ITEMS = (
    Item("own_life", "Door de zorg kom ik nauwelijks aan mijn eigen leven toe.",
         "Because of the care I hardly get round to my own life."),
    Item("combining", "Zorg combineren met werk of gezin valt me zwaar.",
         "Combining the care with work or family is hard for me."),
    Item("others", "Anderen komen tekort doordat ik voor mijn naaste zorg.",
         "Others lose out because I care for my relative."),
    Item("on_call", "Ik moet steeds beschikbaar zijn voor mijn naaste.",
         "I always have to be available for my relative."),
    Item("independence", "Mijn eigen zelfstandigheid staat onder druk.",
         "My own independence is under pressure."),
    Item("attention", "Mijn naaste vraagt voortdurend aandacht.",
         "My relative's situation constantly needs my attention."),
    Item("conflicts", "De zorg geeft ruzie thuis of op het werk.",
         "The care leads to conflicts at home or at work."),
    Item("never_free", "Ik kan de situatie van mijn naaste nooit loslaten.",
         "I can never let go of my relative's situation."),
    Item("pressure", "Alles bij elkaar voel ik veel druk door de zorg.",
         "All in all I feel under heavy pressure from the care."),
)

_EDIZ_OPTIONS = (
    AnswerOption("nee!", "nee!", "no!", ("no!",)),
    AnswerOption("nee", "nee", "no", ("no",)),
    AnswerOption("min of meer", "min of meer", "more or less", ("more or less", "mol")),
    AnswerOption("ja", "ja", "yes", ("yes",)),
    AnswerOption("ja!", "ja!", "yes!", ("yes!",)),
)
_EDIZ_BURDEN = {"min of meer", "ja", "ja!"}


def ediz(answers: Sequence | Mapping) -> ScaleResult:
    """Ervaren Druk door Informele Zorg (EDIZ): 9 statements on perceived carer burden.

    "Ja!", "ja" and "min of meer" count 1, "nee" and "nee!" count 0; the total runs from 0 to 9,
    higher means more perceived burden. The 9-item form has no cut-off (Pot, van Dyck & Deeg
    1995).

    Parameters
    ----------
    answers : list or dict
        9 answers in item order (see ``SCALES["ediz"].item_keys``). Allowed: ``"nee!"``,
        ``"nee"``, ``"min of meer"``, ``"ja"``, ``"ja!"`` (or the English answers);
        ``None`` for a missing answer.

    Returns
    -------
    ScaleResult
        ``band`` is always ``None``; with any missing answer the total is ``None`` (**netles**
        rule).

    Raises
    ------
    ValidationError
        Unknown answers or item keys, or a list of the wrong length.

    Examples
    --------
    >>> r = ediz(["nee!", "nee", "min of meer", "ja", "ja!", "nee", "nee", "ja", "nee!"])
    >>> r.score, r.band
    (4, None)

    References
    ----------
    .. [1] Pot, A. M., van Dyck, R. & Deeg, D. J. H. (1995). Ervaren druk door informele zorg:
       constructie van een schaal. *Tijdschrift voor Gerontologie en Geriatrie* 26, 214-219.
    """
    spec = SCALES["ediz"]
    ans = _read_answers(spec, answers)
    total = _sum_all({k: None if v is None else int(v in _EDIZ_BURDEN) for k, v in ans.items()})
    if total is None:
        nl, en = _incomplete(spec, ans)
    else:
        nl = (
            f"EDIZ-score {total} van 9: bij {total} uitspraken herkent de mantelzorger de druk "
            "(min of meer of sterker). De korte EDIZ heeft geen grenswaarde; hoe hoger, hoe zwaarder."
        )
        en = (
            f"EDIZ score {total} of 9: the carer recognises the pressure in {total} statements "
            "(more or less or stronger). The short EDIZ has no cut-off; higher means heavier."
        )
    return _result(spec, ans, total, {}, None, nl, en)


# --------------------------------------------------------------------------------------------
# LSNS-6
# --------------------------------------------------------------------------------------------

_LSNS_ITEMS = (
    Item("family_seen", "Hoeveel familieleden ziet of spreekt u minstens één keer per maand?",
         "How many relatives do you see or hear from at least monthly?", "family"),
    Item("family_private", "Met hoeveel familieleden kunt u over persoonlijke zaken praten?",
         "How many relatives can you talk to about private matters?", "family"),
    Item("family_help", "Hoeveel familieleden zou u om hulp kunnen vragen?",
         "How many relatives could you call on for help?", "family"),
    Item("friends_seen", "Hoeveel vrienden (buren meegeteld) ziet of spreekt u minstens maandelijks?",
         "How many friends (neighbours included) do you see or hear from at least monthly?", "friends"),
    Item("friends_private", "Met hoeveel vrienden kunt u over persoonlijke zaken praten?",
         "How many friends can you talk to about private matters?", "friends"),
    Item("friends_help", "Hoeveel vrienden zou u om hulp kunnen vragen?",
         "How many friends could you call on for help?", "friends"),
)

_LSNS_OPTIONS = (
    AnswerOption(0, "niemand", "none", ("0", "geen", "none", "niemand")),
    AnswerOption(1, "één", "one", ("1", "een", "één", "one")),
    AnswerOption(2, "twee", "two", ("2", "twee", "two")),
    AnswerOption(3, "drie of vier", "three or four", ("3-4", "3 tot 4", "drie of vier", "three or four")),
    AnswerOption(4, "vijf tot acht", "five to eight", ("5-8", "5 tot 8", "vijf tot acht", "five to eight")),
    AnswerOption(5, "negen of meer", "nine or more", ("9+", "9 of meer", "negen of meer", "9 or more", "nine or more")),
)

_LSNS_RISK = Band("at_risk", "risico op sociaal isolement", "at risk of social isolation")
_LSNS_OK = Band("not_at_risk", "geen verhoogd risico op isolement", "not at risk of social isolation")


def lsns6_code(count: int) -> int:
    """Answer code (0-5) of the LSNS-6 for a number of people.

    0, 1, 2 people give codes 0, 1, 2; 3-4 people code 3; 5-8 code 4; 9 or more code 5.

    Parameters
    ----------
    count : int
        Number of people, 0 or more.

    Returns
    -------
    int

    Raises
    ------
    ValidationError
        If ``count`` is not a whole number of 0 or more.

    Examples
    --------
    >>> [lsns6_code(n) for n in (0, 1, 2, 3, 4, 5, 8, 9, 40)]
    [0, 1, 2, 3, 3, 4, 4, 5, 5]
    """
    if isinstance(count, bool) or not isinstance(count, numbers.Integral) or count < 0:
        raise ValidationError(
            Problem(f"{_show(count)} is not a number of people", value=count, allowed="a whole number of 0 or more")
        )
    count = int(count)
    if count <= 2:
        return count
    if count <= 4:
        return 3
    if count <= 8:
        return 4
    return 5


def _lsns_band(value: int | None, cutoff: float, inclusive: bool) -> Band | None:
    if value is None:
        return None
    risk = value <= cutoff if inclusive else value < cutoff
    return _LSNS_RISK if risk else _LSNS_OK


def lsns6(
    answers: Sequence | Mapping,
    *,
    cutoff: float = LSNS6_CUTOFF,
    cutoff_inclusive: bool = False,
    subscale_cutoff: float = LSNS6_SUBSCALE_CUTOFF,
    counts: bool = False,
) -> ScaleResult:
    """Lubben Social Network Scale, 6 items (LSNS-6): family and friends one can rely on.

    Three items on family and three on friends (seen or heard at least monthly, can talk to about
    private matters, could call on for help). Each answer is coded 0-5 (none, 1, 2, 3-4, 5-8,
    9 or more); the total runs 0-30 and each subscale 0-15. A total below 12 indicates a risk of
    social isolation; a subscale below 6 marks thin family or friendship ties (Lubben et al. 2006).

    Parameters
    ----------
    answers : list or dict
        6 answers in item order (``family_seen``, ``family_private``, ``family_help``,
        ``friends_seen``, ``friends_private``, ``friends_help``). By default an integer is the
        answer **code** 0-5; texts ``"0"``, ``"1"``, ``"2"``, ``"3-4"``, ``"5-8"``, ``"9+"`` give
        the category. ``None`` for a missing answer.
    cutoff : float, default 12
        Boundary of the total for "at risk".
    cutoff_inclusive : bool, default False
        ``False``: at risk when total < cutoff (Lubben et al. 2006). ``True``: at risk when
        total <= cutoff (the "12 or lower" variant some sources use).
    subscale_cutoff : float, default 6
        A subscale below this value is at risk.
    counts : bool, default False
        When ``True``, integers are numbers of people and are mapped to codes with
        :func:`lsns6_code` (so 4 people gives code 3, not code 4).

    Returns
    -------
    ScaleResult
        ``subscales`` ``{"family": ..., "friends": ...}`` and ``subscale_bands`` for each;
        ``band`` ``at_risk`` or ``not_at_risk``. A subscale is missing when one of its items is
        missing, the total when any item is missing (**netles** rule). ``extra`` records the
        cut-offs used.

    Raises
    ------
    ValidationError
        Unknown answers or item keys, or a list of the wrong length.

    Examples
    --------
    The worked example of REFERENCES.md: family (3, 4, 2), friends (1, 1, 0).

    >>> r = lsns6([3, 4, 2, 1, 1, 0])
    >>> r.score, r.band.code, r.subscales
    (11, 'at_risk', {'family': 9, 'friends': 2})
    >>> r.subscale_bands["friends"].label()
    'risico op sociaal isolement'
    >>> lsns6([3, 4, 2, 2, 1, 0]).band.code, lsns6([3, 4, 2, 2, 1, 0], cutoff_inclusive=True).band.code
    ('not_at_risk', 'at_risk')

    References
    ----------
    .. [1] Lubben, J. et al. (2006). Performance of an abbreviated version of the Lubben Social
       Network Scale among three European community-dwelling older adult populations.
       *The Gerontologist* 46(4), 503-513.
    """
    spec = SCALES["lsns6"]
    if counts:
        answers = _counts_to_codes(spec, answers)
    ans = _read_answers(spec, answers)
    sub = {}
    for name in spec.subscales:
        vals = [ans[it.key] for it in spec.items if it.subscale == name]
        sub[name] = None if any(v is None for v in vals) else int(sum(vals))
    total = _sum_all(ans)
    band = _lsns_band(total, cutoff, cutoff_inclusive)
    sub_bands = {k: b for k, v in sub.items() if (b := _lsns_band(v, subscale_cutoff, False)) is not None}
    rule_nl = f"{'hoogstens' if cutoff_inclusive else 'onder'} {cutoff:g}"
    rule_en = f"{'at most' if cutoff_inclusive else 'below'} {cutoff:g}"
    if total is None:
        nl, en = _incomplete(spec, ans)
    else:
        nl = f"LSNS-6-score {total} van 30: {band.nl} (grens: {rule_nl})."
        en = f"LSNS-6 score {total} of 30: {band.en} (cut-off: {rule_en})."
    thin_nl = {"family": "familie", "friends": "vrienden"}
    thin = [k for k, b in sub_bands.items() if b is _LSNS_RISK]
    if thin:
        nl += (
            " Weinig steun van " + " en ".join(thin_nl[k] for k in thin)
            + f" (subschaal onder {subscale_cutoff:g}): daar valt het netwerk te versterken."
        )
        en += (
            " Little support from " + " and ".join(thin)
            + f" (subscale below {subscale_cutoff:g}): that is where the network could be strengthened."
        )
    extra = {"cutoff": cutoff, "cutoff_inclusive": cutoff_inclusive, "subscale_cutoff": subscale_cutoff}
    return _result(spec, ans, total, sub, band, nl, en, sub_bands, extra)


def _counts_to_codes(spec: ScaleSpec, answers: Any) -> Any:
    def conv(key: str, value: Any) -> Any:
        if isinstance(value, numbers.Integral) and not isinstance(value, bool):
            try:
                return lsns6_code(value)
            except ValidationError as err:
                raise ValidationError([p.located(field=key) for p in err.problems]) from None
        return value

    if isinstance(answers, Mapping):
        return {k: conv(str(k), v) for k, v in answers.items()}
    if isinstance(answers, Iterable) and not isinstance(answers, (str, bytes)):
        values = list(answers)
        keys = list(spec.item_keys) + [f"item {i}" for i in range(len(spec.items) + 1, len(values) + 1)]
        return [conv(k, v) for k, v in zip(keys, values)]
    return answers


def lsns6_from_network(
    net: Any,
    *,
    friends: Iterable[str] | None = None,
    contact: Iterable[str] = ("daily", "weekly", "monthly"),
    cutoff: float = LSNS6_CUTOFF,
    cutoff_inclusive: bool = False,
    subscale_cutoff: float = LSNS6_SUBSCALE_CUTOFF,
) -> ScaleResult:
    """Fill in the LSNS-6 from a mapped network, so scale and map can be compared.

    For family (relations partner, parent, child, sibling, other family) and for friends (by
    default every other informal relation: friend, neighbour, colleague, club member...; never
    professionals) it counts:

    * seen or heard at least monthly: ``contact`` daily, weekly or monthly;
    * can talk about private matters: gives ego ``emotional`` support;
    * could call on for help: gives ego ``practical`` support.

    "Gives ego support" follows :func:`netles.metrics.support_given` (support listed and direction
    not ``gives``). Alters whose contact frequency is unknown are not counted as monthly. The
    counts are mapped to the 0-5 codes with :func:`lsns6_code` and scored with :func:`lsns6`.

    Parameters
    ----------
    net : EgoNetwork
        The network.
    friends : iterable of str, optional
        Relations that count as friends; default all relations of kind "informal"
        (``vocab.RELATION_KIND_OF``).
    contact : iterable of str
        Contact frequencies that count as "at least monthly".
    cutoff, cutoff_inclusive, subscale_cutoff
        As in :func:`lsns6`.

    Returns
    -------
    ScaleResult
        ``extra["counts"]`` holds the number of people per item and ``extra["alters"]`` their
        alter ids, so a student can see who was counted.

    Examples
    --------
    >>> from netles import datasets
    >>> r = lsns6_from_network(datasets.load_case("voorbeeld"))
    >>> r.extra["counts"]
    {'family_seen': 3, 'family_private': 2, 'family_help': 2, 'friends_seen': 2, 'friends_private': 0, 'friends_help': 1}
    >>> r.score, r.subscales, r.band.code
    (10, {'family': 7, 'friends': 3}, 'at_risk')
    """
    from .metrics import support_given

    friend_rel = (
        {r for r, kind in vocab.RELATION_KIND_OF.items() if kind == "informal"}
        if friends is None
        else set(friends)
    )
    bad = sorted(friend_rel - set(vocab.RELATION.codes))
    if bad:
        raise ValidationError(
            Problem(f"unknown relation(s) {', '.join(bad)}", field="friends", value=bad, allowed=vocab.RELATION.allowed())
        )
    contact = set(contact)
    bad = sorted(contact - set(vocab.CONTACT.codes))
    if bad:
        raise ValidationError(
            Problem(f"unknown contact frequency {', '.join(bad)}", field="contact", value=bad, allowed=vocab.CONTACT.allowed())
        )
    given = support_given(net)
    groups = {"family": [], "friends": []}
    for alter_id in net.alter_ids:
        a = net.alter(alter_id)
        rel = a.get("relation")
        if vocab.RELATION_KIND_OF.get(rel) == "family":
            groups["family"].append(alter_id)
        elif rel in friend_rel and vocab.RELATION_KIND_OF.get(rel) != "professional":
            groups["friends"].append(alter_id)
    people: dict[str, list] = {}
    for group, ids in groups.items():
        people[f"{group}_seen"] = [i for i in ids if net.alter(i).get("contact") in contact]
        people[f"{group}_private"] = [i for i in ids if bool(given.loc[i, "emotional"])]
        people[f"{group}_help"] = [i for i in ids if bool(given.loc[i, "practical"])]
    spec = SCALES["lsns6"]
    counts = {k: len(people[k]) for k in spec.item_keys}
    result = lsns6(
        {k: lsns6_code(n) for k, n in counts.items()},
        cutoff=cutoff,
        cutoff_inclusive=cutoff_inclusive,
        subscale_cutoff=subscale_cutoff,
    )
    extra = dict(result.extra, counts=counts, alters={k: people[k] for k in spec.item_keys})
    return ScaleResult(
        scale=result.scale,
        score=result.score,
        subscales=result.subscales,
        band=result.band,
        interpretation=result.interpretation + " (Ingevuld vanuit de netwerkkaart.)",
        interpretation_en=result.interpretation_en + " (Filled in from the network map.)",
        items=result.items,
        answers=result.answers,
        missing=result.missing,
        subscale_bands=result.subscale_bands,
        extra=extra,
    )


# --------------------------------------------------------------------------------------------
# De Jong Gierveld loneliness scales
# --------------------------------------------------------------------------------------------

_DJG_OPTIONS = (
    AnswerOption("ja", "ja", "yes", ("yes", "ja!", "yes!", "j", "y")),
    AnswerOption("min of meer", "min of meer", "more or less", ("more or less", "mol", "min-of-meer")),
    AnswerOption("nee", "nee", "no", ("no", "nee!", "no!", "n")),
)

_DJG_ITEM = {
    "talk": Item("talk", "Er is altijd iemand bij wie ik met dagelijkse zorgen terechtkan.",
                 "There is always someone I can talk to about everyday worries.", "social", "positive"),
    "close_friend": Item("close_friend", "Ik mis een echt goede vriend of vriendin.",
                         "I miss having a really close friend.", "emotional"),
    "emptiness": Item("emptiness", "Ik ervaar vaak een gevoel van leegte.",
                      "I often feel a kind of emptiness.", "emotional"),
    "lean_on": Item("lean_on", "Bij problemen kan ik op genoeg mensen terugvallen.",
                    "There are enough people I can fall back on when I have problems.", "social", "positive"),
    "company": Item("company", "Ik mis het plezier van gezelschap.",
                    "I miss the enjoyment of being with others.", "emotional"),
    "circle_small": Item("circle_small", "Mijn kring van vrienden en kennissen is te klein.",
                         "My circle of friends and acquaintances is too small.", "emotional"),
    "trust": Item("trust", "Er zijn veel mensen die ik helemaal kan vertrouwen.",
                  "There are many people I can fully trust.", "social", "positive"),
    "close_to": Item("close_to", "Ik heb genoeg mensen met wie ik me verbonden voel.",
                     "I have enough people I feel close to.", "social", "positive"),
    "miss_people": Item("miss_people", "Ik mis mensen om me heen.",
                        "I miss having people around me.", "emotional"),
    "rejected": Item("rejected", "Ik voel me vaak in de steek gelaten.",
                     "I often feel rejected.", "emotional"),
    "call_friends": Item("call_friends", "Als ik mijn vrienden nodig heb, kan ik bij ze aankloppen.",
                         "I can turn to my friends whenever I need them.", "social", "positive"),
}

_DJG11_ORDER = ("talk", "close_friend", "emptiness", "lean_on", "company", "circle_small", "trust",
                "close_to", "miss_people", "rejected", "call_friends")
_DJG6_ORDER = ("emptiness", "lean_on", "trust", "miss_people", "close_to", "rejected")

_NOT_LONELY = Band("not_lonely", "niet eenzaam", "not lonely")
_MODERATE = Band("moderate", "matig eenzaam", "moderately lonely")
_SEVERE11 = Band("severe", "(zeer) ernstig eenzaam", "(very) severely lonely")
_SEVERE6 = Band("severe", "ernstig eenzaam", "severely lonely")


def _djg_points(item: Item, answer: str | None) -> int | None:
    if answer is None:
        return None
    if answer == "min of meer":
        return 1
    lonely_answer = "nee" if item.keying == "positive" else "ja"
    return int(answer == lonely_answer)


def _djg(spec: ScaleSpec, answers: Any) -> ScaleResult:
    ans = _read_answers(spec, answers)
    points = {it.key: _djg_points(it, ans[it.key]) for it in spec.items}
    n_missing = sum(p is None for p in points.values())
    # the manual's rule for the short scale: a single missing item counts 0 in the total
    total = None if n_missing > 1 else int(sum(p for p in points.values() if p is not None))
    sub = {}
    for name in spec.subscales:
        vals = [points[it.key] for it in spec.items if it.subscale == name]
        sub[name] = None if any(v is None for v in vals) else int(sum(vals))
    band = _band_of(spec, total)
    n_items = len(spec.items)
    if total is None:
        nl = (
            f"Geen totaalscore: bij de {spec.title_nl} mag hoogstens één vraag ontbreken, en "
            f"{_n_missing(n_missing, 'nl')}."
        )
        en = (
            f"No total: the {spec.title_en} allows at most one missing answer, and "
            f"{_n_missing(n_missing, 'en')}."
        )
    else:
        nl = f"Eenzaamheidsscore {total} van {n_items}: {band.nl}."
        en = f"Loneliness score {total} of {n_items}: {band.en}."
        parts_nl, parts_en = [], []
        if sub.get("emotional") is not None:
            parts_nl.append(f"emotionele eenzaamheid {sub['emotional']} (gemis van een hechte band)")
            parts_en.append(f"emotional loneliness {sub['emotional']} (missing a close bond)")
        if sub.get("social") is not None:
            parts_nl.append(f"sociale eenzaamheid {sub['social']} (te weinig mensen om je heen)")
            parts_en.append(f"social loneliness {sub['social']} (too few people around)")
        if parts_nl:
            nl += " Daarvan " + " en ".join(parts_nl) + "."
            en += " Of which " + " and ".join(parts_en) + "."
        if n_missing == 1:
            nl += " Eén ontbrekende vraag telt als 0 (regel van de handleiding)."
            en += " One missing item counts as 0 (the manual's rule)."
    return _result(spec, ans, total, sub, band, nl, en)


def djg11(answers: Sequence | Mapping) -> ScaleResult:
    """De Jong Gierveld loneliness scale, 11 items.

    Five positively worded items on social loneliness (1, 4, 7, 8, 11) and six negatively worded
    items on emotional loneliness (2, 3, 5, 6, 9, 10). "Min of meer" always counts 1; on a negative
    item "ja" counts 1, on a positive item "nee" counts 1. Total 0-11: 0-2 not lonely, 3-8
    moderately lonely, 9-11 (very) severely lonely (de Jong Gierveld & Kamphuis 1985; van Tilburg
    & de Jong Gierveld 1999 for the cut-offs).

    Parameters
    ----------
    answers : list or dict
        11 answers in item order (see ``SCALES["djg11"].item_keys``). Allowed: ``"ja"``,
        ``"min of meer"`` (or ``"mol"``), ``"nee"``, or the English ``"yes"``, ``"more or less"``,
        ``"no"``; "ja!"/"nee!" of the five-answer form count as "ja"/"nee". ``None`` for a missing
        answer.

    Returns
    -------
    ScaleResult
        ``subscales`` ``{"emotional": 0-6, "social": 0-5}``. **netles** rule (by analogy with the
        manual's rule for the 6-item form): the total is missing when more than one item is
        missing, a single missing item counts 0; a subscale is missing when one of its items is.

    Raises
    ------
    ValidationError
        Unknown answers or item keys, or a list of the wrong length.

    Examples
    --------
    The worked example of REFERENCES.md:

    >>> r = djg11(["ja", "mol", "nee", "nee", "ja", "nee", "mol", "ja", "ja", "nee", "mol"])
    >>> r.score, r.subscales, r.band.code
    (6, {'emotional': 3, 'social': 3}, 'moderate')
    >>> print(r.band.label())
    matig eenzaam

    References
    ----------
    .. [1] de Jong Gierveld, J. & Kamphuis, F. (1985). The development of a Rasch-type loneliness
       scale. *Applied Psychological Measurement* 9(3), 289-299.
    .. [2] de Jong Gierveld, J. & van Tilburg, T. (1999). *Manual of the Loneliness Scale*.
       Vrije Universiteit Amsterdam.
    """
    return _djg(SCALES["djg11"], answers)


def djg6(answers: Sequence | Mapping) -> ScaleResult:
    """De Jong Gierveld loneliness scale, 6 items (the short form used by CBS).

    Items in CBS order: 1 a sense of emptiness (emotional), 2 people to fall back on (social),
    3 people to trust (social), 4 missing people around (emotional), 5 people one feels close to
    (social), 6 feeling rejected (emotional). Scored as the 11-item scale; total 0-6: 0-1 not
    lonely, 2-4 moderately lonely, 5-6 severely lonely (de Jong Gierveld & van Tilburg 2006).

    Parameters
    ----------
    answers : list or dict
        6 answers in CBS order (see ``SCALES["djg6"].item_keys``); answers as in :func:`djg11`.

    Returns
    -------
    ScaleResult
        ``subscales`` ``{"emotional": 0-3, "social": 0-3}``. The total is missing when more than
        one item is missing (a single missing item counts 0); a subscale is missing when one of
        its items is (the manual's SPSS syntax for the short scale).

    Raises
    ------
    ValidationError
        Unknown answers or item keys, or a list of the wrong length.

    Examples
    --------
    The worked example of REFERENCES.md:

    >>> r = djg6(["nee", "mol", "nee", "ja", "ja", "nee"])
    >>> r.score, r.subscales, r.band.code
    (3, {'emotional': 1, 'social': 2}, 'moderate')
    >>> djg6(["nee", None, "nee", "ja", "ja", "nee"]).score   # one missing item counts 0
    2
    >>> djg6(["nee", None, None, "ja", "ja", "nee"]).score is None
    True

    References
    ----------
    .. [1] de Jong Gierveld, J. & van Tilburg, T. (2006). A 6-item scale for overall, emotional,
       and social loneliness. *Research on Aging* 28(5), 582-598.
    """
    return _djg(SCALES["djg6"], answers)


# --------------------------------------------------------------------------------------------
# CarerQol-7D + VAS
# --------------------------------------------------------------------------------------------

_CQ_ITEMS = (
    Item("fulfilment", "Ik haal voldoening uit het zorgen.", "I find fulfilment in caring.", None, "positive"),
    Item("relational", "Ik heb problemen in de relatie met mijn naaste.",
         "I have problems in my relationship with the person I care for."),
    Item("mental", "Ik heb psychische klachten (zorgen, somberheid).", "I have mental health problems."),
    Item("daily", "Zorg en mijn dagelijkse bezigheden gaan lastig samen.",
         "I have trouble combining caring with my daily activities."),
    Item("financial", "De zorg geeft mij geldzorgen.", "Caring gives me financial problems."),
    Item("support", "Ik krijg steun bij het zorgen als ik die nodig heb.",
         "I get support with caring when I need it.", None, "positive"),
    Item("physical", "Ik heb lichamelijke klachten.", "I have physical health problems."),
)

_CQ_OPTIONS = (
    AnswerOption("nee", "nee", "no", ("no", "geen", "none")),
    AnswerOption("een beetje", "een beetje", "some", ("some", "beetje", "wat", "enigszins")),
    AnswerOption("veel", "veel", "a lot", ("a lot", "a_lot", "lots")),
)
_CQ_LEVEL = {"nee": 0, "een beetje": 1, "veel": 2}


def carerqol(answers: Sequence | Mapping, vas: float | None = None) -> ScaleResult:
    """CarerQol-7D + VAS: care-related quality of life of an informal carer.

    Seven dimensions answered with "nee", "een beetje" or "veel": fulfilment and support are
    positive (nee 0, een beetje 1, veel 2), relational problems, mental health, combining with
    daily activities, financial and physical health problems are negative and reversed (nee 2,
    een beetje 1, veel 0). The unweighted sum runs 0-14, higher is better; there are no bands.
    The VAS asks how happy the carer feels, 0 (not at all) to 10 (completely) (Brouwer et al. 2006).

    Parameters
    ----------
    answers : list or dict
        7 answers in the questionnaire's order (``fulfilment``, ``relational``, ``mental``,
        ``daily``, ``financial``, ``support``, ``physical``). Allowed: ``"nee"``, ``"een beetje"``,
        ``"veel"`` or ``"no"``, ``"some"``, ``"a lot"``; ``None`` for a missing answer. A dict may
        also hold the VAS under key ``"vas"``.
    vas : float, optional
        Happiness 0-10 (overrides a ``"vas"`` key in the dict).

    Returns
    -------
    ScaleResult
        ``band`` is ``None``; ``extra["vas"]`` holds the VAS (or ``None``). With any missing
        dimension the sum is ``None`` (**netles** rule; the CarerQol value set also needs all
        seven).

    Raises
    ------
    ValidationError
        Unknown answers, item keys, a list of the wrong length, or a VAS outside 0-10.

    Examples
    --------
    The worked example of REFERENCES.md:

    >>> r = carerqol({"fulfilment": "veel", "relational": "een beetje", "mental": "nee",
    ...               "daily": "een beetje", "financial": "nee", "support": "een beetje",
    ...               "physical": "een beetje"}, vas=7)
    >>> r.score, r.band, r.extra["vas"]
    (10, None, 7)

    References
    ----------
    .. [1] Brouwer, W. B. F. et al. (2006). The CarerQol instrument: a new instrument to measure
       care-related quality of life of informal caregivers. *Quality of Life Research* 15,
       1005-1021.
    """
    spec = SCALES["carerqol"]
    if vas is None and isinstance(answers, Mapping):
        vas = answers.get("vas")
    vas_value = _check_number(spec, spec.extra_inputs[0], vas)
    ans = _read_answers(spec, answers)
    points = {}
    for it in spec.items:
        level = None if ans[it.key] is None else _CQ_LEVEL[ans[it.key]]
        points[it.key] = None if level is None else (level if it.keying == "positive" else 2 - level)
    total = _sum_all(points)
    if total is None:
        nl, en = _incomplete(spec, ans)
    else:
        worst = [it for it in spec.items if points[it.key] == 0]
        nl = f"CarerQol-7D-score {total} van 14 (hoger is beter; geen grenswaarden)."
        en = f"CarerQol-7D score {total} of 14 (higher is better; no cut-offs)."
        if worst:
            nl += " Aandachtspunten: " + "; ".join(it.key for it in worst) + "."
            en += " Points of attention: " + "; ".join(it.key for it in worst) + "."
    if vas_value is not None:
        nl += f" Geluk (VAS): {vas_value} van 10."
        en += f" Happiness (VAS): {vas_value} of 10."
    return _result(spec, ans, total, {}, None, nl, en, extra={"vas": vas_value})


# --------------------------------------------------------------------------------------------
# registry
# --------------------------------------------------------------------------------------------

_ALL_REQUIRED_NL = "Totaalscore alleen als alle items beantwoord zijn (netles-regel; de bron geeft geen regel)."
_ALL_REQUIRED_EN = "Total only when every item is answered (netles rule; the source gives none)."
_DJG_RULE_NL = (
    "Totaal ontbreekt als meer dan één item ontbreekt; één ontbrekend item telt 0; een subschaal "
    "ontbreekt als een van haar items ontbreekt"
)
_DJG_RULE_EN = (
    "Total missing if more than one item is missing; a single missing item counts 0; a subscale is "
    "missing if any of its items is missing"
)

SCALES: dict[str, ScaleSpec] = {
    "csi": ScaleSpec(
        name="csi",
        title_nl="Caregiver Strain Index (CSI)",
        title_en="Caregiver Strain Index (CSI)",
        source="Robinson, B. C. (1983). Validation of a Caregiver Strain Index. Journal of Gerontology 38(3), 344-348.",
        instruction_nl="Geldt dit op dit moment voor u als mantelzorger?",
        instruction_en="Does this apply to you as a carer at the moment?",
        items=_CSI_ITEMS,
        options=_YES_NO,
        score_range=(0, 13),
        subscales={},
        bands=((0, 6, _CSI_LOW), (7, 13, _CSI_HIGH)),
        missing_rule_nl=_ALL_REQUIRED_NL,
        missing_rule_en=_ALL_REQUIRED_EN,
        function=csi,
    ),
    "mcsi": ScaleSpec(
        name="mcsi",
        title_nl="Modified Caregiver Strain Index (MCSI)",
        title_en="Modified Caregiver Strain Index (MCSI)",
        source="Thornton, M. & Travis, S. S. (2003). Journal of Gerontology B 58(2), S127-S132.",
        instruction_nl="Hoe vaak geldt dit voor u als mantelzorger?",
        instruction_en="How often does this apply to you as a carer?",
        items=_CSI_ITEMS,
        options=_MCSI_OPTIONS,
        score_range=(0, 26),
        subscales={},
        bands=(),
        missing_rule_nl=_ALL_REQUIRED_NL,
        missing_rule_en=_ALL_REQUIRED_EN,
        function=mcsi,
    ),
    "ediz": ScaleSpec(
        name="ediz",
        title_nl="Ervaren Druk door Informele Zorg (EDIZ)",
        title_en="Perceived pressure from informal care (EDIZ)",
        source="Pot, A. M., van Dyck, R. & Deeg, D. J. H. (1995). Tijdschrift voor Gerontologie en Geriatrie 26, 214-219.",
        instruction_nl="In hoeverre past deze uitspraak bij hoe u de laatste weken de zorg ervaart?",
        instruction_en="How well does this statement fit how you experienced the care in recent weeks?",
        items=_EDIZ_ITEMS,
        options=_EDIZ_OPTIONS,
        score_range=(0, 9),
        subscales={},
        bands=(),
        missing_rule_nl=_ALL_REQUIRED_NL,
        missing_rule_en=_ALL_REQUIRED_EN,
        function=ediz,
    ),
    "lsns6": ScaleSpec(
        name="lsns6",
        title_nl="Lubben Social Network Scale, 6 items (LSNS-6)",
        title_en="Lubben Social Network Scale, 6 items (LSNS-6)",
        source="Lubben, J. et al. (2006). The Gerontologist 46(4), 503-513.",
        instruction_nl="Tel de mensen die u kent en kies het aantal.",
        instruction_en="Count the people you know and pick the number.",
        items=_LSNS_ITEMS,
        options=_LSNS_OPTIONS,
        score_range=(0, 30),
        subscales={"family": ("familie", "family"), "friends": ("vrienden", "friends")},
        bands=(),
        missing_rule_nl=(
            "Totaal alleen als alle zes items beantwoord zijn, een subschaal als haar drie items "
            "beantwoord zijn (netles-regel; de bron geeft geen regel)."
        ),
        missing_rule_en=(
            "Total only when all six items are answered, a subscale when its three items are "
            "(netles rule; the source gives none)."
        ),
        function=lsns6,
    ),
    "djg11": ScaleSpec(
        name="djg11",
        title_nl="De Jong Gierveld eenzaamheidsschaal, 11 items",
        title_en="De Jong Gierveld loneliness scale, 11 items",
        source="de Jong Gierveld, J. & Kamphuis, F. (1985). Applied Psychological Measurement 9(3), 289-299.",
        instruction_nl="Geef aan in hoeverre dit op dit moment voor u geldt.",
        instruction_en="Indicate how far this applies to you at the moment.",
        items=tuple(_DJG_ITEM[k] for k in _DJG11_ORDER),
        options=_DJG_OPTIONS,
        score_range=(0, 11),
        subscales={"emotional": ("emotionele eenzaamheid", "emotional loneliness"),
                   "social": ("sociale eenzaamheid", "social loneliness")},
        bands=((0, 2, _NOT_LONELY), (3, 8, _MODERATE), (9, 11, _SEVERE11)),
        missing_rule_nl=_DJG_RULE_NL + " (netles-regel, naar de regel van de handleiding voor de korte schaal).",
        missing_rule_en=_DJG_RULE_EN + " (netles rule, after the manual's rule for the short scale).",
        function=djg11,
    ),
    "djg6": ScaleSpec(
        name="djg6",
        title_nl="De Jong Gierveld eenzaamheidsschaal, 6 items",
        title_en="De Jong Gierveld loneliness scale, 6 items",
        source="de Jong Gierveld, J. & van Tilburg, T. (2006). Research on Aging 28(5), 582-598.",
        instruction_nl="Geef aan in hoeverre dit op dit moment voor u geldt.",
        instruction_en="Indicate how far this applies to you at the moment.",
        items=tuple(_DJG_ITEM[k] for k in _DJG6_ORDER),
        options=_DJG_OPTIONS,
        score_range=(0, 6),
        subscales={"emotional": ("emotionele eenzaamheid", "emotional loneliness"),
                   "social": ("sociale eenzaamheid", "social loneliness")},
        bands=((0, 1, _NOT_LONELY), (2, 4, _MODERATE), (5, 6, _SEVERE6)),
        missing_rule_nl=_DJG_RULE_NL + " (handleiding van de schaal, de Jong Gierveld & van Tilburg).",
        missing_rule_en=_DJG_RULE_EN + " (manual of the scale, de Jong Gierveld & van Tilburg).",
        function=djg6,
    ),
    "carerqol": ScaleSpec(
        name="carerqol",
        title_nl="CarerQol-7D + VAS",
        title_en="CarerQol-7D + VAS",
        source="Brouwer, W. B. F. et al. (2006). Quality of Life Research 15, 1005-1021.",
        instruction_nl="Hoe is het nu voor u als mantelzorger?",
        instruction_en="How are things for you as a carer right now?",
        items=_CQ_ITEMS,
        options=_CQ_OPTIONS,
        score_range=(0, 14),
        subscales={},
        bands=(),
        missing_rule_nl=_ALL_REQUIRED_NL,
        missing_rule_en=_ALL_REQUIRED_EN,
        extra_inputs=(ExtraInput("vas", "Hoe gelukkig voelt u zich (0-10)?", "How happy do you feel (0-10)?", 0, 10),),
        function=carerqol,
    ),
}
"""Scale name -> :class:`ScaleSpec`: items, answer options, labels, bands and scoring function."""


def scale_names() -> list[str]:
    """Names of all scales, in registry order.

    Examples
    --------
    >>> scale_names()
    ['csi', 'mcsi', 'ediz', 'lsns6', 'djg11', 'djg6', 'carerqol']
    """
    return list(SCALES)


def score(name: str, answers: Sequence | Mapping, **options: Any) -> ScaleResult:
    """Score the answers to the scale called ``name``.

    Parameters
    ----------
    name : str
        A key of :data:`SCALES`.
    answers : list or dict
        As the scale's own function takes them.
    **options
        Passed on (e.g. ``cutoff=`` for ``lsns6``, ``vas=`` for ``carerqol``).

    Returns
    -------
    ScaleResult

    Raises
    ------
    ValidationError
        Unknown scale name, or bad answers.

    Examples
    --------
    >>> score("djg6", {"emptiness": "ja", "miss_people": "ja", "rejected": "ja",
    ...                "lean_on": "nee", "trust": "nee", "close_to": "mol"}).band.code
    'severe'
    """
    spec = SCALES.get(name) if isinstance(name, str) else None
    if spec is None:
        raise ValidationError(
            Problem(f"unknown scale {_show(name)}", field="scale", value=name, allowed=", ".join(SCALES))
        )
    return spec.function(answers, **options)
