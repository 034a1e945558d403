"""Charts of the quality profile: one network against a reference, and before against after.

Metrics live on different scales, so the charts keep two panels: shares and indices between 0 and 1
(density, share of family, diversity...) on one axis, and numbers of people or functions (size,
groups, support functions covered...) on the other, whose ticks are whole numbers. Every bar carries
its value as text with at most two decimals, and every label is a Dutch (or English) name, never a
metric key; in Dutch the decimal sign is a comma everywhere, ticks and hover included (the netles
template, :mod:`netles.plots.style`).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..profile import metric_label
from . import _common as C
from .style import count_axis, format_number, style

__all__ = ["profile_chart", "compare_profiles", "Reference", "REFERENCE_MILD_ID", "DEFAULT_KEYS", "COUNT_KEYS"]

DEFAULT_KEYS = (
    "size", "components", "support_coverage", "multiplexity",
    "density", "share_family", "share_professional", "share_strong", "share_weekly", "share_reachable",
    "share_mutual", "share_burdening", "max_support_share", "blau_relation",
)
"""The metrics the charts show unless told otherwise: the ones a lesson talks about."""

COUNT_KEYS = ("size", "components", "isolates", "effective_size", "broker_pairs", "support_coverage", "multiplexity")
"""Metrics that count people or functions (drawn in the "aantallen" panel); ``n_categories_*`` too."""


@dataclass(frozen=True)
class Reference:
    """Published or class figures to compare a profile with.

    Parameters
    ----------
    values : mapping
        Metric key -> value (only the metrics the source reports).
    name : tuple of str
        Short Dutch and English name for the legend.
    citation : str
        Where the figures come from.
    """

    values: Mapping[str, float]
    name: tuple[str, str]
    citation: str = ""

    def series(self) -> pd.Series:
        """The values as a Series."""
        return pd.Series(dict(self.values), dtype="float64")


REFERENCE_MILD_ID = Reference(
    values={"size": 14.2, "share_family": 0.427, "share_professional": 0.245},
    name=("gemiddelde volwassenen met een lichte verstandelijke beperking",
          "mean of adults with a mild intellectual disability"),
    citation=("van Asselt-Goverts, A. E., Embregts, P. J. C. M., & Hendriks, A. H. C. (2013). Structural and "
              "functional characteristics of the social networks of people with mild intellectual disabilities. "
              "Research in Developmental Disabilities, 34(4), 1280-1288. 33 adults living independently: "
              "mean network size 14.2 (range 4-28), 42.7% family, 24.5% professionals."),
)
"""The published mean network of adults with a mild intellectual disability (REFERENCES.md, section 5)."""


def _is_count(key: str) -> bool:
    return key in COUNT_KEYS or key.startswith("n_categories_")


def _fmt(value: float, lang: str) -> str:
    return format_number(value, lang, 2)


def _as_series(values, what: str) -> pd.Series:
    if isinstance(values, Reference):
        return values.series()
    if isinstance(values, pd.Series):
        return values.astype("float64")
    if isinstance(values, Mapping):
        return pd.Series(dict(values), dtype="float64")
    raise TypeError(f"{what} must be a pandas Series, a dict or a Reference, not {type(values).__name__}")


def _bars(series_list: Sequence[tuple[str, pd.Series, str]], keys: Sequence[str], lang: str, title: str,
          width: int = 900) -> go.Figure:
    for name, s, _ in series_list:
        unknown = [k for k in keys if k not in s.index and name == series_list[0][0]]
        if unknown:
            raise KeyError(f"{unknown[0]!r} is not in the profile")
    shares = [k for k in keys if not _is_count(k)]
    counts = [k for k in keys if _is_count(k)]
    panels = [(p, ks) for p, ks in (("shares", shares), ("counts", counts)) if ks]
    i = C.check_lang(lang)
    titles = {"shares": ("aandelen en maten (0 tot 1)", "shares and indices (0 to 1)"),
              "counts": ("aantallen", "counts")}
    heights = [len(ks) for _, ks in panels]
    fig = make_subplots(rows=len(panels), cols=1, row_heights=heights, vertical_spacing=0.12 if len(panels) > 1 else 0.05,
                        subplot_titles=[titles[p][i] for p, _ in panels])
    for row, (panel, ks) in enumerate(panels, start=1):
        labels = [metric_label(k, lang) for k in ks]
        for n, (name, s, color) in enumerate(series_list):
            values = [float(s[k]) if k in s.index else math.nan for k in ks]
            has = [not math.isnan(v) for v in values]
            if not any(has):
                continue
            fig.add_trace(go.Bar(
                y=labels, x=[v if not math.isnan(v) else None for v in values], orientation="h", name=name,
                marker=dict(color=color), text=[_fmt(v, lang) if not math.isnan(v) else "" for v in values],
                textposition="outside", cliponaxis=False, legendgroup=name,
                customdata=ks, hovertemplate="%{y}: %{text}<extra>" + name + "</extra>", meta={"role": "profile", "series": name},
                textfont=dict(size=13),
            ), row=row, col=1)
        fig.update_yaxes(autorange="reversed", row=row, col=1)
        if panel == "shares":
            low = min([0.0] + [float(s[k]) for _, s, _ in series_list for k in ks if k in s.index and not math.isnan(s[k])])
            fig.update_xaxes(range=[min(low, 0) * 1.15, 1.15], row=row, col=1)
        else:
            top = max([1.0] + [float(s[k]) for _, s, _ in series_list for k in ks if k in s.index and not math.isnan(s[k])])
            axis = "x" + ("" if row == 1 else str(row))
            count_axis(fig, axis, top)
            fig.update_xaxes(range=[0, top * 1.18], row=row, col=1)
    # every series in the legend once, whichever panel it first appears in
    seen = set()
    for tr in fig.data:
        tr.showlegend = tr.name not in seen
        seen.add(tr.name)
    height = 170 + 28 * sum(heights) * len(series_list)
    style(fig, lang)
    fig.update_layout(
        barmode="group", width=width, height=height,
        margin=dict(l=20, r=40, t=110, b=40), title=dict(text=title, x=0.02, y=1 - 22 / height, yanchor="top", font=dict(size=18)),
        bargap=0.25,
        # the legend sits under the title, above the first panel title, at a fixed distance from the top
        legend=dict(orientation="h", x=0.02, xanchor="left", y=1 - 58 / height, yanchor="top", yref="container", font=dict(size=13)),
    )
    return fig


def profile_chart(profile: pd.Series, reference=None, *, keys: Sequence[str] | None = None, lang: str = "nl",
                  name: str | None = None, reference_name: str | None = None, title: str | None = None,
                  width: int = 900) -> go.Figure:
    """The quality profile of one network, optionally next to a reference.

    Parameters
    ----------
    profile : pandas.Series
        The output of :func:`netles.quality_profile`.
    reference : Series, dict or Reference, optional
        Figures to compare with: a class average (e.g. ``profile_many(ds).mean()``) or a published
        reference such as :data:`REFERENCE_MILD_ID`. Metrics the reference lacks show only the
        profile's bar.
    keys : sequence of str, optional
        Which metrics, in order (default :data:`DEFAULT_KEYS`).
    lang : {"nl", "en"}
    name, reference_name : str, optional
        Legend names (default "dit netwerk", and the reference's name or "referentie"). The
        profile's own ``name`` is an ego id, an internal code, so it is not shown unless given here.
    title : str, optional
    width : int
        Width in pixels (the height follows from the number of bars).

    Returns
    -------
    plotly.graph_objects.Figure
        Bars in traces with ``meta["role"] == "profile"``; ``customdata`` holds the metric keys.

    Examples
    --------
    >>> from netles import datasets, quality_profile
    >>> p = quality_profile(datasets.load_case("voorbeeld"))
    >>> fig = profile_chart(p, REFERENCE_MILD_ID)
    >>> ref = [t for t in fig.data if t.name.startswith("gemiddelde")]
    >>> sorted(k for t in ref for k, x in zip(t.customdata, t.x) if x is not None)
    ['share_family', 'share_professional', 'size']
    """
    i = C.check_lang(lang)
    keys = list(keys or DEFAULT_KEYS)
    own = _as_series(profile, "profile")
    name = name or ("dit netwerk", "this network")[i]
    series = [(name, own, "#0072B2")]
    if reference is not None:
        ref = _as_series(reference, "reference")
        ref_name = reference_name or (reference.name[i] if isinstance(reference, Reference) else ("referentie", "reference")[i])
        series.append((ref_name, ref, "#BDBDBD"))
    default_title = ("Kwaliteit van het netwerk", "Quality of the network")[i]
    return _bars(series, keys, lang, default_title if title is None else title, width)


def compare_profiles(before: pd.Series, after: pd.Series, *, keys: Sequence[str] | None = None, lang: str = "nl",
                     names: tuple[str, str] | None = None, title: str | None = None, width: int = 900) -> go.Figure:
    """Two quality profiles side by side (before and after an intervention, or two clients).

    Parameters
    ----------
    before, after : pandas.Series
        Outputs of :func:`netles.quality_profile`.
    keys : sequence of str, optional
        Which metrics (default :data:`DEFAULT_KEYS`).
    lang : {"nl", "en"}
    names : tuple of str, optional
        Legend names (default "voor", "na").
    title : str, optional

    Returns
    -------
    plotly.graph_objects.Figure

    Examples
    --------
    >>> from netles import datasets, quality_profile
    >>> net = datasets.load_case("voorbeeld")
    >>> after = net.with_alter({"alter_id": "G", "name": "Gert (maatje)", "relation": "volunteer", "circle": 2})
    >>> fig = compare_profiles(quality_profile(net), quality_profile(after))
    >>> [dict(zip(t.customdata, t.x))["size"] for t in fig.data if t.meta["series"] in ("voor", "na") and "size" in t.customdata]
    [6.0, 7.0]
    """
    i = C.check_lang(lang)
    names = names or (("voor", "na"), ("before", "after"))[i]
    series = [(names[0], _as_series(before, "before"), "#9E9E9E"), (names[1], _as_series(after, "after"), "#0072B2")]
    default_title = ("Voor en na", "Before and after")[i]
    return _bars(series, list(keys or DEFAULT_KEYS), lang, default_title if title is None else title, width)
