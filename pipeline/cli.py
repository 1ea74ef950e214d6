"""Command line: parses arguments and hands off to library functions. No logic lives here."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from . import __version__
from .corpus import CorpusError
from .export import OutputError

app = typer.Typer(
    help="Analyse a corpus of French press releases into entity, date, keyword and theme tables.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


def _fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pipeline {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version."
    ),
) -> None:
    """Analyse a corpus of French press releases into entity, date, keyword and theme tables."""


@app.command()
def run(
    corpus_dir: str = typer.Argument(
        "corpus",
        help="Folder of press releases (.txt/.md, searched recursively); with --engine dask, also an "
        "fsspec URL (file:///..., s3://bucket/prefix, gs://...).",
    ),
    out: str = typer.Option(
        "outputs",
        "--out",
        "-o",
        help="Output folder for the tables and texts/; with --engine dask, also an fsspec URL.",
    ),
    format: str = typer.Option(
        "csv,parquet", "--format", "-f", help="Comma-separated output formats: csv, parquet, xlsx."
    ),
    csv_flavor: str = typer.Option(
        "rfc",
        "--csv-flavor",
        help="rfc: ',' UTF-8, raw values (pandas, DuckDB); excel: UTF-8 BOM, CRLF, formulas neutralised; "
        "excel-fr: the same with ';' and decimal commas (French-locale Excel, LibreOffice).",
    ),
    top_k: int = typer.Option(10, "--top-k", min=1, help="Keyphrases kept per document."),
    similar_k: int = typer.Option(5, "--similar-k", min=0, help="Similar documents listed per document."),
    themes: Path | None = typer.Option(
        None, "--themes", help="Theme taxonomy TOML file (default: the shipped one)."
    ),
    gazetteer: Path | None = typer.Option(
        None, "--gazetteer", help="Entity gazetteer TOML (default: shipped)."
    ),
    entities: Path | None = typer.Option(
        None,
        "--entities",
        help="Your entity corrections, applied last: a TOML file in the gazetteer's format giving a "
        'surface form\'s label, its canonical, or label = "NONE" (never an entity). See README.',
    ),
    theme_threshold: float | None = typer.Option(
        None, "--theme-threshold", help="Score a theme needs to be assigned (default: the taxonomy's)."
    ),
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1, help="Local engine: worker processes (default: all cores)."
    ),
    engine: str = typer.Option(
        "local",
        "--engine",
        help="local (this machine) or dask (a Dask cluster; needs the dask extra, see docs/dask.md).",
    ),
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="Dask engine: scheduler address (tcp://HOST:8786); default a LocalCluster."
    ),
    workers: int | None = typer.Option(
        None, "--workers", min=1, help="Dask engine: LocalCluster worker processes, or workers to wait for."
    ),
    force: bool = typer.Option(False, "--force", help="Re-analyse every document, ignoring the cache."),
    wait: bool = typer.Option(False, "--wait", help="Wait for another run on the same output folder to end."),
    report: bool = typer.Option(
        False,
        "--report",
        help="Also write the HTML report (OUT/report.html); needs a local --out (a folder or file://).",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary."),
) -> None:
    """Analyse every document of CORPUS_DIR and write the tables to --out.

    Writes documents, entities, contacts, dates, keywords, themes, entity_summary and similar_documents
    (one file per table and format), doc_theme_matrix.csv, and the analysed texts in texts/ (every
    offset in the tables indexes these texts). Outputs are replaced atomically at the end of the run;
    each document's analysis is cached in OUT/.cache, so a re-run only analyses new or changed files.
    CORPUS_DIR and --out are passed on as given: URLs (file://, s3://, gs://) need --engine dask.
    """
    from .core import run_with
    from .options import RunOptions, report_folder
    from .themes import TaxonomyError

    formats = tuple(f.strip().lower() for f in format.split(",") if f.strip())
    progress = None if quiet else _progress()
    task = None

    def on_progress(done: int, total: int) -> None:
        nonlocal task
        if progress is None:
            return
        if task is None:
            progress.start()
            task = progress.add_task("analysing", total=total)
        progress.update(task, completed=done)

    try:
        report_dir = report_folder(out, engine) if report else None  # checked before hours of analysis
        options = RunOptions(
            corpus=corpus_dir,
            out=out,
            formats=formats,
            csv_flavor=csv_flavor,
            top_k=top_k,
            similar_k=similar_k,
            taxonomy_path=themes,
            gazetteer_path=gazetteer,
            entities_path=entities,
            theme_threshold=theme_threshold,
            engine=engine,
            jobs=jobs,
            scheduler=scheduler,
            workers=workers,
            wait=wait,
            force=force,
        )
        result = run_with(options, on_progress)
    except (CorpusError, OutputError, TaxonomyError, ValueError) as exc:
        raise _fail(str(exc)) from None
    except KeyboardInterrupt:
        raise _fail("interrupted: the previous outputs were left as they were", 130) from None
    finally:
        if progress is not None:
            progress.stop()
    if not quiet:
        err.print(result.summary(), highlight=False, soft_wrap=True)
    if report_dir is not None:
        _report(report_dir, None, quiet)


@app.command("report")
def report_command(
    out_dir: Path = typer.Argument(Path("outputs"), help="Output folder of a run (holds the tables)."),
    html: Path | None = typer.Option(
        None, "--html", help="Where to write the report (default OUT_DIR/report.html)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Do not print where the report was written."),
) -> None:
    """Write a self-contained HTML report of a run: corpus at a glance, themes over time, top entities,
    co-mentions, similar documents, and a page per document with its entities and dates highlighted.

    One file, no network needed to view it: open it in a browser, mail it, or put it on an intranet."""
    _report(out_dir, html, quiet)


def _report(out_dir: Path, html: Path | None, quiet: bool) -> None:
    from .report import ReportError, build_report

    try:
        path = build_report(out_dir, html)
    except ReportError as exc:
        raise _fail(str(exc)) from None
    if not quiet:
        err.print(f"report: {path}", highlight=False, soft_wrap=True)


@app.command()
def add(
    files: list[str] = typer.Argument(
        ..., help="Press releases to add: .txt, .md, .html, .pdf, .docx; - reads stdin."
    ),
    corpus: Path = typer.Option(Path("corpus"), "--corpus", "-c", help="Corpus folder to add to."),
    date: str | None = typer.Option(
        None, "--date", help="Publication date YYYY-MM-DD (overrides the file's)."
    ),
    title: str | None = typer.Option(None, "--title", help="Title (overrides the file's)."),
    source: str | None = typer.Option(
        None, "--source", help="Publisher, e.g. the ministry (overrides the file's)."
    ),
    url: str | None = typer.Option(None, "--url", help="Original URL (overrides the file's)."),
) -> None:
    """Add press releases to the corpus as UTF-8 Markdown with front matter.

    Text, metadata (title, date, url) and main content are extracted from web pages and PDFs; the file
    is named from date and title and never overwrites another. The same text already in the corpus is
    reported and not added twice; a bad input is reported in one line and leaves the corpus untouched.
    Exits with 1 when an input was rejected.
    """
    import datetime as dt
    import sys

    from .ingest import IngestError, add_documents

    try:
        published = dt.date.fromisoformat(date) if date else None
    except ValueError:
        raise _fail(f"--date must be YYYY-MM-DD, not {date!r}", 2) from None
    try:
        outcomes = add_documents(
            files, corpus, date=published, title=title, source=source, url=url, stdin=sys.stdin.buffer
        )
    except IngestError as exc:
        raise _fail(str(exc)) from None
    for outcome in outcomes:
        typer.echo(f"{outcome.source}: {outcome.message}")
        for warning in outcome.warnings:
            typer.echo(f"{outcome.source}: warning: {warning}")
    if any(o.status == "rejected" for o in outcomes):
        raise typer.Exit(1)


@app.command()
def dictionary(
    out: Path | None = typer.Option(
        None, "--out", "-o", help="Write to this file instead of standard output."
    ),
) -> None:
    """Print the data dictionary (every table and column), generated from the schemas."""
    from .tables import data_dictionary

    text = data_dictionary()
    if out is None:
        typer.echo(text)
    else:
        out.write_text(text + "\n", encoding="utf-8")


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    )


def main() -> None:
    app()
