"""The sociogram: who knows whom among the alters.

The layout is a force-directed (spring) layout per connected group, seeded, so the same network
always gives the same picture. Each group (component) is laid out on its own and the groups are
packed side by side with a clear gap, so that separate groups look separate. Alters who know no one
else in the network (isolates, the whole picture in the common "star" network without alter ties)
are set out together in a tidy grid. The ego is left out by default: with the ego every alter is
tied to the centre, which hides the structure the sociogram is for.

References
----------
.. [1] Moreno, J. L. (1934). *Who shall survive?* Nervous and Mental Disease Publishing.
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np
import plotly.graph_objects as go

from ..network import EGO_NODE, EgoNetwork
from . import _common as C
from .netwerkcirkel import _alter_traces, color_field_kind

__all__ = ["sociogram", "sociogram_layout"]

SPACING = 1.0  # smallest distance between two people within a group (data units)
GAP = 2.0  # smallest free space between two groups
PLOT_PX = 760
MARGIN = dict(l=20, r=250, t=60, b=46)
LABEL_FONT = 12
MAX_MARKER_PX = 18


def _spread(pos: dict, fixed: str | None = None) -> dict:
    """Scale a component's layout so that no two nodes are closer than SPACING."""
    nodes = list(pos)
    if len(nodes) < 2:
        return {n: np.zeros(2) for n in nodes}
    pts = np.array([pos[n] for n in nodes], dtype=float)
    centre = pts[nodes.index(fixed)] if fixed in nodes else pts.mean(axis=0)
    pts = pts - centre
    d = np.sqrt(((pts[:, None] - pts[None]) ** 2).sum(-1))
    d[np.diag_indices(len(pts))] = np.inf
    smallest = d.min()
    scale = SPACING / smallest if smallest > 0 else 1.0
    # spring layouts of small groups come out about 2 units wide: keep them compact but readable
    scale = max(scale, SPACING * 0.9)
    return {n: p * scale for n, p in zip(nodes, pts)}


def sociogram_layout(net: EgoNetwork, *, include_ego: bool = False, seed: int = 7) -> dict:
    """Coordinates of the sociogram.

    Parameters
    ----------
    net : EgoNetwork
    include_ego : bool
        Include the ego (node ``"ego"``) in the middle of the one group it then forms.
    seed : int
        Seed of the spring layout.

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

    blocks = []  # (nodes, {node: xy}) each centred on its own origin
    for comp in comps:
        sub = graph.subgraph(comp)
        sub = nx.Graph(sub)  # a fresh graph in a fixed node order keeps the layout reproducible
        ordered = nx.Graph()
        ordered.add_nodes_from(comp)
        ordered.add_edges_from(sorted(sub.edges(), key=lambda e: (order[e[0]], order[e[1]])))
        if include_ego and EGO_NODE in comp:
            init = nx.circular_layout(ordered)
            init[EGO_NODE] = np.zeros(2)
            raw = nx.spring_layout(ordered, pos=init, fixed=[EGO_NODE], seed=seed, iterations=200)
            blocks.append((comp, _spread(raw, fixed=EGO_NODE)))
        else:
            raw = nx.spring_layout(ordered, seed=seed, iterations=200)
            blocks.append((comp, _spread(raw)))
    if isolates:
        cols = max(1, math.ceil(math.sqrt(len(isolates) * 1.6)))
        grid = {n: np.array([(k % cols) * SPACING * 1.6, -(k // cols) * SPACING]) for k, n in enumerate(isolates)}
        pts = np.array(list(grid.values()))
        mid = (pts.min(axis=0) + pts.max(axis=0)) / 2
        blocks.append((isolates, {n: p - mid for n, p in grid.items()}))

    # shelf packing: blocks left to right in rows about as wide as the whole picture is tall
    sizes = []
    for nodes, pos in blocks:
        pts = np.array(list(pos.values()))
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        sizes.append((lo, hi))
    area = sum(float(np.prod(hi - lo + GAP)) for lo, hi in sizes)
    row_width = max([math.sqrt(area) * 1.2] + [float(hi[0] - lo[0]) for lo, hi in sizes])
    result, x, y, row_h = {}, 0.0, 0.0, 0.0
    for (nodes, pos), (lo, hi) in zip(blocks, sizes):
        w, h = float(hi[0] - lo[0]), float(hi[1] - lo[1])
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y - row_h - GAP, 0.0
        for n in nodes:
            p = pos[n] - lo + np.array([x, y - h])
            result[n] = (round(float(p[0]), 9), round(float(p[1]), 9))
        x += w + GAP
        row_h = max(row_h, h)
    groups = [list(c) for c in comps] + ([isolates] if isolates else [])
    return {"pos": result, "groups": groups}


def sociogram(net: EgoNetwork, *, include_ego: bool = False, color_by: str = "sector", seed: int = 7,
              lang: str = "nl", title: str | None = None, max_label_chars: int = 22) -> go.Figure:
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
    max_label_chars : int

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
    alters = net.alters
    color_field_kind(alters, color_by)
    lay = sociogram_layout(net, include_ego=include_ego, seed=seed)
    pos = lay["pos"]
    pts = np.array(list(pos.values())) if pos else np.zeros((1, 2))
    lo, hi = pts.min(axis=0) - 1.2, pts.max(axis=0) + 1.2
    # a square view around the picture; labels need about two units to the right
    side = max(float((hi - lo).max()), 6.0)
    mid = (lo + hi) / 2
    xr = (mid[0] - side / 2, mid[0] + side / 2)
    yr = (mid[1] - side / 2, mid[1] + side / 2)
    unit = PLOT_PX / side
    size = max(7.0, min(MAX_MARKER_PX, SPACING * unit * 0.7))
    radius = size / 2 / unit
    fig = go.Figure()
    edges_x, edges_y = [], []
    for a, b in net.tie_pairs():
        edges_x += [pos[a][0], pos[b][0], None]
        edges_y += [pos[a][1], pos[b][1], None]
    if include_ego:
        ego_x, ego_y = [], []
        for a in net.alter_ids:
            ego_x += [pos[EGO_NODE][0], pos[a][0], None]
            ego_y += [pos[EGO_NODE][1], pos[a][1], None]
        fig.add_trace(go.Scatter(x=ego_x, y=ego_y, mode="lines", line=dict(color="rgba(158,158,158,0.5)", width=1, dash="dot"),
                                 name=("band met cliënt", "tie with client")[i], hoverinfo="skip", meta={"role": "ego_ties"}))
    fig.add_trace(go.Scatter(x=edges_x or [None], y=edges_y or [None], mode="lines", line=dict(color="#616161", width=1.5),
                             name=C.text("alter_ties", lang), hoverinfo="skip", meta={"role": "ties"}))
    xs = [pos[a][0] for a in net.alter_ids]
    ys = [pos[a][1] for a in net.alter_ids]
    records = alters.to_dict("records")
    labels = [C.short_name(r, max_label_chars) for r in records]
    obstacles = []
    if include_ego:
        ex, ey = pos[EGO_NODE]
        er = 11 / unit
        obstacles.append((ex - er, ey - er, ex + er, ey + er))
    degree = dict(net.to_networkx(include_ego=False).degree())
    priority = sorted(range(len(records)), key=lambda k: (-degree.get(records[k]["alter_id"], 0), k))
    boxes = C.fit_labels(xs, ys, labels, unit=unit, font_size=LABEL_FONT, radius=radius, order=priority,
                         obstacles=obstacles, bounds=(xr[0], yr[0], xr[1], yr[1]))
    for tr in _alter_traces(net, alters, xs, ys, color_by, lang, size, labels, boxes):
        tr.textfont.size = LABEL_FONT
        fig.add_trace(tr)
    if include_ego:
        ego_name = net.ego.get("name") if isinstance(net.ego.get("name"), str) else C.text("ego", lang)
        fig.add_trace(go.Scatter(x=[pos[EGO_NODE][0]], y=[pos[EGO_NODE][1]], mode="markers", marker=dict(size=22, color="#212121"),
                                 hovertext=[ego_name], hoverinfo="text", name=ego_name, showlegend=False, meta={"role": "ego"}))
    annotations = []
    hidden = sum(1 for b in boxes if b is None)
    if hidden:
        annotations.append(dict(x=0, y=0, xref="paper", yref="paper", yanchor="top", xanchor="left", yshift=-8,
                                showarrow=False, text=C.text("hidden_labels", lang, n=hidden, m=len(records)),
                                font=dict(size=12, color="#616161")))
    if not records:
        annotations.append(dict(x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False,
                                text=("nog niemand in het netwerk", "nobody in the network yet")[i], font=dict(size=16, color="#616161")))
    fig.update_layout(annotations=annotations)
    default_title = ("Sociogram", "Sociogram")[i] + (f" · {net.ego_id}" if net.ego_id else "")
    C.base_layout(fig, width=MARGIN["l"] + PLOT_PX + MARGIN["r"], height=MARGIN["t"] + PLOT_PX + MARGIN["b"], margin=MARGIN,
                  xrange=xr, yrange=yr, title=default_title if title is None else title, legend_title=C.field_label(color_by, lang))
    fig.layout.meta = {"instrument": "sociogram", "marker_px": size, "unit_px": unit, "hidden_labels": hidden,
                       "groups": lay["groups"], "lang": lang}
    return fig
