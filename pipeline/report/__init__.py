"""A self-contained HTML report of a run: open it offline, mail it, put it on an intranet.

`build_report(out_dir)` reads the tables a run wrote (Parquet, else CSV) and the analysed texts, and
writes one HTML file whose styles, script and charts are all inline: it makes no network request at
view time (a Content-Security-Policy in the page forbids any), and it works from file://.

Sections: the corpus at a glance (documents per month and per source, skipped files, encoding repairs),
themes over time (documents per theme per month), the top canonical entities per label linked to the
documents that mention them, entities mentioned together (heatmap and ranked pairs), similar documents
(a ranked list of pairs), and a page per document with its entities and dates highlighted by displaCy
(manual mode), its keywords, themes, similar documents and quotes.

Plotting library: matplotlib, rendered to inline SVG. Why: the charts here are static summaries
(bars and count heatmaps), so a JavaScript charting runtime buys little and costs a lot -- Plotly's
bundle alone is ~3.5 MB per file and must be parsed before the page is usable, Vega-Lite's ~0.8 MB;
matplotlib adds no script, so a chart can never raise a JavaScript error or slow the page's opening, the
SVG text stays searchable and copyable, the charts print and survive mail filters that strip scripts,
and matplotlib is maintained, ships wheels, and needs no browser to render. Templates: Jinja2 with
autoescaping, so every string from a document is escaped unless it is markup we built ourselves.

Scale: long lists are cut with a count ("and N more") or paginated by the page's small script; the
document pages travel as one gzip-compressed JSON block (base64, inert to the HTML parser) that the
script unpacks on the first visit to a page (DecompressionStream: Chromium 80+, Firefox 113+, Safari
16.4+), so 1,000 documents give a ~3.3 MB file that opens in about a second; a page shows at most
MAX_TEXT_CHARS of its text. The pages' markup is escaped when it is built, exactly as inline markup.

Code: `data` reads the tables and `charts` draws; one module per section builds its content (`overview`,
`themes`, `entities`, `similar`, `pages` with `highlight` for displaCy), `common` holds what sections
share, `packing` the pages' compressed block, and `build` puts them in order and renders the templates.
"""

from __future__ import annotations

from .build import build_report
from .common import anchor
from .data import ReportError, load_tables
from .highlight import MAX_TEXT_CHARS
from .packing import read_pages

__all__ = ["MAX_TEXT_CHARS", "ReportError", "anchor", "build_report", "load_tables", "read_pages"]
