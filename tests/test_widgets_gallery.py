"""The welcome lesson's first look and the gallery's instrument cards: numbers from netles.metrics, a
self-check only where a drawing can be counted, and the caveat about the reference group."""
from __future__ import annotations

import re

import pytest

from netles import datasets, metrics, quality_profile
from netles.network import EgoNetwork
from netles.widgets import first_look, instrument_card, reference_note, reference_view
from netles.widgets.gallery import GALLERY_INSTRUMENTS

CASES = datasets.case_names()


@pytest.mark.parametrize("case", CASES)
def test_first_look_counts_people_close_ones_and_kinds_of_support(case):
    net = datasets.load_case(case)
    widget, state = first_look(net, strong_max_circle=2)
    alters = net.alters
    assert state.numbers == {"people": len(alters), "close": int((alters["circle"] <= 2).sum()),
                             "support_kinds": metrics.support_coverage(net)}
    given = metrics.support_given(net).any(axis=0)
    assert state.missing_support == [f for f in given.index if not given[f]]
    assert f">{len(alters)}<" in widget.numbers.value and widget.figure.outputs


def test_first_look_follows_the_threshold_and_language():
    net = datasets.load_case("senior_55plus")
    _, one = first_look(net, strong_max_circle=1)
    _, three = first_look(net, strong_max_circle=3)
    assert one.numbers["close"] < three.numbers["close"]
    widget, _ = first_look(net, lang="en")
    assert "people in the network" in widget.numbers.value and "mensen" not in widget.numbers.value


def test_first_look_of_an_empty_network():
    widget, state = first_look(EgoNetwork.from_dict({"ego": {"ego_id": "x"}, "alters": [], "ties": []}))
    assert state.numbers == {"people": 0, "close": 0, "support_kinds": 0}
    assert "nog niemand" in widget.numbers.value


@pytest.mark.parametrize("case", CASES)
def test_instrument_cards_draw_every_instrument_and_check_what_can_be_counted(case):
    net = datasets.load_case(case)
    for instrument in GALLERY_INSTRUMENTS:
        widget, state = instrument_card(net, instrument)
        assert widget.figure.outputs
        if instrument == "sociogram":
            assert state.answer == metrics.components(net)
        elif instrument == "netwerkcirkel":
            assert state.answer == int((net.alters["circle"] == 1).sum())
        else:
            assert state.answer is None and widget.check is None


def test_the_self_check_accepts_the_count_and_hides_the_answer_until_asked():
    widget, state = instrument_card(datasets.load_case("voorbeeld"), "netwerkcirkel", lang="en")
    assert state.answer == 2
    widget.check.answer_box.value = "3"
    widget.check.check_button.click()
    assert not state.check.correct and "Hint" in widget.check.feedback.value
    assert widget.check.answer_html.value == ""
    widget.check.answer_box.value = "2"
    widget.check.check_button.click()
    assert state.check.correct
    with pytest.raises(ValueError):
        instrument_card(datasets.load_case("voorbeeld"), "kaart")


def test_instrument_cards_of_an_empty_network_say_so():
    net = EgoNetwork.from_dict({"ego": {"ego_id": "x"}, "alters": [], "ties": []})
    widget, state = instrument_card(net, "sociogram")
    assert state.answer is None and "nog niemand" in widget.check.value


@pytest.mark.parametrize("case", CASES)
def test_the_reference_caveat_fits_the_case(case):
    net = datasets.load_case(case)
    note = reference_note(net)
    assert "33 volwassenen" in note and "2013" in note
    if net.ego.get("group") == "lvb":
        assert "ligt voor de hand" in note and "zelfstandig" in note
    else:
        assert "hoort niet bij die onderzoeksgroep" in note and "zegt dan weinig" in note
    assert "33 adults" in reference_note(net, "en")


def test_the_reference_view_shows_the_quality_profile_with_the_lessons_thresholds():
    net = datasets.load_case("senior_55plus")
    widget, profile = reference_view(net, max_minutes=45, strong_max_circle=1)
    expected = quality_profile(net, max_minutes=45, strong_max_circle=1)
    assert profile.equals(expected) and widget.figure.outputs
    assert "hoort niet bij" in widget.note.value


def test_figures_are_titled_with_the_case_not_its_file_name():
    net = datasets.load_case("mantelval_dochter")
    for lang in ("nl", "en"):
        title = datasets.case_title(net, lang)
        for instrument in GALLERY_INSTRUMENTS:
            _, state = instrument_card(net, instrument, lang=lang)
            text = state.figure.layout.title.text
            assert title in text and "mantelval_dochter" not in text
        _, look = first_look(net, lang=lang)
        assert title in look.figure.layout.title.text
        widget, _ = reference_view(net, lang=lang)
        assert "mantelval_dochter" not in str(widget.figure.outputs)


def test_first_look_speaks_of_rings_in_singular_and_plural():
    # "1 van de 6 staan dichtbij. In de binnenste 2 cirkel(s)" on psychiatrie_geen_netwerk; the lesson
    # calls them rings (ringen)
    widget, state = first_look(datasets.load_case("psychiatrie_geen_netwerk"), strong_max_circle=2)
    assert state.numbers["close"] == 1
    text = widget.numbers.value
    assert "van de 6 staat dichtbij" in text and "In de binnenste 2 ringen" in text and "(s)" not in text
    widget, _ = first_look(datasets.load_case("senior_55plus"), strong_max_circle=1)
    assert "In de binnenste ring van" in widget.numbers.value
    widget, _ = first_look(datasets.load_case("senior_55plus"), strong_max_circle=2, lang="en")
    assert "In the inner 2 rings" in widget.numbers.value and "(s)" not in widget.numbers.value


@pytest.mark.parametrize("case", CASES)
def test_a_client_with_a_mild_intellectual_disability_is_not_told_she_is_outside_the_lvb_group(case):
    # galerij said "Deze cliënt hoort niet bij die onderzoeksgroep" for Gerda (pilot_netwerkversterking),
    # whose vignette says she has a mild intellectual disability: the caveat must follow the case
    net = datasets.load_case(case)
    lvb = re.search(r"lichte? verstandelijke beperking", datasets.case_vignette(net, "nl")) is not None
    note = reference_note(net)
    assert ("ligt voor de hand" in note) == lvb and ("hoort niet bij" in note) == (not lvb)
