"""Tests of pipeline/ingest/."""
