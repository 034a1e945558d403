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


# -- issue 14.4: refuse what cannot round-trip ------------------------------------------------------

def _deep(levels: int):
    value: list = []
    for _ in range(levels - 1):
        value = [value]
    return value


def test_duplicate_key_is_refused_with_alter_and_field(tmp_path):
    path = write_bytes(tmp_path, b'{"alters": [{"alter_id": "A", "relation": "friend", "circle": 1, "circle": 4}]}')
    with pytest.raises(ValidationError) as info:
        read_network(path)
    problem = info.value.problems[0]
    assert (problem.file, problem.alter, problem.field) == (str(path), "A", "circle")
    assert "given twice" in problem.message


def test_duplicate_key_at_top_level_and_in_ego(tmp_path):
    path = write_bytes(tmp_path, b'{"ego": {"age": 3, "age": 4}, "alters": [], "alters": []}')
    with pytest.raises(ValidationError) as info:
        read_network(path)
    assert {(p.row, p.field) for p in info.value.problems} == {("ego", "age"), (None, "alters")}


@pytest.mark.parametrize("key", ["alters", "ties"])
@pytest.mark.parametrize("value", ["{}", '""', "false", "0"])
def test_alters_and_ties_must_be_lists(tmp_path, key, value):
    path = write_bytes(tmp_path, f'{{"{key}": {value}}}'.encode())
    with pytest.raises(ValidationError) as info:
        read_network(path)
    assert info.value.problems[0].field == key and str(path) in str(info.value) and "not a list" in str(info.value)


def test_ego_as_a_list_is_refused(tmp_path):
    path = write_bytes(tmp_path, b'{"ego": [], "alters": []}')
    with pytest.raises(ValidationError, match="field 'ego'"):
        read_network(path)


def test_missing_or_null_lists_are_still_empty():
    assert EgoNetwork.from_dict({"ego": None, "alters": None, "ties": None}).size == 0


@pytest.mark.parametrize(
    "number",
    ["1" + "0" * 400,  # too large for a float
     "1" + "0" * 5000,  # beyond Python's digit limit for int()
     "1e400"],  # a float literal that becomes infinity
)
@pytest.mark.parametrize("field", ["age", "favourite_number"])
def test_numbers_too_large_are_refused_not_crashing(tmp_path, number, field):
    path = write_bytes(tmp_path, f'{{"alters": [{{"alter_id": "A", "relation": "friend", "{field}": {number}}}]}}'.encode())
    with pytest.raises(ValidationError) as info:
        read_network(path)
    problem = info.value.problems[0]
    assert (problem.file, problem.alter, problem.field) == (str(path), "A", field) and "too large" in problem.message


def test_large_integer_built_in_python_is_refused():
    with pytest.raises(ValidationError, match="field 'age'.*too large"):
        EgoNetwork(alters=[{"alter_id": "A", "relation": "friend", "age": 10**400}])
    with pytest.raises(ValidationError, match="field 'x'.*too large"):
        EgoNetwork(alters=[{"alter_id": "A", "relation": "friend", "x": 10**400}])


def test_deeply_nested_value_on_read_is_refused_without_recursion_error(tmp_path):
    deep = json.dumps({"alters": [{"alter_id": "A", "relation": "friend", "notes": _deep(500)}]})
    path = write_bytes(tmp_path, deep.encode())
    with pytest.raises(ValidationError) as info:
        read_network(path)
    problem = info.value.problems[0]
    assert (problem.alter, problem.field) == ("A", "notes") and "nested" in problem.message
    very_deep = write_bytes(tmp_path, ('{"x": ' + "[" * 100_000 + "]" * 100_000 + "}").encode(), "b.json")
    with pytest.raises(ValidationError, match="nested"):
        read_network(very_deep)


def test_deeply_nested_extra_field_is_refused_before_write(tmp_path):
    net = datasets.load_case("voorbeeld")
    with pytest.raises(ValidationError, match="field 'family'.*nested"):
        net.with_extra(family=_deep(500))
    with pytest.raises(ValidationError, match="alter 'A', field 'notes'.*nested"):
        net.with_alter_changes("A", notes=_deep(500))
    # a modest nesting is fine and round-trips
    ok = net.with_extra(family=_deep(20))
    assert read_network(write_network(ok, tmp_path / "k.json")) == ok


def test_infinite_weight_is_refused_so_autosave_cannot_break_a_file(tmp_path):
    net = datasets.load_case("voorbeeld")
    with pytest.raises(ValidationError, match=r"ties\[4\], field 'weight'.*not a finite number"):
        net.with_tie("A", "D", weight=float("inf"))
    with pytest.raises(ValidationError, match="field 'weight'"):
        read_network(write_bytes(tmp_path, b'{"alters": [{"alter_id": "A", "relation": "friend"}, {"alter_id": "B", "relation": "friend"}],'
                                           b' "ties": [{"source": "A", "target": "B", "weight": Infinity}]}'))
    with pytest.raises(ValidationError, match="field 'x'.*finite"):
        net.with_extra(x=[1.0, float("-inf")])


def test_ids_are_compared_after_nfc():
    composed, decomposed = "Zo\u00eb", "Zoe\u0308"
    with pytest.raises(ValidationError, match="used twice"):
        EgoNetwork(alters=[{"alter_id": composed, "relation": "friend"}, {"alter_id": decomposed, "relation": "friend"}])
    net = EgoNetwork(alters=[{"alter_id": composed, "relation": "friend"}, {"alter_id": "B", "relation": "friend"}],
                     ties=[{"source": decomposed, "target": "B"}])
    assert net.tie_pairs() == [(composed, "B")] and net.alter_ids == [composed, "B"]
    assert net.alter(decomposed)["alter_id"] == composed and net.has_tie("B", decomposed)
    assert net.without_alter(decomposed).size == 1


def test_file_cut_off_inside_a_long_string_says_truncated(tmp_path):
    text = '{"vignette": "' + "Mevrouw V. woont alleen. " * 400
    path = write_bytes(tmp_path, text.encode())
    with pytest.raises(ValidationError) as info:
        read_network(path)
    assert "cut off" in str(info.value) and "truncated" in str(info.value)


def test_written_files_never_hold_nan_or_infinity(tmp_path):
    from netles.io.netles_json import network_to_json

    text = network_to_json(datasets.load_case("voorbeeld"))
    assert "NaN" not in text and "Infinity" not in text
