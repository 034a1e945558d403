"""Every ``netles`` command against every kind of ordinary mistake (issue 14, class 1).

``MATRIX`` is the evidence: for each command that ``netles --help`` lists (and each action of
``opdrachten`` and ``klas``) and each kind of mistake, the test that runs the real ``netles`` program
with that mistake and asserts exit status 2, the one line and no "Traceback", or the reason the kind
does not apply to that command. ``test_the_matrix_is_complete`` fails when a command is added
without its row, or when a named test disappears. The tests below fill the holes the other files
left; they run the real program, as a teacher or researcher would.
"""
from __future__ import annotations

import ast
import re
import subprocess
import time
from pathlib import Path

import pytest
from test_research_cli_errors import NETLES, assert_mistake, full_disk, netles_run, small_dataset, unwritable  # noqa: F401

import netles
from netles import assignments as A
from netles.plots import find_chromium

TESTS = Path(__file__).resolve().parent
KINDS = ("missing input", "file for folder or reverse", "output is a folder", "unwritable output folder", "full disk",
         "bad number")
RCE = "test_research_cli_errors.py"
HERE = "test_cli_matrix.py"
FIG = "test_figures_cli.py"
LES = "test_handouts_cli.py"
OPD = "test_assignments_cli.py"

# command -> kind -> "file::test" (one or more, separated by spaces) or "n/a: why"
MATRIX: dict[str, dict[str, str]] = {
    "figuren": {
        "missing input": f"{FIG}::test_unknown_case",
        "file for folder or reverse": f"{FIG}::test_output_path_is_a_file",
        "output is a folder": "n/a: the output is a folder",
        "unwritable output folder": f"{FIG}::test_output_folder_cannot_be_written",
        "full disk": f"{HERE}::test_figuren_full_disk_keeps_the_previous_folder "
                     f"{FIG}::test_failed_run_leaves_the_previous_output_complete",
        "bad number": f"{FIG}::test_bad_scale",
    },
    "validate": {
        "missing input": f"{RCE}::test_validate_missing_path",
        "file for folder or reverse": f"{RCE}::test_validate_mapping_is_a_folder {RCE}::test_validate_a_file_that_is_no_dataset",
        "output is a folder": "n/a: validate writes nothing",
        "unwritable output folder": "n/a: validate writes nothing",
        "full disk": "n/a: validate writes nothing",
        "bad number": "n/a: validate has no numeric option",
    },
    "anonymise": {
        "missing input": f"{RCE}::test_anonymise_missing_input",
        "file for folder or reverse": f"{RCE}::test_anonymise_output_is_a_file",
        "output is a folder": f"{RCE}::test_anonymise_key_file_is_a_folder",
        "unwritable output folder": f"{RCE}::test_anonymise_output_folder_cannot_be_written "
                                    f"{HERE}::test_anonymise_key_file_in_an_unwritable_folder",
        "full disk": f"{RCE}::test_anonymise_full_disk_keeps_the_previous_output_and_makes_no_key",
        "bad number": f"{RCE}::test_anonymise_k_zero",
    },
    "profile": {
        "missing input": f"{RCE}::test_profile_unknown_dataset",
        "file for folder or reverse": f"{HERE}::test_profile_mapping_is_a_folder_and_an_empty_folder_is_no_dataset",
        "output is a folder": f"{RCE}::test_profile_output_is_a_folder",
        "unwritable output folder": f"{RCE}::test_profile_output_folder_cannot_be_written "
                                    f"{HERE}::test_profile_into_a_folder_that_does_not_exist_yet",
        "full disk": f"{RCE}::test_profile_full_disk_keeps_the_previous_file",
        "bad number": f"{RCE}::test_profile_options_out_of_range {HERE}::test_profile_max_minutes_negative_or_not_a_number "
                      f"{HERE}::test_profile_too_many_local_workers",
    },
    "rapport": {
        "missing input": f"{RCE}::test_rapport_missing_dataset",
        "file for folder or reverse": f"{HERE}::test_rapport_a_file_that_is_no_dataset",
        "output is a folder": f"{RCE}::test_rapport_output_is_a_folder {HERE}::test_rapport_keep_notebook_is_a_folder",
        "unwritable output folder": f"{RCE}::test_rapport_output_folder_cannot_be_written "
                                    f"{HERE}::test_rapport_keep_notebook_in_an_unwritable_folder",
        "full disk": f"{RCE}::test_rapport_full_disk_keeps_the_previous_report",
        "bad number": f"{RCE}::test_rapport_k_zero",
    },
    "onderzoeksdata": {
        "missing input": "n/a: onderzoeksdata reads no input",
        "file for folder or reverse": f"{RCE}::test_onderzoeksdata_output_is_a_file",
        "output is a folder": "n/a: the output is a folder",
        "unwritable output folder": f"{RCE}::test_onderzoeksdata_output_folder_cannot_be_written",
        "full disk": f"{RCE}::test_onderzoeksdata_full_disk_keeps_the_previous_folders",
        "bad number": f"{RCE}::test_onderzoeksdata_negative_seed",
    },
    "app": {
        "missing input": f"{LES}::test_app_unknown_case {LES}::test_app_file_in_a_missing_folder",
        "file for folder or reverse": f"{LES}::test_app_file_below_a_file",
        "output is a folder": f"{LES}::test_app_file_is_a_folder",
        "unwritable output folder": f"{LES}::test_app_file_where_nothing_may_be_written",
        "full disk": "n/a: the app writes only when the user saves; the editor says so "
                     "(test_editor_moments.py::test_full_disk_says_not_saved_and_where_it_is)",
        "bad number": f"{LES}::test_app_port_out_of_range",
    },
    "les": {
        "missing input": f"{LES}::test_les_unknown_lesson {LES}::test_les_unknown_case",
        "file for folder or reverse": f"{LES}::test_les_out_is_a_file {LES}::test_les_out_below_a_file",
        "output is a folder": "n/a: the output is a folder",
        "unwritable output folder": f"{LES}::test_les_out_where_nothing_may_be_written",
        "full disk": f"{LES}::test_les_full_disk_leaves_the_earlier_handout_and_the_students_files",
        # (a cell that runs over --timeout: test_cli_matrix.py::test_les_cell_over_the_timeout_is_one_line_and_leaves_nothing)
        "bad number": f"{LES}::test_les_timeout_below_one {LES}::test_les_app_port_out_of_range",
    },
    "opdrachten vrijgeven": {
        "missing input": f"{OPD}::test_releasing_from_a_missing_folder {OPD}::test_releasing_an_unknown_assignment",
        "file for folder or reverse": f"{OPD}::test_a_course_folder_that_is_a_file {HERE}::test_releasing_from_a_file",
        "output is a folder": "n/a: the outputs are folders",
        "unwritable output folder": f"{HERE}::test_a_course_folder_that_cannot_be_written",
        "full disk": f"{HERE}::test_releasing_on_a_full_disk_keeps_the_previous_release",
        "bad number": "n/a: vrijgeven has no numeric option",
    },
    "opdrachten nakijken": {
        "missing input": f"{OPD}::test_a_notebook_that_does_not_exist {OPD}::test_a_missing_source",
        "file for folder or reverse": f"{OPD}::test_a_folder_instead_of_a_notebook {OPD}::test_feedback_into_a_file "
                                      f"{HERE}::test_a_source_that_is_a_folder",
        "output is a folder": f"{OPD}::test_csv_into_a_folder",
        "unwritable output folder": f"{HERE}::test_csv_and_feedback_in_an_unwritable_folder",
        "full disk": f"{HERE}::test_grading_on_a_full_disk_says_the_csv_was_not_written",
        "bad number": "n/a: nakijken has no numeric option",
    },
    "klas verzamel": {
        "missing input": f"{RCE}::test_verzamel_missing_folder",
        "file for folder or reverse": f"{RCE}::test_verzamel_folder_is_a_file {RCE}::test_verzamel_output_is_a_file",
        "output is a folder": "n/a: the output is a folder",
        "unwritable output folder": f"{RCE}::test_verzamel_output_folder_cannot_be_written",
        "full disk": f"{RCE}::test_verzamel_full_disk_keeps_the_previous_output",
        "bad number": f"{RCE}::test_verzamel_k_zero",
    },
}


def _commands_from_help() -> set[str]:
    """The commands as a user finds them: ``netles --help``, and the actions of those that have them."""
    def listed(*args: str) -> list[str]:
        out = subprocess.run([str(NETLES), *args, "--help"], capture_output=True, text=True, timeout=120).stdout
        block = out.split("positional arguments:")[1].split("options:")[0]
        return re.findall(r"^    (\w[\w-]*)", block, flags=re.M)

    found = set()
    for command in listed():
        actions = listed(command) if command in ("opdrachten", "klas") else []
        found |= {f"{command} {a}" for a in actions} or {command}
    return found


def _test_names(file: str) -> set[str]:
    tree = ast.parse((TESTS / file).read_text(encoding="utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}


def test_the_matrix_is_complete():
    assert set(MATRIX) == _commands_from_help()
    for command, row in MATRIX.items():
        assert tuple(row) == KINDS, command
        for kind, cell in row.items():
            if cell.startswith("n/a: "):
                continue
            for ref in cell.split():
                file, name = ref.split("::")
                assert name in _test_names(file), f"{command} / {kind}: {ref} does not exist"


# -- the holes ------------------------------------------------------------------------------------

def test_anonymise_key_file_in_an_unwritable_folder(tmp_path, small_dataset):
    proc = netles_run("anonymise", str(small_dataset), "--out", "uit", "--key-file", unwritable(tmp_path) + "/k.txt",
                      cwd=tmp_path)
    assert_mistake(proc, "cannot write in")
    assert not (tmp_path / "uit").exists()


def test_profile_mapping_is_a_folder_and_an_empty_folder_is_no_dataset(tmp_path, small_dataset):
    (tmp_path / "mapping").mkdir()
    assert_mistake(netles_run("profile", str(small_dataset), "--mapping", "mapping", cwd=tmp_path), "mapping is a folder")
    (tmp_path / "leeg").mkdir()
    assert_mistake(netles_run("profile", "leeg", cwd=tmp_path), "leeg: the folder is empty")


def test_profile_max_minutes_negative_or_not_a_number(tmp_path, small_dataset):
    assert_mistake(netles_run("profile", str(small_dataset), "--max-minutes", "-5", cwd=tmp_path),
                   "--max-minutes must be at least 0")
    # NaN passes "at least 0" (every comparison with NaN is false) and would make nobody reachable
    assert_mistake(netles_run("profile", str(small_dataset), "--max-minutes", "nan", cwd=tmp_path),
                   "--max-minutes must be a number of minutes, not nan")


def test_profile_into_a_folder_that_does_not_exist_yet(tmp_path, small_dataset):
    # the folder is made, as rapport does; before, the error named a temporary file ".p.csv.xxxx.tmp"
    proc = netles_run("profile", str(small_dataset), "--out", "nieuw/p.csv", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert [p.name for p in (tmp_path / "nieuw").iterdir()] == ["p.csv"]


def test_profile_too_many_local_workers(tmp_path, small_dataset):
    started = time.monotonic()
    proc = netles_run("profile", str(small_dataset), "--engine", "dask", "--workers", "100000", cwd=tmp_path, timeout=120)
    assert_mistake(proc, "--workers must be at most", "not 100000")
    assert time.monotonic() - started < 60, "refused before any worker was started"


@pytest.mark.slow
def test_profile_with_dask_into_a_parquet_file(tmp_path, small_dataset):
    # the Dask engine's result carries the validation report in .attrs: pandas could not write it (TypeError)
    proc = netles_run("profile", str(small_dataset), "--engine", "dask", "--workers", "1", "--out", "p.parquet",
                      cwd=tmp_path)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr and "attrs" not in proc.stderr, proc.stderr
    import pandas as pd

    assert len(pd.read_parquet(tmp_path / "p.parquet")) == 12


def test_rapport_a_file_that_is_no_dataset(tmp_path):
    (tmp_path / "notities.txt").write_text("hallo")
    assert_mistake(netles_run("rapport", "notities.txt", "--group", "groep", "--out", "r.html", cwd=tmp_path),
                   "notities.txt", "netles cannot read as a dataset")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notities.txt"]


def test_rapport_keep_notebook_is_a_folder(tmp_path, small_dataset):
    (tmp_path / "nb").mkdir()
    started = time.monotonic()
    proc = netles_run("rapport", str(small_dataset), "--group", "groep", "--k", "1", "--out", "r.html",
                      "--keep-notebook", "nb", cwd=tmp_path)
    assert_mistake(proc, "nb is a folder; give a file name")
    assert time.monotonic() - started < 60 and sorted(p.name for p in tmp_path.iterdir()) == ["nb"]


def test_rapport_keep_notebook_in_an_unwritable_folder(tmp_path, small_dataset):
    assert_mistake(netles_run("rapport", str(small_dataset), "--group", "groep", "--k", "1", "--out", "r.html",
                              "--keep-notebook", unwritable(tmp_path) + "/r.ipynb", cwd=tmp_path), "cannot write in")
    assert not (tmp_path / "r.html").exists()


@pytest.mark.slow
def test_figuren_full_disk_keeps_the_previous_folder(tmp_path, full_disk):
    if find_chromium() is None:
        pytest.skip("no Chromium on this machine")
    (tmp_path / "figuren" / "voorbeeld").mkdir(parents=True)
    (tmp_path / "figuren" / "voorbeeld" / "netwerkcirkel.png").write_bytes(b"vorige figuur")
    proc = netles_run("figuren", "--casus", "voorbeeld", "--out", "figuren", cwd=tmp_path, env=full_disk)
    assert_mistake(proc, "de schijf is vol")
    assert [p.name for p in (tmp_path / "figuren" / "voorbeeld").iterdir()] == ["netwerkcirkel.png"]
    assert (tmp_path / "figuren" / "voorbeeld" / "netwerkcirkel.png").read_bytes() == b"vorige figuur"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["figuren"]


@pytest.fixture
def slow_kernel(tmp_path_factory) -> dict:
    """Environment in which a lesson's kernel takes 4 s to import netles: the first cell that does
    runs over ``--timeout 1`` on any machine. Only the kernel process is slowed."""
    folder = tmp_path_factory.mktemp("traag")
    (folder / "sitecustomize.py").write_text(
        "import sys\n"
        "if sys.argv[:1] == ['-m'] and '-f' in sys.argv:  # python -m ipykernel_launcher -f conn.json\n"
        "    import builtins, time\n"
        "    _import = builtins.__import__\n"
        "    def _slow(name, *a, **k):\n"
        "        if name == 'netles' or name.startswith('netles.'):\n"
        "            time.sleep(4)\n"
        "        return _import(name, *a, **k)\n"
        "    builtins.__import__ = _slow\n", encoding="utf-8")
    return {"PYTHONPATH": str(folder)}


@pytest.mark.slow
def test_les_cell_over_the_timeout_is_one_line_and_leaves_nothing(tmp_path, slow_kernel):
    # nbclient's CellTimeoutError is an OSError with a many-line message, and the stopped kernel
    # printed a ZMQError traceback on the terminal
    (tmp_path / "uit").mkdir()
    (tmp_path / "uit" / "mijn_notities.txt").write_text("van de student")
    proc = netles_run("les", "0", "--timeout", "1", "--out", "uit", cwd=tmp_path, env=slow_kernel)
    line = assert_mistake(proc, "langer dan 1 seconde", "--timeout", "er is niets geschreven")
    assert "Traceback" not in proc.stderr and "Error" not in proc.stderr, proc.stderr
    assert [p.name for p in (tmp_path / "uit").iterdir()] == ["mijn_notities.txt"], line
    log = Path(line.split("staan in ")[1].rstrip(")"))
    assert "Timeout waiting for execute reply" in log.read_text() and log.unlink() is None  # kept for a report


# -- opdrachten -----------------------------------------------------------------------------------

@pytest.fixture
def copy(tmp_path) -> Path:
    """A teacher's own assignments folder (source/ only)."""
    import shutil

    shutil.copytree(A.assignments_dir() / "source", tmp_path / "opdrachten" / "source")
    return tmp_path / "opdrachten"


def test_releasing_from_a_file(tmp_path):
    (tmp_path / "opdrachten.zip").write_bytes(b"PK")
    assert_mistake(netles_run("opdrachten", "vrijgeven", "--map", "opdrachten.zip", cwd=tmp_path),
                   "--map opdrachten.zip is een bestand; geef een map")


def test_a_course_folder_that_cannot_be_written(tmp_path, copy):
    assert_mistake(netles_run("opdrachten", "vrijgeven", "--map", str(copy), "--nbgrader-cursus",
                              unwritable(tmp_path) + "/cursus", cwd=tmp_path), "kan niet schrijven in")
    assert sorted(p.name for p in copy.iterdir()) == ["source"], "checked before the release was written"


def test_releasing_on_a_full_disk_keeps_the_previous_release(tmp_path, copy, full_disk):
    assert netles_run("opdrachten", "vrijgeven", "--map", str(copy), cwd=tmp_path).returncode == 0
    before = {p.relative_to(copy): p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    release = copy / "release" / "thema1_visie" / "thema1_visie.ipynb"
    proc = netles_run("opdrachten", "vrijgeven", "--map", str(copy), "--nbgrader-cursus", "cursus", cwd=tmp_path,
                      env=full_disk)
    assert_mistake(proc, "de schijf is vol", f"{release} is niet veranderd")
    assert {p.relative_to(copy): p.read_bytes() for p in copy.rglob("*") if p.is_file()} == before
    assert not (tmp_path / "cursus").exists() and sorted(p.name for p in copy.iterdir()) == ["release", "source"]


@pytest.fixture
def handed_in(tmp_path) -> Path:
    path = tmp_path / "student" / "thema1_visie.ipynb"
    path.parent.mkdir()
    path.write_bytes(A.release_path("thema1_visie").read_bytes())
    return path


def test_a_source_that_is_a_folder(tmp_path, handed_in):
    assert_mistake(netles_run("opdrachten", "nakijken", str(handed_in), "--bron", str(tmp_path), cwd=tmp_path),
                   "--bron", "is een map; geef een bestand")


def test_csv_and_feedback_in_an_unwritable_folder(tmp_path, handed_in):
    target = unwritable(tmp_path)
    for option, path in (("--csv", target + "/punten.csv"), ("--feedback", target + "/feedback")):
        proc = netles_run("opdrachten", "nakijken", str(handed_in), option, path, cwd=tmp_path)
        assert_mistake(proc, "kan niet schrijven in")
        assert proc.stdout == "", "checked before grading"


@pytest.mark.slow
def test_grading_on_a_full_disk_says_the_csv_was_not_written(tmp_path, handed_in, full_disk):
    (tmp_path / "punten.csv").write_text("vorige punten\n")
    proc = netles_run("opdrachten", "nakijken", str(handed_in), "--csv", "punten.csv", cwd=tmp_path, env=full_disk)
    assert_mistake(proc, "de schijf is vol", "punten.csv is niet geschreven", "de punten staan hierboven")
    assert "automatisch nagekeken: 0 van" in proc.stdout, "the points are not lost: they were printed"
    assert (tmp_path / "punten.csv").read_text() == "vorige punten\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["punten.csv", "student"]
    assert [p.name for p in handed_in.parent.iterdir()] == ["thema1_visie.ipynb"]


# -- rapport is shared: nothing it prints names a client (issue 14, class 6) ----------------------

@pytest.mark.slow
def test_rapport_prints_no_client_id_and_no_raw_value(tmp_path):
    from test_research_outputs import BAD_RELATION, _study, assert_no_leak, secrets_of

    import pandas as pd

    folder = netles.write_dataset(_study(), tmp_path / "studie", allow_names=True)
    alters = pd.read_csv(folder / "alters.csv", dtype=str)
    alters.loc[5, "relation"] = BAD_RELATION
    alters.to_csv(folder / "alters.csv", index=False)
    proc = netles_run("rapport", str(folder), "--group", "afdeling", "--k", "3", "--out", "r.html",
                      "--keep-notebook", "r.ipynb", cwd=tmp_path)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    secrets = secrets_of(folder)
    printed = proc.stdout + proc.stderr
    assert not sorted(s for s in secrets if s in printed), printed
    assert_no_leak([tmp_path / "r.html", tmp_path / "r.ipynb"], secrets)
    assert "r_problemen_alleen_voor_onderzoeker.csv" in proc.stdout and "do not share" in proc.stdout
