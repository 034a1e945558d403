"""A first look at one network: the netwerkcirkel and three plain numbers.

The welcome lesson shows a case the way a student first meets a client's network: a drawing and a
few numbers anyone can read (how many people, how many of them close by, how many kinds of support).
The numbers come from :mod:`netles.metrics`; the drawing from :func:`netles.plots.netwerkcirkel`.

Examples
--------
>>> from netles import datasets
>>> widget, state = first_look(datasets.load_case("voorbeeld"))
>>> state.numbers
{'people': 6, 'close': 3, 'support_kinds': 4}
>>> state.missing_support
['appraisal']
"""
from __future__ import annotations

import html
import math
from typing import Any

import ipywidgets as W

from .. import metrics, plots, vocab
from ..network import EgoNetwork
from .editor import figure_output

__all__ = ["first_look", "FirstLookState"]

_T = {
    "people": ("mensen in het netwerk", "people in the network"),
    "people_note": ("Iedereen die bij het in kaart brengen genoemd is, ook hulpverleners.",
                    "Everyone named when the network was mapped, professionals included."),
    # singular and plural: "1 van de 6 staat dichtbij", "In de binnenste ring"
    "close": ("van de {n} staan dichtbij", "of the {n} are close"),
    "close_one": ("van de {n} staat dichtbij", "of the {n} is close"),
    "close_note": ("In de binnenste {k} ringen van de netwerkcirkel: de mensen die het meest betekenen.",
                   "In the inner {k} rings of the network circle: the people who matter most."),
    "close_note_one": ("In de binnenste ring van de netwerkcirkel: de mensen die het meest betekenen.",
                       "In the innermost ring of the network circle: the people who matter most."),
    "kinds": ("van de 5 soorten steun", "of the 5 kinds of support"),
    "kinds_note": ("Zo veel soorten steun krijgt de cliënt van minstens één persoon.",
                   "This many kinds of support the client gets from at least one person."),
    "missing": ("Ontbreekt: {what}.", "Missing: {what}."),
    "none_missing": ("Alle vijf zijn er.", "All five are there."),
    "empty": ("Dit netwerk heeft nog niemand.", "This network has nobody yet."),
}


def _t(key: str, lang: str, **kw: Any) -> str:
    if lang not in vocab.LANGUAGES:
        raise ValueError(f"lang must be one of {vocab.LANGUAGES}, not {lang!r}")
    text = _T[key][vocab.LANGUAGES.index(lang)]
    return text.format(**kw) if kw else text


class FirstLookState:
    """The numbers and the figure of :func:`first_look`.

    Attributes
    ----------
    numbers : dict
        ``people`` (network size), ``close`` (people in circle ``strong_max_circle`` or closer) and
        ``support_kinds`` (how many of the five support functions someone gives).
    missing_support : list of str
        Support functions nobody gives (codes, in the vocabulary's order).
    figure : plotly.graph_objects.Figure
        The netwerkcirkel.
    """

    def __init__(self, net: EgoNetwork, lang: str = "nl", strong_max_circle: int = metrics.DEFAULT_STRONG_MAX_CIRCLE):
        _t("people", lang)
        self.network, self.lang, self.strong_max_circle = net, lang, strong_max_circle
        size = metrics.size(net)
        share = metrics.share_strong(net, strong_max_circle)
        # share_strong is a share of the alters; the plain count reads better on a first look.
        close = 0 if size == 0 or math.isnan(share) else round(share * size)
        self.numbers = {"people": size, "close": close, "support_kinds": metrics.support_coverage(net)}
        given = metrics.support_given(net).any(axis=0)
        self.missing_support = [f for f in vocab.SUPPORT.codes if not bool(given.get(f, False))]
        from ..datasets import case_title

        title = case_title(net, lang)
        # The case's title, not its ego id, above the drawing (a student's own map has none); drawn
        # at the 760 x 560 first_look shows it, so the names are placed for that size.
        self.figure = plots.netwerkcirkel(net, color_by="sector", show_ties=False, lang=lang, width=760, height=560,
                                          title=f"{'Netwerkcirkel' if lang == 'nl' else 'Network circle'} · {title}"
                                          if title else None)

    def html(self) -> str:
        """The three numbers as cards, with one plain sentence each."""
        lang, n = self.lang, self.numbers
        if n["people"] == 0:
            return f"<p><i>{_t('empty', lang)}</i></p>"
        missing = ", ".join(vocab.label("support", f, lang) for f in self.missing_support)
        cards = [
            (str(n["people"]), _t("people", lang), _t("people_note", lang)),
            (str(n["close"]), _t("close_one" if n["close"] == 1 else "close", lang, n=n["people"]),
             _t("close_note_one" if self.strong_max_circle == 1 else "close_note", lang, k=self.strong_max_circle)),
            (str(n["support_kinds"]), _t("kinds", lang),
             _t("kinds_note", lang) + " " + (_t("missing", lang, what=missing) if missing else _t("none_missing", lang))),
        ]
        return "<div style='display:flex;gap:12px;flex-wrap:wrap;line-height:1.4'>" + "".join(
            f"<div class='netles-number' style='border:1px solid #ccc;border-radius:6px;padding:8px 12px;width:230px'>"
            f"<div style='font-size:28px;font-weight:bold;color:#2a4d8f'>{html.escape(big)}</div>"
            f"<div><b>{html.escape(label)}</b></div><div style='color:#444;font-size:90%'>{html.escape(note)}</div></div>"
            for big, label, note in cards) + "</div>"


def first_look(net: EgoNetwork, lang: str = "nl", strong_max_circle: int = metrics.DEFAULT_STRONG_MAX_CIRCLE):
    """A netwerkcirkel and three plain numbers for one network.

    Parameters
    ----------
    net : EgoNetwork
    lang : {"nl", "en"}
    strong_max_circle : int
        Circles 1 up to this one count as "close" (the lesson's ``sterk_tot_cirkel``).

    Returns
    -------
    (ipywidgets.VBox, FirstLookState)
        The widget has ``numbers`` (HTML) and ``figure`` (Output).
    """
    state = FirstLookState(net, lang, strong_max_circle)
    box = W.VBox(layout=W.Layout(max_width="900px"))
    box.add_class("netles-first-look")
    box.numbers = W.HTML(state.html())
    box.figure = figure_output(state.figure, height=560, width=760)
    box.children = [box.numbers, box.figure]
    return box, state
