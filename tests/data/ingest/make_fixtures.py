"""Writes the binary fixtures of tests/ingest/test_ingest.py: PDFs built by hand (no PDF library needed).

Run `python tests/data/ingest/make_fixtures.py` to regenerate them; the tests also import `build_pdf`
to make variants. All text is French written for these tests.
"""

from __future__ import annotations

import random
from pathlib import Path

HERE = Path(__file__).parent

# One list of lines per page; each line is drawn on its own baseline, the way a word processor
# wraps a paragraph, so the extraction has to re-join the lines of a paragraph.
TEXT_PAGES = [
    [
        "Communiqué de presse",
        "Bordeaux, le 4 avril 2024",
        "Ouverture d’une maison de santé à Saint-Aubin",
        "Le maire de Saint-Aubin, M. Paul Lefèvre, a inauguré jeudi une maison de santé",
        "pluridisciplinaire qui accueillera dès le mois de mai six médecins généralistes,",
        "deux infirmières et un kinésithérapeute.",
        "Le bâtiment, financé par la commune et par l’Agence régionale de santé, a coûté",
        "2,3 millions d’euros.",
    ],
    [
        "Les consultations seront ouvertes du lundi au samedi. Une permanence de soins",
        "non programmés sera assurée le samedi matin.",
        "Contact presse : Mairie de Saint-Aubin, 05 56 00 00 00",
    ],
]
TEXT_INFO = {
    "Title": "Ouverture d’une maison de santé à Saint-Aubin",
    "CreationDate": "D:20240403170000+02'00'",
}


def _literal(text: str) -> bytes:
    """A PDF literal string in WinAnsiEncoding (cp1252), with ( ) and backslash escaped."""
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _info_string(text: str) -> bytes:
    """A document-information string: UTF-16BE with its byte order mark, as hex."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def _text_stream(lines: list[str]) -> bytes:
    ops = [b"BT", b"/F1 11 Tf", b"14 TL", b"56 780 Td"]
    for line in lines:
        ops.append(_literal(line) + b" Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def _image_stream() -> bytes:
    return b"q 483 0 0 700 56 70 cm /Im1 Do Q"


def build_pdf(
    pages: list[list[str]] | None, info: dict[str, str] | None = None, scanned_pages: int = 0
) -> bytes:
    """A valid PDF: text pages drawn with Helvetica, or `scanned_pages` pages holding only an image."""
    objects: list[bytes] = []  # object n is objects[n - 1]

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_id = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    gray = bytes(random.Random(14).randrange(256) for _ in range(64 * 64))
    image = add(
        b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(gray) + gray + b"\nendstream"
    )
    contents = [_text_stream(lines) for lines in pages or []] + [_image_stream()] * scanned_pages
    kids = []
    for stream in contents:
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
                % (pages_id, content, font, image)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    info_id = None
    if info:
        entries = b" ".join(
            b"/%s %s" % (k.encode(), _literal(v) if k.endswith("Date") else _info_string(v))
            for k, v in info.items()
        )
        info_id = add(b"<< " + entries + b" >>")

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if info_id:
        trailer += b" /Info %d 0 R" % info_id
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def main() -> None:
    (HERE / "communique.pdf").write_bytes(build_pdf(TEXT_PAGES, TEXT_INFO))
    (HERE / "scan.pdf").write_bytes(build_pdf(None, {"Title": "Numérisation"}, scanned_pages=2))
    (HERE / "junk.bin").write_bytes(random.Random(2024).randbytes(4096))


if __name__ == "__main__":
    main()
