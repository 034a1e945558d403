"""Run a lesson notebook with parameters and turn it into an offline handout.

``run_lesson(2, casus="pubers_ic")`` executes ``notebooks/02_...ipynb`` with papermill (the
``parameters`` cell gets the case, the label language and any other value), writes the executed
notebook and an HTML handout next to it. The handout is fully offline: plotly.js is embedded (the
kernel renders figures with plotly's ``plotly_mimetype+notebook`` renderer, see RECIPES.md), the
nbconvert template leaves out the require.js and MathJax CDN scripts, and any remaining script with
an external ``src`` is removed. Code cells can be hidden for students who only read.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from .datasets import case_names
from .io import atomic_write_text

__all__ = ["LESSONS", "notebooks_dir", "lesson_path", "run_lesson", "export_html", "strip_external_scripts"]

LESSONS = {
    0: "00_welkom",
    1: "01_visie_en_beleid",
    2: "02_betekenis_en_kwaliteit",
    3: "03_rollen",
    4: "04_versterken",
}
"""Lesson number -> notebook name (without ``.ipynb``)."""

_TEMPLATES = Path(__file__).resolve().parent / "lesson_templates"
# A script or stylesheet loaded from another server (a CDN loader, plotly's MathJax, a web font).
_EXTERNAL_SCRIPT = re.compile(
    r"<(script|link)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//[^>]*>(?:\s*</script>)?", re.IGNORECASE
)


def notebooks_dir() -> Path:
    """The folder with the lesson notebooks (``notebooks/`` of the netles checkout, or ``$NETLES_NOTEBOOKS``).

    Raises
    ------
    FileNotFoundError
        If the folder is missing.
    """
    from .datasets import checkout_folder

    return checkout_folder("notebooks", "NETLES_NOTEBOOKS")


def lesson_path(number: int) -> Path:
    """Path of lesson ``number`` (0-4).

    Examples
    --------
    >>> lesson_path(2).name
    '02_betekenis_en_kwaliteit.ipynb'

    Raises
    ------
    KeyError
        If there is no such lesson; the message lists the lessons there are.
    """
    if number not in LESSONS:
        raise KeyError(f"no lesson {number!r}; choose one of: {', '.join(map(str, LESSONS))}")
    return notebooks_dir() / f"{LESSONS[number]}.ipynb"


def strip_external_scripts(page: str) -> str:
    """Remove scripts and stylesheets that load from another server (CDN loaders, web fonts).

    Examples
    --------
    >>> strip_external_scripts('<p>a</p><script src="https://cdn.x/y.js"></script><script>1</script>')
    '<p>a</p><script>1</script>'
    >>> strip_external_scripts('<link rel="stylesheet" href="https://fonts.x/f.css"><p>b</p>')
    '<p>b</p>'
    """
    return _EXTERNAL_SCRIPT.sub("", page)


def export_html(notebook: str | os.PathLike, html_path: str | os.PathLike, *, hide_code: bool = False,
                title: str | None = None) -> Path:
    """Write an offline HTML page of an executed notebook (a lesson handout or a research report).

    The page makes no request to another server: plotly.js is in the outputs (when the notebook ran
    with the ``plotly_mimetype+notebook`` renderer), the template drops require.js and MathJax, and
    any remaining external script or stylesheet is removed.

    Parameters
    ----------
    notebook : path
        An executed ``.ipynb``.
    html_path : path
        Where to write the page (atomically).
    hide_code : bool
        Leave out the code of every cell (outputs and text stay).
    title : str, optional
        The page title (default: the notebook's file name).

    Returns
    -------
    pathlib.Path
        ``html_path``.
    """
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(notebook), as_version=4)
    exporter = HTMLExporter(extra_template_basedirs=[str(_TEMPLATES)], template_name="netles_handout",
                            exclude_input=hide_code, exclude_input_prompt=hide_code, exclude_output_prompt=hide_code)
    resources = {"metadata": {"name": title}} if title else None
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    html_path = Path(html_path)
    atomic_write_text(html_path, strip_external_scripts(body))
    return html_path


def run_lesson(
    number: int,
    *,
    casus: str | None = None,
    taal: str = "nl",
    out: str | os.PathLike = ".",
    hide_code: bool = False,
    parameters: dict[str, Any] | None = None,
    timeout: int = 300,
) -> tuple[Path, Path]:
    """Execute lesson ``number`` with papermill and write the notebook and an HTML handout.

    Parameters
    ----------
    number : int
        Lesson number (see :data:`LESSONS`).
    casus : str, optional
        A bundled case name (default: the lesson's own case).
    taal : {"nl", "en"}
        Language of labels.
    out : path
        Output folder (created if needed).
    hide_code : bool
        Hide code in the handout.
    parameters : dict, optional
        Further values for the ``parameters`` cell (e.g. ``{"max_minuten": 45}``).
    timeout : int
        Seconds allowed per cell.

    Returns
    -------
    (Path, Path)
        The executed notebook and the HTML handout.

    Raises
    ------
    KeyError
        For an unknown lesson or case.
    ValueError
        For a language other than ``"nl"`` or ``"en"``.
    """
    import papermill

    if taal not in ("nl", "en"):
        raise ValueError(f"taal must be 'nl' or 'en', not {taal!r}")
    if casus is not None and casus not in case_names():
        raise KeyError(f"no bundled case {casus!r}; choose one of: {', '.join(case_names())}")
    source = lesson_path(number)
    params: dict[str, Any] = {"taal": taal, **(parameters or {})}
    if casus is not None:
        params["casus"] = casus
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = f"_{casus}" if casus else ""
    executed = out / f"{source.stem}{suffix}.ipynb"
    # The kernel inherits the environment: this renderer embeds plotly.js in the output, so the
    # figures survive the HTML export without a CDN.
    old = os.environ.get("PLOTLY_RENDERER")
    os.environ["PLOTLY_RENDERER"] = "plotly_mimetype+notebook"
    try:
        tmp = executed.with_name(f".{executed.stem}.tmp.ipynb")  # papermill wants an .ipynb name
        papermill.execute_notebook(str(source), str(tmp), parameters=params, kernel_name="python3",
                                   cwd=str(out), progress_bar=False, execution_timeout=timeout)
        os.replace(tmp, executed)
    finally:
        if old is None:
            os.environ.pop("PLOTLY_RENDERER", None)
        else:
            os.environ["PLOTLY_RENDERER"] = old
        if "tmp" in locals() and tmp.exists():
            tmp.unlink()
    handout = export_html(executed, executed.with_suffix(".html"), hide_code=hide_code)
    return executed, handout
