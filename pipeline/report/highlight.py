"""A document's text with its entity and date spans marked up by displaCy (manual mode).

displaCy escapes the text and the labels; the attributes we add to its spans (tooltip, link) go through
markupsafe.escape, so nothing from a document reaches the page as markup.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup, escape

from .common import date_value

MAX_TEXT_CHARS = 60_000  # a longer text is cut on its page (the file stays small; texts/ has it whole)
SPAN_LABELS = ("PER", "ORG", "LOC", "MISC", "DATE")

# displaCy's entity template, shortened: classes instead of inline styles (1,000 pages must stay small),
# a link to the entity's entry when it has one, the canonical name or date value as a tooltip.
ENT_TEMPLATE = '<{tag} class="e e-{cls}"{attrs}>{text}<b>{label}</b></{tag}>'


def highlight(
    text: str, ents: list[dict[str, Any]], dates: list[dict[str, Any]], anchors: dict[str, str]
) -> tuple[Markup, int]:
    """The text (cut at MAX_TEXT_CHARS) as markup, and how many characters were cut.

    `anchors` maps an entity key ("canonical\\x1fLABEL") to its entry's id: such a mention becomes a link.
    """
    from spacy import displacy

    truncated = max(0, len(text) - MAX_TEXT_CHARS)
    text = text[:MAX_TEXT_CHARS]
    spans: list[dict[str, Any]] = []
    for r in ents:
        canonical = r.get("canonical") or r.get("text", "")
        key = f"{canonical}\x1f{r['label']}"
        tip = canonical + (f" · {r['role']}" if r.get("role") else "")
        spans.append(_span(r, str(r["label"]), tip, anchors.get(key)))
    for r in dates:
        spans.append(_span(r, "DATE", date_value(r), None))
    spans = [s for s in spans if 0 <= s["start"] < s["end"] <= len(text)]
    spans.sort(key=lambda s: (s["start"], -(s["end"] - s["start"])))
    kept: list[dict[str, Any]] = []
    for s in spans:  # displaCy's ent style cannot nest: the earlier, longer span wins
        if not kept or s["start"] >= kept[-1]["end"]:
            kept.append(s)
    html = displacy.render(
        {"text": text, "ents": kept, "title": None},
        style="ent",
        manual=True,
        page=False,
        jupyter=False,
        options={"template": ENT_TEMPLATE},
    )
    return Markup(html.strip()), truncated


def _span(r: dict[str, Any], label: str, tip: str, href: str | None) -> dict[str, Any]:
    """One displaCy span; its tag, class and escaped attributes fill ENT_TEMPLATE."""
    cls = label if label in SPAN_LABELS else "OTHER"
    attrs = f' title="{escape(tip)}"' + (f' href="#{escape(href)}"' if href else "")
    return {
        "start": int(r["start"]),
        "end": int(r["end"]),
        "label": re.sub(r"[^A-Za-z0-9_]", "", label)[:12] or "X",
        "params": {"tag": "a" if href else "mark", "cls": cls, "attrs": attrs},
    }
