"""Helpers for the tests of lessons 02a, 02b and 03a (tests/test_lesson_02a.py, _02b, _03a).

The lessons are run as papermill would (:mod:`lessonkit`); reading a lesson's text and plan comes from
:mod:`lessons1kit`. What is added here: the people of the bundled cases, so a test can check that the
narrative names none of them (text that depends on the case comes from the case, issue 12 item 5),
and the code cells of a lesson.
"""
from __future__ import annotations

import re

from lessons1kit import notebook
from netles import datasets

__all__ = ["case_person_names", "names_in_narrative", "code_sources", "narrative"]

# Words that start a name field or a title without being someone's name.
_NOT_NAMES = {"Moeder", "Vader", "Buurvrouw", "Buurman", "Oma", "Opa", "Ex-partner", "Meneer", "Mevrouw", "Tante",
              "Oom", "Schoonmoeder", "Koffieochtend", "Het", "De", "Een", "FACT-begeleider", "Wmo-consulent",
              "Voorbeeldnetwerk"}


def case_person_names() -> set[str]:
    """First names of the people in the bundled cases (alters and the titles' main persons)."""
    names = set()
    for case in datasets.case_names():
        net = datasets.load_case(case)
        firsts = [str(n).split()[0] for n in net.alters["name"].dropna()]
        firsts.append(datasets.case_title(net).split()[0])
        names |= {f for f in firsts if f[:1].isupper() and len(f) > 2 and f not in _NOT_NAMES}
    return names


def narrative(name: str, lang: str = "nl") -> str:
    """The lesson's markdown in one language, as written (not lower-cased)."""
    cells = [c for c in notebook(name).cells if c.cell_type == "markdown"]
    return "\n".join(c.source if lang == "nl" else c.metadata["netles"]["en"] for c in cells)


def names_in_narrative(name: str) -> dict[str, list[str]]:
    """Language -> names of case persons that the lesson's narrative mentions."""
    names = case_person_names()
    return {lang: sorted(n for n in names if re.search(rf"\b{re.escape(n)}\b", narrative(name, lang)))
            for lang in ("nl", "en")}


def code_sources(name: str) -> str:
    """All code of the lesson."""
    return "\n".join(c.source for c in notebook(name).cells if c.cell_type == "code")
