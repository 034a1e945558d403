"""profile_many: the vectorised profile equals quality_profile per ego."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netles
import netles.models
from netles import Dataset, ValidationError, datasets, profile_many, quality_profile
from netles import profile as profile_module
from netles.profile import metric_keys
from strategies import networks


def _per_ego(ds: Dataset, *option_sets, **options):
    """quality_profile of ds.network(e) for every ego; one frame per option set."""
    nets = [ds.network(e) for e in ds.ego_ids]
    frames = [
        pd.DataFrame([quality_profile(net, **opts) for net in nets], index=pd.Index(ds.ego_ids, name="ego_id"), columns=metric_keys())
        for opts in (option_sets or (options,))
    ]
    return frames if option_sets else frames[0]


def _assert_same(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    assert list(got.index) == list(expected.index)
    assert list(got.columns) == metric_keys()
    a, b = got.to_numpy(dtype=float), expected.to_numpy(dtype=float)
    assert np.array_equal(np.isnan(a), np.isnan(b)), got.columns[(np.isnan(a) != np.isnan(b)).any(axis=0)].tolist()
    assert np.nanmax(np.abs(a - b), initial=0.0) <= 1e-9


@st.composite
def datasets_of_networks(draw):
    """Several random networks, always including egos with 0, 1 and 2 alters."""
    nets = [draw(networks(min_alters=k, max_alters=k)) for k in (0, 1, 2)]
    nets += draw(st.lists(networks(max_alters=10), min_size=0, max_size=3))
    draw(st.randoms()).shuffle(nets)
    return Dataset.from_networks([net.with_ego(ego_id=f"e{i}") for i, net in enumerate(nets)])


THRESHOLDS = st.fixed_dictionaries({
    "strong_max_circle": st.integers(1, 4),
    "weekly": st.sampled_from([("daily",), ("daily", "weekly"), ("monthly", "rarely")]),
    "max_minutes": st.sampled_from([0, 15, 30, 120]),
})


@settings(max_examples=80)  # each example profiles 3-6 networks twice, one by one
@given(datasets_of_networks(), THRESHOLDS)
def test_equals_quality_profile_per_ego(ds, options):
    default, other = _per_ego(ds, {}, options)
    _assert_same(profile_many(ds), default)
    _assert_same(profile_many(ds, **options), other)


def test_running_example_matches_references():
    ds = Dataset.from_networks([datasets.load_case("voorbeeld")])
    row = profile_many(ds).loc["voorbeeld"]
    assert row["size"] == 6 and row["components"] == 3 and row["isolates"] == 1 and row["broker_pairs"] == 11
    assert row["density"] == pytest.approx(4 / 15)
    assert row["effective_size"] == pytest.approx(4.666667, abs=1e-6)
    assert row["constraint"] == pytest.approx(0.384259, abs=1e-6)
    assert row["ei_gender"] == pytest.approx(-0.2)


def test_all_cases_and_synthetic_groups_match():
    nets = [datasets.load_case(name).with_ego(ego_id=name) for name in datasets.case_names()]
    _assert_same(profile_many(Dataset.from_networks(nets)), _per_ego(Dataset.from_networks(nets)))
    ds = netles.models.synthetic_dataset(60, groups={"lvb": 1, "ggz": 1, "ouderen": 1}, seed=5)
    _assert_same(profile_many(ds), _per_ego(ds))


def test_egos_without_alters_keep_their_row_in_ego_order():
    egos = pd.DataFrame({"ego_id": ["z", "a", "m"], "gender": ["F", None, "M"]})
    alters = pd.DataFrame({"ego_id": ["m", "m"], "alter_id": ["x", "y"], "relation": ["friend", "parent"]})
    ties = pd.DataFrame({"ego_id": ["m"], "source": ["x"], "target": ["y"]})
    result = profile_many(Dataset(egos, alters, ties))
    assert list(result.index) == ["z", "a", "m"]
    assert result.loc["z", "size"] == 0 and np.isnan(result.loc["z", "density"]) and np.isnan(result.loc["z", "constraint"])
    assert result.loc["z", "components"] == 0 and result.loc["z", "support_coverage"] == 0
    assert result.loc["m", "density"] == 1.0 and result.loc["m", "components"] == 1


def test_defaults_from_relation_and_text_support_columns_as_read_from_csv(tmp_path):
    # A CSV round trip leaves circle as floats with NaN and may give text booleans.
    ds = netles.models.synthetic_dataset(25, groups={"ggz": 1}, seed=2)
    alters = ds.alters.copy()
    alters.loc[::3, "circle"] = np.nan
    alters.loc[::4, "sector"] = None
    alters["support_emotional"] = alters["support_emotional"].map({True: "true", False: "false"})
    alters["support_practical"] = alters["support_practical"].astype(int)
    messy = Dataset(ds.egos, alters, ds.ties)
    _assert_same(profile_many(messy), _per_ego(messy))
    netles.write_dataset(ds, tmp_path / "csv", allow_names=True)
    _assert_same(profile_many(netles.read_dataset(tmp_path / "csv")), profile_many(ds))


def test_chunks_and_progress_bar_give_the_same_result(monkeypatch, capsys):
    ds = netles.models.synthetic_dataset(40, groups={"lvb": 1, "ouderen": 1}, seed=9)
    whole = profile_many(ds, progress=False)
    monkeypatch.setattr(profile_module, "_CHUNK_EGOS", 7)
    chunked = profile_many(ds, progress=True)
    _assert_same(chunked, whole)
    assert "profile_many" in capsys.readouterr().err


def test_alters_sorted_differently_from_egos():
    ds = netles.models.synthetic_dataset(30, groups={"lvb": 1}, seed=4)
    shuffled = Dataset(ds.egos.iloc[::-1].reset_index(drop=True), ds.alters.sample(frac=1, random_state=1), ds.ties.sample(frac=1, random_state=2))
    result = profile_many(shuffled)
    assert list(result.index) == list(shuffled.egos["ego_id"])
    _assert_same(result.loc[ds.ego_ids], profile_many(ds))


def test_rows_of_unknown_egos_are_ignored():
    ds = Dataset.from_networks([datasets.load_case("voorbeeld")])
    stray = pd.DataFrame({"ego_id": ["ghost"], "alter_id": ["A"], "relation": ["friend"]})
    with_stray = Dataset(ds.egos, pd.concat([ds.alters, stray], ignore_index=True), ds.ties)
    _assert_same(profile_many(with_stray), profile_many(ds))


@pytest.mark.parametrize(
    "change, field",
    [
        (lambda a, t: (a.assign(relation=a["relation"].where(a.index != 2, "cousin")), t), "relation"),
        (lambda a, t: (a.assign(contact=a["contact"].where(a.index != 1, "hourly")), t), "contact"),
        (lambda a, t: (a.assign(alter_id=a["alter_id"].where(a.index != 1, "A")), t), "alter_id"),
        (lambda a, t: (a, t.assign(target=t["target"].where(t.index != 0, "Q"))), "target"),
        (lambda a, t: (a, t.assign(target=t["target"].where(t.index != 0, t["source"]))), "target"),
        (lambda a, t: (a, pd.concat([t, t.iloc[[0]].rename(columns={"source": "target", "target": "source"})], ignore_index=True)), "target"),
    ],
)
def test_invalid_rows_are_reported(change, field):
    ds = Dataset.from_networks([datasets.load_case("voorbeeld")])
    alters, ties = change(ds.alters.copy(), ds.ties.copy())
    with pytest.raises(ValidationError) as info:
        profile_many(Dataset(ds.egos, alters, ties))
    problem = info.value.problems[0]
    assert problem.field == field and problem.ego == "voorbeeld" and problem.row is not None


def test_empty_dataset():
    ds = Dataset.from_networks([])
    result = profile_many(Dataset(pd.DataFrame({"ego_id": []}), ds.alters, ds.ties))
    assert result.shape == (0, len(metric_keys()))
