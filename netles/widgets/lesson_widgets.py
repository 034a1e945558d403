"""Small concept widgets for the themed lessons.

Each factory returns ``(widget, state)``. The state object holds the controls (``state.controls``),
the latest computed result (``state.result``) and the rendered view (``state.view``, an
``ipywidgets.HTML``). Every callback is a plain method of the state, so tests change a control's
``value`` (or call ``state.update()``) and read ``state.result`` without a browser. Labels are Dutch
by default and English with ``lang="en"``.

Where a concept is about a network, the numbers come from :mod:`netles.metrics` on a changed copy of
the network (``EgoNetwork`` is immutable): the widgets never compute a metric themselves.

These widgets are teaching aids: they make an idea from the teacher's guide tangible. Where the
library already has a widget for a concept (questionnaires, carer load, liability, RADIO planner,
instruments in :mod:`netles.widgets`), the lessons use that one rather than a second version here.

References
----------
.. [1] Admiraal, L. (2016). *Sociale netwerken. Docentenhandreiking*. Hogeschool Utrecht.
.. [2] Schalock, R. L. (1996). Reconsidering the conceptualization and measurement of quality of life.
.. [3] Robinson, B. C. (1983). Validation of a Caregiver Strain Index. *Journal of Gerontology*, 38.
.. [4] Pot, A. M., van Dyck, R., & Deeg, D. J. H. (1995). Ervaren druk door informele zorg (EDIZ).
"""
from __future__ import annotations

import html
import random
from typing import Any, Callable, Iterable, Mapping, Sequence

import ipywidgets as widgets

from .. import metrics, vocab
from ..models import kanteling
from ..models.dynamics import choose_carer
from ..models.zorgkracht import CARE_CAPACITY_LABELS, care_capacity
from ..network import EgoNetwork

__all__ = [
    "LessonState",
    "SCHALOCK_DOMAINS",
    "schalock_widget",
    "kanteling_widget",
    "stelling_widget",
    "support_functions_widget",
    "shrinking_widget",
    "structure_widget",
    "tie_strength_widget",
    "bonding_bridging_widget",
    "vraagverlegenheid_widget",
    "sns_widget",
    "seven_steps_widget",
    "dimensions_widget",
    "pilot_skills_widget",
]


def _t(lang: str, nl: str, en: str) -> str:
    if lang not in vocab.LANGUAGES:
        raise ValueError(f"lang must be one of {vocab.LANGUAGES}, not {lang!r}")
    return nl if lang == "nl" else en


def _num(x: float, digits: int = 2, lang: str = "nl") -> str:
    if x != x:  # NaN
        return "-"
    text = f"{x:.{digits}f}"
    return text.replace(".", ",") if lang == "nl" else text


def _table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    head = "".join(f"<th style='text-align:left;padding:2px 8px'>{html.escape(str(h))}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td style='padding:2px 8px'>{html.escape(str(c))}</td>" for c in row) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _sized(label_px: int, control_px: int) -> dict:
    """``style`` and a new ``layout`` for a control with a description: the label gets
    ``label_px`` (wide enough for its text) and the control itself ``control_px`` on top of it, so a
    slider keeps a usable track and a dropdown shows its choice, in JupyterLab and Voila at 1366 px
    wide as at 1920 px. ``max_width`` lets the control shrink in a narrow column instead of
    overflowing. A new Layout every time: a shared Layout is one model in the browser."""
    return {"style": {"description_width": f"{label_px}px"},
            "layout": widgets.Layout(width=f"{label_px + control_px}px", max_width="100%")}


def _bar(value: float, maximum: float, width: int = 160) -> str:
    frac = 0 if maximum <= 0 or value != value else max(0.0, min(1.0, value / maximum))
    return (f"<span style='display:inline-block;background:#4c78a8;height:10px;width:{int(frac * width)}px'></span>"
            f"<span style='display:inline-block;background:#e5e5e5;height:10px;width:{width - int(frac * width)}px'></span>")


class LessonState:
    """State of a concept widget: its controls, its last result and the HTML view.

    Parameters
    ----------
    concept : str
        The lesson concept the widget illustrates (used to list a notebook's interactive elements).
    lang : {"nl", "en"}
        Label language.
    compute : callable
        ``compute(state) -> (result_dict, html_text)``; called by :meth:`update`.
    """

    def __init__(self, concept: str, lang: str, compute: Callable[["LessonState"], tuple[dict, str]]):
        _t(lang, "", "")
        self.concept = concept
        self.lang = lang
        self.controls: dict[str, widgets.Widget] = {}
        self.result: dict[str, Any] = {}
        self.view = widgets.HTML()
        self._compute = compute

    def watch(self, *names: str) -> None:
        """Recompute whenever one of the named controls changes value."""
        for name in names:
            self.controls[name].observe(lambda change: self.update(), names="value")

    def update(self) -> dict:
        """Recompute the result from the controls and refresh the view; returns the result."""
        self.result, text = self._compute(self)
        self.view.value = text
        return self.result

    def value(self, name: str) -> Any:
        return self.controls[name].value


def _box(state: LessonState, title: str, *rows: widgets.Widget) -> widgets.VBox:
    box = widgets.VBox([widgets.HTML(f"<b>{html.escape(title)}</b>"), *rows, state.view])
    box.add_class("netles-lesson-widget")
    state.update()
    return box


def _alter_label(net: EgoNetwork, alter_id: str, lang: str) -> str:
    a = net.alter(alter_id)
    name = a.get("name") or alter_id
    return f"{name} ({vocab.label('relation', a['relation'], lang)})" if a.get("name") is None else str(name)


# --------------------------------------------------------------------------------------------
# Theme 1
# --------------------------------------------------------------------------------------------

SCHALOCK_DOMAINS = {
    "emotional": ("emotioneel welbevinden", "emotional well-being", "welzijn"),
    "relations": ("interpersoonlijke relaties", "interpersonal relations", "participatie"),
    "material": ("materieel welbevinden", "material well-being", "welzijn"),
    "development": ("persoonlijke ontwikkeling", "personal development", "onafhankelijkheid"),
    "physical": ("lichamelijk welbevinden", "physical well-being", "welzijn"),
    "self_determination": ("zelfbepaling", "self-determination", "onafhankelijkheid"),
    "inclusion": ("sociale inclusie", "social inclusion", "participatie"),
    "rights": ("rechten", "rights", "participatie"),
}
"""Schalock's eight quality-of-life domains: key -> (Dutch, English, cluster)."""

_CLUSTER_EN = {"welzijn": "well-being", "participatie": "social participation", "onafhankelijkheid": "independence"}


def schalock_widget(scores: Mapping[str, int] | None = None, lang: str = "nl"):
    """Rate the eight quality-of-life domains of Schalock (0-10) and mark which lean on the network.

    The result groups the domains into independence, social participation and well-being, and
    lists the domains marked as network-dependent, so a class sees how many of a client's domains
    hang on the network. No domain starts marked: the guide names no fixed set, the student decides.

    Parameters
    ----------
    scores : mapping, optional
        Start score per domain key (default 5).
    lang : {"nl", "en"}

    Returns
    -------
    (ipywidgets.VBox, LessonState)
        ``state.result`` has ``cluster_means``, ``network_domains`` and ``lowest``.

    Examples
    --------
    >>> w, s = schalock_widget({"relations": 2})
    >>> s.result["lowest"]
    'relations'
    >>> s.result["network_domains"]
    []
    >>> s.controls["net_relations"].value = True
    >>> s.result["network_domains"]
    ['relations']
    """
    scores = dict(scores or {})

    def compute(state):
        vals = {k: state.value(f"score_{k}") for k in SCHALOCK_DOMAINS}
        clusters: dict[str, list[int]] = {}
        for k, (_, _, cl) in SCHALOCK_DOMAINS.items():
            clusters.setdefault(cl, []).append(vals[k])
        means = {cl: sum(v) / len(v) for cl, v in clusters.items()}
        network = [k for k in SCHALOCK_DOMAINS if state.value(f"net_{k}")]
        lowest = min(vals, key=lambda k: (vals[k], list(SCHALOCK_DOMAINS).index(k)))
        rows = [(cl if lang == "nl" else _CLUSTER_EN[cl], _num(m, 1, lang)) for cl, m in means.items()]
        name = lambda k: SCHALOCK_DOMAINS[k][0 if lang == "nl" else 1]  # noqa: E731
        text = _table([_t(lang, "cluster", "cluster"), _t(lang, "gemiddelde (0-10)", "mean (0-10)")], rows)
        text += "<p>" + _t(lang, "Laagste domein: ", "Lowest domain: ") + f"<b>{html.escape(name(lowest))}</b>. "
        verb = "hangt" if len(network) == 1 else "hangen"
        text += _t(lang, f"{len(network)} van de 8 domeinen {verb} volgens jou direct af van het netwerk.",
                   f"You marked {len(network)} of 8 domains as depending directly on the network.") + "</p>"
        return {"scores": vals, "cluster_means": means, "network_domains": network, "lowest": lowest}, text

    state = LessonState("schalock", lang, compute)
    rows = []
    for k, (nl, en, _) in SCHALOCK_DOMAINS.items():
        state.controls[f"score_{k}"] = widgets.IntSlider(value=int(scores.get(k, 5)), min=0, max=10,
                                                          description=nl if lang == "nl" else en, **_sized(200, 260))
        state.controls[f"net_{k}"] = widgets.Checkbox(value=False,
                                                      description=_t(lang, "hangt af van netwerk", "depends on network"))
        rows.append(widgets.HBox([state.controls[f"score_{k}"], state.controls[f"net_{k}"]]))
        state.watch(f"score_{k}", f"net_{k}")
    return _box(state, _t(lang, "Kwaliteit van leven (Schalock)", "Quality of life (Schalock)"), *rows), state


def kanteling_widget(net: EgoNetwork | None = None, lang: str = "nl"):
    """The kanteling ladder for a class: place each care need on a rung, then check with the model.

    The same needs and the same model as :func:`netles.widgets.kanteling_exercise`
    (:func:`netles.widgets.forms.kanteling_setup`): the case's care needs with the people the case
    names for each (``net.extra["carer"]["care_needs"]``), or example needs when the case has none,
    placed by :mod:`netles.models.kanteling`. Every need starts unplaced and nothing shows the
    model's answer until "Controleer" is clicked; the table then adds the model's rung and its
    reasoning per need. Meanwhile the table counts the hours per week the student's choices put on
    each rung.

    Returns
    -------
    (ipywidgets.VBox, LessonState)
        ``state.controls["step_<i>"]`` is the rung of need ``i`` (``""`` while unplaced) and
        ``state.controls["check"]`` the check button (also ``state.check()``). ``state.result``
        has ``hours`` (rung -> hours placed there), ``unchosen``, ``checked``, and after checking
        ``proposal`` (need -> the model's rung), ``matches`` and ``differs`` (None before).

    Examples
    --------
    >>> from netles import datasets
    >>> w, s = kanteling_widget(datasets.load_case("senior_55plus"))
    >>> s.result["checked"], s.result["matches"], sum(s.result["hours"].values())
    (False, None, 0.0)
    >>> s.controls["step_1"].value = "network"
    >>> s.check()
    >>> s.result["proposal"]["wekelijks_douchen"], s.result["differs"][0]
    ('individual_provision', 'boodschappen doen')
    """
    from .forms import KantelingState, kanteling_setup

    needs, context, individual, source = kanteling_setup(None, net, lang)
    model = KantelingState(needs, context, lang=lang, individual=individual)
    checked = {"done": False}
    rungs = list(kanteling.RUNG)

    def compute(state):
        hours = {r: 0.0 for r in rungs}
        for i, need in enumerate(needs):
            rung = state.value(f"step_{i}") or None
            model.choose(need.need_id, rung)
            if rung is not None:
                hours[rung] += float(need.hours_per_week)
        unchosen = [n.description for n in needs if model.choices[n.need_id] is None]
        result = {"hours": hours, "n_needs": len(needs), "unchosen": unchosen, "checked": checked["done"],
                  "proposal": None, "matches": None, "differs": None}
        header = [_t(lang, "zorgvraag", "care need"), _t(lang, "uur/week", "hours/week"),
                  _t(lang, "jouw keuze", "your choice")]
        rows = []
        if checked["done"]:
            proposal = model.reveal()
            model.check()
            result.update(proposal=dict(proposal),
                          matches=sum(model.choices[n.need_id] == proposal[n.need_id] for n in needs),
                          differs=[n.description for n in needs if model.choices[n.need_id] != proposal[n.need_id]])
            header += [_t(lang, "volgens het model", "by the model"), _t(lang, "waarom", "why")]
        for need in needs:
            chosen = model.choices[need.need_id]
            row = [need.description, _num(need.hours_per_week, 0, lang),
                   kanteling.rung_label(chosen, lang) if chosen else "—"]
            if checked["done"]:
                proposed = result["proposal"][need.need_id]
                label = kanteling.rung_label(proposed, lang)
                if proposed == "individual_provision" and need.need_id in individual:
                    label += f" ({individual[need.need_id]})"
                assessment = kanteling.assess_need(need, model.contexts[need.need_id])
                row += [label, assessment.check(proposed).reason(lang)]
            rows.append(row)
        text = f"<p><i>{html.escape(source)}</i></p>" if source else ""
        text += _table(header, rows)
        text += "<p>" + " &middot; ".join(f"{kanteling.rung_label(r, lang)}: {_num(h, 0, lang)} "
                                          f"{_t(lang, 'uur/week', 'h/week')}" for r, h in hours.items()) + "</p>"
        if checked["done"]:
            text += "<p><b>" + html.escape(_t(lang, f"{result['matches']} van de {len(needs)} op de trede van het model.",
                                              f"{result['matches']} of {len(needs)} on the model's rung.")) + "</b></p>"
        elif unchosen:
            text += "<p>" + html.escape(_t(lang, "Kies voor elke zorgvraag een trede en klik dan op Controleer.",
                                           "Choose a rung for every care need, then click Check.")) + "</p>"
        return result, text

    state = LessonState("kanteling", lang, compute)
    options = [(_t(lang, "(kies een trede)", "(choose a rung)"), ""),
               *[(kanteling.rung_label(r, lang), r) for r in rungs]]
    rows = []
    for i, need in enumerate(needs):
        label = widgets.HTML(f"{html.escape(need.description)}", layout=widgets.Layout(width="260px"))
        state.controls[f"step_{i}"] = widgets.Dropdown(options=options, value="",
                                                       layout=widgets.Layout(width="300px", max_width="100%"))
        state.watch(f"step_{i}")
        rows.append(widgets.HBox([label, state.controls[f"step_{i}"]]))

    def check() -> None:
        checked["done"] = True
        state.update()

    button = widgets.Button(description=_t(lang, "Controleer", "Check"), button_style="primary")
    button.on_click(lambda _b: check())
    state.controls["check"] = button
    state.check = check  # type: ignore[attr-defined]
    return _box(state, _t(lang, "De kantelingsladder", "The kanteling ladder"), *rows, button), state


def stelling_widget(stelling: str, lang: str = "nl"):
    """A structured debate on one stelling: vote, collect arguments for and against, vote again.

    Examples
    --------
    >>> w, s = stelling_widget("Informele zorg is een bezuinigingsoperatie.")
    >>> s.controls["voor"].value = 12; s.controls["tegen"].value = 8
    >>> s.controls["voor_na"].value = 9; s.controls["tegen_na"].value = 11
    >>> s.result["shift"]
    -3
    >>> s.controls["argument"].value = "het spaart geld"; s.add_argument("pro")
    >>> s.result["arguments"]["pro"]
    ['het spaart geld']
    """
    args: dict[str, list[str]] = {"pro": [], "contra": []}

    def compute(state):
        shift = state.value("voor_na") - state.value("voor")
        pro = "".join(f"<li>{html.escape(a)}</li>" for a in args["pro"])
        con = "".join(f"<li>{html.escape(a)}</li>" for a in args["contra"])
        text = (f"<p><i>{html.escape(stelling)}</i></p><table><tr><th>{_t(lang, 'voor', 'for')}</th>"
                f"<th>{_t(lang, 'tegen', 'against')}</th></tr><tr><td><ul>{pro}</ul></td><td><ul>{con}</ul></td></tr></table>"
                f"<p>{_t(lang, 'Verschuiving naar voor na het debat', 'Shift towards for after the debate')}: {shift:+d}</p>")
        return {"shift": shift, "arguments": {k: list(v) for k, v in args.items()}}, text

    state = LessonState("stelling", lang, compute)

    def add_argument(side: str) -> None:
        text = state.controls["argument"].value.strip()
        if text:
            args[side].append(text)
            state.controls["argument"].value = ""
        state.update()

    state.add_argument = add_argument  # type: ignore[attr-defined]
    c = state.controls
    for name, label in (("voor", _t(lang, "voor (1e ronde)", "for (round 1)")),
                        ("tegen", _t(lang, "tegen (1e ronde)", "against (round 1)")),
                        ("voor_na", _t(lang, "voor (2e ronde)", "for (round 2)")),
                        ("tegen_na", _t(lang, "tegen (2e ronde)", "against (round 2)"))):
        c[name] = widgets.BoundedIntText(value=0, min=0, max=500, description=label, **_sized(140, 90))
        state.watch(name)
    c["argument"] = widgets.Text(description=_t(lang, "argument", "argument"), placeholder=_t(lang, "typ een argument", "type an argument"),
                                 **_sized(80, 320))
    pro_btn = widgets.Button(description=_t(lang, "+ voor", "+ for"))
    con_btn = widgets.Button(description=_t(lang, "+ tegen", "+ against"))
    pro_btn.on_click(lambda _: add_argument("pro"))
    con_btn.on_click(lambda _: add_argument("contra"))
    c["pro_button"], c["contra_button"] = pro_btn, con_btn
    return _box(state, _t(lang, "Stelling", "Statement"), widgets.HBox([c["voor"], c["tegen"]]),
                widgets.HBox([c["argument"], pro_btn, con_btn]), widgets.HBox([c["voor_na"], c["tegen_na"]])), state


# --------------------------------------------------------------------------------------------
# Theme 2
# --------------------------------------------------------------------------------------------

def _support_numbers(net: EgoNetwork) -> dict:
    return {"support_coverage": metrics.support_coverage(net), "multiplexity": metrics.multiplexity(net),
            "max_support_share": metrics.max_support_share(net)}


def support_functions_widget(net: EgoNetwork, lang: str = "nl"):
    """Tick which alter gives which of the five support functions and watch coverage change.

    Examples
    --------
    >>> from netles import datasets
    >>> w, s = support_functions_widget(datasets.load_case("voorbeeld"))
    >>> s.result["support_coverage"], s.result["missing"]
    (4, ['appraisal'])
    >>> s.controls["D:appraisal"].value = True
    >>> s.result["support_coverage"], s.result["missing"]
    (5, [])
    """
    ids = net.alter_ids
    functions = list(vocab.SUPPORT)

    def current(state) -> EgoNetwork:
        out = net
        for a in ids:
            chosen = [f for f in functions if state.value(f"{a}:{f}")]
            rec = net.alter(a)
            direction = rec.get("support_direction") or ("receives" if chosen else None)
            if direction == "gives" and chosen:
                direction = "mutual"  # a ticked function means ego receives it
            out = out.with_alter_changes(a, support=chosen or None, support_direction=direction if chosen else rec.get("support_direction"))
        return out

    def compute(state):
        changed = current(state)
        nums = _support_numbers(changed)
        given = metrics.support_given(changed).any(axis=0)
        missing = [f for f in functions if not given[f]]
        rows = [(vocab.label("support", f, lang), "✓" if given[f] else "—") for f in functions]
        text = _table([_t(lang, "steunfunctie", "support function"), _t(lang, "gedekt", "covered")], rows)
        text += "<p>" + _t(lang, "Dekking", "Coverage") + f": {nums['support_coverage']}/5 &middot; "
        text += _t(lang, "gemiddeld aantal functies per persoon", "mean functions per person") + f": {_num(nums['multiplexity'], 2, lang)} &middot; "
        text += _t(lang, "aandeel grootste gever", "share of biggest giver") + f": {_num(nums['max_support_share'], 2, lang)}</p>"
        # The spil is an informal carer: never a professional (or a volunteer of an organisation).
        spil = choose_carer(changed)
        per_alter = metrics.support_given(changed).sum(axis=1)
        top = str(per_alter.idxmax()) if len(per_alter) and per_alter.max() > 0 else None
        if spil is not None:
            text += "<p>" + html.escape(_t(lang, f"Spil van de informele steun: {_alter_label(changed, spil, lang)}.",
                                           f"Pivot of the informal support: {_alter_label(changed, spil, lang)}.")) + "</p>"
        if top is not None and top != spil and changed.alter(top)["relation"] in ("professional", "volunteer"):
            who = _alter_label(changed, top, lang)
            text += "<p>" + html.escape(_t(
                lang, f"De meeste steun komt van {who}; die werkt beroepsmatig of als vrijwilliger en is daarom geen "
                      f"spil (spilmantelzorger): de spil komt uit het eigen netwerk.",
                f"Most support comes from {who}, who works professionally or as a volunteer and is therefore not "
                f"the pivot (main family carer): the pivot comes from the client's own circle.")) + "</p>"
        return {**nums, "missing": missing, "network": changed, "spil": spil}, text

    state = LessonState("steunfuncties", lang, compute)
    # Headers as HTML that may wrap onto two lines: a Label cuts "informatie en advies" off.
    header = widgets.HBox([widgets.HTML("", layout=widgets.Layout(width="200px"))]
                          + [widgets.HTML(f"<div class='netles-column-head' style='white-space:normal;line-height:1.15'>"
                                          f"{html.escape(vocab.label('support', f, lang))}</div>",
                                          layout=widgets.Layout(width="120px")) for f in functions])
    rows = [header]
    given = metrics.support_given(net)
    for a in ids:
        boxes = []
        for f in functions:
            cb = widgets.Checkbox(value=bool(given.at[a, f]), indent=False, layout=widgets.Layout(width="120px"))
            state.controls[f"{a}:{f}"] = cb
            state.watch(f"{a}:{f}")
            boxes.append(cb)
        rows.append(widgets.HBox([widgets.HTML(html.escape(_alter_label(net, a, lang)), layout=widgets.Layout(width="200px")),
                                  *boxes]))
    return _box(state, _t(lang, "De vijf steunfuncties", "The five support functions"), *rows), state


_CONTACT_RANK = {c: i for i, c in enumerate(vocab.CONTACT)}


def shrinking_widget(net: EgoNetwork, seed: int = 0, lang: str = "nl"):
    """Let a network shrink step by step, the way networks of people in a vulnerable position do.

    Each step one informal tie is lost: first the contacts that are seen least and where support
    does not go both ways (they are the hardest to keep up without giving something back). The
    professionals stay, so their share grows. Ties lost in the same rank are ordered by ``seed``.

    Examples
    --------
    >>> from netles import datasets
    >>> w, s = shrinking_widget(datasets.load_case("voorbeeld"))
    >>> s.controls["steps"].value = 3
    >>> s.result["size"], round(s.result["share_professional"], 2)
    (3, 0.33)
    """
    rng = random.Random(seed)
    alters = net.alters
    informal = alters[alters["relation"] != "professional"]
    order = sorted(informal["alter_id"],
                   key=lambda a: (-_CONTACT_RANK.get(net.alter(a).get("contact") or "rarely", 4),
                                  net.alter(a).get("support_direction") == "mutual", rng.random()))

    def compute(state):
        k = state.value("steps")
        shrunk = net
        for a in order[:k]:
            shrunk = shrunk.without_alter(a)
        res = {"size": shrunk.size, "share_professional": metrics.share_professional(shrunk),
               "support_coverage": metrics.support_coverage(shrunk), "lost": order[:k], "network": shrunk}
        rows = [(_t(lang, "omvang", "size"), net.size, res["size"]),
                (_t(lang, "aandeel professionals", "share of professionals"),
                 _num(metrics.share_professional(net), 2, lang), _num(res["share_professional"], 2, lang)),
                (_t(lang, "steunfuncties gedekt", "support functions covered"), metrics.support_coverage(net), res["support_coverage"])]
        text = _table(["", _t(lang, "nu", "now"), _t(lang, "na krimp", "after shrinking")], rows)
        if k:
            text += "<p>" + _t(lang, "Verdwenen: ", "Lost: ") + html.escape(", ".join(_alter_label(net, a, lang) for a in order[:k])) + "</p>"
        return res, text

    state = LessonState("krimpend netwerk", lang, compute)
    state.controls["steps"] = widgets.IntSlider(value=0, min=0, max=len(order),
                                                description=_t(lang, "contacten kwijt", "contacts lost"), **_sized(140, 280))
    state.watch("steps")
    return _box(state, _t(lang, "Een netwerk dat krimpt", "A shrinking network"), state.controls["steps"]), state


DIVERSITY_FIELDS = {
    "relation": ("relatie", "relation"),
    "gender": ("geslacht", "gender"),
    "age_group": ("leeftijdsgroep", "age group"),
    "marital_status": ("burgerlijke staat", "marital status"),
    "work": ("werk", "work"),
    "education": ("opleiding", "education"),
}
"""The attributes on which gevarieerdheid is measured: the guide names age, gender, marital status,
work and education (Van Riet, 2016, in the guide); netles adds the kind of relation. Key -> (Dutch,
English)."""

_AGE_GROUPS = ((18, "0-17"), (30, "18-29"), (45, "30-44"), (65, "45-64"), (80, "65-79"), (float("inf"), "80+"))


def _age_group(age: Any) -> str | None:
    if age is None or age != age:
        return None
    return next(label for upper, label in _AGE_GROUPS if float(age) < upper)


def diversity(net: EgoNetwork) -> tuple[dict, list]:
    """Gevarieerdheid (Blau's index, :func:`netles.metrics.blau`) on every attribute the network has.

    Age is grouped into life stages (0-17, 18-29, 30-44, 45-64, 65-79, 80+) first: two people of 51
    and 52 are not "different". An attribute counts when at least two alters have a value for it.

    Returns
    -------
    (dict, list)
        ``attribute -> Blau`` in the order of :data:`DIVERSITY_FIELDS`, and the attributes the guide
        names that this network does not record.

    Examples
    --------
    >>> from netles import datasets
    >>> values, missing = diversity(datasets.load_case("voorbeeld"))
    >>> {k: round(v, 2) for k, v in values.items()}, missing
    ({'relation': 0.67, 'gender': 0.48, 'age_group': 0.32}, ['marital_status', 'work', 'education'])
    """
    derived = net
    for alter_id in net.alter_ids:
        group = _age_group(net.alter(alter_id).get("age"))
        if group is not None:
            derived = derived.with_alter_changes(alter_id, age_group=group)
    frame = derived.alters
    values, missing = {}, []
    for attr in DIVERSITY_FIELDS:
        if attr in frame.columns and frame[attr].notna().sum() >= 2:
            values[attr] = metrics.blau(derived, attr)
        elif attr not in ("relation", "gender", "age_group"):
            missing.append(attr)
    return values, missing


def _first_untied_pair(net: EgoNetwork) -> tuple[str | None, str | None]:
    """Two different alters who are not tied yet (to start the 'add a tie' dropdowns on a real choice)."""
    ids = net.alter_ids
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            if not net.has_tie(a, b):
                return a, b
    return (ids[0], ids[1]) if len(ids) > 1 else ((ids[0], None) if ids else (None, None))


def structure_widget(net: EgoNetwork, max_minutes: float = metrics.DEFAULT_MAX_MINUTES, lang: str = "nl"):
    """The structural features omvang, gevarieerdheid, dichtheid, bereikbaarheid and contactfrequentie.

    The thresholds (travel minutes that still count as reachable, which contact frequencies count as
    frequent) are sliders, and two dropdowns add an extra acquaintance tie so the class sees the
    density change; they start on two people who do not know each other yet. Gevarieerdheid is
    measured on every attribute the case records (:func:`diversity`), and the table says which of
    the attributes the guide names are missing.

    Examples
    --------
    >>> from netles import datasets
    >>> w, s = structure_widget(datasets.load_case("voorbeeld"))
    >>> s.result["size"], round(s.result["density"], 3), round(s.result["share_reachable"], 3)
    (6, 0.267, 0.667)
    >>> s.controls["max_minutes"].value = 60
    >>> round(s.result["share_reachable"], 3)
    0.833
    >>> s.controls["tie_a"].value, s.controls["tie_b"].value = "D", "F"
    >>> s.add_tie(); round(s.result["density"], 3)
    0.333
    """
    extra_ties: list[tuple[str, str]] = []
    ids = net.alter_ids
    # what the last click on "voeg band toe" did, in words: a click that changes nothing must say why
    notice = {"text": ""}

    def current() -> EgoNetwork:
        out = net
        for a, b in extra_ties:
            if a != b and not out.has_tie(a, b):
                out = out.with_tie(a, b)
        return out

    def compute(state):
        n = current()
        freq = tuple(c for c in vocab.CONTACT if _CONTACT_RANK[c] <= _CONTACT_RANK[state.value("frequent")])
        varied, missing = diversity(n)
        res = {"size": metrics.size(n), "blau_relation": metrics.blau(n, "relation"), "diversity": varied,
               "density": metrics.density(n),
               "share_reachable": metrics.share_reachable(n, max_minutes=state.value("max_minutes")),
               "share_weekly": metrics.share_weekly(n, frequencies=freq), "network": n}
        i = 0 if lang == "nl" else 1
        rows = [(_t(lang, "omvang", "size"), res["size"])]
        rows += [(_t(lang, f"gevarieerdheid (Blau) naar {DIVERSITY_FIELDS[a][0]}", f"diversity (Blau) by {DIVERSITY_FIELDS[a][1]}"),
                  _num(v, 2, lang)) for a, v in varied.items()]
        rows += [(_t(lang, "dichtheid", "density"), _num(res["density"], 2, lang)),
                (_t(lang, "bereikbaarheid (aandeel binnen de reistijd)", "reachability (share within travel time)"), _num(res["share_reachable"], 2, lang)),
                (_t(lang, "contactfrequentie (aandeel vaak gezien)", "contact frequency (share seen often)"), _num(res["share_weekly"], 2, lang))]
        text = _table([_t(lang, "kenmerk", "feature"), _t(lang, "waarde", "value")], rows)
        if missing:
            names = ", ".join(DIVERSITY_FIELDS[a][i] for a in missing)
            text += "<p style='font-size:90%'>" + html.escape(_t(
                lang, f"Gevarieerdheid gaat ook over {names}; die staan niet in deze casus.",
                f"Diversity is also about {names}; this case does not record them.")) + "</p>"
        if notice["text"]:
            text += f"<p style='font-size:90%'><i>{html.escape(notice['text'])}</i></p>"
        return res, text

    state = LessonState("structuurkenmerken", lang, compute)
    c = state.controls
    c["max_minutes"] = widgets.IntSlider(value=int(max_minutes), min=0, max=120, step=5,
                                         description=_t(lang, "max. reistijd (min)", "max. travel (min)"), **_sized(160, 280))
    c["frequent"] = widgets.Dropdown(options=[(vocab.label("contact", x, lang), x) for x in vocab.CONTACT], value="weekly",
                                     description=_t(lang, "vaak = minstens", "often = at least"), **_sized(160, 180))
    opts = [(_alter_label(net, a, lang), a) for a in ids]
    first, second = _first_untied_pair(net)
    c["tie_a"] = widgets.Dropdown(options=opts, value=first, description=_t(lang, "band tussen", "tie between"),
                                  **_sized(90, 200))
    c["tie_b"] = widgets.Dropdown(options=opts, value=second, description=_t(lang, "en", "and"), **_sized(40, 200))
    btn = widgets.Button(description=_t(lang, "voeg band toe", "add tie"))

    def add_tie() -> None:
        a, b = c["tie_a"].value, c["tie_b"].value
        who = (_alter_label(net, a, lang), _alter_label(net, b, lang)) if a and b else ("", "")
        if a is None or b is None or a == b:
            notice["text"] = _t(lang, "Kies twee verschillende personen.", "Choose two different people.")
        elif current().has_tie(a, b):
            notice["text"] = _t(lang, f"{who[0]} en {who[1]} kennen elkaar al: de dichtheid blijft gelijk.",
                                f"{who[0]} and {who[1]} already know each other: the density stays the same.")
        else:
            extra_ties.append((a, b))
            notice["text"] = _t(lang, f"Band toegevoegd tussen {who[0]} en {who[1]}.",
                                f"Tie added between {who[0]} and {who[1]}.")
        state.update()

    state.add_tie = add_tie  # type: ignore[attr-defined]
    btn.on_click(lambda _: add_tie())
    c["add_button"] = btn
    state.watch("max_minutes", "frequent")
    return _box(state, _t(lang, "Structuurkenmerken", "Structural features"), c["max_minutes"], c["frequent"],
                widgets.HBox([c["tie_a"], c["tie_b"], btn])), state


def tie_strength_widget(net: EgoNetwork, strong_max_circle: int = metrics.DEFAULT_STRONG_MAX_CIRCLE, lang: str = "nl"):
    """Strong and weak ties: where is the line, and what does each kind of tie give?

    Examples
    --------
    >>> from netles import datasets
    >>> w, s = tie_strength_widget(datasets.load_case("voorbeeld"))
    >>> s.result["strong"], s.result["weak"]
    (['A', 'C', 'D'], ['B', 'E', 'F'])
    >>> s.controls["max_circle"].value = 1
    >>> round(s.result["share_strong"], 3), s.result["weak_only_functions"]
    (0.333, ['information'])
    """
    given = metrics.support_given(net)
    circles = net.alters.set_index("alter_id")["circle"]

    def compute(state):
        k = state.value("max_circle")
        strong = [a for a in net.alter_ids if circles[a] <= k]
        weak = [a for a in net.alter_ids if circles[a] > k]
        f_strong = {f for f in vocab.SUPPORT if given.loc[strong, f].any()} if strong else set()
        f_weak = {f for f in vocab.SUPPORT if given.loc[weak, f].any()} if weak else set()
        weak_only = [f for f in vocab.SUPPORT if f in f_weak and f not in f_strong]
        res = {"strong": strong, "weak": weak, "share_strong": metrics.share_strong(net, max_circle=k),
               "weak_only_functions": weak_only}
        lbl = lambda ids: ", ".join(_alter_label(net, a, lang) for a in ids) or "—"  # noqa: E731
        text = _table(["", _t(lang, "personen", "people")],
                      [(_t(lang, "sterke banden", "strong ties"), lbl(strong)), (_t(lang, "zwakke banden", "weak ties"), lbl(weak))])
        text += "<p>" + _t(lang, "Aandeel sterk", "Share strong") + f": {_num(res['share_strong'], 2, lang)}. "
        text += _t(lang, "Alleen via zwakke banden: ", "Only through weak ties: ")
        text += html.escape(", ".join(vocab.label("support", f, lang) for f in weak_only) or "—") + "</p>"
        return res, text

    state = LessonState("sterke en zwakke banden", lang, compute)
    state.controls["max_circle"] = widgets.IntSlider(value=int(strong_max_circle), min=1, max=3,
                                                     description=_t(lang, "sterk t/m cirkel", "strong up to circle"),
                                                     **_sized(160, 220))
    state.watch("max_circle")
    return _box(state, _t(lang, "Sterke en zwakke banden", "Strong and weak ties"), state.controls["max_circle"]), state


def bonding_bridging_widget(net: EgoNetwork, lang: str = "nl"):
    """Bonding and bridging: add a close-knit family member or a contact from another world.

    *Bonding* adds someone tied to all family members; *bridging* adds a club member tied to nobody
    yet (a door to another group). The table shows how density, the alter-alter E-I index (family
    against the rest), components and effective size respond, and the composition (share of family,
    kinds of relations, gevarieerdheid). The widget says that the structural numbers are a rough
    proxy: Putnam's bonding rests on reciprocity and trust, bridging on reaching other groups, and a
    map shows neither directly.

    Examples
    --------
    >>> from netles import datasets
    >>> w, s = bonding_bridging_widget(datasets.load_case("voorbeeld"))
    >>> base = dict(s.result)
    >>> s.controls["choice"].value = "bonding"
    >>> s.result["density"] > base["density"], s.result["components"] == base["components"]
    (True, True)
    >>> s.controls["choice"].value = "bridging"
    >>> s.result["components"] == base["components"] + 1, s.result["effective_size"] > base["effective_size"]
    (True, True)
    """
    family = [a for a in net.alter_ids if vocab.RELATION_KIND_OF[net.alter(a)["relation"]] == "family"]

    def variant(choice: str) -> EgoNetwork:
        if choice == "bonding":
            out = net.with_alter({"alter_id": "_bond", "name": _t(lang, "nieuw familielid", "new family member"),
                                  "relation": "other_family", "circle": 2})
            for a in family:
                out = out.with_tie("_bond", a)
            return out
        if choice == "bridging":
            return net.with_alter({"alter_id": "_bridge", "name": _t(lang, "lid van een club", "club member"),
                                   "relation": "club_member", "circle": 3})
        return net

    def numbers(n: EgoNetwork) -> dict:
        groups = {a: vocab.RELATION_KIND_OF[n.alter(a)["relation"]] == "family" for a in n.alter_ids}
        return {"density": metrics.density(n), "ei_family": metrics.ei_alter_ties(n, groups),
                "components": metrics.components(n), "effective_size": metrics.effective_size(n),
                # composition: who the people are, not only how they are linked
                "share_family": metrics.share_family(n), "n_categories_relation": metrics.n_categories(n, "relation"),
                "blau_relation": metrics.blau(n, "relation")}

    base = numbers(net)
    labels = {"density": ("dichtheid", "density"), "ei_family": ("E-I familie/rest", "E-I family/rest"),
              "components": ("aparte groepjes", "separate groups"), "effective_size": ("effectieve omvang", "effective size"),
              "share_family": ("aandeel familie", "share of family"),
              "n_categories_relation": ("soorten relaties", "kinds of relations"),
              "blau_relation": ("gevarieerdheid (Blau) naar relatie", "diversity (Blau) by relation")}
    structure = ("density", "ei_family", "components", "effective_size")

    def compute(state):
        res = numbers(variant(state.value("choice")))
        i = 0 if lang == "nl" else 1
        head = ["", _t(lang, "nu", "now"), _t(lang, "met toevoeging", "with addition")]
        fmt = lambda k, v: str(int(v)) if k in ("components", "n_categories_relation") and v == v else _num(v, 2, lang)  # noqa: E731
        text = f"<p><b>{_t(lang, 'Structuur', 'Structure')}</b></p>"
        text += _table(head, [(labels[k][i], fmt(k, base[k]), fmt(k, res[k])) for k in structure])
        text += f"<p><b>{_t(lang, 'Samenstelling', 'Composition')}</b></p>"
        text += _table(head, [(labels[k][i], fmt(k, base[k]), fmt(k, res[k])) for k in res if k not in structure])
        text += "<p style='font-size:90%'>" + html.escape(_t(
            lang,
            "Let op: dichtheid en aparte groepjes zijn maar een ruwe benadering van bonding en bridging. Bonding "
            "draait om wederkerigheid, vertrouwen en betrokkenheid, bridging om verbinding met andere groepen en "
            "andere informatie; dat staat niet op de kaart. Kijk daarom ook naar de samenstelling: wie zijn het?",
            "Note: density and separate groups are only a rough proxy for bonding and bridging. Bonding is about "
            "reciprocity, trust and commitment, bridging about links to other groups and other information; the "
            "map does not show that. So look at the composition too: who are these people?")) + "</p>"
        return res, text

    state = LessonState("bonding en bridging", lang, compute)
    state.controls["choice"] = widgets.ToggleButtons(options=[(_t(lang, "niets", "nothing"), "none"),
                                                              ("bonding", "bonding"), ("bridging", "bridging")], value="none")
    state.watch("choice")
    return _box(state, "Bonding & bridging", state.controls["choice"]), state


# --------------------------------------------------------------------------------------------
# Theme 3
# --------------------------------------------------------------------------------------------

_BARRIERS = {
    "reciprocity": ("ik kan niets terugdoen", "I cannot give anything back",
                    "Zoek samen wat de cliënt wél kan bieden: een rol, een klusje, aandacht.",
                    "Look together for what the client can offer: a role, a task, attention."),
    "burden": ("ze hebben het al zo druk", "they are busy enough already",
               "Maak de vraag klein en concreet; verdeel over meer mensen.",
               "Make the request small and concrete; spread it over more people."),
    "privacy": ("ik wil mijn problemen niet laten zien", "I do not want to show my problems",
                "Bespreek wie wat mag weten; begin bij iemand die al op de hoogte is.",
                "Agree who may know what; start with someone who already knows."),
    "role": ("een vriend is geen hulpverlener", "a friend is not a carer",
             "Houd de vriendschap vrij van zorgtaken; vraag gezelschap, geen zorg.",
             "Keep the friendship free of care tasks; ask for company, not care."),
}


def vraagverlegenheid_widget(lang: str = "nl"):
    """How hard is it to ask for help? Rate four reasons for vraagverlegenheid per kind of help.

    Examples
    --------
    >>> w, s = vraagverlegenheid_widget()
    >>> s.controls["privacy"].value = 3; s.controls["burden"].value = 1
    >>> s.result["main_barrier"], s.result["threshold"]
    ('privacy', 4)
    """
    def compute(state):
        scores = {k: state.value(k) for k in _BARRIERS}
        total = sum(scores.values())
        main = max(scores, key=lambda k: (scores[k], -list(_BARRIERS).index(k))) if total else None
        text = f"<p>{_t(lang, 'Drempel om te vragen', 'Threshold to ask')} ({vocab.label('support', state.value('kind'), lang)}): <b>{total}</b>/12</p>"
        if main:
            tip = _BARRIERS[main][2 if lang == "nl" else 3]
            text += f"<p>{_t(lang, 'Grootste reden', 'Main reason')}: <i>{html.escape(_BARRIERS[main][0 if lang == 'nl' else 1])}</i>. {html.escape(tip)}</p>"
        return {"scores": scores, "threshold": total, "main_barrier": main, "kind": state.value("kind")}, text

    state = LessonState("vraagverlegenheid", lang, compute)
    state.controls["kind"] = widgets.Dropdown(options=[(vocab.label("support", f, lang), f) for f in ("practical", "information", "emotional")],
                                              value="practical", description=_t(lang, "soort hulp", "kind of help"),
                                              **_sized(290, 200))
    rows = [state.controls["kind"]]
    for k, labels in _BARRIERS.items():
        state.controls[k] = widgets.IntSlider(value=0, min=0, max=3, description=labels[0 if lang == "nl" else 1],
                                              **_sized(290, 220))
        rows.append(state.controls[k])
    state.watch("kind", *_BARRIERS)
    return _box(state, _t(lang, "Vraagverlegenheid", "Reluctance to ask for help"), *rows), state


_SNS_PHASES = [
    ("kompas", ("netwerkkompas", "network compass"), ("cliënt, supporters, begeleider", "client, supporters, facilitator"),
     ("De cliënt bepaalt met een of twee supporters de richting: wie wil ik erbij, wat moet over zes maanden anders?",
      "The client sets the direction with one or two supporters: whom do I want involved, what should differ in six months?")),
    ("info", ("netwerkberaad: informatiefase", "network meeting: information phase"), ("cliënt, netwerk, begeleider, professionals", "client, network, facilitator, professionals"),
     ("De cliënt legt zijn vragen op tafel; iedereen deelt wat hij weet, ook over ziekte of beperking.",
      "The client puts the questions on the table; everyone shares what they know.")),
    ("prive", ("netwerkberaad: privétijd", "network meeting: private time"), ("cliënt en netwerk", "client and network"),
     ("De professionals gaan de kamer uit; cliënt en netwerk maken zelf het plan.",
      "The professionals leave the room; client and network make the plan themselves.")),
    ("plan", ("netwerkberaad: presentatie van het plan", "network meeting: plan presentation"), ("cliënt, netwerk, begeleider", "client, network, facilitator"),
     ("Het plan wordt gepresenteerd; de begeleider vraagt alleen door om het duidelijk te krijgen.",
      "The plan is presented; the facilitator only asks clarifying questions.")),
    ("actieteam", ("actieteam", "action team"), ("cliënt, netwerkleden, betrokken professionals", "client, network members, involved professionals"),
     ("Het actieteam voert het plan uit, volgt en stuurt bij, en komt minstens elke zes weken bijeen.",
      "The action team carries out, follows and adjusts the plan, meeting at least every six weeks.")),
]


def sns_widget(lang: str = "nl", max_weeks: int = 6):
    """The phases of sociale netwerkstrategieën, and the actieteam's meeting rhythm.

    Examples
    --------
    >>> w, s = sns_widget()
    >>> s.controls["phase"].value = "prive"
    >>> s.result["facilitator_present"]
    False
    >>> s.controls["weeks"].value = 8
    >>> s.result["rhythm_ok"], s.result["meetings_per_year"]
    (False, 6)
    """
    def compute(state):
        key = state.value("phase")
        phase = next(p for p in _SNS_PHASES if p[0] == key)
        i = 0 if lang == "nl" else 1
        weeks = state.value("weeks")
        ok = weeks <= max_weeks
        text = (f"<p><b>{html.escape(phase[1][i])}</b><br>{_t(lang, 'Aan tafel', 'At the table')}: {html.escape(phase[2][i])}<br>"
                f"{html.escape(phase[3][i])}</p><p>{_t(lang, 'Actieteam elke', 'Action team every')} {weeks} "
                f"{_t(lang, 'weken', 'weeks')}: " + ("✓" if ok else _t(lang, f"te weinig (minstens elke {max_weeks} weken)",
                                                                      f"too rare (at least every {max_weeks} weeks)")) + "</p>")
        return {"phase": key, "facilitator_present": key != "prive", "rhythm_ok": ok,
                "meetings_per_year": 52 // weeks}, text

    state = LessonState("sociale netwerkstrategieën", lang, compute)
    state.controls["phase"] = widgets.ToggleButtons(options=[(p[1][0 if lang == "nl" else 1], p[0]) for p in _SNS_PHASES], value="kompas")
    state.controls["weeks"] = widgets.IntSlider(value=6, min=1, max=16, description=_t(lang, "weken tussen", "weeks between"),
                                                **_sized(120, 260))
    state.watch("phase", "weeks")
    return _box(state, _t(lang, "Sociale netwerkstrategieën", "Social network strategies"),
                state.controls["phase"], state.controls["weeks"]), state


# --------------------------------------------------------------------------------------------
# Theme 4
# --------------------------------------------------------------------------------------------

_SEVEN_STEPS = [
    (("netwerk in kaart brengen", "map the network"), ("Wie zijn er, hoe dichtbij, wat geven ze?", "Who is there, how close, what do they give?")),
    (("kwaliteit bespreken", "discuss its quality"), ("Wat werkt, wat ontbreekt, wat belast?", "What works, what is missing, what weighs?")),
    (("mogelijkheden van de cliënt bespreken", "discuss the client's strengths"), ("Wat kan en wil de cliënt zelf, wat heeft hij te bieden?", "What can the client do and offer?")),
    (("mogelijkheden van het netwerk bespreken", "discuss the network's possibilities"), ("Wie kan er meer doen, wie kan erbij komen?", "Who could do more, who could join?")),
    (("actieplan maken", "make an action plan"), ("Wie doet wat, wanneer, en hoe weten we of het werkt?", "Who does what, when, and how do we know it works?")),
    (("actieplan uitvoeren", "carry out the plan"), ("Afspraken nakomen, bijsturen waar het wringt.", "Keep agreements, adjust where it chafes.")),
    (("nazorg", "aftercare"), ("Blijft het netwerk overeind zonder de professional?", "Does the network hold without the professional?")),
]


def seven_steps_widget(lang: str = "nl"):
    """Walk through the seven steps towards a stronger network, with a guiding question per step.

    Examples
    --------
    >>> w, s = seven_steps_widget()
    >>> s.controls["step"].value = 5
    >>> s.result["step"], s.result["done"]
    (5, 4)
    """
    def compute(state):
        k = state.value("step")
        (name, q) = _SEVEN_STEPS[k - 1]
        i = 0 if lang == "nl" else 1
        items = "".join(f"<li style='{'font-weight:bold' if j == k - 1 else ('color:#888' if j < k - 1 else '')}'>"
                        f"{html.escape(s[0][i])}</li>" for j, s in enumerate(_SEVEN_STEPS))
        return {"step": k, "done": k - 1, "name": name[i]}, f"<ol>{items}</ol><p><i>{html.escape(q[i])}</i></p>"

    state = LessonState("zeven stappen", lang, compute)
    state.controls["step"] = widgets.IntSlider(value=1, min=1, max=7, description=_t(lang, "stap", "step"), **_sized(60, 260))
    state.watch("step")
    return _box(state, _t(lang, "Zeven stappen naar een sterker netwerk", "Seven steps to a stronger network"), state.controls["step"]), state


def _dimension_variants(net: EgoNetwork, lang: str) -> dict[str, EgoNetwork]:
    """One example intervention per strengthening dimension, applied to a copy of the network."""
    alters = net.alters
    out = {"none": net}
    size = net.with_alter({"alter_id": "_new", "name": _t(lang, "maatje (vrijwilliger)", "buddy (volunteer)"), "relation": "volunteer",
                           "circle": 3, "contact": "weekly", "travel_minutes": 10, "support": ["companionship"], "support_direction": "receives"})
    out["size"] = size
    out["variety"] = net.with_alter({"alter_id": "_peer", "name": _t(lang, "lotgenoot herstelgroep", "peer from a recovery group"),
                                     "relation": "club_member", "circle": 3, "contact": "weekly", "travel_minutes": 20,
                                     "support": ["appraisal", "information"], "support_direction": "mutual"})
    dense = net
    informal = [a for a in net.alter_ids if net.alter(a)["relation"] != "professional"]
    for i, a in enumerate(informal):
        for b in informal[i + 1:i + 2]:
            if not dense.has_tie(a, b):
                dense = dense.with_tie(a, b)
    out["density"] = dense
    reach = net
    for a in net.alter_ids:
        t = net.alter(a).get("travel_minutes")
        if t is not None and t > metrics.DEFAULT_MAX_MINUTES and net.alter(a)["relation"] != "professional":
            reach = reach.with_alter_changes(a, travel_minutes=metrics.DEFAULT_MAX_MINUTES)  # a lift, a bus pass
    out["reach"] = reach
    out["care"] = _more_carriers(net)
    return out


def _more_carriers(net: EgoNetwork) -> EgoNetwork:
    """Zorgkracht strengthened with the RADIO interventions: people from the client's own circle who
    give nothing now start to help. Faded contacts are revived, disrupted or burdening ones
    unblocked, and then activated for practical help; if there are none, active people who give no
    support yet are activated."""
    from ..models import radio

    def informal(a: str) -> bool:
        return net.alter(a)["relation"] not in ("professional", "volunteer")

    given = metrics.support_given(net).sum(axis=1)
    first = {"faded": radio.revive, "disrupted": radio.unblock}
    out = net
    stuck = [a for a in net.alter_ids if informal(a)
             and (net.alter(a).get("status") in first or net.alter(a).get("valence") == "burdening")]
    idle = [a for a in net.alter_ids if informal(a) and a not in stuck and given.get(a, 0) == 0]
    for a in stuck or idle:
        try:
            status = out.alter(a).get("status")
            if status == "faded":
                out = radio.revive(out, a).network
            elif status == "disrupted" or out.alter(a).get("valence") == "burdening":
                out = radio.unblock(out, a).network
            out = radio.activate(out, a, "practical").network
        except radio.NotApplicable:
            continue
    return out


_DIMENSIONS = {
    "none": ("geen ingreep", "no intervention"),
    "size": ("omvang vergroten: een maatje via vrijwilligerswerk", "size: a buddy through a volunteer project"),
    "variety": ("variatie vergroten: een lotgenoot uit een herstelgroep", "variety: a peer from a recovery group"),
    "density": ("dichtheid vergroten: mensen aan elkaar voorstellen", "density: introduce people to each other"),
    "reach": ("bereikbaarheid verbeteren: vervoer regelen", "reachability: arrange transport"),
    "care": ("zorgkracht versterken: wie nu niets geeft, doet weer mee (reanimeren, deblokkeren, activeren)",
             "care capacity: people who give nothing now join in (revive, unblock, activate)"),
}


def dimensions_widget(net: EgoNetwork, lang: str = "nl"):
    """The five dimensions of strengthening, each with an example intervention on the case network.

    Zorgkracht (care capacity) is shown with the approximation of :func:`netles.models.care_capacity`
    (people from the client's own circle who give support now, and the functions they cover), and
    the widget says that it is an approximation; multiplexity is shown as what it is.

    Examples
    --------
    >>> from netles import datasets
    >>> w, s = dimensions_widget(datasets.load_case("voorbeeld"))
    >>> s.controls["dimension"].value = "reach"
    >>> s.result["share_reachable"] > s.result["before"]["share_reachable"]
    True
    >>> s.controls["dimension"].value = "size"
    >>> s.result["size"] - s.result["before"]["size"]
    1
    >>> s.controls["dimension"].value = "care"
    >>> s.result["care_carriers"] > s.result["before"]["care_carriers"]
    True
    """
    variants = _dimension_variants(net, lang)

    def numbers(n: EgoNetwork) -> dict:
        capacity = care_capacity(n)
        return {"size": metrics.size(n), "blau_relation": metrics.blau(n, "relation"), "density": metrics.density(n),
                "share_reachable": metrics.share_reachable(n), "care_carriers": int(capacity["carriers"]),
                "care_functions": int(capacity["functions"]), "support_coverage": metrics.support_coverage(n),
                "multiplexity": metrics.multiplexity(n)}

    before = numbers(net)
    labels = {"size": ("omvang", "size"), "blau_relation": ("variatie (Blau) naar relatie", "variety (Blau) by relation"),
              "density": ("dichtheid", "density"), "share_reachable": ("aandeel bereikbaar", "share reachable"),
              "care_carriers": CARE_CAPACITY_LABELS["carriers"], "care_functions": CARE_CAPACITY_LABELS["functions"],
              "support_coverage": ("steunfuncties gedekt (iedereen)", "support functions covered (everyone)"),
              "multiplexity": ("steunfuncties per persoon (multiplexiteit)", "support functions per person (multiplexity)")}
    whole = ("size", "care_carriers", "care_functions", "support_coverage")

    def compute(state):
        after = numbers(variants[state.value("dimension")])
        fmt = lambda k, v: str(int(v)) if k in whole else _num(v, 2, lang)  # noqa: E731
        rows = [(labels[k][0 if lang == "nl" else 1], fmt(k, before[k]), fmt(k, v),
                 "↑" if v > before[k] + 1e-9 else ("↓" if v < before[k] - 1e-9 else "")) for k, v in after.items()]
        text = _table(["", _t(lang, "nu", "now"), _t(lang, "na ingreep", "after"), ""], rows)
        text += "<p style='font-size:90%'>" + html.escape(_t(
            lang,
            "Zorgkracht is wat het netwerk werkelijk aan zorg en steun kan geven. De kaart laat dat niet zien; "
            "netles benadert het met het aantal mensen uit het eigen netwerk dat nu steun geeft (actief, niet "
            "belastend) en de steunfuncties die zij dekken. Het is een benadering: tijd, gezondheid en "
            "bereidheid staan niet op de kaart. Multiplexiteit (functies per persoon) is iets anders.",
            "Care capacity (zorgkracht) is what the network can really give in care and support. The map does not "
            "show it; netles approximates it by the number of people from the client's own circle who give support "
            "now (active, not burdening) and the support functions they cover. It is an approximation: time, health "
            "and willingness are not on the map. Multiplexity (functions per person) is something else.")) + "</p>"
        return {**after, "before": before}, text

    state = LessonState("vijf dimensies", lang, compute)
    state.controls["dimension"] = widgets.Dropdown(options=[(v[0 if lang == "nl" else 1], k) for k, v in _DIMENSIONS.items()],
                                                   value="none", description=_t(lang, "ingreep", "intervention"),
                                                   **_sized(90, 470))
    state.watch("dimension")
    return _box(state, _t(lang, "Vijf dimensies van versterken", "Five dimensions of strengthening"), state.controls["dimension"]), state


_INSTRUMENTS = {
    "netwerkcirkel": ("netwerkcirkel (Lensink)", "network circle (Lensink)"),
    "ecogram": ("ecogram", "ecomap"),
    "sociogram": ("sociogram", "sociogram"),
    "genogram": ("genogram", "genogram"),
}


_SKILLS = {
    "coordinate": ("coördineren", "coordinate"),
    "collaborate": ("samenwerken formeel en informeel", "collaborate formal and informal"),
    "extend": ("uitbreiden", "extend"),
    "revive": ("reanimeren (oude contacten weer opgepakt)", "revive (old contacts picked up again)"),
}
"""The kinds of change the pilot widget switches on and off. Reviving a faded contact is *reanimeren*
(RADIO), not *onderhouden*: maintaining is keeping what is there, which a before/after map shows
as what stayed, not as a change."""


def _classify_changes(voor: EgoNetwork, na: EgoNetwork) -> dict[str, list]:
    """Sort the differences between the before and after network: new people, revived contacts and
    new ties (coördineren, samenwerken formeel/informeel)."""
    before_ids = set(voor.alter_ids)
    kind = lambda n, a: vocab.RELATION_KIND_OF[n.alter(a)["relation"]]  # noqa: E731
    out: dict[str, list] = {k: [] for k in _SKILLS}
    out["extend"] = [("alter", a) for a in na.alter_ids if a not in before_ids]
    out["revive"] = [("revive", a) for a in na.alter_ids if a in before_ids
                     and (voor.alter(a).get("status") or "active") != "active"
                     and (na.alter(a).get("status") or "active") == "active"]
    for a, b in na.tie_pairs():
        old_a, old_b = a in before_ids, b in before_ids
        if old_a and old_b and voor.has_tie(a, b):
            continue
        kinds = {kind(na, a), kind(na, b)}
        if "professional" in kinds and len(kinds) == 2:
            out["collaborate"].append(("tie", a, b))  # a professional and an informal helper linked up
        elif not old_a and not old_b:
            out["extend"].append(("tie", a, b))  # ties inside the newly added circle
        else:
            out["coordinate"].append(("tie", a, b))
    return out


def _kept(voor: EgoNetwork, na: EgoNetwork) -> list[str]:
    """Informal contacts that were active before and still are: what maintaining (onderhouden) keeps."""
    return [a for a in voor.alter_ids if a in na.alter_ids
            and voor.alter(a)["relation"] != "professional"
            and (voor.alter(a).get("status") or "active") == "active"
            and (na.alter(a).get("status") or "active") == "active"]


def pilot_skills_widget(voor: EgoNetwork, na: EgoNetwork, lang: str = "nl"):
    """Before and after the pilot: switch the kinds of change on and off and see what each adds.

    The differences between the two networks are sorted: new people (uitbreiden), new ties between
    professionals and informal people (samenwerken formeel/informeel), other new ties that link
    people up (coördineren) and faded contacts that are active again (reanimeren). The fourth skill
    of the pilot, onderhouden (maintaining), is about keeping what is there: the widget counts the
    contacts that were active before and still are, and does not count revived contacts as
    maintained. With everything on, the network equals the after network.

    Examples
    --------
    >>> from netles import datasets
    >>> pilot = datasets.load_case("pilot_netwerkversterking")
    >>> voor, na = pilot.moment("voor"), pilot.moment("na")
    >>> w, s = pilot_skills_widget(voor, na)
    >>> s.result["size"] == na.size, s.result["changes"]["revive"], s.result["kept"]
    (True, 2, 4)
    >>> s.controls["extend"].value = False
    >>> s.result["size"] == voor.size
    True
    """
    changes = _classify_changes(voor, na)
    kept = _kept(voor, na)

    def build(state) -> EgoNetwork:
        on = {k for k in _SKILLS if state.value(k)}
        out = voor
        if "extend" in on:
            for ch in changes["extend"]:
                if ch[0] == "alter":
                    out = out.with_alter(na.alter(ch[1]))
        if "revive" in on:
            for _, a in changes["revive"]:
                rec = na.alter(a)
                out = out.with_alter_changes(a, **{k: rec.get(k) for k in ("status", "contact", "circle", "support", "support_direction")})
        for skill in ("extend", "coordinate", "collaborate"):
            if skill in on:
                for ch in changes[skill]:
                    if ch[0] == "tie" and ch[1] in out.alter_ids and ch[2] in out.alter_ids and not out.has_tie(ch[1], ch[2]):
                        out = out.with_tie(ch[1], ch[2])
        return out

    keys = ("size", "density", "support_coverage", "share_professional", "share_strong", "components")
    names = {"size": ("omvang", "size"), "density": ("dichtheid", "density"), "support_coverage": ("steunfuncties gedekt", "support functions covered"),
             "share_professional": ("aandeel professionals", "share professionals"), "share_strong": ("aandeel sterke banden", "share strong ties"),
             "components": ("aparte groepjes", "separate groups")}
    whole = ("size", "support_coverage", "components")

    def numbers(n: EgoNetwork) -> dict:
        return {k: getattr(metrics, k)(n) for k in keys}

    before = numbers(voor)

    def compute(state):
        n = build(state)
        res = numbers(n)
        fmt = lambda k, v: str(int(v)) if k in whole else _num(v, 2, lang)  # noqa: E731
        rows = [(names[k][0 if lang == "nl" else 1], fmt(k, before[k]), fmt(k, res[k])) for k in keys]
        counts = {k: len(v) for k, v in changes.items()}
        text = _table(["", _t(lang, "vóór", "before"), _t(lang, "met gekozen veranderingen", "with chosen changes")], rows)
        text += "<p>" + " &middot; ".join(f"{html.escape(_SKILLS[k][0 if lang == 'nl' else 1])}: {counts[k]}" for k in _SKILLS) + "</p>"
        text += "<p style='font-size:90%'>" + html.escape(_t(
            lang,
            f"Onderhouden: {len(kept)} contacten uit het eigen netwerk die vóór het project actief waren, zijn dat na "
            f"een jaar nog. Onderhouden zie je aan wat blijft, niet aan een verandering; weer opgepakte contacten "
            f"tellen als reanimeren.",
            f"Maintaining: {len(kept)} contacts from the client's own circle that were active before the project still "
            f"are a year later. Maintaining shows in what stays, not in a change; contacts picked up again count as "
            f"reviving.")) + "</p>"
        return {**res, "changes": counts, "kept": len(kept), "network": n}, text

    state = LessonState("vier vaardigheden pilot", lang, compute)
    for k, v in _SKILLS.items():
        state.controls[k] = widgets.Checkbox(value=True, description=v[0 if lang == "nl" else 1], indent=False,
                                             layout=widgets.Layout(width="auto"))
    state.watch(*_SKILLS)
    return _box(state, _t(lang, "De vier vaardigheden uit de pilot", "The pilot's four skills"),
                widgets.HBox(list(state.controls.values()), layout=widgets.Layout(flex_flow="row wrap"))), state
