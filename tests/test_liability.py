"""Who is liable: one test per branch of the guideline (source 000), plus the steps that apply."""
import pytest

import netles
from netles import ValidationError, liability
from netles.liability import DISCLAIMER, PROBLEM_STEPS, PROFESSIONAL_STEPS, who_is_liable


def numbers(steps):
    return [s.number for s in steps]


def test_steps_are_complete_and_bilingual():
    assert numbers(PROFESSIONAL_STEPS) == [1, 2, 3, 4, 5, 6]
    assert numbers(PROBLEM_STEPS) == [1, 2, 3]
    for s in PROFESSIONAL_STEPS + PROBLEM_STEPS:
        assert s.text("nl").startswith(f"{s.number}. ") and s.text("en") != s.text("nl")


def test_network_member_own_relative_is_responsible():
    r = who_is_liable("network_member", "own_relative", "client", "care")
    assert r.responsible == "network_member"
    assert r.responsible_label() == "het netwerklid zelf"
    assert numbers(r.professional_steps) == [1, 2, 4, 5]  # no teaching needed, nothing wrong
    assert r.problem_steps == ()
    assert "eigen naaste" in r.reasons_nl[0]


def test_reserved_procedure_for_own_relative_adds_teaching():
    r = who_is_liable("network_member", "own_relative", "client", "reserved")
    assert r.responsible == "network_member"
    assert 3 in numbers(r.professional_steps)
    assert any("instemming" in x for x in r.reasons_nl)


def test_insufficient_knowledge_adds_teaching_step():
    r = who_is_liable("network_member", "own_relative", knowledge_sufficient=False)
    assert numbers(r.professional_steps) == [1, 2, 3, 4, 5]
    assert r.responsible == "network_member"  # nobody noticed yet


def test_noticed_lack_without_response_makes_organisation_responsible():
    r = who_is_liable("network_member", "own_relative", knowledge_sufficient=False, lack_noticed=True)
    assert r.responsible == "organisation"
    assert r.reasons_nl[-1].startswith("Maar:")


def test_noticed_lack_with_proper_response_keeps_network_responsible():
    r = who_is_liable("network_member", "own_relative", knowledge_sufficient=False, lack_noticed=True,
                      professional_acted=True)
    assert r.responsible == "network_member"
    assert any("gereageerd" in x for x in r.reasons_nl)


def test_other_client_at_organisations_request():
    r = who_is_liable("network_member", "other_client", "organisation", "care")
    assert r.responsible == "organisation"
    assert r.situation["coordinated"] is True
    assert numbers(r.professional_steps) == [1, 2, 4, 5]


def test_other_client_risky_procedure_known_to_organisation():
    r = who_is_liable("network_member", "other_client", "client", "reserved", coordinated=True)
    assert r.responsible == "organisation"
    assert "risicovolle handeling" in r.reasons_nl[0]
    assert 3 in numbers(r.professional_steps)


@pytest.mark.parametrize("request_by", ["client", "nobody"])
def test_other_client_own_initiative_without_coordination(request_by):
    r = who_is_liable("network_member", "other_client", request_by, "reserved")
    assert r.responsible == "network_member"
    assert r.professional_steps == ()  # no professional is involved
    assert any("afstemmen" in a or "Stem" in a for a in r.advice_nl)


def test_other_client_coordinated_ordinary_care_is_not_settled():
    r = who_is_liable("network_member", "other_client", "client", "care", coordinated=True)
    assert r.responsible == "unclear"
    assert r.responsible_label("en") == "not clearly settled"
    assert r.advice_nl


def test_structural_help_points_to_volunteering():
    r = who_is_liable("network_member", "other_client", "organisation", structural=True)
    assert any("vrijwilliger" in a for a in r.advice_nl)
    assert not who_is_liable("network_member", "other_client", "organisation").advice_nl


def test_registered_volunteer():
    r = who_is_liable("volunteer", "other_client", "organisation")
    assert r.responsible == "volunteer_policy"
    assert r.professional_steps == ()


def test_professional():
    r = who_is_liable("professional", "other_client", "organisation", "reserved")
    assert r.responsible == "organisation"


def test_going_wrong_adds_problem_steps():
    r = who_is_liable("network_member", "own_relative", going_wrong=True)
    assert 6 in numbers(r.professional_steps)
    assert numbers(r.problem_steps) == [1, 2]
    r = who_is_liable("network_member", "own_relative", going_wrong=True, improved=False)
    assert numbers(r.problem_steps) == [1, 2, 3]
    assert numbers(who_is_liable("network_member", going_wrong=True, improved=True).problem_steps) == [1, 2]
    assert numbers(who_is_liable("professional", going_wrong=True).problem_steps) == [1, 2]


def test_going_wrong_without_professional_gives_advice():
    r = who_is_liable("network_member", "other_client", "nobody", going_wrong=True)
    assert r.problem_steps == ()
    assert any("meld" in a for a in r.advice_nl)


def test_describe_has_disclaimer_and_steps():
    r = who_is_liable("network_member", "own_relative", "client", "reserved", going_wrong=True, improved=False)
    text = r.describe()
    assert text.splitlines()[0] == DISCLAIMER[0]
    assert "geen juridisch advies" in text and "Als het niet goed gaat:" in text
    assert r.describe("en").splitlines()[0] == DISCLAIMER[1]
    assert r.teaching_aid is True
    assert "not legal advice" in liability.__doc__


@pytest.mark.parametrize(
    "kwargs, field",
    [
        (dict(actor="buurman"), "actor"),
        (dict(actor="network_member", for_whom="stranger"), "for_whom"),
        (dict(actor="network_member", request="gemeente"), "request"),
        (dict(actor="network_member", procedure="operation"), "procedure"),
        (dict(actor="network_member", request="organisation", coordinated=False), "coordinated"),
        (dict(actor="network_member", lack_noticed=True), "lack_noticed"),
        (dict(actor="network_member", knowledge_sufficient=False, professional_acted=True), "professional_acted"),
        (dict(actor="network_member", improved=True), "improved"),
        (dict(actor="network_member", going_wrong="ja"), "going_wrong"),
    ],
)
def test_bad_input(kwargs, field):
    with pytest.raises(ValidationError) as info:
        who_is_liable(**kwargs)
    assert info.value.field == field


def test_public_export():
    assert "liability" in netles.__all__ and netles.liability is liability
