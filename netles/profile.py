"""The quality profile: every metric of one network in one row.

:func:`quality_profile` computes every metric key of DESIGN.md for one network, with the same
thresholds everywhere; :func:`describe_profile` turns a profile into a readable table (label, value,
short interpretation) in Dutch or English for a lesson or a client conversation.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import pandas as pd

from . import metrics, vocab
from .network import EgoNetwork

__all__ = [
    "RELATION_METRICS",
    "CIRCLE_METRICS",
    "SECTOR_METRICS",
    "quality_profile",
    "profile_many",
    "describe_profile",
    "metric_keys",
    "metric_label",
    "DIVERSITY_ATTRIBUTES",
    "EI_ATTRIBUTES",
    "STRUCTURE_KEYS",
    "COMPOSITION_KEYS",
]

DIVERSITY_ATTRIBUTES = ("relation", "sector", "gender")
"""Alter attributes whose diversity is part of the profile."""
EI_ATTRIBUTES = ("gender",)
"""Attributes for which the ego-alter E-I index is part of the profile."""

STRUCTURE_KEYS = (
    "size",
    "density",
    "components",
    "isolates",
    "effective_size",
    "efficiency",
    "constraint",
    "broker_pairs",
)
COMPOSITION_KEYS = (
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
)


def metric_keys() -> list[str]:
    """Every key of the quality profile, in profile order.

    Examples
    --------
    >>> keys = metric_keys()
    >>> keys[:3], len(keys)
    (['size', 'density', 'components'], 31)
    """
    keys = list(STRUCTURE_KEYS)
    for attr in DIVERSITY_ATTRIBUTES:
        keys += [f"n_categories_{attr}", f"blau_{attr}", f"iqv_{attr}", f"entropy_{attr}"]
    keys += [f"ei_{attr}" for attr in EI_ATTRIBUTES]
    keys += list(COMPOSITION_KEYS)
    return keys


def quality_profile(
    net: EgoNetwork,
    *,
    strong_max_circle: int = metrics.DEFAULT_STRONG_MAX_CIRCLE,
    weekly: tuple[str, ...] = metrics.DEFAULT_WEEKLY,
    max_minutes: float = metrics.DEFAULT_MAX_MINUTES,
) -> pd.Series:
    """Every quality metric of one network.

    Parameters
    ----------
    net : EgoNetwork
    strong_max_circle : int
        Alters in this circle or closer count as strong ties (default 2).
    weekly : tuple of str
        Contact frequencies that count as at least weekly.
    max_minutes : float
        Travel time within which an alter counts as reachable.

    Returns
    -------
    pandas.Series
        Metric key -> value (float), in the order of :func:`metric_keys`, named by the ego id.

    Examples
    --------
    >>> from netles import datasets
    >>> p = quality_profile(datasets.load_case("voorbeeld"))
    >>> p[["size", "density", "effective_size", "constraint"]].round(6).to_dict()
    {'size': 6.0, 'density': 0.266667, 'effective_size': 4.666667, 'constraint': 0.384259}
    """
    values: dict[str, float] = {
        "size": metrics.size(net),
        "density": metrics.density(net),
        "components": metrics.components(net),
        "isolates": metrics.isolates(net),
        "effective_size": metrics.effective_size(net),
        "efficiency": metrics.efficiency(net),
        "constraint": metrics.constraint(net),
        "broker_pairs": metrics.broker_pairs(net),
    }
    for attr in DIVERSITY_ATTRIBUTES:
        values[f"n_categories_{attr}"] = metrics.n_categories(net, attr)
        values[f"blau_{attr}"] = metrics.blau(net, attr)
        values[f"iqv_{attr}"] = metrics.iqv(net, attr)
        values[f"entropy_{attr}"] = metrics.entropy(net, attr)
    for attr in EI_ATTRIBUTES:
        values[f"ei_{attr}"] = metrics.ei_index(net, attr)
    values.update(
        share_family=metrics.share_family(net),
        share_professional=metrics.share_professional(net),
        share_strong=metrics.share_strong(net, max_circle=strong_max_circle),
        share_weekly=metrics.share_weekly(net, frequencies=weekly),
        share_reachable=metrics.share_reachable(net, max_minutes=max_minutes),
        support_coverage=metrics.support_coverage(net),
        multiplexity=metrics.multiplexity(net),
        share_mutual=metrics.share_mutual(net),
        share_burdening=metrics.share_burdening(net),
        max_support_share=metrics.max_support_share(net),
    )
    return pd.Series(values, dtype="float64", name=net.ego_id)[metric_keys()]


# -- labels and interpretations ------------------------------------------------------------------

_LABELS: dict[str, tuple[str, str]] = {
    "size": ("omvang", "size"),
    "density": ("dichtheid", "density"),
    "components": ("aantal groepjes (componenten)", "components"),
    "isolates": ("losse contacten (kennen niemand anders)", "isolates"),
    "effective_size": ("effectieve omvang", "effective size"),
    "efficiency": ("efficiëntie", "efficiency"),
    # not "beperking": in this field beperking means a disability
    "constraint": ("afhankelijkheid van één groep (constraint)", "dependence on one group (constraint)"),
    "broker_pairs": ("paren die elkaar niet kennen", "unconnected pairs"),
    "share_family": ("aandeel familie", "share family"),
    "share_professional": ("aandeel professionals", "share professionals"),
    "share_strong": ("aandeel sterke banden", "share strong ties"),
    "share_weekly": ("aandeel minstens wekelijks contact", "share at least weekly contact"),
    "share_reachable": ("aandeel bereikbaar", "share reachable"),
    "support_coverage": ("steunfuncties gedekt (van 5)", "support functions covered (of 5)"),
    "multiplexity": ("steunfuncties per persoon", "support functions per person"),
    "share_mutual": ("aandeel wederkerig", "share mutual"),
    "share_burdening": ("aandeel belastend", "share burdening"),
    "max_support_share": ("aandeel grootste steungever", "share of the biggest supporter"),
}
_PREFIXES: dict[str, tuple[str, str]] = {
    "n_categories": ("aantal soorten", "number of categories"),
    "blau": ("gevarieerdheid (Blau)", "diversity (Blau)"),
    "iqv": ("gevarieerdheid (IQV)", "diversity (IQV)"),
    "entropy": ("gevarieerdheid (entropie)", "diversity (entropy)"),
    "ei": ("E-I-index", "E-I index"),
}


def metric_label(key: str, lang: str = "nl") -> str:
    """A readable label for a metric key.

    Examples
    --------
    >>> metric_label("density"), metric_label("blau_relation"), metric_label("blau_relation", "en")
    ('dichtheid', 'gevarieerdheid (Blau) naar relatie', 'diversity (Blau) by relation')
    """
    i = vocab.LANGUAGES.index(lang)
    if key in _LABELS:
        return _LABELS[key][i]
    for prefix, labels in _PREFIXES.items():
        if key.startswith(prefix + "_"):
            attr = key[len(prefix) + 1 :]
            field = vocab.VOCABULARIES[attr].field_label(lang) if attr in vocab.VOCABULARIES else attr
            return f"{labels[i]} {'naar' if lang == 'nl' else 'by'} {field}"
    raise KeyError(key)


@dataclass(frozen=True)
class _Band:
    upper: float  # the band holds values < upper (the last band has math.inf)
    nl: str
    en: str


def _bands(*bands: tuple[float, str, str]) -> Callable[[float], tuple[str, str]]:
    parsed = [_Band(*b) for b in bands]

    def interpret(value: float) -> tuple[str, str]:
        for band in parsed:
            if value < band.upper:
                return band.nl, band.en
        return parsed[-1].nl, parsed[-1].en

    return interpret


_INTERPRET: dict[str, Callable[[float], tuple[str, str]]] = {
    "size": _bands(
        (1, "geen netwerk in beeld: wie is er wel?", "no network mapped: who is there?"),
        (5, "klein netwerk: weinig mensen om op terug te vallen", "small network: few people to fall back on"),
        (15, "middelgroot netwerk", "medium-sized network"),
        (math.inf, "groot netwerk", "large network"),
    ),
    "density": _bands(
        (0.3, "de meeste mensen kennen elkaar niet", "most people do not know each other"),
        (0.7, "een deel van de mensen kent elkaar", "some of the people know each other"),
        (math.inf, "bijna iedereen kent elkaar: een hecht netwerk", "nearly everyone knows each other: a close-knit network"),
    ),
    "components": _bands(
        (2, "één samenhangend geheel", "one connected whole"),
        (math.inf, "losse groepjes die elkaar niet kennen", "separate groups that do not know each other"),
    ),
    "constraint": _bands(
        (0.3, "veel contacten in verschillende kringen (overbruggend)", "many contacts in different circles (bridging)"),
        (0.6, "deels hecht, deels verspreid", "partly close-knit, partly spread out"),
        (math.inf, "contacten kennen elkaar allemaal (verbindend, weinig uitwijkmogelijkheden)", "contacts all know each other (bonding, few alternatives)"),
    ),
    "share_family": _bands(
        (0.3, "weinig familie in het netwerk", "little family in the network"),
        (0.6, "familie is een flink deel van het netwerk", "family is a sizeable part of the network"),
        (math.inf, "het netwerk bestaat vooral uit familie", "the network is mostly family"),
    ),
    "share_professional": _bands(
        (0.25, "professionals zijn een klein deel", "professionals are a small part"),
        (0.5, "professionals zijn een flink deel", "professionals are a sizeable part"),
        (math.inf, "het netwerk bestaat vooral uit professionals", "the network is mostly professionals"),
    ),
    "share_strong": _bands(
        (0.25, "weinig sterke banden", "few strong ties"),
        (0.6, "een mix van sterke en zwakke banden", "a mix of strong and weak ties"),
        (math.inf, "vooral sterke banden; weinig zwakke banden naar buiten", "mostly strong ties; few weak ties outward"),
    ),
    "share_weekly": _bands(
        (0.5, "met de meeste mensen minder dan wekelijks contact", "less than weekly contact with most people"),
        (math.inf, "met de meeste mensen minstens wekelijks contact", "at least weekly contact with most people"),
    ),
    "share_reachable": _bands(
        (0.5, "de meeste mensen wonen ver weg", "most people live far away"),
        (math.inf, "de meeste mensen zijn snel ter plaatse", "most people can be there quickly"),
    ),
    "support_coverage": _bands(
        (3, "meerdere soorten steun ontbreken", "several kinds of support are missing"),
        (5, "niet elke soort steun is er", "not every kind of support is there"),
        (math.inf, "alle vijf soorten steun zijn er", "all five kinds of support are there"),
    ),
    "share_burdening": _bands(
        (1e-12, "geen belastende contacten", "no burdening contacts"),
        (0.25, "een paar belastende contacten", "a few burdening contacts"),
        (math.inf, "veel belastende contacten", "many burdening contacts"),
    ),
    "max_support_share": _bands(
        (0.4, "de steun is verdeeld over meerdere mensen", "support is spread over several people"),
        (0.6, "één persoon geeft een groot deel van de steun", "one person gives a large part of the support"),
        # Whoever gives most may be a professional, so the text speaks of dependence, not of a carer's
        # overload (that needs an informal spil: see metrics.spil and the carer's CSI).
        (math.inf, "bijna alle steun komt van één persoon: kwetsbaar als die wegvalt",
         "nearly all support comes from one person: fragile if that person drops out"),
    ),
    "share_mutual": _bands(
        (0.3, "weinig wederkerigheid", "little reciprocity"),
        (math.inf, "een flink deel van de steun is wederkerig", "much of the support is mutual"),
    ),
    "isolates": _bands(
        (1, "iedereen kent minstens één ander uit het netwerk", "everyone knows at least one other person in the network"),
        (math.inf, "sommige mensen kennen alleen de cliënt", "some people know only the client"),
    ),
    "effective_size": _bands(
        (3, "weinig contacten die elk iets anders toevoegen", "few contacts that each add something different"),
        (math.inf, "meerdere contacten die elk een andere kring openen", "several contacts that each open a different circle"),
    ),
    "efficiency": _bands(
        (0.5, "veel overlap: de contacten kennen elkaar", "much overlap: the contacts know each other"),
        (math.inf, "weinig overlap: de contacten vullen elkaar aan", "little overlap: the contacts complement each other"),
    ),
    "multiplexity": _bands(
        (1, "gemiddeld minder dan één soort steun per persoon: niet iedereen geeft steun",
         "on average less than one kind of support per person: not everyone gives support"),
        (1 + 1e-9, "gemiddeld één soort steun per persoon", "on average one kind of support per person"),
        (2, "gemiddeld tussen één en twee soorten steun per persoon",
         "on average between one and two kinds of support per person"),
        (math.inf, "gemiddeld twee of meer soorten steun per persoon: mensen geven vaak meerdere soorten steun",
         "on average two or more kinds of support per person: people often give several kinds"),
    ),
    "ei_gender": _bands(
        (-0.3, "vooral contacten van hetzelfde gender als de cliënt", "mostly contacts of the client's own gender"),
        (0.3, "ongeveer evenveel contacten van het eigen als van een ander gender",
         "about as many contacts of the client's own gender as of another"),
        (math.inf, "vooral contacten van een ander gender", "mostly contacts of another gender"),
    ),
    "blau_relation": _bands(
        (0.3, "weinig variatie in soorten relaties", "little variety in kinds of relations"),
        (0.6, "enige variatie in soorten relaties", "some variety in kinds of relations"),
        (math.inf, "veel variatie in soorten relaties", "much variety in kinds of relations"),
    ),
}


def _format(value: float, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-" if lang == "nl" else "-"
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.2f}"
    return text.replace(".", ",") if lang == "nl" else text


def describe_profile(profile: pd.Series, lang: str = "nl", keys: list[str] | None = None) -> pd.DataFrame:
    """A quality profile as a readable table: label, value and a short interpretation.

    Parameters
    ----------
    profile : pandas.Series
        The output of :func:`quality_profile`.
    lang : {"nl", "en"}
        Language of labels and interpretations (values use a decimal comma in Dutch).
    keys : list of str, optional
        Which metrics to show, in order (default: all).

    Returns
    -------
    pandas.DataFrame
        Columns ``kenmerk``, ``waarde``, ``betekenis`` (Dutch) or ``metric``, ``value``,
        ``meaning`` (English), indexed by metric key (``table.loc["density"]``). The index is for
        code only: in a notebook the table is shown without it (:func:`netles.vocab.readable`), so a
        Dutch reader sees no English keys. A metric that cannot be computed (NaN) shows "-" and
        says why.

    Examples
    --------
    >>> from netles import datasets
    >>> table = describe_profile(quality_profile(datasets.load_case("voorbeeld")))
    >>> print(" ".join(table.loc["density"]))
    dichtheid 0,27 de meeste mensen kennen elkaar niet
    """
    if lang not in vocab.LANGUAGES:
        raise ValueError(f"lang must be one of {vocab.LANGUAGES}, not {lang!r}")
    i = vocab.LANGUAGES.index(lang)
    not_computable = ("niet te berekenen bij dit netwerk", "cannot be computed for this network")
    rows = []
    for key in keys or list(profile.index):
        value = profile[key]
        if value is None or (isinstance(value, float) and math.isnan(value)):
            meaning = not_computable[i]
        elif key in _INTERPRET:
            meaning = _INTERPRET[key](float(value))[i]
        else:
            meaning = ""
        rows.append((key, metric_label(key, lang), _format(value, lang), meaning))
    columns = ["kenmerk", "waarde", "betekenis"] if lang == "nl" else ["metric", "value", "meaning"]
    frame = pd.DataFrame([r[1:] for r in rows], columns=columns, index=pd.Index([r[0] for r in rows], name="key"))
    return vocab.readable(frame)


# -- many egos at once ---------------------------------------------------------------------------

RELATION_METRICS = ("share_family", "share_professional", "n_categories_relation", "blau_relation", "iqv_relation", "entropy_relation")
"""Metrics that need every alter's relation: NaN in :func:`profile_many` for an ego with an alter
whose relation is missing (datasets allow it: exports of other tools never carry netles codes)."""
CIRCLE_METRICS = ("share_strong",)
"""Metrics that need the circle, which defaults from the relation: NaN for an ego with an alter
that has neither."""
SECTOR_METRICS = ("n_categories_sector", "blau_sector", "iqv_sector", "entropy_sector")
"""Metrics that need the sector, which defaults from the relation: NaN for an ego with an alter
that has neither."""

_CHUNK_EGOS = 50_000
"""Egos per chunk in :func:`profile_many`: bounds the size of the per-ego intermediate arrays."""
_PROGRESS_MIN_EGOS = 200_000
"""With ``progress=None`` a progress bar is shown from this many egos on."""
_TRUE_TEXT = ("true", "1", "1.0", "yes", "ja", "waar")
_TABLE_LIMIT = 50_000_000


def profile_many(
    ds,
    *,
    strong_max_circle: int = metrics.DEFAULT_STRONG_MAX_CIRCLE,
    weekly: tuple[str, ...] = metrics.DEFAULT_WEEKLY,
    max_minutes: float = metrics.DEFAULT_MAX_MINUTES,
    progress: bool | None = None,
) -> pd.DataFrame:
    """The quality profile of every ego of a dataset, computed column-wise over the long tables.

    Gives per ego exactly what :func:`quality_profile` gives for ``ds.network(ego_id)`` (same keys,
    same conventions, same thresholds), but without building a network per ego: every metric is a
    grouped sum, count or maximum over the alter and tie tables (numpy ``bincount``/``reduceat``).
    The components of the alter-alter graph are found for all egos at once by label propagation
    with pointer jumping. Burt's constraint uses the tie-level form of :func:`netles.metrics.constraint`:
    ``indirect_j = sum over ties (i, j) of 1/(deg_i + 1)`` and ``constraint = sum_j ((1 + indirect_j)/n)^2``.

    Parameters
    ----------
    ds : Dataset
        The long tables. Alters and ties whose ``ego_id`` is not in the ego table are ignored.
        ``circle`` and ``sector`` default from the relation where missing (as in
        :attr:`EgoNetwork.alters`); support columns may be booleans, 0/1 or ``"true"``/``"false"``.
        With a ``moment`` column (see :mod:`netles.longtables`) every ``(ego_id, moment)`` is
        profiled on its own.
    strong_max_circle, weekly, max_minutes
        Thresholds, as in :func:`quality_profile`.
    progress : bool, optional
        Show a progress bar (tqdm) over chunks of egos. Default: only for large datasets
        (200,000 egos or more).

    Returns
    -------
    pandas.DataFrame
        One row per ego in ego-table order (egos without alters included), indexed by ``ego_id``
        (a ``MultiIndex(["ego_id", "moment"])`` when the dataset has moments); columns
        :func:`metric_keys`, float64. An ego with an alter whose relation is missing gets NaN for
        :data:`RELATION_METRICS` (and for :data:`CIRCLE_METRICS` / :data:`SECTOR_METRICS` where
        that alter has no circle / sector either); its other metrics are computed.

    Raises
    ------
    ValidationError
        If an alter's relation (or another coded field) holds an unknown value, an ego has two
        alters with the same id, or a tie points at an alter its ego does not have, ties an alter
        to itself or repeats a pair.

    Examples
    --------
    >>> from netles import Dataset, datasets
    >>> ds = Dataset.from_networks([datasets.load_case("voorbeeld")])
    >>> profile_many(ds).loc["voorbeeld", ["size", "density", "constraint"]].round(6).to_dict()
    {'size': 6.0, 'density': 0.266667, 'constraint': 0.384259}
    >>> net = datasets.load_case("voorbeeld")
    >>> panel = Dataset.from_networks([net, net.without_alter("F")], moments=["intake", "evaluatie"])
    >>> profile_many(panel)["size"].to_dict()
    {('voorbeeld', 'intake'): 6.0, ('voorbeeld', 'evaluatie'): 5.0}

    References
    ----------
    .. [1] Burt, R. S. (1992). *Structural Holes*. Harvard University Press.
    .. [2] Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy measures.
       *Connections* 20(1), 35-38.
    """
    import numpy as np

    egos, alters, ties = ds.egos, ds.alters, ds.ties
    index, a_ego, t_ego = _ego_positions(egos, alters, ties)
    n_egos = len(index)
    alters = alters.iloc[np.flatnonzero(a_ego >= 0)]
    ties = ties.iloc[np.flatnonzero(t_ego >= 0)]
    a_ego, t_ego = a_ego[a_ego >= 0], t_ego[t_ego >= 0]

    prepared = _prepare_alters(alters, a_ego)
    t_src, t_tgt = _tie_ends(alters, ties, a_ego, t_ego, index)

    # Sorting alters and ties by ego makes each chunk (and each ego) a contiguous slice.
    a_order = np.argsort(a_ego, kind="stable")
    a_ego = a_ego[a_order]
    prepared = {k: v[a_order] for k, v in prepared.items()}
    new_pos = np.empty_like(a_order)
    new_pos[a_order] = np.arange(len(a_order))
    t_order = np.argsort(t_ego, kind="stable")
    t_ego, t_src, t_tgt = t_ego[t_order], new_pos[t_src[t_order]], new_pos[t_tgt[t_order]]

    ego_gender = _codes(egos["gender"], vocab.GENDER.codes) if "gender" in egos else np.full(n_egos, -1, dtype=np.int64)
    options = dict(strong_max_circle=strong_max_circle, weekly=tuple(weekly), max_minutes=max_minutes)
    bounds = [*range(0, n_egos, _CHUNK_EGOS), n_egos] if n_egos else [0, 0]
    show = progress if progress is not None else n_egos >= _PROGRESS_MIN_EGOS
    chunks = range(len(bounds) - 1)
    if show:
        from tqdm.auto import tqdm

        chunks = tqdm(chunks, desc="profile_many", unit="chunk", total=len(bounds) - 1)
    parts = []
    for c in chunks:
        e0, e1 = bounds[c], bounds[c + 1]
        a0, a1 = np.searchsorted(a_ego, [e0, e1])
        s0, s1 = np.searchsorted(t_ego, [e0, e1])
        parts.append(
            _profile_arrays(
                e1 - e0,
                a_ego[a0:a1] - e0,
                {k: v[a0:a1] for k, v in prepared.items()},
                t_ego[s0:s1] - e0,
                t_src[s0:s1] - a0,
                t_tgt[s0:s1] - a0,
                ego_gender[e0:e1],
                **options,
            )
        )
    values = np.vstack(parts) if parts else np.zeros((0, len(metric_keys())))
    return pd.DataFrame(values, index=index, columns=metric_keys(), dtype="float64")


def _ego_positions(egos: pd.DataFrame, alters: pd.DataFrame, ties: pd.DataFrame):
    """(the result index, the ego-row position of every alter and tie; -1 for unknown egos).

    Ids are matched as :func:`netles._columns.coded` reads them (``1``, ``"1"`` and ``1.0`` are
    one id; Unicode in NFC), as integer codes: text is compared once per distinct id.
    """
    import numpy as np

    from ._columns import coded
    from .errors import Problem, ValidationError
    from .longtables import MOMENT

    moments = MOMENT in egos.columns
    e_id = coded(egos["ego_id"], ids=True)
    e_m = coded(egos[MOMENT], ids=True) if moments else None
    present = ~e_id.missing & (True if e_m is None else ~e_m.missing)
    n_m = (len(e_m.values) if moments else 0) + 1
    e_key = e_id.codes * n_m + ((e_m.codes + 1) if moments else 0)
    if not present.all() or len(np.unique(e_key)) != len(e_key):
        what = "ego ids (and moments)" if moments else "ego ids"
        raise ValidationError(Problem(f"{what} must be present and unique", field="ego_id", file="egos"))
    def plain(column: pd.Series) -> pd.Series:
        # ids read by read_dataset are Categoricals; the result's index is plain text
        return column.astype(column.cat.categories.dtype) if isinstance(column.dtype, pd.CategoricalDtype) else column

    if moments:
        index = pd.MultiIndex.from_arrays([plain(egos["ego_id"]).to_numpy(), plain(egos[MOMENT]).to_numpy()], names=["ego_id", MOMENT])
    else:
        index = pd.Index(plain(egos["ego_id"]), name="ego_id")
    top = int(e_key.max(initial=-1)) + 1
    lookup = _Lookup(e_key, top)
    ego_values = pd.Index(e_id.values, dtype=object)
    moment_values = pd.Index(e_m.values, dtype=object) if moments else None

    def positions(frame: pd.DataFrame):
        if not len(frame):
            return np.zeros(0, dtype=np.int64)
        c = coded(frame["ego_id"], ids=True)
        pos = c.take(ego_values.get_indexer(pd.Index(c.values, dtype=object)) if len(c.values) else np.zeros(0, dtype=np.int64), -1)
        if moments:
            if MOMENT not in frame.columns:
                return np.full(len(frame), -1, dtype=np.int64)
            m = coded(frame[MOMENT], ids=True)
            mpos = m.take(moment_values.get_indexer(pd.Index(m.values, dtype=object)) if len(m.values) else np.zeros(0, dtype=np.int64), -1)
            key = np.where((pos >= 0) & (mpos >= 0), pos * n_m + mpos + 1, -1)
        else:
            key = pos
        return lookup(key)

    return index, positions(alters), positions(ties)


class _Lookup:
    """Position of each integer key among ``keys`` (-1 when absent): a plain array for small key
    ranges, a hash table otherwise."""

    def __init__(self, keys, top: int):
        import numpy as np

        self.table = None
        if top <= _TABLE_LIMIT:
            self.table = np.full(max(top, 1), -1, dtype=np.int64)
            self.table[keys] = np.arange(len(keys))
        else:
            self.index = pd.Index(keys)

    def __call__(self, values):
        import numpy as np

        if self.table is not None:
            inside = (values >= 0) & (values < len(self.table))
            return np.where(inside, self.table[np.where(inside, values, 0)], -1)
        return np.where(values >= 0, self.index.get_indexer(values), -1)


def _truthy_array(column: pd.Series):
    """Vectorised version of the support-column truthiness of :meth:`Dataset.network`."""
    import numpy as np

    from ._columns import coded

    if pd.api.types.is_bool_dtype(column.dtype):
        return column.fillna(False).to_numpy(dtype=bool)
    if pd.api.types.is_numeric_dtype(column.dtype) and not isinstance(column.dtype, pd.CategoricalDtype):
        values = column.to_numpy(dtype=float, na_value=np.nan)
        return np.nan_to_num(values, nan=0.0) != 0
    if pd.api.types.infer_dtype(column, skipna=True) in ("string", "empty") or isinstance(column.dtype, pd.CategoricalDtype):
        c = coded(column)
        truthy = np.array([str(v).lower() in _TRUE_TEXT for v in c.values], dtype=bool)
        return c.take(truthy, False)
    out = np.zeros(len(column), dtype=bool)
    objects = column.to_numpy(dtype=object)
    is_text = np.array([isinstance(v, str) for v in objects], dtype=bool) if len(objects) else out.copy()
    if is_text.any():
        out[is_text] = pd.Series(objects[is_text]).str.strip().str.lower().isin(_TRUE_TEXT).to_numpy()
    rest = ~is_text & column.notna().to_numpy()
    if rest.any():
        out[rest] = [bool(v) for v in objects[rest]]
    return out


def _codes(column: pd.Series, categories) -> "np.ndarray":
    """Codes of a categorical column against fixed categories; -1 for missing or unknown."""
    import numpy as np

    from ._columns import coded

    c = coded(column)
    per_value = pd.Index(list(categories), dtype=object).get_indexer(pd.Index(c.values, dtype=object)) if len(c.values) else np.zeros(0, dtype=np.int64)
    return c.take(per_value.astype(np.int64), -1)


def _prepare_alters(alters: pd.DataFrame, a_ego) -> dict:
    """Per-alter numpy arrays (codes, booleans, numbers), with circle and sector defaults filled in."""
    import numpy as np

    from .errors import Problem, ValidationError

    n = len(alters)

    def column(name):
        return alters[name] if name in alters else pd.Series([None] * n, index=alters.index, dtype=object)

    problems = []
    checked = {}
    for name in ("relation", "sector", "gender", "contact", "support_direction", "valence"):
        values = column(name)
        codes = _codes(values, vocab.VOCABULARIES[name].codes)
        wrong = np.flatnonzero((codes < 0) & values.notna().to_numpy())
        for i in wrong[:50]:
            problems.append(Problem(f"{values.iloc[i]!r} is not a known value", file="alters", row=int(i) + 1,
                                    ego=str(alters["ego_id"].iloc[i]), alter=str(column("alter_id").iloc[i]),
                                    field=name, value=values.iloc[i], allowed=vocab.VOCABULARIES[name].allowed()))
        checked[name] = codes
    if problems:
        raise ValidationError(problems)
    rel_codes = checked["relation"]
    rel_known = rel_codes >= 0
    safe = np.where(rel_known, rel_codes, 0)
    rel_circle = np.array([vocab.RELATION_CIRCLE[r] for r in vocab.RELATION.codes], dtype=float)
    rel_sector = np.array([vocab.SECTOR.index(vocab.RELATION_SECTOR[r]) for r in vocab.RELATION.codes], dtype=np.int64)
    rel_kind = np.array([vocab.RELATION_KIND_OF[r] for r in vocab.RELATION.codes], dtype=object)
    circle_col = column("circle")
    if pd.api.types.is_numeric_dtype(circle_col.dtype) and not isinstance(circle_col.dtype, pd.CategoricalDtype):
        circle = circle_col.to_numpy(dtype=float, na_value=np.nan)
    else:
        circle = pd.to_numeric(circle_col, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    circle = np.where(np.isnan(circle), np.where(rel_known, rel_circle[safe], np.nan), circle)
    sector = checked["sector"]
    sector = np.where(sector < 0, np.where(rel_known, rel_sector[safe], -1), sector)
    travel_col = column("travel_minutes")
    if pd.api.types.is_numeric_dtype(travel_col.dtype) and not isinstance(travel_col.dtype, pd.CategoricalDtype):
        travel = travel_col.to_numpy(dtype=float, na_value=np.nan)
    else:
        travel = pd.to_numeric(travel_col, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    support = np.zeros((n, len(vocab.SUPPORT)), dtype=bool)
    for k, f in enumerate(vocab.SUPPORT.codes):
        name = f"support_{f}"
        if name in alters:
            support[:, k] = _truthy_array(alters[name])
    kind = rel_kind[safe]
    return {
        "relation": rel_codes,
        "relation_known": rel_known,
        "family": rel_known & (kind == "family"),
        "professional": rel_known & (kind == "professional"),
        "circle": circle,
        "circle_known": ~np.isnan(circle),
        "sector": sector,
        "sector_known": sector >= 0,
        "gender": checked["gender"],
        "contact": checked["contact"],
        "travel": travel,
        "direction": checked["support_direction"],
        "valence": checked["valence"],
        "support": support,
    }


def _tie_ends(alters: pd.DataFrame, ties: pd.DataFrame, a_ego, t_ego, ego_ids: pd.Index):
    """Row positions (in ``alters``) of both ends of every tie; checks the ties as EgoNetwork does."""
    import numpy as np

    from ._columns import coded
    from .errors import Problem, ValidationError

    empty = np.zeros(0, dtype=np.int64)
    alter_ids = alters["alter_id"] if "alter_id" in alters else pd.Series([], dtype=object)
    a_id = coded(alter_ids, ids=True)
    if a_id.missing.any():
        i = int(np.flatnonzero(a_id.missing)[0])
        raise ValidationError(Problem("is missing", file="alters", row=i + 1, ego=str(alters["ego_id"].iloc[i]), field="alter_id"))
    n_a, n_t = len(alters), len(ties)
    src = coded(ties["source"], ids=True) if n_t else None
    tgt = coded(ties["target"], ids=True) if n_t else None
    values = [a_id.values] + ([src.values, tgt.values] if n_t else [])
    id_index = pd.Index(pd.unique(np.concatenate(values)) if any(len(v) for v in values) else [], dtype=object)
    m = max(len(id_index), 1)

    def codes_of(c):
        per_value = id_index.get_indexer(pd.Index(c.values, dtype=object)) if len(c.values) else np.zeros(0, dtype=np.int64)
        return c.take(per_value.astype(np.int64), -1)

    alter_key = a_ego.astype(np.int64) * m + codes_of(a_id)
    top = int(alter_key.max(initial=-1)) + 1
    if top <= _TABLE_LIMIT:
        counts = np.bincount(alter_key, minlength=1)
        repeated = counts[alter_key] > 1 if len(alter_key) else np.zeros(0, dtype=bool)
    else:
        repeated = pd.Index(alter_key).duplicated(keep=False)
    if repeated.any():
        dup = np.flatnonzero(pd.Index(alter_key).duplicated())[:50]
        raise ValidationError([
            Problem("is used twice in the same network", file="alters", row=int(i) + 1, ego=str(ego_ids[a_ego[i]]),
                    alter=str(alter_ids.iloc[i]), field="alter_id", allowed="a unique id per alter")
            for i in dup
        ])
    if n_t == 0:
        return empty, empty
    lookup = _Lookup(alter_key, top)
    src_code, tgt_code = codes_of(src), codes_of(tgt)
    src = lookup(np.where(src_code >= 0, t_ego.astype(np.int64) * m + src_code, -1))
    tgt = lookup(np.where(tgt_code >= 0, t_ego.astype(np.int64) * m + tgt_code, -1))
    problems = []
    for which, pos, code in (("source", src, src_code), ("target", tgt, tgt_code)):
        for i in np.flatnonzero((pos < 0) | (code < 0))[:50]:
            problems.append(Problem(f"{ties[which].iloc[i]!r} is not an alter of this network", file="ties", row=int(i) + 1,
                                    ego=str(ego_ids[t_ego[i]]), field=which, allowed="the alter_id of an alter"))
    for i in np.flatnonzero((src == tgt) & (src >= 0))[:50]:
        problems.append(Problem(f"ties {ties['source'].iloc[i]!r} to itself", file="ties", row=int(i) + 1,
                                ego=str(ego_ids[t_ego[i]]), field="target", allowed="another alter"))
    if not problems:
        lo, hi = np.minimum(src, tgt).astype(np.int64), np.maximum(src, tgt).astype(np.int64)
        keys = lo * max(n_a, 1) + hi
        ordered = np.sort(keys, kind="stable")  # ties come grouped by ego: nearly sorted already
        repeated = pd.Index(keys).duplicated() if len(keys) > 1 and (ordered[1:] == ordered[:-1]).any() else np.zeros(len(keys), dtype=bool)
        for i in np.flatnonzero(repeated)[:50]:
            problems.append(Problem(f"{ties['source'].iloc[i]!r}-{ties['target'].iloc[i]!r} is already tied", file="ties",
                                    row=int(i) + 1, ego=str(ego_ids[t_ego[i]]), field="target",
                                    allowed="each pair once (ties are undirected)"))
    if problems:
        raise ValidationError(problems)
    return src.astype(np.int64), tgt.astype(np.int64)


def _components_per_ego(n_egos: int, a_ego, src, tgt):
    """Number of connected components of each ego's alter graph (label propagation, all egos at once)."""
    import numpy as np

    n = len(a_ego)
    label = np.arange(n, dtype=np.int64)
    if len(src):
        while True:
            low = np.minimum(label[src], label[tgt])
            new = label.copy()
            np.minimum.at(new, src, low)
            np.minimum.at(new, tgt, low)
            # pointer jumping: follow labels to their own labels until they settle
            while True:
                jumped = new[new]
                if np.array_equal(jumped, new):
                    break
                new = jumped
            if np.array_equal(new, label):
                break
            label = new
    roots = label == np.arange(n)
    return np.bincount(a_ego[roots], minlength=n_egos).astype(float)


def _diversity(n_egos: int, a_ego, codes, k_codebook: int):
    """n_categories, Blau, IQV and entropy per ego of a coded attribute (-1 = missing)."""
    import numpy as np

    known = codes >= 0
    k = int(codes.max()) + 1 if known.any() else 1
    counts = np.bincount(a_ego[known] * k + codes[known], minlength=n_egos * k).reshape(n_egos, k).astype(float)
    total = counts.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = counts / total[:, None]
        blau = 1.0 - (p**2).sum(axis=1)
        plogp = np.where(counts > 0, p * np.log2(np.where(counts > 0, p, 1.0)), 0.0)
        entropy = -plogp.sum(axis=1) + 0.0
    none = total == 0
    blau[none] = np.nan
    entropy[none] = np.nan
    iqv = blau / (1.0 - 1.0 / k_codebook) if k_codebook > 1 else np.full(n_egos, np.nan)
    return (counts > 0).sum(axis=1).astype(float), blau, iqv, entropy


def _profile_arrays(n_egos, a_ego, col, t_ego, src, tgt, ego_gender, *, strong_max_circle, weekly, max_minutes):
    """The profile matrix (egos x metric_keys) of one chunk; alters and ties sorted by ego."""
    import numpy as np

    nan = np.nan
    n = np.bincount(a_ego, minlength=n_egos).astype(float)
    t = np.bincount(t_ego, minlength=n_egos).astype(float)
    out: dict[str, np.ndarray] = {}
    with np.errstate(invalid="ignore", divide="ignore"):
        out["size"] = n
        out["density"] = np.where(n >= 2, 2 * t / (n * (n - 1)), nan)
        out["components"] = _components_per_ego(n_egos, a_ego, src, tgt)
        degree = np.bincount(src, minlength=len(a_ego)) + np.bincount(tgt, minlength=len(a_ego))
        out["isolates"] = np.bincount(a_ego, weights=(degree == 0), minlength=n_egos)
        effective = np.where(n > 0, n - 2 * t / n, nan)
        out["effective_size"] = effective
        out["efficiency"] = effective / n
        inv_degree = 1.0 / (degree + 1.0)
        indirect = np.bincount(tgt, weights=inv_degree[src], minlength=len(a_ego)) + np.bincount(
            src, weights=inv_degree[tgt], minlength=len(a_ego)
        )
        share_n = n[a_ego]
        out["constraint"] = np.where(n > 0, np.bincount(a_ego, weights=((1.0 + indirect) / share_n) ** 2, minlength=n_egos), nan)
        out["broker_pairs"] = n * (n - 1) / 2 - t
        for attr in DIVERSITY_ATTRIBUTES:
            codes = col["sector"] if attr == "sector" else col[attr]
            values = _diversity(n_egos, a_ego, codes, len(vocab.VOCABULARIES[attr]))
            for prefix, v in zip(("n_categories", "blau", "iqv", "entropy"), values):
                out[f"{prefix}_{attr}"] = v
        for attr in EI_ATTRIBUTES:
            vocabulary = vocab.VOCABULARIES[attr]
            ego_codes = ego_gender if attr == "gender" else np.full(n_egos, -1, dtype=np.int64)
            codes = col[attr]
            known = codes >= 0
            n_known = np.bincount(a_ego, weights=known, minlength=n_egos)
            same = np.bincount(a_ego, weights=known & (codes == ego_codes[a_ego]), minlength=n_egos)
            ei = (n_known - 2 * same) / n_known
            out[f"ei_{attr}"] = np.where((ego_codes >= 0) & (n_known > 0), ei, nan)

        def share(mask, known=None):
            denominator = n if known is None else np.bincount(a_ego, weights=known, minlength=n_egos)
            numerator = np.bincount(a_ego, weights=mask if known is None else (mask & known), minlength=n_egos)
            return np.where(denominator > 0, numerator / denominator, nan)

        out["share_family"] = share(col["family"])
        out["share_professional"] = share(col["professional"])
        out["share_strong"] = share(col["circle"] <= strong_max_circle)
        weekly_codes = [vocab.CONTACT.index(c) for c in weekly if c in vocab.CONTACT]
        out["share_weekly"] = share(np.isin(col["contact"], weekly_codes), col["contact"] >= 0)
        travel = col["travel"]
        out["share_reachable"] = share(travel <= max_minutes, ~np.isnan(travel))
        gives = col["direction"] != vocab.SUPPORT_DIRECTION.index("gives")
        given = col["support"] & gives[:, None]
        per_function = np.zeros((n_egos, given.shape[1]))
        for k in range(given.shape[1]):
            per_function[:, k] = np.bincount(a_ego, weights=given[:, k], minlength=n_egos)
        out["support_coverage"] = (per_function > 0).sum(axis=1).astype(float)
        out["multiplexity"] = np.where(n > 0, np.bincount(a_ego, weights=col["support"].sum(axis=1), minlength=n_egos) / n, nan)
        out["share_mutual"] = share(col["direction"] == vocab.SUPPORT_DIRECTION.index("mutual"), col["direction"] >= 0)
        out["share_burdening"] = share(col["valence"] == vocab.VALENCE.index("burdening"), col["valence"] >= 0)
        per_alter = given.sum(axis=1).astype(float)
        total = per_function.sum(axis=1)
        biggest = np.zeros(n_egos)
        has = n > 0
        if has.any():
            starts = np.searchsorted(a_ego, np.flatnonzero(has))
            biggest[has] = np.maximum.reduceat(per_alter, starts)
        out["max_support_share"] = np.where(total > 0, biggest / total, nan)
        # an unknown relation (or a circle / sector that cannot default from it) leaves these
        # metrics unknown for the whole ego, not computed over the alters that happen to have one
        for known, keys in ((col["relation_known"], RELATION_METRICS), (col["circle_known"], CIRCLE_METRICS),
                            (col["sector_known"], SECTOR_METRICS)):
            unknown = np.bincount(a_ego, weights=~known, minlength=n_egos) > 0
            if unknown.any():
                for key in keys:
                    out[key] = np.where(unknown, nan, out[key])
    return np.column_stack([out[k] for k in metric_keys()])
