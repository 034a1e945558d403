"""The bundled data: fictional case networks and synthetic research datasets.

Everything here works from any working directory (a notebook in ``notebooks/``, papermill in a
temporary folder, a test): paths are resolved from the installed package, never from ``../data``.
The data folder can be moved with the environment variable ``NETLES_DATA``.
"""
from __future__ import annotations

import os
from pathlib import Path

from . import vocab
from .io.netles_json import read_network
from .network import EgoNetwork

__all__ = ["checkout_folder", "data_dir", "case_path", "case_names", "load_case", "case_title", "case_vignette",
           "moment_label", "moment_note", "SAFETY_KINDS", "research_path"]

SAFETY_KINDS: dict[str, tuple[str, str]] = {
    "physical": ("lichamelijk geweld", "physical violence"),
    "psychological": ("psychisch geweld", "psychological abuse"),
    "sexual": ("seksueel geweld", "sexual violence"),
    "financial": ("financiële uitbuiting", "financial abuse"),
    "neglect": ("verwaarlozing", "neglect"),
    "criminal_influence": ("criminele beïnvloeding", "criminal influence"),
}
"""Codes of the ``kinds`` list in a case's ``safety`` block (``data/cases/README.md``): code ->
(Dutch, English) label, so that a lesson can show the words and never the code."""


def checkout_folder(name: str, env_var: str) -> Path:
    """A top-level folder of the netles checkout (``data``, ``notebooks``, ``assignments``).

    Parameters
    ----------
    name : str
        The folder's name next to the ``netles`` package.
    env_var : str
        An environment variable that, when set, points at the folder instead.

    Raises
    ------
    FileNotFoundError
        If the folder is missing (netles was installed without its checkout).
    """
    folder = Path(os.environ.get(env_var) or Path(__file__).resolve().parent.parent / name)
    if not folder.is_dir():
        raise FileNotFoundError(
            f"netles {name} folder not found at {folder}; install netles from its checkout "
            f"(pip install -e .) or set {env_var}"
        )
    return folder


def data_dir() -> Path:
    """The folder with the bundled data (``data/`` of the netles checkout, or ``$NETLES_DATA``).

    Raises
    ------
    FileNotFoundError
        If the folder is missing (netles was installed without its data).
    """
    return checkout_folder("data", "NETLES_DATA")


def case_names() -> list[str]:
    """Names of the bundled case networks, sorted.

    Examples
    --------
    >>> "voorbeeld" in case_names()
    True
    """
    return sorted(p.stem for p in (data_dir() / "cases").glob("*.json"))


def case_path(name: str) -> Path:
    """Path of a bundled case network file.

    Parameters
    ----------
    name : str
        A name from :func:`case_names` (with or without ``.json``).

    Raises
    ------
    KeyError
        If there is no such case; the message lists the cases there are.
    """
    path = data_dir() / "cases" / f"{name.removesuffix('.json')}.json"
    if not path.is_file():
        raise KeyError(f"no bundled case {name!r}; choose one of: {', '.join(case_names())}")
    return path


def load_case(name: str) -> EgoNetwork:
    """Load a bundled case network.

    Examples
    --------
    >>> net = load_case("voorbeeld")
    >>> net.size, net.n_ties
    (6, 4)
    """
    return read_network(case_path(name))


def _case_text(net: EgoNetwork | str, key: str, lang: str) -> str:
    if lang not in vocab.LANGUAGES:
        raise ValueError(f"lang must be one of {vocab.LANGUAGES}, not {lang!r}")
    if isinstance(net, str):
        net = load_case(net)
    extra = net.extra
    # English falls back to Dutch: a teacher's own case may have only the Dutch text, and a lesson
    # is better served by the Dutch story than by an empty box.
    for k in ((f"{key}_en", key) if lang == "en" else (key,)):
        text = extra.get(k)
        if isinstance(text, str) and text.strip():
            return text.strip()
    return ""


def case_title(net: EgoNetwork | str, lang: str = "nl") -> str:
    """The title of a case in Dutch or English.

    A case file carries ``title`` (Dutch) and ``title_en`` (English, see ``data/cases/README.md``).
    English falls back to the Dutch title when the case has none.

    Parameters
    ----------
    net : EgoNetwork or str
        A case network, or the name of a bundled case.
    lang : {"nl", "en"}
        The language of the lesson.

    Returns
    -------
    str
        The title; an empty string for a network without one (a student's own map).

    Raises
    ------
    ValueError
        For a language other than ``"nl"`` or ``"en"``.
    KeyError
        For the name of a case that does not exist.

    Examples
    --------
    >>> net = load_case("voorbeeld")
    >>> case_title(net)
    'Voorbeeldnetwerk (het rekenvoorbeeld)'
    >>> case_title(net, lang="en")
    'Example network (the worked example)'
    >>> case_title(net.with_extra(title_en=None), lang="en")
    'Voorbeeldnetwerk (het rekenvoorbeeld)'
    >>> case_title(EgoNetwork())
    ''
    """
    return _case_text(net, "title", lang)


def case_vignette(net: EgoNetwork | str, lang: str = "nl") -> str:
    """The vignette of a case (the short story read in class) in Dutch or English.

    A case file carries ``vignette`` (Dutch) and ``vignette_en`` (English). English falls back to
    the Dutch vignette when the case has none.

    Parameters
    ----------
    net : EgoNetwork or str
        A case network, or the name of a bundled case.
    lang : {"nl", "en"}
        The language of the lesson.

    Returns
    -------
    str
        The vignette; an empty string for a network without one.

    Raises
    ------
    ValueError
        For a language other than ``"nl"`` or ``"en"``.
    KeyError
        For the name of a case that does not exist.

    Examples
    --------
    >>> case_vignette("voorbeeld").split(".")[0]
    'Mevrouw V'
    >>> case_vignette("voorbeeld", lang="en")[:30]
    'Mrs V. (54) lives alone in a f'
    >>> net = load_case("voorbeeld").with_extra(vignette_en=None)
    >>> case_vignette(net, lang="en") == case_vignette(net)
    True
    """
    return _case_text(net, "vignette", lang)


def _moment_text(moment, key: str, dutch: str | None, lang: str) -> str:
    if lang not in vocab.LANGUAGES:
        raise ValueError(f"lang must be one of {vocab.LANGUAGES}, not {lang!r}")
    english = moment.network.extra.get(f"{key}_en") if lang == "en" else None
    for text in (english, dutch):
        if isinstance(text, str) and text.strip():
            return text.strip()
    return ""


def moment_label(moment, lang: str = "nl") -> str:
    """The label of a case's moment to show in Dutch or English.

    A moment's ``label`` is its Dutch name and its key (``net.moment("intake")``); a bundled case
    also gives ``label_en``, which netles keeps in the moment's network (``moment.network.extra``).
    English falls back to the label itself.

    Parameters
    ----------
    moment : netles.Moment
        One of ``net.moments``.
    lang : {"nl", "en"}

    Raises
    ------
    ValueError
        For a language other than ``"nl"`` or ``"en"``.

    Examples
    --------
    >>> intake = load_case("onveilig_netwerk").moments[0]
    >>> moment_label(intake), moment_label(load_case("onveilig_netwerk").moments[2], "en")
    ('intake', 'closure')
    """
    return _moment_text(moment, "label", moment.label, lang)


def moment_note(moment, lang: str = "nl") -> str:
    """The note of a case's moment in Dutch or English.

    A moment's ``note`` is Dutch; a bundled case also gives ``note_en``, which netles keeps in the
    moment's network (``moment.network.extra``). English falls back to the Dutch note.

    Parameters
    ----------
    moment : netles.Moment
        One of ``net.moments``.
    lang : {"nl", "en"}

    Returns
    -------
    str
        The note; an empty string for a moment without one.

    Raises
    ------
    ValueError
        For a language other than ``"nl"`` or ``"en"``.

    Examples
    --------
    >>> start = load_case("mantelval_dochter").moments[0]
    >>> moment_note(start)
    'Vader krijgt hartfalen; Marieke begint met helpen.'
    >>> moment_note(start, lang="en")
    'Her father develops heart failure; Marieke starts helping.'
    """
    return _moment_text(moment, "note", moment.note, lang)


def research_path(name: str) -> Path:
    """Path of a bundled (synthetic) research dataset folder under ``data/research``.

    Raises
    ------
    KeyError
        If there is no such dataset.
    """
    path = data_dir() / "research" / name
    if not path.is_dir():
        available = sorted(p.name for p in (data_dir() / "research").glob("*") if p.is_dir()) if (data_dir() / "research").is_dir() else []
        raise KeyError(f"no bundled research dataset {name!r}; choose one of: {', '.join(available) or '(none)'}")
    return path
