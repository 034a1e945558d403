"""The netwerkcirkel (network circle) of Lensink, drawn.

Four concentric rings by closeness (1 intimi, 2 vrienden, 3 bekenden, 4 diensten) are crossed with
four quadrants (familie, medecliënten, professionals, samenleving). Each alter is a dot in the cell
of its ``circle`` and ``sector`` (both filled from the relation when the file leaves them out).

Placement is deterministic and overlap-free: the alters of one cell fill one or more arcs of that
ring, evenly spread over the quadrant, in the order of the network file. The spacing is the largest
(up to a maximum) at which the cell's alters fit; dots stay half a spacing away from every ring
and quadrant border, so dots in neighbouring cells never touch either. Names are shown next to the
dots where they fit (see :func:`netles.plots._common.fit_labels`); the others stay in the hover,
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

__all__ = ["netwerkcirkel", "netwerkcirkel_layout", "RING_RADII", "SECTOR_ANGLES", "color_field_kind"]

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
EXTENT = 4.5  # the axes run from -EXTENT to EXTENT
PLOT_PX = 760  # the plot area is PLOT_PX by PLOT_PX pixels
UNIT = PLOT_PX / (2 * EXTENT)  # pixels per data unit
MARGIN = dict(l=20, r=250, t=60, b=46)
LABEL_FONT = 12
RING_FONT = 11
MAX_MARKER_PX = 20
# The ring names sit on the horizontal axis; dots keep this much extra distance (data units) from
# the horizontal quadrant borders so that the names never cover a dot.
AXIS_GAP = (RING_FONT * C.LINE_HEIGHT / 2 + 3) / UNIT


def _border_pad(r: float, d: float, extra: float) -> float:
    """Angle that keeps a dot on radius ``r`` at distance ``d/2 + extra`` from a border ray."""
    return math.asin(min(1.0, (d / 2 + extra) / r))


def _is_horizontal(angle_deg: float) -> bool:
    return angle_deg % 180 == 0


def _arcs(n: int, r_in: float, r_out: float, a0: float, a1: float, d: float) -> list[tuple[float, float, float, int]] | None:
    """Arcs (radius, start angle, usable angle, capacity) that hold ``n`` dots at spacing ``d``, or None."""
    width = r_out - r_in
    max_arcs = int(width / d + 1e-9)
    for m in range(1, max_arcs + 1):
        arcs = []
        for j in range(m):
            r = r_in + width * (j + 0.5) / m
            pad0 = _border_pad(r, d, AXIS_GAP if _is_horizontal(a0) else 0.0)
            pad1 = _border_pad(r, d, AXIS_GAP if _is_horizontal(a1) else 0.0)
            usable = math.radians(a1 - a0) - pad0 - pad1
            if usable < 0:
                cap = 0
            elif d >= 2 * r:
                cap = 1
            else:
                cap = max(1, int(usable / (2 * math.asin(d / (2 * r))) + 1e-9))
            arcs.append((r, math.radians(a0) + pad0, usable, cap))
        if sum(a[3] for a in arcs) >= n:
            return arcs
    return None


def _place_cell(n: int, circle: int, sector: str) -> tuple[list[tuple[float, float]], float]:
    """Polar positions (radius, angle in radians) of ``n`` dots in one cell, and their spacing."""
    r_in, r_out = RING_RADII[circle]
    a0, a1 = SECTOR_ANGLES[sector]
    d = MAX_SPACING
    arcs = _arcs(n, r_in, r_out, a0, a1, d)
    while arcs is None:  # shrink the spacing until the cell's alters fit
        d *= 0.95
        arcs = _arcs(n, r_in, r_out, a0, a1, d)
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


def netwerkcirkel_layout(net: EgoNetwork) -> pd.DataFrame:
    """Where each alter goes in the netwerkcirkel.

    Parameters
    ----------
    net : EgoNetwork

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
        positions, d = _place_cell(len(group), int(circle), sector)
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


def _alter_traces(net: EgoNetwork, alters: pd.DataFrame, xs, ys, color_by: str, lang: str, size: float,
                  labels: list[str], boxes: list) -> list[go.Scatter]:
    """Scatter traces of the alters: one per legend category, or one with a colour scale."""
    records = alters.to_dict("records")
    hovers = [C.alter_hover(r, lang) for r in records]
    texts = [lab if box is not None else "" for lab, box in zip(labels, boxes)]
    positions = [box.position if box is not None else "middle right" for box in boxes]
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
            textfont=dict(size=LABEL_FONT, color="#222222"),
            customdata=[records[i]["alter_id"] for i in idx],
            hovertext=[hovers[i] for i in idx], hoverinfo="text", hoverlabel=dict(align="left"),
            marker=marker, showlegend=showlegend, legendgroup="alters",
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
                                     colorbar=dict(title=dict(text=C.field_label(color_by, lang)), x=1.02, len=0.5, y=0.3))))
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
        Language of every label, legend and hover.
    title : str, optional
        Figure title (default: "Netwerkcirkel" and the ego id).
    max_label_chars : int
        Names longer than this are shortened next to the dot (the hover has the full name).

    Returns
    -------
    plotly.graph_objects.Figure
        Alter dots are in the traces whose ``meta["role"]`` is ``"alters"`` (``customdata`` holds
        the alter ids). A burdening relationship gets a red ring around its dot, a disrupted one a
        dark cross over it, a faded one a pale dot; see ``problem_lines`` for the lines.

    Raises
    ------
    ValueError
        For an unknown ``color_by`` or ``lang``.

    Examples
    --------
    >>> from netles import datasets
    >>> fig = netwerkcirkel(datasets.load_case("voorbeeld"), color_by="valence")
    >>> [t.name for t in fig.data if (t.meta or {}).get("role") == "alters"]
    ['steunend', 'belastend']
    >>> sorted(a for t in fig.data if (t.meta or {}).get("role") == "alters" for a in t.customdata)
    ['A', 'B', 'C', 'D', 'E', 'F']
    """
    i = C.check_lang(lang)
    alters = net.alters
    color_field_kind(alters, color_by)  # fail early on a bad field
    layout = netwerkcirkel_layout(net)
    xs, ys = layout["x"].tolist(), layout["y"].tolist()
    # a dot's footprint is its size plus the red ring or cross drawn on its edge (4 px); it stays
    # below the guaranteed spacing, so no two dots (with their marks) touch
    size = max(6.0, min(MAX_MARKER_PX, layout.attrs["spacing"] * UNIT * 0.9 - 4))
    footprint = size + 4
    radius = footprint / 2 / UNIT
    fig = go.Figure()

    # rings and quadrant borders
    shapes = []
    for circle, (_, r_out) in RING_RADII.items():
        shapes.append(dict(type="circle", x0=-r_out, y0=-r_out, x1=r_out, y1=r_out, line=dict(color="#9E9E9E", width=1.2),
                           fillcolor="rgba(0,0,0,0)", layer="below"))
    outer = RING_RADII[4][1]
    shapes.append(dict(type="line", x0=-outer, y0=0, x1=outer, y1=0, line=dict(color="#9E9E9E", width=1.2), layer="below"))
    shapes.append(dict(type="line", x0=0, y0=-outer, x1=0, y1=outer, line=dict(color="#9E9E9E", width=1.2), layer="below"))
    fig.update_layout(shapes=shapes)

    obstacles = []
    annotations = []
    for circle, (r_in, r_out) in RING_RADII.items():
        name = f"{circle} {vocab.CIRCLE.label(circle, lang)}"
        x = (max(r_in, 0.3) + r_out) / 2 if circle > 1 else (0.35 + r_out) / 2
        annotations.append(dict(x=x, y=0, text=name, showarrow=False, font=dict(size=RING_FONT, color="#616161"),
                                bgcolor="rgba(255,255,255,0.85)", xanchor="center", yanchor="middle"))
        w = len(name) * RING_FONT * C.CHAR_WIDTH / UNIT
        h = RING_FONT * C.LINE_HEIGHT / UNIT
        obstacles.append((x - w / 2, -h / 2, x + w / 2, h / 2))
    corners = {"family": (-EXTENT, EXTENT, "left", "top"), "society": (EXTENT, EXTENT, "right", "top"),
               "fellow_clients": (-EXTENT, -EXTENT, "left", "bottom"), "professionals": (EXTENT, -EXTENT, "right", "bottom")}
    for sector, (x, y, xa, ya) in corners.items():
        name = vocab.SECTOR.label(sector, lang).upper()
        annotations.append(dict(x=x, y=y, text=f"<b>{name}</b>", showarrow=False, xanchor=xa, yanchor=ya,
                                font=dict(size=14, color="#424242")))
        w = len(name) * 14 * 0.7 / UNIT
        h = 14 * C.LINE_HEIGHT / UNIT
        obstacles.append((x if xa == "left" else x - w, y - h if ya == "top" else y, x + w if xa == "left" else x, y if ya == "top" else y + h))

    # the ego
    ego_name = net.ego.get("name") if isinstance(net.ego.get("name"), str) else C.text("ego", lang)
    ego_r = 11 / UNIT
    obstacles.append((-ego_r, -ego_r, ego_r, ego_r))
    ego_box = C._label_box(0, 0, ego_name, "bottom center", UNIT, LABEL_FONT, ego_r)
    obstacles.append((ego_box.x0, ego_box.y0, ego_box.x1, ego_box.y1))
    records = alters.to_dict("records")

    # lines from the client to burdening and disrupted relationships, then alter-alter ties
    if problem_lines is None:
        problem_lines = len(records) <= 25
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
    if show_ties and net.n_ties:
        pos = dict(zip(layout["alter_id"], zip(xs, ys)))
        tx, ty = [], []
        for a, b in net.tie_pairs():
            tx += [pos[a][0], pos[b][0], None]
            ty += [pos[a][1], pos[b][1], None]
        fig.add_trace(go.Scatter(x=tx, y=ty, mode="lines", line=dict(color="rgba(97,97,97,0.45)", width=1),
                                 name=C.text("alter_ties", lang), hoverinfo="skip", meta={"role": "ties"}))

    labels = [C.short_name(r, max_label_chars) for r in records]
    priority = sorted(range(len(records)), key=lambda k: (records[k]["circle"], k))
    bounds = (-EXTENT, -EXTENT, EXTENT, EXTENT)
    boxes = C.fit_labels(xs, ys, labels, unit=UNIT, font_size=LABEL_FONT, radius=radius, order=priority,
                         obstacles=obstacles, bounds=bounds)
    for tr in _alter_traces(net, alters, xs, ys, color_by, lang, size, labels, boxes):
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
                                 marker=dict(size=size, color="#9E9E9E", opacity=0.45), hoverinfo="skip", meta={"role": "legend"}))
    fig.add_trace(go.Scatter(x=[0], y=[0], mode="markers+text", text=[ego_name], textposition="bottom center",
                             textfont=dict(size=LABEL_FONT, color="#000000"),
                             marker=dict(size=22, color="#212121", symbol="circle", line=dict(color="white", width=2)),
                             name=ego_name, hovertext=[ego_name], hoverinfo="text", showlegend=False, meta={"role": "ego"}))

    hidden = sum(1 for b in boxes if b is None)
    if hidden:
        annotations.append(dict(x=0, y=0, xref="paper", yref="paper", yanchor="top", xanchor="left", yshift=-8,
                                showarrow=False, text=C.text("hidden_labels", lang, n=hidden, m=len(records)),
                                font=dict(size=12, color="#616161")))
    fig.update_layout(annotations=annotations)
    default_title = ("Netwerkcirkel", "Network circle")[i] + (f" · {net.ego_id}" if net.ego_id else "")
    C.base_layout(fig, width=MARGIN["l"] + PLOT_PX + MARGIN["r"], height=MARGIN["t"] + PLOT_PX + MARGIN["b"],
                  margin=MARGIN, xrange=(-EXTENT, EXTENT), yrange=(-EXTENT, EXTENT),
                  title=default_title if title is None else title, legend_title=C.field_label(color_by, lang))
    fig.layout.meta = {"instrument": "netwerkcirkel", "marker_px": size, "footprint_px": footprint, "unit_px": UNIT,
                       "hidden_labels": hidden, "lang": lang}
    return fig
