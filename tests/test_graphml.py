"""GraphML: one graph per ego, ego fields on the graph element; reader and writer."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

import netles
from netles import Dataset, datasets, quality_profile

DATA = Path(__file__).parent / "data" / "graphml"


def test_reads_several_egos_from_one_file():
    ds = netles.read_dataset(DATA / "studie.graphml", strict=True)
    assert ds.meta["format"] == "graphml"
    assert ds.ego_ids == ["p01", "p02", "p03"]
    assert ds.egos.set_index("ego_id").loc["p01", ["gender", "age", "group"]].tolist() == ["F", 71.0, "ouderen"]
    p01 = ds.network("p01")
    assert p01.alter_ids == ["dochter", "buurman", "thuiszorg"]
    assert p01.alter("dochter")["support"] == ["practical", "emotional"]
    assert p01.alter("thuiszorg")["support"] == ["practical", "information"]  # from a support text
    assert p01.tie_pairs() == [("dochter", "buurman")]
    assert ds.ties.loc[0, "weight"] == 2.0
    assert ds.network("p03").size == 0
    assert quality_profile(p01)["size"] == 3


def test_reads_a_folder_and_a_networkx_file_with_an_ego_node(tmp_path):
    net = datasets.load_case("voorbeeld")
    graph = net.to_networkx(include_ego=True)
    for node, attrs in graph.nodes(data=True):
        attrs.pop("support", None)
        attrs.pop("name", None)
    nx.write_graphml(graph, tmp_path / "voorbeeld.graphml")
    ds = netles.read_dataset(tmp_path, strict=True)
    again = ds.network("voorbeeld")
    assert again.size == 6 and sorted(map(sorted, again.tie_pairs())) == sorted(map(sorted, net.tie_pairs()))
    assert again.ego["age"] == 54


def test_writer_round_trip_with_every_field(tmp_path):
    ds = Dataset.from_networks([datasets.load_case("voorbeeld").with_ego(ego_id=f"e{i}") for i in range(3)])
    target = netles.write_dataset(ds, tmp_path / "uit.graphml", allow_names=True)
    text = target.read_text()
    assert text.count("<graph ") == 3 and 'for="graph"' in text
    again = netles.read_dataset(target, strict=True)
    for ego in ds.ego_ids:
        assert again.network(ego) == ds.network(ego)


def test_bad_values_are_reported_with_their_node(tmp_path):
    text = (DATA / "studie.graphml").read_text().replace(">buurman</data>", ">neef</data>", 1)
    text = text.replace('<data key="n_rel">neighbour</data>', '<data key="n_rel">cousin</data>')
    (tmp_path / "kapot.graphml").write_text(text)
    ds = netles.read_dataset(tmp_path / "kapot.graphml")
    (problem,) = ds.meta["problems"].problems
    assert problem.ego == "p01" and problem.alter == "buurman" and problem.field == "relation" and problem.row == 2
    assert ds.ego_ids == ["p02", "p03"]


# -- folders of per-ego GraphML files from networkx and igraph (issue 17.2) ---------------------------

from netcheck import assert_equal_to_networkx, networkx_metrics

TOOLS = Path(__file__).parent / "data"


def _simple(graph) -> nx.Graph:
    simple = nx.Graph(graph)
    simple.remove_edges_from(list(nx.selfloop_edges(simple)))
    return simple


def test_networkx_folder_one_file_per_ego():
    folder = TOOLS / "networkx_graphml"
    ds = netles.read_dataset(folder)
    report = ds.meta["problems"]
    assert ds.meta["format"] == "graphml" and report.ok
    assert ds.ego_ids == ["p01", "p02", "p03"]  # no graph id: the file name
    # <key><default>: nodes without a relation get the key's default
    graphs = {p.stem: nx.read_graphml(p) for p in sorted(folder.glob("*.graphml"))}
    for ego, graph in graphs.items():
        alters = ds.alters[ds.alters["ego_id"] == ego].set_index("alter_id")
        for node, data in graph.nodes(data=True):
            assert alters.loc[node, "relation"] == data.get("relation", "friend")
    assert ds.egos.set_index("ego_id")["group"].tolist() == ["ggz", "lvb", "lvb"]
    # the repeated edge and the self-loop in p03 are collapsed, with a note
    (note,) = [w for w in report.warnings if "collapsed" in w.message]
    assert note.file == "p03.graphml" and "1 edge(s) from a node to itself and 1 repeated edge(s)" in note.message
    expected = networkx_metrics({e: list(g.nodes) for e, g in graphs.items()}, {e: list(_simple(g).edges) for e, g in graphs.items()})
    assert_equal_to_networkx(netles.profile_many(ds), expected)


def test_igraph_folder_same_graph_id_in_every_file():
    folder = TOOLS / "igraph_graphml"
    ds = netles.read_dataset(folder)
    report = ds.meta["problems"]
    assert report.ok and ds.ego_ids == ["ego_a", "ego_b"]  # every file says id="G": the file name
    assert ds.alters["alter_id"].tolist()[:2] == ["n0", "n1"] and ds.alters["name"].tolist()[:2] == ["alter1", "alter2"]
    assert ds.egos["wave"].tolist() == [1.0, 1.0]
    assert any("collapsed" in w.message and w.file == "ego_b.graphml" for w in report.warnings)
    graphs = {p.stem: nx.read_graphml(p) for p in sorted(folder.glob("*.graphml"))}
    expected = networkx_metrics({e: list(g.nodes) for e, g in graphs.items()}, {e: list(_simple(g).edges) for e, g in graphs.items()})
    assert_equal_to_networkx(netles.profile_many(ds), expected)
