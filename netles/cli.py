"""The ``netles`` command: ``netles --help`` lists the subcommands."""
from __future__ import annotations

import argparse
import importlib
import sys

__all__ = ["main", "build_parser"]

# One module per area in netles.commands; each registers its own subcommands.
COMMAND_MODULES = ("figures", "data", "research", "app", "lessons", "klas")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every available subcommand."""
    parser = argparse.ArgumentParser(
        prog="netles",
        description="netles: lessons and research on the personal networks of people who receive care or support.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"netles.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"netles.commands.{name}":
                continue  # that area has no commands yet
            raise
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the ``netles`` command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    from .errors import ValidationError

    try:
        return int(args.func(args) or 0)
    except ValidationError as exc:
        print(f"netles: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
