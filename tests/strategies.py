"""Hypothesis strategies for random ego networks (shared by the property tests)."""
from __future__ import annotations

import itertools

from hypothesis import strategies as st

from netles import EgoNetwork, vocab
from netles.network import ALTER_RULES


def _maybe(strategy):
    return st.one_of(st.none(), strategy)


@st.composite
def alter_records(draw, alter_id: str) -> dict:
    record = {"alter_id": alter_id, "relation": draw(st.sampled_from(vocab.RELATION.codes))}
    optional = {
        "circle": st.sampled_from(vocab.CIRCLE.codes),
        "sector": st.sampled_from(vocab.SECTOR.codes),
        "gender": st.sampled_from(vocab.GENDER.codes),
        "age": st.integers(0, 120),
        "contact": st.sampled_from(vocab.CONTACT.codes),
        "travel_minutes": st.integers(0, 240),
        "support": st.lists(st.sampled_from(vocab.SUPPORT.codes), unique=True, max_size=5),
        "support_direction": st.sampled_from(vocab.SUPPORT_DIRECTION.codes),
        "valence": st.sampled_from(vocab.VALENCE.codes),
        "status": st.sampled_from(vocab.STATUS.codes),
    }
    for key, strategy in optional.items():
        value = draw(_maybe(strategy))
        if value is not None:
            record[key] = value
    if "support" in record:  # stored in vocabulary order
        record["support"] = [c for c in vocab.SUPPORT.codes if c in record["support"]]
    return record


@st.composite
def networks(draw, min_alters: int = 0, max_alters: int = 12) -> EgoNetwork:
    """A random valid network: random alters, a random subset of alter pairs as ties."""
    n = draw(st.integers(min_alters, max_alters))
    ids = [f"a{i}" for i in range(n)]
    alters = [draw(alter_records(a)) for a in ids]
    pairs = list(itertools.combinations(ids, 2))
    chosen = draw(st.lists(st.booleans(), min_size=len(pairs), max_size=len(pairs)))
    ties = [{"source": a, "target": b} for (a, b), keep in zip(pairs, chosen) if keep]
    ego = {"ego_id": "e"}
    gender = draw(_maybe(st.sampled_from(vocab.GENDER.codes)))
    if gender:
        ego["gender"] = gender
    return EgoNetwork(ego, alters, ties)
