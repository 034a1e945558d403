"""A viewer for the moments of one network: choose two, see what changed.

:func:`moments_viewer` returns ``(widget, state)``. The :class:`MomentsViewerState` holds the network
and the two chosen moments and computes everything in plain methods (:meth:`~MomentsViewerState.choose`,
:meth:`~MomentsViewerState.set_network`, :meth:`~MomentsViewerState.make_animation`), so tests drive
it without a browser; the widget only shows the state: two dropdowns, the summary in plain words,
the tables of who came, left or moved, the two netwerkcirkels side by side, and the animation over
all moments on request.
"""
from __future__ import annotations

import html
import time
from typing import Any, Callable

import ipywidgets as W

from .. import vocab
from ..moments import MomentComparison, compare_moments, format_date
from ..network import EgoNetwork, Moment
from .plotly_output import figure_output

__all__ = ["moments_viewer", "MomentsViewerState"]

PANEL_PX = 590
"""Size of each of the two netwerkcirkels in the viewer: side by side they fit a 1366 px screen."""

WORKING = "\u2063working"
"""The choice that stands for the working network (the network as it is now, not a moment)."""

_T = {
    "before": ("Van", "From"),
    "after": ("Naar", "To"),
    "working": ("werkversie (nu)", "working version (now)"),
    "animate": ("Toon de animatie over alle momenten", "Show the animation over all moments"),
    "no_moments": (
        "Dit netwerk heeft nog geen momenten. Bewaar eerst een moment (bijvoorbeeld 'intake'), dan kun je het "
        "later vergelijken met hoe het netwerk er dan uitziet.",
        "This network has no moments yet. Save a moment first (for instance 'intake'); later you can compare it "
        "with how the network looks then.",
    ),
    "same": ("Kies twee verschillende momenten om te vergelijken.", "Choose two different moments to compare."),
    "heading": ("Wat is er veranderd?", "What changed?"),
    "animation_title": ("Animatie", "Animation"),
}


def _t(key: str, lang: str) -> str:
    return _T[key][vocab.LANGUAGES.index(lang)]


class MomentsViewerState:
    """Two moments of a network and what changed between them.

    Parameters
    ----------
    network : EgoNetwork
        A network with moments (without moments the state says so and compares nothing).
    lang : {"nl", "en"}

    Attributes
    ----------
    before, after : str
        The chosen moments' labels (:data:`WORKING` for the working network). Defaults: the first
        and the last moment (with one moment: that moment and the working network).
    comparison : MomentComparison or None
    summary : str
        The comparison's plain summary, or why there is nothing to compare.
    figure : plotly Figure or None
        :func:`netles.plots.moments_side_by_side` of the two.
    animation : plotly Figure or None
        :func:`netles.plots.moments_animation`, made on request (:meth:`make_animation`).
    last_update_seconds : float

    Examples
    --------
    >>> from netles import datasets
    >>> net = datasets.load_case("voorbeeld").with_moment("intake", "2025-02-03")
    >>> net = net.without_alter("E").with_moment("evaluatie", "2025-08-20")
    >>> state = MomentsViewerState(net)
    >>> state.before, state.after, state.summary.split(".")[0]
    ('intake', 'evaluatie', 'De band met Erik (buurman) is verdwenen')
    """

    def __init__(self, network: EgoNetwork, lang: str = "nl"):
        if lang not in vocab.LANGUAGES:
            raise ValueError(f"lang must be one of {vocab.LANGUAGES}, not {lang!r}")
        self.lang = lang
        self.network = network
        self.before: str | None = None
        self.after: str | None = None
        self.comparison: MomentComparison | None = None
        self.summary = ""
        self.figure = None
        self.animation = None
        self.last_update_seconds = 0.0
        self._listeners: list[Callable[["MomentsViewerState"], None]] = []
        self._shown: tuple | None = None
        self._defaults()
        self._update()

    # -- plumbing -------------------------------------------------------------------------------
    def on_change(self, callback: Callable[["MomentsViewerState"], None]) -> None:
        """Call ``callback(state)`` after every change."""
        self._listeners.append(callback)

    def _notify(self) -> None:
        for callback in list(self._listeners):
            callback(self)

    @property
    def choices(self) -> list[tuple[str, str]]:
        """``(shown text, value)`` for each moment ("intake · 3 februari 2025"), then the working network."""
        out = [(f"{m.label} · {format_date(m.date, self.lang)}", m.label) for m in self.network.moments]
        return out + [(_t("working", self.lang), WORKING)]

    def _valid(self, key: str | None) -> bool:
        return key == WORKING or any(m.label == key for m in self.network.moments)

    def _defaults(self) -> None:
        moments = self.network.moments
        if not moments:
            self.before = self.after = None
            return
        if not self._valid(self.before):
            self.before = moments[0].label
        if not self._valid(self.after):
            self.after = moments[-1].label if len(moments) > 1 else WORKING

    def _resolve(self, key: str) -> EgoNetwork | Moment:
        if key == WORKING:
            return self.network
        return next(m for m in self.network.moments if m.label == key)

    def _update(self, force: bool = False) -> None:
        start = time.perf_counter()
        if not self.network.moments:
            self.comparison, self.figure, self._shown = None, None, None
            self.summary = _t("no_moments", self.lang)
            self.last_update_seconds = time.perf_counter() - start
            return
        a, b = self._resolve(self.before), self._resolve(self.after)
        # what the drawing shows: redraw only when one of the two networks changed
        shown = tuple(x.to_dict() if isinstance(x, EgoNetwork) else (x.label, x.date, x.network.to_dict(), x.note) for x in (a, b))
        if shown == self._shown and not force:
            return
        self._shown = shown
        if self.before == self.after:
            self.comparison, self.figure = None, None
            self.summary = _t("same", self.lang)
        else:
            from ..plots.moments import moments_side_by_side

            a_net = a if isinstance(a, Moment) else _working(a, self.lang)
            b_net = b if isinstance(b, Moment) else _working(b, self.lang)
            self.comparison = compare_moments(a_net, b_net, lang=self.lang)
            self.summary = self.comparison.summary()
            # two drawings next to each other within a 1366 px wide screen
            self.figure = moments_side_by_side(a_net, b_net, lang=self.lang, width=PANEL_PX, height=PANEL_PX)
        self.last_update_seconds = time.perf_counter() - start

    # -- actions --------------------------------------------------------------------------------
    def choose(self, before: str | None = None, after: str | None = None) -> None:
        """Compare other moments (labels, or :data:`WORKING`).

        Raises
        ------
        KeyError
            For a label that is not a moment of the network.
        """
        for key in (before, after):
            if key is not None and not self._valid(key):
                known = ", ".join(repr(m.label) for m in self.network.moments)
                raise KeyError(f"no moment {key!r} (moments: {known})")
        self.before = before if before is not None else self.before
        self.after = after if after is not None else self.after
        self._update()
        self._notify()

    def set_network(self, network: EgoNetwork) -> None:
        """Follow a changed network (an editor's).

        When the moments changed (one was saved or removed), the choice goes back to the first and
        the last moment, so a newly saved moment is compared at once; otherwise the choice stays.
        """
        if [m.label for m in network.moments] != [m.label for m in self.network.moments]:
            self.before = self.after = None
        self.network = network
        self._defaults()
        self._update()
        if self.animation is not None:
            self.animation = None
        self._notify()

    def make_animation(self):
        """Make (and keep) the animation over all moments; None when there are no moments."""
        from ..plots.moments import moments_animation

        self.animation = moments_animation(self.network, lang=self.lang) if self.network.moments else None
        self._notify()
        return self.animation


def _working(net: EgoNetwork, lang: str) -> Moment:
    """The working network as a moment of today named "werkversie", for titles and legends."""
    from datetime import date

    data = net.to_dict()
    name = ("werkversie", "working version")[vocab.LANGUAGES.index(lang)]
    return Moment(name, date.today(), EgoNetwork(data["ego"], data["alters"], data["ties"], net.extra))


class _ViewerWidget(W.VBox):
    """The viewer's widget; its parts are attributes so tests can set values and click."""

    def __init__(self, state: MomentsViewerState):
        self._figure_output = figure_output
        self.state = state
        lang = state.lang
        self._quiet = False
        style = {"description_width": "48px"}
        self.before = W.Dropdown(description=_t("before", lang), layout=W.Layout(width="300px"), style=style)
        self.after = W.Dropdown(description=_t("after", lang), layout=W.Layout(width="300px"), style=style)
        self.summary = W.HTML(layout=W.Layout(max_width="1100px"))
        self.summary.add_class("netles-moments-summary")
        self.tables = W.HTML(layout=W.Layout(max_width="1100px"))
        self.tables.add_class("netles-moments-tables")
        self.figure = W.Output(layout=W.Layout(width="100%", overflow="auto"))
        self.figure.add_class("netles-moments-figure")
        self.animate_button = W.Button(description=_t("animate", lang), icon="play", layout=W.Layout(width="320px"))
        self.animate_button.add_class("netles-moments-animate")
        self.animation = W.Output(layout=W.Layout(width="100%", overflow="auto"))
        self.animation.add_class("netles-moments-animation")
        super().__init__(
            [W.HTML(f"<b>{html.escape(_t('heading', lang))}</b>"), W.HBox([self.before, self.after]), self.summary,
             self.figure, self.tables, self.animate_button, self.animation],
            layout=W.Layout(width="100%"),
        )
        self.add_class("netles-moments-viewer")
        self.before.observe(lambda c: self._choose(before=c["new"]), "value")
        self.after.observe(lambda c: self._choose(after=c["new"]), "value")
        self.animate_button.on_click(lambda _b: state.make_animation())
        state.on_change(lambda _s: self.refresh())
        self.refresh()

    def _choose(self, **kw: Any) -> None:
        if not self._quiet and all(v is not None for v in kw.values()):
            self.state.choose(**kw)

    def refresh(self) -> None:
        state = self.state
        choices = state.choices if state.network.moments else []
        self._quiet = True
        try:
            for dropdown, value in ((self.before, state.before), (self.after, state.after)):
                # options and value in one message: the browser must never see (and send back) the
                # in-between choice that new options would select
                with dropdown.hold_sync():
                    if list(dropdown.options) != choices:
                        dropdown.options = choices
                    dropdown.value = value if choices else None
                    dropdown.disabled = not choices
        finally:
            self._quiet = False
        self.summary.value = f'<p style="font-size:14px;line-height:1.45;margin:6px 0">{html.escape(state.summary)}</p>'
        if state.comparison is not None:
            # the summary is shown above; the tables without their own heading and summary
            page = state.comparison.to_html()
            start = page.index("<h4>") if "<h4>" in page else len(page)
            self.tables.value = '<div class="netles-moments-comparison">' + page[start:]
        else:
            self.tables.value = ""
        if state.figure is not None:
            self._figure_output(state.figure, self.figure)
        else:
            self.figure.outputs = ()
        self.animate_button.disabled = not state.network.moments
        if state.animation is not None:
            self._figure_output(state.animation, self.animation)
        else:
            self.animation.outputs = ()


def moments_viewer(net: EgoNetwork, lang: str = "nl") -> tuple[W.Widget, MomentsViewerState]:
    """Choose two moments of a network and see what changed.

    Shows the plain summary (:meth:`netles.MomentComparison.summary`), the two netwerkcirkels side
    by side with who came, left and moved marked (:func:`netles.plots.moments_side_by_side`), the
    tables of the changes and of the quality profile before and after, and on request the
    animation over all moments (:func:`netles.plots.moments_animation`).

    Parameters
    ----------
    net : EgoNetwork
        A network with moments; the working network can be chosen too ("werkversie").
    lang : {"nl", "en"}

    Returns
    -------
    (widget, MomentsViewerState)
        The widget has ``before`` and ``after`` (Dropdowns), ``summary`` and ``tables`` (HTML),
        ``figure`` and ``animation`` (Outputs) and ``animate_button``.

    Examples
    --------
    >>> from netles import datasets
    >>> net = datasets.load_case("voorbeeld").with_moment("intake", "2025-02-03")
    >>> net = net.without_alter("E").with_moment("evaluatie", "2025-08-20")
    >>> widget, state = moments_viewer(net)
    >>> "Erik" in widget.summary.value, len(widget.figure.outputs)
    (True, 1)
    """
    state = MomentsViewerState(net, lang=lang)
    return _ViewerWidget(state), state
