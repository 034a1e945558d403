"""The instrument switcher, driven through its widgets."""
from __future__ import annotations

import json

import pytest

from netles import datasets
from netles.widgets import instrument_switcher, network_editor
from netles.widgets.instruments import INSTRUMENTS, color_options


def _plotted(widget):
    return widget.figure.outputs[0]["data"]["application/vnd.plotly.v1+json"]


@pytest.mark.parametrize("instrument", list(INSTRUMENTS))
def test_every_instrument_draws_the_same_network(instrument):
    net = datasets.load_case("voorbeeld")
    widget, state = instrument_switcher(net)
    widget.instrument.value = instrument
    assert state.instrument == instrument
    title = _plotted(widget)["layout"]["title"]["text"]
    assert title.startswith(INSTRUMENTS[instrument][0])
    assert widget.color.disabled == (instrument in ("ecogram", "genogram"))


def test_colour_by_any_attribute_changes_the_legend():
    widget, state = instrument_switcher(datasets.load_case("voorbeeld"))
    legends = set()
    for _, field in color_options():
        widget.color.value = field
        assert state.color_by == field
        names = tuple(sorted({t.get("name") or "" for t in _plotted(widget)["data"]}))
        legends.add(names)
    assert len(legends) > 5  # the colouring really changes the figure


def test_follows_the_editor(tmp_path):
    editor, estate = network_editor(tmp_path / "k.json", case="voorbeeld")
    widget, state = instrument_switcher(estate, instrument="sociogram")
    editor.name.value = "Gijs"
    editor.add_button.click()
    assert state.network == estate.network and "Gijs" in json.dumps(_plotted(widget))


def test_english_labels():
    widget, _ = instrument_switcher(datasets.load_case("voorbeeld"), lang="en")
    assert ("Ecomap", "ecogram") in widget.instrument.options and widget.color.description == "Colour by"
