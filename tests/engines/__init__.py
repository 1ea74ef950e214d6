"""Tests of pipeline/engines/."""
