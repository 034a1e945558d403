"""`netles opdrachten`: every ordinary mistake is one plain Dutch line and exit status 2, checked
before any work starts, with the real ``netles`` command of this environment."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from netles import assignments as A

NETLES = Path(sys.executable).parent / "netles"


def _netles(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(NETLES), "opdrachten", *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


def _mistake(done: subprocess.CompletedProcess, *words: str) -> None:
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("netles: "), done.stderr
    for word in words:
        assert word in lines[0], lines[0]
    assert done.stdout == "", "nothing was done"


@pytest.fixture
def notebook(tmp_path):
    """A handed-in notebook in a student's folder (the release, unanswered)."""
    path = tmp_path / "student" / "thema1_visie.ipynb"
    path.parent.mkdir()
    path.write_bytes(A.release_path("thema1_visie").read_bytes())
    return path


def test_a_notebook_that_does_not_exist(tmp_path):
    _mistake(_netles("nakijken", str(tmp_path / "weg" / "thema1_visie.ipynb")), "thema1_visie.ipynb bestaat niet")


def test_a_folder_instead_of_a_notebook(tmp_path):
    _mistake(_netles("nakijken", str(tmp_path)), "is een map; geef een bestand")


def test_a_file_that_is_not_a_notebook(tmp_path):
    path = tmp_path / "thema1_visie.docx"
    path.write_text("verslag")
    _mistake(_netles("nakijken", str(path)), "de naam moet eindigen op .ipynb")


def test_a_damaged_notebook(tmp_path):
    path = tmp_path / "thema1_visie.ipynb"
    path.write_text('{"cells": [')
    _mistake(_netles("nakijken", str(path)), "geen leesbaar notebook")


def test_a_notebook_with_a_broken_cell(notebook):
    """Valid JSON with cells, but not a valid notebook: said before nbgrader runs (which would only say
    "see the above traceback")."""
    notebook.write_text('{"cells": [{"cell_type": "code"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}')
    _mistake(_netles("nakijken", str(notebook)), "thema1_visie.ipynb is geen geldig notebook", "opnieuw in te leveren")
    assert [p.name for p in notebook.parent.iterdir()] == ["thema1_visie.ipynb"]


def test_a_notebook_of_no_known_assignment(notebook):
    renamed = notebook.with_name("mijn_opdracht.ipynb")
    notebook.rename(renamed)
    _mistake(_netles("nakijken", str(renamed)), "de naam van een opdracht", "--bron")


def test_a_missing_source(notebook, tmp_path):
    _mistake(_netles("nakijken", str(notebook), "--bron", str(tmp_path / "bron.ipynb")), "--bron", "bestaat niet")


def test_csv_into_a_folder(notebook, tmp_path):
    _mistake(_netles("nakijken", str(notebook), "--csv", str(tmp_path)), "is een map; geef een bestandsnaam")


def test_csv_with_another_suffix(notebook, tmp_path):
    _mistake(_netles("nakijken", str(notebook), "--csv", str(tmp_path / "punten.xlsx")), "moet eindigen op .csv")


def test_feedback_into_a_file(notebook):
    _mistake(_netles("nakijken", str(notebook), "--feedback", str(notebook)), "is een bestand; geef een map")


def test_grading_without_nbgrader(notebook, tmp_path):
    fake = tmp_path / "zonder_nbgrader" / "nbgrader"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('nbgrader is hier niet geïnstalleerd')\n")
    done = _netles("nakijken", str(notebook), env={"PYTHONPATH": str(fake.parent)})
    _mistake(done, "installeer het eerst: pip install")


def test_releasing_an_unknown_assignment():
    _mistake(_netles("vrijgeven", "thema9"), "er is geen opdracht 'thema9'", "thema1_visie")


def test_releasing_from_a_missing_folder(tmp_path):
    _mistake(_netles("vrijgeven", "--map", str(tmp_path / "weg")), "--map", "bestaat niet")


def test_releasing_from_a_folder_without_sources(tmp_path):
    _mistake(_netles("vrijgeven", "--map", str(tmp_path)), "geen map source/")


def test_a_course_folder_that_is_a_file(tmp_path):
    course = tmp_path / "cursus"
    course.write_text("")
    _mistake(_netles("vrijgeven", "--map", str(A.assignments_dir()), "--nbgrader-cursus", str(course)),
             "is een bestand; geef een map")
