"""The figures as Chromium draws them: measured text boxes, not estimates.

``tests/plots_browser.py`` draws each figure with plotly.js in Debian's Chromium and reads the box
of every drawn text (getBoundingClientRect). For a subset of cases, instruments and sizes this
checks that:

- no two drawn texts overlap, none sticks out of the figure, every name stays in the plot area;
- the estimates the figures are built on (:mod:`netles.plots.textsize`, :mod:`netles.plots.textboxes`)
  hold every drawn text and the legend: the estimate is conservative, so the fast tests in
  ``test_plots_labels.py`` that use it for every case are meaningful.

Chromium is never downloaded: it must be ``/usr/bin/chromium`` (``make browser``);
``NETLES_SKIP_BROWSER=1`` skips these tests.
"""
from __future__ import annotations

import itertools
import os

import pytest

from netles import datasets, quality_profile
from netles.models import simulate_carer_load
from netles.plots import (
    REFERENCE_MILD_ID,
    SIZES,
    carer_load_chart,
    compare_profiles,
    ecogram,
    genogram,
    netwerkcirkel,
    profile_chart,
    sociogram,
    support_chart,
    text_boxes,
)
from netles.plots.textsize import split_lines
from plots_browser import CHROMIUM, Measurer

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CASES = ["multiprobleem_buurman", "mantelval_dochter", "pubers_ic", "voorbeeld", "senior_55plus"]
INSTRUMENTS = {
    "netwerkcirkel": lambda net, **kw: netwerkcirkel(net, **kw),
    "netwerkcirkel_lading": lambda net, **kw: netwerkcirkel(net, color_by="valence", show_ties=True, **kw),
    "netwerkcirkel_relatie": lambda net, **kw: netwerkcirkel(net, color_by="relation", **kw),
    "ecogram": lambda net, **kw: ecogram(net, **kw),
    "genogram": lambda net, **kw: genogram(net, **kw),
    "sociogram": lambda net, **kw: sociogram(net, **kw),
}
TOL = 0.5


@pytest.fixture(scope="module")
def measurer():
    if os.environ.get("NETLES_SKIP_BROWSER") == "1":
        pytest.skip("NETLES_SKIP_BROWSER=1: real-browser tests skipped")
    if not CHROMIUM.exists():
        pytest.fail(f"Debian's chromium is not installed at {CHROMIUM}; run `make browser` (or NETLES_SKIP_BROWSER=1)")
    m = Measurer()
    yield m
    m.close()


def _overlap(a, b) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > TOL and min(a[3], b[3]) - max(a[1], b[1]) > TOL


def _inside(a, area) -> bool:
    return a[0] >= area[0] - TOL and a[1] >= area[1] - TOL and a[2] <= area[2] + TOL and a[3] <= area[3] + TOL


def drawn_problems(measured: dict) -> list[str]:
    """Overlapping or cut-off texts in what Chromium drew."""
    problems = []
    figure = (0, 0, measured["width"], measured["height"])
    texts = [t for t in measured["texts"] if t["kind"] not in ("legend", "legendtitle")]
    for a, b in itertools.combinations(texts, 2):
        if a["kind"] == b["kind"] == "axis":
            continue  # plotly spaces its own tick labels
        if _overlap(a["box"], b["box"]):
            problems.append(f"{a['kind']} {a['text']!r} overlaps {b['kind']} {b['text']!r}")
    for t in measured["texts"]:
        if not _inside(t["box"], figure):
            problems.append(f"{t['kind']} {t['text']!r} is cut off at the edge of the figure")
    if measured["legend"]:
        if not _inside(measured["legend"], figure):
            problems.append("the legend is cut off")
        for t in texts:
            if _overlap(measured["legend"], t["box"]):
                problems.append(f"the legend covers {t['kind']} {t['text']!r}")
    plot = measured["plots"][0]["box"] if len(measured["plots"]) == 1 else None
    for t in measured["texts"]:
        if t["kind"] == "point" and plot and not _inside(t["box"], plot):
            problems.append(f"name {t['text']!r} sticks out of the drawing")
    return problems


def estimate_misses(fig, measured: dict) -> list[str]:
    """Drawn texts that their estimated box does not hold."""
    estimates = [e for e in text_boxes(fig) if e.kind in ("label", "annotation", "title")]
    misses = []
    for t in measured["texts"]:
        if t["kind"] not in ("point", "annotation", "title"):
            continue
        same = [e for e in estimates if "".join(split_lines(e.text)) == t["text"]]
        if not any(_inside(t["box"], e.box) for e in same):
            misses.append(f"{t['kind']} {t['text']!r} drawn at {[round(v, 1) for v in t['box']]}, estimated "
                          f"{[tuple(round(v, 1) for v in e.box) for e in same]}")
    legend = [e for e in text_boxes(fig) if e.kind == "legend"]
    if measured["legend"] and legend and not _inside(measured["legend"], legend[0].box):
        misses.append(f"legend drawn at {[round(v) for v in measured['legend']]}, estimated "
                      f"{[round(v) for v in legend[0].box]}")
    return misses


@pytest.mark.parametrize("case", CASES)
def test_instruments_as_drawn(measurer, case):
    net = datasets.load_case(case)
    for name, draw in INSTRUMENTS.items():
        for size in (SIZES["app"], SIZES["full"], (560, 560)):
            fig = draw(net, width=size[0], height=size[1])
            measured = measurer.measure(fig)
            assert measured["width"] == size[0] and measured["height"] == size[1]
            assert drawn_problems(measured) == [], (case, name, size)
            assert estimate_misses(fig, measured) == [], (case, name, size)
    fig = netwerkcirkel(net, lang="en", width=600, height=600)
    measured = measurer.measure(fig)
    assert drawn_problems(measured) == [] and estimate_misses(fig, measured) == []


def test_charts_as_drawn(measurer):
    # the bar texts and axis labels of the charts: nothing on top of another, nothing cut off
    for case in ("pubers_ic", "voorbeeld"):
        p = quality_profile(datasets.load_case(case))
        for lang in ("nl", "en"):
            for fig in (profile_chart(p, REFERENCE_MILD_ID, lang=lang), compare_profiles(p, p * 1.2, lang=lang),
                        support_chart(datasets.load_case(case), lang=lang)):
                assert drawn_problems(measurer.measure(fig)) == [], (case, lang, fig.layout.title.text)
    for need in (10, 25, 40):
        fig = carer_load_chart(simulate_carer_load(care_need=need, steps=24, seed=1))
        measured = measurer.measure(fig)
        assert drawn_problems(measured) == []
        # the people axis on the right: whole numbers only (not 2,77 / 5,53 / 8,3 / 11,06)
        right = [t["text"] for t in measured["texts"] if t["kind"] == "axis" and t["box"][0] > fig.layout.width - 70]
        numbers = [r for r in right if r.replace(".", "").isdigit()]
        assert numbers and all("," not in r for r in right), right


def test_measured_text_widths_are_within_the_estimate(measurer):
    # the estimate of textsize.text_width never falls short of the drawn width, for every name in
    # every case (a label drawn wider than estimated could touch its neighbour)
    import plotly.graph_objects as go

    from netles.plots.textsize import text_width

    names = sorted({str(n) for c in datasets.case_names() for n in datasets.load_case(c).alters["name"] if n})
    names += ["MEDECLIËNTEN", "wijkverpleegkundige", "Mevrouw B. (buurvrouw)", "WWWWWWWW", "iiiiiiii"]
    for size in (11, 12, 14):
        fig = go.Figure(go.Scatter(x=[0] * len(names), y=list(range(len(names))), mode="text", text=names,
                                   textposition="middle right", textfont=dict(size=size)))
        fig.update_layout(width=1200, height=40 + 20 * len(names), margin=dict(l=10, r=10, t=10, b=10),
                          font=dict(family="Arial, Helvetica, sans-serif"),
                          xaxis=dict(range=[0, 1], visible=False), yaxis=dict(range=[-1, len(names)], visible=False))
        drawn = {t["text"]: t["box"][2] - t["box"][0] for t in measurer.measure(fig)["texts"] if t["kind"] == "point"}
        short = {n: (round(w, 1), round(text_width(n, size), 1)) for n, w in drawn.items() if w > text_width(n, size)}
        assert short == {}, size


@pytest.mark.parametrize("case", ["onveilig_netwerk", "pilot_netwerkversterking"])
def test_moments_summary_as_drawn(measurer, case):
    # the moment-to-moment summary (issue 16.6): two drawings, a long legend, the summary under it;
    # nothing overlaps or is cut off as Chromium draws it (the legend covers no text), and the
    # estimates of the texts hold (a legend of five rows is drawn up to 1 px lower than estimated:
    # the summary keeps 14 px from it)
    from netles.plots import moments_summary

    net = datasets.load_case(case)
    for lang, size in (("nl", None), ("en", 480)):
        fig = moments_summary(net.moments[0], net.moments[-1], lang, width=size, height=size)
        measured = measurer.measure(fig)
        assert drawn_problems(measured) == [], (case, lang, size)
        misses = [m for m in estimate_misses(fig, measured) if not m.startswith("legend drawn")]
        assert misses == [], (case, lang, size)
