"""Old name of :mod:`netles.longtables` (the dataset model), kept so that older imports work.

``netles/dataset.py``, ``netles/datasets.py`` (the bundled example data) and the dataset readers
had one name for three things; the model now lives in :mod:`netles.longtables`. Import
:class:`netles.Dataset` or ``netles.longtables`` in new code.
"""
from .longtables import *  # noqa: F401,F403
from .longtables import __all__  # noqa: F401
