"""``netles opdrachten ...`` (release and grade assignments) and ``netles klas ...`` (class results)."""
from __future__ import annotations

import math
import sys
from pathlib import Path

__all__ = ["register"]


def register(subparsers) -> None:
    """Add the ``opdrachten`` and ``klas`` subcommands."""
    opdrachten = subparsers.add_parser(
        "opdrachten",
        help="opdrachten vrijgeven (studentversie maken) en nakijken",
        description="Werken met de opdrachtnotebooks in assignments/: de studentversie maken uit de bronversie, "
        "en een ingeleverd notebook nakijken.",
    )
    sub = opdrachten.add_subparsers(dest="opdrachten_command", metavar="ACTIE")
    vrijgeven = sub.add_parser(
        "vrijgeven",
        help="maak de studentversie (release/) opnieuw uit de bronversie (source/)",
        description="Maakt assignments/release/<naam>/<naam>.ipynb opnieuw uit assignments/source/<naam>/<naam>.ipynb: "
        "modelantwoorden worden vervangen door '# JOUW CODE HIER', verborgen tests en uitvoer verdwijnen. "
        "Bewerk de release nooit met de hand.",
    )
    vrijgeven.add_argument("naam", nargs="?", help="één opdracht (standaard: alle opdrachten)")
    vrijgeven.add_argument("--map", type=Path, default=None,
                           help="de opdrachtenmap met source/ (standaard: assignments/ van netles)")
    vrijgeven.set_defaults(func=_vrijgeven)
    nakijken = sub.add_parser(
        "nakijken",
        help="kijk een ingeleverd notebook na: de tests (ook de verborgen) draaien, punten per onderdeel",
        description="Voert een ingeleverd notebook uit met de oorspronkelijke tests (ook de verborgen) en toont de punten "
        "per onderdeel. Schrijfvragen worden gemarkeerd om met de rubric na te kijken.",
    )
    nakijken.add_argument("notebook", type=Path, help="het ingeleverde notebook (<naam>.ipynb)")
    nakijken.add_argument("--bron", type=Path, default=None,
                          help="de bronversie (standaard: source/<naam>/<naam>.ipynb bij de bestandsnaam)")
    nakijken.add_argument("--csv", type=Path, default=None, help="schrijf de punten ook naar dit CSV-bestand")
    nakijken.set_defaults(func=_nakijken)
    opdrachten.set_defaults(func=lambda args: (opdrachten.print_help(), 0)[1])

    klas = subparsers.add_parser(
        "klas",
        help="klasresultaten: de netwerken van een klas verzamelen, anonimiseren en samenvatten",
        description="Werken met de netwerken die studenten hebben ingeleverd.",
    )
    ksub = klas.add_subparsers(dest="klas_command", metavar="ACTIE")
    verzamel = ksub.add_parser(
        "verzamel",
        help="lees de netwerkbestanden in MAP, anonimiseer ze en schrijf een klasdataset en een HTML-rapport",
        description="Leest alle netles-JSON-bestanden in MAP. Een kapot of ongeldig bestand wordt met naam en reden "
        "gemeld en overgeslagen. De geldige netwerken worden geanonimiseerd (geen namen, nieuwe nummers, "
        "grove leeftijden) en weggeschreven als dataset (egos.csv, alters.csv, ties.csv) met een rapport.html "
        "dat offline werkt.",
    )
    verzamel.add_argument("map", type=Path, help="de map met de ingeleverde netwerkbestanden (*.json)")
    verzamel.add_argument("--out", type=Path, default=None, help="uitvoermap (standaard: MAP/klasresultaat)")
    verzamel.add_argument("--k", type=int, default=3,
                          help="k-anonimiteit: elke combinatie van kenmerken komt minstens k keer voor (standaard 3)")
    verzamel.set_defaults(func=_verzamel)
    klas.set_defaults(func=lambda args: (klas.print_help(), 0)[1])


def _vrijgeven(args) -> int:
    from .. import assignments

    names = [args.naam] if args.naam else None
    try:
        written = assignments.release(names, root=args.map)
    except KeyError as exc:
        print(f"netles: {exc.args[0]}", file=sys.stderr)
        return 2
    for path in written:
        print(f"vrijgegeven: {path}")
    return 0


def _nakijken(args) -> int:
    from .. import assignments

    try:
        table = assignments.grade(args.notebook, args.bron)
    except (KeyError, FileNotFoundError) as exc:
        print(f"netles: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return 2
    for row in table.itertuples():
        points = "?" if math.isnan(row.punten) else f"{row.punten:g}"
        print(f"{row.grade_id:<28} {row.soort:<12} {points:>3} / {row.max_punten:g}  {row.toelichting}")
    auto = table[table["soort"] == "automatisch"]
    print(f"automatisch nagekeken: {auto['punten'].sum():g} van {auto['max_punten'].sum():g} punten; "
          f"handmatig na te kijken: {int(table['punten'].isna().sum())} onderdelen")
    if args.csv:
        from ..io.atomic import atomic_write_text

        atomic_write_text(args.csv, table.to_csv(index=False))
    return 0


def _verzamel(args) -> int:
    from .. import klas

    result = klas.collect(args.map, out=args.out, k=args.k)
    for name, reason in result.rejected:
        print(f"overgeslagen: {name}: {reason}", file=sys.stderr)
    print(f"{result.n_networks} netwerken verzameld; dataset in {result.dataset_dir}; rapport: {result.report}")
    return 0 if result.n_networks else 1
