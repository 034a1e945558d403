"""``netles figuren``: draw every instrument for the bundled cases as PNG (and offline HTML)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["register", "run", "case_figures"]


def case_figures(name: str, lang: str = "nl") -> dict:
    """Every instrument for one bundled case: file stem -> figure."""
    from .. import datasets, quality_profile
    from .. import plots

    net = datasets.load_case(name)
    return {
        "netwerkcirkel": plots.netwerkcirkel(net, lang=lang),
        "netwerkcirkel_lading": plots.netwerkcirkel(net, color_by="valence", show_ties=True, lang=lang),
        "netwerkcirkel_steun": plots.netwerkcirkel(net, color_by="support", lang=lang),
        "ecogram": plots.ecogram(net, lang=lang),
        "genogram": plots.genogram(net, lang=lang),
        "sociogram": plots.sociogram(net, lang=lang),
        "profiel": plots.profile_chart(quality_profile(net), plots.REFERENCE_MILD_ID, lang=lang),
    }


def run(args: argparse.Namespace) -> int:
    """Write the figures; returns the exit status."""
    from .. import datasets
    from ..plots import png_session, to_html, to_png

    names = args.casus or datasets.case_names()
    unknown = [n for n in names if n.removesuffix(".json") not in datasets.case_names()]
    if unknown:
        print(f"netles figuren: geen casus {unknown[0]!r}; kies uit: {', '.join(datasets.case_names())}", file=sys.stderr)
        return 2
    out = Path(args.out)
    written = 0
    with png_session():
        for name in names:
            name = name.removesuffix(".json")
            folder = out / name
            folder.mkdir(parents=True, exist_ok=True)
            for stem, fig in case_figures(name, args.taal).items():
                to_png(fig, folder / f"{stem}.png", scale=args.schaal)
                written += 1
                if args.html:
                    to_html(fig, folder / f"{stem}.html")
                    written += 1
            print(f"{name}: {folder}")
    print(f"{written} bestanden geschreven in {out}")
    return 0


def register(subparsers) -> None:
    """Add ``netles figuren`` to the command line."""
    parser = subparsers.add_parser(
        "figuren",
        help="teken de netwerkcirkel, het ecogram, het genogram, het sociogram en het kwaliteitsprofiel als PNG",
        description=(
            "Tekent elk instrument (netwerkcirkel, ecogram, genogram, sociogram, kwaliteitsprofiel) voor de "
            "meegeleverde casussen en schrijft ze als PNG, met --html ook als HTML-bestand dat zonder internet werkt. "
            "PNG's worden gemaakt met kaleido en de Chromium van deze computer."
        ),
    )
    parser.add_argument("--casus", nargs="+", metavar="NAAM", help="casussen (standaard: alle casussen in data/cases)")
    parser.add_argument("--out", default="figuren", metavar="MAP", help="map voor de bestanden (standaard: ./figuren)")
    parser.add_argument("--taal", choices=("nl", "en"), default="nl", help="taal van de labels (standaard: nl)")
    parser.add_argument("--html", action="store_true", help="schrijf ook een offline HTML-bestand per figuur")
    parser.add_argument("--schaal", type=float, default=2.0, metavar="S", help="pixeldichtheid van de PNG's (standaard: 2)")
    parser.set_defaults(func=run)
