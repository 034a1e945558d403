"""Lessons 03b, 04a and 04b in a real browser, as a student opens them: ``netles les KEY --app`` (Voila).

Per lesson: the page renders with no code and no "Error displaying widget"; choosing another case in
the case chooser changes the part of the lesson that follows the case; and one of the lesson's own
widgets is used control by control (:func:`browserkit.drive_area`) with nothing hidden, nothing
without effect. Screenshots go to ``test-output/``. Chromium is Debian's (``/usr/bin/chromium``);
``NETLES_SKIP_BROWSER=1`` skips.
"""
from __future__ import annotations

import time

import pytest

from browserkit import OUTPUT, browser, console_watch, drive_area, no_widget_errors, start_voila, wait_for_voila  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# lesson -> (the widget that follows the case, the widget driven control by control)
LESSONS = {
    "03b": ("netles-network-roles", "netles-liability"),
    "04a": ("netles-radio-suggestions", "netles-roleplay"),
    "04b": ("netles-harm", "netles-meldcode"),
}


def _area(page, cls: str):
    return page.locator(".celltag_interactive", has=page.locator(f".{cls}")).first


@pytest.mark.parametrize("key", list(LESSONS))
def test_the_lesson_opens_as_an_app_and_its_widgets_respond(browser, tmp_path, key):  # noqa: F811
    follows, driven = LESSONS[key]
    server, url = start_voila(["les", key, "--app"], tmp_path)
    try:
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        problems = console_watch(page)
        page.goto(url, timeout=180_000)
        wait_for_voila(page)
        no_widget_errors(page)
        assert page.locator(".jp-InputArea-editor:visible, .CodeMirror:visible, .cm-editor:visible").count() == 0
        OUTPUT.mkdir(exist_ok=True)
        page.screenshot(path=str(OUTPUT / f"lesson_{key}_app.png"))

        # the case chooser: another case, and the case-bound part follows
        area = _area(page, follows)
        before = area.inner_text()
        chooser = page.locator(".netles-case-chooser select").first
        lesson_case = chooser.input_value()
        chooser.select_option(index=2)
        deadline = time.monotonic() + 60
        while area.inner_text() == before and time.monotonic() < deadline:
            time.sleep(0.3)
        assert area.inner_text() != before, f"{follows} did not follow the case"
        chooser.select_option(lesson_case)  # back to the lesson's own case for the widget driven below
        deadline = time.monotonic() + 60
        while area.inner_text() != before and time.monotonic() < deadline:
            time.sleep(0.3)

        report = drive_area(page, _area(page, driven), f"{key}:{driven}",
                            screenshot=OUTPUT / f"lesson_{key}_{driven}.png", budget=180)
        assert report.controls and not report.problems, report.problems
        no_widget_errors(page)
        assert not problems, problems
        page.close()
    finally:
        server.stop()
