"""The bundled fictional cases: they load, carry a title and vignette in Dutch and English, use
pseudonyms only, and their extra blocks (genogram, carer, safety, pilot, moments) follow the schema in
data/cases/README.md. The facts each vignette states are checked in test_case_vignettes.py."""
import datetime as dt
import json
import re

import pytest

import netles
from netles import EgoNetwork, datasets

CASES = datasets.case_names()
NEW_CASES = [c for c in CASES if c != "voorbeeld"]


def raw(name: str) -> dict:
    """The case file as stored (moments are read from here until every reader knows them)."""
    return json.loads(datasets.case_path(name).read_text(encoding="utf-8"))


def moment_networks(name: str) -> list[tuple[str, dt.date, EgoNetwork, dict]]:
    """(label, date, network, raw moment) per moment; a moment without ``ego`` has the top-level ego."""
    data = raw(name)
    out = []
    for m in data.get("moments", []):
        net = EgoNetwork.from_dict({"ego": m.get("ego", data["ego"]), "alters": m["alters"], "ties": m["ties"]},
                                   source=f"{name}: moment {m.get('label')!r}")
        out.append((m["label"], dt.date.fromisoformat(m["date"]), net, m))
    return out


MOMENT_CASES = [c for c in CASES if raw(c).get("moments")]

# Two capitalised words in a row (a first name followed by what looks like a surname), where the
# second is a full word rather than an initial ("Moeder E.") or a role word.
FULL_NAME = re.compile(r"\b[A-Z][a-zà-ÿ]+\s+[A-Z][a-zà-ÿ]{2,}\b")
ROLE_WORDS = {"Moeder", "Vader", "Oma", "Opa", "Tante", "Oom", "Buurvrouw", "Buurman", "Mevrouw", "Meneer",
              "Schoonmoeder", "Schoonvader", "Schoonzoon", "Halfzus", "Stiefvader", "Ex-partner"}


def looks_like_full_name(name: str) -> bool:
    for m in FULL_NAME.finditer(name):
        first = m.group(0).split()[0]
        if first not in ROLE_WORDS:
            return True
    return False


def test_there_are_at_least_fifteen_cases():
    assert len(CASES) >= 15


def test_the_diversity_and_safety_cases_are_there():
    # issue 15: a migrant family, a statushouder, an LHBTI+ older adult, NAH, an unsafe network, a young carer
    assert {"familiezorg_migratie", "statushouder_zonder_netwerk", "lhbti_oudere", "nah_herseninfarct",
            "onveilig_netwerk", "jonge_mantelzorger"} <= set(CASES)


def test_pseudonym_check_catches_full_names():
    assert looks_like_full_name("Jan Jansen")
    assert not looks_like_full_name("Moeder E.")
    assert not looks_like_full_name("Ineke (dochter)")
    assert not looks_like_full_name("Buurvrouw K. (oude wijk)")


@pytest.mark.parametrize("name", CASES)
def test_case_loads_and_has_title_and_vignette(name):
    net = netles.read_network(datasets.case_path(name))
    assert net.size >= 4
    for key in ("title", "title_en"):
        assert isinstance(net.extra.get(key), str) and net.extra[key].strip(), key
    for key in ("vignette", "vignette_en"):
        assert isinstance(net.extra.get(key), str) and len(net.extra[key].split()) >= 30, key
    assert net.extra["title_en"] != net.extra["title"] or name == "voorbeeld"
    assert net.extra["vignette_en"] != net.extra["vignette"]
    # the year the working network describes: ages and "since" years are relative to it
    assert isinstance(net.extra.get("year"), int) and 2000 <= net.extra["year"] <= 2030


@pytest.mark.parametrize("name", CASES)
def test_case_text_functions_give_both_languages(name):
    net = datasets.load_case(name)
    assert datasets.case_title(net) == net.extra["title"]
    assert datasets.case_title(name, lang="en") == net.extra["title_en"]
    assert datasets.case_vignette(net, "en") == net.extra["vignette_en"]
    assert datasets.case_vignette(net.with_extra(vignette_en=None), "en") == net.extra["vignette"]


def test_moment_note_falls_back_to_dutch():
    net = datasets.load_case("voorbeeld").with_moment("intake", "2025-02-03", note="eerste gesprek")
    assert datasets.moment_note(net.moments[0], "en") == "eerste gesprek"
    assert datasets.moment_note(datasets.load_case("voorbeeld").with_moment("x", "2025-02-03").moments[0]) == ""
    assert datasets.moment_label(net.moments[0], "en") == "intake"
    with pytest.raises(ValueError, match="lang"):
        datasets.moment_note(net.moments[0], "fr")


def test_case_text_refuses_an_unknown_language_and_is_empty_without_text():
    with pytest.raises(ValueError, match="lang"):
        datasets.case_title("voorbeeld", lang="de")
    with pytest.raises(KeyError):
        datasets.case_vignette("bestaat_niet")
    assert datasets.case_vignette(EgoNetwork(alters=[{"alter_id": "a", "relation": "friend"}]), "en") == ""


@pytest.mark.parametrize("name", CASES)
def test_case_uses_pseudonyms(name):
    net = datasets.load_case(name)
    for alter_id, alter_name in zip(net.alters["alter_id"], net.alters["name"]):
        assert not looks_like_full_name(str(alter_name)), f"{name}: alter {alter_id} {alter_name!r}"
    for member in net.extra.get("family", {}).get("members", []):
        assert not looks_like_full_name(member["name"]), f"{name}: family member {member['id']}"
    for label, _, moment, _ in moment_networks(name):
        for alter_id, alter_name in zip(moment.alters["alter_id"], moment.alters["name"]):
            assert not looks_like_full_name(str(alter_name)), f"{name}: {label}: alter {alter_id} {alter_name!r}"


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


CARER_KEYS = {"carer_alter_id", "cared_for", "hours_per_week", "years_caring", "young_carer", "care_reason",
              "care_reason_en", "csi", "ediz", "care_needs"}
CARE_NEED_KEYS = {"need", "need_en", "hours_per_week", "can_self", "network", "general_provision", "individual_provision",
                  "function", "frequency"}


def check_carer_block(net: EgoNetwork, carer: dict) -> None:
    assert set(carer) <= CARER_KEYS, set(carer) - CARER_KEYS
    known = set(net.alters["alter_id"]) | {"ego"}
    assert carer["carer_alter_id"] in known
    assert carer["cared_for"] and set(carer["cared_for"]) <= known
    assert carer["carer_alter_id"] not in carer["cared_for"]
    assert 0 < carer["hours_per_week"] <= 168
    # The CSI and EDIZ measure the strain of caring for someone who is ill or disabled (issue 12.3):
    # every carer block says what the cared-for person has, in both languages.
    assert isinstance(carer.get("care_reason"), str) and carer["care_reason"].strip()
    assert isinstance(carer.get("care_reason_en"), str) and carer["care_reason_en"].strip()
    young = carer.get("young_carer", False)
    assert isinstance(young, bool)
    carer_age = net.ego.get("age") if carer["carer_alter_id"] == "ego" else net.alter(carer["carer_alter_id"]).get("age")
    if carer_age is not None and carer_age < 18:
        assert young, "a carer under 18 is a young carer (jonge mantelzorger)"
    if young:
        assert "csi" not in carer and "ediz" not in carer, "the CSI and EDIZ are questionnaires for adult carers"
    if "csi" in carer:
        assert len(carer["csi"]) == 13 and set(carer["csi"]) <= {0, 1}
    if "ediz" in carer:
        assert len(carer["ediz"]) == 9
        assert set(carer["ediz"]) <= {"Nee!", "Nee", "Min of meer", "Ja", "Ja!"}
    for need in carer.get("care_needs", []):
        assert set(need) <= CARE_NEED_KEYS, set(need) - CARE_NEED_KEYS
        assert need["need"] and need["hours_per_week"] > 0
        assert need["need_en"] and need["need_en"] != need["need"], "an English text for exchange students"
        assert isinstance(need["can_self"], bool)
        assert set(need["network"]) <= set(net.alters["alter_id"])


@pytest.mark.parametrize("name", [c for c in CASES if "carer" in datasets.load_case(c).extra])
def test_carer_block_follows_schema(name):
    net = datasets.load_case(name)
    check_carer_block(net, net.extra["carer"])


def test_carer_schema_check_catches_a_csi_without_a_reason_or_for_a_young_carer():
    net = datasets.load_case("jonge_mantelzorger")
    carer = dict(net.extra["carer"])
    with pytest.raises(AssertionError):
        check_carer_block(net, {**carer, "csi": [0] * 13})
    with pytest.raises(AssertionError):
        check_carer_block(net, {k: v for k, v in carer.items() if k != "care_reason"})
    with pytest.raises(AssertionError):
        check_carer_block(net, {k: v for k, v in carer.items() if k != "young_carer"})


def check_safety_block(net: EgoNetwork, safety: dict) -> None:
    assert set(safety) <= {"harmful", "kinds", "children_present", "meldcode_step", "veilig_thuis", "safety_plan",
                           "safety_plan_en"}
    assert safety["harmful"] and set(safety["harmful"]) <= set(net.alter_ids)
    for alter_id in safety["harmful"]:
        assert net.alter(alter_id).get("valence") == "burdening", f"{alter_id} is named as harmful but not burdening"
    assert safety["kinds"] and set(safety["kinds"]) <= set(datasets.SAFETY_KINDS)
    assert isinstance(safety["children_present"], bool)
    if "meldcode_step" in safety:
        assert safety["meldcode_step"] in {1, 2, 3, 4, 5}
    assert safety.get("veilig_thuis") in {None, "advies", "melding"}
    if "safety_plan" in safety:
        assert all(isinstance(s, str) and s.strip() for s in safety["safety_plan"])
        assert len(safety["safety_plan_en"]) == len(safety["safety_plan"])


@pytest.mark.parametrize("name", [c for c in CASES if "safety" in datasets.load_case(c).extra])
def test_safety_block_follows_schema(name):
    net = datasets.load_case(name)
    check_safety_block(net, net.extra["safety"])


def test_the_unsafe_network_case_has_a_safety_block_with_domestic_violence():
    safety = datasets.load_case("onveilig_netwerk").extra["safety"]
    assert {"physical", "psychological", "financial"} <= set(safety["kinds"]) and safety["children_present"]


def test_a_carer_near_mantelval_scores_high_strain():
    carer = datasets.load_case("mantelval_dochter").extra["carer"]
    assert sum(carer["csi"]) >= 7


# -- moments (contract section 1) ---------------------------------------------------------------------

def test_cases_with_moments_cover_the_themes():
    assert {"pilot_netwerkversterking", "senior_55plus", "mantelval_dochter", "nah_herseninfarct",
            "onveilig_netwerk"} <= set(MOMENT_CASES)
    assert [m[0] for m in moment_networks("onveilig_netwerk")] == ["intake", "evaluatie", "afsluiting"]


@pytest.mark.parametrize("name", MOMENT_CASES)
def test_moments_follow_the_contract(name):
    data = raw(name)
    net = datasets.load_case(name)
    moments = moment_networks(name)
    assert len(moments) >= 2
    labels = [label for label, *_ in moments]
    assert all(isinstance(label, str) and label.strip() for label in labels)
    assert len(set(labels)) == len(labels), "labels are unique"
    dates = [date for _, date, *_ in moments]
    assert dates == sorted(dates) and len(set(dates)) == len(dates), "moments in date order"
    for m in data["moments"]:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", m["date"])
        assert m.get("note") and m.get("note_en") and m.get("label_en")
    assert dates[-1].year == data["year"], "the case's year is the year of its latest moment"
    for label, _, moment, stored in moments:
        assert moment.ego_id == net.ego_id, label
        for key in ("carer", "safety"):
            if key in stored:
                (check_carer_block if key == "carer" else check_safety_block)(moment, stored[key])


@pytest.mark.parametrize("name", MOMENT_CASES)
def test_netles_reads_the_moments_as_stored(name):
    net = datasets.load_case(name)
    stored = moment_networks(name)
    assert [(m.label, m.day) for m in net.moments] == [(label, date) for label, date, *_ in stored]
    for m, (label, _, mine, data) in zip(net.moments, stored):
        assert m.note == data["note"] and m.network.extra.get("note_en") == data["note_en"]
        assert datasets.moment_note(m) == data["note"] and datasets.moment_note(m, "en") == data["note_en"]
        assert datasets.moment_label(m) == data["label"] and datasets.moment_label(m, "en") == data["label_en"]
        assert m.network.ego == mine.ego and m.network.alters.equals(mine.alters), label
        assert set(m.network.tie_pairs()) == set(mine.tie_pairs()), label
        assert m.network.extra.get("carer") == data.get("carer") and m.network.extra.get("safety") == data.get("safety")


@pytest.mark.parametrize("name", MOMENT_CASES)
def test_the_working_network_is_the_latest_moment(name):
    data = raw(name)
    last = data["moments"][-1]
    assert last.get("ego", data["ego"]) == data["ego"]
    assert last["alters"] == data["alters"]
    assert {frozenset((t["source"], t["target"])) for t in last["ties"]} == \
        {frozenset((t["source"], t["target"])) for t in data["ties"]}
    for key in ("carer", "safety"):
        assert last.get(key) == data.get(key), key


@pytest.mark.parametrize("name", MOMENT_CASES)
def test_the_same_id_is_the_same_person_in_every_moment(name):
    # Until netles.read_network validates moments itself (branch netmoments), the cases check it here.
    seen: dict[str, tuple] = {}
    networks = [("top", datasets.load_case(name))] + [(label, net) for label, _, net, _ in moment_networks(name)]
    for label, net in networks:
        for alter_id in net.alter_ids:
            record = net.alter(alter_id)
            person = (record.get("name"), record.get("gender"))
            assert seen.setdefault(alter_id, person) == person, f"{name}: {alter_id} in {label} is {person}, " \
                                                                f"elsewhere {seen[alter_id]}"


def test_pilot_before_and_after_are_moments_of_one_client():
    net = datasets.load_case("pilot_netwerkversterking")
    pilot = net.extra["pilot"]
    moments = {label: (date, m) for label, date, m, _ in moment_networks("pilot_netwerkversterking")}
    (date_voor, voor), (date_na, na) = moments[pilot["before"]], moments[pilot["after"]]
    assert 360 <= (date_na - date_voor).days <= 370, "a year apart"
    assert voor.ego_id == na.ego_id and voor.ego["age"] + 1 == na.ego["age"]
    assert na.size > voor.size
    assert set(voor.alters["alter_id"]) <= set(na.alters["alter_id"])
    assert (na.alters["relation"] == "volunteer").sum() > (voor.alters["relation"] == "volunteer").sum()
    before = voor.alters.set_index("alter_id")
    after = na.alters.set_index("alter_id")
    revived = [a for a in before.index if before.at[a, "status"] == "faded" and after.at[a, "status"] == "active"]
    assert revived, "contacts that had faded are active again"
    pv, pn = netles.quality_profile(voor), netles.quality_profile(na)
    assert pn["support_coverage"] >= pv["support_coverage"]
    assert pn["share_professional"] < pv["share_professional"]
    assert len(pilot["skills"]) == 4


def test_no_case_names_the_old_pilot_pair():
    assert not {"pilot_voor", "pilot_na"} & set(CASES)


def test_a_senior_network_shrinks_over_the_moments():
    informal = []
    for _, _, net, _ in moment_networks("senior_55plus"):
        a = net.alters
        informal.append(int(((a["status"] == "active") & ~a["relation"].isin(["professional", "volunteer"])).sum()))
    assert informal == sorted(informal, reverse=True) and informal[0] > informal[-1]


def test_a_carer_slides_towards_overload_over_the_moments():
    moments = moment_networks("mantelval_dochter")
    scores = [sum(stored["carer"]["csi"]) for *_, stored in moments]
    hours = [stored["carer"]["hours_per_week"] for *_, stored in moments]
    assert scores == sorted(scores) and scores[0] < 7 <= scores[-1]
    assert hours == sorted(hours) and hours[0] < hours[-1]
    own = [int((net.alters["relation"].isin(["friend", "club_member"]) & (net.alters["status"] == "active")).sum())
           for _, _, net, _ in moments]
    assert own == sorted(own, reverse=True) and own[-1] == 0, "her own friends and choir fade away"


def test_an_intervention_revives_adds_and_cuts():
    moments = {label: net for label, _, net, _ in moment_networks("onveilig_netwerk")}
    intake, end = moments["intake"], moments["afsluiting"]
    added = set(end.alter_ids) - set(intake.alter_ids)
    revived = [a for a in intake.alter_ids if intake.alter(a).get("status") == "faded"
               and end.alter(a).get("status") == "active"]
    cut = [a for a in end.alter_ids if end.alter(a).get("cut")]
    assert len(added) >= 3 and len(revived) >= 2 and cut == ["A"]
    assert end.alter("A")["status"] == "disrupted" and intake.alter("A")["status"] == "active"
    assert (end.alters["relation"] == "fellow_client").sum() >= 2, "the self-help group"
