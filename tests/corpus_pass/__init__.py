"""Tests of pipeline/corpus_pass/."""
