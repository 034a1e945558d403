"""The loneliness widgets of lesson 02b: the map's LSNS-6 beside the De Jong Gierveld form, what the two
say together, two stories side by side and the approaches exercise."""
from __future__ import annotations

import pytest

from netles import datasets, scales
from netles.widgets import (LONELINESS_APPROACHES, QUADRANTS, loneliness_approaches, loneliness_check,
                            loneliness_quadrant, stories_side_by_side)

# DJG-6 answers in the CBS order: emptiness, lean on, trust, miss people, close to, rejected
NOT_LONELY = ["nee", "ja", "ja", "nee", "ja", "nee"]             # 0
EMOTIONAL = ["ja", "ja", "ja", "ja", "ja", "ja"]                 # emotional 3, social 0
SOCIAL = ["nee", "nee", "nee", "nee", "nee", "nee"]              # emotional 0, social 3


def _fill(widget, answers):
    for key, answer in zip(widget.form.items, answers):
        widget.form.items[key].value = answer
    widget.form.submit_button.click()


def test_the_map_gives_the_lsns6_of_netles_scales_with_the_lessons_cutoff():
    net = datasets.load_case("lhbti_oudere")
    _, state = loneliness_check(net)
    expected = scales.lsns6_from_network(net)
    assert state.network_result.score == expected.score == 12
    assert state.network_result.band.code == "not_at_risk"
    _, strict = loneliness_check(net, lsns_cutoff=13)
    assert strict.network_result.band.code == "at_risk"


def test_the_people_counted_per_question_are_named():
    net = datasets.load_case("statushouder_zonder_netwerk")
    widget, state = loneliness_check(net)
    counted = state.counted_people()
    assert counted["family_seen"] == ["Moeder Y.", "Mehret (zus)"]
    assert len(counted["friends_seen"]) == state.network_result.extra["counts"]["friends_seen"]
    assert "Mehret (zus)" in widget.lsns.value and "begeleider VluchtelingenWerk" not in widget.lsns.value
    assert "onder 12" in widget.lsns.value


@pytest.mark.parametrize("lsns,djg,quadrant", [
    ([3, 4, 2, 1, 1, 0], NOT_LONELY, "small_content"),
    ([3, 4, 2, 1, 1, 0], SOCIAL, "small_lonely"),
    ([5, 5, 5, 5, 5, 5], EMOTIONAL, "large_lonely"),
    ([5, 5, 5, 5, 5, 5], NOT_LONELY, "large_content"),
])
def test_the_four_combinations_of_network_and_feeling(lsns, djg, quadrant):
    assert loneliness_quadrant(scales.lsns6(lsns), scales.djg6(djg)) == quadrant


def test_a_missing_total_gives_no_combination():
    assert loneliness_quadrant(scales.lsns6([3, 4, 2, 1, 1, 0]), scales.djg6([None, None, "ja", "ja", "ja", "ja"])) is None


def test_filling_in_the_form_combines_map_and_feeling():
    widget, state = loneliness_check(datasets.load_case("lhbti_oudere"))
    assert state.feeling is None and "Bereken score" in widget.comparison.value
    _fill(widget, EMOTIONAL)
    assert state.feeling.score == 3 and state.quadrant == "large_lonely"
    assert QUADRANTS["large_lonely"][0] in state.message
    assert "emotionele kant weegt het zwaarst" in state.message
    assert state.message in widget.comparison.value.replace("&#x27;", "'")


def test_social_loneliness_is_named_as_the_heavier_side():
    widget, state = loneliness_check(datasets.load_case("statushouder_zonder_netwerk"))
    _fill(widget, SOCIAL)
    assert state.quadrant == "small_lonely" and "sociale kant weegt het zwaarst" in state.message


def test_not_lonely_gives_no_side_and_a_small_network_is_not_pushed():
    widget, state = loneliness_check(datasets.load_case("psychiatrie_geen_netwerk"))
    _fill(widget, NOT_LONELY)
    assert state.quadrant == "small_content"
    assert "Dring geen contacten op" in state.message and "weegt" not in state.message


def test_switching_to_the_long_scale_clears_and_offers_eleven_items():
    widget, state = loneliness_check(datasets.load_case("lhbti_oudere"))
    _fill(widget, EMOTIONAL)
    widget.scale.value = "djg11"
    assert state.scale == "djg11" and state.feeling is None and state.quadrant is None
    assert len(widget.form.items) == 11
    _fill(widget, ["nee", "ja", "ja", "nee", "ja", "ja", "nee", "nee", "ja", "ja", "nee"])
    assert state.feeling.scale == "djg11" and state.feeling.score == 11 and state.quadrant == "large_lonely"


def test_english_labels():
    widget, state = loneliness_check(datasets.load_case("statushouder_zonder_netwerk"), lang="en")
    assert "What the map says" in widget.children[1].value and "below 12" in widget.lsns.value
    _fill(widget, SOCIAL)
    assert "social side weighs most" in state.message
    assert "Gevoel" not in widget.comparison.value


def test_stories_side_by_side_tell_the_cases_own_text():
    names = ["statushouder_zonder_netwerk", "lhbti_oudere"]
    widget, results = stories_side_by_side(names, lang="en")
    for name, card in zip(names, widget.children):
        net = datasets.load_case(name)
        assert datasets.case_title(net, "en") in card.value
        assert datasets.case_vignette(net, "en").split(".")[0] in card.value
        assert results[name].score == scales.lsns6_from_network(net).score
    assert results["statushouder_zonder_netwerk"].band.code == "at_risk"


def test_the_approaches_exercise_checks_and_explains():
    widget, state = loneliness_approaches()
    assert all(d.value == "" for d in widget.choices.values())
    widget.choices["club"].value = "social"
    widget.choices["partner"].value = "social"
    widget.check_button.click()
    assert state.n_right == 1
    assert "kun je niet regelen" in widget.feedback["partner"].value
    keys = {item.key for item in LONELINESS_APPROACHES}
    assert {"club", "grief", "partner", "push"} <= keys
    assert all(item.explanation[0] and item.explanation[1] for item in LONELINESS_APPROACHES)


@pytest.mark.parametrize("name", datasets.case_names())
def test_the_check_works_for_every_case(name):
    for lang in ("nl", "en"):
        widget, state = loneliness_check(datasets.load_case(name), lang=lang)
        _fill(widget, SOCIAL)
        assert state.quadrant in QUADRANTS
