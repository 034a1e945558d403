"""Role plays of theme 4: role cards, an observer's checklist and a debrief.

Two assignments of the teacher's guide (theme 4) are role plays in pairs: making an **ecogram**
together, where the debrief is about the role the client got (did the "client" own the drawing?),
and meeting a person with **resistance**, where the pair looks for the moments where the resistance
broke or grew. :func:`roleplay` shows the role cards, a checklist for the observer (or for the pair
afterwards) and, after "Nabespreken", what was not ticked with why it matters and the debrief
questions. The checklist starts empty; nothing is judged before the debrief.

The widget computes nothing: it only shows :data:`ROLEPLAYS` and what was ticked.

References
----------
.. [1] Admiraal, L. (2016). *Sociale netwerken. Docentenhandreiking*, theme 4, assignments 1 and 7
   (assignment 7 taken from *Eenzaam ben je niet alleen*, Heessels e.a. 2015).
"""
from __future__ import annotations

import html
from typing import Any

import ipywidgets as W

from .. import vocab

__all__ = ["ROLEPLAYS", "RoleplayState", "roleplay"]

ROLEPLAYS: dict[str, dict[str, Any]] = {
    "ecogram": {
        "title": ("Rollenspel: samen een ecogram maken", "Role play: making an ecomap together"),
        "intro": ("Werk in tweetallen (of met z'n drieën, met een observator). De 'cliënt' vertelt over de eigen "
                  "situatie; samen maken jullie op papier een ecogram. Na de eerste ronde wisselen jullie van rol. "
                  "Gebruik schuilnamen of initialen: wat je vertelt, blijft van jou.",
                  "Work in pairs (or in threes, with an observer). The 'client' talks about their own situation; "
                  "together you draw an ecomap on paper. After the first round you swap roles. Use pseudonyms or "
                  "initials: what you tell stays yours."),
        "cards": (
            (("Cliënt", "Client"),
             ("Je vertelt over je eigen leven: wie er om je heen staan, thuis, op school of werk, in je vrije tijd, "
              "en welke instanties een rol spelen. Jij bepaalt wat je vertelt en wat niet. Houd zelf de pen, of "
              "wijs aan waar iets moet komen.",
              "You talk about your own life: who is around you, at home, at school or work, in your free time, and "
              "which organisations play a part. You decide what you tell and what not. Hold the pen yourself, or "
              "point to where something should go.")),
            (("Professional", "Professional"),
             ("Je maakt samen met de cliënt een ecogram: de cliënt in het midden, eromheen de mensen en systemen "
              "(familie, school of werk, club, zorg), met lijnen voor sterke, zwakke en moeizame banden en pijlen "
              "voor de richting van de steun. Vraag naar het verhaal achter de lijnen: hoe is het zo gekomen, en "
              "wat zou de cliënt anders willen? Geef de pen aan de cliënt.",
              "You make an ecomap together with the client: the client in the middle, around them the people and "
              "systems (family, school or work, club, care), with lines for strong, weak and difficult ties and "
              "arrows for the direction of support. Ask for the story behind the lines: how did it come about, and "
              "what would the client like to be different? Hand the pen to the client.")),
            (("Observator", "Observer"),
             ("Je zegt niets tijdens het gesprek. Vink aan wat je echt ziet gebeuren en noteer één vraag van de "
              "professional die het gesprek verder hielp.",
              "You say nothing during the conversation. Tick what you really see happen and note one question of "
              "the professional that moved the conversation on.")),
        ),
        "checklist": (
            ("pen", ("De cliënt tekende zelf, of wees aan waar iets kwam.",
                     "The client drew, or pointed to where something went."),
             ("Wie de pen heeft, heeft de regie. Zo wordt het de kaart van de cliënt en niet die van de professional.",
              "Whoever holds the pen is in charge. That makes it the client's map, not the professional's.")),
            ("wie", ("De cliënt bepaalde wie er op de kaart kwam, en mocht iets weglaten.",
                     "The client decided who went on the map, and could leave something out."),
             ("Een netwerkkaart gaat over mensen die er zelf niet bij zijn; zet er alleen op wat nodig is en wat de "
              "cliënt wil delen (les 01b, de AVG).",
              "A network map is about people who are not there themselves; put on it only what is needed and what "
              "the client wants to share (lesson 01b, the GDPR).")),
            ("verhaal", ("De professional vroeg naar het verhaal achter een lijn, niet alleen naar de lijn zelf.",
                         "The professional asked for the story behind a line, not only for the line itself."),
             ("Het instrument is een middel voor het gesprek, geen formulier: het gaat om het verhaal van de cliënt.",
              "The instrument is a means for the conversation, not a form: it is about the client's story.")),
            ("geschiedenis", ("Het kwam ter sprake hoe het netwerk zo geworden is.",
                              "It came up how the network became what it is."),
             ("Hoe een netwerk gegroeid of gekrompen is, verklaart vaak waarom het nu zo werkt.",
              "How a network grew or shrank often explains why it works the way it does now.")),
            ("wensen", ("De professional vroeg wat de cliënt anders zou willen, en wie daarbij kan helpen.",
                        "The professional asked what the client would like to be different, and who could help."),
             ("Een kaart is pas een begin. De vraag is wat de cliënt wil en welke rol het netwerk daarin kan spelen.",
              "A map is only a start. The question is what the client wants and what role the network can play.")),
            ("samenvatten", ("Aan het eind vatte de cliënt zelf samen wat opviel.",
                             "At the end the client summed up what stood out."),
             ("Wie zelf samenvat, maakt de conclusie tot de eigen conclusie.",
              "Whoever sums up makes the conclusion their own.")),
        ),
        "questions": (
            ("Welke rol kreeg de 'cliënt' bij het maken van het ecogram? Wie besliste wat erop kwam?",
             "What role did the 'client' get in making the ecomap? Who decided what went on it?"),
            ("Voelde de 'cliënt' zich eigenaar van de tekening? Waaraan merkten jullie dat?",
             "Did the 'client' feel owner of the drawing? How could you tell?"),
            ("Wat deed de 'professional' waardoor het een gesprek werd en geen vragenlijst?",
             "What did the 'professional' do that made it a conversation and not a questionnaire?"),
            ("Wat was lastig om over jezelf te vertellen? Wat zegt dat over cliënten die dit met jou doen?",
             "What was hard to tell about yourself? What does that say about clients who do this with you?"),
            ("Wat deed je in de tweede ronde anders dan in de eerste?",
             "What did you do differently in the second round?"),
        ),
    },
    "weerstand": {
        "title": ("Rollenspel: iemand met weerstand", "Role play: someone with resistance"),
        "intro": ("Werk in tweetallen (of met z'n drieën, met een observator). Speel het gesprek zo'n acht minuten. "
                  "Zoek daarna samen de momenten op waarop de weerstand wel of niet doorbroken werd.",
                  "Work in pairs (or in threes, with an observer). Play the conversation for about eight minutes. "
                  "Then look together for the moments where the resistance was or was not broken."),
        "cards": (
            (("Persoon met weerstand", "Person with resistance"),
             ("Je bent eenzaam en komt weinig buiten, maar dat geef je niet toe. Je bent dwars en wuift elk voorstel "
              "weg: 'ik heb niemand nodig', 'daar heb ik geen zin in', 'ze hebben het druk genoeg'. Geef pas iets "
              "toe als je je echt gehoord voelt. Je mag ook een echte situatie van iemand met weerstand als script "
              "gebruiken, zonder namen.",
              "You are lonely and rarely go out, but you do not admit it. You are contrary and brush every suggestion "
              "aside: 'I don't need anyone', 'I don't feel like it', 'they are busy enough'. Only give in when you "
              "really feel heard. You may also use a real situation of someone with resistance as a script, without "
              "names.")),
            (("Ondersteuner", "Supporter"),
             ("Je kent deze persoon al langer en je ziet wat er aan de hand is. Je hebt besloten er niet langer "
              "omheen te draaien. Je gaat langs en begint het gesprek.",
              "You have known this person for a while and you see what is going on. You have decided to stop "
              "beating about the bush. You drop by and start the conversation.")),
            (("Observator", "Observer"),
             ("Je zegt niets tijdens het gesprek. Noteer de momenten waarop de weerstand zakte of juist groeide, en "
              "wat de ondersteuner vlak daarvoor zei of deed.",
              "You say nothing during the conversation. Note the moments where the resistance dropped or grew, and "
              "what the supporter said or did just before.")),
        ),
        "checklist": (
            ("benoemen", ("De ondersteuner zei eerlijk wat die zag gebeuren.",
                          "The supporter said honestly what they saw happening."),
             ("Er niet omheen draaien is de opdracht; eerlijk benoemen kan zonder te oordelen.",
              "Not beating about the bush is the task; naming things honestly can be done without judging.")),
            ("doorvragen", ("De ondersteuner vroeg door naar de reden van het 'nee', in plaats van het weg te praten.",
                            "The supporter asked about the reason for the 'no' instead of talking it away."),
             ("Weerstand heeft vaak een reden: de eigen regie (autonomie), privacy, of vraagverlegenheid.",
              "Resistance often has a reason: keeping control (autonomy), privacy, or reluctance to ask for help.")),
            ("tempo", ("De persoon hield de regie; de ondersteuner drong niets op.",
                       "The person stayed in charge; the supporter forced nothing."),
             ("Een netwerkcoach volgt het tempo van de cliënt en zoekt draagvlak; opgelegde hulp werkt niet.",
              "A network coach follows the client's pace and seeks support for the plan; imposed help does not work.")),
            ("klein", ("Er kwam een kleine, concrete eerste stap op tafel.",
                       "A small, concrete first step came up."),
             ("Een kleine vraag is makkelijker te stellen en te beantwoorden dan 'meer contacten'.",
              "A small request is easier to ask and to answer than 'more contacts'.")),
            ("wederkerig", ("Er was aandacht voor wat de persoon zelf te bieden heeft.",
                            "There was attention to what the person has to offer."),
             ("Wie iets terug kan doen, vraagt makkelijker om hulp: wederkerigheid haalt een drempel weg.",
              "Someone who can give something back finds it easier to ask for help: reciprocity removes a threshold.")),
            ("moment", ("Jullie kunnen het moment aanwijzen waarop de weerstand brak, of juist groeide.",
                        "You can point to the moment where the resistance broke, or grew."),
             ("Dat moment laat zien wat werkte en wat niet; daar gaat de nabespreking over.",
              "That moment shows what worked and what did not; that is what the debrief is about.")),
        ),
        "questions": (
            ("Op welk moment brak de weerstand, of werd die juist sterker? Wat gebeurde er vlak daarvoor?",
             "At what moment did the resistance break, or grow stronger? What happened just before?"),
            ("Hoe voelde het om steeds 'nee' te zeggen? Wat had je nodig om 'ja' te zeggen?",
             "How did it feel to keep saying 'no'? What would you have needed to say 'yes'?"),
            ("Welke ervaring heb je zelf met weerstand, in je stage, werk of vrijwilligerswerk?",
             "What experience do you have with resistance, in your placement, job or volunteering?"),
            ("Hoe zou je het de volgende keer aanpakken?", "How would you approach it next time?"),
        ),
    },
}
"""The role plays: kind -> title, intro, role cards, checklist (key, text, why) and debrief questions,
each text as (Dutch, English)."""

_T = {
    "cards": ("Rolkaarten", "Role cards"),
    "checklist": ("Checklist (observator, of samen na afloop)", "Checklist (observer, or together afterwards)"),
    "debrief": ("Nabespreken", "Debrief"),
    "count": ("{n} van de {total} punten gezien.", "{n} of {total} points seen."),
    "missed": ("Niet gezien: {what} {why}", "Not seen: {what} {why}"),
    "all": ("Alles gezien. Bespreek toch de vragen: wat maakte het verschil?",
            "Everything seen. Still discuss the questions: what made the difference?"),
    "questions": ("Bespreek samen", "Discuss together"),
}


_i = vocab.language_index


def _t(key: str, lang: str, **kw: Any) -> str:
    text = _T[key][_i(lang)]
    return text.format(**kw) if kw else text


class RoleplayState:
    """What was ticked in a role play's checklist, and the debrief.

    Parameters
    ----------
    kind : {"ecogram", "weerstand"}
    lang : {"nl", "en"}

    Attributes
    ----------
    ticked : dict
        Checklist key -> bool (all False at the start).
    debriefed : bool
        Whether "Nabespreken" was clicked since the last change.

    Examples
    --------
    >>> state = RoleplayState("ecogram")
    >>> state.tick("pen"); state.tick("verhaal")
    >>> state.debrief()["covered"], len(state.debrief()["missed"])
    (2, 4)
    """

    def __init__(self, kind: str, lang: str = "nl"):
        if kind not in ROLEPLAYS:
            raise KeyError(f"no role play {kind!r}; choose one of: {', '.join(ROLEPLAYS)}")
        _i(lang)
        self.kind = kind
        self.lang = lang
        self.spec = ROLEPLAYS[kind]
        self.ticked = {key: False for key, _, _ in self.spec["checklist"]}
        self.debriefed = False

    def tick(self, key: str, value: bool = True) -> None:
        """Tick (or untick) a checklist point."""
        if key not in self.ticked:
            raise KeyError(f"no checklist point {key!r}")
        self.ticked[key] = bool(value)
        self.debriefed = False

    def debrief(self) -> dict:
        """``covered`` (number ticked), ``total``, ``missed`` (list of (text, why)) and ``questions``
        in the state's language."""
        i = _i(self.lang)
        missed = [(text[i], why[i]) for key, text, why in self.spec["checklist"] if not self.ticked[key]]
        self.debriefed = True
        return {"covered": sum(self.ticked.values()), "total": len(self.ticked), "missed": missed,
                "questions": [q[i] for q in self.spec["questions"]]}

    def debrief_html(self) -> str:
        """The debrief as HTML: the count, what was not seen and why, and the questions."""
        d = self.debrief()
        lang = self.lang
        lines = [f"<p><b>{html.escape(_t('count', lang, n=d['covered'], total=d['total']))}</b></p>"]
        if d["missed"]:
            lines.append("<ul>" + "".join(f"<li>{html.escape(_t('missed', lang, what=what, why=why))}</li>"
                                          for what, why in d["missed"]) + "</ul>")
        else:
            lines.append(f"<p>{html.escape(_t('all', lang))}</p>")
        lines.append(f"<p><b>{html.escape(_t('questions', lang))}</b></p><ol>"
                     + "".join(f"<li>{html.escape(q)}</li>" for q in d["questions"]) + "</ol>")
        return f"<div class='netles-roleplay-debrief' style='line-height:1.45'>{''.join(lines)}</div>"


def roleplay(kind: str, lang: str = "nl"):
    """Role cards, a checklist and a debrief for one of the role plays of theme 4 (:data:`ROLEPLAYS`).

    Parameters
    ----------
    kind : {"ecogram", "weerstand"}
    lang : {"nl", "en"}

    Returns
    -------
    (ipywidgets.VBox, RoleplayState)
        The widget has ``cards`` (Accordion, all closed), ``checks`` (key -> Checkbox, all unticked),
        ``debrief_button`` and ``debrief`` (HTML, empty until the button is clicked).

    Examples
    --------
    >>> widget, state = roleplay("weerstand")
    >>> widget.checks["tempo"].value = True
    >>> widget.debrief_button.click()
    >>> "1 van de 6" in widget.debrief.value and "Bespreek samen" in widget.debrief.value
    True
    """
    state = RoleplayState(kind, lang)
    i = _i(lang)
    spec = state.spec
    box = W.VBox(layout=W.Layout(max_width="900px"))
    box.add_class("netles-roleplay")
    cards = [W.HTML(f"<div style='line-height:1.45'>{html.escape(text[i])}</div>") for _, text in spec["cards"]]
    box.cards = W.Accordion(children=cards, titles=tuple(name[i] for name, _ in spec["cards"]), selected_index=None)
    box.checks = {}
    for key, text, _why in spec["checklist"]:
        check = W.Checkbox(value=False, description=text[i], indent=False, layout=W.Layout(width="auto"))
        check.observe(lambda change, k=key: on_tick(k, change["new"]), "value")
        box.checks[key] = check
    box.debrief_button = W.Button(description=_t("debrief", lang), button_style="primary")
    box.debrief = W.HTML()

    def on_tick(key: str, value: bool) -> None:
        state.tick(key, value)
        box.debrief.value = ""

    def on_debrief(_=None) -> None:
        box.debrief.value = state.debrief_html()

    box.debrief_button.on_click(on_debrief)
    box.children = [W.HTML(f"<h4 style='margin:4px 0'>{html.escape(spec['title'][i])}</h4>"
                           f"<p style='line-height:1.45'>{html.escape(spec['intro'][i])}</p>"),
                    W.HTML(f"<b>{html.escape(_t('cards', lang))}</b>"), box.cards,
                    W.HTML(f"<b>{html.escape(_t('checklist', lang))}</b>"), *box.checks.values(),
                    box.debrief_button, box.debrief]
    return box, state
