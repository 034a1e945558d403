"""``netles les N``: run a lesson notebook and write an offline handout."""
from __future__ import annotations

import argparse
import sys

__all__ = ["register"]


def _run(args: argparse.Namespace) -> int:
    from ..lessons import run_lesson

    try:
        executed, handout = run_lesson(args.nummer, casus=args.casus, taal=args.taal, out=args.out,
                                       hide_code=args.zonder_code)
    except (KeyError, ValueError, FileNotFoundError) as exc:
        print(f"netles les: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return 2
    print(executed)
    print(handout)
    return 0


def register(subparsers) -> None:
    """Add the ``les`` subcommand."""
    p = subparsers.add_parser("les", help="voer een les uit en maak een hand-out (HTML, offline)",
                              description="Voer lesnotebook N uit met papermill en schrijf het uitgevoerde notebook en een HTML-hand-out.")
    p.add_argument("nummer", type=int, choices=[0, 1, 2, 3, 4], help="nummer van de les (0 = welkom, 1-4 = thema)")
    p.add_argument("--casus", help="naam van een casus (zie netles.datasets.case_names())")
    p.add_argument("--taal", choices=["nl", "en"], default="nl", help="taal van de labels")
    p.add_argument("--out", default=".", help="map voor het notebook en de hand-out")
    p.add_argument("--zonder-code", action="store_true", help="verberg de code in de hand-out")
    p.set_defaults(func=_run)
