"""The corpus side of `add`: what is already there (for duplicates), the file format, safe writing.

A corpus file is UTF-8 Markdown: YAML front matter (date, title, source, url, then any other keys
the input declared), then the body. Its front matter is checked to read back unchanged before it is
written, and it appears in the corpus in one step (temporary file, then a hard link that fails
rather than overwrite), so a crash never leaves half a document behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import tempfile
import unicodedata
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import ftfy
import numpy as np
import yaml

from ..corpus import DOCUMENT_SUFFIXES, find_documents
from ..header import find_dateline, infer_title
from ..reading import ReadError, decode_bytes, parse_iso_date, split_front_matter
from .base import IngestError
from .infer import title_key

FRONT_MATTER_ORDER = ("date", "title", "source", "url")
SHINGLE_WORDS, SHINGLE_SAMPLE = 5, 4  # 5-word sequences, one in 4 kept
MIN_SHINGLES = 8  # fewer sampled sequences (under ~40 words): too short to call a near-duplicate
NEAR_DUPLICATE = 0.7  # Jaccard index of the samples from which a new input is reported as a new version
FILE_MODE = 0o644  # corpus files are shared like any document (less what the umask removes)


def analysed(raw: bytes) -> tuple[dict[str, str], str]:
    """(metadata, text) as `pipeline.reading` makes them, up to line ends, without its repair statistics.

    The statistics (a character diff) cost far more than the repair on a large corpus; a duplicate
    check only needs the repaired text, and compares it blind to whitespace anyway.
    """
    text, _, _ = decode_bytes(raw)
    metadata, body = split_front_matter(text)
    return metadata, ftfy.fix_and_explain(body).text


def content_key(text: str) -> str:
    """Hash of the analysed text, blind to layout whitespace: the same release saved twice."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def identity(metadata: dict[str, str], text: str) -> tuple[str, str] | None:
    """(title, date) as declared or, failing that, as read from the first lines; None if either is missing."""
    title = metadata.get("title") or infer_title(text) or ""
    date = parse_iso_date(metadata.get("date", "")) or find_dateline(text)
    key = title_key(title)
    return (key, date.isoformat()) if key and date else None


def shingles(text: str) -> frozenset[int]:
    """A sample of the text's 5-word sequences (lower-cased; one in SHINGLE_SAMPLE kept, by hash): two
    versions of a release share most of them whatever heading or title line was changed. Vectorised:
    `add` samples every document of the corpus."""
    words = re.findall(r"\w+", text.lower())
    n = len(words) - SHINGLE_WORDS + 1
    if n <= 0:
        return frozenset()
    hashes = np.fromiter((zlib.crc32(w.encode()) for w in words), dtype=np.uint64, count=len(words))
    value = hashes[:n].copy()
    for k in range(1, SHINGLE_WORDS):  # a polynomial hash of the sequence (uint64 wraps around)
        value = value * np.uint64(1_000_003) ^ hashes[k : k + n]
    value *= np.uint64(0x9E3779B97F4A7C15)  # mixed, so that its top bits choose the sample
    return frozenset(value[value < np.uint64(2**64 // SHINGLE_SAMPLE)].tolist())


def resemblance(a: frozenset[int], b: frozenset[int]) -> float:
    """Jaccard index of two samples; 0 when either is too small to judge."""
    if min(len(a), len(b)) < MIN_SHINGLES:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass
class CorpusIndex:
    """Content hashes, (title, date) pairs and text samples of the corpus's documents (subfolders too)."""

    root: Path
    by_content: dict[str, Path] = field(default_factory=dict)
    by_identity: dict[tuple[str, str], Path] = field(default_factory=dict)
    samples: list[tuple[frozenset[int], Path]] = field(default_factory=list)

    @classmethod
    def load(cls, root: Path) -> CorpusIndex:
        index = cls(root)
        if not root.exists():
            return index
        if not root.is_dir():
            raise IngestError("corpus", f"corpus path is not a folder: {root}")
        for path in find_documents(root):
            with contextlib.suppress(
                ReadError, OSError
            ):  # what the pipeline cannot read, it does not analyse
                index.register(*analysed(path.read_bytes()), path)
        return index

    def register(self, metadata: dict[str, str], text: str, path: Path) -> None:
        self.by_content.setdefault(content_key(text), path)
        ident = identity(metadata, text)
        if ident:
            self.by_identity.setdefault(ident, path)
        sample = shingles(text)
        if len(sample) >= MIN_SHINGLES:
            self.samples.append((sample, path))

    def nearest(self, sample: frozenset[int], exclude: Path | None = None) -> tuple[Path, float] | None:
        """The document whose text is most alike (NEAR_DUPLICATE at least), other than `exclude`."""
        best: tuple[Path, float] | None = None
        for other, path in self.samples:
            score = resemblance(sample, other)
            if score >= NEAR_DUPLICATE and path != exclude and (best is None or score > best[1]):
                best = (path, score)
        return best


def render(metadata: dict[str, str], body: str) -> bytes:
    """The corpus file's bytes, once the reader is known to read back this metadata and this body."""
    ordered = {k: metadata[k] for k in FRONT_MATTER_ORDER if metadata.get(k)}
    ordered |= {k: v for k, v in metadata.items() if k not in ordered and v}
    for style in (None, '"'):  # plain YAML, or every value double-quoted if a value fooled the reader
        dump = yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=10**6, default_style=style)
        text = f"---\n{dump if ordered else ''}---\n{body}"
        with contextlib.suppress(ReadError):
            if split_front_matter(text) == (ordered, body):
                return text.encode("utf-8")
    raise IngestError("unwritable", "the metadata cannot be written as front matter the reader reads back")


def normalise_body(text: str) -> str:
    """LF line ends, no control characters, no trailing spaces, at most one blank line in a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


def file_stem(date: dt.date | None, slug: str) -> str:
    return f"{date.isoformat() if date else 'undated'}-{slug or 'document'}"


def write_new(root: Path, stem: str, data: bytes) -> Path:
    """Write `data` as `<stem>.md` in `root`, or `<stem>-2.md` ... : never over an existing document."""
    root.mkdir(parents=True, exist_ok=True)
    # A hidden name: the corpus reader never takes a half-written file for a document.
    fd, tmp_name = tempfile.mkstemp(prefix=".add-", suffix=".tmp", dir=root)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            os.fchmod(handle.fileno(), FILE_MODE & ~_umask())  # mkstemp made it 0600
            handle.flush()
            os.fsync(handle.fileno())
        for n in range(1, 10_000):
            name = stem if n == 1 else f"{stem}-{n}"
            target = root / f"{name}.md"
            if not _stem_taken(root, name) and _link(tmp, target):
                _sync_folder(root)
                return target
        raise IngestError("unwritable", f"no free file name for {stem}.md in {root}")
    except OSError as exc:
        raise IngestError("unwritable", f"cannot write into the corpus: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _stem_taken(root: Path, stem: str) -> bool:
    """A .txt or .md of that name (any case) would give the new document an existing doc_id."""
    wanted = {f"{stem}{suffix}".lower() for suffix in DOCUMENT_SUFFIXES}
    return any(name.lower() in wanted for name in os.listdir(root))


def _link(tmp: Path, target: Path) -> bool:
    """Publish the finished file under `target` unless that name exists (even if created just now)."""
    try:
        os.link(tmp, target)
        return True
    except FileExistsError:
        return False
    except OSError:  # a file system without hard links: check, then rename
        if target.exists():
            return False
        os.replace(tmp, target)
        return True


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
