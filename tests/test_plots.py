"""Tests of netles.plots on the figure data (positions, traces, labels), not on pixels."""
from __future__ import annotations

import itertools
import math
import random

import plotly.graph_objects as go
import pytest

from netles import EgoNetwork, ValidationError, datasets, quality_profile, vocab
from netles.plots import (
    REFERENCE_MILD_ID,
    compare_profiles,
    ecogram,
    ecogram_layout,
    family_tree,
    genogram,
    netwerkcirkel,
    netwerkcirkel_layout,
    profile_chart,
    sociogram,
    sociogram_layout,
    to_html,
    validate_family,
)
from netles.plots import _common as C
from netles.plots.textboxes import axis_areas, text_boxes, text_problems
from netles.plots.netwerkcirkel import RING_RADII, SECTOR_ANGLES

VOORBEELD = datasets.load_case("voorbeeld")
FIRST = ["Ali", "Bea", "Cor", "Dina", "Eef", "Fien", "Gijs", "Hans", "Ineke", "Joop", "Kim", "Lotte", "Mo", "Nel"]


def big_network(n: int = 60, seed: int = 1, tie_p: float = 0.05, crowd: bool = False) -> EgoNetwork:
    """A random network of n alters; ``crowd`` puts every alter in one cell (ring 1, family)."""
    rng = random.Random(seed)
    alters = []
    for i in range(n):
        relation = "sibling" if crowd else rng.choice(vocab.RELATION.codes)
        alters.append({
            "alter_id": f"a{i}", "name": f"{rng.choice(FIRST)} {chr(65 + i % 26)}.", "relation": relation,
            "circle": 1 if crowd else rng.choice(vocab.CIRCLE.codes), "valence": rng.choice(vocab.VALENCE.codes),
            "status": rng.choice(vocab.STATUS.codes), "support_direction": rng.choice(vocab.SUPPORT_DIRECTION.codes),
            "support": sorted(rng.sample(vocab.SUPPORT.codes, rng.randint(0, 2)), key=vocab.SUPPORT.index),
            "gender": rng.choice("FMX"), "age": rng.randint(5, 95),
        })
    ties = [{"source": f"a{i}", "target": f"a{j}"} for i, j in itertools.combinations(range(n), 2) if rng.random() < tie_p]
    return EgoNetwork({"ego_id": "groot"}, alters, ties)


BIG = big_network()
STAR = big_network(12, seed=3, tie_p=0.0)
EMPTY = EgoNetwork({"ego_id": "leeg"})


def alter_points(fig: go.Figure) -> dict[str, tuple[float, float]]:
    out = {}
    for t in fig.data:
        if (t.meta or {}).get("role") == "alters":
            for a, x, y in zip(t.customdata, t.x, t.y):
                assert a not in out, f"alter {a} drawn twice"
                out[a] = (x, y)
    return out


def label_boxes(fig: go.Figure) -> list:
    """The boxes (figure pixels) of the names the figure shows next to its dots."""
    return [b for b in text_boxes(fig) if b.kind == "label"]


def pixel_points(fig: go.Figure) -> dict[str, tuple[float, float]]:
    """Each alter's dot in figure pixels (y downwards)."""
    area = axis_areas(fig)[("x", "y")]
    (x0, y0, x1, y1), xr, yr = area
    return {a: (x0 + (x - xr[0]) / (xr[1] - xr[0]) * (x1 - x0), y1 - (y - yr[0]) / (yr[1] - yr[0]) * (y1 - y0))
            for a, (x, y) in alter_points(fig).items()}


# -- netwerkcirkel -----------------------------------------------------------------------------------

@pytest.mark.parametrize("net", [VOORBEELD, BIG, big_network(40, seed=5, crowd=True)], ids=["voorbeeld", "60", "crowded"])
def test_netwerkcirkel_every_alter_once_in_its_ring_and_sector(net):
    fig = netwerkcirkel(net)
    points = alter_points(fig)
    assert sorted(points) == sorted(net.alter_ids)
    for a in net.alter_ids:
        rec = net.alter(a)
        x, y = points[a]
        r, angle = math.hypot(x, y), math.degrees(math.atan2(y, x)) % 360
        r_in, r_out = RING_RADII[rec["circle"]]
        a0, a1 = SECTOR_ANGLES[rec["sector"]]
        assert r_in < r < r_out, (a, r)
        assert a0 < angle < a1, (a, angle)


@pytest.mark.parametrize("net", [VOORBEELD, BIG, big_network(40, seed=5, crowd=True)], ids=["voorbeeld", "60", "crowded"])
def test_netwerkcirkel_markers_and_labels_do_not_overlap(net):
    fig = netwerkcirkel(net)
    meta = fig.layout.meta
    points = pixel_points(fig)
    footprint = meta["footprint_px"]  # dot plus the ring or cross on its edge
    assert C.pairwise_min_distance([p[0] for p in points.values()], [p[1] for p in points.values()]) >= footprint
    assert text_problems(fig) == []
    boxes = label_boxes(fig)
    markers = C.marker_boxes([p[0] for p in points.values()], [p[1] for p in points.values()], footprint / 2)
    for b in boxes:
        assert sum(b.overlaps(m) for m in markers) <= 1  # only its own dot's edge, never another dot
    hidden = sum(1 for t in fig.data if (t.meta or {}).get("role") == "alters" for s in t.text if not s)
    assert hidden == meta["hidden_labels"]
    if hidden:  # the figure says so, and the hover still has every name
        assert any("passen niet" in (a.text or "") for a in fig.layout.annotations)
    assert meta["marker_px"] >= (4 if net is not BIG and net.size == 40 else 10)  # 40 in one cell: small but apart


def test_netwerkcirkel_60_shows_most_names():
    fig = netwerkcirkel(BIG)
    assert fig.layout.meta["hidden_labels"] <= 30
    hovers = [h for t in fig.data if (t.meta or {}).get("role") == "alters" for h in t.hovertext]
    assert len(hovers) == 60 and all(h.startswith("<b>") for h in hovers)


def test_netwerkcirkel_empty_and_star_draw():
    fig = netwerkcirkel(EMPTY)
    assert alter_points(fig) == {}
    assert [t for t in fig.data if (t.meta or {}).get("role") == "ego"][0].x == (0,)
    assert len(fig.layout.shapes) == 6  # four rings and two quadrant borders
    assert len(alter_points(netwerkcirkel(STAR, show_ties=True))) == 12


def test_netwerkcirkel_is_deterministic():
    assert netwerkcirkel(BIG).to_json() == netwerkcirkel(big_network()).to_json()
    assert netwerkcirkel_layout(VOORBEELD).equals(netwerkcirkel_layout(datasets.load_case("voorbeeld")))


def test_netwerkcirkel_color_by_and_problem_marks():
    fig = netwerkcirkel(VOORBEELD, color_by="valence")
    names = {t.name: list(t.customdata) for t in fig.data if (t.meta or {}).get("role") == "alters"}
    assert names == {"steunend": ["A", "C", "D", "E", "F"], "belastend": ["B"]}
    roles = {(t.meta or {}).get("role"): t for t in fig.data}
    assert list(roles["burdening_tie"].customdata) == ["B"] and list(roles["disrupted_tie"].customdata) == ["B"]
    assert roles["burdening_tie_line"].line.color != roles["disrupted_tie_line"].line.color
    assert roles["disrupted_tie_line"].line.dash == "dash"
    assert "ties" not in roles and "ties" in {(t.meta or {}).get("role") for t in netwerkcirkel(VOORBEELD, show_ties=True).data}
    support = {t.name for t in netwerkcirkel(VOORBEELD, color_by="support").data if (t.meta or {}).get("role") == "alters"}
    assert support == {"meerdere soorten steun", "gezelschap", "praktische hulp", "informatie en advies", "geen steun genoteerd"}
    ages = [t for t in netwerkcirkel(VOORBEELD, color_by="age").data if (t.meta or {}).get("role") == "alters"]
    assert ages[0].marker.showscale and ages[-1].name == "onbekend"  # F has no age
    with pytest.raises(ValueError, match="hobby"):
        netwerkcirkel(VOORBEELD, color_by="hobby")


def test_labels_switch_with_lang():
    nl = netwerkcirkel(VOORBEELD, color_by="contact")
    en = netwerkcirkel(VOORBEELD, color_by="contact", lang="en")
    assert {t.name for t in nl.data if (t.meta or {}).get("role") == "alters"} == {"wekelijks", "dagelijks", "maandelijks"}
    assert {t.name for t in en.data if (t.meta or {}).get("role") == "alters"} == {"weekly", "daily", "monthly"}
    assert "FAMILIE" in nl.to_json() and "FAMILY" in en.to_json() and "intimi" in nl.to_json()
    hover = [t for t in en.data if (t.meta or {}).get("role") == "alters"][0].hovertext[0]
    assert "relation:" in hover and "relatie:" not in hover
    assert "sterke band" in ecogram(VOORBEELD).to_json() and "strong tie" in ecogram(VOORBEELD, lang="en").to_json()
    assert "ouders" in genogram(VOORBEELD).to_json() and "parents" in genogram(VOORBEELD, lang="en").to_json()
    assert "omvang" in profile_chart(quality_profile(VOORBEELD)).to_json()
    assert "size" in profile_chart(quality_profile(VOORBEELD), lang="en").to_json()
    with pytest.raises(ValueError):
        netwerkcirkel(VOORBEELD, lang="de")


# -- ecogram -----------------------------------------------------------------------------------------

def test_ecogram_systems_styles_and_arrows():
    lay = ecogram_layout(VOORBEELD)["alters"]
    assert {a: s for a, (s, _, _) in lay.items()} == {
        "A": "family", "B": "family", "C": "family", "D": "friends", "E": "neighbourhood", "F": "care"}
    fig = ecogram(VOORBEELD)
    roles = {t.meta["role"]: t for t in fig.data}
    assert roles["strong"].line.width > roles["weak"].line.width and roles["weak"].line.dash == "dash"
    # B (burdening, disrupted) is the one stressful line, drawn as a zigzag of many points
    assert sum(v is None for v in roles["stressful"].x) == 1 and len(roles["stressful"].x) > 10
    arrows = [a for a in fig.layout.annotations if a.showarrow]
    # receives: C, E, F (1 each), mutual: A, D (2 each), B none
    assert len(arrows) == 7
    moved = ecogram(VOORBEELD.with_alter_changes("F", system="work"))
    assert ecogram_layout(VOORBEELD.with_alter_changes("F", system="work"))["alters"]["F"][0] == "work"
    assert "dagbesteding (1)" in moved.to_json()
    with pytest.raises(ValidationError, match="alter 'F', field 'system'"):
        ecogram(VOORBEELD.with_alter_changes("F", system="kerk"))


def test_ecogram_big_star_empty_and_deterministic():
    fig = ecogram(BIG)
    points = alter_points(fig)
    assert sorted(points) == sorted(BIG.alter_ids)
    assert C.pairwise_min_distance(*zip(*pixel_points(fig).values())) >= fig.layout.meta["marker_px"]
    assert fig.layout.meta["lines"] == "systems"
    assert ecogram(VOORBEELD).layout.meta["lines"] == "alters"
    assert fig.to_json() == ecogram(big_network()).to_json()
    assert alter_points(ecogram(EMPTY)) == {} and len(alter_points(ecogram(STAR))) == 12


# -- genogram ----------------------------------------------------------------------------------------

FAMILY = {
    "members": [
        {"id": "opa", "name": "Opa K.", "gender": "M", "generation": -2, "deceased": True},
        {"id": "oma", "name": "Oma R.", "gender": "F", "generation": -2},
        {"id": "vader", "name": "Vader H.", "gender": "M", "generation": -1, "deceased": True},
        {"id": "moeder", "name": "Moeder E.", "gender": "F", "generation": -1},
        {"id": "anja", "alter_id": "A"}, {"id": "bram", "alter_id": "B"},
        {"id": "ex", "name": "Rob", "gender": "M", "generation": 0},
        {"id": "kind", "name": "Tim", "gender": "X", "generation": 1},
    ],
    "unions": [
        {"partners": ["opa", "oma"], "children": ["moeder"]},
        {"partners": ["vader", "moeder"], "status": "married", "children": ["anja", "ego", "bram"]},
        {"partners": ["ego", "ex"], "status": "divorced", "children": ["kind"]},
    ],
    "relations": [{"a": "ego", "b": "moeder", "quality": "distant"}, {"a": "ego", "b": "ex", "quality": "cut_off"}],
}


def members_of(fig):
    t = [t for t in fig.data if (t.meta or {}).get("role") == "members"][0]
    return {m: (x, y, s) for m, x, y, s in zip(t.customdata, t.x, t.y, t.marker.symbol)}


def test_genogram_from_family_block():
    net = VOORBEELD.with_extra(family=FAMILY)
    fig = genogram(net)
    members = members_of(fig)
    # block members plus C (Carla), the family alter the block does not list
    assert set(members) == {"opa", "oma", "vader", "moeder", "anja", "bram", "ex", "kind", "ego", "C"}
    assert members["vader"][2] == "square" and members["moeder"][2] == "circle" and members["kind"][2] == "diamond"
    ys = {round(y, 6) for _, y, _ in members.values()}
    assert len(ys) == 4  # grandparents, parents, ego's generation, children
    assert members["opa"][1] > members["moeder"][1] > members["ego"][1] > members["kind"][1]
    dead = [t for t in fig.data if (t.meta or {}).get("role") == "deceased"][0]
    assert {(x, y) for x, y in zip(dead.x, dead.y)} == {members["opa"][:2], members["vader"][:2]}
    unions = {t.meta["status"] for t in fig.data if (t.meta or {}).get("role") == "union"}
    assert unions == {"married", "divorced"}
    qualities = {t.meta["quality"] for t in fig.data if (t.meta or {}).get("role") == "relation"}
    assert {"distant", "cut_off", "conflict", "close"} <= qualities  # B burdening -> conflict, A circle 1 -> close
    # people of one generation never share a spot
    for (a, p), (b, q) in itertools.combinations(members.items(), 2):
        assert math.hypot(p[0] - q[0], p[1] - q[1]) > 1.5, (a, b)
    assert genogram(net).to_json() == fig.to_json()


def test_genogram_derived_from_alters():
    fam = family_tree(VOORBEELD)
    gens = {m: v["generation"] for m, v in fam["members"].items()}
    assert gens["A"] == gens["B"] == gens["C"] == gens["ego"] == 0
    placeholders = [m for m, v in fam["members"].items() if v["placeholder"]]
    assert len(placeholders) == 2 and all(gens[p] == -1 for p in placeholders)
    quality = {r["b"]: r["quality"] for r in fam["relations"]}
    assert quality == {"A": "close", "B": "conflict", "C": "close"}
    net = EgoNetwork({"ego_id": "e", "age": 40}, [
        {"alter_id": "P", "relation": "partner", "gender": "M"}, {"alter_id": "K", "relation": "child"},
        {"alter_id": "O", "relation": "other_family", "age": 85}])
    fam = family_tree(net)
    assert fam["members"]["O"]["generation"] == -2 and fam["members"]["K"]["generation"] == 1
    assert [u for u in fam["unions"] if "ego" in u["partners"]][0]["children"] == ["K"]
    assert len(members_of(genogram(net))) == 4
    assert set(members_of(genogram(EMPTY))) == {"ego"}


@pytest.mark.parametrize("block, message", [
    ({"members": [{"id": "m", "gender": "V", "generation": -1}]}, "member 'm'.*field 'gender'"),
    ({"members": [{"id": "m", "generation": 5}]}, "member 'm'.*field 'generation'"),
    ({"members": [{"id": "m", "generation": -1, "alter_id": "Z"}]}, "member 'm'.*field 'alter_id'"),
    ({"members": [{"id": "m"}]}, "member 'm'.*field 'generation': is missing"),
    ({"members": [{"id": "m", "generation": -1}, {"id": "m", "generation": -1}]}, "field 'id': is used twice"),
    ({"members": [{"id": "m", "generation": -1}], "unions": [{"partners": ["m", "ego"]}]}, "different generations"),
    ({"members": [{"id": "m", "generation": -1}], "unions": [{"partners": ["m", "x"], "children": ["ego"]}]}, "'x' is not a member"),
    ({"members": [{"id": "m", "generation": 0}, {"id": "n", "generation": 0}],
      "unions": [{"partners": ["m", "n"], "status": "engaged"}]}, "field 'status'"),
    ({"relations": [{"a": "ego", "b": "ego", "quality": "close"}]}, "two different members"),
    ({"members": [{"id": "m", "generation": -1}], "relations": [{"a": "ego", "b": "m", "quality": "warm"}]}, "field 'quality'"),
    ([], "not an object"),
])
def test_family_block_validation(block, message):
    with pytest.raises(ValidationError, match=message):
        validate_family(block, VOORBEELD)
    with pytest.raises(ValidationError):
        genogram(VOORBEELD.with_extra(family=block))


def test_bundled_family_blocks_are_valid():
    for name in datasets.case_names():
        net = datasets.load_case(name)
        if "family" in net.extra:
            fam = family_tree(net)
            assert "ego" in fam["members"]


# -- sociogram ---------------------------------------------------------------------------------------

def test_sociogram_components_apart_and_stable():
    lay = sociogram_layout(VOORBEELD)
    assert lay == sociogram_layout(datasets.load_case("voorbeeld"))
    pos = lay["pos"]
    groups = lay["groups"]
    within = min(math.dist(pos[a], pos[b]) for g in groups for a, b in itertools.combinations(g, 2))
    between = min(math.dist(pos[a], pos[b]) for g, h in itertools.combinations(groups, 2) for a in g for b in h)
    assert between > within and between >= 2.0
    fig = sociogram(BIG)
    points = alter_points(fig)
    assert sorted(points) == sorted(BIG.alter_ids)
    assert C.pairwise_min_distance(*zip(*pixel_points(fig).values())) >= fig.layout.meta["marker_px"]
    assert text_problems(fig) == []
    assert fig.to_json() == sociogram(big_network()).to_json()


def test_sociogram_star_empty_and_ego():
    fig = sociogram(STAR)
    points = alter_points(fig)
    assert len(points) == 12 and C.pairwise_min_distance(*zip(*pixel_points(fig).values())) >= fig.layout.meta["marker_px"]
    assert fig.layout.meta["hidden_labels"] == 0
    assert alter_points(sociogram(EMPTY)) == {}
    with_ego = sociogram(VOORBEELD, include_ego=True)
    assert sociogram_layout(VOORBEELD, include_ego=True)["pos"]["ego"] is not None
    assert "ego" not in sociogram_layout(VOORBEELD)["pos"]
    assert any((t.meta or {}).get("role") == "ego" for t in with_ego.data)


# -- profile charts ----------------------------------------------------------------------------------

def _bars(fig, series):
    return {k: x for t in fig.data if t.meta["series"] == series for k, x in zip(t.customdata, t.x)}


def test_profile_chart_against_reference():
    p = quality_profile(VOORBEELD)
    fig = profile_chart(p, REFERENCE_MILD_ID)
    own = _bars(fig, "dit netwerk")  # not the ego id: that is an internal code
    assert own["size"] == 6 and own["share_family"] == pytest.approx(0.5)
    ref = {k: v for k, v in _bars(fig, REFERENCE_MILD_ID.name[0]).items() if v is not None}
    assert ref == {"size": 14.2, "share_family": 0.427, "share_professional": 0.245}
    assert "Asselt-Goverts" in REFERENCE_MILD_ID.citation
    # shares and counts on separate axes: the share panel ends near 1, the count panel fits 14.2
    assert fig.layout.xaxis.range[1] <= 1.2 and fig.layout.xaxis2.range[1] >= 14.2
    # a class average as a plain dict works too, with Dutch decimal commas in the bar texts
    fig = profile_chart(p, {"density": 0.5}, reference_name="klas")
    assert _bars(fig, "klas")["density"] == 0.5
    assert "0,27" in [s for t in fig.data for s in t.text]


def test_compare_profiles():
    after = VOORBEELD.with_alter({"alter_id": "G", "relation": "volunteer", "circle": 2, "support": ["companionship"]})
    fig = compare_profiles(quality_profile(VOORBEELD), quality_profile(after), keys=["size", "density"])
    assert _bars(fig, "voor") == {"size": 6, "density": pytest.approx(4 / 15)}
    assert _bars(fig, "na")["size"] == 7
    assert {t.name for t in compare_profiles(quality_profile(VOORBEELD), quality_profile(after), lang="en").data} == {"before", "after"}


# -- export and command ------------------------------------------------------------------------------

def test_to_html_is_offline_and_atomic(tmp_path):
    out = to_html(netwerkcirkel(VOORBEELD), tmp_path / "kaart.html")
    html = out.read_text(encoding="utf-8")
    assert '<script src="http' not in html and "<script src=" not in html.replace('<script src="data:', "")
    assert "Plotly.newPlot" in html or "plotly" in html.lower()
    assert len(html) > 3_000_000  # plotly.js itself is inside
    assert [p.name for p in tmp_path.iterdir()] == ["kaart.html"]  # no temporary file left behind
