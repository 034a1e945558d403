"""``netles app``: the netwerkkaart as a page without code (Voila).

Examples
--------
``netles app`` starts from the example case, ``netles app --leeg`` from an empty network,
``netles app --casus NAAM`` from a bundled case, and ``netles app --file mijn_netwerk.json`` works
on (and saves to) that file; an existing file is reopened, so nothing is lost between sessions.
"""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from pathlib import Path

__all__ = ["register", "voila_command", "app_environment", "run"]

DEFAULT_PORT = 8866

# Lab extensions Voila would load but cannot run; leaving them out keeps the console clean.
EXTENSION_DENYLIST = ("@jupyter/nbgrader", "nbgrader", "@jupyter-notebook/lab-extension", "@voila-dashboards/jupyterlab-preview")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``app`` subcommand."""
    parser = subparsers.add_parser(
        "app",
        help="open the netwerkkaart app (editor, instruments, planner) without code, in the browser",
        description=(
            "Start the netwerkkaart app with Voila: the network editor, the instruments and the RADIO "
            "planner on one page without code. Every change is saved to the file at once."
        ),
    )
    start = parser.add_mutually_exclusive_group()
    start.add_argument("--casus", metavar="NAAM", help="start from this bundled case (default: voorbeeld)")
    start.add_argument("--leeg", action="store_true", help="start from an empty network")
    parser.add_argument(
        "--file",
        metavar="BESTAND",
        help="the netles JSON file to work on; reopened if it exists, else created "
        "(default: netwerk_<casus>.json or mijn_netwerk.json in the current folder)",
    )
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port of the app (default {DEFAULT_PORT})")
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser window")
    parser.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the labels (default nl)")
    parser.set_defaults(func=run)


def _start(args: argparse.Namespace) -> tuple[str | None, Path]:
    """The case to start from (None: empty) and the file to work on."""
    from .. import datasets

    case = None if args.leeg else (args.casus or "voorbeeld")
    if case is not None:
        datasets.case_path(case)  # a KeyError names the cases there are
    if args.file:
        path = Path(args.file)
    else:
        path = Path(f"netwerk_{case}.json" if case else "mijn_netwerk.json")
    return case, path.expanduser().resolve()


def app_environment(case: str | None, path: Path, lang: str = "nl") -> dict[str, str]:
    """The environment variables that tell the app notebook what to open."""
    from ..app import ENV_CASE, ENV_FILE, ENV_LANG

    return {ENV_FILE: str(path), ENV_CASE: case or "", ENV_LANG: lang}


def voila_command(port: int = DEFAULT_PORT, open_browser: bool = True) -> list[str]:
    """The Voila command line for the app.

    Sources are stripped (no code on the page) and rendering is progressive: without it some page
    loads draw outputs before their widget models exist ("Error displaying widget").
    """
    from ..app import APP_NOTEBOOK

    command = [
        sys.executable,
        "-m",
        "voila",
        str(APP_NOTEBOOK),
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--strip_sources=True",
        "--progressive_rendering=True",
        "--theme=light",
    ]
    command += [f"--VoilaConfiguration.extension_denylist={name}" for name in EXTENSION_DENYLIST]
    if not open_browser:
        command.append("--no-browser")
    return command


def run(args: argparse.Namespace) -> int:
    """Run the app until Ctrl-C (or until the process is stopped)."""
    try:
        case, path = _start(args)
    except KeyError as exc:
        print(f"netles app: {exc.args[0]}", file=sys.stderr)
        return 2
    if not path.parent.is_dir():
        print(f"netles app: de map {path.parent} bestaat niet", file=sys.stderr)
        return 2
    env = {**os.environ, **app_environment(case, path, args.lang)}
    where = "bestaand bestand, wordt heropend" if path.exists() else ("nieuw, vanuit casus " + case if case else "nieuw, leeg netwerk")
    print(f"netles app: {path} ({where}); adres http://127.0.0.1:{args.port}/ (stoppen met Ctrl-C)", flush=True)
    child = subprocess.Popen(voila_command(args.port, open_browser=not args.no_browser), env=env)

    def stop(signum, _frame):  # pass a stop on to Voila so no server is left behind
        child.terminate()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        return child.wait()
    except KeyboardInterrupt:
        child.terminate()
        return child.wait()
    finally:
        signal.signal(signal.SIGTERM, previous)
