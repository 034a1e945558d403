import math
import subprocess
import sys

import pandas as pd
import pytest

import netles
from netles import datasets, describe_profile, quality_profile
from netles.profile import metric_keys, metric_label

DESIGN_KEYS = ["size", "density", "components", "isolates", "effective_size", "efficiency", "constraint",
               "broker_pairs", "share_family", "share_professional", "share_strong", "share_weekly",
               "share_reachable", "support_coverage", "multiplexity", "share_mutual", "share_burdening",
               "max_support_share"]


def test_profile_has_every_design_key():
    p = quality_profile(datasets.load_case("voorbeeld"))
    for key in DESIGN_KEYS:
        assert key in p.index
    for prefix in ("n_categories_", "blau_", "iqv_", "entropy_", "ei_"):
        assert any(k.startswith(prefix) for k in p.index)
    assert list(p.index) == metric_keys()
    assert p.dtype == "float64"


def test_every_metric_has_labels_in_both_languages():
    for key in metric_keys():
        assert metric_label(key, "nl") and metric_label(key, "en")


def test_describe_profile_in_dutch_and_english():
    p = quality_profile(datasets.load_case("voorbeeld"))
    nl = describe_profile(p)
    assert list(nl.columns) == ["kenmerk", "waarde", "betekenis"]
    assert nl.loc["density"].tolist() == ["dichtheid", "0,27", "de meeste mensen kennen elkaar niet"]
    en = describe_profile(p, lang="en")
    assert en.loc["density"].tolist() == ["density", "0.27", "most people do not know each other"]
    assert describe_profile(p, keys=["size"]).index.tolist() == ["size"]


def test_describe_profile_explains_missing_values():
    empty = quality_profile(netles.EgoNetwork())
    table = describe_profile(empty)
    assert table.loc["density", "waarde"] == "-"
    assert "niet te berekenen" in table.loc["density", "betekenis"]


def test_issue_command_prints_the_running_example(tmp_path):
    code = ("import netles; print(netles.quality_profile("
            "netles.read_network('data/cases/voorbeeld.json')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=datasets.data_dir().parent).stdout
    assert "0.266667" in out and "4.666667" in out and "0.384259" in out


def test_datasets_work_from_any_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert datasets.load_case("voorbeeld").size == 6
    with pytest.raises(KeyError, match="voorbeeld"):
        datasets.case_path("bestaat-niet")


def test_one_big_giver_is_described_as_dependence_not_as_a_carers_overload():
    # The biggest giver may be a professional (psychiatrie_geen_netwerk: the begeleider); overload is a
    # carer's risk and needs an informal spil, so the band speaks of dependence.
    profile = quality_profile(datasets.load_case("voorbeeld")).copy()
    profile["max_support_share"] = 0.9
    for lang, column in (("nl", "betekenis"), ("en", "meaning")):
        meaning = describe_profile(profile, lang=lang, keys=["max_support_share"]).iloc[0][column]
        assert "overbelasting" not in meaning and "overload" not in meaning
        assert "wegvalt" in meaning or "drops out" in meaning
