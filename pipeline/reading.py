"""Reading and repair: bytes on disk -> a `Document` whose `text` every table's offsets index.

The analysed text follows the gold guidelines: decoded bytes, the front matter cut off,
`ftfy.fix_text` at its default settings, then CRLF/CR -> LF.
"""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import charset_normalizer
import ftfy
import yaml

from .corpus import Entry

# Letters a French text uses beyond ASCII: the tie-breaker between single-byte code pages that
# charset-normalizer finds equally plausible on short texts.
_FRENCH_LETTERS = frozenset("àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»€’“”–—…°")
_PREFERRED = ("cp1252", "latin_1", "iso8859_15", "mac_roman")
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
MAX_BYTES = 20 * 1024 * 1024  # a press release is a few kB; anything this large is not one
# The analysed text of one document, at most: spaCy's own limit is 1,000,000 characters, so longer
# texts are analysed in pieces (analysis.py); beyond this a file is listed as too_large.
MAX_CHARS = 2_000_000
MAX_FRONT_MATTER = 64 * 1024  # characters of YAML: metadata is a few lines
MAX_YAML_DEPTH = 20  # nested lists or mappings in front matter


class ReadError(Exception):
    """A file that cannot be analysed; the message is one line a user can act on."""

    def __init__(self, status: str, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Document:
    """One press release as every extractor sees it. Offsets always index `text`."""

    doc_id: str
    text: str
    path: str = ""
    metadata: dict[str, str] = field(default_factory=dict)
    encoding: str = "utf-8"
    had_bom: bool = False
    repairs: tuple[str, ...] = ()  # what ftfy did, by step name ("mojibake", "uncurl_quotes" ...)
    repaired_chars: int = 0  # characters removed or replaced by ftfy
    sha256: str = ""  # of the raw bytes: the cache key and the duplicate detector
    notes: tuple[str, ...] = ()  # what was wrong but did not stop the analysis (documents.status_detail)

    @property
    def repaired(self) -> bool:
        return bool(self.repairs)

    @property
    def published(self) -> dt.date | None:
        return parse_iso_date(self.metadata.get("date", ""))


def parse_iso_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def decode_bytes(raw: bytes) -> tuple[str, str, bool]:
    """(text, encoding, had_bom). UTF-8 first (with its few bad bytes replaced if it is mostly
    UTF-8: see `utf8_with_replacements`); otherwise detection with a French prior."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), codec.replace("-sig", ""), True
            except UnicodeDecodeError:
                break
    try:
        return raw.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    mostly = utf8_with_replacements(raw)
    if mostly is not None:
        return mostly[0], "utf-8", raw.startswith(b"\xef\xbb\xbf")
    candidates: dict[str, float] = {m.encoding: m.chaos for m in charset_normalizer.from_bytes(raw)}
    for codec in _PREFERRED:
        candidates.setdefault(codec, 0.0)
    best: tuple[float, float, int, str, str] | None = None
    for codec, chaos in candidates.items():
        try:
            text = raw.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        non_ascii = [c for c in text if ord(c) > 127]
        french = sum(c in _FRENCH_LETTERS for c in non_ascii) / len(non_ascii) if non_ascii else 1.0
        rank = _PREFERRED.index(codec) if codec in _PREFERRED else len(_PREFERRED)
        key = (-french, chaos, rank, codec, text)
        if best is None or key < best:
            best = key
    if best is None:
        raise ReadError("undecodable", "cannot decode the bytes as text in any known encoding")
    return best[4], best[3], False


def utf8_with_replacements(raw: bytes) -> tuple[str, int, int] | None:
    """(text, invalid sequences, of which replaced by U+FFFD) when `raw` is UTF-8 but for a few
    invalid bytes; None when it is not mostly UTF-8.

    "Mostly": its valid non-ASCII characters outnumber the invalid sequences at least twice. A file in
    a single-byte code page has (almost) no valid multi-byte sequence, so it still goes to detection;
    decoding a UTF-8 file with a few bad bytes as mac_roman would garble all its accented letters. A
    stray byte is nearly always a letter pasted from a cp1252 text: alone between valid characters and
    a French letter or sign in cp1252 (é, ’, €, «), it is read so; any other invalid byte is U+FFFD."""
    body = raw.removeprefix(b"\xef\xbb\xbf")
    text = body.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - raw.count("\ufffd".encode())
    good = sum(1 for c in text if ord(c) > 127) - text.count("\ufffd")
    if bad <= 0 or good < 2 * bad:
        return None
    text = body.decode("utf-8", errors=_CP1252_LETTER)
    lost = text.count("\ufffd") - raw.count("\ufffd".encode())
    return text, bad, lost


def _cp1252_letter(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a single invalid byte that is a French letter or sign in cp1252."""
    assert isinstance(error, UnicodeDecodeError)
    chunk = error.object[error.start : error.end]
    if len(chunk) == 1:
        char = bytes(chunk).decode("cp1252", errors="replace")
        if char in _FRENCH_LETTERS:
            return char, error.end
    return "\ufffd", error.end


_CP1252_LETTER = "pipeline-cp1252-letter"
codecs.register_error(_CP1252_LETTER, _cp1252_letter)


class _BoundedLoader(yaml.SafeLoader):
    """Safe YAML without aliases (an alias bomb expands to gigabytes when turned into text), with a
    bounded nesting depth, and with dates that are not dates kept as text (YAML raises on 2024-13-45)."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise ReadError("bad_front_matter", "front matter uses YAML aliases (*name): not allowed")
        self._depth += 1
        if self._depth > MAX_YAML_DEPTH:
            raise ReadError("bad_front_matter", f"front matter is nested over {MAX_YAML_DEPTH} levels deep")
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_yaml_timestamp(self, node: Any) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, AttributeError):  # 2024-13-45, or `!!timestamp` on any text
            return self.construct_scalar(node)


_BoundedLoader.add_constructor("tag:yaml.org,2002:timestamp", _BoundedLoader.construct_yaml_timestamp)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(metadata, body) for an optional YAML block between two `---` lines at the very top."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    if len(m.group(1)) > MAX_FRONT_MATTER:
        raise ReadError("bad_front_matter", f"front matter is over {MAX_FRONT_MATTER // 1024} kB")
    try:
        data = yaml.load(m.group(1), Loader=_BoundedLoader) or {}  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        where = f" (line {line + 2})" if line is not None else ""
        raise ReadError("bad_front_matter", f"front matter is not valid YAML{where}") from None
    except ReadError:
        raise
    except Exception as exc:  # a constructor's surprise on an odd value (!!int 'x', deep nesting ...)
        raise ReadError("bad_front_matter", f"front matter has a bad value ({type(exc).__name__})") from None
    if not isinstance(data, dict):
        raise ReadError("bad_front_matter", "front matter must be `key: value` lines")
    meta = {str(k).strip().lower(): _metadata_str(v) for k, v in data.items() if v is not None}
    return meta, text[m.end() :]


def _metadata_str(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def repair_text(text: str) -> tuple[str, tuple[str, ...], int]:
    """(repaired text, repair steps, characters changed): ftfy defaults, then LF line ends."""
    fixed, explanation = ftfy.fix_and_explain(text)
    steps: list[str] = []
    for action, step in explanation or []:
        name = "mojibake" if action in ("encode", "decode", "transcode") or "utf8" in step else step
        if name not in steps:
            steps.append(name)
    fixed = fixed.replace("\r\n", "\n").replace("\r", "\n")
    if "\r" in text and "line_breaks" not in steps:
        steps.append("line_breaks")
    changed = _changed_chars(text.replace("\r\n", "\n").replace("\r", "\n"), fixed) if steps else 0
    return fixed, tuple(steps), changed


def _changed_chars(before: str, after: str) -> int:
    """Characters of `before` that the repair removed or replaced.

    Repairs are local, so lines are compared pairwise and only changed lines are diffed: a whole-text
    diff is quadratic in the length of the document."""
    a, b = before.splitlines(keepends=True), after.splitlines(keepends=True)
    if len(a) != len(b):  # line structure changed (rare): count the characters of the changed lines
        blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        return sum(
            len("".join(a[i1:i2])) or len("".join(b[j1:j2])) for op, i1, i2, j1, j2 in blocks if op != "equal"
        )
    total = 0
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        if len(x) == len(y):
            total += sum(c != d for c, d in zip(x, y, strict=True))
        else:
            ops = difflib.SequenceMatcher(None, x, y, autojunk=False).get_opcodes()
            total += sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in ops if op != "equal")
    return total


def document_from_bytes(raw: bytes, doc_id: str, path: str = "") -> Document:
    """The whole reading step for one file's bytes; raises ReadError for what cannot be analysed."""
    if len(raw) > MAX_BYTES:
        raise ReadError("too_large", f"file is {len(raw) // (1024 * 1024)} MB, over the 20 MB limit")
    if not raw.strip():
        raise ReadError("empty", "file is empty")
    if b"\x00" in raw and not raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        raise ReadError("binary", "file looks binary (NUL bytes), not text")
    text, encoding, had_bom = decode_bytes(raw)
    invalid = _invalid_utf8(raw) if encoding == "utf-8" else None
    metadata, body = split_front_matter(text)
    notes: list[str] = []
    if metadata.get("date") and parse_iso_date(metadata["date"]) is None:
        notes.append(f"front-matter date {metadata.pop('date')!r} is not a date: ignored")
    body, repairs, changed = repair_text(body)
    if invalid:  # mostly UTF-8 (utf8_with_replacements): say what became of its invalid bytes
        repairs, changed = ("invalid_utf8", *repairs), changed + invalid[0]
        notes.append(
            f"{invalid[0]} invalid UTF-8 byte(s): {invalid[0] - invalid[1]} read as cp1252 letters, "
            f"{invalid[1]} replaced by U+FFFD"
        )
    if not body.strip():
        raise ReadError("empty", "file has no text after its front matter")
    if len(body) > MAX_CHARS:
        raise ReadError("too_large", f"text is {len(body):,} characters, over the {MAX_CHARS:,} limit")
    return Document(
        doc_id=doc_id,
        text=body,
        path=path,
        metadata=metadata,
        encoding=encoding,
        had_bom=had_bom,
        repairs=repairs,
        repaired_chars=changed,
        sha256=hashlib.sha256(raw).hexdigest(),
        notes=tuple(notes),
    )


def _invalid_utf8(raw: bytes) -> tuple[int, int] | None:
    """(invalid sequences, replaced by U+FFFD) of a file decode_bytes read as mostly UTF-8."""
    try:
        raw.decode("utf-8")
        return None
    except UnicodeDecodeError:
        found = utf8_with_replacements(raw)
        return (found[1], found[2]) if found else None


def read_document(path: Path, root: Path) -> Document:
    """Read one corpus file; doc_id is its path relative to the corpus root, without extension."""
    rel = path.relative_to(root)
    return _read(path, rel.with_suffix("").as_posix(), rel.as_posix())


def read_entry(entry: Entry, root: Path) -> Document:
    """Read one document of the corpus listing; an entry listed with a status raises its ReadError."""
    if entry.status is not None:
        raise ReadError(entry.status, entry.detail or entry.status)
    return _read(root / entry.path, entry.doc_id, entry.path)


def _read(path: Path, doc_id: str, rel: str) -> Document:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ReadError("unreadable", f"cannot read the file: {exc.strerror or exc}") from None
    return document_from_bytes(raw, doc_id, rel)


def document_from_text(text: str, doc_id: str = "doc", metadata: dict[str, str] | None = None) -> Document:
    """A Document from a Python string (library use and tests): the same repair as files get."""
    body, repairs, changed = repair_text(text)
    raw = text.encode("utf-8")
    return Document(
        doc_id=doc_id,
        text=body,
        metadata=dict(metadata or {}),
        repairs=repairs,
        repaired_chars=changed,
        sha256=hashlib.sha256(raw).hexdigest(),
    )
