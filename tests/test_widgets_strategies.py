"""Widgets of lesson 03b (netles.widgets.strategies): exercises that start empty and explain after
"Controleer", and who gives what in a case, where a professional is never the spilmantelzorger."""
from __future__ import annotations

import pytest

from netles import datasets, liability
from netles.widgets import network_roles_view, strategy_exercise
from netles.widgets.strategies import STRATEGY_EXERCISES

CASES = datasets.case_names()


@pytest.mark.parametrize("topic", list(STRATEGY_EXERCISES))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_exercise_starts_empty_and_every_item_has_a_right_answer(topic, lang):
    widget, state = strategy_exercise(topic, lang=lang)
    assert all(d.value == "" for d in widget.choices.values()) and widget.summary.value == ""
    for item in state.items:
        widget.choices[item.key].value = sorted(item.accepted)[0]
    widget.check_button.click()
    assert state.n_right == len(state.items)
    word = "Goed." if lang == "nl" else "Right."
    assert all(word in f.value for f in widget.feedback.values())


def test_an_unknown_exercise_names_the_ones_there_are():
    with pytest.raises(KeyError, match="zorgen_dat"):
        strategy_exercise("bestaat_niet")


def test_the_role_exercise_says_a_support_worker_is_never_the_key_carer():
    # issue 12.3: a persoonlijk begeleider was counted as "spil"
    widget, state = strategy_exercise("rollen")
    widget.choices["begeleider"].value = "belangen"
    widget.check_button.click()
    assert state.n_right == 0 and "nooit de spilmantelzorger" in widget.feedback["begeleider"].value


def test_the_family_group_conference_exercise_has_the_coordinator_right():
    # issue 12.3: the family makes the plan in private time; the coordinator only prepares and is not the
    # professional
    spec = {key: accepted for key, _nl, _en, accepted, *_ in STRATEGY_EXERCISES["eigen_kracht"]["items"]}
    assert spec["hulpverlener"] == "onjuist" and spec["meeschrijven"] == "onjuist" and spec["beide"] == "juist"


def test_reserved_procedures_come_with_the_wet_big_frame():
    # issue 12.3: never "mag wel" without competence, private life and liability
    items = {key: (nl, why) for key, nl, _en, _acc, why, _why_en in STRATEGY_EXERCISES["netwerk_taken"]["items"]}
    why = items["katheter"][1]
    assert "Wet BIG" in why and "beroepsmatig" in why and "aansprakelijk" in why


def test_the_liability_reason_for_a_reserved_procedure_names_the_wet_big():
    result = liability.who_is_liable("network_member", "own_relative", "client", "reserved")
    nl, en = " ".join(result.reasons_nl), " ".join(result.reasons_en)
    assert "Wet BIG" in nl and "bekwaam" in nl and "privésfeer" in nl and "aansprakelijk" in nl
    assert "BIG Act" in en and "competent" in en


def test_who_gives_what_leaves_the_leaving_support_worker_out():
    widget, state = network_roles_view(datasets.load_case("ouders_nemen_zorg_over"))
    assert state.most == "A" and state.carer == "A"  # Mirjam, not the persoonlijk begeleider
    assert "D" in state.formal and "D" not in state.top
    assert "persoonlijk begeleider" in widget.text.value and "verwaterd" in widget.text.value
    assert list(state.table["naam"])[0] == "Mirjam (moeder)"
    assert "professional" not in set(state.table["relatie"])


def test_who_gives_what_when_the_main_person_is_the_carer():
    widget, state = network_roles_view(datasets.load_case("mantelval_dochter"))
    assert state.carer == "ego"
    assert "hoofdpersoon zelf mantelzorger" in state.text and "Wie steunt Marieke zelf?" in state.text
    assert "spilmantelzorger is" not in state.text  # the belangen question is about the cared-for, not here


def test_who_gives_what_names_everyone_who_gives_the_most():
    _, state = network_roles_view(datasets.load_case("multiprobleem_buurman"))
    assert state.top == ["A", "D"] and "een van hen" in state.text


@pytest.mark.parametrize("case", CASES)
def test_who_gives_what_for_every_case_in_english(case):
    net = datasets.load_case(case)
    widget, state = network_roles_view(net, lang="en")
    assert "kinds of support" in state.table.columns
    assert state.most is None or net.alter(state.most)["relation"] not in ("professional", "volunteer")
    for word in ("geeft", "casus", "niet"):
        assert f" {word} " not in state.text
