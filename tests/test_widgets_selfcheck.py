"""The self-check widget, driven through its real widgets (set .value, click)."""
import pytest

from netles.widgets import self_check
from netles.widgets.selfcheck import parse_number


def _submit_enter(text_widget):
    # What the browser sends when Enter is pressed in a Text widget.
    text_widget._handle_string_msg(None, {"event": "submit"}, None)


def test_number_answer_with_decimal_comma_and_hint():
    widget, state = self_check("Dichtheid?", 4 / 15, hint="2t / (n(n-1))", answer="4/15")
    widget.answer_box.value = "0,5"
    widget.check_button.click()
    assert not state.correct and state.attempts == 1
    assert "Nog niet goed" in widget.feedback.value and "2t / (n(n-1))" in widget.feedback.value
    assert widget.answer_html.value == "" and not state.revealed  # never revealed unasked
    widget.answer_box.value = "0,27"
    _submit_enter(widget.answer_box)
    assert state.correct and state.attempts == 2
    assert "Goed zo" in widget.feedback.value
    assert "4/15" not in widget.answer_html.value


def test_answer_only_on_request():
    widget, state = self_check("Hoeveel?", 6, answer="zes alters")
    assert widget.reveal_button.layout.display is None
    widget.reveal_button.click()
    assert state.revealed and "zes alters" in widget.answer_html.value


def test_no_reveal_button_without_answer():
    widget, _ = self_check("Hoeveel?", 6)
    assert widget.reveal_button.layout.display == "none"


def test_text_and_alternatives_ignore_case_and_spaces():
    _, state = self_check("Welke sector?", ["familie", "family"])
    assert state.submit("  Familie ")
    assert state.submit("FAMILY")
    assert not state.submit("buren")


def test_callable_check_with_message():
    def check(text):
        return (text.startswith("bond"), "Denk aan hechte groepen.")

    _, state = self_check("Bonding of bridging?", check, hint="Kijk naar de dichtheid.")
    assert not state.submit("bridging")
    assert "Denk aan hechte groepen." in state.feedback and "Kijk naar de dichtheid." in state.feedback
    assert state.submit("bonding")


def test_not_a_number_and_empty():
    _, state = self_check("Omvang?", 6)
    assert not state.submit("zes") and "getal" in state.feedback
    assert not state.submit("   ") and state.attempts == 1  # empty does not count as an attempt


def test_english_labels():
    widget, state = self_check("Size?", 6, hint="count", lang="en")
    assert widget.check_button.description == "Check"
    state.submit("5")
    assert state.feedback == "Not right yet. Hint: count"


@pytest.mark.parametrize("text,value", [("0,27", 0.27), ("27%", 0.27), ("4/15", 4 / 15), ("-1.5", -1.5), ("", None), ("nan", None)])
def test_parse_number(text, value):
    assert parse_number(text) == (pytest.approx(value) if value is not None else None)


def test_revealed_density_is_written_as_the_question_asks():
    # issue 11: lesson 02 asks for the density "in two decimals"; "Toon antwoord" showed "6 / 36"
    widget, state = self_check("Wat is de dichtheid van dit netwerk (twee decimalen)?", 6 / 36, answer="6 / 36")
    widget.reveal_button.click()
    assert "6 / 36 = 0,17" in widget.answer_html.value
    widget_en, _ = self_check("What is the density?", 6 / 36, answer="6 / 36", lang="en")
    widget_en.reveal_button.click()
    assert "6 / 36 = 0.17" in widget_en.answer_html.value
    # an answer that already ends in the number, or is the number, is not repeated
    _, state = self_check("?", 4 / 15, answer="4/15 = 0,27")
    assert state.reveal() == "4/15 = 0,27"
    _, state = self_check("?", 0.266666, answer=0.266666)
    assert state.reveal() == "0,27"
    _, state = self_check("Hoeveel?", 6, answer="zes alters")
    assert state.reveal() == "zes alters = 6"
    _, state = self_check("Welke?", "bonding", answer="bonding: ties inside a group")
    assert state.reveal() == "bonding: ties inside a group"


def test_an_answer_that_states_the_number_is_left_alone():
    _, state = self_check("Hoeveel?", 3, answer="3 (tel de bolletjes in de binnenste ring)", tol=0)
    assert state.reveal() == "3 (tel de bolletjes in de binnenste ring)"
    _, state = self_check("Hoeveel?", 3, answer="13 mensen", tol=0)
    assert state.reveal() == "13 mensen = 3"
    _, state = self_check("?", 6 / 36, answer="6 / 36")
    assert state.reveal() == "6 / 36 = 0,17"
