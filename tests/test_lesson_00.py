"""Lesson 00 (welkom): a gentle first look at one case, working without code, drawing a network with
pseudonyms, privacy and the AVG, and a table of every notebook (issue 12 items 7 and 9, issue 15)."""
from __future__ import annotations

import json
import re

import pytest

from lessonkit import run_and_probe
from lessons1kit import NOTEBOOKS, interactive_concepts, markdown_text, missing_topics, notebook, plan_rows, run_matrix
from netles import datasets, metrics

NAME = "00_welkom"

COVERAGE = {
    "what the suite is": ["netles", "persoonlijk netwerk", "docentenhandreiking", "verzonnen casussen"],
    "working without code": ["--app", "run all cells", "motorkap", "keuzemenu", "controleer"],
    "the netwerkcirkel": ["netwerkcirkel", "lensink", "intimi", "diensten", "familie", "medecliënten",
                          "professionals", "samenleving"],
    "three plain numbers": ["hoeveel mensen", "hoeveel dichtbij", "hoeveel soorten steun"],
    "the network editor": ["netwerkeditor", "mijn_netwerk.json", "schuilnaam"],
    "privacy and the AVG": ["schuilnamen", "algemene verordening gegevensbescherming", "avg", "inzien",
                            "alleen wat nodig is"],
    "learning goals, recap, glossary": ["## leerdoelen", "## wat neem je mee", "begrippenlijst.ipynb"],
    "teacher": ["## voor de docent", "lesplan (90 minuten)", "didactische tips", "misvattingen", "stelling",
                "assignments/source/thema1_visie/"],
}

SUITE = ["00_welkom", "01a_visie_en_kanteling", "01b_wet_en_beleid", "02a_betekenis_en_kwaliteit", "02b_eenzaamheid",
         "03a_mantelzorg", "03b_netwerkstrategieen_en_aansprakelijkheid", "04a_versterken_radio",
         "04b_weerstand_en_veiligheid", "05_onderzoek", "galerij", "begrippenlijst"]


def test_the_lesson_covers_its_topics():
    assert missing_topics(NAME, COVERAGE) == {}


def test_the_first_look_is_gentle():
    # issue 12 item 9: no 31-row profile with IQV, entropy and E-I at first contact
    words = set(re.findall(r"[\w-]+", markdown_text(NAME)))
    assert not words & {"iqv", "entropie", "e-i-index", "constraint", "blau"}
    sources = "\n".join(c.source for c in notebook(NAME).cells if c.cell_type == "code")
    assert "quality_profile" not in sources and "describe_profile" not in sources


def test_the_table_lists_every_notebook_of_the_suite_with_a_line_each():
    text = markdown_text(NAME)
    table = text[text.index("## de notebooks van netles"):]
    for name in SUITE:
        assert f"[{name}]({name}.ipynb)" in table, name
    assert table.count("\n| [") == len(SUITE)


def test_the_lesson_plan_adds_up_to_90_minutes():
    for lang in ("nl", "en"):
        rows = plan_rows(NAME, lang)
        assert rows[0][0] == 0 and rows[-1][1] <= 90
        assert all(a[1] == b[0] for a, b in zip(rows, rows[1:]))


def test_interactive_elements():
    assert set(interactive_concepts(NAME)) == {"casus kiezen", "netwerkcirkel en drie getallen", "netwerkeditor", "quiz"}


def test_the_first_look_shows_the_cases_numbers_and_follows_the_chosen_case(tmp_path):
    _, values = run_and_probe(NOTEBOOKS / f"{NAME}.ipynb", {"casus": "senior_55plus"}, {
        "first": "dict(eerste_blik_staat.state.numbers)",
        "switched": "keuze.children[0].__setattr__('value', 'voorbeeld') or dict(eerste_blik_staat.state.numbers)",
        "editor_size": "editor_staat.network.size",
        "quiz": "quiz_staat is not None",
    }, cwd=tmp_path)
    for key, case in (("first", "senior_55plus"), ("switched", "voorbeeld")):
        net = datasets.load_case(case)
        assert values[key] == {"people": metrics.size(net), "close": int((net.alters["circle"] <= 2).sum()),
                               "support_kinds": metrics.support_coverage(net)}
    # the editor starts empty ("draw your own") and saves next to the notebook
    assert values["editor_size"] == 0
    assert json.loads((tmp_path / "mijn_netwerk.json").read_text(encoding="utf-8"))["alters"] == []
    assert values["quiz"]


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
