"""The moments viewer, driven through its state and its real widgets (issue 16, item 3 in a widget)."""
from __future__ import annotations

import json

import pytest

import netles
from netles import datasets
from netles.widgets import moments_viewer
from netles.widgets.moments import WORKING
from test_moments import three_moments


def _plotted(output):
    return json.dumps(output.outputs[0]["data"]["application/vnd.plotly.v1+json"]) if output.outputs else ""


def test_defaults_are_first_and_last_moment():
    widget, state = moments_viewer(three_moments())
    assert (state.before, state.after) == ("intake", "afsluiting")
    assert (widget.before.value, widget.after.value) == ("intake", "afsluiting")
    assert [label for label, _ in widget.before.options] == [
        "intake · 3 februari 2025", "evaluatie · 20 augustus 2025", "afsluiting · 15 januari 2026", "werkversie (nu)"]
    assert state.comparison.label_before == "intake" and state.comparison.label_after == "afsluiting"
    assert "Gijs (clublid)" in widget.summary.value
    assert "moments_side_by_side" in _plotted(widget.figure)
    assert "Nieuwe contacten" in widget.tables.value and "Kwaliteit van het netwerk" in widget.tables.value


def test_choosing_other_moments_updates_summary_tables_and_figure():
    widget, state = moments_viewer(three_moments())
    widget.after.value = "evaluatie"
    assert state.after == "evaluatie"
    assert "De band met Erik (buurman) is verdwenen." in widget.summary.value
    assert "Vertrokken contacten" in widget.tables.value
    assert '"left": ["E"]' in _plotted(widget.figure)
    widget.before.value = "evaluatie"
    assert "twee verschillende momenten" in widget.summary.value and widget.figure.outputs == ()
    state.choose(before="intake", after=WORKING)
    assert widget.after.value == WORKING and "werkversie" in _plotted(widget.figure)
    with pytest.raises(KeyError):
        state.choose(after="nameting")


def test_animation_on_request():
    widget, state = moments_viewer(three_moments())
    assert state.animation is None and widget.animation.outputs == ()
    widget.animate_button.click()
    assert len(state.animation.frames) == 3
    assert "moments_animation" in _plotted(widget.animation)


def test_one_moment_compares_with_the_working_network_and_none_says_so():
    net = datasets.load_case("voorbeeld").with_moment("intake", "2025-02-03").without_alter("F")
    widget, state = moments_viewer(net)
    assert (state.before, state.after) == ("intake", WORKING)
    name = datasets.load_case("voorbeeld").alter("F")["name"]
    assert name in widget.summary.value
    widget, state = moments_viewer(datasets.load_case("voorbeeld"), lang="en")
    assert "no moments yet" in widget.summary.value and widget.before.disabled and widget.animate_button.disabled
    assert state.comparison is None


def test_follows_a_changed_network_and_keeps_the_choice():
    net = three_moments()
    widget, state = moments_viewer(net)
    widget.after.value = "evaluatie"
    drawn = state.figure
    state.set_network(net.with_alter({"alter_id": "Z", "name": "Zoë", "relation": "friend"}))
    assert state.after == "evaluatie" and state.figure is drawn  # the two moments did not change: no redraw
    state.set_network(net.without_moment("evaluatie"))
    assert (state.before, state.after) == ("intake", "afsluiting")
    # a newly saved moment is compared at once: the choice goes back to the first and the last
    state.choose(before="afsluiting", after=WORKING)
    state.set_network(net.without_moment("evaluatie").with_moment("nameting", "2026-06-01"))
    assert (state.before, state.after) == ("intake", "nameting")


def test_english_viewer():
    widget, state = moments_viewer(three_moments(), lang="en")
    assert widget.before.description == "From" and "New contacts" in widget.tables.value
    assert "working version (now)" in [label for label, _ in widget.after.options]


def test_each_part_has_its_own_layout():
    widget, _ = moments_viewer(three_moments())
    parts = [widget.before, widget.after, widget.summary, widget.tables, widget.figure, widget.animate_button, widget.animation]
    assert len({id(p.layout) for p in parts}) == len(parts)


def test_exported():
    assert netles.widgets.moments_viewer is moments_viewer
