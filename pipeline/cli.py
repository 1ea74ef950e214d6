"""Command line: parses arguments and hands off to library functions. No logic lives here."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from . import __version__
from .corpus import CorpusError
from .export import OutputError

app = typer.Typer(
    help="Analyse a corpus of French press releases into entity, date, keyword and theme tables.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",  # a docstring's paragraph is one paragraph in --help, not its source lines
)
err = Console(stderr=True)
NOTHING_ADDED = 3  # `add` exit code: no input rejected, none added (all already in the corpus)


def _fail(message: str, code: int = 1) -> typer.Exit:
    # escaped: a message quoting "pip install '.[dask]'" or a file name with brackets keeps them
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
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
    similar_k: int = typer.Option(
        5,
        "--similar-k",
        min=0,
        help="Similar documents listed per document (0: none). A name, keyphrase or theme more than 1,000 "
        "documents have does not make two documents similar.",
    ),
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
    compare_by: str | None = typer.Option(
        None,
        "--compare-by",
        help="Also write the specificities of each value of this field (see `compare`); with --report, "
        "the report's comparison section. Needs a local --out.",
    ),
    quiet: bool = typer.Option(
        False, "--quiet", "-q", help="No progress bar and no summary (notes are still printed)."
    ),
) -> None:
    """Analyse every document of CORPUS_DIR and write the tables to --out.

    Writes documents, entities, contacts, dates, keywords, themes, quotes, entity_summary and
    similar_documents (one file per table and format), doc_theme_matrix.csv, manifest.json (the run's
    generation, schema version and options), and the analysed texts in texts/ (every offset in the
    tables indexes these texts). All outputs switch to the new run at once at its end (a killed run
    leaves the previous ones); a previous report.html is removed (--report writes a new one). Each
    document's analysis is cached in OUT/.cache, so a re-run only analyses new or changed files.
    CORPUS_DIR and --out are passed on as given: URLs (file://, s3://, gs://) need --engine dask.
    """
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
        from .core import run_with  # imported here: a Ctrl-C while spaCy loads is said like any other
        from .options import RunOptions, report_folder
        from .themes import TaxonomyError

        report_dir = report_folder(out, engine) if report else None  # checked before hours of analysis
        compare_dir = report_folder(out, engine) if compare_by else None
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
    except KeyboardInterrupt:  # first: TaxonomyError is unbound when the Ctrl-C came during the imports
        raise _fail("interrupted: the previous outputs were left as they were", 130) from None
    except (CorpusError, OutputError, TaxonomyError, ValueError) as exc:
        raise _fail(str(exc)) from None
    finally:
        if progress is not None and task is not None:  # a bar never shown leaves no blank line
            progress.stop()
    if not quiet:
        err.print(result.summary(), markup=False, highlight=False, soft_wrap=True)
    else:  # a taken-over lock, a cache that could not be written: said even when quiet
        for note in result.notes:
            err.print(f"note: {note}", markup=False, highlight=False, soft_wrap=True)
    if compare_dir is not None and compare_by:
        _compare(compare_dir, compare_by, formats=formats, quiet=quiet, after_run=True)
    if report_dir is not None:
        _report(report_dir, None, quiet, compare_by)


@app.command("report")
def report_command(
    out_dir: Path = typer.Argument(Path("outputs"), help="Output folder of a run (holds the tables)."),
    html: Path | None = typer.Option(
        None, "--html", help="Where to write the report (default OUT_DIR/report.html)."
    ),
    by: str | None = typer.Option(
        None,
        "--by",
        help="Add a comparison section: the most specific entities, keyphrases and themes of each value "
        "of this field (source, year, month, language or a front-matter key) and their progression.",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Do not print where the report was written."),
) -> None:
    """Write a self-contained HTML report of a run: corpus at a glance, themes over time, top entities,
    co-mentions, similar documents, and a page per document with its entities and dates highlighted.

    One file, no network needed to view it: open it in a browser, mail it, or put it on an intranet."""
    _report(out_dir, html, quiet, by)


def _report(out_dir: Path, html: Path | None, quiet: bool, by: str | None = None) -> None:
    from .compare import CompareError
    from .report import ReportError, build_report

    try:
        path = build_report(out_dir, html, compare_by=by)
    except (ReportError, CompareError) as exc:
        raise _fail(str(exc)) from None
    if not quiet:
        err.print(f"report: {path}", markup=False, highlight=False, soft_wrap=True)


@app.command("cache")
def cache_command(
    out_dir: Path = typer.Argument(Path("outputs"), help="Output folder of the runs (holds .cache/)."),
    corpus: Path = typer.Option(Path("corpus"), "--corpus", "-c", help="Corpus whose documents are kept."),
    cache_dir: Path | None = typer.Option(None, "--cache-dir", help="Cache folder (default OUT_DIR/.cache)."),
    prune: bool = typer.Option(
        False, "--prune", help="Remove the entries no document of the corpus uses (latest run's settings)."
    ),
    other_settings: bool = typer.Option(
        False,
        "--other-settings",
        help="With --prune, also remove the entries of other settings (taxonomy, gazetteer, threshold, "
        "pipeline or model version), which are kept otherwise.",
    ),
) -> None:
    """Show the analysis cache's size, and with --prune remove the entries no document of the corpus uses.

    Entries are judged under the settings of the latest run (OUT_DIR/manifest.json); those of other
    settings are only listed unless --other-settings is given."""
    from .core import cache

    if other_settings and not prune:
        raise _fail("--other-settings goes with --prune", 2)
    try:
        report = cache(out_dir, corpus, cache_dir=cache_dir, prune=prune, other_settings=other_settings)
    except (CorpusError, OutputError) as exc:
        raise _fail(str(exc)) from None
    for line in report.lines():
        typer.echo(line)


@app.command("compare")
def compare_command(
    out_dir: Path = typer.Argument(Path("outputs"), help="Output folder of a run (holds the tables)."),
    by: str = typer.Option(
        ...,
        "--by",
        help="Field that splits the corpus into parts: source, year, month, language, any documents "
        "column or front-matter key (e.g. ministry).",
    ),
    items: str = typer.Option(
        "lemmas,keywords,entities,themes",
        "--items",
        help="Comma-separated: lemmas, keywords, entities, themes.",
    ),
    min_freq: int = typer.Option(
        2, "--min-freq", min=1, help="Items seen fewer times in the corpus are left out."
    ),
    top: int = typer.Option(10, "--top", min=1, help="Items printed per part and item type."),
    format: str = typer.Option(
        "csv,parquet", "--format", "-f", help="Comma-separated formats of the table: csv, parquet, xlsx."
    ),
    csv_flavor: str | None = typer.Option(
        None,
        "--csv-flavor",
        help="rfc, excel or excel-fr (see `run --help`); default: the flavour of the run's own CSV files.",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Do not print the top items."),
) -> None:
    """What each part of the corpus says more than the others: Lafon's specificities (the score TXM
    reports) of lemmas, keyphrases, entities and themes, for each value of --by.

    Writes OUT_DIR/specificities.csv/.parquet (every part x item: frequencies, sizes, score, rank) and
    prints the most specific items of each part. Reads the run's tables only: no model, seconds."""
    formats = tuple(f.strip().lower() for f in format.split(",") if f.strip())
    _compare(
        out_dir,
        by,
        items=items,
        min_freq=min_freq,
        top=top,
        formats=formats,
        quiet=quiet,
        csv_flavor=csv_flavor,
    )


def _compare(
    out_dir: Path,
    by: str,
    *,
    items: str = "lemmas,keywords,entities,themes",
    min_freq: int = 2,
    top: int = 10,
    formats: tuple[str, ...] = ("csv", "parquet"),
    quiet: bool = False,
    csv_flavor: str | None = None,
    after_run: bool = False,
) -> None:
    from .compare import CompareError, compare, summary

    types = tuple(i.strip().lower() for i in items.split(",") if i.strip())
    try:
        result = compare(out_dir, by, items=types, min_freq=min_freq, formats=formats, csv_flavor=csv_flavor)
    except (CompareError, OutputError) as exc:
        done = f"the run's tables are written to {out_dir}, but --compare-by failed: " if after_run else ""
        raise _fail(done + str(exc)) from None
    if not quiet:
        typer.echo(summary(result, top))
        err.print(
            f"specificities: {', '.join(map(str, result.files))}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )


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
    create: bool = typer.Option(False, "--create", help="Create the corpus folder if it does not exist."),
) -> None:
    """Add press releases to the corpus as UTF-8 Markdown with front matter.

    Text, metadata (title, date, url) and main content are extracted from web pages and PDFs; the file
    is named from date and title and never overwrites another. The same text already in the corpus is
    reported and not added twice; a bad input is reported in one line and leaves the corpus untouched.
    Exits with 1 when an input was rejected, 3 when nothing was added (every input already in the
    corpus), 0 otherwise.
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
            files,
            corpus,
            date=published,
            title=title,
            source=source,
            url=url,
            stdin=sys.stdin.buffer,
            create=create,
        )
    except IngestError as exc:
        raise _fail(str(exc)) from None
    for outcome in outcomes:
        typer.echo(f"{outcome.source}: {outcome.message}")
        for warning in outcome.warnings:
            typer.echo(f"{outcome.source}: warning: {warning}")
    if any(o.status == "rejected" for o in outcomes):
        raise typer.Exit(1)
    if not any(o.status == "added" for o in outcomes):
        raise typer.Exit(NOTHING_ADDED)


@app.command()
def dictionary(
    out: Path | None = typer.Option(
        None, "--out", "-o", help="Write to this file instead of standard output."
    ),
) -> None:
    """Print the data dictionary (every table and column), generated from the schemas."""
    from .dictionary import data_dictionary

    text = data_dictionary()
    if out is None:
        typer.echo(text)
    else:
        try:
            out.write_text(text + "\n", encoding="utf-8")
        except OSError as exc:
            raise _fail(f"cannot write {out}: {exc.strerror or exc}") from None


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
