"""The RADIO planner in a real browser (Debian's chromium, driven by Playwright).

Issue 11 found the planner unusable in JupyterLab and in the app although every Python test passed:
nine controls shared one ``Layout``, so hiding the four that an intervention does not need hid all
nine (``display: none``), and the add button stayed disabled after the editor changed the network.
Only a browser shows that. These tests do what a student does: open a small notebook with the
planner, pick the third person and an intervention other than the first one offered, add it, and
see the plan change; in the app, add a person in the editor first and then plan. Every control a
student needs must be displayed. Screenshots go to ``test-output/``.

Chromium is never downloaded: it must be ``/usr/bin/chromium``; ``NETLES_SKIP_BROWSER=1`` skips.
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

import nbformat
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "test-output"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# The controls a student uses; which of function/kind/member-name/mode show depends on the intervention.
ALWAYS_SHOWN = ("alter", "action", "add-button", "undo-button", "goal", "title", "file", "export-button")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def browser():
    if os.environ.get("NETLES_SKIP_BROWSER") == "1":
        pytest.skip("NETLES_SKIP_BROWSER=1: real-browser tests skipped")
    if not CHROMIUM.exists():
        pytest.fail(f"Debian's chromium is not installed at {CHROMIUM}; install it with `make browser` "
                    "or set NETLES_SKIP_BROWSER=1 to skip the real-browser tests.", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


def _block_outside_requests(page) -> list[str]:
    """Abort every request to a host other than the local server; the list collects them (issue 11.2)."""
    from browserkit import block_outside_requests

    return block_outside_requests(page)


def _jupyter_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTERLAB_SETTINGS_DIR",
                 "JUPYTERLAB_WORKSPACES_DIR", "IPYTHONDIR"):
        folder = tmp / "jupyter" / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    settings = Path(env["JUPYTERLAB_SETTINGS_DIR"]) / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    return env


class _Server:
    """A server in its own process group, stopped (with its kernels) at the end."""

    def __init__(self, command: list[str], env: dict, cwd: Path, log: Path):
        self.log = log
        self._log = open(log, "wb")
        self.process = subprocess.Popen(command, env=env, cwd=cwd, stdout=self._log, stderr=subprocess.STDOUT,
                                        start_new_session=True)

    def wait_for(self, url: str, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"server exited with {self.process.returncode}:\n{self.log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(url, timeout=2):
                    return
            except urllib.error.HTTPError as exc:
                if exc.code < 500:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise AssertionError(f"server did not answer at {url} within {timeout} s:\n{self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=15)
        self._log.close()


def _planner_notebook(folder: Path) -> str:
    """A small notebook that shows the planner on the running example."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "from netles import datasets\n"
        "from netles.widgets import radio_planner\n"
        "planner, planner_state = radio_planner(datasets.load_case('voorbeeld'))\n"
        "planner")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, folder / "planner.ipynb")
    return "planner.ipynb"


def _control(planner, name: str):
    return planner.locator(f".netles-planner-{name}").first


def _hidden_controls(planner, names) -> list[str]:
    """Controls whose element, or an ancestor, is not displayed."""
    hidden = []
    for name in names:
        element = _control(planner, name)
        shown = element.evaluate(
            "e => { for (let n = e; n; n = n.parentElement) { if (getComputedStyle(n).display === 'none') return false; }"
            " const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; }")
        if not shown:
            hidden.append(name)
    return hidden


def _select(planner, name: str, *, index: int | None = None, label: str | None = None) -> str:
    select = _control(planner, name).locator("select")
    if index is not None:
        select.select_option(index=index)
    else:
        select.select_option(label=label)
    return select.evaluate("s => s.options[s.selectedIndex].text").replace("\xa0", " ")


def _wait_until(condition, timeout: float = 20) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def _plan_a_step(page, planner, shot: str) -> None:
    """Third person, another intervention, add: the plan changes; nothing a student needs is hidden."""
    assert _hidden_controls(planner, ALWAYS_SHOWN) == [], "a control a student needs is hidden"
    person = _select(planner, "alter", index=2)
    first_action = _control(planner, "action").locator("select").evaluate("s => s.options[s.selectedIndex].text").replace("\xa0", " ")
    labels = [t.replace("\xa0", " ") for t in _control(planner, "action").locator("select option").all_inner_texts()]
    other = next(label for label in labels if label != first_action)
    _select(planner, "action", label=other)
    assert _wait_until(lambda: not _control(planner, "add-button").is_disabled()), "the add button stays disabled"
    hidden = _hidden_controls(planner, ALWAYS_SHOWN)
    assert hidden == [], f"hidden after choosing {other!r}: {hidden}"
    steps = planner.locator(".netles-plan-steps li")
    before = steps.count()
    _control(planner, "add-button").click()
    assert _wait_until(lambda: steps.count() == before + 1), "the plan did not change"
    text = steps.nth(before).inner_text().replace("\xa0", " ")
    assert other in text and person.split(" (")[0] in text, text
    assert f"{other}: {other}" not in text
    # choosing "Nieuw netwerklid" shows its own controls and still hides nothing else
    _select(planner, "action", label="Nieuw netwerklid")
    assert _wait_until(lambda: _hidden_controls(planner, ("kind", "member-name")) == [])
    assert _hidden_controls(planner, ALWAYS_SHOWN) == []
    assert page.get_by_text("Error displaying widget").count() == 0
    planner.scroll_into_view_if_needed()
    page.screenshot(path=str(OUTPUT / shot), full_page=True)


def test_planner_in_jupyterlab(browser, tmp_path):
    OUTPUT.mkdir(exist_ok=True)
    work = tmp_path / "work"
    work.mkdir()
    notebook = _planner_notebook(work)
    port = _free_port()
    server = _Server([sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ip=127.0.0.1",
                      f"--port={port}", "--IdentityProvider.token=", "--ServerApp.password=",
                      f"--ServerApp.root_dir={work}"],
                     env=_jupyter_env(tmp_path), cwd=work, log=tmp_path / "lab.log")
    page = None
    try:
        server.wait_for(f"http://127.0.0.1:{port}/api/status")
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        attempts = _block_outside_requests(page)
        page.goto(f"http://127.0.0.1:{port}/lab/tree/{notebook}")
        page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=90_000)
        page.wait_for_selector("#jp-main-statusbar >> text=Idle", timeout=90_000)
        for attempt in range(2):  # on a fresh server the first run request is sometimes dropped
            page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
            page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
            try:
                page.wait_for_selector(".netles-planner .netles-plan-steps, .netles-planner i", timeout=60_000)
                break
            except Exception:
                if attempt:
                    raise
        planner = page.locator(".netles-planner").first
        page.wait_for_selector(".netles-planner .js-plotly-plot .main-svg", timeout=60_000)
        _plan_a_step(page, planner, "browser_planner_lab.png")
        assert attempts == [], f"JupyterLab asked another host for {attempts[:3]}"
    finally:
        if page is not None:
            page.close()
        server.stop()


def test_planner_in_the_app_follows_the_editor(browser, tmp_path):
    OUTPUT.mkdir(exist_ok=True)
    port = _free_port()
    autosave = tmp_path / "app_netwerk.json"
    server = _Server([sys.executable, "-m", "netles.cli", "app", "--casus", "voorbeeld", "--file", str(autosave),
                      f"--port={port}", "--no-browser"],
                     env=_jupyter_env(tmp_path), cwd=tmp_path, log=tmp_path / "voila.log")
    page = None
    try:
        server.wait_for(f"http://127.0.0.1:{port}/favicon.ico")
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        attempts = _block_outside_requests(page)
        page.goto(f"http://127.0.0.1:{port}/", timeout=90_000)
        page.wait_for_selector(".netles-editor .js-plotly-plot .main-svg", timeout=90_000)
        editor = page.locator(".netles-editor").first
        name_field = editor.locator(".netles-name input")
        name_field.click()
        name_field.fill("Gijs")
        editor.locator("button.netles-add").click()
        assert _wait_until(lambda: "Gijs" in autosave.read_text(encoding="utf-8") if autosave.exists() else False)
        page.locator(".netles-app-tabs .lm-TabBar-tab, .netles-app-tabs .p-TabBar-tab").nth(2).click()
        planner = page.locator(".netles-planner").first
        planner.wait_for(state="visible", timeout=30_000)
        options = lambda: [t.strip() for t in _control(planner, "alter").locator("select option").all_inner_texts()]  # noqa: E731
        assert _wait_until(lambda: "Gijs" in options(), timeout=40), f"the planner does not offer Gijs: {options()}"
        assert _wait_until(lambda: not _control(planner, "add-button").is_disabled()), \
            "after a person was added in the editor the add button stays disabled"
        _plan_a_step(page, planner, "browser_planner_app.png")
        assert attempts == [], f"the app asked another host for {attempts[:3]}"
    finally:
        if page is not None:
            page.close()
        server.stop()
