"""`pipeline compare` as a library function: read a run's tables, count, score, write `specificities`.

Reads only tables (Parquet, else CSV for the exported ones; the internal lemma_counts and
front_matter are always Parquet): no model, so it takes seconds on an archive whose per-document pass
is cached. The table is written with the run's output lock, staged and published like a run's tables.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..tables import FRONT_MATTER, SPECIFICITIES
from .counts import ITEM_TYPES, SOURCES, CompareError, count_codes, parts_of
from .csv_rfc import write_rfc_csv
from .specificity import specificities_of

if TYPE_CHECKING:
    from ..export import OutputFolder

_PLURALS = {"lemmas": "lemma", "keywords": "keyword", "entities": "entity", "themes": "theme"}
DOCUMENT_COLUMNS = ["doc_id", "status", "source", "published", "language", "published_source", "url"]
FORMATS = ("csv", "parquet", "xlsx")


@dataclass
class Comparison:
    """A comparison's table and what a reader of it should know."""

    field: str
    table: pa.Table
    documents: dict[str, int]  # part -> analysed documents in it
    without_value: int  # analysed documents with no value of the field (left out)
    files: list[Path] = field(default_factory=list)
    _slice_cache: dict[tuple[str, str], tuple[int, int]] | None = field(
        default=None, repr=False, compare=False
    )

    def top(self, part: str, item_type: str, k: int, positive: bool = True) -> list[dict[str, object]]:
        """The k most specific items of a type for a part (only over-represented ones by default).

        The table is sorted by part, item type and rank, so a part's rows of a type are one slice and
        its over-represented ones (score > 0) that slice's first rows: no scan of the table per call."""
        start, stop = self._slices().get((part, item_type), (0, 0))
        rows = self.table.slice(start, min(stop - start, k)).to_pylist()
        return [r for r in rows if r["score"] > 0] if positive else rows

    def _slices(self) -> dict[tuple[str, str], tuple[int, int]]:
        """(part, item type) -> its rows' (start, stop) in the table, computed once."""
        if self._slice_cache is None:
            table, n = self.table, self.table.num_rows
            changed = pc.or_(
                pc.not_equal(table.column("part")[1:], table.column("part")[:-1]),
                pc.not_equal(table.column("item_type")[1:], table.column("item_type")[:-1]),
            )
            starts = [0, *(np.flatnonzero(changed.to_numpy(zero_copy_only=False)) + 1).tolist()] if n else []
            firsts = table.select(["part", "item_type"]).take(pa.array(starts, pa.int64())).to_pylist()
            stops = [*starts[1:], n][: len(starts)]
            self._slice_cache = {
                (r["part"], r["item_type"]): (a, b) for r, a, b in zip(firsts, starts, stops, strict=True)
            }
        return self._slice_cache


def read_table(
    out_dir: Path, name: str, columns: list[str] | None = None, dictionary: tuple[str, ...] = ()
) -> pa.Table | None:
    """A table of a run: Parquet (one file, or a Dask run's folder of parts), else its CSV (any flavour).

    `dictionary`: string columns read from Parquet as dictionaries (codes and distinct values: millions
    of repeated doc_ids and lemmas are never made into strings one by one)."""
    parquet, csv_path = out_dir / f"{name}.parquet", out_dir / f"{name}.csv"
    if parquet.exists():
        schema = pq.read_schema(parquet) if parquet.is_file() else None
        names = schema.names if schema is not None else None
        wanted = [c for c in columns if names is None or c in names] if columns else None
        coded = [c for c in dictionary if wanted is None or c in wanted]
        if parquet.is_file():
            coded = _dictionary_coded(pq.ParquetFile(parquet).metadata, coded)
        return pq.read_table(parquet, columns=wanted, read_dictionary=coded or None)
    if csv_path.exists():
        from ..report.data import _read_csv

        frame = _read_csv(csv_path)
        if columns:
            frame = frame[[c for c in columns if c in frame.columns]]
        return pa.Table.from_pandas(frame, preserve_index=False)
    return None


def _dictionary_coded(metadata: pq.FileMetaData, columns: list[str]) -> list[str]:
    """The columns the file stores as dictionary codes: few bytes per value. A column whose dictionary
    outgrew the writer's page limit (a large vocabulary) is mostly plain strings, and reading it as a
    dictionary would hash every value again, per batch: it is cheaper read as strings and encoded once."""
    names = metadata.schema.names
    size, values = dict.fromkeys(columns, 0), dict.fromkeys(columns, 0)
    for g in range(metadata.num_row_groups):
        group = metadata.row_group(g)
        for c in columns:
            if c in names:
                chunk = group.column(names.index(c))
                size[c] += chunk.total_uncompressed_size
                values[c] += chunk.num_values
    return [c for c in columns if size[c] <= _CODED_BYTES * max(values[c], 1)]


_CODED_BYTES = 4  # at most this many bytes per value: read the column as a dictionary


def compare(
    out_dir: Path | str,
    by: str,
    *,
    items: tuple[str, ...] = ITEM_TYPES,
    min_freq: int = 2,
    formats: tuple[str, ...] = ("csv", "parquet"),
    write: bool = True,
    csv_flavor: str | None = None,
) -> Comparison:
    """Specificities of every part of the run in `out_dir` split on `by`, written as
    OUT_DIR/specificities.<format> when `write`, the CSV in `csv_flavor` (default: the run's own, so
    that it opens like the run's other CSV files). Raises CompareError (unknown field, no tables)."""
    out_dir = Path(out_dir)
    from ..export import CSV_FLAVORS

    flavor = csv_flavor or _run_csv_flavor(out_dir)
    if flavor not in CSV_FLAVORS:
        raise CompareError(f"unknown CSV flavour {flavor!r}: choose one of {', '.join(CSV_FLAVORS)}")
    items = tuple(_PLURALS.get(i, i) for i in items)  # "lemmas" as the CLI's --items says, or "lemma"
    unknown = [i for i in items if i not in ITEM_TYPES]
    if unknown or not items:
        raise CompareError(
            f"unknown item type {', '.join(unknown) or '(none)'}: choose from {', '.join(_PLURALS)}"
        )
    bad = [f for f in formats if f not in FORMATS]
    if bad or (write and not formats):  # none: the previous table would be removed, none written
        raise CompareError(f"unknown format {', '.join(bad) or '(none)'}: choose from {', '.join(FORMATS)}")
    if min_freq < 1:
        raise CompareError("--min-freq must be at least 1")
    if not out_dir.exists():  # a mistyped folder: said as such
        raise CompareError(f"no folder {out_dir}: give the output folder of a run (its --out)")
    if not any((out_dir / f"documents.{ext}").exists() for ext in ("parquet", "csv")):
        raise CompareError(f"{out_dir} holds no documents table: run `pipeline run` first")
    if not write:
        return _score(out_dir, by, items, min_freq)
    with _locked(out_dir) as folder:  # read and written under the lock: never a run's tables half-old
        result = _score(out_dir, by, items, min_freq)
        result.files = _write(folder, out_dir, result.table, formats, flavor)
    return result


@contextmanager
def _locked(out_dir: Path) -> Iterator[OutputFolder]:
    """The output folder under its lock; a run writing to it is said at once, not waited for unseen."""
    from ..export import OutputBusy, output_folder

    try:
        with output_folder(out_dir) as folder:
            yield folder
    except OutputBusy as exc:
        raise CompareError(f"{exc}".split(";")[0] + ": compare once it has finished") from None


def _score(out_dir: Path, by: str, items: tuple[str, ...], min_freq: int) -> Comparison:
    """Read the run's tables, count each part's items and score them."""
    documents = read_table(out_dir, "documents", DOCUMENT_COLUMNS)
    if documents is None:
        raise CompareError(f"{out_dir} holds no documents table: run `pipeline run` first")
    front = read_table(out_dir, FRONT_MATTER.name)
    parts = parts_of(documents, front, by)
    analysed = pc.sum(pc.equal(documents.column("status"), "ok").cast(pa.int64())).as_py() or 0
    if not parts.num_rows:
        raise CompareError(f"no analysed document of {out_dir} has a value of {by!r}")
    values = pc.unique(parts.column("part"))
    if len(values) < 2:  # every score would be 0: say so rather than print empty parts
        raise CompareError(
            f"every analysed document with a {by!r} has the same one ({values[0].as_py()}): "
            "a comparison needs at least two parts; choose another --by"
        )
    tables: dict[str, pa.Table] = {}
    for item_type in items:
        name, item_col, label_col, count_col = SOURCES[item_type]
        columns = ["doc_id", item_col, *(c for c in (label_col, count_col) if c)]
        table = read_table(
            out_dir, name, columns, dictionary=("doc_id", item_col, *(c for c in (label_col,) if c))
        )
        if table is None:
            if item_type == "lemma":
                raise CompareError(
                    f"{out_dir} has no {name}.parquet (a run of an older version): re-run `pipeline run`, "
                    "or leave lemmas out (--items keywords,entities,themes)"
                )
            continue
        tables[name] = table
    counts = count_codes(tables, parts, items)
    table = specificities_of(counts, by, min_freq=min_freq)
    sizes = parts.group_by("part").aggregate([("doc_id", "count")]).to_pylist()
    return Comparison(by, table, {r["part"]: r["doc_id_count"] for r in sizes}, analysed - parts.num_rows)


def _run_csv_flavor(out_dir: Path) -> str:
    """The CSV flavour the run in `out_dir` wrote its tables in (rfc when its manifest does not say)."""
    from ..export import read_manifest

    options = read_manifest(out_dir).get("options")
    return str(options.get("csv_flavor") or "rfc") if isinstance(options, dict) else "rfc"


def _write(
    folder: OutputFolder, out_dir: Path, table: pa.Table, formats: tuple[str, ...], flavor: str = "rfc"
) -> list[Path]:
    from ..export import write_csv, write_parquet

    names = []
    manifest = folder.carry_current({f"{SPECIFICITIES.name}.{ext}" for ext in ("parquet", "csv", "xlsx")})
    if "parquet" in formats:
        write_parquet(table, folder.staged(f"{SPECIFICITIES.name}.parquet"))
        names.append(f"{SPECIFICITIES.name}.parquet")
    if "csv" in formats:
        if flavor == "rfc":
            write_rfc_csv(table, folder.staged(f"{SPECIFICITIES.name}.csv"))  # = write_csv's bytes
        else:
            write_csv(table, folder.staged(f"{SPECIFICITIES.name}.csv"), flavor)
        names.append(f"{SPECIFICITIES.name}.csv")
    if "xlsx" in formats:
        from ..export.xlsx import write_table_workbook

        write_table_workbook(SPECIFICITIES.name, table, folder.staged(f"{SPECIFICITIES.name}.xlsx"))
        names.append(f"{SPECIFICITIES.name}.xlsx")
    folder.publish(manifest, stale=())  # the run's tables are the same: its report stays
    return [out_dir / n for n in names]


def summary(result: Comparison, top: int = 10) -> str:
    """The top items of each part, as the CLI prints them."""
    lines = []
    if result.without_value:
        n = result.without_value
        documents = f"{n} analysed documents have" if n > 1 else "1 analysed document has"
        lines.append(f"{documents} no {result.field}: left out")
    table = result.table
    shown = table.filter(
        pc.and_(pc.less_equal(table.column("rank"), top), pc.greater(table.column("score"), 0))
    )
    tops: dict[tuple[str, str], list[dict[str, object]]] = {}
    for row in shown.to_pylist():  # in rank order: the table is sorted by part, item type and rank
        tops.setdefault((str(row["part"]), str(row["item_type"])), []).append(row)
    for part in sorted(result.documents):
        n = result.documents[part]
        lines.append(f"== {result.field} = {part} ({n} document{'s' if n > 1 else ''})")
        for item_type in ITEM_TYPES:
            rows = tops.get((part, item_type))
            if rows:
                shown = ", ".join(
                    f"{_name(r)} ({r['part_freq']}/{r['corpus_freq']}, {r['score']:+.1f})" for r in rows
                )
                lines.append(f"  {item_type}: {shown}")
    return "\n".join(lines)


def _name(row: dict[str, object]) -> str:
    if row["item_type"] == "entity":
        return f"{row['item']} [{row['label']}]"
    if row["item_type"] in ("keyword", "theme") and row["label"]:
        return str(row["label"])
    return str(row["item"])
