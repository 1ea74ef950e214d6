"""One input (a file, or standard input) -> its body text and what it declares about itself.

The kind is decided by the bytes first (a PDF named .txt is still a PDF), then by the extension.
Every failure is an `IngestError` whose message is one line a user can act on. Nothing here
touches the network: trafilatura and pypdf only ever see the bytes given.
"""

from __future__ import annotations

import email
import email.policy
import io
import re
import sys
import unicodedata
import zipfile
from pathlib import Path
from typing import Any, BinaryIO

from ..header import clean_title, usable_title
from ..reading import MAX_BYTES, ReadError, decode_bytes, parse_iso_date, split_front_matter
from .base import Extracted, IngestError, quiet
from .pdf import MIN_LETTERS, extract_pdf

MAX_TEXT_BYTES = MAX_BYTES  # .txt/.md/.html: the reader's own limit
MAX_CONTAINER_BYTES = 50 * 1024 * 1024  # PDF/DOCX/MHTML also carry images and fonts
CONTROL_RATIO = 0.01  # decoded "text" with more control characters than this is binary

_TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_MHTML_SUFFIXES = {".mht", ".mhtml"}
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.doc/.xls): save it as .docx or PDF"),
)
_CONTAINER_SUFFIXES = {".pdf": "pdf", ".docx": "docx"}
_WEB_ADDRESS = re.compile(r"(?i)(https?|ftp)://|www\.")
_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def read_input(source: str | Path, stdin: BinaryIO | None = None) -> tuple[bytes, str]:
    """(bytes, lowercase extension) of a file or of standard input ("-"), refusing oversized ones."""
    if str(source) == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return _bounded_read(stream), ""
    path = Path(source)
    if _WEB_ADDRESS.match(str(source)) and not path.exists():
        raise IngestError(
            "unreadable",
            "is a web address: `add` reads local files only (no network); save the page or the PDF, "
            "then add that file (--url records its address)",
        )
    try:
        if path.is_dir():
            raise IngestError("unreadable", "is a folder, not a file: give its files (e.g. folder/*.pdf)")
        size = path.stat().st_size
        if size > MAX_CONTAINER_BYTES:
            raise IngestError("too_large", f"file is {_mb(size)}, over the {_mb(MAX_CONTAINER_BYTES)} limit")
        with path.open("rb") as handle:
            return _bounded_read(handle), path.suffix.lower()
    except FileNotFoundError:
        raise IngestError("unreadable", "file not found") from None
    except OSError as exc:
        raise IngestError("unreadable", f"cannot read the file: {exc.strerror or exc}") from None


def extract(raw: bytes, suffix: str = "") -> Extracted:
    """Body and declared metadata of one input's bytes, whatever its kind."""
    if not raw.strip():
        raise IngestError("empty", "file is empty")
    kind = sniff(raw, suffix)
    if suffix in _CONTAINER_SUFFIXES and kind != _CONTAINER_SUFFIXES[suffix]:
        # a failed download saved under the document's name (an HTML error page as .pdf): not its text
        raise IngestError(
            "damaged", f"file is named {suffix} but is not a {suffix} file: damaged, or a failed download?"
        )
    if kind in ("text", "html") and len(raw) > MAX_TEXT_BYTES:
        raise IngestError("too_large", f"file is {_mb(len(raw))}, over the {_mb(MAX_TEXT_BYTES)} limit")
    extractor = {"text": _text, "html": _html, "mhtml": _mhtml, "pdf": extract_pdf, "docx": _docx}[kind]
    try:
        result = extractor(raw)
    except IngestError:
        raise
    except Exception as exc:  # a parser's surprise on one odd file must not stop the other inputs
        raise IngestError(
            "unreadable", f"cannot extract the text ({type(exc).__name__}: {exc})"[:300]
        ) from None
    letters = sum(c.isalpha() for c in result.body)
    if letters < MIN_LETTERS and kind in ("html", "mhtml"):
        raise IngestError("no_text", "no main text found in the HTML page")
    if letters < MIN_LETTERS:
        raise IngestError(
            "empty", f"too little text to analyse ({letters} letters)" if letters else "no text"
        )
    return result


def sniff(raw: bytes, suffix: str = "") -> str:
    """The input's kind from its first bytes; the extension only tells text from HTML."""
    head = raw[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if raw.startswith(b"PK\x03\x04"):
        return _zip_kind(raw)
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            raise IngestError("binary", f"file is {what}, not a document")
    if head.lstrip().startswith(b"{\\rtf"):
        raise IngestError("unsupported", "RTF is not supported: save it as .docx, PDF or plain text")
    if b"\x00" in raw and not raw.startswith(_BOMS):
        raise IngestError("binary", "file looks binary (NUL bytes) and is not a PDF or .docx")
    lowered = head.lower()
    if suffix in _MHTML_SUFFIXES or (b"mime-version:" in lowered and b"multipart/related" in lowered):
        return "mhtml"
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in _TEXT_SUFFIXES:
        return "text"
    stripped = lowered.lstrip(b"\xef\xbb\xbf \t\r\n")
    return "html" if stripped.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered else "text"


def _zip_kind(raw: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype").decode("ascii", "replace") if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, ValueError):
        raise IngestError("binary", "file is a damaged zip archive, not a document") from None
    if "word/document.xml" in names:
        return "docx"
    if "opendocument" in mimetype:
        raise IngestError("unsupported", "OpenDocument files are not supported: save it as .docx or PDF")
    raise IngestError("binary", "file is a zip archive, not a document")


def _text(raw: bytes) -> Extracted:
    try:
        text, _, _ = decode_bytes(raw)
        metadata, body = split_front_matter(text)
    except ReadError as exc:
        raise IngestError(exc.status, str(exc)) from None
    controls = sum(unicodedata.category(c) == "Cc" and c not in "\t\n\r\f" for c in text)
    if controls > CONTROL_RATIO * len(text):
        raise IngestError("binary", "file looks binary (control characters), not text")
    warnings: list[str] = []
    if "date" in metadata and parse_iso_date(metadata["date"]) is None:
        warnings.append(f"front matter date {metadata.pop('date')!r} is not YYYY-MM-DD: ignored")
    if "date" in metadata:
        metadata["date"] = str(parse_iso_date(metadata["date"]))
    return Extracted("text", body, metadata, warnings=tuple(warnings))


def _html(raw: bytes | str) -> Extracted:
    import trafilatura

    with quiet("trafilatura", "htmldate", "courlan"):
        found = trafilatura.bare_extraction(
            raw,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    result: dict[str, Any] = dict(found) if isinstance(found, dict) else found.as_dict() if found else {}
    body = result.get("text") or ""
    if not body.strip():
        raise IngestError("no_text", "no main text found in the HTML page")
    date = parse_iso_date(result.get("date") or "")
    metadata = {
        "date": date.isoformat() if date else "",
        "title": clean_title(result.get("title") or ""),
        "source": clean_title(result.get("sitename") or ""),
        "url": (result.get("url") or "").strip() or _saved_from(raw),
    }
    return Extracted("html", body, {k: v for k, v in metadata.items() if v})


def _saved_from(raw: bytes | str) -> str:
    """The address a browser notes in a page it saved (`<!-- saved from url=(0042)https://... -->`)."""
    head = raw[:4096] if isinstance(raw, bytes) else raw[:4096].encode("utf-8", "replace")
    m = _SAVED_FROM.search(head)
    return m.group(1).decode("ascii", "replace") if m and m.group(1).startswith(b"http") else ""


def _mhtml(raw: bytes) -> Extracted:
    """A web page saved as a single file: the HTML part, and the address of the snapshot."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                break
            charset = part.get_content_charset() or "utf-8"
            try:
                html: bytes | str = payload.decode(charset)
            except (LookupError, UnicodeDecodeError):
                html = payload
            page = _html(html)
            url = message.get("Snapshot-Content-Location") or part.get("Content-Location") or ""
            metadata = {**page.metadata}
            if url.startswith("http") and "url" not in metadata:
                metadata["url"] = url.strip()
            return Extracted("mhtml", page.body, metadata)
    raise IngestError("no_text", "no HTML page found in the MHTML archive")


def _docx(raw: bytes) -> Extracted:
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(raw))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    cells = [cell.text.strip() for cell in row.cells]
                    lines.append(
                        " | ".join(c for i, c in enumerate(cells) if c and (i == 0 or c != cells[i - 1]))
                    )
            else:
                lines.append(block.text)
        title = usable_title(document.core_properties.title)
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors on damaged files
        raise IngestError(
            "damaged", f".docx cannot be read ({type(exc).__name__}): the file may be damaged"
        ) from None
    return Extracted("docx", "\n".join(lines), {"title": title} if title else {})


def _bounded_read(stream: BinaryIO) -> bytes:
    data = stream.read(MAX_CONTAINER_BYTES + 1)
    if len(data) > MAX_CONTAINER_BYTES:
        raise IngestError("too_large", f"input is over the {_mb(MAX_CONTAINER_BYTES)} limit")
    return data


def _mb(size: int) -> str:
    return f"{size / 2**20:.1f} MB" if size < 10 * 2**20 else f"{size // 2**20} MB"
