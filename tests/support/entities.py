"""Entity mentions as (text, label) pairs, the form the entity tests compare."""

from __future__ import annotations

from pipeline.entities import EntityMention


def pairs(mentions: list[EntityMention]) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in mentions]
