"""Widgets of lesson 04a (netles.widgets.strengthening): the goals exercise, RADIO suggestions that come
from the case, RADIO read between two moments, the moments chooser and the pilot."""
from __future__ import annotations

import pytest

from netles import datasets
from netles.widgets import (intervention_over_time, moments_chooser, pilot_skills, radio_reading, radio_suggestions,
                            strengthening_exercise)
from netles.widgets.planner import PlannerState
from netles.widgets.strengthening import _cases_with_moments as cases_with_moments

CASES = datasets.case_names()


def test_the_goals_exercise_accepts_both_goals_where_both_fit():
    widget, state = strengthening_exercise("doelen")
    widget.choices["koken"].value = "contacten"
    widget.choices["vervoer"].value = "praktisch"
    widget.check_button.click()
    assert state.n_right == 2


def test_radio_suggestions_for_the_brother_who_demands_money():
    # issue 12.4: the voorbeeld case's brother Bram must not be offered Band doorsnijden; the prompt
    # asks to try Deblokkeren and says why cutting a family tie is not a plan step
    widget, state = radio_suggestions(datasets.load_case("voorbeeld"))
    assert (state.focus, state.focus_action) == ("B", "unblock") and state.by_action["cut_tie"] == []
    prompt = widget.prompt.value
    assert "Deblokkeren" in prompt and "laatste middel" in prompt and "beslist de cliënt zelf" in prompt
    assert "niet aan" in prompt and "probeer eerst" not in prompt
    planner = PlannerState(datasets.load_case("voorbeeld"))
    offered = [a for a, ok, _ in planner.options("B") if ok]
    assert "unblock" in offered and "cut_tie" not in offered


def test_radio_suggestions_never_repair_a_tie_that_makes_the_client_unsafe():
    # 04a with onveilig_netwerk said "try Deblokkeren with Mark" (the violent ex-partner); with
    # moeder_zoon_lvb it offered unblocking the friends who exploit Dylan
    _, lvb = radio_suggestions(datasets.load_case("moeder_zoon_lvb"))
    assert lvb.focus_action == "cut_tie" and lvb.by_action["unblock"] == []
    assert "dan gaat veiligheid voor" in lvb.prompt and "probeer eerst" not in lvb.prompt
    _, esther = radio_suggestions(datasets.load_case("onveilig_netwerk"))
    assert "A" not in esther.by_action["unblock"] + esther.by_action["cut_tie"] and esther.focus != "A"
    # Mark is named only in the caution about who knows him, never as someone to work with
    assert "Mark" not in esther.prompt.split("Let op")[0]
    _, en = radio_suggestions(datasets.load_case("moeder_zoon_lvb"), lang="en")
    assert "safety comes first" in en.prompt


def test_drawing_closer_someone_who_knows_the_danger_comes_with_a_caution():
    # 04a with onveilig_netwerk asked to try Intensiveren with Mark's mother, who is tied to Mark
    # (the violent ex-partner), without a word on safety; a lecturer would not teach it that way
    for lang, caution in (("nl", "Let op"), ("en", "Note:")):
        _, esther = radio_suggestions(datasets.load_case("onveilig_netwerk"), lang=lang)
        assert "D" in esther.by_action["intensify"]
        assert esther.focus != "D" and esther.focus_action == "intensify"  # the prompt starts with someone safe
        caution = esther.prompt.split(caution, 1)[1]
        assert "Schoonmoeder G." in caution and "Mark" in caution and ("veiligheidsplan" in caution or "safety plan" in caution)
        assert "Finn" not in caution and "Nina" not in caution  # the children see their father under supervision
    for case in ("voorbeeld", "moeder_zoon_lvb", "senior_55plus"):  # no one recorded as a danger, or no one near them
        _, state = radio_suggestions(datasets.load_case(case))
        assert "veiligheidsplan" not in state.prompt


def test_radio_suggestions_do_not_revive_help_that_stopped():
    # ouders_nemen_zorg_over: the begeleider stops and the parents take over; "revive the
    # persoonlijk begeleider" contradicted the case
    _, state = radio_suggestions(datasets.load_case("ouders_nemen_zorg_over"))
    assert state.by_action["revive"] == [] and "begeleider" not in state.prompt


def test_the_prompt_comes_from_the_case_not_from_one_neighbour():
    # issue 12.5: "de band met de buurman" was fixed text; the prompt names the case's own person
    _, buurman = radio_suggestions(datasets.load_case("multiprobleem_buurman"))
    assert buurman.focus == "D" and "Dave (buurman)" in buurman.prompt and "praktische hulp" in buurman.prompt
    assert "laatste middel" not in buurman.prompt  # a neighbour is not family
    _, senior = radio_suggestions(datasets.load_case("senior_55plus"))
    assert senior.focus_action == "revive" and "Reanimeren" in senior.prompt and "buurman" not in senior.prompt


@pytest.mark.parametrize("case", CASES)
def test_radio_suggestions_for_every_case_in_both_languages(case):
    for lang in ("nl", "en"):
        widget, state = radio_suggestions(datasets.load_case(case), lang=lang)
        assert len(state.table) == 6 and state.prompt
        assert state.focus is None or state.focus in datasets.load_case(case).alter_ids


def test_radio_reading_of_the_intervention_from_intake_to_closure():
    net = datasets.load_case("onveilig_netwerk")
    reading = radio_reading(net.moment("intake"), net.moment("afsluiting"))
    assert reading.actions("A") == ["cut_tie"]  # Mark
    assert "revive" in reading.actions("E") and "revive" in reading.actions("F")  # Monique, Yara
    assert all(reading.actions(a) == ["add_member"] for a in "IJKLN")
    assert reading.kept == ["B", "C", "G"]
    table = reading.table("en")
    assert list(table.columns) == ["person", "what changed", "fits"]
    assert "Revive" in table.iloc[2]["fits"]


def test_radio_reading_counts_revived_contacts_as_reviving_not_maintaining():
    # issue 12.3: revived contacts were counted as "onderhouden" in the pilot
    pilot = datasets.load_case("pilot_netwerkversterking")
    reading = radio_reading(pilot.moment("voor"), pilot.moment("na"))
    assert "revive" in reading.actions("C") and "maintain" not in reading.actions("C")
    assert "C" not in reading.kept and "Onderhouden zie je aan wat blijft" in reading.kept_sentence()


def test_radio_reading_of_a_carer_losing_her_friends():
    net = datasets.load_case("mantelval_dochter")
    reading = radio_reading(net.moments[0], net.moments[-1])
    table = reading.table()
    row = table[table["persoon"] == "Petra (vriendin)"].iloc[0]
    assert "is verwaterd" in row["wat veranderde"] and row["past bij"] == "afgebrokkeld"


def test_the_moments_chooser_starts_on_a_case_with_moments():
    widget, choice = moments_chooser("voorbeeld")
    assert choice.name == "onveilig_netwerk" and set(choice.cases) == set(cases_with_moments())
    assert "Voorbeeldnetwerk" in widget.note.value and "Esther" in widget.note.value
    widget, choice = moments_chooser("senior_55plus", lang="en")
    assert choice.name == "senior_55plus" and widget.note.value == ""


def test_intervention_over_time_follows_the_viewer():
    widget, state = intervention_over_time(datasets.load_case("onveilig_netwerk"))
    assert state.viewer.before == "intake" and "Band doorsnijden" in widget.reading.value
    widget.viewer.before.value = "evaluatie"
    assert "Deblokkeren" in widget.reading.value  # the mother-in-law: burdening at evaluation, back at closure
    widget.viewer.after.value = "evaluatie"
    assert state.reading is None and "twee verschillende" in widget.reading.value


def test_intervention_over_time_without_moments_is_one_sentence_with_titles():
    widget, state = intervention_over_time(datasets.load_case("pubers_ic"), lang="en")
    assert state.viewer is None and widget.children == (widget.reading,)
    assert "one moment only" in state.text and "Gerda and the network project" in state.text


def test_the_pilot_shows_the_case_and_its_four_skills():
    widget, state = pilot_skills(lang="en")
    assert "Gerda and the network project" in widget.card.value
    assert state.result["changes"]["revive"] == 2 and state.result["kept"] == 4
