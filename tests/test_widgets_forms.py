"""Questionnaire forms built from the scales registry, driven through their widgets."""
from __future__ import annotations

import pytest

from netles.scales import SCALES, score
from netles.widgets import questionnaire_form


@pytest.mark.parametrize("name", list(SCALES))
def test_every_scale_has_a_form_that_scores_like_the_library(name):
    widget, state = questionnaire_form(name)
    spec = SCALES[name]
    assert list(widget.items) == list(spec.item_keys)
    for i, key in enumerate(spec.item_keys):  # a fixed, varied answer pattern
        widget.items[key].value = spec.option_codes[i % len(spec.option_codes)]
    for key, field in widget.extras.items():
        field.value = 7
    widget.submit_button.click()
    expected = score(name, {k: spec.option_codes[i % len(spec.option_codes)] for i, k in enumerate(spec.item_keys)},
                     **{k: 7 for k in widget.extras})
    assert state.result == expected
    assert f"{expected.score}" in widget.result.value
    if expected.band is not None:
        assert expected.band_label("nl") in widget.result.value


def test_csi_worked_example_band():
    widget, state = questionnaire_form("csi")
    yes, no = SCALES["csi"].option_codes[0], SCALES["csi"].option_codes[-1]
    for i, key in enumerate(SCALES["csi"].item_keys, start=1):
        widget.items[key].value = yes if i in (1, 2, 3, 4, 6, 9, 13) else no
    widget.submit_button.click()
    assert state.result.score == 7 and state.result.band is not None


def test_unanswered_items_follow_the_missing_rule():
    widget, state = questionnaire_form("djg6", lang="en")
    widget.submit_button.click()
    assert state.result is None or state.result.score is None
    assert widget.result.value


def test_questionnaire_form_starts_from_a_case_carers_answers():
    import netles
    from netles.widgets import questionnaire_form

    carer = netles.datasets.load_case("mantelval_dochter").extra["carer"]
    widget, state = questionnaire_form("csi", answers=carer["csi"])
    assert state.result.score == netles.scales.csi(carer["csi"]).score == sum(carer["csi"])
    assert widget.items["sleep"].value == "ja"
    assert "hoge belasting" in widget.result.value.lower() or "high" in widget.result.value.lower()
    _, ediz_state = questionnaire_form("ediz", answers=carer["ediz"])
    assert ediz_state.result.score == netles.scales.ediz(carer["ediz"]).score


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_unanswered_items_show_their_label_not_an_empty_box(lang):
    # A Dropdown whose value is None shows nothing: "(geen antwoord)" must be visible.
    widget, state = questionnaire_form("ediz", lang=lang)
    for dropdown in widget.items.values():
        assert dropdown.index == 0 and dropdown.label in ("(geen antwoord)", "(no answer)")
    assert all(v is None for v in state.answers.values())
    spec = SCALES["ediz"]
    widget.items["own_life"].value = spec.option_codes[0]
    widget.items["own_life"].value = ""
    assert state.answers["own_life"] is None
    widget.submit_button.click()
    assert "own_life" not in widget.result.value


def test_lsns_answer_zero_is_an_answer():
    widget, state = questionnaire_form("lsns6")
    first = SCALES["lsns6"].item_keys[0]
    widget.items[first].value = 0
    assert state.answers[first] == 0


def test_case_answers_with_a_gap_keep_the_gap_visible():
    answers = [True] * 12 + [None]
    widget, state = questionnaire_form("csi", answers=answers)
    last = SCALES["csi"].item_keys[-1]
    assert widget.items[last].index == 0 and state.answers[last] is None
    assert "vraag 13 is niet beantwoord" in widget.result.value
