"""The entity stage from end to end: candidates from every source, cleaned and filtered, overlaps
resolved, then labels, acronyms, short forms, canonical names and roles settled for the document."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.canonical import Gazetteer
from pipeline.contacts import Contact

from ..token_table import TokenTable
from .acronyms import acronym_definitions, bracketed_acronym_candidates, common_noun_acronyms
from .banks import regional_bank_candidates
from .candidates import (
    body_candidates,
    country_long_forms,
    event_candidates,
    festival_candidates,
    head_candidates,
    model_candidates,
    plural_head_candidates,
)
from .canonical_names import assign_canonicals
from .cleaning import char_bounds, clean
from .clubs import club_candidates
from .context import Context
from .coordinated import extend_coordinated_common
from .corrections import NEVER, Corrections
from .document_mentions import propagate, purpose_complements, short_form_mentions, split_hyphenated
from .filters import never_an_entity
from .gazetteer_matches import gazetteer_candidates
from .labels import (
    acronym_labels,
    cue_label,
    harmonise_labels,
    label_enumerations,
    places_read_as_persons,
    resolve_overlaps,
)
from .named_kinds import (
    award_names,
    company_word_candidates,
    media_titles,
    road_candidates,
    work_title_candidates,
)
from .records import Candidate, Mention
from .release_names import (
    about_names,
    acronym_and_short_bodies,
    acronym_place_candidates,
    confederation_candidates,
    court_candidates,
    dateline_candidates,
    diplomatic_post_candidates,
    index_candidates,
    local_body_candidates,
    longer_place_candidates,
    museum_candidates,
    quoted_name_candidates,
    seat_and_grouping_candidates,
    social_candidates,
)
from .roles import portfolio_place, portfolio_spans, role_after, role_before
from .venues import venues_where_things_take_place


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    text: str  # doc.text[start:end]
    label: str  # PER, ORG, LOC, MISC
    canonical: str  # best canonical known inside this document
    role: str | None  # title/function written next to the name, kept out of the span
    sentence: int  # 0-based index of the sentence (in doc.sents) holding the mention


def extract_entities(
    doc: Doc,
    gazetteer: Gazetteer,
    contacts: Sequence[Contact] | None = None,
    *,
    tokens: TokenTable | None = None,
    corrections: Corrections | None = None,
) -> list[EntityMention]:
    """Clean entity mentions of `doc`, sorted by start and non-overlapping (see the package doc).

    `contacts`: pipeline.contacts.extract_contacts(doc.text) when the caller already has them (no
    entity overlaps a contact); computed here otherwise. `tokens`: the document's TokenTable when the
    caller built it (the per-document pass builds it once for every stage). `corrections`: the
    analyst's (--entities FILE), applied last.
    """
    ctx = Context(doc, gazetteer, None if contacts is None else list(contacts), tokens)
    cands = model_candidates(ctx)
    cands += head_candidates(ctx, cands)
    cands += body_candidates(ctx)
    cands += event_candidates(ctx) + festival_candidates(ctx)
    cands += gazetteer_candidates(ctx)
    cands += country_long_forms(ctx)
    cands += local_body_candidates(ctx) + quoted_name_candidates(ctx) + social_candidates(ctx)
    cands += court_candidates(ctx) + longer_place_candidates(ctx) + dateline_candidates(ctx)
    cands += acronym_place_candidates(ctx) + seat_and_grouping_candidates(ctx) + confederation_candidates(ctx)
    cands += bracketed_acronym_candidates(ctx) + index_candidates(ctx) + museum_candidates(ctx)
    cands += club_candidates(ctx) + diplomatic_post_candidates(ctx) + plural_head_candidates(ctx)
    cands += regional_bank_candidates(ctx) + road_candidates(ctx) + company_word_candidates(ctx)
    cands += work_title_candidates(ctx)
    award_names(ctx, cands)
    portfolios = portfolio_spans(ctx)

    cleaned: list[Candidate] = []
    for c in cands:
        for d in clean(ctx, c):
            if c.source == "model" and any(a <= d.start and d.end <= b for a, b in portfolios):
                d.source = "model+portfolio"
            if "portfolio" in d.source:
                portfolio_place(ctx, d)
            if d.char_end is None:
                extend_coordinated_common(ctx, d)
            cleaned.append(d)
    bounds: dict[int, tuple[int, int]] = {}
    kept_cands: list[Candidate] = []
    for c in cleaned:
        s, e = char_bounds(ctx, c)
        if e <= s:
            continue
        if never_an_entity(ctx, c, ctx.text[s:e]):
            continue
        bounds[id(c)] = (s, e)
        kept_cands.append(c)
    kept = resolve_overlaps(kept_cands, bounds)

    mentions: list[Mention] = []
    for c in kept:
        s, e = bounds[id(c)]
        cue = c.cue or cue_label(ctx, c)
        label = cue or c.label
        entry = ctx.lookup(ctx.text[s:e])
        if entry is not None:
            label = cue = entry.label
        mentions.append(
            Mention(s, e, ctx.text[s:e], label, c, tok_start=c.start, tok_end=c.end, cue=cue, role=c.role)
        )

    purpose_complements(ctx, mentions)
    mentions = propagate(ctx, mentions)
    mentions = split_hyphenated(ctx, mentions)
    defs = acronym_definitions(ctx, mentions)
    common = common_noun_acronyms(ctx)
    mentions = [m for m in mentions if m.text not in common]
    places_read_as_persons(ctx, mentions)
    harmonise_labels(ctx, mentions)
    about_names(ctx, mentions)
    acronym_labels(ctx, mentions, set(defs))
    media_titles(ctx, mentions)
    acronym_and_short_bodies(ctx, mentions, defs)
    label_enumerations(ctx, mentions)
    mentions = short_form_mentions(ctx, mentions)
    venues_where_things_take_place(ctx, mentions)
    assign_canonicals(ctx, mentions, defs)

    out: list[EntityMention] = []
    for m in mentions:
        role = None  # a function is a person's: "Directeur général de l'OMS" gives the OMS no role
        if m.label == "PER":
            role = m.role
            before = role_before(ctx, m)
            after = role_after(ctx, m)
            parts: list[str] = []
            for r in (before, role, after):
                for part in (r or "").split("; "):
                    if part and not any(part in p for p in parts):
                        parts = [p for p in parts if p not in part] + [part]
            role = "; ".join(parts) or None
        sentence = bisect_right(ctx.sent_starts, m.start) - 1
        label, canonical = m.label, m.canonical or m.text
        fix = corrections.get(m.text) if corrections is not None else None
        if fix is not None:
            if fix.label == NEVER:
                continue
            label, canonical = fix.label, fix.canonical
            role = role if label == "PER" else None
        out.append(EntityMention(m.start, m.end, m.text, label, canonical, role, max(sentence, 0)))
    return out
