"""Questionnaire forms, built from the registry :data:`netles.scales.SCALES`.

:func:`questionnaire_form` makes a form for any registered scale: one answer field per item, the
scale's extra numbers (the CarerQol VAS), and on submit the score, the band and the subscales from
:func:`netles.scales.score`. The form never scores anything itself.
"""
from __future__ import annotations

import html
from typing import Any

import ipywidgets as W

from .. import vocab
from ..errors import ValidationError
from ..scales import SCALES, ScaleResult, score

__all__ = ["questionnaire_form", "FormState"]

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


def questionnaire_form(name: str, lang: str = "nl") -> tuple[W.Widget, FormState]:
    """A form for one questionnaire of :data:`netles.scales.SCALES`, scored on submit.

    Parameters
    ----------
    name : str
        A key of :data:`netles.scales.SCALES` (``"csi"``, ``"mcsi"``, ``"ediz"``, ``"lsns6"``,
        ``"djg6"``, ``"djg11"``, ``"carerqol"``...).
    lang : {"nl", "en"}

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
    options = [(_t("unanswered", lang), None), *[(o.label(lang), o.code) for o in spec.options]]
    box.items = {}
    rows = []
    for number, item in enumerate(spec.items, start=1):
        dropdown = W.Dropdown(options=options, value=None, layout=W.Layout(width="200px"))
        dropdown.observe(lambda c, k=item.key: state.answers.__setitem__(k, c["new"]), "value")
        box.items[item.key] = dropdown
        rows.append(W.HBox([W.HTML(f"{number}. {html.escape(item.label(lang))}", layout=W.Layout(width="600px")), dropdown]))
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
    return box, state
