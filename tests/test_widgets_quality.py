"""Widgets of lesson 02a (netles.widgets.quality): a case's network over its moments, who gives what,
burdening contacts, the density self-check and the profile table, each following the chosen case."""
from __future__ import annotations

import re

import pytest

import netles
from netles import datasets, metrics
from netles.network import EgoNetwork
from netles.widgets import (burdening_contacts, case_chooser, cases_with_moments, density_check, faded_between,
                            follow_case, network_over_time, profile_overview, who_gives_what)


def test_cases_with_moments_are_the_cases_recorded_more_than_once():
    names = [name for name, _ in cases_with_moments()]
    assert names == [n for n in datasets.case_names() if len(datasets.load_case(n).moments) > 1]
    assert {"senior_55plus", "nah_herseninfarct", "mantelval_dochter"} <= set(names)
    titles = dict(cases_with_moments("en"))
    assert titles["senior_55plus"] == datasets.case_title(datasets.load_case("senior_55plus"), "en")


def test_network_over_time_shows_the_real_moments_of_the_case():
    net = datasets.load_case("senior_55plus")
    box, state = network_over_time(net)
    assert (state.before, state.after) == ("samen", "nu")
    assert state.comparison.summary() == netles.compare_moments(net.moments[0], net.moments[-1]).summary()
    table = box.moments.value
    assert table.count("<tr>") == 1 + len(net.moments)
    for moment in net.moments:
        assert datasets.moment_note(moment) in table
    assert "1 juni 2017" in table
    # Jan and Wim stay on the map but are seen less often: the network shrinks without them leaving
    assert "Jan (oud-collega)" in box.faded.value and "Wim (biljartclub)" in box.faded.value
    assert box.viewer is not None and box.children[2] is box.viewer


def test_network_over_time_in_english_uses_the_english_labels_and_notes():
    net = datasets.load_case("senior_55plus")
    box, _ = network_over_time(net, lang="en")
    assert "together" in box.moments.value and "1 June 2017" in box.moments.value
    assert datasets.moment_note(net.moments[0], "en") in box.moments.value
    assert "Faded or less contact" in box.faded.value


def test_a_case_at_one_moment_gets_one_sentence_naming_the_cases_with_moments():
    box, state = network_over_time(datasets.load_case("voorbeeld"))
    assert state is None and box.viewer is None and len(box.children) == 1
    text = box.message.value
    assert "op één moment" in text
    for _, title in cases_with_moments():
        assert title in text
    box, _ = network_over_time(datasets.load_case("voorbeeld"), lang="en")
    assert "recorded at one moment only" in box.message.value


def test_network_over_time_follows_the_chosen_case():
    _, choice = case_chooser("voorbeeld")
    box, followed = follow_case(choice, network_over_time, lang="nl")
    assert followed.state is None
    choice.choose("nah_herseninfarct")
    assert (followed.state.before, followed.state.after) == ("voor", "thuis")


def test_faded_between_finds_people_who_faded_or_are_seen_less_often():
    net = datasets.load_case("mantelval_dochter")
    faded = faded_between(net.moments[0].network, net.moments[-1].network)
    assert [p["name"] for p in faded] == ["Petra (vriendin)", "Nicole (vriendin)", "Lia (koor)"]
    assert faded[0]["after"][0] == "faded"
    # someone seen more often, or no longer on the map, is not "faded"
    base = datasets.load_case("voorbeeld")
    closer = base.with_alter_changes("B", contact="daily")
    assert faded_between(base, closer) == []
    assert faded_between(base, base.without_alter("E")) == []
    assert [p["alter_id"] for p in faded_between(base, base.with_alter_changes("D", contact="yearly"))] == ["D"]


def test_who_gives_what_lists_everyone_family_first_with_labels_not_codes():
    net = datasets.load_case("senior_55plus")
    page = who_gives_what(net)
    assert page.count("<tr>") == net.size  # the header row has a style attribute
    assert page.index("Ineke (dochter)") < page.index("Truus (buurvrouw)") < page.index("huisarts")
    assert "other_family" not in page and "weekly" not in page and ".0<" not in page
    assert "wekelijks" in page and "1972" in page
    assert "weekly" in who_gives_what(net, lang="en")


def test_burdening_contacts_are_the_burdening_and_ambivalent_ones():
    net = datasets.load_case("moeder_zoon_lvb")
    page = burdening_contacts(net)
    coded = net.alters[net.alters["valence"].isin(["burdening", "ambivalent"])]["name"]
    assert all(name in page for name in coded)
    others = net.alters[~net.alters["valence"].isin(["burdening", "ambivalent"])]["name"]
    assert not any(name in page for name in others)
    assert "belastend" in page and "burdening" not in page
    quiet = burdening_contacts(datasets.load_case("statushouder_zonder_netwerk"))
    assert "niemand" in quiet and datasets.case_title(datasets.load_case("statushouder_zonder_netwerk")) in quiet


def test_density_check_accepts_the_case_density_with_a_decimal_comma():
    net = datasets.load_case("senior_55plus")
    widget, state = density_check(net)
    widget.answer_box.value = f"{metrics.density(net):.2f}".replace(".", ",")
    widget.check_button.click()
    assert state.correct
    widget.answer_box.value = "0,9"
    widget.check_button.click()
    assert not state.correct and "n · (n − 1) / 2" in widget.feedback.value
    widget.reveal_button.click()
    assert f"{net.n_ties} / {net.size * (net.size - 1) // 2}" in widget.answer_html.value


def test_density_check_with_fewer_than_two_people_says_why_there_is_none():
    tiny = EgoNetwork({"ego_id": "e"}, [{"alter_id": "A", "relation": "friend"}], [])
    widget, state = density_check(tiny, lang="en")
    assert state is None and "at least two" in widget.value


def test_profile_overview_explains_each_metric_in_plain_words():
    page = profile_overview(datasets.load_case("senior_55plus"))
    for label in ("omvang", "gevarieerdheid (Blau) naar relatie", "dichtheid", "aandeel bereikbaar",
                  "steunfuncties per persoon", "aandeel grootste steungever"):
        assert label in page
    assert "1,33" in page and "gemiddeld één soort steun" not in page
    wide = profile_overview(datasets.load_case("senior_55plus"), max_minutes=120)
    assert wide != page  # the travel-time threshold is passed on
    assert "density" in profile_overview(datasets.load_case("voorbeeld"), lang="en")


@pytest.mark.parametrize("name", datasets.case_names())
def test_every_builder_works_for_every_case_in_both_languages(name):
    net = datasets.load_case(name)
    for lang in ("nl", "en"):
        network_over_time(net, lang)
        who_gives_what(net, lang)
        burdening_contacts(net, lang)
        density_check(net, lang)
        profile_overview(net, lang)


def test_no_two_widget_modules_export_the_same_name():
    # netles.widgets re-exports every module's __all__: a name defined twice silently means the last one
    # (cases_with_moments of strengthening shadowed the one of quality, with another return type).
    import netles.widgets as package

    import importlib
    import pkgutil

    seen: dict[str, tuple[str, object]] = {}
    clashes = []
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"netles.widgets.{info.name}")
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            # the same object exported twice (editor re-exports plotly_output.figure_output) is no clash
            if name in seen and seen[name][1] is not obj:
                clashes.append(f"{name}: {seen[name][0]} and {info.name}")
            seen.setdefault(name, (info.name, obj))
    assert not clashes, clashes
