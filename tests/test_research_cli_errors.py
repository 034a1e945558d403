"""Ordinary mistakes with the research and class commands: one line, exit status 2, never a traceback.

Every test runs the real ``netles`` program of this environment, as a researcher or teacher would,
and checks the exit status, the one line on standard error and that nothing was written. The
mistakes are found before any work starts (``rapport`` does not run its notebook first), so most
tests take about a second. A full disk is made real for the program by a ``sitecustomize`` module
on ``PYTHONPATH`` whose ``os.fsync`` fails with ``ENOSPC``, as a full disk does when the data are
flushed; every netles output is flushed before it is put in place.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import netles
from netles import datasets

NETLES = Path(sys.executable).parent / "netles"
UNWRITABLE = "/sys/kernel/netles-uit"  # root may write anywhere permissions allow: /sys is read-only for everyone
DRIE = str(datasets.research_path("drie_groepen"))


def netles_run(*args: str, cwd: Path, env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([str(NETLES), *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, **(env or {})}, timeout=timeout)


def assert_mistake(proc: subprocess.CompletedProcess, *fragments: str) -> str:
    assert proc.returncode == 2, (proc.returncode, proc.stderr[-2000:])
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("netles: "), proc.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def unwritable(tmp_path: Path) -> str:
    if os.geteuid() == 0:
        return UNWRITABLE
    locked = tmp_path / "dicht"
    locked.mkdir()
    locked.chmod(0o555)
    return str(locked / "uit")


@pytest.fixture(scope="module")
def full_disk(tmp_path_factory) -> dict:
    """Environment for a netles run on a full disk: flushing any written file fails with ENOSPC."""
    folder = tmp_path_factory.mktemp("vol")
    (folder / "sitecustomize.py").write_text(
        "import errno, os\n"
        "def _full(fd):\n"
        "    raise OSError(errno.ENOSPC, 'No space left on device')\n"
        "os.fsync = _full\n", encoding="utf-8")
    return {"PYTHONPATH": str(folder)}


@pytest.fixture(scope="module")
def small_dataset(tmp_path_factory) -> Path:
    """Twelve egos of three groups in a netles folder (quick to read)."""
    ds = netles.read_dataset(datasets.research_path("drie_groepen"))
    keep = ds.egos.groupby("groep", observed=True)["ego_id"].head(4)
    small = netles.Dataset(ds.egos[ds.egos["ego_id"].isin(keep)].assign(studie="pilot"), ds.alters[ds.alters["ego_id"].isin(keep)],
                           ds.ties[ds.ties["ego_id"].isin(keep)])
    return netles.write_dataset(small, tmp_path_factory.mktemp("klein") / "studie")


@pytest.fixture(scope="module")
def class_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("ingeleverd")
    for i in range(4):
        net = datasets.load_case("voorbeeld").with_ego(ego_id=f"s{i}", age=20, gender="F")
        netles.write_network(net, folder / f"s{i}.json")
    return folder


# -- netles validate --------------------------------------------------------------------------

def test_validate_missing_path(tmp_path):
    assert_mistake(netles_run("validate", "geen_studie", cwd=tmp_path), "geen_studie does not exist")


def test_validate_a_file_that_is_no_dataset(tmp_path):
    (tmp_path / "notities.txt").write_text("hallo")
    assert_mistake(netles_run("validate", "notities.txt", cwd=tmp_path), "notities.txt", "netles cannot read as a dataset")


def test_validate_mapping_is_a_folder(tmp_path):
    (tmp_path / "mapping").mkdir()
    assert_mistake(netles_run("validate", DRIE, "--mapping", "mapping", cwd=tmp_path), "mapping is a folder")


# -- netles anonymise -------------------------------------------------------------------------

def test_anonymise_missing_input(tmp_path):
    assert_mistake(netles_run("anonymise", "geen_studie", "--out", "uit", "--key-file", "k.txt", cwd=tmp_path),
                   "geen_studie does not exist")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_anonymise_output_is_a_file(tmp_path, small_dataset):
    (tmp_path / "uit").write_text("mijn bestand")
    assert_mistake(netles_run("anonymise", str(small_dataset), "--out", "uit", "--key-file", "k.txt", cwd=tmp_path),
                   "uit is a file; give a folder")
    assert (tmp_path / "uit").read_text() == "mijn bestand" and not (tmp_path / "k.txt").exists()


def test_anonymise_output_folder_cannot_be_written(tmp_path, small_dataset):
    assert_mistake(netles_run("anonymise", str(small_dataset), "--out", unwritable(tmp_path), "--key-file", "k.txt",
                              cwd=tmp_path), "cannot write in")
    assert not (tmp_path / "k.txt").exists()


def test_anonymise_output_folder_with_other_files_is_not_replaced(tmp_path, small_dataset):
    (tmp_path / "uit").mkdir()
    (tmp_path / "uit" / "verslag.docx").write_text("mijn werk")
    assert_mistake(netles_run("anonymise", str(small_dataset), "--out", "uit", "--key-file", "k.txt", cwd=tmp_path),
                   "already holds other files (verslag.docx)", "choose a new or empty folder")
    assert (tmp_path / "uit" / "verslag.docx").read_text() == "mijn werk"


def test_anonymise_key_file_is_a_folder(tmp_path, small_dataset):
    (tmp_path / "sleutel").mkdir()
    assert_mistake(netles_run("anonymise", str(small_dataset), "--out", "uit", "--key-file", "sleutel", cwd=tmp_path),
                   "--key-file sleutel is a folder; give a file")
    assert not (tmp_path / "uit").exists()


def test_anonymise_k_zero(tmp_path, small_dataset):
    assert_mistake(netles_run("anonymise", str(small_dataset), "--out", "uit", "--key-file", "k.txt", "--k", "0",
                              cwd=tmp_path), "--k must be at least 1, not 0")
    assert not (tmp_path / "uit").exists() and not (tmp_path / "k.txt").exists()


def test_anonymise_keep_a_column_that_does_not_exist(tmp_path, small_dataset):
    assert_mistake(netles_run("anonymise", str(small_dataset), "--out", "uit", "--key-file", "k.txt", "--keep", "begeleidr",
                              cwd=tmp_path), "no column 'begeleidr'")
    assert not (tmp_path / "uit").exists() and not (tmp_path / "k.txt").exists()


def test_anonymise_full_disk_keeps_the_previous_output_and_makes_no_key(tmp_path, small_dataset, full_disk):
    done = netles_run("anonymise", str(small_dataset), "--out", "uit", "--key-file", "k.txt", "--k", "1", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    before = {p.name: p.read_bytes() for p in (tmp_path / "uit").iterdir()}
    proc = netles_run("anonymise", str(small_dataset), "--out", "uit", "--key-file", "nieuw.txt", "--k", "1",
                      cwd=tmp_path, env=full_disk)
    assert_mistake(proc, "the disk is full", "nothing was written", "still holds the previous output")
    assert {p.name: p.read_bytes() for p in (tmp_path / "uit").iterdir()} == before
    assert not (tmp_path / "nieuw.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k.txt", "uit"]  # nothing half-built left behind


# -- netles profile ---------------------------------------------------------------------------

def test_profile_unknown_dataset(tmp_path):
    assert_mistake(netles_run("profile", "geen_studie", cwd=tmp_path), "geen_studie does not exist",
                   "drie_groepen", "panel_interventie")


def test_profile_output_is_a_folder(tmp_path, small_dataset):
    (tmp_path / "profiel.csv").mkdir()
    assert_mistake(netles_run("profile", str(small_dataset), "--out", "profiel.csv", cwd=tmp_path),
                   "profiel.csv is a folder; give a file name")


def test_profile_output_folder_cannot_be_written(tmp_path, small_dataset):
    assert_mistake(netles_run("profile", str(small_dataset), "--out", unwritable(tmp_path) + "/p.csv", cwd=tmp_path),
                   "cannot write in")


def test_profile_output_of_an_unknown_kind(tmp_path, small_dataset):
    assert_mistake(netles_run("profile", str(small_dataset), "--out", "profiel.xlsx", cwd=tmp_path),
                   "the name must end in .csv or .parquet")


def test_profile_options_out_of_range(tmp_path, small_dataset):
    assert_mistake(netles_run("profile", str(small_dataset), "--workers", "0", "--engine", "dask", cwd=tmp_path),
                   "--workers must be at least 1")
    assert_mistake(netles_run("profile", str(small_dataset), "--strong-circle", "7", cwd=tmp_path), "--strong-circle")


def test_profile_full_disk_keeps_the_previous_file(tmp_path, small_dataset, full_disk):
    (tmp_path / "profiel.csv").write_text("vorige profielen\n")
    assert_mistake(netles_run("profile", str(small_dataset), "--out", "profiel.csv", cwd=tmp_path, env=full_disk),
                   "the disk is full", "nothing was written; profiel.csv is as it was")
    assert (tmp_path / "profiel.csv").read_text() == "vorige profielen\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profiel.csv"]


# -- netles rapport: every mistake is found before the notebook runs ---------------------------

def _quick(proc: subprocess.CompletedProcess, started: float) -> None:
    assert "Papermill" not in proc.stderr
    assert time.monotonic() - started < 60, "the mistake was found only after the notebook ran"


def test_rapport_missing_dataset(tmp_path):
    assert_mistake(netles_run("rapport", "geen_studie", "--group", "groep", "--out", "r.html", cwd=tmp_path),
                   "geen_studie does not exist")


def test_rapport_output_is_a_folder(tmp_path, small_dataset):
    (tmp_path / "r.html").mkdir()
    assert_mistake(netles_run("rapport", str(small_dataset), "--group", "groep", "--out", "r.html", cwd=tmp_path),
                   "r.html is a folder; give a file name")


def test_rapport_output_folder_cannot_be_written(tmp_path, small_dataset):
    assert_mistake(netles_run("rapport", str(small_dataset), "--group", "groep", "--out", unwritable(tmp_path) + "/r.html",
                              cwd=tmp_path), "cannot write in")


def test_rapport_group_column_that_does_not_exist(tmp_path, small_dataset):
    started = time.monotonic()
    proc = netles_run("rapport", str(small_dataset), "--group", "afdeling", "--out", "r.html", cwd=tmp_path)
    assert_mistake(proc, "--group afdeling: the ego table has no column 'afdeling'", "groep")
    _quick(proc, started)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_rapport_k_zero(tmp_path, small_dataset):
    assert_mistake(netles_run("rapport", str(small_dataset), "--group", "groep", "--out", "r.html", "--k", "0",
                              cwd=tmp_path), "--k must be at least 1, not 0")


def test_rapport_k_that_leaves_nothing_to_compare(tmp_path, small_dataset):
    started = time.monotonic()
    proc = netles_run("rapport", str(small_dataset), "--group", "groep", "--out", "r.html", "--k", "50", cwd=tmp_path)
    assert_mistake(proc, "with --k 50, k-anonymity leaves out every ego", "lower --k")
    _quick(proc, started)


def test_rapport_moments_the_dataset_does_not_have(tmp_path, small_dataset):
    assert_mistake(netles_run("rapport", str(small_dataset), "--moments", "intake,afsluiting", "--out", "r.html",
                              cwd=tmp_path), "this dataset has no moments")
    started = time.monotonic()
    proc = netles_run("rapport", "panel_interventie", "--moments", "intake,nameting", "--out", "r.html", cwd=tmp_path)
    assert_mistake(proc, "no moment 'nameting'", "intake, evaluatie, afsluiting")
    _quick(proc, started)
    assert_mistake(netles_run("rapport", "panel_interventie", "--moments", "intake", "--out", "r.html", cwd=tmp_path),
                   "--moments takes two different moments")


def test_rapport_needs_something_to_compare(tmp_path, small_dataset):
    assert_mistake(netles_run("rapport", str(small_dataset), "--out", "r.html", cwd=tmp_path), "--group KOLOM", "--moments")
    assert_mistake(netles_run("rapport", str(small_dataset), "--group", "studie", "--out", "r.html", "--k", "1", cwd=tmp_path),
                   "--group studie: the column holds fewer than two groups")


def test_rapport_unknown_metric(tmp_path, small_dataset):
    assert_mistake(netles_run("rapport", str(small_dataset), "--group", "groep", "--kenmerken", "size,grootte",
                              "--out", "r.html", cwd=tmp_path), "'grootte' is not a metric")


@pytest.mark.slow
def test_rapport_full_disk_keeps_the_previous_report(tmp_path, small_dataset, full_disk):
    (tmp_path / "r.html").write_text("vorig rapport")
    proc = netles_run("rapport", str(small_dataset), "--group", "groep", "--k", "1", "--out", "r.html", cwd=tmp_path,
                      env=full_disk)
    assert_mistake(proc, "the disk is full", "nothing was written; r.html and its details file are as they were")
    assert (tmp_path / "r.html").read_text() == "vorig rapport"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]


# -- netles onderzoeksdata --------------------------------------------------------------------

def test_onderzoeksdata_output_is_a_file(tmp_path):
    (tmp_path / "data").write_text("x")
    assert_mistake(netles_run("onderzoeksdata", "--out", "data", cwd=tmp_path), "data is a file; give a folder")


def test_onderzoeksdata_output_folder_cannot_be_written(tmp_path):
    assert_mistake(netles_run("onderzoeksdata", "--out", unwritable(tmp_path), cwd=tmp_path), "cannot write in")


def test_onderzoeksdata_negative_seed(tmp_path):
    assert_mistake(netles_run("onderzoeksdata", "--out", "data", "--seed", "-1", cwd=tmp_path), "--seed must be 0 or more")
    assert not (tmp_path / "data").exists()


@pytest.mark.slow
def test_onderzoeksdata_full_disk_keeps_the_previous_folders(tmp_path, full_disk):
    (tmp_path / "data" / "drie_groepen").mkdir(parents=True)
    (tmp_path / "data" / "drie_groepen" / "egos.csv").write_text("vorige\n")
    assert_mistake(netles_run("onderzoeksdata", "--out", "data", cwd=tmp_path, env=full_disk), "the disk is full")
    assert [p.name for p in (tmp_path / "data").iterdir()] == ["drie_groepen"]
    assert [p.name for p in (tmp_path / "data" / "drie_groepen").iterdir()] == ["egos.csv"]
    assert (tmp_path / "data" / "drie_groepen" / "egos.csv").read_text() == "vorige\n"


# -- netles klas verzamel ---------------------------------------------------------------------

def test_verzamel_missing_folder(tmp_path):
    assert_mistake(netles_run("klas", "verzamel", "ingeleverd", cwd=tmp_path), "ingeleverd bestaat niet")


def test_verzamel_folder_is_a_file(tmp_path):
    (tmp_path / "ingeleverd.zip").write_bytes(b"PK")
    assert_mistake(netles_run("klas", "verzamel", "ingeleverd.zip", cwd=tmp_path), "ingeleverd.zip is een bestand; geef een map")


def test_verzamel_output_is_a_file(tmp_path, class_folder):
    (tmp_path / "uit").write_text("x")
    assert_mistake(netles_run("klas", "verzamel", str(class_folder), "--out", "uit", cwd=tmp_path),
                   "uit is een bestand; geef een map")


def test_verzamel_output_folder_cannot_be_written(tmp_path, class_folder):
    assert_mistake(netles_run("klas", "verzamel", str(class_folder), "--out", unwritable(tmp_path), cwd=tmp_path),
                   "kan niet schrijven in")


def test_verzamel_output_is_the_class_folder(tmp_path, class_folder):
    before = sorted(p.name for p in class_folder.iterdir())
    assert_mistake(netles_run("klas", "verzamel", str(class_folder), "--out", str(class_folder), cwd=tmp_path),
                   "is de map met de ingeleverde bestanden")
    assert sorted(p.name for p in class_folder.iterdir()) == before


def test_verzamel_output_folder_with_other_files(tmp_path, class_folder):
    (tmp_path / "uit").mkdir()
    (tmp_path / "uit" / "cijfers.xlsx").write_text("mijn cijferlijst")
    assert_mistake(netles_run("klas", "verzamel", str(class_folder), "--out", "uit", cwd=tmp_path),
                   "bevat al andere bestanden (cijfers.xlsx)")
    assert (tmp_path / "uit" / "cijfers.xlsx").read_text() == "mijn cijferlijst"


def test_verzamel_k_zero(tmp_path, class_folder):
    assert_mistake(netles_run("klas", "verzamel", str(class_folder), "--out", "uit", "--k", "0", cwd=tmp_path),
                   "--k moet minstens 1 zijn, niet 0")
    assert not (tmp_path / "uit").exists()


def test_verzamel_full_disk_keeps_the_previous_output(tmp_path, class_folder, full_disk):
    assert netles_run("klas", "verzamel", str(class_folder), "--out", "uit", "--k", "1", cwd=tmp_path).returncode == 0
    before = {p.relative_to(tmp_path / "uit"): p.read_bytes() for p in (tmp_path / "uit").rglob("*") if p.is_file()}
    proc = netles_run("klas", "verzamel", str(class_folder), "--out", "uit", "--k", "1", cwd=tmp_path, env=full_disk)
    assert_mistake(proc, "de schijf is vol", "er is niets geschreven", "de vorige uitvoer in uit is nog compleet")
    after = {p.relative_to(tmp_path / "uit"): p.read_bytes() for p in (tmp_path / "uit").rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["uit"]
