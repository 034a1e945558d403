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
)
from netles.plots import plot_distributions, plot_group_profiles


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


# -- change between moments, per group (issue 16 item 5) ----------------------------------------

from netles.compare import (  # noqa: E402
    MOMENT_COLUMNS, change_scores, describe_change, describe_difference, display_table, effect_size_label,
    paired_moments, position_in_groups,
)
from netles.plots import plot_moment_changes  # noqa: E402


def _moments_profiles() -> tuple[pd.DataFrame, pd.Series]:
    """Eight egos at t0 and t1: group a grows by 2, 2, 3, 1; group b by 0, -1, 1, 0; ego h has only t0."""
    rows = {("a1", "t0"): 4, ("a1", "t1"): 6, ("a2", "t0"): 5, ("a2", "t1"): 7, ("a3", "t0"): 6, ("a3", "t1"): 9,
            ("a4", "t0"): 7, ("a4", "t1"): 8, ("b1", "t0"): 4, ("b1", "t1"): 4, ("b2", "t0"): 5, ("b2", "t1"): 4,
            ("b3", "t0"): 6, ("b3", "t1"): 7, ("b4", "t0"): 8, ("b4", "t1"): 8, ("h", "t0"): 9}
    index = pd.MultiIndex.from_tuples(list(rows), names=["ego_id", "moment"])
    profiles = pd.DataFrame({"size": [float(v) for v in rows.values()], "density": 0.5}, index=index)
    groups = pd.Series({e: ("coach" if e.startswith("a") else "gewoon") for e in index.get_level_values(0).unique()})
    groups["h"] = "gewoon"
    return profiles, groups


def test_paired_moments_per_group_known_answers():
    profiles, groups = _moments_profiles()
    table = paired_moments(profiles, "t0", "t1", group=groups, metrics=["size"], n_boot=500, n_perm=500)
    assert list(table.columns) == list(MOMENT_COLUMNS)
    rows = table.set_index("group")
    assert rows.loc["coach", "mean_difference"] == 2.0 and rows.loc["coach", "n"] == 4
    assert rows.loc["coach", "p_value"] == 0.125  # exact sign flip: all four positive, 2 of 16 patterns as extreme
    assert rows.loc["gewoon", "mean_difference"] == 0.0 and rows.loc["gewoon", "n_unpaired"] == 1
    sd = np.std([2, 2, 3, 1], ddof=1)
    assert rows.loc["coach", "d_z"] == pytest.approx(2.0 / sd)
    assert rows.loc["coach", "ci_low"] > 0 and rows.loc["gewoon", "ci_low"] < 0 < rows.loc["gewoon", "ci_high"]
    assert (rows["before"] == "t0").all() and (rows["after"] == "t1").all()
    # the same as compare_paired on the coach egos by hand
    coach = ["a1", "a2", "a3", "a4"]
    by_hand = compare_paired(profiles.xs("t0", level="moment").loc[coach], profiles.xs("t1", level="moment").loc[coach],
                             metrics=["size"], n_boot=500, n_perm=500, seed=0)
    assert by_hand.loc[0, "mean_difference"] == rows.loc["coach", "mean_difference"]


def test_paired_moments_without_groups_and_groups_by_moment():
    profiles, groups = _moments_profiles()
    overall = paired_moments(profiles, "t0", "t1", metrics=["size"], n_boot=200, n_perm=200)
    assert overall["group"].tolist() == ["all"] and overall.loc[0, "n"] == 8 and overall.loc[0, "n_unpaired"] == 1
    # labels per (ego, moment): an ego that changed group counts in its group at the first moment
    by_moment = pd.Series({key: groups[key[0]] for key in profiles.index})
    by_moment[("a1", "t1")] = "gewoon"
    table = paired_moments(profiles, "t0", "t1", group=by_moment, metrics=["size"], n_boot=200, n_perm=200).set_index("group")
    assert table.loc["coach", "n"] == 4
    # from the ego table of a dataset with moments, where each ego appears once per moment
    egos = pd.DataFrame({"ego_id": [k[0] for k in profiles.index], "arm": [groups[k[0]] for k in profiles.index]})
    same = paired_moments(profiles, "t0", "t1", group=egos.set_index("ego_id")["arm"], metrics=["size"], n_boot=200, n_perm=200)
    assert same.set_index("group").loc["coach", "mean_difference"] == 2.0


def test_paired_moments_refuses_what_it_cannot_compare():
    profiles, _ = _moments_profiles()
    with pytest.raises(ValueError, match="no moment 't2'"):
        paired_moments(profiles, "t0", "t2")
    with pytest.raises(ValueError, match="no moments"):
        paired_moments(profiles.droplevel("moment"), "t0", "t1")
    with pytest.raises(KeyError):
        paired_moments(profiles, "t0", "t1", metrics=["grootte"])


def test_paired_moments_on_a_dataset_with_moments():
    from netles import Dataset, datasets

    case = datasets.load_case("voorbeeld")
    later = case.without_alter("F").with_alter({"alter_id": "G", "relation": "volunteer"}).with_alter(
        {"alter_id": "H", "relation": "club_member"})
    ds = Dataset.from_networks([case, later, case.with_ego(ego_id="b"), case.with_ego(ego_id="b")],
                               moments=["intake", "afsluiting", "intake", "afsluiting"])
    table = paired_moments(profile_many(ds), "intake", "afsluiting", metrics=["size"], n_boot=100, n_perm=100)
    assert table.loc[0, "n"] == 2 and table.loc[0, "mean_difference"] == 0.5  # +1 and 0


def test_change_scores_feed_compare_groups():
    profiles, groups = _moments_profiles()
    change = change_scores(profiles, "t0", "t1", metrics=["size"])
    assert "h" not in change.index and change.loc["a3", "size"] == 3.0
    table = compare_groups(change, groups.reindex(change.index), n_boot=300, n_perm=300)
    assert table.loc[0, "difference"] == 2.0  # coach changed 2 more than care as usual


def test_effect_size_words_and_sentences():
    assert [effect_size_label(v) for v in (0.1, -0.3, 0.5, -1.2)] == ["verwaarloosbaar", "klein", "middelmatig", "groot"]
    assert effect_size_label(0.79, "en") == "medium"
    profiles, groups = _moments_profiles()
    row = paired_moments(profiles, "t0", "t1", group=groups, metrics=["size"], n_boot=200, n_perm=200).iloc[0]
    text = describe_change(row, "nl")
    assert text.startswith("omvang, coach (4 personen): van 5,50 bij t0 naar 7,50 bij t1, een verandering van 2,00")
    assert "95%-interval" in text and "helemaal aan één kant van 0" in text
    english = describe_change(row, "en")
    assert "a change of 2.00" in english and "," not in english.split("change of ")[1][:4]
    t = compare_groups(pd.DataFrame({"size": [1.0, 2, 3, 1, 2, 3]}), ["x", "x", "x", "y", "y", "y"], n_boot=100, n_perm=100)
    assert "geen verschil is ook goed mogelijk" in describe_difference(t.iloc[0])


def test_display_table_is_plain_words_with_decimal_commas():
    profiles, groups = _moments_profiles()
    table = paired_moments(profiles, "t0", "t1", group=groups, metrics=["size"], n_boot=200, n_perm=200)
    shown = display_table(table, "nl", columns=["group", "metric", "n", "n_unpaired", "mean_difference", "d_z", "p_value"])
    assert list(shown.columns) == ["groep", "kenmerk", "n", "niet gepaard", "gemiddelde verandering", "d_z", "p", "effect"]
    assert shown.loc[0, "kenmerk"] == "omvang" and shown.loc[0, "gemiddelde verandering"] == "2,00"
    assert shown.loc[0, "p"] == "0,125" and shown.loc[0, "effect"] == "groot"
    english = display_table(table, "en")
    assert "mean change" in english.columns and english.loc[0, "mean change"] == "2.00"


def test_plot_moment_changes_one_trace_per_group_with_error_bars():
    profiles, groups = _moments_profiles()
    table = paired_moments(profiles, "t0", "t1", group=groups, metrics=["size", "density"], n_boot=200, n_perm=200)
    fig = plot_moment_changes(table, lang="en")
    assert [t.name for t in fig.data if t.showlegend] == ["coach", "gewoon"] and len(fig.data) == 4
    coach = fig.data[0]
    assert coach.y[0] == 2.0 and coach.error_y.array[0] == pytest.approx(table.loc[0, "ci_high"] - 2.0)
    assert fig.layout.title.text == "Change from t0 to t1 per group (mean and 95% interval)"


def test_position_in_groups_is_a_percentile_rank():
    profiles = pd.DataFrame({"size": [2.0, 4, 6, 8, 10, 12], "density": [0.1, 0.2, 0.3, 0.4, 0.5, np.nan]}, index=list("abcdef"))
    groups = ["x", "x", "x", "y", "y", "y"]
    position = position_in_groups(pd.Series({"size": 6.0, "density": 0.9}), profiles, groups)
    assert position.loc["size", "x"] == pytest.approx(100 * 2.5 / 3)  # above 2 and 4, tied with 6
    assert position.loc["size", "y"] == 0 and position.loc["density", "y"] == 100
