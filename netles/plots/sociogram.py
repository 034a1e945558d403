"""The sociogram: who knows whom among the alters.

Each group of alters who know each other (a connected component) is laid out on its own with a
force-directed layout (Fruchterman-Reingold, vectorised with numpy and seeded, so the same network
always gives the same picture; a thousand alters take about a second), and the groups are packed
side by side with a clear gap, so that separate groups look separate. Alters who know no one else
in the network (isolates, the whole picture in the common "star" network without alter ties) are
set out together in a tidy grid. The packing follows the shape of the figure and the drawing is
then stretched (by at most :data:`MAX_STRETCH` in one direction) to fill it. The ego is left out
by default: with the ego every alter is tied to the centre, which hides the structure the
sociogram is for.

References
----------
.. [1] Moreno, J. L. (1934). *Who shall survive?* Nervous and Mental Disease Publishing.
.. [2] Fruchterman, T. M. J., & Reingold, E. M. (1991). Graph drawing by force-directed placement.
   *Software: Practice and Experience*, 21(11), 1129-1164.
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np
import plotly.graph_objects as go

from ..network import EGO_NODE, EgoNetwork
from . import _common as C
from . import textboxes as TB
from ._frame import apply_frame, check_size, make_frame
from ._labels import label_variants, place_labels
from .netwerkcirkel import _alter_traces, _segments, color_field_kind

__all__ = ["sociogram", "sociogram_layout", "force_layout"]

SPACING = 1.0  # typical distance between two neighbouring people within a group (data units)
GAP = 2.0  # smallest free space between two groups
LABEL_FONT = 12
MAX_MARKER_PX = 18
MAX_STRETCH = 1.4
"""The drawing is scaled to fill the figure; one direction may be stretched at most this much more."""


def force_layout(n: int, edges, *, seed: int = 7, iterations: int | None = None,
                 fixed: int | None = None) -> np.ndarray:
    """Fruchterman-Reingold positions of ``n`` nodes (rows), vectorised; deterministic for a seed.

    Parameters
    ----------
    n : int
    edges : iterable of (int, int)
        Node indices.
    seed : int
        Seed of the starting positions.
    iterations : int, optional
        Default 200 for small groups, fewer for large ones (50 from 400 nodes).
    fixed : int, optional
        A node that stays in the middle (the ego).

    Returns
    -------
    numpy.ndarray
        ``(n, 2)`` positions in about the unit square.

    Examples
    --------
    >>> pos = force_layout(3, [(0, 1), (1, 2)])
    >>> pos.shape, bool((force_layout(3, [(0, 1), (1, 2)]) == pos).all())
    ((3, 2), True)
    """
    if n == 1:
        return np.zeros((1, 2))
    if iterations is None:
        iterations = 200 if n <= 100 else 100 if n <= 400 else 50
    rng = np.random.RandomState(seed)
    pos = rng.rand(n, 2).astype(np.float32)
    if fixed is not None:
        pos[fixed] = 0.5
    adj = np.zeros((n, n), np.float32)
    e = np.asarray(list(edges), dtype=int).reshape(-1, 2).T
    if e.size:
        adj[e[0], e[1]] = 1
        adj[e[1], e[0]] = 1
    k = np.float32(math.sqrt(1.0 / n))
    t = float((pos.max(0) - pos.min(0)).max()) * 0.1
    dt = t / (iterations + 1)
    for _ in range(iterations):
        dx = pos[:, 0, None] - pos[None, :, 0]
        dy = pos[:, 1, None] - pos[None, :, 1]
        d2 = dx * dx + dy * dy
        np.maximum(d2, np.float32(1e-4), out=d2)
        force = k * k / d2 - adj * np.sqrt(d2) / k
        disp = np.stack([(dx * force).sum(1), (dy * force).sum(1)], 1)
        length = np.sqrt((disp ** 2).sum(1))
        length = np.where(length < 0.01, np.float32(0.1), length)
        step = disp * (t / length)[:, None]
        if fixed is not None:
            step[fixed] = 0
        pos += step
        t -= dt
    return pos.astype(np.float64)


def _nearest(pts: np.ndarray) -> np.ndarray:
    """Distance from each point to its nearest other point."""
    from scipy.spatial import cKDTree

    if len(pts) < 2:
        return np.full(len(pts), np.inf)
    d, _ = cKDTree(pts).query(pts, k=2)
    return d[:, 1]


def _spread(pts: np.ndarray, centre: int | None = None) -> np.ndarray:
    """Scale a component's layout so that a typical person's nearest neighbour is SPACING away."""
    if len(pts) < 2:
        return np.zeros_like(pts)
    pts = pts - (pts[centre] if centre is not None else pts.mean(axis=0))
    near = _nearest(pts)
    typical = float(np.median(near))
    scale = SPACING / typical if typical > 0 else 1.0
    # never so tight that two people touch: the closest pair is at least half the spacing apart
    if near.min() * scale < SPACING / 2:
        scale = max(scale, SPACING / 2 / max(float(near.min()), 1e-9)) if len(pts) <= 60 else scale
    return pts * scale


def sociogram_layout(net: EgoNetwork, *, include_ego: bool = False, seed: int = 7, aspect: float = 1.0) -> dict:
    """Coordinates of the sociogram.

    Parameters
    ----------
    net : EgoNetwork
    include_ego : bool
        Include the ego (node ``"ego"``) in the middle of the one group it then forms.
    seed : int
        Seed of the layout.
    aspect : float
        Height / width of the space to pack the groups into (the figure's drawing).

    Returns
    -------
    dict
        ``{"pos": {node: (x, y)}, "groups": [[node, ...], ...]}``, where ``groups`` lists the
        components (largest first) and, last, the isolates as one group.

    Examples
    --------
    >>> from netles import datasets
    >>> lay = sociogram_layout(datasets.load_case("voorbeeld"))
    >>> lay["groups"]
    [['A', 'B', 'C'], ['D', 'E'], ['F']]
    >>> lay == sociogram_layout(datasets.load_case("voorbeeld"))
    True
    """
    graph = net.to_networkx(include_ego=include_ego)
    order = {n: i for i, n in enumerate([EGO_NODE, *net.alter_ids])}
    comps = [sorted(c, key=order.get) for c in nx.connected_components(graph)]
    isolates = sorted((c[0] for c in comps if len(c) == 1), key=order.get)
    comps = sorted((c for c in comps if len(c) > 1), key=lambda c: (-len(c), order[c[0]]))

    blocks = []  # (nodes, array of positions) each centred on its own origin
    for comp in comps:
        index = {node: k for k, node in enumerate(comp)}
        edges = sorted((index[a], index[b]) for a, b in graph.subgraph(comp).edges())
        fixed = index.get(EGO_NODE) if include_ego else None
        raw = force_layout(len(comp), edges, seed=seed, fixed=fixed)
        blocks.append((comp, _spread(raw, fixed)))
    if isolates:
        cols = max(1, math.ceil(math.sqrt(len(isolates) * 1.6 / max(aspect, 0.2))))
        grid = np.array([((k % cols) * SPACING * 1.6, -(k // cols) * SPACING) for k in range(len(isolates))], float)
        mid = (grid.min(axis=0) + grid.max(axis=0)) / 2
        blocks.append((isolates, grid - mid))

    # shelf packing: blocks left to right in rows, the rows about as wide as the space's shape asks
    sizes = [(p.min(axis=0), p.max(axis=0)) for _, p in blocks]
    area = sum(float(np.prod(hi - lo + GAP)) for lo, hi in sizes)
    row_width = max([math.sqrt(area / max(aspect, 0.1)) * 1.1] + [float(hi[0] - lo[0]) for lo, hi in sizes])
    result, x, y, row_h = {}, 0.0, 0.0, 0.0
    for (nodes, pts), (lo, hi) in zip(blocks, sizes):
        w, h = float(hi[0] - lo[0]), float(hi[1] - lo[1])
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y - row_h - GAP, 0.0
        shifted = pts - lo + np.array([x, y - h])
        for node, p in zip(nodes, shifted):
            result[node] = (round(float(p[0]), 9), round(float(p[1]), 9))
        x += w + GAP
        row_h = max(row_h, h)
    groups = [list(c) for c in comps] + ([isolates] if isolates else [])
    return {"pos": result, "groups": groups}


def sociogram(net: EgoNetwork, *, include_ego: bool = False, color_by: str = "sector", seed: int = 7,
              lang: str = "nl", title: str | None = None, max_label_chars: int = 22, width: int | None = None,
              height: int | None = None, legend: str = "auto") -> go.Figure:
    """Draw the sociogram of a network.

    Parameters
    ----------
    net : EgoNetwork
    include_ego : bool
        Draw the ego in the middle, tied to everyone (default: leave it out).
    color_by : str
        Alter field that colours the dots (as in :func:`netles.plots.netwerkcirkel`).
    seed : int
        Seed of the layout: the same network and seed always give the same picture.
    lang : {"nl", "en"}
    title : str, optional
        Default "Sociogram" and the case title.
    max_label_chars : int
    width, height : int, optional
        Size in pixels the figure is shown at (default 900 x 640); the drawing fills it.
    legend : {"auto", "right", "below"}

    Returns
    -------
    plotly.graph_objects.Figure
        Alters in the traces with ``meta["role"] == "alters"`` (``customdata``: alter ids).

    Examples
    --------
    >>> from netles import datasets
    >>> fig = sociogram(datasets.load_case("voorbeeld"))
    >>> sorted(a for t in fig.data if t.meta and t.meta.get("role") == "alters" for a in t.customdata)
    ['A', 'B', 'C', 'D', 'E', 'F']
    """
    i = C.check_lang(lang)
    width, height = check_size(width, height)
    alters = net.alters
    kind = color_field_kind(alters, color_by)
    case = C.case_title(net, lang)
    title = ("Sociogram" + (f" · {case}" if case else "")) if title is None else title
    records = alters.to_dict("records")

    # the legend first (it decides how much room the drawing has)
    probe = go.Figure([tr for tr in _alter_traces(net, alters, [0] * len(records), [0] * len(records), color_by, lang, 10)])
    entries = [(None, None, C.text("alter_ties", lang))] + TB.legend_entries(probe.update_layout(showlegend=True))[1]
    if include_ego:
        entries.insert(0, (None, None, ("band met cliënt", "tie with client")[i]))
    legend_title = C.field_label(color_by, lang)
    frame = make_frame(width, height, title=title, entries=entries, legend_title=legend_title, legend=legend,
                       aspect=None, note=C.text("hidden_labels", lang, n=9999, m=9999), colorbar=kind == "number")
    lf = frame.font(LABEL_FONT)
    lay = sociogram_layout(net, include_ego=include_ego, seed=seed, aspect=frame.plot_h / frame.plot_w)
    pos = lay["pos"]

    # fill the drawing: the plot area is in pixels; people keep a margin for their names
    inner = (24.0, 16.0 + lf, frame.plot_w - 24.0, frame.plot_h - 16.0 - lf)
    if pos:
        pts = np.array(list(pos.values()))
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        span = np.maximum(hi - lo, 1e-9)
        sx, sy = (inner[2] - inner[0]) / span[0], (inner[3] - inner[1]) / span[1]
        s = min(sx, sy)
        sx, sy = min(sx, s * MAX_STRETCH), min(sy, s * MAX_STRETCH)
        if len(pts) == 1:
            sx = sy = 1.0
        # a small network does not need to be blown up to the full figure
        cap = 9 * lf / SPACING
        sx, sy = min(sx, cap), min(sy, cap)
        cx, cy = (inner[0] + inner[2]) / 2, (inner[1] + inner[3]) / 2
        mid = (lo + hi) / 2
        pos = {n: (cx + (p[0] - mid[0]) * sx, cy + (p[1] - mid[1]) * sy) for n, p in pos.items()}
    xr, yr = (0.0, frame.plot_w), (0.0, frame.plot_h)

    def px(x, y):
        return frame.left + x, frame.top + frame.plot_h - y

    xs = [pos[a][0] for a in net.alter_ids]
    ys = [pos[a][1] for a in net.alter_ids]
    if len(xs) >= 2:
        near = float(np.median(_nearest(np.column_stack([xs, ys]))))
        closest = float(_nearest(np.column_stack([xs, ys])).min())
    else:
        near = closest = 60.0
    size = max(6.0, min(MAX_MARKER_PX, 0.6 * near, max(closest - 2, 4.0)))
    fig = go.Figure()
    segments = []
    if include_ego:
        ego_x, ego_y = [], []
        for a in net.alter_ids:
            ego_x += [pos[EGO_NODE][0], pos[a][0], None]
            ego_y += [pos[EGO_NODE][1], pos[a][1], None]
        fig.add_trace(go.Scatter(x=ego_x, y=ego_y, mode="lines", line=dict(color="rgba(158,158,158,0.5)", width=1, dash="dot"),
                                 name=("band met cliënt", "tie with client")[i], hoverinfo="skip", meta={"role": "ego_ties"}))
    edges_x, edges_y = [], []
    for a, b in net.tie_pairs():
        edges_x += [pos[a][0], pos[b][0], None]
        edges_y += [pos[a][1], pos[b][1], None]
    fig.add_trace(go.Scatter(x=edges_x or [None], y=edges_y or [None], mode="lines", line=dict(color="#757575", width=1.2),
                             name=C.text("alter_ties", lang), hoverinfo="skip", meta={"role": "ties"}))
    segments += _segments(edges_x, edges_y, px)
    labels = [label_variants(C.short_name(r, 10 * max_label_chars), max_label_chars, lf) for r in records]
    obstacles = []
    if include_ego:
        ex, ey = px(*pos[EGO_NODE])
        obstacles.append((ex - 12, ey - 12, ex + 12, ey + 12))
    degree = dict(net.to_networkx(include_ego=False).degree())
    priority = sorted(range(len(records)), key=lambda k: (-degree.get(records[k]["alter_id"], 0), k))
    plot = (frame.left, frame.top, frame.left + frame.plot_w, frame.top + frame.plot_h)
    placements = place_labels([px(x, y) for x, y in zip(xs, ys)], labels, font_size=lf, marker_sizes=size,
                              footprints=size / 2 + 1, order=priority, obstacles=obstacles, bounds=plot, wrap_px=100,
                              lines=segments if len(segments) <= 3000 else ())
    for tr in _alter_traces(net, alters, xs, ys, color_by, lang, size, placements, frame, lf):
        fig.add_trace(tr)
    if include_ego:
        ego_name = net.ego.get("name") if isinstance(net.ego.get("name"), str) else C.text("ego", lang)
        fig.add_trace(go.Scatter(x=[pos[EGO_NODE][0]], y=[pos[EGO_NODE][1]], mode="markers", marker=dict(size=22, color="#212121"),
                                 hovertext=[ego_name], hoverinfo="text", name=ego_name, showlegend=False, meta={"role": "ego"}))
    annotations = []
    hidden = sum(1 for p in placements if p is None)
    if hidden:
        annotations.append(frame.note(C.text("hidden_labels", lang, n=hidden, m=len(records))))
    if not records:
        annotations.append(dict(x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False,
                                text=("nog niemand in het netwerk", "nobody in the network yet")[i], font=dict(size=16, color="#616161")))
    fig.update_layout(annotations=annotations)
    apply_frame(fig, frame, xrange=xr, yrange=yr, lang=lang, legend_title=legend_title)
    fig.layout.meta = {"instrument": "sociogram", "marker_px": size, "unit_px": 1.0, "hidden_labels": hidden,
                       "groups": lay["groups"], "lang": lang}
    return fig
