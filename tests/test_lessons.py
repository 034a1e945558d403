"""The lesson notebooks: they run with every case and in English, cover the issue's items, list
their interactive elements, keep the house rules, and `netles les` writes an offline handout."""
from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import nbformat
import pytest

from netles import datasets, lessons
from netles.cli import main as netles_main

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = {n: lessons.lesson_path(n) for n in lessons.LESSONS}
THEMES = {1: NOTEBOOKS[1], 2: NOTEBOOKS[2], 3: NOTEBOOKS[3], 4: NOTEBOOKS[4]}


def _nb(path: Path):
    return nbformat.read(str(path), as_version=4)


def _text(path: Path) -> str:
    return "\n".join(c.source for c in _nb(path).cells).lower()


# --------------------------------------------------------------------------------------------
# Running: every notebook with every case, and with English labels
# --------------------------------------------------------------------------------------------

def _matrix_notebook(path: Path, variants: list[dict]):
    """One notebook that runs the lesson once per variant, in one kernel (imports are paid once)."""
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    source = load_notebook_node(str(path))  # adds the metadata papermill expects
    combined = copy.deepcopy(source)
    combined.cells = []
    combined.nbformat_minor = 4  # no cell ids: the same cells appear once per variant
    for params in variants:
        nb = parameterize_notebook(copy.deepcopy(source), params)
        marker = nbformat.v4.new_code_cell(f"print('variant', {params!r})")
        marker.metadata["tags"] = []
        marker.pop("id", None)
        combined.cells.append(marker)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs = []
                tags = [t for t in cell.metadata.get("tags", []) if t != "parameters"]
                cell.metadata["tags"] = tags
                cell.pop("id", None)
                combined.cells.append(cell)
    return combined


@pytest.mark.slow
@pytest.mark.parametrize("number", list(lessons.LESSONS))
def test_notebook_runs_with_every_case_and_both_languages(number, tmp_path):
    # papermill injects the parameters; nbclient runs all variants in one kernel without saving the
    # growing notebook after every cell (papermill's engine does, which makes a long matrix slow).
    from nbclient import NotebookClient

    variants = [{"casus": c, "taal": t} for t in ("nl", "en") for c in datasets.case_names()]
    nb = _matrix_notebook(NOTEBOOKS[number], variants)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    assert not any(o.get("output_type") == "error" for c in nb.cells for o in c.get("outputs", []))
    ran = [c for c in nb.cells if c.source.startswith("print('variant'")]
    assert len(ran) == len(variants) and all(c.outputs for c in ran)


def test_each_notebook_runs_alone_with_english_labels_in_a_foreign_folder(tmp_path):
    # A plain papermill run of one lesson from another working directory, as a teacher would.
    import papermill

    out = tmp_path / "les3.ipynb"
    papermill.execute_notebook(str(NOTEBOOKS[3]), str(out), parameters={"taal": "en", "casus": "pubers_ic"},
                               kernel_name="python3", cwd=str(tmp_path), progress_bar=False)
    text = json.dumps(_nb(out).dict())
    assert "Load of the family carer" in text and "Belasting van de mantelzorger" not in text


# --------------------------------------------------------------------------------------------
# House rules
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("number", list(lessons.LESSONS))
def test_one_parameters_cell_with_the_settings(number):
    nb = _nb(NOTEBOOKS[number])
    cells = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(cells) == 1
    needed = ("casus", "taal") if number == 0 else ("casus", "seed", "taal", "max_minuten", "sterk_tot_cirkel")
    for name in needed:
        assert re.search(rf"^{name}\s*=", cells[0].source, re.M), name
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert "../data" not in _text(NOTEBOOKS[number])


@pytest.mark.parametrize("number", list(lessons.LESSONS))
def test_only_check_cells_keep_outputs(number):
    nb = _nb(NOTEBOOKS[number])
    checks = [c for c in nb.cells if c.cell_type == "code" and "NBVAL_CHECK_OUTPUT" in c.source]
    assert checks
    for c in nb.cells:
        if c.cell_type == "code" and c.get("outputs"):
            assert "NBVAL_CHECK_OUTPUT" in c.source
    for c in checks:
        assert c.outputs and c.execution_count


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_themed_notebook_has_the_teacher_parts(number):
    text = _text(THEMES[number])
    for part in ("leerdoelen", "voor de docent", "lesplan (90 minuten)", "didactische tips", "misvattingen",
                 "literatuur", "stelling", "discussievragen", f"assignments/source/thema{number}_",
                 "welke cellen laat je zien", "load_case(casus)"):
        assert part in text, part
    plan = re.findall(r"^\|\s*(\d+)-(\d+)\s*\|", text, re.M)
    assert plan[0][0] == "0" and plan[-1][1] == "90"


# --------------------------------------------------------------------------------------------
# Coverage of the issue: every item findable in its theme's notebook
# --------------------------------------------------------------------------------------------

COVERAGE = {
    1: {
        "Wmo and over-reliance on professional care": ["wmo", "professionele hulp", "onbetaalbaar"],
        "from diagnosis to quality of life": ["diagnose", "kwaliteit van leven"],
        "Schalock's eight domains": ["schalock", "zelfbepaling", "sociale inclusie", "rechten", "materieel welbevinden"],
        "kanteling ladder": ["kanteling", "eigen kracht", "algemene voorzieningen", "individuele voorzieningen"],
        "crowding-out and counter-evidence": ["verdringingseffect", "omgekeerde"],
        "informal care figures and carer overload": ["mantelzorg", "overbelasting van mantelzorgers", "miljoenen"],
        "self-reliance -> participation -> cohesion and reverse": ["zelfredzaam", "participeren", "cohesie", "andersom"],
        "maatwerk versus equality": ["maatwerk", "gelijkheid"],
        "personal versus societal support system": ["persoonlijk steunsysteem", "maatschappelijk steunsysteem"],
        "limits of the network and waiting lists": ["grenzen", "wachtlijst"],
        "stelling as structured debate": ["bezuinigingsoperatie", "stemming", "argumenten"],
    },
    2: {
        "five support functions": ["praktische hulp", "emotionele steun", "gezelschap", "waardering", "informatie en advies"],
        "resilience and risk of absent network": ["weerbaar", "ontbreekt", "risico"],
        "family long-term, friends short-term": ["familie", "langdurig", "kortdurend", "emotionele"],
        "shrinking networks": ["kleiner worden", "krimp"],
        "new networks help or hinder": ["nieuw netwerk", "tegenhouden"],
        "structural features": ["omvang", "gevarieerdheid", "dichtheid", "bereikbaarheid", "contactfrequentie"],
        "strong and weak ties": ["sterke", "zwakke banden", "granovetter"],
        "bonding and bridging": ["bonding", "bridging", "putnam"],
        "Dutch trends": ["mobiliteit", "eenpersoonshuishoudens", "isolement", "beperkingen"],
        "value for the professional": ["informatie", "vroegsignalering", "belangenbehartiger"],
    },
    3: {
        "diagnosis-led to process coach": ["diagnosegestuurd", "procesbegeleider", "zorgen voor", "zorgen dat",
                                           "samenredzaamheid", "netwerkcoach"],
        "client's role and vraagverlegenheid": ["vraagverlegenheid", "wederkerigheid", "belasting", "privacy", "rolverwarring"],
        "roles in the network": ["belangenbehartiger", "spilmantelzorger", "casemanager"],
        "motives": ["motieven", "motivatie"],
        "carer burden and mantelval": ["mantelval", "csi", "ediz", "draagkracht"],
        "respijtzorg": ["respijtzorg"],
        "definition and origin of mantelzorg": ["mantelzorger", "1972", "hattinga verschure"],
        "SNS phases": ["netwerkkompas", "netwerkberaad", "informatiefase", "privétijd", "presentatie van het plan",
                       "actieteam", "zes weken"],
        "division of tasks": ["taakverdeling", "facilitator", "inhoud"],
        "what the network may do / volunteer": ["voorbehouden handelingen", "vrijwilliger", "structureel"],
        "who is liable when": ["aansprakelijk"],
        "when it goes wrong": ["als het niet goed gaat", "cliëntdossier"],
        "the professional's six steps": ["zes stappen", "instemming", "coachen en aanleren", "evalueren"],
    },
    4: {
        "systemic view": ["systeemtheorie", "in stand houden"],
        "three goals": ["contacten", "dingen doen", "praktische hulp"],
        "seven steps": ["zeven stappen", "actieplan", "nazorg"],
        "five dimensions": ["omvang", "variatie", "dichtheid", "bereikbaarheid", "zorgkracht"],
        "RADIO": ["reanimeren", "activeren", "deblokkeren", "intensiveren", "onderhouden"],
        "cutting harmful ties and a new network": ["doorgesneden", "nieuw netwerk", "drinkmaatje"],
        "no network -> support system": ["geen netwerk", "steunsysteem"],
        "methods": ["eigen kracht-conferentie", "sociale netwerkversterking", "sociale rolversterking", "netwerkcoach",
                    "getrainde vrijwilliger"],
        "instruments": ["genogram", "sociogram", "ecogram", "netwerkcirkel"],
        "dialogical use": ["dialogisch", "presentie"],
        "resistance": ["weerstand", "autonomie", "privacy", "vraagverlegenheid"],
        "accepting and offering help": ["hulp te aanvaarden", "aan te bieden"],
        "pilot and four skills": ["pilot", "coördineren", "samenwerken", "uitbreiden", "onderhouden"],
    },
}


@pytest.mark.parametrize("theme,item", [(t, i) for t, items in COVERAGE.items() for i in items])
def test_coverage_item_is_in_its_theme(theme, item):
    text = _text(THEMES[theme])
    missing = [k for k in COVERAGE[theme][item] if k not in text]
    assert not missing, f"theme {theme}, {item}: {missing}"


# --------------------------------------------------------------------------------------------
# Interactive elements
# --------------------------------------------------------------------------------------------

def interactive_elements(path: Path) -> list[str]:
    """The concepts of the cells tagged `interactive`, in notebook order."""
    return [c.metadata["netles"]["concept"] for c in _nb(path).cells
            if "interactive" in c.metadata.get("tags", [])]


EXPECTED_INTERACTIVE = {
    0: {"kennismaking widgets", "netwerkeditor"},
    1: {"schalock", "kanteling", "kanteling (oefening)", "stelling"},
    2: {"steunfuncties", "krimpend netwerk", "structuurkenmerken", "sterke en zwakke banden", "bonding en bridging"},
    3: {"vraagverlegenheid", "mantelval", "CSI en EDIZ", "sociale netwerkstrategieën", "aansprakelijkheid"},
    4: {"zeven stappen", "vijf dimensies", "RADIO", "instrumenten", "vier vaardigheden pilot"},
}


@pytest.mark.parametrize("number", list(lessons.LESSONS))
def test_interactive_elements_cover_every_main_concept(number):
    found = interactive_elements(NOTEBOOKS[number])
    assert EXPECTED_INTERACTIVE[number] <= set(found), set(EXPECTED_INTERACTIVE[number]) - set(found)
    for cell in _nb(NOTEBOOKS[number]).cells:
        if "interactive" in cell.metadata.get("tags", []):
            # an interactive cell shows a factory of netles.widgets (ours in lesson_widgets, or the
            # widgets area's editor, planner, forms, instruments and self-check)
            assert "lw." in cell.source or "from netles.widgets import" in cell.source


# --------------------------------------------------------------------------------------------
# netles les: the handout
# --------------------------------------------------------------------------------------------

def test_les_command_writes_an_offline_handout_without_code(tmp_path, capsys):
    assert netles_main(["les", "2", "--out", str(tmp_path / "tmp"), "--zonder-code"]) == 0
    html = (tmp_path / "tmp" / "02_betekenis_en_kwaliteit.html").read_text(encoding="utf-8")
    assert (tmp_path / "tmp" / "02_betekenis_en_kwaliteit.ipynb").is_file()
    assert not re.search(r"<script[^>]*src=[\"']?(https?:)?//", html, re.I)
    assert "Plotly.newPlot" in html  # the figure is in the page, with plotly.js embedded
    assert "support_functions_widget" not in html  # code hidden
    assert "De vijf steunfuncties" in html or "vijf steunfuncties" in html


def test_les_command_refuses_unknown_case(tmp_path, capsys):
    assert netles_main(["les", "1", "--casus", "bestaat_niet", "--out", str(tmp_path)]) == 2
    assert "bestaat_niet" in capsys.readouterr().err


def test_strip_external_scripts_keeps_inline_scripts():
    page = '<script src="//cdn.example/x.js"></script><script type="text/javascript">var a=1;</script>'
    assert lessons.strip_external_scripts(page) == '<script type="text/javascript">var a=1;</script>'
