"""The app page and the `netles app` command line (the browser side is in test_browser.py)."""
from __future__ import annotations

import argparse

import netles
from netles.app import APP_NOTEBOOK, ENV_CASE, ENV_FILE, app_from_environment, build_app
from netles.cli import build_parser
from netles.commands.app import _start, voila_command


def test_app_page_shares_one_network_between_tabs(tmp_path):
    page, state = build_app(tmp_path / "k.json", case="voorbeeld")
    assert [page.tabs.get_title(i) for i in range(len(page.tabs.children))] == ["Netwerk invullen", "Instrumenten", "Versterken (RADIO)"]
    page.editor.name.value = "Gijs"
    page.editor.add_button.click()
    assert "Gijs" in [label for label, _ in page.planner.alter.options]
    assert page.instruments.figure.outputs and "Gijs" in str(page.instruments.figure.outputs)
    assert netles.read_network(tmp_path / "k.json") == state.network


def test_app_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_FILE, str(tmp_path / "a.json"))
    monkeypatch.setenv(ENV_CASE, "")
    page = app_from_environment()
    assert page.editor.state.network.size == 0 and (tmp_path / "a.json").exists()


def test_command_line_options(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    args = build_parser().parse_args(["app", "--no-browser", "--port", "9999"])
    assert args.func.__module__ == "netles.commands.app"
    assert _start(args) == ("voorbeeld", tmp_path / "netwerk_voorbeeld.json")
    args = build_parser().parse_args(["app", "--leeg"])
    assert _start(args) == (None, tmp_path / "mijn_netwerk.json")
    args = build_parser().parse_args(["app", "--casus", "voorbeeld", "--file", "x/../mijn.json"])
    assert _start(args) == ("voorbeeld", tmp_path / "mijn.json")


def test_voila_hides_code_and_renders_progressively():
    command = voila_command(8899, open_browser=False)
    assert str(APP_NOTEBOOK) in command and APP_NOTEBOOK.exists()
    assert "--strip_sources=True" in command and "--progressive_rendering=True" in command
    assert "--no-browser" in command and "--port=8899" in command


def test_unknown_case_is_refused(capsys):
    from netles.cli import main

    assert main(["app", "--casus", "bestaatniet", "--no-browser"]) == 2
    assert "bestaatniet" in capsys.readouterr().err
