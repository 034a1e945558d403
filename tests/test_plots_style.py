"""The netles look: one template, the Dutch number format in Dutch, whole numbers on axes that count."""
from __future__ import annotations

import json
import re

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from netles import datasets, quality_profile
from netles.models import simulate_carer_load
from netles.plots import (
    REFERENCE_MILD_ID,
    carer_load_chart,
    compare_profiles,
    count_axis,
    count_chart,
    ecogram,
    format_number,
    genogram,
    netwerkcirkel,
    profile_chart,
    sociogram,
    style,
    support_chart,
    template_name,
)
from netles.plots.profile_charts import DEFAULT_KEYS
from netles.profile import metric_label

VOORBEELD = datasets.load_case("voorbeeld")
FACTORIES = {
    "netwerkcirkel": lambda lang: netwerkcirkel(VOORBEELD, lang=lang),
    "ecogram": lambda lang: ecogram(VOORBEELD, lang=lang),
    "genogram": lambda lang: genogram(VOORBEELD, lang=lang),
    "sociogram": lambda lang: sociogram(VOORBEELD, lang=lang),
    "profiel": lambda lang: profile_chart(quality_profile(VOORBEELD), REFERENCE_MILD_ID, lang=lang),
    "voor_na": lambda lang: compare_profiles(quality_profile(VOORBEELD), quality_profile(VOORBEELD), lang=lang),
    "steun": lambda lang: support_chart(VOORBEELD, lang=lang),
    "mantelzorg": lambda lang: carer_load_chart(simulate_carer_load(care_need=25, steps=24, seed=1), lang=lang),
}


def test_the_templates_are_registered_white_and_ours():
    for name, sep in (("netles", ",."), ("netles_en", ".,")):
        t = pio.templates[name]
        assert t.layout.paper_bgcolor == "white" and t.layout.plot_bgcolor == "white"
        assert t.layout.separators == sep
        assert t.layout.colorway[0] == "#0072B2"  # Okabe-Ito, not plotly's default blue
        assert t.layout.font.size >= 14
    assert template_name("nl") == "netles" and template_name("en") == "netles_en"
    with pytest.raises(ValueError):
        template_name("de")
    # registering does not change plotly's default for figures that do not ask for it
    assert pio.templates.default != "netles"


@pytest.mark.parametrize("name", list(FACTORIES))
def test_every_figure_uses_the_template_of_its_language(name):
    for lang, sep in (("nl", ",."), ("en", ".,")):
        fig = FACTORIES[name](lang)
        assert fig.layout.separators == sep, (name, lang)
        assert fig.layout.template.layout.paper_bgcolor == "white"
        # no plotly grey: the template's backgrounds, never the default #E5ECF6
        assert "#E5ECF6" not in fig.to_json()


def test_format_number_and_bar_texts_have_a_decimal_comma_in_dutch():
    assert format_number(0.2667) == "0,27" and format_number(0.2667, "en") == "0.27"
    assert format_number(1234.5) == "1.234,5" and format_number(1234.5, "en") == "1,234.5"
    assert format_number(3.0) == "3"
    p = quality_profile(VOORBEELD)
    nl = [s for t in profile_chart(p, lang="nl").data for s in t.text if s]
    en = [s for t in profile_chart(p, lang="en").data for s in t.text if s]
    assert any("," in s for s in nl) and not any("." in s for s in nl)
    assert any("." in s for s in en) and not any("," in s for s in en)


def test_profile_chart_shows_dutch_names_never_keys_or_ids():
    p = quality_profile(datasets.load_case("pubers_ic"))
    fig = profile_chart(p, REFERENCE_MILD_ID)
    shown = {y for t in fig.data for y in t.y} | {t.name for t in fig.data}
    assert not shown & set(DEFAULT_KEYS)  # labels, not metric keys
    assert {metric_label(k, "nl") for k in DEFAULT_KEYS} <= {y for t in fig.data for y in t.y}
    assert "pubers_ic" not in json.dumps([t.name for t in fig.data])  # the ego id is an internal code
    assert "dit netwerk" in {t.name for t in fig.data}
    assert profile_chart(p, name="Sem en Noa").data[0].name == "Sem en Noa"


def test_count_axes_show_whole_numbers_only():
    # today's support chart in lesson 2 had a people axis in steps of 0,5 ("2,5 mensen")
    fig = support_chart(VOORBEELD)
    assert fig.layout.yaxis.tickmode == "linear" and fig.layout.yaxis.dtick == 1
    assert fig.layout.yaxis.tickformat == "d" and fig.layout.yaxis.range[0] == 0
    big = count_chart(["a", "b"], [40, 140], axis_title="mensen")
    assert isinstance(big.layout.yaxis.dtick, int) and big.layout.yaxis.dtick >= 20
    # the counts panel of the profile chart
    fig = profile_chart(quality_profile(VOORBEELD))
    assert fig.layout.xaxis2.dtick == int(fig.layout.xaxis2.dtick) and fig.layout.xaxis2.tickformat == "d"
    plain = count_axis(go.Figure(go.Bar(x=["a"], y=[2])), "y", top=2)
    assert plain.layout.yaxis.dtick == 1


def test_carer_load_chart_right_axis_counts_people():
    # today's figure ticked the people axis at 2,77 / 5,53 / 8,3 / 11,06 (lined up with the load axis)
    for need in (10, 25, 40):
        table = simulate_carer_load(care_need=need, steps=24, seed=1)
        fig = carer_load_chart(table, carer_network=12)
        y2 = fig.layout.yaxis2
        assert y2.tickmode == "linear" and y2.tick0 == 0 and float(y2.dtick).is_integer()
        assert y2.range[1] >= 12 and float(y2.range[1] / y2.dtick).is_integer()
        assert fig.layout.xaxis.tickformat == "d"  # months
        assert fig.layout.separators == ",."
    en = carer_load_chart(simulate_carer_load(care_need=25, steps=24, seed=1), lang="en")
    assert en.layout.title.text == "Load of the family carer" and en.layout.separators == ".,"


def test_style_applies_to_a_figure_a_lesson_draws_itself():
    fig = style(go.Figure(go.Bar(x=["praktisch", "emotioneel"], y=[3, 1])), "nl", count_axes=("y",))
    assert fig.layout.template.layout.separators == ",." and fig.layout.yaxis.dtick == 1


def test_no_english_codes_in_dutch_figures():
    codes = re.compile(r'"(?:sibling|weekly|parent|burdening|practical|supportive|fellow_clients|professionals_|other_family)"')
    for name, make in FACTORIES.items():
        shown = []
        fig = make("nl")
        for t in fig.data:
            for field in ("name", "text", "hovertext", "y"):
                value = getattr(t, field, None)
                if isinstance(value, str):
                    shown.append(value)
                elif value is not None and not isinstance(value, (int, float)):
                    shown += [v for v in value if isinstance(v, str)]
        shown += [a.text for a in fig.layout.annotations or () if a.text]
        assert not codes.search(json.dumps(shown)), name


def test_research_figures_have_a_decimal_comma_in_dutch():
    # today lesson 05's figures showed decimal points where the rest of netles uses commas
    import pandas as pd

    from netles.plots import plot_distributions, plot_group_profiles

    profiles = pd.DataFrame({"size": [3.0, 4, 9, 10], "density": [0.9, 0.8, 0.2, 0.3]}, index=list("abcd"))
    for fig in (plot_distributions(profiles, ["x", "x", "y", "y"], "density"),
                plot_group_profiles(profiles, ["x", "x", "y", "y"])):
        assert fig.layout.separators == ",." and fig.layout.template.layout.plot_bgcolor == "white"
    assert plot_group_profiles(profiles, ["x", "x", "y", "y"], lang="en").layout.separators == ".,"
