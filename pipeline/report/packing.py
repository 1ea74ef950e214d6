"""The document pages' transport inside the report: gzip-compressed JSON in base64, in one inert block.

Why: as live markup, every page of highlighted text would be parsed when the report opens; as one
`application/octet-stream` block they take a third of the size and cost nothing until the page's script
unpacks them on the first visit to a document.
"""

from __future__ import annotations

import base64
import gzip
import json
import re

PAGES_ID = "report-pages"
_PAGES = re.compile(
    rf'<script type="application/octet-stream" id="{PAGES_ID}"[^>]*>([A-Za-z0-9+/=\s]*)</script>'
)


def pack_pages(pages: dict[str, str]) -> str:
    """Document pages {id: markup} as gzip-compressed JSON in base64: inert, ASCII, a third of the size.

    Base64 cannot close the <script> block that holds it, whatever the documents contain.
    """
    raw = json.dumps(pages, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(gzip.compress(raw, compresslevel=6, mtime=0)).decode("ascii")


def read_pages(html: str) -> dict[str, str]:
    """The document pages of a report, {page id: markup} (what the page's script unpacks)."""
    match = _PAGES.search(html)
    if match is None:
        return {}
    return dict(json.loads(gzip.decompress(base64.b64decode(match.group(1)))))
