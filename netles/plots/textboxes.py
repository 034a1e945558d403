"""Where the texts of a netles figure land, in pixels: to place labels and to check figures.

plotly draws a marker's text at a fixed distance from the marker (the rule below is plotly.js's
``Drawing.textPointPosition``), an annotation at its anchor, the legend beside or under the plot.
With the text sizes of :mod:`netles.plots.textsize` this module computes the box of every text of
a figure in figure pixels (origin at the top left), before anything is drawn:

- :func:`point_text_box`: the text of a marker at a plotly ``textposition``;
- :func:`legend_size`: the size of plotly's legend for a list of entries;
- :func:`text_boxes`: every text of a figure (marker texts, annotations, the title, the legend)
  with the area it has to stay in;
- :func:`text_problems`: the overlaps and the texts that stick out, in plain words. An empty list
  means no two texts overlap and none is cut off.

The figures use the same rules to place their labels; the tests use :func:`text_problems` on every
instrument, every bundled case and the sizes the lessons show, and ``tests/test_plots_browser.py``
compares these boxes with what Chromium draws.

Examples
--------
>>> from netles import datasets
>>> from netles.plots import netwerkcirkel
>>> text_problems(netwerkcirkel(datasets.load_case("voorbeeld"), width=600, height=600))
[]
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, Sequence

from .textsize import LINE_HEIGHT, split_lines, text_height, text_width

__all__ = ["TextBox", "point_text_box", "annotation_box", "legend_entries", "legend_size", "axis_areas", "text_boxes",
           "text_problems", "ASCENT", "DESCENT"]

ASCENT = 0.95
"""Height above the baseline of a line of text, as a share of the font size (Arial: 0.905)."""
DESCENT = 0.25
"""Depth below the baseline (Arial: 0.212)."""

# plotly.js legend geometry, measured in Chromium (tests/test_plots_browser.py checks it):
# an entry is max(16, 1.3 x font) + 3 px high; the symbol and gaps take 46 px before the text in a
# vertical legend and 45 px per entry in a horizontal one; the box has 5 px padding.
_LEGEND_ITEM = 46.0
_LEGEND_ITEM_H = 45.0
_LEGEND_PAD = 10.0
_LEGEND_GROUP_GAP = 10.0


def _entry_height(font_size: float) -> float:
    return max(16.0, LINE_HEIGHT * font_size) + 3.0


@dataclass(frozen=True)
class TextBox:
    """A text's box in figure pixels (``x0 < x1``, ``y0 < y1``, y downwards).

    ``area`` is the box the text must stay inside (the plot area for a text placed in data
    coordinates, the figure otherwise); ``source`` says where it comes from (``"trace 3"``,
    ``"annotation 5"``, ``"title"``, ``"legend"``).
    """

    kind: str
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    area: tuple[float, float, float, float]
    source: str = ""

    def overlaps(self, other: "TextBox | Sequence[float]", tolerance: float = 0.0) -> bool:
        """True if the boxes share more than ``tolerance`` pixels in both directions."""
        o = (other.x0, other.y0, other.x1, other.y1) if isinstance(other, TextBox) else tuple(other[:4])
        return (min(self.x1, o[2]) - max(self.x0, o[0]) > tolerance
                and min(self.y1, o[3]) - max(self.y0, o[1]) > tolerance)

    def inside(self, tolerance: float = 0.5) -> bool:
        """True if the box lies within its ``area``."""
        a = self.area
        return (self.x0 >= a[0] - tolerance and self.y0 >= a[1] - tolerance
                and self.x1 <= a[2] + tolerance and self.y1 <= a[3] + tolerance)

    @property
    def box(self) -> tuple[float, float, float, float]:
        return (self.x0, self.y0, self.x1, self.y1)


def point_text_box(x: float, y: float, text: str, position: str, font_size: float,
                   marker_size: float = 0.0) -> tuple[float, float, float, float]:
    """The box ``(x0, y0, x1, y1)`` of a marker's text, in pixels (y downwards).

    plotly puts the text ``r = marker_size / 2 / 0.8 + 1`` pixels away from the marker centre
    (none without a marker) and places the first baseline at ``0.75 * font_size + s * r +
    (s - 1) * n * font_size / 2`` below the centre (``s`` is -1 for top, 0 for middle, 1 for bottom,
    ``n`` the number of lines counted in line heights).

    Parameters
    ----------
    x, y : float
        Marker centre in pixels.
    text : str
        The text (``<br>`` for more lines).
    position : str
        A plotly ``textposition`` ("middle right", "top center", ...).
    font_size : float
    marker_size : float
        The marker's ``size`` (diameter in pixels), 0 without a marker.

    Examples
    --------
    >>> [round(v) for v in point_text_box(100, 100, "Anja", "middle right", 12, 20)]
    [112, 92, 141, 106]
    """
    vertical, _, horizontal = position.partition(" ")
    r = marker_size / 2 / 0.8 + 1 if marker_size else 0.0
    # Chromium draws the first glyph up to a pixel nearer the marker than r (side bearing):
    # the box reaches 1.5 px further towards the marker to hold it
    near = 1.5 if marker_size else 0.0
    lines = len(split_lines(text))
    n = (lines - 1) * LINE_HEIGHT + 1
    s = {"top": -1, "middle": 0, "bottom": 1}[vertical]
    baseline = y + 0.75 * font_size + s * r + (s - 1) * n * font_size / 2
    y0 = baseline - ASCENT * font_size
    y1 = baseline + (lines - 1) * LINE_HEIGHT * font_size + DESCENT * font_size
    w = text_width(text, font_size)
    if horizontal == "right":
        return (x + r - near, y0, x + r + w, y1)
    if horizontal == "left":
        return (x - r - w, y0, x - r + near, y1)
    return (x - w / 2, y0, x + w / 2, y1)


def annotation_box(x: float, y: float, text: str, font_size: float, *, xanchor: str = "center",
                   yanchor: str = "middle", bold: bool = False, pad: float = 2.0) -> tuple[float, float, float, float]:
    """The box of an annotation whose anchor point is at pixel ``(x, y)`` (y downwards).

    ``pad`` is plotly's border padding plus border width on each side (1 + 1 by default).
    """
    w = text_width(text, font_size, bold=bold) + 2 * pad
    h = text_height(text, font_size) + 2 * pad
    x0 = {"left": x, "right": x - w}.get(xanchor, x - w / 2)
    y0 = {"top": y, "bottom": y - h}.get(yanchor, y - h / 2)
    return (x0, y0, x0 + w, y0 + h)


def legend_entries(fig) -> tuple[str | None, list[tuple[str | None, str | None, str]]]:
    """The legend plotly will draw: its title and ``(group, group title, entry text)`` per entry.

    A trace is in the legend unless ``showlegend`` is False or it has no name; entries of one
    ``legendgroup`` are listed together (plotly's ``traceorder="grouped"``); ``layout.showlegend``
    False, or a single trace without ``layout.showlegend``, gives no legend.
    """
    layout = fig.layout
    title = None
    if layout.legend and layout.legend.title and layout.legend.title.text:
        title = layout.legend.title.text
    shown = [t for t in fig.data if t.showlegend is not False and t.name]
    if layout.showlegend is False or (layout.showlegend is None and len(fig.data) < 2):
        return title, []
    order = (layout.legend.traceorder if layout.legend and layout.legend.traceorder else None)
    grouped = "grouped" in order if order else any(t.legendgroup for t in shown)
    # entries of one legendgroup stand together, where the group first appears (plotly's "grouped")
    entries: list[tuple[str | None, str | None, str]] = []
    for t in shown:
        group = (t.legendgroup or None) if grouped else None
        group_title = t.legendgrouptitle.text if grouped and getattr(t, "legendgrouptitle", None) and t.legendgrouptitle.text else None
        entry = (group, group_title, t.name)
        last = max((k for k, e in enumerate(entries) if group is not None and e[0] == group), default=None)
        if last is None:
            entries.append(entry)
        else:
            entries.insert(last + 1, (group, entries[last][1] or group_title, t.name))
    return title, entries


def legend_size(entries: Sequence[tuple[str | None, str | None, str]], font_size: float = 13.0, *,
                title: str | None = None, orientation: str = "v", max_width: float = math.inf,
                title_size: float | None = None, group_gap: float = _LEGEND_GROUP_GAP) -> tuple[float, float]:
    """Width and height in pixels of plotly's legend for ``entries`` (as :func:`legend_entries`).

    Vertical: entries under each other, a group title above each group, ``group_gap`` between
    groups. Horizontal: entries side by side in rows no wider than ``max_width`` (in columns of the
    widest entry, as plotly aligns them); with groups, each group is a column of its own.

    Examples
    --------
    >>> legend_size([(None, None, "familie"), (None, None, "professionals")], 13)
    (130.7..., 52.8...)
    """
    title_size = title_size or font_size
    if not entries:
        return (0.0, 0.0)
    item_h = _entry_height(font_size)
    title_w = text_width(title, title_size) + 12 if title else 0.0
    title_h = _entry_height(title_size) + 1 if title else 0.0
    if orientation == "h" and title:
        # netles puts the title of a horizontal legend on a row of its own (title.side "top"):
        # plotly wraps the entries without counting a title beside them, which then sticks out
        inner = legend_size(entries, font_size, orientation="h", max_width=max_width, group_gap=group_gap)
        return (max(inner[0], title_w), inner[1] + title_h + 4)
    groups: list[tuple[str | None, str | None, list[str]]] = []
    for group, group_title, text in entries:
        if groups and groups[-1][0] == group and group is not None:
            groups[-1][2].append(text)
        else:
            groups.append((group, group_title, [text]))
    grouped = any(g[0] is not None for g in groups)
    if orientation == "v":
        width = max([title_w] + [text_width(t, font_size) + _LEGEND_ITEM for _, _, ts in groups for t in ts]
                    + [text_width(gt, font_size) + 12 for _, gt, _ in groups if gt])
        height = _LEGEND_PAD + 3 + title_h + sum(len(ts) * item_h + (item_h + 1 if gt else 0) for _, gt, ts in groups)
        if grouped:  # measured: a grouped legend's box is about 11 px wider and 5 px taller
            height += group_gap * (len(groups) - 1) + 6
            width += 12
        return (width, height)
    if grouped:
        # plotly gives every group a column as wide as the widest entry of any group, and starts a
        # new row of groups when the next column would pass the plot area's width
        col_w = max([text_width(t, font_size) for _, _, ts in groups for t in ts]
                    + [text_width(gt, font_size) - 35 for _, gt, _ in groups if gt]) + _LEGEND_ITEM_H
        col_h = max(len(ts) * item_h + (item_h + 1 if gt else 0) for _, gt, ts in groups)
        rows, x = 1, 0.0
        for k in range(len(groups)):
            if k and x + col_w > max_width:
                rows, x = rows + 1, 0.0
            x += col_w
        per_row = math.ceil(len(groups) / rows)
        return (per_row * col_w + 40, _LEGEND_PAD + rows * col_h + (rows - 1) * group_gap + 6)
    items = [t for _, _, ts in groups for t in ts]
    widest = max(text_width(t, font_size) + _LEGEND_ITEM_H for t in items)
    one_row = sum(text_width(t, font_size) + _LEGEND_ITEM_H for t in items)
    if one_row <= max_width:
        return (one_row, _LEGEND_PAD + item_h)
    # in rows, plotly gives every entry the widest entry's width; its box spans the plot width
    per_row = max(1, int(max_width // widest))
    rows = math.ceil(len(items) / per_row)
    return (max_width, _LEGEND_PAD + rows * item_h)


def _num(value, default: float) -> float:
    return default if value is None else float(value)


def axis_areas(fig) -> dict[tuple[str, str], tuple[tuple[float, float, float, float], tuple, tuple]]:
    """Pixel area and ranges of each pair of axes with a fixed range: ``{(xref, yref): (box, xrange, yrange)}``.

    Axes tied with ``scaleanchor`` keep equal scales as plotly does (``constrain="domain"``: the
    axis with room to spare is shortened around its middle).
    """
    layout = fig.layout
    width, height = _num(layout.width, 700), _num(layout.height, 450)
    m = layout.margin
    left, right, top, bottom = _num(m.l, 80), _num(m.r, 80), _num(m.t, 100), _num(m.b, 80)
    plot_w, plot_h = width - left - right, height - top - bottom
    pairs = {}
    for t in fig.data:
        pairs[(getattr(t, "xaxis", None) or "x", getattr(t, "yaxis", None) or "y")] = True
    if not pairs:
        pairs[("x", "y")] = True
    out = {}
    for xref, yref in pairs:
        xa = layout["xaxis" + xref[1:]]
        ya = layout["yaxis" + yref[1:]]
        if xa.range is None or ya.range is None:
            continue
        xd = xa.domain or (0, 1)
        yd = ya.domain or (0, 1)
        x0, x1 = left + xd[0] * plot_w, left + xd[1] * plot_w
        y0, y1 = top + (1 - yd[1]) * plot_h, top + (1 - yd[0]) * plot_h
        xr, yr = tuple(map(float, xa.range)), tuple(map(float, ya.range))
        if ya.scaleanchor == xref or xa.scaleanchor == yref:
            ratio = float(ya.scaleratio or 1) if ya.scaleanchor == xref else 1 / float(xa.scaleratio or 1)
            sx, sy = (x1 - x0) / (xr[1] - xr[0]), (y1 - y0) / (yr[1] - yr[0]) / ratio
            s = min(sx, sy)
            if sx > s:
                w = s * (xr[1] - xr[0])
                x0, x1 = (x0 + x1 - w) / 2, (x0 + x1 + w) / 2
            if sy > s:
                h = s * ratio * (yr[1] - yr[0])
                y0, y1 = (y0 + y1 - h) / 2, (y0 + y1 + h) / 2
        out[(xref, yref)] = ((x0, y0, x1, y1), xr, yr)
    return out


def _to_px(area, value: float, axis: str) -> float:
    (x0, y0, x1, y1), xr, yr = area
    if axis == "x":
        return x0 + (value - xr[0]) / (xr[1] - xr[0]) * (x1 - x0)
    return y1 - (value - yr[0]) / (yr[1] - yr[0]) * (y1 - y0)


def _at(seq, k, default=None):
    if seq is None:
        return default
    if isinstance(seq, (str, int, float)):
        return seq
    try:
        return seq[k]
    except (IndexError, TypeError):
        return default


def _domain_ref(ref) -> str | None:
    """The axis of a ``"x2 domain"`` reference (``"x2"``), else None."""
    return ref.split()[0] if isinstance(ref, str) and ref.endswith(" domain") else None


def _axis_box(areas: dict, axis: str, letter: str):
    """Pixel box of the first pair of axes that uses ``axis`` (``"x2"``) as its ``letter`` axis."""
    for (xref, yref), area in areas.items():
        if (xref if letter == "x" else yref) == axis:
            return area[0]
    return None


def text_boxes(fig) -> list[TextBox]:
    """Every text of ``fig`` with its box in figure pixels: marker texts, annotations, title, legend.

    Only axes with a fixed ``range`` are read (the netles instruments); marker texts outside the
    axis range are reported where plotly would put them (and are then outside their area).
    """
    layout = fig.layout
    width, height = _num(layout.width, 700), _num(layout.height, 450)
    figure_area = (0.0, 0.0, width, height)
    base_size = _num(layout.font.size if layout.font else None, 12)
    m = layout.margin
    left, right, top, bottom = _num(m.l, 80), _num(m.r, 80), _num(m.t, 100), _num(m.b, 80)
    plot_w, plot_h = width - left - right, height - top - bottom
    areas = axis_areas(fig)
    boxes: list[TextBox] = []
    for k, t in enumerate(fig.data):
        if getattr(t, "type", None) != "scatter" or "text" not in (t.mode or "") or t.text is None or t.visible is False:
            continue
        area = areas.get((t.xaxis or "x", t.yaxis or "y"))
        if area is None:
            continue
        has_markers = "markers" in (t.mode or "")
        for j, (x, y) in enumerate(zip(t.x, t.y)):
            text = _at(t.text, j, "")
            if x is None or y is None or not text:
                continue
            size = _num(_at(t.textfont.size, j) if t.textfont else None, base_size)
            marker = _num(_at(t.marker.size, j) if has_markers and t.marker else None, 6 if has_markers else 0)
            position = _at(t.textposition, j, "middle center") or "middle center"
            box = point_text_box(_to_px(area, x, "x"), _to_px(area, y, "y"), text, position, size, marker)
            boxes.append(TextBox("label", text, *box, area=area[0], source=f"trace {k}"))
    for k, a in enumerate(layout.annotations or ()):
        if not a.text or a.visible is False:
            continue
        size = _num(a.font.size if a.font else None, base_size)
        xd, yd = _domain_ref(a.xref), _domain_ref(a.yref)
        if a.xref == "paper":
            px, x_area = left + float(a.x) * plot_w, figure_area
        elif xd:
            # "x2 domain": a fraction of that axis's drawn width (notes and captions around a panel)
            box = _axis_box(areas, xd, "x")
            if box is None:
                continue
            px, x_area = box[0] + float(a.x) * (box[2] - box[0]), figure_area
        else:
            area = areas.get((xd or a.xref or "x", yd or a.yref or "y")) or next(iter(areas.values()), None)
            if area is None:
                continue
            px, x_area = _to_px(area, float(a.x), "x"), area[0]
        if a.yref == "paper":
            py, y_area = top + (1 - float(a.y)) * plot_h, figure_area
        elif yd:
            box = _axis_box(areas, yd, "y")
            if box is None:
                continue
            py, y_area = box[3] - float(a.y) * (box[3] - box[1]), figure_area
        else:
            area = areas.get((xd or a.xref or "x", yd or a.yref or "y")) or next(iter(areas.values()), None)
            py, y_area = _to_px(area, float(a.y), "y"), area[0]
        px += _num(a.xshift, 0)
        py -= _num(a.yshift, 0)
        if a.showarrow is not False:
            # the text sits at the arrow's tail, ax/ay pixels from the point
            px += _num(a.ax, -10) if a.axref in (None, "pixel") else 0
            py += _num(a.ay, -30) if a.ayref in (None, "pixel") else 0
        xanchor = a.xanchor if a.xanchor not in (None, "auto") else "center"
        yanchor = a.yanchor if a.yanchor not in (None, "auto") else "middle"
        pad = _num(a.borderpad, 1) + _num(a.borderwidth, 1)
        box = annotation_box(px, py, a.text, size, xanchor=xanchor, yanchor=yanchor, pad=pad)
        area = (x_area[0], y_area[1], x_area[2], y_area[3])
        boxes.append(TextBox("annotation", a.text, *box, area=area, source=f"annotation {k}"))
    title = layout.title
    if title is not None and title.text:
        size = _num(title.font.size if title.font else None, base_size * 17 / 12)
        tx = _num(title.x, 0.5) * (width if title.xref in (None, "container") else plot_w) + (0 if title.xref in (None, "container") else left)
        ty = (1 - _num(title.y, 1 - top / 2 / height)) * height
        box = annotation_box(tx, ty, title.text, size, xanchor=title.xanchor if title.xanchor not in (None, "auto") else "left",
                             yanchor=title.yanchor if title.yanchor not in (None, "auto") else "middle", pad=0)
        # plotly's title glyphs reach about a quarter of the font size above its anchor
        box = (box[0], box[1] - 0.25 * size, box[2], box[3])
        boxes.append(TextBox("title", title.text, *box, area=figure_area, source="title"))
    legend_title, entries = legend_entries(fig)
    if entries:
        leg = layout.legend
        size = _num(leg.font.size if leg and leg.font else None, base_size)
        orientation = (leg.orientation if leg else None) or "v"
        lw, lh = legend_size(entries, size, title=legend_title, orientation=orientation, max_width=plot_w)
        lx = left + _num(leg.x if leg else None, 1.02) * plot_w
        ly = top + (1 - _num(leg.y if leg else None, 1)) * plot_h
        xanchor = leg.xanchor if leg and leg.xanchor not in (None, "auto") else "left"
        yanchor = leg.yanchor if leg and leg.yanchor not in (None, "auto") else "top"
        x0 = {"left": lx, "right": lx - lw}.get(xanchor, lx - lw / 2)
        y0 = {"top": ly, "bottom": ly - lh}.get(yanchor, ly - lh / 2)
        boxes.append(TextBox("legend", "; ".join(e[2] for e in entries), x0, y0, x0 + lw, y0 + lh,
                             area=figure_area, source="legend"))
    return boxes


def _describe(box: TextBox) -> str:
    text = box.text if len(box.text) <= 40 else box.text[:39] + "…"
    return f"{box.kind} {text!r}"


def text_problems(fig, *, tolerance: float = 0.5, ignore: Iterable[str] = ()) -> list[str]:
    """Texts of ``fig`` that overlap another text or stick out of their area, in plain words.

    Parameters
    ----------
    fig : plotly.graph_objects.Figure
        A figure whose text-bearing axes have a fixed range (all netles instruments).
    tolerance : float
        Pixels two boxes may share (rounding).
    ignore : iterable of str
        Kinds of text to leave out (``"legend"``, ``"title"``, ``"label"``, ``"annotation"``).

    Returns
    -------
    list of str
        Empty when every text is free and inside.
    """
    boxes = [b for b in text_boxes(fig) if b.kind not in set(ignore)]
    problems = []
    for b in boxes:
        if not b.inside(tolerance):
            problems.append(f"{_describe(b)} sticks out of its area ({b.x0:.0f}, {b.y0:.0f}, {b.x1:.0f}, {b.y1:.0f} "
                            f"not within {tuple(round(v) for v in b.area)})")
    # a grid of cells keeps this fast for a thousand labels
    cell = 64.0
    grid: dict[tuple[int, int], list[int]] = {}
    for k, b in enumerate(boxes):
        for cx in range(int(b.x0 // cell), int(b.x1 // cell) + 1):
            for cy in range(int(b.y0 // cell), int(b.y1 // cell) + 1):
                grid.setdefault((cx, cy), []).append(k)
    seen = set()
    for members in grid.values():
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                a, b = members[i], members[j]
                if (a, b) in seen:
                    continue
                seen.add((a, b))
                if boxes[a].overlaps(boxes[b], tolerance):
                    problems.append(f"{_describe(boxes[a])} overlaps {_describe(boxes[b])}")
    return problems
