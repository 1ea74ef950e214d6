"""A small hand-written run: two publishers and their per-document tables, as a run writes them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow.parquet as pq

from pipeline.tables import DOCUMENTS, ENTITIES, FRONT_MATTER, KEYWORDS, LEMMA_COUNTS, THEMES, to_table

PREFECTURE, AGENCE = "Préfecture des Hautes-Brumes", "Agence régionale de santé du Val-Sauvin"
# doc_id -> (source, published, front-matter service, {lemma: count})
DOCUMENTS_ROWS = {
    "p1": (
        PREFECTURE,
        dt.date(2023, 1, 10),
        "sécurité",
        {"tempête": 4, "route": 3, "commune": 2, "alerte": 1},
    ),
    "p2": (
        PREFECTURE,
        dt.date(2023, 2, 3),
        "sécurité",
        {"tempête": 2, "route": 2, "commune": 1, "préfet": 2},
    ),
    "p3": (PREFECTURE, dt.date(2023, 3, 15), "routes", {"route": 5, "commune": 1, "préfet": 1, "hôpital": 1}),
    "a1": (AGENCE, dt.date(2023, 2, 20), "santé", {"vaccination": 3, "commune": 2, "hôpital": 2, "route": 2}),
    "a2": (AGENCE, dt.date(2023, 3, 1), "santé", {"vaccination": 2, "hôpital": 3, "route": 3, "alerte": 1}),
}
ENTITY_ROWS = [  # (doc_id, canonical, label, mentions)
    ("p1", "Lucienne Karadec", "PER", 3),
    ("p2", "Lucienne Karadec", "PER", 2),
    ("p3", "Port-Louvel", "LOC", 2),
    ("a1", "Port-Louvel", "LOC", 1),
    ("a1", "Centre hospitalier de Brézolles", "ORG", 3),
    ("a2", "Centre hospitalier de Brézolles", "ORG", 2),
]
KEYWORD_ROWS = [  # (doc_id, keyword as written, lemma)
    ("p1", "alerte tempête", "alerte tempête"),
    ("p2", "Alerte tempête", "alerte tempête"),
    ("p2", "routes départementales", "route départemental"),
    ("p3", "routes départementales", "route départemental"),
    ("a1", "campagne de vaccination", "campagne de vaccination"),
    ("a2", "campagne de vaccination", "campagne de vaccination"),
    ("a2", "routes départementales", "route départemental"),
]
THEME_ROWS = [("p1", "securite", "Sécurité"), ("p2", "securite", "Sécurité"), ("a1", "sante", "Santé")]
THEME_ROWS += [("a2", "sante", "Santé"), ("p3", "transport", "Transports")]


def write_run(out: Path) -> Path:
    """The tables of a run over the documents above, in `out`."""
    out.mkdir(parents=True, exist_ok=True)
    documents = [
        {"doc_id": d, "path": f"{d}.md", "status": "ok", "source": s, "published": p, "language": "fr"}
        for d, (s, p, _, _) in DOCUMENTS_ROWS.items()
    ]
    documents.append({"doc_id": "x1", "path": "x1.txt", "status": "empty"})
    lemmas = [
        {"doc_id": d, "lemma": lemma, "count": n}
        for d, (_, _, _, counts) in DOCUMENTS_ROWS.items()
        for lemma, n in counts.items()
    ]
    front = [{"doc_id": d, "key": "service", "value": v} for d, (_, _, v, _) in DOCUMENTS_ROWS.items()]
    entities = [
        {"doc_id": d, "start": i, "end": i + 1, "text": c, "canonical": c, "label": lab}
        for d, c, lab, n in ENTITY_ROWS
        for i in range(n)
    ]
    keywords = [
        {"doc_id": d, "rank": i + 1, "keyword": k, "lemma": lemma, "score": 1.0}
        for i, (d, k, lemma) in enumerate(KEYWORD_ROWS)
    ]
    themes = [
        {
            "doc_id": d,
            "theme": t,
            "label": lab,
            "level": 1,
            "parent": "",
            "weak": False,
            "score": 2.0,
            "hits": 2,
            "evidence": t,
        }
        for d, t, lab in THEME_ROWS
    ]
    for spec, rows in (
        (DOCUMENTS, documents),
        (LEMMA_COUNTS, lemmas),
        (FRONT_MATTER, front),
        (ENTITIES, entities),
        (KEYWORDS, keywords),
        (THEMES, themes),
    ):
        pq.write_table(to_table(spec, rows), out / f"{spec.name}.parquet")
    return out
