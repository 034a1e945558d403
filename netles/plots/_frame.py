"""The frame of an instrument figure: its size, title, legend and plot area, worked out in pixels.

The instruments (netwerkcirkel, ecogram, genogram, sociogram) are drawn at the size they are shown
at, so a label placed next to a dot is placed for the pixels it will really have. :func:`make_frame`
decides, for a figure of ``width`` x ``height`` pixels, where the legend goes (to the right when
that leaves the larger drawing, else underneath in rows), how much room the title and the note
under the drawing take, and how large the drawing itself can be. :func:`apply_frame` writes that
into the figure's layout with axis ranges that give both axes the same scale and fill the
drawing exactly (so plotly never has to shrink an axis, and one data unit is a known number of
pixels).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import plotly.graph_objects as go

from .style import TITLE_SIZE, separators, template_name
from .textboxes import legend_size
from .textsize import LINE_HEIGHT, text_width, wrap

__all__ = ["SIZES", "DEFAULT_SIZE", "Frame", "make_frame", "apply_frame", "check_size"]

SIZES = {"app": (600, 600), "default": (900, 640), "full": (1366, 768)}
"""Sizes the lessons show the instruments at: in a widget or the app (``app``), in a notebook
(``default``, what the factories draw without ``width``/``height``) and full screen on a projector
(``full``, the screenshots)."""

DEFAULT_SIZE = SIZES["default"]
LEGEND_FONT = 13
NOTE_FONT = 12
PAD = 10  # free pixels along the edges of the figure
GAP = 16  # between the drawing and the legend
COLORBAR_W = 96  # a vertical colour bar with its ticks and title


def check_size(width, height) -> tuple[int, int]:
    """``(width, height)`` in pixels, the default size for None; at least 300 x 300."""
    width = DEFAULT_SIZE[0] if width is None else width
    height = DEFAULT_SIZE[1] if height is None else height
    for name, value in (("width", width), ("height", height)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 300:
            raise ValueError(f"{name} must be a number of pixels of at least 300, not {value!r}")
    return int(width), int(height)


@dataclass
class Frame:
    """Where everything goes in a figure of ``width`` x ``height`` pixels (margins in pixels)."""

    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float
    legend: str | None  # "right", "below" or None
    title: str | None
    title_size: float
    note_width: float
    legend_layout: dict = field(default_factory=dict)

    def font(self, size: float) -> int:
        """A text size for this figure: ``size`` in a widget, a little larger on a big figure."""
        if self.width >= 1200 and self.height >= 700:
            return round(size * 14 / 12)
        if self.width >= 850:
            return round(size * 13 / 12)
        return round(size)

    @property
    def plot_w(self) -> float:
        return self.width - self.left - self.right

    @property
    def plot_h(self) -> float:
        return self.height - self.top - self.bottom

    def ranges(self, x0: float, x1: float, y0: float, y1: float) -> tuple[tuple[float, float], tuple[float, float], float]:
        """Axis ranges around the data box ``x0..x1, y0..y1`` that fill the drawing at equal scales.

        Returns ``(xrange, yrange, unit)`` where ``unit`` is pixels per data unit.
        """
        unit = min(self.plot_w / max(x1 - x0, 1e-9), self.plot_h / max(y1 - y0, 1e-9))
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        hw, hh = self.plot_w / unit / 2, self.plot_h / unit / 2
        return (cx - hw, cx + hw), (cy - hh, cy + hh), unit

    def note(self, text: str) -> dict:
        """The annotation under the drawing (e.g. which names did not fit), wrapped to the figure."""
        return dict(x=-(self.left - PAD) / self.plot_w, y=0, xref="paper", yref="paper", xanchor="left", yanchor="top",
                    yshift=-4, showarrow=False, align="left", text=wrap(text, self.note_width, NOTE_FONT, max_lines=2),
                    font=dict(size=NOTE_FONT, color="#555555"))


def _note_height(width: float, note: bool | str) -> float:
    """Room for the note: one line, or two when the longest note (``note`` as a text) needs them."""
    if not note:
        return 0.0
    lines = 2 if (text_width(note, NOTE_FONT) if isinstance(note, str) else 600) > width - 2 * PAD else 1
    return lines * LINE_HEIGHT * NOTE_FONT + 8


def make_frame(width: int, height: int, *, title: str | None, entries=(), legend_title: str | None = None,
               aspect: float | None = 1.0, note: bool | str = True, legend: str = "auto",
               colorbar: bool = False) -> Frame:
    """Plan a figure: title on top, the drawing, a note line under it, the legend right or below.

    Parameters
    ----------
    width, height : int
        Figure size in pixels.
    title : str or None
        Wrapped to at most two lines.
    entries : sequence
        Legend entries, as :func:`netles.plots.textboxes.legend_entries` gives them.
    legend_title : str, optional
    aspect : float or None
        Height / width of the drawing (1 for a square map); None: as large as the room allows.
    note : bool or str
        Keep room for a note under the drawing (a text: the longest note there can be).
    legend : {"auto", "right", "below"}
        Where the legend goes; "auto" picks the side that leaves the larger drawing.
    colorbar : bool
        Keep room for a colour bar (numbers as colours) under the legend on the right.

    Examples
    --------
    >>> f = make_frame(600, 600, title="Netwerkcirkel", entries=[(None, None, "verwaterd contact (bleek)")] * 6)
    >>> f.legend, f.plot_w > f.plot_h
    ('below', True)
    >>> make_frame(1366, 768, title="Netwerkcirkel", entries=[(None, None, "familie")] * 4).legend
    'right'
    """
    if legend not in ("auto", "right", "below"):
        raise ValueError(f"legend must be 'auto', 'right' or 'below', not {legend!r}")
    title_size = TITLE_SIZE if width >= 700 else TITLE_SIZE - 2
    title_text = wrap(title, width - 2 * PAD, title_size, max_lines=2) if title else None
    title_h = len(title_text.split("<br>")) * LINE_HEIGHT * title_size if title_text else 0.0
    top = PAD + title_h + 0.25 * title_size + (10 if title_text else 0)
    note_h = _note_height(width, note)
    entries = list(entries)

    def fit(avail_w: float, avail_h: float) -> tuple[float, float]:
        """The largest drawing of the asked aspect in the room (all the room without an aspect)."""
        avail_w, avail_h = max(avail_w, 50.0), max(avail_h, 50.0)
        if aspect is None:
            return avail_w, avail_h
        w = min(avail_w, avail_h / aspect)
        return w, w * aspect

    options = {}
    if colorbar:
        legend = "right"
    if entries or colorbar:
        lw, lh = legend_size(entries, LEGEND_FONT, title=legend_title, orientation="v")
        if colorbar:
            lw, lh = max(lw, COLORBAR_W), lh + 160
        w, h = fit(width - 2 * PAD - GAP - lw, height - top - note_h - PAD)
        if lh <= height - top - PAD:
            options["right"] = (w, h, lw, lh, w)
        # underneath, the plot area takes the full width (the drawing is centred in it), so the
        # legend, which plotly wraps at the plot area's width, needs as few rows as it can
        full_w = width - 2 * PAD
        _, lh2 = legend_size(entries, LEGEND_FONT, title=legend_title, orientation="h", max_width=full_w)
        _, h2 = fit(full_w, height - top - note_h - 6 - lh2 - PAD)
        w2 = full_w
        drawing_w = min(w2, h2 / aspect) if aspect else w2
        options["below"] = (w2, h2, w2, lh2, drawing_w)
        if legend == "auto":
            # the side that leaves the larger drawing; right when about equal (one column reads easier)
            choice = "right" if "right" in options and options["right"][4] * options["right"][1] >= 0.92 * drawing_w * h2 else "below"
        else:
            choice = legend if legend in options else "below"
    else:
        choice = None
    if choice == "right":
        w, h, lw, lh, _ = options["right"]
        left = max(PAD, (width - (w + GAP + lw)) / 2)
        right = width - left - w
        legend_layout = dict(orientation="v", x=1 + GAP / w, xanchor="left", y=1, yanchor="top")
        note_width = w + right - PAD
    elif choice == "below":
        w, h, lw, lh, _ = options["below"]
        left = (width - w) / 2
        right = width - left - w
        legend_layout = dict(orientation="h", x=0, xanchor="left", y=-(note_h + 6) / h, yanchor="top",
                             title_side="top")
        note_width = width - 2 * PAD
    else:
        w, h = fit(width - 2 * PAD, height - top - note_h - PAD)
        left = (width - w) / 2
        right = width - left - w
        legend_layout = {}
        note_width = width - 2 * PAD
    bottom = height - top - h
    return Frame(width=width, height=height, left=left, right=right, top=top, bottom=bottom, legend=choice,
                 title=title_text, title_size=title_size, note_width=note_width, legend_layout=legend_layout)


def apply_frame(fig: go.Figure, frame: Frame, *, xrange, yrange, lang: str, legend_title: str | None = None,
                equal: bool = True, grouped_legend: bool = False) -> go.Figure:
    """Size, margins, title, legend and hidden axes of an instrument figure (netles template).

    The legend lists the traces in their order (``traceorder="normal"``): legend groups then only
    make a click switch a line and its marks together, and do not change the legend's shape. With
    ``grouped_legend`` the groups get their own titled blocks (the genogram).
    """
    fig.update_layout(
        template=template_name(lang), separators=separators(lang),
        width=frame.width, height=frame.height, autosize=False,
        margin=dict(l=frame.left, r=frame.right, t=frame.top, b=frame.bottom, pad=0, autoexpand=False),
        title=dict(text=frame.title, x=PAD / frame.width, xanchor="left", xref="container",
                   y=1 - (PAD + 0.25 * frame.title_size) / frame.height, yanchor="top", yref="container",
                   font=dict(size=frame.title_size))
        if frame.title else dict(text=None),
        hovermode="closest", dragmode="pan", plot_bgcolor="white", paper_bgcolor="white",
        showlegend=frame.legend is not None,
        legend=dict(title=dict(text=legend_title, side=frame.legend_layout.get("title_side"))
                    if legend_title else dict(text=None), itemsizing="constant",
                    font=dict(size=LEGEND_FONT), tracegroupgap=10, traceorder="grouped" if grouped_legend else "normal",
                    **{k: v for k, v in frame.legend_layout.items() if k != "title_side"}),
    )
    fig.update_xaxes(range=list(xrange), visible=False, fixedrange=False, showgrid=False, zeroline=False)
    fig.update_yaxes(range=list(yrange), visible=False, showgrid=False, zeroline=False,
                     **(dict(scaleanchor="x", scaleratio=1, constrain="domain") if equal else {}))
    return fig
