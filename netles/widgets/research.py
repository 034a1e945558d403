"""Widgets of the research lesson (05): comparing groups, and what a confidence interval does.

* :func:`group_explorer`: choose a measure and see its distribution per group with the comparison
  of every pair of groups in plain words (difference, 95% interval, Hedges' g).
* :func:`interval_lab`: draw samples of two groups whose true difference you set, and watch the
  95% intervals: how wide they are with few or many people, and how often they catch the true
  difference (about 95 of every 100).

Both return ``(widget, state)``; the state's methods are what the controls call, so tests drive
them without a browser. Labels are Dutch by default (``lang="en"`` for English), numbers with a
decimal comma in Dutch.

References
----------
.. [1] Cumming, G. (2014). The new statistics: why and how. *Psychological Science* 25(1), 7-29.
.. [2] Cohen, J. (1988). *Statistical Power Analysis for the Behavioral Sciences* (2nd ed.).
   Lawrence Erlbaum.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

import ipywidgets as W
import numpy as np
import pandas as pd

__all__ = ["group_explorer", "GroupExplorerState", "interval_lab", "IntervalLabState"]

_LANGS = ("nl", "en")
_T = {
    "measure": ("Kenmerk", "Measure"),
    "explorer": ("Vergelijk de groepen op één kenmerk", "Compare the groups on one measure"),
    "lab": ("Proefje: hoe breed is het 95%-interval?", "Try it: how wide is the 95% interval?"),
    "n": ("personen per groep", "people per group"),
    "true": ("echt verschil (in SD)", "true difference (in SD)"),
    "draw": ("Trek een nieuwe steekproef", "Draw a new sample"),
    "draw20": ("Trek er 20", "Draw 20"),
    "reset": ("Opnieuw beginnen", "Start again"),
    "last": ("Laatste steekproef: verschil {diff}, 95%-interval {low} tot {high} ({width} breed).",
             "Last sample: difference {diff}, 95% interval {low} to {high} ({width} wide)."),
    "caught": ("{hit} van de {total} intervallen bevatten het echte verschil ({share}).",
               "{hit} of the {total} intervals contain the true difference ({share})."),
    "hit": ("Dit interval bevat het echte verschil.", "This interval contains the true difference."),
    "miss": ("Dit interval mist het echte verschil.", "This interval misses the true difference."),
    "none": ("Klik op de knop om een steekproef te trekken.", "Click the button to draw a sample."),
    "axis_x": ("verschil tussen de groepen (in SD)", "difference between the groups (in SD)"),
    "axis_y": ("steekproef", "sample"),
    "truth": ("echt verschil", "true difference"),
    "fig": ("De laatste {n} intervallen (rood: mist het echte verschil)",
            "The last {n} intervals (red: misses the true difference)"),
}


def _t(key: str, lang: str, **kw: Any) -> str:
    if lang not in _LANGS:
        raise ValueError(f"lang must be 'nl' or 'en', not {lang!r}")
    text = _T[key][_LANGS.index(lang)]
    return text.format(**kw) if kw else text


def _num(value: float, lang: str, digits: int = 2) -> str:
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "nl" else text


# -- group explorer --------------------------------------------------------------------------

@dataclass
class GroupExplorerState:
    """The chosen measure, its comparison table and the sentences shown.

    Attributes
    ----------
    metric : str
        The chosen metric key.
    table : pandas.DataFrame
        :func:`netles.compare.compare_groups` for that metric.
    sentences : list of str
        One plain sentence per pair of groups (:func:`netles.compare.describe_difference`).
    figure : plotly.graph_objects.Figure
        The distribution per group (:func:`netles.plots.plot_distributions`).
    """

    profiles: pd.DataFrame
    groups: Any
    metrics: list
    lang: str = "nl"
    n_boot: int = 1000
    seed: int = 0
    metric: str = ""
    table: pd.DataFrame | None = None
    sentences: list = field(default_factory=list)
    figure: Any = None
    _listeners: list = field(default_factory=list, repr=False)

    def choose(self, metric: str) -> None:
        """Show ``metric`` (a metric key of the profiles)."""
        from ..compare import compare_groups, describe_difference
        from ..plots.comparisons import plot_distributions

        if metric not in self.metrics:
            raise ValueError(f"{metric!r} is not one of the measures here: {', '.join(self.metrics)}")
        self.metric = metric
        self.table = compare_groups(self.profiles, self.groups, metrics=[metric], n_boot=self.n_boot,
                                    n_perm=self.n_boot, seed=self.seed)
        self.sentences = [describe_difference(row, self.lang) for _, row in self.table.iterrows()]
        self.figure = plot_distributions(self.profiles, self.groups, metric, lang=self.lang)
        for listener in self._listeners:
            listener(self)

    def on_change(self, callback: Callable[["GroupExplorerState"], None]) -> None:
        self._listeners.append(callback)


class _ExplorerWidget(W.VBox):
    def __init__(self, state: GroupExplorerState):
        from ..profile import metric_label
        from .editor import figure_output

        self.state = state
        lang = state.lang
        self._figure_output = figure_output
        self.measure = W.Dropdown(options=[(metric_label(m, lang), m) for m in state.metrics], value=state.metric,
                                  description=_t("measure", lang), layout=W.Layout(width="420px"),
                                  style={"description_width": "70px"})
        self.text = W.HTML(layout=W.Layout(max_width="1000px"))
        self.figure = W.Output(layout=W.Layout(width="100%", overflow="auto"))
        super().__init__([W.HTML(f"<b>{html.escape(_t('explorer', lang))}</b>"), self.measure, self.figure, self.text],
                         layout=W.Layout(width="100%"))
        self.add_class("netles-group-explorer")
        self.measure.observe(lambda change: state.choose(change["new"]), "value")
        state.on_change(lambda _s: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        items = "".join(f"<li>{html.escape(s)}</li>" for s in self.state.sentences)
        self.text.value = f'<ul style="line-height:1.45;font-size:14px">{items}</ul>'
        self._figure_output(self.state.figure, self.figure, height=380)


def group_explorer(profiles: pd.DataFrame, groups, metrics: Iterable[str] | None = None, *, lang: str = "nl",
                   n_boot: int = 1000, seed: int = 0) -> tuple[W.Widget, GroupExplorerState]:
    """Choose a measure; see its distribution per group and every pair of groups compared in words.

    Parameters
    ----------
    profiles : pandas.DataFrame
        One row per ego (:func:`netles.profile_many`).
    groups : str, pandas.Series or sequence
        As in :func:`netles.compare.compare_groups`.
    metrics : list of str, optional
        The measures to choose from (default: size, density, support coverage, share of family,
        share of professionals, where present).
    lang : {"nl", "en"}
    n_boot : int
        Bootstrap draws and permutations per comparison.
    seed : int

    Returns
    -------
    (widget, GroupExplorerState)
        The widget has ``measure`` (Dropdown), ``figure`` (Output) and ``text`` (HTML).

    Examples
    --------
    >>> profiles = pd.DataFrame({"size": [3.0, 4, 5, 10, 11, 12], "density": [0.5, 0.4, 0.6, 0.2, 0.3, 0.1]},
    ...                         index=list("abcdef"))
    >>> widget, state = group_explorer(profiles, ["x", "x", "x", "y", "y", "y"], n_boot=200)
    >>> state.sentences[0].startswith("omvang: x gemiddeld 4,00, y 11,00")
    True
    >>> widget.measure.value = "density"
    >>> state.sentences[0].startswith("dichtheid: x gemiddeld 0,50")
    True
    """
    if lang not in _LANGS:
        raise ValueError(f"lang must be 'nl' or 'en', not {lang!r}")
    default = ["size", "density", "support_coverage", "share_family", "share_professional"]
    keys = [m for m in (metrics if metrics is not None else default) if m in profiles.columns]
    if not keys:
        raise ValueError("none of the measures is a column of the profiles")
    state = GroupExplorerState(profiles, groups, keys, lang=lang, n_boot=n_boot, seed=seed)
    state.choose(keys[0])
    return _ExplorerWidget(state), state


# -- interval lab ----------------------------------------------------------------------------

@dataclass
class IntervalLabState:
    """Samples drawn so far and their 95% intervals.

    Attributes
    ----------
    n : int
        People per group.
    true_difference : float
        The difference between the two populations, in standard deviations.
    intervals : list of (float, float, float)
        Per sample: the observed difference and the 95% interval (low, high), newest last. The lab
        starts (and starts over, after a new setting or *Opnieuw beginnen*) with one sample.
    """

    lang: str = "nl"
    n: int = 20
    true_difference: float = 0.5
    seed: int = 0
    intervals: list = field(default_factory=list)
    _rng: Any = field(default=None, repr=False)
    _listeners: list = field(default_factory=list, repr=False)

    def __post_init__(self):
        self._rng = np.random.default_rng(self.seed)
        self._sample()  # the lab opens with one sample to look at

    def _sample(self) -> None:
        a = self._rng.normal(0.0, 1.0, self.n)
        b = self._rng.normal(self.true_difference, 1.0, self.n)
        diff = float(b.mean() - a.mean())
        se = float(np.sqrt(a.var(ddof=1) / self.n + b.var(ddof=1) / self.n))
        self.intervals.append((diff, diff - 1.96 * se, diff + 1.96 * se))

    def _changed(self) -> None:
        for listener in self._listeners:
            listener(self)

    def on_change(self, callback: Callable[["IntervalLabState"], None]) -> None:
        self._listeners.append(callback)

    def set_n(self, n: int) -> None:
        """People per group (at least 3); earlier samples are forgotten and one new one is drawn."""
        if int(n) < 3:
            raise ValueError("a group needs at least 3 people")
        self.n = int(n)
        self.reset()

    def set_difference(self, value: float) -> None:
        """The true difference in standard deviations; earlier samples are forgotten and one new one is drawn."""
        self.true_difference = float(value)
        self.reset()

    def reset(self) -> None:
        """Start over with one new sample."""
        self.intervals = []
        self._sample()
        self._changed()

    def draw(self, times: int = 1) -> tuple[float, float, float]:
        """Draw ``times`` new samples of both groups; returns the last (difference, low, high).

        Each sample is ``n`` values from a normal distribution with SD 1 per group, the second
        group's mean ``true_difference`` higher. The interval is the usual 95% interval of a
        difference of means (Welch, normal approximation: difference plus and minus 1.96 standard
        errors), so the lab shows the idea without a bootstrap's wait.
        """
        for _ in range(int(times)):
            self._sample()
        self._changed()
        return self.intervals[-1]

    @property
    def caught(self) -> int:
        """How many intervals contain the true difference."""
        return sum(1 for _, low, high in self.intervals if low <= self.true_difference <= high)

    @property
    def text(self) -> str:
        """What the lab says under the figure."""
        lang = self.lang
        if not self.intervals:
            return _t("none", lang)
        diff, low, high = self.intervals[-1]
        share = f"{100 * self.caught / len(self.intervals):.0f}%"
        if len(self.intervals) == 1:
            tally = _t("hit" if self.caught else "miss", lang)
        else:
            tally = _t("caught", lang, hit=self.caught, total=len(self.intervals), share=share)
        return _t("last", lang, diff=_num(diff, lang), low=_num(low, lang), high=_num(high, lang),
                  width=_num(high - low, lang)) + " " + tally

    def figure(self, last: int = 20):
        """The last ``last`` intervals as horizontal lines, the true difference as a vertical line."""
        import plotly.graph_objects as go

        from ..plots import count_axis, style

        lang = self.lang
        shown = self.intervals[-last:]
        fig = go.Figure()
        for i, (diff, low, high) in enumerate(shown, start=1):
            hit = low <= self.true_difference <= high
            colour = "#4c72b0" if hit else "#c44e52"
            fig.add_trace(go.Scatter(x=[low, high], y=[i, i], mode="lines", line=dict(color=colour, width=3),
                                     showlegend=False, hoverinfo="skip"))
            fig.add_trace(go.Scatter(x=[diff], y=[i], mode="markers", marker=dict(color=colour, size=8), showlegend=False,
                                     hovertemplate=f"{_num(diff, lang)} ({_num(low, lang)} - {_num(high, lang)})<extra></extra>"))
        fig.add_vline(x=self.true_difference, line_dash="dash", line_color="black",
                      annotation_text=_t("truth", lang), annotation_position="top")
        fig.update_layout(title=_t("fig", lang, n=len(shown)), xaxis_title=_t("axis_x", lang),
                          yaxis_title=_t("axis_y", lang), height=380,
                          xaxis=dict(range=[self.true_difference - 2.2, self.true_difference + 2.2]))
        style(fig, lang)
        count_axis(fig, "y", top=len(shown) + 0.5)
        return fig


class _LabWidget(W.VBox):
    def __init__(self, state: IntervalLabState):
        from .editor import figure_output

        self.state = state
        lang = state.lang
        self._figure_output = figure_output
        style = {"description_width": "170px"}
        self.n = W.IntSlider(value=state.n, min=5, max=200, step=5, description=_t("n", lang),
                             layout=W.Layout(width="480px"), style=style, continuous_update=False)
        # a selection slider, so that the readout is written the Dutch way (0,5) in Dutch
        steps = [round(0.1 * i, 1) for i in range(16)]
        start = min(steps, key=lambda v: abs(v - state.true_difference))
        self.difference = W.SelectionSlider(options=[(_num(v, lang, 1), v) for v in steps], value=start,
                                            description=_t("true", lang), layout=W.Layout(width="480px"),
                                            style=dict(style), continuous_update=False)
        self.draw_button = W.Button(description=_t("draw", lang), icon="random", layout=W.Layout(width="260px"))
        self.draw20_button = W.Button(description=_t("draw20", lang), layout=W.Layout(width="140px"))
        self.reset_button = W.Button(description=_t("reset", lang), layout=W.Layout(width="180px"))
        self.text = W.HTML(layout=W.Layout(max_width="900px"))
        self.figure = W.Output(layout=W.Layout(width="100%", overflow="auto"))
        super().__init__([W.HTML(f"<b>{html.escape(_t('lab', lang))}</b>"), self.n, self.difference,
                          W.HBox([self.draw_button, self.draw20_button, self.reset_button]), self.text, self.figure],
                         layout=W.Layout(width="100%"))
        self.add_class("netles-interval-lab")
        self.n.observe(lambda change: state.set_n(change["new"]), "value")
        self.difference.observe(lambda change: state.set_difference(change["new"]), "value")
        self.draw_button.on_click(lambda _b: state.draw())
        self.draw20_button.on_click(lambda _b: state.draw(20))
        self.reset_button.on_click(lambda _b: state.reset())
        state.on_change(lambda _s: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.text.value = f'<p style="font-size:14px;line-height:1.45">{html.escape(self.state.text)}</p>'
        if self.state.intervals:
            self._figure_output(self.state.figure(), self.figure)
        else:
            self.figure.outputs = ()


def interval_lab(lang: str = "nl", *, n: int = 20, true_difference: float = 0.5,
                 seed: int = 0) -> tuple[W.Widget, IntervalLabState]:
    """Draw samples and watch their 95% intervals: wider with few people, right about 95 times in 100.

    Parameters
    ----------
    lang : {"nl", "en"}
    n : int
        People per group at the start.
    true_difference : float
        The true difference (in standard deviations) at the start.
    seed : int
        Random seed: the same clicks give the same samples.

    Returns
    -------
    (widget, IntervalLabState)
        The widget has ``n`` and ``difference`` (sliders), ``draw_button``, ``draw20_button``,
        ``reset_button``, ``text`` (HTML) and ``figure`` (Output).

    Examples
    --------
    >>> widget, lab = interval_lab(seed=1)
    >>> len(lab.intervals)  # it opens with one sample
    1
    >>> _ = lab.draw(99)
    >>> 88 <= lab.caught <= 100
    True
    >>> widget.n.value = 200  # more people: narrower intervals
    >>> narrow = lab.draw()
    >>> bool(narrow[2] - narrow[1] < 0.5)
    True
    """
    if lang not in _LANGS:
        raise ValueError(f"lang must be 'nl' or 'en', not {lang!r}")
    state = IntervalLabState(lang=lang, n=n, true_difference=true_difference, seed=seed)
    return _LabWidget(state), state
