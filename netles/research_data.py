"""The bundled synthetic research datasets (``data/research/``): how they are made.

Two studies, both entirely synthetic (drawn by :func:`netles.models.synthetic_dataset`, calibrated
to the published figures in REFERENCES.md section 5), with a fixed seed so that
``netles onderzoeksdata --out data/research`` rewrites exactly the bundled files:

``drie_groepen``
    A cross-sectional study of three groups of 40 clients: ``lvb`` (adults with a mild
    intellectual disability living independently), ``ggz`` (mental health care) and ``ouderen``
    (older adults living alone). The ego column ``groep`` holds the group (as does ``group``).
``pilot_voor_na``
    A before/after pilot with 40 clients (20 ``lvb``, 20 ``ggz``) measured twice (``meting``
    ``voor`` and ``na``, linked by the study number ``client``). Between the two measurements a
    network coach applied RADIO interventions (:mod:`netles.models.radio`): most clients got one or
    two new network members (a volunteer, a buddy, a fellow sufferer or a club), some had a faded
    contact revived; a few clients did not take part in anything and are unchanged.

Names are left out (every alter would otherwise carry a generated pseudonym). Each folder gets a
README.md saying that the data are synthetic, how they were made and what they hold.
"""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd

from .dataset import Dataset
from .io.atomic import atomic_write_text

__all__ = ["DEFAULT_SEED", "STUDIES", "drie_groepen", "pilot_voor_na", "write_research_data"]

DEFAULT_SEED = 2025
"""Seed of the bundled datasets."""
STUDIES = ("drie_groepen", "pilot_voor_na")
"""The names of the bundled studies (folders under ``data/research``)."""


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


def pilot_voor_na(seed: int = DEFAULT_SEED, n_clients: int = 40) -> Dataset:
    """A before/after network-strengthening pilot: each client measured ``voor`` and ``na``.

    Returns
    -------
    Dataset
        ``2 * n_clients`` egos ``c01-voor``, ``c01-na``...; ego columns ``client``, ``meting``
        (``voor``/``na``), ``group``, ``interventie`` (what the coach did, in Dutch).

    Examples
    --------
    >>> ds = pilot_voor_na(n_clients=4)
    >>> ds.egos[["ego_id", "client", "meting"]].head(2).values.tolist()
    [['c01-voor', 'c01', 'voor'], ['c01-na', 'c01', 'na']]
    >>> sizes = ds.alters.groupby("ego_id").size()
    >>> bool((sizes.filter(like="-na").to_numpy() >= sizes.filter(like="-voor").to_numpy()).all())
    True
    """
    from .models import radio, synthetic_dataset

    half = n_clients // 2
    base = synthetic_dataset(n_clients, groups={"lvb": half, "ggz": n_clients - half}, seed=seed + 1)
    rng = np.random.default_rng(seed + 2)
    networks, ego_extra = [], []
    kinds = ("volunteer", "buddy", "lotgenoot", "club")
    for i, ego_id in enumerate(base.ego_ids):
        client = f"c{i + 1:02d}"
        before = base.network(ego_id)
        after, done = before, []
        if rng.random() >= 0.15:  # most clients take part in the pilot
            for _ in range(int(rng.integers(1, 3))):
                others = after.alter_ids
                knows = tuple(rng.choice(others, size=min(len(others), int(rng.integers(0, 2))), replace=False)) if others else ()
                result = radio.add_member(after, str(rng.choice(kinds)), knows=knows)
                after, done = result.network, done + [result.name + f" ({result.network.alter(result.alter_id)['relation']})"]
            faded = [a for a in after.alter_ids if after.alter(a).get("status") == "faded"]
            if faded and rng.random() < 0.5:
                result = radio.revive(after, str(rng.choice(faded)))
                after, done = result.network, done + [result.name]
        summary = "; ".join(done) or "geen (niet deelgenomen)"
        for meting, net in (("voor", before), ("na", after)):
            networks.append(net.with_ego(ego_id=f"{client}-{meting}"))
            ego_extra.append({"client": client, "meting": meting, "interventie": summary if meting == "na" else ""})
    ds = Dataset.from_networks(networks, source="netles onderzoeksdata: pilot_voor_na")
    extra = pd.DataFrame(ego_extra)
    egos = pd.concat([ds.egos.reset_index(drop=True), extra], axis=1)
    return _without_names(Dataset(egos, ds.alters, ds.ties, source=ds.source))


def _summary(ds: Dataset, by: str) -> str:
    from .profile import profile_many

    profiles = profile_many(ds)
    groups = ds.egos.set_index("ego_id")[by]
    table = profiles.groupby(groups.reindex(profiles.index).to_numpy())[["size", "density", "share_family", "share_professional", "share_weekly"]].mean()
    lines = ["| " + by + " | egos | omvang | dichtheid | aandeel familie | aandeel professionals | aandeel wekelijks |", "|---|---|---|---|---|---|---|"]
    counts = groups.value_counts()
    for name, row in table.iterrows():
        lines.append(f"| {name} | {counts[name]} | {row['size']:.1f} | {row['density']:.2f} | {row['share_family']:.2f} | "
                     f"{row['share_professional']:.2f} | {row['share_weekly']:.2f} |")
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
    "pilot_voor_na": """# pilot_voor_na: een pilot netwerkversterking, voor- en nameting (SYNTHETISCH)

**Let op: deze gegevens zijn synthetisch.** Er zit geen enkele echte persoon in. De netwerken zijn
getrokken met `netles.models.synthetic_dataset` (seed {seed}) en daarna met de RADIO-interventies
van `netles.models.radio` veranderd. Bedoeld om een voor/na-analyse mee te oefenen.

Opnieuw maken (geeft precies deze bestanden): `netles onderzoeksdata --out data/research --seed {seed}`

## Opzet

{n_clients} cliënten (de helft `lvb`, de helft `ggz`, kolom `group`) zijn twee keer in kaart gebracht:
`meting` = `voor` en `na`. De kolom `client` (studienummer c01, c02, ...) koppelt de twee metingen;
`ego_id` is `<client>-<meting>`. Tussen de metingen heeft een netwerkcoach bij de meeste cliënten één
of twee nieuwe mensen in het netwerk gebracht (vrijwilliger, maatje, lotgenoot of club) en soms een
verwaterd contact nieuw leven ingeblazen (reanimeren). Een paar cliënten deden niet mee; hun netwerk
is bij de nameting gelijk. Wat er per cliënt gebeurde staat in de kolom `interventie`.

## Bestanden

`egos.csv`, `alters.csv`, `ties.csv` in het netles-mapformaat (geen namen). Lezen:
`netles.read_dataset(pad)`; koppelen voor/na: `netles.compare.paired_profiles(profielen, ds.egos)`.

## Gemiddelden per meting (berekend met `netles.profile_many`)

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
    from .io.dataset import write_dataset

    out = Path(out)
    written = []
    for study in studies:
        if study == "drie_groepen":
            ds, by, fields = drie_groepen(seed), "groep", {"per_group": 40}
        elif study == "pilot_voor_na":
            ds, by, fields = pilot_voor_na(seed), "meting", {"n_clients": 40}
        else:
            raise ValueError(f"unknown study {study!r}; choose from {STUDIES}")
        folder = out / study
        write_dataset(ds, folder, format="csv")
        atomic_write_text(folder / "README.md", _README[study].format(seed=seed, summary=_summary(ds, by), **fields))
        written.append(folder)
    return written
