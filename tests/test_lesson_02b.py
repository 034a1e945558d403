"""Lesson 02b (eenzaamheid): social and emotional loneliness (issue 15), measured with the LSNS-6 from the map
and the De Jong Gierveld scales in a role play; network and feeling can disagree; CBS figures with year and
source; diversity through two cases; what a professional can and cannot do."""
from __future__ import annotations

from lessonkit import run_and_probe
from lessons1kit import NOTEBOOKS, interactive_concepts, markdown_text, missing_topics, plan_rows
from lessons2kit import code_sources, names_in_narrative, narrative
from netles import datasets, scales

NAME = "02b_eenzaamheid"

COVERAGE = {
    "isolation versus loneliness": ["alleen zijn", "sociaal isolement", "eenzaamheid", "gevoel",
                                    "relaties die iemand heeft en de relaties die iemand wil"],
    "social and emotional loneliness": ["emotionele eenzaamheid", "sociale eenzaamheid", "hechte, intieme band",
                                        "bredere kring", "de jong gierveld"],
    "figures with year and source": ["2019", "cbs", "9%", "sterk eenzaam", "sociale samenhang en welzijn", "96%",
                                     "jaar", "bron", "manier van meten"],
    "LSNS-6 measures the network": ["lsns-6", "lubben e.a., 2006", "familie", "vrienden", "persoonlijke zaken",
                                    "om hulp", "0 tot 30", "risico op sociaal isolement", "schatting"],
    "De Jong Gierveld measures the feeling": ["elf uitspraken", "(1985)", "zes", "(2006)", "min of meer",
                                              "0-1 niet eenzaam", "2-4", "5-6 ernstig eenzaam"],
    "they can disagree": ["niet altijd eens", "veel mensen en toch eenzaam", "weinig mensen en tevreden",
                          "geen probleem van netwerkgrootte alleen"],
    "diversity": ["migratie", "lhbti+", "gekozen familie", "verzwijgen", "niet vanzelfsprekend", "over één kam"],
    "what a professional can and cannot do": ["wat iemand mist", "wat iemand zelf wil", "een hechte band kun je niet regelen",
                                              "verwachtingen", "schaamte", "vraagverlegenheid", "opdringen",
                                              "respecteer", "huisarts", "04b"],
    "lesson parts": ["## leerdoelen", "## wat neem je mee", "begrippenlijst.ipynb", "## voor de docent",
                     "lesplan (90 minuten)", "didactische tips", "misvattingen", "stelling", "discussievragen",
                     "assignments/source/thema2_kwaliteit/", "eenzaam ben je niet alleen", "heessels"],
}


def test_the_lesson_covers_loneliness():
    assert missing_topics(NAME, COVERAGE) == {}


def test_no_case_bound_narrative_and_no_code_in_the_way():
    assert names_in_narrative(NAME) == {"nl": [], "en": []}
    code = code_sources(NAME)
    assert "plotly" not in code and "lambda" not in code and "NBVAL" not in code and "print(" not in code


def test_the_lesson_plan_adds_up_in_both_languages():
    for lang in ("nl", "en"):
        rows = plan_rows(NAME, lang)
        assert rows[0][0] == 0 and rows[-1][1] == 90 and all(a[1] == b[0] for a, b in zip(rows, rows[1:]))


def test_interactive_elements():
    assert set(interactive_concepts(NAME)) == {"casus kiezen", "eenzaamheid meten", "aanpak eenzaamheid", "quiz"}


def test_the_teachers_pointers_to_cases_hold():
    teacher = narrative(NAME)[narrative(NAME).index("## Voor de docent"):]
    band = {name: scales.lsns6_from_network(datasets.load_case(name)).band.code
            for name in ("statushouder_zonder_netwerk", "psychiatrie_geen_netwerk", "lhbti_oudere")}
    assert band == {"statushouder_zonder_netwerk": "at_risk", "psychiatrie_geen_netwerk": "at_risk",
                    "lhbti_oudere": "not_at_risk"}
    for name in band:
        assert f"`{name}`" in teacher
    small = datasets.load_case("psychiatrie_geen_netwerk")
    assert small.size < datasets.load_case("statushouder_zonder_netwerk").size
    assert "niemand nodig" in datasets.case_vignette(small)


def test_map_and_feeling_in_the_lesson(tmp_path):
    # the role play: the student answers as the client might; the map gives the LSNS-6
    social = ["nee"] * 6
    fill = ("[setattr(meting_staat.widget.form.items[k], 'value', v) for k, v in "
            f"zip(list(meting_staat.widget.form.items), {social!r})] and None")
    _, values = run_and_probe(NOTEBOOKS / f"{NAME}.ipynb", {}, {
        "case": "keuze_staat.name",
        "lsns": "[meting_staat.state.network_result.score, meting_staat.state.network_result.band.code]",
        "before": "meting_staat.state.feeling is None",
        "fill": fill,
        "click": "meting_staat.widget.form.submit_button.click()",
        "quadrant": "meting_staat.state.quadrant",
        "message": "meting_staat.state.message",
        "stories": "{k: r.score for k, r in verhalen_lsns.items()}",
        "approaches": "sorted(aanpakken_staat.choices)",
        "other": "keuze_staat.choose('lhbti_oudere') or meting_staat.state.network_result.band.code",
    }, cwd=tmp_path)
    statushouder, bert = (datasets.load_case(n) for n in ("statushouder_zonder_netwerk", "lhbti_oudere"))
    assert values["case"] == "statushouder_zonder_netwerk"
    assert values["lsns"] == [scales.lsns6_from_network(statushouder).score, "at_risk"]
    assert values["before"] and values["quadrant"] == "small_lonely"
    assert "sociale kant weegt het zwaarst" in values["message"]
    assert values["stories"] == {"statushouder_zonder_netwerk": scales.lsns6_from_network(statushouder).score,
                                 "lhbti_oudere": scales.lsns6_from_network(bert).score}
    assert "partner" in values["approaches"]
    assert values["other"] == "not_at_risk"


def test_the_lsns_cutoff_is_a_parameter(tmp_path):
    _, values = run_and_probe(NOTEBOOKS / f"{NAME}.ipynb", {"casus": "lhbti_oudere", "lsns_grens": 13}, {
        "band": "meting_staat.state.network_result.band.code",
        "shown": "'onder 13' in meting_staat.widget.lsns.value",
        "stories": "verhalen_lsns['lhbti_oudere'].band.code",
    }, cwd=tmp_path)
    assert values == {"band": "at_risk", "shown": True, "stories": "at_risk"}


def test_english_run_shows_english(tmp_path):
    _, values = run_and_probe(NOTEBOOKS / f"{NAME}.ipynb", {"taal": "en"}, {
        "scale": "meting_staat.widget.scale.options[0][0]",
        "lsns": "meting_staat.widget.lsns.value",
        "story": "verhalen.children[0].value",
    }, cwd=tmp_path)
    assert values["scale"] == "De Jong Gierveld, 6 items"
    assert "How many relatives do you see" in values["lsns"]
    assert datasets.case_title(datasets.load_case("statushouder_zonder_netwerk"), "en") in values["story"]
    text = markdown_text(NAME, "en")
    assert "strongly lonely" in text and "2019" in text and "96%" in text
