"""The shared answer to ordinary mistakes: one line, exit status 2, no traceback; all-or-nothing output."""
from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import pytest

from netles.cli import main
from netles.errors import UsageError
from netles.io.atomic import atomic_files, atomic_folder


def _run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "netles.cli", *args], capture_output=True, text=True, cwd=cwd)


def test_os_errors_become_one_line_and_exit_2(monkeypatch, capsys):
    def full_disk(args):
        raise OSError(errno.ENOSPC, "No space left on device", "/uit/egos.csv")

    monkeypatch.setattr("netles.cli.build_parser", lambda: _parser_with(full_disk))
    assert main(["doe"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "netles: /uit/egos.csv: de schijf is vol; maak ruimte vrij en probeer het opnieuw"


def test_usage_errors_and_bugs_never_show_a_traceback(monkeypatch, capsys):
    def mistake(args):
        raise UsageError("--k moet minstens 1 zijn, niet 0")

    monkeypatch.setattr("netles.cli.build_parser", lambda: _parser_with(mistake))
    assert main(["doe"]) == 2
    assert capsys.readouterr().err == "netles: --k moet minstens 1 zijn, niet 0\n"

    def bug(args):
        return 1 / 0

    monkeypatch.setattr("netles.cli.build_parser", lambda: _parser_with(bug))
    assert main(["doe"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1 and "ZeroDivisionError" in err
    log = Path(err.split("staan in ")[1].strip())
    assert "Traceback" in log.read_text() and log.unlink() is None


def _parser_with(func):
    import argparse

    parser = argparse.ArgumentParser(prog="netles")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("doe").set_defaults(func=func)
    return parser


def test_output_into_a_closed_pipe_ends_quietly():
    # `netles --help | head -1` style: the reader goes away; no BrokenPipeError traceback.
    proc = subprocess.run(f"{sys.executable} -m netles.cli profile drie_groepen | head -c 10 >/dev/null",
                          shell=True, capture_output=True, text=True)
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


def test_atomic_folder_keeps_the_previous_output_on_failure(tmp_path):
    out = tmp_path / "uit"
    with atomic_folder(out) as tmp:
        for name in ("egos.csv", "alters.csv", "ties.csv"):
            (tmp / name).write_text("oud\n")
    with pytest.raises(OSError):
        with atomic_folder(out) as tmp:
            (tmp / "egos.csv").write_text("nieuw\n")
            raise OSError(errno.ENOSPC, "No space left on device")
    assert {p.name: p.read_text() for p in out.iterdir()} == {n: "oud\n" for n in ("egos.csv", "alters.csv", "ties.csv")}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["uit"]  # no temporary folder left behind
    with pytest.raises(NotADirectoryError):
        with atomic_folder(out / "egos.csv"):
            pass


def test_atomic_files_all_or_none_and_other_files_untouched(tmp_path):
    (tmp_path / "mijn_netwerk.json").write_text("{}")
    (tmp_path / "les.html").write_text("oud")
    with pytest.raises(KeyboardInterrupt):
        with atomic_files(tmp_path) as path_for:
            path_for("les.ipynb").write_text("nieuw")
            path_for("les.html").write_text("nieuw")
            raise KeyboardInterrupt
    assert sorted(p.name for p in tmp_path.iterdir()) == ["les.html", "mijn_netwerk.json"]
    assert (tmp_path / "les.html").read_text() == "oud"
