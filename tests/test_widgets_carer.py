"""The carer widgets of lesson 03a: the questionnaire chosen from a dropdown, the carer over time, the
carer's card, the care-kind exercise and the interview guide."""
from __future__ import annotations

import pytest

from netles import datasets, scales
from netles.widgets import (CARE_KIND_ITEMS, INTERVIEW_THEMES, care_kind_exercise, carer_card, carer_of,
                            carer_over_time, carer_questionnaire, carer_story, carer_summary, cases_with_carer,
                            interview_guide)


def test_cases_with_carer():
    assert [n for n, _ in cases_with_carer(over_time=True)] == ["mantelval_dochter", "nah_herseninfarct"]
    with_csi = [n for n, _ in cases_with_carer(with_csi=True)]
    assert "mantelval_dochter" in with_csi and "senior_55plus" not in with_csi
    assert "jonge_mantelzorger" not in [n for n, _ in cases_with_carer()]  # a young carer gets no CSI


def test_summary_says_who_cares_for_whom_why_and_how_much():
    text = carer_summary(datasets.load_case("mantelval_dochter"))
    assert text.startswith("Mantelzorger: de hoofdpersoon van de casus. Zorgt voor Moeder W. en Vader W.")
    assert "dementie (moeder) en hartfalen (vader)" in text and "24 uur per week, al 4 jaar" in text
    en = carer_summary(datasets.load_case("mantelval_dochter"), "en")
    assert "dementia (mother) and heart failure (father)" in en and "for 4 years" in en
    young = carer_summary(datasets.load_case("jonge_mantelzorger"))
    assert "jonge mantelzorger" in young
    assert carer_summary(datasets.load_case("pubers_ic")) == ""


def test_the_case_answers_fill_in_the_chosen_questionnaire():
    widget, state = carer_questionnaire(datasets.load_case("mantelval_dochter"))
    assert state.scale == "csi" and state.prefilled
    assert (state.result.score, state.result.band.code) == (11, "high_strain")
    assert "Ingevuld met de antwoorden" in widget.message.value
    widget.scale.value = "ediz"
    assert state.scale == "ediz" and state.prefilled and state.result.score == 8
    widget.scale.value = "mcsi"
    assert not state.prefilled and state.result is None and "geen antwoorden op deze lijst" in widget.message.value
    # the student's answers are scored by netles.scales
    for key in widget.form.items:
        widget.form.items[key].value = "regelmatig"
    widget.form.submit_button.click()
    assert state.result.score == 26


def test_the_questionnaire_is_chosen_with_the_dropdown_not_in_code():
    widget, state = carer_questionnaire(datasets.load_case("familiezorg_migratie"), scale="carerqol")
    assert [v for _, v in widget.scale.options] == ["csi", "mcsi", "ediz", "carerqol"]
    assert state.scale == "carerqol" and len(widget.form.items) == 7
    widget.scale.value = "csi"
    assert state.result.score == scales.csi(datasets.load_case("familiezorg_migratie").extra["carer"]["csi"]).score


def test_a_young_carer_gets_no_adult_questionnaire():
    widget, state = carer_questionnaire(datasets.load_case("jonge_mantelzorger"))
    assert not state.available and widget.form is None and state.result is None
    assert "volwassen mantelzorgers" in state.message and len(widget.children) == 1


def test_a_case_without_carer_gets_an_empty_form_and_one_sentence():
    net = datasets.load_case("pubers_ic")
    widget, state = carer_questionnaire(net)
    assert state.available and not state.has_carer and not state.prefilled and state.result is None
    assert f"In de casus ‘{datasets.case_title(net)}’ is geen mantelzorger beschreven" in state.message
    for _, title in cases_with_carer(with_csi=True):
        assert title in state.message


@pytest.mark.parametrize("name", datasets.case_names())
def test_no_case_answers_a_carer_questionnaire_without_an_illness_or_disability(name):
    # issue 12 item 3: never a CSI for a parent caring for her own healthy children
    net = datasets.load_case(name)
    _, state = carer_questionnaire(net)
    if state.prefilled:
        block = net.extra["carer"]
        assert block.get("care_reason") and block.get("care_reason_en") and block.get("cared_for")
        assert not block.get("young_carer")


def test_the_carer_over_time_of_mantelval_dochter():
    net = datasets.load_case("mantelval_dochter")
    widget, state = carer_over_time(net)
    assert state.available
    assert [r["label"] for r in state.rows] == ["start", "diagnose", "nu"]
    assert [r["csi"] for r in state.rows] == [3, 6, 11] and [r["hours"] for r in state.rows] == [6, 14, 24]
    assert [r["band"] for r in state.rows] == ["below_cutoff", "below_cutoff", "high_strain"]
    assert state.faded == ["Petra (vriendin)", "Nicole (vriendin)", "Lia (koor)"]
    assert "1 oktober 2020" in widget.table.value and "Petra (vriendin)" in widget.message.value
    fig = state.figure
    assert list(fig.data[0].y) == [3, 6, 11] and list(fig.data[0].x) == ["start", "diagnose", "nu"]
    assert fig.layout.shapes[0].y0 == 7  # the high-strain cut-off
    assert len(widget.figure.outputs) == 1


def test_the_carer_over_time_when_the_carer_is_not_the_client():
    widget, state = carer_over_time(datasets.load_case("nah_herseninfarct"), lang="en")
    assert [r["label"] for r in state.rows] == ["rehabilitation", "at home"]
    assert [r["csi"] for r in state.rows] == [6, 9] and state.faded == []
    assert "the client's network, not the carer's" in state.message
    assert "15 April 2024" in widget.table.value


def test_carer_moments_without_csi_show_hours_and_no_chart():
    widget, state = carer_over_time(datasets.load_case("senior_55plus"))
    assert state.available and [r["hours"] for r in state.rows] == [3, 6]
    assert all(r["csi"] is None for r in state.rows) and state.figure is None


def test_a_case_without_carer_moments_says_which_cases_have_them():
    widget, state = carer_over_time(datasets.load_case("ggz_naar_huis"))
    assert not state.available and state.rows == [] and len(widget.children) == 1
    for _, title in cases_with_carer(over_time=True):
        assert title in state.message
    _, en = carer_over_time(datasets.load_case("ggz_naar_huis"), lang="en")
    assert en.message.startswith("The case") and "do." in en.message


def test_the_carer_card_lists_the_tasks_and_who_could_help():
    card = carer_card(datasets.load_case("jonge_mantelzorger"), lang="en")
    assert "cooking on weekdays" in card.value and "koken op" not in card.value
    assert "Oma J." in card.value and "CSI" not in card.value  # no CSI for a young carer
    migration = carer_card(datasets.load_case("familiezorg_migratie"))
    result = scales.csi(datasets.load_case("familiezorg_migratie").extra["carer"]["csi"])
    assert f"CSI van de mantelzorger: {result.score} van 13" in migration.value
    assert "geen mantelzorger" in carer_card(datasets.load_case("voorbeeld")).value


def test_the_carer_story_shows_the_vignette_of_the_case():
    net = datasets.load_case("jonge_mantelzorger")
    story = carer_story("jonge_mantelzorger", lang="en")
    assert datasets.case_title(net, "en") in story.children[0].value
    assert datasets.case_vignette(net, "en")[:40] in story.children[0].value


def test_the_care_kind_exercise_starts_empty_and_never_counts_parenting_as_informal_care():
    widget, state = care_kind_exercise()
    assert all(d.value == "" for d in widget.choices.values())
    children = next(i for i in CARE_KIND_ITEMS if i.key == "kinderen")
    assert children.accepted == frozenset({"gebruikelijk"})
    widget.choices["kinderen"].value = "mantelzorg"
    widget.choices["jong"].value = "mantelzorg"
    widget.choices["partner"].value = "gebruikelijk"
    widget.check_button.click()
    assert state.n_right == 2 and "Nog niet" in widget.feedback["kinderen"].value


def test_the_interview_guide_lists_the_questions_of_the_chosen_themes_in_order():
    widget, state = interview_guide()
    assert "Vink de onderwerpen aan" in widget.questions.value
    widget.themes["wishes"].value = True
    widget.themes["motives"].value = True
    assert state.themes == ["motives", "wishes"]
    assert state.questions() == list(INTERVIEW_THEMES["motives"]["nl"] + INTERVIEW_THEMES["wishes"]["nl"])
    assert widget.questions.value.count("<li>") == 4
    _, en = interview_guide("en")
    en.choose(["situation"])
    assert en.questions()[0].startswith("Whom do you care for")
    with pytest.raises(KeyError):
        en.choose(["gossip"])


@pytest.mark.parametrize("name", datasets.case_names())
def test_every_carer_widget_works_for_every_case_in_both_languages(name):
    net = datasets.load_case(name)
    for lang in ("nl", "en"):
        carer_questionnaire(net, lang)
        carer_over_time(net, lang)
        carer_card(net, lang)
        assert (carer_summary(net, lang) == "") == (carer_of(net) is None)
