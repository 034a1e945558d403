"""The concept quiz: the yaml format of the contract, the three kinds of question, feedback after
"Controleer", Dutch number input, clear errors for malformed files; every bundled quiz is valid."""
from __future__ import annotations

from pathlib import Path

import ipywidgets as W
import pytest

from netles.errors import ValidationError
from netles.content import content_dir
from netles.widgets import concept_quiz
from netles.widgets.quiz import load_quiz

QUIZ = """
- question: {nl: "Welke steunfunctie is een lift naar het ziekenhuis?", en: "Which support function is a lift to hospital?"}
  kind: choice
  options:
    - {nl: emotionele steun, en: emotional support}
    - {nl: praktische hulp, en: practical help}
    - {nl: gezelschap, en: companionship}
  answer: 1
  explanation: {nl: "Een lift is praktische hulp.", en: "A lift is practical help."}
- question: {nl: "Welke twee horen bij bonding?", en: "Which two belong to bonding?"}
  kind: multi
  options:
    - {nl: familie, en: family}
    - {nl: collega van een ander bedrijf, en: colleague at another firm}
    - {nl: beste vriendin, en: best friend}
  answer: [2, 0]
  explanation: {nl: "Bonding verbindt gelijken.", en: "Bonding links people alike."}
- question: {nl: "Wat is de dichtheid (twee decimalen)?", en: "What is the density (two decimals)?"}
  kind: number
  answer: 0.27
  tolerance: 0.005
  explanation: {nl: "4 van de 15 mogelijke banden.", en: "4 of the 15 possible ties."}
"""


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "02a.yaml").write_text(QUIZ, encoding="utf-8")
    return tmp_path


def _all_widgets(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _all_widgets(child)


def test_nothing_is_answered_at_the_start(folder):
    widget, quiz = concept_quiz("02a", folder=folder)
    assert quiz.results == [None, None, None] and quiz.score == 0 and quiz.feedback == ["", "", ""]
    assert quiz.controls[0].value is None  # no option pre-selected: the answer is not given away
    assert not any(box.value for box in quiz.controls[1].children)
    assert quiz.controls[2].value == ""
    assert "0 van de 3 goed" in quiz.score_label.value
    assert "Test jezelf" in widget.children[0].value


def test_choice_right_and_wrong_with_explanation(folder):
    _, quiz = concept_quiz("02a", folder=folder)
    assert quiz.submit(0, 0) is False
    assert quiz.feedback[0].startswith("Nog niet goed.")
    assert "praktische hulp" in quiz.feedback[0] and "Een lift is praktische hulp." in quiz.feedback[0]
    assert quiz.controls[0].value == 0  # the page shows what was submitted
    assert quiz.submit(0, 1) is True and quiz.feedback[0].startswith("Goed!") and quiz.score == 1


def test_multi_needs_exactly_the_right_set(folder):
    _, quiz = concept_quiz("02a", folder=folder)
    assert quiz.submit(1, [0]) is False
    assert "familie en beste vriendin" in quiz.feedback[1]
    assert quiz.submit(1, [2, 0]) is True
    assert [box.value for box in quiz.controls[1].children] == [True, False, True]


@pytest.mark.parametrize("typed,right", [("0,27", True), ("0.27", True), (" 0,274 ", True), ("27%", True),
                                         ("0,3", False), ("4/15", True)])
def test_number_accepts_dutch_comma_and_tolerance(folder, typed, right):
    _, quiz = concept_quiz("02a", folder=folder)
    assert quiz.submit(2, typed) is right
    if not right:
        assert "0,27" in quiz.feedback[2]  # the right answer in Dutch notation


def test_number_that_is_not_a_number_is_not_counted(folder):
    _, quiz = concept_quiz("02a", folder=folder)
    assert quiz.submit(2, "veel") is None
    assert "geen getal" in quiz.feedback[2] and quiz.results[2] is None
    assert quiz.submit(2, "") is None and "Typ eerst" in quiz.feedback[2]
    assert quiz.submit(0, None) is None and "Kies eerst" in quiz.feedback[0]


def test_controleer_button_checks_what_the_student_chose(folder):
    widget, quiz = concept_quiz("02a", folder=folder)
    buttons = [w for w in _all_widgets(widget) if isinstance(w, W.Button)]
    assert [b.description for b in buttons] == ["Controleer"] * 3
    quiz.controls[0].value = 1
    buttons[0].click()
    assert quiz.results[0] is True and "Goed!" in quiz.outputs[0].value
    quiz.controls[1].children[0].value = True
    buttons[1].click()
    assert quiz.results[1] is False and "Nog niet goed" in quiz.outputs[1].value
    quiz.controls[2].value = "0,27"
    buttons[2].click()
    assert quiz.score == 2 and "2 van de 3 goed" in quiz.score_label.value


def test_english(folder):
    widget, quiz = concept_quiz("02a", lang="en", folder=folder)
    assert quiz.controls[0].options[1] == ("practical help", 1)
    quiz.submit(2, "0.3")
    assert quiz.feedback[2].startswith("Not quite.") and "0.27" in quiz.feedback[2]
    assert [b.description for b in _all_widgets(widget) if isinstance(b, W.Button)][0] == "Check"


def test_every_widget_has_its_own_layout(folder):
    widget, _ = concept_quiz("02a", folder=folder)
    layouts = [w.layout for w in _all_widgets(widget) if hasattr(w, "layout")]
    assert len({id(layout) for layout in layouts}) == len(layouts)


@pytest.mark.parametrize("bad,field", [
    ("- {question: {nl: a}, kind: choice, options: [{nl: x, en: x}, {nl: y, en: y}], answer: 0, explanation: {nl: e, en: e}}",
     "question"),
    ("- {question: {nl: a, en: a}, kind: essay, answer: 0, explanation: {nl: e, en: e}}", "kind"),
    ("- {question: {nl: a, en: a}, kind: choice, options: [{nl: x, en: x}, {nl: y, en: y}], answer: 2, explanation: {nl: e, en: e}}",
     "answer"),
    ("- {question: {nl: a, en: a}, kind: multi, options: [{nl: x, en: x}, {nl: y, en: y}], answer: 1, explanation: {nl: e, en: e}}",
     "answer"),
    ("- {question: {nl: a, en: a}, kind: number, answer: veel, explanation: {nl: e, en: e}}", "answer"),
    ("- {question: {nl: a, en: a}, kind: number, answer: 1, explanation: {nl: e}}", "explanation"),
])
def test_malformed_quiz_names_file_question_and_field(tmp_path, bad, field):
    (tmp_path / "09.yaml").write_text(bad, encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        load_quiz("09", tmp_path)
    assert err.value.field == field and "09.yaml" in str(err.value) and "question 1" in str(err.value)


def test_missing_quiz_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        concept_quiz("99", folder=tmp_path)


@pytest.mark.parametrize("path", sorted((content_dir() / "quiz").glob("*.yaml")), ids=lambda p: p.stem)
def test_every_bundled_quiz_is_valid_and_has_about_five_questions(path: Path):
    items = load_quiz(path.stem)
    assert 4 <= len(items) <= 8, f"{path.name}: {len(items)} questions; a concept quiz has about five"
    concept_quiz(path.stem, lang="en")


def test_long_radio_options_grow_instead_of_covering_the_next_one():
    # 03a question 4: the wrapped third option ran under the fourth, whose label covered its radio
    # button (the browser driver's click on it timed out: "label intercepts pointer events")
    from netles.widgets.quiz import concept_quiz

    widget, _ = concept_quiz("03a")
    head = widget.children[0].value
    assert ".netles-quiz .widget-radio-box label{height:auto" in head and "netles-quiz" in widget._dom_classes
