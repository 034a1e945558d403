"""The gallery: one case through each instrument, with a task, and a profile beside a reference group.

:func:`instrument_card` draws one instrument for a network (netwerkcirkel, ecogram, genogram,
sociogram) and, where the drawing lets a student count something, a self-check whose answer comes
from :mod:`netles.metrics`. :func:`reference_note` says what a comparison with the published
reference group of adults with a mild intellectual disability can and cannot tell for this case.

Examples
--------
>>> from netles import datasets
>>> widget, state = instrument_card(datasets.load_case("voorbeeld"), "sociogram")
>>> state.answer
3
>>> widget.check.answer_box.value = "3"; widget.check.check_button.click()
>>> state.check.correct
True
"""
from __future__ import annotations

import html
import math
from typing import Any

import ipywidgets as W

from .. import metrics, plots, vocab
from ..network import EgoNetwork
from ..profile import quality_profile
from .editor import figure_output
from .instruments import INSTRUMENTS
from .selfcheck import self_check

__all__ = ["GALLERY_INSTRUMENTS", "instrument_card", "InstrumentCardState", "reference_note", "reference_view",
           "LVB_GROUPS"]

GALLERY_INSTRUMENTS = ("netwerkcirkel", "ecogram", "genogram", "sociogram")
"""The four instruments of the teacher's guide (theme 4), in the gallery's order."""

LVB_GROUPS = ("lvb",)
"""Case groups (``ego.group``) of clients with a mild intellectual disability."""

_T = {
    "q_netwerkcirkel": ("Tel in de figuur: hoeveel mensen staan in de binnenste cirkel (intimi)?",
                        "Count in the figure: how many people are in the inner circle (intimates)?"),
    "h_netwerkcirkel": ("Alleen de ring die het dichtst om de cliënt ligt telt.",
                        "Only the ring closest around the client counts."),
    "q_sociogram": ("Tel in de figuur: uit hoeveel losse groepjes bestaat het netwerk? Wie niemand anders kent, "
                    "is een groepje van één.",
                    "Count in the figure: how many separate groups does the network have? Someone who knows "
                    "nobody else is a group of one."),
    "h_sociogram": ("Een groepje zijn mensen die via lijnen met elkaar verbonden zijn.",
                    "A group is people connected to each other by lines."),
    "answer_netwerkcirkel": ("{n} (tel de bolletjes in de binnenste ring)", "{n} (count the dots in the inner ring)"),
    "answer_sociogram": ("{n} (elk los stuk van de tekening telt als één groepje)",
                         "{n} (each separate part of the drawing counts as one group)"),
    "empty": ("Dit netwerk heeft nog niemand om te tekenen.", "This network has nobody to draw yet."),
}

_NOTE = {
    "always": ("De grijze balken zijn gemiddelden uit één onderzoek: 33 volwassenen met een lichte verstandelijke "
               "beperking die zelfstandig woonden (van Asselt-Goverts, Embregts & Hendriks, 2013). Hun netwerken "
               "telden 4 tot 28 mensen, gemiddeld 14,2; 42,7% familie en 24,5% professionals.",
               "The grey bars are means from one study: 33 adults with a mild intellectual disability who lived "
               "independently (van Asselt-Goverts, Embregts & Hendriks, 2013). Their networks had 4 to 28 people, "
               "14.2 on average; 42.7% family and 24.5% professionals."),
    "lvb": ("Deze cliënt heeft een lichte verstandelijke beperking, dus de vergelijking ligt voor de hand. Kijk "
            "wel of de cliënt ook volwassen is en zelfstandig woont zoals de onderzoeksgroep (lees het vignet), "
            "en bedenk dat een gemiddelde van 33 mensen veel variatie verbergt.",
            "This client has a mild intellectual disability, so the comparison makes sense. Do check whether the "
            "client is also an adult living independently like the study group (read the vignette), and keep in "
            "mind that a mean of 33 people hides a lot of variation."),
    "other": ("Deze cliënt hoort niet bij die onderzoeksgroep. Een verschil met de grijze balken zegt dan weinig: "
              "een oudere weduwnaar, een puber of een mantelzorger heeft om andere redenen een ander netwerk. "
              "Gebruik de balken hier alleen om te oefenen met lezen, niet om te oordelen.",
              "This client does not belong to that study group. A difference from the grey bars then says "
              "little: an older widower, a teenager or a carer has a different network for other reasons. Use "
              "the bars here only to practise reading, not to judge."),
}


def _t(key: str, lang: str, table: dict = _T, **kw: Any) -> str:
    if lang not in vocab.LANGUAGES:
        raise ValueError(f"lang must be one of {vocab.LANGUAGES}, not {lang!r}")
    text = table[key][vocab.LANGUAGES.index(lang)]
    return text.format(**kw) if kw else text


class InstrumentCardState:
    """The figure of an instrument card and, for the countable instruments, its self-check.

    Attributes
    ----------
    instrument : str
    figure : plotly.graph_objects.Figure
    answer : int or None
        What the student should count (from :mod:`netles.metrics`), or ``None`` where the task is
        to look and discuss.
    check : SelfCheckState or None
    """

    def __init__(self, instrument: str, figure, answer: int | None, check=None):
        self.instrument, self.figure, self.answer, self.check = instrument, figure, answer, check


def _figure_title(net: EgoNetwork, what: str, lang: str) -> str | None:
    """"Netwerkcirkel · <the case's title>": a student sees the case, not its file name or ego id."""
    from ..datasets import case_title

    title = case_title(net, lang)
    return f"{what} · {title}" if title else None


def _answer(net: EgoNetwork, instrument: str) -> int | None:
    if net.size == 0:
        return None
    if instrument == "netwerkcirkel":
        # share_strong with max_circle 1 is the share of intimates; the student counts people.
        return round(metrics.share_strong(net, 1) * metrics.size(net))
    if instrument == "sociogram":
        return metrics.components(net)
    return None


def instrument_card(net: EgoNetwork, instrument: str, lang: str = "nl", *, color_by: str = "sector",
                    strong_max_circle: int = metrics.DEFAULT_STRONG_MAX_CIRCLE, seed: int = 7):
    """One instrument drawn for a network, with a self-check where the drawing can be counted.

    Parameters
    ----------
    net : EgoNetwork
    instrument : {"netwerkcirkel", "ecogram", "genogram", "sociogram"}
    lang : {"nl", "en"}
    color_by : str
        What colours the dots of the netwerkcirkel and the sociogram.
    strong_max_circle : int
        Circles that count as a strong tie in the ecogram (thick line).
    seed : int
        Seed of the sociogram's layout (the same seed gives the same picture).

    Returns
    -------
    (ipywidgets.VBox, InstrumentCardState)
        The widget has ``figure`` (Output) and ``check`` (the self-check widget, or ``None``).
    """
    if instrument not in GALLERY_INSTRUMENTS:
        raise ValueError(f"instrument must be one of {', '.join(GALLERY_INSTRUMENTS)}, not {instrument!r}")
    title = _figure_title(net, INSTRUMENTS[instrument][vocab.LANGUAGES.index(lang)], lang)
    size = dict(width=780, height=600)  # the size shown below: the names are placed for it
    if instrument == "netwerkcirkel":
        figure = plots.netwerkcirkel(net, color_by=color_by, show_ties=True, lang=lang, title=title, **size)
    elif instrument == "ecogram":
        figure = plots.ecogram(net, lang=lang, strong_max_circle=strong_max_circle, title=title, **size)
    elif instrument == "genogram":
        figure = plots.genogram(net, lang=lang, title=title, **size)
    else:
        figure = plots.sociogram(net, color_by=color_by, seed=seed, lang=lang, title=title, **size)
    answer = _answer(net, instrument)
    box = W.VBox(layout=W.Layout(max_width="900px"))
    box.add_class("netles-instrument-card")
    box.figure = figure_output(figure, height=600, width=780)
    box.check, check_state = None, None
    if answer is not None:
        box.check, check_state = self_check(_t(f"q_{instrument}", lang), answer, hint=_t(f"h_{instrument}", lang),
                                            answer=_t(f"answer_{instrument}", lang, n=answer), lang=lang, tol=0)
    elif net.size == 0 and instrument in ("netwerkcirkel", "sociogram"):
        box.check = W.HTML(f"<i>{_t('empty', lang)}</i>")
    box.children = [box.figure] + ([box.check] if box.check is not None else [])
    return box, InstrumentCardState(instrument, figure, answer, check_state)


def reference_note(net: EgoNetwork, lang: str = "nl") -> str:
    """What a comparison with the reference group of adults with a mild intellectual disability tells.

    Always names the study and its size; adds a caution that fits the case's group (``ego.group``).

    Examples
    --------
    >>> from netles import datasets
    >>> "hoort niet bij" in reference_note(datasets.load_case("senior_55plus"))
    True
    >>> "ligt voor de hand" in reference_note(datasets.load_case("moeder_zoon_lvb"))
    True
    """
    group = (net.ego or {}).get("group")
    which = "lvb" if group in LVB_GROUPS else "other"
    return (f"<div style='line-height:1.45'><p>{html.escape(_t('always', lang, _NOTE))}</p>"
            f"<p class='netles-reference-caveat'><b>{html.escape(_t(which, lang, _NOTE))}</b></p></div>")


def reference_view(net: EgoNetwork, lang: str = "nl", *, max_minutes: float = metrics.DEFAULT_MAX_MINUTES,
                   strong_max_circle: int = metrics.DEFAULT_STRONG_MAX_CIRCLE):
    """The case's quality profile beside the reference group, with :func:`reference_note` under it.

    The profile is :func:`netles.quality_profile` with the lesson's thresholds; the chart is
    :func:`netles.plots.profile_chart` with :data:`netles.plots.REFERENCE_MILD_ID`.

    Returns
    -------
    (ipywidgets.VBox, pandas.Series)
        The widget (``figure`` Output and ``note`` HTML) and the profile.

    Examples
    --------
    >>> from netles import datasets
    >>> widget, profile = reference_view(datasets.load_case("voorbeeld"))
    >>> int(profile["size"]), "33 volwassenen" in widget.note.value
    (6, True)
    """
    profile = quality_profile(net, max_minutes=max_minutes, strong_max_circle=strong_max_circle)
    box = W.VBox(layout=W.Layout(max_width="900px"))
    box.add_class("netles-reference-view")
    from ..datasets import case_title

    name = case_title(net, lang) or None
    box.figure = figure_output(plots.profile_chart(profile, plots.REFERENCE_MILD_ID, lang=lang, name=name), width=820)
    box.note = W.HTML(reference_note(net, lang))
    box.children = [box.figure, box.note]
    return box, profile
