"""Lesson 03a (mantelzorg): the carer part of theme 3, split from the old 03 (issue 12 item 8), with
mantelval as the guide defines it in months (item 1), the questionnaire chosen with a widget (item 7), no
CSI for a parent caring for healthy children (item 3), no generic "hij" for carers (item 6), and the topics
of issue 15 (young carers, the triad, the interview, regional support, figures, a migrant family) and the
carer over real moments (issue 16 item 4)."""
from __future__ import annotations

import re

from lessonkit import run_and_probe
from lessons1kit import NOTEBOOKS, interactive_concepts, markdown_text, missing_topics, plan_rows
from lessons2kit import code_sources, names_in_narrative, narrative
from netles import datasets, scales
from netles.widgets import cases_with_carer

NAME = "03a_mantelzorg"

COVERAGE = {
    "definition and origin": ["mantelzorger", "persoonlijke band", "niet als beroep", "vrijwillig",
                              "cliëntvertegenwoordiger", "1972", "hattinga verschure", "wederkerig"],
    "what it is not": ["gebruikelijke hulp", "vrijwilligerswerk", "beroepsmatige zorg", "gezonde kinderen"],
    "figures with year, source and definition": ["12,9%", "2024", "13,0%", "35%", "2019", "ruimere definitie",
                                                 "15,5%", "10,1%", "20,9%", "11,1 uur", "605 duizend", "28%", "18%",
                                                 "vzinfo.nl", "statistische trends"],
    "motives": ["motieven", "voldoening", "emotionele band", "kiezen", "tien motieven", "plicht"],
    "load and mantelval as the guide defines it": ["spilmantelzorger", "draaglast", "draagkracht", "mantelval",
                                                   "sluipend", "gezondheid", "werk", "relaties", "gevolg",
                                                   "sociaal isolement", "maand voor maand", "vroeg"],
    "measuring the load": ["caregiver strain index", "robinson, 1983", "zeven", "hoge belasting", "mcsi",
                           "thornton & travis, 2003", "ediz", "pot, van dyck & deeg, 1995", "carerqol",
                           "brouwer e.a., 2006", "volwassen", "menu"],
    "the carer over time": ["door de tijd", "momenten", "csi-score"],
    "what helps": ["respijtzorg", "eigen netwerk van de mantelzorger", "psychische steun", "organisatievermogen",
                   "wmo-wijzer. respijtzorg", "gelijkwaardige partners", "klokman & veuger, 2015"],
    "regional support": ["wmo 2015", "steunpunt", "informatie en advies", "in jouw regio", "vijf tot tien minuten"],
    "young carers": ["jonge mantelzorgers", "school", "mentor", "consulent jonge mantelzorgers", "loyaliteit"],
    "a migrant family": ["migratieachtergrond", "vraagverlegenheid", "tolk", "niet uit van \"de\" cultuur",
                         "binnen elke groep"],
    "the triad": ["triade", "naaste", "triadekaart", "ypsilon", "triadegesprek", "naastenparticipatie in de ggz",
                  "wmo gestript, deel 5"],
    "the interview (assignment 7)": ["interview", "opdracht 7", "voorbereiden", "afnemen", "reflecteren",
                                     "toestemming", "geen echte namen"],
    "lesson parts": ["## leerdoelen", "## wat neem je mee", "begrippenlijst.ipynb", "## voor de docent",
                     "lesplan (90 minuten)", "didactische tips", "misvattingen", "stelling", "discussievragen",
                     "assignments/source/thema3_mantelzorg/", "03b_netwerkstrategieen_en_aansprakelijkheid.ipynb",
                     "wmo gestript, deel 7", "man bijt hond"],
}


def test_the_lesson_covers_the_carer_part_of_theme_3():
    assert missing_topics(NAME, COVERAGE) == {}


def test_issue_12_mantelval_in_months_and_no_generic_hij_for_carers():
    text = " ".join(markdown_text(NAME).split())
    assert "in welk jaar" not in text and "maand voor maand" in text and "in welke maand" in text
    # mantelval is about the carer's own functioning; isolation is a consequence, not the definition
    section = text[text.index("## 4. belasting en mantelval"):text.index("## 5.")]
    assert "gevolg" in section and "gehalveerd" not in section
    # "hij" only as "hij of zij" / "zij of hij", never as the carer in general
    for match in re.finditer(r"\bhij\b", text):
        window = text[max(0, match.start() - 8):match.end() + 8]
        assert "hij of zij" in window or "zij of hij" in window, window
    assert "hem of haar" in text


def test_no_case_bound_narrative_and_no_code_in_the_way():
    assert names_in_narrative(NAME) == {"nl": [], "en": []}
    code = code_sources(NAME)
    assert "plotly" not in code and "lambda" not in code and "NBVAL" not in code and "print(" not in code
    # the questionnaire is chosen with a dropdown, never by editing code
    assert 'questionnaire_form("' not in code and "questionnaire_form(" not in code


def test_the_lesson_plan_adds_up_in_both_languages():
    for lang in ("nl", "en"):
        rows = plan_rows(NAME, lang)
        assert rows[0][0] == 0 and rows[-1][1] == 90 and all(a[1] == b[0] for a, b in zip(rows, rows[1:]))


def test_interactive_elements():
    assert set(interactive_concepts(NAME)) == {"casus kiezen", "wat is mantelzorg", "cijfers lezen", "mantelval",
                                               "CSI en EDIZ", "triade",
                                               "interview mantelzorger", "quiz"}


def test_the_teachers_pointers_to_cases_hold():
    teacher = narrative(NAME)[narrative(NAME).index("## Voor de docent"):]
    marieke = datasets.load_case("mantelval_dochter")
    csi = [scales.csi(m.network.extra["carer"]["csi"]).score for m in marieke.moments]
    assert len(csi) == 3 and csi == sorted(csi) and csi[0] < csi[-1]
    nah = datasets.load_case("nah_herseninfarct")
    assert sum(1 for m in nah.moments if (m.network.extra.get("carer") or {}).get("csi")) == 2
    for name in ("multiprobleem_buurman", "familiezorg_migratie"):
        net = datasets.load_case(name)
        assert net.extra["carer"]["carer_alter_id"] != "ego"
        assert scales.csi(net.extra["carer"]["csi"]).band.code == "high_strain"
    assert "carer" not in datasets.load_case("pubers_ic").extra
    for name in ("mantelval_dochter", "nah_herseninfarct", "multiprobleem_buurman", "familiezorg_migratie", "pubers_ic"):
        assert f"`{name}`" in teacher


def test_the_carer_sections_follow_the_case(tmp_path):
    _, values = run_and_probe(NOTEBOOKS / f"{NAME}.ipynb", {}, {
        "case": "keuze_staat.name",
        "mantelval": "belasting_staat.state.mantelval_step",
        "message": "belasting_staat.state.message",
        "csi": "[vragenlijst_staat.state.scale, vragenlijst_staat.state.result.score]",
        "ediz": "setattr(vragenlijst_staat.widget.scale, 'value', 'ediz') or vragenlijst_staat.state.result.score",
        "over_time": "[r['csi'] for r in door_de_tijd_staat.state.rows]",
        "faded": "door_de_tijd_staat.state.faded",
        "figures": "cijfers_staat.submit('109')",
        "kind": "sorted(soort_zorg_staat.choices)",
        "triad": "triade_staat.state.naaste_name",
        "triad_other": "ggz_keuze_staat.choose('psychiatrie_geen_netwerk') or triade_staat.state.naaste_name",
        "interview": "len(interview.themes)",
        "no_carer": "keuze_staat.choose('pubers_ic') or [belasting_staat.state.available, "
                    "vragenlijst_staat.state.has_carer, door_de_tijd_staat.state.available]",
        "no_carer_text": "belasting_staat.state.message",
        "young": "keuze_staat.choose('jonge_mantelzorger') or [vragenlijst_staat.state.available, "
                 "vragenlijst_staat.widget.form is None]",
    }, cwd=tmp_path)
    assert values["case"] == "mantelval_dochter"
    assert isinstance(values["mantelval"], int) and f"Mantelval in maand {values['mantelval']}" in values["message"]
    assert values["csi"] == ["csi", 11] and values["ediz"] == 8
    assert values["over_time"] == [3, 6, 11] and "Petra (vriendin)" in values["faded"]
    assert values["figures"] is True and "kinderen" in values["kind"]
    assert values["triad"] == "Samira (zus)" and values["triad_other"] == "Ali (buurtsuper)"
    assert values["interview"] == 7
    assert values["no_carer"] == [False, False, False]
    assert "geen mantelzorger" in values["no_carer_text"]
    for _, title in cases_with_carer():
        assert title in values["no_carer_text"]
    assert values["young"] == [False, True]


def test_english_run_shows_english(tmp_path):
    _, values = run_and_probe(NOTEBOOKS / f"{NAME}.ipynb", {"taal": "en", "casus": "nah_herseninfarct"}, {
        "message": "belasting_staat.state.message",
        "table": "door_de_tijd.children[0].table.value",
        "young": "jonge_mantelzorger.children[1].value",
        "triad": "triade.children[0].children[0].value",
    }, cwd=tmp_path)
    assert "month" in values["message"] or "No carer breakdown" in values["message"]
    assert "rehabilitation" in values["table"] and "hours of care a week" in values["table"]
    assert "cooking on weekdays" in values["young"]
    assert "The triad: who does what?" in values["triad"]
