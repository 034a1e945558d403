"""Assignments without nbgrader runs: the generator, the reading of answers, the notebooks' rules.

The slow, end-to-end proof with nbgrader itself (release byte-identical to ``generate_assignment``,
Validator, autograde equal to ``netles opdrachten nakijken``) is in ``test_assignments_nbgrader.py``.
Here each test cell is judged in-process, scored with nbgrader's own ``determine_grade``.
"""
from __future__ import annotations

import ast
import contextlib
import hashlib
import io
import json
import re
import shutil
import sys
import tempfile
import warnings

import nbformat
import pytest

from netles import ValidationError, assignments as A
from netles.assignments import AnswerError
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


def _meta(cell):
    return cell.metadata.get("nbgrader", {})


def _source(name):
    return A.read_notebook(A.source_path(name))


def _release(name):
    return A.read_notebook(A.release_path(name))


# -- the generator -------------------------------------------------------------------------------


def test_one_assignment_per_theme():
    assert NAMES == ["thema1_visie", "thema2_kwaliteit", "thema3_mantelzorg", "thema4_versterken"]


def test_release_is_in_sync_with_source(tmp_path):
    written = A.release(out=tmp_path)
    released = A.assignments_dir() / "release"
    assert sorted(p.name for p in released.iterdir() if p.is_dir()) == NAMES, "release has stale or missing folders"
    for path in written:
        committed = released / path.parent.name / path.name
        assert committed.read_bytes() == path.read_bytes(), (
            f"{committed} differs from what the generator makes: run `netles opdrachten vrijgeven`")


def test_answer_line_stays_and_model_answer_goes():
    src = _nb(_answer("# ✏️ vul in\ndichtheid = ...\n### BEGIN SOLUTION\ndichtheid = 0.27\n### END SOLUTION"))
    out = A.student_version(src)
    assert out.cells[0].source == "# ✏️ vul in\ndichtheid = ...\n"
    assert "0.27" in src.cells[0].source, "the source must not be changed"


def test_stub_keeps_indentation_inside_a_function():
    src = _nb(_answer("def f(x):\n    y = 1\n    ### BEGIN SOLUTION\n    y = x + 1\n    ### END SOLUTION\n    return y"))
    assert A.student_version(src).cells[0].source == "def f(x):\n    y = 1\n    \n    return y"


def test_written_answers_are_replaced_and_hidden_tests_removed():
    written = _cell("markdown", "Model answer", grade=True, solution=True, grade_id="w", points=2)
    test = _test("x = 1\n### BEGIN HIDDEN TESTS\nassert x == 1\n### END HIDDEN TESTS\nprint('ok')")
    out = A.student_version(_nb(written, test))
    assert out.cells[0].source == A.TEXT_STUB
    assert out.cells[1].source == "x = 1\nprint('ok')"


def test_lock_and_checksum_like_nbgrader():
    test = _test("assert True", grade_id="t1", points=2)
    test.outputs = [nbformat.v4.new_output("stream", text="x")]
    test.execution_count = 3
    given = _cell("code", "import netles", grade=False, solution=False, locked=True, grade_id="g")
    out = A.student_version(_nb(_answer("x = ...\n### BEGIN SOLUTION\nx = 1\n### END SOLUTION"), test, given))
    answer, locked, readonly = out.cells
    assert answer.metadata["deletable"] is False and "editable" not in answer.metadata
    assert locked.metadata["deletable"] is False and locked.metadata["editable"] is False
    assert readonly.metadata["editable"] is False and "checksum" in _meta(readonly)
    assert locked.outputs == [] and locked.execution_count is None
    m = hashlib.md5()  # nbgrader 0.9 utils.compute_checksum, spelled out
    for part in ("assert True", "code", "True", "False", "True", "t1", "2.0"):
        m.update(part.encode())
    assert _meta(locked)["checksum"] == m.hexdigest()


@pytest.mark.parametrize("cells, what", [
    ([_cell("code", "### BEGIN SOLUTION\nx = 1\n### END SOLUTION")], "not an answer cell"),
    ([_answer("### BEGIN SOLUTION\nx = 1")], "without"),
    ([_answer("x = 1\n### END SOLUTION")], "without"),
    ([_answer("### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION")], "nested"),
    ([_answer("x = 1", "a"), _test("assert x", "a")], "used twice"),
    ([_cell("code", "### BEGIN HIDDEN TESTS\nassert 1\n### END HIDDEN TESTS")], "not a graded cell"),
    ([_cell("code", "assert 1", grade=True, solution=False, grade_id="t")], "needs points"),
])
def test_inconsistent_sources_are_refused(cells, what):
    with pytest.raises(ValidationError, match=what):
        A.student_version(_nb(*cells))


def test_fill_solutions_and_fill_answers():
    src = _nb(_answer("# vul in\nd = ...\n### BEGIN SOLUTION\nd = 0.27\n### END SOLUTION", "a"),
              _cell("markdown", "model", grade=True, solution=True, grade_id="w", points=2))
    student = A.student_version(src)
    assert A.fill_solutions(student, src).cells[0].source == "# vul in\nd = ...\nd = 0.27"
    filled = A.fill_answers(student, {"d": '"0,27"', "w": "Mijn antwoord"})
    assert filled.cells[0].source == '# vul in\nd = "0,27"\n' and filled.cells[1].source == "Mijn antwoord"
    with pytest.raises(KeyError, match="not asked"):
        A.fill_answers(student, {"e": "1"})


def test_release_command_regenerates_into_a_given_folder(tmp_path, capsys):
    root = tmp_path / "opdrachten"
    shutil.copytree(A.assignments_dir() / "source" / NAMES[0], root / "source" / NAMES[0])
    assert cli_main(["opdrachten", "vrijgeven", "--map", str(root)]) == 0
    made = root / "release" / NAMES[0] / f"{NAMES[0]}.ipynb"
    assert made.read_bytes() == A.release_path(NAMES[0]).read_bytes()
    assert "vrijgegeven" in capsys.readouterr().out


def test_course_config_is_written_with_the_required_stubs(tmp_path, capsys):
    course = tmp_path / "cursus"
    assert cli_main(["opdrachten", "vrijgeven", NAMES[1], "--map", str(A.assignments_dir()),
                     "--nbgrader-cursus", str(course)]) == 0
    config = (course / "nbgrader_config.py").read_text()
    namespace = {"get_config": lambda: _Config()}
    exec(compile(config, "nbgrader_config.py", "exec"), namespace)
    c = namespace["c"]
    assert c.ClearSolutions.code_stub == {"python": A.CODE_STUB}
    assert c.ClearSolutions.text_stub == A.TEXT_STUB
    assert (course / "source" / NAMES[1] / f"{NAMES[1]}.ipynb").read_bytes() == A.source_path(NAMES[1]).read_bytes()
    out = capsys.readouterr().out
    assert f"nbgrader generate_assignment {NAMES[1]}" in out


class _Config:
    """Enough of traitlets' config object to read nbgrader_config.py."""

    def __getattr__(self, name):
        value = _Config()
        object.__setattr__(self, name, value)
        return value


# -- reading what the student meant --------------------------------------------------------------


@pytest.mark.parametrize("given, meant", [
    (0.27, 0.27), ("0,27", 0.27), ("0.27", 0.27), (" 0,27 ", 0.27), ((0, 27), 0.27), ("27%", 0.27), (3, 3.0),
    ({"0,5"}, 0.5),
])
def test_numbers_are_read_as_meant(given, meant):
    assert A.read_number(given, "dichtheid").value == pytest.approx(meant)


def test_a_comma_is_explained_in_dutch():
    assert "komma" in str(A.read_number("0,27", "dichtheid"))
    assert "zonder aanhalingstekens" in str(A.read_number((0, 27), "dichtheid"))


@pytest.mark.parametrize("reader, args", [
    (A.read_number, ()), (A.read_choice, ("abc",)), (A.read_choices, ("abc",)), (A.read_order, ("abc",)),
    (A.read_name, ({"A": "Ineke"},)), (A.read_names, ({"A": "Ineke"},)), (A.read_mapping, ("ab", "xy")),
])
def test_an_unanswered_question_fails_with_a_dutch_hint(reader, args):
    with pytest.raises(AnswerError, match="nog niet ingevuld: vervang de drie puntjes"):
        reader(..., *args, name="vraag")
    assert issubclass(AnswerError, AssertionError), "a test cell must fail on it as on any assert"


@pytest.mark.parametrize("given", ["b", "B", " b) ", "(B)", "antwoord b", ["b"], {"B"}])
def test_a_choice_in_any_case_or_dress(given):
    assert A.read_choice(given, "abcd").value == "b"


@pytest.mark.parametrize("given", ["RA", "R, A", "r en a", "r a", ["R", "a"], {"A", "R"}, "R;A", "reanimeren, activeren"])
def test_a_string_of_letters_is_a_set(given):
    options = {"R": "reanimeren", "A": "activeren", "D": "deblokkeren", "I": "intensiveren", "O": "onderhouden"}
    reading = A.read_choices(given, options, "interventies")
    assert reading.value == frozenset({"R", "A"})
    if isinstance(given, str) and len(given) > 1:
        assert "gelezen als de keuzes A, R" in str(reading)


def test_typos_in_names_are_read_as_the_closest_name_and_said():
    names = {"A": "Mirjam (moeder)", "B": "Karel (vader)", "D": "persoonlijk begeleider", "F": "Ria (oma)"}
    for typed, key in [("Mirjam", "A"), ("mirjm", "A"), ("MIRJAM (MOEDER)", "A"), ("moeder", "A"),
                       ("begeleider", "D"), ("Karell", "B"), ("oma", "F")]:
        assert A.read_name(typed, names, "spil").value == key, typed
    reading = A.read_name("Mirjm", names, "spil")
    assert str(reading) == "spil: gelezen als Mirjam (moeder). 'Mirjm' is gelezen als 'Mirjam (moeder)'."
    with pytest.raises(AnswerError, match="staat niet in de casus"):
        A.read_name("Kees", names)
    assert A.read_names("mirjam en karel", names).value == {"A", "B"}


def test_a_mapping_keeps_what_it_can_read_and_says_what_not():
    reading = A.read_mapping({"A": "r", "b": "x"}, "abc", {"R": "reanimeren", "I": "intensiveren"}, "radio")
    assert reading.value == {"a": "R"}
    assert "Niet gelezen: b" in str(reading) and "Nog niet ingevuld: c" in str(reading)


def test_an_order_needs_every_choice_once():
    assert A.read_order("c, a, b", "abc").value == ("c", "a", "b")
    with pytest.raises(AnswerError, match="meer dan één keer"):
        A.read_order("a, a, b", "abc")


def test_partial_points_round_down_to_quarters():
    assert [A.partial_points(k, 5, 3) for k in range(6)] == [0.0, 0.5, 1.0, 1.75, 2.25, 3.0]


def test_reading_never_writes_to_stderr(capfd):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning would reach stderr in a kernel
        for given in ("0,27", (0, 27), "x"):
            with contextlib.suppress(AnswerError):
                A.read_number(given)
        A.read_choices("ra", "RADIO")
        A.read_name("mirjm", {"A": "Mirjam (moeder)"})
    assert capfd.readouterr().err == ""


# -- the notebooks: answered without code ---------------------------------------------------------


def _solution_code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code" and _meta(c).get("solution")
            and "verdieping" not in c.metadata.get("tags", [])]


@pytest.mark.parametrize("name", NAMES)
def test_every_graded_answer_is_assignments_of_literals(name):
    for cell in _solution_code_cells(_source(name)):
        tree = ast.parse(cell.source)
        assert tree.body, _meta(cell)["grade_id"]
        for statement in tree.body:
            assert isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(
                statement.targets[0], ast.Name), f"{_meta(cell)['grade_id']}: {ast.unparse(statement)}"
            ast.literal_eval(statement.value)  # raises for anything but a literal
    for cell in _source(name).cells:
        if _meta(cell).get("solution") and "verdieping" not in cell.metadata.get("tags", []):
            assert cell.cell_type == "code" or _meta(cell).get("grade"), "a written answer is a graded markdown cell"


@pytest.mark.parametrize("name", NAMES)
def test_each_answer_cell_has_one_marked_line_per_answer_with_an_example(name):
    for cell in _solution_code_cells(_release(name)):
        lines = [line for line in cell.source.split("\n") if line.strip()]
        assert lines[0].startswith("# ✏️ Vraag"), lines[0]
        answers = A.answer_variables(cell.source)
        assert answers and len(lines) == 1 + len(answers), cell.source
        assert all("voorbeeld" in line or "een getal" in line for line in lines[1:]), cell.source


@pytest.mark.parametrize("name", NAMES)
def test_the_student_version_is_valid_python_everywhere(name):
    for cell in _release(name).cells:
        if cell.cell_type == "code":
            ast.parse(cell.source)


@pytest.mark.parametrize("name", NAMES)
def test_programming_is_an_optional_verdieping_without_points(name):
    nb = _source(name)
    heads = [i for i, c in enumerate(nb.cells) if c.cell_type == "markdown"
             and c.source.startswith("## Verdieping (voor wie wil programmeren)")]
    assert len(heads) == 1 and "verdieping" in nb.cells[heads[0]].metadata.get("tags", [])
    tagged = [i for i, c in enumerate(nb.cells) if "verdieping" in c.metadata.get("tags", [])]
    assert tagged and min(tagged) == heads[0]
    assert not any(_meta(nb.cells[i]).get("grade") for i in tagged), "verdieping carries no points"
    outside = [c for i, c in enumerate(nb.cells) if i not in tagged and c.cell_type == "code"]
    for cell in outside:
        for node in ast.walk(ast.parse(cell.source)):
            if _meta(cell).get("solution"):
                assert not isinstance(node, (ast.FunctionDef, ast.For, ast.While, ast.Call)), _meta(cell)["grade_id"]


def _question_before(nb, index):
    for cell in reversed(nb.cells[:index]):
        if cell.cell_type == "markdown" and not _meta(cell):
            return cell.source
    return ""


@pytest.mark.parametrize("name", NAMES)
def test_every_written_answer_shows_a_three_level_rubric_in_the_release(name):
    nb = _release(name)
    written = [i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and _meta(c).get("grade")]
    assert len(written) >= 3
    for i in written:
        question = _question_before(nb, i)
        assert "| criterium | onvoldoende (0) | voldoende (1) | goed (2) |" in question, _meta(nb.cells[i])["grade_id"]
        criteria = [row for row in question.split("\n") if row.startswith("| ") and not row.startswith("| criterium")
                    and not row.startswith("|---")]
        assert all(row.count("|") == 5 and "|  |" not in row for row in criteria)
        assert _meta(nb.cells[i])["points"] == 2 * len(criteria), "0, 1 or 2 points per criterion"
        assert f"({_meta(nb.cells[i])['points']:g} punten)" in question
        assert nb.cells[i].source == A.TEXT_STUB
        goals = re.search(r"Rubric \(leerdoel ([\d, en]+)\):", question)
        assert goals, "each rubric names the learning goals it assesses"
        listed = re.findall(r"^(\d+)\. ", nb.cells[0].source, flags=re.M)
        assert set(re.findall(r"\d+", goals.group(1))) <= set(listed)


@pytest.mark.parametrize("name", NAMES)
def test_points_in_the_question_text_match_the_test_cells(name):
    nb = _source(name)
    for i, cell in enumerate(nb.cells):
        if _meta(cell).get("grade") and cell.cell_type == "code":
            question = _question_before(nb, i)
            points = _meta(cell)["points"]
            assert f"({points:g} punt" in question, (_meta(cell)["grade_id"], points)


@pytest.mark.parametrize("name", NAMES)
def test_notebooks_follow_the_house_rules(name):
    for path in (A.source_path(name), A.release_path(name)):
        nb = json.loads(path.read_text(encoding="utf-8"))
        assert nb["metadata"]["kernelspec"]["name"] == "python3"
        assert not any(c.get("outputs") for c in nb["cells"]), f"{path} has stored outputs"
        assert sum("parameters" in c["metadata"].get("tags", []) for c in nb["cells"]) == 1
        assert "../data" not in path.read_text(encoding="utf-8")
    release_text = A.release_path(name).read_text(encoding="utf-8")
    assert "BEGIN SOLUTION" not in release_text and "HIDDEN TESTS" not in release_text
    assert "Modelantwoord" not in release_text
    for cell in _source(name).cells:
        if cell.cell_type != "code" or _meta(cell).get("solution") or "verdieping" in cell.metadata.get("tags", []):
            continue
        # given cells: read-only for nbgrader (grading restores them) and out of the students' way
        assert _meta(cell).get("locked"), cell.source[:60]
        if "parameters" not in cell.metadata.get("tags", []):
            assert cell.metadata.get("jupyter", {}).get("source_hidden") is True, cell.source[:60]
    first = next(c for c in _source(name).cells if c.cell_type == "code" and "parameters" not in c.metadata.get("tags", []))
    assert "prepare_notebook()" in first.source, "warnings off and figures kept: the first given cell"


@pytest.mark.parametrize("name", NAMES)
def test_cases_are_loaded_by_name_through_the_library(name):
    text = A.source_path(name).read_text(encoding="utf-8")
    assert "load_case(" in text and ".json\"" not in text


# -- judging the test cells, as nbgrader scores them ---------------------------------------------


def _graded_view(name, answers):
    """The release filled in as a student would, with the source's test cells put back (as
    nbgrader's OverwriteCells does)."""
    view = A.fill_answers(_release(name), answers)
    tests = {_meta(c)["grade_id"]: c for c in _source(name).cells if _meta(c).get("grade") and c.cell_type == "code"}
    for cell in view.cells:
        if _meta(cell).get("grade_id") in tests:
            cell.source = tests[_meta(cell)["grade_id"]].source
    return view


def _judge(name, answers, until=None):
    """Run the code cells in-process up to test cell ``until``; score each test cell with
    nbgrader's determine_grade. Returns grade_id -> (points, output text)."""
    from nbgrader.utils import determine_grade

    scores, namespace = {}, {"__name__": "__main__", "display": lambda *a, **k: None}
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):  # the editors save next to the notebook
        _judge_cells(_graded_view(name, answers), until, scores, namespace, determine_grade)
    return scores


def _judge_cells(view, until, scores, namespace, determine_grade):
    for cell in view.cells:
        if cell.cell_type != "code" or "verdieping" in cell.metadata.get("tags", []):
            continue
        out, outputs = io.StringIO(), []
        try:
            tree = ast.parse(cell.source)
            last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
            with contextlib.redirect_stdout(out), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                exec(compile(tree, "<cell>", "exec"), namespace)
                if last is not None:
                    value = eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace)
                    if value is not None and _meta(cell).get("grade"):
                        outputs.append(nbformat.v4.new_output("execute_result", data={"text/plain": repr(value)}))
        except Exception as exc:  # noqa: BLE001 - a failing cell, as in a kernel
            outputs.append(nbformat.v4.new_output("error", ename=type(exc).__name__, evalue=str(exc), traceback=[]))
            out.write(str(exc))
        if _meta(cell).get("grade"):
            cell.outputs = outputs
            scores[_meta(cell)["grade_id"]] = (determine_grade(cell)[0], out.getvalue())
            if _meta(cell)["grade_id"] == until:
                break


def test_theme1_no_forced_domains_and_no_pre_ticked_widget():
    from netles.widgets.lesson_widgets import schalock_widget

    assert schalock_widget()[1].result["network_domains"] == [], "no domain starts marked"
    source = _source("thema1_visie")
    text = json.dumps([c.source for c in source.cells])
    assert "schalock_widget" not in text, "the widget pre-ticks relations and inclusion"
    a1 = next(c for c in source.cells if _meta(c).get("grade_id") == "a1_domeinen_test")
    assert "relations" not in a1.source and "inclusion" not in a1.source
    written = next(c for c in source.cells if _meta(c).get("grade_id") == "a4_domeinen_casus")
    assert _meta(written)["grade"] and "geen vaste goede keuze" in _question_before(source, source.cells.index(written))


def test_theme1_kanteling_scores_per_need_and_reads_words_for_rungs():
    scores = _judge("thema1_visie", {"treden": '{"a": "netwerk", "b": 4, "c": "2", "d": 1, "e": 3}'}, until="b2_treden_test")
    points, said = scores["b2_treden_test"]
    assert points == A.partial_points(4, 5, 3) and "Kijk nog eens naar e" in said
    assert scores["a1_domeinen_test"][0] == 0 and "nog niet ingevuld" in scores["a1_domeinen_test"][1]


def test_theme2_density_is_read_with_a_comma_and_interpreted_without_invented_cut_offs():
    scores = _judge("thema2_kwaliteit", {"dichtheid": '"0,13"', "antwoord_b2": '"B"'}, until="b2_betekenis_test")
    assert scores["b1_dichtheid_test"][0] == 1 and "komma" in scores["b1_dichtheid_test"][1]
    assert scores["b2_betekenis_test"][0] == 1
    tests = " ".join(c.source for c in _source("thema2_kwaliteit").cells if _meta(c).get("grade"))
    assert not re.search(r"0[.,][37]\b", tests), "no density cut-offs 0.3 / 0.7"


def test_theme3_a_professional_is_not_the_spil_of_informal_care():
    scores = _judge("thema3_mantelzorg", {"spil": '"persoonlijk begeleider"'}, until="b1_spil_test")
    assert scores["b1_spil_test"][0] == 0 and "professional is geen spil" in scores["b1_spil_test"][1]
    assert _judge("thema3_mantelzorg", {"spil": '"mirjm"'}, until="b1_spil_test")["b1_spil_test"][0] == 1


def test_theme3_assesses_strategies_liability_and_the_six_steps():
    ids = {_meta(c).get("grade_id") for c in _source("thema3_mantelzorg").cells}
    assert {"e1_fasen_test", "e2_uitspraken_test", "f1_verantwoordelijk_test", "f2_stappen_test",
            "f3_misgaan_test", "d1_interview"} <= ids
    scores = _judge("thema3_mantelzorg", {
        "verantwoordelijk": '{"a": "netwerklid", "b": "het netwerklid", "c": "organisatie", "d": "netwerk"}',
        "stappen": '"b e f c a d"'}, until="f2_stappen_test")
    assert scores["f1_verantwoordelijk_test"][0] == A.partial_points(3, 4, 2)
    assert scores["f2_stappen_test"][0] == 1


def test_theme4_zorgkracht_is_not_multiplexity():
    text = A.source_path("thema4_versterken").read_text(encoding="utf-8")
    assert "DOEL_KENMERK" not in text and '"multiplexity"' not in text
    scores = _judge("thema4_versterken", {"antwoord_c2": '"a"'}, until="c2_zorgkracht_test")
    assert scores["c2_zorgkracht_test"][0] == 0


def test_theme4_radio_accepts_words_and_scores_partly():
    scores = _judge("thema4_versterken", {"radio_keuze": '{"a": "reanimeren", "b": "i", "c": "D", "d": "O", "e": "A"}'},
                    until="b1_radio_test")
    assert scores["b1_radio_test"][0] == A.partial_points(3, 5, 2)


def test_assignments_name_their_lessons():
    for name, lessons in {"thema1_visie": ("01a", "01b"), "thema2_kwaliteit": ("02a", "02b"),
                          "thema3_mantelzorg": ("03a", "03b"), "thema4_versterken": ("04a", "04b")}.items():
        intro = _source(name).cells[0].source
        assert all(key in intro for key in lessons) and "**Leerdoelen.**" in intro


def test_readme_counts_match_the_notebooks():
    readme = (A.assignments_dir() / "README.md").read_text(encoding="utf-8")
    assert "opdracht 7" not in readme.split("## De opdrachten")[1].split("\n\n")[1].split("thema3_mantelzorg")[0]
    for name in NAMES:
        nb = _source(name)
        auto = sum(_meta(c)["points"] for c in nb.cells if _meta(c).get("grade") and c.cell_type == "code")
        manual = sum(_meta(c)["points"] for c in nb.cells if _meta(c).get("grade") and c.cell_type == "markdown")
        row = next(line for line in readme.split("\n") if line.startswith(f"| `{name}`"))
        assert f"{auto:g} punten automatisch" in row and f"{manual:g} punten met rubric" in row, row
    assert "verplicht" in readme and 'c.ClearSolutions.code_stub = {"python": ""}' in readme


def test_netles_command_is_wired():
    import subprocess

    done = subprocess.run([sys.executable, "-m", "netles.cli", "opdrachten", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "vrijgeven" in done.stdout and "nakijken" in done.stdout


def test_theme4_compares_the_moments_the_student_saves_with_the_editor(tmp_path, monkeypatch):
    """The student's path of issue 16 item 4: the editor opens Gerda at the start, "Bewaar als
    moment" twice around a change, and the comparison cell compares those two moments."""
    monkeypatch.chdir(tmp_path)
    cells = {_meta(c).get("grade_id"): c.source for c in _release("thema4_versterken").cells if c.cell_type == "code"}
    namespace = {"display": lambda *a, **k: None}
    for grade_id in ("parameters", "gegeven_01"):
        exec(cells[grade_id], namespace)
    editor_cell = next(g for g, src in cells.items() if "network_editor(path=KAART" in src)
    compare_cell = next(g for g, src in cells.items() if "moments_to_compare(KAART" in src and g.startswith("gegeven"))
    exec(cells[editor_cell], namespace)
    exec(cells[compare_cell], namespace)
    assert "nog geen twee momenten" in namespace["welke"] and len(namespace["vergelijking"].arrived) == 5
    state = namespace["editor_staat"]
    state.save_moment("start", "2025-01-10")
    state.add_alter("Wilma", "club_member", contact="weekly")
    state.save_moment("na een jaar", "2026-01-10")
    exec(cells[compare_cell], namespace)
    assert "eigen momenten 'start'" in namespace["welke"]
    assert list(namespace["vergelijking"].arrived["name"]) == ["Wilma"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gerda_in_de_tijd.json"]
