"""Reading and repair on small French files with the usual encoding accidents."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from pipeline import reading
from pipeline.reading import (
    ReadError,
    decode_bytes,
    document_from_bytes,
    document_from_text,
    read_document,
    split_front_matter,
)


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


# --- one bad file never stops a run (issue 28) ---------------------------------------------------


def test_an_invalid_front_matter_date_is_ignored_and_said() -> None:
    raw = "---\ntitle: Fête du vélo\ndate: 2024-13-45\n---\nRennes, le 3 juin 2024 – La ville fête le vélo.\n"
    doc = document_from_bytes(raw.encode("utf-8"), "fete", "fete.md")
    assert doc.metadata == {"title": "Fête du vélo"} and doc.published is None
    assert doc.notes == ("front-matter date '2024-13-45' is not a date: ignored",)
    assert split_front_matter("---\ndate: 2024-02-30\n---\nTexte")[0] == {"date": "2024-02-30"}
    assert split_front_matter("---\ndate: !!timestamp hier\n---\nTexte")[0] == {"date": "hier"}
    assert split_front_matter("---\ndate: 2024-02-29\n---\nTexte")[0] == {"date": "2024-02-29"}


def test_a_yaml_alias_bomb_is_refused_at_once() -> None:
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 12):  # 9**12 strings once expanded: never built
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        levels.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    raw = "---\n" + "\n".join(levels) + "\n---\nLe texte.\n"
    started = time.perf_counter()
    with pytest.raises(ReadError) as info:
        document_from_bytes(raw.encode("utf-8"), "bombe")
    assert info.value.status == "bad_front_matter" and "alias" in str(info.value)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize(
    "front_matter",
    [
        "titre: " + "[" * 5000 + "]" * 5000,  # nesting deeper than Python's recursion limit
        "x: " + "y" * 70_000,  # bigger than any metadata
        "n: !!int 'douze'",
        "title: !!python/object/apply:os.system ['true']",
    ],
)
def test_hostile_front_matter_is_bad_front_matter(front_matter: str) -> None:
    with pytest.raises(ReadError) as info:
        document_from_bytes(f"---\n{front_matter}\n---\nLe texte.\n".encode(), "x")
    assert info.value.status == "bad_front_matter" and "\n" not in str(info.value)


def test_mostly_utf8_is_decoded_as_utf8_with_replacements() -> None:
    good = "Le ministère de l'Économie a présenté à Bordeaux un plan pour les très petites entreprises.\n"
    pasted = "Coût : 12 € hors taxes.\n".encode("cp1252")  # two stray letters from a cp1252 text
    broken = b"Lot \x81 et \xc3 fin.\n"  # bytes that are no French letter in cp1252
    doc = document_from_bytes(good.encode("utf-8") * 3 + pasted + broken, "melange")
    assert doc.encoding == "utf-8"
    assert doc.text == good * 3 + "Coût : 12 € hors taxes.\nLot \ufffd et \ufffd fin.\n"
    assert doc.repairs[0] == "invalid_utf8" and doc.repaired_chars >= 4
    assert doc.notes == ("4 invalid UTF-8 byte(s): 2 read as cp1252 letters, 2 replaced by U+FFFD",)


def test_a_code_page_file_is_still_detected_not_replaced() -> None:
    text = "Le ministère de l'Économie a présenté à Bordeaux un plan à 12 €.\n"
    doc = document_from_bytes(text.encode("cp1252"), "cp")
    assert doc.text == text and doc.encoding == "cp1252" and "invalid_utf8" not in doc.repairs


def test_a_text_over_the_size_limit_is_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_CHARS", 1000)
    doc = document_from_bytes(("Une phrase du texte. " * 40).encode(), "court")
    assert len(doc.text) == 840
    with pytest.raises(ReadError) as info:
        document_from_bytes(("Une phrase du texte. " * 60).encode(), "long")
    assert info.value.status == "too_large" and "1,260 characters, over the 1,000 limit" in str(info.value)
