"""The quotes table's row, and the records the attribution rules pass along before a speaker is
settled: a mention in characters, a speaker as written (`Raw`), a resolved speaker, a candidate
quotation."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Quote:
    """One quotation: offsets index the analysed text; `text == doc.text[start:end]`."""

    start: int
    end: int
    text: str  # the quoted words without the marks
    speaker: str | None  # as written: a name, a role ("la Directrice générale"), or a pronoun's antecedent
    speaker_canonical: str | None  # canonical of the entity mention the speaker is, else None
    speaker_role: str | None  # role as written ("ministre délégué chargé du Numérique")
    verb: str | None  # lemma of the verb of saying (déclarer, souligner ...); None for "selon X"


@dataclass(frozen=True)
class Mention:
    """A PER/ORG/LOC name in character offsets: an entity mention or one of spaCy's own entities."""

    start: int
    end: int
    text: str
    label: str
    canonical: str | None


@dataclass
class Speaker:
    """A resolved speaker, also the antecedent that later pronouns and bare roles refer to."""

    surface: str
    canonical: str | None
    role: str | None
    gender: str | None
    number: str
    head: str | None  # the role's head ("directeur général"), to match "le directeur" later
    kind: str  # PER, ROLE, ORG, LOC, NAMED (a person the text named with a role, who did not speak)
    doctor: bool = False  # named after "docteur" / "Dr": a physician, whom "le chirurgien" may name


@dataclass
class Raw:
    """A speaker as written, before pronouns and bare roles are resolved."""

    kind: str  # PER ORG LOC ROLE PRON INHERIT GOES_ON (the previous quote's speaker goes on) ANSWER NAMED
    pos: int  # where the attribution is: resolution only looks before it
    surface: str | None = None
    mention: Mention | None = None
    role: str | None = None
    head: str | None = None
    body: Mention | None = None  # the body a role names ("de l'UNESCO")
    gender: str | None = None
    number: str = "Sing"
    doctor: bool = False  # named after "docteur" / "Dr"


@dataclass
class Candidate:
    """Text between two paired marks, with the speaker and verb attribution finds for it."""

    open_at: int  # index of the opening mark
    close_at: int  # index of the closing mark
    start: int  # content, trimmed
    end: int
    parts: list[tuple[int, int]] = field(default_factory=list)
    raw: Raw | None = None
    verb: str | None = None
    incise: bool = False  # attributed by an incise right after the closing mark
