"""``netles profile``, ``netles rapport`` and ``netles onderzoeksdata``: the research commands.

Every argument is checked before the work starts (a path that does not exist, a folder where a
file is needed, an output that cannot be written, a ``--group`` column or a moment the dataset
does not have, a ``--k`` below 1): the ``netles`` command then prints one line and exits with
status 2. Outputs appear whole or not at all.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import tempfile
from pathlib import Path

from ..errors import UsageError
from ..checks import at_least, existing_path, output_file, output_folder
from .reading import add_reading_options, read_from_args, require_egos

__all__ = ["register", "run_profile", "run_rapport", "run_onderzoeksdata", "render_report", "resolve_dataset",
           "details_path", "LESSON_ONLY"]

NOTEBOOK = "05_onderzoek.ipynb"
LESSON_ONLY = "alleen-les"
"""Tag of the cells of notebook 05 that belong to the lesson, not to a research report."""
_CHECK_KEY = "netles rapport: pre-check key, never written"


def register(subparsers) -> None:
    """Add the ``profile``, ``rapport`` and ``onderzoeksdata`` subcommands."""
    p = subparsers.add_parser(
        "profile",
        help="compute the quality profile of every person in a dataset",
        description=(
            "Compute the quality profile (size, density, constraint, share of family, support "
            "coverage and the rest) of every ego in a dataset: one row per person (per person and "
            "moment when the dataset has moments). DATASET is a "
            "dataset folder or file (anything netles validate reads), a folder partitioned by ego "
            "(for very large data, see docs/research.md), or the name of a bundled research "
            "dataset such as drie_groepen. Egos with problems in the data are left out and "
            "reported. With --engine dask the work is spread over a Dask cluster: a local one "
            "on this machine, or the cluster at --scheduler. A CSV file is spreadsheet-safe: a "
            "text cell that a spreadsheet would run as a formula starts with an apostrophe."
        ),
    )
    p.add_argument("dataset", help="dataset folder or file, or the name of a bundled research dataset")
    p.add_argument("--engine", choices=("pandas", "dask"), default="pandas", help="pandas (one process, the default) or dask (many workers)")
    p.add_argument("--out", metavar="FILE", help="write the profiles to FILE (.csv or .parquet); without it a summary is printed")
    p.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: address of a running Dask scheduler, e.g. tcp://host:8786 (default: start a local cluster)")
    p.add_argument("--workers", type=int, default=2, help="with --engine dask and no --scheduler: number of local worker processes (default 2)")
    p.add_argument("--strong-circle", type=int, default=2, metavar="N", help="alters in circle N or closer count as strong ties (default 2)")
    p.add_argument("--max-minutes", type=float, default=30, metavar="M", help="travel time in minutes within which someone counts as reachable (default 30)")
    add_reading_options(p)
    p.set_defaults(func=run_profile, messages="en")

    p = subparsers.add_parser(
        "rapport",
        help="write a research report (HTML) comparing groups, or moments, in a dataset",
        description=(
            "Run the research notebook (notebooks/05_onderzoek.ipynb) on a dataset and save the "
            "result as one HTML file: the data check (problems as counts per kind), the "
            "anonymisation (which columns were kept and why), the profile of every person, the "
            "comparison of the groups in column KOLOM and, with --moments, the change between two "
            "moments per group, each with a 95% interval. The file opens in any browser without "
            "an internet connection (the plotting library is inside it) and holds no id, name or "
            "raw value: the details of the problems go to a separate file beside it, "
            "<name>_problemen_alleen_voor_onderzoeker.csv, which is for the researcher only."
        ),
    )
    p.add_argument("dataset", help="dataset folder, or the name of a bundled research dataset (drie_groepen, panel_interventie)")
    p.add_argument("--group", metavar="KOLOM", help="the column of the ego table that holds the groups to compare (e.g. groep, arm)")
    p.add_argument("--moments", metavar="VOOR,NA", help="two moments of a dataset with moments, e.g. intake,afsluiting: show the change per group")
    p.add_argument("--out", required=True, metavar="FILE", help="the HTML file to write, e.g. rapport.html")
    p.add_argument("--kenmerken", metavar="LIJST", help="metrics to compare, separated by commas (default: a standard selection)")
    p.add_argument("--k", type=int, default=5, help="smallest group size for k-anonymity before the analysis (default 5)")
    p.add_argument("--taal", choices=("nl", "en"), default="nl", help="language of the report (default nl)")
    p.add_argument("--keep-notebook", metavar="FILE", help="also keep the executed notebook")
    add_reading_options(p)
    p.set_defaults(func=run_rapport, messages="en")

    p = subparsers.add_parser(
        "onderzoeksdata",
        help="(re)generate the bundled synthetic research datasets",
        description=(
            "Generate the synthetic research datasets that come with netles (drie_groepen and "
            "panel_interventie) with a fixed seed, each as a folder with egos.csv, alters.csv, "
            "ties.csv and a README.md. With the default seed the output is identical to the "
            "bundled data/research folders. The data are synthetic: no real person is in them."
        ),
    )
    p.add_argument("--out", default="data/research", metavar="DIR", help="parent folder to write into (default data/research)")
    p.add_argument("--seed", type=int, default=None, help="random seed (default: the seed of the bundled data)")
    p.set_defaults(func=run_onderzoeksdata, messages="en")


def resolve_dataset(name: str) -> Path:
    """A path as given if it exists, else the bundled research dataset of that name.

    Raises
    ------
    UsageError
        If it is neither (the message lists the bundled datasets).
    """
    path = Path(name)
    if path.exists():
        return existing_path(path, "any", lang="en")
    from ..datasets import research_path

    try:
        return research_path(name)
    except KeyError as exc:
        raise UsageError(f"{name} does not exist, and there is {exc.args[0]}") from None


def _write_table(frame, out: Path) -> None:
    import io

    from ..io.atomic import atomic_write_bytes, atomic_write_text
    from ..spreadsheet import to_csv

    if out.suffix.lower() == ".parquet":
        buffer = io.BytesIO()
        # pandas stores DataFrame.attrs as JSON in the Parquet metadata; the Dask engine's attrs hold
        # the validation report, which is no JSON (TypeError). The report was printed already.
        plain = frame.copy(deep=False)
        plain.attrs = {}
        plain.to_parquet(buffer)
        atomic_write_bytes(out, buffer.getvalue())
    else:
        atomic_write_text(out, to_csv(frame))


def run_profile(args: argparse.Namespace) -> int:
    """Profile a dataset with pandas or Dask; write or summarise the result."""
    import sys

    from ..profile import profile_many
    from ..scaleout import is_partitioned, open_client, profile_many_dask, read_partitioned

    path = resolve_dataset(args.dataset)
    at_least(args.workers, 1, "--workers", lang="en")
    most = 4 * (os.cpu_count() or 1)
    if args.engine == "dask" and args.scheduler is None and args.workers > most:
        # each local worker is a process: thousands of them would hang the machine instead of failing
        raise UsageError(f"--workers must be at most {most} on this computer (4 per processor), not {args.workers}")
    if not 1 <= args.strong_circle <= 4:
        raise UsageError(f"--strong-circle must be 1, 2, 3 or 4 (the circles of the netwerkcirkel), not {args.strong_circle}")
    if args.max_minutes != args.max_minutes:  # NaN: every comparison is false, so nobody would count as reachable
        raise UsageError(f"--max-minutes must be a number of minutes, not {args.max_minutes}")
    at_least(args.max_minutes, 0, "--max-minutes", lang="en")
    partitioned = is_partitioned(path)
    out = Path(args.out) if args.out else None
    folder_out = out is not None and args.engine == "dask" and partitioned and out.suffix.lower() == ".parquet"
    if out is not None:
        output_folder(out, lang="en") if folder_out else output_file(out, suffixes=(".csv", ".parquet"), lang="en")
    options = dict(strong_max_circle=args.strong_circle, max_minutes=args.max_minutes)
    ds = None
    if not partitioned:
        ds = read_from_args(args, path)
        require_egos(ds, args.dataset)
        report = ds.meta.get("problems")
        if report is not None and (getattr(report, "problems", None) or getattr(report, "warnings", None)):
            print(f"netles: {report}", file=sys.stderr)
    if args.engine == "pandas":
        profiles = profile_many(ds if ds is not None else read_partitioned(path), progress=None, **options)
    else:
        client = open_client(args.scheduler, workers=args.workers)
        try:
            if folder_out:
                profile_many_dask(path, out=out, client=client, **options)
                print(f"profiles written to {out} (one Parquet file per partition)")
                return 0
            profiles = profile_many_dask(ds if ds is not None else path, client=client, **options)
        finally:
            from ..scaleout import _close

            _close(client)
    if out is not None:
        try:
            out.parent.mkdir(parents=True, exist_ok=True)  # as rapport does; else the error names a temporary file
            _write_table(profiles, out)
        except OSError as exc:
            _failed_write(exc, out, "is as it was")
        print(f"{len(profiles)} profiles written to {out}")
    else:
        print(f"{len(profiles)} egos profiled. Mean per metric:")
        print(profiles.mean(numeric_only=True).round(3).to_string())
    return 0


def _failed_write(exc: OSError, out: Path, previous: str) -> None:
    """A write that failed (a full disk, no permission): one line that says nothing was written and
    that the previous output, if any, is untouched."""
    from ..checks import describe_os_error

    kept = f"; {out} {previous}" if out.exists() else ""
    raise UsageError(f"{describe_os_error(exc, 'en')}; nothing was written{kept}") from None


def _notebook_path() -> Path:
    from ..lessons import notebooks_dir

    return notebooks_dir() / NOTEBOOK


def details_path(out: str | os.PathLike) -> Path:
    """The file beside a report ``out`` that holds the problems in detail (ids, rows, raw values):
    for the researcher only, never to be shared, and named so.

    Examples
    --------
    >>> details_path("verslag/rapport.html").as_posix()
    'verslag/rapport_problemen_alleen_voor_onderzoeker.csv'
    """
    out = Path(out)
    return out.with_name(f"{out.stem}_problemen_alleen_voor_onderzoeker.csv")


def _details_table(report):
    """Every problem and note of a validation report, one row each (for the researcher only)."""
    import pandas as pd

    frames = []
    for kind, items in (("probleem", report.problems if report is not None else []),
                        ("notitie", report.warnings if report is not None else [])):
        columns = ["file", "row", "ego", "moment", "alter", "field", "value", "message", "allowed"]
        frame = pd.DataFrame([{c: getattr(p, c) for c in columns} for p in items], columns=columns)
        frames.append(frame.assign(soort=kind)[["soort", *columns]])
    return pd.concat(frames, ignore_index=True)


def _report_notebook(taal: str):
    """Notebook 05 as a report: without the cells that belong to the lesson, in language ``taal``."""
    import nbformat

    from ..lessons import localise

    nb = nbformat.read(str(_notebook_path()), as_version=4)
    nb.cells = [c for c in nb.cells if LESSON_ONLY not in c.metadata.get("tags", [])]
    return localise(nb, taal)


def render_report(dataset: str, group: str | None, out: str | os.PathLike, *, kenmerken: list[str] | None = None,
                  k: int = 5, keep_notebook: str | os.PathLike | None = None, moments: list[str] | None = None,
                  taal: str = "nl", problems=None) -> Path:
    """Execute notebook 05 as a report with papermill; write the offline HTML and the details file.

    Parameters
    ----------
    dataset : str
        A netles dataset folder (or the name of a bundled one).
    group : str or None
        The ego column with the groups.
    out : path-like
        The HTML file. Beside it, :func:`details_path` gets the problems in detail; the two are
        written together or not at all (a failure leaves the previous pair as it was).
    kenmerken : list of str, optional
        Metric keys.
    k : int
        k-anonymity before the analysis.
    keep_notebook : path-like, optional
        Also write the executed notebook there.
    moments : [str, str], optional
        Show the change between these two moments, per group.
    taal : {"nl", "en"}
    problems : netles.validation.ValidationReport, optional
        The validation report of the dataset as the command read it (default: read ``dataset``).

    Returns
    -------
    pathlib.Path
        ``out``.

    Raises
    ------
    papermill.PapermillExecutionError
        If a cell of the notebook fails (the message names the cell).
    """
    import nbformat
    import papermill

    from ..anonymise import problem_counts
    from ..io.atomic import atomic_files, atomic_write_text
    from ..lessons import export_html
    from ..spreadsheet import to_csv

    path = resolve_dataset(dataset)
    if problems is None:
        from ..io.read import read_dataset

        problems = read_dataset(path).meta["problems"]
    out = Path(out)
    parameters = {"dataset": str(path.resolve()), "groep": group, "k": int(k), "rapport": True, "taal": taal,
                  "problemen": problem_counts(problems), "panel": str(path.resolve()) if moments else None,
                  "momenten": list(moments) if moments else None, "panel_groep": group}
    if kenmerken:
        parameters["kenmerken"] = list(kenmerken)
    with tempfile.TemporaryDirectory(prefix="netles-rapport-") as tmp:
        source = Path(tmp) / ("bron_" + NOTEBOOK)
        executed = Path(tmp) / NOTEBOOK
        nbformat.write(_report_notebook(taal), str(source))
        # the kernel's own log (e.g. ipykernel's warning about TCP) is not for the researcher's terminal
        papermill.execute_notebook(str(source), str(executed), parameters=parameters, kernel_name="python3",
                                   cwd=tmp, progress_bar=False, log_output=False,
                                   extra_arguments=["--IPKernelApp.log_level=ERROR"])
        title = ("Research report " if taal == "en" else "Onderzoeksrapport ") + path.name
        beside = keep_notebook is not None and Path(keep_notebook).resolve().parent == out.resolve().parent
        with atomic_files(out.parent if str(out.parent) else Path(".")) as path_for:
            export_html(executed, path_for(out.name), hide_code=True, title=title)
            path_for(details_path(out).name).write_text(to_csv(_details_table(problems), index=False), encoding="utf-8")
            if beside:
                nbformat.write(nbformat.read(executed, as_version=4), str(path_for(Path(keep_notebook).name)))
        if keep_notebook is not None and not beside:
            atomic_write_text(keep_notebook, nbformat.writes(nbformat.read(executed, as_version=4)))
    return out


def _in_moment_order(ds):
    """``ds`` with its rows in the order of its moments, so that a copy read back keeps that order."""
    from ..longtables import Dataset
    from ..longtables import MOMENT

    if not ds.has_moments:
        return ds
    rank = {m: i for i, m in enumerate(ds.moments)}

    def order(frame):
        key = frame[MOMENT].astype(object).map(lambda m: rank.get(str(m), len(rank)))
        return frame.iloc[key.argsort(kind="stable").to_numpy()].reset_index(drop=True)

    return Dataset(order(ds.egos), order(ds.alters), order(ds.ties), source=ds.source, meta=dict(ds.meta))


@contextlib.contextmanager
def _readable_dataset(args: argparse.Namespace, path: Path):
    """The dataset for the report's notebook and the dataset as read: read once with the reading
    options (so that a dataset no ego of which can be profiled stops here, with what to do), and
    when it is not a netles folder read as it is, handed to the notebook as one (a temporary copy
    of the valid egos)."""
    from ..io import write_dataset

    ds = read_from_args(args, path)
    require_egos(ds, args.dataset)
    options = [getattr(args, name, None) for name in ("mapping", "edge_types", "na_values")]
    if ds.meta.get("format") == "folder" and not any(options):
        yield str(path), ds
        return
    with tempfile.TemporaryDirectory(prefix="netles-rapport-") as tmp:
        yield str(write_dataset(_in_moment_order(ds), Path(tmp) / path.name.removesuffix(".zip"), allow_names=True)), ds


def _split(text: str | None) -> list[str] | None:
    return [part.strip() for part in text.split(",") if part.strip()] if text else None


def _check_report_options(args: argparse.Namespace) -> tuple[Path, Path, list | None, list | None]:
    """The options of ``netles rapport`` that can be checked without reading the dataset."""
    from ..profile import metric_keys

    path = resolve_dataset(args.dataset)
    out = output_file(args.out, suffixes=(".html", ".htm"), lang="en")
    output_file(details_path(out), suffixes=(".csv",), lang="en")
    if args.keep_notebook:
        output_file(args.keep_notebook, suffixes=(".ipynb",), lang="en")
    at_least(args.k, 1, "--k", lang="en")
    kenmerken = _split(args.kenmerken)
    if args.kenmerken is not None:
        unknown = [m for m in kenmerken or [""] if m not in metric_keys()]
        if unknown:
            raise UsageError(f"--kenmerken: {unknown[0]!r} is not a metric; choose from {', '.join(metric_keys())}")
    moments = _split(args.moments)
    if args.moments is not None and (moments is None or len(moments) != 2 or moments[0] == moments[1]):
        raise UsageError("--moments takes two different moments separated by a comma, e.g. --moments intake,afsluiting")
    if not args.group and not moments:
        raise UsageError("say what the report compares: --group KOLOM (groups), --moments VOOR,NA (change), or both")
    return path, out, kenmerken, moments


def _check_against_data(ds, group: str | None, moments: list | None, k: int) -> None:
    """What can only be checked once the dataset is read, before the notebook runs: the column,
    the moments, and that k-anonymity leaves something to compare."""
    from ..anonymise import anonymise

    if group is not None and group not in ds.egos.columns:
        columns = [c for c in ds.egos.columns if c not in ("ego_id", "moment")]
        raise UsageError(f"--group {group}: the ego table has no column {group!r}; its columns are {', '.join(map(str, columns))}")
    if moments:
        if not ds.has_moments:
            raise UsageError("--moments: this dataset has no moments (no moment column; a mapping can name one, "
                             "see docs/research.md)")
        for moment in moments:
            if moment not in ds.moments:
                raise UsageError(f"--moments: the dataset has no moment {moment!r}; its moments are {', '.join(ds.moments)}")
    anon, report = anonymise(ds, key=_CHECK_KEY, k=k, keep=[group] if group else [],
                             quasi_identifiers=["age_band", "gender", *([group] if group else [])])
    if not len(anon):
        raise UsageError(f"with --k {k}, k-anonymity leaves out every ego (no combination of "
                         f"{', '.join(report.quasi_identifiers)} occurs {k} times); lower --k")
    if moments:
        from ..longtables import MOMENT

        at = anon.egos.groupby("ego_id", observed=True)[MOMENT].agg(lambda m: set(map(str, m)))
        if not at.map(lambda seen: set(moments) <= seen).any():
            raise UsageError(f"--moments: no ego (left after k-anonymity) was measured at both {moments[0]} and {moments[1]}")
    elif group is not None and ds.egos[group].dropna().nunique() < 2:
        raise UsageError(f"--group {group}: the column holds fewer than two groups, so there is nothing to compare; "
                         "choose another column, or give --moments to see change")
    elif group is not None and anon.egos[group].dropna().nunique() < 2:
        raise UsageError(f"--group {group}: fewer than two groups are left to compare (k-anonymity leaves out groups "
                         f"smaller than --k {k}); lower --k or choose another column")


def run_rapport(args: argparse.Namespace) -> int:
    """Render the research report (and, beside it, the details file for the researcher)."""
    path, out, kenmerken, moments = _check_report_options(args)
    with _readable_dataset(args, path) as (dataset, ds):
        _check_against_data(ds, args.group, moments, args.k)
        try:
            render_report(dataset, args.group, out, kenmerken=kenmerken, k=args.k, keep_notebook=args.keep_notebook,
                          moments=moments, taal=args.taal, problems=ds.meta.get("problems"))
        except OSError as exc:
            _failed_write(exc, out, "and its details file are as they were")
    print(f"report written to {out}; the problems in detail, for you only (do not share): {details_path(out)}")
    return 0


def run_onderzoeksdata(args: argparse.Namespace) -> int:
    """Write the synthetic research datasets."""
    from ..research_data import DEFAULT_SEED, write_research_data

    output_folder(args.out, lang="en")
    if args.seed is not None and args.seed < 0:
        raise UsageError(f"--seed must be 0 or more, not {args.seed}")
    seed = DEFAULT_SEED if args.seed is None else args.seed
    for folder in write_research_data(args.out, seed=seed):
        print(f"written {folder} (synthetic, seed {seed})")
    return 0
