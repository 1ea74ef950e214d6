"""Dates found in a sentence as (text, value) pairs, a range written "start..end": the form the everyday
family tests compare."""

from __future__ import annotations

import datetime as dt

from pipeline.dates import extract_dates


def dated(text: str, published: dt.date) -> list[tuple[str, str]]:
    return [
        (m.text, m.value + (f"..{m.end_value}" if m.end_value else ""))
        for m in extract_dates(text, published)
    ]
