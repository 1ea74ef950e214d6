"""Tests of pipeline/entities/."""
