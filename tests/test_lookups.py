"""Slow lookup tables: built once per process, or built aside while the model loads and adopted."""

from __future__ import annotations

import os
import time

import pytest

from pipeline import lookups
from pipeline.lookups import PerProcess, built_aside


def test_built_once_on_first_use():
    calls = []
    table = PerProcess(lambda: calls.append(1) or {"Londres": "GB"})
    assert not table.ready
    assert table()["Londres"] == "GB" and table() is table()
    assert calls == [1] and table.ready


def test_built_aside_in_another_process_while_the_block_runs(monkeypatch):
    started = time.monotonic()
    pid, clock = PerProcess(os.getpid), PerProcess(time.monotonic)
    monkeypatch.setattr(lookups, "_tables", lambda: [pid, clock])
    with built_aside():
        time.sleep(1.0)  # the model load
        assert not pid.ready
    assert pid.ready and pid() != os.getpid()
    assert started <= clock() < started + 1.0  # built while the block was running


def test_a_failed_build_aside_is_retried_where_the_table_is_used(monkeypatch):
    broken = PerProcess(lambda: 1 // 0)
    monkeypatch.setattr(lookups, "_tables", lambda: [broken])
    with built_aside():
        pass
    assert not broken.ready
    with pytest.raises(ZeroDivisionError):
        broken()


def test_the_real_tables_adopted_answer_like_fresh_ones(monkeypatch):
    from pipeline import language, places

    monkeypatch.setattr(places.place_index, "_value", None)
    monkeypatch.setattr(language.identifier, "_value", None)
    places.country_code.cache_clear()
    with built_aside():
        pass
    assert places.place_index.ready and language.identifier.ready
    assert places.country_code("Londres") == "GB" and places.country_code("Europe") is None
    assert language.detect_language("Le ministre a présenté le budget de l'État.")[0] == "fr"
    places.country_code.cache_clear()
