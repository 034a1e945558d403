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
* :func:`paired_moments`: the same on a dataset with moments (the profiles of
  :func:`netles.profile_many`, indexed by ``(ego_id, moment)``): the change from one moment to
  another, per group, each with its interval; :func:`change_scores` gives each ego's change, to
  compare the change between groups with :func:`compare_groups`.
* :func:`paired_profiles`: split one profile table with a measurement column (``meting``:
  ``voor``/``na``) into the before and after tables that :func:`compare_paired` takes.
* :func:`describe_difference` and :func:`describe_change`: one row of those tables in plain
  Dutch or English, for a report or a lesson.

The figures of these tables are in :mod:`netles.plots.comparisons` (:func:`netles.plots.plot_distributions`,
:func:`netles.plots.plot_group_profiles`, :func:`netles.plots.plot_moment_changes`): this module only
computes, so that it sits with the other measures, below the figures.

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
    "paired_moments",
    "change_scores",
    "describe_difference",
    "describe_change",
    "effect_size_label",
    "position_in_groups",
    "display_table",
    "paired_profiles",
    "hedges_g",
    "GROUP_COLUMNS",
    "PAIRED_COLUMNS",
    "MOMENT_COLUMNS",
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
MOMENT_COLUMNS = ("group", "before", "after", "n_unpaired", *PAIRED_COLUMNS)
"""Columns of :func:`paired_moments`: the group, the two moments, how many egos of the group were
measured at only one of them, then :data:`PAIRED_COLUMNS`."""

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


def _moment_level(profiles: pd.DataFrame) -> pd.DataFrame:
    """``profiles`` with a ``(ego_id, moment)`` MultiIndex (also from ``ego_id``/``moment`` columns)."""
    from .longtables import MOMENT

    if isinstance(profiles.index, pd.MultiIndex) and MOMENT in profiles.index.names:
        return profiles
    if {"ego_id", MOMENT} <= set(profiles.columns):
        return profiles.set_index(["ego_id", MOMENT])
    raise ValueError("the profiles have no moments: pass profile_many(ds) of a dataset with a moment column "
                     "(index ego_id, moment)")


def _ego_labels(groups, profiles: pd.DataFrame, before: str, after: str) -> pd.Series:
    """One group label per ego: from a column of ``profiles``, a Series by ego, or by (ego, moment).

    Where an ego's label differs between moments, its label at ``before`` counts (the group an
    ego was in at the start), else at ``after``.
    """
    from .longtables import MOMENT

    if isinstance(groups, str):
        if groups not in profiles.columns:
            raise KeyError(f"the profiles have no column {groups!r}; pass the groups as a Series indexed by ego")
        groups = profiles[groups]
    if not isinstance(groups, pd.Series):
        raise TypeError("group must be a column name or a pandas Series indexed by ego_id (or by ego_id and moment)")
    if isinstance(groups.index, pd.MultiIndex):
        names = list(groups.index.names)
        at = names.index(MOMENT) if MOMENT in names else 1
        frame = pd.DataFrame({"ego": groups.index.get_level_values(0 if at != 0 else 1),
                              "moment": groups.index.get_level_values(at).astype(str), "label": groups.to_numpy()})
        rank = frame["moment"].map({before: 0, after: 1}).fillna(2)
        frame = frame.assign(_rank=rank.to_numpy()).dropna(subset=["label"]).sort_values("_rank", kind="stable")
        return frame.drop_duplicates("ego").set_index("ego")["label"]
    labels = groups.dropna()
    first = labels[~labels.index.duplicated()]
    return first


def paired_moments(
    profiles: pd.DataFrame,
    before: str,
    after: str,
    *,
    group=None,
    metrics: Iterable[str] | None = None,
    n_boot: int = 2000,
    n_perm: int = 2000,
    seed: int = 0,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """The change from one moment to another in a dataset with moments, per group, with intervals.

    Each ego is compared with itself (:func:`compare_paired` on the egos measured at both
    moments), so differences between people do not blur the change.

    Parameters
    ----------
    profiles : pandas.DataFrame
        :func:`netles.profile_many` of a dataset with moments: one row per ``(ego_id, moment)``
        (a MultiIndex, or the two as columns).
    before, after : str
        The two moments (e.g. ``"intake"``, ``"afsluiting"``); differences are after minus before.
    group : str or pandas.Series, optional
        Compare within groups: a column of ``profiles``, or labels indexed by ``ego_id`` (e.g.
        ``ds.egos.set_index("ego_id")["arm"]``; the same ego may appear once per moment) or by
        ``(ego_id, moment)``. An ego whose group changed counts in its group at ``before``.
        Egos without a label are left out. Default: all egos together (group ``"all"``).
    metrics : list of str, optional
        Which metrics (default: every metric key present).
    n_boot, n_perm, seed, confidence
        As in :func:`compare_paired` (the seed is varied per group, so every table is reproducible).

    Returns
    -------
    pandas.DataFrame
        One row per group and metric, columns :data:`MOMENT_COLUMNS`: ``group``, ``before``,
        ``after``, ``n_unpaired`` (egos of the group measured at only one of the two moments:
        they are left out), then as :func:`compare_paired` (``n`` pairs, means, ``mean_difference``,
        ``d_z``, the bootstrap interval ``ci_low``/``ci_high`` of the mean change and the sign-flip
        ``p_value``). Groups in their order (Categorical order, else sorted).

    Raises
    ------
    ValueError
        If the profiles have no moments, or ``before`` or ``after`` is not one of them.

    Examples
    --------
    >>> index = pd.MultiIndex.from_product([["a", "b", "c", "d"], ["intake", "afsluiting"]], names=["ego_id", "moment"])
    >>> profiles = pd.DataFrame({"size": [4.0, 6, 6, 7, 5, 8, 7, 9]}, index=index)
    >>> arm = pd.Series({"a": "coach", "b": "coach", "c": "coach", "d": "coach"})
    >>> row = paired_moments(profiles, "intake", "afsluiting", group=arm).iloc[0]
    >>> row["group"], int(row["n"]), float(row["mean_difference"]), float(row["p_value"])
    ('coach', 4, 2.0, 0.125)
    """
    from .longtables import MOMENT

    profiles = _moment_level(profiles)
    present = set(map(str, profiles.index.get_level_values(MOMENT)))
    for moment in (before, after):
        if str(moment) not in present:
            raise ValueError(f"there is no moment {moment!r} in the profiles; they have {', '.join(sorted(present))}")
    data = profiles.drop(columns=[group]) if isinstance(group, str) else profiles
    keys = _metrics_of(data, metrics)
    moment_of = profiles.index.get_level_values(MOMENT).astype(str)
    first = data[moment_of == str(before)].droplevel(MOMENT)
    second = data[moment_of == str(after)].droplevel(MOMENT)
    egos = pd.Index(pd.unique(profiles.index.get_level_values(0)))
    if group is None:
        labels = pd.Series("all", index=egos)
    else:
        labels = _ego_labels(group, profiles, str(before), str(after)).reindex(egos)
    frames = []
    for g, name in enumerate(_order(labels)):
        members = labels.index[(labels == name).to_numpy(dtype=bool)]
        a = first.reindex(first.index.intersection(members, sort=False))
        b = second.reindex(second.index.intersection(members, sort=False))
        paired = a.index.intersection(b.index, sort=False)
        table = compare_paired(a.loc[paired], b.loc[paired], metrics=keys, n_boot=n_boot, n_perm=n_perm,
                               seed=int(seed) + 7919 * g, confidence=confidence)
        unpaired = len(a.index.union(b.index)) - len(paired)
        frames.append(table.assign(group=name, before=str(before), after=str(after), n_unpaired=unpaired))
    columns = list(MOMENT_COLUMNS)
    return pd.concat(frames, ignore_index=True)[columns] if frames else pd.DataFrame(columns=columns)


def change_scores(profiles: pd.DataFrame, before: str, after: str, metrics: Iterable[str] | None = None) -> pd.DataFrame:
    """Each ego's change from ``before`` to ``after`` (after minus before), one row per ego.

    Egos measured at only one of the two moments are left out. Feed the result to
    :func:`compare_groups` to ask whether one group changed more than another (for example an
    intervention arm against care as usual).

    Examples
    --------
    >>> index = pd.MultiIndex.from_tuples([("a", "t0"), ("a", "t1"), ("b", "t0")], names=["ego_id", "moment"])
    >>> change_scores(pd.DataFrame({"size": [3.0, 5.0, 4.0]}, index=index), "t0", "t1")["size"].to_dict()
    {'a': 2.0}
    """
    from .longtables import MOMENT

    profiles = _moment_level(profiles)
    keys = _metrics_of(profiles, metrics)
    moment_of = profiles.index.get_level_values(MOMENT).astype(str)
    first = profiles.loc[moment_of == str(before), keys].droplevel(MOMENT)
    second = profiles.loc[moment_of == str(after), keys].droplevel(MOMENT)
    common = first.index.intersection(second.index, sort=False)
    return (second.loc[common].apply(pd.to_numeric, errors="coerce") - first.loc[common].apply(pd.to_numeric, errors="coerce"))


# -- in words ------------------------------------------------------------------------------------

def _num(value: float, lang: str, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "-"
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "nl" else text


def effect_size_label(value: float, lang: str = "nl") -> str:
    """Cohen's rule of thumb for a standardised difference (Hedges' g, d_z), in words.

    Below 0.2 negligible, from 0.2 small, from 0.5 medium, from 0.8 large (by absolute value).
    A rule of thumb, not a law: what is large depends on the field and the measure.

    Examples
    --------
    >>> effect_size_label(-0.85), effect_size_label(0.3, "en"), effect_size_label(float("nan"))
    ('groot', 'small', 'niet te bepalen')
    """
    nl = lang == "nl"
    if value is None or np.isnan(value):
        return "niet te bepalen" if nl else "cannot be determined"
    size = abs(value)
    for bound, words in ((0.8, ("groot", "large")), (0.5, ("middelmatig", "medium")), (0.2, ("klein", "small"))):
        if size >= bound:
            return words[0 if nl else 1]
    return "verwaarloosbaar" if nl else "negligible"


def _interval_words(low: float, high: float, lang: str) -> str:
    nl = lang == "nl"
    if np.isnan(low) or np.isnan(high):
        return ""
    if low > 0 or high < 0:
        return " Het interval ligt helemaal aan één kant van 0." if nl else " The interval lies entirely on one side of 0."
    return " Het interval bevat 0: geen verschil is ook goed mogelijk." if nl else " The interval includes 0: no difference is quite possible too."


def describe_difference(row, lang: str = "nl") -> str:
    """One row of :func:`compare_groups` in plain words (for a report or a lesson).

    Examples
    --------
    >>> row = {"metric": "size", "group_a": "ggz", "group_b": "ouderen", "mean_a": 9.5, "mean_b": 12.75,
    ...        "difference": -3.25, "hedges_g": -0.9, "ci_low": -4.6, "ci_high": -1.9, "p_value": 0.001}
    >>> print(describe_difference(row))
    omvang: ggz gemiddeld 9,50, ouderen 12,75; verschil -3,25 (95%-interval -4,60 tot -1,90), Hedges' g -0,90 (groot). Het interval ligt helemaal aan één kant van 0.
    """
    nl = lang == "nl"
    label = _label_of(str(row["metric"]), lang)
    level = "95%-interval" if nl else "95% interval"
    text = (f"{label}: {row['group_a']} {'gemiddeld' if nl else 'mean'} {_num(row['mean_a'], lang)}, "
            f"{row['group_b']} {_num(row['mean_b'], lang)}; {'verschil' if nl else 'difference'} {_num(row['difference'], lang)} "
            f"({level} {_num(row['ci_low'], lang)} {'tot' if nl else 'to'} {_num(row['ci_high'], lang)}), "
            f"Hedges' g {_num(row['hedges_g'], lang)} ({effect_size_label(row['hedges_g'], lang)}).")
    return text + _interval_words(row["ci_low"], row["ci_high"], lang)


def describe_change(row, lang: str = "nl") -> str:
    """One row of :func:`paired_moments` (or :func:`compare_paired`) in plain words.

    Examples
    --------
    >>> row = {"metric": "size", "group": "interventie", "before": "intake", "after": "afsluiting", "n": 27,
    ...        "mean_before": 11.2, "mean_after": 13.0, "mean_difference": 1.8, "d_z": 0.95, "ci_low": 1.2, "ci_high": 2.4}
    >>> print(describe_change(row, "en"))
    size, interventie (27 egos): from 11.20 at intake to 13.00 at afsluiting, a change of 1.80 (95% interval 1.20 to 2.40), d_z 0.95 (large). The interval lies entirely on one side of 0.
    """
    nl = lang == "nl"
    label = _label_of(str(row["metric"]), lang)
    who = f"{row['group']} ({int(row['n'])} {'personen' if nl else 'egos'})" if "group" in row else f"{int(row['n'])} {'personen' if nl else 'egos'}"
    level = "95%-interval" if nl else "95% interval"
    before, after = row.get("before", "voor" if nl else "before"), row.get("after", "na" if nl else "after")
    text = (f"{label}, {who}: {'van' if nl else 'from'} {_num(row['mean_before'], lang)} {'bij' if nl else 'at'} {before} "
            f"{'naar' if nl else 'to'} {_num(row['mean_after'], lang)} {'bij' if nl else 'at'} {after}, "
            f"{'een verandering van' if nl else 'a change of'} {_num(row['mean_difference'], lang)} "
            f"({level} {_num(row['ci_low'], lang)} {'tot' if nl else 'to'} {_num(row['ci_high'], lang)}), "
            f"d_z {_num(row['d_z'], lang)} ({effect_size_label(row['d_z'], lang)}).")
    return text + _interval_words(row["ci_low"], row["ci_high"], lang)


def position_in_groups(profile, profiles: pd.DataFrame, groups, metrics: Iterable[str] | None = None) -> pd.DataFrame:
    """Where one network stands in each group: its percentile rank per metric and group.

    The percentile rank is the share of the group's egos with a lower value, counting ties as
    half (0 = below everyone, 100 = above everyone). It places one client among many without
    saying that the group is a norm.

    Parameters
    ----------
    profile : pandas.Series
        One network's profile (:func:`netles.quality_profile`).
    profiles : pandas.DataFrame
        One row per ego of the comparison groups.
    groups : str, pandas.Series or sequence
        As in :func:`compare_groups`.
    metrics : list of str, optional
        Default: the metrics of ``profile`` that ``profiles`` has.

    Returns
    -------
    pandas.DataFrame
        Index the metrics, one column per group, values 0-100 (NaN where the network's value or
        the group's values are missing).

    Examples
    --------
    >>> profiles = pd.DataFrame({"size": [2.0, 4, 6, 8, 10, 12]}, index=list("abcdef"))
    >>> position_in_groups(pd.Series({"size": 6.0}), profiles, ["x", "x", "x", "y", "y", "y"]).loc["size"].round(1).tolist()
    [83.3, 0.0]
    """
    labels = _labels(profiles, groups)
    keys = [m for m in (metrics if metrics is not None else profile.index) if m in profiles.columns and m in profile.index]
    rows = {}
    for key in keys:
        value = pd.to_numeric(pd.Series([profile[key]]), errors="coerce").iloc[0]
        row = {}
        for name in _order(labels):
            values = pd.to_numeric(profiles.loc[(labels == name).to_numpy(dtype=bool), key], errors="coerce").dropna()
            if np.isnan(value) or not len(values):
                row[name] = np.nan
            else:
                row[name] = float(100 * ((values < value).sum() + 0.5 * (values == value).sum()) / len(values))
        rows[key] = row
    return pd.DataFrame.from_dict(rows, orient="index", columns=_order(labels))


_HEADERS = {
    "metric": ("kenmerk", "measure"), "group": ("groep", "group"), "group_a": ("groep a", "group a"),
    "group_b": ("groep b", "group b"), "n_a": ("n a", "n a"), "n_b": ("n b", "n b"), "n": ("n", "n"),
    "mean_a": ("gemiddelde a", "mean a"), "mean_b": ("gemiddelde b", "mean b"), "median_a": ("mediaan a", "median a"),
    "median_b": ("mediaan b", "median b"), "sd_a": ("sd a", "sd a"), "sd_b": ("sd b", "sd b"),
    "difference": ("verschil", "difference"), "hedges_g": ("Hedges' g", "Hedges' g"),
    "ci_low": ("95% van", "95% from"), "ci_high": ("95% tot", "95% to"), "p_value": ("p", "p"),
    "before": ("voor", "before"), "after": ("na", "after"), "n_unpaired": ("niet gepaard", "unpaired"),
    "mean_before": ("gemiddelde voor", "mean before"), "mean_after": ("gemiddelde na", "mean after"),
    "median_before": ("mediaan voor", "median before"), "median_after": ("mediaan na", "median after"),
    "mean_difference": ("gemiddelde verandering", "mean change"), "median_difference": ("mediaan verandering", "median change"),
    "d_z": ("d_z", "d_z"), "effect": ("effect", "effect"),
}


def display_table(table: pd.DataFrame, lang: str = "nl", *, digits: int = 2, columns: Iterable[str] | None = None) -> pd.DataFrame:
    """A table of :func:`compare_groups`, :func:`compare_paired` or :func:`paired_moments` ready to show.

    Metric keys become their labels, column names plain Dutch (or English), numbers are rounded
    and written with a decimal comma in Dutch, and an ``effect`` column says in words how large
    the standardised difference is (:func:`effect_size_label`).

    Examples
    --------
    >>> t = pd.DataFrame({"metric": ["size"], "group_a": ["x"], "group_b": ["y"], "difference": [-7.0], "hedges_g": [-5.6]})
    >>> display_table(t).to_dict("records")
    [{'kenmerk': 'omvang', 'groep a': 'x', 'groep b': 'y', 'verschil': '-7,00', "Hedges' g": '-5,60', 'effect': 'groot'}]
    """
    out = table.copy()
    if columns is not None:
        out = out[[c for c in columns if c in out.columns]]
    if "metric" in out.columns:
        out["metric"] = out["metric"].map(lambda k: _label_of(str(k), lang))
    effect = "hedges_g" if "hedges_g" in out.columns else ("d_z" if "d_z" in out.columns else None)
    if effect is not None:
        out["effect"] = out[effect].map(lambda v: effect_size_label(float(v), lang))
    for column in out.columns:
        if column in ("n", "n_a", "n_b", "n_unpaired"):
            out[column] = out[column].map(lambda v: "-" if pd.isna(v) else str(int(v)))
        elif pd.api.types.is_float_dtype(out[column]):
            out[column] = out[column].map(lambda v: _num(float(v), lang, 3 if column == "p_value" else digits))
    idx = 0 if lang == "nl" else 1
    return out.rename(columns={c: _HEADERS[c][idx] for c in out.columns if c in _HEADERS}).reset_index(drop=True)


def _label_of(key: str, lang: str) -> str:
    try:
        return metric_label(key, lang)
    except KeyError:
        return key
