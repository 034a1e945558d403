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
from . import textboxes as TB
from . import textsize as TS
from ._frame import apply_frame, check_size, make_frame
from ._labels import label_variants, place_labels

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

EXTENT = 4.9  # the drawing runs at least from -EXTENT to EXTENT; wider when the system names need it
SYSTEM_RADIUS = 3.05  # distance of each system's centre from the client
BUBBLE = 1.3  # radius of a system circle
MARKER_PX = 16
LABEL_FONT = 12
SYSTEM_FONT = 13
EGO_PX = 46


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
            lines: str | None = None, max_label_chars: int = 22, width: int | None = None, height: int | None = None,
            legend: str = "auto") -> go.Figure:
    """Draw the ecogram of a network.

    Parameters
    ----------
    net : EgoNetwork
    lang : {"nl", "en"}
        Language of labels, legend and hover.
    title : str, optional
        Figure title (default "Ecogram" and the case title).
    strong_max_circle : int
        Alters in this circle or closer have a strong tie (default 2, as in the quality profile).
    lines : {"alters", "systems"}, optional
        ``"alters"``: a line from the client to every alter. ``"systems"``: as in the classic
        ecogram, one line from the client to each system per kind of tie (the hover and the
        number on the line say how many alters it stands for). Default: ``"alters"`` up to 25
        alters, ``"systems"`` above, where one line per alter would hide the picture.
    max_label_chars : int
        Longer names are put on two lines or shortened next to the dot (the hover has the full name).
    width, height : int, optional
        Size in pixels the figure is shown at (default 900 x 640); names are placed for this size.
        Under about 560 pixels the drawing gets too small for its names: they are left out (the
        hover keeps them) and, below about 480, the labels of the systems may touch.
    legend : {"auto", "right", "below"}
        Where the legend goes.

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
    width, height = check_size(width, height)
    layout = ecogram_layout(net)
    records = net.alters.to_dict("records")
    if lines is None:
        lines = "alters" if len(records) <= 25 else "systems"
    if lines not in ("alters", "systems"):
        raise ValueError(f"lines must be 'alters' or 'systems', not {lines!r}")
    case = C.case_title(net, lang)
    title = ("Ecogram" + (f" · {case}" if case else "")) if title is None else title
    ego_name = net.ego.get("name") if isinstance(net.ego.get("name"), str) and net.ego.get("name") else C.text("ego", lang)
    counts = {s: 0 for s in SYSTEM}
    for s_, _, _ in layout["alters"].values():
        counts[s_] += 1

    # the legend: kinds of tie, the arrows, the pale dot
    styles = {
        "strong": dict(color="#263238", width=4),
        "weak": dict(color="#546E7A", width=1.5, dash="dash"),
        "stressful": dict(color="#D55E00", width=2),
    }
    arrow_names = (("pijl naar cliënt: cliënt krijgt steun", "arrow to client: client receives support"),
                   ("pijl naar contact: cliënt geeft steun", "arrow to contact: client gives support"))
    entries = [(None, None, STRENGTH.label(k, lang)) for k in styles] + [(None, None, n[i]) for n in arrow_names]
    if any(r.get("status") == "faded" for r in records):
        entries.append((None, None, ("verwaterd contact", "faded contact")[i]))
    legend_title = STRENGTH.field_label(lang)
    frame = make_frame(width, height, title=title, entries=entries, legend_title=legend_title, legend=legend,
                       note=C.text("hidden_labels", lang, n=99, m=99))

    # system names: above the circles in the upper half, below in the lower half, on two lines when
    # they are wider than the room between the circles
    names, name_y = {}, {}
    lf, sf = frame.font(LABEL_FONT), frame.font(SYSTEM_FONT)
    side = min(frame.plot_w, frame.plot_h)
    extent = EXTENT
    for _ in range(6):  # the names take fixed pixels: grow the view until they fit in it
        unit = side / (2 * extent)
        boxes = {}
        for system in SYSTEM:
            cx, cy = _system_centre(system)
            name = SYSTEM.label(system, lang) + (f" ({('niemand', 'nobody')[i]})" if counts[system] == 0 else f" ({counts[system]})")
            name = TS.wrap(name, max(2.2 * BUBBLE * unit, 130), sf, bold=True, max_lines=3)
            names[system] = name
            w, h = (TS.text_width(name, sf, bold=True) + 4) / unit, (TS.text_height(name, sf) + 4) / unit
            above = cy >= -0.01
            y = cy + BUBBLE + 0.08 if above else cy - BUBBLE - 0.08
            boxes[system] = [cx - w / 2, y if above else y - h, cx + w / 2, y + h if above else y, above]
        # the name over the top circle (and under the bottom one) moves out of the way of its neighbours'
        for top, sides, up in (("family", ("friends", "care"), True), ("work", ("neighbourhood", "clubs"), False)):
            b = boxes[top]
            for other in sides:
                o = boxes[other]
                if b[0] < o[2] and o[0] < b[2] and b[1] < o[3] and o[1] < b[3]:
                    shift = (o[3] + 0.05 - b[1]) if up else (o[1] - 0.05 - b[3])
                    b[1] += shift
                    b[3] += shift
        need = extent
        for system, (x0, y0, x1, y1, above) in boxes.items():
            name_y[system] = y0 if above else y1
            need = max(need, abs(y0), abs(y1), abs(x0), abs(x1))
        if need <= extent + 1e-6:
            break
        extent = need + 0.05
    xr, yr, unit = frame.ranges(-extent, extent, -extent, extent)
    radius = MARKER_PX / 2 / unit
    ego_r = EGO_PX / 2 / unit

    def px(x, y):
        return frame.left + (x - xr[0]) * unit, frame.top + (yr[1] - y) * unit

    fig = go.Figure()
    shapes, annotations, obstacles = [], [], []
    for system in SYSTEM:
        cx, cy = _system_centre(system)
        empty = counts[system] == 0
        shapes.append(dict(type="circle", x0=cx - BUBBLE, y0=cy - BUBBLE, x1=cx + BUBBLE, y1=cy + BUBBLE, layer="below",
                           line=dict(color="#9E9E9E" if empty else "#546E7A", width=1.5, dash="dot" if empty else "solid"),
                           fillcolor="rgba(236,239,241,0.35)" if empty else "rgba(224,242,241,0.45)"))
        above = cy >= -0.01
        y = name_y[system]
        text = f"<b>{names[system]}</b>"
        annotations.append(dict(x=cx, y=y, text=text, showarrow=False, xanchor="center",
                                yanchor="bottom" if above else "top", font=dict(size=sf, color="#37474F")))
        obstacles.append(TB.annotation_box(*px(cx, y), text, sf, xanchor="center",
                                           yanchor="bottom" if above else "top", bold=True))
    ex, ey = px(0, 0)
    obstacles.append((ex - EGO_PX / 2, ey - EGO_PX / 2, ex + EGO_PX / 2, ey + EGO_PX / 2))

    paths = {k: ([], []) for k in styles}

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

    segments = []
    if lines == "alters":
        for r in records:
            _, x, y = layout["alters"][r["alter_id"]]
            kind = tie_strength(r, strong_max_circle)
            dist = math.hypot(x, y)
            ux, uy = x / dist, y / dist
            x0, y0, x1, y1 = ux * ego_r, uy * ego_r, x - ux * radius, y - uy * radius
            add_line(x0, y0, x1, y1, kind)
            segments.append((*px(x0, y0), *px(x1, y1)))
            arrows({r.get("support_direction")}, x0, y0, x1, y1, ux, uy, kind)
    else:
        offsets = {"strong": -0.16, "weak": 0.0, "stressful": 0.16}
        for system in SYSTEM:
            members = [r for r in records if layout["alters"][r["alter_id"]][0] == system]
            cx, cy = _system_centre(system)
            dist = math.hypot(cx, cy)
            ux, uy = cx / dist, cy / dist
            pvx, pvy = -uy, ux
            for kind in styles:
                group = [r for r in members if tie_strength(r, strong_max_circle) == kind]
                if not group:
                    continue
                o = offsets[kind]
                x0, y0 = ux * (ego_r + 0.05) + pvx * o, uy * (ego_r + 0.05) + pvy * o
                x1, y1 = ux * (dist - BUBBLE) + pvx * o, uy * (dist - BUBBLE) + pvy * o
                add_line(x0, y0, x1, y1, kind)
                arrows({r.get("support_direction") for r in group}, x0, y0, x1, y1, ux, uy, kind)
                # the number of people on the line, at the first spot along it that is free
                color = "#D55E00" if kind == "stressful" else "#263238"
                for f in (0.6, 0.75, 0.45, 0.88, 0.3):
                    mx, my = x0 + (x1 - x0) * f, y0 + (y1 - y0) * f
                    box = TB.annotation_box(*px(mx, my), str(len(group)), 11)
                    if not any(box[0] < o[2] and o[0] < box[2] and box[1] < o[3] and o[1] < box[3] for o in obstacles):
                        annotations.append(dict(x=mx, y=my, text=str(len(group)), showarrow=False,
                                                font=dict(size=11, color=color), bgcolor="rgba(255,255,255,0.85)"))
                        obstacles.append(box)
                        break
    for kind, style in styles.items():
        fig.add_trace(go.Scatter(x=paths[kind][0] or [None], y=paths[kind][1] or [None], mode="lines", line=style,
                                 name=STRENGTH.label(kind, lang), hoverinfo="skip", meta={"role": kind}))
    # arrow meanings in the legend (the arrows themselves are annotations, which have no legend)
    for symbol, names_ in zip(("arrow-left", "arrow-right"), arrow_names):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", marker=dict(symbol=symbol, size=12, color="#263238"),
                                 name=names_[i], hoverinfo="skip", meta={"role": "legend"}))
    if any(r.get("status") == "faded" for r in records):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=("verwaterd contact", "faded contact")[i],
                                 marker=dict(size=MARKER_PX, color="#FFFFFF", line=dict(color="#37474F", width=1.5)),
                                 hoverinfo="skip", meta={"role": "legend"}))
    ids = list(layout["alters"])
    xs = [layout["alters"][a][1] for a in ids]
    ys = [layout["alters"][a][2] for a in ids]
    labels = [label_variants(C.short_name(r, 10 * max_label_chars), max_label_chars, lf) for r in records]
    priority = sorted(range(len(records)), key=lambda k: (records[k]["circle"], k))
    plot = (frame.left, frame.top, frame.left + frame.plot_w, frame.top + frame.plot_h)
    placements = place_labels([px(x, y) for x, y in zip(xs, ys)], labels, font_size=lf, marker_sizes=MARKER_PX,
                              footprints=MARKER_PX / 2 + 1, order=priority, obstacles=obstacles, bounds=plot,
                              wrap_px=100, lines=segments)
    system_word = SYSTEM.field_label(lang)
    hovers = [C.alter_hover(r, lang, extra=[(system_word, SYSTEM.label(layout["alters"][r["alter_id"]][0], lang))]) for r in records]
    colors = ["#FFFFFF" if r.get("status") == "faded" else "#90A4AE" for r in records]
    fig.add_trace(go.Scatter(
        x=xs, y=ys, mode="markers+text", text=[p.text if p else "" for p in placements],
        textposition=[p.position if p else "middle right" for p in placements], textfont=dict(size=lf, shadow="auto"),
        marker=dict(size=MARKER_PX, color=colors, line=dict(color="#37474F", width=1.5)),
        customdata=ids, hovertext=hovers, hoverinfo="text", hoverlabel=dict(align="left"),
        name=("contact", "contact")[i], showlegend=False, meta={"role": "alters"},
    ))
    fig.add_trace(go.Scatter(x=[0], y=[0], mode="markers+text", text=[TS.shorten(ego_name, EGO_PX - 6, 11)],
                             textposition="middle center", textfont=dict(size=11, color="white"),
                             marker=dict(size=EGO_PX, color="#212121"),
                             hovertext=[ego_name], hoverinfo="text", showlegend=False, meta={"role": "ego"}))
    hidden = sum(1 for p in placements if p is None)
    if hidden:
        annotations.append(frame.note(C.text("hidden_labels", lang, n=hidden, m=len(records))))
    fig.update_layout(shapes=shapes, annotations=annotations)
    apply_frame(fig, frame, xrange=xr, yrange=yr, lang=lang, legend_title=legend_title)
    fig.layout.meta = {"instrument": "ecogram", "marker_px": MARKER_PX, "unit_px": unit, "hidden_labels": hidden,
                       "spacing": layout["spacing"], "lines": lines, "lang": lang}
    return fig
