"""Offline HTML handouts of executed lessons (and of the research report).

A handout is one HTML file a student can open anywhere, without a network: it makes no request to
another server. The nbconvert template (``netles/lesson_templates/netles_handout``) leaves out the
require.js, MathJax and widget-manager loaders; any remaining script or stylesheet with an external
address is removed. The lesson's title (its first heading) is the page title, and the ``parameters``
cells (the teacher's settings, and the one papermill adds) are left out.

**Widgets keep what they showed.** A live widget needs a widget manager and a kernel; a handout has
neither. So every widget output becomes a static snapshot of the view it had at the end of the run,
made from the widget state nbclient stores in the executed notebook
(``metadata.widgets["application/vnd.jupyter.widget-state+json"]``): the text and tables of HTML and
Label widgets, the figures in Output widgets, the current choice of a dropdown, slider or text field
as text, check boxes ticked or not, buttons as disabled buttons. Widgets hidden with
``layout.display = "none"`` stay hidden. Every plotly figure (in a widget or not) is drawn from its
JSON with plotly.js embedded once in the page, so the text under a widget ("kijk in de tabel
hierboven") is true on paper too.

References
----------
.. [1] Jupyter widgets, "Embedding Jupyter Widgets in Other Contexts": the widget state format
   (``application/vnd.jupyter.widget-state+json``) and view references
   (``application/vnd.jupyter.widget-view+json``).
"""
from __future__ import annotations

import base64
import copy
import html
import json
import os
import re
from pathlib import Path
from typing import Any, Iterable

__all__ = ["export_handout", "lesson_title", "strip_external_scripts", "snapshot_widgets", "widget_texts", "render_widget",
           "TEMPLATES", "WIDGET_VIEW", "WIDGET_STATE"]

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
PLOTLY = "application/vnd.plotly.v1+json"

TEMPLATES = Path(__file__).resolve().parent / "lesson_templates"
"""The folder with the nbconvert template of the handouts."""

# A script or stylesheet loaded from another server (a CDN loader, plotly's MathJax, a web font).
_EXTERNAL_SCRIPT = re.compile(
    r"<(script|link)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//[^>]*>(?:\s*</script>)?", re.IGNORECASE
)
_SETTINGS_TAGS = ("parameters", "injected-parameters")


def strip_external_scripts(page: str) -> str:
    """Remove scripts and stylesheets that load from another server (CDN loaders, web fonts).

    Examples
    --------
    >>> strip_external_scripts('<p>a</p><script src="https://cdn.x/y.js"></script><script>1</script>')
    '<p>a</p><script>1</script>'
    >>> strip_external_scripts('<link rel="stylesheet" href="https://fonts.x/f.css"><p>b</p>')
    '<p>b</p>'
    """
    return _EXTERNAL_SCRIPT.sub("", page)


# --------------------------------------------------------------------------------------------
# Static snapshots of widgets
# --------------------------------------------------------------------------------------------

_BOXES = {"BoxModel", "VBoxModel", "HBoxModel", "GridBoxModel"}
_TITLED = {"TabModel", "AccordionModel"}
_CHOICE_LISTS = {"RadioButtonsModel", "ToggleButtonsModel"}
_CHOICES = {"DropdownModel", "SelectModel", "SelectionSliderModel", "ComboboxModel"}
_MULTI = {"SelectMultipleModel", "SelectionRangeSliderModel"}
_SLIDERS = {"IntSliderModel", "FloatSliderModel", "FloatLogSliderModel", "IntRangeSliderModel", "FloatRangeSliderModel"}
_TEXTS = {"TextModel", "TextareaModel", "IntTextModel", "FloatTextModel", "BoundedIntTextModel",
          "BoundedFloatTextModel", "DatePickerModel", "ColorPickerModel", "TimePickerModel", "DatetimeModel"}
_PROGRESS = {"IntProgressModel", "FloatProgressModel"}

_CSS = """
.netles-widget-snapshot{margin:4px 0;font-size:13px;line-height:1.4}
.netles-w-row{display:flex;flex-flow:row wrap;gap:6px 12px;align-items:flex-start}
.netles-w-col{display:flex;flex-direction:column;gap:4px}
.netles-w-control{display:flex;gap:6px;align-items:baseline;margin:2px 0}
.netles-w-desc{color:#333;min-width:6em}
.netles-w-value{border:1px solid #bbb;border-radius:2px;background:#f7f7f7;padding:1px 6px;min-width:4em;white-space:pre-wrap}
.netles-w-empty{color:#888;font-style:italic}
.netles-w-button{border:1px solid #bbb;border-radius:2px;background:#eee;color:#555;padding:2px 10px;font:inherit}
.netles-w-options{list-style:none;margin:0;padding:0}
.netles-w-options li{margin:1px 0}
.netles-w-title{font-weight:bold;margin:8px 0 2px 0;border-bottom:1px solid #ddd}
.netles-w-output pre{margin:2px 0;white-space:pre-wrap}
"""


def _models(nb) -> dict[str, dict]:
    """model id -> ``{"model_name": ..., "state": {...}}`` from an executed notebook's metadata."""
    return dict(((nb.metadata.get("widgets") or {}).get(WIDGET_STATE) or {}).get("state") or {})


def _ref(value: Any) -> str | None:
    return value[len("IPY_MODEL_"):] if isinstance(value, str) and value.startswith("IPY_MODEL_") else None


def _hidden(state: dict, models: dict) -> bool:
    layout = (models.get(_ref(state.get("layout")) or "") or {}).get("state") or {}
    return layout.get("display") == "none" or layout.get("visibility") == "hidden"


def _number(value: Any, lang: str, fmt: str | None = None) -> str:
    """A widget's number as the student saw it (its readout format), with a decimal comma in Dutch."""
    if isinstance(value, (list, tuple)):
        return " – ".join(_number(v, lang, fmt) for v in value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "" if value is None else str(value)
    try:
        text = format(value, fmt.lstrip("~")) if fmt else (str(value) if isinstance(value, int) else f"{value:g}")
    except (ValueError, TypeError):
        text = str(value)
    return text.replace(".", ",") if lang == "nl" else text


def _description(state: dict) -> str:
    text = state.get("description") or ""
    return text if state.get("description_allow_html") else html.escape(text)


def _control(state: dict, value_html: str) -> str:
    desc = _description(state)
    label = f'<span class="netles-w-desc">{desc}</span>' if desc else ""
    return f'<div class="netles-w-control">{label}{value_html}</div>'


def _boxed(text: str, placeholder: str = "") -> str:
    if text:
        return f'<span class="netles-w-value">{html.escape(text)}</span>'
    return f'<span class="netles-w-value netles-w-empty">{html.escape(placeholder) or "&nbsp;"}</span>'


class _Renderer:
    """Turns widget models into static HTML; remembers whether plotly.js is needed."""

    def __init__(self, models: dict, lang: str = "nl"):
        self.models = models
        self.lang = lang
        self.plotly = False

    def widget(self, model_id: str | None, seen: frozenset = frozenset()) -> str:
        model = self.models.get(model_id or "")
        if not model or model_id in seen:
            return ""
        seen = seen | {model_id}
        name = model.get("model_name") or model.get("state", {}).get("_model_name", "")
        state = model.get("state") or {}
        if _hidden(state, self.models):
            return ""
        children = [self.widget(_ref(c), seen) for c in state.get("children") or []]
        if name in _BOXES:
            kind = "netles-w-row" if name == "HBoxModel" else "netles-w-col"
            return f'<div class="{kind}">{"".join(c for c in children if c)}</div>'
        if name in _TITLED:
            titles = state.get("titles") or []
            if isinstance(state.get("_titles"), dict):  # ipywidgets 7
                titles = [state["_titles"].get(str(i), "") for i in range(len(children))]
            parts = []
            for i, child in enumerate(children):
                title = titles[i] if i < len(titles) and titles[i] else ""
                parts.append((f'<div class="netles-w-title">{html.escape(title)}</div>' if title else "") + child)
            return f'<div class="netles-w-col">{"".join(parts)}</div>'
        if name == "StackModel":
            index = state.get("selected_index")
            return children[index] if isinstance(index, int) and 0 <= index < len(children) else ""
        if name in ("HTMLModel", "HTMLMathModel"):
            return _control(state, f'<div>{state.get("value") or ""}</div>') if state.get("description") \
                else f'<div>{state.get("value") or ""}</div>'
        if name == "LabelModel":
            return f'<div>{html.escape(str(state.get("value") or ""))}</div>'
        if name == "OutputModel":
            return f'<div class="netles-w-output">{self.outputs(state.get("outputs") or [], seen)}</div>'
        labels = list(state.get("_options_labels") or [])
        if name in _CHOICE_LISTS:
            index = state.get("index")
            marks = ["\u25c9" if i == index else "\u25cb" for i in range(len(labels))]  # (o) chosen, ( ) not
            items = "".join(f"<li>{mark} {html.escape(str(label))}</li>" for mark, label in zip(marks, labels))
            return _control(state, f'<ul class="netles-w-options">{items}</ul>')
        if name in _CHOICES:
            index = state.get("index")
            chosen = labels[index] if isinstance(index, int) and 0 <= index < len(labels) else state.get("value", "")
            return _control(state, _boxed(str(chosen or ""), "\u2014"))
        if name in _MULTI:
            index = state.get("index") or []
            chosen = [labels[i] for i in index if isinstance(i, int) and 0 <= i < len(labels)]
            return _control(state, _boxed(", ".join(map(str, chosen)), "\u2014"))
        if name in _SLIDERS:
            fmt = state.get("readout_format")
            return _control(state, _boxed(_number(state.get("value"), self.lang, fmt)))
        if name in _TEXTS:
            value = state.get("value")
            text = _number(value, self.lang) if isinstance(value, (int, float)) else \
                (value.get("year") and f'{value["year"]:04d}-{value["month"] + 1:02d}-{value["date"]:02d}'
                 if isinstance(value, dict) else str(value or ""))
            return _control(state, _boxed(text, state.get("placeholder") or ""))
        if name == "PasswordModel":
            return _control(state, _boxed("\u2022" * 6))
        if name in ("CheckboxModel", "ToggleButtonModel"):
            mark = "\u2611" if state.get("value") else "\u2610"
            return f'<div class="netles-w-control">{mark} {_description(state)}</div>'
        if name == "ValidModel":
            return _control(state, "\u2714" if state.get("value") else "\u2718")
        if name in ("ButtonModel", "FileUploadModel"):
            text = html.escape(state.get("description") or "")
            return f'<button class="netles-w-button" disabled>{text}</button>'
        if name in _PROGRESS:
            return _control(state, f'<progress value="{state.get("value", 0)}" max="{state.get("max", 100)}"></progress>')
        if name == "ImageModel" and model.get("_image"):
            fmt = state.get("format") or "png"
            return f'<img alt="" src="data:image/{fmt};base64,{model["_image"]}">'
        if "_data" in state and "_layout" in state:  # a plotly FigureWidget
            return self.figure({"data": state.get("_data") or [], "layout": state.get("_layout") or {}})
        return "".join(children)

    def figure(self, fig: dict) -> str:
        import plotly.io as pio

        self.plotly = True
        return pio.to_html(fig, include_plotlyjs=False, full_html=False, validate=False,
                           config={**(fig.get("config") or {}), "displaylogo": False, "responsive": True})

    def outputs(self, outputs: Iterable[dict], seen: frozenset = frozenset()) -> str:
        return "".join(self.output(o, seen) for o in outputs)

    def output(self, out: dict, seen: frozenset = frozenset()) -> str:
        kind = out.get("output_type")
        if kind == "stream":
            return f"<pre>{html.escape(out.get('text', ''))}</pre>"
        if kind == "error":
            text = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(out.get("traceback") or [out.get("evalue", "")]))
            return f'<pre class="netles-w-error">{html.escape(text)}</pre>'
        data = out.get("data") or {}
        if WIDGET_VIEW in data:
            return self.widget((data[WIDGET_VIEW] or {}).get("model_id"), seen)
        if PLOTLY in data:
            return self.figure(data[PLOTLY])
        if "text/html" in data:
            text = _joined(data["text/html"])
            return "" if _is_plotly_loader(text) else text
        for mime in ("image/png", "image/jpeg", "image/gif"):
            if mime in data:
                return f'<img alt="" src="data:{mime};base64,{_joined(data[mime]).strip()}">'
        if "image/svg+xml" in data:
            return _joined(data["image/svg+xml"])
        if "text/markdown" in data:
            from nbconvert.filters import markdown2html

            return markdown2html(_joined(data["text/markdown"]))
        if "text/plain" in data:
            return f"<pre>{html.escape(_joined(data['text/plain']))}</pre>"
        return ""


def _joined(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _is_plotly_loader(text: str) -> bool:
    """The output plotly's ``notebook`` renderer shows once to load plotly.js (no figure in it)."""
    return "plotly.js v" in text[:2000] or ("window.PlotlyConfig" in text and "Plotly.newPlot" not in text)


def _with_images(models: dict) -> dict:
    """Image widgets keep their bytes in ``buffers``; put them where the renderer looks."""
    for model in models.values():
        for buffer in model.get("buffers") or []:
            if buffer.get("path") == ["value"] and buffer.get("encoding") == "base64":
                model["_image"] = buffer.get("data", "")
    return models


def render_widget(model_id: str, nb, lang: str | None = None) -> str:
    """Static HTML of the widget ``model_id`` as it was at the end of ``nb``'s run.

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook()
    >>> nb.metadata["widgets"] = {WIDGET_STATE: {"version_major": 2, "version_minor": 0, "state": {
    ...     "box": {"model_name": "VBoxModel", "state": {"children": ["IPY_MODEL_h", "IPY_MODEL_d"]}},
    ...     "h": {"model_name": "HTMLModel", "state": {"value": "<b>Dichtheid: 0,27</b>"}},
    ...     "d": {"model_name": "DropdownModel", "state": {"description": "Casus", "index": 1,
    ...                                                    "_options_labels": ["Dylan", "Ineke"]}}}}}
    >>> print(render_widget("box", nb))
    <div class="netles-w-col"><div><b>Dichtheid: 0,27</b></div><div class="netles-w-control"><span class="netles-w-desc">Casus</span><span class="netles-w-value">Ineke</span></div></div>
    """
    lang = lang or (nb.metadata.get("netles") or {}).get("taal") or "nl"
    return _Renderer(_with_images(copy.deepcopy(_models(nb))), lang).widget(model_id)


def snapshot_widgets(nb):
    """Give every widget and plotly output of ``nb`` a static ``text/html`` view (in place).

    Widget views become the snapshot of their last state; plotly figures are drawn from their
    JSON; plotly's loader outputs are dropped. The widget state is removed from the metadata (no
    widget manager will read it). Returns ``(nb, needs_plotly)``: whether plotly.js must be on the
    page.
    """
    renderer = _Renderer(_with_images(_models(nb)), (nb.metadata.get("netles") or {}).get("taal") or "nl")
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        kept = []
        for out in cell.get("outputs", []):
            data = out.get("data")
            if data is None:
                kept.append(out)
                continue
            if WIDGET_VIEW in data:
                snapshot = renderer.widget((data[WIDGET_VIEW] or {}).get("model_id"))
                out["data"] = {"text/html": f'<div class="netles-widget-snapshot">{snapshot}</div>'}
            elif PLOTLY in data:
                out["data"] = {"text/html": renderer.figure(data[PLOTLY])}
            elif "text/html" in data and _is_plotly_loader(_joined(data["text/html"])):
                continue
            kept.append(out)
        cell.outputs = kept
    nb.metadata.pop("widgets", None)
    return nb, renderer.plotly


def widget_texts(nb, cells: Iterable | None = None) -> list[str]:
    """Every text the widgets shown in ``cells`` (default: all cells) hold: labels, HTML, choices.

    Used to check that a lesson in English mode shows no Dutch in its widgets.
    """
    models = _models(nb)
    roots = [(o.get("data") or {}).get(WIDGET_VIEW, {}).get("model_id")
             for c in (cells if cells is not None else nb.cells) for o in c.get("outputs", [])]
    texts: list[str] = []
    seen: set[str] = set()
    stack = [r for r in roots if r]
    while stack:
        model_id = stack.pop()
        if model_id in seen or model_id not in models:
            continue
        seen.add(model_id)
        state = models[model_id].get("state") or {}
        for key in ("value", "description", "placeholder", "tooltip"):
            if isinstance(state.get(key), str):
                texts.append(state[key])
        texts += [str(x) for x in (state.get("_options_labels") or []) + (state.get("titles") or []) if x]
        stack += [r for r in map(_ref, state.get("children") or []) if r]
        for out in state.get("outputs") or []:
            if out.get("output_type") == "stream":
                texts.append(out.get("text", ""))
            data = out.get("data") or {}
            texts += [_joined(data[m]) for m in ("text/html", "text/markdown") if m in data]
            if WIDGET_VIEW in data:
                stack.append(data[WIDGET_VIEW].get("model_id"))
    return texts


def _read(notebook, copy_: bool = True):
    import nbformat

    if isinstance(notebook, (str, os.PathLike)):
        return nbformat.read(str(notebook), as_version=4)
    return copy.deepcopy(notebook) if copy_ else notebook


def lesson_title(nb) -> str:
    """The first heading of a notebook (a path or a notebook), as plain text; ``""`` if none.

    The handout's page title; :mod:`netles.lessons` shows it as the lesson's title.

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Thema 2 · *Betekenis*\\n\\ntekst")])
    >>> lesson_title(nb)
    'Thema 2 · Betekenis'
    """
    for cell in _read(nb, copy_=False).cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            heading = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
            if heading:
                text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading.group(1))  # links -> their text
                return re.sub(r"[*_`]", "", text).strip()
    return ""


def _for_handout(nb, hide_code: bool):
    """The notebook as the handout shows it: no settings cells, hidden code left out."""
    cells = []
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if cell.cell_type == "code" and any(t in tags for t in _SETTINGS_TAGS):
            continue
        if cell.cell_type == "code" and (hide_code or cell.metadata.get("jupyter", {}).get("source_hidden")):
            cell.metadata.setdefault("transient", {})["remove_source"] = True
        cells.append(cell)
    nb.cells = cells
    return nb


def export_handout(notebook, html_path: str | os.PathLike, *, hide_code: bool = False,
                   title: str | None = None) -> Path:
    """Write an offline HTML page of an executed notebook.

    Parameters
    ----------
    notebook : path or nbformat.NotebookNode
        An executed notebook.
    html_path : path
        Where to write the page (atomically).
    hide_code : bool
        Leave out the code of every cell; code cells marked hidden
        (``metadata.jupyter.source_hidden``) are always left out.
    title : str, optional
        The page title (default: the notebook's first heading).

    Returns
    -------
    pathlib.Path
        ``html_path``.
    """
    from nbconvert import HTMLExporter

    from .io import atomic_write_text

    nb, needs_plotly = snapshot_widgets(_for_handout(_read(notebook), hide_code))
    title = title or lesson_title(nb) or "netles"
    exporter = HTMLExporter(extra_template_basedirs=[str(TEMPLATES)], template_name="netles_handout",
                            exclude_input=hide_code, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    head = f'<style type="text/css">{_CSS}</style>'
    if needs_plotly:
        from plotly.offline import get_plotlyjs

        # plotly.js once, inline, before the first figure: no CDN, no require.js
        head += ('<script type="text/javascript">window.PlotlyConfig = {MathJaxConfig: "local"};</script>'
                 f'<script type="text/javascript">{get_plotlyjs()}</script>')
    body = strip_external_scripts(body).replace("</head>", head + "\n</head>", 1)
    html_path = Path(html_path)
    atomic_write_text(html_path, body)
    return html_path
