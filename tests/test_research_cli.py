"""The research commands: netles profile, netles rapport, netles onderzoeksdata."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import netles
from netles import cli, datasets
from netles.research_data import STUDIES, write_research_data

ROOT = Path(__file__).resolve().parent.parent


def test_bundled_research_data_are_reproducible_from_the_command(tmp_path):
    assert cli.main(["onderzoeksdata", "--out", str(tmp_path)]) == 0
    for study in STUDIES:
        for name in ("egos.csv", "alters.csv", "ties.csv", "README.md"):
            assert (tmp_path / study / name).read_bytes() == (datasets.research_path(study) / name).read_bytes(), (study, name)


def test_research_data_are_marked_synthetic_and_readable():
    for study in STUDIES:
        folder = datasets.research_path(study)
        assert "SYNTHETISCH" in (folder / "README.md").read_text(encoding="utf-8")
        ds = netles.read_dataset(folder)
        assert ds.meta["problems"].ok and ds.meta["problems"].problems == []
        assert "name" not in ds.alters.columns or ds.alters["name"].isna().all()
    three = netles.read_dataset(datasets.research_path("drie_groepen"))
    assert three.egos["groep"].value_counts().to_dict() == {"lvb": 40, "ggz": 40, "ouderen": 40}


def test_pilot_after_networks_are_strengthened_with_new_members():
    ds = netles.read_dataset(datasets.research_path("pilot_voor_na"))
    assert sorted(ds.egos["meting"].unique()) == ["na", "voor"] and ds.egos["client"].nunique() == 40
    profiles = netles.profile_many(ds)
    before, after = netles.compare.paired_profiles(profiles, ds.egos)
    grew = (after["size"] - before["size"])
    assert (grew >= 0).all() and (grew > 0).mean() > 0.7
    volunteers = ds.alters[ds.alters["ego_id"].str.endswith("-na")]["relation"].isin(["volunteer", "fellow_client", "club_member"]).sum()
    assert volunteers > ds.alters[ds.alters["ego_id"].str.endswith("-voor")]["relation"].isin(["volunteer", "fellow_client", "club_member"]).sum()


def test_profile_command_pandas_and_dask_agree(tmp_path, capsys):
    assert cli.main(["profile", "drie_groepen", "--out", str(tmp_path / "p.csv")]) == 0
    assert cli.main(["profile", "drie_groepen", "--engine", "dask", "--workers", "1", "--out", str(tmp_path / "d.csv")]) == 0
    pandas_result = pd.read_csv(tmp_path / "p.csv", index_col="ego_id")
    dask_result = pd.read_csv(tmp_path / "d.csv", index_col="ego_id")
    pd.testing.assert_frame_equal(pandas_result, dask_result)
    assert len(pandas_result) == 120 and list(pandas_result.columns) == netles.profile.metric_keys()
    assert cli.main(["profile", "no-such-dataset"]) == 2
    assert cli.main(["profile", "pilot_voor_na"]) == 0
    assert "80 egos profiled" in capsys.readouterr().out


def test_help_in_plain_words(capsys):
    for command in ("profile", "rapport", "onderzoeksdata"):
        with pytest.raises(SystemExit):
            cli.main([command, "--help"])
        text = capsys.readouterr().out
        assert "usage: netles " + command in text and len(text) > 300


def test_rapport_is_an_offline_html_report_with_plots(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "X.html"
    assert cli.main(["rapport", str(ROOT / "data" / "research" / "drie_groepen"), "--group", "groep", "--out", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    remote = re.findall(r"<(?:script|link|img|iframe)\b[^>]*(?:src|href)\s*=\s*[\"']?(?:https?:)?//", html, re.IGNORECASE)
    assert remote == []
    assert "Plotly.newPlot" in html and '"type":"box"' in html.replace(" ", "") and "omvang" in html
    assert "Onderzoek: netwerken van groepen vergelijken" in html and "lvb" in html
