"""Exercises for lesson 04b: where resistance comes from, and the methods of strengthening.

Not every client wants their network strengthened: it can feel like an invasion of their autonomy
and privacy, and asking for help is hard (vraagverlegenheid: reciprocity, not wanting to burden
others, keeping a friend a friend). :func:`resistance_exercise` gives two exercises as
:func:`netles.widgets.choice_exercise` (empty at the start, feedback after "Controleer"):

* ``"weerstand"``: what lies behind what a client says;
* ``"methoden"``: which method of network strengthening a description fits (Eigen
  Kracht-conferentie, sociale netwerkversterking, sociale rolversterking, the professional as
  netwerkcoach, a trained volunteer as netwerkcoach).

References
----------
.. [1] Admiraal, L. (2016). *Sociale netwerken. Docentenhandreiking*, themes 3 and 4. Hogeschool
   Utrecht.
.. [2] Klokman, S. & Veuger, N. (2015). Opinion piece on the limits and chances of the social
   network (source text of the suite, in our own words).
"""
from __future__ import annotations

from typing import Any

from .strategies import spec_exercise

__all__ = ["RESISTANCE_EXERCISES", "resistance_exercise"]

_WEERSTAND = {
    "title": ("Waar komt de weerstand vandaan?", "Where does the resistance come from?"),
    "intro": ("Een cliënt zegt iets als je naar het netwerk vraagt. Wat zit er vooral achter? Kies en klik op "
              "Controleer.",
              "A client says something when you ask about the network. What lies mainly behind it? Choose and click "
              "Check."),
    "options": (("autonomie", "de eigen regie houden (autonomie)", "keeping control (autonomy)"),
                ("privacy", "de eigen problemen niet willen laten zien (privacy)", "not wanting to show one's problems "
                 "(privacy)"),
                ("wederkerigheid", "niets terug kunnen doen (wederkerigheid)", "not being able to give anything back "
                 "(reciprocity)"),
                ("belasting", "de ander niet willen belasten", "not wanting to burden the other"),
                ("rol", "de vriendschap of familieband zuiver willen houden", "wanting to keep the friendship or "
                 "family bond as it is")),
    "items": (
        ("bellen", "'Ik bepaal zelf wel wie ik bel. Daar heb ik jou niet voor nodig.'",
         "'I decide for myself whom I call. I don't need you for that.'", "autonomie",
         "De cliënt wil zelf aan het stuur blijven. Volg dat tempo; een plan dat je oplegt, werkt niet.",
         "The client wants to stay in the driving seat. Follow that pace; a plan you impose does not work."),
        ("buren", "'De buren hoeven niet te weten hoe het met mij gaat.'",
         "'The neighbours don't need to know how I'm doing.'", "privacy",
         "Schaamte of het willen bewaren van de schijn: bespreek wie wat mag weten en begin bij iemand die al op de "
         "hoogte is.",
         "Shame or wanting to keep up appearances: agree who may know what and start with someone who already knows."),
        ("terug", "'Wat moet ik haar dan teruggeven? Ik kan niks meer voor haar doen.'",
         "'What am I supposed to give her back? I can't do anything for her any more.'", "wederkerigheid",
         "Vraagverlegenheid door het gevoel niets terug te kunnen doen. Zoek samen wat de cliënt wél te bieden heeft.",
         "Reluctance to ask because of feeling unable to give back. Look together for what the client can offer."),
        ("druk", "'Mijn dochter heeft het al zo druk met haar eigen gezin.'",
         "'My daughter is so busy with her own family already.'", "belasting",
         "De cliënt wil de ander sparen. Maak de vraag klein en concreet, en verdeel hem over meer mensen.",
         "The client wants to spare the other. Make the request small and concrete, and spread it over more people."),
        ("vissen", "'Met Kees ga ik vissen. Ik ga hem echt niet vragen om me te helpen met wassen.'",
         "'Kees is who I go fishing with. I'm certainly not asking him to help me wash.'", "rol",
         "Een vriend is geen hulpverlener: de cliënt wil de vriendschap zo houden. Vraag Kees om gezelschap, niet "
         "om zorg.",
         "A friend is not a carer: the client wants to keep the friendship as it is. Ask Kees for company, not care."),
        ("papier", "'Waarom moet jij al die namen weten? Wat gebeurt er met dat papier?'",
         "'Why do you need all those names? What happens to that paper?'", "privacy|autonomie",
         "Een terechte vraag: leg uit waarvoor de kaart dient, wie hem ziet en dat de cliënt bepaalt wat erop komt "
         "(les 01b, de AVG).",
         "A fair question: explain what the map is for, who sees it, and that the client decides what goes on it "
         "(lesson 01b, the GDPR)."),
    ),
}

_METHODEN = {
    "title": ("Welke methode is dit?", "Which method is this?"),
    "intro": ("Kies bij elke beschrijving de methode om het netwerk te versterken. Klik daarna op Controleer.",
              "Choose the method of strengthening the network for each description. Then click Check."),
    "options": (("ekc", "Eigen Kracht-conferentie", "family group conference (Eigen Kracht-conferentie)"),
                ("versterking", "sociale netwerkversterking", "social network strengthening"),
                ("rol", "sociale rolversterking", "social role strengthening"),
                ("coach", "de professional als netwerkcoach", "the professional as network coach"),
                ("vrijwilliger", "een getrainde vrijwilliger als netwerkcoach", "a trained volunteer as network coach")),
    "items": (
        ("familie", "Na een informatieronde maakt de familie in een eigen bijeenkomst zelf een plan. Een onafhankelijke "
                    "coördinator heeft die bijeenkomst voorbereid.",
         "After an information round, the family makes a plan itself in a meeting of its own. An independent "
         "coordinator prepared that meeting.", "ekc",
         "De familie is eigenaar van het plan; de coördinator bereidt alleen voor (les 03b).",
         "The family owns the plan; the coordinator only prepares (lesson 03b)."),
        ("tomaten", "Een man die overal 'de cliënt' is, gaat in de buurtmoestuin werken en wordt daar de man van de "
                    "tomaten.",
         "A man who is 'the client' everywhere starts working in the community garden and becomes the tomato man "
         "there.", "rol",
         "Een gewaardeerde rol laat zien dat de cliënt iets te bieden heeft; dat geeft zelfwaardering en contact.",
         "A valued role shows that the client has something to offer; that brings self-esteem and contact."),
        ("tempo", "De professional sluit aan bij waar de cliënt nu staat, volgt diens tempo en zoekt steun voor het plan "
                  "bij cliënt en netwerk, zodat de cliënt leert het zelf op te lossen.",
         "The professional starts from where the client is now, follows the client's pace and seeks support for the "
         "plan from client and network, so that the client learns to solve it alone.", "coach",
         "Coachen in plaats van overnemen: het doel is dat de cliënt het uiteindelijk zelf kan.",
         "Coaching instead of taking over: the aim is that the client can eventually do it alone."),
        ("kaart", "Het netwerk wordt eerst systematisch in kaart gebracht en daarna gericht uitgebreid en versterkt.",
         "The network is first mapped systematically and then extended and strengthened in a targeted way.",
         "versterking",
         "Sociale netwerkversterking werkt stap voor stap: in kaart brengen, bespreken, plannen, uitvoeren.",
         "Social network strengthening works step by step: mapping, discussing, planning, carrying out."),
        ("training", "Een vrijwilliger die daarvoor een training volgde, helpt een cliënt om contacten op te bouwen.",
         "A volunteer who took a training for it helps a client build up contacts.", "vrijwilliger",
         "In de methodiek 'Natuurlijk, een netwerkcoach' is de netwerkcoach een getrainde vrijwilliger.",
         "In the method 'Natuurlijk, een netwerkcoach' the network coach is a trained volunteer."),
    ),
}

RESISTANCE_EXERCISES: dict[str, dict[str, Any]] = {"weerstand": _WEERSTAND, "methoden": _METHODEN}
"""The exercises of lesson 04b: topic -> title, intro, options and items (Dutch and English)."""


def resistance_exercise(topic: str, lang: str = "nl"):
    """One of the exercises of lesson 04b (:data:`RESISTANCE_EXERCISES`).

    Parameters
    ----------
    topic : {"weerstand", "methoden"}
    lang : {"nl", "en"}

    Examples
    --------
    >>> widget, state = resistance_exercise("weerstand")
    >>> widget.choices["papier"].value = "autonomie"; widget.check_button.click()
    >>> state.n_right
    1
    """
    if topic not in RESISTANCE_EXERCISES:
        raise KeyError(f"no exercise {topic!r}; choose one of: {', '.join(RESISTANCE_EXERCISES)}")
    return spec_exercise(RESISTANCE_EXERCISES[topic], lang)
