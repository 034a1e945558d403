"""Lesson 01b (wet en beleid): the Dutch legal and policy frame of issue 15, with a keukentafel role play
built from the chosen case and self-checks that start empty."""
from __future__ import annotations

import html

import pytest

from lessonkit import run_and_probe
from lessons1kit import NOTEBOOKS, interactive_concepts, markdown_text, missing_topics, plan_rows, run_matrix
from netles import datasets
from netles.widgets.policy import POLICY_TOPICS

NAME = "01b_wet_en_beleid"

COVERAGE = {
    "participatiesamenleving": ["participatiesamenleving", "troonrede van 2013", "critici"],
    "the 2015 decentralisations": ["1 januari 2015", "drie decentralisaties", "wmo 2015", "jeugdwet", "participatiewet",
                                   "wet langdurige zorg", "zorgverzekeringswet", "zorgkantoor", "wijkteam",
                                   "jeugd-ggz", "bijstand"],
    "keukentafelgesprek": ["keukentafelgesprek", "melding", "onderzoek", "art. 2.3.2", "zeven dagen",
                           "persoonlijk plan", "cliëntondersteuner", "gebruikelijke hulp", "huisgenoten", "zes weken",
                           "verslag", "beschikking", "bezwaar", "gevraagd, niet verplicht", "rollenspel"],
    "familiegroepsplan": ["familiegroepsplan", "art. 1.1", "art. 4.1.2", "art. 2.1", "eigen kracht-conferentie",
                          "coördinator bereidt voor", "privétijd", "03b_netwerkstrategieen_en_aansprakelijkheid.ipynb"],
    "Wet BIG": ["wet big", "voorbehoudt", "art. 36", "beroepsmatig", "bekwaam", "wie aansprakelijk is", "afspraken",
                "mag ik in een privé situatie medisch handelen?"],
    "AVG": ["avg", "persoonsgegevens", "bijzondere persoonsgegevens", "toestemming", "dataminimalisatie",
            "schuilnamen", "wie mag de kaart zien", "inzage"],
    "mantelzorg figures": ["12,9%", "2024", "13,0%", "15,5%", "10,1%", "11,1 uur", "20,9%", "ongeveer 35%", "2019",
                           "drie maanden", "acht uur per week", "1,6 miljoen", "605 duizend", "28%", "18%",
                           "vzinfo.nl", "vader en moeder op leeftijd", "jaar, de bron en de definitie"],
    "lesson parts": ["## leerdoelen", "## wat neem je mee", "begrippenlijst.ipynb", "## voor de docent",
                     "lesplan (90 minuten)", "didactische tips", "misvattingen", "stelling", "discussievragen",
                     "assignments/source/thema1_visie/", "01a_visie_en_kanteling.ipynb"],
}


def test_the_lesson_covers_the_dutch_frame():
    assert missing_topics(NAME, COVERAGE) == {}


def test_the_lesson_plan_adds_up_and_the_role_play_fits_it():
    for lang in ("nl", "en"):
        rows = plan_rows(NAME, lang)
        assert rows[0][0] == 0 and rows[-1][1] == 90 and all(a[1] == b[0] for a, b in zip(rows, rows[1:]))
    text = markdown_text(NAME)
    plan = text[text.index("## voor de docent"):]
    assert "| 18-45 | keukentafelgesprek: uitleg (7), rolkaarten lezen (3), spelen (10), nabespreken (7)" in plan
    assert "ongeveer tien minuten" in text


def test_interactive_elements():
    assert set(interactive_concepts(NAME)) == {"casus kiezen", "decentralisaties", "keukentafelgesprek",
                                               "familiegroepsplan", "wet big", "avg", "mantelzorgcijfers", "quiz"}


def test_the_role_play_comes_from_the_chosen_case_and_the_checks_start_empty(tmp_path):
    variables = {"decentralisaties": "wie_doet_wat", "familiegroepsplan": "familiegroepsplan", "wet_big": "wet_big",
                 "avg": "avg", "mantelzorg_cbs": "cbs_definitie"}
    probes = {f"empty_{topic}": f"all(d.value == '' for d in {var}.choices.values())" for topic, var in variables.items()}
    probes |= {f"items_{topic}": f"sorted({var}.choices)" for topic, var in variables.items()}
    probes |= {
        "client": "keukentafel_staat.state.cards['client']",
        "ticked": "sorted(keukentafel_staat.state.ticked)",
        "client_after": "keuze_staat.choose('mantelval_dochter') or keukentafel_staat.state.cards['client']",
        "carer_after": "keukentafel_staat.state.cards['carer']",
    }
    _, values = run_and_probe(NOTEBOOKS / f"{NAME}.ipynb", {"casus": "senior_55plus"}, probes, cwd=tmp_path)
    for topic in variables:
        assert values[f"empty_{topic}"], topic
        assert values[f"items_{topic}"] == sorted(i.key for i in POLICY_TOPICS[topic]["items"])
    senior, marieke = datasets.load_case("senior_55plus"), datasets.load_case("mantelval_dochter")
    assert html.escape(datasets.case_vignette(senior, "nl")) in values["client"]
    assert html.escape(datasets.case_vignette(marieke, "nl")) in values["client_after"]
    assert "11 van 13" in values["carer_after"] and values["ticked"] == []


def test_english_run(tmp_path):
    net = datasets.load_case("senior_55plus")
    _, values = run_and_probe(NOTEBOOKS / f"{NAME}.ipynb", {"casus": "senior_55plus", "taal": "en"},
                              {"client": "keukentafel_staat.state.cards['client']",
                               "title": "keukentafel_staat.widget.cards.get_title(2)"}, cwd=tmp_path)
    assert html.escape(datasets.case_vignette(net, "en")) in values["client"]
    assert values["title"] == "Wmo consultant or neighbourhood team"


@pytest.mark.slow
def test_runs_with_every_case_in_both_languages(tmp_path):
    variants = [{"casus": c, "taal": t} for t in ("nl", "en") for c in datasets.case_names()]
    nb = run_matrix(NAME, variants, tmp_path)
    assert sum(c.source.startswith("print('variant'") for c in nb.cells) == len(variants)


def test_the_narrative_names_nobody_from_a_case():
    # issue 12 item 5: text that depends on the case comes from the case (a widget), so the lesson
    # reads right whichever case the teacher or student picks
    from lessons2kit import names_in_narrative

    assert names_in_narrative(NAME) == {"nl": [], "en": []}
