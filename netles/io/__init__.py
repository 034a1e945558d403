"""Reading and writing networks and datasets.

One module per format, each turning files into the same raw tables
(:class:`~netles.io.raw.RawTables`), and one validation step they all pass through
(:func:`netles.validation.validate_tables`):

- :mod:`~netles.io.netles_json`: one network (netles JSON);
- :mod:`~netles.io.folder`: the netles dataset folder (CSV or Parquet);
- :mod:`~netles.io.egor`: three tables as egor, ideanet and R's ``write.csv`` write them;
- :mod:`~netles.io.network_canvas`: Network Canvas CSV exports;
- :mod:`~netles.io.graphml`: GraphML from netles, Network Canvas, networkx and igraph;
- :mod:`~netles.io.read` (:func:`read_dataset`: detection, zip files) and :mod:`~netles.io.write`;
- :mod:`~netles.io.tables` (one CSV or Parquet file, with pyarrow), :mod:`~netles.io.mapping`
  (a study's variables onto netles fields), :mod:`~netles.io.archive`, :mod:`~netles.io.atomic`.
"""
from .atomic import atomic_write_bytes, atomic_write_text
from .netles_json import network_from_json, read_network, write_network
from .read import read_dataset
from .write import write_dataset


__all__ = ["atomic_write_bytes", "atomic_write_text", "network_from_json", "read_network", "write_network", "read_dataset", "write_dataset"]
