"""The concept quiz of a lesson: about five questions that check themselves, no code needed.

The questions live in ``netles/lesson_content/quiz/<key>.yaml`` (key = the lesson's key, e.g.
``02a``), each Dutch and English::

    - question: {nl: "...", en: "..."}
      kind: choice            # choice (one answer) | multi (several) | number
      options: [{nl: "...", en: "..."}, ...]   # choice/multi
      answer: 1               # option index (choice), list of indices (multi), number (number)
      tolerance: 0.01         # number only
      explanation: {nl: "...", en: "..."}      # shown after "Controleer"

A student picks an answer (nothing is picked at the start), clicks *Controleer* and reads whether
it is right, the right answer if not, and the explanation. A number may be typed the Dutch way
(``0,25``), with a point, as a fraction or a percentage.

Examples
--------
>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "02a.yaml").write_text('''
... - question: {nl: "Hoeveel steunfuncties zijn er?", en: "How many support functions are there?"}
...   kind: number
...   answer: 5
...   explanation: {nl: "Praktisch, emotioneel, gezelschap, waardering, informatie.",
...                 en: "Practical, emotional, companionship, appraisal, information."}
... ''')
>>> widget, quiz = concept_quiz("02a", folder=folder)
>>> quiz.submit(0, "5,0")
True
>>> quiz.score, quiz.feedback[0].startswith("Goed")
(1, True)
"""
from __future__ import annotations

import html
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import ipywidgets as W

from ..content import content_dir
from ..errors import Problem, ValidationError

__all__ = ["QuizItem", "QuizState", "load_quiz", "concept_quiz", "quiz_path"]

KINDS = ("choice", "multi", "number")
_LANGS = ("nl", "en")

_T = {
    "title": ("Test jezelf", "Check yourself"),
    "intro": ("Kies of typ je antwoord en klik op Controleer.", "Choose or type your answer and click Check."),
    "check": ("Controleer", "Check"),
    "right": ("Goed!", "Right!"),
    "wrong": ("Nog niet goed.", "Not quite."),
    "answer_is": ("Het goede antwoord is: {answer}.", "The right answer is: {answer}."),
    "answers_are": ("De goede antwoorden zijn: {answer}.", "The right answers are: {answer}."),
    "choose_first": ("Kies eerst een antwoord.", "Choose an answer first."),
    "type_first": ("Typ eerst een getal, bijvoorbeeld 0,25.", "Type a number first, for example 0.25."),
    "not_a_number": ("'{text}' is geen getal; typ bijvoorbeeld 0,25.", "'{text}' is not a number; type e.g. 0.25."),
    "score": ("{score} van de {total} goed", "{score} of {total} right"),
    "placeholder": ("typ een getal, bijv. 0,25", "type a number, e.g. 0.25"),
    "and": (" en ", " and "),
}


def _t(key: str, lang: str, **kw: Any) -> str:
    text = _T[key][_LANGS.index(lang)]
    return text.format(**kw) if kw else text


@dataclass(frozen=True)
class QuizItem:
    """One question of a concept quiz (texts are ``{"nl": ..., "en": ...}``)."""

    question: dict
    kind: str
    answer: Any
    explanation: dict
    options: tuple = ()
    tolerance: float = 0.0


def quiz_path(key: str, folder: str | os.PathLike | None = None) -> Path:
    """The quiz file of lesson ``key`` (in ``folder``, default ``netles/lesson_content/quiz``)."""
    return (Path(folder) if folder is not None else content_dir() / "quiz") / f"{key}.yaml"


def _texts(value: Any, where: dict, name: str) -> dict:
    if not isinstance(value, dict) or not all(isinstance(value.get(lang), str) and value[lang].strip() for lang in _LANGS):
        raise ValidationError(Problem("needs a text in both languages", field=name, allowed="{nl: ..., en: ...}", **where))
    return {lang: value[lang].strip() for lang in _LANGS}


def _is_index(value: Any, n: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < n


def load_quiz(key: str, folder: str | os.PathLike | None = None) -> list[QuizItem]:
    """The questions of lesson ``key``'s quiz, checked.

    Raises
    ------
    FileNotFoundError
        If the lesson has no quiz file.
    netles.errors.ValidationError
        If an item is malformed (the message names the file, the item and the field).
    """
    import yaml

    path = quiz_path(key, folder)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ValidationError(Problem(f"is not valid YAML ({exc})", file=str(path))) from None
    if not isinstance(raw, list) or not raw:
        raise ValidationError(Problem("must be a non-empty list of questions", file=str(path)))
    items = []
    for i, entry in enumerate(raw, start=1):
        where = {"file": str(path), "row": f"question {i}"}
        if not isinstance(entry, dict):
            raise ValidationError(Problem("must be a mapping with question, kind, answer, explanation", **where))
        kind = entry.get("kind", "choice")
        if kind not in KINDS:
            raise ValidationError(Problem(f"unknown kind {kind!r}", field="kind", allowed=", ".join(KINDS), **where))
        question = _texts(entry.get("question"), where, "question")
        explanation = _texts(entry.get("explanation"), where, "explanation")
        answer = entry.get("answer")
        options: tuple = ()
        tolerance = 0.0
        if kind in ("choice", "multi"):
            raw_options = entry.get("options")
            if not isinstance(raw_options, list) or len(raw_options) < 2:
                raise ValidationError(Problem("needs at least two options", field="options", **where))
            options = tuple(_texts(o, where, f"options[{j}]") for j, o in enumerate(raw_options))
            if kind == "choice" and not _is_index(answer, len(options)):
                raise ValidationError(Problem(f"is {answer!r}", field="answer",
                                              allowed=f"the index of one option, 0 to {len(options) - 1}", **where))
            if kind == "multi":
                if not isinstance(answer, list) or not answer or not all(_is_index(a, len(options)) for a in answer):
                    raise ValidationError(Problem(f"is {answer!r}", field="answer",
                                                  allowed=f"a list of option indices, 0 to {len(options) - 1}", **where))
                answer = sorted(set(answer))
        else:
            if isinstance(answer, bool) or not isinstance(answer, (int, float)) or not math.isfinite(answer):
                raise ValidationError(Problem(f"is {answer!r}", field="answer", allowed="a number", **where))
            tolerance = entry.get("tolerance", 0.0)
            if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or tolerance < 0:
                raise ValidationError(Problem(f"is {tolerance!r}", field="tolerance", allowed="a number >= 0", **where))
        items.append(QuizItem(question, kind, answer, explanation, options, float(tolerance)))
    return items


def _format_number(value: float, tolerance: float, lang: str) -> str:
    """A number with the decimals its value and tolerance need, with a decimal comma in Dutch.

    >>> _format_number(0.27, 0.01, "nl"), _format_number(5, 0, "nl"), _format_number(1.5, 0, "en")
    ('0,27', '5', '1.5')
    """
    own = len(repr(float(value)).split(".")[1].rstrip("0")) if not float(value).is_integer() else 0
    needed = max(0, math.ceil(-math.log10(tolerance) - 1e-9)) if 0 < tolerance < 1 else 0
    text = f"{value:.{min(6, max(own, needed))}f}"
    return text.replace(".", ",") if lang == "nl" else text


@dataclass
class QuizState:
    """The answers, results and feedback of one quiz.

    Attributes
    ----------
    items : list of QuizItem
    lang : str
    results : list
        Per question ``True`` (right), ``False`` (wrong) or ``None`` (not checked yet).
    feedback : list of str
        Per question the text shown after *Controleer* (``""`` before).
    """

    items: list
    lang: str = "nl"
    results: list = field(default_factory=list)
    feedback: list = field(default_factory=list)
    checked: list = field(default_factory=list, repr=False)
    controls: list = field(default_factory=list, repr=False)
    outputs: list = field(default_factory=list, repr=False)
    score_label: Any = field(default=None, repr=False)

    def __post_init__(self):
        self.results = [None] * len(self.items)
        self.feedback = [""] * len(self.items)
        self.checked = [None] * len(self.items)  # the verdict of the last click (None: no answer given)

    @property
    def score(self) -> int:
        """How many questions were answered right."""
        return sum(1 for r in self.results if r)

    @property
    def total(self) -> int:
        return len(self.items)

    def _answer_text(self, item: QuizItem) -> str:
        if item.kind == "number":
            return _format_number(item.answer, item.tolerance, self.lang)
        picked = [item.answer] if item.kind == "choice" else item.answer
        return _t("and", self.lang).join(item.options[i][self.lang] for i in picked)

    def value(self, i: int):
        """The answer now given in question ``i``'s control (None if none)."""
        item, control = self.items[i], self.controls[i] if i < len(self.controls) else None
        if control is None:
            return None
        if item.kind == "choice":
            return control.value
        if item.kind == "multi":
            return [j for j, box in enumerate(control.children) if box.value] or None
        return control.value

    def _show(self, i: int, value) -> None:
        """Put ``value`` in question ``i``'s control, so the page shows what was submitted."""
        if i >= len(self.controls) or value is None:
            return
        item, control = self.items[i], self.controls[i]
        if item.kind == "choice":
            control.value = value
        elif item.kind == "multi":
            for j, box in enumerate(control.children):
                box.value = j in set(value)
        else:
            control.value = str(value)

    def submit(self, i: int, value) -> bool | None:
        """Answer question ``i`` with ``value`` and check it.

        ``value`` is an option index (choice), a list of indices (multi) or a number or text such
        as ``"0,25"`` (number). Returns whether it is right, or None if there was no answer (the
        feedback then asks for one).
        """
        from .selfcheck import parse_number

        item, lang = self.items[i], self.lang
        self._show(i, value)
        right: bool | None
        if item.kind == "number":
            text = "" if value is None else str(value).strip()
            number = parse_number(text) if text else None
            if not text:
                right, message = None, _t("type_first", lang)
            elif number is None:
                right, message = None, _t("not_a_number", lang, text=text)
            else:
                right = abs(number - float(item.answer)) <= item.tolerance + 1e-12
                message = ""
        elif value is None or value == [] or (item.kind == "multi" and not isinstance(value, (list, tuple, set))):
            right, message = None, _t("choose_first", lang)
        elif item.kind == "choice":
            right, message = int(value) == item.answer, ""
        else:
            right, message = sorted(set(int(v) for v in value)) == item.answer, ""
        if right is not None:
            key = "answer_is" if item.kind != "multi" else "answers_are"
            verdict = _t("right", lang) if right else _t("wrong", lang) + " " + _t(key, lang, answer=self._answer_text(item))
            message = f"{verdict} {item.explanation[lang]}"
            self.results[i] = right
        self.feedback[i] = message
        self.checked[i] = right
        self._render(i)
        return right

    def check(self, i: int) -> bool | None:
        """Check what question ``i``'s control holds (what *Controleer* does)."""
        return self.submit(i, self.value(i))

    def _render(self, i: int) -> None:
        if i < len(self.outputs):
            colour = {True: "#1b7f3b", False: "#b3261e", None: "#555555"}[self.checked[i]]
            self.outputs[i].value = (f'<div class="netles-quiz-feedback" style="color:{colour};margin:2px 0 6px 0">'
                                     f"{html.escape(self.feedback[i])}</div>") if self.feedback[i] else ""
        if self.score_label is not None:
            self.score_label.value = (f'<p class="netles-quiz-score"><b>'
                                      f'{_t("score", self.lang, score=self.score, total=self.total)}</b></p>')


# ipywidgets gives every radio option a fixed height: a long option wraps onto the next one, whose
# label then covers the radio button above it (a click on it chose the next answer). Options grow
# with their text here.
_QUIZ_CSS = (".netles-quiz .widget-radio-box label{height:auto;min-height:var(--jp-widgets-radio-item-height,24px);"
             "line-height:1.35;margin-bottom:4px;white-space:normal}")


def concept_quiz(key: str, lang: str = "nl", *, folder: str | os.PathLike | None = None) -> tuple[W.Widget, QuizState]:
    """The concept quiz of lesson ``key`` as a widget.

    Parameters
    ----------
    key : str
        The lesson key (``"02a"``); the questions come from ``netles/lesson_content/quiz/<key>.yaml``.
    lang : {"nl", "en"}
    folder : path, optional
        Another folder with quiz files (for tests).

    Returns
    -------
    (ipywidgets.VBox, QuizState)
        ``state.submit(i, value)`` answers question ``i`` as a click would; ``state.score`` and
        ``state.feedback`` tell how it went.
    """
    if lang not in _LANGS:
        raise ValueError(f"lang must be 'nl' or 'en', not {lang!r}")
    items = load_quiz(key, folder)
    state = QuizState(items, lang)
    rows: list[W.Widget] = [W.HTML(f"<style>{_QUIZ_CSS}</style><h4 style='margin:4px 0'>{_t('title', lang)}</h4>"
                                   f"<p style='margin:0 0 6px 0'>{_t('intro', lang)}</p>")]
    for i, item in enumerate(items):
        question = W.HTML(f"<p style='margin:8px 0 2px 0'><b>{i + 1}.</b> {html.escape(item.question[lang])}</p>",
                          layout=W.Layout(width="100%"))
        if item.kind == "choice":
            control = W.RadioButtons(options=[(o[lang], j) for j, o in enumerate(item.options)], value=None,
                                     layout=W.Layout(width="100%"))
        elif item.kind == "multi":
            control = W.VBox([W.Checkbox(value=False, description=o[lang], indent=False,
                                         layout=W.Layout(width="100%")) for o in item.options],
                             layout=W.Layout(width="100%"))
        else:
            control = W.Text(placeholder=_t("placeholder", lang), layout=W.Layout(width="220px"))
        control.add_class("netles-quiz-answer")
        button = W.Button(description=_t("check", lang), layout=W.Layout(width="auto"))
        button.add_class("netles-quiz-check")
        output = W.HTML("", layout=W.Layout(width="100%"))
        button.on_click(lambda _b, i=i: state.check(i))
        state.controls.append(control)
        state.outputs.append(output)
        box = W.VBox([question, control, button, output], layout=W.Layout(width="100%"))
        box.add_class("netles-quiz-item")
        rows.append(box)
    state.score_label = W.HTML("", layout=W.Layout(width="100%"))
    state._render(0)
    rows.append(state.score_label)
    widget = W.VBox(rows, layout=W.Layout(width="100%", max_width="760px"))
    widget.add_class("netles-quiz")
    return widget, state
