"""The triad exercise of lesson 03a: client, naaste and professional each say who should do which task;
the comparison is the agenda of the triad conversation."""
from __future__ import annotations

import pytest

from netles import datasets
from netles.network import EgoNetwork
from netles.widgets import PERSPECTIVES, TRIAD_TASKS, naaste_candidates, triad_map


def test_the_naaste_comes_from_the_clients_own_circle():
    net = datasets.load_case("ggz_naar_huis")
    ids = naaste_candidates(net)
    names = [net.alter(a)["name"] for a in ids]
    assert names[0] == "Samira (zus)"
    # no professionals, fellow clients, nor the ex-partner whose tie is disrupted and burdening
    assert "psychiater" not in names and "Fleur (medebewoonster)" not in names and "Ex-partner D." not in names
    assert names.index("Yasmin (dochter)") == len(names) - 1  # adults first: the daughter is sixteen
    lvb = datasets.load_case("moeder_zoon_lvb")
    assert not any(lvb.alter(a)["valence"] == "burdening" for a in naaste_candidates(lvb))


def test_the_widget_compares_the_three_columns():
    widget, state = triad_map(datasets.load_case("ggz_naar_huis"))
    assert widget.naaste.value == "C" and set(widget.cells) == set(PERSPECTIVES)
    assert all(d.value == "" for cells in widget.cells.values() for d in cells.values())
    for p in PERSPECTIVES:
        widget.cells[p]["crisis"].value = "together"
    widget.cells["client"]["money"].value = "client"
    widget.cells["naaste"]["money"].value = "naaste"
    widget.cells["professional"]["money"].value = "client"
    widget.compare_button.click()
    result = state.result
    assert result["agree"] == ["crisis"] and result["differ"] == ["money"]
    assert len(result["open"]) == len(TRIAD_TASKS) - 2
    text = widget.result.value
    assert "Eens over: bij een crisis" in text and "geldzaken en post" in text
    assert "alleen met toestemming van de cliënt" in text  # information is shared with consent


def test_many_tasks_on_the_naaste_are_named_with_the_naastes_name():
    widget, state = triad_map(datasets.load_case("ggz_naar_huis"))
    widget.naaste.value = "D"
    for task in list(TRIAD_TASKS)[:5]:
        for p in ("client", "naaste"):
            widget.cells[p][task].value = "naaste"
    result = state.compare()
    assert result["load"]["naaste"] == 5 and "5 taken komen (ook) bij Moeder N. terecht" in result["message"]


def test_nothing_chosen_asks_to_choose_first():
    _, state = triad_map(datasets.load_case("psychiatrie_geen_netwerk"), lang="en")
    assert state.compare()["message"] == "First choose who should do each task."
    assert state.naaste_name == "Ali (buurtsuper)"


def test_a_case_without_a_possible_naaste_says_so_and_names_other_cases():
    lonely = EgoNetwork({"ego_id": "ggz_x", "group": "ggz"},
                        [{"alter_id": "A", "relation": "professional"}, {"alter_id": "B", "relation": "fellow_client"}],
                        [], {"title": "Proef", "vignette": "Een proef."})
    widget, state = triad_map(lonely)
    assert state.naaste is None and not hasattr(widget, "cells")
    assert "‘Proef’" in widget.message.value and "Nadia wil naar huis" in widget.message.value


def test_choices_are_checked():
    _, state = triad_map(datasets.load_case("ggz_naar_huis"))
    with pytest.raises(KeyError):
        state.choose("neighbour", "money", "client")
    with pytest.raises(ValueError):
        state.choose("client", "money", "nobody")
    with pytest.raises(ValueError):
        state.choose_naaste("G")  # the support worker is a professional


@pytest.mark.parametrize("name", datasets.case_names())
def test_the_triad_works_for_every_case_in_both_languages(name):
    for lang in ("nl", "en"):
        widget, state = triad_map(datasets.load_case(name), lang=lang)
        if state.naaste is not None:
            widget.cells["client"]["signals"].value = "naaste"
            widget.compare_button.click()
            assert state.result["open"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_naaste_who_is_not_close_is_named_as_such(lang):
    # psychiatrie_geen_netwerk offered the man of the corner shop (ring 3) as the naaste without a word
    widget, state = triad_map(datasets.load_case("psychiatrie_geen_netwerk"), lang=lang)
    assert state.naaste_name == "Ali (buurtsuper)"
    assert ("staat niet dichtbij (ring 3)" if lang == "nl" else "is not close (ring 3)") in widget.naaste_note.value
    faded = [a for a in state.candidates if state.network.alter(a).get("status") == "faded"]
    widget.naaste.value = faded[0]
    assert ("verwaterd" if lang == "nl" else "faded") in widget.naaste_note.value
    # a sister in the inner ring needs no caution
    widget, state = triad_map(datasets.load_case("ggz_naar_huis"), lang=lang)
    assert state.naaste_name == "Samira (zus)" and widget.naaste_note.value == "" and state.naaste_note == ""
