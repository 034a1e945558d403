"""Metrics against the worked examples of REFERENCES.md and against networkx."""
import math
from itertools import combinations

import networkx as nx
import pytest
from hypothesis import assume, given

from netles import EgoNetwork, datasets, metrics, quality_profile, vocab
from strategies import networks

TOL = 1e-6


@pytest.fixture
def example():
    return datasets.load_case("voorbeeld")


def close(a, b, tol=TOL):
    return (math.isnan(a) and math.isnan(b)) or abs(a - b) <= tol


def star(n):
    return EgoNetwork(alters=[{"alter_id": f"a{i}", "relation": "friend"} for i in range(n)])


def clique(n):
    ids = [f"a{i}" for i in range(n)]
    return EgoNetwork(
        alters=[{"alter_id": a, "relation": "sibling"} for a in ids],
        ties=[{"source": a, "target": b} for a, b in combinations(ids, 2)],
    )


def test_running_example_structure(example):
    assert metrics.size(example) == 6
    assert close(metrics.density(example), 4 / 15)
    assert metrics.components(example) == 3
    assert metrics.isolates(example) == 1
    assert close(metrics.effective_size(example), 4.666667)
    assert close(metrics.efficiency(example), 0.777778)
    assert close(metrics.constraint(example), 0.384259)
    assert metrics.broker_pairs(example) == 11


def test_running_example_composition(example):
    assert metrics.n_categories(example, "relation") == 4
    assert close(metrics.blau(example, "relation"), 0.666667)
    assert close(metrics.iqv(example, "relation", k=4), 0.888889)
    assert close(metrics.iqv(example, "relation", k=5), 0.833333)
    assert close(metrics.iqv(example, "relation"), 0.666667 / (1 - 1 / len(vocab.RELATION)))
    assert close(metrics.entropy(example, "relation"), 1.792481)
    assert close(metrics.ei_index(example, "gender"), -0.2)


def test_alter_alter_ei_example(example):
    net = example.with_tie("C", "D")  # ties A-B, A-C, B-C, C-D, D-E
    assert close(metrics.ei_alter_ties(net, lambda a: a["sector"] == "family"), -0.6)
    groups = {a: ("fam" if a in "ABC" else "rest") for a in net.alter_ids}
    assert close(metrics.ei_alter_ties(net, groups), -0.6)
    assert math.isnan(metrics.ei_alter_ties(star(3), "relation"))


def test_missing_values_are_dropped(example):
    # F has no gender: 5 known values, 3 F and 2 M
    assert metrics.n_categories(example, "gender") == 2
    assert close(metrics.blau(example, "gender"), 1 - (0.6**2 + 0.4**2))
    assert math.isnan(metrics.blau(star(3), "gender"))  # nobody has a gender
    assert math.isnan(metrics.entropy(star(3), "gender"))
    no_ego_gender = EgoNetwork(alters=[{"alter_id": "a", "relation": "friend", "gender": "F"}])
    assert math.isnan(metrics.ei_index(no_ego_gender, "gender"))


@pytest.mark.parametrize("n", [0, 1, 2])
def test_small_networks(n):
    net = star(n)
    assert metrics.size(net) == n
    assert metrics.broker_pairs(net) == n * (n - 1) // 2
    assert metrics.components(net) == n
    assert metrics.isolates(net) == n
    if n < 2:
        assert math.isnan(metrics.density(net))
    else:
        assert metrics.density(net) == 0
    if n == 0:
        for f in (metrics.effective_size, metrics.efficiency, metrics.constraint, metrics.multiplexity,
                  metrics.share_family, metrics.share_strong):
            assert math.isnan(f(net))
        assert metrics.support_coverage(net) == 0
    if n == 1:
        assert metrics.effective_size(net) == 1
        assert metrics.constraint(net) == 1
        assert metrics.efficiency(net) == 1
    profile = quality_profile(net)  # never raises, whatever the size
    assert profile["size"] == n


def test_two_tied_alters():
    net = clique(2)
    assert metrics.density(net) == 1
    assert metrics.components(net) == 1
    assert metrics.effective_size(net) == 1


@pytest.mark.parametrize("k", [2, 3, 5, 8])
def test_untied_alters_constraint_is_one_over_k(k):
    assert close(metrics.constraint(star(k)), 1 / k)
    assert metrics.effective_size(star(k)) == k


def test_four_clique():
    net = clique(4)
    assert close(metrics.constraint(net), 0.765625)
    assert metrics.density(net) == 1
    assert metrics.effective_size(net) == 1
    assert metrics.broker_pairs(net) == 0


def test_borgatti_example_from_networkx():
    # networkx's own test graph for structural holes (Borgatti 1997): ego G has
    # effective size 4.67 and constraint 0.400
    edges = [("A", "B"), ("A", "F"), ("A", "G"), ("A", "E"), ("E", "G"), ("F", "G"), ("B", "G"),
             ("B", "D"), ("D", "G"), ("G", "C")]
    alters = sorted({n for e in edges for n in e} - {"G"})
    net = EgoNetwork(
        alters=[{"alter_id": a, "relation": "friend"} for a in alters],
        ties=[{"source": u, "target": v} for u, v in edges if "G" not in (u, v)],
    )
    assert round(metrics.effective_size(net), 2) == 4.67
    assert round(metrics.constraint(net), 3) == 0.400


def test_thresholds_are_parameters(example):
    assert metrics.share_strong(example, max_circle=1) == 2 / 6
    assert metrics.share_strong(example, max_circle=4) == 1
    assert close(metrics.share_reachable(example, max_minutes=60), 5 / 6)
    assert close(metrics.share_weekly(example, frequencies=("daily",)), 2 / 6)


def test_support_metrics(example):
    assert metrics.support_coverage(example) == 4  # appraisal is missing
    assert close(metrics.multiplexity(example), 8 / 6)
    assert close(metrics.max_support_share(example), 3 / 8)
    assert close(metrics.share_mutual(example), 2 / 5)
    assert close(metrics.share_burdening(example), 1 / 6)
    only_ego_gives = EgoNetwork(alters=[{"alter_id": "a", "relation": "parent", "support": ["practical"],
                                         "support_direction": "gives"}])
    assert metrics.support_coverage(only_ego_gives) == 0
    assert math.isnan(metrics.max_support_share(only_ego_gives))


# -- against networkx on random networks -----------------------------------------------------

@given(networks(min_alters=2))
def test_density_equals_networkx(net):
    assert close(metrics.density(net), nx.density(net.to_networkx(include_ego=False)), 1e-12)


@given(networks(min_alters=1))
def test_effective_size_and_constraint_equal_networkx(net):
    g = net.to_networkx(include_ego=True)
    assert close(metrics.effective_size(net), nx.effective_size(g, nodes=["ego"])["ego"], 1e-9)
    assert close(metrics.constraint(net), nx.constraint(g, nodes=["ego"])["ego"], 1e-9)


@given(networks())
def test_components_and_isolates_equal_networkx(net):
    g = net.to_networkx(include_ego=False)
    assert metrics.components(net) == nx.number_connected_components(g)
    assert metrics.isolates(net) == nx.number_of_isolates(g)


@given(networks(min_alters=1))
def test_adding_an_isolated_alter_never_raises_density(net):
    more = net.with_alter({"alter_id": "new", "relation": "acquaintance"})
    before = metrics.density(net)
    assert math.isnan(before) or metrics.density(more) <= before + 1e-12


@given(networks())
def test_diversity_indices_stay_in_range(net):
    for attr in ("relation", "sector", "gender", "contact"):
        b, q, h = metrics.blau(net, attr), metrics.iqv(net, attr), metrics.entropy(net, attr)
        k = len(vocab.VOCABULARIES[attr])
        if math.isnan(b):
            assert math.isnan(q) and math.isnan(h)
            continue
        assert -1e-12 <= b <= 1 - 1 / k + 1e-12
        assert -1e-12 <= q <= 1 + 1e-12
        assert -1e-12 <= h <= math.log2(k) + 1e-12
    ei = metrics.ei_index(net, "gender")
    assert math.isnan(ei) or -1 <= ei <= 1


@given(networks())
def test_profile_shares_stay_between_zero_and_one(net):
    p = quality_profile(net)
    for key in p.index:
        if key.startswith("share_") or key == "max_support_share" or key == "efficiency":
            assert math.isnan(p[key]) or -1e-12 <= p[key] <= 1 + 1e-12, key
    assert 0 <= p["support_coverage"] <= 5
