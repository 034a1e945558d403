"""The metrics of ego networks computed with networkx alone: the independent check for readers.

A reader test builds, from the raw files and without netles, each ego's alters and alter-alter
ties, and compares ``netles.profile_many`` of what ``read_dataset`` made of the files with what
networkx computes on the ego graph (ego plus alters), as REFERENCES.md section 1 prescribes.
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd

STRUCTURE = ("size", "density", "components", "isolates", "effective_size", "efficiency", "constraint", "broker_pairs")


def networkx_metrics(alters: dict, ties: dict) -> pd.DataFrame:
    """Per ego: the structural metrics from networkx (``alters``: ego -> alter ids; ``ties``:
    ego -> (a, b) pairs, undirected, each pair once)."""
    rows = {}
    for ego, ids in alters.items():
        graph = nx.Graph()
        graph.add_node("__ego__")
        for a in ids:
            graph.add_edge("__ego__", a)
        graph.add_edges_from(ties.get(ego, []))
        alter_graph = graph.subgraph(ids)
        n = len(ids)
        rows[ego] = {
            "size": n,
            "density": nx.density(alter_graph) if n > 1 else math.nan,
            "components": nx.number_connected_components(alter_graph),
            "isolates": nx.number_of_isolates(alter_graph),
            "effective_size": nx.effective_size(graph, nodes=["__ego__"])["__ego__"] if n else math.nan,
            "efficiency": nx.effective_size(graph, nodes=["__ego__"])["__ego__"] / n if n else math.nan,
            "constraint": nx.constraint(graph, nodes=["__ego__"])["__ego__"] if n else math.nan,
            "broker_pairs": n * (n - 1) / 2 - alter_graph.number_of_edges(),
        }
    return pd.DataFrame.from_dict(rows, orient="index")[list(STRUCTURE)]


def assert_equal_to_networkx(profiles: pd.DataFrame, expected: pd.DataFrame, tolerance: float = 1e-12) -> None:
    """Every ego of ``expected`` has the same structural metrics in ``profiles`` (to ``tolerance``)."""
    got = profiles.loc[[str(e) for e in expected.index], list(STRUCTURE)].to_numpy(dtype=float)
    want = expected.to_numpy(dtype=float)
    assert got.shape == want.shape
    assert np.array_equal(np.isnan(got), np.isnan(want))
    assert np.nanmax(np.abs(got - want), initial=0.0) <= tolerance
