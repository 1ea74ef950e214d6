"""Contacts: e-mail addresses, URLs, phone numbers, hashtags and handles, in a table of their own.

Press releases end with contact blocks that a NER model trained on Wikipedia reads as places or
organisations; users want those contacts, but not as entities. The entity stage drops every entity
that overlaps one of these spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = ("email", "url", "phone", "hashtag", "handle")


@dataclass(frozen=True)
class Contact:
    start: int
    end: int
    text: str
    kind: str  # email, url, phone, hashtag, handle


_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,24}(?![\w@])")
# a URL: a scheme or "www.", or a lower-case bare domain with a common top-level domain
# ("economie.gouv.fr/presse"); "OpenData.eu", written as a name, is left to the entity stage.
_TLDS = r"(?:fr|eu|com|org|net|int|gouv\.fr|info|io|ai|de|be|ch|uk|it|es|ca|lu)"
_URL = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"«»()\[\]]+"
    r"|(?<![\w@.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\." + _TLDS + r"(?:/[^\s<>\"«»()\[\]]*)?(?![\w@-])"
)
# phones: French national and international numbers, digits in groups of 2-4 with space, dot or dash
_PHONE = re.compile(
    r"(?<![\w+])(?:"
    r"(?:\+|00)\d{1,3}[\s.\-]?(?:\(0\)[\s.\-]?)?\d{1,4}(?:[\s.\-]?\d{2,4}){2,5}"
    r"|0\d(?:[\s.\-]?\d{2}){4}"
    r")(?![\w])"
)
_HASHTAG = re.compile(r"(?<![\w&/#])#[^\W\d_][\w-]*")
_HANDLE = re.compile(r"(?<![\w.@/])@[A-Za-z_]\w*(?:\.\w+)*")
_TRAILING = ".,;:!?)]}'\"»"


def extract_contacts(text: str) -> list[Contact]:
    """Every contact in `text`, sorted by start, non-overlapping (e-mails first, then URLs, ...)."""
    found: list[Contact] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, kind: str) -> None:
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        if end - start < 2 or any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        found.append(Contact(start, end, text[start:end], kind))

    for m in _EMAIL.finditer(text):
        add(m.start(), m.end(), "email")
    for m in _URL.finditer(text):
        add(m.start(), m.end(), "url")
    for m in _PHONE.finditer(text):
        if sum(ch.isdigit() for ch in m.group()) >= 9:
            add(m.start(), m.end(), "phone")
    for m in _HASHTAG.finditer(text):
        add(m.start(), m.end(), "hashtag")
    for m in _HANDLE.finditer(text):
        add(m.start(), m.end(), "handle")
    return sorted(found, key=lambda c: c.start)
