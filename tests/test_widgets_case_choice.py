"""The case chooser of the lessons and the parts of a lesson that follow it, driven without a browser."""
from __future__ import annotations

import ipywidgets as W
import plotly.graph_objects as go
import pytest

from netles import datasets, metrics
from netles.widgets import case_chooser, follow_case, first_look


def test_the_dropdown_offers_every_case_by_its_title_and_starts_on_the_lessons_case():
    widget, choice = case_chooser("senior_55plus")
    labels = dict((value, label) for label, value in widget.dropdown.options)
    assert set(labels) == set(datasets.case_names())
    assert widget.dropdown.value == "senior_55plus" and choice.name == "senior_55plus"
    for name, label in labels.items():
        assert label == datasets.case_title(datasets.load_case(name), "nl")
        assert label != name  # a title, not a file name


def test_choosing_in_the_dropdown_loads_the_case_and_shows_its_vignette():
    widget, choice = case_chooser("voorbeeld")
    widget.dropdown.value = "pubers_ic"
    net = datasets.load_case("pubers_ic")
    assert choice.name == "pubers_ic" and choice.network == net
    assert datasets.case_vignette(net, "nl")[:40] in widget.vignette.value


def test_choose_moves_the_dropdown_too_and_refuses_unknown_cases():
    widget, choice = case_chooser("voorbeeld")
    choice.choose("senior_55plus")
    assert widget.dropdown.value == "senior_55plus"
    with pytest.raises(KeyError):
        choice.choose("bestaat_niet")
    assert choice.name == "senior_55plus"


def test_a_restricted_list_still_offers_the_lessons_own_case():
    widget, choice = case_chooser("voorbeeld", cases=["senior_55plus", "pubers_ic"])
    assert [v for _, v in widget.dropdown.options] == ["voorbeeld", "senior_55plus", "pubers_ic"]


def test_english_titles_and_vignette():
    widget, choice = case_chooser("senior_55plus", lang="en")
    net = datasets.load_case("senior_55plus")
    assert dict(widget.dropdown.options)[datasets.case_title(net, "en")] == "senior_55plus"
    assert datasets.case_vignette(net, "en")[:40] in widget.vignette.value
    with pytest.raises(ValueError):
        case_chooser("voorbeeld", lang="de")


def test_a_following_part_is_rebuilt_for_the_new_case_with_its_state():
    _, choice = case_chooser("voorbeeld")
    box, followed = follow_case(choice, first_look, lang="nl", strong_max_circle=2)
    assert followed.state.numbers["people"] == 6 and box.children == (followed.widget,)
    choice.choose("senior_55plus")
    net = datasets.load_case("senior_55plus")
    assert followed.network == net
    assert followed.state.numbers["people"] == metrics.size(net)
    assert box.children == (followed.widget,)


def test_a_following_part_accepts_html_figures_and_a_keyword_for_the_network():
    _, choice = case_chooser("voorbeeld")
    _, as_text = follow_case(choice, lambda net: f"<b>{net.size}</b>")
    assert isinstance(as_text.widget, W.HTML) and as_text.widget.value == "<b>6</b>"
    _, as_figure = follow_case(choice, lambda net: go.Figure())
    assert isinstance(as_figure.widget, W.Output) and as_figure.widget.outputs
    _, keyword = follow_case(choice, lambda *, net, lang: W.HTML(f"{lang}{net.size}"), network_keyword="net", lang="en")
    assert keyword.widget.value == "en6"
    with pytest.raises(TypeError):
        follow_case(choice, lambda net: 42)
