"""Exercises for theme 1 (vision and policy): quality of life, support systems, the Dutch legal frame.

Every exercise starts empty: the student chooses, clicks "Controleer" and only then sees per item
whether the choice fits and why. Nothing is pre-filled, so nothing gives the answer away.

* :func:`choice_exercise` is the general form: items, each with the answers that count as right and
  an explanation, and one set of options (a dropdown per item).
* :func:`quality_of_life_exercise`: Schalock's eight domains of quality of life; the student rates
  each for the case's client and says how much it depends on the network.
* :func:`support_system_exercise`: sort the people of a case into the personal support system, the
  societal support system (general provisions such as volunteers and peer contact) and professional
  help.
* :func:`policy_exercise`: the Dutch frame of lesson 01b (who does what since the 2015
  decentralisations, the familiegroepsplan, the Wet BIG, the AVG, the CBS definition of mantelzorg).
* :func:`keukentafel_roleplay`: role cards built from a case and an observer's checklist for a
  role-played keukentafelgesprek, with a debrief of the topics that were missed.

The widgets compute no metric: the case's data are shown as they are in the file, the CSI band
comes from :func:`netles.scales.csi`.

References
----------
.. [1] Admiraal, L. (2016). *Sociale netwerken. Docentenhandreiking*, theme 1. Hogeschool Utrecht.
.. [2] Schalock, R. L. (1996); Schalock, R. L. & Faulkner, E. H. (1997), as used in Wilken, J. P. &
   Dankers, T. (2012), *Supportgericht werken*, chapter 1.
.. [3] Wet maatschappelijke ondersteuning 2015, art. 2.3.2 (the onderzoek after a melding).
.. [4] Jeugdwet, art. 1.1 and 4.1.2 (the familiegroepsplan).
.. [5] Rijksoverheid, "Mag ik in een privé situatie medisch handelen?" (Wet BIG, voorbehouden
   handelingen).
.. [6] Volksgezondheid en Zorg (vzinfo.nl), "Mantelzorg" (CBS definition and figures).
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

import ipywidgets as W

from .. import datasets, metrics, scales, vocab
from ..network import EgoNetwork

__all__ = [
    "ExerciseItem",
    "ExerciseState",
    "choice_exercise",
    "QUALITY_OF_LIFE_DOMAINS",
    "QualityOfLifeState",
    "quality_of_life_exercise",
    "SUPPORT_SYSTEMS",
    "support_system_of",
    "support_system_exercise",
    "POLICY_TOPICS",
    "policy_exercise",
    "who_carries_most",
    "KEUKENTAFEL_TOPICS",
    "KeukentafelState",
    "keukentafel_roleplay",
]

_T = {
    "choose": ("kies ...", "choose ..."),
    "check": ("Controleer", "Check"),
    "right": ("Goed.", "Right."),
    "wrong": ("Nog niet.", "Not quite."),
    "summary": ("{n} van de {total} goed.", "{n} of {total} right."),
    "unchosen": ("Nog niet gekozen: {what}.", "Not chosen yet: {what}."),
    "score": ("jouw inschatting (0-10)", "your estimate (0-10)"),
    "network": ("hoe hangt het af van het netwerk?", "how does it depend on the network?"),
    "cluster": ("cluster", "cluster"),
    "mean": ("gemiddelde van wat je scoorde", "mean of what you rated"),
    "lowest": ("Laagst gescoord: {what}. Bespreek: wat zou het netwerk hier kunnen betekenen?",
               "Lowest rating: {what}. Discuss: what could the network mean here?"),
    "all_same": ("Je gaf elk domein hetzelfde cijfer. Verschillen ze echt niet? Bespreek welk domein voor deze "
                 "cliënt het zwakst is.",
                 "You gave every domain the same rating. Do they really not differ? Discuss which domain is "
                 "weakest for this client."),
    "no_scores": ("Geef per domein een cijfer om de clusters te zien.", "Rate each domain to see the clusters."),
    "qol_title": ("Kwaliteit van leven: de acht domeinen", "Quality of life: the eight domains"),
    "qol_intro": ("Geef per domein je inschatting voor de cliënt van de casus (0 = heel slecht, 10 = uitstekend). "
                  "Kies daarna hoe sterk het domein van het netwerk afhangt en klik op Controleer.",
                  "Rate each domain for the client of the case (0 = very poor, 10 = excellent). Then choose how "
                  "strongly the domain depends on the network and click Check."),
    "sys_title": ("Persoonlijk of maatschappelijk steunsysteem?", "Personal or societal support system?"),
    "sys_intro": ("Sorteer de mensen uit de casus. Klik daarna op Controleer.",
                  "Sort the people of the case. Then click Check."),
}


_lang_index = vocab.language_index


def _t(key: str, lang: str, **kw: Any) -> str:
    text = _T[key][_lang_index(lang)]
    return text.format(**kw) if kw else text


def _pick(pair: Sequence[str], lang: str) -> str:
    return pair[_lang_index(lang)]


# ------------------------------------------------------------------------------ general form

@dataclass(frozen=True)
class ExerciseItem:
    """One item of a choice exercise.

    Parameters
    ----------
    key : str
        Identifier, unique within the exercise.
    text : (str, str)
        The item in Dutch and English (a statement, a situation, a person).
    accepted : frozenset of str
        Option keys that count as right (more than one where the sources allow both).
    explanation : (str, str)
        Why, in Dutch and English; shown after "Controleer".
    """

    key: str
    text: tuple[str, str]
    accepted: frozenset
    explanation: tuple[str, str]


class ExerciseState:
    """The choices in a choice exercise and the feedback after checking.

    Attributes
    ----------
    choices : dict
        Item key -> chosen option key, or ``None`` while nothing is chosen (the start).
    feedback : dict
        Item key -> ``(right, text)``, filled by :meth:`check` for the chosen items.
    checked : bool
        Whether "Controleer" was clicked since the last change.
    """

    def __init__(self, items: Sequence[ExerciseItem], options: Sequence[tuple[str, str, str]], lang: str = "nl"):
        _lang_index(lang)
        keys = [o[0] for o in options]
        if len(set(keys)) != len(keys):
            raise ValueError("option keys must be unique")
        if len({i.key for i in items}) != len(items):
            raise ValueError("item keys must be unique")
        for item in items:
            unknown = set(item.accepted) - set(keys)
            if not item.accepted or unknown:
                raise ValueError(f"item {item.key!r}: accepted answers must be option keys, not {sorted(unknown)}")
        self.items = list(items)
        self.options = list(options)
        self.lang = lang
        self.choices: dict[str, str | None] = {i.key: None for i in self.items}
        self.feedback: dict[str, tuple[bool, str]] = {}
        self.checked = False

    def choose(self, key: str, option: str | None) -> None:
        """Record a choice; its earlier feedback is cleared until the next check."""
        if key not in self.choices:
            raise KeyError(f"no item {key!r}")
        if option is not None and option not in {o[0] for o in self.options}:
            raise ValueError(f"no option {option!r}")
        self.choices[key] = option
        self.feedback.pop(key, None)
        self.checked = False

    def check(self) -> int:
        """Give feedback on every chosen item; returns the number right."""
        self.feedback = {}
        for item in self.items:
            chosen = self.choices[item.key]
            if chosen is None:
                continue
            right = chosen in item.accepted
            word = _t("right" if right else "wrong", self.lang)
            self.feedback[item.key] = (right, f"{word} {_pick(item.explanation, self.lang)}")
        self.checked = True
        return self.n_right

    @property
    def n_right(self) -> int:
        """Items whose last checked choice is right."""
        return sum(right for right, _ in self.feedback.values())

    @property
    def unchosen(self) -> list[str]:
        """Keys of items without a choice."""
        return [k for k, v in self.choices.items() if v is None]

    def summary(self) -> str:
        """One or two plain sentences on the last check."""
        lines = [_t("summary", self.lang, n=self.n_right, total=len(self.items))]
        if self.unchosen:
            what = ", ".join(_pick(i.text, self.lang) for i in self.items if i.key in self.unchosen)
            lines.append(_t("unchosen", self.lang, what=what))
        return " ".join(lines)


def _feedback_html(entry: tuple[bool, str] | None) -> str:
    if entry is None:
        return ""
    right, text = entry
    colour = "#1d5e20" if right else "#a40000"
    return (f"<div class='netles-exercise-feedback' data-right='{int(right)}' style='color:{colour};line-height:1.4'>"
            f"{html.escape(text)}</div>")


def choice_exercise(items: Sequence[ExerciseItem], options: Sequence[tuple[str, str, str]], lang: str = "nl", *,
                    title: tuple[str, str] = ("", ""), intro: tuple[str, str] = ("", ""),
                    label_width: str = "420px") -> tuple[W.Widget, ExerciseState]:
    """A dropdown per item, all empty at the start; "Controleer" gives feedback with an explanation.

    Parameters
    ----------
    items : sequence of ExerciseItem
    options : sequence of (key, Dutch label, English label)
        The choices offered for every item.
    lang : {"nl", "en"}
    title, intro : (str, str)
        Heading and instruction, Dutch and English.
    label_width : str
        CSS width of the item text.

    Returns
    -------
    (ipywidgets.VBox, ExerciseState)
        The widget has ``choices`` and ``feedback`` (item key -> Dropdown / HTML), ``check_button``
        and ``summary``.

    Examples
    --------
    >>> items = [ExerciseItem("a", ("Eén plus één is twee.", "One plus one is two."), frozenset({"yes"}),
    ...                       ("Rekenen.", "Arithmetic."))]
    >>> widget, state = choice_exercise(items, [("yes", "juist", "true"), ("no", "onjuist", "false")])
    >>> widget.choices["a"].value, widget.choices["a"].label
    ('', 'kies ...')
    >>> widget.choices["a"].value = "no"; widget.check_button.click()
    >>> state.n_right, widget.feedback["a"].value.count("Nog niet")
    (0, 1)
    """
    state = ExerciseState(items, options, lang)
    box = W.VBox(layout=W.Layout(max_width="900px"))
    box.add_class("netles-exercise")
    # The empty choice is "" rather than None: a Dropdown whose value is None shows a blank box.
    choose = [(_t("choose", lang), ""), *[(_pick(o[1:], lang), o[0]) for o in state.options]]
    box.choices, box.feedback = {}, {}
    rows = []
    for item in state.items:
        label = W.HTML(f"<div style='padding-top:4px;line-height:1.4'>{html.escape(_pick(item.text, lang))}</div>",
                       layout=W.Layout(width=label_width))
        box.choices[item.key] = W.Dropdown(options=choose, value="", layout=W.Layout(width="300px"))
        box.feedback[item.key] = W.HTML()
        box.choices[item.key].observe(lambda c, k=item.key: on_choose(k, c["new"] or None), "value")
        rows.append(W.VBox([W.HBox([label, box.choices[item.key]]), box.feedback[item.key]],
                           layout=W.Layout(border_bottom="1px solid #ddd", padding="3px 0")))
    box.check_button = W.Button(description=_t("check", lang), button_style="primary")
    box.summary = W.HTML()

    def on_choose(key: str, option: str | None) -> None:
        state.choose(key, option)
        box.feedback[key].value = ""
        box.summary.value = ""

    def on_check(_=None) -> None:
        state.check()
        for item in state.items:
            box.feedback[item.key].value = _feedback_html(state.feedback.get(item.key))
        box.summary.value = f"<div style='line-height:1.45'><b>{html.escape(state.summary())}</b></div>"

    box.check_button.on_click(on_check)
    head = []
    if _pick(title, lang):
        head.append(W.HTML(f"<h4 style='margin:4px 0'>{html.escape(_pick(title, lang))}</h4>"))
    if _pick(intro, lang):
        head.append(W.HTML(f"<p style='line-height:1.45'>{html.escape(_pick(intro, lang))}</p>"))
    box.children = [*head, *rows, box.check_button, box.summary]
    return box, state


# ------------------------------------------------------------------------------ quality of life

_NET_OPTIONS = (("direct", "direct: het netwerk is hier de kern", "directly: the network is the core of it"),
                ("indirect", "indirect: een goed netwerk helpt", "indirectly: a good network helps"),
                ("hardly", "nauwelijks", "hardly"))

QUALITY_OF_LIFE_DOMAINS: dict[str, dict[str, Any]] = {
    "emotional": {
        "name": ("emotioneel welbevinden", "emotional well-being"), "cluster": ("welbevinden", "well-being"),
        "accepted": frozenset({"direct", "indirect"}),
        "why": ("Troost, een luisterend oor en het gevoel dat je ertoe doet komen vaak van mensen om je heen, maar "
                "gezondheid en eigen veerkracht tellen ook mee: direct en indirect zijn allebei te verdedigen.",
                "Comfort, a listening ear and feeling that you matter often come from the people around you, but "
                "health and resilience count too: both direct and indirect can be defended."),
    },
    "relations": {
        "name": ("interpersoonlijke relaties", "interpersonal relations"),
        "cluster": ("sociale participatie", "social participation"),
        "accepted": frozenset({"direct"}),
        "why": ("Relaties zijn het netwerk zelf: zonder mensen om je heen blijft dit domein leeg.",
                "Relationships are the network itself: without people around you this domain stays empty."),
    },
    "material": {
        "name": ("materieel welbevinden", "material well-being"), "cluster": ("welbevinden", "well-being"),
        "accepted": frozenset({"indirect"}),
        "why": ("Inkomen, wonen en spullen hangen vooral af van werk, uitkering en regelingen; het netwerk helpt "
                "indirect, met een tip voor werk of hulp bij de administratie.",
                "Income, housing and belongings depend mostly on work, benefits and schemes; the network helps "
                "indirectly, with a job lead or help with paperwork."),
    },
    "development": {
        "name": ("persoonlijke ontplooiing", "personal development"),
        "cluster": ("onafhankelijkheid", "independence"),
        "accepted": frozenset({"indirect"}),
        "why": ("Leren en groeien doet iemand zelf, maar mensen die aanmoedigen, iets voordoen of de weg wijzen "
                "maken het makkelijker.",
                "Learning and growing is something people do themselves, but others who encourage, show how or "
                "point the way make it easier."),
    },
    "physical": {
        "name": ("lichamelijk welbevinden", "physical well-being"), "cluster": ("welbevinden", "well-being"),
        "accepted": frozenset({"indirect"}),
        "why": ("Gezondheid hangt van veel af; wie meegaat naar de huisarts, kookt of samen wandelt, helpt indirect.",
                "Health depends on many things; someone who comes along to the GP, cooks or goes for walks "
                "helps indirectly."),
    },
    "self_determination": {
        "name": ("zelfbepaling", "self-determination"), "cluster": ("onafhankelijkheid", "independence"),
        "accepted": frozenset({"indirect"}),
        "why": ("Kiezen doet de cliënt zelf. Een netwerk kan die keuzes steunen (meedenken, informeren) of juist "
                "inperken, als anderen te veel voor iemand beslissen.",
                "The client makes the choices. A network can support them (thinking along, informing) or narrow "
                "them, when others decide too much for someone."),
    },
    "inclusion": {
        "name": ("sociale inclusie", "social inclusion"), "cluster": ("sociale participatie", "social participation"),
        # The guide names no fixed domains ("een aantal ... direct"); the theme 1 assignment counts
        # inclusion among those a good network makes easier to reach, so both answers are right.
        "accepted": frozenset({"direct", "indirect"}),
        "why": ("Meedoen in buurt, werk en vereniging loopt vaak via mensen: je komt ergens binnen omdat iemand je "
                "kent of meeneemt. Maar ook werk, vervoer en een toegankelijke buurt tellen mee: direct en indirect "
                "zijn allebei te verdedigen.",
                "Taking part in the neighbourhood, at work or in a club often runs through people: you get in "
                "because someone knows you or takes you along. But work, transport and an accessible neighbourhood "
                "count too: both direct and indirect can be defended."),
    },
    "rights": {
        "name": ("rechten", "rights"), "cluster": ("sociale participatie", "social participation"),
        "accepted": frozenset({"indirect"}),
        "why": ("Rechten zijn wettelijk geregeld, maar iemand uit het netwerk die voor de cliënt opkomt "
                "(een belangenbehartiger) helpt om ze ook te krijgen.",
                "Rights are laid down in law, but someone in the network who stands up for the client (an "
                "advocate) helps to actually get them."),
    },
}
"""Schalock's eight domains: key -> name, cluster (Dutch, English), the network answers that fit the
teacher's guide (some domains depend on the network directly: relations always, emotional well-being and
social inclusion arguably; the others are easier to reach with a good network) and why."""

_HARDLY = ("Volgens de handreiking is bijna elk domein beter bereikbaar met een goed netwerk; kijk nog eens.",
           "According to the teacher's guide nearly every domain is easier to reach with a good network; "
           "look again.")


class QualityOfLifeState(ExerciseState):
    """The ratings and network answers of :func:`quality_of_life_exercise`.

    Attributes
    ----------
    scores : dict
        Domain key -> the student's rating 0-10, or ``None`` (the start: nothing is pre-set).
    """

    def __init__(self, lang: str = "nl"):
        items = []
        for key, d in QUALITY_OF_LIFE_DOMAINS.items():
            explanation = d["why"]
            items.append(ExerciseItem(key, d["name"], d["accepted"], explanation))
        super().__init__(items, _NET_OPTIONS, lang)
        self.scores: dict[str, int | None] = {k: None for k in QUALITY_OF_LIFE_DOMAINS}

    def check(self) -> int:
        n = super().check()
        for key, chosen in self.choices.items():
            if chosen == "hardly":
                self.feedback[key] = (False, f"{_t('wrong', self.lang)} {_pick(_HARDLY, self.lang)}")
        return n

    def rate(self, key: str, score: int | None) -> None:
        """Record a rating (0-10) for a domain, or clear it with ``None``."""
        if key not in self.scores:
            raise KeyError(f"no domain {key!r}")
        if score is not None and not 0 <= int(score) <= 10:
            raise ValueError("a rating is between 0 and 10")
        self.scores[key] = None if score is None else int(score)

    def cluster_means(self) -> dict[str, float]:
        """Mean rating per cluster (Dutch cluster name) over the rated domains of that cluster."""
        groups: dict[str, list[int]] = {}
        for key, d in QUALITY_OF_LIFE_DOMAINS.items():
            if self.scores[key] is not None:
                groups.setdefault(d["cluster"][0], []).append(self.scores[key])
        return {cluster: sum(v) / len(v) for cluster, v in groups.items()}

    def lowest(self) -> str | None:
        """The rated domain with the lowest rating (first in Schalock's order on a tie), or ``None``."""
        rated = [k for k in QUALITY_OF_LIFE_DOMAINS if self.scores[k] is not None]
        return min(rated, key=lambda k: self.scores[k]) if rated else None

    def lowest_all(self) -> list[str]:
        """Every rated domain that shares the lowest rating, in Schalock's order (``[]`` if none rated)."""
        rated = [k for k in QUALITY_OF_LIFE_DOMAINS if self.scores[k] is not None]
        low = min((self.scores[k] for k in rated), default=None)
        return [k for k in rated if self.scores[k] == low]


def quality_of_life_exercise(lang: str = "nl") -> tuple[W.Widget, QualityOfLifeState]:
    """Rate Schalock's eight domains for a client and say how each depends on the network.

    Both choices start empty. The ratings give the mean per cluster (independence, social
    participation, well-being) and the lowest domain, for the discussion. "Controleer" gives
    feedback on the network answers: relations depend on the network directly, most others are
    easier to reach with a good network (emotional well-being and social inclusion: either).

    Returns
    -------
    (ipywidgets.VBox, QualityOfLifeState)
        The widget has ``scores`` and ``choices`` (domain key -> Dropdown), ``feedback``,
        ``clusters`` (HTML), ``check_button`` and ``summary``.

    Examples
    --------
    >>> widget, state = quality_of_life_exercise()
    >>> {d.label for d in widget.choices.values()}, {d.label for d in widget.scores.values()}
    ({'kies ...'}, {'-'})
    >>> widget.choices["relations"].value = "direct"; widget.choices["material"].value = "direct"
    >>> widget.check_button.click(); state.n_right
    1
    >>> widget.scores["rights"].value = 3; widget.scores["relations"].value = 6
    >>> state.lowest(), state.cluster_means()
    ('rights', {'sociale participatie': 4.5})
    """
    state = QualityOfLifeState(lang)
    box = W.VBox(layout=W.Layout(max_width="960px"))
    box.add_class("netles-quality-of-life")
    score_options = [("-", ""), *[(str(i), i) for i in range(11)]]
    net_options = [(_t("choose", lang), ""), *[(_pick(o[1:], lang), o[0]) for o in _NET_OPTIONS]]
    box.scores, box.choices, box.feedback = {}, {}, {}
    header = W.HBox([W.HTML("", layout=W.Layout(width="230px")),
                     W.HTML(f"<i>{_t('score', lang)}</i>", layout=W.Layout(width="170px")),
                     W.HTML(f"<i>{_t('network', lang)}</i>")])
    rows = [header]
    for key, d in QUALITY_OF_LIFE_DOMAINS.items():
        name = W.HTML(f"<div style='line-height:1.3'><b>{html.escape(_pick(d['name'], lang))}</b><br>"
                      f"<span style='color:#555;font-size:90%'>{html.escape(_pick(d['cluster'], lang))}</span></div>",
                      layout=W.Layout(width="230px"))
        box.scores[key] = W.Dropdown(options=score_options, value="", layout=W.Layout(width="80px", margin="0 90px 0 0"))
        box.choices[key] = W.Dropdown(options=net_options, value="", layout=W.Layout(width="330px"))
        box.feedback[key] = W.HTML()
        box.scores[key].observe(lambda c, k=key: on_rate(k, None if c["new"] == "" else c["new"]), "value")
        box.choices[key].observe(lambda c, k=key: on_choose(k, c["new"] or None), "value")
        rows.append(W.VBox([W.HBox([name, box.scores[key], box.choices[key]]), box.feedback[key]],
                           layout=W.Layout(border_bottom="1px solid #ddd", padding="3px 0")))
    box.clusters = W.HTML()
    box.check_button = W.Button(description=_t("check", lang), button_style="primary")
    box.summary = W.HTML()

    def show_clusters() -> None:
        means = state.cluster_means()
        if not means:
            box.clusters.value = f"<p><i>{_t('no_scores', lang)}</i></p>"
            return
        names = {d["cluster"][0]: _pick(d["cluster"], lang) for d in QUALITY_OF_LIFE_DOMAINS.values()}
        digits = lambda v: f"{v:.1f}".replace(".", ",") if lang == "nl" else f"{v:.1f}"  # noqa: E731
        rows_html = "".join(f"<tr><td style='padding:1px 8px'>{html.escape(names[c])}</td>"
                            f"<td style='padding:1px 8px;text-align:right'>{digits(m)}</td></tr>" for c, m in means.items())
        low = state.lowest_all()
        rated = [k for k, v in state.scores.items() if v is not None]
        if len(rated) > 1 and len(low) == len(rated):
            # "lowest: emotional well-being" would be arbitrary when every rating is the same
            lowest = _t("all_same", lang)
        else:
            names = [html.escape(_pick(QUALITY_OF_LIFE_DOMAINS[k]["name"], lang)) for k in low]
            lowest = _t("lowest", lang, what=_join([f"<b>{n}</b>" for n in names], lang))
        box.clusters.value = (f"<table><tr><th style='text-align:left;padding:1px 8px'>{_t('cluster', lang)}</th>"
                              f"<th style='padding:1px 8px'>{_t('mean', lang)}</th></tr>{rows_html}</table>"
                              f"<p>{lowest}</p>")

    def on_rate(key: str, score: int | None) -> None:
        state.rate(key, score)
        show_clusters()

    def on_choose(key: str, option: str | None) -> None:
        state.choose(key, option)
        box.feedback[key].value = ""
        box.summary.value = ""

    def on_check(_=None) -> None:
        state.check()
        for key in QUALITY_OF_LIFE_DOMAINS:
            box.feedback[key].value = _feedback_html(state.feedback.get(key))
        box.summary.value = f"<div style='line-height:1.45'><b>{html.escape(state.summary())}</b></div>"

    box.check_button.on_click(on_check)
    show_clusters()
    box.children = [W.HTML(f"<h4 style='margin:4px 0'>{_t('qol_title', lang)}</h4>"
                           f"<p style='line-height:1.45'>{_t('qol_intro', lang)}</p>"),
                    *rows, box.check_button, box.summary, box.clusters]
    return box, state


# ------------------------------------------------------------------------------ support systems

SUPPORT_SYSTEMS = (
    ("personal", "persoonlijk steunsysteem", "personal support system"),
    ("societal", "maatschappelijk steunsysteem", "societal support system"),
    ("professional", "professionele hulp", "professional help"),
)
"""The three answers of :func:`support_system_exercise`: key, Dutch, English."""

_SYSTEM_OF_RELATION = {
    "volunteer": frozenset({"societal"}),
    "professional": frozenset({"professional"}),
    # A fellow client is peer contact (lotgenotencontact) through a provision, or has become a friend.
    "fellow_client": frozenset({"societal", "personal"}),
    # A club is open to everyone, but the people one knows there are one's own contacts.
    "club_member": frozenset({"personal", "societal"}),
}

_SYSTEM_WHY = {
    "personal": ("Iemand die de cliënt zelf kent en niet via een organisatie komt: familie, vrienden, buren, collega's, "
                 "kennissen.",
                 "Someone the client knows personally, not through an organisation: family, friends, neighbours, "
                 "colleagues, acquaintances."),
    "volunteer": ("Een vrijwilliger komt via een algemene voorziening: dat is het maatschappelijk steunsysteem.",
                  "A volunteer comes through a general provision: that is the societal support system."),
    "professional": ("Een betaalde hulpverlener hoort bij geen van beide steunsystemen: dit is professionele hulp, "
                     "de laatste trede van de kantelingsladder.",
                     "A paid worker belongs to neither support system: this is professional help, the last rung "
                     "of the kanteling ladder."),
    "fellow_client": ("Lotgenotencontact via een voorziening hoort bij het maatschappelijk steunsysteem; is een "
                      "medecliënt een vriend geworden, dan hoort hij of zij bij het persoonlijke. Beide kunnen.",
                      "Peer contact through a provision belongs to the societal support system; a fellow client who "
                      "has become a friend belongs to the personal one. Both are possible."),
    "club_member": ("Een club of buurtactiviteit staat open voor iedereen (maatschappelijk), maar de mensen die je "
                    "er kent zijn je eigen contacten (persoonlijk). Beide zijn te verdedigen.",
                    "A club or neighbourhood activity is open to all (societal), but the people you know there are "
                    "your own contacts (personal). Both can be defended."),
}


def support_system_of(relation: str) -> frozenset:
    """The support system(s) a person with this relation belongs to, by the teacher's guide.

    Examples
    --------
    >>> sorted(support_system_of("neighbour")), sorted(support_system_of("volunteer"))
    (['personal'], ['societal'])
    """
    if relation not in vocab.RELATION:
        raise ValueError(f"relation must be one of {vocab.RELATION.allowed()}, not {relation!r}")
    return _SYSTEM_OF_RELATION.get(relation, frozenset({"personal"}))


def support_system_exercise(net: EgoNetwork, lang: str = "nl") -> tuple[W.Widget, ExerciseState]:
    """Sort the people of a case into the personal or societal support system, or professional help.

    The personal support system is the client's own family, friends, neighbours and acquaintances;
    the societal one is what general provisions offer, such as volunteers and peer contact (the
    teacher's guide, introduction). Professionals belong to neither.

    Examples
    --------
    >>> from netles import datasets
    >>> widget, state = support_system_exercise(datasets.load_case("voorbeeld"))
    >>> widget.choices["F"].value = "professional"; widget.choices["A"].value = "societal"
    >>> widget.check_button.click(); state.n_right, len(state.items)
    (1, 6)
    """
    items = []
    for alter in net.alters.to_dict("records"):
        relation = alter["relation"]
        name = alter.get("name") if isinstance(alter.get("name"), str) and alter.get("name") else alter["alter_id"]
        # Case names often carry the role already ("Ineke (dochter)"); add the relation only when not.
        text = tuple(name if "(" in name else f"{name} ({vocab.label('relation', relation, lg)})"
                     for lg in vocab.LANGUAGES)
        why = _SYSTEM_WHY.get(relation, _SYSTEM_WHY["personal"])
        items.append(ExerciseItem(str(alter["alter_id"]), text, support_system_of(relation), why))
    return choice_exercise(items, SUPPORT_SYSTEMS, lang, title=_T["sys_title"], intro=_T["sys_intro"],
                           label_width="320px")


# ------------------------------------------------------------------------------ who carries most

_W = {
    "nobody": ("In deze casus geeft niemand uit het eigen netwerk van de cliënt steun die in de gegevens staat: "
               "alle steun komt van vrijwilligers of professionals, of er is geen steun. Wie zou dat kunnen worden, "
               "en wat is daarvoor nodig?",
               "In this case nobody from the client's own network gives recorded support: all support comes from "
               "volunteers or professionals, or there is none. Who could, and what would that take?"),
    "one": ("Uit het eigen netwerk geeft <b>{who}</b> de meeste soorten steun: {k} van de 5.",
            "Of the client's own network, <b>{who}</b> gives the most kinds of support: {k} of 5."),
    "several": ("Uit het eigen netwerk geven <b>{who}</b> de meeste soorten steun: elk {k} van de 5.",
                "Of the client's own network, <b>{who}</b> give the most kinds of support: {k} of 5 each."),
    "hours": ("{who} geeft ongeveer {h} uur zorg per week.", "{who} gives about {h} hours of care a week."),
    "ask_carer": ("Wat gebeurt er met {who} als de gemeente nog een taak bij het netwerk legt?",
                  "What happens to {who} if the municipality puts one more task on the network?"),
    "ask_one": ("Wat gebeurt er met deze persoon als de gemeente nog een taak bij het netwerk legt?",
                "What happens to this person if the municipality puts one more task on the network?"),
    "ask_several": ("Wat gebeurt er met deze mensen als de gemeente nog een taak bij het netwerk legt?",
                    "What happens to these people if the municipality puts one more task on the network?"),
}

_FORMAL = ("volunteer", "professional")

NEARBY_MINUTES = 60
"""Travel time (minutes) within which someone can simply join a kitchen-table conversation."""


def _is_minor(age: Any) -> bool:
    return isinstance(age, (int, float)) and not isinstance(age, bool) and age == age and age < 18


def _sentence(text: str) -> str:
    """``text`` ending in a full stop, unless it already ends a sentence ("wat gebeurt er hierna?")."""
    return text if text.endswith((".", "?", "!")) else text + "."


def who_carries_most(net: EgoNetwork, lang: str = "nl") -> str:
    """A few sentences on who in the client's own network carries most, for the crowding-out discussion.

    The kinds of support per person come from :func:`netles.metrics.support_given`; volunteers and
    professionals are left out (the question is what informal care already carries). The hours come
    from the case's ``carer`` block when it has one.

    Examples
    --------
    >>> from netles import datasets
    >>> text = who_carries_most(datasets.load_case("senior_55plus"))
    >>> "Ineke (dochter)" in text, "6 uur" in text
    (True, True)
    """
    idx = _lang_index(lang)
    kinds = metrics.support_given(net).sum(axis=1)
    relation = net.alters.set_index("alter_id")["relation"]
    informal = kinds[[relation[a] not in _FORMAL for a in kinds.index]]
    parts = []
    carer = net.extra.get("carer")
    carer_name = None
    if isinstance(carer, Mapping) and carer.get("carer_alter_id") and carer.get("hours_per_week"):
        carer_name = _name(net, carer["carer_alter_id"], lang)
        parts.append(_W["hours"][idx].format(who=html.escape(carer_name[0].upper() + carer_name[1:]),
                                             h=_cell(carer["hours_per_week"])))
    if informal.empty or int(informal.max()) == 0:
        parts.append(_W["nobody"][idx])
        ask = _W["ask_carer"][idx].format(who=html.escape(carer_name)) if carer_name else ""
    else:
        top = [str(a) for a in informal.index[informal == informal.max()]]
        who = _join([html.escape(_name(net, a, lang)) for a in top], lang)
        parts.append(_W["one" if len(top) == 1 else "several"][idx].format(who=who, k=int(informal.max())))
        ask = (_W["ask_carer"][idx].format(who=html.escape(carer_name)) if carer_name
               else _W["ask_one" if len(top) == 1 else "ask_several"][idx])
    return (f"<div style='line-height:1.45'><p>{' '.join(parts)}</p>" + (f"<p><i>{ask}</i></p>" if ask else "")
            + "</div>")


_join = vocab.join_words


# ------------------------------------------------------------------------------ the Dutch frame (01b)

_TRUE_FALSE = (("true", "juist", "true"), ("false", "onjuist", "false"))


def _item(key: str, nl: str, en: str, accepted: str, why_nl: str, why_en: str) -> ExerciseItem:
    return ExerciseItem(key, (nl, en), frozenset(accepted.split("|")), (why_nl, why_en))


POLICY_TOPICS: dict[str, dict[str, Any]] = {
    "decentralisaties": {
        "title": ("Wie regelt wat sinds 2015?", "Who arranges what since 2015?"),
        "intro": ("Kies per situatie de wet waar de hulp onder valt.",
                  "For each situation, choose the act the help falls under."),
        "options": (("wmo", "Wmo 2015 (gemeente)", "Wmo 2015 (municipality)"),
                    ("jeugdwet", "Jeugdwet (gemeente)", "Youth Act (municipality)"),
                    ("participatiewet", "Participatiewet (gemeente)", "Participation Act (municipality)"),
                    ("wlz", "Wet langdurige zorg (zorgkantoor)", "Long-term Care Act (care office)"),
                    ("zvw", "Zorgverzekeringswet (zorgverzekeraar)", "Health Insurance Act (insurer)")),
        "items": (
            _item("huishouden", "Een weduwnaar van 79 redt het huishouden niet meer alleen.",
                  "A widower of 79 can no longer manage the housework alone.", "wmo",
                  "Hulp bij het huishouden is maatschappelijke ondersteuning: de gemeente, via de Wmo.",
                  "Help with housework is social support: the municipality, under the Wmo."),
            _item("respijt", "Een dochter die al jaren voor haar ouders zorgt, wil af en toe een dag vrij.",
                  "A daughter who has cared for her parents for years wants a day off now and then.", "wmo",
                  "Steun aan mantelzorgers, zoals respijtzorg, is een taak van de gemeente onder de Wmo.",
                  "Support for carers, such as respite care, is a task of the municipality under the Wmo."),
            _item("jeugd", "Een meisje van 14 heeft hulp nodig omdat ze niet meer naar school durft.",
                  "A girl of 14 needs help because she no longer dares to go to school.", "jeugdwet",
                  "Hulp aan jongeren onder de 18, ook jeugd-ggz, regelt de gemeente via de Jeugdwet.",
                  "Help for young people under 18, mental health care included, is arranged by the municipality "
                  "under the Youth Act."),
            _item("werk", "Een man met een bijstandsuitkering wil weer aan het werk.",
                  "A man on social assistance wants to get back to work.", "participatiewet",
                  "Bijstand en hulp naar werk voor wie dat niet zelf lukt: de gemeente, via de Participatiewet.",
                  "Social assistance and help into work for those who cannot manage it alone: the municipality, "
                  "under the Participation Act."),
            _item("wlz", "Een vrouw met vergevorderde dementie heeft dag en nacht zorg en toezicht nodig.",
                  "A woman with advanced dementia needs care and supervision day and night.", "wlz",
                  "Blijvend 24 uur per dag zorg of toezicht dichtbij valt onder de Wet langdurige zorg; het "
                  "zorgkantoor regelt het.",
                  "Permanent round-the-clock care or supervision falls under the Long-term Care Act; the care "
                  "office arranges it."),
            _item("wijkverpleging", "Een man heeft na een operatie thuis dagelijks wondverzorging nodig.",
                  "After an operation, a man needs daily wound care at home.", "zvw",
                  "Wijkverpleging valt sinds 2015 onder de Zorgverzekeringswet: de zorgverzekeraar betaalt.",
                  "Since 2015, district nursing falls under the Health Insurance Act: the insurer pays."),
        ),
    },
    "familiegroepsplan": {
        "title": ("Het familiegroepsplan: juist of onjuist?", "The family group plan: true or false?"),
        "intro": ("Beoordeel elke bewering.", "Judge each statement."),
        "options": _TRUE_FALSE,
        "items": (
            _item("schrijft", "De jeugdhulpverlener schrijft het familiegroepsplan; de familie zet haar handtekening.",
                  "The youth care worker writes the family group plan; the family signs it.", "false",
                  "Het plan is van de ouders en hun familie en omgeving: zij maken het zelf.",
                  "The plan belongs to the parents, their relatives and others close to them: they make it themselves."),
            _item("prive", "Tijdens de bijeenkomst overlegt de familie een tijd zonder professionals erbij.",
                  "During the meeting the family talks for a while without professionals present.", "true",
                  "Dat is de privétijd: professionals geven eerst informatie en gaan dan de kamer uit.",
                  "That is the private time: professionals first give information and then leave the room."),
            _item("coordinator", "De coördinator bereidt de bijeenkomst voor en bemoeit zich niet met de inhoud van het plan.",
                  "The coordinator prepares the meeting and does not interfere with the content of the plan.", "true",
                  "De coördinator nodigt uit en zorgt dat het overleg kan plaatsvinden; de inhoud is aan de familie.",
                  "The coordinator invites people and makes the meeting possible; the content is up to the family."),
            _item("aanbieden", "Een jeugdhulpaanbieder hoeft ouders niet te wijzen op de mogelijkheid van een familiegroepsplan.",
                  "A youth care provider need not tell parents they can make a family group plan.", "false",
                  "De Jeugdwet (art. 4.1.2) verplicht aanbieders en gecertificeerde instellingen om die kans te "
                  "bieden als de hulp begint.",
                  "The Youth Act (art. 4.1.2) obliges providers and certified institutions to offer that chance "
                  "when help starts."),
        ),
    },
    "wet_big": {
        "title": ("Voorbehouden handelingen in het netwerk: juist of onjuist?",
                  "Reserved procedures in the network: true or false?"),
        "intro": ("Beoordeel elke bewering.", "Judge each statement."),
        "options": _TRUE_FALSE,
        "items": (
            _item("insuline", "Een dochter mag haar vader thuis insuline spuiten als ze dat goed kan.",
                  "A daughter may give her father insulin injections at home if she can do it well.", "true",
                  "De regels voor voorbehouden handelingen gelden voor wie het beroepsmatig doet; in de privésfeer "
                  "mag een naaste het als die bekwaam is.",
                  "The rules on reserved procedures bind those who act professionally; in private life a relative "
                  "may do it when competent."),
            _item("registratie", "Een mantelzorger heeft een BIG-registratie nodig om zijn vrouw te katheteriseren.",
                  "A carer needs a BIG registration to catheterise his wife.", "false",
                  "Een naaste handelt niet beroepsmatig: registratie is niet nodig, bekwaamheid wel.",
                  "A relative does not act professionally: no registration is needed, competence is."),
            _item("vrijwilliger", "Een vrijwilliger die via een zorgorganisatie komt, valt onder de regels van die organisatie.",
                  "A volunteer who comes through a care organisation falls under that organisation's rules.", "true",
                  "Wie via een organisatie helpt, volgt de afspraken en protocollen van die organisatie.",
                  "Someone helping through an organisation follows that organisation's agreements and protocols."),
            _item("afspraken", "Als een naaste een handeling mag doen, hoeft niemand afspraken te maken over "
                               "verantwoordelijkheid.",
                  "Once a relative may perform a procedure, nobody needs to agree on responsibility.", "false",
                  "Juist dan is de vraag wie aansprakelijk is en wat er is afgesproken met de professionals; les 03b "
                  "werkt dat uit.",
                  "That is exactly when the question is who is liable and what was agreed with the professionals; "
                  "lesson 03b works this out."),
        ),
    },
    "avg": {
        "title": ("Een netwerkkaart en de AVG: juist of onjuist?", "A network map and the GDPR: true or false?"),
        "intro": ("Beoordeel elke situatie.", "Judge each situation."),
        "options": _TRUE_FALSE,
        "items": (
            _item("groepsapp", "Je zet de netwerkkaart van een cliënt in de groepsapp van je stageteam, dan kan "
                               "iedereen meekijken.",
                  "You post a client's network map in your placement team's group chat so everyone can see it.",
                  "false",
                  "Een netwerkkaart bevat persoonsgegevens, vaak ook over gezondheid. Bewaar en deel hem alleen "
                  "in het systeem van de organisatie, met wie hem nodig heeft.",
                  "A network map holds personal data, often about health too. Store and share it only in the "
                  "organisation's system, with those who need it."),
            _item("minimaal", "Je zet op de kaart alleen wat nodig is voor de hulpvraag.",
                  "You put on the map only what the support question needs.", "true",
                  "Dat is dataminimalisatie: niet alles wat je weet, hoort op de kaart.",
                  "That is data minimisation: not everything you know belongs on the map."),
            _item("derden", "Over de familie en buren op de kaart hoef je niet na te denken; het gaat om de cliënt.",
                  "You need not think about the relatives and neighbours on the map; it is about the client.", "false",
                  "Ook zij staan met gegevens op de kaart en hebben recht op zorgvuldige omgang daarmee.",
                  "They appear on the map with their data too and have a right to have it handled with care."),
            _item("schuilnaam", "Voor een schoolopdracht gebruik je echte namen, anders klopt de analyse niet.",
                  "For a school assignment you use real names, otherwise the analysis is wrong.", "false",
                  "Een analyse werkt net zo goed met schuilnamen of initialen; echte namen horen niet in een opdracht.",
                  "An analysis works just as well with pseudonyms or initials; real names do not belong in an assignment."),
            _item("inzien", "De cliënt mag de netwerkkaart die over hem of haar is gemaakt inzien.",
                  "Clients may see the network map made about them.", "true",
                  "De cliënt heeft recht op inzage in de eigen gegevens; maak de kaart bij voorkeur samen.",
                  "Clients have a right to see their own data; preferably make the map together."),
        ),
    },
    "mantelzorg_cbs": {
        "title": ("Telt dit als mantelzorg volgens het CBS?", "Does this count as informal care by the CBS definition?"),
        "intro": ("Het CBS telt zorg voor iemand uit de eigen kring die langdurig ziek of hulpbehoevend is, als die "
                  "minstens drie maanden duurt of minstens acht uur per week.",
                  "Statistics Netherlands (CBS) counts care for someone in one's own circle who is ill or in need "
                  "of help for a long time, if it lasts at least three months or at least eight hours a week."),
        "options": (("yes", "telt mee", "counts"), ("no", "telt niet mee", "does not count")),
        "items": (
            _item("jaren", "Een dochter helpt haar ouders al vier jaar, zo'n 24 uur per week.",
                  "A daughter has helped her parents for four years, about 24 hours a week.", "yes",
                  "Langer dan drie maanden en meer dan acht uur per week: het telt op beide gronden.",
                  "Longer than three months and more than eight hours a week: it counts on both grounds."),
            _item("halfjaar", "Een zoon doet al een half jaar twee uur per week de administratie van zijn zieke moeder.",
                  "For half a year a son has done his ill mother's paperwork two hours a week.", "yes",
                  "Het duurt langer dan drie maanden; dan telt ook een paar uur per week mee.",
                  "It has lasted longer than three months; then a few hours a week count too."),
            _item("kort", "Een buurman doet twee weken lang boodschappen voor een buurvrouw die griep heeft.",
                  "A neighbour does the shopping for two weeks for a neighbour with flu.", "no",
                  "Kort en minder dan acht uur per week, voor een korte ziekte: dat is burenhulp, geen mantelzorg "
                  "in de zin van het CBS.",
                  "Short, under eight hours a week, for a short illness: neighbourly help, not informal care as "
                  "the CBS counts it."),
            _item("intensief", "Een vrouw zorgt zes weken lang 20 uur per week voor haar man na een beroerte.",
                  "For six weeks a woman cares for her husband 20 hours a week after a stroke.", "yes",
                  "Korter dan drie maanden, maar meer dan acht uur per week: het telt mee.",
                  "Shorter than three months, but more than eight hours a week: it counts."),
            _item("vrijwilliger", "Een vrijwilliger van de boodschappendienst helpt wekelijks een oudere die ze niet kende.",
                  "A volunteer of the shopping service helps an older person she did not know, every week.", "no",
                  "Ze helpt via een organisatie iemand buiten haar eigen kring: dat is vrijwilligerswerk.",
                  "She helps someone outside her own circle through an organisation: that is volunteering."),
        ),
    },
}
"""The exercises of lesson 01b: topic -> title, intro, options and items (Dutch and English)."""


def policy_exercise(topic: str, lang: str = "nl") -> tuple[W.Widget, ExerciseState]:
    """One of the exercises on the Dutch legal and policy frame (:data:`POLICY_TOPICS`).

    Parameters
    ----------
    topic : {"decentralisaties", "familiegroepsplan", "wet_big", "avg", "mantelzorg_cbs"}
    lang : {"nl", "en"}

    Examples
    --------
    >>> widget, state = policy_exercise("wet_big")
    >>> widget.choices["insuline"].value = "true"; widget.choices["registratie"].value = "true"
    >>> widget.check_button.click(); state.n_right
    1
    """
    if topic not in POLICY_TOPICS:
        raise KeyError(f"no policy exercise {topic!r}; choose one of: {', '.join(POLICY_TOPICS)}")
    spec = POLICY_TOPICS[topic]
    return choice_exercise(spec["items"], spec["options"], lang, title=spec["title"], intro=spec["intro"])


# ------------------------------------------------------------------------------ keukentafelgesprek

KEUKENTAFEL_TOPICS: dict[str, dict[str, tuple[str, str]]] = {
    "vraag": {"topic": ("de hulpvraag: wat wil de cliënt bereiken?", "the request: what does the client want to achieve?"),
              "why": ("Het gesprek begint bij wat de cliënt wil, niet bij wat er te krijgen is.",
                      "The conversation starts from what the client wants, not from what is on offer.")},
    "zelf": {"topic": ("wat de cliënt zelf kan of kan leren", "what the client can do or learn to do"),
             "why": ("Dit is de eerste trede van de ladder; wie hem overslaat, neemt de cliënt onnodig iets uit handen.",
                     "This is the first rung of the ladder; skipping it takes things out of the client's hands "
                     "for no reason.")},
    "huisgenoten": {"topic": ("wat huisgenoten gewoon voor elkaar doen (gebruikelijke hulp)",
                              "what members of the household normally do for each other (usual help)"),
                    "why": ("Van huisgenoten mag de gemeente meer verwachten dan van familie buiten het huis; "
                            "maak dat bespreekbaar.",
                            "The municipality may expect more of household members than of relatives living "
                            "elsewhere; put it on the table.")},
    "netwerk": {"topic": ("wie uit het netwerk iets wil én kan doen, en wat precies",
                          "who in the network is willing and able to do something, and what exactly"),
                "why": ("Willen en kunnen zijn twee vragen; vraag het de mensen zelf in plaats van het aan te nemen.",
                        "Willing and able are two questions; ask the people themselves instead of assuming.")},
    "belasting": {"topic": ("hoe zwaar de zorg nu is voor de mantelzorger", "how heavy the care is now for the carer"),
                  "why": ("Wie al veel doet, kan er vaak niets bij hebben; het onderzoek gaat ook over de steun die "
                          "de mantelzorger zelf nodig heeft.",
                          "Someone who already does a lot often cannot take on more; the assessment also covers "
                          "the support the carer needs.")},
    "voorzieningen": {"topic": ("algemene voorzieningen in de buurt", "general provisions in the neighbourhood"),
                      "why": ("Een boodschappendienst, een maatje of een inloop lost soms veel op, zonder indicatie.",
                              "A shopping service, a buddy or a drop-in sometimes solves a lot, without an assessment.")},
    "ondersteuner": {"topic": ("onafhankelijke cliëntondersteuning en het eigen plan",
                               "independent client support and the client's own plan"),
                     "why": ("De cliënt mag een gratis cliëntondersteuner meenemen en vooraf zelf een plan indienen; "
                             "zeg dat.",
                             "The client may bring a free independent client supporter and hand in a plan of their "
                             "own beforehand; say so.")},
    "planb": {"topic": ("wat er gebeurt als iemand uit het netwerk uitvalt", "what happens if someone in the network drops out"),
              "why": ("Een plan dat op één persoon rust, valt om als die persoon ziek wordt of afhaakt.",
                      "A plan resting on one person collapses when that person falls ill or drops out.")},
    "afspraken": {"topic": ("de afspraken en het verslag: wat gebeurt er hierna?",
                            "the agreements and the report: what happens next?"),
                  "why": ("De cliënt krijgt een verslag van het gesprek en mag erop reageren; daarna volgen de aanvraag "
                          "en het besluit.",
                          "The client receives a written report of the conversation and may respond; then come "
                          "the application and the decision.")},
}
"""What a Wmo assessment conversation should cover (Wmo 2015, art. 2.3.2), in our words, with why."""

_K = {
    "title": ("Rollenspel: het keukentafelgesprek", "Role play: the kitchen-table conversation"),
    "cards": ("Rolkaarten", "Role cards"),
    "checklist": ("Checklist voor de observator", "Checklist for the observer"),
    "debrief": ("Nabespreken", "Debrief"),
    "client": ("Cliënt", "Client"),
    "carer": ("Mantelzorger of naaste", "Carer or relative"),
    "consultant": ("Wmo-consulent of wijkteam", "Wmo consultant or neighbourhood team"),
    "observer": ("Observator", "Observer"),
    "client_text": ("Jij bent de hoofdpersoon van de casus. Lees het vignet. Jij bepaalt wat je vertelt; je hoeft "
                    "niet alles meteen op tafel te leggen.",
                    "You are the main person of the case. Read the vignette. You decide what you tell; you need "
                    "not put everything on the table at once."),
    "ego_is_carer": ("In deze casus is de hoofdpersoon zelf mantelzorger. Jij speelt {who}, voor wie de hulp "
                     "gevraagd wordt. Jij bepaalt wat je vertelt.",
                     "In this case the main person is the carer. You play {who}, for whom the help is requested. "
                     "You decide what you tell."),
    "carer_text": ("Jij speelt {who}. Je geeft ongeveer {hours} uur per week zorg{years}.",
                   "You play {who}. You give about {hours} hours of care a week{years}."),
    # "; de reden:" rather than a new sentence: a name like "Moeder D." would end in "D.."
    "cares_for": ("Je zorgt voor {whom}; de reden: {reason}.",
                  "You care for {whom}; the reason: {reason}."),
    "the_client": ("de cliënt", "the client"),
    "young": ("Je bent een jonge mantelzorger, jonger dan 18. Vertel over school, vrienden en sport pas als ernaar "
              "gevraagd wordt.",
              "You are a young carer, under 18. Talk about school, friends and sport only when asked."),
    "young_consultant": ("Let op: de mantelzorger is jonger dan 18. Vraag ook naar school, vrienden en vrije tijd, en "
                         "naar steun voor de jongere zelf. De CSI is voor volwassen mantelzorgers gemaakt.",
                         "Note: the carer is under 18. Also ask about school, friends and free time, and about "
                         "support for the young person. The CSI was made for adult carers."),
    "years": (", al {n} jaar", ", for {n} years"),
    "csi": ("Jouw belasting (CSI): {score} van 13, {band}. Laat dat merken als de consulent ernaar vraagt.",
            "Your strain (CSI): {score} of 13, {band}. Let it show when the consultant asks."),
    "no_carer": ("In deze casus is geen vaste mantelzorger vastgelegd. Speel iemand uit de binnenste twee ringen "
                 "die mee aan tafel kan zitten: {who}.",
                 "This case records no regular carer. Play someone from the inner two rings who could join the "
                 "conversation: {who}."),
    "far_only": ("In deze casus is geen vaste mantelzorger vastgelegd, en wie de cliënt het nauwst omringt, woont ver "
                 "weg ({who}). Speel een van hen die via de telefoon meepraat, of laat deze rol weg en bespreek na "
                 "afloop wat het betekent dat niemand naast de cliënt aan tafel zit.",
                 "This case records no regular carer, and the people closest to the client live far away ({who}). "
                 "Play one of them joining by phone, or leave this role out and discuss afterwards what it means "
                 "that nobody sits beside the client at the table."),
    "nobody": ("In deze casus is geen vaste mantelzorger en staat niemand in de binnenste twee ringen die mee aan "
               "tafel kan zitten. Laat deze rol weg en bespreek na afloop wat dat voor het gesprek betekent.",
               "This case has no regular carer and nobody in the inner two rings who could join the conversation. "
               "Leave this role out and discuss afterwards what that means for the conversation."),
    "minor_client": ("Let op: de cliënt is jonger dan 18. Hulp aan jeugdigen valt onder de Jeugdwet, niet onder de "
                     "Wmo. Het gesprek gaat op een vergelijkbare manier, maar met de ouders of wie het gezag heeft "
                     "erbij, en de jongere praat zelf mee.",
                     "Note: the client is under 18. Help for young people falls under the Youth Act, not the Wmo. "
                     "The conversation goes in a similar way, but with the parents or whoever has parental "
                     "authority, and the young person takes part in it."),
    "consultant_text": ("Jij voert het gesprek. Begin bij de vraag van de cliënt en loop de onderwerpen van de "
                        "checklist langs in je eigen volgorde; welke hulp er nodig is, hoor je van de cliënt. Dit "
                        "weet je al van het netwerk:",
                        "You lead the conversation. Start from the client's request and cover the topics of the "
                        "checklist in your own order; what help is needed, you hear from the client. This is what "
                        "you already know of the network:"),
    "needs": ("Waar hulp bij nodig is (vertel het als ernaar gevraagd wordt):",
              "What help is needed with (tell it when asked):"),
    "observer_text": ("Jij zegt niets tijdens het gesprek. Vink aan welke onderwerpen echt besproken zijn en noteer "
                      "één vraag van de consulent die goed werkte.",
                      "You say nothing during the conversation. Tick the topics that were really discussed and note "
                      "one question of the consultant that worked well."),
    "name": ("naam", "name"), "relation": ("relatie", "relation"), "circle": ("cirkel", "circle"),
    "contact": ("contact", "contact"), "travel": ("reistijd (min)", "travel (min)"), "support": ("geeft nu", "gives now"),
    "hours_short": ("{h} u/w", "{h} h/wk"),
    "main_person": ("de hoofdpersoon van de casus", "the main person of the case"),
    "missed": ("Niet besproken: {topic} {why}", "Not discussed: {topic} {why}"),
    "covered": ("Alle onderwerpen zijn aan bod gekomen. Bespreek nu: wat zei de mantelzorger pas toen ernaar "
                "gevraagd werd?",
                "All topics were covered. Now discuss: what did the carer only say when asked?"),
    "count": ("{n} van de {total} onderwerpen besproken.", "{n} of {total} topics discussed."),
}


def _k(key: str, lang: str, **kw: Any) -> str:
    text = _K[key][_lang_index(lang)]
    return text.format(**kw) if kw else text


def _name(net: EgoNetwork, alter_id: str, lang: str) -> str:
    if alter_id == "ego":
        return _k("main_person", lang)
    alter = net.alter(alter_id)
    name = alter.get("name")
    return name if isinstance(name, str) and name else vocab.label("relation", alter["relation"], lang)


def _note(alter: Mapping, lang: str) -> str:
    """An alter's note from the case (e.g. temporarily unavailable), in brackets, or ``""``."""
    note = alter.get("note_en") if lang == "en" and isinstance(alter.get("note_en"), str) else alter.get("note")
    return f" ({note})" if isinstance(note, str) and note.strip() else ""


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "-"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class KeukentafelState:
    """The role cards of a case and what the observer ticked.

    Attributes
    ----------
    cards : dict
        Role (``client``, ``carer``, ``consultant``, ``observer``) -> the card as HTML.
    ticked : set of str
        Topics of :data:`KEUKENTAFEL_TOPICS` the observer ticked (none at the start).
    """

    def __init__(self, net: EgoNetwork, lang: str = "nl"):
        _lang_index(lang)
        self.network = net
        self.lang = lang
        self.ticked: set[str] = set()
        self.cards = {"client": self._client_card(), "carer": self._carer_card(),
                      "consultant": self._consultant_card(), "observer": f"<p>{_k('observer_text', lang)}</p>"}

    def tick(self, topic: str, done: bool = True) -> None:
        """Mark a topic as discussed (or not)."""
        if topic not in KEUKENTAFEL_TOPICS:
            raise KeyError(f"no topic {topic!r}")
        (self.ticked.add if done else self.ticked.discard)(topic)

    def missed(self) -> list[str]:
        """Topics not ticked, in checklist order."""
        return [t for t in KEUKENTAFEL_TOPICS if t not in self.ticked]

    def debrief(self) -> list[str]:
        """Plain sentences for the debrief: each missed topic and why it matters."""
        lines = [_k("count", self.lang, n=len(self.ticked), total=len(KEUKENTAFEL_TOPICS))]
        missed = self.missed()
        lines += [_k("missed", self.lang, topic=_sentence(_pick(KEUKENTAFEL_TOPICS[t]["topic"], self.lang)),
                     why=_pick(KEUKENTAFEL_TOPICS[t]["why"], self.lang)) for t in missed]
        if not missed:
            lines.append(_k("covered", self.lang))
        return lines

    # -- cards -------------------------------------------------------------------------------
    def _carer(self) -> Mapping | None:
        carer = self.network.extra.get("carer")
        return carer if isinstance(carer, Mapping) and carer.get("carer_alter_id") else None

    def _client_is_minor(self) -> bool:
        """Whether the person the conversation is about is under 18 (the ego, unless the ego is the carer)."""
        if (self._carer() or {}).get("carer_alter_id") == "ego":
            return False
        return _is_minor((self.network.ego or {}).get("age"))

    def _relatives_at_the_table(self) -> tuple[list[str], list[str]]:
        """Who could play the relative when the case records no carer: ``(near, far)`` names.

        People from the inner two rings who could sit at the kitchen table: not professionals or
        volunteers, not a strained or broken tie, not someone the case marks with a note (in
        hospital, temporarily unavailable), and not a child when the client is an adult. Adults come
        first; those who live more than :data:`NEARBY_MINUTES` away are listed apart.
        """
        net, lang = self.network, self.lang
        minor_client = _is_minor((net.ego or {}).get("age"))
        near, far = [], []
        for a in net.alters.sort_values("circle", kind="stable").to_dict("records"):
            if a["circle"] > 2 or a["relation"] in _FORMAL or a.get("status") not in (None, "active"):
                continue
            if a.get("valence") == "burdening" or (isinstance(a.get("note"), str) and a["note"].strip()):
                continue
            minor = _is_minor(a.get("age"))
            if minor and not minor_client:
                continue
            travel = a.get("travel_minutes")
            away = isinstance(travel, (int, float)) and travel == travel and travel > NEARBY_MINUTES
            (far if away else near).append((minor, _name(net, a["alter_id"], lang)))
        order = lambda people: [name for _, name in sorted(people, key=lambda p: p[0])][:3]  # noqa: E731
        return order(near), order(far)

    def _client_card(self) -> str:
        lang, net = self.lang, self.network
        text = (f"<p><b>{html.escape(datasets.case_title(net, lang))}</b></p>"
                f"<p>{html.escape(datasets.case_vignette(net, lang))}</p>")
        carer = self._carer()
        if carer and carer["carer_alter_id"] == "ego" and carer.get("cared_for"):
            # The main person is the carer: the Wmo request is for the person cared for.
            who = _join([_name(net, a, lang) for a in carer["cared_for"]], lang)
            text += f"<p>{html.escape(_k('ego_is_carer', lang, who=who))}</p>"
        else:
            text += f"<p>{_k('client_text', lang)}</p>"
        needs = (carer or {}).get("care_needs") or []
        # The descriptions of care needs are Dutch in the case files; an English lesson shows them only
        # when the case gives them in English too (the English vignette tells the same story).
        if needs and (lang == "nl" or all(n.get("need_en") for n in needs)):
            items = "".join(
                f"<li>{html.escape(str(n['need_en'] if lang == 'en' else n['need']))} "
                f"({_k('hours_short', lang, h=_cell(n.get('hours_per_week')))})</li>" for n in needs)
            text += f"<p>{_k('needs', lang)}</p><ul>{items}</ul>"
        return text

    def _carer_card(self) -> str:
        lang, net = self.lang, self.network
        carer = self._carer()
        if carer is None:
            near, far = self._relatives_at_the_table()
            if near:
                return f"<p>{html.escape(_k('no_carer', lang, who=_join(near, lang, 'or')))}</p>"
            if far:
                return f"<p>{html.escape(_k('far_only', lang, who=', '.join(far)))}</p>"
            return f"<p>{html.escape(_k('nobody', lang))}</p>"
        who = _name(net, carer["carer_alter_id"], lang)
        years = _k("years", lang, n=carer["years_caring"]) if carer.get("years_caring") else ""
        text = f"<p>{html.escape(_k('carer_text', lang, who=who, hours=_cell(carer.get('hours_per_week')), years=years))}"
        reason = carer.get("care_reason_en") if lang == "en" and carer.get("care_reason_en") else carer.get("care_reason")
        if reason and carer.get("cared_for"):
            # "de cliënt", not "de hoofdpersoon van de casus": the carer card speaks to the carer
            whom = _join([_k("the_client", lang) if a == "ego" else _name(self.network, a, lang)
                          for a in carer["cared_for"]], lang)
            text += " " + html.escape(_k("cares_for", lang, whom=whom, reason=reason))
        text += "</p>"
        if carer.get("young_carer"):
            text += f"<p>{html.escape(_k('young', lang))}</p>"
        if carer.get("csi"):
            result = scales.csi(carer["csi"])
            band = result.band.nl if lang == "nl" else result.band.en
            text += f"<p>{html.escape(_k('csi', lang, score=result.score, band=band))}</p>"
        return text

    def _consultant_card(self) -> str:
        lang, net = self.lang, self.network
        head = [_k(k, lang) for k in ("name", "relation", "circle", "contact", "travel", "support")]
        rows = []
        for a in net.alters.sort_values("circle", kind="stable").to_dict("records"):
            support = a.get("support") if isinstance(a.get("support"), (list, tuple)) else []
            gives = ", ".join(vocab.label("support", s, lang) for s in support) if a.get("support_direction") != "gives" else ""
            contact = vocab.label("contact", a["contact"], lang) if a.get("contact") in vocab.CONTACT else "-"
            rows.append((_name(net, a["alter_id"], lang) + _note(a, lang), vocab.label("relation", a["relation"], lang),
                         vocab.label("circle", a["circle"], lang), contact, _cell(a.get("travel_minutes")), gives or "-"))
        table = ("<table style='border-collapse:collapse;font-size:90%'><tr>"
                 + "".join(f"<th style='text-align:left;padding:1px 6px'>{html.escape(h)}</th>" for h in head) + "</tr>"
                 + "".join("<tr>" + "".join(f"<td style='padding:1px 6px'>{html.escape(str(c))}</td>" for c in r) + "</tr>"
                           for r in rows) + "</table>")
        text = f"<p>{_k('consultant_text', lang)}</p>{table}"
        if (self._carer() or {}).get("young_carer"):
            text += f"<p><i>{html.escape(_k('young_consultant', lang))}</i></p>"
        elif self._client_is_minor():
            text += f"<p><i>{html.escape(_k('minor_client', lang))}</i></p>"
        return text


def keukentafel_roleplay(net: EgoNetwork, lang: str = "nl") -> tuple[W.Widget, KeukentafelState]:
    """Role cards from a case and an observer's checklist for a role-played keukentafelgesprek.

    Four roles: the client (the case's vignette), the carer or a relative (hours and CSI strain from
    the case when it has a carer), the Wmo consultant (the case's network as recorded, and its care
    needs) and an observer, who ticks the topics of :data:`KEUKENTAFEL_TOPICS` that were really
    discussed. "Nabespreken" lists what was missed and why it matters. Nothing is ticked at the start.

    Returns
    -------
    (ipywidgets.VBox, KeukentafelState)
        The widget has ``cards`` (an Accordion of the four cards), ``topics`` (topic -> Checkbox),
        ``debrief_button`` and ``debrief`` (HTML).

    Examples
    --------
    >>> from netles import datasets
    >>> widget, state = keukentafel_roleplay(datasets.load_case("mantelval_dochter"))
    >>> "11 van 13" in state.cards["carer"]
    True
    >>> widget.topics["vraag"].value = True; widget.debrief_button.click()
    >>> state.missed()[0], "1 van de 9" in widget.debrief.value
    ('zelf', True)
    """
    state = KeukentafelState(net, lang)
    box = W.VBox(layout=W.Layout(max_width="900px"))
    box.add_class("netles-keukentafel")
    roles = ("client", "carer", "consultant", "observer")
    box.cards = W.Accordion(children=[W.HTML(f"<div style='line-height:1.45'>{state.cards[r]}</div>") for r in roles])
    for i, role in enumerate(roles):
        box.cards.set_title(i, _k(role, lang))
    box.topics = {}
    for key, spec in KEUKENTAFEL_TOPICS.items():
        box.topics[key] = W.Checkbox(value=False, description=_pick(spec["topic"], lang), indent=False,
                                     layout=W.Layout(width="auto"))
        box.topics[key].observe(lambda c, k=key: state.tick(k, bool(c["new"])), "value")
    box.debrief_button = W.Button(description=_k("debrief", lang), button_style="primary")
    box.debrief = W.HTML()

    def on_debrief(_=None) -> None:
        lines = state.debrief()
        box.debrief.value = (f"<div style='line-height:1.45'><p><b>{html.escape(lines[0])}</b></p><ul>"
                             + "".join(f"<li>{html.escape(line)}</li>" for line in lines[1:]) + "</ul></div>")

    box.debrief_button.on_click(on_debrief)
    box.children = [W.HTML(f"<h4 style='margin:4px 0'>{_k('title', lang)}</h4>"), box.cards,
                    W.HTML(f"<b>{_k('checklist', lang)}</b>"), *box.topics.values(), box.debrief_button, box.debrief]
    return box, state
