"""The HTML report: sections, counts, truncation, defensive reading, and escaping of hostile documents.

Most tests build the report from small tables written here (fast, exact counts, hostile strings in
every column that reaches the page); one builds it from a real `pipeline.core.run` on documents written
here, among them a hostile one.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from pipeline.report import ReportError, build_report, read_pages
from pipeline.report.common import DOCS_PER_LIST, anchor, month_bins, safe_url

HOSTILE_TEXT = (
    "Communiqué piégé <script>window.__pwned = 1</script> publié à Lyon.\n"
    'Le maire <img src=x onerror="window.__pwned = 2"> a reçu <b>Marie Curie</b> & "Cie".\n'
    "Fin du texte </div></article><!-- -->\n"
)
HOSTILE_TITLE = '<script>alert("title")</script>'
HOSTILE_SOURCE = "<b>Agence</b> & <i>Cie</i>"
HOSTILE_ENTITY = "<script>alert(1)</script>"


class Tags(HTMLParser):
    """Every start tag with its attributes, and the <script> elements with their text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append((dict(attrs), ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] = (self.scripts[-1][0], self.scripts[-1][1] + data)


def parse(html: str) -> Tags:
    """The report's tags, those of the document pages (a compressed data block until opened) included."""
    tags = Tags()
    tags.feed(html)
    tags.close()
    for markup in read_pages(html).values():
        inner = parse(markup)
        tags.tags += inner.tags
        tags.scripts += inner.scripts
    return tags


def code(tags: Tags) -> list[str]:
    """The scripts a browser would run: every <script> but the data block of the pages."""
    return [text for attrs, text in tags.scripts if attrs.get("type") != "application/octet-stream"]


def element(html: str, element_id: str) -> str:
    """The markup from the element with this id to the start of the next top-level block (approximate)."""
    start = html.index(f'id="{element_id}"')
    end = min(
        (i for i in (html.find("<section ", start + 1), html.find("<article ", start + 1)) if i != -1),
        default=len(html),
    )
    return html[start:end]


# --------------------------------------------------------------------------------------------- fixtures
def _write(out: Path, name: str, rows: list[dict], columns: Iterable[str]) -> None:
    frame = pd.DataFrame(rows, columns=list(columns))
    frame.to_parquet(out / f"{name}.parquet", index=False)


def make_run(out: Path, n_alpha_docs: int = 4, hostile: bool = True) -> Path:
    """A small run's output folder, tables and texts, written directly (no spaCy)."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "texts").mkdir(exist_ok=True)
    docs, ents, dates, themes, kws, sims, quotes = [], [], [], [], [], [], []
    base = "Le ministre Jean Dupont a rencontré Alpha Conseil à Lyon le 3 mars 2024.\nFin."
    for i in range(n_alpha_docs):
        doc_id = f"d{i:02d}"
        (out / "texts" / f"{doc_id}.txt").write_text(base, encoding="utf-8")
        published = dt.date(2024, 1, 10) if i < 3 else (None if i == 3 else dt.date(2024, 2, 1))
        docs.append(
            {
                "doc_id": doc_id,
                "path": f"{doc_id}.txt",
                "status": "ok",
                "title": f"Titre {i}",
                "source": "Ministère A" if i % 2 == 0 else "Préfecture B",
                "url": f"https://example.org/{i}",
                "published": published,
                "encoding": "cp1252" if i == 1 else "utf-8",
                "had_bom": False,
                "repaired": i == 1,
                "repairs": "mojibake,uncurl_quotes" if i == 1 else "",
                "repaired_chars": 3 if i == 1 else 0,
                "n_chars": len(base),
                "language": "fr",
            }
        )
        s = base.index("Jean Dupont")
        ents.append(
            {
                "doc_id": doc_id,
                "start": s,
                "end": s + 11,
                "text": "Jean Dupont",
                "label": "PER",
                "canonical": "Jean Dupont",
                "role": "ministre",
                "country": "FR",
            }
        )
        s = base.index("Alpha Conseil")
        ents.append(
            {
                "doc_id": doc_id,
                "start": s,
                "end": s + 13,
                "text": "Alpha Conseil",
                "label": "ORG",
                "canonical": "Alpha Conseil",
                "role": "",
                "country": "FR",
            }
        )
        if i % 2 == 0:
            s = base.index("Lyon")
            ents.append(
                {
                    "doc_id": doc_id,
                    "start": s,
                    "end": s + 4,
                    "text": "Lyon",
                    "label": "LOC",
                    "canonical": "Lyon",
                    "role": "",
                    "country": "FR",
                }
            )
        s = base.index("3 mars 2024")
        dates.append(
            {
                "doc_id": doc_id,
                "start": s,
                "end": s + 11,
                "text": "3 mars 2024",
                "value": "2024-03-03",
                "end_value": "",
                "granularity": "day",
                "mod": "",
            }
        )
        themes.append(
            {
                "doc_id": doc_id,
                "theme": "economie",
                "label": "Économie",
                "score": 3.0 + i,
                "hits": 2,
                "evidence": "entreprise",
            }
        )
        kws.append({"doc_id": doc_id, "rank": 1, "keyword": "rencontre", "lemma": "rencontre", "score": 1.0})
        if i:
            sims.append(
                {
                    "doc_id": doc_id,
                    "rank": 1,
                    "similar_doc_id": "d00",
                    "score": 0.5 + i / 100,
                    "shared_themes": "economie",
                    "shared_keywords": "rencontre",
                    "shared_entities": "Lyon",
                }
            )
            sims.append(
                {
                    "doc_id": "d00",
                    "rank": i,
                    "similar_doc_id": doc_id,
                    "score": 0.5 + i / 100,
                    "shared_themes": "economie",
                    "shared_keywords": "rencontre",
                    "shared_entities": "Lyon",
                }
            )
        quotes.append(
            {
                "doc_id": doc_id,
                "start": 0,
                "end": 10,
                "text": "Le ministre",
                "speaker": "Jean Dupont",
                "speaker_canonical": "Jean Dupont",
                "speaker_role": "ministre",
                "verb": "déclarer",
            }
        )
    docs.append(
        {
            "doc_id": "vide",
            "path": "vide.txt",
            "status": "empty",
            "status_detail": "file has no text",
            "title": "",
            "source": "",
            "url": "",
            "published": None,
            "encoding": "",
            "had_bom": False,
            "repaired": False,
            "repairs": "",
            "repaired_chars": 0,
            "n_chars": 0,
            "language": "",
        }
    )
    if hostile:
        (out / "texts" / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
        docs.append(
            {
                "doc_id": "hostile",
                "path": "hostile.txt",
                "status": "ok",
                "title": HOSTILE_TITLE,
                "source": HOSTILE_SOURCE,
                "url": "javascript:alert(1)",
                "published": dt.date(2024, 3, 9),
                "encoding": "utf-8",
                "had_bom": True,
                "repaired": False,
                "repairs": "",
                "repaired_chars": 0,
                "n_chars": len(HOSTILE_TEXT),
                "language": "<i>fr</i>",
            }
        )
        s = HOSTILE_TEXT.index("Lyon")
        ents.append(
            {
                "doc_id": "hostile",
                "start": s,
                "end": s + 4,
                "text": "Lyon",
                "label": "LOC",
                "canonical": "Lyon",
                "role": "",
                "country": "FR",
            }
        )
        s = HOSTILE_TEXT.index("<b>Marie Curie</b>")
        ents.append(
            {
                "doc_id": "hostile",
                "start": s,
                "end": s + 18,
                "text": "<b>Marie Curie</b>",
                "label": "PER",
                "canonical": HOSTILE_ENTITY,
                "role": '" onmouseover="window.__pwned=3',
                "country": "",
            }
        )
        s = HOSTILE_TEXT.index("<script>")
        ents.append(
            {
                "doc_id": "hostile",
                "start": s,
                "end": s + 8,
                "text": "<script>",
                "label": "<x>",
                "canonical": "<script>",
                "role": "",
                "country": "",
            }
        )
        themes.append(
            {
                "doc_id": "hostile",
                "theme": "piege",
                "label": "<em>Piège</em>",
                "score": 2.0,
                "hits": 1,
                "evidence": "<script>",
            }
        )
        kws.append({"doc_id": "hostile", "rank": 1, "keyword": "<script>", "lemma": "<script>", "score": 1.0})
        quotes.append(
            {
                "doc_id": "hostile",
                "start": 0,
                "end": 5,
                "text": "<script>alert(4)</script>",
                "speaker": "<b>X</b>",
                "speaker_canonical": "",
                "speaker_role": "",
                "verb": "",
            }
        )
    ent_cols = ["doc_id", "start", "end", "text", "label", "canonical", "role", "country"]
    _write(
        out,
        "documents",
        docs,
        [
            "doc_id",
            "path",
            "status",
            "status_detail",
            "title",
            "source",
            "url",
            "published",
            "encoding",
            "had_bom",
            "repaired",
            "repairs",
            "repaired_chars",
            "n_chars",
            "language",
        ],
    )
    _write(out, "entities", ents, ent_cols)
    _write(
        out, "dates", dates, ["doc_id", "start", "end", "text", "value", "end_value", "granularity", "mod"]
    )
    _write(out, "themes", themes, ["doc_id", "theme", "label", "score", "hits", "evidence"])
    _write(out, "keywords", kws, ["doc_id", "rank", "keyword", "lemma", "score"])
    _write(
        out,
        "similar_documents",
        sims,
        ["doc_id", "rank", "similar_doc_id", "score", "shared_themes", "shared_keywords", "shared_entities"],
    )
    _write(
        out,
        "quotes",
        quotes,
        ["doc_id", "start", "end", "text", "speaker", "speaker_canonical", "speaker_role", "verb"],
    )
    frame = pd.DataFrame(ents)
    summary = (
        frame.groupby(["canonical", "label"])
        .agg(
            documents=("doc_id", "nunique"),
            mentions=("doc_id", "size"),
            surface_forms=("text", "first"),
            country=("country", "first"),
        )
        .reset_index()
    )
    summary["first_published"] = dt.date(2024, 1, 10)
    summary["last_published"] = dt.date(2024, 3, 9)
    summary.to_parquet(out / "entity_summary.parquet", index=False)
    return out


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = make_run(tmp_path_factory.mktemp("report-synthetic"))
    html_path = build_report(out)
    return out, html_path.read_text(encoding="utf-8")


# --------------------------------------------------------------------------------------------- content
def test_default_path_and_sections(synthetic: tuple[Path, str]) -> None:
    out, html = synthetic
    assert (out / "report.html").exists()
    for section in ("glance", "themes", "entities", "comentions", "similar", "documents"):
        assert f'<section id="{section}">' in html
    pages = list(read_pages(html))
    assert pages == ["doc-d00", "doc-d01", "doc-d02", "doc-d03", "doc-hostile"]  # skipped files get no page
    assert html.count("<svg") == 4  # per month, per source, themes x months, co-mentions


def test_counts_at_a_glance(synthetic: tuple[Path, str]) -> None:
    _, html = synthetic
    glance = element(html, "glance")
    assert "<b>5</b><span>documents analysed</span>" in glance
    assert "<b>1</b><span>files skipped</span>" in glance
    assert "2024-01 → 2024-03" in glance and "(1 undated)" in glance
    assert re.search(r"<th>· mojibake</th><td class=\"n\">1</td>", glance)
    assert re.search(r"<th>cp1252</th><td class=\"n\">1</td>", glance)
    assert re.search(r"<th>Files with a byte-order mark</th><td class=\"n\">1</td>", glance)
    assert "file has no text" in glance and "vide.txt" in glance
    assert re.search(r"<b>5</b><span>quotations</span>", glance)  # the quotes table is used when present


def test_months_are_counted_and_gaps_kept() -> None:
    bins, key = month_bins(["2024-01", "2024-01", "2024-03"])
    assert bins == ["2024-01", "2024-02", "2024-03"] and key["2024-02"] == "2024-02"
    bins, key = month_bins([f"{y}-{m:02d}" for y in range(2015, 2021) for m in (1, 12)])
    assert bins[0] == "2015-Q1" and bins[-1] == "2020-Q4" and key["2016-12"] == "2016-Q4"
    bins, _ = month_bins(["2000-01", "2015-06"])
    assert bins[0] == "2000" and len(bins) == 16


def test_month_chart_bars_carry_the_counts(synthetic: tuple[Path, str]) -> None:
    _, html = synthetic
    svg = html[html.index('aria-label="Documents per month of publication"') :]
    svg = svg[: svg.index("</svg>")]
    labels = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert labels.count("2024-01") == 1 and "2024-02" in labels  # empty months stay on the axis
    # 3 documents in January, none in February, 1 in March (the hostile one); d03 is undated, left out
    bar_labels = [x for x in labels if x.isdigit()]
    assert bar_labels[-3:] == ["3", "0", "1"]


def test_top_entities_link_to_their_documents(synthetic: tuple[Path, str]) -> None:
    _, html = synthetic
    row = html[html.index('<tr id="ent-jean-dupont-') :]
    row = row[: row.index("</tr>")]
    assert re.search(r'<td class="n"><span class="bar"[^>]*></span>4</td>\s*<td class="n">4</td>', row)
    assert re.findall(r'href="#(doc-[^"]+)"', row) == ["doc-d00", "doc-d01", "doc-d02", "doc-d03"]
    assert "<td>FR</td>" in row  # the country column, when the tables have one
    # a mention in a document's text links back to the entity's row
    page = read_pages(html)["doc-d00"]
    assert re.search(
        r'<a class="e e-PER" title="Jean Dupont · ministre" href="#ent-jean-dupont-per-[0-9a-f]+">', page
    )


def test_long_document_lists_are_cut_with_a_count(tmp_path: Path) -> None:
    out = make_run(tmp_path / "many", n_alpha_docs=DOCS_PER_LIST + 7, hostile=False)
    html = build_report(out, tmp_path / "r.html").read_text(encoding="utf-8")
    row = html[html.index('<tr id="ent-alpha-conseil-') :]
    row = row[: row.index("</tr>")]
    assert len(re.findall(r'href="#doc-', row)) == DOCS_PER_LIST
    assert "… and 7 more documents" in row
    assert 'data-page-size="25"' in html  # the document index is paginated by the page's script


def test_comentions_and_similar_pairs(synthetic: tuple[Path, str]) -> None:
    _, html = synthetic
    together = element(html, "comentions")
    first = re.search(r"<tbody>\s*<tr>(.*?)</tr>", together, re.S).group(1)
    assert (
        "Alpha Conseil" in first
        and "Jean Dupont" in first
        and first.rstrip().endswith('<td class="n">4</td>')
    )
    similar = element(html, "similar")
    rows = re.findall(r"<tr><td class=\"n\">(\d+)</td>(.*?)</tr>", similar, re.S)
    assert len(rows) == 3  # d00-d01, d00-d02, d00-d03: each pair once although both directions are listed
    assert "doc-d03" in rows[0][1] and "0.53" in rows[0][1]


def test_document_page_highlights_entities_and_dates(synthetic: tuple[Path, str]) -> None:
    _, html = synthetic
    page = read_pages(html)["doc-d00"]
    assert '<mark class="e e-DATE" title="2024-03-03">3 mars 2024<b>DATE</b></mark>' in page
    assert ">Lyon<b>LOC</b></a>" in page
    assert "<br>" in page  # line breaks of the analysed text are kept
    for part in ("Économie", "rencontre", "Le ministre", "https://example.org/0"):
        assert part in page


def test_hostile_document_is_shown_as_text(synthetic: tuple[Path, str]) -> None:
    _, html = synthetic
    tags = parse(html)
    assert len(code(tags)) == 1  # only the report's own script; the pages are data blocks
    assert len(tags.scripts) == 2 and tags.scripts[0][0]["type"] == "application/octet-stream"
    assert set(read_pages(html)) == {"doc-d00", "doc-d01", "doc-d02", "doc-d03", "doc-hostile"}
    assert not any(t in ("img", "iframe", "object", "embed", "i", "em") for t, _ in tags.tags)
    assert not any(k.startswith("on") for _, attrs in tags.tags for k in attrs)  # no event handler attribute
    assert not any((attrs.get("href") or "").lower().startswith("javascript:") for _, attrs in tags.tags)
    assert "window.__pwned" not in code(tags)[0]
    page = read_pages(html)["doc-hostile"]
    assert "&lt;script&gt;<b>x</b></a>window.__pwned = 1&lt;/script&gt;" in page  # highlighted, escaped
    assert "&lt;img src=x onerror=&quot;window.__pwned = 2&quot;&gt;" in page
    assert "&lt;b&gt;Marie Curie&lt;/b&gt;" in page and "&amp; &quot;Cie&quot;" in page
    assert "&lt;/div&gt;&lt;/article&gt;&lt;!-- --&gt;" in page
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in page  # the title
    assert "javascript:alert(1)" in page  # shown, but not as a link
    assert 'title="&lt;script&gt;alert(1)&lt;/script&gt; · &#34; onmouseover=&#34;window.__pwned=3"' in page
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in page and "&lt;b&gt;X&lt;/b&gt;" in page  # the quote
    assert "e-OTHER" in page and "<x>" not in page  # an unknown label cannot inject a class or a tag
    assert (
        "&lt;b&gt;Agence&lt;/b&gt; &amp; &lt;i&gt;Cie&lt;/i&gt;" in html
    )  # the source, in the index and the chart
    assert "&lt;em&gt;Piège&lt;/em&gt;" in html


def test_self_contained_with_a_content_security_policy(synthetic: tuple[Path, str]) -> None:
    _, html = synthetic
    tags = parse(html)
    assert not any(t == "link" for t, _ in tags.tags)
    assert not any("src" in attrs for _, attrs in tags.tags)  # nothing is fetched: no src attribute at all
    csp = next(
        a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in csp
    digest = base64.b64encode(hashlib.sha256(code(tags)[0].encode("utf-8")).digest()).decode()
    assert f"'sha256-{digest}'" in csp  # only the report's own script may run
    hrefs = [a["href"] for t, a in tags.tags if t == "a" and a.get("href")]
    external = [h for h in hrefs if not h.startswith("#")]
    assert external and all(h.startswith("https://example.org/") for h in external)  # front-matter URLs only


def test_csv_tables_and_missing_optional_tables(tmp_path: Path) -> None:
    out = make_run(tmp_path / "csv", hostile=False)
    for parquet in out.glob("*.parquet"):
        frame = pd.read_parquet(parquet)
        if parquet.stem in ("similar_documents", "quotes", "keywords"):
            parquet.unlink()  # an older run, or one without these tables
            continue
        frame.to_csv(parquet.with_suffix(".csv"), index=False, sep=";", decimal=",", encoding="utf-8-sig")
        parquet.unlink()
    html = build_report(out).read_text(encoding="utf-8")
    assert "<b>4</b><span>documents analysed</span>" in html
    assert "No similar documents were computed" in html
    assert "quotations" not in element(html, "glance")
    assert '<mark class="e e-DATE" title="2024-03-03">' in read_pages(html)["doc-d00"]


def test_missing_text_and_overlapping_spans(tmp_path: Path) -> None:
    out = make_run(tmp_path / "gaps", hostile=False)
    (out / "texts" / "d01.txt").unlink()
    ents = pd.read_parquet(out / "entities.parquet")
    base = (out / "texts" / "d00.txt").read_text(encoding="utf-8")
    s = base.index("Jean Dupont")
    overlap = {
        "doc_id": "d00",
        "start": s + 5,
        "end": s + 30,
        "text": base[s + 5 : s + 30],
        "label": "MISC",
        "canonical": "Dupont Alpha",
        "role": "",
        "country": "",
    }
    beyond = dict(overlap, start=len(base) + 5, end=len(base) + 9)  # offsets outside the text are ignored
    pd.concat([ents, pd.DataFrame([overlap, beyond])]).to_parquet(out / "entities.parquet", index=False)
    html = build_report(out).read_text(encoding="utf-8")
    assert "The analysed text (texts/d01.txt) is missing" in read_pages(html)["doc-d01"]
    page = read_pages(html)["doc-d00"]
    assert ">Jean Dupont<b>PER</b>" in page and "Dupont Alpha" in page  # listed, though not highlighted
    assert "<b>MISC</b>" not in page.split('class="text"')[1]


def test_pages_travel_compressed_and_come_back_whole() -> None:
    from pipeline.report.packing import pack_pages

    pages = {"doc-a": "<article>é</script><!-- x</article>", "doc-b": "<p>" + "texte " * 2000 + "</p>"}
    blob = pack_pages(pages)
    assert re.fullmatch(r"[A-Za-z0-9+/=]+", blob) and len(blob) < 1000  # nothing can close the block
    html = f'<script type="application/octet-stream" id="report-pages">{blob}</script>'
    assert read_pages(html) == pages


def test_a_run_that_analysed_nothing(tmp_path: Path) -> None:
    from pipeline.core import run

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "vide.txt").write_bytes(b"")
    run(tmp_path / "corpus", tmp_path / "out", formats=("csv",), jobs=1)  # CSV only, rfc flavour
    html = build_report(tmp_path / "out").read_text(encoding="utf-8")
    assert "<b>0</b><span>documents analysed</span>" in html and "<b>1</b><span>files skipped</span>" in html
    assert "No document has a publication date." in html and "No entity was found." in html
    assert read_pages(html) == {}


def test_no_documents_table_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="run `pipeline run` first"):
        build_report(tmp_path)


def test_anchors_and_links_are_safe() -> None:
    assert anchor("doc", "seed000") == "doc-seed000"
    a, b = anchor("doc", "2024/mai/cp 1"), anchor("doc", "2024-mai-cp-1")
    assert a != b and re.fullmatch(r"doc-2024-mai-cp-1-[0-9a-f]{8}", a)
    assert re.fullmatch(r"ent-[a-z0-9-]+", anchor("ent", 'É"<x>\x1fPER'))
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", 'https://x.org/"onclick=', "ftp://x"):
        assert safe_url(bad) is None


# --------------------------------------------------------------------------------------------- a real run
@pytest.mark.slow
def test_report_from_a_real_run(tmp_path: Path) -> None:
    from pipeline.core import run

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "visite.txt").write_text(
        "---\ndate: 2024-05-14\nsource: Préfecture du Nord\n---\n"
        "Visite du préfet à Lille\n"
        "Le préfet Paul Martin s'est rendu à Lille le 13 mai 2024 pour inaugurer la nouvelle médiathèque "
        "avec la maire, Claire Lefèvre. Le Conseil régional a financé la moitié des travaux.\n",
        encoding="utf-8",
    )
    (corpus / "piege.txt").write_text(
        "---\ndate: 2024-06-02\n---\n"
        "Communiqué <script>window.__pwned = 1</script> de la mairie de Roubaix\n"
        "La ville de Roubaix <b>annonce</b> le 1er juin 2024 un plan <img src=x onerror=alert(1)> "
        "pour Lille.\n",
        encoding="utf-8",
    )
    (corpus / "vide.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    run(corpus, out, formats=("parquet",), jobs=1)
    html = build_report(out, tmp_path / "report.html").read_text(encoding="utf-8")
    documents = pd.read_parquet(out / "documents.parquet")
    entities = pd.read_parquet(out / "entities.parquet")
    assert "<b>2</b><span>documents analysed</span>" in html and "<b>1</b><span>files skipped</span>" in html
    assert f"<b>{len(entities)}</b><span>entity mentions" in html
    assert list(read_pages(html)) == ["doc-piege", "doc-visite"]
    assert "2024-05 → 2024-06" in html
    assert len(documents) == 3
    tags = parse(html)
    assert len(code(tags)) == 1
    assert not any(t == "img" for t, _ in tags.tags)
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    dates = pd.read_parquet(out / "dates.parquet")
    for doc_id in ("visite", "piege"):  # every mention and date of the tables is highlighted in the text
        text = read_pages(html)[f"doc-{doc_id}"].split('<div class="text"')[1]
        spans = [(r.start, r.end) for r in entities[entities["doc_id"] == doc_id].itertuples()]
        spans += [(r.start, r.end) for r in dates[dates["doc_id"] == doc_id].itertuples()]
        assert spans and len(re.findall(r"<b>(?:PER|ORG|LOC|MISC|DATE)</b>", text)) == len(set(spans))


def test_top_keywords_keep_names_as_written() -> None:
    from pipeline.report.themes import top_keywords

    class Tables:
        def get(self, name: str) -> pd.DataFrame:
            return pd.DataFrame(
                {
                    "doc_id": ["a", "b", "c"],
                    "keyword": ["Conseil régional d'Occitanie", "Conseil régional d'Occitanie", "serre"],
                    "lemma": ["conseil régional de occitanie"] * 2 + ["serre"],
                }
            )

    assert top_keywords(Tables())[0] == ("Conseil régional d'Occitanie", 2)
