"""Placing name labels next to markers so that none overlaps another or sticks out of the drawing.

Works in figure pixels (y downwards), with the boxes of :func:`netles.plots.textboxes.point_text_box`,
so a placed label is exactly where plotly will draw it. A spatial grid keeps it fast for a thousand
labels.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from .textboxes import point_text_box
from .textsize import text_width

__all__ = ["Placement", "place_labels", "label_variants", "POSITIONS"]

POSITIONS = ("middle right", "middle left", "top center", "bottom center",
             "top right", "bottom right", "top left", "bottom left")
"""Positions tried for a label, in order of preference (plotly ``textposition`` values)."""

_CELL = 48.0


@dataclass(frozen=True)
class Placement:
    """A label that fits: the text as drawn (maybe on two lines), its position and box (pixels)."""

    text: str
    position: str
    box: tuple[float, float, float, float]


def _segment_hits(seg, b) -> bool:
    """True if the segment ``(x0, y0, x1, y1)`` passes through the box (Liang-Barsky clipping)."""
    x0, y0, x1, y1 = seg
    dx, dy = x1 - x0, y1 - y0
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x0 - b[0]), (dx, b[2] - x0), (-dy, y0 - b[1]), (dy, b[3] - y0)):
        if p == 0:
            if q < 0:
                return False
        else:
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 > t1:
                return False
    return True


class _Segments:
    """Line segments in a grid, to find the ones that cross a box."""

    def __init__(self, segments):
        self.cells: dict[tuple[int, int], list] = {}
        for seg in segments:
            x0, x1 = sorted((seg[0], seg[2]))
            y0, y1 = sorted((seg[1], seg[3]))
            for cx in range(int(x0 // _CELL), int(x1 // _CELL) + 1):
                for cy in range(int(y0 // _CELL), int(y1 // _CELL) + 1):
                    self.cells.setdefault((cx, cy), []).append(seg)

    def count(self, b) -> int:
        """How many segments cross the box."""
        found = set()
        for cx in range(int(b[0] // _CELL), int(b[2] // _CELL) + 1):
            for cy in range(int(b[1] // _CELL), int(b[3] // _CELL) + 1):
                for seg in self.cells.get((cx, cy), ()):
                    if seg not in found and _segment_hits(seg, b):
                        found.add(seg)
        return len(found)


def label_variants(name: str, max_chars: int, font_size: float) -> tuple[str, ...]:
    """Versions of a name to try next to a marker: whole, on two lines, shortened with "…".

    Examples
    --------
    >>> label_variants("Koffieochtend (vrijwilliger)", 22, 12)
    ('Koffieochtend<br>(vrijwilliger)', 'Koffieochtend (vrijwi…')
    >>> label_variants("Anja (zus)", 22, 12)
    ('Anja (zus)', 'Anja<br>(zus)')
    """
    out = []
    if len(name) <= max_chars:
        out.append(name)
    if " " in name:
        two = _two_lines(name, font_size)
        if all(len(line) <= max_chars for line in two.split("<br>")):
            out.append(two)
    if len(name) > max_chars:
        out.append(name[: max_chars - 1].rstrip() + "…")
    return tuple(dict.fromkeys(out))


def _two_lines(text: str, font_size: float) -> str:
    """``text`` broken at the space that makes the wider of the two lines narrowest."""
    words = text.split(" ")
    best = min(range(1, len(words)), key=lambda k: max(text_width(" ".join(words[:k]), font_size),
                                                        text_width(" ".join(words[k:]), font_size)))
    return " ".join(words[:best]) + "<br>" + " ".join(words[best:])


class _Grid:
    def __init__(self):
        self.cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}

    @staticmethod
    def _keys(b):
        for cx in range(int(b[0] // _CELL), int(b[2] // _CELL) + 1):
            for cy in range(int(b[1] // _CELL), int(b[3] // _CELL) + 1):
                yield (cx, cy)

    def add(self, b) -> None:
        for key in self._keys(b):
            self.cells.setdefault(key, []).append(b)

    def hits(self, b, skip=None) -> bool:
        for key in self._keys(b):
            for o in self.cells.get(key, ()):
                if o is skip:
                    continue
                if b[0] < o[2] and o[0] < b[2] and b[1] < o[3] and o[1] < b[3]:
                    return True
        return False


def place_labels(
    points: Sequence[tuple[float, float]],
    labels: Sequence[str],
    *,
    font_size: float,
    marker_sizes: Sequence[float] | float,
    footprints: Sequence[float] | float | None = None,
    order: Sequence[int] | None = None,
    obstacles: Iterable[tuple[float, float, float, float]] = (),
    bounds: tuple[float, float, float, float] | None = None,
    positions: Sequence[str] = POSITIONS,
    wrap_px: float | None = None,
    margin: float = 1.0,
    lines: Iterable[tuple[float, float, float, float]] = (),
) -> list[Placement | None]:
    """Place each label at the first position where it overlaps no marker, label or obstacle.

    Parameters
    ----------
    points : sequence of (x, y)
        Marker centres in figure pixels (y downwards).
    labels : sequence of str or of tuples of str
        One text per point ("" for none), or several versions of it to try in order (e.g. the
        name on one line, on two lines, shortened).
    font_size : float
    marker_sizes : float or sequence of float
        plotly marker ``size`` of each point: it sets how far plotly puts the text.
    footprints : float or sequence of float, optional
        Radius in pixels that labels keep clear of around each marker (marker plus rings or crosses
        drawn on it); default half the marker size plus one pixel.
    order : sequence of int, optional
        Which labels get the first choice (default: as given).
    obstacles : iterable of boxes
        Boxes ``(x0, y0, x1, y1)`` to keep clear (names of rings, titles, the client).
    bounds : box, optional
        Labels must lie inside.
    positions : sequence of str
        plotly text positions to try, in order.
    wrap_px : float, optional
        Also try a label with a space in it on two lines (any value switches this on).
    margin : float
        Extra pixels kept free around every label.
    lines : iterable of segments
        Lines ``(x0, y0, x1, y1)`` a label should not cross (ties, lines to the client): a label
        takes the first free spot that crosses none, else the free spot that crosses the fewest.

    Returns
    -------
    list of Placement or None
        None for a label that fits nowhere (the figure keeps it in the hover).

    Examples
    --------
    >>> p = place_labels([(100, 100), (130, 100)], ["Anja", "Bram"], font_size=12, marker_sizes=16)
    >>> [q.position for q in p]
    ['middle left', 'middle right']
    """
    n = len(points)
    sizes = [marker_sizes] * n if isinstance(marker_sizes, (int, float)) else list(marker_sizes)
    if footprints is None:
        feet = [s / 2 + 1 for s in sizes]
    elif isinstance(footprints, (int, float)):
        feet = [float(footprints)] * n
    else:
        feet = list(footprints)
    grid = _Grid()
    marker_boxes = []
    for (x, y), f in zip(points, feet):
        b = (x - f, y - f, x + f, y + f)
        marker_boxes.append(b)
        grid.add(b)
    for b in obstacles:
        grid.add(tuple(b))
    segments = _Segments(list(lines))
    out: list[Placement | None] = [None] * n
    for i in order if order is not None else range(n):
        if not labels[i]:
            continue
        variants = [labels[i]] if isinstance(labels[i], str) else [v for v in labels[i] if v]
        text = variants[0]
        if wrap_px is not None and " " in text and "<br>" not in text and len(variants) == 1:
            variants.append(_two_lines(text, font_size))
        x, y = points[i]
        # the first free spot that crosses no line; else the free spot that crosses the fewest
        placed, fewest = None, None
        for variant in variants:
            for pos in positions:
                box = point_text_box(x, y, variant, pos, font_size, sizes[i])
                box = (box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin)
                if bounds is not None and not (box[0] >= bounds[0] and box[1] >= bounds[1]
                                               and box[2] <= bounds[2] and box[3] <= bounds[3]):
                    continue
                if grid.hits(box, skip=marker_boxes[i]):
                    continue
                crossed = segments.count(box) if segments.cells else 0
                if fewest is None or crossed < fewest:
                    placed, fewest = Placement(variant, pos, box), crossed
                if crossed == 0:
                    break
            if fewest == 0:
                break
        if placed:
            grid.add(placed.box)
            out[i] = placed
    return out
