"""Lesson 04a (versterken met RADIO): the first half of theme 4 of the guide, with the fixes of issue 12
(items 3, 5, 6, 7, 8: zorgkracht, the planner's button and handout, case-bound text, language, a plan
that gives the ecogram role play its time) and an intervention over real moments (issue 16.4)."""
from __future__ import annotations

import re

import pytest

from lessonkit import run_and_probe
from lessons1kit import NOTEBOOKS, interactive_concepts, markdown_text, missing_topics, notebook, plan_rows, run_matrix
from netles import datasets

NAME = "04a_versterken_radio"

COVERAGE = {
    "systemic view": ["systeemtheorie", "gezinstherapie", "ecologische", "steunen", "in stand houden"],
    "three goals": ["contacten", "dingen doen", "praktische hulp"],
    "seven steps": ["zeven stappen", "actieplan maken", "actieplan uitvoeren", "nazorg"],
    "five dimensions": ["omvang", "variatie", "dichtheid", "bereikbaarheid", "zorgkracht", "maatje",
                        "herstelgroep", "buurtbus"],
    "zorgkracht is not multiplexity": ["multiplexiteit", "iets anders dan", "benadert", "steyaert & kwekkeboom, 2012"],
    "RADIO": ["reanimeren", "activeren", "deblokkeren", "intensiveren", "onderhouden", "smit en van gennep",
              "sociale media"],
    "cutting ties, family as last resort": ["doorsnijden", "criminele vrienden", "laatste middel"],
    "the planner": ["toevoegen aan plan", "handout maken", "naast dit notebook"],
    "instruments, dialogical": ["genogram", "sociogram", "ecogram", "netwerkcirkel van lensink", "dialogische",
                                "dries & biene, 2015"],
    "ecogram role play with debrief": ["rollenspel", "wissel je van rol", "nabespreking", "eigenaar"],
    "an intervention over time": ["momenten", "intake", "evaluatie", "afsluiting", "voor", "na",
                                  "nieuw netwerklid", "aan wat blijft"],
    "lesson parts": ["## leerdoelen", "## wat neem je mee", "begrippenlijst.ipynb", "## voor de docent",
                     "lesplan (90 minuten)", "didactische tips", "misvattingen", "stelling", "discussievragen",
                     "assignments/source/thema4_versterken/", "04b_weerstand_en_veiligheid.ipynb"],
}


def test_the_lesson_covers_its_part_of_theme_4():
    assert missing_topics(NAME, COVERAGE) == {}


def test_stale_and_case_bound_text_of_the_old_lesson_is_gone():
    # issue 12.5 and 12.6
    text = " ".join(markdown_text(NAME).split())
    assert "voer uit" not in text and "toevoegen aan plan" in text
    assert "de band met de buurman" not in text
    assert "soms helpt sociale media" not in text
    assert "onder leiding van een onafhankelijke coördinator" not in text
    student_part = text[:text.index("## voor de docent")]
    for name in ("bram", "dave", "esther", "gerda", "erik"):
        assert name not in student_part, name


def test_the_planner_saves_its_handout_next_to_the_notebook():
    # issue 12.5 / 11: the old lesson passed a temporary handout_path
    source = "\n".join(c.source for c in notebook(NAME).cells if c.cell_type == "code")
    assert "tempfile" not in source and "handout_path" not in source and "gettempdir" not in source


def test_interactive_elements():
    assert interactive_concepts(NAME) == [
        "casus kiezen", "drie doelen", "zeven stappen", "vijf dimensies", "RADIO in de casus", "RADIO-planner",
        "instrumenten", "rollenspel ecogram", "interventie over momenten", "quiz"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_plan_adds_up_and_gives_the_role_play_its_time(lang):
    # issue 12.8: the ecogram role play with its debrief was squeezed into 15 minutes
    rows = plan_rows(NAME, lang)
    assert rows[0][0] == 0 and rows[-1][1] == 90 and all(a[1] == b[0] for a, b in zip(rows, rows[1:]))
    text = markdown_text(NAME, lang)
    for start in ("| 20-38 |", "| 44-72 |"):
        line = text[text.index(start):].split("\n")[0]
        a, b = (int(x) for x in re.findall(r"\d+", start))
        assert sum(int(m) for m in re.findall(r"\((\d+)\)", line)) == b - a
    role_play = text[text.index("| 44-72 |"):].split("\n")[0]
    assert 72 - 44 >= 25 and re.search(r"(nabespreken|debrief) \(8\)", role_play)


def test_the_lesson_runs_and_follows_the_case(tmp_path):
    _, values = run_and_probe(NOTEBOOKS / f"{NAME}.ipynb", {"casus": "voorbeeld"}, {
        "focus": "[radio_kansen_staat.state.focus, radio_kansen_staat.state.focus_action]",
        "prompt": "radio_kansen_staat.state.prompt",
        "offered": "[a for a, ok, _ in planner_staat.state.options('B') if ok]",
        "file": "planner_staat.widget.file.value",
        "zorgkracht": "dimensies_staat.widget.children[-1].value",
        "moments_case": "momenten_staat.name",
        "note": "momenten_keuze.note.value",
        "cut": "verloop_staat.state.reading.actions('A')",
        "roleplay": "sum(rollenspel_staat.ticked.values())",
        "after": "keuze_staat.choose('multiprobleem_buurman') or radio_kansen_staat.state.prompt",
        "pilot": "momenten_staat.choose('pilot_netwerkversterking') or verloop_staat.state.reading.actions('C')",
    }, cwd=tmp_path)
    # issue 12.4: Bram (a brother) is not offered Band doorsnijden; a family tie is a last resort
    assert values["focus"] == ["B", "unblock"] and "laatste middel" in values["prompt"]
    assert "unblock" in values["offered"] and "cut_tie" not in values["offered"]
    assert values["file"] == "plan.html"  # relative: next to the notebook
    assert "multiplexiteit" in values["zorgkracht"].lower() and "benadering" in values["zorgkracht"]
    assert values["moments_case"] == "onveilig_netwerk" and "Voorbeeldnetwerk" in values["note"]
    assert values["cut"] == ["cut_tie"] and values["roleplay"] == 0
    assert "Dave (buurman)" in values["after"] and "Bram" not in values["after"]
    assert values["pilot"] == ["revive", "activate"]


def test_the_lesson_in_english(tmp_path):
    from netles import lessons
    import nbformat

    nb = lessons.localise(nbformat.read(str(NOTEBOOKS / f"{NAME}.ipynb"), as_version=4), "en")
    path = tmp_path / "les.ipynb"
    nbformat.write(nb, str(path))
    executed, values = run_and_probe(path, {"casus": "senior_55plus", "taal": "en"}, {
        "prompt": "radio_kansen_staat.state.prompt",
        "add": "planner_staat.widget.add_button.description",
        "moments_case": "momenten_staat.name",
        "reading": "verloop_staat.widget.reading.value",
        "debrief": "rollenspel.debrief_button.description",
    }, cwd=tmp_path)
    assert "Revive" in values["prompt"] and values["add"] == "Add to plan"
    assert values["moments_case"] == "senior_55plus" and "person" in values["reading"]
    assert values["debrief"] == "Debrief" and executed.cells[0].source.startswith("# Theme 4a")


@pytest.mark.slow
def test_runs_with_every_case_in_both_languages(tmp_path):
    variants = [{"casus": c, "taal": t} for t in ("nl", "en") for c in datasets.case_names()]
    nb = run_matrix(NAME, variants, tmp_path)
    assert sum(c.source.startswith("print('variant'") for c in nb.cells) == len(variants)
