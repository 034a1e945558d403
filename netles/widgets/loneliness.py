"""Loneliness in lesson 02b: what the network map says and what the client feels.

Two instruments measure two different things (REFERENCES.md section 7):

* the **LSNS-6** (Lubben et al. 2006) counts the people someone sees, can talk to and could call on:
  it measures the *network*. :func:`netles.scales.lsns6_from_network` fills it in from a mapped
  network, so the map itself gives a score;
* the **De Jong Gierveld** scales (11 items, 1985; 6 items, 2006) ask how someone *feels*:
  emotional loneliness (missing an intimate bond) and social loneliness (missing a wider circle).
  No map can answer them; only the client can.

:func:`loneliness_check` puts the two side by side for a case: the LSNS-6 from the map with the
people counted for each question, and a De Jong Gierveld form the student fills in as the client
might answer it (a role play; in practice one asks the client). After scoring it names the
combination (:func:`loneliness_quadrant`): a small network and lonely, a small network and content,
a large network and still lonely, or neither. Every score and band comes from :mod:`netles.scales`;
the widget only combines the two bands into words.

:func:`loneliness_approaches` is a short exercise: which approach fits social, which emotional
loneliness, and what a professional cannot arrange.

References
----------
.. [1] De Jong Gierveld, J. & Van Tilburg, T. (2006). A 6-item scale for overall, emotional, and
   social loneliness. *Research on Aging*, 28(5).
.. [2] Lubben, J. et al. (2006). Performance of an abbreviated version of the Lubben Social Network
   Scale among three European community-dwelling older adult populations. *The Gerontologist*, 46(4).
.. [3] Admiraal, L. (2016). *Sociale netwerken. Docentenhandreiking*, themes 2 and 4. Hogeschool
   Utrecht.

Examples
--------
>>> from netles import datasets
>>> widget, state = loneliness_check(datasets.load_case("lhbti_oudere"))
>>> state.network_result.score, state.network_result.band.code
(12, 'not_at_risk')
>>> state.submit(["ja", "ja", "ja", "ja", "min of meer", "nee"])   # answered as the client might
>>> state.feeling.score, state.feeling.subscales, state.quadrant
(3, {'emotional': 2, 'social': 1}, 'large_lonely')
"""
from __future__ import annotations

import html
from typing import Any, Mapping, Sequence

import ipywidgets as W

from .. import scales, vocab
from ..network import EgoNetwork
from .policy import ExerciseItem, choice_exercise
from .forms import questionnaire_form

__all__ = [
    "FEELING_SCALES",
    "QUADRANTS",
    "loneliness_quadrant",
    "LonelinessState",
    "loneliness_check",
    "LONELINESS_APPROACHES",
    "loneliness_approaches",
    "stories_side_by_side",
]

FEELING_SCALES = ("djg6", "djg11")
"""The De Jong Gierveld scales a student can choose in :func:`loneliness_check`."""

QUADRANTS: dict[str, tuple[str, str]] = {
    "small_lonely": (
        "Klein netwerk en eenzaam. De kaart en het gevoel wijzen dezelfde kant op. Vraag wel wat de cliënt mist: "
        "een bredere kring (sociale eenzaamheid) vraagt iets anders dan het gemis van één hechte band "
        "(emotionele eenzaamheid).",
        "Small network and lonely. Map and feeling point the same way. Still ask what the client misses: a "
        "wider circle (social loneliness) calls for something else than missing one close bond (emotional "
        "loneliness).",
    ),
    "small_content": (
        "Klein netwerk, maar niet eenzaam. Weinig mensen is voor deze cliënt geen gemis. Dring geen contacten "
        "op; let wel op wat er gebeurt als een van de weinige mensen wegvalt, en vraag na een tijd opnieuw.",
        "Small network, but not lonely. Having few people is not a lack for this client. Do not push contacts; "
        "do watch what happens if one of the few people drops out, and ask again after a while.",
    ),
    "large_lonely": (
        "Genoeg mensen op de kaart, en toch eenzaam. Het aantal contacten zegt niet alles: het gaat om de "
        "kwaliteit en om wat iemand mist. Meer contacten regelen helpt hier weinig, zeker bij emotionele "
        "eenzaamheid.",
        "Enough people on the map, and still lonely. The number of contacts is not everything: what matters "
        "is their quality and what someone misses. Arranging more contacts helps little here, certainly with "
        "emotional loneliness.",
    ),
    "large_content": (
        "Genoeg mensen op de kaart en niet eenzaam. Kaart en gevoel zijn het eens; het netwerk draagt nu. "
        "Onderhouden is dan de opgave.",
        "Enough people on the map and not lonely. Map and feeling agree; the network carries now. Keeping it "
        "up is the task.",
    ),
}
"""The four combinations of network (LSNS-6 band) and feeling (De Jong Gierveld band), with what
they mean for a professional, in Dutch and English."""

_T = {
    "title": ("Netwerk en gevoel: twee metingen naast elkaar", "Network and feeling: two measurements side by side"),
    "map_head": ("Wat de kaart zegt: LSNS-6, ingevuld uit de netwerkkaart",
                 "What the map says: LSNS-6, filled in from the network map"),
    "map_note": ("De LSNS-6 telt mensen: familie en vrienden (buren meegeteld) die de cliënt minstens maandelijks "
                 "ziet of spreekt, met wie persoonlijke zaken te bespreken zijn en wie de cliënt om hulp zou kunnen "
                 "vragen. Hier telt netles ze op de kaart; in het echt vraag je het de cliënt.",
                 "The LSNS-6 counts people: relatives and friends (neighbours included) the client sees or hears "
                 "from at least monthly, can talk to about private matters and could call on for help. Here "
                 "netles counts them on the map; in practice you ask the client."),
    "question": ("vraag", "question"),
    "count": ("aantal", "number"),
    "who": ("wie (op de kaart)", "who (on the map)"),
    "score": ("Score {score} van 30 (familie {family}, vrienden {friends}): {band}. De grens voor risico op "
              "isolement ligt hier onder {cutoff}.",
              "Score {score} of 30 (family {family}, friends {friends}): {band}. The boundary for risk of "
              "isolation is below {cutoff} here."),
    "feel_head": ("Wat de cliënt voelt: de eenzaamheidsschaal van De Jong Gierveld",
                  "What the client feels: the De Jong Gierveld loneliness scale"),
    "feel_note": ("Een kaart kan deze vragen niet beantwoorden, alleen de cliënt. Oefen in tweetallen: één speelt de "
                  "cliënt en antwoordt zoals die dat volgens het verhaal zou doen, de ander vraagt. Klik dan op "
                  "'Bereken score'.",
                  "A map cannot answer these questions; only the client can. Practise in pairs: one plays the "
                  "client and answers as the story suggests, the other asks. Then click 'Compute score'."),
    "scale": ("Vragenlijst", "Questionnaire"),
    "compare_head": ("Kaart en gevoel samen", "Map and feeling together"),
    "waiting": ("Vul de vragenlijst in en klik op 'Bereken score'; dan zie je hier wat kaart en gevoel samen zeggen.",
                "Fill in the questionnaire and click 'Compute score'; then you see here what map and feeling say "
                "together."),
    "no_total": ("Er zijn te veel vragen zonder antwoord om een totaal te geven.",
                 "Too many questions are unanswered to give a total."),
    "emotional_more": ("De emotionele kant weegt het zwaarst: het gemis van een hechte band.",
                       "The emotional side weighs most: missing a close bond."),
    "social_more": ("De sociale kant weegt het zwaarst: het gemis van een bredere kring.",
                    "The social side weighs most: missing a wider circle."),
    "both_same": ("De sociale en de emotionele kant wegen ongeveer even zwaar.",
                  "The social and the emotional side weigh about the same."),
    "nobody": ("niemand", "nobody"),
}


_lang_index = vocab.language_index


def _t(key: str, lang: str, **kw: Any) -> str:
    text = _T[key][_lang_index(lang)]
    return text.format(**kw) if kw else text


def loneliness_quadrant(network: scales.ScaleResult, feeling: scales.ScaleResult) -> str | None:
    """Which of :data:`QUADRANTS` a network score and a loneliness score fall in.

    Parameters
    ----------
    network : ScaleResult
        An LSNS-6 result (:func:`netles.scales.lsns6` or :func:`~netles.scales.lsns6_from_network`);
        its band ``at_risk`` counts as a small network.
    feeling : ScaleResult
        A De Jong Gierveld result (:func:`netles.scales.djg6` or :func:`~netles.scales.djg11`);
        every band but ``not_lonely`` counts as lonely.

    Returns
    -------
    str or None
        A key of :data:`QUADRANTS`, or None when either result has no band (a missing total).

    Examples
    --------
    >>> from netles import scales
    >>> small = scales.lsns6([3, 4, 2, 1, 1, 0])              # total 11: at risk
    >>> loneliness_quadrant(small, scales.djg6(["nee", "ja", "ja", "nee", "ja", "nee"]))
    'small_content'
    """
    if network.band is None or feeling.band is None:
        return None
    size = "small" if network.band.code == "at_risk" else "large"
    mood = "content" if feeling.band.code == "not_lonely" else "lonely"
    return f"{size}_{mood}"


def _subscale_sentence(feeling: scales.ScaleResult, lang: str) -> str:
    """Which side of loneliness weighs most, as a share of each subscale's maximum."""
    spec = scales.SCALES[feeling.scale]
    emotional, social = feeling.subscales.get("emotional"), feeling.subscales.get("social")
    if emotional is None or social is None or (emotional == 0 and social == 0):
        return ""
    n_emotional = sum(1 for item in spec.items if item.subscale == "emotional")
    n_social = sum(1 for item in spec.items if item.subscale == "social")
    e, s = emotional / n_emotional, social / n_social
    if abs(e - s) < 0.15:
        return _t("both_same", lang)
    return _t("emotional_more" if e > s else "social_more", lang)


class LonelinessState:
    """The map's LSNS-6, the De Jong Gierveld answers and what the two say together.

    Parameters
    ----------
    network : EgoNetwork
    lang : {"nl", "en"}
    scale : {"djg6", "djg11"}
    lsns_cutoff : float
        The LSNS-6 boundary (a total below it is at risk; REFERENCES.md makes it a parameter).

    Attributes
    ----------
    network_result : ScaleResult
        :func:`netles.scales.lsns6_from_network` of the network.
    scale : str
    feeling : ScaleResult or None
        The last De Jong Gierveld result (after :meth:`submit`).
    quadrant : str or None
        A key of :data:`QUADRANTS` once both are known.
    message : str
        What the two say together, in plain words (empty before :meth:`submit`).
    """

    def __init__(self, network: EgoNetwork, lang: str = "nl", scale: str = "djg6",
                 lsns_cutoff: float = scales.LSNS6_CUTOFF):
        _lang_index(lang)
        self.lang = lang
        self.network = network
        self.lsns_cutoff = lsns_cutoff
        self.network_result = scales.lsns6_from_network(network, cutoff=lsns_cutoff)
        self.scale = ""
        self.feeling: scales.ScaleResult | None = None
        self.quadrant: str | None = None
        self.message = ""
        self._listeners: list = []
        self.choose_scale(scale)

    def on_change(self, callback) -> None:
        """Call ``callback(state)`` after every change."""
        self._listeners.append(callback)

    def _notify(self) -> None:
        for callback in list(self._listeners):
            callback(self)

    def choose_scale(self, scale: str) -> None:
        """Use another De Jong Gierveld scale; earlier answers and results are cleared."""
        if scale not in FEELING_SCALES:
            raise ValueError(f"scale must be one of {FEELING_SCALES}, not {scale!r}")
        self.scale = scale
        self.feeling, self.quadrant, self.message = None, None, ""
        self._notify()

    def submit(self, answers: Sequence | Mapping) -> None:
        """Score ``answers`` on the chosen scale and combine the result with the map's LSNS-6."""
        self.feeling = scales.score(self.scale, answers)
        self.quadrant = loneliness_quadrant(self.network_result, self.feeling)
        if self.quadrant is None:
            self.message = _t("no_total", self.lang)
        else:
            parts = [QUADRANTS[self.quadrant][_lang_index(self.lang)]]
            if self.quadrant.endswith("lonely"):
                parts.append(_subscale_sentence(self.feeling, self.lang))
            self.message = " ".join(p for p in parts if p)
        self._notify()

    def counted_people(self) -> dict[str, list[str]]:
        """LSNS-6 item key -> the names of the people the map counts for it."""
        ids = self.network_result.extra.get("alters", {})
        out = {}
        for key in scales.SCALES["lsns6"].item_keys:
            out[key] = [str(self.network.alter(a).get("name") or a) for a in ids.get(key, [])]
        return out


def _lsns_html(state: LonelinessState) -> str:
    lang, result = state.lang, state.network_result
    spec = scales.SCALES["lsns6"]
    counts = result.extra.get("counts", {})
    people = state.counted_people()
    cell = "padding:2px 8px;vertical-align:top;line-height:1.35"
    rows = "".join(
        f"<tr><td style='{cell}'>{html.escape(item.label(lang))}</td><td style='{cell};text-align:right'>"
        f"{counts.get(item.key, 0)}</td><td style='{cell}'>"
        f"{html.escape(', '.join(people[item.key]) or _t('nobody', lang))}</td></tr>"
        for item in spec.items)
    head = "".join(f"<th style='text-align:left;{cell}'>{html.escape(_t(k, lang))}</th>" for k in ("question", "count", "who"))
    score = _t("score", lang, score=result.score, family=result.subscales.get("family"),
               friends=result.subscales.get("friends"), band=result.band_label(lang) or "-",
               cutoff=f"{state.lsns_cutoff:g}")
    return (f"<p style='line-height:1.45'>{html.escape(_t('map_note', lang))}</p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
            f"<p><b>{html.escape(score)}</b></p>")


def loneliness_check(net: EgoNetwork, lang: str = "nl", *, scale: str = "djg6",
                     lsns_cutoff: float = scales.LSNS6_CUTOFF) -> tuple[W.Widget, LonelinessState]:
    """The LSNS-6 from a case's map beside a De Jong Gierveld form, and what the two say together.

    Parameters
    ----------
    net : EgoNetwork
        The case.
    lang : {"nl", "en"}
    scale : {"djg6", "djg11"}
        The loneliness scale to start with; a toggle switches between the two.
    lsns_cutoff : float
        LSNS-6 boundary: a total below it counts as at risk of isolation.

    Returns
    -------
    (ipywidgets.VBox, LonelinessState)
        The widget has ``scale`` (ToggleButtons), ``form`` (the current questionnaire form, see
        :func:`netles.widgets.questionnaire_form`: ``form.items``, ``form.submit_button``),
        ``lsns`` and ``comparison`` (HTML).

    Examples
    --------
    >>> from netles import datasets
    >>> widget, state = loneliness_check(datasets.load_case("statushouder_zonder_netwerk"))
    >>> state.network_result.band.code
    'at_risk'
    >>> for key, answer in zip(widget.form.items, ["ja", "nee", "nee", "ja", "nee", "min of meer"]):
    ...     widget.form.items[key].value = answer
    >>> widget.form.submit_button.click()
    >>> state.quadrant, state.feeling.band.code
    ('small_lonely', 'severe')
    >>> widget.scale.value = "djg11"
    >>> state.feeling is None, len(widget.form.items)
    (True, 11)
    """
    state = LonelinessState(net, lang, scale=scale, lsns_cutoff=lsns_cutoff)
    box = W.VBox(layout=W.Layout(max_width="920px"))
    box.add_class("netles-loneliness")
    box.lsns = W.HTML(_lsns_html(state))
    box.scale = W.ToggleButtons(options=[("De Jong Gierveld, 6 " + ("vragen" if lang == "nl" else "items"), "djg6"),
                                         ("De Jong Gierveld, 11 " + ("vragen" if lang == "nl" else "items"), "djg11")],
                                value=scale, description=_t("scale", lang), style={"description_width": "90px",
                                                                                  "button_width": "220px"})
    box.form_holder = W.VBox()
    box.comparison = W.HTML()
    box.form = None

    def show_comparison(_state=None) -> None:
        if state.feeling is None:
            box.comparison.value = f"<p style='color:#555'>{html.escape(_t('waiting', lang))}</p>"
            return
        colour = "#a40000" if state.quadrant and state.quadrant.endswith("lonely") else "#1d5e20"
        box.comparison.value = (f"<div class='netles-loneliness-message' style='line-height:1.45;color:{colour}'>"
                                f"<b>{html.escape(state.message)}</b></div>")

    def build_form() -> None:
        form, form_state = questionnaire_form(state.scale, lang)
        form.submit_button.on_click(lambda _b: state.submit(dict(form_state.answers)))
        box.form = form
        box.form_holder.children = [form]

    def on_scale(change) -> None:
        state.choose_scale(change["new"])
        build_form()

    box.scale.observe(on_scale, "value")
    state.on_change(show_comparison)
    build_form()
    show_comparison()
    box.children = [
        W.HTML(f"<h4 style='margin:4px 0'>{html.escape(_t('title', lang))}</h4>"),
        W.HTML(f"<b>{html.escape(_t('map_head', lang))}</b>"), box.lsns,
        W.HTML(f"<b>{html.escape(_t('feel_head', lang))}</b><p style='line-height:1.45'>"
               f"{html.escape(_t('feel_note', lang))}</p>"),
        box.scale, box.form_holder,
        W.HTML(f"<b>{html.escape(_t('compare_head', lang))}</b>"), box.comparison,
    ]
    return box, state


def stories_side_by_side(names: Sequence[str], lang: str = "nl", *,
                         lsns_cutoff: float = scales.LSNS6_CUTOFF) -> tuple[W.Widget, dict]:
    """Cases next to each other: title, vignette and the LSNS-6 their map gives.

    For a discussion of who might feel which kind of loneliness: the vignettes tell the story, the
    LSNS-6 (:func:`netles.scales.lsns6_from_network`) what the map says. The feeling is left to the
    students' questions.

    Returns
    -------
    (ipywidgets.HBox, dict)
        The dict maps each case name to its LSNS-6 result.

    Examples
    --------
    >>> widget, results = stories_side_by_side(["statushouder_zonder_netwerk", "lhbti_oudere"])
    >>> {name: r.band.code for name, r in results.items()}
    {'statushouder_zonder_netwerk': 'at_risk', 'lhbti_oudere': 'not_at_risk'}
    """
    from .. import datasets

    _lang_index(lang)
    cards, results = [], {}
    for name in names:
        net = datasets.load_case(name)
        result = scales.lsns6_from_network(net, cutoff=lsns_cutoff)
        results[name] = result
        score = _t("score", lang, score=result.score, family=result.subscales.get("family"),
                   friends=result.subscales.get("friends"), band=result.band_label(lang) or "-",
                   cutoff=f"{lsns_cutoff:g}")
        cards.append(W.HTML(
            f"<div style='border-left:3px solid #4c78a8;padding:2px 10px;line-height:1.45'>"
            f"<b>{html.escape(datasets.case_title(net, lang))}</b><br>{html.escape(datasets.case_vignette(net, lang))}"
            f"<p><i>LSNS-6 {'uit de kaart' if lang == 'nl' else 'from the map'}:</i> {html.escape(score)}</p></div>",
            layout=W.Layout(width=f"{max(300, 900 // max(len(names), 1))}px", max_width="100%")))
    box = W.HBox(cards, layout=W.Layout(flex_flow="row wrap", max_width="1000px"))
    box.add_class("netles-stories")
    return box, results


# ------------------------------------------------------------------------------ approaches

_APPROACH_OPTIONS = (
    ("social", "vooral bij sociale eenzaamheid", "mainly for social loneliness"),
    ("emotional", "vooral bij emotionele eenzaamheid", "mainly for emotional loneliness"),
    ("both", "bij allebei", "for both"),
    ("not", "zo niet: dat kan of mag een professional niet", "not like this: a professional cannot or may not"),
)

LONELINESS_APPROACHES: tuple[ExerciseItem, ...] = (
    ExerciseItem(
        "club", ("Samen zoeken naar een club, cursus of vrijwilligerswerk die past bij wat iemand graag doet.",
                 "Looking together for a club, course or volunteer work that fits what someone likes doing."),
        frozenset({"social"}),
        ("Een activiteit brengt een bredere kring en een rol: dat helpt tegen sociale eenzaamheid. Een hechte band "
         "groeit er soms uit, maar dat kun je niet plannen.",
         "An activity brings a wider circle and a role: that helps against social loneliness. A close bond "
         "sometimes grows from it, but you cannot plan that.")),
    ExerciseItem(
        "grief", ("Ruimte maken voor verdriet om een overleden partner, en daar in gesprekken op terugkomen.",
                  "Making room for grief over a partner who died, and coming back to it in conversations."),
        frozenset({"emotional"}),
        ("Het gemis van één hechte band is emotionele eenzaamheid; meer mensen om je heen vullen dat gat niet.",
         "Missing one close bond is emotional loneliness; more people around you do not fill that gap.")),
    ExerciseItem(
        "expectations", ("Samen bespreken hoeveel contact iemand echt wil, en wat voor hem of haar 'genoeg' is.",
                         "Talking together about how much contact someone really wants, and what 'enough' is for them."),
        frozenset({"both"}),
        ("Eenzaamheid is het verschil tussen de contacten die iemand heeft en die hij of zij wil. Ook de "
         "verwachting bespreken helpt, bij beide soorten.",
         "Loneliness is the gap between the contacts someone has and those they want. Talking about that "
         "expectation helps too, with both kinds.")),
    ExerciseItem(
        "peers", ("Contact met lotgenoten: mensen die hetzelfde meemaken, zoals andere nieuwkomers of weduwen.",
                  "Contact with peers: people going through the same, such as other newcomers or widows."),
        frozenset({"social", "both"}),
        ("Lotgenoten vormen een nieuwe kring (sociaal) en begrijpen iemand vaak zonder veel uitleg, wat ook "
         "emotioneel kan steunen: beide antwoorden zijn te verdedigen.",
         "Peers form a new circle (social) and often understand someone without much explaining, which can "
         "support emotionally too: both answers can be defended.")),
    ExerciseItem(
        "partner", ("Voor de cliënt een nieuwe beste vriend of partner regelen.",
                    "Arranging a new best friend or partner for the client."),
        frozenset({"not"}),
        ("Een hechte band kun je niet regelen. Wel kun je voorwaarden scheppen: plekken waar iemand mensen "
         "ontmoet, en steun bij het herstellen van een oude band.",
         "A close bond cannot be arranged. You can create conditions: places where someone meets people, and "
         "support in restoring an old bond.")),
    ExerciseItem(
        "push", ("De cliënt zegt niemand nodig te hebben; je plant toch elke week een nieuwe activiteit in.",
                 "The client says they need nobody; you plan a new activity every week all the same."),
        frozenset({"not"}),
        ("Dat gaat voorbij aan wat de cliënt zelf wil. Ga in gesprek over wat er achter die uitspraak zit, sluit aan "
         "bij wat iemand wel waardeert en begin klein.",
         "That ignores what the client wants. Talk about what lies behind the remark, connect with what the "
         "person does value, and start small.")),
    ExerciseItem(
        "revive", ("Helpen een verwaterd contact met een oude vriend of een familielid weer op te pakken.",
                   "Helping to pick up a faded contact with an old friend or a relative."),
        frozenset({"emotional", "both"}),
        ("Een oude vertrouwde band kan het gemis van nabijheid verkleinen (emotioneel) en maakt de kring ook weer "
         "groter: beide antwoorden zijn te verdedigen.",
         "An old trusted bond can ease the lack of closeness (emotional) and also widens the circle again: both "
         "answers can be defended.")),
)
"""The items of :func:`loneliness_approaches`: approaches with the kind of loneliness they fit."""


def loneliness_approaches(lang: str = "nl"):
    """Which approach fits which kind of loneliness, and what a professional cannot do.

    Examples
    --------
    >>> widget, state = loneliness_approaches()
    >>> widget.choices["partner"].value = "not"; widget.choices["grief"].value = "social"
    >>> widget.check_button.click(); state.n_right
    1
    """
    return choice_exercise(
        LONELINESS_APPROACHES, _APPROACH_OPTIONS, lang,
        title=("Welke aanpak past bij welke eenzaamheid?", "Which approach fits which loneliness?"),
        intro=("Kies per aanpak waar die vooral bij past. Klik daarna op Controleer en bespreek waar je twijfelde.",
               "Choose for each approach what it mainly fits. Then click Check and discuss where you hesitated."),
        label_width="460px")
