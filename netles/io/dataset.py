"""Old name of :mod:`netles.io.read` and :mod:`netles.io.write`, kept so that older imports work.

Import :func:`netles.read_dataset` / :func:`netles.write_dataset` (or ``netles.io``) in new code.
"""
from .read import FORMATS, detect_format, read_dataset  # noqa: F401
from .write import write_dataset  # noqa: F401

__all__ = ["FORMATS", "detect_format", "read_dataset", "write_dataset"]
