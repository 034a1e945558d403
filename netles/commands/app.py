"""``netles app``: the netwerkkaart as a page without code (Voila).

Examples
--------
``netles app`` starts from the example case, ``netles app --leeg`` from an empty network,
``netles app --casus NAAM`` from a bundled case, and ``netles app --file mijn_netwerk.json`` works
on (and saves to) that file; an existing file is reopened, so nothing is lost between sessions.

The page makes no request to another server: Voila runs with the ``netles`` template (Voila's lab
template without its Font Awesome stylesheets from a CDN) and without the Lab extensions it cannot
run. ``netles les N --app`` serves a lesson the same way (:func:`serve`).
"""
from __future__ import annotations

import argparse
import errno
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

from ..errors import UsageError

__all__ = ["register", "voila_command", "voila_environment", "app_environment", "check_port", "serve", "run",
           "EXTENSION_DENYLIST", "TEMPLATE", "TEMPLATE_ROOT"]

DEFAULT_PORT = 8866

# Lab extensions Voila would load but cannot run; leaving them out keeps the console clean.
EXTENSION_DENYLIST = ("@jupyter/nbgrader", "nbgrader", "@jupyter-notebook/lab-extension", "@voila-dashboards/jupyterlab-preview")

TEMPLATE = "netles"
"""The Voila template of the app and the lessons' app view."""
TEMPLATE_ROOT = Path(__file__).resolve().parent.parent / "app" / "share"
"""A Jupyter data folder holding ``voila/templates/netles``; put on ``JUPYTER_PATH`` for Voila."""


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


def check_port(port: int, *, lang: str = "nl") -> int:
    """``port`` if the app can listen on it (1-65535 and free on 127.0.0.1).

    Raises
    ------
    netles.errors.UsageError
        If the port is out of range or in use (e.g. by an app that is still running).
    """
    if not 1 <= port <= 65535:
        raise UsageError(f"--port moet tussen 1 en 65535 liggen, niet {port}" if lang == "nl"
                         else f"--port must be between 1 and 65535, not {port}")
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise UsageError(
                    f"poort {port} is al in gebruik (draait er al een app of les?); stop die of kies een andere "
                    f"poort met --port" if lang == "nl" else
                    f"port {port} is already in use (is an app or lesson still running?); stop it or choose "
                    f"another port with --port") from None
            raise UsageError(f"kan niet luisteren op poort {port}: {exc.strerror}" if lang == "nl"
                             else f"cannot listen on port {port}: {exc.strerror}") from None
    return port


def _start(args: argparse.Namespace) -> tuple[str | None, Path]:
    """The case to start from (None: empty) and the file to work on, checked."""
    from .. import datasets
    from ..checks import output_file

    case = None if args.leeg else (args.casus or "voorbeeld")
    if case is not None and case not in datasets.case_names():
        raise UsageError(f"er is geen casus {case!r}; kies uit: {', '.join(datasets.case_names())}")
    if args.file is not None and not str(args.file).strip():
        raise UsageError("--file is leeg; geef een bestandsnaam, bijvoorbeeld mijn_netwerk.json")
    path = Path(args.file) if args.file else Path(f"netwerk_{case}.json" if case else "mijn_netwerk.json")
    path = Path(os.path.abspath(path.expanduser()))  # "x/../kaart.json" means kaart.json here
    if path.exists() and path.is_dir():
        raise UsageError(f"{path} is een map; geef een bestand, bijvoorbeeld {path / 'mijn_netwerk.json'}")
    if not path.parent.is_dir():
        if path.parent.exists():
            raise UsageError(f"{path.parent} is een bestand, geen map")
        raise UsageError(f"de map {path.parent} bestaat niet; maak hem eerst of kies een andere plek")
    output_file(path)  # the folder must be writable: every change is saved there
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise UsageError(f"{path}: geen toegang om te lezen en te schrijven")
    return case, path.resolve()


def app_environment(case: str | None, path: Path, lang: str = "nl") -> dict[str, str]:
    """The environment variables that tell the app notebook what to open."""
    from ..app import ENV_CASE, ENV_FILE, ENV_LANG

    return {ENV_FILE: str(path), ENV_CASE: case or "", ENV_LANG: lang}


def voila_environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for Voila: ours, with the netles template on ``JUPYTER_PATH``."""
    env = {**os.environ, **(extra or {})}
    env["JUPYTER_PATH"] = os.pathsep.join([str(TEMPLATE_ROOT), *filter(None, [os.environ.get("JUPYTER_PATH")])])
    return env


def voila_command(port: int = DEFAULT_PORT, open_browser: bool = True, notebook: str | os.PathLike | None = None) -> list[str]:
    """The Voila command line for the app (or another notebook, e.g. a lesson).

    Sources are stripped (no code on the page) and rendering is progressive: without it some page
    loads draw outputs before their widget models exist ("Error displaying widget"). The netles
    template loads nothing from another server (run Voila with :func:`voila_environment`).
    """
    from ..app import APP_NOTEBOOK

    command = [
        sys.executable,
        "-m",
        "voila",
        str(notebook if notebook is not None else APP_NOTEBOOK),
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--strip_sources=True",
        "--progressive_rendering=True",
        "--theme=light",
        f"--template={TEMPLATE}",
    ]
    command += [f"--VoilaConfiguration.extension_denylist={name}" for name in EXTENSION_DENYLIST]
    if not open_browser:
        command.append("--no-browser")
    return command


def serve(command: list[str], env: dict[str, str], cwd: str | os.PathLike | None = None) -> int:
    """Run a Voila server until Ctrl-C or a stop signal; returns its exit status."""
    child = subprocess.Popen(command, env=env, cwd=cwd)

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


def run(args: argparse.Namespace) -> int:
    """Run the app until Ctrl-C (or until the process is stopped)."""
    case, path = _start(args)
    check_port(args.port)
    env = voila_environment(app_environment(case, path, args.lang))
    where = "bestaand bestand, wordt heropend" if path.exists() else ("nieuw, vanuit casus " + case if case else "nieuw, leeg netwerk")
    print(f"netles app: {path} ({where}); adres http://127.0.0.1:{args.port}/ (stoppen met Ctrl-C)", flush=True)
    return serve(voila_command(args.port, open_browser=not args.no_browser), env)
