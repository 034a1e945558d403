"""The code-free netwerkkaart app: the editor, the instruments and the planner on one page.

``netles app`` serves :file:`netles/app/app.ipynb` with Voila (no code on the page); the notebook
calls :func:`app_from_environment`, which reads the settings the command passes in environment
variables. :func:`build_app` builds the same page in a notebook.
"""
from __future__ import annotations

import os
from pathlib import Path

import ipywidgets as W

from .. import vocab
from ..widgets.editor import EditorState, network_editor

__all__ = ["build_app", "app_from_environment", "APP_NOTEBOOK", "ENV_FILE", "ENV_CASE", "ENV_LANG"]

APP_NOTEBOOK = Path(__file__).resolve().parent / "app.ipynb"
"""The notebook Voila serves."""
ENV_FILE = "NETLES_APP_FILE"
ENV_CASE = "NETLES_APP_CASE"
ENV_LANG = "NETLES_APP_LANG"

_T = {
    "title": ("Netwerkkaart", "Network map"),
    "intro": (
        "Breng een netwerk in kaart: voeg mensen toe, vink aan wie elkaar kennen en bekijk meteen de "
        "netwerkcirkel en de kwaliteit van het netwerk. Alles wordt na elke wijziging bewaard in {file}.",
        "Map a network: add people, tick who knows whom and see the network circle and the quality of "
        "the network at once. Everything is saved after every change in {file}.",
    ),
    "intro_unsaved": (
        "Breng een netwerk in kaart: voeg mensen toe, vink aan wie elkaar kennen en bekijk meteen de netwerkcirkel.",
        "Map a network: add people, tick who knows whom and see the network circle at once.",
    ),
    "editor": ("Netwerk invullen", "Edit network"),
    "instruments": ("Instrumenten", "Instruments"),
    "planner": ("Versterken (RADIO)", "Strengthen (RADIO)"),
}


def _t(key: str, lang: str, **kw) -> str:
    text = _T[key][vocab.LANGUAGES.index(lang)]
    return text.format(**kw) if kw else text


def build_app(path=None, case: str | None = None, lang: str = "nl") -> tuple[W.Widget, EditorState]:
    """The app page: a title, a short explanation and tabs with the editor, instruments and planner.

    Parameters
    ----------
    path : path-like, optional
        The autosave file (reopened if it exists, see :func:`netles.widgets.network_editor`).
    case : str, optional
        Bundled case to start from when the file does not exist yet (None: an empty network).
    lang : {"nl", "en"}

    Returns
    -------
    (widget, EditorState)
        Every tab works on the same state: a change in the editor shows in the other tabs.
    """
    from ..widgets.instruments import instrument_switcher
    from ..widgets.planner import radio_planner

    editor, state = network_editor(path, case=case, lang=lang)
    handout = Path(path).with_name(Path(path).stem + "_plan.html") if path is not None else "plan.html"
    planner, _ = radio_planner(state, lang=lang, handout_path=handout)
    instruments, _ = instrument_switcher(state, lang=lang)
    tabs = [(_t("editor", lang), editor), (_t("instruments", lang), instruments), (_t("planner", lang), planner)]
    tab = W.Tab(children=[w for _, w in tabs])
    for i, (title, _) in enumerate(tabs):
        tab.set_title(i, title)
    tab.add_class("netles-app-tabs")
    intro = _t("intro", lang, file=Path(path).name) if path is not None else _t("intro_unsaved", lang)
    page = W.VBox([W.HTML(f"<h2 style='margin:4px 0'>{_t('title', lang)}</h2><p style='margin:0 0 6px 0'>{intro}</p>"), tab])
    page.add_class("netles-app")
    page.tabs = tab
    page.editor = editor
    page.planner = planner
    page.instruments = instruments
    return page, state


def app_from_environment() -> W.Widget:
    """Build the app from the settings ``netles app`` passes in the environment.

    ``NETLES_APP_FILE`` (the autosave file), ``NETLES_APP_CASE`` (case to start from; empty for an
    empty network) and ``NETLES_APP_LANG`` (``nl`` or ``en``).
    """
    path = os.environ.get(ENV_FILE) or None
    case = os.environ.get(ENV_CASE) or None
    lang = os.environ.get(ENV_LANG) or "nl"
    page, _ = build_app(path, case=case, lang=lang)
    return page
