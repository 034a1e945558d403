"""Lesson 05 (onderzoek) runs as a lesson and as a report; its results are read from the kernel."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from lessonkit import outputs_text, run_and_probe
from netles import datasets, lessons
from netles.commands.research import LESSON_ONLY, _report_notebook

LESSON = lessons.lesson_path("05")


@pytest.fixture(scope="module")
def lesson(tmp_path_factory):
    probes = {
        "coach": "verandering.set_index(['group', 'metric']).loc[('netwerkcoach', 'size')].to_dict()",
        "usual": "verandering.set_index(['group', 'metric']).loc[('gebruikelijke_zorg', 'size')].to_dict()",
        "panel_dropped": "list(panel_verslag.dropped_reasons['egos'])",
        "groups": "sorted(vergelijking['group_a'].unique().tolist() + vergelijking['group_b'].unique().tolist())",
        "position": "positie.columns.tolist()",
        "problems": "problemen",
    }
    return run_and_probe(LESSON, {"casus": "pubers_ic"}, probes, cwd=tmp_path_factory.mktemp("les05"), timeout=300)


@pytest.mark.slow
def test_the_coach_arm_grows_and_care_as_usual_does_not(lesson):
    _, values = lesson
    assert values["coach"]["ci_low"] > 0 and values["usual"]["ci_high"] < 0
    assert values["coach"]["n"] >= 15 and values["usual"]["n"] >= 15  # k = 3 keeps most of the panel


@pytest.mark.slow
def test_anonymising_the_panel_drops_the_care_workers_names(lesson):
    nb, values = lesson
    assert "begeleider" in values["panel_dropped"]
    shown = "".join(outputs_text(c) for c in nb.cells if c.cell_type == "code")
    for name in ("Marloes", "Joris", "Fatima", "Henk", "Ilse", "Said"):
        assert name not in shown


@pytest.mark.slow
def test_the_case_is_placed_among_the_groups(lesson):
    nb, values = lesson
    assert values["position"] == ["casus", "ggz", "lvb", "ouderen"]
    shown = "".join(outputs_text(c) for c in nb.cells if c.cell_type == "code")
    assert datasets.case_title(datasets.load_case("pubers_ic"), "nl") in shown  # the case's own title
    assert values["problems"]["egos"] == 120 and values["problems"]["problems"] == []


def test_effect_size_and_intervals_are_explained_before_the_results():
    nb = nbformat.read(str(LESSON), as_version=4)
    text = [c.source for c in nb.cells]
    explained = next(i for i, t in enumerate(text) if "Effectgrootte en interval in gewone woorden" in t)
    first_result = next(i for i, t in enumerate(text) if "compare.compare_groups(" in t)
    assert explained < first_result
    assert "Hedges' g" in text[explained] and "95%-betrouwbaarheidsinterval" in text[explained]


def test_the_lesson_has_exercises_and_the_report_leaves_the_lesson_out():
    nb = nbformat.read(str(LESSON), as_version=4)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert markdown.count("**Opdracht ") == 3
    report = _report_notebook("nl")
    kept = "\n".join(c.source for c in report.cells)
    for part in ("## Leerdoelen", "## Voor de docent", "## Wat neem je mee", "concept_quiz", "**Opdracht 1", "interval_lab",
                 "group_explorer", "Waar staat jouw casus"):
        assert part in markdown + "\n".join(c.source for c in nb.cells) and part not in kept, part
    assert all(LESSON_ONLY not in c.metadata.get("tags", []) for c in report.cells)
    assert "Stap 5: verandering over de tijd" in kept and "Hoe lees je een vergelijking?" in kept
    english = _report_notebook("en")
    assert english.cells[0].source == "# Research: comparing the networks of groups"
