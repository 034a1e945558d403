import json
import os

import networkx as nx
import pytest
from hypothesis import given

import netles
from netles import EgoNetwork, ValidationError, datasets, read_network, write_network
from strategies import networks


def base(**alter_changes):
    alter = {"alter_id": "A", "name": "Tante J.", "relation": "other_family", "circle": 1}
    alter.update(alter_changes)
    return {"format_version": 1, "ego": {"ego_id": "e1", "gender": "F", "age": 54},
            "alters": [alter, {"alter_id": "B", "relation": "friend"}],
            "ties": [{"source": "A", "target": "B"}]}


BAD_ALTER_VALUES = [
    ("relation", "cousin", "relation"),
    ("relation", None, "relation"),  # required
    ("circle", 5, "circle"),
    ("circle", 0, "circle"),
    ("circle", 1.5, "circle"),
    ("circle", "1", "circle"),
    ("circle", True, "circle"),
    ("sector", "church", "sector"),
    ("gender", "female", "gender"),
    ("age", 300, "age"),
    ("age", -1, "age"),
    ("age", "54", "age"),
    ("contact", "hourly", "contact"),
    ("travel_minutes", -5, "travel_minutes"),
    ("support", "practical", "support"),
    ("support", ["practical", "money"], "support"),
    ("support", ["practical", "practical"], "support"),
    ("support_direction", "both", "support_direction"),
    ("valence", "bad", "valence"),
    ("status", "gone", "status"),
    ("since", 1850, "since"),
    ("name", 42, "name"),
    ("alter_id", 7, "alter_id"),
    ("alter_id", "", "alter_id"),
    ("alter_id", "ego", "alter_id"),
]


@pytest.mark.parametrize("field,value,named", BAD_ALTER_VALUES)
def test_bad_alter_value_names_the_field(field, value, named):
    data = base(**{field: value})
    if value is None:
        del data["alters"][0][field]
    with pytest.raises(ValidationError) as info:
        EgoNetwork.from_dict(data)
    message = str(info.value)
    assert f"field {named!r}" in message
    assert "alters[0]" in message
    assert "allowed" in message


def test_duplicate_alter_id():
    data = base()
    data["alters"][1]["alter_id"] = "A"
    data["ties"] = []
    with pytest.raises(ValidationError, match=r"alters\[1\].*field 'alter_id'.*used twice"):
        EgoNetwork.from_dict(data)


@pytest.mark.parametrize(
    "ties,pattern",
    [
        ([{"source": "A", "target": "Z"}], r"ties\[0\], field 'target': 'Z' is not an alter"),
        ([{"source": "A", "target": "A"}], r"ties\[0\], field 'target': ties 'A' to itself"),
        ([{"source": "A", "target": "B"}, {"source": "B", "target": "A"}], r"ties\[1\].*already tied"),
        ([{"source": "A"}], r"ties\[0\], field 'target': is missing"),
        ([{"source": "A", "target": "B", "weight": -1}], r"field 'weight'"),
        (["A-B"], r"ties\[0\]: is str, not an object"),
        ({"source": "A"}, r"field 'ties'"),
    ],
)
def test_bad_ties(ties, pattern):
    data = base()
    data["ties"] = ties
    with pytest.raises(ValidationError, match=pattern):
        EgoNetwork.from_dict(data)


@pytest.mark.parametrize(
    "ego,field", [({"gender": "vrouw"}, "gender"), ({"age": 121}, "age"), ({"ego_id": 3}, "ego_id")]
)
def test_bad_ego(ego, field):
    data = base()
    data["ego"] = ego
    with pytest.raises(ValidationError, match=rf"ego, field '{field}'"):
        EgoNetwork.from_dict(data)


def test_all_problems_are_reported_together():
    data = base(circle=9, contact="hourly")
    data["ties"].append({"source": "A", "target": "Q"})
    with pytest.raises(ValidationError) as info:
        EgoNetwork.from_dict(data)
    assert len(info.value.problems) == 3
    assert {p.field for p in info.value.problems} == {"circle", "contact", "target"}


def test_missing_optional_fields_are_fine():
    net = EgoNetwork.from_dict({"alters": [{"alter_id": "A", "name": "Oma", "relation": "other_family"}]})
    assert net.alters.loc[0, "circle"] == 3  # default from relation
    assert net.alters.loc[0, "sector"] == "family"
    assert net.alters.loc[0, "support"] == ()


def test_extra_keys_are_kept():
    data = base(favourite_place="de markt")
    data["vignette"] = "Een korte beschrijving."
    data["family"] = {"parents": []}
    net = EgoNetwork.from_dict(data)
    assert net.to_dict()["vignette"] == "Een korte beschrijving."
    assert net.to_dict()["alters"][0]["favourite_place"] == "de markt"
    assert net.extra["family"] == {"parents": []}


def write_bytes(tmp_path, data: bytes, name="kaart.json"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "content,pattern",
    [
        ('{"alters": [{"alter_id": "A", "relation": "friend"}'.encode(), "ends too early"),
        (b"", "is empty"),
        ("{'alters': []}".encode(), "not valid JSON"),
        (json.dumps({"alters": [{"alter_id": "é", "relation": "friend"}]}).encode("utf-16"), "not UTF-8"),
        ("[1, 2]".encode(), "not a JSON object"),
        (json.dumps({"format_version": 2, "alters": []}).encode(), "format_version"),
        (json.dumps({"alters": [{"alter_id": "A", "relation": "friend", "circle": 8}]}).encode(), "field 'circle'"),
        (b'{"alters": [{"alter_id": "A", "relation": "friend", "age": NaN}]}', "NaN"),
    ],
)
def test_read_network_bad_files_name_the_file(tmp_path, content, pattern):
    path = write_bytes(tmp_path, content)
    with pytest.raises(ValidationError) as info:
        read_network(path)
    assert str(path) in str(info.value)
    assert pattern in str(info.value)


def test_read_network_accepts_a_byte_order_mark(tmp_path):
    path = write_bytes(tmp_path, b"\xef\xbb\xbf" + json.dumps(base()).encode())
    assert read_network(path).size == 2


def test_write_then_read_round_trips(tmp_path):
    net = datasets.load_case("voorbeeld")
    path = write_network(net, tmp_path / "kaart.json")
    again = read_network(path)
    assert again == net
    assert json.loads(path.read_text(encoding="utf-8"))["format_version"] == 1


def test_write_is_atomic(tmp_path, monkeypatch):
    path = tmp_path / "kaart.json"
    old = datasets.load_case("voorbeeld")
    write_network(old, path)
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_network(old.without_alter("F"), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["kaart.json"]  # no temporary file left behind


def test_to_networkx_includes_ego_and_attributes():
    net = datasets.load_case("voorbeeld")
    g = net.to_networkx()
    assert g.number_of_nodes() == 7 and g.number_of_edges() == 6 + 4
    assert g.nodes["A"]["relation"] == "sibling"
    assert g.nodes["ego"]["gender"] == "F"
    h = net.to_networkx(include_ego=False)
    assert "ego" not in h and h.number_of_edges() == 4


def test_changes_return_new_networks_and_leave_the_original():
    net = datasets.load_case("voorbeeld")
    before = net.to_dict()
    changed = net.with_alter({"alter_id": "G", "relation": "volunteer"}).with_tie("G", "A")
    changed = changed.with_alter_changes("A", circle=2).without_alter("F").without_tie("A", "B")
    assert net.to_dict() == before
    assert changed.size == 6 and changed.alter("A")["circle"] == 2
    assert changed.has_tie("A", "G") and not changed.has_tie("A", "B")
    with pytest.raises(ValidationError):
        net.with_alter({"alter_id": "A", "relation": "friend"})
    with pytest.raises(KeyError):
        net.without_alter("nobody")


def test_alters_frame_cannot_change_the_network():
    net = datasets.load_case("voorbeeld")
    frame = net.alters
    frame.loc[0, "circle"] = 4
    assert net.alters.loc[0, "circle"] == 1


@given(networks())
def test_from_dict_to_dict_round_trips(net):
    assert EgoNetwork.from_dict(net.to_dict()) == net
    assert EgoNetwork.from_dict(json.loads(json.dumps(net.to_dict()))) == net


@given(networks())
def test_to_networkx_matches_the_network(net):
    g = net.to_networkx(include_ego=True)
    assert g.number_of_nodes() == net.size + 1
    assert g.number_of_edges() == net.size + net.n_ties
    assert nx.is_connected(g)
