"""The shape of :mod:`netles.io` (issue 17 item 5), checked on the source so that it stays that way.

- one reader module per format, none importing another when it is loaded (the old
  ``io/dataset.py`` and the readers imported each other in a loop);
- data flows one way: the dataset model, the column helpers and the validation step never import
  :mod:`netles.io`; every format reaches the one validation step through :func:`netles.read_dataset`;
- names tell the bundled example data (:mod:`netles.datasets`) apart from the dataset model
  (:mod:`netles.longtables`): the old names (``netles.dataset``, ``netles.io.dataset``,
  ``netles.io.dataset_folder``) are aliases of the new homes and nothing in netles uses them.
"""
from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "netles"
IO = PACKAGE / "io"
READERS = ("folder", "egor", "network_canvas", "graphml", "netles_json")
ALIASES = {"netles.dataset": ("netles.longtables",), "netles.io.dataset": ("netles.io.read", "netles.io.write"),
           "netles.io.dataset_folder": ("netles.io.folder",)}


def _imports(path: Path, top_level_only: bool = True) -> set[str]:
    """Absolute names of the netles modules ``path`` imports (at load time, or anywhere)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module.startswith("netles"):
                found.add(module)
                found.update(f"{module}.{a.name}" for a in node.names)  # `from . import vocab`
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("netles"))
    return found


@pytest.mark.parametrize("reader", READERS)
def test_no_reader_module_imports_another_when_loaded(reader):
    others = {f"netles.io.{r}" for r in READERS if r != reader}
    assert not _imports(IO / f"{reader}.py") & others


def test_io_modules_load_without_a_loop():
    modules = {p.stem: _imports(p) for p in IO.glob("*.py") if p.stem != "__init__"}
    graph = {m: {n.removeprefix("netles.io.") for n in deps if n.startswith("netles.io.")} & set(modules)
             for m, deps in modules.items()}

    def visit(node, path):
        assert node not in path, f"import loop in netles.io: {' -> '.join([*path, node])}"
        for nxt in graph[node]:
            visit(nxt, [*path, node])

    for module in graph:
        visit(module, [])


@pytest.mark.parametrize("module", ["longtables", "validation", "_columns", "network", "errors"])
def test_model_and_validation_never_import_io(module):
    assert not {m for m in _imports(PACKAGE / f"{module}.py", top_level_only=False) if m.startswith("netles.io")}


def test_every_format_passes_the_one_validation_step_in_read_dataset():
    callers = [p.stem for p in IO.glob("*.py") if "validate_tables(" in p.read_text(encoding="utf-8")
               .replace("netles.validation.validate_tables`", "")]
    assert callers == ["read"]


@pytest.mark.parametrize("old, new", ALIASES.items())
def test_old_names_are_aliases_of_the_new_homes(old, new):
    alias, homes = importlib.import_module(old), [importlib.import_module(n) for n in new]
    assert alias.__all__
    for name in alias.__all__:
        assert any(getattr(alias, name) is getattr(home, name, None) for home in homes), (old, name)
    # nothing but imports: no code of its own that could drift from the new home
    tree = ast.parse((PACKAGE.parent / (old.replace(".", "/") + ".py")).read_text(encoding="utf-8"))
    assert all(isinstance(node, (ast.Import, ast.ImportFrom, ast.Expr, ast.Assign)) for node in tree.body)


def test_nothing_in_netles_uses_the_old_names():
    old_modules = set(ALIASES)
    users = []
    for path in PACKAGE.rglob("*.py"):
        dotted = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if dotted in old_modules:
            continue
        if _imports(path, top_level_only=False) & old_modules:
            users.append(dotted)
    assert users == []


def test_bundled_data_and_the_dataset_model_have_their_own_names():
    import netles
    from netles import datasets, longtables

    assert netles.Dataset is longtables.Dataset
    assert hasattr(datasets, "load_case") and not hasattr(datasets, "Dataset")
