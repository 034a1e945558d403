"""Lesson 03b (rollen, netwerkstrategieën en aansprakelijkheid): theme 3 of the guide without the
mantelzorg parts (lesson 03a), with the fixes of issue 12 (items 3, 5, 6, 7, 8) and the legal frame of
issue 15 (familiegroepsplan, Wet BIG). The lesson is run as papermill would; the checks read its kernel."""
from __future__ import annotations

import re

import pytest

from lessonkit import run_and_probe
from lessons1kit import NOTEBOOKS, interactive_concepts, markdown_text, missing_topics, plan_rows, run_matrix
from netles import datasets

NAME = "03b_netwerkstrategieen_en_aansprakelijkheid"

COVERAGE = {
    "diagnosis-led to process coach": ["diagnosegestuurd", "procesbegeleider", '"zorgen voor"', '"zorgen dat"',
                                       "samenredzaamheid", "netwerkcoach", "systeemwereld", "leefwereld",
                                       "wmo-wijzer. de transitie nader beschouwd", "praktische hulp"],
    "client's role and vraagverlegenheid": ["vraagverlegenheid", "wederkerigheid", "belasting", "privacy",
                                            "rolverwarring", "opdracht 2"],
    "roles in the network": ["belangenbehartiger", "spilmantelzorger", "casemanager", "bron van informatie",
                             "motivatie", "nooit de spilmantelzorger", "persoonlijk begeleider"],
    "social network strategies": ["sociale netwerkstrategieën", "netwerkkompas", "netwerkberaad", "informatiefase",
                                  "privétijd", "presentatie van het plan", "actieteam", "om de zes weken",
                                  "verplicht toezicht", "supporters", "eigenaarschap", "1 gezin 1 plan"],
    "division of tasks": ["de inhoud", "het proces", "begeleider (facilitator)", "cliënt en netwerk"],
    "Eigen Kracht-conferentie": ["eigen kracht-conferentie", "onafhankelijke coördinator", "niet de hulpverlener",
                                 "privétijd", "presenteert het plan"],
    "familiegroepsplan (Jeugdwet)": ["familiegroepsplan", "jeugdwet", "art. 1.1", "4.1.2", "art. 2.1, onder g"],
    "what the network may do: Wet BIG": ["wet big", "voorbehoud", "art. 36", "beroepsmatig", "privésfeer", "bekwaam",
                                         "aansprakelijk", "mag ik in een privé situatie medisch handelen?"],
    "when a network member becomes a volunteer": ["vrijwilliger", "eén keer", "structureel", "regels van die organisatie"],
    "who is liable when": ["het netwerklid zelf", "de organisatie", "op eigen initiatief", "geen juridisch advies"],
    "when it goes wrong: three steps": ["praten", "vastleggen", "geen verbetering", "overnemen"],
    "the professional's six steps": ["instemming", "mogelijkheden verkennen", "coachen en aanleren", "voordoen",
                                     "afspraken maken en vastleggen", "evalueren", "bij twijfel"],
    "readings from the guide": ["steyaert & kwekkeboom, 2012", "steyaert & kwekkeboom, 2010", "wilken & dankers, 2012",
                                "witteveen e.a., 2013", "wmo gestript, deel 5", "admiraal, 2016"],
    "lesson parts": ["## leerdoelen", "## wat neem je mee", "begrippenlijst.ipynb", "## voor de docent",
                     "lesplan (90 minuten)", "didactische tips", "misvattingen", "stelling", "discussievragen",
                     "assignments/source/thema3_mantelzorg/", "03a_mantelzorg.ipynb", "01b_wet_en_beleid.ipynb"],
}


def test_the_lesson_covers_its_part_of_theme_3():
    assert missing_topics(NAME, COVERAGE) == {}


def test_the_family_group_conference_is_described_correctly():
    # issue 12.3: the family makes the plan in private time; the coordinator only prepares, is independent and
    # is not the professional
    text = " ".join(markdown_text(NAME).split())
    section = text[text.index("## 5. de eigen kracht-conferentie"):text.index("## 6.")]
    assert "onafhankelijke coördinator** bereidt de conferentie voor" in section
    assert "niet de hulpverlener" in section and "maken zelf het plan" in section
    assert "leiding van" not in section  # the old text had the plan made "onder leiding van" a coordinator


def test_reserved_procedures_are_never_just_allowed():
    # issue 12.3: "mag wel" without the Wet BIG frame
    text = " ".join(markdown_text(NAME).split())
    assert "mag wel" not in text and "dat mag wel" not in text
    for section in (text[text.index("## 6. wat mag het netwerk"):text.index("## 7.")],
                    text[text.index("## wat neem je mee"):text.index("## verder lezen")]):
        assert "bekwaam" in section and "aansprakelijk" in section and "wet big" in section


def test_the_spil_is_never_a_professional():
    text = " ".join(markdown_text(NAME).split())
    assert "een professional is nooit de spilmantelzorger" in text
    assert "a professional is never the key informal carer" in " ".join(markdown_text(NAME, "en").split())


def test_no_generic_he_for_clients_and_carers():
    # issue 12.6: no generic "hij" for carers and clients
    text = markdown_text(NAME)
    loose = re.sub(r"\b(zij|ze) of hij\b|\bhij of (zij|ze)\b", "", text)
    assert not re.search(r"\bhij\b", loose), re.findall(r".{0,40}\bhij\b.{0,20}", loose, re.S)


def test_text_that_depends_on_the_case_comes_from_the_case():
    # issue 12.5: no names of one case's people in the narrative a student reads
    text = markdown_text(NAME)
    student_part = text[:text.index("## voor de docent")]
    for name in ("mirjam", "lotte", "karel", "marieke", "elif", "dylan", "esther"):
        assert name not in student_part, name


def test_interactive_elements():
    assert interactive_concepts(NAME) == [
        "casus kiezen", "zorgen voor of zorgen dat", "vraagverlegenheid", "rollen in de casus",
        "rollen in het netwerk", "sociale netwerkstrategieën", "taakverdeling in sociale netwerkstrategieën",
        "eigen kracht-conferentie en familiegroepsplan", "wet big en het netwerk", "aansprakelijkheid", "quiz"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_plan_adds_up_to_90_minutes(lang):
    # issue 12.8: the old lesson 03 packed mantelzorg, strategies and liability into one plan
    rows = plan_rows(NAME, lang)
    assert rows[0][0] == 0 and rows[-1][1] == 90 and all(a[1] == b[0] for a, b in zip(rows, rows[1:]))
    text = markdown_text(NAME, lang)
    plan = text[text.index("| 38-58 |"):].split("\n")[0]
    assert sum(int(m) for m in re.findall(r"\((\d+)\)", plan)) == 20  # the SNS slot's parts fill it


def test_the_lesson_runs_and_follows_the_case(tmp_path):
    _, values = run_and_probe(NOTEBOOKS / f"{NAME}.ipynb", {"casus": "ouders_nemen_zorg_over"}, {
        "most": "rollen_casus_staat.state.most",
        "formal": "rollen_casus_staat.state.formal",
        "text": "rollen_casus_staat.state.text",
        "empty": "all(d.value == '' for w in (zorgen_dat, rollen, taken, eigen_kracht, netwerk_taken) "
                 "for d in w.choices.values())",
        "phase": "setattr(fasen_staat.controls['phase'], 'value', 'prive') or fasen_staat.result['facilitator_present']",
        "liability": "aansprakelijk_staat.update(procedure='reserved') and aansprakelijk_staat.text",
        "quiz": "len(quiz_staat.items)",
        "after": "keuze_staat.choose('mantelval_dochter') or rollen_casus_staat.state.carer",
        "after_text": "rollen_casus_staat.state.text",
    }, cwd=tmp_path)
    assert values["most"] == "A" and "D" in values["formal"]  # Mirjam; the leaving support worker apart
    assert "persoonlijk begeleider" in values["text"] and "nooit de spilmantelzorger" in values["text"]
    assert values["empty"] and values["phase"] is False and values["quiz"] == 5
    assert "Wet BIG" in values["liability"] and "bekwaam" in values["liability"]
    assert values["after"] == "ego" and "Wie steunt Marieke zelf?" in values["after_text"]


def test_the_lesson_in_english(tmp_path):
    from netles import lessons
    import nbformat

    nb = lessons.localise(nbformat.read(str(NOTEBOOKS / f"{NAME}.ipynb"), as_version=4), "en")
    path = tmp_path / "les.ipynb"
    nbformat.write(nb, str(path))
    executed, values = run_and_probe(path, {"casus": "voorbeeld", "taal": "en"}, {
        "vignette": "keuze.vignette.value",
        "check": "rollen.check_button.description",
        "roles": "rollen_casus_staat.state.text",
        "liability": "aansprakelijk_staat.text.splitlines()[0]",
    }, cwd=tmp_path)
    assert "Mrs V." in values["vignette"] and values["check"] == "Check"
    assert "never be the key informal carer" in values["roles"]
    assert values["liability"].startswith("Responsible:")
    assert executed.cells[0].source.startswith("# Theme 3b")


@pytest.mark.slow
def test_runs_with_every_case_in_both_languages(tmp_path):
    variants = [{"casus": c, "taal": t} for t in ("nl", "en") for c in datasets.case_names()]
    nb = run_matrix(NAME, variants, tmp_path)
    assert sum(c.source.startswith("print('variant'") for c in nb.cells) == len(variants)
