"""The import graph of netles runs one way and has no loops.

Data flows files -> io -> model -> measures -> plots -> widgets -> lessons -> command line
(``DESIGN.md``, "Architecture"). This test reads every module under ``netles/`` with :mod:`ast`
(imports at module level *and* inside functions, relative imports resolved), builds the graph of
which netles module imports which, and checks two things:

(a) **No import loops.** No set of modules imports each other, directly or through others. A module
    never imports a package that contains it (``import netles`` or ``from . import x`` reaching
    ``netles/widgets/__init__.py`` from ``netles/widgets/strategies.py``): that package's
    ``__init__`` re-exports its submodules, so it is a loop as soon as it re-exports this one, and
    the name works only by the order of the package's imports. Import from the defining module.
(b) **No import upwards.** Every module has a layer (:data:`LAYERS`); a module imports only modules
    of its own layer or lower ones (within a layer, (a) keeps the order).

Package ``__init__`` files that only re-export their own submodules (``netles``, ``netles.io``,
``netles.plots``, ``netles.widgets``, ``netles.models``, ``netles.commands``) are no layer of their
own: importing one counts as importing each module it re-exports. ``netles.app`` has code of its
own, so it is an ordinary module.

Where a module sits is not always its name's first guess:

* ``netles.checks`` (argument checks) is at 0: it needs only ``netles.errors``, and the editor
  widget and the lesson runner use it as well as the commands.
* ``netles.moments`` is at 3 (measures), not 1: :class:`netles.Moment` (the data) lives in
  ``netles.network``; ``netles.moments`` compares two moments, quality profiles included.
* ``netles.datasets`` (the bundled cases) is at 2: it reads them with ``netles.io.netles_json``.
* ``netles.scaleout`` and ``netles.klas`` are measures (3) that also read or write files through
  ``netles.io`` (2), which is below them.
* ``netles.research_data`` is at 4 with the models: it builds practice datasets by running the
  simulation models (``netles.models.dynamics``, ``radio``).
* ``netles.compare`` is at 3 with the measures: it computes tables and sentences only; its figures
  are ``netles.plots.comparisons`` (5). (DESIGN.md names "plots / compare" together; the numbers
  sit lower so that anything may compare profiles without plotly.)
* ``netles.handouts`` is at 7 with ``netles.lessons``; it must not import ``lessons`` (the runner
  imports the handout maker, not the other way round).

``netles.cli`` loads its subcommands with :func:`importlib.import_module`; that import is not in
the graph (it goes from the top layer to the top layer).
"""
from __future__ import annotations

import ast
import fnmatch
from pathlib import Path

import netles

ROOT = Path(netles.__file__).resolve().parent

LAYERS: list[tuple[int, str, str]] = [
    # rank, module-name pattern, why it is there
    (0, "netles.errors", "the exception types every layer raises"),
    (0, "netles.vocab", "the code lists and their labels: pure data"),
    (0, "netles._columns", "columns as integer codes: numpy/pyarrow only"),
    (0, "netles._metric_needs", "which profile metrics need which alter column: constants"),
    (0, "netles.spreadsheet", "safe CSV cells: pandas only"),
    (0, "netles.checks", "argument checks (paths, numbers) for the CLI, widgets and lesson runner"),
    (0, "netles.content", "where the lessons' quiz and glossary files are: a path"),
    (0, "netles.io.atomic", "all-or-nothing writes: the file system only"),
    (1, "netles.network", "the EgoNetwork data model (and its moments)"),
    (1, "netles.longtables", "the long tables of many ego networks"),
    (1, "netles.dataset", "the dataset model over the long tables"),
    (1, "netles.validation", "checks raw tables against the data model; io calls it"),
    (2, "netles.io.*", "files in and out: every format reads into the data model"),
    (2, "netles.datasets", "the bundled example cases, read with netles.io"),
    (3, "netles.metrics", "measures of one network"),
    (3, "netles.profile", "the quality profile: metrics of one or many networks"),
    (3, "netles.scales", "questionnaire scores, some next to metrics"),
    (3, "netles.liability", "liability rules over the vocabulary"),
    (3, "netles.moments", "compares two moments of a network, profiles included"),
    (3, "netles.compare", "statistics on profiles (groups, before/after); no figures"),
    (3, "netles.anonymise", "k-anonymity on a dataset"),
    (3, "netles.scaleout", "profiles of datasets too large for memory, read per partition"),
    (3, "netles.klas", "a class's results as an anonymised research table"),
    (4, "netles.models.*", "teaching simulations that run on networks and their measures"),
    (4, "netles.research_data", "practice research datasets made with the simulation models"),
    (5, "netles.plots.*", "plotly figures of networks, profiles and comparisons"),
    (6, "netles.widgets.*", "ipywidgets built from the library and its figures"),
    (6, "netles.app", "the voila app: the editor and instrument widgets"),
    (7, "netles.lessons", "finds, localises and runs the lesson notebooks"),
    (7, "netles.handouts", "offline HTML of executed notebooks (used by lessons)"),
    (7, "netles.assignments", "student assignments and their checks (use the self-check widget)"),
    (8, "netles.commands.*", "the subcommands of the netles command"),
    (8, "netles.cli", "the netles command itself"),
]


def _modules() -> dict[str, tuple[Path, bool]]:
    """Every module under netles/: dotted name -> (file, is a package ``__init__``)."""
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = ["netles", *path.relative_to(ROOT).with_suffix("").parts]
        package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if package else parts)] = (path, package)
    return found


MODULES = _modules()


def _module_of(name: str) -> str | None:
    """The netles module a dotted import name ends up in (``netles.io.read.read_dataset`` -> ``netles.io.read``)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imports(name: str) -> dict[str, int]:
    """The netles modules ``name`` imports, anywhere in its file, with the line of the first import."""
    path, package = MODULES[name]
    here = name if package else name.rpartition(".")[0]
    found: dict[str, int] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here.split(".")[: len(here.split(".")) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            # ``from pkg import sub`` imports the submodule when there is one, else a name of pkg
            targets = [f"{module}.{alias.name}" if f"{module}.{alias.name}" in MODULES else module
                       for alias in node.names]
        else:
            continue
        for target in targets:
            target = _module_of(target) if target.split(".")[0] == "netles" else None
            if target and target != name:
                found.setdefault(target, node.lineno)
    return found


GRAPH = {name: _imports(name) for name in MODULES}


def facades(graph: dict[str, dict[str, int]]) -> set[str]:
    """Package ``__init__`` files that only import their own submodules (to re-export them)."""
    return {name for name in graph if MODULES[name][1] and all(t.startswith(name + ".") for t in graph[name])}


FACADES = facades(GRAPH)


def layer_of(name: str) -> int | None:
    """The layer of a module: an exact pattern wins, then the longest matching wildcard."""
    exact = [rank for rank, pattern, _ in LAYERS if pattern == name]
    if exact:
        return exact[0]
    wild = sorted((len(pattern), rank) for rank, pattern, _ in LAYERS if fnmatch.fnmatchcase(name, pattern))
    return wild[-1][1] if wild else None


def _where(graph: dict[str, dict[str, int]], a: str, b: str) -> str:
    return f"{MODULES[a][0].relative_to(ROOT.parent)}:{graph[a][b]}"


def _components(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), in a stable order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def import_loops(graph: dict[str, dict[str, int]]) -> list[str]:
    """Every import loop, and every import of a package that contains the importing module."""
    problems = []
    for component in _components(graph):
        inside = [f"{a} -> {b} ({_where(graph, a, b)})" for a in component for b in sorted(graph[a]) if b in component]
        problems.append("loop between " + ", ".join(component) + ":\n    " + "\n    ".join(inside))
    for a in sorted(graph):
        for b in sorted(graph[a]):
            if a.startswith(b + "."):
                problems.append(f"{a} -> {b} (imports a package that contains it) at {_where(graph, a, b)}")
    return problems


def upward_imports(graph: dict[str, dict[str, int]]) -> list[str]:
    """Every import of a module of a higher layer, as ``a -> b (layer x -> y)``."""
    packages = facades(graph)

    def expand(target: str) -> set[str]:  # a facade stands for the modules it re-exports
        return set().union(*(expand(t) for t in graph[target])) if target in packages else {target}

    problems = []
    for a in sorted(set(graph) - packages):
        for target in sorted(graph[a]):
            for b in sorted(expand(target)):
                x, y = layer_of(a), layer_of(b)
                if x is not None and y is not None and y > x:
                    via = f" through {target}" if target != b else ""
                    problems.append(f"{a} -> {b} (layer {x} -> {y}){via} at {_where(graph, a, target)}")
    return problems


def test_the_graph_sees_function_level_and_relative_imports():
    # a guard on the walker itself: these imports exist today, inside functions and relative
    assert "netles.plots.style" in GRAPH["netles.plots.profile_charts"]
    assert "netles.io.folder" in GRAPH["netles.io.graphml"]  # inside a function
    assert "netles.vocab" in GRAPH["netles.network"]  # ``from . import vocab``
    assert {"netles.io", "netles.errors"} <= set(GRAPH["netles"])
    assert "netles.widgets" in FACADES and "netles.app" not in FACADES


def test_the_checks_report_the_violations_this_test_was_written_for():
    # the imports main had before the clean-up, put back into today's graph
    graph = {name: dict(targets) for name, targets in GRAPH.items()}
    graph["netles.compare"]["netles.plots.style"] = 775
    graph["netles.widgets.quiz"]["netles.lessons"] = 88
    graph["netles.validation"]["netles"] = 910  # through the package: counts as its re-exports
    graph["netles.handouts"]["netles.lessons"] = 407
    graph["netles.widgets.strategies"]["netles.widgets"] = 85
    upward = upward_imports(graph)
    assert any(p.startswith("netles.compare -> netles.plots.style (layer 3 -> 5) at netles/compare.py:775") for p in upward)
    assert any(p.startswith("netles.widgets.quiz -> netles.lessons (layer 6 -> 7)") for p in upward)
    assert any(p.startswith("netles.validation -> netles.profile (layer 1 -> 3) through netles ") for p in upward)
    loops = "\n".join(import_loops(graph))
    assert "loop between netles.handouts, netles.lessons:" in loops
    assert "netles.widgets.strategies -> netles.widgets (imports a package that contains it)" in loops
    assert "netles.validation -> netles (imports a package that contains it)" in loops


def test_every_module_has_a_layer_and_every_pattern_a_module():
    unplaced = sorted(name for name in MODULES if name not in FACADES and layer_of(name) is None)
    assert not unplaced, "modules without a layer (add them to LAYERS in tests/test_layers.py): " + ", ".join(unplaced)
    unused = [pattern for _, pattern, _ in LAYERS if not any(fnmatch.fnmatchcase(n, pattern) for n in MODULES)]
    assert not unused, "patterns in LAYERS that match no module: " + ", ".join(unused)


def test_no_import_loops():
    problems = import_loops(GRAPH)
    assert not problems, "import loops:\n  " + "\n  ".join(problems)


def test_no_module_imports_a_higher_layer():
    problems = upward_imports(GRAPH)
    assert not problems, "imports of a higher layer:\n  " + "\n  ".join(problems)
