"""Wording of the profile labels that students read (issue 12 item 6)."""
from netles.profile import _INTERPRET, metric_label


def test_constraint_is_not_called_beperking():
    # beperking means disability in social work: the label must not suggest that
    assert "beperking" not in metric_label("constraint")
    assert "afhankelijkheid van één groep" in metric_label("constraint")


def test_english_category_count_label_reads():
    assert metric_label("n_categories_relation", "en") == "number of categories by relation"
    assert "categories of by" not in metric_label("n_categories_gender", "en")


def test_multiplexity_of_one_and_a_third_is_not_one_kind_of_support():
    nl, en = _INTERPRET["multiplexity"](4 / 3)
    assert "tussen één en twee" in nl and "between one and two" in en
    assert _INTERPRET["multiplexity"](1.0)[0] == "gemiddeld één soort steun per persoon"
    assert "minder dan één" in _INTERPRET["multiplexity"](0.5)[0]
    assert "twee of meer" in _INTERPRET["multiplexity"](2.0)[0]


def test_gender_mix_in_plain_dutch():
    nl, _ = _INTERPRET["ei_gender"](0.0)
    assert "mix van genders" not in nl and "ongeveer evenveel" in nl


def test_describe_profile_shows_no_english_keys_in_dutch():
    # issue 11: describe_profile showed an English "key" column (the metric keys) in Dutch lessons
    from netles import datasets, describe_profile, quality_profile

    table = describe_profile(quality_profile(datasets.load_case("voorbeeld")),
                             keys=["size", "blau_relation", "density", "share_reachable", "support_coverage"])
    shown = table._repr_html_() + repr(table)
    for key in ("key", "blau_relation", "share_reachable", "support_coverage", "density"):
        assert key not in shown, key
    assert "dichtheid" in shown and "0,27" in shown
    assert table.loc["density", "waarde"] == "0,27"  # code can still look a metric up by key
