"""The project frame: the two commands, CI, and the two dependency lists in step."""
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

# conda-forge names that differ from PyPI names
CONDA_NAME = {"kaleido": "python-kaleido"}


def parse_requirement(req: str) -> tuple[str, str]:
    match = re.fullmatch(r"\s*([A-Za-z0-9_.-]+)(\[[^\]]*\])?\s*(>=\s*[0-9][0-9.]*)\s*", req)
    assert match, f"requirement {req!r} should be a name with a lower bound (>=), no exact pin"
    return match.group(1).lower(), match.group(3).replace(" ", "")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pypi = dict(parse_requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["dev"])
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {}
    for entry in env["dependencies"]:
        if isinstance(entry, dict):
            for req in entry["pip"]:
                name, bound = parse_requirement(req)
                conda[name] = bound
        elif not entry.startswith(("python>=", "pip")) or entry.startswith("python-"):
            name, bound = parse_requirement(entry)
            conda[name] = bound
    expected = {CONDA_NAME.get(name, name): bound for name, bound in pypi.items()}
    assert conda == expected


def test_required_field_libraries_are_declared():
    deps = " ".join(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"])
    for lib in ("jupyterlab>=4", "ipywidgets>=8", "plotly>=6.1", "pandas", "networkx", "papermill"):
        assert lib in deps
    dev = " ".join(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["dev"])
    assert "nbval" in dev


def test_readme_quick_start_has_exactly_two_commands():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.split("#")[0].strip()]
    assert commands == ["make lab", "make test"]


def test_make_targets_do_what_the_readme_says():
    makefile = (ROOT / "Makefile").read_text()
    lab = re.search(r"^lab:.*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    assert re.search(r"jupyter lab .*notebooks/00_welkom\.ipynb", lab)
    test = re.search(r"^test:(.*)\n((?:\t.*\n)+)", makefile, re.M)
    assert "browser" in test.group(1) and "pytest" in test.group(2)


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^exec make test$", ci, re.M)


SHARED_TOOLS = ROOT.parent / "shared" / "tools"


@pytest.mark.skipif(not SHARED_TOOLS.is_dir(), reason="the shared tools are not beside this checkout")
@pytest.mark.parametrize("tool", ["nbhygiene.py", "seedcopy.py"])
def test_house_rules_tools_report_nothing(tool):
    # nbhygiene: python3 kernelspec, no stored outputs but checked cells, one parameters cell;
    # seedcopy: no sentence copied from the source texts (lessons are in our own words).
    result = subprocess.run([sys.executable, str(SHARED_TOOLS / tool), str(ROOT)], capture_output=True, text=True)
    assert result.stdout.strip() == "", result.stdout
