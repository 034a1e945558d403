"""The triad of client, naaste and professional in mental health care (lesson 03a).

In mental health care the guide's theme 3 points to the *triade*: client, naastbetrokkene (a relative
or friend close to the client) and professional work together, and Ypsilon's triadekaart helps them
agree who does what. The idea of that card (first version 2011): each of the three marks, on a list
of tasks, who they think should take each task on; the three then discuss the differences, the tasks
that end up with nobody or with the wrong person, and the support the naaste needs.

:func:`triad_map` is an exercise in that spirit, not the triadekaart itself: three students play
client, naaste and professional for a case, each chooses per task who should do it, and "Vergelijk"
turns the answers into an agenda for the triad conversation. The naaste is chosen from the case's
own people. The widget computes no metric; it compares the three answers.

References
----------
.. [1] Admiraal, L. (2016). *Sociale netwerken. Docentenhandreiking*, theme 3 (module
   Naastenparticipatie in de GGZ, the triadekaart of Ypsilon). Hogeschool Utrecht.

Examples
--------
>>> from netles import datasets
>>> widget, state = triad_map(datasets.load_case("ggz_naar_huis"))
>>> state.naaste, state.naaste_name
('C', 'Samira (zus)')
>>> for role in PERSPECTIVES:
...     state.choose(role, "signals", "together")
>>> state.choose("client", "money", "client"); state.choose("naaste", "money", "naaste")
>>> state.choose("professional", "money", "client")
>>> result = state.compare()
>>> result["agree"], result["differ"], len(result["open"])
(['signals'], ['money'], 7)
"""
from __future__ import annotations

import html
from typing import Any

import ipywidgets as W

from .. import datasets, metrics, vocab
from ..network import EgoNetwork

__all__ = ["PERSPECTIVES", "TRIAD_TASKS", "TRIAD_OPTIONS", "naaste_candidates", "TriadState", "triad_map"]

PERSPECTIVES = ("client", "naaste", "professional")
"""The three sides of the triad, in the order of the columns."""

TRIAD_TASKS: dict[str, tuple[str, str]] = {
    "signals": ("vroege signalen opmerken dat het slechter gaat", "noticing early signs that things get worse"),
    "crisis": ("bij een crisis: weten wie je belt en wat er dan gebeurt",
               "in a crisis: knowing whom to call and what happens then"),
    "medication": ("medicijnen: innemen en letten op bijwerkingen", "medication: taking it and watching side effects"),
    "housing": ("wonen: een woning zoeken, verhuizen, het huishouden", "housing: finding a home, moving, the household"),
    "money": ("geldzaken en post", "money matters and post"),
    "days": ("een dagritme, werk of dagbesteding", "a daily rhythm, work or day activities"),
    "contacts": ("contact houden met familie, vrienden en kinderen", "keeping in touch with family, friends and children"),
    "information": ("informatie over de ziekte en de behandeling delen",
                    "sharing information about the illness and the treatment"),
    "naaste_support": ("steun voor de naaste zelf: uitleg, lotgenoten, even vrij",
                       "support for the naaste: explanation, peers, a break"),
}
"""The tasks of the exercise (our own list, after the tasks a triadekaart asks about), Dutch and English."""

TRIAD_OPTIONS: dict[str, tuple[str, str]] = {
    "client": ("de cliënt", "the client"),
    "naaste": ("de naaste", "the naaste"),
    "professional": ("de professional", "the professional"),
    "together": ("samen", "together"),
}
"""Who can take a task on."""

_T = {
    "title": ("De triade: wie doet wat?", "The triad: who does what?"),
    "intro": ("Werk met z'n drieën: één speelt de cliënt, één de naaste, één de professional. Kies ieder in je eigen "
              "kolom wie volgens jou elke taak zou moeten doen, zonder bij de anderen te kijken. Klik dan op "
              "Vergelijk.",
              "Work in threes: one plays the client, one the naaste, one the professional. Each chooses in their "
              "own column who should do each task, without looking at the others. Then click Compare."),
    "naaste": ("Naaste", "Naaste"),
    "task": ("taak", "task"),
    "client": ("cliënt vindt", "client thinks"),
    "naaste_col": ("naaste vindt", "naaste thinks"),
    "professional": ("professional vindt", "professional thinks"),
    "choose": ("kies ...", "choose ..."),
    "compare": ("Vergelijk", "Compare"),
    "no_naaste": ("In de casus ‘{title}’ staat niemand uit de eigen kring van de cliënt (familie, vrienden, buren) die "
                  "een naaste kan zijn. Dan is de triade eerst een tweetal: bespreek met de cliënt wie een naaste zou "
                  "kunnen worden, of kies een andere casus, zoals {cases}.",
                  "The case ‘{title}’ has nobody from the client's own circle (family, friends, neighbours) who could "
                  "be a naaste. Then the triad is a pair first: discuss with the client who could become a naaste, "
                  "or choose another case, such as {cases}."),
    "agree": ("Eens over: {tasks}.", "Agreed on: {tasks}."),
    "differ": ("Op de agenda van het triadegesprek, want jullie zien het anders: {tasks}.",
               "On the agenda of the triad conversation, because you see it differently: {tasks}."),
    "open": ("Nog niet door iedereen ingevuld: {tasks}.", "Not filled in by everyone yet: {tasks}."),
    "load": ("{n} taken komen (ook) bij {who} terecht. Vraag wat die wil en kan, en wie er dan nog meer helpt.",
             "{n} tasks land (partly) with {who}. Ask what they want and can do, and who else helps then."),
    "information": ("Over informatie delen: algemene uitleg over de ziekte en de behandeling kan de professional de "
                    "naaste altijd geven, en luisteren naar de naaste ook. Wat over de cliënt persoonlijk gaat, deel "
                    "je alleen met toestemming van de cliënt; bespreek dat samen.",
                    "On sharing information: the professional can always give the naaste general explanation about "
                    "the illness and the treatment, and can always listen to the naaste. What is personal to the "
                    "client is shared only with the client's consent; discuss that together."),
    "naaste_support": ("De naaste heeft zelf ook steun nodig: noem die als een taak van iemand, niet als iets wat "
                       "vanzelf gaat.",
                       "The naaste needs support too: name it as somebody's task, not as something that happens "
                       "by itself."),
    "nothing": ("Kies eerst per taak wie die volgens jou zou moeten doen.", "First choose who should do each task."),
    "far": ("Let op: {who} staat niet dichtbij (ring {circle}){faded}. In de ggz is de naaste meestal iemand die de "
            "cliënt na staat. Bespreek of {who} die rol wil en kan hebben, en wat het betekent als de cliënt "
            "niemand dichtbij heeft.",
            "Note: {who} is not close (ring {circle}){faded}. In mental health care the naaste is usually someone "
            "close to the client. Discuss whether {who} wants and is able to take that role, and what it means "
            "when the client has nobody close."),
    "faded": (" en het contact is verwaterd", " and the contact has faded"),
}


_lang_index = vocab.language_index


def _t(key: str, lang: str, **kw: Any) -> str:
    text = _T[key][_lang_index(lang)]
    return text.format(**kw) if kw else text


_and = vocab.join_words


def naaste_candidates(net: EgoNetwork) -> list[str]:
    """Alter ids of the client's own circle who could be a naaste, closest and most supportive first.

    Family, friends, neighbours and other informal contacts qualify; professionals, volunteers and
    fellow clients do not, nor people whose tie is disrupted or burdening. Adults come before
    children.

    Examples
    --------
    >>> from netles import datasets
    >>> naaste_candidates(datasets.load_case("ggz_naar_huis"))[:3]
    ['C', 'D', 'I']
    """
    given = metrics.support_given(net).sum(axis=1)
    out = []
    for alter_id in net.alter_ids:
        a = net.alter(alter_id)
        if vocab.RELATION_SECTOR.get(a["relation"]) not in ("family", "society") or a["relation"] == "volunteer":
            continue
        if a.get("status") == "disrupted" or a.get("valence") == "burdening":
            continue
        out.append(alter_id)
    adults = {a: (net.alter(a).get("age") is None or net.alter(a).get("age") != net.alter(a).get("age")
                  or float(net.alter(a)["age"]) >= 18) for a in out}
    return sorted(out, key=lambda a: (not adults[a], int(net.alter(a).get("circle") or 4), -int(given.get(a, 0)),
                                      out.index(a)))


class TriadState:
    """The three perspectives' answers and their comparison.

    Attributes
    ----------
    naaste : str or None
        Alter id of the naaste (None when the case has no candidate).
    choices : dict
        Perspective -> task -> option key (None while not chosen).
    """

    def __init__(self, net: EgoNetwork, lang: str = "nl"):
        _lang_index(lang)
        self.network = net
        self.lang = lang
        self.candidates = naaste_candidates(net)
        self.naaste = self.candidates[0] if self.candidates else None
        self.choices: dict[str, dict[str, str | None]] = {p: {t: None for t in TRIAD_TASKS} for p in PERSPECTIVES}
        self.result: dict | None = None

    @property
    def naaste_name(self) -> str | None:
        return None if self.naaste is None else str(self.network.alter(self.naaste).get("name") or self.naaste)

    @property
    def naaste_note(self) -> str:
        """A caution when the chosen naaste is outside the inner two rings or the contact has faded
        (psychiatrie_geen_netwerk: the man of the corner shop); empty otherwise."""
        if self.naaste is None:
            return ""
        a = self.network.alter(self.naaste)
        circle = int(a.get("circle") or 4)
        faded = a.get("status") == "faded"
        if circle <= 2 and not faded:
            return ""
        return _t("far", self.lang, who=self.naaste_name, circle=circle, faded=_t("faded", self.lang) if faded else "")

    def choose_naaste(self, alter_id: str) -> None:
        if alter_id not in self.candidates:
            raise ValueError(f"{alter_id!r} is not one of the client's own circle: {self.candidates}")
        self.naaste = alter_id

    def choose(self, perspective: str, task: str, option: str | None) -> None:
        """Record what ``perspective`` thinks about ``task`` (an option key, or None)."""
        if perspective not in PERSPECTIVES:
            raise KeyError(f"no perspective {perspective!r}")
        if task not in TRIAD_TASKS:
            raise KeyError(f"no task {task!r}")
        if option is not None and option not in TRIAD_OPTIONS:
            raise ValueError(f"no option {option!r}")
        self.choices[perspective][task] = option
        self.result = None

    def compare(self) -> dict:
        """Compare the three columns.

        Returns
        -------
        dict
            ``agree`` (tasks all three gave the same answer), ``differ`` (tasks answered by all three,
            not the same), ``open`` (tasks not answered by everyone), ``load`` (option -> number of
            tasks that at least two perspectives give (also) to it: ``together`` counts for client
            and naaste) and ``message`` (plain sentences).
        """
        lang, i = self.lang, _lang_index(self.lang)
        agree, differ, open_ = [], [], []
        load = {k: 0 for k in ("client", "naaste", "professional")}
        for task in TRIAD_TASKS:
            answers = [self.choices[p][task] for p in PERSPECTIVES]
            if any(a is None for a in answers):
                open_.append(task)
            elif len(set(answers)) == 1:
                agree.append(task)
            else:
                differ.append(task)
            for who in load:
                votes = sum(1 for a in answers if a == who or (a == "together" and who in ("client", "naaste")))
                if votes >= 2:
                    load[who] += 1
        name = lambda keys: _and([TRIAD_TASKS[k][i] for k in keys], lang)  # noqa: E731
        parts = []
        if not any(option for column in self.choices.values() for option in column.values()):
            parts.append(_t("nothing", lang))
        else:
            if agree:
                parts.append(_t("agree", lang, tasks=name(agree)))
            if differ:
                parts.append(_t("differ", lang, tasks=name(differ)))
            if open_:
                parts.append(_t("open", lang, tasks=name(open_)))
            if load["naaste"] >= 4 and self.naaste is not None:
                parts.append(_t("load", lang, n=load["naaste"], who=self.naaste_name))
            parts.append(_t("information", lang))
            if self.choices["naaste"]["naaste_support"] is None or "naaste_support" in differ:
                parts.append(_t("naaste_support", lang))
        self.result = {"agree": agree, "differ": differ, "open": open_, "load": load, "message": " ".join(parts)}
        return self.result


def triad_map(net: EgoNetwork, lang: str = "nl") -> tuple[W.Widget, TriadState]:
    """Client, naaste and professional each say who should do which task; compare for the triad talk.

    Parameters
    ----------
    net : EgoNetwork
        A case (the lesson offers the mental-health cases ``ggz_naar_huis`` and
        ``psychiatrie_geen_netwerk``).
    lang : {"nl", "en"}

    Returns
    -------
    (ipywidgets.VBox, TriadState)
        The widget has ``naaste`` (Dropdown), ``naaste_note`` (HTML: a caution when the naaste is not
        close), ``cells`` (perspective -> task -> Dropdown),
        ``compare_button`` and ``result`` (HTML); for a case without a possible naaste only
        ``message``.
    """
    state = TriadState(net, lang)
    i = _lang_index(lang)
    box = W.VBox(layout=W.Layout(max_width="1000px"))
    box.add_class("netles-triad")
    title = W.HTML(f"<h4 style='margin:4px 0'>{html.escape(_t('title', lang))}</h4>")
    if state.naaste is None:
        others = []
        for name in datasets.case_names():
            other = datasets.load_case(name)
            if other.ego.get("group") == net.ego.get("group") and name != net.ego_id and naaste_candidates(other):
                others.append(f"‘{datasets.case_title(other, lang)}’")
        text = _t("no_naaste", lang, title=datasets.case_title(net, lang), cases=_and(others or ["‘…’"], lang))
        box.message = W.HTML(f"<p style='line-height:1.45'>{html.escape(text)}</p>")
        box.children = [title, box.message]
        return box, state
    box.message = W.HTML(f"<p style='line-height:1.45'>{html.escape(_t('intro', lang))}</p>")
    box.naaste = W.Dropdown(options=[(str(net.alter(a).get("name") or a), a) for a in state.candidates],
                            value=state.naaste, description=_t("naaste", lang), style={"description_width": "70px"},
                            layout=W.Layout(width="380px"))
    box.naaste_note = W.HTML()

    def on_naaste(new: str) -> None:
        state.choose_naaste(new)
        note = state.naaste_note
        box.naaste_note.value = f"<p style='color:#8a5a00;line-height:1.45'>{html.escape(note)}</p>" if note else ""

    box.naaste.observe(lambda c: on_naaste(c["new"]), "value")
    on_naaste(state.naaste)
    options = [(_t("choose", lang), ""), *[(v[i], k) for k, v in TRIAD_OPTIONS.items()]]
    box.cells = {p: {} for p in PERSPECTIVES}
    cell_px = "190px"
    header = W.HBox([W.HTML(f"<b>{html.escape(_t('task', lang))}</b>", layout=W.Layout(width="330px"))]
                    + [W.HTML(f"<b>{html.escape(_t(k, lang))}</b>", layout=W.Layout(width=cell_px))
                       for k in ("client", "naaste_col", "professional")])
    rows = [header]
    for task, names in TRIAD_TASKS.items():
        widgets = []
        for p in PERSPECTIVES:
            dropdown = W.Dropdown(options=options, value="", layout=W.Layout(width=cell_px))
            dropdown.observe(lambda c, p=p, t=task: state.choose(p, t, c["new"] or None), "value")
            box.cells[p][task] = dropdown
            widgets.append(dropdown)
        rows.append(W.HBox([W.HTML(f"<div style='line-height:1.3;padding-top:4px'>{html.escape(names[i])}</div>",
                                   layout=W.Layout(width="330px")), *widgets]))
    box.compare_button = W.Button(description=_t("compare", lang), button_style="primary")
    box.result = W.HTML()

    def on_compare(_=None) -> None:
        result = state.compare()
        box.result.value = f"<div class='netles-triad-result' style='line-height:1.45'>{html.escape(result['message'])}</div>"

    box.compare_button.on_click(on_compare)
    box.children = [title, box.message, box.naaste, box.naaste_note, *rows, box.compare_button, box.result]
    return box, state
