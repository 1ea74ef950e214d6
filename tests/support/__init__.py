"""Helpers for the tests and benchmarks, kept out of the `pipeline` package that users install.

Tests import them as `support.*` (pytest puts tests/ on sys.path: tests/ has no __init__.py);
benchmarks, which put the repository root on sys.path, as `tests.support.*`.
"""
