"""RADIO interventions: each changes exactly what it says, refuses in Dutch when it does not fit,
and never changes its input."""
import copy
import json

import pytest
from hypothesis import given, settings, strategies as st

from netles import EgoNetwork, ValidationError, datasets
from netles.models import (
    INTERVENTIONS,
    RADIO,
    InterventionResult,
    NotApplicable,
    activate,
    add_member,
    applicable_interventions,
    apply_intervention,
    cut_tie,
    intensify,
    maintain,
    revive,
    unblock,
)


def small() -> EgoNetwork:
    """Five alters, one of each situation."""
    return EgoNetwork(
        ego={"ego_id": "k1"},
        alters=[
            {"alter_id": "P", "name": "vader", "relation": "parent", "circle": 1, "contact": "weekly",
             "support": ["practical"], "support_direction": "receives", "valence": "supportive", "status": "active"},
            {"alter_id": "F", "name": "oud-collega", "relation": "colleague", "circle": 3, "contact": "rarely",
             "valence": "supportive", "status": "faded"},
            {"alter_id": "D", "name": "zus", "relation": "sibling", "circle": 3, "contact": "yearly",
             "valence": "burdening", "status": "disrupted"},
            {"alter_id": "K", "name": "kennis", "relation": "acquaintance", "circle": 3, "contact": "monthly",
             "support": ["companionship"], "support_direction": "gives", "valence": "supportive", "status": "active"},
            {"alter_id": "B", "name": "buurman", "relation": "neighbour", "circle": 3, "contact": "daily",
             "valence": "burdening", "status": "active"},
            {"alter_id": "W", "name": "begeleider", "relation": "professional", "circle": 4, "contact": "weekly",
             "support": ["information"], "support_direction": "receives", "status": "active"},
        ],
        ties=[{"source": "P", "target": "D"}, {"source": "B", "target": "K"}, {"source": "B", "target": "P"}],
    )


def changed(result):
    return {(c["alter_id"], c["field"]): (c["before"], c["after"]) for c in result.changes}


def same_except(before: EgoNetwork, after: EgoNetwork, alter_id: str) -> None:
    """Every alter but one and every tie is untouched."""
    b = {a["alter_id"]: a for a in before.to_dict()["alters"]}
    a = {x["alter_id"]: x for x in after.to_dict()["alters"]}
    for aid in b:
        if aid != alter_id:
            assert a[aid] == b[aid], aid
    assert after.to_dict()["ties"] == before.to_dict()["ties"]


def test_revive_faded_tie():
    net = small()
    r = revive(net, "F")
    assert isinstance(r, InterventionResult) and r.action == "revive" and r.name == "Reanimeren"
    assert changed(r) == {("F", "status"): ("faded", "active"), ("F", "contact"): ("rarely", "monthly")}
    same_except(net, r.network, "F")
    assert "Reanimeren" in r.explanation("nl") and "Revive" in r.explanation("en")
    # a weekly faded contact keeps its frequency
    assert changed(revive(net.with_alter_changes("F", contact="weekly"), "F")) == {("F", "status"): ("faded", "active")}


def test_revive_refuses_in_dutch():
    with pytest.raises(NotApplicable, match="Reanimeren kan alleen bij een contact dat verwaterd is; vader is actief\\."):
        revive(small(), "P")
    with pytest.raises(NotApplicable, match="verstoord. Kies eerst deblokkeren"):
        revive(small(), "D")
    with pytest.raises(NotApplicable, match="staat niet \\(meer\\) in dit netwerk"):
        revive(small(), "X")
    assert issubclass(NotApplicable, ValueError)


def test_activate_adds_one_function():
    net = small()
    r = activate(net, "P", "emotional")
    assert changed(r) == {("P", "support"): (["practical"], ["practical", "emotional"])}
    same_except(net, r.network, "P")
    assert r.params == {"function": "emotional"}
    # an alter who only received support from ego now gives too: the tie becomes mutual
    r = activate(net, "K", "companionship")
    assert changed(r) == {("K", "support_direction"): ("gives", "mutual")}
    # no support yet: direction becomes receives
    r = activate(net.with_alter_changes("B", valence="supportive"), "B", "practical")
    assert changed(r) == {("B", "support"): (None, ["practical"]), ("B", "support_direction"): (None, "receives")}


def test_activate_refuses():
    net = small()
    with pytest.raises(NotApplicable, match="geeft al praktische hulp"):
        activate(net, "P", "practical")
    with pytest.raises(NotApplicable, match="Kies eerst reanimeren"):
        activate(net, "F", "practical")
    with pytest.raises(NotApplicable, match="Kies eerst deblokkeren"):
        activate(net, "D", "practical")
    with pytest.raises(NotApplicable, match="belastend"):
        activate(net, "B", "practical")
    with pytest.raises(ValidationError, match="function"):
        activate(net, "P", "money")


def test_unblock_repairs():
    net = small()
    r = unblock(net, "D")
    assert changed(r) == {("D", "valence"): ("burdening", "supportive"), ("D", "status"): ("disrupted", "active")}
    same_except(net, r.network, "D")
    r = unblock(net, "B")  # active but burdening
    assert changed(r) == {("B", "valence"): ("burdening", "supportive")}
    with pytest.raises(NotApplicable, match="Deblokkeren kan alleen bij een verstoorde of belastende relatie; vader"):
        unblock(net, "P")
    with pytest.raises(NotApplicable, match="Kies reanimeren"):
        unblock(net, "F")


def test_intensify_moves_inward_and_more_often():
    net = small()
    r = intensify(net, "K")
    assert changed(r) == {("K", "circle"): (3, 2), ("K", "contact"): ("monthly", "weekly")}
    same_except(net, r.network, "K")
    # already daily: only the circle moves
    r = intensify(net.with_alter_changes("B", valence="supportive"), "B")
    assert changed(r) == {("B", "circle"): (3, 2)}
    r2 = intensify(net.with_alter_changes("K", contact=None), "K")
    assert changed(r2)[("K", "contact")] == (None, "monthly")


def test_intensify_refuses():
    net = small()
    with pytest.raises(NotApplicable, match="rand van het netwerk .* cirkel 1"):
        intensify(net, "P")
    with pytest.raises(NotApplicable, match="professional"):
        intensify(net, "W")
    with pytest.raises(NotApplicable, match="Kies eerst reanimeren"):
        intensify(net, "F")
    with pytest.raises(NotApplicable, match="belastend"):
        intensify(net, "B")


def test_maintain_sets_the_field_simulate_reads():
    net = small()
    r = maintain(net, "P")
    assert changed(r) == {("P", "maintained"): (None, True)}
    assert r.network.alter("P")["maintained"] is True
    same_except(net, r.network, "P")
    with pytest.raises(NotApplicable, match="al afgesproken"):
        maintain(r.network, "P")
    with pytest.raises(NotApplicable, match="professional"):
        maintain(net, "W")
    with pytest.raises(NotApplicable, match="Kies eerst reanimeren"):
        maintain(net, "F")
    with pytest.raises(NotApplicable, match="belastend"):
        maintain(net, "B")


@pytest.mark.parametrize("kind, relation, circle, sector, support", [
    ("volunteer", "volunteer", 3, "society", ["practical", "companionship"]),
    ("vrijwilliger", "volunteer", 3, "society", ["practical", "companionship"]),
    ("buddy", "volunteer", 2, "society", ["emotional", "companionship"]),
    ("maatje", "volunteer", 2, "society", ["emotional", "companionship"]),
    ("lotgenoot", "fellow_client", 3, "fellow_clients", ["emotional", "information"]),
    ("fellow_client", "fellow_client", 3, "fellow_clients", ["emotional", "information"]),
    ("club", "club_member", 3, "society", ["companionship"]),
    ("club_member", "club_member", 3, "society", ["companionship"]),
])
def test_add_member_kinds(kind, relation, circle, sector, support):
    net = small()
    r = add_member(net, kind, name="M.")
    assert r.alter_id == "N1"
    new = r.network.alter("N1")
    assert (new["relation"], new["circle"], new["sector"], new["support"]) == (relation, circle, sector, support)
    assert new["name"] == "M." and new["status"] == "active" and new["valence"] == "supportive"
    assert list(changed(r)) == [("N1", "alter")]
    assert r.network.size == net.size + 1 and r.network.n_ties == net.n_ties


def test_add_member_ids_ties_and_refusals():
    net = small()
    r = add_member(add_member(net, "club").network, "buddy", knows=["P", "N1"])
    assert r.alter_id == "N2"
    assert r.network.has_tie("N2", "P") and r.network.has_tie("N2", "N1")
    assert ("N2", "tie") in changed(r)
    assert r.network.alter("N2")["name"] == "maatje (nieuw)"
    with pytest.raises(NotApplicable, match="al een contact met id 'P'"):
        add_member(net, "club", alter_id="P")
    with pytest.raises(NotApplicable, match="niet kennen"):
        add_member(net, "club", knows=["Z"])
    with pytest.raises(ValidationError, match="kind"):
        add_member(net, "astronaut")


def test_cut_tie_remove_and_mark():
    net = small()
    r = cut_tie(net, "B")
    assert "B" not in r.network.alter_ids
    assert not r.network.has_tie("B", "K") and r.network.n_ties == 1
    c = changed(r)
    assert c[("B", "alter")][1] is None
    assert sorted(ch["before"][1] if ch["before"][0] == "B" else ch["before"][0]
                  for ch in r.changes if ch["field"] == "tie") == ["K", "P"]
    assert "van de kaart gehaald" in r.explanation_nl and "2 banden" in r.explanation_nl
    m = cut_tie(net, "B", mode="mark")
    assert changed(m) == {("B", "contact"): ("daily", "rarely"), ("B", "status"): ("active", "disrupted"),
                          ("B", "cut"): (None, True)}
    assert m.network.has_tie("B", "K") and "zichtbaar" in m.explanation_nl
    with pytest.raises(NotApplicable, match="alleen aan de orde bij een belastend contact; het contact met vader is steunend\\."):
        cut_tie(net, "P")
    with pytest.raises(ValueError, match="mode"):
        cut_tie(net, "B", mode="burn")


def test_drinking_buddy_of_the_opinion_piece():
    """The neighbour who is also the drinking companion: unblocking is possible, cutting too; after
    cutting, a new circle (a club) takes the place."""
    net = small()
    assert applicable_interventions(net, "B") == ["Deblokkeren", "Band doorsnijden"]
    after = add_member(cut_tie(net, "B").network, "club").network
    assert "B" not in after.alter_ids and "N1" in after.alter_ids


def test_a_family_tie_is_not_cut_in_a_plan():
    """Issue 12.4: the voorbeeld case's brother Bram was offered Band doorsnijden. Cutting a family
    tie is a last resort the client decides on; the model offers Deblokkeren instead."""
    net = datasets.load_case("voorbeeld")
    assert applicable_interventions(net, "B") == ["Deblokkeren"]
    with pytest.raises(NotApplicable, match="hoort bij de familie.*laatste middel.*beslist de cliënt zelf") as exc:
        cut_tie(net, "B")
    assert "last resort" in exc.value.message("en")
    for case, alter in (("psychiatrie_geen_netwerk", "C"), ("ggz_naar_huis", "B")):  # a mother, an ex-partner
        assert "Band doorsnijden" not in applicable_interventions(datasets.load_case(case), alter)


def test_someone_who_makes_the_client_unsafe_is_not_unblocked_but_may_be_cut():
    """A case's ``safety.harmful`` people (violence, exploitation): repairing that tie is not an
    option; cutting it is, also for family (Mark at the intake of onveilig_netwerk)."""
    lvb = datasets.load_case("moeder_zoon_lvb")
    assert applicable_interventions(lvb, "D") == ["Band doorsnijden"]  # the friend who makes Dylan pay
    with pytest.raises(NotApplicable, match="onveilig.*Meldcode"):
        unblock(lvb, "D")
    intake = datasets.load_case("onveilig_netwerk").moment("intake")
    assert intake.alter("A")["relation"] == "partner"
    assert applicable_interventions(intake, "A") == ["Band doorsnijden"]
    # at closure the tie is already marked as cut: it is not cut again
    assert applicable_interventions(datasets.load_case("onveilig_netwerk"), "A") == []
    # a burdening neighbour is still both: unblock first, cutting possible
    assert applicable_interventions(datasets.load_case("multiprobleem_buurman"), "D") == ["Deblokkeren", "Band doorsnijden"]


def test_radio_order_and_applicable():
    assert list(RADIO) == ["Reanimeren", "Activeren", "Deblokkeren", "Intensiveren", "Onderhouden"]
    assert set(RADIO.values()) <= set(INTERVENTIONS.values())
    net = small()
    assert applicable_interventions(net, "F") == ["Reanimeren"]
    assert applicable_interventions(net, "D") == ["Deblokkeren"]  # a sister: a family tie is not cut in a plan
    assert applicable_interventions(net, "K") == ["Activeren", "Intensiveren", "Onderhouden"]
    assert applicable_interventions(net, "P") == ["Activeren", "Onderhouden"]
    assert applicable_interventions(net, "W") == ["Activeren"]
    assert applicable_interventions(net, "nobody") == []


def test_replay_a_step_gives_the_same_network():
    net = small()
    for result in (activate(net, "P", "emotional"), add_member(net, "buddy", knows=["P"]),
                   cut_tie(net, "B", mode="mark"), revive(net, "F")):
        step = json.loads(json.dumps(result.step()))
        assert apply_intervention(net, **step).network == result.network
    with pytest.raises(ValidationError, match="action"):
        apply_intervention(net, "teleport", "P")


def test_changes_are_json_safe():
    for result in (revive(small(), "F"), cut_tie(small(), "B"), add_member(small(), "club")):
        json.dumps(list(result.changes))


def _all_calls(net):
    for aid in net.alter_ids:
        yield lambda n, a=aid: revive(n, a)
        yield lambda n, a=aid: activate(n, a, "emotional")
        yield lambda n, a=aid: unblock(n, a)
        yield lambda n, a=aid: intensify(n, a)
        yield lambda n, a=aid: maintain(n, a)
        yield lambda n, a=aid: cut_tie(n, a)
        yield lambda n, a=aid: cut_tie(n, a, mode="mark")
    yield lambda n: add_member(n, "volunteer", knows=n.alter_ids[:2])


def test_input_is_never_mutated():
    for net in (small(), datasets.load_case("voorbeeld")):
        snapshot = copy.deepcopy(net.to_dict())
        frame = net.alters
        for call in _all_calls(net):
            try:
                result = call(net)
            except NotApplicable:
                continue
            assert result.network is not net
        assert net.to_dict() == snapshot
        assert net.alters.equals(frame)


@settings(max_examples=15)
@given(st.integers(0, 10_000))
def test_interventions_on_synthetic_networks_stay_valid(seed):
    from netles.models import synthetic_network

    net = synthetic_network(seed=seed, profile="ggz")
    snapshot = net.to_dict()
    for aid in net.alter_ids:
        for name in applicable_interventions(net, aid):
            if name == "Activeren":
                continue  # needs a function; covered above
            fn = cut_tie if name == "Band doorsnijden" else RADIO[name]
            EgoNetwork.from_dict(fn(net, aid).network.to_dict())
    assert net.to_dict() == snapshot


def test_reasons_and_explanations_in_english_without_internal_ids():
    net = small()
    with pytest.raises(NotApplicable) as info:
        revive(net, "P")
    assert info.value.message("en") == "Revive only fits a contact that has faded; vader is active."
    assert info.value.message("nl") == str(info.value)
    for action, alter in (("activate", "D"), ("unblock", "P"), ("intensify", "P"), ("maintain", "D"), ("cut_tie", "P")):
        with pytest.raises(NotApplicable) as info:
            apply_intervention(net, action, alter, {"function": "practical"} if action == "activate" else {})
        english = info.value.message("en")
        assert english != str(info.value) and "Kies" not in english and "(P)" not in english and "(D)" not in english
    # the alter id is an internal key: it is not shown when the person has a name
    assert "(B)" not in cut_tie(net, "B").explanation_nl


def test_cut_tie_counts_ties_in_singular_and_plural():
    net = small()
    one = net.without_tie("B", "K")
    assert "met 1 band naar anderen" in cut_tie(one, "B").explanation_nl
    assert "de band met een ander blijft staan" in cut_tie(one, "B", mode="mark").explanation_nl
    assert "with 1 tie to others" in cut_tie(one, "B").explanation_en
    none = one.without_tie("B", "P")
    assert "band" not in cut_tie(none, "B").explanation_nl.split("gehaald")[1].split(".")[0]


def test_a_step_that_draws_closer_someone_tied_to_a_danger_carries_the_caution():
    # onveilig_netwerk: the planner let a student intensify the contact with Mark's mother, who is
    # tied to Mark (the violent ex-partner), and the step said nothing about safety
    from netles.models import radio

    esther = datasets.load_case("onveilig_netwerk")
    assert radio.harmful_people(esther) == ["A"] and radio.tied_to_danger(esther) == ["D"]  # not the children
    for step in (radio.intensify(esther, "D"), radio.activate(esther, "D", "emotional")):
        assert "Let op: Schoonmoeder G. heeft contact met Mark" in step.explanation("nl")
        assert "safety plan" in step.explanation("en") and "veiligheidsplan" in step.body("nl")
    assert "Let op" not in radio.intensify(esther, "G").explanation("nl")  # Ilse is not tied to Mark
    assert "Let op" not in radio.maintain(esther, "D").explanation("nl")   # keeping a tie as it is asks nothing more
    assert radio.tied_to_danger(datasets.load_case("voorbeeld")) == []
