"""Lesson 04b (weerstand en veiligheid): the second half of theme 4 of the guide, with unsafe networks and
the Meldcode (issue 15), the self-help group of the guide's case 19 used with a case, and the pilot's
four skills on its real moments where revived contacts count as reanimeren (issue 12.3, 16.4)."""
from __future__ import annotations

import re

import pytest

from lessonkit import run_and_probe
from lessons1kit import NOTEBOOKS, interactive_concepts, markdown_text, missing_topics, plan_rows, run_matrix
from netles import datasets

NAME = "04b_weerstand_en_veiligheid"

COVERAGE = {
    "resistance": ["weerstand", "autonomie", "privacy", "vraagverlegenheid", "tempo van de cliënt"],
    "learning to accept and offer help": ["aanvaarden", "aan te bieden", "kwaliteiten", "van bovenaf",
                                          "klokman & veuger, 2015"],
    "resistance role play": ["rollenspel", "opdracht 7", "tegendraads", "weerstand wel of niet brak"],
    "cutting harmful ties and a new network": ["doorsnijden", "criminele vrienden", "drinkmaatje", "nieuw netwerk",
                                               "patronen", "laatste middel"],
    "no network: a support system": ["bijna geen netwerk", "steunsysteem", "buren", "verenigingen", "kerken",
                                      "maatjesprojecten"],
    "unsafe networks": ["huiselijk geweld", "financiële uitbuiting", "criminele vrienden", "kinderen"],
    "the Meldcode and its five steps": ["meldcode huiselijk geweld en kindermishandeling", "signalen in kaart",
                                        "veilig thuis", "gesprek", "afwegingskader", "1 januari 2019", "beslissen",
                                        "acute of structurele onveiligheid", "meld je altijd"],
    "what a professional does when the network is the risk": ["versterk geen band die schaadt", "noodcontact",
                                                              "wie wat mag weten"],
    "the self-help group of the guide": ["zelfhulpgroep", "casus 19", "stilstaan om vooruit te komen", "lotgenoten",
                                         "huiselijk geweld hebben meegemaakt"],
    "methods": ["eigen kracht-conferentie", "sociale netwerkversterking", "sociale rolversterking", "netwerkcoach",
                "getraind", "natuurlijk, een netwerkcoach", "opdracht 2"],
    "the pilot's four skills": ["coördineren", "samenwerken", "uitbreiden", "onderhouden", "reanimeren",
                                "aan de contacten die bleven"],
    "lesson parts": ["## leerdoelen", "## wat neem je mee", "begrippenlijst.ipynb", "## voor de docent",
                     "lesplan (90 minuten)", "didactische tips", "misvattingen", "stelling", "discussievragen",
                     "assignments/source/thema4_versterken/", "04a_versterken_radio.ipynb"],
}


def test_the_lesson_covers_its_part_of_theme_4_and_unsafe_networks():
    assert missing_topics(NAME, COVERAGE) == {}


def test_the_meldcode_steps_are_the_five_of_the_references():
    # REFERENCES.md section 7: map signals, consult, talk, weigh with the afwegingskader, decide
    text = " ".join(markdown_text(NAME).split())
    section = text[text.index("## 4. een onveilig netwerk"):text.index("## 5.")]
    order = [section.index(w) for w in ("1. de **signalen in kaart**", "2. **overleggen**", "3. in **gesprek**",
                                        "4. het geweld of de mishandeling **wegen**", "5. **beslissen**")]
    assert order == sorted(order)


def test_text_that_depends_on_the_case_comes_from_the_case():
    text = markdown_text(NAME)
    student_part = text[:text.index("## voor de docent")]
    for name in ("esther", "mark", "dylan", "dave", "gerda", "linda", "anita", "fatma"):
        assert not re.search(rf"\b{name}\b", student_part), name


def test_interactive_elements():
    assert interactive_concepts(NAME) == [
        "casus kiezen", "weerstand", "rollenspel weerstand", "schadelijke banden en een nieuw netwerk", "meldcode",
        "zelfhulpgroep en lotgenoten", "methoden", "vier vaardigheden pilot", "quiz"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_plan_adds_up_to_90_minutes(lang):
    rows = plan_rows(NAME, lang)
    assert rows[0][0] == 0 and rows[-1][1] == 90 and all(a[1] == b[0] for a, b in zip(rows, rows[1:]))
    text = markdown_text(NAME, lang)
    for start in ("| 12-30 |", "| 40-62 |"):
        line = text[text.index(start):].split("\n")[0]
        a, b = (int(x) for x in re.findall(r"\d+", start))
        assert sum(int(m) for m in re.findall(r"\((\d+)\)", line)) == b - a


def test_the_lesson_runs_and_follows_the_case(tmp_path):
    _, values = run_and_probe(NOTEBOOKS / f"{NAME}.ipynb", {"casus": "onveilig_netwerk"}, {
        "start": "meldcode_staat.state.start.label",
        "kinds": "meldcode_staat.state.kinds",
        "given_away": "meldcode_staat.widget.case.value",
        "harm": "schade_staat.state.burdening",
        "peers": "lotgenoten_staat.state.peers",
        "since": "[m.label for m in lotgenoten_staat.state.since.values()]",
        "pilot": "[pilot_staat.result['changes']['revive'], pilot_staat.result['kept']]",
        "empty": "all(d.value == '' for w in (weerstand, methoden) for d in w.choices.values())",
        "voorbeeld": "keuze_staat.choose('voorbeeld') or meldcode_staat.widget.message.value",
        "no_peers": "lotgenoten_staat.state.text",
        "lvb": "keuze_staat.choose('moeder_zoon_lvb') or meldcode_staat.state.outside_home",
    }, cwd=tmp_path)
    assert values["start"] == "intake" and values["kinds"] == ["physical", "psychological", "financial"]
    assert values["given_away"] == ""  # the case's story shows only after "Vergelijk met de casus"
    assert values["harm"] == ["A"] and values["peers"] == ["K", "L"] and values["since"] == ["evaluatie"] * 2
    assert values["pilot"] == [2, 4] and values["empty"]
    assert "geen signalen van onveiligheid" in values["voorbeeld"] and "Esther" in values["voorbeeld"]
    assert "geen lotgenoten" in values["no_peers"]
    assert values["lvb"] is True


def test_the_lesson_in_english(tmp_path):
    from netles import lessons
    import nbformat

    nb = lessons.localise(nbformat.read(str(NOTEBOOKS / f"{NAME}.ipynb"), as_version=4), "en")
    path = tmp_path / "les.ipynb"
    nbformat.write(nb, str(path))
    executed, values = run_and_probe(path, {"casus": "multiprobleem_buurman", "taal": "en"}, {
        "harm": "schade_staat.state.text",
        "meldcode": "meldcode_staat.widget.message.value",
        "pilot": "pilot.card.value",
        "tabs": "None",
    }, cwd=tmp_path)
    assert "Dave (buurman) also gives practical help and companionship" in values["harm"]
    assert "records no signs of unsafety" in values["meldcode"]
    assert "Gerda and the network project" in values["pilot"]
    assert executed.cells[0].source.startswith("# Theme 4b")


@pytest.mark.slow
def test_runs_with_every_case_in_both_languages(tmp_path):
    variants = [{"casus": c, "taal": t} for t in ("nl", "en") for c in datasets.case_names()]
    nb = run_matrix(NAME, variants, tmp_path)
    assert sum(c.source.startswith("print('variant'") for c in nb.cells) == len(variants)
