"""Tests of pipeline/quotes/."""
