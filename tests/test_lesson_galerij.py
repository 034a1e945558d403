"""The gallery (issue 12 item 10): every instrument for a chosen case, a task per instrument, learning goals
and a teacher's part, and a caveat when a case is compared with the LVB reference group."""
from __future__ import annotations

import pytest

from lessonkit import run_and_probe
from lessons1kit import NOTEBOOKS, interactive_concepts, markdown_text, missing_topics, plan_rows, run_matrix
from netles import datasets, metrics, quality_profile
from netles.widgets import reference_note

NAME = "galerij"

COVERAGE = {
    "netwerkcirkel": ["netwerkcirkel", "intimi", "diensten", "medecliënten", "samenleving"],
    "ecogram": ["ecogram", "systemen", "dikke lijn", "stippellijn", "rode zigzag", "pijlen"],
    "genogram": ["genogram", "drie generaties", "vierkant", "rondje", "kruis"],
    "sociogram": ["sociogram", "wie kent wie", "groepjes"],
    "tasks": ["**taak.**"],
    "what it does not show": ["wat zie je niet?"],
    "dialogical use": ["gesprek", "samen met de cliënt"],
    "reference group and caveat": ["vergelijkingsgroep", "voorbehoud", "van asselt-goverts", "33",
                                   "lichte verstandelijke beperking", "zelfstandig"],
    "lesson parts": ["## leerdoelen", "## wat neem je mee", "begrippenlijst.ipynb", "## voor de docent",
                     "lesplan (90 minuten)", "didactische tips", "misvattingen", "stelling", "discussievragen",
                     "assignments/source/"],
}


def test_the_gallery_covers_its_topics_with_a_task_per_instrument():
    assert missing_topics(NAME, COVERAGE) == {}
    assert markdown_text(NAME).count("**taak.**") >= 5


def test_the_lesson_plan_adds_up():
    for lang in ("nl", "en"):
        rows = plan_rows(NAME, lang)
        assert rows[0][0] == 0 and rows[-1][1] == 90 and all(a[1] == b[0] for a, b in zip(rows, rows[1:]))


def test_interactive_elements():
    assert set(interactive_concepts(NAME)) == {"casus kiezen", "netwerkcirkel", "ecogram", "genogram", "sociogram",
                                               "instrumenten", "vergelijkingsgroep", "quiz"}


def test_every_instrument_follows_the_chosen_case(tmp_path):
    probes = {
        "circle": "cirkel_staat.state.answer",
        "groups": "sociogram_staat.state.answer",
        "figures": "[bool(s.widget.figure.outputs) for s in (cirkel_staat, ecogram_staat, genogram_staat, sociogram_staat)]",
        "size": "int(profiel_staat.state['size'])",
        "reachable": "float(profiel_staat.state['share_reachable'])",
        "note": "profiel_staat.widget.note.value",
        "switch": "keuze_staat.choose('moeder_zoon_lvb') or [cirkel_staat.state.answer, sociogram_staat.state.answer]",
        "note_after": "profiel_staat.widget.note.value",
    }
    _, values = run_and_probe(NOTEBOOKS / f"{NAME}.ipynb", {"casus": "senior_55plus", "max_minuten": 45}, probes,
                              cwd=tmp_path)
    senior, dylan = datasets.load_case("senior_55plus"), datasets.load_case("moeder_zoon_lvb")
    assert values["circle"] == int((senior.alters["circle"] == 1).sum())
    assert values["groups"] == metrics.components(senior)
    assert values["figures"] == [True] * 4
    assert values["size"] == metrics.size(senior)
    assert values["reachable"] == pytest.approx(quality_profile(senior, max_minutes=45)["share_reachable"])
    assert values["note"] == reference_note(senior) and "hoort niet bij" in values["note"]
    assert values["switch"] == [int((dylan.alters["circle"] == 1).sum()), metrics.components(dylan)]
    assert values["note_after"] == reference_note(dylan) and "ligt voor de hand" in values["note_after"]


@pytest.mark.slow
def test_runs_with_every_case_in_both_languages(tmp_path):
    variants = [{"casus": c, "taal": t} for t in ("nl", "en") for c in datasets.case_names()]
    nb = run_matrix(NAME, variants, tmp_path)
    assert sum(c.source.startswith("print('variant'") for c in nb.cells) == len(variants)
