"""Lesson 02a (betekenis en kwaliteit): theme 2 of the guide, with a shrinking network read from the real
moments of a case (issue 16 item 4), gevarieerdheid on every attribute, bonding and bridging as a rough
proxy with the composition beside it, and the wording and case-bound text of issue 12 items 5-7."""
from __future__ import annotations

import re

from lessonkit import run_and_probe
from lessons1kit import NOTEBOOKS, interactive_concepts, markdown_text, missing_topics, plan_rows
from lessons2kit import code_sources, names_in_narrative, narrative
from netles import datasets, metrics
from netles.widgets import cases_with_moments

NAME = "02a_betekenis_en_kwaliteit"

COVERAGE = {
    "five support functions": ["praktische hulp", "emotionele steun", "gezelschap", "waardering", "beoordelingssteun",
                               "informatie en advies", "wmo-wijzer *werken met sociale netwerken*"],
    "coverage, functions per person, biggest giver": ["dekking", "steunfuncties per persoon", "aandeel grootste gever"],
    "quality of life": ["kwaliteit van leven", "schalock"],
    "resilience and an absent network": ["weerbaar", "zelfvertrouwen", "eigenwaarde", "regie", "ontbreekt",
                                         "samensturing in de maatschappelijke opvang"],
    "people with a disability want to do things together": ["samen met iemand", "uitbreiden",
                                                            "de transitie nader beschouwd"],
    "family long-term, friends short-term": ["langdurige steun", "familie", "kortdurend", "emotionele steun",
                                             "hoofdstuk 3"],
    "shrinking networks": ["krimp", "kleiner worden", "terug te kunnen doen", "buiten", "professionals",
                           "verwaterd", "momenten"],
    "a new network": ["nieuw netwerk", "dakloosheid", "normen", "belastend", "ambivalent"],
    "structural features": ["omvang", "gevarieerdheid", "dichtheid", "bereikbaarheid", "contactfrequentie"],
    "gevarieerdheid on every attribute": ["leeftijd", "geslacht", "burgerlijke staat", "werk", "opleiding",
                                          "van riet (2016)", "blau-index", "eenzijdige informatie"],
    "density and social control": ["sociale controle", "persoonlijke ruimte", "pen en papier", "sociogram"],
    "strong and weak ties": ["sterke banden", "zwakke banden", "granovetter (1973)", "marsden & campbell, 1984"],
    "bonding and bridging, a rough proxy": ["bonding", "bridging", "putnam (2000)", "wederkerigheid", "vertrouwen",
                                            "solidariteit", "betrokkenheid", "ruw", "samenstelling",
                                            "afhankelijk van één groep", "constraint"],
    "Dutch trends": ["informele verbanden", "kerk", "mobiliteit", "eenpersoonshuishoudens", "isolement",
                     "beperkingen dan met leeftijd", "96%", "83%", "58%", "cbs"],
    "value for the professional": ["ontlasten", "bron van informatie", "vroegsignalering", "belangenbehartiger"],
    "lesson parts": ["## leerdoelen", "## wat neem je mee", "begrippenlijst.ipynb", "## voor de docent",
                     "lesplan (90 minuten)", "didactische tips", "misvattingen", "stelling", "discussievragen",
                     "assignments/source/thema2_kwaliteit/", "02b_eenzaamheid.ipynb",
                     "stilstaan om vooruit te komen"],
}


def test_the_lesson_covers_theme_2():
    assert missing_topics(NAME, COVERAGE) == {}


def test_issue_12_items_5_and_6_case_bound_text_and_wording():
    text = markdown_text(NAME)
    assert "dylan" not in text and "zoals in de casus van" not in text
    assert names_in_narrative(NAME) == {"nl": [], "en": []}  # text about the case comes from the case
    assert "beperking (constraint)" not in text and "mix van genders" not in text
    assert "gemiddeld één soort steun" not in text
    # "constraint" only as dependence on one group
    for sentence in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
        if "constraint" in sentence:
            assert "afhankelijk van één groep" in sentence
    # Van Riet: the guide gives author and year only
    assert re.findall(r"van riet[^)]*\)", text) == ["van riet (2016)"] * text.count("van riet")
    assert "1,33" in text and "de meesten één soort steun en een paar mensen twee of meer" in " ".join(text.split())


def test_issue_12_item_7_no_code_in_the_students_way():
    code = code_sources(NAME)
    assert "plotly" not in code and "go.Figure" not in code and "lambda" not in code and "NBVAL" not in code
    assert "print(" not in code


def test_the_lesson_plan_adds_up_in_both_languages():
    for lang in ("nl", "en"):
        rows = plan_rows(NAME, lang)
        assert rows[0][0] == 0 and rows[-1][1] == 90 and all(a[1] == b[0] for a, b in zip(rows, rows[1:]))
    assert plan_rows(NAME, "nl") == plan_rows(NAME, "en")


def test_interactive_elements():
    assert set(interactive_concepts(NAME)) == {"casus kiezen", "steunfuncties", "krimpend netwerk",
                                               "structuurkenmerken", "dichtheid zelf berekenen",
                                               "sterke en zwakke banden", "bonding en bridging", "quiz"}


def test_the_teachers_pointers_to_cases_hold():
    text = narrative(NAME)
    teacher = text[text.index("## Voor de docent"):]
    for case in ("moeder_zoon_lvb", "multiprobleem_buurman", "onveilig_netwerk"):
        assert f"`{case}`" in teacher
        valence = datasets.load_case(case).alters["valence"]
        assert valence.isin(["burdening", "ambivalent"]).any(), case
    with_moments = {name for name, _ in cases_with_moments()}
    for case in ("senior_55plus", "nah_herseninfarct", "mantelval_dochter"):
        assert f"`{case}`" in teacher and case in with_moments


def test_the_shrinking_network_is_read_from_the_real_moments(tmp_path):
    senior = datasets.load_case("senior_55plus")
    _, values = run_and_probe(NOTEBOOKS / f"{NAME}.ipynb", {}, {
        "case": "keuze_staat.name",
        "moments": "[verloop_staat.state.before, verloop_staat.state.after]",
        "summary": "verloop_staat.state.summary",
        "faded": "verloop.children[0].faded.value",
        "diversity": "sorted(structuur_staat.state.result['diversity'])",
        "density_right": f"dichtheid_staat.state.submit({metrics.density(senior):.2f})",
        "support_missing": "steun_staat.state.result['missing']",
        "bonding_note": "'ruwe benadering' in bb_staat.state.view.value",
        "chart": "len(steungrafiek.children[0].outputs) == 1 and len(sociogram_figuur.children[0].outputs) == 1",
        "quiz": "len(quiz_staat.items)",
        "then": "keuze_staat.choose('voorbeeld') or verloop_staat.state is None",
        "then_message": "verloop.children[0].message.value",
        "then_density": "dichtheid_staat.state.submit(0.27)",
    }, cwd=tmp_path)
    assert values["case"] == "senior_55plus" and values["moments"] == ["samen", "nu"]
    assert "Riet (echtgenote)" in values["summary"] and "Jan (oud-collega)" in values["faded"]
    assert {"relation", "gender", "age_group"} <= set(values["diversity"])
    assert values["density_right"] and values["chart"] and values["bonding_note"]
    assert values["support_missing"] == [f for f in ("practical", "emotional", "companionship", "appraisal",
                                                      "information")
                                         if not metrics.support_given(senior)[f].any()]
    assert values["quiz"] == 6
    # another case: every part follows it; a case at one moment gets one sentence naming the cases with moments
    assert values["then"] and values["then_density"]
    for _, title in cases_with_moments():
        assert title in values["then_message"]


def test_english_run_shows_english(tmp_path):
    _, values = run_and_probe(NOTEBOOKS / f"{NAME}.ipynb", {"taal": "en", "casus": "nah_herseninfarct"}, {
        "summary": "verloop_staat.state.summary",
        "table": "verloop.children[0].moments.value",
        "structure": "structuur.children[0].children[0].value",
    }, cwd=tmp_path)
    assert values["summary"].startswith("Two new contacts") and "size from 13 to 15" in values["summary"].lower()
    assert "rehabilitation" in values["table"] and "April" in values["table"]
    assert values["structure"] == "<b>Structural features</b>"


def test_thresholds_come_from_the_parameters(tmp_path):
    _, values = run_and_probe(NOTEBOOKS / f"{NAME}.ipynb", {"max_minuten": 90, "sterk_tot_cirkel": 1}, {
        "max": "structuur_staat.state.controls['max_minutes'].value",
        "strong": "banden_staat.state.controls['max_circle'].value",
    }, cwd=tmp_path)
    assert values == {"max": 90, "strong": 1}


def test_the_e_i_index_the_bonding_table_shows_is_explained_in_both_languages():
    # the bonding & bridging table shows "E-I familie/rest" with a value from -1 to +1; a student
    # who cannot read code must find what the number means in the text
    from netles import datasets
    from netles.widgets import bonding_bridging_widget

    _, state = bonding_bridging_widget(datasets.load_case("statushouder_zonder_netwerk"))
    assert "E-I familie/rest" in state.view.value
    for lang, words in (("nl", ["e-i-index familie/rest", "-1 betekent", "+1"]),
                        ("en", ["e-i index family/rest", "-1 means", "+1"])):
        section = " ".join(markdown_text(NAME, lang).split("## 6.")[1].split("## 7.")[0].split())
        assert all(w in section for w in words), (lang, section[-400:])
