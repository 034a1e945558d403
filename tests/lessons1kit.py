"""Helpers for the tests of lessons 00, 01a, 01b and the gallery (tests/test_lesson_*.py).

The lessons are run as papermill would (:mod:`lessonkit`); these helpers read a lesson's text, its
teacher's plan, and run it once per case and language in one kernel.
"""
from __future__ import annotations

import copy
import re
from pathlib import Path

import nbformat

from lessonkit import parameterised

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"

__all__ = ["NOTEBOOKS", "notebook", "markdown_text", "missing_topics", "plan_rows", "run_matrix", "interactive_concepts"]


def notebook(name: str) -> nbformat.NotebookNode:
    return nbformat.read(str(NOTEBOOKS / f"{name}.ipynb"), as_version=4)


def markdown_text(name: str, lang: str = "nl") -> str:
    """All narrative of a lesson in one language, lower case."""
    cells = [c for c in notebook(name).cells if c.cell_type == "markdown"]
    if lang == "nl":
        return "\n".join(c.source for c in cells).lower()
    return "\n".join(c.metadata["netles"]["en"] for c in cells).lower()


def missing_topics(name: str, coverage: dict[str, list[str]]) -> dict[str, list[str]]:
    """Topic -> the keywords of that topic not found in the lesson's Dutch narrative (line breaks ignored)."""
    text = " ".join(markdown_text(name).split())
    gaps = {topic: [k for k in words if k.lower() not in text] for topic, words in coverage.items()}
    return {t: k for t, k in gaps.items() if k}


def plan_rows(name: str, lang: str = "nl") -> list[tuple[int, int]]:
    """The ``| a-b |`` rows of the lesson plan under "Voor de docent" (or its English version)."""
    for cell in notebook(name).cells:
        if cell.cell_type == "markdown" and cell.source.startswith("## Voor de docent"):
            text = cell.source if lang == "nl" else cell.metadata["netles"]["en"]
            return [(int(a), int(b)) for a, b in re.findall(r"^\|\s*(\d+)-(\d+)\s*\|", text, re.M)]
    return []


def interactive_concepts(name: str) -> list[str]:
    return [c.metadata["netles"]["concept"] for c in notebook(name).cells
            if "interactive" in c.metadata.get("tags", [])]


def run_matrix(name: str, variants: list[dict], cwd: Path, timeout: int = 300) -> nbformat.NotebookNode:
    """Run the lesson once per parameter set, all in one kernel; raise on the first failing cell.

    Each variant starts with a cell printing its parameters, so a failure names the case and language.
    """
    from nbclient import NotebookClient

    combined = None
    for params in variants:
        nb = parameterised(NOTEBOOKS / f"{name}.ipynb", params)
        if combined is None:
            combined = copy.deepcopy(nb)
            combined.cells = []
        combined.cells.append(nbformat.v4.new_code_cell(f"print('variant', {params!r})"))
        combined.cells += [c for c in nb.cells if c.cell_type == "code"]
    for cell in combined.cells:
        cell.pop("id", None)  # the same cells appear once per variant
    combined.nbformat_minor = 4
    NotebookClient(combined, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}).execute()
    return combined
