"""The instrument switcher: one network as netwerkkaart, ecogram, sociogram or genogram.

The figures come from :mod:`netles.plots`; the switcher only chooses which one to draw and what
colours the dots (netwerkcirkel and sociogram; the ecogram and the genogram have their own fixed
line and symbol conventions).
"""
from __future__ import annotations

from typing import Any

import ipywidgets as W

from .. import plots, vocab
from ..network import EgoNetwork
from .editor import EditorState, figure_output

__all__ = ["instrument_switcher", "InstrumentState", "INSTRUMENTS", "COLOR_FIELDS", "color_options"]

INSTRUMENTS: dict[str, tuple[str, str]] = {
    "netwerkcirkel": ("Netwerkcirkel", "Network circle"),
    "ecogram": ("Ecogram", "Ecomap"),
    "sociogram": ("Sociogram", "Sociogram"),
    "genogram": ("Genogram", "Genogram"),
}
"""Instrument key -> (Dutch, English) name."""

COLORABLE = ("netwerkcirkel", "sociogram")
"""Instruments whose dots can be coloured by an attribute."""

COLOR_FIELDS = ("sector", "relation", "circle", "contact", "support", "support_direction", "valence", "status",
                "gender", "age", "travel_minutes", "since")
"""Alter fields offered for colouring (plus ``support:<function>``, one per support function)."""

_NUMBER_LABELS = {"age": ("leeftijd", "age"), "travel_minutes": ("reistijd (minuten)", "travel time (minutes)"),
                  "since": ("bekend sinds (jaar)", "known since (year)")}

_T = {
    "instrument": ("Instrument", "Instrument"),
    "color": ("Kleur naar", "Colour by"),
    "fixed": ("Dit instrument heeft vaste kleuren en lijnen.", "This instrument has fixed colours and lines."),
    "gives": ("geeft {what}", "gives {what}"),
}


def _t(key: str, lang: str, **kw: Any) -> str:
    text = _T[key][vocab.LANGUAGES.index(lang)]
    return text.format(**kw) if kw else text


def color_options(lang: str = "nl") -> list[tuple[str, str]]:
    """``(label, color_by)`` pairs for every attribute the dots can be coloured by.

    Examples
    --------
    >>> dict(color_options())["sector"], dict((v, k) for k, v in color_options("en"))["support:emotional"]
    ('sector', 'gives emotional support')
    """
    i = vocab.LANGUAGES.index(lang)
    out = []
    for field in COLOR_FIELDS:
        label = _NUMBER_LABELS[field][i] if field in _NUMBER_LABELS else vocab.VOCABULARIES[field].field_label(lang)
        out.append((label, field))
    for function in vocab.SUPPORT.codes:
        out.append((_t("gives", lang, what=vocab.SUPPORT.label(function, lang)), f"support:{function}"))
    return out


class InstrumentState:
    """Which instrument shows which network, coloured by what.

    Parameters
    ----------
    network : EgoNetwork or EditorState
        With an editor's state the figure follows every edit.
    instrument : str
        A key of :data:`INSTRUMENTS`.
    color_by : str
        An alter field (see :func:`color_options`).
    lang : {"nl", "en"}

    Attributes
    ----------
    figure : plotly Figure
        The current drawing.

    Examples
    --------
    >>> from netles import datasets
    >>> state = InstrumentState(datasets.load_case("voorbeeld"))
    >>> state.show("sociogram", color_by="valence")
    >>> state.figure.layout.title.text.startswith("Sociogram")
    True
    """

    def __init__(self, network: EgoNetwork | EditorState, instrument: str = "netwerkcirkel", color_by: str = "sector",
                 lang: str = "nl"):
        if lang not in vocab.LANGUAGES:
            raise ValueError(f"lang must be one of {vocab.LANGUAGES}, not {lang!r}")
        self.lang = lang
        self.editor = network if isinstance(network, EditorState) else None
        self.network = network.network if self.editor is not None else network
        self.instrument = instrument
        self.color_by = color_by
        self._listeners: list = []
        self.show(instrument, color_by)
        if self.editor is not None:
            self.editor.on_change(lambda s: self.set_network(s.network))

    def on_change(self, callback) -> None:
        """Call ``callback(state)`` after every redraw."""
        self._listeners.append(callback)

    def show(self, instrument: str | None = None, color_by: str | None = None) -> None:
        """Draw the network with another instrument and/or colouring.

        Raises
        ------
        KeyError
            For an unknown instrument.
        """
        instrument = instrument or self.instrument
        if instrument not in INSTRUMENTS:
            raise KeyError(f"no instrument {instrument!r}; choose one of {', '.join(INSTRUMENTS)}")
        self.instrument = instrument
        self.color_by = color_by or self.color_by
        draw = getattr(plots, instrument)
        # drawn at the size the switcher shows it: netles.plots places the names for that size
        if instrument in COLORABLE:
            self.figure = draw(self.network, color_by=self.color_by, lang=self.lang, width=760, height=640)
        else:
            self.figure = draw(self.network, lang=self.lang, width=760, height=640)
        for callback in list(self._listeners):
            callback(self)

    def set_network(self, network: EgoNetwork) -> None:
        """Show another (edited) network with the same instrument and colouring."""
        self.network = network
        self.show()


def instrument_switcher(
    network: EgoNetwork | EditorState, instrument: str = "netwerkcirkel", color_by: str = "sector", lang: str = "nl"
) -> tuple[W.Widget, InstrumentState]:
    """One network as netwerkcirkel, ecogram, sociogram or genogram, coloured by any attribute.

    Parameters
    ----------
    network : EgoNetwork or EditorState
        The network, or an editor's state (the drawing then follows the editor).
    instrument : {"netwerkcirkel", "ecogram", "sociogram", "genogram"}
    color_by : str
        Alter field that colours the dots of the netwerkcirkel and the sociogram.
    lang : {"nl", "en"}

    Returns
    -------
    (widget, InstrumentState)
        The widget has ``instrument`` (ToggleButtons), ``color`` (Dropdown) and ``figure`` (Output).

    Examples
    --------
    >>> from netles import datasets
    >>> widget, state = instrument_switcher(datasets.load_case("voorbeeld"))
    >>> widget.instrument.value = "ecogram"
    >>> state.figure.layout.title.text.startswith("Ecogram")
    True
    """
    state = InstrumentState(network, instrument=instrument, color_by=color_by, lang=lang)
    i = vocab.LANGUAGES.index(lang)
    box = W.VBox()
    box.add_class("netles-instruments")
    box.instrument = W.ToggleButtons(options=[(v[i], k) for k, v in INSTRUMENTS.items()], value=instrument,
                                     description=_t("instrument", lang), style={"button_width": "120px"})
    box.color = W.Dropdown(options=color_options(lang), value=color_by, description=_t("color", lang),
                           style={"description_width": "90px"}, layout=W.Layout(width="360px", max_width="100%"))
    box.note = W.HTML()
    box.figure = W.Output(layout=W.Layout(width="760px", min_height="640px"))

    def redraw(_state=None) -> None:
        colorable = state.instrument in COLORABLE
        box.color.disabled = not colorable
        box.note.value = "" if colorable else f"<i>{_t('fixed', lang)}</i>"
        figure_output(state.figure, box.figure, height=640, width=760)

    box.instrument.observe(lambda c: state.show(c["new"]), "value")
    box.color.observe(lambda c: state.show(color_by=c["new"]), "value")
    state.on_change(redraw)
    redraw()
    box.children = [box.instrument, W.HBox([box.color, box.note]), box.figure]
    return box, state
