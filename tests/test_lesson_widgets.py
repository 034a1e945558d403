"""The concept widgets of the lessons, driven by setting values and clicking, without a browser."""
import ipywidgets as widgets
import pytest

from netles import datasets, metrics
from netles.models import kanteling
from netles.widgets import lesson_widgets as lw


@pytest.fixture(scope="module")
def voorbeeld():
    return datasets.load_case("voorbeeld")


def _pilot():
    """The pilot's before and after networks: moments ``voor`` and ``na`` of one case."""
    net = datasets.load_case("pilot_netwerkversterking")
    return net.moment("voor"), net.moment("na")


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
    assert sum(s.result["hours"].values()) == 0 and len(s.result["unchosen"]) == len(needs)
    for i, need in enumerate(needs):
        s.controls[f"step_{i}"].value = "individual_provision"
    assert s.result["hours"]["individual_provision"] == sum(n["hours_per_week"] for n in needs)
    s.controls["check"].click()
    assert s.result["matches"] == sum(r == "individual_provision" for r in s.result["proposal"].values())
    s.controls["step_1"].value = "network"
    assert needs[1]["need"] in s.result["differs"]


def test_kanteling_falls_back_to_the_example_needs_of_the_exercise(voorbeeld):
    from netles.widgets.forms import DEFAULT_SUPPORT_NEEDS

    _, s = lw.kanteling_widget(voorbeeld)
    assert s.result["n_needs"] == len(DEFAULT_SUPPORT_NEEDS)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_kanteling_starts_empty_and_shows_the_ladder_only_after_checking(lang):
    # issue 12.2: every dropdown started on the ladder's answer and a column showed it
    net = datasets.load_case("senior_55plus")
    box, s = lw.kanteling_widget(net, lang=lang)
    steps = [c for k, c in s.controls.items() if k.startswith("step_")]
    assert steps and all(d.value == "" and d.index == 0 and d.label.startswith("(") for d in steps)
    hidden = ("volgens het model", "by the model", "waarom", "why")
    assert not any(word in s.view.value for word in hidden)
    assert s.result["proposal"] is None and s.result["matches"] is None
    s.controls["step_0"].value = "network"
    assert not any(word in s.view.value for word in hidden)
    s.check()
    assert any(word in s.view.value for word in hidden[:2]) and s.result["proposal"]


def test_personal_care_the_case_leaves_to_professionals_is_not_put_on_the_network():
    # senior_55plus: "wekelijks douchen" lists network: [] and the wijkverpleging; the exercise said
    # "Ineke (dochter), Truus (buurvrouw) kunnen praktische hulp geven"
    from netles.widgets import kanteling_exercise

    net = datasets.load_case("senior_55plus")
    _, s = lw.kanteling_widget(net)
    s.check()
    assert s.result["proposal"]["wekelijks_douchen"] == "individual_provision"
    assert "wijkverpleging" in s.view.value
    widget, state = kanteling_exercise(net=net)
    widget.rungs["wekelijks_douchen"].value = "individual_provision"
    widget.rungs["boodschappen_doen"].value = "network"
    widget.check_button.click()
    assert state.feedback["wekelijks_douchen"].ok
    widget.rungs["wekelijks_douchen"].value = "network"
    widget.check_button.click()
    feedback = widget.feedback["wekelijks_douchen"].value
    assert state.feedback["wekelijks_douchen"].status == "too_low"
    assert "Ineke" not in feedback and "Truus" not in feedback and "niemand uit het netwerk" in feedback


@pytest.mark.parametrize("case", [c for c in datasets.case_names()
                                  if (datasets.load_case(c).extra.get("carer") or {}).get("care_needs")])
def test_both_kanteling_widgets_use_one_model(case):
    from netles.widgets import kanteling_exercise

    net = datasets.load_case(case)
    _, s = lw.kanteling_widget(net)
    s.check()
    widget, state = kanteling_exercise(net=net)
    widget.check_button.click()
    widget.reveal_button.click()
    assert s.result["proposal"] == state.proposal


def test_kanteling_exercise_starts_empty_and_reveals_only_after_checking():
    from netles.widgets import kanteling_exercise

    widget, state = kanteling_exercise(net=datasets.load_case("senior_55plus"))
    assert all(d.value == "" and d.index == 0 and d.label == "(kies een trede)" for d in widget.rungs.values())
    assert widget.reveal_button.disabled
    widget.reveal_button.click()
    assert state.proposal is None and all(p.value == "" for p in widget.proposals.values())
    widget.check_button.click()
    assert not widget.reveal_button.disabled


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
              "care": "care_carriers"}
    for dim, key in expect.items():
        s.controls["dimension"].value = dim
        assert s.result[key] > s.result["before"][key], dim








def test_pilot_skills_each_skill_contributes():
    voor, na = _pilot()
    _, s = lw.pilot_skills_widget(voor, na)
    assert all(n > 0 for n in s.result["changes"].values())
    full = s.result["network"]
    assert full.size == na.size and full.n_ties == na.n_ties
    s.controls["revive"].value = False
    assert s.result["network"].alter("C")["status"] == "faded"
    for k in ("extend", "coordinate", "collaborate"):
        s.controls[k].value = False
    assert s.result["network"] == voor


# -- issue 11 item 5 and issue 12 item 3 ---------------------------------------------------------------

def test_structure_widget_starts_on_two_people_who_are_not_tied_yet():
    # issue 11: it started on "Sandra (moeder) en Sandra (moeder)"
    for case in datasets.case_names():
        net = datasets.load_case(case)
        _, s = lw.structure_widget(net)
        a, b = s.controls["tie_a"].value, s.controls["tie_b"].value
        assert a != b, case
        if net.size > 1 and net.n_ties < net.size * (net.size - 1) // 2:
            assert not net.has_tie(a, b), case


def test_adding_a_tie_that_changes_nothing_says_why(voorbeeld):
    # the browser driver found 'voeg band toe' silent for two people who already know each other
    w, s = lw.structure_widget(voorbeeld)
    tied = next((a, b) for a in voorbeeld.alter_ids for b in voorbeeld.alter_ids if a < b and voorbeeld.has_tie(a, b))
    s.controls["tie_a"].value, s.controls["tie_b"].value = tied
    before = s.result["density"]
    s.add_tie()
    assert s.result["density"] == before and "kennen elkaar al" in s.view.value
    s.controls["tie_b"].value = tied[0]
    s.add_tie()
    assert "twee verschillende personen" in s.view.value
    s.controls["tie_a"].value, s.controls["tie_b"].value = "D", "F"
    s.add_tie()
    assert s.result["density"] > before and "Band toegevoegd" in s.view.value


def test_gevarieerdheid_is_measured_on_every_attribute_the_case_has(voorbeeld):
    _, s = lw.structure_widget(voorbeeld)
    assert set(s.result["diversity"]) == {"relation", "gender", "age_group"}
    assert s.result["diversity"]["gender"] == pytest.approx(metrics.blau(voorbeeld, "gender"))
    view = s.view.value
    assert "naar relatie" in view and "naar geslacht" in view and "naar gender" not in view and "naar leeftijdsgroep" in view
    assert "burgerlijke staat, werk, opleiding" in view  # the guide's attributes this case lacks
    richer = voorbeeld
    for a, job in zip(voorbeeld.alter_ids, ["zorg", "zorg", "onderwijs", "zorg", "bouw", "zorg"]):
        richer = richer.with_alter_changes(a, work=job)
    _, r = lw.structure_widget(richer)
    assert "work" in r.result["diversity"] and "naar werk" in r.view.value and "werk" not in r.view.value.split("</table>")[1]


def test_support_function_headers_are_not_cut_off(voorbeeld):
    # issue 11: "informatie en advi" in a 120 px Label
    box, _ = lw.support_functions_widget(voorbeeld)
    heads = [w for w in box.children if isinstance(w, widgets.HBox)][0].children[1:]
    assert all(isinstance(h, widgets.HTML) and "white-space:normal" in h.value for h in heads)
    assert "informatie en advies" in heads[-1].value


def test_the_spil_is_never_a_professional(voorbeeld):
    net = voorbeeld.with_alter_changes("F", support=["practical", "emotional", "companionship", "appraisal",
                                                      "information"], support_direction="receives")
    _, s = lw.support_functions_widget(net)
    assert s.result["spil"] == "A"
    assert "Spil van de informele steun: Anja (zus)" in s.view.value
    assert "geen spil" in s.view.value and net.alter("F")["name"] in s.view.value


def test_bonding_and_bridging_show_composition_and_say_the_structure_is_a_rough_proxy(voorbeeld):
    _, s = lw.bonding_bridging_widget(voorbeeld)
    assert {"share_family", "n_categories_relation", "blau_relation"} <= set(s.result)
    assert "ruwe benadering" in s.view.value and "Samenstelling" in s.view.value
    s.controls["choice"].value = "bridging"
    assert s.result["n_categories_relation"] == metrics.n_categories(voorbeeld, "relation") + 1
    _, en = lw.bonding_bridging_widget(voorbeeld, lang="en")
    assert "rough proxy" in en.view.value


def test_zorgkracht_is_not_multiplexity(voorbeeld):
    _, s = lw.dimensions_widget(voorbeeld)
    view = s.view.value
    assert "zorgkracht (benadering)" in view and "benadering" in view.split("</table>")[1]
    assert "steunfuncties per persoon (multiplexiteit)" in view
    assert "zorgkracht" not in view.split("multiplexiteit")[0].split("<tr>")[-1]  # the multiplexity row is not called zorgkracht
    s.controls["dimension"].value = "care"
    assert s.result["care_carriers"] > s.result["before"]["care_carriers"]


def test_revived_contacts_are_not_counted_as_maintained():
    voor, na = _pilot()
    _, s = lw.pilot_skills_widget(voor, na)
    assert s.result["changes"]["revive"] == 2 and "maintain" not in s.result["changes"]
    assert "reanimeren" in s.view.value and "Onderhouden: 4 contacten" in s.view.value
    assert s.result["kept"] == 4


def test_schalock_counts_domains_in_singular_and_plural():
    _, s = lw.schalock_widget()
    assert "0 van de 8 domeinen hangen" in s.view.value  # nothing is pre-ticked: the guide names no fixed set
    s.controls["net_inclusion"].value = True
    assert "1 van de 8 domeinen hangt volgens jou" in s.view.value
    s.controls["net_rights"].value = True
    assert "2 van de 8 domeinen hangen" in s.view.value
