"""Columns as integer codes over their distinct values, so that text work is done once per value.

A research table repeats few values many times: 100,000 ego ids over 1.4 million alter rows, 14
relation codes, 40 alter ids. :func:`coded` turns a column (Arrow strings, a pandas Categorical
read from a dictionary-encoded file, numbers from Parquet, Python objects) into a :class:`Coded`:
an integer code per row (``-1`` for missing) and the cleaned distinct values. Stripping
whitespace, Unicode NFC, reading ``7.0`` as ``7``, parsing numbers and checking codes then happen
on the distinct values only, and every row-level step is a numpy ``take``. A Categorical whose
categories are clean already (what :func:`netles.read_dataset` reads from a well-kept file) is
taken as it is: its codes are not copied, its categories are checked in Arrow and not cleaned
again, and :meth:`Coded.categorical` hands the same Categorical back.

Used by :mod:`netles.validation` and :func:`netles.profile_many`; not public.
"""
from __future__ import annotations

import math
import re
import weakref
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["Coded", "coded", "combined_key", "NUMBER_PATTERN", "TRUE_TEXT", "FALSE_TEXT", "to_text"]

NUMBER_PATTERN = r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?"
"""A number as people type it: optional sign, digits, a decimal point or comma, an exponent."""
TRUE_TEXT = frozenset({"true", "1", "yes", "ja", "t", "y", "1.0"})
FALSE_TEXT = frozenset({"false", "0", "no", "nee", "f", "n", "0.0"})
_INTEGRAL = re.compile(r"^[+-]?\d+\.0+$")
_CLEAN: dict[int, tuple[bool, np.ndarray]] = {}
"""Categories this module made, by ``id``: already clean, so the next :func:`coded` of a column
that uses them (``profile_many`` after ``read_dataset``) does not clean them again."""


def _remember(categories: pd.Index, ids: bool, values: np.ndarray) -> None:
    key = id(categories)
    if key not in _CLEAN:
        _CLEAN[key] = (ids, values)
        weakref.finalize(categories, _CLEAN.pop, key, None)


@dataclass
class Coded:
    """A column as codes into its distinct values.

    ``codes[i]`` is the position of row ``i``'s value in ``values`` (``-1``: missing) as
    ``int64``; ``values`` is an object array of distinct, cleaned texts (or, with ``raw``, the
    values as found). ``raw`` keeps each distinct value as it was in the file (for messages).
    ``small_codes`` are the same codes in the integer type they were found in (a Categorical's
    own ``int8``/``int16``/``int32`` codes, no copy); row-level work uses them, and ``codes``
    is made from them only when asked for, for arithmetic that needs the room of ``int64``.
    """

    small_codes: np.ndarray
    values: np.ndarray
    raw: np.ndarray
    _missing_cache: bool | None = None
    _missing_rows: np.ndarray | None = None
    ids: bool = False
    source: pd.Categorical | None = None
    """The Categorical the codes were taken from, when its categories are already the cleaned
    values in the same order: :meth:`categorical` then hands it back instead of building it again."""
    _wide: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.small_codes)

    @property
    def codes(self) -> np.ndarray:
        """The codes as ``int64`` (made once, only when asked for)."""
        if self._wide is None:
            self._wide = self.small_codes.astype(np.int64, copy=False)
        return self._wide

    @property
    def missing(self) -> np.ndarray:
        """Rows without a value (worked out once)."""
        if self._missing_rows is None:
            self._missing_rows = self.small_codes < 0
        return self._missing_rows

    def take(self, per_value: np.ndarray, fill) -> np.ndarray:
        """``per_value[code]`` for every row, ``fill`` where the row is missing."""
        per_value = np.asarray(per_value)
        codes = self.small_codes
        if not len(per_value):
            return np.full(len(codes), fill, dtype=object if fill is None else np.asarray(fill).dtype)
        if self._any_missing:
            out = per_value[np.where(codes < 0, 0, codes)]
            if fill is None and out.dtype != object:
                out = out.astype(object)
            out[self.missing] = fill
            return out
        return per_value[codes]

    @property
    def _any_missing(self) -> bool:
        if self._missing_cache is None:
            self._missing_cache = bool(len(self.small_codes)) and bool(self.missing.any())
        return self._missing_cache

    def text(self, index=None) -> pd.Series:
        """The cleaned values as a pandas ``str`` (Arrow) Series, NaN where missing."""
        dictionary = pa.array(self.values, type=pa.large_string())
        indices = pa.array(self.small_codes, mask=self.small_codes < 0, type=pa.int64())
        taken = pc.take(dictionary, indices) if len(dictionary) else pa.nulls(len(self.small_codes), pa.large_string())
        series = taken.to_pandas()
        if index is not None:
            series.index = index
        return series

    def categorical(self, index=None, drop: np.ndarray | None = None) -> pd.Series:
        """The cleaned values as a pandas Categorical Series (codes and distinct values, no copy of
        the text); rows where ``drop`` holds become missing."""
        dropping = drop is not None and drop.any()
        if self.source is not None and not dropping:
            series = pd.Series(self.source, index=index, copy=False)
        else:
            codes = np.where(drop, -1, self.small_codes) if dropping else self.small_codes
            if self.source is not None:
                dtype = self.source.dtype
            else:
                categories = pd.Index(self.values, dtype="str") if len(self.values) else pd.Index([], dtype="str")
                # the values are distinct by construction (factorized): no need to check them again
                dtype = pd.CategoricalDtype._from_fastpath(categories, False)
            series = pd.Series(pd.Categorical.from_codes(codes, dtype=dtype, validate=False), index=index, copy=False)
        _remember(series.cat.categories, self.ids, self.values)
        return series

    def code_of(self, value) -> int:
        """The code of a cleaned value (-1 when no row holds it)."""
        hits = np.flatnonzero(self.values == value) if len(self.values) else []
        return int(hits[0]) if len(hits) else -1

    def value(self, i: int):
        """The cleaned value of row ``i`` (None when missing)."""
        code = self.small_codes[i]
        return None if code < 0 else self.values[code]

    def raw_value(self, i: int):
        """The value of row ``i`` as it was found (None when missing)."""
        code = self.small_codes[i]
        return None if code < 0 else self.raw[code]


def _plain_text(value) -> str | None:
    """One value as text: 7.0 -> '7', True -> 'true', blank -> None."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value)).lower()
    if isinstance(value, (float, np.floating)):
        value = float(value)
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    text = str(value).strip()
    return text or None


def _factorize(series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(codes, distinct raw values) of any column; missing values get code -1."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        codes = np.asarray(series.array.codes)
        return codes, np.asarray(series.cat.categories.astype(object), dtype=object)
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    return codes.astype(np.int64, copy=False), np.asarray(pd.Index(uniques).astype(object), dtype=object)


def _clean(raw: np.ndarray, ids: bool) -> np.ndarray:
    """Cleaned text of each distinct value (None for blank), vectorised over the distinct values."""
    if not len(raw):
        return np.array([], dtype=object)
    kinds = {type(v) for v in raw[:1000]}
    if kinds <= {str}:
        try:
            texts = pd.Series(raw, dtype="str")
        except (TypeError, ValueError):
            texts = None
        if texts is not None:
            texts = texts.str.strip()
            if ids:
                integral = texts.str.fullmatch(r"[+-]?\d+\.0+").fillna(False).to_numpy(dtype=bool)
                if integral.any():
                    texts = texts.where(~integral, texts.str.replace(r"\.0+$", "", regex=True))
                arrow = pa.array(texts.array)
                if not pc.all(pc.string_is_ascii(arrow)).as_py():
                    texts = texts.str.normalize("NFC")
            out = texts.to_numpy(dtype=object, na_value=None)
            out[out == ""] = None
            return out
    out = np.empty(len(raw), dtype=object)
    for i, value in enumerate(raw):
        text = _plain_text(value)
        if text is not None and ids:
            if _INTEGRAL.match(text):
                text = text.split(".")[0]
            if not text.isascii():
                import unicodedata

                text = unicodedata.normalize("NFC", text)
        out[i] = text
    return out


def coded(series: pd.Series, *, ids: bool = False) -> Coded:
    """A column as a :class:`Coded` (cleaned: stripped, blank -> missing).

    Parameters
    ----------
    series : pandas.Series
        Any dtype: Arrow strings, Categorical, numbers, booleans, objects.
    ids : bool
        Clean as identifiers too: ``1``, ``"1"``, ``1.0`` and ``"1.0"`` become ``"1"``, and text is
        compared in Unicode NFC (``"Zoë"`` typed as one or as two code points is one id).

    Examples
    --------
    >>> c = coded(pd.Series(["a ", "b", None, "a", "Zoe\\u0308"]), ids=True)
    >>> c.codes.tolist(), c.values.tolist()
    ([0, 1, -1, 0, 2], ['a', 'b', 'Zoë'])
    >>> coded(pd.Series([1.0, 2.5, None]), ids=True).values.tolist()
    ['1', '2.5']
    """
    if isinstance(series.dtype, pd.CategoricalDtype):
        known = _CLEAN.get(id(series.cat.categories))
        if known is not None and (known[0] or not ids):
            codes = np.asarray(series.array.codes)
            return Coded(codes, known[1], known[1], ids=ids, source=series.array if _plain_categorical(series) else None)
    if _plain_categorical(series):
        values = _clean_categories(series.cat.categories, ids)
        if values is not None:  # the usual case: the file's distinct values are clean already
            return Coded(np.asarray(series.array.codes), values, values, ids=ids, source=series.array)
    codes, raw = _factorize(series)
    cleaned = _clean(raw, ids)
    # distinct raw values may clean to the same text ('a ' and 'a'), or to nothing
    merged_codes, merged = pd.factorize(pd.Series(cleaned, dtype=object), use_na_sentinel=True)
    remap = np.asarray(merged_codes, dtype=np.int64)
    values = np.asarray(pd.Index(merged).astype(object), dtype=object)
    if len(remap) == len(values) and np.array_equal(remap, np.arange(len(remap))):
        return Coded(codes, values, raw, ids=ids)  # nothing to merge: no copy of the codes
    new_codes = np.where(codes >= 0, remap[np.where(codes >= 0, codes, 0)] if len(remap) else -1, -1)
    # the first raw spelling of each cleaned value, for messages
    first_raw = np.empty(len(values), dtype=object)
    if len(remap):
        targets, first = np.unique(remap, return_index=True)
        keep = targets >= 0
        first_raw[targets[keep]] = raw[first[keep]]
    return Coded(new_codes.astype(np.int64), values, first_raw, ids=ids)


def _plain_categorical(series: pd.Series) -> bool:
    """Whether a column is an unordered Categorical of Arrow text (what :meth:`Coded.categorical` makes)."""
    dtype = series.dtype
    return isinstance(dtype, pd.CategoricalDtype) and not dtype.ordered and dtype.categories.dtype == "str"


def _clean_categories(categories: pd.Index, ids: bool) -> np.ndarray | None:
    """The categories as the object array :func:`coded` keeps, when cleaning would change none of
    them (no blank, no white space around, no ``7.0`` id, NFC already); None otherwise.

    Judged in Arrow over the distinct values, without making a Python string of each twice.
    """
    try:
        arrow = pa.array(categories.array)
    except (TypeError, pa.ArrowException):
        return None
    if not len(arrow):
        return np.array([], dtype=object)
    if arrow.null_count or pc.min(pc.utf8_length(arrow)).as_py() == 0:
        return None
    if not pc.all(pc.equal(pc.utf8_trim_whitespace(arrow), arrow)).as_py():
        return None
    if ids:
        if pc.any(pc.match_substring_regex(arrow, r"^[+-]?\d+\.0+$")).as_py():
            return None
        if not pc.all(pc.string_is_ascii(arrow)).as_py() and not pc.all(pc.equal(pc.utf8_normalize(arrow, "NFC"), arrow)).as_py():
            return None
    return arrow.to_numpy(zero_copy_only=False)


def combined_key(first: Coded, second: Coded | None = None) -> np.ndarray:
    """The codes of two columns (an ego and its moment) as one ``int64`` number per row.

    A new array, so that the caller can go on building on it in place (``key *= n; key += ...``).
    Rows missing in ``first`` get negative keys; a missing ``second`` is a value of its own.

    Examples
    --------
    >>> ego = coded(pd.Series(["e1", "e2", "e1"]))
    >>> moment = coded(pd.Series(["intake", "intake", "eind"]))
    >>> combined_key(ego, moment).tolist(), combined_key(ego).tolist()
    ([1, 4, 2], [0, 1, 0])
    """
    key = first.small_codes.astype(np.int64)
    if second is not None:
        key *= int(second.small_codes.max(initial=0)) + 2
        key += second.small_codes
        key += 1
    return key


def numbers_of(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(float of each distinct value, whether it is not a number); a decimal comma counts as a point."""
    floats = np.full(len(values), np.nan)
    bad = np.zeros(len(values), dtype=bool)
    pattern = re.compile(rf"^{NUMBER_PATTERN}$")
    for i, value in enumerate(values):
        if value is None:
            continue
        if isinstance(value, (bool, np.bool_)):
            bad[i] = True
        elif isinstance(value, (int, float, np.integer, np.floating)):
            floats[i] = float(value)
        elif isinstance(value, str) and pattern.match(value):
            floats[i] = float(value.replace(",", "."))
        else:
            bad[i] = True
    return floats, bad


def to_text(series: pd.Series, index=None) -> pd.Series:
    """A column as cleaned Arrow text (stripped, blank -> NaN), numbers written as people read them."""
    return coded(series).text(series.index if index is None else index)
