"""The per-document pass: Documents -> rows of the per-document tables.

`analyse_batch` is the one place spaCy runs. It is a pure function of the documents' text and
metadata and of `Settings` (model, taxonomy, gazetteer, thresholds, all folded into
`Settings.fingerprint`), which is what lets the cache and the Dask engine share it.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import __version__
from .canonical import Gazetteer, load_gazetteer
from .contacts import extract_contacts
from .dates import detect_publication_date, extract_dates
from .entities import extract_entities
from .keywords import KeyphraseCandidate, keyphrase_candidates
from .reading import Document, ReadError
from .tables import Rows, spec_from_dataclass
from .themes import Taxonomy, load_taxonomy, tag_themes

KEYWORD_CANDIDATES = spec_from_dataclass(
    "keyword_candidates",
    KeyphraseCandidate,
    "Keyphrase candidates with their in-document features (internal: ranked in the corpus pass).",
)


@dataclass(frozen=True)
class Settings:
    """Everything besides the text that changes what the per-document pass returns."""

    taxonomy: Taxonomy
    gazetteer: Gazetteer
    theme_threshold: float | None = None

    @classmethod
    def load(
        cls,
        taxonomy_path: Path | None = None,
        gazetteer_path: Path | None = None,
        theme_threshold: float | None = None,
    ) -> Settings:
        return cls(load_taxonomy(taxonomy_path), load_gazetteer(gazetteer_path), theme_threshold)

    def fingerprint(self, model: str) -> str:
        parts = [
            __version__,
            model,
            self.taxonomy.version,
            self.gazetteer.version,
            repr(self.theme_threshold),
        ]
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def skipped_rows(doc_id: str, path: str, error: ReadError) -> Rows:
    """The documents row of a file that could not be read: listed, with why, and nothing else."""
    return {
        "documents": [{"doc_id": doc_id, "path": path, "status": error.status, "status_detail": str(error)}]
    }


def analyse_batch(
    documents: Iterable[Document],
    nlp: Language,
    settings: Settings,
    *,
    n_process: int = 1,
    batch_size: int = 16,
) -> Iterator[tuple[Document, Rows]]:
    """Stream (document, its rows) in input order; memory stays flat whatever the corpus size."""
    pairs = ((d.text, d) for d in documents)
    for spacy_doc, document in nlp.pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size):
        yield document, analyse_document(document, spacy_doc, settings)


def analyse_document(document: Document, doc: Doc, settings: Settings) -> Rows:
    """Run every extractor on one parsed document and turn their records into table rows."""
    doc_id = document.doc_id
    published, published_source = document.published, "front_matter"
    if published is None:
        published = detect_publication_date(document.text)
        published_source = "text" if published else None
    sentences = list(doc.sents)
    rows: Rows = {
        "documents": [
            {
                "doc_id": doc_id,
                "path": document.path,
                "status": "ok",
                "title": document.metadata.get("title") or _first_line(document.text),
                "source": document.metadata.get("source"),
                "url": document.metadata.get("url"),
                "published": published,
                "published_source": published_source,
                "encoding": document.encoding,
                "had_bom": document.had_bom,
                "repaired": document.repaired,
                "repairs": ",".join(document.repairs),
                "repaired_chars": document.repaired_chars,
                "n_chars": len(document.text),
                "n_tokens": sum(not t.is_space for t in doc),
                "n_sentences": sum(1 for s in sentences if s.text.strip()),
                "sha256": document.sha256,
            }
        ],
        "entities": _records(doc_id, extract_entities(doc, settings.gazetteer)),
        "contacts": _records(doc_id, extract_contacts(document.text)),
        "dates": _records(doc_id, extract_dates(document.text, published)),
        "themes": _records(doc_id, tag_themes(doc, settings.taxonomy, settings.theme_threshold)),
        KEYWORD_CANDIDATES.name: _records(doc_id, keyphrase_candidates(doc)),
    }
    return rows


def _records(doc_id: str, items: Iterable[Any]) -> list[dict[str, Any]]:
    return [{"doc_id": doc_id, **dataclasses.asdict(item)} for item in items]


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:300]
    return None
