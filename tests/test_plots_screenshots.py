"""Screenshots of every instrument for every bundled case at 1366 x 768, under ``test-output/figuren/``
(and, for a case with moments, its moment-to-moment summary as wide as that).

``make test`` leaves them there for a person to look at (what a teacher would project). One
kaleido server draws them all (about half a second per image). Each file is checked to be a PNG
of the right size; the label checks themselves are in ``test_plots_labels.py`` and
``test_plots_browser.py``.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from netles import datasets
from netles.commands.figures import FIGURE_SIZE, case_figures
from netles.plots import find_chromium, png_session, to_png

pytestmark = pytest.mark.slow

OUTPUT = Path(__file__).resolve().parent.parent / "test-output" / "figuren"


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n"), path
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_screenshots_of_every_instrument_for_every_case():
    if os.environ.get("NETLES_SKIP_BROWSER") == "1":
        pytest.skip("NETLES_SKIP_BROWSER=1: no screenshots")
    if find_chromium() is None:
        pytest.fail("no Chromium for kaleido: run `make browser` (or NETLES_SKIP_BROWSER=1)")
    written = []
    with png_session():
        for case in datasets.case_names():
            for lang in ("nl", "en") if case == "multiprobleem_buurman" else ("nl",):
                folder = OUTPUT / (case if lang == "nl" else f"{case}_en")
                folder.mkdir(parents=True, exist_ok=True)
                for stem, fig in case_figures(case, lang).items():
                    path = to_png(fig, folder / f"{stem}.png", scale=1)
                    written.append((stem, path))
    assert len(written) >= 7 * len(datasets.case_names())
    # a case with moments also gets its moment-to-moment summary (issue 16.6)
    with_moments = {c for c in datasets.case_names() if len(datasets.load_case(c).moments) >= 2}
    assert with_moments and {p.parent.name for stem, p in written if stem == "momenten"} >= with_moments
    for stem, path in written:
        if stem == "profiel":  # a chart, as high as its bars need
            assert png_size(path)[0] >= 900
        elif stem == "momenten":  # two drawings and the summary under them: as wide as a slide, higher
            width, height = png_size(path)
            assert 1200 <= width <= FIGURE_SIZE[0] and height >= 600, (path, width, height)
        else:
            assert png_size(path) == FIGURE_SIZE, path
