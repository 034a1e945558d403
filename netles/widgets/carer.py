"""The mantelzorger in lesson 03a: who cares for whom, the load measured, the carer over time.

The case's ``carer`` block (``data/cases/README.md``) says who the carer is (``carer_alter_id``:
``"ego"`` or an alter), for whom and why (``cared_for``, ``care_reason``), how many hours a week, and
may hold the carer's answers to the CSI and the EDIZ; a case with moments has a ``carer`` block per
moment. The builders here show those data; every score comes from :mod:`netles.scales`:

* :func:`carer_summary`: one sentence on who cares for whom, why and how much;
* :func:`carer_questionnaire`: choose a questionnaire (CSI, MCSI, EDIZ, CarerQol) from a dropdown and
  see it filled in with the case's answers where it has them. A young carer gets no CSI or EDIZ
  (both are made for adult carers); a case without a carer gets an empty form for a carer the
  student knows, with one sentence that says so;
* :func:`carer_over_time`: per moment the carer's hours, CSI and band, a bar chart of the CSI, and
  (when the client is the carer) who in the carer's own network faded;
* :func:`carer_card`: the carer and the care tasks of a case (for the young carer and the migrant
  family of the lesson);
* :func:`interview_guide`: the questions for the mantelzorger interview (opdracht 7 of the guide),
  from the themes a student chooses.

References
----------
.. [1] Admiraal, L. (2016). *Sociale netwerken. Docentenhandreiking*, theme 3 (belasting
   mantelzorger, opdracht 7). Hogeschool Utrecht.
.. [2] Robinson, B. C. (1983). Validation of a Caregiver Strain Index. *Journal of Gerontology*, 38(3).
.. [3] Pot, A. M., van Dyck, R. & Deeg, D. J. H. (1995). Ervaren druk door informele zorg (EDIZ).
   *Tijdschrift voor Gerontologie en Geriatrie*, 26.
"""
from __future__ import annotations

import html
from typing import Any, Mapping

import ipywidgets as W

from .. import datasets, scales, vocab
from ..models.dynamics import CSI_LIMIT
from ..moments import format_date
from ..network import EgoNetwork
from .policy import ExerciseItem, choice_exercise
from .forms import carer_of, questionnaire_form
from .quality import faded_between

__all__ = [
    "CARER_SCALES",
    "carer_summary",
    "cases_with_carer",
    "CarerFormState",
    "carer_questionnaire",
    "CarerTimelineState",
    "carer_over_time",
    "carer_card",
    "carer_story",
    "CARE_KINDS",
    "CARE_KIND_ITEMS",
    "care_kind_exercise",
    "INTERVIEW_THEMES",
    "InterviewState",
    "interview_guide",
]

CARER_SCALES = ("csi", "mcsi", "ediz", "carerqol")
"""The questionnaires on a carer's load a student can choose (REFERENCES.md section 3)."""

_T = {
    "ego": ("de hoofdpersoon van de casus", "the main person of the case"),
    "summary": ("Mantelzorger: {who}. Zorgt voor {whom}: {why}. Ongeveer {hours} uur per week{years}.",
                "Carer: {who}. Cares for {whom}: {why}. About {hours} hours a week{years}."),
    "years": (", al {n} jaar", ", for {n} years"),
    "year1": (", al 1 jaar", ", for 1 year"),
    "young": ("{who} is een jonge mantelzorger.", "{who} is a young carer."),
    "no_carer": ("In de casus ‘{title}’ is geen mantelzorger beschreven. Je kunt de vragenlijst invullen voor een "
                 "mantelzorger die je kent (zonder naam), of bovenaan een casus met een mantelzorger kiezen, "
                 "zoals {cases}.",
                 "The case ‘{title}’ describes no family carer. You can fill in the questionnaire for a carer "
                 "you know (without a name), or choose a case with a carer at the top, such as {cases}."),
    "young_no_form": ("De CSI, de MCSI, de EDIZ en de CarerQol zijn gemaakt en getoetst voor volwassen "
                      "mantelzorgers. Bij een jonge mantelzorger gebruik je ze niet; praat met hem of haar over "
                      "hoe het thuis, op school en met vrienden gaat.",
                      "The CSI, the MCSI, the EDIZ and the CarerQol were made and tested for adult carers. Do "
                      "not use them with a young carer; talk with them about how things are at home, at school "
                      "and with friends."),
    "prefilled": ("Ingevuld met de antwoorden van de mantelzorger uit de casus. Je kunt ze aanpassen en opnieuw "
                  "berekenen.",
                  "Filled in with the carer's answers from the case. You can change them and compute again."),
    "not_in_case": ("De casus heeft geen antwoorden op deze lijst. Vul in zoals je denkt dat de mantelzorger zou "
                    "antwoorden, en bespreek waarom.",
                    "The case has no answers to this list. Fill it in as you think the carer would answer, and "
                    "discuss why."),
    "scale": ("Vragenlijst", "Questionnaire"),
    "moment": ("moment", "moment"),
    "date": ("datum", "date"),
    "hours": ("uur zorg per week", "hours of care a week"),
    "csi": ("CSI (0-13)", "CSI (0-13)"),
    "band": ("uitkomst", "outcome"),
    "note": ("wat er speelde", "what was going on"),
    "no_moments": ("De casus ‘{title}’ volgt de mantelzorger niet over meer momenten. Dat doen {cases}.",
                   "The case ‘{title}’ does not follow the carer over several moments. {cases} do."),
    "chart_title": ("De belasting van de mantelzorger per moment (CSI)", "The carer's strain per moment (CSI)"),
    "chart_axis": ("CSI-score (0-13)", "CSI score (0-13)"),
    "limit": ("grens hoge belasting (7)", "high-strain cut-off (7)"),
    "own_faded": ("In het eigen netwerk van de mantelzorger verwaterden tussen ‘{a}’ en ‘{b}’: {names}.",
                  "In the carer's own network, between ‘{a}’ and ‘{b}’ these contacts faded: {names}."),
    "own_none": ("In het eigen netwerk van de mantelzorger verwaterde tussen ‘{a}’ en ‘{b}’ niemand.",
                 "In the carer's own network nobody faded between ‘{a}’ and ‘{b}’."),
    "client_network": ("Let op: de kaart is het netwerk van de cliënt, niet dat van de mantelzorger.",
                       "Note: the map is the client's network, not the carer's."),
    "task": ("taak", "task"),
    "task_hours": ("uur per week", "hours a week"),
    "could_help": ("wie uit het netwerk het doet of zou kunnen doen", "who in the network does it or could"),
    "nobody": ("niemand", "nobody"),
    "csi_line": ("CSI van de mantelzorger: {score} van 13 ({band}).", "The carer's CSI: {score} of 13 ({band})."),
    "tasks_head": ("De zorgtaken", "The care tasks"),
}


_lang_index = vocab.language_index


def _t(key: str, lang: str, **kw: Any) -> str:
    text = _T[key][_lang_index(lang)]
    return text.format(**kw) if kw else text


_and = vocab.join_words


def _person(net: EgoNetwork, who: str, lang: str) -> str:
    if who == "ego":
        return _t("ego", lang)
    if who in net.alter_ids:
        return str(net.alter(who).get("name") or who)
    return str(who)


def _block(net: EgoNetwork) -> Mapping:
    block = net.extra.get("carer")
    return block if isinstance(block, Mapping) else {}


def _number(value: Any, lang: str) -> str:
    text = f"{float(value):g}"
    return text.replace(".", ",") if lang == "nl" else text


def cases_with_carer(lang: str = "nl", *, with_csi: bool = False, over_time: bool = False) -> list[tuple[str, str]]:
    """``(name, title)`` of the bundled cases with an (adult) carer.

    Parameters
    ----------
    with_csi : bool
        Only cases whose carer has CSI answers.
    over_time : bool
        Only cases with at least two moments whose carer blocks have CSI answers.

    Examples
    --------
    >>> [name for name, _ in cases_with_carer(over_time=True)]
    ['mantelval_dochter', 'nah_herseninfarct']
    """
    out = []
    for name in datasets.case_names():
        net = datasets.load_case(name)
        block = _block(net)
        if carer_of(net) is None or block.get("young_carer"):
            continue
        if with_csi and block.get("csi") is None:
            continue
        if over_time and sum(1 for m in net.moments if (m.network.extra.get("carer") or {}).get("csi") is not None) < 2:
            continue
        out.append((name, datasets.case_title(net, lang)))
    return out


def carer_summary(net: EgoNetwork, lang: str = "nl") -> str:
    """One sentence on the case's carer: who, for whom, why, how many hours (empty without a carer).

    Examples
    --------
    >>> carer_summary(datasets.load_case("familiezorg_migratie"))
    'Mantelzorger: Elif (schoondochter). Zorgt voor de hoofdpersoon van de casus: hartfalen en diabetes; slechtziend. Ongeveer 25 uur per week, al 3 jaar.'
    """
    who = carer_of(net)
    if who is None:
        return ""
    block = _block(net)
    whom = _and([_person(net, w, lang) for w in block.get("cared_for", [])], lang) or "-"
    why = (block.get("care_reason_en") if lang == "en" else None) or block.get("care_reason") or "-"
    years = block.get("years_caring")
    years_text = ""
    if isinstance(years, (int, float)) and years >= 1:
        years_text = _t("year1", lang) if years == 1 else _t("years", lang, n=_number(years, lang))
    hours = block.get("hours_per_week")
    text = _t("summary", lang, who=_person(net, who, lang), whom=whom, why=why,
              hours=_number(hours, lang) if hours is not None else "?", years=years_text)
    if block.get("young_carer"):
        text += " " + _t("young", lang, who=_person(net, who, lang).capitalize() if who != "ego" else _t("ego", lang).capitalize())
    return text


# ------------------------------------------------------------------------------ questionnaires


class CarerFormState:
    """The questionnaire chosen for a case's carer and its result.

    Attributes
    ----------
    available : bool
        False for a young carer: the questionnaires are for adult carers, no form is shown.
    has_carer : bool
    scale : str
        The chosen questionnaire (a key of :data:`CARER_SCALES`).
    prefilled : bool
        Whether the form started from the case's answers.
    form_state : netles.widgets.FormState or None
    message : str
        What the widget says above the form (who the carer is, or why there is no form).
    """

    def __init__(self, net: EgoNetwork, lang: str = "nl"):
        _lang_index(lang)
        self.network = net
        self.lang = lang
        self.has_carer = carer_of(net) is not None
        self.available = not (self.has_carer and _block(net).get("young_carer"))
        self.scale = ""
        self.prefilled = False
        self.form_state = None
        self.message = ""

    @property
    def result(self) -> scales.ScaleResult | None:
        """The last score of the form (None before a score or without a form)."""
        return None if self.form_state is None else self.form_state.result

    def case_answers(self, scale: str) -> Any:
        """The case's answers to ``scale`` (``carer.csi``, ``carer.ediz`` ...), or None."""
        if not self.has_carer:
            return None
        return _block(self.network).get(scale)


def carer_questionnaire(net: EgoNetwork, lang: str = "nl", scale: str = "csi") -> tuple[W.Widget, CarerFormState]:
    """Choose a questionnaire on the carer's load from a dropdown; filled in from the case where it can.

    Parameters
    ----------
    net : EgoNetwork
        The case.
    lang : {"nl", "en"}
    scale : {"csi", "mcsi", "ediz", "carerqol"}
        The questionnaire to start with.

    Returns
    -------
    (ipywidgets.VBox, CarerFormState)
        The widget has ``scale`` (Dropdown), ``form`` (the current :func:`questionnaire_form`, or None
        for a young carer) and ``message`` (HTML).

    Examples
    --------
    >>> widget, state = carer_questionnaire(datasets.load_case("mantelval_dochter"))
    >>> state.result.score, state.result.band.code, state.prefilled
    (11, 'high_strain', True)
    >>> widget.scale.value = "ediz"
    >>> state.result.score
    8
    >>> widget, state = carer_questionnaire(datasets.load_case("jonge_mantelzorger"))
    >>> state.available, widget.form is None
    (False, True)
    """
    if scale not in CARER_SCALES:
        raise ValueError(f"scale must be one of {CARER_SCALES}, not {scale!r}")
    state = CarerFormState(net, lang)
    box = W.VBox(layout=W.Layout(max_width="920px"))
    box.add_class("netles-carer-questionnaire")
    box.message = W.HTML()
    box.form = None
    box.form_holder = W.VBox()
    box.scale = W.Dropdown(options=[(scales.SCALES[s].title(lang), s) for s in CARER_SCALES], value=scale,
                           description=_t("scale", lang), style={"description_width": "90px"},
                           layout=W.Layout(width="560px", max_width="100%"))
    if not state.available:
        state.message = carer_summary(net, lang) + " " + _t("young_no_form", lang)
        box.message.value = f"<p style='line-height:1.45'>{html.escape(state.message)}</p>"
        box.children = [box.message]
        return box, state
    if state.has_carer:
        head = carer_summary(net, lang)
    else:
        others = [f"‘{title}’" for _, title in cases_with_carer(lang, with_csi=True)]
        head = _t("no_carer", lang, title=datasets.case_title(net, lang), cases=_and(others, lang))

    def build(name: str) -> None:
        state.scale = name
        answers = state.case_answers(name)
        state.prefilled = answers is not None
        form, form_state = questionnaire_form(name, lang, answers=answers)
        state.form_state = form_state
        box.form = form
        box.form_holder.children = [form]
        note = ""
        if state.has_carer:
            note = _t("prefilled", lang) if state.prefilled else _t("not_in_case", lang)
        state.message = " ".join(p for p in (head, note) if p)
        box.message.value = f"<p style='line-height:1.45'>{html.escape(state.message)}</p>"

    box.scale.observe(lambda change: build(change["new"]), "value")
    build(scale)
    box.children = [box.message, box.scale, box.form_holder]
    return box, state


# ------------------------------------------------------------------------------ over time


class CarerTimelineState:
    """The carer's hours and CSI per moment of a case.

    Attributes
    ----------
    available : bool
        Whether the case has at least two moments with a carer block.
    rows : list of dict
        Per moment with a carer block: ``label``, ``date``, ``note``, ``hours``, ``csi`` (score or
        None), ``band`` (code or None).
    faded : list of str
        When the client is the carer: names in the carer's own network who faded between the first
        and the last moment.
    message : str
    figure : plotly Figure or None
    """

    def __init__(self):
        self.available = False
        self.rows: list[dict] = []
        self.faded: list[str] = []
        self.message = ""
        self.figure = None


def _csi_figure(rows: list[dict], lang: str):
    from ..plots import count_chart

    shown = [r for r in rows if r["csi"] is not None]
    fig = count_chart([r["label"] for r in shown], [r["csi"] for r in shown], lang=lang,
                      title=_t("chart_title", lang), axis_title=_t("chart_axis", lang), width=560, height=340)
    fig.add_hline(y=CSI_LIMIT, line={"dash": "dash", "color": "#555555"},
                  annotation_text=_t("limit", lang), annotation_position="top left")
    fig.update_yaxes(range=[0, 13.5])
    return fig


def carer_over_time(net: EgoNetwork, lang: str = "nl") -> tuple[W.Widget, CarerTimelineState]:
    """The mantelzorger over the moments of a case: hours, CSI and band per moment, and the own network.

    Returns
    -------
    (ipywidgets.VBox, CarerTimelineState)
        The widget has ``table`` and ``message`` (HTML) and ``figure`` (Output); for a case without
        carer moments only ``message``.

    Examples
    --------
    >>> widget, state = carer_over_time(datasets.load_case("mantelval_dochter"))
    >>> [r["csi"] for r in state.rows], [r["hours"] for r in state.rows]
    ([3, 6, 11], [6, 14, 24])
    >>> state.faded
    ['Petra (vriendin)', 'Nicole (vriendin)', 'Lia (koor)']
    >>> widget, state = carer_over_time(datasets.load_case("ggz_naar_huis"))
    >>> state.available, "Marieke" in state.message
    (False, True)
    """
    from .editor import figure_output

    _lang_index(lang)
    state = CarerTimelineState()
    box = W.VBox(layout=W.Layout(max_width="920px"))
    box.add_class("netles-carer-over-time")
    box.message, box.table, box.figure = W.HTML(), W.HTML(), W.Output()
    for moment in net.moments:
        block = moment.network.extra.get("carer")
        if not isinstance(block, Mapping):
            continue
        result = scales.csi(block["csi"]) if block.get("csi") is not None else None
        state.rows.append({"label": datasets.moment_label(moment, lang), "date": str(moment.date),
                           "note": datasets.moment_note(moment, lang), "hours": block.get("hours_per_week"),
                           "csi": None if result is None else result.score,
                           "band": None if result is None or result.band is None else result.band.code,
                           "band_label": "" if result is None else (result.band_label(lang) or "")})
    if len(state.rows) < 2:
        others = [f"‘{title}’" for _, title in cases_with_carer(lang, over_time=True)]
        state.message = _t("no_moments", lang, title=datasets.case_title(net, lang), cases=_and(others, lang))
        if lang == "en":
            state.message = state.message[0].upper() + state.message[1:]
        state.rows = []
        box.message.value = f"<p style='line-height:1.45'>{html.escape(state.message)}</p>"
        box.children = [box.message]
        return box, state
    state.available = True
    cell = "padding:2px 8px;vertical-align:top;line-height:1.35"
    head = "".join(f"<th style='text-align:left;{cell}'>{html.escape(_t(k, lang))}</th>"
                   for k in ("moment", "date", "hours", "csi", "band", "note"))
    body = "".join(
        "<tr>" + "".join(f"<td style='{cell}'>{html.escape(str(v))}</td>" for v in (
            r["label"], format_date(r["date"], lang), "-" if r["hours"] is None else _number(r["hours"], lang),
            "-" if r["csi"] is None else r["csi"], r["band_label"] or "-", r["note"])) + "</tr>"
        for r in state.rows)
    box.table.value = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    parts = [carer_summary(net, lang)]
    first = next(m for m in net.moments if isinstance(m.network.extra.get("carer"), Mapping))
    last = net.moments[-1]
    if carer_of(net) == "ego":
        state.faded = [p["name"] for p in faded_between(first.network, last.network)]
        a, b = datasets.moment_label(first, lang), datasets.moment_label(last, lang)
        parts.append(_t("own_faded", lang, a=a, b=b, names=_and(state.faded, lang)) if state.faded
                     else _t("own_none", lang, a=a, b=b))
    else:
        parts.append(_t("client_network", lang))
    state.message = " ".join(p for p in parts if p)
    box.message.value = f"<p style='line-height:1.45'>{html.escape(state.message)}</p>"
    if any(r["csi"] is not None for r in state.rows):
        state.figure = _csi_figure(state.rows, lang)
        figure_output(state.figure, box.figure)
    box.children = [box.table, box.figure, box.message]
    return box, state


# ------------------------------------------------------------------------------ a carer's card


def carer_card(net: EgoNetwork, lang: str = "nl") -> W.Widget:
    """The carer of a case and the care tasks, with who in the network could help with each.

    Examples
    --------
    >>> card = carer_card(datasets.load_case("jonge_mantelzorger"))
    >>> "jonge mantelzorger" in card.value, "koken op doordeweekse dagen" in card.value
    (True, True)
    """
    _lang_index(lang)
    if carer_of(net) is None:
        others = [f"‘{title}’" for _, title in cases_with_carer(lang)]
        text = _t("no_carer", lang, title=datasets.case_title(net, lang), cases=_and(others, lang))
        return W.HTML(f"<p style='line-height:1.45'>{html.escape(text)}</p>")
    block = _block(net)
    parts = [f"<p style='line-height:1.45'><b>{html.escape(carer_summary(net, lang))}</b></p>"]
    if block.get("csi") is not None and not block.get("young_carer"):
        result = scales.csi(block["csi"])
        parts.append(f"<p>{html.escape(_t('csi_line', lang, score=result.score, band=result.band_label(lang) or '-'))}</p>")
    needs = block.get("care_needs") or []
    if needs:
        cell = "padding:2px 8px;vertical-align:top;line-height:1.35"
        head = "".join(f"<th style='text-align:left;{cell}'>{html.escape(_t(k, lang))}</th>"
                       for k in ("task", "task_hours", "could_help"))
        rows = []
        for need in needs:
            task = (need.get("need_en") if lang == "en" else None) or need.get("need", "")
            helpers = [_person(net, a, lang) for a in need.get("network") or []]
            rows.append("<tr>" + "".join(f"<td style='{cell}'>{html.escape(str(v))}</td>" for v in (
                task, _number(need.get("hours_per_week", 0), lang), _and(helpers, lang) or _t("nobody", lang))) + "</tr>")
        parts.append(f"<b>{html.escape(_t('tasks_head', lang))}</b><table><thead><tr>{head}</tr></thead>"
                     f"<tbody>{''.join(rows)}</tbody></table>")
    return W.HTML("<div class='netles-carer-card' style='max-width:900px'>" + "".join(parts) + "</div>")


def carer_story(name: str, lang: str = "nl") -> W.Widget:
    """A bundled case told for a discussion of its carer: title, vignette and :func:`carer_card`.

    Examples
    --------
    >>> story = carer_story("familiezorg_migratie")
    >>> "Elif (schoondochter)" in story.children[1].value
    True
    """
    net = datasets.load_case(name)
    head = W.HTML(f"<div style='border-left:3px solid #4c78a8;padding:2px 10px;margin:4px 0;line-height:1.45'>"
                  f"<b>{html.escape(datasets.case_title(net, lang))}</b><br>"
                  f"{html.escape(datasets.case_vignette(net, lang))}</div>")
    box = W.VBox([head, carer_card(net, lang)], layout=W.Layout(max_width="920px"))
    box.add_class("netles-carer-story")
    return box


# ------------------------------------------------------------------------------ what counts as mantelzorg

CARE_KINDS = (
    ("mantelzorg", "mantelzorg", "informal care (mantelzorg)"),
    ("gebruikelijk", "gebruikelijke hulp", "usual help"),
    ("vrijwillig", "vrijwilligerswerk", "volunteering"),
    ("beroep", "beroepsmatige zorg", "professional care"),
)
"""The kinds of care a student tells apart in :func:`care_kind_exercise`."""

CARE_KIND_ITEMS = (
    ExerciseItem(
        "kinderen", ("Een moeder brengt haar gezonde kinderen van zes en negen naar school en kookt voor ze.",
                     "A mother takes her healthy children of six and nine to school and cooks for them."),
        frozenset({"gebruikelijk"}),
        ("Voor gezonde kinderen zorgen is opvoeden: gebruikelijke hulp, geen mantelzorg. Een vragenlijst naar "
         "mantelzorgbelasting, zoals de CSI, past hier dus ook niet.",
         "Caring for healthy children is parenting: usual help, not informal care. A questionnaire on carer strain, "
         "such as the CSI, does not fit here either.")),
    ExerciseItem(
        "volwassen_kind", ("Ouders helpen hun dochter van 23 met autisme elke week met plannen, geld en afspraken.",
                           "Parents help their 23-year-old daughter with autism every week with planning, money and "
                           "appointments."),
        frozenset({"mantelzorg"}),
        ("Dit gaat verder dan wat ouders gewoonlijk voor een volwassen kind doen, en het is nodig door haar "
         "beperking: mantelzorg.",
         "This goes beyond what parents usually do for an adult child, and it is needed because of her disability: "
         "informal care.")),
    ExerciseItem(
        "buurman", ("Een buurman doet al een jaar elke week de boodschappen voor een zieke buurvrouw met wie hij "
                    "bevriend is.",
                    "For a year a neighbour has done the shopping every week for an ill neighbour he is friends "
                    "with."),
        frozenset({"mantelzorg"}),
        ("Een buur of vriend kan ook mantelzorger zijn: het gaat om de persoonlijke band en de langdurige zorg, niet "
         "om familie.",
         "A neighbour or friend can be a carer too: what counts is the personal bond and the lasting care, not "
         "being family.")),
    ExerciseItem(
        "vrijwilliger", ("Via de vrijwilligerscentrale bezoekt iemand elke week een oudere die zij niet kende.",
                         "Through the volunteer centre someone visits an older person she did not know, every week."),
        frozenset({"vrijwillig"}),
        ("Ze helpt via een organisatie iemand buiten haar eigen kring: vrijwilligerswerk. Een mantelzorger zorgt "
         "vanwege een band die er al was.",
         "She helps someone outside her own circle through an organisation: volunteering. A carer cares because of "
         "a bond that was already there.")),
    ExerciseItem(
        "wijkverpleging", ("Een wijkverpleegkundige helpt een cliënt elke ochtend onder de douche.",
                           "A district nurse helps a client in the shower every morning."),
        frozenset({"beroep"}),
        ("Zij doet het als beroep, betaald en met een opleiding: beroepsmatige zorg.",
         "She does it as her job, paid and trained: professional care.")),
    ExerciseItem(
        "partner", ("Een man doet het hele huishouden en helpt zijn vrouw met MS bij het aankleden.",
                    "A man does all the housework and helps his wife with MS to get dressed."),
        frozenset({"mantelzorg", "gebruikelijk"}),
        ("Allebei te verdedigen. Partners doen een deel van het huishouden gewoon voor elkaar (gebruikelijke hulp, "
         "les 01b); helpen bij het aankleden door haar ziekte gaat daarboven uit en is mantelzorg.",
         "Both can be defended. Partners do part of the housework for each other anyway (usual help, lesson 01b); "
         "helping her dress because of her illness goes beyond that and is informal care.")),
    ExerciseItem(
        "jong", ("Een jongen van vijftien kookt op doordeweekse dagen voor zijn moeder met MS en zijn zusje.",
                 "A boy of fifteen cooks on weekdays for his mother with MS and his little sister."),
        frozenset({"mantelzorg"}),
        ("Dat gaat verder dan wat een kind van vijftien gewoon in huis doet, en het komt door de ziekte van zijn "
         "moeder: hij is een jonge mantelzorger.",
         "That goes beyond what a fifteen-year-old usually does at home, and it is because of his mother's "
         "illness: he is a young carer.")),
)
"""Situations for :func:`care_kind_exercise`, with the kind(s) of care that fit and why."""


def care_kind_exercise(lang: str = "nl"):
    """Mantelzorg, usual help, volunteering or professional care? Seven situations to sort.

    Examples
    --------
    >>> widget, state = care_kind_exercise()
    >>> widget.choices["kinderen"].value = "mantelzorg"; widget.choices["jong"].value = "mantelzorg"
    >>> widget.check_button.click(); state.n_right
    1
    """
    return choice_exercise(
        CARE_KIND_ITEMS, CARE_KINDS, lang,
        title=("Mantelzorg of iets anders?", "Informal care or something else?"),
        intro=("Kies per situatie wat voor zorg het is. Klik daarna op Controleer.",
               "Choose for each situation what kind of care it is. Then click Check."),
        label_width="460px")


# ------------------------------------------------------------------------------ interview

INTERVIEW_THEMES: dict[str, dict[str, tuple[str, ...]]] = {
    "situation": {
        "name": ("de situatie", "the situation"),
        "nl": ("Voor wie zorg je, en wat doe je op een gewone dag of in een gewone week?",
               "Hoe lang doe je dit al, en hoe is het zo gekomen?"),
        "en": ("Whom do you care for, and what do you do on an ordinary day or in an ordinary week?",
               "How long have you been doing this, and how did it come about?"),
    },
    "motives": {
        "name": ("motieven", "motives"),
        "nl": ("Waarom doe je het? Wat maakt dat je het blijft doen?",
               "Had je het gevoel dat je kon kiezen om mantelzorger te worden?"),
        "en": ("Why do you do it? What makes you keep doing it?",
               "Did you feel you had a choice in becoming a carer?"),
    },
    "load": {
        "name": ("wat zwaar is en wat het oplevert", "what is hard and what it gives"),
        "nl": ("Wat vind je het zwaarst?", "Wat geeft je energie of voldoening?"),
        "en": ("What do you find hardest?", "What gives you energy or satisfaction?"),
    },
    "own_life": {
        "name": ("je eigen leven", "your own life"),
        "nl": ("Wat is er veranderd in je werk of studie, je gezondheid en je contacten?",
               "Wanneer heb je tijd voor jezelf, en wat doe je dan?"),
        "en": ("What has changed in your work or studies, your health and your contacts?",
               "When do you have time for yourself, and what do you do then?"),
    },
    "network": {
        "name": ("het netwerk om je heen", "the network around you"),
        "nl": ("Wie helpt jou, en wie helpt je naaste behalve jij?",
               "Wie zou je om hulp kunnen vragen? Wat houdt je tegen om dat te doen?"),
        "en": ("Who helps you, and who helps the person you care for besides you?",
               "Whom could you ask for help? What stops you from asking?"),
    },
    "professionals": {
        "name": ("professionals", "professionals"),
        "nl": ("Hoe gaat het contact met de professionals rond je naaste?",
               "Voel je je gehoord als iemand die je naaste goed kent?"),
        "en": ("How is the contact with the professionals around the person you care for?",
               "Do you feel heard as someone who knows the person well?"),
    },
    "wishes": {
        "name": ("wensen en verwachtingen", "wishes and expectations"),
        "nl": ("Wat zou je helpen? Wat verwacht je van professionals, van familie en vrienden, van de gemeente?",
               "Hoe zie je de komende tijd?"),
        "en": ("What would help you? What do you expect from professionals, from family and friends, from the "
               "municipality?", "How do you see the time ahead?"),
    },
}
"""Themes of the mantelzorger interview, each with two open questions in Dutch and English (our own
wording, after opdracht 7 of the guide: how carers experience caring, and their wishes and
expectations)."""


class InterviewState:
    """The themes chosen for the interview and the questions that follow from them."""

    def __init__(self, lang: str = "nl"):
        _lang_index(lang)
        self.lang = lang
        self.themes: list[str] = []

    def choose(self, themes) -> None:
        """Use these themes (keys of :data:`INTERVIEW_THEMES`), in the order of the guide."""
        unknown = set(themes) - set(INTERVIEW_THEMES)
        if unknown:
            raise KeyError(f"no interview theme(s) {sorted(unknown)}; choose from {list(INTERVIEW_THEMES)}")
        self.themes = [k for k in INTERVIEW_THEMES if k in set(themes)]

    def questions(self) -> list[str]:
        """The open questions of the chosen themes, in order."""
        return [q for k in self.themes for q in INTERVIEW_THEMES[k][self.lang]]


def interview_guide(lang: str = "nl") -> tuple[W.Widget, InterviewState]:
    """Tick the themes of a mantelzorger interview and get the list of open questions to ask.

    Examples
    --------
    >>> widget, state = interview_guide()
    >>> widget.themes["motives"].value = True; widget.themes["wishes"].value = True
    >>> len(state.questions()), "Waarom doe je het?" in widget.questions.value
    (4, True)
    """
    state = InterviewState(lang)
    i = _lang_index(lang)
    box = W.VBox(layout=W.Layout(max_width="900px"))
    box.add_class("netles-interview-guide")
    box.themes = {k: W.Checkbox(value=False, description=v["name"][i], indent=False,
                                layout=W.Layout(width="280px")) for k, v in INTERVIEW_THEMES.items()}
    box.questions = W.HTML()
    empty = ("Vink de onderwerpen aan die je wilt bespreken; hier verschijnen de vragen.",
             "Tick the topics you want to cover; the questions appear here.")[i]

    def refresh(_change=None) -> None:
        state.choose([k for k, c in box.themes.items() if c.value])
        items = state.questions()
        box.questions.value = ("<ol style='line-height:1.5'>" + "".join(f"<li>{html.escape(q)}</li>" for q in items)
                               + "</ol>") if items else f"<p style='color:#555'>{html.escape(empty)}</p>"

    for checkbox in box.themes.values():
        checkbox.observe(refresh, "value")
    refresh()
    title = ("Je interviewvragen", "Your interview questions")[i]
    boxes = list(box.themes.values())
    box.children = [W.HTML(f"<h4 style='margin:4px 0'>{html.escape(title)}</h4>"),
                    W.HBox(boxes[:4]), W.HBox(boxes[4:]), box.questions]
    return box, state
