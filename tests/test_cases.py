"""The bundled fictional cases: they load, carry a title and vignette, use pseudonyms only, and
their extra blocks (genogram, carer, pilot) follow the schema in data/cases/README.md."""
import re

import pytest

import netles
from netles import datasets

CASES = datasets.case_names()
NEW_CASES = [c for c in CASES if c != "voorbeeld"]

# Two capitalised words in a row (a first name followed by what looks like a surname), where the
# second is a full word rather than an initial ("Moeder E.") or a role word.
FULL_NAME = re.compile(r"\b[A-Z][a-zà-ÿ]+\s+[A-Z][a-zà-ÿ]{2,}\b")
ROLE_WORDS = {"Moeder", "Vader", "Oma", "Opa", "Tante", "Oom", "Buurvrouw", "Buurman", "Mevrouw", "Meneer",
              "Schoonmoeder", "Halfzus", "Stiefvader", "Ex-partner"}


def looks_like_full_name(name: str) -> bool:
    for m in FULL_NAME.finditer(name):
        first = m.group(0).split()[0]
        if first not in ROLE_WORDS:
            return True
    return False


def test_there_are_at_least_ten_cases_besides_the_example():
    assert len(NEW_CASES) >= 10


def test_pseudonym_check_catches_full_names():
    assert looks_like_full_name("Jan Jansen")
    assert not looks_like_full_name("Moeder E.")
    assert not looks_like_full_name("Ineke (dochter)")
    assert not looks_like_full_name("Buurvrouw K. (oude wijk)")


@pytest.mark.parametrize("name", CASES)
def test_case_loads_and_has_title_and_vignette(name):
    net = netles.read_network(datasets.case_path(name))
    assert net.size >= 4
    assert isinstance(net.extra.get("title"), str) and net.extra["title"].strip()
    vignette = net.extra.get("vignette")
    assert isinstance(vignette, str) and len(vignette.split()) >= 30


@pytest.mark.parametrize("name", CASES)
def test_case_uses_pseudonyms(name):
    net = datasets.load_case(name)
    for alter_id, alter_name in zip(net.alters["alter_id"], net.alters["name"]):
        assert not looks_like_full_name(str(alter_name)), f"{name}: alter {alter_id} {alter_name!r}"
    for member in net.extra.get("family", {}).get("members", []):
        assert not looks_like_full_name(member["name"]), f"{name}: family member {member['id']}"


@pytest.mark.parametrize("name", NEW_CASES)
def test_case_has_realistic_attributes(name):
    alters = datasets.load_case(name).alters
    for field in ("relation", "circle", "gender", "contact", "valence", "status", "since"):
        assert alters[field].notna().any(), f"{name}: no {field}"
    assert alters["travel_minutes"].notna().mean() > 0.8
    with_support = alters["support"].map(lambda s: isinstance(s, (list, tuple)) and len(s) > 0)
    assert with_support.any()
    assert alters.loc[with_support, "support_direction"].notna().all()


def _family_cases():
    return [c for c in CASES if "family" in datasets.load_case(c).extra]


def test_at_least_three_cases_have_a_genogram():
    assert len(_family_cases()) >= 3


@pytest.mark.parametrize("name", _family_cases())
def test_family_block_follows_schema(name):
    net = datasets.load_case(name)
    fam = net.extra["family"]
    ids = {m["id"] for m in fam["members"]}
    assert "ego" in ids
    alter_ids = set(net.alters["alter_id"])
    for m in fam["members"]:
        assert m["gender"] in {"F", "M", "X"}
        assert -2 <= m["generation"] <= 2
        assert isinstance(m["deceased"], bool)
        if "alter_id" in m:
            assert m["alter_id"] in alter_ids
    for u in fam["unions"]:
        assert len(u["partners"]) == 2 and set(u["partners"]) <= ids
        assert u["status"] in {"married", "partners", "separated", "divorced"}
        assert set(u["children"]) <= ids
    for r in fam["relations"]:
        assert {r["a"], r["b"]} <= ids
        assert r["quality"] in {"close", "normal", "distant", "conflict", "cut_off"}


@pytest.mark.parametrize("name", [c for c in CASES if "carer" in datasets.load_case(c).extra])
def test_carer_block_follows_schema(name):
    net = datasets.load_case(name)
    carer = net.extra["carer"]
    known = set(net.alters["alter_id"]) | {"ego"}
    assert carer["carer_alter_id"] in known
    assert set(carer.get("cared_for", [])) <= known
    assert carer["hours_per_week"] > 0
    if "csi" in carer:
        assert len(carer["csi"]) == 13 and set(carer["csi"]) <= {0, 1}
    if "ediz" in carer:
        assert len(carer["ediz"]) == 9
        assert set(carer["ediz"]) <= {"Nee!", "Nee", "Min of meer", "Ja", "Ja!"}
    for need in carer.get("care_needs", []):
        assert need["need"] and need["hours_per_week"] > 0
        assert isinstance(need["can_self"], bool)
        assert set(need["network"]) <= set(net.alters["alter_id"])


def test_a_carer_near_mantelval_scores_high_strain():
    carer = datasets.load_case("mantelval_dochter").extra["carer"]
    assert sum(carer["csi"]) >= 7


def test_pilot_pair_same_ego_and_after_is_larger():
    voor, na = datasets.load_case("pilot_voor"), datasets.load_case("pilot_na")
    assert voor.ego == na.ego
    assert na.size > voor.size
    assert set(voor.alters["alter_id"]) <= set(na.alters["alter_id"])
    after = na.alters.set_index("alter_id")
    assert (after["relation"] == "volunteer").sum() > (voor.alters["relation"] == "volunteer").sum()
    before = voor.alters.set_index("alter_id")
    reactivated = [a for a in before.index if before.at[a, "status"] == "faded" and after.at[a, "status"] == "active"]
    assert reactivated
    pv, pn = netles.quality_profile(voor), netles.quality_profile(na)
    assert pn["support_coverage"] >= pv["support_coverage"]
    assert pn["share_professional"] < pv["share_professional"]
