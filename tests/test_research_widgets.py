"""The widgets of lesson 05: the group comparer and the interval lab, driven without a browser."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

import netles
from netles import datasets
from netles.widgets import group_explorer, interval_lab


@pytest.fixture(scope="module")
def three_groups():
    ds = netles.read_dataset(datasets.research_path("drie_groepen"))
    return netles.profile_many(ds), ds.egos.set_index("ego_id")["groep"]


def test_group_explorer_shows_every_pair_in_words(three_groups):
    profiles, groups = three_groups
    widget, state = group_explorer(profiles, groups, n_boot=200)
    assert [label for label, _ in widget.measure.options][:2] == ["omvang", "dichtheid"]
    assert len(state.sentences) == 3 and all("95%-interval" in s and "Hedges' g" in s for s in state.sentences)
    assert "ggz gemiddeld" in widget.text.value and len(widget.figure.outputs) == 1
    widget.measure.value = "share_professional"
    assert state.metric == "share_professional" and state.sentences[0].startswith("aandeel professionals: ggz")
    assert [t.name for t in state.figure.data] == ["ggz", "lvb", "ouderen"]
    with pytest.raises(ValueError):
        state.choose("grootte")


def test_group_explorer_in_english_and_own_layouts(three_groups):
    profiles, groups = three_groups
    widget, state = group_explorer(profiles, groups, ["size", "density"], lang="en", n_boot=100)
    assert widget.measure.description == "Measure" and state.sentences[0].startswith("size: ggz mean")
    assert widget.measure.layout is not widget.text.layout is not widget.figure.layout


def test_interval_lab_narrows_with_more_people_and_catches_the_truth_about_95_in_100():
    widget, lab = interval_lab(seed=3)
    assert len(lab.intervals) == 1 and lab.text.startswith("Laatste steekproef: verschil ")  # it opens with one sample
    widget.n.value = 10  # a new setting starts over with one fresh sample
    assert len(lab.intervals) == 1
    widget.draw20_button.click()
    wide = np.mean([high - low for _, low, high in lab.intervals])
    assert len(lab.intervals) == 21 and "van de 21 intervallen" in widget.text.value
    widget.n.value = 160
    assert len(lab.intervals) == 1
    for _ in range(10):
        widget.draw20_button.click()
    narrow = np.mean([high - low for _, low, high in lab.intervals])
    assert narrow < wide / 3.5  # 16 times as many people: about a quarter of the width
    assert 181 <= lab.caught <= 201
    widget.difference.value = 0.0
    first = lab.intervals[0]
    widget.draw_button.click()
    assert len(lab.intervals) == 2 and len(widget.figure.outputs) == 1
    widget.reset_button.click()
    assert len(lab.intervals) == 1 and lab.intervals[0] != first and len(widget.figure.outputs) == 1


def test_interval_lab_text_in_english_with_decimal_points():
    _, lab = interval_lab(lang="en", seed=1)
    lab.draw()
    assert re.match(r"Last sample: difference -?\d+\.\d\d, 95% interval -?\d+\.\d\d to -?\d+\.\d\d", lab.text), lab.text
    fig = lab.figure()
    assert fig.layout.xaxis.title.text == "difference between the groups (in SD)"
    with pytest.raises(ValueError):
        lab.set_n(2)
