"""The bundled data: fictional case networks and synthetic research datasets.

Everything here works from any working directory (a notebook in ``notebooks/``, papermill in a
temporary folder, a test): paths are resolved from the installed package, never from ``../data``.
The data folder can be moved with the environment variable ``NETLES_DATA``.
"""
from __future__ import annotations

import os
from pathlib import Path

from .io.netles_json import read_network
from .network import EgoNetwork

__all__ = ["checkout_folder", "data_dir", "case_path", "case_names", "load_case", "research_path"]


def checkout_folder(name: str, env_var: str) -> Path:
    """A top-level folder of the netles checkout (``data``, ``notebooks``, ``assignments``).

    Parameters
    ----------
    name : str
        The folder's name next to the ``netles`` package.
    env_var : str
        An environment variable that, when set, points at the folder instead.

    Raises
    ------
    FileNotFoundError
        If the folder is missing (netles was installed without its checkout).
    """
    folder = Path(os.environ.get(env_var) or Path(__file__).resolve().parent.parent / name)
    if not folder.is_dir():
        raise FileNotFoundError(
            f"netles {name} folder not found at {folder}; install netles from its checkout "
            f"(pip install -e .) or set {env_var}"
        )
    return folder


def data_dir() -> Path:
    """The folder with the bundled data (``data/`` of the netles checkout, or ``$NETLES_DATA``).

    Raises
    ------
    FileNotFoundError
        If the folder is missing (netles was installed without its data).
    """
    return checkout_folder("data", "NETLES_DATA")


def case_names() -> list[str]:
    """Names of the bundled case networks, sorted.

    Examples
    --------
    >>> "voorbeeld" in case_names()
    True
    """
    return sorted(p.stem for p in (data_dir() / "cases").glob("*.json"))


def case_path(name: str) -> Path:
    """Path of a bundled case network file.

    Parameters
    ----------
    name : str
        A name from :func:`case_names` (with or without ``.json``).

    Raises
    ------
    KeyError
        If there is no such case; the message lists the cases there are.
    """
    path = data_dir() / "cases" / f"{name.removesuffix('.json')}.json"
    if not path.is_file():
        raise KeyError(f"no bundled case {name!r}; choose one of: {', '.join(case_names())}")
    return path


def load_case(name: str) -> EgoNetwork:
    """Load a bundled case network.

    Examples
    --------
    >>> net = load_case("voorbeeld")
    >>> net.size, net.n_ties
    (6, 4)
    """
    return read_network(case_path(name))


def research_path(name: str) -> Path:
    """Path of a bundled (synthetic) research dataset folder under ``data/research``.

    Raises
    ------
    KeyError
        If there is no such dataset.
    """
    path = data_dir() / "research" / name
    if not path.is_dir():
        available = sorted(p.name for p in (data_dir() / "research").glob("*") if p.is_dir()) if (data_dir() / "research").is_dir() else []
        raise KeyError(f"no bundled research dataset {name!r}; choose one of: {', '.join(available) or '(none)'}")
    return path
