"""Anonymising a dataset before it leaves the researcher: pseudonyms, coarsening, k-anonymity.

:func:`anonymise` turns a :class:`netles.Dataset` into one that can be shared for analysis:

* **pseudonyms**: every ego id and alter id is replaced by a keyed hash (HMAC-SHA256, truncated).
  The same key gives the same pseudonym, so a before and an after wave still link up; without
  the key nobody can recompute them. The key is never written into the output.
* **dropping**: names and free text (``name``, notes, a case's vignette) and every column that is
  not part of the data model go, unless explicitly kept;
* **coarsening**: age becomes an age band (``age_band``), travel time a class (``travel_class``);
* **k-anonymity**: egos are grouped by their quasi-identifiers (age band, gender, group, region,
  where present); egos in a group smaller than ``k`` are suppressed with their alters and ties,
  and a :class:`KAnonymityReport` says how many and which groups.

Rows come out sorted by pseudonym, so their order reveals nothing about the original ids.

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
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from .dataset import DATASET_ALTER_COLUMNS, DATASET_EGO_COLUMNS, DATASET_TIE_COLUMNS, SUPPORT_COLUMNS, Dataset

__all__ = [
    "anonymise",
    "pseudonym",
    "age_band",
    "travel_class",
    "KAnonymityReport",
    "DEFAULT_AGE_BANDS",
    "DEFAULT_TRAVEL_CLASSES",
    "QUASI_IDENTIFIERS",
]

DEFAULT_AGE_BANDS = (18, 30, 45, 65, 80)
"""Lower bounds of the age bands after the first: 0-17, 18-29, 30-44, 45-64, 65-79, 80+."""
DEFAULT_TRAVEL_CLASSES = (15, 30, 60)
"""Travel-time class bounds in minutes: 0-14, 15-29, 30-59, 60+."""
QUASI_IDENTIFIERS = ("age_band", "gender", "group", "region")
"""Ego fields that together could single a person out; k-anonymity is checked on those present."""

_DROPPED_ALTER = ("name", "age", "travel_minutes")
_EGO_KEEP = tuple(c for c in DATASET_EGO_COLUMNS if c != "age") + ("region",)
_ALTER_KEEP = tuple(c for c in DATASET_ALTER_COLUMNS if c not in _DROPPED_ALTER)
_TIE_KEEP = DATASET_TIE_COLUMNS


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
    """What k-anonymity did to a dataset.

    Parameters
    ----------
    k : int
        The smallest group size allowed.
    quasi_identifiers : list of str
        The ego fields the groups are formed on.
    n_egos : int
        Egos before suppression.
    n_suppressed : int
        Egos suppressed (with their alters and ties) because their group was smaller than ``k``.
    classes : pandas.DataFrame
        One row per combination of quasi-identifier values: the values, ``egos`` (group size) and
        ``suppressed`` (whether the group was removed).
    dropped_columns : dict
        Table -> the columns that were dropped.
    """

    k: int
    quasi_identifiers: list
    n_egos: int
    n_suppressed: int
    classes: pd.DataFrame
    dropped_columns: dict = field(default_factory=dict)

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


def anonymise(
    ds: Dataset,
    key: bytes | str,
    k: int = 5,
    *,
    quasi_identifiers: Iterable[str] = QUASI_IDENTIFIERS,
    keep: Iterable[str] = (),
    age_bands: Sequence[float] = DEFAULT_AGE_BANDS,
    travel_classes: Sequence[float] = DEFAULT_TRAVEL_CLASSES,
    id_length: int = 16,
) -> tuple[Dataset, KAnonymityReport]:
    """Pseudonymise, strip, coarsen and k-anonymise a dataset.

    Parameters
    ----------
    ds : Dataset
        The dataset (from :func:`netles.read_dataset` or :meth:`Dataset.from_networks`); it is not
        changed.
    key : bytes or str
        Secret key for the pseudonyms (at least 16 bytes). Keep it outside the output: with it,
        later waves get the same pseudonyms; without it nobody can link them back.
    k : int
        Smallest group size on the quasi-identifiers; egos in smaller groups are suppressed.
        ``k=1`` suppresses nothing.
    quasi_identifiers : iterable of str
        Ego fields to group on (those absent from the dataset are skipped). ``age_band`` is the
        coarsened age.
    keep : iterable of str
        Extra columns to keep although they are not part of the data model (for example a study
        variable, or ``name`` for agreed pseudonyms; a dataset with names is still refused by the
        writer unless ``allow_names=True``). Ids are always pseudonymised.
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
    ['ego_id', 'gender', 'group', 'age_band']
    >>> "name" in anon.alters.columns, anon.alters["travel_class"].value_counts().sort_index().to_dict()
    (False, {'0-14': 2, '15-29': 2, '30-59': 1, '60+': 1})
    >>> print(report)
    k-anonymity with k=1 on age_band, gender, group: 1 of 1 egos kept, 0 suppressed in 0 group(s) smaller than 1; smallest group kept: 1
    >>> len(anonymise(ds, key="a secret key of 32 characters...", k=5)[0])
    0
    """
    key = _key_bytes(key)
    if int(k) != k or k < 1:
        raise ValueError(f"k must be a whole number of at least 1, not {k!r}")
    if id_length < 8:
        raise ValueError("id_length must be at least 8 hex characters")
    keep = tuple(keep)
    egos, alters, ties = ds.egos.copy(), ds.alters.copy(), ds.ties.copy()
    dropped = {}

    # -- coarsen before dropping: age -> age_band, travel_minutes -> travel_class
    if "age" in egos:
        egos["age_band"] = age_band(egos["age"], age_bands)
    if "age" in alters:
        alters["age_band"] = age_band(alters["age"], age_bands)
    if "travel_minutes" in alters:
        alters["travel_class"] = travel_class(alters["travel_minutes"], travel_classes)

    def strip(frame, allowed, name):
        allowed = [*allowed, "age_band", "travel_class", *keep]
        gone = [c for c in frame.columns if c not in allowed]
        dropped[name] = gone
        return frame[[c for c in frame.columns if c in allowed]].copy()

    egos = strip(egos, _EGO_KEEP, "egos")
    alters = strip(alters, _ALTER_KEEP, "alters")
    ties = strip(ties, _TIE_KEEP, "ties")

    # -- k-anonymity on the egos
    present = [q for q in quasi_identifiers if q in egos.columns]
    n_egos = len(egos)
    if present:
        groups = egos[present].astype(object).where(egos[present].notna(), "(missing)")
        size = groups.groupby(present, dropna=False)[present[0]].transform("size") if len(groups) else pd.Series(dtype=int)
        classes = groups.value_counts(dropna=False).rename("egos").reset_index()
    else:
        size = pd.Series(n_egos, index=egos.index)
        classes = pd.DataFrame({"egos": [n_egos]} if n_egos else {"egos": []})
    del_mask = (size < k) if n_egos else pd.Series(dtype=bool)
    classes["suppressed"] = classes["egos"] < k
    classes = classes.sort_values([*present, "egos"] if present else ["egos"]).reset_index(drop=True)
    suppressed = set(egos.loc[del_mask.to_numpy(dtype=bool), "ego_id"]) if n_egos else set()
    egos = egos[~egos["ego_id"].isin(suppressed)]
    alters = alters[~alters["ego_id"].isin(suppressed)]
    ties = ties[~ties["ego_id"].isin(suppressed)]

    # -- pseudonyms (after suppression: a suppressed ego leaves no trace, not even a hash)
    ego_map = {e: pseudonym(key, "ego", e, length=id_length, prefix="e") for e in egos["ego_id"]}
    if len(set(ego_map.values())) != len(ego_map):
        raise ValueError("two ego ids got the same pseudonym; use a larger id_length")
    alter_keys = list(zip(alters["ego_id"], alters["alter_id"]))
    alter_map = {(e, a): pseudonym(key, "alter", e, a, length=id_length, prefix="a") for e, a in alter_keys}
    if len(set(alter_map.values())) != len(alter_map):
        raise ValueError("two alter ids got the same pseudonym; use a larger id_length")
    egos["ego_id"] = egos["ego_id"].map(ego_map)
    alters["alter_id"] = [alter_map[key_] for key_ in alter_keys]
    alters["ego_id"] = alters["ego_id"].map(ego_map)
    ties["source"] = [alter_map.get((e, s)) for e, s in zip(ties["ego_id"], ties["source"])]
    ties["target"] = [alter_map.get((e, t)) for e, t in zip(ties["ego_id"], ties["target"])]
    ties["ego_id"] = ties["ego_id"].map(ego_map)
    # undirected ties: put the smaller pseudonym first so the original direction leaks nothing
    lo = np.where(ties["source"].astype(str) <= ties["target"].astype(str), ties["source"], ties["target"])
    hi = np.where(ties["source"].astype(str) <= ties["target"].astype(str), ties["target"], ties["source"])
    ties["source"], ties["target"] = lo, hi

    egos = egos.sort_values("ego_id").reset_index(drop=True)
    alters = alters.sort_values(["ego_id", "alter_id"]).reset_index(drop=True)
    ties = ties.sort_values(["ego_id", "source", "target"]).reset_index(drop=True)
    for column in SUPPORT_COLUMNS:
        if column in alters:
            alters[column] = alters[column].astype(bool)

    report = KAnonymityReport(int(k), present, n_egos, len(suppressed), classes, dropped)
    out = Dataset(egos, alters, ties, source=None)
    out.meta = {
        "anonymised": True,
        "k": int(k),
        "quasi_identifiers": present,
        "age_bands": _band_labels(age_bands),
        "travel_classes": _band_labels(travel_classes),
        "k_anonymity": report,
    }
    return out, report
