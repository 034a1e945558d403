"""Offline handouts keep what the lesson showed (issue 11 item 3).

Widget outputs become static snapshots of their last state (text, tables, figures in Output
widgets, choices as text, buttons disabled); plotly.js is embedded once; nothing loads from another
server; the parameters cells are left out; the lesson title is the page title; ``--taal en`` gives
English text and figures. The browser test opens each lesson's handout with every request that is
not a file aborted and checks that every figure and widget output is visible.
"""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from browserkit import browser  # noqa: F401  (the fixture)
from netles import handouts, lessons

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "test-output"

WIDGETS = r'''
import ipywidgets as W, plotly.graph_objects as go
from IPython.display import display
fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 3]), layout={"title": {"text": "Figuur in een widget"}})
out = W.Output()
with out:
    display(fig)
hidden = W.HTML("<p>ZOU VERBORGEN MOETEN ZIJN</p>", layout=W.Layout(display="none"))
keuze = W.Dropdown(options=["eerste", "tweede", "derde"], value="derde", description="Persoon")
schuif = W.FloatSlider(value=2.5, min=0, max=5, step=0.5, description="Grens", readout_format=".1f")
tekst = W.Text(value="Tante J.", description="Naam")
vink = W.Checkbox(value=True, description="praktische hulp", indent=False)
knop = W.Button(description="Toevoegen aan plan")
radio = W.RadioButtons(options=["ja", "nee"], value=None, description="Klopt dit?")
tabel = W.HTML("<table><tr><td>dichtheid</td><td>0,27</td></tr></table>")
tabs = W.Tab(children=[W.Label("inhoud één"), W.Label("inhoud twee")], titles=("Eerste tab", "Tweede tab"))
box = W.VBox([W.HBox([keuze, schuif]), tekst, vink, knop, radio, tabel, hidden, out, tabs])
box
'''


def outside_addresses(page: str) -> list[str]:
    """Addresses on other servers the page would load (tags outside scripts; plotly.js's own strings excluded)."""
    markup = re.sub(r"(<script\b[^>]*>).*?</script>", r"\1</script>", page, flags=re.S | re.I)
    return re.findall(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?((?:https?:)?//[^"' >]+)""",
                      markup, re.I)


def _widget_notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Proefles · widgets"),
        nbformat.v4.new_code_cell('casus = "voorbeeld"\ntaal = "nl"', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(WIDGETS, metadata={"jupyter": {"source_hidden": True}}),
        nbformat.v4.new_markdown_cell("Kijk in de tabel hierboven."),
        nbformat.v4.new_code_cell('import plotly.express as px\npx.bar(x=[1, 2], y=[2, 1], title="Figuur zonder widget")'),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


@pytest.fixture(scope="module")
def widget_handout(tmp_path_factory):
    from nbclient import NotebookClient

    folder = tmp_path_factory.mktemp("handout")
    nb = _widget_notebook()
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    return handouts.export_handout(nb, folder / "proef.html"), nb


def test_widget_outputs_are_kept_as_what_they_showed(widget_handout):
    path, nb = widget_handout
    page = path.read_text(encoding="utf-8")
    body = page.split("<body", 1)[1]
    assert "Persoon" in body and ">derde<" in body  # the current choice, as text
    assert "Grens" in body and ">2,5<" in body  # the slider's value, Dutch decimal comma
    assert ">Tante J.<" in body
    assert "\u2611 praktische hulp" in body  # ticked
    assert re.search(r"<button[^>]*disabled[^>]*>Toevoegen aan plan</button>", body)
    assert "\u25cb ja" in body and "\u25cb nee" in body  # nothing chosen
    assert "<td>0,27</td>" in body
    assert "Eerste tab" in body and "inhoud twee" in body  # every tab, with its title
    assert "ZOU VERBORGEN MOETEN ZIJN" not in body  # hidden stays hidden
    assert "Figuur in een widget" in body and "Figuur zonder widget" in body
    assert body.index("Toevoegen aan plan") < body.index("Kijk in de tabel hierboven")  # in place


def test_no_widget_manager_and_no_outside_address(widget_handout):
    page = widget_handout[0].read_text(encoding="utf-8")
    assert "widget-view+json" not in page and "widget-state+json" not in page
    assert "html-manager" not in page and "embed-amd" not in page
    assert not outside_addresses(page)
    assert page.count("plotly.js v") == 1  # embedded once, for both figures


def test_parameters_cells_are_left_out_and_title_is_the_first_heading(widget_handout):
    page = widget_handout[0].read_text(encoding="utf-8")
    assert "<title>Proefles · widgets</title>" in page
    assert 'casus = "voorbeeld"' not in page and "casus</span>" not in page
    assert "ipywidgets" not in page.split("<body", 1)[1]  # hidden code is left out


def test_outside_addresses_finds_loaders_not_strings_in_scripts():
    assert outside_addresses('<script src="https://cdn.x/a.js"></script><link href="//f.x/c.css">') == \
        ["https://cdn.x/a.js", "//f.x/c.css"]
    assert outside_addresses('<script>var a = \'<a href="https://plotly.com/">\';</script>') == []


def test_snapshot_without_a_widget_state_shows_nothing_rather_than_failing():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("w")])
    nb.cells[0].outputs = [nbformat.v4.new_output("display_data", {handouts.WIDGET_VIEW: {"model_id": "weg"},
                                                                      "text/plain": "VBox()"})]
    nb, plotly = handouts.snapshot_widgets(nb)
    assert nb.cells[0].outputs[0].data == {"text/html": '<div class="netles-widget-snapshot"></div>'}
    assert not plotly


# --------------------------------------------------------------------------------------------
# The lessons' handouts
# --------------------------------------------------------------------------------------------

HANDOUT_LANG = {key: ("nl" if key == "00" else "en") for key in lessons.lessons()}
def handout_keys() -> list:
    return [pytest.param(key, id=key) for key in lessons.lessons()]


@pytest.fixture(scope="module")
def lesson_handouts(tmp_path_factory):
    made: dict[str, tuple[Path, Path]] = {}

    def make(key: str):
        if key not in made:
            out = tmp_path_factory.mktemp(f"les{key}")
            made[key] = lessons.run_lesson(key, taal=HANDOUT_LANG[key], out=out)
        return made[key]

    return make


@pytest.mark.slow
@pytest.mark.parametrize("key", handout_keys())
def test_lesson_handout_keeps_widgets_and_leaves_out_the_settings(key, lesson_handouts):
    executed, handout = lesson_handouts(key)
    page = handout.read_text(encoding="utf-8")
    nb = nbformat.read(str(executed), as_version=4)
    assert f"<title>{lessons.lesson_title(nb)}</title>".replace("&", "&amp;") in page.replace("&amp;", "&")
    views = sum(1 for c in nb.cells for o in c.get("outputs", []) if handouts.WIDGET_VIEW in o.get("data", {}))
    assert page.count('class="netles-widget-snapshot"') == views
    assert "# Parameters" not in page and "injected-parameters" not in page
    assert not outside_addresses(page)


@pytest.mark.slow
def test_english_handout_has_english_text_and_figures(lesson_handouts):
    executed, handout = lesson_handouts("galerij")
    page = handout.read_text(encoding="utf-8")
    nb = nbformat.read(str(executed), as_version=4)
    from test_lessons import dutch_sentences

    assert nb.metadata["netles"]["taal"] == "en"
    english_title = lessons.lesson_title(lessons.localise(lessons.lessons()["galerij"], "en"))
    assert f"<title>{english_title}</title>" in page
    # the figures were made with English labels (the language parameter is set by localise) ...
    assert "Network circle" in page and "Netwerkcirkel" not in page
    # ... and the text, the tables and the widgets read English
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", page.split("<body", 1)[1], flags=re.S | re.I)
    assert not dutch_sentences(text), dutch_sentences(text)[:5]


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("key", handout_keys())
def test_handout_offline_shows_every_figure_and_widget_output(key, lesson_handouts, browser):
    from browserkit import block_outside_requests

    executed, handout = lesson_handouts(key)
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    try:
        attempts = block_outside_requests(page, allow_files=True)
        page.goto(handout.as_uri())
        page.wait_for_load_state("load")
        figures = page.locator(".js-plotly-plot")
        expected = handout.read_text(encoding="utf-8").count("Plotly.newPlot(")
        assert figures.count() == expected, f"{figures.count()} of {expected} figures drawn"
        for i in range(figures.count()):
            figure = figures.nth(i)
            figure.scroll_into_view_if_needed()
            assert figure.locator(".main-svg").count() and figure.is_visible(), f"figure {i} not visible"
            box = figure.bounding_box()
            assert box and box["width"] > 100 and box["height"] > 100, f"figure {i} is {box}"
        snapshots = page.locator(".netles-widget-snapshot")
        for i in range(snapshots.count()):
            snap = snapshots.nth(i)
            snap.scroll_into_view_if_needed()
            assert snap.is_visible() and snap.inner_text().strip(), f"widget output {i} is empty"
        assert page.get_by_text("Error displaying widget").count() == 0
        OUTPUT.mkdir(exist_ok=True)
        page.screenshot(path=str(OUTPUT / f"handout_{key}_{HANDOUT_LANG[key]}.png"), full_page=True)
        assert not attempts, f"the handout asked for {attempts[:3]}"
    finally:
        page.close()
