"""Reading and repair on small French files with the usual encoding accidents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.reading import ReadError, decode_bytes, document_from_text, read_document, split_front_matter


def test_mojibake_is_repaired(data_dir: Path) -> None:
    doc = read_document(data_dir / "mojibake.txt", data_dir)
    assert "l'initiative" in doc.text and "à promouvoir" in doc.text
    assert "â€" not in doc.text and "Ã" not in doc.text
    assert "mojibake" in doc.repairs and doc.repaired_chars > 0


def test_cp1252_file_is_decoded_not_crashed(data_dir: Path) -> None:
    doc = read_document(data_dir / "cp1252.txt", data_dir)
    assert doc.encoding == "cp1252"
    assert "Communiqué de presse\nLe ministère de l'Économie" in doc.text
    assert "\r" not in doc.text


def test_bom_and_crlf(data_dir: Path) -> None:
    doc = read_document(data_dir / "bom_crlf.txt", data_dir)
    assert doc.had_bom and doc.encoding == "utf-8"
    assert doc.text.startswith("Paris, le 12 mars 2024\nLa Commission")
    assert "\ufeff" not in doc.text and "\r" not in doc.text


def test_front_matter_is_metadata_and_offsets_index_the_body(data_dir: Path) -> None:
    doc = read_document(data_dir / "front_matter.md", data_dir)
    assert doc.doc_id == "front_matter"
    assert doc.metadata["title"] == "Plan numérique"
    assert doc.published == dt.date(2024, 3, 12)
    assert doc.text.startswith("Le ministre a présenté")


@pytest.mark.parametrize(("name", "status"), [("empty.txt", "empty"), ("binary.txt", "binary")])
def test_bad_files_raise_a_one_line_error(data_dir: Path, name: str, status: str) -> None:
    with pytest.raises(ReadError) as info:
        read_document(data_dir / name, data_dir)
    assert info.value.status == status
    assert "\n" not in str(info.value)


def test_short_latin1_text_is_read_as_french() -> None:
    text, encoding, bom = decode_bytes("Élève à côté".encode("latin-1"))
    assert text == "Élève à côté" and encoding in ("cp1252", "latin_1") and not bom


def test_front_matter_with_crlf_and_bad_yaml() -> None:
    meta, body = split_front_matter("---\r\ndate: 2020-01-02\r\n---\r\nCorps du texte")
    assert meta == {"date": "2020-01-02"} and body == "Corps du texte"
    with pytest.raises(ReadError, match="front matter"):
        split_front_matter("---\ntitle: [non fermé\n---\nTexte")


def test_text_without_front_matter_is_untouched_by_splitting() -> None:
    meta, body = split_front_matter("--- pas un bloc\nTexte")
    assert meta == {} and body == "--- pas un bloc\nTexte"


def test_document_from_text_repairs_like_files() -> None:
    doc = document_from_text("lâ€™Europe\r\n", "x")
    assert doc.text == "l'Europe\n"
