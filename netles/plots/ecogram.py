"""The ecogram (ecomap), drawn.

The client sits in the middle; around it six systems (familie, vrienden en kennissen, buurt, werk,
school en dagbesteding, clubs, vereniging en kerk, zorg en welzijn) are drawn as circles that hold
the alters who belong to them. Each alter is joined to the client by a line whose style shows the
relationship: a thick line for a strong tie (circle 1 or 2), a thin dashed line for a weak one, a
red zigzag for a stressful one (burdening, or disrupted). Arrowheads show the direction of support:
towards the client when the client receives support, towards the alter when the client gives it,
both ends when it is mutual.

An alter's system follows from its relation (:data:`RELATION_SYSTEM`); an alter field ``system``
overrides it (for example a fellow client met at work: ``"system": "work"``).

References
----------
.. [1] Hartman, A. (1978). Diagrammatic assessment of family relationships. *Social Casework*,
   59(8), 465-476.
"""
from __future__ import annotations

import math

import plotly.graph_objects as go

from .. import vocab
from ..errors import Problem, ValidationError
from ..network import EgoNetwork
from . import _common as C

__all__ = ["ecogram", "ecogram_layout", "SYSTEM", "RELATION_SYSTEM", "alter_system", "tie_strength"]

SYSTEM = vocab.Vocabulary(
    "system",
    {
        "family": ("familie", "family"),
        "friends": ("vrienden en kennissen", "friends and acquaintances"),
        "neighbourhood": ("buurt", "neighbourhood"),
        "work": ("werk, school, dagbesteding", "work, school, day activities"),
        "clubs": ("clubs, vereniging, kerk", "clubs, associations, church"),
        "care": ("zorg en welzijn", "care and welfare"),
    },
    ("systeem", "system"),
)
"""The systems around the client in the ecogram."""

RELATION_SYSTEM = {
    "partner": "family",
    "parent": "family",
    "child": "family",
    "sibling": "family",
    "other_family": "family",
    "friend": "friends",
    "acquaintance": "friends",
    "neighbour": "neighbourhood",
    "colleague": "work",
    "fellow_student": "work",
    "club_member": "clubs",
    # fellow clients are met through the care setting (a group home, a day centre), and volunteers
    # of welfare organisations belong there too; the ``system`` field moves them where needed
    "fellow_client": "care",
    "volunteer": "care",
    "professional": "care",
}
"""Default system of each relation."""

STRENGTH = vocab.Vocabulary(
    "strength",
    {"strong": ("sterke band", "strong tie"), "weak": ("zwakke band", "weak tie"), "stressful": ("stressvolle band", "stressful tie")},
    ("soort band", "kind of tie"),
)

EXTENT = 5.3
PLOT_PX = 760
UNIT = PLOT_PX / (2 * EXTENT)
MARGIN = dict(l=20, r=250, t=60, b=46)
SYSTEM_RADIUS = 3.05  # distance of each system's centre from the client
BUBBLE = 1.3  # radius of a system circle
MARKER_PX = 16
LABEL_FONT = 12


def alter_system(record: dict, source: str | None = None) -> str:
    """The system an alter belongs to: its ``system`` field, or the default of its relation.

    Raises
    ------
    ValidationError
        If the ``system`` field holds an unknown value.

    Examples
    --------
    >>> alter_system({"alter_id": "A", "relation": "fellow_client"}), alter_system({"alter_id": "A", "relation": "fellow_client", "system": "work"})
    ('care', 'work')
    """
    value = record.get("system")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return RELATION_SYSTEM[record["relation"]]
    if value not in SYSTEM:
        raise ValidationError(Problem(f"{value!r} is not a known system", file=source, alter=record.get("alter_id"),
                                      field="system", value=value, allowed=SYSTEM.allowed()))
    return value


def tie_strength(record: dict, strong_max_circle: int = 2) -> str:
    """``"stressful"`` (burdening or disrupted), ``"strong"`` (circle <= ``strong_max_circle``) or ``"weak"``.

    Examples
    --------
    >>> tie_strength({"circle": 1}), tie_strength({"circle": 3}), tie_strength({"circle": 1, "valence": "burdening"})
    ('strong', 'weak', 'stressful')
    """
    if record.get("valence") == "burdening" or record.get("status") == "disrupted":
        return "stressful"
    return "strong" if record.get("circle", 4) <= strong_max_circle else "weak"


def _system_centre(system: str) -> tuple[float, float]:
    angle = math.radians(90 - 60 * SYSTEM.index(system))
    return SYSTEM_RADIUS * math.cos(angle), SYSTEM_RADIUS * math.sin(angle)


def _hex_points(n: int, radius: float) -> tuple[list[tuple[float, float]], float]:
    """``n`` points of a hexagonal grid inside a circle, nearest the centre first; and their spacing."""
    if n == 0:
        return [], radius
    if n == 1:
        return [(0.0, 0.0)], radius
    d = radius
    while True:
        points = []
        k = int(radius / d) + 2
        for row in range(-k, k + 1):
            y = row * d * math.sqrt(3) / 2
            shift = d / 2 if row % 2 else 0.0
            for col in range(-k, k + 1):
                x = col * d + shift
                if math.hypot(x, y) <= radius - d / 2 + 1e-9:
                    points.append((round(x, 9), round(y, 9)))
        if len(points) >= n:
            # nearest the centre first, then by angle: a compact, deterministic cluster
            points.sort(key=lambda p: (round(math.hypot(*p), 6), round(math.atan2(p[1], p[0]), 6)))
            return points[:n], d
        d *= 0.93


def ecogram_layout(net: EgoNetwork) -> dict:
    """Positions of the ecogram: each alter's system and spot, and the spacing within the circles.

    Returns
    -------
    dict
        ``{"alters": {alter_id: (system, x, y)}, "spacing": float}``.

    Examples
    --------
    >>> from netles import datasets
    >>> lay = ecogram_layout(datasets.load_case("voorbeeld"))
    >>> sorted({s for s, _, _ in lay["alters"].values()})
    ['care', 'family', 'friends', 'neighbourhood']
    """
    records = net.alters.to_dict("records")
    systems = {r["alter_id"]: alter_system(r, net.source) for r in records}
    out, spacing = {}, math.inf
    for system in SYSTEM:
        ids = [r["alter_id"] for r in records if systems[r["alter_id"]] == system]
        points, d = _hex_points(len(ids), BUBBLE - 0.12)
        if len(ids) > 1:
            spacing = min(spacing, d)
        cx, cy = _system_centre(system)
        for alter_id, (x, y) in zip(ids, points):
            out[alter_id] = (system, cx + x, cy + y)
    return {"alters": {a: out[a] for a in net.alter_ids}, "spacing": spacing}


def _zigzag(x0: float, y0: float, x1: float, y1: float, amplitude: float = 0.07, step: float = 0.16) -> tuple[list, list]:
    length = math.hypot(x1 - x0, y1 - y0)
    if length == 0:
        return [x0, x1], [y0, y1]
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    px, py = -uy, ux
    n = max(2, int(length / step))
    xs, ys = [x0], [y0]
    for k in range(1, n):
        t = k / n * length
        side = amplitude if k % 2 else -amplitude
        xs.append(x0 + ux * t + px * side)
        ys.append(y0 + uy * t + py * side)
    xs.append(x1)
    ys.append(y1)
    return xs, ys


def ecogram(net: EgoNetwork, *, lang: str = "nl", title: str | None = None, strong_max_circle: int = 2,
            lines: str | None = None, max_label_chars: int = 22) -> go.Figure:
    """Draw the ecogram of a network.

    Parameters
    ----------
    net : EgoNetwork
    lang : {"nl", "en"}
        Language of labels, legend and hover.
    title : str, optional
        Figure title (default "Ecogram" and the ego id).
    strong_max_circle : int
        Alters in this circle or closer have a strong tie (default 2, as in the quality profile).
    lines : {"alters", "systems"}, optional
        ``"alters"``: a line from the client to every alter. ``"systems"``: as in the classic
        ecogram, one line from the client to each system per kind of tie (the hover and the
        number on the line say how many alters it stands for). Default: ``"alters"`` up to 25
        alters, ``"systems"`` above, where one line per alter would hide the picture.
    max_label_chars : int
        Longer names are shortened next to the dot (the hover has the full name).

    Returns
    -------
    plotly.graph_objects.Figure
        Alter dots are in the trace with ``meta["role"] == "alters"``; the lines are in traces with
        ``meta["role"]`` ``"strong"``, ``"weak"`` or ``"stressful"``; the arrowheads are layout
        annotations.

    Raises
    ------
    ValidationError
        If an alter's ``system`` field is not a known system.

    Examples
    --------
    >>> from netles import datasets
    >>> fig = ecogram(datasets.load_case("voorbeeld"))
    >>> {t.meta["role"]: t.name for t in fig.data if t.meta["role"] in ("strong", "weak", "stressful")}
    {'strong': 'sterke band', 'weak': 'zwakke band', 'stressful': 'stressvolle band'}
    """
    i = C.check_lang(lang)
    layout = ecogram_layout(net)
    records = net.alters.to_dict("records")
    fig = go.Figure()
    ego_name = net.ego.get("name") if isinstance(net.ego.get("name"), str) else C.text("ego", lang)
    ego_r = 34 / 2 / UNIT
    radius = MARKER_PX / 2 / UNIT

    shapes, annotations, obstacles = [], [], []
    counts = {s: 0 for s in SYSTEM}
    for s, _, _ in layout["alters"].values():
        counts[s] += 1
    for system in SYSTEM:
        cx, cy = _system_centre(system)
        empty = counts[system] == 0
        shapes.append(dict(type="circle", x0=cx - BUBBLE, y0=cy - BUBBLE, x1=cx + BUBBLE, y1=cy + BUBBLE, layer="below",
                           line=dict(color="#9E9E9E" if empty else "#546E7A", width=1.5, dash="dot" if empty else "solid"),
                           fillcolor="rgba(236,239,241,0.35)" if empty else "rgba(224,242,241,0.45)"))
        name = SYSTEM.label(system, lang) + (f" ({('niemand', 'nobody')[i]})" if empty else f" ({counts[system]})")
        above = cy >= -0.01
        y = cy + BUBBLE + 0.08 if above else cy - BUBBLE - 0.08
        annotations.append(dict(x=cx, y=y, text=f"<b>{name}</b>", showarrow=False, xanchor="center",
                                yanchor="bottom" if above else "top", font=dict(size=13, color="#37474F")))
        w, h = len(name) * 13 * 0.65 / UNIT, 13 * C.LINE_HEIGHT / UNIT
        obstacles.append((cx - w / 2, y if above else y - h, cx + w / 2, y + h if above else y))
    obstacles.append((-ego_r, -ego_r, ego_r, ego_r))

    # lines client -> alter, one trace per style so the legend explains them
    styles = {
        "strong": dict(color="#263238", width=4),
        "weak": dict(color="#546E7A", width=1.5, dash="dash"),
        "stressful": dict(color="#D55E00", width=2),
    }
    if lines is None:
        lines = "alters" if len(records) <= 25 else "systems"
    if lines not in ("alters", "systems"):
        raise ValueError(f"lines must be 'alters' or 'systems', not {lines!r}")
    paths = {k: ([], []) for k in styles}
    hover_of_kind = {k: [] for k in styles}

    def arrows(direction_set, x0, y0, x1, y1, ux, uy, kind):
        ends = []
        if direction_set & {"receives", "mutual"}:
            ends.append((x0, y0, 1))
        if direction_set & {"gives", "mutual"}:
            ends.append((x1, y1, -1))
        for tx, ty, sign in ends:
            # a short arrow whose head sits at the line's end: toward the client (sign 1) or away
            ax, ay = tx + sign * ux * 0.45, ty + sign * uy * 0.45
            annotations.append(dict(x=tx, y=ty, ax=ax, ay=ay, xref="x", yref="y", axref="x", ayref="y", text="",
                                    showarrow=True, arrowhead=2, arrowsize=1.3, arrowwidth=2,
                                    arrowcolor="#D55E00" if kind == "stressful" else "#263238"))

    def add_line(x0, y0, x1, y1, kind):
        lx, ly = _zigzag(x0, y0, x1, y1) if kind == "stressful" else ([x0, x1], [y0, y1])
        paths[kind][0].extend(lx + [None])
        paths[kind][1].extend(ly + [None])

    if lines == "alters":
        for r in records:
            _, x, y = layout["alters"][r["alter_id"]]
            kind = tie_strength(r, strong_max_circle)
            dist = math.hypot(x, y)
            ux, uy = x / dist, y / dist
            x0, y0, x1, y1 = ux * ego_r, uy * ego_r, x - ux * radius, y - uy * radius
            add_line(x0, y0, x1, y1, kind)
            arrows({r.get("support_direction")}, x0, y0, x1, y1, ux, uy, kind)
    else:
        offsets = {"strong": -0.16, "weak": 0.0, "stressful": 0.16}
        for system in SYSTEM:
            members = [r for r in records if layout["alters"][r["alter_id"]][0] == system]
            cx, cy = _system_centre(system)
            dist = math.hypot(cx, cy)
            ux, uy = cx / dist, cy / dist
            px, py = -uy, ux
            for kind in styles:
                group = [r for r in members if tie_strength(r, strong_max_circle) == kind]
                if not group:
                    continue
                o = offsets[kind]
                x0, y0 = ux * (ego_r + 0.05) + px * o, uy * (ego_r + 0.05) + py * o
                x1, y1 = ux * (dist - BUBBLE) + px * o, uy * (dist - BUBBLE) + py * o
                add_line(x0, y0, x1, y1, kind)
                arrows({r.get("support_direction") for r in group}, x0, y0, x1, y1, ux, uy, kind)
                annotations.append(dict(x=(x0 + x1) / 2 + px * 0.14, y=(y0 + y1) / 2 + py * 0.14, text=str(len(group)),
                                        showarrow=False, font=dict(size=11, color="#D55E00" if kind == "stressful" else "#263238"),
                                        bgcolor="rgba(255,255,255,0.8)"))
    for kind, style in styles.items():
        fig.add_trace(go.Scatter(x=paths[kind][0] or [None], y=paths[kind][1] or [None], mode="lines", line=style,
                                 name=STRENGTH.label(kind, lang), hoverinfo="skip", meta={"role": kind}))
    # arrow meanings in the legend (the arrows themselves are annotations, which have no legend)
    arrow_names = (("pijl naar cliënt: cliënt krijgt steun", "arrow to client: client receives support"),
                   ("pijl naar contact: cliënt geeft steun", "arrow to contact: client gives support"))
    for symbol, names in zip(("arrow-left", "arrow-right"), arrow_names):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", marker=dict(symbol=symbol, size=12, color="#263238"),
                                 name=names[i], hoverinfo="skip", meta={"role": "legend"}))

    if any(r.get("status") == "faded" for r in records):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=("verwaterd contact", "faded contact")[i],
                                 marker=dict(size=MARKER_PX, color="#FFFFFF", line=dict(color="#37474F", width=1.5)),
                                 hoverinfo="skip", meta={"role": "legend"}))
    ids = list(layout["alters"])
    xs = [layout["alters"][a][1] for a in ids]
    ys = [layout["alters"][a][2] for a in ids]
    labels = [C.short_name(r, max_label_chars) for r in records]
    priority = sorted(range(len(records)), key=lambda k: (records[k]["circle"], k))
    boxes = C.fit_labels(xs, ys, labels, unit=UNIT, font_size=LABEL_FONT, radius=radius, order=priority,
                         obstacles=obstacles, bounds=(-EXTENT, -EXTENT, EXTENT, EXTENT))
    system_word = SYSTEM.field_label(lang)
    hovers = [C.alter_hover(r, lang, extra=[(system_word, SYSTEM.label(layout["alters"][r["alter_id"]][0], lang))]) for r in records]
    colors = ["#FFFFFF" if r.get("status") == "faded" else "#90A4AE" for r in records]
    fig.add_trace(go.Scatter(
        x=xs, y=ys, mode="markers+text", text=[lab if b else "" for lab, b in zip(labels, boxes)],
        textposition=[b.position if b else "middle right" for b in boxes], textfont=dict(size=LABEL_FONT),
        marker=dict(size=MARKER_PX, color=colors, line=dict(color="#37474F", width=1.5)),
        customdata=ids, hovertext=hovers, hoverinfo="text", hoverlabel=dict(align="left"),
        name=("contact", "contact")[i], showlegend=False, meta={"role": "alters"},
    ))
    fig.add_trace(go.Scatter(x=[0], y=[0], mode="markers+text", text=[ego_name], textposition="middle center",
                             textfont=dict(size=11, color="white"), marker=dict(size=46, color="#212121"),
                             hovertext=[ego_name], hoverinfo="text", showlegend=False, meta={"role": "ego"}))
    hidden = sum(1 for b in boxes if b is None)
    if hidden:
        annotations.append(dict(x=0, y=0, xref="paper", yref="paper", yanchor="top", xanchor="left", yshift=-8,
                                showarrow=False, text=C.text("hidden_labels", lang, n=hidden, m=len(records)),
                                font=dict(size=12, color="#616161")))
    fig.update_layout(shapes=shapes, annotations=annotations)
    default_title = "Ecogram" + (f" · {net.ego_id}" if net.ego_id else "")
    C.base_layout(fig, width=MARGIN["l"] + PLOT_PX + MARGIN["r"], height=MARGIN["t"] + PLOT_PX + MARGIN["b"], margin=MARGIN,
                  xrange=(-EXTENT, EXTENT), yrange=(-EXTENT, EXTENT), title=default_title if title is None else title,
                  legend_title=STRENGTH.field_label(lang))
    fig.layout.meta = {"instrument": "ecogram", "marker_px": MARKER_PX, "unit_px": UNIT, "hidden_labels": hidden,
                       "spacing": layout["spacing"], "lines": lines, "lang": lang}
    return fig
