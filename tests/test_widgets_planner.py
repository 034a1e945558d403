"""The RADIO planner, driven through its widgets."""
from __future__ import annotations

import json

import pytest

from netles import datasets
from netles.models import Plan
from netles.widgets import network_editor, radio_planner


@pytest.fixture(scope="module")
def voorbeeld():
    return datasets.load_case("voorbeeld")


def _plotted(output):
    return json.dumps(output.outputs[0]["data"]["application/vnd.plotly.v1+json"])


def test_only_fitting_interventions_are_offered_with_reasons_for_the_rest(voorbeeld):
    widget, state = radio_planner(voorbeeld)
    widget.alter.value = "B"  # disrupted and burdening brother
    offered = [a for _, a in widget.action.options]
    assert offered == ["unblock", "cut_tie", "add_member"]
    assert "Past niet" in widget.fits.value and "Reanimeren" in widget.fits.value
    reasons = {a: r for a, ok, r in state.options("B") if not ok}
    assert reasons["revive"] and reasons["revive"] in widget.fits.value.replace("&#x27;", "'")


def test_preview_shows_before_and_after_profile_and_map(voorbeeld):
    widget, state = radio_planner(voorbeeld)
    widget.alter.value = "B"
    widget.action.value = "cut_tie"
    widget.mode.value = "remove"
    assert state.preview is not None and state.preview.action == "cut_tie"
    assert state.comparison.loc["size", "before"] == 6 and state.comparison.loc["size", "after"] == 5
    assert "Bram" in _plotted(widget.before) and "Bram" not in _plotted(widget.after)
    assert 'data-key="size"' in widget.comparison.value and "Band doorsnijden" in widget.explanation.value


def test_build_plan_goal_notes_and_export_handout(voorbeeld, tmp_path):
    widget, state = radio_planner(voorbeeld, handout_path=tmp_path / "plan.html")
    widget.alter.value = "D"
    widget.action.value = "activate"
    widget.function.value = "practical"
    widget.add_button.click()
    widget.alter.value = "E"
    widget.action.value = "intensify"
    widget.add_button.click()
    assert [s["action"] for s in state.plan.interventions] == ["activate", "intensify"]
    assert "Activeren" in widget.steps.value and "Intensiveren" in widget.steps.value
    widget.goal.value = "practical_help"
    widget.notes["map"].value = "Samen met mevrouw V. de kaart getekend."
    widget.title.value = "Plan mevrouw V."
    widget.export_button.click()
    page = (tmp_path / "plan.html").read_text(encoding="utf-8")
    assert page == state.plan.to_html("nl")
    assert "Samen met mevrouw V. de kaart getekend." in page and "Plan mevrouw V." in page
    assert "plan.html" in widget.message.value
    # the plan replays from its own data: nothing in the widget is needed to rebuild it
    assert Plan.from_dict(state.plan.to_dict()) == state.plan
    widget.undo_button.click()
    assert [s["action"] for s in state.plan.interventions] == ["activate"]


def test_add_member_and_no_alter_needed(voorbeeld):
    widget, state = radio_planner(voorbeeld)
    widget.action.value = "add_member"
    widget.kind.value = "buddy"
    widget.member_name.value = "Maatje M."
    assert state.preview.network.size == 7
    widget.add_button.click()
    assert state.plan.after.size == 7 and "Maatje M." in [a.get("name") for a in state.plan.after.to_dict()["alters"]]
    assert "Maatje M." in [label for label, _ in widget.alter.options]


def test_planner_follows_the_editor(tmp_path):
    editor, estate = network_editor(tmp_path / "k.json", case="voorbeeld")
    widget, state = radio_planner(estate)
    widget.alter.value = "E"
    widget.action.value = "intensify"
    widget.add_button.click()
    editor.name.value = "Gijs"
    editor.add_button.click()
    assert state.plan.network == estate.network
    assert [s["action"] for s in state.plan.interventions] == ["intensify"]  # still fits, kept
    assert "Gijs" in [label for label, _ in widget.alter.options]
    estate.remove_alter("E")
    assert state.plan.interventions == [] and "pasten niet meer" in state.message


def test_english(voorbeeld):
    widget, state = radio_planner(voorbeeld, lang="en")
    assert widget.add_button.description == "Add to plan"
    widget.alter.value = "E"
    assert ("Intensify", "intensify") in widget.action.options
