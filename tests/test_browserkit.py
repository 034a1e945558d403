"""The generic browser driver catches what issue 11 found: controls hidden by a shared Layout (the
RADIO planner's bug), controls that do nothing, and requests to another host. A small lesson with
one healthy and three faulty widgets is served by ``netles les --app`` and driven."""
from __future__ import annotations

import nbformat
import pytest

from browserkit import OUTPUT, block_outside_requests, browser, drive_area, start_voila, wait_for_voila  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HEALTHY = '''
import ipywidgets as W
persoon = W.Dropdown(options=["Anja", "Bram", "Carla", "Dewi"], description="Persoon")
uitkomst = W.HTML("<p>Gekozen: Anja</p>")
persoon.observe(lambda c: setattr(uitkomst, "value", f"<p>Gekozen: {c['new']}</p>"), "value")
naam = W.Text(description="Naam")
lijst = W.HTML("")
knop = W.Button(description="Toevoegen")
def toevoegen(_):
    lijst.value += f"<li>{naam.value}</li>"
    naam.value = ""
knop.on_click(toevoegen)
W.VBox([persoon, uitkomst, naam, knop, lijst])
'''

# The planner's bug in small: one Layout shared by several controls; hiding the one that does not
# apply hides them all.
SHARED_LAYOUT = '''
import ipywidgets as W
breed = W.Layout(width="300px")
interventie = W.Dropdown(options=["Activeren", "Nieuw lid"], description="Interventie", layout=breed)
persoon = W.Dropdown(options=["Anja", "Bram", "Carla"], description="Persoon", layout=breed)
nieuw = W.Text(description="Naam nieuw lid", layout=breed)
def keuze(_=None):
    nieuw.layout.display = None if interventie.value == "Nieuw lid" else "none"
interventie.observe(keuze, "value")
keuze()
W.VBox([interventie, persoon, nieuw, W.HTML("<p>plan</p>")])
'''

DEAD = '''
import ipywidgets as W
W.VBox([W.IntSlider(description="Grens", value=3, max=10), W.HTML("<p>Er gebeurt niets.</p>")])
'''

# A recovery step shown only when needed, in a box of its own: not a fault.
GROUP = '''
import ipywidgets as W
opslaan = W.Button(description="Opslaan")
melding = W.HTML("")
herstel = W.HBox([W.Text(description="Pad"), W.Button(description="Opslaan als")], layout=W.Layout(display="none"))
opslaan.on_click(lambda _b: setattr(melding, "value", "<p>Bewaard.</p>"))
W.VBox([opslaan, melding, herstel])
'''

# Notes a student writes for an exported plan: marked as free text, typing in them need not show.
FREE_TEXT = '''
import ipywidgets as W
keuze = W.Dropdown(options=["Anja", "Bram", "Carla", "Dewi"], description="Persoon")
uitkomst = W.HTML("<p>Gekozen: Anja</p>")
keuze.observe(lambda c: setattr(uitkomst, "value", f"<p>Gekozen: {c['new']}</p>"), "value")
aantekening = W.Textarea(description="Aantekening")
aantekening.add_class("netles-free-text")
los = W.Textarea(description="Los")
W.VBox([keuze, uitkomst, aantekening, los])
'''

CDN = '''
from IPython.display import HTML
HTML('<img alt="logo" src="https://cdn.example.org/logo.png">')
'''


def _lesson(folder):
    def cell(source, interactive=True):
        meta = {"tags": ["interactive"], "netles": {"concept": "proef"}} if interactive else {}
        return nbformat.v4.new_code_cell(source, metadata={**meta, "jupyter": {"source_hidden": True}})

    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Proef van de driver"),
        nbformat.v4.new_code_cell('casus = "voorbeeld"\nseed = 1\ntaal = "nl"', metadata={"tags": ["parameters"]}),
        cell(HEALTHY), cell(SHARED_LAYOUT), cell(DEAD), cell(GROUP), cell(FREE_TEXT), cell(CDN, interactive=False),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, str(folder / "09_proef.ipynb"))


@pytest.fixture(scope="module")
def proef(browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("notebooks")
    _lesson(folder)
    work = tmp_path_factory.mktemp("werk")
    mp = pytest.MonkeyPatch()
    mp.setenv("NETLES_NOTEBOOKS", str(folder))
    server, url = start_voila(["les", "09", "--app", "--out", str(work)], work)
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    outside = block_outside_requests(page)
    try:
        page.goto(url, timeout=90_000)
        wait_for_voila(page)
        yield page, outside
    finally:
        page.close()
        server.stop()
        mp.undo()


def test_a_healthy_widget_passes(proef):
    page, _ = proef
    report = drive_area(page, page.locator(".celltag_interactive").nth(0), "gezond", screenshot=OUTPUT / "driver_ok.png")
    assert report.problems == []
    assert {"select:Persoon#1", "text:Naam#1", "button:Toevoegen#1"} <= set(report.used)
    assert "Sam Test" in page.locator(".celltag_interactive").nth(0).inner_text()


def test_controls_hidden_by_a_shared_layout_fail(proef):
    page, _ = proef
    report = drive_area(page, page.locator(".celltag_interactive").nth(1), "gedeelde layout")
    assert set(report.never_visible) == {"select:Interventie#1", "select:Persoon#1", "text:Naam nieuw lid#1"}
    assert any("display: none" in p for p in report.problems)


def test_a_control_that_changes_nothing_fails(proef):
    page, _ = proef
    report = drive_area(page, page.locator(".celltag_interactive").nth(2), "dood")
    assert report.without_effect == ["slider:Grens#1"] and not report.changed
    assert "nothing in the area changed after using its controls" in report.problems


def test_a_group_shown_only_when_needed_is_not_a_fault(proef):
    page, _ = proef
    report = drive_area(page, page.locator(".celltag_interactive").nth(3), "groep")
    assert report.problems == []
    assert report.conditional == ["button:Opslaan als#1", "text:Pad#1"]


def test_notes_marked_as_free_text_need_not_change_the_screen(proef):
    page, _ = proef
    report = drive_area(page, page.locator(".celltag_interactive").nth(4), "vrije tekst")
    assert "text:Aantekening#1" in report.used and "text:Los#1" in report.used
    assert "text:Los#1" in report.without_effect and "text:Aantekening#1" not in report.without_effect


def test_a_request_to_another_host_is_caught(proef):
    _, outside = proef
    assert outside == ["https://cdn.example.org/logo.png"]
