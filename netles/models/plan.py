"""An intervention plan: the seven steps of network strengthening as one record.

The teacher's guide describes seven steps from a first map to aftercare: map the network, discuss
its quality, discuss what the client can do, discuss what the network could do (better used or
extended), make an action plan, carry it out, and look back afterwards. A :class:`Plan` keeps
notes per step, the goal of the client (more contacts that support emotionally, doing things again,
or practical help), the chosen interventions (applied in order to the starting network) and the
quality profile before and after. It serialises to JSON (:meth:`Plan.to_dict`) and prints as a
one-page handout (:meth:`Plan.to_html`).

References
----------
.. [1] Hogeschool Utrecht (2016). *Werken met sociale netwerken*, docentenhandreiking (theme 4:
   the seven steps and the three kinds of need).
"""
from __future__ import annotations

import html
import math
import os
from dataclasses import dataclass, field
from typing import Any, Mapping

import pandas as pd

from .. import vocab
from ..errors import Problem, ValidationError
from ..io import atomic_write_text
from ..network import EgoNetwork
from ..profile import metric_label, quality_profile
from .radio import INTERVENTION_LABELS, InterventionResult, apply_intervention

__all__ = ["Plan", "PLAN_STEPS", "PLAN_GOALS", "PLAN_PROFILE_KEYS", "PLAN_FORMAT_VERSION"]

PLAN_FORMAT_VERSION = 1

PLAN_STEPS: dict[str, tuple[str, str]] = {
    "map": ("Het netwerk in kaart brengen", "Map the network"),
    "discuss_quality": ("De kwaliteit van het netwerk bespreken", "Discuss the quality of the network"),
    "client_strengths": ("Mogelijkheden en kwaliteiten van de cliënt", "What the client can do and offer"),
    "network_options": ("Mogelijkheden van het netwerk: beter benutten of uitbreiden",
                        "What the network could do: use it better or extend it"),
    "action_plan": ("Actieplan maken", "Make an action plan"),
    "carry_out": ("Actieplan uitvoeren", "Carry out the plan"),
    "aftercare": ("Nazorg", "Aftercare"),
}
"""The seven steps in order: key -> (Dutch, English)."""

PLAN_GOALS: dict[str, tuple[str, str, str, str]] = {
    "contacts": ("contacten", "contacts",
                 "meer contacten die emotioneel steunen", "more contacts who give emotional support"),
    "activities": ("dingen doen", "doing things",
                   "activiteiten (weer) oppakken", "taking up activities (again)"),
    "practical_help": ("praktische hulp", "practical help",
                       "hulp bij praktische zaken die niet meer lukken", "help with practical things that no longer work out"),
}
"""The three kinds of need a plan can aim at: key -> (Dutch, English, Dutch description, English description)."""

_GOAL_ALIASES = {**{k: k for k in PLAN_GOALS}, "contacten": "contacts", "dingen doen": "activities",
                 "dingen_doen": "activities", "praktische hulp": "practical_help", "praktische_hulp": "practical_help"}

PLAN_PROFILE_KEYS = ("size", "density", "share_strong", "share_weekly", "share_family", "share_professional",
                     "support_coverage", "max_support_share", "share_burdening", "share_mutual")
"""The profile keys shown in the handout and in :meth:`Plan.comparison`."""


def _goal(goal: Any) -> str | None:
    if goal is None:
        return None
    key = _GOAL_ALIASES.get(str(goal).strip().lower()) if isinstance(goal, str) else None
    if key is None:
        raise ValidationError(Problem(f"{goal!r} is not a goal", field="goal", value=goal,
                                      allowed="'contacts' (contacten), 'activities' (dingen doen) or 'practical_help' (praktische hulp)"))
    return key


def _json_number(x: float) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


@dataclass
class Plan:
    """A network-strengthening plan in seven steps.

    Parameters
    ----------
    network : EgoNetwork
        The network at the start (step 1).
    goal : str, optional
        ``"contacts"``, ``"activities"`` or ``"practical_help"`` (Dutch ``"contacten"``,
        ``"dingen doen"``, ``"praktische hulp"`` are accepted).
    notes : dict, optional
        Step key (see :data:`PLAN_STEPS`) -> note text.
    interventions : list of dict, optional
        Steps ``{"action", "alter_id", "params"}`` applied in order to ``network``.
    title : str
        A title for the handout.

    Raises
    ------
    ValidationError
        For an unknown goal or step, or a note that is not text.
    NotApplicable
        If an intervention does not fit the network at its place in the sequence.

    Examples
    --------
    >>> from netles import datasets
    >>> plan = Plan(datasets.load_case("voorbeeld"), goal="praktische hulp")
    >>> plan = plan.add("activate", "D", function="practical").add("maintain", "A")
    >>> plan.goal, len(plan.results())
    ('practical_help', 2)
    >>> plan.comparison().loc["max_support_share"].round(3).tolist()
    [0.375, 0.333, -0.042]
    >>> Plan.from_dict(plan.to_dict()) == plan
    True
    """

    network: EgoNetwork
    goal: str | None = None
    notes: dict = field(default_factory=dict)
    interventions: list = field(default_factory=list)
    title: str = ""

    def __post_init__(self):
        if not isinstance(self.network, EgoNetwork):
            raise TypeError(f"network must be an EgoNetwork, not {type(self.network).__name__}")
        self.goal = _goal(self.goal)
        problems = []
        notes = dict(self.notes or {})
        for key, text in notes.items():
            if key not in PLAN_STEPS:
                problems.append(Problem(f"{key!r} is not a step", field="notes", value=key,
                                        allowed=", ".join(repr(k) for k in PLAN_STEPS)))
            elif not isinstance(text, str):
                problems.append(Problem(f"the note of step {key!r} is {type(text).__name__}, not a text", field="notes"))
        if not isinstance(self.title, str):
            problems.append(Problem("is not a text", field="title", value=self.title))
        if problems:
            raise ValidationError(problems)
        self.notes = {k: notes[k] for k in PLAN_STEPS if notes.get(k)}
        self.interventions = [
            {"action": s["action"], "alter_id": s.get("alter_id"), "params": dict(s.get("params") or {})}
            for s in (self.interventions or [])
        ]
        self._results = None
        self.results()  # fail now, not when printing, if a step does not fit

    # -- building ---------------------------------------------------------------------------------
    def _copy(self, **changes) -> "Plan":
        data = dict(network=self.network, goal=self.goal, notes=dict(self.notes),
                    interventions=[dict(s) for s in self.interventions], title=self.title)
        data.update(changes)
        return Plan(**data)

    def with_note(self, step: str, text: str) -> "Plan":
        """A copy with the note of one step set (an empty text removes it)."""
        return self._copy(notes={**self.notes, step: text})

    def with_goal(self, goal: str | None) -> "Plan":
        """A copy with another goal."""
        return self._copy(goal=goal)

    def add(self, action: str | InterventionResult, alter_id: str | None = None, **params: Any) -> "Plan":
        """A copy with one more intervention at the end.

        Parameters
        ----------
        action : str or InterventionResult
            An action name of :data:`netles.models.INTERVENTIONS`, or a result whose step is taken.
        alter_id : str, optional
            The alter (not needed for ``add_member``).
        **params
            E.g. ``function="practical"`` for ``activate``, ``kind="buddy"`` for ``add_member``.

        Raises
        ------
        NotApplicable
            If the intervention does not fit the network as it is after the earlier steps.
        """
        step = action.step() if isinstance(action, InterventionResult) else {"action": action, "alter_id": alter_id, "params": params}
        if step["action"] == "add_member" and step["alter_id"] is None:
            # fix the new id now so the plan replays identically
            result = apply_intervention(self.after, "add_member", None, step["params"])
            step = result.step()
        return self._copy(interventions=[*self.interventions, step])

    def without_intervention(self, index: int) -> "Plan":
        """A copy without the intervention at ``index`` (later steps must still fit)."""
        steps = list(self.interventions)
        del steps[index]
        return self._copy(interventions=steps)

    # -- results ----------------------------------------------------------------------------------
    def results(self) -> list[InterventionResult]:
        """Every intervention applied in order: one result each."""
        if self._results is None:
            net, out = self.network, []
            for step in self.interventions:
                result = apply_intervention(net, step["action"], step["alter_id"], step["params"])
                out.append(result)
                net = result.network
            self._results = out
        return list(self._results)

    @property
    def after(self) -> EgoNetwork:
        """The network after all interventions."""
        results = self.results()
        return results[-1].network if results else self.network

    @property
    def profile_before(self) -> pd.Series:
        """:func:`netles.quality_profile` of the starting network."""
        return quality_profile(self.network)

    @property
    def profile_after(self) -> pd.Series:
        """:func:`netles.quality_profile` after all interventions."""
        return quality_profile(self.after)

    def comparison(self, keys: tuple | list | None = None) -> pd.DataFrame:
        """Before, after and change for the chosen profile keys (default :data:`PLAN_PROFILE_KEYS`)."""
        keys = list(keys or PLAN_PROFILE_KEYS)
        before, after = self.profile_before[keys], self.profile_after[keys]
        return pd.DataFrame({"before": before, "after": after, "change": after - before})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Plan) and self.to_dict() == other.to_dict()

    __hash__ = None

    # -- serialisation ----------------------------------------------------------------------------
    def to_dict(self) -> dict:
        """The plan as JSON-safe data (profiles included for readers; recomputed on load)."""
        return {
            "format": "netles-plan",
            "format_version": PLAN_FORMAT_VERSION,
            "title": self.title,
            "goal": self.goal,
            "notes": dict(self.notes),
            "interventions": [
                {"action": s["action"], "alter_id": s["alter_id"], "params": dict(s["params"])} for s in self.interventions
            ],
            "network": self.network.to_dict(),
            "profile_before": {k: _json_number(v) for k, v in self.profile_before.items()},
            "profile_after": {k: _json_number(v) for k, v in self.profile_after.items()},
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> "Plan":
        """Rebuild a plan from :meth:`to_dict` output.

        Raises
        ------
        ValidationError
            If ``data`` is not a netles plan or holds an invalid network, goal or step.
        """
        if not isinstance(data, Mapping) or data.get("format") != "netles-plan":
            raise ValidationError(Problem("is not a netles plan", field="format", allowed="'netles-plan'"))
        if data.get("format_version") != PLAN_FORMAT_VERSION:
            raise ValidationError(Problem(f"format_version {data.get('format_version')!r} is not supported",
                                          field="format_version", allowed=str(PLAN_FORMAT_VERSION)))
        return cls(EgoNetwork.from_dict(data.get("network") or {}), goal=data.get("goal"),
                   notes=data.get("notes") or {}, interventions=data.get("interventions") or [],
                   title=data.get("title") or "")

    # -- handout ----------------------------------------------------------------------------------
    def to_html(self, lang: str = "nl") -> str:
        """A one-page printable handout: goal, the seven steps with notes, the interventions with
        their explanation, and the profile before and after.

        Self-contained (inline style, no scripts, fonts or images from elsewhere); every text that
        comes from a user is escaped.

        Examples
        --------
        >>> from netles import datasets
        >>> page = Plan(datasets.load_case("voorbeeld"), title="<b>Plan</b>").to_html()
        >>> page.startswith("<!DOCTYPE html>"), "&lt;b&gt;Plan&lt;/b&gt;" in page, "http" in page
        (True, True, False)
        """
        if lang not in vocab.LANGUAGES:
            raise ValueError(f"lang must be one of {vocab.LANGUAGES}, not {lang!r}")
        nl = lang == "nl"
        i = 0 if nl else 1
        e = html.escape
        t = {
            "title": ("Plan netwerkversterking", "Network strengthening plan"),
            "client": ("Cliënt", "Client"),
            "goal": ("Doel", "Goal"),
            "none": ("nog niet gekozen", "not chosen yet"),
            "steps": ("De zeven stappen", "The seven steps"),
            "interventions": ("Gekozen interventies", "Chosen interventions"),
            "no_interventions": ("Nog geen interventies gekozen.", "No interventions chosen yet."),
            "profile": ("Het netwerk voor en na", "The network before and after"),
            "metric": ("kenmerk", "metric"),
            "before": ("voor", "before"),
            "after": ("na", "after"),
            "note": ("Dit is een leermodel: de getallen laten zien wat de gekozen stappen op de kaart veranderen, "
                     "niet wat er in werkelijkheid gebeurt.",
                     "This is a teaching model: the numbers show what the chosen steps change on the map, "
                     "not what will happen in reality."),
        }
        title = self.title or t["title"][i]
        goal = PLAN_GOALS[self.goal][i] + ": " + PLAN_GOALS[self.goal][2 + i] if self.goal else t["none"][i]
        step_items = []
        for key, labels in PLAN_STEPS.items():
            note = self.notes.get(key, "")
            body = (f'<div class="note">{e(note)}</div>' if note else '<div class="blank"></div>')
            step_items.append(f"<li><strong>{e(labels[i])}</strong>{body}</li>")
        interventions = []
        for result in self.results():
            name = INTERVENTION_LABELS[result.action][i]
            interventions.append(f"<li><strong>{e(name)}</strong>: {e(result.body(lang))}</li>")
        comparison = self.comparison()
        rows = []
        for key, row in comparison.iterrows():
            rows.append(f"<tr><td>{e(metric_label(key, lang))}</td><td>{_fmt(row['before'], nl)}</td>"
                        f"<td>{_fmt(row['after'], nl)}</td></tr>")
        # the case's title (what the student knows it by), not the ego id, which is an internal key
        extra = self.network.extra
        ego = (extra.get("title_en") if not nl else None) or extra.get("title") or self.network.ego_id or "-"
        return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{e(title)}</title>
<style>
@page {{ size: A4; margin: 14mm; }}
body {{ font-family: sans-serif; font-size: 10.5pt; line-height: 1.35; color: #111; max-width: 180mm; margin: 0 auto; }}
h1 {{ font-size: 16pt; margin: 0 0 4pt; }}
h2 {{ font-size: 12pt; margin: 10pt 0 4pt; border-bottom: 1px solid #999; }}
ol, ul {{ margin: 0; padding-left: 18pt; }}
li {{ margin-bottom: 3pt; }}
.note {{ white-space: pre-wrap; }}
.blank {{ height: 14pt; border-bottom: 1px dotted #999; }}
table {{ border-collapse: collapse; }}
td, th {{ padding: 1pt 8pt; border-bottom: 1px solid #ddd; text-align: left; }}
td + td, th + th {{ text-align: right; }}
.small {{ font-size: 8.5pt; color: #444; }}
@media print {{ h2 {{ break-after: avoid; }} li, tr {{ break-inside: avoid; }} }}
</style>
</head>
<body>
<h1>{e(title)}</h1>
<p><strong>{t['client'][i]}:</strong> {e(str(ego))} &nbsp; <strong>{t['goal'][i]}:</strong> {e(goal)}</p>
<h2>{t['steps'][i]}</h2>
<ol>{''.join(step_items)}</ol>
<h2>{t['interventions'][i]}</h2>
{'<ol>' + ''.join(interventions) + '</ol>' if interventions else '<p>' + t['no_interventions'][i] + '</p>'}
<h2>{t['profile'][i]}</h2>
<table><thead><tr><th>{t['metric'][i]}</th><th>{t['before'][i]}</th><th>{t['after'][i]}</th></tr></thead>
<tbody>{''.join(rows)}</tbody></table>
<p class="small">{t['note'][i]}</p>
</body>
</html>
"""

    def save_html(self, path: str | os.PathLike, lang: str = "nl"):
        """Write :meth:`to_html` to ``path`` atomically; returns the path."""
        return atomic_write_text(path, self.to_html(lang))


def _fmt(value: float, nl: bool) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.2f}"
    return text.replace(".", ",") if nl else text
