"""Class results: ``netles klas verzamel`` on a folder of generated student files."""
from __future__ import annotations

import json
import random

import pandas as pd
import pytest

import netles
from netles import datasets, klas
from netles.cli import main as cli_main

FIRST = ["Zwaan", "Korhaan", "Merel", "Lijster", "Spreeuw", "Vink", "Gaai", "Kievit", "Reiger", "Wulp", "Tureluur",
         "Grutto"]


def _student_network(i: int, rng: random.Random) -> netles.EgoNetwork:
    """A student's network: a bundled case or a synthetic network, changed, with invented alter names."""
    try:
        from netles.models import synthetic_network as synthetic
    except ImportError:  # models not there yet: cases only
        synthetic = None
    if synthetic is not None and i % 2:
        net = synthetic(seed=i, profile="algemeen" if i % 4 == 1 else "lvb", ego_id=f"student{i:02d}")
    else:
        names = [n for n in datasets.case_names() if not n.startswith("pilot")]
        net = datasets.load_case(names[i % len(names)]).with_ego(ego_id=f"student{i:02d}")
        for moment in net.moments:  # a student's map of the case as it is now; renames below would clash
            net = net.without_moment(moment.label)
    for alter_id in net.alter_ids[: rng.randint(0, 2)]:
        net = net.without_alter(alter_id)
    for j in range(rng.randint(0, 3)):
        net = net.with_alter({"alter_id": f"n{j}", "relation": rng.choice(["friend", "fellow_student", "colleague"]),
                              "contact": rng.choice(["daily", "weekly", "monthly"]), "support": ["companionship"]})
    for alter_id in net.alter_ids:  # names that could only come from this input file, also in a free-text note
        name = f"{rng.choice(FIRST)}{i:02d}x{alter_id}"
        net = net.with_alter_changes(alter_id, name=name, notitie=f"belt elke week met {name}")
    return net.with_ego(age=rng.randint(18, 24), gender=rng.choice(["F", "M"]), group="klas 2B",
                        full_name=f"Student Achternaam{i:02d}")


@pytest.fixture(scope="module")
def class_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ingeleverd")
    rng = random.Random(7)
    names = set()
    for i in range(28):
        net = _student_network(i, rng)
        names |= {a["name"] for a in net.to_dict()["alters"]}
        netles.write_network(net, folder / f"netwerk_{i:02d}.json")
    (folder / "kapot_afgebroken.json").write_text('{"format_version": 1, "ego": {"ego_id": "x"}, "alters": [', encoding="utf-8")
    bad = json.loads((folder / "netwerk_00.json").read_text(encoding="utf-8"))
    bad["alters"][0]["relation"] = "huisdier"
    bad["alters"][0]["name"] = "Pluisje99"
    names.add("Pluisje99")
    (folder / "ongeldige_relatie.json").write_text(json.dumps(bad), encoding="utf-8")
    return folder, names


@pytest.fixture(scope="module")
def collected(class_folder, tmp_path_factory):
    folder, _ = class_folder
    out = tmp_path_factory.mktemp("uit")
    return klas.collect(folder, out=out, k=3), out


def test_collect_names_the_bad_files_and_keeps_going(collected):
    result, out = collected
    assert result.n_files == 30
    assert sorted(name for name, _ in result.rejected) == ["kapot_afgebroken.json", "ongeldige_relatie.json"]
    reasons = dict(result.rejected)
    assert "relation" in reasons["ongeldige_relatie.json"] and "huisdier" in reasons["ongeldige_relatie.json"]
    assert "JSON" in reasons["kapot_afgebroken.json"]
    assert result.n_networks + result.n_suppressed == 28
    skipped = pd.read_csv(out / "alleen_voor_docent" / "overgeslagen.csv")
    assert sorted(skipped["bestand"]) == ["kapot_afgebroken.json", "ongeldige_relatie.json"]


def test_collect_writes_a_readable_anonymised_dataset(collected):
    result, out = collected
    ds = netles.read_dataset(out / "dataset")
    assert len(ds) == result.n_networks >= 20
    for table, column in ((ds.alters, "name"), (ds.egos, "age"), (ds.alters, "age"), (ds.alters, "travel_minutes")):
        assert column not in table or table[column].isna().all(), column
    assert not ds.egos["ego_id"].astype(str).str.contains("student").any()
    again = klas.class_profile(ds)
    pd.testing.assert_frame_equal(again.sort_index(), result.profile.sort_index(), check_dtype=False)


def test_no_alter_name_appears_in_any_output(collected, class_folder):
    _, names = class_folder
    result, out = collected
    files = [p for p in out.rglob("*") if p.is_file()]
    assert {p.name for p in files} == {"rapport.html", "overgeslagen.csv", "egos.csv", "alters.csv", "ties.csv"}
    shared = [p for p in files if "alleen_voor_docent" not in p.parts]
    assert len(shared) == 4
    for path in shared:
        text = path.read_text(encoding="utf-8")
        leaked = [n for n in names if n in text]
        assert leaked == [], f"{path.name} contains {leaked[:3]}"
        assert "Achternaam" not in text and "student0" not in text


def test_report_is_offline_and_compares_with_published_figures(collected):
    result, out = collected
    text = (out / "rapport.html").read_text(encoding="utf-8")
    # plotly.js is embedded; nothing is fetched (plotly.js itself mentions its CDN only for map data)
    assert "<script src=" not in text and '<link href="http' not in text and "require.js" not in text
    assert len(text) > 3_000_000
    assert text.count("Plotly.newPlot") == 4
    assert "14,2" in text and "96%" in text  # van Asselt-Goverts 2013 and CBS 2019
    assert "kapot_afgebroken" not in text, "the report shown to the class names no file"
    mean_size = f"{result.profile['size'].mean():.1f}".replace(".", ",")
    assert mean_size in text


def test_class_profile_and_comparison_on_known_networks():
    ds = netles.Dataset.from_networks([datasets.load_case("voorbeeld"),
                                       datasets.load_case("psychiatrie_geen_netwerk")])
    profile = klas.class_profile(ds)
    assert profile.loc["voorbeeld", "size"] == 6 and round(profile.loc["voorbeeld", "density"], 6) == 0.266667
    table = klas.compare_published(profile)
    assert table.loc["size", "gepubliceerd"] == 14.2
    assert table.loc["size", "klas"] == pytest.approx(6.0)  # (6 + 6) / 2
    # Erwin sees nobody in his family or among neighbours weekly; mevrouw V. does
    assert profile["weekly_family"].tolist() == [1.0, 0.0]
    assert table.loc["weekly_family", "klas"] == 0.5


def test_k_anonymity_leaves_out_rare_combinations(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        net = datasets.load_case("voorbeeld").with_ego(ego_id=f"s{i}", age=20, gender="F", group="g")
        netles.write_network(net, folder / f"s{i}.json")
    odd = datasets.load_case("voorbeeld").with_ego(ego_id="s9", age=70, gender="M", group="g")
    netles.write_network(odd, folder / "s9.json")
    result = klas.collect(folder, out=tmp_path / "uit", k=3)
    assert (result.n_networks, result.n_suppressed) == (4, 1)
    assert "k-anonimiteit" in (tmp_path / "uit" / "rapport.html").read_text(encoding="utf-8")


def test_verzamel_command(class_folder, tmp_path, capsys):
    folder, _ = class_folder
    assert cli_main(["klas", "verzamel", str(folder), "--out", str(tmp_path / "r"), "--k", "1"]) == 0
    captured = capsys.readouterr()
    assert "overgeslagen: kapot_afgebroken.json" in captured.err
    assert "28 netwerken verzameld" in captured.out
    assert (tmp_path / "r" / "rapport.html").is_file()
    empty = tmp_path / "leeg"
    empty.mkdir()
    assert cli_main(["klas", "verzamel", str(empty)]) == 2
    assert "geen netwerkbestanden" in capsys.readouterr().err
