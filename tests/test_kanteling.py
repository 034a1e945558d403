"""The kanteling ladder: lowest suitable rung and feedback on a student's placement.

Running example (data/cases/voorbeeld.json), support given to ego:
practical A (Anja), C (Carla), E (Erik); emotional A, C; companionship A, D; information F
(professional). Support counts per alter: A 3, C 2, D 1, E 1, F 1 (total 8, so A has 37.5%).
"""
import pytest

from netles import ValidationError, datasets, scales
from netles.models import kanteling as k
from netles.models.kanteling import (KantelingContext, SupportNeed, assess_need, check_placement, check_placements,
                                     propose_rung)


@pytest.fixture(scope="module")
def net():
    return datasets.load_case("voorbeeld")


@pytest.fixture(scope="module")
def ctx(net):
    return KantelingContext(net)


def shopping(**kw):
    return SupportNeed("boodschappen", "wekelijks boodschappen doen", "practical", **kw)


def test_rungs_and_definitions():
    assert k.RUNG.codes == ("own_strength", "network", "general_provision", "individual_provision")
    assert k.rung_label("own_strength") == "eigen kracht"
    assert k.rung_label("individual_provision", "en").startswith("individual")
    assert set(k.RUNG_DEFINITIONS) == set(k.RUNG.codes)
    assert all(nl and en and nl != en for nl, en in k.RUNG_DEFINITIONS.values())
    assert "RUNG" in __import__("netles.models", fromlist=["__all__"]).__all__


# ------------------------------------------------------------------ own strength

def test_own_strength_ok(ctx):
    fb = check_placement(shopping(client_can=True), "own_strength", ctx)
    assert fb.ok and fb.proposed == "own_strength"
    assert "Goed" in fb.message_nl and "zelf" in fb.message_nl


def test_own_strength_available_so_network_is_too_high(ctx):
    fb = check_placement(shopping(client_can=True), "network", ctx)
    assert fb.status == "too_high" and fb.proposed == "own_strength"
    assert "lagere trede" in fb.message_nl and "eigen kracht" in fb.message_nl


def test_own_strength_too_low_when_client_cannot(ctx):
    fb = check_placement(shopping(), "own_strength", ctx)
    assert fb.status == "too_low" and fb.proposed == "network"
    assert "niet zelf" in fb.message_nl and "sociaal netwerk" in fb.message_nl


# ------------------------------------------------------------------ network

def test_network_ok_names_helpers_and_why_not_lower(ctx):
    fb = check_placement(shopping(), "network", ctx)
    assert fb.ok
    assert fb.assessment.check("network").helpers == ("A", "C", "E")
    assert "Anja (zus)" in fb.message_nl and "Lager kan niet" in fb.message_nl


def test_professional_help_chosen_while_network_can(ctx):
    fb = check_placement(shopping(), "individual_provision", ctx)
    assert fb.status == "too_high" and fb.proposed == "network"
    assert "Erik (buurman)" in fb.message_nl
    assert fb.message("en").startswith("A lower rung is available")


def test_overloaded_carer_is_left_out(net):
    ctx = KantelingContext(net, carer="C", carer_load=0.8)
    a = k.assess_need(shopping(), ctx)
    assert a.check("network").helpers == ("A", "E")
    assert "Carla (zus): is als mantelzorger al overbelast" in a.check("network").reason_nl
    # below the limit the carer still counts
    assert k.assess_need(shopping(), KantelingContext(net, carer="C", carer_load=0.5)).check("network").helpers == ("A", "C", "E")


def test_carer_load_from_csi_and_default_carer(net):
    high = scales.csi([True] * 7 + [False] * 6)
    ctx = KantelingContext(net, carer_csi=high)
    assert ctx.carer_csi == 7 and ctx.main_carer() == "A"  # A gives the most support (3 of 8)
    emotional = SupportNeed("praten", "iemand om mee te praten", "emotional")
    assert k.assess_need(emotional, ctx).check("network").helpers == ("C",)
    low = KantelingContext(net, carer_csi=6)
    assert k.assess_need(emotional, low).check("network").helpers == ("A", "C")


def test_when_only_the_overloaded_carer_could_help_the_network_cannot(net):
    # emotional support: A and C; both carry too much (A as biggest share, C as overloaded carer)
    ctx = KantelingContext(net, carer="C", carer_load=0.9, heavy_share=0.3)
    need = SupportNeed("praten", "iemand om mee te praten", "emotional")
    fb = check_placement(need, "network", ctx)
    assert fb.status == "too_low" and fb.proposed == "individual_provision"
    assert "draagt al veel (38% van alle steun)" in fb.message_nl
    assert "overbelast" in fb.message_nl


def test_many_hours_need_several_helpers(net, ctx):
    need = shopping(hours_per_week=10)  # 3 helpers at 4 hours each
    assert k.propose_rung(need, ctx) == "network"
    fewer = KantelingContext(net, carer="C", carer_load=1.0)  # only A and E left
    fb = check_placement(need, "network", fewer)
    assert fb.status == "too_low"
    assert "vraagt 3 helpers" in fb.message_nl
    assert k.propose_rung(need, KantelingContext(net, carer="C", carer_load=1.0, max_hours_per_helper=5)) == "network"


def test_frequency_needs_contact_or_nearness(net):
    # companionship: A (weekly, 20 min) and D (weekly, 15 min); make D far and rarely in touch
    far = net.with_alter_changes("D", contact="monthly", travel_minutes=60)
    need = SupportNeed("gezelschap", "iemand die dagelijks even langskomt", "companionship", frequency="daily")
    helpers = k.assess_need(need, KantelingContext(far)).check("network").helpers
    assert helpers == ("A",)  # A is weekly but lives 20 minutes away
    reason = k.assess_need(need, KantelingContext(far)).check("network").reason_nl
    assert "Dewi (vriendin): ziet de cliënt niet vaak genoeg" in reason
    weekly = SupportNeed("gezelschap", "samen koffie", "companionship", frequency="monthly")
    assert k.assess_need(weekly, KantelingContext(far)).check("network").helpers == ("A", "D")


def test_willing_member_counts(net):
    need = SupportNeed("waardering", "iemand die complimenten geeft", "appraisal")
    assert k.propose_rung(need, KantelingContext(net)) == "individual_provision"
    ctx = KantelingContext(net, willing={"D": ["appraisal"]})
    assert k.assess_need(need, ctx).check("network").helpers == ("D",)


def test_disrupted_and_burdening_ties_do_not_count(net):
    changed = net.with_alter_changes("B", support=["emotional"], support_direction="receives")
    reason = k.assess_need(SupportNeed("p", "praten", "emotional"), KantelingContext(changed)).check("network").reason_nl
    assert "Bram (broer): het contact is verstoord" in reason
    burdening = changed.with_alter_changes("B", status="active")
    reason = k.assess_need(SupportNeed("p", "praten", "emotional"), KantelingContext(burdening)).check("network").reason_nl
    assert "Bram (broer): de relatie is belastend" in reason


# ------------------------------------------------------------------ reserved procedures

def test_reserved_procedure_needs_instruction(net, ctx):
    insulin = SupportNeed("insuline", "insuline spuiten", "practical", frequency="daily", reserved_procedure=True)
    fb = check_placement(insulin, "network", ctx)
    assert fb.status == "too_low" and fb.proposed == "individual_provision"
    assert "geïnstrueerd" in fb.message_nl and "instemming" in fb.message_nl
    taught = KantelingContext(net, instructed={"A"})
    fb = check_placement(insulin, "network", taught)
    assert fb.ok and fb.assessment.check("network").helpers == ("A",)
    # the client may do it personally
    assert k.propose_rung(SupportNeed("i", "zelf spuiten", "practical", reserved_procedure=True, client_can=True), ctx) == "own_strength"


def test_reserved_procedure_never_general_provision(ctx):
    need = SupportNeed("kath", "katheter", "practical", reserved_procedure=True, general_provision="vrijwillige thuishulp")
    fb = check_placement(need, "general_provision", ctx)
    assert fb.status == "too_low" and "voorbehouden" in fb.message_nl


# ------------------------------------------------------------------ professional skill

def test_professional_skill_goes_to_individual_provision(ctx):
    need = SupportNeed("therapie", "traumabehandeling", "emotional", professional_skill=True, client_can=True)
    fb = check_placement(need, "individual_provision", ctx)
    assert fb.ok and "deskundigheid" in fb.message_nl
    for lower in ("own_strength", "network", "general_provision"):
        fb = check_placement(need, lower, ctx)
        assert fb.status == "too_low" and "deskundigheid" in fb.message_nl


# ------------------------------------------------------------------ general provision

def test_general_provision_by_name(ctx):
    need = SupportNeed("advies", "hulp bij formulieren", "appraisal", general_provision="formulierenspreekuur")
    fb = check_placement(need, "general_provision", ctx)
    assert fb.ok and "formulierenspreekuur" in fb.message_nl
    assert "niemand in het netwerk geeft waardering" in fb.message_nl
    fb = check_placement(need, "individual_provision", ctx)
    assert fb.status == "too_high" and fb.proposed == "general_provision"


def test_volunteer_in_network_is_a_general_provision(net):
    with_volunteer = net.with_alter(
        {"alter_id": "G", "name": "maatje", "relation": "volunteer", "contact": "weekly",
         "support": ["appraisal"], "support_direction": "receives", "status": "active"}
    )
    need = SupportNeed("waardering", "iemand die meedenkt", "appraisal")
    a = k.assess_need(need, KantelingContext(with_volunteer))
    assert not a.check("network").can_carry
    assert a.lowest == "general_provision" and a.check("general_provision").helpers == ("G",)


# ------------------------------------------------------------------ many needs, validation

def test_check_placements_and_propose_rungs(ctx):
    needs = [shopping(client_can=True), SupportNeed("praten", "praten", "emotional"),
             SupportNeed("wond", "wondzorg", "practical", professional_skill=True)]
    assert k.propose_rungs(needs, ctx) == {"boodschappen": "own_strength", "praten": "network", "wond": "individual_provision"}
    fbs = check_placements(needs, {"boodschappen": "network", "praten": "network", "wond": "network"}, ctx)
    assert [f.status for f in fbs] == ["too_high", "ok", "too_low"]


def test_validation_errors(net, ctx):
    with pytest.raises(ValidationError, match="support function"):
        SupportNeed("x", "x", "money")
    with pytest.raises(ValidationError, match="hours"):
        SupportNeed("x", "x", "practical", hours_per_week=-1)
    with pytest.raises(ValidationError, match="frequency"):
        SupportNeed("x", "x", "practical", frequency="hourly")
    with pytest.raises(ValidationError, match="not a rung"):
        check_placement(shopping(), "mantelzorg", ctx)
    with pytest.raises(ValidationError, match="not an alter"):
        KantelingContext(net, carer="Z")
    with pytest.raises(ValidationError, match="load"):
        KantelingContext(net, carer_load=1.5)
    with pytest.raises(ValidationError, match="CSI"):
        KantelingContext(net, carer_csi=scales.djg6(["ja"] * 6))
    with pytest.raises(ValidationError, match="not a support function"):
        KantelingContext(net, willing={"A": ["money"]})
    with pytest.raises(ValidationError) as info:
        check_placements([shopping()], {"praten": "network"}, ctx)
    assert len(info.value.problems) == 2
    with pytest.raises(ValidationError, match="used twice"):
        k.propose_rungs([shopping(), shopping()], ctx)


def test_need_round_trip():
    need = shopping(hours_per_week=2.5, general_provision="boodschappendienst")
    assert SupportNeed.from_dict(need.to_dict()) == need
    with pytest.raises(ValidationError, match="unknown field"):
        SupportNeed.from_dict({**need.to_dict(), "urgent": True})


def test_first_listed_rung_takes_the_lowest_rung_a_case_lists():
    from itertools import product

    from netles.models.kanteling import RUNG, first_listed_rung

    for can_self, network, general in product([True, False], [[], ["B"]], [None, "buurtbus"]):
        need = {"can_self": can_self, "network": network, "general_provision": general, "individual_provision": "taxi"}
        expected = ("own_strength" if can_self else "network" if network else
                    "general_provision" if general else "individual_provision")
        assert first_listed_rung(need) == expected
        assert expected in RUNG


def test_candidates_limit_who_can_take_a_need_and_an_empty_list_means_nobody():
    net = datasets.load_case("voorbeeld")
    need = SupportNeed("douchen", "wekelijks douchen", "practical", "weekly", 1)
    assert propose_rung(need, KantelingContext(net)) == "network"  # A, C, E give practical help
    nobody = KantelingContext(net, candidates=[])
    a = assess_need(need, nobody)
    assert a.lowest == "individual_provision"
    assert a.check("network").reason_nl == "Volgens de casus kan niemand uit het netwerk dit doen."
    only_e = assess_need(need, KantelingContext(net, candidates=["E"]))
    assert only_e.check("network").helpers == ("E",)
    assert only_e.check("network").reason_nl.startswith("In het netwerk kan Erik (buurman) praktische hulp geven")
    with pytest.raises(ValidationError):
        KantelingContext(net, candidates=["ZZ"])


def test_the_main_carer_is_never_a_professional_or_volunteer():
    net = datasets.load_case("voorbeeld").with_alter_changes(
        "F", support=["practical", "emotional", "companionship", "appraisal", "information"],
        support_direction="receives")
    ctx = KantelingContext(net, carer_csi=9)
    assert ctx.main_carer() == "A"  # the wijkverpleegkundige F gives the most, but is no mantelzorger
