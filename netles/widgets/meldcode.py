"""The Meldcode huiselijk geweld en kindermishandeling as five steps a student works through on a case.

A professional who sees signs of domestic violence or child abuse follows the Meldcode of their
organisation. It has five steps (REFERENCES.md section 7): (1) map the signals; (2) consult a
colleague and, if needed, Veilig Thuis (the advice and reporting centre); (3) talk with the person
or people concerned; (4) weigh the violence or abuse, using the afwegingskader (compulsory since
1 January 2019); (5) decide: organise help and/or report to Veilig Thuis. Acute or structural
unsafety is always reported.

:func:`meldcode_steps` shows the five steps as tabs. In each step the student chooses and clicks
"Controleer"; the feedback compares the choice with the case's ``safety`` block where the case says
something (the kinds of harm, whether children are present) and with what the Meldcode asks where
it does not. Step 4 walks through the questions of the afwegingskader and :func:`afweging` gives
the decision they lead to. Only after "Vergelijk met de casus" does the widget show what the case
says the professional did (the Meldcode step reached, advice asked or a report made, and the safety
plan), moment by moment. A case without a ``safety`` block gets one sentence naming the cases that
have one. Nothing here computes a metric.

**Teaching material, not a protocol**: a professional works with the Meldcode and the
afwegingskader of their own organisation and profession.

References
----------
.. [1] Meldcode huiselijk geweld en kindermishandeling: five steps; afwegingskader compulsory since
   1 January 2019 (REFERENCES.md section 7).
"""
from __future__ import annotations

import html
from typing import Any, Mapping, Sequence

import ipywidgets as W

from .. import datasets, vocab
from ..moments import format_date
from ..network import EgoNetwork, Moment

__all__ = ["MELDCODE_STEPS", "AFWEGING_QUESTIONS", "afweging", "MeldcodeState", "meldcode_steps", "safety_cases"]

MELDCODE_STEPS = (
    ("Signalen in kaart brengen", "Map the signals"),
    ("Overleggen met een collega en zo nodig Veilig Thuis", "Consult a colleague and, if needed, Veilig Thuis"),
    ("In gesprek met de betrokkene(n)", "Talk with the person or people concerned"),
    ("Wegen met het afwegingskader", "Weigh, using the afwegingskader"),
    ("Beslissen: hulp organiseren en/of melden", "Decide: organise help and/or report"),
)
"""The five steps of the Meldcode (Dutch, English)."""

_SHORT = (("Signalen", "Signals"), ("Overleg", "Consult"), ("Gesprek", "Talk"), ("Wegen", "Weigh"),
          ("Beslissen", "Decide"))

AFWEGING_QUESTIONS = (
    ("vermoeden", ("Is er na stap 1 tot en met 3 een vermoeden van huiselijk geweld of kindermishandeling?",
                   "After steps 1 to 3, is there a suspicion of domestic violence or child abuse?")),
    ("onveilig", ("Is er acute of structurele onveiligheid?", "Is there acute or structural unsafety?")),
    ("hulp", ("Kun je (met je organisatie) passende hulp bieden of organiseren?",
              "Can you (with your organisation) offer or organise suitable help?")),
    ("aanvaard", ("Aanvaarden de betrokkenen die hulp, en werken ze eraan mee?",
                  "Do the people concerned accept that help and work with it?")),
    ("resultaat", ("Leidt de hulp op tijd tot veiligheid en herstel?",
                   "Does the help lead to safety and recovery in time?")),
)
"""The questions of the afwegingskader, in the order they are asked (key, (Dutch, English))."""

_DECISIONS = {
    "afsluiten": ("geen vermoeden meer: leg vast wat je deed en sluit de Meldcode af.",
                  "no suspicion any more: record what you did and close the Meldcode."),
    "melden": ("melden bij Veilig Thuis.", "report to Veilig Thuis."),
    "melden_onveilig": ("melden bij Veilig Thuis. Bij acute of structurele onveiligheid meld je altijd; de verdere "
                        "vragen loop je samen met Veilig Thuis door.",
                        "report to Veilig Thuis. Acute or structural unsafety is always reported; you go through the "
                        "further questions together with Veilig Thuis."),
    "hulp": ("hulp bieden of organiseren, en volgen of die tot veiligheid leidt.",
             "offer or organise help, and follow whether it leads to safety."),
    "hulp_klaar": ("de hulp werkt: rond af met afspraken over hoe de veiligheid gevolgd wordt.",
                   "the help works: close with agreements on how safety will be followed."),
    "open": ("Nog niet te zeggen: beantwoord eerst de vraag '{question}'",
             "Not yet to be said: first answer the question '{question}'"),
}


def afweging(answers: Mapping[str, Any]) -> tuple[str, str | None]:
    """The decision the questions of the afwegingskader lead to.

    Parameters
    ----------
    answers : mapping
        Question key (:data:`AFWEGING_QUESTIONS`) -> True (yes), False (no) or None (not answered).

    Returns
    -------
    (decision, question)
        ``decision`` is one of ``"afsluiten"``, ``"melden_onveilig"``, ``"melden"``, ``"hulp"``,
        ``"hulp_klaar"`` or ``"open"``; ``question`` is the key of the question that decided it (or
        that still needs an answer).

    Examples
    --------
    >>> afweging({"vermoeden": True, "onveilig": True})
    ('melden_onveilig', 'onveilig')
    >>> afweging({"vermoeden": True, "onveilig": False, "hulp": True, "aanvaard": False})
    ('melden', 'aanvaard')
    >>> afweging({"vermoeden": True, "onveilig": False, "hulp": True, "aanvaard": True})
    ('hulp', 'resultaat')
    """
    get = {k: answers.get(k) for k, _ in AFWEGING_QUESTIONS}
    if get["vermoeden"] is None:
        return "open", "vermoeden"
    if get["vermoeden"] is False:
        return "afsluiten", "vermoeden"
    if get["onveilig"] is None:
        return "open", "onveilig"
    if get["onveilig"]:
        return "melden_onveilig", "onveilig"
    for key in ("hulp", "aanvaard"):
        if get[key] is None:
            return "open", key
        if get[key] is False:
            return "melden", key
    if get["resultaat"] is None:
        return "hulp", "resultaat"
    return ("hulp_klaar" if get["resultaat"] else "melden"), "resultaat"


_i = vocab.language_index


_join = vocab.join_words


_T = {
    "title": ("De Meldcode, stap voor stap", "The Meldcode, step by step"),
    "intro": ("Loop de vijf stappen door alsof jij de professional in deze casus bent{when}. Kies per stap en klik op "
              "Controleer. Pas aan het eind vergelijk je met wat er in de casus gebeurde.",
              "Go through the five steps as if you were the professional in this case{when}. Choose in each step "
              "and click Check. Only at the end do you compare with what happened in the case."),
    "when": (", op het moment '{label}' ({date})", ", at the moment '{label}' ({date})"),
    "outside": ("Let op: wie {client} schade doet, is geen partner, familielid of huisgenoot. De Meldcode gaat over "
                "geweld in de huiselijke kring. Overleg in stap 2 of die hier van toepassing is, en vraag bij twijfel "
                "Veilig Thuis om advies. De stappen helpen hoe dan ook om zorgvuldig te werk te gaan.",
                "Note: whoever harms {client} is not a partner, relative or member of the household. The Meldcode is "
                "about violence in the domestic sphere. Discuss in step 2 whether it applies here, and ask Veilig "
                "Thuis for advice when in doubt. The steps help to work carefully either way."),
    "no_safety": ("In deze casus zijn geen signalen van onveiligheid vastgelegd, dus er is geen Meldcode om door te "
                  "lopen. Kies een casus waarin dat wel zo is: {cases}.",
                  "This case records no signs of unsafety, so there is no Meldcode to go through. Choose a case that "
                  "does: {cases}."),
    "check": ("Controleer", "Check"),
    "choose": ("kies ...", "choose ..."),
    "yes": ("ja", "yes"), "no": ("nee", "no"), "unknown": ("weet ik nog niet", "don't know yet"),
    "compare": ("Vergelijk met de casus", "Compare with the case"),
    # step 1
    "s1_q": ("Welke vormen van onveiligheid zie je in deze casus? Vink alles aan wat je ziet.",
             "Which kinds of unsafety do you see in this case? Tick everything you see."),
    "s1_children": ("Wonen er kinderen in de situatie?", "Do children live in the situation?"),
    "s1_right": ("Goed gezien: {what}.", "Well spotted: {what}."),
    "s1_missed": ("Gemist: {what}. Lees het vignet nog eens.", "Missed: {what}. Read the vignette again."),
    "s1_extra": ("Dat legt de casus niet vast: {what}. Wat zag je dat je dit deed denken? Noteer het als vraag.",
                 "The case does not record: {what}. What did you see that made you think so? Note it as a question."),
    "s1_none": ("Je hebt nog niets aangevinkt.", "You have not ticked anything yet."),
    "s1_children_yes": ("Er wonen kinderen in de situatie: weeg hun veiligheid in stap 4 apart mee.",
                        "Children live in the situation: weigh their safety separately in step 4."),
    "s1_children_no": ("Volgens de casus wonen er geen kinderen in de situatie.",
                       "According to the case no children live in the situation."),
    "s1_children_wrong": ("Kijk nog eens in het vignet wie er in huis wonen.", "Look again in the vignette at who lives "
                          "in the house."),
    "s1_write": ("Schrijf de signalen op zoals je ze zag, met datum, en wat je zelf dacht: feiten en interpretatie "
                 "apart.",
                 "Write down the signals as you saw them, with the date, and what you thought: facts and "
                 "interpretation apart."),
    # step 2
    "s2_q": ("Met wie overleg je in deze stap? Vink aan.", "Whom do you consult in this step? Tick."),
    "s2_colleague": ("een collega of de aandachtsfunctionaris van je organisatie",
                     "a colleague or your organisation's designated officer"),
    "s2_vt": ("Veilig Thuis, om advies (dat kan zonder namen te noemen)",
              "Veilig Thuis, for advice (possible without giving names)"),
    "s2_perpetrator": ("de vermoedelijke pleger", "the suspected perpetrator"),
    "s2_nobody": ("nog niemand: eerst meer zekerheid krijgen", "nobody yet: first become more certain"),
    "s2_ok_colleague": ("Ja: je staat er niet alleen voor, en een collega kijkt anders naar dezelfde signalen.",
                        "Yes: you are not on your own, and a colleague looks at the same signals differently."),
    "s2_ok_vt": ("Ja: Veilig Thuis geeft advies, ook als je nog twijfelt.",
                 "Yes: Veilig Thuis gives advice, even when you are still in doubt."),
    "s2_bad_perpetrator": ("Nee: dit is overleg over je zorgen, niet het gesprek met betrokkenen (stap 3). Een "
                           "vermoedelijke pleger vroeg inlichten kan de cliënt in gevaar brengen.",
                           "No: this is consultation about your concerns, not the conversation with those involved "
                           "(step 3). Telling a suspected perpetrator early can put the client in danger."),
    "s2_bad_nobody": ("Nee: juist bij twijfel overleg je. Zekerheid is niet nodig om te overleggen.",
                      "No: it is precisely when in doubt that you consult. Certainty is not needed to consult."),
    "s2_missing": ("Vergeet niet: {what}.", "Do not forget: {what}."),
    # step 3
    "s3_q": ("Wat hoort bij het gesprek met de cliënt? Vink aan.", "What belongs in the conversation with the client? "
             "Tick."),
    "s3_concerns": ("je vertelt wat je zag en waarom je je zorgen maakt", "you say what you saw and why you are worried"),
    "s3_view": ("je vraagt hoe de cliënt het zelf ziet", "you ask how the client sees it"),
    "s3_secret": ("je belooft dat alles tussen jullie blijft, wat er ook gebeurt",
                  "you promise everything stays between you, whatever happens"),
    "s3_confront": ("je gaat eerst de vermoedelijke pleger aanspreken", "you first confront the suspected perpetrator"),
    "s3_ok_concerns": ("Ja: eerlijk en concreet, zonder te beschuldigen.", "Yes: honest and concrete, without accusing."),
    "s3_ok_view": ("Ja: de cliënt kent de situatie het best en bepaalt mee wat er gebeurt.",
                   "Yes: the client knows the situation best and has a say in what happens."),
    "s3_bad_secret": ("Nee: beloof geen geheimhouding die je misschien niet kunt houden; in stap 5 kan een melding "
                      "nodig zijn. Zeg dat eerlijk.",
                      "No: do not promise secrecy you may not be able to keep; a report may be needed in step 5. Say "
                      "so honestly."),
    "s3_bad_confront": ("Nee: eerst de veiligheid van de cliënt en eventuele kinderen; of en wanneer de vermoedelijke "
                        "pleger erbij komt, beslis je na overleg.",
                        "No: the safety of the client and any children comes first; whether and when the suspected "
                        "perpetrator is involved, you decide after consultation."),
    # step 4
    "s4_intro": ("Beantwoord de vragen van het afwegingskader voor deze casus. Acuut onveilig: iemand is nu of de "
                 "komende dagen in direct gevaar. Structureel onveilig: het geweld of de dreiging houdt aan of komt "
                 "steeds terug.",
                 "Answer the questions of the afwegingskader for this case. Acutely unsafe: someone is in direct "
                 "danger now or in the coming days. Structurally unsafe: the violence or threat persists or keeps "
                 "coming back."),
    "s4_result": ("Jouw antwoorden leiden tot: {decision}", "Your answers lead to: {decision}"),
    "s4_children": (" Denk ook aan de kinderen: zij leven in deze situatie mee.",
                    " Think of the children too: they live in this situation as well."),
    # step 5
    "s5_q": ("Wat besluit je?", "What do you decide?"),
    "s5_report": ("melden bij Veilig Thuis, en de hulp blijven bieden die je kunt",
                  "report to Veilig Thuis, and keep offering the help you can"),
    "s5_help": ("hulp bieden of organiseren, zonder melding", "offer or organise help, without a report"),
    "s5_close": ("de Meldcode afsluiten", "close the Meldcode"),
    "s5_fits": ("Dat past bij je afweging in stap 4.", "That fits your weighing in step 4."),
    "s5_not": ("Dat past niet bij je afweging in stap 4, die uitkwam op: {decision} Kijk daar nog eens.",
               "That does not fit your weighing in step 4, which came to: {decision} Look there again."),
    "s5_open": ("Maak eerst stap 4 af: dan weet je waar je besluit op rust.",
                "Finish step 4 first: then you know what your decision rests on."),
    # the case
    "case_title": ("Wat er in de casus gebeurde", "What happened in the case"),
    "case_step": ("De professional is bij stap {n} van de Meldcode ({step}).",
                  "The professional is at step {n} of the Meldcode ({step})."),
    "case_advice": ("Veilig Thuis is om advies gevraagd.", "Veilig Thuis was asked for advice."),
    "case_report": ("Er is een melding gedaan bij Veilig Thuis.", "A report was made to Veilig Thuis."),
    "case_plan": ("Afspraken voor de veiligheid: {items}.", "Safety agreements: {items}."),
    "case_unknown": ("De casus zegt niet hoe ver de professional met de Meldcode is. Bespreek wat jullie zouden doen "
                     "en waarom.",
                     "The case does not say how far the professional is with the Meldcode. Discuss what you would do "
                     "and why."),
    "now": ("nu", "now"),
}


def _t(key: str, lang: str, **kw: Any) -> str:
    text = _T[key][_i(lang)]
    return text.format(**kw) if kw else text


_FAMILY = ("partner", "parent", "child", "sibling", "other_family")


def safety_cases() -> list[str]:
    """The bundled cases with a ``safety`` block (a network that harms), in case order.

    Examples
    --------
    >>> safety_cases()
    ['moeder_zoon_lvb', 'onveilig_netwerk']
    """
    return [n for n in datasets.case_names() if isinstance(datasets.load_case(n).extra.get("safety"), Mapping)]


class MeldcodeState:
    """A student's way through the five steps of the Meldcode on one case.

    Parameters
    ----------
    net : EgoNetwork
    lang : {"nl", "en"}

    Attributes
    ----------
    safety : dict or None
        The case's ``safety`` block at the start: that of the earliest moment that has one, else the
        top-level block. None when the case records no unsafety (nothing to walk through).
    start : Moment or None
        The moment the walk-through starts from (None for a case without moments).
    kinds : list of str
        Codes of :data:`netles.datasets.SAFETY_KINDS` recorded at the start.
    children_present : bool
    outside_home : bool
        Everyone who harms is outside the family and the household (the Meldcode's scope is then a
        question for step 2).
    answers : dict
        Step -> what the student chose: step 1 ``{"kinds": set, "children": bool or None}``; steps 2
        and 3 a set of option keys; step 4 question key -> True/False/None; step 5 an option key or
        None.
    feedback : dict
        Step -> list of (right, text), filled by :meth:`check`.

    Examples
    --------
    >>> state = MeldcodeState(datasets.load_case("onveilig_netwerk"))
    >>> state.start.label, state.kinds, state.children_present
    ('intake', ['physical', 'psychological', 'financial'], True)
    >>> state.answers[1]["kinds"] = {"physical", "financial"}
    >>> [text.split(":")[0] for right, text in state.check(1) if not right]
    ['Gemist']
    """

    def __init__(self, net: EgoNetwork, lang: str = "nl"):
        _i(lang)
        self.network, self.lang = net, lang
        self.start: Moment | None = next((m for m in net.moments if isinstance(m.network.extra.get("safety"), Mapping)),
                                         None)
        if self.start is not None:
            self.safety = dict(self.start.network.extra["safety"])
        else:
            top = net.extra.get("safety")
            self.safety = dict(top) if isinstance(top, Mapping) else None
        safety = self.safety or {}
        self.kinds = [k for k in safety.get("kinds", []) if k in datasets.SAFETY_KINDS]
        self.children_present = bool(safety.get("children_present"))
        base = self.start.network if self.start is not None else net
        harmful = [a for a in safety.get("harmful", []) if a in base.alter_ids]
        self.outside_home = bool(harmful) and all(base.alter(a)["relation"] not in _FAMILY for a in harmful)
        self.answers: dict[int, Any] = {1: {"kinds": set(), "children": None}, 2: set(), 3: set(),
                                        4: {k: None for k, _ in AFWEGING_QUESTIONS}, 5: None}
        self.feedback: dict[int, list] = {}

    @property
    def applicable(self) -> bool:
        """Whether the case records unsafety to walk through."""
        return self.safety is not None

    def decision(self) -> tuple[str, str | None]:
        """What the afwegingskader gives for the answers of step 4 (:func:`afweging`)."""
        return afweging(self.answers[4])

    def decision_text(self) -> str:
        """The decision of step 4 in words."""
        decision, question = self.decision()
        if decision == "open":
            text = dict(q for q in AFWEGING_QUESTIONS)[question][_i(self.lang)]
            return _DECISIONS["open"][_i(self.lang)].format(question=text)
        return _DECISIONS[decision][_i(self.lang)]

    def check(self, step: int) -> list[tuple[bool, str]]:
        """Feedback on one step: a list of (right, text)."""
        lang = self.lang
        out: list[tuple[bool, str]] = []
        labels = {k: v[_i(lang)] for k, v in datasets.SAFETY_KINDS.items()}
        if step == 1:
            chosen = set(self.answers[1]["kinds"])
            seen = [labels[k] for k in self.kinds if k in chosen]
            missed = [labels[k] for k in self.kinds if k not in chosen]
            extra = [labels[k] for k in datasets.SAFETY_KINDS if k in chosen and k not in self.kinds]
            if not chosen:
                out.append((False, _t("s1_none", lang)))
            if seen:
                out.append((True, _t("s1_right", lang, what=_join(seen, lang))))
            if missed:
                out.append((False, _t("s1_missed", lang, what=_join(missed, lang))))
            if extra:
                out.append((False, _t("s1_extra", lang, what=_join(extra, lang))))
            children = self.answers[1]["children"]
            if children is not None:
                if children != self.children_present:
                    out.append((False, _t("s1_children_wrong", lang)))
                else:
                    out.append((True, _t("s1_children_yes" if children else "s1_children_no", lang)))
            out.append((True, _t("s1_write", lang)))
        elif step == 2:
            chosen = self.answers[2]
            for key, good in (("colleague", True), ("vt", True), ("perpetrator", False), ("nobody", False)):
                if key in chosen:
                    out.append((good, _t(f"s2_{'ok' if good else 'bad'}_{key}", lang)))
            missing = [_t(f"s2_{k}", lang) for k in ("colleague", "vt") if k not in chosen]
            if missing and "nobody" not in chosen:
                out.append((False, _t("s2_missing", lang, what=_join(missing, lang))))
        elif step == 3:
            chosen = self.answers[3]
            for key, good in (("concerns", True), ("view", True), ("secret", False), ("confront", False)):
                if key in chosen:
                    out.append((good, _t(f"s3_{'ok' if good else 'bad'}_{key}", lang)))
            missing = [_t(f"s3_{k}", lang) for k in ("concerns", "view") if k not in chosen]
            if missing:
                out.append((False, _t("s2_missing", lang, what=_join(missing, lang))))
        elif step == 4:
            decision, _ = self.decision()
            text = self.decision_text() if decision == "open" else _t("s4_result", lang, decision=self.decision_text())
            if self.children_present:
                text += _t("s4_children", lang)
            out.append((decision != "open", text))
        elif step == 5:
            decision, _ = self.decision()
            chosen = self.answers[5]
            if decision == "open":
                out.append((False, _t("s5_open", lang)))
            elif chosen is not None:
                fits = {"melden": "report", "melden_onveilig": "report", "hulp": "help", "hulp_klaar": "help",
                        "afsluiten": "close"}[decision]
                if chosen == fits:
                    out.append((True, _t("s5_fits", lang)))
                else:
                    out.append((False, _t("s5_not", lang, decision=self.decision_text())))
        else:
            raise ValueError(f"the Meldcode has steps 1 to 5, not {step!r}")
        self.feedback[step] = out
        return out

    def case_story(self) -> list[tuple[str, list[str]]]:
        """What the case says the professional did, per moment: (heading, sentences)."""
        lang = self.lang
        steps = []
        if self.network.moments:
            for m in self.network.moments:
                block = m.network.extra.get("safety")
                if isinstance(block, Mapping):
                    heading = f"{datasets.moment_label(m, lang)} ({format_date(m.date, lang)})"
                    steps.append((heading, self._sentences(block)))
        elif self.safety is not None:
            steps.append((_t("now", lang), self._sentences(self.safety)))
        return steps

    def _sentences(self, block: Mapping) -> list[str]:
        lang = self.lang
        out = []
        step = block.get("meldcode_step")
        if isinstance(step, int) and 1 <= step <= 5:
            out.append(_t("case_step", lang, n=step, step=MELDCODE_STEPS[step - 1][_i(lang)].lower()))
        advice = block.get("veilig_thuis")
        if advice == "advies":
            out.append(_t("case_advice", lang))
        elif advice == "melding":
            out.append(_t("case_report", lang))
        plan = block.get("safety_plan_en" if lang == "en" else "safety_plan") or block.get("safety_plan")
        if plan:
            out.append(_t("case_plan", lang, items="; ".join(plan)))
        if not out:
            out.append(_t("case_unknown", lang))
        return out


def _feedback_html(entries: list[tuple[bool, str]]) -> str:
    return "".join(f"<div class='netles-meldcode-feedback' data-right='{int(right)}' "
                   f"style='color:{'#1d5e20' if right else '#a40000'};line-height:1.4'>{html.escape(text)}</div>"
                   for right, text in entries)


def meldcode_steps(net: EgoNetwork, lang: str = "nl"):
    """The five steps of the Meldcode as tabs that a student works through on the case.

    Parameters
    ----------
    net : EgoNetwork
    lang : {"nl", "en"}

    Returns
    -------
    (ipywidgets.VBox, MeldcodeState)
        The widget has ``tabs`` (one per step), ``kinds`` (code -> Checkbox), ``children``
        (Dropdown), ``consult`` and ``talk`` (key -> Checkbox), ``afweging`` (question key ->
        Dropdown), ``decision`` (Dropdown), ``check_buttons`` and ``feedback`` (step -> Button /
        HTML), ``compare_button`` and ``case`` (HTML, empty until "Vergelijk met de casus"). A case
        without a ``safety`` block gets a widget with only the sentence that says so.

    Examples
    --------
    >>> widget, state = meldcode_steps(datasets.load_case("onveilig_netwerk"))
    >>> widget.afweging["vermoeden"].value = "yes"; widget.afweging["onveilig"].value = "yes"
    >>> widget.check_buttons[4].click()
    >>> state.decision()[0], "altijd" in widget.feedback[4].value
    ('melden_onveilig', True)
    >>> widget.compare_button.click()
    >>> "melding" in widget.case.value
    True
    """
    state = MeldcodeState(net, lang)
    i = _i(lang)
    box = W.VBox(layout=W.Layout(max_width="900px"))
    box.add_class("netles-meldcode")
    title = W.HTML(f"<h4 style='margin:4px 0'>{html.escape(_t('title', lang))}</h4>")
    if not state.applicable:
        cases = _join([f"<i>{html.escape(datasets.case_title(datasets.load_case(n), lang))}</i>"
                       for n in safety_cases()], lang)
        box.message = W.HTML(f"<p style='line-height:1.45'>{_t('no_safety', lang, cases=cases)}</p>")
        box.tabs = None
        box.children = [title, box.message]
        return box, state

    from .strategies import _client_name

    when = (_t("when", lang, label=html.escape(datasets.moment_label(state.start, lang)),
               date=format_date(state.start.date, lang)) if state.start is not None else "")
    intro = f"<p style='line-height:1.45'>{_t('intro', lang, when=when)}</p>"
    if state.outside_home:
        intro += (f"<p style='line-height:1.45;color:#8a5a00'>"
                  f"{html.escape(_t('outside', lang, client=_client_name(net, lang)))}</p>")
    box.feedback = {s: W.HTML() for s in range(1, 6)}
    box.check_buttons = {s: W.Button(description=_t("check", lang), button_style="primary") for s in range(1, 6)}

    def checkbox(text: str) -> W.Checkbox:
        return W.Checkbox(value=False, description=text, indent=False, layout=W.Layout(width="auto"))

    def pick(options, value=""):
        return W.Dropdown(options=[(_t("choose", lang), ""), *options], value=value,
                          layout=W.Layout(width="320px", max_width="100%"))

    # step 1: the signals
    box.kinds = {k: checkbox(v[i]) for k, v in datasets.SAFETY_KINDS.items()}
    box.children_answer = pick([(_t("yes", lang), "yes"), (_t("no", lang), "no")])
    for k, c in box.kinds.items():
        c.observe(lambda ch, k=k: _set_kind(k, ch["new"]), "value")

    def _set_kind(k: str, on: bool) -> None:
        (state.answers[1]["kinds"].add if on else state.answers[1]["kinds"].discard)(k)
        box.feedback[1].value = ""

    def _set_children(value: str) -> None:
        state.answers[1]["children"] = None if value == "" else value == "yes"
        box.feedback[1].value = ""

    box.children_answer.observe(lambda ch: _set_children(ch["new"]), "value")
    step1 = [W.HTML(f"<p>{html.escape(_t('s1_q', lang))}</p>"), *box.kinds.values(),
             W.HBox([W.HTML(f"<div style='padding-top:4px;width:320px'>{html.escape(_t('s1_children', lang))}</div>"),
                     box.children_answer])]

    # steps 2 and 3: who to consult, the conversation
    def options_step(step: int, keys: Sequence[str], prefix: str) -> dict:
        boxes = {k: checkbox(_t(f"{prefix}_{k}", lang)) for k in keys}
        for k, c in boxes.items():
            c.observe(lambda ch, k=k: _toggle(step, k, ch["new"]), "value")
        return boxes

    def _toggle(step: int, key: str, on: bool) -> None:
        (state.answers[step].add if on else state.answers[step].discard)(key)
        box.feedback[step].value = ""

    box.consult = options_step(2, ("colleague", "vt", "perpetrator", "nobody"), "s2")
    box.talk = options_step(3, ("concerns", "view", "secret", "confront"), "s3")

    # step 4: the afwegingskader
    yes_no = [(_t("yes", lang), "yes"), (_t("no", lang), "no"), (_t("unknown", lang), "unknown")]
    box.afweging = {k: pick(yes_no) for k, _ in AFWEGING_QUESTIONS}

    def _set_afweging(key: str, value: str) -> None:
        state.answers[4][key] = {"yes": True, "no": False}.get(value)
        box.feedback[4].value = ""
        box.feedback[5].value = ""

    for k, d in box.afweging.items():
        d.observe(lambda ch, k=k: _set_afweging(k, ch["new"]), "value")
    step4 = [W.HTML(f"<p style='line-height:1.45'>{html.escape(_t('s4_intro', lang))}</p>")]
    for k, text in AFWEGING_QUESTIONS:
        step4.append(W.HBox([W.HTML(f"<div style='padding-top:4px;width:470px;line-height:1.35'>"
                                    f"{html.escape(text[i])}</div>"), box.afweging[k]]))

    # step 5: the decision
    box.decision = pick([(_t("s5_report", lang), "report"), (_t("s5_help", lang), "help"),
                         (_t("s5_close", lang), "close")])
    box.decision.layout.width = "440px"

    def _set_decision(value: str) -> None:
        state.answers[5] = value or None
        box.feedback[5].value = ""

    box.decision.observe(lambda ch: _set_decision(ch["new"]), "value")

    def on_check(step: int) -> None:
        box.feedback[step].value = _feedback_html(state.check(step))

    for s, b in box.check_buttons.items():
        b.on_click(lambda _b, s=s: on_check(s))

    pages = [step1, [W.HTML(f"<p>{html.escape(_t('s2_q', lang))}</p>"), *box.consult.values()],
             [W.HTML(f"<p>{html.escape(_t('s3_q', lang))}</p>"), *box.talk.values()], step4,
             [W.HBox([W.HTML(f"<div style='padding-top:4px;width:140px'>{html.escape(_t('s5_q', lang))}</div>"),
                      box.decision])]]
    tabs = []
    for s, page in enumerate(pages, start=1):
        head = W.HTML(f"<b>{s}. {html.escape(MELDCODE_STEPS[s - 1][i])}</b>")
        tabs.append(W.VBox([head, *page, box.check_buttons[s], box.feedback[s]], layout=W.Layout(padding="6px")))
    box.tabs = W.Tab(children=tabs, titles=tuple(f"{s}. {_SHORT[s - 1][i]}" for s in range(1, 6)))
    box.compare_button = W.Button(description=_t("compare", lang), layout=W.Layout(width="auto"))
    box.case = W.HTML()

    def on_compare(_=None) -> None:
        parts = [f"<p><b>{html.escape(_t('case_title', lang))}</b></p><ul>"]
        for heading, sentences in state.case_story():
            parts.append(f"<li><b>{html.escape(heading)}</b>: {html.escape(' '.join(sentences))}</li>")
        box.case.value = "".join(parts) + "</ul>"

    box.compare_button.on_click(on_compare)
    box.children = [title, W.HTML(intro), box.tabs, box.compare_button, box.case]
    return box, state
