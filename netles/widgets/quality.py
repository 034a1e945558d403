"""Parts of lesson 02a (meaning and quality of networks) that follow the chosen case.

Each builder takes a case and a language and returns something a lesson shows, so it can be used
with :func:`netles.widgets.follow_case` (the part is rebuilt when the student picks another case):

* :func:`network_over_time`: a case's real moments (:func:`netles.widgets.moments_viewer`) with a
  table of the moments and of who faded; for a case recorded at one moment only, one sentence that
  names the cases that have moments;
* :func:`who_gives_what`: the people of the case with their relation, the support they give, how
  often they are seen and since when (the guide: family gives long-term support, friends and
  neighbours short-term and emotional support);
* :func:`burdening_contacts`: the contacts coded as burdening or ambivalent, or a sentence that
  there are none;
* :func:`density_check`: a self-check "what is the density of this network?".

Nothing here computes a metric: the comparison of moments comes from :func:`netles.compare_moments`,
the density from :func:`netles.metrics.density`, the tables from :func:`netles.readable_table`.
"""
from __future__ import annotations

import html
from typing import Any

import ipywidgets as W

from .. import datasets, metrics, vocab
from ..moments import format_date
from ..network import EgoNetwork
from .moments import moments_viewer
from .selfcheck import self_check

__all__ = ["cases_with_moments", "faded_between", "network_over_time", "who_gives_what", "burdening_contacts",
           "density_check", "PROFILE_OVERVIEW", "profile_overview"]

_T = {
    "one_moment": ("De casus ‘{title}’ is op één moment vastgelegd, dus hier is niet te zien hoe het netwerk "
                   "veranderde. Kies bovenaan een casus die op meer momenten is vastgelegd: {cases}.",
                   "The case ‘{title}’ is recorded at one moment only, so it does not show how the network "
                   "changed. Choose a case recorded at several moments at the top: {cases}."),
    "moments_head": ("De momenten van deze casus", "The moments of this case"),
    "moment": ("moment", "moment"),
    "date": ("datum", "date"),
    "size": ("aantal mensen", "people"),
    "note": ("wat er speelde", "what was going on"),
    "faded_head": ("Verwaterd of minder contact tussen ‘{a}’ en ‘{b}’",
                   "Faded or less contact between ‘{a}’ and ‘{b}’"),
    "faded_none": ("Niemand die op beide momenten op de kaart staat, is verwaterd of wordt minder vaak gezien.",
                   "Nobody on the map at both moments faded or is seen less often."),
    "person": ("persoon", "person"),
    "before": ("eerst", "first"),
    "after": ("later", "later"),
    "none_burdening": ("In de casus ‘{title}’ is niemand als belastend of dubbel (ambivalent) aangemerkt.",
                       "In the case ‘{title}’ nobody is marked as burdening or ambivalent."),
    "density_q": ("Wat is de dichtheid van het netwerk van deze casus? Geef twee decimalen.",
                  "What is the density of this case's network? Give two decimals."),
    "density_hint": ("Tel de banden tussen de mensen, zonder de cliënt. Deel door het aantal mogelijke paren: "
                     "n · (n − 1) / 2, met n het aantal mensen.",
                     "Count the ties between the people, without the client. Divide by the number of possible "
                     "pairs: n · (n − 1) / 2, with n the number of people."),
    "density_none": ("Met {n} mensen is er geen dichtheid te berekenen: daarvoor zijn er minstens twee nodig.",
                     "With {n} people there is no density to compute: it takes at least two."),
}


_lang_index = vocab.language_index


def _t(key: str, lang: str, **kw: Any) -> str:
    text = _T[key][_lang_index(lang)]
    return text.format(**kw) if kw else text


_and = vocab.join_words


def cases_with_moments(lang: str = "nl") -> list[tuple[str, str]]:
    """``(name, title)`` of every bundled case recorded at more than one moment.

    Examples
    --------
    >>> [name for name, _ in cases_with_moments()][:2]
    ['mantelval_dochter', 'nah_herseninfarct']
    """
    out = []
    for name in datasets.case_names():
        net = datasets.load_case(name)
        if len(net.moments) > 1:
            out.append((name, datasets.case_title(net, lang)))
    return out


def _table(header: list[str], rows: list[list[str]]) -> str:
    cell = "padding:2px 8px;vertical-align:top;line-height:1.35"
    head = "".join(f"<th style='text-align:left;{cell}'>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td style='{cell}'>{html.escape(str(c))}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


_CONTACT_RANK = {c: i for i, c in enumerate(vocab.CONTACT)}


def faded_between(before: EgoNetwork, after: EgoNetwork) -> list[dict]:
    """People on the map at both moments who faded (status) or are seen less often (contact).

    Returns
    -------
    list of dict
        ``alter_id``, ``name``, and ``before`` / ``after`` as ``(status, contact)`` codes.

    Examples
    --------
    >>> net = datasets.load_case("nah_herseninfarct")
    >>> [p["name"] for p in faded_between(net.moments[0].network, net.moments[-1].network)][:2]
    ['Moeder I.', 'Carolien (vriendin)']
    """
    out = []
    later = set(after.alter_ids)
    for alter_id in before.alter_ids:
        if alter_id not in later:
            continue
        a, b = before.alter(alter_id), after.alter(alter_id)
        faded = b.get("status") in ("faded", "disrupted") and a.get("status") not in ("faded", "disrupted")
        ra, rb = _CONTACT_RANK.get(a.get("contact")), _CONTACT_RANK.get(b.get("contact"))
        less = ra is not None and rb is not None and rb > ra
        if faded or less:
            out.append({"alter_id": alter_id, "name": str(b.get("name") or alter_id),
                        "before": (a.get("status"), a.get("contact")), "after": (b.get("status"), b.get("contact"))})
    return out


def _state_words(status: Any, contact: Any, lang: str) -> str:
    parts = [vocab.label("status", status, lang) if status else "", vocab.label("contact", contact, lang) if contact else ""]
    return ", ".join(p for p in parts if p)


def network_over_time(net: EgoNetwork, lang: str = "nl"):
    """The moments of a case and what changed between them; one sentence for a case without moments.

    Shows a table of the moments (label, date, number of people, note), the
    :func:`netles.widgets.moments_viewer` (choose two moments, see the summary and the two
    netwerkcirkels), and who faded or is seen less often between the first and the last moment:
    a network shrinks also when people stay on the map but drift away.

    Returns
    -------
    (ipywidgets.VBox, MomentsViewerState or None)
        The box has ``viewer`` (the moments viewer, or None), ``moments`` and ``faded`` (HTML);
        for a case recorded at one moment only it holds one sentence (``message``) and the state is
        None.

    Examples
    --------
    >>> box, state = network_over_time(datasets.load_case("senior_55plus"))
    >>> state.before, state.after
    ('samen', 'nu')
    >>> box, state = network_over_time(datasets.load_case("voorbeeld"))
    >>> state is None, "op één moment" in box.message.value
    (True, True)
    """
    i = _lang_index(lang)
    box = W.VBox(layout=W.Layout(width="100%"))
    box.add_class("netles-network-over-time")
    if len(net.moments) < 2:
        titles = [f"‘{title}’" for name, title in cases_with_moments(lang)]
        box.message = W.HTML(f"<p style='line-height:1.45'>{html.escape(_t('one_moment', lang, title=datasets.case_title(net, lang), cases=_and(titles, lang)))}</p>")
        box.viewer, box.moments, box.faded = None, W.HTML(), W.HTML()
        box.children = [box.message]
        return box, None
    rows = [[datasets.moment_label(m, lang), format_date(str(m.date), lang), str(m.network.size),
             datasets.moment_note(m, lang)] for m in net.moments]
    box.moments = W.HTML(f"<b>{html.escape(_t('moments_head', lang))}</b>"
                         + _table([_t(k, lang) for k in ("moment", "date", "size", "note")], rows))
    first, last = net.moments[0], net.moments[-1]
    faded = faded_between(first.network, last.network)
    head = _t("faded_head", lang, a=datasets.moment_label(first, lang), b=datasets.moment_label(last, lang))
    if faded:
        table = _table([_t("person", lang), _t("before", lang), _t("after", lang)],
                       [[p["name"], _state_words(*p["before"], lang), _state_words(*p["after"], lang)] for p in faded])
    else:
        table = f"<p>{html.escape(_t('faded_none', lang))}</p>"
    box.faded = W.HTML(f"<b>{html.escape(head)}</b>{table}")
    box.viewer, state = moments_viewer(net, lang=lang)
    box.message = W.HTML()
    box.children = [box.moments, box.faded, box.viewer]
    return box, state


def who_gives_what(net: EgoNetwork, lang: str = "nl") -> str:
    """The people of a case, family first, with relation, support, contact and since when (HTML).

    Examples
    --------
    >>> page = who_gives_what(datasets.load_case("voorbeeld"))
    >>> page.index("Bram (broer)") < page.index("Dewi (vriendin)") < page.index("verpleegkundig specialist")
    True
    """
    from ..vocab import readable_table

    _lang_index(lang)
    order = {s: k for k, s in enumerate(("family", "society", "fellow_clients", "professionals"))}
    alters = net.alters.assign(_order=net.alters["sector"].map(order)).sort_values(["_order", "circle"], kind="stable")
    columns = [c for c in ("name", "relation", "support", "contact", "since") if c in alters.columns]
    table = readable_table(alters, lang, columns=columns)
    return f"<div class='netles-who-gives-what' style='max-width:900px'>{table.to_html(index=False, border=0)}</div>"


def burdening_contacts(net: EgoNetwork, lang: str = "nl") -> str:
    """The contacts coded burdening or ambivalent, with relation, contact and since when (HTML).

    Examples
    --------
    >>> "R. (vriend)" in burdening_contacts(datasets.load_case("moeder_zoon_lvb"))
    True
    >>> "niemand" in burdening_contacts(datasets.load_case("statushouder_zonder_netwerk"))
    True
    """
    from ..vocab import readable_table

    alters = net.alters
    chosen = alters[alters["valence"].isin(["burdening", "ambivalent"])] if "valence" in alters.columns else alters.iloc[:0]
    if chosen.empty:
        return f"<p>{html.escape(_t('none_burdening', lang, title=datasets.case_title(net, lang)))}</p>"
    columns = [c for c in ("name", "relation", "contact", "valence", "since") if c in chosen.columns]
    return readable_table(chosen, lang, columns=columns).to_html(index=False, border=0)


PROFILE_OVERVIEW = ("size", "blau_relation", "density", "share_reachable", "share_weekly", "share_strong",
                    "support_coverage", "multiplexity", "max_support_share")
"""The metrics of the quality profile that lesson 02a shows, in the order the lesson treats them."""


def profile_overview(net: EgoNetwork, lang: str = "nl", *, max_minutes: float = metrics.DEFAULT_MAX_MINUTES,
                     strong_max_circle: int = metrics.DEFAULT_STRONG_MAX_CIRCLE) -> str:
    """The case's quality profile as a table with a short interpretation per metric (HTML).

    The values and interpretations come from :func:`netles.quality_profile` and
    :func:`netles.describe_profile`.

    Examples
    --------
    >>> page = profile_overview(datasets.load_case("voorbeeld"))
    >>> "dichtheid" in page and "0,27" in page
    True
    """
    from ..profile import describe_profile, quality_profile

    profile = quality_profile(net, max_minutes=max_minutes, strong_max_circle=strong_max_circle)
    table = describe_profile(profile, lang=lang, keys=list(PROFILE_OVERVIEW))
    return f"<div class='netles-profile-overview' style='max-width:900px'>{table.to_html(index=False, border=0)}</div>"


def density_check(net: EgoNetwork, lang: str = "nl"):
    """A self-check: the student computes the density of the case's network by hand.

    Examples
    --------
    >>> widget, state = density_check(datasets.load_case("voorbeeld"))
    >>> widget.answer_box.value = "0,27"; widget.check_button.click(); state.correct
    True
    """
    n = net.size
    if n < 2:
        return W.HTML(f"<p>{html.escape(_t('density_none', lang, n=n))}</p>"), None
    pairs = n * (n - 1) // 2
    return self_check(_t("density_q", lang), metrics.density(net), hint=_t("density_hint", lang),
                      answer=f"{net.n_ties} / {pairs}", lang=lang)
