"""Small forms on top of the library: questionnaires, the carer-load simulation, the kanteling
ladder and the liability helper.

:func:`questionnaire_form` makes a form for any registered scale: one answer field per item, the
scale's extra numbers (the CarerQol VAS), and on submit the score, the band and the subscales from
:func:`netles.scales.score`. The form never scores anything itself.

:func:`carer_load_simulator` puts sliders on :func:`netles.models.simulate_carer_load`,
:func:`kanteling_exercise` lets a student place support needs on the ladder of
:mod:`netles.models.kanteling` and checks them, and :func:`liability_form` asks the questions of
:func:`netles.liability.who_is_liable`. Like the questionnaire form, none of them computes a result
itself: every number and every sentence of feedback comes from the library.
"""
from __future__ import annotations

import html
import re
from typing import Any, Mapping, Sequence

import ipywidgets as W
import plotly.graph_objects as go

from .. import liability, vocab
from ..errors import Problem, ValidationError
from ..models import dynamics, kanteling
from ..network import EgoNetwork
from ..scales import SCALES, ScaleResult, csi, score
from .editor import figure_output

__all__ = [
    "questionnaire_form",
    "FormState",
    "carer_load_simulator",
    "CarerLoadState",
    "carer_of",
    "kanteling_exercise",
    "KantelingState",
    "DEFAULT_SUPPORT_NEEDS",
    "needs_from_case",
    "kanteling_setup",
    "liability_form",
    "LiabilityState",
]

_T = {
    "submit": ("Bereken score", "Compute score"),
    "unanswered": ("(geen antwoord)", "(no answer)"),
    "score": ("Score", "Score"),
    "band": ("Uitkomst", "Outcome"),
    "missing_total": ("geen totaal: te veel vragen zonder antwoord", "no total: too many items unanswered"),
    "invalid": ("Dat kan niet: {why}", "That is not possible: {why}"),
}


def _t(key: str, lang: str, **kw: Any) -> str:
    text = _T[key][vocab.LANGUAGES.index(lang)]
    return text.format(**kw) if kw else text


class FormState:
    """The answers given in a questionnaire form and the last result.

    Attributes
    ----------
    spec : netles.scales.ScaleSpec
    answers : dict
        Item key -> answer code (None when not answered).
    extras : dict
        Extra input key -> number (None when empty).
    result : ScaleResult or None
        The last score (after :meth:`submit`).
    problem : str or None
    """

    def __init__(self, name: str, lang: str = "nl"):
        if name not in SCALES:
            raise KeyError(f"no scale {name!r}; choose one of {', '.join(SCALES)}")
        if lang not in vocab.LANGUAGES:
            raise ValueError(f"lang must be one of {vocab.LANGUAGES}, not {lang!r}")
        self.spec = SCALES[name]
        self.lang = lang
        self.answers: dict = {key: None for key in self.spec.item_keys}
        self.extras: dict = {extra.key: None for extra in self.spec.extra_inputs}
        self.result: ScaleResult | None = None
        self.problem: str | None = None

    def submit(self) -> ScaleResult | None:
        """Score the answers with :func:`netles.scales.score`; sets :attr:`result` or :attr:`problem`."""
        options = {k: v for k, v in self.extras.items() if v is not None}
        try:
            self.result = score(self.spec.name, dict(self.answers), **options)
            self.problem = None
        except ValidationError as exc:
            self.result = None
            self.problem = _t("invalid", self.lang, why=str(exc))
        return self.result


def questionnaire_form(name: str, lang: str = "nl", answers: Any = None) -> tuple[W.Widget, FormState]:
    """A form for one questionnaire of :data:`netles.scales.SCALES`, scored on submit.

    Parameters
    ----------
    name : str
        A key of :data:`netles.scales.SCALES` (``"csi"``, ``"mcsi"``, ``"ediz"``, ``"lsns6"``,
        ``"djg6"``, ``"djg11"``, ``"carerqol"``...).
    lang : {"nl", "en"}
    answers : list or dict, optional
        Answers to start from (e.g. a case's ``carer.csi``), in any spelling the scale accepts;
        the form is then scored at once.

    Returns
    -------
    (widget, FormState)
        The widget has ``items`` (item key -> Dropdown), ``extras`` (key -> FloatText),
        ``submit_button`` and ``result`` (HTML).

    Examples
    --------
    >>> widget, state = questionnaire_form("csi")
    >>> for i, key in enumerate(state.spec.item_keys):
    ...     widget.items[key].value = state.spec.option_codes[0] if i in (0, 1, 2, 3, 5, 8, 12) else state.spec.option_codes[-1]
    >>> widget.submit_button.click()
    >>> state.result.score
    7
    """
    state = FormState(name, lang)
    spec = state.spec
    box = W.VBox(layout=W.Layout(max_width="900px"))
    box.add_class("netles-form")
    # "" stands for "no answer": a Dropdown whose value is None shows nothing and reads as broken.
    options = [(_t("unanswered", lang), ""), *[(o.label(lang), o.code) for o in spec.options]]
    box.items = {}
    rows = []
    for number, item in enumerate(spec.items, start=1):
        dropdown = W.Dropdown(options=options, value="", layout=W.Layout(width="200px", max_width="100%"))
        dropdown.observe(lambda c, k=item.key: state.answers.__setitem__(k, None if c["new"] == "" else c["new"]),
                         "value")
        box.items[item.key] = dropdown
        rows.append(W.HBox([W.HTML(f"{number}. {html.escape(item.label(lang))}", layout=W.Layout(width="600px", max_width="70%")), dropdown]))
    box.extras = {}
    for extra in spec.extra_inputs:
        field = W.BoundedFloatText(value=None, min=extra.low, max=extra.high, description="",
                                   layout=W.Layout(width="120px"))
        field.observe(lambda c, k=extra.key: state.extras.__setitem__(k, c["new"]), "value")
        box.extras[extra.key] = field
        rows.append(W.HBox([W.HTML(html.escape(extra.label(lang)), layout=W.Layout(width="600px")), field]))
    box.submit_button = W.Button(description=_t("submit", lang), button_style="primary")
    box.result = W.HTML()

    def on_submit(_=None) -> None:
        result = state.submit()
        if result is None:
            box.result.value = f"<div style='color:#a40000'>{html.escape(state.problem or '')}</div>"
            return
        total = _t("missing_total", lang) if result.score is None else str(result.score)
        lines = [f"<b>{_t('score', lang)}:</b> {html.escape(total)} ({spec.score_range[0]}-{spec.score_range[1]})"]
        if result.band is not None:
            lines.append(f"<b>{_t('band', lang)}:</b> {html.escape(result.band_label(lang))}")
        for key, value in result.subscales.items():
            label = spec.subscales.get(key, (key, key))[vocab.LANGUAGES.index(lang)]
            lines.append(f"{html.escape(label)}: {'-' if value is None else value}")
        lines.append(f"<i>{html.escape(result.describe(lang))}</i>")
        box.result.value = "<div class='netles-form-result'>" + "<br>".join(lines) + "</div>"

    box.submit_button.on_click(on_submit)
    box.children = [W.HTML(f"<h4 style='margin:4px 0'>{html.escape(spec.title(lang))}</h4><p>{html.escape(spec.instruction(lang))}</p>"),
                    *rows, box.submit_button, box.result]
    if answers is not None:
        for key, code in spec.read_answers(answers).items():
            box.items[key].value = "" if code is None else code
        on_submit()
    return box, state


_lang_index = vocab.language_index


def _pick(lang: str, nl: str, en: str) -> str:
    return (nl, en)[_lang_index(lang)]


def _num(value: float, digits: int, lang: str) -> str:
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "nl" else text


# ------------------------------------------------------------------------------ carer load


_CARER = {
    "title": ("Belasting van de mantelzorger", "Load of the family carer"),
    "care_need": ("Zorg door de mantelzorger (uur/week)", "Care by the carer (hours/week)"),
    "respite": ("Respijtzorg", "Respite care"),
    "shared": ("Taken die anderen overnemen", "Tasks others take over"),
    "steps": ("Maanden vooruit", "Months ahead"),
    "from_case": ("Startwaarden uit de casus: {what}.", "Starting values from the case: {what}."),
    "model": ("Een lesmodel, geen voorspelling: mantelval heet hier een belasting die {n} maanden achter elkaar "
              "boven de draagkracht ligt.",
              "A teaching model, not a prediction: here carer breakdown (mantelval) means a load above the "
              "carer's capacity for {n} months in a row."),
}


def _c(key: str, lang: str, **kw: Any) -> str:
    text = _CARER[key][_lang_index(lang)]
    return text.format(**kw) if kw else text


def _months(n: int, lang: str) -> str:
    if lang == "nl":
        return "1 maand" if n == 1 else f"{n} maanden"
    return "1 month" if n == 1 else f"{n} months"


def carer_of(net: EgoNetwork | None) -> str | None:
    """The case's mantelzorger: ``"ego"``, an alter id, or None when the case describes no carer.

    A case describes a carer with a ``carer`` block whose ``carer_alter_id`` is ``"ego"`` (the
    client is the carer, as in ``mantelval_dochter``) or one of its alters.

    Examples
    --------
    >>> from netles import datasets
    >>> carer_of(datasets.load_case("mantelval_dochter")), carer_of(datasets.load_case("pubers_ic"))
    ('ego', None)
    """
    if net is None:
        return None
    carer = net.extra.get("carer")
    if not isinstance(carer, Mapping):
        return None
    who = carer.get("carer_alter_id")
    if who == "ego" or (who is not None and who in net.alter_ids):
        return who
    return None


def _carer_start(net: EgoNetwork | None) -> tuple[dict, list]:
    """Starting values taken from a case's ``extra["carer"]`` block, and (nl, en) notes on where
    each came from. Only values the case (or the library, for the network's share of the care)
    provides are returned; the rest keep the simulator's defaults."""
    start: dict = {}
    notes: list = []
    carer = (net.extra.get("carer") if net is not None else None) or {}
    hours = carer.get("hours_per_week")
    if isinstance(hours, (int, float)) and not isinstance(hours, bool) and 0 <= hours <= 168:
        # The case's hours are the care the carer gives now (what others already do is not in
        # them), so the model starts there with nothing more taken over: the sliders then show what
        # respite and tasks that others take over would change.
        start["care_need"] = float(hours)
        notes.append((f"de mantelzorger geeft nu {hours:g} uur zorg per week",
                      f"the carer now gives {hours:g} hours of care a week"))
    who = carer_of(net)
    if who == "ego" and net.size:
        # The ego is the carer: this network is the carer's own network.
        start["carer_network"] = int(net.size)
        notes.append((f"het eigen netwerk van de mantelzorger telt {net.size} mensen",
                      f"the carer's own network has {net.size} people"))
    elif who is not None:
        # The map is the client's network: how many people the carer has is not in the case, so the
        # model's default is an assumption, and the lesson must say so instead of presenting it as
        # a fact about this carer.
        start["network_assumed"] = True
        notes.append((f"hoe groot het eigen netwerk van de mantelzorger is, staat niet in de casus; het model "
                      f"neemt {DEFAULT_CARER_NETWORK} mensen aan",
                      f"the case does not say how large the carer's own network is; the model assumes "
                      f"{DEFAULT_CARER_NETWORK} people"))
    if who is not None and carer.get("young_carer"):
        start["young"] = True
    if who is not None and carer.get("csi") is not None:
        try:
            result = csi(carer["csi"])
        except ValidationError:
            result = None
        if result is not None and result.score is not None:
            start["csi"] = int(result.score)
            notes.append((f"CSI van de mantelzorger {result.score} van 13 ({result.band_label('nl')})",
                          f"the carer's CSI {result.score} of 13 ({result.band_label('en')})"))
    return start, notes


DEFAULT_CARER_NETWORK = 12
"""Size of the carer's own network the carer-load model assumes when the case does not give it."""


class CarerLoadState:
    """The settings of the carer-load simulation and its last outcome.

    Every outcome comes from :func:`netles.models.simulate_carer_load`; the state only keeps the
    settings, runs the model and finds the first month of overload and of mantelval in its table.

    Parameters
    ----------
    care_need, respite, shared_tasks, steps, seed, carer_network, capacity, mantelval_months, csi
        As in :func:`netles.models.simulate_carer_load`. With a ``csi`` score and no ``capacity``,
        the carer's draagkracht is set once from the CSI and the starting hours
        (:func:`netles.models.capacity_from_csi`) and kept while the sliders move.
    lang : {"nl", "en"}
    network_assumed : bool
        The carer's own network size is the model's assumption, not the case's (the carer is
        someone on the client's map): the message then says so.
    young : bool
        The carer is a young carer: own functioning means health, school and friends.

    Attributes
    ----------
    available : bool
        False for a case without a carer (:meth:`unavailable`): nothing is simulated.
    table : pandas.DataFrame
        The model's table (one row per month, :data:`netles.models.CARER_COLUMNS`).
    mantelval_step : int or None
        First month of mantelval (the load above the carer's draagkracht for ``mantelval_months``
        months in a row), or None.
    overload_step : int or None
        First month with a load above 1, or None.
    message : str
        The sentences shown under the figure.
    figure : plotly.graph_objects.Figure or None

    Examples
    --------
    >>> state = CarerLoadState(care_need=25, steps=24, seed=1)
    >>> state.mantelval_step
    6
    >>> state.update(respite=0.4, shared_tasks=0.4).mantelval_step is None
    True
    """

    PARAMETERS = ("care_need", "respite", "shared_tasks", "steps", "seed", "carer_network", "capacity",
                  "mantelval_months", "csi")

    def __init__(self, care_need: float = 15.0, respite: float = 0.0, shared_tasks: float = 0.0, steps: int = 24,
                 seed: int = 0, carer_network: int = DEFAULT_CARER_NETWORK, capacity: float | None = None,
                 mantelval_months: int = dynamics.MANTELVAL_MONTHS, csi: int | None = None, lang: str = "nl",
                 network_assumed: bool = False, young: bool = False):
        _lang_index(lang)
        self.lang = lang
        self.network_assumed, self.young = network_assumed, young
        self.available = True
        self.care_need, self.respite, self.shared_tasks = care_need, respite, shared_tasks
        self.steps, self.seed, self.carer_network = steps, seed, carer_network
        self.mantelval_months, self.csi = mantelval_months, csi
        if capacity is None:
            if csi is not None:
                start = float(care_need) * (1 - float(shared_tasks)) * (1 - float(respite))
                capacity = dynamics.capacity_from_csi(csi, min(max(start, 0.0), 168.0))
            else:
                capacity = 20.0
        self.capacity = capacity
        self._listeners: list = []
        self.update()

    @classmethod
    def unavailable(cls, reason: str, lang: str = "nl") -> "CarerLoadState":
        """A state that simulates nothing and says why (a case without a carer)."""
        import pandas as pd

        state = cls.__new__(cls)
        _lang_index(lang)
        state.lang, state.available, state._listeners = lang, False, []
        state.table = pd.DataFrame(columns=list(dynamics.CARER_COLUMNS))
        state.mantelval_step = state.overload_step = None
        state.message, state.figure = reason, None
        for name in cls.PARAMETERS:
            setattr(state, name, None)
        state.network_assumed = state.young = False
        return state

    def on_change(self, callback) -> None:
        """Call ``callback(state)`` after every run."""
        self._listeners.append(callback)

    def update(self, **changes: Any) -> "CarerLoadState":
        """Change settings (names of :attr:`PARAMETERS`) and run the model again.

        Raises
        ------
        TypeError
            For an unknown setting.
        ValueError
            From the model, for a value out of range (the settings are then left unchanged), or for
            a state without a carer.
        """
        if not self.available:
            raise ValueError(self.message)
        unknown = sorted(set(changes) - set(self.PARAMETERS))
        if unknown:
            raise TypeError(f"unknown setting(s) {', '.join(unknown)}; use {', '.join(self.PARAMETERS)}")
        settings = {name: changes.get(name, getattr(self, name)) for name in self.PARAMETERS}
        table = dynamics.simulate_carer_load(
            settings["care_need"], settings["respite"], settings["shared_tasks"], settings["steps"], settings["seed"],
            carer_network=settings["carer_network"], capacity=settings["capacity"],
            mantelval_months=settings["mantelval_months"], csi=settings["csi"])
        for name, value in settings.items():
            setattr(self, name, value)
        self.table = table
        mantelval = table.loc[table["mantelval"], "step"]
        overload = table.loc[table["carer_load"] > 1, "step"]
        self.mantelval_step = int(mantelval.iloc[0]) if len(mantelval) else None
        self.overload_step = int(overload.iloc[0]) if len(overload) else None
        self.message = self._message()
        self.figure = self._figure()
        for callback in list(self._listeners):
            callback(self)
        return self

    def _message(self) -> str:
        t, lang, n = self.table, self.lang, self.mantelval_months
        start = int(t["carer_network_size"].iloc[0])
        peak = _num(float(t["carer_load"].max()), 2, lang)
        parts = []
        if self.csi is not None:
            high = self.csi >= dynamics.CSI_LIMIT
            first = _num(float(t["carer_load"].iloc[0]), 2, lang)
            parts.append(_pick(
                lang,
                f"De CSI van de mantelzorger ({self.csi} van 13) "
                + ("valt in de band hoge belasting: de belasting ligt nu al boven de draagkracht"
                   if high else "ligt onder de grens voor hoge belasting")
                + f"; het model begint daarom bij belasting {first}.",
                f"The carer's CSI ({self.csi} of 13) "
                + ("is in the high-strain band: the load is already above the carer's capacity"
                   if high else "is below the cut-off for high strain")
                + f"; so the model starts at load {first}."))
        if self.mantelval_step is not None:
            at = int(t.loc[t["step"] == self.mantelval_step, "carer_network_size"].iloc[0])
            # A young carer's own functioning is school and friends, not work.
            areas = _pick(lang, "gezondheid, school, vrienden" if self.young else "gezondheid, werk, relaties",
                          "health, school, friends" if self.young else "health, work, relationships")
            parts.append(_pick(
                lang,
                f"Mantelval in maand {self.mantelval_step}: de belasting ligt dan al {_months(n, 'nl')} achter elkaar "
                f"boven wat de mantelzorger kan dragen, en dan lijdt het eigen functioneren eronder ({areas}).",
                f"Carer breakdown (mantelval) in month {self.mantelval_step}: by then the load has been above what "
                f"the carer can carry for {_months(n, 'en')} in a row, and their own functioning suffers ({areas})."))
            if at < start and self.network_assumed:
                parts.append(_pick(lang, f"Een gevolg in het model: het eigen netwerk van de mantelzorger, dat het model "
                                         f"op {start} mensen stelt omdat de casus het niet noemt, is dan geslonken tot "
                                         f"{at} mensen.",
                                   f"A consequence in the model: the carer's own network, which the model puts at "
                                   f"{start} people because the case does not give it, has shrunk to {at} people "
                                   f"by then."))
            elif at < start:
                parts.append(_pick(lang, f"Een gevolg: het eigen netwerk van de mantelzorger is dan geslonken van "
                                         f"{start} naar {at} mensen.",
                                   f"A consequence: the carer's own network has shrunk from {start} to {at} people "
                                   f"by then."))
        else:
            streak = int(t["months_over_limit"].iloc[-1])
            over_now = float(t["carer_load"].iloc[-1]) > 1
            if over_now:
                parts.append(_pick(
                    lang,
                    f"Nog geen mantelval in {_months(self.steps, 'nl')}, wel een duidelijk risico: de belasting ligt "
                    f"aan het eind al {_months(streak, 'nl')} boven de draagkracht (mantelval na {n}).",
                    f"No carer breakdown yet in {_months(self.steps, 'en')}, but a clear risk: at the end the load has "
                    f"been above the carer's capacity for {_months(streak, 'en')} (breakdown after {n})."))
            else:
                parts.append(_pick(
                    lang,
                    f"Geen mantelval in {_months(self.steps, 'nl')}: de belasting ligt nooit {_months(n, 'nl')} "
                    f"achter elkaar boven de draagkracht.",
                    f"No carer breakdown (mantelval) in {_months(self.steps, 'en')}: the load is never above the "
                    f"carer's capacity for {_months(n, 'en')} in a row."))
        if self.overload_step == 0:
            parts.append(_pick(lang, f"Overbelast vanaf het begin (hoogste belasting {peak}).",
                               f"Overloaded from the start (highest load {peak})."))
        elif self.overload_step is not None:
            parts.append(_pick(lang, f"Overbelast vanaf maand {self.overload_step} (hoogste belasting {peak}).",
                               f"Overloaded from month {self.overload_step} (highest load {peak})."))
        else:
            parts.append(_pick(lang, f"De belasting blijft onder de grens (hoogste {peak}).",
                               f"The load stays below the limit (highest {peak})."))
        return " ".join(parts)

    def _figure(self) -> go.Figure:
        from ..plots import carer_load_chart

        return carer_load_chart(self.table, lang=self.lang, steps=self.steps, carer_network=int(self.carer_network),
                                mantelval_step=self.mantelval_step)


def _case_title(net: EgoNetwork, lang: str) -> str:
    extra = net.extra
    title = extra.get("title_en") if lang == "en" else None
    return str(title or extra.get("title") or net.ego_id or "")


def _no_carer_sentence(net: EgoNetwork, lang: str) -> str:
    from .. import datasets

    others = [datasets.load_case(name) for name in datasets.case_names()]
    with_carer = "; ".join(f"‘{_case_title(c, lang)}’" for c in others if carer_of(c) is not None)
    title = _case_title(net, lang)
    return _pick(
        lang,
        f"In de casus ‘{title}’ is geen mantelzorger beschreven, dus hier valt geen belasting van een mantelzorger "
        f"te volgen; dat kan wel bij een casus met een mantelzorger, zoals {with_carer}.",
        f"The case ‘{title}’ describes no family carer, so there is no carer's load to follow here; a case with a "
        f"carer shows it, such as {with_carer}.")


def carer_load_simulator(net: EgoNetwork | None = None, lang: str = "nl", steps: int = 24, *,
                         seed: int = 0, mantelval_months: int = dynamics.MANTELVAL_MONTHS) -> tuple[W.Widget, CarerLoadState]:
    """Sliders for the care need, respite care and tasks others do, with the carer's load month by month.

    The figure shows the load of the spilmantelzorger (what they carry divided by what they can
    carry; above 1 = more than they can carry) and, as a consequence, the size of the carer's own
    network, month by month, from :func:`netles.models.simulate_carer_load`. The lines under it say
    in which month mantelval begins: the load has then been above the carer's draagkracht for
    ``mantelval_months`` months in a row and harms their own functioning. Where the case has the
    carer's CSI answers, the CSI is the evidence for the starting load.

    Parameters
    ----------
    net : EgoNetwork, optional
        A case. With a ``carer`` block the sliders start from it: the carer's hours from its
        ``hours_per_week``; when the ego is the carer (``carer_alter_id == "ego"``) this network is
        the carer's own network; when the carer is an alter, the share
        of the support that others give is already outside the carer's hours, so tasks others take
        over start at 0; the carer's CSI (``csi`` answers) sets the starting load. A case without a carer gets one sentence
        saying so and no simulation. Without ``net`` the model runs with its defaults.
    lang : {"nl", "en"}
    steps : int
        Months to simulate at the start (the widget has a slider for it).
    seed : int
        Random seed of the model (fixed, so moving a slider changes only what the slider changes).
    mantelval_months : int
        Months in a row above the draagkracht that count as mantelval.

    Returns
    -------
    (widget, CarerLoadState)
        The widget has ``care_need``, ``respite``, ``shared_tasks`` and ``steps`` (sliders),
        ``figure`` (Output), ``message`` (HTML) and ``source`` (HTML: where the starting values
        came from); for a case without a carer only ``message``.

    Examples
    --------
    >>> widget, state = carer_load_simulator()
    >>> widget.care_need.value = 25
    >>> state.mantelval_step is not None, "Mantelval in maand" in widget.message.value
    (True, True)
    >>> widget.respite.value, widget.shared_tasks.value = 0.5, 0.5
    >>> state.mantelval_step, "Geen mantelval" in widget.message.value
    (None, True)
    """
    i = _lang_index(lang)
    box = W.VBox(layout=W.Layout(max_width="900px"))
    box.add_class("netles-carer-load")
    heading = W.HTML(f"<h4 style='margin:4px 0'>{html.escape(_c('title', lang))}</h4>")
    if net is not None and carer_of(net) is None:
        state = CarerLoadState.unavailable(_no_carer_sentence(net, lang), lang)
        box.message = W.HTML(f"<div class='netles-carer-message'>{html.escape(state.message)}</div>")
        box.children = [heading, box.message]
        return box, state
    start, notes = _carer_start(net)
    state = CarerLoadState(steps=steps, seed=seed, lang=lang, mantelval_months=mantelval_months, **start)
    style = {"description_width": "270px"}

    def layout() -> W.Layout:  # one Layout per slider; a 270 px label + a track and readout of 300 px
        return W.Layout(width="570px", max_width="100%")

    box.care_need = W.FloatSlider(value=state.care_need, min=0, max=max(60.0, float(state.care_need)), step=1,
                                  description=_c("care_need", lang), style=style, layout=layout(), readout_format=".0f",
                                  continuous_update=False)
    box.respite = W.FloatSlider(value=state.respite, min=0, max=1, step=0.05, description=_c("respite", lang),
                                style=style, layout=layout(), readout_format=".0%", continuous_update=False)
    box.shared_tasks = W.FloatSlider(value=state.shared_tasks, min=0, max=1, step=0.05, description=_c("shared", lang),
                                     style=style, layout=layout(), readout_format=".0%", continuous_update=False)
    box.steps = W.IntSlider(value=state.steps, min=0, max=max(60, state.steps), step=1, description=_c("steps", lang),
                            style=style, layout=layout(), continuous_update=False)
    box.figure = W.Output(layout=W.Layout(width="660px", max_width="100%", min_height="390px"))
    box.message = W.HTML()
    box.source = W.HTML(f"<i>{html.escape(_c('from_case', lang, what='; '.join(n[i] for n in notes)))}</i>" if notes else "")

    def redraw(_state=None) -> None:
        figure_output(state.figure, box.figure)
        colour = "#a40000" if state.mantelval_step is not None or state.overload_step is not None else "#1d5e20"
        box.message.value = (f"<div class='netles-carer-message' style='color:{colour}'><b>{html.escape(state.message)}</b>"
                             f"</div><div style='color:#555'>{html.escape(_c('model', lang, n=state.mantelval_months))}</div>")

    for name in ("care_need", "respite", "shared_tasks", "steps"):
        getattr(box, name).observe(lambda c, k=name: state.update(**{k: c["new"]}), "value")
    state.on_change(redraw)
    redraw()
    box.children = [heading, box.source, box.care_need, box.respite, box.shared_tasks, box.steps, box.figure,
                    box.message]
    return box, state


# ------------------------------------------------------------------------------ kanteling


DEFAULT_SUPPORT_NEEDS = (
    kanteling.SupportNeed("post", "post en rekeningen bijhouden", "information", "monthly", 1, client_can=True),
    kanteling.SupportNeed("boodschappen", "wekelijkse boodschappen doen", "practical", "weekly", 2),
    kanteling.SupportNeed("maaltijd", "elke dag een warme maaltijd", "practical", "daily", 14,
                          general_provision="maaltijdservice"),
    kanteling.SupportNeed("wond", "een wond aan het been verzorgen", "practical", "daily", 2, professional_skill=True),
)
"""Support needs for the kanteling exercise when neither needs nor a case with ``care_needs`` are given.

Written for the running example ``voorbeeld``, where the model places them on four different rungs:
the post on own strength (the client can), the shopping on the network (two sisters and a
neighbour give practical help), the daily meal on a general provision (14 hours a week is more than
the network can carry, and there is a meal service) and the wound care on individual provision
(professional expertise).
"""

_CASE_NEED_KEYS = {"need", "need_en", "hours_per_week", "can_self", "network", "general_provision",
                   "individual_provision", "function", "frequency"}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(text).lower()).strip("_") or "behoefte"


def needs_from_case(net: EgoNetwork, lang: str = "nl") -> tuple[list, dict, dict]:
    """The care needs of a case (``net.extra["carer"]["care_needs"]``) as kanteling input.

    A need in the case format of ``data/cases/README.md`` (``need``, ``hours_per_week``,
    ``can_self``, ``network``, ``general_provision``, ``individual_provision``) becomes a
    :class:`~netles.models.kanteling.SupportNeed`: ``need`` is the description (and, made
    lower-case with underscores, the id), ``can_self`` is ``client_can``. The case format has no
    support function: an optional ``function`` key gives one, otherwise the need counts as practical
    help (care tasks are); ``frequency`` is optional too (default weekly). The ``network`` list says
    who could do this need: each need gets its own
    :class:`~netles.models.kanteling.KantelingContext` in which these alters have offered the
    need's function (``willing``), so an offer for one task does not count for another, and only
    they count for it (``candidates``): an empty list means the case says nobody in the network can
    do it (personal care left to the wijkverpleging, say); ``"?"`` in the list means anyone who gives
    the function. When the
    carer is an alter, that context knows the carer and, when the case has CSI answers, the carer's
    CSI (:func:`netles.scales.csi`). A need already in the :class:`SupportNeed` format is read with
    :meth:`SupportNeed.from_dict` and checked against the shared context.

    Parameters
    ----------
    net : EgoNetwork
    lang : {"nl", "en"}
        With ``"en"`` a need's optional ``need_en`` is its description (the id stays the Dutch one,
        so both languages place the same needs).

    Returns
    -------
    (list of SupportNeed, dict, dict)
        The needs, ``need_id -> KantelingContext`` and ``need_id -> individual provision named by
        the case`` (for display).

    Raises
    ------
    ValidationError
        When the case has no care needs, or one cannot be converted (unknown key, alter not in the
        network, value out of range).

    Examples
    --------
    >>> from netles import datasets
    >>> needs, contexts, individual = needs_from_case(datasets.load_case("senior_55plus"))
    >>> needs[0].need_id, needs[0].function, sorted(contexts[needs[0].need_id].willing)
    ('boodschappen_doen', 'practical', ['A', 'C'])
    >>> individual["wekelijks_douchen"]
    'wijkverpleging'
    """
    carer = (net.extra.get("carer") or {}) if isinstance(net.extra.get("carer"), Mapping) else {}
    raw = carer.get("care_needs")
    source = net.source or "casus"
    if not raw or not isinstance(raw, Sequence) or isinstance(raw, str):
        raise ValidationError(Problem("has no care needs", file=source, field="carer.care_needs",
                                      allowed="a list of care needs (see data/cases/README.md)"))
    carer_id = carer.get("carer_alter_id")
    carer_id = carer_id if carer_id in net.alter_ids else None
    carer_csi = None
    if carer_id is not None and carer.get("csi") is not None:
        carer_csi = csi(carer["csi"])
    shared = kanteling.KantelingContext(net, carer=carer_id, carer_csi=carer_csi)
    needs, contexts, individual, seen = [], {}, {}, set()
    for row, item in enumerate(raw, start=1):
        if not isinstance(item, Mapping):
            raise ValidationError(Problem("is not a care need", file=source, row=row, field="carer.care_needs",
                                          value=item, allowed="an object with need, hours_per_week, ..."))
        if "need" not in item:
            need = kanteling.SupportNeed.from_dict(item)
            context = shared
        else:
            unknown = sorted(set(item) - _CASE_NEED_KEYS)
            if unknown:
                raise ValidationError(Problem(f"unknown field(s) {', '.join(unknown)}", file=source, row=row,
                                              field="carer.care_needs", allowed=", ".join(sorted(_CASE_NEED_KEYS))))
            need_id, n = _slug(item["need"]), 2
            while need_id in seen:
                need_id, n = f"{_slug(item['need'])}_{n}", n + 1
            hours = item.get("hours_per_week", 1.0)
            description = (item.get("need_en") if lang == "en" else None) or item["need"]
            need = kanteling.SupportNeed(
                need_id, description, item.get("function", "practical"), item.get("frequency", "weekly"),
                float(hours) if isinstance(hours, int) and not isinstance(hours, bool) else hours,
                client_can=item.get("can_self", False), general_provision=item.get("general_provision") or None)
            helpers = item.get("network") or []
            if isinstance(helpers, str) or not isinstance(helpers, Sequence):
                raise ValidationError(Problem("is not a list of alter ids", file=source, row=row, field="network",
                                              value=helpers, allowed="a list of alter ids"))
            # The case names who could do this need; only they count for it ("?" in the list: anyone
            # who gives or offers the function). An empty list says nobody in the network can, as for
            # personal care that the case leaves to the wijkverpleging.
            open_list = "?" in helpers
            named = [a for a in helpers if a != "?"]
            context = kanteling.KantelingContext(net, carer=carer_id, carer_csi=carer_csi,
                                                 willing={a: {need.function} for a in named},
                                                 candidates=None if open_list else named)
            if item.get("individual_provision"):
                individual[need.need_id] = str(item["individual_provision"])
        if need.need_id in seen:
            raise ValidationError(Problem("is used twice", file=source, row=row, field="need_id", value=need.need_id,
                                          allowed="a unique id per need"))
        seen.add(need.need_id)
        needs.append(need)
        contexts[need.need_id] = context
    return needs, contexts, individual


_K = {
    "title": ("De kantelingsladder", "The kanteling ladder"),
    "intro": ("Zet elke zorgvraag op de laagste trede die hem kan dragen. Klik dan op Controleer.",
              "Put each care need on the lowest rung that can carry it. Then click Check."),
    "choose": ("(kies een trede)", "(choose a rung)"),
    "check": ("Controleer", "Check"),
    "reveal": ("Toon voorstel", "Show proposal"),
    "hours": ("{h} uur/week", "{h} hours/week"),
    "right": ("{n} van de {total} goed geplaatst.", "{n} of {total} placed right."),
    "unchosen": ("Kies nog een trede voor: {what}.", "Still choose a rung for: {what}."),
    "proposal": ("Voorstel van het model: {rung}", "The model's proposal: {rung}"),
    "individual": ("bijvoorbeeld {name}", "for example {name}"),
    "source_case": ("Zorgvragen uit de casus; het model weegt ook contact, belasting en deskundigheid mee.",
                    "Care needs from the case; the model also weighs contact, load and expertise."),
    "source_default": ("Voorbeeldvragen (de casus heeft geen zorgvragen).",
                       "Example needs (the case has no care needs)."),
    "source_bad": ("De zorgvragen van de casus passen niet in het model ({why}); dit zijn voorbeeldvragen.",
                   "The case's care needs do not fit the model ({why}); these are example needs."),
}


def _k(key: str, lang: str, **kw: Any) -> str:
    text = _K[key][_lang_index(lang)]
    return text.format(**kw) if kw else text


class KantelingState:
    """A student's placement of support needs on the kanteling ladder, with the library's feedback.

    Parameters
    ----------
    needs : sequence of SupportNeed
    context : KantelingContext or mapping
        One context for all needs, or ``need_id -> KantelingContext``.
    lang : {"nl", "en"}
    individual : mapping, optional
        ``need_id -> name`` of the individual provision, shown with the proposal.

    Attributes
    ----------
    choices : dict
        ``need_id -> rung`` (None: not chosen yet).
    feedback : dict
        ``need_id -> PlacementFeedback`` from the last :meth:`check`; a need whose choice changed
        since has no feedback.
    unchosen : list
        Need ids without a rung at the last check.
    proposal : dict or None
        ``need_id -> rung`` from :func:`~netles.models.kanteling.propose_rungs`, only after
        :meth:`reveal`.

    Examples
    --------
    >>> from netles import datasets
    >>> from netles.models.kanteling import KantelingContext
    >>> state = KantelingState(DEFAULT_SUPPORT_NEEDS, KantelingContext(datasets.load_case("voorbeeld")))
    >>> state.choose("wond", "network")
    >>> [fb.status for fb in state.check()], state.unchosen
    (['too_low'], ['post', 'boodschappen', 'maaltijd'])
    """

    def __init__(self, needs: Sequence, context: Any, lang: str = "nl", individual: Mapping | None = None):
        _lang_index(lang)
        needs = list(needs)
        ids = []
        for need in needs:
            if not isinstance(need, kanteling.SupportNeed):
                raise ValidationError(Problem(f"is a {type(need).__name__}, not a SupportNeed", field="needs",
                                              allowed="SupportNeed objects"))
            if need.need_id in ids:
                raise ValidationError(Problem("is used twice", field="need_id", value=need.need_id,
                                              allowed="a unique id per need"))
            ids.append(need.need_id)
        if isinstance(context, kanteling.KantelingContext):
            self.contexts = {i: context for i in ids}
        else:
            missing = [i for i in ids if not isinstance((context or {}).get(i), kanteling.KantelingContext)]
            if missing:
                raise ValidationError([Problem("has no KantelingContext", row=f"need {i!r}", field="context",
                                               allowed="a KantelingContext") for i in missing])
            self.contexts = {i: context[i] for i in ids}
        self.needs = needs
        self.lang = lang
        self.individual = dict(individual or {})
        self.choices: dict = {i: None for i in ids}
        self.feedback: dict = {}
        self.unchosen: list = []
        self.proposal: dict | None = None

    def _groups(self, ids: Sequence[str]) -> list:
        """Needs grouped by their context (in need order), so the library sees each context once."""
        groups: dict = {}
        for need in self.needs:
            if need.need_id in ids:
                ctx = self.contexts[need.need_id]
                groups.setdefault(id(ctx), (ctx, []))[1].append(need)
        return list(groups.values())

    def choose(self, need_id: str, rung: str | None) -> None:
        """Put a need on a rung (None: undo); its old feedback no longer applies.

        Raises
        ------
        KeyError
            For an unknown need.
        ValidationError
            For an unknown rung.
        """
        if need_id not in self.choices:
            raise KeyError(f"no need {need_id!r}; choose one of {', '.join(self.choices)}")
        if rung is not None and rung not in kanteling.RUNG:
            raise ValidationError(Problem(f"{rung!r} is not a rung of the kanteling", row=f"need {need_id!r}",
                                          field="rung", value=rung, allowed=kanteling.RUNG.allowed()))
        if self.choices[need_id] != rung:
            self.feedback.pop(need_id, None)
        self.choices[need_id] = rung

    def check(self) -> list:
        """Feedback on every chosen need (:func:`~netles.models.kanteling.check_placements`).

        Returns
        -------
        list of PlacementFeedback
            In need order; needs without a rung are listed in :attr:`unchosen`.
        """
        chosen = [i for i, rung in self.choices.items() if rung is not None]
        self.unchosen = [i for i, rung in self.choices.items() if rung is None]
        self.feedback = {}
        for ctx, needs in self._groups(chosen):
            for fb in kanteling.check_placements(needs, {n.need_id: self.choices[n.need_id] for n in needs}, ctx):
                self.feedback[fb.need_id] = fb
        return [self.feedback[i] for i in self.choices if i in self.feedback]

    @property
    def n_right(self) -> int:
        """Needs placed on the proposed rung at the last check."""
        return sum(fb.ok for fb in self.feedback.values())

    def reveal(self) -> dict:
        """The model's proposal for every need (:func:`~netles.models.kanteling.propose_rungs`)."""
        proposal: dict = {}
        for ctx, needs in self._groups(list(self.choices)):
            proposal.update(kanteling.propose_rungs(needs, ctx))
        self.proposal = {i: proposal[i] for i in self.choices}
        return self.proposal


_STATUS_COLOUR = {"ok": "#1d5e20", "too_high": "#8a5a00", "too_low": "#a40000"}


def kanteling_setup(needs: Sequence | None = None, net: EgoNetwork | None = None, lang: str = "nl",
                    context: Any = None) -> tuple[list, Any, dict, str]:
    """The needs and contexts of a kanteling exercise, the same for every kanteling widget.

    Returns ``(needs, context, individual, source)``: the case's care needs when it has them and
    they fit the model (:func:`needs_from_case`), otherwise :data:`DEFAULT_SUPPORT_NEEDS`; the
    context (one :class:`~netles.models.kanteling.KantelingContext` or ``need_id -> context``);
    the individual provisions the case names; and a sentence saying where the needs came from.
    """
    from .. import datasets

    _lang_index(lang)
    network = net if net is not None else datasets.load_case("voorbeeld")
    individual: dict = {}
    if needs is not None:
        return list(needs), (context if context is not None else kanteling.KantelingContext(network)), {}, ""
    carer = network.extra.get("carer")
    has_case_needs = bool(carer.get("care_needs")) if isinstance(carer, Mapping) else False
    ctx = None
    if has_case_needs and context is None:
        try:
            needs, ctx, individual = needs_from_case(network, lang=lang)
            source = _k("source_case", lang)
        except (ValidationError, TypeError) as exc:
            why = exc.problems[0].message if isinstance(exc, ValidationError) and exc.problems else str(exc)
            source = _k("source_bad", lang, why=why)
    else:
        source = _k("source_default", lang) if net is not None else ""
    if ctx is None:
        needs = list(DEFAULT_SUPPORT_NEEDS)
        ctx = context if context is not None else kanteling.KantelingContext(network)
    return list(needs), ctx, individual, source


def kanteling_exercise(needs: Sequence | None = None, net: EgoNetwork | None = None, lang: str = "nl", *,
                       context: Any = None) -> tuple[W.Widget, KantelingState]:
    """The kanteling ladder as an exercise: a rung per need, feedback on request, the proposal only
    when asked.

    For each support need the student picks one of the four rungs (own strength, social network,
    general provision, individual provision). "Controleer" shows the feedback of
    :func:`netles.models.kanteling.check_placements` under each need (right, a lower rung is
    possible and who could carry it there, or why the chosen rung cannot carry it). "Toon voorstel"
    shows the lowest suitable rung of :func:`~netles.models.kanteling.propose_rungs`; it is hidden
    until clicked.

    Parameters
    ----------
    needs : sequence of SupportNeed, optional
        The needs to place. Default: the case's ``extra["carer"]["care_needs"]`` when present and
        convertible (:func:`needs_from_case`), otherwise :data:`DEFAULT_SUPPORT_NEEDS`; the widget
        says which.
    net : EgoNetwork, optional
        The client's network; default the running example ``voorbeeld``.
    lang : {"nl", "en"}
    context : KantelingContext or mapping, optional
        Instead of the plain context of ``net``: one with a carer, instructed helpers or offers
        (or ``need_id -> context``).

    Returns
    -------
    (widget, KantelingState)
        The widget has ``rungs`` (need id -> Dropdown), ``feedback`` and ``proposals`` (need id ->
        HTML), ``check_button``, ``reveal_button``, ``summary`` and ``source`` (HTML).

    Examples
    --------
    >>> widget, state = kanteling_exercise()
    >>> widget.rungs["boodschappen"].value = "individual_provision"
    >>> widget.check_button.click()
    >>> state.feedback["boodschappen"].status, "lagere trede" in widget.feedback["boodschappen"].value
    ('too_high', True)
    >>> widget.proposals["boodschappen"].value
    ''
    >>> widget.reveal_button.click()
    >>> "sociaal netwerk" in widget.proposals["boodschappen"].value
    True
    """
    i = _lang_index(lang)
    needs, ctx, individual, source = kanteling_setup(needs, net, lang, context)
    state = KantelingState(needs, ctx, lang=lang, individual=individual)

    box = W.VBox(layout=W.Layout(max_width="900px"))
    box.add_class("netles-kanteling")
    # Every need starts on "(kies een trede)" ("" for None: a Dropdown valued None looks empty),
    # never on the model's answer.
    options = [(_k("choose", lang), ""), *[(kanteling.RUNG.label(code, lang), code) for code in kanteling.RUNG.codes]]
    box.rungs, box.feedback, box.proposals = {}, {}, {}
    rows = []
    for need in state.needs:
        nid = need.need_id
        hours = f"{need.hours_per_week:g}".replace(".", ",") if lang == "nl" else f"{need.hours_per_week:g}"
        facts = " &middot; ".join([_k("hours", lang, h=hours),
                                   html.escape(vocab.label("support", need.function, lang)),
                                   html.escape(vocab.label("contact", need.frequency, lang))])
        label = W.HTML(f"<b>{html.escape(need.description)}</b><br><span style='color:#555;font-size:90%'>{facts}</span>",
                       layout=W.Layout(width="360px"))
        box.rungs[nid] = W.Dropdown(options=options, value="", layout=W.Layout(width="330px", max_width="100%"))
        box.feedback[nid] = W.HTML()
        box.proposals[nid] = W.HTML()
        box.rungs[nid].observe(lambda c, k=nid: on_choose(k, c["new"] or None), "value")
        rows.append(W.VBox([W.HBox([label, box.rungs[nid]]), box.feedback[nid], box.proposals[nid]],
                           layout=W.Layout(border_bottom="1px solid #ddd", padding="4px 0")))
    box.check_button = W.Button(description=_k("check", lang), button_style="primary")
    # the model's proposal only after the student has checked their own placement
    box.reveal_button = W.Button(description=_k("reveal", lang), disabled=True)
    box.summary = W.HTML()
    box.source = W.HTML(f"<i>{html.escape(source)}</i>" if source else "")

    def show_feedback(nid: str) -> None:
        fb = state.feedback.get(nid)
        box.feedback[nid].value = "" if fb is None else (
            f"<div class='netles-kanteling-feedback' data-status='{fb.status}' style='color:{_STATUS_COLOUR[fb.status]}'>"
            f"{html.escape(fb.message(lang))}</div>")

    def on_choose(nid: str, rung: str | None) -> None:
        state.choose(nid, rung)
        show_feedback(nid)

    def on_check(_=None) -> None:
        state.check()
        for nid in state.choices:
            show_feedback(nid)
        lines = [_k("right", lang, n=state.n_right, total=len(state.needs))]
        if state.unchosen:
            names = ", ".join(n.description for n in state.needs if n.need_id in state.unchosen)
            lines.append(_k("unchosen", lang, what=names))
        box.summary.value = "<b>" + "<br>".join(html.escape(line) for line in lines) + "</b>"
        box.reveal_button.disabled = False

    def on_reveal(_=None) -> None:
        if box.reveal_button.disabled:  # a click on the disabled button from code: not before checking
            return
        proposal = state.reveal()
        for nid, rung in proposal.items():
            text = _k("proposal", lang, rung=kanteling.RUNG.label(rung, lang))
            if rung == "individual_provision" and nid in state.individual:
                text += f" ({_k('individual', lang, name=state.individual[nid])})"
            box.proposals[nid].value = f"<div class='netles-kanteling-proposal' style='color:#2a4d8f'>{html.escape(text)}</div>"

    box.check_button.on_click(on_check)
    box.reveal_button.on_click(on_reveal)
    ladder = "".join(f"<li><b>{html.escape(kanteling.RUNG.label(code, lang))}</b>: "
                     f"{html.escape(kanteling.RUNG_DEFINITIONS[code][i])}</li>" for code in kanteling.RUNG.codes)
    box.children = [W.HTML(f"<h4 style='margin:4px 0'>{html.escape(_k('title', lang))}</h4>"
                           f"<ol style='margin:2px 0'>{ladder}</ol><p>{html.escape(_k('intro', lang))}</p>"),
                    box.source, *rows, W.HBox([box.check_button, box.reveal_button]), box.summary]
    return box, state


# ------------------------------------------------------------------------------ liability


_L = {
    "title": ("Wie is verantwoordelijk?", "Who is responsible?"),
    "coordinated": ("Afgestemd met een beroepskracht?", "Coordinated with a professional?"),
    "auto": ("vanzelf (ja als de organisatie het vroeg)", "automatic (yes if the organisation asked)"),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    "unknown": ("nog niet bekend", "not known yet"),
    "knowledge_sufficient": ("De helper weet genoeg om het te doen", "The helper knows enough to do it"),
    "lack_noticed": ("Een beroepskracht zag dat de kennis tekortschiet", "A professional noticed a lack of knowledge"),
    "professional_acted": ("De beroepskracht heeft daar goed op gereageerd", "The professional responded properly"),
    "going_wrong": ("Het gaat niet goed met de taak", "The task is not going well"),
    "improved": ("Beter na bespreken en vastleggen?", "Better after talking and recording?"),
    "structural": ("Wil vaker andere cliënten helpen (niet eenmalig)", "Wants to help other clients regularly (not once)"),
    "impossible": ("Deze combinatie kan niet; kijk nog eens naar: {why}.",
                   "This combination is not possible; look again at: {why}."),
}


def _l(key: str, lang: str, **kw: Any) -> str:
    text = _L[key][_lang_index(lang)]
    return text.format(**kw) if kw else text


class LiabilityState:
    """The answers in the liability form and the answer of :func:`netles.liability.who_is_liable`.

    Some questions only apply after another answer; :meth:`arguments` passes them on only then
    (the form greys them out otherwise):

    * ``coordinated`` is left to the library (None) when the organisation asked;
    * ``lack_noticed`` only when the helper does not know enough;
    * ``professional_acted`` only when a lack was noticed;
    * ``improved`` only when the task is going wrong.

    Attributes
    ----------
    values : dict
        The raw answers, keyed by the argument names of ``who_is_liable``.
    result : LiabilityResult or None
        None when the answers contradict each other (see :attr:`problem`).
    problem : str or None
    text : str
        ``result.describe(lang)`` without the disclaimer (the form shows it once, above the
        questions), or the problem.

    Examples
    --------
    >>> state = LiabilityState()
    >>> state.update(for_whom="other_client", request="organisation").responsible
    'organisation'
    >>> state.text.splitlines()[0]
    'Verantwoordelijk: de zorgorganisatie'
    """

    DEFAULTS = dict(actor="network_member", for_whom="own_relative", request="client", procedure="care",
                    coordinated=None, knowledge_sufficient=True, lack_noticed=False, professional_acted=False,
                    going_wrong=False, improved=None, structural=False)

    def __init__(self, lang: str = "nl", **values: Any):
        _lang_index(lang)
        self.lang = lang
        self.values = dict(self.DEFAULTS)
        self._listeners: list = []
        self.update(**values)

    def on_change(self, callback) -> None:
        """Call ``callback(state)`` after every update."""
        self._listeners.append(callback)

    def question(self, name: str | None) -> str:
        """The question behind an answer, as the form asks it."""
        vocabularies = {"actor": liability.ACTORS, "for_whom": liability.FOR_WHOM, "request": liability.REQUESTS,
                        "procedure": liability.PROCEDURES}
        if name in vocabularies:
            return vocabularies[name].field_label(self.lang)
        if name in _L:
            return _l(name, self.lang)
        return _pick(self.lang, "een antwoord", "an answer")

    def applies(self, name: str) -> bool:
        """Whether a question applies given the other answers."""
        v = self.values
        return {
            "coordinated": v["request"] != "organisation",
            "lack_noticed": not v["knowledge_sufficient"],
            "professional_acted": not v["knowledge_sufficient"] and v["lack_noticed"],
            "improved": v["going_wrong"],
        }.get(name, True)

    def arguments(self) -> dict:
        """The arguments for ``who_is_liable``: the answers, without those that do not apply."""
        off = {"coordinated": None, "lack_noticed": False, "professional_acted": False, "improved": None}
        return {k: (v if self.applies(k) else off[k]) if k in off else v for k, v in self.values.items()}

    def update(self, **changes: Any):
        """Change answers and ask the library again; returns the result (None if contradictory).

        Raises
        ------
        TypeError
            For a name that is not an argument of ``who_is_liable``.
        """
        unknown = sorted(set(changes) - set(self.DEFAULTS))
        if unknown:
            raise TypeError(f"unknown answer(s) {', '.join(unknown)}; use {', '.join(self.DEFAULTS)}")
        self.values.update(changes)
        try:
            self.result = liability.who_is_liable(**self.arguments())
            self.problem = None
            self.text = self.result.describe(self.lang, disclaimer=False)
        except ValidationError as exc:
            self.result = None
            # name the question in the reader's words, not the argument's key (the library's own
            # messages are English, for programmers)
            self.problem = _l("impossible", self.lang, why="; ".join(
                dict.fromkeys(self.question(p.field) for p in exc.problems)))
            self.text = self.problem
        for callback in list(self._listeners):
            callback(self)
        return self.result


def liability_form(lang: str = "nl") -> tuple[W.Widget, LiabilityState]:
    """The liability helper as a form: describe the situation, read who is responsible and why.

    The questions are the arguments of :func:`netles.liability.who_is_liable` (who acts, for whom,
    on whose request, which kind of task, coordination, knowledge, whether it goes wrong). On every
    change the form shows the result's :meth:`~netles.liability.LiabilityResult.describe` text,
    which starts with the line that this is a teaching aid, not legal advice.

    Parameters
    ----------
    lang : {"nl", "en"}

    Returns
    -------
    (widget, LiabilityState)
        The widget has one control per argument in ``inputs`` (name -> Dropdown or Checkbox),
        ``disclaimer`` (HTML, always visible) and ``result`` (HTML).

    Examples
    --------
    >>> widget, state = liability_form()
    >>> widget.inputs["for_whom"].value = "other_client"
    >>> widget.inputs["request"].value = "nobody"
    >>> state.result.responsible, "Verantwoordelijk: het netwerklid zelf" in widget.result.value
    ('network_member', True)
    >>> "geen juridisch advies" in widget.disclaimer.value
    True
    """
    state = LiabilityState(lang)
    i = _lang_index(lang)
    style = {"description_width": "260px"}

    def _wide() -> W.Layout:  # one Layout per control: a shared Layout is one model in the browser
        return W.Layout(width="560px", max_width="100%")

    box = W.VBox(layout=W.Layout(max_width="900px"))
    box.add_class("netles-liability")
    inputs: dict = {}
    for name, voc in (("actor", liability.ACTORS), ("for_whom", liability.FOR_WHOM), ("request", liability.REQUESTS),
                      ("procedure", liability.PROCEDURES)):
        inputs[name] = W.Dropdown(options=[(voc.label(c, lang), c) for c in voc.codes], value=state.values[name],
                                  description=voc.field_label(lang).capitalize(), style=style, layout=_wide())
    yes_no = [(_l("yes", lang), True), (_l("no", lang), False)]
    # "" stands for None: a Dropdown whose value is None shows nothing at all (it reads as empty).
    inputs["coordinated"] = W.Dropdown(options=[(_l("auto", lang), ""), *yes_no], value="",
                                       description=_l("coordinated", lang), style=style, layout=_wide())
    for name in ("knowledge_sufficient", "lack_noticed", "professional_acted", "going_wrong"):
        inputs[name] = W.Checkbox(value=state.values[name], description=_l(name, lang), indent=False,
                                  layout=W.Layout(width="560px"))
    inputs["improved"] = W.Dropdown(options=[(_l("unknown", lang), ""), *yes_no], value="",
                                    description=_l("improved", lang), style=style, layout=_wide())
    inputs["structural"] = W.Checkbox(value=False, description=_l("structural", lang), indent=False,
                                      layout=W.Layout(width="560px"))
    box.inputs = inputs
    box.disclaimer = W.HTML(f"<div class='netles-disclaimer' style='color:#8a5a00'><b>"
                            f"{html.escape(liability.DISCLAIMER[i])}</b></div>")
    box.result = W.HTML()

    def redraw(_state=None) -> None:
        for name, control in inputs.items():
            control.disabled = not state.applies(name)
        colour = "#a40000" if state.result is None else "#222"
        box.result.value = (f"<div class='netles-liability-result' style='white-space:pre-wrap;color:{colour};"
                            f"border:1px solid #ccc;padding:6px'>{html.escape(state.text)}</div>")

    for name, control in inputs.items():
        control.observe(lambda c, k=name: state.update(**{k: None if c["new"] == "" else c["new"]}), "value")
    state.on_change(redraw)
    redraw()
    box.children = [W.HTML(f"<h4 style='margin:4px 0'>{html.escape(_l('title', lang))}</h4>"), box.disclaimer,
                    *inputs.values(), box.result]
    return box, state
