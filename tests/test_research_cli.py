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


def test_panel_has_three_moments_some_missing_and_stable_alter_ids():
    ds = netles.read_dataset(datasets.research_path("panel_interventie"))
    assert ds.moments == ["intake", "evaluatie", "afsluiting"]
    per_ego = ds.egos.groupby("ego_id", observed=True)["moment"].agg(lambda m: tuple(map(str, m)))
    assert len(per_ego) == 60 and (per_ego == ("intake", "evaluatie", "afsluiting")).sum() < 60
    assert {("intake", "afsluiting"), ("intake", "evaluatie")} <= set(per_ego)  # not reached, dropped out
    assert ds.egos.groupby("arm", observed=True)["ego_id"].nunique().to_dict() == {"gebruikelijke_zorg": 30, "netwerkcoach": 30}
    # the same person keeps their alter ids; a year later everyone is a year older
    first = ds.egos["ego_id"].iloc[0]
    ids = {str(m): set(ds.alters.loc[(ds.alters["ego_id"] == first) & (ds.alters["moment"] == m), "alter_id"]) for m in ds.moments}
    assert ids["intake"] & ids["afsluiting"]
    ages = ds.egos.set_index(["ego_id", "moment"])["age"].astype(float)
    both = [e for e, seen in per_ego.items() if "afsluiting" in seen]
    assert all(ages[(e, "afsluiting")] == ages[(e, "intake")] + 1 for e in both)
    assert ds.egos["begeleider"].notna().all()  # the free-text column anonymise drops


def test_panel_coach_arm_grows_and_care_as_usual_drifts():
    ds = netles.read_dataset(datasets.research_path("panel_interventie"))
    arm = ds.egos.set_index(["ego_id", "moment"])["arm"]
    table = netles.compare.paired_moments(netles.profile_many(ds), "intake", "afsluiting", group=arm, metrics=["size"],
                                          n_boot=500, n_perm=500)
    rows = table.set_index("group")
    assert rows.loc["netwerkcoach", "ci_low"] > 0 and rows.loc["gebruikelijke_zorg", "ci_high"] < 0
    assert rows["n"].sum() + rows["n_unpaired"].sum() == 60


def test_profile_command_pandas_and_dask_agree(tmp_path, capsys):
    assert cli.main(["profile", "drie_groepen", "--out", str(tmp_path / "p.csv")]) == 0
    assert cli.main(["profile", "drie_groepen", "--engine", "dask", "--workers", "1", "--out", str(tmp_path / "d.csv")]) == 0
    pandas_result = pd.read_csv(tmp_path / "p.csv", index_col="ego_id")
    dask_result = pd.read_csv(tmp_path / "d.csv", index_col="ego_id")
    pd.testing.assert_frame_equal(pandas_result, dask_result)
    assert len(pandas_result) == 120 and list(pandas_result.columns) == netles.profile.metric_keys()
    assert cli.main(["profile", "no-such-dataset"]) == 2
    assert cli.main(["profile", "panel_interventie", "--out", str(tmp_path / "m.csv")]) == 0
    assert "168 profiles written" in capsys.readouterr().out
    per_moment = pd.read_csv(tmp_path / "m.csv", index_col=["ego_id", "moment"])
    assert per_moment.index.get_level_values("moment").unique().tolist() == ["intake", "evaluatie", "afsluiting"]


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
    # a report, not a lesson: the parts for the class are left out
    for lesson_only in ("Leerdoelen", "Voor de docent", "Wat neem je mee", "Waar staat jouw casus", "Test jezelf", "Opdracht 1"):
        assert lesson_only not in html, lesson_only
    assert "95%-interval" in html and "Hedges' g" in html
    assert (tmp_path / "X_problemen_alleen_voor_onderzoeker.csv").is_file()


def test_rapport_with_moments_shows_the_change_per_group_with_intervals(tmp_path):
    out = tmp_path / "panel.html"
    assert cli.main(["rapport", "panel_interventie", "--group", "arm", "--moments", "intake,afsluiting", "--taal", "en",
                     "--out", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "Change from intake to afsluiting per group (mean and 95% interval)" in html
    for arm in ("netwerkcoach", "gebruikelijke_zorg"):
        assert f"size, {arm} (" in html  # the change of each group in words, with its interval
    assert "Difference in change between the groups" in html and "95% interval" in html
    assert "Research: comparing the networks of groups" in html and "Learning goals" not in html
