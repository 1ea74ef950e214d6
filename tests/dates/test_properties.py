"""Property tests: on any text the extractor returns valid, sorted, non-overlapping, well-formed mentions."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.dates import GRANULARITIES, MODS, detect_publication_date, extract_dates, find_publication_date

VALUE = re.compile(
    r"(?:\d{4}|XXXX)(?:-\d{2}(?:-\d{2})?)?|\d{3}X|\d{2}XX|(?:\d{4}|XXXX)-(?:SP|SU|FA|WI|Q[1-4]|H[12])"
    r"|\d{4}-W\d{2}(?:-WE)?|XXXX-WXX-[1-7]|PRESENT_REF|PAST_REF|FUTURE_REF"
)

# Pieces of French date language, glued with random text, so the grammar is exercised deeply.
FRAGMENTS = [
    "le", "du", "au", "les", "et", "de", "d'ici", "en", "vers", "fin", "début", "mi-", "la", "l'", "cette",
    "dès", "1er", "12", "31", "29", "0", "2024", "1999", "97", "'98", "2019-2020", "03/07/2023", "2023-11-05",
    "12.03.24", "mars", "Mai", "AOÛT", "aoû", "sept.", "sept", "décembre", "fevrier", "lundi", "Mercredi,",
    "samedi", "dernier", "prochain", "hier", "aujourd'hui", "demain", "la veille", "le lendemain",
    "le même jour", "il y a", "deux", "ans", "mois", "semaine", "années", "60", "XIXe siècle", "été", "hiver",
    "printemps", "trimestre", "premier", "Pâques", "Noël", "Pentecôte", "désormais", "%", "€", "n°",
    "article", "rue", ",", ".", "\n", " - ", "(", ")", ":", "à", "a été", "aura lieu", "a eu lieu", "sera",
    "quinzaine", "seconde", "en huit", "en quinze", "plus tard", "après", "auparavant", "du mois prochain",
    "de la semaine prochaine", "suivante", "21/03", "4/5", "févr.", "oct.", "noël", "Toussaint", "semestre",
    "quatre", "jusqu'au", "ce jour", "11-Novembre", "marché de", "dimanches", "inclus",
]  # fmt: skip

french_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=40).map(" ".join)
any_text = st.one_of(st.text(max_size=300), french_text)
published = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


def check(text: str, pub: dt.date | None) -> None:
    found = extract_dates(text, pub)
    last_end = -1
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end  # sorted and non-overlapping
        last_end = m.end
        assert VALUE.fullmatch(m.value), m
        assert m.end_value is None or VALUE.fullmatch(m.end_value), m
        assert m.granularity in GRANULARITIES, m
        assert m.mod is None or m.mod in MODS, m


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text, published)
def test_extractor_never_crashes_and_returns_well_formed_mentions(text: str, pub: dt.date | None) -> None:
    check(text, pub)


@settings(max_examples=300, deadline=None)
@given(french_text, st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_realistic_publication_dates(text: str, pub: dt.date) -> None:
    check(text, pub)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_publication_detection_never_crashes(text: str) -> None:
    result = detect_publication_date(text)
    assert result is None or isinstance(result, dt.date)


@settings(max_examples=200, deadline=None)
@given(any_text, any_text, st.text(max_size=80))
def test_publication_from_front_matter_never_crashes(text: str, title: str, url: str) -> None:
    found, source = find_publication_date(text, {"title": title, "url": url})
    assert (found is None) == (source is None)
    assert source in (None, "title", "url", "text")
