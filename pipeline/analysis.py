"""The per-document pass: Documents -> rows of the per-document tables.

`analyse_batch` is the one place spaCy runs. It is a pure function of the documents' text and
metadata and of `Settings` (model, taxonomy, gazetteer, thresholds, all folded into
`Settings.fingerprint`), which is what lets the cache and the Dask engine share it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import groupby, islice
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .dates import find_publication_date
from .header import infer_title
from .language import detect_language, language_status
from .publisher_of import find_publisher
from .reading import Document, ReadError
from .registry import EXTRACTORS, Context
from .settings import Settings
from .tables import DOCUMENTS, Rows
from .token_table import TokenTable, token_table

__all__ = ["Settings", "analyse_batch", "analyse_document", "pieces", "skipped_rows"]

PIECE_CHARS = 10_000  # a text over spaCy's max_length goes to it in pieces of this size at most: the
# temporary memory of a batch grows with the length of its texts (100,000-character pieces: 4 GB for 1 MB)


def skipped_rows(doc_id: str, path: str, error: ReadError) -> Rows:
    """The documents row of a file that could not be read: listed, with why, and nothing else."""
    return {
        DOCUMENTS.name: [
            {"doc_id": doc_id, "path": path, "status": error.status, "status_detail": str(error)}
        ]
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
            (piece, i)
            for i, (d, lang) in enumerate(zip(chunk, languages, strict=True))
            if not language_status(*lang)
            for piece in pieces(d.text, nlp.max_length)
        ]
        with nlp.memory_zone():  # the words new to the vocabulary are forgotten after the chunk
            parsed: dict[int, Doc] = {}
            for i, docs in groupby(nlp.pipe(french, as_tuples=True, batch_size=batch_size), key=_second):
                parsed[i] = _joined([doc for doc, _ in docs])
            for i, document in enumerate(chunk):
                yield document, analyse_document(document, parsed.get(i), settings, languages[i])
            parsed.clear()  # its Docs must not outlive the zone


def pieces(text: str, max_length: int, size: int | None = None) -> list[str]:
    """A text spaCy accepts whole (up to `max_length`) as itself; a longer one in pieces of at most
    `size` characters that join back into it, each cut after a line end (else after a space) so that
    no word or line is split. Every text up to reading.MAX_CHARS is thus analysed."""
    if len(text) <= max_length:
        return [text]
    size = size or PIECE_CHARS
    out, start = [], 0
    while len(text) - start > size:
        end = start + size
        cut = text.rfind("\n", start + size // 2, end)
        if cut < 0:
            cut = text.rfind(" ", start + size // 2, end)
        end = cut + 1 if cut >= 0 else end
        out.append(text[start:end])
        start = end
    out.append(text[start:])
    return out


def _second(pair: tuple[Doc, int]) -> int:
    return pair[1]


def _joined(docs: list[Doc]) -> Doc:
    """One Doc whose offsets index the whole text, from the Docs of its pieces (in order)."""
    if len(docs) == 1:
        return docs[0]
    return Doc.from_docs(docs, ensure_whitespace=False)


def analyse_document(
    document: Document, doc: Doc | None, settings: Settings, language: tuple[str, float] | None = None
) -> Rows:
    """Run every extractor on one parsed document and turn their records into table rows.

    `doc` is None for a document that is not analysed (its language): only its documents row is made."""
    doc_id = document.doc_id
    code, confidence = language or detect_language(document.text)
    published, published_source = find_publication_date(document.text, document.metadata)
    row = {
        "doc_id": doc_id,
        "path": document.path,
        "status": "ok",
        "title": document.metadata.get("title") or infer_title(document.text),
        "source": None,  # set below: the front matter's, else the one the release states
        "source_origin": None,
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
        "status_detail": "; ".join(document.notes) or None,
    }
    skipped = language_status(code, confidence)
    if doc is None or skipped:
        row["status"], row["status_detail"] = skipped or ("not_analysed", "not given to the model")
        row["source"], row["source_origin"] = find_publisher(document.text, document.metadata)
        return {DOCUMENTS.name: [row]}
    tokens = token_table(doc)
    row["n_tokens"], row["n_sentences"] = _word_and_sentence_counts(tokens)
    context = Context(document, doc, tokens, settings, published)
    rows: Rows = {DOCUMENTS.name: [row]}
    for extractor in EXTRACTORS:
        records = context.found[extractor.name] = extractor.extract(context)
        rows[extractor.table.name] = _records(doc_id, records)
        if extractor.amend is not None:
            extractor.amend(rows[extractor.table.name])
    row["source"], row["source_origin"] = find_publisher(
        document.text, document.metadata, context.found["entities"], settings.gazetteer
    )
    return rows


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
