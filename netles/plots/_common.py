"""Shared pieces of the netles figures: labels, colours, hover texts and label placement.

Every figure in :mod:`netles.plots` is drawn at a fixed size with equal axis scales, so that a
distance in data units maps to a known number of pixels. That is what lets the figures check, before
drawing, whether a name label fits next to its marker without covering another label or marker
(:func:`fit_labels`): a label that does not fit is left out of the picture and stays in the hover.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from .. import vocab

__all__ = [
    "check_lang",
    "text",
    "field_label",
    "value_label",
    "alter_category",
    "category_order",
    "category_colors",
    "alter_hover",
    "short_name",
    "LabelBox",
    "fit_labels",
    "marker_boxes",
    "base_layout",
    "case_title",
    "FONT",
]

from .textboxes import ASCENT, DESCENT  # noqa: E402  (re-exported for the figure modules)
from .textsize import FONT, LINE_HEIGHT, text_width  # noqa: E402

# Average glyph width as a share of the font size, for the old fixed-size helpers below
# (fit_labels, base_layout); the figures themselves measure text with netles.plots.textsize.
CHAR_WIDTH = 0.6

# Fields that have no vocabulary but do appear in hovers and legends.
_FIELD_LABELS = {
    "alter_id": ("code", "id"),
    "name": ("naam", "name"),
    "age": ("leeftijd", "age"),
    "travel_minutes": ("reistijd (minuten)", "travel time (minutes)"),
    "since": ("bekend sinds", "known since"),
    "system": ("systeem", "system"),
}

# Short texts the figures share, Dutch and English.
_TEXTS = {
    "unknown": ("onbekend", "unknown"),
    "none": ("geen", "none"),
    "several_support": ("meerdere soorten steun", "several kinds of support"),
    "no_support": ("geen steun genoteerd", "no support recorded"),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    "ego": ("cliënt", "client"),
    "burdening_tie": ("belastende relatie", "burdening relationship"),
    "disrupted_tie": ("verstoorde relatie", "disrupted relationship"),
    "alter_ties": ("kennen elkaar", "know each other"),
    "hidden_labels": (
        "{n} van de {m} namen passen niet: wijs een bolletje aan om de naam te zien",
        "{n} of the {m} names do not fit: point at a dot to see the name",
    ),
    "minutes": ("min", "min"),
}


def case_title(net, lang: str = "nl") -> str | None:
    """The title of a case network for a figure title: ``title`` (``title_en`` in English when given).

    None when the network has no title (a student's own network): the figure then shows only the
    instrument's name, never an internal id.

    Examples
    --------
    >>> from netles import datasets
    >>> case_title(datasets.load_case("pubers_ic"))
    'Sem en Noa: moeder ligt op de intensive care'
    """
    from ..datasets import case_title as _case_title

    title = _case_title(net, lang)
    return title.strip() if isinstance(title, str) and title.strip() else None


def check_lang(lang: str) -> int:
    """Index of ``lang`` in :data:`netles.vocab.LANGUAGES`; raises ValueError for other values."""
    if lang not in vocab.LANGUAGES:
        raise ValueError(f"lang must be one of {vocab.LANGUAGES}, not {lang!r}")
    return vocab.LANGUAGES.index(lang)


def text(key: str, lang: str = "nl", **fmt: Any) -> str:
    """A shared figure text in ``lang`` (``fmt`` fills ``{placeholders}``)."""
    out = _TEXTS[key][check_lang(lang)]
    return out.format(**fmt) if fmt else out


def field_label(field: str, lang: str = "nl") -> str:
    """The label of an alter field (vocabulary fields from :mod:`netles.vocab`).

    Examples
    --------
    >>> field_label("valence"), field_label("age", "en"), field_label("hobby")
    ('lading', 'age', 'hobby')
    """
    i = check_lang(lang)
    if field in vocab.VOCABULARIES:
        return vocab.VOCABULARIES[field].field_label(lang)
    if field in _FIELD_LABELS:
        return _FIELD_LABELS[field][i]
    if field.startswith("support:"):
        return vocab.SUPPORT.label(field.split(":", 1)[1], lang)
    return field


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, (tuple, list)) and not value:
        return False
    return False


def value_label(field: str, value: Any, lang: str = "nl") -> str:
    """A stored value as people read it: vocabulary codes become labels, missing becomes "onbekend".

    Examples
    --------
    >>> value_label("contact", "weekly"), value_label("support", ("practical", "emotional"))
    ('wekelijks', 'praktische hulp, emotionele steun')
    >>> value_label("circle", 2, "en"), value_label("age", 54.0), value_label("status", None)
    ('2 friends', '54', 'onbekend')
    """
    if _missing(value):
        return text("unknown", lang)
    if field == "support":
        return ", ".join(vocab.SUPPORT.label(c, lang) for c in value) if value else text("none", lang)
    if field == "circle" and value in vocab.CIRCLE:
        return f"{int(value)} {vocab.CIRCLE.label(int(value), lang)}"
    if field in vocab.VOCABULARIES and value in vocab.VOCABULARIES[field]:
        return vocab.VOCABULARIES[field].label(value, lang)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        out = f"{value:g}"
        return out.replace(".", ",") if lang == "nl" else out
    return str(value)


def alter_category(record: Mapping, field: str, lang: str = "nl") -> str:
    """The legend category of an alter for ``color_by=field``.

    ``support`` puts each alter in the one function it gives, in "meerdere soorten steun" when it
    gives several and in "geen steun genoteerd" when none; ``support:<function>`` asks yes/no for
    one function. Every other field uses :func:`value_label`.

    Examples
    --------
    >>> alter_category({"support": ("practical",)}, "support")
    'praktische hulp'
    >>> alter_category({"support": ("practical", "emotional")}, "support", "en")
    'several kinds of support'
    >>> alter_category({"support": ("emotional",)}, "support:emotional")
    'emotionele steun: ja'
    """
    if field == "support":
        codes = record.get("support") or ()
        if not codes:
            return text("no_support", lang)
        if len(codes) > 1:
            return text("several_support", lang)
        return vocab.SUPPORT.label(codes[0], lang)
    if field.startswith("support:"):
        function = field.split(":", 1)[1]
        has = function in (record.get("support") or ())
        return f"{vocab.SUPPORT.label(function, lang)}: {text('yes' if has else 'no', lang)}"
    return value_label(field, record.get(field), lang)


def category_order(field: str, lang: str = "nl", present: Iterable[str] = ()) -> list[str]:
    """Legend order of the categories of ``field``: vocabulary order, then the rest sorted, then unknown."""
    present = list(dict.fromkeys(present))
    if field == "support":
        order = [vocab.SUPPORT.label(c, lang) for c in vocab.SUPPORT] + [text("several_support", lang), text("no_support", lang)]
    elif field.startswith("support:"):
        function = vocab.SUPPORT.label(field.split(":", 1)[1], lang)
        order = [f"{function}: {text('yes', lang)}", f"{function}: {text('no', lang)}"]
    elif field in vocab.VOCABULARIES:
        order = [value_label(field, c, lang) for c in vocab.VOCABULARIES[field]]
    else:
        order = []
    unknown = text("unknown", lang)
    rest = sorted(p for p in present if p not in order and p != unknown)
    full = [c for c in order if c in present] + rest
    if unknown in present:
        full.append(unknown)
    return full


# Okabe-Ito colours (readable for the common kinds of colour blindness), then a few more; red
# (#D55E00) is kept out: it marks burdening relationships in every figure. Okabe-Ito's yellow and
# black come last: yellow dots vanish on a white projector screen, black ones look like the client.
_PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#8C564B", "#9467BD",
            "#17BECF", "#BCBD22", "#7F7F7F", "#1F77B4", "#FF9896", "#F0E442", "#000000"]
# Fields where a colour carries meaning (red = burdening or disrupted, green = supportive/active).
_FIXED = {
    "valence": {"supportive": "#009E73", "ambivalent": "#E69F00", "burdening": "#D55E00"},
    "status": {"active": "#009E73", "faded": "#9E9E9E", "disrupted": "#D55E00"},
    "sector": {"family": "#E69F00", "fellow_clients": "#CC79A7", "professionals": "#0072B2", "society": "#009E73"},
    "circle": {1: "#B2182B", 2: "#EF8A62", 3: "#67A9CF", 4: "#2166AC"},
    "contact": {"daily": "#08306B", "weekly": "#2171B5", "monthly": "#6BAED6", "yearly": "#BDD7E7", "rarely": "#E0E0E0"},
}
UNKNOWN_COLOR = "#BDBDBD"


def category_colors(field: str, categories: Sequence[str], lang: str = "nl") -> dict[str, str]:
    """A colour per category; the same category always gets the same colour in every figure."""
    unknown = text("unknown", lang)
    colors: dict[str, str] = {}
    fixed = _FIXED.get(field, {})
    by_label = {value_label(field, code, lang): color for code, color in fixed.items()}
    if field in vocab.VOCABULARIES and field != "support":
        base = [value_label(field, c, lang) for c in vocab.VOCABULARIES[field]]
    else:
        base = category_order(field, lang, list(categories) + ([] if field.startswith("support") else []))
        if field == "support":  # fixed order, so a function keeps its colour whichever are present
            base = category_order(field, lang, [vocab.SUPPORT.label(c, lang) for c in vocab.SUPPORT]
                                  + [text("several_support", lang)])
    free = iter(c for c in _PALETTE if c not in by_label.values())
    for cat in list(base) + [c for c in categories if c not in base]:
        if cat == unknown or cat == text("no_support", lang) or cat.endswith(": " + text("no", lang)):
            colors[cat] = UNKNOWN_COLOR
        elif cat in by_label:
            colors[cat] = by_label[cat]
        else:
            colors[cat] = next(free, "#444444")
    return {c: colors[c] for c in categories}


_HOVER_FIELDS = ("relation", "circle", "sector", "contact", "support", "support_direction", "valence", "status",
                 "gender", "age", "travel_minutes", "since")


def short_name(record: Mapping, max_chars: int = 18) -> str:
    """The name shown next to a marker: the pseudonym (or the id), cut to ``max_chars``."""
    name = record.get("name")
    name = name if isinstance(name, str) and name.strip() else str(record.get("alter_id"))
    return name if len(name) <= max_chars else name[: max_chars - 1].rstrip() + "…"


def alter_hover(record: Mapping, lang: str = "nl", extra: Sequence[tuple[str, str]] = ()) -> str:
    """Hover text of one alter: pseudonym in bold, then every filled-in field with its label.

    Examples
    --------
    >>> print(alter_hover({"alter_id": "D", "name": "Dewi", "relation": "friend", "circle": 2}).replace("<br>", "|"))
    <b>Dewi</b>|relatie: vriend(in)|cirkel: 2 vrienden
    """
    name = record.get("name") if isinstance(record.get("name"), str) and record.get("name") else record.get("alter_id")
    lines = [f"<b>{name}</b>"]
    for f in _HOVER_FIELDS:
        value = record.get(f)
        if _missing(value) or (f == "support" and not value):
            continue
        shown = value_label(f, value, lang)
        if f == "travel_minutes":
            shown += " " + text("minutes", lang)
        lines.append(f"{field_label(f, lang)}: {shown}")
    lines.extend(f"{k}: {v}" for k, v in extra)
    return "<br>".join(lines)


@dataclass(frozen=True)
class LabelBox:
    """A text label's box in data units (``x0 < x1``, ``y0 < y1``) and its plotly text position."""

    x0: float
    y0: float
    x1: float
    y1: float
    position: str

    def overlaps(self, other: "LabelBox | tuple") -> bool:
        ox0, oy0, ox1, oy1 = other[:4] if isinstance(other, tuple) else (other.x0, other.y0, other.x1, other.y1)
        return self.x0 < ox1 and ox0 < self.x1 and self.y0 < oy1 and oy0 < self.y1


def _label_box(x: float, y: float, label: str, position: str, unit: float, font_size: float, radius: float) -> LabelBox:
    w = len(label) * font_size * CHAR_WIDTH / unit
    h = font_size * LINE_HEIGHT / unit
    gap = radius + 3 / unit  # plotly leaves about 3 px between marker and text
    if position == "middle right":
        return LabelBox(x + gap, y - h / 2, x + gap + w, y + h / 2, position)
    if position == "middle left":
        return LabelBox(x - gap - w, y - h / 2, x - gap, y + h / 2, position)
    if position == "top center":
        return LabelBox(x - w / 2, y + gap, x + w / 2, y + gap + h, position)
    if position == "bottom center":
        return LabelBox(x - w / 2, y - gap - h, x + w / 2, y - gap, position)
    raise ValueError(position)


def marker_boxes(xs: Sequence[float], ys: Sequence[float], radius: float) -> list[tuple]:
    """Square boxes (x0, y0, x1, y1) around round markers of ``radius`` data units."""
    return [(x - radius, y - radius, x + radius, y + radius) for x, y in zip(xs, ys)]


def fit_labels(
    xs: Sequence[float],
    ys: Sequence[float],
    labels: Sequence[str],
    *,
    unit: float,
    font_size: float,
    radius: float,
    order: Sequence[int] | None = None,
    obstacles: Iterable[tuple] = (),
    bounds: tuple[float, float, float, float] | None = None,
    positions: Sequence[str] = ("middle right", "middle left", "bottom center", "top center"),
) -> list[LabelBox | None]:
    """Place name labels next to markers so that no two labels and no label and marker overlap.

    Labels are tried in ``order`` (the most important first), each at the first of ``positions``
    where its box is free of every marker, every label placed before it, every obstacle box and
    inside ``bounds``. A label that fits nowhere gets ``None``: the figure leaves it out and
    keeps the name in the hover.

    Parameters
    ----------
    xs, ys : sequence of float
        Marker centres in data units.
    labels : sequence of str
        The text of each label.
    unit : float
        Pixels per data unit (the figure has equal axis scales).
    font_size : float
        Font size in pixels.
    radius : float
        Marker radius in data units.
    order : sequence of int, optional
        Priority of the labels (default: as given).
    obstacles : iterable of tuple
        Further boxes ``(x0, y0, x1, y1)`` to keep free (titles, ring names).
    bounds : tuple, optional
        ``(x0, y0, x1, y1)``: labels must lie inside.
    positions : sequence of str
        Plotly text positions to try.

    Returns
    -------
    list of LabelBox or None

    Examples
    --------
    >>> boxes = fit_labels([0, 0.3], [0, 0], ["Anja", "Bram"], unit=100, font_size=10, radius=0.05)
    >>> [b.position for b in boxes]
    ['middle left', 'middle right']
    """
    taken: list[tuple] = list(obstacles)
    markers = marker_boxes(xs, ys, radius)
    out: list[LabelBox | None] = [None] * len(labels)
    for i in order if order is not None else range(len(labels)):
        if not labels[i]:
            continue
        for pos in positions:
            box = _label_box(xs[i], ys[i], labels[i], pos, unit, font_size, radius)
            if bounds is not None and not (
                box.x0 >= bounds[0] and box.y0 >= bounds[1] and box.x1 <= bounds[2] and box.y1 <= bounds[3]
            ):
                continue
            if any(box.overlaps(m) for j, m in enumerate(markers) if j != i):
                continue
            if any(box.overlaps(t) for t in taken):
                continue
            out[i] = box
            taken.append((box.x0, box.y0, box.x1, box.y1))
            break
    return out


def base_layout(fig: go.Figure, *, width: int, height: int, margin: dict, xrange: Sequence[float],
                yrange: Sequence[float], title: str | None = None, legend_title: str | None = None,
                lang: str = "nl") -> go.Figure:
    """Fix size, margins and equal, hidden axes, so one data unit is a known number of pixels.

    For a figure of fixed geometry; the instruments use :func:`netles.plots._frame.make_frame`,
    which works out the margins from the title and legend for the size the figure is shown at.
    """
    fig.update_layout(
        width=width,
        height=height,
        margin=margin,
        autosize=False,
        template="netles" if lang == "nl" else "netles_en",
        separators=",." if lang == "nl" else ".,",
        font=dict(family=FONT, size=13, color="#222222"),
        title=dict(text=title, x=0.02, xanchor="left", font=dict(size=18)) if title else None,
        hovermode="closest",
        hoverlabel=dict(bgcolor="white", font=dict(family=FONT, size=13)),
        legend=dict(title=dict(text=legend_title) if legend_title else None, itemsizing="constant",
                    x=1.01, xanchor="left", y=1, yanchor="top", font=dict(size=13)),
        plot_bgcolor="white",
        dragmode="pan",
    )
    fig.update_xaxes(range=list(xrange), visible=False, fixedrange=False, constrain="domain")
    fig.update_yaxes(range=list(yrange), visible=False, scaleanchor="x", scaleratio=1, constrain="domain")
    return fig


def pairwise_min_distance(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Smallest distance between two points (``inf`` for fewer than two)."""
    pts = np.column_stack([np.asarray(xs, float), np.asarray(ys, float)])
    if len(pts) < 2:
        return math.inf
    d = np.sqrt(((pts[:, None, :] - pts[None, :, :]) ** 2).sum(-1))
    d[np.diag_indices(len(pts))] = np.inf
    return float(d.min())
