"""Who is responsible when someone from the network helps? A teaching aid, not legal advice.

Built from the guideline of a care organisation on working with a client's social network (one of
the source texts of the suite; facts only, in our own words). The guideline says, in short:

* Clients and their network may carry out care tasks, including reserved or risky procedures,
  after agreements about what they want and can do; a professional may teach them, with consent of
  client and network.
* Helping **other** clients than one's own relative is possible when it is coordinated with a
  professional. Once is not volunteering; someone who wants to help other clients regularly can
  sign up as a volunteer with the organisation (a separate volunteer guideline then applies).
* The **network member** answers for a wrong action that harms their own relative, and for help to
  other clients given on their own initiative without coordination with a professional.
* The **organisation** is responsible when a professional notices that the network lacks the
  knowledge to help and does not respond well; when it knows that a network member will carry out
  a risky procedure with another client; and when the network helps other clients at its request.
* When a professional sees that a task by the network is not going well, they must act, in three
  steps (:data:`PROBLEM_STEPS`); the professional's part in working with the network has six steps
  (:data:`PROFESSIONAL_STEPS`).

:func:`who_is_liable` applies these rules to one situation and says who is responsible, why, and
which of the professional's steps apply. Where the guideline does not settle a case, the answer
says so (``responsible == "unclear"``) rather than guessing. **This is lesson material about one
organisation's guideline. It is not legal advice; real cases depend on the law, contracts and
insurance.**

References
----------
.. [1] Guideline "Samenwerken met het sociale netwerk" of a Dutch care organisation, in the source
   texts of netles (``000``), summarised in our own words.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import vocab
from .errors import Problem, ValidationError

__all__ = [
    "ACTORS",
    "FOR_WHOM",
    "REQUESTS",
    "PROCEDURES",
    "RESPONSIBLE",
    "PROFESSIONAL_STEPS",
    "PROBLEM_STEPS",
    "DISCLAIMER",
    "Step",
    "LiabilityResult",
    "who_is_liable",
]

ACTORS = vocab.Vocabulary(
    "actor",
    {
        "network_member": ("iemand uit het netwerk", "network member"),
        "volunteer": ("vrijwilliger van de organisatie", "volunteer of the organisation"),
        "professional": ("beroepskracht", "professional"),
    },
    ("wie handelt", "who acts"),
)
FOR_WHOM = vocab.Vocabulary(
    "for_whom",
    {
        "own_relative": ("de eigen naaste", "their own relative"),
        "other_client": ("een andere cliënt", "another client"),
    },
    ("voor wie", "for whom"),
)
REQUESTS = vocab.Vocabulary(
    "request",
    {
        "client": ("de cliënt", "the client"),
        "organisation": ("de organisatie", "the organisation"),
        "nobody": ("niemand (eigen initiatief)", "nobody (own initiative)"),
    },
    ("op wiens verzoek", "on whose request"),
)
PROCEDURES = vocab.Vocabulary(
    "procedure",
    {
        "care": ("gewone zorg of hulp", "ordinary care or help"),
        "reserved": ("voorbehouden of risicovolle handeling", "reserved or risky procedure"),
    },
    ("soort handeling", "kind of task"),
)
RESPONSIBLE = vocab.Vocabulary(
    "responsible",
    {
        "network_member": ("het netwerklid zelf", "the network member"),
        "organisation": ("de zorgorganisatie", "the care organisation"),
        "volunteer_policy": ("de organisatie, via haar vrijwilligersbeleid", "the organisation, under its volunteer policy"),
        "unclear": ("niet eenduidig geregeld", "not clearly settled"),
    },
    ("verantwoordelijk", "responsible"),
)

DISCLAIMER = (
    "Lesmateriaal op basis van de richtlijn van één zorgorganisatie; geen juridisch advies.",
    "Teaching material based on one care organisation's guideline; not legal advice.",
)
"""Shown with every answer (Dutch, English)."""


@dataclass(frozen=True)
class Step:
    """One step the professional takes.

    Attributes
    ----------
    number : int
    title_nl, title_en : str
    text_nl, text_en : str
        What the step means, in our own words.
    """

    number: int
    title_nl: str
    title_en: str
    text_nl: str
    text_en: str

    def text(self, lang: str = "nl", number: int | None = None) -> str:
        """``"number. title: text"`` in ``lang``; ``number`` replaces the step's own number (to count
        the steps that apply 1, 2, 3 ... without gaps)."""
        if lang not in vocab.LANGUAGES:
            raise ValueError(f"lang must be one of {vocab.LANGUAGES}, not {lang!r}")
        title, text = (self.title_nl, self.text_nl) if lang == "nl" else (self.title_en, self.text_en)
        return f"{self.number if number is None else number}. {title}: {text}"


PROFESSIONAL_STEPS = (
    Step(1, "Instemming", "Consent",
         "vraag cliënt en netwerk om instemming met de zorgtaken en (risicovolle) voorbehouden handelingen, en noteer die in het dossier",
         "ask client and network to agree to the care tasks and (risky) reserved procedures, and note it in the file"),
    Step(2, "Mogelijkheden verkennen", "Explore possibilities",
         "vraag na wat het netwerk wil en kan doen, ook op termijn, en waar het steun bij nodig heeft",
         "find out what the network wants and is able to do, also in the longer run, and where it needs support"),
    Step(3, "Coachen en aanleren", "Coach and teach",
         "leer een handeling aan door eerst voor te doen, dan samen te doen en het dan zelf te laten doen",
         "teach a task by showing it, then doing it together, then letting them do it alone"),
    Step(4, "Afspraken vastleggen", "Record agreements",
         "maak heldere afspraken, spreek af hoe en wanneer je evalueert, en zet ze in het dossier",
         "make clear agreements, settle how and when to evaluate, and put them in the file"),
    Step(5, "Evalueren", "Evaluate",
         "bekijk de afspraken geregeld opnieuw met cliënt en netwerk",
         "review the agreements regularly with client and network"),
    Step(6, "Bij twijfel", "In doubt",
         "gaat het niet goed, volg dan de drie stappen voor als het misgaat",
         "if it is not going well, follow the three steps for when things go wrong"),
)
"""The professional's six steps when the network takes on care (our wording of the guideline)."""

PROBLEM_STEPS = (
    Step(1, "Bespreken", "Talk",
         "ga met cliënt en netwerk in gesprek over hoe de handeling gaat, geef aanvullende uitleg en blijf het volgen",
         "talk with client and network about how the task goes, give further instruction and keep an eye on it"),
    Step(2, "Vastleggen", "Record",
         "noteer in het dossier wat besproken is, je advies, hoe je het volgt, en plan een evaluatie",
         "note in the file what was discussed, your advice and how you follow it up, and plan an evaluation"),
    Step(3, "Geen verbetering", "No improvement",
         "leg uit wat fouten kunnen veroorzaken, noteer de uitkomst, overleg zo nodig met je leidinggevende "
         "of de HBO-verpleegkundige, en neem taken zo nodig geheel of deels over",
         "explain what mistakes can lead to, note the outcome, consult your manager or the senior nurse if "
         "needed, and take tasks over fully or partly if needed"),
)
"""The three steps when a task by the network is not going well (our wording of the guideline)."""


@dataclass(frozen=True)
class LiabilityResult:
    """The answer of :func:`who_is_liable`.

    Attributes
    ----------
    responsible : str
        A code of :data:`RESPONSIBLE`.
    reasons_nl, reasons_en : tuple of str
        Why, rule by rule.
    professional_steps : tuple of Step
        Which of the six steps apply.
    problem_steps : tuple of Step
        Which of the three steps for when it goes wrong apply (empty when nothing goes wrong).
    advice_nl, advice_en : tuple of str
        Further pointers (sign up as volunteer, coordinate first...).
    situation : dict
        The inputs, for display.
    """

    responsible: str
    reasons_nl: tuple
    reasons_en: tuple
    professional_steps: tuple
    problem_steps: tuple
    advice_nl: tuple
    advice_en: tuple
    situation: dict

    @property
    def teaching_aid(self) -> bool:
        """Always True: this is lesson material, not legal advice."""
        return True

    def responsible_label(self, lang: str = "nl") -> str:
        """Who is responsible, in words."""
        return RESPONSIBLE.label(self.responsible, lang)

    def describe(self, lang: str = "nl", disclaimer: bool = True) -> str:
        """The whole answer as text, with the disclaimer first.

        The steps that apply are numbered 1, 2, 3 ... in the order of the guideline (a reader
        should not wonder where step 3 went); ``disclaimer=False`` leaves the disclaimer out for a
        page that already shows it once.

        Examples
        --------
        >>> r = who_is_liable("network_member", "own_relative", "client", "care")
        >>> [line.strip()[:2] for line in r.describe(disclaimer=False).splitlines() if line.startswith("  ")]
        ['1.', '2.', '3.', '4.']
        """
        nl = lang == "nl"
        if not nl and lang != "en":
            raise ValueError(f"lang must be one of {vocab.LANGUAGES}, not {lang!r}")
        lines = [DISCLAIMER[0] if nl else DISCLAIMER[1], ""] if disclaimer else []
        lines.append(("Verantwoordelijk: " if nl else "Responsible: ") + self.responsible_label(lang))
        lines += ["- " + r for r in (self.reasons_nl if nl else self.reasons_en)]
        if self.professional_steps:
            lines.append("Stappen van de beroepskracht:" if nl else "The professional's steps:")
            lines += ["  " + s.text(lang, i) for i, s in enumerate(self.professional_steps, start=1)]
        if self.problem_steps:
            lines.append("Als het niet goed gaat:" if nl else "When it is not going well:")
            lines += ["  " + s.text(lang, i) for i, s in enumerate(self.problem_steps, start=1)]
        advice = self.advice_nl if nl else self.advice_en
        if advice:
            lines.append("Verder:" if nl else "Further:")
            lines += ["- " + a for a in advice]
        return "\n".join(lines)


def _check(name: str, value: Any, voc: vocab.Vocabulary, problems: list) -> None:
    if value not in voc:
        problems.append(Problem(f"{value!r} is not allowed", field=name, value=value, allowed=voc.allowed()))


def who_is_liable(
    actor: str,
    for_whom: str = "own_relative",
    request: str = "client",
    procedure: str = "care",
    *,
    coordinated: bool | None = None,
    knowledge_sufficient: bool = True,
    lack_noticed: bool = False,
    professional_acted: bool = False,
    going_wrong: bool = False,
    improved: bool | None = None,
    structural: bool = False,
) -> LiabilityResult:
    """Who is responsible for help given to a client, following the organisation's guideline.

    A teaching aid, not legal advice (see :data:`DISCLAIMER`).

    Parameters
    ----------
    actor : {"network_member", "volunteer", "professional"}
        Who acts.
    for_whom : {"own_relative", "other_client"}
        The helper's own relative, or another client of the organisation.
    request : {"client", "organisation", "nobody"}
        On whose request the help is given (``"nobody"``: own initiative).
    procedure : {"care", "reserved"}
        Ordinary care or help, or a reserved or risky procedure.
    coordinated : bool, optional
        Whether the help is coordinated with a professional of the organisation (the organisation
        knows). Default: True when the organisation asked, False otherwise.
    knowledge_sufficient : bool, default True
        Whether the helper knows enough to do it (e.g. has been taught).
    lack_noticed : bool, default False
        A professional has noticed that the helper lacks knowledge.
    professional_acted : bool, default False
        The professional responded properly to that (taught, instructed, followed up).
    going_wrong : bool, default False
        It has been noticed that the task is not going well.
    improved : bool, optional
        After the first two problem steps: did it get better? ``False`` adds the third step.
    structural : bool, default False
        The network member wants to help other clients regularly, not once.

    Returns
    -------
    LiabilityResult

    Raises
    ------
    ValidationError
        Values outside the allowed codes, or contradictory inputs (a request by the organisation
        that is not coordinated; ``lack_noticed`` while knowledge is sufficient).

    Examples
    --------
    >>> r = who_is_liable("network_member", "own_relative", "client", "reserved")
    >>> r.responsible, [s.number for s in r.professional_steps]
    ('network_member', [1, 2, 3, 4, 5])
    >>> who_is_liable("network_member", "other_client", "organisation").responsible
    'organisation'
    >>> print(r.describe().splitlines()[0])
    Lesmateriaal op basis van de richtlijn van één zorgorganisatie; geen juridisch advies.
    """
    problems: list[Problem] = []
    _check("actor", actor, ACTORS, problems)
    _check("for_whom", for_whom, FOR_WHOM, problems)
    _check("request", request, REQUESTS, problems)
    _check("procedure", procedure, PROCEDURES, problems)
    flags = dict(knowledge_sufficient=knowledge_sufficient, lack_noticed=lack_noticed,
                 professional_acted=professional_acted, going_wrong=going_wrong, structural=structural)
    for name, value in flags.items():
        if not isinstance(value, bool):
            problems.append(Problem("is not True or False", field=name, value=value, allowed="True or False"))
    for name, value in (("coordinated", coordinated), ("improved", improved)):
        if value is not None and not isinstance(value, bool):
            problems.append(Problem("is not True, False or None", field=name, value=value, allowed="True, False or None"))
    if problems:
        raise ValidationError(problems)
    if coordinated is None:
        coordinated = request == "organisation"
    if request == "organisation" and not coordinated:
        problems.append(Problem("the organisation asked, so the help is coordinated", field="coordinated", value=False, allowed="True or None when request is 'organisation'"))
    if lack_noticed and knowledge_sufficient:
        problems.append(Problem("a lack of knowledge was noticed, but knowledge_sufficient is True", field="lack_noticed", value=True, allowed="False when knowledge is sufficient"))
    if professional_acted and not lack_noticed:
        problems.append(Problem("the professional can only act on a lack that was noticed", field="professional_acted", value=True, allowed="False unless lack_noticed"))
    if improved is not None and not going_wrong:
        problems.append(Problem("improvement only applies when it is going wrong", field="improved", value=improved, allowed="None unless going_wrong"))
    if problems:
        raise ValidationError(problems)

    reasons_nl: list[str] = []
    reasons_en: list[str] = []
    advice_nl: list[str] = []
    advice_en: list[str] = []
    reserved = procedure == "reserved"
    org_involved = True  # does a professional of the organisation work with this helper?

    if actor == "professional":
        responsible = "organisation"
        reasons_nl.append("Een beroepskracht werkt namens de organisatie; de organisatie staat voor dat werk in.")
        reasons_en.append("A professional works on behalf of the organisation, which answers for that work.")
    elif actor == "volunteer":
        responsible = "volunteer_policy"
        reasons_nl.append("Een aangemelde vrijwilliger valt onder de afspraken voor vrijwilligers van de organisatie; "
                          "die staan in een aparte handreiking, niet in deze richtlijn.")
        reasons_en.append("A registered volunteer falls under the organisation's arrangements for volunteers; those "
                          "are in a separate guideline, not in this one.")
    elif for_whom == "own_relative":
        responsible = "network_member"
        reasons_nl.append("Wie uit het netwerk voor de eigen naaste zorgt, is zelf verantwoordelijk voor fouten en "
                          "schade bij die naaste.")
        reasons_en.append("A network member caring for their own relative answers for mistakes and harm to that relative.")
        if reserved:
            # the Wet BIG frame (issue 12.3): the rules on reserved procedures bind those who act
            # professionally; a competent relative may perform them in private life, so the open
            # question is liability and agreement, not permission
            reasons_nl.append("Een voorbehouden of risicovolle handeling mag een naaste in de privésfeer doen als die "
                              "daarin bekwaam is (Wet BIG); de vraag is dan wie aansprakelijk is en wat er met "
                              "instemming van cliënt en netwerk is afgesproken.")
            reasons_en.append("A relative may carry out a reserved or risky procedure in private life when competent "
                              "(BIG Act); the question then is who is liable and what was agreed with the consent of "
                              "client and network.")
    else:  # network member helping another client
        if request == "organisation":
            responsible = "organisation"
            reasons_nl.append("De hulp aan een andere cliënt gebeurt op verzoek van de organisatie, dus is de organisatie verantwoordelijk.")
            reasons_en.append("The help to another client is given at the organisation's request, so the organisation is responsible.")
        elif coordinated and reserved:
            responsible = "organisation"
            reasons_nl.append("De organisatie weet dat iemand uit het netwerk een risicovolle handeling doet bij een andere "
                              "cliënt, en is daarom verantwoordelijk.")
            reasons_en.append("The organisation knows that a network member carries out a risky procedure with another "
                              "client, and is therefore responsible.")
        elif not coordinated:
            responsible = "network_member"
            org_involved = False
            who = "de cliënt" if request == "client" else "niemand"
            reasons_nl.append(f"Hulp aan een andere cliënt op eigen initiatief (gevraagd door {who}) en zonder afstemming "
                              "met een beroepskracht: het netwerklid is zelf verantwoordelijk.")
            reasons_en.append("Help to another client on one's own initiative and without coordination with a "
                              "professional: the network member answers for it.")
            advice_nl.append("Stem hulp aan andere cliënten eerst af met een beroepskracht.")
            advice_en.append("Coordinate help to other clients with a professional first.")
        else:
            responsible = "unclear"
            reasons_nl.append("Gewone hulp aan een andere cliënt, afgestemd met een beroepskracht maar niet op verzoek "
                              "van de organisatie: de richtlijn regelt dit geval niet uitdrukkelijk.")
            reasons_en.append("Ordinary help to another client, coordinated with a professional but not at the "
                              "organisation's request: the guideline does not settle this case explicitly.")
            advice_nl.append("Leg vast wie waarvoor verantwoordelijk is en vraag het na bij de organisatie.")
            advice_en.append("Record who is responsible for what and check with the organisation.")
        if structural:
            advice_nl.append("Wil iemand vaker andere cliënten helpen, dan kan die zich als vrijwilliger aanmelden; "
                             "eenmalige hulp maakt iemand nog geen vrijwilliger.")
            advice_en.append("Someone who wants to help other clients regularly can sign up as a volunteer; helping "
                             "once does not make someone a volunteer.")

    if lack_noticed and not professional_acted and actor != "professional":
        overrides = responsible != "organisation"
        responsible = "organisation"
        reasons_nl.append(("Maar: e" if overrides else "E") + "en beroepskracht zag dat de kennis tekortschiet en moet dan handelen; gebeurt dat niet "
                          "goed, dan is de organisatie verantwoordelijk.")
        reasons_en.append(("But: a" if overrides else "A") + " professional noticed the lack of knowledge and must then act; if that is not done "
                          "well, the organisation is responsible.")
        org_involved = True
    elif lack_noticed and professional_acted:
        reasons_nl.append("De beroepskracht heeft op het kennistekort gereageerd (uitleg, instructie, volgen).")
        reasons_en.append("The professional responded to the lack of knowledge (explanation, instruction, follow-up).")

    steps: tuple = ()
    if actor == "network_member" and org_involved:
        numbers = [1, 2, 4, 5]
        if reserved or not knowledge_sufficient:
            numbers.append(3)
        if going_wrong:
            numbers.append(6)
        steps = tuple(s for s in PROFESSIONAL_STEPS if s.number in numbers)
    problem_steps: tuple = ()
    if going_wrong and (org_involved or actor != "network_member"):
        wanted = (1, 2, 3) if improved is False else (1, 2)
        problem_steps = tuple(s for s in PROBLEM_STEPS if s.number in wanted)
        reasons_nl.append("Ziet een beroepskracht dat het niet goed gaat, dan is die verplicht in actie te komen.")
        reasons_en.append("A professional who sees that it is not going well is obliged to act.")
    elif going_wrong:
        advice_nl.append("Er is geen beroepskracht bij betrokken; meld het bij de organisatie zodat die kan handelen.")
        advice_en.append("No professional is involved; tell the organisation so that it can act.")

    situation = dict(actor=actor, for_whom=for_whom, request=request, procedure=procedure, coordinated=coordinated,
                     improved=improved, **flags)
    return LiabilityResult(responsible, tuple(reasons_nl), tuple(reasons_en), steps, problem_steps,
                           tuple(advice_nl), tuple(advice_en), situation)
