"""The options every command that reads a dataset shares: ``--mapping``, ``--edge-types``, ``--na-values``.

``netles validate``, ``profile``, ``rapport`` and ``anonymise`` read a dataset the same way, with
:func:`netles.read_dataset`. :func:`add_reading_options` adds the three options to a subcommand's
parser, :func:`read_from_args` reads the dataset with them, and :func:`require_egos` stops with
one plain line (exit status 2) and what to do when not a single ego can be profiled.
"""
from __future__ import annotations

import argparse
from collections import Counter

from ..errors import UsageError

__all__ = ["add_reading_options", "reading_options", "read_from_args", "require_egos", "no_ego_message"]


def _list(text: str | None) -> list[str] | None:
    if text is None:
        return None
    return [part.strip() for part in text.split(",") if part.strip()]


def add_reading_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--mapping``, ``--edge-types`` and ``--na-values`` to a subcommand."""
    group = parser.add_argument_group("reading the dataset")
    group.add_argument("--mapping", metavar="FILE",
                       help="YAML file that translates the study's own column names and values into netles fields "
                            "(not needed to read egor, Network Canvas, ideanet or GraphML files; see docs/research.md)")
    group.add_argument("--edge-types", metavar="TYPES",
                       help="keep only ties of these types, separated by commas (Network Canvas edge types, a type "
                            "column), e.g. Close; default: every type, one tie per pair with a column per type")
    group.add_argument("--na-values", metavar="VALUES",
                       help="cell values that mean 'missing', separated by commas, e.g. --na-values=-99,. (write '=' "
                            "when the first value starts with a dash; empty cells and NA always mean missing)")


def reading_options(args: argparse.Namespace) -> dict:
    """The keyword arguments of :func:`netles.read_dataset` given on the command line."""
    return {"mapping": getattr(args, "mapping", None), "edge_types": _list(getattr(args, "edge_types", None)),
            "na_values": _list(getattr(args, "na_values", None))}


def read_from_args(args: argparse.Namespace, path, **kwargs):
    """Read the dataset at ``path`` with the reading options of ``args`` (see :func:`netles.read_dataset`)."""
    from ..io.read import read_dataset

    return read_dataset(path, **reading_options(args), **kwargs)


def no_ego_message(report, path) -> str | None:
    """What to say when no ego of the dataset can be profiled (None when some can).

    Examples
    --------
    >>> from netles.validation import ValidationReport
    >>> from netles.errors import Problem
    >>> report = ValidationReport([Problem("'A' is not an alter of ego 'e1'", file="ties.csv", row=2, ego="e1", field="target")],
    ...                           n_egos=1, kept=[], excluded=["e1"])
    >>> print(no_ego_message(report, "studie"))
    no ego can be profiled: every one of the 1 ego(s) in studie has a problem (most often in ties.csv, field 'target': 'A' is not an alter of ego 'e1'); run netles validate studie for the list, and see docs/research.md
    """
    if report is None or report.kept:
        return None
    if not report.n_egos:
        return (f"no ego can be profiled: {path} holds no egos; check that it is the dataset you mean "
                "(netles validate lists what was read, docs/research.md the formats)")
    counts = Counter((p.file, p.field) for p in report.problems)
    if counts:
        (file, field_), _ = counts.most_common(1)[0]
        example = next(p for p in report.problems if (p.file, p.field) == (file, field_))
        where = f"{file}, field {field_!r}" if field_ else str(file)
        common = f" (most often in {where}: {example.message})"
    else:
        common = ""
    return (f"no ego can be profiled: every one of the {report.n_egos} ego(s) in {path} has a problem{common}; "
            f"run netles validate {path} for the list, and see docs/research.md")


def require_egos(ds, path) -> None:
    """Stop (:class:`netles.UsageError`: one line, exit status 2) when no ego can be profiled.

    Raises
    ------
    UsageError
        Saying why and what to do.
    """
    message = no_ego_message(ds.meta.get("problems"), path)
    if message:
        raise UsageError(message)
