"""Tests of pipeline/keywords/."""
