"""Scoring of the questionnaires against REFERENCES.md section 3."""
import math

import numpy as np
import pytest
from hypothesis import given, strategies as st

import netles
from netles import ValidationError, datasets, scales
from netles.scales import SCALES


# ---------------------------------------------------------------- worked examples (REFERENCES.md)

def test_csi_worked_example():
    yes = {1, 2, 3, 4, 6, 9, 13}
    r = scales.csi(["ja" if i in yes else "nee" for i in range(1, 14)])
    assert r.score == 7
    assert r.band.code == "high_strain"
    assert r.band.label() == "hoge belasting"
    assert r.band.label("en") == "high strain"
    assert r.subscales == {}
    assert len(r.items) == 13 and r.missing == ()


def test_mcsi_worked_example():
    r = scales.mcsi([2, 1, 0, 2, 1, 1, 0, 2, 0, 1, 0, 1, 2])
    assert r.score == 13
    assert r.band is None
    assert r.answers["sleep"] == "regelmatig"


def test_lsns6_worked_example():
    r = scales.lsns6([3, 4, 2, 1, 1, 0])
    assert r.score == 11
    assert r.band.code == "at_risk"
    assert r.subscales == {"family": 9, "friends": 2}
    assert r.subscale_bands["friends"].code == "at_risk"
    assert r.subscale_bands["family"].code == "not_at_risk"


def test_djg11_worked_example():
    r = scales.djg11(["yes", "mol", "no", "no", "yes", "no", "mol", "yes", "yes", "no", "mol"])
    assert (r.score, r.subscales) == (6, {"emotional": 3, "social": 3})
    assert r.band.code == "moderate"


def test_djg6_worked_example():
    r = scales.djg6(["no", "mol", "no", "yes", "yes", "no"])
    assert (r.score, r.subscales) == (3, {"emotional": 1, "social": 2})
    assert r.band.code == "moderate"


def test_carerqol_worked_example():
    r = scales.carerqol(
        {"fulfilment": "a lot", "relational": "some", "mental": "no", "daily": "some",
         "financial": "no", "support": "some", "physical": "some"}
    )
    assert r.score == 10
    assert r.band is None
    assert r.extra["vas"] is None


# ---------------------------------------------------------------- band boundaries

def _csi_with(n_yes):
    return scales.csi([True] * n_yes + [False] * (13 - n_yes))


def test_csi_boundary_6_vs_7():
    assert _csi_with(6).band.code == "below_cutoff"
    assert _csi_with(7).band.code == "high_strain"
    assert _csi_with(0).score == 0 and _csi_with(13).score == 13


def test_lsns6_boundary_11_vs_12_and_inclusive_variant():
    eleven = [3, 3, 3, 2, 0, 0]
    twelve = [3, 3, 3, 3, 0, 0]
    thirteen = [3, 3, 3, 3, 1, 0]
    assert scales.lsns6(eleven).band.code == "at_risk"
    assert scales.lsns6(twelve).band.code == "not_at_risk"
    assert scales.lsns6(twelve, cutoff_inclusive=True).band.code == "at_risk"
    assert scales.lsns6(thirteen, cutoff_inclusive=True).band.code == "not_at_risk"
    r = scales.lsns6(twelve, cutoff=13)
    assert r.band.code == "at_risk" and r.extra["cutoff"] == 13


def test_lsns6_subscale_boundary_5_vs_6():
    r = scales.lsns6([2, 2, 2, 2, 2, 1])
    assert r.subscale_bands["family"].code == "not_at_risk"
    assert r.subscale_bands["friends"].code == "at_risk"
    assert "vrienden" in r.interpretation and "familie" not in r.interpretation.split("Weinig")[1]


def _djg11_with(n_lonely):
    # answer in the lonely direction on the first n items, the other way on the rest
    spec = SCALES["djg11"]
    out = []
    for i, item in enumerate(spec.items):
        lonely = i < n_lonely
        if item.keying == "positive":
            out.append("nee" if lonely else "ja")
        else:
            out.append("ja" if lonely else "nee")
    return scales.djg11(out)


@pytest.mark.parametrize("total, band", [(0, "not_lonely"), (2, "not_lonely"), (3, "moderate"),
                                         (8, "moderate"), (9, "severe"), (11, "severe")])
def test_djg11_bands(total, band):
    r = _djg11_with(total)
    assert r.score == total and r.band.code == band


def _djg6_with(n_lonely):
    spec = SCALES["djg6"]
    return scales.djg6(
        ["min of meer" if i < n_lonely else ("ja" if it.keying == "positive" else "nee")
         for i, it in enumerate(spec.items)]
    )


@pytest.mark.parametrize("total, band", [(0, "not_lonely"), (1, "not_lonely"), (2, "moderate"),
                                         (4, "moderate"), (5, "severe"), (6, "severe")])
def test_djg6_bands(total, band):
    r = _djg6_with(total)
    assert r.score == total and r.band.code == band
    assert r.band.label() in ("niet eenzaam", "matig eenzaam", "ernstig eenzaam")


def test_djg_min_of_meer_counts_one_on_both_keyings():
    r = scales.djg6(["min of meer"] * 6)
    assert r.subscales == {"emotional": 3, "social": 3}


def test_carerqol_range_and_reversal():
    best = scales.carerqol(["veel", "nee", "nee", "nee", "nee", "veel", "nee"])
    worst = scales.carerqol(["nee", "veel", "veel", "veel", "veel", "nee", "veel"])
    assert (best.score, worst.score) == (14, 0)


def test_ediz_scoring_counts_min_of_meer_and_up():
    r = scales.ediz(["nee!", "nee", "min of meer", "ja", "ja!", "nee", "nee", "ja", "nee!"])
    assert r.score == 4
    assert scales.ediz(["ja!"] * 9).score == 9
    assert scales.ediz(["nee"] * 9).score == 0
    assert scales.ediz(["Min-of-meer"] * 9).score == 9


# ---------------------------------------------------------------- missing answers

def test_csi_missing_gives_no_total():
    r = scales.csi([None] + [True] * 12)
    assert r.score is None and r.band is None
    assert r.missing == ("sleep",)
    assert "sleep" not in r.items
    assert "er ontbreekt er 1" in r.interpretation


def test_missing_answers_are_named_by_question_number_in_singular_and_plural():
    # issue 11: the EDIZ form said "er ontbreken er 1 ... (own_life)": an internal key and a plural
    spec = scales.SCALES["ediz"]
    answers = {k: spec.option_codes[0] for k in spec.item_keys}
    answers["own_life"] = None
    r = scales.score("ediz", answers)
    assert "own_life" not in r.describe("nl") and "own_life" not in r.describe("en")
    assert "er ontbreekt er 1" in r.describe("nl") and "vraag 1 is niet beantwoord" in r.describe("nl")
    assert "1 is missing" in r.describe("en") and "question 1 is unanswered" in r.describe("en")
    answers[spec.item_keys[-1]] = None
    r = scales.score("ediz", answers)
    assert "er ontbreken er 2" in r.describe("nl") and "vragen 1 en 9 zijn niet beantwoord" in r.describe("nl")
    assert "questions 1 and 9 are unanswered" in r.describe("en")
    djg = scales.score("djg6", [None, None, "nee", "ja", "nee", "ja"])
    assert "er ontbreken er 2" in djg.describe("nl") and "emptiness" not in djg.describe("nl")


def test_missing_markers_none_nan_empty():
    for marker in (None, float("nan"), "", np.nan):
        assert scales.mcsi([marker] + [0] * 12).score is None


def test_dict_answers_absent_keys_are_missing():
    r = scales.djg6({"emptiness": "ja", "lean_on": "nee", "trust": "nee", "miss_people": "ja",
                     "close_to": "nee"})
    assert r.missing == ("rejected",)
    assert r.score == 5  # one missing item counts 0
    assert r.subscales == {"emotional": None, "social": 3}


def test_djg6_more_than_one_missing():
    r = scales.djg6(["ja", "nee", None, "ja", None, "ja"])
    assert r.score is None and r.band is None
    assert r.subscales == {"emotional": 3, "social": None}


def test_djg11_missing_rule():
    answers = ["ja"] * 11
    answers[0] = None
    r = scales.djg11(answers)
    assert r.score == 6 and r.subscales["social"] is None and r.subscales["emotional"] == 6
    answers[1] = None
    assert scales.djg11(answers).score is None


def test_lsns6_missing_subscale_kept():
    r = scales.lsns6([3, 4, 2, None, 1, 0])
    assert r.score is None and r.band is None
    assert r.subscales == {"family": 9, "friends": None}
    assert r.subscale_bands == {"family": r.subscale_bands["family"]}


def test_carerqol_missing_and_vas():
    r = scales.carerqol({"fulfilment": "veel", "vas": 6.5})
    assert r.score is None and len(r.missing) == 6
    assert r.extra["vas"] == 6.5
    assert "6.5 van 10" in r.interpretation
    assert scales.carerqol(["nee"] * 7, vas=3).extra["vas"] == 3


# ---------------------------------------------------------------- answer formats

def test_csi_accepts_documented_codes():
    for yes, no in ((True, False), ("ja", "nee"), ("Ja", "NEE"), (1, 0), ("yes", "no"), (np.True_, np.False_)):
        assert scales.csi([yes] * 7 + [no] * 6).score == 7


def test_lsns6_codes_labels_and_counts():
    assert scales.lsns6(["3-4", "5-8", "2", "1", "1", "0"]).score == 11
    assert scales.lsns6(["9+", 0, 0, 0, 0, 0]).answers["family_seen"] == 5
    r = scales.lsns6([4, 8, 2, 1, 1, 0], counts=True)
    assert r.answers["family_seen"] == 3 and r.answers["family_private"] == 4
    assert r.score == 11
    assert scales.lsns6([4, 4, 2, 1, 1, 0]).score == 12  # 4 as a code: five to eight people
    assert scales.lsns6([4, 4, 2, 1, 1, 0], counts=True).score == 10  # 4 people: code 3
    assert scales.lsns6([3.0, 4, 2, 1, 1, 0]).score == 11


def test_lsns6_code_table():
    assert [scales.lsns6_code(n) for n in range(12)] == [0, 1, 2, 3, 3, 4, 4, 4, 4, 5, 5, 5]
    with pytest.raises(ValidationError):
        scales.lsns6_code(-1)
    with pytest.raises(ValidationError):
        scales.lsns6_code(2.5)


# ---------------------------------------------------------------- bad input

@pytest.mark.parametrize(
    "name, answers, field",
    [
        ("csi", ["misschien"] + ["ja"] * 12, "sleep"),
        ("mcsi", [3] + [0] * 12, "sleep"),
        ("mcsi", [True] + [0] * 12, "sleep"),
        ("ediz", ["ja"] * 8 + ["heel erg"], "pressure"),
        ("lsns6", [6, 0, 0, 0, 0, 0], "family_seen"),
        ("lsns6", [0, 0, 0, 0, 0, -1], "friends_help"),
        ("djg11", ["ja"] * 10 + ["soms"], "call_friends"),
        ("djg6", ["ja", "ja", "ja", "ja", "ja", 1], "rejected"),
        ("carerqol", ["nee"] * 6 + ["heel veel"], "physical"),
    ],
)
def test_out_of_range_answers_name_the_item(name, answers, field):
    with pytest.raises(ValidationError) as info:
        scales.score(name, answers)
    assert info.value.field == field
    assert info.value.problems[0].allowed
    assert field in str(info.value)


@pytest.mark.parametrize("name", list(SCALES))
def test_wrong_number_of_items(name):
    n = len(SCALES[name].items)
    for wrong in (n - 1, n + 1):
        with pytest.raises(ValidationError, match=f"has {n} items, but {wrong} answers"):
            scales.score(name, [None] * wrong)


def test_unknown_item_key_and_bad_types():
    with pytest.raises(ValidationError) as info:
        scales.djg6({"emptines": "ja"})
    assert "not an item" in str(info.value) and "emptiness" in str(info.value)
    with pytest.raises(ValidationError):
        scales.csi("ja ja ja")
    with pytest.raises(ValidationError):
        scales.csi(7)
    with pytest.raises(ValidationError, match="unknown scale"):
        scales.score("phq9", [])


def test_all_problems_reported_at_once():
    with pytest.raises(ValidationError) as info:
        scales.djg6(["x", "z", "ja", "ja", "ja", "ja"])
    assert [p.field for p in info.value.problems] == ["emptiness", "lean_on"]


def test_vas_out_of_range():
    for bad in (-0.5, 10.5, "zeven", True):
        with pytest.raises(ValidationError, match="VAS"):
            scales.carerqol(["nee"] * 7, vas=bad)


# ---------------------------------------------------------------- registry

def test_registry_is_complete_for_forms():
    assert scales.scale_names() == ["csi", "mcsi", "ediz", "lsns6", "djg11", "djg6", "carerqol"]
    for name, spec in SCALES.items():
        assert spec.name == name
        assert spec.source and spec.title() and spec.title("en") and spec.instruction()
        assert spec.missing_rule() and spec.missing_rule("en")
        assert len(set(spec.item_keys)) == len(spec.items)
        for item in spec.items:
            assert item.label() and item.label("en") and item.label() != item.label("en")
            if spec.subscales:
                assert item.subscale in spec.subscales
        for opt in spec.options:
            assert opt.label() and opt.label("en")
        # every option code scores without error: a form can offer exactly these
        first = spec.options[0].code
        r = spec.score([first] * len(spec.items))
        assert r.scale == name and r.score is not None
        lo, hi = spec.score_range
        assert lo <= r.score <= hi
    assert [len(SCALES[n].items) for n in SCALES] == [13, 13, 9, 6, 11, 6, 7]


def test_djg_keying_matches_references():
    spec = SCALES["djg11"]
    positive = [i for i, it in enumerate(spec.items, 1) if it.keying == "positive"]
    assert positive == [1, 4, 7, 8, 11]
    assert all(it.subscale == "social" for it in spec.items if it.keying == "positive")
    six = SCALES["djg6"]
    assert [it.keying for it in six.items] == ["negative", "positive", "positive", "negative", "positive", "negative"]
    assert set(six.item_keys) <= set(spec.item_keys)


def test_result_is_frozen_and_serialisable():
    r = scales.csi([True] * 13)
    with pytest.raises(Exception):
        r.score = 0
    d = r.to_dict()
    assert d["band"] == "high_strain" and d["score"] == 13
    assert r.describe("en").startswith("CSI score 13 of 13")
    with pytest.raises(ValueError):
        r.describe("de")


def test_public_export():
    assert "scales" in netles.__all__ and netles.scales is scales


@given(st.lists(st.sampled_from(["ja", "min of meer", "nee", None]), min_size=11, max_size=11))
def test_djg11_total_is_sum_of_subscales_when_complete(answers):
    r = scales.djg11(answers)
    if None not in answers:
        assert r.score == r.subscales["emotional"] + r.subscales["social"]
        assert 0 <= r.score <= 11
    elif answers.count(None) > 1:
        assert r.score is None


# ---------------------------------------------------------------- LSNS-6 from a network

def test_lsns6_from_network_on_running_example():
    # Worked out by hand from data/cases/voorbeeld.json:
    # family = A, B, C (siblings); friends = D (friend), E (neighbour); F (professional) never counts.
    # seen monthly or more: A weekly, B monthly, C daily -> 3 (code 3); D weekly, E daily -> 2.
    # private matters (emotional support to ego): A, C -> 2; friends none -> 0.
    # help (practical support to ego): A, C -> 2; E -> 1.
    # family 3 + 2 + 2 = 7, friends 2 + 0 + 1 = 3, total 10 < 12: at risk; friends 3 < 6.
    net = datasets.load_case("voorbeeld")
    r = scales.lsns6_from_network(net)
    assert r.extra["counts"] == {"family_seen": 3, "family_private": 2, "family_help": 2,
                                 "friends_seen": 2, "friends_private": 0, "friends_help": 1}
    assert r.extra["alters"]["family_private"] == ["A", "C"]
    assert r.extra["alters"]["friends_help"] == ["E"]
    assert r.subscales == {"family": 7, "friends": 3}
    assert r.score == 10 and r.band.code == "at_risk"
    assert r.subscale_bands["friends"].code == "at_risk"
    assert r.subscale_bands["family"].code == "not_at_risk"
    assert "netwerkkaart" in r.interpretation


def test_lsns6_from_network_options_change_counts():
    net = datasets.load_case("voorbeeld")
    weekly = scales.lsns6_from_network(net, contact=("daily", "weekly"))
    assert weekly.extra["counts"]["family_seen"] == 2  # Bram (monthly) drops out
    only_friends = scales.lsns6_from_network(net, friends=["friend"])
    assert only_friends.extra["counts"]["friends_seen"] == 1
    assert only_friends.extra["counts"]["friends_help"] == 0
    # a professional relation never counts as a friend
    assert scales.lsns6_from_network(net, friends=["friend", "professional"]).extra["counts"]["friends_seen"] == 1
    with pytest.raises(ValidationError):
        scales.lsns6_from_network(net, friends=["pal"])
    with pytest.raises(ValidationError):
        scales.lsns6_from_network(net, contact=["hourly"])


def test_lsns6_from_network_support_direction_gives_does_not_count():
    net = datasets.load_case("voorbeeld")
    changed = net.with_alter_changes("E", support_direction="gives")
    assert scales.lsns6_from_network(changed).extra["counts"]["friends_help"] == 0
