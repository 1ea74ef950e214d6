"""The data dictionary (docs/data-dictionary.md), written from the schemas of `tables.py`."""

from __future__ import annotations

from .tables import SPECIFICITIES, TABLES


def data_dictionary() -> str:
    """Markdown data dictionary for every exported table (docs/data-dictionary.md is this text)."""
    out = [
        "# Data dictionary",
        "",
        "Generated from `pipeline/tables.py` by `python -m pipeline dictionary -o docs/data-dictionary.md`; "
        "a test fails when it is stale.",
        "",
        "Tables join on `doc_id` (every per-document table -> documents), `canonical` (entities and "
        "quotes.speaker_canonical -> entity_summary) and `theme` (themes -> the theme columns of "
        "doc_theme_matrix.csv). Offsets are "
        "code points into OUT_DIR/texts/<doc_id>.txt, end exclusive: `text[start:end] == text` holds in "
        "Parquet and in the default `rfc` CSV flavour. The `excel` and `excel-fr` CSV flavours and the xlsx "
        "workbook prefix text cells that a spreadsheet would run as a formula (starting with = + - @, tab or "
        "CR) with an apostrophe, so there that equality holds after removing the prefix.",
        "",
    ]
    for spec in (*TABLES.values(), SPECIFICITIES):
        if not spec.exported:
            continue
        out += [f"## {spec.name}", "", spec.doc, "", "| column | type | meaning |", "|---|---|---|"]
        out += [f"| {c.name} | {c.type} | {c.doc} |" for c in spec.columns]
        out.append("")
    out += [
        "## doc_theme_matrix (CSV and xlsx only)",
        "",
        "One row per document (`doc_id`), one column per theme id of the taxonomy (level-1 subjects first, "
        "then level-2 themes) holding the theme's score (0 when not assigned). Its Parquet form is the long "
        "`themes` table, whose schema does not depend on the taxonomy.",
        "",
    ]
    return "\n".join(out)
