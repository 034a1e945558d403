"""Old name of :mod:`netles.io.folder`, kept so that older imports work."""
from .folder import *  # noqa: F401,F403
from .folder import __all__, _parquet_ready  # noqa: F401
