"""The RADIO planner, driven through its widgets."""
from __future__ import annotations

import json
import re

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
    assert offered == ["unblock", "add_member"]  # issue 12.4: a family tie is not cut in a plan
    assert "laatste middel" in widget.fits.value
    assert "Past niet" in widget.fits.value and "Reanimeren" in widget.fits.value
    reasons = {a: r for a, ok, r in state.options("B") if not ok}
    assert reasons["revive"] and reasons["revive"] in widget.fits.value.replace("&#x27;", "'")


def test_preview_shows_before_and_after_profile_and_map(voorbeeld):
    # Bram's tie is burdening, but he is family; as a neighbour the tie could be cut
    widget, state = radio_planner(voorbeeld.with_alter_changes("B", relation="neighbour"))
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
    assert state.plan.interventions == [] and "1 stap paste niet meer en is weggehaald" in state.message


def test_english(voorbeeld):
    widget, state = radio_planner(voorbeeld, lang="en")
    assert widget.add_button.description == "Add to plan"
    widget.alter.value = "E"
    assert ("Intensify", "intensify") in widget.action.options


def test_reasons_are_english_in_english(voorbeeld):
    widget, state = radio_planner(voorbeeld, lang="en")
    widget.alter.value = "B"
    reasons = [r for _, ok, r in state.options("B") if not ok]
    assert reasons and all("Kies" not in r and " kan " not in r for r in reasons)
    assert "Revive only fits a contact that has faded" in widget.fits.value
    state.try_intervention("revive", "B")
    assert state.reason.startswith("Revive only fits") and "(B)" not in state.reason


# -- issue 11 item 1: a planner every student can use ------------------------------------------------

def _all_widgets(widget):
    seen, todo = [], [widget]
    while todo:
        w = todo.pop()
        seen.append(w)
        todo.extend(c for c in getattr(w, "children", ()) if c is not None)
    return seen


def test_every_control_has_its_own_layout(voorbeeld):
    widget, _ = radio_planner(voorbeeld)
    layouts = [w.layout.model_id for w in _all_widgets(widget) if getattr(w, "layout", None) is not None]
    assert len(layouts) == len(set(layouts)), "two widgets share one Layout: hiding one hides both"


def test_choosing_an_intervention_hides_only_the_controls_it_does_not_need(voorbeeld):
    widget, state = radio_planner(voorbeeld)
    needed = [widget.alter, widget.action, widget.goal, widget.title, widget.file]
    for action in ("intensify", "add_member", "activate"):
        widget.alter.value = "E"
        widget.action.value = action
        assert all(w.layout.display != "none" for w in needed), action
    assert widget.function.layout.display != "none" and widget.kind.layout.display == "none"
    widget.action.value = "add_member"
    assert widget.kind.layout.display != "none" and widget.member_name.layout.display != "none"
    assert widget.function.layout.display == "none" and widget.alter.layout.display != "none"


def test_third_person_and_another_intervention_can_be_added(voorbeeld):
    widget, state = radio_planner(voorbeeld)
    third = widget.alter.options[2][1]
    widget.alter.value = third
    other = [a for _, a in widget.action.options if a != widget.action.value][0]
    widget.action.value = other
    assert not widget.add_button.disabled
    widget.add_button.click()
    assert [(s["action"], s["alter_id"]) for s in state.plan.interventions][0][0] == other


def test_add_button_follows_the_editor_after_a_person_is_added(tmp_path):
    editor, estate = network_editor(tmp_path / "k.json", case="voorbeeld")
    widget, state = radio_planner(estate)
    assert not widget.add_button.disabled
    editor.name.value = "Gijs"
    editor.add_button.click()
    # the current choice is tried again on the new network: it still fits, so it can be added
    assert state.preview is not None and not widget.add_button.disabled
    widget.add_button.click()
    assert len(state.plan.interventions) == 1
    assert not widget.add_button.disabled  # the next choice is tried at once as well
    widget.undo_button.click()
    assert state.plan.interventions == [] and not widget.add_button.disabled


def test_steps_name_the_intervention_once(voorbeeld, tmp_path):
    widget, state = radio_planner(voorbeeld, handout_path=tmp_path / "plan.html")
    widget.alter.value = "D"
    widget.action.value = "activate"
    widget.add_button.click()
    assert "Activeren: Activeren" not in widget.steps.value
    assert "Activeren</b>: Dewi" in widget.steps.value
    assert "Activeren: Activeren" not in state.plan.to_html("nl")
    assert "Activate: Activate" not in state.plan.to_html("en")


def test_handout_is_saved_next_to_the_notebook_with_its_full_path_as_a_link(voorbeeld, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the kernel's working folder is the notebook's folder
    widget, state = radio_planner(voorbeeld)
    assert str(tmp_path / "plan.html") in widget.where.value
    widget.export_button.click()
    saved = tmp_path / "plan.html"
    assert saved.is_file() and state.handout == saved.resolve()
    assert str(saved.resolve()) in widget.message.value and "<a href='plan.html'" in widget.message.value
    widget.file.value = str(tmp_path / "elders" / "mijn_plan.html")
    (tmp_path / "elders").mkdir()
    widget.export_button.click()
    assert (tmp_path / "elders" / "mijn_plan.html").is_file()
    assert "elders/mijn_plan.html" in widget.message.value


@pytest.mark.parametrize("case", ["multiprobleem_buurman", "mantelval_dochter"])
def test_maps_are_drawn_at_the_size_they_are_shown_with_no_label_problems(case):
    # The maps were drawn for 900 px and then squeezed to 420 px, so names landed on each other.
    from netles.plots.textboxes import text_problems

    widget, state = radio_planner(datasets.load_case(case))
    for output in (widget.before, widget.after):
        shown = output.outputs[0]["data"]["application/vnd.plotly.v1+json"]["layout"]
        assert (shown["width"], shown["height"]) == (600, 600)
    assert state.figure_before.layout.width == 600
    assert text_problems(state.figure_before) == []


def test_the_change_column_adds_up_with_the_numbers_shown():
    # onveilig_netwerk in 04a: "aandeel grootste steungever 0,10 -> 0,09" showed a change of "−0,00"
    import pandas as pd

    from netles.widgets.planner import _comparison_html

    comparison = pd.DataFrame({"before": [0.0976, 0.1004, 14.0], "after": [0.0930, 0.0996, 15.0]},
                              index=["max_support_share", "density", "size"])
    comparison["change"] = comparison["after"] - comparison["before"]
    cells = re.findall(r'font-weight:bold">([^<]*)<', _comparison_html(comparison, "nl"))
    assert cells == ["−0,01", "", "+1"]
