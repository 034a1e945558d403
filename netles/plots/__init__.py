"""Plotly figures of the instruments social workers use, and their export.

Every function returns a :class:`plotly.graph_objects.Figure` with Dutch labels (``lang="en"`` for
English), taken from :mod:`netles.vocab` and :func:`netles.profile.metric_label`:

- :func:`netwerkcirkel`: the netwerkcirkel of Lensink (rings by closeness, quadrants by sector);
- :func:`ecogram`: the client amid the systems of daily life;
- :func:`genogram`: the family over three generations with the standard symbols;
- :func:`sociogram`: who knows whom among the alters;
- :func:`profile_chart` and :func:`compare_profiles`: the quality profile against a reference or
  before against after;
- :func:`to_html` (offline, plotly.js embedded) and :func:`to_png` (kaleido), :func:`png_session`.
"""
from .ecogram import RELATION_SYSTEM, SYSTEM, ecogram, ecogram_layout
from .export import png_session, to_html, to_png
from .genogram import FAMILY_SCHEMA, family_tree, genogram, validate_family
from .moments import moments_animation, moments_side_by_side
from .netwerkcirkel import netwerkcirkel, netwerkcirkel_layout
from .profile_charts import REFERENCE_MILD_ID, Reference, compare_profiles, profile_chart
from .sociogram import sociogram, sociogram_layout

__all__ = [
    "FAMILY_SCHEMA",
    "REFERENCE_MILD_ID",
    "RELATION_SYSTEM",
    "Reference",
    "SYSTEM",
    "compare_profiles",
    "ecogram",
    "ecogram_layout",
    "family_tree",
    "genogram",
    "moments_animation",
    "moments_side_by_side",
    "netwerkcirkel",
    "netwerkcirkel_layout",
    "png_session",
    "profile_chart",
    "sociogram",
    "sociogram_layout",
    "to_html",
    "to_png",
    "validate_family",
]
