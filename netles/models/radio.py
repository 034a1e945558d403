"""RADIO interventions on an ego network, plus adding a new member and cutting a harmful tie.

RADIO is the Dutch acronym for five ways of putting an existing network to better use (Steyaert
2012, after Smit & van Gennep): **R**eanimeren (bring a faded contact back to life), **A**ctiveren
(let someone use what they are good at for the client), **D**eblokkeren (repair a disturbed
relation), **I**ntensiveren (draw a contact from the edge of the network closer) and
**O**nderhouden (look after a relation so it does not crumble). Two more moves complete the toolbox:
bringing in someone new (a volunteer, a buddy, a fellow sufferer, a club) and, when a tie keeps
problems going, ending it (the neighbour who is also the drinking companion).

Each function takes an :class:`~netles.EgoNetwork` and returns an :class:`InterventionResult`: the
new network, a Dutch and an English explanation, and exactly which fields changed. The input is
never changed (an ``EgoNetwork`` is immutable; every change builds a new one). When an intervention
does not fit the alter, the function raises :class:`NotApplicable` with the reason in Dutch.

What each one changes (the teaching model; a real intervention is a conversation, not a field):

============== ============================================== ========================================
function       applies when                                   changes
============== ============================================== ========================================
``revive``     the tie has faded (status ``faded``)           status -> active; contact at least monthly
``activate``   an active, non-burdening tie does not yet      the function is added to ``support``;
               give this support function                     direction receives (or mutual if ego gave)
``unblock``    the tie is disrupted or burdening, and the     status -> active; valence -> supportive
               case does not record the person as a danger
               (its ``safety`` block: violence, abuse)
``intensify``  an active informal tie in circle 3 or 4        one circle inward; contact one step more
``maintain``   an active, non-burdening informal tie that     ``maintained: true`` (``simulate`` lets
               is not yet maintained                          such ties decay more slowly)
``add_member`` always (a new id)                              a new alter of the chosen kind
``cut_tie``    the tie is burdening and not cut yet; for      the alter is removed, or marked as cut
               family only when the case records the person
               as a danger (family: a last resort)
============== ============================================== ========================================

Repairing a tie with someone who makes the client unsafe is not an option (safety first, the
Meldcode), and cutting a family tie is a last resort the client decides on, not a step a planner
offers: first talk, change attitudes and set limits (Deblokkeren). So ``unblock`` refuses a person
the case's ``safety`` block lists as ``harmful``, and ``cut_tie`` refuses a family member unless the
case lists them there.

References
----------
.. [1] Steyaert, J. (2012), after Smit, A. & van Gennep, A. in *Zorgkracht van sociale netwerken*,
   ch. 4; as summarised in the Wmo-wijzer *Werken met sociale netwerken*.
.. [2] Hogeschool Utrecht (2016). *Werken met sociale netwerken*, docentenhandreiking (theme 4).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from .. import vocab
from ..errors import Problem, ValidationError
from ..network import EgoNetwork

__all__ = [
    "NotApplicable",
    "harmful_people",
    "tied_to_danger",
    "danger_caution",
    "CLOSER_ACTIONS",
    "InterventionResult",
    "revive",
    "activate",
    "unblock",
    "intensify",
    "maintain",
    "add_member",
    "cut_tie",
    "RADIO",
    "INTERVENTIONS",
    "INTERVENTION_LABELS",
    "MEMBER_KINDS",
    "applicable_interventions",
    "apply_intervention",
]


class NotApplicable(ValueError):
    """An intervention does not fit this alter; the message says why.

    ``str(exc)`` is the Dutch reason; :meth:`message` gives it in Dutch or English.

    Parameters
    ----------
    nl : str
        The reason in Dutch.
    en : str, optional
        The reason in English (default: the Dutch text).
    """

    def __init__(self, nl: str, en: str | None = None):
        super().__init__(nl)
        self.nl = nl
        self.en = en if en is not None else nl

    def __reduce__(self):
        return (type(self), (self.nl, self.en))

    def message(self, lang: str = "nl") -> str:
        """The reason in ``lang`` (``"nl"`` or ``"en"``)."""
        if lang not in vocab.LANGUAGES:
            raise ValueError(f"lang must be one of {vocab.LANGUAGES}, not {lang!r}")
        return self.nl if lang == "nl" else self.en


@dataclass(frozen=True)
class InterventionResult:
    """The outcome of one intervention.

    Attributes
    ----------
    network : EgoNetwork
        The network after the intervention (the input is unchanged).
    action : str
        The function's name (``"revive"``, ``"add_member"``...).
    alter_id : str
        The alter the intervention was about (for ``add_member``: the new alter).
    explanation_nl, explanation_en : str
        What was done and why it matters, in Dutch and in English.
    changes : tuple of dict
        Exactly what changed: ``{"alter_id", "field", "before", "after"}`` per field;
        ``field == "alter"`` for an alter added (before None) or removed (after None).
    params : dict
        The arguments besides the network and alter (``function``, ``kind``, ``mode``...), so
        the step can be replayed with :func:`apply_intervention`.
    """

    network: EgoNetwork
    action: str
    alter_id: str
    explanation_nl: str
    explanation_en: str
    changes: tuple = ()
    params: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        """Dutch name of the intervention (``"Reanimeren"``...)."""
        return INTERVENTION_LABELS[self.action][0]

    def explanation(self, lang: str = "nl") -> str:
        """The explanation in ``lang`` (``"nl"`` or ``"en"``)."""
        if lang not in vocab.LANGUAGES:
            raise ValueError(f"lang must be one of {vocab.LANGUAGES}, not {lang!r}")
        return self.explanation_nl if lang == "nl" else self.explanation_en

    def body(self, lang: str = "nl") -> str:
        """The explanation without the intervention's name in front of it.

        Explanations start with the name (``"Activeren: Dewi ..."``) so they can stand alone; where
        the name is already shown (a list of steps, the handout) this avoids "Activeren: Activeren:".

        Examples
        --------
        >>> from netles import datasets
        >>> activate(datasets.load_case("voorbeeld"), "D", "practical").body()[:30]
        'Dewi (vriendin) gaat de cliënt'
        """
        text = self.explanation(lang)
        prefix = INTERVENTION_LABELS[self.action][vocab.LANGUAGES.index(lang)] + ": "
        return text[len(prefix):] if text.startswith(prefix) else text

    def step(self) -> dict:
        """The intervention as a JSON-safe step ``{"action", "alter_id", "params"}``."""
        return {"action": self.action, "alter_id": self.alter_id, "params": dict(self.params)}


INTERVENTION_LABELS: dict[str, tuple[str, str]] = {
    "revive": ("Reanimeren", "Revive"),
    "activate": ("Activeren", "Activate"),
    "unblock": ("Deblokkeren", "Unblock"),
    "intensify": ("Intensiveren", "Intensify"),
    "maintain": ("Onderhouden", "Maintain"),
    "add_member": ("Nieuw netwerklid", "New network member"),
    "cut_tie": ("Band doorsnijden", "Cut the tie"),
}
"""Action -> (Dutch name, English name)."""


# -- helpers ---------------------------------------------------------------------------------------

def _who(record: Mapping) -> str:
    # The name as the student knows it; the alter id is an internal key and shows only when the
    # person has no name at all.
    name = record.get("name")
    return str(name) if name else str(record["alter_id"])


def _status_label(status: str, lang: str) -> str:
    return vocab.label("status", status, lang)


def _first(status: str, lang: str) -> str:
    """The intervention to choose first for a tie that is not active."""
    if lang == "nl":
        return "reanimeren" if status == "faded" else "deblokkeren"
    return "revive" if status == "faded" else "unblock"


def harmful_people(net: EgoNetwork) -> list[str]:
    """The alters the case records as a danger to the client (``safety.harmful``), in its order.

    Examples
    --------
    >>> from netles import datasets
    >>> harmful_people(datasets.load_case("onveilig_netwerk")), harmful_people(datasets.load_case("senior_55plus"))
    (['A'], [])
    """
    safety = (net.extra or {}).get("safety")
    if not isinstance(safety, Mapping):
        return []
    return [a for a in safety.get("harmful") or [] if a in net.alter_ids]


def tied_to_danger(net: EgoNetwork) -> list[str]:
    """The alters tied to someone the case records as a danger to the client, in alter order.

    Children of the client are left out: they see a parent who is a danger under supervision, and
    RADIO does not ask them what they may tell.

    Examples
    --------
    >>> from netles import datasets
    >>> tied_to_danger(datasets.load_case("onveilig_netwerk"))  # Mark's mother
    ['D']
    """
    harmful = harmful_people(net)
    if not harmful:
        return []
    ties = net.ties
    tied = set(ties.loc[ties["source"].isin(harmful), "target"]) | set(ties.loc[ties["target"].isin(harmful), "source"])
    return [a for a in net.alter_ids if a in tied and a not in harmful and net.alter(a)["relation"] != "child"]


_NEAR_DANGER = (" Let op: {who} {have} contact met {danger}. Wie dichterbij komt of meer gaat doen, hoort ook meer "
                "over de cliënt. Bespreek eerst met de cliënt wat {who} mag weten, en houd je aan het veiligheidsplan.",
                " Note: {who} {have} contact with {danger}. Someone drawn closer, or asked to do more, also learns more "
                "about the client. First agree with the client what {who} may know, and keep to the safety plan.")


def danger_caution(net: EgoNetwork, alter_ids, lang: str = "nl") -> str:
    """The caution for drawing closer people tied to a danger to the client ("" for nobody).

    Examples
    --------
    >>> from netles import datasets
    >>> danger_caution(datasets.load_case("onveilig_netwerk"), ["D"], "en")[:45]
    ' Note: Schoonmoeder G. has contact with Mark.'
    """
    alter_ids = list(alter_ids)
    if not alter_ids:
        return ""
    i = vocab.language_index(lang)
    who = vocab.join_words([_who(net.alter(a)) for a in alter_ids], lang)
    danger = vocab.join_words([_who(net.alter(a)) for a in harmful_people(net)], lang)
    have = (("heeft", "has") if len(alter_ids) == 1 else ("hebben", "have"))[i]
    return _NEAR_DANGER[i].format(who=who, danger=danger, have=have)


CLOSER_ACTIONS = ("revive", "activate", "intensify")
"""The interventions that draw someone closer or ask more of them."""


def _harmful(net: EgoNetwork, alter_id: str) -> bool:
    """Whether the case records this person as a danger to the client (``safety.harmful``)."""
    return alter_id in harmful_people(net)


def _family(record: Mapping) -> bool:
    return vocab.RELATION_KIND_OF.get(record.get("relation")) == "family"


def _get(net: EgoNetwork, alter_id: str, action: str) -> dict:
    if not isinstance(net, EgoNetwork):
        raise TypeError(f"expected an EgoNetwork, not {type(net).__name__}")
    try:
        return net.alter(alter_id)
    except KeyError:
        raise NotApplicable(
            f"{INTERVENTION_LABELS[action][0]} kan niet: deze persoon ({alter_id}) staat niet (meer) in dit netwerk.",
            f"{INTERVENTION_LABELS[action][1]} is not possible: this person ({alter_id}) is not (or no longer) "
            f"in this network.",
        ) from None


def _status(record: Mapping) -> str:
    return record.get("status") or "active"  # no status recorded: treat the tie as active


def _changed(before: Mapping, after: Mapping, alter_id: str) -> tuple:
    keys = [k for k in dict.fromkeys([*before, *after]) if before.get(k) != after.get(k)]
    return tuple({"alter_id": alter_id, "field": k, "before": before.get(k), "after": after.get(k)} for k in keys)


def _result(net, new_net, action, alter_id, nl, en, params=None) -> InterventionResult:
    before = net.to_dict()["alters"]
    after = new_net.to_dict()["alters"]
    old = {a["alter_id"]: a for a in before}
    new = {a["alter_id"]: a for a in after}
    changes = []
    for aid in dict.fromkeys([*old, *new]):
        if aid not in new:
            changes.append({"alter_id": aid, "field": "alter", "before": old[aid], "after": None})
        elif aid not in old:
            changes.append({"alter_id": aid, "field": "alter", "before": None, "after": new[aid]})
        else:
            changes.extend(_changed(old[aid], new[aid], aid))
    lost = [t for t in net.tie_pairs() if not new_net.has_tie(*t)]
    for a, b in lost:
        changes.append({"alter_id": a, "field": "tie", "before": [a, b], "after": None})
    gained = [t for t in new_net.tie_pairs() if not net.has_tie(*t)]
    for a, b in gained:
        changes.append({"alter_id": a, "field": "tie", "before": None, "after": [a, b]})
    if action in CLOSER_ACTIONS and alter_id in tied_to_danger(net):
        # the caution goes with the step wherever it is shown: planner, app, handout
        nl += danger_caution(net, [alter_id], "nl")
        en += danger_caution(net, [alter_id], "en")
    return InterventionResult(new_net, action, alter_id, nl, en, tuple(changes), dict(params or {}))


_CONTACT_ORDER = vocab.CONTACT.codes  # daily ... rarely


def _label(field_name: str, code: Any, lang: str) -> str:
    return vocab.label(field_name, code, lang) if code is not None else ("onbekend" if lang == "nl" else "unknown")


# -- the five RADIO interventions ------------------------------------------------------------------

def revive(net: EgoNetwork, alter_id: str) -> InterventionResult:
    """Reanimeren: a faded contact is brought back to life.

    The tie's status becomes ``active`` and contact becomes at least monthly (a yearly, rare or
    unknown frequency becomes monthly; anything more frequent stays).

    Parameters
    ----------
    net : EgoNetwork
    alter_id : str
        The faded contact.

    Returns
    -------
    InterventionResult

    Raises
    ------
    NotApplicable
        If there is no such alter or the tie has not faded.

    Examples
    --------
    >>> from netles import datasets
    >>> net = datasets.load_case("voorbeeld").with_alter_changes("D", status="faded", contact="yearly")
    >>> result = revive(net, "D")
    >>> result.network.alter("D")["status"], result.network.alter("D")["contact"]
    ('active', 'monthly')
    >>> revive(result.network, "D")
    Traceback (most recent call last):
    ...
    netles.models.radio.NotApplicable: Reanimeren kan alleen bij een contact dat verwaterd is; Dewi (vriendin) is actief.
    """
    record = _get(net, alter_id, "revive")
    status = _status(record)
    if status != "faded":
        disrupted = status == "disrupted"
        raise NotApplicable(
            f"Reanimeren kan alleen bij een contact dat verwaterd is; {_who(record)} is "
            f"{_status_label(status, 'nl')}.{' Kies eerst deblokkeren.' if disrupted else ''}",
            f"Revive only fits a contact that has faded; {_who(record)} is "
            f"{_status_label(status, 'en')}.{' Choose unblock first.' if disrupted else ''}",
        )
    contact = record.get("contact")
    new_contact = contact if contact in ("daily", "weekly", "monthly") else "monthly"
    new = net.with_alter_changes(alter_id, status="active", contact=new_contact)
    who = _who(record)
    nl = (f"Reanimeren: het verwaterde contact met {who} wordt nieuw leven ingeblazen. "
          f"De band is weer actief en er is minstens maandelijks contact "
          f"(was: {_label('contact', contact, 'nl')}). Een oud contact kent de cliënt al en hoeft niet "
          f"van nul af aan te beginnen.")
    en = (f"Revive: the faded contact with {who} is brought back to life. The tie is active again, "
          f"with contact at least monthly (was: {_label('contact', contact, 'en')}). An old contact "
          f"already knows the client and does not start from scratch.")
    return _result(net, new, "revive", alter_id, nl, en)


def activate(net: EgoNetwork, alter_id: str, function: str) -> InterventionResult:
    """Activeren: an alter takes on a support function for the client.

    ``function`` is added to the alter's ``support``; the direction becomes ``receives`` (ego
    receives) when none was recorded, and ``mutual`` when only ego gave support before.

    Parameters
    ----------
    net : EgoNetwork
    alter_id : str
    function : str
        A code of :data:`netles.vocab.SUPPORT` (practical, emotional, companionship, appraisal,
        information).

    Returns
    -------
    InterventionResult

    Raises
    ------
    ValidationError
        If ``function`` is not a support function.
    NotApplicable
        If the tie is not active, is burdening, or the alter already gives this support.

    Examples
    --------
    >>> from netles import datasets
    >>> result = activate(datasets.load_case("voorbeeld"), "D", "practical")
    >>> result.network.alter("D")["support"]
    ['practical', 'companionship']
    >>> [(c["field"], c["before"], c["after"]) for c in result.changes]
    [('support', ['companionship'], ['practical', 'companionship'])]
    """
    if function not in vocab.SUPPORT:
        raise ValidationError(Problem(f"{function!r} is not a support function", field="function",
                                      value=function, allowed=vocab.SUPPORT.allowed()))
    record = _get(net, alter_id, "activate")
    who = _who(record)
    status = _status(record)
    if status != "active":
        raise NotApplicable(
            f"Activeren kan alleen bij een actief contact; {who} is {_status_label(status, 'nl')}. "
            f"Kies eerst {_first(status, 'nl')}.",
            f"Activate only fits an active contact; {who} is {_status_label(status, 'en')}. "
            f"Choose {_first(status, 'en')} first.",
        )
    if record.get("valence") == "burdening":
        raise NotApplicable(f"Activeren van een belastend contact helpt de cliënt niet; het contact met {who} "
                            f"is belastend. Kies eerst deblokkeren.",
                            f"Activating a burdening contact does not help the client; the contact with {who} "
                            f"is burdening. Choose unblock first.")
    support = list(record.get("support") or [])
    direction = record.get("support_direction")
    function_nl = vocab.label("support", function)
    if function in support and direction != "gives":
        raise NotApplicable(f"Activeren is niet nodig: {who} geeft al {function_nl}.",
                            f"Activate is not needed: {who} already gives {vocab.label('support', function, 'en')}.")
    new_support = [c for c in vocab.SUPPORT.codes if c in support or c == function]
    new_direction = "mutual" if direction == "gives" else (direction or "receives")
    new = net.with_alter_changes(alter_id, support=new_support, support_direction=new_direction)
    nl = (f"Activeren: {who} gaat de cliënt ook {function_nl} geven. Zo wordt benut wat deze persoon "
          f"goed kan, en raakt hij of zij meer betrokken bij de cliënt.")
    en = (f"Activate: {who} will also give the client {vocab.label('support', function, 'en')}. "
          f"This uses what this person is good at and makes them more involved with the client.")
    return _result(net, new, "activate", alter_id, nl, en, {"function": function})


def unblock(net: EgoNetwork, alter_id: str) -> InterventionResult:
    """Deblokkeren: a disrupted or burdening relation is repaired.

    Status becomes ``active`` and valence ``supportive``.

    Raises
    ------
    NotApplicable
        If the tie is neither disrupted nor burdening, or the case records the person as a danger to
        the client (``safety.harmful``): a tie that makes someone unsafe is not repaired.

    Examples
    --------
    >>> from netles import datasets
    >>> result = unblock(datasets.load_case("voorbeeld"), "B")
    >>> [(c["field"], c["before"], c["after"]) for c in result.changes]
    [('valence', 'burdening', 'supportive'), ('status', 'disrupted', 'active')]
    """
    record = _get(net, alter_id, "unblock")
    who = _who(record)
    status, valence = _status(record), record.get("valence")
    if status != "disrupted" and valence != "burdening":
        faded = status == "faded"
        raise NotApplicable(
            f"Deblokkeren kan alleen bij een verstoorde of belastende relatie; {who} is "
            f"{_status_label(status, 'nl')} en {_label('valence', valence, 'nl')}.{' Kies reanimeren.' if faded else ''}",
            f"Unblock only fits a disrupted or burdening relation; {who} is "
            f"{_status_label(status, 'en')} and {_label('valence', valence, 'en')}.{' Choose revive.' if faded else ''}",
        )
    if _harmful(net, alter_id):
        raise NotApplicable(
            f"Deblokkeren is hier niet aan de orde: volgens de casus maakt {who} de cliënt onveilig. Veiligheid "
            f"gaat voor; werk met de Meldcode en versterk het deel van het netwerk dat wel veilig is.",
            f"Unblocking is not an option here: the case records {who} as making the client unsafe. Safety comes "
            f"first; work with the Meldcode and strengthen the part of the network that is safe.",
        )
    new = net.with_alter_changes(alter_id, status="active", valence="supportive")
    nl = (f"Deblokkeren: de verstoorde relatie met {who} wordt hersteld, bijvoorbeeld door een gesprek "
          f"over wat er misging. De band is weer actief en steunend in plaats van "
          f"{_label('valence', valence, 'nl')}.")
    en = (f"Unblock: the disturbed relation with {who} is repaired, for instance by talking about what "
          f"went wrong. The tie is active and supportive again instead of {_label('valence', valence, 'en')}.")
    return _result(net, new, "unblock", alter_id, nl, en)


def intensify(net: EgoNetwork, alter_id: str) -> InterventionResult:
    """Intensiveren: a contact at the edge of the network is drawn closer.

    The alter moves one circle inward (3 -> 2, 4 -> 3) and contact becomes one step more frequent
    (an unknown frequency becomes monthly; daily stays daily).

    Raises
    ------
    NotApplicable
        If the tie is not active, is burdening, is with a professional, or is already in circle 1 or 2.

    Examples
    --------
    >>> from netles import datasets
    >>> result = intensify(datasets.load_case("voorbeeld"), "E")
    >>> result.network.alter("E")["circle"], result.network.alter("E")["contact"]
    (2, 'daily')
    """
    record = _get(net, alter_id, "intensify")
    who = _who(record)
    status = _status(record)
    if status != "active":
        raise NotApplicable(f"Intensiveren kan alleen bij een actief contact; {who} is "
                            f"{_status_label(status, 'nl')}. Kies eerst {_first(status, 'nl')}.",
                            f"Intensify only fits an active contact; {who} is "
                            f"{_status_label(status, 'en')}. Choose {_first(status, 'en')} first.")
    if record["relation"] == "professional":
        raise NotApplicable(f"Intensiveren is bedoeld voor het informele netwerk; {who} is een professional.",
                            f"Intensify is meant for the informal network; {who} is a professional.")
    if record.get("valence") == "burdening":
        raise NotApplicable(f"Een belastend contact dichterbij halen helpt de cliënt niet; het contact met "
                            f"{who} is belastend. Kies eerst deblokkeren.",
                            f"Drawing a burdening contact closer does not help the client; the contact with "
                            f"{who} is burdening. Choose unblock first.")
    circle = record["circle"]
    if circle <= 2:
        raise NotApplicable(
            f"Intensiveren is voor contacten aan de rand van het netwerk (cirkel 3 of 4); {who} staat al in "
            f"cirkel {circle} ({vocab.label('circle', circle)}).",
            f"Intensify is for contacts at the edge of the network (circle 3 or 4); {who} is already in "
            f"circle {circle} ({vocab.label('circle', circle, 'en')}).",
        )
    contact = record.get("contact")
    new_contact = "monthly" if contact is None else _CONTACT_ORDER[max(_CONTACT_ORDER.index(contact) - 1, 0)]
    new = net.with_alter_changes(alter_id, circle=circle - 1, contact=new_contact)
    nl = (f"Intensiveren: het contact met {who} wordt aangehaald. {who} schuift een cirkel naar binnen "
          f"(van {vocab.label('circle', circle)} naar {vocab.label('circle', circle - 1)}) en het contact "
          f"wordt vaker: {_label('contact', new_contact, 'nl')} in plaats van {_label('contact', contact, 'nl')}.")
    en = (f"Intensify: the contact with {who} is drawn closer. {who} moves one circle inward "
          f"(from {vocab.label('circle', circle, 'en')} to {vocab.label('circle', circle - 1, 'en')}) and "
          f"contact becomes more frequent: {_label('contact', new_contact, 'en')} instead of "
          f"{_label('contact', contact, 'en')}.")
    return _result(net, new, "intensify", alter_id, nl, en)


def maintain(net: EgoNetwork, alter_id: str) -> InterventionResult:
    """Onderhouden: a relation is looked after so that it does not crumble.

    Sets the alter field ``maintained`` to ``True``; :func:`netles.models.simulate` lets maintained
    ties decay much more slowly.

    Raises
    ------
    NotApplicable
        If the tie is not active, is burdening, is with a professional, or is already maintained.

    Examples
    --------
    >>> from netles import datasets
    >>> result = maintain(datasets.load_case("voorbeeld"), "A")
    >>> result.network.alter("A")["maintained"]
    True
    """
    record = _get(net, alter_id, "maintain")
    who = _who(record)
    status = _status(record)
    if status != "active":
        raise NotApplicable(f"Onderhouden kan alleen bij een actief contact; {who} is "
                            f"{_status_label(status, 'nl')}. Kies eerst {_first(status, 'nl')}.",
                            f"Maintain only fits an active contact; {who} is "
                            f"{_status_label(status, 'en')}. Choose {_first(status, 'en')} first.")
    if record["relation"] == "professional":
        raise NotApplicable(f"Onderhouden is bedoeld voor het informele netwerk; het contact met {who} "
                            f"(een professional) hoort bij het werk.",
                            f"Maintain is meant for the informal network; the contact with {who} "
                            f"(a professional) is part of the job.")
    if record.get("valence") == "burdening":
        raise NotApplicable(f"Een belastend contact in stand houden helpt de cliënt niet; het contact met "
                            f"{who} is belastend. Kies eerst deblokkeren.",
                            f"Keeping a burdening contact going does not help the client; the contact with "
                            f"{who} is burdening. Choose unblock first.")
    if record.get("maintained") is True:
        raise NotApplicable(f"Onderhouden is al afgesproken voor {who}.",
                            f"Maintaining the contact with {who} has already been agreed.")
    new = net.with_alter_changes(alter_id, maintained=True)
    nl = (f"Onderhouden: er komen afspraken om het contact met {who} warm te houden (vaste momenten, iets "
          f"terugdoen). Zo brokkelt deze band niet af als het tegenzit.")
    en = (f"Maintain: agreements are made to keep the contact with {who} alive (regular moments, giving "
          f"something back). This tie then does not crumble when things get hard.")
    return _result(net, new, "maintain", alter_id, nl, en)


# -- new members and cutting ties ------------------------------------------------------------------

MEMBER_KINDS: dict[str, dict] = {
    "volunteer": {
        "label": ("vrijwilliger", "volunteer"),
        "record": {"relation": "volunteer", "circle": 3, "sector": "society", "contact": "weekly",
                   "support": ["practical", "companionship"], "support_direction": "receives"},
    },
    "buddy": {
        "label": ("maatje", "buddy"),
        "record": {"relation": "volunteer", "circle": 2, "sector": "society", "contact": "weekly",
                   "support": ["emotional", "companionship"], "support_direction": "receives", "role": "buddy"},
    },
    "fellow_client": {
        "label": ("lotgenoot", "fellow sufferer"),
        "record": {"relation": "fellow_client", "circle": 3, "sector": "fellow_clients", "contact": "weekly",
                   "support": ["emotional", "information"], "support_direction": "mutual"},
    },
    "club_member": {
        "label": ("clublid", "club member"),
        "record": {"relation": "club_member", "circle": 3, "sector": "society", "contact": "weekly",
                   "support": ["companionship"], "support_direction": "mutual"},
    },
}
"""Kind of new network member -> labels and the alter fields it starts with."""

_KIND_ALIASES = {
    "volunteer": "volunteer", "vrijwilliger": "volunteer",
    "buddy": "buddy", "maatje": "buddy",
    "lotgenoot": "fellow_client", "fellow_client": "fellow_client", "fellow sufferer": "fellow_client",
    "club": "club_member", "club_member": "club_member", "clublid": "club_member", "vereniging": "club_member",
}


def add_member(net: EgoNetwork, kind: str, name: str | None = None, alter_id: str | None = None,
               knows: tuple = ()) -> InterventionResult:
    """A new person joins the network: a volunteer, a buddy, a fellow sufferer or a club.

    Parameters
    ----------
    net : EgoNetwork
    kind : str
        ``"volunteer"`` (vrijwilliger), ``"buddy"`` (maatje), ``"lotgenoot"`` / ``"fellow_client"``
        or ``"club"`` / ``"club_member"``.
    name : str, optional
        A pseudonym (default: the Dutch kind, e.g. ``"maatje (nieuw)"``).
    alter_id : str, optional
        The new id (default the first free ``N1``, ``N2``...).
    knows : iterable of str
        Alters the newcomer already knows (ties are added).

    Returns
    -------
    InterventionResult
        ``alter_id`` is the new alter; status active, valence supportive, the relation, circle,
        sector, contact and support of :data:`MEMBER_KINDS`.

    Raises
    ------
    ValidationError
        For an unknown kind.
    NotApplicable
        If ``alter_id`` is taken or ``knows`` names an unknown alter.

    Examples
    --------
    >>> from netles import datasets
    >>> result = add_member(datasets.load_case("voorbeeld"), "buddy")
    >>> new = result.network.alter(result.alter_id)
    >>> result.alter_id, new["relation"], new["circle"], new["support"]
    ('N1', 'volunteer', 2, ['emotional', 'companionship'])
    """
    key = _KIND_ALIASES.get(str(kind).strip().lower()) if isinstance(kind, str) else None
    if key is None:
        raise ValidationError(Problem(f"{kind!r} is not a kind of new member", field="kind", value=kind,
                                      allowed="'volunteer', 'buddy', 'lotgenoot' or 'club'"))
    spec = MEMBER_KINDS[key]
    if not isinstance(net, EgoNetwork):
        raise TypeError(f"expected an EgoNetwork, not {type(net).__name__}")
    taken = set(net.alter_ids)
    if alter_id is None:
        k = 1
        while f"N{k}" in taken:
            k += 1
        alter_id = f"N{k}"
    elif alter_id in taken:
        raise NotApplicable(f"Er is al een contact met id {alter_id!r}; kies een ander id voor het nieuwe netwerklid.",
                            f"There already is a contact with id {alter_id!r}; choose another id for the new member.")
    unknown = [a for a in knows if a not in taken]
    if unknown:
        raise NotApplicable(f"Het nieuwe netwerklid kan {unknown[0]!r} niet kennen: die staat niet in dit netwerk.",
                            f"The new member cannot know {unknown[0]!r}: they are not in this network.")
    record = {"alter_id": alter_id, "name": name or f"{spec['label'][0]} (nieuw)",
              **{k: (list(v) if isinstance(v, list) else v) for k, v in spec["record"].items()},
              "valence": "supportive", "status": "active"}
    new = net.with_alter(record)
    for other in knows:
        new = new.with_tie(alter_id, other)
    label_nl, label_en = spec["label"]
    support_nl = " en ".join(vocab.label("support", s) for s in record["support"])
    support_en = " and ".join(vocab.label("support", s, "en") for s in record["support"])
    who = _who(record)
    nl = (f"Nieuw netwerklid: een {label_nl} ({who}) komt erbij, in cirkel {record['circle']} "
          f"({vocab.label('circle', record['circle'])}), voor {support_nl}. "
          + ("Dit is een nieuwe kring: de cliënt kan er mensen leren kennen die niet uit het oude netwerk komen."
             if not knows else f"Het nieuwe lid kent al {len(list(knows))} mensen uit het netwerk."))
    en = (f"New network member: a {label_en} ({who}) joins, in circle {record['circle']} "
          f"({vocab.label('circle', record['circle'], 'en')}), for {support_en}. "
          + ("This is a new circle: the client can meet people from outside the old network."
             if not knows else f"The newcomer already knows {len(list(knows))} people in the network."))
    return _result(net, new, "add_member", alter_id, nl, en,
                   {"kind": key, "name": record["name"], "alter_id": alter_id, "knows": list(knows)})


def cut_tie(net: EgoNetwork, alter_id: str, mode: str = "remove") -> InterventionResult:
    """Band doorsnijden: a harmful tie is ended.

    Sometimes a tie keeps problems going (the neighbour who is also the drinking companion): then
    strengthening the network is not the answer and the tie is ended, often while a new network is
    built beside it (see :func:`add_member`).

    Parameters
    ----------
    net : EgoNetwork
    alter_id : str
        The burdening contact.
    mode : {"remove", "mark"}
        ``"remove"``: the alter and its ties leave the network. ``"mark"``: the alter stays on the
        map (so the history stays visible) with status ``disrupted``, contact ``rarely``, no support,
        and ``cut: true``; the ties with other alters stay.

    Raises
    ------
    NotApplicable
        If the tie is not burdening or is already cut, or for a family member the case does not
        record as a danger (``safety.harmful``): cutting a family tie is a last resort.
    ValueError
        For an unknown mode.

    Examples
    --------
    >>> from netles import datasets
    >>> net = datasets.load_case("voorbeeld").with_alter_changes("E", valence="burdening")
    >>> result = cut_tie(net, "E")
    >>> result.network.alter_ids, result.network.has_tie("D", "E")
    (['A', 'B', 'C', 'D', 'F'], False)
    >>> cut_tie(net, "E", mode="mark").network.alter("E")["status"]
    'disrupted'
    >>> cut_tie(net, "B")  # her brother Bram: burdening, but family
    Traceback (most recent call last):
    ...
    netles.models.radio.NotApplicable: Bram (broer) hoort bij de familie. Een familieband doorsnijden is het laatste middel, geen stap in een plan: probeer eerst of praten, een andere houding of duidelijke grenzen helpen (deblokkeren). Of het contact stopt, beslist de cliënt zelf.
    """
    if mode not in ("remove", "mark"):
        raise ValueError(f"mode must be 'remove' or 'mark', not {mode!r}")
    record = _get(net, alter_id, "cut_tie")
    who = _who(record)
    if record.get("valence") != "burdening":
        raise NotApplicable(
            f"Een band doorsnijden is alleen aan de orde bij een belastend contact; het contact met {who} is "
            f"{_label('valence', record.get('valence'), 'nl')}.",
            f"Cutting a tie is only an option for a burdening contact; the contact with {who} is "
            f"{_label('valence', record.get('valence'), 'en')}.",
        )
    if record.get("cut"):
        raise NotApplicable(f"De band met {who} is al doorgesneden of begrensd.",
                            f"The tie with {who} is already cut or limited.")
    if _family(record) and not _harmful(net, alter_id):
        raise NotApplicable(
            f"{who} hoort bij de familie. Een familieband doorsnijden is het laatste middel, geen stap in een plan: "
            f"probeer eerst of praten, een andere houding of duidelijke grenzen helpen (deblokkeren). Of het contact "
            f"stopt, beslist de cliënt zelf.",
            f"{who} is family. Cutting a family tie is a last resort, not a step in a plan: first try whether "
            f"talking, another attitude or clear limits help (unblock). Whether the contact ends is the client's "
            f"own decision.",
        )
    n_ties = sum(alter_id in pair for pair in net.tie_pairs())
    if mode == "remove":
        new = net.without_alter(alter_id)
        nl = (f"Band doorsnijden: het contact met {who} houdt problemen in stand en wordt beëindigd. {who} is "
              f"van de kaart gehaald{_with_ties(n_ties, 'nl')}. Zoek samen met de cliënt naar nieuwe "
              f"contacten die de plek kunnen innemen.")
        en = (f"Cut the tie: the contact with {who} keeps problems going and is ended. {who} has been removed "
              f"from the map{_with_ties(n_ties, 'en')}. Look with the client for new contacts to take "
              f"their place.")
    else:
        new = net.with_alter_changes(alter_id, status="disrupted", contact="rarely", support=None,
                                     support_direction=None, cut=True)
        nl = (f"Band doorsnijden: het contact met {who} houdt problemen in stand en wordt beëindigd. {who} "
              f"blijft zichtbaar op de kaart, gemarkeerd als verbroken (verstoord, zelden contact, geen steun); "
              + _kept_ties(n_ties, "nl"))
        en = (f"Cut the tie: the contact with {who} keeps problems going and is ended. {who} stays visible on "
              f"the map, marked as cut (disrupted, rarely in contact, no support); " + _kept_ties(n_ties, "en"))
    return _result(net, new, "cut_tie", alter_id, nl, en, {"mode": mode})


def _ties(n: int, lang: str) -> str:
    """``"1 band"`` / ``"2 banden"``, ``"1 tie"`` / ``"2 ties"``."""
    if lang == "nl":
        return f"{n} band" if n == 1 else f"{n} banden"
    return f"{n} tie" if n == 1 else f"{n} ties"


def _with_ties(n: int, lang: str) -> str:
    if n == 0:
        return ""
    return f", met {_ties(n, 'nl')} naar anderen" if lang == "nl" else f", with {_ties(n, 'en')} to others"


def _kept_ties(n: int, lang: str) -> str:
    if lang == "nl":
        return {0: "er waren geen banden met anderen.",
                1: "de band met een ander blijft staan, want zij kennen elkaar nog."}.get(
            n, f"de {n} banden met anderen blijven staan, want zij kennen elkaar nog.")
    return {0: "there were no ties with others.",
            1: "the tie with another person remains, as they still know each other."}.get(
        n, f"the {n} ties with others remain, as they still know each other.")


# -- registry --------------------------------------------------------------------------------------

RADIO: dict[str, Callable[..., InterventionResult]] = {
    "Reanimeren": revive,
    "Activeren": activate,
    "Deblokkeren": unblock,
    "Intensiveren": intensify,
    "Onderhouden": maintain,
}
"""The five RADIO interventions in order: Dutch name -> function."""

INTERVENTIONS: dict[str, Callable[..., InterventionResult]] = {
    "revive": revive,
    "activate": activate,
    "unblock": unblock,
    "intensify": intensify,
    "maintain": maintain,
    "add_member": add_member,
    "cut_tie": cut_tie,
}
"""Every intervention: action name -> function."""


def apply_intervention(net: EgoNetwork, action: str, alter_id: str | None = None,
                       params: Mapping | None = None) -> InterventionResult:
    """Apply one intervention given as data (``action``, ``alter_id``, ``params``).

    This replays a stored step (see :meth:`InterventionResult.step`).

    Raises
    ------
    ValidationError
        For an unknown action.
    NotApplicable
        As the intervention itself.

    Examples
    --------
    >>> from netles import datasets
    >>> apply_intervention(datasets.load_case("voorbeeld"), "activate", "D", {"function": "appraisal"}).name
    'Activeren'
    """
    if action not in INTERVENTIONS:
        raise ValidationError(Problem(f"{action!r} is not an intervention", field="action", value=action,
                                      allowed=", ".join(repr(a) for a in INTERVENTIONS)))
    params = dict(params or {})
    if action == "add_member":
        kind = params.pop("kind", None)
        params.setdefault("alter_id", alter_id)
        return add_member(net, kind, **params)
    return INTERVENTIONS[action](net, alter_id, **params)


def applicable_interventions(net: EgoNetwork, alter_id: str) -> list[str]:
    """Which interventions fit this alter, by Dutch name, in RADIO order.

    Activeren counts as applicable when at least one support function could still be added.
    ``"Band doorsnijden"`` is listed last when it fits (a burdening tie, for family only with a
    person the case records as a danger).

    Examples
    --------
    >>> from netles import datasets
    >>> net = datasets.load_case("voorbeeld")
    >>> applicable_interventions(net, "B")  # her brother: repairing comes first, cutting is not a plan step
    ['Deblokkeren']
    >>> applicable_interventions(net, "E")
    ['Activeren', 'Intensiveren', 'Onderhouden']
    """
    out = []
    for name, function in RADIO.items():
        try:
            if function is activate:
                if not any(_fits(activate, net, alter_id, f) for f in vocab.SUPPORT.codes):
                    continue
            else:
                function(net, alter_id)
        except NotApplicable:
            continue
        out.append(name)
    if _fits(cut_tie, net, alter_id):
        out.append(INTERVENTION_LABELS["cut_tie"][0])
    return out


def _fits(function, net, alter_id, *args) -> bool:
    try:
        function(net, alter_id, *args)
    except NotApplicable:
        return False
    return True
