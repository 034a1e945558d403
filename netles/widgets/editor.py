"""The network editor: map a network by clicking, with the netwerkcirkel and the quality profile
beside it, saved to a file on every change.

:func:`network_editor` returns ``(widget, state)``. The :class:`EditorState` holds the network and
does all the work in plain methods (:meth:`~EditorState.add_alter`, :meth:`~EditorState.update_alter`,
:meth:`~EditorState.remove_alter`, :meth:`~EditorState.set_tie`, :meth:`~EditorState.load`,
:meth:`~EditorState.save`); the widget's callbacks only read the form and call them. Tests (and a
teacher's notebook) can drive the state directly or the real widgets by setting ``.value`` and
calling ``.click()``.

Student work is never lost: with a ``path`` every change is written to the netles JSON file
atomically (:func:`netles.write_network`), and a new editor on the same path reopens it. A file that
cannot be read is never overwritten: it is moved aside to ``<name>.kapot-<timestamp>`` and the editor
says so in plain Dutch.
"""
from __future__ import annotations

import dataclasses
import html
import json
import os
import re
import time
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

import ipywidgets as W
import pandas as pd

from .. import vocab
from ..errors import ValidationError
from ..io import read_network, write_network
from ..network import EgoNetwork
from ..profile import describe_profile, quality_profile

__all__ = [
    "network_editor",
    "EditorState",
    "looks_like_full_name",
    "initials",
    "PROFILE_KEYS",
    "figure_output",
]

PROFILE_KEYS = (
    "size",
    "density",
    "components",
    "isolates",
    "share_family",
    "share_professional",
    "share_strong",
    "share_weekly",
    "support_coverage",
    "share_mutual",
    "share_burdening",
    "max_support_share",
)
"""The metrics shown beside the editor (the full profile stays in ``state.profile``)."""

_T = {
    "name": ("Naam", "Name"),
    "name_placeholder": ("pseudoniem, bijv. Tante J.", "pseudonym, e.g. Aunt J."),
    "travel": ("Reistijd (min)", "Travel time (min)"),
    "travel_placeholder": ("minuten, mag leeg", "minutes, may be empty"),
    "support": ("Steun", "Support"),
    "auto_circle": ("volgens relatie", "from relation"),
    "none": ("(niet ingevuld)", "(not filled in)"),
    "add": ("Toevoegen", "Add"),
    "update": ("Wijziging opslaan", "Save change"),
    "remove": ("Verwijderen", "Remove"),
    "new": ("Nieuw leeg formulier", "New empty form"),
    "use_initials": ("Gebruik initialen", "Use initials"),
    "people": ("Mensen in het netwerk", "People in the network"),
    "knows": ("kent ook:", "also knows:"),
    "choose_for_ties": ("Kies iemand in de lijst om aan te vinken wie hij of zij kent.", "Pick someone in the list to tick whom they know."),
    "profile": ("Kwaliteit van het netwerk", "Quality of the network"),
    "map": ("Netwerkcirkel", "Network circle"),
    "added": ("{name} is toegevoegd.", "{name} was added."),
    "updated": ("{name} is gewijzigd.", "{name} was changed."),
    "removed": ("{name} is verwijderd.", "{name} was removed."),
    "tie_on": ("{a} en {b} kennen elkaar.", "{a} and {b} know each other."),
    "tie_off": ("{a} en {b} kennen elkaar niet.", "{a} and {b} do not know each other."),
    "saved": ("Automatisch opgeslagen in {path}.", "Saved automatically to {path}."),
    "not_saved": (
        "Let op: dit netwerk wordt niet bewaard. Geef network_editor een bestandsnaam, bijv. network_editor(\"mijn_netwerk.json\").",
        "Note: this network is not kept. Give network_editor a file name, e.g. network_editor(\"my_network.json\").",
    ),
    "opened": ("Bestaand bestand {path} geopend: je werkt verder waar je was.", "Opened the existing file {path}: you continue where you left off."),
    "created": ("Nieuw bestand {path} gemaakt; elke wijziging wordt daarin bewaard.", "Created the new file {path}; every change is kept there."),
    "corrupt": (
        "Het bestand {path} kon niet worden gelezen ({why}). Het is niet overschreven: het staat nu als "
        "{backup}. Je begint opnieuw; wijzigingen gaan weer naar {path}.",
        "The file {path} could not be read ({why}). It was not overwritten: it is now kept as {backup}. "
        "You start again; changes go to {path} again.",
    ),
    "save_failed": ("Opslaan is mislukt ({why}). Je wijziging staat nog in het scherm; probeer het opnieuw.", "Saving failed ({why}). Your change is still on screen; try again."),
    "need_name": ("Vul eerst een naam of initialen in.", "Fill in a name or initials first."),
    "bad_minutes": ("Reistijd: vul een aantal minuten in (0 tot 1440) of laat het leeg.", "Travel time: enter a number of minutes (0 to 1440) or leave it empty."),
    "full_name": (
        "'{name}' lijkt op een echte voor- en achternaam. Gebruik liever een pseudoniem of initialen, bijv. '{initials}'.",
        "'{name}' looks like a real first and last name. Prefer a pseudonym or initials, e.g. '{initials}'.",
    ),
    "choose_first": ("Kies eerst iemand in de lijst.", "Pick someone in the list first."),
    "invalid": ("Dat kan niet: {why}", "That is not possible: {why}"),
}


def _t(key: str, lang: str, **kw: Any) -> str:
    text = _T[key][vocab.LANGUAGES.index(lang)]
    return text.format(**kw) if kw else text


# -- names --------------------------------------------------------------------------------------

# Words that name a role rather than a person: "Tante Jannie" is not a full name.
_ROLE_WORDS = {
    "tante", "oom", "opa", "oma", "buurman", "buurvrouw", "zus", "broer", "neef", "nicht", "vriend",
    "vriendin", "juf", "meester", "dokter", "huisarts", "collega", "aunt", "uncle", "grandma",
    "grandpa", "neighbour", "neighbor", "sister", "brother", "friend", "doctor",
}
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*", re.UNICODE)


def _name_words(name: str) -> list[str]:
    return _WORD.findall(name)


def looks_like_full_name(name: str) -> bool:
    """Whether a name looks like a real first and last name.

    Two or more capitalised words of at least two letters count as a full name; initials ("J."),
    role words ("Tante", "Buurman") and words in brackets ("(zus)") do not count. The editor warns
    about such names but does not refuse them.

    Parameters
    ----------
    name : str

    Returns
    -------
    bool

    Examples
    --------
    >>> looks_like_full_name("Jan de Vries"), looks_like_full_name("Anja (zus)")
    (True, False)
    >>> looks_like_full_name("Tante J."), looks_like_full_name("Tante Jannie")
    (False, False)
    """
    text = re.sub(r"\([^)]*\)", " ", name or "")
    capitalised = [
        w for w in _name_words(text) if len(w) >= 2 and w[0].isupper() and w.lower() not in _ROLE_WORDS
    ]
    return len(capitalised) >= 2


def initials(name: str) -> str:
    """Initials for a name: the first letter of each capitalised word, with dots.

    Lower-case particles ("de", "van der") are left out.

    Examples
    --------
    >>> initials("Jan de Vries"), initials("Maria van der Berg-Smit")
    ('J.V.', 'M.B.')
    """
    letters = [w[0].upper() for w in _name_words(name or "") if w[0].isupper()]
    if not letters:
        letters = [w[0].upper() for w in _name_words(name or "")]
    return "".join(f"{c}." for c in letters)


# -- the state ----------------------------------------------------------------------------------

def _read_fallback(net: EgoNetwork | None, case: str | None, ego_id: str) -> EgoNetwork:
    if net is not None:
        return net
    if case:
        from ..datasets import load_case

        return load_case(case)
    return EgoNetwork(ego={"ego_id": ego_id})


def _backup_path(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}.kapot-{stamp}")
    k = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.kapot-{stamp}-{k}")
        k += 1
    return candidate


def _why(exc: BaseException, lang: str = "nl") -> str:
    """Why a file could not be read, in a few plain words."""
    if not isinstance(exc, ValidationError):
        return str(exc) or type(exc).__name__
    first = exc.problems[0]
    text = first.message
    nl = lang == "nl"
    if text.startswith("not valid JSON"):
        return "de inhoud is geen geldige JSON, misschien is het bestand afgebroken" if nl else "the contents are not valid JSON, maybe the file was cut off"
    if text == "is empty":
        return "het bestand is leeg" if nl else "the file is empty"
    if text.startswith("is not UTF-8"):
        return "het is geen UTF-8-tekst" if nl else "it is not UTF-8 text"
    detail = str(dataclasses.replace(first, file=None))
    return f"er staat een waarde in die niet klopt: {detail}" if nl else f"it holds a value that is not allowed: {detail}"


class EditorState:
    """The network behind an editor, with plain methods that change it and save it.

    Every change replaces :attr:`network` (networks are immutable), recomputes :attr:`profile`
    and :attr:`figure`, writes the file when there is a :attr:`path`, sets :attr:`message` to a
    short sentence for the user and calls the listeners (the widget's refresh).

    Parameters
    ----------
    network : EgoNetwork
        The network to start from.
    path : path-like, optional
        The autosave file. Without it nothing is written.
    lang : {"nl", "en"}
        Language of messages and figure labels.
    draw : callable, optional
        ``draw(network, lang) -> plotly Figure`` for :attr:`figure`; default the netwerkcirkel.

    Attributes
    ----------
    network : EgoNetwork
    profile : pandas.Series
        :func:`netles.quality_profile` of the network.
    figure : plotly.graph_objects.Figure
        The netwerkcirkel of the network.
    message : str
        What the last action did (Dutch by default).
    problem : str or None
        The last thing that went wrong (a message for the user), or None.
    backup : pathlib.Path or None
        Where a corrupt autosave file was moved to.

    Examples
    --------
    >>> import tempfile, pathlib, netles
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "kaart.json"
    >>> state = EditorState(netles.datasets.load_case("voorbeeld"), path=path)
    >>> new_id = state.add_alter("Gijs", "friend", contact="weekly")
    >>> int(state.profile["size"]), netles.read_network(path) == state.network
    (7, True)
    >>> state.set_tie(new_id, "D", True)
    >>> state.network.has_tie(new_id, "D")
    True
    """

    def __init__(
        self,
        network: EgoNetwork,
        path: str | os.PathLike | None = None,
        lang: str = "nl",
        draw: Callable[[EgoNetwork, str], Any] | None = None,
    ):
        if lang not in vocab.LANGUAGES:
            raise ValueError(f"lang must be one of {vocab.LANGUAGES}, not {lang!r}")
        self.lang = lang
        self.path = Path(path) if path is not None else None
        self._draw = draw or _netwerkcirkel
        self._listeners: list[Callable[["EditorState"], None]] = []
        self.message = ""
        self.problem: str | None = None
        self.backup: Path | None = None
        self.last_update_seconds = 0.0
        self._set(network, save=False)

    # -- plumbing -----------------------------------------------------------------------------
    def on_change(self, callback: Callable[["EditorState"], None]) -> None:
        """Call ``callback(state)`` after every change (the widget uses this to redraw)."""
        self._listeners.append(callback)

    def _set(self, network: EgoNetwork, save: bool = True, message: str = "") -> None:
        start = time.perf_counter()
        self.network = network
        self.profile = quality_profile(network)
        self.figure = self._draw(network, self.lang)
        self.problem = None
        saved = self.save() if save else True
        if saved:
            self.message = message
        self.last_update_seconds = time.perf_counter() - start
        self._notify()

    def _notify(self) -> None:
        for callback in list(self._listeners):
            callback(self)

    def _fail(self, text: str) -> None:
        self.problem = text
        self._notify()

    def label(self, alter_id: str) -> str:
        """The name of an alter as shown to the user (its id when it has no name)."""
        record = self.network.alter(alter_id)
        return record.get("name") or alter_id

    def _next_id(self) -> str:
        used = set(self.network.alter_ids)
        numbers = [int(m.group(1)) for a in used if (m := re.fullmatch(r"p(\d+)", a))]
        k = max(numbers, default=0) + 1
        while f"p{k}" in used:
            k += 1
        return f"p{k}"

    # -- changes ------------------------------------------------------------------------------
    def add_alter(self, name: str, relation: str, **fields: Any) -> str:
        """Add a person to the network.

        Parameters
        ----------
        name : str
            A pseudonym or initials (required; a name that looks like a real full name is kept,
            the widget warns about it).
        relation : str
            A code of :data:`netles.vocab.RELATION`.
        **fields
            Any other alter field (``circle``, ``contact``, ``travel_minutes``, ``support``,
            ``support_direction``, ``valence``, ``status``, ``gender``...); None leaves it out.

        Returns
        -------
        str
            The new alter's id.

        Raises
        ------
        ValueError
            If the name is empty.
        ValidationError
            If a field value is not allowed (the network is left unchanged).
        """
        name = (name or "").strip()
        if not name:
            raise ValueError(_t("need_name", self.lang))
        alter_id = self._next_id()
        record = {"alter_id": alter_id, "name": name, "relation": relation}
        record.update({k: v for k, v in fields.items() if v is not None and v != [] and v != ()})
        if "support" in record:
            record["support"] = list(record["support"])
        self._set(self.network.with_alter(record), message=_t("added", self.lang, name=name))
        return alter_id

    def update_alter(self, alter_id: str, **changes: Any) -> None:
        """Change fields of one person (a value of None or an empty support list removes the field).

        Raises
        ------
        KeyError
            If there is no such alter.
        ValidationError
            If a value is not allowed (the network is left unchanged).
        """
        clean = {}
        for key, value in changes.items():
            if key == "support":
                value = list(value) if value else None
            if key == "name":
                value = (value or "").strip() or None
                if value is None:
                    raise ValueError(_t("need_name", self.lang))
            clean[key] = value
        network = self.network.with_alter_changes(alter_id, **clean)
        self._set(network, message=_t("updated", self.lang, name=network.alter(alter_id).get("name") or alter_id))

    def remove_alter(self, alter_id: str) -> None:
        """Remove a person and the ties they had.

        Raises
        ------
        KeyError
            If there is no such alter.
        """
        name = self.label(alter_id)
        self._set(self.network.without_alter(alter_id), message=_t("removed", self.lang, name=name))

    def set_tie(self, a: str, b: str, known: bool) -> None:
        """Tick (``known=True``) or untick whether alters ``a`` and ``b`` know each other.

        Raises
        ------
        ValidationError
            If ``a`` or ``b`` is not an alter, or ``a == b``.
        """
        if bool(known) == self.network.has_tie(a, b):
            return
        network = self.network.with_tie(a, b) if known else self.network.without_tie(a, b)
        key = "tie_on" if known else "tie_off"
        self._set(network, message=_t(key, self.lang, a=self.label(a), b=self.label(b)))

    # -- files ---------------------------------------------------------------------------------
    def save(self, path: str | os.PathLike | None = None) -> bool:
        """Write the network to ``path`` (default :attr:`path`) atomically.

        A failed write (full disk, read-only folder) leaves the old file as it was, sets
        :attr:`problem` and returns False; the network in memory is kept.

        Returns
        -------
        bool
            True when written (or when there is no file to write to).
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            return True
        try:
            write_network(self.network, target)
        except OSError as exc:
            self.problem = _t("save_failed", self.lang, why=exc.strerror or str(exc))
            return False
        if path is not None:
            self.path = target
        return True

    def load(self, path: str | os.PathLike | None = None) -> bool:
        """Read the network from ``path`` (default :attr:`path`) and make it the current one.

        A file that cannot be read as a netles network (cut off, not JSON, invalid values) is
        moved aside to ``<name>.kapot-<timestamp>`` (:attr:`backup`), never overwritten;
        :attr:`problem` explains it in plain words and the current network stays.

        Returns
        -------
        bool
            True when the file was read.

        Raises
        ------
        FileNotFoundError
            If the file does not exist.
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("load needs a path")
        try:
            network = read_network(target)
        except ValidationError as exc:
            backup = _backup_path(target)
            os.replace(target, backup)
            self.backup = backup
            self.path = target
            self._fail(_t("corrupt", self.lang, path=target.name, why=_why(exc, self.lang), backup=backup.name))
            return False
        self.path = target
        self._set(network, save=False, message=_t("opened", self.lang, path=target.name))
        return True

    @classmethod
    def open(
        cls,
        path: str | os.PathLike | None = None,
        net: EgoNetwork | None = None,
        case: str | None = None,
        lang: str = "nl",
        draw: Callable[[EgoNetwork, str], Any] | None = None,
    ) -> "EditorState":
        """The state for an editor: reopen ``path`` if it exists, else start from ``net``, a case
        or an empty network (and create the file).

        A corrupt file at ``path`` is moved aside (see :meth:`load`); the editor then starts from
        ``net``, ``case`` or empty and the explanation stays in :attr:`problem`.
        """
        ego_id = Path(path).stem if path is not None else "ego"
        start = _read_fallback(net, case, ego_id)
        state = cls(start, path=None, lang=lang, draw=draw)
        if path is None:
            state.message = _t("not_saved", lang)
            return state
        path = Path(path)
        if path.exists():
            if state.load(path):
                return state
            problem = state.problem
            state.path = path
            state.save()
            state.problem = problem
            return state
        state.path = path
        if state.save():
            state.message = _t("created", lang, path=path.name)
        return state


def _netwerkcirkel(network: EgoNetwork, lang: str, width: int = 560, height: int = 560):
    from ..plots import netwerkcirkel

    # Ties are drawn: the editor is where the student ticks who knows whom. Drawn at the size the
    # editor shows it, so the names are placed for that size (netles.plots places labels in pixels).
    return netwerkcirkel(network, lang=lang, show_ties=True, width=width, height=height)


def figure_output(figure, output: W.Output | None = None, height: int | None = None, width: int | None = None,
                  legend_below: bool = False) -> W.Output:
    """Show a plotly figure in an :class:`ipywidgets.Output` (created if not given).

    The figure is put in the output as plotly's own MIME bundle (``application/vnd.plotly.v1+json``),
    which JupyterLab and Voila draw with the bundled plotly.js: nothing is loaded from the internet
    and it works without a kernel connection in tests (the ``outputs`` are set directly).

    Parameters
    ----------
    figure : plotly.graph_objects.Figure
    output : ipywidgets.Output, optional
    height, width : int, optional
        Size in pixels to set on the figure's layout (the figure itself is not changed).
    legend_below : bool
        Put the legend in a row under the plot instead of beside it, so a narrow figure keeps
        its full width for the drawing.

    Returns
    -------
    ipywidgets.Output
    """
    output = output if output is not None else W.Output()
    fig_dict = json.loads(figure.to_json())
    layout = fig_dict.setdefault("layout", {})
    if height:
        layout["height"] = height
    if width:
        layout["width"] = width
    if legend_below:
        layout["legend"] = {**layout.get("legend", {}), "orientation": "h", "x": 0, "xanchor": "left", "y": -0.02,
                            "yanchor": "top"}
        layout["margin"] = {**layout.get("margin", {}), "r": 10, "l": 10, "b": 10}
    fig_dict["config"] = {"displaylogo": False, "responsive": True}
    title = (fig_dict.get("layout", {}).get("title") or {}).get("text", "") if isinstance(fig_dict.get("layout", {}).get("title"), dict) else ""
    output.outputs = (
        {
            "output_type": "display_data",
            "data": {"application/vnd.plotly.v1+json": fig_dict, "text/plain": f"<plotly figure {title}>"},
            "metadata": {},
        },
    )
    return output


def profile_html(profile: pd.Series, lang: str = "nl", keys=PROFILE_KEYS) -> str:
    """The quality profile as a small HTML table; each row carries ``data-key`` (for tests)."""
    table = describe_profile(profile, lang=lang, keys=[k for k in keys if k in profile.index])
    rows = []
    for key, (label, value, meaning) in zip(table.index, table.itertuples(index=False)):
        rows.append(
            f'<tr data-key="{html.escape(key)}"><td>{html.escape(label)}</td>'
            f'<td class="netles-value" style="text-align:right;padding:0 .6em;font-weight:bold">{html.escape(value)}</td>'
            f'<td style="color:#444">{html.escape(meaning)}</td></tr>'
        )
    return (
        '<table class="netles-profile" style="border-collapse:collapse;font-size:12px;line-height:1.3">'
        + "".join(rows)
        + "</table>"
    )


# -- the widget ---------------------------------------------------------------------------------

def _options(vocabulary: vocab.Vocabulary, lang: str, empty: str | None = None) -> list:
    options = [(vocabulary.label(c, lang), c) for c in vocabulary.codes]
    # "" rather than None for the empty choice: a Dropdown treats value None as "nothing selected".
    return [(empty, ""), *options] if empty is not None else options


class _EditorWidget(W.HBox):
    """The editor's widget; its parts are attributes so tests can set values and click."""

    def __init__(self, state: EditorState):
        lang = state.lang
        self.state = state
        self.lang = lang
        none = _t("none", lang)
        label_layout = W.Layout(width="320px")
        style = {"description_width": "128px"}

        def dropdown(field, empty=None, description=None):
            v = vocab.VOCABULARIES[field]
            return W.Dropdown(
                options=_options(v, lang, empty), description=description or v.field_label(lang).capitalize(),
                layout=label_layout, style=style,
            )

        self.name = W.Text(description=_t("name", lang), placeholder=_t("name_placeholder", lang), layout=label_layout,
                           style=style, continuous_update=True)
        self.name.add_class("netles-name")
        self.relation = dropdown("relation")
        self.relation.value = "friend"
        self.circle = W.Dropdown(
            options=[(_t("auto_circle", lang), ""), *[(f"{c} {vocab.CIRCLE.label(c, lang)}", c) for c in vocab.CIRCLE.codes]],
            description=vocab.CIRCLE.field_label(lang).capitalize(), layout=label_layout, style=style,
        )
        self.gender = dropdown("gender", none)
        self.contact = dropdown("contact", none)
        self.travel = W.Text(description=_t("travel", lang), placeholder=_t("travel_placeholder", lang), layout=label_layout, style=style)
        self.support = {
            code: W.Checkbox(description=vocab.SUPPORT.label(code, lang), value=False, indent=False, layout=W.Layout(width="158px"))
            for code in vocab.SUPPORT.codes
        }
        self.direction = dropdown("support_direction", none, description=("Richting" if lang == "nl" else "Direction"))
        self.valence = dropdown("valence", none)
        self.status = dropdown("status", none)

        self.add_button = W.Button(description=_t("add", lang), button_style="primary", icon="plus", layout=W.Layout(width="158px"))
        self.add_button.add_class("netles-add")
        self.update_button = W.Button(description=_t("update", lang), icon="save", layout=W.Layout(width="158px"), disabled=True)
        self.remove_button = W.Button(description=_t("remove", lang), button_style="danger", icon="trash", layout=W.Layout(width="158px"), disabled=True)
        self.new_button = W.Button(description=_t("new", lang), layout=W.Layout(width="158px"))
        self.initials_button = W.Button(description=_t("use_initials", lang), layout=W.Layout(width="auto", display="none"))

        self.people = W.Select(options=[], description="", rows=7, layout=W.Layout(width="360px"))
        self.people.add_class("netles-people")
        self.ties_box = W.VBox(layout=W.Layout(max_height="130px", overflow="auto", width="360px"))
        self.tie_boxes: dict[str, W.Checkbox] = {}
        self._quiet = False
        self.message = W.HTML()
        self.message.add_class("netles-message")
        self.warning = W.HTML()
        self.warning.add_class("netles-warning")
        self.figure = W.Output(layout=W.Layout(width="560px", min_height="560px"))
        self.figure.add_class("netles-figure")
        self.profile = W.HTML()
        self.profile.add_class("netles-profile-box")

        support_grid = W.GridBox(list(self.support.values()), layout=W.Layout(grid_template_columns="160px 160px", width="320px"))
        form = W.VBox(
            [
                self.name, self.warning, self.initials_button, self.relation, self.circle, self.gender, self.contact,
                self.travel, W.HTML(f"<b>{_t('support', lang)}</b>"), support_grid, self.direction, self.valence,
                self.status,
                W.HBox([self.add_button, self.update_button]),
                W.HBox([self.remove_button, self.new_button]),
                self.message,
            ],
            layout=W.Layout(width="330px"),
        )
        # Three columns at 1366 px (form, map, people and profile); narrower screens (JupyterLab
        # with its side bar open) wrap the third column under the first two.
        side = W.VBox(
            [W.HTML(f"<b>{_t('people', lang)}</b>"), self.people, W.HTML(f"<i>{_t('knows', lang)}</i>"), self.ties_box,
             W.HTML(f"<b>{_t('profile', lang)}</b>"), self.profile],
            layout=W.Layout(width="370px"),
        )
        middle = W.VBox([W.HTML(f"<b>{_t('map', lang)}</b>"), self.figure], layout=W.Layout(width="570px"))
        super().__init__([form, middle, side], layout=W.Layout(flex_flow="row wrap", align_items="flex-start"))
        self.add_class("netles-editor")

        # Enter in the name field adds the person (ipywidgets 8 deprecates on_submit in favour of
        # continuous_update=False, but that also fires on leaving the field with Tab).
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            self.name.on_submit(lambda _w: self.on_add())
        self.add_button.on_click(lambda _b: self.on_add())
        self.update_button.on_click(lambda _b: self.on_update())
        self.remove_button.on_click(lambda _b: self.on_remove())
        self.new_button.on_click(lambda _b: self.on_new())
        self.initials_button.on_click(lambda _b: self.on_initials())
        self.name.observe(lambda _c: self.check_name(), "value")
        self.people.observe(lambda c: self.on_select(c["new"]), "value")
        state.on_change(lambda _s: self.refresh())
        self.refresh()

    # -- reading the form ----------------------------------------------------------------------
    def _fields(self) -> dict | None:
        text = self.travel.value.strip().replace(",", ".")
        minutes = None
        if text:
            try:
                minutes = float(text)
            except ValueError:
                minutes = -1
            if not 0 <= minutes <= 24 * 60:
                self._show_problem(_t("bad_minutes", self.lang))
                return None
            minutes = int(minutes) if float(minutes).is_integer() else minutes
        def get(dropdown):
            return None if dropdown.value == "" else dropdown.value

        return {
            "relation": self.relation.value,
            "circle": get(self.circle),
            "gender": get(self.gender),
            "contact": get(self.contact),
            "travel_minutes": minutes,
            "support": [c for c, box in self.support.items() if box.value],
            "support_direction": get(self.direction),
            "valence": get(self.valence),
            "status": get(self.status),
        }

    def _show_problem(self, text: str) -> None:
        self.message.value = f'<div style="color:#a40000;max-width:300px">{html.escape(text)}</div>'

    def _run(self, action: Callable[[], Any]) -> Any:
        try:
            return action()
        except (ValueError, KeyError) as exc:  # ValidationError is a ValueError
            why = _why(exc) if isinstance(exc, ValidationError) else (exc.args[0] if exc.args else str(exc))
            self._show_problem(_t("invalid", self.lang, why=why) if isinstance(exc, ValidationError) else str(why))
            return None

    # -- callbacks -----------------------------------------------------------------------------
    def on_add(self) -> str | None:
        fields = self._fields()
        if fields is None:
            return None
        new_id = self._run(lambda: self.state.add_alter(self.name.value, **fields))
        if new_id is not None:
            self.clear_form()
            self.people.value = None
        return new_id

    def on_update(self) -> None:
        alter_id = self.people.value
        if alter_id is None:
            self._show_problem(_t("choose_first", self.lang))
            return
        fields = self._fields()
        if fields is None:
            return
        self._run(lambda: self.state.update_alter(alter_id, name=self.name.value, **fields))

    def on_remove(self) -> None:
        alter_id = self.people.value
        if alter_id is None:
            self._show_problem(_t("choose_first", self.lang))
            return
        self._run(lambda: self.state.remove_alter(alter_id))
        self.clear_form()

    def on_new(self) -> None:
        self.people.value = None
        self.clear_form()

    def on_initials(self) -> None:
        self.name.value = initials(self.name.value)

    def on_select(self, alter_id: str | None) -> None:
        if self._quiet:
            return
        editing = alter_id is not None
        self.update_button.disabled = not editing
        self.remove_button.disabled = not editing
        self._fill_ties(alter_id)
        if not editing:
            return
        record = self.state.network.alter(alter_id)
        raw_circle = next(a.get("circle") for a in self.state.network.to_dict()["alters"] if a["alter_id"] == alter_id)
        self.name.value = record.get("name") or ""
        self.relation.value = record["relation"]
        self.circle.value = "" if raw_circle is None else raw_circle
        self.gender.value = record.get("gender") or ""
        self.contact.value = record.get("contact") or ""
        minutes = record.get("travel_minutes")
        self.travel.value = "" if minutes is None else str(minutes)
        for code, box in self.support.items():
            box.value = code in (record.get("support") or ())
        self.direction.value = record.get("support_direction") or ""
        self.valence.value = record.get("valence") or ""
        self.status.value = record.get("status") or ""

    def clear_form(self) -> None:
        self.name.value = ""
        for dropdown in (self.circle, self.gender, self.contact, self.direction, self.valence, self.status):
            dropdown.value = ""
        self.travel.value = ""
        for box in self.support.values():
            box.value = False

    def check_name(self) -> None:
        name = self.name.value
        if looks_like_full_name(name):
            self.warning.value = (
                '<div style="color:#8a5a00;max-width:300px">'
                + html.escape(_t("full_name", self.lang, name=name.strip(), initials=initials(name)))
                + "</div>"
            )
            self.initials_button.layout.display = None
        else:
            self.warning.value = ""
            self.initials_button.layout.display = "none"

    def _fill_ties(self, alter_id: str | None) -> None:
        self.tie_boxes = {}
        if alter_id is None or alter_id not in self.state.network.alter_ids:
            self.ties_box.children = [W.HTML(f"<i>{_t('choose_for_ties', self.lang)}</i>")]
            return
        boxes = []
        for other in self.state.network.alter_ids:
            if other == alter_id:
                continue
            box = W.Checkbox(value=self.state.network.has_tie(alter_id, other), description=self.state.label(other), indent=False)
            box.observe(lambda c, o=other, a=alter_id: self._run(lambda: self.state.set_tie(a, o, c["new"])), "value")
            self.tie_boxes[other] = box
            boxes.append(box)
        self.ties_box.children = boxes

    # -- drawing -------------------------------------------------------------------------------
    def refresh(self) -> None:
        state = self.state
        net = state.network
        options = [(f"{state.label(a)} ({vocab.RELATION.label(net.alter(a)['relation'], self.lang)})", a) for a in net.alter_ids]
        selected = self.people.value if self.people.value in net.alter_ids else None
        if list(self.people.options) != options:
            # New options reset a Select to its first entry; keep the selection and do not let the
            # reset refill the form.
            self._quiet = True
            try:
                self.people.options = options
                self.people.value = selected
            finally:
                self._quiet = False
        if selected is None:
            self.update_button.disabled = True
            self.remove_button.disabled = True
        if set(self.tie_boxes) != set(net.alter_ids) - {selected}:
            self._fill_ties(selected)
        figure_output(state.figure, self.figure, height=560, width=560)
        self.profile.value = profile_html(state.profile, self.lang)
        if state.problem:
            self._show_problem(state.problem)
        else:
            self.message.value = f'<div style="color:#1d5e20;max-width:300px">{html.escape(state.message)}</div>'


def network_editor(
    path: str | os.PathLike | None = None,
    net: EgoNetwork | None = None,
    case: str | None = None,
    lang: str = "nl",
) -> tuple[W.Widget, EditorState]:
    """An editor to map a network by clicking, saved on every change.

    Add, change and remove people (pseudonym, relation, circle, contact frequency, travel time,
    support functions with direction, valence, status), tick who knows whom, and see the
    netwerkcirkel and the quality profile change at once. Enter in the name field adds the person.
    A name that looks like a real first and last name gets a warning and a button to use initials.

    Parameters
    ----------
    path : path-like, optional
        The autosave file (netles JSON). If it exists it is reopened (so a kernel restart loses
        nothing); otherwise it is created from ``net``, ``case`` or an empty network. A file that
        cannot be read is moved to ``<name>.kapot-<timestamp>`` and never overwritten. Without a
        path nothing is saved (the editor says so).
    net : EgoNetwork, optional
        Network to start from when there is no file yet.
    case : str, optional
        Name of a bundled case (:func:`netles.datasets.case_names`) to start from.
    lang : {"nl", "en"}
        Language of the labels.

    Returns
    -------
    (widget, EditorState)
        The widget to display and its state. The widget's parts are attributes (``name``,
        ``relation``, ``add_button``, ``people``, ``tie_boxes``, ``figure``, ``profile``...).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "mijn_netwerk.json"
    >>> widget, state = network_editor(path, case="voorbeeld")
    >>> widget.name.value = "Gijs"
    >>> widget.add_button.click()
    >>> int(state.profile["size"]), state.network.alter(state.network.alter_ids[-1])["name"]
    (7, 'Gijs')
    >>> network_editor(path)[1].network == state.network   # reopened from the file
    True
    """
    state = EditorState.open(path, net=net, case=case, lang=lang)
    return _EditorWidget(state), state
