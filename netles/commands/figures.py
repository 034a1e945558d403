"""``netles figuren``: draw every instrument for the bundled cases as PNG (and offline HTML).

The arguments are checked before anything is drawn (an unknown case, an output path that is a
file, a folder that cannot be written, a folder that holds other files, no Chromium for the PNG
files): each mistake is one plain sentence and exit status 2. The output folder is written all or
nothing: the figures are made in a new folder beside it, which takes its place only when every
figure is written; a failure or Ctrl-C leaves the previous output as it was.
"""
from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from ..errors import UsageError

__all__ = ["register", "run", "case_figures", "FIGURE_SIZE"]

FIGURE_SIZE = (1366, 768)
"""Size of the instrument figures: a projector or a full-screen slide."""


def case_figures(name: str, lang: str = "nl", size: tuple[int, int] = FIGURE_SIZE) -> dict:
    """Every instrument for one bundled case, at ``size`` pixels: file stem -> figure.

    A case with moments also gets ``momenten``: the first and the last moment side by side with
    what changed in words (:func:`netles.plots.moments_summary`), as wide as ``size``.
    """
    from .. import datasets, plots
    from ..profile import quality_profile
    from ..plots._common import case_title

    net = datasets.load_case(name)
    w, h = size
    case = case_title(net, lang)
    return {
        "netwerkcirkel": plots.netwerkcirkel(net, lang=lang, width=w, height=h),
        "netwerkcirkel_lading": plots.netwerkcirkel(net, color_by="valence", show_ties=True, lang=lang, width=w, height=h),
        "netwerkcirkel_steun": plots.netwerkcirkel(net, color_by="support", lang=lang, width=w, height=h),
        "ecogram": plots.ecogram(net, lang=lang, width=w, height=h),
        "genogram": plots.genogram(net, lang=lang, width=w, height=h),
        "sociogram": plots.sociogram(net, lang=lang, width=w, height=h),
        "profiel": plots.profile_chart(quality_profile(net), plots.REFERENCE_MILD_ID, lang=lang, name=case, width=min(w, 1000)),
        **({"momenten": plots.moments_summary(net.moments[0], net.moments[-1], lang, width=(w - 80) // 2,
                                              height=(w - 80) // 2)} if len(net.moments) >= 2 else {}),
    }


def _check(args: argparse.Namespace) -> tuple[list[str], Path]:
    """The case names and the output folder, or a UsageError naming the first mistake."""
    from .. import datasets
    from ..plots import find_chromium
    from ..checks import output_folder

    known = datasets.case_names()
    names = [n.removesuffix(".json") for n in (args.casus or known)]
    for n in names:
        if n not in known:
            raise UsageError(f"er is geen casus {n!r}; kies uit: {', '.join(known)}")
    if not 0 < args.schaal <= 8:
        raise UsageError(f"--schaal moet groter dan 0 en hoogstens 8 zijn, niet {args.schaal:g}")
    out = output_folder(args.out)
    if out.exists():
        strangers = sorted(p.name for p in out.iterdir() if not (p.is_dir() and p.name in known))
        if strangers:
            raise UsageError(f"{out} bevat al andere bestanden ({', '.join(strangers[:3])}"
                             f"{' ...' if len(strangers) > 3 else ''}); netles figuren vervangt de hele map: "
                             "kies een lege of nieuwe map")
    if find_chromium() is None:
        raise UsageError("geen Chromium gevonden om PNG's te maken; installeer het (bijvoorbeeld met 'make browser') "
                         "of zet BROWSER_PATH op het programma")
    return list(dict.fromkeys(names)), out


def run(args: argparse.Namespace) -> int:
    """Write the figures; returns the exit status."""
    from ..io.atomic import atomic_folder
    from ..plots import png_session, to_html, to_png

    names, out = _check(args)
    written = 0
    with png_session(), atomic_folder(out) as tmp:
        if out.exists():  # the cases this run does not redraw stay as they were
            for old in out.iterdir():
                if old.name not in names:
                    shutil.copytree(old, tmp / old.name)
        for name in names:
            folder = tmp / name
            folder.mkdir()
            for stem, fig in case_figures(name, args.taal).items():
                to_png(fig, folder / f"{stem}.png", scale=args.schaal)
                written += 1
                if args.html:
                    to_html(fig, folder / f"{stem}.html")
                    written += 1
    for name in names:
        print(f"{name}: {out / name}")
    print(f"{written} bestanden geschreven in {out}")
    return 0


def register(subparsers) -> None:
    """Add ``netles figuren`` to the command line."""
    parser = subparsers.add_parser(
        "figuren",
        help="teken de netwerkcirkel, het ecogram, het genogram, het sociogram en het kwaliteitsprofiel als PNG",
        description=(
            "Tekent elk instrument (netwerkcirkel, ecogram, genogram, sociogram, kwaliteitsprofiel) voor de "
            "meegeleverde casussen op 1366 x 768 pixels (een beamer) en schrijft ze als PNG, met --html ook als "
            "HTML-bestand dat zonder internet werkt. Elke casus krijgt een eigen map in MAP; de map wordt in zijn "
            "geheel vervangen, pas als alles gelukt is. PNG's worden gemaakt met kaleido en de Chromium van deze "
            "computer."
        ),
    )
    parser.add_argument("--casus", nargs="+", metavar="NAAM", help="casussen (standaard: alle casussen in data/cases)")
    parser.add_argument("--out", default="figuren", metavar="MAP", help="map voor de bestanden (standaard: ./figuren)")
    parser.add_argument("--taal", choices=("nl", "en"), default="nl", help="taal van de labels (standaard: nl)")
    parser.add_argument("--html", action="store_true", help="schrijf ook een offline HTML-bestand per figuur")
    parser.add_argument("--schaal", type=float, default=2.0, metavar="S", help="pixeldichtheid van de PNG's (standaard: 2)")
    parser.set_defaults(func=run)
