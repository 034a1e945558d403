"""The dataset model: many ego networks as three long tables (egos, alters, ties) keyed by ``ego_id``.

This is the layout of egor and of a Network Canvas export folded together, and the layout that
makes :func:`netles.profile_many` vectorisable and partitionable per ego. (Not to be confused
with :mod:`netles.datasets`, the bundled example data, or with :mod:`netles.io`, which reads
and writes datasets.)

In the long tables the support functions are five boolean columns ``support_<function>``
(``support_practical`` ... ``support_information``) instead of one list column, so that a
dataset can be stored as CSV or Parquet and processed column-wise. Every other alter field keeps
its name and codes from the data model; missing values are NaN.

Moments
-------
A dataset may measure the same egos more than once (intake, evaluation, closing; wave 1, 2, 3).
Then every table carries a :data:`MOMENT` column and ids are unique per ``(ego_id, moment)``:
the same ``ego_id`` at two moments is the same person measured twice, each with their own alters
and ties. :attr:`Dataset.moments` lists the moments in order: the order given when the data were
read (a mapping's ``moments: {order: [...]}``), else by date when every moment is a date, by
number when every moment is a number, else in order of first appearance.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

import numpy as np
import pandas as pd

from . import vocab
from .network import ALTER_FIELDS, EGO_FIELDS, EgoNetwork

__all__ = [
    "Dataset",
    "MOMENT",
    "SUPPORT_COLUMNS",
    "DATASET_ALTER_COLUMNS",
    "DATASET_EGO_COLUMNS",
    "DATASET_TIE_COLUMNS",
    "order_moments",
]

MOMENT = "moment"
"""The column that says which measurement (moment, wave) a row belongs to."""
SUPPORT_COLUMNS = tuple(f"support_{f}" for f in vocab.SUPPORT)
"""The boolean support columns of the long alter table, in vocabulary order."""
DATASET_EGO_COLUMNS = EGO_FIELDS
DATASET_ALTER_COLUMNS = ("ego_id", *(f for f in ALTER_FIELDS if f != "support"), *SUPPORT_COLUMNS)
DATASET_TIE_COLUMNS = ("ego_id", "source", "target", "weight")


def order_moments(values: Iterable, given: Iterable | None = None) -> list[str]:
    """The distinct moments of ``values`` in their order.

    Parameters
    ----------
    values : iterable
        The moment of every row (missing values are skipped).
    given : iterable, optional
        The order to use (for example from a mapping file); moments it does not list follow in
        order of first appearance.

    Returns
    -------
    list of str
        Given an order: that order. Else dates in date order when every moment is an ISO date,
        numbers in numeric order when every moment is a number, else the order of first
        appearance.

    Examples
    --------
    >>> order_moments(["afsluiting", "intake", "afsluiting", "evaluatie"])
    ['afsluiting', 'intake', 'evaluatie']
    >>> order_moments(["2025-08-20", "2025-02-03"])
    ['2025-02-03', '2025-08-20']
    >>> order_moments(["2", "10", "1"])
    ['1', '2', '10']
    >>> order_moments(["na", "voor"], given=["voor", "na"])
    ['voor', 'na']
    """
    seen = [str(v) for v in pd.unique(pd.Series(list(values), dtype=object).dropna())]
    if given is not None:
        order = [str(g) for g in given]
        return [m for m in order if m in seen] + [m for m in seen if m not in order]
    if not seen:
        return []
    dates = pd.to_datetime(pd.Series(seen), format="%Y-%m-%d", errors="coerce")
    if dates.notna().all():
        return [seen[i] for i in np.argsort(dates.to_numpy(), kind="stable")]
    numbers = pd.to_numeric(pd.Series(seen), errors="coerce")
    if numbers.notna().all():
        return [seen[i] for i in np.argsort(numbers.to_numpy(), kind="stable")]
    return seen


@dataclass
class Dataset:
    """Egos, alters and ties as long tables.

    Parameters
    ----------
    egos : pandas.DataFrame
        One row per ego (per ego and moment when there is a :data:`MOMENT` column); ``ego_id``
        unique (per moment); optional ``gender``, ``age``, ``group`` and free columns.
    alters : pandas.DataFrame
        One row per alter; ``ego_id``, ``alter_id`` (unique within an ego and moment), the alter
        fields of the data model with support as the boolean columns :data:`SUPPORT_COLUMNS`.
    ties : pandas.DataFrame
        One row per alter-alter tie: ``ego_id``, ``source``, ``target``, optional ``weight``.
    source : str, optional
        Where the data came from.
    meta : dict
        What the reader found out (``problems``: the validation report; ``format``;
        ``moment_order``: the order of the moments, when given).

    Examples
    --------
    >>> from netles import datasets
    >>> ds = Dataset.from_networks([datasets.load_case("voorbeeld")])
    >>> len(ds), ds.alters.shape[0], ds.ties.shape[0]
    (1, 6, 4)
    >>> case = datasets.load_case("voorbeeld")
    >>> ds.network("voorbeeld") == case.with_extra(**dict.fromkeys(case.extra))  # a dataset keeps no case text
    True
    >>> ds.moments
    []
    """

    egos: pd.DataFrame
    alters: pd.DataFrame
    ties: pd.DataFrame
    source: str | None = None
    meta: dict = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.egos)

    @property
    def ego_ids(self) -> list:
        """Ego ids in table order (with moments, an ego appears once per moment)."""
        return self.egos["ego_id"].tolist()

    @property
    def has_moments(self) -> bool:
        """Whether the egos carry a :data:`MOMENT` column."""
        return MOMENT in self.egos.columns

    @property
    def moments(self) -> list[str]:
        """The moments, in order (empty without a moment column); see :func:`order_moments`.

        Examples
        --------
        >>> import pandas as pd
        >>> egos = pd.DataFrame({"ego_id": ["a", "a", "b"], "moment": ["na", "voor", "voor"]})
        >>> empty = pd.DataFrame({"ego_id": [], "moment": []})
        >>> Dataset(egos, empty, empty, meta={"moment_order": ["voor", "na"]}).moments
        ['voor', 'na']
        """
        if not self.has_moments:
            return []
        return order_moments(self.egos[MOMENT], self.meta.get("moment_order"))

    @property
    def keys(self) -> list:
        """The key of every ego row: ``ego_id``, or ``(ego_id, moment)`` with moments."""
        if self.has_moments:
            return list(zip(self.egos["ego_id"].tolist(), self.egos[MOMENT].tolist()))
        return self.ego_ids

    @classmethod
    def from_networks(cls, networks: Iterable[EgoNetwork], source: str | None = None,
                      moments: Iterable | None = None) -> "Dataset":
        """Fold networks into long tables.

        Parameters
        ----------
        networks : iterable of EgoNetwork
            Each with an ``ego_id``.
        source : str, optional
        moments : iterable, optional
            The moment of each network; then ``(ego_id, moment)`` must be unique, and every table
            gets a :data:`MOMENT` column.

        Raises
        ------
        ValueError
            If a network has no ego id, or two networks share one (and a moment).

        Examples
        --------
        >>> from netles import datasets
        >>> net = datasets.load_case("voorbeeld")
        >>> ds = Dataset.from_networks([net, net], moments=["intake", "evaluatie"])
        >>> ds.moments, ds.keys
        (['intake', 'evaluatie'], [('voorbeeld', 'intake'), ('voorbeeld', 'evaluatie')])
        """
        ego_rows, alter_rows, tie_rows = [], [], []
        seen = set()
        networks = list(networks)
        moment_list = None if moments is None else [str(m) for m in moments]
        if moment_list is not None and len(moment_list) != len(networks):
            raise ValueError(f"got {len(networks)} networks but {len(moment_list)} moments")
        for i, net in enumerate(networks):
            ego_id = net.ego_id
            key = ego_id if moment_list is None else (ego_id, moment_list[i])
            if ego_id is None or key in seen:
                raise ValueError(f"network {i} needs a unique ego_id (got {ego_id!r})")
            seen.add(key)
            extra = {} if moment_list is None else {MOMENT: moment_list[i]}
            ego_rows.append({**net.ego, **extra})
            for record in net.to_dict()["alters"]:
                row = {"ego_id": ego_id, **extra, **{k: v for k, v in record.items() if k != "support"}}
                support = record.get("support") or []
                row.update({f"support_{f}": f in support for f in vocab.SUPPORT})
                alter_rows.append(row)
            for tie in net.to_dict()["ties"]:
                tie_rows.append({"ego_id": ego_id, **extra, **tie})
        first = (lambda cols: cols) if moment_list is None else (lambda cols: (cols[0], MOMENT, *cols[1:]))
        egos = _with_columns(pd.DataFrame(ego_rows), DATASET_EGO_COLUMNS)
        alters = _with_columns(pd.DataFrame(alter_rows), DATASET_ALTER_COLUMNS)
        ties = _with_columns(pd.DataFrame(tie_rows), DATASET_TIE_COLUMNS)
        ordered = lambda frame, cols: frame[[*cols, *(c for c in frame.columns if c not in cols)]].reset_index(drop=True)
        if moment_list is not None:
            for frame in (egos, alters, ties):
                if MOMENT not in frame:
                    frame[MOMENT] = pd.Series([None] * len(frame), dtype=object)
        return cls(
            ordered(egos, first(DATASET_EGO_COLUMNS)),
            ordered(alters, first(DATASET_ALTER_COLUMNS)),
            ordered(ties, first(DATASET_TIE_COLUMNS)),
            source=source,
            meta={} if moment_list is None else {"moment_order": order_moments(moment_list, list(dict.fromkeys(moment_list)))},
        )

    def _rows(self, frame: pd.DataFrame, ego_id, moment) -> pd.DataFrame:
        mask = frame["ego_id"] == ego_id
        if moment is not None:
            mask &= frame[MOMENT].astype(str) == str(moment)
        return frame[mask]

    def network(self, ego_id, moment=None) -> EgoNetwork:
        """One ego's network (at one moment) as an :class:`EgoNetwork` (validated).

        Parameters
        ----------
        ego_id
            The ego.
        moment : optional
            Required when the dataset has moments: which measurement.

        Raises
        ------
        KeyError
            If there is no such ego (at that moment), or a moment is needed and not given.
        ValidationError
            If that ego's rows are not a valid network (for example, an alter without a
            relation: datasets allow it, a single network does not).
        """
        if self.has_moments and moment is None:
            raise KeyError(f"the dataset has moments ({', '.join(self.moments)}): give the moment of ego {ego_id!r}")
        egos = self._rows(self.egos, ego_id, moment)
        if egos.empty:
            raise KeyError(ego_id if moment is None else (ego_id, moment))
        drop = {"ego_id", MOMENT}
        ego = _clean({k: v for k, v in egos.iloc[0].to_dict().items() if k != MOMENT})
        alters = []
        for row in self._rows(self.alters, ego_id, moment).to_dict("records"):
            record = _clean({k: v for k, v in row.items() if k not in drop and k not in SUPPORT_COLUMNS})
            support = [f for f, col in zip(vocab.SUPPORT, SUPPORT_COLUMNS) if col in row and _truthy(row[col])]
            if support:
                record["support"] = support
            if isinstance(record.get("circle"), float):
                record["circle"] = int(record["circle"]) if float(record["circle"]).is_integer() else record["circle"]
            if isinstance(record.get("since"), float) and float(record["since"]).is_integer():
                record["since"] = int(record["since"])
            alters.append(record)
        ties = [_clean({k: v for k, v in row.items() if k not in drop}) for row in self._rows(self.ties, ego_id, moment).to_dict("records")]
        return EgoNetwork(ego, alters, ties, source=self.source)

    def networks(self) -> Iterator[EgoNetwork]:
        """Every ego's network, in ego-table order (one per moment when there are moments)."""
        if self.has_moments:
            for ego_id, moment in self.keys:
                yield self.network(ego_id, moment)
        else:
            for ego_id in self.ego_ids:
                yield self.network(ego_id)


def _with_columns(frame: pd.DataFrame, columns) -> pd.DataFrame:
    for column in columns:
        if column not in frame:
            if column in SUPPORT_COLUMNS:
                frame[column] = pd.Series([False] * len(frame), dtype=bool)
            else:
                frame[column] = pd.Series([None] * len(frame), dtype=object)
    return frame


def _truthy(value) -> bool:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return False
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes", "ja")
    return bool(value)


def _clean(record: dict) -> dict:
    """Drop missing values and turn numpy scalars into Python ones."""
    out = {}
    for key, value in record.items():
        if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
            continue
        if isinstance(value, np.generic):
            value = value.item()
        if isinstance(value, float) and value.is_integer() and key in ("age",):
            value = int(value)
        out[key] = value
    return out
