"""Anonymising a dataset before it leaves the researcher: pseudonyms, coarsening, k-anonymity.

:func:`anonymise` turns a :class:`netles.Dataset` into one that can be shared for analysis:

* **pseudonyms**: every ego id and alter id is replaced by a keyed hash (HMAC-SHA256, truncated).
  The same key gives the same pseudonym, so a before and an after wave (or the moments of a
  dataset with moments) still link up; without the key nobody can recompute them. The key is
  never written into the output.
* **dropping**: only the coded fields of the data model stay (gender, relation, circle, sector,
  contact, support ...). Names, free text and study variables go (``name``, notes, a ``group``
  that may hold a care worker's name, a region), unless kept explicitly (``keep``) or every
  value comes from a declared code list (``codes``); the report says of every column whether it
  stayed and why;
* **coarsening**: age becomes an age band (``age_band``), travel time a class (``travel_class``);
* **k-anonymity**: egos are grouped by their quasi-identifiers (age band, gender and, where kept,
  group and region), counted in persons; egos in a group smaller than ``k`` are suppressed with
  their alters and ties at every moment, and a :class:`KAnonymityReport` says how many and which
  groups.

Rows come out sorted by moment (in the dataset's order) and pseudonym, so their order reveals
nothing about the original ids. :func:`problem_summary`, :func:`problem_counts` and
:func:`describe_problems` give what a shared report may say about the problems in the data:
counts per kind, never an id or a value.

References
----------
.. [1] Sweeney, L. (2002). k-anonymity: a model for protecting privacy. *International Journal
   of Uncertainty, Fuzziness and Knowledge-Based Systems*, 10(5), 557-570.
.. [2] Krawczyk, H., Bellare, M., & Canetti, R. (1997). HMAC: keyed-hashing for message
   authentication. RFC 2104.
"""
from __future__ import annotations

import hashlib
import hmac
import math
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from .longtables import SUPPORT_COLUMNS, Dataset
from .longtables import MOMENT

__all__ = [
    "anonymise",
    "pseudonym",
    "age_band",
    "travel_class",
    "KAnonymityReport",
    "DEFAULT_AGE_BANDS",
    "DEFAULT_TRAVEL_CLASSES",
    "QUASI_IDENTIFIERS",
    "problem_summary",
    "problem_counts",
    "describe_problems",
]

DEFAULT_AGE_BANDS = (18, 30, 45, 65, 80)
"""Lower bounds of the age bands after the first: 0-17, 18-29, 30-44, 45-64, 65-79, 80+."""
DEFAULT_TRAVEL_CLASSES = (15, 30, 60)
"""Travel-time class bounds in minutes: 0-14, 15-29, 30-59, 60+."""
QUASI_IDENTIFIERS = ("age_band", "gender", "group", "region")
"""Ego fields that together could single a person out; k-anonymity is checked on those present."""

# The columns of the data model that hold codes from a vocabulary (or a number on a fixed scale)
# are kept: their values cannot name anyone. Everything else is free text or a study variable.
_CODED_EGO = ("gender",)
_CODED_ALTER = ("relation", "circle", "sector", "gender", "contact", "support_direction", "valence", "status", "since",
                *SUPPORT_COLUMNS)
_CODED_TIE = ("weight",)
_STRUCTURE = ("ego_id", "alter_id", "source", "target", MOMENT)
_COARSENED = {"age": "age_band", "travel_minutes": "travel_class"}

KEPT_CODED = "a coded field of the data model"
KEPT_COARSENED = "coarsened"
KEPT_ASKED = "kept on request"
KEPT_CODE_LIST = "every value is in its declared code list"


def _key_bytes(key: bytes | str) -> bytes:
    if isinstance(key, str):
        key = key.encode("utf-8")
    if not isinstance(key, (bytes, bytearray)):
        raise TypeError(f"key must be bytes or text, not {type(key).__name__}")
    key = bytes(key).strip()
    if len(key) < 16:
        raise ValueError("the key must be at least 16 bytes (for example: python -c \"import secrets; print(secrets.token_hex(32))\")")
    return key


def pseudonym(key: bytes | str, *parts: object, length: int = 16, prefix: str = "") -> str:
    """A keyed pseudonym: HMAC-SHA256 of the parts, as ``length`` hex characters.

    Parameters
    ----------
    key : bytes or str
        The secret key (at least 16 bytes); it stays with the researcher.
    *parts : object
        What identifies the thing (an ego id; an ego id and an alter id).
    length : int
        Hex characters to keep (16 = 64 bits).
    prefix : str
        Put in front (``"e"`` for egos, ``"a"`` for alters) so a pseudonym never looks like a number.

    Examples
    --------
    >>> pseudonym("a secret key of 32 characters...", "client-17", prefix="e")
    'ebc6df06a7d3bb2b7'
    >>> pseudonym("a secret key of 32 characters...", "client-17", prefix="e") == pseudonym("another key, also long enough!!", "client-17", prefix="e")
    False
    """
    message = "\x1f".join(str(p) for p in parts).encode("utf-8")
    digest = hmac.new(_key_bytes(key), message, hashlib.sha256).hexdigest()
    return prefix + digest[:length]


def _band_labels(bounds: Sequence[float], unit: str = "") -> list[str]:
    bounds = list(bounds)
    labels = []
    low = 0
    for b in bounds:
        labels.append(f"{_n(low)}-{_n(b - 1)}{unit}")
        low = b
    labels.append(f"{_n(low)}+{unit}")
    return labels


def _n(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _bin(values: pd.Series, bounds: Sequence[float]) -> pd.Series:
    numbers = pd.to_numeric(values, errors="coerce").astype("float64")
    labels = _band_labels(bounds)
    index = np.searchsorted(np.asarray(bounds, dtype=float), numbers.to_numpy(), side="right")
    out = pd.Series([labels[i] if not math.isnan(v) else None for i, v in zip(index, numbers.to_numpy())], index=values.index, dtype=object)
    return out


def age_band(age: pd.Series, bounds: Sequence[float] = DEFAULT_AGE_BANDS) -> pd.Series:
    """Ages as band labels (missing stays missing).

    Examples
    --------
    >>> age_band(pd.Series([4, 17, 18, 54, 80, None])).tolist()
    ['0-17', '0-17', '18-29', '45-64', '80+', None]
    """
    return _bin(age, bounds)


def travel_class(minutes: pd.Series, bounds: Sequence[float] = DEFAULT_TRAVEL_CLASSES) -> pd.Series:
    """Travel times in minutes as class labels (missing stays missing).

    Examples
    --------
    >>> travel_class(pd.Series([2, 15, 45, 90])).tolist()
    ['0-14', '15-29', '30-59', '60+']
    """
    return _bin(minutes, bounds)


@dataclass
class KAnonymityReport:
    """What :func:`anonymise` did to a dataset: which columns stayed and why, and k-anonymity.

    Parameters
    ----------
    k : int
        The smallest group size allowed.
    quasi_identifiers : list of str
        The ego fields the groups are formed on.
    n_egos : int
        Egos (persons) before suppression; in a dataset with moments a person measured three times
        counts once.
    n_suppressed : int
        Egos suppressed (with their alters and ties, at every moment) because one of their groups
        was smaller than ``k``.
    classes : pandas.DataFrame
        One row per combination of quasi-identifier values: the values, ``egos`` (the number of
        persons with that combination) and ``suppressed`` (whether the group was removed).
    dropped_columns : dict
        Table -> the columns that were dropped.
    kept_columns : dict
        Table -> {column: why it was kept} for every column of the output besides the ids (a code
        of the data model; coarsened; kept on request; every value in a declared code list).
    dropped_reasons : dict
        Table -> {column: why it was dropped} (free text or a study variable, a name, a value
        outside its declared code list).
    """

    k: int
    quasi_identifiers: list
    n_egos: int
    n_suppressed: int
    classes: pd.DataFrame
    dropped_columns: dict = field(default_factory=dict)
    kept_columns: dict = field(default_factory=dict)
    dropped_reasons: dict = field(default_factory=dict)

    @property
    def n_kept(self) -> int:
        """Egos in the anonymised dataset."""
        return self.n_egos - self.n_suppressed

    @property
    def smallest_class(self) -> int | None:
        """Size of the smallest group that was kept (None when nothing was kept)."""
        kept = self.classes.loc[~self.classes["suppressed"], "egos"]
        return int(kept.min()) if len(kept) else None

    def to_frame(self) -> pd.DataFrame:
        """The groups (a copy)."""
        return self.classes.copy()

    def columns_frame(self, lang: str = "en") -> pd.DataFrame:
        """One row per column of the input: ``table``, ``column``, ``kept`` (bool) and ``reason``.

        Ids are left out (they are always replaced by pseudonyms). ``lang="nl"`` gives the
        reasons in Dutch (a reason given with ``keep`` is shown as it was given).
        """
        rows = []
        for table in ("egos", "alters", "ties"):
            for column, reason in self.kept_columns.get(table, {}).items():
                rows.append((table, column, True, _reason(reason, lang)))
            for column, reason in self.dropped_reasons.get(table, {}).items():
                rows.append((table, column, False, _reason(reason, lang)))
        return pd.DataFrame(rows, columns=["table", "column", "kept", "reason"])

    def describe(self, lang: str = "nl") -> str:
        """k-anonymity in one plain sentence, Dutch or English.

        Examples
        --------
        >>> report = KAnonymityReport(5, ["age_band", "gender"], 120, 1, pd.DataFrame({"egos": [1, 6], "suppressed": [True, False]}))
        >>> report.describe()
        'Iedere combinatie van leeftijdsgroep en gender moet minstens 5 keer voorkomen. Daardoor vallen 1 van de 120 personen weg (in 1 te kleine groep); de kleinste groep die blijft telt 6 personen.'
        """
        nl = lang == "nl"
        words = {"age_band": ("leeftijdsgroep", "age band"), "gender": ("gender", "gender"), "group": ("groep", "group"),
                 "region": ("regio", "region")}
        names = [words.get(q, (q, q))[0 if nl else 1] for q in self.quasi_identifiers] or [("kenmerken" if nl else "attributes")]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + (" en " if nl else " and ") + names[-1]
        n_small = int(self.classes["suppressed"].sum()) if len(self.classes) else 0
        if nl:
            text = (f"Iedere combinatie van {joined} moet minstens {self.k} keer voorkomen. Daardoor vallen "
                    f"{self.n_suppressed} van de {self.n_egos} personen weg (in {n_small} te kleine groep{'en' if n_small != 1 else ''})")
            if self.smallest_class is not None:
                text += f"; de kleinste groep die blijft telt {self.smallest_class} personen"
        else:
            text = (f"Every combination of {joined} must occur at least {self.k} times. So {self.n_suppressed} of the "
                    f"{self.n_egos} people are left out (in {n_small} group{'s' if n_small != 1 else ''} too small)")
            if self.smallest_class is not None:
                text += f"; the smallest group kept has {self.smallest_class} people"
        return text + "."

    def columns_table(self, lang: str = "nl", tables: Iterable[str] = ("egos", "alters", "ties")) -> pd.DataFrame:
        """Which columns were kept and why, ready to show (Dutch or English headers and reasons)."""
        nl = lang == "nl"
        frame = self.columns_frame(lang)
        frame = frame[frame["table"].isin(list(tables))]
        names = {"egos": ("personen", "egos"), "alters": ("netwerkleden", "alters"), "ties": ("banden", "ties")}
        return pd.DataFrame({
            ("tabel" if nl else "table"): frame["table"].map(lambda t: names[t][0 if nl else 1]),
            ("kolom" if nl else "column"): frame["column"],
            ("blijft" if nl else "kept"): frame["kept"].map(lambda k: ("ja" if k else "nee") if nl else ("yes" if k else "no")),
            ("waarom" if nl else "why"): frame["reason"],
        }).reset_index(drop=True)

    def text(self) -> str:
        """The report in plain words: k-anonymity, then every kept and dropped column with the reason."""
        lines = [str(self)]
        for table in ("egos", "alters", "ties"):
            kept = self.kept_columns.get(table, {})
            gone = self.dropped_reasons.get(table, {})
            if kept:
                lines.append(f"{table}: kept " + "; ".join(f"{c} ({r})" for c, r in kept.items()))
            if gone:
                lines.append(f"{table}: dropped " + "; ".join(f"{c} ({r})" for c, r in gone.items()))
        return "\n".join(lines)

    def __str__(self) -> str:
        qi = ", ".join(self.quasi_identifiers) or "none"
        n_small = int(self.classes["suppressed"].sum())
        text = (
            f"k-anonymity with k={self.k} on {qi}: {self.n_kept} of {self.n_egos} egos kept, "
            f"{self.n_suppressed} suppressed in {n_small} group(s) smaller than {self.k}"
        )
        if self.smallest_class is not None:
            text += f"; smallest group kept: {self.smallest_class}"
        return text


_FREE = "free text or a study variable: keep it explicitly, or declare its code list"
_REASONS_NL = {
    KEPT_CODED: "een gecodeerd veld van het datamodel",
    KEPT_COARSENED: "grover ingedeeld",
    KEPT_ASKED: "op verzoek bewaard",
    KEPT_CODE_LIST: "elke waarde staat in de opgegeven codelijst",
    "a name": "een naam",
    _FREE: "vrije tekst of een onderzoeksvariabele: bewaar hem uitdrukkelijk, of geef zijn codelijst op",
    "holds values outside its declared code list": "bevat waarden buiten de opgegeven codelijst",
}


def _reason(reason: str, lang: str) -> str:
    if lang != "nl":
        return reason
    if reason.startswith("coarsened into "):
        return "grover ingedeeld als " + reason.removeprefix("coarsened into ")
    return _REASONS_NL.get(reason, reason)


def _why_dropped(column: str) -> str:
    if column == "name":
        return "a name"
    return _FREE


def _sort_order(frame: pd.DataFrame, ids: list[str], moment_rank: dict | None) -> pd.DataFrame:
    """Rows sorted by moment (in the dataset's order, so a reader finds the moments in order), then ids."""
    if moment_rank is None or MOMENT not in frame.columns:
        return frame.sort_values(ids).reset_index(drop=True)
    rank = frame[MOMENT].astype(object).map(lambda m: moment_rank.get(str(m), len(moment_rank)))
    return (frame.assign(_netles_rank=rank.to_numpy()).sort_values(["_netles_rank", *ids])
            .drop(columns="_netles_rank").reset_index(drop=True))


def anonymise(
    ds: Dataset,
    key: bytes | str,
    k: int = 5,
    *,
    quasi_identifiers: Iterable[str] = QUASI_IDENTIFIERS,
    keep: Iterable[str] | Mapping[str, str] = (),
    codes: Mapping[str, Iterable] | None = None,
    age_bands: Sequence[float] = DEFAULT_AGE_BANDS,
    travel_classes: Sequence[float] = DEFAULT_TRAVEL_CLASSES,
    id_length: int = 16,
) -> tuple[Dataset, KAnonymityReport]:
    """Pseudonymise, strip, coarsen and k-anonymise a dataset.

    What stays, column by column (the report lists each column with the reason):

    * ids (``ego_id``, ``alter_id``, tie ends) become keyed pseudonyms; ``moment`` stays;
    * the coded fields of the data model stay (ego ``gender``; alter ``relation``, ``circle``,
      ``sector``, ``gender``, ``contact``, ``support_*``, ``support_direction``, ``valence``,
      ``status``, ``since``; tie ``weight``): their values are codes, never a name;
    * ``age`` becomes ``age_band`` and ``travel_minutes`` becomes ``travel_class``;
    * every other column is free text or a study variable (a ``group`` that may hold a care
      worker's name, a region, notes, names) and is dropped, unless it is kept on request
      (``keep``) or every one of its values comes from its declared code list (``codes``).

    Parameters
    ----------
    ds : Dataset
        The dataset (from :func:`netles.read_dataset` or :meth:`Dataset.from_networks`); it is not
        changed. With moments, the same person keeps the same pseudonym at every moment.
    key : bytes or str
        Secret key for the pseudonyms (at least 16 bytes). Keep it outside the output: with it,
        later waves get the same pseudonyms; without it nobody can link them back.
    k : int
        Smallest group size on the quasi-identifiers, counted in persons; egos in smaller groups
        are suppressed (at every moment). ``k=1`` suppresses nothing.
    quasi_identifiers : iterable of str
        Ego fields to group on (those absent from the output are skipped). ``age_band`` is the
        coarsened age.
    keep : iterable of str, or dict of column -> reason
        Columns to keep although they are free text or a study variable (for example the column
        a report compares, or ``name`` for agreed pseudonyms; a dataset with names is still
        refused by the writer unless ``allow_names=True``). The reason goes into the report.
        Ids are always pseudonymised.
    codes : dict of column -> values, optional
        Declared code lists: such a column is kept when every value in it is one of its codes,
        and dropped (the report says so, without the value) when one is not.
    age_bands, travel_classes : sequence of number
        Band bounds (see :data:`DEFAULT_AGE_BANDS`, :data:`DEFAULT_TRAVEL_CLASSES`).
    id_length : int
        Hex characters per pseudonym (16 = 64 bits; at least 8).

    Returns
    -------
    (Dataset, KAnonymityReport)
        The anonymised dataset (its ``meta`` says it is anonymised and with which k, never the
        key) and the report.

    Raises
    ------
    ValueError
        For a key shorter than 16 bytes, ``k < 1``, or two ids that get the same pseudonym.

    Examples
    --------
    >>> from netles import datasets
    >>> ds = Dataset.from_networks([datasets.load_case("voorbeeld")])
    >>> anon, report = anonymise(ds, key="a secret key of 32 characters...", k=1)
    >>> anon.egos.columns.tolist()
    ['ego_id', 'gender', 'age_band']
    >>> "name" in anon.alters.columns, anon.alters["travel_class"].value_counts().sort_index().to_dict()
    (False, {'0-14': 2, '15-29': 2, '30-59': 1, '60+': 1})
    >>> print(report)
    k-anonymity with k=1 on age_band, gender: 1 of 1 egos kept, 0 suppressed in 0 group(s) smaller than 1; smallest group kept: 1
    >>> report.dropped_reasons["egos"]["group"]
    'free text or a study variable: keep it explicitly, or declare its code list'
    >>> anonymise(ds, key="a secret key of 32 characters...", k=1, codes={"group": ["voorbeeld"]})[1].kept_columns["egos"]["group"]
    'every value is in its declared code list'
    >>> len(anonymise(ds, key="a secret key of 32 characters...", k=5)[0])
    0
    """
    key = _key_bytes(key)
    if int(k) != k or k < 1:
        raise ValueError(f"k must be a whole number of at least 1, not {k!r}")
    if id_length < 8:
        raise ValueError("id_length must be at least 8 hex characters")
    asked = dict(keep) if isinstance(keep, Mapping) else {c: KEPT_ASKED for c in keep}
    declared = {c: {str(v) for v in values} for c, values in (codes or {}).items()}
    egos, alters, ties = ds.egos.copy(), ds.alters.copy(), ds.ties.copy()
    dropped, kept_why, dropped_why = {}, {}, {}

    # -- coarsen before dropping: age -> age_band, travel_minutes -> travel_class
    if "age" in egos:
        egos["age_band"] = age_band(egos["age"], age_bands)
    if "age" in alters:
        alters["age_band"] = age_band(alters["age"], age_bands)
    if "travel_minutes" in alters:
        alters["travel_class"] = travel_class(alters["travel_minutes"], travel_classes)
    coarse = set(_COARSENED.values())

    def strip(frame, coded, name):
        kept, gone, why_kept, why_gone = [], [], {}, {}
        for column in frame.columns:
            if column in _STRUCTURE:
                kept.append(column)
            elif column in asked:
                kept.append(column)
                why_kept[column] = asked[column]
            elif column in coded:
                kept.append(column)
                why_kept[column] = KEPT_CODED
            elif column in coarse:
                kept.append(column)
                why_kept[column] = KEPT_COARSENED
            elif column in _COARSENED and _COARSENED[column] in frame.columns:
                gone.append(column)
                why_gone[column] = f"coarsened into {_COARSENED[column]}"
            elif column in declared:
                values = frame[column].dropna().astype(str)
                if values.isin(declared[column]).all():
                    kept.append(column)
                    why_kept[column] = KEPT_CODE_LIST
                else:
                    gone.append(column)
                    why_gone[column] = "holds values outside its declared code list"
            else:
                gone.append(column)
                why_gone[column] = _why_dropped(column)
        dropped[name], kept_why[name], dropped_why[name] = gone, why_kept, why_gone
        return frame[kept].copy()

    egos = strip(egos, _CODED_EGO, "egos")
    alters = strip(alters, _CODED_ALTER, "alters")
    ties = strip(ties, _CODED_TIE, "ties")

    # -- k-anonymity on the egos, counted in persons (an ego measured at three moments is one person)
    present = [q for q in quasi_identifiers if q in egos.columns]
    persons = pd.unique(egos["ego_id"].astype(object))
    n_egos = len(persons)
    if present and len(egos):
        values = egos[present].astype(object).where(egos[present].notna(), "(missing)")
        combos = values.assign(_netles_ego=egos["ego_id"].astype(object).to_numpy()).drop_duplicates()
        size = combos.groupby(present, dropna=False)["_netles_ego"].transform("size")
        suppressed = set(combos.loc[(size < k).to_numpy(), "_netles_ego"])
        classes = combos.groupby(present, dropna=False).size().rename("egos").reset_index()
    else:
        suppressed = set() if n_egos >= k else set(persons)
        classes = pd.DataFrame({"egos": [n_egos]} if n_egos else {"egos": []})
    classes["suppressed"] = classes["egos"] < k
    classes = classes.sort_values([*present, "egos"] if present else ["egos"]).reset_index(drop=True)
    egos = egos[~egos["ego_id"].isin(suppressed)]
    alters = alters[~alters["ego_id"].isin(suppressed)]
    ties = ties[~ties["ego_id"].isin(suppressed)]

    # -- pseudonyms (after suppression: a suppressed ego leaves no trace, not even a hash)
    ego_map = {e: pseudonym(key, "ego", e, length=id_length, prefix="e") for e in pd.unique(egos["ego_id"].astype(object))}
    if len(set(ego_map.values())) != len(ego_map):
        raise ValueError("two ego ids got the same pseudonym; use a larger id_length")
    alter_keys = list(zip(alters["ego_id"].astype(object), alters["alter_id"].astype(object)))
    alter_map = {(e, a): pseudonym(key, "alter", e, a, length=id_length, prefix="a") for e, a in dict.fromkeys(alter_keys)}
    if len(set(alter_map.values())) != len(alter_map):
        raise ValueError("two alter ids got the same pseudonym; use a larger id_length")
    tie_egos = ties["ego_id"].astype(object).tolist()
    egos["ego_id"] = egos["ego_id"].astype(object).map(ego_map)
    alters["alter_id"] = [alter_map[key_] for key_ in alter_keys]
    alters["ego_id"] = alters["ego_id"].astype(object).map(ego_map)
    ties["source"] = [alter_map.get((e, s)) for e, s in zip(tie_egos, ties["source"].astype(object))]
    ties["target"] = [alter_map.get((e, t)) for e, t in zip(tie_egos, ties["target"].astype(object))]
    ties["ego_id"] = [ego_map.get(e) for e in tie_egos]
    # undirected ties: put the smaller pseudonym first so the original direction leaks nothing
    lo = np.where(ties["source"].astype(str) <= ties["target"].astype(str), ties["source"], ties["target"])
    hi = np.where(ties["source"].astype(str) <= ties["target"].astype(str), ties["target"], ties["source"])
    ties["source"], ties["target"] = lo, hi

    moment_rank = {m: i for i, m in enumerate(ds.moments)} if ds.has_moments else None
    egos = _sort_order(egos, ["ego_id"], moment_rank)
    alters = _sort_order(alters, ["ego_id", "alter_id"], moment_rank)
    ties = _sort_order(ties, ["ego_id", "source", "target"], moment_rank)
    for column in SUPPORT_COLUMNS:
        if column in alters:
            alters[column] = alters[column].astype(bool)

    report = KAnonymityReport(int(k), present, n_egos, len(suppressed), classes, dropped, kept_why, dropped_why)
    out = Dataset(egos, alters, ties, source=None)
    out.meta = {
        "anonymised": True,
        "k": int(k),
        "quasi_identifiers": present,
        "age_bands": _band_labels(age_bands),
        "travel_classes": _band_labels(travel_classes),
        "k_anonymity": report,
    }
    if ds.has_moments:
        out.meta["moment_order"] = list(ds.moments)
    return out, report


OTHER_KIND = "(a file or row that could not be read)"
"""The kind :func:`problem_summary` gives a problem that names no field."""


def problem_summary(report, *, notes: bool = False) -> pd.DataFrame:
    """A validation report as counts per kind: what a shared report may show of the problems.

    The kind of a problem is the field (column) it is in; a problem in no field (a row or file
    that could not be read) is :data:`OTHER_KIND`. No id, value, file name or row number is in
    the result: those stay in the full report, for the researcher only.

    Parameters
    ----------
    report : netles.validation.ValidationReport
        ``ds.meta["problems"]``.
    notes : bool
        Count the notes (warnings, which leave no ego out) instead of the problems.

    Returns
    -------
    pandas.DataFrame
        Columns ``kind``, ``count`` and ``egos`` (how many egos have one; for notes 0), most
        frequent first.

    Examples
    --------
    >>> from netles.validation import ValidationReport
    >>> from netles.errors import Problem
    >>> report = ValidationReport([Problem("'neef' is not a known value", file="alters.csv", row=3, ego="c17", field="relation"),
    ...                            Problem("'tante' is not a known value", file="alters.csv", row=9, ego="c17", field="relation"),
    ...                            Problem("has 3 values but the header has 2 columns", file="egos.csv", row=4)],
    ...                           n_egos=40, kept=[], excluded=["c17"])
    >>> problem_summary(report).to_dict("records")
    [{'kind': 'relation', 'count': 2, 'egos': 1}, {'kind': '(a file or row that could not be read)', 'count': 1, 'egos': 0}]
    """
    items = (report.warnings if notes else report.problems) if report is not None else []
    rows = [(p.field if p.field else OTHER_KIND, None if notes else (p.ego, p.moment)) for p in items]
    frame = pd.DataFrame(rows, columns=["kind", "who"])
    if frame.empty:
        return pd.DataFrame({"kind": pd.Series(dtype=object), "count": pd.Series(dtype=int), "egos": pd.Series(dtype=int)})
    out = frame.groupby("kind", sort=False).agg(
        count=("kind", "size"),
        egos=("who", lambda who: len({w for w in who if w is not None and w[0] is not None})),
    ).reset_index()
    return out.sort_values(["count", "kind"], ascending=[False, True], kind="stable").reset_index(drop=True)


def problem_counts(report) -> dict:
    """What a shared report may say about the problems of a dataset: counts only (JSON-ready).

    Returns
    -------
    dict
        ``egos`` (egos, or ego-moments, in the input), ``kept``, ``excluded``, ``problems`` and
        ``notes``: lists of ``{"kind", "count", "egos"}`` (see :func:`problem_summary`).

    Examples
    --------
    >>> from netles.validation import ValidationReport
    >>> problem_counts(ValidationReport([], n_egos=3, kept=["a", "b", "c"]))
    {'egos': 3, 'kept': 3, 'excluded': 0, 'problems': [], 'notes': []}
    """
    if report is None:
        return {"egos": None, "kept": None, "excluded": 0, "problems": [], "notes": []}

    def records(frame):
        return [{"kind": str(r.kind), "count": int(r.count), "egos": int(r.egos)} for r in frame.itertuples()]

    return {"egos": int(report.n_egos), "kept": len(report.kept), "excluded": len(report.excluded),
            "problems": records(problem_summary(report)), "notes": records(problem_summary(report, notes=True))}


def describe_problems(counts: dict, lang: str = "nl") -> str:
    """The problem counts of :func:`problem_counts` in plain words (Markdown), for a shared report.

    Examples
    --------
    >>> print(describe_problems({"egos": 40, "kept": 39, "excluded": 1, "notes": [],
    ...                          "problems": [{"kind": "relation", "count": 2, "egos": 1}]}))
    40 personen ingelezen; 39 kunnen worden gebruikt, 1 valt weg door een fout in de gegevens.
    <BLANKLINE>
    Problemen per soort (zonder nummers of waarden; de details heeft alleen de onderzoeker):
    <BLANKLINE>
    - relation: 2 (bij 1 persoon)
    """
    nl = lang == "nl"
    if counts.get("egos") is None:
        return "Geen verslag van de controle." if nl else "No report of the check."
    if nl:
        lines = [f"{counts['egos']} personen ingelezen; {counts['kept']} kunnen worden gebruikt"
                 + (f", {counts['excluded']} {'valt' if counts['excluded'] == 1 else 'vallen'} weg door een fout in de gegevens."
                    if counts["excluded"] else ". Er zijn geen fouten gevonden.")]
    else:
        lines = [f"{counts['egos']} egos read; {counts['kept']} can be used"
                 + (f", {counts['excluded']} left out because of an error in the data." if counts["excluded"]
                    else ". No errors were found.")]
    for key, heading in (("problems", ("Problemen per soort", "Problems per kind")), ("notes", ("Opmerkingen per soort", "Notes per kind"))):
        items = counts.get(key) or []
        if not items:
            continue
        lines += ["", heading[0 if nl else 1] + (" (zonder nummers of waarden; de details heeft alleen de onderzoeker):" if nl
                                                  else " (no ids or values; only the researcher has the details):"), ""]
        for item in items:
            kind = ("een bestand of rij die niet te lezen was" if nl else "a file or row that could not be read") \
                if item["kind"] == OTHER_KIND else item["kind"]
            who = ""
            if key == "problems" and item["egos"]:
                who = (f" (bij {item['egos']} {'persoon' if item['egos'] == 1 else 'personen'})" if nl
                       else f" ({item['egos']} ego{'s' if item['egos'] != 1 else ''})")
            lines.append(f"- {kind}: {item['count']}{who}")
    return "\n".join(lines)
