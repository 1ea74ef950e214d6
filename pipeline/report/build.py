"""The report's orchestrator: read the run's tables, build each section, render the Jinja templates.

Each section's content comes from its own module (overview, themes, entities, similar, pages); this
module only fixes their order and turns them into one HTML file. Everything taken from documents reaches
the HTML through Jinja's autoescaping or displaCy's escaping (plus markupsafe.escape for the attributes
we add to displaCy's spans), never as raw markup.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
from importlib import resources
from pathlib import Path

import pandas as pd
import pyarrow as pa
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..compare import CompareError
from ..export.lock import LockBusy, RunLock
from . import compare, entities, overview, pages, similar, themes
from .common import DOCS_PER_LIST, Context
from .data import ReportError, load_tables
from .highlight import MAX_TEXT_CHARS
from .packing import pack_pages


def build_report(
    out_dir: Path,
    html_path: Path | None = None,
    *,
    compare_by: str | None = None,
    track: tuple[str, ...] = (),
) -> Path:
    """Write the report of the run in `out_dir` to `html_path` (default OUT_DIR/report.html); return it.

    `compare_by`: add the comparison section of the parts of the corpus split on this field (`track`:
    the items its progression chart follows). Raises ReportError when `out_dir` holds no documents table
    (compare.CompareError when the field splits nothing). The file is written next to its final
    name and moved into place, so a reader never sees half a report.
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise ReportError(f"{out_dir} is a file, not the output folder of a run")
    html_path = Path(html_path) if html_path is not None else out_dir / "report.html"
    lock = _lock(out_dir, html_path)
    try:
        return _build(out_dir, html_path, compare_by, track)
    finally:
        if lock is not None:
            lock.release()


def _lock(out_dir: Path, html_path: Path) -> RunLock | None:
    """The run lock of `out_dir` when the report goes into it: a run publishing meanwhile would remove
    the report, which would then be written back from the tables read before the run replaced them.
    None for a report written elsewhere, or a folder that cannot be locked (read-only: said on writing)."""
    if not out_dir.is_dir() or html_path.parent.resolve() != out_dir.resolve():
        return None
    lock = RunLock(out_dir)
    try:
        lock.acquire()
    except LockBusy as exc:
        raise ReportError(
            f"a run ({exc}) is writing to {out_dir}: make the report once it has finished"
        ) from None
    except OSError:
        return None
    return lock


def _build(out_dir: Path, html_path: Path, compare_by: str | None, track: tuple[str, ...]) -> Path:
    try:
        html = render(out_dir, compare_by, track)
    except CompareError:
        raise  # a field that splits nothing: its own message
    except (OSError, ValueError, pa.ArrowException, pd.errors.ParserError) as exc:
        # a truncated Parquet file, a CSV cut short, an unreadable text: one line, nothing written
        raise ReportError(f"cannot read the tables in {out_dir}: {_first_line(exc)}") from None
    partial = html_path.with_name(f".{html_path.name}.partial")
    try:
        html_path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(html, encoding="utf-8")
        partial.replace(html_path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise ReportError(
            f"cannot write {html_path}: {exc.strerror or exc}; the previous report is intact"
        ) from None
    return html_path


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def render(out_dir: Path, compare_by: str | None = None, track: tuple[str, ...] = ()) -> str:
    """The whole report as one HTML string."""
    ctx = Context.of(load_tables(out_dir))
    comparison = compare.comparison(out_dir, compare_by, track) if compare_by else None
    glance = overview.glance(ctx)
    theme_section = themes.themes(ctx)
    entity_section, anchors = entities.entities(ctx)  # the pages link to these entities' entries
    similar_pairs = similar.similarity(ctx)
    doc_pages = pages.pages(ctx, anchors)
    script = _asset("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    env = _environment()
    page = env.get_template("page.html.j2")
    limits = {
        "docs_per_list": DOCS_PER_LIST,
        "similar": similar.SIMILAR_PAIRS,
        "top": entities.TOP_ENTITIES,
        "max_text": MAX_TEXT_CHARS,
    }
    blob = pack_pages({p.ref.anchor: page.render(p=p, limits=limits).strip() for p in doc_pages})
    template = env.get_template("report.html.j2")
    return template.render(
        out_dir=str(out_dir),
        generated=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        glance=glance,
        themes=theme_section,
        comparison=comparison,
        entities=entity_section,
        similar=similar_pairs,
        pages_blob=blob,
        index_rows=pages.index_rows(ctx, doc_pages),
        css=Markup(_asset("report.css")),
        script=Markup(script),
        script_hash=digest,
        limits=limits,
    )


def _environment() -> Environment:
    """Jinja with autoescaping everywhere and no silent blanks: an unknown name is an error."""
    env = Environment(
        loader=PackageLoader("pipeline.report", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = lambda v: f"{int(v):,}".replace(",", "\u202f")
    return env


def _asset(name: str) -> str:
    return resources.files("pipeline.report").joinpath("templates", name).read_text(encoding="utf-8")
