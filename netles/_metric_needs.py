"""Which profile metrics need which alter column: constants shared by validation and profiles.

:func:`netles.profile_many` gives NaN for these metrics where the column is missing, and
:mod:`netles.validation` says so once when a dataset is read. They live here, below both, so that
validation (which :mod:`netles.io` runs) does not import the profile code. Public as
``netles.profile.RELATION_METRICS`` and so on.

>>> "share_strong" in CIRCLE_METRICS
True
"""
from __future__ import annotations

__all__ = ["RELATION_METRICS", "CIRCLE_METRICS", "SECTOR_METRICS"]

RELATION_METRICS = ("share_family", "share_professional", "n_categories_relation", "blau_relation", "iqv_relation", "entropy_relation")
"""Metrics that need every alter's relation: NaN in :func:`netles.profile_many` for an ego with an alter
whose relation is missing (datasets allow it: exports of other tools never carry netles codes)."""
CIRCLE_METRICS = ("share_strong",)
"""Metrics that need the circle, which defaults from the relation: NaN for an ego with an alter
that has neither."""
SECTOR_METRICS = ("n_categories_sector", "blau_sector", "iqv_sector", "entropy_sector")
"""Metrics that need the sector, which defaults from the relation: NaN for an ego with an alter
that has neither."""
