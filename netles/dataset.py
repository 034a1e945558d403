"""Many ego networks at once: three long tables (egos, alters, ties) keyed by ``ego_id``.

This is the layout of egor and of a Network Canvas export folded together, and the layout that
makes :func:`netles.profile_many` vectorisable and partitionable per ego.

In the long tables the support functions are five boolean columns ``support_<function>``
(``support_practical`` ... ``support_information``) instead of one list column, so that a
dataset can be stored as CSV or Parquet and processed column-wise. Every other alter field keeps
its name and codes from the data model; missing values are NaN/None.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

import numpy as np
import pandas as pd

from . import vocab
from .network import ALTER_FIELDS, EGO_FIELDS, EgoNetwork

__all__ = ["Dataset", "SUPPORT_COLUMNS", "DATASET_ALTER_COLUMNS", "DATASET_EGO_COLUMNS", "DATASET_TIE_COLUMNS"]

SUPPORT_COLUMNS = tuple(f"support_{f}" for f in vocab.SUPPORT)
"""The boolean support columns of the long alter table, in vocabulary order."""
DATASET_EGO_COLUMNS = EGO_FIELDS
DATASET_ALTER_COLUMNS = ("ego_id", *(f for f in ALTER_FIELDS if f != "support"), *SUPPORT_COLUMNS)
DATASET_TIE_COLUMNS = ("ego_id", "source", "target", "weight")


@dataclass
class Dataset:
    """Egos, alters and ties as long tables.

    Parameters
    ----------
    egos : pandas.DataFrame
        One row per ego; ``ego_id`` unique; optional ``gender``, ``age``, ``group`` and free columns.
    alters : pandas.DataFrame
        One row per alter; ``ego_id``, ``alter_id`` (unique within an ego), the alter fields of the
        data model with support as the boolean columns :data:`SUPPORT_COLUMNS`.
    ties : pandas.DataFrame
        One row per alter-alter tie: ``ego_id``, ``source``, ``target``, optional ``weight``.
    source : str, optional
        Where the data came from.

    Examples
    --------
    >>> from netles import datasets
    >>> ds = Dataset.from_networks([datasets.load_case("voorbeeld")])
    >>> len(ds), ds.alters.shape[0], ds.ties.shape[0]
    (1, 6, 4)
    >>> case = datasets.load_case("voorbeeld")
    >>> ds.network("voorbeeld") == case.with_extra(**dict.fromkeys(case.extra))  # a dataset keeps no case text
    True
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
        """Ego ids in table order."""
        return self.egos["ego_id"].tolist()

    @classmethod
    def from_networks(cls, networks: Iterable[EgoNetwork], source: str | None = None) -> "Dataset":
        """Fold networks into long tables (each network needs a unique ``ego_id``).

        Raises
        ------
        ValueError
            If a network has no ego id or two networks share one.
        """
        ego_rows, alter_rows, tie_rows = [], [], []
        seen = set()
        for i, net in enumerate(networks):
            ego_id = net.ego_id
            if ego_id is None or ego_id in seen:
                raise ValueError(f"network {i} needs a unique ego_id (got {ego_id!r})")
            seen.add(ego_id)
            ego_rows.append(net.ego)
            for record in net.to_dict()["alters"]:
                row = {"ego_id": ego_id, **{k: v for k, v in record.items() if k != "support"}}
                support = record.get("support") or []
                row.update({f"support_{f}": f in support for f in vocab.SUPPORT})
                alter_rows.append(row)
            for tie in net.to_dict()["ties"]:
                tie_rows.append({"ego_id": ego_id, **tie})
        egos = pd.DataFrame(ego_rows)
        for column in DATASET_EGO_COLUMNS:
            if column not in egos:
                egos[column] = pd.Series([None] * len(egos), dtype=object)
        alters = pd.DataFrame(alter_rows)
        for column in DATASET_ALTER_COLUMNS:
            if column not in alters:
                alters[column] = pd.Series([False if column in SUPPORT_COLUMNS else None] * len(alters), dtype=bool if column in SUPPORT_COLUMNS else object)
        ties = pd.DataFrame(tie_rows)
        for column in DATASET_TIE_COLUMNS:
            if column not in ties:
                ties[column] = pd.Series([None] * len(ties), dtype=object)
        ordered = lambda frame, first: frame[[*first, *(c for c in frame.columns if c not in first)]]
        return cls(
            ordered(egos, DATASET_EGO_COLUMNS).reset_index(drop=True),
            ordered(alters, DATASET_ALTER_COLUMNS).reset_index(drop=True),
            ordered(ties, DATASET_TIE_COLUMNS).reset_index(drop=True),
            source=source,
        )

    def network(self, ego_id) -> EgoNetwork:
        """One ego's network as an :class:`EgoNetwork` (validated).

        Raises
        ------
        KeyError
            If there is no such ego.
        ValidationError
            If that ego's rows are not a valid network.
        """
        egos = self.egos[self.egos["ego_id"] == ego_id]
        if egos.empty:
            raise KeyError(ego_id)
        ego = _clean(egos.iloc[0].to_dict())
        alters = []
        for row in self.alters[self.alters["ego_id"] == ego_id].to_dict("records"):
            record = _clean({k: v for k, v in row.items() if k != "ego_id" and k not in SUPPORT_COLUMNS})
            support = [f for f, col in zip(vocab.SUPPORT, SUPPORT_COLUMNS) if col in row and _truthy(row[col])]
            if support:
                record["support"] = support
            if isinstance(record.get("circle"), float):
                record["circle"] = int(record["circle"]) if float(record["circle"]).is_integer() else record["circle"]
            if isinstance(record.get("since"), float) and float(record["since"]).is_integer():
                record["since"] = int(record["since"])
            alters.append(record)
        ties = [_clean({k: v for k, v in row.items() if k != "ego_id"}) for row in self.ties[self.ties["ego_id"] == ego_id].to_dict("records")]
        return EgoNetwork(ego, alters, ties, source=self.source)

    def networks(self) -> Iterator[EgoNetwork]:
        """Every ego's network, in ego order."""
        for ego_id in self.ego_ids:
            yield self.network(ego_id)


def _truthy(value) -> bool:
    if value is None or (isinstance(value, float) and np.isnan(value)):
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
