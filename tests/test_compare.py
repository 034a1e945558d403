"""netles.compare: group and paired comparisons with known answers."""
from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

import netles.models
from netles import profile_many
from netles.compare import (
    GROUP_COLUMNS,
    PAIRED_COLUMNS,
    compare_groups,
    compare_paired,
    hedges_g,
    paired_profiles,
    plot_distributions,
    plot_group_profiles,
)


def _two_groups(shift: float, n: int = 40, seed: int = 1) -> tuple[pd.DataFrame, pd.Series]:
    rng = np.random.default_rng(seed)
    values = np.concatenate([rng.normal(10, 2, n), rng.normal(10 + shift, 2, n)])
    index = [f"e{i}" for i in range(2 * n)]
    profiles = pd.DataFrame({"size": values, "density": rng.uniform(0, 1, 2 * n)}, index=index)
    return profiles, pd.Series(["a"] * n + ["b"] * n, index=index)


def test_identical_groups_large_p_and_interval_covers_zero():
    values = np.arange(30, dtype=float)
    profiles = pd.DataFrame({"size": np.concatenate([values, values])})
    row = compare_groups(profiles, ["a"] * 30 + ["b"] * 30, n_perm=999, n_boot=999).iloc[0]
    assert row["difference"] == 0 and row["hedges_g"] == 0
    assert row["p_value"] > 0.9
    assert row["ci_low"] < 0 < row["ci_high"]


def test_shifted_groups_small_p_interval_excludes_zero():
    profiles, groups = _two_groups(shift=4)
    table = compare_groups(profiles, groups, metrics=["size"], n_perm=999, n_boot=999)
    row = table.iloc[0]
    assert row["p_value"] <= 0.002  # (0 + 1) / (999 + 1) when no shuffle is as extreme
    assert row["ci_high"] < 0 and row["ci_low"] < row["difference"] < row["ci_high"]
    assert row["hedges_g"] < -1


def test_same_distribution_p_is_not_small():
    profiles, groups = _two_groups(shift=0, seed=3)
    row = compare_groups(profiles, groups, metrics=["size"]).iloc[0]
    assert row["p_value"] > 0.05


def test_hand_computed_effect_size_and_summaries():
    # a = 2, 4, 6 (mean 4, sd 2); b = 5, 7, 9, 11 (mean 8, sd 2.582); pooled sd = sqrt((2*4 + 3*20/3)/5) = sqrt(5.6)
    profiles = pd.DataFrame({"size": [2.0, 4, 6, 5, 7, 9, 11]})
    row = compare_groups(profiles, list("aaabbbb"), n_perm=200, n_boot=200).iloc[0]
    d = (4 - 8) / np.sqrt(5.6)
    assert row["hedges_g"] == pytest.approx(d * (1 - 3 / (4 * 7 - 9)))
    assert hedges_g([2, 4, 6], [5, 7, 9, 11]) == pytest.approx(d * (1 - 3 / 19))
    assert (row["n_a"], row["n_b"], row["mean_a"], row["mean_b"], row["median_a"], row["median_b"]) == (3, 4, 4, 8, 4, 8)
    assert row["sd_a"] == pytest.approx(2) and row["difference"] == -4


def test_exact_permutation_p_for_a_tiny_sample():
    # groups {1,2} vs {3,4}: of the 6 ways to split, 2 are at least as extreme -> p = 1/3
    profiles = pd.DataFrame({"size": [1.0, 2, 3, 4]})
    row = compare_groups(profiles, list("aabb"), n_perm=20000, n_boot=100, seed=4).iloc[0]
    assert row["p_value"] == pytest.approx(1 / 3, abs=0.02)


def test_deterministic_with_seed_and_changes_with_another():
    profiles, groups = _two_groups(shift=1)
    first = compare_groups(profiles, groups, n_boot=300, n_perm=300, seed=7)
    pd.testing.assert_frame_equal(first, compare_groups(profiles, groups, n_boot=300, n_perm=300, seed=7))
    other = compare_groups(profiles, groups, n_boot=300, n_perm=300, seed=8)
    assert not np.allclose(first["ci_low"], other["ci_low"])


def test_missing_values_are_left_out_per_metric():
    profiles = pd.DataFrame({"size": [1.0, 2, 3, 4, 5, 6], "density": [np.nan, 0.5, 0.6, np.nan, 0.1, 0.2]})
    table = compare_groups(profiles, list("aaabbb"), n_boot=50, n_perm=50).set_index("metric")
    assert table.loc["size", "n_a"] == 3 and table.loc["density", "n_a"] == 2 and table.loc["density", "n_b"] == 2
    assert table.loc["density", "mean_a"] == pytest.approx(0.55)


def test_three_groups_pairs_and_rest():
    profiles = pd.DataFrame({"size": [1.0, 2, 3, 10, 11, 12, 20, 21, 22], "group": list("xxxyyyzzz")})
    pairs = compare_groups(profiles, "group", n_boot=100, n_perm=100)
    assert list(zip(pairs["group_a"], pairs["group_b"])) == [("x", "y"), ("x", "z"), ("y", "z")]
    assert list(pairs.columns) == list(GROUP_COLUMNS) and list(pairs["metric"].unique()) == ["size"]
    rest = compare_groups(profiles, "group", versus="rest", n_boot=100, n_perm=100)
    assert list(rest["group_b"]) == ["rest"] * 3
    assert rest.loc[0, "n_b"] == 6 and rest.loc[0, "mean_b"] == pytest.approx(16)
    with pytest.raises(ValueError):
        compare_groups(profiles, "group", versus="others")
    with pytest.raises(ValueError):
        compare_groups(profiles, ["x"] * 9)


def test_groups_as_series_aligned_by_ego():
    ds = netles.models.synthetic_dataset(60, groups={"lvb": 1, "ouderen": 1}, seed=2)
    profiles = profile_many(ds)
    groups = ds.egos.set_index("ego_id")["group"].iloc[::-1]  # other order: aligned by index
    table = compare_groups(profiles, groups, metrics=["size", "share_family"], n_boot=200, n_perm=200)
    assert table["n_a"].tolist() == [30, 30] and table["group_a"].tolist() == ["lvb", "lvb"]
    assert table.loc[0, "mean_a"] == pytest.approx(profiles.loc[ds.egos["group"].eq("lvb").to_numpy(), "size"].mean())


def test_paired_known_answers_and_exact_sign_flip():
    before = pd.DataFrame({"size": [4.0, 6, 5, 7, 3]}, index=list("abcde"))
    after = pd.DataFrame({"size": [6.0, 7, 8, 9, 3]}, index=list("edcba"))  # matched by index, not position
    row = compare_paired(before, after, seed=1).iloc[0]
    d = np.array([3.0 - 4, 9 - 6, 8 - 5, 7 - 7, 6 - 3])
    assert row["mean_difference"] == pytest.approx(d.mean()) and row["median_difference"] == 3
    assert row["d_z"] == pytest.approx(d.mean() / d.std(ddof=1))
    # exact: all 32 sign patterns of d
    flips = np.array([(np.array(s) * d).mean() for s in itertools.product([-1, 1], repeat=5)])
    assert row["p_value"] == pytest.approx((np.abs(flips) >= abs(d.mean()) - 1e-12).mean())
    assert list(compare_paired(before, after).columns) == list(PAIRED_COLUMNS)


def test_paired_no_change_and_clear_change():
    rng = np.random.default_rng(5)
    base = pd.DataFrame({"size": rng.normal(10, 3, 40)}, index=[f"c{i}" for i in range(40)])
    same = compare_paired(base, base.copy(), n_perm=999).iloc[0]
    assert same["mean_difference"] == 0 and np.isnan(same["d_z"]) and same["p_value"] == 1
    moved = compare_paired(base, base + 2 + rng.normal(0, 1, (40, 1)), n_perm=999, n_boot=999).iloc[0]
    assert moved["p_value"] <= 0.002 and moved["ci_low"] > 0 and moved["d_z"] > 1
    again = compare_paired(base, base + 2 + np.random.default_rng(5).normal(0, 1, (40, 1)), n_perm=999, n_boot=999, seed=3)
    assert again.equals(compare_paired(base, base + 2 + np.random.default_rng(5).normal(0, 1, (40, 1)), n_perm=999, n_boot=999, seed=3))


def test_paired_profiles_matches_subjects():
    egos = pd.DataFrame({"ego_id": ["c1-voor", "c2-voor", "c1-na", "c2-na", "c3-voor"],
                         "client": ["c1", "c2", "c1", "c2", "c3"], "meting": ["voor", "voor", "na", "na", "voor"]})
    profiles = pd.DataFrame({"size": [3.0, 4, 5, 8, 1]}, index=egos["ego_id"])
    before, after = paired_profiles(profiles, egos)
    assert list(before.index) == list(after.index) == ["c1", "c2"]
    assert after["size"].tolist() == [5, 8]
    twice = pd.concat([egos, egos.iloc[[0]].assign(ego_id="x")], ignore_index=True)
    with pytest.raises(ValueError):
        paired_profiles(profiles.reindex(twice["ego_id"]), twice)


def test_figures_dutch_by_default_and_english_on_request():
    profiles, groups = _two_groups(shift=1)
    fig = plot_distributions(profiles, groups, "size")
    assert [t.name for t in fig.data] == ["a", "b"] and fig.layout.yaxis.title.text == "omvang"
    assert len(fig.data[0].y) == 40
    assert "group" in plot_distributions(profiles, groups, "size", lang="en").layout.xaxis.title.text
    fig = plot_group_profiles(profiles, groups)
    assert list(fig.data[0].x) == ["omvang", "dichtheid"]
    # the two groups' standardised means lie on either side of 0 for the shifted metric
    assert fig.data[0].y[0] < 0 < fig.data[1].y[0]
    assert plot_group_profiles(profiles, groups, lang="en").data[0].x[0] == "size"
