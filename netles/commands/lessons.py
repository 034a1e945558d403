"""``netles les N``: run a lesson and write an offline handout, or open it live without code.

``netles les 3a`` (also ``03a``, ``galerij``) executes the lesson and writes the executed notebook
and an HTML handout into ``--out``; ``--taal en`` gives the English lesson. ``netles les 3a --app``
opens the lesson in the browser as a page without code (Voila) with working widgets; files the
lesson saves land in ``--out``.

Every argument is checked before any work starts; a mistake is one line and exit status 2.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

__all__ = ["register"]


def _check(args: argparse.Namespace) -> tuple[str, Path]:
    from ..checks import output_folder
    from ..datasets import case_names
    from ..errors import UsageError
    from ..lessons import find_lesson

    key = find_lesson(args.les)
    if args.casus is not None and args.casus not in case_names():
        raise UsageError(f"er is geen casus {args.casus!r}; kies uit: {', '.join(case_names())}")
    if args.timeout is not None and args.timeout < 1:
        raise UsageError(f"--timeout moet minstens 1 seconde zijn, niet {args.timeout}")
    out = output_folder(args.out)
    return key, out


def _run(args: argparse.Namespace) -> int:
    key, out = _check(args)
    if args.app:
        return _app(args, key, out)
    from nbclient.exceptions import CellTimeoutError

    from ..errors import UsageError
    from ..lessons import run_lesson

    timeout = args.timeout or 300
    fd, log = tempfile.mkstemp(prefix="netles-les-", suffix=".log")
    os.close(fd)
    try:
        with _kernel_output_into(log):
            executed, handout = run_lesson(key, casus=args.casus, taal=args.taal, out=out, hide_code=args.zonder_code,
                                           seed=args.seed, timeout=timeout)
    except CellTimeoutError:  # an OSError (TimeoutError) whose message runs over many lines
        seconds = "1 seconde" if timeout == 1 else f"{timeout} seconden"
        raise UsageError(f"een cel van les {key} duurde langer dan {seconds} (--timeout); er is niets geschreven in "
                         f"{out}; probeer het opnieuw met een grotere --timeout (de meldingen van de kernel staan in "
                         f"{log})") from None
    except BaseException:
        os.unlink(log)  # the kernel's start-up warning is of no use with another error
        raise
    os.unlink(log)
    print(executed)
    print(handout)
    return 0


@contextlib.contextmanager
def _kernel_output_into(log: str):
    """Send what the lesson's kernel writes to standard error into ``log``.

    The kernel is a child process that inherits our standard error: it prints a start-up warning
    and, when it is stopped after a ``--timeout``, a traceback. Neither is for the user; the file
    keeps them for a report. Our own messages are printed after this block, on the real stream.
    """
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(log, "ab") as handle:
            os.dup2(handle.fileno(), 2)
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)


def _app(args: argparse.Namespace, key: str, out: Path) -> int:
    import nbformat

    from ..lessons import app_notebook, lesson_path
    from .app import check_port, serve, voila_command, voila_environment

    check_port(args.port)
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="netles-les-"))
    try:
        notebook = folder / lesson_path(key).name
        nbformat.write(app_notebook(key, taal=args.taal, casus=args.casus, seed=args.seed, workdir=out), str(notebook))
        print(f"netles les {key}: adres http://127.0.0.1:{args.port}/ ; bestanden van de les komen in {out.resolve()} "
              f"(stoppen met Ctrl-C)", flush=True)
        return serve(voila_command(args.port, open_browser=not args.no_browser, notebook=notebook),
                     voila_environment(), cwd=out)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def register(subparsers) -> None:
    """Add the ``les`` subcommand."""
    p = subparsers.add_parser(
        "les", help="voer een les uit en maak een hand-out (HTML, offline), of open hem zonder code (--app)",
        description="Voer les N uit en schrijf het uitgevoerde notebook en een HTML-hand-out die offline werkt, "
                    "of open de les met --app als pagina zonder code in de browser.")
    p.add_argument("les", metavar="LES", help="de les: 0, 1a, 01a, 3b, galerij ... (een nummer met meer delen, "
                                              "zoals 3, vraagt welk deel)")
    p.add_argument("--casus", help="naam van een casus (zie netles.datasets.case_names())")
    p.add_argument("--taal", choices=["nl", "en"], default="nl", help="taal van de tekst, figuren en knoppen")
    p.add_argument("--out", default=".", help="map voor het notebook en de hand-out (met --app: voor wat de les bewaart)")
    p.add_argument("--zonder-code", action="store_true", help="laat ook de zichtbare code weg uit de hand-out")
    p.add_argument("--seed", type=int, help="startgetal voor het toeval in de les")
    p.add_argument("--timeout", type=int, help="seconden per cel (standaard 300)")
    p.add_argument("--app", action="store_true", help="open de les zonder code in de browser (Voila)")
    p.add_argument("--port", type=int, default=8867, help="poort voor --app (standaard 8867)")
    p.add_argument("--no-browser", action="store_true", help="met --app: open geen browservenster")
    p.set_defaults(func=_run)
