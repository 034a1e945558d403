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
    anon, report = anonymise(ds, KEY, k=5, keep=["group", "region"])
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


# -- free text, code lists, moments (issue 14.6, contract section 3) ---------------------------

CARE_WORKERS = ["Wilhelmina Jansen", "Bartholomeus de Groot"]


def test_free_text_group_is_dropped_unless_kept_or_coded():
    ds = _study(12)
    ds.egos["group"] = [CARE_WORKERS[i % 2] for i in range(12)]  # a group column holding a care worker's name
    anon, report = anonymise(ds, KEY, k=1)
    assert "group" not in anon.egos and "region" not in anon.egos
    assert report.dropped_reasons["egos"]["group"].startswith("free text or a study variable")
    assert "group" not in report.quasi_identifiers
    kept, kept_report = anonymise(ds, KEY, k=1, keep={"group": "the column the study compares"})
    assert set(kept.egos["group"]) == set(CARE_WORKERS)
    assert kept_report.kept_columns["egos"]["group"] == "the column the study compares"
    assert "group" in kept_report.quasi_identifiers  # a kept column can single someone out: it counts for k


def test_a_declared_code_list_keeps_a_column_only_when_every_value_is_in_it():
    ds = _study(12)
    ds.egos["group"] = ["lvb", "ggz"] * 6
    anon, report = anonymise(ds, KEY, k=1, codes={"group": ["lvb", "ggz", "ouderen"]})
    assert set(anon.egos["group"]) == {"lvb", "ggz"}
    assert report.kept_columns["egos"]["group"] == "every value is in its declared code list"
    ds.egos.loc[3, "group"] = CARE_WORKERS[0]
    anon, report = anonymise(ds, KEY, k=1, codes={"group": ["lvb", "ggz", "ouderen"]})
    assert "group" not in anon.egos
    assert report.dropped_reasons["egos"]["group"] == "holds values outside its declared code list"
    assert CARE_WORKERS[0] not in report.text()  # the report names the column, never the value


def test_report_says_why_every_column_stays_or_goes():
    anon, report = anonymise(_study(6), KEY, k=1, keep=["region"])
    frame = report.columns_frame()
    why = {(r.table, r.column): (r.kept, r.reason) for r in frame.itertuples()}
    assert why[("egos", "gender")] == (True, "a coded field of the data model")
    assert why[("egos", "region")] == (True, "kept on request")
    assert why[("egos", "age")] == (False, "coarsened into age_band")
    assert why[("alters", "name")] == (False, "a name")
    assert why[("alters", "notes")][0] is False and why[("alters", "relation")][0] is True
    assert set(frame.loc[frame["kept"], "column"]) | {"ego_id", "alter_id", "source", "target"} >= (
        set(anon.egos.columns) | set(anon.alters.columns) | set(anon.ties.columns)) - {"ego_id", "alter_id", "source", "target"}
    dutch = report.columns_table("nl")
    assert list(dutch.columns) == ["tabel", "kolom", "blijft", "waarom"] and "een naam" in set(dutch["waarom"])


def _panel() -> Dataset:
    """Six clients at intake and afsluiting; client 5 has only an intake, client 0 turns 30 between the two."""
    nets, moments = [], []
    for i in range(6):
        for m, moment in enumerate(("intake", "afsluiting")):
            if i == 5 and moment == "afsluiting":
                continue
            alters = [{"alter_id": f"alterid{i}x{j}", "name": f"{FIRST_NAMES[j]}{i:03d}", "relation": "friend"} for j in range(3 + m)]
            age = (29 + m) if i == 0 else 40
            nets.append(EgoNetwork({"ego_id": f"clientnr{i:04d}", "gender": "F", "age": age}, alters, []))
            moments.append(moment)
    return Dataset.from_networks(nets, moments=moments)


def test_moments_count_persons_keep_pseudonyms_and_suppress_a_person_at_every_moment():
    ds = _panel()
    anon, report = anonymise(ds, KEY, k=2)
    assert report.n_egos == 6  # persons, not rows
    # client 0 is 29 at intake and 30 at afsluiting: alone in the band 18-29, so left out at both moments
    hidden = pseudonym(KEY, "ego", "clientnr0000", prefix="e")
    assert report.n_suppressed == 1 and hidden not in set(anon.egos["ego_id"])
    assert anon.moments == ["intake", "afsluiting"]
    kept = anon.egos.groupby("ego_id", observed=True)["moment"].agg(list)
    assert (kept.map(len) == 2).sum() == 4 and (kept.map(len) == 1).sum() == 1
    # the same alter keeps its pseudonym at both moments
    a = anon.alters
    first = pseudonym(KEY, "ego", "clientnr0001", prefix="e")
    ids = {m: set(a.loc[(a["ego_id"] == first) & (a["moment"] == m), "alter_id"]) for m in ("intake", "afsluiting")}
    assert ids["intake"] < ids["afsluiting"]


def test_moments_survive_writing_and_reading_in_their_order(tmp_path):
    anon, _ = anonymise(_panel(), KEY, k=1)
    again = netles.read_dataset(netles.write_dataset(anon, tmp_path / "uit"))
    assert again.moments == ["intake", "afsluiting"] and len(again) == len(anon)


def test_problem_summary_counts_kinds_and_names_no_one():
    from netles.anonymise import describe_problems, problem_counts, problem_summary
    from netles.errors import Problem
    from netles.validation import ValidationReport

    report = ValidationReport([Problem("'neef van Annelies' is not a known value", file="c17_sessie_attributeList.csv",
                                       row=3, ego="clientnr0017", alter="alterid9", field="relation", value="neef van Annelies")],
                              n_egos=2, kept=["clientnr0002"], excluded=["clientnr0017"],
                              warnings=[Problem("kept as age_raw", field="age")])
    counts = problem_counts(report)
    assert counts == {"egos": 2, "kept": 1, "excluded": 1, "problems": [{"kind": "relation", "count": 1, "egos": 1}],
                      "notes": [{"kind": "age", "count": 1, "egos": 0}]}
    for text in (str(counts), problem_summary(report).to_string(), describe_problems(counts, "nl"), describe_problems(counts, "en")):
        for secret in ("Annelies", "clientnr", "alterid", "c17_sessie", "row"):
            assert secret not in text
