"""Synthetic networks: validity, determinism, calibration to the published figures, speed of layout."""
import dataclasses

import numpy as np
import pandas as pd
import pytest

from netles import Dataset, EgoNetwork, vocab
from netles.dataset import DATASET_ALTER_COLUMNS, DATASET_TIE_COLUMNS, SUPPORT_COLUMNS
from netles.models import PROFILES, SyntheticProfile, synthetic_dataset, synthetic_network


@pytest.fixture(scope="module")
def lvb():
    return synthetic_dataset(2000, groups={"lvb": 1}, seed=11)


@pytest.fixture(scope="module")
def algemeen():
    return synthetic_dataset(2000, groups="algemeen", seed=11)


def _kind(ds):
    return ds.alters["relation"].map(vocab.RELATION_KIND_OF)


def test_layout_of_the_long_tables(lvb):
    assert isinstance(lvb, Dataset)
    assert list(lvb.egos.columns) == ["ego_id", "gender", "age", "group", "region"]
    assert list(lvb.alters.columns) == list(DATASET_ALTER_COLUMNS)
    assert list(lvb.ties.columns) == list(DATASET_TIE_COLUMNS)
    assert lvb.egos["ego_id"].is_unique and all(isinstance(e, str) for e in lvb.egos["ego_id"])
    assert set(lvb.egos["group"]) == {"lvb"}
    assert set(lvb.egos["region"]) <= {"noord", "oost", "west", "zuid"}
    for column in SUPPORT_COLUMNS:
        assert lvb.alters[column].dtype == bool
    assert not lvb.alters.duplicated(["ego_id", "alter_id"]).any()
    assert set(lvb.alters["ego_id"]) == set(lvb.egos["ego_id"])


def test_every_field_comes_from_its_vocabulary(lvb):
    a = lvb.alters
    for field in ("relation", "sector", "gender", "contact", "valence", "status"):
        assert set(a[field]) <= set(vocab.VOCABULARIES[field].codes), field
    assert set(a["support_direction"].dropna()) <= set(vocab.SUPPORT_DIRECTION.codes)
    assert set(a["circle"]) <= {1, 2, 3, 4}
    # every vocabulary is actually used, not just allowed
    for field in ("gender", "contact", "valence", "status"):
        assert set(a[field]) == set(vocab.VOCABULARIES[field].codes), field
    assert (a["sector"] == a["relation"].map(vocab.RELATION_SECTOR)).all()
    assert a["age"].between(0, 104).all() and a["travel_minutes"].between(0, 600).all()
    assert a["since"].between(1900, 2025).all()


def test_attributes_are_consistent_with_each_other(lvb):
    a = lvb.alters
    support = a[list(SUPPORT_COLUMNS)].any(axis=1)
    lapsed = a["status"] != "active"
    assert not support[lapsed].any(), "faded or disrupted ties give no support"
    assert a.loc[lapsed, "contact"].isin(["yearly", "rarely"]).all()
    assert a.loc[a["status"] == "disrupted", "valence"].isin(["ambivalent", "burdening"]).all()
    assert a["support_direction"].notna().eq(support).all(), "a direction exactly when there is support"
    prof = a["relation"] == "professional"
    assert (a.loc[prof, "status"] == "active").all()
    assert (a.loc[prof, "circle"] >= 2).all() and (a.loc[prof, "circle"] == 4).mean() > 0.75
    active_partner = (a["relation"] == "partner") & ~lapsed
    assert (a.loc[active_partner, "circle"] <= 2).mean() > 0.95
    per_ego = a.groupby("ego_id")["relation"]
    assert per_ego.apply(lambda r: (r == "partner").sum()).max() <= 1
    assert per_ego.apply(lambda r: (r == "parent").sum()).max() <= 2
    parents = a[a["relation"] == "parent"].merge(lvb.egos[["ego_id", "age"]], on="ego_id", suffixes=("", "_ego"))
    assert (parents["age"] > parents["age_ego"]).all()


def test_generated_networks_pass_validation():
    ds = synthetic_dataset(400, groups={"lvb": 1, "ggz": 1, "ouderen": 1, "algemeen": 1}, seed=3)
    for ego_id in ds.ego_ids:
        net = ds.network(ego_id)
        assert isinstance(net, EgoNetwork)
        assert net.size == (ds.alters["ego_id"] == ego_id).sum()
        assert EgoNetwork.from_dict(net.to_dict()) == net


def test_same_seed_same_data_other_seed_other_data():
    a = synthetic_dataset(300, groups={"lvb": 0.5, "ggz": 0.5}, seed=5)
    b = synthetic_dataset(300, groups={"lvb": 0.5, "ggz": 0.5}, seed=5)
    c = synthetic_dataset(300, groups={"lvb": 0.5, "ggz": 0.5}, seed=6)
    for x, y in ((a.egos, b.egos), (a.alters, b.alters), (a.ties, b.ties)):
        pd.testing.assert_frame_equal(x, y)
    assert not a.alters["relation"].equals(c.alters["relation"])


def test_synthetic_network_agrees_with_synthetic_dataset():
    for profile in PROFILES:
        ds = synthetic_dataset(1, groups={profile: 1}, seed=42)
        net = synthetic_network(seed=42, profile=profile)
        assert net == ds.network(ds.ego_ids[0])
        assert net.ego["group"] == profile
    named = synthetic_network(seed=42, ego_id="client-7")
    assert named.ego_id == "client-7"
    assert named.alters.equals(synthetic_network(seed=42).alters)


def test_groups_as_counts_or_shares():
    ds = synthetic_dataset(10, groups={"lvb": 7, "ouderen": 3}, seed=1)
    assert ds.egos["group"].value_counts().to_dict() == {"lvb": 7, "ouderen": 3}
    ds = synthetic_dataset(10, groups={"lvb": 0.25, "ggz": 0.75}, seed=1)
    # 2.5 and 7.5: largest remainder, a tie goes to the group listed first
    assert ds.egos["group"].value_counts().to_dict() == {"ggz": 7, "lvb": 3}
    assert ds.egos["ego_id"].iloc[0] == "lvb-0001"
    assert ds.meta["groups"] == {"lvb": 3, "ggz": 7}
    ds = synthetic_dataset(9, groups={"lvb": 1, "ggz": 1, "ouderen": 1}, seed=1)
    assert ds.meta["groups"] == {"lvb": 3, "ggz": 3, "ouderen": 3}
    assert len(synthetic_dataset(0, seed=1)) == 0
    with pytest.raises(ValueError, match="unknown profile"):
        synthetic_dataset(5, groups={"nope": 1})
    with pytest.raises(ValueError, match="n_egos"):
        synthetic_dataset(-1)
    with pytest.raises(ValueError):
        synthetic_network(profile="nope")


def test_profiles_are_documented_and_extendable():
    for name, profile in PROFILES.items():
        assert profile.source and profile.assumptions and len(profile.label) == 2, name
    with pytest.raises(ValueError, match="kind_shares"):
        dataclasses.replace(PROFILES["lvb"], kind_shares=(0.5, 0.5, 0.5))
    with pytest.raises(ValueError, match="family_mix"):
        dataclasses.replace(PROFILES["lvb"], family_mix={"friend": 1})
    PROFILES["test_groot"] = dataclasses.replace(PROFILES["lvb"], size_mean=30, size_sd=3, size_min=25, size_max=35)
    try:
        ds = synthetic_dataset(50, groups="test_groot", seed=1)
        assert ds.alters.groupby("ego_id").size().min() >= 25
    finally:
        del PROFILES["test_groot"]


# -- calibration -------------------------------------------------------------------------------------

def test_lvb_calibration_van_asselt_goverts_2013(lvb):
    """Size 4-28, mean 14.2 +/- 1; family 42.7% and professionals 24.5%, each +/- 3 points
    (mean over egos of each ego's share, as a study reports it); friends 19.9% +/- 3 points."""
    sizes = lvb.alters.groupby("ego_id").size()
    assert abs(sizes.mean() - 14.2) <= 1
    assert sizes.between(4, 28).mean() >= 0.95
    shares = pd.crosstab(lvb.alters["ego_id"], _kind(lvb), normalize="index").mean()
    assert abs(shares["family"] - 0.427) <= 0.03
    assert abs(shares["professional"] - 0.245) <= 0.03
    assert abs(shares["informal"] - 0.328) <= 0.03
    friends = (lvb.alters["relation"] == "friend").groupby(lvb.alters["ego_id"]).mean().mean()
    assert abs(friends - 0.199) <= 0.03


def test_algemeen_weekly_contact_cbs(algemeen):
    """Share of egos with at least one alter seen weekly or daily, within 4 points of CBS:
    family 83%, neighbours 58%, family/friends/neighbours 96% (3 points)."""
    a = algemeen.alters
    weekly = a["contact"].isin(["daily", "weekly"])

    def share(mask):
        return (weekly & mask).groupby(a["ego_id"]).any().reindex(algemeen.ego_ids, fill_value=False).mean()

    family = _kind(algemeen) == "family"
    assert abs(share(family) - 0.83) <= 0.04
    assert abs(share(a["relation"] == "neighbour") - 0.58) <= 0.04
    assert abs(share(family | a["relation"].isin(["friend", "neighbour"])) - 0.96) <= 0.03


def test_profiles_differ_as_documented():
    ds = synthetic_dataset(1600, groups={"lvb": 1, "ggz": 1, "ouderen": 1, "algemeen": 1}, seed=2)
    a = ds.alters.merge(ds.egos[["ego_id", "group"]], on="ego_id")
    size = a.groupby(["group", "ego_id"]).size().groupby("group").mean()
    prof = (a["relation"] == "professional").groupby(a["group"]).mean()
    friend = (a["relation"] == "friend").groupby(a["group"]).mean()
    assert size["ggz"] < size["lvb"] < size["algemeen"]
    assert prof["ggz"] > prof["lvb"] > prof["algemeen"]
    assert friend["ggz"] < friend["lvb"]
    assert ds.egos.loc[ds.egos["group"] == "ouderen", "age"].min() >= 70
    assert not ((a["group"] == "ouderen") & a["relation"].isin(["partner", "parent"])).any()


def test_alter_ties_are_clustered(lvb):
    """Family knows family far more often than professionals know anyone."""
    a = lvb.alters.set_index(["ego_id", "alter_id"])["relation"].map(vocab.RELATION_KIND_OF)
    t = lvb.ties
    ks = a.reindex(pd.MultiIndex.from_arrays([t["ego_id"], t["source"]])).to_numpy()
    kt = a.reindex(pd.MultiIndex.from_arrays([t["ego_id"], t["target"]])).to_numpy()
    counts = a.groupby(level=0).value_counts().unstack(fill_value=0)
    fam_pairs = (counts["family"] * (counts["family"] - 1) / 2).sum()
    prof_other = (counts["professional"] * (counts["family"] + counts["informal"])).sum()
    fam_density = ((ks == "family") & (kt == "family")).sum() / fam_pairs
    prof_density = (((ks == "professional") & (kt != "professional")) | ((kt == "professional") & (ks != "professional"))).sum() / prof_other
    assert fam_density > 0.6
    assert prof_density < 0.15
    assert fam_density > 5 * prof_density
