"""What changed between two moments of one network.

:func:`compare_moments` sets two moments of a client's network side by side (intake and
evaluatie, before and after an intervention) and lists what a social worker looks for: who came,
who left, who moved to another circle or sector, which ties between contacts were made or lost,
which support functions were gained or lost, and how the quality profile changed. Its
:meth:`MomentComparison.summary` says it in a few plain sentences, Dutch by default:

    Eén nieuw contact: Gijs (clublid). De band met Erik (buurman) is verdwenen. ...

The comparison follows people by their ``alter_id``: the same id in two moments is the same person
(:class:`netles.Moment`). Everything a person sees uses names and the Dutch (or English) labels of
:mod:`netles.vocab`, never codes; the DataFrames keep the codes for further work.

References
----------
.. [1] Lensink, M. Netwerkcirkel (a conversation tool for mapping a personal network).
"""
from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from typing import Any, Sequence

import pandas as pd

from . import vocab
from .network import EgoNetwork, Moment
from .profile import metric_label, quality_profile

__all__ = ["compare_moments", "MomentComparison", "SUMMARY_KEYS", "TABLE_KEYS", "format_date", "format_number", "person_label"]

SUMMARY_KEYS = ("size", "density", "components", "share_strong", "support_coverage", "max_support_share", "share_burdening")
"""Metrics named in :meth:`MomentComparison.summary` when they changed."""

TABLE_KEYS = (
    "size", "density", "components", "isolates", "share_family", "share_professional", "share_strong", "share_weekly",
    "support_coverage", "multiplexity", "share_mutual", "share_burdening", "max_support_share",
)
"""Metrics in the profile table of :meth:`MomentComparison.table` and :meth:`MomentComparison.to_html`."""

_MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
_NUMBERS = {
    "nl": ("nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"),
    "en": ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"),
}

_T = {
    "arrived_1": ("Eén nieuw contact: {people}.", "One new contact: {people}."),
    "arrived_n": ("{n} nieuwe contacten: {people}.", "{n} new contacts: {people}."),
    "left_1": ("De band met {people} is verdwenen.", "The tie with {people} is gone."),
    "left_n": ("De banden met {people} zijn verdwenen.", "The ties with {people} are gone."),
    "closer": ("{person} staat nu dichterbij: van cirkel {c0} ({l0}) naar cirkel {c1} ({l1}).",
               "{person} is now closer: from circle {c0} ({l0}) to circle {c1} ({l1})."),
    "further": ("{person} staat nu verder weg: van cirkel {c0} ({l0}) naar cirkel {c1} ({l1}).",
                "{person} is now further away: from circle {c0} ({l0}) to circle {c1} ({l1})."),
    "closer_n": ("{n} mensen staan nu dichterbij: {people}.", "{n} people are now closer: {people}."),
    "further_n": ("{n} mensen staan nu verder weg: {people}.", "{n} people are now further away: {people}."),
    "closer_1": ("{people} staat nu dichterbij.", "{people} is now closer."),
    "further_1": ("{people} staat nu verder weg.", "{people} is now further away."),
    "sector": ("{person} hoort nu bij {s1} (was {s0}).", "{person} now belongs to {s1} (was {s0})."),
    "tie_made_1": ("{pairs} kennen elkaar nu.", "{pairs} now know each other."),
    "tie_made_n": ("Nieuwe banden tussen contacten: {pairs}.", "New ties between contacts: {pairs}."),
    "tie_lost_1": ("{pairs} kennen elkaar niet meer.", "{pairs} no longer know each other."),
    "tie_lost_n": ("Verdwenen banden tussen contacten: {pairs}.", "Ties between contacts that are gone: {pairs}."),
    "coverage_lost": ("Niemand in het netwerk geeft nu nog {functions}.", "Nobody in the network now gives {functions}."),
    "coverage_gained": ("Nieuw in het netwerk: {functions}.", "New in the network: {functions}."),
    "support_gained": ("{person}: nu ook {functions}.", "{person}: now also {functions}."),
    "support_lost": ("{person}: geen {functions} meer.", "{person}: no more {functions}."),
    "support_gained_many": ("{n} mensen geven nu meer soorten steun.", "{n} people now give more kinds of support."),
    "support_lost_many": ("{n} mensen geven minder soorten steun.", "{n} people give fewer kinds of support."),
    "metric": ("{label} van {a} naar {b}", "{label} from {a} to {b}"),
    "nothing": ("Er is niets veranderd tussen de twee momenten.", "Nothing changed between the two moments."),
    "and": ("en", "and"),
    "or": ("of", "or"),
    "more": ("en nog {n}", "and {n} more"),
    "someone": ("iemand", "someone"),
    "title": ("Van {a} naar {b}", "From {a} to {b}"),
    "before": ("voor", "before"),
    "after": ("na", "after"),
    "working": ("werkversie", "working version"),
}

_HEADINGS = {
    "arrived": (("Nieuw", "Relatie", "Cirkel", "Sector"), ("New", "Relation", "Circle", "Sector")),
    "left": (("Vertrokken", "Relatie", "Cirkel", "Sector"), ("Left", "Relation", "Circle", "Sector")),
    "moved": (("Verplaatst", "Relatie", "Cirkel voor", "Cirkel na", "Sector voor", "Sector na"),
              ("Moved", "Relation", "Circle before", "Circle after", "Sector before", "Sector after")),
    "ties": (("Band tussen", "en", "Verandering"), ("Tie between", "and", "Change")),
    "support": (("Persoon", "Steunfunctie", "Verandering"), ("Person", "Support function", "Change")),
    "profile": (("Kenmerk", "Voor", "Na", "Verschil"), ("Metric", "Before", "After", "Difference")),
}
_CAPTIONS = {
    "arrived": ("Nieuwe contacten", "New contacts"),
    "left": ("Vertrokken contacten", "Contacts who left"),
    "moved": ("Naar een andere cirkel of sector", "Moved to another circle or sector"),
    "ties": ("Banden tussen contacten", "Ties between contacts"),
    "support": ("Steun", "Support"),
    "profile": ("Kwaliteit van het netwerk", "Quality of the network"),
}
_CHANGES = {"made": ("nieuw", "new"), "lost": ("verdwenen", "gone"), "gained": ("erbij", "gained"), "lost_s": ("weg", "lost")}


def _i(lang: str) -> int:
    if lang not in vocab.LANGUAGES:
        raise ValueError(f"lang must be one of {vocab.LANGUAGES}, not {lang!r}")
    return vocab.LANGUAGES.index(lang)


def _t(key: str, lang: str, **kw: Any) -> str:
    text = _T[key][_i(lang)]
    return text.format(**kw) if kw else text


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def format_number(value: float, lang: str = "nl", signed: bool = False) -> str:
    """A metric value as people read it: whole numbers without decimals, others with two, a decimal
    comma in Dutch; ``signed`` adds ``+`` to positive values.

    Examples
    --------
    >>> format_number(0.2666), format_number(6.0), format_number(-0.08, "en", signed=True)
    ('0,27', '6', '-0.08')
    >>> format_number(1.0, signed=True), format_number(float("nan"))
    ('+1', '-')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    value = float(value)
    if abs(value) < 5e-13:
        value = 0.0
    text = str(int(value)) if value.is_integer() else f"{value:.2f}"
    if lang == "nl":
        text = text.replace(".", ",")
    if signed and value > 0:
        text = "+" + text
    return text


def format_date(date: str | None, lang: str = "nl") -> str:
    """An ISO date as people write it ("3 februari 2025", "3 February 2025").

    Examples
    --------
    >>> format_date("2025-02-03"), format_date("2025-02-03", "en")
    ('3 februari 2025', '3 February 2025')
    """
    if not date:
        return ""
    year, month, day = (int(p) for p in date.split("-"))
    return f"{day} {_MONTHS[lang][month - 1]} {year}"


def _count(n: int, lang: str) -> str:
    words = _NUMBERS[lang]
    return words[n] if 0 < n < len(words) else str(n)


def _join(items: Sequence[str], lang: str, word: str = "and", limit: int | None = None) -> str:
    items = list(items)
    if limit is not None and len(items) > limit + 1:
        rest = len(items) - limit
        items = items[:limit] + [_t("more", lang, n=rest)]
        return ", ".join(items[:-1]) + " " + items[-1]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {_t(word, lang)} " + items[-1]


def person_label(record: dict, lang: str = "nl", with_relation: bool = True) -> str:
    """How a person is named in a sentence: the pseudonym with the relation in brackets.

    A name that already says the relation in brackets ("Anja (zus)") is left as it is, so a list
    never reads "Anja (zus) (broer of zus)"; a person without a name is "iemand (buurman/buurvrouw)".

    Examples
    --------
    >>> person_label({"name": "Gijs", "relation": "club_member"})
    'Gijs (clublid)'
    >>> person_label({"name": "Anja (zus)", "relation": "sibling"}), person_label({"relation": "neighbour"}, "en")
    ('Anja (zus)', 'someone (neighbour)')
    """
    name = record.get("name")
    relation = record.get("relation")
    rel = vocab.RELATION.label(relation, lang) if relation in vocab.RELATION else None
    if not (isinstance(name, str) and name.strip()):
        return f"{_t('someone', lang)} ({rel})" if rel else str(record.get("alter_id"))
    name = name.strip()
    if not with_relation or rel is None or "(" in name:
        return name
    return f"{name} ({rel})"


def _short(record: dict, lang: str) -> str:
    return person_label(record, lang, with_relation=False)


def _as_network(x: EgoNetwork | Moment, which: str) -> tuple[EgoNetwork, str | None, str | None]:
    if isinstance(x, Moment):
        return x.network, x.label, x.date
    if isinstance(x, EgoNetwork):
        return x, None, None
    raise TypeError(f"compare_moments needs an EgoNetwork or a Moment for {which}, not {type(x).__name__}")


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


@dataclass
class MomentComparison:
    """What changed from moment ``a`` (before) to moment ``b`` (after); made by :func:`compare_moments`.

    Attributes
    ----------
    before, after : EgoNetwork
        The two networks.
    label_before, label_after : str or None
        The moments' labels (None when plain networks were compared).
    date_before, date_after : str or None
        The moments' ISO dates.
    arrived, left : pandas.DataFrame
        One row per person who came or left: ``alter_id``, ``name``, ``relation``, ``circle``,
        ``sector`` (codes; :meth:`table` gives labels).
    moved : pandas.DataFrame
        One row per person in both moments whose circle or sector changed: ``alter_id``, ``name``,
        ``relation``, ``circle_from``, ``circle_to``, ``sector_from``, ``sector_to``.
    ties_made, ties_lost : list of (str, str)
        Alter-alter ties (pairs of alter ids, each pair sorted) that are new or gone. Ties lost
        include those of people who left.
    support_gained, support_lost : pandas.DataFrame
        ``alter_id``, ``name``, ``function`` (a support code): functions a person gives now and did
        not before, or no longer gives; including what people who came bring and what people who
        left took with them.
    coverage_gained, coverage_lost : list of str
        Support functions that nobody gave before and somebody gives now, or the reverse.
    profiles : pandas.DataFrame
        Index the metric keys of :func:`netles.quality_profile`; columns ``before``, ``after``,
        ``difference``.
    lang : {"nl", "en"}
        The default language of :meth:`summary`, :meth:`table` and :meth:`to_html`.
    """

    before: EgoNetwork
    after: EgoNetwork
    arrived: pd.DataFrame
    left: pd.DataFrame
    moved: pd.DataFrame
    ties_made: list
    ties_lost: list
    support_gained: pd.DataFrame
    support_lost: pd.DataFrame
    coverage_gained: list
    coverage_lost: list
    profiles: pd.DataFrame
    label_before: str | None = None
    label_after: str | None = None
    date_before: str | None = None
    date_after: str | None = None
    lang: str = "nl"
    _records: dict = field(default_factory=dict, repr=False)

    # -- words ---------------------------------------------------------------------------------
    def _record(self, alter_id: str) -> dict:
        return self._records[alter_id]

    @property
    def changed(self) -> bool:
        """Whether anything differs between the two moments (people, places, ties, support, profile)."""
        lists = (self.arrived, self.left, self.moved, self.support_gained, self.support_lost)
        if any(len(x) for x in lists) or self.ties_made or self.ties_lost:
            return True
        diff = self.profiles["difference"].dropna()
        return bool((diff.abs() > 1e-12).any())

    def title(self, lang: str | None = None) -> str:
        """"Van intake (3 februari 2025) naar evaluatie (20 augustus 2025)", or "Van voor naar na"."""
        lang = lang or self.lang

        def name(label, date, default):
            if label is None:
                return _t(default, lang)
            return f"{label} ({format_date(date, lang)})" if date else label

        return _t("title", lang, a=name(self.label_before, self.date_before, "before"),
                  b=name(self.label_after, self.date_after, "after"))

    def summary(self, lang: str | None = None) -> str:
        """What changed, in a few plain sentences a social worker would write.

        Names and vocabulary labels, never codes; a decimal comma in Dutch; singular and plural
        as they should be. Lists of more than a few people end in "en nog N".

        Parameters
        ----------
        lang : {"nl", "en"}, optional
            Default: the comparison's language.

        Returns
        -------
        str

        Examples
        --------
        >>> from netles import datasets, compare_moments
        >>> a = datasets.load_case("voorbeeld")
        >>> b = a.without_alter("E").with_alter({"alter_id": "G", "name": "Gijs", "relation": "club_member"})
        >>> print(compare_moments(a, b).summary())
        Eén nieuw contact: Gijs (clublid). De band met Erik (buurman) is verdwenen. Dichtheid van 0,27 naar 0,20, aantal groepjes (componenten) van 3 naar 4, aandeel grootste steungever van 0,38 naar 0,43, aandeel belastend van 0,17 naar 0,20.
        """
        lang = lang or self.lang
        sentences: list[str] = []
        rec = self._record
        # people who came and went
        if len(self.arrived):
            people = _join([person_label(rec(a), lang) for a in self.arrived["alter_id"]], lang, limit=5)
            n = len(self.arrived)
            sentences.append(_t("arrived_1", lang, people=people) if n == 1 else _t("arrived_n", lang, n=_capitalise(_count(n, lang)), people=people))
        if len(self.left):
            people = _join([person_label(rec(a), lang) for a in self.left["alter_id"]], lang, limit=5)
            sentences.append(_t("left_1" if len(self.left) == 1 else "left_n", lang, people=people))
        # moves between circles and sectors: each in a sentence, or grouped when there are many
        circle_moves = [r for r in self.moved.itertuples(index=False) if r.circle_from != r.circle_to]
        if len(circle_moves) > 3:
            for key, rows in (("closer_n", [r for r in circle_moves if r.circle_to < r.circle_from]),
                              ("further_n", [r for r in circle_moves if r.circle_to > r.circle_from])):
                if rows:
                    people = _join([person_label(rec(r.alter_id), lang) for r in rows], lang, limit=5)
                    n = _capitalise(_count(len(rows), lang))
                    sentences.append(_t(key if len(rows) > 1 else key[:-2] + "_1", lang, n=n, people=people))
            circle_moves = []
        for row in self.moved.itertuples(index=False):
            person = _capitalise(person_label(rec(row.alter_id), lang))
            if row in circle_moves:
                key = "closer" if row.circle_to < row.circle_from else "further"
                sentences.append(_t(key, lang, person=person, c0=row.circle_from, c1=row.circle_to,
                                    l0=vocab.CIRCLE.label(row.circle_from, lang), l1=vocab.CIRCLE.label(row.circle_to, lang)))
            if row.sector_from != row.sector_to:
                sentences.append(_t("sector", lang, person=person, s0=vocab.SECTOR.label(row.sector_from, lang),
                                    s1=vocab.SECTOR.label(row.sector_to, lang)))
        # ties between contacts (a tie lost because someone left is said by the departure)
        staying = set(self.after.alter_ids)
        lost = [p for p in self.ties_lost if p[0] in staying and p[1] in staying]
        for key, pairs in (("tie_made", self.ties_made), ("tie_lost", lost)):
            if not pairs:
                continue
            if len(pairs) == 1:
                a, b = pairs[0]
                words = f"{_short(rec(a), lang)} {_t('and', lang)} {_short(rec(b), lang)}"
                sentences.append(_capitalise(_t(key + "_1", lang, pairs=words)))
            else:
                words = [f"{_short(rec(a), lang)}–{_short(rec(b), lang)}" for a, b in pairs]
                sentences.append(_t(key + "_n", lang, pairs=_join(words, lang, limit=4)))
        # support: first what the network as a whole gained or lost, then per person who stayed
        if self.coverage_lost:
            functions = _join([vocab.SUPPORT.label(c, lang) for c in self.coverage_lost], lang, word="or")
            sentences.append(_t("coverage_lost", lang, functions=functions))
        if self.coverage_gained:
            functions = _join([vocab.SUPPORT.label(c, lang) for c in self.coverage_gained], lang)
            sentences.append(_t("coverage_gained", lang, functions=functions))
        both = set(self.before.alter_ids) & staying
        for frame, key in ((self.support_gained, "support_gained"), (self.support_lost, "support_lost")):
            frame = frame[frame["alter_id"].isin(both)]
            people = list(dict.fromkeys(frame["alter_id"]))
            if len(people) > 3:
                sentences.append(_t(key + "_many", lang, n=_capitalise(_count(len(people), lang))))
                continue
            for alter_id in people:
                codes = frame.loc[frame["alter_id"] == alter_id, "function"]
                functions = _join([vocab.SUPPORT.label(c, lang) for c in codes], lang, word="and" if key == "support_gained" else "or")
                sentences.append(_t(key, lang, person=_capitalise(person_label(rec(alter_id), lang)), functions=functions))
        # the quality profile
        changes = []
        for key in SUMMARY_KEYS:
            if key not in self.profiles.index:
                continue
            before, after = self.profiles.loc[key, "before"], self.profiles.loc[key, "after"]
            if math.isnan(before) or math.isnan(after) or format_number(before, lang) == format_number(after, lang):
                continue
            changes.append(_t("metric", lang, label=metric_label(key, lang), a=format_number(before, lang), b=format_number(after, lang)))
        if changes:  # the first few, in the order of SUMMARY_KEYS: the table has them all
            sentences.append(_capitalise(", ".join(changes[:4])) + ".")
        if not sentences:
            return _t("nothing", lang)
        return " ".join(sentences)

    # -- tables ----------------------------------------------------------------------------------
    def table(self, kind: str, lang: str | None = None) -> pd.DataFrame:
        """One part of the comparison as a table to show: names and labels, no codes.

        Parameters
        ----------
        kind : {"arrived", "left", "moved", "ties", "support", "profile"}
        lang : {"nl", "en"}, optional

        Returns
        -------
        pandas.DataFrame
            Dutch (or English) column names; circles as "2 vrienden"; numbers formatted with a
            decimal comma in Dutch (the profile table holds text).

        Examples
        --------
        >>> from netles import datasets, compare_moments
        >>> a = datasets.load_case("voorbeeld")
        >>> compare_moments(a, a.with_alter_changes("D", circle=1)).table("moved").iloc[0].tolist()
        ['Dewi (vriendin)', 'vriend(in)', '2 vrienden', '1 intimi', 'samenleving', 'samenleving']
        """
        lang = lang or self.lang
        i = _i(lang)
        if kind not in _HEADINGS:
            raise ValueError(f"kind must be one of {tuple(_HEADINGS)}, not {kind!r}")
        heads = _HEADINGS[kind][i]
        rec = self._record

        def circle(c):
            return f"{int(c)} {vocab.CIRCLE.label(int(c), lang)}"

        rows: list[tuple] = []
        if kind in ("arrived", "left"):
            for r in getattr(self, kind).itertuples(index=False):
                rows.append((person_label(rec(r.alter_id), lang, with_relation=False), vocab.RELATION.label(r.relation, lang),
                             circle(r.circle), vocab.SECTOR.label(r.sector, lang)))
        elif kind == "moved":
            for r in self.moved.itertuples(index=False):
                rows.append((person_label(rec(r.alter_id), lang), vocab.RELATION.label(r.relation, lang), circle(r.circle_from),
                             circle(r.circle_to), vocab.SECTOR.label(r.sector_from, lang), vocab.SECTOR.label(r.sector_to, lang)))
        elif kind == "ties":
            for pairs, change in ((self.ties_made, "made"), (self.ties_lost, "lost")):
                for a, b in pairs:
                    rows.append((_short(rec(a), lang), _short(rec(b), lang), _CHANGES[change][i]))
        elif kind == "support":
            for frame, change in ((self.support_gained, "gained"), (self.support_lost, "lost_s")):
                for r in frame.itertuples(index=False):
                    rows.append((person_label(rec(r.alter_id), lang), vocab.SUPPORT.label(r.function, lang), _CHANGES[change][i]))
        else:  # profile
            for key in TABLE_KEYS:
                if key in self.profiles.index:
                    p = self.profiles.loc[key]
                    # the difference of the shown (rounded) values, so the table adds up as read
                    shown = round(p["after"], 2) - round(p["before"], 2)
                    rows.append((metric_label(key, lang), format_number(p["before"], lang), format_number(p["after"], lang),
                                 format_number(shown, lang, signed=True)))
        return pd.DataFrame(rows, columns=list(heads))

    def to_html(self, lang: str | None = None) -> str:
        """The comparison as a small HTML fragment for a handout: a heading, the summary and tables.

        Only the parts that changed get a table (the profile table is always there). Names are
        escaped; no scripts, no outside resources.

        Examples
        --------
        >>> from netles import datasets, compare_moments
        >>> a = datasets.load_case("voorbeeld")
        >>> page = compare_moments(a, a.without_alter("E")).to_html()
        >>> "<table" in page and "Erik" in page and "Vertrokken contacten" in page
        True
        """
        lang = lang or self.lang
        i = _i(lang)
        parts = [f'<div class="netles-moments-comparison"><h3>{html.escape(self.title(lang))}</h3>',
                 f'<p class="netles-moments-summary">{html.escape(self.summary(lang))}</p>']
        for kind in ("arrived", "left", "moved", "ties", "support", "profile"):
            table = self.table(kind, lang)
            if table.empty:
                continue
            parts.append(f"<h4>{html.escape(_CAPTIONS[kind][i])}</h4>")
            parts.append(_html_table(table, kind))
        parts.append("</div>")
        return "\n".join(parts)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __str__(self) -> str:
        return self.summary()


def _html_table(table: pd.DataFrame, kind: str) -> str:
    head = "".join(f'<th style="text-align:left;padding:2px 8px">{html.escape(str(c))}</th>' for c in table.columns)
    body = []
    for row in table.itertuples(index=False):
        cells = "".join(f'<td style="padding:2px 8px">{html.escape(str(v))}</td>' for v in row)
        body.append(f"<tr>{cells}</tr>")
    return (f'<table class="netles-moments-{kind}" style="border-collapse:collapse;font-size:13px">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def compare_moments(a: EgoNetwork | Moment, b: EgoNetwork | Moment, *, lang: str = "nl") -> MomentComparison:
    """Compare two moments of one network: who came, left or moved, ties, support and profile.

    People are matched by ``alter_id`` (one id is one person, see :class:`netles.Moment`); circle
    and sector are compared with their defaults filled in from the relation.

    Parameters
    ----------
    a, b : EgoNetwork or Moment
        Before and after (e.g. ``net.moments[0]`` and ``net.moments[-1]``, or two networks).
    lang : {"nl", "en"}
        Default language of the summary, the tables and the HTML.

    Returns
    -------
    MomentComparison

    Examples
    --------
    The running example; at evaluation Erik (buurman) has moved away, Gijs from the sports club
    came, Anja moved to circle 2 and Gijs knows Dewi:

    >>> from netles import datasets
    >>> a = datasets.load_case("voorbeeld")
    >>> b = (a.without_alter("E").with_alter({"alter_id": "G", "name": "Gijs", "relation": "club_member",
    ...      "support": ["companionship"]}).with_tie("G", "D").with_alter_changes("A", circle=2))
    >>> c = compare_moments(a, b)
    >>> c.arrived["name"].tolist(), c.left["name"].tolist(), c.moved[["alter_id", "circle_from", "circle_to"]].values.tolist()
    (['Gijs'], ['Erik (buurman)'], [['A', 1, 2]])
    >>> c.ties_made, c.ties_lost
    ([('D', 'G')], [('D', 'E')])
    >>> c.profiles.loc["density"].round(4).tolist()
    [0.2667, 0.2667, 0.0]
    """
    _i(lang)
    before, label_a, date_a = _as_network(a, "a")
    after, label_b, date_b = _as_network(b, "b")
    ids_a, ids_b = before.alter_ids, after.alter_ids
    rec_a = {x: before.alter(x) for x in ids_a}
    rec_b = {x: after.alter(x) for x in ids_b}
    records = {**rec_a, **rec_b}  # the later name wins for people in both

    def people(ids, recs):
        return pd.DataFrame(
            [(x, recs[x].get("name"), recs[x]["relation"], int(recs[x]["circle"]), recs[x]["sector"]) for x in ids],
            columns=["alter_id", "name", "relation", "circle", "sector"],
        ).astype({"circle": "int64"})

    set_a, set_b = set(ids_a), set(ids_b)
    arrived = people([x for x in ids_b if x not in set_a], rec_b)
    left = people([x for x in ids_a if x not in set_b], rec_a)
    moved_rows = []
    for x in ids_b:
        if x in set_a:
            ra, rb = rec_a[x], rec_b[x]
            if int(ra["circle"]) != int(rb["circle"]) or ra["sector"] != rb["sector"]:
                moved_rows.append((x, rb.get("name"), rb["relation"], int(ra["circle"]), int(rb["circle"]), ra["sector"], rb["sector"]))
    moved = pd.DataFrame(moved_rows, columns=["alter_id", "name", "relation", "circle_from", "circle_to", "sector_from", "sector_to"])
    moved = moved.astype({"circle_from": "int64", "circle_to": "int64"})

    ties_a = {_pair(s, t) for s, t in before.tie_pairs()}
    ties_b = {_pair(s, t) for s, t in after.tie_pairs()}
    ties_made = sorted(ties_b - ties_a)
    ties_lost = sorted(ties_a - ties_b)

    def support(recs, x):
        return tuple((recs.get(x) or {}).get("support") or ())

    gained, lost = [], []
    for x in [*ids_a, *[y for y in ids_b if y not in set_a]]:
        sa, sb = support(rec_a, x), support(rec_b, x)
        name = records[x].get("name")
        gained += [(x, name, f) for f in vocab.SUPPORT.codes if f in sb and f not in sa]
        lost += [(x, name, f) for f in vocab.SUPPORT.codes if f in sa and f not in sb]
    support_gained = pd.DataFrame(gained, columns=["alter_id", "name", "function"])
    support_lost = pd.DataFrame(lost, columns=["alter_id", "name", "function"])
    covered_a = {f for x in ids_a for f in support(rec_a, x)}
    covered_b = {f for x in ids_b for f in support(rec_b, x)}
    coverage_gained = [f for f in vocab.SUPPORT.codes if f in covered_b - covered_a]
    coverage_lost = [f for f in vocab.SUPPORT.codes if f in covered_a - covered_b]

    pa, pb = quality_profile(before), quality_profile(after)
    profiles = pd.DataFrame({"before": pa, "after": pb})
    profiles["difference"] = profiles["after"] - profiles["before"]
    profiles.index.name = "key"

    return MomentComparison(
        before=before, after=after, arrived=arrived, left=left, moved=moved, ties_made=ties_made, ties_lost=ties_lost,
        support_gained=support_gained, support_lost=support_lost, coverage_gained=coverage_gained,
        coverage_lost=coverage_lost, profiles=profiles, label_before=label_a, label_after=label_b, date_before=date_a,
        date_after=date_b, lang=lang, _records=records,
    )
