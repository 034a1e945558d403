"""The intervention plan: seven steps, goal, interventions in order, profiles, JSON, handout."""
import json
import re

import pytest

from netles import ValidationError, datasets, quality_profile
from netles.models import PLAN_GOALS, PLAN_STEPS, NotApplicable, Plan, activate, add_member, maintain


@pytest.fixture
def net():
    return datasets.load_case("voorbeeld")


def full_plan(net):
    plan = Plan(net, goal="contacten", title="Plan voor mevrouw V.")
    for key in PLAN_STEPS:
        plan = plan.with_note(key, f"notitie bij {key}")
    return (plan.add("unblock", "B")
                .add("activate", "B", function="emotional")
                .add("add_member", kind="buddy", knows=["D"])
                .add("maintain", "D"))


def test_seven_steps_and_three_goals():
    assert list(PLAN_STEPS) == ["map", "discuss_quality", "client_strengths", "network_options",
                                "action_plan", "carry_out", "aftercare"]
    assert [v[0] for v in PLAN_STEPS.values()][0] == "Het netwerk in kaart brengen"
    assert PLAN_STEPS["aftercare"][0] == "Nazorg"
    assert [v[0] for v in PLAN_GOALS.values()] == ["contacten", "dingen doen", "praktische hulp"]


def test_goal_accepts_dutch_and_english(net):
    assert Plan(net, goal="dingen doen").goal == "activities"
    assert Plan(net, goal="practical_help").goal == "practical_help"
    assert Plan(net).goal is None
    with pytest.raises(ValidationError, match="goal"):
        Plan(net, goal="geld")


def test_notes_are_checked(net):
    with pytest.raises(ValidationError, match="not a step"):
        Plan(net, notes={"stap 9": "x"})
    with pytest.raises(ValidationError, match="not a text"):
        Plan(net, notes={"map": 3})
    plan = Plan(net).with_note("map", "kaart gemaakt").with_note("aftercare", "over 3 maanden")
    assert list(plan.notes) == ["map", "aftercare"]
    assert "map" not in plan.with_note("map", "").notes


def test_interventions_apply_in_order(net):
    plan = full_plan(net)
    results = plan.results()
    assert [r.action for r in results] == ["unblock", "activate", "add_member", "maintain"]
    # the second step only fits because the first repaired the tie
    with pytest.raises(NotApplicable, match="Kies eerst deblokkeren"):
        Plan(net).add("activate", "B", function="emotional")
    after = plan.after
    assert after.alter("B")["status"] == "active" and "emotional" in after.alter("B")["support"]
    assert after.alter("N1")["relation"] == "volunteer" and after.has_tie("N1", "D")
    assert after.alter("D")["maintained"] is True
    assert plan.interventions[2] == {"action": "add_member", "alter_id": "N1",
                                     "params": {"kind": "buddy", "name": "maatje (nieuw)", "alter_id": "N1", "knows": ["D"]}}
    # the starting network is kept as it was
    assert plan.network == net


def test_add_accepts_a_result(net):
    result = activate(net, "D", "practical")
    plan = Plan(net).add(result).add(maintain(result.network, "D"))
    assert plan.after == maintain(result.network, "D").network


def test_removing_a_step_that_later_steps_need_fails(net):
    plan = full_plan(net)
    assert len(plan.without_intervention(3).interventions) == 3
    with pytest.raises(NotApplicable):
        plan.without_intervention(0)


def test_profiles_before_and_after(net):
    plan = full_plan(net)
    assert plan.profile_before.equals(quality_profile(net))
    assert plan.profile_after.equals(quality_profile(plan.after))
    comparison = plan.comparison()
    assert comparison.loc["size"].tolist() == [6.0, 7.0, 1.0]
    assert comparison.loc["share_burdening", "after"] == 0.0
    assert list(plan.comparison(["density"]).index) == ["density"]


def test_json_round_trip(net):
    plan = full_plan(net)
    data = json.loads(json.dumps(plan.to_dict(), allow_nan=False))
    again = Plan.from_dict(data)
    assert again == plan
    assert again.after == plan.after
    assert data["profile_after"]["size"] == 7.0
    assert data["goal"] == "contacts" and data["title"] == "Plan voor mevrouw V."
    # an empty plan on an empty network has NaN metrics: stored as null
    from netles import EgoNetwork
    empty = json.loads(json.dumps(Plan(EgoNetwork()).to_dict(), allow_nan=False))
    assert empty["profile_before"]["density"] is None
    with pytest.raises(ValidationError):
        Plan.from_dict({"format": "something else"})
    with pytest.raises(ValidationError):
        Plan.from_dict({**data, "format_version": 99})


def test_handout_dutch_and_english(net, tmp_path):
    plan = full_plan(net).with_note("map", "<script>alert(1)</script> & meer")
    page = plan.to_html()
    assert page.startswith("<!DOCTYPE html>") and '<html lang="nl">' in page
    for labels in PLAN_STEPS.values():
        assert labels[0] in page
    assert "Deblokkeren" in page and "Nieuw netwerklid" in page
    assert "contacten" in page and "aandeel grootste steungever" in page
    assert "<script>" not in page and "&lt;script&gt;" in page and "&amp; meer" in page
    assert not re.search(r"(src|href)=|https?://|@import|url\(", page), "self-contained"
    en = plan.to_html(lang="en")
    assert "The seven steps" in en and "Aftercare" in en and "Unblock" in en and '<html lang="en">' in en
    assert "0,27" in page and "0.27" in en  # decimal comma in Dutch
    path = plan.save_html(tmp_path / "plan.html")
    assert path.read_text(encoding="utf-8") == page
    with pytest.raises(ValueError):
        plan.to_html(lang="de")


def test_handout_of_an_empty_plan(net):
    page = Plan(net).to_html()
    assert "nog niet gekozen" in page and "Nog geen interventies gekozen." in page
    assert page.count('class="blank"') == 7


def test_handout_names_the_case_by_its_title_not_its_id():
    from netles import datasets

    net = datasets.load_case("voorbeeld")
    page = Plan(net).to_html("nl")
    assert net.extra["title"] in page
    assert f"<strong>Cliënt:</strong> {net.ego_id} " not in page
