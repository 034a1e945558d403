"""The RADIO planner: try an intervention on one person, see the map and the profile before and
after, build a plan in seven steps and print it as a one-page handout.

:func:`radio_planner` returns ``(widget, PlannerState)``. The logic lives in
:mod:`netles.models` (the interventions, :class:`~netles.models.Plan` and its handout); the state
only keeps track of what is chosen, and the widget only shows it.
"""
from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any

import ipywidgets as W
import pandas as pd

from .. import vocab
from ..io import atomic_write_text
from ..models.plan import PLAN_GOALS, PLAN_PROFILE_KEYS, PLAN_STEPS, Plan
from ..models.radio import INTERVENTION_LABELS, INTERVENTIONS, MEMBER_KINDS, InterventionResult, NotApplicable, apply_intervention
from ..network import EgoNetwork
from ..profile import metric_label, quality_profile
from .editor import EditorState, _netwerkcirkel, figure_output

__all__ = ["radio_planner", "PlannerState", "PLANNER_ACTIONS"]

PLANNER_ACTIONS = ("revive", "activate", "unblock", "intensify", "maintain", "cut_tie", "add_member")
"""The interventions the planner offers, in RADIO order, then cutting a tie and a new member."""

_T = {
    "alter": ("Persoon", "Person"),
    "action": ("Interventie", "Intervention"),
    "function": ("Steunfunctie", "Support function"),
    "kind": ("Soort nieuw lid", "Kind of member"),
    "member_name": ("Naam nieuw lid", "Name of new member"),
    "mode": ("Hoe", "How"),
    "mode_remove": ("uit het netwerk halen", "take out of the network"),
    "mode_mark": ("op de kaart laten, als doorgesneden", "keep on the map, marked as cut"),
    "add": ("Toevoegen aan plan", "Add to plan"),
    "undo": ("Laatste stap weghalen", "Remove last step"),
    "goal": ("Doel", "Goal"),
    "no_goal": ("(nog niet gekozen)", "(not chosen yet)"),
    "title": ("Titel", "Title"),
    "export": ("Handout maken (HTML)", "Make handout (HTML)"),
    "file": ("Bestand", "File"),
    "before": ("Nu", "Now"),
    "after": ("Na deze stap", "After this step"),
    "fits": ("Past bij {who}:", "Fits {who}:"),
    "not_fits": ("Past niet:", "Does not fit:"),
    "nothing": ("niets", "nothing"),
    "steps": ("Stappen in het plan", "Steps in the plan"),
    "no_steps": ("Nog geen interventies gekozen.", "No interventions chosen yet."),
    "added": ("{name} toegevoegd aan het plan.", "{name} added to the plan."),
    "removed": ("Laatste stap weggehaald.", "Last step removed."),
    "exported": ("Handout opgeslagen als {path}.", "Handout saved as {path}."),
    "export_failed": ("De handout kon niet worden opgeslagen ({why}).", "The handout could not be saved ({why})."),
    "seven": ("De zeven stappen (notities)", "The seven steps (notes)"),
    "metric": ("kenmerk", "metric"),
    "change": ("verschil", "change"),
    "network_changed": (
        "Het netwerk is veranderd: het plan begint opnieuw vanaf de nieuwe kaart{dropped}.",
        "The network changed: the plan starts again from the new map{dropped}.",
    ),
    "dropped_one": (" (1 stap paste niet meer en is weggehaald)", " (1 step no longer fitted and was removed)"),
    "dropped": (" ({n} stappen pasten niet meer en zijn weggehaald)", " ({n} steps no longer fitted and were removed)"),
    "empty": ("Voeg eerst mensen toe aan het netwerk.", "Add people to the network first."),
}


def _t(key: str, lang: str, **kw: Any) -> str:
    text = _T[key][vocab.LANGUAGES.index(lang)]
    return text.format(**kw) if kw else text


def _name(action: str, lang: str) -> str:
    return INTERVENTION_LABELS[action][vocab.LANGUAGES.index(lang)]


PLANNER_FIGURE_SIZE = (600, 600)
"""Width and height (pixels) of the planner's before and after netwerkcirkels: the app size of
:data:`netles.plots.SIZES`, drawn for that size so names stay readable (they wrap below the controls
on a 1366 x 768 screen)."""


class PlannerState:
    """What the planner holds: the plan so far and the intervention being tried.

    Parameters
    ----------
    network : EgoNetwork or EditorState
        The network to plan for. With an editor's state the planner follows the editor: when the
        network is edited, the plan starts again from the new network (steps that still fit are kept).
    lang : {"nl", "en"}

    Attributes
    ----------
    plan : netles.models.Plan
        The plan (immutable; every change replaces it).
    preview : InterventionResult or None
        The intervention being tried, applied to the network after the plan's steps.
    reason : str or None
        Why the chosen intervention does not fit (in the planner's language), when it does not.
    figure_before, figure_after : plotly Figure
        Netwerkcirkel now (after the plan's steps) and after the tried intervention.
    comparison : pandas.DataFrame
        Before, after and change of the profile for the tried intervention.
    message : str

    Examples
    --------
    >>> from netles import datasets
    >>> state = PlannerState(datasets.load_case("voorbeeld"))
    >>> [a for a, ok, _ in state.options("B") if ok]  # her brother: a family tie is not cut in a plan
    ['unblock', 'add_member']
    >>> state.try_intervention("unblock", "B").name
    'Deblokkeren'
    >>> state.add_preview()
    >>> len(state.plan.interventions)
    1
    """

    def __init__(self, network: EgoNetwork | EditorState, lang: str = "nl"):
        if lang not in vocab.LANGUAGES:
            raise ValueError(f"lang must be one of {vocab.LANGUAGES}, not {lang!r}")
        self.lang = lang
        self.editor = network if isinstance(network, EditorState) else None
        start = network.network if self.editor is not None else network
        self.plan = Plan(start)
        self.preview: InterventionResult | None = None
        self.reason: str | None = None
        self.message = ""
        self.handout: Path | None = None
        self._listeners: list = []
        self._draw()
        if self.editor is not None:
            self.editor.on_change(lambda s: self.restart(s.network))

    # -- plumbing -----------------------------------------------------------------------------
    def on_change(self, callback) -> None:
        """Call ``callback(state)`` after every change."""
        self._listeners.append(callback)

    def _notify(self) -> None:
        for callback in list(self._listeners):
            callback(self)

    def _draw(self) -> None:
        now = self.plan.after
        self.figure_before = _netwerkcirkel(now, self.lang, PLANNER_FIGURE_SIZE)
        after = self.preview.network if self.preview is not None else now
        self.figure_after = _netwerkcirkel(after, self.lang, PLANNER_FIGURE_SIZE) if self.preview is not None else self.figure_before
        before_p, after_p = quality_profile(now), quality_profile(after)
        keys = list(PLAN_PROFILE_KEYS)
        self.comparison = pd.DataFrame({"before": before_p[keys], "after": after_p[keys], "change": after_p[keys] - before_p[keys]})

    @property
    def network(self) -> EgoNetwork:
        """The network after the plan's steps (what the next intervention works on)."""
        return self.plan.after

    # -- choices ------------------------------------------------------------------------------
    def options(self, alter_id: str | None) -> list[tuple[str, bool, str | None]]:
        """Every intervention for one person: ``(action, fits, reason why not or None)``.

        ``activate`` fits when at least one support function can be added; ``add_member`` always
        fits (it is about someone new).
        """
        out = []
        net = self.network
        for action in PLANNER_ACTIONS:
            if action == "add_member":
                out.append((action, True, None))
                continue
            if alter_id is None:
                out.append((action, False, None))
                continue
            try:
                if action == "activate":
                    last: NotApplicable | None = None
                    for function in vocab.SUPPORT.codes:
                        try:
                            INTERVENTIONS["activate"](net, alter_id, function)
                            break
                        except NotApplicable as exc:
                            last = exc
                    else:
                        raise last if last is not None else NotApplicable("")
                else:
                    INTERVENTIONS[action](net, alter_id)
                out.append((action, True, None))
            except NotApplicable as exc:
                out.append((action, False, exc.message(self.lang)))
        return out

    def functions(self, alter_id: str) -> list[str]:
        """The support functions that ``activate`` could still add for this person."""
        out = []
        for function in vocab.SUPPORT.codes:
            try:
                INTERVENTIONS["activate"](self.network, alter_id, function)
                out.append(function)
            except NotApplicable:
                pass
        return out

    def try_intervention(self, action: str, alter_id: str | None = None, **params: Any) -> InterventionResult | None:
        """Try one intervention on the network as it is after the plan's steps.

        Sets :attr:`preview` and the before/after figures and comparison; when it does not fit,
        :attr:`preview` is None and :attr:`reason` says why (in :attr:`lang`). Returns the preview.
        """
        try:
            self.preview = apply_intervention(self.network, action, alter_id, params)
            self.reason = None
        except NotApplicable as exc:
            self.preview = None
            self.reason = exc.message(self.lang)
        self._draw()
        self._notify()
        return self.preview

    def add_preview(self) -> None:
        """Add the tried intervention to the plan (nothing happens when none fits)."""
        if self.preview is None:
            return
        self.plan = self.plan.add(self.preview)
        self.message = _t("added", self.lang, name=_name(self.preview.action, self.lang))
        self.preview = None
        self._draw()
        self._notify()

    def remove_last(self) -> None:
        """Take the last intervention out of the plan."""
        if self.plan.interventions:
            self.plan = self.plan.without_intervention(len(self.plan.interventions) - 1)
            self.preview = None
            self.message = _t("removed", self.lang)
            self._draw()
            self._notify()

    def set_goal(self, goal: str | None) -> None:
        """Set the plan's goal (a key of :data:`netles.models.PLAN_GOALS`, or None)."""
        self.plan = self.plan.with_goal(goal)
        self._notify()

    def set_note(self, step: str, text: str) -> None:
        """Set the note of one of the seven steps (a key of :data:`netles.models.PLAN_STEPS`)."""
        self.plan = self.plan.with_note(step, text)

    def set_title(self, title: str) -> None:
        """Set the handout's title."""
        self.plan = self.plan._copy(title=title)

    def restart(self, network: EgoNetwork) -> None:
        """Start the plan again from a changed network, keeping the steps that still fit."""
        if network == self.plan.network:
            return
        kept = Plan(network, goal=self.plan.goal, notes=self.plan.notes, title=self.plan.title)
        dropped = 0
        for step in self.plan.interventions:
            try:
                kept = kept.add(step["action"], step["alter_id"], **step["params"])
            except (NotApplicable, KeyError, ValueError):
                dropped += 1
        self.plan = kept
        self.preview = None
        self.reason = None
        extra = "" if not dropped else (_t("dropped_one", self.lang) if dropped == 1 else _t("dropped", self.lang, n=dropped))
        self.message = _t("network_changed", self.lang, dropped=extra)
        self._draw()
        self._notify()

    def export(self, path: str | os.PathLike) -> Path:
        """Write the plan's one-page handout (:meth:`netles.models.Plan.to_html`) atomically.

        A relative path is taken from the current working folder, which in JupyterLab and in the
        app is the notebook's own folder: the handout lands next to the notebook, where the student
        finds it. Returns the full path (also kept in :attr:`handout` and named in the message).
        """
        path = Path(path).expanduser()
        if not path.is_absolute():
            path = Path.cwd() / path
        path = path.resolve()
        atomic_write_text(path, self.plan.to_html(self.lang))
        self.handout = path
        self.message = _t("exported", self.lang, path=str(path))
        self._notify()
        return path


def _comparison_html(comparison: pd.DataFrame, lang: str) -> str:
    def fmt(x: float) -> str:
        if pd.isna(x):
            return "-"
        text = str(int(x)) if float(x).is_integer() else f"{x:.2f}"
        return text.replace(".", ",") if lang == "nl" else text

    def fmt_change(before: float, after: float) -> str:
        # the change of the numbers as shown, so that the columns add up (0,10 -> 0,09 is -0,01, never -0,00)
        if pd.isna(before) or pd.isna(after):
            return "-"
        x = round(round(after, 2) - round(before, 2), 2)
        if abs(x) < 1e-12:
            return ""
        return ("+" if x > 0 else "−") + fmt(abs(x))

    rows = "".join(
        f'<tr data-key="{html.escape(k)}"><td>{html.escape(metric_label(k, lang))}</td><td style="text-align:right">{fmt(r.before)}</td>'
        f'<td style="text-align:right">{fmt(r.after)}</td><td style="text-align:right;font-weight:bold">{fmt_change(r.before, r.after)}</td></tr>'
        for k, r in comparison.iterrows()
    )
    head = f"<tr><th>{_t('metric', lang)}</th><th>{_t('before', lang)}</th><th>{_t('after', lang)}</th><th>{_t('change', lang)}</th></tr>"
    return f'<table class="netles-comparison" style="font-size:12px;border-collapse:collapse">{head}{rows}</table>'


def _layout(width: str = "380px", **kw: Any) -> W.Layout:
    """A new Layout for one control.

    Every control gets its own Layout object: a Layout shared between widgets is one model in the
    browser, so hiding one control (``display: none``) would hide every control that shares it.
    """
    return W.Layout(width=width, max_width="100%", **kw)


def _file_link(path: Path) -> str:
    """An HTML link to a saved file, with the full path as its text.

    A file under the working folder gets a relative link, which JupyterLab opens in its own viewer
    and Voila serves next to the notebook; elsewhere the link is a ``file://`` address.
    """
    try:
        href = path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        href = path.as_uri()
    return (f"<a href='{html.escape(href, quote=True)}' target='_blank' rel='noopener' "
            f"class='netles-handout-link'>{html.escape(str(path))}</a>")


class _PlannerWidget(W.VBox):
    def __init__(self, state: PlannerState, handout_path: str | os.PathLike):
        lang = self.lang = state.lang
        self.state = state
        style = {"description_width": "140px"}  # "Naam nieuw lid", "Name of new member" fit
        self.alter = W.Dropdown(description=_t("alter", lang), layout=_layout(), style=style)
        self.action = W.Dropdown(description=_t("action", lang), layout=_layout(), style=style)
        self.function = W.Dropdown(description=_t("function", lang), layout=_layout(), style=style)
        self.kind = W.Dropdown(
            options=[(v["label"][vocab.LANGUAGES.index(lang)], k) for k, v in MEMBER_KINDS.items()],
            description=_t("kind", lang), layout=_layout(), style=style,
        )
        self.member_name = W.Text(description=_t("member_name", lang), layout=_layout(), style=style)
        self.mode = W.Dropdown(options=[(_t("mode_remove", lang), "remove"), (_t("mode_mark", lang), "mark")],
                               description=_t("mode", lang), layout=_layout(), style=style)
        # shown only for "Band doorsnijden", which a plan offers only for someone the case marks as a danger
        self.mode.add_class("netles-conditional")
        self.fits = W.HTML(layout=_layout())
        self.explanation = W.HTML(layout=_layout())
        self.explanation.add_class("netles-explanation")
        self.add_button = W.Button(description=_t("add", lang), button_style="primary", icon="plus", layout=_layout("200px"))
        self.undo_button = W.Button(description=_t("undo", lang), layout=_layout("200px"))
        self.before = W.Output(layout=_layout(f"{PLANNER_FIGURE_SIZE[0] + 10}px"))
        self.after = W.Output(layout=_layout(f"{PLANNER_FIGURE_SIZE[0] + 10}px"))
        self.comparison = W.HTML()
        self.steps = W.HTML()
        self.goal = W.Dropdown(
            options=[(_t("no_goal", lang), ""), *[(v[vocab.LANGUAGES.index(lang)], k) for k, v in PLAN_GOALS.items()]],
            description=_t("goal", lang), layout=_layout("420px"), style=style,
        )
        self.title = W.Text(description=_t("title", lang), layout=_layout("430px"), style=style)
        self.notes = {key: W.Textarea(layout=_layout("95%", height="56px")) for key in PLAN_STEPS}
        for note in self.notes.values():
            note.add_class("netles-free-text")  # the student's notes show in the handout, not on screen
        notes = W.Accordion(children=list(self.notes.values()), layout=_layout("430px"))
        for i, (key, labels) in enumerate(PLAN_STEPS.items()):
            notes.set_title(i, f"{i + 1}. {labels[vocab.LANGUAGES.index(lang)]}")
        self.file = W.Text(value=str(handout_path), description=_t("file", lang), layout=_layout("430px"), style=style)
        self.where = W.HTML(layout=_layout("420px"))
        self.where.add_class("netles-handout-where")
        self.export_button = W.Button(description=_t("export", lang), icon="file", layout=_layout("200px"))
        self.message = W.HTML(layout=_layout("430px"))
        self.message.add_class("netles-planner-message")

        choose = W.VBox([self.alter, self.action, self.function, self.kind, self.member_name, self.mode, self.fits,
                         self.explanation, W.HBox([self.add_button]), W.HBox([self.undo_button])],
                        layout=W.Layout(width="395px"))
        maps = W.HBox([W.VBox([W.HTML(f"<b>{_t('before', lang)}</b>"), self.before]),
                       W.VBox([W.HTML(f"<b>{_t('after', lang)}</b>"), self.after])], layout=W.Layout(flex_flow="row wrap"))
        plan = W.VBox([W.HTML(f"<b>{_t('steps', lang)}</b>"), self.steps, self.goal, self.title,
                       W.HTML(f"<b>{_t('seven', lang)}</b>"), notes, self.file, self.where, self.export_button,
                       self.message],
                      layout=W.Layout(width="450px"))
        super().__init__([
            W.HBox([choose, W.VBox([maps])], layout=W.Layout(flex_flow="row wrap", align_items="flex-start")),
            W.HBox([W.VBox([self.comparison], layout=W.Layout(width="460px")), plan], layout=W.Layout(flex_flow="row wrap")),
        ])
        self.add_class("netles-planner")
        # Class names let a browser test (and a teacher's stylesheet) find each control.
        for name in ("alter", "action", "function", "kind", "member_name", "mode", "add_button", "undo_button",
                     "goal", "title", "file", "export_button"):
            getattr(self, name).add_class(f"netles-planner-{name.replace('_', '-')}")

        self._quiet = False
        self._seen_network = state.network
        for widget in (self.alter, self.action, self.function, self.kind, self.mode):
            widget.observe(lambda _c: self.on_choice(), "value")
        self.member_name.observe(lambda _c: self.on_choice(), "value")
        self.add_button.on_click(lambda _b: self.on_add())
        self.undo_button.on_click(lambda _b: state.remove_last())
        self.export_button.on_click(lambda _b: self.on_export())
        self.file.observe(lambda _c: self.show_where(), "value")
        self.goal.observe(lambda c: state.set_goal(c["new"] or None), "value")
        self.title.observe(lambda c: state.set_title(c["new"]), "value")
        for key, area in self.notes.items():
            area.observe(lambda c, k=key: state.set_note(k, c["new"]), "value")
        state.on_change(lambda _s: self.refresh())
        self.show_where()
        self.refresh_choices()
        self.on_choice()

    # -- choices -------------------------------------------------------------------------------
    def refresh_choices(self) -> None:
        net = self.state.network
        options = [(net.alter(a).get("name") or a, a) for a in net.alter_ids]
        self._quiet = True
        try:
            current = self.alter.value
            self.alter.options = options
            self.alter.value = current if current in net.alter_ids else (options[0][1] if options else None)
        finally:
            self._quiet = False
        self._action_options()

    def _action_options(self) -> None:
        options = self.state.options(self.alter.value)
        fitting = [(a, r) for a, ok, r in options if ok]
        current = self.action.value
        self._quiet = True
        try:
            self.action.options = [(_name(a, self.lang), a) for a, _ in fitting]
            # An empty Dropdown given options stays at None: choose explicitly.
            codes = [a for a, _ in fitting]
            self.action.value = current if current in codes else (codes[0] if codes else None)
        finally:
            self._quiet = False
        who = html.escape(self.alter.label or "") if self.alter.value else ""
        fit_names = ", ".join(_name(a, self.lang) for a, _ in fitting if a != "add_member") or _t("nothing", self.lang)
        not_fit = "".join(
            f"<li><b>{_name(a, self.lang)}</b>: {html.escape(r)}</li>" for a, ok, r in options if not ok and r
        )
        text = f"<div style='font-size:12px'>{_t('fits', self.lang, who=who)} {fit_names}"
        if not_fit:
            text += f"<br>{_t('not_fits', self.lang)}<ul style='margin:2px 0 0 0;padding-left:18px'>{not_fit}</ul>"
        self.fits.value = text + "</div>"

    def _show(self, widget: W.Widget, visible: bool) -> None:
        widget.layout.display = None if visible else "none"

    def on_choice(self) -> None:
        """Try what is chosen now: the person, the intervention and its details."""
        if self._quiet:
            return
        self._action_options()
        action = self.action.value
        alter_id = self.alter.value
        self._show(self.function, action == "activate")
        self._show(self.kind, action == "add_member")
        self._show(self.member_name, action == "add_member")
        self._show(self.mode, action == "cut_tie")
        if action == "activate" and alter_id is not None:
            functions = self.state.functions(alter_id)
            options = [(vocab.SUPPORT.label(f, self.lang), f) for f in functions]
            if list(self.function.options) != options or self.function.value not in functions:
                self._quiet = True
                try:
                    current = self.function.value
                    self.function.options = options
                    self.function.value = current if current in functions else (functions[0] if functions else None)
                finally:
                    self._quiet = False
        if action is None:
            self.state.preview = None
            self.state.reason = None
            self.refresh()
            return
        params: dict[str, Any] = {}
        if action == "activate":
            params["function"] = self.function.value
        elif action == "add_member":
            params["kind"] = self.kind.value
            if self.member_name.value.strip():
                params["name"] = self.member_name.value.strip()
        elif action == "cut_tie":
            params["mode"] = self.mode.value
        self.state.try_intervention(action, None if action == "add_member" else alter_id, **params)

    def on_add(self) -> None:
        # Adding changes the network; refresh() then offers the choices anew and tries the next one.
        self.state.add_preview()

    def show_where(self) -> None:
        """Say where the handout will be saved (the full path), before it is made."""
        target = Path(self.file.value.strip() or "plan.html").expanduser()
        if not target.is_absolute():
            target = Path.cwd() / target
        label = ("Wordt opgeslagen als" if self.lang == "nl" else "Will be saved as")
        self.where.value = f"<span style='font-size:12px;color:#555'>{label} {html.escape(str(target))}</span>"

    def on_export(self) -> None:
        try:
            self.state.export(self.file.value.strip() or "plan.html")
        except OSError as exc:
            self.message.value = f"<span style='color:#a40000'>{html.escape(_t('export_failed', self.lang, why=exc.strerror or str(exc)))}</span>"

    # -- drawing -------------------------------------------------------------------------------
    def refresh(self) -> None:
        state = self.state
        if state.network is not self._seen_network:
            # The network changed (a step added or removed, or the editor changed it): offer the
            # choices that fit the new network and try the current choice again, so that the add
            # button follows what is applicable now. on_choice() redraws through the state.
            self._seen_network = state.network
            self.refresh_choices()
            self.on_choice()
            return
        figure_output(state.figure_before, self.before)
        figure_output(state.figure_after, self.after)
        self.comparison.value = _comparison_html(state.comparison, self.lang)
        if state.preview is not None:
            self.explanation.value = f"<div style='background:#eef6ee;padding:4px'>{html.escape(state.preview.explanation(self.lang))}</div>"
            self.add_button.disabled = False
        else:
            reason = state.reason or (_t("empty", self.lang) if not state.network.alter_ids else "")
            self.explanation.value = f"<div style='color:#a40000'>{html.escape(reason)}</div>" if reason else ""
            self.add_button.disabled = True
        self.undo_button.disabled = not state.plan.interventions
        if state.plan.interventions:
            # The explanation already starts with the intervention's name ("Activeren: ..."): show
            # the name once, in bold, and the rest after it.
            items = "".join(
                f"<li><b>{html.escape(_name(r.action, self.lang))}</b>: {html.escape(r.body(self.lang))}</li>"
                for r in state.plan.results()
            )
            self.steps.value = f"<ol class='netles-plan-steps' style='font-size:12px;padding-left:18px'>{items}</ol>"
        else:
            self.steps.value = f"<i>{_t('no_steps', self.lang)}</i>"
        if state.handout is not None and state.message == _t("exported", self.lang, path=str(state.handout)):
            text = _t("exported", self.lang, path="\0").split("\0")
            self.message.value = (f"<span style='color:#1d5e20'>{html.escape(text[0])}{_file_link(state.handout)}"
                                  f"{html.escape(text[1])}</span>")
        else:
            self.message.value = f"<span style='color:#1d5e20'>{html.escape(state.message)}</span>" if state.message else ""


def radio_planner(
    network: EgoNetwork | EditorState,
    lang: str = "nl",
    handout_path: str | os.PathLike = "plan.html",
) -> tuple[W.Widget, PlannerState]:
    """A planner for strengthening a network with the RADIO interventions.

    Pick a person and an intervention: only the ones that fit are offered, and for the others the
    Dutch reason why not is shown. The map and the profile before and after appear at once; "Toevoegen
    aan plan" adds the step. Choose a goal, write notes for the seven steps and save the plan as a
    one-page HTML handout (:meth:`netles.models.Plan.to_html`, written atomically).

    Parameters
    ----------
    network : EgoNetwork or EditorState
        The network, or an editor's state (the planner then follows the editor).
    lang : {"nl", "en"}
    handout_path : path-like
        Where "Handout maken" saves, shown (and editable) in the widget. A relative path (the
        default ``plan.html``) is taken from the working folder, which in JupyterLab and in the app
        is the notebook's folder, so the handout lands next to the notebook; the widget shows the
        full path before saving and a link to it afterwards. Avoid a temporary folder: the student
        would not find the file there.

    Returns
    -------
    (widget, PlannerState)
        The widget's parts are attributes: ``alter``, ``action``, ``function``, ``kind``, ``mode``,
        ``add_button``, ``undo_button``, ``goal``, ``notes`` (step -> Textarea), ``file``,
        ``export_button``, ``before``/``after`` (figures), ``comparison``, ``fits``, ``explanation``.

    Examples
    --------
    >>> from netles import datasets
    >>> widget, state = radio_planner(datasets.load_case("voorbeeld"))
    >>> widget.alter.value = "E"
    >>> widget.action.value = "intensify"
    >>> widget.add_button.click()
    >>> [s["action"] for s in state.plan.interventions]
    ['intensify']
    """
    state = PlannerState(network, lang=lang)
    return _PlannerWidget(state, handout_path), state
