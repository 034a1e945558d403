"""Assignments: one source notebook with solutions and tests, a generated student version, grading.

A teacher writes one *source* notebook per assignment, ``assignments/source/<name>/<name>.ipynb``,
marked the way nbgrader marks it:

- an answer cell (nbgrader metadata ``solution: true``) holds one line per answer,
  ``dichtheid = ...``, followed by the model answer between ``### BEGIN SOLUTION`` and
  ``### END SOLUTION``; the student version keeps the line with the three dots and drops the model
  answer (nbgrader's code stub is set to an empty line, :data:`CODE_STUB`). A written answer is a
  markdown answer cell that is replaced entirely by :data:`TEXT_STUB`;
- a test cell (``grade: true``, ``solution: false``) reads the answer with one of the reading
  functions below, prints what it understood, and hides the real check between
  ``### BEGIN HIDDEN TESTS`` and ``### END HIDDEN TESTS``;
- every other code cell is a read-only nbgrader cell (``locked: true``), so that grading restores
  it as the teacher wrote it.

Students answer without programming: a number, a letter, a set of letters, a few names from the
case, or a paragraph. The reading functions (:func:`read_number`, :func:`read_choice`,
:func:`read_choices`, :func:`read_order`, :func:`read_name`, :func:`read_names`,
:func:`read_mapping`) read an answer the way the student meant it (a decimal comma, upper or lower
case, ``"RA"`` for ``{"R", "A"}``, a typo in a name) and say in Dutch what they understood. They
never write to stderr: nbgrader gives no points to a test cell that does.

:func:`student_version` makes what nbgrader's ``generate_assignment`` makes with
:data:`NBGRADER_CONFIG` (tested against nbgrader itself), :func:`release` writes
``assignments/release``, :func:`write_course_config` writes an nbgrader course's
``nbgrader_config.py``, and :func:`grade_submissions` grades handed-in notebooks with nbgrader's
own ``autograde`` in a temporary course folder, so that ``netles opdrachten nakijken`` and an
nbgrader course give the same points per cell.

References
----------
nbgrader documentation, "Developing assignments with the assignment toolbar", "generate_assignment",
"autograde" and "Partial credit" (https://nbgrader.readthedocs.io).
"""
from __future__ import annotations

import copy
import difflib
import hashlib
import math
import numbers
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import nbformat
import pandas as pd

from .errors import Problem, UsageError, ValidationError
from .io.atomic import atomic_write_text

__all__ = [
    "SOLUTION_BEGIN",
    "SOLUTION_END",
    "HIDDEN_BEGIN",
    "HIDDEN_END",
    "CODE_STUB",
    "TEXT_STUB",
    "NBGRADER_CONFIG",
    "assignments_dir",
    "assignment_names",
    "source_path",
    "release_path",
    "read_notebook",
    "notebook_text",
    "check_source",
    "student_version",
    "release",
    "write_course_config",
    "AnswerError",
    "Reading",
    "read_number",
    "read_choice",
    "read_choices",
    "read_order",
    "read_name",
    "read_names",
    "read_mapping",
    "partial_points",
    "people_table",
    "care_needs_table",
    "moments_to_compare",
    "prepare_notebook",
    "answer_variables",
    "fill_answers",
    "fill_solutions",
    "cell_errors",
    "nbgrader_available",
    "grade_submissions",
    "grade",
]

SOLUTION_BEGIN = "### BEGIN SOLUTION"
SOLUTION_END = "### END SOLUTION"
HIDDEN_BEGIN = "### BEGIN HIDDEN TESTS"
HIDDEN_END = "### END HIDDEN TESTS"
CODE_STUB = ""
"""What replaces a model answer in a code cell: nothing. The line above it (``dichtheid = ...``)
is what the student fills in, so the student version needs no ``raise NotImplementedError()``."""
TEXT_STUB = "_Schrijf hier je antwoord._"
"""What replaces a written answer in the student version."""

NBGRADER_CONFIG = '''\
# nbgrader configuration for the netles assignments (written by `netles opdrachten vrijgeven`).
c = get_config()

# Required: the placeholders of netles' release notebooks. An answer line reads `dichtheid = ...`
# and the model answer below it is removed (an empty code stub); a written answer becomes
# "_Schrijf hier je antwoord._". With nbgrader's defaults the notebooks nbgrader makes would differ
# from netles' release/, and autograde would not recognise an unanswered written question.
c.ClearSolutions.code_stub = {"python": ""}
c.ClearSolutions.text_stub = "_Schrijf hier je antwoord._"

# A loaded classroom server can be slow; the assignments' cells each need a few seconds at most.
c.Execute.timeout = 300
'''
"""The ``nbgrader_config.py`` of a course that uses the netles assignments."""

SCHEMA_VERSION = 3
_BEGIN_SOLUTION, _END_SOLUTION = "BEGIN SOLUTION", "END SOLUTION"
_BEGIN_HIDDEN, _END_HIDDEN = "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"


def assignments_dir() -> Path:
    """The ``assignments/`` folder of the netles checkout (or ``$NETLES_ASSIGNMENTS``).

    Raises
    ------
    FileNotFoundError
        If the folder is missing.
    """
    from .datasets import checkout_folder

    return checkout_folder("assignments", "NETLES_ASSIGNMENTS")


def assignment_names(root: str | Path | None = None) -> list[str]:
    """Names of the assignments that have a source notebook, sorted.

    Examples
    --------
    >>> [n for n in assignment_names() if n.startswith("thema2")]
    ['thema2_kwaliteit']
    """
    source = Path(root or assignments_dir()) / "source"
    return sorted(p.name for p in source.iterdir() if (p / f"{p.name}.ipynb").is_file()) if source.is_dir() else []


def source_path(name: str, root: str | Path | None = None) -> Path:
    """Path of the source (teacher) notebook of an assignment.

    Raises
    ------
    KeyError
        If there is no such assignment; the message lists the ones there are.
    """
    root = Path(root or assignments_dir())
    path = root / "source" / name / f"{name}.ipynb"
    if not path.is_file():
        raise KeyError(f"geen opdracht {name!r}; kies uit: {', '.join(assignment_names(root))}")
    return path


def release_path(name: str, root: str | Path | None = None) -> Path:
    """Path of the student notebook of an assignment under ``release/`` (it may not exist yet)."""
    return Path(root or assignments_dir()) / "release" / name / f"{name}.ipynb"


def read_notebook(path: str | Path) -> nbformat.NotebookNode:
    """Read a notebook (nbformat 4) from a file."""
    return nbformat.read(str(path), as_version=4)


def notebook_text(nb: nbformat.NotebookNode) -> str:
    """The notebook as file text: the same bytes every time for the same notebook.

    Examples
    --------
    >>> nb = nbformat.v4.new_notebook()
    >>> notebook_text(nb) == notebook_text(copy.deepcopy(nb))
    True
    """
    return nbformat.writes(nb) + "\n"


# -- cell metadata -------------------------------------------------------------------------------


def _meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def _is_grade(cell) -> bool:
    return bool(_meta(cell).get("grade", False))


def _is_solution(cell) -> bool:
    return bool(_meta(cell).get("solution", False))


def _is_locked(cell) -> bool:
    # as nbgrader.utils.is_locked: test cells are always locked, answer cells never
    meta = _meta(cell)
    if not meta or _is_solution(cell):
        return False
    return True if _is_grade(cell) else bool(meta.get("locked", False))


def _checksum(cell) -> str:
    """nbgrader's ``compute_checksum`` (0.9): md5 over source, type, flags, id and points."""
    m = hashlib.md5()
    for part in (cell.source, cell.cell_type, str(_is_grade(cell)), str(_is_solution(cell)), str(_is_locked(cell)),
                 _meta(cell)["grade_id"]):
        m.update(part.encode("utf-8"))
    if _is_grade(cell):
        m.update(str(float(_meta(cell)["points"])).encode("utf-8"))
    return m.hexdigest()


def _regions(source: str, begin: str, end: str) -> list[tuple[int, int]]:
    """(begin line, end line) pairs of the marked regions, found as nbgrader finds them (a line
    *containing* the delimiter); raises ValueError when they are unbalanced or nested."""
    regions, start = [], None
    for i, line in enumerate(source.split("\n")):
        if begin in line:
            if start is not None:
                raise ValueError(f"nested {begin!r}")
            start = i
        elif end in line:
            if start is None:
                raise ValueError(f"{end!r} without {begin!r}")
            regions.append((start, i))
            start = None
    if start is not None:
        raise ValueError(f"{begin!r} without {end!r}")
    return regions


def check_source(nb: nbformat.NotebookNode, file: str | None = None) -> None:
    """Check that a source notebook is marked consistently, as nbgrader would require.

    Solution regions only in answer cells, hidden tests only in test cells, balanced markers,
    unique ``grade_id`` on every marked cell, ``points`` on every graded cell, schema version 3,
    kernelspec ``python3``.

    Raises
    ------
    ValidationError
        Listing every problem, with the cell number as the row.
    """
    problems: list[Problem] = []
    seen: set[str] = set()
    if nb.metadata.get("kernelspec", {}).get("name") != "python3":
        problems.append(Problem("kernelspec must be python3", file=file, field="kernelspec"))
    for i, cell in enumerate(nb.cells):
        meta = _meta(cell)
        try:
            solutions = _regions(cell.source, _BEGIN_SOLUTION, _END_SOLUTION)
            hidden = _regions(cell.source, _BEGIN_HIDDEN, _END_HIDDEN)
        except ValueError as exc:
            problems.append(Problem(f"markers: {exc}", file=file, row=i))
            continue
        if solutions and not _is_solution(cell):
            problems.append(Problem("solution region in a cell that is not an answer cell", file=file, row=i,
                                    field="nbgrader.solution", allowed="true"))
        if hidden and not _is_grade(cell):
            problems.append(Problem("hidden tests in a cell that is not a graded cell", file=file, row=i,
                                    field="nbgrader.grade", allowed="true"))
        if not meta:
            continue
        grade_id = meta.get("grade_id")
        if not grade_id or not isinstance(grade_id, str):
            problems.append(Problem("answer/test cell without grade_id", file=file, row=i, field="nbgrader.grade_id"))
        elif grade_id in seen:
            problems.append(Problem(f"grade_id {grade_id!r} used twice", file=file, row=i, field="nbgrader.grade_id"))
        else:
            seen.add(grade_id)
        if meta.get("schema_version") != SCHEMA_VERSION:
            problems.append(Problem("nbgrader schema_version must be 3", file=file, row=i,
                                    field="nbgrader.schema_version", value=meta.get("schema_version"), allowed="3"))
        if _is_grade(cell):
            points = meta.get("points")
            if not isinstance(points, (int, float)) or isinstance(points, bool) or points < 0:
                problems.append(Problem("graded cell needs points", file=file, row=i, field="nbgrader.points",
                                        value=points, allowed="a number >= 0"))
        if cell.cell_type == "markdown" and _is_grade(cell) and not _is_solution(cell):
            problems.append(Problem("a markdown cell cannot be an autograded test", file=file, row=i,
                                    field="nbgrader.solution", allowed="true"))
    if problems:
        raise ValidationError(problems)


# -- the student version -------------------------------------------------------------------------


def _replace_regions(source: str, begin: str, end: str, stub: str | None) -> str:
    lines = source.split("\n")
    out, previous = [], 0
    for start, stop in _regions(source, begin, end):
        out += lines[previous:start]
        if stub is not None:
            indent = re.match(r"\s*", lines[start]).group(0)
            out += [indent + s for s in stub.split("\n")]
        previous = stop + 1
    out += lines[previous:]
    return "\n".join(out)


def student_version(nb: nbformat.NotebookNode, file: str | None = None) -> nbformat.NotebookNode:
    """The student version of a source notebook, as nbgrader's ``generate_assignment`` makes it.

    With :data:`NBGRADER_CONFIG`: answer and test cells become undeletable (test and read-only cells
    also uneditable); solution regions become :data:`CODE_STUB` or :data:`TEXT_STUB` (an answer cell
    without regions is replaced entirely); outputs and execution counts are cleared; hidden tests
    are removed; marked cells get nbgrader's checksum so that nbgrader can later tell an untouched
    answer from a given one.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The source notebook (not changed).
    file : str, optional
        Its name, for error messages.

    Raises
    ------
    ValidationError
        If the source is not marked consistently (:func:`check_source`).

    Examples
    --------
    >>> src = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}})
    >>> cell = nbformat.v4.new_code_cell("dichtheid = ...\\n### BEGIN SOLUTION\\ndichtheid = 0.27\\n### END SOLUTION")
    >>> cell.metadata["nbgrader"] = {"grade": False, "solution": True, "locked": False,
    ...                              "grade_id": "a", "schema_version": 3}
    >>> src.cells.append(cell)
    >>> student_version(src).cells[0].source
    'dichtheid = ...\\n'
    """
    check_source(nb, file=file)
    out = copy.deepcopy(nb)
    out.metadata.pop("celltoolbar", None)
    for cell in out.cells:
        # LockCells
        if _is_solution(cell):
            cell.metadata["deletable"] = False
        elif _is_grade(cell) or _is_locked(cell):
            cell.metadata["deletable"] = False
            cell.metadata["editable"] = False
        # ClearSolutions
        stub = CODE_STUB if cell.cell_type == "code" else TEXT_STUB
        if _regions(cell.source, _BEGIN_SOLUTION, _END_SOLUTION):
            cell.source = _replace_regions(cell.source, _BEGIN_SOLUTION, _END_SOLUTION, stub)
        elif _is_solution(cell):
            cell.source = stub
        # ClearOutput
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            for key in ("collapsed", "scrolled", "execution"):
                cell.metadata.pop(key, None)
        # ClearHiddenTests
        cell.source = _replace_regions(cell.source, _BEGIN_HIDDEN, _END_HIDDEN, None)
        # ComputeChecksums
        if _is_grade(cell) or _is_solution(cell) or _is_locked(cell):
            cell.metadata["nbgrader"]["checksum"] = _checksum(cell)
            cell.metadata["nbgrader"]["cell_type"] = cell.cell_type
    return out


def release(
    names: Iterable[str] | None = None,
    root: str | Path | None = None,
    out: str | Path | None = None,
) -> list[Path]:
    """Write the student version of assignments to ``release/<name>/<name>.ipynb``.

    Parameters
    ----------
    names : iterable of str, optional
        Which assignments (default: all of :func:`assignment_names`).
    root : path, optional
        The assignments folder with ``source/`` (default :func:`assignments_dir`).
    out : path, optional
        The folder to write the release into (default ``<root>/release``).

    Returns
    -------
    list of Path
        The files written (atomically; unchanged files are rewritten with the same bytes).
    """
    root = Path(root or assignments_dir())
    out = Path(out) if out is not None else root / "release"
    names = list(names) if names is not None else assignment_names(root)
    students = {}
    for name in names:  # all checked before anything is written
        src = source_path(name, root)
        students[name] = student_version(read_notebook(src), file=str(src))
    written = []
    for name, student in students.items():
        target = out / name / f"{name}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            atomic_write_text(target, notebook_text(student))
        except OSError as exc:
            if exc.filename is None:  # a failed flush names no file; say which one is left as it was
                exc.filename = str(target)
            raise
        written.append(target)
    return written


def write_course_config(course: str | Path, names: Iterable[str] | None = None,
                        root: str | Path | None = None) -> list[Path]:
    """Prepare an nbgrader course folder for the netles assignments.

    Writes ``<course>/nbgrader_config.py`` (:data:`NBGRADER_CONFIG`) and copies each assignment's
    source folder to ``<course>/source/<name>/``. Then ``nbgrader generate_assignment <name>`` in
    that folder registers the assignment in the course's gradebook and makes the same student
    notebooks as netles' ``release/``.

    Parameters
    ----------
    course : path
        The course folder (made when missing). An existing ``nbgrader_config.py`` is replaced; an
        assignment already in ``source/`` is replaced by netles' version.
    names : iterable of str, optional
        Which assignments (default all).
    root : path, optional
        The assignments folder with ``source/`` (default :func:`assignments_dir`).

    Returns
    -------
    list of Path
        The configuration file and the copied source notebooks.

    Examples
    --------
    >>> with tempfile.TemporaryDirectory() as course:
    ...     made = write_course_config(course, ["thema1_visie"])
    ...     [p.relative_to(course).as_posix() for p in made]
    ['nbgrader_config.py', 'source/thema1_visie/thema1_visie.ipynb']
    """
    root = Path(root or assignments_dir())
    course = Path(course)
    names = list(names) if names is not None else assignment_names(root)
    sources = {name: source_path(name, root) for name in names}
    course.mkdir(parents=True, exist_ok=True)
    made = [atomic_write_text(course / "nbgrader_config.py", NBGRADER_CONFIG)]
    for name, src in sources.items():
        target = course / "source" / name
        staging = course / "source" / f".{name}.netles-tmp"
        shutil.rmtree(staging, ignore_errors=True)
        shutil.copytree(src.parent, staging)
        shutil.rmtree(target, ignore_errors=True)
        staging.rename(target)
        made.append(target / src.name)
    return made


# -- answering without code: reading what the student meant --------------------------------------


class AnswerError(AssertionError):
    """An answer that is missing or cannot be read; the message says what to do, in Dutch.

    An ``AssertionError``, so that a test cell fails on it as on any other failed check.
    """


@dataclass(frozen=True)
class Reading:
    """What an answer was read as.

    Attributes
    ----------
    name : str
        The answer's name in the notebook (``dichtheid``).
    value : object
        The answer as meant: a float, a code, a frozenset of codes, a tuple, a dict.
    notes : tuple of str
        Dutch sentences on how the answer was read (a comma read as decimal point, a name
        corrected, a string split into letters).
    shown : str, optional
        How to show the value to the student when it is not the value itself (names for ids).
    """

    name: str
    value: Any
    notes: tuple = ()
    shown: str | None = None

    def __str__(self) -> str:
        text = f"{self.name}: gelezen als {self.shown if self.shown is not None else _show(self.value)}."
        return text + "".join(f" {note}" for note in self.notes)


def _show(value: Any) -> str:
    """A value as a Dutch student would write it: decimal comma, sets in braces, plain text."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, numbers.Real):
        return f"{value:g}".replace(".", ",")
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(_show(v) for v in value)) + "}" if value else "niets (een lege verzameling)"
    if isinstance(value, (list, tuple)):
        return ", ".join(_show(v) for v in value)
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {_show(v)}" for k, v in value.items())
    return str(value)


def _missing(answer: Any, name: str, example: str | None) -> None:
    if answer is Ellipsis or answer is None or (isinstance(answer, str) and not answer.strip()):
        hint = f", bijvoorbeeld: {name} = {example}" if example else ", in de vorm van het voorbeeld in de antwoordcel"
        raise AnswerError(f"Je hebt {name} nog niet ingevuld: vervang de drie puntjes (...) door je antwoord{hint}.")


def read_number(answer: Any, name: str = "antwoord", *, example: str | None = "0.5") -> Reading:
    """Read a number the way a Dutch student writes it.

    Accepts a number, a text with a decimal comma or point (``"0,27"``), a percentage
    (``"27%"``), a fraction (``"4/15"``), and ``0,27`` typed without quotes (which Python reads as
    the pair ``(0, 27)``).

    Raises
    ------
    AnswerError
        When the answer is still ``...`` or is not a number.

    Examples
    --------
    >>> print(read_number("0,27", "dichtheid"))
    dichtheid: gelezen als 0,27. Je schreef '0,27'; de komma is gelezen als decimaalteken.
    >>> read_number((0, 27), "dichtheid").value
    0.27
    >>> read_number(0.27).value, read_number(" 27% ").value, read_number("4/15").value
    (0.27, 0.27, 0.26666666666666666)
    >>> read_number(..., "dichtheid")
    Traceback (most recent call last):
    ...
    netles.assignments.AnswerError: Je hebt dichtheid nog niet ingevuld: vervang de drie puntjes (...) door je antwoord, bijvoorbeeld: dichtheid = 0.5.
    """
    _missing(answer, name, example)
    if isinstance(answer, (list, set, frozenset)) and len(answer) == 1:
        answer = next(iter(answer))
    if isinstance(answer, bool):
        raise AnswerError(f"{name}: {answer} is geen getal; vul een getal in, bijvoorbeeld {example}.")
    if isinstance(answer, numbers.Real):
        if not math.isfinite(float(answer)):
            raise AnswerError(f"{name}: vul een gewoon getal in, bijvoorbeeld {example}.")
        return Reading(name, float(answer))
    if (isinstance(answer, tuple) and len(answer) == 2
            and all(isinstance(p, int) and not isinstance(p, bool) and p >= 0 for p in answer)):
        value = float(f"{answer[0]}.{answer[1]}")
        return Reading(name, value, (f"Je schreef {answer[0]},{answer[1]} zonder aanhalingstekens; dat is gelezen "
                                     f"als {_show(value)}.",))
    if isinstance(answer, str):
        from .widgets.selfcheck import parse_number

        value = parse_number(answer)
        if value is None:
            raise AnswerError(f"{name}: '{answer}' kan ik niet als getal lezen; schrijf bijvoorbeeld {example}.")
        notes = (f"Je schreef '{answer.strip()}'; de komma is gelezen als decimaalteken.",) if "," in answer else ()
        return Reading(name, value, notes)
    raise AnswerError(f"{name}: vul één getal in, bijvoorbeeld {example}.")


def _fold(text: Any) -> str:
    """Lower case, no accents, single spaces, without surrounding punctuation."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[\"'`‘’“”]", "", text)
    return " ".join(text.replace("_", " ").split()).strip(" .,;:!?()[]{}-")


def _options(options: Mapping | Sequence) -> dict:
    """Options as code -> label (a sequence gives code -> code)."""
    return dict(options) if isinstance(options, Mapping) else {o: o for o in options}


_CHOICE_PREFIX = re.compile(r"^(antwoord|optie|keuze|letter|stap|trede|fase)\s+")


def _match_option(text: Any, options: dict, name: str) -> tuple[Any, str | None]:
    """The option code meant by one item; a note when it was read loosely."""
    if not isinstance(text, (str, int)) or isinstance(text, bool):
        raise AnswerError(f"{name}: '{text}' is geen keuze; kies uit {', '.join(map(str, options))}.")
    folded = _CHOICE_PREFIX.sub("", _fold(text))
    by_code = {_fold(code): code for code in options}
    if folded in by_code:
        return by_code[folded], None
    by_label = {}
    for code, label in options.items():
        for alias in ([label] if isinstance(label, str) else list(label)):
            by_label.setdefault(_fold(alias), code)
    if folded in by_label:
        return by_label[folded], None
    # a word of one option only ("netwerk" for "sociaal netwerk")
    if len(folded) > 3:
        within = {code for alias, code in by_label.items() if re.search(rf"\b{re.escape(folded)}\b", alias)}
        if len(within) == 1:
            code = within.pop()
            return code, f"'{str(text).strip()}' is gelezen als '{_label(options, code)}'."
    # a typo: the option whose code or words come clearly closest
    aliases = [(k, v) for k, v in {**by_label, **by_code}.items() if len(k) > 2]
    code = _closest(folded, aliases)
    if code is not None:
        return code, f"'{str(text).strip()}' is gelezen als '{_alias_shown(options, code, folded)}'."
    raise AnswerError(f"{name}: '{str(text).strip()}' herken ik niet; kies uit {_choices_text(options)}.")


def _closest(text: str, aliases: list, cutoff: float = 0.75) -> Any:
    """The target of the alias most like ``text`` (difflib's ratio), if it is at least ``cutoff``
    and clearly better than the best alias of any other target; otherwise None."""
    best: dict = {}
    for alias, target in aliases:
        ratio = difflib.SequenceMatcher(None, text, alias).ratio()
        best[target] = max(best.get(target, 0.0), ratio)
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < cutoff:
        return None
    if len(ranked) > 1 and ranked[1][1] > ranked[0][1] - 0.05:
        return None
    return ranked[0][0]


def _alias_shown(options: dict, code: Any, text: str) -> str:
    """The words of option ``code`` closest to what the student wrote (for the message)."""
    label = options[code]
    words = [label] if isinstance(label, str) else [str(w) for w in label]
    return max(words, key=lambda w: difflib.SequenceMatcher(None, text, _fold(w)).ratio())


def _shown(options: dict, code: Any) -> str:
    """How a chosen option is shown back: a one-letter code as itself, otherwise its first words."""
    return str(code) if len(str(code)) == 1 else _label(options, code)


def _label(options: dict, code: Any) -> str:
    label = options[code]
    if isinstance(label, str):
        return label
    return str(label[0]) if isinstance(label, (list, tuple)) and label else str(code)


def _choices_text(options: dict) -> str:
    shown = [str(code) if _fold(code) == _fold(_label(options, code)) else f"{code} ({_label(options, code)})"
             for code in options]
    return ", ".join(shown)


def read_choice(answer: Any, options: Mapping | Sequence, name: str = "antwoord", *,
                example: str | None = None) -> Reading:
    """Read one choice out of ``options``: a letter or code in any case, or the option's words.

    Parameters
    ----------
    answer : object
        What the student filled in: ``"b"``, ``"B"``, ``"b)"``, ``"antwoord b"``, or a label.
    options : mapping or sequence
        ``code -> label`` (a label may also be a list of accepted words), or just the codes.
    name : str
        The answer's name, for messages.

    Examples
    --------
    >>> read_choice(" B) ", "abcd").value
    'b'
    >>> print(read_choice("Jeugwet", {"wmo": "Wmo 2015", "jw": ["Jeugdwet", "jeugd"]}, "wet"))
    wet: gelezen als Jeugdwet. 'Jeugwet' is gelezen als 'Jeugdwet'.
    >>> read_choice({"c"}, "abcd").value
    'c'
    >>> read_choice("b en c", "abcd", "antwoord_a1")
    Traceback (most recent call last):
    ...
    netles.assignments.AnswerError: antwoord_a1: kies één antwoord, niet 'b en c'.
    """
    _missing(answer, name, example)
    options = _options(options)
    if isinstance(answer, (list, tuple, set, frozenset)):
        if len(answer) != 1:
            raise AnswerError(f"{name}: kies één antwoord, niet {len(answer)}.")
        answer = next(iter(answer))
    try:
        code, note = _match_option(answer, options, name)
    except AnswerError:
        if isinstance(answer, str) and len(_split(answer, options)) > 1:
            raise AnswerError(f"{name}: kies één antwoord, niet '{answer.strip()}'.") from None
        raise
    return Reading(name, code, (note,) if note else (), shown=_shown(options, code))


_SEPARATORS = re.compile(r"\s*(?:,|;|/|\+|&|\n|\ben\b|\band\b)\s*")


def _split(text: str, options: dict) -> list[str]:
    """Split a string into items: on separators, or into letters when every option is one letter."""
    parts = [p for p in _SEPARATORS.split(text.strip()) if p.strip()]
    single = all(len(str(code)) == 1 for code in options)
    if single:
        letters = "".join(re.sub(r"[^\w]", "", p) for p in parts)
        if letters and all(_fold(ch) in {_fold(c) for c in options} for ch in letters) and (
                len(parts) == 1 or all(len(re.sub(r"[^\w]", "", p)) == 1 for p in parts)):
            return list(letters)
    if len(parts) == 1 and " " in parts[0]:
        words = parts[0].split()
        if all(_fold(w) in {_fold(c) for c in options} for w in words):
            return words
    return parts


def read_choices(answer: Any, options: Mapping | Sequence, name: str = "antwoord", *,
                 example: str | None = None) -> Reading:
    """Read a set of choices: a set or list, or a string of letters (``"RA"``, ``"R, A"``, ``"r en a"``).

    Returns a :class:`Reading` whose value is a ``frozenset`` of option codes. ``set()`` or
    ``"geen"`` is the empty choice.

    Examples
    --------
    >>> sorted(read_choices("RA", "RADIO").value)
    ['A', 'R']
    >>> print(read_choices("r, a", "RADIO", "interventies"))
    interventies: gelezen als {A, R}. Je schreef één tekst; die is gelezen als de keuzes A, R.
    >>> sorted(read_choices(["Wmo", "jeugdwet"], {"wmo": "Wmo", "jw": "Jeugdwet"}).value)
    ['jw', 'wmo']
    >>> read_choices("geen", "abc").value
    frozenset()
    """
    _missing(answer, name, example)
    options = _options(options)
    notes: list[str] = []
    if isinstance(answer, str):
        if _fold(answer) in ("geen", "niets", "niemand", "none"):
            return Reading(name, frozenset())
        items = _split(answer, options)
        if len(items) > 1:
            read = [_match_option(i, options, name) for i in items]
            notes.append("Je schreef één tekst; die is gelezen als de keuzes "
                         + ", ".join(sorted(_shown(options, c) for c, _ in read)) + ".")
        else:
            read = [_match_option(items[0] if items else answer, options, name)]
    elif isinstance(answer, (list, tuple, set, frozenset)):
        read = [_match_option(i, options, name) for i in answer]
    elif isinstance(answer, Mapping):
        example = example or '{"a", "c"}'
        raise AnswerError(f"{name}: geef de keuzes als verzameling, bijvoorbeeld {example}.")
    else:
        read = [_match_option(answer, options, name)]
    notes += [n for _, n in read if n]
    codes = frozenset(c for c, _ in read)
    shown = "{" + ", ".join(sorted(_shown(options, c) for c in codes)) + "}" if codes else "niets (een lege verzameling)"
    return Reading(name, codes, tuple(notes), shown=shown)


def read_order(answer: Any, options: Mapping | Sequence, name: str = "volgorde", *,
               example: str | None = None) -> Reading:
    """Read an order of choices (``"c, a, b"``, ``"cab"``, ``["c", "a", "b"]``) as a tuple of codes.

    Raises
    ------
    AnswerError
        When a choice is missing or appears twice.

    Examples
    --------
    >>> read_order("C A B", "abc").value
    ('c', 'a', 'b')
    >>> read_order("c, a", "abc", "fasen")
    Traceback (most recent call last):
    ...
    netles.assignments.AnswerError: fasen: zet alle 3 keuzes in een volgorde; nu ontbreekt b.
    """
    _missing(answer, name, example)
    options = _options(options)
    if isinstance(answer, str):
        items = _split(answer, options)
    elif isinstance(answer, (list, tuple)):
        items = list(answer)
    else:
        example = example or '"b, a, c"'
        raise AnswerError(f"{name}: geef een volgorde, bijvoorbeeld {example}.")
    read = [_match_option(i, options, name) for i in items]
    codes = tuple(c for c, _ in read)
    missing = [c for c in options if c not in codes]
    double = sorted({str(c) for c in codes if codes.count(c) > 1})
    if double:
        raise AnswerError(f"{name}: {', '.join(double)} staat er meer dan één keer in.")
    if missing:
        raise AnswerError(f"{name}: zet alle {len(options)} keuzes in een volgorde; nu ontbreekt {_show(missing)}.")
    return Reading(name, codes, tuple(n for _, n in read if n), shown=", ".join(_shown(options, c) for c in codes))


def _name_aliases(name: str) -> set[str]:
    """The ways a student may write a person's name from a case: ``Ineke (dochter)`` is also
    ``Ineke``; ``Mevrouw O. (buurvrouw)`` is also ``Mevrouw O``."""
    full = _fold(name)
    outside = _fold(re.sub(r"\(.*?\)", " ", name))
    aliases = {full, outside, outside.replace(".", "").strip()}
    aliases |= {_fold(inside) for inside in re.findall(r"\((.*?)\)", name)}
    words = [w for w in outside.replace(".", " ").split() if len(w) > 1]
    if words and words[0] not in ("mevrouw", "meneer", "de", "het"):
        aliases.add(words[0])
    return {a for a in aliases if a}


def _match_name(text: Any, names: dict, name: str) -> tuple[str, str | None]:
    if not isinstance(text, str):
        raise AnswerError(f"{name}: schrijf een naam tussen aanhalingstekens, bijvoorbeeld \"{next(iter(names.values()))}\".")
    folded = _fold(text)
    folded = re.sub(r"^(de|het)\s+", "", folded)
    hits = [key for key, shown in names.items() if folded in _name_aliases(shown)]
    if len(set(hits)) == 1:
        return hits[0], None
    if len(set(hits)) > 1:
        raise AnswerError(f"{name}: '{text.strip()}' past bij meer dan één persoon; schrijf de naam zoals in de casus.")
    # a part of the name ("begeleider" for "persoonlijk begeleider"), if only one person has it
    within = [key for key, shown in names.items() if len(folded) > 2 and re.search(rf"\b{re.escape(folded)}\b", _fold(shown))]
    if len(within) == 1:
        return within[0], f"'{text.strip()}' is gelezen als '{names[within[0]]}'."
    key = _closest(folded, [(alias, key) for key, shown in names.items() for alias in _name_aliases(shown)])
    if key is not None:
        return key, f"'{text.strip()}' is gelezen als '{names[key]}'."
    raise AnswerError(f"{name}: '{text.strip()}' staat niet in de casus; kies uit: {', '.join(names.values())}.")


def _names(names: Mapping | Sequence) -> dict:
    return dict(names) if isinstance(names, Mapping) else {n: n for n in names}


def read_name(answer: Any, names: Mapping | Sequence, name: str = "antwoord", *,
              example: str | None = None) -> Reading:
    """Read one person's name from a case, forgiving case, accents, a first name only and typos.

    Parameters
    ----------
    answer : object
        ``"Ineke"``, ``"ineke (dochter)"``, ``"Inekee"``...
    names : mapping or sequence
        ``alter_id -> name`` as in the case (or the names). The reading's value is the key.

    Examples
    --------
    >>> names = {"A": "Ineke (dochter)", "B": "Rob (zoon)", "C": "Truus (buurvrouw)"}
    >>> read_name("ineke", names).value
    'A'
    >>> print(read_name("Truuss", names, "spil"))
    spil: gelezen als Truus (buurvrouw). 'Truuss' is gelezen als 'Truus (buurvrouw)'.
    >>> read_name("de dochter", names).value
    'A'

    """
    names = _names(names)
    _missing(answer, name, example or f'"{next(iter(names.values()))}"')
    if isinstance(answer, (list, tuple, set, frozenset)):
        if len(answer) != 1:
            raise AnswerError(f"{name}: noem één persoon.")
        answer = next(iter(answer))
    key, note = _match_name(answer, names, name)
    return Reading(name, key, (note,) if note else (), shown=names[key])


def read_names(answer: Any, names: Mapping | Sequence, name: str = "antwoord", *,
               example: str | None = None) -> Reading:
    """Read several names from a case (a set, a list, or one text with commas or "en").

    The reading's value is a ``frozenset`` of keys of ``names``; ``"niemand"`` is the empty set.

    Examples
    --------
    >>> names = {"F": "Petra (vriendin)", "G": "Nicole (vriendin)", "J": "Lia (koor)"}
    >>> sorted(read_names("petra, Nicol en lia", names).value)
    ['F', 'G', 'J']
    >>> sorted(read_names({"Petra", "Lia (koor)"}, names).value)
    ['F', 'J']
    """
    names = _names(names)
    _missing(answer, name, example or '{"' + '", "'.join(list(names.values())[:2]) + '"}')
    if isinstance(answer, str):
        if _fold(answer) in ("niemand", "geen", "none"):
            return Reading(name, frozenset(), shown="niemand")
        items = [p for p in _SEPARATORS.split(answer.strip()) if p.strip()]
    elif isinstance(answer, (list, tuple, set, frozenset)):
        items = list(answer)
    else:
        raise AnswerError(f"{name}: geef de namen als verzameling, bijvoorbeeld {example}.")
    read = [_match_name(i, names, name) for i in items]
    keys = frozenset(k for k, _ in read)
    shown = "{" + ", ".join(names[k] for k in names if k in keys) + "}" if keys else "niemand"
    return Reading(name, keys, tuple(n for _, n in read if n), shown=shown)


def read_mapping(answer: Any, keys: Mapping | Sequence, options: Mapping | Sequence, name: str = "antwoord", *,
                 example: str | None = None) -> Reading:
    """Read a choice per item (``{"a": "R", "b": "i"}``): keys and choices read as in :func:`read_choice`.

    An item left out or not readable is left out of the value and named in a note, so that a
    partly answered question scores its right items.

    Examples
    --------
    >>> r = read_mapping({"A": "r", "b": "Intensiveren", "c": "x"}, "abc",
    ...                  {"R": "reanimeren", "I": "intensiveren"}, "radio")
    >>> r.value
    {'a': 'R', 'b': 'I'}
    >>> print(r.notes[0])
    Niet gelezen: c ('x' herken ik niet; kies uit R (reanimeren), I (intensiveren)).
    """
    _missing(answer, name, example)
    keys, options = _options(keys), _options(options)
    if not isinstance(answer, Mapping):
        example = example or '{"a": ..., "b": ...}'
        raise AnswerError(f"{name}: vul per onderdeel een keuze in, in deze vorm: {name} = {example}.")
    value, notes, unread = {}, [], []
    for given_key, given in answer.items():
        try:
            key, key_note = _match_option(given_key, keys, name)
        except AnswerError:
            unread.append(f"'{given_key}' is geen onderdeel van de vraag")
            continue
        try:
            code, note = _match_option(given, options, name)
        except AnswerError as exc:
            unread.append(f"{key} ({str(exc).split(': ', 1)[1].rstrip('.')})")
            continue
        value[key] = code
        notes += [n for n in (key_note, note) if n]
    missing = [str(k) for k in keys if k not in value and not any(u.startswith(f"{k} (") for u in unread)]
    if unread:
        notes.append("Niet gelezen: " + "; ".join(unread) + ".")
    if missing:
        notes.append("Nog niet ingevuld: " + ", ".join(missing) + ".")
    value = {k: value[k] for k in keys if k in value}
    shown = "; ".join(f"{_shown(keys, k)}: {_shown(options, v)}" for k, v in value.items()) or "nog niets"
    return Reading(name, value, tuple(notes), shown=shown)


def partial_points(right: int, total: int, points: float) -> float:
    """Points for ``right`` out of ``total`` parts, rounded down to a quarter point.

    A test cell whose last line is this number gets these points in nbgrader ("partial credit").

    Examples
    --------
    >>> partial_points(4, 5, 2), partial_points(0, 5, 2), partial_points(5, 5, 2)
    (1.5, 0.0, 2.0)
    """
    if total <= 0:
        return 0.0
    return math.floor(points * right / total * 4 + 1e-9) / 4


def prepare_notebook() -> None:
    """Set up an assignment's kernel: quiet warnings, figures that survive in the feedback.

    Called by the first (read-only) cell of every assignment. nbgrader gives no points to a test
    cell that writes anything to stderr, so warnings (which go to stderr) are silenced. While
    nbgrader runs the notebook (``NBGRADER_EXECUTION`` is set), plotly figures also get an HTML
    version with plotly.js embedded, so the feedback HTML shows them; in JupyterLab the notebook
    stays small.
    """
    warnings.simplefilter("ignore")
    if os.environ.get("NBGRADER_EXECUTION"):
        import plotly.io as pio

        pio.renderers.default = "plotly_mimetype+notebook"


# -- tables that help a student find an answer ---------------------------------------------------


def people_table(net, ids: Sequence[str] | None = None, lang: str = "nl") -> pd.DataFrame:
    """The people of a case as a student reads them: names and plain Dutch (or English) words.

    Parameters
    ----------
    net : EgoNetwork
    ids : sequence of str, optional
        Which alters, in this order (default all).
    lang : {"nl", "en"}

    Returns
    -------
    pandas.DataFrame
        Indexed by name: relation, circle, contact, travel time, support given (and its
        direction), how the relation feels (valence), status, and the share of all support that
        this person gives (the spil risk).

    Examples
    --------
    >>> from netles import datasets
    >>> t = people_table(datasets.load_case("voorbeeld"), ["A", "F"])
    >>> t.loc["Anja (zus)", "steun"]
    'praktische hulp, emotionele steun, gezelschap'
    >>> list(t.index)
    ['Anja (zus)', 'verpleegkundig specialist']
    """
    from . import metrics, vocab

    nl = lang == "nl"
    given = metrics.support_given(net)
    total = given.to_numpy().sum()
    rows = {}
    for alter_id in (ids if ids is not None else net.alter_ids):
        a = net.alter(alter_id)
        support = [vocab.label("support", f, lang) for f in vocab.SUPPORT.codes if f in (a.get("support") or ())]
        minutes = a.get("travel_minutes")
        row = {
            "relatie" if nl else "relation": vocab.label("relation", a["relation"], lang),
            "cirkel" if nl else "circle": int(a["circle"]) if a.get("circle") is not None else "",
            "contact": vocab.label("contact", a["contact"], lang) if a.get("contact") else "",
            "reistijd (min)" if nl else "travel (min)": "" if minutes is None or minutes != minutes else int(minutes),
            "steun" if nl else "support": ", ".join(support) if support else "-",
            "richting" if nl else "direction": vocab.label("support_direction", a["support_direction"], lang)
            if a.get("support_direction") else "",
            "gevoel" if nl else "valence": vocab.label("valence", a["valence"], lang) if a.get("valence") else "",
            "status": vocab.label("status", a["status"], lang) if a.get("status") else "",
            "aandeel in de steun" if nl else "share of support":
                f"{given.loc[alter_id].sum() / total:.0%}" if total else "0%",
        }
        rows[a.get("name") or alter_id] = row
    return pd.DataFrame.from_dict(rows, orient="index")


def care_needs_table(net, lang: str = "nl") -> pd.DataFrame:
    """A case's care needs (``extra["carer"]["care_needs"]``) as the facts a student places on the
    kanteling ladder: can the client do it, who from the network could, which provisions exist.

    The rows are lettered a, b, c... in the case's order, so that a student can answer per letter.

    Examples
    --------
    >>> from netles import datasets
    >>> t = care_needs_table(datasets.load_case("senior_55plus"))
    >>> t.loc["c", "wie uit het netwerk kan het doen"]
    'Ineke (dochter)'
    """
    nl = lang == "nl"
    needs = ((net.extra.get("carer") or {}).get("care_needs")) or []
    rows = {}
    for i, need in enumerate(needs):
        names = [net.alter(a).get("name", a) for a in need.get("network") or [] if a in net.alter_ids]
        rows[chr(ord("a") + i)] = {
            "behoefte" if nl else "need": need.get("need", ""),
            "uur per week" if nl else "hours per week": f"{need.get('hours_per_week', 0):g}",
            "kan de cliënt het zelf?" if nl else "can the client?": ("ja" if nl else "yes") if need.get("can_self")
            else ("nee" if nl else "no"),
            "wie uit het netwerk kan het doen" if nl else "who in the network could": ", ".join(names) or "-",
            "algemene voorziening" if nl else "general provision": need.get("general_provision") or "-",
            "individuele voorziening" if nl else "individual provision": need.get("individual_provision") or "-",
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def moments_to_compare(path: str | Path, before, after) -> tuple[Any, Any, str]:
    """The two moments a student recorded in a network file, or the given ones when there are none.

    Parameters
    ----------
    path : path
        The network file the editor saves to. When it holds at least two moments, its first and
        last moment are compared.
    before, after : EgoNetwork or Moment
        What to compare otherwise (a bundled case's moments), so that the rest of the assignment
        can be done before the student has recorded anything.

    Returns
    -------
    (before, after, message)
        The two moments and a Dutch sentence saying which ones they are.

    Examples
    --------
    >>> from netles import datasets
    >>> pilot = datasets.load_case("pilot_netwerkversterking")
    >>> a, b, said = moments_to_compare("bestaat_niet.json", pilot.moments[0], pilot.moments[-1])
    >>> a.label, b.label
    ('voor', 'na')
    >>> print(said)
    Je hebt in bestaat_niet.json nog geen twee momenten bewaard; je vergelijkt nu de twee momenten van de voorbeeldcasus.
    """
    from .io.netles_json import read_network

    path = Path(path)
    moments = []
    if path.is_file():
        try:
            moments = list(read_network(path).moments)
        except (ValidationError, ValueError, OSError):
            moments = []
    if len(moments) >= 2:
        first, last = moments[0], moments[-1]
        return first, last, f"Je vergelijkt je eigen momenten '{first.label}' ({first.date}) en '{last.label}' ({last.date})."
    return before, after, (f"Je hebt in {path.name} nog geen twee momenten bewaard; je vergelijkt nu de twee "
                           "momenten van de voorbeeldcasus.")


# -- filling answers (the model answers, or a student's) -----------------------------------------


_ANSWER_LINE = re.compile(r"^(\s*)([A-Za-z_][A-Za-z0-9_]*)\s*=\s*\.\.\.(\s*#.*)?$")


def answer_variables(cell_source: str) -> list[str]:
    """The names on the answer lines (``name = ...``) of an answer cell.

    Examples
    --------
    >>> answer_variables("# ✏️ vul in\\ndichtheid = ...\\nomvang = ...  # een getal\\n")
    ['dichtheid', 'omvang']
    """
    return [m.group(2) for line in cell_source.split("\n") if (m := _ANSWER_LINE.match(line))]


def fill_answers(student: nbformat.NotebookNode, answers: Mapping[str, str]) -> nbformat.NotebookNode:
    """Fill in a student version as a student would: each ``name = ...`` line gets ``answers[name]``.

    Parameters
    ----------
    student : notebook
        A student version (not changed).
    answers : mapping
        Answer name -> the text to put after ``=`` (e.g. ``'"0,27"'``), and, for a written
        answer, its ``grade_id`` -> the paragraph.

    Returns
    -------
    notebook
        A copy; names not in ``answers`` stay ``...``.

    Raises
    ------
    KeyError
        When ``answers`` names something the notebook does not ask.
    """
    filled = copy.deepcopy(student)
    used = set()
    for cell in filled.cells:
        if not _is_solution(cell):
            continue
        if cell.cell_type == "markdown":
            grade_id = _meta(cell)["grade_id"]
            if grade_id in answers:
                cell.source = answers[grade_id]
                used.add(grade_id)
            continue
        lines = cell.source.split("\n")
        for i, line in enumerate(lines):
            m = _ANSWER_LINE.match(line)
            if m and m.group(2) in answers:
                lines[i] = f"{m.group(1)}{m.group(2)} = {answers[m.group(2)]}"
                used.add(m.group(2))
        cell.source = "\n".join(lines)
    unknown = set(answers) - used
    if unknown:
        raise KeyError(f"not asked in this notebook: {sorted(unknown)}")
    return filled


def _by_grade_id(nb) -> dict[str, nbformat.NotebookNode]:
    return {_meta(c)["grade_id"]: c for c in nb.cells if _meta(c).get("grade_id")}


def fill_solutions(student: nbformat.NotebookNode, source: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Answer a student version with the model answers of its source, exactly as written there.

    Each answer cell of the student version gets the source cell with the same ``grade_id``,
    without the solution markers (a written answer: the source's whole cell).

    Raises
    ------
    ValueError
        If an answer cell of the student version has no counterpart in the source.
    """
    filled = copy.deepcopy(student)
    answers = _by_grade_id(source)
    for cell in filled.cells:
        if not _is_solution(cell):
            continue
        grade_id = _meta(cell)["grade_id"]
        if grade_id not in answers:
            raise ValueError(f"answer cell {grade_id!r} is not in the source")
        src = answers[grade_id].source
        if cell.cell_type == "code":
            src = "\n".join(line for line in src.split("\n")
                            if _BEGIN_SOLUTION not in line and _END_SOLUTION not in line)
        cell.source = src
    return filled


# -- running and grading -------------------------------------------------------------------------


def cell_errors(cell) -> list[str]:
    """The error names and messages in an executed code cell's outputs (empty when it ran cleanly)."""
    return [f"{o.get('ename')}: {o.get('evalue')}" for o in cell.get("outputs", []) if o.get("output_type") == "error"]


def nbgrader_available() -> bool:
    """Whether nbgrader can be imported in this environment (``netles opdrachten nakijken`` needs it)."""
    try:
        import nbgrader  # noqa: F401
    except ImportError:
        return False
    return True


def _course_run(root: str, names: list, feedback: bool) -> None:
    """Inside the helper process: nbgrader's own converters for every assignment of a course.

    ``generate_assignment`` (registers the source in the gradebook), ``autograde`` (every
    submission) and, when asked, ``generate_feedback``: what the ``nbgrader`` commands run, in one
    process instead of one per command.
    """
    from nbgrader.converters import Autograde, GenerateAssignment, GenerateFeedback
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import Config

    config = Config()
    exec(compile(NBGRADER_CONFIG, "nbgrader_config.py", "exec"), {"get_config": lambda: config})
    config.CourseDirectory.root = root
    steps = [GenerateAssignment, Autograde] + ([GenerateFeedback] if feedback else [])
    for name in names:
        for step in steps:
            coursedir = CourseDirectory(config=config)
            coursedir.assignment_id = name
            step(coursedir=coursedir, config=config, force=True).start()


def _run_course(course: Path, names: list[str], feedback: bool) -> None:
    """Run :func:`_course_run` in a separate Python process (nbgrader's logging and configuration stay
    out of the caller's process); RuntimeError with the end of its log when nbgrader fails."""
    import json

    env = dict(os.environ)
    # nbgrader starts `alembic` through PATH when it creates the gradebook: our environment first
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env.pop("NBGRADER_EXECUTION", None)
    code = "import json, sys; from netles.assignments import _course_run; _course_run(*json.loads(sys.argv[1]))"
    done = subprocess.run([sys.executable, "-c", code, json.dumps([str(course), names, feedback])],
                          cwd=course, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        log = (done.stdout + done.stderr).strip().splitlines()
        raise RuntimeError("nbgrader failed:\n" + "\n".join(log[-15:]))


def _student_ids(paths: Sequence[Path]) -> list[str]:
    """One nbgrader student id per submission folder: its name, made safe and unique."""
    ids, by_folder, taken = [], {}, set()
    for path in paths:
        folder = path.resolve().parent
        if folder not in by_folder:
            base = re.sub(r"[^A-Za-z0-9_-]+", "_", folder.name).strip("_") or "student"
            name, k = base, 1
            while name in taken:
                k += 1
                name = f"{base}_{k}"
            by_folder[folder] = name
            taken.add(name)
        ids.append(by_folder[folder])
    return ids


def _stdout(cell) -> str:
    return "".join(o.get("text", "") for o in cell.get("outputs", [])
                   if o.get("output_type") == "stream" and o.get("name") == "stdout").strip()


def _explain(cell, points, max_points) -> str:
    """A short Dutch explanation of an autograded cell's result, from its outputs."""
    errors = cell_errors(cell) if cell is not None else []
    stderr = cell is not None and any(o.get("output_type") == "stream" and o.get("name") == "stderr"
                                      for o in cell.get("outputs", []))
    said = _stdout(cell).replace("\n", " ") if cell is not None else ""
    if errors:
        why = errors[0].split(": ", 1)[1] if errors[0].startswith(("AssertionError: ", "AnswerError: ")) else errors[0]
        return (why or "de controle faalt") + (f" ({said})" if said else "")
    if stderr:
        return "de cel schreef naar stderr (nbgrader geeft dan geen punten)"
    if points is not None and points < max_points:
        return "deels goed" + (f" ({said})" if said else "")
    return "goed" + (f" ({said})" if said else "")


def grade_submissions(
    submissions: Sequence[str | Path],
    *,
    source: str | Path | None = None,
    root: str | Path | None = None,
    feedback: str | Path | None = None,
) -> pd.DataFrame:
    """Grade handed-in notebooks with nbgrader's own ``autograde``, in a temporary course folder.

    One temporary nbgrader course is made (:data:`NBGRADER_CONFIG` and the source notebooks); each
    submission is copied in with the ``.json`` files next to it (a student's network map), and
    nbgrader's own ``generate_assignment``, ``autograde`` (and ``generate_feedback``) run on them all,
    in one helper process. nbgrader puts the
    original test cells back (with the hidden tests), runs the notebook and scores each test cell:
    no points when it fails or writes to stderr, the number it ends with for partial credit, all
    points otherwise; a written answer scores 0 when it is unchanged and otherwise waits for the
    teacher. Nothing is written next to the submissions.

    Parameters
    ----------
    submissions : sequence of paths
        Handed-in notebooks, each called ``<assignment>.ipynb`` (unless ``source`` is given), one per
        student folder; the folder's name becomes the student's name in the table.
    source : path, optional
        The source notebook to grade against (default: the assignment named by the file).
    root : path, optional
        The assignments folder with ``source/`` (default :func:`assignments_dir`).
    feedback : path, optional
        A folder to put nbgrader's feedback (one HTML file per submission,
        ``<student>_<assignment>.html``) into.

    Returns
    -------
    pandas.DataFrame
        One row per submission and graded cell: ``student``, ``opdracht``, ``grade_id``, ``soort``
        (``automatisch``/``handmatig``), ``punten`` (NaN while the teacher still has to grade),
        ``max_punten``, ``toelichting``.

    Raises
    ------
    UsageError
        When nbgrader is not installed.
    KeyError
        When an assignment's source cannot be found.
    RuntimeError
        When nbgrader itself fails (with the end of its log).
    """
    if not nbgrader_available():
        raise UsageError("nakijken gebruikt nbgrader; installeer het eerst: pip install 'nbgrader>=0.9.6'")
    from nbgrader.api import Gradebook

    paths = list(dict.fromkeys(Path(p) for p in submissions))
    sources = {}
    for path in paths:
        src = Path(source) if source is not None else source_path(path.stem, root)
        sources[path] = (src.stem, src)
    students = dict(zip(paths, _student_ids(paths)))
    if len({(students[p], sources[p][0]) for p in paths}) < len(paths):
        raise UsageError("twee notebooks van dezelfde opdracht in één map: zet elke student in een eigen map")
    rows: list[tuple] = []
    with tempfile.TemporaryDirectory(prefix="netles-nakijken-") as tmp:
        course = Path(tmp)
        (course / "nbgrader_config.py").write_text(NBGRADER_CONFIG, encoding="utf-8")
        for name, src in set(sources.values()):
            (course / "source" / name).mkdir(parents=True)
            shutil.copyfile(src, course / "source" / name / f"{name}.ipynb")
        for path in paths:
            name = sources[path][0]
            folder = course / "submitted" / students[path] / name
            folder.mkdir(parents=True)
            shutil.copyfile(path, folder / f"{name}.ipynb")
            for extra in path.resolve().parent.glob("*.json"):  # a student's network file
                if extra.is_file():
                    shutil.copyfile(extra, folder / extra.name)
        names = sorted({name for name, _ in sources.values()})
        _run_course(course, names, feedback is not None)
        with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
            for path in paths:
                name, student = sources[path][0], students[path]
                graded_path = course / "autograded" / student / name / f"{name}.ipynb"
                if not graded_path.is_file():
                    raise RuntimeError(f"nbgrader failed: no autograded notebook for {path}")
                cells = _by_grade_id(read_notebook(graded_path))
                order = {gid: k for k, gid in enumerate(cells)}
                notebook = gradebook.find_submission_notebook(name, name, student)
                for g in sorted(notebook.grades, key=lambda g: order.get(g.name, len(order))):
                    cell = cells.get(g.name)
                    auto = g.cell_type == "code" and not _is_solution(cell or {})
                    if auto:
                        points, why = g.auto_score, _explain(cell, g.auto_score, g.max_score)
                    elif g.auto_score is not None:
                        points, why = g.auto_score, "niet beantwoord"
                    else:
                        points, why = float("nan"), "nakijken met de rubric"
                    rows.append((str(path), student, name, g.name, "automatisch" if auto else "handmatig",
                                 float("nan") if points is None else float(points), float(g.max_score), why))
        if feedback is not None:
            out = Path(feedback)
            out.mkdir(parents=True, exist_ok=True)
            for path in paths:
                name, student = sources[path][0], students[path]
                shutil.copyfile(course / "feedback" / student / name / f"{name}.html", out / f"{student}_{name}.html")
    columns = ["bestand", "student", "opdracht", "grade_id", "soort", "punten", "max_punten", "toelichting"]
    return pd.DataFrame(rows, columns=columns)


def grade(
    student: str | Path,
    source: str | Path | None = None,
    *,
    root: str | Path | None = None,
    feedback: str | Path | None = None,
) -> pd.DataFrame:
    """Grade one handed-in notebook with nbgrader (see :func:`grade_submissions`).

    Returns
    -------
    pandas.DataFrame
        One row per graded cell: ``grade_id``, ``soort`` (``automatisch``/``handmatig``),
        ``punten`` (NaN when the teacher still has to grade), ``max_punten``, ``toelichting``.
    """
    table = grade_submissions([student], source=source, root=root, feedback=feedback)
    return table[["grade_id", "soort", "punten", "max_punten", "toelichting"]].reset_index(drop=True)
