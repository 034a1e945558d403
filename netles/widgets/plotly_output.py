"""Plotly figures in an ipywidgets ``Output``, for every widget that shows one.

Its own module (it used to be in :mod:`netles.widgets.editor`, which still exports it) so that the
moments viewer, which the editor embeds, can use it without importing the editor back.
"""
from __future__ import annotations

import json

import ipywidgets as W

__all__ = ["figure_output"]


def figure_output(figure, output: W.Output | None = None, height: int | None = None, width: int | None = None,
                  legend_below: bool = False) -> W.Output:
    """Show a plotly figure in an :class:`ipywidgets.Output` (created if not given).

    The figure is put in the output as plotly's own MIME bundle (``application/vnd.plotly.v1+json``),
    which JupyterLab and Voila draw with the bundled plotly.js: nothing is loaded from the internet
    and it works without a kernel connection in tests (the ``outputs`` are set directly).

    Parameters
    ----------
    figure : plotly.graph_objects.Figure
    output : ipywidgets.Output, optional
    height, width : int, optional
        Size in pixels to set on the figure's layout (the figure itself is not changed).
    legend_below : bool
        Put the legend in a row under the plot instead of beside it, so a narrow figure keeps
        its full width for the drawing.

    Returns
    -------
    ipywidgets.Output

    Examples
    --------
    >>> from netles import datasets, plots
    >>> out = figure_output(plots.netwerkcirkel(datasets.load_case("voorbeeld")), height=400)
    >>> out.outputs[0]["data"]["application/vnd.plotly.v1+json"]["layout"]["height"]
    400
    """
    output = output if output is not None else W.Output()
    fig_dict = json.loads(figure.to_json())
    layout = fig_dict.setdefault("layout", {})
    if height:
        layout["height"] = height
    if width:
        layout["width"] = width
    if legend_below:
        layout["legend"] = {**layout.get("legend", {}), "orientation": "h", "x": 0, "xanchor": "left", "y": -0.02,
                            "yanchor": "top"}
        layout["margin"] = {**layout.get("margin", {}), "r": 10, "l": 10, "b": 10}
    fig_dict["config"] = {"displaylogo": False, "responsive": True}
    title = (fig_dict.get("layout", {}).get("title") or {}).get("text", "") if isinstance(fig_dict.get("layout", {}).get("title"), dict) else ""
    output.outputs = (
        {
            "output_type": "display_data",
            "data": {"application/vnd.plotly.v1+json": fig_dict, "text/plain": f"<plotly figure {title}>"},
            "metadata": {},
        },
    )
    return output
