"""``netles profile``, ``netles rapport`` and ``netles onderzoeksdata``: the research commands."""
from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from pathlib import Path

from .reading import add_reading_options, read_from_args, require_egos

__all__ = ["register", "run_profile", "run_rapport", "run_onderzoeksdata", "render_report", "resolve_dataset"]

NOTEBOOK = "05_onderzoek.ipynb"


def register(subparsers) -> None:
    """Add the ``profile``, ``rapport`` and ``onderzoeksdata`` subcommands."""
    p = subparsers.add_parser(
        "profile",
        help="compute the quality profile of every person in a dataset",
        description=(
            "Compute the quality profile (size, density, constraint, share of family, support "
            "coverage and the rest) of every ego in a dataset: one row per person. DATASET is a "
            "dataset folder or file (anything netles validate reads), a folder partitioned by ego "
            "(for very large data, see docs/research.md), or the name of a bundled research "
            "dataset such as drie_groepen. Egos with problems in the data are left out and "
            "reported. With --engine dask the work is spread over a Dask cluster: a local one "
            "on this machine, or the cluster at --scheduler."
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
    p.set_defaults(func=run_profile)

    p = subparsers.add_parser(
        "rapport",
        help="write a research report (HTML) comparing groups in a dataset",
        description=(
            "Run the research notebook (notebooks/05_onderzoek.ipynb) on a dataset and save the "
            "result as one HTML file: the data check, the anonymisation, the profile of every "
            "person, the comparison of the groups in column KOLOM and the figures. The file opens "
            "in any browser without an internet connection (the plotting library is inside it)."
        ),
    )
    p.add_argument("dataset", help="dataset folder, or the name of a bundled research dataset (drie_groepen, pilot_voor_na)")
    p.add_argument("--group", required=True, metavar="KOLOM", help="the column of the ego table that holds the groups to compare (e.g. groep, meting)")
    p.add_argument("--out", required=True, metavar="FILE", help="the HTML file to write, e.g. rapport.html")
    p.add_argument("--kenmerken", metavar="LIJST", help="metrics to compare, separated by commas (default: a standard selection)")
    p.add_argument("--k", type=int, default=5, help="smallest group size for k-anonymity before the analysis (default 5)")
    p.add_argument("--keep-notebook", metavar="FILE", help="also keep the executed notebook")
    add_reading_options(p)
    p.set_defaults(func=run_rapport)

    p = subparsers.add_parser(
        "onderzoeksdata",
        help="(re)generate the bundled synthetic research datasets",
        description=(
            "Generate the synthetic research datasets that come with netles (drie_groepen and "
            "pilot_voor_na) with a fixed seed, each as a folder with egos.csv, alters.csv, "
            "ties.csv and a README.md. With the default seed the output is identical to the "
            "bundled data/research folders. The data are synthetic: no real person is in them."
        ),
    )
    p.add_argument("--out", default="data/research", metavar="DIR", help="parent folder to write into (default data/research)")
    p.add_argument("--seed", type=int, default=None, help="random seed (default: the seed of the bundled data)")
    p.set_defaults(func=run_onderzoeksdata)


def resolve_dataset(name: str) -> Path:
    """A path as given if it exists, else the bundled research dataset of that name.

    Raises
    ------
    FileNotFoundError
        If it is neither.
    """
    path = Path(name)
    if path.exists():
        return path
    from ..datasets import research_path

    try:
        return research_path(name)
    except KeyError as exc:
        raise FileNotFoundError(f"{name}: no such file or folder, and {exc.args[0]}") from None


def _write_table(frame, out: Path) -> None:
    import io

    from ..io.atomic import atomic_write_bytes, atomic_write_text

    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix.lower() == ".parquet":
        buffer = io.BytesIO()
        frame.to_parquet(buffer)
        atomic_write_bytes(out, buffer.getvalue())
    else:
        atomic_write_text(out, frame.to_csv())


def run_profile(args: argparse.Namespace) -> int:
    """Profile a dataset with pandas or Dask; write or summarise the result."""
    from ..profile import profile_many
    from ..scaleout import is_partitioned, open_client, profile_many_dask, read_partitioned

    try:
        path = resolve_dataset(args.dataset)
    except FileNotFoundError as exc:
        print(f"netles: {exc}", file=sys.stderr)
        return 2
    options = dict(strong_max_circle=args.strong_circle, max_minutes=args.max_minutes)
    partitioned = is_partitioned(path)
    ds = None
    if not partitioned:
        ds = read_from_args(args, path)
        require_egos(ds, args.dataset)
        report = ds.meta.get("problems")
        if report is not None and (getattr(report, "problems", None) or getattr(report, "warnings", None)):
            print(f"netles: {report}", file=sys.stderr)
    out = Path(args.out) if args.out else None
    if args.engine == "pandas":
        profiles = profile_many(ds if ds is not None else read_partitioned(path), progress=None, **options)
    else:
        client = open_client(args.scheduler, workers=args.workers)
        try:
            if out is not None and out.suffix.lower() == ".parquet" and partitioned:
                profile_many_dask(path, out=out, client=client, **options)
                print(f"profiles written to {out} (one Parquet file per partition)")
                return 0
            profiles = profile_many_dask(ds if ds is not None else path, client=client, **options)
        finally:
            from ..scaleout import _close

            _close(client)
    if out is not None:
        _write_table(profiles, out)
        print(f"{len(profiles)} profiles written to {out}")
    else:
        print(f"{len(profiles)} egos profiled. Mean per metric:")
        print(profiles.mean().round(3).to_string())
    return 0


def _notebook_path() -> Path:
    from ..lessons import notebooks_dir

    return notebooks_dir() / NOTEBOOK


def render_report(dataset: str, group: str, out: str | os.PathLike, *, kenmerken: list[str] | None = None, k: int = 5,
                  keep_notebook: str | os.PathLike | None = None) -> Path:
    """Execute notebook 05 with papermill and write it as a self-contained offline HTML report.

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

    from ..lessons import export_html

    path = resolve_dataset(dataset)
    parameters = {"dataset": str(path.resolve()), "groep": group, "k": int(k)}
    if kenmerken:
        parameters["kenmerken"] = list(kenmerken)
    with tempfile.TemporaryDirectory() as tmp:
        executed = Path(tmp) / NOTEBOOK
        papermill.execute_notebook(str(_notebook_path()), str(executed), parameters=parameters, kernel_name="python3",
                                   cwd=tmp, progress_bar=False, log_output=False)
        if keep_notebook:
            nbformat.write(nbformat.read(executed, as_version=4), str(keep_notebook))
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        return export_html(executed, out, hide_code=True, title=f"Onderzoeksrapport {path.name}")


@contextlib.contextmanager
def _readable_dataset(args: argparse.Namespace):
    """The dataset for the report's notebook: read once with the reading options (so that a
    dataset no ego of which can be profiled stops here, with what to do), and when it is not a
    netles folder read as it is, handed to the notebook as one (a temporary copy of the valid egos)."""
    from ..io import write_dataset

    path = resolve_dataset(args.dataset)
    ds = read_from_args(args, path)
    require_egos(ds, args.dataset)
    options = [getattr(args, name, None) for name in ("mapping", "edge_types", "na_values")]
    if ds.meta.get("format") == "folder" and not any(options):
        yield str(path)
        return
    with tempfile.TemporaryDirectory(prefix="netles-rapport-") as tmp:
        yield str(write_dataset(ds, Path(tmp) / path.name.removesuffix(".zip"), allow_names=True))


def run_rapport(args: argparse.Namespace) -> int:
    """Render the research report."""
    try:
        kenmerken = [k.strip() for k in args.kenmerken.split(",") if k.strip()] if args.kenmerken else None
        with _readable_dataset(args) as dataset:
            out = render_report(dataset, args.group, args.out, kenmerken=kenmerken, k=args.k, keep_notebook=args.keep_notebook)
    except FileNotFoundError as exc:
        print(f"netles: {exc}", file=sys.stderr)
        return 2
    print(f"report written to {out}")
    return 0


def run_onderzoeksdata(args: argparse.Namespace) -> int:
    """Write the synthetic research datasets."""
    from ..research_data import DEFAULT_SEED, write_research_data

    seed = DEFAULT_SEED if args.seed is None else args.seed
    for folder in write_research_data(args.out, seed=seed):
        print(f"written {folder} (synthetic, seed {seed})")
    return 0
