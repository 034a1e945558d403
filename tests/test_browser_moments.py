"""A real browser (Debian's chromium via Playwright) against the app: moments of a network.

In ``netles app`` (Voila), save a moment, change the network, save a second moment, and see the
comparison: the summary in plain Dutch, the two netwerkcirkels side by side. The autosave file holds
both moments; no widget fails to display; the page asks nothing of any host but the local server. A
screenshot is kept in ``test-output/browser_moments.png``.

Its own small fixtures (this file does not use test_browser.py's). Chromium is never downloaded: it
must be ``/usr/bin/chromium``; ``NETLES_SKIP_BROWSER=1`` skips the test instead.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "test-output"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL = {"127.0.0.1", "localhost", "::1"}
# console noise Voila makes on any page (RECIPES.md); anything else is reported
IGNORED_CONSOLE = ("font", "version", "setData", "favicon", "Failed to load resource", "mismatch")


@pytest.fixture(scope="module")
def chromium():
    if os.environ.get("NETLES_SKIP_BROWSER") == "1":
        pytest.skip("NETLES_SKIP_BROWSER=1: real-browser tests skipped")
    if not CHROMIUM.exists():
        pytest.fail(f"Debian's chromium is not installed at {CHROMIUM} (make browser), or set NETLES_SKIP_BROWSER=1",
                    pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def app(tmp_path):
    """``netles app`` on a free port with temporary Jupyter folders; yields (url, autosave file)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ)
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
        folder = tmp_path / "jupyter" / name.lower()
        folder.mkdir(parents=True)
        env[name] = str(folder)
    env["NETLES_BACKUP_DIR"] = str(tmp_path / "reservekopieen")
    autosave = tmp_path / "client.json"
    log = open(tmp_path / "voila.log", "wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "netles.cli", "app", "--casus", "voorbeeld", "--file", str(autosave), f"--port={port}",
         "--no-browser"],
        env=env, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 90
        while True:
            if server.poll() is not None:
                raise AssertionError(f"netles app exited with {server.returncode}:\n{(tmp_path / 'voila.log').read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(url + "favicon.ico", timeout=2):
                    break
            except urllib.error.HTTPError as exc:
                if exc.code < 500:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError(f"netles app did not answer:\n{(tmp_path / 'voila.log').read_text()[-3000:]}")
            time.sleep(0.3)
        yield url, autosave
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=15)
        log.close()


def _wait_for_file(autosave: Path, test, timeout: float = 30) -> dict:
    deadline = time.monotonic() + timeout
    data = {}
    while time.monotonic() < deadline:
        try:
            data = json.loads(autosave.read_text(encoding="utf-8"))
            if test(data):
                return data
        except (OSError, ValueError):
            pass
        time.sleep(0.2)
    raise AssertionError(f"the autosave file never reached the expected state: {json.dumps(data)[:500]}")


def _save_moment(editor, autosave: Path, label: str, date: str, n: int) -> None:
    editor.locator(".netles-moment-label input").fill(label)
    date_input = editor.locator(".netles-moment-date input")
    date_input.fill(date)
    date_input.dispatch_event("change")
    editor.locator("button.netles-save-moment").click()
    _wait_for_file(autosave, lambda d: len(d.get("moments", [])) == n and d["moments"][-1]["label"] == label)


def test_save_two_moments_in_the_app_and_see_the_comparison(chromium, app):
    from playwright.sync_api import expect

    url, autosave = app
    OUTPUT.mkdir(exist_ok=True)
    page = chromium.new_page(viewport={"width": 1366, "height": 768})
    outside, console = [], []

    def route(r):
        host = urlparse(r.request.url).hostname
        if r.request.url.startswith(("data:", "blob:")) or host in LOCAL:
            r.continue_()
        else:  # never let the page reach the internet; note that it tried
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: console.append(m.text) if m.type == "error" and not any(w in m.text for w in IGNORED_CONSOLE) else None)
    page.on("pageerror", lambda exc: console.append(f"page error: {exc}"))
    try:
        page.goto(url, timeout=90_000)
        page.wait_for_selector(".netles-editor .netles-figure .js-plotly-plot .main-svg", timeout=90_000)
        editor = page.locator(".netles-editor").first
        assert page.get_by_text("Error displaying widget").count() == 0

        # 1. the intake
        _save_moment(editor, autosave, "intake", "2025-02-03", 1)
        expect(editor.locator(".netles-moment-list option")).to_have_count(1, timeout=20_000)
        expect(editor.locator(".netles-message")).to_contain_text("intake", timeout=20_000)

        # 2. the network changes: Gijs from the sports club arrives
        editor.locator(".netles-name input").fill("Gijs")
        editor.locator("button.netles-add").click()
        _wait_for_file(autosave, lambda d: "Gijs" in [a.get("name") for a in d["alters"]])

        # 3. the evaluation, and the comparison of the two
        _save_moment(editor, autosave, "evaluatie", "2025-08-20", 2)
        # the file is written before the comparison is drawn: wait for the viewer to show the new moment
        viewer = editor.locator(".netles-moments-viewer")
        title = viewer.locator(".netles-moments-figure .gtitle")
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline and not (title.count() and "intake en evaluatie" in (title.first.text_content() or "")):
            time.sleep(0.2)
        assert "intake en evaluatie" in (title.first.text_content() or ""), "the comparison of the two moments was not drawn"
        selects = viewer.locator("select")
        assert selects.nth(0).input_value().startswith("intake") and selects.nth(1).input_value().startswith("evaluatie")
        expect(viewer.locator(".netles-moments-summary")).to_contain_text("Eén nieuw contact: Gijs", timeout=30_000)
        expect(viewer.locator(".netles-moments-figure .js-plotly-plot .main-svg").first).to_be_visible(timeout=30_000)
        expect(viewer.locator(".netles-moments-tables")).to_contain_text("Nieuwe contacten")
        # the mark of the new person is drawn in the second netwerkcirkel
        assert "nieuw bij evaluatie" in viewer.locator(".netles-moments-figure .legend").first.text_content()
        data = _wait_for_file(autosave, lambda d: len(d.get("moments", [])) == 2)
        assert [m["date"] for m in data["moments"]] == ["2025-02-03", "2025-08-20"]
        assert "Gijs" not in [a.get("name") for a in data["moments"][0]["alters"]]
        assert page.get_by_text("Error displaying widget").count() == 0
        # both drawings fit the 1366 px screen side by side
        box = viewer.locator(".netles-moments-figure .js-plotly-plot").first.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 1366, box
        viewer.locator(".netles-moments-summary").scroll_into_view_if_needed()
        page.screenshot(path=str(OUTPUT / "browser_moments.png"))
        editor.locator(".netles-figure").scroll_into_view_if_needed()
        page.screenshot(path=str(OUTPUT / "browser_moments_editor.png"))
        assert not outside, f"the page asked a host other than the local server: {outside}"
        assert not console, f"unexpected console errors: {console}"
    finally:
        page.close()
