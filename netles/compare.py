"""Compare quality profiles between groups of egos, or before and after on the same egos.

Takes the output of :func:`netles.profile_many` (one row per ego, one column per metric) and
gives, per metric, a tidy table a researcher can put in a report:

* :func:`compare_groups`: independent groups (clients versus a reference group, organisation A
  versus B). Per metric: n, mean, median and standard deviation per group, the difference of the
  means (first group minus second), **Hedges' g** (Cohen's d with the pooled standard deviation,
  times the small-sample correction ``J = 1 - 3 / (4 (n_a + n_b) - 9)``), a percentile bootstrap
  confidence interval of the difference (each group resampled on its own) and a two-sided
  permutation p-value (group labels shuffled). With more than two groups every pair of groups is
  compared (``versus="pairs"``, the default) or each group against all other egos together
  (``versus="rest"``); no correction for multiple testing is applied (the table gives the raw
  p-values; apply Holm or Benjamini-Hochberg yourself when you test many metrics).
* :func:`compare_paired`: the same egos measured twice (a network-strengthening pilot). Per
  metric: n pairs, means and medians before and after, the mean and median of the paired
  differences (after minus before), the standardised mean difference **d_z** (mean difference
  divided by the standard deviation of the differences), a bootstrap interval of the mean
  difference (pairs resampled) and a two-sided sign-flip permutation p-value (exact over all
  ``2^n`` sign patterns when that is at most ``n_perm``).
* :func:`paired_profiles`: split one profile table with a measurement column (``meting``:
  ``voor``/``na``) into the before and after tables that :func:`compare_paired` takes.
* :func:`plot_distributions` and :func:`plot_group_profiles`: plotly figures, Dutch labels by
  default (``lang="en"`` for English).

Missing values (a density of an ego with one alter) are left out per metric, so ``n`` can differ
between metrics. Permutation p-values are ``(b + 1) / (m + 1)`` with ``b`` the number of
shuffles at least as extreme as the observed difference out of ``m`` (never exactly 0). All
randomness comes from ``seed``: the same call gives the same table.

References
----------
.. [1] Hedges, L. V. & Olkin, I. (1985). *Statistical Methods for Meta-Analysis*. Academic Press.
.. [2] Efron, B. & Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*. Chapman & Hall.
.. [3] Good, P. (2005). *Permutation, Parametric and Bootstrap Tests of Hypotheses*. Springer.
.. [4] Lakens, D. (2013). Calculating and reporting effect sizes to facilitate cumulative science.
   *Frontiers in Psychology* 4, 863 (d_z for paired designs).
"""
from __future__ import annotations

import itertools
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from .profile import metric_keys, metric_label

__all__ = [
    "compare_groups",
    "compare_paired",
    "paired_profiles",
    "hedges_g",
    "plot_distributions",
    "plot_group_profiles",
    "GROUP_COLUMNS",
    "PAIRED_COLUMNS",
]

GROUP_COLUMNS = (
    "metric", "group_a", "group_b", "n_a", "n_b", "mean_a", "mean_b", "median_a", "median_b",
    "sd_a", "sd_b", "difference", "hedges_g", "ci_low", "ci_high", "p_value",
)
"""Columns of :func:`compare_groups` (``difference`` = mean of group a minus mean of group b)."""
PAIRED_COLUMNS = (
    "metric", "n", "mean_before", "mean_after", "median_before", "median_after",
    "mean_difference", "median_difference", "d_z", "ci_low", "ci_high", "p_value",
)
"""Columns of :func:`compare_paired` (differences are after minus before)."""

_BATCH = 256  # permutations/bootstrap draws per batch: bounds memory for large groups


def hedges_g(a: Sequence[float], b: Sequence[float]) -> float:
    """Hedges' g: the standardised difference of two means, ``J (mean_a - mean_b) / s_pooled``.

    ``s_pooled = sqrt(((n_a - 1) s_a^2 + (n_b - 1) s_b^2) / (n_a + n_b - 2))`` with sample
    standard deviations ``s`` (ddof 1) and ``J = 1 - 3 / (4 (n_a + n_b) - 9)``.

    Returns
    -------
    float
        NaN when a group has fewer than two values or the pooled standard deviation is 0.

    Examples
    --------
    >>> round(hedges_g([1, 2, 3], [2, 3, 4]), 6)
    -0.8
    """
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    na, nb = len(a), len(b)
    if na < 2 or nb < 2:
        return float("nan")
    pooled = np.sqrt(((na - 1) * a.var(ddof=1) + (nb - 1) * b.var(ddof=1)) / (na + nb - 2))
    if pooled == 0:
        return float("nan")
    return float((1 - 3 / (4 * (na + nb) - 9)) * (a.mean() - b.mean()) / pooled)


def _rng(seed: int, *keys: int) -> np.random.Generator:
    return np.random.default_rng(np.random.SeedSequence([int(seed), *keys]))


def _metrics_of(profiles: pd.DataFrame, metrics: Iterable[str] | None) -> list[str]:
    if metrics is None:
        return [k for k in metric_keys() if k in profiles.columns] or [
            c for c in profiles.columns if pd.api.types.is_numeric_dtype(profiles[c])
        ]
    metrics = list(metrics)
    missing = [m for m in metrics if m not in profiles.columns]
    if missing:
        raise KeyError(f"the profiles have no column(s) {missing}")
    return metrics


def _labels(profiles: pd.DataFrame, groups) -> pd.Series:
    """Group label per row of ``profiles`` (a column name, a Series keyed by ego or a sequence)."""
    if isinstance(groups, str):
        if groups not in profiles.columns:
            raise KeyError(f"the profiles have no column {groups!r}; pass the groups as a Series indexed by ego")
        labels = profiles[groups]
    elif isinstance(groups, pd.Series):
        labels = groups.reindex(profiles.index) if not groups.index.equals(profiles.index) else groups
    else:
        labels = pd.Series(list(groups), index=profiles.index)
        if len(labels) != len(profiles):
            raise ValueError("groups must have one label per row of the profiles")
    return labels


def _order(labels: pd.Series) -> list:
    if isinstance(labels.dtype, pd.CategoricalDtype):
        return [c for c in labels.cat.categories if (labels == c).any()]
    return sorted(labels.dropna().unique().tolist(), key=str)


def _two_sample(a: np.ndarray, b: np.ndarray, n_boot: int, n_perm: int, confidence: float, rng: np.random.Generator):
    """Bootstrap interval of mean(a) - mean(b) and permutation p-value."""
    na, nb = len(a), len(b)
    if na == 0 or nb == 0:
        return np.nan, np.nan, np.nan
    observed = a.mean() - b.mean()
    diffs = []
    for start in range(0, n_boot, _BATCH):
        m = min(_BATCH, n_boot - start)
        ia = rng.integers(0, na, size=(m, na))
        ib = rng.integers(0, nb, size=(m, nb))
        diffs.append(a[ia].mean(axis=1) - b[ib].mean(axis=1))
    diffs = np.concatenate(diffs) if diffs else np.array([])
    alpha = (1 - confidence) / 2
    low, high = (np.quantile(diffs, [alpha, 1 - alpha]) if len(diffs) else (np.nan, np.nan))
    pooled = np.concatenate([a, b])
    total = pooled.sum()
    extreme = 0
    tolerance = 1e-12 * max(1.0, abs(observed))  # ties with the observed value count as extreme
    for start in range(0, n_perm, _BATCH):
        m = min(_BATCH, n_perm - start)
        perm = np.argsort(rng.random((m, na + nb)), axis=1)[:, :na]
        sum_a = pooled[perm].sum(axis=1)
        perm_diff = sum_a / na - (total - sum_a) / nb
        extreme += int((np.abs(perm_diff) >= abs(observed) - tolerance).sum())
    p = (extreme + 1) / (n_perm + 1) if n_perm > 0 else np.nan
    return float(low), float(high), float(p)


def compare_groups(
    profiles: pd.DataFrame,
    groups,
    metrics: Iterable[str] | None = None,
    n_boot: int = 2000,
    n_perm: int = 2000,
    seed: int = 0,
    *,
    versus: str = "pairs",
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Compare the profiles of independent groups, metric by metric.

    Parameters
    ----------
    profiles : pandas.DataFrame
        One row per ego (e.g. :func:`netles.profile_many`), metrics as columns.
    groups : str, pandas.Series or sequence
        A column of ``profiles``, a Series indexed like ``profiles`` (e.g. ``ds.egos.set_index("ego_id")["group"]``)
        or one label per row. Egos without a label are left out.
    metrics : list of str, optional
        Which metrics (default: every metric key present).
    n_boot, n_perm : int
        Number of bootstrap draws and of permutations.
    seed : int
        Random seed; the same seed gives the same table.
    versus : {"pairs", "rest"}
        With more than two groups: compare every pair of groups, or each group with all other egos
        (``group_b`` is then ``"rest"``/``"overig"``). With two groups both give one comparison.
    confidence : float
        Level of the bootstrap interval (default 0.95).

    Returns
    -------
    pandas.DataFrame
        One row per comparison and metric, columns :data:`GROUP_COLUMNS`. ``difference`` is
        ``mean_a - mean_b``; ``hedges_g`` is Hedges' g (bias-corrected Cohen's d, pooled SD);
        ``ci_low``/``ci_high`` the percentile bootstrap interval of the difference; ``p_value`` the
        two-sided permutation p-value (not corrected for multiple testing).

    Raises
    ------
    ValueError
        With fewer than two groups, or an unknown ``versus``.
    KeyError
        If a metric or the group column is not in ``profiles``.

    Examples
    --------
    >>> profiles = pd.DataFrame({"size": [3.0, 4, 5, 10, 11, 12]}, index=list("abcdef"))
    >>> table = compare_groups(profiles, ["x", "x", "x", "y", "y", "y"], n_perm=500, n_boot=500)
    >>> table.loc[0, "group_a"], table.loc[0, "group_b"], float(table.loc[0, "difference"])
    ('x', 'y', -7.0)
    >>> round(float(table.loc[0, "hedges_g"]), 4), bool(table.loc[0, "p_value"] < 0.2)
    (-5.6, True)
    """
    if versus not in ("pairs", "rest"):
        raise ValueError(f"versus must be 'pairs' or 'rest', not {versus!r}")
    labels = _labels(profiles, groups)
    keys = _metrics_of(profiles.drop(columns=[groups]) if isinstance(groups, str) else profiles, metrics)
    names = _order(labels)
    if len(names) < 2:
        raise ValueError(f"need at least two groups to compare, found {names}")
    if len(names) == 2 or versus == "pairs":
        comparisons = [(a, b, labels == a, labels == b) for a, b in itertools.combinations(names, 2)]
    else:
        comparisons = [(a, "rest", labels == a, labels.notna() & (labels != a)) for a in names]
    rows = []
    for c, (name_a, name_b, in_a, in_b) in enumerate(comparisons):
        for m, key in enumerate(keys):
            values = pd.to_numeric(profiles[key], errors="coerce")
            a = values[in_a.to_numpy(dtype=bool)].dropna().to_numpy(dtype=float)
            b = values[in_b.to_numpy(dtype=bool)].dropna().to_numpy(dtype=float)
            low, high, p = _two_sample(a, b, n_boot, n_perm, confidence, _rng(seed, c, m))
            stat = lambda x, f, **kw: float(f(x, **kw)) if len(x) > kw.get("ddof", 0) else np.nan
            rows.append({
                "metric": key, "group_a": name_a, "group_b": name_b, "n_a": len(a), "n_b": len(b),
                "mean_a": stat(a, np.mean), "mean_b": stat(b, np.mean),
                "median_a": stat(a, np.median), "median_b": stat(b, np.median),
                "sd_a": stat(a, np.std, ddof=1), "sd_b": stat(b, np.std, ddof=1),
                "difference": stat(a, np.mean) - stat(b, np.mean), "hedges_g": hedges_g(a, b),
                "ci_low": low, "ci_high": high, "p_value": p,
            })
    return pd.DataFrame(rows, columns=list(GROUP_COLUMNS))


def paired_profiles(
    profiles: pd.DataFrame,
    egos: pd.DataFrame,
    *,
    subject: str = "client",
    by: str = "meting",
    before: str = "voor",
    after: str = "na",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split a profile table into before and after tables indexed by subject.

    Parameters
    ----------
    profiles : pandas.DataFrame
        Indexed by ``ego_id`` (one row per measurement).
    egos : pandas.DataFrame
        The ego table with ``ego_id``, the ``subject`` column (who was measured) and the ``by``
        column (which measurement).
    subject, by, before, after : str
        Column names and the two measurement labels.

    Returns
    -------
    (before, after) : tuple of pandas.DataFrame
        Both indexed by subject, rows in the same order; subjects measured only once are left out.

    Raises
    ------
    KeyError
        If a column is missing.
    ValueError
        If a subject has two rows for the same measurement.

    Examples
    --------
    >>> egos = pd.DataFrame({"ego_id": ["1v", "1n", "2v"], "client": ["c1", "c1", "c2"], "meting": ["voor", "na", "voor"]})
    >>> b, a = paired_profiles(pd.DataFrame({"size": [3.0, 5, 4]}, index=["1v", "1n", "2v"]), egos)
    >>> b["size"].tolist(), a["size"].tolist(), list(a.index)
    ([3.0], [5.0], ['c1'])
    """
    for column in ("ego_id", subject, by):
        if column not in egos.columns:
            raise KeyError(f"the ego table has no column {column!r}")
    info = egos.set_index("ego_id")[[subject, by]]
    halves = []
    for label in (before, after):
        ids = info.index[info[by] == label]
        part = profiles.reindex(ids)
        part.index = pd.Index(info.loc[ids, subject].to_numpy(), name=subject)
        if not part.index.is_unique:
            raise ValueError(f"some {subject} has more than one {by} = {label!r}")
        halves.append(part)
    common = [s for s in halves[0].index if s in set(halves[1].index)]
    return halves[0].loc[common], halves[1].loc[common]


def _sign_flip(d: np.ndarray, n_boot: int, n_perm: int, confidence: float, rng: np.random.Generator):
    n = len(d)
    if n == 0:
        return np.nan, np.nan, np.nan
    observed = d.mean()
    means = []
    for start in range(0, n_boot, _BATCH):
        m = min(_BATCH, n_boot - start)
        means.append(d[rng.integers(0, n, size=(m, n))].mean(axis=1))
    means = np.concatenate(means) if means else np.array([])
    alpha = (1 - confidence) / 2
    low, high = np.quantile(means, [alpha, 1 - alpha]) if len(means) else (np.nan, np.nan)
    tolerance = 1e-12 * max(1.0, abs(observed))
    if n_perm <= 0:
        return float(low), float(high), np.nan
    if 2**n <= n_perm:  # exact: every sign pattern once
        signs = 1 - 2 * ((np.arange(2**n)[:, None] >> np.arange(n)) & 1)
        flipped = (signs * d).mean(axis=1)
        p = float((np.abs(flipped) >= abs(observed) - tolerance).mean())
        return float(low), float(high), p
    extreme = 0
    for start in range(0, n_perm, _BATCH):
        m = min(_BATCH, n_perm - start)
        signs = rng.choice(np.array([-1.0, 1.0]), size=(m, n))
        extreme += int((np.abs((signs * d).mean(axis=1)) >= abs(observed) - tolerance).sum())
    return float(low), float(high), (extreme + 1) / (n_perm + 1)


def compare_paired(
    before: pd.DataFrame,
    after: pd.DataFrame,
    metrics: Iterable[str] | None = None,
    n_boot: int = 2000,
    n_perm: int = 2000,
    seed: int = 0,
    *,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Compare two measurements of the same egos (before and after), metric by metric.

    Parameters
    ----------
    before, after : pandas.DataFrame
        Profiles indexed by the same subject ids (see :func:`paired_profiles`); rows are matched
        by index, subjects present in only one table are left out, as are pairs where a metric
        is missing in either.
    metrics : list of str, optional
        Which metrics (default: every metric key present in both).
    n_boot, n_perm, seed, confidence
        As in :func:`compare_groups`.

    Returns
    -------
    pandas.DataFrame
        One row per metric, columns :data:`PAIRED_COLUMNS`: ``mean_difference`` and
        ``median_difference`` of the paired differences (after minus before); ``d_z`` = mean
        difference / standard deviation of the differences (NaN if that is 0 or n < 2);
        ``ci_low``/``ci_high`` the bootstrap interval of the mean difference; ``p_value`` the
        two-sided sign-flip permutation p-value (exact when ``2^n <= n_perm``).

    Examples
    --------
    >>> before = pd.DataFrame({"size": [4.0, 6, 5, 7]}, index=list("abcd"))
    >>> after = pd.DataFrame({"size": [6.0, 7, 8, 9]}, index=list("abcd"))
    >>> row = compare_paired(before, after).iloc[0]
    >>> float(row["mean_difference"]), round(float(row["d_z"]), 4), float(row["p_value"])
    (2.0, 2.4495, 0.125)
    """
    common = before.index.intersection(after.index, sort=False)
    keys = [k for k in _metrics_of(before, metrics) if k in after.columns]
    if metrics is not None and len(keys) != len(list(metrics)):
        raise KeyError("every metric must be a column of both tables")
    rows = []
    for m, key in enumerate(keys):
        x = pd.to_numeric(before.loc[common, key], errors="coerce").to_numpy(dtype=float)
        y = pd.to_numeric(after.loc[common, key], errors="coerce").to_numpy(dtype=float)
        keep = ~(np.isnan(x) | np.isnan(y))
        x, y = x[keep], y[keep]
        d = y - x
        n = len(d)
        sd = d.std(ddof=1) if n > 1 else np.nan
        low, high, p = _sign_flip(d, n_boot, n_perm, confidence, _rng(seed, m))
        rows.append({
            "metric": key, "n": n,
            "mean_before": float(x.mean()) if n else np.nan, "mean_after": float(y.mean()) if n else np.nan,
            "median_before": float(np.median(x)) if n else np.nan, "median_after": float(np.median(y)) if n else np.nan,
            "mean_difference": float(d.mean()) if n else np.nan, "median_difference": float(np.median(d)) if n else np.nan,
            "d_z": float(d.mean() / sd) if n > 1 and sd > 0 else np.nan,
            "ci_low": low, "ci_high": high, "p_value": p,
        })
    return pd.DataFrame(rows, columns=list(PAIRED_COLUMNS))


# -- figures ---------------------------------------------------------------------------------

_TEXT = {
    "group": ("groep", "group"),
    "distribution": ("Verdeling van {label} per groep", "Distribution of {label} by group"),
    "profiles": ("Profiel per groep (gemiddelde, in standaarddeviaties van het totaal)",
                 "Profile per group (mean, in standard deviations of the whole sample)"),
    "z": ("afwijking van het totaalgemiddelde (in SD)", "difference from the overall mean (in SD)"),
    "metric": ("kenmerk", "metric"),
    "mean": ("gemiddelde", "mean"),
}


def _t(key: str, lang: str) -> str:
    if lang not in ("nl", "en"):
        raise ValueError(f"lang must be 'nl' or 'en', not {lang!r}")
    return _TEXT[key][0 if lang == "nl" else 1]


def _label_of(key: str, lang: str) -> str:
    try:
        return metric_label(key, lang)
    except KeyError:
        return key


def _netles_style(fig, lang: str) -> None:
    """The netles template: white, and a decimal comma (ticks and hovers) in Dutch."""
    from .plots import style

    style(fig, lang)


def plot_distributions(profiles: pd.DataFrame, groups, metric: str, *, lang: str = "nl", points: bool = True):
    """Box plot of one metric per group, with every ego as a point.

    Parameters
    ----------
    profiles : pandas.DataFrame
        One row per ego.
    groups : str, pandas.Series or sequence
        As in :func:`compare_groups`.
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
    import plotly.graph_objects as go

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
    _netles_style(fig, lang)
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
        As in :func:`compare_groups`.
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
    import plotly.graph_objects as go

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
    _netles_style(fig, lang)
    return fig
