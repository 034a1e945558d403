"""The network editor: map a network by clicking, with the netwerkcirkel and the quality profile
beside it, saved to a file on every change, with dated moments of the network.

:func:`network_editor` returns ``(widget, state)``. The :class:`EditorState` holds the network and
does all the work in plain methods (:meth:`~EditorState.add_alter`, :meth:`~EditorState.update_alter`,
:meth:`~EditorState.remove_alter`, :meth:`~EditorState.set_tie`, :meth:`~EditorState.save_moment`,
:meth:`~EditorState.view_moment`, :meth:`~EditorState.start_from_last_moment`,
:meth:`~EditorState.load`, :meth:`~EditorState.save`, :meth:`~EditorState.save_as`); the widget's
callbacks only read the form and call them. Tests (and a teacher's notebook) can drive the state
directly or the real widgets by setting ``.value`` and calling ``.click()``.

Student work is never lost:

- with a ``path`` every change is written to the netles JSON file atomically, and a new editor on
  the same path reopens it, moments included;
- a file that cannot be read is never overwritten: it is moved aside to
  ``<name>.kapot-<timestamp>`` (or, in a folder where that is not allowed, copied to the backup
  folder, :func:`backup_folder`) and the editor says so in plain Dutch;
- when another editor (a second notebook tab, the app) changed the file since this one read it,
  what the other added is merged in; anything else is kept side by side as
  ``<name>.ander-venster-<timestamp>.json`` and the editor says where;
- a save that fails (full disk, read-only folder, a folder where the file should be) is said
  plainly: the change is NOT saved there, a copy is in the backup folder, and "Opslaan als" saves
  it elsewhere.
"""
from __future__ import annotations

import dataclasses
import datetime
import errno
import hashlib
import html
import os
import re
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Any, Callable

import ipywidgets as W
import pandas as pd

from .. import vocab
from ..errors import ValidationError
from ..io import atomic as _atomic
from ..io.netles_json import network_from_json, network_to_json
from ..network import CASE_KEYS, EgoNetwork
from ..profile import describe_profile, quality_profile
from .plotly_output import figure_output

__all__ = [
    "network_editor",
    "EditorState",
    "DuplicateNameError",
    "looks_like_full_name",
    "initials",
    "backup_folder",
    "PROFILE_KEYS",
    "BACKUP_ENV",
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

BACKUP_ENV = "NETLES_BACKUP_DIR"
"""Environment variable naming the folder for backup copies (default ``~/netles-reservekopieen``)."""

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
    "other_person": ("Andere persoon met dezelfde naam", "Another person with the same name"),
    "people": ("Mensen in het netwerk", "People in the network"),
    "knows": ("kent ook:", "also knows:"),
    "choose_for_ties": ("Kies iemand in de lijst om aan te vinken wie hij of zij kent.", "Pick someone in the list to tick whom they know."),
    "profile": ("Kwaliteit van het netwerk", "Quality of the network"),
    "overview": ("Overzicht", "Overview"),
    "map": ("Netwerkcirkel", "Network circle"),
    "added": ("{name} is toegevoegd.", "{name} was added."),
    "returned": ("{name} is terug in het netwerk: dezelfde persoon als in moment '{label}'.",
                 "{name} is back in the network: the same person as in moment '{label}'."),
    "updated": ("{name} is gewijzigd.", "{name} was changed."),
    "renamed_everywhere": (" De naam staat nu ook zo in de bewaarde momenten.", " The name is now also changed in the saved moments."),
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
    "corrupt_copied": (
        "Het bestand {path} kon niet worden gelezen ({why}). Het is niet aangeraakt en er staat een kopie in {backup}. "
        "Je begint opnieuw.",
        "The file {path} could not be read ({why}). It was left as it was and a copy is kept in {backup}. You start again.",
    ),
    "corrupt_kept": (
        "Het bestand {path} kon niet worden gelezen ({why}). Het is niet aangeraakt en wordt ook niet overschreven. "
        "Je begint opnieuw.",
        "The file {path} could not be read ({why}). It was left as it was and will not be overwritten. You start again.",
    ),
    "unreadable": ("{path} kon niet worden geopend ({why}); het is niet aangeraakt en wordt niet overschreven.",
                   "{path} could not be opened ({why}); it was left as it was and will not be overwritten."),
    "save_failed": (
        "Opslaan is mislukt: je wijziging is NIET opgeslagen in {path} ({why}). Je wijziging staat nog in het scherm.",
        "Saving failed: your change is NOT saved in {path} ({why}). Your change is still on screen.",
    ),
    "rescued": (" Een reservekopie staat in {rescue}. Kies 'Opslaan als' om verder te werken op een plek waar het wel kan.",
                " A backup copy is in {rescue}. Use 'Save as' to go on working in a place where saving works."),
    "no_rescue": (" Ook een reservekopie lukte niet ({why}). Kies 'Opslaan als' en een andere plek, bijvoorbeeld je "
                  "documentenmap of een USB-stick.",
                  " A backup copy failed too ({why}). Use 'Save as' and another place, for example your documents "
                  "folder or a USB stick."),
    "save_as": ("Opslaan als", "Save as"),
    "save_as_placeholder": ("volledig pad, bijv. {example}", "full path, e.g. {example}"),
    "saved_as": ("Opgeslagen in {path}; elke wijziging gaat nu daarheen.", "Saved in {path}; every change now goes there."),
    "save_as_folder": ("{path} is een map; geef een bestandsnaam die eindigt op .json.", "{path} is a folder; give a file name ending in .json."),
    "merged": (
        " In een ander venster is {path} ook gewijzigd; wat daar is toegevoegd ({what}) staat nu ook in jouw netwerk.",
        " {path} was also changed in another window; what was added there ({what}) is now in your network too.",
    ),
    "conflict": (
        "Let op: in een ander venster is {path} ook gewijzigd, op een manier die niet vanzelf samengaat. Niets is weg: "
        "die andere versie is bewaard als {copy}; jouw versie staat in {path}.",
        "Note: {path} was also changed in another window, in a way that cannot be merged by itself. Nothing is lost: "
        "that other version is kept as {copy}; your version is in {path}.",
    ),
    "other_corrupt": (
        "Let op: {path} was intussen veranderd in iets dat niet te lezen is. Die inhoud is bewaard als {copy}; "
        "jouw versie staat weer in {path}.",
        "Note: {path} had meanwhile changed into something unreadable. Those contents are kept as {copy}; your "
        "version is in {path} again.",
    ),
    "need_name": ("Vul eerst een naam of initialen in.", "Fill in a name or initials first."),
    "bad_minutes": ("Reistijd: vul een aantal minuten in (0 tot 1440) of laat het leeg.", "Travel time: enter a number of minutes (0 to 1440) or leave it empty."),
    "full_name": (
        "'{name}' lijkt op een echte voor- en achternaam. Gebruik liever een pseudoniem of initialen, bijv. '{initials}'.",
        "'{name}' looks like a real first and last name. Prefer a pseudonym or initials, e.g. '{initials}'.",
    ),
    "duplicate_name": (
        "Er staat al iemand met de naam '{name}' in het netwerk. Is dit een andere persoon? Vink dan 'Andere persoon "
        "met dezelfde naam' aan en probeer het opnieuw; anders kies je die persoon in de lijst.",
        "There is already someone called '{name}' in the network. Is this another person? Then tick 'Another person "
        "with the same name' and try again; otherwise pick that person in the list.",
    ),
    "choose_first": ("Kies eerst iemand in de lijst.", "Pick someone in the list first."),
    "invalid": ("Dat kan niet: {why}", "That is not possible: {why}"),
    # moments
    "moments": ("Momenten", "Moments"),
    "moments_intro": (
        "Bewaar het netwerk zoals het nu is als moment (bijvoorbeeld bij de intake en bij de evaluatie). Een moment "
        "verandert daarna niet meer; je werkt verder in de werkversie.",
        "Save the network as it is now as a moment (for instance at intake and at evaluation). A moment does not "
        "change afterwards; you go on working in the working version.",
    ),
    "moment_label": ("Naam", "Name"),
    "moment_label_placeholder": ("bijv. intake", "e.g. intake"),
    "moment_date": ("Datum", "Date"),
    "moment_note": ("Notitie", "Note"),
    "moment_note_placeholder": ("mag leeg", "may be empty"),
    "save_moment": ("Bewaar als moment", "Save as moment"),
    "view_moment": ("Bekijk (alleen lezen)", "View (read only)"),
    "back_to_working": ("Terug naar de werkversie", "Back to the working version"),
    "from_last_moment": ("Nieuw moment vanaf het laatste", "New moment from the last one"),
    "saved_moments": ("Bewaarde momenten", "Saved moments"),
    "moment_entry": ("{label} · {date} · {n} {people}", "{label} · {date} · {n} {people}"),
    "person": ("persoon", "person"),
    "persons": ("personen", "people"),
    "moment_saved": ("Moment '{label}' ({date}) is bewaard. Je werkt verder in de werkversie.",
                     "Moment '{label}' ({date}) was saved. You go on working in the working version."),
    "need_moment_label": ("Geef het moment een naam, bijvoorbeeld 'intake'.", "Give the moment a name, for example 'intake'."),
    "need_moment_date": ("Kies de datum van het moment.", "Choose the date of the moment."),
    "moment_exists": ("Er is al een moment '{label}'; kies een andere naam.", "There is already a moment '{label}'; choose another name."),
    "viewing": ("Je bekijkt het moment '{label}' ({date}): alleen lezen. Wijzigen kan in de werkversie.",
                "You are looking at the moment '{label}' ({date}): read only. Changes are made in the working version."),
    "back": ("Terug in de werkversie.", "Back in the working version."),
    "read_only": ("Dit is een eerder moment (alleen lezen). Ga terug naar de werkversie om iets te wijzigen.",
                  "This is an earlier moment (read only). Go back to the working version to change anything."),
    "from_last": ("De werkversie begint weer bij het moment '{label}' ({date}).", "The working version starts again from the moment '{label}' ({date})."),
    "kept_working": (" Je vorige werkversie stond nog niet in een moment; die is bewaard als {path}.",
                     " Your previous working version was not in a moment yet; it is kept as {path}."),
    "lost_working": (" Je vorige werkversie stond nog niet in een moment en kon niet apart worden bewaard.",
                     " Your previous working version was not in a moment and could not be kept separately."),
    "no_moments": ("Er zijn nog geen momenten bewaard.", "No moments have been saved yet."),
    "choose_moment": ("Kies eerst een moment in de lijst.", "Pick a moment in the list first."),
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
# Dutch surname particles (tussenvoegsels): written out in initials, "J. de V.", never "J.V."
_PARTICLES = {
    "de", "der", "den", "het", "van", "vd", "v.d.", "ter", "ten", "te", "in", "op", "aan", "bij", "uit", "la", "le",
    "du", "des", "da", "di", "del", "della", "dos", "el", "'t", "’t", "'s", "’s", "von", "zu", "am", "im", "vom", "zum",
}


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
    """Initials for a name, the Dutch way: "J. de V." for "Jan de Vries".

    First names become an initial with a dot (several run together: "J.P."), surname particles
    (tussenvoegsels: de, van, van der, ter, 't ...) stay written out, the surname becomes its initial
    (a double surname keeps its hyphen: "B.-S."); a part in brackets ("(buurman)") is kept as it is.

    Examples
    --------
    >>> initials("Jan de Vries"), initials("Maria van der Berg-Smit")
    ('J. de V.', 'M. van der B.-S.')
    >>> initials("Jan Peter Jansen"), initials("maria"), initials("Erik de Groot (buurman)")
    ('J.P.J.', 'M.', 'E. de G. (buurman)')
    """
    text = name or ""
    bracket = ""
    match = re.search(r"\s*(\([^)]*\))\s*$", text)
    if match:
        bracket, text = match.group(1), text[: match.start()]
    tokens = text.split()
    out: list[str] = []
    after_particle = False
    for k, token in enumerate(tokens):
        bare = token.strip(",")
        is_particle = bare.lower() in _PARTICLES or bare.lower().rstrip(".") in _PARTICLES
        if is_particle and k < len(tokens) - 1 and (k > 0 or bare[:1].islower()):
            out.append(bare.lower())
            after_particle = True
            continue
        parts = [p for p in re.split(r"(-)", bare) if p]
        letters = "".join("-" if p == "-" else (_name_words(p)[0][0].upper() + "." if _name_words(p) else "") for p in parts)
        if not letters:
            continue
        if out and not after_particle:
            out[-1] += letters  # consecutive initials run together: J.P.
        else:
            out.append(letters)
        after_particle = False
    result = " ".join(out)
    if bracket:
        result = f"{result} {bracket}" if result else bracket
    return result


def _name_key(name: Any) -> str | None:
    """A name as compared for duplicates: NFC, case-insensitive, single spaces."""
    if not isinstance(name, str) or not name.strip():
        return None
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _person(record: dict, lang: str) -> str:
    from ..moments import person_label

    return person_label(record, lang)


class DuplicateNameError(ValueError):
    """Someone in the network already has this name; add them anyway with ``confirm_duplicate=True``."""


# -- files --------------------------------------------------------------------------------------

def backup_folder() -> Path:
    """Where the editor keeps backup copies when it cannot write next to the file.

    ``$NETLES_BACKUP_DIR`` when set, else ``netles-reservekopieen`` in the home folder, else in the
    temporary folder (created when needed).
    """
    configured = os.environ.get(BACKUP_ENV)
    if configured:
        return Path(configured).expanduser()
    try:
        return Path.home() / "netles-reservekopieen"
    except RuntimeError:  # no home folder
        return Path(tempfile.gettempdir()) / "netles-reservekopieen"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _stamp() -> str:
    return datetime.datetime.now().strftime("%Y%m%d-%H%M%S")


def _backup_path(path: Path) -> Path:
    stamp = _stamp()
    candidate = path.with_name(f"{path.name}.kapot-{stamp}")
    k = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.kapot-{stamp}-{k}")
        k += 1
    return candidate


def _beside(path: Path, tag: str, folder: Path | None = None) -> Path:
    """A new file name ``<stem>.<tag>-<timestamp><suffix>`` beside ``path`` (or in ``folder``)."""
    folder = folder if folder is not None else path.parent
    suffix = path.suffix or ".json"
    stamp = _stamp()
    candidate = folder / f"{path.stem}.{tag}-{stamp}{suffix}"
    k = 2
    while candidate.exists():
        candidate = folder / f"{path.stem}.{tag}-{stamp}-{k}{suffix}"
        k += 1
    return candidate


def _reason(exc: OSError, lang: str) -> str:
    """Why a file operation failed, in a few plain words (without the path)."""
    from ..checks import describe_os_error

    return describe_os_error(OSError(exc.errno, exc.strerror or str(exc)), lang) if exc.errno else (str(exc) or type(exc).__name__)


def _why(exc: BaseException, lang: str = "nl") -> str:
    """Why a file could not be read, in a few plain words."""
    if isinstance(exc, OSError):
        return _reason(exc, lang)
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


def _read_fallback(net: EgoNetwork | None, case: str | None, ego_id: str) -> EgoNetwork:
    if net is not None:
        return net
    if case:
        from ..datasets import load_case

        return load_case(case)
    return EgoNetwork(ego={"ego_id": ego_id})


# -- two editors on one file ----------------------------------------------------------------------

def _additions(base: EgoNetwork, theirs: EgoNetwork) -> dict | None:
    """What ``theirs`` added to ``base`` when it only added (people, ties, moments); else None."""
    b, t = base.to_dict(), theirs.to_dict()
    core = ("format_version", "ego", "alters", "ties", "moments")
    if b["ego"] != t["ego"] or {k: v for k, v in b.items() if k not in core} != {k: v for k, v in t.items() if k not in core}:
        return None
    t_alters = {a["alter_id"]: a for a in t["alters"]}
    b_ids = {a["alter_id"] for a in b["alters"]}
    if any(t_alters.get(a["alter_id"]) != a for a in b["alters"]):
        return None
    b_ties = {frozenset((x["source"], x["target"])): x for x in b["ties"]}
    t_ties = {frozenset((x["source"], x["target"])): x for x in t["ties"]}
    if any(t_ties.get(k) != v for k, v in b_ties.items()):
        return None
    b_moments, t_moments = b.get("moments", []), t.get("moments", [])
    if any(m not in t_moments for m in b_moments):
        return None
    return {
        "alters": [a for a in t["alters"] if a["alter_id"] not in b_ids],
        "ties": [v for k, v in t_ties.items() if k not in b_ties],
        "moments": [m for m in t_moments if m not in b_moments],
    }


def _rename_id(data: dict, old: str, new: str) -> None:
    """Give a person another id everywhere in a netles dict (working network and moments)."""
    for part in [data, *data.get("moments", [])]:
        for a in part.get("alters", []):
            if a.get("alter_id") == old:
                a["alter_id"] = new
        for tie in part.get("ties", []):
            for end in ("source", "target"):
                if tie.get(end) == old:
                    tie[end] = new


def _free_id(used: set[str]) -> str:
    numbers = [int(m.group(1)) for a in used if (m := re.fullmatch(r"p(\d+)", a))]
    k = max(numbers, default=0) + 1
    while f"p{k}" in used:
        k += 1
    return f"p{k}"


def _merge_additions(ours: EgoNetwork, base: EgoNetwork, theirs: EgoNetwork, added: dict) -> tuple[EgoNetwork, dict]:
    """``ours`` with what another editor added to ``base`` (``theirs``), and our ids that changed.

    Our own new people whose id the other editor used meanwhile get a new id: theirs are on disk
    already (and the other editor knows them by it), ours not yet."""
    data = ours.to_dict()
    taken = set(theirs.all_alter_ids)
    ours_new = set(ours.all_alter_ids) - set(base.all_alter_ids)
    used = taken | set(ours.all_alter_ids)
    renamed = {}
    for old in sorted(ours_new & taken):
        new = _free_id(used)
        used.add(new)
        _rename_id(data, old, new)
        renamed[old] = new
    have = {a["alter_id"] for a in data["alters"]}
    data["alters"] += [a for a in added["alters"] if a["alter_id"] not in have]
    have = {a["alter_id"] for a in data["alters"]}
    pairs = {frozenset((x["source"], x["target"])) for x in data["ties"]}
    data["ties"] += [x for x in added["ties"] if x["source"] in have and x["target"] in have
                     and frozenset((x["source"], x["target"])) not in pairs]
    labels = {m["label"].casefold() for m in data.get("moments", [])}
    moments = data.get("moments", []) + [m for m in added["moments"] if m["label"].casefold() not in labels]
    if moments:
        data["moments"] = sorted(moments, key=lambda m: m["date"])  # stable: same-day order kept
    return EgoNetwork.from_dict(data, source=ours.source), renamed


def _working_snapshot(net: EgoNetwork) -> dict:
    """The working network as a moment would freeze it (for "is it kept in a moment?")."""
    data = {k: v for k, v in net.to_dict().items() if k not in ("moments", *CASE_KEYS)}
    return EgoNetwork.from_dict(data).to_dict()


# -- the state ----------------------------------------------------------------------------------

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
        The working network, with its moments (:attr:`EgoNetwork.moments`).
    viewing : str or None
        The label of the moment shown read-only (:meth:`view_moment`), or None for the working
        network.
    shown_network : EgoNetwork
        What the editor shows: the moment being viewed, else the working network.
    profile : pandas.Series
        :func:`netles.quality_profile` of the shown network.
    figure : plotly.graph_objects.Figure
        The netwerkcirkel of the shown network.
    message : str
        What the last action did (Dutch by default).
    problem : str or None
        The last thing that went wrong (a message for the user), or None.
    saved : bool
        Whether the last change is in :attr:`path` (False after a failed save).
    backup : pathlib.Path or None
        Where a corrupt autosave file was moved or copied to.
    rescue_path : pathlib.Path or None
        Where the last failed save put its backup copy (in :func:`backup_folder`).
    conflict_copy : pathlib.Path or None
        Where another editor's version of the file was kept when it could not be merged.

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
    >>> state.save_moment("intake", "2025-02-03")
    >>> [m.label for m in netles.read_network(path).moments]
    ['intake']
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
        self._draw = draw or _editor_drawing
        self._listeners: list[Callable[["EditorState"], None]] = []
        self.message = ""
        self.problem: str | None = None
        self.saved = True
        self.backup: Path | None = None
        self.rescue_path: Path | None = None
        self.conflict_copy: Path | None = None
        self.viewing: str | None = None
        self.last_update_seconds = 0.0
        self._notice = ""
        self._conflict = ""
        self._disk_hash: str | None = None  # what the file held when this editor last read or wrote it
        self._base: EgoNetwork | None = None  # the network that was in the file then
        self._protect: str | None = None  # why the file at path must not be written (unreadable, a folder)
        self._set(network, save=False)

    # -- plumbing -----------------------------------------------------------------------------
    def on_change(self, callback: Callable[["EditorState"], None]) -> None:
        """Call ``callback(state)`` after every change (the widget uses this to redraw)."""
        self._listeners.append(callback)

    @property
    def shown_network(self) -> EgoNetwork:
        """The moment being viewed, else the working network."""
        return self.network.moment(self.viewing) if self.viewing is not None else self.network

    def _redraw(self) -> None:
        shown = self.shown_network
        self.profile = quality_profile(shown)
        self.figure = self._draw(shown, self.lang)

    def _set(self, network: EgoNetwork, save: bool = True, message: str = "") -> None:
        start = time.perf_counter()
        self.network = network
        self.problem = None
        self._notice = ""
        self._renamed: dict[str, str] = {}
        saved = self.save() if save else True  # may merge in what another editor added
        self._redraw()
        if saved:
            self.message = message + self._notice
        elif message:
            self.message = message
        self.last_update_seconds = time.perf_counter() - start
        self._notify()

    def _notify(self) -> None:
        for callback in list(self._listeners):
            callback(self)

    def _fail(self, text: str) -> None:
        self.problem = text
        self._notify()

    def _editable(self) -> None:
        if self.viewing is not None:
            raise ValueError(_t("read_only", self.lang))

    def label(self, alter_id: str) -> str:
        """The name of an alter as shown to the user (its id when it has no name)."""
        record = self.shown_network.alter(alter_id)
        return record.get("name") or alter_id

    def _next_id(self) -> str:
        # ids of people in earlier moments stay theirs: a new person never gets a former person's id
        return _free_id(set(self.network.all_alter_ids))

    def _same_name(self, name: str, exclude: str | None = None) -> list[str]:
        key = _name_key(name)
        return [a for a in self.network.alter_ids if a != exclude and _name_key(self.network.alter(a).get("name")) == key]

    # -- changes ------------------------------------------------------------------------------
    def add_alter(self, name: str, relation: str, *, confirm_duplicate: bool = False, **fields: Any) -> str:
        """Add a person to the network.

        Parameters
        ----------
        name : str
            A pseudonym or initials (required; a name that looks like a real full name is kept,
            the widget warns about it).
        relation : str
            A code of :data:`netles.vocab.RELATION`.
        confirm_duplicate : bool
            Someone in the network already has this name and this is another person. Without it
            such a name is refused (:class:`DuplicateNameError`). A name of someone who was in an
            earlier moment but not now brings that person back with the same id, unless this is
            set.
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
            If the name is empty, or a moment is being viewed (read only).
        DuplicateNameError
            If someone already has the name and ``confirm_duplicate`` is not set.
        ValidationError
            If a field value is not allowed (the network is left unchanged).
        """
        self._editable()
        name = (name or "").strip()
        if not name:
            raise ValueError(_t("need_name", self.lang))
        if self._same_name(name) and not confirm_duplicate:
            raise DuplicateNameError(_t("duplicate_name", self.lang, name=name))
        alter_id, message = self._next_id(), _t("added", self.lang, name=name)
        if not confirm_duplicate:
            key = _name_key(name)
            for moment in reversed(self.network.moments):  # someone who left and comes back
                back = [a for a in moment.network.alter_ids
                        if a not in self.network.alter_ids and _name_key(moment.network.alter(a).get("name")) == key]
                if back:
                    alter_id, message = back[0], _t("returned", self.lang, name=name, label=moment.label)
                    break
        record = {"alter_id": alter_id, "name": name, "relation": relation}
        record.update({k: v for k, v in fields.items() if v is not None and v != [] and v != ()})
        if "support" in record:
            record["support"] = list(record["support"])
        self._set(self.network.with_alter(record), message=message)
        return self._renamed.get(alter_id, alter_id)  # another editor may have taken the id meanwhile

    def update_alter(self, alter_id: str, *, confirm_duplicate: bool = False, **changes: Any) -> None:
        """Change fields of one person (a value of None or an empty support list removes the field).

        A new name (or gender) of someone who is also in saved moments is changed there too: an id
        is one person, and a corrected pseudonym is the same person.

        Raises
        ------
        KeyError
            If there is no such alter.
        DuplicateNameError
            If another person already has the new name and ``confirm_duplicate`` is not set.
        ValidationError
            If a value is not allowed (the network is left unchanged).
        """
        self._editable()
        clean = {}
        for key, value in changes.items():
            if key == "support":
                value = list(value) if value else None
            if key == "name":
                value = (value or "").strip() or None
                if value is None:
                    raise ValueError(_t("need_name", self.lang))
                if self._same_name(value, exclude=alter_id) and not confirm_duplicate:
                    raise DuplicateNameError(_t("duplicate_name", self.lang, name=value))
            clean[key] = value
        current = self.network.alter(alter_id)
        identity = {k: clean.pop(k) for k in ("name", "gender") if k in clean and clean[k] != current.get(k)}
        in_moments = any(alter_id in m.network.alter_ids for m in self.network.moments)
        network = self.network
        extra = ""
        if identity and in_moments:
            network = network.with_identity(alter_id, **identity)
            extra = _t("renamed_everywhere", self.lang)
        else:
            clean.update(identity)
        network = network.with_alter_changes(alter_id, **clean)
        name = network.alter(alter_id).get("name") or alter_id
        self._set(network, message=_t("updated", self.lang, name=name) + extra)

    def remove_alter(self, alter_id: str) -> None:
        """Remove a person and the ties they had (earlier moments keep them).

        Raises
        ------
        KeyError
            If there is no such alter.
        """
        self._editable()
        name = self.label(alter_id)
        self._set(self.network.without_alter(alter_id), message=_t("removed", self.lang, name=name))

    def set_tie(self, a: str, b: str, known: bool) -> None:
        """Tick (``known=True``) or untick whether alters ``a`` and ``b`` know each other.

        Raises
        ------
        ValidationError
            If ``a`` or ``b`` is not an alter, or ``a == b``.
        """
        self._editable()
        if bool(known) == self.network.has_tie(a, b):
            return
        network = self.network.with_tie(a, b) if known else self.network.without_tie(a, b)
        key = "tie_on" if known else "tie_off"
        self._set(network, message=_t(key, self.lang, a=self.label(a), b=self.label(b)))

    # -- moments ------------------------------------------------------------------------------
    def save_moment(self, label: str, date: Any = None, note: str | None = None) -> None:
        """Freeze the working network as a moment (:meth:`netles.EgoNetwork.with_moment`) and save.

        Parameters
        ----------
        label : str
            A new, non-empty name ("intake").
        date : str or datetime.date, optional
            Default: today.
        note : str, optional

        Raises
        ------
        ValueError
            For an empty or used label, or while a moment is viewed.
        ValidationError
            For a date that is not a day.
        """
        self._editable()
        label = (label or "").strip()
        if not label:
            raise ValueError(_t("need_moment_label", self.lang))
        if any(m.label.casefold() == label.casefold() for m in self.network.moments):
            raise ValueError(_t("moment_exists", self.lang, label=label))
        date = datetime.date.today() if date is None else date
        note = (note or "").strip() or None
        network = self.network.with_moment(label, date, note=note)
        moment = next(m for m in network.moments if m.label == unicodedata.normalize("NFC", label))
        self._set(network, message=_t("moment_saved", self.lang, label=moment.label, date=_date(moment.date, self.lang)))

    def view_moment(self, label: str | None) -> None:
        """Show an earlier moment, read only (None: back to the working network).

        While a moment is viewed, :attr:`figure`, :attr:`profile` and the widget show it and every
        change is refused; :attr:`network` stays the working network.

        Raises
        ------
        KeyError
            If there is no moment with that label.
        """
        if label is None:
            self.back_to_working()
            return
        moment = next((m for m in self.network.moments if m.label == label), None)
        if moment is None:
            known = ", ".join(repr(m.label) for m in self.network.moments) or "none"
            raise KeyError(f"no moment {label!r} (moments: {known})")
        self.viewing = moment.label
        self._redraw()
        self.problem = None
        self.message = _t("viewing", self.lang, label=moment.label, date=_date(moment.date, self.lang))
        self._notify()

    def back_to_working(self) -> None:
        """Leave the moment being viewed; the editor shows the working network again."""
        was = self.viewing
        self.viewing = None
        self._redraw()
        if was is not None:
            self.problem = None
            self.message = _t("back", self.lang)
        self._notify()

    def start_from_last_moment(self) -> None:
        """Start the working network again from the last moment ("Nieuw moment vanaf het laatste").

        If the working network held changes that are in no moment, they are kept first as
        ``<name>.werkversie-<timestamp>.json`` beside the file (or in :func:`backup_folder`) and the
        message says where.

        Raises
        ------
        ValueError
            If there are no moments.
        """
        moments = self.network.moments
        if not moments:
            raise ValueError(_t("no_moments", self.lang))
        self.viewing = None
        last = moments[-1]
        extra = ""
        snapshot = _working_snapshot(self.network)
        if self.path is not None and not any(snapshot == m.network.to_dict() for m in moments):
            kept = self._keep_copy(network_to_json(self.network).encode("utf-8"), "werkversie")
            extra = _t("kept_working", self.lang, path=kept) if kept else _t("lost_working", self.lang)
        self._set(self.network.working_from_moment(last.label),
                  message=_t("from_last", self.lang, label=last.label, date=_date(last.date, self.lang)) + extra)

    # -- files ---------------------------------------------------------------------------------
    def _keep_copy(self, data: bytes, tag: str) -> Path | None:
        """Write ``data`` to a new file beside :attr:`path` (or in the backup folder); its path or None."""
        target = self.path if self.path is not None else Path("netwerk.json")
        for folder in (target.parent, backup_folder()):
            try:
                folder.mkdir(parents=True, exist_ok=True)
                return _atomic.atomic_write_bytes(_beside(target, tag, folder), data)
            except OSError:
                continue
        return None

    def _rescue(self, text: str) -> tuple[Path | None, str | None]:
        """Write a backup copy of the current network to the backup folder: (path, None) or (None, why)."""
        target = self.path if self.path is not None else Path("netwerk.json")
        # one copy per original file: its name carries a short hash of the full path
        tag = _sha(str(target.expanduser().absolute()).encode("utf-8"))[:8]
        try:
            folder = backup_folder()
            folder.mkdir(parents=True, exist_ok=True)
            return _atomic.atomic_write_text(folder / f"{target.stem}-{tag}{target.suffix or '.json'}", text), None
        except OSError as exc:
            return None, _reason(exc, self.lang)

    def _merge_external(self, target: Path) -> None:
        """If another editor changed ``target`` since this one read or wrote it: merge or keep both."""
        if self._disk_hash is None:
            return
        try:
            current = target.read_bytes()
        except OSError:  # gone (written again below) or unreadable (the write will say so)
            return
        if _sha(current) == self._disk_hash:
            return
        try:
            theirs = network_from_json(current, source=str(target))
        except ValidationError:
            copy = self._keep_copy(current, "ander-venster-kapot")
            self.conflict_copy = copy
            self._conflict = _t("other_corrupt", self.lang, path=target.name, copy=copy.name if copy else "-")
            return
        base = self._base if self._base is not None else theirs
        added = _additions(base, theirs)
        if added is not None:
            if not any(added.values()):
                return
            try:
                merged, self._renamed = _merge_additions(self.network, base, theirs, added)
            except ValidationError:
                added = None
            else:
                names = [a.get("name") or a["alter_id"] for a in added["alters"]]
                names += [f"moment '{m['label']}'" for m in added["moments"]]
                if added["ties"] and not names:
                    names = [("banden tussen contacten", "ties between contacts")[vocab.LANGUAGES.index(self.lang)]]
                self.network = merged
                self._notice += _t("merged", self.lang, path=target.name, what=", ".join(names))
                return
        copy = self._keep_copy(current, "ander-venster")
        self.conflict_copy = copy
        self._conflict = _t("conflict", self.lang, path=target.name, copy=copy.name if copy else "-")

    def save(self, path: str | os.PathLike | None = None) -> bool:
        """Write the network (with its moments) to ``path`` (default :attr:`path`) atomically.

        Before writing to :attr:`path`, a change made meanwhile by another editor is merged when it
        only added people, ties or moments; otherwise the other version is kept beside the file
        (:attr:`conflict_copy`) and :attr:`problem` says so. A failed write (full disk, read-only
        folder, a folder at the path) leaves the old file as it was, writes a backup copy to
        :func:`backup_folder` (:attr:`rescue_path`), sets :attr:`problem` to say that the change is
        NOT saved and where the copy is, and returns False; the network in memory is kept.

        Returns
        -------
        bool
            True when written (or when there is no file to write to).
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            return True
        self._conflict = ""
        try:
            if path is None and self._protect is not None:
                raise OSError(errno.EACCES, self._protect)
            if target.is_dir():
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
            if path is None or target == self.path:
                self._merge_external(target)
            text = network_to_json(self.network)
            _atomic.atomic_write_text(target, text)
        except OSError as exc:
            why = self._protect if (path is None and self._protect is not None) else _reason(exc, self.lang)
            text = network_to_json(self.network)
            rescue, rescue_why = self._rescue(text)
            self.rescue_path = rescue
            where = _t("rescued", self.lang, rescue=rescue) if rescue else _t("no_rescue", self.lang, why=rescue_why)
            self.problem = _t("save_failed", self.lang, path=target, why=why) + where
            self.saved = False
            return False
        self._disk_hash = _sha(text.encode("utf-8"))
        self._base = self.network
        self.saved = True
        self.rescue_path = None
        if self._conflict:
            self.problem = self._conflict
        if path is not None:
            self.path = target
            self._protect = None
        return True

    def save_as(self, path: str | os.PathLike) -> bool:
        """Save to another file and keep saving there (after a failed save, or to move the work).

        Returns
        -------
        bool
            True when written; otherwise :attr:`problem` says why.
        """
        target = Path(path).expanduser()
        if target.is_dir():
            self._fail(_t("save_as_folder", self.lang, path=target))
            return False
        self.problem = None
        self._disk_hash = None  # a new file: nothing to merge with
        ok = self.save(target)
        if ok:
            self.message = _t("saved_as", self.lang, path=target)
        self._notify()
        return ok

    def load(self, path: str | os.PathLike | None = None) -> bool:
        """Read the network from ``path`` (default :attr:`path`) and make it the current one.

        A file that cannot be read as a netles network (cut off, not JSON, invalid values) is
        moved aside to ``<name>.kapot-<timestamp>`` (:attr:`backup`), never overwritten; where the
        folder does not allow that, it is left alone and copied to :func:`backup_folder`.
        :attr:`problem` explains it in plain words and the current network stays. A path that is a
        folder or cannot be opened is never written to.

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
        self.path = target
        try:
            data = target.read_bytes()
        except FileNotFoundError:
            raise
        except OSError as exc:
            self._protect = _reason(exc, self.lang)
            self._fail(_t("unreadable", self.lang, path=target, why=self._protect))
            return False
        try:
            network = network_from_json(data, source=str(target))
        except ValidationError as exc:
            why = _why(exc, self.lang)
            backup = _backup_path(target)
            try:
                os.replace(target, backup)
                text = _t("corrupt", self.lang, path=target.name, why=why, backup=backup.name)
            except OSError:
                # a folder we may not change: leave the file, keep a copy elsewhere
                backup = None
                try:
                    folder = backup_folder()
                    folder.mkdir(parents=True, exist_ok=True)
                    backup = _atomic.atomic_write_bytes(_beside(target, "kapot", folder), data)
                    text = _t("corrupt_copied", self.lang, path=target, why=why, backup=backup)
                except OSError:
                    self._protect = why
                    text = _t("corrupt_kept", self.lang, path=target, why=why)
            self.backup = backup
            self._fail(text)
            return False
        self._disk_hash = _sha(data)
        self._base = network
        self.viewing = None
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
        ``net``, ``case`` or empty and the explanation stays in :attr:`problem`, followed by where
        the work is saved when it cannot be saved at ``path``.
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
            state._disk_hash = None
            saved = state.save()
            state.problem = problem if saved else f"{problem} {state.problem}"
            return state
        state.path = path
        if state.save():
            state.message = _t("created", lang, path=path.name)
        return state


def _date(iso: str, lang: str) -> str:
    from ..moments import format_date

    return format_date(iso, lang)


# -- drawing ----------------------------------------------------------------------------------------

EDITOR_FIGURE_SIZE = (900, 700)
"""Width and height (pixels) of the editor's netwerkcirkel, where :func:`netles.plots.netwerkcirkel`
takes a size: with the form beside it, it fits a 1366 x 768 screen and names are placed for it."""


def _netwerkcirkel(network: EgoNetwork, lang: str, size: tuple[int, int] = EDITOR_FIGURE_SIZE):
    """A netwerkcirkel with its ties, drawn at the size it is shown (names placed for that size)."""
    from ..plots import netwerkcirkel

    # Ties are drawn: the editor is where the student ticks who knows whom.
    width, height = size
    return netwerkcirkel(network, lang=lang, show_ties=True, width=width, height=height)


def _editor_drawing(network: EgoNetwork, lang: str):
    """The editor's netwerkcirkel, drawn at the size it is shown (names placed for that size)."""
    return _netwerkcirkel(network, lang)


def _show_editor_figure(figure, output: W.Output) -> None:
    """Show the editor's netwerkcirkel as drawn: it was drawn for its size, so it is never resized."""
    figure_output(figure, output)


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


OVERVIEW_COLUMNS = ("name", "relation", "circle", "contact", "support", "valence", "since")
"""The columns of the editor's overview table of people."""


def people_html(network: EgoNetwork, lang: str = "nl") -> str:
    """Everyone in the network as a small HTML table: Dutch labels, never codes; years as whole
    numbers (:func:`netles.vocab.readable_table`)."""
    if not network.size:
        return ""
    table = vocab.readable_table(network.alters, lang=lang, columns=list(OVERVIEW_COLUMNS))
    head = "".join(f'<th style="text-align:left;padding:1px 6px">{html.escape(str(c))}</th>' for c in table.columns)
    body = "".join(
        "<tr>" + "".join(f'<td style="padding:1px 6px">{html.escape(str(v))}</td>' for v in row) + "</tr>"
        for row in table.itertuples(index=False)
    )
    return (f'<table class="netles-people-table" style="border-collapse:collapse;font-size:12px;line-height:1.3">'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def people_options(network: EgoNetwork, lang: str = "nl") -> list[tuple[str, str]]:
    """``(shown text, alter id)`` for the editor's list: "Gijs (vriend(in))", or the name alone when
    it already says who it is ("Anja (zus)", never "Anja (zus) (broer of zus)"); a second person with
    the same name gets "nr. 2"."""
    out, seen = [], {}
    for alter_id in network.alter_ids:
        record = network.alter(alter_id)
        text = _person(record, lang)
        key = _name_key(text)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            text += f" · {'nr.' if lang == 'nl' else 'no.'} {seen[key]}"
        out.append((text, alter_id))
    return out


def moment_options(network: EgoNetwork, lang: str = "nl") -> list[tuple[str, str]]:
    """``(shown text, label)`` for the list of saved moments: "intake · 3 februari 2025 · 6 personen"."""
    out = []
    for m in network.moments:
        n = m.network.size
        people = _t("person" if n == 1 else "persons", lang)
        out.append((_t("moment_entry", lang, label=m.label, date=_date(m.date, lang), n=n, people=people), m.label))
    return out


# -- the widget ---------------------------------------------------------------------------------

def _options(vocabulary: vocab.Vocabulary, lang: str, empty: str | None = None) -> list:
    options = [(vocabulary.label(c, lang), c) for c in vocabulary.codes]
    # "" rather than None for the empty choice: a Dropdown treats value None as "nothing selected".
    return [(empty, ""), *options] if empty is not None else options


class _EditorWidget(W.VBox):
    """The editor's widget; its parts are attributes so tests can set values and click."""

    def __init__(self, state: EditorState):
        from .moments import moments_viewer

        lang = state.lang
        self.state = state
        self.lang = lang
        none = _t("none", lang)
        style = {"description_width": "128px"}

        def wide() -> W.Layout:  # every control its own Layout (a shared one hides all at once)
            return W.Layout(width="330px")

        def dropdown(field, empty=None, description=None):
            v = vocab.VOCABULARIES[field]
            return W.Dropdown(
                options=_options(v, lang, empty), description=description or v.field_label(lang).capitalize(),
                layout=wide(), style=style,
            )

        self.name = W.Text(description=_t("name", lang), placeholder=_t("name_placeholder", lang), layout=wide(),
                           style=style, continuous_update=True)
        self.name.add_class("netles-name")
        self.relation = dropdown("relation")
        self.relation.value = "friend"
        self.circle = W.Dropdown(
            options=[(_t("auto_circle", lang), ""), *[(f"{c} {vocab.CIRCLE.label(c, lang)}", c) for c in vocab.CIRCLE.codes]],
            description=vocab.CIRCLE.field_label(lang).capitalize(), layout=wide(), style=style,
        )
        self.gender = dropdown("gender", none)
        self.contact = dropdown("contact", none)
        self.travel = W.Text(description=_t("travel", lang), placeholder=_t("travel_placeholder", lang), layout=wide(), style=style)
        self.support = {
            code: W.Checkbox(description=vocab.SUPPORT.label(code, lang), value=False, indent=False, layout=W.Layout(width="162px"))
            for code in vocab.SUPPORT.codes
        }
        self.direction = dropdown("support_direction", none, description=("Richting" if lang == "nl" else "Direction"))
        self.valence = dropdown("valence", none)
        self.status = dropdown("status", none)

        self.add_button = W.Button(description=_t("add", lang), button_style="primary", icon="plus", layout=W.Layout(width="160px"))
        self.add_button.add_class("netles-add")
        self.update_button = W.Button(description=_t("update", lang), icon="save", layout=W.Layout(width="160px"), disabled=True)
        self.remove_button = W.Button(description=_t("remove", lang), button_style="danger", icon="trash", layout=W.Layout(width="160px"), disabled=True)
        self.new_button = W.Button(description=_t("new", lang), layout=W.Layout(width="160px"))
        self.initials_button = W.Button(description=_t("use_initials", lang), layout=W.Layout(width="auto", display="none"))
        self.other_person = W.Checkbox(description=_t("other_person", lang), value=False, indent=False,
                                       layout=W.Layout(width="330px", display="none"))
        self.other_person.add_class("netles-other-person")

        self.people = W.Select(options=[], description="", rows=7, layout=W.Layout(width="340px"))
        self.people.add_class("netles-people")
        self.ties_box = W.VBox(layout=W.Layout(max_height="130px", overflow="auto", width="340px"))
        self.tie_boxes: dict[str, W.Checkbox] = {}
        self._quiet = False
        self.message = W.HTML(layout=W.Layout(width="330px"))
        self.message.add_class("netles-message")
        self.warning = W.HTML(layout=W.Layout(width="330px"))
        self.warning.add_class("netles-warning")
        self.save_as_path = W.Text(placeholder=_t("save_as_placeholder", lang, example=Path.home() / "mijn_netwerk.json"),
                                   layout=W.Layout(width="220px"))
        self.save_as_button = W.Button(description=_t("save_as", lang), icon="save", layout=W.Layout(width="110px"))
        self.save_as_box = W.HBox([self.save_as_path, self.save_as_button], layout=W.Layout(display="none", width="340px"))
        self.save_as_box.add_class("netles-save-as")
        self.figure = W.Output(layout=W.Layout(min_width="640px", min_height="560px", overflow="auto"))
        self.figure.add_class("netles-figure")
        self.profile = W.HTML()
        self.profile.add_class("netles-profile-box")
        self.overview = W.HTML(layout=W.Layout(overflow="auto"))
        self.overview.add_class("netles-people-overview")

        # the banner while an earlier moment is shown read-only
        self.banner = W.HTML()
        self.back_button = W.Button(description=_t("back_to_working", lang), icon="arrow-left", button_style="warning",
                                    layout=W.Layout(width="260px"))
        self.back_button.add_class("netles-back-to-working")
        self.banner_box = W.HBox([self.banner, self.back_button],
                                 layout=W.Layout(display="none", border="2px solid #b26a00", padding="4px 8px", margin="0 0 6px 0",
                                                 align_items="center"))
        self.banner_box.add_class("netles-read-only")

        # moments
        self.moment_label = W.Text(description=_t("moment_label", lang), placeholder=_t("moment_label_placeholder", lang),
                                   layout=W.Layout(width="250px"), style={"description_width": "60px"})
        self.moment_label.add_class("netles-moment-label")
        self.moment_date = W.DatePicker(description=_t("moment_date", lang), value=datetime.date.today(),
                                        layout=W.Layout(width="230px"), style={"description_width": "50px"})
        self.moment_date.add_class("netles-moment-date")
        self.moment_note = W.Text(description=_t("moment_note", lang), placeholder=_t("moment_note_placeholder", lang),
                                  layout=W.Layout(width="300px"), style={"description_width": "60px"})
        self.save_moment_button = W.Button(description=_t("save_moment", lang), icon="camera", button_style="info",
                                           layout=W.Layout(width="190px"))
        self.save_moment_button.add_class("netles-save-moment")
        self.moment_list = W.Select(options=[], rows=4, layout=W.Layout(width="420px"))
        self.moment_list.add_class("netles-moment-list")
        self.view_button = W.Button(description=_t("view_moment", lang), icon="eye", layout=W.Layout(width="210px"))
        self.view_button.add_class("netles-view-moment")
        self.from_last_button = W.Button(description=_t("from_last_moment", lang), icon="copy", layout=W.Layout(width="260px"))
        self.from_last_button.add_class("netles-from-last-moment")
        self.viewer, self.viewer_state = moments_viewer(state.network, lang=lang)
        self.viewer.layout.display = None if state.network.moments else "none"

        support_grid = W.GridBox(list(self.support.values()), layout=W.Layout(grid_template_columns="165px 165px", width="330px"))
        form = W.VBox(
            [
                self.name, self.warning, self.initials_button, self.other_person, self.relation, self.circle, self.gender,
                self.contact, self.travel, W.HTML(f"<b>{_t('support', lang)}</b>"), support_grid, self.direction,
                self.valence, self.status,
                W.HBox([self.add_button, self.update_button]),
                W.HBox([self.remove_button, self.new_button]),
                self.message, self.save_as_box,
                W.HTML(f"<b>{_t('people', lang)}</b>"), self.people, W.HTML(f"<i>{_t('knows', lang)}</i>"), self.ties_box,
            ],
            layout=W.Layout(width="350px"),
        )
        # Two columns at 1366 px: the form with the list of people, and the netwerkcirkel at the
        # size it is drawn for with the profile and the overview under it. A narrower screen
        # (JupyterLab with its side bar open) puts the drawing under the form, at full size.
        drawing = W.VBox(
            [W.HTML(f"<b>{_t('map', lang)}</b>"), self.figure,
             W.HTML(f"<b>{_t('profile', lang)}</b>"), self.profile,
             W.HTML(f"<b>{_t('overview', lang)}</b>"), self.overview],
            layout=W.Layout(flex="1 1 640px", min_width="0"),
        )
        main = W.HBox([form, drawing], layout=W.Layout(flex_flow="row wrap", align_items="flex-start", width="100%"))
        moments_box = W.VBox(
            [W.HTML(f"<h4 style='margin:10px 0 2px 0'>{_t('moments', lang)}</h4>"
                    f"<p style='margin:0 0 4px 0;max-width:900px'>{html.escape(_t('moments_intro', lang))}</p>"),
             W.HBox([self.moment_label, self.moment_date, self.moment_note, self.save_moment_button],
                    layout=W.Layout(flex_flow="row wrap")),
             W.HTML(f"<i>{_t('saved_moments', lang)}</i>"),
             W.HBox([self.moment_list, W.VBox([self.view_button, self.from_last_button])], layout=W.Layout(flex_flow="row wrap")),
             self.viewer],
            layout=W.Layout(width="100%", border_top="1px solid #ccc", margin="8px 0 0 0"),
        )
        moments_box.add_class("netles-moments")
        super().__init__([self.banner_box, main, moments_box], layout=W.Layout(width="100%"))
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
        self.save_as_button.on_click(lambda _b: self.on_save_as())
        self.save_moment_button.on_click(lambda _b: self.on_save_moment())
        self.view_button.on_click(lambda _b: self.on_view_moment())
        self.back_button.on_click(lambda _b: self._run(state.back_to_working))
        self.from_last_button.on_click(lambda _b: self._run(state.start_from_last_moment))
        self.name.observe(lambda _c: self.check_name(), "value")
        self.people.observe(lambda c: self.on_select(c["new"]), "value")
        state.on_change(lambda _s: self.refresh())
        state.on_change(lambda s: self.viewer_state.set_network(s.network))
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
        self.message.value = f'<div style="color:#a40000;max-width:320px"><b>{html.escape(text)}</b></div>'

    def _run(self, action: Callable[[], Any]) -> Any:
        try:
            return action()
        except (ValueError, KeyError) as exc:  # ValidationError is a ValueError
            why = _why(exc, self.lang) if isinstance(exc, ValidationError) else (exc.args[0] if exc.args else str(exc))
            self._show_problem(_t("invalid", self.lang, why=why) if isinstance(exc, ValidationError) else str(why))
            return None

    # -- callbacks -----------------------------------------------------------------------------
    def on_add(self) -> str | None:
        fields = self._fields()
        if fields is None:
            return None
        confirm = self.other_person.value
        new_id = self._run(lambda: self.state.add_alter(self.name.value, confirm_duplicate=confirm, **fields))
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
        confirm = self.other_person.value
        self._run(lambda: self.state.update_alter(alter_id, name=self.name.value, confirm_duplicate=confirm, **fields))

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

    def on_save_as(self) -> None:
        target = self.save_as_path.value.strip()
        if not target:
            self._show_problem(_t("save_as_placeholder", self.lang, example=Path.home() / "mijn_netwerk.json"))
            return
        self.state.save_as(target)

    def on_save_moment(self) -> None:
        date = self.moment_date.value
        if date is None:
            self._show_problem(_t("need_moment_date", self.lang))
            return
        done = self._run(lambda: self.state.save_moment(self.moment_label.value, date, note=self.moment_note.value) or True)
        if done:
            self.moment_label.value = ""
            self.moment_note.value = ""

    def on_view_moment(self) -> None:
        label = self.moment_list.value
        if label is None:
            self._show_problem(_t("choose_moment", self.lang))
            return
        self.people.value = None
        self._run(lambda: self.state.view_moment(label))

    def on_select(self, alter_id: str | None) -> None:
        if self._quiet:
            return
        shown = self.state.shown_network
        editing = alter_id is not None and self.state.viewing is None
        self.update_button.disabled = not editing
        self.remove_button.disabled = not editing
        self._fill_ties(alter_id)
        if alter_id is None or alter_id not in shown.alter_ids:
            return
        record = shown.alter(alter_id)
        raw_circle = next(a.get("circle") for a in shown.to_dict()["alters"] if a["alter_id"] == alter_id)
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
        self.other_person.value = False

    def check_name(self) -> None:
        name = self.name.value
        warnings = []
        same = [a for a in self.state._same_name(name, exclude=self.people.value) if name.strip()]
        if same:
            warnings.append(_t("duplicate_name", self.lang, name=name.strip()))
        if looks_like_full_name(name):
            warnings.append(_t("full_name", self.lang, name=name.strip(), initials=initials(name)))
            self.initials_button.layout.display = None
        else:
            self.initials_button.layout.display = "none"
        self.other_person.layout.display = None if same else "none"
        if not same:
            self.other_person.value = False
        self.warning.value = "".join(f'<div style="color:#8a5a00;max-width:320px">{html.escape(w)}</div>' for w in warnings)

    def _fill_ties(self, alter_id: str | None) -> None:
        self.tie_boxes = {}
        shown = self.state.shown_network
        if alter_id is None or alter_id not in shown.alter_ids:
            self.ties_box.children = [W.HTML(f"<i>{_t('choose_for_ties', self.lang)}</i>")]
            return
        boxes = []
        read_only = self.state.viewing is not None
        for other in shown.alter_ids:
            if other == alter_id:
                continue
            box = W.Checkbox(value=shown.has_tie(alter_id, other), description=self.state.label(other), indent=False,
                             disabled=read_only)
            box.observe(lambda c, o=other, a=alter_id: self._run(lambda: self.state.set_tie(a, o, c["new"])), "value")
            self.tie_boxes[other] = box
            boxes.append(box)
        self.ties_box.children = boxes

    # -- drawing -------------------------------------------------------------------------------
    def _set_read_only(self, read_only: bool) -> None:
        controls = [self.name, self.relation, self.circle, self.gender, self.contact, self.travel, self.direction,
                    self.valence, self.status, self.add_button, self.new_button, self.initials_button, self.other_person,
                    self.moment_label, self.moment_date, self.moment_note, self.save_moment_button, *self.support.values()]
        for control in controls:
            control.disabled = read_only
        if read_only:
            self.update_button.disabled = True
            self.remove_button.disabled = True
        for box in self.tie_boxes.values():
            box.disabled = read_only

    def refresh(self) -> None:
        state = self.state
        shown = state.shown_network
        read_only = state.viewing is not None
        options = people_options(shown, self.lang)
        selected = self.people.value if self.people.value in shown.alter_ids else None
        if list(self.people.options) != options:
            # New options reset a Select to its first entry; keep the selection and do not let the
            # reset refill the form.
            self._quiet = True
            try:
                with self.people.hold_sync():  # one message: no in-between selection to echo back
                    self.people.options = options
                    self.people.value = selected
            finally:
                self._quiet = False
        if selected is None:
            self.update_button.disabled = True
            self.remove_button.disabled = True
        if set(self.tie_boxes) != set(shown.alter_ids) - {selected} or read_only != getattr(self, "_was_read_only", False):
            self._fill_ties(selected)
        self._was_read_only = read_only
        self._set_read_only(read_only)
        if read_only:
            moment = next(m for m in state.network.moments if m.label == state.viewing)
            self.banner.value = (f'<b style="color:#8a4b00">{html.escape(_t("viewing", self.lang, label=moment.label, date=_date(moment.date, self.lang)))}</b>')
            self.banner_box.layout.display = None
        else:
            self.banner.value = ""
            self.banner_box.layout.display = "none"
        _show_editor_figure(state.figure, self.figure)
        self.profile.value = profile_html(state.profile, self.lang)
        self.overview.value = people_html(shown, self.lang)
        moments = moment_options(state.network, self.lang)
        if list(self.moment_list.options) != moments:
            keep = self.moment_list.value if self.moment_list.value in [v for _, v in moments] else None
            with self.moment_list.hold_sync():
                self.moment_list.options = moments
                self.moment_list.value = keep if keep is not None else (moments[-1][1] if moments else None)
        self.view_button.disabled = not moments
        self.from_last_button.disabled = not moments
        self.viewer.layout.display = None if state.network.moments else "none"
        self.save_as_box.layout.display = None if not state.saved else "none"
        if state.problem:
            self._show_problem(state.problem)
        else:
            self.message.value = f'<div style="color:#1d5e20;max-width:320px">{html.escape(state.message)}</div>'


def network_editor(
    path: str | os.PathLike | None = None,
    net: EgoNetwork | None = None,
    case: str | None = None,
    lang: str = "nl",
) -> tuple[W.Widget, EditorState]:
    """An editor to map a network by clicking, saved on every change, with dated moments.

    Add, change and remove people (pseudonym, relation, circle, contact frequency, travel time,
    support functions with direction, valence, status), tick who knows whom, and see the
    netwerkcirkel, the quality profile and an overview table change at once. Enter in the name
    field adds the person. A name that looks like a real first and last name gets a warning and a
    button to use initials ("J. de V."); a name that someone in the network already has is refused
    unless "Andere persoon met dezelfde naam" is ticked.

    Under the editor: "Bewaar als moment" (name and date, default today) freezes the network as
    it is now; the list of saved moments; "Bekijk" shows an earlier moment read only (clearly
    marked, with a button back to the working version); "Nieuw moment vanaf het laatste" starts the
    working version again from the last moment; and the comparison of two moments
    (:func:`netles.widgets.moments_viewer`).

    Parameters
    ----------
    path : path-like, optional
        The autosave file (netles JSON). If it exists it is reopened, moments and all (so a kernel
        restart loses nothing); otherwise it is created from ``net``, ``case`` or an empty network.
        A file that cannot be read is moved to ``<name>.kapot-<timestamp>`` and never overwritten.
        Without a path nothing is saved (the editor says so).
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
        ``relation``, ``add_button``, ``people``, ``tie_boxes``, ``figure``, ``profile``,
        ``moment_label``, ``moment_date``, ``save_moment_button``, ``moment_list``,
        ``view_button``, ``back_button``, ``from_last_button``, ``viewer``...).

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
