"""Plotly figures of the instruments social workers use, and their export.

Every function returns a :class:`plotly.graph_objects.Figure` with Dutch labels (``lang="en"`` for
English), taken from :mod:`netles.vocab` and :func:`netles.profile.metric_label`, in the netles
template (white, the netles colours, decimal comma and thousands dot in Dutch; see
:mod:`netles.plots.style`):

- :func:`netwerkcirkel`: the netwerkcirkel of Lensink (rings by closeness, quadrants by sector);
  :func:`netwerkcirkel_layout` gives the position of every alter on its own;
- :func:`ecogram`: the client amid the systems of daily life;
- :func:`genogram`: the family over three generations with the standard symbols;
- :func:`sociogram`: who knows whom among the alters;
- :func:`profile_chart` and :func:`compare_profiles`: the quality profile against a reference or
  before against after;
- :func:`plot_distributions`, :func:`plot_group_profiles` and :func:`plot_moment_changes`: groups
  of egos and their change between moments, beside the tables of :mod:`netles.compare`;
- :func:`support_chart`, :func:`count_chart` and :func:`carer_load_chart`: small charts of counts
  with whole-number axes;
- :func:`to_html` (offline, plotly.js embedded) and :func:`to_png` (kaleido), :func:`png_session`.

The instruments take ``width`` and ``height``: names are placed for the size the figure is shown
at, none overlaps another and none is cut off (:func:`text_problems` checks a figure). Draw the
figure at the size of the widget or slide (:data:`SIZES`) rather than resizing it afterwards.
"""
from ._frame import SIZES
from .charts import carer_load_chart, count_chart, support_chart
from .comparisons import plot_distributions, plot_group_profiles, plot_moment_changes
from .ecogram import RELATION_SYSTEM, SYSTEM, ecogram, ecogram_layout
from .export import find_chromium, png_session, to_html, to_png
from .genogram import FAMILY_SCHEMA, family_tree, genogram, validate_family
from .moments import moments_animation, moments_side_by_side, moments_summary
from .netwerkcirkel import netwerkcirkel, netwerkcirkel_layout, ring_name
from .profile_charts import REFERENCE_MILD_ID, Reference, compare_profiles, profile_chart
from .sociogram import sociogram, sociogram_layout
from .style import TEMPLATE, count_axis, format_number, separators, style, template_name
from .textboxes import text_boxes, text_problems

__all__ = [
    "FAMILY_SCHEMA",
    "REFERENCE_MILD_ID",
    "RELATION_SYSTEM",
    "Reference",
    "SIZES",
    "SYSTEM",
    "TEMPLATE",
    "carer_load_chart",
    "compare_profiles",
    "count_axis",
    "count_chart",
    "ecogram",
    "ecogram_layout",
    "family_tree",
    "find_chromium",
    "format_number",
    "genogram",
    "moments_animation",
    "moments_side_by_side",
    "moments_summary",
    "netwerkcirkel",
    "netwerkcirkel_layout",
    "plot_distributions",
    "plot_group_profiles",
    "plot_moment_changes",
    "png_session",
    "profile_chart",
    "ring_name",
    "separators",
    "sociogram",
    "sociogram_layout",
    "style",
    "support_chart",
    "template_name",
    "text_boxes",
    "text_problems",
    "to_html",
    "to_png",
    "validate_family",
]
