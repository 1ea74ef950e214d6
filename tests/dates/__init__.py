"""Tests of pipeline/dates/."""
