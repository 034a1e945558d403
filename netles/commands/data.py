"""``netles validate`` and ``netles anonymise``: check a dataset, and make it fit to share."""
from __future__ import annotations

import argparse
import os
import secrets
import sys
from pathlib import Path

from ..errors import UsageError
from ..checks import at_least, existing_path, output_file, output_folder
from .reading import add_reading_options, read_from_args, require_egos

__all__ = ["register", "run_validate", "run_anonymise", "REPORT_FILE"]

REPORT_FILE = "anonymisation.txt"
"""What ``netles anonymise`` writes beside the tables: which columns were kept, and why."""


def register(subparsers) -> None:
    """Add the ``validate`` and ``anonymise`` subcommands."""
    p = subparsers.add_parser(
        "validate",
        help="check a dataset and list every problem",
        description=(
            "Read a dataset (a netles folder, a Network Canvas export, egor's three tables or "
            "GraphML) and list every problem at once: which file, which row, which ego, which "
            "field, and what would be allowed. Nothing in the dataset is changed. Exit status: "
            "0 when all is well, 1 when there are problems."
        ),
    )
    p.add_argument("path", help="the dataset folder or file")
    p.add_argument("--strict", action="store_true", help="stop with an error (exit status 2) at any problem")
    p.add_argument("--all", action="store_true", help="list every problem (by default the first 50)")
    add_reading_options(p)
    p.set_defaults(func=run_validate, messages="en")

    p = subparsers.add_parser(
        "anonymise",
        help="make a dataset fit to share: pseudonyms, no names, coarse ages, k-anonymity",
        description=(
            "Read a dataset and write an anonymised copy to a new folder: ego and alter ids become "
            "pseudonyms made with your secret key (the same key gives the same pseudonyms, so a "
            "later wave links up), names, free text and study variables are dropped (keep one with "
            "--keep, or declare its code list with --codes), ages become age bands and travel "
            "times classes, and egos whose combination of age band, gender and the kept group and "
            "region occurs fewer than K times are left out with their networks. Egos with "
            "problems are left out too (see netles validate). The folder gets anonymisation.txt: "
            "every column, kept or dropped, and why. The output appears whole or not at all, and "
            "a new key file is made only when it does. The key is never written into the "
            "output; keep the key file somewhere safe and outside the output folder."
        ),
    )
    p.add_argument("path", help="the dataset folder or file to anonymise (it is not changed)")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the anonymised dataset")
    p.add_argument("--key-file", required=True, metavar="FILE", help="file with your secret key; if it does not exist yet, a new random key is made and saved there")
    p.add_argument("--k", type=int, default=5, help="smallest group size allowed for the quasi-identifiers (default 5)")
    p.add_argument("--allow-names", action="store_true", help="keep the name column (only for names that already are agreed pseudonyms)")
    p.add_argument("--keep", action="append", default=[], metavar="COLUMN",
                   help="also keep this column although it is free text or a study variable, e.g. the column with the "
                        "groups you compare (may be given more than once)")
    p.add_argument("--codes", action="append", default=[], metavar="COLUMN=CODES",
                   help="declare the code list of a column, e.g. --codes group=lvb,ggz,ouderen: the column is kept when "
                        "every value is one of these codes (values listed for group in a --mapping count too)")
    p.add_argument("--format", choices=("csv", "parquet", "graphml"), default="csv", help="format of the output (default csv)")
    add_reading_options(p)
    p.set_defaults(func=run_anonymise, messages="en")


def run_validate(args: argparse.Namespace) -> int:
    """Print the validation report; 0 without problems, 1 with."""
    existing_path(args.path, "any", lang="en")
    ds = read_from_args(args, args.path, strict=args.strict)
    report = ds.meta["problems"]
    print(report.text(None if args.all else 50))
    if not report.ok:
        print()
        print(report.summary().to_string(index=False))
    return 0 if report.ok else 1


def _inside(child: Path, parent: Path) -> bool:
    child, parent = child.resolve(), parent.resolve()
    return child == parent or parent in child.parents


# what a previous run of netles anonymise leaves in its folder (and may therefore be replaced)
_OUTPUT_FILES = {f"{t}.{fmt}" for t in ("egos", "alters", "ties") for fmt in ("csv", "parquet")} | {
    "dataset.graphml", REPORT_FILE}


def _codes(args: argparse.Namespace) -> dict:
    """Declared code lists: ``--codes COLUMN=A,B`` and the values a ``--mapping`` lists for free fields."""
    codes: dict[str, set] = {}
    if getattr(args, "mapping", None):
        from ..io.mapping import read_mapping

        mapping = read_mapping(args.mapping)
        for table in ("egos", "alters"):
            for fname, values in mapping.values(table).items():
                if fname == "group":  # the one free-text field of the data model that a mapping can code
                    codes.setdefault(fname, set()).update(str(v) for v in values.values())
    for item in args.codes:
        column, sep, values = item.partition("=")
        listed = {v.strip() for v in values.split(",") if v.strip()}
        if not sep or not column.strip() or not listed:
            raise UsageError(f"--codes {item}: write COLUMN=CODE1,CODE2 (for example --codes group=lvb,ggz,ouderen)")
        codes.setdefault(column.strip(), set()).update(listed)
    return codes


def _check_anonymise_args(args: argparse.Namespace) -> tuple[Path, Path, Path, bytes | None]:
    """Every argument of ``netles anonymise`` checked before any work; returns the paths and the key."""
    source = existing_path(args.path, "any", lang="en")
    out = output_folder(args.out, lang="en")
    key_file = Path(args.key_file)
    at_least(args.k, 1, "--k", lang="en")
    if _inside(out, source) or _inside(source, out):
        raise UsageError("--out must be a folder outside the input (the input is never changed)")
    if _inside(key_file, out):
        raise UsageError("the key file must not be inside the output folder: the key stays with you")
    if out.is_dir():
        strangers = sorted(p.name for p in out.iterdir() if p.name not in _OUTPUT_FILES)
        if strangers:
            raise UsageError(f"{out} already holds other files ({', '.join(strangers[:3])}{' ...' if len(strangers) > 3 else ''}); "
                             "netles anonymise replaces the whole folder: choose a new or empty folder")
    key = None
    if key_file.exists():
        existing_path(key_file, "file", lang="en", what="--key-file")
        key = key_file.read_bytes().strip()
        if len(key) < 16:
            raise UsageError(f"--key-file {key_file}: the key must be at least 16 characters (a new file gets a random key)")
    else:
        output_file(key_file, lang="en")
    return source, out, key_file, key


def run_anonymise(args: argparse.Namespace) -> int:
    """Anonymise a dataset into ``--out``, all or nothing; the key file is made only when that succeeds."""
    from ..anonymise import anonymise
    from ..io import write_dataset
    from ..io.atomic import atomic_folder, atomic_write_text

    source, out, key_file, key = _check_anonymise_args(args)
    codes = _codes(args)
    # read first: a dataset no ego of which can be used stops here, before anything is written
    ds = read_from_args(args, source)
    require_egos(ds, source)
    keep = list(dict.fromkeys(list(args.keep) + (["name"] if args.allow_names else [])))
    columns = set(ds.egos.columns) | set(ds.alters.columns) | set(ds.ties.columns)
    unknown = [c for c in [*keep, *codes] if c not in columns and c != "name"]
    if unknown:
        raise UsageError(f"the dataset has no column {unknown[0]!r} (--keep/--codes); its ego columns are "
                         f"{', '.join(map(str, ds.egos.columns))}")
    new_key = key is None
    if new_key:
        key = secrets.token_hex(32).encode()
    report = ds.meta["problems"]
    if not report.ok:
        print(f"{len(report)} problem(s) in the input; {len(report.excluded)} ego(s) left out (run netles validate for the list).")
    anon, kreport = anonymise(ds, key, k=args.k, keep=keep, codes=codes)
    target_name = "dataset.graphml" if args.format == "graphml" else None
    made_key = False
    try:
        with atomic_folder(out) as tmp:
            write_dataset(anon, tmp / target_name if target_name else tmp, format=args.format, allow_names=args.allow_names)
            atomic_write_text(tmp / REPORT_FILE, _report_text(kreport, args))
            if new_key:  # last: the key exists only when the whole output could be written
                _write_key(key_file, key)
                made_key = True
    except BaseException as exc:
        if made_key:
            key_file.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            from ..checks import describe_os_error

            raise UsageError(f"{describe_os_error(exc, 'en')}; nothing was written"
                             + (f" and {out} still holds the previous output, complete" if out.is_dir() else "")) from None
        raise
    if new_key:
        print(f"A new secret key was made and saved in {key_file}. Keep it safe: with it, later waves get the same pseudonyms.")
    print(kreport.text())
    print(f"Written to {out / target_name if target_name else out} (what was kept and why: {out / REPORT_FILE}).")
    return 0


def _write_key(path: Path, key: bytes) -> None:
    """Write the key readable by its owner only from the first byte on, and atomically."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")  # mkstemp: mode 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(key + b"\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _report_text(kreport, args) -> str:
    """The account of the anonymisation that travels with the data (no id, value or key in it)."""
    lines = ["# Anonymised with netles anonymise", "", f"k = {kreport.k}; " + str(kreport), "",
             "Columns (ids are replaced by keyed pseudonyms; the key is not in this folder):"]
    for row in kreport.columns_frame().itertuples():
        lines.append(f"- {row.table}.{row.column}: {'kept' if row.kept else 'dropped'} ({row.reason})")
    classes = kreport.to_frame()
    lines += ["", "Groups on the quasi-identifiers (number of egos per combination):", "",
              classes.to_string(index=False) if len(classes) else "(none)"]
    return "\n".join(lines) + "\n"
