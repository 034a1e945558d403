"""netles.anonymise: keyed pseudonyms, dropped names and free text, coarsening, k-anonymity."""
from __future__ import annotations

import itertools
from pathlib import Path

import pandas as pd
import pytest

import netles
from netles import Dataset, EgoNetwork, ValidationError, anonymise, datasets, quality_profile
from netles.anonymise import age_band, pseudonym, travel_class

KEY = "0123456789abcdef-test-key-not-secret"
OTHER_KEY = "fedcba9876543210-another-test-key"

FIRST_NAMES = ["Annelies", "Bertrand", "Cornelia", "Dirkjan", "Evertine", "Fokko", "Gerdientje", "Hielke"]
REGIONS = ["noord", "zuid"]


def _study(n_egos: int = 24) -> Dataset:
    """Egos with distinctive ids and names, so a grep for them in the output means a leak."""
    nets = []
    for i in range(n_egos):
        alters = []
        for j in range(4):
            alters.append({
                "alter_id": f"alterid{i:03d}x{j}",
                "name": f"{FIRST_NAMES[(i + j) % len(FIRST_NAMES)]}{i:03d}",
                "relation": ["sibling", "friend", "neighbour", "professional"][j],
                "age": 20 + 7 * j + i % 5,
                "travel_minutes": [5, 20, 40, 75][j],
                "support": ["practical"] if j % 2 else ["emotional", "companionship"],
                "support_direction": "receives",
                "notes": f"vrije tekst over {FIRST_NAMES[j]}{i:03d}",
            })
        ties = [{"source": f"alterid{i:03d}x0", "target": f"alterid{i:03d}x1"}, {"source": f"alterid{i:03d}x3", "target": f"alterid{i:03d}x2"}]
        ego = {"ego_id": f"clientnr{i:04d}", "gender": "F" if i % 2 else "M", "age": 30 + (i % 3), "group": "pilot", "region": REGIONS[i % 2]}
        nets.append(EgoNetwork(ego, alters, ties, {"vignette": f"verhaal van client {i}"}))
    ds = Dataset.from_networks(nets)
    ds.egos["region"] = [n.ego["region"] for n in nets]
    return ds


def test_pseudonyms_are_keyed_and_stable():
    assert pseudonym(KEY, "ego", "x") == pseudonym(KEY, "ego", "x")
    assert pseudonym(KEY, "ego", "x") != pseudonym(OTHER_KEY, "ego", "x")
    assert len(pseudonym(KEY, "x", length=12)) == 12
    with pytest.raises(ValueError, match="16 bytes"):
        pseudonym("short", "x")


def test_same_key_links_waves_and_ties_follow():
    ds = _study()
    a, _ = anonymise(ds, KEY, k=1)
    b, _ = anonymise(ds, KEY, k=1)
    c, _ = anonymise(ds, OTHER_KEY, k=1)
    assert a.egos["ego_id"].tolist() == b.egos["ego_id"].tolist()
    assert set(a.egos["ego_id"]).isdisjoint(c.egos["ego_id"])
    # every tie end is an alter of the same ego, and each network keeps its profile
    for ego_id in a.ego_ids:
        net = a.network(ego_id)
        assert net.size == 4 and net.n_ties == 2
    original = quality_profile(ds.network("clientnr0000"))
    mapped = a.egos.loc[a.egos["ego_id"] == pseudonym(KEY, "ego", "clientnr0000", prefix="e"), "ego_id"].item()
    anon_profile = quality_profile(a.network(mapped))
    for key in ("size", "density", "components", "support_coverage", "multiplexity"):
        assert anon_profile[key] == pytest.approx(original[key], nan_ok=True)


def test_drops_names_free_text_and_coarsens():
    anon, report = anonymise(_study(), KEY, k=1)
    assert "name" not in anon.alters and "notes" not in anon.alters and "age" not in anon.alters
    assert "travel_minutes" not in anon.alters and "age" not in anon.egos
    assert set(anon.alters["travel_class"]) == {"0-14", "15-29", "30-59", "60+"}
    assert set(anon.egos["age_band"]) == {"30-44"}
    assert "name" in report.dropped_columns["alters"] and "notes" in report.dropped_columns["alters"]
    kept, _ = anonymise(_study(), KEY, k=1, keep=["notes"])
    assert "notes" in kept.alters


def test_k_anonymity_suppresses_small_groups():
    ds = _study(24)
    # one ego of its own kind: a different group
    ds.egos.loc[ds.egos["ego_id"] == "clientnr0005", "group"] = "controle"
    anon, report = anonymise(ds, KEY, k=5)
    assert report.n_suppressed == 1 and report.n_kept == 23
    assert report.quasi_identifiers == ["age_band", "gender", "group", "region"]
    assert report.smallest_class >= 5
    hidden = pseudonym(KEY, "ego", "clientnr0005", prefix="e")
    assert hidden not in set(anon.egos["ego_id"]) and hidden not in set(anon.alters["ego_id"])
    assert len(anon.alters) == 23 * 4 and len(anon.ties) == 23 * 2
    small = report.classes[report.classes["suppressed"]]
    assert small["egos"].tolist() == [1] and small["group"].tolist() == ["controle"]
    assert "23 of 24 egos kept" in str(report)


def test_input_dataset_is_not_changed():
    ds = _study(6)
    before = [ds.egos.copy(), ds.alters.copy(), ds.ties.copy()]
    anonymise(ds, KEY, k=2)
    for frame, copy in zip((ds.egos, ds.alters, ds.ties), before):
        pd.testing.assert_frame_equal(frame, copy)


def test_writer_refuses_names_kept_by_request(tmp_path):
    anon, _ = anonymise(_study(6), KEY, k=1, keep=["name"])
    with pytest.raises(ValidationError, match="names"):
        netles.write_dataset(anon, tmp_path / "out")
    netles.write_dataset(anon, tmp_path / "out", allow_names=True)


@pytest.mark.parametrize("fmt", ["csv", "parquet", "graphml"])
def test_no_input_name_or_id_survives_in_any_output_file(tmp_path, fmt):
    ds = _study()
    secrets = set(ds.egos["ego_id"]) | set(ds.alters["alter_id"]) | set(ds.alters["name"]) | set(ds.alters["notes"])
    secrets |= set(FIRST_NAMES)
    anon, _ = anonymise(ds, KEY, k=3)
    target = tmp_path / ("out.graphml" if fmt == "graphml" else "out")
    netles.write_dataset(anon, target, format=fmt)
    files = [target] if target.is_file() else [p for p in target.rglob("*") if p.is_file()]
    assert files
    for path in files:
        data = path.read_bytes()
        for secret in secrets:
            assert secret.encode() not in data, f"{secret!r} found in {path.name}"
        assert KEY.encode() not in data
    again = netles.read_dataset(target)
    assert again.meta["problems"].ok and len(again) == len(anon)


def test_works_on_networks_from_files(tmp_path):
    # the classroom path: student network files folded into a dataset
    nets = [datasets.load_case("voorbeeld").with_ego(ego_id=f"student{i}", group="klas") for i in range(5)]
    anon, report = anonymise(Dataset.from_networks(nets), KEY, k=5)
    assert len(anon) == 5 and report.n_suppressed == 0
    assert "name" not in anon.alters
    netles.write_dataset(anon, tmp_path / "klas")


def test_coarsening_helpers():
    assert age_band(pd.Series([0, 29, 30, 120])).tolist() == ["0-17", "18-29", "30-44", "80+"]
    assert travel_class(pd.Series([14.9, 15, None])).tolist() == ["0-14", "15-29", None]


def test_rejects_bad_arguments():
    with pytest.raises(ValueError):
        anonymise(_study(2), "short", k=1)
    with pytest.raises(ValueError):
        anonymise(_study(2), KEY, k=0)
