"""Zorgkracht: what a network can actually give in care and support, approximated from the map.

In the teacher's guide *zorgkracht* is the capacity of a network to really give care and support
(Steyaert & Kwekkeboom 2012, *De zorgkracht van sociale netwerken*); strengthening it is one of the
five dimensions of network strengthening, next to size, variety, density and reachability. It is
not the same as multiplexity (functions per person): a network can have people who each give many
kinds of support on paper and still no one who can come when needed.

netles approximates zorgkracht from what the map records, and says so wherever it is shown:

* **dragers** (carriers): informal network members (not professionals, not volunteers of an
  organisation) whose tie is active and not burdening and who give at least one support function;
* **functions**: how many of the five support functions those carriers cover;
* **near**: how many carriers live within ``max_minutes`` or are in touch at least weekly, so that
  they can step in.

What the map does not show (time, health, skills, willingness, the carers' own load) is left out:
the numbers are an approximation to talk about, not a measurement.

References
----------
.. [1] Steyaert, J. & Kwekkeboom, R. (2012). *De zorgkracht van sociale netwerken*. Movisie /
   Wmo-werkplaatsen.
.. [2] Admiraal, L. (2016). *Sociale netwerken. Docentenhandreiking*. Hogeschool Utrecht (theme 4).
"""
from __future__ import annotations

import pandas as pd

from .. import metrics, vocab
from ..network import EgoNetwork

__all__ = ["care_capacity", "CARE_CAPACITY_LABELS"]

CARE_CAPACITY_LABELS = {
    "carriers": ("zorgkracht (benadering): mensen die nu steun geven", "care capacity (approximation): people giving support now"),
    "functions": ("steunfuncties die zij dekken (van 5)", "support functions they cover (of 5)"),
    "near": ("van hen dichtbij of wekelijks in contact", "of them close by or in weekly contact"),
}
"""Key -> (Dutch, English) label."""


def _carriers(net: EgoNetwork) -> list[str]:
    given = metrics.support_given(net).sum(axis=1)
    out = []
    for alter_id in net.alter_ids:
        a = net.alter(alter_id)
        informal = vocab.RELATION_KIND_OF[a["relation"]] != "professional" and a["relation"] != "volunteer"
        active = (a.get("status") or "active") == "active" and a.get("valence") != "burdening"
        if informal and active and given.get(alter_id, 0) > 0:
            out.append(alter_id)
    return out


def care_capacity(net: EgoNetwork, *, max_minutes: float = metrics.DEFAULT_MAX_MINUTES) -> pd.Series:
    """An approximation of a network's zorgkracht (see the module docstring).

    Parameters
    ----------
    net : EgoNetwork
    max_minutes : float
        Travel time within which a carrier counts as close by.

    Returns
    -------
    pandas.Series
        ``carriers`` (informal, active, not burdening, giving support), ``functions`` (support
        functions those carriers cover) and ``near`` (carriers within ``max_minutes`` or in at
        least weekly contact).

    Examples
    --------
    >>> from netles import datasets
    >>> care_capacity(datasets.load_case("voorbeeld")).to_dict()
    {'carriers': 4, 'functions': 3, 'near': 4}
    """
    carriers = _carriers(net)
    given = metrics.support_given(net)
    functions = int(given.loc[carriers].any(axis=0).sum()) if carriers else 0
    near = 0
    for alter_id in carriers:
        a = net.alter(alter_id)
        travel = a.get("travel_minutes")
        close = travel is not None and travel == travel and travel <= max_minutes
        often = a.get("contact") in ("daily", "weekly")
        near += bool(close or often)
    return pd.Series({"carriers": len(carriers), "functions": functions, "near": near}, dtype="int64")
