"""The netles look of a plotly figure: one template, Dutch or English number format, whole-number axes.

Importing :mod:`netles.plots` registers two plotly templates:

- ``"netles"``: white background, light grid, the netles colours (Okabe-Ito, readable with the common
  kinds of colour blindness), Arial 14 px, and the Dutch number format: a decimal comma and a
  thousands dot (``separators=",."``: 1.234,5);
- ``"netles_en"``: the same with the English number format (1,234.5).

:func:`style` puts a figure in the template for its language; :func:`count_axis` makes an axis that
counts people or functions show whole numbers only (no "2,5 mensen"). Every figure factory in
:mod:`netles.plots` uses them; a lesson that draws its own figure can do the same::

    fig = go.Figure(go.Bar(x=labels, y=counts))
    plots.style(fig, lang=taal, count_axes=("y",))

Nothing changes plotly's global default: a figure made without :func:`style` keeps plotly's look.
"""
from __future__ import annotations

import math
from typing import Iterable

import plotly.graph_objects as go
import plotly.io as pio

from .textsize import FONT

__all__ = ["TEMPLATE", "COLORS", "template_name", "separators", "style", "count_axis", "integer_step", "format_number",
           "TITLE_SIZE", "FONT_SIZE"]

COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
          "#8C564B", "#7F7F7F", "#17BECF", "#BCBD22", "#9467BD"]
"""The colour cycle: Okabe-Ito first (red #D55E00 is kept for burdening relationships)."""

FONT_SIZE = 14
"""Base font size (pixels): readable on a projector at 1366x768."""
TITLE_SIZE = 18

TEMPLATE = "netles"
"""Name of the Dutch template (``"netles_en"`` is the English one)."""

_INK = "#222222"
_GRID = "#E6E6E6"
_LINE = "#9E9E9E"


def separators(lang: str = "nl") -> str:
    """plotly ``separators`` for ``lang``: decimal sign then thousands sign.

    Examples
    --------
    >>> separators("nl"), separators("en")
    (',.', '.,')
    """
    if lang not in ("nl", "en"):
        raise ValueError(f"lang must be 'nl' or 'en', not {lang!r}")
    return ",." if lang == "nl" else ".,"


def _template(lang: str) -> go.layout.Template:
    axis = dict(showgrid=True, gridcolor=_GRID, gridwidth=1, zeroline=True, zerolinecolor=_LINE, zerolinewidth=1,
                showline=True, linecolor=_LINE, linewidth=1, ticks="outside", tickcolor=_LINE, ticklen=4,
                title=dict(font=dict(size=FONT_SIZE, color=_INK), standoff=8), tickfont=dict(size=FONT_SIZE - 1, color=_INK),
                automargin=True)
    layout = go.Layout(
        font=dict(family=FONT, size=FONT_SIZE, color=_INK),
        title=dict(font=dict(family=FONT, size=TITLE_SIZE, color=_INK), x=0.01, xanchor="left"),
        paper_bgcolor="white", plot_bgcolor="white", colorway=COLORS, separators=separators(lang),
        xaxis=axis, yaxis=axis,
        legend=dict(bgcolor="rgba(255,255,255,0)", borderwidth=0, font=dict(size=FONT_SIZE - 1, color=_INK)),
        hoverlabel=dict(bgcolor="white", bordercolor=_LINE, font=dict(family=FONT, size=FONT_SIZE - 1, color=_INK)),
        colorscale=dict(sequential="Viridis"),
        bargap=0.25,
    )
    data = dict(
        bar=[go.Bar(marker=dict(line=dict(width=0)), textfont=dict(color=_INK))],
        box=[go.Box(marker=dict(size=6))],
    )
    return go.layout.Template(layout=layout, data=data)


pio.templates["netles"] = _template("nl")
pio.templates["netles_en"] = _template("en")


def template_name(lang: str = "nl") -> str:
    """``"netles"`` for Dutch, ``"netles_en"`` for English."""
    separators(lang)
    return "netles" if lang == "nl" else "netles_en"


def integer_step(top: float, ticks: int = 6) -> int:
    """A whole-number tick step that gives at most about ``ticks`` ticks from 0 to ``top``.

    Examples
    --------
    >>> integer_step(3), integer_step(13.2), integer_step(140)
    (1, 2, 20)
    """
    if not math.isfinite(top) or top <= ticks:
        return 1
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            if top / step <= ticks + 1:
                return step
        magnitude *= 10


def count_axis(fig: go.Figure, axis: str = "y", top: float | None = None, *, ticks: int = 6) -> go.Figure:
    """Make ``axis`` (``"x"``, ``"y"``, ``"y2"`` ...) show whole numbers: counts of people or functions.

    Ticks start at 0 with a whole-number step (:func:`integer_step`) and have no decimals, so an
    axis never reads "2,5" people; the range starts at 0. ``top`` is the largest value to show
    (default: read from the axis range, or 1).

    Examples
    --------
    >>> fig = count_axis(go.Figure(go.Bar(x=["a", "b"], y=[1, 3])), "y", top=3)
    >>> fig.layout.yaxis.dtick, fig.layout.yaxis.tickformat
    (1, 'd')
    """
    name = axis[0] + "axis" + axis[1:]
    ax = fig.layout[name]
    if top is None:
        top = float(ax.range[1]) if ax.range is not None else 1.0
    step = integer_step(top, ticks)
    fig.update_layout({name: dict(tickmode="linear", tick0=0, dtick=step, tickformat="d", rangemode="tozero",
                                  range=[0, max(1.0, top) * 1.1])})
    return fig


def style(fig: go.Figure, lang: str = "nl", *, count_axes: Iterable[str] = ()) -> go.Figure:
    """Give ``fig`` the netles template of ``lang`` (number format included); ``count_axes`` count people.

    Examples
    --------
    >>> fig = style(go.Figure(go.Bar(x=["a"], y=[0.5])), "nl")
    >>> fig.layout.template.layout.separators, fig.layout.separators
    (',.', ',.')
    """
    fig.update_layout(template=template_name(lang), separators=separators(lang))
    for axis in count_axes:
        count_axis(fig, axis)
    return fig


def format_number(value: float, lang: str = "nl", decimals: int = 2) -> str:
    """A number as people read it: at most ``decimals`` decimals, decimal comma in Dutch, "-" for none.

    Examples
    --------
    >>> format_number(0.2667), format_number(14.2, "en"), format_number(5.0), format_number(float("nan"))
    ('0,27', '14.2', '5', '-')
    >>> format_number(1234.5)
    '1.234,5'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    value = round(float(value), decimals)
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{value:,.0f}"
    if lang == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text
