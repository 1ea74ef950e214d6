"""Language detection: right on every release of a mixed French/English folder, short ones included."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from pipeline.language import NOT_FRENCH, detect_language, is_analysed, language_status
from pipeline.reading import read_document

FOLDER = Path(__file__).parent / "data" / "language"
GOLD = {
    rec["doc"]: rec["language"]
    for rec in map(json.loads, (FOLDER / "gold.jsonl").read_text(encoding="utf-8").splitlines())
}


def test_folder_is_mixed_and_has_short_releases() -> None:
    docs = sorted((FOLDER / "docs").glob("*.txt"))
    assert len(docs) >= 20 and set(GOLD) == {p.stem for p in docs}
    assert set(GOLD.values()) == {"fr", "en"}
    short = [p for p in docs if len(read_document(p, FOLDER / "docs").text.split()) <= 8]
    assert {GOLD[p.stem] for p in short} == {"fr", "en"}


@pytest.mark.parametrize("name", sorted(GOLD))
def test_every_release_of_the_mixed_folder(name: str) -> None:
    text = read_document(FOLDER / "docs" / f"{name}.txt", FOLDER / "docs").text
    code, confidence = detect_language(text)
    assert code == GOLD[name]
    assert 0.5 <= confidence <= 1.0


def test_other_languages_are_recognised() -> None:
    assert (
        detect_language(
            "Die Bundesregierung hat heute eine neue Strategie für künstliche Intelligenz beschlossen."
        )[0]
        == "de"
    )
    assert (
        detect_language("El Gobierno ha aprobado hoy una nueva estrategia de inteligencia artificial.")[0]
        == "es"
    )


def test_no_words_no_language() -> None:
    assert detect_language("") == ("", 0.0)
    assert detect_language("https://example.org 01 23 45 67 89 contact@example.org") == ("", 0.0)


def test_urls_and_numbers_do_not_make_a_french_text_english() -> None:
    text = "Inscriptions : https://www.example.gouv.fr/inscription-forum-2024 avant le 12/03/2024."
    assert detect_language(text)[0] == "fr"


def test_only_confident_non_french_documents_are_skipped() -> None:
    assert is_analysed("fr", 0.99) and is_analysed("", 0.0) and is_analysed("en", 0.3)
    assert not is_analysed("en", 0.9)
    assert language_status("fr", 0.99) is None
    status, detail = language_status("en", 0.97) or ("", "")
    assert status == NOT_FRENCH and "'en'" in detail


def test_fast_enough_for_every_document() -> None:
    text = (FOLDER / "docs" / "fr10_long.txt").read_text(encoding="utf-8") * 20
    detect_language(text)  # loads the model once
    start = time.perf_counter()
    for _ in range(20):
        detect_language(text)
    assert (time.perf_counter() - start) / 20 < 0.05
