"""Widgets of lesson 04b: the role plays, the resistance and methods exercises, harmful ties and peers
in a case, and the Meldcode walked through on a case (netles.widgets.roleplays, resistance,
unsafe_networks, meldcode); driven without a browser."""
from __future__ import annotations

import pytest

from netles import datasets
from netles.widgets import (afweging, harm_view, meldcode_steps, peer_support_view, resistance_exercise, roleplay)
from netles.widgets.meldcode import AFWEGING_QUESTIONS, MeldcodeState, safety_cases
from netles.widgets.resistance import RESISTANCE_EXERCISES
from netles.widgets.roleplays import ROLEPLAYS

CASES = datasets.case_names()


# -- role plays -------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", list(ROLEPLAYS))
def test_a_role_play_starts_unticked_and_debriefs_what_was_missed(kind):
    widget, state = roleplay(kind)
    assert not any(c.value for c in widget.checks.values()) and widget.debrief.value == ""
    assert widget.cards.selected_index is None and len(widget.cards.children) == 3
    first = next(iter(widget.checks))
    widget.checks[first].value = True
    widget.debrief_button.click()
    total = len(widget.checks)
    assert f"1 van de {total}" in widget.debrief.value and "Niet gezien" in widget.debrief.value
    widget.checks[first].value = False  # a change clears the debrief until it is asked for again
    assert widget.debrief.value == ""


def test_the_ecogram_debrief_asks_about_ownership():
    # issue 12.8 / guide theme 4 assignment 1: the debrief is about the role the client got
    widget, state = roleplay("ecogram")
    for check in widget.checks.values():
        check.value = True
    widget.debrief_button.click()
    assert "Alles gezien" in widget.debrief.value and "eigenaar" in widget.debrief.value


def test_a_role_play_in_english():
    widget, state = roleplay("weerstand", lang="en")
    widget.debrief_button.click()
    assert "0 of 6 points seen" in widget.debrief.value and widget.debrief_button.description == "Debrief"
    assert widget.cards.titles[0] == "Person with resistance"


def test_an_unknown_role_play():
    with pytest.raises(KeyError, match="ecogram"):
        roleplay("toneel")


# -- resistance and methods -------------------------------------------------------------------

@pytest.mark.parametrize("topic", list(RESISTANCE_EXERCISES))
def test_the_resistance_exercises_start_empty_and_can_be_answered(topic):
    widget, state = resistance_exercise(topic, lang="en")
    assert all(d.value == "" for d in widget.choices.values())
    for item in state.items:
        widget.choices[item.key].value = sorted(item.accepted)[0]
    widget.check_button.click()
    assert state.n_right == len(state.items) and "Check" == widget.check_button.description


# -- harmful ties, a small network, peers -----------------------------------------------------

def test_the_drinking_buddy_also_gives_support_that_cutting_would_lose():
    widget, state = harm_view(datasets.load_case("multiprobleem_buurman"))
    assert state.burdening == ["D", "E"]
    assert "Dave (buurman) geeft ook praktische hulp en gezelschap" in state.text
    assert "nieuw netwerk" in state.text and "laatste middel" not in state.text


def test_a_family_tie_is_cut_only_as_a_last_resort():
    _, state = harm_view(datasets.load_case("voorbeeld"))
    assert state.burdening == ["B"] and "laatste middel" in state.text


def test_a_tie_already_cut_is_not_offered_again():
    _, state = harm_view(datasets.load_case("onveilig_netwerk"))
    assert state.table.iloc[0]["wat past"] == "band al doorgesneden of begrensd"
    assert "lichamelijk geweld" in state.text and "kinderen" in state.text


def test_hardly_any_network_asks_for_a_support_system():
    _, state = harm_view(datasets.load_case("psychiatrie_geen_netwerk"))
    assert state.small and "steunsysteem" in state.text and "Dennis (jeugdvriend)" in state.text


def test_a_case_without_harm_names_cases_that_have_it():
    _, state = harm_view(datasets.load_case("lhbti_oudere"), lang="en")
    assert not state.burdening and "Esther and the way out of an unsafe relationship" in state.text
    assert "..." not in state.text and ".." not in state.text.replace("...", "")


def test_peers_and_since_when():
    widget, state = peer_support_view(datasets.load_case("onveilig_netwerk"))
    assert state.peers == ["K", "L"] and "evaluatie (16 september 2024)" in widget.table.value
    assert "twee kanten op" in state.text
    _, none = peer_support_view(datasets.load_case("voorbeeld"))
    assert not none.peers and "Ingrid na haar herseninfarct" in none.text


@pytest.mark.parametrize("case", CASES)
def test_harm_and_peers_for_every_case_in_english(case):
    net = datasets.load_case(case)
    for build in (harm_view, peer_support_view):
        widget, state = build(net, lang="en")
        for word in (" geeft ", " niet ", " casus "):
            assert word not in state.text


# -- the Meldcode ---------------------------------------------------------------------------

def test_the_afwegingskader_reports_acute_or_structural_unsafety_always():
    assert afweging({"vermoeden": True, "onveilig": True, "hulp": True, "aanvaard": True})[0] == "melden_onveilig"
    assert afweging({"vermoeden": False})[0] == "afsluiten"
    assert afweging({"vermoeden": True, "onveilig": False, "hulp": False})[0] == "melden"
    assert afweging({"vermoeden": True, "onveilig": False, "hulp": True, "aanvaard": True, "resultaat": False})[0] == "melden"
    assert afweging({"vermoeden": True, "onveilig": False, "hulp": True, "aanvaard": True, "resultaat": True})[0] == "hulp_klaar"
    assert afweging({}) == ("open", "vermoeden")
    assert [k for k, _ in AFWEGING_QUESTIONS] == ["vermoeden", "onveilig", "hulp", "aanvaard", "resultaat"]


def test_the_meldcode_walk_through_starts_at_intake_and_checks_against_the_case():
    widget, state = meldcode_steps(datasets.load_case("onveilig_netwerk"))
    assert len(widget.tabs.children) == 5 and state.start.label == "intake"
    assert "intake" in widget.children[1].value and widget.case.value == ""  # nothing given away
    for kind in ("physical", "psychological", "financial"):
        widget.kinds[kind].value = True
    widget.children_answer.value = "yes"
    widget.check_buttons[1].click()
    assert "Gemist" not in widget.feedback[1].value and "kinderen" in widget.feedback[1].value
    widget.consult["perpetrator"].value = True
    widget.check_buttons[2].click()
    assert "in gevaar" in widget.feedback[2].value and "Vergeet niet" in widget.feedback[2].value
    widget.talk["secret"].value = True
    widget.check_buttons[3].click()
    assert "geheimhouding" in widget.feedback[3].value
    widget.decision.value = "help"
    widget.check_buttons[5].click()
    assert "stap 4" in widget.feedback[5].value  # decide after weighing
    widget.afweging["vermoeden"].value = "yes"
    widget.afweging["onveilig"].value = "yes"
    widget.check_buttons[4].click()
    assert "altijd" in widget.feedback[4].value
    widget.check_buttons[5].click()
    assert "past niet" in widget.feedback[5].value
    widget.decision.value = "report"
    widget.check_buttons[5].click()
    assert "past bij" in widget.feedback[5].value
    widget.compare_button.click()
    story = widget.case.value
    assert story.index("intake") < story.index("evaluatie") < story.index("afsluiting")
    assert "om advies gevraagd" in story and "melding gedaan" in story and "Monique is het vaste noodcontact" in story


def test_the_meldcode_when_the_harm_comes_from_outside_the_home():
    widget, state = meldcode_steps(datasets.load_case("moeder_zoon_lvb"))
    assert state.outside_home and state.start is None
    assert "huiselijke kring" in widget.children[1].value and "Dylan" in widget.children[1].value
    widget.compare_button.click()
    assert "zegt niet hoe ver" in widget.case.value


def test_a_case_without_unsafety_gets_one_sentence_and_the_cases_that_have_it():
    widget, state = meldcode_steps(datasets.load_case("senior_55plus"), lang="en")
    assert not state.applicable and widget.tabs is None
    assert "records no signs of unsafety" in widget.message.value
    assert "Esther and the way out of an unsafe relationship" in widget.message.value
    assert safety_cases() == ["moeder_zoon_lvb", "onveilig_netwerk"]


@pytest.mark.parametrize("case", ["onveilig_netwerk", "moeder_zoon_lvb"])
def test_the_meldcode_in_english(case):
    widget, state = meldcode_steps(datasets.load_case(case), lang="en")
    assert widget.tabs.titles == ("1. Signals", "2. Consult", "3. Talk", "4. Weigh", "5. Decide")
    widget.check_buttons[4].click()
    assert "first answer the question" in widget.feedback[4].value
    widget.compare_button.click()
    assert "What happened in the case" in widget.case.value


def test_meldcode_state_refuses_a_sixth_step():
    with pytest.raises(ValueError, match="steps 1 to 5"):
        MeldcodeState(datasets.load_case("onveilig_netwerk")).check(6)
