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
from functools import cache, lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import __version__
from .canonical import Gazetteer, load_gazetteer
from .contacts import extract_contacts
from .dates import detect_publication_date, extract_dates
from .ingest.infer import infer_title
from .keywords import KeyphraseCandidate, keyphrase_candidates
from .language import detect_language, detector_version, language_status
from .places import country_code, places_version
from .reading import Document, ReadError
from .tables import Rows, spec_from_dataclass
from .themes import Taxonomy, load_taxonomy, tag_themes
from .token_table import TokenTable, token_table

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
            code_version(),
            model,
            self.taxonomy.version,
            self.gazetteer.version,
            places_version(),
            detector_version(),
            repr(self.theme_threshold),
        ]
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the package's code and data: any change to an extractor invalidates cached rows."""
    digest = hashlib.sha256()
    root = Path(__file__).parent
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".toml", ".json", ".txt", ".csv") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def skipped_rows(doc_id: str, path: str, error: ReadError) -> Rows:
    """The documents row of a file that could not be read: listed, with why, and nothing else."""
    return {
        "documents": [{"doc_id": doc_id, "path": path, "status": error.status, "status_detail": str(error)}]
    }


def analyse_batch(
    documents: Iterable[Document], nlp: Language, settings: Settings, *, batch_size: int = 16
) -> Iterator[tuple[Document, Rows]]:
    """Stream (document, its rows) in input order; memory stays flat whatever the corpus size: rows
    are plain values, and spaCy's memory zone frees the strings and lexemes each chunk adds to the
    vocabulary (an archive keeps bringing new names and numbers: without it the vocabulary of a
    long-running worker only grows).

    Documents in another language than French are listed (status not_french) but not given to the
    French model, whose entities, lemmas and dates would be noise on them."""
    stream = iter(documents)
    while chunk := list(islice(stream, batch_size)):
        languages = [detect_language(d.text) for d in chunk]
        french = [
            (d.text, i)
            for i, (d, lang) in enumerate(zip(chunk, languages, strict=True))
            if not language_status(*lang)
        ]
        with nlp.memory_zone():  # the words new to the vocabulary are forgotten after the chunk
            parsed = {i: doc for doc, i in nlp.pipe(french, as_tuples=True, batch_size=batch_size)}
            for i, document in enumerate(chunk):
                yield document, analyse_document(document, parsed.get(i), settings, languages[i])
            parsed.clear()  # its Docs must not outlive the zone


def analyse_document(
    document: Document, doc: Doc | None, settings: Settings, language: tuple[str, float] | None = None
) -> Rows:
    """Run every extractor on one parsed document and turn their records into table rows.

    `doc` is None for a document that is not analysed (its language): only its documents row is made."""
    doc_id = document.doc_id
    code, confidence = language or detect_language(document.text)
    published, published_source = document.published, "front_matter"
    if published is None:
        published = detect_publication_date(document.text)
        published_source = "text" if published else None
    row = {
        "doc_id": doc_id,
        "path": document.path,
        "status": "ok",
        "title": document.metadata.get("title") or infer_title(document.text),
        "source": document.metadata.get("source"),
        "url": document.metadata.get("url"),
        "published": published,
        "published_source": published_source,
        "language": code or None,
        "language_confidence": round(confidence, 4),
        "encoding": document.encoding,
        "had_bom": document.had_bom,
        "repaired": document.repaired,
        "repairs": ",".join(document.repairs),
        "repaired_chars": document.repaired_chars,
        "n_chars": len(document.text),
        "sha256": document.sha256,
    }
    skipped = language_status(code, confidence)
    if doc is None or skipped:
        row["status"], row["status_detail"] = skipped or ("not_analysed", "not given to the model")
        return {"documents": [row]}
    # Imported here: they load spaCy's French language data (seconds of regex compiling), which a run
    # whose documents all come from the cache never needs.
    from .entities import extract_entities
    from .quotes import extract_quotes

    row["n_tokens"], row["n_sentences"] = _word_and_sentence_counts(token_table(doc))
    contacts = extract_contacts(document.text)
    entities = extract_entities(doc, settings.gazetteer, contacts)
    entity_rows = _records(doc_id, entities)
    for entity in entity_rows:
        entity["country"] = (
            country_code(entity["canonical"] or entity["text"]) if entity["label"] == "LOC" else None
        )
    return {
        "documents": [row],
        "entities": entity_rows,
        "quotes": _records(doc_id, extract_quotes(doc, entities)),
        "contacts": _records(doc_id, contacts),
        "dates": _records(doc_id, extract_dates(document.text, published)),
        "themes": _records(doc_id, tag_themes(doc, settings.taxonomy, settings.theme_threshold)),
        KEYWORD_CANDIDATES.name: _records(doc_id, keyphrase_candidates(doc)),
    }


def _word_and_sentence_counts(tokens: TokenTable) -> tuple[int, int]:
    """Tokens and sentences that are not only whitespace, from the token table the entity and quote
    stages read too (built once per document)."""
    words = [i for i, space in enumerate(tokens.space) if not space]
    return len(words), len({tokens.sentence_of[i] for i in words})


def _records(doc_id: str, items: Iterable[Any]) -> list[dict[str, Any]]:
    """Rows of flat records (dataclasses.asdict deep-copies every value: a tenth of the extractors' time)."""
    return [{"doc_id": doc_id, **{n: getattr(item, n) for n in _fields(type(item))}} for item in items]


@cache
def _fields(record_type: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(record_type))
