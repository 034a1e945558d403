"""``netles les`` and ``netles app`` answer every ordinary mistake with one line and exit status 2,
checked before any work starts, never a traceback (issue 14 item 1); the handout and the executed
notebook are written all or nothing, next to the student's own files (issue 14 item 2).

Each mistake runs the real ``.venv/bin/netles``.
"""
from __future__ import annotations

import errno
import os
import socket
import subprocess
from pathlib import Path

import pytest

from netles.cli import main

ROOT = Path(__file__).resolve().parent.parent
NETLES = ROOT / ".venv" / "bin" / "netles"


def netles(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([str(NETLES), *args], capture_output=True, text=True, timeout=120, cwd=cwd)


def assert_mistake(done: subprocess.CompletedProcess, *fragments: str) -> None:
    text = done.stdout + done.stderr
    assert done.returncode == 2, (done.returncode, text)
    assert "Traceback" not in text, text
    for fragment in fragments:
        assert fragment in done.stderr, (fragment, done.stderr)


@pytest.fixture
def busy_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        yield s.getsockname()[1]


# --------------------------------------------------------------------------------------------
# netles les
# --------------------------------------------------------------------------------------------

def test_les_unknown_lesson(tmp_path):
    done = netles("les", "7", "--out", str(tmp_path / "uit"))
    assert_mistake(done, "netles: er is geen les 7; kies uit: 00, ")
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "uit").exists()


@pytest.mark.parametrize("number, parts", [("4", "04a of 04b"), ("2", "02a of 02b"), ("3", "03a of 03b")])
def test_les_with_an_old_lesson_number_names_its_parts(tmp_path, number, parts):
    # the old lessons 02, 03 and 04 became two parts each: `netles les 4 --taal en` (the handout of
    # issue 11) says which to choose instead of failing or picking one
    done = netles("les", number, "--taal", "en", "--out", str(tmp_path / "uit"))
    assert_mistake(done, f"netles: les {number} bestaat uit meer delen: kies {parts}")
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "uit").exists()


def test_les_unknown_case(tmp_path):
    done = netles("les", "0", "--casus", "bestaat_niet", "--out", str(tmp_path / "uit"))
    assert_mistake(done, "er is geen casus 'bestaat_niet'; kies uit: ", "voorbeeld")
    assert not (tmp_path / "uit").exists()


def test_les_out_is_a_file(tmp_path):
    target = tmp_path / "handout.html"
    target.write_text("van de student")
    assert_mistake(netles("les", "0", "--out", str(target)), f"netles: {target} is een bestand; geef een map")
    assert target.read_text() == "van de student"


def test_les_out_below_a_file(tmp_path):
    (tmp_path / "bestand").write_text("x")
    assert_mistake(netles("les", "0", "--out", str(tmp_path / "bestand" / "uit")), "is een bestand, geen map")


def test_les_out_where_nothing_may_be_written():
    assert_mistake(netles("les", "0", "--out", "/proc/netles-uit"), "kan niet schrijven in /proc")


def test_les_unknown_language(tmp_path):
    assert_mistake(netles("les", "0", "--taal", "de", "--out", str(tmp_path)), "invalid choice: 'de'")


def test_les_timeout_below_one(tmp_path):
    assert_mistake(netles("les", "0", "--timeout", "0", "--out", str(tmp_path)), "--timeout moet minstens 1 seconde zijn")


def test_les_seed_not_a_number(tmp_path):
    assert_mistake(netles("les", "0", "--seed", "veel", "--out", str(tmp_path)), "invalid int value: 'veel'")


def test_les_app_port_in_use(tmp_path, busy_port):
    done = netles("les", "0", "--app", "--no-browser", "--port", str(busy_port), "--out", str(tmp_path))
    assert_mistake(done, f"poort {busy_port} is al in gebruik", "--port")


@pytest.mark.parametrize("port", ["0", "70000"])
def test_les_app_port_out_of_range(tmp_path, port):
    assert_mistake(netles("les", "0", "--app", "--no-browser", "--port", port, "--out", str(tmp_path)),
                   "--port moet tussen 1 en 65535 liggen")


def test_les_app_unknown_lesson_before_the_server_starts(tmp_path):
    assert_mistake(netles("les", "99", "--app", "--no-browser", "--out", str(tmp_path)), "er is geen les 99")


@pytest.mark.slow
def test_les_full_disk_leaves_the_earlier_handout_and_the_students_files(tmp_path, monkeypatch, capsys):
    out = tmp_path / "uit"
    assert main(["les", "0", "--out", str(out)]) == 0
    (out / "mijn_eigen_notities.txt").write_text("niet aankomen")
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def full(notebook, html_path, **kw):
        Path(html_path).write_bytes(b"<html>half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(html_path))

    monkeypatch.setattr("netles.handouts.export_handout", full)
    capsys.readouterr()
    assert main(["les", "0", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "de schijf is vol" in err and err.count("\n") == 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # old handout complete, no temp files


# --------------------------------------------------------------------------------------------
# netles app
# --------------------------------------------------------------------------------------------

def test_app_unknown_case(tmp_path):
    assert_mistake(netles("app", "--casus", "bestaat_niet", "--no-browser", cwd=tmp_path),
                   "er is geen casus 'bestaat_niet'")
    assert not list(tmp_path.iterdir())


def test_app_file_is_a_folder(tmp_path):
    assert_mistake(netles("app", "--file", str(tmp_path), "--no-browser"), f"{tmp_path} is een map; geef een bestand")


def test_app_file_in_a_missing_folder(tmp_path):
    assert_mistake(netles("app", "--file", str(tmp_path / "weg" / "kaart.json"), "--no-browser"),
                   f"de map {tmp_path / 'weg'} bestaat niet")


def test_app_file_below_a_file(tmp_path):
    (tmp_path / "bestand").write_text("x")
    assert_mistake(netles("app", "--file", str(tmp_path / "bestand" / "kaart.json"), "--no-browser"),
                   "is een bestand, geen map")


def test_app_file_where_nothing_may_be_written():
    assert_mistake(netles("app", "--file", "/proc/kaart.json", "--no-browser"), "kan niet schrijven in /proc")


def test_app_empty_file_name(tmp_path):
    assert_mistake(netles("app", "--file", "", "--no-browser", cwd=tmp_path), "--file is leeg")


def test_app_case_and_empty_together(tmp_path):
    assert_mistake(netles("app", "--casus", "voorbeeld", "--leeg", "--no-browser", cwd=tmp_path),
                   "not allowed with argument")


def test_app_port_in_use(tmp_path, busy_port):
    assert_mistake(netles("app", "--no-browser", "--port", str(busy_port), cwd=tmp_path),
                   f"poort {busy_port} is al in gebruik")
    assert not list(tmp_path.iterdir())  # nothing created before the check


def test_app_port_out_of_range(tmp_path):
    assert_mistake(netles("app", "--no-browser", "--port", "70000", cwd=tmp_path), "--port moet tussen 1 en 65535")


# --------------------------------------------------------------------------------------------
# Voila without outside requests
# --------------------------------------------------------------------------------------------

def test_voila_runs_with_the_netles_template_and_without_nbgrader():
    from netles.commands.app import EXTENSION_DENYLIST, TEMPLATE_ROOT, voila_command, voila_environment

    command = voila_command(8899, open_browser=False, notebook="les.ipynb")
    assert "les.ipynb" in command and "--template=netles" in command
    assert "--progressive_rendering=True" in command and "--strip_sources=True" in command
    assert "--VoilaConfiguration.extension_denylist=@jupyter/nbgrader" in command and "@jupyter/nbgrader" in EXTENSION_DENYLIST
    assert voila_environment()["JUPYTER_PATH"].split(os.pathsep)[0] == str(TEMPLATE_ROOT)
    template = (TEMPLATE_ROOT / "voila" / "templates" / "netles" / "index.html.j2").read_text()
    assert "fontawesome" not in template.lower() and "cdn" not in template.replace("CDN", "")


def test_voila_page_has_no_font_awesome_from_a_cdn(tmp_path):
    """Render the app page through Voila's template machinery: no stylesheet from another server."""
    import re
    import urllib.request

    from browserkit import start_voila

    server, url = start_voila(["app", "--casus", "voorbeeld", "--file", str(tmp_path / "k.json")], tmp_path)
    try:
        page = urllib.request.urlopen(url, timeout=120).read().decode("utf-8")
    finally:
        server.stop()
    assert "<html" in page
    assert not re.findall(r"""<link\b[^>]*href=["']?(?:https?:)?//""", page), "a stylesheet from another server"
    assert "fontawesome" not in page.lower().split("</head>")[0].replace("font-awesome", "")
