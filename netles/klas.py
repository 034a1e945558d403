"""Class results: the networks a class handed in, anonymised, as a dataset and an offline report.

Students map their own network (with pseudonyms) in an assignment and hand in the saved netles
JSON file. :func:`collect` reads a folder of such files, skips every file that cannot be used
(whatever is wrong with it: broken JSON, invalid values, unreadable bytes, a file that makes the
reader fail in any way) and lists it with the reason, without stopping; it anonymises the rest
with :func:`netles.anonymise.anonymise` (keyed pseudonyms with a key that is thrown away, no names
or free text, age bands, k-anonymity on the ego's age band and gender) and writes one output
folder, whole or not at all (a failure, such as a full disk, leaves the previous output as it was):

- ``dataset/`` (``egos.csv``, ``alters.csv``, ``ties.csv``): the class dataset, readable with
  :func:`netles.read_dataset`;
- ``rapport.html``: a report to share with the class that works offline (plotly embedded): the
  spread of size, density and support coverage in the class, the make-up of the networks, and
  where the class stands against published figures (REFERENCES.md section 5); skipped files
  appear only as counts per kind of problem;
- ``alleen_voor_docent/overgeslagen.csv``: the files that were skipped and why, with the details
  (file names, ids, values): for the teacher only, and named so.

Everything in the shared outputs is computed from the anonymised dataset, so the teacher can
discuss "our networks" without anyone's network being recognisable. CSV files are
spreadsheet-safe (:mod:`netles.spreadsheet`).

References
----------
.. [1] van Asselt-Goverts, A. E., Embregts, P. J. C. M., & Hendriks, A. H. C. (2013). Structural and
   functional characteristics of the social networks of people with mild intellectual disabilities.
   *Research in Developmental Disabilities*, 34(4), 1280-1288.
.. [2] CBS (2019). Sociale contacten en maatschappelijke participatie.
"""
from __future__ import annotations

import html
import json
import math
import secrets
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from . import metrics
from .anonymise import anonymise
from .longtables import Dataset
from .errors import ValidationError
from .io.atomic import atomic_folder, atomic_write_text
from .io.write import write_dataset
from .io.netles_json import read_network
from .spreadsheet import to_csv

__all__ = ["ClassResult", "collect", "class_profile", "compare_published", "PUBLISHED", "report_html", "TEACHER_ONLY",
           "SKIPPED_FILE", "OUTPUT_NAMES"]

TEACHER_ONLY = "alleen_voor_docent"
"""The subfolder of the output with what only the teacher may see."""
SKIPPED_FILE = "overgeslagen.csv"
"""In :data:`TEACHER_ONLY`: the skipped files with the reason."""
OUTPUT_NAMES = ("dataset", "rapport.html", TEACHER_ONLY)
"""What :func:`collect` writes into its output folder (a folder holding anything else is not replaced)."""

KINDS = {
    "json": "geen leesbaar netles-bestand",
    "invalid": "een ongeldige waarde in het netwerk",
    "empty": "een leeg netwerk",
    "open": "het bestand kon niet worden geopend",
    "other": "het bestand gaf een onverwachte fout bij het lezen",
}
"""Kinds of skipped files, as the shared report counts them."""

PUBLISHED = {
    "size": (14.2, "gemiddelde omvang bij volwassenen met een lichte verstandelijke beperking "
                   "(bereik 4-28; van Asselt-Goverts e.a. 2013)"),
    "share_family": (0.427, "aandeel familie, zelfde onderzoek"),
    "share_society": (0.328, "aandeel vrienden, collega's, buren en kennissen, zelfde onderzoek"),
    "share_professional": (0.245, "aandeel professionals, zelfde onderzoek"),
    "weekly_any": (0.96, "Nederlanders van 15+ met minstens wekelijks contact met familie, vrienden of buren (CBS 2019)"),
    "weekly_family": (0.83, "Nederlanders van 15+ met minstens wekelijks contact met familie (CBS 2018)"),
    "weekly_neighbour": (0.58, "Nederlanders van 15+ met minstens wekelijks contact met buren (CBS 2018)"),
}
"""Published figures the class is compared with (REFERENCES.md section 5): key -> (value, source in words)."""

_WEEKLY = ("daily", "weekly")
_FRIENDS_ETC = ("friend", "colleague", "neighbour", "acquaintance", "fellow_student", "club_member")


@dataclass
class ClassResult:
    """What :func:`collect` did.

    Attributes
    ----------
    n_files : int
        Network files found.
    n_networks : int
        Networks in the anonymised class dataset (after k-anonymity).
    rejected : list of (str, str)
        Files that were skipped: file name and the reason.
    rejected_kinds : dict
        Kind of problem (:data:`KINDS`) -> number of files skipped for it.
    n_suppressed : int
        Valid networks left out by k-anonymity.
    dataset_dir, report : Path
        Where the dataset and the report were written.
    profile : pandas.DataFrame
        The class profile (one row per anonymised network).
    """

    n_files: int
    n_networks: int
    rejected: list = field(default_factory=list)
    rejected_kinds: dict = field(default_factory=dict)
    n_suppressed: int = 0
    dataset_dir: Path | None = None
    report: Path | None = None
    profile: pd.DataFrame | None = None


def _read_one(path: Path):
    """The network in a student's file, or the kind of problem and the reason it cannot be used.

    Any exception while reading skips the file (one broken file never stops the class); only an
    interrupt (Ctrl-C) goes through.
    """
    try:
        net = read_network(path)
    except ValidationError as exc:
        reason = "; ".join(str(p) for p in exc.problems) or str(exc)
        kind = "json" if any("JSON" in str(p) or "truncated" in str(p) for p in exc.problems) else "invalid"
        return None, kind, reason.replace(str(path), path.name)
    except (ValueError, UnicodeDecodeError) as exc:
        return None, "json", f"geen leesbaar netles-bestand ({exc.__class__.__name__}: {exc})".replace(str(path), path.name)
    except OSError as exc:
        return None, "open", f"kan het bestand niet openen ({exc})".replace(str(path), path.name)
    except Exception as exc:  # noqa: BLE001 - whatever goes wrong in one student's file, the class goes on
        return None, "other", f"onverwachte fout bij het lezen ({exc.__class__.__name__}: {exc})".replace(str(path), path.name)
    if net.size == 0:
        return None, "empty", "het netwerk is leeg (geen netwerkleden)"
    return net, None, None


def class_profile(ds: Dataset) -> pd.DataFrame:
    """The class profile: per network the measures the report shows.

    Columns ``size``, ``density``, ``support_coverage``, ``share_family``, ``share_society``
    (friends, colleagues, neighbours, acquaintances, fellow students, club members),
    ``share_professional``, ``weekly_any`` / ``weekly_family`` / ``weekly_neighbour`` (1 when at
    least one such alter is seen daily or weekly, else 0). Works on an anonymised dataset (it needs
    no names, ages or travel times).

    Examples
    --------
    >>> from netles import datasets
    >>> p = class_profile(Dataset.from_networks([datasets.load_case("voorbeeld")]))
    >>> p.round(3).iloc[0].to_dict()
    {'size': 6.0, 'density': 0.267, 'support_coverage': 4.0, 'share_family': 0.5, 'share_society': 0.333, 'share_professional': 0.167, 'weekly_any': 1.0, 'weekly_family': 1.0, 'weekly_neighbour': 1.0}
    """
    rows = []
    for net in ds.networks():
        alters = net.alters
        weekly = alters["contact"].isin(_WEEKLY) if "contact" in alters else pd.Series(False, index=alters.index)
        relation = alters["relation"]
        family = alters["sector"] == "family"
        rows.append({
            "ego_id": net.ego_id,
            "size": float(metrics.size(net)),
            "density": metrics.density(net),
            "support_coverage": float(metrics.support_coverage(net)),
            "share_family": metrics.share_family(net),
            "share_society": float(relation.isin(_FRIENDS_ETC).mean()) if len(alters) else math.nan,
            "share_professional": metrics.share_professional(net),
            "weekly_any": float((weekly & (family | relation.isin(("friend", "neighbour")))).any()),
            "weekly_family": float((weekly & family).any()),
            "weekly_neighbour": float((weekly & (relation == "neighbour")).any()),
        })
    columns = ["size", "density", "support_coverage", "share_family", "share_society", "share_professional",
               "weekly_any", "weekly_family", "weekly_neighbour"]
    frame = pd.DataFrame(rows, columns=["ego_id", *columns])
    return frame.set_index("ego_id")[columns]


def compare_published(profile: pd.DataFrame) -> pd.DataFrame:
    """The class next to the published figures: one row per figure of :data:`PUBLISHED`.

    Columns ``klas`` (class mean, or share of students for the weekly-contact rows),
    ``gepubliceerd``, ``bron``.
    """
    rows = []
    for key, (value, source) in PUBLISHED.items():
        class_value = float(profile[key].mean()) if len(profile) else math.nan
        rows.append((key, class_value, value, source))
    return pd.DataFrame(rows, columns=["kenmerk", "klas", "gepubliceerd", "bron"]).set_index("kenmerk")


_LABELS = {
    "size": "gemiddelde omvang",
    "share_family": "aandeel familie",
    "share_society": "aandeel vrienden, buren, collega's en kennissen",
    "share_professional": "aandeel professionals",
    "weekly_any": "wekelijks contact met familie, vrienden of buren",
    "weekly_family": "wekelijks contact met familie",
    "weekly_neighbour": "wekelijks contact met buren",
}


def _fmt(key: str, value: float) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if key == "size":
        return f"{value:.1f}".replace(".", ",")
    return f"{100 * value:.0f}%"


_QI_WORDS = {"age_band": "leeftijdsgroep", "gender": "gender", "group": "groep", "region": "regio"}


def _words(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def report_html(profile: pd.DataFrame, n_files: int, n_rejected: int | dict, n_suppressed: int, k: int,
                quasi_identifiers=("age_band", "gender")) -> str:
    """The offline class report (plotly.js embedded once; no request to any server).

    ``n_rejected`` is the number of skipped files, or a dict kind -> number (see :data:`KINDS`):
    the report shows counts per kind, never a file name.
    """
    import plotly.graph_objects as go
    from plotly.offline import get_plotlyjs

    figures = []

    def hist(column, title, xlabel, nbins=None, xrange=None):
        fig = go.Figure(go.Histogram(x=profile[column].dropna(), nbinsx=nbins, marker_color="#4c72b0"))
        fig.update_layout(title=title, xaxis_title=xlabel, yaxis_title="aantal studenten", bargap=0.05,
                          height=340, margin=dict(l=50, r=20, t=50, b=50))
        if xrange:
            fig.update_xaxes(range=xrange)
        figures.append(fig)

    hist("size", "Omvang van de netwerken", "aantal netwerkleden")
    hist("density", "Dichtheid: hoeveel netwerkleden kennen elkaar?", "dichtheid (0 = niemand, 1 = iedereen)",
         nbins=10, xrange=[0, 1])
    coverage = profile["support_coverage"].value_counts().reindex(range(6), fill_value=0)
    fig = go.Figure(go.Bar(x=list(range(6)), y=coverage.to_numpy(), marker_color="#55a868"))
    fig.update_layout(title="Hoeveel van de vijf soorten steun zijn er?", xaxis_title="steunfuncties gedekt (van 5)",
                      yaxis_title="aantal studenten", height=340, margin=dict(l=50, r=20, t=50, b=50))
    figures.append(fig)
    parts = ["share_family", "share_society", "share_professional"]
    comp = go.Figure([
        go.Bar(name="onze klas (gemiddeld)", x=[_LABELS[p] for p in parts], y=[float(profile[p].mean()) for p in parts]),
        go.Bar(name="volwassenen met een LVB (2013)", x=[_LABELS[p] for p in parts], y=[PUBLISHED[p][0] for p in parts]),
    ])
    comp.update_layout(title="Samenstelling van het netwerk", yaxis_tickformat=".0%", barmode="group", height=360,
                       margin=dict(l=50, r=20, t=50, b=80))
    figures.append(comp)

    table = compare_published(profile)
    rows = "".join(
        f"<tr><td>{html.escape(_LABELS[key])}</td><td>{_fmt(key, r.klas)}</td><td>{_fmt(key, r.gepubliceerd)}</td>"
        f"<td>{html.escape(r.bron)}</td></tr>"
        for key, r in table.iterrows()
    )
    describe = profile[["size", "density", "support_coverage"]].describe().T
    def num(value: float) -> str:
        return (f"{value:g}" if float(value).is_integer() else f"{value:.2f}").replace(".", ",")

    spread = "".join(
        f"<tr><td>{label}</td><td>{num(describe.loc[key, 'min'])}</td><td>{num(describe.loc[key, '50%'])}</td>"
        f"<td>{num(describe.loc[key, 'max'])}</td></tr>"
        for key, label in (("size", "omvang"), ("density", "dichtheid"), ("support_coverage", "steunfuncties gedekt"))
    ) if len(profile) else ""
    divs = "\n".join(f.to_html(full_html=False, include_plotlyjs=False, config={"displaylogo": False}) for f in figures)
    kinds = n_rejected if isinstance(n_rejected, dict) else ({"other": n_rejected} if n_rejected else {})
    total = sum(kinds.values())
    per_kind = "".join(f"<li>{count}: {html.escape(KINDS.get(kind, kind))}</li>" for kind, count in kinds.items() if count)
    skipped = (f"<p>{total} bestand(en) konden niet worden gebruikt; je docent heeft de lijst.</p><ul>{per_kind}</ul>"
               if total else "")
    qi = _words([_QI_WORDS.get(q, q) for q in quasi_identifiers] or ["kenmerken"])
    suppressed = (f"<p>{n_suppressed} netwerk(en) zijn weggelaten omdat hun combinatie van {html.escape(qi)} "
                  f"minder dan {k} keer voorkwam (k-anonimiteit).</p>" if n_suppressed else "")
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Onze netwerken: klasresultaat</title>
<script type="text/javascript">{get_plotlyjs()}</script>
<style>
body {{ font-family: sans-serif; max-width: 980px; margin: 2em auto; line-height: 1.45; color: #222; }}
table {{ border-collapse: collapse; margin: 1em 0; }}
td, th {{ border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }}
th {{ background: #f2f2f2; }}
</style>
</head>
<body>
<h1>Onze netwerken</h1>
<p>{len(profile)} netwerken van {n_files} ingeleverde bestanden. Alles is geanonimiseerd: er staan geen namen in,
de nummers zijn willekeurig en kunnen niet worden teruggerekend, en leeftijden zijn grof ingedeeld. Dit rapport
toont alleen verdelingen en gemiddelden van de klas.</p>
{skipped}{suppressed}
<h2>Verdeling in de klas</h2>
<table><tr><th>kenmerk</th><th>laagste</th><th>middelste (mediaan)</th><th>hoogste</th></tr>{spread}</table>
{divs}
<h2>Waar staat de klas?</h2>
<p>Ter vergelijking een paar gepubliceerde cijfers. Let op: het zijn andere groepen (volwassenen met een lichte
verstandelijke beperking; alle Nederlanders van 15 jaar en ouder) en ze zijn op een andere manier gemeten. Gebruik ze
als aanleiding voor het gesprek, niet als norm.</p>
<table><tr><th>kenmerk</th><th>onze klas</th><th>gepubliceerd</th><th>bron</th></tr>{rows}</table>
<p>Bij de rijen over wekelijks contact is "onze klas" het aandeel studenten met minstens één zo'n contact dat ze
dagelijks of wekelijks zien of spreken.</p>
</body>
</html>
"""


def collect(folder: str | Path, out: str | Path | None = None, k: int = 3, key: bytes | str | None = None) -> ClassResult:
    """Collect a class's network files into an anonymised dataset and an offline report.

    Parameters
    ----------
    folder : path
        The folder with the handed-in files (``*.json``, not recursive).
    out : path, optional
        Output folder (default ``<folder>/klasresultaat``). It is built beside its place and
        swapped in whole when everything is written; a failure leaves the previous output as it
        was. It must not be ``folder`` itself.
    k : int
        k-anonymity on the ego's age band and gender (default 3): a network whose combination
        occurs fewer than ``k`` times is left out.
    key : bytes or str, optional
        Key for the pseudonyms. Default: a fresh random key that is not kept, so nobody can link
        the pseudonyms back to the students.

    Returns
    -------
    ClassResult

    Raises
    ------
    FileNotFoundError
        If ``folder`` is not a folder.
    ValueError
        If ``out`` is ``folder`` or holds it (the handed-in files would be replaced).
    OSError
        If the output cannot be written (the previous output is then untouched).
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} is geen map")
    out = Path(out) if out is not None else folder / "klasresultaat"
    if out.resolve() == folder.resolve() or out.resolve() in folder.resolve().parents:
        raise ValueError(f"{out} is de map met de ingeleverde bestanden (of bevat die); kies een andere uitvoermap")
    files = sorted(p for p in folder.glob("*.json") if p.is_file())
    networks, rejected, kinds, seen = [], [], {}, {}
    for path in files:
        net, kind, reason = _read_one(path)
        if net is None:
            rejected.append((path.name, reason))
            kinds[kind] = kinds.get(kind, 0) + 1
            continue
        # ego ids are whatever students typed; make them unique before folding (they are pseudonymised anyway)
        ego_id = net.ego_id or path.stem
        seen[ego_id] = seen.get(ego_id, 0) + 1
        if seen[ego_id] > 1 or net.ego_id is None:
            net = net.with_ego(ego_id=f"{ego_id}#{seen[ego_id]}")
        networks.append(net)
    ds = Dataset.from_networks(networks, source="klas")
    anon, report = anonymise(ds, key=key or secrets.token_hex(32), k=k)
    profile = class_profile(anon)
    page = report_html(profile, len(files), kinds, report.n_suppressed, k, report.quasi_identifiers)
    skipped = pd.DataFrame(rejected, columns=["bestand", "reden"])
    with atomic_folder(out) as tmp:
        write_dataset(anon, tmp / "dataset")
        atomic_write_text(tmp / "rapport.html", page)
        (tmp / TEACHER_ONLY).mkdir()
        atomic_write_text(tmp / TEACHER_ONLY / SKIPPED_FILE, to_csv(skipped, index=False))
    return ClassResult(len(files), len(anon), rejected, kinds, report.n_suppressed, out / "dataset", out / "rapport.html",
                       profile)
