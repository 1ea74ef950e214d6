"""One `RunOptions` for a run, whichever engine runs it: built by the CLI or by Python callers,
validated once (a bad combination is refused before anything is read or written), and turned into the
`Settings` whose fingerprint keys the cache."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .export import CSV_FLAVORS, FORMATS

if TYPE_CHECKING:
    from .settings import Settings

ENGINES = ("local", "dask")
NEEDS_DASK = "the dask engine needs Dask: pip install '.[dask]'"


@dataclass(frozen=True)
class RunOptions:
    """Everything a run is asked to do. Folders are paths, or fsspec URLs with the dask engine."""

    corpus: Path | str = "corpus"
    out: Path | str = "outputs"
    formats: tuple[str, ...] = FORMATS
    csv_flavor: str = "rfc"
    top_k: int = 10
    similar_k: int = 5
    taxonomy_path: Path | None = None
    gazetteer_path: Path | None = None
    entities_path: Path | None = None  # an analyst's entity corrections (gazetteer format)
    theme_threshold: float | None = None
    engine: str = "local"
    jobs: int | None = None  # local engine: worker processes (default: all cores)
    scheduler: str | None = None  # dask engine: scheduler address (default: a LocalCluster)
    workers: int | None = None  # dask engine: LocalCluster size, or workers to wait for
    wait: bool = False
    force: bool = False
    cache_dir: Path | None = None

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ValueError(f"unknown engine {self.engine!r}: choose one of {', '.join(ENGINES)}")
        if self.engine == "dask" and self.jobs is not None:
            raise ValueError("--jobs applies to the local engine; the dask engine uses --workers")
        if self.engine == "local":
            if self.scheduler is not None or self.workers is not None:
                raise ValueError(
                    "--scheduler and --workers apply to --engine dask (the local engine uses --jobs)"
                )
            for location in (self.corpus, self.out):
                if is_url(location):
                    raise ValueError(needs_dask(location))
        if not is_url(self.corpus) and not is_url(self.out):
            check_out_outside_corpus(Path(self.corpus), Path(self.out))
        allowed = (*FORMATS, "xlsx")
        unknown = [f for f in self.formats if f not in allowed]
        if unknown or not self.formats:
            raise ValueError(
                f"unknown format {', '.join(unknown) or '(none)'}: choose from {', '.join(allowed)}"
            )
        if self.csv_flavor not in CSV_FLAVORS:
            raise ValueError(
                f"unknown CSV flavour {self.csv_flavor!r}: choose one of {', '.join(CSV_FLAVORS)}"
            )


def check_out_outside_corpus(corpus: Path, out: Path) -> None:
    """Refuse an output folder inside the corpus: the next run would read its texts/ as documents."""
    corpus_real, out_real = corpus.resolve(), out.resolve()
    if out_real == corpus_real or out_real.is_relative_to(corpus_real):
        raise ValueError(
            f"--out {out} is inside the corpus folder {corpus}: the next run would read its texts as "
            "documents; choose an output folder outside the corpus"
        )


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def is_url(location: Path | str) -> bool:
    """An fsspec URL (s3://bucket/prefix, gs://..., file:///...) rather than a path. Kept as a string:
    Path("s3://bucket") would collapse the "//"."""
    return isinstance(location, str) and "://" in location


def needs_dask(url: Path | str) -> str:
    return f"{url} is a URL: URLs need --engine dask (the local engine takes folders)"


def local_folder(location: Path | str) -> Path | None:
    """The local folder a path or a local URL (file://) names; None for a URL of another filesystem (an
    object store), as the dask engine tells them apart."""
    if not is_url(location):
        return Path(location)
    try:
        from fsspec.core import url_to_fs
        from fsspec.implementations.local import LocalFileSystem
    except ModuleNotFoundError:
        raise ValueError(NEEDS_DASK) from None
    fs, path = url_to_fs(str(location))
    return Path(path) if isinstance(fs, LocalFileSystem) else None


def report_folder(out_dir: Path | str, engine: str) -> Path:
    """Where `run --report` writes report.html, known before the run so that an impossible report stops
    it before any analysis: the report reads the tables and every text from a local folder, so an
    object-store --out is refused (make it with `pipeline report` on a local copy of the run prefix)."""
    if not is_url(out_dir):
        return Path(out_dir)
    if engine != "dask":
        raise ValueError(needs_dask(out_dir))
    folder = local_folder(out_dir)
    if folder is None:
        raise ValueError(
            f"--report needs a local --out (a folder or file://), not {out_dir}: "
            "run `pipeline report` on a local copy of the run's prefix"
        )
    return folder


def load_settings(options: RunOptions) -> Settings:
    """The per-document pass's settings of a run: their fingerprint keys the cache. (Imported here:
    settings.py loads the taxonomy, gazetteer and places modules, which validating options needs not.)"""
    from .settings import Settings

    return Settings.load(
        options.taxonomy_path, options.gazetteer_path, options.theme_threshold, options.entities_path
    )
