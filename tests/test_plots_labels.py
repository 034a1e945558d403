"""Every instrument, every bundled case, every size the lessons show: no text on another, none cut off.

The checks read the figure data (positions, texts, fonts, margins, the legend) and compute where
plotly draws each text with :mod:`netles.plots.textboxes`; ``tests/test_plots_browser.py`` checks
those boxes against Chromium's drawing. Cases are looped over by name, so a new case is checked
as soon as it is added.
"""
from __future__ import annotations

import itertools
import math
import time

import plotly.graph_objects as go
import pytest

from netles import datasets
from netles.plots import SIZES, ecogram, genogram, netwerkcirkel, sociogram, text_boxes, text_problems
from netles.plots.netwerkcirkel import RING_RADII
from netles.plots.textboxes import axis_areas
from test_plots import big_network

CASES = datasets.case_names()
INSTRUMENTS = {
    "netwerkcirkel": lambda net, **kw: netwerkcirkel(net, **kw),
    "netwerkcirkel_lading": lambda net, **kw: netwerkcirkel(net, color_by="valence", show_ties=True, **kw),
    "netwerkcirkel_steun": lambda net, **kw: netwerkcirkel(net, color_by="support", **kw),
    "netwerkcirkel_relatie": lambda net, **kw: netwerkcirkel(net, color_by="relation", **kw),
    "ecogram": lambda net, **kw: ecogram(net, **kw),
    "genogram": lambda net, **kw: genogram(net, **kw),
    "sociogram": lambda net, **kw: sociogram(net, **kw),
}
# the sizes of SIZES plus the widgets that show a figure today: the editor (560) and the switcher (760 x 640)
SIZE_LIST = [SIZES["app"], SIZES["default"], SIZES["full"], (560, 560), (760, 640)]


def _draw(instrument, case, size, lang="nl"):
    return INSTRUMENTS[instrument](datasets.load_case(case), width=size[0], height=size[1], lang=lang)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("instrument", list(INSTRUMENTS))
def test_no_label_overlaps_or_sticks_out(case, instrument):
    # the colourings of the netwerkcirkel only change the legend: two sizes are enough for them
    for size in SIZE_LIST if instrument in ("netwerkcirkel", "ecogram", "genogram", "sociogram") else SIZE_LIST[:3:2]:
        fig = _draw(instrument, case, size)
        assert (fig.layout.width, fig.layout.height) == size
        assert text_problems(fig) == [], (case, instrument, size)
    fig = _draw(instrument, case, SIZES["app"], "en")
    assert text_problems(fig) == [], (case, instrument, "en")


@pytest.mark.parametrize("size", [SIZES["app"], (560, 560), (420, 420)])
def test_ring_names_stand_in_their_rings_apart(size):
    # today's figure wrote "1 intimi 2 vrienden 3 bekenden 4 diensten" along the x axis, each name
    # wider than its ring: at widget size they ran together ("1 intim 2 vrien 3 beken")
    fig = netwerkcirkel(datasets.load_case("multiprobleem_buurman"), width=size[0], height=size[1])
    rings = [a for a in fig.layout.annotations if (a.name or "").startswith("ring_name:")]
    names = ["1 intimi", "2 vrienden", "3 bekenden", "4 diensten"]
    if size[0] >= 560:
        assert [a.text for a in rings] == names
    else:  # too small for the names: the numbers in the rings, the names in the note under the drawing
        assert [a.text for a in rings] == ["1", "2", "3", "4"]
        assert any(", ".join(names) in (a.text or "").replace("<br>", " ") for a in fig.layout.annotations)
    for a in rings:
        circle = int(a.name.split(":")[1])
        r_in, r_out = RING_RADII[circle]
        assert r_in < math.hypot(a.x, a.y) < r_out  # in its own ring
        assert abs(a.y) > 0.2  # not on the horizontal axis
    boxes = [b for b in text_boxes(fig) if b.text in [a.text for a in rings]]
    assert len(boxes) == 4
    for b1, b2 in itertools.combinations(boxes, 2):
        assert not b1.overlaps(b2), (b1.text, b2.text)


def test_long_names_are_never_cut_off_at_the_edge():
    # today the editor showed "wijkverpleegk" and "Erik (buurman": names that ran out of the figure
    for case in CASES:
        for size in [(560, 560), SIZES["app"]]:
            fig = netwerkcirkel(datasets.load_case(case), width=size[0], height=size[1], show_ties=True)
            labels = [b for b in text_boxes(fig) if b.kind == "label"]
            assert all(b.inside() for b in labels), [b.text for b in labels if not b.inside()]
            shown = {t.replace("<br>", " ") for tr in fig.data if (tr.meta or {}).get("role") == "alters" for t in tr.text}
            hidden = fig.layout.meta["hidden_labels"]
            # a name is whole, shortened with "…", or left out and counted in the note
            assert hidden == sum(1 for tr in fig.data if (tr.meta or {}).get("role") == "alters" for t in tr.text if not t)
            assert all(not t or t.endswith("…") or any(t == n for n in datasets.load_case(case).alters["name"]) for t in shown)


def test_the_case_title_is_in_the_title_not_the_slug():
    for case in CASES:
        net = datasets.load_case(case)
        for draw in (netwerkcirkel, ecogram, genogram, sociogram):
            title = draw(net, width=900, height=640).layout.title.text.replace("<br>", " ")
            assert not title.endswith(f"· {case}")
            assert net.extra["title"] in title
    net = datasets.load_case("voorbeeld").with_extra(title_en="The worked example")
    assert netwerkcirkel(net, lang="en").layout.title.text == "Network circle · The worked example"
    # a network without a title (a student's own) shows only the instrument, never an id
    own = datasets.load_case("voorbeeld").with_extra(title=None)
    assert netwerkcirkel(own).layout.title.text == "Netwerkcirkel"


def _member_pixels(fig):
    t = [t for t in fig.data if (t.meta or {}).get("role") == "members"][0]
    (x0, y0, x1, y1), xr, yr = axis_areas(fig)[("x", "y")]
    def px(x, y):
        return x0 + (x - xr[0]) / (xr[1] - xr[0]) * (x1 - x0), y1 - (y - yr[0]) / (yr[1] - yr[0]) * (y1 - y0)
    return {m: px(x, y) for m, x, y in zip(t.customdata, t.x, t.y)}, px


def _curves(fig):
    """The curve of each relationship line (before a cut-off line is broken or a conflict zigzags)."""
    drawn = {t.meta["quality"] for t in fig.data if (t.meta or {}).get("role") == "relation" and any(x is not None for x in t.x)}
    routes = fig.layout.meta["routes"]
    assert {r["quality"] for r in routes} == drawn
    for r in routes:
        yield r["quality"], list(zip(r["x"], r["y"]))


@pytest.mark.parametrize("case", [c for c in CASES if "family" in datasets.load_case(c).extra] + ["voorbeeld"])
@pytest.mark.parametrize("size", [SIZES["app"], SIZES["full"]])
def test_genogram_relationship_lines_keep_clear_of_people_names_and_rows(case, size):
    fig = genogram(datasets.load_case(case), width=size[0], height=size[1])
    members, px = _member_pixels(fig)
    sym = fig.layout.meta["symbol_px"] / 2
    names = [b for b in text_boxes(fig) if b.kind in ("label", "annotation")]
    for quality, pts in _curves(fig):
        pix = [px(x, y) for x, y in pts]
        ends = [min(members, key=lambda m: math.dist(members[m], pix[k])) for k in (0, -1)]
        for m, (mx, my) in members.items():
            if m in ends:
                continue
            assert all(math.dist((mx, my), p) > sym for p in pix), (case, quality, "through", m)
        for b in names:
            inside = [p for p in pix if b.x0 < p[0] < b.x1 and b.y0 < p[1] < b.y1]
            own = any(b.overlaps((members[e][0] - 60, members[e][1] - 40, members[e][0] + 60, members[e][1] + 40))
                      for e in ends)
            assert not inside or own, (case, quality, "through the name", b.text)
        ya, yb = members[ends[0]][1], members[ends[1]][1]
        if abs(ya - yb) < 1:  # one generation: over the row, never under it (where unions and children hang)
            assert all(p[1] <= ya + 2 for p in pix), (case, quality, "under the row")
        else:  # between its two rows only: never out over another generation's row
            lo, hi = sorted((ya, yb))
            assert all(lo - sym <= p[1] <= hi + sym for p in pix), (case, quality, "outside its rows")


@pytest.mark.parametrize("case", CASES)
def test_genogram_generation_names_stand_clear_of_the_family(case):
    # today "generatie van de cliënt" stood over the client's symbol in a narrow widget
    for size in (SIZES["app"], (420, 420)):
        fig = genogram(datasets.load_case(case), width=size[0], height=size[1])
        members, _ = _member_pixels(fig)
        sym = fig.layout.meta["symbol_px"] / 2 + 5
        annotations = fig.layout.annotations
        generations = [b for b in text_boxes(fig) if b.source.startswith("annotation ")
                       and annotations[int(b.source.split()[1])].xref == "paper"
                       and annotations[int(b.source.split()[1])].yref == "y"]
        assert generations
        for b in generations:
            for m, (x, y) in members.items():
                assert not b.overlaps((x - sym, y - sym, x + sym, y + sym)), (case, b.text, m)


@pytest.mark.parametrize("case", CASES)
def test_legends_fit_inside_the_figure(case):
    # today the genogram legend was cut off ("getro...", "hech...") and the ecogram's ("cliënt gee...")
    for draw in (ecogram, genogram, netwerkcirkel):
        for size in (SIZES["app"], (560, 560), SIZES["full"]):
            fig = draw(datasets.load_case(case), width=size[0], height=size[1])
            legend = [b for b in text_boxes(fig) if b.kind == "legend"]
            assert len(legend) == 1 and legend[0].inside(), (case, draw.__name__, size)
            assert fig.layout.margin.autoexpand is False  # plotly must not move the drawing to make room


@pytest.mark.parametrize("case", CASES)
def test_sociogram_fills_its_frame(case):
    # today the galerij showed an empty frame with a legend: the drawing sat in one corner
    net = datasets.load_case(case)
    for size in (SIZES["default"], SIZES["app"]):
        fig = sociogram(net, width=size[0], height=size[1])
        (x0, y0, x1, y1), xr, yr = axis_areas(fig)[("x", "y")]
        xs = [x for t in fig.data if (t.meta or {}).get("role") == "alters" for x in t.x]
        ys = [y for t in fig.data if (t.meta or {}).get("role") == "alters" for y in t.y]
        fill_x = (max(xs) - min(xs)) / (xr[1] - xr[0])
        fill_y = (max(ys) - min(ys)) / (yr[1] - yr[0])
        assert max(fill_x, fill_y) >= 0.6, (case, size, fill_x, fill_y)
        assert min(fill_x, fill_y) >= 0.25, (case, size, fill_x, fill_y)


def test_sociogram_of_a_thousand_alters():
    net = big_network(1000, seed=2, tie_p=0.003)
    start = time.perf_counter()
    fig = sociogram(net, width=1366, height=768)
    took = time.perf_counter() - start
    alters = [a for t in fig.data if (t.meta or {}).get("role") == "alters" for a in t.customdata]
    assert sorted(alters) == sorted(net.alter_ids)
    assert text_problems(fig) == []
    assert took < 60  # about 3 s on a loaded two-core machine
    assert fig.layout.meta["hidden_labels"] > 0 and any("passen niet" in (a.text or "") for a in fig.layout.annotations)
    again = sociogram(net, width=1366, height=768)
    assert [list(t.x) for t in again.data] == [list(t.x) for t in fig.data]  # deterministic


def test_text_problems_finds_overlaps_and_cut_off_text():
    # the checker itself: two annotations on one spot, a name past the right edge
    fig = go.Figure(go.Scatter(x=[0, 9.9], y=[0, 0], mode="markers+text", text=["Anja", "wijkverpleegkundige"],
                               textposition="middle right"))
    fig.update_layout(width=400, height=300, margin=dict(l=10, r=10, t=10, b=10),
                      xaxis=dict(range=[-1, 10]), yaxis=dict(range=[-1, 1]),
                      annotations=[dict(x=5, y=0.5, text="1 intimi", showarrow=False),
                                   dict(x=5.2, y=0.5, text="2 vrienden", showarrow=False)])
    problems = text_problems(fig)
    assert any("'wijkverpleegkundige' sticks out" in p for p in problems)
    assert any("'1 intimi' overlaps annotation '2 vrienden'" in p for p in problems)
    assert not any("'Anja'" in p for p in problems)


@pytest.mark.parametrize("n, crowd", [(0, False), (12, False), (60, False), (40, True), (150, False)],
                         ids=["empty", "star", "60", "crowded", "150"])
def test_big_small_and_crowded_networks_at_widget_sizes(n, crowd):
    # the ecogram's counts on its system lines (150 people) and the names of empty systems used to collide
    net = big_network(n, seed=3, crowd=crowd, tie_p=0.0 if n == 12 else 0.05)
    for draw in (netwerkcirkel, ecogram, genogram, sociogram):
        for size in ((560, 560), SIZES["full"]):
            assert text_problems(draw(net, width=size[0], height=size[1])) == [], (n, draw.__name__, size)
    for size in ((420, 420), (480, 480)):  # below the widget sizes the netwerkcirkel and sociogram still hold
        for draw in (netwerkcirkel, sociogram):
            assert text_problems(draw(net, width=size[0], height=size[1])) == [], (n, draw.__name__, size)


def test_text_problems_reads_annotations_placed_on_an_axis_domain():
    # "x2 domain" places a note or caption at a fraction of one drawing (the moments figures);
    # it used to be read as a data coordinate and reported as sticking out
    fig = go.Figure([go.Scatter(x=[0], y=[0]), go.Scatter(x=[0], y=[0], xaxis="x2", yaxis="y2")])
    fig.update_layout(width=800, height=400, margin=dict(l=20, r=20, t=40, b=60),
                      xaxis=dict(domain=[0, 0.45], range=[-1, 1]), yaxis=dict(range=[-1, 1]),
                      xaxis2=dict(domain=[0.55, 1], range=[-1, 1]), yaxis2=dict(range=[-1, 1], anchor="x2"),
                      annotations=[dict(text="links", x=0.5, y=1, xref="x domain", yref="y domain", yanchor="bottom", showarrow=False),
                                   dict(text="rechts", x=0.5, y=1, xref="x2 domain", yref="y2 domain", yanchor="bottom", showarrow=False),
                                   dict(text="een notitie onder de rechter tekening", x=0, y=0, xref="x2 domain",
                                        yref="y2 domain", xanchor="left", yanchor="top", showarrow=False)])
    assert text_problems(fig) == []
    boxes = {b.text: b for b in text_boxes(fig)}
    assert boxes["links"].x1 < 400 < boxes["rechts"].x0  # each above its own drawing
    assert boxes["een notitie onder de rechter tekening"].y0 >= 340 - 1  # under the drawing
    fig.layout.annotations[2].x = 0.9  # past the figure's right edge now
    assert any("sticks out" in p for p in text_problems(fig))
