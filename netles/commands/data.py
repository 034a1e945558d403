"""``netles validate`` and ``netles anonymise``: check a dataset, and make it fit to share."""
from __future__ import annotations

import argparse
import os
import secrets
import sys
from pathlib import Path

from .reading import add_reading_options, read_from_args, require_egos

__all__ = ["register", "run_validate", "run_anonymise"]


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
    p.set_defaults(func=run_validate)

    p = subparsers.add_parser(
        "anonymise",
        help="make a dataset fit to share: pseudonyms, no names, coarse ages, k-anonymity",
        description=(
            "Read a dataset and write an anonymised copy to a new folder: ego and alter ids become "
            "pseudonyms made with your secret key (the same key gives the same pseudonyms, so a "
            "later wave links up), names and free text are dropped, ages become age bands and "
            "travel times classes, and egos whose combination of age band, gender, group and "
            "region occurs fewer than K times are left out with their networks. Egos with "
            "problems are left out too (see netles validate). The key is never written into the "
            "output; keep the key file somewhere safe and outside the output folder."
        ),
    )
    p.add_argument("path", help="the dataset folder or file to anonymise (it is not changed)")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the anonymised dataset")
    p.add_argument("--key-file", required=True, metavar="FILE", help="file with your secret key; if it does not exist yet, a new random key is made and saved there")
    p.add_argument("--k", type=int, default=5, help="smallest group size allowed for the quasi-identifiers (default 5)")
    p.add_argument("--allow-names", action="store_true", help="keep the name column (only for names that already are agreed pseudonyms)")
    p.add_argument("--keep", action="append", default=[], metavar="COLUMN", help="also keep this extra column (may be given more than once)")
    p.add_argument("--format", choices=("csv", "parquet", "graphml"), default="csv", help="format of the output (default csv)")
    add_reading_options(p)
    p.set_defaults(func=run_anonymise)


def run_validate(args: argparse.Namespace) -> int:
    """Print the validation report; 0 without problems, 1 with."""
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


def run_anonymise(args: argparse.Namespace) -> int:
    """Anonymise a dataset into ``--out``; returns 0 (2 on refusal)."""
    from ..anonymise import anonymise
    from ..io.atomic import atomic_write_text
    from ..io import write_dataset

    source, out, key_file = Path(args.path), Path(args.out), Path(args.key_file)
    if _inside(out, source) or _inside(source, out):
        print("netles: --out must be a folder outside the input (the input is never changed)", file=sys.stderr)
        return 2
    if _inside(key_file, out):
        print("netles: the key file must not be inside the output folder: the key stays with you", file=sys.stderr)
        return 2
    # read first: a dataset no ego of which can be used stops here, before a key file is made
    ds = read_from_args(args, source)
    require_egos(ds, source)
    if key_file.exists():
        key = key_file.read_bytes().strip()
    else:
        key = secrets.token_hex(32).encode()
        key_file.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(key_file, key.decode() + "\n")
        os.chmod(key_file, 0o600)
        print(f"A new secret key was made and saved in {key_file}. Keep it safe: with it, later waves get the same pseudonyms.")
    report = ds.meta["problems"]
    if not report.ok:
        print(f"{len(report)} problem(s) in the input; {len(report.excluded)} ego(s) left out (run netles validate for the list).")
    keep = list(args.keep) + (["name"] if args.allow_names else [])
    try:
        anon, kreport = anonymise(ds, key, k=args.k, keep=keep)
    except ValueError as exc:
        print(f"netles: {exc}", file=sys.stderr)
        return 2
    target = out / "dataset.graphml" if args.format == "graphml" else out
    if args.format == "graphml":
        out.mkdir(parents=True, exist_ok=True)
    write_dataset(anon, target, format=args.format, allow_names=args.allow_names)
    print(kreport)
    print(f"Written to {target}.")
    return 0
