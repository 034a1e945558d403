"""Widgets for lesson 04a: strengthening a network with RADIO, and an intervention over time.

* :func:`strengthening_exercise` gives the exercise on the three goals of network strengthening
  (contacten, dingen doen, praktische hulp), as :func:`netles.widgets.choice_exercise`.
* :func:`radio_suggestions` lists, for a case, which people each RADIO intervention fits
  (:func:`netles.models.radio.applicable_interventions`) and writes the "try it" prompt for the
  planner from the case itself: a burdening tie (try Deblokkeren before Band doorsnijden; someone
  who makes the client unsafe is not unblocked; a family tie is not cut in a plan, it is a last
  resort), else a faded informal contact, else a contact at the edge.
* :func:`radio_reading` reads the changes between two moments of a network in RADIO terms: a faded
  contact active again is Reanimeren, a disrupted or burdening tie that became supportive is
  Deblokkeren, a contact that moved to an inner circle is Intensiveren, a new support function is
  Activeren, a new person is a new network member, a tie marked as cut is Band doorsnijden.
  Onderhouden shows in what stays, not in a change; what faded, moved out or gives less has
  "crumbled" (afgebrokkeld), which is what onderhouden tries to prevent.
* :func:`intervention_over_time` shows the moments of a case (:func:`netles.widgets.moments_viewer`)
  with that RADIO reading; a case without moments gets one sentence naming the cases that have them.

Nothing here computes a metric: the comparison is :func:`netles.compare_moments`, the interventions
are :mod:`netles.models.radio`, tables are :func:`netles.readable_table`.

References
----------
.. [1] Admiraal, L. (2016). *Sociale netwerken. Docentenhandreiking*, theme 4. Hogeschool Utrecht.
.. [2] Steyaert, J. & Kwekkeboom, R. (2012). *De zorgkracht van sociale netwerken*, chapter 4 (RADIO,
   after Smit and Van Gennep).
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as W
import pandas as pd

from .. import datasets, vocab
from ..models import radio
from ..network import EgoNetwork, Moment
from ..vocab import readable_table
from .case_choice import case_chooser
from .quality import cases_with_moments
from .strategies import spec_exercise

__all__ = [
    "STRENGTHENING_EXERCISES",
    "strengthening_exercise",
    "radio_suggestions",
    "RadioSuggestions",
    "radio_reading",
    "RadioReading",
    "intervention_over_time",
    "InterventionOverTimeState",
    "moments_chooser",
    "pilot_skills",
]

_FAMILY = ("partner", "parent", "child", "sibling", "other_family")


_i = vocab.language_index


_join = vocab.join_words


# ------------------------------------------------------------------------------ the three goals

_GOALS = {
    "title": ("Welk doel hoort bij deze wens?", "Which goal goes with this wish?"),
    "intro": ("Netwerkversterking dient een doel van de cliënt. Kies bij elke wens het doel. Klik daarna op "
              "Controleer.",
              "Strengthening a network serves a goal of the client. Choose the goal for each wish. Then click "
              "Check."),
    "options": (("contacten", "contacten: mensen die emotioneel steunen", "contacts: people who give emotional support"),
                ("doen", "dingen doen: een activiteit beginnen of weer oppakken",
                 "doing things: starting or taking up an activity again"),
                ("praktisch", "praktische hulp: wat iemand zelf niet meer kan", "practical help: what someone can no "
                 "longer do alone")),
    "items": (
        ("praten", "'Ik wil iemand die ik kan bellen als ik het niet meer zie zitten.'",
         "'I want someone I can call when I can't see a way forward.'", "contacten",
         "Het gaat om een luisterend oor: emotionele steun.", "It is about a listening ear: emotional support."),
        ("vissen", "'Vroeger ging ik elke zaterdag vissen. Dat wil ik weer.'",
         "'I used to go fishing every Saturday. I want to do that again.'", "doen",
         "Een activiteit weer oppakken, vaak samen met anderen.", "Taking up an activity again, often with others."),
        ("gordijnen", "'Wie hangt de gordijnen op? Ik kan niet meer op een trap staan.'",
         "'Who will put up the curtains? I can't stand on a ladder any more.'", "praktisch",
         "Een klus die iemand zelf niet meer kan.", "A job someone can no longer do alone."),
        ("koken", "'Ik zou graag voor anderen koken, niet alleen voor mezelf.'",
         "'I would like to cook for others, not only for myself.'", "doen|contacten",
         "Koken voor anderen is iets doen, en levert vaak ook contact op; allebei is te verdedigen.",
         "Cooking for others is doing something, and often brings contact too; both can be defended."),
        ("vervoer", "'Ik kom niet bij mijn zus, want er rijdt geen bus meer.'",
         "'I can't get to my sister's, because there is no bus any more.'", "praktisch|contacten",
         "Vervoer is praktische hulp; het doel erachter is het contact met de zus. Bespreek welke vraag de cliënt "
         "zelf voorop zet.",
         "Transport is practical help; the goal behind it is the contact with the sister. Discuss which the client "
         "puts first."),
    ),
}

STRENGTHENING_EXERCISES: dict[str, dict[str, Any]] = {"doelen": _GOALS}
"""The exercises of lesson 04a: topic -> title, intro, options and items (Dutch and English)."""


def strengthening_exercise(topic: str = "doelen", lang: str = "nl"):
    """One of the exercises of lesson 04a (:data:`STRENGTHENING_EXERCISES`).

    Examples
    --------
    >>> widget, state = strengthening_exercise("doelen")
    >>> widget.choices["gordijnen"].value = "praktisch"; widget.check_button.click()
    >>> state.n_right
    1
    """
    if topic not in STRENGTHENING_EXERCISES:
        raise KeyError(f"no exercise {topic!r}; choose one of: {', '.join(STRENGTHENING_EXERCISES)}")
    return spec_exercise(STRENGTHENING_EXERCISES[topic], lang)


# ------------------------------------------------------------------------------ RADIO in a case

_ACTION_OF = {labels[0]: action for action, labels in radio.INTERVENTION_LABELS.items()}
_RADIO_ORDER = ("revive", "activate", "unblock", "intensify", "maintain", "cut_tie")

_S = {
    "title": ("RADIO in deze casus: wie komt in aanmerking?", "RADIO in this case: who qualifies?"),
    "action": ("ingreep", "intervention"),
    "people": ("past bij", "fits"),
    "nobody": ("niemand", "nobody"),
    "try_cut": ("<b>Probeer het.</b> Kies in de planner hieronder <b>{who}</b> en probeer eerst <i>{unblock}</i>, "
                "daarna <i>{cut}</i>. Wat gebeurt er met het aandeel belastende contacten?",
                "<b>Try it.</b> In the planner below, choose <b>{who}</b> and first try <i>{unblock}</i>, then "
                "<i>{cut}</i>. What happens to the share of burdening contacts?"),
    "gives": (" En met de steun die {who} nu ook geeft ({what})? Wie zou dat kunnen overnemen?",
              " And with the support {who} also gives now ({what})? Who could take that over?"),
    "try_cut_unsafe": ("<b>Probeer het.</b> Kies in de planner hieronder <b>{who}</b> en probeer <i>{cut}</i>. "
                       "<i>{unblock}</i> past hier niet: volgens de casus maakt {who} de cliënt onveilig, en dan gaat "
                       "veiligheid voor (les 04b, de Meldcode). Wat gebeurt er met het aandeel belastende contacten?",
                       "<b>Try it.</b> In the planner below, choose <b>{who}</b> and try <i>{cut}</i>. <i>{unblock}</i> "
                       "does not fit here: the case records {who} as making the client unsafe, and then safety comes "
                       "first (lesson 04b, the Meldcode). What happens to the share of burdening contacts?"),
    "try_unblock": ("<b>Probeer het.</b> Kies in de planner hieronder <b>{who}</b> en probeer <i>{unblock}</i>. Wat "
                    "gebeurt er met het aandeel belastende contacten? En wat vraagt dat in het echt: wie praat met wie, "
                    "en wil de cliënt het contact herstellen of vooral begrenzen?",
                    "<b>Try it.</b> In the planner below, choose <b>{who}</b> and try <i>{unblock}</i>. What happens "
                    "to the share of burdening contacts? And what does it take in real life: who talks to whom, and "
                    "does the client want to repair the contact or rather set limits?"),
    "family": (" {who} hoort bij de familie, en daarom biedt de planner <i>{cut}</i> hier niet aan: een familieband "
               "doorsnijden is het laatste middel, geen stap in een plan. Of het contact stopt, beslist de cliënt "
               "zelf.",
               " {who} is family, so the planner does not offer <i>{cut}</i> here: cutting a family tie is a last "
               "resort, not a step in a plan. Whether the contact ends is the client's own decision."),
    "try_revive": ("<b>Probeer het.</b> Kies in de planner hieronder <b>{who}</b> en probeer <i>{revive}</i>. Wat "
                   "verandert er aan de omvang en aan het aandeel sterke banden? Wat zou je in het echt eerst aan de "
                   "cliënt vragen?",
                   "<b>Try it.</b> In the planner below, choose <b>{who}</b> and try <i>{revive}</i>. What changes in "
                   "the size and the share of strong ties? What would you ask the client first in real life?"),
    "try_intensify": ("<b>Probeer het.</b> Kies in de planner hieronder <b>{who}</b> en probeer <i>{intensify}</i>. "
                      "Wat verandert er op de kaart? En wat betekent 'dichterbij' in het echt?",
                      "<b>Try it.</b> In the planner below, choose <b>{who}</b> and try <i>{intensify}</i>. What "
                      "changes on the map? And what does 'closer' mean in real life?"),
    "try_activate": ("<b>Probeer het.</b> Kies in de planner hieronder <b>{who}</b> en probeer <i>{activate}</i> met "
                     "een steunfunctie die {who} nog niet geeft. Welke steunfunctie ontbrak nog in het netwerk?",
                     "<b>Try it.</b> In the planner below, choose <b>{who}</b> and try <i>{activate}</i> with a support "
                     "function {who} does not give yet. Which support function was still missing in the network?"),
    "try_new": ("<b>Probeer het.</b> Er is in deze casus weinig om mee te werken: probeer in de planner een "
                "<i>{new}</i> (een maatje, een lotgenoot, een club) en kijk wat dat verandert.",
                "<b>Try it.</b> This case has little to work with: try a <i>{new}</i> in the planner (a buddy, a "
                "fellow sufferer, a club) and see what that changes."),
}


def _s(key: str, lang: str, **kw: Any) -> str:
    text = _S[key][_i(lang)]
    return text.format(**kw) if kw else text


def _label(action: str, lang: str) -> str:
    return radio.INTERVENTION_LABELS[action][_i(lang)]


def _name(net: EgoNetwork, alter_id: str) -> str:
    return str(net.alter(alter_id).get("name") or alter_id)


@dataclass
class RadioSuggestions:
    """Which people each intervention fits in a case, and the prompt for the planner.

    Attributes
    ----------
    by_action : dict
        Action (``revive``, ``activate``, ``unblock``, ``intensify``, ``maintain``, ``cut_tie``) ->
        alter ids it fits, in alter order.
    focus : str or None
        The person the prompt is about.
    focus_action : str
        ``"cut_tie"`` (a burdening tie outside the family: Deblokkeren first, then Band doorsnijden;
        or someone the case records as a danger: Band doorsnijden, safety first), ``"unblock"`` (a
        burdening family member: the planner does not offer cutting a family tie), ``"revive"`` (a
        faded informal contact), ``"intensify"``, ``"activate"`` or ``"add_member"``.
    table : pandas.DataFrame
        Intervention -> names, as the student sees it.
    prompt : str
        The prompt as HTML.
    """

    by_action: dict
    focus: str | None
    focus_action: str
    table: pd.DataFrame
    prompt: str


def _safe_first(candidates: list, tied: set) -> list:
    """Candidates with those tied to a danger to the client last (a stable sort keeps their order)."""
    return sorted(candidates, key=lambda a: a in tied)


def _suggest(net: EgoNetwork, lang: str) -> RadioSuggestions:
    by_action: dict[str, list[str]] = {a: [] for a in _RADIO_ORDER}
    for alter_id in net.alter_ids:
        for dutch in radio.applicable_interventions(net, alter_id):
            action = _ACTION_OF.get(dutch)
            # Help from a professional that stopped is a question of indication, not of reviving a
            # contact (ouders_nemen_zorg_over: the begeleider stops and the parents take over).
            if action == "revive" and vocab.RELATION_KIND_OF[net.alter(alter_id)["relation"]] == "professional":
                continue
            if action in by_action:
                by_action[action].append(alter_id)
    rows = {_s("action", lang): [_label(a, lang) for a in _RADIO_ORDER],
            _s("people", lang): [", ".join(_name(net, x) for x in by_action[a]) or _s("nobody", lang)
                                 for a in _RADIO_ORDER]}
    table = readable_table(pd.DataFrame(rows), lang)
    names = {a: _label(a, lang) for a in ("unblock", "cut_tie", "revive", "intensify", "activate", "add_member")}
    informal = [a for a in net.alter_ids if vocab.RELATION_KIND_OF[net.alter(a)["relation"]] != "professional"
                and net.alter(a)["relation"] != "volunteer"]
    # A burdening tie comes first. The model offers Band doorsnijden only outside the family or for
    # someone the case records as a danger; a burdening family member gets Deblokkeren (issue 12.4).
    burdening = [a for a in by_action["unblock"] if net.alter(a).get("valence") == "burdening"]
    tied = set(radio.tied_to_danger(net))  # the prompt does not start with someone tied to a danger
    revivable = [a for a in by_action["revive"] if a in informal]  # a faded volunteer is found anew
    if by_action["cut_tie"]:
        focus, action = by_action["cut_tie"][0], "cut_tie"
        who = html.escape(_name(net, focus))
        key = "try_cut" if focus in by_action["unblock"] else "try_cut_unsafe"
        prompt = _s(key, lang, who=who, unblock=names["unblock"], cut=names["cut_tie"])
        support = net.alter(focus).get("support") or []
        if support:
            what = ", ".join(vocab.label("support", f, lang) for f in support)
            prompt += _s("gives", lang, who=who, what=html.escape(what))
    elif burdening:
        focus, action = burdening[0], "unblock"
        who = html.escape(_name(net, focus))
        prompt = _s("try_unblock", lang, who=who, unblock=names["unblock"])
        if net.alter(focus)["relation"] in _FAMILY:
            prompt += _s("family", lang, who=who, cut=names["cut_tie"])
    elif revivable:
        focus, action = _safe_first(revivable, tied)[0], "revive"
        prompt = _s("try_revive", lang, who=html.escape(_name(net, focus)), revive=names["revive"])
    elif [a for a in by_action["intensify"] if a in informal]:
        focus, action = _safe_first([a for a in by_action["intensify"] if a in informal], tied)[0], "intensify"
        prompt = _s("try_intensify", lang, who=html.escape(_name(net, focus)), intensify=names["intensify"])
    elif [a for a in by_action["activate"] if a in informal]:
        focus, action = _safe_first([a for a in by_action["activate"] if a in informal], tied)[0], "activate"
        prompt = _s("try_activate", lang, who=html.escape(_name(net, focus)), activate=names["activate"])
    else:
        focus, action = None, "add_member"
        prompt = _s("try_new", lang, new=names["add_member"].lower())
    prompt += _near_danger(net, by_action, tied, lang)
    return RadioSuggestions(by_action, focus, action, table, prompt)


def _near_danger(net: EgoNetwork, by_action: dict, tied: set, lang: str) -> str:
    """The model's caution for the people RADIO would draw closer (or ask more of) although they are
    tied to a danger to the client (onveilig_netwerk: Mark's mother is again a grandmother)."""
    closer = [a for a in net.alter_ids if a in tied and any(a in by_action[x] for x in radio.CLOSER_ACTIONS)]
    return html.escape(radio.danger_caution(net, closer, lang))


def radio_suggestions(net: EgoNetwork, lang: str = "nl"):
    """Which people each RADIO intervention fits in this case, and a prompt for the planner.

    The prompt comes from the case: with a burdening tie outside the family it asks to try
    Deblokkeren before Band doorsnijden; with someone the case records as a danger it asks to try
    Band doorsnijden (repairing is not an option, safety first); with a burdening family member it
    asks to try Deblokkeren and says why cutting a family tie is not offered. Without a burdening
    tie it suggests reviving a faded contact, drawing in a contact at the edge, or activating
    someone (never a professional).

    Parameters
    ----------
    net : EgoNetwork
    lang : {"nl", "en"}

    Returns
    -------
    (ipywidgets.VBox, RadioSuggestions)
        The widget has ``table`` and ``prompt`` (HTML).

    Examples
    --------
    >>> widget, state = radio_suggestions(datasets.load_case("voorbeeld"))
    >>> state.focus, state.focus_action, state.by_action["cut_tie"]
    ('B', 'unblock', [])
    >>> "laatste middel" in state.prompt
    True
    >>> radio_suggestions(datasets.load_case("senior_55plus"))[1].focus_action
    'revive'
    """
    state = _suggest(net, lang)
    box = W.VBox(layout=W.Layout(max_width="900px"))
    box.add_class("netles-radio-suggestions")
    box.table = W.HTML(state.table.to_html(index=False, border=0))
    box.prompt = W.HTML(f"<p style='line-height:1.45'>{state.prompt}</p>")
    box.children = [W.HTML(f"<h4 style='margin:4px 0'>{html.escape(_s('title', lang))}</h4>"), box.table, box.prompt]
    return box, state


# ------------------------------------------------------------------------------ RADIO over time

_C = {
    "person": ("persoon", "person"),
    "changed": ("wat veranderde", "what changed"),
    "reading": ("past bij", "fits"),
    "new": ("nieuw in het netwerk", "new in the network"),
    "gone": ("niet meer op de kaart", "no longer on the map"),
    "revived": ("was verwaterd, is weer actief", "had faded, is active again"),
    "unblocked": ("was verstoord of belastend, steunt nu", "was disturbed or burdening, supports now"),
    "cut": ("band doorgesneden of begrensd", "tie cut or limited"),
    "burdening": ("is belastend geworden", "has become burdening"),
    "closer": ("staat dichterbij (cirkel {a} naar {b})", "is closer (circle {a} to {b})"),
    "further": ("staat verder weg (cirkel {a} naar {b})", "is further away (circle {a} to {b})"),
    "gained": ("geeft nu ook: {what}", "now also gives: {what}"),
    "lost": ("geeft niet meer: {what}", "no longer gives: {what}"),
    "out_of_sight": ("uit beeld", "out of sight"),
    "crumbled": ("afgebrokkeld", "crumbled"),
    "less": ("minder steun", "less support"),
    "faded": ("is verwaterd", "has faded"),
    "kept": ("{n} contacten uit het eigen netwerk bleven zoals ze waren: {names}. Onderhouden zie je aan wat blijft, "
             "niet aan een verandering.",
             "{n} contacts from the client's own network stayed as they were: {names}. Maintaining shows in what "
             "stays, not in a change."),
    "kept_none": ("Geen enkel contact uit het eigen netwerk bleef precies zoals het was.",
                  "No contact from the client's own network stayed exactly as it was."),
    "nothing": ("Tussen deze twee momenten veranderde er niets aan de mensen op de kaart.",
                "Between these two moments nothing changed about the people on the map."),
}


def _c(key: str, lang: str, **kw: Any) -> str:
    text = _C[key][_i(lang)]
    return text.format(**kw) if kw else text


def _network(x: EgoNetwork | Moment) -> EgoNetwork:
    return x.network if isinstance(x, Moment) else x


def _status(record: dict) -> str:
    return record.get("status") or "active"


def _troubled(record: dict) -> bool:
    return _status(record) == "disrupted" or record.get("valence") == "burdening"


@dataclass
class RadioReading:
    """The changes between two networks read in RADIO terms (:func:`radio_reading`).

    Attributes
    ----------
    rows : list of dict
        One per person with a change: ``alter_id``, ``name``, ``changes`` (codes: ``new``, ``gone``,
        ``revived``, ``unblocked``, ``cut``, ``burdening``, ``faded``, ``closer``, ``further``,
        ``gained``, ``lost``), ``actions`` (RADIO action keys and ``add_member``), and the circles and support
        functions needed to say it in words.
    kept : list of str
        Alter ids of informal contacts active and supportive in both, with nothing changed (what
        onderhouden keeps).
    """

    rows: list
    kept: list
    names: dict = field(default_factory=dict)

    def actions(self, alter_id: str) -> list[str]:
        """The RADIO reading of one person's change (action keys)."""
        return next((r["actions"] for r in self.rows if r["alter_id"] == alter_id), [])

    def table(self, lang: str = "nl") -> pd.DataFrame:
        """Person, what changed and what it fits, in words (:func:`netles.readable_table`)."""
        people, changed, reading = [], [], []
        for r in self.rows:
            words = []
            for code in r["changes"]:
                if code in ("closer", "further"):
                    words.append(_c(code, lang, a=r["circle_before"], b=r["circle_after"]))
                elif code in ("gained", "lost"):
                    what = ", ".join(vocab.label("support", f, lang) for f in r[code])
                    words.append(_c(code, lang, what=what))
                else:
                    words.append(_c(code, lang))
            fits = [_label(a, lang) for a in r["actions"]]
            if "gone" in r["changes"]:
                fits.append(_c("out_of_sight", lang))
            elif not r["actions"] and {"further", "faded", "burdening"} & set(r["changes"]):
                fits.append(_c("crumbled", lang))
            elif not r["actions"] and "lost" in r["changes"]:
                fits.append(_c("less", lang))
            people.append(r["name"])
            changed.append("; ".join(words))
            reading.append(", ".join(fits))
        frame = pd.DataFrame({_c("person", lang): people, _c("changed", lang): changed, _c("reading", lang): reading})
        return readable_table(frame, lang)

    def kept_sentence(self, lang: str = "nl") -> str:
        """One sentence on what stayed (onderhouden)."""
        if not self.kept:
            return _c("kept_none", lang)
        return _c("kept", lang, n=len(self.kept), names=_join([self.names[a] for a in self.kept], lang))


def radio_reading(before: EgoNetwork | Moment, after: EgoNetwork | Moment) -> RadioReading:
    """Read the changes between two moments of one network as RADIO interventions.

    The same ``alter_id`` is the same person in both (the moments' rule). Per person: a faded
    contact that is active again fits Reanimeren; a disrupted or burdening tie that is active and
    not burdening now fits Deblokkeren; a tie marked ``cut``, or one that went from active to
    disrupted and burdening, fits Band doorsnijden; an informal contact in an inner circle now fits
    Intensiveren; a support function given now and not before fits Activeren; a new person is a new
    network member. Onderhouden is not a change: :attr:`RadioReading.kept` lists what stayed.

    Parameters
    ----------
    before, after : EgoNetwork or Moment

    Returns
    -------
    RadioReading

    Examples
    --------
    >>> net = datasets.load_case("onveilig_netwerk")
    >>> reading = radio_reading(net.moment("intake"), net.moment("afsluiting"))
    >>> reading.actions("E"), reading.actions("A"), reading.actions("K")
    (['revive', 'intensify', 'activate'], ['cut_tie'], ['add_member'])
    """
    a, b = _network(before), _network(after)
    rows, kept, names = [], [], {}
    for alter_id in list(a.alter_ids) + [x for x in b.alter_ids if x not in a.alter_ids]:
        in_a, in_b = alter_id in a.alter_ids, alter_id in b.alter_ids
        rec_a = a.alter(alter_id) if in_a else None
        rec_b = b.alter(alter_id) if in_b else None
        names[alter_id] = str((rec_b or rec_a).get("name") or alter_id)
        row = {"alter_id": alter_id, "name": names[alter_id], "changes": [], "actions": [],
               "circle_before": rec_a.get("circle") if rec_a else None,
               "circle_after": rec_b.get("circle") if rec_b else None, "gained": [], "lost": []}
        if not in_a:
            row["changes"].append("new")
            row["actions"].append("add_member")
        elif not in_b:
            row["changes"].append("gone")
        else:
            informal = vocab.RELATION_KIND_OF[rec_b["relation"]] != "professional" and rec_b["relation"] != "volunteer"
            cut = bool(rec_b.get("cut")) and not rec_a.get("cut")
            cut = cut or (not _troubled(rec_a) and _status(rec_b) == "disrupted" and rec_b.get("valence") == "burdening")
            if _status(rec_a) == "faded" and _status(rec_b) == "active":
                row["changes"].append("revived")
                row["actions"].append("revive")
            if cut:
                row["changes"].append("cut")
                row["actions"].append("cut_tie")
            elif _troubled(rec_a) and not _troubled(rec_b) and _status(rec_b) == "active":
                row["changes"].append("unblocked")
                row["actions"].append("unblock")
            elif not _troubled(rec_a) and rec_b.get("valence") == "burdening":
                row["changes"].append("burdening")
            elif _status(rec_a) == "active" and _status(rec_b) == "faded":
                row["changes"].append("faded")
            ca, cb = rec_a.get("circle"), rec_b.get("circle")
            if ca is not None and cb is not None and cb < ca:
                row["changes"].append("closer")
                if informal and not cut:
                    row["actions"].append("intensify")
            elif ca is not None and cb is not None and cb > ca:
                row["changes"].append("further")
            sup_a, sup_b = set(rec_a.get("support") or []), set(rec_b.get("support") or [])
            order = [f for f in vocab.VOCABULARIES["support"].codes]
            row["gained"] = [f for f in order if f in sup_b - sup_a]
            row["lost"] = [f for f in order if f in sup_a - sup_b]
            if row["gained"]:
                row["changes"].append("gained")
                if not cut and rec_b.get("valence") != "burdening":
                    row["actions"].append("activate")
            if row["lost"]:
                row["changes"].append("lost")
            if not row["changes"]:
                if informal and _status(rec_b) == "active" and rec_b.get("valence") != "burdening":
                    kept.append(alter_id)
                continue
        rows.append(row)
    return RadioReading(rows, kept, names)


# ------------------------------------------------------------------------------ the widget

_O = {
    "title": ("Wat deed de interventie? RADIO tussen twee momenten", "What did the intervention do? RADIO between two moments"),
    "no_moments": ("Deze casus laat het netwerk op één moment zien, dus er is geen verloop te volgen. Kies een casus "
                   "met momenten: {cases}.",
                   "This case shows the network at one moment only, so there is no course to follow. Choose a case "
                   "with moments: {cases}."),
    "elsewhere": ("De casus bovenaan, <i>{here}</i>, laat het netwerk op één moment zien. Dit onderdeel begint "
                  "daarom bij <i>{there}</i>; je kunt hieronder ook een andere casus met momenten kiezen.",
                  "The case at the top, <i>{here}</i>, shows the network at one moment only. So this part starts "
                  "with <i>{there}</i>; below you can also choose another case with moments."),
    "same": ("Kies twee verschillende momenten om de veranderingen te lezen.",
             "Choose two different moments to read the changes."),
}


def _o(key: str, lang: str, **kw: Any) -> str:
    text = _O[key][_i(lang)]
    return text.format(**kw) if kw else text


def _cases_with_moments() -> list[str]:
    """The names of the bundled cases recorded at more than one moment (:func:`netles.widgets.cases_with_moments`).

    Examples
    --------
    >>> "onveilig_netwerk" in _cases_with_moments() and "voorbeeld" not in _cases_with_moments()
    True
    """
    return [name for name, _ in cases_with_moments()]


def moments_chooser(casus: str, lang: str = "nl", default: str = "onveilig_netwerk"):
    """A case chooser with only the cases that hold moments, for a section that follows a network over time.

    It starts on ``casus`` when that case has moments, else on ``default``, and then says in one
    sentence (with both titles) why it starts elsewhere.

    Parameters
    ----------
    casus : str
        The lesson's case.
    lang : {"nl", "en"}
    default : str
        The case to start on when ``casus`` has no moments.

    Returns
    -------
    (ipywidgets.VBox, CaseChoice)
        The widget has ``note`` (HTML, empty when ``casus`` has moments) and ``chooser``.

    Examples
    --------
    >>> widget, choice = moments_chooser("voorbeeld")
    >>> choice.name, "Voorbeeldnetwerk" in widget.note.value
    ('onveilig_netwerk', True)
    >>> moments_chooser("pilot_netwerkversterking")[1].name
    'pilot_netwerkversterking'
    """

    cases = _cases_with_moments()
    start = casus if casus in cases else default
    box = W.VBox()
    box.chooser, choice = case_chooser(start, lang=lang, cases=cases)
    box.note = W.HTML()
    if start != casus:
        box.note.value = "<p style='line-height:1.45'>" + _o(
            "elsewhere", lang, here=html.escape(datasets.case_title(datasets.load_case(casus), lang)),
            there=html.escape(datasets.case_title(datasets.load_case(start), lang))) + "</p>"
    box.children = [box.note, box.chooser]
    return box, choice


class InterventionOverTimeState:
    """The moments viewer of a case and the RADIO reading of the two moments it compares.

    Attributes
    ----------
    network : EgoNetwork
    viewer : MomentsViewerState or None
        None for a case without moments.
    reading : RadioReading or None
        The reading of the viewer's two moments (None when there is nothing to compare).
    text : str
        The reading as HTML, or the sentence for a case without moments.
    """

    def __init__(self, net: EgoNetwork, lang: str = "nl"):
        _i(lang)
        self.network = net
        self.lang = lang
        self.viewer = None
        self.reading = None
        self.text = ""

    def refresh(self, viewer=None) -> None:
        """Read the viewer's current comparison again."""
        lang = self.lang
        if viewer is not None:
            self.viewer = viewer
        if self.viewer is None:
            titles = [f"<i>{html.escape(datasets.case_title(datasets.load_case(n), lang))}</i>"
                      for n in _cases_with_moments()]
            self.reading = None
            self.text = f"<p style='line-height:1.45'>{_o('no_moments', lang, cases=_join(titles, lang))}</p>"
            return
        comparison = self.viewer.comparison
        if comparison is None:
            self.reading = None
            self.text = f"<p>{html.escape(_o('same', lang))}</p>"
            return
        self.reading = radio_reading(comparison.before, comparison.after)
        if self.reading.rows:
            table = self.reading.table(lang).to_html(index=False, border=0)
        else:
            table = f"<p>{html.escape(_c('nothing', lang))}</p>"
        self.text = table + f"<p style='line-height:1.45'>{html.escape(self.reading.kept_sentence(lang))}</p>"


def intervention_over_time(net: EgoNetwork, lang: str = "nl"):
    """The moments of a case side by side, with what changed read as RADIO interventions.

    For a case with moments: :func:`netles.widgets.moments_viewer` (choose two moments, see the
    summary, the two netwerkcirkels and the tables) and under it the :func:`radio_reading` of the
    two moments, updated when the choice changes. For a case without moments: one sentence that
    names the cases with moments by their titles.

    Parameters
    ----------
    net : EgoNetwork
    lang : {"nl", "en"}

    Returns
    -------
    (ipywidgets.VBox, InterventionOverTimeState)
        The widget has ``viewer`` (the moments viewer, or None) and ``reading`` (HTML).

    Examples
    --------
    >>> widget, state = intervention_over_time(datasets.load_case("pilot_netwerkversterking"))
    >>> state.reading.actions("C"), state.reading.actions("I")
    (['revive', 'activate'], ['add_member'])
    >>> widget, state = intervention_over_time(datasets.load_case("voorbeeld"))
    >>> state.viewer is None and "onveilig_netwerk" not in state.text and "Esther" in state.text
    True
    """
    state = InterventionOverTimeState(net, lang)
    box = W.VBox(layout=W.Layout(max_width="1240px"))
    box.add_class("netles-intervention-over-time")
    box.reading = W.HTML()
    if net.moments:
        from .moments import moments_viewer

        box.viewer, viewer_state = moments_viewer(net, lang=lang)

        def redraw(_viewer=None) -> None:
            state.refresh()
            box.reading.value = state.text

        state.refresh(viewer_state)
        viewer_state.on_change(redraw)
        box.reading.value = state.text
        box.children = [box.viewer, W.HTML(f"<h4 style='margin:8px 0 4px'>{html.escape(_o('title', lang))}</h4>"),
                        box.reading]
    else:
        box.viewer = None
        state.refresh()
        box.reading.value = state.text
        box.children = [box.reading]
    return box, state


# ------------------------------------------------------------------------------ the pilot

def pilot_skills(lang: str = "nl", case: str = "pilot_netwerkversterking"):
    """The pilot of the source texts, before and after, with its four trained skills.

    Shows the case's title and vignette (:func:`netles.datasets.case_title`,
    :func:`netles.datasets.case_vignette`) and :func:`netles.widgets.lesson_widgets.pilot_skills_widget`
    on the case's two moments, named by its ``pilot`` block (``before``, ``after``). In that widget a
    contact picked up again counts as reanimeren, not as onderhouden: maintaining shows in what stays.

    Parameters
    ----------
    lang : {"nl", "en"}
    case : str
        A case with a ``pilot`` block.

    Returns
    -------
    (ipywidgets.VBox, LessonState)
        The widget has ``card`` (HTML) and ``skills`` (the pilot widget); the state is the pilot
        widget's (``result["changes"]``, ``result["kept"]``).

    Examples
    --------
    >>> widget, state = pilot_skills()
    >>> state.result["changes"]["revive"], state.result["kept"], "Gerda" in widget.card.value
    (2, 4, True)
    """
    from .lesson_widgets import pilot_skills_widget

    net = datasets.load_case(case)
    block = net.extra.get("pilot") or {}
    before = net.moment(block.get("before", net.moments[0].label))
    after = net.moment(block.get("after", net.moments[-1].label))
    box = W.VBox(layout=W.Layout(max_width="900px"))
    box.add_class("netles-pilot")
    box.card = W.HTML(f"<div style='border-left:3px solid #4c78a8;padding:2px 10px;margin:4px 0;line-height:1.45'>"
                      f"<b>{html.escape(datasets.case_title(net, lang))}</b><br>"
                      f"{html.escape(datasets.case_vignette(net, lang))}</div>")
    box.skills, state = pilot_skills_widget(before, after, lang=lang)
    box.children = [box.card, box.skills]
    return box, state
