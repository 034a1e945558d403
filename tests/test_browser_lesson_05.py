"""Lesson 05 in the browser: ``netles les 05 --app`` shows no code, and its widgets render and respond.

A real Chromium (Debian's, driven by Playwright) opens the Voila page, waits until every
interactive cell holds its widget, and uses every control of each one as a student would
(:func:`browserkit.drive_area`): the comparer's measure, the lab's sliders and buttons, the quiz.
"""
from __future__ import annotations

import pytest

from browserkit import OUTPUT, block_outside_requests, browser, console_watch, drive_area, no_widget_errors, start_voila, wait_for_voila  # noqa: F401


@pytest.mark.slow
def test_lesson_05_app_without_code_and_working_widgets(browser, tmp_path):
    server, url = start_voila(["les", "05", "--app", "--out", str(tmp_path)], tmp_path, timeout=180)
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        outside = block_outside_requests(page)
        problems = console_watch(page)
        page.goto(url, timeout=300_000)
        wait_for_voila(page, timeout=300)
        no_widget_errors(page)
        shown = page.locator("#rendered_cells").inner_text()
        for code in ("import netles", "concept_quiz(", "compare.paired_moments(", "n_herhalingen ="):
            assert code not in shown, f"code is visible: {code}"
        assert page.get_by_text("Hoe lees je een vergelijking?").count() == 1
        areas = page.locator(".celltag_interactive")
        assert areas.count() == 3  # the comparer, the interval lab, the quiz
        OUTPUT.mkdir(exist_ok=True)
        found = {}
        for i, name in enumerate(("vergelijker", "proefje", "quiz")):
            report = drive_area(page, areas.nth(i), name, screenshot=OUTPUT / f"les05_{name}.png", budget=180)
            found[name] = report.problems
        assert all(not p for p in found.values()), found
        assert "ggz gemiddeld" in areas.nth(0).inner_text()
        # the lab tallies its intervals; after a new setting it starts over with one sample, which it
        # reads on its own ("Dit interval bevat/mist het echte verschil")
        lab = areas.nth(1).inner_text()
        assert ("intervallen bevatten het echte verschil" in lab or "interval bevat het echte verschil" in lab
                or "interval mist het echte verschil" in lab), lab[:300]
        no_widget_errors(page)
        assert not outside, f"requests to other servers: {outside[:3]}"
        assert not problems, problems[:5]
    finally:
        server.stop()
