"""Subcommands of the ``netles`` command line, one module per area.

Each module defines ``register(subparsers)``, which adds its subcommands with their ``--help`` in
plain words and sets ``func`` on each parser to a function taking the parsed arguments and
returning an exit status.
"""
