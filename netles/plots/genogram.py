"""The genogram: the client's family over three generations, drawn with the standard symbols.

Symbols: a square for a man, a circle for a woman, a diamond for another or unknown gender, a cross
over the symbol for someone who has died, a double outline for the client. Partners are joined by a
line under their symbols (solid: married, dashed: living together, one slash: separated, two
slashes: divorced); their children hang below that line. Lines between two people show the quality
of their relationship (close, normal, distant, conflict, cut off).

The family comes from an optional ``family`` block in the network file (see :data:`FAMILY_SCHEMA`)
and from the family alters of the network. Without a block the genogram is derived from the alters:
parents one generation up, partner and siblings in the client's generation, children one down,
other family placed by age where it is known; the client's relationship with each of them follows
from circle, valence and status (:func:`derived_quality`). People the data does not name but the
picture needs (the other parent of a child, the parents of siblings) are drawn as "?".

References
----------
.. [1] McGoldrick, M., Gerson, R., & Petry, S. (2008). *Genograms: assessment and intervention*
   (3rd ed.). Norton.
"""
from __future__ import annotations

import math
from typing import Any, Mapping

import plotly.graph_objects as go

from .. import vocab
from ..errors import Problem, ValidationError
from ..network import EgoNetwork
from . import _common as C
from . import textboxes as TB
from . import textsize as TS
from ._frame import apply_frame, check_size, make_frame
from ._labels import label_variants, place_labels

__all__ = [
    "genogram",
    "family_tree",
    "validate_family",
    "derived_quality",
    "FAMILY_SCHEMA",
    "UNION_STATUS",
    "RELATIONSHIP_QUALITY",
    "GENERATION",
]

FAMILY_SCHEMA = """\
"family": {
  "members": [{"id": "moeder", "name": "Moeder E.", "gender": "F", "generation": -1,
               "deceased": false, "alter_id": "A"}],
  "unions": [{"partners": ["vader", "moeder"], "status": "married", "children": ["ego", "broer"]}],
  "relations": [{"a": "ego", "b": "moeder", "quality": "conflict"}]
}
members: id (required, unique text; "ego" is the client and exists without being listed),
  name (text), gender (F, M or X), generation (required unless linked to an alter or "ego":
  -2 grandparents, -1 parents, 0 the client's generation, 1 children, 2 grandchildren),
  deceased (true/false), alter_id (the alter of the network this member is).
unions: partners (two member ids of one generation), status (married, partners, separated,
  divorced; default married), children (member ids, one generation below the partners).
relations: a, b (member ids), quality (close, normal, distant, conflict or cut_off).
"""
"""The ``family`` block of a network file, with what each field may hold."""

UNION_STATUS = vocab.Vocabulary(
    "union_status",
    {"married": ("getrouwd", "married"), "partners": ("samenwonend", "living together"),
     "separated": ("uit elkaar", "separated"), "divorced": ("gescheiden", "divorced")},
    ("relatievorm", "union"),
)
RELATIONSHIP_QUALITY = vocab.Vocabulary(
    "quality",
    {"close": ("hecht", "close"), "normal": ("gewoon", "normal"), "distant": ("afstandelijk", "distant"),
     "conflict": ("conflict", "conflict"), "cut_off": ("verbroken", "cut off")},
    ("kwaliteit van de relatie", "quality of the relationship"),
)
GENERATION = vocab.Vocabulary(
    "generation",
    {-2: ("grootouders", "grandparents"), -1: ("ouders", "parents"), 0: ("generatie van de cliënt", "client's generation"),
     1: ("kinderen", "children"), 2: ("kleinkinderen", "grandchildren")},
    ("generatie", "generation"),
)
_RELATION_GENERATION = {"parent": -1, "partner": 0, "sibling": 0, "child": 1}
EGO = "ego"


def derived_quality(alter: Mapping) -> str:
    """The client's relationship with a family alter, as a genogram quality.

    Disrupted with rare or unknown contact is ``cut_off``; burdening or disrupted is
    ``conflict``; circle 1 and supportive (or no valence) is ``close``; circle 4 or faded is
    ``distant``; anything else ``normal``.

    Examples
    --------
    >>> derived_quality({"circle": 3, "valence": "burdening", "status": "disrupted", "contact": "monthly"})
    'conflict'
    >>> derived_quality({"circle": 1, "valence": "supportive"}), derived_quality({"circle": 2})
    ('close', 'normal')
    """
    status, valence = alter.get("status"), alter.get("valence")
    if status == "disrupted" and alter.get("contact") in (None, "rarely", "yearly"):
        return "cut_off"
    if valence == "burdening" or status == "disrupted":
        return "conflict"
    if alter.get("circle") == 1 and valence in (None, "supportive"):
        return "close"
    if alter.get("circle") == 4 or status == "faded":
        return "distant"
    return "normal"


def _other_family_generation(alter: Mapping, ego_age: Any) -> int:
    age = alter.get("age")
    if isinstance(age, (int, float)) and not math.isnan(age) and isinstance(ego_age, (int, float)):
        diff = age - ego_age
        return -2 if diff >= 40 else -1 if diff >= 15 else 2 if diff <= -40 else 1 if diff <= -15 else 0
    return -1  # aunts, uncles and grandparents are the most common "other family"


def validate_family(block: Any, net: EgoNetwork | None = None) -> dict:
    """Check a ``family`` block and return it normalised.

    Parameters
    ----------
    block : mapping
        The block (see :data:`FAMILY_SCHEMA`).
    net : EgoNetwork, optional
        The network, to check ``alter_id`` links and take generations from linked alters.

    Returns
    -------
    dict
        ``{"members": {id: member}, "unions": [...], "relations": [...]}`` with defaults filled in;
        the ego is always a member.

    Raises
    ------
    ValidationError
        Listing every problem, each naming the member (or union or relation), the field and what
        is allowed.

    Examples
    --------
    >>> fam = validate_family({"members": [{"id": "moeder", "gender": "F", "generation": -1}],
    ...                        "unions": [{"partners": ["moeder", "vader"], "children": ["ego"]}]})
    Traceback (most recent call last):
    ...
    netles.errors.ValidationError: family.unions[0], field 'partners': 'vader' is not a member (allowed: ids of family.members, or 'ego')
    >>> fam = validate_family({"members": [{"id": "moeder", "gender": "F", "generation": -1}]})
    >>> sorted(fam["members"]), fam["members"]["moeder"]["generation"]
    (['ego', 'moeder'], -1)
    """
    source = net.source if net is not None else None
    problems: list[Problem] = []

    def bad(message, row, field=None, value=None, allowed=None):
        problems.append(Problem(message, file=source, row=row, field=field, value=value, allowed=allowed))

    if not isinstance(block, Mapping):
        raise ValidationError(Problem(f"is {type(block).__name__}, not an object", file=source, field="family",
                                      allowed='{"members": [...], "unions": [...], "relations": [...]}'))
    for key in block:
        if key not in ("members", "unions", "relations"):
            bad(f"unknown key {key!r}", "family", key, allowed="members, unions, relations")
    alters = {a: net.alter(a) for a in net.alter_ids} if net is not None else {}
    members: dict[str, dict] = {}
    raw_members = block.get("members", [])
    if not isinstance(raw_members, list):
        bad("is not a list", "family", "members", allowed="a list of members")
        raw_members = []
    for i, m in enumerate(raw_members):
        if not isinstance(m, Mapping):
            bad("is not an object", f"family.members[{i}]", allowed="an object with id, name, gender, generation")
            continue
        mid = m.get("id")
        row = f"family.members[{i}]" + (f" (member {mid!r})" if isinstance(mid, str) else "")
        if not isinstance(mid, str) or not mid.strip():
            bad("is missing or empty", row, "id", mid, "a non-empty text")
            continue
        if mid in members:
            bad("is used twice", row, "id", mid, "a unique id per member")
            continue
        for key in m:
            if key not in ("id", "name", "gender", "generation", "deceased", "alter_id"):
                bad(f"unknown field {key!r}", row, key, allowed="id, name, gender, generation, deceased, alter_id")
        name, gender, gen, deceased, alter_id = (m.get(k) for k in ("name", "gender", "generation", "deceased", "alter_id"))
        if name is not None and not isinstance(name, str):
            bad(f"is {name!r}, not a text", row, "name", name, "a text")
            name = None
        if gender is not None and gender not in vocab.GENDER:
            bad(f"{gender!r} is not a known value", row, "gender", gender, vocab.GENDER.allowed())
            gender = None
        if deceased is not None and not isinstance(deceased, bool):
            bad(f"is {deceased!r}, not true or false", row, "deceased", deceased, "true or false")
            deceased = None
        alter = None
        if alter_id is not None:
            if net is not None and alter_id not in alters:
                bad(f"{alter_id!r} is not an alter of this network", row, "alter_id", alter_id, "the alter_id of an alter")
            else:
                alter = alters.get(alter_id)
        if gen is not None and (isinstance(gen, bool) or gen not in GENERATION):
            bad(f"is {gen!r}", row, "generation", gen, "-2, -1, 0, 1 or 2")
            gen = 0
        if gen is None:
            if mid == EGO:
                gen = 0
            elif alter is not None:
                gen = _RELATION_GENERATION.get(alter["relation"], _other_family_generation(alter, net.ego.get("age")))
            else:
                bad("is missing", row, "generation", allowed="-2, -1, 0, 1 or 2 (or link the member to an alter)")
                gen = 0
        if mid == EGO and gen != 0:
            bad("the client is generation 0", row, "generation", gen, "0")
        members[mid] = {"id": mid, "name": name, "gender": gender, "generation": int(gen),
                        "deceased": bool(deceased), "alter_id": alter_id, "placeholder": False}
    if EGO not in members:
        members[EGO] = {"id": EGO, "name": None, "gender": None, "generation": 0, "deceased": False, "alter_id": None,
                        "placeholder": False}

    unions = []
    raw_unions = block.get("unions", [])
    if not isinstance(raw_unions, list):
        bad("is not a list", "family", "unions", allowed="a list of unions")
        raw_unions = []
    for i, u in enumerate(raw_unions):
        row = f"family.unions[{i}]"
        if not isinstance(u, Mapping):
            bad("is not an object", row, allowed='{"partners": [...], "status": ..., "children": [...]}')
            continue
        partners, status, children = u.get("partners"), u.get("status", "married"), u.get("children", [])
        ok = True
        if not isinstance(partners, list) or len(partners) != 2 or partners[0] == partners[1]:
            bad(f"is {partners!r}", row, "partners", partners, "a list of two different member ids")
            ok = False
        else:
            for p in partners:
                if p not in members:
                    bad(f"{p!r} is not a member", row, "partners", p, "ids of family.members, or 'ego'")
                    ok = False
            if ok and members[partners[0]]["generation"] != members[partners[1]]["generation"]:
                bad(f"{partners[0]!r} and {partners[1]!r} are in different generations", row, "partners", partners,
                    "two members of one generation")
                ok = False
        if status not in UNION_STATUS:
            bad(f"{status!r} is not a known value", row, "status", status, UNION_STATUS.allowed())
            ok = False
        if not isinstance(children, list):
            bad(f"is {children!r}, not a list", row, "children", children, "a list of member ids")
            children, ok = [], False
        for c in children:
            if c not in members:
                bad(f"{c!r} is not a member", row, "children", c, "ids of family.members, or 'ego'")
                ok = False
            elif ok and members[c]["generation"] != members[partners[0]]["generation"] + 1:
                bad(f"child {c!r} is not one generation below the partners", row, "children", c,
                    f"members of generation {members[partners[0]]['generation'] + 1}")
                ok = False
        if ok:
            unions.append({"partners": list(partners), "status": status, "children": list(children), "placeholder": False})
    born = {}
    for k, u in enumerate(unions):
        for c in u["children"]:
            if c in born:
                bad(f"{c!r} is a child of two unions", f"family.unions[{k}]", "children", c, "each member a child of at most one union")
            born[c] = k

    relations = []
    raw_rel = block.get("relations", [])
    if not isinstance(raw_rel, list):
        bad("is not a list", "family", "relations", allowed="a list of relations")
        raw_rel = []
    for i, r in enumerate(raw_rel):
        row = f"family.relations[{i}]"
        if not isinstance(r, Mapping):
            bad("is not an object", row, allowed='{"a": ..., "b": ..., "quality": ...}')
            continue
        a, b, q = r.get("a"), r.get("b"), r.get("quality")
        ok = True
        for key, v in (("a", a), ("b", b)):
            if v not in members:
                bad(f"{v!r} is not a member", row, key, v, "ids of family.members, or 'ego'")
                ok = False
        if ok and a == b:
            bad("a relation needs two different members", row, "b", b, "another member")
            ok = False
        if q not in RELATIONSHIP_QUALITY:
            bad(f"{q!r} is not a known value", row, "quality", q, RELATIONSHIP_QUALITY.allowed())
            ok = False
        if ok:
            relations.append({"a": a, "b": b, "quality": q, "derived": False})
    if problems:
        raise ValidationError(problems)
    return {"members": members, "unions": unions, "relations": relations}


def _placeholder(members: dict, generation: int, hint: str) -> str:
    pid = f"?{hint}"
    k = 1
    while pid in members:
        k += 1
        pid = f"?{hint}{k}"
    members[pid] = {"id": pid, "name": None, "gender": None, "generation": generation, "deceased": False,
                    "alter_id": None, "placeholder": True}
    return pid


def family_tree(net: EgoNetwork) -> dict:
    """The family of the genogram: from the ``family`` block if there is one, plus the family alters.

    Every family alter is a member: linked by ``alter_id`` in the block, or added with a generation
    derived from its relation. Names and genders missing in the block are taken from the linked
    alter, and the client's relationship with a linked or added alter is derived
    (:func:`derived_quality`) unless the block's ``relations`` give it.

    Returns
    -------
    dict
        As :func:`validate_family`; placeholders (``"placeholder": True``) stand for people the
        picture needs but the data does not name.

    Raises
    ------
    ValidationError
        For an invalid ``family`` block.

    Examples
    --------
    >>> from netles import datasets
    >>> fam = family_tree(datasets.load_case("voorbeeld"))
    >>> sorted((m["generation"], m["id"], m["placeholder"]) for m in fam["members"].values())[:3]
    [(-1, '?ouder', True), (-1, '?ouder2', True), (0, 'A', False)]
    """
    extra = net.extra
    family = validate_family(extra.get("family", {}), net)
    members, unions, relations = family["members"], family["unions"], family["relations"]
    ego = members[EGO]
    ego.setdefault("name", None)
    if ego["gender"] is None:
        ego["gender"] = net.ego.get("gender")
    linked = {m["alter_id"]: mid for mid, m in members.items() if m["alter_id"]}
    explicit = {frozenset((r["a"], r["b"])) for r in relations}
    new_by_relation: dict[str, list[str]] = {}
    for alter_id in net.alter_ids:
        alter = net.alter(alter_id)
        if vocab.RELATION_KIND_OF[alter["relation"]] != "family":
            continue
        mid = linked.get(alter_id)
        if mid is None:
            mid = alter_id if alter_id not in members else f"alter:{alter_id}"
            gen = _RELATION_GENERATION.get(alter["relation"], _other_family_generation(alter, net.ego.get("age")))
            members[mid] = {"id": mid, "name": None, "gender": None, "generation": gen, "deceased": False,
                            "alter_id": alter_id, "placeholder": False}
            new_by_relation.setdefault(alter["relation"], []).append(mid)
        m = members[mid]
        m["name"] = m["name"] or alter.get("name") or alter_id
        m["gender"] = m["gender"] or alter.get("gender")
        if frozenset((EGO, mid)) not in explicit:
            relations.append({"a": EGO, "b": mid, "quality": derived_quality(alter), "derived": True})

    # hang new parents, siblings, partners and children into unions, reusing the block's unions
    born = {c: u for u in unions for c in u["children"]}
    parents, siblings = new_by_relation.get("parent", []), new_by_relation.get("sibling", [])
    if parents or siblings:
        union = born.get(EGO)
        if union is None:
            union = {"partners": [], "status": "married", "children": [EGO], "placeholder": True}
            unions.append(union)
            born[EGO] = union
        free_parents = [p for p in parents]
        while len(union["partners"]) < 2:
            union["partners"].append(free_parents.pop(0) if free_parents else _placeholder(members, -1, "ouder"))
        for s in siblings:
            if s not in born:
                union["children"].append(s)
                born[s] = union
    partners, children = new_by_relation.get("partner", []), new_by_relation.get("child", [])
    if partners or children:
        ego_unions = [u for u in unions if EGO in u["partners"]]
        if ego_unions:
            union = ego_unions[-1]
        else:
            partner = partners.pop(0) if partners else _placeholder(members, 0, "partner")
            union = {"partners": [EGO, partner], "status": "partners", "children": [], "placeholder": not partners and True}
            unions.append(union)
        for p in partners:  # a second partner alter: an own union with the client
            unions.append({"partners": [EGO, p], "status": "partners", "children": [], "placeholder": False})
        for c in children:
            if c not in born:
                union["children"].append(c)
                born[c] = union
    return {"members": members, "unions": unions, "relations": relations}


# -- layout -----------------------------------------------------------------------------------------

ROW = 2.0  # vertical distance between generations (data units)
STEP = 2.5  # horizontal distance between two people (room for a name of two short lines)
UNIT = 56.0  # pixels per data unit at full size
MAX_UNIT = 80.0
SYMBOL_PX = 30  # symbol size at full size; the drawing scales, the text does not
HALF = SYMBOL_PX / 2 / UNIT
LABEL_FONT = 12
GEN_FONT = 12


def _layout(family: dict) -> dict[str, tuple[float, float]]:
    members, unions = family["members"], family["unions"]
    order = {mid: k for k, mid in enumerate(members)}
    born = {c: k for k, u in enumerate(unions) for c in u["children"]}
    gens = sorted({m["generation"] for m in members.values()} | {-1, 0, 1})
    x: dict[str, float] = {}

    def blocks_of(gen: int) -> list[list[str]]:
        ids = [mid for mid in members if members[mid]["generation"] == gen]
        adj = {mid: [] for mid in ids}
        for u in unions:
            a, b = u["partners"]
            if a in adj and b in adj:
                adj[a].append(b)
                adj[b].append(a)
        seen, blocks = set(), []
        for mid in ids:
            if mid in seen:
                continue
            comp, stack = [], [mid]
            while stack:
                n = stack.pop()
                if n in seen:
                    continue
                seen.add(n)
                comp.append(n)
                stack.extend(adj[n])
            # a chain of partners, in partner order: start at an end
            ends = [n for n in comp if len(adj[n]) <= 1] or comp
            start = min(ends, key=order.get)
            chain, prev, cur = [start], None, start
            while True:
                nxt = [n for n in adj[cur] if n != prev and n not in chain]
                if not nxt:
                    break
                prev, cur = cur, min(nxt, key=order.get)
                chain.append(cur)
            chain += [n for n in comp if n not in chain]
            # a blood relative of the row above stands on the side of the chain nearest its parents
            blocks.append(chain)
        return blocks

    def place(blocks: list[list[str]], desired: dict[int, float]) -> None:
        cursor = -math.inf
        for k, block in enumerate(blocks):
            width = (len(block) - 1) * STEP
            start = desired.get(k, cursor + STEP)
            start = max(start - width / 2, cursor + STEP * (1.25 if cursor > -math.inf else 0))
            if cursor == -math.inf:
                start = desired.get(k, 0.0) - width / 2
            for j, mid in enumerate(block):
                x[mid] = start + j * STEP
            cursor = start + width

    def union_centre(u: dict) -> float | None:
        xs = [x[p] for p in u["partners"] if p in x]
        return sum(xs) / len(xs) if xs else None

    rows: dict[int, list[list[str]]] = {}
    for gen in gens:
        blocks = blocks_of(gen)

        def birth_rank(mid: str) -> float:
            """Position among the siblings, 0 (first listed) to 1 (last)."""
            kids = unions[born[mid]]["children"]
            return kids.index(mid) / max(1, len(kids) - 1)

        def key(block):
            centres = [union_centre(unions[born[m]]) for m in block if m in born]
            centres = [c for c in centres if c is not None]
            ranks = [birth_rank(m) for m in block if m in born]
            return (sum(centres) / len(centres) if centres else math.inf, min(ranks) if ranks else 0.0,
                    min(order[m] for m in block))

        blocks.sort(key=key)
        for block in blocks:
            # a partner who married in stands on the outer side, away from the siblings
            if len(block) == 2 and (block[0] in born) != (block[1] in born):
                blood = block[0] if block[0] in born else block[1]
                outer_left = birth_rank(blood) < 0.5
                if (block[0] == blood) == outer_left:
                    block.reverse()
        desired = {}
        for k, block in enumerate(blocks):
            centres = [union_centre(unions[born[m]]) for m in block if m in born]
            centres = [c for c in centres if c is not None]
            if centres:
                desired[k] = sum(centres) / len(centres)
        place(blocks, desired)
        rows[gen] = blocks
    # bottom-up: centre parents over their children where the row allows it
    for gen in reversed(gens[:-1]):
        desired = {}
        for k, block in enumerate(rows[gen]):
            kids = [c for u in unions if set(u["partners"]) & set(block) for c in u["children"] if c in x]
            if kids:
                desired[k] = (min(x[c] for c in kids) + max(x[c] for c in kids)) / 2
            else:
                desired[k] = (x[block[0]] + x[block[-1]]) / 2
        place(rows[gen], desired)
    return {mid: (x[mid], -members[mid]["generation"] * ROW) for mid in members}


def _two_lines(name: str, width: int) -> str:
    """A name on at most two lines of ``width`` characters (plotly breaks lines at ``<br>``).

    Examples
    --------
    >>> _two_lines("Moeder Els", 13), _two_lines("Grootmoeder Wilhelmina", 13)
    ('Moeder Els', 'Grootmoeder<br>Wilhelmina')
    """
    words, lines = name.split(), [""]
    for w in words:
        candidate = (lines[-1] + " " + w).strip()
        if len(candidate) <= width or not lines[-1]:
            lines[-1] = candidate
        elif len(lines) < 2:
            lines.append(w)
        else:
            lines[-1] = candidate
    lines = [ln if len(ln) <= width else ln[: width - 1] + "…" for ln in lines]
    return "<br>".join(lines)


def _zigzag(x0, y0, x1, y1, amp=0.09, step=0.22):
    length = math.hypot(x1 - x0, y1 - y0)
    n = max(2, int(length / step))
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    xs, ys = [x0], [y0]
    for k in range(1, n):
        s = amp if k % 2 else -amp
        xs.append(x0 + ux * length * k / n - uy * s)
        ys.append(y0 + uy * length * k / n + ux * s)
    return xs + [x1], ys + [y1]


def _bezier(p, q, c, n=24):
    """Points of the quadratic curve from ``p`` to ``q`` pulled towards ``c``."""
    (x0, y0), (x1, y1), (cx, cy) = p, q, c
    pts = [((1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t * t * x1, (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t * t * y1)
           for t in (k / n for k in range(n + 1))]
    return [pt[0] for pt in pts], [pt[1] for pt in pts]


def _through(points, n=8):
    """A path along ``points`` (straight between them), with ``n`` points per stretch."""
    xs, ys = [], []
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        for k in range(n):
            xs.append(x0 + (x1 - x0) * k / n)
            ys.append(y0 + (y1 - y0) * k / n)
    xs.append(points[-1][0])
    ys.append(points[-1][1])
    return xs, ys


def _threaded_candidates(p, q, rows_between: dict[float, list[float]]):
    """Paths from ``p`` to ``q`` (generations apart) through the gaps of the rows in between.

    ``rows_between`` maps the y of each row between the two people to the x of its people; the
    path crosses each of those rows halfway between two neighbours (or just beyond the row's ends).
    """
    ys = sorted(rows_between, reverse=p[1] > q[1])
    gaps = set()
    for y in ys:
        xs = sorted(rows_between[y])
        gaps.update((a + b) / 2 for a, b in zip(xs, xs[1:]))
        gaps.update((xs[0] - STEP / 2, xs[-1] + STEP / 2))
    mid = (p[0] + q[0]) / 2
    for gx in sorted(gaps, key=lambda g: abs(g - mid)):
        yield _through([p] + [(gx, y) for y in ys] + [q])


def _route_candidates(p, q, same_row: bool):
    """Curves from person ``p`` to person ``q`` to choose from, straightest first.

    Between two people of one generation every curve goes over the row (under it hang the
    partner and children lines); between generations the curves bow to either side.
    """
    (x0, y0), (x1, y1) = p, q
    if same_row:
        # the peak stays clear of the line the siblings hang from (0.45 above the symbols) and
        # of the parents' partner line (about 1.1 above)
        a, b = (x0, y0 + HALF), (x1, y1 + HALF)
        for peak in (0.22, 0.78, 0.95, 0.6, 1.1):
            yield _bezier(a, b, ((x0 + x1) / 2, y0 + HALF + 2 * peak))
        return
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    nx, ny = -(y1 - y0) / length, (x1 - x0) / length
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    for k in (0.0, 0.15, -0.15, 0.3, -0.3, 0.45, -0.45, 0.6, -0.6, 0.8, -0.8):
        yield _bezier(p, q, (mx + nx * k * length, my + ny * k * length))


_QUALITY_STYLE = {
    "close": dict(color="#1B7837", width=4),
    "normal": dict(color="#9E9E9E", width=1.5),
    "distant": dict(color="#757575", width=2, dash="dot"),
    "conflict": dict(color="#D55E00", width=2),
    "cut_off": dict(color="#212121", width=2),
}


def genogram(net: EgoNetwork, *, lang: str = "nl", title: str | None = None, show_relations: bool = True,
             max_label_chars: int = 13, width: int | None = None, height: int | None = None,
             legend: str = "auto") -> go.Figure:
    """Draw the genogram of a network's family.

    Parameters
    ----------
    net : EgoNetwork
        The network; its ``family`` block (optional) and family alters are drawn.
    lang : {"nl", "en"}
    title : str, optional
        Default "Genogram" and the case title.
    show_relations : bool
        Draw the quality lines between the client and family members (and those of the block).
        Each line takes the first of several curves that passes no one's symbol or name and
        crosses no other row of the family; between people of one generation it goes over the row.
    max_label_chars : int
        Names are written next to the symbol on at most two lines of this many characters; a
        longer name is shortened (the hover has the full name).
    width, height : int, optional
        Size in pixels the figure is shown at (default 900 x 640); names are placed for this size.
        Under about 560 pixels the drawing gets too small for its names: they are left out (the
        hover keeps them) and, below about 480, the labels of the generations may touch.
    legend : {"auto", "right", "below"}
        Where the legend goes.

    Returns
    -------
    plotly.graph_objects.Figure
        Family members in the trace with ``meta["role"] == "members"`` (``customdata``: member ids,
        ``marker.symbol``: square, circle or diamond).

    Raises
    ------
    ValidationError
        For an invalid ``family`` block; the message names the member, union or relation and field.

    Examples
    --------
    >>> from netles import datasets
    >>> fig = genogram(datasets.load_case("voorbeeld"))
    >>> t = [t for t in fig.data if t.meta and t.meta.get("role") == "members"][0]
    >>> dict(zip(t.customdata, t.marker.symbol))["A"]
    'circle'
    """
    i = C.check_lang(lang)
    width, height = check_size(width, height)
    family = family_tree(net)
    members, unions = family["members"], family["unions"]
    pos = _layout(family)
    case = C.case_title(net, lang)
    title = ("Genogram" + (f" · {case}" if case else "")) if title is None else title
    gens = sorted({m["generation"] for m in members.values()})  # only the rows that have people
    ids = list(members)
    xs = [pos[m][0] for m in ids]
    ys = [pos[m][1] for m in ids]
    symbol = {"M": "square", "F": "circle"}
    ego_name = net.ego.get("name") if isinstance(net.ego.get("name"), str) and net.ego.get("name") else C.text("ego", lang)

    fig = go.Figure()
    lines_x, lines_y = [], []

    def seg(xs_, ys_):
        lines_x.extend(list(xs_) + [None])
        lines_y.extend(list(ys_) + [None])

    # partner lines, with slashes for separation and divorce, and the children below
    status_traces: dict[str, tuple[list, list]] = {}
    for u in unions:
        a, b = sorted(u["partners"], key=lambda m: pos[m][0])
        (xa, ya), (xb, _) = pos[a], pos[b]
        yl = ya - HALF - 0.35
        sx, sy = status_traces.setdefault(u["status"], ([], []))
        sx.extend([xa, xa, xb, xb, None])
        sy.extend([ya - HALF, yl, yl, ya - HALF, None])
        mid = (xa + xb) / 2
        slashes = {"separated": 1, "divorced": 2}.get(u["status"], 0)
        for k in range(slashes):
            off = (k - (slashes - 1) / 2) * 0.16
            seg([mid + off - 0.1, mid + off + 0.1], [yl - 0.17, yl + 0.17])
        kids = [c for c in u["children"] if c in pos]
        if kids:
            yc = pos[kids[0]][1] + HALF + 0.45
            seg([mid, mid], [yl, yc])
            cxs = [pos[c][0] for c in kids]
            seg([min(cxs + [mid]), max(cxs + [mid])], [yc, yc])
            for c in kids:
                seg([pos[c][0], pos[c][0]], [yc, pos[c][1] + HALF])
    fig.add_trace(go.Scatter(x=lines_x or [None], y=lines_y or [None], mode="lines", line=dict(color="#212121", width=2),
                             hoverinfo="skip", showlegend=False, meta={"role": "family_lines"}))
    for status in UNION_STATUS:
        if status in status_traces:
            sx, sy = status_traces[status]
            fig.add_trace(go.Scatter(x=sx, y=sy, mode="lines", name=UNION_STATUS.label(status, lang), hoverinfo="skip",
                                     line=dict(color="#212121", width=2, dash="dash" if status == "partners" else "solid"),
                                     legendgroup="union", legendgrouptitle=dict(text=UNION_STATUS.field_label(lang)),
                                     meta={"role": "union", "status": status}))
    qualities = [q for q in RELATIONSHIP_QUALITY if show_relations and any(r["quality"] == q for r in family["relations"])]
    for quality in qualities:  # filled in below, once the curves are chosen
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", line=_QUALITY_STYLE[quality], hoverinfo="skip",
                                 name=RELATIONSHIP_QUALITY.label(quality, lang), legendgroup="quality",
                                 legendgrouptitle=dict(text=RELATIONSHIP_QUALITY.field_label(lang)),
                                 meta={"role": "relation", "quality": quality}))
    dead = [m for m in ids if members[m]["deceased"]]
    if dead:
        fig.add_trace(go.Scatter(x=[pos[m][0] for m in dead], y=[pos[m][1] for m in dead], mode="markers",
                                 marker=dict(symbol="x-thin-open", size=SYMBOL_PX, color="#212121", line=dict(width=2.5, color="#212121")),
                                 name=("overleden", "deceased")[i], hoverinfo="skip", meta={"role": "deceased"},
                                 legendgroup="symbol", legendgrouptitle=dict(text=("symbool", "symbol")[i])))
    for code, sym in (("M", "square"), ("F", "circle"), ("X", "diamond")):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=C.value_label("gender", code, lang),
                                 marker=dict(size=14, symbol=sym, color="#ECEFF1", line=dict(color="#212121", width=2)),
                                 legendgroup="symbol", legendgrouptitle=dict(text=("symbool", "symbol")[i]),
                                 hoverinfo="skip", meta={"role": "legend"}))

    # the frame: the family's extent plus a column for the generation names on the left
    gen_names = {g: GENERATION.label(g, lang) for g in gens}
    x0, x1 = min(xs), max(xs)
    y0, y1 = -max(gens) * ROW - 0.9, -min(gens) * ROW + 0.9
    _, entries = TB.legend_entries(fig.update_layout(legend_traceorder="grouped"))
    col_px = max(TS.text_width(TS.wrap(n, 120, GEN_FONT), GEN_FONT) for n in gen_names.values()) + 12
    # room for names to the right of the rightmost people, in pixels
    right_px = 110
    # the legend goes where the people get the most room side by side (the names need width);
    # the rows then take the height there is
    note = C.text("hidden_labels", lang, n=99, m=99)
    options = [make_frame(width, height, title=title, entries=entries, legend=side, aspect=None, note=note)
               for side in (("right", "below") if legend == "auto" else (legend,))]

    def room(f):
        across = (f.plot_w - col_px - right_px - 30) / max(x1 - x0, STEP)
        down = f.plot_h / (y1 - y0)
        return (min(across, MAX_UNIT), min(down, MAX_UNIT))

    frame = max(options, key=lambda f: (round(min(room(f)[0], 1.25 * room(f)[1]), 1), room(f)[1]))
    lf, gf = frame.font(LABEL_FONT), frame.font(GEN_FONT)
    col_px = max(TS.text_width(TS.wrap(n, 120 * gf / GEN_FONT, gf), gf) for n in gen_names.values()) + 12
    right_px = 110 * lf / LABEL_FONT
    # pixels per data unit, across and down: the rows may stand a little further apart than the
    # people in a row, and always far enough apart for two lines of name and a symbol
    # left of the family: the generation names and half the widest symbol; right: the names
    left_px = col_px + 44 / 2 + 8
    right_px += 44 / 2
    ux = max(1.0, min((frame.plot_w - left_px - right_px) / max(x1 - x0, STEP), MAX_UNIT))
    uy = min(frame.plot_h / (y1 - y0), MAX_UNIT)
    xr = (x0 - left_px / ux, x0 - left_px / ux + frame.plot_w / ux)
    # centre the family in the room right of the generation names
    spare = frame.plot_w / ux - (left_px / ux + (x1 - x0) + right_px / ux)
    if spare > 0:
        xr = (xr[0] - spare / 2, xr[1] - spare / 2)
    xr = (min(xr[0], x0 - left_px / ux), xr[1])
    yr = ((y0 + y1) / 2 - frame.plot_h / uy / 2, (y0 + y1) / 2 + frame.plot_h / uy / 2)
    unit = min(ux, uy)
    # the symbol fills the room the family lines leave for it (HALF above and below its centre)
    sym_px = max(8.0, min(2 * HALF * uy, 0.45 * STEP * ux, 44.0))

    def px(x, y):
        return frame.left + (x - xr[0]) * ux, frame.top + (yr[1] - y) * uy

    # generation names in the left column, a thin line under each row's name
    annotations, obstacles = [], []
    for g in gens:
        text = TS.wrap(gen_names[g], col_px - 12, gf)
        annotations.append(dict(x=0, xref="paper", y=-g * ROW, yref="y", text=text, showarrow=False, xanchor="left",
                                yanchor="middle", align="left", font=dict(size=gf, color="#6B6B6B"), xshift=2))
        gx, gy = px(xr[0], -g * ROW)
        obstacles.append(TB.annotation_box(gx + 2, gy, text, gf, xanchor="left"))

    # names next to the symbols
    names, hovers = [], []
    alter_records = {a: net.alter(a) for a in net.alter_ids}
    for mid in ids:
        m = members[mid]
        name = ego_name if mid == EGO else ("?" if m["placeholder"] else (m["name"] or mid))
        names.append(name + (" †" if m["deceased"] else ""))
        lines = [f"<b>{name}</b>", f"{GENERATION.field_label(lang)}: {GENERATION.label(m['generation'], lang)}",
                 f"{C.field_label('gender', lang)}: {C.value_label('gender', m['gender'], lang)}"]
        if m["deceased"]:
            lines.append(("overleden", "deceased")[i])
        if m["placeholder"]:
            lines.append(("niet bekend uit de gegevens", "not known from the data")[i])
        if m["alter_id"] in alter_records:
            lines.append(C.alter_hover(alter_records[m["alter_id"]], lang).split("<br>", 1)[-1])
        hovers.append("<br>".join(lines))
    points = [px(x, y) for x, y in zip(xs, ys)]
    ego_k = ids.index(EGO)
    foot = [sym_px / 2 + 2 + (5 if k == ego_k else 0) for k in range(len(ids))]
    family_segments = _segments(lines_x, lines_y, px)
    for sx, sy in status_traces.values():
        family_segments += _segments(sx, sy, px)
    # names first (clear of the family lines and the straight way of each relationship line), then
    # the relationship lines around them; then the names once more, clear of the lines as routed,
    # and the lines once more around those names
    soft_lines = [(*px(*pos[r["a"]]), *px(*pos[r["b"]])) for r in family["relations"]] if show_relations else []
    for _round in range(2 if show_relations and family["relations"] and len(ids) * len(family["relations"]) <= 4000 else 1):
        plot = (frame.left, frame.top, frame.left + frame.plot_w, frame.top + frame.plot_h)
        variants = [label_variants(n, max_label_chars + 3, lf) for n in names]
        placements = place_labels(points, variants, font_size=lf, marker_sizes=sym_px, footprints=foot,
                                  order=sorted(range(len(ids)), key=lambda k: (k != ego_k, members[ids[k]]["placeholder"], k)),
                                  obstacles=obstacles, bounds=plot, lines=family_segments + soft_lines,
                                  positions=("middle right", "middle left", "bottom right", "top right", "bottom left",
                                             "top left", "bottom center", "top center"))

        # relationship lines: for each, the first curve that passes no symbol, no name, no other row
        routed = []
        if show_relations:
            symbol_boxes = [(x - f, y - f, x + f, y + f) for (x, y), f in zip(points, foot)]
            own_label = {k: p.box for k, p in enumerate(placements) if p is not None}
            label_boxes = [(k, b) for k, b in own_label.items()] + [(None, b) for b in obstacles]
            row_y = {g: px(0, -g * ROW)[1] for g in gens}
            row_bands = {g: (y - sym_px / 2 - 2, y + sym_px / 2 + 2) for g, y in row_y.items()}
            taken: list[list[tuple[float, float]]] = []
            horizontal_family = [f for f in family_segments if abs(f[1] - f[3]) < 0.5]
            for r in family["relations"]:
                ka, kb = ids.index(r["a"]), ids.index(r["b"])
                p, q = pos[r["a"]], pos[r["b"]]
                ga, gb = members[r["a"]]["generation"], members[r["b"]]["generation"]
                # where a curve may go: between the two rows, or (one row) just over it
                if ga == gb:
                    lo, hi = row_y[ga] - 1.25 * uy - sym_px / 2, row_y[ga] + 2
                else:
                    lo, hi = min(row_y[ga], row_y[gb]), max(row_y[ga], row_y[gb])
                best, best_score = None, math.inf
                # a large family (hundreds of people, research data) takes the first curve: choosing
                # costs people x relations x curves checks
                quick = len(ids) * len(family["relations"]) > 4000
                between = {-g * ROW: [pos[m][0] for m in ids if members[m]["generation"] == g]
                           for g in gens if min(ga, gb) < g < max(ga, gb)}
                candidates = list(_route_candidates(p, q, ga == gb))
                if between:
                    candidates += list(_threaded_candidates(p, q, between))
                for cx_, cy_ in candidates:
                    # leave the two symbols out of the curve
                    keep = [k for k in range(len(cx_)) if math.hypot(cx_[k] - p[0], cy_[k] - p[1]) > HALF * 1.45
                            and math.hypot(cx_[k] - q[0], cy_[k] - q[1]) > HALF * 1.45]
                    if len(keep) < 2:
                        continue
                    cx_, cy_ = [cx_[k] for k in keep], [cy_[k] for k in keep]
                    pts = [px(x, y) for x, y in zip(cx_, cy_)]
                    segs = [(*pts[k], *pts[k + 1]) for k in range(len(pts) - 1)]
                    if quick:
                        best = (cx_, cy_, segs)
                        break
                    score = 0.0
                    score += 100 * sum(any(_hits(sg, b) for sg in segs) for k, b in enumerate(symbol_boxes) if k not in (ka, kb))
                    score += sum((6 if k in (ka, kb) else 20) for k, b in label_boxes if any(_hits(sg, b) for sg in segs))
                    score += 20 * sum(any(_hits(sg, (plot[0], band[0], plot[2], band[1])) for sg in segs)
                                      for g, band in row_bands.items() if g not in (ga, gb))
                    if not all(plot[0] <= x <= plot[2] and plot[1] <= y <= plot[3] for x, y in pts):
                        score += 1000
                    score += sum(1 for other in taken for sg in segs if any(_crosses(sg, o) for o in other))
                    # running along a family line hides it: count the points that lie on one
                    score += 2 * sum(1 for k in range(1, len(pts) - 1)
                                     if abs(pts[k + 1][1] - pts[k - 1][1]) < 0.35 * abs(pts[k + 1][0] - pts[k - 1][0])
                                     and any(_near(pts[k], f, 3.0) for f in horizontal_family))
                    score += sum(1 for _, y in pts if y < lo - 1 or y > hi + 1)
                    chord = max(math.dist(pts[0], pts[-1]), 1.0)
                    score += 10 * (sum(math.dist(pts[k], pts[k + 1]) for k in range(len(pts) - 1)) / chord - 1)
                    if score < best_score - 1e-9:
                        best, best_score = (cx_, cy_, segs), score
                if best is not None:
                    routed.append((r, best[0], best[1]))
                    taken.append(best[2])
        soft_lines = [sg for segs in taken for sg in segs] if show_relations else []

    by_quality: dict[str, tuple[list, list]] = {}
    bars = ([], [])
    for r, rx, ry in routed:
        bx, by = by_quality.setdefault(r["quality"], ([], []))
        if r["quality"] == "conflict":
            zx, zy = [], []
            for k in range(len(rx) - 1):
                a_, b_ = _zigzag(rx[k], ry[k], rx[k + 1], ry[k + 1], step=0.11)
                zx += a_[:-1]
                zy += b_[:-1]
            bx.extend(zx + [rx[-1], None])
            by.extend(zy + [ry[-1], None])
        elif r["quality"] == "cut_off":
            m = len(rx) // 2
            bx.extend(rx[: m - 1] + [None] + rx[m + 1:] + [None])
            by.extend(ry[: m - 1] + [None] + ry[m + 1:] + [None])
            for k in (m - 1, m + 1):  # two short bars across the gap
                dx, dy = rx[min(k + 1, len(rx) - 1)] - rx[k - 1], ry[min(k + 1, len(ry) - 1)] - ry[k - 1]
                n = math.hypot(dx, dy) or 1
                bars[0].extend([rx[k] - dy / n * 0.14, rx[k] + dy / n * 0.14, None])
                bars[1].extend([ry[k] + dx / n * 0.14, ry[k] - dx / n * 0.14, None])
        else:
            bx.extend(rx + [None])
            by.extend(ry + [None])
    for t in fig.data:
        if (t.meta or {}).get("role") == "relation":
            qx, qy = by_quality.get(t.meta["quality"], ([None], [None]))
            if t.meta["quality"] == "cut_off":
                qx, qy = qx + bars[0], qy + bars[1]
            t.x, t.y = qx, qy

    fig.add_trace(go.Scatter(
        x=xs, y=ys, mode="markers+text", text=[p.text if p else "" for p in placements],
        textposition=[p.position if p else "middle right" for p in placements],
        textfont=dict(size=lf, shadow="auto"),
        marker=dict(size=sym_px, symbol=[symbol.get(members[m]["gender"], "diamond") for m in ids],
                    color=["#FFFFFF" if members[m]["placeholder"] else "#ECEFF1" for m in ids],
                    line=dict(color=["#9E9E9E" if members[m]["placeholder"] else "#212121" for m in ids], width=2)),
        customdata=ids, hovertext=hovers, hoverinfo="text", hoverlabel=dict(align="left"), showlegend=False,
        meta={"role": "members"},
    ))
    ex, ey = pos[EGO]
    fig.add_trace(go.Scatter(x=[ex], y=[ey], mode="markers", hoverinfo="skip", showlegend=False, meta={"role": "ego"},
                             marker=dict(size=sym_px + 10, symbol=symbol.get(members[EGO]["gender"], "diamond") + "-open",
                                         color="#212121", line=dict(width=2, color="#212121"))))
    if dead:  # the crosses go over the symbols
        fig.data = [t for t in fig.data if (t.meta or {}).get("role") != "deceased"] + [
            t for t in fig.data if (t.meta or {}).get("role") == "deceased"]
        for t in fig.data:
            if (t.meta or {}).get("role") == "deceased":
                t.marker.size = sym_px
    hidden = sum(1 for p, m in zip(placements, ids) if p is None)
    if hidden:
        annotations.append(frame.note(C.text("hidden_labels", lang, n=hidden, m=len(ids))))
    fig.update_layout(annotations=annotations)
    apply_frame(fig, frame, xrange=xr, yrange=yr, lang=lang, grouped_legend=True, equal=False)
    fig.update_layout(legend=dict(groupclick="toggleitem"))
    fig.layout.meta = {"instrument": "genogram", "unit_px": unit, "unit_x_px": ux, "unit_y_px": uy, "symbol_px": sym_px,
                       "hidden_labels": hidden,
                       "lang": lang,
                       "routes": [{"a": r["a"], "b": r["b"], "quality": r["quality"], "x": list(rx), "y": list(ry)}
                                  for r, rx, ry in routed]}
    return fig


def _segments(xs, ys, to_px):
    out, prev = [], None
    for x, y in zip(xs, ys):
        if x is None or y is None:
            prev = None
            continue
        p = to_px(x, y)
        if prev is not None:
            out.append((*prev, *p))
        prev = p
    return out


def _hits(seg, box) -> bool:
    from ._labels import _segment_hits

    return _segment_hits(seg, box)


def _near(pt, seg, tol: float) -> bool:
    """True if point ``pt`` lies within ``tol`` pixels of the segment."""
    (x, y), (x0, y0, x1, y1) = pt, seg
    dx, dy = x1 - x0, y1 - y0
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - (x0 + t * dx), y - (y0 + t * dy)) <= tol


def _crosses(s1, s2) -> bool:
    """True if two segments cross."""
    (ax, ay, bx, by), (cx, cy, dx, dy) = s1, s2

    def orient(px_, py_, qx, qy, rx, ry):
        return (qx - px_) * (ry - py_) - (qy - py_) * (rx - px_)

    d1, d2 = orient(cx, cy, dx, dy, ax, ay), orient(cx, cy, dx, dy, bx, by)
    d3, d4 = orient(ax, ay, bx, by, cx, cy), orient(ax, ay, bx, by, dx, dy)
    return d1 * d2 < 0 and d3 * d4 < 0
