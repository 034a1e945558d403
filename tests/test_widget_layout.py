"""Widget layout (issue 11 items 1 and 6): every control has its own Layout, labels fit their space
and sliders and dropdowns keep room for their track and their text.

The checks are on the widget models (no browser): a Layout shared between widgets is one model in
the browser, so hiding one hides all; a description wider than its ``description_width`` is cut
off; a slider whose width barely exceeds its label has no visible track (the Schalock sliders had a
220 px label in a 300 px slider). ``tests/test_browser_layout.py`` measures the same in chromium.
"""
from __future__ import annotations

import ipywidgets as W
import pytest

from netles import datasets
from netles.widgets import (carer_load_simulator, instrument_switcher, kanteling_exercise, liability_form,
                            questionnaire_form, radio_planner, self_check)
from netles.widgets import lesson_widgets as lw

CHAR_PX = 7.5  # a generous width per character of the 13 px widget font
MIN_CONTROL_PX = {W.IntSlider: 200, W.FloatSlider: 200, W.Dropdown: 150, W.Text: 150, W.BoundedIntText: 80,
                  W.BoundedFloatText: 80}


def _tree(widget):
    seen, todo = [], [widget]
    while todo:
        w = todo.pop()
        seen.append(w)
        todo.extend(c for c in getattr(w, "children", ()) if isinstance(c, W.Widget))
    return seen


def _px(value) -> float | None:
    return float(value[:-2]) if isinstance(value, str) and value.endswith("px") else None


def _factories():
    net = datasets.load_case("mantelval_dochter")
    pilot = datasets.load_case("pilot_netwerkversterking")
    voor, na = pilot.moment("voor"), pilot.moment("na")
    out = {
        "planner": lambda lang: radio_planner(net, lang=lang),
        "liability": lambda lang: liability_form(lang=lang),
        "carer": lambda lang: carer_load_simulator(net, lang=lang),
        "kanteling_exercise": lambda lang: kanteling_exercise(net=net, lang=lang),
        "ediz": lambda lang: questionnaire_form("ediz", lang=lang),
        "carerqol": lambda lang: questionnaire_form("carerqol", lang=lang),
        "selfcheck": lambda lang: self_check("?", 0.5, answer="1/2", lang=lang),
        "instruments": lambda lang: instrument_switcher(net, lang=lang),
        "schalock": lambda lang: lw.schalock_widget(lang=lang),
        "kanteling": lambda lang: lw.kanteling_widget(datasets.load_case("senior_55plus"), lang=lang),
        "stelling": lambda lang: lw.stelling_widget("Stelling", lang=lang),
        "steunfuncties": lambda lang: lw.support_functions_widget(net, lang=lang),
        "krimp": lambda lang: lw.shrinking_widget(net, lang=lang),
        "structuur": lambda lang: lw.structure_widget(net, lang=lang),
        "banden": lambda lang: lw.tie_strength_widget(net, lang=lang),
        "bonding": lambda lang: lw.bonding_bridging_widget(net, lang=lang),
        "vraagverlegenheid": lambda lang: lw.vraagverlegenheid_widget(lang=lang),
        "sns": lambda lang: lw.sns_widget(lang=lang),
        "zeven stappen": lambda lang: lw.seven_steps_widget(lang=lang),
        "dimensies": lambda lang: lw.dimensions_widget(net, lang=lang),
        "pilot": lambda lang: lw.pilot_skills_widget(voor, na, lang=lang),
    }
    return out


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", list(_factories()))
def test_each_control_has_its_own_layout(name, lang):
    widget, _ = _factories()[name](lang)
    layouts = {}
    for w in _tree(widget):
        layout = getattr(w, "layout", None)
        if layout is not None:
            layouts.setdefault(layout.model_id, []).append(type(w).__name__)
    shared = {k: v for k, v in layouts.items() if len(v) > 1}
    assert not shared, f"{name}: widgets share one Layout: {list(shared.values())}"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", list(_factories()))
def test_labels_fit_and_controls_keep_room(name, lang):
    widget, _ = _factories()[name](lang)
    problems = []
    for w in _tree(widget):
        kind = next((k for k in MIN_CONTROL_PX if type(w) is k), None)
        if kind is None or not getattr(w, "description", ""):
            continue
        label_px = _px(w.style.description_width)
        text_px = len(w.description) * CHAR_PX
        if label_px is None:
            problems.append(f"{w.description!r}: no description width in px ({w.style.description_width!r})")
            continue
        if text_px > label_px + 4:
            problems.append(f"{w.description!r}: about {text_px:.0f} px of text in {label_px:.0f} px")
        total = _px(w.layout.width)
        if total is None:
            problems.append(f"{w.description!r}: no width in px ({w.layout.width!r})")
        elif total - label_px < MIN_CONTROL_PX[kind]:
            problems.append(f"{w.description!r}: {total - label_px:.0f} px left for the {kind.__name__}")
    assert not problems, f"{name} ({lang}): " + "; ".join(problems)
