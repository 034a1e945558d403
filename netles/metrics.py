"""Quality metrics of one ego network.

One function per metric; each takes an :class:`~netles.EgoNetwork` and returns a number. The
definitions and edge-case conventions are those of REFERENCES.md (section 1). Ties with the ego
never count as alter-alter ties; ``n`` is the number of alters and ``t`` the number of alter-alter
ties.

The running example used in the docstrings is ``netles.datasets.load_case("voorbeeld")``: alters
A-F, ties A-B, A-C, B-C, D-E (F has none); A, B, C family, D a friend, E a neighbour, F a
professional.

Conventions (**netles**):

* ``density`` is NaN for fewer than two alters (egor does the same; networkx returns 0).
* Composition measures drop missing values; shares are taken over the alters whose value is known.
* IQV divides by ``1 - 1/K`` with ``K`` the number of categories in the codebook, not the number
  observed.
* Entropy uses log base 2 (as egor).
* Structural measures treat ties as binary; tie weights are kept in the data but not used here.
* An alter gives support to ego when it has support functions and its ``support_direction`` is
  ``receives`` (ego receives), ``mutual`` or unknown; ``gives`` means only ego gives.

References
----------
.. [1] Burt, R. S. (1992). *Structural Holes*. Harvard University Press.
.. [2] Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy measures.
   *Connections* 20(1), 35-38.
.. [3] Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises.
   *Social Psychology Quarterly* 51(2), 123-140.
.. [4] Agresti, A. & Agresti, B. F. (1978). Statistical analysis of qualitative variation.
   *Sociological Methodology* 9, 204-237.
.. [5] Krenz, T. et al. egor: Import and Analyse Ego-Centered Network Data (R package).
"""
from __future__ import annotations

import math
from typing import Callable, Iterable, Mapping

import numpy as np
import pandas as pd

from . import vocab
from .network import EgoNetwork

__all__ = [
    "size",
    "density",
    "components",
    "isolates",
    "effective_size",
    "efficiency",
    "constraint",
    "broker_pairs",
    "n_categories",
    "blau",
    "iqv",
    "entropy",
    "ei_index",
    "ei_alter_ties",
    "share_family",
    "share_professional",
    "share_strong",
    "share_weekly",
    "share_reachable",
    "support_coverage",
    "multiplexity",
    "share_mutual",
    "share_burdening",
    "max_support_share",
    "support_given",
    "DEFAULT_STRONG_MAX_CIRCLE",
    "DEFAULT_WEEKLY",
    "DEFAULT_MAX_MINUTES",
]

DEFAULT_STRONG_MAX_CIRCLE = 2
"""Strong tie = circle 1 or 2 (closeness is the best single indicator of tie strength)."""
DEFAULT_WEEKLY = ("daily", "weekly")
"""Contact frequencies that count as at least weekly."""
DEFAULT_MAX_MINUTES = 30
"""Travel time (minutes) within which an alter counts as reachable."""

NAN = float("nan")


def _degrees(net: EgoNetwork) -> np.ndarray:
    """Alter-alter degree of every alter, in alter order."""
    index = {a: i for i, a in enumerate(net.alter_ids)}
    deg = np.zeros(net.size, dtype=np.int64)
    for a, b in net.tie_pairs():
        deg[index[a]] += 1
        deg[index[b]] += 1
    return deg


def size(net: EgoNetwork) -> int:
    """Network size (omvang): the number of alters ``n``.

    Examples
    --------
    >>> from netles import datasets
    >>> size(datasets.load_case("voorbeeld"))
    6
    """
    return net.size


def density(net: EgoNetwork) -> float:
    """Density (dichtheid) of the alter-alter ties: ``2t / (n(n-1))``.

    The share of pairs of alters who know each other. Ties with ego do not count.

    Parameters
    ----------
    net : EgoNetwork

    Returns
    -------
    float
        Between 0 and 1; NaN when there are fewer than two alters (**netles**, as egor).

    Examples
    --------
    >>> from netles import datasets
    >>> round(density(datasets.load_case("voorbeeld")), 6)
    0.266667
    """
    n = net.size
    if n < 2:
        return NAN
    return 2 * net.n_ties / (n * (n - 1))


def _component_labels(net: EgoNetwork) -> np.ndarray:
    """Component label per alter (union-find over alter-alter ties)."""
    index = {a: i for i, a in enumerate(net.alter_ids)}
    parent = list(range(net.size))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in net.tie_pairs():
        ra, rb = find(index[a]), find(index[b])
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return np.array([find(i) for i in range(net.size)], dtype=np.int64)


def components(net: EgoNetwork) -> int:
    """Number of connected components among the alters (ego left out).

    Examples
    --------
    >>> from netles import datasets
    >>> components(datasets.load_case("voorbeeld"))
    3
    """
    return int(len(np.unique(_component_labels(net))))


def isolates(net: EgoNetwork) -> int:
    """Number of alters with no alter-alter tie (they know only ego).

    Examples
    --------
    >>> from netles import datasets
    >>> isolates(datasets.load_case("voorbeeld"))
    1
    """
    return int((_degrees(net) == 0).sum())


def effective_size(net: EgoNetwork) -> float:
    """Burt's effective size for a binary undirected ego network: ``n - 2t/n``.

    The number of alters minus their redundancy (Borgatti 1997): how many non-redundant contacts
    ego has. High values mean bridging.

    Returns
    -------
    float
        NaN for 0 alters; 1 for one alter.

    Examples
    --------
    >>> from netles import datasets
    >>> round(effective_size(datasets.load_case("voorbeeld")), 6)
    4.666667
    """
    n = net.size
    if n == 0:
        return NAN
    return n - 2 * net.n_ties / n


def efficiency(net: EgoNetwork) -> float:
    """Efficiency: effective size divided by the number of alters.

    Examples
    --------
    >>> from netles import datasets
    >>> round(efficiency(datasets.load_case("voorbeeld")), 6)
    0.777778
    """
    n = net.size
    return NAN if n == 0 else effective_size(net) / n


def constraint(net: EgoNetwork) -> float:
    """Burt's aggregate constraint of ego.

    ``sum_j (p_ej + sum_q p_eq p_qj)^2`` over alters ``j``, with ``p`` the proportional tie strength
    in the ego network including ego (binary ties: ``p_ij = 1/degree(i)``). High constraint means ego's
    contacts all know each other (bonding, little room to broker).

    Returns
    -------
    float
        NaN for 0 alters; 1 for one alter; ``1/k`` for ``k`` untied alters.

    Examples
    --------
    >>> from netles import datasets
    >>> round(constraint(datasets.load_case("voorbeeld")), 6)
    0.384259
    """
    n = net.size
    if n == 0:
        return NAN
    index = {a: i for i, a in enumerate(net.alter_ids)}
    inv_degree = 1.0 / (_degrees(net) + 1)  # + 1: the tie with ego
    indirect = np.zeros(n)
    for a, b in net.tie_pairs():
        i, j = index[a], index[b]
        indirect[j] += inv_degree[i]
        indirect[i] += inv_degree[j]
    return float((((1.0 + indirect) / n) ** 2).sum())


def broker_pairs(net: EgoNetwork) -> int:
    """Pairs of alters that are not tied: ``n(n-1)/2 - t`` (ego could broker between them).

    Examples
    --------
    >>> from netles import datasets
    >>> broker_pairs(datasets.load_case("voorbeeld"))
    11
    """
    n = net.size
    return n * (n - 1) // 2 - net.n_ties


# -- composition ------------------------------------------------------------------------------

def _known(net: EgoNetwork, attr: str) -> pd.Series:
    frame = net._alter_frame()
    if attr not in frame.columns:
        raise KeyError(f"alters have no field {attr!r}")
    values = frame[attr]
    return values[values.notna()]


def _proportions(net: EgoNetwork, attr: str) -> np.ndarray:
    values = _known(net, attr)
    if values.empty:
        return np.array([])
    counts = values.value_counts().to_numpy(dtype=float)
    return counts / counts.sum()


def n_categories(net: EgoNetwork, attr: str) -> int:
    """Number of distinct non-missing values of an alter attribute.

    Examples
    --------
    >>> from netles import datasets
    >>> n_categories(datasets.load_case("voorbeeld"), "relation")
    4
    """
    return int(_known(net, attr).nunique())


def blau(net: EgoNetwork, attr: str) -> float:
    """Blau's index of heterogeneity (Gini-Simpson): ``1 - sum p_k^2``.

    The chance that two alters drawn at random (with replacement) differ on ``attr``. Missing
    values are dropped.

    Returns
    -------
    float
        NaN if no alter has a value.

    Examples
    --------
    >>> from netles import datasets
    >>> round(blau(datasets.load_case("voorbeeld"), "relation"), 6)
    0.666667
    """
    p = _proportions(net, attr)
    return NAN if p.size == 0 else float(1.0 - (p**2).sum())


def iqv(net: EgoNetwork, attr: str, k: int | None = None) -> float:
    """Index of qualitative variation (Agresti): Blau's index divided by ``1 - 1/K``.

    Parameters
    ----------
    net : EgoNetwork
    attr : str
        An alter attribute.
    k : int, optional
        Number of categories in the codebook. Defaults to the size of the attribute's netles
        vocabulary (**netles**: the codebook, not the number of categories observed).

    Returns
    -------
    float
        Between 0 and 1; NaN when ``K = 1`` or no alter has a value.

    Raises
    ------
    ValueError
        If ``k`` is not given and the attribute has no vocabulary.

    Examples
    --------
    >>> from netles import datasets
    >>> net = datasets.load_case("voorbeeld")
    >>> round(iqv(net, "relation", k=4), 6), round(iqv(net, "relation", k=5), 6)
    (0.888889, 0.833333)
    """
    if k is None:
        if attr not in vocab.VOCABULARIES:
            raise ValueError(f"give k, the number of codebook categories of {attr!r}")
        k = len(vocab.VOCABULARIES[attr])
    if k <= 1:
        return NAN
    return blau(net, attr) / (1.0 - 1.0 / k)


def entropy(net: EgoNetwork, attr: str) -> float:
    """Shannon entropy of an alter attribute, base 2: ``-sum p_k log2 p_k``.

    Returns
    -------
    float
        0 for a single category; NaN if no alter has a value.

    Examples
    --------
    >>> from netles import datasets
    >>> round(entropy(datasets.load_case("voorbeeld"), "relation"), 6)
    1.792481
    """
    p = _proportions(net, attr)
    return NAN if p.size == 0 else float(-(p * np.log2(p)).sum() + 0.0)


def ei_index(net: EgoNetwork, attr: str) -> float:
    """Ego-alter E-I index (egor's ``comp_ei``): ``(E - I) / (E + I)``.

    ``E`` counts alters whose value of ``attr`` differs from ego's, ``I`` those with the same value;
    alters with a missing value are left out. -1: everyone is like ego; +1: nobody is.

    Returns
    -------
    float
        NaN if ego's value is missing or no alter has a value.

    Examples
    --------
    >>> from netles import datasets
    >>> ei_index(datasets.load_case("voorbeeld"), "gender")
    -0.2
    """
    ego_value = net.ego.get(attr)
    if ego_value is None:
        return NAN
    values = _known(net, attr)
    if values.empty:
        return NAN
    internal = int((values == ego_value).sum())
    external = len(values) - internal
    return (external - internal) / (external + internal)


def ei_alter_ties(net: EgoNetwork, groups: str | Mapping[str, object] | Callable[[dict], object]) -> float:
    """Krackhardt and Stern's E-I index over the alter-alter ties: ``(E - I) / (E + I)``.

    ``E`` counts ties between alters of different groups, ``I`` ties within a group. Ties with an
    alter whose group is missing are left out.

    Parameters
    ----------
    net : EgoNetwork
    groups : str, mapping or callable
        An alter attribute, a mapping alter id -> group, or a function of an alter's record.

    Returns
    -------
    float
        NaN if there are no (usable) ties.

    Examples
    --------
    >>> from netles import datasets
    >>> net = datasets.load_case("voorbeeld").with_tie("C", "D")
    >>> ei_alter_ties(net, lambda alter: alter["sector"] == "family")
    -0.6
    """
    if isinstance(groups, str):
        group_of = dict(zip(net.alter_ids, net._alter_frame()[groups]))
    elif callable(groups):
        group_of = {a: groups(net.alter(a)) for a in net.alter_ids}
    else:
        group_of = dict(groups)
    external = internal = 0
    for a, b in net.tie_pairs():
        ga, gb = group_of.get(a), group_of.get(b)
        if pd.isna(ga) or pd.isna(gb):
            continue
        if ga == gb:
            internal += 1
        else:
            external += 1
    total = external + internal
    return NAN if total == 0 else (external - internal) / total


def _share(mask: pd.Series) -> float:
    return NAN if len(mask) == 0 else float(mask.mean())


def share_family(net: EgoNetwork) -> float:
    """Share of alters who are family (partner, parent, child, sibling, other family).

    Examples
    --------
    >>> from netles import datasets
    >>> share_family(datasets.load_case("voorbeeld"))
    0.5
    """
    kinds = net._alter_frame()["relation"].map(vocab.RELATION_KIND_OF)
    return _share(kinds == "family")


def share_professional(net: EgoNetwork) -> float:
    """Share of alters who are professionals (paid carers and support workers).

    Examples
    --------
    >>> from netles import datasets
    >>> round(share_professional(datasets.load_case("voorbeeld")), 6)
    0.166667
    """
    kinds = net._alter_frame()["relation"].map(vocab.RELATION_KIND_OF)
    return _share(kinds == "professional")


def share_strong(net: EgoNetwork, max_circle: int = DEFAULT_STRONG_MAX_CIRCLE) -> float:
    """Share of strong ties: alters in circle ``max_circle`` or closer (default the inner two).

    Examples
    --------
    >>> from netles import datasets
    >>> share_strong(datasets.load_case("voorbeeld"))
    0.5
    """
    return _share(net._alter_frame()["circle"] <= max_circle)


def share_weekly(net: EgoNetwork, frequencies: Iterable[str] = DEFAULT_WEEKLY) -> float:
    """Share of alters (with a known contact frequency) seen at least weekly.

    Parameters
    ----------
    net : EgoNetwork
    frequencies : iterable of str
        Contact codes that count (default daily and weekly).

    Examples
    --------
    >>> from netles import datasets
    >>> round(share_weekly(datasets.load_case("voorbeeld")), 6)
    0.666667
    """
    known = _known(net, "contact")
    return _share(known.isin(list(frequencies)))


def share_reachable(net: EgoNetwork, max_minutes: float = DEFAULT_MAX_MINUTES) -> float:
    """Share of alters (with a known travel time) within ``max_minutes`` of ego (bereikbaarheid).

    Examples
    --------
    >>> from netles import datasets
    >>> net = datasets.load_case("voorbeeld")
    >>> round(share_reachable(net), 6), round(share_reachable(net, max_minutes=60), 6)
    (0.666667, 0.833333)
    """
    known = _known(net, "travel_minutes").astype(float)
    return _share(known <= max_minutes)


def support_given(net: EgoNetwork) -> pd.DataFrame:
    """Which alter gives ego which support function: a boolean table, one row per alter.

    An alter gives a function when it is in its ``support`` list and its ``support_direction`` is
    not ``gives`` (that would mean only ego gives).

    Examples
    --------
    >>> from netles import datasets
    >>> support_given(datasets.load_case("voorbeeld")).sum().to_dict()
    {'practical': 3, 'emotional': 2, 'companionship': 2, 'appraisal': 0, 'information': 1}
    """
    frame = net._alter_frame()
    gives = (frame["support_direction"] != "gives").to_numpy(dtype=bool)
    data = {f: np.array([f in s for s in frame["support"]], dtype=bool) & gives for f in vocab.SUPPORT}
    return pd.DataFrame(data, index=pd.Index(frame["alter_id"], name="alter_id"), dtype=bool)


def support_coverage(net: EgoNetwork) -> int:
    """How many of the five support functions at least one alter gives ego (0-5).

    Examples
    --------
    >>> from netles import datasets
    >>> support_coverage(datasets.load_case("voorbeeld"))
    4
    """
    return int(support_given(net).any(axis=0).sum())


def multiplexity(net: EgoNetwork) -> float:
    """Mean number of support functions per alter (alters without support count 0).

    Examples
    --------
    >>> from netles import datasets
    >>> round(multiplexity(datasets.load_case("voorbeeld")), 6)
    1.333333
    """
    frame = net._alter_frame()
    return NAN if frame.empty else float(frame["support"].map(len).mean())


def share_mutual(net: EgoNetwork) -> float:
    """Share of alters (with a known support direction) whose support is mutual (wederkerigheid).

    Examples
    --------
    >>> from netles import datasets
    >>> share_mutual(datasets.load_case("voorbeeld"))
    0.4
    """
    return _share(_known(net, "support_direction") == "mutual")


def share_burdening(net: EgoNetwork) -> float:
    """Share of alters (with a known valence) whose tie is burdening.

    Examples
    --------
    >>> from netles import datasets
    >>> round(share_burdening(datasets.load_case("voorbeeld")), 6)
    0.166667
    """
    return _share(_known(net, "valence") == "burdening")


def max_support_share(net: EgoNetwork) -> float:
    """Share of all support given to ego that comes from the single biggest giver.

    Support is counted as functions given (see :func:`support_given`). A value near 1 means one
    person carries nearly everything: the risk of a spilmantelzorger who may become overburdened.

    Returns
    -------
    float
        NaN when nobody gives support.

    Examples
    --------
    >>> from netles import datasets
    >>> max_support_share(datasets.load_case("voorbeeld"))
    0.375
    """
    per_alter = support_given(net).sum(axis=1).to_numpy()
    total = per_alter.sum()
    return NAN if total == 0 else float(per_alter.max() / total)
