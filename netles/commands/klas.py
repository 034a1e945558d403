"""``netles opdrachten ...`` (release and grade assignments) and ``netles klas ...`` (class results)."""
from __future__ import annotations

import math
import sys
from pathlib import Path

from ..errors import UsageError

__all__ = ["register"]


def register(subparsers) -> None:
    """Add the ``opdrachten`` and ``klas`` subcommands."""
    opdrachten = subparsers.add_parser(
        "opdrachten",
        help="opdrachten vrijgeven (studentversie maken) en nakijken",
        description="Werken met de opdrachtnotebooks in assignments/: de studentversie maken uit de bronversie, "
        "een nbgrader-cursus voorbereiden, en ingeleverde notebooks nakijken met nbgrader.",
    )
    sub = opdrachten.add_subparsers(dest="opdrachten_command", metavar="ACTIE")
    vrijgeven = sub.add_parser(
        "vrijgeven",
        help="maak de studentversie (release/) opnieuw uit de bronversie (source/)",
        description="Maakt assignments/release/<naam>/<naam>.ipynb opnieuw uit assignments/source/<naam>/<naam>.ipynb: "
        "modelantwoorden en verborgen controles verdwijnen, de antwoordregels (naam = ...) blijven. Bewerk de "
        "release nooit met de hand. Met --nbgrader-cursus MAP wordt MAP ook een nbgrader-cursus: "
        "nbgrader_config.py en source/.",
    )
    vrijgeven.add_argument("naam", nargs="?", help="één opdracht (standaard: alle opdrachten)")
    vrijgeven.add_argument("--map", type=Path, default=None,
                           help="de opdrachtenmap met source/ (standaard: assignments/ van netles)")
    vrijgeven.add_argument("--nbgrader-cursus", type=Path, default=None, metavar="MAP", dest="cursus",
                           help="schrijf ook nbgrader_config.py en source/<opdracht>/ in deze cursusmap")
    vrijgeven.set_defaults(func=_vrijgeven)
    nakijken = sub.add_parser(
        "nakijken",
        help="kijk ingeleverde notebooks na met nbgrader: punten per onderdeel",
        description="Kijkt ingeleverde notebooks na met nbgrader (autograde) in een tijdelijke cursusmap: de "
        "oorspronkelijke controles (ook de verborgen) worden teruggezet, het notebook draait, en elke controle "
        "krijgt punten zoals nbgrader ze geeft. Schrijfvragen worden gemarkeerd om met de rubric na te kijken. "
        "Naast de ingeleverde notebooks wordt niets geschreven.",
    )
    nakijken.add_argument("notebook", type=Path, nargs="+",
                          help="ingeleverde notebooks (<opdracht>.ipynb), elk in de map van een student")
    nakijken.add_argument("--bron", type=Path, default=None,
                          help="de bronversie (standaard: source/<opdracht>/<opdracht>.ipynb bij de bestandsnaam)")
    nakijken.add_argument("--map", type=Path, default=None,
                          help="de opdrachtenmap met source/ (standaard: assignments/ van netles)")
    nakijken.add_argument("--csv", type=Path, default=None, help="schrijf de punten ook naar dit CSV-bestand")
    nakijken.add_argument("--feedback", type=Path, default=None, metavar="MAP",
                          help="zet nbgraders feedback (één HTML-bestand per student, met de figuren) in deze map")
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
        description="Leest alle netles-JSON-bestanden in MAP. Een bestand dat niet te lezen is (kapot, ongeldig, "
        "wat er ook mis mee is) wordt met naam en reden gemeld en overgeslagen; de rest wordt verzameld. De geldige "
        "netwerken worden geanonimiseerd (geen namen of vrije tekst, nieuwe nummers, grove leeftijden) en "
        "weggeschreven als dataset (egos.csv, alters.csv, ties.csv) met een rapport.html dat offline werkt en "
        "dat je met de klas kunt delen. De namen van de overgeslagen bestanden staan alleen in "
        "alleen_voor_docent/overgeslagen.csv. De uitvoermap verschijnt in zijn geheel of helemaal niet.",
    )
    verzamel.add_argument("map", type=Path, help="de map met de ingeleverde netwerkbestanden (*.json)")
    verzamel.add_argument("--out", type=Path, default=None, help="uitvoermap (standaard: MAP/klasresultaat)")
    verzamel.add_argument("--k", type=int, default=3,
                          help="k-anonimiteit: elke combinatie van kenmerken komt minstens k keer voor (standaard 3)")
    verzamel.set_defaults(func=_verzamel)
    klas.set_defaults(func=lambda args: (klas.print_help(), 0)[1])


def _assignments_root(folder: Path | None) -> Path | None:
    """The assignments folder given with --map, checked: a folder with source/ in it."""
    from ..checks import existing_path

    if folder is None:
        return None
    existing_path(folder, "folder", what="--map")
    if not (folder / "source").is_dir():
        raise UsageError(f"--map {folder}: daarin staat geen map source/ met opdrachten")
    return folder


def _check_assignment(name: str, root: Path | None) -> None:
    from .. import assignments

    names = assignments.assignment_names(root)
    if name not in names:
        raise UsageError(f"er is geen opdracht {name!r}; kies uit: {', '.join(names) or '(geen)'}")


def _vrijgeven(args) -> int:
    from .. import assignments
    from ..checks import describe_os_error, output_folder

    root = _assignments_root(args.map)
    if args.naam:
        _check_assignment(args.naam, root)
    if args.cursus is not None:
        output_folder(args.cursus)
    names = [args.naam] if args.naam else None
    try:
        released = assignments.release(names, root=root)
    except OSError as exc:
        # each release file is written whole or not at all: the one that failed (and those after it) is as it was
        where = f"; {exc.filename} is niet veranderd" if exc.filename else ""
        raise UsageError(f"{describe_os_error(exc)}{where}") from None
    for path in released:
        print(f"vrijgegeven: {path}")
    if args.cursus is not None:
        made = assignments.write_course_config(args.cursus, names, root=root)
        for path in made:
            print(f"voor nbgrader: {path}")
        shown = [args.naam] if args.naam else assignments.assignment_names(root)
        print(f"Maak de opdrachten daarna in {args.cursus} aan met nbgrader: "
              + "; ".join(f"nbgrader generate_assignment {n}" for n in shown))
    return 0


def _submission(path: Path, root: Path | None, has_source: bool) -> None:
    """A handed-in notebook: an existing .ipynb file that is a notebook, of a known assignment."""
    import json

    from ..checks import existing_path

    existing_path(path, "file")
    if path.suffix != ".ipynb":
        raise UsageError(f"{path} is geen notebook: de naam moet eindigen op .ipynb")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise UsageError(f"{path} is geen leesbaar notebook (het bestand is beschadigd of leeg)") from None
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        raise UsageError(f"{path} is geen notebook: er staan geen cellen in")
    import warnings

    import nbformat

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # an older notebook version is fine: nbgrader upgrades it
            nbformat.validate(nbformat.reads(json.dumps(data), as_version=4))
    except nbformat.ValidationError:
        # nbgrader would stop with "see the above traceback"; say it here, before any grading starts
        raise UsageError(f"{path} is geen geldig notebook: het bestand is beschadigd of met de hand bewerkt "
                         "(een cel of de metadata klopt niet); vraag de student het opnieuw in te leveren") from None
    if not has_source:
        from .. import assignments

        names = assignments.assignment_names(root)
        if path.stem not in names:
            raise UsageError(f"{path}: de bestandsnaam hoort de naam van een opdracht te zijn ({', '.join(names)}); "
                             "geef anders de bronversie met --bron")


def _nakijken(args) -> int:
    from .. import assignments
    from ..checks import describe_os_error, existing_path, output_file, output_folder

    root = _assignments_root(args.map)
    if args.bron is not None:
        existing_path(args.bron, "file", what="--bron")
        if args.bron.suffix != ".ipynb":
            raise UsageError(f"--bron {args.bron} is geen notebook: de naam moet eindigen op .ipynb")
    for path in args.notebook:
        _submission(path, root, args.bron is not None)
    if args.csv is not None:
        output_file(args.csv, suffixes=(".csv",))
    if args.feedback is not None:
        output_folder(args.feedback)
    if not assignments.nbgrader_available():
        raise UsageError("nakijken gebruikt nbgrader; installeer het eerst: pip install 'nbgrader>=0.9.6'")
    try:
        table = assignments.grade_submissions(args.notebook, source=args.bron, root=root, feedback=args.feedback)
    except RuntimeError as exc:
        raise UsageError(f"nbgrader kon niet nakijken: {str(exc).splitlines()[-1]}") from None
    several = table["student"].nunique() > 1 or len(args.notebook) > 1
    for (path, student), rows in table.groupby(["bestand", "student"], sort=False):
        if several:
            print(f"== {student} ({path})")
        for row in rows.itertuples():
            points = "?" if math.isnan(row.punten) else f"{row.punten:g}"
            print(f"{row.grade_id:<28} {row.soort:<12} {points:>4} / {row.max_punten:g}  {row.toelichting}")
        auto = rows[rows["soort"] == "automatisch"]
        manual = int(rows["punten"].isna().sum())
        print(f"automatisch nagekeken: {auto['punten'].sum():g} van {auto['max_punten'].sum():g} punten; "
              f"handmatig na te kijken: {manual} {'onderdeel' if manual == 1 else 'onderdelen'}")
    if args.csv is not None:
        from ..io.atomic import atomic_write_text

        try:
            atomic_write_text(args.csv, table.to_csv(index=False))
        except OSError as exc:
            exc.filename = None  # the message names the CSV file itself
            raise UsageError(f"{describe_os_error(exc)}; {args.csv} is niet geschreven en is zoals het was; "
                             "de punten staan hierboven") from None
    if args.feedback is not None:
        print(f"feedback: {args.feedback}")
    return 0


def _verzamel(args) -> int:
    from .. import klas
    from ..checks import at_least, describe_os_error, existing_path, output_folder

    folder = existing_path(args.map, "folder")
    out = output_folder(args.out if args.out is not None else folder / "klasresultaat")
    at_least(args.k, 1, "--k")
    if out.resolve() == folder.resolve() or out.resolve() in folder.resolve().parents:
        raise UsageError(f"--out {out} is de map met de ingeleverde bestanden (of bevat die); kies een andere uitvoermap")
    if out.is_dir():
        strangers = sorted(p.name for p in out.iterdir() if p.name not in (*klas.OUTPUT_NAMES, "overgeslagen.csv"))
        if strangers:
            raise UsageError(f"{out} bevat al andere bestanden ({', '.join(strangers[:3])}{' ...' if len(strangers) > 3 else ''}); "
                             "netles klas verzamel vervangt de hele map: kies een lege of nieuwe map")
    if not any(p.is_file() for p in folder.glob("*.json")):
        raise UsageError(f"in {folder} staan geen netwerkbestanden (*.json)")
    try:
        result = klas.collect(folder, out=out, k=args.k)
    except OSError as exc:
        kept = f"; de vorige uitvoer in {out} is nog compleet" if out.is_dir() else ""
        raise UsageError(f"{describe_os_error(exc)}; er is niets geschreven{kept}") from None
    for name, reason in result.rejected:
        print(f"overgeslagen: {name}: {reason}", file=sys.stderr)
    print(f"{result.n_networks} netwerken verzameld; dataset in {result.dataset_dir}; rapport: {result.report}")
    if result.rejected:
        print(f"de lijst van overgeslagen bestanden (alleen voor jou): {out / klas.TEACHER_ONLY / klas.SKIPPED_FILE}")
    return 0 if result.n_networks else 1
