"""How much room a text takes in a figure, estimated before it is drawn.

The netles figures place every label themselves (names next to dots, ring and system names, the
legend) so that nothing overlaps and nothing is cut off at the edge. That needs the size of a text
before the browser draws it. This module estimates it from the font size and the characters:

- the width of each character is its advance width in **Arial** (the figures ask for
  ``Arial, Helvetica, sans-serif``; Helvetica and Liberation Sans, which Linux substitutes for
  Arial, have the same widths), taken from the Adobe Helvetica font metrics; bold text uses the
  Helvetica-Bold widths;
- a character outside that table (another script, a symbol) counts as wide as an ``M``;
- the sum is multiplied by :data:`SAFETY` (1.08) and :data:`PAD_PX` (2 px) is added: the estimate
  is a little larger than the drawn text, so a label that "fits" on paper fits on screen too.
  ``tests/test_plots_browser.py`` measures the drawn text of every label in Chromium and checks
  that the estimate is never smaller;
- a line is :data:`LINE_HEIGHT` (1.3) times the font size high, the line spacing plotly uses;
  ``<br>`` starts a new line and other HTML tags (``<b>``, ``<i>``) take no room.

If neither Arial nor a metric-compatible font is installed, browsers fall back to a wider font
(DejaVu Sans is about 10% wider): the labels may then touch, but the figure is still drawn.

References
----------
.. [1] Adobe Core 14 AFM files, Helvetica and Helvetica-Bold (character advance widths in 1/1000 em).
"""
from __future__ import annotations

import html
import re

__all__ = ["text_width", "text_height", "text_size", "split_lines", "wrap", "shorten", "LINE_HEIGHT", "SAFETY",
           "PAD_PX", "FONT"]

FONT = "Arial, Helvetica, sans-serif"
"""The font every netles figure asks for."""

LINE_HEIGHT = 1.3
"""Height of one line of text as a multiple of the font size (plotly's line spacing)."""

SAFETY = 1.08
"""Factor on the summed character widths: the estimate errs on the large side."""

PAD_PX = 2.0
"""Pixels added to every estimated width."""

_CHARS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
# Helvetica.afm and Helvetica-Bold.afm advance widths (1/1000 em) of the characters in _CHARS.
_REGULAR = [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
            556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015,
            667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611,
            722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333,
            556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278,
            556, 500, 722, 500, 500, 500, 334, 260, 334, 584]
_BOLD = [278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
         556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975,
         722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611,
         722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333,
         556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333,
         611, 556, 778, 556, 556, 500, 389, 280, 389, 584]
_WIDTHS = {False: dict(zip(_CHARS, _REGULAR)), True: dict(zip(_CHARS, _BOLD))}
for _bold, _table in _WIDTHS.items():
    # letters with accents are as wide as the letter; a few typographic signs the figures use
    for _plain, _accented in (("a", "áàâäãå"), ("e", "éèêë"), ("i", "íìîï"), ("o", "óòôöõ"), ("u", "úùûü"),
                              ("c", "ç"), ("n", "ñ"), ("y", "ýÿ"), ("A", "ÁÀÂÄÃÅ"), ("E", "ÉÈÊË"), ("I", "ÍÌÎÏ"),
                              ("O", "ÓÒÔÖÕ"), ("U", "ÚÙÛÜ"), ("C", "Ç"), ("N", "Ñ")):
        for _ch in _accented:
            _table[_ch] = _table[_plain]
    _table.update({"·": 278, "…": 1000, "†": 556, "–": 556, "—": 1000, "’": 222 if not _bold else 278,
                   "‘": 222 if not _bold else 278, "“": 333 if not _bold else 500, "”": 333 if not _bold else 500,
                   "€": 556, "×": 584, "→": 1000, "←": 1000, "≥": 549, "≤": 549, "°": 400})
_UNKNOWN = 1000  # a character not in the table counts as an em wide (wider than an M)

_TAG = re.compile(r"<(?!br\s*/?>)[^>]*>", re.IGNORECASE)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def split_lines(text: str) -> list[str]:
    """The lines of a plotly text: split at ``<br>``, other tags removed, entities decoded.

    Examples
    --------
    >>> split_lines("<b>Anja</b><br>zus &amp; buur")
    ['Anja', 'zus & buur']
    """
    if text is None:
        return [""]
    return [html.unescape(_TAG.sub("", part)) for part in _BR.split(str(text))]


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Estimated width in pixels of ``text`` at font ``size`` (pixels): the widest line.

    ``<b>...</b>`` inside the text makes it bold too.

    Examples
    --------
    >>> round(text_width("Anja (zus)", 12), 1)
    60.3
    >>> text_width("Anja (zus)", 12, bold=True) > text_width("Anja (zus)", 12)
    True
    >>> text_width("", 12)
    0.0
    """
    bold = bold or "<b>" in str(text or "").lower()
    table = _WIDTHS[bool(bold)]
    widest = 0.0
    for line in split_lines(text):
        if line:
            widest = max(widest, sum(table.get(ch, _UNKNOWN) for ch in line) / 1000 * size)
    return widest * SAFETY + PAD_PX if widest else 0.0


def text_height(text: str, size: float) -> float:
    """Estimated height in pixels: the number of lines times :data:`LINE_HEIGHT` times ``size``.

    Examples
    --------
    >>> text_height("Anja<br>zus", 10)
    26.0
    """
    return len(split_lines(text)) * LINE_HEIGHT * size


def text_size(text: str, size: float, *, bold: bool = False) -> tuple[float, float]:
    """``(width, height)`` in pixels, as :func:`text_width` and :func:`text_height`."""
    return text_width(text, size, bold=bold), text_height(text, size)


def shorten(text: str, max_px: float, size: float, *, bold: bool = False) -> str:
    """``text`` cut with "…" so that it is at most ``max_px`` wide (unchanged if it fits).

    Examples
    --------
    >>> shorten("wijkverpleegkundige", 80, 12)
    'wijkverplee…'
    >>> shorten("Anja", 80, 12)
    'Anja'
    """
    if text_width(text, size, bold=bold) <= max_px:
        return text
    cut = len(text)
    while cut > 1 and text_width(text[:cut].rstrip() + "…", size, bold=bold) > max_px:
        cut -= 1
    return text[:cut].rstrip() + "…"


def wrap(text: str, max_px: float, size: float, *, max_lines: int = 2, bold: bool = False) -> str:
    """``text`` broken at spaces into lines of at most ``max_px`` (plotly ``<br>``), at most ``max_lines``.

    A word longer than a line, or text left over after ``max_lines``, is shortened with "…".

    Examples
    --------
    >>> wrap("maatschappelijk werker", 110, 12)
    'maatschappelijk<br>werker'
    >>> wrap("Grootmoeder Wilhelmina van Oranje", 90, 12)
    'Grootmoeder<br>Wilhelmina v…'
    """
    words = str(text).split()
    lines: list[str] = []
    for word in words:
        if lines and text_width(lines[-1] + " " + word, size, bold=bold) <= max_px:
            lines[-1] += " " + word
        elif len(lines) < max_lines:
            lines.append(word)
        else:
            lines[-1] += " " + word
    return "<br>".join(shorten(line, max_px, size, bold=bold) for line in lines) if lines else ""
