"""Networks over time: decay, maintenance and the load of a spilmantelzorger.

A **teaching model, not a prediction.** It plays forward, month by month, two ideas of the
teacher's guide so that students can see the numbers move; the rules are simple on purpose and the
parameters are round guesses, not estimates from data.

The model in plain words
------------------------
*Network decay.* People in a vulnerable position often find that their network shrinks: they feel
they can give less in return, and ties that are not looked after slowly fade. Each step (think of a
month):

1. The person's capacity to give drops by ``give_decline`` (from 1 down to 0).
2. Every active informal tie may weaken. The chance grows when reciprocity fails: a tie in which
   the person is expected to give (mutual, gives, or purely social) suffers the full shortfall
   ``1 - capacity``, a tie in which the person only receives half of it. Outer circles weaken more
   easily than inner ones, burdening ties more easily than supportive ones.
3. A tie that weakens moves one circle outward and contact becomes one step less frequent; a tie
   that is already in the outer circle fades instead (status ``faded``, at most yearly contact,
   no more support).
4. A faded or disrupted tie may be lost altogether (the alter leaves the map with its ties).
5. Professionals are paid to stay and do not decay, so their share grows as the rest shrinks.
6. Maintenance slows all of this: ``maintenance`` (0-1) lowers every chance, and a tie marked
   ``maintained`` (see :func:`netles.models.maintain`) weakens at a quarter of the usual rate.

*Carer load (mantelval).* One informal alter is the spilmantelzorger (by default the alter who
gives the person the most kinds of support; never a professional or a volunteer). The model
weighs what the carer has to carry (*draaglast*, hours of care a week) against what they can carry
(*draagkracht*, ``capacity`` hours a week). Each month:

1. The care need (hours per week) grows by ``need_growth`` (care needs tend to grow, think of
   dementia).
2. The carer does what others do not take over: ``hours = need * (1 - shared_tasks) * (1 - respite)``
   (plus a little random variation). ``shared_tasks`` is the part of the care that others in the
   network do; in :func:`simulate` it follows the network by default (everything the carer does not
   give). ``respite`` (respijtzorg) is the part taken over now and then so the carer can rest.
3. The carer can carry ``capacity`` hours a week, a little less as their own network shrinks
   (fewer people to lean on). Their load is a running average of ``hours / capacity``: above 1
   means the load is more than the carer can carry (overburdened).
4. **Mantelval** is the point where the load harms the carer's own functioning (health, work,
   relationships), so that they can no longer function well as a carer either (the teacher's
   guide, theme 3). The model calls it mantelval when the load has been above 1 for
   ``mantelval_months`` months in a row (default 6): a short peak is not mantelval, a lasting
   overload is. When the load drops below 1 again the count starts over.
5. A consequence, not the definition: an overburdened carer loses their own contacts (no time left
   for friends, clubs, work) and risks isolation; a carer whose load is low again slowly regains
   some. While overburdened, the carer's tie with the person becomes ambivalent.
6. Where a case has the carer's Caregiver Strain Index, the CSI is evidence of the load *now*: the
   model takes a score at the cut-off for high strain (7 of 13) as a load of exactly 1 and sets the
   carer's draagkracht so that the starting load is ``score / 7`` (CSI 11: the carer carries about
   1.6 times what they can). This linear reading of the CSI is a teaching assumption, not a
   property of the instrument.

The output is a tidy table, one row per time step (step 0 is the start), ready to plot.
"""
from __future__ import annotations

import math
from typing import Iterable

import numpy as np
import pandas as pd

from .. import metrics, vocab
from ..network import EgoNetwork

__all__ = ["simulate", "simulate_carer_load", "DYNAMICS_COLUMNS", "CARER_COLUMNS", "choose_carer",
           "capacity_from_csi", "MANTELVAL_MONTHS"]

CARER_COLUMNS = ("step", "care_need", "carer_hours", "carer_load", "months_over_limit", "carer_network_size",
                 "mantelval")
"""Columns of :func:`simulate_carer_load`."""

DYNAMICS_COLUMNS = (
    "step", "size", "n_active", "n_faded", "n_lost", "density", "share_strong", "share_weekly",
    "share_professional", "support_coverage", "max_support_share", "capacity_to_give",
    "care_need", "shared_tasks", "carer_hours", "carer_load", "months_over_limit", "carer_network_size", "mantelval",
)
"""Columns of :func:`simulate`."""

_CIRCLE_FACTOR = {1: 0.5, 2: 0.8, 3: 1.2, 4: 1.2}
_VALENCE_FACTOR = {"supportive": 1.0, "ambivalent": 1.3, "burdening": 1.6, None: 1.0}
_MAINTAINED_FACTOR = 0.25
_CONTACT = vocab.CONTACT.codes

MANTELVAL_MONTHS = 6
"""Default number of months in a row with a load above the carer's draagkracht that the model calls
mantelval (a teaching choice: long enough to be more than a bad spell)."""

CSI_LIMIT = 7
"""The CSI score read as a load of exactly 1 (the published cut-off for high strain, Robinson 1983)."""


def capacity_from_csi(score: int, hours: float) -> float:
    """The draagkracht (hours a week) at which ``hours`` of care give the load the CSI shows.

    The model reads a CSI score as a load of ``score / 7`` (7 is the cut-off for high strain), so
    ``capacity = hours / (score / 7)``; a score below 1 counts as 1 (a CSI of 0 says the load is
    light, not that the carer could carry anything), and the result is kept between 2 and 168 hours.

    Examples
    --------
    >>> round(capacity_from_csi(11, 30), 1), capacity_from_csi(7, 20), capacity_from_csi(0, 10)
    (19.1, 20.0, 70.0)
    """
    if isinstance(score, bool) or not isinstance(score, (int, np.integer)) or not 0 <= score <= 13:
        raise ValueError(f"a CSI score is a whole number from 0 to 13, not {score!r}")
    if not (isinstance(hours, (int, float, np.integer, np.floating)) and 0 <= hours <= 168):
        raise ValueError(f"hours must be from 0 to 168, not {hours!r}")
    load = max(int(score), 1) / CSI_LIMIT
    return float(min(max(hours / load, 2.0), 168.0)) if hours > 0 else 20.0


def _check_fraction(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.floating, np.integer)) or not 0 <= value <= 1:
        raise ValueError(f"{name} must be a number from 0 to 1, not {value!r}")
    return float(value)


def _check_steps(steps) -> int:
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 0:
        raise ValueError(f"steps must be a whole number >= 0, not {steps!r}")
    return int(steps)


class _Carer:
    """State of the carer-burden model; random numbers are drawn up front (common random numbers),
    so runs with the same seed differ only by their parameters."""

    def __init__(self, care_need, respite, steps, rng, carer_network, capacity, need_growth,
                 mantelval_months=MANTELVAL_MONTHS):
        if not (isinstance(care_need, (int, float, np.integer, np.floating)) and not isinstance(care_need, bool)
                and 0 <= care_need <= 168):
            raise ValueError(f"care_need must be hours per week from 0 to 168, not {care_need!r}")
        if isinstance(carer_network, bool) or not isinstance(carer_network, (int, np.integer)) or carer_network < 0:
            raise ValueError(f"carer_network must be a whole number >= 0, not {carer_network!r}")
        if not capacity > 0:
            raise ValueError(f"capacity must be positive, not {capacity!r}")
        if (isinstance(mantelval_months, bool) or not isinstance(mantelval_months, (int, np.integer))
                or mantelval_months < 1):
            raise ValueError(f"mantelval_months must be a whole number >= 1, not {mantelval_months!r}")
        self.mantelval_months = int(mantelval_months)
        self.over = 0
        self.respite = _check_fraction("respite", respite)
        self.need = float(care_need)
        self.growth = float(need_growth)
        self.start_network = int(carer_network)
        self.network = int(carer_network)
        self.capacity = float(capacity)
        self.noise = rng.normal(0, 0.08, steps + 1)
        self.u_loss = rng.random((steps + 1, max(carer_network, 1)))
        self.u_gain = rng.random(steps + 1)
        self.load = None
        self.hours = 0.0

    def step(self, t: int, shared: float) -> dict:
        if t > 0:
            self.need *= 1 + self.growth
        self.hours = max(self.need * (1 - shared) * (1 - self.respite) * (1 + self.noise[t]), 0.0)
        support_left = self.network / self.start_network if self.start_network else 0.0
        capacity = self.capacity * (0.6 + 0.4 * support_left)
        ratio = self.hours / capacity
        self.load = ratio if self.load is None else 0.6 * self.load + 0.4 * ratio
        if t > 0:
            # months in a row above what the carer can carry (month 0 is the start, not a month passed)
            self.over = self.over + 1 if self.load > 1 else 0
            if self.load > 1:
                p_loss = min(0.3, 0.2 * (self.load - 1))
                self.network -= int((self.u_loss[t, : self.network] < p_loss).sum())
            elif self.load < 0.8 and self.network < self.start_network and self.u_gain[t] < 0.15:
                self.network += 1
        return {
            "care_need": self.need,
            "carer_hours": self.hours,
            "carer_load": self.load,
            "months_over_limit": self.over,
            "carer_network_size": self.network,
            "mantelval": self.over >= self.mantelval_months,
        }


def simulate_carer_load(care_need: float = 15.0, respite: float = 0.0, shared_tasks: float = 0.0,
                        steps: int = 24, seed: int = 0, *, carer_network: int = 12, capacity: float | None = None,
                        need_growth: float = 0.03, mantelval_months: int = MANTELVAL_MONTHS,
                        csi: int | None = None) -> pd.DataFrame:
    """The carer-burden part of the model alone (see the module docstring), month by month.

    Parameters
    ----------
    care_need : float
        Hours of care per week the person needs at the start (0-168).
    respite : float
        Share of the carer's part taken over by respite care (respijtzorg), 0-1.
    shared_tasks : float
        Share of the care that others in the network do, 0-1.
    steps : int
        Number of time steps (months).
    seed : int
        Random seed: same seed and parameters, same table.
    carer_network : int
        Size of the carer's own network at the start.
    capacity : float, optional
        The carer's draagkracht: hours per week they can carry with a full network of their own.
        Default: from ``csi`` when given (:func:`capacity_from_csi`), else 20.
    need_growth : float
        Growth of the care need per month (0.03 = 3%).
    mantelval_months : int
        Months in a row with a load above 1 that count as mantelval (default
        :data:`MANTELVAL_MONTHS`).
    csi : int, optional
        The carer's CSI score (0-13) now: evidence of the starting load (see the module docstring).

    Returns
    -------
    pandas.DataFrame
        One row per month 0..steps (0 is now), columns :data:`CARER_COLUMNS`: ``care_need``,
        ``carer_hours``, ``carer_load`` (above 1 = more than the carer can carry),
        ``months_over_limit`` (months in a row above 1), ``carer_network_size`` (a consequence:
        the carer's own network shrinks while overburdened) and ``mantelval`` (the load has been
        above 1 for ``mantelval_months`` months in a row).

    Raises
    ------
    ValueError
        For a share outside 0-1, negative steps or impossible hours.

    Examples
    --------
    >>> alone = simulate_carer_load(care_need=25, steps=24, seed=1)
    >>> helped = simulate_carer_load(care_need=25, respite=0.4, shared_tasks=0.4, steps=24, seed=1)
    >>> int(alone.loc[alone["mantelval"], "step"].iloc[0]), bool(helped["mantelval"].any())
    (6, False)
    >>> strained = simulate_carer_load(care_need=30, shared_tasks=0.2, csi=11, steps=12, seed=0)
    >>> round(float(strained["carer_load"].iloc[0]), 1), int(strained.loc[strained["mantelval"], "step"].iloc[0])
    (1.6, 6)
    """
    steps = _check_steps(steps)
    shared = _check_fraction("shared_tasks", shared_tasks)
    if capacity is None:
        start_hours = float(care_need) * (1 - shared) * (1 - _check_fraction("respite", respite)) \
            if isinstance(care_need, (int, float, np.integer, np.floating)) and not isinstance(care_need, bool) else 0.0
        capacity = capacity_from_csi(csi, min(max(start_hours, 0.0), 168.0)) if csi is not None else 20.0
    rng = np.random.default_rng(seed)
    carer = _Carer(care_need, respite, steps, rng, carer_network, capacity, need_growth, mantelval_months)
    rows = [{"step": t, **carer.step(t, shared)} for t in range(steps + 1)]
    return pd.DataFrame(rows, columns=list(CARER_COLUMNS))


def choose_carer(net: EgoNetwork) -> str | None:
    """The spilmantelzorger: the informal alter who gives the person the most kinds of support (the
    first in alter order on a tie), or None when no informal alter gives support.

    Mantelzorg is care from one's own circle: a professional (a persoonlijk begeleider, a
    wijkverpleegkundige) or a volunteer of an organisation is never the spil, however much they do.

    Examples
    --------
    >>> from netles import datasets
    >>> choose_carer(datasets.load_case("voorbeeld"))
    'A'
    """
    given = metrics.support_given(net).sum(axis=1)
    relation = net.alters.set_index("alter_id")["relation"]
    informal = (relation.map(vocab.RELATION_KIND_OF) != "professional") & (relation != "volunteer")
    given = given[informal[given.index].to_numpy()]
    if given.empty or given.max() == 0:
        return None
    return str(given.idxmax())


def _network_shared(per_alter: pd.Series, carer: str) -> float:
    """Share of the support given to the person that does not come from the carer."""
    total = per_alter.sum()
    if total == 0 or carer not in per_alter.index:
        return 0.0
    return float(1 - per_alter[carer] / total)


def simulate(net: EgoNetwork, steps: int = 24, seed: int = 0, *, maintenance: float = 0.0,
             give_decline: float = 0.04, decay: float = 0.06, loss: float = 0.15,
             carer: str | None | bool = None, care_need: float = 15.0, respite: float = 0.0,
             shared_tasks: float | None = None, carer_network: int = 12, capacity: float = 20.0,
             need_growth: float = 0.03, mantelval_months: int = MANTELVAL_MONTHS, return_networks: bool = False):
    """Play a network forward in time (see the module docstring for the model).

    Parameters
    ----------
    net : EgoNetwork
        The network at step 0 (not changed).
    steps : int
        Number of time steps (months).
    seed : int
        Random seed: same seed and parameters, same table.
    maintenance : float
        Maintenance effort 0-1: lowers every chance of weakening and of loss.
    give_decline : float
        How much the person's capacity to give drops per step (from 1 to at least 0).
    decay : float
        Base chance per step that an active informal tie weakens.
    loss : float
        Chance per step that a faded or disrupted tie is lost.
    carer : str, None or False
        The spilmantelzorger's alter id; None chooses one (:func:`choose_carer`); False leaves the
        carer model out (its columns are then NaN).
    care_need, respite, carer_network, capacity, need_growth, mantelval_months
        As in :func:`simulate_carer_load`.
    shared_tasks : float, optional
        Share of care done by others; None (default) follows the network: the share of the support
        the person gets that does not come from the carer, recomputed every step.
    return_networks : bool
        Also return the network of every step.

    Returns
    -------
    pandas.DataFrame or (pandas.DataFrame, list of EgoNetwork)
        One row per step 0..steps with the columns :data:`DYNAMICS_COLUMNS`.

    Raises
    ------
    ValueError
        For parameters out of range or an unknown carer.

    Examples
    --------
    >>> from netles import datasets
    >>> net = datasets.load_case("voorbeeld")
    >>> table = simulate(net, steps=24, seed=3)
    >>> table[["step", "size", "n_faded"]].iloc[[0, -1]].values.tolist()
    [[0, 6, 0], [24, 3, 0]]
    >>> int(simulate(net, steps=24, seed=3, maintenance=0.8)["size"].iloc[-1])
    6
    """
    if not isinstance(net, EgoNetwork):
        raise TypeError(f"expected an EgoNetwork, not {type(net).__name__}")
    steps = _check_steps(steps)
    maintenance = _check_fraction("maintenance", maintenance)
    for name, value in (("give_decline", give_decline), ("decay", decay), ("loss", loss)):
        _check_fraction(name, value)
    if shared_tasks is not None:
        shared_tasks = _check_fraction("shared_tasks", shared_tasks)
    rng = np.random.default_rng(seed)
    ids = net.alter_ids
    index = {a: i for i, a in enumerate(ids)}
    # common random numbers: one uniform per (step, original alter) for each kind of event
    u_weaken = rng.random((steps + 1, len(ids)))
    u_lose = rng.random((steps + 1, len(ids)))

    if carer is None:
        carer = choose_carer(net)
    elif carer is False:
        carer = None
    elif carer not in ids:
        raise ValueError(f"carer {carer!r} is not an alter of this network")
    carer_model = (_Carer(care_need, respite, steps, rng, carer_network, capacity, need_growth, mantelval_months)
                   if carer else None)

    rows, networks, current, lost = [], [], net, 0
    for t in range(steps + 1):
        capacity_to_give = max(0.0, 1.0 - give_decline * t)
        if t > 0:
            current, n_lost = _decay_step(current, index, u_weaken[t], u_lose[t], capacity_to_give,
                                          maintenance, decay, loss, protect=carer)
            lost += n_lost
        row = {"step": t, "capacity_to_give": capacity_to_give}
        given = metrics.support_given(current)  # computed once per step: three columns use it
        per_alter = given.sum(axis=1)
        if carer_model is not None:
            shared = shared_tasks if shared_tasks is not None else _network_shared(per_alter, carer)
            row.update(shared_tasks=shared, **carer_model.step(t, shared))
            if carer_model.load > 1 and current.alter(carer).get("valence") != "burdening":
                current = current.with_alter_changes(carer, valence="ambivalent")
        else:
            row.update(shared_tasks=math.nan, care_need=math.nan, carer_hours=math.nan, carer_load=math.nan,
                       months_over_limit=math.nan, carer_network_size=math.nan, mantelval=False)
        frame = current.alters
        row.update(
            size=current.size,
            n_active=int((frame["status"].fillna("active") == "active").sum()),
            n_faded=int((frame["status"] == "faded").sum()),
            n_lost=lost,
            density=metrics.density(current),
            share_strong=metrics.share_strong(current),
            share_weekly=metrics.share_weekly(current),
            share_professional=metrics.share_professional(current),
            # the same definitions as metrics.support_coverage and metrics.max_support_share
            support_coverage=int(given.any(axis=0).sum()),
            max_support_share=float(per_alter.max() / per_alter.sum()) if per_alter.sum() else math.nan,
        )
        rows.append(row)
        if return_networks:
            networks.append(current)
    table = pd.DataFrame(rows, columns=list(DYNAMICS_COLUMNS))
    return (table, networks) if return_networks else table


def _decay_step(net: EgoNetwork, index: dict, u_weaken: np.ndarray, u_lose: np.ndarray, capacity: float,
                maintenance: float, decay: float, loss: float, protect: str | None) -> tuple[EgoNetwork, int]:
    """One step of network decay; returns the new network and how many alters were lost."""
    data = net.to_dict()
    alters = data["alters"]
    keep, gone = [], set()
    for record in alters:
        aid = record["alter_id"]
        status = record.get("status") or "active"
        u = index[aid]
        if record["relation"] == "professional" or aid == protect:
            keep.append(record)
            continue
        if status in ("faded", "disrupted"):
            if u_lose[u] < loss * (1 - maintenance):
                gone.add(aid)
                continue
            keep.append(record)
            continue
        direction = record.get("support_direction")
        strain = (1 - capacity) * (0.5 if direction == "receives" else 1.0)
        circle = record.get("circle") or vocab.RELATION_CIRCLE[record["relation"]]
        p = (decay * _CIRCLE_FACTOR[circle] * _VALENCE_FACTOR.get(record.get("valence"), 1.0)
             * (1 + 2 * strain) * (1 - maintenance) * (_MAINTAINED_FACTOR if record.get("maintained") is True else 1.0))
        if u_weaken[u] < min(p, 1.0):
            record = dict(record)
            contact = record.get("contact")
            if circle < 3:
                record["circle"] = circle + 1
                if contact is not None:
                    record["contact"] = _CONTACT[min(_CONTACT.index(contact) + 1, len(_CONTACT) - 1)]
            else:
                record["status"] = "faded"
                if contact is None or _CONTACT.index(contact) < _CONTACT.index("yearly"):
                    record["contact"] = "yearly"
                record.pop("support", None)
                record.pop("support_direction", None)
        keep.append(record)
    ties = [t for t in data["ties"] if t["source"] not in gone and t["target"] not in gone]
    new = EgoNetwork(net.ego, keep, ties, net.extra, source=net.source)
    return new, len(gone)
