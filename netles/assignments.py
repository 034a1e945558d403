"""Assignments: one source notebook with solutions and tests, a generated student version, grading.

A teacher writes one *source* notebook per assignment, ``assignments/source/<name>/<name>.ipynb``,
marked the way nbgrader marks it:

- in an answer cell (nbgrader metadata ``solution: true``) the model answer sits between the lines
  ``### BEGIN SOLUTION`` and ``### END SOLUTION``; a markdown answer cell without these lines is
  replaced entirely (it holds the model answer and the rubric for the teacher);
- in a test cell (``grade: true``, ``solution: false``) tests between ``### BEGIN HIDDEN TESTS`` and
  ``### END HIDDEN TESTS`` are kept from the students;
- every answer and test cell carries nbgrader cell metadata (``grade``, ``solution``, ``locked``,
  ``grade_id``, ``points`` for graded cells, ``schema_version: 3``).

:func:`student_version` turns a source notebook into what nbgrader's ``generate_assignment``
would give the students (the steps LockCells, ClearSolutions, ClearOutput, ClearHiddenTests and
ComputeChecksums of nbgrader 0.9, with Dutch placeholders), so the release folder works with and
without nbgrader. :func:`release` writes ``assignments/release``; :func:`grade` runs a student's
notebook with the hidden tests put back and reports points per ``grade_id``.

References
----------
nbgrader documentation, "Developing assignments with the assignment toolbar" and
"generate_assignment" (https://nbgrader.readthedocs.io).
"""
from __future__ import annotations

import copy
import hashlib
import os
from pathlib import Path
from typing import Iterable

import nbformat
import pandas as pd

from .errors import Problem, ValidationError
from .io.atomic import atomic_write_text

__all__ = [
    "SOLUTION_BEGIN",
    "SOLUTION_END",
    "HIDDEN_BEGIN",
    "HIDDEN_END",
    "CODE_STUB",
    "TEXT_STUB",
    "assignments_dir",
    "assignment_names",
    "source_path",
    "release_path",
    "read_notebook",
    "notebook_text",
    "check_source",
    "student_version",
    "release",
    "solution_blocks",
    "fill_solutions",
    "run_notebook",
    "cell_errors",
    "grade",
]

SOLUTION_BEGIN = "### BEGIN SOLUTION"
SOLUTION_END = "### END SOLUTION"
HIDDEN_BEGIN = "### BEGIN HIDDEN TESTS"
HIDDEN_END = "### END HIDDEN TESTS"
CODE_STUB = "# JOUW CODE HIER\nraise NotImplementedError()"
"""What replaces a code solution in the student version (nbgrader's stub, in Dutch)."""
TEXT_STUB = "_Schrijf hier je antwoord._"
"""What replaces a written answer in the student version."""

SCHEMA_VERSION = 3


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
        raise KeyError(f"no assignment {name!r}; choose one of: {', '.join(assignment_names(root))}")
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


def _marker_lines(source: str, begin: str, end: str, exact: bool) -> list[tuple[int, int]]:
    """(begin line, end line) pairs of the marked regions; raises ValueError when unbalanced."""
    regions, start = [], None
    for i, line in enumerate(source.split("\n")):
        hit_begin = line.strip() == begin if exact else begin.removeprefix("### ") in line
        hit_end = line.strip() == end if exact else end.removeprefix("### ") in line
        if hit_begin:
            if start is not None:
                raise ValueError(f"nested {begin!r}")
            start = i
        elif hit_end:
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
            solutions = _marker_lines(cell.source, SOLUTION_BEGIN, SOLUTION_END, exact=True)
            hidden = _marker_lines(cell.source, HIDDEN_BEGIN, HIDDEN_END, exact=False)
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


def _replace_regions(source: str, begin: str, end: str, stub: str | None, exact: bool) -> str:
    lines = source.split("\n")
    regions = _marker_lines(source, begin, end, exact)
    out, previous = [], 0
    for start, stop in regions:
        out += lines[previous:start]
        if stub is not None:
            indent = lines[start][: lines[start].find(begin.lstrip())] if exact else ""
            out += [indent + s for s in stub.split("\n")]
        previous = stop + 1
    out += lines[previous:]
    return "\n".join(out)


def student_version(nb: nbformat.NotebookNode, file: str | None = None) -> nbformat.NotebookNode:
    """The student version of a source notebook, as nbgrader's ``generate_assignment`` makes it.

    Answer and test cells become undeletable (test cells also uneditable); solution regions become
    :data:`CODE_STUB` or :data:`TEXT_STUB` (an answer cell without regions is replaced entirely);
    outputs and execution counts are cleared; hidden tests are removed; answer and test cells get
    nbgrader's checksum so that nbgrader can later tell an untouched answer from a given one.

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
    >>> cell = nbformat.v4.new_code_cell("x = 1\\n### BEGIN SOLUTION\\ny = 2\\n### END SOLUTION")
    >>> cell.metadata["nbgrader"] = {"grade": False, "solution": True, "locked": False,
    ...                              "grade_id": "a", "schema_version": 3}
    >>> src.cells.append(cell)
    >>> print(student_version(src).cells[0].source)
    x = 1
    # JOUW CODE HIER
    raise NotImplementedError()
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
        had_region = bool(_marker_lines(cell.source, SOLUTION_BEGIN, SOLUTION_END, exact=True))
        if had_region:
            cell.source = _replace_regions(cell.source, SOLUTION_BEGIN, SOLUTION_END, stub, exact=True)
        elif _is_solution(cell):
            cell.source = stub
        # ClearOutput
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            for key in ("collapsed", "scrolled", "execution"):
                cell.metadata.pop(key, None)
        # ClearHiddenTests
        cell.source = _replace_regions(cell.source, HIDDEN_BEGIN, HIDDEN_END, None, exact=False)
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
    written = []
    for name in (list(names) if names is not None else assignment_names(root)):
        src = source_path(name, root)
        student = student_version(read_notebook(src), file=str(src))
        target = out / name / f"{name}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(target, notebook_text(student))
        written.append(target)
    return written


# -- filling, running and grading ----------------------------------------------------------------


def solution_blocks(source: str) -> list[str]:
    """The model answers between the solution markers of one cell's source, in order.

    Examples
    --------
    >>> solution_blocks("a = 1\\n### BEGIN SOLUTION\\nb = 2\\nc = 3\\n### END SOLUTION\\n")
    ['b = 2\\nc = 3']
    """
    lines = source.split("\n")
    return ["\n".join(lines[s + 1 : e]) for s, e in _marker_lines(source, SOLUTION_BEGIN, SOLUTION_END, exact=True)]


def _by_grade_id(nb) -> dict[str, nbformat.NotebookNode]:
    return {_meta(c)["grade_id"]: c for c in nb.cells if _meta(c).get("grade_id")}


def fill_solutions(student: nbformat.NotebookNode, source: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Answer a student version with the model answers of its source.

    Each stub in an answer cell of the student version is replaced by the matching solution
    block of the source cell with the same ``grade_id`` (a whole answer cell when the source cell
    has no markers). Used to prove that the released notebook can be completed.

    Raises
    ------
    ValueError
        If an answer cell of the student version has no counterpart in the source or the number
        of stubs and solution blocks differs.
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
        blocks = solution_blocks(src)
        if not blocks:
            cell.source = src
            continue
        stub = CODE_STUB if cell.cell_type == "code" else TEXT_STUB
        stub_lines = stub.split("\n")
        lines = cell.source.split("\n")
        out, i, used = [], 0, 0
        while i < len(lines):
            window = [l.strip() for l in lines[i : i + len(stub_lines)]]
            if window == stub_lines:
                if used >= len(blocks):
                    raise ValueError(f"answer cell {grade_id!r} has more stubs than the source has solutions")
                indent = lines[i][: len(lines[i]) - len(lines[i].lstrip())]
                out += [indent + b if b else b for b in _dedent_block(blocks[used]).split("\n")]
                used += 1
                i += len(stub_lines)
            else:
                out.append(lines[i])
                i += 1
        if used != len(blocks):
            raise ValueError(f"answer cell {grade_id!r}: {used} stubs for {len(blocks)} solutions")
        cell.source = "\n".join(out)
    return filled


def _dedent_block(block: str) -> str:
    lines = block.split("\n")
    widths = [len(l) - len(l.lstrip()) for l in lines if l.strip()]
    cut = min(widths) if widths else 0
    return "\n".join(l[cut:] for l in lines)


def run_notebook(
    nb: nbformat.NotebookNode,
    cwd: str | Path | None = None,
    timeout: int = 180,
    allow_errors: bool = True,
) -> nbformat.NotebookNode:
    """Execute a notebook top to bottom in a fresh ``python3`` kernel and return the executed copy.

    Parameters
    ----------
    nb : nbformat.NotebookNode
    cwd : path, optional
        Working directory of the kernel (a student's files are looked up there).
    timeout : int
        Seconds per cell.
    allow_errors : bool
        Keep going after a failing cell (the error is stored in that cell's outputs).
    """
    from nbclient import NotebookClient

    executed = copy.deepcopy(nb)
    client = NotebookClient(executed, timeout=timeout, kernel_name="python3", allow_errors=allow_errors,
                            resources={"metadata": {"path": str(cwd) if cwd else os.getcwd()}})
    client.execute()
    return executed


def cell_errors(cell) -> list[str]:
    """The error names and messages in an executed code cell's outputs (empty when it ran cleanly)."""
    return [f"{o.get('ename')}: {o.get('evalue')}" for o in cell.get("outputs", []) if o.get("output_type") == "error"]


def grade(
    student: nbformat.NotebookNode | str | Path,
    source: nbformat.NotebookNode | str | Path | None = None,
    cwd: str | Path | None = None,
    timeout: int = 180,
) -> pd.DataFrame:
    """Grade a student's notebook: put the original tests back (with the hidden ones), run it, score.

    Every test cell of the student's notebook is replaced by the source's cell with the same
    ``grade_id`` (so hidden tests run and edited tests do not count); answer cells keep the
    student's work. The notebook runs top to bottom with errors allowed. A test cell scores its
    points when it runs without error; a written answer is left for the teacher ("handmatig"),
    or scores 0 when it is still the placeholder.

    Parameters
    ----------
    student : notebook or path
        The handed-in notebook.
    source : notebook or path, optional
        The source notebook; by default ``source/<name>/<name>.ipynb`` for a student file called
        ``<name>.ipynb``.
    cwd : path, optional
        Working directory while running (default: the folder of the student's file, so that a
        saved network next to it is found).

    Returns
    -------
    pandas.DataFrame
        One row per graded cell: ``grade_id``, ``soort`` (``automatisch``/``handmatig``),
        ``punten`` (NaN when the teacher still has to grade), ``max_punten``, ``toelichting``.

    Raises
    ------
    KeyError
        If the source cannot be found.
    """
    if isinstance(student, (str, Path)):
        student_file = Path(student)
        cwd = cwd or student_file.resolve().parent
        student = read_notebook(student_file)
        if source is None:
            source = source_path(student_file.stem)
    if isinstance(source, (str, Path)):
        source = read_notebook(source)
    if source is None:
        raise KeyError("grade() needs the source notebook for a student notebook given in memory")
    originals = _by_grade_id(source)
    work = copy.deepcopy(student)
    present = set()
    for cell in work.cells:
        grade_id = _meta(cell).get("grade_id")
        original = originals.get(grade_id)
        if original is None:
            continue
        present.add(grade_id)
        if not _is_solution(original):
            cell.source = original.source
            cell.metadata["nbgrader"] = copy.deepcopy(original.metadata["nbgrader"])
    executed = run_notebook(work, cwd=cwd, timeout=timeout)
    by_id = _by_grade_id(executed)
    rows = []
    for grade_id, original in originals.items():
        if not _is_grade(original):
            continue
        max_points = float(_meta(original)["points"])
        cell = by_id.get(grade_id)
        if cell is None:
            rows.append((grade_id, "automatisch" if original.cell_type == "code" else "handmatig", 0.0, max_points,
                         "cel ontbreekt in het ingeleverde notebook"))
        elif cell.cell_type == "code":
            errors = cell_errors(cell)
            rows.append((grade_id, "automatisch", 0.0 if errors else max_points, max_points,
                         errors[0] if errors else "geslaagd"))
        elif cell.source.strip() in ("", TEXT_STUB):
            rows.append((grade_id, "handmatig", 0.0, max_points, "niet beantwoord"))
        else:
            rows.append((grade_id, "handmatig", float("nan"), max_points, "nakijken met de rubric"))
    return pd.DataFrame(rows, columns=["grade_id", "soort", "punten", "max_punten", "toelichting"])
