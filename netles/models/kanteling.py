"""The kanteling ladder: place each support need on the lowest rung that can carry it.

Since the Wmo (2007, and more strongly since 2015) Dutch municipalities first ask what a person can
do themselves, then what their own network can do, then what general (community) provisions such
as volunteer services, meal services or peer groups can do, and only then arrange individual,
professional support. Professional help is the closing piece, not the starting point. This order
is called *de kanteling* (De Boer 2010; the teacher's guide, theme 1, figure 1).

The four rungs, from low to high:

==========================  ===========================================  ===========================
code                        Dutch                                        English
==========================  ===========================================  ===========================
``own_strength``            eigen kracht                                 own strength
``network``                 sociaal netwerk                              social network
``general_provision``       algemene voorziening                         general provision
``individual_provision``    individuele (professionele) voorziening      individual (professional)
                                                                         provision
==========================  ===========================================  ===========================

This module is a teaching model. For each :class:`SupportNeed` it checks, rung by rung, whether the
rung can carry the need in a :class:`KantelingContext` (the client's network, the load of the main
carer, who has been instructed for a reserved procedure, who offered help), proposes the lowest
rung that can, and gives Dutch (and English) feedback on a student's choice.

The rules (all thresholds are parameters of :class:`KantelingContext`):

* **own strength** carries a need when the client can do it (``client_can``) and it does not call
  for professional expertise.
* **social network** carries a need when enough informal network members can give the support
  function: active, not burdening, not a volunteer or professional, already giving that function
  (:func:`netles.metrics.support_given`) or having offered it (``willing``), in touch often enough
  for the need's frequency or living close by, not already carrying a large share of all support
  (``heavy_share``), and not the main carer when that carer is overloaded (``max_carer_load`` or a
  CSI of 7 or more). A need of many hours per week needs several helpers
  (``max_hours_per_helper``). A reserved or risky procedure can be done by the network only by
  someone a professional has instructed, with consent (the care organisation's guideline in the
  sources), so only ``instructed`` members count for it.
* **general provision** carries a need when one is available for it (``general_provision``) or a
  volunteer in the network gives or offers the function, and the need calls neither for
  professional expertise nor for a reserved procedure.
* **individual provision** can always carry a need: it is the last rung.

Needs are checked one at a time: the model does not add up the hours that several needs put on
the same helper.

References
----------
.. [1] De Boer, A. (2010). Figure "model van de kanteling", as used in the teacher's guide
   *Werken met sociale netwerken* (Hogeschool Utrecht, 2016), theme 1.
.. [2] Steyaert & Kwekkeboom (2010), *Op zoek naar duurzame zorg*, chapter 3.
"""
from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from .. import vocab
from ..errors import Problem, ValidationError
from ..network import EgoNetwork

__all__ = [
    "RUNG",
    "RUNG_DEFINITIONS",
    "SupportNeed",
    "KantelingContext",
    "RungCheck",
    "NeedAssessment",
    "PlacementFeedback",
    "assess_need",
    "propose_rung",
    "propose_rungs",
    "check_placement",
    "check_placements",
    "rung_label",
    "first_listed_rung",
    "EXAMPLE_CARE_NEEDS",
]

RUNG = vocab.Vocabulary(
    "rung",
    {
        "own_strength": ("eigen kracht", "own strength"),
        "network": ("sociaal netwerk", "social network"),
        "general_provision": ("algemene voorziening", "general provision"),
        "individual_provision": ("individuele (professionele) voorziening", "individual (professional) provision"),
    },
    ("trede", "rung"),
)
"""The four rungs of the kanteling ladder, from low to high."""

RUNG_DEFINITIONS = {
    "own_strength": (
        "Wat de cliënt zelf kan, eventueel met een hulpmiddel of wat oefening.",
        "What the client can do alone, possibly with an aid or some practice.",
    ),
    "network": (
        "Hulp van mensen die de cliënt al kent: familie, vrienden, buren, kennissen.",
        "Help from people the client already knows: family, friends, neighbours, acquaintances.",
    ),
    "general_provision": (
        "Voorzieningen in de wijk die voor iedereen open staan, zonder indicatie: vrijwilligers, "
        "een maaltijdservice, een inloop of een lotgenotengroep.",
        "Provisions in the neighbourhood open to anyone without an assessment: volunteers, a meal "
        "service, a drop-in or a peer group.",
    ),
    "individual_provision": (
        "Hulp die voor deze cliënt wordt geregeld en die professionals bieden, zoals "
        "thuiszorg of begeleiding: het sluitstuk.",
        "Help arranged for this client and given by professionals, such as home care or "
        "support work: the closing piece.",
    ),
}
"""Rung -> short definition (Dutch, English), in our own words."""

_CONTACT_RANK = {code: i for i, code in enumerate(vocab.CONTACT.codes)}
_INFORMAL_EXCLUDED = {"volunteer", "professional"}


def rung_label(code: str, lang: str = "nl") -> str:
    """Label of a rung.

    Examples
    --------
    >>> rung_label("general_provision"), rung_label("network", "en")
    ('algemene voorziening', 'social network')
    """
    return RUNG.label(code, lang)


EXAMPLE_CARE_NEEDS = (
    {"need": "boodschappen doen", "hours_per_week": 2, "can_self": False, "network": ["?"],
     "general_provision": "boodschappendienst", "individual_provision": "huishoudelijke hulp"},
    {"need": "het huis schoonhouden", "hours_per_week": 3, "can_self": False, "network": [],
     "general_provision": None, "individual_provision": "huishoudelijke hulp"},
    {"need": "iemand om mee te praten", "hours_per_week": 2, "can_self": False, "network": ["?"],
     "general_provision": "inloop in het buurthuis", "individual_provision": None},
    {"need": "de post bijhouden", "hours_per_week": 1, "can_self": True, "network": [],
     "general_provision": "formulierenhulp", "individual_provision": "bewindvoering"},
)
"""Care needs in the plain form of a case file's ``carer.care_needs`` (see ``data/cases/README.md``),
for exercises on a case that has none."""


def first_listed_rung(need: Mapping) -> str:
    """The plain ladder rule: the lowest rung that a care need *lists* as possible.

    The need is a case file's ``carer.care_needs`` entry: ``can_self`` (bool), ``network`` (the
    alters who could help), ``general_provision`` and ``individual_provision`` (a name or None). This
    rule trusts the list; :func:`assess_need` checks whether a rung can really carry the need (the
    helper's load, contact, skills, reserved procedures).

    Parameters
    ----------
    need : mapping

    Returns
    -------
    str
        A code of :data:`RUNG`.

    Examples
    --------
    >>> first_listed_rung({"can_self": False, "network": [], "general_provision": "buurtbus"})
    'general_provision'
    >>> first_listed_rung({"can_self": False, "network": [], "general_provision": None})
    'individual_provision'
    """
    if need.get("can_self"):
        return "own_strength"
    if need.get("network"):
        return "network"
    if need.get("general_provision"):
        return "general_provision"
    return "individual_provision"


def _pick(nl: str, en: str, lang: str) -> str:
    if lang not in vocab.LANGUAGES:
        raise ValueError(f"lang must be one of {vocab.LANGUAGES}, not {lang!r}")
    return nl if lang == "nl" else en


def _is_number(x: Any) -> bool:
    return isinstance(x, numbers.Real) and not isinstance(x, bool) and not math.isnan(float(x))


@dataclass(frozen=True)
class SupportNeed:
    """One support need of the client.

    Parameters
    ----------
    need_id : str
        Short id, unique within a list of needs.
    description : str
        What the need is, in the student's words (Dutch).
    function : str
        The support function it asks for (``vocab.SUPPORT``: practical, emotional, companionship,
        appraisal, information).
    frequency : str, default "weekly"
        How often it occurs (``vocab.CONTACT``: daily, weekly, monthly, yearly, rarely).
    hours_per_week : float, default 1
        How much time it takes, roughly.
    professional_skill : bool, default False
        It needs professional expertise (assessment, treatment, therapy).
    reserved_procedure : bool, default False
        It is a reserved or risky procedure (an injection, a catheter, wound care).
    client_can : bool, default False
        The client can do it themselves (possibly with an aid or some practice).
    general_provision : str, optional
        The general provision available for it (e.g. ``"maaltijdservice"``), or None.

    Raises
    ------
    ValidationError
        If a field holds a value outside what is allowed.

    Examples
    --------
    >>> SupportNeed("boodschappen", "wekelijkse boodschappen", "practical").frequency
    'weekly'
    """

    need_id: str
    description: str
    function: str
    frequency: str = "weekly"
    hours_per_week: float = 1.0
    professional_skill: bool = False
    reserved_procedure: bool = False
    client_can: bool = False
    general_provision: str | None = None

    def __post_init__(self) -> None:
        problems = []
        where = {"row": f"need {self.need_id!r}"}
        if not isinstance(self.need_id, str) or not self.need_id.strip():
            problems.append(Problem("need_id must be a non-empty text", field="need_id", value=self.need_id, allowed="a non-empty text"))
        if not isinstance(self.description, str):
            problems.append(Problem("is not a text", field="description", value=self.description, allowed="a text", **where))
        if self.function not in vocab.SUPPORT:
            problems.append(Problem(f"{self.function!r} is not a support function", field="function", value=self.function, allowed=vocab.SUPPORT.allowed(), **where))
        if self.frequency not in vocab.CONTACT:
            problems.append(Problem(f"{self.frequency!r} is not a frequency", field="frequency", value=self.frequency, allowed=vocab.CONTACT.allowed(), **where))
        if not _is_number(self.hours_per_week) or not 0 <= self.hours_per_week <= 168:
            problems.append(Problem(f"{self.hours_per_week!r} is not a number of hours per week", field="hours_per_week", value=self.hours_per_week, allowed="a number from 0 to 168", **where))
        for name in ("professional_skill", "reserved_procedure", "client_can"):
            if not isinstance(getattr(self, name), bool):
                problems.append(Problem("is not True or False", field=name, value=getattr(self, name), allowed="True or False", **where))
        if self.general_provision is not None and not (isinstance(self.general_provision, str) and self.general_provision.strip()):
            problems.append(Problem("is not a name", field="general_provision", value=self.general_provision, allowed="the name of a provision, or None", **where))
        if problems:
            raise ValidationError(problems)

    @classmethod
    def from_dict(cls, data: Mapping) -> "SupportNeed":
        """Build a need from a dict (e.g. a row of a case file); unknown keys raise."""
        allowed = set(cls.__dataclass_fields__)
        unknown = sorted(set(data) - allowed)
        if unknown:
            raise ValidationError(
                Problem(f"unknown field(s) {', '.join(map(str, unknown))}", row=f"need {data.get('need_id')!r}", allowed=", ".join(cls.__dataclass_fields__))
            )
        return cls(**data)

    def to_dict(self) -> dict:
        """Plain dict (the inverse of :meth:`from_dict`)."""
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass(frozen=True)
class KantelingContext:
    """What the ladder needs to know besides the needs themselves.

    Parameters
    ----------
    network : EgoNetwork
        The client's network.
    carer : str, optional
        Alter id of the main carer (spilmantelzorger). When omitted and a carer load is given, the
        alter who gives the most support functions is taken.
    carer_load : float, optional
        The carer's load, 0 (none) to 1 (at the limit).
    carer_csi : int or ScaleResult, optional
        The carer's Caregiver Strain Index score (0-13), or the result of
        :func:`netles.scales.csi`.
    instructed : iterable of str
        Alters a professional has instructed (with consent of client and network) for the reserved
        or risky procedures in the needs.
    willing : mapping, optional
        Alter id -> support functions the alter has offered to take on (e.g. after a network
        meeting), on top of what they already give.
    max_carer_load : float, default 0.7
        From this load on the carer counts as overloaded and takes on nothing new.
    heavy_share : float, default 0.5
        An alter who gives at least this share of all support already carries a lot.
    max_hours_per_helper : float, default 4
        Hours per week one helper can reasonably give to one need.
    max_travel_minutes : float, default 30
        A helper living this close can come as often as needed.
    candidates : iterable of str, optional
        Only these alters can take the need on (a case names who could do a need: its ``network``
        list). An empty list means the case says nobody in the network can do it, e.g. personal
        care that is professional work. None (default): anyone who gives or offers the function.
    """

    network: EgoNetwork
    carer: str | None = None
    carer_load: float | None = None
    carer_csi: Any = None
    instructed: frozenset = frozenset()
    willing: Mapping = field(default_factory=dict)
    max_carer_load: float = 0.7
    heavy_share: float = 0.5
    max_hours_per_helper: float = 4.0
    max_travel_minutes: float = 30.0
    candidates: Any = None

    def __post_init__(self) -> None:
        problems = []
        if not isinstance(self.network, EgoNetwork):
            raise ValidationError(Problem("is not an EgoNetwork", field="network", allowed="an EgoNetwork"))
        ids = set(self.network.alter_ids)
        csi = self.carer_csi
        if csi is not None and getattr(csi, "scale", None) is not None:
            if csi.scale != "csi":
                problems.append(Problem(f"is a {csi.scale} result", field="carer_csi", allowed="a CSI result or score 0-13"))
            csi = csi.score
        if csi is not None and not (isinstance(csi, numbers.Integral) and not isinstance(csi, bool) and 0 <= csi <= 13):
            problems.append(Problem(f"{csi!r} is not a CSI score", field="carer_csi", value=csi, allowed="a whole number from 0 to 13"))
        object.__setattr__(self, "carer_csi", None if csi is None else int(csi))
        if self.carer_load is not None and not (_is_number(self.carer_load) and 0 <= self.carer_load <= 1):
            problems.append(Problem(f"{self.carer_load!r} is not a load", field="carer_load", value=self.carer_load, allowed="a number from 0 to 1"))
        if self.carer is not None and self.carer not in ids:
            problems.append(Problem(f"{self.carer!r} is not an alter of this network", field="carer", value=self.carer, allowed=", ".join(sorted(ids))))
        instructed = frozenset([self.instructed] if isinstance(self.instructed, str) else self.instructed)
        for alter in sorted(instructed - ids):
            problems.append(Problem("is not an alter of this network", alter=alter, field="instructed", allowed=", ".join(sorted(ids))))
        object.__setattr__(self, "instructed", instructed)
        willing = {}
        for alter, functions in dict(self.willing).items():
            functions = frozenset([functions] if isinstance(functions, str) else functions)
            if alter not in ids:
                problems.append(Problem("is not an alter of this network", alter=alter, field="willing", allowed=", ".join(sorted(ids))))
            for f in sorted(functions - set(vocab.SUPPORT.codes)):
                problems.append(Problem(f"{f!r} is not a support function", alter=alter, field="willing", value=f, allowed=vocab.SUPPORT.allowed()))
            willing[alter] = functions
        object.__setattr__(self, "willing", willing)
        if self.candidates is not None:
            candidates = frozenset([self.candidates] if isinstance(self.candidates, str) else self.candidates)
            for alter in sorted(candidates - ids):
                problems.append(Problem("is not an alter of this network", alter=alter, field="candidates",
                                        allowed=", ".join(sorted(ids))))
            object.__setattr__(self, "candidates", candidates)
        for name, low, high in (("max_carer_load", 0, 1), ("heavy_share", 0, 1), ("max_hours_per_helper", 0, 168), ("max_travel_minutes", 0, 24 * 60)):
            value = getattr(self, name)
            if not (_is_number(value) and low <= value <= high and (name != "max_hours_per_helper" or value > 0)):
                problems.append(Problem(f"{value!r} is out of range", field=name, value=value, allowed=f"a number from {low} to {high}"))
        if problems:
            raise ValidationError(problems)

    def _given(self):
        from ..metrics import support_given

        return support_given(self.network)

    def main_carer(self) -> str | None:
        """The main carer: ``carer``, or, when a load is given, the informal alter who gives the most
        kinds of support (:func:`netles.models.choose_carer`; a professional or a volunteer of an
        organisation is never the spilmantelzorger)."""
        if self.carer is not None:
            return self.carer
        if self.carer_load is None and self.carer_csi is None:
            return None
        from .dynamics import choose_carer

        return choose_carer(self.network)

    def carer_overloaded(self) -> bool:
        """True when the main carer's load or CSI is at or past the limit."""
        if self.carer_load is not None and self.carer_load >= self.max_carer_load:
            return True
        return self.carer_csi is not None and self.carer_csi >= 7


@dataclass(frozen=True)
class RungCheck:
    """Whether one rung can carry one need, and why.

    Attributes
    ----------
    rung : str
        Rung code.
    can_carry : bool
    reason_nl, reason_en : str
        Why (not).
    helpers : tuple of str
        Who would give the help on this rung (alter ids, or the name of the provision).
    """

    rung: str
    can_carry: bool
    reason_nl: str
    reason_en: str
    helpers: tuple = ()

    def reason(self, lang: str = "nl") -> str:
        """The reason in ``lang``."""
        return _pick(self.reason_nl, self.reason_en, lang)


@dataclass(frozen=True)
class NeedAssessment:
    """All four rungs checked for one need.

    Attributes
    ----------
    need : SupportNeed
    checks : tuple of RungCheck
        One per rung, low to high.
    lowest : str
        The lowest rung that can carry the need.
    """

    need: SupportNeed
    checks: tuple
    lowest: str

    def check(self, rung: str) -> RungCheck:
        """The check of ``rung``."""
        return self.checks[RUNG.index(rung)]


@dataclass(frozen=True)
class PlacementFeedback:
    """Feedback on the rung a student chose for one need.

    Attributes
    ----------
    need_id : str
    chosen : str
        The rung chosen.
    proposed : str
        The lowest rung that can carry the need.
    status : {"ok", "too_high", "too_low"}
        ``ok``: the lowest suitable rung; ``too_high``: a lower rung can carry it; ``too_low``: the
        chosen rung cannot carry it.
    message_nl, message_en : str
        Feedback for the student.
    assessment : NeedAssessment
    """

    need_id: str
    chosen: str
    proposed: str
    status: str
    message_nl: str
    message_en: str
    assessment: NeedAssessment

    @property
    def ok(self) -> bool:
        """True when the chosen rung is the lowest suitable one."""
        return self.status == "ok"

    def message(self, lang: str = "nl") -> str:
        """The feedback in ``lang``."""
        return _pick(self.message_nl, self.message_en, lang)


# ------------------------------------------------------------------------------------ the rungs


def _name(net: EgoNetwork, alter_id: str) -> str:
    name = net.alter(alter_id).get("name")
    return f"{name}" if name else alter_id


def _and(items: Sequence[str], lang: str) -> str:
    """``"A"``, ``"A en B"``, ``"A, B en C"`` (or with ``and``)."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + (" en " if lang == "nl" else " and ") + items[-1]


def _lc(text: str) -> str:
    """Lower-case the first letter, to continue a sentence after a colon."""
    return text[:1].lower() + text[1:]


def _check_own(need: SupportNeed) -> RungCheck:
    if need.professional_skill:
        return RungCheck("own_strength", False, "Dit vraagt professionele deskundigheid; dat kan de cliënt niet zelf.",
                         "This needs professional expertise, which the client cannot provide alone.")
    if need.client_can:
        return RungCheck("own_strength", True, "De cliënt kan dit zelf.", "The client can do this alone.", ("client",))
    return RungCheck("own_strength", False, "De cliënt kan dit (nu) niet zelf.", "The client cannot do this alone (now).")


def _network_helpers(need: SupportNeed, ctx: KantelingContext, volunteers: bool) -> tuple[list, list, list]:
    """(available, notes_nl, notes_en) among alters who give or offer the function."""
    net = ctx.network
    given = ctx._given()
    total = float(given.to_numpy().sum())
    per_alter = given.sum(axis=1)
    carer = ctx.main_carer()
    overloaded = ctx.carer_overloaded()
    available, notes_nl, notes_en = [], [], []
    for alter_id in net.alter_ids:
        a = net.alter(alter_id)
        rel = a.get("relation")
        if volunteers != (rel == "volunteer") or rel == "professional":
            continue
        if ctx.candidates is not None and alter_id not in ctx.candidates:
            continue  # the case does not name this person for this need
        offers = bool(given.loc[alter_id, need.function]) or need.function in ctx.willing.get(alter_id, ())
        if not offers:
            continue
        who = _name(net, alter_id)
        status = a.get("status", "active")
        if status != "active":
            notes_nl.append(f"{who}: het contact is {vocab.label('status', status)}")
            notes_en.append(f"{who}: the tie is {vocab.label('status', status, 'en')}")
            continue
        if a.get("valence") == "burdening":
            notes_nl.append(f"{who}: de relatie is belastend")
            notes_en.append(f"{who}: the relation is burdening")
            continue
        if alter_id == carer and overloaded:
            notes_nl.append(f"{who}: is als mantelzorger al overbelast")
            notes_en.append(f"{who}: is already overloaded as carer")
            continue
        share = per_alter[alter_id] / total if total else 0.0
        if share >= ctx.heavy_share:
            notes_nl.append(f"{who}: draagt al veel ({share:.0%} van alle steun)")
            notes_en.append(f"{who}: already carries a lot ({share:.0%} of all support)")
            continue
        contact = a.get("contact")
        travel = a.get("travel_minutes")
        often = contact is not None and _CONTACT_RANK[contact] <= _CONTACT_RANK[need.frequency]
        near = travel is not None and travel <= ctx.max_travel_minutes
        if not (often or near):
            notes_nl.append(f"{who}: ziet de cliënt niet vaak genoeg en woont niet dichtbij")
            notes_en.append(f"{who}: is not in touch often enough and does not live close by")
            continue
        if need.reserved_procedure and alter_id not in ctx.instructed:
            notes_nl.append(f"{who}: is (nog) niet door een beroepskracht geïnstrueerd voor deze handeling")
            notes_en.append(f"{who}: has not (yet) been instructed by a professional for this procedure")
            continue
        available.append(alter_id)
    return available, notes_nl, notes_en


def _helpers_needed(need: SupportNeed, ctx: KantelingContext) -> int:
    return max(1, math.ceil(need.hours_per_week / ctx.max_hours_per_helper - 1e-9))


def _check_network(need: SupportNeed, ctx: KantelingContext) -> RungCheck:
    if need.professional_skill:
        return RungCheck("network", False, "Dit vraagt professionele deskundigheid; dat kan het netwerk niet bieden.",
                         "This needs professional expertise, which the network cannot provide.")
    available, notes_nl, notes_en = _network_helpers(need, ctx, volunteers=False)
    needed = _helpers_needed(need, ctx)
    fn_nl, fn_en = vocab.label("support", need.function), vocab.label("support", need.function, "en")
    names_nl = _and([_name(ctx.network, a) for a in available], "nl")
    names_en = _and([_name(ctx.network, a) for a in available], "en")
    tail_nl = f" ({'; '.join(notes_nl)})" if notes_nl else ""
    tail_en = f" ({'; '.join(notes_en)})" if notes_en else ""
    if len(available) >= needed:
        verb = "kan" if len(available) == 1 else "kunnen"
        nl = f"In het netwerk {verb} {names_nl} {fn_nl} geven"
        en = f"In the network {names_en} can give {fn_en}"
        if needed > 1:
            nl += f"; samen dragen ze de {need.hours_per_week:g} uur per week"
            en += f"; together they carry the {need.hours_per_week:g} hours a week"
        if notes_nl:
            nl += ". Niet beschikbaar: " + "; ".join(notes_nl)
            en += ". Not available: " + "; ".join(notes_en)
        return RungCheck("network", True, nl + ".", en + ".", tuple(available))
    if available:
        nl = (f"Het netwerk kan dit niet alleen dragen: {need.hours_per_week:g} uur per week vraagt {needed} helpers "
              f"(hoogstens {ctx.max_hours_per_helper:g} uur per persoon), en alleen {names_nl} "
              f"{'kan' if len(available) == 1 else 'kunnen'} {fn_nl} geven.")
        en = (f"The network cannot carry this alone: {need.hours_per_week:g} hours a week needs {needed} helpers "
              f"(at most {ctx.max_hours_per_helper:g} hours each), and only {names_en} can give {fn_en}.")
    elif notes_nl:
        nl = f"Niemand in het netwerk kan nu {fn_nl} geven{tail_nl}."
        en = f"Nobody in the network can give {fn_en} now{tail_en}."
    elif ctx.candidates is not None and not ctx.candidates:
        nl = "Volgens de casus kan niemand uit het netwerk dit doen."
        en = "According to the case, nobody in the network can do this."
    else:
        nl = f"Niemand in het netwerk geeft {fn_nl} of heeft het aangeboden."
        en = f"Nobody in the network gives {fn_en} or has offered it."
    if need.reserved_procedure and not ctx.instructed:
        nl += (" Een voorbehouden of risicovolle handeling kan het netwerk wel overnemen als een beroepskracht "
               "iemand aanleert, met instemming van cliënt en netwerk.")
        en += (" The network can take over a reserved or risky procedure once a professional has taught "
               "someone, with the consent of client and network.")
    return RungCheck("network", False, nl, en)


def _check_general(need: SupportNeed, ctx: KantelingContext) -> RungCheck:
    if need.professional_skill:
        return RungCheck("general_provision", False, "Dit vraagt professionele deskundigheid; een algemene voorziening biedt die niet.",
                         "This needs professional expertise, which a general provision does not offer.")
    if need.reserved_procedure:
        return RungCheck("general_provision", False, "Een voorbehouden of risicovolle handeling hoort niet bij een algemene voorziening.",
                         "A reserved or risky procedure does not belong with a general provision.")
    if need.general_provision:
        return RungCheck("general_provision", True, f"Er is een algemene voorziening voor: {need.general_provision}.",
                         f"A general provision is available: {need.general_provision}.", (need.general_provision,))
    volunteers, _, _ = _network_helpers(need, ctx, volunteers=True)
    if volunteers:
        names = ", ".join(_name(ctx.network, a) for a in volunteers)
        return RungCheck("general_provision", True, f"Een vrijwilliger kan dit doen: {names}.",
                         f"A volunteer can do this: {names}.", tuple(volunteers))
    return RungCheck("general_provision", False, "Er is geen algemene voorziening of vrijwilliger voor deze vraag.",
                     "There is no general provision or volunteer for this need.")


def _check_individual(need: SupportNeed) -> RungCheck:
    if need.professional_skill:
        nl, en = "Dit vraagt professionele deskundigheid: individuele hulp is hier op zijn plaats.", \
                 "This needs professional expertise: individual help is the right place."
    else:
        nl, en = "Individuele professionele hulp kan dit altijd dragen, maar is het sluitstuk.", \
                 "Individual professional help can always carry this, but it is the closing piece."
    return RungCheck("individual_provision", True, nl, en, ("professional",))


def assess_need(need: SupportNeed, context: KantelingContext) -> NeedAssessment:
    """Check every rung for one need.

    Parameters
    ----------
    need : SupportNeed
    context : KantelingContext

    Returns
    -------
    NeedAssessment
        A :class:`RungCheck` per rung (low to high) and the lowest rung that can carry the need.

    Examples
    --------
    >>> from netles import datasets
    >>> ctx = KantelingContext(datasets.load_case("voorbeeld"))
    >>> a = assess_need(SupportNeed("boodschappen", "boodschappen doen", "practical"), ctx)
    >>> a.lowest, a.check("network").helpers
    ('network', ('A', 'C', 'E'))
    """
    if not isinstance(need, SupportNeed):
        raise ValidationError(Problem(f"is a {type(need).__name__}, not a SupportNeed", field="need", allowed="a SupportNeed"))
    checks = (_check_own(need), _check_network(need, context), _check_general(need, context), _check_individual(need))
    lowest = next(c.rung for c in checks if c.can_carry)
    return NeedAssessment(need, checks, lowest)


def propose_rung(need: SupportNeed, context: KantelingContext) -> str:
    """The lowest rung that can carry ``need``.

    Examples
    --------
    >>> from netles import datasets
    >>> ctx = KantelingContext(datasets.load_case("voorbeeld"))
    >>> propose_rung(SupportNeed("wond", "wondverzorging", "practical", professional_skill=True), ctx)
    'individual_provision'
    """
    return assess_need(need, context).lowest


def _check_ids(needs: Sequence[SupportNeed]) -> None:
    seen = set()
    for need in needs:
        if not isinstance(need, SupportNeed):
            raise ValidationError(Problem(f"is a {type(need).__name__}, not a SupportNeed", field="needs", allowed="SupportNeed objects"))
        if need.need_id in seen:
            raise ValidationError(Problem("is used twice", field="need_id", value=need.need_id, allowed="a unique id per need"))
        seen.add(need.need_id)


def propose_rungs(needs: Sequence[SupportNeed], context: KantelingContext) -> dict:
    """The lowest suitable rung for each need: ``need_id -> rung``."""
    _check_ids(needs)
    return {need.need_id: propose_rung(need, context) for need in needs}


def check_placement(need: SupportNeed, chosen: str, context: KantelingContext) -> PlacementFeedback:
    """Feedback on placing ``need`` on rung ``chosen``.

    The choice is right when it is the lowest rung that can carry the need. When it is higher, the
    feedback names the lower rung that is available and who or what would carry it there; when it
    is lower, it says why that rung cannot carry the need.

    Parameters
    ----------
    need : SupportNeed
    chosen : str
        A rung code (``RUNG``).
    context : KantelingContext

    Returns
    -------
    PlacementFeedback

    Raises
    ------
    ValidationError
        If ``chosen`` is not a rung.

    Examples
    --------
    >>> from netles import datasets
    >>> ctx = KantelingContext(datasets.load_case("voorbeeld"))
    >>> need = SupportNeed("boodschappen", "boodschappen doen", "practical")
    >>> fb = check_placement(need, "individual_provision", ctx)
    >>> fb.status, fb.proposed
    ('too_high', 'network')
    >>> print(fb.message_nl)  # doctest: +ELLIPSIS
    Er is een lagere trede beschikbaar: sociaal netwerk. In het netwerk kunnen Anja (zus), ...
    """
    if chosen not in RUNG:
        raise ValidationError(
            Problem(f"{chosen!r} is not a rung of the kanteling", row=f"need {need.need_id!r}", field="rung", value=chosen, allowed=RUNG.allowed())
        )
    a = assess_need(need, context)
    chosen_check, best = a.check(chosen), a.check(a.lowest)
    label_nl, label_en = RUNG.label(chosen), RUNG.label(chosen, "en")
    if chosen == a.lowest:
        status = "ok"
        nl = f"Goed: {label_nl} is de laagste trede die dit kan dragen. {chosen_check.reason_nl}"
        en = f"Right: {label_en} is the lowest rung that can carry this. {chosen_check.reason_en}"
        lower = a.checks[: RUNG.index(chosen)]
        if lower:
            nl += " Lager kan niet. " + " ".join(f"{RUNG.label(c.rung).capitalize()}: {_lc(c.reason_nl)}" for c in lower)
            en += " Lower is not possible. " + " ".join(f"{RUNG.label(c.rung, 'en').capitalize()}: {_lc(c.reason_en)}" for c in lower)
    elif RUNG.index(chosen) > RUNG.index(a.lowest):
        status = "too_high"
        nl = f"Er is een lagere trede beschikbaar: {RUNG.label(a.lowest)}. {best.reason_nl} Kijk eerst daar, voordat je {label_nl} inzet."
        en = f"A lower rung is available: {RUNG.label(a.lowest, 'en')}. {best.reason_en} Look there first, before using {label_en}."
    else:
        status = "too_low"
        nl = f"{label_nl.capitalize()} kan dit niet dragen: {_lc(chosen_check.reason_nl)} De laagste trede die het wel kan is {RUNG.label(a.lowest)}."
        en = f"{label_en.capitalize()} cannot carry this: {_lc(chosen_check.reason_en)} The lowest rung that can is {RUNG.label(a.lowest, 'en')}."
    return PlacementFeedback(need.need_id, chosen, a.lowest, status, nl, en, a)


def check_placements(needs: Sequence[SupportNeed], choices: Mapping[str, str], context: KantelingContext) -> list:
    """Feedback on a student's placement of every need.

    Parameters
    ----------
    needs : list of SupportNeed
    choices : mapping
        ``need_id -> rung``; every need must have a choice.
    context : KantelingContext

    Returns
    -------
    list of PlacementFeedback
        In the order of ``needs``.

    Raises
    ------
    ValidationError
        Duplicate need ids, a need without a choice, a choice for an unknown need, or an unknown
        rung.
    """
    _check_ids(needs)
    ids = [n.need_id for n in needs]
    problems = [Problem("has no rung chosen", row=f"need {i!r}", field="rung", allowed=RUNG.allowed()) for i in ids if i not in choices]
    problems += [Problem("is not one of the needs", row=f"need {k!r}", field="need_id", allowed=", ".join(ids)) for k in choices if k not in ids]
    if problems:
        raise ValidationError(problems)
    return [check_placement(n, choices[n.need_id], context) for n in needs]
