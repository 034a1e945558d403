"""``netles figuren``: every ordinary mistake is one line and exit status 2; the output folder is all or nothing.

The mistakes run the real ``netles`` program of this environment (as a teacher would), checked
before any figure is drawn, so each takes well under a second.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from netles import cli
from netles.commands import figures as figures_command
from netles.plots import find_chromium

NETLES = Path(sys.executable).parent / "netles"


def run_netles(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(NETLES), "figuren", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, **(env or {})}, timeout=120)


def assert_mistake(proc: subprocess.CompletedProcess, *fragments: str) -> None:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("netles: "), proc.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def test_unknown_case(tmp_path):
    proc = run_netles("--casus", "voorbeeld", "bestaatniet", "--out", "uit", cwd=tmp_path)
    assert_mistake(proc, "geen casus 'bestaatniet'", "kies uit:", "voorbeeld")
    assert not (tmp_path / "uit").exists()  # checked before anything was written


def test_output_path_is_a_file(tmp_path):
    (tmp_path / "figuren.png").write_bytes(b"not a folder")
    assert_mistake(run_netles("--out", "figuren.png", cwd=tmp_path), "figuren.png is een bestand; geef een map")
    assert (tmp_path / "figuren.png").read_bytes() == b"not a folder"


def test_output_folder_cannot_be_written(tmp_path):
    if os.geteuid() == 0:  # root may write anywhere permissions allow root to: use a folder no one can
        target = "/sys/kernel/netles-figuren"
    else:
        locked = tmp_path / "dicht"
        locked.mkdir()
        locked.chmod(0o555)
        target = str(locked / "figuren")
    assert_mistake(run_netles("--out", target, cwd=tmp_path), "kan niet schrijven in")


def test_output_folder_with_other_files_is_not_replaced(tmp_path):
    (tmp_path / "verslag.docx").write_text("mijn werk")
    proc = run_netles("--casus", "voorbeeld", "--out", ".", cwd=tmp_path)
    assert_mistake(proc, "bevat al andere bestanden", "verslag.docx", "kies een lege of nieuwe map")
    assert (tmp_path / "verslag.docx").read_text() == "mijn werk"


def test_bad_scale(tmp_path):
    assert_mistake(run_netles("--schaal", "0", "--out", "uit", cwd=tmp_path), "--schaal", "niet 0")
    assert_mistake(run_netles("--schaal", "-2", "--out", "uit", cwd=tmp_path), "--schaal")


def test_no_chromium(tmp_path):
    proc = run_netles("--casus", "voorbeeld", "--out", "uit", cwd=tmp_path, env={"BROWSER_PATH": str(tmp_path / "geen")})
    assert_mistake(proc, "geen Chromium gevonden")
    assert not (tmp_path / "uit").exists()


def test_failed_run_leaves_the_previous_output_complete(tmp_path, monkeypatch):
    """A run that fails halfway (a full disk, a bug) leaves the previous figures as they were."""
    out = tmp_path / "figuren"
    (out / "voorbeeld").mkdir(parents=True)
    (out / "voorbeeld" / "netwerkcirkel.png").write_bytes(b"old png")
    (out / "pubers_ic").mkdir()
    (out / "pubers_ic" / "ecogram.png").write_bytes(b"other case")
    monkeypatch.setattr("netles.plots.find_chromium", lambda: "/usr/bin/chromium")

    class Session:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    written = []

    def fake_png(fig, path, scale=2.0):
        if len(written) == 3:
            raise OSError(28, "No space left on device", str(path))
        Path(path).write_bytes(b"new png")
        written.append(path)

    monkeypatch.setattr("netles.plots.png_session", lambda: Session())
    monkeypatch.setattr("netles.plots.to_png", fake_png)
    assert cli.main(["figuren", "--casus", "voorbeeld", "--out", str(out)]) == 2
    assert (out / "voorbeeld" / "netwerkcirkel.png").read_bytes() == b"old png"
    assert sorted(p.name for p in out.iterdir()) == ["pubers_ic", "voorbeeld"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no half-built folder left behind

    written.clear()
    monkeypatch.setattr("netles.plots.to_png", lambda fig, path, scale=2.0: Path(path).write_bytes(b"new png"))
    assert cli.main(["figuren", "--casus", "voorbeeld", "--out", str(out)]) == 0
    assert (out / "voorbeeld" / "netwerkcirkel.png").read_bytes() == b"new png"
    assert sorted(p.stem for p in (out / "voorbeeld").iterdir()) == sorted(figures_command.case_figures("voorbeeld"))
    assert (out / "pubers_ic" / "ecogram.png").read_bytes() == b"other case"  # cases not redrawn stay


@pytest.mark.slow
def test_real_run_writes_png_and_offline_html(tmp_path):
    if find_chromium() is None:
        pytest.skip("no Chromium on this machine")
    proc = run_netles("--casus", "voorbeeld", "--out", "uit", "--html", "--schaal", "1", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    folder = tmp_path / "uit" / "voorbeeld"
    pngs = sorted(p.stem for p in folder.glob("*.png"))
    assert pngs == sorted(figures_command.case_figures("voorbeeld"))
    for p in folder.glob("*.png"):
        data = p.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        assert (width, height) == figures_command.FIGURE_SIZE or p.stem == "profiel"
    assert len(list(folder.glob("*.html"))) == len(pngs)
