"""Outputs of anonymise, klas verzamel and rapport: all or nothing (issue 14.2), no raw identifier in
what is shared (14.6), one unreadable student file never stops the class (14.5)."""
from __future__ import annotations

import errno
import json
import re
from pathlib import Path

import pandas as pd
import pytest

import netles
from netles import Dataset, EgoNetwork, cli, datasets, klas
from netles.commands.research import details_path

FIRST = ["Annelies", "Bartholomeus", "Cornelia", "Dirkjan", "Evertine", "Fokko"]
WORKERS = ["Wilhelmina Jansen", "Zoltan Vroegindeweij"]
BAD_RELATION = "neef-van-Quirijn"


def _study(n: int = 30) -> Dataset:
    """Egos with ids, names and a care worker's name that could only come from this input, and one bad row."""
    nets = []
    for i in range(n):
        alters = [{"alter_id": f"alterid{i:03d}x{j}", "name": f"{FIRST[j]}{i:03d}", "relation": ["sibling", "friend", "neighbour",
                   "professional"][j], "age": 30 + j, "notitie": f"praat vaak met {FIRST[j]}{i:03d}"} for j in range(4)]
        ties = [{"source": f"alterid{i:03d}x0", "target": f"alterid{i:03d}x1"}]
        ego = {"ego_id": f"clientnummer{i:04d}", "gender": "F" if i % 2 else "M", "age": 40, "group": "pilot",
               "afdeling": "noord" if i % 3 else "zuid", "begeleider": WORKERS[i % 2]}
        nets.append(EgoNetwork(ego, alters, ties))
    return Dataset.from_networks(nets)


@pytest.fixture(scope="module")
def study(tmp_path_factory) -> Path:
    folder = netles.write_dataset(_study(), tmp_path_factory.mktemp("ruw") / "studie", allow_names=True)
    alters = pd.read_csv(folder / "alters.csv", dtype=str)
    alters.loc[5, "relation"] = BAD_RELATION  # one row with a raw value that must stay with the researcher
    alters.to_csv(folder / "alters.csv", index=False)
    return folder


def secrets_of(folder: Path) -> set[str]:
    ds = _study()
    found = set(ds.egos["ego_id"]) | set(ds.alters["alter_id"]) | set(ds.alters["name"]) | set(WORKERS) | {BAD_RELATION}
    return found | {n.split()[1] for n in WORKERS}


def assert_no_leak(paths, secrets) -> None:
    for path in paths:
        text = path.read_text(encoding="utf-8")
        leaked = sorted(s for s in secrets if s in text)
        assert not leaked, f"{path.name} holds {leaked[:5]}"


# -- anonymise -----------------------------------------------------------------------------------

def test_anonymise_shares_no_raw_identifier_and_says_what_it_kept(study, tmp_path, capsys):
    out = tmp_path / "anoniem"
    assert cli.main(["anonymise", str(study), "--out", str(out), "--key-file", str(tmp_path / "k.txt"), "--k", "3",
                     "--keep", "afdeling"]) == 0
    printed = capsys.readouterr().out
    files = sorted(p for p in out.rglob("*") if p.is_file())
    assert [p.name for p in files] == ["alters.csv", "anonymisation.txt", "egos.csv", "ties.csv"]
    assert_no_leak(files, secrets_of(study))
    account = (out / "anonymisation.txt").read_text(encoding="utf-8")
    assert "egos.afdeling: kept (kept on request)" in account
    assert "egos.begeleider: dropped (free text or a study variable" in account
    assert "egos.group: dropped" in account and "alters.name: dropped (a name)" in account
    assert "begeleider (free text or a study variable" in printed
    assert (tmp_path / "k.txt").read_text().strip() not in account


def _fail_on(name: str, exc: BaseException):
    from netles.io import folder as io_folder

    real = io_folder.atomic_write_text

    def write(path, text):
        if Path(path).name == name:
            raise exc
        return real(path, text)

    return write


@pytest.mark.parametrize("exc", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()], ids=["full disk", "interrupted"])
def test_failed_anonymise_keeps_the_previous_output_and_makes_no_key(study, tmp_path, monkeypatch, capsys, exc):
    out = tmp_path / "anoniem"
    assert cli.main(["anonymise", str(study), "--out", str(out), "--key-file", str(tmp_path / "oud.txt"), "--k", "1"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    capsys.readouterr()
    monkeypatch.setattr("netles.io.folder.atomic_write_text", _fail_on("ties.csv", exc))
    status = cli.main(["anonymise", str(study), "--out", str(out), "--key-file", str(tmp_path / "nieuw.txt"), "--k", "3"])
    err = capsys.readouterr().err
    if isinstance(exc, OSError):
        assert status == 2
        assert err.strip() == (f"netles: the disk is full; free some space and try again; nothing was written and {out} "
                               "still holds the previous output, complete")
    else:
        assert status == 130
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # new egos.csv never meets old ties.csv
    assert not (tmp_path / "nieuw.txt").exists()  # the key exists only when the run succeeded
    assert sorted(p.name for p in tmp_path.iterdir()) == ["anoniem", "oud.txt"]
    assert netles.read_dataset(out).meta["problems"].ok


def test_the_key_file_is_made_when_the_run_succeeds(study, tmp_path, capsys):
    key = tmp_path / "sleutels" / "k.txt"
    assert cli.main(["anonymise", str(study), "--out", str(tmp_path / "a"), "--key-file", str(key), "--k", "1"]) == 0
    assert len(key.read_text().strip()) == 64 and (key.stat().st_mode & 0o777) == 0o600
    first = pd.read_csv(tmp_path / "a" / "egos.csv")["ego_id"]
    assert cli.main(["anonymise", str(study), "--out", str(tmp_path / "b"), "--key-file", str(key), "--k", "1"]) == 0
    assert pd.read_csv(tmp_path / "b" / "egos.csv")["ego_id"].tolist() == first.tolist()  # the same key, the same pseudonyms


# -- klas verzamel -------------------------------------------------------------------------------

@pytest.fixture
def class_folder(tmp_path) -> Path:
    folder = tmp_path / "ingeleverd"
    folder.mkdir()
    for i in range(6):
        net = datasets.load_case("voorbeeld").with_ego(ego_id=f"student{i}", age=20, gender="F", group="Docent Hermelijn")
        net = net.with_alter_changes("A", name=f"Oma{i}Zwanenburg")
        netles.write_network(net, folder / f"student{i}.json")
    (folder / "kapot.json").write_text('{"format_version": 1, "ego": {', encoding="utf-8")
    (folder / "leeg.json").write_text(json.dumps({"format_version": 1, "ego": {"ego_id": "x"}, "alters": [], "ties": []}))
    return folder


def test_one_file_that_makes_the_reader_fail_in_any_way_is_skipped(class_folder, tmp_path, monkeypatch):
    real = klas.read_network

    def reader(path):
        if Path(path).name == "student3.json":
            raise RecursionError("maximum recursion depth exceeded")  # not a ValueError, not an OSError
        if Path(path).name == "student4.json":
            raise KeyError("alters")
        return real(path)

    monkeypatch.setattr(klas, "read_network", reader)
    result = klas.collect(class_folder, out=tmp_path / "uit", k=1)
    reasons = dict(result.rejected)
    assert sorted(reasons) == ["kapot.json", "leeg.json", "student3.json", "student4.json"]
    assert "RecursionError" in reasons["student3.json"] and "KeyError" in reasons["student4.json"]
    assert result.n_networks == 4 and result.rejected_kinds == {"json": 1, "empty": 1, "other": 2}
    skipped = pd.read_csv(tmp_path / "uit" / "alleen_voor_docent" / "overgeslagen.csv")
    assert sorted(skipped["bestand"]) == sorted(reasons)
    page = (tmp_path / "uit" / "rapport.html").read_text(encoding="utf-8")
    assert "4 bestand(en) konden niet worden gebruikt" in page
    assert "<li>2: het bestand gaf een onverwachte fout bij het lezen</li>" in page
    assert "<li>1: een leeg netwerk</li>" in page


def test_class_report_and_dataset_hold_no_raw_identifier(class_folder, tmp_path):
    klas.collect(class_folder, out=tmp_path / "uit", k=1)
    shared = [p for p in (tmp_path / "uit").rglob("*") if p.is_file() and klas.TEACHER_ONLY not in p.parts]
    assert sorted(p.name for p in shared) == ["alters.csv", "egos.csv", "rapport.html", "ties.csv"]
    secrets = {f"student{i}" for i in range(6)} | {f"Oma{i}Zwanenburg" for i in range(6)} | {"Hermelijn", "kapot.json", "leeg.json"}
    assert_no_leak(shared, secrets)
    only_teacher = tmp_path / "uit" / klas.TEACHER_ONLY / klas.SKIPPED_FILE
    assert "kapot.json" in only_teacher.read_text(encoding="utf-8")


def test_failed_verzamel_keeps_the_previous_output(class_folder, tmp_path, monkeypatch, capsys):
    out = tmp_path / "uit"
    assert cli.main(["klas", "verzamel", str(class_folder), "--out", str(out), "--k", "1"]) == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (class_folder / "laat.json").write_bytes((class_folder / "student0.json").read_bytes())
    real = klas.atomic_write_text

    def write(path, text):
        if Path(path).name == "rapport.html":
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(path, text)

    monkeypatch.setattr(klas, "atomic_write_text", write)
    capsys.readouterr()
    assert cli.main(["klas", "verzamel", str(class_folder), "--out", str(out), "--k", "1"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("netles: ") and "de schijf is vol" in err and f"de vorige uitvoer in {out} is nog compleet" in err
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ingeleverd", "uit"]


# -- rapport ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def report(study, tmp_path_factory):
    out = tmp_path_factory.mktemp("rapport") / "rapport.html"
    assert cli.main(["rapport", str(study), "--group", "afdeling", "--k", "3", "--out", str(out)]) == 0
    return out


def test_rapport_shares_no_raw_identifier(study, report):
    assert_no_leak([report], secrets_of(study))
    page = report.read_text(encoding="utf-8")
    assert "relation: 1 (bij 1 persoon)" in page  # the bad row, counted by kind
    assert "29 kunnen worden gebruikt" in page
    # which columns stayed and why
    text = re.sub(r"<[^>]+>", " ", page)
    assert re.search(r"afdeling\s+ja\s+de kolom die dit onderzoek vergelijkt", text)
    assert re.search(r"begeleider\s+nee\s+vrije tekst of een onderzoeksvariabele", text)


def test_rapport_details_are_in_a_file_for_the_researcher_only(report):
    details = details_path(report)
    assert details.name == "rapport_problemen_alleen_voor_onderzoeker.csv"
    table = pd.read_csv(details)
    problem = table[table["soort"] == "probleem"].iloc[0]
    assert problem["value"] == BAD_RELATION and problem["ego"].startswith("clientnummer") and problem["field"] == "relation"


def test_failed_rapport_keeps_the_previous_report_and_details(study, report, monkeypatch, capsys):
    before = {p: p.read_bytes() for p in (report, details_path(report))}

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("netles.spreadsheet.to_csv", full)
    assert cli.main(["rapport", str(study), "--group", "afdeling", "--k", "3", "--out", str(report)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (f"netles: the disk is full; free some space and try again; nothing was written; {report} and its "
                   "details file are as they were")
    assert {p: p.read_bytes() for p in before} == before
    assert sorted(p.name for p in report.parent.iterdir()) == sorted(p.name for p in before)
