"""The report in a real browser: headless Chromium loads it, runs its script, and must see no error.

Any JavaScript exception, console error, browser log error (a Content-Security-Policy violation, for
one) or request other than the file itself fails a test. Screenshots of the shipped corpus's report are
saved to benchmarks/out/report-screenshots/ (or $REPORT_SCREENSHOTS) for a person to look at.
Skipped, with the reason printed, where Debian's chromium (/usr/bin/chromium) is not installed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.report import build_report
from tests.support.browser import Browser, chromium_missing
from tests.support.paths import ROOT

MISSING = chromium_missing()
if MISSING:
    print(f"\ntest_report_browser skipped: {MISSING}")
pytestmark = [
    pytest.mark.slow,  # a real run on the shipped corpus, and Chromium
    pytest.mark.skipif(MISSING is not None, reason=f"no headless browser: {MISSING}"),
]

VISIBLE = "(sel) => { const e = document.querySelector(sel); return !!e && e.getClientRects().length > 0; }"


def visible(browser: Browser, selector: str) -> bool:
    return bool(browser.evaluate(f"({VISIBLE})({selector!r})"))


@pytest.fixture(scope="module")
def shots() -> Path:
    folder = Path(os.environ.get("REPORT_SCREENSHOTS", ROOT / "benchmarks" / "out" / "report-screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {folder}")
    return folder


@pytest.fixture(scope="module")
def shipped_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report of a real run on the shipped corpus/."""
    from pipeline.core import run

    out = tmp_path_factory.mktemp("shipped-run")
    run(ROOT / "corpus", out, formats=("parquet",), jobs=1)
    return build_report(out)


def test_the_error_detector_works(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text(
        "<!DOCTYPE html><title>t</title><p>x</p><script>undefinedFunction();</script>"
        "<script>console.error('logged')</script>",
        encoding="utf-8",
    )
    with Browser() as browser:
        browser.open(page)
        errors = list(browser.errors)
    assert any("undefinedFunction" in e for e in errors), errors
    assert any("logged" in e for e in errors), errors


def test_shipped_corpus_report(shipped_report: Path, shots: Path) -> None:
    with Browser(width=1366, height=1000) as browser:
        timing = browser.open(shipped_report)
        assert timing.load_s < 3.0
        assert browser.evaluate("document.title").startswith("Corpus report")
        assert browser.evaluate("document.querySelectorAll('svg.chart').length") >= 3
        for section in ("glance", "themes", "entities", "comentions", "similar", "documents"):
            assert visible(browser, f"#{section}"), section
            browser.go(section)
            browser.screenshot(shots / f"shipped-{section}.png")

        # open a document from the index, as a click would
        browser.evaluate("document.querySelector('#doc-index a.doc-link').click()")
        browser.wait_visible("article.page.current")
        assert visible(browser, "article.page.current") and not visible(browser, "#overview")
        marks = browser.evaluate("document.querySelectorAll('article.page.current .text .e').length")
        assert marks > 0  # entities and dates highlighted by displaCy
        browser.screenshot(shots / "shipped-document.png")
        browser.evaluate("window.scrollBy(0, 900)")
        browser.screenshot(shots / "shipped-document-text.png")

        # from a highlighted mention to the entity's entry, its list of documents opened
        href = browser.evaluate(
            "document.querySelector('article.page.current .text a.e').getAttribute('href')"
        )
        browser.evaluate("document.querySelector('article.page.current .text a.e').click()")
        browser.settle(0.2)
        assert visible(browser, "#overview") and not visible(browser, "article.page.current")
        assert browser.evaluate(f"document.querySelector('{href} details').open") is True
        browser.screenshot(shots / "shipped-entity.png")

        # the browser's back button returns to the document
        browser.evaluate("history.back()")
        browser.wait_visible("article.page.current")
        assert visible(browser, "article.page.current")
        assert browser.errors == []


def test_hostile_document_runs_nothing(tmp_path: Path, shots: Path) -> None:
    from tests.report.test_report import make_run

    html = build_report(make_run(tmp_path / "hostile"))
    with Browser() as browser:
        browser.open(html)
        browser.go("doc-hostile")
        assert visible(browser, "#doc-hostile")
        text = browser.evaluate("document.querySelector('#doc-hostile .text').textContent")
        assert "Communiqué piégé <script>xwindow.__pwned = 1</script>" in text  # "x": the span's label
        assert '<img src=x onerror="window.__pwned = 2">' in text
        assert browser.evaluate("document.querySelector('#doc-hostile h1').textContent") == (
            '<script>alert("title")</script>'
        )
        browser.evaluate(  # hover every highlighted span: no handler hides in their attributes
            "document.querySelectorAll('.e').forEach(e => e.dispatchEvent(new MouseEvent('mouseover')))"
        )
        browser.settle(0.3)
        assert browser.evaluate("typeof window.__pwned") == "undefined"
        assert browser.evaluate("document.querySelectorAll('img, iframe').length") == 0
        browser.screenshot(shots / "hostile-document.png")
        assert browser.errors == []


def test_index_pagination_and_filter(tmp_path: Path) -> None:
    from tests.report.test_report import make_run

    html = build_report(make_run(tmp_path / "many", n_alpha_docs=32, hostile=False))
    rows = "Array.from(document.querySelectorAll('#doc-index tbody tr')).filter(r => !r.hidden).length"
    with Browser() as browser:
        browser.open(html)
        assert browser.evaluate(rows) == 25  # 33 rows (32 documents and a skipped file), 25 a page
        browser.evaluate("document.querySelector('#doc-index + .pager button:last-child').click()")
        assert browser.evaluate(rows) == 8
        browser.evaluate(
            "const f = document.querySelector('input.filter'); f.value = 'titre 3';"
            "f.dispatchEvent(new Event('input'))"
        )
        assert browser.evaluate(rows) == 3  # Titre 3, Titre 30, Titre 31
        browser.evaluate(
            "const g = document.querySelector('input.filter'); g.value = 'prefecture';"
            "g.dispatchEvent(new Event('input'))"
        )
        assert browser.evaluate(rows) == 16  # accents ignored: "Préfecture B" on every odd document
        assert browser.errors == []
