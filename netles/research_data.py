"""The bundled synthetic research datasets (``data/research/``): how they are made.

Two studies, both entirely synthetic (drawn by :func:`netles.models.synthetic_dataset`, calibrated
to the published figures in REFERENCES.md section 5), with a fixed seed so that
``netles onderzoeksdata --out data/research`` rewrites exactly the bundled files:

``drie_groepen``
    A cross-sectional study of three groups of 40 clients: ``lvb`` (adults with a mild
    intellectual disability living independently), ``ggz`` (mental health care) and ``ouderen``
    (older adults living alone). The ego column ``groep`` holds the group (as does ``group``).
``panel_interventie``
    A panel study with moments: 60 clients (30 ``lvb``, 30 ``ggz``) measured at ``intake``,
    ``evaluatie`` (half a year later) and ``afsluiting`` (a year after intake), in a ``moment``
    column. Half of them (arm ``netwerkcoach``) had a network coach who applied RADIO interventions
    (:mod:`netles.models.radio`) after intake: one or two new network members (a volunteer, a buddy,
    a fellow sufferer, a club), a faded contact revived, and ties looked after; the other half
    (arm ``gebruikelijke_zorg``) had care as usual, and their networks drift as the teaching model
    :func:`netles.models.dynamics.simulate` lets networks drift. The same person keeps the same
    alter id at every moment. Some clients miss a moment (not reached at the evaluation, dropped
    out before the end), as in real panels. The ego column ``begeleider`` holds the (fictional)
    first name of the client's care worker: free text of the kind :func:`netles.anonymise`
    drops, there to show that it does.

Names of alters are left out (every alter would otherwise carry a generated pseudonym). Each folder
gets a README.md saying that the data are synthetic, how they were made and what they hold.
"""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd

from .longtables import Dataset
from .io.atomic import atomic_folder, atomic_write_text

__all__ = ["DEFAULT_SEED", "STUDIES", "MOMENTS", "drie_groepen", "panel_interventie", "write_research_data"]

DEFAULT_SEED = 2025
"""Seed of the bundled datasets."""
STUDIES = ("drie_groepen", "panel_interventie")
"""The names of the bundled studies (folders under ``data/research``)."""
MOMENTS = ("intake", "evaluatie", "afsluiting")
"""The moments of ``panel_interventie``, in order."""
ARMS = ("netwerkcoach", "gebruikelijke_zorg")
"""The two arms of ``panel_interventie``."""
_CARE_WORKERS = ("Marloes", "Joris", "Fatima", "Henk", "Ilse", "Said")


def _without_names(ds: Dataset) -> Dataset:
    alters = ds.alters.drop(columns=[c for c in ("name",) if c in ds.alters.columns])
    return Dataset(ds.egos, alters, ds.ties, source=ds.source, meta=dict(ds.meta))


def drie_groepen(seed: int = DEFAULT_SEED, per_group: int = 40) -> Dataset:
    """Three groups of clients (lvb, ggz, ouderen), ``per_group`` each.

    Examples
    --------
    >>> ds = drie_groepen(per_group=3)
    >>> ds.egos["groep"].value_counts().sort_index().to_dict()
    {'ggz': 3, 'lvb': 3, 'ouderen': 3}
    """
    from .models import synthetic_dataset

    ds = synthetic_dataset(3 * per_group, groups={"lvb": per_group, "ggz": per_group, "ouderen": per_group}, seed=seed)
    egos = ds.egos.assign(groep=ds.egos["group"])
    return _without_names(Dataset(egos, ds.alters, ds.ties, source="netles onderzoeksdata: drie_groepen"))


def _drift(net, rng, months: int, maintenance: float):
    """The network ``months`` later, drifting as :func:`netles.models.dynamics.simulate` lets it."""
    from .models import dynamics

    _, nets = dynamics.simulate(net, steps=months, seed=int(rng.integers(2**31)), carer=False, maintenance=maintenance,
                                give_decline=0.01, decay=0.03, loss=0.12, return_networks=True)
    return nets[-1]


def _coach(net, rng):
    """Half a year of a network coach: one or two new members, perhaps a faded contact revived."""
    from .models import radio

    for _ in range(int(rng.integers(1, 3))):
        others = net.alter_ids
        knows = tuple(rng.choice(others, size=min(len(others), int(rng.integers(0, 3))), replace=False)) if others else ()
        net = radio.add_member(net, str(rng.choice(("volunteer", "buddy", "lotgenoot", "club"))), knows=knows).network
    faded = [a for a in net.alter_ids if net.alter(a).get("status") == "faded"]
    if faded and rng.random() < 0.6:
        net = radio.revive(net, str(rng.choice(faded))).network
    for alter_id in net.alter_ids:
        try:
            net = radio.maintain(net, alter_id).network
        except radio.NotApplicable:
            pass
    return net


def panel_interventie(seed: int = DEFAULT_SEED, n_clients: int = 60) -> Dataset:
    """A panel study: clients measured at intake, evaluatie and afsluiting, with or without a network coach.

    Returns
    -------
    Dataset
        With moments :data:`MOMENTS` (a ``moment`` column in every table). Ego columns
        ``ego_id`` (``p001``...; the same at every moment), ``moment``, ``gender``, ``age`` (a
        year older at afsluiting), ``group`` (``lvb``/``ggz``), ``region``, ``arm``
        (:data:`ARMS`) and ``begeleider`` (a fictional care worker's first name). Not every
        client has every moment.

    Examples
    --------
    >>> ds = panel_interventie(n_clients=6)
    >>> ds.moments, sorted(ds.egos["arm"].unique())
    (['intake', 'evaluatie', 'afsluiting'], ['gebruikelijke_zorg', 'netwerkcoach'])
    >>> sizes = ds.alters.groupby(["ego_id", "moment"]).size()
    >>> int(sizes.loc[("p001", "intake")]) > 0
    True
    """
    from .models import synthetic_dataset

    half = n_clients // 2
    base = synthetic_dataset(n_clients, groups={"lvb": half, "ggz": n_clients - half}, seed=seed + 3)
    rng = np.random.default_rng(seed + 8)
    coached = set(rng.permutation(n_clients)[: n_clients // 2].tolist())
    networks, moments, extra = [], [], []
    for i, ego_id in enumerate(base.ego_ids):
        client = f"p{i + 1:03d}"
        arm = ARMS[0] if i in coached else ARMS[1]
        intake = base.network(ego_id).with_ego(ego_id=client)
        if arm == ARMS[0]:
            evaluatie = _drift(_coach(intake, rng), rng, 6, maintenance=0.5)
            afsluiting = _drift(evaluatie, rng, 6, maintenance=0.5)
        else:
            evaluatie = _drift(intake, rng, 6, maintenance=0.0)
            afsluiting = _drift(evaluatie, rng, 6, maintenance=0.0)
        afsluiting = afsluiting.with_ego(age=int(afsluiting.ego["age"]) + 1)
        chance = rng.random()
        measured = {"intake": intake, "evaluatie": evaluatie, "afsluiting": afsluiting}
        if chance < 0.08:
            del measured["evaluatie"]  # not reached at the evaluation
        elif chance < 0.18:
            del measured["afsluiting"]  # dropped out before the end
        worker = str(rng.choice(_CARE_WORKERS))
        for moment, net in measured.items():
            networks.append(net)
            moments.append(moment)
            extra.append({"arm": arm, "begeleider": worker})
    ds = Dataset.from_networks(networks, source="netles onderzoeksdata: panel_interventie", moments=moments)
    egos = pd.concat([ds.egos.reset_index(drop=True), pd.DataFrame(extra)], axis=1)
    rank = {m: r for r, m in enumerate(MOMENTS)}

    def in_order(frame):  # moment by moment, so that a reader meets the moments in their order
        key = frame["moment"].map(rank)
        return frame.iloc[key.argsort(kind="stable").to_numpy()].reset_index(drop=True)

    out = Dataset(in_order(egos), in_order(ds.alters), in_order(ds.ties), source=ds.source, meta={"moment_order": list(MOMENTS)})
    return _without_names(out)


def _summary(ds: Dataset, by: list[str]) -> str:
    from .profile import profile_many

    profiles = profile_many(ds)
    keys = ["size", "density", "share_family", "share_professional", "share_weekly"]
    index = ["ego_id", "moment"] if ds.has_moments else ["ego_id"]
    egos = ds.egos.astype({c: object for c in {*index, *by}})
    labels = egos.set_index(index)[[b for b in by if b not in index]].reindex(profiles.index).reset_index()
    data = pd.concat([labels[by].reset_index(drop=True), profiles[keys].reset_index(drop=True)], axis=1)
    table = data.groupby(by, sort=True)[keys].mean()
    counts = data.groupby(by, sort=True).size()
    rows = list(table.index)
    if ds.has_moments and "moment" in by:  # moments in their order, not alphabetical
        order = {m: i for i, m in enumerate(ds.moments)}
        at = by.index("moment")
        rows.sort(key=lambda r: tuple(order.get(v, 0) if i == at else v for i, v in enumerate(r)))
    lines = [f"| {' | '.join(by)} | egos | omvang | dichtheid | aandeel familie | aandeel professionals | aandeel wekelijks |",
             "|" + "---|" * (len(by) + 6)]
    for name in rows:
        row = table.loc[name]
        shown = name if isinstance(name, tuple) else (name,)
        lines.append(f"| {' | '.join(map(str, shown))} | {counts.loc[name]} | {row['size']:.1f} | {row['density']:.2f} | "
                     f"{row['share_family']:.2f} | {row['share_professional']:.2f} | {row['share_weekly']:.2f} |")
    return "\n".join(lines)


_README = {
    "drie_groepen": """# drie_groepen: drie groepen cliënten (SYNTHETISCH)

**Let op: deze gegevens zijn synthetisch.** Er zit geen enkele echte persoon in. De netwerken zijn
getrokken met `netles.models.synthetic_dataset` (seed {seed}) en zijn bedoeld om analyses mee te
oefenen, niet om conclusies over echte groepen te trekken.

Opnieuw maken (geeft precies deze bestanden): `netles onderzoeksdata --out data/research --seed {seed}`

## Opzet

Een dwarsdoorsnede-onderzoek met drie groepen van elk {per_group} cliënten, kolom `groep` in `egos.csv`:

- `lvb`: volwassenen met een lichte verstandelijke beperking die zelfstandig wonen; het
  generatiemodel volgt de cijfers van van Asselt-Goverts, Embregts en Hendriks (2013): gemiddeld
  ongeveer 14 mensen in het netwerk, ruim 40% familie en ongeveer een kwart professionals;
- `ggz`: cliënten in de geestelijke gezondheidszorg;
- `ouderen`: alleenwonende ouderen.

Voor `ggz` en `ouderen` bestaan geen vergelijkbare gepubliceerde cijfers; de aannames staan in de
documentatie van `netles.models.synthetic` (PROFILES).

## Bestanden

`egos.csv` (een rij per cliënt: `ego_id`, `gender`, `age`, `group`, `region`, `groep`),
`alters.csv` (een rij per netwerklid, velden van het netles-datamodel, steun als vijf kolommen
`support_<functie>`; geen namen) en `ties.csv` (wie kent wie). Lezen: `netles.read_dataset(pad)`.

## Gemiddelden per groep (berekend met `netles.profile_many`)

{summary}
""",
    "panel_interventie": """# panel_interventie: een panelonderzoek met drie metingen (SYNTHETISCH)

**Let op: deze gegevens zijn synthetisch.** Er zit geen enkele echte persoon in. De netwerken zijn
getrokken met `netles.models.synthetic_dataset` (seed {seed}) en daarna over de tijd veranderd met de
RADIO-interventies van `netles.models.radio` en het lesmodel `netles.models.dynamics.simulate`. Bedoeld
om een analyse van verandering (voor en na, per groep) mee te oefenen.

Opnieuw maken (geeft precies deze bestanden): `netles onderzoeksdata --out data/research --seed {seed}`

## Opzet

{n_clients} cliënten (de helft `lvb`, de helft `ggz`, kolom `group`) zijn drie keer in kaart gebracht:
bij de `intake`, bij de `evaluatie` (een half jaar later) en bij de `afsluiting` (een jaar na de intake).
De kolom `moment` zegt welke meting een rij is; `ego_id` (p001, p002, ...) is bij elke meting dezelfde
persoon, en een netwerklid houdt bij elke meting hetzelfde `alter_id`.

De helft van de cliënten (kolom `arm` = `netwerkcoach`, door loting) kreeg na de intake een
netwerkcoach: één of twee nieuwe mensen in het netwerk (vrijwilliger, maatje, lotgenoot of club), soms een
verwaterd contact dat nieuw leven werd ingeblazen (reanimeren), en aandacht om contacten te onderhouden.
De andere helft (`gebruikelijke_zorg`) kreeg de gewone zorg; hun netwerken veranderen zoals netwerken in het
lesmodel vanzelf veranderen (contacten verwateren, een enkeling verdwijnt).

Zoals in echt panelonderzoek ontbreekt soms een meting: een paar cliënten waren bij de evaluatie niet
bereikbaar, een paar zijn voor de afsluiting gestopt. Bij de afsluiting is iedereen een jaar ouder.

De kolom `begeleider` bevat de (verzonnen) voornaam van de begeleider van de cliënt. Zo'n kolom met vrije
tekst is precies wat niet in gedeelde uitvoer mag komen: `netles anonymise` en `netles rapport` laten hem
weg (tenzij je hem uitdrukkelijk bewaart). Hij staat hier om dat te laten zien.

Analyseren: `netles rapport panel_interventie --group arm --moments intake,afsluiting --out rapport.html`,
of in Python `netles.compare.paired_moments(netles.profile_many(ds), "intake", "afsluiting", group=...)`.

## Bestanden

`egos.csv`, `alters.csv`, `ties.csv` in het netles-mapformaat met een kolom `moment` (geen namen van
netwerkleden). Lezen: `netles.read_dataset(pad)`.

## Gemiddelden per arm en meting (berekend met `netles.profile_many`)

{summary}
""",
}


def write_research_data(out: str | os.PathLike, seed: int = DEFAULT_SEED, studies=STUDIES) -> list[Path]:
    """Generate the synthetic research datasets and write each as a netles CSV folder with a README.

    Parameters
    ----------
    out : path-like
        The parent folder (``data/research``); one subfolder per study.
    seed : int
        Random seed (default :data:`DEFAULT_SEED`, the bundled data).
    studies : iterable of str
        Which of :data:`STUDIES` to write.

    Returns
    -------
    list of pathlib.Path
        The study folders written.
    """
    from .io.write import write_dataset

    out = Path(out)
    written = []
    for study in studies:
        if study == "drie_groepen":
            ds, by, fields = drie_groepen(seed), ["groep"], {"per_group": 40}
        elif study == "panel_interventie":
            ds, by, fields = panel_interventie(seed), ["arm", "moment"], {"n_clients": 60}
        else:
            raise ValueError(f"unknown study {study!r}; choose from {STUDIES}")
        folder = out / study
        readme = _README[study].format(seed=seed, summary=_summary(ds, by), **fields)
        with atomic_folder(folder) as tmp:  # a study folder is replaced whole or not at all
            write_dataset(ds, tmp, format="csv")
            atomic_write_text(tmp / "README.md", readme)
        written.append(folder)
    return written
