"""Where the lessons' content files are: the quiz and glossary YAML files under ``lesson_content``.

A small module of its own because both :mod:`netles.widgets.quiz` (which reads a lesson's quiz)
and :mod:`netles.lessons` (which builds the glossary) need it, and widgets sit below the lesson
runner.

>>> sorted(p.name for p in content_dir().iterdir() if not p.name.startswith("_"))
['glossary', 'quiz']
"""
from __future__ import annotations

from pathlib import Path

__all__ = ["content_dir"]


def content_dir() -> Path:
    """The folder with the lessons' quiz and glossary files (``netles/lesson_content``)."""
    return Path(__file__).resolve().parent / "lesson_content"
