"""The ``netles`` command: ``netles --help`` lists the subcommands.

Every ordinary mistake (a path that does not exist, a full disk, an option out of range, invalid
data) ends in one plain line on standard error and exit status 2, never a Python traceback. Output
into a closed pipe (``netles profile ... | head``) ends quietly. A real bug still ends in one line,
with the traceback written to a log file the line names, so that it can be reported.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
import tempfile
import traceback

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


def _quiet_broken_pipe() -> None:
    # Python flushes stdout again at exit; point it at /dev/null so that flush cannot fail too.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main(argv: list[str] | None = None) -> int:
    """Run the ``netles`` command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    from .checks import describe_os_error
    from .errors import UsageError, ValidationError

    # research commands answer in English, teacher commands in Dutch (set by each subcommand)
    lang = getattr(args, "messages", "nl")
    try:
        return int(args.func(args) or 0)
    except (ValidationError, UsageError) as exc:
        print(f"netles: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        _quiet_broken_pipe()
        return 0
    except KeyboardInterrupt:
        print("netles: stopped" if lang == "en" else "netles: afgebroken", file=sys.stderr)
        return 130
    except OSError as exc:
        print(f"netles: {describe_os_error(exc, lang)}", file=sys.stderr)
        return 2
    except Exception:  # a bug: one line for the user, the details in a file for the report
        fd, log = tempfile.mkstemp(prefix="netles-fout-", suffix=".log")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            traceback.print_exc(file=handle)
        kind = sys.exc_info()[0].__name__
        text = (f"internal error ({kind}); the details are in {log}" if lang == "en"
                else f"interne fout ({kind}); de details staan in {log}")
        print(f"netles: {text}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
