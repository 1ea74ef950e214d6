"""A synthetic archive of N press releases made from the shipped corpus, names, dates and words varied.

    python benchmarks/synthetic.py corpus --docs 10000 [--seed 0] [--full-length] [--texts OUT_DIR]

The shipped releases (corpus/*.txt) are analysed once with the real per-document pass
(`pipeline.analysis.analyse_batch`); each synthetic release is then a copy of one of them, cut at a line
end to a press release's usual length (600 to 4,000 characters, log-uniform; --full-length keeps whole
texts), whose rows are copied with:
- its own doc_id, path, title, content hash and publication date (2012-2024); the years of its dates
  follow;
- its names varied: every person, organisation, place and event is replaced, consistently within the
  document, by a name drawn from pools that grow with the archive, with a Zipf-Mandelbrot law (a few
  names in many releases: a minister, an agency; a long tail met once), but for most names the
  gazetteer knows (France, Union européenne: 9 in 10 kept) and half the places with a country;
- its keyphrase candidates varied the same way (a third of the one-word ones kept: the shared everyday
  vocabulary), from a phrase pool of about 12 N phrases built from the corpus's words and made-up ones;
- its themes drawn anew: 0 to 4 finer themes of the taxonomy, some much more common than others, with
  their subjects (one subject at least), integer scores as the tagger gives;
- its lemma counts and front matter copied from its release.
Everything is drawn from one seeded generator: the same seed and N give the same rows, byte for byte.

`SyntheticArchive(corpus).tables(n)` gives the per-document tables (the internal keyword_candidates table
included) as the corpus pass gets them, documents in corpus order; `write_releases` writes the N texts
(the shipped texts cut and with the same replacements) for end-to-end runs. From the command line,
prints the tables' sizes and the vocabulary statistics, and writes the texts when --texts is given.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import math
import re
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import common  # noqa: F401  (puts the repository root on sys.path)
import numpy as np
import pyarrow as pa

from pipeline.analysis import Settings, analyse_batch
from pipeline.corpus import find_documents
from pipeline.reading import read_document
from pipeline.registry import PASS_TABLES
from pipeline.tables import KEYWORD_CANDIDATES, TABLES, Rows, to_table

NAMES = list(PASS_TABLES)


def _listed(text: str, sep: str = " ") -> list[str]:
    return text.split(sep)


# Where each table's row sits in the text: rows past the cut of a shortened release are dropped.
END_OF_ROW = {
    "entities": "end",
    "quotes": "end",
    "contacts": "end",
    "dates": "end",
    KEYWORD_CANDIDATES.name: "first_offset",
}
SHORTEST, LONGEST = 600, 4000  # characters of a short release (the shared corpora: median about 1,600)
FIRST_DAY, LAST_DAY = dt.date(2012, 1, 1), dt.date(2024, 12, 31)
KEEP_WORD = 0.33  # share of one-word keyphrase candidates kept as in the shipped release
KEEP_KNOWN = 0.9  # share of gazetteer-known names kept (France, Union européenne ...)
KEEP_PLACE = 0.5  # share of other places with a country kept (Paris, Biarritz ...)
THEMES_PER_DOC = [0.3, 0.3, 0.2, 0.12, 0.08]  # P(0, 1, 2, 3, 4 themes)

FIRST_NAMES = _listed(
    "Anne Marie Claire Sophie Camille Julie Hélène Isabelle Nathalie Catherine Élise Léa Chloé Manon "
    "Inès Agnès Brigitte Laure Sylvie Valérie Aurélie Mathilde Pauline Jeanne Louise Jean Pierre "
    "Michel Philippe Alain Nicolas François Olivier Thomas Julien Antoine Laurent Éric Bruno "
    "Emmanuel Sébastien Guillaume Vincent Christophe Benoît Mathieu Hugo Lucas Arnaud Yves Gérard "
    "Luc Paul Jacques Bernard Rémi Cédric"
)
SURNAMES = _listed(
    "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefèbvre "
    "Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont "
    "Lambert Bonnet François Martinez Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry "
    "Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez Fontaine Chevalier Robin "
    "Masson Sanchez Gérard Nguyen Boyer Denis Lemaire Duval Joly Gautier Roger Roche Roy Noël Meyer "
    "Lucas Meunier Jean Perez Marchand"
)
ORG_KINDS = _listed(
    "Agence|Institut|Fondation|Association|Observatoire|Conseil|Centre|Société|Groupe|Fédération|"
    "Office|Syndicat|Collectif|Laboratoire|Université|Direction|Commission|Autorité|Chambre|Réseau",
    "|",
)
ORG_DOMAINS = _listed(
    "du numérique|de l'innovation|pour la santé|de la recherche|des territoires|de la transition "
    "écologique|du logement|de l'emploi|des données|de la sécurité|pour l'éducation|des entreprises|"
    "de l'énergie|de la culture|du sport|des mobilités|de l'agriculture|de la mer|du patrimoine|pour "
    "l'égalité",
    "|",
)
EVENT_KINDS = _listed(
    "Forum|Salon|Sommet|Plan|Programme|Festival|Assises|Journées|Prix|Rencontres|Semaine|Stratégie|Pacte", "|"
)
SYLLABLES = _listed(
    "ba be bi bo bu ca ce co da de di do fa fe fi fo ga ge go la le li lo lu ma me mi mo na ne ni no "
    "pa pe pi po ra re ri ro ru sa se si so ta te ti to va ve vi vo mar mon ter vil bel fon tou lan "
    "ver ron gal sal cor mor ran ber cha chè tré bru gra pla"
)
ENDINGS = _listed("ac ais al and ard as at el ens er es et eux ier in ine is on ot ou uel ure y")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def analyse_corpus(corpus: Path) -> list[tuple[str, Rows]]:
    """(analysed text, rows) of every readable French release of `corpus`, with the real per-document
    pass (the spaCy model is loaded here)."""
    from pipeline.nlp import load_nlp

    documents = [read_document(path, corpus) for path in find_documents(corpus)]
    out = []
    for document, rows in analyse_batch(documents, load_nlp(), Settings.load()):
        if rows["documents"][0]["status"] == "ok":
            out.append((document.text, rows))
    if not out:
        raise SystemExit(f"no French release analysed in {corpus}")
    return out


def _spec(name: str):
    return PASS_TABLES[name]


class _Words:
    """Made-up French-looking words, all distinct, drawn from a seeded generator."""

    def __init__(self, rng: np.random.Generator, taken: set[str]) -> None:
        self.rng = rng
        self.taken = taken

    def word(self) -> str:
        while True:
            n = int(self.rng.integers(1, 3))
            parts = [SYLLABLES[i] for i in self.rng.integers(0, len(SYLLABLES), n)]
            word = "".join(parts) + ENDINGS[int(self.rng.integers(0, len(ENDINGS)))]
            if word not in self.taken:
                self.taken.add(word)
                return word


class _Pool:
    """Distinct strings drawn with a Zipf-Mandelbrot law: P(rank r) ~ 1 / (r + shift) ** exponent."""

    def __init__(self, items: list[str], shift: float, exponent: float = 1.05) -> None:
        self.items = np.array(items, dtype=object)
        weights = 1.0 / (np.arange(1, len(items) + 1) + shift) ** exponent
        self.cdf = np.cumsum(weights) / weights.sum()

    def draw(self, rng: np.random.Generator, size: int) -> np.ndarray:
        """Indices into `items`."""
        return np.minimum(np.searchsorted(self.cdf, rng.random(size)), len(self.items) - 1)


def _distinct(make, size: int) -> list[str]:
    seen: dict[str, None] = {}
    while len(seen) < size:
        seen.setdefault(make(), None)
    return list(seen)


@dataclass
class _Base:
    """One table's rows of every shipped release, end to end, and where each release's rows are."""

    table: pa.Table
    by_template: list[tuple[np.ndarray, np.ndarray]]  # per release: its row indices by end offset, the ends


class SyntheticArchive:
    """Per-document rows (and texts) of N synthetic releases made from the shipped ones."""

    def __init__(self, corpus: Path, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.load()
        self.analysed = analyse_corpus(corpus)
        self.texts = [text for text, _ in self.analysed]
        self.base = {name: self._base(name) for name in NAMES}
        self.line_ends = [
            np.array([m.end() for m in re.finditer(r"\n", t)] + [len(t)], dtype=np.int64) for t in self.texts
        ]
        self.years = [self._year(rows) for _, rows in self.analysed]
        words = {
            w
            for _, rows in self.analysed
            for c in rows.get(KEYWORD_CANDIDATES.name, [])
            for w in c["lemma"].split()
            if w.isalpha() and w.islower() and len(w) > 3
        }
        self.corpus_words = sorted(words)

    def _base(self, name: str) -> _Base:
        spec = _spec(name)
        tables, by_template, start = [], [], 0
        for _, rows in self.analysed:
            table = to_table(spec, rows.get(name, []))
            column = END_OF_ROW.get(name)
            end = np.zeros(table.num_rows, dtype=np.int64)
            if column is not None and table.num_rows:
                end = np.asarray(table.column(column).to_numpy(zero_copy_only=False), dtype=np.int64)
            order = np.argsort(end, kind="stable")
            by_template.append((start + order, end[order]))
            tables.append(table)
            start += table.num_rows
        return _Base(pa.concat_tables(tables), by_template)

    @staticmethod
    def _year(rows: Rows) -> int:
        published = rows["documents"][0].get("published")
        if isinstance(published, dt.date):
            return published.year
        years = Counter(
            int(m) for d in rows.get("dates", []) for m in _YEAR.findall(str(d.get("value") or ""))
        )
        return years.most_common(1)[0][0] if years else 2019

    # ------------------------------------------------------------------ vocabulary
    def _pools(self, n: int, rng: np.random.Generator) -> dict[str, _Pool]:
        """Name and phrase pools sized for an archive of n releases (vocabularies grow with it)."""
        words = _Words(rng, set(self.corpus_words))

        def pick(items: list[str]) -> str:
            return items[int(rng.integers(0, len(items)))]

        surnames = SURNAMES + [words.word().capitalize() for _ in range(max(100, n // 6))]
        people = _distinct(lambda: f"{pick(FIRST_NAMES)} {pick(surnames)}", max(300, n // 4))
        places = _distinct(
            lambda: words.word().capitalize() if rng.random() < 0.8 else f"Saint-{words.word().capitalize()}",
            max(200, n // 20),
        )
        orgs = _distinct(
            lambda: (
                f"{pick(ORG_KINDS)} {pick(ORG_DOMAINS)}"
                if rng.random() < 0.15
                else f"{pick(ORG_KINDS)} {words.word().capitalize()}"
                if rng.random() < 0.6
                else f"{pick(ORG_KINDS)} de {pick(places)}"
            ),
            max(300, n // 5),
        )
        events = _distinct(
            lambda: (
                f"{pick(EVENT_KINDS)} {words.word().capitalize()}"
                if rng.random() < 0.7
                else f"{pick(EVENT_KINDS)} de {pick(places)}"
            ),
            max(200, n // 8),
        )
        vocabulary = self.corpus_words + [words.word() for _ in range(max(2000, n // 2))]
        rng.shuffle(vocabulary)

        def phrase() -> str:
            roll = rng.random()
            if roll < 0.4:
                return pick(vocabulary)
            if roll < 0.75:
                return f"{pick(vocabulary)} {pick(vocabulary)}"
            return f"{pick(vocabulary)} de {pick(vocabulary)}"

        phrases = _distinct(phrase, max(20_000, 12 * n))
        return {
            # Names: the first few in a good share of the releases; phrases: flatter, the commonest
            # keyphrase candidate in about a fifth of them.
            "PER": _Pool(people, shift=2.0),
            "ORG": _Pool(orgs, shift=2.0),
            "LOC": _Pool(places, shift=2.0),
            "MISC": _Pool(events, shift=2.0),
            "phrase": _Pool(phrases, shift=50.0),
            "name": _Pool(people + orgs, shift=20.0),
        }

    # ------------------------------------------------------------------ rows
    def tables(self, n: int, seed: int = 0, *, short: bool = True) -> dict[str, pa.Table]:
        """The per-document tables of n releases (documents in corpus order, as `core.run` gives them)."""
        return self.generate(n, seed, short=short)[0]

    def generate(self, n: int, seed: int = 0, *, short: bool = True) -> tuple[dict[str, pa.Table], dict]:
        """(tables, what the texts need: per document its release and cut, per table the rows taken)."""
        rng = np.random.default_rng(seed)
        pools = self._pools(n, rng)
        width = len(str(max(n - 1, 1)))
        doc_ids = [f"r{i:0{width}d}" for i in range(n)]
        template = rng.integers(0, len(self.texts), n)
        lengths = np.array([len(t) for t in self.texts])[template]
        if short:
            wanted = np.exp(rng.uniform(math.log(SHORTEST), math.log(LONGEST), n)).astype(np.int64)
            cut = np.empty(n, dtype=np.int64)
            for i, (t, w) in enumerate(zip(template.tolist(), wanted.tolist(), strict=True)):
                ends = self.line_ends[template[i]]
                k = int(np.searchsorted(ends, w, side="right"))
                cut[i] = ends[max(k - 1, 0)] if w < len(self.texts[t]) else len(self.texts[t])
        else:
            cut = lengths.copy()
        days = (LAST_DAY - FIRST_DAY).days
        published = [FIRST_DAY + dt.timedelta(days=int(d)) for d in rng.integers(0, days + 1, n)]
        shift = np.array([p.year for p in published]) - np.array(self.years)[template]

        taken: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for name in NAMES:
            if name in END_OF_ROW:
                taken[name] = self._take(name, template, cut)
        out: dict[str, pa.Table] = {}
        out["documents"] = self._documents(doc_ids, template, cut, published, seed)
        entities, renamed = self._entities(taken["entities"], doc_ids, rng, pools)
        out["entities"] = entities
        out["quotes"] = self._quotes(taken["quotes"], doc_ids, renamed)
        out["contacts"] = self._copy("contacts", taken["contacts"], doc_ids)
        out["dates"] = self._dates(taken["dates"], doc_ids, shift)
        out["themes"] = self._themes(doc_ids, template, rng)
        out[KEYWORD_CANDIDATES.name] = self._candidates(taken[KEYWORD_CANDIDATES.name], doc_ids, rng, pools)
        for name in NAMES:  # the others (lemma counts, front matter): the whole release's rows, copied
            if name not in out:
                out[name] = self._copy(name, self._take(name, template, cut), doc_ids)
        plan = {"template": template, "cut": cut, "published": published, "taken": taken}
        return {name: out[name] for name in NAMES}, plan

    def _take(self, name: str, template: np.ndarray, cut: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(row indices into the base table, document of each) for every release's rows before its cut."""
        base = self.base[name]
        memo: dict[tuple[int, int], np.ndarray] = {}
        parts, counts = [], np.zeros(len(template), dtype=np.int64)
        for i, key in enumerate(zip(template.tolist(), cut.tolist(), strict=True)):
            rows = memo.get(key)
            if rows is None:
                order, ends = base.by_template[key[0]]
                rows = memo[key] = np.sort(order[: int(np.searchsorted(ends, key[1], side="right"))])
            parts.append(rows)
            counts[i] = len(rows)
        rows = np.concatenate(parts) if parts else np.zeros(0, np.int64)
        return rows, np.repeat(np.arange(len(template)), counts)

    def _copy(self, name: str, taken: tuple[np.ndarray, np.ndarray], doc_ids: list[str]) -> pa.Table:
        rows, doc = taken
        table = self.base[name].table.take(pa.array(rows, pa.int64()))
        return _set(table, "doc_id", pa.array(doc_ids, pa.string()).take(pa.array(doc, pa.int64())))

    def _documents(self, doc_ids, template, cut, published, seed) -> pa.Table:
        table = self.base["documents"].table.take(pa.array(template, pa.int64()))
        ratio = cut / np.array([len(t) for t in self.texts])[template]
        columns = {
            "doc_id": pa.array(doc_ids, pa.string()),
            "path": pa.array([f"{d}.txt" for d in doc_ids], pa.string()),
            "title": pa.array([f"Communiqué {d}" for d in doc_ids], pa.string()),
            "published": pa.array(published, pa.date32()),
            "published_source": pa.array(["front_matter"] * len(doc_ids), pa.string()),
            "sha256": pa.array(
                [hashlib.sha256(f"{seed}:{d}".encode()).hexdigest() for d in doc_ids], pa.string()
            ),
            "n_chars": pa.array(cut, pa.int32()),
        }
        for name in ("n_tokens", "n_sentences"):
            values = table.column(name).to_numpy(zero_copy_only=False).astype(float)
            columns[name] = pa.array(np.maximum(1, np.round(values * ratio)).astype(np.int32), pa.int32())
        for name, values in columns.items():
            table = _set(table, name, values)
        return table

    def _entities(self, taken, doc_ids, rng, pools) -> tuple[pa.Table, dict[tuple[int, str], str]]:
        rows, doc = taken
        table = self._copy("entities", taken, doc_ids)
        text = _strings(table, "text")
        canonical = _strings(table, "canonical")
        label = _strings(table, "label")
        country = _strings(table, "country")
        known = np.array([self.settings.gazetteer.lookup(c) is not None for c in canonical], dtype=bool)
        # One draw per (document, name it mentions), so that every mention of a name is renamed alike.
        keys = np.array([f"{d}\x00{lab}\x00{c}" for d, lab, c in zip(doc, label, canonical, strict=True)])
        unique, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        u = len(unique)
        place = (label[first] == "LOC") & np.array([c is not None for c in country[first]], dtype=bool)
        keep_share = np.where(known[first], KEEP_KNOWN, np.where(place, KEEP_PLACE, 0.0))
        keep = rng.random(u) < keep_share
        new = np.empty(u, dtype=object)
        for lab in ("PER", "ORG", "LOC", "MISC"):
            which = np.flatnonzero(label[first] == lab)
            new[which] = pools[lab].items[pools[lab].draw(rng, len(which))]
        other = np.flatnonzero(~np.isin(label[first], ["PER", "ORG", "LOC", "MISC"]))
        new[other] = canonical[first][other]
        new = np.where(keep, canonical[first], new)
        new_canonical = new[inverse]
        renamed_row = ~keep[inverse]
        # A mention written as a surname stays a surname; any other form becomes the new name.
        surname = np.array(
            [
                lab == "PER" and t != c and c.endswith(" " + t)
                for t, c, lab in zip(text, canonical, label, strict=True)
            ],
            dtype=bool,
        )
        new_text = np.where(
            renamed_row,
            np.where(surname, [c.rsplit(" ", 1)[-1] for c in new_canonical], new_canonical),
            text,
        )
        table = _set(table, "canonical", pa.array(new_canonical, pa.string()))
        table = _set(table, "text", pa.array(new_text, pa.string()))
        new_country = np.where(renamed_row & (label == "LOC"), None, country)
        table = _set(table, "country", pa.array(new_country, pa.string()))
        renamed = {
            (int(doc[r]), canonical[r]): new_canonical[r] for r in np.flatnonzero(renamed_row).tolist()
        }
        return table, renamed

    def _quotes(self, taken, doc_ids, renamed) -> pa.Table:
        table = self._copy("quotes", taken, doc_ids)
        if not table.num_rows:
            return table
        doc = taken[1]
        speakers = _strings(table, "speaker_canonical")
        said_by = _strings(table, "speaker")
        new = [renamed.get((int(d), s), s) for d, s in zip(doc, speakers, strict=True)]
        new_by = [
            n if s is not None and s == c else renamed.get((int(d), s), s)
            for d, s, c, n in zip(doc, said_by, speakers, new, strict=True)
        ]
        table = _set(table, "speaker_canonical", pa.array(new, pa.string()))
        return _set(table, "speaker", pa.array(new_by, pa.string()))

    def _dates(self, taken, doc_ids, shift) -> pa.Table:
        table = self._copy("dates", taken, doc_ids)
        doc = taken[1]
        for name in ("text", "value", "end_value"):
            values = _strings(table, name)
            moved = [
                v if v is None else _YEAR.sub(lambda m, s=int(shift[d]): str(int(m.group()) + s), v)
                for v, d in zip(values, doc, strict=True)
            ]
            table = _set(table, name, pa.array(moved, pa.string()))
        return table

    def _themes(self, doc_ids, template, rng) -> pa.Table:
        """0 to 4 finer themes drawn with a Zipf law, each with its subject (the parent), and one subject
        at least, as the tagger gives every release of 50 words or more."""
        taxonomy = self.settings.taxonomy
        ids = [t for t in taxonomy.ids if taxonomy.theme(t).level == 2] or list(taxonomy.ids)
        subjects = [t.id for t in taxonomy.subjects]
        rng.shuffle(ids)  # which themes are common is drawn too
        weights = 1.0 / (np.arange(1, len(ids) + 1) + 1.0)
        weights /= weights.sum()
        evidence = {
            (t, row["theme"]): row["evidence"]
            for t, (_, rows) in enumerate(self.analysed)
            for row in rows.get("themes", [])
        }
        counts = rng.choice(len(THEMES_PER_DOC), size=len(doc_ids), p=THEMES_PER_DOC)
        rows = []

        def row(i: int, doc_id: str, theme: str, score: float) -> dict:
            entry = taxonomy.theme(theme)
            return {
                "doc_id": doc_id,
                "theme": theme,
                "label": entry.label,
                "level": entry.level,
                "parent": entry.parent,
                "weak": False,
                "score": float(score),
                "hits": max(1, int(score) - int(rng.integers(0, 3))),
                "evidence": evidence.get((int(template[i]), theme), entry.label.lower()),
            }

        for i, (doc_id, k) in enumerate(zip(doc_ids, counts.tolist(), strict=True)):
            chosen = rng.choice(len(ids), size=k, replace=False, p=weights) if k else np.zeros(0, np.int64)
            scores = 4 + rng.geometric(0.25, size=len(chosen)) - 1
            finer = sorted(zip(chosen.tolist(), scores.tolist(), strict=True), key=lambda x: -x[1])
            parents = {taxonomy.theme(ids[j]).parent for j, _ in finer} - {""}
            if subjects and not parents:
                parents = {subjects[int(rng.integers(0, len(subjects)))]}
            for subject in sorted(parents):
                rows.append(row(i, doc_id, subject, 4 + int(rng.geometric(0.25)) - 1))
            rows.extend(row(i, doc_id, ids[j], score) for j, score in finer)
        return to_table(TABLES["themes"], rows)

    def _candidates(self, taken, doc_ids, rng, pools) -> pa.Table:
        table = self._copy(KEYWORD_CANDIDATES.name, taken, doc_ids)
        m = table.num_rows
        lemma = _strings(table, "lemma")
        is_name = table.column("is_name").to_numpy(zero_copy_only=False).astype(bool)
        one_word = np.array([" " not in x and x.isalpha() and x.islower() for x in lemma], dtype=bool)
        keep = one_word & ~is_name & (rng.random(m) < KEEP_WORD)
        phrase = pools["phrase"].items[pools["phrase"].draw(rng, m)]
        name = pools["name"].items[pools["name"].draw(rng, m)]
        new_surface = np.where(keep, _strings(table, "surface"), np.where(is_name, name, phrase))
        new_lemma = np.where(keep, lemma, np.where(is_name, [x.lower() for x in name], phrase))
        words = [x.split() for x in new_lemma]
        columns = {
            "lemma": pa.array(new_lemma, pa.string()),
            "surface": pa.array(new_surface, pa.string()),
            "head": pa.array(np.where(keep, _strings(table, "head"), [w[0] for w in words]), pa.string()),
            "n_words": pa.array([sum(x != "de" for x in w) for w in words], _type(table, "n_words")),
            "has_function_word": pa.array(["de" in w for w in words], pa.bool_()),
        }
        for column, values in columns.items():
            table = _set(table, column, values)
        return table

    # ------------------------------------------------------------------ texts
    def write_releases(self, folder: Path, n: int, seed: int = 0, *, short: bool = True) -> list[Path]:
        """Write the n releases as text files (front matter with the title and publication date): the shipped
        texts cut as in `tables`, with the same names, years and keyphrases replaced where they were found."""
        tables, plan = self.generate(n, seed, short=short)
        docs = tables["documents"].column("doc_id").to_pylist()
        edits: list[list[tuple[int, int, str]]] = [[] for _ in docs]

        def collect(name: str, start_col: str | None, old_col: str, new_col: str) -> None:
            rows, doc = plan["taken"][name]
            base = self.base[name].table.take(pa.array(rows, pa.int64()))
            starts = base.column(start_col or "first_offset").to_pylist()
            old = base.column(old_col).to_pylist()
            new = tables[name].column(new_col).to_pylist()
            for d, s, a, b in zip(doc.tolist(), starts, old, new, strict=True):
                if a != b and a and b:
                    edits[d].append((s, s + len(a), b))

        collect("entities", "start", "text", "text")
        collect("dates", "start", "text", "text")
        collect(KEYWORD_CANDIDATES.name, None, "surface", "surface")
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for i, doc_id in enumerate(docs):
            t = int(plan["template"][i])
            text = self.texts[t][: int(plan["cut"][i])]
            pieces, at = [], 0
            for start, end, new in sorted(edits[i]):
                if start >= at and end <= len(text):  # first edit of overlapping ones wins
                    pieces += [text[at:start], new]
                    at = end
            body = "".join(pieces) + text[at:]
            front = f"---\ntitle: Communiqué {doc_id}\ndate: {plan['published'][i]}\n---\n"
            path = folder / f"{doc_id}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(front + body, encoding="utf-8")
            paths.append(path)
        return paths


def _strings(table: pa.Table, name: str) -> np.ndarray:
    return np.array(table.column(name).to_pylist(), dtype=object)


def _type(table: pa.Table, name: str) -> pa.DataType:
    return table.schema.field(name).type


def _set(table: pa.Table, name: str, values: pa.Array) -> pa.Table:
    i = table.schema.get_field_index(name)
    return table.set_column(i, table.schema.field(i), values.cast(table.schema.field(i).type))


def describe(tables: dict[str, pa.Table]) -> str:
    """Row counts and how shared names and keyphrases are: what the corpus pass's cost depends on."""
    n = tables["documents"].num_rows
    lines = [f"{n} documents; rows: " + ", ".join(f"{k} {t.num_rows}" for k, t in tables.items())]
    entities = tables["entities"].select(["doc_id", "canonical"]).to_pandas()
    per_name = entities.drop_duplicates().groupby("canonical").size().sort_values(ascending=False)
    candidates = tables[KEYWORD_CANDIDATES.name].select(["doc_id", "lemma"]).to_pandas()
    per_lemma = candidates.drop_duplicates().groupby("lemma").size().sort_values(ascending=False)
    for what, counts in (("canonical names", per_name), ("keyphrase lemmas", per_lemma)):
        lines.append(
            f"{what}: {len(counts)} distinct, {int((counts == 1).sum())} in one document, "
            f"top: " + ", ".join(f"{k} ({v})" for k, v in counts.head(4).items())
        )
    themes = tables["themes"].column("theme").to_pandas().value_counts()
    lines.append("themes: " + ", ".join(f"{k} {v}" for k, v in themes.head(5).items()) + " ...")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="the shipped corpus (corpus/): the releases to vary")
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--full-length", action="store_true", help="keep whole texts instead of cutting them")
    ap.add_argument("--texts", type=Path, help="write the releases as text files into this folder")
    args = ap.parse_args()
    started = time.perf_counter()
    archive = SyntheticArchive(args.corpus)
    print(f"analysed {len(archive.texts)} releases in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    if args.texts:
        paths = archive.write_releases(args.texts, args.docs, args.seed, short=not args.full_length)
        print(f"wrote {len(paths)} releases to {args.texts} in {time.perf_counter() - started:.1f} s")
    else:
        tables = archive.tables(args.docs, args.seed, short=not args.full_length)
        print(f"generated in {time.perf_counter() - started:.1f} s")
        print(describe(tables))


if __name__ == "__main__":
    main()
