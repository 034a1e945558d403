"""The concept widgets of the lessons, driven by setting values and clicking, without a browser."""
import json

import ipywidgets as widgets
import pytest

from netles import EgoNetwork, datasets, metrics
from netles.models import kanteling
from netles.widgets import lesson_widgets as lw


@pytest.fixture(scope="module")
def voorbeeld():
    return datasets.load_case("voorbeeld")


def _pilot():
    """The pilot's before and after networks: moments ``voor`` and ``na`` of one case (read from the
    file, so this works before and after netles reads moments itself)."""
    data = json.loads(datasets.case_path("pilot_netwerkversterking").read_text(encoding="utf-8"))
    moments = {m["label"]: m for m in data["moments"]}
    return tuple(EgoNetwork.from_dict({"ego": moments[label].get("ego", data["ego"]), "alters": moments[label]["alters"],
                                       "ties": moments[label]["ties"]}) for label in ("voor", "na"))


def _all_factories(net):
    voor, na = _pilot()
    return {
        "schalock": lambda lang: lw.schalock_widget(lang=lang),
        "kanteling": lambda lang: lw.kanteling_widget(net, lang=lang),
        "stelling": lambda lang: lw.stelling_widget("Stelling", lang=lang),
        "steunfuncties": lambda lang: lw.support_functions_widget(net, lang=lang),
        "krimpend netwerk": lambda lang: lw.shrinking_widget(net, lang=lang),
        "structuurkenmerken": lambda lang: lw.structure_widget(net, lang=lang),
        "sterke en zwakke banden": lambda lang: lw.tie_strength_widget(net, lang=lang),
        "bonding en bridging": lambda lang: lw.bonding_bridging_widget(net, lang=lang),
        "vraagverlegenheid": lambda lang: lw.vraagverlegenheid_widget(lang=lang),
        "sociale netwerkstrategieën": lambda lang: lw.sns_widget(lang=lang),
        "zeven stappen": lambda lang: lw.seven_steps_widget(lang=lang),
        "vijf dimensies": lambda lang: lw.dimensions_widget(net, lang=lang),
        "vier vaardigheden pilot": lambda lang: lw.pilot_skills_widget(voor, na, lang=lang),
    }


@pytest.mark.parametrize("case", datasets.case_names())
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_factory_builds_on_every_case(case, lang):
    net = datasets.load_case(case)
    for concept, make in _all_factories(net).items():
        box, state = make(lang)
        assert isinstance(box, widgets.Widget)
        assert state.concept == concept
        assert state.view.value  # rendered
        assert state.result


def test_unknown_language_is_refused(voorbeeld):
    with pytest.raises(ValueError):
        lw.structure_widget(voorbeeld, lang="de")


def test_english_labels_differ(voorbeeld):
    _, nl = lw.structure_widget(voorbeeld, lang="nl")
    _, en = lw.structure_widget(voorbeeld, lang="en")
    assert "dichtheid" in nl.view.value and "density" in en.view.value


def test_schalock_groups_and_lowest():
    _, s = lw.schalock_widget({"rights": 1, "inclusion": 9})
    assert s.result["lowest"] == "rights"
    assert s.result["cluster_means"]["participatie"] == pytest.approx((5 + 9 + 1) / 3)
    s.controls["net_emotional"].value = True
    assert "emotional" in s.result["network_domains"]


def test_kanteling_counts_hours_per_step_and_differences():
    net = datasets.load_case("senior_55plus")
    _, s = lw.kanteling_widget(net)
    needs = net.extra["carer"]["care_needs"]
    assert s.result["matches"] == len(needs)
    assert sum(s.result["hours"].values()) == sum(n["hours_per_week"] for n in needs)
    s.controls["step_1"].value = "network"
    assert s.result["differs"] == [needs[1]["need"]]


def test_kanteling_falls_back_to_default_needs(voorbeeld):
    _, s = lw.kanteling_widget(voorbeeld)
    assert s.result["n_needs"] == len(kanteling.EXAMPLE_CARE_NEEDS)


def test_stelling_buttons_collect_arguments():
    _, s = lw.stelling_widget("Informele zorg is een bezuinigingsoperatie.")
    s.controls["argument"].value = "mantelzorgers raken overbelast"
    s.controls["contra_button"].click()
    assert s.result["arguments"]["contra"] == ["mantelzorgers raken overbelast"]
    assert s.controls["argument"].value == ""
    s.controls["contra_button"].click()  # an empty argument is not added
    assert len(s.result["arguments"]["contra"]) == 1


def test_support_functions_follow_the_checkboxes(voorbeeld):
    _, s = lw.support_functions_widget(voorbeeld)
    for f in ("practical", "emotional", "companionship", "information"):
        for a in voorbeeld.alter_ids:
            s.controls[f"{a}:{f}"].value = False
    assert s.result["support_coverage"] == 0
    s.controls["E:practical"].value = True
    assert s.result["support_coverage"] == 1 and s.result["max_support_share"] == 1.0


def test_shrinking_keeps_professionals_and_loses_rare_non_mutual_contacts_first():
    net = datasets.load_case("mantelval_dochter")
    _, s = lw.shrinking_widget(net)
    s.controls["steps"].value = s.controls["steps"].max
    assert set(s.result["network"].alters["relation"]) == {"professional"}
    s.controls["steps"].value = 1
    first = net.alter(s.result["lost"][0])
    assert first["contact"] in ("rarely", "yearly")


def test_structure_widget_matches_metrics(voorbeeld):
    _, s = lw.structure_widget(voorbeeld)
    s.controls["frequent"].value = "monthly"
    assert s.result["share_weekly"] == pytest.approx(metrics.share_weekly(voorbeeld, ("daily", "weekly", "monthly")))
    s.controls["tie_a"].value = s.controls["tie_b"].value = "A"
    s.controls["add_button"].click()  # a self-tie is ignored
    assert s.result["density"] == pytest.approx(metrics.density(voorbeeld))


def test_tie_strength_threshold(voorbeeld):
    _, s = lw.tie_strength_widget(voorbeeld, strong_max_circle=3)
    assert s.result["weak"] == ["F"]
    assert s.result["share_strong"] == pytest.approx(5 / 6)


def test_bonding_raises_density_bridging_adds_a_group(voorbeeld):
    _, s = lw.bonding_bridging_widget(voorbeeld)
    base = dict(s.result)
    s.controls["choice"].value = "bonding"
    assert s.result["ei_family"] <= base["ei_family"]
    s.controls["choice"].value = "bridging"
    assert s.result["density"] < base["density"]


def test_vraagverlegenheid_without_barriers_has_no_main_reason():
    _, s = lw.vraagverlegenheid_widget(lang="en")
    assert s.result["main_barrier"] is None
    s.controls["role"].value = 2
    assert s.result["main_barrier"] == "role" and "friend" in s.view.value






def test_sns_phases_and_rhythm():
    _, s = lw.sns_widget()
    s.controls["phase"].value = "actieteam"
    assert s.result["facilitator_present"] and s.result["rhythm_ok"]




def test_seven_steps_names():
    _, s = lw.seven_steps_widget()
    s.controls["step"].value = 7
    assert s.result["name"] == "nazorg"


def test_dimensions_each_moves_its_feature():
    net = datasets.load_case("mantelval_dochter")
    _, s = lw.dimensions_widget(net)
    expect = {"size": "size", "variety": "blau_relation", "density": "density", "reach": "share_reachable",
              "care": "multiplexity"}
    for dim, key in expect.items():
        s.controls["dimension"].value = dim
        assert s.result[key] > s.result["before"][key], dim








def test_pilot_skills_each_skill_contributes():
    voor, na = _pilot()
    _, s = lw.pilot_skills_widget(voor, na)
    assert all(n > 0 for n in s.result["changes"].values())
    full = s.result["network"]
    assert full.size == na.size and full.n_ties == na.n_ties
    s.controls["maintain"].value = False
    assert s.result["network"].alter("C")["status"] == "faded"
    for k in ("extend", "coordinate", "collaborate"):
        s.controls[k].value = False
    assert s.result["network"] == voor
