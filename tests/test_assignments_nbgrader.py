"""The assignments in a real nbgrader 0.9 course, and one grading truth with `netles opdrachten nakijken`.

One module-scoped course (made with the real ``netles`` command) holds the four assignments:

- ``nbgrader generate_assignment`` makes exactly netles' ``release/`` notebooks;
- the source passes nbgrader's Validator and the release fails it (no test passes unanswered);
- a set of submissions (blank, the model answers written as a student would, partly right with a
  tampered test cell and read-only cell, output on stderr, a student's own moments file) is graded by
  ``nbgrader autograde`` in the course and by ``netles opdrachten nakijken``: the points per cell are
  the same, the model answers get full points in both, nothing appears next to the submissions,
  and the feedback HTML carries the figures.

nbgrader runs take seconds each, so everything is batched: one autograde per assignment for all its
submissions, one ``nakijken`` call for all submissions.
"""
from __future__ import annotations

import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import netles
from netles import assignments as A

pytestmark = pytest.mark.slow

NAMES = A.assignment_names()
BIN = Path(sys.executable).parent

# The model answers, written as a student would: decimal commas, lower case, letters in one string,
# first names with typos, words instead of codes.
AS_A_STUDENT = {
    "thema1_visie": {
        "antwoord_a1": '"B"', "antwoord_a2": "'b'", "ladder": '"c d a b"',
        "treden": '{"a": "netwerk", "b": "4", "c": 2, "d": "eigen kracht", "e": 1}',
        "vaakst_genoemd": '"ineke"',
        "wetten": '{"A": "wmo", "b": "Jeugdwet", "c": "wlz", "d": "zorgverzekeringswet", "e": "participatiewet"}',
        "algemeen": '"a c e"', "antwoord_c3": '"b)"', "antwoord_a3": '"A"', "antwoord_c4": '"b"',
        "antwoord_c5": "'B'", "antwoord_c6": '"b "', "antwoord_c7": '"a"', "antwoord_d1": '"b"',
        "maatschappelijk": '"b, d en e"',
    },
    "thema2_kwaliteit": {
        "steun": '{"a": "Praktische hulp", "b": "emotionele steun", "c": "waardering", "d": "informatie", "e": "gezelschap"}',
        "dichtheid": '"0,13"', "antwoord_b2": '"b"', "ontbrekend": '"Waardering"', "meeste_steun": '"fact begeleider"',
        "antwoord_b5": '"B"', "verdwenen": '"riet, bertus en corrie"', "antwoord_b8": '"A"', "score_sociaal": '"3"',
        "score_emotioneel": "2", "antwoord_c2": '"a"', "antwoord_c3": '"b"',
    },
    "thema3_mantelzorg": {
        "mantelzorgers": '"A en C"', "spil": '"mirjm"', "antwoord_b2": '"b"', "antwoord_b3": '"B"', "csi_score": "11",
        "ediz_score": '"8"',
        "antwoord_c2": '"b"', "verwaterd": '"petra, nicole en lia"', "respijtzorg": '"ace"', "fasen": '"b e d a c"',
        "kloppen": '{"A", "C", "D", "E"}',
        "verantwoordelijk": '{"a": "netwerklid", "b": "het netwerklid", "c": "de organisatie", "d": "organisatie"}',
        "stappen": '"befcad"', "antwoord_f3": '"b"',
    },
    "thema4_versterken": {
        "antwoord_a1": '"C"',
        "doelen": '{"a": "contacten", "b": "dingen doen", "c": "praktisch", "d": "praktische hulp", "e": "Dingen doen"}',
        "stappen": '"c e g d a f b"', "radio_keuze": '{"a": "reanimeren", "b": "I", "c": "d", "d": "a", "e": "onderhouden"}',
        "passend": '{"a": "R", "b": "D", "c": "A"}', "doorsnijden": '"marcel"',
        "dimensies": '{"a": "bereikbaarheid", "b": "dichtheid", "c": "variatie", "d": "zorgkracht", "e": "omvang"}',
        "antwoord_c2": '"b"', "methoden": '{"a": "eigen kracht", "b": "Sociale rolversterking", "c": "netwerkcoach"}',
        "instrumenten": '{"a": "genogram", "b": "sociogram", "c": "netwerkcirkel", "d": "ecogram"}',
        "nieuwe_contacten": '"5"', "dichterbij": '"Joyce"',
        "vaardigheden": '{"a": "samenwerken", "b": "uitbreiden", "c": "Reanimeren", "d": "coordineren"}',
        "antwoord_e1": '"b"', "schadelijk": '"mark"', "antwoord_e3": '"b"', "dichterbij_esther": '"monique en yara"',
        "meldcode": '"b,d,a,e,c"', "antwoord_e6": '"B"',
    },
}


def _written(name):
    """Every written answer answered (so that it waits for the teacher)."""
    nb = A.read_notebook(A.release_path(name))
    return {c.metadata["nbgrader"]["grade_id"]: "Mijn antwoord, met de begrippen uit de les."
            for c in nb.cells if c.cell_type == "markdown" and c.metadata.get("nbgrader", {}).get("grade")}


def _filled(name, changes=None, written=True):
    answers = {**AS_A_STUDENT[name], **(changes or {})}
    if written:
        answers.update(_written(name))
    return A.fill_answers(A.read_notebook(A.release_path(name)), answers)


def _cell(nb, grade_id):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def _submissions(folder: Path) -> dict[str, tuple[str, Path]]:
    """student -> (assignment, notebook path), each in its own folder."""
    made = {}

    def put(student, name, nb, extra=None):
        path = folder / student / f"{name}.ipynb"
        path.parent.mkdir(parents=True)
        path.write_text(A.notebook_text(nb), encoding="utf-8")
        for file_name, network in (extra or {}).items():
            netles.write_network(network, path.parent / file_name)
        made[student] = (name, path)

    put("leeg1", "thema1_visie", A.read_notebook(A.release_path("thema1_visie")))
    put("model1", "thema1_visie", _filled("thema1_visie"))
    # partly right, a tampered test cell and a tampered read-only cell, and stderr from an answer cell
    partly = _filled("thema1_visie", {"antwoord_a1": '"a"', "ladder": '"a, b, c, d"',
                                      "treden": '{"a": 2, "b": 4, "c": 3, "d": 1, "e": 2}',
                                      "wetten": '{"a": "Wmo", "b": "Wmo", "c": "Wlz", "d": "Wlz", "e": "Participatiewet"}'})
    _cell(partly, "b1_ladder_test").source = "pass  # deze controle heb ik uitgezet"
    _cell(partly, "gegeven_01").source = 'casus = "niets"'
    _cell(partly, "a2_vraag").source += '\nimport sys; sys.stderr.write("een eigen melding\\n")'  # not a test cell
    put("deels1", "thema1_visie", partly)
    put("model2", "thema2_kwaliteit", _filled("thema2_kwaliteit"))
    put("model3", "thema3_mantelzorg", _filled("thema3_mantelzorg", written=False))
    put("model4", "thema4_versterken", _filled("thema4_versterken"))
    # a student who recorded two moments of their own (two new contacts, nobody moved closer), and
    # who sent print to stderr near the end: the test cells after that get no points
    start = netles.datasets.load_case("pilot_netwerkversterking").moment("voor")
    grown = start.with_alter({"alter_id": "N1", "name": "Fatma (buurvrouw)", "relation": "neighbour"}).with_alter(
        {"alter_id": "N2", "name": "Koor Zuid", "relation": "club_member"})
    recorded = netles.EgoNetwork.from_dict({**grown.to_dict(), "moments": start.with_moment(
        "start", "2025-01-10").to_dict()["moments"]}).with_moment("na een jaar", "2026-01-10")
    own = _filled("thema4_versterken", {"nieuwe_contacten": "2", "dichterbij": '"niemand"'})
    _cell(own, "e3_begrenzen").source += (
        '\nimport builtins, sys; builtins.print = lambda *a, **k: sys.stderr.write(" ".join(map(str, a)) + "\\n")')
    put("eigen4", "thema4_versterken", own, extra={"gerda_in_de_tijd.json": recorded})
    return made


def _nbgrader(course: Path, *args: str) -> str:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run([str(BIN / "nbgrader"), *args, f"--CourseDirectory.root={course}"], cwd=course,
                          env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def _tree(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*")}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """The course (made by `netles opdrachten vrijgeven --nbgrader-cursus`), nbgrader's autograde of
    the submissions, and `netles opdrachten nakijken` of the same submissions."""
    base = tmp_path_factory.mktemp("nbgrader")
    copy = base / "opdrachten"
    shutil.copytree(A.assignments_dir() / "source", copy / "source")
    course = base / "cursus"
    done = subprocess.run([str(BIN / "netles"), "opdrachten", "vrijgeven", "--map", str(copy),
                           "--nbgrader-cursus", str(course)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    for name in NAMES:
        _nbgrader(course, "generate_assignment", name, "--force")

    submissions = _submissions(base / "ingeleverd")
    for student, (name, path) in submissions.items():
        target = course / "submitted" / student / name
        shutil.copytree(path.parent, target)
    before = _tree(base / "ingeleverd")
    for name in NAMES:
        _nbgrader(course, "autograde", name, "--force")
    from nbgrader.api import Gradebook

    by_nbgrader = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for student, (name, _) in submissions.items():
            for grade in gradebook.find_submission_notebook(name, name, student).grades:
                by_nbgrader[(student, grade.name)] = (grade.auto_score, grade.max_score)

    csv, feedback = base / "punten.csv", base / "feedback"
    done = subprocess.run([str(BIN / "netles"), "opdrachten", "nakijken", *[str(p) for _, p in submissions.values()],
                           "--csv", str(csv), "--feedback", str(feedback)], capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stdout + done.stderr
    return {"course": course, "submissions": submissions, "nbgrader": by_nbgrader, "netles": pd.read_csv(csv),
            "stdout": done.stdout, "feedback": feedback, "before": before, "after": _tree(base / "ingeleverd")}


def test_release_is_what_nbgrader_generates(graded):
    for name in NAMES:
        made = graded["course"] / "release" / name / f"{name}.ipynb"
        assert made.read_bytes() == A.release_path(name).read_bytes(), name


def test_source_passes_nbgraders_validator_and_the_release_fails_it(tmp_path):
    from nbgrader.validator import Validator

    for name in NAMES:
        for kind, path in (("source", A.source_path(name)), ("release", A.release_path(name))):
            copy = tmp_path / kind / name / path.name  # the editors save next to the notebook
            copy.parent.mkdir(parents=True)
            shutil.copyfile(path, copy)
        assert Validator().validate(str(tmp_path / "source" / name / f"{name}.ipynb")) == {}, name
        assert Validator(invert=True).validate(str(tmp_path / "release" / name / f"{name}.ipynb")) == {}, name


def test_nakijken_gives_the_same_points_per_cell_as_nbgrader(graded):
    table = graded["netles"]
    ours = {(r.student, r.grade_id): (None if math.isnan(r.punten) else r.punten, r.max_punten)
            for r in table.itertuples()}
    assert set(ours) == set(graded["nbgrader"])
    differ = {k: (ours[k], graded["nbgrader"][k]) for k in ours
              if ours[k][1] != graded["nbgrader"][k][1] or (ours[k][0] is None) != (graded["nbgrader"][k][0] is None)
              or (ours[k][0] is not None and abs(ours[k][0] - graded["nbgrader"][k][0]) > 1e-9)}
    assert differ == {}


def _auto(graded, student):
    table = graded["netles"]
    return table[(table["student"] == student) & (table["soort"] == "automatisch")]


def test_the_model_answers_as_a_student_writes_them_get_full_points(graded):
    for student in ("model1", "model2", "model3", "model4"):
        auto = _auto(graded, student)
        assert len(auto) >= 8 and (auto["punten"] == auto["max_punten"]).all(), auto.to_string()
        assert all(graded["nbgrader"][(student, g)][0] == graded["nbgrader"][(student, g)][1] for g in auto["grade_id"])
    table = graded["netles"]
    written = table[(table["student"] == "model1") & (table["soort"] == "handmatig")]
    assert written["punten"].isna().all() and (written["toelichting"] == "nakijken met de rubric").all()
    unanswered = table[(table["student"] == "model3") & (table["soort"] == "handmatig")]
    assert (unanswered["punten"] == 0).all() and (unanswered["toelichting"] == "niet beantwoord").all()


def test_blank_partly_right_and_tampered_submissions(graded):
    blank = _auto(graded, "leeg1")
    assert (blank["punten"] == 0).all() and blank["toelichting"].str.contains("nog niet ingevuld").all()
    partly = _auto(graded, "deels1").set_index("grade_id")["punten"]
    assert partly["a1_domeinen_test"] == 0 and partly["a2_vraag_test"] == 1, "stderr in an answer cell costs nothing"
    assert partly["b1_ladder_test"] == 0, "the tampered test cell is put back"
    # the read-only cell that loads the case is put back too, or nothing after it would work
    assert partly["b2_treden_test"] == A.partial_points(3, 5, 3) and partly["c1_wetten_test"] == A.partial_points(3, 5, 2)
    assert partly["b3_vaakst_test"] == 1


AFTER_THE_NOISE = ["e3_begrenzen_test", "e4_dichterbij_test", "e5_meldcode_test", "e6_huisarts_test"]


def test_output_on_stderr_in_a_test_cell_costs_its_points_in_both(graded):
    auto = _auto(graded, "eigen4").set_index("grade_id")["punten"]
    assert (auto[AFTER_THE_NOISE] == 0).all()
    assert all(graded["nbgrader"][("eigen4", g)][0] == 0 for g in AFTER_THE_NOISE)


def test_the_truth_of_the_moments_follows_the_students_own_file(graded):
    auto = _auto(graded, "eigen4").set_index("grade_id")
    assert auto.loc["d2_nieuw_test", "punten"] == 1 and auto.loc["d3_dichterbij_test", "punten"] == 1
    before = auto.drop(AFTER_THE_NOISE)
    assert (before["punten"] == before["max_punten"]).all()


def test_grading_leaves_nothing_next_to_the_submissions(graded):
    assert graded["after"] == graded["before"]


def test_feedback_html_shows_the_figures(graded):
    import re

    files = sorted(p.name for p in graded["feedback"].iterdir())
    assert files == sorted(f"{s}_{n}.html" for s, (n, _) in graded["submissions"].items())
    html = (graded["feedback"] / "model4_thema4_versterken.html").read_text(encoding="utf-8")
    assert html.count('class="plotly-graph-div"') >= 2, "side-by-side netwerkcirkels and the ecogram"
    assert re.search(r"plotly\.js v\d", html), "plotly.js is embedded, so the figures show offline"
    assert "Plotly.newPlot" in html


def test_nakijken_prints_per_student_what_was_read(graded):
    out = graded["stdout"]
    assert "== model2 (" in out and "dichtheid: gelezen als 0,13" in out
    total = sum(c.metadata["nbgrader"]["points"] for c in A.read_notebook(A.source_path("thema2_kwaliteit")).cells
                if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code")
    assert f"automatisch nagekeken: {total:g} van {total:g} punten" in out
