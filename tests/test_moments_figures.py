"""Figures of moments: side by side and animated (issue 16.3), PNG export (16.6)."""
from __future__ import annotations

import pytest

import netles
from netles import datasets
from netles.plots.export import PNG_SIGNATURE, to_png
from netles.plots.moments import MARK_COLORS, moments_animation, moments_side_by_side
from test_moments import three_moments


def _points(fig, axis="x"):
    """alter id -> (x, y) of the alter dots on one pair of axes."""
    out = {}
    for t in fig.data:
        if (t.meta or {}).get("role") == "alters" and (t.xaxis or "x") == axis:
            out.update({a: (x, y) for a, x, y in zip(t.customdata, t.x, t.y)})
    return out


def _marks(fig):
    return {t.meta["role"]: list(t.customdata) for t in fig.data if (t.meta or {}).get("role") in MARK_COLORS}


def test_side_by_side_marks_arrivals_departures_and_moves():
    net = three_moments()
    fig = moments_side_by_side(net.moments[0], net.moments[1])
    assert _marks(fig) == {"left": ["E"], "arrived": ["G"], "moved": ["A"]}
    before, after = _points(fig, "x"), _points(fig, "x2")
    assert set(before) == set(net.moment("intake").alter_ids) and set(after) == set(net.moment("evaluatie").alter_ids)
    # a person who stays in the same circle and sector keeps the same place
    for alter_id in ("B", "C", "D", "F"):
        assert before[alter_id] == pytest.approx(after[alter_id])
    assert before["A"] != pytest.approx(after["A"])
    # the marks sit on the person they mark, in the right drawing
    mark = {t.meta["role"]: t for t in fig.data if (t.meta or {}).get("role") in MARK_COLORS}
    assert (mark["left"].xaxis, mark["arrived"].xaxis) == ("x", "x2")
    assert (mark["left"].x[0], mark["left"].y[0]) == pytest.approx(before["E"])
    assert (mark["arrived"].x[0], mark["arrived"].y[0]) == pytest.approx(after["G"])
    arrows = [a for a in fig.layout.annotations if a.showarrow]
    assert len(arrows) == 1 and (arrows[0].ax, arrows[0].ay) == pytest.approx(before["A"]) and (arrows[0].x, arrows[0].y) == pytest.approx(after["A"])
    # a legend that says what the marks mean, in Dutch, once per entry
    legend = [t.name for t in fig.data if t.showlegend is not False]
    assert "vertrokken na intake" in legend and "nieuw bij evaluatie" in legend
    assert any(name.startswith("andere cirkel of sector") for name in legend)
    assert len(legend) == len(set(legend))
    texts = " ".join(a.text for a in fig.layout.annotations if a.text)
    assert "intake · 3 februari 2025" in texts and "evaluatie · 20 augustus 2025" in texts
    assert fig.layout.xaxis.domain[1] < fig.layout.xaxis2.domain[0]


def test_side_by_side_in_english_and_with_plain_networks():
    a = datasets.load_case("voorbeeld")
    b = a.with_alter_changes("D", sector="fellow_clients")
    fig = moments_side_by_side(a, b, lang="en")
    assert _marks(fig) == {"moved": ["D"]}
    legend = [t.name for t in fig.data if t.showlegend is not False]
    assert any(name.startswith("other circle or sector") for name in legend)
    assert "before" in fig.layout.title.text and "after" in fig.layout.title.text
    with pytest.raises(TypeError):
        moments_side_by_side(a, "evaluatie")


def test_animation_has_one_frame_per_moment_and_keeps_places():
    net = three_moments()
    fig = moments_animation(net)
    assert [f.name for f in fig.frames] == ["intake", "evaluatie", "afsluiting"]
    assert [s.label for s in fig.layout.sliders[0].steps] == ["intake", "evaluatie", "afsluiting"]
    assert [list(s.args[0]) for s in fig.layout.sliders[0].steps] == [["intake"], ["evaluatie"], ["afsluiting"]]
    assert len({len(f.data) for f in fig.frames}) == 1  # plotly matches traces by position
    places = []
    for frame in fig.frames:
        pos = {}
        for t in frame.data:
            if (t.meta or {}).get("role") == "alters":
                assert list(t.ids) == list(t.customdata)  # plotly follows each person by id
                pos.update({a: (x, y) for a, x, y in zip(t.customdata, t.x, t.y)})
        places.append(pos)
    assert [set(p) for p in places] == [set(m.network.alter_ids) for m in net.moments]
    for alter_id in ("B", "C", "D", "F"):
        assert places[0][alter_id] == pytest.approx(places[1][alter_id])
        assert places[0][alter_id] == pytest.approx(places[2][alter_id])
    assert places[0]["E"] == pytest.approx(places[2]["E"])  # Erik came back to his place
    assert places[0]["A"] != pytest.approx(places[1]["A"])  # Anja moved to circle 2
    assert "3 februari 2025" in fig.frames[0].layout.title.text
    assert fig.data == fig.frames[0].data or len(fig.data) == len(fig.frames[0].data)


def test_animation_needs_moments():
    with pytest.raises(ValueError, match="geen momenten"):
        moments_animation(datasets.load_case("voorbeeld"))
    with pytest.raises(ValueError, match="no moments"):
        moments_animation(datasets.load_case("voorbeeld"), lang="en")


def test_plots_package_exports_the_moment_figures():
    assert netles.plots.moments_side_by_side is moments_side_by_side
    assert netles.plots.moments_animation is moments_animation


@pytest.mark.slow
def test_side_by_side_exports_as_png(tmp_path):
    net = three_moments()
    out = to_png(moments_side_by_side(net.moments[0], net.moments[-1]), tmp_path / "voor_na.png", scale=1)
    assert out.read_bytes().startswith(PNG_SIGNATURE)


# --------------------------------------------------------------------------------------------
# Every bundled case with moments: nothing overlaps or is cut off; the summary as one figure (16.6)
# --------------------------------------------------------------------------------------------

MOMENT_CASES = [c for c in datasets.case_names() if len(datasets.load_case(c).moments) >= 2]


def test_there_are_cases_with_moments_to_check():
    assert len(MOMENT_CASES) >= 3


@pytest.mark.parametrize("case", MOMENT_CASES)
@pytest.mark.parametrize("size", [None, 480], ids=["full", "480"])
def test_side_by_side_of_every_case_with_moments_has_no_label_problems(case, size):
    # onveilig_netwerk's legend (nine entries) ran past the bottom of the figure: it was cut off
    from netles.plots import text_problems

    net = datasets.load_case(case)
    for lang in ("nl", "en"):
        fig = moments_side_by_side(net.moments[0], net.moments[-1], lang, width=size, height=size)
        assert text_problems(fig) == [], (case, lang, size)


@pytest.mark.parametrize("case", MOMENT_CASES)
def test_moments_summary_writes_what_changed_under_the_drawings(case):
    from netles.plots import moments_summary, text_problems

    net = datasets.load_case(case)
    a, b = net.moments[0], net.moments[-1]
    for lang in ("nl", "en"):
        fig = moments_summary(a, b, lang)
        summary = netles.compare_moments(a, b, lang=lang).summary()
        assert fig.layout.meta["summary"] == summary
        (note,) = [x for x in fig.layout.annotations if x.name == "moments_summary"]
        assert note.text.replace("<br>", " ") == summary  # every word, only broken into lines
        assert _marks(fig) == _marks(moments_side_by_side(a, b, lang))  # the drawings are the same
        assert text_problems(fig) == [], (case, lang)
        # under the legend and inside the figure
        from netles.plots import text_boxes

        boxes = text_boxes(fig)
        (box,) = [x for x in boxes if x.kind == "annotation" and x.text == note.text]
        legend = [x for x in boxes if x.kind == "legend"]
        assert all(box.y0 >= x.y1 for x in legend) and box.y1 <= fig.layout.height


@pytest.mark.slow
def test_moments_summary_exports_as_png(tmp_path):
    from netles.plots import moments_summary

    net = datasets.load_case("pilot_netwerkversterking")
    fig = moments_summary(net.moments[0], net.moments[-1])
    out = to_png(fig, tmp_path / "voor_na.png", scale=1)
    data = out.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (fig.layout.width, fig.layout.height)
