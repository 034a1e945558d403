"""A self-check for exercises: a question, an answer field, feedback at once, a hint when the
answer is wrong, and the answer itself only when the student asks for it.

>>> widget, state = self_check("Hoeveel alters heeft het voorbeeldnetwerk?", 6, hint="Tel de rijen.")
>>> state.submit("5"), state.feedback
(False, 'Nog niet goed. Tip: Tel de rijen.')
>>> state.submit(" 6 "), state.feedback
(True, 'Goed zo!')
"""
from __future__ import annotations

import html
import math
import re
import numbers
from typing import Any, Callable

import ipywidgets as W

from .. import vocab

__all__ = ["self_check", "SelfCheckState", "parse_number", "format_number"]

_T = {
    "check": ("Controleer", "Check"),
    "answer_placeholder": ("jouw antwoord", "your answer"),
    "right": ("Goed zo!", "Correct!"),
    "wrong": ("Nog niet goed.", "Not right yet."),
    "hint": ("Tip:", "Hint:"),
    "empty": ("Vul eerst een antwoord in.", "Fill in an answer first."),
    "reveal": ("Toon antwoord", "Show answer"),
    "answer": ("Antwoord:", "Answer:"),
    "not_a_number": ("Vul een getal in (een komma mag ook: 0,27).", "Enter a number (a decimal comma is fine too: 0,27)."),
}


def _t(key: str, lang: str) -> str:
    return _T[key][vocab.LANGUAGES.index(lang)]


def parse_number(text: str) -> float | None:
    """A number typed by a student, with a decimal comma or point; None if it is not a number.

    Examples
    --------
    >>> parse_number("0,27"), parse_number(" 4.5 "), parse_number("1/3"), parse_number("veel")
    (0.27, 4.5, 0.3333333333333333, None)
    """
    text = (text or "").strip().replace(" ", "")
    if text.endswith("%"):
        value = parse_number(text[:-1])
        return None if value is None else value / 100
    if text.count("/") == 1:
        top, bottom = (parse_number(part) for part in text.split("/"))
        if top is None or not bottom:
            return None
        return top / bottom
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def format_number(value: float, digits: int = 2, lang: str = "nl") -> str:
    """A number as a student is asked to type it: ``digits`` decimals, a decimal comma in Dutch.

    Examples
    --------
    >>> format_number(6 / 36), format_number(6 / 36, lang="en"), format_number(4.0, 0)
    ('0,17', '0.17', '4')
    """
    text = f"{float(value):.{digits}f}"
    return text.replace(".", ",") if lang == "nl" else text


def _normalise(text: str) -> str:
    return " ".join(str(text).strip().lower().split())


def _checker(check: Any, tol: float) -> Callable[[str], tuple[bool, str | None]]:
    """Turn ``check`` into a function ``text -> (right, extra feedback or None)``."""
    if callable(check):
        def run(text: str) -> tuple[bool, str | None]:
            result = check(text)
            if isinstance(result, tuple):
                return bool(result[0]), result[1]
            if isinstance(result, str):  # a message means "not yet" with that message
                return False, result
            return bool(result), None
        return run
    options = list(check) if isinstance(check, (list, tuple, set, frozenset)) else [check]
    if all(isinstance(o, numbers.Real) and not isinstance(o, bool) for o in options):
        def run(text: str) -> tuple[bool, str | None]:
            value = parse_number(text)
            if value is None:
                return False, "not_a_number"
            return any(abs(value - float(o)) <= tol for o in options), None
        return run
    accepted = {_normalise(o) for o in options}
    return lambda text: (_normalise(text) in accepted, None)


class SelfCheckState:
    """What happened in a self-check: attempts, whether the last answer was right, the feedback.

    Attributes
    ----------
    attempts : int
        Answers checked so far (empty answers do not count).
    correct : bool
        Whether the last checked answer was right.
    feedback : str
        The last feedback shown.
    revealed : bool
        Whether the student asked to see the answer.
    number : float or None
        The right number, when the check is one number.
    digits : int
        Decimals in which the number is shown when revealed.
    """

    def __init__(self, check: Any, hint: str | None = None, answer: Any = None, lang: str = "nl", tol: float = 0.005,
                 digits: int = 2):
        if lang not in vocab.LANGUAGES:
            raise ValueError(f"lang must be one of {vocab.LANGUAGES}, not {lang!r}")
        self.lang = lang
        self.hint = hint
        self.answer = answer
        is_number = isinstance(check, numbers.Real) and not isinstance(check, bool)
        # a count (an int) is shown as a whole number, a share with ``digits`` decimals
        self.digits = 0 if isinstance(check, numbers.Integral) else digits
        self.number = float(check) if is_number else None
        self._check = _checker(check, tol)
        self.attempts = 0
        self.correct = False
        self.feedback = ""
        self.revealed = False

    def submit(self, text: str) -> bool:
        """Check an answer; sets :attr:`feedback` (with the hint when wrong) and returns whether it is right."""
        if not str(text or "").strip():
            self.correct = False
            self.feedback = _t("empty", self.lang)
            return False
        self.attempts += 1
        right, extra = self._check(str(text))
        self.correct = right
        if right:
            self.feedback = _t("right", self.lang)
        else:
            parts = [_t("wrong", self.lang)]
            if extra:
                parts.append(_t(extra, self.lang) if extra in _T else extra)
            if self.hint:
                parts.append(f"{_t('hint', self.lang)} {self.hint}")
            self.feedback = " ".join(parts)
        return right

    def reveal(self) -> str:
        """Show the answer (only when asked); returns it as text.

        When the check is a number, the answer ends in that number written the way the question asks
        for it (:attr:`digits` decimals, a decimal comma in Dutch): a worked answer such as
        ``"6 / 36"`` becomes ``"6 / 36 = 0,17"``, so the student sees what to type.
        """
        self.revealed = True
        if self.answer is None:
            return ""
        if self.number is None:
            return str(self.answer)
        number = format_number(self.number, self.digits, self.lang)
        if isinstance(self.answer, numbers.Real) and not isinstance(self.answer, bool):
            return number
        text = str(self.answer).strip()
        # an answer that already states the number ("3 (tel de bolletjes ...)", "4/15 = 0,27") stays as it is
        if re.search(rf"(?<![\d,.]){re.escape(number)}(?![\d]|[,.]\d)", text):
            return text
        return f"{text} = {number}"


def self_check(
    question: str,
    check: Any,
    hint: str | None = None,
    answer: Any = None,
    lang: str = "nl",
    *,
    tol: float = 0.005,
    digits: int = 2,
) -> tuple[W.Widget, SelfCheckState]:
    """A question with an answer field that checks itself.

    The student types an answer and presses Enter or the check button: feedback appears at once,
    with the hint when the answer is not right yet. The answer is shown only after a click on
    "Toon antwoord" (and only if ``answer`` is given).

    Parameters
    ----------
    question : str
        The question (may contain simple HTML such as ``<b>``).
    check : number, str, list, or callable
        What counts as right. A number: the typed number (decimal comma allowed, also ``1/3`` and
        ``27%``) within ``tol``. A text: the same text, ignoring case and extra spaces. A list:
        any of its items. A callable ``check(text)`` returning a bool, or ``(bool, message)``.
    hint : str, optional
        Shown with every wrong answer.
    answer : object, optional
        The model answer, revealed on request. With a numeric ``check`` the revealed answer ends in
        the number written as the student should type it (``digits`` decimals, decimal comma in
        Dutch), e.g. ``"6 / 36 = 0,17"``.
    lang : {"nl", "en"}
        Language of the buttons and feedback.
    tol : float
        Allowed difference for numeric answers (default 0.005, so 0,27 is right for 4/15).
    digits : int
        Decimals of the number in the revealed answer (default 2).

    Returns
    -------
    (widget, SelfCheckState)
        The widget has the parts ``answer_box`` (Text), ``check_button``, ``feedback`` (HTML),
        ``reveal_button`` and ``answer_html``.

    Examples
    --------
    >>> widget, state = self_check("Wat is de dichtheid?", 4 / 15, answer="4 / 15")
    >>> widget.answer_box.value = "0,27"
    >>> widget.check_button.click()
    >>> state.correct, "0,27" in widget.answer_html.value
    (True, False)
    >>> widget.reveal_button.click()
    >>> "0,27" in widget.answer_html.value
    True
    """
    state = SelfCheckState(check, hint=hint, answer=answer, lang=lang, tol=tol, digits=digits)
    box = W.VBox(layout=W.Layout(border="1px solid #ccc", padding="6px", margin="4px 0", max_width="720px"))
    box.add_class("netles-selfcheck")
    box.question = W.HTML(f"<div>{question}</div>")
    box.answer_box = W.Text(placeholder=_t("answer_placeholder", lang), layout=W.Layout(width="260px"))
    box.check_button = W.Button(description=_t("check", lang), button_style="primary")
    box.feedback = W.HTML()
    box.reveal_button = W.Button(description=_t("reveal", lang), layout=W.Layout(display=None if answer is not None else "none"))
    box.answer_html = W.HTML()

    def on_check(_=None) -> None:
        right = state.submit(box.answer_box.value)
        colour = "#1d5e20" if right else "#a40000"
        box.feedback.value = f'<span style="color:{colour}">{html.escape(state.feedback)}</span>'

    def on_reveal(_=None) -> None:
        text = state.reveal()
        box.answer_html.value = f"<div><b>{_t('answer', lang)}</b> {html.escape(text)}</div>"

    import warnings

    with warnings.catch_warnings():  # Enter checks the answer (see the editor's name field)
        warnings.simplefilter("ignore", DeprecationWarning)
        box.answer_box.on_submit(on_check)
    box.check_button.on_click(on_check)
    box.reveal_button.on_click(on_reveal)
    box.children = [box.question, W.HBox([box.answer_box, box.check_button]), box.feedback, box.reveal_button, box.answer_html]
    return box, state
