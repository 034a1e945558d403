"""Run a lesson notebook in a test and read values back from its kernel.

Checks for the test suite live here, not in the lesson (DESIGN.md): the test runs the notebook as
papermill would (parameters injected after the ``parameters`` cell), then evaluates a few Python
expressions in the same kernel and returns their values as JSON. Nothing is added to the lesson.

>>> # values = run_and_probe("notebooks/02a_betekenis_en_kwaliteit.ipynb", {"casus": "voorbeeld"},
>>> #                        {"dichtheid": "round(netles.metrics.density(netwerk), 2)"}, cwd=tmp_path)
"""
from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, Mapping

import nbformat

__all__ = ["parameterised", "run_and_probe", "outputs_text"]

_PROBE_MARK = "NETLES-PROBE:"


def parameterised(notebook: str | Path | nbformat.NotebookNode, parameters: Mapping[str, Any]) -> nbformat.NotebookNode:
    """A copy of ``notebook`` with papermill's parameters cell injected (outputs cleared)."""
    from papermill.parameterize import parameterize_notebook

    if isinstance(notebook, (str, Path)):
        from papermill.iorw import load_notebook_node

        nb = load_notebook_node(str(notebook))
    else:
        nb = copy.deepcopy(notebook)
        nb.metadata.setdefault("papermill", {})
    return parameterize_notebook(nb, dict(parameters))


def run_and_probe(notebook: str | Path | nbformat.NotebookNode, parameters: Mapping[str, Any],
                  probes: Mapping[str, str] | None = None, *, cwd: str | Path, timeout: int = 180):
    """Execute ``notebook`` with ``parameters`` in ``cwd``; return ``(executed_nb, values)``.

    ``probes`` maps a name to a Python expression evaluated in the kernel after the last cell;
    each value must be JSON-serialisable (use ``float()``, ``list()``, ``str()`` where needed).
    Raises ``nbclient.exceptions.CellExecutionError`` if a lesson cell fails.
    """
    from nbclient import NotebookClient

    nb = parameterised(notebook, parameters)
    if probes:
        lines = ["import json as _json", "_probe = {}"]
        lines += [f"_probe[{name!r}] = ({expr})" for name, expr in probes.items()]
        lines.append(f"print({_PROBE_MARK!r} + _json.dumps(_probe, default=str))")
        nb.cells.append(nbformat.v4.new_code_cell("\n".join(lines)))
    NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}).execute()
    values: dict[str, Any] = {}
    if probes:
        text = outputs_text(nb.cells[-1])
        values = json.loads(text.split(_PROBE_MARK, 1)[1].strip().splitlines()[0])
        nb.cells.pop()
    return nb, values


def outputs_text(cell) -> str:
    """All text a cell showed: stream output, plain text and HTML results."""
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(out.get("text", ""))
        elif "data" in out:
            data = out["data"]
            parts.append(str(data.get("text/html", "")) + str(data.get("text/markdown", "")) + str(data.get("text/plain", "")))
    return "".join(parts)
