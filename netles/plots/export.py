"""Saving figures: a self-contained HTML file that works offline, and a PNG for print or slides.

HTML embeds plotly.js (about 4.6 MB) in the file, so it opens without a network connection and
without any outside server. PNG goes through kaleido, which drives the Chromium on the machine
(Debian's ``/usr/bin/chromium``; ``BROWSER_PATH`` points it elsewhere). Starting that browser takes
a few seconds; :func:`png_session` keeps one running for many images. Both writes are atomic.
"""
from __future__ import annotations

import contextlib
import os
import warnings
from pathlib import Path
from typing import Iterator

import plotly.graph_objects as go
import plotly.io as pio

from ..io.atomic import atomic_write_bytes, atomic_write_text

__all__ = ["to_html", "to_png", "png_session", "find_chromium", "PNG_SIGNATURE"]

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
"""The first eight bytes of every PNG file."""


def _check_figure(fig: go.Figure) -> None:
    if not isinstance(fig, go.Figure):
        raise TypeError(f"expected a plotly Figure, not {type(fig).__name__}")


def to_html(fig: go.Figure, path: str | os.PathLike, *, title: str | None = None) -> Path:
    """Write a figure as one HTML file that works offline.

    Parameters
    ----------
    fig : plotly.graph_objects.Figure
    path : path-like
        Destination; its folder must exist.
    title : str, optional
        The page title (default: the figure's title, or "netles").

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from netles import datasets
    >>> from netles.plots import netwerkcirkel
    >>> out = to_html(netwerkcirkel(datasets.load_case("voorbeeld")), pathlib.Path(tempfile.mkdtemp()) / "kaart.html")
    >>> html = out.read_text(encoding="utf-8")
    >>> '<script src="http' in html, "<title>Netwerkcirkel" in html
    (False, True)
    """
    _check_figure(fig)
    page_title = title or (fig.layout.title.text if fig.layout.title and fig.layout.title.text else "netles")
    html = pio.to_html(fig, include_plotlyjs=True, full_html=True, config={"displaylogo": False, "responsive": False})
    html = html.replace("<head>", f'<head><meta charset="utf-8"><title>{_escape(page_title)}</title>', 1)
    return atomic_write_text(path, html)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_png(fig: go.Figure, path: str | os.PathLike, *, scale: float = 2.0) -> Path:
    """Write a figure as a PNG image (through kaleido and the local Chromium).

    Parameters
    ----------
    fig : plotly.graph_objects.Figure
    path : path-like
        Destination; its folder must exist.
    scale : float
        Pixel density: 2 gives a sharp image for slides and print.

    Returns
    -------
    pathlib.Path

    Notes
    -----
    Each call starts a browser (3-5 s) unless it runs inside :func:`png_session`.
    """
    _check_figure(fig)
    with warnings.catch_warnings():
        # inside png_session plotly warns that browser options are ignored: expected, not news
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        data = pio.to_image(fig, format="png", scale=scale)
    if not data.startswith(PNG_SIGNATURE):
        raise RuntimeError("kaleido did not return a PNG image")
    return atomic_write_bytes(path, data)


def find_chromium() -> str | None:
    """The Chromium (or Chrome) kaleido will use for PNG files, or None when there is none.

    ``BROWSER_PATH`` wins when it is set (and then must be a program); otherwise the browsers on
    ``PATH`` and in the usual places. Nothing is downloaded.
    """
    env = os.environ.get("BROWSER_PATH")
    if env:
        return env if os.path.isfile(env) and os.access(env, os.X_OK) else None
    try:
        from choreographer.browsers.chromium import Chromium

        found = Chromium.find_browser(skip_local=False)
    except Exception:  # an unexpected layout of the helper package: say "not found", never crash
        return None
    return found if found and os.path.isfile(found) else None


@contextlib.contextmanager
def png_session() -> Iterator[None]:
    """Keep one browser running for many :func:`to_png` calls (about 0.3 s per image instead of 4 s).

    Examples
    --------
    >>> with png_session():  # doctest: +SKIP
    ...     for name, fig in figures.items():
    ...         to_png(fig, f"{name}.png")
    """
    import kaleido

    kaleido.start_sync_server(mathjax=False, silence_warnings=True)
    try:
        yield
    finally:
        kaleido.stop_sync_server(silence_warnings=True)
