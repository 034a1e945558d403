"""The netwerkcirkel (network circle) of Lensink, drawn.

Four concentric rings by closeness (1 intimi, 2 vrienden, 3 bekenden, 4 diensten) are crossed with
four quadrants (familie, medecliënten, professionals, samenleving). Each alter is a dot in the cell
of its ``circle`` and ``sector`` (both filled from the relation when the file leaves them out).

Placement is deterministic and overlap-free: the alters of one cell fill one or more arcs of that
ring, evenly spread over the quadrant, in the order of the network file. The spacing is the largest
(up to a maximum) at which the cell's alters fit; dots stay half a spacing away from every ring
and quadrant border, so dots in neighbouring cells never touch either. Names are shown next to the
dots where they fit (see :func:`netles.plots._labels.place_labels`); the others stay in the hover,
and a note under the figure says how many.

References
----------
.. [1] Lensink, M. Netwerkcirkel (a conversation tool for mapping a personal network).
"""
from __future__ import annotations

import math
import numbers
from typing import Sequence

import pandas as pd
import plotly.graph_objects as go

from .. import vocab
from ..network import EgoNetwork
from . import _common as C
from . import textboxes as TB
from ._frame import Frame, apply_frame, check_size, make_frame
from ._labels import label_variants, place_labels

__all__ = ["netwerkcirkel", "netwerkcirkel_layout", "ring_name", "ring_name_radius", "RING_RADII", "SECTOR_ANGLES",
           "color_field_kind"]

RING_RADII = {1: (0.3, 1.3), 2: (1.3, 2.25), 3: (2.25, 3.15), 4: (3.15, 4.0)}
"""Inner and outer radius of each ring, in data units. The inner ring is a little wider than the
others because it has the least room along its arc; the ego sits in the middle (radius < 0.3)."""

SECTOR_ANGLES = {
    "society": (0.0, 90.0),
    "family": (90.0, 180.0),
    "fellow_clients": (180.0, 270.0),
    "professionals": (270.0, 360.0),
}
"""Angle range of each quadrant in degrees (counter-clockwise from the positive x axis): familie
top left, samenleving top right, medecliënten bottom left, professionals bottom right."""

MAX_SPACING = 0.55
EXTENT = 4.5  # the drawing runs from -EXTENT to EXTENT in both directions
RING_FONT = 11
SECTOR_FONT = 13
LABEL_FONT = 12
MAX_MARKER_PX = 20
EGO_PX = 22
LAYOUT_UNIT = 45.0
"""Pixels per data unit the layout keeps room for: the ring names take their room in the smallest
drawing the figures are made for (a 600 x 600 widget). The layout is the same at every size."""
RING_NAME_ANGLE = 270.0
"""The ring names stand in their rings along this ray (straight down, between medecliënten and
professionals, the two quadrants that are usually the emptiest)."""

# kept for code that read the old fixed geometry
PLOT_PX = 760
UNIT = PLOT_PX / (2 * EXTENT)


def ring_name(circle: int, lang: str = "nl") -> str:
    """The name written in a ring: its number and its name ("2 vrienden").

    Examples
    --------
    >>> ring_name(2), ring_name(4, "en")
    ('2 vrienden', '4 services')
    """
    return f"{circle} {vocab.CIRCLE.label(circle, lang)}"


def _ring_name_room(unit: float) -> dict[int, tuple[float, float]]:
    """Half width and half height (data units) of each ring's name box, in the wider language."""
    out = {}
    for circle in RING_RADII:
        w = max(C.text_width(ring_name(circle, lang), RING_FONT) for lang in vocab.LANGUAGES) + 6
        h = C.LINE_HEIGHT * RING_FONT + 6
        out[circle] = (w / 2 / unit, h / 2 / unit)
    return out


def _border_pad(r: float, d: float, extra: float) -> float:
    """Angle that keeps a dot on radius ``r`` at distance ``d/2 + extra`` from a border ray."""
    return math.asin(min(1.0, (d / 2 + extra) / r))


def _arcs(n: int, r_in: float, r_out: float, a0: float, a1: float, d: float,
          name_room: tuple[float, float] | None = None, name_r: float = 0.0) -> list[tuple[float, float, float, int]] | None:
    """Arcs (radius, start angle, usable angle, capacity) that hold ``n`` dots at spacing ``d``, or None.

    An arc that passes the ring's name (``name_room``: half width and height, at radius ``name_r``
    on :data:`RING_NAME_ANGLE`) keeps the name's half width away from that border ray.
    """
    width = r_out - r_in
    max_arcs = int(width / d + 1e-9)
    for m in range(1, max_arcs + 1):
        arcs = []
        for j in range(m):
            r = r_in + width * (j + 0.5) / m
            pads = []
            for border in (a0, a1):
                extra = 0.0
                if name_room is not None and border % 360 == RING_NAME_ANGLE and abs(r - name_r) < name_room[1] + d / 2:
                    extra = name_room[0]
                pads.append(_border_pad(r, d, extra))
            usable = math.radians(a1 - a0) - pads[0] - pads[1]
            if usable < 0:
                cap = 0
            elif d >= 2 * r:
                cap = 1
            else:
                cap = max(1, int(usable / (2 * math.asin(d / (2 * r))) + 1e-9))
            arcs.append((r, math.radians(a0) + pads[0], max(usable, 0.0), cap))
        if sum(a[3] for a in arcs) >= n:
            return arcs
    return None


def _place_cell(n: int, circle: int, sector: str, unit: float) -> tuple[list[tuple[float, float]], float]:
    """Polar positions (radius, angle in radians) of ``n`` dots in one cell, and their spacing."""
    r_in, r_out = RING_RADII[circle]
    a0, a1 = SECTOR_ANGLES[sector]
    room = _ring_name_room(unit)[circle]
    name_r = ring_name_radius(circle, unit)
    d = MAX_SPACING
    arcs = _arcs(n, r_in, r_out, a0, a1, d, room, name_r)
    while arcs is None:  # shrink the spacing until the cell's alters fit
        d *= 0.95
        arcs = _arcs(n, r_in, r_out, a0, a1, d, room, name_r)
        if d < 1e-3:  # cannot happen for a real network; keeps a bad input from looping forever
            raise ValueError(f"{n} alters do not fit in ring {circle}, {sector}")
    total = sum(a[3] for a in arcs)
    counts = [n * a[3] // total for a in arcs]
    # hand out the rest to the outer arcs first: they have the most room
    for j in sorted(range(len(arcs)), key=lambda j: (-(arcs[j][3] - counts[j]), -j)):
        if sum(counts) == n:
            break
        if counts[j] < arcs[j][3]:
            counts[j] += 1
    positions = []
    for (r, start, usable, _), k in zip(arcs, counts):
        for i in range(k):
            positions.append((r, start + usable * (i + 0.5) / k))
    return positions, d


def ring_name_radius(circle: int, unit: float = LAYOUT_UNIT, font_scale: float = 1.0) -> float:
    """Distance from the centre (data units) at which a ring's name stands.

    The middle of the ring; the innermost name moves out just far enough to clear the client's
    own name under the client's dot.
    """
    r_in, r_out = RING_RADII[circle]
    r = (r_in + r_out) / 2
    if circle == 1:
        ego_text_bottom = EGO_PX / 2 / 0.8 + 1 + (0.75 + C.DESCENT) * LABEL_FONT * font_scale + 3
        half = (C.LINE_HEIGHT * RING_FONT * font_scale + 6) / 2
        # out far enough to clear the client's name, but never out of the ring (in a very small
        # figure the client's name then gives way: it stays in the hover)
        r = min(max(r, (ego_text_bottom + half) / unit), r_out - half / unit)
    return r


def netwerkcirkel_layout(net: EgoNetwork, *, unit: float = LAYOUT_UNIT) -> pd.DataFrame:
    """Where each alter goes in the netwerkcirkel (data units; the client is at 0, 0).

    The layout depends only on the network, not on the size of the figure: the same person is in
    the same spot in the editor, on the projector and in every moment of a network. It can be used
    on its own, e.g. to draw two moments of a network with the same positions.

    Parameters
    ----------
    net : EgoNetwork
    unit : float
        Pixels per data unit of the smallest drawing to keep room for the ring names in
        (default :data:`LAYOUT_UNIT`, a 600 x 600 widget).

    Returns
    -------
    pandas.DataFrame
        One row per alter, in network order: ``alter_id``, ``circle``, ``sector``, ``radius``,
        ``angle`` (degrees, 0-360), ``x``, ``y``. ``frame.attrs["spacing"]`` is the smallest
        distance the layout guarantees between two dots (data units).

    Examples
    --------
    >>> from netles import datasets
    >>> lay = netwerkcirkel_layout(datasets.load_case("voorbeeld"))
    >>> lay.loc[lay.alter_id == "D", ["circle", "sector"]].values.tolist()
    [[2, 'society']]
    >>> round(lay.attrs["spacing"], 2)
    0.5
    """
    alters = net.alters
    rows = []
    spacing = MAX_SPACING
    for (circle, sector), group in alters.groupby(["circle", "sector"], sort=True):
        positions, d = _place_cell(len(group), int(circle), sector, unit)
        spacing = min(spacing, d)
        for alter_id, (r, a) in zip(group["alter_id"], positions):
            rows.append((alter_id, int(circle), sector, r, math.degrees(a) % 360, r * math.cos(a), r * math.sin(a)))
    frame = pd.DataFrame(rows, columns=["alter_id", "circle", "sector", "radius", "angle", "x", "y"])
    order = {a: i for i, a in enumerate(net.alter_ids)}
    frame = frame.sort_values("alter_id", key=lambda s: s.map(order)).reset_index(drop=True)
    frame.attrs["spacing"] = spacing
    return frame


def color_field_kind(alters: pd.DataFrame, field: str) -> str:
    """``"category"`` or ``"number"``: how ``color_by=field`` colours the dots.

    Raises
    ------
    ValueError
        If ``field`` is not an alter field (nor ``support:<function>``).
    """
    if field.startswith("support:"):
        function = field.split(":", 1)[1]
        if function not in vocab.SUPPORT:
            raise ValueError(f"color_by {field!r}: {function!r} is not a support function (allowed: {vocab.SUPPORT.allowed()})")
        return "category"
    if field not in alters.columns:
        raise ValueError(
            f"color_by {field!r} is not an alter field (allowed: {', '.join(map(repr, alters.columns))} or 'support:<function>')"
        )
    if field in vocab.VOCABULARIES or field in ("alter_id", "name"):
        return "category"
    values = [v for v in alters[field] if v is not None and not (isinstance(v, float) and math.isnan(v))]
    if values and all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in values):
        return "number"
    return "category"


def _colorbar(title: str, frame: Frame | None) -> dict:
    """A colour bar under the legend, in the room :func:`make_frame` keeps for it (``colorbar=True``)."""
    x = 1 + 16 / frame.plot_w if frame else 1.02
    return dict(title=dict(text=title, side="right"), x=x, xanchor="left", xpad=0, len=140, lenmode="pixels",
                y=0.0, yanchor="bottom", ypad=0, thickness=14, tickformat="d")


def _segments(xs, ys, to_px) -> list[tuple[float, float, float, float]]:
    """The segments of a plotly line trace (points separated by None), in pixels."""
    out = []
    prev = None
    for x, y in zip(xs or (), ys or ()):
        if x is None or y is None:
            prev = None
            continue
        p = to_px(x, y)
        if prev is not None:
            out.append((*prev, *p))
        prev = p
    return out


def _alter_traces(net: EgoNetwork, alters: pd.DataFrame, xs, ys, color_by: str, lang: str, size: float,
                  placements: Sequence | None = None, frame: Frame | None = None,
                  font_size: float = LABEL_FONT) -> list[go.Scatter]:
    """Scatter traces of the alters: one per legend category, or one with a colour scale.

    ``placements`` holds, per alter, a :class:`netles.plots._labels.Placement` (its name as drawn
    and where) or None (the name stays in the hover).
    """
    records = alters.to_dict("records")
    hovers = [C.alter_hover(r, lang) for r in records]
    placements = list(placements) if placements is not None else [None] * len(records)
    texts = [p.text if p is not None else "" for p in placements]
    positions = [p.position if p is not None else "middle right" for p in placements]
    opacity = [0.45 if r.get("status") == "faded" else 1.0 for r in records]
    kind = color_field_kind(alters, color_by)

    def trace(idx: list[int], name: str, color, showlegend: bool, extra_marker: dict | None = None) -> go.Scatter:
        marker = dict(
            size=size,
            color=color,
            opacity=[opacity[i] for i in idx],
            line=dict(color="white", width=1),
        )
        marker.update(extra_marker or {})
        return go.Scatter(
            x=[xs[i] for i in idx], y=[ys[i] for i in idx], mode="markers+text", name=name,
            text=[texts[i] for i in idx], textposition=[positions[i] for i in idx],
            textfont=dict(size=font_size, color="#222222", shadow="auto"),
            customdata=[records[i]["alter_id"] for i in idx],
            hovertext=[hovers[i] for i in idx], hoverinfo="text", hoverlabel=dict(align="left"),
            marker=marker, showlegend=showlegend,
            meta={"role": "alters", "color_by": color_by},
        )

    if kind == "number":
        values = [r.get(color_by) for r in records]
        known = [i for i, v in enumerate(values) if v is not None and not (isinstance(v, float) and math.isnan(v))]
        unknown = [i for i in range(len(records)) if i not in known]
        traces = []
        if known:
            traces.append(trace(known, C.field_label(color_by, lang), [values[i] for i in known], False,
                                dict(colorscale="Viridis", showscale=True,
                                     colorbar=_colorbar(C.field_label(color_by, lang), frame))))
        if unknown:
            traces.append(trace(unknown, C.text("unknown", lang), C.UNKNOWN_COLOR, True))
        return traces
    cats = [C.alter_category(r, color_by, lang) for r in records]
    order = C.category_order(color_by, lang, cats)
    colors = C.category_colors(color_by, order, lang)
    return [trace([i for i, c in enumerate(cats) if c == cat], cat, colors[cat], True) for cat in order]


def netwerkcirkel(
    net: EgoNetwork,
    *,
    color_by: str = "sector",
    show_ties: bool = False,
    problem_lines: bool | None = None,
    lang: str = "nl",
    title: str | None = None,
    max_label_chars: int = 22,
    width: int | None = None,
    height: int | None = None,
    legend: str = "auto",
) -> go.Figure:
    """Draw the netwerkcirkel of Lensink.

    Parameters
    ----------
    net : EgoNetwork
        The network.
    color_by : str
        Alter field that colours the dots: any vocabulary field (``"sector"``, ``"relation"``,
        ``"circle"``, ``"contact"``, ``"valence"``, ``"status"``, ``"support_direction"``,
        ``"gender"``), ``"support"`` (the one function given, or "meerdere soorten steun"),
        ``"support:<function>"`` (gives that function: yes/no), a number field (``"age"``,
        ``"travel_minutes"``, ``"since"``: a colour scale) or an extra field of the file.
    show_ties : bool
        Draw the alter-alter ties (who knows whom) as thin grey lines.
    problem_lines : bool, optional
        Also draw a line from the client to each burdening (red) and disrupted (dashed)
        relationship. Default: only for networks of at most 25 alters, where the lines do not
        hide the dots; the dots carry the same mark either way.
    lang : {"nl", "en"}
        Language of every label, legend and hover, and of the number format.
    title : str, optional
        Figure title (default: "Netwerkcirkel" and the case title, ``title_en`` in English).
    max_label_chars : int
        Names longer than this are shortened next to the dot (the hover has the full name).
    width, height : int, optional
        Size in pixels the figure is shown at (default 900 x 640). Names are placed for this size:
        give the size of the widget or slide rather than resizing the figure afterwards.
    legend : {"auto", "right", "below"}
        Where the legend goes (default: where it leaves the larger drawing).

    Returns
    -------
    plotly.graph_objects.Figure
        Alter dots are in the traces whose ``meta["role"]`` is ``"alters"`` (``customdata`` holds
        the alter ids). A burdening relationship gets a red ring around its dot, a disrupted one a
        dark cross over it, a faded one a pale dot; see ``problem_lines`` for the lines. Names
        that fit nowhere stay in the hover; a note under the drawing says how many.

    Raises
    ------
    ValueError
        For an unknown ``color_by``, ``lang``, ``legend`` or a size under 300 pixels.

    Examples
    --------
    >>> from netles import datasets
    >>> fig = netwerkcirkel(datasets.load_case("voorbeeld"), color_by="valence")
    >>> [t.name for t in fig.data if (t.meta or {}).get("role") == "alters"]
    ['steunend', 'belastend']
    >>> sorted(a for t in fig.data if (t.meta or {}).get("role") == "alters" for a in t.customdata)
    ['A', 'B', 'C', 'D', 'E', 'F']
    >>> fig.layout.title.text
    'Netwerkcirkel · Voorbeeldnetwerk (het rekenvoorbeeld)'
    """
    i = C.check_lang(lang)
    width, height = check_size(width, height)
    alters = net.alters
    color_field_kind(alters, color_by)  # fail early on a bad field
    layout = netwerkcirkel_layout(net)
    records = alters.to_dict("records")
    if problem_lines is None:
        problem_lines = len(records) <= 25
    default_title = ("Netwerkcirkel", "Network circle")[i]
    case = C.case_title(net, lang)
    title = (default_title + (f" · {case}" if case else "")) if title is None else title

    def draw(frame: Frame | None) -> tuple[go.Figure, int]:
        fig = go.Figure()
        if frame is None:  # a first pass, only to know the legend
            xr = yr = (-EXTENT, EXTENT)
            unit = LAYOUT_UNIT
        else:
            xr, yr, unit = frame.ranges(-EXTENT, EXTENT, -EXTENT, EXTENT)
        lf, rf, sf = (frame.font(LABEL_FONT), frame.font(RING_FONT), frame.font(SECTOR_FONT)) if frame else (
            LABEL_FONT, RING_FONT, SECTOR_FONT)
        xs, ys = layout["x"].tolist(), layout["y"].tolist()
        # a dot's footprint is its size plus the red ring or cross drawn on its edge (4 px); it stays
        # below the guaranteed spacing, so no two dots (with their marks) touch
        size = max(4.0, min(MAX_MARKER_PX, layout.attrs["spacing"] * unit * 0.9 - 4))
        footprint = size + 4

        def px(x, y):
            return (frame.left + (x - xr[0]) * unit, frame.top + (yr[1] - y) * unit) if frame else (x, y)

        shapes = []
        for circle, (_, r_out) in RING_RADII.items():
            shapes.append(dict(type="circle", x0=-r_out, y0=-r_out, x1=r_out, y1=r_out, line=dict(color="#9E9E9E", width=1.2),
                               fillcolor="rgba(0,0,0,0)", layer="below"))
        outer = RING_RADII[4][1]
        shapes.append(dict(type="line", x0=-outer, y0=0, x1=outer, y1=0, line=dict(color="#9E9E9E", width=1.2), layer="below"))
        shapes.append(dict(type="line", x0=0, y0=-outer, x1=0, y1=outer, line=dict(color="#9E9E9E", width=1.2), layer="below"))

        obstacles, annotations = [], []
        # ring names in their rings, on the downward axis: horizontal, on a white ground over the axis;
        # in a drawing too small for them only the numbers, and the names in the note underneath
        angle = math.radians(RING_NAME_ANGLE)
        band = min(r_out - r_in for r_in, r_out in RING_RADII.values()) * unit
        compact = bool(frame) and band < C.LINE_HEIGHT * rf + 8
        for circle in RING_RADII:
            name = str(circle) if compact else ring_name(circle, lang)
            r = ring_name_radius(circle, unit, lf / LABEL_FONT)
            x, y = r * math.cos(angle), r * math.sin(angle)
            annotations.append(dict(x=x, y=y, text=name, showarrow=False, font=dict(size=rf, color="#555555"),
                                    bgcolor="rgba(255,255,255,0.9)", xanchor="center", yanchor="middle", borderpad=0,
                                    name=f"ring_name:{circle}"))
            if frame:
                cx, cy = px(x, y)
                obstacles.append(TB.annotation_box(cx, cy, name, rf, pad=1))
        # sector names in the corners, outside the outer ring
        e = EXTENT
        corners = {"family": (-e, e, "left", "top"), "society": (e, e, "right", "top"),
                   "fellow_clients": (-e, -e, "left", "bottom"), "professionals": (e, -e, "right", "bottom")}
        # in a small drawing the names get a smaller font, so that two corners never meet (nor reach
        # the ring names on the axis between them)
        room = (e - 0.45) * unit - 8
        sector_font = min([sf] + [max(8, int(sf * room / C.text_width(vocab.SECTOR.label(k, lang).upper(), sf, bold=True)))
                                  for k in corners])
        for sector, (x, y, xa, ya) in corners.items():
            name = vocab.SECTOR.label(sector, lang).upper()
            annotations.append(dict(x=x, y=y, text=f"<b>{name}</b>", showarrow=False, xanchor=xa, yanchor=ya,
                                    font=dict(size=sector_font, color="#424242"), name=f"sector_name:{sector}"))
            if frame:
                cx, cy = px(x, y)
                obstacles.append(TB.annotation_box(cx, cy, f"<b>{name}</b>", sector_font, xanchor=xa, yanchor=ya))

        # the client
        ego_name = net.ego.get("name") if isinstance(net.ego.get("name"), str) and net.ego.get("name") else C.text("ego", lang)
        ex, ey = px(0, 0)
        ego_label = TB.point_text_box(ex, ey, ego_name, "bottom center", lf, EGO_PX)
        obstacles.append((ex - EGO_PX / 2 - 2, ey - EGO_PX / 2 - 2, ex + EGO_PX / 2 + 2, ey + EGO_PX / 2 + 2))
        ego_text = ego_name
        if frame and any(TB.TextBox("", "", *ego_label, area=(0, 0, 0, 0)).overlaps(o) for o in obstacles[:4]):
            ego_text = ""  # no room under the dot: the name stays in the hover
        else:
            obstacles.append(ego_label)

        # lines from the client to burdening and disrupted relationships, then alter-alter ties
        for key, test, dash, color in (
            ("burdening_tie", lambda r: r.get("valence") == "burdening", "solid", "#D55E00"),
            # drawn on top of the red line, so a relationship that is both shows red and dark dashes
            ("disrupted_tie", lambda r: r.get("status") == "disrupted", "dash", "#3E2723"),
        ):
            lx, ly = [], []
            for r, x, y in zip(records, xs, ys) if problem_lines else ():
                if test(r):
                    lx += [0, x, None]
                    ly += [0, y, None]
            if lx:
                fig.add_trace(go.Scatter(x=lx, y=ly, mode="lines", line=dict(color=color, width=4 if dash == "solid" else 2, dash=dash),
                                         name=C.text(key, lang), hoverinfo="skip", meta={"role": key + "_line"},
                                         legendgroup=key))
        segments = []  # lines the names should not cross, in pixels
        for tr in fig.data:
            segments += _segments(tr.x, tr.y, px)
        if show_ties and net.n_ties:
            pos = dict(zip(layout["alter_id"], zip(xs, ys)))
            tx, ty = [], []
            for a, b in net.tie_pairs():
                tx += [pos[a][0], pos[b][0], None]
                ty += [pos[a][1], pos[b][1], None]
            fig.add_trace(go.Scatter(x=tx, y=ty, mode="lines", line=dict(color="rgba(97,97,97,0.45)", width=1),
                                     name=C.text("alter_ties", lang), hoverinfo="skip", meta={"role": "ties"}))
            segments += _segments(tx, ty, px)

        placements = None
        if frame:
            labels = [label_variants(C.short_name(r, 10 * max_label_chars), max_label_chars, lf) for r in records]
            priority = sorted(range(len(records)), key=lambda k: (records[k]["circle"], k))
            plot = (frame.left, frame.top, frame.left + frame.plot_w, frame.top + frame.plot_h)
            placements = place_labels([px(x, y) for x, y in zip(xs, ys)], labels, font_size=lf,
                                      marker_sizes=size, footprints=footprint / 2 + 1, order=priority,
                                      obstacles=obstacles, bounds=plot, wrap_px=110,
                                      lines=segments if len(segments) <= 3000 else ())
        for tr in _alter_traces(net, alters, xs, ys, color_by, lang, size, placements, frame, lf):
            fig.add_trace(tr)
        # marks on the dots themselves: a red ring (burdening) and a dark cross (disrupted)
        for key, test, marker in (
            ("burdening_tie", lambda r: r.get("valence") == "burdening",
             dict(symbol="circle-open", size=size, color="#D55E00", line=dict(width=4, color="#D55E00"))),
            ("disrupted_tie", lambda r: r.get("status") == "disrupted",
             dict(symbol="x-thin-open", size=size, color="#212121", line=dict(width=2.5, color="#212121"))),
        ):
            idx = [k for k, r in enumerate(records) if test(r)]
            if idx:
                fig.add_trace(go.Scatter(x=[xs[k] for k in idx], y=[ys[k] for k in idx], mode="markers", marker=marker,
                                         name=C.text(key, lang), hoverinfo="skip", meta={"role": key},
                                         customdata=[records[k]["alter_id"] for k in idx], legendgroup=key,
                                         showlegend=not problem_lines))
        if any(r.get("status") == "faded" for r in records):  # explain the pale dots
            fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=("verwaterd contact (bleek)", "faded contact (pale)")[i],
                                     marker=dict(size=12, color="#9E9E9E", opacity=0.45), hoverinfo="skip", meta={"role": "legend"}))
        fig.add_trace(go.Scatter(x=[0], y=[0], mode="markers+text", text=[ego_text], textposition="bottom center",
                                 textfont=dict(size=lf, color="#000000", shadow="auto"),
                                 marker=dict(size=EGO_PX, color="#212121", symbol="circle", line=dict(color="white", width=2)),
                                 name=ego_name, hovertext=[ego_name], hoverinfo="text", showlegend=False, meta={"role": "ego"}))
        hidden = sum(1 for p in placements if p is None) if placements is not None else 0
        notes = [C.text("hidden_labels", lang, n=hidden, m=len(records))] if hidden else []
        if frame and compact:
            notes.append(", ".join(ring_name(c, lang) for c in RING_RADII))
        if frame and notes:
            annotations.append(frame.note(" · ".join(notes)))
        fig.update_layout(shapes=shapes, annotations=annotations)
        fig.layout.meta = {"instrument": "netwerkcirkel", "marker_px": size, "footprint_px": footprint, "unit_px": unit,
                           "hidden_labels": hidden, "lang": lang}
        return fig, hidden

    first, _ = draw(None)
    first.layout.legend.traceorder = "normal"  # as apply_frame sets it
    legend_title = C.field_label(color_by, lang)
    _, entries = TB.legend_entries(first)
    frame = make_frame(width, height, title=title, entries=entries, legend_title=legend_title, legend=legend,
                       note=C.text("hidden_labels", lang, n=99, m=99) + (
                           " · " + ", ".join(ring_name(c, lang) for c in RING_RADII) if width < 520 else ""),
                       colorbar=color_field_kind(alters, color_by) == "number")
    fig, _ = draw(frame)
    xr, yr, _ = frame.ranges(-EXTENT, EXTENT, -EXTENT, EXTENT)
    apply_frame(fig, frame, xrange=xr, yrange=yr, lang=lang, legend_title=legend_title)
    return fig
