"""Figures of group and before/after comparisons of quality profiles (:mod:`netles.compare`).

:mod:`netles.compare` computes the tables; these functions draw them, in the netles template
(:func:`netles.plots.style`), Dutch labels by default (``lang="en"`` for English):

* :func:`plot_distributions`: one metric per group, a box with every ego as a point;
* :func:`plot_group_profiles`: each group's profile over the metrics, standardised on the whole sample;
* :func:`plot_moment_changes`: the change per group from :func:`netles.compare.paired_moments`,
  with its interval.

Groups are read and ordered exactly as :func:`netles.compare.compare_groups` does, so a figure
shows the groups of the table beside it.
"""
from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

# the statistics' own reading of groups and metrics, so that figure and table always agree
from ..compare import _label_of, _labels, _metrics_of, _order
from .style import style

__all__ = ["plot_distributions", "plot_group_profiles", "plot_moment_changes"]

_TEXT = {
    "group": ("groep", "group"),
    "distribution": ("Verdeling van {label} per groep", "Distribution of {label} by group"),
    "profiles": ("Profiel per groep (gemiddelde, in standaarddeviaties van het totaal)",
                 "Profile per group (mean, in standard deviations of the whole sample)"),
    "z": ("afwijking van het totaalgemiddelde (in SD)", "difference from the overall mean (in SD)"),
    "metric": ("kenmerk", "metric"),
    "mean": ("gemiddelde", "mean"),
    "change": ("Verandering van {before} naar {after} per groep (gemiddelde en 95%-interval)",
               "Change from {before} to {after} per group (mean and 95% interval)"),
    "change_axis": ("verandering (na min voor)", "change (after minus before)"),
}


def _t(key: str, lang: str) -> str:
    if lang not in ("nl", "en"):
        raise ValueError(f"lang must be 'nl' or 'en', not {lang!r}")
    return _TEXT[key][0 if lang == "nl" else 1]


def plot_distributions(profiles: pd.DataFrame, groups, metric: str, *, lang: str = "nl", points: bool = True):
    """Box plot of one metric per group, with every ego as a point.

    Parameters
    ----------
    profiles : pandas.DataFrame
        One row per ego.
    groups : str, pandas.Series or sequence
        As in :func:`netles.compare.compare_groups`.
    metric : str
        The metric to show.
    lang : {"nl", "en"}
        Language of the labels.
    points : bool
        Show every ego as a point beside its box.

    Returns
    -------
    plotly.graph_objects.Figure
        One box trace per group (named after the group).

    Examples
    --------
    >>> profiles = pd.DataFrame({"density": [0.2, 0.4, 0.6, 0.5]}, index=list("abcd"))
    >>> fig = plot_distributions(profiles, ["x", "x", "y", "y"], "density")
    >>> [trace.name for trace in fig.data], fig.layout.title.text
    (['x', 'y'], 'Verdeling van dichtheid per groep')
    """
    labels = _labels(profiles, groups)
    if metric not in profiles.columns:
        raise KeyError(f"the profiles have no column {metric!r}")
    label = _label_of(metric, lang)
    fig = go.Figure()
    for name in _order(labels):
        values = pd.to_numeric(profiles.loc[(labels == name).to_numpy(dtype=bool), metric], errors="coerce").dropna()
        fig.add_trace(go.Box(y=values.to_numpy(), name=str(name), boxpoints="all" if points else "outliers",
                             jitter=0.4, pointpos=-1.6, boxmean=True,
                             hovertemplate=f"{_t('group', lang)} {name}<br>{label}: %{{y:.3f}}<extra></extra>"))
    fig.update_layout(title=_t("distribution", lang).format(label=label), yaxis_title=label,
                      xaxis_title=_t("group", lang), showlegend=False)
    style(fig, lang)
    return fig


def plot_group_profiles(profiles: pd.DataFrame, groups, metrics: Iterable[str] | None = None, *, lang: str = "nl"):
    """The profile of each group as a line over the metrics, standardised on the whole sample.

    Each point is a group's mean of a metric minus the overall mean, divided by the overall
    standard deviation, so that metrics with different units share one axis; the hover text gives
    the group mean in the metric's own unit.

    Parameters
    ----------
    profiles : pandas.DataFrame
    groups : str, pandas.Series or sequence
        As in :func:`netles.compare.compare_groups`.
    metrics : list of str, optional
        Which metrics (default: every metric key present that varies).
    lang : {"nl", "en"}

    Returns
    -------
    plotly.graph_objects.Figure
        One line trace per group.

    Examples
    --------
    >>> profiles = pd.DataFrame({"size": [3.0, 4, 9, 10], "density": [0.9, 0.8, 0.2, 0.3]}, index=list("abcd"))
    >>> fig = plot_group_profiles(profiles, ["x", "x", "y", "y"])
    >>> [trace.name for trace in fig.data], list(fig.data[0].x)
    (['x', 'y'], ['omvang', 'dichtheid'])
    """
    labels = _labels(profiles, groups)
    keys = _metrics_of(profiles.drop(columns=[groups]) if isinstance(groups, str) else profiles, metrics)
    data = profiles[keys].apply(pd.to_numeric, errors="coerce")
    sd = data.std(ddof=1)
    if metrics is None:
        keys = [k for k in keys if sd[k] > 0]
    z = (data[keys] - data[keys].mean()) / sd[keys].replace(0, np.nan)
    names = [_label_of(k, lang) for k in keys]
    fig = go.Figure()
    for name in _order(labels):
        in_group = (labels == name).to_numpy(dtype=bool)
        means = data.loc[in_group, keys].mean()
        fig.add_trace(go.Scatter(
            x=names, y=z.loc[in_group].mean().to_numpy(), mode="lines+markers", name=str(name),
            customdata=means.to_numpy(),
            hovertemplate=f"{name}<br>%{{x}}<br>{_t('mean', lang)}: %{{customdata:.3f}}<extra></extra>",
        ))
    fig.add_hline(y=0, line_dash="dot", line_color="grey")
    fig.update_layout(title=_t("profiles", lang), yaxis_title=_t("z", lang), xaxis_title=_t("metric", lang),
                      legend_title=_t("group", lang))
    style(fig, lang)
    return fig


def plot_moment_changes(table: pd.DataFrame, *, lang: str = "nl", metrics: Iterable[str] | None = None):
    """The change per group from :func:`netles.compare.paired_moments`: a dot per group and metric with its interval.

    Each metric gets its own small panel (metrics have different units); the dotted line is "no
    change".

    Parameters
    ----------
    table : pandas.DataFrame
        The output of :func:`netles.compare.paired_moments`.
    lang : {"nl", "en"}
    metrics : list of str, optional
        Which metrics, in this order (default: those in the table).

    Returns
    -------
    plotly.graph_objects.Figure
        One scatter trace per group (named after the group), with error bars.

    Examples
    --------
    >>> table = pd.DataFrame({"group": ["a", "b"], "before": "t0", "after": "t1", "metric": "size",
    ...                       "mean_difference": [2.0, -0.5], "ci_low": [1.0, -1.5], "ci_high": [3.0, 0.5], "n": [10, 12]})
    >>> fig = plot_moment_changes(table)
    >>> [trace.name for trace in fig.data], fig.layout.title.text
    (['a', 'b'], 'Verandering van t0 naar t1 per groep (gemiddelde en 95%-interval)')
    """
    keys = list(metrics) if metrics is not None else list(dict.fromkeys(table["metric"]))
    groups = list(dict.fromkeys(table["group"]))
    fig = make_subplots(rows=1, cols=max(1, len(keys)), subplot_titles=[_label_of(k, lang) for k in keys],
                        horizontal_spacing=min(0.08, 0.5 / max(1, len(keys))))
    palette = ("#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860")
    for g, name in enumerate(groups):
        rows = table[table["group"] == name].set_index("metric")
        for c, key in enumerate(keys, start=1):
            if key not in rows.index:
                continue
            r = rows.loc[key]
            mean, low, high = float(r["mean_difference"]), float(r["ci_low"]), float(r["ci_high"])
            fig.add_trace(go.Scatter(
                x=[str(name)], y=[mean], mode="markers", name=str(name), legendgroup=str(name), showlegend=c == 1,
                marker=dict(size=10, color=palette[g % len(palette)]),
                error_y=dict(type="data", symmetric=False, array=[high - mean], arrayminus=[mean - low]),
                hovertemplate=f"{name}<br>{_label_of(key, lang)}: %{{y:.2f}}<extra></extra>"), row=1, col=c)
        for c in range(1, len(keys) + 1):
            fig.add_hline(y=0, line_dash="dot", line_color="grey", row=1, col=c)
    first = table.iloc[0] if len(table) else {"before": "", "after": ""}
    fig.update_layout(title=_t("change", lang).format(before=first["before"], after=first["after"]),
                      legend_title=_t("group", lang), height=380)
    fig.update_yaxes(title_text=_t("change_axis", lang), row=1, col=1)
    style(fig, lang)
    return fig
