"""Moments of one network: the data model, the file format and its validation (issue 16.1)."""
from __future__ import annotations

import datetime
import json
import unicodedata

import pytest
from hypothesis import given, settings

from strategies import networks

import netles
from netles import EgoNetwork, Moment, ValidationError, datasets, read_network, write_network


def three_moments() -> EgoNetwork:
    """The running example at intake, at evaluation (Erik moved away, Gijs from the sports club
    arrived, Anja moved to circle 2) and at the end (Erik is back)."""
    net = datasets.load_case("voorbeeld").with_moment("intake", "2025-02-03", note="eerste gesprek")
    net = net.without_alter("E").with_alter({"alter_id": "G", "name": "Gijs", "relation": "club_member", "gender": "M"})
    net = net.with_alter_changes("A", circle=2).with_tie("G", "D")
    net = net.with_ego(age=55).with_moment("evaluatie", datetime.date(2025, 8, 20))
    erik = datasets.load_case("voorbeeld").to_dict()["alters"][4]
    net = net.with_alter(erik).with_moment("afsluiting", "2026-01-15")
    return net


def test_files_without_moments_read_and_write_as_before(tmp_path):
    for name in datasets.case_names():
        path = datasets.case_path(name)
        if "moments" in json.loads(path.read_text(encoding="utf-8")):
            continue  # some cases have moments now (data/cases/README.md)
        net = read_network(path)
        assert net.moments == ()
        assert "moments" not in net.to_dict()
        assert "moments" not in net.extra
        again = read_network(write_network(net, tmp_path / f"{name}.json"))
        assert again == net and json.loads((tmp_path / f"{name}.json").read_text()).keys() == json.loads(path.read_text()).keys()


def test_three_moments_round_trip_through_file_and_dict(tmp_path):
    net = three_moments()
    assert [m.label for m in net.moments] == ["intake", "evaluatie", "afsluiting"]
    assert [m.date for m in net.moments] == ["2025-02-03", "2025-08-20", "2026-01-15"]
    path = write_network(net, tmp_path / "kaart.json")
    again = read_network(path)
    assert again == net
    assert [(m.label, m.date, m.note, m.network.size) for m in again.moments] == [
        ("intake", "2025-02-03", "eerste gesprek", 6), ("evaluatie", "2025-08-20", None, 6), ("afsluiting", "2026-01-15", None, 7)]
    assert EgoNetwork.from_dict(json.loads(json.dumps(net.to_dict()))) == net
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert list(stored)[-1] == "moments"
    # the ego is written only where it differs from the top-level ego (the age changed after intake)
    assert "ego" in stored["moments"][0] and "ego" not in stored["moments"][2]
    assert again.moment("intake").ego["age"] == 54 and again.moment("afsluiting").ego["age"] == 55
    # the case's title and vignette describe the case, not one moment: not copied into moments
    assert "vignette" not in stored["moments"][0] and again.moment("intake").extra == {}


def test_contract_example_reads(tmp_path):
    data = {"format_version": 1, "ego": {"ego_id": "c1", "age": 40}, "alters": [{"alter_id": "A", "relation": "friend"}], "ties": [],
            "moments": [
                {"label": "intake", "date": "2025-02-03", "ego": {"ego_id": "c1", "age": 39},
                 "alters": [{"alter_id": "A", "relation": "friend"}], "ties": [], "note": "...",
                 "carer": {"csi": [1, 0, 1]}},
                {"label": "evaluatie", "date": "2025-08-20", "alters": [], "ties": []}]}
    path = tmp_path / "c.json"
    path.write_text(json.dumps(data))
    net = read_network(path)
    assert net.moment("intake").ego == {"ego_id": "c1", "age": 39}
    assert net.moment("evaluatie").ego == {"ego_id": "c1", "age": 40}  # default: the top-level ego
    assert net.moment("intake").extra == {"carer": {"csi": [1, 0, 1]}}  # other keys are kept
    assert net.moments[0].note == "..." and net.moments[1].note is None
    assert read_network(write_network(net, tmp_path / "d.json")) == net


def test_moment_api():
    net = three_moments()
    m = net.moments[1]
    assert isinstance(m, Moment) and m.day == datetime.date(2025, 8, 20)
    with pytest.raises(dataclasses_frozen()):
        m.label = "x"
    assert net.moment("evaluatie") == m.network and net.moment("Evaluatie") == m.network
    with pytest.raises(KeyError, match="intake"):
        net.moment("nameting")
    assert Moment("a", datetime.date(2025, 1, 2), m.network).date == "2025-01-02"
    assert sorted(net.without_alter("G").all_alter_ids) == list("ABCDEFG")


def dataclasses_frozen():
    import dataclasses

    return dataclasses.FrozenInstanceError


def test_changes_of_the_working_network_keep_the_moments():
    net = three_moments()
    changed = (net.with_alter({"alter_id": "H", "relation": "volunteer"}).with_tie("H", "A").without_tie("H", "A")
               .with_alter_changes("H", contact="weekly").without_alter("H").with_ego(group="x").with_extra(title="t"))
    assert changed.moments == net.moments


def test_with_moment_inserts_in_date_order_and_refuses_bad_input():
    net = three_moments()
    earlier = net.with_moment("tussendoor", "2025-05-01")
    assert [m.label for m in earlier.moments] == ["intake", "tussendoor", "evaluatie", "afsluiting"]
    for label, date, field in [("", "2025-01-01", "label"), ("  ", "2025-01-01", "label"), (7, "2025-01-01", "label"),
                               ("x", "2025-02-30", "date"), ("x", "3-2-2025", "date"), ("x", "20250203", "date"),
                               ("x", None, "date"), ("INTAKE", "2026-02-01", "label")]:
        with pytest.raises(ValidationError) as info:
            net.with_moment(label, date)
        assert info.value.problems[0].field == field


def test_working_from_moment_and_without_moment():
    net = three_moments().without_alter("G")
    back = net.working_from_moment("evaluatie")
    assert back.alter_ids == net.moment("evaluatie").alter_ids and back.moments == net.moments
    assert back.extra["title"] == net.extra["title"]
    assert [m.label for m in net.without_moment("intake").moments] == ["evaluatie", "afsluiting"]


def _data():
    return json.loads(json.dumps(three_moments().to_dict()))


@pytest.mark.parametrize(
    "change,row,field",
    [
        (lambda d: d["moments"][1].update(date="2025-01-01"), "moments[1] 'evaluatie'", "date"),
        (lambda d: d["moments"][1].update(date="2025-13-01"), "moments[1] 'evaluatie'", "date"),
        (lambda d: d["moments"][1].update(date=20250820), "moments[1] 'evaluatie'", "date"),
        (lambda d: d["moments"][1].pop("date"), "moments[1] 'evaluatie'", "date"),
        (lambda d: d["moments"][1].update(label="intake"), "moments[1] 'intake'", "label"),
        (lambda d: d["moments"][1].update(label=""), "moments[1]", "label"),
        (lambda d: d["moments"][1].pop("label"), "moments[1]", "label"),
        (lambda d: d["moments"][1].update(note=3), "moments[1] 'evaluatie'", "note"),
        (lambda d: d["moments"][1]["alters"][0].update(circle=9), "moments[1] 'evaluatie', alters[0]", "circle"),
        (lambda d: d["moments"][1]["ties"].append({"source": "A", "target": "Q"}), "moments[1] 'evaluatie', ties[", "target"),
        (lambda d: d["moments"][1].update(alters={}), "moments[1] 'evaluatie'", "alters"),
        (lambda d: d["moments"][1].update(moments=[]), "moments[1] 'evaluatie'", "moments"),
        (lambda d: d.update(moments={}), None, "moments"),
        (lambda d: d.update(moments="intake"), None, "moments"),
        (lambda d: d["moments"].append(["intake"]), "moments[3]", None),
    ],
)
def test_bad_moments_name_file_moment_and_field(tmp_path, change, row, field):
    data = _data()
    change(data)
    path = tmp_path / "kaart.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ValidationError) as info:
        read_network(path)
    problem = info.value.problems[0]
    assert problem.file == str(path) and problem.field == field and "allowed" in str(info.value)
    if row is not None:
        assert problem.row.startswith(row)


def test_one_id_is_one_person_across_moments():
    data = _data()
    # Gijs's id given to someone else in the last moment
    gijs = next(a for a in data["moments"][2]["alters"] if a["alter_id"] == "G")
    gijs["name"] = "Hanna"
    with pytest.raises(ValidationError) as info:
        EgoNetwork.from_dict(data, source="k.json")
    problem = info.value.problems[0]
    assert (problem.alter, problem.field) == ("G", "name") and problem.row.startswith("moments[2] 'afsluiting'")
    assert "one id is one person" in str(info.value) and "new alter_id" in str(info.value)
    # the same name in other letters and case is the same person (NFC, case-insensitive)
    gijs["name"] = "GIJS"
    assert EgoNetwork.from_dict(data).moments[2].network.alter("G")["name"] == "GIJS"
    data["moments"][0]["alters"][0]["name"] = unicodedata.normalize("NFD", "Anja (zus) Zoë")
    data["moments"][1]["alters"][0]["name"] = "anja (zus) zoë"
    data["moments"][2]["alters"][0]["name"] = "Anja (zus) Zoë"
    data["alters"][0]["name"] = "Anja  (zus) Zoë"
    EgoNetwork.from_dict(data)
    # gender too, and the working network counts
    data["alters"][0]["gender"] = "M"
    with pytest.raises(ValidationError, match=r"alters\[0\], alter 'A', field 'gender'"):
        EgoNetwork.from_dict(data)


def test_a_person_may_leave_and_return():
    net = three_moments()
    assert "E" in net.moment("intake").alter_ids and "E" not in net.moment("evaluatie").alter_ids
    assert "E" in net.moment("afsluiting").alter_ids


def test_a_new_person_needs_a_new_id():
    net = three_moments().without_alter("G")
    with pytest.raises(ValidationError, match="one id is one person"):
        net.with_alter({"alter_id": "G", "name": "Hanna", "relation": "friend"})
    assert net.with_alter({"alter_id": "G", "name": "Gijs", "relation": "club_member"}).size == net.size + 1


def test_with_identity_renames_everywhere():
    net = three_moments()
    with pytest.raises(ValidationError):
        net.with_alter_changes("A", name="Anja")
    renamed = net.with_identity("A", name="Anja")
    assert {m.network.alter("A")["name"] for m in renamed.moments} == {"Anja"} and renamed.alter("A")["name"] == "Anja"
    with pytest.raises(ValueError):
        net.with_identity("A", circle=3)


def test_load_case_moments_is_a_tuple():
    assert datasets.load_case("voorbeeld").moments == ()


# -- what changed (issue 16.3) ----------------------------------------------------------------------

# codes that are not also a Dutch word of the vocabularies ("partner", "professional", "sector" are both)
CODES = [c for v in netles.vocab.VOCABULARIES.values() for c in v.codes
         if isinstance(c, str) and len(c) > 1 and c not in v.label(c, "nl").split()]


def _pair():
    a = datasets.load_case("voorbeeld")
    b = (a.without_alter("E")
         .with_alter({"alter_id": "G", "name": "Gijs", "relation": "club_member", "support": ["companionship"]})
         .with_alter({"alter_id": "H", "name": "Hanna", "relation": "club_member"})
         .with_tie("G", "D").with_tie("G", "H").without_tie("A", "B")
         .with_alter_changes("A", circle=2)
         .with_alter_changes("D", sector="fellow_clients")
         .with_alter_changes("C", support=["practical", "emotional", "appraisal"])
         .with_alter_changes("F", support=None))
    return a, b


def test_compare_lists_what_changed():
    a, b = _pair()
    c = netles.compare_moments(a, b)
    assert c.arrived[["alter_id", "name", "relation", "circle", "sector"]].values.tolist() == [
        ["G", "Gijs", "club_member", 3, "society"], ["H", "Hanna", "club_member", 3, "society"]]
    assert c.left["alter_id"].tolist() == ["E"]
    assert c.moved.to_dict("records") == [
        {"alter_id": "A", "name": "Anja (zus)", "relation": "sibling", "circle_from": 1, "circle_to": 2, "sector_from": "family", "sector_to": "family"},
        {"alter_id": "D", "name": "Dewi (vriendin)", "relation": "friend", "circle_from": 2, "circle_to": 2, "sector_from": "society", "sector_to": "fellow_clients"}]
    assert c.ties_made == [("D", "G"), ("G", "H")]
    assert c.ties_lost == [("A", "B"), ("D", "E")]
    assert sorted(map(tuple, c.support_gained[["alter_id", "function"]].values.tolist())) == [("C", "appraisal"), ("G", "companionship")]
    assert sorted(map(tuple, c.support_lost[["alter_id", "function"]].values.tolist())) == [("E", "practical"), ("F", "information")]
    assert c.coverage_gained == ["appraisal"] and c.coverage_lost == ["information"]
    p = c.profiles
    assert list(p.columns) == ["before", "after", "difference"]
    assert p.loc["size"].tolist() == [6, 7, 1]
    assert p.loc["density", "before"] == pytest.approx(4 / 15) and p.loc["density", "after"] == pytest.approx(4 / 21)
    assert p.loc["density", "difference"] == pytest.approx(4 / 21 - 4 / 15)
    assert (p["before"].equals(netles.quality_profile(a)) or p["before"].tolist() == pytest.approx(netles.quality_profile(a).tolist(), nan_ok=True))


def test_summary_is_plain_dutch_with_names_labels_and_decimal_comma():
    a, b = _pair()
    text = netles.compare_moments(a, b).summary()
    assert text.startswith("Twee nieuwe contacten: Gijs (clublid) en Hanna (clublid).")
    assert "De band met Erik (buurman) is verdwenen." in text  # singular
    assert "Anja (zus) staat nu verder weg: van cirkel 1 (intimi) naar cirkel 2 (vrienden)." in text
    assert "Dewi (vriendin) hoort nu bij medecliënten (was samenleving)." in text
    assert "Nieuwe banden tussen contacten: Dewi (vriendin)–Gijs en Gijs–Hanna." in text
    assert "Anja (zus) en Bram (broer) kennen elkaar niet meer." in text
    assert "Niemand in het netwerk geeft nu nog informatie en advies." in text
    assert "Nieuw in het netwerk: waardering." in text
    assert "dichtheid van 0,27 naar 0,19" in text
    assert "(zus) (" not in text and not any(f" {code}" in text or f"({code}" in text for code in CODES)
    assert "0.27" not in text


def test_summary_singular_and_plural():
    a = datasets.load_case("voorbeeld")
    one = a.with_alter({"alter_id": "G", "name": "Gijs", "relation": "club_member"})
    assert netles.compare_moments(a, one).summary().startswith("Eén nieuw contact: Gijs (clublid).")
    two_gone = a.without_alter("E").without_alter("D")
    assert "De banden met Dewi (vriendin) en Erik (buurman) zijn verdwenen." in netles.compare_moments(a, two_gone).summary()
    many = a
    for k in range(7):
        many = many.with_alter({"alter_id": f"N{k}", "name": f"N{k}", "relation": "volunteer"})
    text = netles.compare_moments(a, many).summary()
    assert text.startswith("Zeven nieuwe contacten:") and "en nog 2" in text
    assert netles.compare_moments(a, a).summary() == "Er is niets veranderd tussen de twee momenten."
    assert not netles.compare_moments(a, a).changed and netles.compare_moments(a, one).changed


def test_summary_in_english():
    a, b = _pair()
    c = netles.compare_moments(a, b, lang="en")
    text = c.summary()
    assert text.startswith("Two new contacts: Gijs (club member) and Hanna (club member).")
    assert "density from 0.27 to 0.19" in text and "The tie with Erik (buurman) is gone." in text
    assert c.summary("nl").startswith("Twee")


def test_compare_moments_of_one_network():
    net = three_moments()
    c = netles.compare_moments(net.moments[0], net.moments[1])
    assert (c.label_before, c.label_after, c.date_before) == ("intake", "evaluatie", "2025-02-03")
    assert c.title() == "Van intake (3 februari 2025) naar evaluatie (20 augustus 2025)"
    assert c.title("en") == "From intake (3 February 2025) to evaluatie (20 August 2025)"
    assert c.left["alter_id"].tolist() == ["E"] and c.arrived["alter_id"].tolist() == ["G"]
    back = netles.compare_moments(net.moments[1], net.moments[2])
    assert back.arrived["alter_id"].tolist() == ["E"]  # a person may come back
    with pytest.raises(TypeError):
        netles.compare_moments(net, "intake")
    with pytest.raises(ValueError):
        netles.compare_moments(net, net, lang="de")


def test_tables_and_html_use_labels_and_escape_names():
    a, b = _pair()
    b = b.with_alter({"alter_id": "X", "name": "<script>alert(1)</script>", "relation": "neighbour"})
    c = netles.compare_moments(a, b)
    moved = c.table("moved")
    assert list(moved.columns) == ["Verplaatst", "Relatie", "Cirkel voor", "Cirkel na", "Sector voor", "Sector na"]
    assert moved.iloc[0].tolist() == ["Anja (zus)", "broer of zus", "1 intimi", "2 vrienden", "familie", "familie"]
    profile = c.table("profile")
    assert profile.set_index("Kenmerk").loc["dichtheid"].tolist() == ["0,27", "0,14", "-0,13"]
    assert profile.set_index("Kenmerk").loc["omvang"].tolist() == ["6", "8", "+2"]
    for kind in ("arrived", "left", "moved", "ties", "support", "profile"):
        shown = " ".join(str(v) for v in c.table(kind).to_numpy().ravel())
        assert not any(code in shown.split() for code in CODES), kind
    page = c.to_html()
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "Van voor naar na" in page and "Nieuwe contacten" in page and "dichtheid" in page
    assert "New contacts" in c.to_html("en")
    with pytest.raises(ValueError):
        c.table("friends")


@settings(max_examples=40)
@given(networks(), networks())
def test_any_network_with_moments_round_trips(first, second):
    from netles.io.netles_json import network_from_json, network_to_json

    # the second network's people get their own ids: one id is one person
    other = EgoNetwork.from_dict({**second.to_dict(), "alters": [{**a, "alter_id": "x" + a["alter_id"]} for a in second.to_dict()["alters"]],
                                  "ties": [{**t, "source": "x" + t["source"], "target": "x" + t["target"]} for t in second.to_dict()["ties"]]})
    net = first.with_moment("intake", "2025-02-03")
    for a in other.to_dict()["alters"]:
        net = net.with_alter(a)
    for s, t in other.tie_pairs():
        net = net.with_tie(s, t)
    net = net.with_ego(age=77).with_moment("evaluatie", "2025-08-20")
    again = network_from_json(network_to_json(net))
    assert again == net and [m.network for m in again.moments] == [m.network for m in net.moments]
    assert EgoNetwork.from_dict(net.to_dict()) == net


def test_many_moves_are_grouped_by_direction():
    a = datasets.load_case("voorbeeld")
    b = a.with_alter_changes("A", circle=3).with_alter_changes("C", circle=2).with_alter_changes("D", circle=3)
    b = b.with_alter_changes("E", circle=1)
    text = netles.compare_moments(a, b).summary()
    assert "Drie mensen staan nu verder weg: Anja (zus), Carla (zus) en Dewi (vriendin)." in text
    assert "Erik (buurman) staat nu dichterbij." in text and "van cirkel" not in text
    one = netles.compare_moments(a, a.with_alter_changes("A", circle=3)).summary()
    assert "Anja (zus) staat nu verder weg: van cirkel 1 (intimi) naar cirkel 3 (bekenden)." in one
