"""Keyphrases: candidates from spaCy's French analysis, ranked with position, frequency and a graph.

Two passes, as everywhere in the pipeline:

* ``keyphrase_candidates(doc)`` needs only one document. It tags every token with a role (noun, name,
  adjective, number, preposition, article), finds the maximal noun-phrase chunks with a regular
  expression over those roles -- ``NOUN ADJ*``, prenominal adjectives, ``NOUN (de|d'|du|des|à|au|aux|contre)
  (article)? NOUN``, proper names with numbers ("Falcon 9") and acronyms -- and keeps every well-formed
  sub-phrase of a chunk, so the head word ("fusée"), the name inside a phrase ("Wimbledon") and the phrase
  with its function words ("tournoi de Wimbledon") are all candidates. Candidates are merged by lemma
  (articles dropped, prepositions normalised) and carry their in-document features: position of the first
  occurrence, frequency, presence in the title, a PositionRank-style graph score.
* ``rank_keyphrases(candidates)`` is the corpus pass: it adds document frequencies over the documents
  analysed together (all equal for a one-document corpus, which then falls back to in-document evidence)
  and keeps the ``top_k`` best per document.

Why these features: in news the title and the lead carry the topic (FirstPhrases is the strongest
baseline at 5), repeated words are the topic (TF-IDF, YAKE), words that co-occur with other important
words early in the text matter (PositionRank, MultipartiteRank), and a phrase is rarely a keyphrase when
its words are common to every document of the corpus (IDF).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import asdict, dataclass, fields

import pandas as pd
from spacy.tokens import Doc, Token

__all__ = ["KeyphraseCandidate", "keyphrase_candidates", "rank_keyphrases", "CANDIDATE_COLUMNS"]


@dataclass(frozen=True)
class KeyphraseCandidate:
    """One de-duplicated candidate of one document, flat so that it can be cached as an Arrow row."""

    lemma: str  # de-duplication key: lower-cased lemmas, articles dropped, prepositions normalised
    surface: str  # the most frequent surface form as written (first seen on ties)
    first_offset: int  # character offset of the first occurrence in the analysed text
    first_sentence: int  # index of the sentence of the first occurrence (0 = the title / first line)
    rel_position: float  # first_offset / length of the text, in [0, 1)
    frequency: int  # occurrences of the phrase (as a phrase or inside a longer one)
    sentence_count: int  # distinct sentences it occurs in
    in_title: bool  # occurs in the document's first sentence (the title in news and press releases)
    n_words: int  # content words (nouns, names, adjectives, numbers)
    is_name: bool  # made of proper names / acronyms / numbers only
    is_acronym: bool  # a single all-capitals token ("NASA", "OTAN")
    has_function_word: bool  # contains a preposition ("tournoi de Wimbledon")
    head: str  # lemma of the head word (first noun, or the whole name)
    position_score: float  # sum over occurrences of 1 / (1 + sentence index): early and repeated
    graph_score: float  # mean PositionRank score of its words, normalised so that the best word is 1
    doc_words: int  # content words in the document (lets the corpus pass normalise frequencies)


CANDIDATE_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(KeyphraseCandidate))

# ----------------------------------------------------------------------------- token roles
# One letter per token, so that phrase patterns are regular expressions over a string:
#   N noun, P proper name / acronym, A adjective (or past participle), M number, E preposition,
#   D article after a preposition, x anything that breaks a phrase.
_PREPOSITIONS = {"de", "d'", "du", "des", "à", "au", "aux", "contre"}
_NAME_LINKS = {"of", "&", "and"}  # inside foreign names: "Empress of Ireland", "Sterling & Francine Clark"
_ARTICLES = {"le", "la", "l'", "les", "un", "une"}
_NOUN_SUFFIXES = ("tion", "sion", "ment", "isme", "iste", "ité", "ance", "ence", "eur", "age", "ure")
# Nouns that are almost never a keyphrase on their own: time units, days, months, vague quantities and
# words of the reporting frame. They may still occur inside a longer phrase ("niveau de vie", "50 ans").
GENERIC_NOUNS = frozenset(
    """
    an année jour journée mois semaine heure minute seconde fois moment période temps date siècle
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août
    septembre octobre novembre décembre matin soir midi nuit veille lendemain
    nombre partie part cas lieu façon manière sorte type chose fait point côté fin début suite cours
    ensemble total reste plupart moitié dizaine centaine millier million milliard trentaine vingtaine
    monsieur madame m. mme mr personne gens homme femme
    article page site source lien photo image version texte communiqué presse information contact
    chose objet effet raison question sujet exemple niveau place rôle compte mesure
    """.split()
)
# Phrase shapes over roles. A core is a noun phrase (prenominal adjectives, a noun, then adjectives,
# names or numbers) or a name (names, numbers, name links) with optional adjectives; cores are chained
# by a preposition with an optional article and number ("défaillance des deux moteurs").
_CORE = r"(?:A{0,2}N[APM]*|P(?:[PM]|LP)*A*)"
_PHRASE = re.compile(rf"{_CORE}(?:ED?M?{_CORE}){{0,2}}")
_MAX_CONTENT = 7


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and text[0].isalnum()


def _is_name_token(tok: Token, sent_start: bool) -> bool:
    """A proper-name token: tagged PROPN, an acronym, or a capitalised word inside a named entity."""
    text = tok.text
    if not any(c.isalnum() for c in text):
        return False
    if tok.pos_ in ("DET", "ADP", "PUNCT", "CCONJ", "SCONJ", "PRON", "AUX", "SPACE"):
        return False
    if _is_acronym(text) or (any(c.isdigit() for c in text) and any(c.isupper() for c in text)):
        return True
    if tok.pos_ == "PROPN":
        return text[0].isupper() or text[0].isdigit()
    return bool(tok.ent_type_) and text[0].isupper() and not sent_start


def _is_nounish(tok: Token, prev: Token | None, nxt: Token | None) -> bool:
    """VERB/ADJ tags that are nouns in context: after an article and heading its phrase ("les
    islamistes", "l'armée"), or with a noun suffix and no finite/infinitive verb form."""
    if tok.pos_ not in ("VERB", "ADJ") or not tok.text[:1].isalpha():
        return False
    verb_form = tok.morph.get("VerbForm")
    if "Inf" in verb_form:
        return False
    heads_phrase = nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ")
    if prev is not None and prev.pos_ == "DET" and heads_phrase and "Fin" not in verb_form:
        return True
    return tok.lower_.endswith(_NOUN_SUFFIXES) and "Fin" not in verb_form and "Part" not in verb_form


def _roles(tokens: list[Token], sent_start: int) -> str:
    """The role string of one sentence's tokens (see the role letters above)."""
    out = []
    for k, tok in enumerate(tokens):
        prev = tokens[k - 1] if k else None
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        low = tok.lower_
        if tok.is_space or "\n" in tok.text:
            out.append("x")
        elif _is_name_token(tok, tok.i == sent_start):
            out.append("P")
        elif low in _NAME_LINKS and prev is not None and nxt is not None and nxt.text[:1].isupper():
            out.append("L")
        elif tok.like_num or tok.pos_ == "NUM":
            out.append("M")
        elif tok.pos_ == "NOUN" and tok.text[:1].isalpha():
            out.append("N")
        elif _is_nounish(tok, prev, nxt):
            out.append("N")
        elif tok.pos_ == "ADJ" and tok.text[:1].isalpha():
            out.append("A")
        elif tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm") and "Past" in tok.morph.get("Tense"):
            out.append("A")
        elif tok.pos_ == "ADP" and low in _PREPOSITIONS:
            out.append("E")
        elif tok.pos_ == "DET" and low in _ARTICLES:
            out.append("D")
        else:
            out.append("x")
    return "".join(out)


def _token_key(tok: Token, role: str) -> str:
    """The lemma used in the de-duplication key."""
    if role in "PML":
        return tok.lower_
    if role == "E":
        return {"d'": "de", "du": "de", "des": "de", "au": "à", "aux": "à"}.get(tok.lower_, tok.lower_)
    return (tok.lemma_ or tok.text).lower()


def _fold(text: str) -> str:
    """Accent- and case-insensitive form, to merge lemmatiser variants of the same word."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


# ----------------------------------------------------------------------------- per-document pass
@dataclass
class _Acc:
    surfaces: dict[str, int]
    first_offset: int
    first_sentence: int
    frequency: int
    sentences: set[int]
    position_score: float
    n_words: int
    is_name: bool
    is_acronym: bool
    has_function_word: bool
    head: str
    words: tuple[str, ...]


def _title_sentence_count(sents: list) -> int:
    """The first sentence is the title; nothing else counts as title."""
    return 1 if sents else 0


def keyphrase_candidates(doc: Doc) -> list[KeyphraseCandidate]:
    """All candidate phrases of one document with their in-document features (sorted by first offset)."""
    text_len = max(len(doc.text), 1)
    sents = [s for s in doc.sents if any(not t.is_space for t in s)]
    acc: dict[str, _Acc] = {}
    word_seq: list[tuple[str, int]] = []  # (word key, word position) for the graph
    n_title = _title_sentence_count(sents)
    for s_idx, sent in enumerate(sents):
        tokens = list(sent)
        roles = _roles(tokens, sent.start)
        for k, r in enumerate(roles):
            if r in "NPA" and not (r == "N" and tokens[k].lower_ in GENERIC_NOUNS):
                word_seq.append((_token_key(tokens[k], r), len(word_seq)))
        for chunk in re.finditer(rf"{_CORE}(?:ED?M?{_CORE})*", roles):
            lo, hi = chunk.span()
            for i in range(lo, hi):
                if roles[i] not in "ANP":
                    continue
                for j in range(i + 1, hi + 1):
                    shape = roles[i:j]
                    n_content = sum(c in "NPAM" for c in shape)
                    if n_content > _MAX_CONTENT:
                        break
                    if not _PHRASE.fullmatch(shape):
                        continue
                    _add(acc, tokens[i:j], shape, s_idx, doc)
    # PositionRank-style graph over content words.
    word_scores = _position_rank(word_seq)
    best = max(word_scores.values(), default=1.0) or 1.0
    doc_words = len(word_seq)
    out = []
    for key, a in acc.items():
        if a.n_words == 1 and not a.is_name and a.head in GENERIC_NOUNS:
            continue
        surface = max(a.surfaces.items(), key=lambda kv: kv[1])[0]
        g = [word_scores.get(w, 0.0) / best for w in a.words]
        out.append(
            KeyphraseCandidate(
                lemma=key,
                surface=surface,
                first_offset=a.first_offset,
                first_sentence=a.first_sentence,
                rel_position=a.first_offset / text_len,
                frequency=a.frequency,
                sentence_count=len(a.sentences),
                in_title=a.first_sentence < n_title,
                n_words=a.n_words,
                is_name=a.is_name,
                is_acronym=a.is_acronym,
                has_function_word=a.has_function_word,
                head=a.head,
                position_score=round(a.position_score, 6),
                graph_score=round(sum(g) / len(g), 6) if g else 0.0,
                doc_words=doc_words,
            )
        )
    out.sort(key=lambda c: (c.first_offset, c.lemma))
    return out


def _add(acc: dict[str, _Acc], toks: list[Token], shape: str, s_idx: int, doc: Doc) -> None:
    keys = [_token_key(t, r) for t, r in zip(toks, shape) if r != "D"]
    key = " ".join(keys)
    # Elided and apostrophe-bearing forms: "d' œuvre" and "d'œuvre" are the same key.
    key = re.sub(r"' ", "'", key)
    surface = doc.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
    a = acc.get(key)
    if a is None:
        content = [(t, r) for t, r in zip(toks, shape) if r in "NPAM"]
        nouns = [_token_key(t, r) for t, r in content if r == "N"]
        is_name = all(r in "PML" for r in shape)
        words = tuple(_token_key(t, r) for t, r in content if r in "NPA")
        a = acc[key] = _Acc(
            surfaces={},
            first_offset=toks[0].idx,
            first_sentence=s_idx,
            frequency=0,
            sentences=set(),
            position_score=0.0,
            n_words=len(content),
            is_name=is_name,
            is_acronym=len(toks) == 1 and _is_acronym(toks[0].text),
            has_function_word="E" in shape,
            head=key if is_name or not nouns else nouns[0],
            words=words,
        )
    a.surfaces[surface] = a.surfaces.get(surface, 0) + 1
    a.frequency += 1
    a.sentences.add(s_idx)
    a.position_score += 1.0 / (1.0 + s_idx)


def _position_rank(seq: list[tuple[str, int]], window: int = 3, damping: float = 0.85) -> dict[str, float]:
    """PositionRank (Florescu & Caragea 2017): PageRank on the co-occurrence graph of content words,
    personalised by the inverse positions of each word's occurrences."""
    if not seq:
        return {}
    bias: dict[str, float] = defaultdict(float)
    edges: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    words = [w for w, _ in seq]
    for pos, w in enumerate(words):
        bias[w] += 1.0 / (pos + 1)
        for other in words[pos + 1 : pos + window]:
            if other != w:
                edges[w][other] += 1.0
                edges[other][w] += 1.0
    total = sum(bias.values())
    p = {w: b / total for w, b in bias.items()}
    nodes = sorted(bias)
    score = dict(p)
    out_w = {w: sum(edges[w].values()) for w in nodes}
    for _ in range(50):
        new = {}
        for w in nodes:
            s = sum(score[u] * wt / out_w[u] for u, wt in edges[w].items() if out_w[u])
            new[w] = (1 - damping) * p[w] + damping * s
        delta = sum(abs(new[w] - score[w]) for w in nodes)
        score = new
        if delta < 1e-8:
            break
    return score


# ----------------------------------------------------------------------------- corpus pass
_RANK_COLUMNS = ["doc_id", "rank", "keyword", "lemma", "score"]


def _candidate_score(row: pd.Series, idf: float) -> float:
    return 0.0


def rank_keyphrases(candidates: pd.DataFrame, top_k: int = 10) -> pd.DataFrame:
    """The top_k keyphrases of each document (columns doc_id, rank, keyword, lemma, score).

    `candidates`: KeyphraseCandidate fields plus doc_id, for every document of the corpus. Document
    frequencies are counted over the distinct doc_ids; deterministic, ties broken by first offset then
    lemma.
    """
    if candidates is None or candidates.empty or top_k <= 0:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(_RANK_COLUMNS, ["str", "int64", "str", "str", "float64"])})
    df = candidates.copy()
    df["doc_id"] = df["doc_id"].astype(str)
    df = df.drop_duplicates(["doc_id", "lemma"], keep="first")
    n_docs = df["doc_id"].nunique()
    dfreq = df.groupby("lemma")["doc_id"].nunique()
    df["idf"] = df["lemma"].map(lambda k: math.log((1 + n_docs) / (1 + dfreq[k])) + 1.0)
    df["score"] = score_frame(df, n_docs)
    df = df.sort_values(["doc_id", "score", "first_offset", "lemma"], ascending=[True, False, True, True])
    df = _drop_variants(df)
    df["rank"] = df.groupby("doc_id").cumcount() + 1
    df = df[df["rank"] <= top_k]
    out = df.rename(columns={"surface": "keyword"})[_RANK_COLUMNS].reset_index(drop=True)
    out["rank"] = out["rank"].astype("int64")
    out["score"] = out["score"].astype("float64").round(6)
    return out


def score_frame(df: pd.DataFrame, n_docs: int) -> pd.Series:
    """Placeholder, replaced below."""
    raise NotImplementedError


def _drop_variants(df: pd.DataFrame) -> pd.DataFrame:
    """Within a document keep one candidate per accent/case-folded surface (lemmatiser variants)."""
    folded = df["surface"].map(_fold)
    return df[~pd.DataFrame({"d": df["doc_id"], "f": folded}).duplicated()]


def candidates_frame(doc_id: str, cands: list[KeyphraseCandidate]) -> pd.DataFrame:
    """Candidates of one document as a DataFrame with a doc_id column (tests, benchmarks)."""
    rows = [asdict(c) for c in cands]
    frame = pd.DataFrame(rows, columns=list(CANDIDATE_COLUMNS))
    frame.insert(0, "doc_id", doc_id)
    return frame
