"""Exercises and a case view for lesson 03b: roles, network strategies and liability.

Theme 3 of the teacher's guide is about three parties, each with its own part: the professional
(from diagnosis-led expert to process coach: "zorgen dat" instead of "zorgen voor"), the client
(vraagverlegenheid) and the network (belangenbehartiger, spilmantelzorger, casemanager). Lesson 03b
adds the working method of sociale netwerkstrategieën (netwerkkompas, netwerkberaad, actieteam),
the Eigen Kracht-conferentie and its Dutch legal form, the familiegroepsplan of the Jeugdwet, and
what the network may do and who is liable (the guideline of a care organisation, framed by the Wet
BIG).

* :func:`strategy_exercise` gives one of the exercises of :data:`STRATEGY_EXERCISES`: a dropdown per
  item, all empty at the start, feedback with an explanation only after "Controleer" (the general
  form is :func:`netles.widgets.choice_exercise`).
* :func:`network_roles_view` shows, for a case, who in the client's own network gives which kinds of
  support, who gives the most (:func:`netles.models.dynamics.choose_carer`: never a professional or
  a volunteer of an organisation), and who the case names as mantelzorger.

Nothing here computes a metric: kinds of support per person come from
:func:`netles.metrics.support_given`, tables from :func:`netles.readable_table`.

References
----------
.. [1] Admiraal, L. (2016). *Sociale netwerken. Docentenhandreiking*, theme 3. Hogeschool Utrecht.
.. [2] Flashcards "Netwerkversterkend werken": sociale netwerkstrategieën in three phases (source
   text of the suite, in our own words).
.. [3] Guideline "Samenwerken met het sociale netwerk" of a care organisation (source text of the
   suite, in our own words); see :mod:`netles.liability`.
.. [4] Jeugdwet, art. 1.1, 2.1 (g) and 4.1.2 (the familiegroepsplan).
.. [5] Rijksoverheid, "Mag ik in een privé situatie medisch handelen?" (Wet BIG, art. 36).
"""
from __future__ import annotations

import html
from typing import Any, Mapping, Sequence

import ipywidgets as W

from .. import metrics, vocab
from ..models.dynamics import choose_carer
from ..network import EgoNetwork
from ..vocab import readable_table
from .policy import ExerciseItem, choice_exercise

__all__ = [
    "STRATEGY_EXERCISES",
    "spec_exercise",
    "strategy_exercise",
    "network_roles_view",
    "NetworkRolesState",
]


_i = vocab.language_index


def _pick(pair: Sequence[str], lang: str) -> str:
    return pair[_i(lang)]


def spec_exercise(spec: Mapping[str, Any], lang: str = "nl"):
    """A :func:`netles.widgets.choice_exercise` from a plain specification.

    Parameters
    ----------
    spec : mapping
        ``title`` and ``intro`` (Dutch, English), ``options`` (``(key, Dutch, English)`` each) and
        ``items`` (``(key, Dutch, English, accepted, why Dutch, why English)`` each; ``accepted`` is
        one option key or several joined by ``|``).
    lang : {"nl", "en"}

    Returns
    -------
    (ipywidgets.VBox, ExerciseState)

    Examples
    --------
    >>> widget, state = spec_exercise(STRATEGY_EXERCISES["zorgen_dat"])
    >>> widget.choices["aanvraag"].value
    ''
    """
    _i(lang)
    items = [ExerciseItem(key, (nl, en), frozenset(accepted.split("|")), (why_nl, why_en))
             for key, nl, en, accepted, why_nl, why_en in spec["items"]]
    return choice_exercise(items, spec["options"], lang, title=spec["title"], intro=spec["intro"])


# ------------------------------------------------------------------------------ the exercises

_ZORGEN = {
    "title": ('"Zorgen voor" of "zorgen dat"?', '"Caring for" or "making sure that"?'),
    "intro": ("Wat doet de professional in elke situatie? Kies en klik op Controleer.",
              "What is the professional doing in each situation? Choose and click Check."),
    "options": (("voor", "zorgen voor: de professional doet het of beslist het",
                 "caring for: the professional does it or decides it"),
                ("dat", "zorgen dat: cliënt en netwerk doen het, de professional ondersteunt",
                 "making sure that: client and network do it, the professional supports")),
    "items": (
        ("aanvraag", "Je vult de aanvraag voor hulp bij het huishouden zelf in, want dan is het sneller geregeld.",
         "You fill in the application for help with housework yourself, because that gets it done faster.", "voor",
         "Snel, maar de cliënt leert er niets van en de regie ligt bij jou.",
         "Fast, but the client learns nothing from it and you are in charge."),
         ("vragen", "Je oefent met de cliënt hoe ze haar buurvrouw kan vragen mee te gaan naar de huisarts.",
          "You practise with the client how she can ask her neighbour to come along to the GP.", "dat",
          "De cliënt vraagt het zelf; jij helpt haar over de drempel. Dat is werken aan samenredzaamheid.",
          "The client asks herself; you help her over the threshold. That is working on shared self-reliance."),
         ("dagbesteding", "Je besluit dat de cliënt naar de dagbesteding moet, omdat je dat bij deze diagnose altijd adviseert.",
          "You decide the client should go to day activities, because you always advise that with this diagnosis.",
          "voor",
          "Hier bepaalt de diagnose het aanbod, zoals vóór de Wmo. Nu begint het bij wat de cliënt wil bereiken.",
          "Here the diagnosis decides the offer, as before the Wmo. Now it starts from what the client wants."),
         ("verbinden", "Je brengt de zus en de buurman van de cliënt met elkaar in contact, zodat ze samen het vervoer "
                       "naar het ziekenhuis kunnen verdelen.",
          "You put the client's sister and neighbour in touch, so that they can share the transport to the hospital.",
          "dat",
          "Je regelt het vervoer niet zelf, maar zorgt dat het netwerk het samen kan.",
          "You do not arrange the transport yourself but make sure the network can do it together."),
         ("gezelschap", "Je vraagt de cliënt wie ze mist en met wie ze weer eens iets leuks zou willen doen.",
          "You ask the client whom she misses and with whom she would like to do something nice again.", "dat",
          "Professionals vragen het netwerk vaak alleen om praktische hulp. Ook contact en gezelschap horen erbij.",
          "Professionals often ask the network for practical help only. Contact and company belong to it too."),
         ("regie", "De familie vergeet steeds afspraken, dus je neemt de planning voortaan helemaal over.",
          "The family keeps forgetting appointments, so from now on you take over the planning completely.", "voor",
          "Begrijpelijk, maar de regie verschuift naar jou. Kijk eerst samen wat er nodig is om het wel te laten lukken.",
          "Understandable, but control shifts to you. First look together at what is needed to make it work."),
    ),
}

_ROLLEN = {
    "title": ("Welke rol heeft deze persoon?", "Which role does this person have?"),
    "intro": ("Kies bij elke beschrijving de rol die het best past. Klik daarna op Controleer.",
              "Choose the role that fits each description best. Then click Check."),
    "options": (("steun", "steun uit het netwerk (familie, vriend, buur)", "support from the network (relative, friend, neighbour)"),
                ("belangen", "belangenbehartiger (spilmantelzorger)", "advocate (key informal carer)"),
                ("casemanager", "casemanager uit het netwerk", "case manager from the network"),
                ("professional", "professional: geen mantelzorger", "professional: not an informal carer"),
                ("vrijwilliger", "vrijwilliger: geen mantelzorger", "volunteer: not an informal carer")),
    "items": (
        ("vriend", "Een oude vriend komt elke week een avond langs voor een kaartje en een praatje.",
         "An old friend comes round one evening a week for a game of cards and a chat.", "steun",
         "Gezelschap is een belangrijke vorm van steun. Van een rol als belangenbehartiger is hier geen sprake.",
         "Company is an important kind of support. There is no question of an advocate's role here."),
        ("gesprek", "Een dochter gaat mee naar het gesprek met de gemeente en zorgt dat wat haar vader wil, "
                    "gehoord wordt.",
         "A daughter comes along to the meeting with the municipality and makes sure her father's wishes are heard.",
         "belangen",
         "Wie opkomt voor de belangen van de cliënt, heet in de handreiking een spilmantelzorger. Vaak is dat iemand "
         "die zich emotioneel sterk verbonden voelt.",
         "Someone who stands up for the client's interests is called a key informal carer (spilmantelzorger) in the "
         "guide. Often it is someone who feels strongly attached emotionally."),
        ("overzicht", "Een moeder houdt het overzicht over werk, dagbesteding, Wmo-consulent en familie, en zorgt dat "
                      "iedereen van elkaar weet wie wat doet.",
         "A mother keeps track of work, day activities, the Wmo consultant and the family, and makes sure everyone "
         "knows who does what.", "casemanager",
         "De rol van belangenbehartiger is hier uitgegroeid tot casemanager: overzicht houden en afstemmen tussen "
         "netwerk en professionals.",
         "The advocate's role has grown into that of case manager here: keeping track and coordinating between "
         "network and professionals."),
        ("begeleider", "Een persoonlijk begeleider komt al jaren twee keer per week en kent de cliënt het best van "
                       "iedereen.",
         "A personal support worker has come twice a week for years and knows the client best of all.",
         "professional",
         "Hoeveel een begeleider ook doet, het is werk: een professional is nooit de spilmantelzorger. Let op wat "
         "er gebeurt als die begeleider stopt.",
         "However much a support worker does, it is a job: a professional is never the key informal carer. Watch "
         "what happens when that worker leaves."),
        ("bezoek", "Iemand van de vrijwilligerscentrale bezoekt elke week een oudere die ze daarvoor niet kende.",
         "Someone from the volunteer centre visits an older person every week whom she did not know before.",
         "vrijwilliger",
         "Een mantelzorger zorgt vanwege een persoonlijke band; een vrijwilliger zet zich via een organisatie in "
         "voor iemand die ze vaak niet kende.",
         "An informal carer cares because of a personal bond; a volunteer works through an organisation for "
         "someone they often did not know."),
    ),
}

_SNS = {
    "title": ("Sociale netwerkstrategieën: wie doet wat?", "Social network strategies: who does what?"),
    "intro": ("Kies bij elke taak wie die in deze werkmethode heeft. Klik daarna op Controleer.",
              "For each task, choose who has it in this working method. Then click Check."),
    "options": (("client", "de cliënt, samen met het netwerk", "the client, together with the network"),
                ("begeleider", "de begeleider (facilitator)", "the facilitator"),
                ("toezicht", "professionals met verplicht toezicht", "professionals with mandatory supervision"),
                ("actieteam", "het actieteam", "the action team")),
    "items": (
        ("supporters", "Kiest een of meer supporters die meedenken over de richting (het netwerkkompas).",
         "Chooses one or more supporters to help set the direction (the network compass).", "client",
         "De cliënt kiest zelf wie er helpt het kompas in te stellen en wie er bij het beraad komt.",
         "The client chooses who helps set the compass and who comes to the meeting."),
        ("uitleg", "Legt uit waar het netwerkberaad voor is en welke stappen het heeft, en blijft neutraal.",
         "Explains what the network meeting is for and what its steps are, and stays neutral.", "begeleider",
         "De begeleider motiveert en legt uit, maar kiest geen kant en zegt niets over de inhoud.",
         "The facilitator motivates and explains, but takes no side and says nothing about the content."),
        ("inhoud", "Bepaalt wat er in het plan komt te staan.", "Decides what goes into the plan.", "client",
         "Cliënt en netwerk bepalen de inhoud; daardoor wordt het ook echt hun plan.",
         "Client and network decide the content; that is what makes it really their plan."),
        ("wachten", "Is tijdens de privétijd niet in de kamer, maar wel in de buurt voor als er vragen zijn.",
         "Is not in the room during the private time, but close by in case there are questions.", "begeleider",
         "De begeleider en andere professionals gaan de kamer uit; de deelnemers praten en besluiten zelf.",
         "The facilitator and other professionals leave the room; the participants talk and decide themselves."),
        ("voorwaarden", "Stelt vooraf voorwaarden waaraan het plan moet voldoen, bijvoorbeeld namens justitie.",
         "Sets conditions beforehand that the plan must meet, for instance on behalf of the justice system.",
         "toezicht",
         "Alleen bij verplicht toezicht zitten zulke professionals aan tafel. Bij de presentatie kijken zij of het "
         "plan aan hun voorwaarden voldoet.",
         "Only under mandatory supervision do such professionals sit at the table. At the presentation they check "
         "whether the plan meets their conditions."),
        ("verduidelijken", "Stelt bij de presentatie van het plan alleen vragen om het duidelijk te krijgen.",
         "Only asks questions to clarify the plan when it is presented.", "begeleider",
         "De begeleider geeft geen oordeel over het plan, maar mag wel vragen wat ermee bedoeld wordt.",
         "The facilitator gives no opinion on the plan, but may ask what is meant."),
        ("uitvoeren", "Komt minstens om de zes weken bij elkaar, voert het plan uit en stuurt bij.",
         "Meets at least every six weeks, carries out the plan and adjusts it.", "actieteam",
         "Het actieteam (cliënt, familie en netwerk, betrokken professionals) vervangt het overleg over de cliënt "
         "zonder de cliënt.",
         "The action team (client, family and network, involved professionals) replaces meetings about the client "
         "without the client."),
    ),
}

_TRUE_FALSE = (("juist", "juist", "true"), ("onjuist", "onjuist", "false"))

_EIGEN_KRACHT = {
    "title": ("De Eigen Kracht-conferentie en het familiegroepsplan: juist of onjuist?",
              "The family group conference and the family group plan: true or false?"),
    "intro": ("Beoordeel elke bewering. Klik daarna op Controleer.", "Judge each statement. Then click Check."),
    "options": _TRUE_FALSE,
    "items": (
        ("hulpverlener", "De coördinator van een Eigen Kracht-conferentie is de vaste hulpverlener van het gezin.",
         "The coordinator of a family group conference is the family's own social worker.", "onjuist",
         "De coördinator is onafhankelijk en juist niet de hulpverlener: zo blijft het plan van de familie.",
         "The coordinator is independent and precisely not the social worker: that keeps the plan the family's."),
        ("meeschrijven", "Tijdens de privétijd schrijft de coördinator mee, zodat het plan goed op papier komt.",
         "During the private time the coordinator helps write, so that the plan is put down properly.", "onjuist",
         "In de privétijd is de familie onder elkaar. De coördinator bereidt alleen voor en is er niet bij.",
         "In the private time the family is on its own. The coordinator only prepares and is not present."),
        ("zorgen", "Professionals vertellen aan het begin wat er aan de hand is, wat hun zorgen zijn en welke "
                   "voorwaarden er gelden.",
         "At the start, professionals tell what is going on, what their concerns are and which conditions apply.",
         "juist",
         "Dat is de informatieronde. Daarna gaan de professionals de kamer uit.",
         "That is the information round. Then the professionals leave the room."),
        ("veilig", "Als het plan de zorgen over de veiligheid van een kind niet oplost, mogen professionals dat "
                   "zeggen.",
         "If the plan does not resolve the concerns about a child's safety, professionals may say so.", "juist",
         "Professionals kijken bij de presentatie of het plan veilig is en aan de voorwaarden voldoet. Over de rest "
         "beslist de familie.",
         "At the presentation professionals check whether the plan is safe and meets the conditions. The family "
         "decides the rest."),
        ("gemeente", "De gemeente hoeft met een familiegroepsplan niets te doen; het is een privézaak van de familie.",
         "The municipality need do nothing with a family group plan; it is the family's private affair.", "onjuist",
         "De Jeugdwet (art. 2.1, onder g) vraagt de gemeente het opstellen te steunen en de hulp zo veel mogelijk op "
         "het plan te baseren.",
         "The Youth Act (art. 2.1, under g) asks the municipality to support making it and to base help on the "
         "plan as far as possible."),
        ("beide", "Het netwerkberaad van sociale netwerkstrategieën en de Eigen Kracht-conferentie hebben allebei "
                  "privétijd zonder professionals.",
         "The network meeting of social network strategies and the family group conference both have private time "
         "without professionals.", "juist",
         "In beide maken de cliënt of de familie en hun netwerk het plan zelf, en professionals zijn er dan niet bij.",
         "In both, the client or the family and their network make the plan themselves, without professionals in "
         "the room."),
    ),
}

_NETWERK_TAKEN = {
    "title": ("Wat mag het netwerk, en wat moet er geregeld worden?", "What may the network do, and what needs arranging?"),
    "intro": ("Kies bij elke situatie wat het best past. De richtlijn van een zorgorganisatie en de Wet BIG "
              "geven het antwoord. Klik daarna op Controleer.",
              "Choose what fits each situation best. The guideline of a care organisation and the BIG Act give the "
              "answer. Then click Check."),
    "options": (("prive", "mag: in de privésfeer, als de naaste bekwaam is; maak afspraken en leg ze vast",
                 "allowed: in private life, if the relative is competent; make agreements and record them"),
                ("organisatie", "valt onder de regels van de organisatie", "falls under the organisation's rules"),
                ("afstemmen", "eerst afstemmen met een beroepskracht", "coordinate with a professional first"),
                ("aanmelden", "aanmelden als vrijwilliger", "sign up as a volunteer"),
                ("handelen", "de beroepskracht moet nu in actie komen", "the professional must act now")),
    "items": (
        ("katheter", "Een vrouw wil leren haar man thuis te katheteriseren.",
         "A woman wants to learn to catheterise her husband at home.", "prive",
         "Katheteriseren is een voorbehouden handeling (Wet BIG, art. 36), maar die regels gelden voor wie het "
         "beroepsmatig doet. De vraag is dus niet of het mag, maar wie het aanleert, wat er is afgesproken en wie "
         "aansprakelijk is.",
         "Catheterisation is a reserved procedure (BIG Act, art. 36), but those rules bind people acting "
         "professionally. So the question is not whether it is allowed, but who teaches it, what was agreed and "
         "who is liable."),
        ("vrijwilliger", "Een vrijwilliger die via de zorgorganisatie komt, wil een bewoner insuline geven.",
         "A volunteer who comes through the care organisation wants to give a resident insulin.", "organisatie",
         "Een vrijwilliger van een organisatie handelt niet in de privésfeer: de regels van die organisatie gelden.",
         "A volunteer of an organisation does not act in private life: that organisation's rules apply."),
        ("medebewoner", "Een vader die zijn dochter goed helpt, wil op eigen houtje ook een medebewoner helpen met "
                        "de medicijnen.",
         "A father who helps his daughter well wants to help a fellow resident with her medication too, on his own.",
         "afstemmen",
         "Hulp aan een andere cliënt kan, maar in afstemming met een beroepskracht. Zonder afstemming is hij er "
         "zelf verantwoordelijk voor.",
         "Helping another client is possible, but coordinated with a professional. Without coordination he is "
         "responsible himself."),
        ("structureel", "Een broer wil voortaan elke week ook drie andere bewoners van de woongroep helpen.",
         "A brother wants to help three other residents of the group home every week from now on.", "aanmelden",
         "Eenmalig helpen maakt iemand geen vrijwilliger. Wie zich structureel voor andere cliënten inzet, meldt "
         "zich aan als vrijwilliger.",
         "Helping once does not make someone a volunteer. Someone who wants to help other clients regularly signs "
         "up as a volunteer."),
        ("misgaat", "Een beroepskracht ziet dat een dochter de injecties bij haar vader niet goed geeft.",
         "A professional sees that a daughter is not giving her father's injections properly.", "handelen",
         "Ziet een beroepskracht dat het niet goed gaat, dan moet die handelen: bespreken, vastleggen en, als het "
         "niet beter wordt, taken (deels) overnemen.",
         "A professional who sees it is not going well must act: talk, record and, if it does not improve, take "
         "tasks over (partly)."),
    ),
}

STRATEGY_EXERCISES: dict[str, dict[str, Any]] = {
    "zorgen_dat": _ZORGEN,
    "rollen": _ROLLEN,
    "sns_taken": _SNS,
    "eigen_kracht": _EIGEN_KRACHT,
    "netwerk_taken": _NETWERK_TAKEN,
}
"""The exercises of lesson 03b: topic -> title, intro, options and items (Dutch and English)."""


def strategy_exercise(topic: str, lang: str = "nl"):
    """One of the exercises of lesson 03b (:data:`STRATEGY_EXERCISES`).

    Parameters
    ----------
    topic : {"zorgen_dat", "rollen", "sns_taken", "eigen_kracht", "netwerk_taken"}
    lang : {"nl", "en"}

    Returns
    -------
    (ipywidgets.VBox, ExerciseState)
        As :func:`netles.widgets.choice_exercise`: ``choices``, ``feedback``, ``check_button``,
        ``summary``.

    Examples
    --------
    >>> widget, state = strategy_exercise("rollen")
    >>> widget.choices["begeleider"].value = "belangen"
    >>> widget.check_button.click()
    >>> state.n_right, "nooit de spilmantelzorger" in widget.feedback["begeleider"].value
    (0, True)
    """
    if topic not in STRATEGY_EXERCISES:
        raise KeyError(f"no exercise {topic!r}; choose one of: {', '.join(STRATEGY_EXERCISES)}")
    return spec_exercise(STRATEGY_EXERCISES[topic], lang)


# ------------------------------------------------------------------------------ roles in a case

_FORMAL = ("professional", "volunteer")

_R = {
    "title": ("Wie geeft wat in deze casus?", "Who gives what in this case?"),
    "n_kinds": ("soorten steun", "kinds of support"),
    "most": ("Uit het eigen netwerk {verb} {who} de meeste soorten steun ({k}). Of {pron} ook {opkomt} voor de "
             "belangen van {client}, en dus de spilmantelzorger is, staat niet op de kaart: dat vraag je.",
             "From the client's own network, {who} {verb} the most kinds of support ({k}). Whether {pron} also "
             "{stand} up for {client}'s interests, and so {be} the key informal carer, the map does not show: you "
             "ask."),
    "most_ego": ("Wie steunt {client} zelf? Uit het eigen netwerk {verb} {who} de meeste soorten steun ({k}).",
                 "Who supports {client}? From the client's own network, {who} {verb} the most kinds of support "
                 "({k})."),
    "nobody": ("Niemand uit het eigen netwerk geeft nu steun: er is geen spil. Les 04b gaat over wat je dan doet "
               "(een steunsysteem opbouwen).",
               "Nobody from the client's own network gives support now: there is no key carer. Lesson 04b is about "
               "what to do then (building a support system)."),
    "carer": ("De casus noemt <b>{who}</b> als mantelzorger: ongeveer {hours} uur per week{reason}.",
              "The case names <b>{who}</b> as the informal carer: about {hours} hours a week{reason}."),
    "reason": (". Reden van de zorg: {reason}", ". Reason for the care: {reason}"),
    "ego_carer": ("In deze casus is de hoofdpersoon zelf mantelzorger, voor {whom}: ongeveer {hours} uur per week"
                  "{reason}.",
                  "In this case the main person is the informal carer, for {whom}: about {hours} hours a week"
                  "{reason}."),
    "formal": ("Niet meegeteld: {names}. Professionals en vrijwilligers van een organisatie kunnen nooit de "
               "spilmantelzorger zijn, hoeveel ze ook doen.",
               "Not counted: {names}. Professionals and volunteers of an organisation can never be the key informal "
               "carer, however much they do."),
    "faded": (" Let op: {names} staat nu als verwaterd op de kaart; wat die persoon deed, moet iemand anders "
              "overnemen, of het valt weg.",
              " Note: {names} is now marked as faded; what that person did must be taken over by someone else, or "
              "it falls away."),
    "empty": ("Niemand uit het eigen netwerk geeft nu steun.", "Nobody from the client's own network gives support now."),
    "client": ("de cliënt", "the client"),
}


def _r(key: str, lang: str, **kw: Any) -> str:
    text = _R[key][_i(lang)]
    return text.format(**kw) if kw else text


_join = vocab.join_words


def _client_name(net: EgoNetwork, lang: str) -> str:
    """The client's first name as the vignette gives it (its first word when that is a name), else
    'de cliënt'."""
    from .. import datasets

    words = datasets.case_vignette(net, lang).split()
    first = words[0] if words else ""
    if first[:1].isupper() and first.rstrip(".").isalpha() and first not in ("De", "Het", "Een", "The", "A", "An"):
        # "Meneer H. (79) ..." and "Mr H. (79) ...": keep the title with the initial
        if first in ("Meneer", "Mevrouw", "Mr", "Mrs", "Ms") and len(words) > 1:
            return f"{first} {words[1]}"
        return first
    return _r("client", lang)


class NetworkRolesState:
    """What :func:`network_roles_view` shows for a case.

    Attributes
    ----------
    network : EgoNetwork
    table : pandas.DataFrame
        The client's own network (no professionals, no volunteers of an organisation) who give
        support, as :func:`netles.readable_table` shows it, with the number of kinds of support;
        most kinds first.
    most : str or None
        Alter id of who gives the most kinds (:func:`netles.models.dynamics.choose_carer`).
    top : list of str
        Everyone from the client's own network who gives that many kinds (``most`` first).
    carer : str or None
        The case's mantelzorger: ``"ego"``, an alter id, or None.
    formal : list of str
        Alter ids of professionals and volunteers who give support (left out of the table).
    text : str
        The sentences under the table (HTML).
    """

    def __init__(self, net: EgoNetwork, lang: str = "nl"):
        _i(lang)
        self.network = net
        self.lang = lang
        given = metrics.support_given(net)
        kinds = given.sum(axis=1) if len(given) else given
        alters = net.alters.set_index("alter_id", drop=False)
        formal_mask = alters["relation"].isin(_FORMAL) | alters["relation"].map(vocab.RELATION_KIND_OF).eq("professional")
        informal = [a for a in net.alter_ids if not formal_mask[a] and kinds.get(a, 0) > 0]
        informal.sort(key=lambda a: (-int(kinds[a]), net.alter_ids.index(a)))
        self.formal = [a for a in net.alter_ids if formal_mask[a] and kinds.get(a, 0) > 0]
        frame = alters.loc[informal, ["name", "relation", "support", "contact"]] if informal else alters.iloc[0:0][
            ["name", "relation", "support", "contact"]]
        table = readable_table(frame, lang)
        table[_r("n_kinds", lang)] = [int(kinds[a]) for a in informal]
        self.table = table
        self.most = choose_carer(net)
        top_kinds = int(kinds[self.most]) if self.most is not None else 0
        self.top = [a for a in informal if int(kinds[a]) == top_kinds] if self.most is not None else []
        carer = net.extra.get("carer")
        who = carer.get("carer_alter_id") if isinstance(carer, Mapping) else None
        self.carer = who if who == "ego" or who in net.alter_ids else None
        self.text = self._sentences(carer if isinstance(carer, Mapping) else {})

    def _name(self, alter_id: str) -> str:
        return str(self.network.alter(alter_id).get("name") or alter_id)

    def _sentences(self, carer: Mapping) -> str:
        net, lang = self.network, self.lang
        client = html.escape(_client_name(net, lang))
        parts = []
        hours = carer.get("hours_per_week")
        hours_text = f"{hours:g}" if isinstance(hours, (int, float)) else "?"
        reason = carer.get("care_reason_en" if lang == "en" else "care_reason") or carer.get("care_reason")
        reason_text = _r("reason", lang, reason=html.escape(reason)) if reason else ""
        if self.carer == "ego":
            whom = _join([html.escape(self._name(a)) for a in carer.get("cared_for", []) if a in net.alter_ids], lang)
            parts.append(_r("ego_carer", lang, whom=whom, hours=hours_text, reason=reason_text))
        elif self.carer is not None:
            parts.append(_r("carer", lang, who=html.escape(self._name(self.carer)), hours=hours_text,
                            reason=reason_text))
        if self.most is None:
            parts.append(_r("nobody", lang))
        else:
            kinds = metrics.support_given(net).sum(axis=1)
            top = self.top
            several = len(top) > 1
            who = _join([f"<b>{html.escape(self._name(a))}</b>" for a in top], lang)
            words = {"nl": dict(verb="geven" if several else "geeft", pron="een van hen" if several else html.escape(self._name(top[0])),
                                opkomt="opkomt"),
                     "en": dict(verb="give" if several else "gives", pron="one of them" if several else html.escape(self._name(top[0])),
                                stand="stands", be="is")}[lang]
            key = "most_ego" if self.carer == "ego" else "most"
            parts.append(_r(key, lang, who=who, k=int(kinds[self.most]), client=client, **words))
        if self.formal:
            formal = _r("formal", lang, names=_join([html.escape(self._name(a)) for a in self.formal], lang))
            faded = [a for a in self.formal if (net.alter(a).get("status") or "active") == "faded"]
            if faded:
                formal += _r("faded", lang, names=_join([html.escape(self._name(a)) for a in faded], lang))
            parts.append(formal)
        return "".join(f"<p style='line-height:1.45;margin:4px 0'>{p}</p>" for p in parts)


def network_roles_view(net: EgoNetwork, lang: str = "nl"):
    """Who in the client's own network gives which kinds of support, and who gives the most.

    Professionals and volunteers of an organisation are listed apart: however much they do, they
    are never the spilmantelzorger (issue 12.3: a persoonlijk begeleider is not the spil). Whether
    the person who gives the most is also the belangenbehartiger is a question for the client and
    the network; the view says so.

    Parameters
    ----------
    net : EgoNetwork
    lang : {"nl", "en"}

    Returns
    -------
    (ipywidgets.VBox, NetworkRolesState)
        The widget has ``table`` and ``text`` (HTML).

    Examples
    --------
    >>> from netles import datasets
    >>> widget, state = network_roles_view(datasets.load_case("ouders_nemen_zorg_over"))
    >>> state.most, state.carer, state.formal
    ('A', 'A', ['D', 'I'])
    >>> "persoonlijk begeleider" in widget.text.value and "Mirjam (moeder)" in widget.table.value
    True
    """
    state = NetworkRolesState(net, lang)
    box = W.VBox(layout=W.Layout(max_width="900px"))
    box.add_class("netles-network-roles")
    box.title = W.HTML(f"<h4 style='margin:4px 0'>{html.escape(_r('title', lang))}</h4>")
    if len(state.table):
        table_html = state.table.to_html(index=False, na_rep="", border=0)
    else:
        table_html = f"<p><i>{html.escape(_r('empty', lang))}</i></p>"
    box.table = W.HTML(table_html)
    box.text = W.HTML(state.text)
    box.children = [box.title, box.table, box.text]
    return box, state
