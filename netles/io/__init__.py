"""Reading and writing networks and datasets."""
from .atomic import atomic_write_bytes, atomic_write_text
from .netles_json import network_from_json, read_network, write_network
from .dataset import read_dataset, write_dataset

from ..anonymise import anonymise

__all__ = ["atomic_write_bytes", "atomic_write_text", "network_from_json", "read_network", "write_network", "read_dataset", "write_dataset", "anonymise"]
