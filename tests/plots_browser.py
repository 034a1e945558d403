"""Measure where plotly really draws the texts of a figure: Debian's Chromium through Playwright.

Used by ``tests/test_plots_browser.py`` to check the text-size estimates of
:mod:`netles.plots.textsize` and the boxes of :func:`netles.plots.text_boxes` against the drawing,
and to check drawn figures for overlapping or cut-off text. plotly.js comes from the plotly
package (no network); Chromium is ``/usr/bin/chromium`` and is never downloaded.
"""
from __future__ import annotations

import json
from pathlib import Path

import plotly

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"

# Collects, in figure pixels (origin top left of the figure): every drawn text with its kind, the
# plot areas and the legend box. getBBox of an SVG text is its layout box (advance widths, font
# ascent and descent), the same thing the estimates describe.
_MEASURE_JS = r"""
async ([fig]) => {
  const div = document.getElementById('fig');
  await Plotly.newPlot(div, fig.data, fig.layout, {staticPlot: true});
  const root = div.querySelector('.main-svg').getBoundingClientRect();
  const rect = (el) => { const r = el.getBoundingClientRect();
    return [r.left - root.left, r.top - root.top, r.right - root.left, r.bottom - root.top]; };
  const out = {texts: [], plots: [], legend: null, width: root.width, height: root.height};
  div.querySelectorAll('.scatterlayer .trace').forEach((tr, ti) => {
    tr.querySelectorAll('.textpoint text').forEach((t) => {
      if (t.textContent) out.texts.push({kind: 'point', text: t.textContent, box: rect(t), trace: ti}); });
  });
  div.querySelectorAll('.bartext').forEach((t) => {
    if (t.textContent) out.texts.push({kind: 'bar', text: t.textContent, box: rect(t)}); });
  div.querySelectorAll('g.annotation').forEach((a) => {
    const t = a.querySelector('text.annotation-text');
    if (t && t.textContent) out.texts.push({kind: 'annotation', index: +a.getAttribute('data-index'),
                                           text: t.textContent, box: rect(t)}); });
  const title = div.querySelector('.gtitle');
  if (title && title.textContent) out.texts.push({kind: 'title', text: title.textContent, box: rect(title)});
  div.querySelectorAll('.legend .legendtext').forEach((t) => {
    if (t.textContent) out.texts.push({kind: 'legend', text: t.textContent, box: rect(t)}); });
  div.querySelectorAll('.legend .legendtitletext').forEach((t) => {
    if (t.textContent) out.texts.push({kind: 'legendtitle', text: t.textContent, box: rect(t)}); });
  div.querySelectorAll('g[class*="tick"] > text, g[class^="g-"][class*="title"]:not(.g-gtitle) > text').forEach((t) => {
    if (t.textContent) out.texts.push({kind: 'axis', text: t.textContent, box: rect(t)}); });
  const legend = div.querySelector('.legend .bg');
  if (legend) out.legend = rect(legend);
  const fl = div._fullLayout;
  Object.values(fl._plots || {}).forEach((sp) => {
    const xa = sp.xaxis, ya = sp.yaxis;
    out.plots.push({name: sp.id, box: [xa._offset, ya._offset, xa._offset + xa._length, ya._offset + ya._length]}); });
  out.size = {l: fl._size.l, r: fl._size.r, t: fl._size.t, b: fl._size.b, w: fl._size.w, h: fl._size.h};
  Plotly.purge(div);
  return out;
}
"""


class Measurer:
    """A Chromium page with plotly.js loaded; :meth:`measure` draws a figure and returns its texts."""

    def __init__(self):
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        self._browser = self._pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        self.page = self._browser.new_page(viewport={"width": 1600, "height": 1200})
        self.page.set_content('<html><head><meta charset="utf-8"></head><body style="margin:0">'
                              '<div id="fig"></div></body></html>')
        self.page.add_script_tag(content=PLOTLY_JS.read_text(encoding="utf-8"))

    def measure(self, fig) -> dict:
        return self.page.evaluate(_MEASURE_JS, [json.loads(fig.to_json())])

    def close(self) -> None:
        self._browser.close()
        self._pw.stop()
