"""Language of a document: only French texts go through the French model.

Corpora of communiqués mix languages (the EU and the UN publish English and French versions side by
side). A non-French document analysed with fr_core_news_md would fill every table with noise, so each
document gets a detected language and a confidence, and a non-French one is listed in the documents
table with a status saying why (`language_status`) instead of being analysed.

Detection: py3langid (a maintained fork of langid.py, its model ships inside the package: offline, a
few milliseconds a document), restricted to the languages such corpora mix (`LANGUAGES`): on a closed
set its naive Bayes scores stay right on one-line releases ("Ministerial meeting postponed to 12 March."),
where an open set of 97 languages confuses short English with Dutch. URLs, e-mail addresses and digits
are removed first: they carry no language and make short texts look English.
"""

from __future__ import annotations

import re
from typing import Any

from .per_process import PerProcess

LANGUAGES: tuple[str, ...] = ("fr", "en", "de", "es", "it", "nl", "pt")
ANALYSED = "fr"  # the language of the spaCy model
MIN_CONFIDENCE = 0.5  # below this, a non-French guess is too weak to skip a document: it is analysed
MAX_CHARS = 5000  # the opening of a long document is enough and keeps detection fast
NOT_FRENCH = "not_french"  # documents.status of a document that was not analysed for its language

_NOISE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|[\d.,:;/%€$+\-–—()\[\]#*_|]+")
_LETTER = re.compile(r"[^\W\d_]")


def _load_identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(LANGUAGES))
    return ident


identifier: PerProcess[Any] = PerProcess(_load_identifier)


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, confidence in [0, 1]). ("", 0.0) when the text has no words to judge by."""
    cleaned = " ".join(_NOISE.sub(" ", text[:MAX_CHARS]).split())
    if len(_LETTER.findall(cleaned)) < 2:
        return "", 0.0
    code, prob = identifier().classify(cleaned)
    return str(code), round(float(prob), 4)


def is_analysed(code: str, confidence: float) -> bool:
    """Whether a document in `code` goes through the French model: French, undetermined, or a weak guess."""
    return code in (ANALYSED, "") or confidence < MIN_CONFIDENCE


def language_status(code: str, confidence: float) -> tuple[str, str] | None:
    """(status, detail) for the documents table of a document that is not analysed, else None."""
    if is_analysed(code, confidence):
        return None
    detail = f"detected language {code!r} (confidence {confidence:.2f}): not analysed, the model is French"
    return NOT_FRENCH, detail


def detector_version() -> str:
    """Part of the analysis fingerprint: another detector version or language set may change statuses."""
    from importlib.metadata import version

    return f"py3langid-{version('py3langid')}:{','.join(LANGUAGES)}:{MIN_CONFIDENCE}"
