"""Analyse French press releases into comparable tables (entities, dates, keywords, themes)."""

__version__ = "0.1.0"
