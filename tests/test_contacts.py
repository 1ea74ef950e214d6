"""Contacts: e-mails, URLs, phones, hashtags and handles on lines written for the tests."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline.contacts import KINDS, Contact, extract_contacts


def found(text: str) -> list[tuple[str, str]]:
    out = extract_contacts(text)
    for c in out:
        assert text[c.start : c.end] == c.text
    return [(c.text, c.kind) for c in out]


def test_email_without_trailing_punctuation():
    assert found("Écrire à presse@ministere.gouv.fr.") == [("presse@ministere.gouv.fr", "email")]


def test_email_is_not_also_a_handle_or_url():
    assert found("Contact : jean.dupont@exemple-asso.org") == [("jean.dupont@exemple-asso.org", "email")]


def test_urls_with_scheme_or_www():
    text = "Voir https://www.exemple.fr/presse?id=3, ou www.exemple.eu (en anglais)."
    assert found(text) == [("https://www.exemple.fr/presse?id=3", "url"), ("www.exemple.eu", "url")]


def test_bare_lower_case_domain_is_a_url():
    assert found("Inscriptions sur exemple.gouv.fr/inscription avant lundi.") == [
        ("exemple.gouv.fr/inscription", "url")
    ]


def test_a_name_written_like_a_domain_is_left_to_the_entities():
    assert found("Le projet OpenData.eu et l'initiative CapIA.fr démarrent.") == []


def test_markdown_link_target_url():
    assert found("[Lire le rapport](https://exemple.org/rapport.pdf)") == [
        ("https://exemple.org/rapport.pdf", "url")
    ]


def test_french_phone_numbers():
    text = "Tél. : 01 23 45 67 89 ou 06.12.34.56.78, depuis l'étranger +33 (0)1 23 45 67 89."
    assert found(text) == [
        ("01 23 45 67 89", "phone"),
        ("06.12.34.56.78", "phone"),
        ("+33 (0)1 23 45 67 89", "phone"),
    ]


def test_numbers_that_are_not_phones():
    assert found("Le 12.05.2024, 2 000 000 euros ont été versés à 1 200 communes ; budget 2024-2027.") == []


def test_hashtags_and_handles():
    assert found("Suivez @MinistereX et le fil #IAResponsable sur les réseaux.") == [
        ("@MinistereX", "handle"),
        ("#IAResponsable", "hashtag"),
    ]


def test_a_lone_hash_or_markdown_anchor_is_not_a_hashtag():
    assert found("[En savoir plus](#) et la note n° 5 # 3") == []


def test_sorted_and_non_overlapping():
    text = "a@b.fr https://x.fr/a@b #tag 01 02 03 04 05 @handle"
    out = extract_contacts(text)
    assert out == sorted(out, key=lambda c: c.start)
    assert all(a.end <= b.start for a, b in zip(out, out[1:], strict=False))
    assert {c.kind for c in out} <= set(KINDS)
    assert isinstance(out[0], Contact)


@given(st.text(max_size=200))
def test_any_text_gives_valid_spans(text):
    for c in extract_contacts(text):
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.text
        assert c.kind in KINDS
