"""Two or more moments of one network, drawn: side by side, and as an animation over the moments.

Both figures are made of :func:`netles.plots.netwerkcirkel` drawings, so they look and read like
every other netwerkcirkel in netles. To keep each person in the same spot in every moment, the
places are computed once for all moments together: every (person, circle, sector) that occurs in
any of the moments gets a place from :func:`netles.plots.netwerkcirkel_layout` (a *slot*), each
moment is drawn with all slots, and the slots nobody occupies at that moment are then left out of
the picture (names were placed around all slots, so the names that remain never overlap). A person
who stays in the same circle and sector keeps the same place; a person who moves goes from one
slot to another.

- :func:`moments_side_by_side`: the netwerkcirkel of two moments next to each other, with the
  people who came (after), who left (before) and who moved (an arrow from the old to the new place)
  marked, and a legend that says so.
- :func:`moments_summary`: the side-by-side drawing with the plain summary of what changed under
  it: the moment-to-moment summary for a handout or a PNG.
- :func:`moments_animation`: one plotly frame per moment with a slider (and a play button).
"""
from __future__ import annotations

import copy
import inspect
import math
from typing import Any, Sequence

import plotly.graph_objects as go

from .. import vocab
from ..moments import compare_moments, format_date
from ..network import EgoNetwork, Moment
from . import _common as C
from .netwerkcirkel import netwerkcirkel, netwerkcirkel_layout
from .textsize import LINE_HEIGHT, text_width

__all__ = ["moments_side_by_side", "moments_summary", "moments_animation", "MARK_COLORS"]

MARK_COLORS = {"arrived": "#1B7837", "left": "#762A83", "moved": "#2166AC"}
"""Colours of the marks for people who came, left and moved (not used by any sector or by the red
of burdening relationships)."""

_T = {
    "arrived": ("nieuw bij {b}", "new at {b}"),
    "left": ("vertrokken na {a}", "left after {a}"),
    "moved": ("andere cirkel of sector (pijl: van de oude naar de nieuwe plek)",
              "other circle or sector (arrow: from the old to the new place)"),
    "title": ("Netwerkcirkel: {a} en {b}", "Network circle: {a} and {b}"),
    "anim_title": ("Netwerkcirkel over de momenten", "Network circle over the moments"),
    "moment": ("Moment: ", "Moment: "),
    "play": ("Afspelen", "Play"),
    "pause": ("Pauze", "Pause"),
    "before": ("voor", "before"),
    "after": ("na", "after"),
    "no_moments": ("Dit netwerk heeft geen momenten om te laten zien.", "This network has no moments to show."),
}

# attributes of a scatter trace that hold one value per point
_POINT_ATTRS = ("x", "y", "text", "textposition", "hovertext", "customdata", "ids")
_MARKER_ATTRS = ("color", "opacity", "size", "symbol")


def _t(key: str, lang: str, **kw: Any) -> str:
    text = _T[key][C.check_lang(lang)]
    return text.format(**kw) if kw else text


def _moment_parts(x: EgoNetwork | Moment, fallback: str, lang: str) -> tuple[EgoNetwork, str, str]:
    """The network, a short name ("intake") and a caption ("intake · 3 februari 2025")."""
    if isinstance(x, Moment):
        return x.network, x.label, f"{x.label} · {format_date(x.date, lang)}"
    if isinstance(x, EgoNetwork):
        return x, fallback, fallback
    raise TypeError(f"expected an EgoNetwork or a Moment, not {type(x).__name__}")


# -- slots: one place per (person, circle, sector) over all moments ----------------------------------

def _slot_key(record: dict) -> tuple:
    return (record["alter_id"], int(record["circle"]), record["sector"])


def _slots(nets: Sequence[EgoNetwork]) -> dict[tuple, str]:
    """Slot key -> slot id, in order of first appearance over the moments."""
    slots: dict[tuple, str] = {}
    for net in nets:
        for alter_id in net.alter_ids:
            key = _slot_key(net.alter(alter_id))
            slots.setdefault(key, f"slot{len(slots)}")
    return slots


def _union_network(net: EgoNetwork, nets: Sequence[EgoNetwork], slots: dict[tuple, str]) -> tuple[EgoNetwork, dict[str, str]]:
    """All slots as alters (the ones ``net`` occupies with ``net``'s records); ties of ``net``.

    Returns the network and, for the occupied slots, slot id -> person id.
    """
    own = {_slot_key(net.alter(a)): net.alter(a) for a in net.alter_ids}
    elsewhere: dict[tuple, dict] = {}
    for other in nets:
        for a in other.alter_ids:
            elsewhere.setdefault(_slot_key(other.alter(a)), other.alter(a))
    records, occupied, slot_of = [], {}, {}
    for key, slot in slots.items():
        record = dict(own.get(key) or elsewhere[key])
        record["support"] = list(record.get("support") or ())
        record = {k: v for k, v in record.items() if v is not None and not (isinstance(v, float) and math.isnan(v)) and v != []}
        record.update(alter_id=slot, circle=key[1], sector=key[2])
        records.append(record)
        if key in own:
            occupied[slot] = key[0]
            slot_of[key[0]] = slot
    ties = [{"source": slot_of[s], "target": slot_of[t]} for s, t in net.tie_pairs()]
    union = EgoNetwork(net.ego, records, ties, {k: v for k, v in net.extra.items() if k in ("title", "title_en")})
    return union, occupied


def _size_options(width: int | None, height: int | None, legend: str | None = None) -> dict:
    """``width``/``height`` (and ``legend``) for netwerkcirkel when it takes them (names are then
    placed for that size)."""
    params = inspect.signature(netwerkcirkel).parameters
    out = {}
    if width is not None and "width" in params:
        out["width"] = width
    if height is not None and "height" in params:
        out["height"] = height
    if out and legend is not None and "legend" in params:
        out["legend"] = legend
    return out


def _hidden_note(count: int, total: int, lang: str, suffix: str = "") -> dict:
    """The note under a drawing that says how many names did not fit (they stay in the hover)."""
    return dict(x=0, y=0, xref=f"x{suffix} domain", yref=f"y{suffix} domain", xanchor="left", yanchor="top", yshift=-4,
                showarrow=False, text=C.text("hidden_labels", lang, n=count, m=total), font=dict(size=12, color="#616161"),
                name="hidden_labels")


def _filter_trace(trace: go.Scatter, keep: list[int]) -> None:
    n = len(trace.x or ())
    for attr in _POINT_ATTRS:
        value = getattr(trace, attr)
        if isinstance(value, (list, tuple)) and len(value) == n:
            setattr(trace, attr, [value[k] for k in keep])
    for attr in _MARKER_ATTRS:
        value = getattr(trace.marker, attr)
        if isinstance(value, (list, tuple)) and len(value) == n:
            setattr(trace.marker, attr, [value[k] for k in keep])


def _moment_figure(net: EgoNetwork, nets: Sequence[EgoNetwork], slots: dict, lang: str, title: str,
                   size: dict) -> tuple[go.Figure, dict[str, tuple[float, float]]]:
    """The netwerkcirkel of one moment on the shared slots; also person id -> (x, y)."""
    union, occupied = _union_network(net, nets, slots)
    fig = netwerkcirkel(union, lang=lang, show_ties=True, problem_lines=False, title=title, **size)
    n_slots = len(slots)
    meta = dict(fig.layout.meta or {})
    old_note = C.text("hidden_labels", lang, n=meta.get("hidden_labels", 0), m=n_slots)
    kept, hidden = [], 0
    for trace in fig.data:
        ids = trace.customdata
        if ids is None or (trace.meta or {}).get("role") == "ego":
            kept.append(trace)
            continue
        keep = [k for k, slot in enumerate(ids) if slot in occupied]
        if not keep:
            continue
        _filter_trace(trace, keep)
        people = [occupied[slot] for slot in trace.customdata]
        trace.customdata = people
        trace.ids = people  # plotly follows a person from frame to frame by this id
        if (trace.meta or {}).get("role") == "alters":
            texts = trace.text if isinstance(trace.text, (list, tuple)) else [trace.text] * len(people)
            hidden += sum(1 for t in texts if not t)
        kept.append(trace)
    if not any(r.get("status") == "faded" for r in (net.alter(a) for a in net.alter_ids)):
        kept = [t for t in kept if (t.meta or {}).get("role") != "legend"]
    fig.data = kept
    # the note under the drawing counted the empty slots too: the callers place a new one
    fig.layout.annotations = [a for a in fig.layout.annotations
                              if a.text != old_note and "paper" not in (a.xref, a.yref)]
    meta["hidden_labels"] = hidden
    meta["people"] = net.size
    fig.layout.meta = meta
    layout = netwerkcirkel_layout(union)
    where = {occupied[s]: (x, y) for s, x, y in zip(layout["alter_id"], layout["x"], layout["y"]) if s in occupied}
    return fig, where


def _panel_geometry(fig: go.Figure) -> tuple[list, list, float, float, float]:
    """x range, y range, pixels per unit, plot width and height (pixels) of a netwerkcirkel."""
    xr, yr = list(fig.layout.xaxis.range), list(fig.layout.yaxis.range)
    unit = float((fig.layout.meta or {}).get("unit_px"))
    return xr, yr, unit, (xr[1] - xr[0]) * unit, (yr[1] - yr[0]) * unit


def _to_panel(item: dict, k: int, domain: tuple[float, float]) -> dict:
    """A shape or annotation of one panel, re-referenced to panel ``k`` of the combined figure."""
    item = copy.deepcopy(item)
    suffix = "" if k == 0 else str(k + 1)
    for ref in ("xref", "yref"):
        axis = ref[0]
        value = item.get(ref)
        if value in (None, axis):
            item[ref] = f"{axis}{suffix}"
        elif value == "paper" and axis == "x":
            item["x"] = domain[0] + item.get("x", 0) * (domain[1] - domain[0])
    for ref in ("axref", "ayref"):
        if item.get(ref) in (ref[1],):
            item[ref] = f"{ref[1]}{suffix}"
    return item


def moments_side_by_side(a: EgoNetwork | Moment, b: EgoNetwork | Moment, lang: str = "nl", *,
                         width: int | None = None, height: int | None = None) -> go.Figure:
    """The netwerkcirkel of two moments side by side, with what changed marked.

    Left the earlier moment, right the later one; each person stands in the same place in both
    unless they moved. People who came get a green ring in the right drawing, people who left a
    purple square in the left drawing, and people who moved to another circle or sector a blue ring
    with an arrow from their old place. The legend says which mark means what.

    Parameters
    ----------
    a, b : EgoNetwork or Moment
        Before and after (``net.moments[0]``, ``net.moments[-1]``...).
    lang : {"nl", "en"}
    width, height : int, optional
        Size of each drawing in pixels; the figure is about twice as wide. Where
        :func:`netwerkcirkel` takes a size, the names are placed for it; otherwise a smaller
        ``width`` shows the drawings smaller.

    Returns
    -------
    plotly.graph_objects.Figure
        Traces of the left drawing use axes ``x``/``y``, the right ``x2``/``y2``. The marks are the
        traces whose ``meta["role"]`` is ``"arrived"``, ``"left"`` or ``"moved"`` (``customdata``:
        the alter ids); ``layout.meta["comparison"]`` holds the ids of each.

    Examples
    --------
    >>> from netles import datasets
    >>> a = datasets.load_case("voorbeeld")
    >>> b = a.without_alter("E").with_alter({"alter_id": "G", "name": "Gijs", "relation": "club_member"})
    >>> fig = moments_side_by_side(a, b.with_alter_changes("A", circle=2))
    >>> {t.meta["role"]: list(t.customdata) for t in fig.data if t.meta and t.meta.get("role") in ("arrived", "left", "moved")}
    {'left': ['E'], 'arrived': ['G'], 'moved': ['A']}
    """
    C.check_lang(lang)
    net_a, name_a, caption_a = _moment_parts(a, _t("before", lang), lang)
    net_b, name_b, caption_b = _moment_parts(b, _t("after", lang), lang)
    comparison = compare_moments(net_a, net_b, lang=lang)
    nets = [net_a, net_b]
    slots = _slots(nets)
    size = _size_options(width, height, legend="below")  # one legend under both drawings
    panels = [_moment_figure(n, nets, slots, lang, caption, size) for n, caption in ((net_a, caption_a), (net_b, caption_b))]
    xr, yr, unit, plot_w, plot_h = _panel_geometry(panels[0][0])
    if width is not None and not size and width < plot_w:
        # a drawing of fixed size: shown smaller as asked (names were placed for the full size)
        unit *= width / plot_w
        plot_w, plot_h = width, plot_h * width / plot_w
    gap = 40
    inner_w = 2 * plot_w + gap
    margin = dict(l=20, r=20, t=96, b=160)
    domains = [(0.0, plot_w / inner_w), ((plot_w + gap) / inner_w, 1.0)]
    fig = go.Figure()
    seen_legend: set[str] = set()
    shapes, annotations = [], []
    for k, (panel, _) in enumerate(panels):
        suffix = "" if k == 0 else str(k + 1)
        for trace in panel.data:
            trace = copy.deepcopy(trace)
            trace.xaxis, trace.yaxis = f"x{suffix}", f"y{suffix}"
            if trace.showlegend is not False and trace.name:
                trace.legendgroup = trace.legendgroup or trace.name
                trace.showlegend = trace.name not in seen_legend and (trace.meta or {}).get("role") != "ego"
                seen_legend.add(trace.name)
            fig.add_trace(trace)
        shapes += [_to_panel(s.to_plotly_json(), k, domains[k]) for s in panel.layout.shapes]
        annotations += [_to_panel(a.to_plotly_json(), k, domains[k]) for a in panel.layout.annotations]
        meta_k = panel.layout.meta or {}
        if meta_k.get("hidden_labels"):
            annotations.append(_hidden_note(meta_k["hidden_labels"], meta_k["people"], lang, suffix))
        caption = (caption_a, caption_b)[k]
        annotations.append(dict(text=f"<b>{caption}</b>", x=0.5, y=1.0, xref=f"x{suffix} domain", yref=f"y{suffix} domain",
                                xanchor="center", yanchor="bottom", yshift=6, showarrow=False, font=dict(size=15)))
    where_a, where_b = panels[0][1], panels[1][1]
    meta0 = panels[0][0].layout.meta or {}
    # a thin ring just outside the dot and its own marks, inside the gap before the name
    ring_px = float(meta0.get("footprint_px", float(meta0.get("marker_px", 14)) + 4)) + 4

    def mark(role: str, ids: list[str], where: dict, suffix: str, symbol: str, name: str) -> None:
        if not ids:
            return
        records = [(net_b if role != "left" else net_a).alter(x) for x in ids]
        fig.add_trace(go.Scatter(
            x=[where[x][0] for x in ids], y=[where[x][1] for x in ids], xaxis=f"x{suffix}", yaxis=f"y{suffix}",
            mode="markers", name=name, legendgroup=role, customdata=ids, ids=[f"{role}:{x}" for x in ids],
            marker=dict(symbol=symbol, size=ring_px, color=MARK_COLORS[role], line=dict(width=2, color=MARK_COLORS[role])),
            hovertext=[f"{C.alter_hover(r, lang)}<br><i>{name}</i>" for r in records], hoverinfo="text", meta={"role": role},
        ))

    left = comparison.left["alter_id"].tolist()
    arrived = comparison.arrived["alter_id"].tolist()
    moved = comparison.moved["alter_id"].tolist()
    mark("left", left, where_a, "", "square-open", _t("left", lang, a=name_a))
    mark("arrived", arrived, where_b, "2", "circle-open", _t("arrived", lang, b=name_b))
    mark("moved", moved, where_b, "2", "circle-open", _t("moved", lang))
    for x in moved:  # an arrow in the right drawing, from the old place to the new one
        (x0, y0), (x1, y1) = where_a[x], where_b[x]
        annotations.append(dict(x=x1, y=y1, ax=x0, ay=y0, xref="x2", yref="y2", axref="x2", ayref="y2", showarrow=True,
                                arrowhead=3, arrowsize=1.3, arrowwidth=2, arrowcolor=MARK_COLORS["moved"],
                                standoff=ring_px / 2 + 2, startstandoff=4, text=""))
    fig.update_layout(
        width=int(margin["l"] + inner_w + margin["r"]), height=int(margin["t"] + plot_h + margin["b"]), margin=margin,
        autosize=False, template="plotly_white", plot_bgcolor="white", dragmode="pan", hovermode="closest",
        font=dict(family=C.FONT, size=13, color="#222222"),
        title=dict(text=_t("title", lang, a=name_a, b=name_b), x=0.02, xanchor="left", font=dict(size=18)),
        # under the drawings and under the notes of names that did not fit
        legend=dict(orientation="h", x=0, xanchor="left", y=-30 / plot_h, yanchor="top", font=dict(size=13), itemsizing="constant",
                    traceorder="normal"),  # entries in flowing rows (groups only tie the two drawings together)
        shapes=shapes, annotations=annotations,
    )
    for k, (x_name, y_name) in enumerate((("xaxis", "yaxis"), ("xaxis2", "yaxis2"))):
        suffix = "" if k == 0 else str(k + 1)
        fig.layout[x_name] = dict(domain=list(domains[k]), range=xr, visible=False, anchor=f"y{suffix}", constrain="domain")
        fig.layout[y_name] = dict(domain=[0, 1], range=yr, visible=False, anchor=f"x{suffix}", scaleanchor=f"x{suffix}",
                                  scaleratio=1, constrain="domain")
    _room_for_the_legend(fig)
    fig.layout.meta = {
        "instrument": "moments_side_by_side", "lang": lang, "unit_px": unit,
        "comparison": {"arrived": arrived, "left": left, "moved": moved},
        "labels": [name_a, name_b],
    }
    return fig


def _text_bottom(fig: go.Figure) -> float:
    """Pixel y of the lowest text under the drawings (the legend, the notes of names left out)."""
    from .textboxes import text_boxes

    m = fig.layout.margin
    plot_bottom = float(fig.layout.height) - m.b
    return max([b.y1 for b in text_boxes(fig) if b.kind in ("legend", "annotation") and b.y0 >= plot_bottom - 1]
               + [plot_bottom])


def _room_for_the_legend(fig: go.Figure, pad: float = 12) -> None:
    """Grow the bottom margin until the legend (it may wrap onto several lines) ends inside the figure."""
    bottom = _text_bottom(fig)
    height = float(fig.layout.height)
    if bottom + pad > height:
        extra = math.ceil(bottom + pad - height)
        fig.update_layout(height=int(height + extra), margin=dict(b=int(fig.layout.margin.b + extra)))


def _wrapped(text: str, max_px: float, size: float) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``max_px`` (every word kept)."""
    lines: list[str] = []
    for word in str(text).split():
        if lines and text_width(lines[-1] + " " + word, size) <= max_px:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def moments_summary(a: EgoNetwork | Moment, b: EgoNetwork | Moment, lang: str = "nl", *,
                    width: int | None = None, height: int | None = None) -> go.Figure:
    """The moment-to-moment summary as one figure: both drawings and what changed, in words.

    :func:`moments_side_by_side` of ``a`` and ``b`` with the plain summary of
    :meth:`netles.moments.MomentComparison.summary` (who came, left or moved, ties, support and
    the profile's main measures) written under the legend. Made for a handout or a slide: saved
    with :func:`netles.plots.to_png` it is a PNG that says on its own what changed; in an offline
    HTML handout it is one figure with its text.

    Parameters
    ----------
    a, b : EgoNetwork or Moment
        Before and after.
    lang : {"nl", "en"}
    width, height : int, optional
        Size of each drawing, as in :func:`moments_side_by_side`; the figure grows downwards by
        the lines of the summary.

    Returns
    -------
    plotly.graph_objects.Figure
        The side-by-side figure; the summary is the annotation named ``"moments_summary"`` and
        ``layout.meta["summary"]`` holds its plain text.

    Examples
    --------
    >>> from netles import datasets
    >>> a = datasets.load_case("voorbeeld")
    >>> fig = moments_summary(a, a.without_alter("E"))
    >>> "Erik" in fig.layout.meta["summary"]
    True
    >>> [x.name for x in fig.layout.annotations if x.name == "moments_summary"]
    ['moments_summary']
    """
    fig = moments_side_by_side(a, b, lang, width=width, height=height)
    net_a, _, _ = _moment_parts(a, _t("before", lang), lang)
    net_b, _, _ = _moment_parts(b, _t("after", lang), lang)
    text = compare_moments(a if isinstance(a, Moment) else net_a, b if isinstance(b, Moment) else net_b,
                           lang=lang).summary(lang)
    m = fig.layout.margin
    fig_w, fig_h = float(fig.layout.width), float(fig.layout.height)
    plot_h = fig_h - m.t - m.b
    lowest = _text_bottom(fig)  # under the legend and the notes of names that did not fit
    size = 14
    lines = _wrapped(text, fig_w - m.l - m.r - 8, size)
    block = len(lines) * size * LINE_HEIGHT + 8
    top_px = lowest + 14
    new_b = top_px + block + 12 - (m.t + plot_h)
    fig.update_layout(height=int(m.t + plot_h + new_b), margin=dict(b=int(new_b)))
    fig.add_annotation(
        text="<br>".join(lines), name="moments_summary", showarrow=False, align="left",
        xref="paper", yref="paper", x=0, xanchor="left", y=-(top_px - m.t - plot_h) / plot_h, yanchor="top",
        font=dict(size=size, color="#222222"),
    )
    fig.layout.meta = {**(fig.layout.meta or {}), "instrument": "moments_summary", "summary": text}
    return fig


def _trace_key(trace: go.Scatter) -> tuple:
    return ((trace.meta or {}).get("role"), trace.name)


def _emptied(trace_json: dict) -> dict:
    out = copy.deepcopy(trace_json)
    for attr in _POINT_ATTRS:
        if attr in out:
            out[attr] = []
    marker = out.get("marker") or {}
    for attr in _MARKER_ATTRS:
        if isinstance(marker.get(attr), list):
            marker[attr] = []
    return out


def moments_animation(net: EgoNetwork, lang: str = "nl", *, width: int | None = None,
                      height: int | None = None) -> go.Figure:
    """The netwerkcirkel over the moments of a network: one frame per moment, with a slider.

    Every person keeps one place over all frames as long as they stay in the same circle and
    sector (plotly follows each person by id, so someone who moves glides to the new place); the
    slider names each moment with its date, and a play button runs through them.

    Parameters
    ----------
    net : EgoNetwork
        A network with at least one moment (:attr:`EgoNetwork.moments`).
    lang : {"nl", "en"}
    width, height : int, optional
        Size of the drawing, where :func:`netwerkcirkel` takes one.

    Returns
    -------
    plotly.graph_objects.Figure
        ``fig.frames`` holds one frame per moment, named by the moment's label; the figure itself
        shows the first moment.

    Raises
    ------
    ValueError
        If the network has no moments.

    Examples
    --------
    >>> from netles import datasets
    >>> net = datasets.load_case("voorbeeld").with_moment("intake", "2025-02-03")
    >>> net = net.without_alter("E").with_moment("evaluatie", "2025-08-20")
    >>> fig = moments_animation(net)
    >>> [f.name for f in fig.frames], [s.label for s in fig.layout.sliders[0].steps]
    (['intake', 'evaluatie'], ['intake', 'evaluatie'])
    """
    C.check_lang(lang)
    if not isinstance(net, EgoNetwork):
        raise TypeError(f"moments_animation needs an EgoNetwork, not {type(net).__name__}")
    moments = net.moments
    if not moments:
        raise ValueError(_t("no_moments", lang))
    nets = [m.network for m in moments]
    slots = _slots(nets)
    size = _size_options(width, height)
    figures = [_moment_figure(m.network, nets, slots, lang, f"{m.label} · {format_date(m.date, lang)}", size)[0] for m in moments]
    # one fixed list of traces for every frame (plotly matches traces by position)
    keys: list[tuple] = []
    templates: dict[tuple, dict] = {}
    for fig in figures:
        for trace in fig.data:
            key = _trace_key(trace)
            if key not in templates:
                keys.append(key)
                templates[key] = _emptied(trace.to_plotly_json())
    # the ego last, so that it is drawn over everything
    keys.sort(key=lambda k: k[0] == "ego")
    frames = []
    for m, fig in zip(moments, figures):
        by_key = {_trace_key(t): t.to_plotly_json() for t in fig.data}
        data = [by_key.get(key, templates[key]) for key in keys]
        title = f"{_t('anim_title', lang)}: {m.label} · {format_date(m.date, lang)}"
        notes = list(fig.layout.annotations)
        meta_k = fig.layout.meta or {}
        # every frame carries a note (empty when all names fit), so none lingers from the frame before
        note = _hidden_note(meta_k.get("hidden_labels", 0), meta_k.get("people", 0), lang)
        if not meta_k.get("hidden_labels"):
            note["text"] = ""
        frames.append(go.Frame(data=data, name=m.label, layout=dict(title=dict(text=title), annotations=[*notes, note])))
    base = figures[0]
    out = go.Figure(data=frames[0].data, layout=base.layout, frames=frames)
    out.update_layout(title=dict(text=frames[0].layout.title.text), annotations=frames[0].layout.annotations)
    steps = [dict(label=m.label, method="animate",
                  args=[[m.label], {"mode": "immediate", "frame": {"duration": 0, "redraw": True}, "transition": {"duration": 0}}])
             for m in moments]
    out.update_layout(
        sliders=[dict(active=0, steps=steps, x=0.28, len=0.68, xanchor="left", y=0, yanchor="top", pad=dict(t=40, r=40),
                      currentvalue=dict(prefix=_t("moment", lang), font=dict(size=14)))],
        updatemenus=[dict(type="buttons", direction="left", x=0.0, y=0, xanchor="left", yanchor="top", pad=dict(t=56),
                          showactive=False,
                          buttons=[dict(label=_t("play", lang), method="animate",
                                        args=[None, {"frame": {"duration": 1200, "redraw": True}, "fromcurrent": True,
                                                     "transition": {"duration": 500}}]),
                                   dict(label=_t("pause", lang), method="animate",
                                        args=[[None], {"mode": "immediate", "frame": {"duration": 0, "redraw": False}}])])],
    )
    # a band under the drawing for the slider and the buttons; the drawing keeps its size
    margin = dict(base.layout.margin.to_plotly_json())
    band = 150
    margin["b"] = (margin.get("b") or 0) + band
    out.update_layout(margin=margin, height=int(base.layout.height + band))
    meta = dict(base.layout.meta or {})
    meta.update(instrument="moments_animation", moments=[m.label for m in moments])
    out.layout.meta = meta
    return out
