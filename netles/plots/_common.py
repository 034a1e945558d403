"""Shared pieces of the netles figures: labels, colours, hover texts, the case title.

Where texts go is worked out in :mod:`netles.plots.textboxes` (boxes in pixels),
:mod:`netles.plots._labels` (names next to markers) and :mod:`netles.plots._frame` (title, legend,
drawing), with the text sizes of :mod:`netles.plots.textsize`.
"""
from __future__ import annotations

import math
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

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
    "marker_boxes",
    "case_title",
    "FONT",
]

from .textboxes import ASCENT, DESCENT  # noqa: E402  (re-exported for the figure modules)
from .textsize import FONT, LINE_HEIGHT, text_width  # noqa: E402


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


def marker_boxes(xs: Sequence[float], ys: Sequence[float], radius: float) -> list[tuple]:
    """Square boxes (x0, y0, x1, y1) around round markers of ``radius`` data units."""
    return [(x - radius, y - radius, x + radius, y + radius) for x, y in zip(xs, ys)]


def pairwise_min_distance(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Smallest distance between two points (``inf`` for fewer than two)."""
    pts = np.column_stack([np.asarray(xs, float), np.asarray(ys, float)])
    if len(pts) < 2:
        return math.inf
    d = np.sqrt(((pts[:, None, :] - pts[None, :, :]) ** 2).sum(-1))
    d[np.diag_indices(len(pts))] = np.inf
    return float(d.min())
