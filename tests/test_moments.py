"""Moments of one network: the data model, the file format and its validation (issue 16.1)."""
from __future__ import annotations

import datetime
import json
import unicodedata

import pytest

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
