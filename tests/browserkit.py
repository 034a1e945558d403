"""Shared helpers for real-browser tests: Debian's chromium driven by Playwright.

Use them from any test module::

    from browserkit import browser, Server, free_port, jupyter_env, block_outside_requests, drive_area

``browser`` is a module-scoped pytest fixture (import it into the test module). Chromium is never
downloaded: it must be ``/usr/bin/chromium`` (``make browser``); ``NETLES_SKIP_BROWSER=1`` skips.

The generic driver :func:`drive_area` uses every control a student would use in one widget area
(a cell's output, a tab of the app): it picks the third option of each dropdown, moves sliders,
types in text fields, ticks boxes and clicks buttons, opens every tab, and reports what a student
would run into: controls that are never visible (``display: none``), buttons that never become
usable, controls whose use changes nothing visible, an area that never changes, "Error displaying
widget". It discovers the controls from the page, so new widgets and lessons are covered as they
land. A widget that shows a control only when it is needed (a confirmation, a recovery step) puts
it in a box that it hides and shows, or gives it the class ``netles-conditional``.
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
from dataclasses import dataclass, field
from pathlib import Path

import pytest

__all__ = ["ROOT", "OUTPUT", "CHROMIUM", "CHROMIUM_ARGS", "IGNORED_CONSOLE", "browser", "free_port", "jupyter_env",
           "Server", "console_watch", "block_outside_requests", "no_widget_errors", "run_all_cells", "start_voila",
           "wait_for_voila", "AreaReport", "drive_area", "NETLES"]

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "test-output"
NETLES = ROOT / ".venv" / "bin" / "netles"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Harmless console noise in Voila and Lab (see RECIPES.md); anything else is reported.
IGNORED_CONSOLE = ("fonts", "font", "version", "setData", "favicon", "Failed to load resource", "mismatch",
                   "Unsatisfied", "No satisfying")


@pytest.fixture(scope="module")
def browser():
    """One headless chromium per test module."""
    if os.environ.get("NETLES_SKIP_BROWSER") == "1":
        pytest.skip("NETLES_SKIP_BROWSER=1: real-browser tests skipped")
    if not CHROMIUM.exists():
        pytest.fail(
            f"Debian's chromium is not installed at {CHROMIUM}; the real-browser tests need it. "
            "Install it with `make browser` (apt-get install chromium) or set NETLES_SKIP_BROWSER=1 to skip these tests.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def jupyter_env(tmp: Path) -> dict[str, str]:
    """Temporary Jupyter folders so the test touches nothing of the user's, news popup off."""
    env = dict(os.environ)
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTERLAB_SETTINGS_DIR",
                 "JUPYTERLAB_WORKSPACES_DIR", "IPYTHONDIR"):
        folder = tmp / "jupyter" / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    settings = Path(env["JUPYTERLAB_SETTINGS_DIR"]) / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    env.pop("NETLES_SKIP_BROWSER", None)
    return env


class Server:
    """A server process in its own process group, stopped (with its kernels) on :meth:`stop`."""

    def __init__(self, command: list[str], env: dict, cwd: Path, log: Path):
        self.log = log
        self._log_handle = open(log, "wb")
        self.process = subprocess.Popen(command, env=env, cwd=cwd, stdout=self._log_handle, stderr=subprocess.STDOUT,
                                        start_new_session=True)

    def wait_for(self, url: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"server exited with {self.process.returncode}:\n{self.log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(url, timeout=2):
                    return
            except urllib.error.HTTPError as exc:  # the server answers: it is up
                if exc.code < 500:
                    return
                time.sleep(0.3)
            except OSError:
                time.sleep(0.3)
        raise AssertionError(f"server did not answer at {url} within {timeout} s:\n{self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self._log_handle.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def start_voila(args: list[str], tmp: Path, *, timeout: float = 90) -> tuple[Server, str]:
    """Start ``netles <args> --no-browser --port P`` (``app`` or ``les KEY --app``); return the server and its URL."""
    port = free_port()
    server = Server([str(NETLES), *args, "--no-browser", f"--port={port}"], env=jupyter_env(tmp), cwd=tmp,
                    log=tmp / f"voila-{port}.log")
    try:
        server.wait_for(f"http://127.0.0.1:{port}/favicon.ico", timeout=timeout)
    except BaseException:
        server.stop()
        raise
    return server, f"http://127.0.0.1:{port}/"


def console_watch(page) -> list[str]:
    """Collect console errors and page errors (except known harmless noise) into a list."""
    problems: list[str] = []

    def on_console(msg):
        if msg.type == "error" and not any(word in msg.text for word in IGNORED_CONSOLE):
            problems.append(msg.text)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    return problems


def block_outside_requests(page, *, allow_files: bool = False, hosts: tuple[str, ...] = ("127.0.0.1", "localhost")) -> list[str]:
    """Abort every request to another host (or, with ``allow_files``, every request that is not a file).

    Returns the list the attempted outside addresses are appended to: a test asserts it is empty.
    """
    from urllib.parse import urlparse

    attempts: list[str] = []

    def route(r):
        url = r.request.url
        scheme = urlparse(url).scheme
        local = scheme in ("data", "blob", "about") or (scheme == "file" and allow_files) or \
            (not allow_files and scheme in ("http", "https", "ws") and urlparse(url).hostname in hosts)
        if local:
            r.continue_()
        else:
            attempts.append(url)
            r.abort()

    page.route("**/*", route)
    return attempts


def no_widget_errors(page) -> None:
    assert page.get_by_text("Error displaying widget").count() == 0, "a widget failed to display"


def run_all_cells(page) -> None:
    """JupyterLab's Run > Run All Cells, through the menu (the command palette route was flaky)."""
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()


def wait_for_voila(page, areas: str = ".celltag_interactive", *, timeout: float = 180) -> None:
    """Wait until Voila has rendered: every ``areas`` element holds a widget and the outputs stop changing."""
    page.wait_for_selector("#rendered_cells", state="visible", timeout=timeout * 1000)
    deadline = time.monotonic() + timeout
    last, stable_since = None, time.monotonic()
    while time.monotonic() < deadline:
        now = page.evaluate(
            """(sel) => { const a = [...document.querySelectorAll(sel)];
                 const ready = a.every(e => e.querySelector('.jupyter-widgets, .lm-Widget, .js-plotly-plot'));
                 return JSON.stringify([ready, document.querySelectorAll('.jp-OutputArea-output').length,
                                        document.querySelectorAll('.jupyter-widgets').length,
                                        document.querySelectorAll('.js-plotly-plot .main-svg').length]); }""",
            areas)
        if now != last:
            last, stable_since = now, time.monotonic()
        elif json.loads(now)[0] and time.monotonic() - stable_since > 2.5:
            return
        time.sleep(0.25)
    raise AssertionError(f"Voila did not finish rendering within {timeout} s ({last})")


# --------------------------------------------------------------------------------------------
# The generic driver
# --------------------------------------------------------------------------------------------

_COLLECT = r"""
(area) => {
  const kinds = [
    ['tab', '.lm-TabBar-tab'],
    ['accordion', '.jupyter-widget-Collapse-header, .lm-Collapse-header, .p-Collapse-header'],
    ['select', '.widget-dropdown select, .widget-select select, .widget-select-multiple select'],
    ['radio', '.widget-radio-box'],
    ['toggles', '.widget-toggle-buttons'],
    ['slider', '.widget-slider, .widget-hslider, .widget-vslider'],
    ['text', '.widget-text input, .widget-combobox input, .widget-textarea textarea, .widget-datepicker input'],
    ['checkbox', '.widget-checkbox input[type=checkbox]'],
    ['toggle', 'button.widget-toggle-button'],
    ['button', 'button.jupyter-button'],
  ];
  const label = (el) => {
    const root = el.closest('.widget-inline-hbox, .widget-checkbox, .jupyter-widgets') || el;
    const clean = (t) => (t || '').replace(/[\u200b\u00a0]/g, ' ').replace(/\s+/g, ' ').trim();
    let text = '';
    for (const l of root.querySelectorAll(':scope > .widget-label, :scope > label, .widget-label-basic')) {
      text = clean(l.innerText || l.textContent);
      if (text) break;
    }
    if (!text && (el.tagName === 'BUTTON' || el.classList.contains('lm-TabBar-tab'))) text = clean(el.innerText);
    if (!text && el.placeholder) text = clean(el.placeholder);
    if (!text && el.tagName === 'SELECT') text = '(list)';
    return text.slice(0, 60);
  };
  const visible = (el) => {
    if (!el.isConnected || !el.getClientRects().length) return false;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden') return false;
    }
    return true;
  };
  const hiddenBy = (el) => {
    // what hides a control: its own widget's layout ('self', the planner's bug), a box around it
    // that holds a group shown only when needed ('group', e.g. "Opslaan als" after a failed save),
    // or a class netles-conditional that a widget puts on a control it shows only when needed
    if (el.closest('.netles-conditional')) return 'marked';
    const root = el.closest('.jupyter-widgets') || el;
    for (let e = el; e && e !== area; e = e.parentElement) {
      if (getComputedStyle(e).display === 'none') return (e === root || root.contains(e)) ? 'self' : 'group';
    }
    return '';
  };
  const out = [];
  const counts = {};
  for (const [kind, sel] of kinds) {
    const els = [...area.querySelectorAll(sel)].filter(el =>
      !(kind === 'button' && (el.classList.contains('widget-toggle-button') || el.closest('.widget-toggle-buttons'))) &&
      !(kind === 'text' && el.type === 'file'));
    els.forEach((el, i) => {
      const base = kind + ':' + label(el);
      counts[base] = (counts[base] || 0) + 1;
      const disabled = !!(el.disabled || el.querySelector(':scope input:disabled, :scope button:disabled') ||
                          el.classList.contains('lm-mod-disabled') || el.closest('.mod-disabled'));
      out.push({kind, sel, i, key: base + '#' + counts[base], visible: visible(el), disabled,
                hiddenBy: hiddenBy(el),
                // a field where a student writes notes whose use shows only later (in an exported
                // plan or handout): typing in it need not change anything on screen
                freeText: !!el.closest('.netles-free-text'),
                active: el.classList.contains('lm-mod-current') || el.classList.contains('jupyter-mod-active')});
    });
  }
  return out;
}
"""

_SIGNATURE = r"""
(area) => {
  const skip = (el) => el.closest('select, input, textarea, button, .widget-readout, .noUi-target, .modebar');
  const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
  const parts = [];
  while (walker.nextNode()) {
    const n = walker.currentNode, el = n.parentElement;
    if (!el || skip(el) || !el.getClientRects().length) continue;
    const t = n.textContent.trim();
    if (t) parts.push(t);
  }
  for (const p of area.querySelectorAll('.js-plotly-plot')) {
    if (!p.getClientRects().length) continue;
    try {
      parts.push(JSON.stringify((p.data || []).map(t => [t.x, t.y, t.r, t.theta, t.text, t.name, t.visible,
                                                           t.marker && t.marker.color, t.marker && t.marker.size])));
      parts.push(JSON.stringify(p.layout && [p.layout.title, p.layout.annotations && p.layout.annotations.length]));
    } catch (e) { parts.push('plot'); }
  }
  for (const img of area.querySelectorAll('img')) parts.push(img.src.length + img.src.slice(-40));
  const values = [...area.querySelectorAll('select, input, textarea')].map(e =>
      e.type === 'checkbox' || e.type === 'radio' ? String(e.checked) :
      e.multiple ? [...e.selectedOptions].map(o => o.value).join(',') : e.value);
  values.push(...[...area.querySelectorAll('.widget-readout')].map(e => e.innerText));
  let h = 0; const s = parts.join('\n');
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return {out: h + ':' + s.length, values: values.join('|'), errors: s.includes('Error displaying widget')};
}
"""


@dataclass
class AreaReport:
    """What :func:`drive_area` did in one widget area and what a student would run into."""

    name: str
    used: list = field(default_factory=list)
    never_visible: list = field(default_factory=list)
    conditional: list = field(default_factory=list)
    never_enabled: list = field(default_factory=list)
    without_effect: list = field(default_factory=list)
    not_applied: list = field(default_factory=list)
    changed: bool = False
    widget_errors: bool = False
    controls: int = 0

    @property
    def problems(self) -> list[str]:
        found = []
        if self.never_visible:
            found.append(f"controls never visible to a student (display: none): {self.never_visible}")
        if self.never_enabled:
            found.append(f"buttons that never become usable: {self.never_enabled}")
        if self.not_applied:
            found.append(f"controls that did not take the choice: {self.not_applied}")
        if self.without_effect:
            found.append(f"controls whose use changes nothing visible: {self.without_effect}")
        if self.controls and not self.changed:
            found.append("nothing in the area changed after using its controls")
        if self.widget_errors:
            found.append("'Error displaying widget'")
        return found


def _signature(area) -> dict:
    return area.evaluate(_SIGNATURE)


_REACTION = {"slowest": 0.0}


def _settle(area, before: dict, *, wait_change: float = 1.5, stable: float = 0.6, limit: float = 20) -> dict:
    """Wait for the area to react to an action, then until it is stable.

    The wait for a reaction is at least ``wait_change`` seconds and twice the slowest reaction seen
    so far: on a loaded machine the kernel answers late, and a late answer is not "no effect".
    """
    start = time.monotonic()
    wait = max(wait_change, min(8.0, 2 * _REACTION["slowest"]))
    now = _signature(area)
    while now["out"] == before["out"] and time.monotonic() - start < wait:
        time.sleep(0.15)
        now = _signature(area)
    if now["out"] != before["out"]:
        _REACTION["slowest"] = max(_REACTION["slowest"], time.monotonic() - start)
    last, since = now, time.monotonic()
    while time.monotonic() - start < limit:
        time.sleep(0.15)
        now = _signature(area)
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= stable:
            break
    return last


_TEXT_FOR = (("getal", "0,5"), ("number", "0.5"), ("aantal", "3"), ("minuten", "15"), ("minutes", "15"),
             ("jaar", "2020"), ("year", "2020"), ("leeftijd", "40"), ("age", "40"), ("datum", "2025-03-01"))


def _text_to_type(control, element) -> str:
    kind = element.evaluate("e => e.type || e.tagName")
    hint = (control["key"] + " " + (element.get_attribute("placeholder") or "")).lower()
    if kind == "number":
        return "3"
    if kind == "date":
        return "2025-03-01"
    if element.evaluate("e => e.tagName") == "TEXTAREA":
        return "Een korte toelichting van de student."
    for word, text in _TEXT_FOR:
        if word in hint:
            return text
    return "Sam Test"


def _act(page, area, control: dict) -> bool | None:
    """Use one control as a student would; return whether it took the new value (None: nothing to do yet).

    Dropdowns get their third option; a second dropdown with the same options (a tie "between ...
    and ...") gets the fourth, and so on, as a student would not pick one person twice.
    """
    element = area.locator(control["sel"]).nth(control["i"])
    element.scroll_into_view_if_needed(timeout=5_000)
    kind = control["kind"]
    if kind in ("tab", "accordion", "button", "toggle"):
        element.click(timeout=5_000)
        return True
    if kind == "select":
        values = element.evaluate("e => [...e.options].map(o => o.value)")
        if not values:
            return None  # an empty list (no people yet): nothing to choose now, perhaps later
        if len(values) == 1:  # a list with one entry (one person so far): choose it
            if element.evaluate("e => e.selectedIndex") != 0 or element.evaluate("e => e.size > 1"):
                element.select_option(index=0, timeout=5_000)
            return True
        if element.evaluate("e => e.multiple"):
            chosen = [values[0], values[min(2, len(values) - 1)]]
            element.select_option(value=chosen, timeout=5_000)
            return sorted(element.evaluate("e => [...e.selectedOptions].map(o => o.value)")) == sorted(set(chosen))
        current = element.input_value()
        same = area.evaluate(
            """(area, [sel, i]) => { const me = [...area.querySelectorAll(sel)][i];
                 const opts = e => [...e.options].map(o => o.value).join('\\n');
                 const all = [...area.querySelectorAll('select:not([multiple])')];
                 return me ? all.slice(0, all.indexOf(me)).filter(e => opts(e) === opts(me)).length : 0; }""",
            [control["sel"], control["i"]])
        index = (2 + same) % len(values) if len(values) > 2 else len(values) - 1
        if values[index] == current:
            index = next(i for i in range(len(values)) if values[i] != current)
        element.select_option(index=index, timeout=5_000)
        return element.input_value() == values[index]
    if kind in ("radio", "toggles"):
        options = element.locator("input[type=radio]" if kind == "radio" else "button")
        n = options.count()
        if n < 2 and kind == "toggles":
            return True
        checked = element.evaluate(
            "e => [...e.querySelectorAll('input[type=radio], button')].findIndex(o => o.checked || o.classList.contains('mod-active'))")
        index = min(2, n - 1)
        if index == checked:
            index = next(i for i in range(n) if i != checked)
        options.nth(index).click(timeout=5_000)
        return True
    if kind == "slider":
        readout = element.locator(".widget-readout")
        before = readout.first.inner_text() if readout.count() else ""
        handle = element.locator(".noUi-handle").first
        handle.focus()
        for key in ("ArrowRight", "ArrowRight", "ArrowRight"):
            handle.press(key)
        if readout.count() and readout.first.inner_text() == before:
            for key in ("ArrowLeft",) * 6:
                handle.press(key)
        return not readout.count() or readout.first.inner_text() != before
    if kind == "text":
        text = _text_to_type(control, element)
        element.click(timeout=5_000)
        element.fill(text)
        element.press("Tab")
        return element.input_value() == text
    if kind == "checkbox":
        before = element.is_checked()
        element.click(timeout=5_000)
        return element.is_checked() != before
    return True


_ORDER = ("tab", "accordion", "select", "radio", "toggles", "slider", "text", "checkbox", "toggle", "button")


def drive_area(page, area, name: str, *, screenshot: Path | None = None, max_per_kind: int = 25,
               budget: float = 180, conditional: dict[str, str] | None = None) -> AreaReport:
    """Use every control in ``area`` (a Playwright locator) as a student would and report what went wrong.

    Every tab and accordion section is opened; then, pass by pass, every visible and usable control
    that was not used yet is used once: the third option of a dropdown (or another one), the third
    radio or toggle button, three steps of a slider, a name or a number typed in a field, a box
    ticked, a button clicked. Controls that appear only after a choice are used in the next pass.
    When some controls are still hidden, each dropdown is stepped through all its options so that
    controls shown only for one choice become visible. A control whose use changed nothing visible
    is forgiven when a later button (e.g. *Toevoegen*) changes the area.

    A control that is never visible is a fault (the planner's controls, hidden by one shared
    Layout), unless a box around it is what hides it (a group shown only when needed, such as
    "Opslaan als" after a failed save), it carries the class ``netles-conditional``, or its key
    starts with one of ``conditional`` (key prefix -> why it is shown only sometimes).
    """
    report = AreaReport(name)
    deadline = time.monotonic() + budget
    start = _signature(area)
    seen_visible: set[str] = set()
    seen_enabled: set[str] = set()
    used: set[str] = set()
    pending: list[str] = []
    effects: list[str] = []  # controls whose use changed what the area shows
    per_kind: dict[str, int] = {}

    def collect() -> list[dict]:
        controls = area.evaluate(_COLLECT)
        for c in controls:
            if c["visible"]:
                seen_visible.add(c["key"])
                if not c["disabled"]:
                    seen_enabled.add(c["key"])
        return controls

    typed: dict[str, str] = {}

    def refill() -> None:
        """Type again in fields the widget emptied (an "add" button clears its field): a student
        types a new entry before clicking the next button."""
        for c in collect():
            if c["kind"] == "text" and c["key"] in typed and c["visible"] and not c["disabled"]:
                element = area.locator(c["sel"]).nth(c["i"])
                if not element.input_value(timeout=3_000):
                    element.fill(typed[c["key"]], timeout=3_000)
                    element.press("Tab")

    def use(control: dict) -> None:
        nonlocal pending
        if control["kind"] == "button":
            try:
                refill()
            except Exception:
                pass
        before = _signature(area)
        try:
            applied = _act(page, area, control)
        except Exception as exc:  # a control that cannot be used (covered, detached) is reported
            used.add(control["key"])
            report.not_applied.append(f"{control['key']} ({type(exc).__name__}: {str(exc).splitlines()[0][:80]})")
            return
        if applied is None:
            return
        after = _settle(area, before)
        used.add(control["key"])
        if control["kind"] == "text":
            try:
                typed[control["key"]] = area.locator(control["sel"]).nth(control["i"]).input_value(timeout=3_000)
            except Exception:
                pass
        report.used.append(control["key"])
        if not applied:
            report.not_applied.append(control["key"])
        if control["kind"] in ("tab", "accordion"):
            return
        if after["out"] != before["out"]:
            effects.append(control["key"])
            pending = []  # e.g. "Toevoegen" shows what the fields before it were for
        elif not control.get("freeText"):
            pending.append(control["key"])

    all_keys = {c["key"]: c for c in collect()}
    allowed = tuple((conditional or {}).keys())

    def passes() -> None:
        for _ in range(5):
            progressed = False
            for kind in _ORDER[2:]:
                for control in [c for c in collect() if c["kind"] == kind]:
                    all_keys.setdefault(control["key"], control)
                    if control["key"] in used or not control["visible"] or control["disabled"]:
                        continue
                    if per_kind.get(kind, 0) >= max_per_kind or time.monotonic() > deadline:
                        continue
                    per_kind[kind] = per_kind.get(kind, 0) + 1
                    # re-find it: earlier actions may have re-drawn the area
                    fresh = next((c for c in collect() if c["key"] == control["key"]), None)
                    if fresh and fresh["visible"] and not fresh["disabled"]:
                        use(fresh)
                        progressed = True
            for c in collect():
                all_keys.setdefault(c["key"], c)
            hidden = [k for k, c in all_keys.items() if k not in seen_visible and c["kind"] not in ("tab", "accordion")
                      and c.get("hiddenBy") not in ("group", "marked") and not (allowed and k.startswith(allowed))]
            if hidden and time.monotonic() < deadline and not stepped:
                # Step each dropdown through its options: some controls appear only for one choice.
                for c in [c for c in collect() if c["kind"] == "select" and c["visible"] and not c["disabled"]]:
                    element = area.locator(c["sel"]).nth(c["i"])
                    if element.evaluate("e => e.multiple") or c["key"] in stepped:
                        continue
                    stepped.add(c["key"])
                    try:
                        current = element.input_value(timeout=3_000)
                        for index in range(10):
                            if index >= element.evaluate("e => e.options.length"):
                                break
                            before = _signature(area)
                            element.select_option(index=index, timeout=3_000)
                            _settle(area, before, wait_change=0.6, stable=0.4)
                            for new in collect():
                                all_keys.setdefault(new["key"], new)
                        element.select_option(value=current, timeout=3_000)
                        _settle(area, _signature(area), wait_change=1.0)
                    except Exception:  # the options changed under us (they depend on another choice)
                        pass
                    progressed = True
            if not progressed or time.monotonic() > deadline:
                break

    stepped: set[str] = set()
    # Each tab (and accordion section) in turn: its controls are only visible while it is open.
    openers = [c for c in collect() if c["kind"] in ("tab", "accordion")]
    if not openers:
        passes()
    for opener in openers:
        fresh = next((c for c in collect() if c["key"] == opener["key"]), None)
        if fresh and fresh["visible"]:
            if not (fresh["kind"] == "tab" and fresh["active"]):
                use(fresh)
            stepped.clear()
            passes()
    final = _signature(area)
    report.controls = len([k for k in all_keys if not k.startswith(("tab:", "accordion:"))])
    # hidden by a box shown only when needed, or marked netles-conditional: not a fault by itself
    report.conditional = sorted(k for k in all_keys if k not in seen_visible and (
        all_keys[k].get("hiddenBy") in ("group", "marked") or (allowed and k.startswith(allowed))))
    report.never_visible = sorted(k for k in all_keys if k not in seen_visible and k not in report.conditional)
    report.never_enabled = sorted(k for k in all_keys if k in seen_visible and k not in seen_enabled
                                  and all_keys[k]["kind"] in ("button", "select", "text", "slider", "checkbox"))
    report.without_effect = pending
    # changed at the end, or on the way: a widget may come back to where it started (the
    # loneliness form starts afresh when the driver switches the scale and switches it back)
    report.changed = final["out"] != start["out"] or bool(effects)
    report.widget_errors = final["errors"]
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        try:
            area.screenshot(path=str(screenshot), timeout=30_000)
        except Exception:
            page.screenshot(path=str(screenshot), full_page=True)
    return report
