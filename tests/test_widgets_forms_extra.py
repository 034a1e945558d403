"""The carer-load simulator, the kanteling exercise and the liability form, driven through their
widgets: set values, click, and compare what is shown with what the library says."""
from __future__ import annotations

import html
import json
import re

import pandas as pd
import pytest

from netles import datasets, liability
from netles.errors import ValidationError
from netles.models import dynamics, kanteling
from netles.widgets import forms
from netles.widgets.forms import (
    DEFAULT_SUPPORT_NEEDS,
    carer_load_simulator,
    kanteling_exercise,
    liability_form,
    needs_from_case,
)


def _figure_data(widget) -> dict:
    return widget.figure.outputs[0]["data"]["application/vnd.plotly.v1+json"]


# ------------------------------------------------------------------------------ carer load


def test_sliders_drive_the_library_model_and_figure():
    widget, state = carer_load_simulator(steps=12)
    widget.care_need.value = 30
    widget.respite.value = 0.1
    widget.shared_tasks.value = 0.2
    widget.steps.value = 18
    expected = dynamics.simulate_carer_load(30, 0.1, 0.2, 18, 0)
    pd.testing.assert_frame_equal(state.table, expected)
    load, network = state.figure.data
    assert list(load.y) == pytest.approx(expected["carer_load"].tolist())
    assert list(network.y) == pytest.approx(expected["carer_network_size"].tolist())
    assert list(load.x) == list(range(19))
    # the output shows exactly this figure (plotly encodes the arrays, so compare the JSON)
    assert _figure_data(widget)["data"] == json.loads(state.figure.to_json())["data"]


def test_message_names_the_first_mantelval_month_and_goes_away_with_help():
    widget, state = carer_load_simulator()
    widget.care_need.value = 25
    table = dynamics.simulate_carer_load(25, 0, 0, 24, 0)
    first = int(table.loc[table["mantelval"], "step"].iloc[0])
    assert state.mantelval_step == first
    assert f"Mantelval in maand {first}" in widget.message.value
    assert "6 maanden achter elkaar boven wat de mantelzorger kan dragen" in widget.message.value
    assert "Een lesmodel, geen voorspelling" in widget.message.value
    widget.respite.value = 0.5
    widget.shared_tasks.value = 0.5
    assert state.mantelval_step is None
    assert "Geen mantelval in 24 maanden" in widget.message.value


def test_overload_month_comes_from_the_table():
    widget, state = carer_load_simulator()  # default 15 h: overloaded only later on
    table = dynamics.simulate_carer_load(15, 0, 0, 24, 0)
    first = int(table.loc[table["carer_load"] > 1, "step"].iloc[0])
    assert first > 0 and state.overload_step == first
    assert f"Overbelast vanaf maand {first}" in widget.message.value
    widget.care_need.value = 2
    assert state.overload_step is None and "blijft onder de grens" in widget.message.value


def test_sliders_start_from_the_case_where_the_ego_is_the_carer():
    net = datasets.load_case("mantelval_dochter")
    widget, state = carer_load_simulator(net)
    assert widget.care_need.value == net.extra["carer"]["hours_per_week"] == 24
    assert state.carer_network == net.size
    assert int(state.table["carer_network_size"].iloc[0]) == net.size
    assert "de mantelzorger geeft nu 24 uur zorg per week" in widget.source.value


def test_the_case_hours_are_the_carers_hours_now():
    net = datasets.load_case("senior_55plus")
    widget, state = carer_load_simulator(net)
    assert widget.care_need.value == 6 and widget.shared_tasks.value == 0
    assert state.table["carer_hours"].iloc[0] == pytest.approx(6, rel=0.3)


def test_mantelval_for_the_carer_with_a_high_csi():
    # issue 12.1: multiprobleem_buurman (CSI 11) got "geen mantelval"
    net = datasets.load_case("multiprobleem_buurman")
    widget, state = carer_load_simulator(net)
    assert state.csi == 11 and state.table["carer_load"].iloc[0] > 1
    assert state.mantelval_step is not None
    assert f"Mantelval in maand {state.mantelval_step}" in widget.message.value
    assert "CSI van de mantelzorger (11 van 13)" in widget.message.value
    assert "hoge belasting" in widget.message.value and "CSI van de mantelzorger 11 van 13" in widget.source.value
    # fewer months than needed: no mantelval yet, but the risk is named
    widget.steps.value = 3
    assert state.mantelval_step is None and "wel een duidelijk risico" in widget.message.value


@pytest.mark.parametrize("case", ["pubers_ic", "voorbeeld"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_case_without_a_carer_gets_one_sentence_and_no_simulated_month(case, lang):
    # issue 12.1: pubers_ic has no carer but got "mantelval in month 22"
    net = datasets.load_case(case)
    widget, state = carer_load_simulator(net, lang=lang)
    assert not state.available and state.mantelval_step is None and state.table.empty
    assert not hasattr(widget, "care_need") and not hasattr(widget, "figure")
    text = widget.message.value
    assert ("geen mantelzorger beschreven" if lang == "nl" else "describes no family carer") in text
    assert re.search(r"[.;:!?]\s+[A-Z]", state.message) is None and state.message.endswith(".")  # one sentence
    assert "maand" not in text and "month" not in text
    assert "mantelval_dochter" not in text  # case titles, not their file names
    with pytest.raises(ValueError):
        state.update(care_need=10)


def test_the_simulator_speaks_of_months_only():
    for lang in ("nl", "en"):
        widget, state = carer_load_simulator(datasets.load_case("mantelval_dochter"), lang=lang)
        text = (widget.message.value + json.dumps(_figure_data(widget)["layout"])).lower()
        assert "jaar" not in text and "year" not in text


def test_carer_load_in_english_and_bad_settings():
    widget, state = carer_load_simulator(lang="en")
    assert widget.care_need.description == "Care by the carer (hours/week)"
    widget.care_need.value = 25
    assert "carer breakdown" in widget.message.value.lower()
    assert _figure_data(widget)["layout"]["xaxis"]["title"]["text"] == "month"
    with pytest.raises(ValueError):
        state.update(respite=1.5)
    assert state.respite == 0.0  # a refused setting leaves the state as it was
    with pytest.raises(TypeError):
        state.update(hours=3)
    with pytest.raises(ValueError):
        carer_load_simulator(lang="de")


# ------------------------------------------------------------------------------ kanteling


def test_default_needs_use_all_four_rungs_on_the_running_example():
    ctx = kanteling.KantelingContext(datasets.load_case("voorbeeld"))
    proposal = kanteling.propose_rungs(list(DEFAULT_SUPPORT_NEEDS), ctx)
    assert list(proposal.values()) == list(kanteling.RUNG.codes)


def test_check_shows_the_library_feedback_per_need():
    widget, state = kanteling_exercise()
    choices = {"post": "network", "boodschappen": "network", "maaltijd": "individual_provision", "wond": "individual_provision"}
    for need_id, rung in choices.items():
        widget.rungs[need_id].value = rung
    widget.check_button.click()
    ctx = kanteling.KantelingContext(datasets.load_case("voorbeeld"))
    expected = kanteling.check_placements(list(DEFAULT_SUPPORT_NEEDS), choices, ctx)
    assert [fb.status for fb in expected] == ["too_high", "ok", "too_high", "ok"]
    for fb in expected:
        assert state.feedback[fb.need_id].status == fb.status
        assert html.escape(fb.message("nl")) in widget.feedback[fb.need_id].value
    assert "2 van de 4 goed geplaatst." in widget.summary.value


def test_proposal_is_hidden_until_asked():
    widget, state = kanteling_exercise()
    widget.rungs["wond"].value = "network"
    widget.check_button.click()
    assert state.proposal is None
    assert all(p.value == "" for p in widget.proposals.values())
    assert "sociaal netwerk" not in widget.feedback["post"].value  # unchosen: no feedback at all
    widget.reveal_button.click()
    for need_id, rung in zip(["post", "boodschappen", "maaltijd", "wond"], kanteling.RUNG.codes):
        assert state.proposal[need_id] == rung
        assert kanteling.RUNG.label(rung) in widget.proposals[need_id].value


def test_unchosen_needs_are_named_and_a_changed_choice_drops_old_feedback():
    widget, state = kanteling_exercise()
    widget.rungs["wond"].value = "network"
    widget.check_button.click()
    assert state.unchosen == ["post", "boodschappen", "maaltijd"]
    assert "Kies nog een trede voor: post en rekeningen bijhouden" in widget.summary.value
    assert "kan dit niet dragen" in widget.feedback["wond"].value
    widget.rungs["wond"].value = "individual_provision"
    assert widget.feedback["wond"].value == "" and "wond" not in state.feedback
    widget.check_button.click()
    assert state.feedback["wond"].ok


def test_case_needs_become_support_needs_with_their_own_helpers():
    net = datasets.load_case("senior_55plus")
    needs, contexts, individual = needs_from_case(net)
    raw = net.extra["carer"]["care_needs"]
    assert [n.description for n in needs] == [r["need"] for r in raw]
    assert [n.client_can for n in needs] == [r["can_self"] for r in raw]
    assert [n.hours_per_week for n in needs] == [r["hours_per_week"] for r in raw]
    for need, r in zip(needs, raw):
        assert set(contexts[need.need_id].willing) == set(r["network"])
        assert contexts[need.need_id].carer == "A"
    widget, state = kanteling_exercise(net=net)
    assert list(widget.rungs) == [n.need_id for n in needs]
    assert "Zorgvragen uit de casus" in widget.source.value
    widget.check_button.click()  # the proposal only after checking
    widget.reveal_button.click()
    expected = {n.need_id: kanteling.propose_rung(n, contexts[n.need_id]) for n in needs}
    assert state.proposal == expected


def test_case_individual_provision_is_named_with_the_proposal():
    base = datasets.load_case("voorbeeld")
    carer = {"carer_alter_id": "A", "hours_per_week": 5, "care_needs": [
        {"need": "formulieren van het ziekenhuis", "hours_per_week": 2, "can_self": False, "network": [],
         "general_provision": None, "individual_provision": "cliëntondersteuner", "function": "information",
         "frequency": "daily"}]}
    net = base.with_extra(carer=carer)
    needs, contexts, individual = needs_from_case(net)
    nid = "formulieren_van_het_ziekenhuis"
    assert needs[0].function == "information" and needs[0].frequency == "daily"
    assert individual == {nid: "cliëntondersteuner"}
    widget, state = kanteling_exercise(net=net)
    widget.rungs[nid].value = "own_strength"
    widget.check_button.click()
    assert state.feedback[nid].status == "too_low"
    widget.reveal_button.click()
    assert state.proposal[nid] == "individual_provision"
    assert "bijvoorbeeld cliëntondersteuner" in widget.proposals[nid].value


def test_a_case_that_does_not_fit_falls_back_to_the_default_needs():
    net = datasets.load_case("voorbeeld").with_extra(carer={"carer_alter_id": "A", "care_needs": [
        {"need": "boodschappen", "hours_per_week": 2, "can_self": False, "network": ["ZZ"],
         "general_provision": None, "individual_provision": None}]})
    with pytest.raises(ValidationError):
        needs_from_case(net)
    widget, state = kanteling_exercise(net=net)
    assert [n.need_id for n in state.needs] == [n.need_id for n in DEFAULT_SUPPORT_NEEDS]
    assert "passen niet in het model" in widget.source.value


def test_explicit_needs_and_context_in_english():
    net = datasets.load_case("voorbeeld")
    need = kanteling.SupportNeed("insuline", "insulin injections", "practical", "daily", 1, reserved_procedure=True)
    plain, _ = kanteling_exercise([need], net, lang="en")
    taught_widget, taught = kanteling_exercise([need], net, lang="en",
                                               context=kanteling.KantelingContext(net, instructed={"A"}))
    assert plain.check_button.description == "Check" and plain.reveal_button.description == "Show proposal"
    taught_widget.rungs["insuline"].value = "network"
    taught_widget.check_button.click()
    fb = taught.feedback["insuline"]
    assert fb.ok and html.escape(fb.message("en")) in taught_widget.feedback["insuline"].value
    assert "1 of 1 placed right." in taught_widget.summary.value
    plain.rungs["insuline"].value = "network"
    plain.check_button.click()
    assert "insuline" in plain.feedback and "cannot carry this" in plain.feedback["insuline"].value
    with pytest.raises(ValidationError):
        kanteling_exercise([need, need], net)


# ------------------------------------------------------------------------------ liability


def _liability_text(**kw) -> str:
    return html.escape(liability.who_is_liable(**kw).describe("nl", disclaimer=False))


def _page_text(widget) -> str:
    return " ".join(w.value for w in (widget.disclaimer, widget.result))


def test_every_change_shows_the_library_answer_with_the_disclaimer_once():
    widget, state = liability_form()
    assert _liability_text(actor="network_member") in widget.result.value
    steps = [("for_whom", "other_client"), ("request", "nobody"), ("procedure", "reserved"), ("structural", True),
             ("request", "organisation")]
    args = {"actor": "network_member"}
    for name, value in steps:
        widget.inputs[name].value = value
        args[name] = value
        assert state.result == liability.who_is_liable(**args)
        assert _liability_text(**args) in widget.result.value
        assert _page_text(widget).count(html.escape(liability.DISCLAIMER[0])) == 1
    assert state.result.responsible == "organisation"
    assert "geen juridisch advies" in widget.disclaimer.value


def test_follow_up_questions_apply_only_after_their_answer():
    widget, state = liability_form()
    assert widget.inputs["improved"].disabled and widget.inputs["lack_noticed"].disabled
    widget.inputs["lack_noticed"].value = True  # ignored while the helper knows enough
    assert state.problem is None and state.arguments()["lack_noticed"] is False
    widget.inputs["knowledge_sufficient"].value = False
    assert not widget.inputs["lack_noticed"].disabled
    assert state.result.responsible == "organisation"  # a noticed lack nobody acted on
    widget.inputs["professional_acted"].value = True
    assert state.result.responsible == "network_member"
    widget.inputs["going_wrong"].value = True
    widget.inputs["improved"].value = False
    assert [s.number for s in state.result.problem_steps] == [1, 2, 3]
    assert "Als het niet goed gaat:" in widget.result.value
    widget.inputs["going_wrong"].value = False
    assert widget.inputs["improved"].disabled and state.result.problem_steps == ()


def test_coordination_is_left_to_the_library_when_the_organisation_asked():
    widget, state = liability_form()
    widget.inputs["for_whom"].value = "other_client"
    widget.inputs["coordinated"].value = False
    widget.inputs["request"].value = "organisation"
    assert widget.inputs["coordinated"].disabled and state.problem is None
    assert state.result.situation["coordinated"] is True


def test_liability_in_english_and_an_impossible_answer():
    widget, state = liability_form(lang="en")
    assert widget.inputs["actor"].description == "Who acts"
    assert _page_text(widget).count(html.escape(liability.DISCLAIMER[1])) == 1
    assert "Responsible: the network member" in widget.result.value
    state.update(actor="buurman")
    assert state.result is None and "not possible" in widget.result.value
    assert _page_text(widget).count(html.escape(liability.DISCLAIMER[1])) == 1
    with pytest.raises(TypeError):
        state.update(who="me")


def test_exports():
    for name in ("carer_load_simulator", "kanteling_exercise", "liability_form", "needs_from_case",
                 "DEFAULT_SUPPORT_NEEDS", "questionnaire_form"):
        assert name in forms.__all__


def test_liability_dropdowns_never_look_empty_and_steps_have_no_gaps():
    # issue 11: "vanzelf" and "nog niet bekend" had the value None, which a Dropdown shows as blank
    widget, state = liability_form()
    for name, control in widget.inputs.items():
        if hasattr(control, "options"):
            assert control.index is not None and control.label, name
    assert widget.inputs["coordinated"].label.startswith("vanzelf")
    assert widget.inputs["improved"].label == "nog niet bekend"
    assert state.values["coordinated"] is None and state.values["improved"] is None
    widget.inputs["coordinated"].value = True
    assert state.values["coordinated"] is True
    widget.inputs["coordinated"].value = ""
    assert state.values["coordinated"] is None
    # the network member caring for a relative: the guideline's steps 1, 2, 4, 5 are shown as 1-4
    numbers = [line.strip().split(".")[0] for line in state.text.splitlines() if line.startswith("  ")]
    assert numbers == ["1", "2", "3", "4"]
    assert "4. Evalueren" in state.text and "5." not in state.text


def test_an_impossible_answer_names_the_question_not_the_argument():
    widget, state = liability_form()
    state.update(actor="buurman")
    assert "wie handelt" in state.problem and "actor" not in state.problem


def test_a_need_with_an_english_description_is_shown_in_english():
    base = datasets.load_case("senior_55plus")
    carer = dict(base.extra["carer"])
    carer["care_needs"] = [dict(n) for n in carer["care_needs"]]
    carer["care_needs"][1]["need_en"] = "a weekly shower"
    net = base.with_extra(carer=carer)
    widget, state = kanteling_exercise(net=net, lang="en")
    assert state.needs[1].description == "a weekly shower" and state.needs[1].need_id == "wekelijks_douchen"
    _, nl = kanteling_exercise(net=net)
    assert nl.needs[1].description == "wekelijks douchen"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_carers_own_network_is_called_an_assumption_when_the_case_does_not_give_it(lang):
    # Tanja is on Ron's map; how many people she has herself is not in the case. The lesson said
    # "het eigen netwerk van de mantelzorger is dan geslonken van 12 naar 5" as if it were her fact.
    widget, state = carer_load_simulator(datasets.load_case("multiprobleem_buurman"), lang=lang)
    assert state.network_assumed and state.mantelval_step is not None
    text = widget.message.value + widget.source.value
    if lang == "nl":
        assert "geslonken van 12" not in text
        assert "omdat de casus het niet noemt" in widget.message.value
        assert "staat niet in de casus" in widget.source.value
    else:
        assert "shrunk from 12" not in text
        assert "because the case does not give it" in widget.message.value
        assert "does not say how large" in widget.source.value
    # where the ego is the carer, her own network is the map and is named as a fact
    widget, state = carer_load_simulator(datasets.load_case("mantelval_dochter"), lang=lang)
    assert not state.network_assumed
    assert ("geslonken van" if lang == "nl" else "shrunk from") in widget.message.value


def test_a_young_carers_own_functioning_is_school_and_friends_not_work():
    widget, state = carer_load_simulator(datasets.load_case("jonge_mantelzorger"))
    assert state.young and state.mantelval_step is not None
    assert "gezondheid, school, vrienden" in widget.message.value and not re.search(r"\bwerk\b", widget.message.value)
    widget, state = carer_load_simulator(datasets.load_case("mantelval_dochter"))
    assert "gezondheid, werk, relaties" in widget.message.value
