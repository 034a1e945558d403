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
    "quality_profile",
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
    "constraint": ("beperking (constraint)", "constraint"),
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
    "n_categories": ("aantal soorten", "categories of"),
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
        (math.inf, "bijna alle steun komt van één persoon: risico op overbelasting", "nearly all support comes from one person: risk of overload"),
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
        (1, "de meeste mensen geven (nog) geen steun", "most people give no support (yet)"),
        (2, "gemiddeld één soort steun per persoon", "on average one kind of support per person"),
        (math.inf, "veel mensen geven meerdere soorten steun", "many people give several kinds of support"),
    ),
    "ei_gender": _bands(
        (-0.3, "vooral contacten van hetzelfde gender als de cliënt", "mostly contacts of the client's own gender"),
        (0.3, "een mix van genders", "a mix of genders"),
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
        ``meaning`` (English), indexed by metric key. A metric that cannot be computed (NaN)
        shows "-" and says why.

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
    return frame
