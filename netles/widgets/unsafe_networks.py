"""Case views for lesson 04b: when the network harms, when there is hardly a network, and peers.

The teacher's guide (theme 4) says a network does not always support: it can keep problems going,
and sometimes a tie has to be cut (criminal friends). The opinion piece of Klokman and Veuger
(2015) adds that in some multi-problem households the neighbour is also the drinking companion:
then strengthening the old network is not the answer, but a new network beside or instead of it;
and that some people have hardly any network left, so that a support system has to be built, from
what remains of the old network and from neighbours, clubs, churches and buddy projects.

* :func:`harm_view` shows, for a case, the people whose tie burdens the client, what they also give
  (what cutting the tie would cost), the interventions that fit (:mod:`netles.models.radio`), the
  kinds of harm the case records, and how much of the client's own network gives support now
  (:func:`netles.models.care_capacity`, an approximation) with the faded contacts that could be
  picked up again.
* :func:`peer_support_view` shows the fellow clients (lotgenoten) on the map, such as the members
  of a self-help group, and since which moment they are there.

A case without what a view needs gets one sentence naming the cases that have it, by their titles.

References
----------
.. [1] Admiraal, L. (2016). *Sociale netwerken. Docentenhandreiking*, theme 4. Hogeschool Utrecht.
.. [2] Klokman, S. & Veuger, N. (2015). Opinion piece on the limits and chances of the social
   network (source text of the suite, in our own words).
"""
from __future__ import annotations

import html
import re
from typing import Any, Mapping, Sequence

import ipywidgets as W
import pandas as pd

from .. import datasets, vocab
from ..models import radio
from ..models.zorgkracht import care_capacity
from ..moments import format_date
from ..network import EgoNetwork
from ..vocab import readable_table

__all__ = ["harm_view", "HarmState", "harm_examples", "peer_support_view", "PeerSupportState", "peer_examples",
           "SMALL_NETWORK"]

SMALL_NETWORK = 2
"""A client's own network with this many people giving support or fewer counts as very small
(:func:`harm_view` then speaks of building a support system). A teaching threshold, not a norm."""

_FAMILY = ("partner", "parent", "child", "sibling", "other_family")

_H = {
    "title": ("Wie in deze casus belast, en wat blijft er over?", "Who in this case burdens, and what remains?"),
    "name": ("naam", "name"), "relation": ("relatie", "relation"), "gives": ("geeft ook", "also gives"),
    "fits": ("wat past", "what fits"), "nothing": ("niets", "nothing"),
    "kinds": ("Wat de casus vastlegt aan onveiligheid: {kinds}.", "What the case records as unsafe: {kinds}."),
    "children": (" Er wonen kinderen in de situatie.", " Children live in the situation."),
    "gives_one": ("{who} geeft ook {what}", "{who} also gives {what}"),
    "gives_too": ("{list}. Wie zo'n band doorsnijdt, verliest ook die steun: zoek samen met de cliënt wie of wat "
                  "ervoor in de plaats kan komen, een nieuw netwerk naast of in plaats van het oude.",
                  "{list}. Cutting such a tie also loses that support: look with the client for who or what could "
                  "take its place, a new network beside or instead of the old one."),
    "already_cut": ("band al doorgesneden of begrensd", "tie already cut or limited"),
    "family": ("{who} hoort bij de familie. Probeer eerst of een andere houding of duidelijke grenzen helpen "
               "(deblokkeren); een familieband doorsnijden is het laatste middel, en de cliënt beslist mee.",
               "{who} is family. First try whether another attitude or clear limits help (unblocking); cutting a "
               "family tie is a last resort, and the client has a say."),
    "cut": ("De band met {who} staat op de kaart al als doorgesneden of begrensd.",
            "The tie with {who} is already marked on the map as cut or limited."),
    "none": ("In deze casus staat niemand als belastend op de kaart. Een netwerk dat schaadt, zie je bij {cases}.",
             "In this case nobody is marked as burdening on the map. A network that harms can be seen in {cases}."),
    "carriers": ("Uit het eigen netwerk geven nu {n} mensen steun, samen {f} van de vijf steunfuncties (een "
                 "benadering van de zorgkracht: tijd, gezondheid en bereidheid staan niet op de kaart).",
                 "From the client's own network {n} people give support now, together {f} of the five support "
                 "functions (an approximation of the care capacity: time, health and willingness are not on the map)."),
    "small": ("Dat is erg weinig. Versterken alleen is dan niet genoeg: er moet een steunsysteem komen. Kijk of er "
              "in het oude netwerk iemand is die weer wil, en verbreed daarna naar buren, verenigingen, kerken of "
              "moskeeën en maatjesprojecten, zodat niet alles op een paar mensen rust.",
              "That is very few. Strengthening alone is then not enough: a support system is needed. See whether "
              "someone from the old network wants to come back, then broaden to neighbours, clubs, places of worship "
              "and buddy projects, so that not everything rests on a few people."),
    "faded": ("Verwaterde contacten die misschien weer op te pakken zijn: {names}.",
              "Faded contacts that might be picked up again: {names}."),
}


_i = vocab.language_index


def _h(key: str, lang: str, table: Mapping = _H, **kw: Any) -> str:
    text = table[key][_i(lang)]
    return text.format(**kw) if kw else text


_join = vocab.join_words


def _name(net: EgoNetwork, alter_id: str) -> str:
    return str(net.alter(alter_id).get("name") or alter_id)


def _titles(names: Sequence[str], lang: str) -> str:
    return _join([f"<i>{html.escape(datasets.case_title(datasets.load_case(n), lang))}</i>" for n in names], lang)


def _informal(net: EgoNetwork, alter_id: str) -> bool:
    relation = net.alter(alter_id)["relation"]
    return vocab.RELATION_KIND_OF[relation] != "professional" and relation != "volunteer"


def _burdening(net: EgoNetwork) -> list[str]:
    harmful = radio.harmful_people(net)
    return harmful + [a for a in net.alter_ids if net.alter(a).get("valence") == "burdening" and a not in harmful]


class HarmState:
    """What :func:`harm_view` shows for a case.

    Attributes
    ----------
    burdening : list of str
        Alter ids whose tie harms or burdens the client (the case's ``safety.harmful`` first).
    table : pandas.DataFrame
        Those people, their relation, what they also give and what fits (as the student sees it).
    carriers : int
        People from the client's own network who give support now (:func:`netles.models.care_capacity`).
    small : bool
        ``carriers <= SMALL_NETWORK``.
    faded : list of str
        Informal contacts that have faded.
    text : str
        The sentences (HTML).
    """

    def __init__(self, net: EgoNetwork, lang: str = "nl"):
        _i(lang)
        self.network, self.lang = net, lang
        self.burdening = _burdening(net)
        rows = {_h("name", lang): [], _h("relation", lang): [], _h("gives", lang): [], _h("fits", lang): []}
        labels = {dutch: names[_i(lang)] for names in radio.INTERVENTION_LABELS.values() for dutch in names[:1]}
        for a in self.burdening:
            record = net.alter(a)
            rows[_h("name", lang)].append(_name(net, a))
            rows[_h("relation", lang)].append(vocab.label("relation", record["relation"], lang))
            support = record.get("support") or []
            rows[_h("gives", lang)].append(", ".join(vocab.label("support", f, lang) for f in support)
                                           or _h("nothing", lang))
            fits = [labels.get(x, x) for x in radio.applicable_interventions(net, a)]
            rows[_h("fits", lang)].append(_h("already_cut", lang) if record.get("cut") else ", ".join(fits))
        self.table = readable_table(pd.DataFrame(rows), lang)
        capacity = care_capacity(net)
        self.carriers, self.functions = int(capacity["carriers"]), int(capacity["functions"])
        self.small = self.carriers <= SMALL_NETWORK
        self.faded = [a for a in net.alter_ids if _informal(net, a) and (net.alter(a).get("status") or "active") == "faded"]
        self.text = self._sentences()

    def _sentences(self) -> str:
        net, lang = self.network, self.lang
        parts = []
        safety = net.extra.get("safety") if isinstance(net.extra.get("safety"), Mapping) else None
        if safety and safety.get("kinds"):
            kinds = _join([datasets.SAFETY_KINDS[k][_i(lang)] for k in safety["kinds"] if k in datasets.SAFETY_KINDS],
                          lang)
            parts.append(_h("kinds", lang, kinds=kinds) + (_h("children", lang) if safety.get("children_present") else ""))
        if not self.burdening:
            parts.append(_h("none", lang, cases=_titles(harm_examples(), lang)))
        gives, family = [], []
        for a in self.burdening:
            record = net.alter(a)
            who = html.escape(_name(net, a))
            if record.get("cut"):
                parts.append(_h("cut", lang, who=who))
                continue
            support = record.get("support") or []
            if support:
                what = _join([vocab.label("support", f, lang) for f in support], lang)
                gives.append(_h("gives_one", lang, who=who, what=html.escape(what)))
            if record["relation"] in _FAMILY:
                family.append(_h("family", lang, who=who))
        if gives:
            parts.append(_h("gives_too", lang, list="; ".join(gives)))
        parts += family
        parts.append(_h("carriers", lang, n=self.carriers, f=self.functions))
        if self.small:
            parts.append(_h("small", lang))
        if self.faded:
            parts.append(_h("faded", lang, names=_join([html.escape(_name(net, a)) for a in self.faded], lang)))
        return "".join(f"<p style='line-height:1.45;margin:4px 0'>{_one_stop(p)}</p>" for p in parts)


def _one_stop(text: str) -> str:
    """A sentence ending on a name with an initial ("Vader S.") gets one full stop, not two."""
    return re.sub(r"(?<!\.)\.\.(?!\.)", ".", text)


def harm_examples(limit: int = 3) -> list[str]:
    """Cases where the network harms, to suggest when the chosen case has no burdening tie: cases
    that record unsafety (a ``safety`` block) first, then burdening ties outside the family, then
    within it; at most ``limit``.

    Examples
    --------
    >>> harm_examples()
    ['moeder_zoon_lvb', 'onveilig_netwerk', 'multiprobleem_buurman']
    """
    ranked = []
    for name in datasets.case_names():
        net = datasets.load_case(name)
        burdening = _burdening(net)
        if not burdening:
            continue
        outside = any(net.alter(a)["relation"] not in _FAMILY for a in burdening)
        ranked.append((0 if isinstance(net.extra.get("safety"), Mapping) else 1 if outside else 2, name))
    return [name for _, name in sorted(ranked, key=lambda r: r[0])][:limit]


def peer_examples(limit: int = 3) -> list[str]:
    """Cases with fellow clients (lotgenoten) on the map, to suggest when the chosen case has none:
    cases where peers arrive between moments (a group that was joined) first; at most ``limit``.

    Examples
    --------
    >>> peer_examples()[:2]
    ['nah_herseninfarct', 'onveilig_netwerk']
    """
    ranked = []
    for name in datasets.case_names():
        net = datasets.load_case(name)
        peers = [a for a in net.alter_ids if net.alter(a)["relation"] == "fellow_client"]
        if not peers:
            continue
        joined = bool(net.moments) and any(a not in net.moments[0].network.alter_ids for a in peers)
        ranked.append((0 if joined else 1, name))
    return [name for _, name in sorted(ranked, key=lambda r: r[0])][:limit]


def harm_view(net: EgoNetwork, lang: str = "nl"):
    """Who burdens the client in this case, what cutting that tie would cost, and what remains.

    Parameters
    ----------
    net : EgoNetwork
    lang : {"nl", "en"}

    Returns
    -------
    (ipywidgets.VBox, HarmState)
        The widget has ``table`` and ``text`` (HTML).

    Examples
    --------
    >>> widget, state = harm_view(datasets.load_case("multiprobleem_buurman"))
    >>> state.burdening
    ['D', 'E']
    >>> "Dave (buurman) geeft ook praktische hulp en gezelschap" in state.text
    True
    >>> harm_view(datasets.load_case("psychiatrie_geen_netwerk"))[1].small
    True
    """
    state = HarmState(net, lang)
    box = W.VBox(layout=W.Layout(max_width="900px"))
    box.add_class("netles-harm")
    box.table = W.HTML(state.table.to_html(index=False, border=0) if state.burdening else "")
    box.text = W.HTML(state.text)
    box.children = [W.HTML(f"<h4 style='margin:4px 0'>{html.escape(_h('title', lang))}</h4>"), box.table, box.text]
    return box, state


# ------------------------------------------------------------------------------ peers

_P = {
    "title": ("Lotgenoten op de kaart", "Peers on the map"),
    "since": ("op de kaart sinds", "on the map since"),
    "start": ("het begin", "the start"),
    "mutual": ("Steun tussen lotgenoten gaat vaak twee kanten op: {names} {verb} steun en {verb2} die ook terug.",
               "Support between peers often goes both ways: {names} {verb} support and {verb2} it back too."),
    "none": ("In deze casus staan geen lotgenoten op de kaart. Lotgenoten zie je bij {cases}.",
             "This case has no peers on the map. Peers can be seen in {cases}."),
}


class PeerSupportState:
    """What :func:`peer_support_view` shows.

    Attributes
    ----------
    peers : list of str
        Alter ids of fellow clients (lotgenoten) in the working network.
    since : dict
        Alter id -> label of the first moment the person appears in (only for a case with moments).
    table : pandas.DataFrame
    text : str
    """

    def __init__(self, net: EgoNetwork, lang: str = "nl"):
        _i(lang)
        self.network, self.lang = net, lang
        self.peers = [a for a in net.alter_ids if net.alter(a)["relation"] == "fellow_client"]
        self.since = {}
        for a in self.peers:
            first = next((m for m in net.moments if a in m.network.alter_ids), None)
            if first is not None:
                self.since[a] = first
        columns = ["name", "circle", "contact", "support", "support_direction"]
        frame = net.alters.set_index("alter_id", drop=False).loc[self.peers, columns] if self.peers else \
            net.alters.iloc[0:0][columns]
        table = readable_table(frame, lang)
        if net.moments and self.peers:
            table[_h("since", lang, _P)] = [
                (f"{datasets.moment_label(self.since[a], lang)} ({format_date(self.since[a].date, lang)})"
                 if a in self.since else _h("start", lang, _P)) for a in self.peers]
        self.table = table
        self.text = self._sentences()

    def _sentences(self) -> str:
        net, lang = self.network, self.lang
        if not self.peers:
            return f"<p style='line-height:1.45'>{_h('none', lang, _P, cases=_titles(peer_examples(), lang))}</p>"
        mutual = [html.escape(_name(net, a)) for a in self.peers if net.alter(a).get("support_direction") == "mutual"]
        if not mutual:
            return ""
        several = len(mutual) > 1
        words = {"nl": ("geven" if several else "geeft", "krijgen" if several else "krijgt"),
                 "en": ("give" if several else "gives", "get" if several else "gets")}[lang]
        return (f"<p style='line-height:1.45'>"
                f"{_h('mutual', lang, _P, names=_join(mutual, lang), verb=words[0], verb2=words[1])}</p>")


def peer_support_view(net: EgoNetwork, lang: str = "nl"):
    """The fellow clients (lotgenoten) on a case's map, and since which moment they are there.

    Parameters
    ----------
    net : EgoNetwork
    lang : {"nl", "en"}

    Returns
    -------
    (ipywidgets.VBox, PeerSupportState)
        The widget has ``table`` and ``text`` (HTML).

    Examples
    --------
    >>> widget, state = peer_support_view(datasets.load_case("onveilig_netwerk"))
    >>> state.peers, [m.label for m in state.since.values()]
    (['K', 'L'], ['evaluatie', 'evaluatie'])
    """
    state = PeerSupportState(net, lang)
    box = W.VBox(layout=W.Layout(max_width="900px"))
    box.add_class("netles-peers")
    box.table = W.HTML(state.table.to_html(index=False, border=0) if state.peers else "")
    box.text = W.HTML(state.text)
    box.children = [W.HTML(f"<h4 style='margin:4px 0'>{html.escape(_h('title', lang, _P))}</h4>"), box.table, box.text]
    return box, state
