"""Synthetic ego networks calibrated to published figures.

:func:`synthetic_dataset` draws many ego networks at once, column by column with numpy (no loop over
egos), and returns them as the long tables of :class:`netles.Dataset`. :func:`synthetic_network`
draws one network the same way, so that ``synthetic_network(seed=s, profile=p)`` is exactly the
single ego of ``synthetic_dataset(1, groups={p: 1}, seed=s)``.

How one ego is drawn (every step vectorised over all alters of all egos):

1. Network size: a shifted gamma distribution (right-skewed, as network sizes are) with the
   profile's mean and standard deviation, rounded and kept within the profile's range.
2. Composition: each ego gets its own shares of family, other informal and professional alters
   from a Dirichlet distribution centred on the profile's shares (egos differ, the average matches
   the published figures); each alter is then family, informal or professional, and gets a relation
   from the profile's mix within that kind. At most one partner and two parents; an ego over 70 has
   no living parents (those alters become children).
3. Attributes, each from a table per relation (``RELATION_TABLES``): circle (partner and parents
   close, professionals mostly in the services circle), Lensink sector (always the relation's sector),
   gender, age relative to the ego's age, contact frequency, travel time, the five support functions
   and their direction, valence, status and the year the tie began. A faded or disrupted tie is seen
   at most yearly and gives no support; a disrupted tie is burdening or ambivalent. Per ego a
   "contact shift" makes all contacts one or two steps less frequent for a minority of egos (people
   who see few others), which is what makes a few percent of the population lack weekly contact.
4. Alter-alter ties: every pair of alters is tied with a probability that depends on their kinds
   (``TIE_PROBABILITY``: family knows family with high probability, friends partly, professionals
   rarely know anyone outside their team), scaled per ego by a random density factor.

The profiles (:data:`PROFILES`) name their source; where no published figure exists the profile
says plainly what is assumed. This is practice data for lessons and for trying out analyses; it
describes no real person and predicts nothing.

References
----------
.. [1] van Asselt-Goverts, A. E., Embregts, P. J. C. M. & Hendriks, A. H. C. (2013). Structural and
   functional characteristics of the social networks of people with mild intellectual disabilities.
   *Research in Developmental Disabilities* 34(4), 1280-1288.
.. [2] CBS (2019). Sociale contacten en maatschappelijke participatie (StatLine; weekly contact with
   family, friends and neighbours, population aged 15 and over, figures for 2018-2019).
"""
from __future__ import annotations

import math
import zlib
from dataclasses import dataclass, field
from typing import Mapping

import numpy as np
import pandas as pd

from .. import vocab
from ..longtables import DATASET_ALTER_COLUMNS, DATASET_EGO_COLUMNS, DATASET_TIE_COLUMNS, SUPPORT_COLUMNS, Dataset
from ..network import EgoNetwork

__all__ = [
    "SyntheticProfile",
    "PROFILES",
    "REGIONS",
    "REFERENCE_YEAR",
    "RELATION_TABLES",
    "TIE_PROBABILITY",
    "synthetic_network",
    "synthetic_dataset",
]

REFERENCE_YEAR = 2025
"""The "now" of the synthetic data: ``since`` years lie before it and ages are counted at it."""

REGIONS = {"noord": 0.10, "oost": 0.21, "west": 0.48, "zuid": 0.21}
"""The four CBS landsdelen with (rounded) shares of the Dutch population: the ego's ``region``."""

_RELATIONS = vocab.RELATION.codes
_REL = {r: i for i, r in enumerate(_RELATIONS)}
_KINDS = ("family", "informal", "professional")
_FAMILY = tuple(r for r in _RELATIONS if vocab.RELATION_KIND_OF[r] == "family")
_INFORMAL = tuple(r for r in _RELATIONS if vocab.RELATION_KIND_OF[r] == "informal")
_CONTACTS = vocab.CONTACT.codes
_GENDERS = vocab.GENDER.codes  # F, M, X
_SUPPORTS = vocab.SUPPORT.codes
_DIRECTIONS = vocab.SUPPORT_DIRECTION.codes  # receives, gives, mutual
_VALENCES = vocab.VALENCE.codes
_STATUSES = vocab.STATUS.codes


@dataclass(frozen=True)
class SyntheticProfile:
    """The parameters of one population of synthetic ego networks.

    Parameters
    ----------
    label : tuple of str
        Dutch and English name of the population.
    source : str
        Where the figures come from (or that they are assumptions).
    assumptions : str
        What is assumed beyond the source, in plain words.
    size_mean, size_sd : float
        Mean and standard deviation of the network size.
    size_min, size_max : int
        Range of the network size.
    kind_shares : tuple of float
        Expected shares of family, other informal and professional alters (summing to 1).
    family_mix, informal_mix : mapping
        Relation -> weight within the family and within the other informal alters.
    kind_concentration : float
        Dirichlet concentration of the per-ego shares: higher means egos differ less.
    ego_age : tuple of int
        Range of the ego's age (uniform).
    ego_gender : tuple of float
        Probabilities of F, M, X for the ego.
    contact_shift : tuple of float
        Probabilities that all of an ego's contacts are 0, 1 or 2 steps less frequent than usual.
    contact : mapping
        Relation -> probabilities of daily, weekly, monthly, yearly, rarely, overriding
        :data:`RELATION_TABLES` for this profile.
    circle_outward : float
        Chance that an informal alter sits one circle further out than usual.
    status : tuple of float
        Probabilities of active, faded, disrupted for non-professional alters.
    direction : tuple of float
        Probabilities of receives, gives, mutual for informal alters who support ego.
    support_scale : float
        Multiplies every support probability (capped at 0.95).
    burden_scale : float
        Multiplies the probability of ambivalent and burdening ties.
    tie_scale : float
        Multiplies every alter-alter tie probability (capped at 0.95).
    regions : mapping
        Region -> share, for the ego's ``region``.
    """

    label: tuple
    source: str
    assumptions: str
    size_mean: float
    size_sd: float
    size_min: int
    size_max: int
    kind_shares: tuple
    family_mix: Mapping[str, float]
    informal_mix: Mapping[str, float]
    kind_concentration: float = 12.0
    ego_age: tuple = (18, 65)
    ego_gender: tuple = (0.5, 0.49, 0.01)
    contact_shift: tuple = (0.85, 0.12, 0.03)
    contact: Mapping[str, tuple] = field(default_factory=dict)
    circle_outward: float = 0.0
    status: tuple = (0.86, 0.10, 0.04)
    direction: tuple = (0.35, 0.15, 0.50)
    support_scale: float = 1.0
    burden_scale: float = 1.0
    tie_scale: float = 1.0
    regions: Mapping[str, float] = field(default_factory=lambda: dict(REGIONS))

    def __post_init__(self):
        problems = []
        if not (1 <= self.size_min <= self.size_mean <= self.size_max):
            problems.append("size_min <= size_mean <= size_max must hold, with size_min >= 1")
        if self.size_sd <= 0:
            problems.append("size_sd must be positive")
        for name, probs, n in (("kind_shares", self.kind_shares, 3), ("ego_gender", self.ego_gender, 3),
                               ("contact_shift", self.contact_shift, 3), ("status", self.status, 3),
                               ("direction", self.direction, 3)):
            if len(probs) != n or min(probs) < 0 or not math.isclose(sum(probs), 1, abs_tol=1e-6):
                problems.append(f"{name} must be {n} probabilities summing to 1")
        for name, mix, allowed in (("family_mix", self.family_mix, _FAMILY), ("informal_mix", self.informal_mix, _INFORMAL)):
            wrong = [r for r in mix if r not in allowed]
            if wrong or sum(mix.values()) <= 0 or min(mix.values()) < 0:
                problems.append(f"{name} must weigh relations out of {', '.join(allowed)}")
        for rel, probs in self.contact.items():
            if rel not in _REL or len(probs) != 5 or not math.isclose(sum(probs), 1, abs_tol=1e-6):
                problems.append(f"contact[{rel!r}] must be 5 probabilities summing to 1 for a known relation")
        if not self.regions or not math.isclose(sum(self.regions.values()), 1, abs_tol=1e-6):
            problems.append("regions must be shares summing to 1")
        if problems:
            raise ValueError("invalid SyntheticProfile: " + "; ".join(problems))


# -- tables per relation -----------------------------------------------------------------------
# Columns: circle probabilities (1-4); contact probabilities (daily ... rarely); support
# probabilities (practical, emotional, companionship, appraisal, information); valence
# (supportive, ambivalent, burdening); median travel minutes. Teaching-model guesses, chosen so
# that partner and parents are close and frequent, acquaintances further out, professionals in the
# services circle and strong on information and practical help.
RELATION_TABLES: dict[str, dict[str, tuple]] = {
    "partner":        dict(circle=(.92, .07, .01, 0), contact=(.90, .08, .02, 0, 0), support=(.80, .85, .85, .60, .50), valence=(.80, .16, .04), travel=0),
    "parent":         dict(circle=(.65, .28, .07, 0), contact=(.15, .45, .30, .08, .02), support=(.55, .50, .35, .35, .45), valence=(.74, .20, .06), travel=25),
    "child":          dict(circle=(.75, .20, .05, 0), contact=(.20, .45, .28, .05, .02), support=(.45, .40, .40, .30, .30), valence=(.78, .17, .05), travel=25),
    "sibling":        dict(circle=(.30, .45, .25, 0), contact=(.05, .35, .40, .15, .05), support=(.30, .35, .35, .25, .25), valence=(.74, .20, .06), travel=30),
    "other_family":   dict(circle=(.05, .30, .65, 0), contact=(.02, .13, .35, .35, .15), support=(.10, .10, .20, .10, .10), valence=(.80, .16, .04), travel=40),
    "friend":         dict(circle=(.25, .55, .20, 0), contact=(.08, .45, .35, .10, .02), support=(.20, .50, .70, .35, .25), valence=(.86, .12, .02), travel=20),
    "neighbour":      dict(circle=(.02, .18, .80, 0), contact=(.20, .45, .25, .07, .03), support=(.30, .08, .20, .05, .05), valence=(.82, .14, .04), travel=2),
    "colleague":      dict(circle=(.02, .18, .80, 0), contact=(.30, .50, .12, .05, .03), support=(.08, .10, .35, .20, .20), valence=(.84, .13, .03), travel=20),
    "fellow_student": dict(circle=(.02, .20, .78, 0), contact=(.30, .50, .12, .05, .03), support=(.08, .10, .35, .20, .20), valence=(.85, .13, .02), travel=20),
    "acquaintance":   dict(circle=(0, .08, .92, 0), contact=(.02, .20, .40, .28, .10), support=(.05, .05, .20, .05, .05), valence=(.86, .12, .02), travel=15),
    "club_member":    dict(circle=(0, .15, .85, 0), contact=(.05, .60, .25, .07, .03), support=(.05, .05, .50, .10, .05), valence=(.88, .10, .02), travel=10),
    "fellow_client":  dict(circle=(.02, .25, .73, 0), contact=(.35, .45, .15, .04, .01), support=(.10, .20, .55, .10, .10), valence=(.76, .18, .06), travel=5),
    "volunteer":      dict(circle=(0, .20, .75, .05), contact=(.05, .60, .30, .04, .01), support=(.45, .20, .50, .20, .20), valence=(.90, .09, .01), travel=15),
    "professional":   dict(circle=(0, .03, .12, .85), contact=(.15, .50, .30, .05, 0), support=(.55, .35, .10, .25, .75), valence=(.86, .12, .02), travel=20),
}
"""Relation -> distributions of circle, contact, support, valence and the median travel time."""

# Tie groups for alter-alter ties: family, friend, neighbour, work/school, leisure (acquaintances,
# clubs), fellow clients, volunteers, professionals.
_TIE_GROUP_OF = {
    "partner": 0, "parent": 0, "child": 0, "sibling": 0, "other_family": 0, "friend": 1, "neighbour": 2,
    "colleague": 3, "fellow_student": 3, "acquaintance": 4, "club_member": 4, "fellow_client": 5,
    "volunteer": 6, "professional": 7,
}
_TIE_UPPER = [
    # fam  fri  nb   work leis fc   vol  prof
    [.75, .25, .30, .05, .10, .10, .15, .10],
    [0,   .40, .15, .10, .20, .15, .05, .03],
    [0,   0,   .50, .02, .15, .05, .05, .02],
    [0,   0,   0,   .60, .05, .10, .02, .08],
    [0,   0,   0,   0,   .50, .15, .15, .03],
    [0,   0,   0,   0,   0,   .60, .20, .15],
    [0,   0,   0,   0,   0,   0,   .30, .25],
    [0,   0,   0,   0,   0,   0,   0,   .35],
]
TIE_PROBABILITY = np.triu(np.array(_TIE_UPPER)) + np.triu(np.array(_TIE_UPPER), 1).T
"""Probability that two alters know each other, by tie group (family, friend, neighbour, work,
leisure, fellow client, volunteer, professional), before the per-ego density factor."""

_LVB_SOURCE = (
    "van Asselt-Goverts, Embregts & Hendriks (2013), 33 adults with a mild intellectual disability "
    "living independently: size 4-28 (mean 14.2); 42.7% family, 32.8% acquaintances (friends 19.9%, "
    "colleagues 5.1%, neighbours 1.8%), 24.5% professionals"
)

PROFILES: dict[str, SyntheticProfile] = {
    "lvb": SyntheticProfile(
        label=("volwassenen met een lichte verstandelijke beperking, zelfstandig wonend",
               "adults with a mild intellectual disability living independently"),
        source=_LVB_SOURCE,
        assumptions=(
            "Size standard deviation 5.5 (not reported in this summary). The 6.0% of acquaintances "
            "that are not friends, colleagues or neighbours are split over acquaintances, club members, "
            "fellow clients and volunteers. Few partners and children; more support received than given."
        ),
        size_mean=14.2, size_sd=5.5, size_min=4, size_max=28,
        kind_shares=(0.427, 0.328, 0.245),
        family_mix={"partner": 0.06, "parent": 0.22, "child": 0.04, "sibling": 0.30, "other_family": 0.38},
        informal_mix={"friend": 19.9, "colleague": 5.1, "neighbour": 1.8, "acquaintance": 1.8,
                      "club_member": 1.6, "fellow_client": 2.0, "volunteer": 0.6},
        ego_age=(18, 65),
        direction=(0.50, 0.10, 0.40),
    ),
    "ggz": SyntheticProfile(
        label=("mensen in de geestelijke gezondheidszorg", "people in mental-health care"),
        source="assumption of netles (no single calibrated study)",
        assumptions=(
            "Follows the general finding that people with serious mental-health problems have smaller "
            "networks with fewer friends and relatively more professionals: mean size 10 (2-25), "
            "family 40%, other informal 25% (with fellow clients), professionals 35%; more ties faded "
            "or disrupted, more ambivalent ties, contacts less frequent and a little further out."
        ),
        size_mean=10.0, size_sd=4.5, size_min=2, size_max=25,
        kind_shares=(0.40, 0.25, 0.35),
        family_mix={"partner": 0.07, "parent": 0.25, "child": 0.08, "sibling": 0.30, "other_family": 0.30},
        informal_mix={"friend": 10, "fellow_client": 8, "acquaintance": 4, "neighbour": 2, "colleague": 1},
        ego_age=(18, 70),
        contact_shift=(0.70, 0.22, 0.08),
        circle_outward=0.15,
        status=(0.74, 0.18, 0.08),
        direction=(0.50, 0.10, 0.40),
        burden_scale=1.6,
        tie_scale=0.85,
    ),
    "ouderen": SyntheticProfile(
        label=("alleenwonende ouderen", "older adults living alone"),
        source="assumption of netles (no single calibrated study)",
        assumptions=(
            "Aged 70-95, living alone (no partner, no living parents): mean size 11 (2-30), family 50% "
            "(mostly children and their families), other informal 35% with more neighbours, "
            "professionals 15% (home care, GP); ties given and received are more often mutual with "
            "family, and some old friendships have faded."
        ),
        size_mean=11.0, size_sd=5.0, size_min=2, size_max=30,
        kind_shares=(0.50, 0.35, 0.15),
        family_mix={"child": 0.40, "sibling": 0.22, "other_family": 0.38},
        informal_mix={"friend": 13, "neighbour": 10, "acquaintance": 5, "club_member": 5, "volunteer": 2},
        ego_age=(70, 95),
        ego_gender=(0.64, 0.355, 0.005),
        contact_shift=(0.80, 0.15, 0.05),
        status=(0.82, 0.15, 0.03),
        direction=(0.45, 0.10, 0.45),
    ),
    "algemeen": SyntheticProfile(
        label=("algemene bevolking (15 jaar en ouder)", "general population (aged 15 and over)"),
        source=(
            "CBS (2019): about 96% of people aged 15+ have at least weekly contact with family, friends "
            "or neighbours; about 83% weekly with family, 58% with neighbours (2018)"
        ),
        assumptions=(
            "Size and composition are assumptions (mean 16, range 4-35; family 45%, other informal 50%, "
            "professionals 5%). Contact frequencies are tuned so that the shares of egos with at least "
            "one weekly family contact, neighbour contact and family/friend/neighbour contact come near "
            "the CBS figures; the partner counts as family here."
        ),
        size_mean=16.0, size_sd=6.0, size_min=4, size_max=35,
        kind_shares=(0.45, 0.50, 0.05),
        family_mix={"partner": 0.11, "parent": 0.16, "child": 0.14, "sibling": 0.21, "other_family": 0.38},
        informal_mix={"friend": 21, "neighbour": 10, "colleague": 10, "fellow_student": 3,
                      "acquaintance": 4, "club_member": 4},
        ego_age=(15, 85),
        contact={
            "partner": (0.60, 0.25, 0.12, 0.03, 0.0),
            "parent": (0.12, 0.45, 0.30, 0.10, 0.03),
            "child": (0.15, 0.45, 0.30, 0.07, 0.03),
            "sibling": (0.03, 0.28, 0.43, 0.19, 0.07),
            "other_family": (0.01, 0.09, 0.35, 0.38, 0.17),
            "neighbour": (0.24, 0.50, 0.16, 0.07, 0.03),
        },
        contact_shift=(0.955, 0.03, 0.015),
        direction=(0.25, 0.20, 0.55),
    ),
}
"""Profile name -> :class:`SyntheticProfile`. Add your own with ``PROFILES["naam"] = SyntheticProfile(...)``
(or :func:`dataclasses.replace` of an existing one)."""

# -- pseudonyms -------------------------------------------------------------------------------------
_ROLE_WORDS = {  # relation -> Dutch word for a woman, a man, anyone (used in the pseudonym)
    "partner": ("partner", "partner", "partner"),
    "parent": ("moeder", "vader", "ouder"),
    "child": ("dochter", "zoon", "kind"),
    "sibling": ("zus", "broer", "zus/broer"),
    "other_family": ("tante", "oom", "familielid"),
    "friend": ("vriendin", "vriend", "vriend(in)"),
    "neighbour": ("buurvrouw", "buurman", "buur"),
    "colleague": ("collega", "collega", "collega"),
    "fellow_student": ("medestudent", "medestudent", "medestudent"),
    "acquaintance": ("kennis", "kennis", "kennis"),
    "club_member": ("clubgenote", "clubgenoot", "clubgenoot"),
    "fellow_client": ("medecliënt", "medecliënt", "medecliënt"),
    "volunteer": ("vrijwilliger", "vrijwilliger", "vrijwilliger"),
    "professional": ("begeleider", "begeleider", "begeleider"),
}
_INITIALS = "ABCDEFGHIJKLMNOPRSTVWZ"
_NAME_TABLE = np.array(
    [[[f"{_ROLE_WORDS[r][g]} {c}." for c in _INITIALS] for g in range(3)] for r in _RELATIONS], dtype=object
)


# -- helpers ----------------------------------------------------------------------------------------
def _cum(probs) -> np.ndarray:
    """Cumulative probabilities (rows normalised) without the final 1, for inverse-cdf sampling."""
    p = np.asarray(probs, dtype=float)
    p = p / p.sum(axis=-1, keepdims=True)
    return np.cumsum(p, axis=-1)[..., :-1]


def _draw(rng: np.random.Generator, cum_rows: np.ndarray) -> np.ndarray:
    """One categorical draw per row of cumulative probabilities (shape (n, k-1)) -> codes 0..k-1."""
    u = rng.random(cum_rows.shape[0])
    return (u[:, None] >= cum_rows).sum(axis=1)


def _parse_groups(n_egos: int, groups) -> dict[str, int]:
    """Group name -> number of egos (shares are rounded by the largest remainder)."""
    if isinstance(n_egos, bool) or not isinstance(n_egos, (int, np.integer)) or n_egos < 0:
        raise ValueError(f"n_egos must be a whole number >= 0, not {n_egos!r}")
    if groups is None:
        groups = {"lvb": 1.0}
    if isinstance(groups, str):
        groups = {groups: 1.0}
    if not isinstance(groups, Mapping) or not groups:
        raise ValueError("groups must be a dict of profile name -> share or count")
    unknown = [g for g in groups if g not in PROFILES]
    if unknown:
        raise ValueError(f"unknown profile {unknown[0]!r}: choose from {', '.join(PROFILES)}")
    values = np.array([float(v) for v in groups.values()])
    if (values < 0).any() or not np.isfinite(values).all() or values.sum() <= 0:
        raise ValueError("group shares or counts must be non-negative numbers, not all zero")
    names = list(groups)
    if all(float(v).is_integer() for v in values) and values.sum() == n_egos:
        return dict(zip(names, values.astype(int).tolist()))
    exact = values / values.sum() * n_egos
    counts = np.floor(exact).astype(int)
    rest = n_egos - counts.sum()
    counts[np.argsort(-(exact - counts), kind="stable")[:rest]] += 1
    return dict(zip(names, counts.tolist()))


def _profile_rng(seed, name: str) -> np.random.Generator:
    # crc32 is stable across runs and platforms (hash() is salted per process)
    return np.random.default_rng([int(seed), zlib.crc32(name.encode("utf-8"))])


_MAX_PAIR_SIZE = 64
_PAIR_J = np.concatenate([np.full(j, j) for j in range(1, _MAX_PAIR_SIZE)]).astype(np.int32)
_PAIR_I = np.concatenate([np.arange(j) for j in range(1, _MAX_PAIR_SIZE)]).astype(np.int32)
# For a network of n alters, its pairs (i < j) are the first n(n-1)/2 entries of (_PAIR_I, _PAIR_J).


def _generate(profile: SyntheticProfile, name: str, n: int, rng: np.random.Generator) -> tuple:
    """Draw ``n`` egos of one profile: (egos, alters, ties) as dicts of numpy arrays."""
    p = profile
    width = max(4, len(str(n)))
    ego_ids = np.array([f"{name}-{k:0{width}d}" for k in range(1, n + 1)], dtype=object)

    # -- egos
    ego_gender = _draw(rng, np.tile(_cum(p.ego_gender), (n, 1)))
    ego_age = rng.integers(p.ego_age[0], p.ego_age[1] + 1, size=n)
    region_names = np.array(list(p.regions), dtype=object)
    ego_region = region_names[_draw(rng, np.tile(_cum(list(p.regions.values())), (n, 1)))]

    # -- sizes: shifted gamma, rounded, kept within range
    excess = max(p.size_mean - p.size_min, 1e-9)
    shape, scale = excess**2 / p.size_sd**2, p.size_sd**2 / excess
    sizes = np.clip(np.rint(p.size_min + rng.gamma(shape, scale, size=n)), p.size_min, p.size_max).astype(np.int64)
    if p.size_max >= _MAX_PAIR_SIZE:
        raise ValueError(f"size_max must be below {_MAX_PAIR_SIZE}")
    total = int(sizes.sum())
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
    ego = np.repeat(np.arange(n), sizes)

    # -- relations: per-ego kind shares (Dirichlet), then relation within kind
    kind_p = rng.dirichlet(np.asarray(p.kind_shares) * p.kind_concentration + 1e-9, size=n) if n else np.zeros((0, 3))
    kind = _draw(rng, np.cumsum(kind_p, axis=1)[ego, :2])
    rel = np.empty(total, dtype=np.int64)
    for k, mix in ((0, p.family_mix), (1, p.informal_mix)):
        codes = np.array([_REL[r] for r in mix])
        mask = kind == k
        rel[mask] = codes[_draw(rng, np.tile(_cum(list(mix.values())), (int(mask.sum()), 1)))]
    rel[kind == 2] = _REL["professional"]
    # Nobody over 70 has living parents; they become children.
    rel[(rel == _REL["parent"]) & (ego_age[ego] > 70)] = _REL["child"]
    # Order alters within an ego by relation, then cap partners at one and parents at two.
    order = np.lexsort((rel, ego))
    rel = rel[order]
    first_of_run = np.ones(total, dtype=bool)
    first_of_run[1:] = (rel[1:] != rel[:-1]) | (ego[1:] != ego[:-1])
    run_start = np.maximum.accumulate(np.where(first_of_run, np.arange(total), 0))
    rank = np.arange(total) - run_start
    extra = ((rel == _REL["partner"]) & (rank >= 1)) | ((rel == _REL["parent"]) & (rank >= 2))
    rel[extra] = _REL["other_family"]
    order = np.lexsort((rel, ego))
    rel = rel[order]
    pos = np.arange(total) - starts[ego]
    rel_names = np.array(_RELATIONS, dtype=object)
    is_prof = rel == _REL["professional"]
    is_family = np.isin(rel, [_REL[r] for r in _FAMILY])
    is_informal = ~is_prof & ~is_family

    # -- status (professionals are always active)
    status = _draw(rng, np.tile(_cum(p.status), (total, 1)))
    status[is_prof] = 0
    lapsed = status > 0

    # -- circle: per relation; some informal alters one circle further out; a lapsed tie is not intimate
    circle_cum = np.array([_cum(RELATION_TABLES[r]["circle"]) for r in _RELATIONS])
    circle = _draw(rng, circle_cum[rel]) + 1
    outward = (rng.random(total) < p.circle_outward) & ~is_prof
    circle = np.where(outward & (circle < 3), circle + 1, circle)
    circle = np.where(lapsed, np.maximum(circle, 2 + (status == 2)), circle)
    sector = np.array([vocab.RELATION_SECTOR[r] for r in _RELATIONS], dtype=object)[rel]

    # -- gender of the alter
    ego_g = ego_gender[ego]
    p_female = np.full(total, 0.5)
    p_female[rel == _REL["friend"]] = np.where(ego_g[rel == _REL["friend"]] == 0, 0.7, np.where(ego_g[rel == _REL["friend"]] == 1, 0.3, 0.5))
    is_partner = rel == _REL["partner"]
    p_female[is_partner] = np.where(ego_g[is_partner] == 0, 0.1, np.where(ego_g[is_partner] == 1, 0.9, 0.5))
    p_female[is_prof] = 0.8
    p_female[rel == _REL["volunteer"]] = 0.65
    u = rng.random(total)
    gender = np.where(u < 0.005, 2, np.where(rng.random(total) < p_female, 0, 1))

    # -- age, relative to the ego's age
    eage = ego_age[ego].astype(float)
    age = eage + rng.normal(0, 8, total)  # peers: friends, colleagues, clubs, fellow clients
    gap = rng.uniform(20, 38, total)
    age = np.where(rel == _REL["parent"], eage + gap, age)
    age = np.where(rel == _REL["child"], eage - gap, age)
    age = np.where(is_partner, eage + rng.normal(0, 4, total), age)
    age = np.where(rel == _REL["sibling"], eage + rng.normal(0, 6, total), age)
    age = np.where(rel == _REL["other_family"], eage + rng.normal(0, 20, total), age)
    age = np.where(rel == _REL["neighbour"], rng.uniform(20, 85, total), age)
    age = np.where(rel == _REL["volunteer"], rng.uniform(25, 75, total), age)
    age = np.where(is_prof, rng.uniform(23, 64, total), age)
    age = np.clip(np.rint(age), 0, 104).astype(np.int64)

    # -- contact frequency, with the ego's contact shift; lapsed ties at most yearly
    contact_rows = np.array([_cum(p.contact.get(r, RELATION_TABLES[r]["contact"])) for r in _RELATIONS])
    contact = _draw(rng, contact_rows[rel])
    shift = _draw(rng, np.tile(_cum(p.contact_shift), (n, 1)))[ego]
    contact = np.where(is_prof, contact, np.minimum(contact + shift, 4))
    contact = np.where(lapsed, np.maximum(contact, 3), contact)

    # -- travel minutes: lognormal around the relation's median; partners mostly live together
    medians = np.array([RELATION_TABLES[r]["travel"] for r in _RELATIONS], dtype=float)[rel]
    travel = np.maximum(medians, 1) * np.exp(rng.normal(0, 0.8, total))
    travel = np.where(is_partner & (rng.random(total) < 0.7), 0, travel)
    travel = np.clip(np.rint(travel), 0, 600).astype(np.int64)

    # -- support functions and their direction; lapsed ties give none
    support_p = np.array([RELATION_TABLES[r]["support"] for r in _RELATIONS]) * p.support_scale
    support = rng.random((total, 5)) < np.minimum(support_p, 0.95)[rel]
    support[lapsed] = False
    has_support = support.any(axis=1)
    direction = _draw(rng, np.tile(_cum(p.direction), (total, 1)))
    direction = np.where(is_prof | (rel == _REL["volunteer"]), 0, direction)
    direction_names = np.array(_DIRECTIONS, dtype=object)[direction]
    direction_names[~has_support] = None

    # -- valence: disrupted ties are burdening or ambivalent
    val_p = np.array([RELATION_TABLES[r]["valence"] for r in _RELATIONS], dtype=float)
    val_p[:, 1:] *= p.burden_scale
    valence = _draw(rng, np.array([_cum(row) for row in val_p])[rel])
    valence = np.where(status == 2, np.where(rng.random(total) < 0.6, 2, 1), valence)

    # -- since: family since the younger one's birth; others within the ego's adult life
    born_younger = REFERENCE_YEAR - np.minimum(eage, age)
    partner_years = rng.uniform(1, np.maximum(eage - 17, 1.5))
    other_years = rng.uniform(0, np.maximum(np.minimum(eage - 12, 40), 1))
    since = REFERENCE_YEAR - other_years
    since = np.where(is_family, born_younger, since)
    since = np.where(is_partner, REFERENCE_YEAR - partner_years, since)
    since = np.where(is_prof | (rel == _REL["volunteer"]), REFERENCE_YEAR - rng.uniform(0, 8, total), since)
    since = np.clip(np.floor(since), 1900, REFERENCE_YEAR).astype(np.int64)

    names = _NAME_TABLE[rel, gender, rng.integers(0, len(_INITIALS), total)]
    alter_ids = np.array([f"A{k}" for k in range(1, _MAX_PAIR_SIZE + 1)], dtype=object)

    alters = {
        "ego": ego,
        "alter_id": alter_ids[pos],
        "name": names,
        "relation": rel_names[rel],
        "circle": circle.astype(np.int64),
        "sector": sector,
        "gender": np.array(_GENDERS, dtype=object)[gender],
        "age": age,
        "contact": np.array(_CONTACTS, dtype=object)[contact],
        "travel_minutes": travel,
        "support_direction": direction_names,
        "valence": np.array(_VALENCES, dtype=object)[valence],
        "status": np.array(_STATUSES, dtype=object)[status],
        "since": since,
        "support": support,
    }

    # -- alter-alter ties, in chunks of egos so memory stays bounded
    group = np.array([_TIE_GROUP_OF[r] for r in _RELATIONS], dtype=np.int8)[rel]
    tie_flat = TIE_PROBABILITY.astype(np.float32).ravel()
    density_factor = (np.exp(rng.normal(0, 0.35, n)) * p.tie_scale).astype(np.float32)
    lapse_factor = np.where(lapsed, 0.6, 1.0).astype(np.float32)
    n_pairs = sizes * (sizes - 1) // 2
    tie_ego, tie_i, tie_j = [], [], []
    chunk = 20_000
    for lo in range(0, n, chunk):
        hi = min(lo + chunk, n)
        counts = n_pairs[lo:hi]
        pair_ego = np.repeat(np.arange(lo, hi), counts)
        pair_start = np.concatenate([[0], np.cumsum(counts)[:-1]])
        local = np.arange(int(counts.sum())) - np.repeat(pair_start, counts)
        i, j = _PAIR_I[local], _PAIR_J[local]
        base = starts[pair_ego]
        a, b = base + i, base + j
        # one flat gather instead of 2-D fancy indexing: several times faster on millions of pairs
        prob = tie_flat[group[a] * 8 + group[b]]
        prob *= density_factor[pair_ego]
        prob *= lapse_factor[a]
        prob *= lapse_factor[b]
        keep = rng.random(len(prob), dtype=np.float32) < np.minimum(prob, 0.95)
        tie_ego.append(pair_ego[keep])
        tie_i.append(i[keep])
        tie_j.append(j[keep])
    tie_ego = np.concatenate(tie_ego) if tie_ego else np.zeros(0, dtype=np.int64)
    tie_i = np.concatenate(tie_i) if tie_i else np.zeros(0, dtype=np.int32)
    tie_j = np.concatenate(tie_j) if tie_j else np.zeros(0, dtype=np.int32)
    ties = {"ego": tie_ego, "source": alter_ids[tie_i], "target": alter_ids[tie_j]}

    egos = {
        "ego_id": ego_ids,
        "gender": np.array(_GENDERS, dtype=object)[ego_gender],
        "age": ego_age.astype(np.int64),
        "group": np.full(n, name, dtype=object),
        "region": ego_region,
    }
    return egos, alters, ties


def synthetic_dataset(n_egos: int, groups: Mapping[str, float] | str | None = None, seed: int = 0) -> Dataset:
    """Many synthetic ego networks as the long tables of a :class:`netles.Dataset`.

    Every column is drawn with numpy over all egos of a profile at once (see the module docstring
    for the model), so 100,000 egos take seconds.

    Parameters
    ----------
    n_egos : int
        Number of egos.
    groups : dict or str, optional
        Profile name (a key of :data:`PROFILES`) -> share or count. Counts are used as they are when
        they are whole numbers adding up to ``n_egos``; otherwise the values are shares, rounded to
        counts by the largest remainder. A single name means all egos; default ``{"lvb": 1}``.
    seed : int
        Random seed: the same seed and arguments give the same tables.

    Returns
    -------
    Dataset
        ``egos``: ``ego_id`` (``"<profile>-0001"``...), ``gender``, ``age``, ``group`` (the profile
        name), ``region``. ``alters``: ``ego_id``, every alter field of the data model with support
        as the boolean columns ``support_<function>``. ``ties``: ``ego_id``, ``source``, ``target``,
        ``weight`` (unset, NaN). ``meta`` records the seed and group counts.

    Raises
    ------
    ValueError
        For an unknown profile, a negative ``n_egos`` or shares that are not numbers.

    Examples
    --------
    >>> ds = synthetic_dataset(3, groups={"lvb": 2, "ouderen": 1}, seed=7)
    >>> ds.egos[["ego_id", "group"]].values.tolist()
    [['lvb-0001', 'lvb'], ['lvb-0002', 'lvb'], ['ouderen-0001', 'ouderen']]
    >>> ds.network("lvb-0002") == synthetic_dataset(3, groups={"lvb": 2, "ouderen": 1}, seed=7).network("lvb-0002")
    True

    References
    ----------
    .. [1] van Asselt-Goverts, Embregts & Hendriks (2013); CBS (2019): see the module docstring.
    """
    counts = _parse_groups(n_egos, groups)
    ego_parts, alter_parts, tie_parts = [], [], []
    for name, count in counts.items():
        egos, alters, ties = _generate(PROFILES[name], name, count, _profile_rng(seed, name))
        ego_ids = egos["ego_id"]
        ego_parts.append(pd.DataFrame({c: pd.Series(egos[c], dtype=object if egos[c].dtype == object else None) for c in egos}))
        columns = {"ego_id": pd.Series(ego_ids[alters["ego"]], dtype=object)}
        for c in DATASET_ALTER_COLUMNS[1:]:
            if c in SUPPORT_COLUMNS:
                columns[c] = alters["support"][:, SUPPORT_COLUMNS.index(c)]
            else:
                values = alters[c]
                columns[c] = pd.Series(values, dtype=object) if values.dtype == object else values
        alter_parts.append(pd.DataFrame(columns))
        tie_parts.append(pd.DataFrame({
            "ego_id": pd.Series(ego_ids[ties["ego"]], dtype=object),
            "source": pd.Series(ties["source"], dtype=object),
            "target": pd.Series(ties["target"], dtype=object),
            "weight": np.full(len(ties["ego"]), np.nan),
        }))
    egos = pd.concat(ego_parts, ignore_index=True)[[*DATASET_EGO_COLUMNS, "region"]]
    alters = pd.concat(alter_parts, ignore_index=True)[list(DATASET_ALTER_COLUMNS)]
    ties = pd.concat(tie_parts, ignore_index=True)[list(DATASET_TIE_COLUMNS)]
    return Dataset(egos, alters, ties, source=f"netles synthetic (seed {seed})",
                   meta={"generator": "netles.models.synthetic_dataset", "seed": seed, "groups": counts})


def synthetic_network(seed: int = 0, profile: str = "lvb", ego_id: str | None = None) -> EgoNetwork:
    """One synthetic ego network (the single ego of a one-ego :func:`synthetic_dataset`).

    Parameters
    ----------
    seed : int
        Random seed.
    profile : str
        A key of :data:`PROFILES` (``"lvb"``, ``"ggz"``, ``"ouderen"``, ``"algemeen"``...).
    ego_id : str, optional
        The ego's id (default ``"<profile>-0001"``).

    Returns
    -------
    EgoNetwork
        Equal to ``synthetic_dataset(1, groups={profile: 1}, seed=seed).network(...)``.

    Raises
    ------
    ValueError
        For an unknown profile.

    Examples
    --------
    >>> net = synthetic_network(seed=1)
    >>> net.ego_id, net.size, net.n_ties
    ('lvb-0001', 19, 42)
    >>> net == synthetic_network(seed=1)
    True
    >>> set(net.alters["sector"]) <= {"family", "fellow_clients", "professionals", "society"}
    True
    """
    ds = synthetic_dataset(1, groups={profile: 1}, seed=seed)
    net = ds.network(ds.ego_ids[0])
    return net if ego_id is None else net.with_ego(ego_id=ego_id)
