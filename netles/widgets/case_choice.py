"""Choose a case in a lesson, and let parts of the lesson follow the choice.

A lesson starts from the case in its ``parameters`` cell (``casus``). A student who wants to look at
another client picks it from a dropdown: :func:`case_chooser` shows the bundled cases by their
title, and the case's vignette under it. Parts of the lesson that depend on the case are built with
:func:`follow_case`: they are rebuilt for the new case when the choice changes, so nobody edits code
to switch cases.

The case texts come from the case files (:func:`netles.datasets.case_title`,
:func:`netles.datasets.case_vignette`); nothing here is written for one case.

Examples
--------
>>> widget, choice = case_chooser("voorbeeld")
>>> follower, followed = follow_case(choice, lambda net: f"{net.size} mensen")
>>> followed.widget.value
'6 mensen'
>>> choice.choose("senior_55plus")
>>> followed.widget.value
'9 mensen'
"""
from __future__ import annotations

import html
from typing import Any, Callable, Sequence

import ipywidgets as W

from .. import datasets, vocab
from ..network import EgoNetwork

__all__ = ["case_chooser", "CaseChoice", "follow_case", "FollowState"]

_T = {
    "label": ("Casus", "Case"),
    "vignette": ("Over deze casus", "About this case"),
}


def _t(key: str, lang: str) -> str:
    if lang not in vocab.LANGUAGES:
        raise ValueError(f"lang must be one of {vocab.LANGUAGES}, not {lang!r}")
    return _T[key][vocab.LANGUAGES.index(lang)]


class CaseChoice:
    """The case a lesson currently shows, and who wants to know when it changes.

    Attributes
    ----------
    name : str
        The case's name (:func:`netles.datasets.case_names`).
    network : EgoNetwork
        The loaded case.
    lang : {"nl", "en"}
    cases : list of str
        The cases offered.
    """

    def __init__(self, name: str, lang: str = "nl", cases: Sequence[str] | None = None):
        _t("label", lang)
        self.lang = lang
        offered = list(cases) if cases is not None else datasets.case_names()
        if name not in offered:  # the lesson's own case is always on offer
            offered.insert(0, name)
        self.cases = offered
        self.name = name
        self.network = datasets.load_case(name)
        self._listeners: list[Callable[[CaseChoice], None]] = []

    @property
    def title(self) -> str:
        """The case's title in the lesson's language."""
        return datasets.case_title(self.network, self.lang)

    @property
    def vignette(self) -> str:
        """The case's vignette in the lesson's language."""
        return datasets.case_vignette(self.network, self.lang)

    def on_change(self, callback: Callable[["CaseChoice"], None]) -> None:
        """Call ``callback(choice)`` after every change of case."""
        self._listeners.append(callback)

    def choose(self, name: str) -> None:
        """Switch to case ``name`` (a no-op when it is already shown).

        Raises
        ------
        KeyError
            If there is no bundled case of that name.
        """
        if name == self.name:
            return
        network = datasets.load_case(name)
        self.name, self.network = name, network
        for callback in list(self._listeners):
            callback(self)


def case_chooser(casus: str = "voorbeeld", lang: str = "nl", *, cases: Sequence[str] | None = None,
                 show_vignette: bool = True) -> tuple[W.Widget, CaseChoice]:
    """A dropdown of the bundled cases, by title, with the chosen case's vignette.

    Parameters
    ----------
    casus : str
        The case to start with (the lesson's ``casus`` parameter).
    lang : {"nl", "en"}
        Language of the titles, the vignette and the label.
    cases : sequence of str, optional
        The cases to offer (default: every bundled case; ``casus`` is always included).
    show_vignette : bool
        Show the vignette under the dropdown.

    Returns
    -------
    (ipywidgets.VBox, CaseChoice)
        The widget has ``dropdown`` and ``vignette`` (HTML).

    Examples
    --------
    >>> widget, choice = case_chooser("voorbeeld", cases=["voorbeeld", "senior_55plus"])
    >>> widget.dropdown.value = "senior_55plus"
    >>> choice.network.size, choice.name
    (9, 'senior_55plus')
    """
    choice = CaseChoice(casus, lang, cases)
    titles = [(datasets.case_title(datasets.load_case(name), lang) if name != casus else choice.title, name)
              for name in choice.cases]
    box = W.VBox(layout=W.Layout(max_width="820px"))
    box.add_class("netles-case-chooser")
    box.dropdown = W.Dropdown(options=titles, value=casus, description=_t("label", lang),
                              style={"description_width": "60px"}, layout=W.Layout(width="560px"))
    box.vignette = W.HTML(layout=W.Layout(display=None if show_vignette else "none"))

    def show(_choice: CaseChoice | None = None) -> None:
        box.vignette.value = (f"<div style='border-left:3px solid #4c78a8;padding:2px 10px;margin:4px 0;line-height:1.45'>"
                              f"<b>{html.escape(choice.title)}</b><br>{html.escape(choice.vignette)}</div>")
        if box.dropdown.value != choice.name:
            box.dropdown.value = choice.name

    box.dropdown.observe(lambda change: choice.choose(change["new"]), "value")
    choice.on_change(show)
    show()
    box.children = [box.dropdown, box.vignette]
    return box, choice


class FollowState:
    """A part of a lesson that is rebuilt for every case: the current widget and its state.

    Attributes
    ----------
    widget : ipywidgets.Widget
        What is shown now.
    state : object or None
        The state the builder returned with the widget (``None`` if it returned a widget only).
    network : EgoNetwork
        The case it was built for.
    """

    def __init__(self):
        self.widget: W.Widget | None = None
        self.state: Any = None
        self.network: EgoNetwork | None = None


def _as_widget(built: Any) -> tuple[W.Widget, Any]:
    """What a builder returned, as ``(widget, state)``."""
    if isinstance(built, tuple) and len(built) == 2 and isinstance(built[0], W.Widget):
        return built[0], built[1]
    if isinstance(built, W.Widget):
        return built, None
    if isinstance(built, str):
        return W.HTML(built), None
    if hasattr(built, "to_json") and hasattr(built, "layout"):  # a plotly figure
        from .editor import figure_output

        return figure_output(built), None
    raise TypeError(f"a follow_case builder returns a widget, (widget, state), HTML text or a plotly figure, "
                    f"not {type(built).__name__}")


def follow_case(choice: CaseChoice, build: Callable[..., Any], *, network_keyword: str | None = None,
                **kwargs: Any) -> tuple[W.Widget, FollowState]:
    """A part of the lesson built from the chosen case, rebuilt whenever the case changes.

    Parameters
    ----------
    choice : CaseChoice
        The state of a :func:`case_chooser`.
    build : callable
        ``build(network, **kwargs)`` returns a widget, a ``(widget, state)`` pair (a netles widget
        factory), HTML text, or a plotly figure.
    network_keyword : str, optional
        Pass the network as this keyword argument instead of first (for a factory whose first
        parameter is something else, e.g. ``network_keyword="net"``).
    **kwargs
        Further arguments for ``build`` (``lang=taal`` ...).

    Returns
    -------
    (ipywidgets.VBox, FollowState)
        The box holds the current widget; the state has the current ``widget``, ``state`` and
        ``network``.

    Examples
    --------
    >>> _, choice = case_chooser("voorbeeld")
    >>> box, followed = follow_case(choice, lambda net: W.IntText(value=net.size))
    >>> choice.choose("ggz_naar_huis"); followed.widget.value
    10
    >>> box, followed = follow_case(choice, lambda *, net, lang: W.HTML(lang), network_keyword="net", lang="en")
    >>> followed.widget.value
    'en'
    """
    box = W.VBox()
    box.add_class("netles-follow-case")
    followed = FollowState()

    def rebuild(_choice: CaseChoice | None = None) -> None:
        if network_keyword:
            built = build(**{network_keyword: choice.network}, **kwargs)
        else:
            built = build(choice.network, **kwargs)
        widget, state = _as_widget(built)
        followed.widget, followed.state, followed.network = widget, state, choice.network
        box.children = [widget]

    choice.on_change(rebuild)
    rebuild()
    return box, followed
