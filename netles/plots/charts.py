"""Small charts the lessons draw: people per support function, the carer's load over time.

Both are in the netles template (:mod:`netles.plots.style`): white, the Dutch number format in
Dutch, and axes that count people show whole numbers only (ticks 0, 1, 2 ..., never "2,5").
"""
from __future__ import annotations

import math
from typing import Sequence

import pandas as pd
import plotly.graph_objects as go

from .. import metrics, vocab
from ..network import EgoNetwork
from . import _common as C
from .style import COLORS, count_axis, format_number, integer_step, style

__all__ = ["count_chart", "support_chart", "carer_load_chart"]


def count_chart(labels: Sequence[str], counts: Sequence[float], *, lang: str = "nl", title: str | None = None,
                axis_title: str | None = None, color: str = COLORS[0], width: int = 640, height: int = 360) -> go.Figure:
    """Bars of counts (people, functions): whole-number axis, the count written on each bar.

    Parameters
    ----------
    labels : sequence of str
        One label per bar (already in ``lang``).
    counts : sequence of number
    lang : {"nl", "en"}
    title, axis_title : str, optional
    color : str
    width, height : int
        Size in pixels.

    Examples
    --------
    >>> fig = count_chart(["praktische hulp", "emotionele steun"], [3, 1], axis_title="mensen")
    >>> fig.layout.yaxis.dtick, fig.layout.yaxis.tickformat, list(fig.data[0].text)
    (1, 'd', ['3', '1'])
    """
    C.check_lang(lang)
    values = [float(c) for c in counts]
    fig = go.Figure(go.Bar(x=list(labels), y=values, marker_color=color, text=[format_number(v, lang) for v in values],
                           textposition="outside", cliponaxis=False, hovertemplate="%{x}: %{y}<extra></extra>"))
    fig.update_layout(title=dict(text=title) if title else None, width=width, height=height,
                      margin=dict(l=60, r=20, t=60 if title else 20, b=60), yaxis_title=axis_title, showlegend=False)
    style(fig, lang)
    count_axis(fig, "y", max(values, default=0))
    return fig


def support_chart(net: EgoNetwork, *, lang: str = "nl", width: int = 640, height: int = 360) -> go.Figure:
    """How many people give each kind of support (the five functions), as whole numbers.

    Examples
    --------
    >>> from netles import datasets
    >>> fig = support_chart(datasets.load_case("voorbeeld"))
    >>> fig.layout.yaxis.dtick, fig.layout.title.text
    (1, 'Aantal mensen per steunfunctie')
    """
    i = C.check_lang(lang)
    given = metrics.support_given(net).sum()
    labels = [vocab.SUPPORT.label(f, lang) for f in given.index]
    return count_chart(labels, given.to_numpy(), lang=lang, width=width, height=height,
                       title=("Aantal mensen per steunfunctie", "People per support function")[i],
                       axis_title=("mensen", "people")[i])


_CARER = {
    "title": ("Belasting van de mantelzorger", "Load of the family carer"),
    "month": ("maand", "month"),
    "load": ("belasting (draaglast / draagkracht)", "load (strain / capacity)"),
    "network": ("eigen netwerk mantelzorger (personen)", "carer's own network (people)"),
    "limit": ("grens: wat de mantelzorger kan dragen", "limit: what the carer can carry"),
    "mantelval": ("mantelval", "carer breakdown (mantelval)"),
    "load_axis": ("belasting (1 = draagkracht)", "load (1 = capacity)"),
    "network_axis": ("personen", "people"),
}


def carer_load_chart(table: pd.DataFrame, *, lang: str = "nl", steps: int | None = None,
                     carer_network: int | None = None, mantelval_step: int | None = None, title: str | None = None,
                     width: int = 640, height: int = 380) -> go.Figure:
    """The carer's load and own network month by month (the table of ``simulate_carer_load``).

    The load (left axis) has decimals with the language's decimal sign; the carer's own network
    (right axis) counts people, so its ticks are whole numbers (not the 2,77 / 5,53 / 8,3 plotly
    would put there to line them up with the left axis). Months are whole numbers too.

    Parameters
    ----------
    table : pandas.DataFrame
        Columns ``step``, ``carer_load``, ``carer_network_size`` (and ``mantelval``).
    lang : {"nl", "en"}
    steps : int, optional
        Last month on the axis (default: the table's last step).
    carer_network : int, optional
        The network size the right axis must hold (default: the largest in the table).
    mantelval_step : int, optional
        Month of the mantelval, marked with a dotted line (default: the first ``mantelval`` row).
    title : str, optional
    width, height : int

    Examples
    --------
    >>> from netles.models import simulate_carer_load
    >>> fig = carer_load_chart(simulate_carer_load(care_need=25, steps=24, seed=1))
    >>> fig.layout.yaxis2.tickmode, fig.layout.yaxis2.dtick, fig.layout.separators
    ('linear', 2, ',.')
    """
    i = C.check_lang(lang)
    t = table
    steps = int(t["step"].max()) if steps is None else int(steps)
    if mantelval_step is None and "mantelval" in t and bool(t["mantelval"].any()):
        mantelval_step = int(t.loc[t["mantelval"], "step"].iloc[0])
    people = max(float(t["carer_network_size"].max()), float(carer_network or 0), 1.0)
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=t["step"], y=t["carer_load"], name=_CARER["load"][i], mode="lines+markers",
                             line={"color": "#B2182B", "width": 3},
                             hovertemplate=f"{_CARER['month'][i]} %{{x}}: %{{y:.2f}}<extra></extra>"))
    fig.add_trace(go.Scatter(x=t["step"], y=t["carer_network_size"], name=_CARER["network"][i], yaxis="y2",
                             mode="lines", line={"color": "#2166AC", "width": 2, "shape": "hv"},
                             hovertemplate=f"{_CARER['month'][i]} %{{x}}: %{{y:d}}<extra></extra>"))
    fig.add_hline(y=1, line={"dash": "dash", "color": "#555555"}, annotation_text=_CARER["limit"][i],
                  annotation_position="top left")
    if mantelval_step is not None:
        fig.add_vline(x=mantelval_step, line={"dash": "dot", "color": "#B2182B"},
                      annotation_text=f"{_CARER['mantelval'][i]} ({_CARER['month'][i]} {mantelval_step})",
                      annotation_position="top right")
    top = max(float(t["carer_load"].max()) * 1.1, 1.5)
    month_step = integer_step(max(steps, 1), 8)
    people_step = integer_step(people, 6)
    fig.update_layout(
        title={"text": _CARER["title"][i] if title is None else title}, width=width, height=height,
        margin={"l": 70, "r": 70, "t": 50, "b": 90}, showlegend=True,
        xaxis={"title": {"text": _CARER["month"][i]}, "range": [0, max(steps, 1)], "tickmode": "linear", "tick0": 0,
               "dtick": month_step, "tickformat": "d"},
        yaxis={"title": {"text": _CARER["load_axis"][i]}, "range": [0, top], "tickformat": ".1f"},
        yaxis2={"title": {"text": _CARER["network_axis"][i]}, "overlaying": "y", "side": "right", "showgrid": False,
                "range": [0, math.ceil(people * 1.1 / people_step) * people_step], "tickmode": "linear", "tick0": 0,
                "dtick": people_step, "tickformat": "d", "zeroline": False},
        legend={"orientation": "h", "x": 0, "y": -0.22, "yanchor": "top"},
    )
    style(fig, lang)
    return fig
