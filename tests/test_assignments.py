"""Assignments: the release generator, and every assignment end to end.

For each assignment the source notebook runs with all its tests passing, the released student
version runs top to bottom with every autograded test failing, and the student version filled with
the model answers passes every test again (with the hidden tests put back, as in grading).
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys

import nbformat
import pytest

from netles import ValidationError, assignments as A
from netles.cli import main as cli_main

NAMES = A.assignment_names()
PYTHON3 = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}


def _nb(*cells):
    nb = nbformat.v4.new_notebook(metadata=dict(PYTHON3))
    nb.cells = list(cells)
    return nb


def _cell(kind, source, **meta):
    cell = nbformat.v4.new_code_cell(source) if kind == "code" else nbformat.v4.new_markdown_cell(source)
    if meta:
        cell.metadata["nbgrader"] = {"schema_version": 3, "locked": False, **meta}
    return cell


def _answer(source, grade_id="a"):
    return _cell("code", source, grade=False, solution=True, grade_id=grade_id)


def _test(source, grade_id="t", points=1):
    return _cell("code", source, grade=True, solution=False, locked=True, grade_id=grade_id, points=points)


# -- the generator -------------------------------------------------------------------------------


def test_there_is_an_assignment_per_theme():
    for theme in ("thema1_", "thema2_", "thema3_", "thema4_"):
        assert any(n.startswith(theme) for n in NAMES), theme


def test_release_is_in_sync_with_source(tmp_path):
    written = A.release(out=tmp_path)
    assert sorted(p.parent.name for p in written) == NAMES
    released = A.assignments_dir() / "release"
    assert sorted(p.name for p in released.iterdir() if p.is_dir()) == NAMES, "release has stale or missing folders"
    for path in written:
        committed = released / path.parent.name / path.name
        assert committed.read_bytes() == path.read_bytes(), (
            f"{committed} differs from what the generator makes: run `netles opdrachten vrijgeven`")


def test_solution_region_becomes_stub_keeping_indentation():
    src = _nb(_answer("def f(x):\n    ### BEGIN SOLUTION\n    return x + 1\n    ### END SOLUTION\n\ny = 2"))
    out = A.student_version(src)
    assert out.cells[0].source == "def f(x):\n    # JOUW CODE HIER\n    raise NotImplementedError()\n\ny = 2"
    assert src.cells[0].source.count("return x + 1") == 1, "the source must not be changed"


def test_answer_cells_without_markers_are_replaced_and_hidden_tests_removed():
    written = _cell("markdown", "Model answer and rubric", grade=True, solution=True, grade_id="w", points=2)
    test = _test("assert f(1) == 2\n### BEGIN HIDDEN TESTS\nassert f(5) == 6\n### END HIDDEN TESTS\nprint('ok')")
    plain = _answer("z = 3", grade_id="p")
    out = A.student_version(_nb(written, test, plain))
    assert out.cells[0].source == A.TEXT_STUB
    assert out.cells[1].source == "assert f(1) == 2\nprint('ok')"
    assert out.cells[2].source == A.CODE_STUB


def test_lock_and_checksum_like_nbgrader():
    test = _test("assert True", grade_id="t1", points=2)
    test.outputs = [nbformat.v4.new_output("stream", text="x")]
    test.execution_count = 3
    out = A.student_version(_nb(_answer("### BEGIN SOLUTION\nx = 1\n### END SOLUTION"), test))
    answer, locked = out.cells
    assert answer.metadata["deletable"] is False and "editable" not in answer.metadata
    assert locked.metadata["deletable"] is False and locked.metadata["editable"] is False
    assert locked.outputs == [] and locked.execution_count is None
    # nbgrader 0.9 utils.compute_checksum, spelled out
    m = hashlib.md5()
    for part in ("assert True", "code", "True", "False", "True", "t1", "2.0"):
        m.update(part.encode())
    assert locked.metadata["nbgrader"]["checksum"] == m.hexdigest()
    assert locked.metadata["nbgrader"]["cell_type"] == "code"
    assert answer.metadata["nbgrader"]["checksum"] != A.student_version(
        _nb(_answer("### BEGIN SOLUTION\nx = 1\n### END SOLUTION\n# extra"), test)).cells[0].metadata["nbgrader"]["checksum"]


@pytest.mark.parametrize("cells, what", [
    ([_cell("code", "### BEGIN SOLUTION\nx = 1\n### END SOLUTION")], "not an answer cell"),
    ([_answer("### BEGIN SOLUTION\nx = 1")], "without"),
    ([_answer("### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION")], "nested"),
    ([_answer("x = 1", "a"), _test("assert x", "a")], "used twice"),
    ([_cell("code", "### BEGIN HIDDEN TESTS\nassert 1\n### END HIDDEN TESTS")], "not a graded cell"),
    ([_cell("code", "assert 1", grade=True, solution=False, grade_id="t")], "needs points"),
])
def test_inconsistent_sources_are_refused(cells, what):
    with pytest.raises(ValidationError, match=what):
        A.student_version(_nb(*cells))


def test_fill_solutions_restores_each_block_in_place():
    src = _nb(_answer("a = 0\n### BEGIN SOLUTION\nb = 1\n### END SOLUTION\nif a == 0:\n"
                      "    ### BEGIN SOLUTION\n    c = 2\n    d = 3\n    ### END SOLUTION"))
    student = A.student_version(src)
    filled = A.fill_solutions(student, src)
    assert filled.cells[0].source == "a = 0\nb = 1\nif a == 0:\n    c = 2\n    d = 3"
    broken = A.student_version(src)
    broken.cells[0].source = broken.cells[0].source.replace("raise NotImplementedError()", "pass", 1)
    with pytest.raises(ValueError, match="stubs"):
        A.fill_solutions(broken, src)


def test_release_command_regenerates_into_a_given_folder(tmp_path, capsys):
    root = tmp_path / "opdrachten"
    shutil.copytree(A.assignments_dir() / "source" / NAMES[0], root / "source" / NAMES[0])
    assert cli_main(["opdrachten", "vrijgeven", "--map", str(root)]) == 0
    made = root / "release" / NAMES[0] / f"{NAMES[0]}.ipynb"
    assert made.read_bytes() == A.release_path(NAMES[0]).read_bytes()
    assert "vrijgegeven" in capsys.readouterr().out
    assert cli_main(["opdrachten", "vrijgeven", "bestaat_niet", "--map", str(root)]) == 2


# -- every assignment end to end -----------------------------------------------------------------


def _graded_code(nb):
    return [c for c in nb.cells if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade")]


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_source_runs_and_passes_all_tests(name, tmp_path):
    executed = A.run_notebook(A.read_notebook(A.source_path(name)), cwd=tmp_path)
    failing = {c.get("id"): A.cell_errors(c) for c in executed.cells if c.cell_type == "code" and A.cell_errors(c)}
    assert failing == {}
    assert _graded_code(executed), "an assignment needs autograded tests"


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_student_version_runs_and_its_tests_fail(name, tmp_path):
    student = A.read_notebook(A.release_path(name))
    executed = A.run_notebook(student, cwd=tmp_path)  # errors allowed: it must get to the end
    assert all(c.get("execution_count") for c in executed.cells if c.cell_type == "code"), "stopped early"
    passing = [c.metadata["nbgrader"]["grade_id"] for c in _graded_code(executed) if not A.cell_errors(c)]
    assert passing == [], f"tests that pass without an answer: {passing}"
    if name in MAPS:  # no map saved yet: the notebook says so and goes on with a bundled case
        assert "Nog geen" in _outputs_text(executed)


MAPS = {"thema2_kwaliteit": "mijn_netwerk.json", "thema4_versterken": "netwerkkaart.json"}


def _outputs_text(nb) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", "") if isinstance(out.get("text", ""), str) else "".join(out["text"]))
            parts.append(str(out.get("data", {}).get("text/plain", "")))
    return "\n".join(parts)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(MAPS))
def test_editor_assignments_analyse_the_saved_map(name, tmp_path):
    """With the student's saved map next to the notebook, the editor reopens it (unchanged) and the
    notebook analyses it; without one, it says so and falls back to a bundled case (tested above)."""
    import netles

    own = netles.datasets.load_case("pubers_ic").with_alter({"alter_id": "Z", "name": "Zonnebloem7", "relation": "friend"})
    path = tmp_path / MAPS[name]
    netles.write_network(own, path)
    before = path.read_bytes()
    executed = A.run_notebook(A.read_notebook(A.release_path(name)), cwd=tmp_path)
    text = _outputs_text(executed)
    assert f"{own.size} personen" in text and "Nog geen" not in text
    assert netles.read_network(path) == own, "the editor must not overwrite the student's map"
    assert before == path.read_bytes()


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_student_version_filled_with_model_answers_gets_full_marks(name, tmp_path):
    student = A.read_notebook(A.release_path(name))
    filled = A.fill_solutions(student, A.read_notebook(A.source_path(name)))
    path = tmp_path / f"{name}.ipynb"
    path.write_text(A.notebook_text(filled), encoding="utf-8")
    table = A.grade(path)  # source found by name; hidden tests put back
    auto = table[table["soort"] == "automatisch"]
    assert len(auto) >= 3
    assert (auto["punten"] == auto["max_punten"]).all(), auto.to_string()
    manual = table[table["soort"] == "handmatig"]
    assert len(manual) >= 2 and manual["punten"].isna().all(), "written answers go to the teacher"


@pytest.mark.slow
def test_grading_an_unanswered_notebook_gives_zero_and_restores_tampered_tests(tmp_path, capsys):
    name = "thema2_kwaliteit"
    student = A.read_notebook(A.release_path(name))
    # a student who answers nothing but deletes the asserts of a test cell gains nothing
    for cell in student.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "b1_structuur_test":
            cell.source = "pass"
    path = tmp_path / f"{name}.ipynb"
    path.write_text(A.notebook_text(student), encoding="utf-8")
    csv = tmp_path / "punten.csv"
    assert cli_main(["opdrachten", "nakijken", str(path), "--csv", str(csv)]) == 0
    out = capsys.readouterr().out
    assert "automatisch nagekeken: 0 van" in out
    assert "b1_structuur_test" in out and "niet beantwoord" in out
    assert csv.read_text().startswith("grade_id,soort,punten,max_punten,toelichting")


def test_assignment_notebooks_follow_the_house_rules():
    for name in NAMES:
        for path in (A.source_path(name), A.release_path(name)):
            nb = json.loads(path.read_text(encoding="utf-8"))
            assert nb["metadata"]["kernelspec"]["name"] == "python3"
            assert not any(c.get("outputs") for c in nb["cells"]), f"{path} has stored outputs"
            assert sum("parameters" in c["metadata"].get("tags", []) for c in nb["cells"]) == 1
            text = path.read_text(encoding="utf-8")
            assert "../data" not in text
        release_text = A.release_path(name).read_text(encoding="utf-8")
        assert "BEGIN SOLUTION" not in release_text and "HIDDEN TESTS" not in release_text
        assert "Modelantwoord" not in release_text


def test_netles_command_is_wired(tmp_path):
    done = subprocess.run([sys.executable, "-m", "netles.cli", "opdrachten", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "vrijgeven" in done.stdout and "nakijken" in done.stdout
