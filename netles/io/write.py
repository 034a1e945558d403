"""``write_dataset``: a dataset as a netles folder (CSV or Parquet) or as one GraphML file."""
from __future__ import annotations

import os
from pathlib import Path

from ..longtables import Dataset

__all__ = ["write_dataset"]


def write_dataset(ds: Dataset, path: str | os.PathLike, format: str | None = None, allow_names: bool = False) -> Path:
    """Write a dataset as a netles folder (CSV or Parquet) or as GraphML.

    Parameters
    ----------
    ds : Dataset
        The dataset.
    path : path-like
        A folder (created if needed), or a ``.graphml`` file.
    format : {"csv", "parquet", "graphml"}, optional
        Default: ``graphml`` for a path ending in ``.graphml``, else ``csv``.
    allow_names : bool
        Write a ``name`` column that holds values. Refused by default: anonymise first.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    ValidationError
        If the dataset still holds names and ``allow_names`` is false.

    Examples
    --------
    >>> import tempfile
    >>> from netles import datasets
    >>> ds = Dataset.from_networks([datasets.load_case("voorbeeld")])
    >>> sorted(p.name for p in write_dataset(ds, tempfile.mkdtemp(), allow_names=True).iterdir())
    ['alters.csv', 'egos.csv', 'ties.csv']
    """
    path = Path(path)
    if format is None:
        format = "graphml" if path.suffix.lower() == ".graphml" else "csv"
    if format == "graphml":
        from .folder import check_no_names
        from .graphml import write_graphml

        check_no_names(ds, allow_names)
        return write_graphml(ds, path, allow_names=allow_names)
    from .folder import write_dataset_folder

    return write_dataset_folder(ds, path, format=format, allow_names=allow_names)
